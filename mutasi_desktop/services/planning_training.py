"""Training after a transfer: the gap between a person and the target position becomes training
needs, which are planned and completed (the staff record gets the training and the skill)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_rules import (
    JenisKebutuhan,
    PersonFacts,
    PositionFacts,
    TrainingNeed,
    normalise_skill,
    training_gap,
)
from mutasi_desktop.domain.mutasi_workflow import Hak, StatusPelatihan
from mutasi_desktop.services import audit
from mutasi_desktop.services.context import Action
from mutasi_desktop.services.planning_base import (
    ENTITAS_PELATIHAN,
    PlanningBase,
    people_brief,
    touch,
)
from mutasi_desktop.services.planning_facts import load_people, load_positions
from mutasi_desktop.services.planning_types import KebutuhanPelatihanInfo, PelatihanDraft
from mutasi_desktop.storage.models import Kompetensi, Pegawai, Pelatihan
from mutasi_desktop.storage.models_mutasi import KebutuhanPelatihan, UsulanMutasi

PELATIHAN_SELESAI = "selesai"
PELATIHAN_DIRENCANAKAN = "direncanakan"


def sync_needs(
    session: Session,
    row: UsulanMutasi,
    person: PersonFacts,
    tujuan: PositionFacts | None,
    now: datetime,
) -> None:
    """Make a proposal's training needs follow its current gap: new gaps are added as planned,
    planned needs nobody has started on are dropped when the gap closes; completed, cancelled
    or scheduled needs stay as history."""
    gap = training_gap(person, tujuan) if tujuan is not None else ()
    wanted = {(n.topik, n.jenis) for n in gap}
    existing = session.scalars(
        select(KebutuhanPelatihan).where(KebutuhanPelatihan.usulan_id == row.id)
    ).all()
    have = {(e.topik, JenisKebutuhan(e.jenis)): e for e in existing}
    for key, e in have.items():
        untouched = e.status == StatusPelatihan.DIRENCANAKAN and e.nama_pelatihan is None
        if key not in wanted and untouched:
            session.delete(e)
    for n in gap:
        if (n.topik, n.jenis) not in have:
            session.add(
                KebutuhanPelatihan(
                    usulan_id=row.id,
                    pegawai_id=row.pegawai_id,
                    topik=n.topik[:150],
                    jenis=n.jenis,
                    status=StatusPelatihan.DIRENCANAKAN,
                    dibuat_pada=now,
                )
            )
    session.flush()


def cancel_needs(session: Session, usulan_id: int, catatan: str) -> None:
    """A proposal that ends without a move cancels its planned training needs."""
    for e in session.scalars(
        select(KebutuhanPelatihan).where(
            KebutuhanPelatihan.usulan_id == usulan_id,
            KebutuhanPelatihan.status == StatusPelatihan.DIRENCANAKAN,
        )
    ):
        e.status = StatusPelatihan.DIBATALKAN
        e.catatan = catatan


def _info(e: KebutuhanPelatihan, nip: str, nama: str) -> KebutuhanPelatihanInfo:
    return KebutuhanPelatihanInfo(
        id=e.id,
        usulan_id=e.usulan_id,
        pegawai_id=e.pegawai_id,
        nip=nip,
        nama=nama,
        topik=e.topik,
        jenis=JenisKebutuhan(e.jenis),
        status=StatusPelatihan(e.status),
        nama_pelatihan=e.nama_pelatihan,
        penyelenggara=e.penyelenggara,
        tanggal_mulai=e.tanggal_mulai,
        tanggal_selesai=e.tanggal_selesai,
        jam_pelajaran=e.jam_pelajaran,
        pelatihan_id=e.pelatihan_id,
        catatan=e.catatan,
    )


def need_infos(
    session: Session, rows: Sequence[KebutuhanPelatihan]
) -> list[KebutuhanPelatihanInfo]:
    who = people_brief(session, [e.pegawai_id for e in rows])
    return [_info(e, *who.get(e.pegawai_id, ("", "", None))[:2]) for e in rows]


class TrainingMixin(PlanningBase):
    """Training needs of transfers."""

    def training_gap(self, pegawai_id: int, jabatan_id: int) -> tuple[TrainingNeed, ...]:
        """What the person would need for the position (preview before proposing)."""
        self.require(Hak.BACA)
        with self.ctx.read() as s:
            person = load_people(s, ids=[pegawai_id]).get(pegawai_id)
            pos = load_positions(s, [jabatan_id], kebutuhan={}).get(jabatan_id)
        if person is None:
            raise DomainError("pegawai.tidak_ditemukan")
        if pos is None:
            raise DomainError("jabatan.tidak_ditemukan")
        return training_gap(person, pos)

    def training_needs(
        self,
        *,
        usulan_id: int | None = None,
        pegawai_id: int | None = None,
        status: StatusPelatihan | None = None,
    ) -> list[KebutuhanPelatihanInfo]:
        self.require(Hak.BACA)
        stmt = select(KebutuhanPelatihan).order_by(KebutuhanPelatihan.id)
        if usulan_id is not None:
            stmt = stmt.where(KebutuhanPelatihan.usulan_id == usulan_id)
        if pegawai_id is not None:
            stmt = stmt.where(KebutuhanPelatihan.pegawai_id == pegawai_id)
        if status is not None:
            stmt = stmt.where(KebutuhanPelatihan.status == status)
        with self.ctx.read() as s:
            return need_infos(s, s.scalars(stmt).all())

    def _need(self, s: Session, need_id: int) -> KebutuhanPelatihan:
        e = s.get(KebutuhanPelatihan, need_id)
        if e is None:
            raise DomainError("mutasi.pelatihan_tidak_ditemukan")
        if e.status != StatusPelatihan.DIRENCANAKAN:
            raise DomainError(
                "mutasi.pelatihan_sudah_selesai",
                topik=e.topik,
                status=StatusPelatihan(e.status).label,
            )
        return e

    def plan_training(self, need_id: int, draft: PelatihanDraft) -> KebutuhanPelatihanInfo:
        """Schedule a course for a need; the person's record lists it as planned."""
        nama = " ".join(draft.nama_pelatihan.split())
        if not nama:
            raise DomainError("field.wajib", label="Nama pelatihan")
        with self.ctx.write(Action.MUTASI_DRAFT) as s:
            e = self._need(s, need_id)
            before = _snapshot(e)
            self._apply(e, draft, nama)
            person = s.get(Pegawai, e.pegawai_id)
            assert person is not None
            course = s.get(Pelatihan, e.pelatihan_id) if e.pelatihan_id else None
            if course is None:
                course = Pelatihan(pegawai_id=person.id, nama=nama)
                s.add(course)
            course.nama = nama[:250]
            course.penyelenggara = e.penyelenggara
            course.tanggal_mulai = e.tanggal_mulai
            course.tanggal_selesai = e.tanggal_selesai
            course.jam_pelajaran = e.jam_pelajaran
            course.status = PELATIHAN_DIRENCANAKAN
            touch(person)
            s.flush()
            e.pelatihan_id = course.id
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.pelatihan_rencana",
                entitas=ENTITAS_PELATIHAN,
                entitas_id=e.id,
                ringkasan=f"Pelatihan \u201c{nama}\u201d direncanakan untuk {e.topik}",
                sebelum=before,
                sesudah=_snapshot(e),
            )
            return need_infos(s, [e])[0]

    def complete_training(
        self, need_id: int, draft: PelatihanDraft | None = None
    ) -> KebutuhanPelatihanInfo:
        """Mark a need met: the course is recorded as completed on the staff record and, for a
        competency, the person gains that skill (so the next rule check sees it)."""
        with self.ctx.write(Action.MUTASI_DRAFT) as s:
            e = self._need(s, need_id)
            before = _snapshot(e)
            if draft is not None:
                self._apply(e, draft, " ".join(draft.nama_pelatihan.split()) or e.topik)
            e.nama_pelatihan = e.nama_pelatihan or f"Pelatihan {e.topik}"
            e.tanggal_selesai = e.tanggal_selesai or self._today()
            e.status = StatusPelatihan.SELESAI
            person = s.get(Pegawai, e.pegawai_id)
            assert person is not None
            course = s.get(Pelatihan, e.pelatihan_id) if e.pelatihan_id else None
            if course is None:
                course = Pelatihan(pegawai_id=person.id, nama=e.nama_pelatihan[:250])
                s.add(course)
            course.nama = e.nama_pelatihan[:250]
            course.penyelenggara = e.penyelenggara
            course.tanggal_mulai = e.tanggal_mulai
            course.tanggal_selesai = e.tanggal_selesai
            course.jam_pelajaran = e.jam_pelajaran
            course.status = PELATIHAN_SELESAI
            if e.jenis == JenisKebutuhan.KOMPETENSI:
                known = {
                    normalise_skill(k)
                    for k in s.scalars(
                        select(Kompetensi.nama).where(Kompetensi.pegawai_id == person.id)
                    )
                }
                if normalise_skill(e.topik) not in known:
                    s.add(
                        Kompetensi(
                            pegawai_id=person.id,
                            nama=e.topik[:150],
                            keterangan=f"Dari {e.nama_pelatihan}"[:250],
                        )
                    )
            touch(person)
            s.flush()
            e.pelatihan_id = course.id
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.pelatihan_selesai",
                entitas=ENTITAS_PELATIHAN,
                entitas_id=e.id,
                ringkasan=f"Pelatihan {e.topik} selesai: {e.nama_pelatihan}",
                sebelum=before,
                sesudah=_snapshot(e),
            )
            return need_infos(s, [e])[0]

    def cancel_training(self, need_id: int, catatan: str) -> KebutuhanPelatihanInfo:
        with self.ctx.write(Action.MUTASI_DRAFT) as s:
            e = self._need(s, need_id)
            before = _snapshot(e)
            e.status = StatusPelatihan.DIBATALKAN
            e.catatan = " ".join(catatan.split()) or None
            s.flush()
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.pelatihan_batal",
                entitas=ENTITAS_PELATIHAN,
                entitas_id=e.id,
                ringkasan=f"Kebutuhan pelatihan {e.topik} dibatalkan",
                sebelum=before,
                sesudah=_snapshot(e),
            )
            return need_infos(s, [e])[0]

    @staticmethod
    def _apply(e: KebutuhanPelatihan, d: PelatihanDraft, nama: str) -> None:
        e.nama_pelatihan = nama[:250]
        e.penyelenggara = (d.penyelenggara or "").strip() or None
        e.tanggal_mulai = d.tanggal_mulai
        e.tanggal_selesai = d.tanggal_selesai
        e.jam_pelajaran = d.jam_pelajaran


def _snapshot(e: KebutuhanPelatihan) -> dict[str, object]:
    return audit.jsonable(
        {
            "usulan_id": e.usulan_id,
            "pegawai_id": e.pegawai_id,
            "topik": e.topik,
            "jenis": e.jenis,
            "status": e.status,
            "nama_pelatihan": e.nama_pelatihan,
            "penyelenggara": e.penyelenggara,
            "tanggal_mulai": e.tanggal_mulai,
            "tanggal_selesai": e.tanggal_selesai,
            "jam_pelajaran": e.jam_pelajaran,
            "catatan": e.catatan,
        }
    )
