"""Transfer (mutasi) rule checks over plain facts, skill matching and training gaps.

Every check is a pure function of frozen dataclasses (the person, the source and target
positions with their ABK balance, the kind of move, today, the planned TMT and the planning
horizon) and yields ``RuleResult(code, severity, params)``. Codes are stable: tests, stored
proposals, overrides and the Indonesian templates in ``domain/messages.py`` key on them.

Severity: ``blokir`` refuses the move and cannot be overridden; ``peringatan`` may be overridden
with a written reason (audited); ``info`` is shown and needs nothing. Legal sources per code are
in ``RULE_SOURCES`` (reference.md §2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from mutasi_desktop.domain.golongan import parse_golongan
from mutasi_desktop.domain.jabatan import JenisJabatan, JenjangJabatan, bup_for, tanggal_pensiun
from mutasi_desktop.domain.messages import QT_TRANSLATE_NOOP, render
from mutasi_desktop.domain.pegawai import JenisPegawai, StatusPegawai, TingkatPendidikan
from mutasi_desktop.domain.pencarian import fold
from mutasi_desktop.domain.tanggal import format_tanggal, masa_kerja, tambah_bulan


class Keparahan(StrEnum):
    BLOKIR = "blokir"
    PERINGATAN = "peringatan"
    INFO = "info"

    @property
    def label(self) -> str:
        return _KEPARAHAN_LABELS[self]

    @property
    def urutan(self) -> int:
        return _KEPARAHAN_URUTAN[self]


_KEPARAHAN_LABELS = {
    Keparahan.BLOKIR: QT_TRANSLATE_NOOP("Pesan", "Menghalangi"),
    Keparahan.PERINGATAN: QT_TRANSLATE_NOOP("Pesan", "Peringatan"),
    Keparahan.INFO: QT_TRANSLATE_NOOP("Pesan", "Informasi"),
}
_KEPARAHAN_URUTAN = {Keparahan.BLOKIR: 0, Keparahan.PERINGATAN: 1, Keparahan.INFO: 2}


class JenisMutasi(StrEnum):
    """Kind of move: inside the regency (between or within OPDs), out of it, or into it."""

    ANTAR_OPD = "antar_opd"
    KELUAR = "keluar"
    MASUK = "masuk"

    @property
    def label(self) -> str:
        return _JENIS_LABELS[self]

    @property
    def antar_instansi(self) -> bool:
        """Out of or into another agency (another regency, the province, the centre)."""
        return self is not JenisMutasi.ANTAR_OPD

    @property
    def punya_asal(self) -> bool:
        """The person leaves a position of this regency."""
        return self is not JenisMutasi.MASUK

    @property
    def punya_tujuan(self) -> bool:
        """The person takes up a position of this regency."""
        return self is not JenisMutasi.KELUAR


_JENIS_LABELS = {
    JenisMutasi.ANTAR_OPD: QT_TRANSLATE_NOOP("Pesan", "Antar-OPD dalam Pemerintah Kabupaten"),
    JenisMutasi.KELUAR: QT_TRANSLATE_NOOP("Pesan", "Pindah keluar (ke instansi lain)"),
    JenisMutasi.MASUK: QT_TRANSLATE_NOOP("Pesan", "Pindah masuk (dari instansi lain)"),
}

# ------------------------------------------------------------------------------------ codes

MASA_JABATAN_KURANG_2 = "mutasi.masa_jabatan_kurang_2"
MASA_JABATAN_LEBIH_5 = "mutasi.masa_jabatan_lebih_5"
SEPULUH_TAHUN = "mutasi.sepuluh_tahun"
SEPULUH_TAHUN_TIDAK_DIKETAHUI = "mutasi.sepuluh_tahun_tidak_diketahui"
BUP_DEKAT = "mutasi.bup_dekat"
PENSIUN_SEBELUM_TMT = "mutasi.pensiun_sebelum_tmt"
PPPK_KELUAR = "mutasi.pppk_keluar"
PPPK_MASUK = "mutasi.pppk_masuk"
PPPK_INTERNAL = "mutasi.pppk_internal"
KONTRAK_BERAKHIR = "mutasi.kontrak_berakhir"
KONTRAK_BERAKHIR_SEBELUM_TMT = "mutasi.kontrak_berakhir_sebelum_tmt"
HUKUMAN_DISIPLIN = "mutasi.hukuman_disiplin"
TUGAS_BELAJAR = "mutasi.tugas_belajar"
TIDAK_AKTIF = "mutasi.tidak_aktif"
SEDANG_CUTI = "mutasi.sedang_cuti"
TUJUAN_TIDAK_KURANG = "mutasi.tujuan_tidak_kurang"
TUJUAN_TANPA_ABK = "mutasi.tujuan_tanpa_abk"
ASAL_JADI_KURANG = "mutasi.asal_jadi_kurang"
GOLONGAN_KURANG = "mutasi.golongan_kurang"
PENDIDIKAN_KURANG = "mutasi.pendidikan_kurang"
JENJANG_BEDA = "mutasi.jenjang_beda"
FUNGSIONAL_BEDA = "mutasi.fungsional_beda"
KOMPETENSI_KURANG = "mutasi.kompetensi_kurang"
BARU_DIPINDAH = "mutasi.baru_dipindah"
USULAN_GANDA = "mutasi.usulan_ganda"
DATA_KURANG = "mutasi.data_kurang"
TUJUAN_KOSONG = "mutasi.tujuan_kosong"
TUJUAN_NONAKTIF = "mutasi.tujuan_nonaktif"
TUJUAN_SAMA = "mutasi.tujuan_sama"
ASAL_BEDA = "mutasi.asal_beda"
DOKUMEN_ANTAR_INSTANSI = "mutasi.dokumen_antar_instansi"
TMT_LAMPAU = "mutasi.tmt_lampau"
TIDAK_BERSEDIA = "mutasi.tidak_bersedia"

# Which severity each code always has (a code never changes severity between moves).
SEVERITY: dict[str, Keparahan] = {
    TIDAK_AKTIF: Keparahan.BLOKIR,
    HUKUMAN_DISIPLIN: Keparahan.BLOKIR,
    TUGAS_BELAJAR: Keparahan.BLOKIR,
    PPPK_KELUAR: Keparahan.BLOKIR,
    PPPK_MASUK: Keparahan.BLOKIR,
    SEPULUH_TAHUN: Keparahan.BLOKIR,
    PENSIUN_SEBELUM_TMT: Keparahan.BLOKIR,
    KONTRAK_BERAKHIR_SEBELUM_TMT: Keparahan.BLOKIR,
    TUJUAN_KOSONG: Keparahan.BLOKIR,
    TUJUAN_NONAKTIF: Keparahan.BLOKIR,
    TUJUAN_SAMA: Keparahan.BLOKIR,
    PPPK_INTERNAL: Keparahan.PERINGATAN,
    SEPULUH_TAHUN_TIDAK_DIKETAHUI: Keparahan.PERINGATAN,
    MASA_JABATAN_KURANG_2: Keparahan.PERINGATAN,
    MASA_JABATAN_LEBIH_5: Keparahan.PERINGATAN,
    BUP_DEKAT: Keparahan.PERINGATAN,
    KONTRAK_BERAKHIR: Keparahan.PERINGATAN,
    BARU_DIPINDAH: Keparahan.PERINGATAN,
    USULAN_GANDA: Keparahan.PERINGATAN,
    TIDAK_BERSEDIA: Keparahan.PERINGATAN,
    DATA_KURANG: Keparahan.PERINGATAN,
    TUJUAN_TANPA_ABK: Keparahan.PERINGATAN,
    TUJUAN_TIDAK_KURANG: Keparahan.PERINGATAN,
    ASAL_JADI_KURANG: Keparahan.PERINGATAN,
    ASAL_BEDA: Keparahan.PERINGATAN,
    PENDIDIKAN_KURANG: Keparahan.PERINGATAN,
    GOLONGAN_KURANG: Keparahan.PERINGATAN,
    JENJANG_BEDA: Keparahan.PERINGATAN,
    FUNGSIONAL_BEDA: Keparahan.PERINGATAN,
    SEDANG_CUTI: Keparahan.INFO,
    KOMPETENSI_KURANG: Keparahan.INFO,
    DOKUMEN_ANTAR_INSTANSI: Keparahan.INFO,
    TMT_LAMPAU: Keparahan.INFO,
}

# Where each rule comes from (reference.md §2; [S] = secondary source, [U] = unverified/design).
RULE_SOURCES: dict[str, str] = {
    TIDAK_AKTIF: "Status kepegawaian (design.md §3)",
    HUKUMAN_DISIPLIN: "Peraturan BKN 5/2019 Pasal 3 (surat pernyataan tidak sedang dijatuhi "
    "hukuman disiplin) [S]",
    TUGAS_BELAJAR: "Peraturan BKN 5/2019 Pasal 3 (surat pernyataan tidak sedang tugas belajar) [S]",
    PPPK_KELUAR: "BKN: tidak ada mekanisme mutasi PPPK antarinstansi [S]",
    PPPK_MASUK: "BKN: tidak ada mekanisme mutasi PPPK antarinstansi [S]",
    PPPK_INTERNAL: "PermenPAN-RB 6/2024 Pasal 59(5) [S]; dasar hukum pemindahan PPPK internal "
    "belum jelas [U]",
    SEPULUH_TAHUN: "PermenPAN-RB 27/2021 Pasal 52; PermenPAN-RB 6/2024 Pasal 59(2),(4) [S]",
    SEPULUH_TAHUN_TIDAK_DIKETAHUI: "PermenPAN-RB 6/2024 Pasal 59 [S]",
    MASA_JABATAN_KURANG_2: "PP 11/2017 Pasal 190 ayat (3)",
    MASA_JABATAN_LEBIH_5: "PP 11/2017 Pasal 190 ayat (3)",
    PENSIUN_SEBELUM_TMT: "PP 11/2017 Pasal 239 (BUP) [S]",
    BUP_DEKAT: "PP 11/2017 Pasal 239 (BUP) [S]; cakrawala perencanaan [U]",
    KONTRAK_BERAKHIR_SEBELUM_TMT: "Perjanjian kerja PPPK",
    KONTRAK_BERAKHIR: "Perjanjian kerja PPPK; cakrawala perencanaan [U]",
    BARU_DIPINDAH: "PP 11/2017 Pasal 190 ayat (3); kebijakan rotasi [U]",
    USULAN_GANDA: "Tata kerja aplikasi",
    TIDAK_BERSEDIA: "Forum konsultasi/aspirasi pegawai (rancangan, reference §2.4) [U]",
    DATA_KURANG: "Tata kerja aplikasi",
    TUJUAN_KOSONG: "Tata kerja aplikasi",
    TUJUAN_NONAKTIF: "Peta jabatan",
    TUJUAN_SAMA: "Tata kerja aplikasi",
    TUJUAN_TANPA_ABK: "Peraturan BKN 5/2019 Pasal 3 (ANJAB dan ABK jabatan tujuan) [S]",
    TUJUAN_TIDAK_KURANG: "PP 11/2017 Pasal 190 ayat (4) (kebutuhan organisasi); hasil ABK",
    ASAL_JADI_KURANG: "PP 11/2017 Pasal 190 ayat (4) (kebutuhan organisasi); hasil ABK",
    ASAL_BEDA: "Tata kerja aplikasi",
    PENDIDIKAN_KURANG: "PP 11/2017 Pasal 190 ayat (4) (kesesuaian kompetensi dan persyaratan "
    "jabatan)",
    GOLONGAN_KURANG: "PP 11/2017 Pasal 190 ayat (4) (kesesuaian persyaratan jabatan)",
    JENJANG_BEDA: "PP 11/2017 Pasal 190 ayat (4) (klasifikasi jabatan dan pola karier)",
    FUNGSIONAL_BEDA: "PP 11/2017 Pasal 190 ayat (4); perpindahan antarjabatan fungsional menurut "
    "ketentuan jabatan fungsional tujuan [U]",
    KOMPETENSI_KURANG: "PP 11/2017 Pasal 190 ayat (4); Pasal 203 (pengembangan kompetensi) [U]",
    SEDANG_CUTI: "Status kepegawaian",
    DOKUMEN_ANTAR_INSTANSI: "Peraturan BKN 5/2019 Pasal 3 [S]",
    TMT_LAMPAU: "Tata kerja aplikasi",
}


@dataclass(frozen=True)
class RuleSettings:
    """The numbers in the rules; defaults from reference.md §2, editable per regency."""

    masa_min_tahun: int = 2
    masa_maks_tahun: int = 5
    ikatan_tahun: int = 10
    baru_dipindah_bulan: int = 12


DEFAULT_SETTINGS = RuleSettings()


@dataclass(frozen=True)
class RuleResult:
    """One finding about a move: ``code`` is stable; ``params`` fill its Indonesian template."""

    code: str
    severity: Keparahan
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self) -> str:
        return render(self.code, dict(self.params))

    @property
    def dasar(self) -> str | None:
        """The legal or practical source of the rule."""
        return RULE_SOURCES.get(self.code)

    @property
    def blocks(self) -> bool:
        return self.severity is Keparahan.BLOKIR

    @property
    def needs_reason(self) -> bool:
        """A warning: the proposal may go on once someone writes why."""
        return self.severity is Keparahan.PERINGATAN

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "params": {k: _plain(v) for k, v in self.params.items()},
            "message": self.message(),
        }

    @classmethod
    def from_json(cls, doc: Mapping[str, Any]) -> RuleResult:
        return cls(str(doc["code"]), Keparahan(doc["severity"]), dict(doc.get("params") or {}))


def _plain(value: Any) -> Any:
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list, frozenset, set)):
        return [_plain(v) for v in value]
    return value


def _result(code: str, **params: Any) -> RuleResult:
    return RuleResult(code, SEVERITY[code], params)


# ------------------------------------------------------------------------------------ facts

SIKAP_BERSEDIA = "bersedia"
SIKAP_TIDAK_BERSEDIA = "tidak_bersedia"
SIKAP_INGIN_PINDAH = "ingin_pindah"


@dataclass(frozen=True)
class PersonFacts:
    """What the rules need to know about one person (plain values, no database)."""

    pegawai_id: int | None
    nip: str
    nama: str
    jenis_pegawai: JenisPegawai
    status: StatusPegawai = StatusPegawai.AKTIF
    aktif: bool = True
    hukuman_disiplin: bool = False
    tanggal_lahir: date | None = None
    golongan: str | None = None
    pendidikan: TingkatPendidikan | None = None
    tmt_jabatan: date | None = None
    tmt_cpns: date | None = None
    tmt_pns: date | None = None
    kontrak_selesai: date | None = None
    jabatan_id: int | None = None
    jabatan_nama: str | None = None
    jenjang: JenjangJabatan | None = None  # of the current position: decides the BUP
    kompetensi: tuple[str, ...] = ()
    pelatihan: tuple[str, ...] = ()  # names of completed trainings
    pindah_terakhir: date | None = None  # TMT of the last transfer carried out
    sikap: str | None = None  # latest aspiration: bersedia | tidak_bersedia | ingin_pindah
    opd_pilihan: frozenset[int] = frozenset()
    lokasi_pilihan: tuple[str, ...] = ()
    usulan_terbuka: int = 0  # other open proposals for the same person

    @property
    def is_pppk(self) -> bool:
        return self.jenis_pegawai is JenisPegawai.PPPK

    def pensiun(self, jenjang: JenjangJabatan | None = None) -> date | None:
        """TMT pensiun under the BUP of ``jenjang`` (default: the current position's)."""
        if self.tanggal_lahir is None or self.is_pppk:
            return None
        return tanggal_pensiun(self.tanggal_lahir, bup_for(jenjang or self.jenjang))


@dataclass(frozen=True)
class PositionFacts:
    """A position with its requirements and ABK balance.

    ``kebutuhan`` is the rounded ABK need (None: no ABK for the position); ``pegawai_ada`` the
    present headcount; ``rencana`` the net effect of other planned moves (in minus out).
    """

    jabatan_id: int
    nama: str
    unit_id: int
    unit: str
    opd_id: int
    opd: str
    jenjang: JenjangJabatan | None = None
    pendidikan_min: TingkatPendidikan | None = None
    golongan_min: str | None = None
    kompetensi_syarat: tuple[str, ...] = ()
    kebutuhan: int | None = None
    pegawai_ada: int = 0
    rencana: int = 0
    aktif: bool = True
    lokasi: str | None = None

    @property
    def terisi(self) -> int:
        """Headcount once the other planned moves are done."""
        return self.pegawai_ada + self.rencana

    @property
    def selisih(self) -> int | None:
        """Planned headcount minus need (negative: short); None without ABK."""
        return None if self.kebutuhan is None else self.terisi - self.kebutuhan

    @property
    def kurang(self) -> int:
        s = self.selisih
        return 0 if s is None else max(0, -s)

    @property
    def lebih(self) -> int:
        s = self.selisih
        return 0 if s is None else max(0, s)

    @property
    def struktural(self) -> bool:
        """A head post (JPT, administrator, pengawas): filled by selection, not by mutasi."""
        return self.jenjang in _STRUKTURAL


_STRUKTURAL = frozenset(
    {
        JenjangJabatan.JPT_UTAMA,
        JenjangJabatan.JPT_MADYA,
        JenjangJabatan.JPT_PRATAMA,
        JenjangJabatan.ADMINISTRATOR,
        JenjangJabatan.PENGAWAS,
    }
)


@dataclass(frozen=True)
class MoveFacts:
    """One proposed move: who, from where, to where, what kind, when, and the horizon."""

    person: PersonFacts
    asal: PositionFacts | None
    tujuan: PositionFacts | None
    jenis: JenisMutasi
    tmt: date
    today: date
    horizon_bulan: int = 12
    instansi_lain: str | None = None


# ------------------------------------------------------------------------------------ skills

# Words that say what kind of thing a competency or course is, not what it is about.
_GENERIC_WORDS = frozenset(
    {
        "aplikasi",
        "pelatihan",
        "bimtek",
        "bimbingan",
        "teknis",
        "diklat",
        "kursus",
        "workshop",
        "sosialisasi",
        "dasar",
        "lanjutan",
        "tingkat",
        "dan",
        "untuk",
        "bagi",
        "di",
        "ke",
        "the",
        "of",
    }
)
_WORD_RE = re.compile(r"[a-z0-9]+")


def normalise_skill(text: str) -> str:
    """Comparable form of a competency: folded, punctuation and extra spaces removed."""
    return " ".join(_WORD_RE.findall(fold(text)))


def topic_words(text: str) -> frozenset[str]:
    words = _WORD_RE.findall(fold(text))
    return frozenset(w for w in words if w not in _GENERIC_WORDS) or frozenset(words)


def parse_syarat(text: str | None) -> tuple[str, ...]:
    """The semicolon-separated ``kompetensi_syarat`` column as a tuple of names."""
    if not text:
        return ()
    seen: set[str] = set()
    out: list[str] = []
    for part in text.split(";"):
        name = " ".join(part.split())
        key = normalise_skill(name)
        if name and key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)


@dataclass(frozen=True)
class SkillMatch:
    """Which required competencies a person has (by skill or by a completed training)."""

    cocok: tuple[str, ...]
    kurang: tuple[str, ...]

    @property
    def jumlah_syarat(self) -> int:
        return len(self.cocok) + len(self.kurang)

    @property
    def share(self) -> float:
        """Share of the requirements met; 1.0 when the position lists none."""
        n = self.jumlah_syarat
        return 1.0 if n == 0 else len(self.cocok) / n


def skill_match(
    syarat: Iterable[str], kompetensi: Iterable[str], pelatihan: Iterable[str] = ()
) -> SkillMatch:
    """A requirement is met by a skill of the same name (case, accents and punctuation ignored)
    or by a completed training whose name holds every topic word of the requirement (e.g.
    "Bimtek SIKS-NG" meets "Aplikasi SIKS-NG")."""
    skills = {normalise_skill(k) for k in kompetensi}
    courses = [frozenset(_WORD_RE.findall(fold(p))) for p in pelatihan]
    cocok: list[str] = []
    kurang: list[str] = []
    for req in syarat:
        if normalise_skill(req) in skills:
            cocok.append(req)
            continue
        topic = topic_words(req)
        if topic and any(topic <= course for course in courses):
            cocok.append(req)
        else:
            kurang.append(req)
    return SkillMatch(tuple(cocok), tuple(kurang))


# ------------------------------------------------------------------------------------ training


class JenisKebutuhan(StrEnum):
    KOMPETENSI = "kompetensi"
    PENDIDIKAN = "pendidikan"

    @property
    def label(self) -> str:
        return _KEBUTUHAN_LABELS[self]


_KEBUTUHAN_LABELS = {
    JenisKebutuhan.KOMPETENSI: QT_TRANSLATE_NOOP("Pesan", "Pelatihan kompetensi"),
    JenisKebutuhan.PENDIDIKAN: QT_TRANSLATE_NOOP("Pesan", "Peningkatan pendidikan"),
}


@dataclass(frozen=True)
class TrainingNeed:
    """One gap between a person and a target position: a competency or an education level."""

    topik: str
    jenis: JenisKebutuhan


def training_gap(person: PersonFacts, tujuan: PositionFacts) -> tuple[TrainingNeed, ...]:
    """Missing competencies (not met by skills or completed trainings) and, when the person's
    education is below the position's minimum, the education level to reach."""
    needs = [
        TrainingNeed(k, JenisKebutuhan.KOMPETENSI)
        for k in skill_match(tujuan.kompetensi_syarat, person.kompetensi, person.pelatihan).kurang
    ]
    if tujuan.pendidikan_min is not None and (
        person.pendidikan is None or person.pendidikan.rank < tujuan.pendidikan_min.rank
    ):
        needs.append(TrainingNeed(tujuan.pendidikan_min.value, JenisKebutuhan.PENDIDIKAN))
    return tuple(needs)


# ------------------------------------------------------------------------------------ checks


def _masa(start: date, on: date) -> str:
    years, months = masa_kerja(start, on)
    if years and months:
        return f"{years} tahun {months} bulan"
    if years:
        return f"{years} tahun"
    return f"{months} bulan"


def check_person(
    person: PersonFacts,
    jenis: JenisMutasi,
    *,
    tmt: date,
    today: date,
    horizon_bulan: int = 12,
    tujuan_jenjang: JenjangJabatan | None = None,
    settings: RuleSettings = DEFAULT_SETTINGS,
) -> list[RuleResult]:
    """The rules that depend on the person and the kind of move only (not on the positions)."""
    out: list[RuleResult] = []
    status = person.status
    if not person.aktif or status in (StatusPegawai.PENSIUN, StatusPegawai.DIBERHENTIKAN):
        label = status.label if person.aktif else "nonaktif"
        out.append(_result(TIDAK_AKTIF, status=label))
    if person.hukuman_disiplin:
        out.append(_result(HUKUMAN_DISIPLIN))
    if status is StatusPegawai.TUGAS_BELAJAR:
        out.append(_result(TUGAS_BELAJAR))
    if status is StatusPegawai.CUTI:
        out.append(_result(SEDANG_CUTI))

    if person.is_pppk:
        if jenis is JenisMutasi.KELUAR:
            out.append(_result(PPPK_KELUAR))
        elif jenis is JenisMutasi.MASUK:
            out.append(_result(PPPK_MASUK))
        else:
            out.append(_result(PPPK_INTERNAL))
        if person.kontrak_selesai is not None:
            if person.kontrak_selesai <= tmt:
                out.append(
                    _result(
                        KONTRAK_BERAKHIR_SEBELUM_TMT,
                        tanggal=format_tanggal(person.kontrak_selesai),
                        tmt=format_tanggal(tmt),
                    )
                )
            elif person.kontrak_selesai <= tambah_bulan(tmt, horizon_bulan):
                out.append(
                    _result(
                        KONTRAK_BERAKHIR,
                        tanggal=format_tanggal(person.kontrak_selesai),
                        bulan=horizon_bulan,
                    )
                )
    else:
        if jenis.antar_instansi:
            out.extend(_ten_year_rule(person, today, settings))
        if jenis.punya_asal:
            out.extend(_time_in_post(person, tmt, settings))
        pensiun = person.pensiun(tujuan_jenjang if jenis.punya_tujuan else None)
        if pensiun is not None:
            if pensiun <= tmt:
                out.append(
                    _result(
                        PENSIUN_SEBELUM_TMT,
                        tanggal=format_tanggal(pensiun),
                        tmt=format_tanggal(tmt),
                    )
                )
            elif pensiun <= tambah_bulan(tmt, horizon_bulan):
                out.append(
                    _result(
                        BUP_DEKAT,
                        tanggal=format_tanggal(pensiun),
                        bulan=horizon_bulan,
                        bup=bup_for(tujuan_jenjang or person.jenjang),
                    )
                )
    missing = []
    if person.tanggal_lahir is None and not person.is_pppk:
        missing.append("tanggal lahir")
    if person.tmt_jabatan is None and jenis.punya_asal and not person.is_pppk:
        missing.append("TMT jabatan")
    if missing:
        out.append(_result(DATA_KURANG, data=", ".join(missing)))

    if person.pindah_terakhir is not None:
        until = tambah_bulan(person.pindah_terakhir, settings.baru_dipindah_bulan)
        if person.pindah_terakhir <= tmt < until:
            out.append(
                _result(
                    BARU_DIPINDAH,
                    tanggal=format_tanggal(person.pindah_terakhir),
                    bulan=settings.baru_dipindah_bulan,
                )
            )
    if person.sikap == SIKAP_TIDAK_BERSEDIA:
        out.append(_result(TIDAK_BERSEDIA))
    if person.usulan_terbuka > 0:
        out.append(_result(USULAN_GANDA, jumlah=person.usulan_terbuka))
    if jenis.antar_instansi:
        out.append(_result(DOKUMEN_ANTAR_INSTANSI))
    if tmt < today:
        out.append(_result(TMT_LAMPAU, tmt=format_tanggal(tmt)))
    return out


def _ten_year_rule(person: PersonFacts, today: date, settings: RuleSettings) -> list[RuleResult]:
    # The statement signed at appointment runs from appointment as PNS; a CPNS has not even
    # started the period. Kepala BKN (Feb 2025): it restricts moves between agencies only.
    if person.jenis_pegawai is JenisPegawai.CPNS:
        return [
            _result(SEPULUH_TAHUN, tahun=settings.ikatan_tahun, tmt_pns="belum ada", sampai="-")
        ]
    start = person.tmt_pns
    if start is None:
        return [_result(SEPULUH_TAHUN_TIDAK_DIKETAHUI, tahun=settings.ikatan_tahun)]
    until = tambah_bulan(start, settings.ikatan_tahun * 12)
    if today < until:
        return [
            _result(
                SEPULUH_TAHUN,
                tahun=settings.ikatan_tahun,
                tmt_pns=format_tanggal(start),
                sampai=format_tanggal(until),
            )
        ]
    return []


def _time_in_post(person: PersonFacts, tmt: date, settings: RuleSettings) -> list[RuleResult]:
    start = person.tmt_jabatan
    if start is None:
        return []
    if tmt < tambah_bulan(start, settings.masa_min_tahun * 12):
        return [
            _result(
                MASA_JABATAN_KURANG_2,
                masa=_masa(start, tmt),
                tmt_jabatan=format_tanggal(start),
                batas=settings.masa_min_tahun,
            )
        ]
    if tmt > tambah_bulan(start, settings.masa_maks_tahun * 12):
        return [
            _result(
                MASA_JABATAN_LEBIH_5,
                masa=_masa(start, tmt),
                tmt_jabatan=format_tanggal(start),
                batas=settings.masa_maks_tahun,
            )
        ]
    return []


def same_functional_post(jenjang: JenjangJabatan, asal: str | None, tujuan: str) -> bool:
    """A functional position (JF) is a profession: a Guru stays a Guru, a Perawat a Perawat.
    Pelaksana, structural and unknown positions always pass."""
    if jenjang.jenis is not JenisJabatan.FUNGSIONAL or asal is None:
        return True
    return normalise_skill(asal) == normalise_skill(tujuan)


def check_fit(person: PersonFacts, tujuan: PositionFacts) -> list[RuleResult]:
    """Rank, education, jenjang and competencies against the target position's requirements."""
    out: list[RuleResult] = []
    if tujuan.pendidikan_min is not None and (
        person.pendidikan is None or person.pendidikan.rank < tujuan.pendidikan_min.rank
    ):
        out.append(
            _result(
                PENDIDIKAN_KURANG,
                pendidikan=person.pendidikan.value if person.pendidikan else "tidak diketahui",
                syarat=tujuan.pendidikan_min.value,
                jabatan=tujuan.nama,
            )
        )
    if tujuan.golongan_min and not person.is_pppk:
        have = parse_golongan(person.golongan, JenisPegawai.PNS) if person.golongan else None
        need = parse_golongan(tujuan.golongan_min, JenisPegawai.PNS)
        if need is not None and (have is None or have.rank < need.rank):
            out.append(
                _result(
                    GOLONGAN_KURANG,
                    golongan=have.kode if have else "tidak diketahui",
                    syarat=need.kode,
                    jabatan=tujuan.nama,
                )
            )
    if person.jenjang is not None and tujuan.jenjang is not None:
        if person.jenjang != tujuan.jenjang:
            out.append(
                _result(JENJANG_BEDA, asal=person.jenjang.label, tujuan=tujuan.jenjang.label)
            )
        elif not same_functional_post(person.jenjang, person.jabatan_nama, tujuan.nama):
            out.append(_result(FUNGSIONAL_BEDA, asal=person.jabatan_nama, tujuan=tujuan.nama))
    match = skill_match(tujuan.kompetensi_syarat, person.kompetensi, person.pelatihan)
    if match.kurang:
        out.append(
            _result(
                KOMPETENSI_KURANG,
                kurang=", ".join(match.kurang),
                jumlah=len(match.kurang),
                syarat=match.jumlah_syarat,
            )
        )
    return out


def check_balance(asal: PositionFacts | None, tujuan: PositionFacts | None) -> list[RuleResult]:
    """The ABK side: the target should be short, the source should not become short."""
    out: list[RuleResult] = []
    if tujuan is not None:
        if tujuan.kebutuhan is None:
            out.append(_result(TUJUAN_TANPA_ABK, jabatan=tujuan.nama))
        elif tujuan.terisi >= tujuan.kebutuhan:
            out.append(
                _result(
                    TUJUAN_TIDAK_KURANG,
                    jabatan=tujuan.nama,
                    kebutuhan=tujuan.kebutuhan,
                    ada=tujuan.terisi,
                )
            )
    if asal is not None and asal.kebutuhan is not None and asal.terisi - 1 < asal.kebutuhan:
        out.append(
            _result(
                ASAL_JADI_KURANG,
                jabatan=asal.nama,
                kebutuhan=asal.kebutuhan,
                ada=asal.terisi,
                sesudah=asal.terisi - 1,
            )
        )
    return out


def check_move(m: MoveFacts, settings: RuleSettings = DEFAULT_SETTINGS) -> list[RuleResult]:
    """Every rule for one move, blocking findings first, then warnings, then information."""
    out: list[RuleResult] = []
    if m.jenis.punya_tujuan:
        if m.tujuan is None:
            out.append(_result(TUJUAN_KOSONG))
        else:
            if not m.tujuan.aktif:
                out.append(_result(TUJUAN_NONAKTIF, jabatan=m.tujuan.nama))
            if m.asal is not None and m.asal.jabatan_id == m.tujuan.jabatan_id:
                out.append(_result(TUJUAN_SAMA, jabatan=m.tujuan.nama))
    if (
        m.jenis.punya_asal
        and m.asal is not None
        and m.person.jabatan_id is not None
        and m.person.jabatan_id != m.asal.jabatan_id
    ):
        out.append(_result(ASAL_BEDA, jabatan=m.asal.nama))
    tujuan = m.tujuan if m.jenis.punya_tujuan else None
    out.extend(
        check_person(
            m.person,
            m.jenis,
            tmt=m.tmt,
            today=m.today,
            horizon_bulan=m.horizon_bulan,
            tujuan_jenjang=tujuan.jenjang if tujuan else None,
            settings=settings,
        )
    )
    if tujuan is not None:
        out.extend(check_fit(m.person, tujuan))
    out.extend(check_balance(m.asal if m.jenis.punya_asal else None, tujuan))
    return sort_results(out)


def sort_results(results: Iterable[RuleResult]) -> list[RuleResult]:
    """Blocking first, then warnings, then information; stable within a severity."""
    return sorted(results, key=lambda r: r.severity.urutan)


def blocking(results: Iterable[RuleResult]) -> list[RuleResult]:
    return [r for r in results if r.blocks]


def warnings(results: Iterable[RuleResult]) -> list[RuleResult]:
    return [r for r in results if r.needs_reason]


def unresolved(results: Iterable[RuleResult], overrides: Mapping[str, Any]) -> list[RuleResult]:
    """Warnings that no override reason answers yet."""
    return [r for r in results if r.needs_reason and r.code not in overrides]
