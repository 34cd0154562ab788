"""Test helpers for transfer planning: fact factories and random small planning instances."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from mutasi_desktop.domain.jabatan import JenjangJabatan
from mutasi_desktop.domain.mutasi_rules import PersonFacts, PositionFacts
from mutasi_desktop.domain.optimiser_model import ModelOptions
from mutasi_desktop.domain.pegawai import JenisPegawai, TingkatPendidikan

TODAY = date(2026, 11, 1)
TMT = date(2026, 12, 1)
P = JenjangJabatan.PELAKSANA
SKILLS = ("Pengolahan data", "Microsoft Excel", "Administrasi perkantoran", "Kearsipan")
EDU = (TingkatPendidikan.SLTA, TingkatPendidikan.D3, TingkatPendidikan.S1)
GOL = ("II/a", "II/c", "III/a", "III/c")


def pos(
    jid: int,
    opd: int,
    kebutuhan: int | None,
    ada: int,
    *,
    reqs: tuple[str, ...] = (),
    edu: TingkatPendidikan | None = None,
    gol: str | None = None,
    jenjang: JenjangJabatan | None = P,
    nama: str | None = None,
    lokasi: str | None = None,
) -> PositionFacts:
    return PositionFacts(
        jabatan_id=jid,
        nama=nama or f"Jabatan {jid}",
        unit_id=jid * 10,
        unit=f"Unit {jid}",
        opd_id=opd,
        opd=f"OPD {opd}",
        jenjang=jenjang,
        pendidikan_min=edu,
        golongan_min=gol,
        kompetensi_syarat=reqs,
        kebutuhan=kebutuhan,
        pegawai_ada=ada,
        lokasi=lokasi,
    )


def man(
    pid: int,
    jid: int,
    *,
    skills: tuple[str, ...] = (),
    edu: TingkatPendidikan | None = TingkatPendidikan.S1,
    gol: str | None = "III/a",
    sikap: str | None = None,
    opd_pilihan: frozenset[int] = frozenset(),
    tmt_jabatan: date = date(2022, 6, 1),
    nama: str | None = None,
    **kw: object,
) -> PersonFacts:
    values: dict[str, object] = dict(
        pegawai_id=pid,
        nip=f"19900101201501{pid:04d}",
        nama=nama or f"Pegawai {pid}",
        jenis_pegawai=JenisPegawai.PNS,
        tanggal_lahir=date(1990, 1, 1),
        golongan=gol,
        pendidikan=edu,
        tmt_jabatan=tmt_jabatan,
        tmt_cpns=date(2010, 1, 1),
        tmt_pns=date(2011, 1, 1),
        jabatan_id=jid,
        jabatan_nama=f"Jabatan {jid}",
        jenjang=P,
        kompetensi=skills,
        sikap=sikap,
        opd_pilihan=opd_pilihan,
    )
    values.update(kw)
    return PersonFacts(**values)  # type: ignore[arg-type]


def options(**kw: object) -> ModelOptions:
    values: dict[str, object] = dict(tmt=TMT, today=TODAY)
    values.update(kw)
    return ModelOptions(**values)  # type: ignore[arg-type]


@st.composite
def instances(
    draw: st.DrawFn, max_people: int = 7, max_positions: int = 5
) -> tuple[list[PersonFacts], list[PositionFacts], ModelOptions]:
    """A small random regency: a few positions (short, balanced or in surplus) with
    requirements, people in them with skills, education, rank, aspirations and history."""
    n_pos = draw(st.integers(2, max_positions))
    positions: list[PositionFacts] = []
    for jid in range(1, n_pos + 1):
        positions.append(
            pos(
                jid,
                opd=draw(st.integers(1, 3)),
                kebutuhan=draw(st.one_of(st.none(), st.integers(0, 4))),
                ada=0,  # set below from the people
                reqs=tuple(draw(st.lists(st.sampled_from(SKILLS), max_size=3, unique=True))),
                edu=draw(st.one_of(st.none(), st.sampled_from(EDU))),
                gol=draw(st.one_of(st.none(), st.sampled_from(GOL))),
                jenjang=draw(st.sampled_from([P, P, P, JenjangJabatan.PENGAWAS])),
            )
        )
    people: list[PersonFacts] = []
    for pid in range(1, draw(st.integers(0, max_people)) + 1):
        jid = draw(st.integers(1, n_pos))
        people.append(
            man(
                pid,
                jid,
                skills=tuple(draw(st.lists(st.sampled_from(SKILLS), max_size=4, unique=True))),
                edu=draw(st.sampled_from(EDU)),
                gol=draw(st.sampled_from(GOL)),
                sikap=draw(
                    st.sampled_from([None, None, "bersedia", "tidak_bersedia", "ingin_pindah"])
                ),
                opd_pilihan=frozenset(draw(st.sets(st.integers(1, 3), max_size=1))),
                tmt_jabatan=draw(
                    st.sampled_from([date(2025, 6, 1), date(2022, 6, 1), date(2019, 1, 1)])
                ),
                hukuman_disiplin=draw(st.booleans()) and draw(st.booleans()),
                jenis_pegawai=draw(
                    st.sampled_from([JenisPegawai.PNS, JenisPegawai.PNS, JenisPegawai.PPPK])
                ),
            )
        )
    counts = {p.jabatan_id: 0 for p in positions}
    for m in people:
        counts[m.jabatan_id or 0] += 1
    extra = draw(st.lists(st.integers(0, 1), min_size=n_pos, max_size=n_pos))
    positions = [
        PositionFacts(**{**p.__dict__, "pegawai_ada": counts[p.jabatan_id] + e})
        for p, e in zip(positions, extra, strict=True)
    ]
    opts = options(
        max_moves=draw(st.one_of(st.none(), st.integers(0, 4))),
        allow_unwilling=draw(st.booleans()),
        min_kecocokan=draw(st.sampled_from([0.0, 0.5, 1.0])),
    )
    return people, positions, opts
