"""Plain inputs and results of ``PlanningService``: what the GUI and the CLI hold and show.

Everything here is a frozen dataclass of plain values (no ORM objects); ids are database ids.
Rule findings are ``domain.mutasi_rules.RuleResult`` (``.message()`` gives the Indonesian text).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mutasi_desktop.domain.mutasi_rules import (
    JenisKebutuhan,
    JenisMutasi,
    Keparahan,
    RuleResult,
)
from mutasi_desktop.domain.mutasi_workflow import (
    JamKeberatan,
    StatusBatch,
    StatusKeberatan,
    StatusPelatihan,
    StatusUsulan,
    SumberUsulan,
    Tenggat,
    Transisi,
    langkah_tersedia,
)
from mutasi_desktop.domain.optimiser_model import CostWeights

# ------------------------------------------------------------------------------ proposals


@dataclass(frozen=True)
class UsulanDraft:
    """A proposal as typed (or accepted from a plan).

    ``jabatan_asal_id`` None means the person's current position (for ``antar_opd`` and
    ``keluar``); ``tmt_rencana`` None means the 1st of next month; ``instansi_lain`` names the
    other agency of a ``keluar`` or ``masuk`` move.
    """

    pegawai_id: int
    jabatan_tujuan_id: int | None = None
    jenis: JenisMutasi = JenisMutasi.ANTAR_OPD
    jabatan_asal_id: int | None = None
    alasan: str | None = None
    tmt_rencana: date | None = None
    instansi_lain: str | None = None


@dataclass(frozen=True)
class Tempat:
    """A position with its unit and OPD, as lists and decrees show it."""

    jabatan_id: int
    jabatan: str
    unit_id: int
    unit: str
    opd_id: int
    opd: str

    @property
    def teks(self) -> str:
        return f"{self.jabatan}, {self.unit}" + (f", {self.opd}" if self.opd != self.unit else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "jabatan_id": self.jabatan_id,
            "jabatan": self.jabatan,
            "unit_id": self.unit_id,
            "unit": self.unit,
            "opd_id": self.opd_id,
            "opd": self.opd,
        }


@dataclass(frozen=True)
class Pengabaian:
    """A written reason that overrides one warning, with who wrote it and when."""

    kode: str
    alasan: str
    oleh: str
    waktu: datetime


@dataclass(frozen=True)
class UsulanInfo:
    """One proposal as a list row. ``aturan`` is the rule check stored at the last save or
    step (``PlanningService.get`` re-checks live)."""

    id: int
    pegawai_id: int
    nip: str
    nama: str
    golongan: str | None
    jenis: JenisMutasi
    asal: Tempat | None
    tujuan: Tempat | None
    instansi_lain: str | None
    alasan: str | None
    tmt_rencana: date | None
    status: StatusUsulan
    sumber: SumberUsulan
    batch_id: int | None
    batch_nama: str | None
    aturan: tuple[RuleResult, ...]
    pengabaian: Mapping[str, Pengabaian]
    versi: int
    dibuat_oleh: str
    dibuat_pada: datetime
    diubah_pada: datetime

    @property
    def blokir(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.aturan if r.severity is Keparahan.BLOKIR)

    @property
    def belum_dialasankan(self) -> tuple[RuleResult, ...]:
        """Warnings still waiting for a written reason."""
        return tuple(r for r in self.aturan if r.needs_reason and r.code not in self.pengabaian)

    @property
    def siap_lanjut(self) -> bool:
        """No blocking finding and every warning answered: the next step can be taken."""
        return not self.blokir and not self.belum_dialasankan

    @property
    def langkah(self) -> tuple[Transisi, ...]:
        """The workflow steps available from the current state (buttons and menus)."""
        return langkah_tersedia(self.status)


@dataclass(frozen=True)
class RiwayatInfo:
    """One step in a proposal's history."""

    dari: StatusUsulan | None
    ke: StatusUsulan
    langkah: str
    oleh: str
    waktu: datetime
    catatan: str | None


@dataclass(frozen=True)
class UsulanDetail:
    """One proposal opened: its row, the rules re-checked now, its history, training needs and
    objections."""

    usulan: UsulanInfo
    aturan: tuple[RuleResult, ...]
    riwayat: tuple[RiwayatInfo, ...]
    pelatihan: tuple[KebutuhanPelatihanInfo, ...]
    keberatan: tuple[KeberatanInfo, ...]

    @property
    def belum_dialasankan(self) -> tuple[RuleResult, ...]:
        return tuple(
            r for r in self.aturan if r.needs_reason and r.code not in self.usulan.pengabaian
        )


@dataclass(frozen=True)
class UsulanChange:
    """What a write did to one proposal; ``audit_id`` None when nothing changed."""

    usulan: UsulanInfo
    audit_id: int | None

    @property
    def berubah(self) -> bool:
        return self.audit_id is not None


@dataclass(frozen=True)
class UsulanFilter:
    status: frozenset[StatusUsulan] | None = None
    pegawai_id: int | None = None
    opd_id: int | None = None  # source or target OPD
    batch_id: int | None = None
    sumber: SumberUsulan | None = None
    teks: str | None = None  # name or NIP fragment


@dataclass(frozen=True)
class BatchInfo:
    """A batch of approved proposals that becomes one decree."""

    id: int
    nama: str
    status: StatusBatch
    catatan: str | None
    dibuat_oleh: str
    dibuat_pada: datetime
    nomor_sk: str | None
    tanggal_sk: date | None
    sk_id: int | None
    usulan_ids: tuple[int, ...]

    @property
    def jumlah(self) -> int:
        return len(self.usulan_ids)


# ------------------------------------------------------------------------------ consultation


@dataclass(frozen=True)
class ForumDraft:
    tanggal: date
    tempat: str
    judul: str
    opd_id: int | None = None
    peserta: str | None = None  # one participant or group per line
    catatan: str | None = None


@dataclass(frozen=True)
class ForumInfo:
    id: int
    tanggal: date
    tempat: str
    judul: str
    opd_id: int | None
    opd: str | None
    peserta: str | None
    catatan: str | None
    dibuat_oleh: str
    jumlah_aspirasi: int

    @property
    def label(self) -> str:
        """The marker stored as the source of aspirations recorded at this forum."""
        return forum_label(self.id, self.tanggal, self.tempat)


def forum_label(forum_id: int, tanggal: date, tempat: str) -> str:
    from mutasi_desktop.domain.tanggal import format_tanggal

    return f"Forum konsultasi #{forum_id}: {format_tanggal(tanggal)}, {tempat}"[:100]


@dataclass(frozen=True)
class AspirasiInfo:
    id: int
    pegawai_id: int
    nip: str
    nama: str
    sikap: str
    sikap_label: str
    tanggal: date | None
    opd_tujuan_id: int | None
    opd_tujuan: str | None
    lokasi_tujuan: str | None
    alasan: str | None
    sumber: str | None
    forum_id: int | None


@dataclass(frozen=True)
class KeberatanDraft:
    pegawai_id: int
    tanggal_sk: date
    tanggal_diajukan: date
    isi: str
    nomor_sk: str | None = None
    usulan_id: int | None = None
    batch_id: int | None = None


@dataclass(frozen=True)
class KeberatanInfo:
    """An objection with its two clocks computed for today (``jam``)."""

    id: int
    pegawai_id: int
    nip: str
    nama: str
    usulan_id: int | None
    batch_id: int | None
    nomor_sk: str | None
    tanggal_sk: date
    tanggal_diajukan: date
    tanggal_jawaban: date | None
    status: StatusKeberatan
    isi: str
    jawaban: str | None
    jam: JamKeberatan

    @property
    def batas_pengajuan(self) -> date:
        return self.jam.batas_pengajuan

    @property
    def batas_jawaban(self) -> date:
        return self.jam.batas_jawaban

    @property
    def tepat_waktu(self) -> bool:
        return self.jam.tepat_waktu

    @property
    def sisa_hari(self) -> int | None:
        return self.jam.sisa_hari

    @property
    def tenggat(self) -> Tenggat:
        return self.jam.tenggat

    @property
    def lewat(self) -> bool:
        """Answer overdue: highlight in red."""
        return self.jam.lewat


# ------------------------------------------------------------------------------ training


@dataclass(frozen=True)
class PelatihanDraft:
    nama_pelatihan: str
    penyelenggara: str | None = None
    tanggal_mulai: date | None = None
    tanggal_selesai: date | None = None
    jam_pelajaran: int | None = None


@dataclass(frozen=True)
class KebutuhanPelatihanInfo:
    id: int
    usulan_id: int | None
    pegawai_id: int
    nip: str
    nama: str
    topik: str
    jenis: JenisKebutuhan
    status: StatusPelatihan
    nama_pelatihan: str | None
    penyelenggara: str | None
    tanggal_mulai: date | None
    tanggal_selesai: date | None
    jam_pelajaran: int | None
    pelatihan_id: int | None
    catatan: str | None


# ------------------------------------------------------------------------------ optimiser


@dataclass(frozen=True)
class PlanOptions:
    """What to plan. ``tahun``/``skenario`` pick the ABK (default: newest year, stored drivers);
    ``tmt`` defaults to the 1st of next month.

    ``terkunci``: (pegawai_id, jabatan_id) moves to keep as they are (accepted earlier);
    ``dikecualikan``: people to leave alone; ``ditolak``: (pegawai_id, jabatan_id) moves the user
    rejected (the person may still go elsewhere).
    """

    tahun: int | None = None
    skenario: str | None = None
    tmt: date | None = None
    max_moves: int | None = None
    allow_unwilling: bool = False
    terkunci: tuple[tuple[int, int], ...] = ()
    dikecualikan: frozenset[int] = frozenset()
    ditolak: frozenset[tuple[int, int]] = frozenset()
    min_kecocokan: float = 0.5
    jenjang_sama: bool = True
    sertakan_struktural: bool = False
    horizon_bulan: int = 12
    bobot: CostWeights = field(default_factory=CostWeights)
    force_mip: bool = False
    time_limit: float = 60.0


@dataclass(frozen=True)
class BalanceRow:
    """Need and headcount of a position, a unit, an OPD or the regency, before and after.

    ``ada``: register today; ``rencana``: net effect of proposals already on their way;
    ``masuk``/``keluar``: this plan's moves. Shortages and surpluses are summed per position,
    never netted across positions (reference §1.6).
    """

    id: int | None
    nama: str
    opd: str | None
    kebutuhan: int
    ada: int
    rencana: int
    masuk: int
    keluar: int
    kurang_sebelum: int
    lebih_sebelum: int
    kurang_sesudah: int
    lebih_sesudah: int

    @property
    def sebelum(self) -> int:
        """Headcount the plan starts from (register plus proposals under way)."""
        return self.ada + self.rencana

    @property
    def sesudah(self) -> int:
        return self.sebelum + self.masuk - self.keluar

    @property
    def selisih_sebelum(self) -> int:
        return self.sebelum - self.kebutuhan

    @property
    def selisih_sesudah(self) -> int:
        return self.sesudah - self.kebutuhan

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "nama": self.nama,
            "opd": self.opd,
            "kebutuhan": self.kebutuhan,
            "ada": self.ada,
            "rencana": self.rencana,
            "sebelum": self.sebelum,
            "masuk": self.masuk,
            "keluar": self.keluar,
            "sesudah": self.sesudah,
            "selisih_sebelum": self.selisih_sebelum,
            "selisih_sesudah": self.selisih_sesudah,
            "kurang_sebelum": self.kurang_sebelum,
            "kurang_sesudah": self.kurang_sesudah,
            "lebih_sebelum": self.lebih_sebelum,
            "lebih_sesudah": self.lebih_sesudah,
        }


@dataclass(frozen=True)
class PlanBalance:
    jabatan: tuple[BalanceRow, ...]  # positions moved, under way, short or in surplus
    unit: tuple[BalanceRow, ...]
    opd: tuple[BalanceRow, ...]
    total: BalanceRow

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total.to_json(),
            "opd": [r.to_json() for r in self.opd],
            "unit": [r.to_json() for r in self.unit],
            "jabatan": [r.to_json() for r in self.jabatan],
        }


@dataclass(frozen=True)
class PlanMove:
    """One proposed move and why.

    ``alasan``: Indonesian sentences — the shortage it closes (with the numbers before and
    after the plan), why this person (competencies, education, rank, aspiration, time in post),
    the source that stays balanced. ``aturan``: every rule checked for this move, with its
    result. ``bagian_biaya``: the cost parts the optimiser weighed.
    """

    id: str
    pegawai_id: int
    nip: str
    nama: str
    golongan: str | None
    pendidikan: str | None
    asal: Tempat
    tujuan: Tempat
    terkunci: bool
    biaya: int
    bagian_biaya: tuple[tuple[str, int], ...]
    kecocokan: float
    kompetensi_cocok: tuple[str, ...]
    kompetensi_kurang: tuple[str, ...]
    alasan: tuple[str, ...]
    aturan: tuple[RuleResult, ...]

    @property
    def peringatan(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.aturan if r.needs_reason)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person": {"nip": self.nip, "nama": self.nama, "pegawai_id": self.pegawai_id},
            "from": {
                "unit": self.asal.unit,
                "jabatan": self.asal.jabatan,
                "opd": self.asal.opd,
                "jabatan_id": self.asal.jabatan_id,
            },
            "to": {
                "unit": self.tujuan.unit,
                "jabatan": self.tujuan.jabatan,
                "opd": self.tujuan.opd,
                "jabatan_id": self.tujuan.jabatan_id,
            },
            "locked": self.terkunci,
            "reasons": list(self.alasan),
            "rules": [r.to_json() for r in self.aturan],
            "cost": self.biaya,
            "cost_parts": dict(self.bagian_biaya),
            "skill_match": self.kecocokan,
            "training_needs": list(self.kompetensi_kurang),
        }


@dataclass(frozen=True)
class Unmoved:
    """A person of a surplus position the plan left alone, and why (rule codes)."""

    pegawai_id: int
    nip: str
    nama: str
    jabatan_id: int | None
    alasan: tuple[str, ...]


@dataclass(frozen=True)
class PlanResult:
    """A whole recommended plan.

    ``objective`` is the solver's value Σ (cost − weight) over moves; ``gap`` the relative
    optimality gap it proved (0.0: optimal); ``status`` "optimal" or "time_limit";
    ``method`` "lp" (integral flow LP) or "mip". ``kekurangan_*`` count shortage units over
    all positions with ABK.
    """

    id: str
    tahun: int
    skenario: str | None
    tmt: date
    dibuat: datetime
    options: PlanOptions
    moves: tuple[PlanMove, ...]
    balance: PlanBalance
    objective: float
    bound: float
    gap: float
    status: str
    method: str
    weight: int
    cost: int
    kekurangan_sebelum: int
    kekurangan_sesudah: int
    kelebihan_sebelum: int
    kelebihan_sesudah: int
    usulan_terbuka: int
    dilewati: tuple[Unmoved, ...]
    stats: Mapping[str, float]

    @property
    def tertutup(self) -> int:
        return self.kekurangan_sebelum - self.kekurangan_sesudah

    def move(self, move_id: str) -> PlanMove | None:
        return next((m for m in self.moves if m.id == move_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "tahun": self.tahun,
            "skenario": self.skenario,
            "tmt": self.tmt.isoformat(),
            "status": self.status,
            "method": self.method,
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "weight": self.weight,
            "cost": self.cost,
            "moves": [m.to_json() for m in self.moves],
            "summary": {
                "moves": len(self.moves),
                "kekurangan_sebelum": self.kekurangan_sebelum,
                "kekurangan_sesudah": self.kekurangan_sesudah,
                "kekurangan_tertutup": self.tertutup,
                "kelebihan_sebelum": self.kelebihan_sebelum,
                "kelebihan_sesudah": self.kelebihan_sesudah,
                "usulan_terbuka": self.usulan_terbuka,
            },
            "balance": self.balance.to_json(),
            "skipped": [
                {
                    "nip": u.nip,
                    "nama": u.nama,
                    "jabatan_id": u.jabatan_id,
                    "reasons": list(u.alasan),
                }
                for u in self.dilewati
            ],
            "stats": dict(self.stats),
        }
