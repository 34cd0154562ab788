"""Qt models of the workload dashboard: OPD → unit → position tree, its filter, ratio table."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from mutasi_desktop.domain.abk import AbkProfile, KondisiBeban, StatusSelisih
from mutasi_desktop.domain.abk_report import (
    AbkGroupRow,
    AbkPositionRow,
    AbkReport,
    RatioRow,
    SumberPegawai,
)
from mutasi_desktop.domain.pencarian import fold
from mutasi_desktop.services.abk import UNIT_SEPARATOR
from mutasi_desktop.ui.i18n import fmt_int, tr_label
from mutasi_desktop.ui.style import BALANCED, SHORTAGE, WARNING

_Index = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "opd" | "unit" | "jabatan"
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # OPD, unit or jabatan id
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # numbers as numbers, for sorting
VALUE_ROLE = Qt.ItemDataRole.UserRole + 4  # the raw value behind a cell (tests, charts)

MUTED = "#8a96a3"
TEXT = "#1d2733"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)

KONDISI_COLOURS: dict[KondisiBeban, str] = {
    # Overloaded holders mean the post is short of people: the shortage colour.
    KondisiBeban.OVERLOADED: SHORTAGE,
    KondisiBeban.BALANCED: BALANCED,
    KondisiBeban.UNDERLOADED: WARNING,
    KondisiBeban.KOSONG: MUTED,
}
STATUS_COLOURS: dict[StatusSelisih, str] = {
    StatusSelisih.KURANG: SHORTAGE,
    StatusSelisih.LEBIH: WARNING,
    StatusSelisih.PAS: BALANCED,
}
KONDISI_ORDER: dict[KondisiBeban, int] = {
    KondisiBeban.OVERLOADED: 0,
    KondisiBeban.BALANCED: 1,
    KondisiBeban.UNDERLOADED: 2,
    KondisiBeban.KOSONG: 3,
}


# ---- number formatting ---------------------------------------------------------------------


def fmt_dec(value: float | None, decimals: int = 2) -> str:
    """A decimal number in the UI locale ('2,69' in Indonesian); None shows as a dash."""
    if value is None:
        return "\u2014"
    return QLocale().toString(float(value), "f", decimals)


def fmt_ej(value: float | None, profile: AbkProfile | None) -> str:
    """EJ with two decimals, or three where two would put it on the wrong side of a band
    floor (1,004 is A, but '1,00' reads as B)."""
    if value is None or profile is None:
        return fmt_dec(value)
    shown = round(value, 2)
    on_floor = any(b.min_ej is not None and abs(b.min_ej - shown) < 1e-9 for b in profile.bands)
    if on_floor and profile.band_for(value) != profile.band_for(shown):
        return fmt_dec(value, 3)
    return fmt_dec(value)


def fmt_num(value: float | None) -> str:
    """A typed quantity as short as it is exact: '18.000', '7,5', '0,125'."""
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return fmt_int(int(value))
    return QLocale().toString(float(value), "g", 12)


def fmt_signed(value: int) -> str:
    """'+2', '−1' (a real minus sign) or '0'."""
    if value > 0:
        return "+" + fmt_int(value)
    if value < 0:
        return "\u2212" + fmt_int(-value)
    return "0"


def fmt_jam(menit: float) -> str:
    return fmt_dec(menit / 60, 1)


_dots: dict[str, QIcon] = {}


def dot_icon(colour: str) -> QIcon:
    """A small filled circle: the one mark of colour beside a plain-word condition."""
    icon = _dots.get(colour)
    if icon is None:
        pix = QPixmap(12, 12)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(2, 2, 8, 8)
        painter.end()
        icon = _dots[colour] = QIcon(pix)
    return icon


def kondisi_text(kondisi: KondisiBeban) -> str:
    return tr_label(kondisi.label)


def pj_text(pj: str | None, pj_label: str | None) -> str:
    """'A (Sangat Baik)'; a dash when nobody holds the position."""
    if pj is None:
        return "\u2014"
    return f"{pj} ({tr_label(pj_label)})" if pj_label else pj


# ---- group figures recomputed after an edit --------------------------------------------------


def regroup(old: AbkGroupRow, rows: Sequence[AbkPositionRow], profile: AbkProfile) -> AbkGroupRow:
    """The totals of ``old``'s group again, from its (partly edited) positions.

    Same rules as the engine: shortages and surpluses add up separately, EU = Σ beban ÷
    (Σ pegawai ada × WKE), the grade and plain words come from the profile's bands.
    """
    beban = math.fsum(r.beban_kerja_menit for r in rows)
    ada = sum(r.pegawai_ada for r in rows)
    eu: float | None = None
    pj: str | None = None
    pj_label: str | None = None
    kondisi = KondisiBeban.KOSONG
    if ada > 0:
        eu = beban / (ada * profile.wke_menit)
        band = profile.band_for(eu)
        pj, pj_label, kondisi = band.grade, band.label, profile.kondisi_band(band)
    return replace(
        old,
        jumlah_jabatan=len(rows),
        jumlah_kosong=sum(1 for r in rows if r.pegawai_ada == 0),
        beban_kerja_menit=beban,
        kebutuhan=math.fsum(r.kebutuhan for r in rows),
        kebutuhan_bulat=sum(r.kebutuhan_bulat for r in rows),
        pegawai_ada=ada,
        kurang=sum(r.kurang for r in rows),
        lebih=sum(r.lebih for r in rows),
        eu=eu,
        pj=pj,
        pj_label=pj_label,
        kondisi=kondisi,
    )


# ---- the tree ------------------------------------------------------------------------------


@dataclass(eq=False)
class AbkNode:
    """One row of the tree; ``fig`` holds its figures (a position or a group total)."""

    kind: str  # "root" | "opd" | "unit" | "jabatan"
    ident: int
    nama: str
    fig: AbkPositionRow | AbkGroupRow | None = None
    parent: AbkNode | None = None
    row: int = 0
    haystack: str = ""
    children: list[AbkNode] = field(default_factory=list)

    def add(self, child: AbkNode) -> AbkNode:
        child.parent = self
        child.row = len(self.children)
        child.haystack = f"{fold(child.nama)} \u2502 {self.haystack}"
        self.children.append(child)
        return child

    @property
    def position(self) -> AbkPositionRow | None:
        return self.fig if isinstance(self.fig, AbkPositionRow) else None

    def walk_positions(self) -> Iterable[AbkNode]:
        for child in self.children:
            if child.kind == "jabatan":
                yield child
            else:
                yield from child.walk_positions()


class AbkTreeModel(QAbstractItemModel):
    """OPD → unit → position with required, present, difference, EJ, PJ and plain words.

    Units hang flat under their OPD, named by their path below it ("Bidang … › Seksi …"):
    each unit row adds up its own positions, as the report and the recap do. The positions of
    an OPD's own office (its root unit) sit directly under the OPD, as in the Organisasi view.
    ``update_position`` replaces one position and refreshes only that row and its ancestors.
    """

    (NAMA, BEBAN, KEBUTUHAN, BULAT, ADA, SELISIH, KURANG, LEBIH, EJ, PJ, KONDISI) = range(11)
    NUMERIC = frozenset({BEBAN, KEBUTUHAN, BULAT, ADA, SELISIH, KURANG, LEBIH, EJ})

    totalsChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = AbkNode("root", 0, "")
        self._positions: dict[int, AbkNode] = {}
        self.report: AbkReport | None = None
        self.totals: AbkGroupRow | None = None
        self._headers = [
            self.tr("Nama"),
            self.tr("Beban (jam)"),
            self.tr("Kebutuhan"),
            self.tr("Dibulatkan"),
            self.tr("Ada"),
            self.tr("Selisih"),
            self.tr("Kurang"),
            self.tr("Lebih"),
            self.tr("EJ"),
            self.tr("PJ"),
            self.tr("Kondisi"),
        ]
        self._header_tips = [
            self.tr("OPD, unit kerja dan jabatan"),
            self.tr("Jumlah beban kerja setahun: volume × waktu penyelesaian, dalam jam"),
            self.tr("Kebutuhan pegawai sebelum dibulatkan: beban kerja ÷ waktu kerja efektif"),
            self.tr("Kebutuhan pegawai dibulatkan per jabatan (tidak per tugas)"),
            self.tr(
                "Pegawai yang ada menurut data pegawai; * dari berkas ABK (data pegawai "
                "kosong); † data pegawai berbeda dengan berkas ABK"
            ),
            self.tr("Pegawai ada − kebutuhan dibulatkan: negatif kurang, positif lebih"),
            self.tr("Kekurangan pegawai, dijumlahkan per jabatan"),
            self.tr("Kelebihan pegawai, dijumlahkan per jabatan"),
            self.tr(
                "Efektivitas jabatan = beban kerja ÷ (pegawai ada × waktu kerja efektif); "
                "untuk OPD dan unit: efektivitas unit (EU)"
            ),
            self.tr(
                "Prestasi jabatan menurut tabel kelas. Perhatikan: A (Sangat Baik) berarti "
                "pemegang jabatan menanggung lebih dari satu beban penuh"
            ),
            self.tr("Arti EJ dalam kata biasa: kelebihan beban, seimbang, kekurangan beban"),
        ]
        self._bold = QFont()
        self._bold.setBold(True)
        self._source_berkas = self.tr("Dari berkas ABK: data pegawai belum mencatat pemegangnya")
        self._source_beda = self.tr(
            "Data pegawai {register} orang, berkas ABK {berkas} orang: yang dipakai data "
            "pegawai (selisih {selisih})"
        )

    # ---- content ---------------------------------------------------------------------------
    def set_report(self, report: AbkReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self._root = AbkNode("root", 0, "")
        self._positions = {}
        self.totals = report.totals if report is not None else None
        if report is not None:
            self._build(report)
        self.endResetModel()
        self.totalsChanged.emit()

    def _build(self, report: AbkReport) -> None:
        opds: dict[int, AbkNode] = {}
        for o in report.opds:
            if o.id is not None:
                opds[o.id] = self._root.add(AbkNode("opd", o.id, o.nama, o))
        by_unit: dict[int, list[AbkPositionRow]] = {}
        for p in report.positions:
            by_unit.setdefault(p.unit_id, []).append(p)
        for u in report.units:
            if u.id is None or u.opd_id not in opds:
                continue
            opd = opds[u.opd_id]
            parts = u.path.split(UNIT_SEPARATOR) if u.path else [u.nama]
            if parts and parts[0] == opd.nama:
                parts = parts[1:]
            holder = (
                opd if not parts else opd.add(AbkNode("unit", u.id, UNIT_SEPARATOR.join(parts), u))
            )
            for p in by_unit.pop(u.id, ()):
                self._positions[p.jabatan_id] = holder.add(
                    AbkNode("jabatan", p.jabatan_id, p.jabatan, p)
                )
        for rows in by_unit.values():  # a unit the report did not total: keep its positions
            for p in rows:
                owner = opds.get(p.opd_id)
                if owner is not None:
                    self._positions[p.jabatan_id] = owner.add(
                        AbkNode("jabatan", p.jabatan_id, p.jabatan, p)
                    )

    def update_position(self, row: AbkPositionRow) -> QModelIndex:
        """Show ``row``'s new figures; its unit, OPD and the totals follow (dataChanged only)."""
        node = self._positions.get(row.jabatan_id)
        if node is None or self.report is None:
            return QModelIndex()
        node.fig = replace(row, tugas=())
        profile = self.report.profil
        last = self.columnCount() - 1
        changed: list[AbkNode] = [node]
        parent = node.parent
        while parent is not None and parent.kind != "root":
            if isinstance(parent.fig, AbkGroupRow):
                rows = [n.fig for n in parent.walk_positions() if isinstance(n.fig, AbkPositionRow)]
                parent.fig = regroup(parent.fig, rows, profile)
            changed.append(parent)
            parent = parent.parent
        if self.totals is not None:
            rows = [n.fig for n in self._positions.values() if isinstance(n.fig, AbkPositionRow)]
            self.totals = regroup(self.totals, rows, profile)
        for n in changed:
            self.dataChanged.emit(self.createIndex(n.row, 0, n), self.createIndex(n.row, last, n))
        self.totalsChanged.emit()
        return self.createIndex(node.row, 0, node)

    def index_of_position(self, jabatan_id: int) -> QModelIndex:
        node = self._positions.get(jabatan_id)
        return QModelIndex() if node is None else self.createIndex(node.row, 0, node)

    def position(self, jabatan_id: int) -> AbkPositionRow | None:
        node = self._positions.get(jabatan_id)
        return None if node is None else node.position

    def position_nodes(self) -> Iterable[AbkNode]:
        return self._positions.values()

    def positions(self) -> list[AbkPositionRow]:
        return [n.fig for n in self._positions.values() if isinstance(n.fig, AbkPositionRow)]

    def node(self, index: _Index) -> AbkNode:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, AbkNode)
            return node
        return self._root

    # ---- Qt interface ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self.node(parent).children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self.node(index).parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC:
            return RIGHT
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        fig = node.fig
        if fig is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, fig, col)
        if role == SORT_ROLE:
            return self._sort_key(node, fig, col)
        if role == VALUE_ROLE:
            return self._value(fig, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in self.NUMERIC:
                return RIGHT
            return CENTER if col == self.PJ else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(fig, col)
        if role == Qt.ItemDataRole.DecorationRole and col == self.KONDISI:
            return dot_icon(KONDISI_COLOURS[fig.kondisi])
        if role == Qt.ItemDataRole.FontRole and node.kind == "opd":
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, fig, col)
        if role == KIND_ROLE:
            return node.kind
        if role == ID_ROLE:
            return node.ident
        return None

    @staticmethod
    def _ej(fig: AbkPositionRow | AbkGroupRow) -> float | None:
        return fig.ej if isinstance(fig, AbkPositionRow) else fig.eu

    def _value(self, fig: AbkPositionRow | AbkGroupRow, col: int) -> Any:
        return {
            self.NAMA: fig.jabatan if isinstance(fig, AbkPositionRow) else fig.nama,
            self.BEBAN: fig.beban_kerja_jam,
            self.KEBUTUHAN: fig.kebutuhan,
            self.BULAT: fig.kebutuhan_bulat,
            self.ADA: fig.pegawai_ada,
            self.SELISIH: fig.selisih,
            self.KURANG: fig.kurang,
            self.LEBIH: fig.lebih,
            self.EJ: self._ej(fig),
            self.PJ: fig.pj,
            self.KONDISI: str(fig.kondisi),
        }.get(col)

    def _display(self, node: AbkNode, fig: AbkPositionRow | AbkGroupRow, col: int) -> str:
        if col == self.NAMA:
            return node.nama
        if col == self.BEBAN:
            return fmt_jam(fig.beban_kerja_menit)
        if col == self.KEBUTUHAN:
            return fmt_dec(fig.kebutuhan)
        if col == self.BULAT:
            return fmt_int(fig.kebutuhan_bulat)
        if col == self.ADA:
            text = fmt_int(fig.pegawai_ada)
            if isinstance(fig, AbkPositionRow):
                if fig.sumber_pegawai is SumberPegawai.BERKAS_ABK:
                    text += " *"
                elif fig.selisih_data:
                    text += " \u2020"
            return text
        if col == self.SELISIH:
            return fmt_signed(fig.selisih)
        if col == self.KURANG:
            return fmt_int(fig.kurang) if fig.kurang else ""
        if col == self.LEBIH:
            return fmt_int(fig.lebih) if fig.lebih else ""
        if col == self.EJ:
            return fmt_ej(self._ej(fig), self.report.profil if self.report else None)
        if col == self.PJ:
            return pj_text(fig.pj, fig.pj_label)
        if col == self.KONDISI:
            return kondisi_text(fig.kondisi)
        return ""

    def _sort_key(self, node: AbkNode, fig: AbkPositionRow | AbkGroupRow, col: int) -> Any:
        if col == self.NAMA:
            return fold(node.nama)
        if col == self.PJ:
            return fig.pj or "~"  # nobody holds it: after E
        if col == self.KONDISI:
            return KONDISI_ORDER[fig.kondisi]
        if col == self.EJ:
            ej = self._ej(fig)
            return -1.0 if ej is None else ej
        value = self._value(fig, col)
        return float(value) if value is not None else 0.0

    def _foreground(self, fig: AbkPositionRow | AbkGroupRow, col: int) -> QColor | None:
        if col == self.SELISIH and fig.selisih:
            # Zero stays in the text colour: a column of green noughts would shout "balance".
            return QColor(SHORTAGE if fig.selisih < 0 else WARNING)
        if col == self.KURANG and fig.kurang:
            return QColor(SHORTAGE)
        if col == self.LEBIH and fig.lebih:
            return QColor(WARNING)
        if col in (self.EJ, self.PJ) and self._ej(fig) is None:
            return QColor(MUTED)
        return None

    def _tooltip(self, node: AbkNode, fig: AbkPositionRow | AbkGroupRow, col: int) -> str | None:
        if isinstance(fig, AbkPositionRow):
            if col == self.NAMA:
                return fig.unit_path
            if col == self.ADA:
                if fig.sumber_pegawai is SumberPegawai.BERKAS_ABK:
                    return self._source_berkas
                if fig.selisih_data:
                    return self._source_beda.format(
                        register=fmt_int(fig.pegawai_register),
                        berkas=fmt_int(fig.pegawai_berkas or 0),
                        selisih=fmt_signed(fig.selisih_data),
                    )
        if col == self.KONDISI or col == self.PJ:
            return f"{pj_text(fig.pj, fig.pj_label)} \u2014 {kondisi_text(fig.kondisi)}"
        return None


class FilterMode(Enum):
    SEMUA = "semua"
    KURANG = "kurang"
    LEBIH = "lebih"
    TIDAK_PAS = "tidak_pas"
    KOSONG = "kosong"
    BEDA_DATA = "beda_data"


def _mode_accepts(mode: FilterMode, p: AbkPositionRow) -> bool:
    if mode is FilterMode.KURANG:
        return p.selisih < 0
    if mode is FilterMode.LEBIH:
        return p.selisih > 0
    if mode is FilterMode.TIDAK_PAS:
        return p.selisih != 0
    if mode is FilterMode.KOSONG:
        return p.pegawai_ada == 0
    if mode is FilterMode.BEDA_DATA:
        return bool(p.selisih_data)
    return True


class AbkFilterProxy(QSortFilterProxyModel):
    """Search (all words, in the row or any parent's name) and a 'only short/over' filter.

    Recursive: a unit or OPD stays visible while any position under it matches. Sorting
    uses ``SORT_ROLE`` so numbers sort as numbers.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tokens: list[str] = []
        self._mode = FilterMode.SEMUA
        self.setRecursiveFilteringEnabled(True)
        self.setSortRole(SORT_ROLE)

    @property
    def mode(self) -> FilterMode:
        return self._mode

    def set_text(self, text: str) -> None:
        tokens = [t for t in fold(text).split() if t]
        if tokens != self._tokens:
            self._tokens = tokens
            self._refilter()

    def set_mode(self, mode: FilterMode) -> None:
        if mode is not self._mode:
            self._mode = mode
            self._refilter()

    def _refilter(self) -> None:
        # One layoutChanged instead of rows removed parent by parent: with thousands of
        # expanded rows, a tree view relays out once rather than once per parent.
        self.invalidate()

    def is_filtering(self) -> bool:
        return bool(self._tokens) or self._mode is not FilterMode.SEMUA

    def count_matches(self, limit: int) -> int:
        """Positions the filter lets through, counted up to ``limit`` (cheap: no Qt calls)."""
        model = self.sourceModel()
        assert isinstance(model, AbkTreeModel)
        found = 0
        for node in model.position_nodes():
            if self._tokens and not all(t in node.haystack for t in self._tokens):
                continue
            position = node.position
            if position is not None and _mode_accepts(self._mode, position):
                found += 1
                if found >= limit:
                    break
        return found

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, AbkTreeModel)
        parent = model.node(source_parent)
        if not 0 <= source_row < len(parent.children):
            return False
        node = parent.children[source_row]
        if self._tokens and not all(t in node.haystack for t in self._tokens):
            return False
        if self._mode is FilterMode.SEMUA:
            return True
        position = node.position
        return position is not None and _mode_accepts(self._mode, position)


# ---- the ratio estimator beside ABK ----------------------------------------------------------


class RatioTableModel(QAbstractTableModel):
    """Ratio estimates (pupils per teacher…) with the ABK figures of the matched positions."""

    (ATURAN, PEMICU, RASIO, KEB_RASIO, KEB_ABK, ADA, SELISIH, JABATAN, DASAR) = range(9)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[RatioRow] = []
        self._headers = [
            self.tr("Aturan rasio"),
            self.tr("Pemicu"),
            self.tr("Rasio"),
            self.tr("Kebutuhan menurut rasio"),
            self.tr("Kebutuhan menurut ABK"),
            self.tr("Pegawai ada"),
            self.tr("Ada − rasio"),
            self.tr("Jabatan cocok"),
            self.tr("Dasar"),
        ]
        self._per = self.tr("{pegawai} pegawai per {per}")
        self._keywords = self.tr("Jabatan yang dicocokkan dengan kata kunci: {k}")

    def set_rows(self, rows: Sequence[RatioRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.ATURAN:
                return r.jabatan_kata or r.nama
            if col == self.PEMICU:
                value = "\u2014" if r.nilai_pemicu is None else fmt_num(r.nilai_pemicu)
                return f"{r.pemicu} = {value}"
            if col == self.RASIO:
                return self._per.format(pegawai=fmt_num(r.pegawai), per=fmt_num(r.per))
            if col == self.KEB_RASIO:
                return "\u2014" if r.kebutuhan_rasio is None else fmt_int(r.kebutuhan_rasio)
            if col == self.KEB_ABK:
                return fmt_int(r.kebutuhan_abk)
            if col == self.ADA:
                return fmt_int(r.pegawai_ada)
            if col == self.SELISIH:
                return "\u2014" if r.selisih_rasio is None else fmt_signed(r.selisih_rasio)
            if col == self.JABATAN:
                return fmt_int(r.jumlah_jabatan)
            if col == self.DASAR:
                return r.dasar
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.KEB_RASIO, self.KEB_ABK, self.ADA, self.SELISIH, self.JABATAN):
                return RIGHT
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.ATURAN:
            return self._keywords.format(k=r.kata_kunci)
        elif role == Qt.ItemDataRole.ToolTipRole and col == self.DASAR:
            return r.dasar or None
        elif role == Qt.ItemDataRole.ForegroundRole and col == self.SELISIH:
            s = r.selisih_rasio
            if s is not None and s != 0:
                return QColor(SHORTAGE if s < 0 else WARNING)
        return None
