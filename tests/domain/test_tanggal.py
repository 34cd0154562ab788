"""Tests for Indonesian date formatting, Roman numerals and lenient date parsing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mutasi_desktop.domain.messages import TEMPLATES
from mutasi_desktop.domain.tanggal import (
    BULAN,
    HARI,
    TanggalParse,
    bulan_romawi,
    excel_serial_to_date,
    format_tanggal,
    format_tanggal_hari,
    masa_kerja,
    parse_romawi,
    parse_tanggal,
    romawi,
    tambah_bulan,
    umur,
)

PROPERTY = settings(deadline=None, database=None)

ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "May",
    "June",
    "July",
    "August",
    "October",
    "December",
)
# Reasonable span for staff data; keeps 4-digit years in every textual form.
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


# --------------------------------------------------------------------------- formatting


def test_bulan_and_hari_tables() -> None:
    assert BULAN == (
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    )
    assert HARI == ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2025, 3, 12), "12 Maret 2025"),
        (date(1985, 3, 1), "1 Maret 1985"),
        (date(1945, 8, 17), "17 Agustus 1945"),
        (date(2024, 5, 9), "9 Mei 2024"),
        (date(1999, 12, 31), "31 Desember 1999"),
    ],
)
def test_format_tanggal(value: date, expected: str) -> None:
    assert format_tanggal(value) == expected


def test_format_tanggal_hari() -> None:
    assert format_tanggal_hari(date(2026, 11, 29)) == "Minggu, 29 November 2026"
    assert format_tanggal_hari(date(1945, 8, 17)) == "Jumat, 17 Agustus 1945"
    assert format_tanggal_hari(date(2025, 3, 3)) == "Senin, 3 Maret 2025"


@PROPERTY
@given(dates)
def test_format_tanggal_never_english(d: date) -> None:
    text = format_tanggal_hari(d)
    for name in ENGLISH_MONTHS:
        assert name not in text
    assert not text.split(", ", 1)[1].startswith("0")


@PROPERTY
@given(dates)
def test_format_tanggal_round_trips_through_parse(d: date) -> None:
    assert parse_tanggal(format_tanggal(d)) == TanggalParse(d)
    assert parse_tanggal(format_tanggal_hari(d)).value == d


# --------------------------------------------------------------------------- Roman numerals


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "I"),
        (4, "IV"),
        (9, "IX"),
        (12, "XII"),
        (17, "XVII"),
        (1994, "MCMXCIV"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_romawi_examples(n: int, text: str) -> None:
    assert romawi(n) == text
    assert parse_romawi(text) == n
    assert parse_romawi(text.lower()) == n
    assert parse_romawi(f"  {text} ") == n


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_romawi_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        romawi(n)


def test_romawi_rejects_non_int() -> None:
    with pytest.raises(TypeError):
        romawi(True)
    with pytest.raises(TypeError):
        romawi(3.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "IIII", "VX", "IC", "MMMM", "ABC", "X I", "IIV"])
def test_parse_romawi_rejects_non_canonical(text: str) -> None:
    assert parse_romawi(text) is None


def test_parse_romawi_non_string() -> None:
    assert parse_romawi(None) is None
    assert parse_romawi(5) is None


@PROPERTY
@given(st.integers(min_value=1, max_value=3999))
def test_romawi_round_trip(n: int) -> None:
    assert parse_romawi(romawi(n)) == n


@PROPERTY
@given(st.text(max_size=30))
def test_parse_romawi_never_raises(text: str) -> None:
    result = parse_romawi(text)
    assert result is None or romawi(result) == text.strip().upper()


def test_bulan_romawi() -> None:
    assert bulan_romawi(date(2025, 3, 12)) == "III"
    assert bulan_romawi(12) == "XII"
    assert [bulan_romawi(m) for m in range(1, 13)][8] == "IX"
    with pytest.raises(ValueError):
        bulan_romawi(13)
    with pytest.raises(ValueError):
        bulan_romawi(0)


# --------------------------------------------------------------------------- parsing


def test_parse_date_objects() -> None:
    assert parse_tanggal(date(1985, 3, 1)) == TanggalParse(date(1985, 3, 1), False, None)
    assert parse_tanggal(datetime(1985, 3, 1, 13, 45)) == TanggalParse(date(1985, 3, 1))


@pytest.mark.parametrize("value", [None, "", "   ", "\u00a0", "'"])
def test_parse_empty(value: object) -> None:
    result = parse_tanggal(value)
    assert result == TanggalParse(None, False, None)
    assert result.ok


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1985-03-12", date(1985, 3, 12)),
        ("1985/3/2", date(1985, 3, 2)),
        ("1985-03-12 00:00:00", date(1985, 3, 12)),
        ("1985-03-12T08:30:00", date(1985, 3, 12)),
        ("19850312", date(1985, 3, 12)),
        ("13-03-1985", date(1985, 3, 13)),
        ("31/12/1999", date(1999, 12, 31)),
        ("25.08.1970", date(1970, 8, 25)),
        ("05-05-2020", date(2020, 5, 5)),
        ("'13-03-1985", date(1985, 3, 13)),
        ("1 Maret 1985", date(1985, 3, 1)),
        ("1 Mar 1985", date(1985, 3, 1)),
        ("01 MARET 1985", date(1985, 3, 1)),
        ("17 Agustus 1945", date(1945, 8, 17)),
        ("17 Agu 1945", date(1945, 8, 17)),
        ("17 Agt 1945", date(1945, 8, 17)),
        ("17 Aug 1945", date(1945, 8, 17)),
        ("1 Okt 2020", date(2020, 10, 1)),
        ("1 Oct 2020", date(2020, 10, 1)),
        ("25 Des 2020", date(2020, 12, 25)),
        ("25 Dec 2020", date(2020, 12, 25)),
        ("5 Mei 2020", date(2020, 5, 5)),
        ("5 May 2020", date(2020, 5, 5)),
        ("12-Mar-1985", date(1985, 3, 12)),
        ("12 Sept. 1985", date(1985, 9, 12)),
        ("March 12, 1985", date(1985, 3, 12)),
        ("Mar 12 1985", date(1985, 3, 12)),
        ("1 Pebruari 1990", date(1990, 2, 1)),
        ("10 Nopember 1945", date(1945, 11, 10)),
        ("Minggu, 29 November 2026", date(2026, 11, 29)),
    ],
)
def test_parse_text_unambiguous(text: str, expected: date) -> None:
    assert parse_tanggal(text) == TanggalParse(expected, False, None)


def test_day_month_order() -> None:
    # Both parts <= 12 and different: day-first by default but flagged.
    assert parse_tanggal("03-04-2020") == TanggalParse(date(2020, 4, 3), True, None)
    assert parse_tanggal("03/04/2020", prefer_day_first=False) == TanggalParse(
        date(2020, 3, 4), True, None
    )
    # A first part above 12 can only be a day.
    assert parse_tanggal("13-04-2020", prefer_day_first=False) == TanggalParse(date(2020, 4, 13))
    # A second part above 12 can only be a day, so the first is the month.
    assert parse_tanggal("04/13/2020") == TanggalParse(date(2020, 4, 13), False, None)
    assert parse_tanggal("13/13/2020").problem_code == "tanggal.tidak_sah"


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (31048, date(1985, 1, 1)),
        (45000, date(2023, 3, 15)),
        (45000.99, date(2023, 3, 15)),
        ("45000", date(2023, 3, 15)),
        ("45000.5", date(2023, 3, 15)),
        (Decimal("45000"), date(2023, 3, 15)),
        (2958465, date(9999, 12, 31)),
    ],
)
def test_excel_serials(serial: object, expected: date) -> None:
    assert parse_tanggal(serial) == TanggalParse(expected, False, None)


@pytest.mark.parametrize("serial", [0, -5, 60, 2958466, float("nan"), float("inf"), 10**400])
def test_invalid_excel_serials(serial: object) -> None:
    assert parse_tanggal(serial) == TanggalParse(None, False, "tanggal.tidak_sah")


def test_serial_that_looks_like_a_year_is_flagged() -> None:
    result = parse_tanggal(1985)
    assert result.value == date(1905, 6, 7)
    assert result.ambiguous
    assert parse_tanggal("1985").ambiguous


@pytest.mark.parametrize("value", [1985, "1985", "31048", 31048.0, Decimal(31048)])
def test_serials_can_be_refused(value: object) -> None:
    assert parse_tanggal(value, accept_serial=False).problem_code == "tanggal.tidak_sah"


def test_refusing_serials_keeps_other_forms() -> None:
    assert parse_tanggal("19850312", accept_serial=False).value == date(1985, 3, 12)
    assert parse_tanggal("12-03-1985", accept_serial=False).value == date(1985, 3, 12)


def test_excel_serial_to_date_consistent_with_excel_epoch() -> None:
    # Excel shows serial 25569 as 1970-01-01 (the Unix epoch).
    assert excel_serial_to_date(25569) == date(1970, 1, 1)
    assert excel_serial_to_date(60) is None


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "31-02-2020",
        "2020-13-01",
        "12.03",
        "12-03-85",
        "32 Maret 2020",
        "1 Foo 2020",
        "20201301",
        "00000000",
        True,
        False,
        object(),
        b"\xff\xfe",
        [],
    ],
)
def test_parse_invalid(value: object) -> None:
    result = parse_tanggal(value)
    assert result.value is None
    assert result.problem_code == "tanggal.tidak_sah"
    assert result.problem_code in TEMPLATES
    assert not result.ok


def test_parse_huge_cell_is_quick_and_invalid() -> None:
    assert parse_tanggal("1" + " " * 100_000 + "x").problem_code == "tanggal.tidak_sah"


def test_parse_bytes() -> None:
    assert parse_tanggal(b"1985-03-12").value == date(1985, 3, 12)


class _Exploding:
    def __str__(self) -> str:
        raise RuntimeError("boom")


def test_parse_object_whose_str_raises() -> None:
    assert parse_tanggal(_Exploding()).problem_code == "tanggal.tidak_sah"


@PROPERTY
@given(dates)
def test_parse_all_written_forms(d: date) -> None:
    forms = [
        d.isoformat(),
        f"{d.year:04d}{d.month:02d}{d.day:02d}",
        f"{d.day} {BULAN[d.month - 1]} {d.year}",
        f"{d.day:02d} {BULAN[d.month - 1].upper()} {d.year}",
        f"{d.day} {BULAN[d.month - 1][:3]} {d.year}",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        f"{d.day}/{d.month}/{d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
    ]
    for text in forms:
        result = parse_tanggal(text)
        assert result.value == d, text
    day_first = parse_tanggal(f"{d.day:02d}-{d.month:02d}-{d.year}")
    assert day_first.ambiguous == (d.day <= 12 and d.day != d.month)


@PROPERTY
@given(st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))
def test_excel_serial_round_trip(d: date) -> None:
    serial = (d - date(1899, 12, 30)).days
    assert parse_tanggal(serial).value == d
    assert parse_tanggal(float(serial) + 0.25).value == d


@PROPERTY
@given(
    st.one_of(
        st.text(max_size=40),
        st.text(alphabet="0123456789-/. :TMaretagustDes'", max_size=25),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.decimals(allow_nan=True, allow_infinity=True),
        st.binary(max_size=20),
        st.none(),
        st.booleans(),
        st.lists(st.integers(), max_size=3),
        st.datetimes(),
    )
)
def test_parse_tanggal_never_raises(value: object) -> None:
    result = parse_tanggal(value)
    assert isinstance(result, TanggalParse)
    if result.value is None:
        assert not result.ambiguous
    else:
        assert result.problem_code is None


# --------------------------------------------------------------------------- arithmetic


@pytest.mark.parametrize(
    ("birth", "on", "expected"),
    [
        (date(1986, 9, 26), date(2026, 9, 25), 39),
        (date(1986, 9, 26), date(2026, 9, 26), 40),
        (date(2000, 2, 29), date(2021, 2, 28), 20),
        (date(2000, 2, 29), date(2021, 3, 1), 21),
        (date(2000, 1, 1), date(1999, 1, 1), 0),
    ],
)
def test_umur(birth: date, on: date, expected: int) -> None:
    assert umur(birth, on) == expected


@pytest.mark.parametrize(
    ("start", "on", "expected"),
    [
        (date(2015, 5, 1), date(2026, 11, 29), (11, 6)),
        (date(2015, 5, 15), date(2015, 6, 14), (0, 0)),
        (date(2015, 5, 15), date(2015, 6, 15), (0, 1)),
        (date(2015, 5, 15), date(2016, 5, 15), (1, 0)),
        (date(2020, 1, 1), date(2019, 1, 1), (0, 0)),
    ],
)
def test_masa_kerja(start: date, on: date, expected: tuple[int, int]) -> None:
    assert masa_kerja(start, on) == expected


@PROPERTY
@given(dates, st.integers(min_value=0, max_value=40_000))
def test_umur_and_masa_kerja_agree(start: date, days: int) -> None:
    on = start + timedelta(days=days)
    years, months = masa_kerja(start, on)
    assert 0 <= months < 12
    assert years == umur(start, on)


def test_tambah_bulan_clamps_day() -> None:
    assert tambah_bulan(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert tambah_bulan(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert tambah_bulan(date(2025, 12, 15), 1) == date(2026, 1, 15)
    assert tambah_bulan(date(2025, 3, 31), -1) == date(2025, 2, 28)
    assert tambah_bulan(date(2025, 3, 31), 12) == date(2026, 3, 31)
