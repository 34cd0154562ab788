"""Staff import: read a SIASN/SIMPEG workbook, preview it against the database, apply it atomically.

Flow: :meth:`StaffImportService.open_source` reads a sheet and finds its header;
:meth:`~StaffImportService.preview` parses every row and compares it with the database without
writing; :meth:`~StaffImportService.apply` repeats the comparison inside one write transaction
(the database may have changed since the preview) and writes everything or nothing: new people,
changed fields, position and rank history, organisation units the file names, and one audit
batch. Blank cells never erase stored values; people absent from the file are reported, never
deleted.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from mutasi_desktop.domain.errors import DomainError, Severity
from mutasi_desktop.domain.jabatan import JenisJabatan, JenjangJabatan, parse_jenjang
from mutasi_desktop.domain.org_match import is_typo_of, name_key, same_person_name
from mutasi_desktop.domain.pegawai import JenisPegawai, StatusPegawai, nama_lengkap
from mutasi_desktop.domain.pencarian import fold, search_text
from mutasi_desktop.domain.staff_import import (
    FIELD_BY_KEY,
    FIELDS,
    PERSON_FIELDS,
    CellProblem,
    HeaderInfo,
    ImportRecord,
    ParsedSheet,
    RowKind,
    SkippedRow,
    classify_row,
    column_letter,
    detect_header,
    display_value,
    header_key,
    parse_sheet,
)
from mutasi_desktop.domain.staff_record import FIELD_LABELS
from mutasi_desktop.formats import spreadsheet
from mutasi_desktop.formats.spreadsheet import Sheet
from mutasi_desktop.formats.staff_workbook import ErrorIssue, ErrorRow, write_error_workbook
from mutasi_desktop.services.bulk import (
    gc_paused,
    insert_rows,
    json_dumps,
    json_string,
    update_rows,
)
from mutasi_desktop.services.context import Action, ServiceContext
from mutasi_desktop.services.progress import NullProgress, Progress, checkpoint
from mutasi_desktop.storage.models import (
    AuditLog,
    Jabatan,
    Opd,
    Pegawai,
    Pengaturan,
    RiwayatJabatan,
    RiwayatPangkat,
    UnitKerja,
)

SUPPORTED_SUFFIXES = spreadsheet.SUPPORTED_SUFFIXES  # what the readers open, for file dialogs
MAPPING_KEY_PREFIX = "impor_pegawai.pemetaan."
AUDIT_ENTITY = "impor_pegawai"
ACTION_ADD = "impor_tambah"
ACTION_CHANGE = "impor_ubah"
ACTION_BATCH = "impor"
_CHUNK = 2_000
_NO_POSITION = "(tanpa jabatan)"


class RowStatus(StrEnum):
    BARU = "baru"
    UBAH = "ubah"
    TETAP = "tetap"
    TOLAK = "tolak"


@dataclass(frozen=True)
class SourceSheet:
    """A sheet as read, with its detected header and any mapping remembered for its layout."""

    path: Path
    sheet_names: tuple[str, ...]
    sheet: Sheet
    header: HeaderInfo
    remembered: dict[str, int] | None = None

    @property
    def mapping(self) -> dict[str, int]:
        return dict(self.remembered if self.remembered is not None else self.header.mapping)

    @property
    def width(self) -> int:
        return max(self.sheet.width, len(self.header.labels))

    def label(self, column: int | None) -> str:
        if column is None:
            return ""
        text = self.header.labels[column] if column < len(self.header.labels) else ""
        return f"{column_letter(column)} ({text})" if text else column_letter(column)

    def sample(self, column: int, limit: int = 3) -> list[str]:
        """A few non-empty values of a column from the first data rows (section titles, totals
        and the column-number row left out), for the mapping page."""
        out: list[str] = []
        keys = [header_key(label.split(" › ")[-1]) for label in self.header.labels]
        for row in self.sheet.rows[self.header.data_start : self.header.data_start + 200]:
            if classify_row(row, self.mapping, keys) is not RowKind.DATA:
                continue
            if column < len(row) and row[column] not in (None, ""):
                out.append(display_value(row[column], 40))
                if len(out) >= limit:
                    break
        return out


@dataclass(slots=True)
class PreviewRow:
    row: int
    status: RowStatus
    record: ImportRecord
    problems: tuple[CellProblem, ...]
    changed: tuple[str, ...] = ()
    pegawai_id: int | None = None

    @property
    def has_errors(self) -> bool:
        return self.status is RowStatus.TOLAK

    @property
    def has_warnings(self) -> bool:
        return any(not p.is_error for p in self.problems)


@dataclass(frozen=True)
class OrgItem:
    """An OPD, unit or position the import creates, or a name it matched to a known one."""

    kind: str  # "opd" | "unit" | "jabatan"
    nama: str
    induk: str | None = None
    dicocokkan: str | None = None  # the known name a differently spelled one was matched to


@dataclass(frozen=True)
class MissingPerson:
    id: int
    nip: str
    nama: str
    unit: str | None


@dataclass(frozen=True)
class ImportCounts:
    baru: int = 0
    ubah: int = 0
    tetap: int = 0
    tolak: int = 0
    dilewati: int = 0  # section, total and blank rows
    peringatan: int = 0  # rows with warnings (imported anyway)


@dataclass
class ImportPreview:
    source: SourceSheet
    mapping: dict[str, int]
    parsed: ParsedSheet
    rows: list[PreviewRow]
    created: list[OrgItem]
    matched: list[OrgItem]
    missing: list[MissingPerson]
    counts: ImportCounts
    # The comparison with the database and the state it was made on: apply reuses it when
    # nothing was written in between (every write leaves an audit row and bumps a count).
    plan: _Plan | None = field(default=None, repr=False)
    fingerprint: tuple[Any, ...] | None = field(default=None, repr=False)

    @property
    def file_problems(self) -> list[CellProblem]:
        return list(self.parsed.problems)

    @property
    def skipped(self) -> list[SkippedRow]:
        return list(self.parsed.skipped)

    @property
    def rejected(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.status is RowStatus.TOLAK]

    @property
    def can_apply(self) -> bool:
        return not self.file_problems and bool(self.rows)


@dataclass(frozen=True)
class ImportResult:
    batch: str
    counts: ImportCounts
    created: tuple[OrgItem, ...]
    matched: tuple[OrgItem, ...]
    missing: tuple[MissingPerson, ...]
    rows: tuple[PreviewRow, ...]
    seconds: float

    @property
    def rejected(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.status is RowStatus.TOLAK]

    @property
    def written(self) -> bool:
        return self.counts.baru + self.counts.ubah > 0


# --------------------------------------------------------------------------- organisation


class _Ref(NamedTuple):
    """An existing row (``id``) or one this import will create (``new`` index).

    A named tuple, not a dataclass: it is hashed hundreds of thousands of times per import.
    """

    id: int | None = None
    new: int | None = None


@dataclass
class _NewOpd:
    nama: str


@dataclass
class _NewUnit:
    opd: _Ref
    nama: str
    parent: _Ref | None  # None: the OPD's root unit


@dataclass
class _NewJabatan:
    unit: _Ref
    nama: str
    jenis: JenisJabatan
    jenjang: JenjangJabatan | None
    eselon: str | None


class _OrgResolver:
    """Maps the OPD/unit/position names of a file onto the organisation, planning new rows."""

    def __init__(self, session: Session) -> None:
        self.opd_names: dict[int, str] = {}
        self.opd_by_key: dict[str, list[int]] = {}
        for oid, nama, singkatan in session.execute(select(Opd.id, Opd.nama, Opd.singkatan)):
            self.opd_names[oid] = nama
            self.opd_by_key.setdefault(name_key(nama), []).append(oid)
            if singkatan:
                self.opd_by_key.setdefault(name_key(singkatan), []).append(oid)
        self.unit_info: dict[int, tuple[int, int | None, str]] = {}
        self.units_by_key: dict[str, list[int]] = {}
        self.root_of: dict[int, int] = {}
        for uid, opd_id, parent_id, nama in session.execute(
            select(UnitKerja.id, UnitKerja.opd_id, UnitKerja.parent_id, UnitKerja.nama).order_by(
                UnitKerja.id
            )
        ):
            self.unit_info[uid] = (opd_id, parent_id, nama)
            self.units_by_key.setdefault(name_key(nama), []).append(uid)
            if parent_id is None:
                current = self.root_of.get(opd_id)
                named_like_opd = name_key(nama) == name_key(self.opd_names.get(opd_id, ""))
                if current is None or named_like_opd:
                    self.root_of[opd_id] = uid
        self.jabatan_by_unit: dict[int, dict[str, int]] = {}
        self.jabatan_names: dict[int, str] = {}
        for jid, unit_id, nama in session.execute(
            select(Jabatan.id, Jabatan.unit_id, Jabatan.nama)
        ):
            self.jabatan_by_unit.setdefault(unit_id, {})[name_key(nama)] = jid
            self.jabatan_names[jid] = nama
        self.new_opds: list[_NewOpd] = []
        self.new_units: list[_NewUnit] = []
        self.new_jabatan: list[_NewJabatan] = []
        self._new_opd_by_key: dict[str, int] = {}
        self._new_unit_by_key: dict[tuple[_Ref, str], int] = {}
        self._new_root: dict[_Ref, int] = {}
        self._new_jabatan_by_key: dict[tuple[_Ref, str], int] = {}
        self.matched: dict[tuple[str, str], OrgItem] = {}
        self._cache: dict[tuple[Any, ...], tuple[_Ref | None, _Ref | None, list[tuple]]] = {}
        self.empty = not self.opd_names

    # -- names for reports and history snapshots
    def opd_name(self, ref: _Ref) -> str:
        return self.opd_names[ref.id] if ref.id is not None else self.new_opds[ref.new or 0].nama

    def unit_name(self, ref: _Ref | None) -> str | None:
        if ref is None:
            return None
        if ref.id is not None:
            return self.unit_info[ref.id][2]
        return self.new_units[ref.new or 0].nama

    def jabatan_name(self, ref: _Ref | None) -> str | None:
        if ref is None:
            return None
        if ref.id is not None:
            return self.jabatan_names[ref.id]
        return self.new_jabatan[ref.new or 0].nama

    def _unit_opd(self, ref: _Ref) -> _Ref:
        if ref.id is not None:
            return _Ref(id=self.unit_info[ref.id][0])
        return self.new_units[ref.new or 0].opd

    # -- matching
    def _note_match(self, kind: str, given: str, known: str) -> None:
        self.matched.setdefault((kind, given), OrgItem(kind, given, None, known))

    def _match_opd(self, nama: str) -> tuple[_Ref | None, tuple | None]:
        key = name_key(nama)
        ids = sorted(set(self.opd_by_key.get(key, [])))
        if len(ids) == 1:
            if name_key(self.opd_names[ids[0]]) != key:
                self._note_match("opd", nama, self.opd_names[ids[0]])
            return _Ref(id=ids[0]), None
        if len(ids) > 1:
            return None, ("opd", nama, [self.opd_names[i] for i in ids])
        if key in self._new_opd_by_key:
            return _Ref(new=self._new_opd_by_key[key]), None
        typo = sorted({i for k, v in self.opd_by_key.items() if is_typo_of(key, k) for i in v})
        if len(typo) == 1:
            self._note_match("opd", nama, self.opd_names[typo[0]])
            return _Ref(id=typo[0]), None
        if len(typo) > 1:
            return None, ("opd", nama, [self.opd_names[i] for i in typo])
        self.new_opds.append(_NewOpd(nama))
        self._new_opd_by_key[key] = len(self.new_opds) - 1
        return _Ref(new=len(self.new_opds) - 1), None

    def _root(self, opd: _Ref) -> _Ref:
        if opd.id is not None and opd.id in self.root_of:
            return _Ref(id=self.root_of[opd.id])
        if opd in self._new_root:
            return _Ref(new=self._new_root[opd])
        self.new_units.append(_NewUnit(opd, self.opd_name(opd), None))
        index = len(self.new_units) - 1
        self._new_root[opd] = index
        self._new_unit_by_key[(opd, name_key(self.opd_name(opd)))] = index
        return _Ref(new=index)

    def _unit_in_opd(self, opd: _Ref, nama: str) -> tuple[_Ref | None, tuple | None]:
        key = name_key(nama)
        if key == name_key(self.opd_name(opd)):
            return self._root(opd), None
        if opd.id is not None:
            ids = [u for u in self.units_by_key.get(key, []) if self.unit_info[u][0] == opd.id]
            if len(ids) == 1:
                return _Ref(id=ids[0]), None
            if len(ids) > 1:
                return None, ("unit", nama, [self._unit_path(u) for u in ids])
            typo = [
                u
                for k, us in self.units_by_key.items()
                if is_typo_of(key, k)
                for u in us
                if self.unit_info[u][0] == opd.id
            ]
            if len(typo) == 1:
                self._note_match("unit", nama, self.unit_info[typo[0]][2])
                return _Ref(id=typo[0]), None
            if len(typo) > 1:
                return None, ("unit", nama, [self._unit_path(u) for u in typo])
        if (opd, key) in self._new_unit_by_key:
            return _Ref(new=self._new_unit_by_key[(opd, key)]), None
        root = self._root(opd)
        self.new_units.append(_NewUnit(opd, nama, root))
        self._new_unit_by_key[(opd, key)] = len(self.new_units) - 1
        return _Ref(new=len(self.new_units) - 1), None

    def _unit_anywhere(self, nama: str) -> tuple[_Ref | None, tuple | None]:
        """A unit named without its OPD: a unique unit, else an OPD (its root unit), else new."""
        key = name_key(nama)
        ids = self.units_by_key.get(key, [])
        if len(ids) == 1:
            return _Ref(id=ids[0]), None
        if len(ids) > 1:
            roots = [u for u in ids if self.unit_info[u][1] is None]
            if len(roots) == 1:
                return _Ref(id=roots[0]), None
            return None, ("unit", nama, [self._unit_path(u) for u in ids])
        opd_ids = sorted(set(self.opd_by_key.get(key, [])))
        if len(opd_ids) == 1:
            return self._root(_Ref(id=opd_ids[0])), None
        typo = [u for k, us in self.units_by_key.items() if is_typo_of(key, k) for u in us]
        if len(typo) == 1:
            self._note_match("unit", nama, self.unit_info[typo[0]][2])
            return _Ref(id=typo[0]), None
        if len(typo) > 1:
            return None, ("unit", nama, [self._unit_path(u) for u in typo])
        opd, problem = self._match_opd(nama)
        if opd is None:
            return None, problem
        return self._root(opd), None

    def _unit_path(self, uid: int) -> str:
        opd_id, _, nama = self.unit_info[uid]
        return f"{nama} ({self.opd_names.get(opd_id, '?')})"

    def _position(self, unit: _Ref, nama: str, jenis_text: str | None, eselon: str | None) -> _Ref:
        key = name_key(nama)
        if unit.id is not None:
            known = self.jabatan_by_unit.get(unit.id, {})
            if key in known:
                return _Ref(id=known[key])
            typo = [jid for k, jid in known.items() if is_typo_of(key, k)]
            if len(typo) == 1:
                self._note_match("jabatan", nama, self.jabatan_names[typo[0]])
                return _Ref(id=typo[0])
        if (unit, key) in self._new_jabatan_by_key:
            return _Ref(new=self._new_jabatan_by_key[(unit, key)])
        jenis, jenjang = _position_kind(nama, jenis_text, eselon)
        self.new_jabatan.append(_NewJabatan(unit, nama, jenis, jenjang, eselon))
        self._new_jabatan_by_key[(unit, key)] = len(self.new_jabatan) - 1
        return _Ref(new=len(self.new_jabatan) - 1)

    def resolve(self, values: dict[str, Any]) -> tuple[_Ref | None, _Ref | None, list[tuple]]:
        """(unit, position, problems as (field, value, candidates)) of one row's names."""
        opd_name = values.get("opd")
        unit_name = values.get("unit")
        jab_name = values.get("jabatan")
        cache_key = (opd_name, unit_name, jab_name)
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        problems: list[tuple] = []
        unit: _Ref | None = None
        if opd_name:
            opd, problem = self._match_opd(opd_name)
            if problem:
                problems.append(problem)
            elif opd is not None:
                if unit_name:
                    unit, problem = self._unit_in_opd(opd, unit_name)
                    if problem:
                        problems.append(problem)
                else:
                    unit = self._root(opd)
        elif unit_name:
            unit, problem = self._unit_anywhere(unit_name)
            if problem:
                problems.append(problem)
        position: _Ref | None = None
        if jab_name and unit is not None:
            position = self._position(
                unit, jab_name, values.get("jenis_jabatan"), values.get("eselon")
            )
        result = (unit, position, problems)
        self._cache[cache_key] = result
        return result

    def opd_of_unit(self, ref: _Ref) -> _Ref:
        return self._unit_opd(ref)

    def used(self, refs: Iterable[tuple[_Ref | None, _Ref | None]]) -> _Used:
        """The planned new rows some accepted row needs, with the parents they need."""
        used = _Used()
        for unit, position in refs:
            if position is not None and position.new is not None:
                used.jabatan.add(position.new)
                unit = self.new_jabatan[position.new].unit
            if unit is not None and unit.new is not None:
                used.units.add(unit.new)
                new_unit = self.new_units[unit.new]
                if new_unit.parent is not None and new_unit.parent.new is not None:
                    used.units.add(new_unit.parent.new)
                if new_unit.opd.new is not None:
                    used.opds.add(new_unit.opd.new)
        return used

    def created_items(self, used: _Used) -> list[OrgItem]:
        items = [OrgItem("opd", o.nama) for i, o in enumerate(self.new_opds) if i in used.opds]
        for i, u in enumerate(self.new_units):
            if i in used.units and u.parent is not None:
                items.append(OrgItem("unit", u.nama, self.opd_name(u.opd)))
        for i, j in enumerate(self.new_jabatan):
            if i in used.jabatan:
                items.append(OrgItem("jabatan", j.nama, self.unit_name(j.unit)))
        return items


@dataclass
class _Used:
    opds: set[int] = field(default_factory=set)
    units: set[int] = field(default_factory=set)
    jabatan: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.opds or self.units or self.jabatan)


def _position_kind(
    nama: str, jenis_text: str | None, eselon: str | None
) -> tuple[JenisJabatan, JenjangJabatan | None]:
    """Jenis and jenjang of a position the import must create, from what the row says."""
    jenjang = None
    if eselon:  # SIASN writes "II.b"; parse_jenjang reads "Eselon II.b"
        jenjang = parse_jenjang(eselon if "eselon" in eselon.lower() else f"Eselon {eselon}")
    if jenjang is None:
        jenjang = parse_jenjang(nama)
    text = fold(jenis_text or "")
    if jenjang is None and text:
        jenjang = parse_jenjang(text)
    if jenjang is not None:
        return jenjang.jenis, jenjang
    if "fungsional" in text and "umum" not in text:
        return JenisJabatan.FUNGSIONAL, None
    if "pimpinan tinggi" in text:
        return JenisJabatan.JPT, None
    return JenisJabatan.ADMINISTRASI, None


# --------------------------------------------------------------------------- planning


_COMPARED = tuple(f for f in PERSON_FIELDS if f != "nip")
_EXISTING_COLUMNS = [getattr(Pegawai, f) for f in PERSON_FIELDS]


@dataclass
class _Existing:
    id: int
    aktif: bool
    unit_id: int | None
    jabatan_id: int | None
    values: dict[str, Any]


@dataclass
class _Plan:
    rows: list[PreviewRow]
    org: _OrgResolver
    refs: dict[int, tuple[_Ref | None, _Ref | None]]
    existing: dict[str, _Existing]
    missing: list[MissingPerson]
    counts: ImportCounts
    used: _Used

    @property
    def created(self) -> list[OrgItem]:
        return self.org.created_items(self.used)

    @property
    def writes(self) -> bool:
        return bool(self.counts.baru or self.counts.ubah)


def _load_existing(session: Session, nips: list[str]) -> dict[str, _Existing]:
    found: dict[str, _Existing] = {}
    cols = [Pegawai.id, Pegawai.aktif, Pegawai.unit_id, Pegawai.jabatan_id, *_EXISTING_COLUMNS]
    for start in range(0, len(nips), _CHUNK):
        chunk = nips[start : start + _CHUNK]
        for row in session.execute(select(*cols).where(Pegawai.nip.in_(chunk))):
            values = dict(zip(PERSON_FIELDS, row[4:], strict=True))
            found[values["nip"]] = _Existing(row[0], bool(row[1]), row[2], row[3], values)
    return found


def _problem_from(
    record: ImportRecord,
    mapping: dict[str, int],
    fld: str,
    code: str,
    severity: Severity,
    params: dict[str, Any],
) -> CellProblem:
    col = mapping.get(fld)
    raw = record.values.get(fld)
    return CellProblem(record.row, col, fld, code, severity, display_value(raw), params)


def _fingerprint(session: Session) -> tuple[Any, ...]:
    """What a plan depends on, cheaply: audit high-water mark and the size and version sums of
    the staff and organisation tables."""
    return tuple(
        session.execute(
            select(
                select(func.max(AuditLog.id)).scalar_subquery(),
                select(func.count(Pegawai.id)).scalar_subquery(),
                select(func.max(Pegawai.id)).scalar_subquery(),
                select(func.sum(Pegawai.versi)).scalar_subquery(),
                select(func.count(Opd.id)).scalar_subquery(),
                select(func.count(UnitKerja.id)).scalar_subquery(),
                select(func.count(Jabatan.id)).scalar_subquery(),
            )
        ).one()
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


class StaffImportService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---- reading ---------------------------------------------------------------------------
    def sheet_names(self, path: str | Path) -> list[str]:
        return spreadsheet.sheet_names(path)

    def open_source(self, path: str | Path, sheet: str | None = None) -> SourceSheet:
        """Read one sheet and find its header; the remembered mapping of its layout if any."""
        p = Path(path)
        with gc_paused():
            names, data = spreadsheet.read_workbook(p, sheet)
            header = detect_header(data.rows)
        remembered = self.remembered_mapping(header, data.width)
        return SourceSheet(p, tuple(names), data, header, remembered)

    def remembered_mapping(self, header: HeaderInfo, width: int) -> dict[str, int] | None:
        with self.ctx.read() as session:
            stored = session.get(Pengaturan, MAPPING_KEY_PREFIX + header.signature)
            nilai = stored.nilai if stored is not None else None
        if not isinstance(nilai, dict) or not isinstance(nilai.get("mapping"), dict):
            return None
        mapping = {
            str(k): int(v)
            for k, v in nilai["mapping"].items()
            if k in FIELD_BY_KEY and isinstance(v, int) and 0 <= v < max(width, 1)
        }
        return mapping or None

    # ---- preview ---------------------------------------------------------------------------
    def preview(
        self,
        source: SourceSheet,
        mapping: dict[str, int] | None = None,
        progress: Progress | None = None,
    ) -> ImportPreview:
        """Parse every row and compare it with the database; writes nothing."""
        self.ctx.require(Action.STAFF_READ)
        progress = progress or NullProgress()
        used = dict(source.mapping if mapping is None else mapping)
        with gc_paused():
            parsed = self._parse(source, used, progress)
            with self.ctx.read() as session:
                fingerprint = _fingerprint(session)
                plan = self._plan(session, parsed, progress)
        return ImportPreview(
            source,
            used,
            parsed,
            plan.rows,
            plan.created,
            list(plan.org.matched.values()),
            plan.missing,
            plan.counts,
            plan,
            fingerprint,
        )

    def _parse(
        self, source: SourceSheet, mapping: dict[str, int], progress: Progress
    ) -> ParsedSheet:
        def tick(done: int, total: int) -> None:
            checkpoint(progress, done, total, "Memeriksa baris…")

        return parse_sheet(
            source.sheet.rows, source.header, mapping, today=self.ctx.today(), tick=tick
        )

    def _plan(self, session: Session, parsed: ParsedSheet, progress: Progress) -> _Plan:
        mapping = parsed.mapping
        records = parsed.records
        org = _OrgResolver(session)
        nips = sorted({n for r in records if (n := r.values.get("nip")) is not None})
        existing = _load_existing(session, nips)
        name_index: dict[tuple[str, date], str] | None = None
        rows: list[PreviewRow] = []
        refs: dict[int, tuple[_Ref | None, _Ref | None]] = {}
        total = len(records)
        counts = {s: 0 for s in RowStatus}
        warnings = 0
        for i, record in enumerate(records):
            if i % _CHUNK == 0:
                checkpoint(progress, i, total, "Mencocokkan dengan basis data…")
            problems = list(record.problems)
            values = record.values
            unit_ref, jab_ref, org_problems = org.resolve(values)
            for fld, value, candidates in org_problems:
                problems.append(
                    CellProblem(
                        record.row,
                        mapping.get(fld) if fld in mapping else mapping.get("unit"),
                        fld,
                        "impor.org_ambigu",
                        Severity.ERROR,
                        value,
                        {
                            "label": FIELD_BY_KEY[fld].label,
                            "value": value,
                            "kandidat": "; ".join(candidates[:5]),
                        },
                    )
                )
            refs[record.row] = (unit_ref, jab_ref)
            nip = values.get("nip")
            known = existing.get(nip) if nip is not None else None
            changed: tuple[str, ...] = ()
            pegawai_id = None
            if known is not None:
                pegawai_id = known.id
                db_nama = known.values.get("nama") or ""
                file_nama = values.get("nama") or ""
                if not same_person_name(db_nama, file_nama):
                    problems.append(
                        _problem_from(
                            record,
                            mapping,
                            "nip",
                            "impor.nip_milik_lain",
                            Severity.ERROR,
                            {"nip": nip, "nama_db": db_nama, "nama": file_nama},
                        )
                    )
                if not known.aktif:
                    problems.append(
                        _problem_from(
                            record, mapping, "nip", "impor.pegawai_nonaktif", Severity.WARNING, {}
                        )
                    )
                changed = self._changes(known, values, unit_ref, jab_ref, org)
            elif nip is not None:
                if not values.get("nama"):
                    # A new person needs a name (an existing one keeps theirs: blanks never erase).
                    problems.append(
                        CellProblem(
                            record.row,
                            mapping.get("nama"),
                            "nama",
                            "field.wajib",
                            Severity.ERROR,
                            "",
                            {"label": FIELD_LABELS["nama"]},
                        )
                    )
                if unit_ref is None and not org_problems:
                    problems.append(
                        CellProblem(
                            record.row,
                            mapping.get("unit", mapping.get("opd")),
                            "unit",
                            "field.wajib",
                            Severity.ERROR,
                            "",
                            {"label": FIELD_LABELS["unit_id"]},
                        )
                    )
                birth = values.get("tanggal_lahir") or record.derived.get("tanggal_lahir")
                if birth is None:
                    problems.append(
                        CellProblem(
                            record.row,
                            mapping.get("tanggal_lahir"),
                            "tanggal_lahir",
                            "field.wajib",
                            Severity.ERROR,
                            "",
                            {"label": FIELD_LABELS["tanggal_lahir"]},
                        )
                    )
                elif values.get("nama"):
                    if name_index is None:
                        name_index = self._name_index(session)
                    other = (
                        name_index.get((name_key(values["nama"]), birth)) if name_index else None
                    )
                    if other is not None and other != nip:
                        problems.append(
                            _problem_from(
                                record,
                                mapping,
                                "nama",
                                "impor.mungkin_ganda",
                                Severity.WARNING,
                                {"nama": values["nama"], "nip_db": other},
                            )
                        )
            errors = False
            if problems:  # most rows have none: skip the generator expressions
                errors = any(p.is_error for p in problems)
                if not all(p.is_error for p in problems):
                    warnings += 1
            if errors:
                status = RowStatus.TOLAK
            elif known is None:
                status = RowStatus.BARU
            elif changed:
                status = RowStatus.UBAH
            else:
                status = RowStatus.TETAP
            counts[status] += 1
            rows.append(
                PreviewRow(record.row, status, record, tuple(problems), changed, pegawai_id)
            )
        missing = self._missing(session, records, existing, refs, org)
        summary = ImportCounts(
            counts[RowStatus.BARU],
            counts[RowStatus.UBAH],
            counts[RowStatus.TETAP],
            counts[RowStatus.TOLAK],
            sum(1 for s in parsed.skipped if s.kind is not RowKind.KOSONG),
            warnings,
        )
        used = org.used(refs[r.row] for r in rows if r.status in (RowStatus.BARU, RowStatus.UBAH))
        return _Plan(rows, org, refs, existing, missing, summary, used)

    def _name_index(self, session: Session) -> dict[tuple[str, date], str]:
        index: dict[tuple[str, date], str] = {}
        for nip, nama, lahir in session.execute(
            select(Pegawai.nip, Pegawai.nama, Pegawai.tanggal_lahir)
        ):
            if lahir is not None:
                index.setdefault((name_key(nama), lahir), nip)
        return index

    @staticmethod
    def _changes(
        known: _Existing,
        values: dict[str, Any],
        unit_ref: _Ref | None,
        jab_ref: _Ref | None,
        org: _OrgResolver,
    ) -> tuple[str, ...]:
        changed = [
            f
            for f in _COMPARED
            if (value := values.get(f)) is not None and value != known.values.get(f)
        ]
        if unit_ref is not None:
            if unit_ref.id is None or unit_ref.id != known.unit_id:
                changed.append("unit_id")
            new_jab = _target_position(known, unit_ref, jab_ref, org)
            if new_jab != ("id", known.jabatan_id):
                changed.append("jabatan_id")
        return tuple(changed)

    def _missing(
        self,
        session: Session,
        records: list[ImportRecord],
        existing: dict[str, _Existing],
        refs: dict[int, tuple[_Ref | None, _Ref | None]],
        org: _OrgResolver,
    ) -> list[MissingPerson]:
        """Active people of the OPDs this file covers who are not in it (never deleted)."""
        if not records:
            return []
        in_file = {n for r in records if (n := r.values.get("nip")) is not None}
        has_org = any(unit is not None for unit, _ in refs.values())
        opd_ids: set[int] = set()
        for unit, _ in refs.values():
            if unit is not None:
                opd = org.opd_of_unit(unit)
                if opd.id is not None:
                    opd_ids.add(opd.id)
        stmt = (
            select(Pegawai.id, Pegawai.nip, Pegawai.nama, UnitKerja.nama)
            .outerjoin(UnitKerja, UnitKerja.id == Pegawai.unit_id)
            .where(Pegawai.aktif.is_(True))
            .order_by(Pegawai.nama)
        )
        if has_org:
            if not opd_ids:
                return []
            stmt = stmt.where(UnitKerja.opd_id.in_(sorted(opd_ids)))
        return [
            MissingPerson(pid, nip, nama, unit)
            for pid, nip, nama, unit in session.execute(stmt)
            if nip not in in_file
        ]

    # ---- apply -----------------------------------------------------------------------------
    def apply(
        self,
        preview: ImportPreview,
        *,
        skip_invalid: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Write the import in one transaction and one audit batch, or nothing at all.

        The comparison with the database is done again inside the transaction. Without
        ``skip_invalid`` any rejected row aborts (``impor.ada_kesalahan``); with it, the valid
        rows go in and the result lists the rejected ones for the error workbook.
        """
        self.ctx.require(Action.STAFF_EDIT)
        progress = progress or NullProgress()
        if preview.file_problems:
            raise DomainError.from_problems([p.as_problem() for p in preview.file_problems])
        if not preview.parsed.records:
            raise DomainError("impor.tidak_ada_data")
        started = time.perf_counter()
        with gc_paused(), self.ctx.write(Action.STAFF_EDIT) as session:
            if preview.plan is not None and preview.fingerprint == _fingerprint(session):
                plan = preview.plan
            else:
                plan = self._plan(session, preview.parsed, progress)
            rejected = [r for r in plan.rows if r.status is RowStatus.TOLAK]
            if rejected and (not skip_invalid or len(rejected) == len(plan.rows)):
                err = DomainError("impor.ada_kesalahan", jumlah=len(rejected))
                err.problems += [p.as_problem() for r in rejected for p in r.problems]
                raise err
            batch = ""
            if plan.writes:  # re-importing an unchanged file writes nothing at all
                if plan.used:
                    self.ctx.require(Action.ORG_EDIT)
                batch = uuid.uuid4().hex
                writer = _Writer(self.ctx, session, plan, batch, preview.source, progress)
                writer.write()
                self._remember(session, preview)
                writer.finish(self._summary(preview, plan))
            checkpoint(progress, 1, 1, "Menyimpan…")
        return ImportResult(
            batch,
            plan.counts,
            tuple(plan.created),
            tuple(plan.org.matched.values()),
            tuple(plan.missing),
            tuple(plan.rows),
            time.perf_counter() - started,
        )

    def _remember(self, session: Session, preview: ImportPreview) -> None:
        key = MAPPING_KEY_PREFIX + preview.source.header.signature
        value = {
            "labels": list(preview.source.header.labels),
            "mapping": dict(sorted(preview.mapping.items())),
        }
        row = session.get(Pengaturan, key)
        if row is None:
            session.add(Pengaturan(kunci=key, nilai=value))
        elif row.nilai != value:
            row.nilai = value

    @staticmethod
    def _summary(preview: ImportPreview, plan: _Plan) -> tuple[str, dict[str, Any]]:
        c = plan.counts
        name = preview.source.path.name
        text = (
            f"Impor pegawai dari {name}: {c.baru} ditambah, {c.ubah} diubah, {c.tetap} tetap, "
            f"{c.tolak} ditolak"
        )
        return text, {
            "berkas": name,
            "lembar": preview.source.sheet.name,
            "baru": c.baru,
            "ubah": c.ubah,
            "tetap": c.tetap,
            "tolak": c.tolak,
            "tidak_ada_di_berkas": len(plan.missing),
            "dibuat": [[i.kind, i.nama, i.induk] for i in plan.created],
            "pemetaan": dict(sorted(preview.mapping.items())),
        }

    # ---- reports ---------------------------------------------------------------------------
    def write_error_workbook(
        self, source: SourceSheet, rows: Sequence[PreviewRow], path: str | Path
    ) -> None:
        """The rejected rows as they were, with reasons, plus every problem on its own line."""
        out: list[ErrorRow] = []
        sheet_rows = source.sheet.rows
        for r in rows:
            if not r.problems:
                continue
            cells = sheet_rows[r.row - 1] if 0 < r.row <= len(sheet_rows) else []
            issues = [
                ErrorIssue(
                    p.column,
                    source.label(p.column),
                    p.value,
                    p.code,
                    p.message(),
                    p.is_error,
                )
                for p in r.problems
            ]
            out.append(ErrorRow(r.row, cells, issues, r.status is RowStatus.TOLAK))
        write_error_workbook(
            path, source_name=source.path.name, labels=source.header.labels, rows=out
        )


def _target_position(
    known: _Existing, unit_ref: _Ref, jab_ref: _Ref | None, org: _OrgResolver
) -> tuple[str, int | None]:
    """The position a person will hold: the file's, else the current one if it is still in the
    person's unit, else none (a position belongs to one unit)."""
    if jab_ref is not None:
        return ("id", jab_ref.id) if jab_ref.id is not None else ("new", jab_ref.new)
    if unit_ref.id is not None and unit_ref.id == known.unit_id:
        return ("id", known.jabatan_id)
    return ("id", None)


# --------------------------------------------------------------------------- writing

_PEGAWAI_INSERT = (
    "nip",
    "nip_lama",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir",
    "tanggal_lahir",
    "jenis_kelamin",
    "agama",
    "jenis_pegawai",
    "golongan",
    "tmt_golongan",
    "unit_id",
    "jabatan_id",
    "tmt_jabatan",
    "pendidikan_tingkat",
    "pendidikan_jurusan",
    "tahun_lulus",
    "tmt_cpns",
    "tmt_pns",
    "status",
    "hukuman_disiplin",
    "kontrak_selesai",
    "catatan",
    "aktif",
    "teks_cari",
    "versi",
)
_RJ_COLUMNS = ("pegawai_id", "jabatan_id", "jabatan_nama", "unit_nama", "tmt_mulai", "keterangan")
_RP_COLUMNS = ("pegawai_id", "golongan", "tmt", "keterangan")
_AUDIT_COLUMNS = (
    "waktu",
    "pengguna",
    "aksi",
    "entitas",
    "entitas_id",
    "ringkasan",
    "sebelum",
    "sesudah",
    "batch",
)


def _table(model: type) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


class _Placement(NamedTuple):
    unit_id: int | None
    jabatan_id: int | None
    unit_nama: str | None
    jabatan_nama: str | None
    placed: bool
    unit_json: str
    jabatan_json: str


class _Writer:
    """Writes one planned import inside the caller's transaction."""

    def __init__(
        self,
        ctx: ServiceContext,
        session: Session,
        plan: _Plan,
        batch: str,
        source: SourceSheet,
        progress: Progress,
    ) -> None:
        self.ctx = ctx
        self.session = session
        self.plan = plan
        self.batch = batch
        self.progress = progress
        self.now = ctx.clock()
        self.user = ctx.actor.username
        self.today = ctx.today()
        self.note = f"Impor {source.path.name}"[:250]
        self.audit: list[tuple[Any, ...]] = []
        self.opd_ids: dict[int, int] = {}
        self.unit_ids: dict[int, int] = {}
        self.jabatan_ids: dict[int, int] = {}

    def _audit(
        self,
        aksi: str,
        entitas: str,
        entitas_id: int | None,
        ringkasan: str,
        sebelum: Any,
        sesudah: Any,
    ) -> None:
        self.audit.append(
            (
                self.now,
                self.user,
                aksi,
                entitas,
                entitas_id,
                ringkasan[:500],
                sebelum if sebelum is None or isinstance(sebelum, str) else json_dumps(sebelum),
                sesudah if sesudah is None or isinstance(sesudah, str) else json_dumps(sesudah),
                self.batch,
            )
        )

    # -- organisation first: people point at it
    def _create_org(self) -> None:
        org, used, s = self.plan.org, self.plan.used, self.session
        opds = [(i, Opd(nama=org.new_opds[i].nama[:200])) for i in sorted(used.opds)]
        s.add_all([row for _, row in opds])
        s.flush()
        for index, opd in opds:
            self.opd_ids[index] = opd.id
            self._audit(
                ACTION_ADD, "opd", opd.id, f"Impor: tambah OPD {opd.nama}", None, {"nama": opd.nama}
            )
        # Roots first: every other new unit hangs under its OPD's root.
        for roots in (True, False):
            units: list[tuple[int, UnitKerja]] = []
            for index in sorted(used.units):
                u = org.new_units[index]
                if (u.parent is None) is not roots:
                    continue
                row = UnitKerja(
                    opd_id=self._opd_id(u.opd), parent_id=self._unit_id(u.parent), nama=u.nama[:200]
                )
                units.append((index, row))
            s.add_all([row for _, row in units])
            s.flush()
            for index, row in units:
                self.unit_ids[index] = row.id
                self._audit(
                    ACTION_ADD,
                    "unit_kerja",
                    row.id,
                    f"Impor: tambah unit kerja {row.nama}",
                    None,
                    {"nama": row.nama, "opd_id": row.opd_id, "parent_id": row.parent_id},
                )
        made: list[tuple[int, Jabatan]] = []
        for index in sorted(used.jabatan):
            j = org.new_jabatan[index]
            unit_id = self._unit_id(j.unit)
            assert unit_id is not None
            row_j = Jabatan(
                unit_id=unit_id,
                nama=j.nama[:250],
                jenis=j.jenis,
                jenjang=j.jenjang,
                eselon=j.eselon[:10] if j.eselon else None,
            )
            made.append((index, row_j))
        s.add_all([row for _, row in made])
        s.flush()
        for index, row_j in made:
            self.jabatan_ids[index] = row_j.id
            self._audit(
                ACTION_ADD,
                "jabatan",
                row_j.id,
                f"Impor: tambah jabatan {row_j.nama}",
                None,
                {"nama": row_j.nama, "unit_id": row_j.unit_id, "jenis": row_j.jenis.value},
            )

    def _opd_id(self, ref: _Ref) -> int:
        return ref.id if ref.id is not None else self.opd_ids[ref.new or 0]

    def _unit_id(self, ref: _Ref | None) -> int | None:
        if ref is None:
            return None
        return ref.id if ref.id is not None else self.unit_ids[ref.new or 0]

    def _jabatan_id(self, ref: _Ref | None) -> int | None:
        if ref is None:
            return None
        return ref.id if ref.id is not None else self.jabatan_ids[ref.new or 0]

    # -- people
    def write(self) -> None:
        self._create_org()
        checkpoint(self.progress, 0, 1, "Menyimpan…")
        self._insert_new()
        checkpoint(self.progress, 0, 1, "Menyimpan…")
        self._update_changed()

    def _insert_new(self) -> None:
        plan, org = self.plan, self.plan.org
        # In NIP order: the unique index grows at its end instead of splitting pages.
        new_rows = sorted(
            (r for r in plan.rows if r.status is RowStatus.BARU),
            key=lambda r: r.record.values["nip"],
        )
        if not new_rows:
            return
        # Everything a row needs about where it is placed, worked out once per placement.
        placements: dict[tuple[_Ref | None, _Ref | None], _Placement] = {}

        def place(refs: tuple[_Ref | None, _Ref | None]) -> _Placement:
            found = placements.get(refs)
            if found is None:
                unit_ref, jab_ref = refs
                unit_name, jab_name = org.unit_name(unit_ref), org.jabatan_name(jab_ref)
                found = placements[refs] = _Placement(
                    self._unit_id(unit_ref),
                    self._jabatan_id(jab_ref),
                    unit_name,
                    jab_name,
                    unit_ref is not None or jab_ref is not None,
                    json_string(unit_name),
                    json_string(jab_name),
                )
            return found

        pns, aktif = JenisPegawai.PNS, StatusPegawai.AKTIF
        rows: list[tuple[Any, ...]] = []
        where: list[_Placement] = []
        for r in new_rows:
            v = r.record.values
            derived = r.record.derived
            at = place(plan.refs[r.row])
            get = v.get
            birth = get("tanggal_lahir") or derived.get("tanggal_lahir")
            gender = get("jenis_kelamin") or derived.get("jenis_kelamin")
            jenis = get("jenis_pegawai") or derived.get("jenis_pegawai") or pns
            nip, nama = v["nip"], v["nama"]
            teks = search_text(
                [
                    nama_lengkap(nama, get("gelar_depan"), get("gelar_belakang")),
                    nip,
                    get("nip_lama"),
                    at.jabatan_nama,
                ]
            )
            rows.append(
                (
                    nip,
                    get("nip_lama"),
                    nama,
                    get("gelar_depan"),
                    get("gelar_belakang"),
                    get("tempat_lahir"),
                    birth,
                    gender,
                    get("agama"),
                    jenis,
                    get("golongan"),
                    get("tmt_golongan"),
                    at.unit_id,
                    at.jabatan_id,
                    get("tmt_jabatan"),
                    get("pendidikan_tingkat"),
                    get("pendidikan_jurusan"),
                    get("tahun_lulus"),
                    get("tmt_cpns"),
                    get("tmt_pns"),
                    get("status") or aktif,
                    False,
                    get("kontrak_selesai"),
                    get("catatan"),
                    True,
                    teks,
                    1,
                )
            )
            where.append(at)
        before = self.session.scalar(select(func.max(Pegawai.id))) or 0
        insert_rows(self.session, _table(Pegawai), _PEGAWAI_INSERT, rows)
        # Everyone above the old highest id was inserted just now, in this transaction.
        ids: dict[str, int] = {
            nip: pid
            for nip, pid in self.session.execute(
                select(Pegawai.nip, Pegawai.id).where(Pegawai.id > before)
            )
        }
        rj: list[tuple[Any, ...]] = []
        rp: list[tuple[Any, ...]] = []
        note = self.note
        for r, values, at in zip(new_rows, rows, where, strict=True):
            nip = values[0]
            pid = ids[nip]
            if at.placed:
                rj.append(
                    (
                        pid,
                        values[13],
                        at.jabatan_nama or _NO_POSITION,
                        at.unit_nama,
                        values[14],
                        note,
                    )
                )
            if values[10]:
                rp.append((pid, values[10], values[11], note))
            # The record itself is the pegawai row this batch created; the audit row names it.
            after = (
                f'{{"nip": "{nip}", "nama": {json_string(values[2])}, "baris": {r.row}, '
                f'"unit": {at.unit_json}, "jabatan": {at.jabatan_json}}}'
            )
            self._audit(
                ACTION_ADD, "pegawai", pid, f"Impor: tambah pegawai {nip} {values[2]}", None, after
            )
        insert_rows(self.session, _table(RiwayatJabatan), _RJ_COLUMNS, rj)
        insert_rows(self.session, _table(RiwayatPangkat), _RP_COLUMNS, rp)

    def _update_changed(self) -> None:
        plan, org = self.plan, self.plan.org
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        close_rj: list[dict[str, Any]] = []
        rj: list[tuple[Any, ...]] = []
        rp: list[tuple[Any, ...]] = []
        for r in plan.rows:
            if r.status is not RowStatus.UBAH:
                continue
            v = r.record.values
            known = plan.existing[v["nip"]]
            unit_ref, jab_ref = plan.refs[r.row]
            new: dict[str, Any] = {f: v[f] for f in r.changed if f in v}
            if "unit_id" in r.changed:
                new["unit_id"] = self._unit_id(unit_ref)
            jabatan_id = known.jabatan_id
            jab_name = org.jabatan_names.get(jabatan_id) if jabatan_id is not None else None
            if "jabatan_id" in r.changed and unit_ref is not None:
                kind, target = _target_position(known, unit_ref, jab_ref, org)
                jabatan_id = target if kind == "id" else self.jabatan_ids[target or 0]
                new["jabatan_id"] = jabatan_id
                jab_name = org.jabatan_name(jab_ref) if jab_ref is not None else None
            merged = {**known.values, **{k: x for k, x in new.items() if k in known.values}}
            new["teks_cari"] = search_text(
                [
                    nama_lengkap(
                        merged["nama"], merged.get("gelar_depan"), merged.get("gelar_belakang")
                    ),
                    merged["nip"],
                    merged.get("nip_lama"),
                    jab_name,
                ]
            )
            cols = tuple(sorted(new))
            groups.setdefault(cols, []).append({"id": known.id, **new})
            if "unit_id" in new or "jabatan_id" in new:
                start = v.get("tmt_jabatan") or self.today
                close_rj.append({"k_id": known.id, "v_tmt_selesai": start})
                rj.append(
                    (
                        known.id,
                        jabatan_id,
                        jab_name or _NO_POSITION,
                        org.unit_name(unit_ref) if unit_ref is not None else None,
                        v.get("tmt_jabatan"),
                        self.note,
                    )
                )
            if "golongan" in new:
                rp.append((known.id, new["golongan"], v.get("tmt_golongan"), self.note))
            before = {f: _jsonable(known.values.get(f)) for f in r.changed if f in known.values}
            after = {f: _jsonable(v.get(f)) for f in r.changed if f in known.values}
            if "unit_id" in r.changed:
                before["unit_id"], after["unit_id"] = known.unit_id, new.get("unit_id")
            if "jabatan_id" in r.changed:
                before["jabatan_id"] = known.jabatan_id
                after["jabatan_id"] = new.get("jabatan_id")
            self._audit(
                ACTION_CHANGE,
                "pegawai",
                known.id,
                f"Impor: ubah pegawai {v['nip']} {merged['nama']} ({', '.join(r.changed)})",
                before,
                after,
            )
        table = _table(Pegawai)
        for cols, params in groups.items():
            update_rows(self.session, table, "id", cols, params, bump_version="versi")
        if close_rj:
            rj_table = _table(RiwayatJabatan)
            stmt = (
                update(rj_table)
                .where(
                    rj_table.c.pegawai_id == bindparam("k_id"),
                    rj_table.c.tmt_selesai.is_(None),
                )
                .values(tmt_selesai=bindparam("v_tmt_selesai"))
            )
            self.session.connection().execute(stmt, close_rj)
        insert_rows(self.session, _table(RiwayatJabatan), _RJ_COLUMNS, rj)
        insert_rows(self.session, _table(RiwayatPangkat), _RP_COLUMNS, rp)

    def finish(self, summary: tuple[str, dict[str, Any]]) -> None:
        text, details = summary
        self._audit(ACTION_BATCH, AUDIT_ENTITY, None, text, None, details)
        insert_rows(
            self.session,
            _table(AuditLog),
            _AUDIT_COLUMNS,
            self.audit,
            json_text=("sebelum", "sesudah"),
        )


__all__ = [
    "FIELDS",
    "ImportCounts",
    "ImportPreview",
    "ImportResult",
    "MissingPerson",
    "OrgItem",
    "PreviewRow",
    "RowStatus",
    "SourceSheet",
    "StaffImportService",
]
