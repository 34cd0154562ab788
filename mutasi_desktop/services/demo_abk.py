"""Demo ABK: drivers, scenarios and a task table for every demo position (resources/demo/abk.json).

Runs inside the demo build transaction, after the organisation and the staff are written. Task
volumes are calibrated against each position's headcount with a seeded load factor, so most
OPDs come out near balance with some variety, while Dinas Sosial is overloaded (factor ≈ 1.45,
plus the reference §1.7 example 3 tasks verbatim) and Dinas Perhubungan has staff to spare
(factor ≈ 0.42). Same seed, same tables.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from mutasi_desktop.config.paths import resource_root
from mutasi_desktop.domain.abk import (
    AbkProfile,
    Periode,
    SatuanWaktu,
    ScenarioOverride,
    TaskInput,
)
from mutasi_desktop.domain.pencarian import fold
from mutasi_desktop.services.abk import (
    ensure_year,
    profile_of,
    register_counts,
    task_values,
)
from mutasi_desktop.services.context import ServiceContext
from mutasi_desktop.storage.models import (
    Jabatan,
    Opd,
    PemicuAbk,
    RasioAbk,
    SkenarioAbk,
    TugasJabatan,
    UnitKerja,
)

LOKASI = "@penduduk_lokasi"  # template token: the population driver of the unit's kecamatan
_SEED_SALT = 7_919


@dataclass(frozen=True)
class DemoAbkSummary:
    tahun: int
    pemicu: int
    skenario: int
    jabatan: int
    tugas: int


@lru_cache(maxsize=1)
def load_demo_abk() -> dict[str, Any]:
    path = resource_root() / "demo" / "abk.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")


def _factor(rng: random.Random, spec: dict[str, float]) -> float:
    value = rng.gauss(float(spec["rata"]), float(spec["sebaran"]))
    return min(float(spec["maks"]), max(float(spec["min"]), value))


def _story_task(spec: dict[str, Any]) -> TaskInput:
    return TaskInput(
        uraian=spec["uraian"],
        satuan_hasil=spec["satuan_hasil"],
        waktu=float(spec["waktu"]),
        satuan_waktu=SatuanWaktu(spec["satuan_waktu"]),
        volume=None if spec.get("volume") is None else float(spec["volume"]),
        periode=Periode(spec["periode"]),
        pemicu=spec.get("pemicu"),
        rasio=None if spec.get("rasio") is None else float(spec["rasio"]),
    )


def _calibrated(
    templat: list[dict[str, Any]],
    target_menit: float,
    profile: AbkProfile,
    drivers: dict[str, float],
    lokasi_driver: str,
) -> list[TaskInput]:
    tasks: list[TaskInput] = []
    for spec in templat:
        satuan = SatuanWaktu(spec["satuan_waktu"])
        periode = Periode(spec["periode"])
        waktu = float(spec["waktu"])
        minutes = float(spec["porsi"]) * target_menit
        per_year = minutes / (waktu * satuan.menit)
        pemicu = spec.get("pemicu")
        if pemicu == LOKASI:
            pemicu = lokasi_driver
        if pemicu:
            # rasio is the volume per driver unit (4 significant digits, as a person would type).
            rasio = float(f"{per_year / drivers[pemicu]:.4g}")
            tasks.append(
                TaskInput(
                    spec["uraian"],
                    spec["satuan_hasil"],
                    waktu,
                    satuan,
                    None,
                    periode,
                    pemicu=pemicu,
                    rasio=rasio,
                )
            )
            continue
        volume = max(1, round(per_year / float(profile.multipliers[periode])))
        tasks.append(
            TaskInput(spec["uraian"], spec["satuan_hasil"], waktu, satuan, float(volume), periode)
        )
    return tasks


def build_demo_abk(
    session: Session, ctx: ServiceContext, *, tahun: int, seed: int
) -> DemoAbkSummary:
    """Create the analysis year ``tahun`` with drivers, scenarios and every position's tasks."""
    data = load_demo_abk()
    rng = random.Random(seed * _SEED_SALT + tahun)
    # The demo's single audit row (written by build_demo) covers this part too.
    year = ensure_year(session, ctx, tahun, record_audit=False)
    profile = profile_of(year)

    drivers = {d["nama"]: float(d["nilai"]) for d in data["pemicu"]}
    session.execute(
        insert(PemicuAbk),
        [
            {
                "tahun": tahun,
                "nama": d["nama"],
                "nilai": float(d["nilai"]),
                "satuan": d.get("satuan"),
                "keterangan": d.get("keterangan"),
            }
            for d in data["pemicu"]
        ],
    )
    scenarios = [
        {
            "tahun": tahun,
            "nama": s["nama"],
            "overrides": [
                ScenarioOverride.parse(name, text).to_dict()
                for name, text in s["perubahan"].items()
            ],
            "keterangan": s.get("keterangan"),
        }
        for s in data["skenario"]
    ]
    session.execute(insert(SkenarioAbk), scenarios)
    for name, words in data.get("rasio_kata_kunci", {}).items():
        session.execute(
            update(RasioAbk)
            .where(RasioAbk.tahun == tahun, RasioAbk.nama == name)
            .values(kata_kunci=words)
        )

    factors = data["faktor"]
    story = {(s["opd"], s["jabatan"]): [_story_task(t) for t in s["tugas"]] for s in data["cerita"]}
    templates = [
        (re.compile(t["pola"], re.IGNORECASE), t["tugas"], bool(t.get("struktural")))
        for t in data["templat"]
    ]
    struktural_min = float(factors.get("struktural_min", 0.0))
    per_opd: dict[str, dict[str, float]] = factors.get("opd", {})
    headcount = register_counts(session)
    rows = session.execute(
        select(Jabatan.id, Jabatan.nama, UnitKerja.lokasi, Opd.nama.label("opd"))
        .join(UnitKerja, UnitKerja.id == Jabatan.unit_id)
        .join(Opd, Opd.id == UnitKerja.opd_id)
        .where(Jabatan.aktif.is_(True))
        .order_by(Jabatan.id)
    ).all()
    values: list[dict[str, Any]] = []
    wke = float(profile.wke_menit)
    for r in rows:
        n = headcount.get(r.id, 0)
        # One draw per position in id order, whatever the branch: tables stay reproducible.
        factor_opd = _factor(rng, per_opd.get(r.opd, factors["bawaan"]))
        factor_kosong = _factor(rng, factors["kosong"])
        if (r.opd, r.nama) in story:
            tasks = story[(r.opd, r.nama)]
        else:
            templat, struktural = next(
                (t, st) for pattern, t, st in templates if pattern.search(r.nama)
            )
            if struktural:
                # A unit head is one person by definition: a quiet office still needs its head.
                factor_opd = max(factor_opd, struktural_min)
            target = (factor_opd * n if n else factor_kosong) * wke
            # Hospital staff follow hospital visits; puskesmas staff their kecamatan's people.
            lokasi = f"penduduk_{_slug(r.lokasi or '')}"
            if r.opd.startswith("Rumah Sakit") and "kunjungan_rsud" in drivers:
                lokasi = "kunjungan_rsud"
            tasks = _calibrated(
                templat, target, profile, drivers, lokasi if lokasi in drivers else "penduduk"
            )
        values.extend(task_values(r.id, tahun, i, t) for i, t in enumerate(tasks, start=1))
    for start in range(0, len(values), 5_000):
        session.execute(insert(TugasJabatan), values[start : start + 5_000])
    return DemoAbkSummary(tahun, len(drivers), len(scenarios), len(rows), len(values))
