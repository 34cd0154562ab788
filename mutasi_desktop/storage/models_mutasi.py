"""SQLAlchemy models of transfer planning: proposals and their history, batches (one decree
each), consultation forums, objections (keberatan) and training needs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mutasi_desktop.domain.mutasi_rules import JenisKebutuhan, JenisMutasi
from mutasi_desktop.domain.mutasi_workflow import (
    StatusBatch,
    StatusKeberatan,
    StatusPelatihan,
    StatusUsulan,
    SumberUsulan,
)
from mutasi_desktop.storage.models import Base, Jabatan, Opd, Pegawai, _enum


class BatchMutasi(Base):
    """Approved proposals grouped to become one collective decree (SK).

    The decree columns are placeholders the decree feature fills (number, date, its record).
    """

    __tablename__ = "batch_mutasi"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    status: Mapped[StatusBatch] = mapped_column(_enum(StatusBatch), default=StatusBatch.TERBUKA)
    catatan: Mapped[str | None] = mapped_column(Text)
    dibuat_oleh: Mapped[str] = mapped_column(String(100))
    dibuat_pada: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    nomor_sk: Mapped[str | None] = mapped_column(String(100))
    tanggal_sk: Mapped[date | None] = mapped_column(Date)
    sk_id: Mapped[int | None] = mapped_column(Integer)  # the decree record, once it exists

    usulan: Mapped[list[UsulanMutasi]] = relationship(
        back_populates="batch", order_by="UsulanMutasi.id"
    )


class UsulanMutasi(Base):
    """One transfer proposal: who, from which position, to which, why, when, and where it is in
    the workflow. ``peringatan`` keeps the last rule check; ``pengabaian`` the written reasons
    that override warnings (code -> {alasan, oleh, waktu})."""

    __tablename__ = "usulan_mutasi"
    __table_args__ = (
        Index("ix_usulan_mutasi_status", "status"),
        Index("ix_usulan_mutasi_pegawai", "pegawai_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id", ondelete="RESTRICT"))
    jabatan_asal_id: Mapped[int | None] = mapped_column(
        ForeignKey("jabatan.id", ondelete="RESTRICT")
    )
    jabatan_tujuan_id: Mapped[int | None] = mapped_column(
        ForeignKey("jabatan.id", ondelete="RESTRICT")
    )
    jenis: Mapped[JenisMutasi] = mapped_column(_enum(JenisMutasi, 16))
    instansi_lain: Mapped[str | None] = mapped_column(String(200))  # keluar: to; masuk: from
    alasan: Mapped[str | None] = mapped_column(Text)
    tmt_rencana: Mapped[date | None] = mapped_column(Date)
    status: Mapped[StatusUsulan] = mapped_column(_enum(StatusUsulan), default=StatusUsulan.DRAF)
    sumber: Mapped[SumberUsulan] = mapped_column(
        _enum(SumberUsulan, 16), default=SumberUsulan.MANUAL
    )
    peringatan: Mapped[Any | None] = mapped_column(JSON)
    pengabaian: Mapped[Any | None] = mapped_column(JSON)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("batch_mutasi.id", ondelete="SET NULL"), index=True
    )
    rencana_ref: Mapped[str | None] = mapped_column(String(40))  # optimiser plan id
    dibuat_oleh: Mapped[str] = mapped_column(String(100))
    dibuat_pada: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    diubah_pada: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    versi: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    pegawai: Mapped[Pegawai] = relationship()
    jabatan_asal: Mapped[Jabatan | None] = relationship(foreign_keys=[jabatan_asal_id])
    jabatan_tujuan: Mapped[Jabatan | None] = relationship(foreign_keys=[jabatan_tujuan_id])
    batch: Mapped[BatchMutasi | None] = relationship(back_populates="usulan")
    riwayat: Mapped[list[RiwayatUsulan]] = relationship(
        back_populates="usulan", order_by="RiwayatUsulan.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": versi}  # noqa: RUF012 - SQLAlchemy's own protocol


class RiwayatUsulan(Base):
    """Every status change of a proposal: from, to, who, when, and the note."""

    __tablename__ = "riwayat_usulan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    usulan_id: Mapped[int] = mapped_column(
        ForeignKey("usulan_mutasi.id", ondelete="CASCADE"), index=True
    )
    dari_status: Mapped[StatusUsulan | None] = mapped_column(_enum(StatusUsulan))
    ke_status: Mapped[StatusUsulan] = mapped_column(_enum(StatusUsulan))
    langkah: Mapped[str] = mapped_column(String(30))
    oleh: Mapped[str] = mapped_column(String(100))
    waktu: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    catatan: Mapped[str | None] = mapped_column(Text)

    usulan: Mapped[UsulanMutasi] = relationship(back_populates="riwayat")


class ForumKonsultasi(Base):
    """A consultation forum: when, where, who took part, what was said."""

    __tablename__ = "forum_konsultasi"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tanggal: Mapped[date] = mapped_column(Date, index=True)
    tempat: Mapped[str] = mapped_column(String(200))
    judul: Mapped[str] = mapped_column(String(250))
    opd_id: Mapped[int | None] = mapped_column(ForeignKey("opd.id", ondelete="SET NULL"))
    peserta: Mapped[str | None] = mapped_column(Text)
    catatan: Mapped[str | None] = mapped_column(Text)
    dibuat_oleh: Mapped[str] = mapped_column(String(100))
    dibuat_pada: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    opd: Mapped[Opd | None] = relationship()


class Keberatan(Base):
    """A formal objection (keberatan, PP 79/2021) against a transfer decree, with its clocks."""

    __tablename__ = "keberatan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="RESTRICT"), index=True
    )
    usulan_id: Mapped[int | None] = mapped_column(
        ForeignKey("usulan_mutasi.id", ondelete="SET NULL")
    )
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch_mutasi.id", ondelete="SET NULL"))
    nomor_sk: Mapped[str | None] = mapped_column(String(100))
    tanggal_sk: Mapped[date] = mapped_column(Date)
    tanggal_diajukan: Mapped[date] = mapped_column(Date)
    tanggal_jawaban: Mapped[date | None] = mapped_column(Date)
    status: Mapped[StatusKeberatan] = mapped_column(
        _enum(StatusKeberatan), default=StatusKeberatan.DIAJUKAN
    )
    isi: Mapped[str] = mapped_column(Text)
    jawaban: Mapped[str | None] = mapped_column(Text)
    dibuat_oleh: Mapped[str] = mapped_column(String(100))
    dibuat_pada: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    pegawai: Mapped[Pegawai] = relationship()


class KebutuhanPelatihan(Base):
    """A training need from a move: a competency (or education level) the person lacks.

    The training's own data is kept here so it survives edits of the staff record, which
    rebuild the person's ``pelatihan`` rows (``pelatihan_id`` then becomes NULL).
    """

    __tablename__ = "kebutuhan_pelatihan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    usulan_id: Mapped[int | None] = mapped_column(
        ForeignKey("usulan_mutasi.id", ondelete="CASCADE"), index=True
    )
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    topik: Mapped[str] = mapped_column(String(150))
    jenis: Mapped[JenisKebutuhan] = mapped_column(_enum(JenisKebutuhan, 16))
    status: Mapped[StatusPelatihan] = mapped_column(
        _enum(StatusPelatihan, 16), default=StatusPelatihan.DIRENCANAKAN
    )
    nama_pelatihan: Mapped[str | None] = mapped_column(String(250))
    penyelenggara: Mapped[str | None] = mapped_column(String(150))
    tanggal_mulai: Mapped[date | None] = mapped_column(Date)
    tanggal_selesai: Mapped[date | None] = mapped_column(Date)
    jam_pelajaran: Mapped[int | None] = mapped_column(Integer)
    pelatihan_id: Mapped[int | None] = mapped_column(
        ForeignKey("pelatihan.id", ondelete="SET NULL")
    )
    catatan: Mapped[str | None] = mapped_column(Text)
    dibuat_pada: Mapped[datetime] = mapped_column(DateTime(timezone=True))
