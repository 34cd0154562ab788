"""Matching names of OPDs, units, positions and people from files to known ones."""

from __future__ import annotations

import pytest

from mutasi_desktop.domain.org_match import edit_distance, is_typo_of, name_key, same_person_name


def test_name_key_ignores_case_spacing_punctuation_and_ampersands() -> None:
    assert name_key("Dinas Sosial & P3A") == name_key("dinas  sosial dan p3a")
    assert name_key("Kab. Mamuju") == "kabupaten mamuju"
    assert name_key("Sekretariat  DPRD") == "sekretariat dprd"


@pytest.mark.parametrize(
    ("a", "b", "typo"),
    [
        ("Bidang Perlindngan Sosial", "Bidang Perlindungan Sosial", True),
        ("Dinas Perhubugnan", "Dinas Perhubungan", True),  # swapped letters
        ("Seksi A", "Seksi B", False),
        ("Bidang I", "Bidang II", False),
        ("Puskesmas Mamuju", "Puskesmas Mamuju Utara", False),
        ("SD Negeri 1 Kalukku", "SD Negeri 2 Kalukku", False),
        ("Dinas Sosial", "Dinas Sosial", False),  # equal is not a typo
    ],
)
def test_only_slips_inside_long_words_count_as_typos(a: str, b: str, typo: bool) -> None:
    assert is_typo_of(name_key(a), name_key(b)) is typo


def test_edit_distance_is_bounded() -> None:
    assert edit_distance("nama", "nmaa", 2) == 1
    assert edit_distance("abc", "abcdefgh", 2) == 3  # stops early: more than the limit


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Andi Baso", "ANDI BASO", True),
        ("Andi Baso", "Andi Baso Tahir", True),
        ("Sitti Nurhayati", "Siti Nurhayati", True),
        ("Andi Baso", "Hasnah Tahir", False),
        ("", "Hasnah", True),
    ],
)
def test_same_person_name(a: str, b: str, same: bool) -> None:
    assert same_person_name(a, b) is same
