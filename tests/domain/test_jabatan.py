"""Tests for jenis/jenjang jabatan, eselon mapping and retirement (BUP) dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mutasi_desktop.domain.jabatan import (
    BUP_DEFAULT,
    JenisJabatan,
    JenjangJabatan,
    bup_for,
    is_pensiun_dalam,
    parse_jenjang,
    tanggal_pensiun,
)
from mutasi_desktop.domain.tanggal import tambah_bulan, umur

PROPERTY = settings(deadline=None, database=None)
J = JenjangJabatan


def test_jenis_labels() -> None:
    assert [(j.value, j.label) for j in JenisJabatan] == [
        ("jpt", "Jabatan Pimpinan Tinggi"),
        ("administrasi", "Jabatan Administrasi"),
        ("fungsional", "Jabatan Fungsional"),
    ]


# (jenjang, jenis, label, bup, eselon, keahlian, keterampilan): reference 2.3 and 3.4.
TABLE = [
    (J.JPT_UTAMA, JenisJabatan.JPT, "JPT Utama", 60, None, False, False),
    (J.JPT_MADYA, JenisJabatan.JPT, "JPT Madya", 60, None, False, False),
    (J.JPT_PRATAMA, JenisJabatan.JPT, "JPT Pratama", 60, "II", False, False),
    (J.ADMINISTRATOR, JenisJabatan.ADMINISTRASI, "Administrator", 58, "III", False, False),
    (J.PENGAWAS, JenisJabatan.ADMINISTRASI, "Pengawas", 58, "IV", False, False),
    (J.PELAKSANA, JenisJabatan.ADMINISTRASI, "Pelaksana", 58, None, False, False),
    (J.AHLI_UTAMA, JenisJabatan.FUNGSIONAL, "Ahli Utama", 65, None, True, False),
    (J.AHLI_MADYA, JenisJabatan.FUNGSIONAL, "Ahli Madya", 60, None, True, False),
    (J.AHLI_MUDA, JenisJabatan.FUNGSIONAL, "Ahli Muda", 58, None, True, False),
    (J.AHLI_PERTAMA, JenisJabatan.FUNGSIONAL, "Ahli Pertama", 58, None, True, False),
    (J.PENYELIA, JenisJabatan.FUNGSIONAL, "Penyelia", 58, None, False, True),
    (J.MAHIR, JenisJabatan.FUNGSIONAL, "Mahir", 58, None, False, True),
    (J.TERAMPIL, JenisJabatan.FUNGSIONAL, "Terampil", 58, None, False, True),
    (J.PEMULA, JenisJabatan.FUNGSIONAL, "Pemula", 58, None, False, True),
]


def test_table_covers_every_jenjang() -> None:
    assert [row[0] for row in TABLE] == list(JenjangJabatan)
    assert [j.value for j in JenjangJabatan] == [
        "jpt_utama",
        "jpt_madya",
        "jpt_pratama",
        "administrator",
        "pengawas",
        "pelaksana",
        "ahli_utama",
        "ahli_madya",
        "ahli_muda",
        "ahli_pertama",
        "penyelia",
        "mahir",
        "terampil",
        "pemula",
    ]


@pytest.mark.parametrize(
    ("jenjang", "jenis", "label", "bup", "eselon", "keahlian", "keterampilan"), TABLE
)
def test_jenjang_properties(
    jenjang: JenjangJabatan,
    jenis: JenisJabatan,
    label: str,
    bup: int,
    eselon: str | None,
    keahlian: bool,
    keterampilan: bool,
) -> None:
    assert jenjang.jenis is jenis
    assert jenjang.label == label
    assert jenjang.bup == bup
    assert bup_for(jenjang) == bup
    assert jenjang.eselon == eselon
    assert jenjang.is_keahlian is keahlian
    assert jenjang.is_keterampilan is keterampilan


def test_bup_for_unknown() -> None:
    assert bup_for(None) == 58 == BUP_DEFAULT


# --------------------------------------------------------------------------- parse_jenjang


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pelaksana", J.PELAKSANA),
        ("PELAKSANA", J.PELAKSANA),
        ("Fungsional Umum", J.PELAKSANA),
        ("Jabatan Fungsional Umum", J.PELAKSANA),
        ("JFU", J.PELAKSANA),
        ("JF Ahli Muda", J.AHLI_MUDA),
        ("Jabatan Fungsional Ahli Madya", J.AHLI_MADYA),
        ("ahli_pertama", J.AHLI_PERTAMA),
        ("Analis Kebijakan Ahli Muda", J.AHLI_MUDA),
        ("Pranata Komputer Ahli Pertama", J.AHLI_PERTAMA),
        ("Perawat Penyelia", J.PENYELIA),
        ("JFT Terampil", J.TERAMPIL),
        ("Pelaksana Lanjutan", J.MAHIR),
        ("Pelaksana Pemula", J.PEMULA),
        ("Struktural eselon III.a", J.ADMINISTRATOR),
        ("Eselon IV.b", J.PENGAWAS),
        ("Eselon IVa", J.PENGAWAS),
        ("Eselon II.b", J.JPT_PRATAMA),
        ("eselon 3", J.ADMINISTRATOR),
        ("Eselon I.b", J.JPT_MADYA),
        ("Eselon V.a", J.PELAKSANA),
        ("JPT Pratama", J.JPT_PRATAMA),
        ("jpt_pratama", J.JPT_PRATAMA),
        ("Jabatan Pimpinan Tinggi Pratama", J.JPT_PRATAMA),
        ("Pimpinan Tinggi Madya", J.JPT_MADYA),
        ("Administrator", J.ADMINISTRATOR),
        ("Jabatan Pengawas", J.PENGAWAS),
        (J.MAHIR, J.MAHIR),
    ],
)
def test_parse_jenjang(text: object, expected: JenjangJabatan) -> None:
    assert parse_jenjang(text) is expected


@pytest.mark.parametrize(
    "text",
    [None, "", "Kepala Seksi", "madya", "Ahli", "Non Eselon", "Fungsional Tertentu", 3, True],
)
def test_parse_jenjang_unknown(text: object) -> None:
    assert parse_jenjang(text) is None


@PROPERTY
@given(st.sampled_from(list(JenjangJabatan)))
def test_parse_jenjang_labels_and_values(jenjang: JenjangJabatan) -> None:
    assert parse_jenjang(jenjang.label) is jenjang
    assert parse_jenjang(jenjang.label.upper()) is jenjang
    assert parse_jenjang(jenjang.value) is jenjang
    if jenjang.jenis is JenisJabatan.FUNGSIONAL:
        assert parse_jenjang(f"JF {jenjang.label}") is jenjang
    if jenjang.eselon is not None:
        assert parse_jenjang(f"Eselon {jenjang.eselon}.a") is jenjang


@PROPERTY
@given(st.one_of(st.text(max_size=60), st.integers(), st.floats(), st.none(), st.binary()))
def test_parse_jenjang_never_raises(value: object) -> None:
    result = parse_jenjang(value)
    assert result is None or isinstance(result, JenjangJabatan)


# --------------------------------------------------------------------------- retirement


@pytest.mark.parametrize(
    ("birth", "bup", "expected"),
    [
        (date(1968, 3, 15), 58, date(2026, 4, 1)),
        (date(1968, 3, 1), 58, date(2026, 4, 1)),
        (date(1968, 3, 31), 58, date(2026, 4, 1)),
        (date(1968, 12, 5), 58, date(2027, 1, 1)),
        (date(1966, 2, 28), 60, date(2026, 3, 1)),
        (date(1964, 2, 29), 65, date(2029, 3, 1)),
    ],
)
def test_tanggal_pensiun(birth: date, bup: int, expected: date) -> None:
    assert tanggal_pensiun(birth, bup) == expected


def test_is_pensiun_dalam() -> None:
    birth = date(1968, 3, 15)  # pensiun 1 April 2026 at BUP 58
    assert is_pensiun_dalam(birth, 58, date(2025, 4, 1), 12)
    assert not is_pensiun_dalam(birth, 58, date(2025, 3, 31), 12)
    assert is_pensiun_dalam(birth, 58, date(2026, 4, 1), 0)
    assert is_pensiun_dalam(birth, 58, date(2027, 1, 1), 12)  # already past BUP
    assert not is_pensiun_dalam(birth, 60, date(2025, 4, 1), 12)
    with pytest.raises(ValueError):
        is_pensiun_dalam(birth, 58, date(2025, 4, 1), -1)


@PROPERTY
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(sorted({j.bup for j in JenjangJabatan})),
)
def test_tanggal_pensiun_properties(birth: date, bup: int) -> None:
    tmt = tanggal_pensiun(birth, bup)
    assert tmt.day == 1
    # After the BUP birthday, within the following month, and the person is BUP years old.
    assert umur(birth, tmt) == bup
    assert (tmt.year * 12 + tmt.month) - ((birth.year + bup) * 12 + birth.month) == 1
    bup_birthday = tambah_bulan(birth, 12 * bup)  # 29 Feb clamps to 28 Feb
    assert tmt > bup_birthday
    assert umur(birth, tmt - timedelta(days=1)) >= bup - 1


@PROPERTY
@given(
    st.dates(min_value=date(1940, 1, 1), max_value=date(2010, 12, 31)),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)),
    st.integers(min_value=0, max_value=120),
)
def test_is_pensiun_dalam_monotone(birth: date, today: date, months: int) -> None:
    if is_pensiun_dalam(birth, 58, today, months):
        assert is_pensiun_dalam(birth, 58, today, months + 1)
    else:
        assert not is_pensiun_dalam(birth, 60, today, months)
