"""ABK workbooks: read task tables (one row per task, design §4) and write them back with results.

Reading goes through calamine (``formats.spreadsheet``), about nine times faster than openpyxl;
writing uses openpyxl. Headers are matched case- and space-insensitively through an alias
table; every cell that cannot be read becomes a ``Problem`` carrying ``baris`` (the sheet row,
1-based) and ``kolom`` ("H (Volume)"). Semantic checks (negative time, unknown driver…) are the
engine's ``validate_task``: the service runs them with the year's drivers and profile.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from mutasi_desktop.domain.abk import (
    SatuanWaktu,
    TaskInput,
    parse_periode,
    parse_satuan_waktu,
)
from mutasi_desktop.domain.abk_report import AbkPositionRow, AbkReport
from mutasi_desktop.domain.errors import DomainError, Problem, Severity
from mutasi_desktop.domain.tanggal import format_tanggal
from mutasi_desktop.formats.spreadsheet import CellValue, Sheet, read_sheet, sheet_names

# ---------------------------------------------------------------------------------------------
# Columns
# ---------------------------------------------------------------------------------------------

# field -> (label as written by the export, aliases). Aliases are compared after ``norm_header``
# and with any "(…)" part removed: "Waktu Penyelesaian (menit)" matches "waktu penyelesaian".
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "opd": (
        "OPD",
        ("opd", "perangkat daerah", "organisasi perangkat daerah", "skpd", "instansi", "nama opd"),
    ),
    "unit": (
        "Unit Kerja",
        ("unit kerja", "unit", "unit organisasi", "unor", "nama unit", "nama unit kerja"),
    ),
    "jabatan": ("Jabatan", ("jabatan", "nama jabatan", "jabatan nama")),
    "uraian": (
        "Uraian Tugas",
        (
            "uraian tugas",
            "uraian",
            "tugas",
            "butir kegiatan",
            "uraian kegiatan",
            "rincian tugas",
            "tugas pokok",
        ),
    ),
    "satuan_hasil": ("Satuan Hasil", ("satuan hasil", "hasil kerja", "satuan output", "output")),
    "waktu": (
        "Waktu Penyelesaian",
        ("waktu penyelesaian", "norma waktu", "waktu", "standar waktu", "waktu kerja"),
    ),
    "satuan_waktu": ("Satuan Waktu", ("satuan waktu", "satuan norma waktu", "satuan waktu kerja")),
    "volume": (
        "Volume",
        ("volume", "volume kerja", "jumlah hasil", "beban volume", "volume hasil"),
    ),
    "periode": ("Periode", ("periode", "periode volume", "satuan periode", "per")),
    "pemicu": ("Pemicu", ("pemicu", "driver", "nama pemicu")),
    "rasio": ("Rasio", ("rasio", "rasio pemicu", "volume per pemicu")),
    "pegawai_ada": (
        "Pegawai Ada",
        (
            "pegawai ada",
            "jumlah pegawai",
            "jumlah pegawai ada",
            "pegawai yang ada",
            "jumlah pegawai yang ada",
            "bezetting",
            "existing",
        ),
    ),
}
REQUIRED = ("unit", "jabatan", "uraian", "waktu", "volume")
LABELS: dict[str, str] = {key: label for key, (label, _) in COLUMNS.items()}

DRIVER_SHEET = "Pemicu"
DRIVER_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "nama": ("Nama Pemicu", ("nama pemicu", "pemicu", "nama", "driver")),
    "nilai": ("Nilai", ("nilai", "jumlah", "nilai pemicu")),
    "satuan": ("Satuan", ("satuan",)),
    "keterangan": ("Keterangan", ("keterangan", "sumber", "catatan")),
}

HEADER_SCAN = 25
_TOTAL_WORDS = ("jumlah", "total", "sub total", "subtotal")


def norm_header(text: object) -> str:
    """'  Uraian_TUGAS ' → 'uraian tugas'; accents and punctuation folded to single spaces."""
    s = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9()]+", " ", s.casefold())
    return " ".join(s.split())


def _base_and_hint(header: str) -> tuple[str, str]:
    hint = " ".join(re.findall(r"\(([^)]*)\)", header))
    base = " ".join(re.sub(r"\([^)]*\)", " ", header).split())
    return base, " ".join(hint.split())


def _build_alias_index(
    table: Mapping[str, tuple[str, tuple[str, ...]]],
) -> dict[str, str]:
    index: dict[str, str] = {}
    for key, (label, aliases) in table.items():
        for alias in (label, *aliases):
            index[norm_header(alias)] = key
    return index


_ALIASES = _build_alias_index(COLUMNS)
_DRIVER_ALIASES = _build_alias_index(DRIVER_COLUMNS)


@dataclass(frozen=True)
class Column:
    """A recognised column: its 0-based index and its header as the file wrote it."""

    index: int
    judul: str

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)

    @property
    def ref(self) -> str:
        return f"{self.letter} ({self.judul})"


# ---------------------------------------------------------------------------------------------
# Read results
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkbookTaskRow:
    """A task row (``task`` set) or a position-only row carrying just ``pegawai_ada``."""

    baris: int
    opd: str | None
    unit: str
    jabatan: str
    task: TaskInput | None
    pegawai_ada: int | None


@dataclass(frozen=True)
class WorkbookDriverRow:
    baris: int
    nama: str
    nilai: float
    satuan: str | None
    keterangan: str | None


@dataclass(frozen=True)
class AbkWorkbook:
    """Everything read from an ABK workbook; ``problems`` are cell errors (all-or-nothing)."""

    path: str
    sheet: str
    header_row: int
    columns: Mapping[str, Column]
    rows: tuple[WorkbookTaskRow, ...]
    drivers: tuple[WorkbookDriverRow, ...]
    driver_sheet: str | None
    problems: tuple[Problem, ...]

    def kolom(self, key: str) -> str:
        """'H (Volume)' for a field, or its standard label when the column is absent."""
        col = self.columns.get(key)
        return col.ref if col is not None else LABELS.get(key, key)

    @property
    def task_count(self) -> int:
        return sum(1 for r in self.rows if r.task is not None)


# ---------------------------------------------------------------------------------------------
# Cell readers
# ---------------------------------------------------------------------------------------------


class _CellError(ValueError):
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def _blank(value: CellValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_text(value: CellValue) -> str:
    """Text of a cell; whole floats lose their '.0' (a code typed as a number)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


_THOUSANDS_DOT = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")
_THOUSANDS_COMMA = re.compile(r"[+-]?\d{1,3}(,\d{3}){2,}")


def parse_number(value: CellValue, label: str) -> float | None:
    """A number from a cell: numbers as they are, text in Indonesian or English notation.

    '7,5' → 7.5, '1.250' → 1250 (Indonesian thousands), '1.250,5' → 1250.5, '0.125' → 0.125.
    Empty → None. Anything else raises ``_CellError`` (``abk.sel_bukan_angka``).
    """
    if _blank(value):
        return None
    if isinstance(value, bool | date | datetime | time | timedelta):
        raise _CellError("abk.sel_bukan_angka", label=label, value=cell_text(value))
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise _CellError("abk.sel_bukan_angka", label=label, value=cell_text(value))
        return float(value)
    raw = str(value).strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
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
        raise _CellError("abk.sel_bukan_angka", label=label, value=raw) from None
    if not number.is_finite():
        raise _CellError("abk.sel_bukan_angka", label=label, value=raw)
    return float(number)


def _whole(value: CellValue, jabatan: str) -> int | None:
    number = parse_number(value, LABELS["pegawai_ada"])
    if number is None:
        return None
    if not number.is_integer():
        raise _CellError("abk.pegawai_tidak_sah", jabatan=jabatan, value=cell_text(value))
    if number < 0:
        raise _CellError("abk.pegawai_negatif", jabatan=jabatan, value=int(number))
    return int(number)


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


@dataclass
class _Header:
    row: int
    columns: dict[str, Column]
    waktu_hint: SatuanWaktu | None


def _find_header(sheet: Sheet, aliases: Mapping[str, str], must: Sequence[str]) -> _Header | None:
    best: _Header | None = None
    best_score = 0
    for r, row in enumerate(sheet.rows[:HEADER_SCAN]):
        columns: dict[str, Column] = {}
        hint: SatuanWaktu | None = None
        for c, value in enumerate(row):
            if not isinstance(value, str) or not value.strip():
                continue
            base, extra = _base_and_hint(norm_header(value))
            key = aliases.get(norm_header(value)) or aliases.get(base)
            if key is None or key in columns:
                continue
            columns[key] = Column(c, " ".join(value.split()))
            if key == "waktu" and extra:
                hint = parse_satuan_waktu(extra.split()[-1])
        score = len(columns) + (10 if all(k in columns for k in must) else 0)
        if columns and score > best_score:
            best, best_score = _Header(r, columns, hint), score
    return best


def _pick_sheet(path: Path) -> tuple[Sheet, _Header]:
    names = sheet_names(path)
    candidates: list[tuple[Sheet, _Header]] = []
    for name in names:
        if norm_header(name) == norm_header(DRIVER_SHEET):
            continue
        sheet = read_sheet(path, name)
        header = _find_header(sheet, _ALIASES, REQUIRED)
        if header is None:
            continue
        if all(k in header.columns for k in REQUIRED):
            return sheet, header
        candidates.append((sheet, header))
    if not candidates:
        raise DomainError("impor.kolom_wajib", label=", ".join(LABELS[k] for k in REQUIRED))
    sheet, header = max(candidates, key=lambda sh: len(sh[1].columns))
    missing = [LABELS[k] for k in REQUIRED if k not in header.columns]
    problems = [
        Problem("impor.kolom_wajib", Severity.ERROR, None, {"label": label, "sheet": sheet.name})
        for label in missing
    ]
    raise DomainError.from_problems(problems)


def read_abk_workbook(path: str | Path) -> AbkWorkbook:
    """Read task rows and the optional ``Pemicu`` sheet; cell problems are collected, not raised.

    Raises ``DomainError`` only when the file cannot be read at all (``berkas.*``) or has no
    sheet with the required columns (``impor.kolom_wajib``).
    """
    p = Path(path)
    sheet, header = _pick_sheet(p)
    rows, problems = _read_tasks(sheet, header)
    drivers: tuple[WorkbookDriverRow, ...] = ()
    driver_sheet: str | None = None
    for name in sheet_names(p):
        if norm_header(name) == norm_header(DRIVER_SHEET):
            driver_sheet = name
            found, driver_problems = _read_drivers(read_sheet(p, name))
            drivers = tuple(found)
            problems.extend(driver_problems)
            break
    return AbkWorkbook(
        path=str(p),
        sheet=sheet.name,
        header_row=header.row + 1,
        columns=header.columns,
        rows=tuple(rows),
        drivers=drivers,
        driver_sheet=driver_sheet,
        problems=tuple(problems),
    )


def _read_tasks(sheet: Sheet, header: _Header) -> tuple[list[WorkbookTaskRow], list[Problem]]:
    cols = header.columns
    rows: list[WorkbookTaskRow] = []
    problems: list[Problem] = []
    context: dict[str, str] = {"opd": "", "unit": "", "jabatan": ""}
    default_satuan = header.waktu_hint or SatuanWaktu.MENIT

    for r in range(header.row + 1, len(sheet.rows)):
        raw = sheet.rows[r]
        baris = r + 1

        def cell(key: str, raw: list[CellValue] = raw) -> CellValue:
            col = cols.get(key)
            if col is None or col.index >= len(raw):
                return None
            return raw[col.index]

        def problem(key: str, code: str, baris: int = baris, **params: Any) -> None:
            col = cols.get(key)
            problems.append(
                Problem(
                    code,
                    Severity.ERROR,
                    key,
                    {
                        "baris": baris,
                        "kolom": col.ref if col else LABELS.get(key, key),
                        **params,
                    },
                )
            )

        values = {key: cell(key) for key in cols}
        if all(_blank(v) for v in values.values()):
            continue
        texts = {key: cell_text(values.get(key)) for key in ("opd", "unit", "jabatan", "uraian")}
        task_keys = ("uraian", "waktu", "volume", "pemicu", "rasio")
        has_task = any(not _blank(values.get(k)) for k in task_keys)
        first = (texts["uraian"] or texts["jabatan"] or texts["unit"] or texts["opd"]).casefold()
        if first.startswith(_TOTAL_WORDS) and _blank(values.get("waktu")):
            continue  # a total line of a Form C printout

        # Form C writes the unit and the position once, above or beside their first task.
        for key in ("opd", "unit", "jabatan"):
            if texts[key]:
                if key == "opd" and texts[key] != context["opd"]:
                    context["unit"] = context["jabatan"] = ""
                if key == "unit" and texts[key] != context["unit"]:
                    context["jabatan"] = ""
                context[key] = texts[key]
        unit, jabatan = context["unit"], context["jabatan"]
        ok = True
        if not unit:
            problem("unit", "field.wajib", label=LABELS["unit"])
            ok = False
        if not jabatan:
            problem("jabatan", "field.wajib", label=LABELS["jabatan"])
            ok = False

        pegawai: int | None = None
        try:
            pegawai = _whole(values.get("pegawai_ada"), jabatan)
        except _CellError as exc:
            problem("pegawai_ada", exc.code, **exc.params)
            ok = False

        if not has_task:
            if ok and pegawai is not None:
                rows.append(
                    WorkbookTaskRow(baris, context["opd"] or None, unit, jabatan, None, pegawai)
                )
            continue

        task: TaskInput | None = None
        uraian = texts["uraian"]
        if not uraian:
            problem("uraian", "field.wajib", label=LABELS["uraian"])
            ok = False
        numbers: dict[str, float | None] = {}
        for key in ("waktu", "volume", "rasio"):
            try:
                numbers[key] = parse_number(values.get(key), LABELS[key].lower())
            except _CellError as exc:
                problem(key, exc.code, **exc.params)
                ok = False
        satuan = default_satuan
        if not _blank(values.get("satuan_waktu")):
            parsed = parse_satuan_waktu(cell_text(values.get("satuan_waktu")))
            if parsed is None:
                problem(
                    "satuan_waktu",
                    "field.pilihan_salah",
                    value=cell_text(values.get("satuan_waktu")),
                    label="satuan waktu (menit/jam)",
                )
                ok = False
            else:
                satuan = parsed
        periode = parse_periode(cell_text(values.get("periode")))
        if periode is None:
            problem(
                "periode",
                "field.pilihan_salah",
                value=cell_text(values.get("periode")),
                label="periode (tahun/bulan/minggu/hari)",
            )
            ok = False
        if ok and numbers.get("waktu") is None:
            problem("waktu", "field.wajib", label=LABELS["waktu"])
            ok = False
        if ok:
            waktu = numbers["waktu"]
            assert waktu is not None and periode is not None
            task = TaskInput(
                uraian=uraian,
                satuan_hasil=cell_text(values.get("satuan_hasil")),
                waktu=waktu,
                satuan_waktu=satuan,
                volume=numbers.get("volume"),
                periode=periode,
                pemicu=cell_text(values.get("pemicu")) or None,
                rasio=numbers.get("rasio"),
            )
            rows.append(
                WorkbookTaskRow(baris, context["opd"] or None, unit, jabatan, task, pegawai)
            )
    return rows, problems


def _read_drivers(sheet: Sheet) -> tuple[list[WorkbookDriverRow], list[Problem]]:
    header = _find_header(sheet, _DRIVER_ALIASES, ("nama", "nilai"))
    problems: list[Problem] = []
    if header is None or not {"nama", "nilai"} <= header.columns.keys():
        return [], [
            Problem(
                "impor.kolom_wajib",
                Severity.ERROR,
                None,
                {"label": f"{DRIVER_COLUMNS['nama'][0]} / {DRIVER_COLUMNS['nilai'][0]}"},
            )
        ]
    cols = header.columns
    out: list[WorkbookDriverRow] = []
    for r in range(header.row + 1, len(sheet.rows)):
        raw = sheet.rows[r]

        def get(key: str, raw: list[CellValue] = raw) -> CellValue:
            col = cols.get(key)
            return None if col is None or col.index >= len(raw) else raw[col.index]

        if all(_blank(get(k)) for k in cols):
            continue
        nama = cell_text(get("nama"))
        where = {"baris": r + 1, "lembar": sheet.name}
        if not nama:
            problems.append(
                Problem(
                    "field.wajib",
                    Severity.ERROR,
                    "nama",
                    {**where, "kolom": cols["nama"].ref, "label": "Nama pemicu"},
                )
            )
            continue
        try:
            nilai = parse_number(get("nilai"), "nilai pemicu")
        except _CellError as exc:
            problems.append(
                Problem(
                    exc.code,
                    Severity.ERROR,
                    "nilai",
                    {**where, "kolom": cols["nilai"].ref, **exc.params},
                )
            )
            continue
        if nilai is None:
            problems.append(
                Problem(
                    "field.wajib",
                    Severity.ERROR,
                    "nilai",
                    {**where, "kolom": cols["nilai"].ref, "label": f"Nilai pemicu {nama}"},
                )
            )
            continue
        out.append(
            WorkbookDriverRow(
                r + 1,
                nama,
                nilai,
                cell_text(get("satuan")) or None,
                cell_text(get("keterangan")) or None,
            )
        )
    return out, problems


# ---------------------------------------------------------------------------------------------
# Writing (same layout + Form C results)
# ---------------------------------------------------------------------------------------------

INPUT_HEADERS = (
    "No",
    "OPD",
    "Unit Kerja",
    "Jabatan",
    "Uraian Tugas",
    "Satuan Hasil",
    "Waktu Penyelesaian",
    "Satuan Waktu",
    "Volume",
    "Periode",
    "Pemicu",
    "Rasio",
    "Pegawai Ada",
)
RESULT_HEADERS = (
    "Volume per Tahun",
    "Beban Kerja Tugas (menit)",
    "Jumlah Beban Kerja (jam)",
    "Jumlah Beban Kerja (menit)",
    "Kebutuhan Pegawai",
    "Pembulatan",
    "+/-",
    "EJ",
    "PJ",
    "Keterangan",
)

HEADER_FILL = PatternFill("solid", fgColor="DCE6F0")
RESULT_FILL = PatternFill("solid", fgColor="EEF3E2")
KURANG_FILL = PatternFill("solid", fgColor="F8D7DA")
LEBIH_FILL = PatternFill("solid", fgColor="FFF1C2")
PAS_FILL = PatternFill("solid", fgColor="D9EAD3")
THIN = Side(style="thin", color="A0A0A0")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)


def selisih_fill(selisih: int) -> PatternFill:
    return KURANG_FILL if selisih < 0 else LEBIH_FILL if selisih > 0 else PAS_FILL


def keterangan(selisih: int) -> str:
    if selisih < 0:
        return f"Kurang {-selisih}"
    if selisih > 0:
        return f"Lebih {selisih}"
    return "Sesuai"


def profile_line(report: AbkReport) -> str:
    prof = report.profil
    wke = f"{prof.wke_menit:,.0f}".replace(",", ".")
    text = f"Profil {prof.name}; waktu kerja efektif {wke} menit per tahun"
    if report.skenario:
        text += f"; skenario: {report.skenario}"
    return text


def write_abk_workbook(path: str | Path, report: AbkReport) -> Path:
    """The task tables of ``report`` (built with tasks) in the import layout, plus results.

    Input columns come first, exactly as ``read_abk_workbook`` reads them; result columns
    follow (the importer ignores them). Position results and ``Pegawai Ada`` (the headcount
    used) stand on the first row of each position, as in Form C. A ``Pemicu`` sheet lists the
    drivers so the file re-imports into another database.
    """
    out = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "ABK"
    ws["A1"] = f"ANALISIS BEBAN KERJA TAHUN {report.tahun}"
    ws["A1"].font = TITLE
    ws["A2"] = profile_line(report)
    ws["A3"] = f"Dibuat {format_tanggal(report.tanggal)}"
    header_row = 5
    headers = INPUT_HEADERS + RESULT_HEADERS
    for c, title in enumerate(headers, start=1):
        cell = ws.cell(header_row, c, title)
        cell.font = BOLD
        cell.fill = HEADER_FILL if c <= len(INPUT_HEADERS) else RESULT_FILL
        cell.border = BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    r = header_row + 1
    for number, pos in enumerate(report.positions, start=1):
        tasks = pos.tugas or ()
        if not tasks:
            _write_position_cells(ws, r, number, pos)
            _write_results(ws, r, pos)
            r += 1
            continue
        for i, trow in enumerate(tasks):
            _write_position_cells(ws, r, number if i == 0 else None, pos)
            t = trow.task
            values: list[Any] = [
                t.uraian,
                t.satuan_hasil,
                t.waktu,
                str(t.satuan_waktu),
                t.volume,
                str(t.periode),
                t.pemicu,
                t.rasio,
            ]
            for offset, value in enumerate(values):
                ws.cell(r, 5 + offset, value)
            ws.cell(r, 14, trow.volume_tahunan).number_format = "#,##0.##"
            ws.cell(r, 15, trow.beban_kerja_menit).number_format = "#,##0.##"
            if i == 0:
                _write_results(ws, r, pos)
            r += 1
    widths = (5, 24, 30, 30, 48, 14, 12, 10, 10, 9, 18, 8, 9, 12, 14, 14, 14, 12, 11, 7, 8, 6, 12)
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = ws.cell(header_row + 1, 5)
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{max(r - 1, header_row)}"

    drivers = wb.create_sheet(DRIVER_SHEET)
    for c, title in enumerate(("Nama Pemicu", "Nilai", "Satuan", "Keterangan"), start=1):
        cell = drivers.cell(1, c, title)
        cell.font = BOLD
        cell.fill = HEADER_FILL
    for i, d in enumerate(report.pemicu, start=2):
        drivers.cell(i, 1, d.nama)
        drivers.cell(i, 2, d.nilai).number_format = "#,##0.##"
        drivers.cell(i, 3, d.satuan)
        drivers.cell(i, 4, d.keterangan)
    for c, width in enumerate((28, 14, 14, 50), start=1):
        drivers.column_dimensions[get_column_letter(c)].width = width
    drivers.freeze_panes = "A2"
    return save_workbook(wb, out)


def _write_position_cells(ws: Any, r: int, number: int | None, pos: AbkPositionRow) -> None:
    if number is not None:
        ws.cell(r, 1, number)
    ws.cell(r, 2, pos.opd)
    ws.cell(r, 3, pos.unit)
    ws.cell(r, 4, pos.jabatan)


def _write_results(ws: Any, r: int, pos: AbkPositionRow) -> None:
    ws.cell(r, 13, pos.pegawai_ada)
    ws.cell(r, 16, pos.beban_kerja_jam).number_format = "#,##0.00"
    ws.cell(r, 17, pos.beban_kerja_menit).number_format = "#,##0.##"
    ws.cell(r, 18, pos.kebutuhan).number_format = "0.0000"
    ws.cell(r, 19, pos.kebutuhan_bulat)
    cell = ws.cell(r, 20, pos.selisih)
    cell.fill = selisih_fill(pos.selisih)
    ws.cell(r, 21, pos.ej).number_format = "0.00"
    ws.cell(r, 22, pos.pj)
    ws.cell(r, 23, keterangan(pos.selisih))


def save_workbook(wb: Workbook, out: Path) -> Path:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        wb.save(out)
    except PermissionError as exc:
        raise DomainError("berkas.terkunci", path=str(out)) from exc
    except OSError as exc:
        raise DomainError("berkas.tidak_dapat_ditulis", path=str(out), detail=str(exc)) from exc
    return out
