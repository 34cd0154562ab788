"""SQLAlchemy 2 models: staff, organisation (OPD → unit tree → positions), history, audit, ABK."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from mutasi_desktop.domain.abk import Periode, SatuanWaktu
from mutasi_desktop.domain.jabatan import JenisJabatan, JenjangJabatan
from mutasi_desktop.domain.pegawai import (
    Agama,
    JenisKelamin,
    JenisPegawai,
    StatusPegawai,
    TingkatPendidikan,
)

# Stable constraint names so Alembic batch migrations can find them on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(kind: type[StrEnum], length: int = 24) -> Enum:
    # Store the enum *values* (the words users see in exports) as plain strings: no native
    # PostgreSQL enum and no CHECK constraint, so adding a value later needs no migration.
    return Enum(
        kind,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Pengaturan(Base):
    """Key/value settings of this database (regency name, numbering patterns…)."""

    __tablename__ = "pengaturan"

    kunci: Mapped[str] = mapped_column(String(100), primary_key=True)
    nilai: Mapped[Any] = mapped_column(JSON)


class Opd(Base):
    """Organisasi Perangkat Daerah: Dinas, Badan, Sekretariat, Kecamatan…"""

    __tablename__ = "opd"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kode: Mapped[str | None] = mapped_column(String(30), unique=True)
    nama: Mapped[str] = mapped_column(String(200), unique=True)
    singkatan: Mapped[str | None] = mapped_column(String(40))
    jenis: Mapped[str | None] = mapped_column(String(40))
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)

    units: Mapped[list[UnitKerja]] = relationship(back_populates="opd")


class UnitKerja(Base):
    """A unit inside an OPD; ``parent_id`` makes a tree of any depth (root = the OPD's office)."""

    __tablename__ = "unit_kerja"
    __table_args__ = (UniqueConstraint("opd_id", "parent_id", "nama", name="uq_unit_kerja_nama"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opd_id: Mapped[int] = mapped_column(ForeignKey("opd.id", ondelete="RESTRICT"), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("unit_kerja.id", ondelete="RESTRICT"), index=True
    )
    nama: Mapped[str] = mapped_column(String(200))
    kode: Mapped[str | None] = mapped_column(String(30))
    lokasi: Mapped[str | None] = mapped_column(String(100))
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)

    opd: Mapped[Opd] = relationship(back_populates="units")
    parent: Mapped[UnitKerja | None] = relationship(remote_side="UnitKerja.id")
    jabatan: Mapped[list[Jabatan]] = relationship(back_populates="unit")


class Jabatan(Base):
    """A position (jabatan) in a unit, with the requirements used by transfer rules."""

    __tablename__ = "jabatan"
    __table_args__ = (UniqueConstraint("unit_id", "nama", name="uq_jabatan_unit_nama"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit_kerja.id", ondelete="RESTRICT"), index=True
    )
    nama: Mapped[str] = mapped_column(String(250))
    jenis: Mapped[JenisJabatan] = mapped_column(_enum(JenisJabatan))
    jenjang: Mapped[JenjangJabatan | None] = mapped_column(_enum(JenjangJabatan))
    kelas: Mapped[int | None] = mapped_column(Integer)
    eselon: Mapped[str | None] = mapped_column(String(10))
    pendidikan_min: Mapped[TingkatPendidikan | None] = mapped_column(_enum(TingkatPendidikan))
    golongan_min: Mapped[str | None] = mapped_column(String(10))
    # Semicolon-separated competencies the position needs (matched against staff skills).
    kompetensi_syarat: Mapped[str | None] = mapped_column(Text)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)

    unit: Mapped[UnitKerja] = relationship(back_populates="jabatan")


class Pegawai(Base):
    """One civil servant (PNS, CPNS or PPPK)."""

    __tablename__ = "pegawai"
    __table_args__ = (
        Index("ix_pegawai_unit_aktif", "unit_id", "aktif"),
        Index("ix_pegawai_jabatan", "jabatan_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    nip_lama: Mapped[str | None] = mapped_column(String(20))
    nama: Mapped[str] = mapped_column(String(150), index=True)
    gelar_depan: Mapped[str | None] = mapped_column(String(40))
    gelar_belakang: Mapped[str | None] = mapped_column(String(60))
    tempat_lahir: Mapped[str | None] = mapped_column(String(80))
    tanggal_lahir: Mapped[date | None] = mapped_column(Date)
    jenis_kelamin: Mapped[JenisKelamin | None] = mapped_column(_enum(JenisKelamin, 2))
    agama: Mapped[Agama | None] = mapped_column(_enum(Agama))
    jenis_pegawai: Mapped[JenisPegawai] = mapped_column(_enum(JenisPegawai, 8))
    golongan: Mapped[str | None] = mapped_column(String(10))
    tmt_golongan: Mapped[date | None] = mapped_column(Date)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit_kerja.id", ondelete="RESTRICT"))
    jabatan_id: Mapped[int | None] = mapped_column(ForeignKey("jabatan.id", ondelete="RESTRICT"))
    tmt_jabatan: Mapped[date | None] = mapped_column(Date)
    pendidikan_tingkat: Mapped[TingkatPendidikan | None] = mapped_column(_enum(TingkatPendidikan))
    pendidikan_jurusan: Mapped[str | None] = mapped_column(String(150))
    tahun_lulus: Mapped[int | None] = mapped_column(Integer)
    tmt_cpns: Mapped[date | None] = mapped_column(Date)
    tmt_pns: Mapped[date | None] = mapped_column(Date)
    status: Mapped[StatusPegawai] = mapped_column(_enum(StatusPegawai), default=StatusPegawai.AKTIF)
    hukuman_disiplin: Mapped[bool] = mapped_column(Boolean, default=False)
    kontrak_selesai: Mapped[date | None] = mapped_column(Date)
    catatan: Mapped[str | None] = mapped_column(Text)
    # Deactivated records stay (no hard delete) but leave the active register.
    aktif: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    alasan_nonaktif: Mapped[str | None] = mapped_column(String(250))
    # Lower-cased "name titles nip nip_lama position unit": one column searched by LIKE per token.
    teks_cari: Mapped[str] = mapped_column(Text, default="")
    versi: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    unit: Mapped[UnitKerja | None] = relationship()
    jabatan: Mapped[Jabatan | None] = relationship()
    riwayat_jabatan: Mapped[list[RiwayatJabatan]] = relationship(
        back_populates="pegawai", order_by="RiwayatJabatan.tmt_mulai", cascade="all, delete-orphan"
    )
    riwayat_pangkat: Mapped[list[RiwayatPangkat]] = relationship(
        back_populates="pegawai", order_by="RiwayatPangkat.tmt", cascade="all, delete-orphan"
    )
    kompetensi: Mapped[list[Kompetensi]] = relationship(
        back_populates="pegawai", order_by="Kompetensi.nama", cascade="all, delete-orphan"
    )
    pelatihan: Mapped[list[Pelatihan]] = relationship(
        back_populates="pegawai", order_by="Pelatihan.tanggal_mulai", cascade="all, delete-orphan"
    )
    aspirasi: Mapped[list[Aspirasi]] = relationship(
        back_populates="pegawai", order_by="Aspirasi.tanggal", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": versi}  # noqa: RUF012 - SQLAlchemy's own protocol


class RiwayatJabatan(Base):
    """Position history: who held what from when. Rows are closed, never overwritten."""

    __tablename__ = "riwayat_jabatan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    jabatan_id: Mapped[int | None] = mapped_column(ForeignKey("jabatan.id", ondelete="SET NULL"))
    # Snapshots: history must read the same after positions are renamed or moved.
    jabatan_nama: Mapped[str] = mapped_column(String(250))
    unit_nama: Mapped[str | None] = mapped_column(String(250))
    tmt_mulai: Mapped[date | None] = mapped_column(Date)
    tmt_selesai: Mapped[date | None] = mapped_column(Date)
    nomor_sk: Mapped[str | None] = mapped_column(String(100))
    tanggal_sk: Mapped[date | None] = mapped_column(Date)
    keterangan: Mapped[str | None] = mapped_column(String(250))

    pegawai: Mapped[Pegawai] = relationship(back_populates="riwayat_jabatan")


class RiwayatPangkat(Base):
    """Rank (golongan) history."""

    __tablename__ = "riwayat_pangkat"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    golongan: Mapped[str] = mapped_column(String(10))
    tmt: Mapped[date | None] = mapped_column(Date)
    nomor_sk: Mapped[str | None] = mapped_column(String(100))
    tanggal_sk: Mapped[date | None] = mapped_column(Date)
    keterangan: Mapped[str | None] = mapped_column(String(250))

    pegawai: Mapped[Pegawai] = relationship(back_populates="riwayat_pangkat")


class Kompetensi(Base):
    """A skill or competency of a person (matched against position requirements)."""

    __tablename__ = "kompetensi"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    nama: Mapped[str] = mapped_column(String(150))
    tingkat: Mapped[str | None] = mapped_column(String(30))
    keterangan: Mapped[str | None] = mapped_column(String(250))

    pegawai: Mapped[Pegawai] = relationship(back_populates="kompetensi")


class Pelatihan(Base):
    """A training (diklat) a person attended or is planned to attend."""

    __tablename__ = "pelatihan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    nama: Mapped[str] = mapped_column(String(250))
    penyelenggara: Mapped[str | None] = mapped_column(String(150))
    tanggal_mulai: Mapped[date | None] = mapped_column(Date)
    tanggal_selesai: Mapped[date | None] = mapped_column(Date)
    jam_pelajaran: Mapped[int | None] = mapped_column(Integer)
    # "selesai" or "direncanakan" (planned after a transfer).
    status: Mapped[str] = mapped_column(String(20), default="selesai")

    pegawai: Mapped[Pegawai] = relationship(back_populates="pelatihan")


class Aspirasi(Base):
    """A person's stated wish about moving: where to, or not at all, and why."""

    __tablename__ = "aspirasi"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(
        ForeignKey("pegawai.id", ondelete="CASCADE"), index=True
    )
    tanggal: Mapped[date | None] = mapped_column(Date)
    # "bersedia" (willing), "tidak_bersedia" (unwilling), "ingin_pindah" (asks to move).
    sikap: Mapped[str] = mapped_column(String(20))
    opd_tujuan_id: Mapped[int | None] = mapped_column(ForeignKey("opd.id", ondelete="SET NULL"))
    lokasi_tujuan: Mapped[str | None] = mapped_column(String(150))
    alasan: Mapped[str | None] = mapped_column(Text)
    sumber: Mapped[str | None] = mapped_column(String(100))

    pegawai: Mapped[Pegawai] = relationship(back_populates="aspirasi")
    opd_tujuan: Mapped[Opd | None] = relationship()


class AuditLog(Base):
    """Who changed what and when, with the values before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entitas", "entitas", "entitas_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    waktu: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    pengguna: Mapped[str] = mapped_column(String(100))
    aksi: Mapped[str] = mapped_column(String(40))
    entitas: Mapped[str] = mapped_column(String(40))
    entitas_id: Mapped[int | None] = mapped_column(Integer)
    ringkasan: Mapped[str] = mapped_column(String(500))
    sebelum: Mapped[Any | None] = mapped_column(JSON)
    sesudah: Mapped[Any | None] = mapped_column(JSON)
    # Groups the rows of one operation (an import, a plan) so it reads as one event.
    batch: Mapped[str | None] = mapped_column(String(40), index=True)
    # Set on an edit that was later undone, pointing at the undo's audit row.
    dibatalkan_oleh: Mapped[int | None] = mapped_column(Integer)


# ---------------------------------------------------------------------------------------------
# Workload analysis (ABK): one analysis per year with its rule profile, task tables, drivers,
# scenarios, the headcount an ABK workbook brought in, and the ratio rules shown beside ABK.
# ---------------------------------------------------------------------------------------------


class AnalisisAbk(Base):
    """An analysis year and the rule set (``AbkProfile.to_dict()``) it is computed with."""

    __tablename__ = "analisis_abk"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer, unique=True)
    nama_profil: Mapped[str] = mapped_column(String(100))
    profil: Mapped[Any] = mapped_column(JSON)
    catatan: Mapped[str | None] = mapped_column(Text)


class TugasJabatan(Base):
    """One task row (uraian tugas) of a position's ABK table in one analysis year."""

    __tablename__ = "tugas_jabatan"
    __table_args__ = (Index("ix_tugas_jabatan_tahun_jabatan", "tahun", "jabatan_id", "urutan"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    jabatan_id: Mapped[int] = mapped_column(
        ForeignKey("jabatan.id", ondelete="CASCADE"), index=True
    )
    tahun: Mapped[int] = mapped_column(Integer)
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    uraian: Mapped[str] = mapped_column(String(500))
    satuan_hasil: Mapped[str] = mapped_column(String(100), default="")
    # Float, not Numeric: the engine reads a float through its shortest decimal form, so 7.5 or
    # 0.05 stay exact; Numeric would hand Decimals to every consumer for no gain.
    waktu: Mapped[float] = mapped_column(Float)
    satuan_waktu: Mapped[SatuanWaktu] = mapped_column(_enum(SatuanWaktu, 8))
    volume: Mapped[float | None] = mapped_column(Float)
    periode: Mapped[Periode] = mapped_column(_enum(Periode, 8))
    pemicu: Mapped[str | None] = mapped_column(String(100))
    rasio: Mapped[float | None] = mapped_column(Float)


class PemicuAbk(Base):
    """A driver: a named yearly quantity (population, aid recipients, pupils) tasks may follow."""

    __tablename__ = "pemicu_abk"
    __table_args__ = (UniqueConstraint("tahun", "nama", name="uq_pemicu_abk_tahun_nama"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer, index=True)
    nama: Mapped[str] = mapped_column(String(100))
    nilai: Mapped[float] = mapped_column(Float)
    satuan: Mapped[str | None] = mapped_column(String(50))
    keterangan: Mapped[str | None] = mapped_column(String(250))


class SkenarioAbk(Base):
    """A named set of driver overrides (``ScenarioOverride.to_dict()`` list)."""

    __tablename__ = "skenario_abk"
    __table_args__ = (UniqueConstraint("tahun", "nama", name="uq_skenario_abk_tahun_nama"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer, index=True)
    nama: Mapped[str] = mapped_column(String(150))
    overrides: Mapped[Any] = mapped_column(JSON)
    keterangan: Mapped[str | None] = mapped_column(String(250))


class PegawaiAdaAbk(Base):
    """Present headcount as an ABK workbook stated it (used while the register has nobody)."""

    __tablename__ = "pegawai_ada_abk"
    __table_args__ = (
        UniqueConstraint("jabatan_id", "tahun", name="uq_pegawai_ada_abk_jabatan_tahun"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    jabatan_id: Mapped[int] = mapped_column(ForeignKey("jabatan.id", ondelete="CASCADE"))
    tahun: Mapped[int] = mapped_column(Integer, index=True)
    jumlah: Mapped[int] = mapped_column(Integer)


class RasioAbk(Base):
    """An editable ratio rule (``RatioRule``): ``pegawai`` staff per ``per`` units of a driver."""

    __tablename__ = "rasio_abk"
    __table_args__ = (UniqueConstraint("tahun", "nama", name="uq_rasio_abk_tahun_nama"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer, index=True)
    nama: Mapped[str] = mapped_column(String(100))
    pemicu: Mapped[str] = mapped_column(String(100))
    per: Mapped[float] = mapped_column(Float)
    pegawai: Mapped[float] = mapped_column(Float, default=1)
    jabatan_kata: Mapped[str] = mapped_column(String(150))
    # Words that pick the positions (name and unit) whose ABK figures are shown beside the ratio.
    kata_kunci: Mapped[str | None] = mapped_column(String(250))
    dasar: Mapped[str | None] = mapped_column(String(250))
    urutan: Mapped[int] = mapped_column(Integer, default=0)
