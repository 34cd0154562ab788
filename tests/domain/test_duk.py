"""The DUK sort key (PP 15/1979 order: pangkat, jabatan, masa kerja, pendidikan, usia)."""

from __future__ import annotations

from datetime import date

from mutasi_desktop.domain.duk import duk_key, in_duk


def key(**kw: object) -> tuple[object, ...]:
    base: dict[str, object] = {
        "golongan": "III/a",
        "tmt_golongan": date(2019, 4, 1),
        "jenjang": "pelaksana",
        "tmt_cpns": date(2015, 1, 1),
        "pendidikan": "S-1",
        "tanggal_lahir": date(1990, 1, 1),
    }
    base.update(kw)
    return duk_key(**base)  # type: ignore[arg-type]


def test_each_criterion_in_turn() -> None:
    assert key(golongan="III/b") < key()  # higher pangkat first
    assert key(tmt_golongan=date(2018, 4, 1)) < key()  # longer in the pangkat first
    assert key(jenjang="administrator") < key()  # higher position first
    assert key(tmt_cpns=date(2010, 1, 1)) < key()  # longer service first
    assert key(pendidikan="S-2") < key()  # higher education first
    assert key(tanggal_lahir=date(1980, 1, 1)) < key()  # older first
    # The earlier criterion wins over all later ones.
    assert key(golongan="III/b", tanggal_lahir=date(1999, 1, 1)) < key(
        tmt_golongan=date(2000, 1, 1)
    )


def test_missing_values_sort_last_and_pppk_is_not_ranked() -> None:
    assert key() < key(tmt_golongan=None) and key() < key(jenjang=None)
    assert key() < key(golongan=None)
    assert in_duk("PNS") and in_duk("CPNS") and not in_duk("PPPK")
