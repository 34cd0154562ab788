"""Consultation before transfers: forums, each person's aspirations, and formal objections
(keberatan) with their legal clocks (14 days to file after the decree, 21 days to answer)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_workflow import (
    HAMPIR_HARI,
    Hak,
    StatusKeberatan,
    Tenggat,
    jam_keberatan,
)
from mutasi_desktop.domain.staff_record import SIKAP_ASPIRASI, AspirasiItem
from mutasi_desktop.services import audit
from mutasi_desktop.services.context import Action
from mutasi_desktop.services.planning_base import (
    ENTITAS_FORUM,
    ENTITAS_KEBERATAN,
    ENTITAS_PEGAWAI,
    PlanningBase,
    people_brief,
    touch,
)
from mutasi_desktop.services.planning_types import (
    AspirasiInfo,
    ForumDraft,
    ForumInfo,
    KeberatanDraft,
    KeberatanInfo,
    forum_label,
)
from mutasi_desktop.storage.models import Aspirasi, Opd, Pegawai
from mutasi_desktop.storage.models_mutasi import ForumKonsultasi, Keberatan

FORUM_PREFIX = "Forum konsultasi #"
_URGENCY = {Tenggat.LEWAT: 0, Tenggat.DEKAT: 1, Tenggat.AMAN: 2, Tenggat.SELESAI: 3}


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = "\n".join(" ".join(line.split()) for line in value.strip().splitlines())
    return cleaned or None


def _forum_id(sumber: str | None) -> int | None:
    if not sumber or not sumber.startswith(FORUM_PREFIX):
        return None
    digits = sumber[len(FORUM_PREFIX) :].split(":", 1)[0]
    return int(digits) if digits.isdigit() else None


class ConsultationMixin(PlanningBase):
    """Forums, aspirations and objections."""

    # ---- forums ----------------------------------------------------------------------------
    def forums(self) -> list[ForumInfo]:
        self.require(Hak.BACA)
        with self.ctx.read() as s:
            rows = s.scalars(
                select(ForumKonsultasi).order_by(
                    ForumKonsultasi.tanggal.desc(), ForumKonsultasi.id.desc()
                )
            ).all()
            return [self._forum_info(s, r) for r in rows]

    def forum(self, forum_id: int) -> ForumInfo:
        self.require(Hak.BACA)
        with self.ctx.read() as s:
            return self._forum_info(s, self._require_forum(s, forum_id))

    @staticmethod
    def _require_forum(s: Session, forum_id: int) -> ForumKonsultasi:
        row = s.get(ForumKonsultasi, forum_id)
        if row is None:
            raise DomainError("mutasi.forum_tidak_ditemukan")
        return row

    @staticmethod
    def _forum_info(s: Session, r: ForumKonsultasi) -> ForumInfo:
        label = forum_label(r.id, r.tanggal, r.tempat)
        n = s.scalar(select(func.count()).select_from(Aspirasi).where(Aspirasi.sumber == label))
        opd = s.get(Opd, r.opd_id) if r.opd_id is not None else None
        return ForumInfo(
            id=r.id,
            tanggal=r.tanggal,
            tempat=r.tempat,
            judul=r.judul,
            opd_id=r.opd_id,
            opd=opd.nama if opd else None,
            peserta=r.peserta,
            catatan=r.catatan,
            dibuat_oleh=r.dibuat_oleh,
            jumlah_aspirasi=int(n or 0),
        )

    def save_forum(self, draft: ForumDraft, forum_id: int | None = None) -> ForumInfo:
        """Record a forum (or correct one). Aspirations recorded at it name it as their source."""
        tempat = _text(draft.tempat)
        judul = _text(draft.judul)
        if not tempat:
            raise DomainError("field.wajib", label="Tempat")
        if not judul:
            raise DomainError("field.wajib", label="Judul forum")
        with self.ctx.write(Action.MUTASI_DRAFT) as s:
            if forum_id is None:
                row = ForumKonsultasi(dibuat_oleh=self.ctx.actor.username, dibuat_pada=self._now())
                s.add(row)
                before: dict[str, Any] | None = None
            else:
                row = self._require_forum(s, forum_id)
                before = _forum_snapshot(row)
                old_label = forum_label(row.id, row.tanggal, row.tempat)
            row.tanggal = draft.tanggal
            row.tempat = tempat[:200]
            row.judul = judul[:250]
            row.opd_id = draft.opd_id
            row.peserta = _text(draft.peserta)
            row.catatan = _text(draft.catatan)
            s.flush()
            if before is not None:
                new_label = forum_label(row.id, row.tanggal, row.tempat)
                if new_label != old_label:  # keep the aspirations pointing at their forum
                    for a in s.scalars(select(Aspirasi).where(Aspirasi.sumber == old_label)):
                        a.sumber = new_label
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.forum",
                entitas=ENTITAS_FORUM,
                entitas_id=row.id,
                ringkasan=f"Forum konsultasi {row.judul} ({row.tempat})",
                sebelum=before,
                sesudah=_forum_snapshot(row),
            )
            return self._forum_info(s, row)

    # ---- aspirations -----------------------------------------------------------------------
    def record_aspiration(
        self, pegawai_id: int, item: AspirasiItem, *, forum_id: int | None = None
    ) -> AspirasiInfo:
        """Add a person's stated wish (willing, unwilling, asks to move — where and why), e.g.
        from a forum. The newest aspiration is what the optimiser follows."""
        if item.sikap not in SIKAP_ASPIRASI:
            raise DomainError("mutasi.sikap_tidak_sah", value=item.sikap)
        with self.ctx.write(Action.MUTASI_DRAFT) as s:
            person = s.get(Pegawai, pegawai_id)
            if person is None:
                raise DomainError("pegawai.tidak_ditemukan")
            sumber = _text(item.sumber)
            tanggal = item.tanggal
            if forum_id is not None:
                forum = self._require_forum(s, forum_id)
                sumber = forum_label(forum.id, forum.tanggal, forum.tempat)
                tanggal = tanggal or forum.tanggal
            row = Aspirasi(
                pegawai_id=person.id,
                tanggal=tanggal or self._today(),
                sikap=item.sikap,
                opd_tujuan_id=item.opd_tujuan_id,
                lokasi_tujuan=(_text(item.lokasi_tujuan) or None),
                alasan=_text(item.alasan),
                sumber=(sumber or None) and sumber[:100],
            )
            s.add(row)
            touch(person)
            s.flush()
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.aspirasi",
                entitas=ENTITAS_PEGAWAI,
                entitas_id=person.id,
                ringkasan=(
                    f"Aspirasi {person.nip} {person.nama}: {SIKAP_ASPIRASI[item.sikap]}"
                    + (f" ({row.alasan})" if row.alasan else "")
                ),
                sesudah={
                    "sikap": row.sikap,
                    "tanggal": row.tanggal,
                    "opd_tujuan_id": row.opd_tujuan_id,
                    "lokasi_tujuan": row.lokasi_tujuan,
                    "alasan": row.alasan,
                    "sumber": row.sumber,
                },
            )
            return self._aspiration_infos(s, [row])[0]

    def aspirations(
        self,
        *,
        pegawai_id: int | None = None,
        forum_id: int | None = None,
        sikap: str | None = None,
    ) -> list[AspirasiInfo]:
        self.require(Hak.BACA)
        stmt = select(Aspirasi).order_by(Aspirasi.tanggal, Aspirasi.id)
        if pegawai_id is not None:
            stmt = stmt.where(Aspirasi.pegawai_id == pegawai_id)
        if sikap is not None:
            stmt = stmt.where(Aspirasi.sikap == sikap)
        with self.ctx.read() as s:
            if forum_id is not None:
                forum = self._require_forum(s, forum_id)
                stmt = stmt.where(
                    Aspirasi.sumber == forum_label(forum.id, forum.tanggal, forum.tempat)
                )
            return self._aspiration_infos(s, s.scalars(stmt).all())

    @staticmethod
    def _aspiration_infos(s: Session, rows: Sequence[Aspirasi]) -> list[AspirasiInfo]:
        who = people_brief(s, [a.pegawai_id for a in rows])
        opd_ids = sorted({a.opd_tujuan_id for a in rows if a.opd_tujuan_id is not None})
        opds = (
            dict(s.execute(select(Opd.id, Opd.nama).where(Opd.id.in_(opd_ids))).all())
            if opd_ids
            else {}
        )
        out = []
        for a in rows:
            nip, nama, _ = who.get(a.pegawai_id, ("", "", None))
            out.append(
                AspirasiInfo(
                    id=a.id,
                    pegawai_id=a.pegawai_id,
                    nip=nip,
                    nama=nama,
                    sikap=a.sikap,
                    sikap_label=SIKAP_ASPIRASI.get(a.sikap, a.sikap),
                    tanggal=a.tanggal,
                    opd_tujuan_id=a.opd_tujuan_id,
                    opd_tujuan=opds.get(a.opd_tujuan_id) if a.opd_tujuan_id else None,
                    lokasi_tujuan=a.lokasi_tujuan,
                    alasan=a.alasan,
                    sumber=a.sumber,
                    forum_id=_forum_id(a.sumber),
                )
            )
        return out

    # ---- objections ------------------------------------------------------------------------
    def objections(
        self,
        *,
        status: StatusKeberatan | None = None,
        pegawai_id: int | None = None,
        usulan_id: int | None = None,
    ) -> list[KeberatanInfo]:
        """Objections, most urgent first (overdue, near the deadline, in time, closed)."""
        self.require(Hak.BACA)
        stmt = select(Keberatan).order_by(Keberatan.tanggal_diajukan, Keberatan.id)
        if status is not None:
            stmt = stmt.where(Keberatan.status == status)
        if pegawai_id is not None:
            stmt = stmt.where(Keberatan.pegawai_id == pegawai_id)
        if usulan_id is not None:
            stmt = stmt.where(Keberatan.usulan_id == usulan_id)
        with self.ctx.read() as s:
            found = self._objection_infos(s, s.scalars(stmt).all())
        return sorted(
            found,
            key=lambda k: (_URGENCY[k.tenggat], k.batas_jawaban, k.id),
        )

    def objections_due(self, within_days: int = HAMPIR_HARI) -> list[KeberatanInfo]:
        """Open objections whose answer is due within ``within_days`` days or overdue."""
        return [
            k
            for k in self.objections(status=StatusKeberatan.DIAJUKAN)
            if k.sisa_hari is not None and k.sisa_hari <= within_days
        ]

    def _objection_infos(self, s: Session, rows: Sequence[Keberatan]) -> list[KeberatanInfo]:
        who = people_brief(s, [k.pegawai_id for k in rows])
        today = self._today()
        out = []
        for k in rows:
            nip, nama, _ = who.get(k.pegawai_id, ("", "", None))
            status = StatusKeberatan(k.status)
            out.append(
                KeberatanInfo(
                    id=k.id,
                    pegawai_id=k.pegawai_id,
                    nip=nip,
                    nama=nama,
                    usulan_id=k.usulan_id,
                    batch_id=k.batch_id,
                    nomor_sk=k.nomor_sk,
                    tanggal_sk=k.tanggal_sk,
                    tanggal_diajukan=k.tanggal_diajukan,
                    tanggal_jawaban=k.tanggal_jawaban,
                    status=status,
                    isi=k.isi,
                    jawaban=k.jawaban,
                    jam=jam_keberatan(
                        k.tanggal_sk, k.tanggal_diajukan, k.tanggal_jawaban, status, today
                    ),
                )
            )
        return out

    def _require_objection(self, s: Session, keberatan_id: int) -> Keberatan:
        row = s.get(Keberatan, keberatan_id)
        if row is None:
            raise DomainError("mutasi.keberatan_tidak_ditemukan")
        return row

    def save_objection(
        self, draft: KeberatanDraft, keberatan_id: int | None = None
    ) -> KeberatanInfo:
        """Record a written objection against a decree (or correct one still open). A late one
        (after 14 days) is kept and shown as late: the PPK answers it "tidak dapat diterima"."""
        isi = _text(draft.isi)
        if not isi:
            raise DomainError("field.wajib", label="Isi keberatan")
        if draft.tanggal_diajukan < draft.tanggal_sk:
            from mutasi_desktop.domain.tanggal import format_tanggal

            raise DomainError(
                "mutasi.keberatan_sebelum_sk",
                diajukan=format_tanggal(draft.tanggal_diajukan),
                tanggal_sk=format_tanggal(draft.tanggal_sk),
            )
        with self.ctx.write(Action.MUTASI_DRAFT) as s:
            if s.get(Pegawai, draft.pegawai_id) is None:
                raise DomainError("pegawai.tidak_ditemukan")
            if keberatan_id is None:
                row = Keberatan(
                    status=StatusKeberatan.DIAJUKAN,
                    dibuat_oleh=self.ctx.actor.username,
                    dibuat_pada=self._now(),
                )
                s.add(row)
                before: dict[str, Any] | None = None
            else:
                row = self._require_objection(s, keberatan_id)
                if row.status != StatusKeberatan.DIAJUKAN:
                    raise DomainError(
                        "mutasi.keberatan_sudah_selesai", status=StatusKeberatan(row.status).label
                    )
                before = _objection_snapshot(row)
            row.pegawai_id = draft.pegawai_id
            row.usulan_id = draft.usulan_id
            row.batch_id = draft.batch_id
            row.nomor_sk = _text(draft.nomor_sk)
            row.tanggal_sk = draft.tanggal_sk
            row.tanggal_diajukan = draft.tanggal_diajukan
            row.isi = isi
            s.flush()
            info = self._objection_infos(s, [row])[0]
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.keberatan",
                entitas=ENTITAS_KEBERATAN,
                entitas_id=row.id,
                ringkasan=(
                    f"Keberatan {info.nip} {info.nama} atas SK {row.nomor_sk or '-'}"
                    + ("" if info.tepat_waktu else " (melewati 14 hari)")
                ),
                sebelum=before,
                sesudah=_objection_snapshot(row),
            )
            return info

    def answer_objection(
        self,
        keberatan_id: int,
        *,
        tanggal_jawaban: date,
        hasil: StatusKeberatan,
        jawaban: str,
    ) -> KeberatanInfo:
        """Record the PPK's answer: granted, refused, or not admissible (filed late)."""
        if hasil not in (
            StatusKeberatan.DITERIMA,
            StatusKeberatan.DITOLAK,
            StatusKeberatan.TIDAK_DAPAT_DITERIMA,
        ):
            raise DomainError("field.pilihan_salah", value=hasil.value, label="Hasil keberatan")
        text = _text(jawaban)
        if not text:
            raise DomainError("field.wajib", label="Isi jawaban")
        return self._close_objection(keberatan_id, hasil, tanggal_jawaban, text)

    def withdraw_objection(self, keberatan_id: int, catatan: str | None = None) -> KeberatanInfo:
        return self._close_objection(
            keberatan_id, StatusKeberatan.DICABUT, None, _text(catatan) or None
        )

    def _close_objection(
        self,
        keberatan_id: int,
        status: StatusKeberatan,
        tanggal: date | None,
        text: str | None,
    ) -> KeberatanInfo:
        with self.ctx.write(Action.MUTASI_DRAFT) as s:
            row = self._require_objection(s, keberatan_id)
            if row.status != StatusKeberatan.DIAJUKAN:
                raise DomainError(
                    "mutasi.keberatan_sudah_selesai", status=StatusKeberatan(row.status).label
                )
            if tanggal is not None and tanggal < row.tanggal_diajukan:
                from mutasi_desktop.domain.tanggal import format_tanggal

                raise DomainError(
                    "mutasi.jawaban_sebelum_keberatan",
                    jawaban=format_tanggal(tanggal),
                    diajukan=format_tanggal(row.tanggal_diajukan),
                )
            before = _objection_snapshot(row)
            row.status = status
            row.tanggal_jawaban = tanggal
            row.jawaban = text
            s.flush()
            info = self._objection_infos(s, [row])[0]
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.keberatan_selesai",
                entitas=ENTITAS_KEBERATAN,
                entitas_id=row.id,
                ringkasan=(
                    f"Keberatan {info.nip} {info.nama}: {status.label}"
                    + (" (dijawab melewati 21 hari)" if info.jam.dijawab_terlambat else "")
                ),
                sebelum=before,
                sesudah=_objection_snapshot(row),
            )
            return info


def _forum_snapshot(r: ForumKonsultasi) -> dict[str, Any]:
    result: dict[str, Any] = audit.jsonable(
        {
            "tanggal": r.tanggal,
            "tempat": r.tempat,
            "judul": r.judul,
            "opd_id": r.opd_id,
            "peserta": r.peserta,
            "catatan": r.catatan,
        }
    )
    return result


def _objection_snapshot(r: Keberatan) -> dict[str, Any]:
    result: dict[str, Any] = audit.jsonable(
        {
            "pegawai_id": r.pegawai_id,
            "usulan_id": r.usulan_id,
            "batch_id": r.batch_id,
            "nomor_sk": r.nomor_sk,
            "tanggal_sk": r.tanggal_sk,
            "tanggal_diajukan": r.tanggal_diajukan,
            "tanggal_jawaban": r.tanggal_jawaban,
            "status": r.status,
            "isi": r.isi,
            "jawaban": r.jawaban,
        }
    )
    return result
