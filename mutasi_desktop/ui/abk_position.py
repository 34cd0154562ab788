"""One position of the workload dashboard: its task table edited in place, recomputed live."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.abk import (
    AbkProfile,
    KondisiBeban,
    Periode,
    SatuanWaktu,
    StatusSelisih,
    TaskInput,
    parse_periode,
    parse_satuan_waktu,
)
from mutasi_desktop.domain.abk_report import (
    AbkPositionRow,
    AbkTaskRow,
    SumberPegawai,
    located_message,
)
from mutasi_desktop.domain.errors import DomainError, Problem, Severity
from mutasi_desktop.domain.jabatan import JenisJabatan
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.ui.abk_model import (
    KONDISI_COLOURS,
    MUTED,
    RIGHT,
    STATUS_COLOURS,
    fmt_dec,
    fmt_ej,
    fmt_jam,
    fmt_num,
    fmt_signed,
    kondisi_text,
    pj_text,
)
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import fmt_int, problem_text, tr_label
from mutasi_desktop.ui.widgets import ChoiceDelegate

_Index = QModelIndex | QPersistentModelIndex

ERROR_BACKGROUND = "#fdecea"
WARNING_BACKGROUND = "#fdf3e1"
MAX_LISTED_PROBLEMS = 8

_THOUSANDS_DOT = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"[+-]?\d{1,3}(,\d{3}){2,}")


def parse_angka(text: str) -> float | None:
    """A number typed in a cell: the UI locale first, then Indonesian or English notation.

    '7,5' → 7.5, '1.250' → 1250 (Indonesian thousands), '1.250,5' → 1250.5, '0.125' → 0.125
    (the same reading as the ABK workbook). Empty → None; anything else raises ValueError.
    """
    raw = text.strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if not raw:
        return None
    value, ok = QLocale().toDouble(raw)
    if ok:
        return float(value)
    s = raw
    if "," in s and "." in s:
        decimal_sep = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if decimal_sep == "," else ",", "").replace(decimal_sep, ".")
    elif "." in s:
        if _THOUSANDS_DOT.fullmatch(s) and not s.lstrip("+-").startswith("0"):
            s = s.replace(".", "")
    elif "," in s:
        s = s.replace(",", "") if _THOUSANDS_COMMA.fullmatch(s) else s.replace(",", ".")
    try:
        number = Decimal(s)
    except InvalidOperation:
        raise ValueError(text) from None
    if not number.is_finite():
        raise ValueError(text)
    return float(number)


def edit_text(value: float | str | None) -> str:
    """The text a number cell opens with: the locale's decimal mark, no thousands dots."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(value), "g", 15)


@dataclass
class TaskDraft:
    """One task row as typed; a number cell holds the raw text while it is not a number."""

    uraian: str = ""
    satuan_hasil: str = ""
    waktu: float | str | None = None
    satuan_waktu: SatuanWaktu = SatuanWaktu.MENIT
    volume: float | str | None = None
    periode: Periode = Periode.TAHUN
    pemicu: str | None = None
    rasio: float | str | None = None

    @classmethod
    def from_task(cls, t: TaskInput) -> TaskDraft:
        return cls(
            t.uraian,
            t.satuan_hasil,
            t.waktu,
            SatuanWaktu(t.satuan_waktu),
            t.volume,
            Periode(t.periode),
            t.pemicu,
            t.rasio,
        )


class AbkTaskTableModel(QAbstractTableModel):
    """The editable task table of one position, with each task's yearly figures."""

    (
        URAIAN,
        SATUAN_HASIL,
        WAKTU,
        SATUAN_WAKTU,
        VOLUME,
        PERIODE,
        PEMICU,
        RASIO,
        VOLUME_TAHUN,
        BEBAN,
        KEBUTUHAN,
    ) = range(11)
    FIELDS = (
        "uraian",
        "satuan_hasil",
        "waktu",
        "satuan_waktu",
        "volume",
        "periode",
        "pemicu",
        "rasio",
    )
    NUMBER_FIELDS = frozenset({"waktu", "volume", "rasio"})
    COMPUTED = frozenset({VOLUME_TAHUN, BEBAN, KEBUTUHAN})

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.drafts: list[TaskDraft] = []
        self.results: list[AbkTaskRow] | None = None
        self._problems: dict[tuple[int, str], list[Problem]] = {}
        self._headers = [
            self.tr("Uraian tugas"),
            self.tr("Satuan hasil"),
            self.tr("Waktu"),
            self.tr("Satuan waktu"),
            self.tr("Volume"),
            self.tr("Periode"),
            self.tr("Pemicu"),
            self.tr("Rasio"),
            self.tr("Volume/tahun"),
            self.tr("Beban (jam)"),
            self.tr("Kebutuhan"),
        ]
        self._tips = [
            self.tr("Uraian tugas (butir kegiatan)"),
            self.tr("Hasil kerja yang dihitung: surat, berkas, laporan…"),
            self.tr("Waktu penyelesaian satu hasil kerja"),
            self.tr("Menit atau jam"),
            self.tr("Jumlah hasil kerja per periode; kosong bila tugas memakai pemicu"),
            self.tr("Volume dihitung per tahun, bulan, minggu atau hari"),
            self.tr("Pemicu (mis. jumlah penduduk): volume = rasio × nilai pemicu"),
            self.tr("Volume per satu satuan pemicu"),
            self.tr("Volume setahun setelah dikalikan pengali periode"),
            self.tr("Beban kerja tugas setahun dalam jam"),
            self.tr("Bagian tugas ini dalam kebutuhan pegawai (belum dibulatkan)"),
        ]
        self.satuan_labels = {SatuanWaktu.MENIT: self.tr("menit"), SatuanWaktu.JAM: self.tr("jam")}
        self.periode_labels = {
            Periode.TAHUN: self.tr("per tahun"),
            Periode.BULAN: self.tr("per bulan"),
            Periode.MINGGU: self.tr("per minggu"),
            Periode.HARI: self.tr("per hari"),
        }
        self.no_driver = self.tr("\u2014 tanpa pemicu \u2014")
        self._labels = {
            "waktu": self.tr("waktu penyelesaian"),
            "volume": self.tr("volume"),
            "rasio": self.tr("rasio"),
        }
        self._wajib_waktu = self.tr("Waktu penyelesaian")

    # ---- content ---------------------------------------------------------------------------
    def set_tasks(self, drafts: Sequence[TaskDraft], results: Sequence[AbkTaskRow] | None) -> None:
        self.beginResetModel()
        self.drafts = [replace(d) for d in drafts]
        self.results = list(results) if results is not None else None
        self._problems = {}
        self.endResetModel()

    def set_results(
        self, results: Sequence[AbkTaskRow] | None, problems: Sequence[Problem]
    ) -> None:
        """Figures and problems of the last recompute (``results`` None: it could not run)."""
        self.results = list(results) if results is not None else None
        found: dict[tuple[int, str], list[Problem]] = {}
        for p in problems:
            row = p.params.get("tugas")
            if isinstance(row, int) and 1 <= row <= len(self.drafts):
                found.setdefault((row - 1, p.field or "uraian"), []).append(p)
        self._problems = found
        if self.drafts:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.drafts) - 1, self.columnCount() - 1)
            )

    def insert_task(self, row: int | None = None) -> int:
        at = len(self.drafts) if row is None else max(0, min(row, len(self.drafts)))
        self.beginInsertRows(QModelIndex(), at, at)
        self.drafts.insert(at, TaskDraft())
        if self.results is not None:
            self.results = None  # shifted rows: the next recompute fills them again
        self.endInsertRows()
        self.edited.emit()
        return at

    def remove_tasks(self, rows: Sequence[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self.drafts):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self.drafts[row]
                self.results = None
                self.endRemoveRows()
        self.edited.emit()

    def inputs(self) -> tuple[list[TaskInput], list[Problem]]:
        """The drafts as engine input, and the cells that are not numbers yet.

        An unreadable number stands in as 0 so the service still checks the other rows.
        """
        tasks: list[TaskInput] = []
        local: list[Problem] = []
        for n, d in enumerate(self.drafts, start=1):
            numbers: dict[str, float | None] = {}
            for name in ("waktu", "volume", "rasio"):
                value = getattr(d, name)
                if isinstance(value, str):
                    local.append(
                        Problem(
                            "abk.angka_tidak_sah",
                            Severity.ERROR,
                            name,
                            {
                                "tugas": n,
                                "uraian": d.uraian,
                                "label": self._labels[name],
                                "value": value,
                            },
                        )
                    )
                    numbers[name] = 0.0
                else:
                    numbers[name] = value
            waktu = numbers["waktu"]
            if waktu is None:
                local.append(
                    Problem(
                        "field.wajib",
                        Severity.ERROR,
                        "waktu",
                        {"tugas": n, "uraian": d.uraian, "label": self._wajib_waktu},
                    )
                )
                waktu = 0.0
            tasks.append(
                TaskInput(
                    uraian=d.uraian,
                    satuan_hasil=d.satuan_hasil,
                    waktu=waktu,
                    satuan_waktu=d.satuan_waktu,
                    volume=numbers["volume"],
                    periode=d.periode,
                    pemicu=d.pemicu,
                    rasio=numbers["rasio"],
                )
            )
        return tasks, local

    def problems_at(self, row: int, column: int) -> list[Problem]:
        if not 0 <= column < len(self.FIELDS):
            return []
        return self._problems.get((row, self.FIELDS[column]), [])

    # ---- Qt interface ----------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.drafts)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() not in self.COMPUTED:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.drafts):
            return None
        row, col = index.row(), index.column()
        d = self.drafts[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col, d)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit(col, d)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.WAKTU, self.VOLUME, self.RASIO) or col in self.COMPUTED:
                return RIGHT
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            found = self.problems_at(row, col)
            if any(p.is_error for p in found):
                return QColor(ERROR_BACKGROUND)
            if found:
                return QColor(WARNING_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col in self.COMPUTED:
            return QColor(MUTED)
        if role == Qt.ItemDataRole.ToolTipRole:
            found = self.problems_at(row, col)
            if found:
                return "\n".join(problem_text(p) for p in found)
            if col in (self.URAIAN, self.SATUAN_HASIL, self.PEMICU):
                return self._display(row, col, d) or None  # long text is elided in the cell
            return None
        return None

    def _display(self, row: int, col: int, d: TaskDraft) -> str:
        if col == self.URAIAN:
            return d.uraian
        if col == self.SATUAN_HASIL:
            return d.satuan_hasil
        if col in (self.WAKTU, self.VOLUME, self.RASIO):
            value = getattr(d, self.FIELDS[col])
            return value if isinstance(value, str) else fmt_num(value)
        if col == self.SATUAN_WAKTU:
            return self.satuan_labels[d.satuan_waktu]
        if col == self.PERIODE:
            return self.periode_labels[d.periode]
        if col == self.PEMICU:
            return d.pemicu or ""
        result = self.results[row] if self.results is not None and row < len(self.results) else None
        if result is None:
            return "\u2014"
        if col == self.VOLUME_TAHUN:
            return fmt_num(round(result.volume_tahunan, 4))
        if col == self.BEBAN:
            return fmt_jam(result.beban_kerja_menit)
        if col == self.KEBUTUHAN:
            return fmt_dec(result.kebutuhan, 3)
        return ""

    def _edit(self, col: int, d: TaskDraft) -> Any:
        if col >= len(self.FIELDS):
            return None
        name = self.FIELDS[col]
        value = getattr(d, name)
        if name in self.NUMBER_FIELDS:
            return edit_text(value)
        if name == "pemicu":
            return value or ""
        return str(value)

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() >= len(self.FIELDS)
            or not 0 <= index.row() < len(self.drafts)
        ):
            return False
        name = self.FIELDS[index.column()]
        text = "" if value is None else str(value)
        parsed: Any
        if name in ("uraian", "satuan_hasil"):
            parsed = " ".join(text.split())
        elif name in self.NUMBER_FIELDS:
            try:
                parsed = parse_angka(text)
            except ValueError:
                parsed = text.strip()  # kept as typed and marked until it is a number
        elif name == "satuan_waktu":
            parsed = parse_satuan_waktu(text)
            if parsed is None:
                return False
        elif name == "periode":
            parsed = parse_periode(text)
            if parsed is None:
                return False
        else:
            parsed = " ".join(text.split()) or None
        draft = self.drafts[index.row()]
        if getattr(draft, name) == parsed and type(getattr(draft, name)) is type(parsed):
            return True
        setattr(draft, name, parsed)
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1)
        )
        self.edited.emit()
        return True


class _Figure(QWidget):
    """A caption over a value: one of the position's headline figures."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 12, 0)
        lay.setSpacing(1)
        self.caption = QLabel(caption)
        self.caption.setObjectName("hint")
        self.value = QLabel()
        self.value.setObjectName("abkFigure")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.caption)
        lay.addWidget(self.value)

    def show_value(self, text: str, colour: str | None = None, tip: str = "") -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.value.setToolTip(tip)


class AbkPositionPanel(QWidget):
    """Shows one position's figures and edits its task table; every edit recomputes at once
    through ``AbkService.preview_position`` (nothing is written until Simpan)."""

    saved = Signal(object)  # AbkPositionRow, computed under the dashboard's scenario
    dirtyChanged = Signal(bool)
    statusMessage = Signal(str)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self.year: int | None = None
        self.scenario: str | None = None
        self.profile: AbkProfile | None = None
        self.jabatan_id: int | None = None
        self.stored: AbkPositionRow | None = None  # as saved (under the scenario)
        self.current: AbkPositionRow | None = None  # as edited, when it computes
        self._initial: list[TaskDraft] = []
        self._dirty = False
        self._errors = False
        self.model = AbkTaskTableModel(self)
        self.model.edited.connect(self.recompute)
        self._build()
        self.clear()

    # ---- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 6, 0, 0)
        root.setSpacing(6)
        self.empty_label = QLabel(
            self.tr("Pilih jabatan di tabel di atas untuk melihat dan menyunting tabel tugasnya.")
        )
        self.empty_label.setObjectName("hint")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        root.addWidget(self.empty_label, 1)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(6)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("detailSubtitle")
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        self.add_button = QPushButton(self.tr("Tambah tugas"))
        self.add_button.setToolTip(self.tr("Tambah baris tugas (Ctrl+N)"))
        self.add_button.clicked.connect(self.add_task)
        self.remove_button = QPushButton(self.tr("Hapus tugas"))
        self.remove_button.setToolTip(self.tr("Hapus baris tugas terpilih (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.discard_button = QPushButton(self.tr("Batalkan"))
        self.discard_button.setToolTip(self.tr("Kembalikan tabel tugas seperti tersimpan"))
        self.discard_button.clicked.connect(self.discard)
        self.save_button = QPushButton(self.tr("Simpan"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.setToolTip(self.tr("Simpan tabel tugas (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        for b in (self.add_button, self.remove_button, self.discard_button, self.save_button):
            head.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(head)

        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        captions = {
            "beban": self.tr("Beban kerja setahun"),
            "kebutuhan": self.tr("Kebutuhan pegawai"),
            "bulat": self.tr("Dibulatkan"),
            "ada": self.tr("Pegawai ada"),
            "selisih": self.tr("Selisih"),
            "ej": self.tr("EJ"),
            "pj": self.tr("PJ"),
            "kondisi": self.tr("Kondisi"),
        }
        self.figures: dict[str, _Figure] = {}
        for col, (key, caption) in enumerate(captions.items()):
            fig = _Figure(caption)
            self.figures[key] = fig
            grid.addWidget(fig, 0, col)
        grid.setColumnStretch(len(captions), 1)
        body.addLayout(grid)
        self.kebutuhan_value = self.figures["kebutuhan"].value
        self.bulat_value = self.figures["bulat"].value
        self.pj_value = self.figures["pj"].value
        self.kondisi_value = self.figures["kondisi"].value
        self.ej_value = self.figures["ej"].value

        self.headcount_note = QLabel()
        self.headcount_note.setObjectName("hint")
        self.headcount_note.setWordWrap(True)
        body.addWidget(self.headcount_note)
        self.dirty_note = QLabel()
        self.dirty_note.setObjectName("abkDirty")
        self.dirty_note.setWordWrap(True)
        body.addWidget(self.dirty_note)

        self.table = QTableView()
        self.table.setObjectName("abkTaskTable")
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        vh = self.table.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(24)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(AbkTaskTableModel.URAIAN, QHeaderView.ResizeMode.Stretch)
        widths = {
            AbkTaskTableModel.SATUAN_HASIL: 100,
            AbkTaskTableModel.WAKTU: 62,
            AbkTaskTableModel.SATUAN_WAKTU: 108,
            AbkTaskTableModel.VOLUME: 76,
            AbkTaskTableModel.PERIODE: 88,
            AbkTaskTableModel.PEMICU: 108,
            AbkTaskTableModel.RASIO: 56,
            AbkTaskTableModel.VOLUME_TAHUN: 104,
            AbkTaskTableModel.BEBAN: 96,
            AbkTaskTableModel.KEBUTUHAN: 88,
        }
        for col, width in widths.items():
            self.table.setColumnWidth(col, width)
        m = self.model
        self.satuan_delegate = ChoiceDelegate(
            [(str(k), v) for k, v in m.satuan_labels.items()], self.table
        )
        self.periode_delegate = ChoiceDelegate(
            [(str(k), v) for k, v in m.periode_labels.items()], self.table
        )
        self.pemicu_delegate = ChoiceDelegate([("", m.no_driver)], self.table)
        self.table.setItemDelegateForColumn(AbkTaskTableModel.SATUAN_WAKTU, self.satuan_delegate)
        self.table.setItemDelegateForColumn(AbkTaskTableModel.PERIODE, self.periode_delegate)
        self.table.setItemDelegateForColumn(AbkTaskTableModel.PEMICU, self.pemicu_delegate)
        body.addWidget(self.table, 1)

        self.problems_label = QLabel()
        self.problems_label.setObjectName("errorBanner")
        self.problems_label.setWordWrap(True)
        self.problems_label.hide()
        body.addWidget(self.problems_label)
        root.addWidget(self.body, 1)

        def action(text: str, key: QKeySequence | QKeySequence.StandardKey, slot: Any) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.save_action = action(self.tr("Simpan"), QKeySequence.StandardKey.Save, self.save)
        self.add_action = action(
            self.tr("Tambah tugas"), QKeySequence.StandardKey.New, self.add_task
        )
        self.remove_action = QAction(self.tr("Hapus tugas"), self.table)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.table.addAction(self.remove_action)

    # ---- state -----------------------------------------------------------------------------
    def set_context(
        self,
        year: int | None,
        scenario: str | None,
        drivers: Sequence[str],
        profile: AbkProfile | None = None,
    ) -> None:
        """The dashboard's year, scenario, profile and the drivers a task may follow."""
        self.year, self.scenario, self.profile = year, scenario, profile
        self.pemicu_delegate.choices = [("", self.model.no_driver)] + [(n, n) for n in drivers]

    def is_dirty(self) -> bool:
        return self._dirty

    def clear(self) -> None:
        self.jabatan_id = None
        self.stored = self.current = None
        self._errors = False
        self._initial = []
        self.model.set_tasks([], None)
        self.body.hide()
        self.empty_label.show()
        self._set_dirty(False)

    def load(self, jabatan_id: int | None) -> bool:
        """Show a position (its stored task table); False when it could not be read."""
        if jabatan_id is None or self.year is None:
            self.clear()
            return True
        try:
            row = self.services.abk.position(jabatan_id, self.year, self.scenario)
        except DomainError as exc:
            self.clear()
            self.dialogs.error(self, self.tr("Beban kerja"), problem_text(exc.problems[0]))
            return False
        self.jabatan_id = jabatan_id
        self.stored = self.current = row
        self._errors = False
        self._initial = [TaskDraft.from_task(t.task) for t in row.tugas]
        self.model.set_tasks(self._initial, row.tugas)
        self.title.setText(row.jabatan)
        parts = [row.unit_path]
        if row.jenis_jabatan:
            try:
                parts.append(tr_label(JenisJabatan(row.jenis_jabatan).label))
            except ValueError:
                parts.append(row.jenis_jabatan)
        if row.kelas:
            parts.append(self.tr("kelas {k}").format(k=row.kelas))
        self.subtitle.setText(" \u00b7 ".join(parts))
        self.empty_label.hide()
        self.body.show()
        self._show_figures(row)
        self._show_problems([])
        self._set_dirty(False)
        return True

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty and not self._errors)
        self.discard_button.setEnabled(dirty)
        self.remove_button.setEnabled(self.jabatan_id is not None)
        self.add_button.setEnabled(self.jabatan_id is not None)
        self._update_dirty_note()
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)

    def _update_dirty_note(self) -> None:
        dirty = self.model.drafts != self._initial
        stored = self.stored
        if not dirty or stored is None:
            text = ""
            if self.scenario and stored is not None:
                text = self.tr(
                    "Angka dihitung dengan skenario \u201c{s}\u201d; tabel tugas yang disimpan "
                    "berlaku untuk semua skenario."
                ).format(s=self.scenario)
            self.dirty_note.setText(text)
            self.dirty_note.setVisible(bool(text))
            return
        self.dirty_note.setText(
            self.tr(
                "Belum disimpan: angka di atas dihitung ulang dari tabel tugas yang sedang "
                "disunting. Tersimpan: kebutuhan {k} orang, PJ {pj}, {kondisi}."
            ).format(
                k=fmt_int(stored.kebutuhan_bulat),
                pj=pj_text(stored.pj, stored.pj_label),
                kondisi=kondisi_text(stored.kondisi).lower(),
            )
        )
        self.dirty_note.show()

    # ---- figures ---------------------------------------------------------------------------
    def _show_figures(self, row: AbkPositionRow | None) -> None:
        f = self.figures
        if row is None:
            for fig in f.values():
                fig.show_value("\u2014", MUTED)
            self.headcount_note.hide()
            return
        f["beban"].show_value(
            self.tr("{j} jam").format(j=fmt_jam(row.beban_kerja_menit)),
            tip=self.tr("{m} menit").format(m=fmt_num(round(row.beban_kerja_menit, 2))),
        )
        f["kebutuhan"].show_value(fmt_dec(row.kebutuhan))
        f["bulat"].show_value(self.tr("{n} orang").format(n=fmt_int(row.kebutuhan_bulat)))
        f["ada"].show_value(self.tr("{n} orang").format(n=fmt_int(row.pegawai_ada)))
        if row.status is StatusSelisih.KURANG:
            selisih = self.tr("{s} (kurang {n})").format(s=fmt_signed(row.selisih), n=row.kurang)
        elif row.status is StatusSelisih.LEBIH:
            selisih = self.tr("{s} (lebih {n})").format(s=fmt_signed(row.selisih), n=row.lebih)
        else:
            selisih = self.tr("0 (sesuai)")
        f["selisih"].show_value(selisih, STATUS_COLOURS[row.status])
        f["ej"].show_value(
            fmt_ej(row.ej, self.profile),
            MUTED if row.ej is None else None,
            self.tr("Beban kerja ÷ (pegawai ada × waktu kerja efektif)"),
        )
        f["pj"].show_value(
            pj_text(row.pj, row.pj_label),
            MUTED if row.pj is None else None,
            self.tr("Kelas prestasi jabatan; A (Sangat Baik) berarti beban berlebih"),
        )
        tips = {
            KondisiBeban.OVERLOADED: self.tr(
                "Pemegang jabatan menanggung lebih dari satu beban kerja penuh: kurang orang"
            ),
            KondisiBeban.BALANCED: self.tr("Beban kerja sepadan dengan jumlah pemegang jabatan"),
            KondisiBeban.UNDERLOADED: self.tr(
                "Pemegang jabatan menanggung kurang dari beban kerja penuh: lebih orang"
            ),
            KondisiBeban.KOSONG: self.tr("Belum ada pemegang jabatan: EJ tidak dapat dihitung"),
        }
        f["kondisi"].show_value(
            kondisi_text(row.kondisi), KONDISI_COLOURS[row.kondisi], tips[row.kondisi]
        )
        note = ""
        if row.sumber_pegawai is SumberPegawai.BERKAS_ABK:
            note = self.tr(
                "Pegawai ada diambil dari berkas ABK ({n} orang): data pegawai belum mencatat "
                "pemegang jabatan ini."
            ).format(n=fmt_int(row.pegawai_ada))
        elif row.pegawai_berkas is not None and row.selisih_data:
            note = self.tr(
                "Data pegawai mencatat {r} orang, berkas ABK {b} orang: yang dipakai data "
                "pegawai (selisih {s})."
            ).format(
                r=fmt_int(row.pegawai_register),
                b=fmt_int(row.pegawai_berkas),
                s=fmt_signed(row.selisih_data or 0),
            )
        self.headcount_note.setText(note)
        self.headcount_note.setVisible(bool(note))

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        if not problems:
            self.problems_label.hide()
            return
        ordered = sorted(problems, key=lambda p: (not p.is_error, p.params.get("tugas") or 0))
        lines = [located_message(p, QCoreApplication.translate) for p in ordered]
        if len(lines) > MAX_LISTED_PROBLEMS:
            rest = len(lines) - MAX_LISTED_PROBLEMS
            lines = [*lines[:MAX_LISTED_PROBLEMS], self.tr("… dan {n} lainnya").format(n=rest)]
        self.problems_label.setText("\n".join(lines))
        self.problems_label.show()

    # ---- editing ---------------------------------------------------------------------------
    @Slot()
    def recompute(self) -> None:
        """Recompute the edited table (no write): figures, per-cell problems, Simpan state."""
        if self.jabatan_id is None or self.year is None:
            return
        tasks, local = self.model.inputs()
        preview = self.services.abk.preview_position(
            self.jabatan_id, self.year, tasks, self.scenario
        )
        problems = [*local, *preview.problems]
        self._errors = any(p.is_error for p in problems)
        position = preview.position if not self._errors else None
        self.current = position
        self.model.set_results(position.tugas if position is not None else None, problems)
        self._show_figures(position)
        self._show_problems(problems)
        self._set_dirty(self.model.drafts != self._initial)

    @Slot()
    def add_task(self) -> None:
        if self.jabatan_id is None:
            return
        current = self.table.currentIndex()
        row = self.model.insert_task(current.row() + 1 if current.isValid() else None)
        index = self.model.index(row, AbkTaskTableModel.URAIAN)
        self.table.setCurrentIndex(index)
        self.table.edit(index)

    @Slot()
    def remove_selected(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedIndexes()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        if rows:
            self.model.remove_tasks(sorted(rows))

    @Slot()
    def discard(self) -> None:
        if self.jabatan_id is not None:
            self.load(self.jabatan_id)

    @Slot()
    def save(self) -> bool:
        """Write the task table; True when saved (or nothing to save)."""
        if self.jabatan_id is None or self.year is None:
            return True
        if not self._dirty:
            return True
        tasks, local = self.model.inputs()
        if local or self._errors:
            self.recompute()
            self.dialogs.error(
                self,
                self.tr("Simpan tabel tugas"),
                self.tr("Perbaiki sel yang ditandai merah sebelum menyimpan."),
            )
            return False
        jabatan_id = self.jabatan_id
        try:
            change = self.services.abk.save_tasks(jabatan_id, self.year, tasks)
            row = (
                change.position
                if self.scenario is None
                else self.services.abk.position(jabatan_id, self.year, self.scenario)
            )
        except DomainError as exc:
            self.model.set_results(None, exc.problems)
            self._show_problems(exc.problems)
            self.dialogs.error(self, self.tr("Simpan tabel tugas"), problem_text(exc.problems[0]))
            return False
        self.load(jabatan_id)
        if change.peringatan:
            self.model.set_results(self.model.results, change.peringatan)
            self._show_problems(change.peringatan)
        self.saved.emit(row)
        self.statusMessage.emit(
            self.tr("Tabel tugas {j} disimpan: kebutuhan {k} orang, PJ {pj} ({kondisi}).").format(
                j=row.jabatan,
                k=fmt_int(row.kebutuhan_bulat),
                pj=row.pj or "\u2014",
                kondisi=kondisi_text(row.kondisi).lower(),
            )
        )
        return True
