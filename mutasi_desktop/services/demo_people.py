"""Demo staff: consistent people (names, NIP, golongan, education, history) for each seat."""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

from mutasi_desktop.domain.golongan import (
    ALL_PNS,
    Golongan,
    golongan_awal_pns,
    golongan_maks_pns,
    pppk_awal,
)
from mutasi_desktop.domain.jabatan import JenjangJabatan, tanggal_pensiun
from mutasi_desktop.domain.nip import make_nip
from mutasi_desktop.domain.pegawai import (
    Agama,
    JenisKelamin,
    JenisPegawai,
    StatusPegawai,
    TingkatPendidikan,
    nama_lengkap,
)
from mutasi_desktop.domain.pencarian import search_text
from mutasi_desktop.domain.tanggal import bulan_romawi, umur
from mutasi_desktop.services.demo_data import (
    JENJANG_LABEL,
    SEKTOR_KESEHATAN,
    SEKTOR_PENDIDIKAN,
    Asal,
    DemoData,
    OpsiPendidikan,
    Profil,
    Program,
)
from mutasi_desktop.services.demo_org import KOTA, OrgPlan, Posisi, Seat

J = JenjangJabatan
T = TingkatPendidikan
L, P = JenisKelamin.LAKI_LAKI, JenisKelamin.PEREMPUAN

# Usual age at graduation by education level (years, inclusive range).
_GRAD_AGE: dict[TingkatPendidikan, tuple[int, int]] = {
    T.SD: (12, 13),
    T.SMP: (15, 16),
    T.SLTA: (18, 19),
    T.D1: (19, 20),
    T.D2: (20, 21),
    T.D3: (21, 22),
    T.D4: (22, 23),
    T.S1: (22, 24),
    T.S2: (25, 29),
    T.S3: (30, 34),
}
# Years between graduation and CPNS: honorary work before appointment is common.
_GAP_YEARS = (0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12)
_GAP_WEIGHTS = (6, 12, 14, 13, 11, 9, 7, 6, 5, 4, 3)
_KETERAMPILAN = frozenset({J.PEMULA, J.TERAMPIL, J.MAHIR, J.PENYELIA})
_LADDER = (J.PELAKSANA, J.PENGAWAS, J.ADMINISTRATOR, J.JPT_PRATAMA)
_PPPK_JENJANG = frozenset({J.AHLI_PERTAMA, J.TERAMPIL, J.PEMULA, J.PELAKSANA})
_CPNS_JENJANG = frozenset({J.AHLI_PERTAMA, J.TERAMPIL, J.PEMULA, J.PELAKSANA})
# PPPK intakes since the first large waves (teachers, then health, then technical staff).
_PPPK_START = (
    (date(2022, 3, 1), 3),
    (date(2022, 10, 1), 2),
    (date(2023, 4, 1), 3),
    (date(2023, 11, 1), 2),
    (date(2024, 3, 1), 3),
    (date(2025, 3, 1), 3),
    (date(2025, 10, 1), 2),
    (date(2026, 3, 1), 2),
)
_PPPK_CODE = "21"  # digits 13-14 of the NI PPPK as commonly seen; never a valid PNS month
_NIP_LAMA_BEFORE = 2008  # 9-digit NIPs were converted to 18 digits around 2007-2008
_LATSAR_FROM = date(2018, 1, 1)  # Pelatihan Dasar replaced Prajabatan
_PKP_FROM = date(2019, 1, 1)  # PKP/PKA/PKN replaced Diklat PIM IV/III/II
_RANK = {t: t.rank for t in T}  # TingkatPendidikan.rank searches the enum on every call
_ROMAN_MONTH = ("", *(bulan_romawi(m) for m in range(1, 13)))
# Leadership training per structural level: (since 2019, before 2019).
_LEADERSHIP: dict[JenjangJabatan, tuple[tuple[str, int, str], tuple[str, int, str]]] = {
    J.PENGAWAS: (
        ("Pelatihan Kepemimpinan Pengawas", 280, "BPSDM Provinsi Sulawesi Barat"),
        ("Diklat Kepemimpinan Tingkat IV", 285, "Badan Diklat Provinsi Sulawesi Barat"),
    ),
    J.ADMINISTRATOR: (
        ("Pelatihan Kepemimpinan Administrator", 390, "PPSDM Kemendagri"),
        ("Diklat Kepemimpinan Tingkat III", 360, "PPSDM Kemendagri"),
    ),
    J.JPT_PRATAMA: (
        ("Pelatihan Kepemimpinan Nasional Tingkat II", 420, "LAN RI"),
        ("Diklat Kepemimpinan Tingkat II", 410, "LAN RI"),
    ),
}
_P_RETIRE_SOON = 0.015
_P_ASPIRASI = 0.05
_P_CUTI = 0.006
_P_TUGAS_BELAJAR = 0.006
_P_HUKDIS = 0.005


def _months_back(d: date, months: int) -> date:
    """The 1st of the month ``months`` before ``d``'s month."""
    idx = d.year * 12 + d.month - 1 - months
    return date(idx // 12, idx % 12 + 1, 1)


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month


def _kp_on_or_before(d: date) -> date:
    """Promotions take effect on 1 April or 1 October."""
    if (d.month, d.day) >= (10, 1):
        return date(d.year, 10, 1)
    if (d.month, d.day) >= (4, 1):
        return date(d.year, 4, 1)
    return date(d.year - 1, 10, 1)


def _years_before(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year - years)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years, day=28)


@dataclass
class Rows:
    """Rows for the bulk inserts, in insertion order."""

    pegawai: list[dict[str, Any]] = field(default_factory=list)
    riwayat_jabatan: list[dict[str, Any]] = field(default_factory=list)
    riwayat_pangkat: list[dict[str, Any]] = field(default_factory=list)
    kompetensi: list[dict[str, Any]] = field(default_factory=list)
    pelatihan: list[dict[str, Any]] = field(default_factory=list)
    aspirasi: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class _Chooser:
    """Weighted choice with precomputed cumulative weights (``random.choices`` re-sums them)."""

    items: tuple[Any, ...]
    cum: tuple[float, ...]

    @classmethod
    def of(cls, pairs: list[tuple[Any, float]]) -> _Chooser:
        items = tuple(p[0] for p in pairs)
        return cls(items, tuple(accumulate(float(p[1]) for p in pairs)))

    def pick(self, rng: random.Random) -> Any:
        return self.items[bisect_right(self.cum, rng.random() * self.cum[-1])]


class PeopleFactory:
    """Turns seats into staff rows; every random draw comes from the one seeded ``rng``."""

    def __init__(
        self,
        data: DemoData,
        rng: random.Random,
        as_of: date,
        plan: OrgPlan,
        *,
        first_ids: dict[str, int],
    ) -> None:
        self.data = data
        self.rng = rng
        self.as_of = as_of
        self.plan = plan
        self.rows = Rows()
        self._ids = dict(first_ids)
        self._nip_seq: dict[str, int] = {}
        self._nip_lama = 0
        self.sekda: dict[str, Any] | None = None
        self._asal_mix: dict[str, _Chooser] = {}
        mixes = data.campuran_asal
        for lokasi, mix in mixes.items():
            self._asal_mix[lokasi] = _Chooser.of([(data.asal[k], w) for k, w in mix])
        self._asal_bawaan = self._asal_mix["bawaan"]
        self._agama = {k: _Chooser.of(list(a.agama)) for k, a in data.asal.items()}
        self._birthplace = {k: _Chooser.of(list(a.tempat_lahir)) for k, a in data.asal.items()}
        self._edu_cache: dict[tuple[str, JenjangJabatan, TingkatPendidikan], _Chooser] = {}
        self._prog_cache: dict[tuple[int, Agama], _Chooser] = {}
        self._gap = _Chooser.of(list(zip(_GAP_YEARS, _GAP_WEIGHTS, strict=True)))
        self._pppk_start = _Chooser.of(
            [(d, w) for d, w in _PPPK_START if d < as_of] or [(_months_back(as_of, 6), 1)]
        )
        nama = data.nama
        self._haji = nama["haji"]
        self._aspirasi = nama["aspirasi"]
        self._status_notes = nama["catatan_status"]
        self._training_by_name: dict[str, tuple[str, int, str]] = {}
        for prof in data.profil.values():
            for t in prof.pelatihan:
                self._training_by_name.setdefault(t[0], t)
        for t in data.pelatihan_umum:
            self._training_by_name.setdefault(t[0], t)
        # History pools: earlier positions are drawn from the real organisation.
        self._pool: dict[JenjangJabatan, list[Posisi]] = {}
        self._pool_profil: dict[tuple[JenjangJabatan, str], list[Posisi]] = {}
        for pos in plan.posisi:
            self._pool.setdefault(pos.jenjang, []).append(pos)
            self._pool_profil.setdefault((pos.jenjang, pos.profil), []).append(pos)
        self._opd_list = [r["id"] for r in plan.opd_rows]

    # ---- employee kinds --------------------------------------------------------------------
    def assign_kinds(
        self, seats: list[Seat], pppk_share: float, cpns_share: float
    ) -> list[JenisPegawai]:
        """Pick exactly round(share × N) PPPK and CPNS among the seats that can hold them."""
        rng = self.rng
        n = len(seats)
        weights = [self._pppk_weight(s) for s in seats]
        keys = [rng.random() ** (1.0 / w) if w > 0 else -1.0 for w in weights]
        order = sorted((i for i in range(n) if weights[i] > 0), key=lambda i: (-keys[i], i))
        kinds = [JenisPegawai.PNS] * n
        for i in order[: round(pppk_share * n)]:
            kinds[i] = JenisPegawai.PPPK
        cands = [i for i in range(n) if kinds[i] is JenisPegawai.PNS and self._cpns_ok(seats[i])]
        ckeys = {i: rng.random() for i in cands}
        cands.sort(key=lambda i: (ckeys[i], i))
        for i in cands[: round(cpns_share * n)]:
            kinds[i] = JenisPegawai.CPNS
        return kinds

    @staticmethod
    def _pppk_weight(seat: Seat) -> float:
        pos = seat.posisi
        if seat.spec is not None or pos.cerita or pos.jenjang not in _PPPK_JENJANG:
            return 0.0
        if pos.rumpun == "Guru" and pos.jenjang is J.AHLI_PERTAMA:
            return 3.0
        if pos.sektor == SEKTOR_KESEHATAN:
            return 2.0
        return 0.6 if pos.jenjang is J.PELAKSANA else 0.8

    @staticmethod
    def _cpns_ok(seat: Seat) -> bool:
        pos = seat.posisi
        if seat.spec is not None or pos.cerita or pos.jenjang not in _CPNS_JENJANG:
            return False
        # A new CPNS holds the entry golongan of the diploma; it must reach the position's floor.
        return pos.golongan is None or pos.golongan[0] <= golongan_awal_pns(pos.pendidikan_min)

    # ---- one person ------------------------------------------------------------------------
    def make(self, seat: Seat, jenis: JenisPegawai) -> None:
        rng = self.rng
        pos = seat.posisi
        spec = seat.spec or {}
        prof = self.data.profil[pos.profil]
        pid = self._next("pegawai")
        gender = P if rng.random() < prof.perempuan else L
        asal = (self._asal_mix.get(pos.lokasi) or self._asal_bawaan).pick(rng)
        agama: Agama = self._agama[asal.kunci].pick(rng)
        nama = self._name(asal, agama, gender)
        tempat = self._birthplace[asal.kunci].pick(rng)
        opt = self._education(prof, pos).pick(rng)
        prog = self._program(opt, agama).pick(rng)
        tingkat = opt.tingkat
        # Most S-2 holders in service entered with an S-1 and studied later; a new CPNS or
        # PPPK is appointed with the diploma they hold now.
        entry = tingkat
        if jenis is JenisPegawai.PNS and tingkat is T.S2 and rng.random() < 0.8:
            entry = T.S1
        bup = pos.jenjang.bup

        if jenis is JenisPegawai.PPPK:
            d = self._pppk_dates(pos, entry, bup)
        else:
            d = self._pns_dates(
                pos,
                entry,
                tingkat,
                bup,
                jenis,
                retire_soon=(
                    jenis is JenisPegawai.PNS and not pos.cerita and rng.random() < _P_RETIRE_SOON
                ),
            )
        birth: date = d["birth"]
        tahun_lulus = d["lulus"]
        if tingkat is not entry:
            # The higher degree came during service, at least two years after the first one.
            first = max(d["tmt"].year + 2, d["lulus"] + 2)
            last = self.as_of.year - 1
            tahun_lulus = rng.randint(first, last) if first <= last else self.as_of.year

        depan, belakang = self._titles(opt, prog, gender, agama, d["lulus"], birth, pos)
        nip = self._nip(birth, d["tmt"], gender, jenis)
        nip_lama = None
        if jenis is not JenisPegawai.PPPK and d["tmt"].year < _NIP_LAMA_BEFORE:
            self._nip_lama += 1
            nip_lama = f"640{self._nip_lama:06d}"

        tmt_jabatan = self._tmt_jabatan(pos, jenis, d)
        status, hukdis, catatan = self._status(pos, jenis, gender, birth)
        full = nama_lengkap(nama, depan, belakang)
        row = {
            "id": pid,
            "nip": nip,
            "nip_lama": nip_lama,
            "nama": nama,
            "gelar_depan": depan,
            "gelar_belakang": belakang,
            "tempat_lahir": tempat,
            "tanggal_lahir": birth,
            "jenis_kelamin": gender,
            "agama": agama,
            "jenis_pegawai": jenis,
            "golongan": d["golongan"].kode,
            "tmt_golongan": d["tmt_golongan"],
            "unit_id": pos.unit_id,
            "jabatan_id": pos.id,
            "tmt_jabatan": tmt_jabatan,
            "pendidikan_tingkat": tingkat,
            "pendidikan_jurusan": prog.jurusan,
            "tahun_lulus": tahun_lulus,
            "tmt_cpns": d["tmt"] if jenis is not JenisPegawai.PPPK else None,
            "tmt_pns": d.get("tmt_pns"),
            "status": status,
            "hukuman_disiplin": hukdis,
            "kontrak_selesai": d.get("kontrak"),
            "catatan": catatan,
            "aktif": True,
            "alasan_nonaktif": None,
            "teks_cari": search_text([full, nip, nip_lama, pos.nama]),
            "versi": 1,
        }
        self.rows.pegawai.append(row)
        if pos.nama == "Sekretaris Daerah":
            self.sekda = {
                "nama": full,
                "nip": nip,
                "golongan": d["golongan"].kode,
                "pangkat": d["golongan"].pangkat,
                "jabatan": pos.nama,
            }
        self._riwayat_jabatan(pid, pos, jenis, d, tmt_jabatan)
        self._riwayat_pangkat(pid, jenis, d)
        self._kompetensi(pid, pos, prof, spec)
        self._pelatihan(pid, pos, prof, jenis, d, tmt_jabatan, spec)
        self._aspirasi_row(pid, pos, spec)

    def _next(self, table: str) -> int:
        value = self._ids[table]
        self._ids[table] = value + 1
        return value

    # ---- names and titles ------------------------------------------------------------------
    def _name(self, asal: Asal, agama: Agama, gender: JenisKelamin) -> str:
        rng = self.rng
        src = asal if agama in asal.nama else self.data.asal[self.data.nama_cadangan[agama]]
        laki, perempuan = src.nama[agama]
        given = rng.choice(laki if gender is L else perempuan)
        belakang = src.belakang_laki if gender is L else src.belakang_perempuan
        awalan = src.awalan_laki if gender is L else src.awalan_perempuan
        one, two, _ = src.pola
        r = rng.random()
        parts = [given]
        if r >= one and belakang:
            last = rng.choice(belakang)
            if last not in given:
                parts.append(last)
        prefix = None
        for word, p in awalan:
            if rng.random() < p:
                prefix = word
                break
        # At most three parts: a prefix ("Andi", "Muhammad", "Sitti") or a second given name.
        if prefix is not None and not given.startswith(prefix):
            parts.insert(0, prefix)
        elif r >= one + two:
            other = rng.choice(laki if gender is L else perempuan)
            if other not in given and given not in other:
                parts.insert(0, other)
        return " ".join(parts)

    def _titles(
        self,
        opt: OpsiPendidikan,
        prog: Program,
        gender: JenisKelamin,
        agama: Agama,
        lulus_awal: int,
        birth: date,
        pos: Posisi,
    ) -> tuple[str | None, str | None]:
        front = opt.gelar_depan
        back = prog.gelar or None
        if opt.gelar_lama and lulus_awal < 1995 and opt.tingkat in (T.S1, T.S2):
            # Before 1995 an S-1 in social science or engineering gave "Drs."/"Ir." in front.
            front = "Dra." if opt.gelar_lama == "Drs." and gender is P else opt.gelar_lama
            if back is not None:
                back = back.split(", ", 1)[1] if ", " in back and opt.tingkat is T.S2 else None
        if agama is Agama.ISLAM and umur(birth, self.as_of) >= 40:
            p = float(self._haji["peluang_di_atas_40"]) * (2.0 if pos.is_struktural else 1.0)
            if self.rng.random() < p:
                haji = self._haji["laki" if gender is L else "perempuan"]
                front = f"{front} {haji}" if front else haji
        return front, back

    # ---- education -------------------------------------------------------------------------
    @staticmethod
    def _allowed(pos: Posisi) -> frozenset[TingkatPendidikan]:
        low = _RANK[pos.pendidikan_min]
        if pos.jenjang in _KETERAMPILAN:
            high = _RANK[T.SLTA] if pos.jenjang is J.PEMULA else _RANK[T.D3]
        elif pos.jenjang is J.PELAKSANA:
            high = _RANK[T.S2]
        else:
            high = _RANK[T.S3]
        return frozenset(t for t in T if low <= _RANK[t] <= high)

    def _education(self, prof: Profil, pos: Posisi) -> _Chooser:
        key = (prof.kunci, pos.jenjang, pos.pendidikan_min)
        hit = self._edu_cache.get(key)
        if hit is not None:
            return hit
        allowed = self._allowed(pos)
        opts: list[OpsiPendidikan] = []
        for kunci in (prof.kunci, "administrasi", "pemerintahan"):
            opts = [o for o in self.data.profil[kunci].pendidikan if o.tingkat in allowed]
            if opts:
                break
        if not opts:
            lowest = min(allowed, key=_RANK.__getitem__)
            opts = [OpsiPendidikan(lowest, 1.0, (Program("Umum", "", 1.0, None),), None, None)]
        chooser = _Chooser.of([(o, o.bobot) for o in opts])
        self._edu_cache[key] = chooser
        return chooser

    def _program(self, opt: OpsiPendidikan, agama: Agama) -> _Chooser:
        key = (id(opt), agama)
        hit = self._prog_cache.get(key)
        if hit is None:
            progs = [p for p in opt.program if p.agama is None or p.agama is agama]
            hit = _Chooser.of([(p, p.bobot) for p in progs or opt.program])
            self._prog_cache[key] = hit
        return hit

    # ---- dates -----------------------------------------------------------------------------
    def _pns_dates(
        self,
        pos: Posisi,
        entry: TingkatPendidikan,
        tingkat: TingkatPendidikan,
        bup: int,
        jenis: JenisPegawai,
        *,
        retire_soon: bool,
    ) -> dict[str, Any]:
        rng = self.rng
        as_of = self.as_of
        awal = golongan_awal_pns(entry)
        if pos.golongan is not None:
            lo, hi = max(pos.golongan[0], awal), pos.golongan[1]
        else:
            lo, hi = awal, golongan_maks_pns(tingkat)
        hi = max(hi, lo)
        grad_lo, grad_hi = _GRAD_AGE[entry]
        grad_age = rng.randint(grad_lo, grad_hi)
        entry_age = min(max(grad_age + self._gap.pick(rng), 19), 35)

        if jenis is JenisPegawai.CPNS:
            target = awal
            tmt = _months_back(as_of, rng.randint(1, 11))
            steps: list[date] = []
        else:
            target = ALL_PNS[rng.randint(lo.rank, hi.rank) - 1]
            while True:
                steps, tmt = self._promotions(awal, target, capped=target >= hi)
                age = entry_age + _months_between(tmt, as_of) / 12.0
                if age < bup - 1:
                    break
                if entry_age > grad_age:
                    entry_age = max(grad_age, entry_age - int(age - bup + 2))
                    continue
                if target > lo:
                    target = ALL_PNS[target.rank - 2]
                    continue
                break
        birth = date.fromordinal(_years_before(tmt, entry_age).toordinal() - rng.randint(0, 364))
        if retire_soon:
            birth = self._retiring_birth(birth, tmt, bup)
        birth = self._within_service_age(birth, bup)
        out: dict[str, Any] = {
            "birth": birth,
            "tmt": tmt,
            "golongan": target,
            "tmt_golongan": steps[-1] if steps else tmt,
            "steps": steps,
            "awal": awal,
            "lulus": min(birth.year + grad_age, tmt.year),
        }
        if jenis is JenisPegawai.PNS:
            tmt_pns = _months_back(tmt, -(12 + rng.choice((0, 0, 0, 1, 2, 3, 6))))
            out["tmt_pns"] = tmt_pns if tmt_pns <= as_of else _months_back(tmt, -12)
        return out

    def _promotions(
        self, awal: Golongan, target: Golongan, *, capped: bool
    ) -> tuple[list[date], date]:
        """KP dates from the first promotion to ``target`` (oldest first) and the TMT CPNS."""
        rng = self.rng
        k = target.rank - awal.rank
        since = rng.randint(0, 95 if capped else 47)
        if k == 0:
            return [], _months_back(self.as_of, since + 13)
        last = _kp_on_or_before(_months_back(self.as_of, since))
        steps = [last]
        for _ in range(k - 1):
            gap = 48 + rng.choice((0, 0, 0, 0, 6, 12, 12, 24))
            steps.append(_months_back(steps[-1], gap))
        steps.reverse()
        tmt = _months_back(steps[0], 48 + rng.randint(0, 11))
        return steps, tmt

    def _retiring_birth(self, birth: date, tmt: date, bup: int) -> date:
        """A birth date whose TMT pensiun falls in the next 12 months, if the career allows."""
        rng = self.rng
        pensiun = _months_back(self.as_of, -rng.randint(1, 12))
        month = _months_back(pensiun, 1)
        # Day ≥ 2 keeps them below BUP on as_of even when as_of is the 1st of their month.
        candidate = date(month.year - bup, month.month, rng.randint(2, 28))
        if 19 <= umur(candidate, tmt) <= 40:
            return candidate
        return birth

    def _within_service_age(self, birth: date, bup: int) -> date:
        """Clamp so the person is at least 20 and has not reached BUP on as_of."""
        as_of = self.as_of
        if umur(birth, as_of) < 20:
            birth = date.fromordinal(
                _years_before(as_of, 20).toordinal() - self.rng.randint(1, 700)
            )
        while umur(birth, as_of) >= bup or tanggal_pensiun(birth, bup) <= as_of:
            birth = _months_back(birth, -6).replace(day=min(birth.day, 28))
        return birth

    def _pppk_dates(self, pos: Posisi, entry: TingkatPendidikan, bup: int) -> dict[str, Any]:
        rng = self.rng
        start: date = self._pppk_start.pick(rng)
        grad_lo, grad_hi = _GRAD_AGE[entry]
        grad_age = rng.randint(grad_lo, grad_hi)
        entry_age = min(grad_age + rng.randint(0, 18), bup - 4)
        birth = date.fromordinal(_years_before(start, entry_age).toordinal() - rng.randint(0, 364))
        birth = self._within_service_age(birth, bup)
        years = 5 if pos.sektor in (SEKTOR_PENDIDIKAN, SEKTOR_KESEHATAN) else rng.choice((2, 3, 5))
        end = _years_before(start, -years) - timedelta(days=1)
        while end <= self.as_of:
            end = _years_before(end, -years)
        end = min(end, tanggal_pensiun(birth, bup) - timedelta(days=1))
        return {
            "birth": birth,
            "tmt": start,
            "golongan": pppk_awal(entry),
            "tmt_golongan": start,
            "steps": [],
            "kontrak": end,
            "lulus": min(birth.year + grad_age, start.year),
        }

    def _tmt_jabatan(self, pos: Posisi, jenis: JenisPegawai, d: dict[str, Any]) -> date:
        rng = self.rng
        if jenis is not JenisPegawai.PNS:
            return d["tmt"]  # CPNS and PPPK hold their first position
        if pos.cerita:
            months = rng.randint(24, 72)
        else:
            r = rng.random()
            months = (
                rng.randint(1, 23)
                if r < 0.2
                else rng.randint(24, 60)
                if r < 0.8
                else rng.randint(61, 150)
            )
        tmt = _months_back(self.as_of, months)
        if rng.random() < 0.3:
            tmt = tmt.replace(day=rng.randint(2, 28))
        lower = d["tmt_pns"] if pos.is_struktural else d["tmt"]
        return max(tmt, lower)

    def _nip(self, birth: date, tmt: date, gender: JenisKelamin, jenis: JenisPegawai) -> str:
        if jenis is JenisPegawai.PPPK:
            head = f"{birth:%Y%m%d}{tmt.year:04d}{_PPPK_CODE}{gender.nip_digit}"
        else:
            head = make_nip(birth, tmt, gender, 1).digits[:15]
        seq = self._nip_seq.get(head, 0) + 1
        self._nip_seq[head] = seq
        if jenis is JenisPegawai.PPPK:
            return f"{head}{seq:03d}"
        return make_nip(birth, tmt, gender, seq).digits

    # ---- status ----------------------------------------------------------------------------
    def _status(
        self, pos: Posisi, jenis: JenisPegawai, gender: JenisKelamin, birth: date
    ) -> tuple[StatusPegawai, bool, str | None]:
        rng = self.rng
        if pos.cerita:
            return StatusPegawai.AKTIF, False, None  # the story's people are all available
        notes = self._status_notes
        r = rng.random()
        status = StatusPegawai.AKTIF
        catatan = None
        if r < _P_CUTI:
            status = StatusPegawai.CUTI
            catatan = rng.choice(notes["cuti_perempuan" if gender is P else "cuti_laki"])
        elif (
            r < _P_CUTI + _P_TUGAS_BELAJAR
            and jenis is JenisPegawai.PNS
            and umur(birth, self.as_of) < 45
        ):
            status = StatusPegawai.TUGAS_BELAJAR
            catatan = rng.choice(notes["tugas_belajar"])
        hukdis = False
        if jenis is not JenisPegawai.PPPK and not pos.is_struktural and rng.random() < _P_HUKDIS:
            hukdis = True
            text = rng.choice(notes["hukuman_disiplin"])
            catatan = f"{catatan}; {text}" if catatan else text
        return status, hukdis, catatan

    # ---- history ---------------------------------------------------------------------------
    def _sk(self, code_new: str, code_old: str, d: date) -> tuple[str, date]:
        rng = self.rng
        unit = "BKPSDM" if d.year >= 2017 else "BKD"
        code = code_new if d.year >= 2023 else code_old
        nomor = f"{code}/{rng.randint(1, 999):03d}/{unit}/{_ROMAN_MONTH[d.month]}/{d.year}"
        return nomor, d - timedelta(days=rng.randint(7, 45))

    def _riwayat_jabatan(
        self, pid: int, pos: Posisi, jenis: JenisPegawai, d: dict[str, Any], tmt_jabatan: date
    ) -> None:
        rng = self.rng
        start = d["tmt"]
        span = _months_between(start, tmt_jabatan)
        n_prev = 0
        if jenis is JenisPegawai.PNS and span >= 12:
            n_prev = rng.choice((0, 1)) if span < 48 else rng.choice((1, 1, 2))
            if pos.is_struktural:
                # Heads climb: a first post as pelaksana, then (if there is time) one tier lower.
                n_prev = 2 if span >= 48 and pos.jenjang is not J.PENGAWAS else 1
        bounds = [start]
        if n_prev == 2:
            bounds.append(_months_back(start, -rng.randint(6, max(6, span - 6))))
        bounds.append(tmt_jabatan)
        out = self.rows.riwayat_jabatan
        for step in range(n_prev, 0, -1):
            mulai, selesai = bounds[n_prev - step], bounds[n_prev - step + 1]
            nama, unit_nama = self._earlier(pos, step, first=step == n_prev)
            nomor, tgl = self._sk("800.1.3.3", "821.2", mulai)
            out.append(
                {
                    "id": self._next("riwayat_jabatan"),
                    "pegawai_id": pid,
                    "jabatan_id": None,
                    "jabatan_nama": nama,
                    "unit_nama": unit_nama,
                    "tmt_mulai": mulai,
                    "tmt_selesai": selesai,
                    "nomor_sk": nomor,
                    "tanggal_sk": tgl,
                    "keterangan": None,
                }
            )
        nomor, tgl = self._sk("800.1.3.3", "821.2", tmt_jabatan)
        out.append(
            {
                "id": self._next("riwayat_jabatan"),
                "pegawai_id": pid,
                "jabatan_id": pos.id,
                "jabatan_nama": pos.nama,
                "unit_nama": pos.unit_nama,
                "tmt_mulai": tmt_jabatan,
                "tmt_selesai": None,
                "nomor_sk": nomor,
                "tanggal_sk": tgl,
                "keterangan": "Perjanjian kerja PPPK" if jenis is JenisPegawai.PPPK else None,
            }
        )

    def _earlier(self, pos: Posisi, step: int, *, first: bool) -> tuple[str, str]:
        """A plausible position held ``step`` moves before the current one.

        ``first`` marks the post taken at appointment: nobody starts as a head of a unit.
        """
        rng = self.rng
        if first and pos.is_struktural:
            pool = self._pool_profil.get((J.PELAKSANA, pos.profil)) or self._pool[J.PELAKSANA]
        elif pos.rumpun is not None:
            fam = self.data.fungsional.get(pos.rumpun)
            if fam is not None:
                levels = [JenjangJabatan(j) for j in fam["jenjang"]]
                idx = levels.index(pos.jenjang) if pos.jenjang in levels else len(levels)
                if idx - step >= 0:
                    return f"{pos.rumpun} {JENJANG_LABEL[levels[idx - step]]}", pos.unit_nama
            pool = self._pool_profil.get((J.PELAKSANA, pos.profil)) or self._pool[J.PELAKSANA]
        elif pos.jenjang in _LADDER:
            tier = _LADDER[max(_LADDER.index(pos.jenjang) - step, 0)]
            pool = self._pool_profil.get((tier, pos.profil)) or self._pool.get(tier) or []
        else:
            pool = []
        if not pool:
            pool = self._pool[J.PELAKSANA]
        other = rng.choice(pool)
        return other.nama, other.unit_nama

    def _riwayat_pangkat(self, pid: int, jenis: JenisPegawai, d: dict[str, Any]) -> None:
        out = self.rows.riwayat_pangkat
        if jenis is JenisPegawai.PPPK:
            out.append(
                {
                    "id": self._next("riwayat_pangkat"),
                    "pegawai_id": pid,
                    "golongan": d["golongan"].kode,
                    "tmt": d["tmt"],
                    "nomor_sk": self._sk("800.1.2.2", "813.3", d["tmt"])[0],
                    "tanggal_sk": None,
                    "keterangan": "Pengangkatan PPPK",
                }
            )
            return
        nomor, tgl = self._sk("800.1.2.2", "813.3", d["tmt"])
        out.append(
            {
                "id": self._next("riwayat_pangkat"),
                "pegawai_id": pid,
                "golongan": d["awal"].kode,
                "tmt": d["tmt"],
                "nomor_sk": nomor,
                "tanggal_sk": tgl,
                "keterangan": "Pengangkatan CPNS",
            }
        )
        gol = d["awal"]
        for when in d["steps"]:
            gol = ALL_PNS[gol.rank]  # the next golongan
            nomor, tgl = self._sk("800.1.3.2", "823.3", when)
            out.append(
                {
                    "id": self._next("riwayat_pangkat"),
                    "pegawai_id": pid,
                    "golongan": gol.kode,
                    "tmt": when,
                    "nomor_sk": nomor,
                    "tanggal_sk": tgl,
                    "keterangan": "Kenaikan pangkat reguler",
                }
            )

    # ---- skills, training, aspirations -----------------------------------------------------
    def _kompetensi(self, pid: int, pos: Posisi, prof: Profil, spec: dict[str, Any]) -> None:
        rng = self.rng
        names: list[str] = list(spec.get("kompetensi", ()))
        if not names:
            want = rng.choice((1, 2, 2, 3, 3, 4))
            if pos.syarat and rng.random() < 0.7:
                names.append(rng.choice(pos.syarat))
            tries = 0
            while len(names) < want and tries < 12:
                tries += 1
                pool = prof.kompetensi if rng.random() < 0.7 else self.data.kompetensi_umum
                name = rng.choice(pool)
                if name not in names:
                    names.append(name)
        out = self.rows.kompetensi
        for name in names:
            r = rng.random()
            tingkat = "dasar" if r < 0.3 else "menengah" if r < 0.8 else "mahir"
            out.append(
                {
                    "id": self._next("kompetensi"),
                    "pegawai_id": pid,
                    "nama": name,
                    "tingkat": tingkat,
                    "keterangan": None,
                }
            )

    def _pelatihan(
        self,
        pid: int,
        pos: Posisi,
        prof: Profil,
        jenis: JenisPegawai,
        d: dict[str, Any],
        tmt_jabatan: date,
        spec: dict[str, Any],
    ) -> None:
        rng = self.rng
        as_of = self.as_of
        start: date = d["tmt"]
        items: list[tuple[str, int, str, date]] = []
        if jenis is not JenisPegawai.PPPK:
            kelas = d["awal"].ruang_romawi
            when = _months_back(start, -rng.randint(3, 9))
            if start >= _LATSAR_FROM:
                items.append(
                    (
                        f"Pelatihan Dasar CPNS Golongan {kelas}",
                        240,
                        "BPSDM Provinsi Sulawesi Barat",
                        when,
                    )
                )
            elif rng.random() < 0.6:
                items.append(
                    (
                        f"Diklat Prajabatan Golongan {kelas}",
                        200,
                        "Badan Diklat Provinsi Sulawesi Barat",
                        when,
                    )
                )
        if pos.is_struktural:
            when = _months_back(tmt_jabatan, -rng.randint(3, 15))
            if when >= as_of:
                when = _months_back(tmt_jabatan, rng.randint(6, 30))
            new, old = _LEADERSHIP[pos.jenjang]
            name, jp, by = new if when >= _PKP_FROM else old
            items.append((name, jp, by, max(when, start)))
        for name in spec.get("pelatihan", ()):
            t = self._training_by_name.get(name, (name, 24, "BKPSDM Kabupaten Mamuju"))
            items.append((*t, self._date_between(start, as_of)))
        extra = rng.choice((0, 0, 1, 1, 1, 2, 2, 3))
        for _ in range(extra):
            if len(items) >= 4:
                break
            pool = (
                prof.pelatihan
                if prof.pelatihan and rng.random() < 0.7
                else (self.data.pelatihan_umum)
            )
            t = rng.choice(pool)
            if any(t[0] == it[0] for it in items):
                continue
            items.append((*t, self._date_between(start, as_of)))
        out = self.rows.pelatihan
        for name, jp, by, mulai in items[:4]:
            selesai = mulai + timedelta(days=max(2, jp // 8))
            out.append(
                {
                    "id": self._next("pelatihan"),
                    "pegawai_id": pid,
                    "nama": name,
                    "penyelenggara": by,
                    "tanggal_mulai": mulai,
                    "tanggal_selesai": selesai,
                    "jam_pelajaran": jp,
                    "status": "selesai" if selesai < as_of else "direncanakan",
                }
            )

    def _date_between(self, start: date, end: date) -> date:
        lo = max(start, date(2012, 1, 1)).toordinal()
        hi = end.toordinal() - 30
        return date.fromordinal(self.rng.randint(lo, hi) if hi > lo else lo)

    def _aspirasi_row(self, pid: int, pos: Posisi, spec: dict[str, Any]) -> None:
        rng = self.rng
        asp = spec.get("aspirasi")
        if asp is None:
            if pos.cerita or rng.random() >= _P_ASPIRASI:
                return
            r = rng.random()
            sikap = "bersedia" if r < 0.3 else "tidak_bersedia" if r < 0.65 else "ingin_pindah"
            asp = {"sikap": sikap, "alasan": rng.choice(self._aspirasi[sikap])}
            if sikap == "ingin_pindah":
                if pos.lokasi != KOTA and rng.random() < 0.6:
                    asp["opd_tujuan_id"] = pos.opd_id
                    asp["lokasi_tujuan"] = rng.choice((KOTA, KOTA, "Kalukku"))
                else:
                    asp["opd_tujuan_id"] = rng.choice(self._opd_list)
        opd_tujuan = asp.get("opd_tujuan_id")
        if "opd_tujuan" in asp:
            opd_tujuan = self.plan.opd_ids[asp["opd_tujuan"]]
        self.rows.aspirasi.append(
            {
                "id": self._next("aspirasi"),
                "pegawai_id": pid,
                "tanggal": self.as_of - timedelta(days=rng.randint(5, 200)),
                "sikap": asp["sikap"],
                "opd_tujuan_id": opd_tujuan,
                "lokasi_tujuan": asp.get("lokasi_tujuan"),
                "alasan": asp.get("alasan"),
                "sumber": rng.choice(self._aspirasi["sumber"]),
            }
        )
