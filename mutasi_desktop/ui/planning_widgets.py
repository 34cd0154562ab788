"""Small widgets of the Mutasi screens: filter chips, a person picker that searches the
register as you type, the live rule-check list with its override buttons, table set-up."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_rules import Keparahan, RuleResult, sort_results
from mutasi_desktop.domain.nip import format_nip
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.staff import StaffFilter, StaffRow
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import fmt_int, problem_text, tr_label, tr_message
from mutasi_desktop.ui.planning_models import MUTED, SEVERITY_COLOURS, dot_icon, fmt_time
from mutasi_desktop.ui.style import ACCENT, ACCENT_LIGHT, BALANCED, SHORTAGE, WARNING

_Index = QModelIndex | QPersistentModelIndex

# Local additions to the app's quiet stylesheet (chips, rule rows, the plan summary).
PLANNING_STYLE = f"""
QPushButton#filterChip {{
    border: 1px solid #cfd6dc; border-radius: 11px; padding: 2px 10px; background: white;
    color: #33414e;
}}
QPushButton#filterChip:checked {{
    background: {ACCENT_LIGHT}; border-color: {ACCENT}; color: {ACCENT};
}}
QFrame#ruleRow {{ border: none; border-bottom: 1px solid #eceff1; }}
QLabel#ruleMeta, QLabel#ruleReason {{ color: #5b6876; font-size: 11px; }}
QLabel#sectionTitle {{ font-weight: 600; color: #33414e; }}
QFrame#planSummary {{
    background: #f7f9fa; border: 1px solid #e3e7ea; border-radius: 6px;
}}
QLabel#planFigure {{ font-size: 16px; font-weight: 600; color: #1d2733; }}
"""


def error_text(exc: DomainError) -> str:
    return problem_text(exc.problems[0]) if exc.problems else str(exc)


def show_error(dialogs: Dialogs, parent: QWidget, title: str, exc: DomainError) -> None:
    dialogs.error(parent, title, error_text(exc))


def make_table(
    model: QAbstractItemModel,
    *,
    multi: bool = False,
    sort: bool = True,
    stretch: Sequence[int] = (),
    widths: Mapping[int, int] | None = None,
) -> QTableView:
    """A read-only list table in the house pattern: whole rows, sortable, fixed row height;
    ``stretch`` columns share the room left by the others (``widths``)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setSortingEnabled(sort)
    vh = table.verticalHeader()
    vh.setVisible(False)
    vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vh.setDefaultSectionSize(26)
    hh = table.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    hh.setStretchLastSection(not stretch)
    hh.setHighlightSections(False)
    for col, width in (widths or {}).items():
        table.setColumnWidth(col, width)
    for col in stretch:
        hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
    if sort:
        hh.setSortIndicatorClearable(True)
        hh.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return table


def narrow_combo(combo: QComboBox, chars: int = 18) -> QComboBox:
    """A combo that does not widen its panel to its longest item (long unit paths, OPDs)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    return label


def hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


# ------------------------------------------------------------------------------ chips


class FilterChips(QWidget):
    """A row of toggle chips; none checked means "all". ``changed`` fires on every toggle."""

    changed = Signal()

    def __init__(self, chips: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        self.labels = dict(chips)
        self.buttons: dict[str, QPushButton] = {}
        for key, label in chips:
            button = QPushButton(label)
            button.setObjectName("filterChip")
            button.setCheckable(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setProperty("chip", key)
            button.toggled.connect(self._on_toggled)
            lay.addWidget(button)
            self.buttons[key] = button
        lay.addStretch(1)

    @Slot(bool)
    def _on_toggled(self, _checked: bool) -> None:
        self.changed.emit()

    def selected(self) -> frozenset[str]:
        return frozenset(k for k, b in self.buttons.items() if b.isChecked())

    def set_selected(self, keys: set[str] | frozenset[str]) -> None:
        for key, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(key in keys)
            button.blockSignals(False)
        self.changed.emit()

    def set_counts(self, counts: Mapping[str, int]) -> None:
        for key, button in self.buttons.items():
            n = counts.get(key)
            label = self.labels[key]
            button.setText(f"{label} {fmt_int(n)}" if n is not None else label)


# ------------------------------------------------------------------------------ person picker


class _PeopleModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[StaffRow] = []

    def set_rows(self, rows: list[StaffRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return person_label(r)
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(x for x in (r.jabatan_nama, r.unit_nama, r.opd_nama) if x)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None


def person_label(r: StaffRow) -> str:
    where = r.jabatan_nama or ""
    if r.opd_nama:
        where = f"{where} · {r.opd_nama}" if where else r.opd_nama
    return f"{r.nama_lengkap} — {format_nip(r.nip)}" + (f" — {where}" if where else "")


class PersonPicker(QLineEdit):
    """Type a name or NIP; the register is searched as you type and a pick sets the person."""

    personChanged = Signal(object)  # StaffRow | None
    SEARCH_DELAY_MS = 120
    LIMIT = 30

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.person: StaffRow | None = None
        self.setPlaceholderText(self.tr("Ketik nama atau NIP pegawai…"))
        self.setClearButtonEnabled(True)
        self.suggestions = _PeopleModel(self)
        self.completer_ = QCompleter(self.suggestions, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated.connect(self._on_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_now)
        self.textEdited.connect(self._on_edited)

    @Slot(str)
    def _on_edited(self, _text: str) -> None:
        if self.person is not None:
            self.person = None
            self.personChanged.emit(None)
        self._timer.start()

    @Slot()
    def _search_now(self) -> None:
        self.search(self.text(), popup=self.hasFocus())

    def search(self, text: str, *, popup: bool = False) -> list[StaffRow]:
        """Fill the suggestions for ``text`` (the register's own search); optionally pop up."""
        rows = (
            self.services.staff.search(StaffFilter(search=text), limit=self.LIMIT)
            if text.strip()
            else []
        )
        self.suggestions.set_rows(rows)
        if popup and rows:
            self.completer_.complete()
        return rows

    @Slot(str)
    def _on_activated(self, text: str) -> None:
        labels = [person_label(r) for r in self.suggestions.rows]
        if text in labels:
            self.pick(labels.index(text))

    def pick(self, row: int) -> None:
        if 0 <= row < len(self.suggestions.rows):
            self.set_person(self.suggestions.rows[row])
            self.personChanged.emit(self.person)

    def set_person(self, person: StaffRow | None) -> None:
        """Show ``person`` without announcing it (loading a proposal)."""
        self.person = person
        self.blockSignals(True)
        self.setText(person_label(person) if person else "")
        self.setCursorPosition(0)
        self.blockSignals(False)
        self.setToolTip(person_label(person) if person else "")


# ------------------------------------------------------------------------------ rules


@dataclass(frozen=True)
class OverrideNote:
    """A written reason for one warning (saved, or typed for a proposal not saved yet)."""

    alasan: str
    oleh: str | None = None
    waktu: datetime | None = None


class RuleList(QWidget):
    """Every finding of the live rule check: a coloured mark, the Indonesian sentence, its
    source, and for each warning either the written reason or a button to give one."""

    overrideRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: list[RuleResult] = []
        self.buttons: dict[str, QPushButton] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setObjectName("ruleSummary")
        lay.addWidget(self.summary)
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows_box.setSpacing(0)
        lay.addLayout(self.rows_box)
        self.message = hint()
        lay.addWidget(self.message)
        self._rows: list[QWidget] = []
        self.set_message(self.tr("Pilih pegawai dan jabatan tujuan untuk memeriksa aturan."))

    def _clear(self) -> None:
        for w in self._rows:
            self.rows_box.removeWidget(w)
            w.hide()
            w.deleteLater()
        self._rows = []
        self.buttons = {}

    def set_message(self, text: str, *, error: bool = False) -> None:
        self._clear()
        self.results = []
        self.summary.setText("")
        self.summary.hide()
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {SHORTAGE};" if error else "")
        self.message.show()

    def counts(self) -> dict[Keparahan, int]:
        out = dict.fromkeys(Keparahan, 0)
        for r in self.results:
            out[r.severity] += 1
        return out

    def badge_text(self, reasons: Mapping[str, OverrideNote]) -> str:
        """The rich-text badges: "1 menghalangi · 2 peringatan (1 belum dialasankan) · …"."""
        n = self.counts()
        open_ = sum(1 for r in self.results if r.needs_reason and r.code not in reasons)
        bits = []
        if n[Keparahan.BLOKIR]:
            bits.append(
                f'<span style="color:{SHORTAGE}">● '
                + self.tr("{n} menghalangi").format(n=fmt_int(n[Keparahan.BLOKIR]))
                + "</span>"
            )
        if n[Keparahan.PERINGATAN]:
            text = self.tr("{n} peringatan").format(n=fmt_int(n[Keparahan.PERINGATAN]))
            if open_:
                text += " " + self.tr("({n} belum dialasankan)").format(n=fmt_int(open_))
            colour = WARNING if open_ else BALANCED
            bits.append(f'<span style="color:{colour}">● {text}</span>')
        if n[Keparahan.INFO]:
            bits.append(
                f'<span style="color:{MUTED}">● '
                + self.tr("{n} informasi").format(n=fmt_int(n[Keparahan.INFO]))
                + "</span>"
            )
        if not n[Keparahan.BLOKIR] and not open_:
            bits.insert(0, f'<span style="color:{BALANCED}">✔ ' + self.tr("Lolos") + "</span>")
        return " &nbsp;·&nbsp; ".join(bits)

    def set_results(
        self,
        results: Sequence[RuleResult],
        reasons: Mapping[str, OverrideNote],
        *,
        can_override: bool,
    ) -> None:
        self._clear()
        self.results = sort_results(results)
        self.summary.setText(self.badge_text(reasons))
        self.summary.show()
        if not self.results:
            self.message.setText(self.tr("Tidak ada temuan: semua aturan terpenuhi."))
            self.message.setStyleSheet("")
            self.message.show()
            return
        self.message.hide()
        for r in self.results:
            row = self._row(r, reasons.get(r.code), can_override)
            self.rows_box.addWidget(row)
            self._rows.append(row)

    def _row(self, r: RuleResult, note: OverrideNote | None, can_override: bool) -> QFrame:
        frame = QFrame()
        frame.setObjectName("ruleRow")
        frame.setProperty("code", r.code)
        lay = QHBoxLayout(frame)
        lay.setContentsMargins(2, 5, 2, 5)
        colour = SEVERITY_COLOURS[r.severity]
        if r.needs_reason and note is not None:
            colour = BALANCED
        mark = QLabel()
        mark.setPixmap(dot_icon(colour).pixmap(12, 12))
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        mark.setContentsMargins(0, 3, 0, 0)
        lay.addWidget(mark)
        text = QVBoxLayout()
        text.setSpacing(1)
        message = QLabel(tr_message(r.code, dict(r.params)))
        message.setWordWrap(True)
        message.setObjectName("ruleMessage")
        text.addWidget(message)
        meta = QLabel(
            self.tr("{severity} · {code}").format(severity=tr_label(r.severity.label), code=r.code)
        )
        meta.setObjectName("ruleMeta")
        meta.setToolTip(r.dasar or "")
        text.addWidget(meta)
        if r.needs_reason and note is not None:
            who = ""
            if note.oleh:
                who = self.tr(" — {oleh}, {waktu}").format(
                    oleh=note.oleh, waktu=fmt_time(note.waktu)
                )
            else:
                who = self.tr(" — belum disimpan")
            reason = QLabel(self.tr("Alasan: “{alasan}”").format(alasan=note.alasan) + who)
            reason.setObjectName("ruleReason")
            reason.setWordWrap(True)
            text.addWidget(reason)
        lay.addLayout(text, 1)
        if r.needs_reason and note is None and can_override:
            button = QPushButton(self.tr("Beri alasan…"))
            button.setToolTip(
                self.tr("Abaikan peringatan ini dengan alasan tertulis (dicatat dalam jejak audit)")
            )
            button.setProperty("code", r.code)
            button.clicked.connect(self._on_override)
            lay.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.buttons[r.code] = button
        return frame

    @Slot()
    def _on_override(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.overrideRequested.emit(str(button.property("code")))
