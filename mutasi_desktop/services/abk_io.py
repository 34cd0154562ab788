"""ABK workbook import: all or nothing, organisation created or matched by name, one audit batch.

The file is read by ``formats.abk_workbook``; here its names are resolved against the database
(OPD → unit → position, created when missing, so an empty database can be analysed before any
staff are imported), every task is checked by the engine's ``validate_task`` with the year's
drivers and profile, and the position task tables are replaced in one transaction.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.orm import Session

from mutasi_desktop.domain.abk import AbkProfile, TaskInput
from mutasi_desktop.domain.errors import DomainError, Problem, Severity
from mutasi_desktop.domain.jabatan import JenjangJabatan, parse_jenjang
from mutasi_desktop.domain.pencarian import fold
from mutasi_desktop.formats.abk_workbook import AbkWorkbook, WorkbookTaskRow, read_abk_workbook
from mutasi_desktop.services import audit
from mutasi_desktop.services.abk import (
    ENTITAS_JABATAN,
    ENTITAS_TAHUN,
    check_tasks,
    clean_task,
    ensure_year,
    load_drivers,
    profile_of,
    register_counts,
    task_to_json,
    task_values,
)
from mutasi_desktop.services.context import Action, ServiceContext
from mutasi_desktop.services.progress import NullProgress, Progress, checkpoint
from mutasi_desktop.storage.models import (
    AnalisisAbk,
    AuditLog,
    Base,
    Jabatan,
    Opd,
    PegawaiAdaAbk,
    PemicuAbk,
    TugasJabatan,
    UnitKerja,
)


class Kertas(StrEnum):
    """Paper sizes of the printable recap."""

    F4 = "F4"  # 215 × 330 mm, the regional tata naskah default
    A4 = "A4"


@dataclass(frozen=True)
class HeadcountDifference:
    """A position whose register headcount differs from the workbook's ``Pegawai Ada``."""

    jabatan_id: int
    jabatan: str
    unit: str
    register: int
    berkas: int
    baris: int

    @property
    def selisih(self) -> int:
        return self.register - self.berkas


@dataclass(frozen=True)
class AbkImportResult:
    """What an import did (or, with ``dry_run``, would do)."""

    path: str
    tahun: int
    dry_run: bool
    batch: str | None
    baris_tugas: int
    jabatan: int  # positions whose task table the file replaced
    opd_baru: int
    unit_baru: int
    jabatan_baru: int
    pegawai_berkas: int  # positions given a workbook headcount
    pemicu_baru: int
    pemicu_diubah: int
    perbedaan: tuple[HeadcountDifference, ...] = ()
    peringatan: tuple[Problem, ...] = field(default=())
    jabatan_ids: tuple[int, ...] = ()


class _DryRun(Exception):
    def __init__(self, result: AbkImportResult) -> None:
        super().__init__("dry run")
        self.result = result


def _key(text: str) -> str:
    return " ".join(fold(text).split())


@dataclass
class _OrgIndex:
    """Existing (and, during an import, newly created) OPDs, units and positions by name."""

    session: Session
    opd_by_key: dict[str, int]
    opd_names: dict[int, str]
    units: dict[int, tuple[int, int | None, str]]  # id -> (opd_id, parent_id, nama)
    positions: dict[tuple[int, str], int]
    next_opd_urutan: int
    created_opd: list[dict[str, Any]] = field(default_factory=list)
    created_unit: list[dict[str, Any]] = field(default_factory=list)
    created_jabatan: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def load(cls, s: Session) -> _OrgIndex:
        opd_by_key: dict[str, int] = {}
        opd_names: dict[int, str] = {}
        for r in s.execute(select(Opd.id, Opd.nama, Opd.singkatan)):
            opd_names[r.id] = r.nama
            opd_by_key.setdefault(_key(r.nama), r.id)
            if r.singkatan:
                opd_by_key.setdefault(_key(r.singkatan), r.id)
        units = {
            r.id: (r.opd_id, r.parent_id, r.nama)
            for r in s.execute(
                select(UnitKerja.id, UnitKerja.opd_id, UnitKerja.parent_id, UnitKerja.nama)
            )
        }
        positions = {
            (r.unit_id, _key(r.nama)): r.id
            for r in s.execute(select(Jabatan.id, Jabatan.unit_id, Jabatan.nama))
        }
        urutan = int(s.scalar(select(func.max(Opd.urutan))) or 0) + 1
        return cls(s, opd_by_key, opd_names, units, positions, urutan)

    def unit_path(self, unit_id: int) -> str:
        names: list[str] = []
        current: int | None = unit_id
        while current is not None and current in self.units:
            _, parent, nama = self.units[current]
            names.append(nama)
            current = parent
        opd = self.opd_names.get(self.units[unit_id][0], "")
        if not names or names[-1] != opd:
            names.append(opd)
        return " \u203a ".join(reversed(names))

    def _create_opd(self, nama: str) -> int:
        row = Opd(nama=nama, urutan=self.next_opd_urutan, aktif=True)
        self.next_opd_urutan += 1
        self.session.add(row)
        self.session.flush()
        self.opd_by_key[_key(nama)] = row.id
        self.opd_names[row.id] = nama
        self.created_opd.append({"id": row.id, "nama": nama})
        return row.id

    def _create_unit(self, opd_id: int, parent_id: int | None, nama: str) -> int:
        siblings = sum(1 for u in self.units.values() if u[0] == opd_id and u[1] == parent_id)
        row = UnitKerja(
            opd_id=opd_id, parent_id=parent_id, nama=nama, urutan=siblings + 1, aktif=True
        )
        self.session.add(row)
        self.session.flush()
        self.units[row.id] = (opd_id, parent_id, nama)
        self.created_unit.append({"id": row.id, "opd_id": opd_id, "nama": nama})
        return row.id

    def root_of(self, opd_id: int) -> int:
        roots = [
            uid for uid, (o, parent, _) in self.units.items() if o == opd_id and parent is None
        ]
        if roots:
            return min(roots)
        return self._create_unit(opd_id, None, self.opd_names[opd_id])

    def resolve_unit(
        self, opd_text: str | None, unit_text: str
    ) -> tuple[int | None, Problem | None]:
        unit_key = _key(unit_text)
        if opd_text:
            opd_id = self.opd_by_key.get(_key(opd_text)) or self._create_opd(opd_text)
            found = [
                uid
                for uid, (o, _, nama) in self.units.items()
                if o == opd_id and _key(nama) == unit_key
            ]
            if len(found) > 1:
                return None, self._ambiguous("Unit Kerja", unit_text, found)
            if found:
                return found[0], None
            root = self.root_of(opd_id)
            if unit_key == _key(self.opd_names[opd_id]):
                return root, None
            return self._create_unit(opd_id, root, unit_text), None
        found = [uid for uid, (_, _, nama) in self.units.items() if _key(nama) == unit_key]
        if len(found) > 1:
            # Several OPDs have a "Sekretariat": only an OPD column can say which one.
            return None, self._ambiguous("Unit Kerja", unit_text, found)
        if found:
            return found[0], None
        existing = self.opd_by_key.get(unit_key)
        return self.root_of(existing or self._create_opd(unit_text)), None

    def _ambiguous(self, label: str, value: str, ids: list[int]) -> Problem:
        kandidat = "; ".join(self.unit_path(uid) for uid in sorted(ids)[:5])
        return Problem(
            "impor.org_ambigu",
            Severity.ERROR,
            "unit",
            {"label": label, "value": value, "kandidat": kandidat},
        )

    def resolve_position(self, unit_id: int, nama: str) -> int:
        found = self.positions.get((unit_id, _key(nama)))
        if found is not None:
            return found
        jenjang = parse_jenjang(nama) or JenjangJabatan.PELAKSANA
        row = Jabatan(unit_id=unit_id, nama=nama, jenis=jenjang.jenis, jenjang=jenjang, aktif=True)
        self.session.add(row)
        self.session.flush()
        self.positions[(unit_id, _key(nama))] = row.id
        self.created_jabatan.append({"id": row.id, "unit_id": unit_id, "nama": nama})
        return row.id


def _located(p: Problem, wb: AbkWorkbook, row: WorkbookTaskRow) -> Problem:
    params = dict(p.params)
    params["baris"] = row.baris
    if p.field:
        params["kolom"] = wb.kolom(p.field)
    params.pop("tugas", None)
    return Problem(p.code, p.severity, p.field, params)


def import_workbook(
    ctx: ServiceContext,
    path: str | Path,
    *,
    tahun: int | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> AbkImportResult:
    """Read, check and store an ABK workbook in one transaction.

    Any problem in any row raises ``DomainError`` whose first problem is
    ``abk.impor_ada_kesalahan`` followed by every row problem (``baris``, ``kolom``); nothing
    is written then. Positions named in the file get their task table for ``tahun`` replaced;
    others are untouched. ``Pegawai Ada`` is stored per position as the workbook's headcount.
    """
    progress = progress or NullProgress()
    checkpoint(progress, 0, 100, "Membaca berkas")
    wb = read_abk_workbook(path)
    if not wb.rows and not wb.problems:
        raise DomainError("abk.impor_tidak_ada_data")
    checkpoint(progress, 30, 100, "Memeriksa isi berkas")
    try:
        with ctx.write(Action.ABK_EDIT) as s:
            result = _import(ctx, s, wb, tahun, dry_run, progress)
            if dry_run:
                raise _DryRun(result)
    except _DryRun as dry:
        return dry.result
    checkpoint(progress, 100, 100, "Selesai")
    return result


def _import(
    ctx: ServiceContext,
    s: Session,
    wb: AbkWorkbook,
    tahun: int | None,
    dry_run: bool,
    progress: Progress,
) -> AbkImportResult:
    year_value = tahun or int(s.scalar(select(func.max(AnalisisAbk.tahun))) or ctx.today().year)
    batch = uuid.uuid4().hex[:16]
    year = ensure_year(s, ctx, year_value, batch=batch)
    profile: AbkProfile = profile_of(year)
    problems: list[Problem] = list(wb.problems)

    # Drivers: the year's, updated by the file's Pemicu sheet.
    stored = load_drivers(s, year_value)
    drivers = {n: d.nilai_dasar for n, d in stored.items()}
    seen_driver: dict[str, int] = {}
    for d in wb.drivers:
        if d.nama in seen_driver:
            problems.append(
                Problem(
                    "abk.nama_ganda",
                    Severity.ERROR,
                    "nama",
                    {"baris": d.baris, "label": "Pemicu", "nama": d.nama, "tahun": year_value},
                )
            )
        if d.nilai < 0:
            problems.append(
                Problem(
                    "abk.pemicu_negatif",
                    Severity.ERROR,
                    "nilai",
                    {"baris": d.baris, "pemicu": d.nama, "value": d.nilai},
                )
            )
        seen_driver[d.nama] = d.baris
        drivers[d.nama] = d.nilai

    org = _OrgIndex.load(s)
    per_position: dict[int, list[tuple[WorkbookTaskRow, TaskInput]]] = defaultdict(list)
    headcount: dict[int, tuple[int, int]] = {}  # jabatan_id -> (jumlah, baris)
    first_row: dict[int, WorkbookTaskRow] = {}
    unit_cache: dict[tuple[str, str], tuple[int | None, Problem | None]] = {}
    order: list[int] = []
    for i, row in enumerate(wb.rows):
        if i % 500 == 0:
            checkpoint(progress, 30 + 40 * i // max(len(wb.rows), 1), 100, "Memeriksa isi berkas")
        ukey = (_key(row.opd or ""), _key(row.unit))
        if ukey not in unit_cache:
            unit_cache[ukey] = org.resolve_unit(row.opd, row.unit)
        unit_id, unit_problem = unit_cache[ukey]
        if unit_problem is not None:
            problems.append(
                Problem(
                    unit_problem.code,
                    Severity.ERROR,
                    "unit",
                    {**unit_problem.params, "baris": row.baris, "kolom": wb.kolom("unit")},
                )
            )
            continue
        assert unit_id is not None
        jid = org.resolve_position(unit_id, row.jabatan)
        if jid not in first_row:
            first_row[jid] = row
            order.append(jid)
        if row.pegawai_ada is not None:
            known = headcount.get(jid)
            if known is not None and known[0] != row.pegawai_ada:
                problems.append(
                    Problem(
                        "abk.pegawai_ada_beda",
                        Severity.ERROR,
                        "pegawai_ada",
                        {
                            "baris": row.baris,
                            "kolom": wb.kolom("pegawai_ada"),
                            "jabatan": row.jabatan,
                            "nilai": f"{known[0]} di baris {known[1]}, {row.pegawai_ada}",
                        },
                    )
                )
            elif known is None:
                headcount[jid] = (row.pegawai_ada, row.baris)
        if row.task is None:
            continue
        task = clean_task(row.task)
        for p in check_tasks([task], drivers, profile, jabatan=row.jabatan):
            problems.append(_located(p, wb, row))
        per_position[jid].append((row, task))

    # Cell problems (reader) and rule problems (engine) interleave by row, as a person reads.
    errors = sorted((p for p in problems if p.is_error), key=lambda p: p.params.get("baris", 0))
    if errors:
        summary = Problem("abk.impor_ada_kesalahan", Severity.ERROR, None, {"jumlah": len(errors)})
        raise DomainError.from_problems([summary, *errors])
    warnings = [p for p in problems if not p.is_error]

    checkpoint(progress, 75, 100, "Menyimpan")
    pemicu_baru = pemicu_diubah = 0
    driver_rows: list[dict[str, Any]] = []
    for d in wb.drivers:
        old = stored.get(d.nama)
        if old is None:
            s.add(
                PemicuAbk(
                    tahun=year_value,
                    nama=d.nama,
                    nilai=d.nilai,
                    satuan=d.satuan,
                    keterangan=d.keterangan,
                )
            )
            pemicu_baru += 1
            driver_rows.append({"nama": d.nama, "sebelum": None, "sesudah": d.nilai})
        else:
            row_obj = s.get(PemicuAbk, old.id)
            assert row_obj is not None
            if (row_obj.nilai, row_obj.satuan, row_obj.keterangan) != (
                d.nilai,
                d.satuan or row_obj.satuan,
                d.keterangan or row_obj.keterangan,
            ):
                driver_rows.append({"nama": d.nama, "sebelum": row_obj.nilai, "sesudah": d.nilai})
                row_obj.nilai = d.nilai
                row_obj.satuan = d.satuan or row_obj.satuan
                row_obj.keterangan = d.keterangan or row_obj.keterangan
                pemicu_diubah += 1
    s.flush()

    task_positions = [jid for jid in order if jid in per_position]
    before: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if task_positions:
        for chunk in _chunks(task_positions, 500):
            for r in s.execute(
                select(
                    TugasJabatan.jabatan_id,
                    TugasJabatan.uraian,
                    TugasJabatan.satuan_hasil,
                    TugasJabatan.waktu,
                    TugasJabatan.satuan_waktu,
                    TugasJabatan.volume,
                    TugasJabatan.periode,
                    TugasJabatan.pemicu,
                    TugasJabatan.rasio,
                )
                .where(TugasJabatan.tahun == year_value, TugasJabatan.jabatan_id.in_(chunk))
                .order_by(TugasJabatan.jabatan_id, TugasJabatan.urutan, TugasJabatan.id)
            ):
                before[r.jabatan_id].append(
                    {
                        "uraian": r.uraian,
                        "satuan_hasil": r.satuan_hasil,
                        "waktu": r.waktu,
                        "satuan_waktu": str(r.satuan_waktu),
                        "volume": r.volume,
                        "periode": str(r.periode),
                        "pemicu": r.pemicu,
                        "rasio": r.rasio,
                    }
                )
            s.execute(
                delete(TugasJabatan).where(
                    TugasJabatan.tahun == year_value, TugasJabatan.jabatan_id.in_(chunk)
                )
            )
        values = [
            task_values(jid, year_value, i, task)
            for jid in task_positions
            for i, (_, task) in enumerate(per_position[jid], start=1)
        ]
        for chunk_rows in _chunks(values, 5000):
            s.execute(insert(TugasJabatan), chunk_rows)

    if headcount:
        ids = sorted(headcount)
        for chunk in _chunks(ids, 500):
            s.execute(
                delete(PegawaiAdaAbk).where(
                    PegawaiAdaAbk.tahun == year_value, PegawaiAdaAbk.jabatan_id.in_(chunk)
                )
            )
        s.execute(
            insert(PegawaiAdaAbk),
            [{"jabatan_id": j, "tahun": year_value, "jumlah": headcount[j][0]} for j in ids],
        )

    register = register_counts(s, sorted(headcount)) if headcount else {}
    names = {jid: first_row[jid].jabatan for jid in first_row}
    differences: list[HeadcountDifference] = []
    for jid, (jumlah, baris) in sorted(headcount.items(), key=lambda kv: kv[1][1]):
        reg = register.get(jid, 0)
        if reg and reg != jumlah:
            unit_id = s.scalar(select(Jabatan.unit_id).where(Jabatan.id == jid))
            unit_name = org.units[unit_id][2] if unit_id in org.units else ""
            differences.append(HeadcountDifference(jid, names[jid], unit_name, reg, jumlah, baris))
            warnings.append(
                Problem(
                    "abk.pegawai_beda_register",
                    Severity.WARNING,
                    "pegawai_ada",
                    {
                        "baris": baris,
                        "kolom": wb.kolom("pegawai_ada"),
                        "jabatan": names[jid],
                        "unit": unit_name,
                        "register": reg,
                        "berkas": jumlah,
                    },
                )
            )

    checkpoint(progress, 90, 100, "Mencatat riwayat perubahan")
    audit_rows = _audit_rows(ctx, batch, org, task_positions, per_position, before, names)
    n_tasks = sum(len(per_position[j]) for j in task_positions)
    audit_rows.append(
        _audit_row(
            ctx,
            batch,
            aksi="abk.impor",
            entitas=ENTITAS_TAHUN,
            entitas_id=year.id,
            ringkasan=(
                f"Impor ABK {Path(wb.path).name} tahun {year_value}: {n_tasks} tugas, "
                f"{len(task_positions)} jabatan, {len(org.created_opd)} OPD baru, "
                f"{len(org.created_unit)} unit baru, {len(org.created_jabatan)} jabatan baru, "
                f"{len(headcount)} jumlah pegawai dari berkas, {pemicu_baru} pemicu baru, "
                f"{pemicu_diubah} pemicu diubah"
            ),
            sesudah={
                "berkas": Path(wb.path).name,
                "lembar": wb.sheet,
                "tahun": year_value,
                "pemicu": driver_rows,
                "pegawai_ada": {str(j): headcount[j][0] for j in sorted(headcount)},
                "perbedaan": [
                    {"jabatan_id": d.jabatan_id, "register": d.register, "berkas": d.berkas}
                    for d in differences
                ],
            },
        )
    )
    table: Table = Base.metadata.tables[AuditLog.__tablename__]
    for chunk_rows in _chunks(audit_rows, 2000):
        s.execute(insert(table), chunk_rows)

    return AbkImportResult(
        path=wb.path,
        tahun=year_value,
        dry_run=dry_run,
        batch=None if dry_run else batch,
        baris_tugas=n_tasks,
        jabatan=len(task_positions),
        opd_baru=len(org.created_opd),
        unit_baru=len(org.created_unit),
        jabatan_baru=len(org.created_jabatan),
        pegawai_berkas=len(headcount),
        pemicu_baru=pemicu_baru,
        pemicu_diubah=pemicu_diubah,
        perbedaan=tuple(differences),
        peringatan=tuple(warnings),
        jabatan_ids=tuple(order),
    )


def _chunks(items: list[Any], size: int) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _audit_row(
    ctx: ServiceContext,
    batch: str,
    *,
    aksi: str,
    entitas: str,
    entitas_id: int | None,
    ringkasan: str,
    sebelum: Any = None,
    sesudah: Any = None,
) -> dict[str, Any]:
    return {
        "waktu": ctx.clock(),
        "pengguna": ctx.actor.username,
        "aksi": aksi,
        "entitas": entitas,
        "entitas_id": entitas_id,
        "ringkasan": ringkasan[:500],
        "sebelum": audit.jsonable(sebelum),
        "sesudah": audit.jsonable(sesudah),
        "batch": batch,
        "dibatalkan_oleh": None,
    }


def _audit_rows(
    ctx: ServiceContext,
    batch: str,
    org: _OrgIndex,
    task_positions: list[int],
    per_position: dict[int, list[tuple[WorkbookTaskRow, TaskInput]]],
    before: dict[int, list[dict[str, Any]]],
    names: dict[int, str],
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for o in org.created_opd:
        rows.append(
            _audit_row(
                ctx,
                batch,
                aksi="tambah",
                entitas="opd",
                entitas_id=o["id"],
                ringkasan=f"OPD {o['nama']} dibuat dari berkas ABK",
                sesudah=o,
            )
        )
    for u in org.created_unit:
        rows.append(
            _audit_row(
                ctx,
                batch,
                aksi="tambah",
                entitas="unit_kerja",
                entitas_id=u["id"],
                ringkasan=f"Unit kerja {u['nama']} dibuat dari berkas ABK",
                sesudah=u,
            )
        )
    for j in org.created_jabatan:
        rows.append(
            _audit_row(
                ctx,
                batch,
                aksi="tambah",
                entitas=ENTITAS_JABATAN,
                entitas_id=j["id"],
                ringkasan=f"Jabatan {j['nama']} dibuat dari berkas ABK",
                sesudah=j,
            )
        )
    for jid in task_positions:
        new = [task_to_json(t) for _, t in per_position[jid]]
        old = before.get(jid, [])
        if old == new:
            continue
        rows.append(
            _audit_row(
                ctx,
                batch,
                aksi="abk.tugas",
                entitas=ENTITAS_JABATAN,
                entitas_id=jid,
                ringkasan=f"Tabel tugas ABK jabatan {names[jid]} dari berkas: {len(old)} → "
                f"{len(new)} tugas",
                sebelum={"tugas": old},
                sesudah={"tugas": new},
            )
        )
    return rows
