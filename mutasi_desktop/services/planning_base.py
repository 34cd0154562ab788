"""Shared plumbing of ``PlanningService``: permissions, the clock, ABK balances, proposal rows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_rules import RuleResult
from mutasi_desktop.domain.mutasi_workflow import Hak, StatusUsulan, SumberUsulan
from mutasi_desktop.domain.pegawai import nama_lengkap
from mutasi_desktop.services.abk import AbkService
from mutasi_desktop.services.context import Action, AllowAll, ServiceContext
from mutasi_desktop.services.planning_types import (
    Pengabaian,
    Tempat,
    UsulanChange,
    UsulanDraft,
    UsulanInfo,
)
from mutasi_desktop.storage.models import AnalisisAbk, Jabatan, Opd, Pegawai, UnitKerja
from mutasi_desktop.storage.models_mutasi import BatchMutasi, UsulanMutasi

ENTITAS_USULAN = "usulan_mutasi"
ENTITAS_BATCH = "batch_mutasi"
ENTITAS_FORUM = "forum_konsultasi"
ENTITAS_KEBERATAN = "keberatan"
ENTITAS_PELATIHAN = "kebutuhan_pelatihan"
ENTITAS_PEGAWAI = "pegawai"
# Above this many positions one whole ABK report is cheaper than one computation per position.
_REPORT_THRESHOLD = 20


class PlanningBase:
    """State and helpers the planning mixins share."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---- permissions and time ---------------------------------------------------------------
    def require(self, hak: Hak) -> None:
        self.ctx.require(Action(hak.value))

    def _now(self) -> datetime:
        return self.ctx.clock()

    def _today(self) -> date:
        return self.ctx.today()

    # ---- ABK -----------------------------------------------------------------------------
    def _abk(self) -> AbkService:
        """ABK reads on behalf of a planning call: the right to take the planning step covers
        reading the balances its rules need, so a verifier needs no separate ABK permission."""
        return AbkService(replace(self.ctx, policy=AllowAll()))

    def _abk_year(self) -> int | None:
        with self.ctx.read() as s:
            return s.scalar(select(func.max(AnalisisAbk.tahun)))

    def _balances(self, jabatan_ids: Iterable[int]) -> tuple[dict[int, int | None], dict[int, int]]:
        """Rounded ABK need (None: the position has no ABK) and present headcount per position,
        from the newest analysis year."""
        ids = sorted({j for j in jabatan_ids if j is not None})
        need: dict[int, int | None] = {}
        ada: dict[int, int] = {}
        tahun = self._abk_year()
        if tahun is None or not ids:
            return need, ada
        abk = self._abk()
        if len(ids) > _REPORT_THRESHOLD:
            wanted = set(ids)
            report = abk.report(tahun)
            rows: Iterable[Any] = [p for p in report.positions if p.jabatan_id in wanted]
        else:
            rows = [abk.position(jid, tahun) for jid in ids]
        for p in rows:
            has_abk = p.jumlah_tugas > 0 or p.pegawai_berkas is not None
            need[p.jabatan_id] = p.kebutuhan_bulat if has_abk else None
            ada[p.jabatan_id] = p.pegawai_ada
        return need, ada

    # ---- proposal rows -------------------------------------------------------------------
    def _create_many(
        self,
        drafts: Sequence[UsulanDraft],
        overrides: Sequence[Mapping[str, str]],
        *,
        sumber: SumberUsulan,
        rencana_ref: str | None = None,
    ) -> list[UsulanChange]:
        raise NotImplementedError  # PlanningService provides it


def places(session: Session, ids: Iterable[int | None]) -> dict[int, Tempat]:
    wanted = sorted({i for i in ids if i is not None})
    if not wanted:
        return {}
    rows = session.execute(
        select(
            Jabatan.id,
            Jabatan.nama,
            Jabatan.unit_id,
            UnitKerja.nama.label("unit"),
            UnitKerja.opd_id,
            Opd.nama.label("opd"),
        )
        .join(UnitKerja, UnitKerja.id == Jabatan.unit_id)
        .join(Opd, Opd.id == UnitKerja.opd_id)
        .where(Jabatan.id.in_(wanted))
    )
    return {r.id: Tempat(r.id, r.nama, r.unit_id, r.unit, r.opd_id, r.opd) for r in rows}


def people_brief(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, str, str | None]]:
    """pegawai id -> (NIP, full name with titles, golongan)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(
            Pegawai.id,
            Pegawai.nip,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.golongan,
        ).where(Pegawai.id.in_(wanted))
    )
    return {
        r.id: (r.nip, nama_lengkap(r.nama, r.gelar_depan, r.gelar_belakang), r.golongan)
        for r in rows
    }


def pengabaian_of(doc: Any) -> dict[str, Pengabaian]:
    out: dict[str, Pengabaian] = {}
    for code, value in (doc or {}).items():
        waktu = value.get("waktu")
        out[code] = Pengabaian(
            kode=code,
            alasan=str(value.get("alasan", "")),
            oleh=str(value.get("oleh", "")),
            waktu=datetime.fromisoformat(waktu) if waktu else datetime.min,
        )
    return out


def rules_of(doc: Any) -> tuple[RuleResult, ...]:
    return tuple(RuleResult.from_json(r) for r in (doc or ()))


def infos(session: Session, rows: Sequence[UsulanMutasi]) -> list[UsulanInfo]:
    """List rows for proposals (three queries whatever the number of rows)."""
    where = places(session, [r.jabatan_asal_id for r in rows] + [r.jabatan_tujuan_id for r in rows])
    who = people_brief(session, [r.pegawai_id for r in rows])
    batch_ids = sorted({r.batch_id for r in rows if r.batch_id is not None})
    batches = (
        dict(session.execute(select(BatchMutasi.id, BatchMutasi.nama).where(
            BatchMutasi.id.in_(batch_ids)
        )).all())
        if batch_ids
        else {}
    )  # fmt: skip
    out: list[UsulanInfo] = []
    for r in rows:
        nip, nama, gol = who.get(r.pegawai_id, ("", "", None))
        out.append(
            UsulanInfo(
                id=r.id,
                pegawai_id=r.pegawai_id,
                nip=nip,
                nama=nama,
                golongan=gol,
                jenis=r.jenis,
                asal=where.get(r.jabatan_asal_id) if r.jabatan_asal_id else None,
                tujuan=where.get(r.jabatan_tujuan_id) if r.jabatan_tujuan_id else None,
                instansi_lain=r.instansi_lain,
                alasan=r.alasan,
                tmt_rencana=r.tmt_rencana,
                status=StatusUsulan(r.status),
                sumber=SumberUsulan(r.sumber),
                batch_id=r.batch_id,
                batch_nama=batches.get(r.batch_id) if r.batch_id is not None else None,
                aturan=rules_of(r.peringatan),
                pengabaian=pengabaian_of(r.pengabaian),
                versi=r.versi,
                dibuat_oleh=r.dibuat_oleh,
                dibuat_pada=r.dibuat_pada,
                diubah_pada=r.diubah_pada,
            )
        )
    return out


def touch(person: Pegawai) -> None:
    """Mark the staff record changed so its version moves on: an editor holding the old
    version then refuses to overwrite the aspirations, skills or trainings added here."""
    flag_modified(person, "nama")


def require_usulan(session: Session, usulan_id: int) -> UsulanMutasi:
    row = session.get(UsulanMutasi, usulan_id)
    if row is None:
        raise DomainError("mutasi.usulan_tidak_ditemukan")
    return row
