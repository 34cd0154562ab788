"""Staff register use cases: list and search, read one person, create, edit, deactivate, undo."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Any, NamedTuple, cast

from sqlalchemy import Select, String, Table, bindparam, func, select, type_coerce, update
from sqlalchemy.orm import Session, selectinload

from mutasi_desktop.domain.errors import DomainError, Problem, Severity
from mutasi_desktop.domain.golongan import parse_golongan
from mutasi_desktop.domain.jabatan import JenisJabatan
from mutasi_desktop.domain.pegawai import (
    Agama,
    JenisKelamin,
    JenisPegawai,
    StatusPegawai,
    TingkatPendidikan,
    nama_lengkap,
)
from mutasi_desktop.domain.pencarian import like_escape, query_tokens, search_text
from mutasi_desktop.domain.staff_record import (
    AspirasiItem,
    KompetensiItem,
    PelatihanItem,
    StaffDraft,
    validate_staff,
)
from mutasi_desktop.services import audit
from mutasi_desktop.services.context import Action, ServiceContext
from mutasi_desktop.storage.models import (
    Aspirasi,
    AuditLog,
    Jabatan,
    Kompetensi,
    Opd,
    Pegawai,
    Pelatihan,
    RiwayatJabatan,
    RiwayatPangkat,
    UnitKerja,
)

ENTITAS = "pegawai"


class StaffRow(NamedTuple):
    """One register line: plain values only, cheap enough for 50,000 rows in memory."""

    id: int
    nip: str
    nama: str
    nama_lengkap: str
    jenis_pegawai: str
    golongan: str | None
    golongan_rank: int
    jabatan_id: int | None
    jabatan_nama: str | None
    jenis_jabatan: str | None
    unit_id: int | None
    unit_nama: str | None
    opd_id: int | None
    opd_nama: str | None
    status: str
    aktif: bool
    teks_cari: str


@dataclass(frozen=True)
class StaffFilter:
    search: str = ""
    opd_id: int | None = None
    unit_ids: frozenset[int] | None = None  # the unit and its descendants, resolved by the caller
    jenis_pegawai: JenisPegawai | None = None
    golongan: str | None = None
    jenis_jabatan: JenisJabatan | None = None
    status: StatusPegawai | None = None
    include_inactive: bool = False


@dataclass(frozen=True)
class RiwayatJabatanRow:
    jabatan_nama: str
    unit_nama: str | None
    tmt_mulai: date | None
    tmt_selesai: date | None
    nomor_sk: str | None
    keterangan: str | None


@dataclass(frozen=True)
class RiwayatPangkatRow:
    golongan: str
    pangkat: str | None
    tmt: date | None
    nomor_sk: str | None
    keterangan: str | None


@dataclass(frozen=True)
class StaffDetail:
    id: int
    versi: int
    aktif: bool
    alasan_nonaktif: str | None
    draft: StaffDraft
    unit_nama: str | None
    opd_nama: str | None
    jabatan_nama: str | None
    riwayat_jabatan: tuple[RiwayatJabatanRow, ...]
    riwayat_pangkat: tuple[RiwayatPangkatRow, ...]

    @property
    def nama_lengkap(self) -> str:
        d = self.draft
        return nama_lengkap(d.nama, d.gelar_depan, d.gelar_belakang)


class ChangeKind(StrEnum):
    CREATED = "tambah"
    UPDATED = "ubah"
    DEACTIVATED = "nonaktifkan"
    REACTIVATED = "aktifkan"
    UNDONE = "batal"
    UNCHANGED = "tetap"


@dataclass(frozen=True)
class StaffChange:
    """What a mutation did, so a view can refresh exactly the affected row."""

    kind: ChangeKind
    pegawai_id: int
    audit_id: int | None
    row: StaffRow | None
    undoable: bool = False


_SCALARS = [
    f.name for f in fields(StaffDraft) if f.name not in ("kompetensi", "pelatihan", "aspirasi")
]
_ENUM_FIELDS: dict[str, type[StrEnum]] = {
    "jenis_pegawai": JenisPegawai,
    "jenis_kelamin": JenisKelamin,
    "agama": Agama,
    "pendidikan_tingkat": TingkatPendidikan,
    "status": StatusPegawai,
}
_DATE_FIELDS = {
    "tanggal_lahir",
    "tmt_golongan",
    "tmt_jabatan",
    "tmt_cpns",
    "tmt_pns",
    "kontrak_selesai",
}


def _row_select() -> Select[Any]:  # many columns: the precise tuple type helps nobody
    stmt = (
        select(
            Pegawai.id,
            Pegawai.nip,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            # Enum columns read as plain strings: converting 50,000 values to enum members
            # and back again cost a quarter of the register's start-up.
            type_coerce(Pegawai.jenis_pegawai, String),
            Pegawai.golongan,
            Pegawai.jabatan_id,
            Jabatan.nama,
            type_coerce(Jabatan.jenis, String),
            Pegawai.unit_id,
            UnitKerja.nama,
            Opd.id,
            Opd.nama,
            type_coerce(Pegawai.status, String),
            Pegawai.aktif,
            Pegawai.teks_cari,
        )
        .outerjoin(Jabatan, Jabatan.id == Pegawai.jabatan_id)
        .outerjoin(UnitKerja, UnitKerja.id == Pegawai.unit_id)
        .outerjoin(Opd, Opd.id == UnitKerja.opd_id)
    )
    return cast("Select[Any]", stmt)


@lru_cache(maxsize=256)
def _golongan_rank(kode: str | None, jenis: str) -> int:
    if not kode:
        return 0
    g = parse_golongan(kode, JenisPegawai(jenis))
    if g is None:
        return 0
    # Keep the schemes apart when sorting: every PNS rank sorts above every PPPK grade.
    return g.rank + (0 if g.is_pppk else 100)


def _to_row(r: Any) -> StaffRow:
    (
        pid,
        nip,
        nama,
        depan,
        belakang,
        jenis,
        gol,
        jab_id,
        jab_nama,
        jab_jenis,
        unit_id,
        unit_nama,
        opd_id,
        opd_nama,
        status,
        aktif,
        teks,
    ) = r
    # The enum columns arrive as plain strings (type_coerce in _row_select).
    jenis_value = str(jenis)
    return StaffRow(
        pid,
        nip,
        nama,
        nama_lengkap(nama, depan, belakang),
        jenis_value,
        gol,
        _golongan_rank(gol, jenis_value),
        jab_id,
        jab_nama,
        jab_jenis,
        unit_id,
        unit_nama,
        opd_id,
        opd_nama,
        str(status),
        bool(aktif),
        teks,
    )


def staff_search_text(p: Pegawai, jabatan_nama: str | None) -> str:
    return search_text(
        [nama_lengkap(p.nama, p.gelar_depan, p.gelar_belakang), p.nip, p.nip_lama, jabatan_nama]
    )


def apply_filter(stmt: Select[Any], flt: StaffFilter) -> Select[Any]:
    for token in query_tokens(flt.search):
        stmt = stmt.where(Pegawai.teks_cari.like(f"%{like_escape(token)}%", escape="\\"))
    if not flt.include_inactive:
        stmt = stmt.where(Pegawai.aktif.is_(True))
    if flt.opd_id is not None:
        stmt = stmt.where(UnitKerja.opd_id == flt.opd_id)
    if flt.unit_ids is not None:
        stmt = stmt.where(Pegawai.unit_id.in_(sorted(flt.unit_ids)))
    if flt.jenis_pegawai is not None:
        stmt = stmt.where(Pegawai.jenis_pegawai == flt.jenis_pegawai)
    if flt.golongan:
        stmt = stmt.where(Pegawai.golongan == flt.golongan)
    if flt.jenis_jabatan is not None:
        stmt = stmt.where(Jabatan.jenis == flt.jenis_jabatan)
    if flt.status is not None:
        stmt = stmt.where(Pegawai.status == flt.status)
    return stmt


class StaffService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---- reading -------------------------------------------------------------------------
    def all_rows(self) -> list[StaffRow]:
        """Every record, active or not, for the in-memory register (which sorts them itself)."""
        self.ctx.require(Action.STAFF_READ)
        with self.ctx.read() as session:
            return [_to_row(r) for r in session.execute(_row_select())]

    def search(self, flt: StaffFilter, limit: int | None = 200) -> list[StaffRow]:
        self.ctx.require(Action.STAFF_READ)
        stmt = apply_filter(_row_select(), flt).order_by(Pegawai.nama, Pegawai.nip)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.ctx.read() as session:
            return [_to_row(r) for r in session.execute(stmt)]

    def count(self, flt: StaffFilter | None = None) -> int:
        stmt = select(func.count(Pegawai.id)).select_from(Pegawai)
        stmt = stmt.outerjoin(Jabatan, Jabatan.id == Pegawai.jabatan_id).outerjoin(
            UnitKerja, UnitKerja.id == Pegawai.unit_id
        )
        stmt = apply_filter(stmt, flt or StaffFilter())
        with self.ctx.read() as session:
            return int(session.scalar(stmt) or 0)

    def row(self, pegawai_id: int) -> StaffRow:
        with self.ctx.read() as session:
            return self._row(session, pegawai_id)

    def _row(self, session: Session, pegawai_id: int) -> StaffRow:
        r = session.execute(_row_select().where(Pegawai.id == pegawai_id)).one_or_none()
        if r is None:
            raise DomainError("pegawai.tidak_ditemukan")
        return _to_row(r)

    def find_id_by_nip(self, nip: str) -> int | None:
        with self.ctx.read() as session:
            return session.scalar(select(Pegawai.id).where(Pegawai.nip == nip))

    def get(self, pegawai_id: int) -> StaffDetail:
        self.ctx.require(Action.STAFF_READ)
        with self.ctx.read() as session:
            p = self._load(session, pegawai_id)
            return StaffDetail(
                id=p.id,
                versi=p.versi,
                aktif=p.aktif,
                alasan_nonaktif=p.alasan_nonaktif,
                draft=_draft_of(p),
                unit_nama=p.unit.nama if p.unit else None,
                opd_nama=p.unit.opd.nama if p.unit else None,
                jabatan_nama=p.jabatan.nama if p.jabatan else None,
                riwayat_jabatan=tuple(
                    RiwayatJabatanRow(
                        r.jabatan_nama,
                        r.unit_nama,
                        r.tmt_mulai,
                        r.tmt_selesai,
                        r.nomor_sk,
                        r.keterangan,
                    )
                    for r in p.riwayat_jabatan
                ),
                riwayat_pangkat=tuple(
                    RiwayatPangkatRow(
                        r.golongan, _pangkat(r.golongan), r.tmt, r.nomor_sk, r.keterangan
                    )
                    for r in p.riwayat_pangkat
                ),
            )

    def _load(self, session: Session, pegawai_id: int) -> Pegawai:
        p = session.scalars(
            select(Pegawai)
            .where(Pegawai.id == pegawai_id)
            .options(
                selectinload(Pegawai.kompetensi),
                selectinload(Pegawai.pelatihan),
                selectinload(Pegawai.aspirasi),
                selectinload(Pegawai.riwayat_jabatan),
                selectinload(Pegawai.riwayat_pangkat),
            )
        ).one_or_none()
        if p is None:
            raise DomainError("pegawai.tidak_ditemukan")
        return p

    # ---- validation ----------------------------------------------------------------------
    def check(self, draft: StaffDraft, pegawai_id: int | None = None) -> list[Problem]:
        """All problems of a draft, including the ones that need the database."""
        problems = validate_staff(draft, today=self.ctx.today())
        d = draft.normalised()
        with self.ctx.read() as session:
            problems.extend(self._db_problems(session, d, pegawai_id))
        return problems

    def _db_problems(
        self, session: Session, d: StaffDraft, pegawai_id: int | None
    ) -> list[Problem]:
        problems: list[Problem] = []
        if d.nip:
            other = session.execute(
                select(Pegawai.id, Pegawai.nama).where(Pegawai.nip == d.nip)
            ).first()
            if other is not None and other[0] != pegawai_id:
                problems.append(
                    Problem("nip.duplikat", Severity.ERROR, "nip", {"nip": d.nip, "nama": other[1]})
                )
        if d.unit_id is not None and session.get(UnitKerja, d.unit_id) is None:
            problems.append(Problem("unit.tidak_ditemukan", Severity.ERROR, "unit_id", {}))
        if d.jabatan_id is not None:
            jab = session.get(Jabatan, d.jabatan_id)
            if jab is None:
                problems.append(
                    Problem("jabatan.tidak_ditemukan", Severity.ERROR, "jabatan_id", {})
                )
            elif d.unit_id is not None and jab.unit_id != d.unit_id:
                problems.append(
                    Problem(
                        "jabatan.beda_unit", Severity.ERROR, "jabatan_id", {"jabatan": jab.nama}
                    )
                )
        return problems

    def _validated(self, session: Session, draft: StaffDraft, pegawai_id: int | None) -> StaffDraft:
        d = draft.normalised()
        problems = validate_staff(d, today=self.ctx.today())
        problems.extend(self._db_problems(session, d, pegawai_id))
        errors = [p for p in problems if p.is_error]
        if errors:
            raise DomainError.from_problems(errors)
        return d

    # ---- writing -------------------------------------------------------------------------
    def create(self, draft: StaffDraft) -> StaffChange:
        with self.ctx.write(Action.STAFF_EDIT) as session:
            d = self._validated(session, draft, None)
            p = Pegawai(nip=d.nip, nama=d.nama, jenis_pegawai=d.jenis_pegawai, aktif=True)
            _apply(session, p, d, today=self.ctx.today())
            session.add(p)
            session.flush()
            entry = audit.record(
                session,
                self.ctx,
                aksi=ChangeKind.CREATED,
                entitas=ENTITAS,
                entitas_id=p.id,
                ringkasan=f"Tambah pegawai {d.nip} {d.nama}",
                sesudah=_snapshot(p),
            )
            return StaffChange(ChangeKind.CREATED, p.id, entry.id, self._row(session, p.id))

    def update(self, pegawai_id: int, draft: StaffDraft, expected_versi: int) -> StaffChange:
        with self.ctx.write(Action.STAFF_EDIT) as session:
            p = self._load(session, pegawai_id)
            if p.versi != expected_versi:
                raise DomainError("pegawai.diubah_pengguna_lain")
            d = self._validated(session, draft, pegawai_id)
            before = _snapshot(p)
            _apply(session, p, d, today=self.ctx.today())
            after = _snapshot(p)
            if before == after:
                return StaffChange(ChangeKind.UNCHANGED, p.id, None, self._row(session, p.id))
            session.flush()
            entry = audit.record(
                session,
                self.ctx,
                aksi=ChangeKind.UPDATED,
                entitas=ENTITAS,
                entitas_id=p.id,
                ringkasan=f"Ubah pegawai {p.nip} {p.nama}: " + ", ".join(_changed(before, after)),
                sebelum=before,
                sesudah=after,
            )
            return StaffChange(ChangeKind.UPDATED, p.id, entry.id, self._row(session, p.id), True)

    def deactivate(self, pegawai_id: int, alasan: str) -> StaffChange:
        return self._set_active(pegawai_id, False, alasan)

    def reactivate(self, pegawai_id: int) -> StaffChange:
        return self._set_active(pegawai_id, True, None)

    def _set_active(self, pegawai_id: int, aktif: bool, alasan: str | None) -> StaffChange:
        kind = ChangeKind.REACTIVATED if aktif else ChangeKind.DEACTIVATED
        with self.ctx.write(Action.STAFF_DEACTIVATE) as session:
            p = self._load(session, pegawai_id)
            if p.aktif == aktif:
                return StaffChange(ChangeKind.UNCHANGED, p.id, None, self._row(session, p.id))
            before = _snapshot(p)
            p.aktif = aktif
            p.alasan_nonaktif = (alasan or "").strip() or None if not aktif else None
            session.flush()
            after = _snapshot(p)
            entry = audit.record(
                session,
                self.ctx,
                aksi=kind,
                entitas=ENTITAS,
                entitas_id=p.id,
                ringkasan=f"{'Aktifkan' if aktif else 'Nonaktifkan'} pegawai {p.nip} {p.nama}"
                + (f": {p.alasan_nonaktif}" if p.alasan_nonaktif else ""),
                sebelum=before,
                sesudah=after,
            )
            return StaffChange(kind, p.id, entry.id, self._row(session, p.id), True)

    def undo(self, audit_id: int) -> StaffChange:
        """Revert one edit or (de)activation, if nothing changed the person since."""
        with self.ctx.write(Action.STAFF_EDIT) as session:
            entry = session.get(AuditLog, audit_id)
            if (
                entry is None
                or entry.entitas != ENTITAS
                or entry.entitas_id is None
                or entry.aksi
                not in (ChangeKind.UPDATED, ChangeKind.DEACTIVATED, ChangeKind.REACTIVATED)
                or entry.dibatalkan_oleh is not None
            ):
                raise DomainError("undo.kosong")
            p = self._load(session, entry.entitas_id)
            current = _snapshot(p)
            if audit.jsonable(current) != entry.sesudah:
                raise DomainError("undo.sudah_berubah")
            _restore(session, p, entry.sebelum or {})
            session.flush()
            restored = _snapshot(p)
            undo_entry = audit.record(
                session,
                self.ctx,
                aksi=ChangeKind.UNDONE,
                entitas=ENTITAS,
                entitas_id=p.id,
                ringkasan=f"Batalkan perubahan #{entry.id} pada pegawai {p.nip} {p.nama}",
                sebelum=current,
                sesudah=restored,
            )
            entry.dibatalkan_oleh = undo_entry.id
            return StaffChange(ChangeKind.UNDONE, p.id, undo_entry.id, self._row(session, p.id))

    def rebuild_search_text(self, session: Session) -> int:
        """Recompute everyone's search column (after bulk loads or position renames)."""
        rows = session.execute(
            select(
                Pegawai.id,
                Pegawai.nama,
                Pegawai.gelar_depan,
                Pegawai.gelar_belakang,
                Pegawai.nip,
                Pegawai.nip_lama,
                Jabatan.nama,
            ).outerjoin(Jabatan, Jabatan.id == Pegawai.jabatan_id)
        ).all()
        table = cast(Table, Pegawai.__table__)
        stmt = (
            update(table).where(table.c.id == bindparam("pid")).values(teks_cari=bindparam("teks"))
        )
        params = [
            {"pid": r[0], "teks": search_text([nama_lengkap(r[1], r[2], r[3]), r[4], r[5], r[6]])}
            for r in rows
        ]
        if params:
            session.connection().execute(stmt, params)
        return len(params)


def _pangkat(kode: str) -> str | None:
    g = parse_golongan(kode)
    return g.pangkat if g else None


def _draft_of(p: Pegawai) -> StaffDraft:
    values = {name: getattr(p, name) for name in _SCALARS}
    return StaffDraft(
        **values,
        kompetensi=tuple(KompetensiItem(k.nama, k.tingkat, k.keterangan) for k in p.kompetensi),
        pelatihan=tuple(
            PelatihanItem(
                t.nama,
                t.penyelenggara,
                t.tanggal_mulai,
                t.tanggal_selesai,
                t.jam_pelajaran,
                t.status,
            )
            for t in p.pelatihan
        ),
        aspirasi=tuple(
            AspirasiItem(a.sikap, a.tanggal, a.opd_tujuan_id, a.lokasi_tujuan, a.alasan, a.sumber)
            for a in p.aspirasi
        ),
    )


def _snapshot(p: Pegawai) -> dict[str, Any]:
    """Everything undo needs to put a person back, in JSON-ready form."""
    snap: dict[str, Any] = {name: getattr(p, name) for name in _SCALARS}
    snap["aktif"] = p.aktif
    snap["alasan_nonaktif"] = p.alasan_nonaktif
    snap["kompetensi"] = [
        {"nama": k.nama, "tingkat": k.tingkat, "keterangan": k.keterangan} for k in p.kompetensi
    ]
    snap["pelatihan"] = [
        {
            "nama": t.nama,
            "penyelenggara": t.penyelenggara,
            "tanggal_mulai": t.tanggal_mulai,
            "tanggal_selesai": t.tanggal_selesai,
            "jam_pelajaran": t.jam_pelajaran,
            "status": t.status,
        }
        for t in p.pelatihan
    ]
    snap["aspirasi"] = [
        {
            "sikap": a.sikap,
            "tanggal": a.tanggal,
            "opd_tujuan_id": a.opd_tujuan_id,
            "lokasi_tujuan": a.lokasi_tujuan,
            "alasan": a.alasan,
            "sumber": a.sumber,
        }
        for a in p.aspirasi
    ]
    snap["riwayat_jabatan"] = [
        {
            "jabatan_id": r.jabatan_id,
            "jabatan_nama": r.jabatan_nama,
            "unit_nama": r.unit_nama,
            "tmt_mulai": r.tmt_mulai,
            "tmt_selesai": r.tmt_selesai,
            "nomor_sk": r.nomor_sk,
            "tanggal_sk": r.tanggal_sk,
            "keterangan": r.keterangan,
        }
        for r in p.riwayat_jabatan
    ]
    snap["riwayat_pangkat"] = [
        {
            "golongan": r.golongan,
            "tmt": r.tmt,
            "nomor_sk": r.nomor_sk,
            "tanggal_sk": r.tanggal_sk,
            "keterangan": r.keterangan,
        }
        for r in p.riwayat_pangkat
    ]
    result: dict[str, Any] = audit.jsonable(snap)
    return result


def _changed(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return [k for k in after if before.get(k) != after.get(k)]


def _apply(session: Session, p: Pegawai, d: StaffDraft, *, today: date) -> None:
    old_jabatan_id, old_unit_id, old_golongan = p.jabatan_id, p.unit_id, p.golongan
    is_new = p.id is None
    for name in _SCALARS:
        setattr(p, name, getattr(d, name))
    p.kompetensi = [
        Kompetensi(nama=k.nama, tingkat=k.tingkat, keterangan=k.keterangan) for k in d.kompetensi
    ]
    p.pelatihan = [
        Pelatihan(
            nama=t.nama,
            penyelenggara=t.penyelenggara,
            tanggal_mulai=t.tanggal_mulai,
            tanggal_selesai=t.tanggal_selesai,
            jam_pelajaran=t.jam_pelajaran,
            status=t.status,
        )
        for t in d.pelatihan
    ]
    p.aspirasi = [
        Aspirasi(
            sikap=a.sikap,
            tanggal=a.tanggal,
            opd_tujuan_id=a.opd_tujuan_id,
            lokasi_tujuan=a.lokasi_tujuan,
            alasan=a.alasan,
            sumber=a.sumber,
        )
        for a in d.aspirasi
    ]
    jabatan = session.get(Jabatan, d.jabatan_id) if d.jabatan_id else None
    unit = session.get(UnitKerja, d.unit_id) if d.unit_id else None
    if is_new or d.jabatan_id != old_jabatan_id or d.unit_id != old_unit_id:
        # Position history is appended, never overwritten: close the open row first.
        start = d.tmt_jabatan or today
        for row in p.riwayat_jabatan:
            if row.tmt_selesai is None:
                row.tmt_selesai = start
        if jabatan is not None or unit is not None:
            p.riwayat_jabatan.append(
                RiwayatJabatan(
                    jabatan_id=jabatan.id if jabatan else None,
                    jabatan_nama=jabatan.nama if jabatan else "(tanpa jabatan)",
                    unit_nama=unit.nama if unit else None,
                    tmt_mulai=d.tmt_jabatan,
                )
            )
    if d.golongan and (is_new or d.golongan != old_golongan):
        p.riwayat_pangkat.append(RiwayatPangkat(golongan=d.golongan, tmt=d.tmt_golongan))
    p.teks_cari = staff_search_text(p, jabatan.nama if jabatan else None)


def _from_json(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _ENUM_FIELDS:
        return _ENUM_FIELDS[name](value)
    if name in _DATE_FIELDS or name in (
        "tanggal_mulai",
        "tanggal_selesai",
        "tanggal",
        "tmt",
        "tmt_mulai",
        "tmt_selesai",
        "tanggal_sk",
    ):
        return date.fromisoformat(value)
    return value


def _restore(session: Session, p: Pegawai, snap: dict[str, Any]) -> None:
    for name in _SCALARS:
        setattr(p, name, _from_json(name, snap.get(name)))
    p.aktif = bool(snap.get("aktif", True))
    p.alasan_nonaktif = snap.get("alasan_nonaktif")

    def items(key: str) -> list[dict[str, Any]]:
        return [{k: _from_json(k, v) for k, v in item.items()} for item in snap.get(key, [])]

    p.kompetensi = [Kompetensi(**i) for i in items("kompetensi")]
    p.pelatihan = [Pelatihan(**i) for i in items("pelatihan")]
    p.aspirasi = [Aspirasi(**i) for i in items("aspirasi")]
    p.riwayat_jabatan = [RiwayatJabatan(**i) for i in items("riwayat_jabatan")]
    p.riwayat_pangkat = [RiwayatPangkat(**i) for i in items("riwayat_pangkat")]
    jabatan = session.get(Jabatan, p.jabatan_id) if p.jabatan_id else None
    p.teks_cari = staff_search_text(p, jabatan.nama if jabatan else None)
