"""Decree numbering patterns: tokens, validation, formatting, reading back, gap arithmetic."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.penomoran import (
    DEFAULT_POLA,
    NilaiNomor,
    PolaNomor,
    celah,
    check_pola,
    nomor_berikut,
    seri,
)

PROPERTY = settings(deadline=None, database=None, max_examples=300)


def test_default_pattern_gives_the_mamuju_style_number() -> None:
    pola = PolaNomor.parse(DEFAULT_POLA)
    nilai = NilaiNomor(urut=12, tahun=2026, bulan=3, kode="800.1.3.1", unit="BKPSDM")
    assert pola.format(nilai) == "800.1.3.1/Kep.12/BKPSDM/III/2026"


@pytest.mark.parametrize(
    ("pola", "nilai", "expected"),
    [
        # Observed formats (reference §4.2).
        ("800 / Kep.{urut} / BKD / {tahun}", NilaiNomor(388, 2014), "800 / Kep.388 / BKD / 2014"),
        (
            "{kode}/Kep.{urut}/{unit}/{bulan_angka}/{tahun}",
            NilaiNomor(411, 2025, 10, "800.1.3.3", "BKPSDM"),
            "800.1.3.3/Kep.411/BKPSDM/10/2025",
        ),
        (
            "{kode}/{urut:3}/{unit}/{bulan}/{tahun}",
            NilaiNomor(45, 2026, 5, "800.1.6", "BKPSDMD-TTU"),
            "800.1.6/045/BKPSDMD-TTU/V/2026",
        ),
        ("{{SK}}-{urut}-{tahun}", NilaiNomor(7, 2026), "{SK}-7-2026"),
    ],
)
def test_observed_formats(pola: str, nilai: NilaiNomor, expected: str) -> None:
    p = PolaNomor.parse(pola)
    assert p.format(nilai) == expected
    back = p.baca(expected)
    assert back is not None
    assert (back.urut, back.tahun) == (nilai.urut, nilai.tahun)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "{kode}/{tahun}",  # no sequence
        "{kode}/{urut}",  # no year: sequences restart every year
        "{urut}/{urut}/{tahun}",
        "{kode}{urut}/{tahun}",  # adjacent tokens cannot be read back
        "{nomor}/{tahun}",
        "{urut:9}/{tahun}",
        "{tahun:2}/{urut}",
        "{urut}/{tahun",
        "{urut}}/{tahun}",
        "{urut}/\t{tahun}",
    ],
)
def test_invalid_patterns_are_refused_with_a_reason(bad: str) -> None:
    with pytest.raises(DomainError) as info:
        PolaNomor.parse(bad)
    assert info.value.code == "nomor.pola_tidak_sah"
    assert info.value.params["detail"]


def test_separate_sequences_per_code_need_the_code_in_the_number() -> None:
    check_pola("{kode}/{urut}/{tahun}", seri_per_kode=True)
    with pytest.raises(DomainError):
        check_pola("800/{urut}/{tahun}", seri_per_kode=True)
    assert seri("800.1.3.1", seri_per_kode=True) == "800.1.3.1"
    assert seri("800.1.3.1", seri_per_kode=False) == ""


def test_reading_back_tolerates_spaces_and_lower_case() -> None:
    pola = PolaNomor.parse(DEFAULT_POLA)
    nilai = pola.baca(" 800.1.3.1 / kep. 45 / BKPSDM / iii / 2026 ")
    assert nilai == NilaiNomor(45, 2026, 3, "800.1.3.1", "BKPSDM")
    assert pola.baca("800.1.3.1/Kep.45/BKPSDM/XIII/2026") is None
    assert pola.baca("800.1.3.1/Kep.0/BKPSDM/III/2026") is None
    assert pola.baca("surat lain") is None


def test_format_refuses_values_that_would_not_read_back() -> None:
    pola = PolaNomor.parse(DEFAULT_POLA)
    with pytest.raises(ValueError):
        pola.format(NilaiNomor(0, 2026, 1, "800", "BKPSDM"))
    with pytest.raises(ValueError):
        pola.format(NilaiNomor(1, 2026, 13, "800", "BKPSDM"))
    with pytest.raises(ValueError):
        pola.format(NilaiNomor(1, 2026, 1, "800/1", "BKPSDM"))


def test_next_number_fills_holes_before_going_on() -> None:
    assert nomor_berikut([]) == 1
    assert nomor_berikut([1, 2, 3]) == 4
    # 5 was reserved ahead by hand: 4 comes first, then 6.
    assert nomor_berikut([1, 2, 3, 5]) == 4
    assert nomor_berikut([1, 2, 3, 4, 5]) == 6
    assert celah([1, 2, 3, 5, 8]) == [4, 6, 7]
    assert celah([]) == []


# --------------------------------------------------------------------------- properties

_LITERALS = st.sampled_from(["/", " / ", "/Kep.", ".", "-", "/SK-", " ", "/Kep/"])
_TOKENS = st.sampled_from(["kode", "unit", "bulan", "bulan_angka"])


@st.composite
def patterns(draw: st.DrawFn) -> str:
    names = ["urut", "tahun", *draw(st.lists(_TOKENS, unique=True, max_size=4))]
    names = draw(st.permutations(names))
    out = []
    if draw(st.booleans()):
        out.append(draw(st.sampled_from(["800", "SK ", "Kep."])))
        out.append(draw(_LITERALS))
    for i, name in enumerate(names):
        if i:
            out.append(draw(_LITERALS))
        width = draw(st.sampled_from(["", ":3", ":4"])) if name == "urut" else ""
        out.append("{" + name + width + "}")
    return "".join(out)


_CODE = st.from_regex(r"[0-9]{3}(\.[0-9]){0,3}", fullmatch=True)
_UNIT = st.from_regex(r"[A-Z]{2,8}", fullmatch=True)


@PROPERTY
@given(
    patterns(),
    st.integers(1, 99_999),
    st.integers(1990, 2100),
    st.integers(1, 12),
    _CODE,
    _UNIT,
)
def test_any_number_reads_back_to_a_number_that_formats_identically(
    pattern: str, urut: int, tahun: int, bulan: int, kode: str, unit: str
) -> None:
    pola = PolaNomor.parse(pattern)
    text = pola.format(NilaiNomor(urut, tahun, bulan, kode, unit))
    back = pola.baca(text)
    assert back is not None
    assert pola.format(back) == text
    assert (back.urut, back.tahun) == (urut, tahun)
    if "bulan" in pola.tokens or "bulan_angka" in pola.tokens:
        assert back.bulan == bulan


@PROPERTY
@given(patterns(), st.integers(1, 9_999), st.integers(1, 9_999), _CODE, _UNIT)
def test_different_sequence_numbers_give_different_texts(
    pattern: str, a: int, b: int, kode: str, unit: str
) -> None:
    pola = PolaNomor.parse(pattern)
    ta = pola.format(NilaiNomor(a, 2026, 3, kode, unit))
    tb = pola.format(NilaiNomor(b, 2026, 3, kode, unit))
    assert (ta == tb) == (a == b)


@PROPERTY
@given(st.sets(st.integers(1, 60), max_size=40))
def test_next_number_is_never_taken_and_leaves_no_gap_below_it(used: set[int]) -> None:
    n = nomor_berikut(used)
    assert n not in used
    assert all(k in used for k in range(1, n))
