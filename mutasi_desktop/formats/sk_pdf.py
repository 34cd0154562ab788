"""Decree documents as PDF (reportlab): the collective SK with its Lampiran, petikan, SPMT.

Everything is drawn from plain data (``domain.sk.IsiSk`` + ``TataLetak``): exact F4 or A4 page,
the bundled TrueType fonts embedded (every style and table names its font, because reportlab
otherwise falls back to unembedded Helvetica), "Halaman X dari Y" on every page, the
verification code as QR and text in the footer, PDF metadata carrying the same code, and a
DRAFT watermark while the decree is not final.

Output is deterministic (``invariant``): the same content gives the same bytes, so a file's
SHA-256 identifies it in the register. The Lampiran keeps its last rows on the page of the
repeated signature block, so a signature never stands alone at the top of a page.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mutasi_desktop.config.paths import resource_root
from mutasi_desktop.domain.nip import format_nip
from mutasi_desktop.domain.sk import (
    BarisSk,
    Huruf,
    IsiSk,
    JenisDokumen,
    TandaTangan,
    TataLetak,
    nama_tanda_tangan,
    qr_payload,
)
from mutasi_desktop.domain.tanggal import format_tanggal

FONT_FILES: dict[Huruf, tuple[tuple[str, str], tuple[str, str]]] = {
    Huruf.SANS: (
        ("LiberationSans", "LiberationSans-Regular.ttf"),
        ("LiberationSans-Bold", "LiberationSans-Bold.ttf"),
    ),
    Huruf.SERIF: (
        ("LiberationSerif", "LiberationSerif-Regular.ttf"),
        ("LiberationSerif-Bold", "LiberationSerif-Bold.ttf"),
    ),
    Huruf.BOOKMAN: (
        ("TeXGyreBonum", "TeXGyreBonum-Regular.ttf"),
        ("TeXGyreBonum-Bold", "TeXGyreBonum-Bold.ttf"),
    ),
}
KEYWORD_PREFIX = "mutasi-desktop-verifikasi:"
DRAFT_MARK = "DRAFT"
GREY = colors.HexColor("#555555")
WATERMARK = colors.HexColor("#E3E3E3")
QR_SIZE = 17 * mm
SIGNATURE_SPACE = 22 * mm
LAMPIRAN_MIN_ROWS = 2  # rows kept with the repeated signature block under the Lampiran


def register_fonts(huruf: Huruf) -> tuple[str, str]:
    """Register the family's regular and bold TTF once; return their reportlab names."""
    (regular, regular_file), (bold, bold_file) = FONT_FILES[huruf]
    registered = pdfmetrics.getRegisteredFontNames()
    folder = resource_root() / "fonts"
    for name, filename in ((regular, regular_file), (bold, bold_file)):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(
        regular, normal=regular, bold=bold, italic=regular, boldItalic=bold
    )
    return regular, bold


def page_size(tata: TataLetak) -> tuple[float, float]:
    w, h = tata.kertas.ukuran_mm
    return (w * mm, h * mm)


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class _Gaya:
    font: str
    bold: str
    size: float
    normal: ParagraphStyle
    rata: ParagraphStyle  # justified body text
    tengah: ParagraphStyle
    judul: ParagraphStyle  # bold centred
    kepala: ParagraphStyle  # the "BUPATI MAMUJU" head
    kecil: ParagraphStyle
    sel: ParagraphStyle  # table cells
    sel_tengah: ParagraphStyle
    sel_tebal: ParagraphStyle


@lru_cache(maxsize=8)
def _gaya(huruf: Huruf, size: float) -> _Gaya:
    font, bold = register_fonts(huruf)
    leading = round(size * 1.25, 2)
    normal = ParagraphStyle("normal", fontName=font, fontSize=size, leading=leading)
    cell = max(size - 3.5, 8)
    sel = ParagraphStyle("sel", fontName=font, fontSize=cell, leading=round(cell * 1.2, 2))
    return _Gaya(
        font=font,
        bold=bold,
        size=size,
        normal=normal,
        rata=ParagraphStyle("rata", parent=normal, alignment=TA_JUSTIFY),
        tengah=ParagraphStyle("tengah", parent=normal, alignment=TA_CENTER),
        judul=ParagraphStyle("judul", parent=normal, fontName=bold, alignment=TA_CENTER),
        kepala=ParagraphStyle(
            "kepala",
            parent=normal,
            fontName=bold,
            fontSize=size + 2,
            leading=round((size + 2) * 1.25, 2),
            alignment=TA_CENTER,
        ),
        kecil=ParagraphStyle(
            "kecil", parent=normal, fontSize=size - 1, leading=round((size - 1) * 1.2, 2)
        ),
        sel=sel,
        sel_tengah=ParagraphStyle("sel_tengah", parent=sel, alignment=TA_CENTER),
        sel_tebal=ParagraphStyle("sel_tebal", parent=sel, fontName=bold, alignment=TA_CENTER),
    )


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text), style)


def _b(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(f"<b>{esc(text)}</b>", style)


def _base_style(g: _Gaya) -> list[tuple[Any, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), g.font),
        ("FONTSIZE", (0, 0), (-1, -1), g.size),
        ("LEADING", (0, 0), (-1, -1), round(g.size * 1.25, 2)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def _punctuate(items: Sequence[str], last: str) -> list[str]:
    """List items end with ';', the last one with ``last`` (legal drafting convention)."""
    out = [re.sub(r"[\s;,.]+$", "", item) for item in items]
    return [f"{item};" if i < len(out) - 1 else f"{item}{last}" for i, item in enumerate(out)]


# --------------------------------------------------------------------------- QR


def qr_matrix(text: str) -> list[list[bool]]:
    """QR modules for ``text`` (error correction M).

    The mask pattern is fixed instead of searched: the search (8 trial encodings with
    penalty scoring) costs about 6 ms per code in pure Python, which for 1,000 letters is
    most of the time budget; any mask gives a valid, readable code.
    """
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(text)
    code.version = code.calculate_version()
    code.makeImpl(False, 2)
    n = code.getModuleCount()
    return [[bool(code.isDark(r, c)) for c in range(n)] for r in range(n)]


def draw_qr(canvas: Canvas, matrix: list[list[bool]], x: float, y: float, size: float) -> None:
    """Draw the modules as horizontal runs (few rectangles) with a white quiet zone."""
    n = len(matrix)
    quiet = 2
    module = size / (n + 2 * quiet)
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        top = y + size - (quiet + r + 1) * module
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            path.rect(x + (quiet + start) * module, top, (c - start) * module, module)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


# --------------------------------------------------------------------------- page furniture


@dataclass(frozen=True)
class _Kaki:
    """What every page carries: code + QR, page numbers, the DRAFT watermark."""

    g: _Gaya
    margin_kiri: float
    margin_kanan: float
    pagesize: tuple[float, float]
    kode: str | None
    qr: list[list[bool]] | None
    draft: bool
    label: str  # "Keputusan Bupati Mamuju Nomor …" for the footer

    def watermark(self, canvas: Canvas, doc: Any) -> None:
        if not self.draft:
            return
        w, h = self.pagesize
        canvas.saveState()
        canvas.setFillColor(WATERMARK)
        canvas.setFont(self.g.bold, 110)
        canvas.translate(w / 2, h / 2)
        canvas.rotate(55)
        canvas.drawCentredString(0, -35, DRAFT_MARK)
        canvas.restoreState()

    def stamp(self, canvas: Canvas, page: int, total: int) -> None:
        w, _ = self.pagesize
        small = max(self.g.size - 4, 7)
        canvas.saveState()
        canvas.setFont(self.g.font, small)
        canvas.setFillColor(GREY)
        right = w - self.margin_kanan
        canvas.drawRightString(right, 10 * mm, f"Halaman {page} dari {total}")
        left = self.margin_kiri
        if self.draft:
            canvas.drawString(
                left, 10 * mm, "KONSEP (DRAFT) \u2014 belum ditetapkan, tidak berlaku sebagai SK"
            )
        elif self.kode and self.qr:
            draw_qr(canvas, self.qr, left, 6 * mm, QR_SIZE)
            text_x = left + QR_SIZE + 2 * mm
            canvas.setFont(self.g.bold, small)
            canvas.drawString(text_x, 17 * mm, f"Kode verifikasi: {self.kode}")
            canvas.setFont(self.g.font, small)
            room = (
                right - text_x - pdfmetrics.stringWidth("Halaman 999 dari 999 ", self.g.font, small)
            )
            canvas.drawString(text_x, 13.5 * mm, _fit(self.label, self.g.font, small, room))
            canvas.drawString(
                text_x, 10 * mm, "Keaslian dapat diperiksa dengan aplikasi Mutasi Desktop."
            )
        canvas.restoreState()


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _canvas_class(kaki: _Kaki) -> type[Canvas]:
    class _NumberedCanvas(Canvas):
        """Pages are kept until save, then stamped with footer and 'Halaman X dari Y'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # BaseDocTemplate passes initialFontName=None explicitly: None means Helvetica.
            kwargs["initialFontName"] = kaki.g.font
            kwargs["initialFontSize"] = kaki.g.size
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                kaki.stamp(self, self._pageNumber, total)
                super().showPage()
            super().save()

    return _NumberedCanvas


class _Dokumen(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, tata: TataLetak, kaki: _Kaki, meta: dict[str, str]):
        top, bottom, left, right = (m * mm for m in tata.margin)
        super().__init__(
            buffer,
            pagesize=page_size(tata),
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=meta["title"],
            author=meta["author"],
            subject=meta["subject"],
            creator="Mutasi Desktop",
            keywords=meta["keywords"],
            initialFontName=kaki.g.font,
            initialFontSize=kaki.g.size,
            invariant=1,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="isi",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("halaman", [frame], onPage=kaki.watermark)])
        self.kaki = kaki


# --------------------------------------------------------------------------- flowables


class TabelBertanda(Flowable):
    """A long table followed by a closing block (the signature) that never stands alone.

    Row heights are measured once; each page piece becomes a plain ``Table`` with the header
    rows repeated. When the closing block does not fit under the table's last rows, the last
    ``min_rows`` rows move with it to the next page.
    """

    def __init__(
        self,
        header: list[list[Any]],
        rows: list[list[Any]],
        make_table: Callable[[list[list[Any]]], Table],
        penutup: Flowable,
        *,
        min_rows: int = LAMPIRAN_MIN_ROWS,
        heights: list[float] | None = None,
    ) -> None:
        super().__init__()
        self.header = header
        self.rows = rows
        self.make_table = make_table
        self.penutup = penutup
        self.min_rows = min_rows
        self._heights = heights  # header heights + row heights, once measured
        self._width = 0.0

    def _measure(self, aw: float, ah: float) -> list[float]:
        if self._heights is None:
            table = self.make_table(self.header + self.rows)
            # Unbounded height: reportlab stops measuring rows past the available height.
            table.wrap(aw, 1e12)
            self._heights = [float(h) for h in table._rowHeights]
        return self._heights

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        heights = self._measure(aw, ah)
        _, ph = self.penutup.wrap(aw, ah)
        self._width = aw
        self._penutup_h = ph
        return aw, sum(heights) + ph

    def split(self, aw: float, ah: float) -> list[Flowable]:
        heights = self._measure(aw, ah)
        nh = len(self.header)
        room = ah - sum(heights[:nh])
        fit = 0
        used = 0.0
        for h in heights[nh:]:
            if used + h > room:
                break
            used += h
            fit += 1
        n = len(self.rows)
        # All rows fit but the closing block does not, or too few rows would go on: the
        # last rows move to the next page with the closing block.
        if fit >= n or n - fit < self.min_rows:
            fit = n - self.min_rows
        if fit <= 0:
            return []  # nothing sensible fits here: start on the next page
        first = self.make_table(self.header + self.rows[:fit])
        rest = TabelBertanda(
            self.header,
            self.rows[fit:],
            self.make_table,
            self.penutup,
            min_rows=self.min_rows,
            heights=heights[:nh] + heights[nh + fit :],
        )
        return [first, rest]

    def draw(self) -> None:
        table = self.make_table(self.header + self.rows)
        table.wrap(self._width, 1e9)
        table.drawOn(self.canv, 0, self._penutup_h)
        self.penutup.wrap(self._width, 1e9)
        self.penutup.drawOn(self.canv, 0, 0)


# --------------------------------------------------------------------------- building blocks


class _Penyusun:
    """Builds the story pieces of all documents for one decree."""

    def __init__(self, isi: IsiSk, tata: TataLetak, *, draft: bool) -> None:
        self.isi = isi
        self.tata = tata
        self.draft = draft
        self.g = _gaya(tata.huruf, float(tata.ukuran_huruf))
        w, _ = page_size(tata)
        _, _, left, right = (m * mm for m in tata.margin)
        self.width = w - left - right
        self.kepala = isi.kepala_daerah.upper()
        self._logo_reader = ImageReader(io.BytesIO(tata.logo)) if tata.logo else None

    # ------------------------------------------------------------------ texts

    @property
    def nomor(self) -> str:
        if self.isi.nomor:
            return self.isi.nomor
        return "……………………… (belum bernomor)"

    @property
    def tanggal(self) -> str:
        return format_tanggal(self.isi.tanggal) if self.isi.tanggal else "………………………"

    # ------------------------------------------------------------------ head

    def logo(self) -> list[Flowable]:
        if self._logo_reader is None:
            return []
        iw, ih = self._logo_reader.getSize()
        height = 24 * mm
        width = height * iw / ih if ih else height
        img = Image(io.BytesIO(self.tata.logo or b""), width=width, height=height)
        img.hAlign = "CENTER"
        return [img, Spacer(1, 3 * mm)]

    def kepala_keputusan(self, *, petikan: bool) -> list[Flowable]:
        g = self.g
        out: list[Flowable] = [*self.logo(), _p(self.kepala, g.kepala), Spacer(1, 5 * mm)]
        if petikan:
            out.append(_b("PETIKAN", g.judul))
        out += [
            _b(f"KEPUTUSAN {self.kepala}", g.judul),
            _b(f"NOMOR : {self.nomor}", g.judul),
            Spacer(1, 2 * mm),
            _b("TENTANG", g.judul),
            Spacer(1, 1 * mm),
            _b(self.isi.judul_terisi.upper(), g.judul),
            Spacer(1, 5 * mm),
            _b("DENGAN RAHMAT TUHAN YANG MAHA ESA", g.judul),
            Spacer(1, 4 * mm),
            _b(f"{self.kepala},", g.judul),
            Spacer(1, 4 * mm),
        ]
        return out

    def _label_widths(self) -> list[float]:
        label = 30 * mm
        colon = 5 * mm
        mark = 8 * mm
        return [label, colon, mark, self.width - label - colon - mark]

    def daftar(self, label: str, items: Sequence[tuple[str, str]], *, rata: bool = True) -> Table:
        """'Menimbang : a. …' with one table row per point (rows may split across pages)."""
        g = self.g
        style = g.rata if rata else g.normal
        rows: list[list[Any]] = []
        for i, (mark, text) in enumerate(items):
            rows.append([label if i == 0 else "", ":" if i == 0 else "", mark, _p(text, style)])
        if not rows:
            rows.append([label, ":", "", _p("-", g.rata)])
        table = Table(rows, colWidths=self._label_widths())
        table.setStyle(TableStyle(_base_style(g)))
        return table

    def menimbang_mengingat(self, *, petikan: bool) -> list[Flowable]:
        if petikan:
            return [
                self.daftar("Menimbang", [("", "dst.")]),
                self.daftar("Mengingat", [("", "dst.")]),
            ]
        mengingat = _punctuate([self.isi.isi(t) for t in self.isi.mengingat], ";")
        return [
            self.daftar("Menimbang", self.isi.menimbang_terisi()),
            Spacer(1, 2 * mm),
            self.daftar("Mengingat", [(f"{i}.", t) for i, t in enumerate(mengingat, 1)]),
        ]

    def memutuskan(self) -> list[Flowable]:
        g = self.g
        menetapkan = f"KEPUTUSAN {self.kepala} TENTANG {self.isi.judul_terisi.upper()}."
        w = self._label_widths()
        table = Table(
            [["Menetapkan", ":", Paragraph(f"<b>{esc(menetapkan)}</b>", g.normal)]],
            colWidths=[w[0], w[1], w[2] + w[3]],
        )
        table.setStyle(TableStyle(_base_style(g)))
        return [Spacer(1, 4 * mm), _b("MEMUTUSKAN:", g.judul), Spacer(1, 3 * mm), table]

    def diktum_table(self, items: Sequence[tuple[str, Any]]) -> Table:
        g = self.g
        w = self._label_widths()
        rows = [
            [label, ":", text if isinstance(text, Flowable) else _p(text, g.rata)]
            for label, text in items
        ]
        table = Table(rows, colWidths=[w[0], w[1], w[2] + w[3]])
        table.setStyle(TableStyle([*_base_style(g), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
        return table

    # ------------------------------------------------------------------ signatures

    def blok_ttd(self, ttd: TandaTangan, *, atas: Sequence[str] = (), ttd_text: str = "") -> Table:
        """A signature block; ``ttd_text`` ('ttd.') replaces the empty signing space."""
        g = self.g
        rows: list[list[Any]] = [[_p(t, g.normal)] for t in atas]
        rows += [[_b(t, g.normal)] for t in ttd.jabatan]
        rows.append([_p(ttd_text, g.normal) if ttd_text else Spacer(1, SIGNATURE_SPACE)])
        rows.append([Paragraph(f"<b><u>{esc(ttd.nama)}</u></b>", g.normal)])
        rows += [[_p(t, g.normal)] for t in ttd.keterangan]
        table = Table(rows, colWidths=[self.width * 0.48])
        table.setStyle(
            TableStyle(
                [
                    *_base_style(g),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def penetapan(self) -> Table:
        """'Ditetapkan di : Mamuju / pada tanggal : …' right of centre."""
        g = self.g
        table = Table(
            [["Ditetapkan di", ":", self.isi.tempat], ["pada tanggal", ":", self.tanggal]],
            colWidths=[30 * mm, 4 * mm, self.width * 0.48 - 34 * mm],
        )
        table.setStyle(
            TableStyle(
                [
                    *_base_style(g),
                    ("LINEBELOW", (0, 1), (-1, 1), 0.6, colors.black),
                    ("BOTTOMPADDING", (0, 1), (-1, 1), 3),
                ]
            )
        )
        return table

    def kanan(self, *blocks: Flowable) -> Table:
        """Stack blocks in the right half of the page."""
        rows = [["", b] for b in blocks]
        table = Table(rows, colWidths=[self.width * 0.52, self.width * 0.48])
        style = _base_style(self.g)
        table.setStyle(TableStyle([*style, ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        return table

    def kiri(self, *blocks: Flowable) -> Table:
        rows = [[b, ""] for b in blocks]
        table = Table(rows, colWidths=[self.width * 0.48, self.width * 0.52])
        table.setStyle(TableStyle(_base_style(self.g)))
        return table

    def tembusan(self, items: Sequence[str]) -> list[Flowable]:
        if not items:
            return []
        g = self.g
        texts = _punctuate([self.isi.isi(t) for t in items], ".")
        rows: list[list[Any]] = [[_p("Tembusan Yth.:", g.kecil), ""]]
        rows += [[f"{i}.", _p(t, g.kecil)] for i, t in enumerate(texts, 1)]
        table = Table(rows, colWidths=[7 * mm, self.width - 7 * mm])
        table.setStyle(
            TableStyle(
                [
                    *_base_style(g),
                    ("FONTSIZE", (0, 0), (-1, -1), g.size - 1),
                    ("SPAN", (0, 0), (1, 0)),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return [Spacer(1, 6 * mm), KeepTogether([table])]

    # ------------------------------------------------------------------ Lampiran table

    def lampiran_widths(self) -> list[float]:
        parts = [7, 43, 22, 32, 32, 24]
        total = sum(parts)
        return [self.width * p / total for p in parts]

    def lampiran_header(self) -> list[list[Any]]:
        # Plain strings (font and alignment from the table style): a table of 500 rows repeats
        # this header on every page, and 500 petikan print it once each.
        return [
            ["NO", "NAMA / NIP", "PANGKAT /\nGOL. RUANG", "JABATAN", "", "KET"],
            ["", "", "", "LAMA", "BARU", ""],
            [str(i) for i in range(1, 7)],
        ]

    def lampiran_row(self, nomor: int, b: BarisSk) -> list[Any]:
        g = self.g
        return [
            _p(f"{nomor}.", g.sel_tengah),
            # No break inside the NIP: it wraps as a whole after "NIP" if the cell is narrow.
            Paragraph(
                f"<b>{esc(b.nama)}</b><br/>NIP {esc(b.nip_tampil).replace(' ', '&nbsp;')}", g.sel
            ),
            _p(b.pangkat, g.sel),
            _p(b.jabatan_lama_lengkap, g.sel),
            _p(b.jabatan_baru_lengkap, g.sel),
            _p(b.keterangan, g.sel),
        ]

    def make_lampiran_table(self, data: list[list[Any]]) -> Table:
        g = self.g
        table = Table(data, colWidths=self.lampiran_widths(), repeatRows=3)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), g.font),
                    ("FONTNAME", (0, 0), (-1, 1), g.bold),
                    ("FONTSIZE", (0, 0), (-1, -1), g.sel.fontSize),
                    ("LEADING", (0, 0), (-1, -1), g.sel.leading),
                    ("ALIGN", (0, 0), (-1, 2), "CENTER"),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("VALIGN", (0, 0), (-1, 2), "MIDDLE"),
                    ("SPAN", (0, 0), (0, 1)),
                    ("SPAN", (1, 0), (1, 1)),
                    ("SPAN", (2, 0), (2, 1)),
                    ("SPAN", (3, 0), (4, 0)),
                    ("SPAN", (5, 0), (5, 1)),
                    ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#EFEFEF")),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return table

    def kepala_lampiran(self, *, petikan: bool) -> list[Flowable]:
        g = self.g
        judul = f"LAMPIRAN {'PETIKAN ' if petikan else ''}KEPUTUSAN {self.kepala}"
        rows = [
            [_p(judul, g.kecil), "", ""],
            [_p("NOMOR", g.kecil), ":", _p(self.nomor, g.kecil)],
            [_p("TANGGAL", g.kecil), ":", _p(self.tanggal, g.kecil)],
            [_p("TENTANG", g.kecil), ":", _p(self.isi.judul_terisi.upper(), g.kecil)],
        ]
        left = self.width * 0.4
        inner = self.width - left
        table = Table(rows, colWidths=[20 * mm, 4 * mm, inner - 24 * mm])
        table.setStyle(
            TableStyle(
                [
                    *_base_style(g),
                    ("FONTSIZE", (0, 0), (-1, -1), g.size - 1),
                    ("SPAN", (0, 0), (2, 0)),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        wrapper = Table([["", table]], colWidths=[left, inner])
        wrapper.setStyle(TableStyle(_base_style(g)))
        return [
            wrapper,
            Spacer(1, 6 * mm),
            _b(self.isi.isi(self.isi.judul_lampiran).upper(), g.judul),
            Spacer(1, 4 * mm),
        ]


# --------------------------------------------------------------------------- documents


def label_dokumen(isi: IsiSk, jenis: JenisDokumen, baris: BarisSk | None) -> str:
    """``Keputusan Bupati Mamuju Nomor …``; a letter names its person and the decree."""
    keputusan = f"Keputusan {isi.kepala_daerah}"
    if isi.nomor:
        keputusan += f" Nomor {isi.nomor}"
    if jenis is JenisDokumen.SK:
        return keputusan
    if jenis is JenisDokumen.PETIKAN:
        head = f"Petikan {keputusan}"
        return head if baris is None else f"{head} \u2014 {baris.nama}"
    who = f" \u2014 {baris.nama}" if baris is not None else ""
    return f"{jenis.judul}{who} (dasar: {keputusan})"


def _meta(isi: IsiSk, jenis: JenisDokumen, kode: str | None, baris: BarisSk | None) -> dict:
    return {
        "title": label_dokumen(isi, jenis, baris),
        "author": f"Pemerintah {isi.daerah}",
        "subject": isi.judul_terisi,
        "keywords": f"{KEYWORD_PREFIX}{kode}" if kode else "konsep",
    }


class Perender(_Penyusun):
    """Renders every document of one decree; pieces that do not depend on the person are built
    once and reused for all petikan and letters (flowables can be laid out again)."""

    def __init__(self, isi: IsiSk, tata: TataLetak, *, draft: bool) -> None:
        super().__init__(isi, tata, draft=draft)
        self._cache: dict[str, Any] = {}
        self._nomor_baris = {id(b): i for i, b in enumerate(isi.baris, 1)}

    def _once(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    def _build(
        self, jenis: JenisDokumen, story: list[Flowable], kode: str | None, baris: BarisSk | None
    ) -> bytes:
        isi, tata = self.isi, self.tata
        kode = None if self.draft else kode
        _, _, left, right = (m * mm for m in tata.margin)
        qr = qr_matrix(qr_payload(kode, jenis, isi.daerah)) if kode else None
        label = label_dokumen(isi, jenis, baris)
        kaki = _Kaki(self.g, left, right, page_size(tata), kode, qr, self.draft, label)
        buffer = io.BytesIO()
        doc = _Dokumen(buffer, tata, kaki, _meta(isi, jenis, kode, baris))
        doc.build(story, canvasmaker=_canvas_class(kaki))
        return buffer.getvalue()

    # ------------------------------------------------------------------ the decree

    def sk(self, kode: str | None) -> bytes:
        """The collective decree: head, Menimbang, Mengingat, diktum, signature, Tembusan,
        then the Lampiran with every person's row and the signature repeated under it."""
        isi, g = self.isi, self.g
        story: list[Flowable] = [*self.kepala_keputusan(petikan=False)]
        story += self.menimbang_mengingat(petikan=False)
        story += self.memutuskan()
        diktum = isi.diktum_terisi()
        if len(diktum) > 1:
            story.append(self.diktum_table(diktum[:-1]))
        closing: list[Flowable] = []
        if diktum:
            closing.append(self.diktum_table(diktum[-1:]))
        if isi.penyampaian:
            closing += [Spacer(1, 2 * mm), _p(isi.isi(isi.penyampaian), g.rata)]
        closing += [
            Spacer(1, 6 * mm),
            self.kanan(self.penetapan(), self.blok_ttd(isi.penandatangan)),
        ]
        # The last diktum, the date and the signature stay together: no orphaned signature.
        story.append(KeepTogether(closing))
        story += self.tembusan(isi.tembusan)
        if isi.baris:
            story.append(PageBreak())
            story += self.kepala_lampiran(petikan=False)
            rows = [self.lampiran_row(i, b) for i, b in enumerate(isi.baris, 1)]
            penutup = self.kanan(Spacer(1, 4 * mm), self.blok_ttd(isi.penandatangan))
            story.append(
                TabelBertanda(self.lampiran_header(), rows, self.make_lampiran_table, penutup)
            )
        return self._build(JenisDokumen.SK, story, kode, None)

    # ------------------------------------------------------------------ petikan

    def _petikan_static(self) -> dict[str, Any]:
        isi = self.isi
        diktum = isi.diktum_terisi()
        parts: dict[str, Any] = {
            "head": [
                *self.kepala_keputusan(petikan=True),
                *self.menimbang_mengingat(petikan=True),
                *self.memutuskan(),
            ],
            "first": self.diktum_table(diktum[:1]) if diktum else None,
            "middle": self.diktum_table(diktum[1:-1]) if len(diktum) > 2 else None,
            "last": self.diktum_table(diktum[-1:]) if len(diktum) > 1 else None,
            "ttd": self.kanan(self.penetapan(), self.blok_ttd(isi.penandatangan, ttd_text="ttd.")),
            "pengesah": self.kiri(
                self.blok_ttd(isi.pengesah_petikan, atas=("Petikan sesuai dengan aslinya",))
            ),
            "tembusan": self.tembusan(isi.tembusan_petikan),
            "header": self.lampiran_header(),
        }
        return parts

    def petikan(self, baris: BarisSk, kode: str | None) -> bytes:
        """One person's petikan: the decree with 'dst.' for its grounds and only this row."""
        g = self.g
        parts = self._once("petikan", self._petikan_static)
        nomor = self._nomor_baris.get(id(baris)) or next(
            (i for i, b in enumerate(self.isi.baris, 1) if b == baris), 1
        )
        story: list[Flowable] = list(parts["head"])
        if parts["first"] is not None:
            row = self.make_lampiran_table([*parts["header"], self.lampiran_row(nomor, baris)])
            row.setStyle(TableStyle([("NOSPLIT", (0, 0), (-1, -1))]))
            story += [parts["first"], row, Spacer(1, 3 * mm)]
        if parts["middle"] is not None:
            story.append(parts["middle"])
        closing: list[Flowable] = [parts["last"]] if parts["last"] is not None else []
        closing += [
            Spacer(1, 2 * mm),
            _p(
                f"PETIKAN Keputusan ini disampaikan kepada Saudara {baris.nama} "
                f"(NIP {baris.nip_tampil}) untuk diketahui dan dilaksanakan sebagaimana "
                "mestinya.",
                g.rata,
            ),
            Spacer(1, 5 * mm),
            parts["ttd"],
            Spacer(1, 2 * mm),
            parts["pengesah"],
        ]
        story.append(KeepTogether(closing))
        story += parts["tembusan"]
        return self._build(JenisDokumen.PETIKAN, story, kode, baris)

    # ------------------------------------------------------------------ letters

    def _kop(self, unit: str) -> list[Flowable]:
        def make() -> list[Flowable]:
            g = self.g
            head = Table(
                [
                    [_b(f"PEMERINTAH {self.isi.daerah.upper()}", g.judul)],
                    [_b(unit.upper(), g.kepala)],
                ],
                colWidths=[self.width],
            )
            head.setStyle(
                TableStyle(
                    [
                        *_base_style(g),
                        ("LINEBELOW", (0, -1), (-1, -1), 1.6, colors.black),
                        ("BOTTOMPADDING", (0, -1), (-1, -1), 5),
                    ]
                )
            )
            return [*self.logo(), head, Spacer(1, 6 * mm)]

        return list(self._once(f"kop:{unit}", make))

    def _judul_surat(self, jenis: JenisDokumen) -> list[Flowable]:
        g = self.g
        return list(
            self._once(
                f"judul:{jenis.value}",
                lambda: [
                    Paragraph(f"<b><u>{esc(jenis.judul.upper())}</u></b>", g.judul),
                    _p(
                        "Nomor : \u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026\u2026",
                        g.tengah,
                    ),
                    Spacer(1, 6 * mm),
                ],
            )
        )

    def _identitas(self, fields: Sequence[tuple[str, str]]) -> Table:
        g = self.g
        indent = 8 * mm
        label = 40 * mm
        rows = [["", name, ":", _p(value, g.normal)] for name, value in fields]
        table = Table(rows, colWidths=[indent, label, 5 * mm, self.width - indent - label - 5 * mm])
        table.setStyle(TableStyle([*_base_style(g), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        return table

    @staticmethod
    def _pegawai_fields(b: BarisSk, jabatan: str) -> list[tuple[str, str]]:
        return [
            ("Nama", b.nama),
            ("NIP", b.nip_tampil),
            ("Pangkat/Gol. Ruang", b.pangkat or "-"),
            ("Jabatan", jabatan),
        ]

    def spmt_pernyataan(self, baris: BarisSk, kode: str | None) -> bytes:
        """Surat Pernyataan Melaksanakan Tugas, signed by the head of the receiving unit."""
        isi, g = self.isi, self.g
        jenis = JenisDokumen.SPMT_PERNYATAAN
        opd = baris.opd_baru or baris.unit_baru
        kepala = baris.kepala_baru
        dots = "\u2026" * 14
        jabatan_kepala = (kepala.jabatan if kepala and kepala.jabatan else f"Kepala {opd}").strip()
        story: list[Flowable] = [*self._kop(opd), *self._judul_surat(jenis)]
        story += [
            _p("Yang bertanda tangan di bawah ini:", g.normal),
            Spacer(1, 2 * mm),
            self._identitas(
                [
                    ("Nama", kepala.nama if kepala and kepala.nama else dots),
                    ("NIP", format_nip(kepala.nip) if kepala and kepala.nip else dots),
                    ("Pangkat/Gol. Ruang", kepala.pangkat if kepala and kepala.pangkat else dots),
                    ("Jabatan", jabatan_kepala),
                ]
            ),
            Spacer(1, 3 * mm),
            _p("dengan ini menyatakan dengan sesungguhnya bahwa:", g.normal),
            Spacer(1, 2 * mm),
            self._identitas(self._pegawai_fields(baris, baris.jabatan_baru_lengkap)),
            Spacer(1, 3 * mm),
            _p(isi.isi(str(isi.spmt_pernyataan.get("pernyataan", "")), baris), g.rata),
            Spacer(1, 3 * mm),
            _p(isi.isi(str(isi.spmt_pernyataan.get("penutup", "")), baris), g.rata),
            Spacer(1, 8 * mm),
        ]
        bawah = []
        if kepala and kepala.pangkat:
            bawah.append(kepala.pangkat)
        bawah.append(f"NIP {format_nip(kepala.nip)}" if kepala and kepala.nip else f"NIP {dots}")
        nama = nama_tanda_tangan(kepala.nama) if kepala and kepala.nama else f"({dots})"
        ttd = TandaTangan((f"{jabatan_kepala},",), nama, tuple(bawah))
        tempat = f"{isi.tempat}, {dots}"
        story.append(KeepTogether([self.kanan(self.blok_ttd(ttd, atas=(tempat,)))]))
        story += self._once("tembusan_spmt", lambda: self.tembusan(isi.tembusan_spmt))
        return self._build(jenis, story, kode, baris)

    def spmt_perintah(self, baris: BarisSk, kode: str | None) -> bytes:
        """Surat Perintah Melaksanakan Tugas: the Sekretaris Daerah orders, a.n. the Bupati."""
        isi, g = self.isi, self.g
        jenis = JenisDokumen.SPMT_PERINTAH

        def ttd() -> Table:
            dikeluarkan = Table(
                [["Dikeluarkan di", ":", isi.tempat], ["pada tanggal", ":", self.tanggal]],
                colWidths=[30 * mm, 4 * mm, self.width * 0.48 - 34 * mm],
            )
            dikeluarkan.setStyle(
                TableStyle([*_base_style(g), ("LINEBELOW", (0, 1), (-1, 1), 0.6, colors.black)])
            )
            return self.kanan(dikeluarkan, self.blok_ttd(isi.pengesah_petikan))

        dasar = isi.isi(str(isi.spmt_perintah.get("dasar", "")), baris)
        untuk = [isi.isi(str(t), baris) for t in isi.spmt_perintah.get("untuk", ())]
        story: list[Flowable] = [*self._kop("Sekretariat Daerah"), *self._judul_surat(jenis)]
        story += [
            self.daftar("Dasar", [("", dasar)], rata=False),
            Spacer(1, 4 * mm),
            self._once("memerintahkan", lambda: _b("MEMERINTAHKAN:", g.judul)),
            Spacer(1, 3 * mm),
            self._once("kepada", lambda: self.daftar("Kepada", [("", "")])),
            self._identitas(self._pegawai_fields(baris, baris.jabatan_lama_lengkap)),
            Spacer(1, 3 * mm),
            self.daftar("Untuk", [(f"{i}.", t) for i, t in enumerate(untuk, 1)]),
            Spacer(1, 8 * mm),
            KeepTogether([self._once("ttd_perintah", ttd)]),
        ]
        story += self._once("tembusan_spmt", lambda: self.tembusan(isi.tembusan_spmt))
        return self._build(jenis, story, kode, baris)

    def render(self, jenis: JenisDokumen, baris: BarisSk | None, kode: str | None) -> bytes:
        if jenis is JenisDokumen.SK:
            return self.sk(kode)
        if baris is None:
            raise ValueError(f"{jenis.value} needs a person's row")
        if jenis is JenisDokumen.PETIKAN:
            return self.petikan(baris, kode)
        if jenis is JenisDokumen.SPMT_PERNYATAAN:
            return self.spmt_pernyataan(baris, kode)
        return self.spmt_perintah(baris, kode)


def render(
    jenis: JenisDokumen,
    isi: IsiSk,
    tata: TataLetak,
    baris: BarisSk | None = None,
    *,
    kode: str | None,
    draft: bool,
) -> bytes:
    """Render one document of a decree (for many, use ``Perender`` or ``render_many``)."""
    return Perender(isi, tata, draft=draft).render(jenis, baris, kode)


def render_sk(isi: IsiSk, tata: TataLetak, *, kode: str | None, draft: bool) -> bytes:
    return Perender(isi, tata, draft=draft).sk(kode)


def render_petikan(
    isi: IsiSk, tata: TataLetak, baris: BarisSk, *, kode: str | None, draft: bool
) -> bytes:
    return Perender(isi, tata, draft=draft).petikan(baris, kode)


def render_spmt_pernyataan(
    isi: IsiSk, tata: TataLetak, baris: BarisSk, *, kode: str | None, draft: bool
) -> bytes:
    return Perender(isi, tata, draft=draft).spmt_pernyataan(baris, kode)


def render_spmt_perintah(
    isi: IsiSk, tata: TataLetak, baris: BarisSk, *, kode: str | None, draft: bool
) -> bytes:
    return Perender(isi, tata, draft=draft).spmt_perintah(baris, kode)


# --------------------------------------------------------------------------- many at once


@dataclass(frozen=True)
class Pesanan:
    """One document to render: its kind, the person's row index (None for the SK), its code."""

    jenis: JenisDokumen
    baris: int | None
    kode: str | None


@dataclass(frozen=True)
class Hasil:
    """A rendered document, or the error that kept it from being rendered."""

    urutan: int
    pesanan: Pesanan
    data: bytes | None
    galat: str | None = None


_worker: Perender | None = None


def _worker_init(isi_data: dict[str, Any], tata_data: dict[str, Any], draft: bool) -> None:
    global _worker
    _worker = Perender(IsiSk.from_dict(isi_data), TataLetak.from_dict(tata_data), draft=draft)


def _render_chunk(chunk: list[tuple[int, Pesanan]]) -> list[Hasil]:
    assert _worker is not None
    return [_render_one(_worker, i, p) for i, p in chunk]


def _render_one(perender: Perender, urutan: int, p: Pesanan) -> Hasil:
    baris = perender.isi.baris[p.baris] if p.baris is not None else None
    try:
        return Hasil(urutan, p, perender.render(p.jenis, baris, p.kode))
    except Exception as exc:  # one person's broken data must not stop 499 others
        return Hasil(urutan, p, None, f"{type(exc).__name__}: {exc}")


PARALLEL_MIN = 60  # below this many documents, starting worker processes does not pay
CHUNK = 10
# A frozen (PyInstaller) build re-runs its entry point in each worker unless that entry point
# calls multiprocessing.freeze_support() first; it sets this to True once it does.
PARALLEL_WHEN_FROZEN = False


def workers_available() -> int:
    import os
    import sys

    if getattr(sys, "frozen", False) and not PARALLEL_WHEN_FROZEN:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def render_many(
    isi: IsiSk,
    tata: TataLetak,
    pesanan: Sequence[Pesanan],
    *,
    draft: bool,
    workers: int | None = None,
) -> Iterator[Hasil]:
    """Render many documents, yielding each result as soon as it is ready (any order).

    With two or more CPUs and enough documents, separate worker processes share the work
    (reportlab is pure Python: threads would not help). Closing the iterator early cancels
    what has not started. Falls back to rendering here if worker processes cannot start.
    """
    jobs = list(enumerate(pesanan))
    n = workers if workers is not None else workers_available()
    n = min(n, workers_available()) if n > 1 else n
    if n < 2 or len(jobs) < PARALLEL_MIN:
        yield from _render_here(isi, tata, jobs, draft=draft)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
    done_ids: set[int] = set()
    # "spawn" everywhere: the same start method as Windows, and no fork() of a process that
    # runs Qt threads.
    pool = ProcessPoolExecutor(
        max_workers=n,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_worker_init,
        initargs=(isi.to_dict(), tata.to_dict(), draft),
    )
    try:
        pending = {pool.submit(_render_chunk, chunk) for chunk in chunks}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                for hasil in future.result():
                    done_ids.add(hasil.urutan)
                    yield hasil
    except BrokenProcessPool:
        rest = [(i, p) for i, p in jobs if i not in done_ids]
        yield from _render_here(isi, tata, rest, draft=draft)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _render_here(
    isi: IsiSk, tata: TataLetak, jobs: Sequence[tuple[int, Pesanan]], *, draft: bool
) -> Iterator[Hasil]:
    perender = Perender(isi, tata, draft=draft)
    for i, p in jobs:
        yield _render_one(perender, i, p)


# --------------------------------------------------------------------------- reading back

_KEYWORDS_RE = re.compile(rb"/Keywords\s*\(([^)]*)\)")


def read_verification_code(data: bytes) -> str | None:
    """The verification code stored in a PDF's metadata (the last Info dictionary wins, as an
    incremental update would), or None. Only reads what this module writes."""
    found: str | None = None
    for m in _KEYWORDS_RE.finditer(data):
        text = m.group(1).decode("latin-1")
        if text.startswith(KEYWORD_PREFIX):
            found = text[len(KEYWORD_PREFIX) :].strip()
    return found


def page_count(data: bytes) -> int:
    """Pages in a PDF written by this module (counts page objects)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
