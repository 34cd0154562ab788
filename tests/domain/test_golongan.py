"""Tests for PNS golongan/ruang with pangkat and PPPK golongan."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mutasi_desktop.domain.golongan import (
    ALL_PNS,
    ALL_PPPK,
    Golongan,
    golongan_awal_pns,
    golongan_maks_pns,
    golongan_problem,
    next_golongan,
    parse_golongan,
    pns,
    pppk,
    pppk_awal,
)
from mutasi_desktop.domain.messages import TEMPLATES
from mutasi_desktop.domain.pegawai import JenisPegawai, TingkatPendidikan

PROPERTY = settings(deadline=None, database=None)
PNS = JenisPegawai.PNS
PPPK = JenisPegawai.PPPK

# Reference 3.2, pinned verbatim.
REFERENCE_3_2 = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]


def test_reference_table_pinned() -> None:
    assert [(g.kode, g.pangkat) for g in ALL_PNS] == REFERENCE_3_2
    assert [g.rank for g in ALL_PNS] == list(range(1, 18))
    assert not any(g.is_pppk for g in ALL_PNS)


def test_pppk_table() -> None:
    assert [g.kode for g in ALL_PPPK] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
        "XI",
        "XII",
        "XIII",
        "XIV",
        "XV",
        "XVI",
        "XVII",
    ]
    assert [g.rank for g in ALL_PPPK] == list(range(1, 18))
    assert all(g.is_pppk and g.pangkat is None for g in ALL_PPPK)


def test_golongan_properties() -> None:
    g = pns("III/b")
    assert g == Golongan("III/b", False)
    assert g.pangkat == "Penata Muda Tingkat I"
    assert g.label == "Penata Muda Tingkat I, III/b"
    assert g.rank == 10
    assert g.ruang_romawi == "III"
    assert g.ruang_huruf == "b"
    assert str(g) == "III/b"
    assert pns("IV/c").label == "Pembina Utama Muda, IV/c"

    ix = pppk("IX")
    assert ix == Golongan("IX", True)
    assert ix.label == "IX" and ix.pangkat is None
    assert ix.rank == 9 and ix.ruang_romawi == "IX" and ix.ruang_huruf is None


@pytest.mark.parametrize(("kode", "is_pppk"), [("III/f", False), ("IX", False), ("III/b", True)])
def test_golongan_constructor_validates(kode: str, is_pppk: bool) -> None:
    with pytest.raises(ValueError):
        Golongan(kode, is_pppk)


def test_ordering() -> None:
    assert pns("II/d") < pns("III/a") < pns("IV/e")
    assert sorted([pns("IV/a"), pns("I/a"), pns("III/c"), pns("III/a")]) == [
        pns("I/a"),
        pns("III/a"),
        pns("III/c"),
        pns("IV/a"),
    ]
    assert sorted([pppk("X"), pppk("IX"), pppk("II")]) == [pppk("II"), pppk("IX"), pppk("X")]
    assert sorted(ALL_PPPK + ALL_PNS) == list(ALL_PNS + ALL_PPPK)
    assert max(ALL_PNS) == pns("IV/e")


def test_next_golongan() -> None:
    assert next_golongan(pns("I/d")) == pns("II/a")
    assert next_golongan(pns("III/b")) == pns("III/c")
    assert next_golongan(pns("IV/e")) is None
    assert next_golongan(pppk("IX")) == pppk("X")
    assert next_golongan(pppk("XVII")) is None
    chain = [ALL_PNS[0]]
    while (nxt := next_golongan(chain[-1])) is not None:
        chain.append(nxt)
    assert chain == list(ALL_PNS)


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    "text",
    [
        "III/b",
        "III b",
        "IIIb",
        "III-b",
        "III.b",
        "3b",
        "3/b",
        "III/B",
        "iii/b",
        " III / b ",
        "Penata Muda Tk. I (III/b)",
        "Penata Muda Tk.I (III/b)",
        "Penata Muda TK I, III/b",
        "Penata Muda Tingkat I",
        "Penata Muda Tingkat 1",
        "PENATA MUDA TK.I",
        "Penata Muda Tk.I / III-b",
        "III/b - Penata Muda Tk. I",
        "Gol. III/b",
        "Golongan/Ruang III/b",
        "32",
        32,
        32.0,
    ],
)
def test_parse_iii_b(text: object) -> None:
    assert parse_golongan(text) == pns("III/b")
    assert parse_golongan(text, PNS) == pns("III/b")
    assert parse_golongan(text, JenisPegawai.CPNS) == pns("III/b")
    assert parse_golongan(text, PPPK) is None


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("Pembina Utama Muda, IV/c", "IV/c"),
        ("Pembina Utama Madya", "IV/d"),
        ("Pembina Utama", "IV/e"),
        ("Pembina", "IV/a"),
        ("Pembina Tk. I", "IV/b"),
        ("Juru Muda", "I/a"),
        ("Juru Tk I", "I/d"),
        ("Pengatur Muda Tk.I", "II/b"),
        ("II/a", "II/a"),
        ("1a", "I/a"),
        ("4e", "IV/e"),
        ("11", "I/a"),
        ("14", "I/d"),
        ("21", "II/a"),
        ("34", "III/d"),
        ("41", "IV/a"),
        ("45", "IV/e"),
    ],
)
def test_parse_pns_examples(text: str, kode: str) -> None:
    assert parse_golongan(text) == pns(kode)


@pytest.mark.parametrize(
    "text",
    [
        "I/E",
        "II/e",
        "III/e",
        "IV/f",
        "V/a",
        "XVIII",
        "",
        "   ",
        None,
        "15",
        "25",
        "46",
        "50",
        "10",
        "Penata (III/b)",  # pangkat and code disagree: do not guess
        "Juru Madya",
        "Tk. I",
        "golongan",
        "III/b/c",
    ],
)
def test_parse_unknown(text: object) -> None:
    assert parse_golongan(text) is None


@pytest.mark.parametrize(
    ("text", "kode"),
    [
        ("IX", "IX"),
        ("ix", "IX"),
        ("Gol. IX", "IX"),
        ("Golongan IX", "IX"),
        ("9", "IX"),
        (9, "IX"),
        ("1", "I"),
        ("XVII", "XVII"),
        ("17", "XVII"),
        ("V", "V"),
    ],
)
def test_parse_pppk(text: object, kode: str) -> None:
    assert parse_golongan(text, PPPK) == pppk(kode)


def test_shape_decides_when_jenis_unknown() -> None:
    assert parse_golongan("IX") == pppk("IX")
    assert parse_golongan("III") == pppk("III")
    assert parse_golongan("III/a") == pns("III/a")
    assert parse_golongan("9") is None  # Arabic needs jenis=PPPK
    assert parse_golongan("IX", PNS) is None
    assert parse_golongan("III", PNS) is None
    assert parse_golongan("XVIII", PPPK) is None
    assert parse_golongan("18", PPPK) is None
    assert parse_golongan("0", PPPK) is None


def test_golongan_problem() -> None:
    assert golongan_problem("III/b", PNS) is None
    assert golongan_problem("IX", PPPK) is None
    assert golongan_problem("", PNS) is None
    assert golongan_problem(None, PPPK) is None

    wrong_scheme = golongan_problem("III/b", PPPK)
    assert wrong_scheme is not None
    assert wrong_scheme.code == "golongan.tidak_sesuai_jenis"
    assert wrong_scheme.params == {"value": "III/b", "jenis": "PPPK"}
    assert wrong_scheme.field == "golongan" and wrong_scheme.is_error
    assert wrong_scheme.message() == "Golongan III/b tidak berlaku untuk pegawai PPPK."

    pppk_for_pns = golongan_problem("Gol. IX", PNS)
    assert pppk_for_pns is not None
    assert pppk_for_pns.code == "golongan.tidak_sesuai_jenis"
    assert pppk_for_pns.params == {"value": "IX", "jenis": "PNS"}

    unknown = golongan_problem(" IV/f ", PNS)
    assert unknown is not None
    assert unknown.code == "golongan.tidak_dikenal"
    assert unknown.params == {"value": "IV/f"}
    assert unknown.message() == "Golongan \u201cIV/f\u201d tidak dikenal."

    unknown_any = golongan_problem("XVIII", None)
    assert unknown_any is not None and unknown_any.code == "golongan.tidak_dikenal"


# --------------------------------------------------------------------------- education tables


def test_golongan_awal_pns() -> None:
    T = TingkatPendidikan
    expected = {
        T.SD: "I/a",
        T.SMP: "I/c",
        T.SLTA: "II/a",
        T.D3: "II/c",
        T.D4: "III/a",
        T.S1: "III/a",
        T.S2: "III/b",
        T.S3: "III/c",
    }
    for level, kode in expected.items():
        assert golongan_awal_pns(level) == pns(kode)


def test_pppk_awal_reference_3_3() -> None:
    T = TingkatPendidikan
    expected = {T.SD: "I", T.SLTA: "V", T.D3: "VII", T.S1: "IX", T.D4: "IX", T.S2: "X", T.S3: "XI"}
    for level, kode in expected.items():
        assert pppk_awal(level) == pppk(kode)


@pytest.mark.parametrize("level", list(TingkatPendidikan))
def test_education_tables_are_complete_and_consistent(level: TingkatPendidikan) -> None:
    awal = golongan_awal_pns(level)
    maks = golongan_maks_pns(level)
    assert not awal.is_pppk and not maks.is_pppk
    assert awal < maks
    assert pppk_awal(level).is_pppk


def test_education_tables_are_monotone() -> None:
    levels = sorted(TingkatPendidikan, key=lambda t: t.rank)
    for lower, higher in itertools.pairwise(levels):
        assert golongan_awal_pns(lower) <= golongan_awal_pns(higher)
        assert golongan_maks_pns(lower) <= golongan_maks_pns(higher)
        assert pppk_awal(lower) <= pppk_awal(higher)


# --------------------------------------------------------------------------- properties

all_golongan = st.sampled_from(ALL_PNS + ALL_PPPK)
pns_golongan = st.sampled_from(ALL_PNS)
ARABIC = {"I": "1", "II": "2", "III": "3", "IV": "4"}


@PROPERTY
@given(all_golongan)
def test_parse_canonical_code(g: Golongan) -> None:
    assert parse_golongan(g.kode) == g
    assert parse_golongan(g.kode.lower()) == g
    jenis = PPPK if g.is_pppk else PNS
    assert parse_golongan(g.kode, jenis) == g
    assert golongan_problem(g.kode, jenis) is None
    assert parse_golongan(g.label, jenis) == g


@PROPERTY
@given(pns_golongan, st.sampled_from([" ", "", "-", ".", "/", " / "]))
def test_parse_pns_written_forms(g: Golongan, sep: str) -> None:
    roman, letter = g.kode.split("/")
    assert parse_golongan(f"{roman}{sep}{letter}") == g
    assert parse_golongan(f"{roman.lower()}{sep}{letter.upper()}") == g
    assert parse_golongan(f"{ARABIC[roman]}{sep}{letter}") == g
    assert parse_golongan(f"{g.pangkat} ({g.kode})") == g
    assert parse_golongan(f"{g.pangkat}, {g.kode}") == g
    assert parse_golongan(g.pangkat) == g
    assert parse_golongan(str(g.pangkat).replace("Tingkat I", "Tk. I")) == g
    siasn = f"{ARABIC[roman]}{'abcde'.index(letter) + 1}"
    assert parse_golongan(siasn) == g


@PROPERTY
@given(st.integers(min_value=1, max_value=17))
def test_parse_pppk_arabic(n: int) -> None:
    assert parse_golongan(str(n), PPPK) == ALL_PPPK[n - 1]


@PROPERTY
@given(
    st.one_of(
        st.text(max_size=40),
        st.text(alphabet="IVXivxabcdef/-. 0123456789()", max_size=15),
        st.integers(),
        st.floats(),
        st.none(),
        st.booleans(),
        st.binary(max_size=10),
    ),
    st.sampled_from([None, *JenisPegawai]),
)
def test_parse_golongan_never_raises(value: object, jenis: JenisPegawai | None) -> None:
    g = parse_golongan(value, jenis)
    if g is not None:
        if jenis is not None:
            assert g.is_pppk == (jenis is PPPK)
        assert golongan_problem(value, jenis) is None
    problem = golongan_problem(value, jenis)
    if problem is not None:
        assert problem.code in TEMPLATES
        assert g is None
