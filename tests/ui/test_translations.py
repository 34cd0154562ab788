"""User-visible strings go through Qt's translation mechanism; Qt's own buttons speak Indonesian."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mutasi_desktop.config.paths import resource_root
from mutasi_desktop.domain import messages
from mutasi_desktop.domain.pegawai import STATUS_LABELS

PACKAGE = Path(__file__).resolve().parents[2] / "mutasi_desktop"


def _tool(name: str) -> str:
    # The tools sit beside the interpreter of the venv, which need not be on PATH.
    path = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: the PySide6-Essentials install is incomplete")
    return path


def test_lupdate_collects_every_message_template_and_label(tmp_path: Path) -> None:
    ts = tmp_path / "all.ts"
    sources = sorted(str(p) for p in PACKAGE.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(ts)], check=True, capture_output=True
    )
    root = ET.parse(ts).getroot()
    found: dict[str, set[str]] = {}
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        found[name] = {m.findtext("source") or "" for m in ctx.iter("message")}
    assert set(messages.TEMPLATES.values()) <= found["Pesan"]
    assert set(STATUS_LABELS.values()) <= found["Pesan"]
    assert {"Simpan", "Tambah pegawai", "Organisasi"} <= set().union(*found.values())


# Qt calls whose string argument a user reads.
VISIBLE_CALLS = {
    "setText",
    "setWindowTitle",
    "setPlaceholderText",
    "setToolTip",
    "addItem",
    "setLabelText",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QAction",
    "addTab",
    "addMenu",
    "showMessage",
    "setHorizontalHeaderLabels",
    "addRow",
}


def _literal_strings(node: ast.AST) -> list[str]:
    out: list[str] = []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        out.append(node.value)
    elif isinstance(node, ast.JoinedStr):
        out.extend(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
    elif isinstance(node, (ast.List, ast.Tuple)):
        for elt in node.elts:
            out.extend(_literal_strings(elt))
    return out


def test_ui_code_has_no_untranslated_visible_literals() -> None:
    offenders: list[str] = []
    for path in [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name not in VISIBLE_CALLS:
                continue
            for arg in node.args[:1]:
                for text in _literal_strings(arg):
                    # Symbols and empty strings need no translation.
                    if any(ch.isalpha() for ch in text):
                        offenders.append(f"{path.name}:{node.lineno} {name}({text!r})")
    assert offenders == []


def test_qt_standard_buttons_are_indonesian(qapp: QApplication) -> None:
    qm = resource_root() / "translations" / "qtbase_id.qm"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save
        )
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"Batal", "Simpan"}
    finally:
        QCoreApplication.removeTranslator(translator)


def test_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    folder = resource_root() / "translations"
    fresh = tmp_path / "qtbase_id.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(folder / "qtbase_id.ts"), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == (folder / "qtbase_id.qm").read_bytes(), (
        "run: pyside6-lrelease resources/translations/qtbase_id.ts"
    )
