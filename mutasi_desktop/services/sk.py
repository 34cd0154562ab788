"""Decrees (SK): draft from a batch, edit, finalise with a gap-free number, cancel, correct,
reserve numbers by hand, render the PDFs, verify a file or a code against the register.

Lifecycle: ``draft`` (editable, printed with a DRAFT watermark) → ``final`` (number assigned
in the same transaction, content hash and verification codes stored, locked) → ``cancelled``
(reason kept). A mistake in a final decree is corrected by a new decree that names the old
one; finalising the correction cancels the old decree.

Numbering: every transaction that takes or reserves a number first updates the single
``sk_kunci`` row, so two app instances on one database (SQLite file or PostgreSQL server)
queue up there and each computes the next number from the other's committed result. The
register's unique (year, sequence, number) constraint backs this up.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from mutasi_desktop.domain.errors import DomainError, Problem
from mutasi_desktop.domain.golongan import parse_golongan
from mutasi_desktop.domain.messages import render as render_message
from mutasi_desktop.domain.mutasi_rules import JenisMutasi
from mutasi_desktop.domain.mutasi_workflow import Langkah, StatusBatch, StatusUsulan
from mutasi_desktop.domain.pegawai import nama_lengkap
from mutasi_desktop.domain.penomoran import (
    NilaiNomor,
    PolaNomor,
    celah,
    check_pola,
    nilai_untuk,
    nomor_berikut,
    seri,
)
from mutasi_desktop.domain.sk import (
    BarisSk,
    IsiSk,
    JenisDokumen,
    Pejabat,
    PengaturanSk,
    RujukanSk,
    StatusSk,
    TataLetak,
    draft_isi,
    hash_isi,
    kode_verifikasi,
    masalah_final,
    nama_berkas,
    parse_kode,
    penandatangan_sk,
    pengesah_petikan,
    unit_lengkap,
    urutkan_baris,
)
from mutasi_desktop.domain.tanggal import format_tanggal
from mutasi_desktop.services import audit
from mutasi_desktop.services.context import Action, ServiceContext
from mutasi_desktop.services.planning import PlanningService
from mutasi_desktop.services.progress import NullProgress, Progress, checkpoint
from mutasi_desktop.services.sk_settings import load_template, read_logo, read_settings
from mutasi_desktop.storage.models import Jabatan, Opd, Pegawai, UnitKerja
from mutasi_desktop.storage.models_mutasi import BatchMutasi, UsulanMutasi
from mutasi_desktop.storage.models_sk import (
    BerkasSk,
    DokumenSk,
    KunciPenomoran,
    NomorSk,
    StatusNomor,
    SuratKeputusan,
)

if TYPE_CHECKING:
    from mutasi_desktop.formats.pdf_halaman import Halaman

log = logging.getLogger(__name__)


def _pdf() -> Any:
    """The PDF renderer, imported on first use: reportlab and PDFium cost ~0.2 s to import,
    which the app's start-up should not pay before a decree is opened."""
    from mutasi_desktop.formats import sk_pdf

    return sk_pdf


def _pages(data: bytes, dpi: float) -> Iterator[Halaman]:
    from mutasi_desktop.formats.pdf_halaman import render_halaman

    return render_halaman(data, dpi)


ENTITAS = "sk"
ENTITAS_NOMOR = "sk_nomor"
_NO_PROGRESS = NullProgress()


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class SkInfo:
    """A decree as a list row."""

    id: int
    status: StatusSk
    nomor: str | None
    tanggal: date | None
    judul: str
    jumlah: int
    tmt: date | None
    batch_id: int | None
    kode_verifikasi: str | None
    mengganti_id: int | None
    diganti_oleh_id: int | None
    alasan_batal: str | None
    dibuat_oleh: str
    dibuat_pada: datetime
    difinalkan_pada: datetime | None
    dibatalkan_pada: datetime | None
    versi: int

    @property
    def label(self) -> str:
        return self.nomor or f"Konsep #{self.id}"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "nomor": self.nomor,
            "tanggal": self.tanggal.isoformat() if self.tanggal else None,
            "status": self.status.value,
            "judul": self.judul,
            "jumlah_pegawai": self.jumlah,
            "tmt": self.tmt.isoformat() if self.tmt else None,
            "batch_id": self.batch_id,
            "kode_verifikasi": self.kode_verifikasi,
            "mengganti_id": self.mengganti_id,
            "diganti_oleh_id": self.diganti_oleh_id,
            "alasan_batal": self.alasan_batal,
        }


@dataclass(frozen=True)
class DokumenInfo:
    id: int
    jenis: JenisDokumen
    baris: int | None
    nama: str | None
    nip: str | None
    kode: str
    berkas: int  # files registered for it

    @property
    def judul(self) -> str:
        who = f" \u2014 {self.nama}" if self.nama else ""
        return f"{self.jenis.judul}{who}"


@dataclass(frozen=True)
class SkDetail:
    info: SkInfo
    isi: IsiSk
    tata_letak: TataLetak
    dokumen: tuple[DokumenInfo, ...]
    masalah: tuple[Problem, ...]  # what blocks (errors) or deserves a look (warnings) at final
    catatan: str | None

    @property
    def dapat_difinalkan(self) -> bool:
        return self.info.status is StatusSk.DRAFT and not any(p.is_error for p in self.masalah)


@dataclass(frozen=True)
class BatchSiap:
    """A batch of approved proposals that can become a decree."""

    id: int
    nama: str
    jumlah: int
    status: StatusBatch


@dataclass(frozen=True)
class NomorInfo:
    id: int
    tahun: int
    seri: str
    urut: int
    nomor: str
    status: StatusNomor
    sk_id: int | None
    tanggal: date
    keterangan: str | None
    alasan_batal: str | None
    dibuat_oleh: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "tahun": self.tahun,
            "seri": self.seri,
            "urut": self.urut,
            "nomor": self.nomor,
            "status": self.status.value,
            "sk_id": self.sk_id,
            "tanggal": self.tanggal.isoformat(),
            "keterangan": self.keterangan,
            "alasan_batal": self.alasan_batal,
        }


@dataclass(frozen=True)
class BerkasHasil:
    """One document of a render run: its file, or why it failed."""

    jenis: JenisDokumen
    baris: int | None
    nama: str | None
    nip: str | None
    path: Path | None
    galat: str | None = None

    @property
    def ok(self) -> bool:
        return self.galat is None


@dataclass(frozen=True)
class RenderRingkasan:
    folder: Path
    hasil: tuple[BerkasHasil, ...]
    detik: float
    draft: bool

    @property
    def berhasil(self) -> int:
        return sum(1 for h in self.hasil if h.ok)

    @property
    def gagal(self) -> tuple[BerkasHasil, ...]:
        return tuple(h for h in self.hasil if not h.ok)


@dataclass(frozen=True)
class Pembatalan:
    info: SkInfo
    peringatan: tuple[str, ...] = ()


@dataclass(frozen=True)
class HasilVerifikasi:
    """The verdict on a file or a code.

    ``hasil``: ``sah`` (authentic and in force), ``dibatalkan`` (authentic, decree cancelled),
    ``berkas_diubah`` (the code is known but the file is not one the app printed),
    ``kode_tidak_dikenal``, ``tanpa_kode``, ``konsep`` (a draft print), ``isi_rusak`` (the
    register's own content no longer matches its hash).
    """

    hasil: str
    kode: str | None
    sk: SkInfo | None = None
    dokumen: DokumenInfo | None = None
    sha256: str | None = None

    @property
    def sah(self) -> bool:
        return self.hasil == "sah"

    @property
    def pesan(self) -> str:
        params: dict[str, Any] = {"kode": self.kode or "-"}
        if self.sk is not None:
            params.update(
                nomor=self.sk.nomor or "-",
                tanggal=format_tanggal(self.sk.tanggal) if self.sk.tanggal else "-",
                alasan=self.sk.alasan_batal or "-",
            )
        if self.dokumen is not None:
            params["dokumen"] = self.dokumen.judul
        return render_message(f"sk.verifikasi.{self.hasil}", params)

    def to_json(self) -> dict[str, Any]:
        return {
            "hasil": self.hasil,
            "sah": self.sah,
            "kode": self.kode,
            "pesan": self.pesan,
            "sk": self.sk.to_json() if self.sk else None,
            "dokumen": (
                {
                    "jenis": self.dokumen.jenis.value,
                    "nama": self.dokumen.nama,
                    "nip": self.dokumen.nip,
                }
                if self.dokumen
                else None
            ),
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class SkEdit:
    """Changes to a draft; ``None`` leaves a field as it is."""

    judul: str | None = None
    menimbang: tuple[str, ...] | None = None
    mengingat: tuple[str, ...] | None = None
    diktum: tuple[str, ...] | None = None
    penyampaian: str | None = None
    tembusan: tuple[str, ...] | None = None
    tembusan_petikan: tuple[str, ...] | None = None
    tembusan_spmt: tuple[str, ...] | None = None
    tempat: str | None = None
    tmt: date | None = None
    keterangan: dict[int, str] = field(default_factory=dict)  # line index -> Ket text


# --------------------------------------------------------------------------- helpers


def _now(ctx: ServiceContext) -> datetime:
    return ctx.clock()


def _info(row: SuratKeputusan) -> SkInfo:
    return SkInfo(
        id=row.id,
        status=StatusSk(row.status),
        nomor=row.nomor,
        tanggal=row.tanggal,
        judul=row.judul,
        jumlah=row.jumlah,
        tmt=row.tmt,
        batch_id=row.batch_id,
        kode_verifikasi=row.kode_verifikasi,
        mengganti_id=row.mengganti_id,
        diganti_oleh_id=row.diganti_oleh_id,
        alasan_batal=row.alasan_batal,
        dibuat_oleh=row.dibuat_oleh,
        dibuat_pada=row.dibuat_pada,
        difinalkan_pada=row.difinalkan_pada,
        dibatalkan_pada=row.dibatalkan_pada,
        versi=row.versi,
    )


def _nomor_info(r: NomorSk) -> NomorInfo:
    return NomorInfo(
        r.id,
        r.tahun,
        r.seri,
        r.urut,
        r.nomor,
        StatusNomor(r.status),
        r.sk_id,
        r.tanggal,
        r.keterangan,
        r.alasan_batal,
        r.dibuat_oleh,
    )


def _nama_pegawai(s: Session, pegawai_id: int | None) -> str:
    p = s.get(Pegawai, pegawai_id) if pegawai_id is not None else None
    return p.nama if p is not None else "-"


def _require(s: Session, sk_id: int) -> SuratKeputusan:
    row = s.get(SuratKeputusan, sk_id)
    if row is None:
        raise DomainError("sk.tidak_ditemukan")
    return row


def _require_draft(row: SuratKeputusan) -> None:
    if StatusSk(row.status) is not StatusSk.DRAFT:
        raise DomainError("sk.final_terkunci", nomor=row.nomor or "-")


def _check_versi(row: SuratKeputusan, expected: int | None) -> None:
    if expected is not None and row.versi != expected:
        raise DomainError("sk.diubah_pengguna_lain")


def lock_register(s: Session) -> None:
    """Take the numbering lock: must be the first statement of the transaction (see
    ``KunciPenomoran``)."""
    result = s.execute(
        update(KunciPenomoran)
        .where(KunciPenomoran.id == 1)
        .values(versi=KunciPenomoran.versi + 1)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 1) == 0:  # a database made without the migration's row
        s.add(KunciPenomoran(id=1, versi=1))
        s.flush()


def _isi(row: SuratKeputusan) -> IsiSk:
    return IsiSk.from_dict(row.isi)


def _tata(row: SuratKeputusan, s: Session) -> TataLetak:
    if row.tata_letak:
        return TataLetak.from_dict(row.tata_letak)
    return TataLetak.dari_pengaturan(read_settings(s), read_logo(s))


def _detail(s: Session, row: SuratKeputusan) -> SkDetail:
    isi = _isi(row)
    counts = dict(
        s.execute(
            select(BerkasSk.dokumen_id, func.count())
            .join(DokumenSk, BerkasSk.dokumen_id == DokumenSk.id)
            .where(DokumenSk.sk_id == row.id)
            .group_by(BerkasSk.dokumen_id)
        ).all()
    )
    docs = s.scalars(
        select(DokumenSk).where(DokumenSk.sk_id == row.id).order_by(DokumenSk.id)
    ).all()
    masalah = masalah_final(isi) if StatusSk(row.status) is StatusSk.DRAFT else []
    return SkDetail(
        _info(row),
        isi,
        _tata(row, s),
        tuple(_dokumen_info(d, counts.get(d.id, 0)) for d in docs),
        tuple(masalah),
        row.catatan,
    )


def _dokumen_info(d: DokumenSk, berkas: int) -> DokumenInfo:
    return DokumenInfo(d.id, JenisDokumen(d.jenis), d.baris, d.nama, d.nip, d.kode, berkas)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _safe(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z.\-]+", "-", text).strip("-") or "sk"


def dokumen_daftar(isi: IsiSk) -> list[tuple[JenisDokumen, int | None]]:
    """Every document of a decree: the SK, then per person the petikan and the letters."""
    out: list[tuple[JenisDokumen, int | None]] = [(JenisDokumen.SK, None)]
    for i in range(len(isi.baris)):
        out.append((JenisDokumen.PETIKAN, i))
        for jenis in isi.jenis_spmt.dokumen:
            out.append((jenis, i))
    return out


# --------------------------------------------------------------------------- building lines


def _kepala_opd(s: Session, opd_ids: Iterable[int]) -> dict[int, Pejabat]:
    """The head of each OPD: the incumbent of the highest position in its root office."""
    out: dict[int, Pejabat] = {}
    for opd_id in sorted(set(opd_ids)):
        row = s.execute(
            select(Pegawai, Jabatan)
            .join(Jabatan, Pegawai.jabatan_id == Jabatan.id)
            .join(UnitKerja, Jabatan.unit_id == UnitKerja.id)
            .where(
                UnitKerja.opd_id == opd_id,
                UnitKerja.parent_id.is_(None),
                Pegawai.aktif.is_(True),
            )
            .order_by(Jabatan.kelas.desc().nulls_last(), Jabatan.id)
            .limit(1)
        ).first()
        if row is None:
            continue
        p, j = row
        out[opd_id] = Pejabat(
            nama=nama_lengkap(p.nama, p.gelar_depan, p.gelar_belakang),
            nip=p.nip,
            golongan=p.golongan or "",
            jabatan=j.nama,
        )
    return out


def _tempat(s: Session, jabatan_id: int | None) -> tuple[str, str, str, int | None]:
    """(jabatan, unit text, OPD name, OPD id) of a position."""
    if jabatan_id is None:
        return "", "", "", None
    row = s.execute(
        select(Jabatan.nama, UnitKerja.nama, Opd.nama, Opd.id)
        .join(UnitKerja, Jabatan.unit_id == UnitKerja.id)
        .join(Opd, UnitKerja.opd_id == Opd.id)
        .where(Jabatan.id == jabatan_id)
    ).first()
    if row is None:
        return "", "", "", None
    jabatan, unit, opd, opd_id = row
    return jabatan, unit_lengkap(unit, opd), opd, opd_id


def baris_dari_usulan(s: Session, usulan: Sequence[UsulanMutasi]) -> list[BarisSk]:
    """Decree lines for proposals, highest rank first then by name (as a DUK would)."""
    tujuan_opd: dict[int, int] = {}
    prepared = []
    for u in usulan:
        p = s.get(Pegawai, u.pegawai_id)
        if p is None:
            raise DomainError("pegawai.tidak_ditemukan")
        lama = _tempat(s, u.jabatan_asal_id or p.jabatan_id)
        baru = _tempat(s, u.jabatan_tujuan_id)
        if baru[3] is not None:
            tujuan_opd[u.id] = baru[3]
        prepared.append((u, p, lama, baru))
    heads = _kepala_opd(s, tujuan_opd.values())
    lines: list[BarisSk] = []
    for u, p, lama, baru in prepared:
        jenis = JenisMutasi(u.jenis)
        jabatan_baru, unit_baru, opd_baru = baru[0], baru[1], baru[2]
        jabatan_lama, unit_lama = lama[0], lama[1]
        keterangan = ""
        if jenis is JenisMutasi.KELUAR:
            jabatan_baru, unit_baru, opd_baru = "", u.instansi_lain or "Instansi lain", ""
            keterangan = "Pindah ke luar"
        elif jenis is JenisMutasi.MASUK:
            jabatan_lama, unit_lama = "", u.instansi_lain or "Instansi lain"
            keterangan = "Pindah masuk"
        gol = parse_golongan(p.golongan) if p.golongan else None
        lines.append(
            BarisSk(
                nama=nama_lengkap(p.nama, p.gelar_depan, p.gelar_belakang),
                nip=p.nip,
                pangkat=gol.label if gol else (p.golongan or ""),
                jabatan_lama=jabatan_lama,
                unit_lama=unit_lama,
                jabatan_baru=jabatan_baru,
                unit_baru=unit_baru,
                opd_baru=opd_baru,
                keterangan=keterangan,
                pegawai_id=p.id,
                usulan_id=u.id,
                kepala_baru=heads.get(tujuan_opd.get(u.id, -1)),
            )
        )
    return urutkan_baris(lines)


# --------------------------------------------------------------------------- the service


class DecreeService:
    """Decrees from batches of approved proposals, their numbers, files and verification."""

    def __init__(
        self, ctx: ServiceContext, planning: PlanningService | None, *, audited: bool = True
    ) -> None:
        self.ctx = ctx
        self.planning = planning
        # False only for the demo build, whose single audit row covers everything it writes.
        self.audited = audited

    def _record(self, s: Session, **kw: Any) -> None:
        if self.audited:
            audit.record(s, self.ctx, **kw)

    # ------------------------------------------------------------------ reading

    def daftar(self, status: StatusSk | None = None) -> list[SkInfo]:
        self.ctx.require(Action.SK_READ)
        stmt = select(SuratKeputusan).order_by(SuratKeputusan.id.desc())
        if status is not None:
            stmt = stmt.where(SuratKeputusan.status == status)
        with self.ctx.read() as s:
            return [_info(r) for r in s.scalars(stmt).all()]

    def get(self, sk_id: int) -> SkDetail:
        self.ctx.require(Action.SK_READ)
        with self.ctx.read() as s:
            return _detail(s, _require(s, sk_id))

    def batches_siap(self) -> list[BatchSiap]:
        """Batches that can become a decree: open with approved proposals, or in a decree
        whose draft was deleted."""
        self.ctx.require(Action.SK_READ)
        with self.ctx.read() as s:
            out: list[BatchSiap] = []
            rows = s.scalars(
                select(BatchMutasi)
                .where(BatchMutasi.status.in_([StatusBatch.TERBUKA, StatusBatch.DALAM_SK]))
                .order_by(BatchMutasi.id)
            ).all()
            for b in rows:
                if StatusBatch(b.status) is StatusBatch.DALAM_SK and b.sk_id is not None:
                    continue
                usulan = list(b.usulan)
                if usulan and all(
                    StatusUsulan(u.status) in (StatusUsulan.DISETUJUI, StatusUsulan.DALAM_SK)
                    for u in usulan
                ):
                    out.append(BatchSiap(b.id, b.nama, len(usulan), StatusBatch(b.status)))
            return out

    # ------------------------------------------------------------------ drafting

    def create_from_batch(self, batch_id: int, *, tmt: date | None = None) -> SkInfo:
        """Draft a decree from a batch; its proposals go "into the decree" (planning's
        ``mark_batch_in_decree``, which re-checks the transfer rules)."""
        self.ctx.require(Action.SK_DRAFT)
        with self.ctx.read() as s:
            settings = read_settings(s)
            if not settings.terkonfigurasi:
                raise DomainError("sk.pengaturan_belum_lengkap")
            template = load_template()
            b = s.get(BatchMutasi, batch_id)
            if b is None:
                raise DomainError("mutasi.batch_tidak_ditemukan")
            status = StatusBatch(b.status)
            usulan = list(b.usulan)
            if not usulan:
                raise DomainError("mutasi.batch_kosong", nama=b.nama)
            if status is StatusBatch.DALAM_SK:
                if b.sk_id is not None:
                    raise DomainError("sk.batch_sudah_ada_sk", nama=b.nama)
                wanted = StatusUsulan.DALAM_SK
            elif status is StatusBatch.TERBUKA:
                wanted = StatusUsulan.DISETUJUI
            else:
                raise DomainError("mutasi.batch_terkunci", nama=b.nama, status=status.label)
            for u in usulan:
                if StatusUsulan(u.status) is not wanted:
                    raise DomainError(
                        "mutasi.batch_bukan_disetujui",
                        nama=_nama_pegawai(s, u.pegawai_id),
                        status=StatusUsulan(u.status).label,
                    )
            baris = baris_dari_usulan(s, usulan)
            if tmt is None:
                tmts = [u.tmt_rencana for u in usulan if u.tmt_rencana]
                tmt = max(tmts) if tmts else None
            isi = draft_isi(template, settings, baris, tmt=tmt)
            nama_batch = b.nama
        if status is StatusBatch.TERBUKA:
            assert self.planning is not None
            self.planning.mark_batch_in_decree(batch_id)
        with self.ctx.write(Action.SK_DRAFT) as s:
            row = self.insert_draft(s, isi, batch_id=batch_id, kode=settings.kode_klasifikasi)
            b = s.get(BatchMutasi, batch_id)
            assert b is not None
            b.sk_id = row.id
            self._record(
                s,
                aksi="sk.konsep",
                entitas=ENTITAS,
                entitas_id=row.id,
                ringkasan=(
                    f"Konsep SK dibuat dari kelompok \u201c{nama_batch}\u201d "
                    f"({len(baris)} pegawai)"
                ),
                sesudah={"batch_id": batch_id, "jumlah": len(baris), "tmt": tmt},
            )
            return _info(row)

    def create_manual(self, baris: Sequence[BarisSk], *, tmt: date | None) -> SkInfo:
        """A decree not tied to a batch (lines given by the caller; tests and imports)."""
        self.ctx.require(Action.SK_DRAFT)
        with self.ctx.read() as s:
            settings = read_settings(s)
        if not settings.terkonfigurasi:
            raise DomainError("sk.pengaturan_belum_lengkap")
        isi = draft_isi(load_template(), settings, baris, tmt=tmt)
        with self.ctx.write(Action.SK_DRAFT) as s:
            row = self.insert_draft(s, isi, batch_id=None, kode=settings.kode_klasifikasi)
            self._record(
                s,
                aksi="sk.konsep",
                entitas=ENTITAS,
                entitas_id=row.id,
                ringkasan=f"Konsep SK dibuat ({len(baris)} pegawai)",
                sesudah={"jumlah": len(baris), "tmt": tmt},
            )
            return _info(row)

    def insert_draft(
        self,
        s: Session,
        isi: IsiSk,
        *,
        batch_id: int | None,
        kode: str,
        mengganti_id: int | None = None,
        catatan: str | None = None,
    ) -> SuratKeputusan:
        now = _now(self.ctx)
        row = SuratKeputusan(
            jenis=isi.template,
            status=StatusSk.DRAFT,
            judul=isi.judul_terisi[:500],
            batch_id=batch_id,
            tmt=isi.tmt,
            jumlah=len(isi.baris),
            isi=isi.to_dict(),
            template=isi.template,
            template_versi=isi.template_versi,
            kode_klasifikasi=kode,
            mengganti_id=mengganti_id,
            catatan=catatan,
            dibuat_oleh=self.ctx.actor.username,
            dibuat_pada=now,
            diubah_pada=now,
        )
        s.add(row)
        s.flush()
        return row

    def update_draft(
        self, sk_id: int, edit: SkEdit, *, expected_versi: int | None = None
    ) -> SkDetail:
        """Change a draft's wording, TMT, lists or a line's Ket. Final decrees are refused."""
        with self.ctx.write(Action.SK_DRAFT) as s:
            row = _require(s, sk_id)
            _require_draft(row)
            _check_versi(row, expected_versi)
            before = _isi(row)
            isi = _apply_edit(before, edit)
            if isi == before:
                return _detail(s, row)  # nothing changed: no write, no audit row
            self._store_isi(s, row, isi)
            self._record(
                s,
                aksi="sk.ubah",
                entitas=ENTITAS,
                entitas_id=row.id,
                ringkasan=f"Konsep SK #{row.id} diubah",
                sebelum=_isi_diff(before, isi),
                sesudah=_isi_diff(isi, before),
            )
        return self.get(sk_id)

    def sync_pengaturan(self, sk_id: int) -> SkDetail:
        """Take the regency names, signatories and Tembusan lists of the current settings."""
        with self.ctx.write(Action.SK_DRAFT) as s:
            row = _require(s, sk_id)
            _require_draft(row)
            p = read_settings(s)
            template = load_template(row.template)
            fresh = draft_isi(template, p, (), tmt=None)
            before = _isi(row)
            isi = dataclasses.replace(
                before,
                daerah=fresh.daerah,
                provinsi=fresh.provinsi,
                kepala_daerah=fresh.kepala_daerah,
                tempat=fresh.tempat,
                gaya_diktum=p.gaya_diktum,
                penandatangan=penandatangan_sk(p),
                pengesah_petikan=pengesah_petikan(p),
                mengingat=fresh.mengingat,
                tembusan=fresh.tembusan,
                tembusan_petikan=fresh.tembusan_petikan,
                tembusan_spmt=fresh.tembusan_spmt,
                jenis_spmt=p.jenis_spmt,
            )
            self._store_isi(s, row, isi)
            row.kode_klasifikasi = p.kode_klasifikasi
            self._record(
                s,
                aksi="sk.ubah",
                entitas=ENTITAS,
                entitas_id=row.id,
                ringkasan=f"Konsep SK #{row.id} disesuaikan dengan pengaturan daerah",
                sebelum=_isi_diff(before, isi),
                sesudah=_isi_diff(isi, before),
            )
        return self.get(sk_id)

    def _store_isi(self, s: Session, row: SuratKeputusan, isi: IsiSk) -> None:
        row.isi = isi.to_dict()
        row.judul = isi.judul_terisi[:500]
        row.tmt = isi.tmt
        row.jumlah = len(isi.baris)
        row.diubah_pada = _now(self.ctx)
        try:
            s.flush()
        except StaleDataError as exc:
            raise DomainError("sk.diubah_pengguna_lain") from exc

    def delete_draft(self, sk_id: int) -> None:
        """Throw a draft away; its batch stays "in a decree", ready to be drafted again."""
        with self.ctx.write(Action.SK_DRAFT) as s:
            row = _require(s, sk_id)
            _require_draft(row)
            if row.batch_id is not None:
                b = s.get(BatchMutasi, row.batch_id)
                if b is not None and b.sk_id == row.id:
                    b.sk_id = None
            self._record(
                s,
                aksi="sk.hapus_konsep",
                entitas=ENTITAS,
                entitas_id=row.id,
                ringkasan=f"Konsep SK #{row.id} dihapus",
                sebelum={"judul": row.judul, "jumlah": row.jumlah, "batch_id": row.batch_id},
            )
            s.delete(row)

    # ------------------------------------------------------------------ finalising

    def finalize(
        self, sk_id: int, *, tanggal: date | None = None, expected_versi: int | None = None
    ) -> SkInfo:
        """Assign the next number, freeze content and layout, store hash and codes; all in one
        transaction. A correcting decree cancels the decree it replaces in the same step."""
        self.ctx.require(Action.SK_FINALIZE)
        tanggal = tanggal or self.ctx.today()
        try:
            with self.ctx.write(Action.SK_FINALIZE) as s:
                lock_register(s)  # first statement: see KunciPenomoran
                row = _require(s, sk_id)
                _require_draft(row)
                _check_versi(row, expected_versi)
                self.finalize_in(s, row, tanggal)
                return _info(row)
        except StaleDataError as exc:
            raise DomainError("sk.diubah_pengguna_lain") from exc
        except IntegrityError as exc:  # the register's unique constraint: should never fire
            log.exception("numbering conflict")
            raise DomainError("sk.nomor_bentrok") from exc

    def finalize_in(self, s: Session, row: SuratKeputusan, tanggal: date) -> NomorSk:
        """The body of ``finalize`` inside a transaction that already holds the numbering
        lock (also used by the demo build)."""
        settings = read_settings(s)
        isi = _isi(row)
        errors = [p for p in masalah_final(isi) if p.is_error]
        if errors:
            raise DomainError.from_problems(errors)
        pola = check_pola(settings.pola_nomor, seri_per_kode=settings.seri_per_kode)
        kode_klas = row.kode_klasifikasi or settings.kode_klasifikasi
        entry = self.take_number(
            s, pola, settings, kode_klas, tanggal, sk_id=row.id, keterangan=row.judul
        )
        isi = dataclasses.replace(isi, nomor=entry.nomor, tanggal=tanggal)
        tata = TataLetak.dari_pengaturan(settings, read_logo(s))
        digest = hash_isi(isi, tata)
        for jenis, i in dokumen_daftar(isi):
            line = isi.baris[i] if i is not None else None
            s.add(
                DokumenSk(
                    sk_id=row.id,
                    jenis=jenis.value,
                    baris=i,
                    pegawai_id=line.pegawai_id if line else None,
                    nip=line.nip if line else None,
                    nama=line.nama if line else None,
                    kode=kode_verifikasi(digest, jenis, line.nip if line else ""),
                )
            )
        now = _now(self.ctx)
        row.status = StatusSk.FINAL
        row.nomor = entry.nomor
        row.tanggal = tanggal
        row.isi = isi.to_dict()
        row.tata_letak = tata.to_dict()
        row.hash_isi = digest
        row.kode_verifikasi = kode_verifikasi(digest, JenisDokumen.SK)
        row.difinalkan_oleh = self.ctx.actor.username
        row.difinalkan_pada = now
        row.diubah_pada = now
        s.flush()
        if row.batch_id is not None:
            b = s.get(BatchMutasi, row.batch_id)
            if b is not None:
                b.nomor_sk = entry.nomor
                b.tanggal_sk = tanggal
                b.sk_id = row.id
        self._record(
            s,
            aksi="sk.tetapkan",
            entitas=ENTITAS,
            entitas_id=row.id,
            ringkasan=(
                f"SK Nomor {entry.nomor} tanggal {format_tanggal(tanggal)} ditetapkan "
                f"({len(isi.baris)} pegawai)"
            ),
            sesudah={
                "nomor": entry.nomor,
                "tanggal": tanggal,
                "hash_isi": digest,
                "kode_verifikasi": row.kode_verifikasi,
            },
        )
        if row.mengganti_id is not None:
            self._cancel_replaced(s, row, entry.nomor, tanggal)
        return entry

    def take_number(
        self,
        s: Session,
        pola: PolaNomor,
        settings: PengaturanSk,
        kode: str,
        tanggal: date,
        *,
        sk_id: int | None,
        keterangan: str | None,
        urut: int | None = None,
        status: StatusNomor = StatusNomor.DIPAKAI,
    ) -> NomorSk:
        key = seri(kode, seri_per_kode=settings.seri_per_kode)
        used = s.scalars(
            select(NomorSk.urut).where(NomorSk.tahun == tanggal.year, NomorSk.seri == key)
        ).all()
        if urut is None:
            urut = nomor_berikut(used)
        elif urut in set(used):
            raise DomainError("sk.nomor_sudah_dipakai", urut=urut, tahun=tanggal.year)
        try:
            teks = pola.format(nilai_untuk(urut, tanggal, kode, settings.kode_unit))
        except ValueError as exc:
            raise DomainError("nomor.pola_tidak_sah", pola=pola.teks, detail=str(exc)) from exc
        if s.scalar(select(func.count()).select_from(NomorSk).where(NomorSk.nomor == teks)):
            raise DomainError("sk.nomor_sudah_dipakai", urut=urut, tahun=tanggal.year)
        entry = NomorSk(
            tahun=tanggal.year,
            seri=key,
            urut=urut,
            nomor=teks,
            status=status,
            sk_id=sk_id,
            tanggal=tanggal,
            keterangan=(keterangan or None),
            dibuat_oleh=self.ctx.actor.username,
            dibuat_pada=_now(self.ctx),
        )
        s.add(entry)
        s.flush()
        return entry

    def _cancel_replaced(self, s: Session, new: SuratKeputusan, nomor: str, tanggal: date) -> None:
        old = s.get(SuratKeputusan, new.mengganti_id)
        if old is None or StatusSk(old.status) is not StatusSk.FINAL:
            raise DomainError("sk.koreksi_bukan_final")
        reason = (new.catatan or "Koreksi").strip()
        alasan = (
            f"{reason} (diganti dengan Keputusan Nomor {nomor} tanggal {format_tanggal(tanggal)})"
        )
        self._mark_cancelled(s, old, alasan)
        old.diganti_oleh_id = new.id
        s.flush()

    def _mark_cancelled(self, s: Session, row: SuratKeputusan, alasan: str) -> None:
        now = _now(self.ctx)
        row.status = StatusSk.CANCELLED
        row.alasan_batal = alasan
        row.dibatalkan_oleh = self.ctx.actor.username
        row.dibatalkan_pada = now
        for entry in s.scalars(select(NomorSk).where(NomorSk.sk_id == row.id)).all():
            if StatusNomor(entry.status) is not StatusNomor.DIBATALKAN:
                entry.status = StatusNomor.DIBATALKAN
                entry.alasan_batal = alasan
                entry.dibatalkan_oleh = self.ctx.actor.username
                entry.dibatalkan_pada = now
        s.flush()
        self._record(
            s,
            aksi="sk.batalkan",
            entitas=ENTITAS,
            entitas_id=row.id,
            ringkasan=f"SK Nomor {row.nomor} dibatalkan: {alasan}",
            sebelum={"status": StatusSk.FINAL.value},
            sesudah={"status": StatusSk.CANCELLED.value, "alasan_batal": alasan},
        )

    # ------------------------------------------------------------------ cancel and correct

    def cancel(self, sk_id: int, alasan: str, *, expected_versi: int | None = None) -> Pembatalan:
        """Cancel a final decree (the number stays in the register, marked cancelled). Its
        proposals not yet carried out leave the decree and are approved again."""
        alasan = " ".join((alasan or "").split())
        if not alasan:
            raise DomainError("sk.alasan_wajib")
        with self.ctx.write(Action.SK_CANCEL) as s:
            row = _require(s, sk_id)
            if StatusSk(row.status) is StatusSk.DRAFT:
                raise DomainError("sk.konsep_tidak_dibatalkan")
            if StatusSk(row.status) is StatusSk.CANCELLED:
                raise DomainError("sk.sudah_dibatalkan", nomor=row.nomor or "-")
            _check_versi(row, expected_versi)
            if s.scalar(
                select(func.count())
                .select_from(SuratKeputusan)
                .where(
                    SuratKeputusan.mengganti_id == row.id,
                    SuratKeputusan.status == StatusSk.DRAFT,
                )
            ):
                raise DomainError("sk.ada_konsep_koreksi", nomor=row.nomor or "-")
            self._mark_cancelled(s, row, alasan)
            batch_id = row.batch_id
            nomor = row.nomor
        warnings = self._release_batch(batch_id, f"SK Nomor {nomor} dibatalkan: {alasan}")
        with self.ctx.read() as s:
            return Pembatalan(_info(_require(s, sk_id)), tuple(warnings))

    def _release_batch(self, batch_id: int | None, catatan: str) -> list[str]:
        if batch_id is None:
            return []
        with self.ctx.read() as s:
            b = s.get(BatchMutasi, batch_id)
            if b is None:
                return []
            rows = list(b.usulan)
            in_sk = [u.id for u in rows if StatusUsulan(u.status) is StatusUsulan.DALAM_SK]
            done = [u for u in rows if StatusUsulan(u.status) is StatusUsulan.DILAKSANAKAN]
            names = {u.id: _nama_pegawai(s, u.pegawai_id) for u in done}
        warnings = [render_message("sk.sudah_dilaksanakan", {"nama": names[u.id]}) for u in done]
        if in_sk:
            assert self.planning is not None
            try:
                self.planning.step_many(in_sk, Langkah.BATAL_SK, catatan[:500])
            except DomainError as exc:
                warnings.append(exc.message())
                return warnings
        with self.ctx.write(Action.MUTASI_DECREE) as s:
            b = s.get(BatchMutasi, batch_id)
            if b is not None and StatusBatch(b.status) is StatusBatch.DALAM_SK and not done:
                b.status = StatusBatch.DIBATALKAN
                self._record(
                    s,
                    aksi="mutasi.batch_batal",
                    entitas="batch_mutasi",
                    entitas_id=b.id,
                    ringkasan=f"Kelompok \u201c{b.nama}\u201d batal: {catatan}"[:500],
                    sesudah={"status": StatusBatch.DIBATALKAN.value},
                )
        return warnings

    def correct(self, sk_id: int, alasan: str) -> SkInfo:
        """Draft a correcting decree: a copy of the final decree that names it; finalising the
        copy cancels the original with ``alasan``."""
        alasan = " ".join((alasan or "").split())
        if not alasan:
            raise DomainError("sk.alasan_wajib")
        with self.ctx.write(Action.SK_DRAFT) as s:
            old = _require(s, sk_id)
            if StatusSk(old.status) is not StatusSk.FINAL:
                raise DomainError("sk.koreksi_bukan_final")
            if s.scalar(
                select(func.count())
                .select_from(SuratKeputusan)
                .where(
                    SuratKeputusan.mengganti_id == old.id,
                    SuratKeputusan.status == StatusSk.DRAFT,
                )
            ):
                raise DomainError("sk.ada_konsep_koreksi", nomor=old.nomor or "-")
            template = load_template(old.template)
            settings = read_settings(s)
            lama = _isi(old)
            assert old.nomor is not None and old.tanggal is not None
            rujukan = RujukanSk(old.id, old.nomor, old.tanggal, lama.judul_terisi)
            diktum = list(lama.diktum)
            diktum.insert(max(len(diktum) - 1, 0), template.diktum_pencabutan)
            isi = dataclasses.replace(
                lama,
                nomor=None,
                tanggal=None,
                mengganti=rujukan,
                diktum=tuple(diktum),
                penandatangan=penandatangan_sk(settings),
                pengesah_petikan=pengesah_petikan(settings),
            )
            row = self.insert_draft(
                s,
                isi,
                batch_id=old.batch_id,
                kode=old.kode_klasifikasi,
                mengganti_id=old.id,
                catatan=alasan,
            )
            self._record(
                s,
                aksi="sk.koreksi",
                entitas=ENTITAS,
                entitas_id=row.id,
                ringkasan=f"Konsep SK koreksi atas SK Nomor {old.nomor}: {alasan}",
                sesudah={"mengganti_id": old.id, "alasan": alasan},
            )
            return _info(row)

    # ------------------------------------------------------------------ the register

    def register(self, tahun: int | None = None) -> list[NomorInfo]:
        self.ctx.require(Action.SK_READ)
        stmt = select(NomorSk).order_by(NomorSk.tahun.desc(), NomorSk.seri, NomorSk.urut)
        if tahun is not None:
            stmt = stmt.where(NomorSk.tahun == tahun)
        with self.ctx.read() as s:
            return [_nomor_info(r) for r in s.scalars(stmt).all()]

    def celah(self, tahun: int) -> dict[str, list[int]]:
        """Per sequence: numbers below the highest that the register lacks (to be filled)."""
        with self.ctx.read() as s:
            rows = s.execute(select(NomorSk.seri, NomorSk.urut).where(NomorSk.tahun == tahun)).all()
            per: dict[str, list[int]] = {}
            for key, urut in rows:
                per.setdefault(key, []).append(urut)
        return {k: celah(v) for k, v in per.items() if celah(v)}

    def nomor_berikut(self, tanggal: date, kode: str | None = None) -> str:
        """The number the next final decree would get (a preview; nothing is reserved)."""
        with self.ctx.read() as s:
            settings = read_settings(s)
            kode = kode or settings.kode_klasifikasi
            key = seri(kode, seri_per_kode=settings.seri_per_kode)
            used = s.scalars(
                select(NomorSk.urut).where(NomorSk.tahun == tanggal.year, NomorSk.seri == key)
            ).all()
        pola = PolaNomor.parse(settings.pola_nomor)
        return pola.format(nilai_untuk(nomor_berikut(used), tanggal, kode, settings.kode_unit))

    def reserve(
        self,
        keterangan: str,
        *,
        tanggal: date | None = None,
        urut: int | None = None,
        sampai: int | None = None,
        nomor: str | None = None,
        kode: str | None = None,
    ) -> list[NomorInfo]:
        """Record numbers used outside the app so the app never gives them.

        Without ``urut``/``nomor``: the next number. ``nomor`` is read back with the
        numbering pattern. ``sampai`` reserves the range ``urut..sampai`` (e.g. the numbers
        given by hand before the app was used this year).
        """
        keterangan = " ".join((keterangan or "").split())
        if not keterangan:
            raise DomainError("sk.keterangan_wajib")
        tanggal = tanggal or self.ctx.today()
        with self.ctx.write(Action.SK_NUMBER) as s:
            lock_register(s)
            settings = read_settings(s)
            pola = check_pola(settings.pola_nomor, seri_per_kode=settings.seri_per_kode)
            kode = kode or settings.kode_klasifikasi
            if nomor:
                nilai = pola.baca(nomor)
                if nilai is None:
                    raise DomainError("sk.nomor_tidak_cocok_pola", nomor=nomor, pola=pola.teks)
                urut = nilai.urut
                if nilai.tahun != tanggal.year:
                    tanggal = date(nilai.tahun, nilai.bulan, 1)
                kode = nilai.kode or kode
            first = urut
            last = sampai if sampai is not None else urut
            if first is not None and last is not None and (last < first or last - first > 5000):
                raise DomainError("sk.rentang_tidak_sah", dari=first, sampai=last)
            out: list[NomorInfo] = []
            numbers: list[int | None] = (
                [None] if first is None else list(range(first, (last or first) + 1))
            )
            for n in numbers:
                entry = self.take_number(
                    s,
                    pola,
                    settings,
                    kode,
                    tanggal,
                    sk_id=None,
                    keterangan=keterangan,
                    urut=n,
                    status=StatusNomor.DICADANGKAN,
                )
                out.append(_nomor_info(entry))
            self._record(
                s,
                aksi="sk.nomor_cadang",
                entitas=ENTITAS_NOMOR,
                entitas_id=out[0].id,
                ringkasan=(
                    f"Nomor dicadangkan: {out[0].nomor}"
                    + (f" s.d. {out[-1].nomor}" if len(out) > 1 else "")
                    + f" ({keterangan})"
                )[:500],
                sesudah={"jumlah": len(out), "keterangan": keterangan},
            )
            return out

    def cancel_number(self, nomor_id: int, alasan: str) -> NomorInfo:
        """Cancel a reserved number; it stays in the register and is never given again.
        A decree's own number is cancelled by cancelling the decree."""
        alasan = " ".join((alasan or "").split())
        if not alasan:
            raise DomainError("sk.alasan_wajib")
        with self.ctx.write(Action.SK_NUMBER) as s:
            entry = s.get(NomorSk, nomor_id)
            if entry is None:
                raise DomainError("sk.nomor_tidak_ditemukan")
            if entry.sk_id is not None:
                raise DomainError("sk.nomor_milik_sk", nomor=entry.nomor)
            if StatusNomor(entry.status) is StatusNomor.DIBATALKAN:
                return _nomor_info(entry)
            entry.status = StatusNomor.DIBATALKAN
            entry.alasan_batal = alasan
            entry.dibatalkan_oleh = self.ctx.actor.username
            entry.dibatalkan_pada = _now(self.ctx)
            s.flush()
            self._record(
                s,
                aksi="sk.nomor_batal",
                entitas=ENTITAS_NOMOR,
                entitas_id=entry.id,
                ringkasan=f"Nomor {entry.nomor} dibatalkan: {alasan}"[:500],
                sesudah={"status": StatusNomor.DIBATALKAN.value, "alasan": alasan},
            )
            return _nomor_info(entry)

    # ------------------------------------------------------------------ rendering

    def _render_input(
        self, sk_id: int
    ) -> tuple[SkInfo, IsiSk, TataLetak, dict[tuple[str, int | None], str]]:
        with self.ctx.read() as s:
            row = _require(s, sk_id)
            codes = {
                (d.jenis, d.baris): d.kode
                for d in s.scalars(select(DokumenSk).where(DokumenSk.sk_id == sk_id)).all()
            }
            return _info(row), _isi(row), _tata(row, s), codes

    def render_pdf(self, sk_id: int, jenis: JenisDokumen, baris: int | None = None) -> bytes:
        """One document as PDF bytes (drafts carry the DRAFT watermark and no code)."""
        self.ctx.require(Action.SK_READ)
        info, isi, tata, codes = self._render_input(sk_id)
        draft = info.status is StatusSk.DRAFT
        line = None
        if jenis.per_pegawai:
            if baris is None or not 0 <= baris < len(isi.baris):
                raise DomainError("sk.baris_tidak_ada")
            line = isi.baris[baris]
        kode = None if draft else codes.get((jenis.value, baris))
        return _pdf().render(jenis, isi, tata, line, kode=kode, draft=draft)

    def preview(
        self, sk_id: int, jenis: JenisDokumen, baris: int | None = None, *, dpi: float = 96
    ) -> list[Halaman]:
        """The document's pages as pixels for the in-app preview."""
        return list(_pages(self.render_pdf(sk_id, jenis, baris), dpi))

    def halaman(
        self, sk_id: int, jenis: JenisDokumen, baris: int | None = None, *, dpi: float = 300
    ) -> Iterator[Halaman]:
        """The document's pages one at a time (printing renders page by page)."""
        return _pages(self.render_pdf(sk_id, jenis, baris), dpi)

    def save_pdf(
        self, sk_id: int, jenis: JenisDokumen, path: Path, baris: int | None = None
    ) -> Path:
        """Write one document; a final decree's file is registered for verification."""
        data = self.render_pdf(sk_id, jenis, baris)
        _write_atomic(Path(path), data)
        info = self._render_input(sk_id)[0]
        if info.status is not StatusSk.DRAFT:
            self._register_files(sk_id, [(jenis.value, baris, data)])
        return Path(path)

    def render_files(
        self,
        sk_id: int,
        folder: Path,
        *,
        jenis: Iterable[JenisDokumen] | None = None,
        progress: Progress = _NO_PROGRESS,
        workers: int | None = None,
    ) -> RenderRingkasan:
        """Write the SK, every petikan and SPMT letter into ``folder`` (one file each).

        One person's failure does not stop the others: the result lists each document with
        its file or its error. Files of a final decree are registered (SHA-256) so that
        ``verify_file`` recognises them; on cancel, the files already written are registered.
        """
        self.ctx.require(Action.SK_READ)
        started = time.perf_counter()
        info, isi, tata, codes = self._render_input(sk_id)
        draft = info.status is StatusSk.DRAFT
        wanted = set(jenis) if jenis is not None else None
        sk_pdf = _pdf()
        pesanan: list[Any] = []
        for kind, i in dokumen_daftar(isi):
            if wanted is not None and kind not in wanted:
                continue
            kode = None if draft else codes.get((kind.value, i))
            pesanan.append(sk_pdf.Pesanan(kind, i, kode))
        folder = Path(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DomainError(
                "berkas.tidak_dapat_ditulis", path=str(folder), detail=str(exc)
            ) from exc
        prefix = "KONSEP-" if draft else ""
        results: list[BerkasHasil] = []
        written: list[tuple[str, int | None, bytes]] = []
        total = len(pesanan)
        if workers is None and os.environ.get("MUTASI_PDF_WORKERS"):
            workers = int(os.environ["MUTASI_PDF_WORKERS"])
        try:
            checkpoint(progress, 0, total, "Menyiapkan dokumen")
            for done, hasil in enumerate(
                sk_pdf.render_many(isi, tata, pesanan, draft=draft, workers=workers), start=1
            ):
                p = hasil.pesanan
                line = isi.baris[p.baris] if p.baris is not None else None
                name = nama_berkas(p.jenis, line, p.baris + 1 if p.baris is not None else None)
                path: Path | None = None
                galat = hasil.galat
                if hasil.data is not None:
                    path = folder / f"{prefix}{name}"
                    try:
                        _write_atomic(path, hasil.data)
                        if not draft:
                            written.append((p.jenis.value, p.baris, hasil.data))
                    except OSError as exc:
                        path, galat = None, str(exc)
                results.append(
                    BerkasHasil(
                        p.jenis,
                        p.baris,
                        line.nama if line else None,
                        line.nip if line else None,
                        path,
                        galat,
                    )
                )
                label = f"{p.jenis.judul}: {line.nama}" if line else p.jenis.judul
                checkpoint(progress, done, total, label)
        finally:
            if written:
                self._register_files(sk_id, written)
        results.sort(key=lambda r: (r.baris if r.baris is not None else -1, r.jenis.value))
        return RenderRingkasan(folder, tuple(results), time.perf_counter() - started, draft)

    def _register_files(self, sk_id: int, files: Sequence[tuple[str, int | None, bytes]]) -> None:
        with self.ctx.write(Action.SK_READ) as s:
            docs = {
                (d.jenis, d.baris): d.id
                for d in s.scalars(select(DokumenSk).where(DokumenSk.sk_id == sk_id)).all()
            }
            known = set(
                s.scalars(
                    select(BerkasSk.sha256)
                    .join(DokumenSk, BerkasSk.dokumen_id == DokumenSk.id)
                    .where(DokumenSk.sk_id == sk_id)
                ).all()
            )
            now = _now(self.ctx)
            added = 0
            for jenis, baris, data in files:
                digest = _sha(data)
                doc_id = docs.get((jenis, baris))
                if doc_id is None or digest in known:
                    continue
                known.add(digest)
                s.add(
                    BerkasSk(
                        dokumen_id=doc_id,
                        sha256=digest,
                        ukuran=len(data),
                        halaman=_pdf().page_count(data),
                        dibuat_oleh=self.ctx.actor.username,
                        dibuat_pada=now,
                    )
                )
                added += 1
            if added:
                self._record(
                    s,
                    aksi="sk.berkas",
                    entitas=ENTITAS,
                    entitas_id=sk_id,
                    ringkasan=f"{added} berkas PDF SK #{sk_id} dicetak dan didaftarkan",
                    sesudah={"jumlah": added},
                )

    # ------------------------------------------------------------------ verification

    def verify_code(self, text: str) -> HasilVerifikasi:
        """Check a typed or scanned code against the register (offline)."""
        self.ctx.require(Action.SK_READ)
        kode = parse_kode(text)
        if kode is None:
            return HasilVerifikasi("kode_tidak_dikenal", text.strip()[:40] or None)
        return self._verify(kode, None)

    def verify_file(self, path: Path) -> HasilVerifikasi:
        """Check a PDF: its code must be in the register and its bytes must be a file the app
        printed from that decree (any edit, even one character, fails)."""
        self.ctx.require(Action.SK_READ)
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError as exc:
            raise DomainError("berkas.tidak_ada", path=str(path)) from exc
        except OSError as exc:
            raise DomainError("berkas.rusak", path=str(path), detail=str(exc)) from exc
        kode = _pdf().read_verification_code(data)
        if kode is None:
            draft = b"/Keywords (konsep)" in data
            return HasilVerifikasi("konsep" if draft else "tanpa_kode", None, sha256=_sha(data))
        return self._verify(kode, data)

    def _verify(self, kode: str, data: bytes | None) -> HasilVerifikasi:
        with self.ctx.read() as s:
            doc = s.scalar(select(DokumenSk).where(DokumenSk.kode == kode))
            if doc is None:
                return HasilVerifikasi("kode_tidak_dikenal", kode)
            row = _require(s, doc.sk_id)
            info = _info(row)
            n_files = s.scalar(
                select(func.count()).select_from(BerkasSk).where(BerkasSk.dokumen_id == doc.id)
            )
            dokumen = _dokumen_info(doc, int(n_files or 0))
            isi, tata = _isi(row), _tata(row, s)
            digest = None
            if data is not None:
                digest = _sha(data)
                known = s.scalar(
                    select(func.count())
                    .select_from(BerkasSk)
                    .where(BerkasSk.dokumen_id == doc.id, BerkasSk.sha256 == digest)
                )
            if hash_isi(isi, tata) != row.hash_isi:
                return HasilVerifikasi("isi_rusak", kode, info, dokumen, digest)
        if data is not None and not known:
            # Not registered (e.g. printed before registration failed): a faithful re-print
            # from the frozen content gives the same bytes.
            jenis = JenisDokumen(doc.jenis)
            line = isi.baris[doc.baris] if doc.baris is not None else None
            again = _pdf().render(jenis, isi, tata, line, kode=kode, draft=False)
            if again != data:
                return HasilVerifikasi("berkas_diubah", kode, info, dokumen, digest)
        if info.status is StatusSk.CANCELLED:
            return HasilVerifikasi("dibatalkan", kode, info, dokumen, digest)
        return HasilVerifikasi("sah", kode, info, dokumen, digest)

    def check_integrity(self) -> list[SkInfo]:
        """Final and cancelled decrees whose stored content no longer matches its hash."""
        bad: list[SkInfo] = []
        with self.ctx.read() as s:
            for row in s.scalars(
                select(SuratKeputusan).where(SuratKeputusan.status != StatusSk.DRAFT)
            ).all():
                if hash_isi(_isi(row), _tata(row, s)) != row.hash_isi:
                    bad.append(_info(row))
        return bad


# --------------------------------------------------------------------------- editing


def _apply_edit(isi: IsiSk, e: SkEdit) -> IsiSk:
    changes: dict[str, Any] = {}
    for name in (
        "judul",
        "menimbang",
        "mengingat",
        "diktum",
        "penyampaian",
        "tembusan",
        "tembusan_petikan",
        "tembusan_spmt",
        "tempat",
    ):
        value = getattr(e, name)
        if value is None:
            continue
        if isinstance(value, tuple):
            value = tuple(" ".join(v.split()) for v in value if v and v.strip())
            if name in ("menimbang", "diktum") and not value:
                raise DomainError("sk.daftar_kosong", label=name.capitalize())
        else:
            value = " ".join(value.split())
            if name in ("judul", "tempat") and not value:
                raise DomainError("field.wajib", label=name.capitalize())
        changes[name] = value
    if e.tmt is not None:
        changes["tmt"] = e.tmt
    if e.keterangan:
        lines = list(isi.baris)
        for i, text in e.keterangan.items():
            if not 0 <= i < len(lines):
                raise DomainError("sk.baris_tidak_ada")
            lines[i] = dataclasses.replace(lines[i], keterangan=" ".join(text.split()))
        changes["baris"] = tuple(lines)
    return dataclasses.replace(isi, **changes)


def _isi_diff(a: IsiSk, b: IsiSk) -> dict[str, Any]:
    da, db = a.to_dict(), b.to_dict()
    return {k: v for k, v in da.items() if db.get(k) != v and k != "baris"} | (
        {"baris": "(diubah)"} if da["baris"] != db["baris"] else {}
    )


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so a crash never leaves half a PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def folder_name(info: SkInfo) -> str:
    """A folder name for a decree's files: ``SK-800.1.3.1-Kep.12-BKPSDM-XI-2026``."""
    return f"SK-{_safe(info.nomor)}" if info.nomor else f"KONSEP-SK-{info.id}"


def nilai_nomor(pola: str, nomor: str) -> NilaiNomor | None:
    return PolaNomor.parse(pola).baca(nomor)
