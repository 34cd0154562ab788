"""Random cell values and layouts: the importer never crashes and never writes half an import."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.staff_import import detect_header
from mutasi_desktop.formats.spreadsheet import Sheet
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.staff_import import SourceSheet
from mutasi_desktop.storage.models import AuditLog, Opd, Pegawai, RiwayatJabatan
from support_import import TODAY, snapshot

_NIPS = [
    "198609262015051001",
    "199001022015052001",
    "197905172005031001",
    "199203152022122003",
    "198502282010011001",
    "'19850228 201001 1 002",
    "1,98503E+17",
    "198502282010011000",
]
_CELL = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(_NIPS),
    st.sampled_from(
        [
            "Andi Baso",
            "Sitti Nurhayati",
            "Muhammad Yusuf",
            "ANDI BASO",
            "III/a",
            "IV/b",
            "IX",
            "I/E",
            "L",
            "P",
            "M",
            "X",
            "Dinas Sosial",
            "Dinas Perhubungan",
            "Bidang Lalu Lintas",
            "Sekretariat",
            "Pengadministrasi Umum",
            "26-09-1986",
            "02-01-1990",
            "31-02-1985",
            "PNS",
            "PPPK",
            "JUMLAH",
            "B. BIDANG",
        ]
    ),
    st.text(max_size=12),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e18, max_value=1e18),
    st.dates(min_value=date(1940, 1, 1), max_value=date(2030, 1, 1)),
)
_HEADERS = ["NIP", "Nama", "Tanggal Lahir", "JK", "Gol", "Unit Kerja", "OPD", "Jabatan", "Lain"]


_PEOPLE = [
    ("198609262015051001", "Andi Baso", "26-09-1986", "L"),
    ("199001022015052001", "Sitti Nurhayati", "02-01-1990", "P"),
    ("197905172005031001", "Muhammad Yusuf", "17-05-1979", "L"),
    ("199203152022122003", "Maria Lempang", "15-03-1992", "P"),
    ("198502282010011001", "Basri Tahir", "28-02-1985", "L"),
    ("198811302019031004", "Rahmawati", "30-11-1988", "P"),
]
_FILLERS = [["A. SEKRETARIAT"], [None, "JUMLAH", None, 3], [], [1, 2, 3, 4, 5]]


@st.composite
def layouts(draw: st.DrawFn) -> list[list[Any]]:
    """Sheets of real-looking people in a random layout, some cells damaged at random."""
    titles = draw(st.lists(st.lists(_CELL, max_size=2), max_size=2))
    extra = draw(st.permutations(_HEADERS[2:]))[: draw(st.integers(0, 7))]
    if draw(st.integers(0, 4)) and "Unit Kerja" not in extra:
        extra.append("Unit Kerja")  # usually there: a new person needs a unit
    header = list(draw(st.permutations(["NIP", "Nama", *extra])))
    people = draw(st.permutations(_PEOPLE))[: draw(st.integers(0, len(_PEOPLE)))]
    if people and draw(st.integers(0, 5)) == 0:
        people.append(people[0])  # now and then a duplicate
    body: list[list[Any]] = []
    for person in people:
        if draw(st.integers(0, 5)) == 0:
            body.append(list(draw(st.sampled_from(_FILLERS))))
        nip, nama, lahir, jk = person
        value = {
            "NIP": nip,
            "Nama": nama,
            "Tanggal Lahir": lahir,
            "JK": jk,
            "Gol": draw(st.sampled_from(["III/a", "III b", "IV/a", "II/c"])),
            "Unit Kerja": draw(
                st.sampled_from(["Bidang Lalu Lintas", "Sekretariat", "Dinas Sosial"])
            ),
            "OPD": draw(st.sampled_from(["Dinas Perhubungan", "Dinas Sosial"])),
            "Jabatan": draw(st.sampled_from(["Pengadministrasi Umum", "Analis", None])),
            "Lain": draw(_CELL),
        }
        row = [
            draw(_CELL) if draw(st.integers(0, 14)) == 0 else value[h]  # one cell in fifteen
            for h in header
        ]
        body.append(row)
    return [*titles, header, *body]


def _count(svc: Services, model: type) -> int:
    with svc.ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=layouts(), skip_invalid=st.booleans())
def test_random_imports_are_all_or_nothing(
    sqlite_services: Services, rows: list[list[Any]], skip_invalid: bool
) -> None:
    svc = sqlite_services
    svc.ctx.clock = lambda: TODAY
    source = SourceSheet(
        Path("acak.xlsx"), ("Lembar1",), Sheet("Lembar1", rows, "xlsx"), detect_header(rows)
    )
    before = snapshot(svc)
    people_before = _count(svc, Pegawai)
    preview = svc.staff_import.preview(source)
    try:
        result = svc.staff_import.apply(preview, skip_invalid=skip_invalid)
    except DomainError as exc:
        event(f"refused: {exc.code}")
        assert snapshot(svc) == before  # refused: not one row written
        return
    if not result.written:
        event("nothing to write")
        assert snapshot(svc) == before
        return
    event("written")
    # Written: exactly the accepted rows, each a complete person with history and audit.
    assert _count(svc, Pegawai) == people_before + result.counts.baru
    assert result.counts.tolak == 0 or skip_invalid
    with svc.ctx.read() as s:
        batch_rows = s.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.batch == result.batch)
        )
        orphans = s.scalar(
            select(func.count())
            .select_from(Pegawai)
            .where(Pegawai.unit_id.is_(None) | ~Pegawai.nip.regexp_match("^[0-9]{18}$"))
        )
        no_history = s.scalar(
            select(func.count())
            .select_from(Pegawai)
            .where(~Pegawai.id.in_(select(RiwayatJabatan.pegawai_id)))
        )
    assert batch_rows is not None and batch_rows >= 1 + result.counts.baru + result.counts.ubah
    assert orphans == 0 and no_history == 0
    assert _count(svc, Opd) >= 1
