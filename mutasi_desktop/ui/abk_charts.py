"""Report charts of the workload dashboard, painted with QPainter (no QtCharts in essentials).

Each chart paints at any width into the widget or into an image, so the PNG a head of office
puts in a report does not depend on the size of the window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mutasi_desktop.domain.abk import AbkProfile, KondisiBeban, PJBand
from mutasi_desktop.domain.abk_report import AbkPositionRow, AbkReport
from mutasi_desktop.domain.jabatan import JenisJabatan
from mutasi_desktop.ui.abk_model import MUTED, TEXT, fmt_dec, fmt_ej, kondisi_text
from mutasi_desktop.ui.i18n import fmt_int, tr_label
from mutasi_desktop.ui.style import BALANCED, SHORTAGE, WARNING

EXPORT_WIDTH = 1400
EXPORT_SCALE = 2.0
MARGIN = 24
GRID = "#dde2e6"
STRIPE = "#f6f8fa"
EMPTY = "#eef1f4"


def mix(colour: str, strength: float) -> QColor:
    """``colour`` laid over white at ``strength`` (0 white … 1 full colour): quiet tints."""
    c = QColor(colour)
    s = max(0.0, min(1.0, strength))
    return QColor(
        round(255 + (c.red() - 255) * s),
        round(255 + (c.green() - 255) * s),
        round(255 + (c.blue() - 255) * s),
    )


# ---- data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BarRow:
    nama: str
    kurang: int
    lebih: int


def bar_rows(report: AbkReport) -> list[BarRow]:
    """OPDs with a shortage or a surplus, most short first (then most over)."""
    rows = [BarRow(o.nama, o.kurang, o.lebih) for o in report.opds if o.kurang or o.lebih]
    return sorted(rows, key=lambda r: (-r.kurang, -r.lebih, r.nama))


@dataclass(frozen=True)
class HeatCell:
    jabatan: int  # positions in the cell (0: nothing to show)
    pegawai: int
    ej: float | None
    band: int | None  # index into the profile's bands


@dataclass(frozen=True)
class HeatRow:
    nama: str
    cells: tuple[HeatCell, ...]


HEAT_KINDS: tuple[str | None, ...] = (
    str(JenisJabatan.JPT),
    str(JenisJabatan.ADMINISTRASI),
    str(JenisJabatan.FUNGSIONAL),
    None,  # the whole OPD
)


def _cell(rows: Sequence[AbkPositionRow], profile: AbkProfile) -> HeatCell:
    if not rows:
        return HeatCell(0, 0, None, None)
    beban = sum(r.beban_kerja_menit for r in rows)
    ada = sum(r.pegawai_ada for r in rows)
    if ada == 0:
        return HeatCell(len(rows), 0, None, None)
    ej = beban / (ada * profile.wke_menit)
    return HeatCell(len(rows), ada, ej, profile.bands.index(profile.band_for(ej)))


def heat_rows(report: AbkReport) -> list[HeatRow]:
    """Per OPD the EU of each kind of position and of the whole OPD, most loaded first."""
    profile = report.profil
    by_opd: dict[int, dict[str | None, list[AbkPositionRow]]] = {}
    for p in report.positions:
        groups = by_opd.setdefault(p.opd_id, {})
        groups.setdefault(p.jenis_jabatan, []).append(p)
        groups.setdefault(None, []).append(p)
    out: list[HeatRow] = []
    for o in report.opds:
        groups = by_opd.get(o.id or 0, {})
        cells = tuple(_cell(groups.get(kind, []), profile) for kind in HEAT_KINDS)
        out.append(HeatRow(o.nama, cells))
    return sorted(out, key=lambda r: (r.cells[-1].ej is None, -(r.cells[-1].ej or 0.0)))


def band_colours(profile: AbkProfile) -> list[QColor]:
    """One tint per PJ band: red above balance, green at balance, amber below, stronger the
    further a band is from balance (so A and E stand out, C stays light)."""
    kondisi = [profile.kondisi_band(b) for b in profile.bands]
    balanced = [i for i, k in enumerate(kondisi) if k is KondisiBeban.BALANCED]
    centre = balanced[0] if balanced else len(kondisi) // 2
    base = {
        KondisiBeban.OVERLOADED: SHORTAGE,
        KondisiBeban.BALANCED: BALANCED,
        KondisiBeban.UNDERLOADED: WARNING,
        KondisiBeban.KOSONG: MUTED,
    }
    out: list[QColor] = []
    for i, k in enumerate(kondisi):
        strength = 0.32 if k is KondisiBeban.BALANCED else min(0.75, 0.18 + 0.2 * abs(i - centre))
        out.append(mix(base[k], strength))
    return out


def band_range(profile: AbkProfile, index: int) -> str:
    """'> 1,00', '0,90 – 1,00', '0,70 – < 0,90', '< 0,50' for the band at ``index``."""
    bands: Sequence[PJBand] = profile.bands
    band = bands[index]
    lower = band.min_ej
    upper = bands[index - 1].min_ej if index > 0 else None
    upper_inclusive = index > 0 and not bands[index - 1].min_inclusive
    if lower is None and upper is None:
        return ""
    if upper is None:
        assert lower is not None
        sign = "\u2265" if band.min_inclusive else ">"
        return f"{sign} {fmt_dec(lower)}"
    if lower is None:
        sign = "\u2264" if upper_inclusive else "<"
        return f"{sign} {fmt_dec(upper)}"
    low = fmt_dec(lower) if band.min_inclusive else f"> {fmt_dec(lower)}"
    high = fmt_dec(upper) if upper_inclusive else f"< {fmt_dec(upper)}"
    return f"{low} \u2013 {high}"


# ---- painting ----------------------------------------------------------------------------


class ChartWidget(QWidget):
    """A chart of one report: painted on screen and, at a fixed width, into a PNG."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: AbkReport | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAutoFillBackground(False)

    def set_report(self, report: AbkReport | None) -> None:
        self.report = report
        self._prepare()
        self.setFixedHeight(self.chart_height())
        self.updateGeometry()
        self.update()

    def _prepare(self) -> None:
        """Derive the chart's data from ``self.report``."""

    def chart_height(self) -> int:
        raise NotImplementedError

    def paint_chart(self, p: QPainter, width: int) -> None:
        raise NotImplementedError

    def title_lines(self) -> tuple[str, str]:
        raise NotImplementedError

    def sizeHint(self) -> QSize:
        return QSize(900, self.chart_height())

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.fillRect(self.rect(), QColor("white"))
        self.paint_chart(p, self.width())
        p.end()

    def to_image(self, width: int = EXPORT_WIDTH, scale: float = EXPORT_SCALE) -> QImage:
        """The chart as an image ``width`` logical pixels wide (``scale``× pixels for print)."""
        height = self.chart_height()
        image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(scale)
        image.fill(QColor("white"))
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint_chart(p, width)
        p.end()
        return image

    def save_png(self, path: str | Path) -> bool:
        return self.to_image().save(str(path))  # format from the .png suffix

    # ---- helpers ---------------------------------------------------------------------------
    def font_px(self, px: int, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setBold(bold)
        return font

    def subtitle(self) -> str:
        r = self.report
        if r is None:
            return ""
        parts = [r.instansi] if r.instansi else []
        parts.append(self.tr("Analisis beban kerja {tahun}").format(tahun=r.tahun))
        parts.append(
            self.tr("skenario \u201c{s}\u201d").format(s=r.skenario)
            if r.skenario
            else self.tr("tanpa skenario")
        )
        parts.append(r.profil.name)
        return " \u00b7 ".join(parts)

    def paint_header(self, p: QPainter, width: int) -> float:
        """Title and subtitle; returns the y below them."""
        title, _ = self.title_lines()
        p.setPen(QColor(TEXT))
        p.setFont(self.font_px(18, bold=True))
        p.drawText(QRectF(MARGIN, MARGIN, width - 2 * MARGIN, 26), title)
        p.setPen(QColor("#5b6876"))
        p.setFont(self.font_px(12))
        p.drawText(QRectF(MARGIN, MARGIN + 28, width - 2 * MARGIN, 18), self.subtitle())
        return MARGIN + 56

    def paint_swatch(self, p: QPainter, x: float, y: float, colour: QColor, text: str) -> float:
        """A legend entry at (x, y); returns the x after it."""
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(QRectF(x, y + 3, 14, 12), 2, 2)
        p.setPen(QColor(TEXT))
        font = self.font_px(12)
        p.setFont(font)
        w = QFontMetrics(font).horizontalAdvance(text)
        p.drawText(QRectF(x + 20, y, w + 4, 18), Qt.AlignmentFlag.AlignVCenter, text)
        return x + 20 + w + 22

    def paint_note(self, p: QPainter, y: float, width: int, text: str) -> None:
        p.setPen(QColor("#5b6876"))
        p.setFont(self.font_px(11))
        p.drawText(
            QRectF(MARGIN, y, width - 2 * MARGIN, 40),
            int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignTop),
            text,
        )


class ShortageSurplusChart(ChartWidget):
    """Horizontal bars per OPD: shortage to the left (red), surplus to the right (amber)."""

    ROW = 22
    TOP = 56 + 28 + 26  # header, legend, axis captions
    BOTTOM = 56

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BarRow] = []
        self.setObjectName("abkBarChart")

    def _prepare(self) -> None:
        self.rows = bar_rows(self.report) if self.report is not None else []

    def title_lines(self) -> tuple[str, str]:
        return self.tr("Kekurangan dan kelebihan pegawai per OPD"), ""

    def chart_height(self) -> int:
        return MARGIN + self.TOP + max(1, len(self.rows)) * self.ROW + self.BOTTOM

    def paint_chart(self, p: QPainter, width: int) -> None:
        y = self.paint_header(p, width)
        x = float(MARGIN)
        x = self.paint_swatch(p, x, y, QColor(SHORTAGE), self.tr("Kurang pegawai"))
        self.paint_swatch(p, x, y, QColor(WARNING), self.tr("Lebih pegawai"))
        y += 28
        if self.report is None or not self.rows:
            p.setPen(QColor(MUTED))
            p.setFont(self.font_px(13))
            p.drawText(
                QRectF(MARGIN, y, width - 2 * MARGIN, 40),
                Qt.AlignmentFlag.AlignLeft,
                self.tr("Tidak ada OPD yang kurang atau lebih pegawai."),
            )
            return
        label_w = min(470.0, width * 0.36)
        x0 = MARGIN + label_w + 12
        x1 = width - MARGIN
        centre = (x0 + x1) / 2
        half = (x1 - x0) / 2 - 44  # room for the numbers at the bar ends
        top = max(max(r.kurang for r in self.rows), max(r.lebih for r in self.rows), 1)
        small = self.font_px(11)
        p.setFont(small)
        p.setPen(QColor("#5b6876"))
        p.drawText(
            QRectF(x0, y, centre - x0 - 8, 20),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            self.tr("\u2190 kurang"),
        )
        p.drawText(
            QRectF(centre + 8, y, x1 - centre - 8, 20),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.tr("lebih \u2192"),
        )
        y += 26
        label_font = self.font_px(12)
        metrics = QFontMetrics(label_font)
        for i, r in enumerate(self.rows):
            ry = y + i * self.ROW
            if i % 2 == 0:
                p.fillRect(QRectF(MARGIN, ry, width - 2 * MARGIN, self.ROW), QColor(STRIPE))
            p.setFont(label_font)
            p.setPen(QColor(TEXT))
            name = metrics.elidedText(r.nama, Qt.TextElideMode.ElideRight, int(label_w - 6))
            p.drawText(
                QRectF(MARGIN + 4, ry, label_w - 4, self.ROW),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
            bar_h = self.ROW - 8
            p.setFont(small)
            if r.kurang:
                w = half * r.kurang / top
                p.fillRect(QRectF(centre - w, ry + 4, w, bar_h), QColor(SHORTAGE))
                p.setPen(QColor(SHORTAGE))
                p.drawText(
                    QRectF(centre - w - 44, ry, 40, self.ROW),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    fmt_int(r.kurang),
                )
            if r.lebih:
                w = half * r.lebih / top
                p.fillRect(QRectF(centre, ry + 4, w, bar_h), QColor(WARNING))
                p.setPen(QColor(WARNING))
                p.drawText(
                    QRectF(centre + w + 4, ry, 40, self.ROW),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    fmt_int(r.lebih),
                )
        bottom = y + len(self.rows) * self.ROW
        p.setPen(QPen(QColor("#5b6876"), 1))
        p.drawLine(QPointF(centre, y - 2), QPointF(centre, bottom + 2))
        t = self.report.totals
        hidden = len(self.report.opds) - len(self.rows)
        note = self.tr(
            "Dihitung per jabatan: kelebihan di satu jabatan tidak menutup kekurangan di jabatan "
            "lain. Seluruh daerah: kurang {k}, lebih {l} pegawai."
        ).format(k=fmt_int(t.kurang), l=fmt_int(t.lebih))
        if hidden:
            note += " " + self.tr(
                "{n} OPD tanpa kekurangan atau kelebihan tidak ditampilkan."
            ).format(n=fmt_int(hidden))
        self.paint_note(p, bottom + 12, width, note)


class EjHeatMap(ChartWidget):
    """EU per OPD and kind of position, each cell tinted by its PJ band, with a legend."""

    ROW = 24
    TOP = 56 + 30  # header, column captions
    LEGEND_ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[HeatRow] = []
        self.columns = [
            self.tr("Pimpinan tinggi"),
            self.tr("Administrasi"),
            self.tr("Fungsional"),
            self.tr("Seluruh OPD"),
        ]
        self.setObjectName("abkHeatMap")

    def _prepare(self) -> None:
        self.rows = heat_rows(self.report) if self.report is not None else []

    def title_lines(self) -> tuple[str, str]:
        return self.tr("Peta panas efektivitas jabatan (EJ) per OPD"), ""

    def _legend_rows(self) -> int:
        bands = len(self.report.profil.bands) if self.report is not None else 5
        return bands + 1

    def chart_height(self) -> int:
        legend = 16 + self._legend_rows() * self.LEGEND_ROW
        return MARGIN + self.TOP + max(1, len(self.rows)) * self.ROW + legend + 56

    def paint_chart(self, p: QPainter, width: int) -> None:
        y = self.paint_header(p, width)
        report = self.report
        if report is None or not self.rows:
            p.setPen(QColor(MUTED))
            p.setFont(self.font_px(13))
            p.drawText(QRectF(MARGIN, y, width - 2 * MARGIN, 40), self.tr("Belum ada data."))
            return
        profile = report.profil
        colours = band_colours(profile)
        label_w = min(470.0, width * 0.36)
        x0 = MARGIN + label_w + 8
        col_w = min(200.0, (width - MARGIN - 8 - x0) / len(self.columns))
        head_font = self.font_px(12, bold=True)
        p.setFont(head_font)
        p.setPen(QColor(TEXT))
        for c, caption in enumerate(self.columns):
            p.drawText(
                QRectF(x0 + c * col_w, y, col_w, 26),
                int(Qt.AlignmentFlag.AlignCenter),
                caption,
            )
        y += 30
        label_font = self.font_px(12)
        metrics = QFontMetrics(label_font)
        cell_font = self.font_px(12)
        total_font = self.font_px(12, bold=True)
        for i, row in enumerate(self.rows):
            ry = y + i * self.ROW
            p.setFont(label_font)
            p.setPen(QColor(TEXT))
            name = metrics.elidedText(row.nama, Qt.TextElideMode.ElideRight, int(label_w - 6))
            p.drawText(
                QRectF(MARGIN + 4, ry, label_w - 4, self.ROW),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
            for c, cell in enumerate(row.cells):
                rect = QRectF(x0 + c * col_w + 1, ry + 1, col_w - 2, self.ROW - 2)
                if c == len(row.cells) - 1:
                    rect.adjust(4, 0, 4, 0)  # a gap sets the whole-OPD column apart
                if cell.band is None:
                    p.fillRect(rect, QColor(EMPTY))
                    p.setPen(QColor(MUTED))
                    text = self.tr("kosong") if cell.jabatan else "\u2014"
                else:
                    p.fillRect(rect, colours[cell.band])
                    p.setPen(QColor(TEXT))
                    text = f"{fmt_ej(cell.ej, profile)}  {profile.bands[cell.band].grade}"
                p.setFont(total_font if c == len(row.cells) - 1 else cell_font)
                p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        y += len(self.rows) * self.ROW + 16
        p.setFont(self.font_px(12, bold=True))
        p.setPen(QColor(TEXT))
        p.drawText(QRectF(MARGIN, y, width - 2 * MARGIN, 18), self.tr("Keterangan warna"))
        y += self.LEGEND_ROW
        font = self.font_px(12)
        for index, band in enumerate(profile.bands):
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colours[index])
            p.drawRect(QRectF(MARGIN, y + 2, 44, 16))
            p.setPen(QColor(TEXT))
            p.setFont(font)
            p.drawText(QRectF(MARGIN, y + 2, 44, 16), int(Qt.AlignmentFlag.AlignCenter), band.grade)
            text = self.tr("EJ {range}: {label} \u2014 {kondisi}").format(
                range=band_range(profile, index),
                label=tr_label(band.label),
                kondisi=kondisi_text(profile.kondisi_band(band)).lower(),
            )
            p.drawText(
                QRectF(MARGIN + 54, y, width - MARGIN - 54, 20),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                text,
            )
            y += self.LEGEND_ROW
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(EMPTY))
        p.drawRect(QRectF(MARGIN, y + 2, 44, 16))
        p.setPen(QColor(TEXT))
        p.drawText(
            QRectF(MARGIN + 54, y, width - MARGIN - 54, 20),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.tr("\u2014 tidak ada jabatan jenis ini; kosong: jabatan ada, pemegangnya belum"),
        )
        y += self.LEGEND_ROW + 6
        self.paint_note(
            p,
            y,
            width,
            self.tr(
                "Setiap sel: EJ kelompok = jumlah beban kerja \u00f7 (pegawai ada \u00d7 {wke} "
                "menit) dan kelas PJ-nya. Kelas A disebut \u201cSangat Baik\u201d, tetapi berarti "
                "pemegang jabatan menanggung beban berlebih."
            ).format(wke=fmt_int(round(profile.wke_menit))),
        )
