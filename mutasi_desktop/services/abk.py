"""Workload analysis (ABK) use cases: years and profiles, task tables, drivers, scenarios, ratios.

``AbkService`` is the one entry point for the GUI and the CLI. Reads return plain dataclasses
(``domain.abk_report``); every write is one transaction with an audit row. The arithmetic is the
engine's (``domain.abk.compute``); this module only loads, names and stores. Workbook import and
export and the printable recaps are in ``services.abk_io`` and reached through the same service.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import String, delete, func, insert, select, type_coerce, update
from sqlalchemy.orm import Session

from mutasi_desktop.domain.abk import (
    PERMENPANRB_1_2020,
    PROFILES,
    AbkProfile,
    AbkResult,
    Periode,
    PositionInput,
    PositionResult,
    SatuanWaktu,
    Scenario,
    ScenarioOverride,
    TaskInput,
    apply_scenario,
    compare,
    compute,
    validate_task,
)
from mutasi_desktop.domain.abk_ratio import DEFAULT_RATIO_RULES, RatioRule, estimate_all
from mutasi_desktop.domain.abk_report import (
    AbkDriverRow,
    AbkGroupRow,
    AbkPositionRow,
    AbkReport,
    AbkTaskRow,
    RatioRow,
    SumberPegawai,
    located_message,
)
from mutasi_desktop.domain.errors import DomainError, Problem, Severity
from mutasi_desktop.domain.pegawai import StatusPegawai
from mutasi_desktop.domain.pencarian import fold
from mutasi_desktop.services import audit
from mutasi_desktop.services.context import Action, ServiceContext
from mutasi_desktop.services.progress import NullProgress, Progress
from mutasi_desktop.storage.models import (
    AnalisisAbk,
    Jabatan,
    Opd,
    Pegawai,
    PegawaiAdaAbk,
    PemicuAbk,
    Pengaturan,
    RasioAbk,
    SkenarioAbk,
    TugasJabatan,
    UnitKerja,
)

if TYPE_CHECKING:
    from mutasi_desktop.services.abk_io import AbkImportResult, Kertas

__all__ = [
    "PROFILES",
    "AbkComparison",
    "AbkDriverRow",
    "AbkGroupRow",
    "AbkPositionDelta",
    "AbkPositionRow",
    "AbkPreview",
    "AbkRatioRuleInfo",
    "AbkReport",
    "AbkScenarioInfo",
    "AbkService",
    "AbkTaskRow",
    "AbkTasksChange",
    "AbkYear",
    "RatioRow",
    "SumberPegawai",
    "located_message",
]

IN_SERVICE = [s for s in StatusPegawai if s.is_in_service]
ENTITAS_TAHUN = "analisis_abk"
ENTITAS_JABATAN = "jabatan"
ENTITAS_PEMICU = "pemicu_abk"
ENTITAS_SKENARIO = "skenario_abk"
ENTITAS_RASIO = "rasio_abk"
MAX_URAIAN = 500
MAX_SATUAN = 100
MAX_NAMA = 100
SETTING_KABUPATEN = "kabupaten"
UNIT_SEPARATOR = " \u203a "


# ---------------------------------------------------------------------------------------------
# Plain results
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AbkYear:
    """An analysis year as listed in a year picker."""

    tahun: int
    nama_profil: str
    catatan: str | None
    jumlah_jabatan: int  # positions with at least one task
    jumlah_tugas: int
    jumlah_pemicu: int
    jumlah_skenario: int


@dataclass(frozen=True)
class AbkScenarioInfo:
    id: int
    tahun: int
    nama: str
    overrides: tuple[ScenarioOverride, ...]
    keterangan: str | None

    @property
    def scenario(self) -> Scenario:
        return Scenario(self.nama, self.overrides)

    @property
    def ringkasan(self) -> str:
        """'penerima_bansos +30 %; penduduk = 300.000' for lists and tooltips."""
        return "; ".join(describe_override(o) for o in self.overrides)


@dataclass(frozen=True)
class AbkRatioRuleInfo:
    id: int
    tahun: int
    rule: RatioRule
    kata_kunci: str
    urutan: int


@dataclass(frozen=True)
class AbkTasksChange:
    """What ``save_tasks`` did: the position recomputed with its new task table."""

    jabatan_id: int
    tahun: int
    audit_id: int | None  # None when nothing changed
    position: AbkPositionRow
    peringatan: tuple[Problem, ...] = ()

    @property
    def berubah(self) -> bool:
        return self.audit_id is not None


@dataclass(frozen=True)
class AbkPreview:
    """Live recomputation of an edited task table (nothing saved).

    ``position`` is None when an error stops the computation; ``problems`` lists errors and
    warnings with ``tugas`` (1-based row) so the editor can mark the cells.
    """

    position: AbkPositionRow | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.position is not None


@dataclass(frozen=True)
class AbkPositionDelta:
    """One position under scenario ``a`` (``sebelum``) and ``b`` (``sesudah``)."""

    jabatan_id: int
    jabatan: str
    unit: str
    opd: str
    sebelum: AbkPositionRow | None
    sesudah: AbkPositionRow | None
    delta_beban_kerja_menit: float
    delta_kebutuhan: float
    delta_kebutuhan_bulat: int
    delta_selisih: int
    delta_ej: float | None
    pj_berubah: bool
    berubah: bool


@dataclass(frozen=True)
class AbkComparison:
    """Two computations of one year side by side (``a``/``b`` are scenario names or None)."""

    tahun: int
    a: AbkReport
    b: AbkReport
    positions: tuple[AbkPositionDelta, ...]

    @property
    def changed(self) -> tuple[AbkPositionDelta, ...]:
        return tuple(d for d in self.positions if d.berubah)

    @property
    def delta_kebutuhan_bulat(self) -> int:
        return self.b.totals.kebutuhan_bulat - self.a.totals.kebutuhan_bulat

    @property
    def delta_kurang(self) -> int:
        return self.b.totals.kurang - self.a.totals.kurang

    @property
    def delta_lebih(self) -> int:
        return self.b.totals.lebih - self.a.totals.lebih


def describe_override(o: ScenarioOverride) -> str:
    if o.percent is not None:
        sign = "+" if o.percent >= 0 else "\u2212"
        return f"{o.driver} {sign}{_id_num(abs(o.percent))} %"
    assert o.absolute is not None
    return f"{o.driver} = {_id_num(o.absolute)}"


def _id_num(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.4f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------


@dataclass
class _UnitInfo:
    id: int
    opd_id: int
    parent_id: int | None
    nama: str
    urutan: int


@dataclass
class _Org:
    opds: dict[int, tuple[str, int]]  # id -> (nama, urutan)
    units: dict[int, _UnitInfo]
    _paths: dict[int, str] = field(default_factory=dict)
    _orders: dict[int, tuple[Any, ...]] = field(default_factory=dict)

    def chain(self, unit_id: int) -> list[_UnitInfo]:
        out: list[_UnitInfo] = []
        seen: set[int] = set()
        current: int | None = unit_id
        while current is not None and current in self.units and current not in seen:
            seen.add(current)
            info = self.units[current]
            out.append(info)
            current = info.parent_id
        return out[::-1]

    def path(self, unit_id: int) -> str:
        hit = self._paths.get(unit_id)
        if hit is None:
            names = [u.nama for u in self.chain(unit_id)]
            info = self.units.get(unit_id)
            if info is not None:
                opd_nama = self.opds.get(info.opd_id, ("", 0))[0]
                if not names or names[0] != opd_nama:
                    names.insert(0, opd_nama)
            hit = self._paths[unit_id] = UNIT_SEPARATOR.join(names)
        return hit

    def order(self, unit_id: int) -> tuple[Any, ...]:
        hit = self._orders.get(unit_id)
        if hit is None:
            info = self.units[unit_id]
            opd_nama, opd_urutan = self.opds.get(info.opd_id, ("", 0))
            hit = (
                opd_urutan,
                opd_nama,
                info.opd_id,
                tuple((u.urutan, u.nama, u.id) for u in self.chain(unit_id)),
            )
            self._orders[unit_id] = hit
        return hit


@dataclass
class _PositionInfo:
    id: int
    unit_id: int
    nama: str
    jenis: str | None
    kelas: int | None


@dataclass
class _YearData:
    tahun: int
    profile: AbkProfile
    drivers: dict[str, AbkDriverRow]
    tasks: dict[int, list[tuple[int | None, int, TaskInput]]]
    positions: dict[int, _PositionInfo]
    register: dict[int, int]
    berkas: dict[int, int]
    org: _Org
    tanpa_tugas: int
    instansi: str | None


def _load_org(session: Session) -> _Org:
    opds = {r.id: (r.nama, r.urutan) for r in session.execute(select(Opd.id, Opd.nama, Opd.urutan))}
    units = {
        r.id: _UnitInfo(r.id, r.opd_id, r.parent_id, r.nama, r.urutan)
        for r in session.execute(
            select(
                UnitKerja.id,
                UnitKerja.opd_id,
                UnitKerja.parent_id,
                UnitKerja.nama,
                UnitKerja.urutan,
            )
        )
    }
    return _Org(opds, units)


def _year_row(session: Session, tahun: int) -> AnalisisAbk | None:
    return session.scalars(select(AnalisisAbk).where(AnalisisAbk.tahun == tahun)).one_or_none()


def _require_year(session: Session, tahun: int) -> AnalisisAbk:
    row = _year_row(session, tahun)
    if row is None:
        raise DomainError("abk.tahun_tidak_ada", tahun=tahun)
    return row


def profile_of(row: AnalisisAbk) -> AbkProfile:
    return AbkProfile.from_dict(row.profil or {})


def load_drivers(session: Session, tahun: int) -> dict[str, AbkDriverRow]:
    used = dict(
        session.execute(
            select(TugasJabatan.pemicu, func.count())
            .where(TugasJabatan.tahun == tahun, TugasJabatan.pemicu.is_not(None))
            .group_by(TugasJabatan.pemicu)
        ).all()
    )
    out: dict[str, AbkDriverRow] = {}
    for r in session.execute(
        select(PemicuAbk).where(PemicuAbk.tahun == tahun).order_by(PemicuAbk.nama)
    ).scalars():
        out[r.nama] = AbkDriverRow(
            nama=r.nama,
            nilai=r.nilai,
            nilai_dasar=r.nilai,
            satuan=r.satuan,
            keterangan=r.keterangan,
            id=r.id,
            jumlah_tugas=int(used.get(r.nama, 0)),
        )
    return out


def register_counts(session: Session, only: Sequence[int] | None = None) -> dict[int, int]:
    """In-service active staff per position (the present headcount, bezetting)."""
    stmt = select(Pegawai.jabatan_id, func.count()).where(
        Pegawai.aktif.is_(True),
        Pegawai.status.in_(IN_SERVICE),
        Pegawai.jabatan_id.is_not(None),
    )
    if only is not None:
        stmt = stmt.where(Pegawai.jabatan_id.in_(only))
    out: dict[int, int] = {}
    for jid, n in session.execute(stmt.group_by(Pegawai.jabatan_id)):
        if jid is not None:
            out[int(jid)] = int(n)
    return out


_SATUAN = {str(s): s for s in SatuanWaktu}
_PERIODE = {str(p): p for p in Periode}


def _task_from_row(r: Any) -> TaskInput:
    return TaskInput(
        uraian=r.uraian,
        satuan_hasil=r.satuan_hasil or "",
        waktu=r.waktu,
        satuan_waktu=_SATUAN[r.satuan_waktu],
        volume=r.volume,
        periode=_PERIODE[r.periode],
        pemicu=r.pemicu,
        rasio=r.rasio,
    )


def _task_select() -> Any:
    # The enum columns are read as plain strings and mapped by dict: SQLAlchemy's per-value
    # Enum processing costs more than the whole engine run on 15,000 tasks.
    return select(
        TugasJabatan.id,
        TugasJabatan.jabatan_id,
        TugasJabatan.urutan,
        TugasJabatan.uraian,
        TugasJabatan.satuan_hasil,
        TugasJabatan.waktu,
        type_coerce(TugasJabatan.satuan_waktu, String).label("satuan_waktu"),
        TugasJabatan.volume,
        type_coerce(TugasJabatan.periode, String).label("periode"),
        TugasJabatan.pemicu,
        TugasJabatan.rasio,
    )


def _instansi(session: Session) -> str | None:
    value = session.get(Pengaturan, SETTING_KABUPATEN)
    if value is None or not isinstance(value.nilai, dict):
        return None
    nama = value.nilai.get("nama")
    return str(nama) if nama else None


def _load_year(
    session: Session,
    tahun: int,
    *,
    semua_jabatan: bool = False,
    only: Iterable[int] | None = None,
) -> _YearData:
    row = _require_year(session, tahun)
    profile = profile_of(row)
    drivers = load_drivers(session, tahun)
    stmt = _task_select().where(TugasJabatan.tahun == tahun)
    berkas_stmt = select(PegawaiAdaAbk.jabatan_id, PegawaiAdaAbk.jumlah).where(
        PegawaiAdaAbk.tahun == tahun
    )
    pos_stmt = select(Jabatan.id, Jabatan.unit_id, Jabatan.nama, Jabatan.jenis, Jabatan.kelas)
    only_ids = None if only is None else sorted(set(only))
    if only_ids is not None:
        # One position on request (an editor): shown even when it was deactivated.
        stmt = stmt.where(TugasJabatan.jabatan_id.in_(only_ids))
        berkas_stmt = berkas_stmt.where(PegawaiAdaAbk.jabatan_id.in_(only_ids))
        pos_stmt = pos_stmt.where(Jabatan.id.in_(only_ids))
    else:
        pos_stmt = pos_stmt.where(Jabatan.aktif.is_(True))
    tasks: dict[int, list[tuple[int | None, int, TaskInput]]] = defaultdict(list)
    for r in session.execute(
        stmt.order_by(TugasJabatan.jabatan_id, TugasJabatan.urutan, TugasJabatan.id)
    ):
        tasks[r.jabatan_id].append((r.id, r.urutan, _task_from_row(r)))
    berkas = {jid: int(n) for jid, n in session.execute(berkas_stmt)}
    positions: dict[int, _PositionInfo] = {}
    tanpa_tugas = 0
    for r in session.execute(pos_stmt):
        if only_ids is None and not semua_jabatan and r.id not in tasks and r.id not in berkas:
            tanpa_tugas += 1
            continue
        jenis = r.jenis.value if r.jenis is not None else None
        positions[r.id] = _PositionInfo(r.id, r.unit_id, r.nama, jenis, r.kelas)
    return _YearData(
        tahun=tahun,
        profile=profile,
        drivers=drivers,
        tasks=tasks,
        positions=positions,
        register=register_counts(session, only_ids),
        berkas=berkas,
        org=_load_org(session),
        tanpa_tugas=tanpa_tugas,
        instansi=_instansi(session),
    )


# ---------------------------------------------------------------------------------------------
# Computing
# ---------------------------------------------------------------------------------------------


def _headcount(data: _YearData, jabatan_id: int) -> tuple[int, int, int | None, SumberPegawai]:
    register = data.register.get(jabatan_id, 0)
    berkas = data.berkas.get(jabatan_id)
    # The register wins whenever it has anyone; the workbook's count only stands in for a
    # position that has no staff records yet (an office analysing before it imports staff).
    if register == 0 and berkas is not None:
        return berkas, register, berkas, SumberPegawai.BERKAS_ABK
    return register, register, berkas, SumberPegawai.DATA_PEGAWAI


def _scenario_overrides(session: Session, tahun: int, nama: str) -> tuple[ScenarioOverride, ...]:
    rows = session.execute(
        select(SkenarioAbk.nama, SkenarioAbk.overrides).where(SkenarioAbk.tahun == tahun)
    ).all()
    for wanted in (lambda n: n == nama, lambda n: fold(n) == fold(nama)):
        for row in rows:
            if wanted(row.nama):
                return tuple(ScenarioOverride.from_dict(o) for o in (row.overrides or ()))
    raise DomainError("abk.skenario_tidak_ada", nama=nama, tahun=tahun)


@dataclass
class _Computed:
    result: AbkResult
    report: AbkReport


def _compute(
    data: _YearData,
    *,
    scenario: str | None,
    overrides: Sequence[ScenarioOverride] = (),
    with_tasks: bool = False,
    edited: Mapping[int, Sequence[TaskInput]] | None = None,
    ratio_rules: Sequence[AbkRatioRuleInfo] = (),
    today: date,
) -> _Computed:
    base = {name: d.nilai_dasar for name, d in data.drivers.items()}
    values = apply_scenario(base, overrides) if overrides else base
    org = data.org
    ordered = sorted(
        data.positions.values(),
        key=lambda p: (org.order(p.unit_id), -(p.kelas or 0), p.nama, p.id),
    )
    inputs: list[PositionInput] = []
    for p in ordered:
        if edited is not None and p.id in edited:
            tasks = tuple(edited[p.id])
        else:
            tasks = tuple(t for _, _, t in data.tasks.get(p.id, ()))
        used, _, _, _ = _headcount(data, p.id)
        inputs.append(PositionInput(p.id, p.unit_id, p.nama, tasks, used))
    opd_of: dict[Hashable, Hashable] = {uid: u.opd_id for uid, u in org.units.items()}
    result = compute(inputs, data.profile, values, opd_of=opd_of)

    rows: list[AbkPositionRow] = []
    for inp, res in zip(inputs, result.positions, strict=True):
        rows.append(_position_row(data, inp, res, with_tasks))
    units = tuple(
        _group_row(u, key, org.units[key].nama, org.units[key].opd_id, org, path=org.path(key))
        for key, u in result.units.items()
        if isinstance(key, int)
    )
    opds = tuple(
        _group_row(o, key, org.opds[key][0], key, org)
        for key, o in result.opds.items()
        if isinstance(key, int)
    )
    totals = _group_row(result.totals, None, "Jumlah", None, org)
    drivers = tuple(
        AbkDriverRow(
            nama=d.nama,
            nilai=values[d.nama],
            nilai_dasar=d.nilai_dasar,
            satuan=d.satuan,
            keterangan=d.keterangan,
            id=d.id,
            jumlah_tugas=d.jumlah_tugas,
        )
        for d in data.drivers.values()
    )
    report = AbkReport(
        tahun=data.tahun,
        profil=data.profile,
        skenario=scenario,
        tanggal=today,
        positions=tuple(rows),
        units=units,
        opds=opds,
        totals=totals,
        pemicu=drivers,
        rasio=_ratio_rows(ratio_rules, values, rows),
        peringatan=tuple(result.peringatan),
        jabatan_tanpa_tugas=data.tanpa_tugas,
        instansi=data.instansi,
    )
    return _Computed(result, report)


def _position_row(
    data: _YearData, inp: PositionInput, res: PositionResult, with_tasks: bool
) -> AbkPositionRow:
    info = data.positions[int(inp.key)]  # type: ignore[call-overload]
    unit = data.org.units.get(info.unit_id)
    opd_id = unit.opd_id if unit else 0
    used, register, berkas, sumber = _headcount(data, info.id)
    tugas: tuple[AbkTaskRow, ...] = ()
    if with_tasks:
        stored = data.tasks.get(info.id, [])
        ids = [(tid, urutan) for tid, urutan, _ in stored] if len(stored) == len(inp.tasks) else []
        tugas = tuple(
            AbkTaskRow(
                id=ids[i][0] if ids else None,
                urutan=ids[i][1] if ids else i + 1,
                task=task,
                volume_tahunan=tr.volume_tahunan,
                beban_kerja_menit=tr.beban_kerja_menit,
                kebutuhan=tr.kebutuhan,
            )
            for i, (task, tr) in enumerate(zip(inp.tasks, res.tugas, strict=True))
        )
    return AbkPositionRow(
        jabatan_id=info.id,
        jabatan=info.nama,
        jenis_jabatan=info.jenis,
        kelas=info.kelas,
        unit_id=info.unit_id,
        unit=unit.nama if unit else "",
        unit_path=data.org.path(info.unit_id) if unit else "",
        opd_id=opd_id,
        opd=data.org.opds.get(opd_id, ("", 0))[0],
        jumlah_tugas=len(inp.tasks),
        beban_kerja_menit=res.beban_kerja_menit,
        kebutuhan=res.kebutuhan,
        kebutuhan_bulat=res.kebutuhan_bulat,
        pegawai_ada=used,
        pegawai_register=register,
        pegawai_berkas=berkas,
        sumber_pegawai=sumber,
        selisih=res.selisih,
        ej=res.ej,
        pj=res.pj,
        pj_label=res.pj_label,
        kondisi=res.kondisi,
        status=res.status,
        tugas=tugas,
    )


def _group_row(
    u: Any, key: int | None, nama: str, opd_id: int | None, org: _Org, path: str = ""
) -> AbkGroupRow:
    return AbkGroupRow(
        id=key,
        nama=nama,
        opd_id=opd_id,
        opd=org.opds.get(opd_id, ("", 0))[0] if opd_id is not None else None,
        jumlah_jabatan=u.jumlah_jabatan,
        jumlah_kosong=u.jumlah_kosong,
        beban_kerja_menit=u.beban_kerja_menit,
        kebutuhan=u.kebutuhan,
        kebutuhan_bulat=u.kebutuhan_bulat,
        pegawai_ada=u.pegawai_ada,
        kurang=u.kurang,
        lebih=u.lebih,
        eu=u.eu,
        pj=u.pj,
        pj_label=u.pj_label,
        kondisi=u.kondisi,
        path=path,
    )


def _words(text: str) -> list[str]:
    return [w for w in fold(text).replace("\u203a", " ").replace("/", " ").split() if w]


def position_words(jabatan: str, unit_path: str) -> frozenset[str]:
    return frozenset(_words(jabatan) + _words(unit_path))


def matches_keywords(
    kata_kunci: str, jabatan: str, unit_path: str, words: frozenset[str] | None = None
) -> bool:
    """All words of ``kata_kunci`` occur in the position or unit name; '-kata' must not occur."""
    if words is None:
        words = position_words(jabatan, unit_path)
    return _keyword_test(kata_kunci)(words)


@lru_cache(maxsize=256)
def _keyword_test(kata_kunci: str) -> Callable[[frozenset[str]], bool]:
    wanted = _words(kata_kunci)
    need = frozenset(w for w in wanted if not w.startswith("-"))
    refuse = frozenset(w[1:] for w in wanted if w.startswith("-") and len(w) > 1)
    if not need:
        return lambda _words: False
    return lambda words: need <= words and not (refuse & words)


def _ratio_rows(
    rules: Sequence[AbkRatioRuleInfo],
    drivers: Mapping[str, float],
    positions: Sequence[AbkPositionRow],
) -> tuple[RatioRow, ...]:
    if not rules:
        return ()
    estimates = estimate_all([r.rule for r in rules], drivers)
    words = [position_words(p.jabatan, p.unit_path) for p in positions]
    out: list[RatioRow] = []
    for info, est in zip(rules, estimates, strict=True):
        matched = [
            p
            for p, w in zip(positions, words, strict=True)
            if matches_keywords(info.kata_kunci, p.jabatan, p.unit_path, w)
        ]
        rule = info.rule
        out.append(
            RatioRow(
                id=info.id,
                nama=rule.name,
                jabatan_kata=rule.jabatan_kata,
                pemicu=rule.driver,
                nilai_pemicu=est.nilai_pemicu,
                per=rule.per,
                pegawai=rule.pegawai,
                dasar=rule.dasar,
                kata_kunci=info.kata_kunci,
                kebutuhan_rasio=est.kebutuhan,
                jumlah_jabatan=len(matched),
                kebutuhan_abk=sum(p.kebutuhan_bulat for p in matched),
                pegawai_ada=sum(p.pegawai_ada for p in matched),
            )
        )
    return tuple(out)


def _load_ratio_rules(session: Session, tahun: int) -> list[AbkRatioRuleInfo]:
    out: list[AbkRatioRuleInfo] = []
    for r in session.scalars(
        select(RasioAbk).where(RasioAbk.tahun == tahun).order_by(RasioAbk.urutan, RasioAbk.id)
    ):
        out.append(
            AbkRatioRuleInfo(
                id=r.id,
                tahun=r.tahun,
                rule=RatioRule(
                    name=r.nama,
                    driver=r.pemicu,
                    per=r.per,
                    jabatan_kata=r.jabatan_kata,
                    pegawai=r.pegawai,
                    dasar=r.dasar or "",
                ),
                kata_kunci=r.kata_kunci or r.jabatan_kata,
                urutan=r.urutan,
            )
        )
    return out


# ---------------------------------------------------------------------------------------------
# Writing helpers (shared with abk_io and the demo)
# ---------------------------------------------------------------------------------------------


def ensure_year(
    session: Session,
    ctx: ServiceContext,
    tahun: int,
    profile: AbkProfile | None = None,
    *,
    batch: str | None = None,
    record_audit: bool = True,
) -> AnalisisAbk:
    """The year's row, created with ``profile`` (default PermenPAN-RB 1/2020) and the default
    ratio rules when missing. ``record_audit=False`` is for callers whose own audit row covers
    the whole operation (the demo build)."""
    if not 1900 <= tahun <= 2200:
        raise DomainError("field.tahun_salah", value=tahun)
    row = _year_row(session, tahun)
    if row is not None:
        return row
    prof = profile or PERMENPANRB_1_2020
    row = AnalisisAbk(tahun=tahun, nama_profil=prof.name, profil=prof.to_dict())
    session.add(row)
    session.flush()
    for i, rule in enumerate(DEFAULT_RATIO_RULES.values(), start=1):
        session.add(_ratio_model(tahun, rule, _default_keywords(rule), i))
    session.flush()
    if not record_audit:
        return row
    audit.record(
        session,
        ctx,
        aksi="abk.tahun_baru",
        entitas=ENTITAS_TAHUN,
        entitas_id=row.id,
        ringkasan=f"Analisis beban kerja tahun {tahun} dibuat (profil {prof.name})",
        sesudah={"tahun": tahun, "profil": prof.to_dict()},
        batch=batch,
    )
    return row


def _default_keywords(rule: RatioRule) -> str:
    return rule.jabatan_kata


def _ratio_model(tahun: int, rule: RatioRule, kata_kunci: str, urutan: int) -> RasioAbk:
    return RasioAbk(
        tahun=tahun,
        nama=rule.name,
        pemicu=rule.driver,
        per=float(rule.per),
        pegawai=float(rule.pegawai),
        jabatan_kata=rule.jabatan_kata,
        kata_kunci=kata_kunci,
        dasar=rule.dasar or None,
        urutan=urutan,
    )


def task_to_json(task: TaskInput) -> dict[str, Any]:
    return {
        "uraian": task.uraian,
        "satuan_hasil": task.satuan_hasil,
        "waktu": task.waktu,
        "satuan_waktu": str(task.satuan_waktu),
        "volume": task.volume,
        "periode": str(task.periode),
        "pemicu": task.pemicu,
        "rasio": task.rasio,
    }


def clean_task(task: TaskInput) -> TaskInput:
    """Trimmed text, empty driver → None; numbers untouched (validation judges them)."""
    return TaskInput(
        uraian=" ".join(str(task.uraian or "").split()),
        satuan_hasil=" ".join(str(task.satuan_hasil or "").split()),
        waktu=task.waktu,
        satuan_waktu=task.satuan_waktu,
        volume=task.volume,
        periode=task.periode,
        pemicu=(" ".join(str(task.pemicu).split()) or None) if task.pemicu is not None else None,
        rasio=task.rasio,
    )


def check_tasks(
    tasks: Sequence[TaskInput],
    drivers: Mapping[str, float],
    profile: AbkProfile,
    *,
    jabatan: str = "",
) -> list[Problem]:
    """Errors and warnings of a task table; each carries ``tugas`` (1-based row) and ``field``."""
    problems: list[Problem] = []
    for row, task in enumerate(tasks, start=1):
        ctx = {"tugas": row, "jabatan": jabatan, "uraian": task.uraian}
        if not task.uraian:
            problems.append(
                Problem("field.wajib", Severity.ERROR, "uraian", {**ctx, "label": "Uraian tugas"})
            )
        elif len(task.uraian) > MAX_URAIAN:
            problems.append(
                Problem(
                    "field.terlalu_panjang",
                    Severity.ERROR,
                    "uraian",
                    {**ctx, "label": "Uraian tugas", "max": MAX_URAIAN},
                )
            )
        if len(task.satuan_hasil) > MAX_SATUAN:
            problems.append(
                Problem(
                    "field.terlalu_panjang",
                    Severity.ERROR,
                    "satuan_hasil",
                    {**ctx, "label": "Satuan hasil", "max": MAX_SATUAN},
                )
            )
        for p in validate_task(task, drivers, profile):
            problems.append(Problem(p.code, p.severity, p.field, {**ctx, **p.params}))
    return problems


def replace_tasks(
    session: Session, jabatan_id: int, tahun: int, tasks: Sequence[TaskInput]
) -> list[dict[str, Any]]:
    """Delete the position's task rows of the year and insert ``tasks``; returns the old rows."""
    before = [
        task_to_json(_task_from_row(r))
        for r in session.execute(
            _task_select()
            .where(TugasJabatan.jabatan_id == jabatan_id, TugasJabatan.tahun == tahun)
            .order_by(TugasJabatan.urutan, TugasJabatan.id)
        )
    ]
    session.execute(
        delete(TugasJabatan).where(
            TugasJabatan.jabatan_id == jabatan_id, TugasJabatan.tahun == tahun
        )
    )
    if tasks:
        session.execute(
            insert(TugasJabatan),
            [task_values(jabatan_id, tahun, i, t) for i, t in enumerate(tasks, start=1)],
        )
    return before


def task_values(jabatan_id: int, tahun: int, urutan: int, t: TaskInput) -> dict[str, Any]:
    return {
        "jabatan_id": jabatan_id,
        "tahun": tahun,
        "urutan": urutan,
        "uraian": t.uraian,
        "satuan_hasil": t.satuan_hasil,
        "waktu": float(t.waktu),
        "satuan_waktu": t.satuan_waktu,
        "volume": None if t.volume is None else float(t.volume),
        "periode": t.periode,
        "pemicu": t.pemicu,
        "rasio": None if t.rasio is None else float(t.rasio),
    }


def _driver_name(nama: str) -> str:
    name = " ".join(str(nama or "").split())
    if not name:
        raise DomainError("field.wajib", label="Nama pemicu", field="nama")
    if len(name) > MAX_NAMA:
        raise DomainError("field.terlalu_panjang", label="Nama pemicu", max=MAX_NAMA)
    return name


def _finite(value: float, label: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise DomainError("abk.sel_bukan_angka", label=label, value=value)
    return float(value)


# ---------------------------------------------------------------------------------------------
# The service
# ---------------------------------------------------------------------------------------------


class AbkService:
    """Workload analysis over one database (see module docstring)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---- years and profiles ---------------------------------------------------------------
    @staticmethod
    def profile_names() -> list[str]:
        """Names of the built-in rule sets (``PROFILES``), default first."""
        return list(PROFILES)

    @staticmethod
    def builtin_profile(name: str) -> AbkProfile:
        try:
            return PROFILES[name]
        except KeyError:
            raise DomainError(
                "abk.profil_tidak_dikenal", name=name, pilihan=", ".join(PROFILES)
            ) from None

    def years(self) -> list[AbkYear]:
        """Analysis years, newest first."""
        self.ctx.require(Action.ABK_READ)
        with self.ctx.read() as s:
            tasks = {
                t: (int(n), int(j))
                for t, n, j in s.execute(
                    select(
                        TugasJabatan.tahun,
                        func.count(),
                        func.count(func.distinct(TugasJabatan.jabatan_id)),
                    ).group_by(TugasJabatan.tahun)
                )
            }
            drivers = dict(
                s.execute(select(PemicuAbk.tahun, func.count()).group_by(PemicuAbk.tahun)).all()
            )
            scenarios = dict(
                s.execute(select(SkenarioAbk.tahun, func.count()).group_by(SkenarioAbk.tahun)).all()
            )
            rows = s.execute(
                select(AnalisisAbk.tahun, AnalisisAbk.nama_profil, AnalisisAbk.catatan).order_by(
                    AnalisisAbk.tahun.desc()
                )
            ).all()
        return [
            AbkYear(
                tahun=r.tahun,
                nama_profil=r.nama_profil,
                catatan=r.catatan,
                jumlah_jabatan=tasks.get(r.tahun, (0, 0))[1],
                jumlah_tugas=tasks.get(r.tahun, (0, 0))[0],
                jumlah_pemicu=int(drivers.get(r.tahun, 0)),
                jumlah_skenario=int(scenarios.get(r.tahun, 0)),
            )
            for r in rows
        ]

    def latest_year(self) -> int | None:
        with self.ctx.read() as s:
            return s.scalar(select(func.max(AnalisisAbk.tahun)))

    def default_year(self) -> int:
        """The newest analysis year, else the current calendar year."""
        return self.latest_year() or self.ctx.today().year

    def profile(self, tahun: int) -> AbkProfile:
        self.ctx.require(Action.ABK_READ)
        with self.ctx.read() as s:
            return profile_of(_require_year(s, tahun))

    def create_year(
        self, tahun: int, profile: AbkProfile | str | None = None, *, copy_from: int | None = None
    ) -> AbkYear:
        """A new analysis year; ``copy_from`` copies that year's tasks, drivers, scenarios and
        ratio rules (not the workbook headcounts, which describe their own year)."""
        prof = self.builtin_profile(profile) if isinstance(profile, str) else profile
        with self.ctx.write(Action.ABK_EDIT) as s:
            if _year_row(s, tahun) is not None:
                raise DomainError("abk.nama_ganda", label="Tahun analisis", nama=tahun, tahun=tahun)
            if copy_from is not None:
                source = _require_year(s, copy_from)
                prof = prof or profile_of(source)
            row = ensure_year(s, self.ctx, tahun, prof)
            if copy_from is not None:
                self._copy_year(s, copy_from, tahun, row.id)
        return self._year(tahun)

    def _copy_year(self, s: Session, source: int, target: int, year_id: int) -> None:
        rows = [
            {**task_values(r.jabatan_id, target, r.urutan, _task_from_row(r))}
            for r in s.execute(_task_select().where(TugasJabatan.tahun == source))
        ]
        if rows:
            s.execute(insert(TugasJabatan), rows)
        drivers = [
            {
                "tahun": target,
                "nama": d.nama,
                "nilai": d.nilai,
                "satuan": d.satuan,
                "keterangan": d.keterangan,
            }
            for d in s.scalars(select(PemicuAbk).where(PemicuAbk.tahun == source))
        ]
        if drivers:
            s.execute(insert(PemicuAbk), drivers)
        scenarios = [
            {"tahun": target, "nama": x.nama, "overrides": x.overrides, "keterangan": x.keterangan}
            for x in s.scalars(select(SkenarioAbk).where(SkenarioAbk.tahun == source))
        ]
        if scenarios:
            s.execute(insert(SkenarioAbk), scenarios)
        s.execute(delete(RasioAbk).where(RasioAbk.tahun == target))
        for r in s.scalars(select(RasioAbk).where(RasioAbk.tahun == source)).all():
            s.add(
                RasioAbk(
                    tahun=target,
                    nama=r.nama,
                    pemicu=r.pemicu,
                    per=r.per,
                    pegawai=r.pegawai,
                    jabatan_kata=r.jabatan_kata,
                    kata_kunci=r.kata_kunci,
                    dasar=r.dasar,
                    urutan=r.urutan,
                )
            )
        s.flush()
        audit.record(
            s,
            self.ctx,
            aksi="abk.salin_tahun",
            entitas=ENTITAS_TAHUN,
            entitas_id=year_id,
            ringkasan=(
                f"Tabel tugas, pemicu dan skenario tahun {source} disalin ke tahun {target}: "
                f"{len(rows)} tugas, {len(drivers)} pemicu, {len(scenarios)} skenario"
            ),
            sesudah={"dari": source, "tugas": len(rows), "pemicu": len(drivers)},
        )

    def _year(self, tahun: int) -> AbkYear:
        for y in self.years():
            if y.tahun == tahun:
                return y
        raise DomainError("abk.tahun_tidak_ada", tahun=tahun)

    def set_profile(
        self, tahun: int, profile: AbkProfile | str, *, catatan: str | None = None
    ) -> AbkYear:
        """Store the rule set of a year (created if missing); the whole analysis follows it."""
        prof = self.builtin_profile(profile) if isinstance(profile, str) else profile
        with self.ctx.write(Action.ABK_EDIT) as s:
            row = ensure_year(s, self.ctx, tahun, prof)
            before = {"profil": row.profil, "catatan": row.catatan}
            row.profil = prof.to_dict()
            row.nama_profil = prof.name
            if catatan is not None:
                row.catatan = catatan.strip() or None
            after = {"profil": row.profil, "catatan": row.catatan}
            if audit.jsonable(before) != audit.jsonable(after):
                s.flush()
                audit.record(
                    s,
                    self.ctx,
                    aksi="abk.profil",
                    entitas=ENTITAS_TAHUN,
                    entitas_id=row.id,
                    ringkasan=f"Profil ABK tahun {tahun}: {prof.name}",
                    sebelum=before,
                    sesudah=after,
                )
        return self._year(tahun)

    # ---- reports ------------------------------------------------------------------------
    def report(
        self,
        tahun: int,
        scenario: str | None = None,
        *,
        with_tasks: bool = False,
        semua_jabatan: bool = False,
    ) -> AbkReport:
        """The whole analysis of a year, optionally under a named scenario.

        Positions appear when they have tasks or a workbook headcount for the year (all
        active positions with ``semua_jabatan``); ``jabatan_tanpa_tugas`` counts the others.
        ``with_tasks`` adds each position's task rows with their yearly figures.
        """
        self.ctx.require(Action.ABK_READ)
        with self.ctx.read() as s:
            data = _load_year(s, tahun, semua_jabatan=semua_jabatan)
            overrides = _scenario_overrides(s, tahun, scenario) if scenario else ()
            rules = _load_ratio_rules(s, tahun)
        return _compute(
            data,
            scenario=scenario,
            overrides=overrides,
            with_tasks=with_tasks,
            ratio_rules=rules,
            today=self.ctx.today(),
        ).report

    def compare(self, tahun: int, a: str | None, b: str | None) -> AbkComparison:
        """Scenario ``a`` (None: the stored drivers) against ``b``, position by position."""
        self.ctx.require(Action.ABK_READ)
        with self.ctx.read() as s:
            data = _load_year(s, tahun)
            over_a = _scenario_overrides(s, tahun, a) if a else ()
            over_b = _scenario_overrides(s, tahun, b) if b else ()
            rules = _load_ratio_rules(s, tahun)
        today = self.ctx.today()
        ca = _compute(data, scenario=a, overrides=over_a, ratio_rules=rules, today=today)
        cb = _compute(data, scenario=b, overrides=over_b, ratio_rules=rules, today=today)
        rows_a = {p.jabatan_id: p for p in ca.report.positions}
        rows_b = {p.jabatan_id: p for p in cb.report.positions}
        deltas: list[AbkPositionDelta] = []
        for d in compare(ca.result, cb.result):
            jid = int(d.key)  # type: ignore[call-overload]
            ref = rows_b.get(jid) or rows_a[jid]
            deltas.append(
                AbkPositionDelta(
                    jabatan_id=jid,
                    jabatan=ref.jabatan,
                    unit=ref.unit,
                    opd=ref.opd,
                    sebelum=rows_a.get(jid),
                    sesudah=rows_b.get(jid),
                    delta_beban_kerja_menit=d.delta_beban_kerja_menit,
                    delta_kebutuhan=d.delta_kebutuhan,
                    delta_kebutuhan_bulat=d.delta_kebutuhan_bulat,
                    delta_selisih=d.delta_selisih,
                    delta_ej=d.delta_ej,
                    pj_berubah=d.pj_berubah,
                    berubah=d.berubah,
                )
            )
        return AbkComparison(tahun, ca.report, cb.report, tuple(deltas))

    # ---- task tables --------------------------------------------------------------------
    def tasks(self, jabatan_id: int, tahun: int) -> list[AbkTaskRow]:
        """The stored task table of a position with each task's yearly figures."""
        return list(self.position(jabatan_id, tahun).tugas)

    def position(self, jabatan_id: int, tahun: int, scenario: str | None = None) -> AbkPositionRow:
        """One position recomputed, with its task rows (also when it has no tasks yet)."""
        self.ctx.require(Action.ABK_READ)
        with self.ctx.read() as s:
            self._require_position(s, jabatan_id)
            data = _load_year(s, tahun, only=[jabatan_id])
            overrides = _scenario_overrides(s, tahun, scenario) if scenario else ()
        computed = _compute(
            data, scenario=scenario, overrides=overrides, with_tasks=True, today=self.ctx.today()
        )
        return computed.report.position(jabatan_id)

    def preview_position(
        self,
        jabatan_id: int,
        tahun: int,
        tasks: Sequence[TaskInput],
        scenario: str | None = None,
    ) -> AbkPreview:
        """Recompute a position with an edited (unsaved) task table, for live feedback."""
        self.ctx.require(Action.ABK_READ)
        cleaned = [clean_task(t) for t in tasks]
        with self.ctx.read() as s:
            info = self._require_position(s, jabatan_id)
            data = _load_year(s, tahun, only=[jabatan_id])
            overrides = _scenario_overrides(s, tahun, scenario) if scenario else ()
        base = {n: d.nilai_dasar for n, d in data.drivers.items()}
        try:
            values = apply_scenario(base, overrides)
        except DomainError as exc:
            return AbkPreview(None, tuple(exc.problems))
        problems = check_tasks(cleaned, values, data.profile, jabatan=info.nama)
        if any(p.is_error for p in problems):
            return AbkPreview(None, tuple(problems))
        computed = _compute(
            data,
            scenario=scenario,
            overrides=overrides,
            with_tasks=True,
            edited={jabatan_id: cleaned},
            today=self.ctx.today(),
        )
        return AbkPreview(computed.report.position(jabatan_id), tuple(problems))

    def save_tasks(self, jabatan_id: int, tahun: int, tasks: Sequence[TaskInput]) -> AbkTasksChange:
        """Replace a position's task table for the year (created with the default profile if
        the year is new). Errors raise ``DomainError`` listing every problem with ``tugas``
        (its 1-based row); nothing is written then."""
        cleaned = [clean_task(t) for t in tasks]
        with self.ctx.write(Action.ABK_EDIT) as s:
            info = self._require_position(s, jabatan_id)
            year = ensure_year(s, self.ctx, tahun)
            profile = profile_of(year)
            drivers = {n: d.nilai_dasar for n, d in load_drivers(s, tahun).items()}
            problems = check_tasks(cleaned, drivers, profile, jabatan=info.nama)
            errors = [p for p in problems if p.is_error]
            if errors:
                raise DomainError.from_problems(errors)
            new = [task_to_json(t) for t in cleaned]
            before = replace_tasks(s, jabatan_id, tahun, cleaned)
            audit_id: int | None = None
            if before != new:
                entry = audit.record(
                    s,
                    self.ctx,
                    aksi="abk.tugas",
                    entitas=ENTITAS_JABATAN,
                    entitas_id=jabatan_id,
                    ringkasan=(
                        f"Tabel tugas ABK {tahun} jabatan {info.nama}: {len(before)} → "
                        f"{len(new)} tugas"
                    ),
                    sebelum={"tahun": tahun, "tugas": before},
                    sesudah={"tahun": tahun, "tugas": new},
                )
                audit_id = entry.id
            data = _load_year(s, tahun, only=[jabatan_id])
        computed = _compute(data, scenario=None, with_tasks=True, today=self.ctx.today())
        warnings = tuple(p for p in problems if not p.is_error)
        return AbkTasksChange(
            jabatan_id, tahun, audit_id, computed.report.position(jabatan_id), warnings
        )

    @staticmethod
    def _require_position(s: Session, jabatan_id: int) -> Jabatan:
        jab = s.get(Jabatan, jabatan_id)
        if jab is None:
            raise DomainError("jabatan.tidak_ditemukan")
        return jab

    # ---- drivers ------------------------------------------------------------------------
    def drivers(self, tahun: int) -> list[AbkDriverRow]:
        self.ctx.require(Action.ABK_READ)
        with self.ctx.read() as s:
            return list(load_drivers(s, tahun).values())

    def save_driver(
        self,
        tahun: int,
        nama: str,
        nilai: float,
        *,
        satuan: str | None = None,
        keterangan: str | None = None,
        driver_id: int | None = None,
    ) -> AbkDriverRow:
        """Create a driver, or update ``driver_id``; a rename follows into tasks, scenarios and
        ratio rules of the year so nothing points at the old name."""
        name = _driver_name(nama)
        value = _finite(nilai, "nilai pemicu")
        if value < 0:
            raise DomainError("abk.pemicu_negatif", pemicu=name, value=value)
        with self.ctx.write(Action.ABK_EDIT) as s:
            ensure_year(s, self.ctx, tahun)
            clash = s.scalars(
                select(PemicuAbk).where(PemicuAbk.tahun == tahun, PemicuAbk.nama == name)
            ).one_or_none()
            if clash is not None and clash.id != driver_id:
                raise DomainError("abk.nama_ganda", label="Pemicu", nama=name, tahun=tahun)
            if driver_id is None:
                row = PemicuAbk(tahun=tahun, nama=name, nilai=value)
                s.add(row)
                before: dict[str, Any] | None = None
            else:
                found = s.get(PemicuAbk, driver_id)
                if found is None or found.tahun != tahun:
                    raise DomainError("abk.pemicu_tidak_ada")
                row = found
                before = _driver_json(row)
                if row.nama != name:
                    self._rename_driver(s, tahun, row.nama, name)
            row.nama, row.nilai = name, value
            row.satuan = (satuan or "").strip() or None
            row.keterangan = (keterangan or "").strip() or None
            s.flush()
            after = _driver_json(row)
            if before != after:
                audit.record(
                    s,
                    self.ctx,
                    aksi="abk.pemicu",
                    entitas=ENTITAS_PEMICU,
                    entitas_id=row.id,
                    ringkasan=f"Pemicu {name} tahun {tahun}: {_id_num(value)}",
                    sebelum=before,
                    sesudah=after,
                )
            result = load_drivers(s, tahun)[name]
        return result

    @staticmethod
    def _rename_driver(s: Session, tahun: int, old: str, new: str) -> None:
        s.execute(
            update(TugasJabatan)
            .where(TugasJabatan.tahun == tahun, TugasJabatan.pemicu == old)
            .values(pemicu=new)
        )
        s.execute(
            update(RasioAbk)
            .where(RasioAbk.tahun == tahun, RasioAbk.pemicu == old)
            .values(pemicu=new)
        )
        for sc in s.scalars(select(SkenarioAbk).where(SkenarioAbk.tahun == tahun)):
            changed = [
                {**o, "driver": new} if o.get("driver") == old else o for o in sc.overrides or ()
            ]
            if changed != sc.overrides:
                sc.overrides = changed

    def delete_driver(self, driver_id: int) -> None:
        """Refused (``abk.pemicu_dipakai``) while a task or scenario of the year uses it."""
        with self.ctx.write(Action.ABK_EDIT) as s:
            row = s.get(PemicuAbk, driver_id)
            if row is None:
                raise DomainError("abk.pemicu_tidak_ada")
            used = (
                s.scalar(
                    select(func.count()).where(
                        TugasJabatan.tahun == row.tahun, TugasJabatan.pemicu == row.nama
                    )
                )
                or 0
            )
            used += sum(
                1
                for sc in s.scalars(select(SkenarioAbk).where(SkenarioAbk.tahun == row.tahun))
                if any(o.get("driver") == row.nama for o in sc.overrides or ())
            )
            if used:
                raise DomainError("abk.pemicu_dipakai", pemicu=row.nama, jumlah=used)
            before = _driver_json(row)
            s.delete(row)
            audit.record(
                s,
                self.ctx,
                aksi="abk.pemicu_hapus",
                entitas=ENTITAS_PEMICU,
                entitas_id=driver_id,
                ringkasan=f"Pemicu {row.nama} tahun {row.tahun} dihapus",
                sebelum=before,
            )

    # ---- scenarios ----------------------------------------------------------------------
    def scenarios(self, tahun: int) -> list[AbkScenarioInfo]:
        self.ctx.require(Action.ABK_READ)
        with self.ctx.read() as s:
            rows = s.scalars(
                select(SkenarioAbk).where(SkenarioAbk.tahun == tahun).order_by(SkenarioAbk.nama)
            ).all()
            return [_scenario_info(r) for r in rows]

    @staticmethod
    def parse_override(driver: str, text: str) -> ScenarioOverride:
        """'+30 %' → percent, '25.000' → absolute value; ``DomainError`` when unreadable."""
        return ScenarioOverride.parse(driver, text)

    def save_scenario(
        self,
        tahun: int,
        nama: str,
        overrides: Mapping[str, str] | Sequence[ScenarioOverride],
        *,
        keterangan: str | None = None,
        scenario_id: int | None = None,
    ) -> AbkScenarioInfo:
        """Create or update a scenario; ``overrides`` maps driver → '+30 %' or '25.000' text,
        or is a list of ``ScenarioOverride``. Every driver must exist in the year."""
        name = " ".join(str(nama or "").split())
        if not name:
            raise DomainError("field.wajib", label="Nama skenario", field="nama")
        parsed: list[ScenarioOverride] = []
        problems: list[Problem] = []
        items: Iterable[Any] = overrides.items() if isinstance(overrides, Mapping) else overrides
        for item in items:
            try:
                if isinstance(item, ScenarioOverride):
                    parsed.append(item)
                else:
                    driver, text = item
                    parsed.append(ScenarioOverride.parse(str(driver).strip(), str(text)))
            except DomainError as exc:
                problems.extend(exc.problems)
        if problems:
            raise DomainError.from_problems(problems)
        with self.ctx.write(Action.ABK_EDIT) as s:
            ensure_year(s, self.ctx, tahun)
            drivers = {n: d.nilai_dasar for n, d in load_drivers(s, tahun).items()}
            apply_scenario(drivers, parsed)  # unknown or negative results refuse here
            clash = s.scalars(
                select(SkenarioAbk).where(SkenarioAbk.tahun == tahun, SkenarioAbk.nama == name)
            ).one_or_none()
            if clash is not None and clash.id != scenario_id:
                raise DomainError("abk.nama_ganda", label="Skenario", nama=name, tahun=tahun)
            if scenario_id is None:
                row = SkenarioAbk(tahun=tahun, nama=name, overrides=[])
                s.add(row)
                before: dict[str, Any] | None = None
            else:
                found = s.get(SkenarioAbk, scenario_id)
                if found is None or found.tahun != tahun:
                    raise DomainError("abk.skenario_tidak_ada", nama=name, tahun=tahun)
                row = found
                before = _scenario_json(row)
            row.nama = name
            row.overrides = [o.to_dict() for o in parsed]
            row.keterangan = (keterangan or "").strip() or None
            s.flush()
            after = _scenario_json(row)
            if before != after:
                audit.record(
                    s,
                    self.ctx,
                    aksi="abk.skenario",
                    entitas=ENTITAS_SKENARIO,
                    entitas_id=row.id,
                    ringkasan=f"Skenario {name} tahun {tahun}: "
                    + "; ".join(describe_override(o) for o in parsed),
                    sebelum=before,
                    sesudah=after,
                )
            return _scenario_info(row)

    def delete_scenario(self, scenario_id: int) -> None:
        with self.ctx.write(Action.ABK_EDIT) as s:
            row = s.get(SkenarioAbk, scenario_id)
            if row is None:
                raise DomainError("abk.skenario_tidak_ada", nama=scenario_id, tahun="-")
            before = _scenario_json(row)
            s.delete(row)
            audit.record(
                s,
                self.ctx,
                aksi="abk.skenario_hapus",
                entitas=ENTITAS_SKENARIO,
                entitas_id=scenario_id,
                ringkasan=f"Skenario {row.nama} tahun {row.tahun} dihapus",
                sebelum=before,
            )

    # ---- ratio rules --------------------------------------------------------------------
    def ratio_rules(self, tahun: int) -> list[AbkRatioRuleInfo]:
        self.ctx.require(Action.ABK_READ)
        with self.ctx.read() as s:
            return _load_ratio_rules(s, tahun)

    def save_ratio_rule(
        self,
        tahun: int,
        rule: RatioRule,
        *,
        kata_kunci: str | None = None,
        rule_id: int | None = None,
    ) -> AbkRatioRuleInfo:
        """Create or update a ratio rule; ``kata_kunci`` picks the positions shown beside it
        (default: the rule's ``jabatan_kata``; '-word' excludes)."""
        name = " ".join(rule.name.split())
        if not name:
            raise DomainError("field.wajib", label="Nama rasio", field="nama")
        with self.ctx.write(Action.ABK_EDIT) as s:
            ensure_year(s, self.ctx, tahun)
            clash = s.scalars(
                select(RasioAbk).where(RasioAbk.tahun == tahun, RasioAbk.nama == name)
            ).one_or_none()
            if clash is not None and clash.id != rule_id:
                raise DomainError("abk.nama_ganda", label="Rasio", nama=name, tahun=tahun)
            keywords = " ".join((kata_kunci or rule.jabatan_kata).split())
            if rule_id is None:
                urutan = (
                    s.scalar(select(func.max(RasioAbk.urutan)).where(RasioAbk.tahun == tahun)) or 0
                ) + 1
                row = _ratio_model(tahun, rule, keywords, urutan)
                row.nama = name
                s.add(row)
                before: dict[str, Any] | None = None
            else:
                found = s.get(RasioAbk, rule_id)
                if found is None or found.tahun != tahun:
                    raise DomainError("abk.aturan_rasio_tidak_ada")
                row = found
                before = _ratio_json(row)
                row.nama, row.pemicu = name, rule.driver
                row.per, row.pegawai = float(rule.per), float(rule.pegawai)
                row.jabatan_kata, row.kata_kunci = rule.jabatan_kata, keywords
                row.dasar = rule.dasar or None
            s.flush()
            after = _ratio_json(row)
            if before != after:
                audit.record(
                    s,
                    self.ctx,
                    aksi="abk.rasio",
                    entitas=ENTITAS_RASIO,
                    entitas_id=row.id,
                    ringkasan=f"Rasio {name} tahun {tahun}: {rule.pegawai:g} per {rule.per:g} "
                    f"{rule.driver}",
                    sebelum=before,
                    sesudah=after,
                )
            return next(r for r in _load_ratio_rules(s, tahun) if r.id == row.id)

    def delete_ratio_rule(self, rule_id: int) -> None:
        with self.ctx.write(Action.ABK_EDIT) as s:
            row = s.get(RasioAbk, rule_id)
            if row is None:
                raise DomainError("abk.aturan_rasio_tidak_ada")
            before = _ratio_json(row)
            s.delete(row)
            audit.record(
                s,
                self.ctx,
                aksi="abk.rasio_hapus",
                entitas=ENTITAS_RASIO,
                entitas_id=rule_id,
                ringkasan=f"Rasio {row.nama} tahun {row.tahun} dihapus",
                sebelum=before,
            )

    def ratio_estimates(self, tahun: int, scenario: str | None = None) -> list[RatioRow]:
        """The ratio figures beside ABK (same as ``report(...).rasio``)."""
        return list(self.report(tahun, scenario).rasio)

    # ---- workbooks and printouts (services.abk_io) -------------------------------------
    def import_workbook(
        self,
        path: str | Path,
        *,
        tahun: int | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> AbkImportResult:
        """Import an ABK workbook, all or nothing (see ``services.abk_io.import_workbook``)."""
        from mutasi_desktop.services.abk_io import import_workbook

        return import_workbook(
            self.ctx, path, tahun=tahun, dry_run=dry_run, progress=progress or NullProgress()
        )

    def export_workbook(self, path: str | Path, tahun: int, scenario: str | None = None) -> Path:
        """Task tables in the import layout plus the Form C result columns."""
        from mutasi_desktop.formats.abk_workbook import write_abk_workbook

        report = self.report(tahun, scenario, with_tasks=True)
        return write_abk_workbook(path, report)

    def recap_xlsx(self, report: AbkReport, path: str | Path) -> Path:
        """The recap as a formatted workbook (positions, units, OPDs, ratios, profile)."""
        from mutasi_desktop.formats.abk_recap import write_recap_xlsx

        return write_recap_xlsx(path, report)

    def recap_pdf(
        self,
        report: AbkReport,
        path: str | Path,
        *,
        kertas: Kertas | str = "F4",
        mendatar: bool = True,
    ) -> Path:
        """The recap as a printable PDF on F4 (default) or A4, landscape by default."""
        from mutasi_desktop.formats.abk_pdf import write_recap_pdf

        return write_recap_pdf(path, report, kertas=str(kertas), mendatar=mendatar)


def _driver_json(row: PemicuAbk) -> dict[str, Any]:
    return {
        "tahun": row.tahun,
        "nama": row.nama,
        "nilai": row.nilai,
        "satuan": row.satuan,
        "keterangan": row.keterangan,
    }


def _scenario_json(row: SkenarioAbk) -> dict[str, Any]:
    return {
        "tahun": row.tahun,
        "nama": row.nama,
        "overrides": list(row.overrides or ()),
        "keterangan": row.keterangan,
    }


def _ratio_json(row: RasioAbk) -> dict[str, Any]:
    return {
        "tahun": row.tahun,
        "nama": row.nama,
        "pemicu": row.pemicu,
        "per": row.per,
        "pegawai": row.pegawai,
        "jabatan_kata": row.jabatan_kata,
        "kata_kunci": row.kata_kunci,
        "dasar": row.dasar,
    }


def _scenario_info(row: SkenarioAbk) -> AbkScenarioInfo:
    return AbkScenarioInfo(
        id=row.id,
        tahun=row.tahun,
        nama=row.nama,
        overrides=tuple(ScenarioOverride.from_dict(o) for o in (row.overrides or ())),
        keterangan=row.keterangan,
    )
