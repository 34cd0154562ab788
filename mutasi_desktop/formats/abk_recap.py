"""The ABK recap as a formatted workbook: positions, units, OPDs, ratio figures and the profile."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from mutasi_desktop.domain.abk_report import AbkGroupRow, AbkPositionRow, AbkReport, RatioRow
from mutasi_desktop.domain.tanggal import format_tanggal
from mutasi_desktop.formats.abk_workbook import (
    BOLD,
    BORDER,
    HEADER_FILL,
    TITLE,
    keterangan,
    profile_line,
    save_workbook,
    selisih_fill,
)

INT = "#,##0"
DEC2 = "#,##0.00"
DEC4 = "0.0000"


@dataclass(frozen=True)
class _Col:
    title: str
    width: float
    value: Callable[[Any], Any]
    fmt: str | None = None


POSITION_COLUMNS: tuple[_Col, ...] = (
    _Col("OPD", 30, lambda p: p.opd),
    _Col("Unit Kerja", 34, lambda p: p.unit),
    _Col("Jabatan", 34, lambda p: p.jabatan),
    _Col("Jumlah Tugas", 8, lambda p: p.jumlah_tugas, INT),
    _Col("Beban Kerja (jam)", 13, lambda p: p.beban_kerja_jam, DEC2),
    _Col("Beban Kerja (menit)", 14, lambda p: p.beban_kerja_menit, INT),
    _Col("Kebutuhan", 11, lambda p: p.kebutuhan, DEC4),
    _Col("Kebutuhan (dibulatkan)", 12, lambda p: p.kebutuhan_bulat, INT),
    _Col("Pegawai Ada", 9, lambda p: p.pegawai_ada, INT),
    _Col("Sumber Jumlah Pegawai", 14, lambda p: p.sumber_pegawai.label),
    _Col("Pegawai (data pegawai)", 11, lambda p: p.pegawai_register, INT),
    _Col("Pegawai (berkas ABK)", 11, lambda p: p.pegawai_berkas, INT),
    _Col("+/-", 7, lambda p: p.selisih, "+#,##0;-#,##0;0"),
    _Col("Keterangan", 11, lambda p: keterangan(p.selisih)),
    _Col("EJ", 7, lambda p: p.ej, DEC2),
    _Col("PJ", 5, lambda p: p.pj),
    _Col("Kondisi Beban", 16, lambda p: p.kondisi_label),
)


def _group_columns(first: str, first_width: float) -> tuple[_Col, ...]:
    return (
        _Col(first, first_width, lambda g: g.path or g.nama),
        _Col("Jumlah Jabatan", 9, lambda g: g.jumlah_jabatan, INT),
        _Col("Jabatan Kosong", 9, lambda g: g.jumlah_kosong, INT),
        _Col("Beban Kerja (jam)", 14, lambda g: g.beban_kerja_jam, DEC2),
        _Col("Kebutuhan", 11, lambda g: g.kebutuhan, DEC2),
        _Col("Kebutuhan (dibulatkan)", 12, lambda g: g.kebutuhan_bulat, INT),
        _Col("Pegawai Ada", 9, lambda g: g.pegawai_ada, INT),
        _Col("Kurang", 8, lambda g: g.kurang, INT),
        _Col("Lebih", 8, lambda g: g.lebih, INT),
        _Col("+/- Bersih", 8, lambda g: g.selisih, "+#,##0;-#,##0;0"),
        _Col("EU", 7, lambda g: g.eu, DEC2),
        _Col("PJ", 5, lambda g: g.pj),
        _Col("Kondisi Beban", 16, lambda g: g.kondisi_label),
    )


RATIO_COLUMNS: tuple[_Col, ...] = (
    _Col("Rasio", 16, lambda r: r.nama),
    _Col("Jabatan", 18, lambda r: r.jabatan_kata),
    _Col("Pemicu", 16, lambda r: r.pemicu),
    _Col("Nilai Pemicu", 13, lambda r: r.nilai_pemicu, INT),
    _Col("Pegawai", 9, lambda r: r.pegawai, "#,##0.##"),
    _Col("Per", 10, lambda r: r.per, INT),
    _Col("Kebutuhan menurut Rasio", 13, lambda r: r.kebutuhan_rasio, INT),
    _Col("Jabatan Dicocokkan", 11, lambda r: r.jumlah_jabatan, INT),
    _Col("Kebutuhan menurut ABK", 13, lambda r: r.kebutuhan_abk, INT),
    _Col("Pegawai Ada", 10, lambda r: r.pegawai_ada, INT),
    _Col("Dasar", 34, lambda r: r.dasar),
)


def _table(
    ws: Worksheet,
    top: int,
    columns: Sequence[_Col],
    rows: Sequence[Any],
    *,
    selisih: Callable[[Any], int] | None = None,
    total: Any = None,
    freeze_col: int = 2,
) -> int:
    for c, col in enumerate(columns, start=1):
        cell = ws.cell(top, c, col.title)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        ws.column_dimensions[get_column_letter(c)].width = col.width
    ws.row_dimensions[top].height = 32
    r = top + 1
    for item in [*rows, *([total] if total is not None else [])]:
        fill = selisih_fill(selisih(item)) if selisih is not None else None
        for c, col in enumerate(columns, start=1):
            cell = ws.cell(r, c, col.value(item))
            cell.border = BORDER
            if col.fmt:
                cell.number_format = col.fmt
            if fill is not None and col.title in ("+/-", "Keterangan", "Kurang", "Lebih"):
                cell.fill = fill
            if item is total:
                cell.font = BOLD
        r += 1
    ws.freeze_panes = ws.cell(top + 1, freeze_col)
    ws.auto_filter.ref = f"A{top}:{get_column_letter(len(columns))}{max(r - 1, top)}"
    return r


def _title(ws: Worksheet, report: AbkReport, subtitle: str) -> int:
    ws["A1"] = f"REKAPITULASI ANALISIS BEBAN KERJA TAHUN {report.tahun}"
    ws["A1"].font = TITLE
    ws["A2"] = (report.instansi + " \u2014 " if report.instansi else "") + subtitle
    ws["A3"] = profile_line(report) + f"; dibuat {format_tanggal(report.tanggal)}"
    ws["A2"].font = Font(italic=True)
    return 5


def _total_position(report: AbkReport) -> SimpleNamespace:
    """The grand-total line of the position sheet, shaped like a position row."""
    t = report.totals
    return SimpleNamespace(
        opd="JUMLAH",
        unit="",
        jabatan=f"{t.jumlah_jabatan} jabatan",
        jumlah_tugas=sum(p.jumlah_tugas for p in report.positions),
        beban_kerja_jam=t.beban_kerja_jam,
        beban_kerja_menit=t.beban_kerja_menit,
        kebutuhan=t.kebutuhan,
        kebutuhan_bulat=t.kebutuhan_bulat,
        pegawai_ada=t.pegawai_ada,
        sumber_pegawai=SimpleNamespace(label=""),
        pegawai_register=sum(p.pegawai_register for p in report.positions),
        pegawai_berkas=sum(p.pegawai_berkas or 0 for p in report.positions),
        selisih=t.selisih,
        ej=t.eu,
        pj=t.pj,
        kondisi_label=t.kondisi_label,
    )


def write_recap_xlsx(path: str | Path, report: AbkReport) -> Path:
    """One sheet per level (Jabatan, Unit Kerja, OPD), the ratio figures and the parameters.

    Frozen bold header rows, column widths, number formats, and red/amber/green fills on the
    surplus/shortage cells (kurang/lebih/sesuai).
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "Jabatan"
    top = _title(ws, report, "Rekap per jabatan")
    positions: Sequence[AbkPositionRow] = report.positions
    _table(
        ws,
        top,
        POSITION_COLUMNS,
        positions,
        selisih=lambda p: p.selisih,
        total=_total_position(report),
        freeze_col=4,
    )

    units: Sequence[AbkGroupRow] = report.units
    ws = wb.create_sheet("Unit Kerja")
    _table(
        ws,
        _title(ws, report, "Rekap per unit kerja"),
        _group_columns("Unit Kerja", 60),
        units,
        selisih=lambda g: g.selisih,
        total=report.totals,
    )
    ws = wb.create_sheet("OPD")
    _table(
        ws,
        _title(ws, report, "Rekap per OPD"),
        _group_columns("OPD", 48),
        report.opds,
        selisih=lambda g: g.selisih,
        total=report.totals,
    )

    ratios: Sequence[RatioRow] = report.rasio
    ws = wb.create_sheet("Rasio")
    top = _title(ws, report, "Perkiraan menurut rasio (pembanding, bukan pengganti ABK)")
    _table(ws, top, RATIO_COLUMNS, ratios)

    ws = wb.create_sheet("Parameter")
    _parameters(ws, report)
    return save_workbook(wb, Path(path))


def _parameters(ws: Worksheet, report: AbkReport) -> None:
    prof = report.profil
    rows: list[tuple[str, Any]] = [
        ("Tahun analisis", report.tahun),
        ("Profil", prof.name),
        ("Waktu kerja efektif (menit/tahun)", prof.wke_menit),
        ("Pengali bulan", prof.multipliers.get("bulan")),  # type: ignore[call-overload]
        ("Pengali minggu", prof.multipliers.get("minggu")),  # type: ignore[call-overload]
        ("Pengali hari", prof.multipliers.get("hari")),  # type: ignore[call-overload]
        ("Pembulatan", prof.pembulatan.label),
        ("Minimal satu orang", "ya" if prof.minimal_satu else "tidak"),
        ("Skenario", report.skenario or "-"),
        ("Jabatan tanpa tabel tugas", report.jabatan_tanpa_tugas),
    ]
    ws["A1"] = "PARAMETER PERHITUNGAN"
    ws["A1"].font = TITLE
    r = 3
    for label, value in rows:
        ws.cell(r, 1, label).font = BOLD
        ws.cell(r, 2, value)
        r += 1
    r += 1
    ws.cell(r, 1, "Kelas prestasi jabatan").font = BOLD
    r += 1
    for band in prof.bands:
        floor = (
            "-"
            if band.min_ej is None
            else ("\u2265 " if band.min_inclusive else "> ")
            + (f"{band.min_ej:.2f}".replace(".", ","))
        )
        ws.cell(r, 1, f"{band.grade} ({band.label})")
        ws.cell(r, 2, f"EJ {floor}" if band.min_ej is not None else "di bawahnya")
        r += 1
    r += 1
    ws.cell(r, 1, "Pemicu").font = BOLD
    ws.cell(r, 2, "Nilai dipakai").font = BOLD
    ws.cell(r, 3, "Nilai tersimpan").font = BOLD
    ws.cell(r, 4, "Satuan").font = BOLD
    r += 1
    for d in report.pemicu:
        ws.cell(r, 1, d.nama)
        ws.cell(r, 2, d.nilai).number_format = "#,##0.##"
        ws.cell(r, 3, d.nilai_dasar).number_format = "#,##0.##"
        ws.cell(r, 4, d.satuan)
        r += 1
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 24
    ws.column_dimensions["C"].width = 16
    ws.column_dimensions["D"].width = 16
