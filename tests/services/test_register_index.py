"""The in-memory register filter agrees with the SQL search, and sorts as promised."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from mutasi_desktop.domain.pegawai import JenisKelamin, JenisPegawai, StatusPegawai
from mutasi_desktop.services.bootstrap import Services, open_services
from mutasi_desktop.services.register_index import RegisterIndex, SortSpec
from mutasi_desktop.services.staff import StaffFilter
from mutasi_desktop.storage.models import Pegawai
from support import SmallOrg, draft

PEOPLE = [
    ("Andi Baso", date(1986, 9, 26), JenisKelamin.LAKI_LAKI, "III/a", "data_bansos", "sos"),
    ("Sitti Nurhayati", date(1990, 1, 2), JenisKelamin.PEREMPUAN, "II/c", "admin_hub", "hub"),
    ("Muhammad Yusuf", date(1979, 5, 17), JenisKelamin.LAKI_LAKI, "IV/a", "kadis_hub", "hubroot"),
    ("Nurul Aini", date(1992, 3, 15), JenisKelamin.PEREMPUAN, "III/b", "admin_sos", "sos"),
    ("Ahmad Ramli", date(1984, 11, 30), JenisKelamin.LAKI_LAKI, "III/c", "admin_hub", "hub"),
]


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    path: Path = tmp_path_factory.mktemp("reg") / "reg.sqlite3"
    svc = open_services(path)
    org = SmallOrg(svc)
    units = {"sos": org.sos_bidang_id, "hub": org.hub_bidang_id, "hubroot": org.hub_root_id}
    for i, (nama, birth, gender, gol, jab, unit) in enumerate(PEOPLE):
        svc.staff.create(
            draft(
                nama,
                birth=birth,
                gender=gender,
                seq=i + 1,
                golongan=gol,
                unit_id=units[unit],
                jabatan_id=getattr(org, f"{jab}_id"),
            )
        )
    ahmad = svc.staff.search(StaffFilter(search="ahmad"))[0].id
    svc.staff.deactivate(ahmad, "uji")
    yield svc
    svc.close()


QUERY = st.lists(
    st.sampled_from(
        [
            "andi",
            "NUR",
            "umum",
            "bansos",
            "1986",
            "0926 2015",
            "ya",
            "zz",
            "1",
            "%",
            "kepala",
            "s",
            "19790517",
        ]
    ),
    max_size=3,
).map(" ".join)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(
            QUERY,
            st.booleans(),
            st.sampled_from([None, JenisPegawai.PNS, JenisPegawai.PPPK]),
            st.sampled_from([None, StatusPegawai.AKTIF, StatusPegawai.CUTI]),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_memory_filter_equals_sql_search(
    register: Services,
    steps: list[tuple[str, bool, JenisPegawai | None, StatusPegawai | None]],
) -> None:
    """One index, filters applied in sequence (as a clerk types): always the SQL answer."""
    index = RegisterIndex(register.staff.all_rows())
    for query, inactive, jenis, status in steps:
        flt = StaffFilter(
            search=query, include_inactive=inactive, jenis_pegawai=jenis, status=status
        )
        index.set_filter(flt)
        assert [r.id for r in index.visible] == [r.id for r in register.staff.search(flt, None)]


def test_sorting_keeps_while_typing(register: Services) -> None:
    index = RegisterIndex(register.staff.all_rows())
    index.set_sort(SortSpec("golongan", descending=True))
    index.set_filter(StaffFilter(include_inactive=True))
    assert [r.golongan for r in index.visible] == ["IV/a", "III/c", "III/b", "III/a", "II/c"]
    index.set_filter(StaffFilter(search="a", include_inactive=False))
    assert [r.nama for r in index.visible] == [
        "Muhammad Yusuf",
        "Nurul Aini",
        "Andi Baso",
        "Sitti Nurhayati",
    ]
    index.set_sort(SortSpec("nama"))
    assert [r.nama for r in index.visible] == [
        "Andi Baso",
        "Muhammad Yusuf",
        "Nurul Aini",
        "Sitti Nurhayati",
    ]


def test_rebuild_search_text_repairs_a_stale_column(register: Services) -> None:
    with register.ctx.write_unchecked() as s:
        s.execute(update(Pegawai).values(teks_cari=""))
    assert register.staff.search(StaffFilter(search="andi")) == []
    with register.ctx.write_unchecked() as s:
        assert register.staff.rebuild_search_text(s) == len(PEOPLE)
    assert [r.nama for r in register.staff.search(StaffFilter(search="andi bansos"))] == [
        "Andi Baso"
    ]


def test_typing_more_letters_narrows_and_deleting_widens(register: Services) -> None:
    index = RegisterIndex(register.staff.all_rows())
    steps = ["n", "nu", "nur", "nur a", "nur", "", "19", "1986 09", "bansos andi"]
    for query in steps:
        index.set_filter(StaffFilter(search=query))
        expected = [r.id for r in register.staff.search(StaffFilter(search=query), None)]
        assert [r.id for r in index.visible] == expected, query
