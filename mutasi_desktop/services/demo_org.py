"""Demo regency organisation: OPDs, the unit tree and positions, and how many people each gets."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from mutasi_desktop.domain.golongan import Golongan
from mutasi_desktop.domain.jabatan import JenisJabatan, JenjangJabatan
from mutasi_desktop.domain.pegawai import TingkatPendidikan
from mutasi_desktop.services.demo_data import (
    SEKTOR_KESEHATAN,
    DemoData,
    DemoDataError,
    JabatanDef,
)

KOTA = "Mamuju"  # seat of the regency: where the OPD offices are

# Staffing modes of a position.
STRUKTURAL = "struktural"  # one head, filled by priority (may stay vacant)
BOBOT = "bobot"  # share of a sector budget by weight
TETAP = "tetap"  # exact number from the data file (the Dinsos/Dishub story)
GENERATED = "dibangkitkan"  # schools and pustu: count fixed when the unit is generated

_ESELON_KELAS = {"II.a": 15, "II.b": 14, "III.a": 12, "III.b": 11, "IV.a": 9, "IV.b": 8}
_STRUCTURAL_PENDIDIKAN = {
    JenjangJabatan.JPT_PRATAMA: TingkatPendidikan.D4,
    JenjangJabatan.ADMINISTRATOR: TingkatPendidikan.D4,
    JenjangJabatan.PENGAWAS: TingkatPendidikan.D3,
}
_PRIORITY = {
    JenjangJabatan.JPT_PRATAMA: 0,
    JenjangJabatan.ADMINISTRATOR: 1,
    JenjangJabatan.PENGAWAS: 2,
}


@dataclass
class Posisi:
    """One jabatan row plus everything the person generator needs about it."""

    id: int
    unit_id: int
    opd_id: int
    nama: str
    jenjang: JenjangJabatan
    kelas: int
    eselon: str | None
    pendidikan_min: TingkatPendidikan
    golongan_min: str
    golongan: tuple[Golongan, Golongan] | None  # allowed range (None: by education)
    syarat: tuple[str, ...]
    profil: str
    sektor: str
    unit_nama: str
    opd_nama: str
    lokasi: str
    rumpun: str | None
    mode: str
    bobot: float = 0.0
    jumlah: int = 0
    pegawai: tuple[dict[str, Any], ...] = ()

    @property
    def jenis(self) -> JenisJabatan:
        return self.jenjang.jenis

    @property
    def is_struktural(self) -> bool:
        return self.jenjang in _PRIORITY

    @property
    def cerita(self) -> bool:
        return self.mode == TETAP

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "unit_id": self.unit_id,
            "nama": self.nama,
            "jenis": self.jenis,
            "jenjang": self.jenjang,
            "kelas": self.kelas,
            "eselon": self.eselon,
            "pendidikan_min": self.pendidikan_min,
            "golongan_min": self.golongan_min,
            "kompetensi_syarat": ";".join(self.syarat) or None,
            "aktif": True,
        }


@dataclass
class _Unit:
    id: int
    opd_id: int
    parent_id: int | None
    nama: str
    kode: str
    lokasi: str
    urutan: int
    children: int = 0

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "opd_id": self.opd_id,
            "parent_id": self.parent_id,
            "nama": self.nama,
            "kode": self.kode,
            "lokasi": self.lokasi,
            "urutan": self.urutan,
            "aktif": True,
        }


@dataclass
class _Ctx:
    """What a unit inherits from its OPD and parents while the tree is built."""

    opd_id: int
    opd_nama: str
    tetap: bool
    profil: str
    lokasi: str
    faktor: float = 1.0
    fmt: dict[str, str] = field(default_factory=dict)


@dataclass
class Seat:
    """One person to generate: the position, an optional fixed spec, and the story flag."""

    posisi: Posisi
    spec: dict[str, Any] | None = None


@dataclass
class OrgPlan:
    opd_rows: list[dict[str, Any]]
    unit_rows: list[dict[str, Any]]
    posisi: list[Posisi]
    seats: list[Seat]
    opd_ids: dict[str, int]
    struktural_terisi: int = 0


def apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Split ``total`` into integers proportional to ``weights`` (largest remainder, stable)."""
    n = len(weights)
    wsum = float(sum(weights))
    if total <= 0 or n == 0 or wsum <= 0:
        return [0] * n
    quotas = [total * w / wsum for w in weights]
    counts = [int(q) for q in quotas]
    rest = total - sum(counts)
    # Ties go to the earlier index, so the result never depends on sort stability quirks.
    order = sorted(range(n), key=lambda i: (-(quotas[i] - counts[i]), i))
    for i in order[:rest]:
        counts[i] += 1
    return counts


class OrgBuilder:
    """Builds the organisation from ``organisasi.json`` and staffs it for ``staff`` people."""

    def __init__(
        self,
        data: DemoData,
        rng: random.Random,
        *,
        first_opd_id: int = 1,
        first_unit_id: int = 1,
        first_jabatan_id: int = 1,
    ) -> None:
        self.data = data
        self.rng = rng
        self.org = data.organisasi
        self.skala: dict[str, Any] = self.org["skala"]
        self._next_opd = first_opd_id
        self._next_unit = first_unit_id
        self._next_jabatan = first_jabatan_id
        self.opd_rows: list[dict[str, Any]] = []
        self.units: list[_Unit] = []
        self.posisi: list[Posisi] = []
        self.opd_ids: dict[str, int] = {}
        self._puskesmas: list[tuple[_Unit, str, float, _Ctx]] = []
        self._dikbud: tuple[_Unit, _Ctx] | None = None

    # ---- static structure -----------------------------------------------------------------
    def build_static(self) -> None:
        urutan = 0
        for spec in self.org["opd"]:
            urutan += 1
            self._opd(spec, urutan)
        template = self.org["templat"]["kecamatan"]
        for kec in self.org["kecamatan"]:
            urutan += 1
            spec = dict(template)
            spec["nama"] = f"Kecamatan {kec['nama']}"
            spec["singkatan"] = f"Kec. {kec['nama']}"
            spec["jenis"] = "kecamatan"
            self._opd(spec, urutan, kecamatan=kec)

    def _opd(
        self, spec: dict[str, Any], urutan: int, kecamatan: dict[str, Any] | None = None
    ) -> None:
        opd_id = self._next_opd
        self._next_opd += 1
        nama = spec["nama"]
        kode = f"{urutan:02d}"
        self.opd_rows.append(
            {
                "id": opd_id,
                "kode": kode,
                "nama": nama,
                "singkatan": spec.get("singkatan"),
                "jenis": str(spec.get("jenis", "dinas")).replace("_", " ").title(),
                "urutan": urutan,
                "aktif": True,
            }
        )
        self.opd_ids[nama] = opd_id
        lokasi = kecamatan["nama"] if kecamatan else KOTA
        fmt = {"kecamatan": kecamatan["nama"]} if kecamatan else {}
        ctx = _Ctx(
            opd_id,
            nama,
            bool(spec.get("tetap")),
            spec["profil"],
            lokasi,
            float(kecamatan.get("faktor", 1.0)) if kecamatan else 1.0,
            fmt,
        )
        root_spec: dict[str, Any] = {
            "nama": nama,
            "kepala": spec.get("kepala"),
            "eselon": spec.get("eselon", "II.b"),
            "kelas": spec.get("kelas"),
            "jenjang": spec.get("jenjang"),
            "jabatan": spec.get("jabatan", {}),
            "unit": [],
        }
        sek = spec.get("sekretariat")
        if sek:
            base = dict(self.org["templat"][sek["templat"]]) if "templat" in sek else {}
            base.update({k: v for k, v in sek.items() if k != "templat"})
            base.setdefault("eselon", "III.a")
            root_spec["unit"].append(base)
        root_spec["unit"].extend(spec.get("unit", ()))
        if kecamatan:
            kel_tpl = spec["kelurahan"]
            for kel in kecamatan.get("kelurahan", ()):
                root_spec["unit"].append(
                    {
                        **kel_tpl,
                        "nama": f"Kelurahan {kel}",
                        "kepala": kel_tpl["kepala"].replace("{kelurahan}", kel),
                    }
                )
        root = self._unit(ctx, None, root_spec, kode)
        khusus = spec.get("khusus")
        if khusus == "puskesmas":
            self._build_puskesmas(root, ctx)
        elif khusus == "bpp":
            self._build_bpp(root, ctx)
        elif khusus == "sekolah":
            self._dikbud = (root, ctx)

    def _new_unit(
        self, ctx: _Ctx, parent: _Unit | None, nama: str, lokasi: str, kode: str | None = None
    ) -> _Unit:
        if parent is not None:
            parent.children += 1
            kode = f"{parent.kode}.{parent.children:02d}"
        unit = _Unit(
            self._next_unit,
            ctx.opd_id,
            parent.id if parent else None,
            nama,
            kode or "",
            lokasi,
            parent.children if parent else 0,
        )
        self._next_unit += 1
        self.units.append(unit)
        return unit

    def _unit(
        self, ctx: _Ctx, parent: _Unit | None, spec: dict[str, Any], kode: str | None = None
    ) -> _Unit:
        nama = spec["nama"].format(**ctx.fmt) if ctx.fmt else spec["nama"]
        lokasi = spec.get("lokasi", ctx.lokasi)
        unit = self._new_unit(ctx, parent, nama, lokasi, kode)
        profil = spec.get("profil", ctx.profil)
        if "kepala" not in spec or spec["kepala"] is not None:
            kepala = spec.get("kepala") or _default_kepala(nama)
            if ctx.fmt:
                kepala = kepala.format(**ctx.fmt)
            eselon = spec.get("eselon") or _default_eselon(nama)
            self._structural(
                ctx, unit, kepala, spec.get("jenjang"), eselon, spec.get("kelas"), profil
            )
        self._positions(ctx, unit, spec.get("jabatan", {}), profil)
        child_ctx = _Ctx(ctx.opd_id, ctx.opd_nama, ctx.tetap, profil, lokasi, ctx.faktor, ctx.fmt)
        for child in spec.get("unit", ()):
            self._unit(child_ctx, unit, child)
        return unit

    def _structural(
        self,
        ctx: _Ctx,
        unit: _Unit,
        nama: str,
        jenjang_text: str | None,
        eselon: str,
        kelas: int | None,
        profil: str,
    ) -> None:
        jenjang = JenjangJabatan(jenjang_text) if jenjang_text else _jenjang_of_eselon(eselon)
        if jenjang not in _PRIORITY:
            raise DemoDataError(f"{nama}: a unit head must be JPT, administrator or pengawas")
        rng = self.data.golongan_jenjang[jenjang]
        pendidikan = _STRUCTURAL_PENDIDIKAN[jenjang]
        self._add(
            Posisi(
                id=0,
                unit_id=unit.id,
                opd_id=ctx.opd_id,
                nama=nama,
                jenjang=jenjang,
                kelas=int(kelas or _ESELON_KELAS.get(eselon, 9)),
                eselon=eselon,
                pendidikan_min=pendidikan,
                golongan_min=rng[0].kode,
                golongan=rng,
                syarat=("Kepemimpinan", "Manajemen pemerintahan"),
                profil=profil,
                sektor=self._sektor(profil),
                unit_nama=unit.nama,
                opd_nama=ctx.opd_nama,
                lokasi=unit.lokasi,
                rumpun=None,
                mode=TETAP if ctx.tetap else STRUKTURAL,
                jumlah=1,
            )
        )

    def _positions(self, ctx: _Ctx, unit: _Unit, specs: dict[str, Any], profil: str) -> None:
        for nama, value in specs.items():
            opts: dict[str, Any] = value if isinstance(value, dict) else {"bobot": value}
            if "jenjang" in opts or "eselon" in opts:
                self._structural(
                    ctx,
                    unit,
                    nama,
                    opts.get("jenjang"),
                    opts.get("eselon") or "IV.a",
                    opts.get("kelas"),
                    profil,
                )
                continue
            jdef = self.data.jabatan(nama)
            if jdef is None:
                raise DemoDataError(f"{ctx.opd_nama} / {unit.nama}: unknown jabatan {nama!r}")
            self._catalogue_position(ctx, unit, jdef, opts)

    def _catalogue_position(
        self,
        ctx: _Ctx,
        unit: _Unit,
        jdef: JabatanDef,
        opts: dict[str, Any],
        *,
        mode: str | None = None,
        profil: str | None = None,
    ) -> Posisi:
        prof = profil or opts.get("profil") or jdef.profil
        if prof not in self.data.profil:
            raise DemoDataError(f"{jdef.nama}: unknown profil {prof!r}")
        amount = opts.get("jumlah", opts.get("bobot", 0))
        if mode is None:
            mode = TETAP if ctx.tetap else BOBOT
        posisi = Posisi(
            id=0,
            unit_id=unit.id,
            opd_id=ctx.opd_id,
            nama=jdef.nama,
            jenjang=jdef.jenjang,
            kelas=jdef.kelas,
            eselon=None,
            pendidikan_min=jdef.pendidikan_min,
            golongan_min=(
                jdef.golongan[0].kode
                if jdef.golongan
                else self.data.golongan_min(jdef.jenjang, jdef.pendidikan_min)
            ),
            golongan=self.data.golongan_range(jdef),
            syarat=jdef.syarat,
            profil=prof,
            sektor=self._sektor(prof),
            unit_nama=unit.nama,
            opd_nama=ctx.opd_nama,
            lokasi=unit.lokasi,
            rumpun=jdef.rumpun,
            mode=mode,
            bobot=float(amount) * ctx.faktor if mode == BOBOT else 0.0,
            jumlah=int(amount) if mode == TETAP else 0,
            pegawai=tuple(opts.get("pegawai", ())),
        )
        if len(posisi.pegawai) > posisi.jumlah and mode == TETAP:
            raise DemoDataError(f"{jdef.nama}: more pegawai specs than jumlah")
        self._add(posisi)
        return posisi

    def _add(self, posisi: Posisi) -> None:
        posisi.id = self._next_jabatan
        self._next_jabatan += 1
        self.posisi.append(posisi)

    def _sektor(self, profil: str) -> str:
        return self.data.profil[profil].sektor

    def _build_puskesmas(self, root: _Unit, ctx: _Ctx) -> None:
        tpl = self.org["templat"]["puskesmas"]
        for nama, kec, bobot in self.org["puskesmas"]:
            fmt = {"puskesmas": nama, "kecamatan": kec}
            sub = _Ctx(
                ctx.opd_id,
                ctx.opd_nama,
                False,
                tpl.get("profil", ctx.profil),
                kec,
                float(bobot),
                fmt,
            )
            unit = self._unit(sub, root, {**tpl, "lokasi": kec})
            self._puskesmas.append((unit, kec, float(bobot), sub))

    def _build_bpp(self, root: _Unit, ctx: _Ctx) -> None:
        tpl = self.org["templat"]["bpp"]
        for kec in self.org["kecamatan"]:
            if kec["nama"] in tpl.get("kecuali", ()):
                continue
            sub = _Ctx(
                ctx.opd_id,
                ctx.opd_nama,
                False,
                ctx.profil,
                kec["nama"],
                float(kec.get("faktor", 1.0)),
                {"kecamatan": kec["nama"]},
            )
            self._unit(sub, root, {**tpl, "lokasi": kec["nama"]})

    # ---- staffing -------------------------------------------------------------------------
    def staff(self, staff: int) -> OrgPlan:
        """Decide every position's headcount for ``staff`` people and list the seats."""
        rng = self.rng
        tetap = [p for p in self.posisi if p.mode == TETAP]
        cerita_penuh = int(self.skala["cerita_penuh_pada"])
        if staff >= cerita_penuh:
            tetap_counts = [p.jumlah for p in tetap]
        else:
            # Below the threshold the story shrinks in proportion; its shape stays.
            want = round(sum(p.jumlah for p in tetap) * staff / cerita_penuh)
            tetap_counts = apportion(want, [p.jumlah for p in tetap])
        for p, n in zip(tetap, tetap_counts, strict=True):
            p.jumlah = n
        used = sum(tetap_counts)

        struktural = [p for p in self.posisi if p.mode == STRUKTURAL]
        kosong = self.skala["kosong_struktural"]
        # The Sekretaris Daerah (the only II.a) is always filled: the settings name the Sekda.
        keys = [
            (-1 if p.eselon == "II.a" else _PRIORITY[p.jenjang], rng.random()) for p in struktural
        ]
        vacant = [
            p.eselon != "II.a" and rng.random() < float(kosong.get(p.jenjang.value, 0.0))
            for p in struktural
        ]
        fraction = min(1.0, staff / float(self.skala["struktural_penuh_pada"]))
        if fraction >= 1.0:
            filled = [not v for v in vacant]
        else:
            order = sorted(range(len(struktural)), key=lambda i: keys[i])
            chosen = set(order[: round(fraction * len(struktural))])
            filled = [i in chosen for i in range(len(struktural))]
        budget_left = max(staff - used, 0)
        n_struct = 0
        for p, f in zip(struktural, filled, strict=True):
            take = 1 if f and n_struct < budget_left else 0
            p.jumlah = take
            n_struct += take
        used += n_struct

        rest = max(staff - used, 0)
        pendidikan = round(rest * float(self.skala["bagian_pendidikan"]))
        kesehatan = round(rest * float(self.skala["bagian_kesehatan"]))
        if self._dikbud is None:
            pendidikan = 0
        umum = rest - pendidikan - kesehatan
        pustu_budget = 0
        if self._puskesmas:
            pustu_budget = round(kesehatan * float(self.skala["bagian_pustu"]))
        self._generate_schools(pendidikan)
        self._generate_pustu(pustu_budget)

        variasi = float(self.skala["variasi_bobot"])
        weighted = [p for p in self.posisi if p.mode == BOBOT]
        noisy = [p.bobot * (1.0 + rng.uniform(-variasi, variasi)) for p in weighted]
        health = [i for i, p in enumerate(weighted) if p.sektor == SEKTOR_KESEHATAN]
        other = [i for i, p in enumerate(weighted) if p.sektor != SEKTOR_KESEHATAN]
        if not health:
            umum += kesehatan - pustu_budget
        else:
            counts = apportion(kesehatan - pustu_budget, [noisy[i] for i in health])
            for i, n in zip(health, counts, strict=True):
                weighted[i].jumlah = n
        counts = apportion(umum, [noisy[i] for i in other])
        for i, n in zip(other, counts, strict=True):
            weighted[i].jumlah = n

        seats: list[Seat] = []
        for p in self.posisi:
            for k in range(p.jumlah):
                seats.append(Seat(p, p.pegawai[k] if k < len(p.pegawai) else None))
        return OrgPlan(
            opd_rows=self.opd_rows,
            unit_rows=[u.row() for u in self.units],
            posisi=self.posisi,
            seats=seats,
            opd_ids=self.opd_ids,
            struktural_terisi=n_struct,
        )

    def _sizes(self, budget: int, low: int, high: int) -> list[int]:
        """Unit sizes drawn from [low, high] that add up exactly to ``budget``."""
        sizes: list[int] = []
        left = budget
        while left > 0:
            size = self.rng.randint(low, high)
            if left - size < low:
                # Never leave a remainder too small for a unit of its own.
                size = left if left <= high or not sizes else left - low
            sizes.append(size)
            left -= size
        return sizes

    def _generate_schools(self, budget: int) -> None:
        if budget <= 0 or self._dikbud is None:
            return
        root, ctx = self._dikbud
        data = self.data
        kecamatan = self.org["kecamatan"]
        grup_pola = self.org["templat"]["sekolah"]["grup"]
        groups: dict[str, _Unit] = {}
        share_sd = float(self.skala["sd"]["bagian"])
        plans: list[tuple[str, str, list[int]]] = []
        sd_budget = round(budget * share_sd)
        for kind, part in (("sd", sd_budget), ("smp", budget - sd_budget)):
            cfg = self.skala[kind]
            low, high = cfg["guru"]
            # +1: every school also has its head (Kepala Sekolah).
            sizes = self._sizes(part, low + 1, high + 1) if part > 0 else []
            plans.append((kind, cfg["pola_nama"], sizes))
        jenjang_guru = self.skala["jenjang_guru"]
        levels = [JenjangJabatan(k) for k in jenjang_guru]
        level_w = [float(v) for v in jenjang_guru.values()]
        kepala_def = data.khusus["Kepala Sekolah"]
        for kind, pola, sizes in plans:
            per_kec = apportion(len(sizes), [float(k["bobot"]) for k in kecamatan])
            if len(sizes) >= len(kecamatan):
                per_kec = _at_least_one(per_kec)
            profil = "guru_sd" if kind == "sd" else "guru_smp"
            it = iter(sizes)
            for kec, n_schools in zip(kecamatan, per_kec, strict=True):
                for number in range(1, n_schools + 1):
                    size = next(it)
                    name = kec["nama"]
                    if name not in groups:
                        gctx = _Ctx(ctx.opd_id, ctx.opd_nama, False, ctx.profil, name)
                        groups[name] = self._new_unit(
                            gctx, root, grup_pola.format(kecamatan=name), name
                        )
                    sctx = _Ctx(ctx.opd_id, ctx.opd_nama, False, profil, name)
                    school = self._new_unit(
                        sctx, groups[name], pola.format(n=number, kecamatan=name), name
                    )
                    head = self._catalogue_position(
                        sctx, school, kepala_def, {"jumlah": 1}, mode=GENERATED, profil=profil
                    )
                    head.jumlah = 1 if size > 0 else 0
                    teachers = [0] * len(levels)
                    for _ in range(size - head.jumlah):
                        teachers[_weighted_index(self.rng, level_w)] += 1
                    for level, n in zip(levels, teachers, strict=True):
                        jdef = data.jabatan_rumpun("Guru", level)
                        assert jdef is not None
                        pos = self._catalogue_position(
                            sctx, school, jdef, {"jumlah": n}, mode=GENERATED, profil=profil
                        )
                        pos.jumlah = n

    def _generate_pustu(self, budget: int) -> None:
        if budget <= 0 or not self._puskesmas:
            return
        cfg = self.skala["pustu"]
        tpl = self.org["templat"]["pustu"]
        low, high = cfg["pegawai"]
        sizes = self._sizes(budget, int(low), int(high))
        per = apportion(len(sizes), [b for _, _, b, _ in self._puskesmas])
        desa_left: dict[str, list[str]] = {
            k["nama"]: list(k.get("desa", ())) for k in self.org["kecamatan"]
        }
        extra: dict[str, int] = {}
        names = list(cfg["jabatan"])
        weights = [float(v) for v in cfg["jabatan"].values()]
        it = iter(sizes)
        for (pusk, kec, _, ctx), n_pustu in zip(self._puskesmas, per, strict=True):
            for _ in range(n_pustu):
                size = next(it)
                if desa_left.get(kec):
                    nama = tpl["nama"].format(desa=desa_left[kec].pop(0))
                else:
                    extra[kec] = extra.get(kec, 0) + 1
                    nama = tpl["nama_cadangan"].format(kecamatan=kec, n=extra[kec])
                sub = _Ctx(ctx.opd_id, ctx.opd_nama, False, ctx.profil, kec)
                unit = self._new_unit(sub, pusk, nama, kec)
                counts = [0] * len(names)
                for _ in range(size):
                    counts[_weighted_index(self.rng, weights)] += 1
                for jab, n in zip(names, counts, strict=True):
                    jdef = self.data.jabatan(jab)
                    if jdef is None:
                        raise DemoDataError(f"pustu: unknown jabatan {jab!r}")
                    pos = self._catalogue_position(sub, unit, jdef, {"jumlah": n}, mode=GENERATED)
                    pos.jumlah = n


def _at_least_one(counts: list[int]) -> list[int]:
    """Move single units from the largest entries so every entry gets at least one."""
    counts = list(counts)
    for i, c in enumerate(counts):
        if c == 0:
            j = max(range(len(counts)), key=lambda k: (counts[k], -k))
            if counts[j] <= 1:
                break
            counts[j] -= 1
            counts[i] = 1
    return counts


def _weighted_index(rng: random.Random, weights: Sequence[float]) -> int:
    x = rng.random() * sum(weights)
    acc = 0.0
    for i, w in enumerate(weights):
        acc += w
        if x < acc:
            return i
    return len(weights) - 1


def _default_kepala(unit_nama: str) -> str:
    if unit_nama.startswith("Kelurahan "):
        return "Lurah " + unit_nama.removeprefix("Kelurahan ")
    return "Kepala " + unit_nama


def _default_eselon(unit_nama: str) -> str:
    first = unit_nama.split(" ", 1)[0]
    return {
        "Sekretariat": "III.a",
        "Bagian": "III.a",
        "Bidang": "III.b",
        "Inspektorat": "III.b",
    }.get(first, "IV.a")


def _jenjang_of_eselon(eselon: str) -> JenjangJabatan:
    level = eselon.split(".", 1)[0]
    try:
        return {
            "II": JenjangJabatan.JPT_PRATAMA,
            "III": JenjangJabatan.ADMINISTRATOR,
            "IV": JenjangJabatan.PENGAWAS,
        }[level]
    except KeyError:
        raise DemoDataError(f"unsupported eselon {eselon!r}") from None
