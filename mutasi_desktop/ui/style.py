"""One quiet palette: a single accent colour; red/amber/green only for shortage/warning/balance."""

from __future__ import annotations

ACCENT = "#1f6f78"
ACCENT_LIGHT = "#e3f1f2"
SHORTAGE = "#c0392b"
WARNING = "#b9770e"
BALANCED = "#1e8449"

STYLESHEET = f"""
QListWidget#navRail {{
    background: #f3f5f7; border: none; border-right: 1px solid #dde2e6;
    padding-top: 8px; font-size: 13px;
}}
QListWidget#navRail::item {{
    padding: 10px 12px; margin: 2px 6px; border-radius: 6px; color: #33414e;
}}
QListWidget#navRail::item:selected {{
    background: {ACCENT_LIGHT}; color: {ACCENT}; font-weight: 600;
}}
QListWidget#navRail::item:hover:!selected {{ background: #e8ecef; }}
QLabel#detailTitle {{ font-size: 17px; font-weight: 600; color: #1d2733; }}
QLabel#detailSubtitle, QLabel#countLabel, QLabel#hint {{ color: #5b6876; }}
QLabel#fieldError {{ color: {SHORTAGE}; font-size: 11px; }}
QLabel#errorBanner {{
    background: #fdecea; color: {SHORTAGE}; border: 1px solid #f5c6c1; border-radius: 4px;
    padding: 6px 8px;
}}
QLineEdit#searchBox {{ padding: 5px 8px; font-size: 13px; }}
QPushButton#primaryButton {{
    background: {ACCENT}; color: white; border: 1px solid {ACCENT}; border-radius: 4px;
    padding: 5px 16px; font-weight: 600;
}}
QPushButton#primaryButton:disabled {{ background: #9fbfc2; border-color: #9fbfc2; }}
QTreeView::item {{ padding: 3px 0; }}
QTabBar::tab {{ padding: 5px 9px; }}
QTableView, QTreeView {{ gridline-color: #e6e9ec; selection-background-color: {ACCENT}; }}
QHeaderView::section {{ background: #f3f5f7; border: none; border-bottom: 1px solid #dde2e6;
    border-right: 1px solid #e6e9ec; padding: 4px 6px; font-weight: 600; color: #33414e; }}
"""
