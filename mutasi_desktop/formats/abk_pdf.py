"""The ABK recap as a printable PDF (reportlab): F4 or A4, landscape by default, fonts embedded.

Every text uses the bundled Liberation Sans (metric-compatible with Arial), registered from
``resources/fonts``: the canvas' initial font and every table style name it explicitly, because
reportlab otherwise falls back to unembedded Helvetica (toolchain.md). Tables repeat their
header row on each page; the footer carries "Halaman X dari Y" and the print date.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mutasi_desktop.config.paths import resource_root
from mutasi_desktop.domain.abk_report import AbkGroupRow, AbkPositionRow, AbkReport
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.tanggal import format_tanggal

FONT = "LiberationSans"
FONT_BOLD = "LiberationSans-Bold"
F4 = (215 * mm, 330 * mm)
PAPERS: dict[str, tuple[float, float]] = {"F4": F4, "A4": A4}

KURANG = colors.HexColor("#F8D7DA")
LEBIH = colors.HexColor("#FFF1C2")
PAS = colors.HexColor("#D9EAD3")
HEAD = colors.HexColor("#DCE6F0")
TOTAL = colors.HexColor("#EEEEEE")
GRID = colors.HexColor("#8C8C8C")


def register_fonts() -> None:
    """Register the bundled TTFs once (idempotent)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = resource_root() / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "LiberationSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "LiberationSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def angka(value: float | int | None, digits: int = 0) -> str:
    """Indonesian number: 1.234.567,89; None → '-'."""
    if value is None:
        return "-"
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def bertanda(value: int) -> str:
    return f"+{value}" if value > 0 else ("\u2212" + str(-value) if value < 0 else "0")


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("isi", fontName=FONT, fontSize=7.5, leading=9)
    return {
        "isi": base,
        "tebal": ParagraphStyle("tebal", parent=base, fontName=FONT_BOLD),
        "judul": ParagraphStyle(
            "judul", fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_CENTER
        ),
        "subjudul": ParagraphStyle(
            "subjudul", fontName=FONT, fontSize=9.5, leading=12, alignment=TA_CENTER
        ),
        "bagian": ParagraphStyle(
            "bagian", fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceBefore=6, spaceAfter=4
        ),
        "opd": ParagraphStyle(
            "opd", fontName=FONT_BOLD, fontSize=9, leading=11, spaceBefore=6, spaceAfter=3
        ),
        "catatan": ParagraphStyle("catatan", fontName=FONT, fontSize=8, leading=10.5),
        "kepala": ParagraphStyle(
            "kepala", fontName=FONT_BOLD, fontSize=7.5, leading=9, alignment=TA_CENTER
        ),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _table_style(n_rows: int, *, total_rows: Sequence[int] = ()) -> list[tuple[Any, ...]]:
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("LEADING", (0, 0), (-1, -1), 9),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    for r in total_rows:
        style += [("FONTNAME", (0, r), (-1, r), FONT_BOLD), ("BACKGROUND", (0, r), (-1, r), TOTAL)]
    return style


def _kurang_lebih(kurang: int, lebih: int) -> str:
    parts = ([f"\u2212{kurang}"] if kurang else []) + ([f"+{lebih}"] if lebih else [])
    return " / ".join(parts) or "0"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _fill(selisih: int) -> colors.Color:
    return KURANG if selisih < 0 else LEBIH if selisih > 0 else PAS


def _widths(total: float, parts: Sequence[float]) -> list[float]:
    s = sum(parts)
    return [total * p / s for p in parts]


class _OpdMarker(Flowable):
    """Zero-size flowable: tells the page template which OPD's table starts or ends here, so
    continuation pages can name the OPD in their running header."""

    def __init__(self, doc: _Doc, nama: str | None) -> None:
        super().__init__()
        self.doc_ref = doc
        self.nama = nama

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.doc_ref.opd_marker(self.nama)


class _Doc(BaseDocTemplate):
    def __init__(self, path: str, report: AbkReport, pagesize: tuple[float, float]) -> None:
        margin = 12 * mm
        super().__init__(
            path,
            pagesize=pagesize,
            leftMargin=margin,
            rightMargin=margin,
            topMargin=16 * mm,
            bottomMargin=14 * mm,
            title=f"Rekapitulasi Analisis Beban Kerja {report.tahun}",
            author=report.instansi or "Mutasi Desktop",
            subject="Analisis Beban Kerja (ABK)",
            creator="Mutasi Desktop",
            initialFontName=FONT,
            initialFontSize=9,
        )
        self.report = report
        self.current_opd: str | None = None
        self.page_opds: list[str] = []
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="isi")
        self.addPageTemplates(
            [PageTemplate("halaman", [frame], onPage=self._decorate, onPageEnd=self._running_opd)]
        )

    def opd_marker(self, nama: str | None) -> None:
        self.current_opd = nama
        if nama is not None and nama not in self.page_opds:
            self.page_opds.append(nama)

    def _running_opd(self, canvas: Canvas, doc: Any) -> None:
        w, h = self.pagesize
        text = " / ".join(self.page_opds) if self.page_opds else self.report.profil.name
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#404040"))
        canvas.drawRightString(w - self.rightMargin, h - 10 * mm, _shorten(text, 110))
        canvas.restoreState()
        # The next page starts inside the table of the OPD still open, if any.
        self.page_opds = [self.current_opd] if self.current_opd else []

    def _decorate(self, canvas: Canvas, doc: Any) -> None:
        report = self.report
        w, h = self.pagesize
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#404040"))
        head = f"Rekapitulasi Analisis Beban Kerja Tahun {report.tahun}"
        if report.instansi:
            head = f"{report.instansi} \u2014 {head}"
        if report.skenario:
            head += f" \u2014 skenario: {report.skenario}"
        canvas.drawString(self.leftMargin, h - 10 * mm, head)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.4)
        canvas.line(self.leftMargin, h - 11.5 * mm, w - self.rightMargin, h - 11.5 * mm)
        canvas.drawString(
            self.leftMargin,
            8 * mm,
            f"Dicetak {format_tanggal(report.tanggal)} \u2014 Mutasi Desktop",
        )
        canvas.restoreState()


def _numbered_canvas(pagesize: tuple[float, float], margin: float) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Two passes: pages are kept until save, then stamped 'Halaman X dari Y'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # BaseDocTemplate passes initialFontName=None explicitly: None means Helvetica.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 9
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(FONT, 7.5)
                self.setFillColor(colors.HexColor("#404040"))
                self.drawRightString(
                    pagesize[0] - margin, 8 * mm, f"Halaman {self._pageNumber} dari {total}"
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def write_recap_pdf(
    path: str | Path, report: AbkReport, *, kertas: str = "F4", mendatar: bool = True
) -> Path:
    """Summary, recap per OPD, per-position detail by OPD, ratio figures and a legend."""
    size = PAPERS.get(str(kertas).upper())
    if size is None:
        raise DomainError("field.pilihan_salah", value=kertas, label="kertas (F4/A4)")
    pagesize = landscape(size) if mendatar else portrait(size)
    register_fonts()
    out = Path(path)
    styles = _styles()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        doc = _Doc(str(out), report, pagesize)
        story = _story(report, styles, doc.width, doc)
        doc.build(story, canvasmaker=_numbered_canvas(pagesize, doc.rightMargin))
    except PermissionError as exc:
        raise DomainError("berkas.terkunci", path=str(out)) from exc
    except OSError as exc:
        raise DomainError("berkas.tidak_dapat_ditulis", path=str(out), detail=str(exc)) from exc
    return out


def _story(report: AbkReport, st: dict[str, ParagraphStyle], width: float, doc: _Doc) -> list[Any]:
    prof = report.profil
    story: list[Any] = [
        Paragraph("REKAPITULASI ANALISIS BEBAN KERJA (ABK)", st["judul"]),
    ]
    if report.instansi:
        story.append(Paragraph(_esc(report.instansi.upper()), st["judul"]))
    story.append(Paragraph(f"TAHUN {report.tahun}", st["judul"]))
    line = (
        f"Profil {_esc(prof.name)}: waktu kerja efektif {angka(prof.wke_menit)} menit "
        f"({angka(prof.wke_menit / 60)} jam) per tahun; pembulatan {_esc(prof.pembulatan.label)}"
        + ("; minimal satu orang per jabatan" if prof.minimal_satu else "")
    )
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(line, st["subjudul"]))
    if report.skenario:
        changed = [d for d in report.pemicu if d.diubah_skenario]
        detail = ", ".join(
            f"{_esc(d.nama)} {angka(d.nilai_dasar)} \u2192 {angka(d.nilai)}" for d in changed
        )
        story.append(
            Paragraph(
                f"Skenario: <b>{_esc(report.skenario)}</b>" + (f" ({detail})" if detail else ""),
                st["subjudul"],
            )
        )
    story.append(Paragraph(f"Keadaan {format_tanggal(report.tanggal)}", st["subjudul"]))
    story.append(Spacer(1, 5 * mm))

    story.append(Paragraph("A. Ringkasan", st["bagian"]))
    story.append(_summary(report, width))
    story.append(Spacer(1, 4 * mm))

    story.append(Paragraph("B. Rekap per OPD", st["bagian"]))
    story.append(_group_table(report.opds, report.totals, "OPD", st, width))

    story.append(CondPageBreak(60 * mm))
    story.append(Paragraph("C. Rincian per Jabatan", st["bagian"]))
    for opd in report.opds:
        rows = [p for p in report.positions if p.opd_id == opd.id]
        heading = Paragraph(
            f"{_esc(opd.nama)} \u2014 {opd.jumlah_jabatan} jabatan, kebutuhan "
            f"{opd.kebutuhan_bulat}, ada {opd.pegawai_ada}, kurang {opd.kurang}, "
            f"lebih {opd.lebih}",
            st["opd"],
        )
        table = _position_table(rows, opd, st, width)
        story.append(CondPageBreak(35 * mm))
        start = _OpdMarker(doc, opd.nama)
        if len(rows) <= 6:
            story.append(KeepTogether([start, heading, table]))
        else:
            story += [start, heading, table]
        story.append(_OpdMarker(doc, None))

    if report.rasio:
        story.append(CondPageBreak(50 * mm))
        story.append(Paragraph("D. Perkiraan Menurut Rasio (pembanding)", st["bagian"]))
        story.append(
            Paragraph(
                "Angka rasio hanya pembanding: dasar resmi mutasi tetap ANJAB-ABK "
                "(Peraturan BKN 5/2019). Kebutuhan menurut rasio = pembulatan ke atas dari "
                "nilai pemicu \u00d7 pegawai \u00f7 per.",
                st["catatan"],
            )
        )
        story.append(Spacer(1, 2 * mm))
        story.append(_ratio_table(report, st, width))

    story.append(CondPageBreak(45 * mm))
    story.append(Paragraph("Keterangan", st["bagian"]))
    for text in _legend(report):
        story.append(Paragraph(text, st["catatan"]))
    return story


def _summary(report: AbkReport, width: float) -> Table:
    t = report.totals
    data = [
        [
            "Jabatan dianalisis",
            "Jabatan kosong",
            "Beban kerja (jam)",
            "Kebutuhan pegawai",
            "Pegawai ada",
            "Kurang",
            "Lebih",
            "EU",
            "PJ",
        ],
        [
            angka(t.jumlah_jabatan),
            angka(t.jumlah_kosong),
            angka(t.beban_kerja_jam, 2),
            f"{angka(t.kebutuhan_bulat)} ({angka(t.kebutuhan, 2)})",
            angka(t.pegawai_ada),
            angka(t.kurang),
            angka(t.lebih),
            angka(t.eu, 3),
            f"{t.pj or '-'} ({t.kondisi_label})",
        ],
    ]
    table = Table(data, colWidths=_widths(min(width, 250 * mm), [11, 9, 11, 12, 9, 7, 7, 6, 14]))
    style = _table_style(2)
    style += [
        ("ALIGN", (0, 1), (-1, 1), "CENTER"),
        ("FONTSIZE", (0, 1), (-1, 1), 9),
        ("LEADING", (0, 1), (-1, 1), 11),
        ("BACKGROUND", (5, 1), (5, 1), KURANG if t.kurang else PAS),
        ("BACKGROUND", (6, 1), (6, 1), LEBIH if t.lebih else PAS),
    ]
    table.setStyle(TableStyle(style))
    table.hAlign = "LEFT"
    return table


def _group_table(
    groups: Sequence[AbkGroupRow],
    total: AbkGroupRow,
    label: str,
    st: dict[str, ParagraphStyle],
    width: float,
) -> Table:
    head = [
        "No",
        label,
        "Jabatan",
        "Kosong",
        "Beban kerja (jam)",
        "Kebutuhan",
        "Dibulatkan",
        "Ada",
        "Kurang",
        "Lebih",
        "EU",
        "PJ",
        "Kondisi",
    ]
    data: list[list[Any]] = [[Paragraph(h, st["kepala"]) for h in head]]
    for i, g in enumerate(groups, start=1):
        data.append(
            [
                str(i),
                Paragraph(_esc(g.nama), st["isi"]),
                angka(g.jumlah_jabatan),
                angka(g.jumlah_kosong),
                angka(g.beban_kerja_jam, 2),
                angka(g.kebutuhan, 2),
                angka(g.kebutuhan_bulat),
                angka(g.pegawai_ada),
                angka(g.kurang),
                angka(g.lebih),
                angka(g.eu, 3),
                g.pj or "-",
                g.kondisi_label,
            ]
        )
    data.append(
        [
            "",
            Paragraph("JUMLAH", st["tebal"]),
            angka(total.jumlah_jabatan),
            angka(total.jumlah_kosong),
            angka(total.beban_kerja_jam, 2),
            angka(total.kebutuhan, 2),
            angka(total.kebutuhan_bulat),
            angka(total.pegawai_ada),
            angka(total.kurang),
            angka(total.lebih),
            angka(total.eu, 3),
            total.pj or "-",
            total.kondisi_label,
        ]
    )
    widths = _widths(width, [4, 52, 8, 8, 13, 11, 11, 8, 8, 8, 7, 5, 17])
    table = Table(data, colWidths=widths, repeatRows=1)
    style = _table_style(len(data), total_rows=[len(data) - 1])
    style += [("ALIGN", (2, 1), (-3, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "RIGHT")]
    for r, g in enumerate(groups, start=1):
        if g.kurang:
            style.append(("BACKGROUND", (8, r), (8, r), KURANG))
        if g.lebih:
            style.append(("BACKGROUND", (9, r), (9, r), LEBIH))
    table.setStyle(TableStyle(style))
    return table


def _position_table(
    rows: Sequence[AbkPositionRow],
    opd: AbkGroupRow,
    st: dict[str, ParagraphStyle],
    width: float,
) -> Table:
    head = [
        "No",
        "Unit kerja",
        "Jabatan",
        "Tugas",
        "Beban kerja (jam)",
        "Kebutuhan",
        "Dibulatkan",
        "Ada",
        "+/\u2212",
        "EJ",
        "PJ",
        "Kondisi",
    ]
    data: list[list[Any]] = [[Paragraph(h, st["kepala"]) for h in head]]
    for i, p in enumerate(rows, start=1):
        ada = angka(p.pegawai_ada)
        if p.sumber_pegawai.value == "berkas_abk":
            ada += "*"
        elif p.selisih_data:
            ada += "\u2020"
        data.append(
            [
                str(i),
                Paragraph(_esc(p.unit), st["isi"]),
                Paragraph(_esc(p.jabatan), st["isi"]),
                angka(p.jumlah_tugas),
                angka(p.beban_kerja_jam, 2),
                angka(p.kebutuhan, 2),
                angka(p.kebutuhan_bulat),
                ada,
                bertanda(p.selisih),
                angka(p.ej, 3),
                p.pj or "-",
                p.kondisi_label,
            ]
        )
    data.append(
        [
            "",
            Paragraph("Jumlah OPD", st["tebal"]),
            "",
            angka(sum(p.jumlah_tugas for p in rows)),
            angka(opd.beban_kerja_jam, 2),
            angka(opd.kebutuhan, 2),
            angka(opd.kebutuhan_bulat),
            angka(opd.pegawai_ada),
            _kurang_lebih(opd.kurang, opd.lebih),
            angka(opd.eu, 3),
            opd.pj or "-",
            opd.kondisi_label,
        ]
    )
    widths = _widths(width, [4, 44, 44, 6, 11, 10, 10, 7, 9, 6, 5, 17])
    table = Table(data, colWidths=widths, repeatRows=1)
    style = _table_style(len(data), total_rows=[len(data) - 1])
    style += [("ALIGN", (3, 1), (-3, -1), "RIGHT"), ("ALIGN", (0, 1), (0, -1), "RIGHT")]
    for r, p in enumerate(rows, start=1):
        style.append(("BACKGROUND", (8, r), (8, r), _fill(p.selisih)))
    table.setStyle(TableStyle(style))
    return table


def _ratio_table(report: AbkReport, st: dict[str, ParagraphStyle], width: float) -> Table:
    head = [
        "Jabatan",
        "Pemicu",
        "Nilai pemicu",
        "Rasio",
        "Kebutuhan (rasio)",
        "Jabatan cocok",
        "Kebutuhan (ABK)",
        "Pegawai ada",
        "Dasar",
    ]
    data: list[list[Any]] = [[Paragraph(h, st["kepala"]) for h in head]]
    for r in report.rasio:
        data.append(
            [
                Paragraph(_esc(r.jabatan_kata), st["isi"]),
                Paragraph(_esc(r.pemicu), st["isi"]),
                angka(r.nilai_pemicu),
                f"{angka(r.pegawai, 0 if float(r.pegawai).is_integer() else 2)} per {angka(r.per)}",
                angka(r.kebutuhan_rasio),
                angka(r.jumlah_jabatan),
                angka(r.kebutuhan_abk) if r.jumlah_jabatan else "-",
                angka(r.pegawai_ada) if r.jumlah_jabatan else "-",
                Paragraph(_esc(r.dasar), st["isi"]),
            ]
        )
    table = Table(
        data, colWidths=_widths(width, [20, 16, 12, 14, 11, 10, 11, 10, 36]), repeatRows=1
    )
    style = _table_style(len(data))
    style.append(("ALIGN", (2, 1), (-2, -1), "RIGHT"))
    table.setStyle(TableStyle(style))
    return table


def _legend(report: AbkReport) -> list[str]:
    prof = report.profil
    bands = []
    for b in prof.bands:
        if b.min_ej is None:
            bands.append(f"{b.grade} ({_esc(b.label)}) di bawahnya")
        else:
            op = "\u2265" if b.min_inclusive else ">"
            bands.append(f"{b.grade} ({_esc(b.label)}) EJ {op} {angka(b.min_ej, 2)}")
    return [
        "Beban kerja = volume per tahun \u00d7 waktu penyelesaian; kebutuhan = beban kerja "
        f"\u00f7 {angka(prof.wke_menit)} menit, dibulatkan per jabatan (tidak per tugas).",
        "+/\u2212 = pegawai ada \u2212 kebutuhan yang dibulatkan: negatif berarti kurang "
        "pegawai, positif berarti lebih. Kelebihan di satu jabatan tidak menutup kekurangan "
        "di jabatan lain.",
        "EJ (efisiensi jabatan) = beban kerja \u00f7 (pegawai ada \u00d7 waktu kerja efektif); "
        "EU sama untuk satu unit atau OPD. Kelas PJ: " + "; ".join(bands) + ".",
        "Kelas A (\u201cSangat Baik\u201d) berarti pemegang jabatan memikul lebih dari satu "
        "beban penuh: jabatan itu <b>kelebihan beban</b> (kekurangan pegawai). Kondisi ditulis "
        "dengan kata biasa: kelebihan beban, seimbang, kekurangan beban, jabatan kosong.",
        "* jumlah pegawai diambil dari kolom Pegawai Ada berkas ABK karena data pegawai belum "
        "mencatat siapa pun pada jabatan itu. \u2020 data pegawai berbeda dengan berkas ABK; "
        "yang dipakai data pegawai.",
    ]
