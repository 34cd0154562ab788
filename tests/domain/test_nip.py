"""Tests for NIP normalisation, validation, cross-checks, display and generation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from mutasi_desktop.domain.errors import Severity
from mutasi_desktop.domain.messages import TEMPLATES, render
from mutasi_desktop.domain.nip import (
    Nip,
    NipCheck,
    check_nip,
    cross_check_nip,
    format_nip,
    looks_scientific,
    make_nip,
    nip_search_key,
    normalize_nip,
    parse_nip,
)
from mutasi_desktop.domain.pegawai import JenisKelamin, JenisPegawai

PROPERTY = settings(deadline=None, database=None)
TODAY = date(2026, 11, 29)
VALID = "198609262015051001"


def codes(check: NipCheck) -> list[str]:
    return [p.code for p in check.problems]


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19860926 201505 1 001", VALID),
        ("'198609262015051001", VALID),
        ("\u2019198609262015051001", VALID),
        ("  198609262015051001  ", VALID),
        ("19860926\u00a0201505\u00a01\u00a0001", VALID),
        ("19860926.201505.1.001", VALID),
        ("19860926-201505-1-001", VALID),
        ("19860926\u2013201505\u20131\u2013001", VALID),
        ("\ufeff198609262015051001\u200b", VALID),
        ("\uff11\uff19\uff18\uff16\uff10\uff19\uff12\uff16201505 1 001", VALID),  # full-width
        (198609262015051001, VALID),
        (Decimal("198609262015051001"), VALID),
        ("12A", "12A"),
        (None, ""),
        (123.0, "123"),
    ],
)
def test_normalize_nip(text: object, expected: str) -> None:
    assert normalize_nip(text) == expected


def test_normalize_does_not_rescue_scientific_notation() -> None:
    assert normalize_nip("1.98501E+17") == "198501E+17"


@pytest.mark.parametrize(
    "text", ["1.98501E+17", "1,98503E+17", "1.98E17", "1.98501e+17", " 1.98501E+17 ", 1.98501e17]
)
def test_looks_scientific(text: object) -> None:
    assert looks_scientific(text)


@pytest.mark.parametrize("text", [VALID, "19860926 201505 1 001", "E17", "1.985", "", "abc", None])
def test_not_scientific(text: object) -> None:
    assert not looks_scientific(text)


def test_nip_search_key() -> None:
    assert nip_search_key("19860926 201505") == "19860926201505"
    assert nip_search_key("'19860926-2015.05 1 001") == VALID
    assert VALID.startswith(nip_search_key("19860926 201505"))
    assert nip_search_key("Nama Saja") == ""
    assert nip_search_key(None) == ""


# --------------------------------------------------------------------------- Nip value


def test_nip_segments() -> None:
    nip = Nip(VALID)
    assert nip.birth_date == date(1986, 9, 26)
    assert nip.tmt_cpns == date(2015, 5, 1)
    assert nip.gender is JenisKelamin.LAKI_LAKI
    assert nip.sequence == 1
    assert nip.formatted == "19860926 201505 1 001"
    assert str(nip) == VALID
    assert Nip("199001152019032005").gender is JenisKelamin.PEREMPUAN


@pytest.mark.parametrize("digits", ["", "1986092620150510", "19860926201505100A", VALID + "1"])
def test_nip_rejects_non_18_digits(digits: str) -> None:
    with pytest.raises(ValueError):
        Nip(digits)


def test_nip_is_frozen_and_hashable() -> None:
    nip = Nip(VALID)
    assert {nip: 1}[Nip(VALID)] == 1
    with pytest.raises(AttributeError):
        nip.digits = "x"  # type: ignore[misc]


# --------------------------------------------------------------------------- check_nip


def test_valid_nip() -> None:
    check = check_nip("19860926 201505 1 001", today=TODAY)
    assert check.ok
    assert check.problems == ()
    assert check.nip == Nip(VALID)
    assert check.nip.formatted == "19860926 201505 1 001"
    assert parse_nip("19860926 201505 1 001") == Nip(VALID)


def test_apostrophe_nip_is_valid() -> None:
    check = check_nip("'198609262015051001", today=TODAY)
    assert check.ok and check.nip == Nip(VALID)


def test_integer_cell_is_valid() -> None:
    assert check_nip(198609262015051001, today=TODAY).ok


@pytest.mark.parametrize("text", ["1.98501E+17", "1,98503E+17", "'1.98E17", 1.98609262015051e17])
def test_scientific_notation(text: object) -> None:
    check = check_nip(text, today=TODAY)
    assert codes(check) == ["nip.notasi_ilmiah"]
    assert check.nip is None and not check.ok
    assert "notasi ilmiah" in check.problems[0].message()


@pytest.mark.parametrize("text", [None, "", "   ", "'", "-", "\u00a0"])
def test_empty(text: object) -> None:
    assert codes(check_nip(text)) == ["nip.kosong"]


@pytest.mark.parametrize("text", ["1986O9262015051001", "NIP 198609262015051001", "abc", "12/34"])
def test_not_digits(text: str) -> None:
    check = check_nip(text, today=TODAY)
    assert codes(check) == ["nip.bukan_angka"]
    assert check.problems[0].params == {"value": text}


@pytest.mark.parametrize(("text", "length"), [("1986092620150510", 16), (VALID + "23", 20)])
def test_wrong_length(text: str, length: int) -> None:
    check = check_nip(text, today=TODAY)
    assert codes(check) == ["nip.panjang_salah"]
    assert check.problems[0].params == {"length": length}


def test_invalid_birth_date() -> None:
    check = check_nip("198602302015051001", today=TODAY)
    assert codes(check) == ["nip.tanggal_lahir_salah"]
    assert check.problems[0].params == {"value": "19860230"}


def test_birth_date_in_future_or_too_old() -> None:
    assert codes(check_nip("202701012045011001", today=TODAY)) == [
        "nip.tanggal_lahir_salah",
        "nip.tmt_salah",
    ]
    assert "nip.tanggal_lahir_salah" in codes(check_nip("189901012015051001", today=TODAY))


@pytest.mark.parametrize(
    "text",
    [
        "198609262015001001",  # month 00
        "198609262015131001",  # month 13
        "198609261940051001",  # year before 1945
        "198609262030051001",  # far in the future
        "198609261986051001",  # before birth (May 1986 < Sep 1986)
    ],
)
def test_invalid_tmt(text: str) -> None:
    check = check_nip(text, today=TODAY)
    assert codes(check) == ["nip.tmt_salah"]
    assert check.problems[0].params == {"value": text[8:14]}


def test_tmt_next_year_is_plausible() -> None:
    assert check_nip("199001012027011001", today=TODAY).ok


def test_appointed_too_young_is_a_warning() -> None:
    check = check_nip("198609262003051001", today=TODAY)
    assert check.ok
    assert check.nip == Nip("198609262003051001")
    (problem,) = check.problems
    assert problem.code == "nip.tmt_terlalu_muda"
    assert problem.severity is Severity.WARNING
    assert problem.params == {"age": 16}


@pytest.mark.parametrize("digit", ["0", "3", "9"])
def test_gender_digit(digit: str) -> None:
    check = check_nip(f"19860926201505{digit}001", today=TODAY)
    assert codes(check) == ["nip.kode_kelamin_salah"]
    assert check.problems[0].params == {"value": digit}


def test_sequence_zero() -> None:
    assert codes(check_nip("198609262015051000", today=TODAY)) == ["nip.urutan_nol"]


def test_all_problems_collected() -> None:
    check = check_nip("198613322015133000", today=TODAY)
    assert codes(check) == [
        "nip.tanggal_lahir_salah",
        "nip.tmt_salah",
        "nip.kode_kelamin_salah",
        "nip.urutan_nol",
    ]
    assert check.nip is None
    assert all(p.field == "nip" and p.is_error for p in check.problems)
    assert check.errors == check.problems and check.warnings == ()


def test_pppk_skips_pns_layout_checks() -> None:
    odd = "198613322023213000"  # fails every PNS segment check
    assert not check_nip(odd, today=TODAY).ok
    check = check_nip(odd, jenis=JenisPegawai.PPPK, today=TODAY)
    assert check.ok and check.problems == () and check.nip == Nip(odd)
    assert codes(check_nip("1986", jenis=JenisPegawai.PPPK)) == ["nip.panjang_salah"]
    assert codes(check_nip("19861332x023213000", jenis=JenisPegawai.PPPK)) == ["nip.bukan_angka"]


def test_cpns_uses_pns_checks() -> None:
    assert codes(check_nip("198609262015051000", jenis=JenisPegawai.CPNS)) == ["nip.urutan_nol"]


def test_default_today_is_system_date() -> None:
    assert check_nip(VALID).ok


def test_every_code_has_an_indonesian_template() -> None:
    samples = [
        "",
        "1.9E17",
        "abc",
        "123",
        "198613322015133000",
        "198609262003051001",
    ]
    for text in samples:
        for problem in check_nip(text, today=TODAY).problems:
            assert problem.code in TEMPLATES
            assert "{" not in problem.message(), problem


# --------------------------------------------------------------------------- cross-check


def test_cross_check_matches() -> None:
    nip = Nip(VALID)
    assert cross_check_nip(nip, birth_date=date(1986, 9, 26), gender=JenisKelamin.LAKI_LAKI) == []
    assert cross_check_nip(nip, birth_date=None, gender=None) == []


def test_cross_check_mismatch() -> None:
    problems = cross_check_nip(
        Nip(VALID), birth_date=date(1986, 3, 1), gender=JenisKelamin.PEREMPUAN
    )
    assert [p.code for p in problems] == ["nip.tanggal_lahir_beda", "nip.kelamin_beda"]
    assert all(p.severity is Severity.ERROR and p.field == "nip" for p in problems)
    assert problems[0].params == {
        "birth_date": "1 Maret 1986",
        "nip_birth_date": "26 September 1986",
    }
    assert problems[1].params == {"gender": "Perempuan", "nip_gender": "Laki-laki"}
    assert render(problems[0].code, problems[0].params) == (
        "Tanggal lahir 1 Maret 1986 tidak cocok dengan NIP (menurut NIP: 26 September 1986)."
    )


def test_cross_check_severity_can_be_lowered() -> None:
    problems = cross_check_nip(
        Nip(VALID), birth_date=None, gender=JenisKelamin.PEREMPUAN, severity=Severity.WARNING
    )
    assert [p.severity for p in problems] == [Severity.WARNING]


def test_cross_check_skips_invalid_segments() -> None:
    pppk = Nip("198613322023213000")
    assert cross_check_nip(pppk, birth_date=date(1986, 1, 1), gender=JenisKelamin.LAKI_LAKI) == []


# --------------------------------------------------------------------------- format_nip / make_nip


def test_format_nip() -> None:
    assert format_nip(VALID) == "19860926 201505 1 001"
    assert format_nip("'19860926-201505-1-001") == "19860926 201505 1 001"
    assert format_nip("123") == "123"
    assert format_nip("1.98501E+17") == "1.98501E+17"
    assert format_nip("bukan nip") == "bukan nip"
    assert format_nip(None) == ""


def test_make_nip() -> None:
    nip = make_nip(date(1986, 9, 26), date(2015, 5, 20), JenisKelamin.LAKI_LAKI, 1)
    assert nip == Nip(VALID)
    assert make_nip(date(1990, 1, 15), date(2019, 3, 1), JenisKelamin.PEREMPUAN, 5).digits == (
        "199001152019032005"
    )


@pytest.mark.parametrize("sequence", [0, 1000, -1])
def test_make_nip_rejects_bad_sequence(sequence: int) -> None:
    with pytest.raises(ValueError):
        make_nip(date(1986, 9, 26), date(2015, 5, 1), JenisKelamin.LAKI_LAKI, sequence)


def test_make_nip_rejects_tmt_before_birth() -> None:
    with pytest.raises(ValueError):
        make_nip(date(1986, 9, 26), date(1986, 8, 1), JenisKelamin.LAKI_LAKI, 1)


# --------------------------------------------------------------------------- properties

births = st.dates(min_value=date(1940, 1, 1), max_value=date(2000, 12, 31))
genders = st.sampled_from(list(JenisKelamin))
sequences = st.integers(min_value=1, max_value=999)


@st.composite
def valid_nips(draw: st.DrawFn) -> Nip:
    birth = draw(births)
    # Year of birth + 19 or more: at least 18 whatever the months are.
    years_later = draw(st.integers(min_value=19, max_value=45))
    tmt = date(birth.year + years_later, draw(st.integers(1, 12)), 1)
    assume(tmt <= TODAY)
    return make_nip(birth, tmt, draw(genders), draw(sequences))


@PROPERTY
@given(valid_nips())
def test_made_nips_are_valid(nip: Nip) -> None:
    check = check_nip(nip.digits, today=TODAY)
    assert check.ok, check.problems
    assert check.problems == ()
    assert check.nip == nip
    assert check_nip(nip.formatted, today=TODAY).nip == nip


@PROPERTY
@given(births, st.dates(min_value=date(1945, 1, 1), max_value=TODAY), genders, sequences)
def test_make_nip_segments_and_check(
    birth: date, tmt: date, gender: JenisKelamin, sequence: int
) -> None:
    assume((tmt.year, tmt.month) >= (birth.year, birth.month))
    nip = make_nip(birth, tmt, gender, sequence)
    assert nip.birth_date == birth
    assert nip.tmt_cpns == tmt.replace(day=1)
    assert nip.gender is gender
    assert nip.sequence == sequence
    check = check_nip(nip.digits, today=TODAY)
    assert check.ok  # at most the "appointed young" warning
    assert {p.code for p in check.problems} <= {"nip.tmt_terlalu_muda"}
    assert cross_check_nip(nip, birth_date=birth, gender=gender) == []


@PROPERTY
@given(st.text(alphabet="0123456789", min_size=18, max_size=18))
def test_format_normalize_round_trip(digits: str) -> None:
    shown = format_nip(digits)
    assert shown == f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
    assert normalize_nip(shown) == digits
    assert nip_search_key(shown) == digits
    assert normalize_nip("'" + shown.replace(" ", "\u00a0")) == digits


@PROPERTY
@given(
    st.one_of(
        st.text(alphabet="0123456789", min_size=17, max_size=17),
        st.text(alphabet="0123456789", min_size=19, max_size=19),
    ),
    st.sampled_from([None, *JenisPegawai]),
)
def test_wrong_length_always_reported(digits: str, jenis: JenisPegawai | None) -> None:
    check = check_nip(digits, jenis=jenis, today=TODAY)
    assert not check.ok and check.nip is None
    assert codes(check) == ["nip.panjang_salah"]
    assert check.problems[0].params == {"length": len(digits)}


@PROPERTY
@given(
    st.one_of(
        st.text(max_size=30),
        st.text(alphabet="0123456789 .-'Ee+,", max_size=25),
        st.integers(),
        st.floats(),
        st.decimals(),
        st.binary(max_size=20),
        st.none(),
        st.booleans(),
    ),
    st.sampled_from([None, *JenisPegawai]),
)
def test_check_nip_never_raises(value: object, jenis: JenisPegawai | None) -> None:
    check = check_nip(value, jenis=jenis, today=TODAY)
    assert (check.nip is not None) == check.ok
    assert all(p.field == "nip" and p.code in TEMPLATES for p in check.problems)
    if check.nip is not None:
        assert len(check.nip.digits) == 18
    # The other helpers must not raise either.
    format_nip(value)
    nip_search_key(value)
    looks_scientific(value)
