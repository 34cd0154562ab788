"""The life of a transfer proposal (states, steps, who may take them) and objection clocks.

    draf          → diverifikasi (verifikasi) | ditolak (tolak) | ditarik (tarik)
    diverifikasi  → disetujui (setujui) | draf (kembalikan) | ditolak (tolak) | ditarik (tarik)
    disetujui     → dalam_sk (masuk_sk) | draf (kembalikan) | ditarik (tarik)
    dalam_sk      → dilaksanakan (laksanakan) | disetujui (batal_sk)
    dilaksanakan, ditolak, ditarik: final

Each step names the permission (``Hak``) it needs. ``Hak`` values equal the members of
``services.context.Action`` (the domain cannot import services), so the accounts issue plugs
roles in by mapping role → actions in a ``PermissionPolicy``; ``PERAN_DISARANKAN`` is the
suggested mapping (design.md §6 roles).

Objections (keberatan, PP 79/2021 as practised by BKPSDM Banggai [S]): filed within 14 days of
the decree, answered by the PPK within 21 days of filing. Days are calendar days [UNVERIFIED];
both numbers are parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.messages import QT_TRANSLATE_NOOP


class StatusUsulan(StrEnum):
    DRAF = "draf"
    DIVERIFIKASI = "diverifikasi"
    DISETUJUI = "disetujui"
    DALAM_SK = "dalam_sk"
    DILAKSANAKAN = "dilaksanakan"
    DITOLAK = "ditolak"
    DITARIK = "ditarik"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def terbuka(self) -> bool:
        """Still on its way: the move counts as planned (balances, duplicate checks)."""
        return self in STATUS_TERBUKA

    @property
    def final(self) -> bool:
        return self in (StatusUsulan.DILAKSANAKAN, StatusUsulan.DITOLAK, StatusUsulan.DITARIK)

    @property
    def dapat_diubah(self) -> bool:
        """Only a draft may be edited; later states are edited by returning them to draft."""
        return self is StatusUsulan.DRAF


_STATUS_LABELS = {
    StatusUsulan.DRAF: QT_TRANSLATE_NOOP("Pesan", "Draf"),
    StatusUsulan.DIVERIFIKASI: QT_TRANSLATE_NOOP("Pesan", "Diverifikasi"),
    StatusUsulan.DISETUJUI: QT_TRANSLATE_NOOP("Pesan", "Disetujui"),
    StatusUsulan.DALAM_SK: QT_TRANSLATE_NOOP("Pesan", "Dalam SK"),
    StatusUsulan.DILAKSANAKAN: QT_TRANSLATE_NOOP("Pesan", "Dilaksanakan"),
    StatusUsulan.DITOLAK: QT_TRANSLATE_NOOP("Pesan", "Ditolak"),
    StatusUsulan.DITARIK: QT_TRANSLATE_NOOP("Pesan", "Ditarik"),
}

STATUS_TERBUKA = frozenset(
    {
        StatusUsulan.DRAF,
        StatusUsulan.DIVERIFIKASI,
        StatusUsulan.DISETUJUI,
        StatusUsulan.DALAM_SK,
    }
)


class Hak(StrEnum):
    """Permissions of the transfer workflow; each value is an ``Action`` value."""

    BACA = "mutasi.baca"
    DRAF = "mutasi.draf"
    VERIFIKASI = "mutasi.verifikasi"
    PERSETUJUAN = "mutasi.setujui"
    SK = "mutasi.sk"
    PELAKSANAAN = "mutasi.laksanakan"


# Suggested roles (design.md §6); the accounts issue decides, this only documents the intent.
PERAN_DISARANKAN: dict[str, frozenset[Hak]] = {
    "operator": frozenset({Hak.BACA, Hak.DRAF}),
    "verifikator": frozenset({Hak.BACA, Hak.VERIFIKASI}),
    "penyetuju": frozenset({Hak.BACA, Hak.PERSETUJUAN}),
    "administrator": frozenset(Hak),
}


class Langkah(StrEnum):
    VERIFIKASI = "verifikasi"
    SETUJUI = "setujui"
    TOLAK = "tolak"
    TARIK = "tarik"
    KEMBALIKAN = "kembalikan"
    MASUK_SK = "masuk_sk"
    BATAL_SK = "batal_sk"
    LAKSANAKAN = "laksanakan"

    @property
    def label(self) -> str:
        return _LANGKAH_LABELS[self]


_LANGKAH_LABELS = {
    Langkah.VERIFIKASI: QT_TRANSLATE_NOOP("Pesan", "Verifikasi"),
    Langkah.SETUJUI: QT_TRANSLATE_NOOP("Pesan", "Setujui"),
    Langkah.TOLAK: QT_TRANSLATE_NOOP("Pesan", "Tolak"),
    Langkah.TARIK: QT_TRANSLATE_NOOP("Pesan", "Tarik kembali"),
    Langkah.KEMBALIKAN: QT_TRANSLATE_NOOP("Pesan", "Kembalikan ke draf"),
    Langkah.MASUK_SK: QT_TRANSLATE_NOOP("Pesan", "Masukkan ke SK"),
    Langkah.BATAL_SK: QT_TRANSLATE_NOOP("Pesan", "Keluarkan dari SK"),
    Langkah.LAKSANAKAN: QT_TRANSLATE_NOOP("Pesan", "Tandai dilaksanakan"),
}


@dataclass(frozen=True)
class Transisi:
    """One allowed step from one state.

    ``perlu_catatan``: a written note is required (refusals, withdrawals after approval).
    ``perlu_lolos_aturan``: the rules are re-checked; no blocking finding may remain and every
    warning needs an override reason.
    """

    langkah: Langkah
    dari: StatusUsulan
    ke: StatusUsulan
    hak: Hak
    perlu_catatan: bool = False
    perlu_lolos_aturan: bool = False


_S = StatusUsulan
TRANSISI: tuple[Transisi, ...] = (
    Transisi(Langkah.VERIFIKASI, _S.DRAF, _S.DIVERIFIKASI, Hak.VERIFIKASI, perlu_lolos_aturan=True),
    Transisi(Langkah.TOLAK, _S.DRAF, _S.DITOLAK, Hak.VERIFIKASI, perlu_catatan=True),
    Transisi(Langkah.TARIK, _S.DRAF, _S.DITARIK, Hak.DRAF),
    Transisi(
        Langkah.SETUJUI, _S.DIVERIFIKASI, _S.DISETUJUI, Hak.PERSETUJUAN, perlu_lolos_aturan=True
    ),
    Transisi(Langkah.TOLAK, _S.DIVERIFIKASI, _S.DITOLAK, Hak.PERSETUJUAN, perlu_catatan=True),
    Transisi(Langkah.KEMBALIKAN, _S.DIVERIFIKASI, _S.DRAF, Hak.PERSETUJUAN, perlu_catatan=True),
    Transisi(Langkah.TARIK, _S.DIVERIFIKASI, _S.DITARIK, Hak.DRAF),
    Transisi(Langkah.MASUK_SK, _S.DISETUJUI, _S.DALAM_SK, Hak.SK, perlu_lolos_aturan=True),
    Transisi(Langkah.KEMBALIKAN, _S.DISETUJUI, _S.DRAF, Hak.PERSETUJUAN, perlu_catatan=True),
    Transisi(Langkah.TARIK, _S.DISETUJUI, _S.DITARIK, Hak.PERSETUJUAN, perlu_catatan=True),
    Transisi(Langkah.BATAL_SK, _S.DALAM_SK, _S.DISETUJUI, Hak.SK, perlu_catatan=True),
    Transisi(Langkah.LAKSANAKAN, _S.DALAM_SK, _S.DILAKSANAKAN, Hak.PELAKSANAAN),
)
_BY_KEY = {(t.langkah, t.dari): t for t in TRANSISI}


def transisi(langkah: Langkah, dari: StatusUsulan) -> Transisi:
    """The step ``langkah`` from state ``dari``; ``mutasi.transisi_tidak_sah`` if not allowed."""
    found = _BY_KEY.get((langkah, dari))
    if found is None:
        raise DomainError("mutasi.transisi_tidak_sah", langkah=langkah.label, status=dari.label)
    return found


def langkah_tersedia(dari: StatusUsulan) -> tuple[Transisi, ...]:
    """The steps a proposal in state ``dari`` can take (for menus and buttons)."""
    return tuple(t for t in TRANSISI if t.dari is dari)


# ------------------------------------------------------------------------------ objections


BATAS_PENGAJUAN_HARI = 14
BATAS_JAWABAN_HARI = 21
HAMPIR_HARI = 3  # "near the deadline" on the home screen


class StatusKeberatan(StrEnum):
    DIAJUKAN = "diajukan"
    DITERIMA = "diterima"  # granted (dikabulkan)
    DITOLAK = "ditolak"
    TIDAK_DAPAT_DITERIMA = "tidak_dapat_diterima"  # filed after the deadline
    DICABUT = "dicabut"

    @property
    def label(self) -> str:
        return _KEBERATAN_LABELS[self]

    @property
    def selesai(self) -> bool:
        return self is not StatusKeberatan.DIAJUKAN


_KEBERATAN_LABELS = {
    StatusKeberatan.DIAJUKAN: QT_TRANSLATE_NOOP("Pesan", "Diajukan, menunggu jawaban"),
    StatusKeberatan.DITERIMA: QT_TRANSLATE_NOOP("Pesan", "Dikabulkan"),
    StatusKeberatan.DITOLAK: QT_TRANSLATE_NOOP("Pesan", "Ditolak"),
    StatusKeberatan.TIDAK_DAPAT_DITERIMA: QT_TRANSLATE_NOOP(
        "Pesan", "Tidak dapat diterima (melewati batas waktu)"
    ),
    StatusKeberatan.DICABUT: QT_TRANSLATE_NOOP("Pesan", "Dicabut"),
}


class Tenggat(StrEnum):
    """How urgent an objection is: the colour of its row."""

    AMAN = "aman"
    DEKAT = "dekat"  # answer due within HAMPIR_HARI days
    LEWAT = "lewat"  # answer overdue
    SELESAI = "selesai"

    @property
    def label(self) -> str:
        return _TENGGAT_LABELS[self]


_TENGGAT_LABELS = {
    Tenggat.AMAN: QT_TRANSLATE_NOOP("Pesan", "Masih dalam batas waktu"),
    Tenggat.DEKAT: QT_TRANSLATE_NOOP("Pesan", "Mendekati batas waktu"),
    Tenggat.LEWAT: QT_TRANSLATE_NOOP("Pesan", "Melewati batas waktu"),
    Tenggat.SELESAI: QT_TRANSLATE_NOOP("Pesan", "Selesai"),
}


@dataclass(frozen=True)
class JamKeberatan:
    """The two legal clocks of an objection on a given day.

    ``batas_pengajuan``: last day to file (decree date + 14). ``tepat_waktu``: whether it was
    filed by then. ``batas_jawaban``: last day for the PPK's answer (filing date + 21).
    ``sisa_hari``: days left to answer (negative: overdue), None once answered or closed.
    """

    batas_pengajuan: date
    tepat_waktu: bool
    batas_jawaban: date
    sisa_hari: int | None
    dijawab_terlambat: bool
    tenggat: Tenggat

    @property
    def lewat(self) -> bool:
        return self.tenggat is Tenggat.LEWAT


def jam_keberatan(
    tanggal_sk: date,
    tanggal_diajukan: date,
    tanggal_jawaban: date | None,
    status: StatusKeberatan,
    today: date,
    *,
    batas_pengajuan_hari: int = BATAS_PENGAJUAN_HARI,
    batas_jawaban_hari: int = BATAS_JAWABAN_HARI,
    hampir_hari: int = HAMPIR_HARI,
) -> JamKeberatan:
    batas_pengajuan = tanggal_sk + timedelta(days=batas_pengajuan_hari)
    tepat = tanggal_diajukan <= batas_pengajuan
    batas_jawaban = tanggal_diajukan + timedelta(days=batas_jawaban_hari)
    dijawab_terlambat = tanggal_jawaban is not None and tanggal_jawaban > batas_jawaban
    if status.selesai or tanggal_jawaban is not None:
        return JamKeberatan(
            batas_pengajuan, tepat, batas_jawaban, None, dijawab_terlambat, Tenggat.SELESAI
        )
    sisa = (batas_jawaban - today).days
    if sisa < 0:
        tenggat = Tenggat.LEWAT
    elif sisa <= hampir_hari:
        tenggat = Tenggat.DEKAT
    else:
        tenggat = Tenggat.AMAN
    return JamKeberatan(batas_pengajuan, tepat, batas_jawaban, sisa, False, tenggat)


# ------------------------------------------------------------------------------ other states


class SumberUsulan(StrEnum):
    MANUAL = "manual"
    OPTIMISER = "optimiser"

    @property
    def label(self) -> str:
        return _SUMBER_LABELS[self]


_SUMBER_LABELS = {
    SumberUsulan.MANUAL: QT_TRANSLATE_NOOP("Pesan", "Diusulkan petugas"),
    SumberUsulan.OPTIMISER: QT_TRANSLATE_NOOP("Pesan", "Dari rekomendasi optimasi"),
}


class StatusBatch(StrEnum):
    """A batch of approved proposals that becomes one collective decree."""

    TERBUKA = "terbuka"  # proposals may be added and removed
    DALAM_SK = "dalam_sk"  # a decree is being drafted or issued from it
    SELESAI = "selesai"  # every move carried out
    DIBATALKAN = "dibatalkan"

    @property
    def label(self) -> str:
        return _BATCH_LABELS[self]


_BATCH_LABELS = {
    StatusBatch.TERBUKA: QT_TRANSLATE_NOOP("Pesan", "Terbuka"),
    StatusBatch.DALAM_SK: QT_TRANSLATE_NOOP("Pesan", "Dalam SK"),
    StatusBatch.SELESAI: QT_TRANSLATE_NOOP("Pesan", "Selesai"),
    StatusBatch.DIBATALKAN: QT_TRANSLATE_NOOP("Pesan", "Dibatalkan"),
}


class StatusPelatihan(StrEnum):
    """A training need after a transfer."""

    DIRENCANAKAN = "direncanakan"
    SELESAI = "selesai"
    DIBATALKAN = "dibatalkan"

    @property
    def label(self) -> str:
        return _PELATIHAN_LABELS[self]


_PELATIHAN_LABELS = {
    StatusPelatihan.DIRENCANAKAN: QT_TRANSLATE_NOOP("Pesan", "Direncanakan"),
    StatusPelatihan.SELESAI: QT_TRANSLATE_NOOP("Pesan", "Selesai"),
    StatusPelatihan.DIBATALKAN: QT_TRANSLATE_NOOP("Pesan", "Dibatalkan"),
}
