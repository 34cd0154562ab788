"""ABK workbook reader and writer on golden files (tests/fixtures/abk, made by make_fixtures.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from mutasi_desktop.domain.abk import (
    PERMENPANRB_1_2020,
    KondisiBeban,
    Periode,
    SatuanWaktu,
    StatusSelisih,
    TaskInput,
)
from mutasi_desktop.domain.abk_report import (
    AbkGroupRow,
    AbkPositionRow,
    AbkReport,
    AbkTaskRow,
    SumberPegawai,
    located_message,
)
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.formats.abk_workbook import (
    INPUT_HEADERS,
    RESULT_HEADERS,
    norm_header,
    parse_number,
    read_abk_workbook,
    write_abk_workbook,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "abk"


def test_full_workbook_reads_aliases_title_rows_hours_periods_drivers_and_blocks() -> None:
    wb = read_abk_workbook(FIXTURES / "abk_lengkap.xlsx")
    assert wb.problems == ()
    assert wb.header_row == 4  # two title lines and a blank line above the header
    # "UNIT KERJA", "Nama Jabatan", "Uraian  Tugas", "Jumlah Pegawai" are aliases.
    assert wb.kolom("unit") == "C (UNIT KERJA)"
    assert wb.kolom("pegawai_ada") == "M (Jumlah Pegawai)"
    assert [r.baris for r in wb.rows] == list(range(5, 14))  # the JUMLAH line is skipped
    first, weekly, rounds = wb.rows[0], wb.rows[1], wb.rows[2]
    assert (first.opd, first.unit, first.jabatan, first.pegawai_ada) == (
        "Dinas Sosial",
        "Bidang Perlindungan dan Jaminan Sosial",
        "Pengelola Data Bansos",
        2,
    )
    assert first.task == TaskInput(
        "Verifikasi dan validasi data penerima bansos",
        "data KPM",
        10.0,
        SatuanWaktu.MENIT,
        None,
        Periode.TAHUN,
        pemicu="penerima_bansos",
        rasio=1.0,
    )
    # The unit and position are written once per block (Form C): later rows inherit them.
    assert (weekly.unit, weekly.jabatan, weekly.pegawai_ada) == (first.unit, first.jabatan, None)
    assert weekly.task is not None and weekly.task.satuan_waktu is SatuanWaktu.JAM
    assert weekly.task.periode is Periode.MINGGU
    assert rounds.task is not None and rounds.task.volume == 4
    # Text numbers in Indonesian notation, "Menit"/"Tahunan" spelled differently, empty → default.
    agenda, inputs, monthly = wb.rows[3], wb.rows[4], wb.rows[5]
    assert agenda.task is not None and agenda.task.volume == 2400 and agenda.task.waktu == 15
    assert agenda.task.periode is Periode.TAHUN
    assert inputs.task is not None and inputs.task.satuan_waktu is SatuanWaktu.MENIT
    assert inputs.task.periode is Periode.TAHUN
    assert monthly.task is not None and monthly.task.periode is Periode.BULAN
    daily = wb.rows[8]
    assert daily.task is not None and daily.task.periode is Periode.HARI
    assert [(d.nama, d.nilai, d.satuan) for d in wb.drivers] == [("penerima_bansos", 18000, "KPM")]


def test_hours_stated_in_the_header_apply_when_there_is_no_unit_column() -> None:
    wb = read_abk_workbook(FIXTURES / "abk_jam.xlsx")
    assert wb.problems == ()
    assert "satuan_waktu" not in wb.columns
    assert [r.task.satuan_waktu for r in wb.rows if r.task] == [SatuanWaktu.JAM, SatuanWaktu.JAM]
    assert [r.task.waktu for r in wb.rows if r.task] == [2.0, 1.5]


def test_cell_errors_carry_row_column_and_an_indonesian_reason() -> None:
    wb = read_abk_workbook(FIXTURES / "abk_salah.xlsx")
    assert [located_message(p) for p in wb.problems] == [
        "Baris 4, kolom G (Volume): Nilai volume \u201cbanyak\u201d bukan angka.",
        "Baris 5, kolom H (Periode): Nilai \u201ctriwulan\u201d tidak dikenal untuk periode "
        "(tahun/bulan/minggu/hari).",
        "Baris 6, kolom F (Satuan Waktu): Nilai \u201cdetik\u201d tidak dikenal untuk satuan "
        "waktu (menit/jam).",
        "Baris 9, kolom C (Uraian Tugas): Uraian Tugas wajib diisi.",
        "Baris 11, kolom K (Pegawai Ada): Jumlah pegawai jabatan \u201cPengemudi\u201d harus "
        "bilangan bulat (ditemukan: 1,5).",
    ]
    # Rows whose cells were readable go on to the engine's checks (see the service tests).
    assert [r.baris for r in wb.rows] == [2, 3, 7, 8, 10]


def test_missing_required_columns_are_named() -> None:
    with pytest.raises(DomainError) as err:
        read_abk_workbook(FIXTURES / "abk_tanpa_kolom.xlsx")
    assert [p.params["label"] for p in err.value.problems] == [
        "Uraian Tugas",
        "Waktu Penyelesaian",
        "Volume",
    ]
    assert err.value.code == "impor.kolom_wajib"


def test_unreadable_and_unsupported_files_are_domain_errors(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"bukan zip")
    with pytest.raises(DomainError) as err:
        read_abk_workbook(broken)
    assert err.value.code == "berkas.rusak"
    with pytest.raises(DomainError) as err:
        read_abk_workbook(tmp_path / "tidak-ada.xlsx")
    assert err.value.code == "berkas.tidak_ada"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7,5", 7.5),
        ("1.250", 1250.0),
        ("1.250,5", 1250.5),
        ("1,250.5", 1250.5),
        ("0.125", 0.125),
        ("12.5", 12.5),
        (" 2 400 ", 2400.0),
        ("1,250,000", 1250000.0),
        (15, 15.0),
        (2.5, 2.5),
        ("", None),
        (None, None),
    ],
)
def test_numbers_in_indonesian_and_english_notation(text: object, expected: float | None) -> None:
    assert parse_number(text, "volume") == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", ["banyak", "1..2", "nan", True, date(2026, 1, 1)])
def test_non_numbers_are_refused(bad: object) -> None:
    with pytest.raises(ValueError):
        parse_number(bad, "volume")  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**9))
def test_whole_numbers_with_dot_thousands_read_back(n: int) -> None:
    text = f"{n:,}".replace(",", ".")
    assert parse_number(text, "volume") == n


def test_header_normalisation_ignores_case_spaces_and_punctuation() -> None:
    assert norm_header("  Uraian_TUGAS ") == "uraian tugas"
    assert norm_header("Waktu  Penyelesaian (Jam)") == "waktu penyelesaian (jam)"


def _report(tmp_path: Path) -> AbkReport:
    task = TaskInput("Mengagendakan surat", "surat", 15, SatuanWaktu.MENIT, 1200, Periode.TAHUN)
    monthly = TaskInput("Laporan bulanan", "laporan", 8, SatuanWaktu.JAM, 1, Periode.BULAN)
    pos = AbkPositionRow(
        jabatan_id=1,
        jabatan="Pengadministrasi Umum",
        jenis_jabatan="administrasi",
        kelas=5,
        unit_id=1,
        unit="Subbagian Umum dan Kepegawaian",
        unit_path="Dinas Perhubungan \u203a Subbagian Umum dan Kepegawaian",
        opd_id=1,
        opd="Dinas Perhubungan",
        jumlah_tugas=2,
        beban_kerja_menit=23760,
        kebutuhan=0.3168,
        kebutuhan_bulat=0,
        pegawai_ada=2,
        pegawai_register=2,
        pegawai_berkas=None,
        sumber_pegawai=SumberPegawai.DATA_PEGAWAI,
        selisih=2,
        ej=0.1584,
        pj="E",
        pj_label="Kurang",
        kondisi=KondisiBeban.UNDERLOADED,
        status=StatusSelisih.LEBIH,
        tugas=(
            AbkTaskRow(1, 1, task, 1200, 18000, 0.24),
            AbkTaskRow(2, 2, monthly, 12, 5760, 0.0768),
        ),
    )
    group = AbkGroupRow(
        1,
        "Dinas Perhubungan",
        1,
        "Dinas Perhubungan",
        1,
        0,
        23760,
        0.3168,
        0,
        2,
        0,
        2,
        0.1584,
        "E",
        "Kurang",
        KondisiBeban.UNDERLOADED,
    )
    return AbkReport(
        tahun=2026,
        profil=PERMENPANRB_1_2020,
        skenario=None,
        tanggal=date(2026, 11, 29),
        positions=(pos,),
        units=(group,),
        opds=(group,),
        totals=group,
    )


def test_export_writes_the_import_layout_plus_form_c_results_and_reads_back(
    tmp_path: Path,
) -> None:
    out = write_abk_workbook(tmp_path / "ekspor.xlsx", _report(tmp_path))
    book = load_workbook(out)
    ws = book["ABK"]
    header = [c.value for c in ws[5]]
    assert header == list(INPUT_HEADERS + RESULT_HEADERS)
    assert ws.freeze_panes == "E6"
    first = {h: c.value for h, c in zip(header, ws[6], strict=True)}
    assert first["Jumlah Beban Kerja (menit)"] == 23760
    assert first["Jumlah Beban Kerja (jam)"] == 396
    assert first["Pembulatan"] == 0
    assert first["+/-"] == 2 and first["EJ"] == 0.1584 and first["PJ"] == "E"
    assert first["Keterangan"] == "Lebih 2"
    assert first["Pegawai Ada"] == 2
    second = {h: c.value for h, c in zip(header, ws[7], strict=True)}
    assert second["Periode"] == "bulan" and second["Satuan Waktu"] == "jam"
    assert second["Pembulatan"] is None  # results stand on the first row of a position
    assert book["Pemicu"]["A1"].value == "Nama Pemicu"

    again = read_abk_workbook(out)
    assert again.problems == ()
    assert [r.task for r in again.rows] == [t.task for t in _report(tmp_path).positions[0].tugas]
    assert again.rows[0].pegawai_ada == 2 and again.rows[1].pegawai_ada is None


def test_a_position_only_row_carries_a_headcount_without_tasks(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(
        ["Unit Kerja", "Jabatan", "Uraian Tugas", "Waktu Penyelesaian", "Volume", "Pegawai Ada"]
    )
    ws.append(["Bidang A", "Analis", None, None, None, 4])
    ws.append(["Bidang A", "Analis", "Menganalisis", 60, 10, None])
    path = tmp_path / "kepala.xlsx"
    wb.save(path)
    read = read_abk_workbook(path)
    assert read.problems == ()
    assert [(r.baris, r.task is None, r.pegawai_ada) for r in read.rows] == [
        (2, True, 4),
        (3, False, None),
    ]


_text = (
    st.text(
        alphabet=st.characters(codec="utf-8", categories=("L", "N"), include_characters=" -/"),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
_number = st.one_of(
    st.integers(min_value=0, max_value=100_000).map(float),
    st.decimals(min_value=0, max_value=10_000, places=2).map(float),
)


@st.composite
def _tasks(draw: st.DrawFn) -> TaskInput:
    driven = draw(st.booleans())
    return TaskInput(
        uraian=draw(_text),
        satuan_hasil=draw(_text),
        waktu=draw(_number),
        satuan_waktu=draw(st.sampled_from(list(SatuanWaktu))),
        volume=None if driven else draw(_number),
        periode=draw(st.sampled_from(list(Periode))),
        pemicu="penduduk" if driven else None,
        rasio=draw(_number) if driven else None,
    )


@settings(max_examples=25, deadline=None)
@given(st.lists(_tasks(), min_size=1, max_size=6), st.integers(min_value=0, max_value=40))
def test_any_task_table_survives_export_and_reimport(
    tmp_path_factory: pytest.TempPathFactory, tasks: list[TaskInput], pegawai: int
) -> None:
    base = _report(Path("."))
    pos = base.positions[0]
    rows = tuple(AbkTaskRow(None, i + 1, t, 0.0, 0.0, 0.0) for i, t in enumerate(tasks))
    report = replace(base, positions=(replace(pos, tugas=rows, pegawai_ada=pegawai),))
    out = write_abk_workbook(tmp_path_factory.mktemp("rt") / "rt.xlsx", report)
    again = read_abk_workbook(out)
    assert again.problems == ()
    assert [r.task for r in again.rows] == tasks
    assert [r.pegawai_ada for r in again.rows] == [pegawai] + [None] * (len(tasks) - 1)
    assert {(r.opd, r.unit, r.jabatan) for r in again.rows} == {(pos.opd, pos.unit, pos.jabatan)}
