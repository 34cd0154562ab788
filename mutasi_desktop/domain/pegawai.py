"""Staff vocabulary: employee kinds, statuses, gender, religion and education levels."""

from __future__ import annotations

from enum import StrEnum

from mutasi_desktop.domain.messages import QT_TRANSLATE_NOOP


class JenisPegawai(StrEnum):
    PNS = "PNS"
    CPNS = "CPNS"
    PPPK = "PPPK"

    @property
    def is_pns_like(self) -> bool:
        """CPNS and PNS share NIP layout, golongan/ruang and BUP rules."""
        return self is not JenisPegawai.PPPK


class StatusPegawai(StrEnum):
    AKTIF = "aktif"
    CUTI = "cuti"
    TUGAS_BELAJAR = "tugas_belajar"
    PENSIUN = "pensiun"
    DIBERHENTIKAN = "diberhentikan"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_in_service(self) -> bool:
        """Counted in the present headcount (bezetting)."""
        return self in (StatusPegawai.AKTIF, StatusPegawai.CUTI, StatusPegawai.TUGAS_BELAJAR)


STATUS_LABELS: dict[StatusPegawai, str] = {
    StatusPegawai.AKTIF: QT_TRANSLATE_NOOP("Pesan", "Aktif"),
    StatusPegawai.CUTI: QT_TRANSLATE_NOOP("Pesan", "Cuti"),
    StatusPegawai.TUGAS_BELAJAR: QT_TRANSLATE_NOOP("Pesan", "Tugas belajar"),
    StatusPegawai.PENSIUN: QT_TRANSLATE_NOOP("Pesan", "Pensiun"),
    StatusPegawai.DIBERHENTIKAN: QT_TRANSLATE_NOOP("Pesan", "Diberhentikan"),
}


class JenisKelamin(StrEnum):
    LAKI_LAKI = "L"
    PEREMPUAN = "P"

    @property
    def label(self) -> str:
        return "Laki-laki" if self is JenisKelamin.LAKI_LAKI else "Perempuan"

    @property
    def nip_digit(self) -> str:
        return "1" if self is JenisKelamin.LAKI_LAKI else "2"


_GENDER_WORDS = {
    "l": JenisKelamin.LAKI_LAKI,
    "lk": JenisKelamin.LAKI_LAKI,
    "m": JenisKelamin.LAKI_LAKI,
    "laki-laki": JenisKelamin.LAKI_LAKI,
    "laki laki": JenisKelamin.LAKI_LAKI,
    "lakilaki": JenisKelamin.LAKI_LAKI,
    "pria": JenisKelamin.LAKI_LAKI,
    "male": JenisKelamin.LAKI_LAKI,
    "1": JenisKelamin.LAKI_LAKI,
    "p": JenisKelamin.PEREMPUAN,
    "pr": JenisKelamin.PEREMPUAN,
    "f": JenisKelamin.PEREMPUAN,
    "w": JenisKelamin.PEREMPUAN,
    "perempuan": JenisKelamin.PEREMPUAN,
    "wanita": JenisKelamin.PEREMPUAN,
    "female": JenisKelamin.PEREMPUAN,
    "2": JenisKelamin.PEREMPUAN,
}


def parse_jenis_kelamin(text: str) -> JenisKelamin | None:
    """Accept L/P, M/F, Laki-laki/Perempuan, Pria/Wanita (any case); None when unknown."""
    return _GENDER_WORDS.get(" ".join(str(text).strip().lower().split()))


class Agama(StrEnum):
    ISLAM = "Islam"
    KRISTEN = "Kristen"
    KATOLIK = "Katolik"
    HINDU = "Hindu"
    BUDDHA = "Buddha"
    KONGHUCU = "Konghucu"


class TingkatPendidikan(StrEnum):
    """Education levels in ascending order (``rank`` compares them)."""

    SD = "SD"
    SMP = "SMP"
    SLTA = "SLTA"
    D1 = "D-I"
    D2 = "D-II"
    D3 = "D-III"
    D4 = "D-IV"
    S1 = "S-1"
    S2 = "S-2"
    S3 = "S-3"

    @property
    def rank(self) -> int:
        return list(TingkatPendidikan).index(self)


_EDU_WORDS: dict[str, TingkatPendidikan] = {
    "sd": TingkatPendidikan.SD,
    "smp": TingkatPendidikan.SMP,
    "sltp": TingkatPendidikan.SMP,
    "mts": TingkatPendidikan.SMP,
    "sma": TingkatPendidikan.SLTA,
    "slta": TingkatPendidikan.SLTA,
    "smk": TingkatPendidikan.SLTA,
    "ma": TingkatPendidikan.SLTA,
    "stm": TingkatPendidikan.SLTA,
    "smea": TingkatPendidikan.SLTA,
    "d1": TingkatPendidikan.D1,
    "di": TingkatPendidikan.D1,
    "d2": TingkatPendidikan.D2,
    "dii": TingkatPendidikan.D2,
    "d3": TingkatPendidikan.D3,
    "diii": TingkatPendidikan.D3,
    "d4": TingkatPendidikan.D4,
    "div": TingkatPendidikan.D4,
    "s1": TingkatPendidikan.S1,
    "si": TingkatPendidikan.S1,
    "s2": TingkatPendidikan.S2,
    "sii": TingkatPendidikan.S2,
    "s3": TingkatPendidikan.S3,
    "siii": TingkatPendidikan.S3,
}


def parse_tingkat_pendidikan(text: str) -> TingkatPendidikan | None:
    """Accept 'S1', 'S-1', 'S.1', 'D III', 'SMA', 'SLTA/SMK' style labels; None when unknown."""
    raw = str(text).strip().lower()
    if not raw:
        return None
    key = "".join(ch for ch in raw.split("/")[0] if ch.isalnum())
    return _EDU_WORDS.get(key)


def nama_lengkap(
    nama: str, gelar_depan: str | None = None, gelar_belakang: str | None = None
) -> str:
    """Name as printed on letters: 'Dr. Andi Baso, S.Sos., M.Si.'."""
    text = f"{gelar_depan.strip()} {nama}" if gelar_depan and gelar_depan.strip() else nama
    if gelar_belakang and gelar_belakang.strip():
        text = f"{text}, {gelar_belakang.strip()}"
    return text
