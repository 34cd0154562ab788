"""Read the facts the transfer rules and the optimiser need (people, positions, balances)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from mutasi_desktop.domain.mutasi_rules import (
    SIKAP_BERSEDIA,
    SIKAP_INGIN_PINDAH,
    PersonFacts,
    PositionFacts,
    parse_syarat,
)
from mutasi_desktop.domain.mutasi_workflow import STATUS_TERBUKA, StatusUsulan
from mutasi_desktop.domain.pegawai import StatusPegawai, nama_lengkap
from mutasi_desktop.domain.tanggal import tambah_bulan
from mutasi_desktop.services.abk import register_counts
from mutasi_desktop.services.planning_types import Tempat
from mutasi_desktop.storage.models import (
    Aspirasi,
    Jabatan,
    Kompetensi,
    Opd,
    Pegawai,
    Pelatihan,
    RiwayatJabatan,
    UnitKerja,
)
from mutasi_desktop.storage.models_mutasi import UsulanMutasi

IN_SERVICE = [s for s in StatusPegawai if s.is_in_service]
_OPEN = sorted(STATUS_TERBUKA)


def default_tmt(today: date) -> date:
    """The usual planned TMT: the 1st of next month."""
    return tambah_bulan(today.replace(day=1), 1)


@dataclass
class OpenMoves:
    """Proposals on their way: net headcount change per position and count per person."""

    rencana: dict[int, int] = field(default_factory=dict)
    per_pegawai: Counter[int] = field(default_factory=Counter)
    jumlah: int = 0


def open_moves(session: Session, *, exclude: int | None = None) -> OpenMoves:
    stmt = select(
        UsulanMutasi.id,
        UsulanMutasi.pegawai_id,
        UsulanMutasi.jabatan_asal_id,
        UsulanMutasi.jabatan_tujuan_id,
    ).where(UsulanMutasi.status.in_(_OPEN))
    out = OpenMoves()
    rencana: defaultdict[int, int] = defaultdict(int)
    for r in session.execute(stmt):
        if r.id == exclude:
            continue
        out.jumlah += 1
        out.per_pegawai[r.pegawai_id] += 1
        if r.jabatan_asal_id is not None:
            rencana[r.jabatan_asal_id] -= 1
        if r.jabatan_tujuan_id is not None:
            rencana[r.jabatan_tujuan_id] += 1
    out.rencana = {k: v for k, v in rencana.items() if v}
    return out


def load_positions(
    session: Session,
    ids: Iterable[int] | None,
    *,
    kebutuhan: Mapping[int, int | None],
    ada: Mapping[int, int] | None = None,
    rencana: Mapping[int, int] | None = None,
) -> dict[int, PositionFacts]:
    """Positions with requirements, ABK need and headcount (register when ``ada`` lacks one)."""
    stmt = (
        select(
            Jabatan.id,
            Jabatan.nama,
            Jabatan.unit_id,
            Jabatan.jenjang,
            Jabatan.pendidikan_min,
            Jabatan.golongan_min,
            Jabatan.kompetensi_syarat,
            Jabatan.aktif,
            UnitKerja.nama.label("unit"),
            UnitKerja.lokasi,
            UnitKerja.opd_id,
            Opd.nama.label("opd"),
        )
        .join(UnitKerja, UnitKerja.id == Jabatan.unit_id)
        .join(Opd, Opd.id == UnitKerja.opd_id)
    )
    id_list = None if ids is None else sorted(set(ids))
    if id_list is not None:
        stmt = stmt.where(Jabatan.id.in_(id_list))
    rows = session.execute(stmt).all()
    counts = dict(ada or {})
    missing = [r.id for r in rows if r.id not in counts]
    if missing:
        register = register_counts(session, missing if id_list is not None else None)
        for jid in missing:
            counts[jid] = register.get(jid, 0)
    plan = rencana or {}
    return {
        r.id: PositionFacts(
            jabatan_id=r.id,
            nama=r.nama,
            unit_id=r.unit_id,
            unit=r.unit,
            opd_id=r.opd_id,
            opd=r.opd,
            jenjang=r.jenjang,
            pendidikan_min=r.pendidikan_min,
            golongan_min=r.golongan_min,
            kompetensi_syarat=parse_syarat(r.kompetensi_syarat),
            kebutuhan=kebutuhan.get(r.id),
            pegawai_ada=counts.get(r.id, 0),
            rencana=plan.get(r.id, 0),
            aktif=bool(r.aktif),
            lokasi=r.lokasi,
        )
        for r in rows
    }


def tempat(p: PositionFacts) -> Tempat:
    return Tempat(p.jabatan_id, p.nama, p.unit_id, p.unit, p.opd_id, p.opd)


def load_people(
    session: Session,
    *,
    ids: Iterable[int] | None = None,
    jabatan_ids: Iterable[int] | None = None,
    per_pegawai: Mapping[int, int] | None = None,
) -> dict[int, PersonFacts]:
    """People by id or by current position (active, in service), with skills, completed
    trainings, latest aspiration and last transfer."""
    conds: list[ColumnElement[bool]] = []
    if ids is not None:
        conds.append(Pegawai.id.in_(sorted(set(ids))))
    if jabatan_ids is not None:
        conds.append(Pegawai.jabatan_id.in_(sorted(set(jabatan_ids))))
        conds.append(Pegawai.aktif.is_(True))
        conds.append(Pegawai.status.in_(IN_SERVICE))
    base = (
        select(
            Pegawai.id,
            Pegawai.nip,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.jenis_pegawai,
            Pegawai.status,
            Pegawai.aktif,
            Pegawai.hukuman_disiplin,
            Pegawai.tanggal_lahir,
            Pegawai.golongan,
            Pegawai.pendidikan_tingkat,
            Pegawai.tmt_jabatan,
            Pegawai.tmt_cpns,
            Pegawai.tmt_pns,
            Pegawai.kontrak_selesai,
            Pegawai.jabatan_id,
            Jabatan.jenjang,
            Jabatan.nama.label("jabatan_nama"),
        )
        .outerjoin(Jabatan, Jabatan.id == Pegawai.jabatan_id)
        .where(*conds)
        .order_by(Pegawai.id)
    )
    rows = session.execute(base).all()
    if not rows:
        return {}

    def children(*cols: Any) -> Any:
        return select(*cols).join(Pegawai, Pegawai.id == cols[0].class_.pegawai_id).where(*conds)

    skills: defaultdict[int, list[str]] = defaultdict(list)
    for pid, nama in session.execute(
        children(Kompetensi.pegawai_id, Kompetensi.nama).order_by(Kompetensi.id)
    ):
        skills[pid].append(nama)
    courses: defaultdict[int, list[str]] = defaultdict(list)
    for pid, nama in session.execute(
        children(Pelatihan.pegawai_id, Pelatihan.nama)
        .where(Pelatihan.status == "selesai")
        .order_by(Pelatihan.id)
    ):
        courses[pid].append(nama)
    latest: dict[int, Any] = {}
    for a in session.execute(
        children(
            Aspirasi.pegawai_id,
            Aspirasi.id,
            Aspirasi.tanggal,
            Aspirasi.sikap,
            Aspirasi.opd_tujuan_id,
            Aspirasi.lokasi_tujuan,
        )
    ):
        key = (a.tanggal or date.min, a.id)
        prev = latest.get(a.pegawai_id)
        if prev is None or key > (prev.tanggal or date.min, prev.id):
            latest[a.pegawai_id] = a
    moved: dict[int, date] = {}
    # A position history row that follows another one is a move; the first is the appointment.
    history: defaultdict[int, list[date]] = defaultdict(list)
    for pid, start in session.execute(
        children(RiwayatJabatan.pegawai_id, RiwayatJabatan.tmt_mulai)
    ):
        if start is not None:
            history[pid].append(start)
    for pid, starts in history.items():
        if len(starts) >= 2:
            moved[pid] = max(starts)
    for pid, tmt in session.execute(
        children(UsulanMutasi.pegawai_id, func.max(UsulanMutasi.tmt_rencana))
        .where(UsulanMutasi.status == StatusUsulan.DILAKSANAKAN)
        .group_by(UsulanMutasi.pegawai_id)
    ):
        if tmt is not None and (pid not in moved or tmt > moved[pid]):
            moved[pid] = tmt
    open_count = per_pegawai or {}
    out: dict[int, PersonFacts] = {}
    for r in rows:
        asp = latest.get(r.id)
        sikap = asp.sikap if asp is not None else None
        wants = sikap in (SIKAP_BERSEDIA, SIKAP_INGIN_PINDAH)
        out[r.id] = PersonFacts(
            pegawai_id=r.id,
            nip=r.nip,
            nama=nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang),
            jenis_pegawai=r.jenis_pegawai,
            status=r.status,
            aktif=bool(r.aktif),
            hukuman_disiplin=bool(r.hukuman_disiplin),
            tanggal_lahir=r.tanggal_lahir,
            golongan=r.golongan,
            pendidikan=r.pendidikan_tingkat,
            tmt_jabatan=r.tmt_jabatan,
            tmt_cpns=r.tmt_cpns,
            tmt_pns=r.tmt_pns,
            kontrak_selesai=r.kontrak_selesai,
            jabatan_id=r.jabatan_id,
            jabatan_nama=r.jabatan_nama,
            jenjang=r.jenjang,
            kompetensi=tuple(skills.get(r.id, ())),
            pelatihan=tuple(courses.get(r.id, ())),
            pindah_terakhir=moved.get(r.id),
            sikap=sikap,
            opd_pilihan=(
                frozenset({asp.opd_tujuan_id})
                if wants and asp is not None and asp.opd_tujuan_id is not None
                else frozenset()
            ),
            lokasi_pilihan=(
                (asp.lokasi_tujuan,) if wants and asp is not None and asp.lokasi_tujuan else ()
            ),
            usulan_terbuka=int(open_count.get(r.id, 0)),
        )
    return out
