"""SQLAlchemy models of decrees (SK): the decree, its number register, its documents and files.

Issued decrees are immutable. Three layers keep them so: the services refuse, the mapper
events below refuse any ORM change of a final or cancelled decree other than its
cancellation, and database triggers (migration ``0004_sk``) refuse the same from raw SQL.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy.orm import Mapped, mapped_column

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.sk import StatusSk
from mutasi_desktop.storage.models import Base, _enum


class StatusNomor(StrEnum):
    """A register entry: used by a decree of this app, reserved for a document made outside
    it, or cancelled (the number stays in the register and is never given again)."""

    DIPAKAI = "dipakai"
    DICADANGKAN = "dicadangkan"
    DIBATALKAN = "dibatalkan"


class SuratKeputusan(Base):
    """A decree: draft (editable), final (numbered, hashed, locked) or cancelled."""

    __tablename__ = "sk"
    __table_args__ = (Index("ix_sk_status", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    jenis: Mapped[str] = mapped_column(String(30), default="mutasi")
    status: Mapped[StatusSk] = mapped_column(_enum(StatusSk, 16), default=StatusSk.DRAFT)
    judul: Mapped[str] = mapped_column(String(500))
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("batch_mutasi.id", ondelete="SET NULL"), index=True
    )
    nomor: Mapped[str | None] = mapped_column(String(100), unique=True)
    tanggal: Mapped[date | None] = mapped_column(Date)
    tmt: Mapped[date | None] = mapped_column(Date)
    jumlah: Mapped[int] = mapped_column(Integer, default=0)
    # domain.sk.IsiSk.to_dict(); frozen with the layout (TataLetak.to_dict()) at finalisation.
    isi: Mapped[Any] = mapped_column(JSON)
    tata_letak: Mapped[Any | None] = mapped_column(JSON)
    hash_isi: Mapped[str | None] = mapped_column(String(64))
    kode_verifikasi: Mapped[str | None] = mapped_column(String(20), unique=True)
    template: Mapped[str] = mapped_column(String(50))
    template_versi: Mapped[str] = mapped_column(String(20))
    kode_klasifikasi: Mapped[str] = mapped_column(String(50), default="")
    mengganti_id: Mapped[int | None] = mapped_column(ForeignKey("sk.id", ondelete="RESTRICT"))
    diganti_oleh_id: Mapped[int | None] = mapped_column(ForeignKey("sk.id", ondelete="RESTRICT"))
    alasan_batal: Mapped[str | None] = mapped_column(Text)
    # Why a correcting decree was drafted (becomes the old decree's cancellation reason).
    catatan: Mapped[str | None] = mapped_column(Text)
    dibuat_oleh: Mapped[str] = mapped_column(String(100))
    dibuat_pada: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    diubah_pada: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    difinalkan_oleh: Mapped[str | None] = mapped_column(String(100))
    difinalkan_pada: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    dibatalkan_oleh: Mapped[str | None] = mapped_column(String(100))
    dibatalkan_pada: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    versi: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": versi}  # noqa: RUF012 - SQLAlchemy's own protocol


class NomorSk(Base):
    """The number register: one row per number ever given, reserved or cancelled."""

    __tablename__ = "sk_nomor"
    __table_args__ = (
        UniqueConstraint("tahun", "seri", "urut", name="uq_sk_nomor_tahun_seri_urut"),
        Index("ix_sk_nomor_tahun_seri", "tahun", "seri"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer)
    seri: Mapped[str] = mapped_column(String(50), default="")
    urut: Mapped[int] = mapped_column(Integer)
    nomor: Mapped[str] = mapped_column(String(100))
    status: Mapped[StatusNomor] = mapped_column(_enum(StatusNomor, 16))
    sk_id: Mapped[int | None] = mapped_column(ForeignKey("sk.id", ondelete="RESTRICT"), index=True)
    tanggal: Mapped[date] = mapped_column(Date)
    keterangan: Mapped[str | None] = mapped_column(Text)
    alasan_batal: Mapped[str | None] = mapped_column(Text)
    dibuat_oleh: Mapped[str] = mapped_column(String(100))
    dibuat_pada: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    dibatalkan_oleh: Mapped[str | None] = mapped_column(String(100))
    dibatalkan_pada: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class KunciPenomoran(Base):
    """One row (id 1) that every numbering transaction updates first.

    The update takes the write lock before anything is read: on SQLite it is the first
    statement of the transaction, so the lock is taken (waiting up to busy_timeout) instead
    of failing later when a read snapshot would have to be upgraded; on PostgreSQL it is a
    row lock that queues concurrent numbering transactions. Either way two app instances on
    one database never compute the next number from the same state.
    """

    __tablename__ = "sk_kunci"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    versi: Mapped[int] = mapped_column(Integer, default=0)


class DokumenSk(Base):
    """A document of a final decree (the SK, a petikan, an SPMT letter) and its code."""

    __tablename__ = "sk_dokumen"
    __table_args__ = (Index("ix_sk_dokumen_sk", "sk_id", "jenis"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sk_id: Mapped[int] = mapped_column(ForeignKey("sk.id", ondelete="RESTRICT"))
    jenis: Mapped[str] = mapped_column(String(20))
    baris: Mapped[int | None] = mapped_column(Integer)  # index into the decree's lines
    pegawai_id: Mapped[int | None] = mapped_column(Integer)
    nip: Mapped[str | None] = mapped_column(String(30))
    nama: Mapped[str | None] = mapped_column(String(200))
    kode: Mapped[str] = mapped_column(String(20), unique=True)


class BerkasSk(Base):
    """A PDF file rendered from a final decree's document, known by its SHA-256."""

    __tablename__ = "sk_berkas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dokumen_id: Mapped[int] = mapped_column(
        ForeignKey("sk_dokumen.id", ondelete="RESTRICT"), index=True
    )
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    ukuran: Mapped[int] = mapped_column(Integer)
    halaman: Mapped[int] = mapped_column(Integer)
    dibuat_oleh: Mapped[str] = mapped_column(String(100))
    dibuat_pada: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# --------------------------------------------------------------------------- immutability

# What may still change on an issued decree: its cancellation and the bookkeeping around it.
_SK_MUTABLE_WHEN_FINAL = frozenset(
    {"status", "alasan_batal", "dibatalkan_oleh", "dibatalkan_pada", "diganti_oleh_id", "versi"}
)
_NOMOR_MUTABLE = frozenset({"status", "alasan_batal", "dibatalkan_oleh", "dibatalkan_pada"})


def _changed(target: Any) -> dict[str, tuple[Any, Any]]:
    state = inspect(target)
    out: dict[str, tuple[Any, Any]] = {}
    for attr in state.mapper.column_attrs:
        hist = state.attrs[attr.key].history
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            out[attr.key] = (old, new)
    return out


@event.listens_for(SuratKeputusan, "before_update")
def _guard_sk_update(_mapper: Any, _connection: Any, target: SuratKeputusan) -> None:
    changes = _changed(target)
    old_status = changes["status"][0] if "status" in changes else target.status
    if old_status is None or StatusSk(old_status) is StatusSk.DRAFT:
        return
    forbidden = set(changes) - _SK_MUTABLE_WHEN_FINAL
    if "status" in changes:
        new = StatusSk(changes["status"][1])
        if not (StatusSk(old_status) is StatusSk.FINAL and new is StatusSk.CANCELLED):
            forbidden.add("status")
    elif StatusSk(old_status) is StatusSk.CANCELLED:
        forbidden |= set(changes) - {"versi", "diganti_oleh_id"}
    if forbidden:
        raise DomainError("sk.final_terkunci", nomor=target.nomor or "-")


@event.listens_for(SuratKeputusan, "before_delete")
def _guard_sk_delete(_mapper: Any, _connection: Any, target: SuratKeputusan) -> None:
    status = inspect(target).attrs["status"].history
    original = status.deleted[0] if status.deleted else target.status
    if StatusSk(original) is not StatusSk.DRAFT:
        raise DomainError("sk.final_terkunci", nomor=target.nomor or "-")


@event.listens_for(NomorSk, "before_update")
def _guard_nomor_update(_mapper: Any, _connection: Any, target: NomorSk) -> None:
    changes = _changed(target)
    if set(changes) - _NOMOR_MUTABLE:
        raise DomainError("sk.nomor_terkunci", nomor=target.nomor)
    if "status" in changes and StatusNomor(changes["status"][1]) is not StatusNomor.DIBATALKAN:
        raise DomainError("sk.nomor_terkunci", nomor=target.nomor)


@event.listens_for(NomorSk, "before_delete")
def _guard_nomor_delete(_mapper: Any, _connection: Any, target: NomorSk) -> None:
    raise DomainError("sk.nomor_terkunci", nomor=target.nomor)
