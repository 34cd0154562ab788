"""The pure part of the staff import: header aliases and detection, row kinds, cell parsing."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mutasi_desktop.domain.golongan import ALL_PNS
from mutasi_desktop.domain.messages import TEMPLATES
from mutasi_desktop.domain.nip import make_nip
from mutasi_desktop.domain.pegawai import Agama, JenisKelamin, JenisPegawai, StatusPegawai
from mutasi_desktop.domain.staff_import import (
    FIELDS,
    ImportRecord,
    RowKind,
    classify_row,
    column_letter,
    detect_header,
    display_value,
    header_key,
    match_header,
    parse_nip_cell,
    parse_pendidikan,
    parse_sheet,
)
from mutasi_desktop.domain.staff_record import StaffDraft, validate_staff

TODAY = date(2026, 1, 15)


def parse_one(header: list[object], row: list[object]) -> ImportRecord:
    rows = [header, row]
    parsed = parse_sheet(rows, detect_header(rows), today=TODAY)
    assert parsed.problems == []
    (record,) = parsed.records
    return record


# --------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("nip_baru", "nip"),
        ("Nip Baru", "nip"),
        ("NIP", "nip"),
        ("N I P", "nip"),
        (" nip  ", "nip"),
        ("NIP (18 digit)", "nip"),
        ("nip_lama", "nip_lama"),
        ("NAMA ", "nama"),
        ("Nama Pegawai", "nama"),
        ("gol_akhir_nama", "golongan"),
        ("Gol Akhir Nama", "golongan"),
        ("Pangkat/Gol.Ruang", "golongan"),
        ("Pangkat", "golongan"),
        ("tmt_golongan", "tmt_golongan"),
        ("TMT Pangkat", "tmt_golongan"),
        ("jabatan_nama", "jabatan"),
        ("Nama Jabatan", "jabatan"),
        ("unor_nama", "unit"),
        ("Unit Kerja", "unit"),
        ("unor_induk_nama", "opd"),
        ("SKPD", "opd"),
        ("kedudukan_hukum_nama", "status"),
        ("kedudukan_pns_nama", "status"),
        ("Tgl. Lahir", "tanggal_lahir"),
        ("Tempat/Tgl Lahir", "tempat_tanggal_lahir"),
        ("L/P", "jenis_kelamin"),
        ("Jenis Kelamin", "jenis_kelamin"),
        ("Pendidikan Terakhir", "pendidikan_tingkat"),
        ("tingkat_pendidikan_nama", "pendidikan_tingkat"),
        ("pendidikan_nama", "pendidikan_jurusan"),
        ("Lahir Tanggal", "tanggal_lahir"),  # word order does not matter
        # one slip of the keyboard
        ("Tangal Lahir", "tanggal_lahir"),
        ("Jabtan", "jabatan"),
        ("Unit Kreja", "unit"),
        ("TMT PNSS", "tmt_pns"),
    ],
)
def test_headers_are_matched_through_the_alias_table(header: str, field: str) -> None:
    match = match_header(header)
    assert match is not None and match.field == field


@pytest.mark.parametrize(
    "header",
    ["jabatan_id", "unor_id", "nik", "No", "Keterangan Lain", "", "tmt", "Umur", "gol_awal_nama"],
)
def test_known_other_columns_and_unknown_words_are_not_guessed(header: str) -> None:
    assert match_header(header) is None


def test_typos_are_only_accepted_when_exactly_one_alias_is_that_close() -> None:
    assert match_header("TMT PNS") is not None and match_header("TMT PNS").field == "tmt_pns"
    assert match_header("TMT CPNS").field == "tmt_cpns"  # a real alias, not a typo of TMT PNS
    assert match_header("Tangal Lahir").fuzzy
    assert not match_header("Tanggal Lahir").fuzzy


def test_header_key_folds_case_accents_and_punctuation() -> None:
    assert header_key("  Tgl.  Lahir ") == "tgl lahir"
    assert header_key("Pangkat/Gol.Ruang") == "pangkat gol ruang"
    assert header_key("Jénis_Kelamin") == "jenis kelamin"
    assert header_key(None) == "" and header_key(12.0) == "12"


def test_header_below_title_rows_is_found() -> None:
    rows = [
        ["DAFTAR PEGAWAI DINAS SOSIAL"],
        ["Keadaan 31 Desember 2025"],
        [],
        ["No", "NIP", "Nama", "Gol", "Unit Kerja"],
        [1, "198609262015051001", "Andi Baso", "III/a", "Sekretariat"],
    ]
    header = detect_header(rows)
    assert (header.row, header.height, header.data_start) == (3, 1, 4)
    assert header.mapping == {"nip": 1, "nama": 2, "golongan": 3, "unit": 4}


def test_a_header_over_two_rows_joins_group_titles_with_their_sub_headings() -> None:
    rows = [
        ["NIP", "Nama", "Pangkat/Gol", None, "Jabatan", None, "Unit Kerja"],
        [None, None, "Gol", "TMT", "Nama", "TMT", None],
        ["198609262015051001", "Andi Baso", "III/a", "01-04-2019", "Analis", "04-01-2021", "U"],
    ]
    header = detect_header(rows)
    assert (header.row, header.height) == (0, 2)
    assert header.mapping == {
        "nip": 0,
        "nama": 1,
        "golongan": 2,
        "tmt_golongan": 3,
        "jabatan": 4,
        "tmt_jabatan": 5,
        "unit": 6,
    }
    assert header.labels[3] == "Pangkat/Gol › TMT"


def test_without_a_recognisable_header_the_first_row_is_offered_for_manual_mapping() -> None:
    rows = [["Kode", "Orang"], ["x", "y"]]
    header = detect_header(rows)
    assert (header.row, header.mapping) == (0, {})
    parsed = parse_sheet(rows, header, today=TODAY)
    assert [p.code for p in parsed.problems] == ["impor.kolom_wajib", "impor.kolom_wajib"]
    assert parsed.records == []


def test_signature_identifies_the_layout_not_the_spelling_of_spaces() -> None:
    a = detect_header([["NIP", "Nama "], ["1", "x"]])
    b = detect_header([[" nip", "NAMA"], ["1", "x"]])
    c = detect_header([["NIP", "Nama", "Gol"], ["1", "x", "y"]])
    assert a.signature == b.signature != c.signature


# --------------------------------------------------------------------------- row kinds

MAPPING = {"nip": 1, "nama": 2, "golongan": 3}


@pytest.mark.parametrize(
    ("cells", "kind"),
    [
        ([1, "198609262015051001", "Andi", "III/a"], RowKind.DATA),
        ([None, "", None, "  "], RowKind.KOSONG),
        ([17, None, None, None], RowKind.KOSONG),  # only the running number
        (["A. SEKRETARIAT", None, None, None], RowKind.BAGIAN),
        (["II. BIDANG SOSIAL", "", "", ""], RowKind.BAGIAN),
        ([None, "SEKRETARIAT", "SEKRETARIAT", "SEKRETARIAT"], RowKind.BAGIAN),
        ([None, "Jumlah", None, 25], RowKind.JUMLAH),
        ([None, "Sub Total", None, 4], RowKind.JUMLAH),
        (["TOTAL PEGAWAI", None, None, 120], RowKind.JUMLAH),
        ([1, 2, 3, 4], RowKind.NOMOR_KOLOM),
        (["No", "NIP", "Nama", "Gol"], RowKind.JUDUL_ULANG),
        ([5, None, "Andi Baso", "III/a"], RowKind.DATA),  # a person without a NIP is reported
        ([5, "1,98503E+17", "Andi Baso", "III/a"], RowKind.DATA),
    ],
)
def test_row_kinds(cells: list[object], kind: RowKind) -> None:
    assert classify_row(cells, MAPPING, ["no", "nip", "nama", "gol"]) is kind


# --------------------------------------------------------------------------- cells


@pytest.mark.parametrize(
    "raw",
    [
        "198609262015051001",
        "'198609262015051001",
        "\u2019198609262015051001",
        "19860926 201505 1 001",
        "19860926\u00a0201505\u00a01\u00a0001",
        "19860926.201505.1.001",
        "19860926-201505-1-001",
        " 198609262015051001 ",
    ],
)
def test_acceptable_nip_spellings_are_normalised(raw: str) -> None:
    digits, problems = parse_nip_cell(raw, JenisPegawai.PNS, TODAY)
    assert (digits, problems) == ("198609262015051001", [])


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (1.98609262015051e17, "impor.nip_angka"),
        (198609262015051001, "impor.nip_angka"),
        ("1.98501E+17", "nip.notasi_ilmiah"),
        ("1,98503E+17", "nip.notasi_ilmiah"),
        ("198609262015051000", "impor.nip_dinolkan"),
        ("19860926201505100", "nip.panjang_salah"),
        ("1986092620150510011", "nip.panjang_salah"),
        (date(1986, 9, 26), "nip.bukan_angka"),
        (True, "nip.bukan_angka"),
        ("NIP-BELUM-ADA", "nip.bukan_angka"),
        (float("nan"), "nip.bukan_angka"),
    ],
)
def test_damaged_nips(raw: object, code: str) -> None:
    digits, problems = parse_nip_cell(raw, JenisPegawai.PNS, TODAY)
    assert digits is None
    assert [c for c, _, _ in problems] == [code]


def test_ppppk_numbers_skip_the_pns_layout_checks() -> None:
    assert parse_nip_cell("199203152022122003", JenisPegawai.PPPK, TODAY)[0] is not None
    assert parse_nip_cell("999999992022122000", JenisPegawai.PPPK, TODAY)[1] == []


@pytest.mark.parametrize(
    ("cell", "gender"),
    [
        ("L", JenisKelamin.LAKI_LAKI),
        ("p", JenisKelamin.PEREMPUAN),
        ("M", JenisKelamin.LAKI_LAKI),
        ("F", JenisKelamin.PEREMPUAN),
        ("Laki-laki", JenisKelamin.LAKI_LAKI),
        ("LAKI - LAKI", JenisKelamin.LAKI_LAKI),
        ("Perempuan", JenisKelamin.PEREMPUAN),
        ("Wanita", JenisKelamin.PEREMPUAN),
        (1.0, JenisKelamin.LAKI_LAKI),
    ],
)
def test_gender_words(cell: object, gender: JenisKelamin) -> None:
    header: list[object] = ["NIP", "Nama", "JK"]
    nip = "198609262015051001" if gender is JenisKelamin.LAKI_LAKI else "198609262015052001"
    record = parse_one(header, [nip, "X", cell])
    assert record.values["jenis_kelamin"] is gender
    assert record.problems == []


def test_choices_and_their_problems() -> None:
    header: list[object] = ["NIP", "Nama", "Agama", "Kedudukan Hukum", "Pendidikan", "Thn Lulus"]
    record = parse_one(
        header, ["198609262015051001", "X", "Protestan", "CLTN", "S-1/Sarjana", 2009.0]
    )
    assert record.given["agama"] is Agama.KRISTEN
    assert record.given["status"] is StatusPegawai.CUTI
    assert record.given["tahun_lulus"] == 2009
    record = parse_one(header, ["198609262015051001", "X", "Kepercayaan", "Mutasi", "PAUD", "dulu"])
    assert [(p.code, p.severity.value, p.column_letter) for p in record.problems] == [
        ("impor.nilai_diabaikan", "warning", "C"),
        ("field.pilihan_salah", "error", "D"),
        ("impor.nilai_diabaikan", "warning", "E"),
        ("field.tahun_salah", "error", "F"),
    ]
    assert record.problems[0].message() == (
        "Nilai \u201cKepercayaan\u201d tidak dikenal untuk Agama; nilai ini diabaikan."
    )


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("S-1/Sarjana", "S-1"),
        ("Diploma III", "D-III"),
        ("Diploma I", "D-I"),
        ("S-3/Doktor", "S-3"),
        ("SLTA", "SLTA"),
        ("SMK Negeri", "SLTA"),
        ("Magister", "S-2"),
        ("sekolah dasar", "SD"),
    ],
)
def test_education_levels_as_written_by_siasn_and_simpeg(text: str, level: str) -> None:
    found = parse_pendidikan(text)
    assert found is not None and found.value == level


def test_place_and_date_of_birth_in_one_column_are_split() -> None:
    header: list[object] = ["NIP", "Nama", "Tempat/Tgl Lahir"]
    record = parse_one(header, ["198609262015051001", "X", "Mamuju, 26-09-1986"])
    assert (record.given["tempat_lahir"], record.given["tanggal_lahir"]) == (
        "Mamuju",
        date(1986, 9, 26),
    )
    record = parse_one(header, ["198609262015051001", "X", "Kota Mamuju 26 September 1986"])
    assert (record.given["tempat_lahir"], record.given["tanggal_lahir"]) == (
        "Kota Mamuju",
        date(1986, 9, 26),
    )


def test_a_pppk_golongan_without_a_stated_kind_makes_the_row_pppk() -> None:
    record = parse_one(["NIP", "Nama", "Gol"], ["199203152022122003", "X", "IX"])
    assert record.derived["jenis_pegawai"] is JenisPegawai.PPPK
    assert record.given["golongan"] == "IX" and record.problems == []


def test_blank_cells_are_none_and_values_from_the_nip_are_kept_apart() -> None:
    record = parse_one(
        ["NIP", "Nama", "Tanggal Lahir", "JK", "Gelar Belakang"],
        ["198609262015052001", "Andi", "", None, "   "],
    )
    assert record.values["tanggal_lahir"] is None and record.values["gelar_belakang"] is None
    assert "tanggal_lahir" not in record.given
    assert record.derived == {
        "jenis_pegawai": JenisPegawai.PNS,
        "tanggal_lahir": date(1986, 9, 26),
        "jenis_kelamin": JenisKelamin.PEREMPUAN,
    }
    assert record.with_derived()["tanggal_lahir"] == date(1986, 9, 26)


def test_display_value_shows_cells_as_the_sheet_does() -> None:
    assert display_value(None) == ""
    assert display_value(12.0) == "12"
    assert display_value(1.98609262015051e17) == "198609262015051000"
    assert display_value(date(1986, 9, 26)) == "26-09-1986"
    assert display_value(datetime(1986, 9, 26, 8, 30)) == "26-09-1986 08:30"
    assert display_value(True) == "TRUE"
    assert display_value("x" * 300).endswith("…")


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


# --------------------------------------------------------------------------- properties

_CELLS = st.one_of(
    st.none(),
    st.just(""),
    st.text(max_size=30),
    st.sampled_from(
        [
            "198609262015051001",
            "'19860926 201505 1 001",
            "1,98503E+17",
            "III/b",
            "Penata Muda Tk. I (III/b)",
            "I/E",
            "L",
            "Perempuan",
            "31-02-1985",
            "03/04/2021",
            "12/25/2020",
            "1 Maret 1985",
            "JUMLAH",
            "A. SEKRETARIAT",
            "NIP",
            "Nama",
            "\x00",
            "=SUM(A1:A3)",
        ]
    ),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(),
    st.times(),
    st.timedeltas(min_value=timedelta(days=-3), max_value=timedelta(days=3)),
)
_LABELS = st.sampled_from(
    [
        "NIP",
        "nip_baru",
        "Nama",
        "Tanggal Lahir",
        "Tgl Lahir",
        "Tempat/Tgl Lahir",
        "JK",
        "Gol",
        "TMT Gol",
        "Unit Kerja",
        "OPD",
        "Jabatan",
        "Jenis Pegawai",
        "Kedudukan Hukum",
        "Tahun Lulus",
        "Agama",
        "Pendidikan",
        "Keterangan",
        "No",
        "acak",
    ]
)


@st.composite
def sheets(draw: st.DrawFn) -> list[list[Any]]:
    titles = draw(st.lists(st.lists(_CELLS, max_size=3), max_size=3))
    header = draw(st.lists(_LABELS, min_size=1, max_size=12))
    width = len(header)
    body = draw(
        st.lists(
            st.lists(_CELLS, min_size=0, max_size=width + 2),
            max_size=25,
        )
    )
    return [*titles, header, *body]


@settings(max_examples=300, deadline=None)
@given(sheets())
def test_random_sheets_never_crash_and_every_problem_is_located_and_worded(
    rows: list[list[Any]],
) -> None:
    header = detect_header(rows)
    parsed = parse_sheet(rows, header, today=TODAY)
    seen_rows = [r.row for r in parsed.records] + [s.row for s in parsed.skipped]
    if parsed.problems:
        assert seen_rows == []
    else:
        assert sorted(seen_rows) == list(range(header.data_start + 1, len(rows) + 1))
    for record in parsed.records:
        nip = record.values.get("nip")
        assert nip is None or (len(nip) == 18 and nip.isdigit())
        for p in record.problems:
            assert p.row == record.row
            assert p.code in TEMPLATES, p.code
            # Every placeholder of the template is filled (format() raises otherwise).
            assert p.message() == TEMPLATES[p.code].format(**p.params)
            assert p.column is None or 0 <= p.column < max(len(rows[p.row - 1]), 1) + 20


# The import applies the rules of the staff form (validate_staff): same codes for the same data.
_SHARED = {
    "nip.kosong",
    "nip.tanggal_lahir_salah",
    "nip.tmt_salah",
    "nip.kode_kelamin_salah",
    "nip.tmt_terlalu_muda",
    "nip.tanggal_lahir_beda",
    "nip.kelamin_beda",
    "golongan.tidak_dikenal",
    "golongan.tidak_sesuai_jenis",
    "tanggal.masa_depan",
    "tanggal.sebelum_lahir",
    "tanggal.pns_sebelum_cpns",
    "field.tahun_salah",
}


@settings(max_examples=200, deadline=None)
@given(
    birth=st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31)),
    nip_birth=st.dates(min_value=date(1950, 1, 1), max_value=date(2010, 12, 31)),
    tmt=st.dates(min_value=date(1960, 1, 1), max_value=date(2026, 12, 31)),
    gender=st.sampled_from(list(JenisKelamin)),
    nip_gender=st.sampled_from(list(JenisKelamin)),
    golongan=st.sampled_from([g.kode for g in ALL_PNS] + ["I/E", "IX", "Penata (III/d)"]),
    tmt_golongan=st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1))),
    tmt_pns=st.one_of(st.none(), st.dates(min_value=date(1950, 1, 1))),
    tahun=st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)),
)
def test_import_checks_agree_with_the_staff_form(
    birth: date,
    nip_birth: date,
    tmt: date,
    gender: JenisKelamin,
    nip_gender: JenisKelamin,
    golongan: str,
    tmt_golongan: date | None,
    tmt_pns: date | None,
    tahun: int | None,
) -> None:
    try:
        nip = make_nip(nip_birth, tmt, nip_gender, 7).digits
    except ValueError:
        return  # TMT before birth cannot even be composed
    draft = StaffDraft(
        nip=nip,
        nama="Andi",
        jenis_pegawai=JenisPegawai.PNS,
        unit_id=1,
        tanggal_lahir=birth,
        jenis_kelamin=gender,
        golongan=golongan,
        tmt_golongan=tmt_golongan,
        tmt_cpns=tmt,
        tmt_pns=tmt_pns,
        tahun_lulus=tahun,
    )
    form = {p.code for p in validate_staff(draft, today=TODAY)} & _SHARED
    header: list[object] = [
        "NIP",
        "Nama",
        "Jenis Pegawai",
        "Tanggal Lahir",
        "JK",
        "Gol",
        "TMT Gol",
        "TMT CPNS",
        "TMT PNS",
        "Tahun Lulus",
    ]
    row: list[object] = [
        nip,
        "Andi",
        "PNS",
        birth,
        gender.value,
        golongan,
        tmt_golongan,
        tmt,
        tmt_pns,
        tahun,
    ]
    record = parse_one(header, row)
    imported = {p.code for p in record.problems} & _SHARED
    assert imported == form


def test_every_field_has_a_label_and_the_labels_are_distinct() -> None:
    labels = [f.label for f in FIELDS]
    assert all(labels) and len(set(labels)) == len(labels)


def test_times_and_durations_are_not_dates() -> None:
    record = parse_one(
        ["NIP", "Nama", "Tanggal Lahir", "TMT Gol"],
        ["198609262015051001", "X", time(8, 0), timedelta(days=2)],
    )
    assert {p.code for p in record.problems} == {"tanggal.tidak_sah"}
