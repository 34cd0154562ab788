"""Decree (SK) content: settings, templates, lines, diktum words, canonical form, hash, codes.

A decree's content (``IsiSk``) is plain data: the wording comes from a versioned template
(``resources/templates/sk/*.toml``) and the regency settings when the draft is made, and is
edited in the draft. Texts may hold placeholders such as ``{tmt}`` or ``{d1}`` (the label of
the first diktum); they are filled when the decree is printed or hashed, so changing the TMT
of a draft changes every sentence that mentions it.

When a decree becomes final its content is frozen: ``canonical_json`` writes it in one
deterministic form and ``hash_isi`` hashes that; every printed document carries a short
verification code derived from the hash (``kode_verifikasi``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from mutasi_desktop.domain.errors import DomainError, Problem, Severity
from mutasi_desktop.domain.golongan import parse_golongan
from mutasi_desktop.domain.messages import QT_TRANSLATE_NOOP
from mutasi_desktop.domain.nip import format_nip
from mutasi_desktop.domain.penomoran import DEFAULT_KODE, DEFAULT_POLA, DEFAULT_UNIT
from mutasi_desktop.domain.tanggal import format_tanggal

# --------------------------------------------------------------------------- vocabulary


class StatusSk(StrEnum):
    DRAFT = "draft"
    FINAL = "final"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return STATUS_SK_LABELS[self]


STATUS_SK_LABELS: dict[StatusSk, str] = {
    StatusSk.DRAFT: QT_TRANSLATE_NOOP("Pesan", "Konsep"),
    StatusSk.FINAL: QT_TRANSLATE_NOOP("Pesan", "Final"),
    StatusSk.CANCELLED: QT_TRANSLATE_NOOP("Pesan", "Dibatalkan"),
}


class GayaDiktum(StrEnum):
    """KESATU, KEDUA … (many regencies) or PERTAMA, KEDUA … (Wakatobi)."""

    KESATU = "kesatu"
    PERTAMA = "pertama"


class JenisDokumen(StrEnum):
    SK = "sk"
    PETIKAN = "petikan"
    SPMT_PERINTAH = "spmt_perintah"
    SPMT_PERNYATAAN = "spmt_pernyataan"

    @property
    def judul(self) -> str:
        return JUDUL_DOKUMEN[self]

    @property
    def berkas(self) -> str:
        """File name stem: the two SPMT letters are never abbreviated alike."""
        return NAMA_BERKAS[self]

    @property
    def per_pegawai(self) -> bool:
        return self is not JenisDokumen.SK


JUDUL_DOKUMEN: dict[JenisDokumen, str] = {
    JenisDokumen.SK: "Surat Keputusan",
    JenisDokumen.PETIKAN: "Petikan Keputusan",
    JenisDokumen.SPMT_PERINTAH: "Surat Perintah Melaksanakan Tugas",
    JenisDokumen.SPMT_PERNYATAAN: "Surat Pernyataan Melaksanakan Tugas",
}
NAMA_BERKAS: dict[JenisDokumen, str] = {
    JenisDokumen.SK: "sk",
    JenisDokumen.PETIKAN: "petikan",
    JenisDokumen.SPMT_PERINTAH: "surat-perintah-melaksanakan-tugas",
    JenisDokumen.SPMT_PERNYATAAN: "surat-pernyataan-melaksanakan-tugas",
}


class JenisSpmt(StrEnum):
    """Which "SPMT" letters follow a decree (reference §4.4: two documents, one abbreviation)."""

    PERNYATAAN = "pernyataan"
    PERINTAH = "perintah"
    KEDUANYA = "keduanya"
    TIDAK = "tidak"

    @property
    def dokumen(self) -> tuple[JenisDokumen, ...]:
        return {
            JenisSpmt.PERNYATAAN: (JenisDokumen.SPMT_PERNYATAAN,),
            JenisSpmt.PERINTAH: (JenisDokumen.SPMT_PERINTAH,),
            JenisSpmt.KEDUANYA: (JenisDokumen.SPMT_PERINTAH, JenisDokumen.SPMT_PERNYATAAN),
            JenisSpmt.TIDAK: (),
        }[self]


class ModePenandatangan(StrEnum):
    """Who signs the decree (reference §2.3: configurable)."""

    BUPATI = "bupati"
    PLT = "plt"
    PLH = "plh"
    AN_SEKDA = "an_sekda"


class Kertas(StrEnum):
    F4 = "F4"
    A4 = "A4"

    @property
    def ukuran_mm(self) -> tuple[float, float]:
        return (215.0, 330.0) if self is Kertas.F4 else (210.0, 297.0)


class Huruf(StrEnum):
    """Bundled font families, metric-compatible with the office fonts they stand in for."""

    SANS = "sans"  # Liberation Sans ≈ Arial
    SERIF = "serif"  # Liberation Serif ≈ Times New Roman
    BOOKMAN = "bookman"  # TeX Gyre Bonum ≈ Bookman Old Style

    @property
    def label(self) -> str:
        return {
            Huruf.SANS: "Arial (Liberation Sans)",
            Huruf.SERIF: "Times New Roman (Liberation Serif)",
            Huruf.BOOKMAN: "Bookman Old Style (TeX Gyre Bonum)",
        }[self]


# --------------------------------------------------------------------------- words

_SATUAN = (
    "",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)


def terbilang(n: int) -> str:
    """Indonesian number words for 0..999,999: ``21`` → ``dua puluh satu``."""
    if not 0 <= n < 1_000_000:
        raise ValueError(f"terbilang covers 0..999999, not {n}")
    if n == 0:
        return "nol"
    if n < 12:
        return _SATUAN[n]
    if n < 20:
        return f"{_SATUAN[n - 10]} belas"
    if n < 100:
        tens, rest = divmod(n, 10)
        return f"{_SATUAN[tens]} puluh" + (f" {_SATUAN[rest]}" if rest else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = "seratus" if hundreds == 1 else f"{_SATUAN[hundreds]} ratus"
        return head + (f" {terbilang(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    head = "seribu" if thousands == 1 else f"{terbilang(thousands)} ribu"
    return head + (f" {terbilang(rest)}" if rest else "")


def diktum_label(n: int, gaya: GayaDiktum = GayaDiktum.KESATU) -> str:
    """``KESATU``/``PERTAMA``, ``KEDUA``, …, ``KESEBELAS``, ``KEDUA BELAS`` (1-based)."""
    if n < 1:
        raise ValueError(f"diktum numbers start at 1, not {n}")
    if n == 1:
        return "PERTAMA" if gaya is GayaDiktum.PERTAMA else "KESATU"
    # "ke" joins the number word: KEDUA, KESEBELAS, KEDUA BELAS.
    return f"KE{terbilang(n).upper()}"


def huruf_urut(n: int) -> str:
    """``a``, ``b``, … ``z``, ``aa`` … for Menimbang points (1-based)."""
    if n < 1:
        raise ValueError(n)
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


_FRONT_TITLE_RE = re.compile(r"^[A-Za-z]{1,5}\.$")


def nama_tanda_tangan(nama: str) -> str:
    """The name under a signature: capitals, academic and religious titles kept as written.

    ``Drs. H. Abdul Muis, M.Si.`` → ``Drs. H. ABDUL MUIS, M.Si.``
    """
    nama = " ".join(nama.split())
    if not nama:
        return ""
    head, sep, tail = nama.partition(",")
    words = head.split(" ")
    out: list[str] = []
    leading = True
    for word in words:
        if leading and _FRONT_TITLE_RE.match(word) and len(words) > 1:
            out.append(word)
        else:
            leading = False
            out.append(word.upper())
    return " ".join(out) + (sep + tail if sep else "")


def pangkat_label(golongan: str | None) -> str:
    """``Penata Muda Tingkat I, III/b``; a PPPK golongan as itself; unknown text unchanged."""
    if not golongan:
        return ""
    parsed = parse_golongan(golongan)
    return parsed.label if parsed is not None else golongan


# --------------------------------------------------------------------------- people


@dataclass(frozen=True)
class Pejabat:
    """An official named in a decree or letter."""

    nama: str = ""
    nip: str = ""
    golongan: str = ""
    jabatan: str = ""

    @property
    def pangkat(self) -> str:
        return pangkat_label(self.golongan)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Pejabat:
        data = data or {}
        return cls(
            nama=str(data.get("nama") or ""),
            nip=str(data.get("nip") or ""),
            golongan=str(data.get("golongan") or ""),
            jabatan=str(data.get("jabatan") or ""),
        )


@dataclass(frozen=True)
class TandaTangan:
    """A signature block: lines above the signature, the name, lines below the name."""

    jabatan: tuple[str, ...]
    nama: str
    keterangan: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "jabatan": list(self.jabatan),
            "nama": self.nama,
            "keterangan": list(self.keterangan),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TandaTangan:
        return cls(
            tuple(str(x) for x in data.get("jabatan") or ()),
            str(data.get("nama") or ""),
            tuple(str(x) for x in data.get("keterangan") or ()),
        )


def blok_pejabat(atas: Sequence[str], pejabat: Pejabat) -> TandaTangan:
    """An appointed official signs with name, pangkat and NIP."""
    bawah: list[str] = []
    if pejabat.pangkat:
        bawah.append(pejabat.pangkat)
    if pejabat.nip:
        bawah.append(f"NIP {format_nip(pejabat.nip)}")
    return TandaTangan(tuple(atas), nama_tanda_tangan(pejabat.nama), tuple(bawah))


# --------------------------------------------------------------------------- settings

# Reference §4.3: margins of the cited tata naskah pedoman (mm).
MARGIN_BAWAAN = (25.0, 30.0, 30.0, 25.0)  # top, bottom, left, right
UKURAN_HURUF = (10.0, 13.0)
MAX_LOGO_BYTES = 1_000_000


@dataclass(frozen=True)
class PengaturanSk:
    """Regency settings for decrees (stored under the ``kabupaten`` and ``sk`` settings keys)."""

    daerah: str = "Kabupaten Mamuju"
    provinsi: str = "Sulawesi Barat"
    ibu_kota: str = "Mamuju"
    bupati: str = ""
    wakil_bupati: str = ""
    sekda: Pejabat = field(default_factory=lambda: Pejabat(jabatan="Sekretaris Daerah"))
    tempat: str = ""  # "Ditetapkan di"; empty → ibu_kota
    mode_penandatangan: ModePenandatangan = ModePenandatangan.BUPATI
    pejabat_pengganti: str = ""  # the acting official's name for Plt./Plh.
    kertas: Kertas = Kertas.F4
    margin: tuple[float, float, float, float] = MARGIN_BAWAAN
    huruf: Huruf = Huruf.SANS
    ukuran_huruf: float = 12.0
    pola_nomor: str = DEFAULT_POLA
    kode_klasifikasi: str = DEFAULT_KODE
    kode_unit: str = DEFAULT_UNIT
    seri_per_kode: bool = False
    gaya_diktum: GayaDiktum = GayaDiktum.KESATU
    jenis_spmt: JenisSpmt = JenisSpmt.PERNYATAAN
    # Empty lists mean "the template's defaults".
    mengingat: tuple[str, ...] = ()
    tembusan: tuple[str, ...] = ()
    tembusan_petikan: tuple[str, ...] = ()
    tembusan_spmt: tuple[str, ...] = ()
    ada_logo: bool = False

    @property
    def jenis_daerah(self) -> str:
        """``Kabupaten`` or ``Kota``."""
        return "Kota" if self.daerah.strip().lower().startswith("kota") else "Kabupaten"

    @property
    def nama_daerah(self) -> str:
        """``Mamuju`` from ``Kabupaten Mamuju``."""
        name = self.daerah.strip()
        for prefix in ("Kabupaten ", "Kota "):
            if name.lower().startswith(prefix.lower()):
                return name[len(prefix) :].strip()
        return name

    @property
    def kepala(self) -> str:
        return "Wali Kota" if self.jenis_daerah == "Kota" else "Bupati"

    @property
    def kepala_daerah(self) -> str:
        """``Bupati Mamuju``."""
        return f"{self.kepala} {self.nama_daerah}"

    @property
    def tempat_penetapan(self) -> str:
        return self.tempat.strip() or self.ibu_kota.strip() or self.nama_daerah

    @property
    def terkonfigurasi(self) -> bool:
        """Enough is filled in to draft a decree."""
        return bool(self.daerah.strip() and self.bupati.strip() and self.sekda.nama.strip())

    def check(self) -> list[Problem]:
        from mutasi_desktop.domain.penomoran import check_pola

        problems: list[Problem] = []

        def need(value: str, label: str) -> None:
            if not value.strip():
                problems.append(Problem("field.wajib", field=label, params={"label": label}))

        need(self.daerah, "Nama daerah")
        need(self.bupati, "Nama Bupati")
        need(self.sekda.nama, "Nama Sekretaris Daerah")
        if self.mode_penandatangan in (ModePenandatangan.PLT, ModePenandatangan.PLH):
            need(self.pejabat_pengganti, "Nama pejabat Plt./Plh.")
        try:
            check_pola(self.pola_nomor, seri_per_kode=self.seri_per_kode)
        except DomainError as exc:
            problems.extend(exc.problems)
        lo, hi = UKURAN_HURUF
        if not lo <= self.ukuran_huruf <= hi:
            problems.append(
                Problem("sk.ukuran_huruf", field="ukuran_huruf", params={"min": lo, "max": hi})
            )
        if any(not 5 <= m <= 60 for m in self.margin):
            problems.append(Problem("sk.margin_tidak_sah", field="margin"))
        return problems

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["sekda"] = self.sekda.to_dict()
        for key in ("mengingat", "tembusan", "tembusan_petikan", "tembusan_spmt", "margin"):
            out[key] = list(out[key])
        for key, value in list(out.items()):
            if isinstance(value, StrEnum):
                out[key] = value.value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PengaturanSk:
        """Lenient: unknown keys are ignored, missing or invalid values take the defaults."""
        base = cls()
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data or data[f.name] is None:
                continue
            raw = data[f.name]
            current = getattr(base, f.name)
            try:
                if f.name == "sekda":
                    values[f.name] = Pejabat.from_dict(raw)
                elif isinstance(current, StrEnum):
                    values[f.name] = type(current)(raw)
                elif isinstance(current, bool):
                    values[f.name] = bool(raw)
                elif isinstance(current, float):
                    values[f.name] = float(raw)
                elif f.name == "margin":
                    m = tuple(float(x) for x in raw)
                    if len(m) == 4:
                        values[f.name] = m
                elif isinstance(current, tuple):
                    values[f.name] = tuple(str(x) for x in raw if str(x).strip())
                else:
                    values[f.name] = str(raw)
            except (TypeError, ValueError):
                continue
        return dataclasses.replace(base, **values)


# --------------------------------------------------------------------------- templates


@dataclass(frozen=True)
class TemplateSk:
    """Decree wording read from a TOML template (see ``resources/templates/sk/``)."""

    nama: str
    versi: str
    judul: str
    menimbang: tuple[str, ...]
    diktum: tuple[str, ...]
    diktum_pencabutan: str
    penyampaian: str
    judul_lampiran: str
    mengingat: tuple[str, ...]
    tembusan: tuple[str, ...]
    tembusan_petikan: tuple[str, ...]
    tembusan_spmt: tuple[str, ...]
    spmt_perintah: dict[str, Any]
    spmt_pernyataan: dict[str, Any]


def _texts(section: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = section.get(key)
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise DomainError("sk.template_tidak_sah", detail=f"{where}.{key} harus daftar teks")
    return tuple(" ".join(x.split()) for x in value)


def _text(section: Mapping[str, Any], key: str, where: str) -> str:
    value = section.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DomainError("sk.template_tidak_sah", detail=f"{where}.{key} harus teks")
    return " ".join(value.split())


def parse_template(text: str) -> TemplateSk:
    """Read and check a template; ``DomainError('sk.template_tidak_sah')`` when it is broken."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DomainError("sk.template_tidak_sah", detail=str(exc)) from exc
    head = data.get("template")
    if not isinstance(head, dict):
        raise DomainError("sk.template_tidak_sah", detail="bagian [template] tidak ada")
    sk = data.get("sk", {})
    bawaan = data.get("bawaan", {})
    perintah = data.get("spmt_perintah", {})
    pernyataan = data.get("spmt_pernyataan", {})
    for name, section in (
        ("sk", sk),
        ("bawaan", bawaan),
        ("spmt_perintah", perintah),
        ("spmt_pernyataan", pernyataan),
    ):
        if not isinstance(section, dict):
            raise DomainError("sk.template_tidak_sah", detail=f"bagian [{name}] tidak ada")
    versi = head.get("versi")
    if not isinstance(versi, str | int) or not str(versi).strip():
        raise DomainError("sk.template_tidak_sah", detail="template.versi wajib diisi")
    tpl = TemplateSk(
        nama=_text(head, "nama", "template"),
        versi=str(versi),
        judul=_text(sk, "judul", "sk"),
        menimbang=_texts(sk, "menimbang", "sk"),
        diktum=_texts(sk, "diktum", "sk"),
        diktum_pencabutan=_text(sk, "diktum_pencabutan", "sk"),
        penyampaian=_text(sk, "penyampaian", "sk"),
        judul_lampiran=_text(sk, "judul_lampiran", "sk"),
        mengingat=_texts(bawaan, "mengingat", "bawaan"),
        tembusan=_texts(bawaan, "tembusan", "bawaan"),
        tembusan_petikan=_texts(bawaan, "tembusan_petikan", "bawaan"),
        tembusan_spmt=_texts(bawaan, "tembusan_spmt", "bawaan"),
        spmt_perintah={
            "dasar": _text(perintah, "dasar", "spmt_perintah"),
            "untuk": _texts(perintah, "untuk", "spmt_perintah"),
        },
        spmt_pernyataan={
            "pernyataan": _text(pernyataan, "pernyataan", "spmt_pernyataan"),
            "penutup": _text(pernyataan, "penutup", "spmt_pernyataan"),
        },
    )
    if not tpl.diktum or not tpl.menimbang:
        raise DomainError("sk.template_tidak_sah", detail="menimbang dan diktum wajib diisi")
    return tpl


# --------------------------------------------------------------------------- content


@dataclass(frozen=True)
class BarisSk:
    """One person moved by the decree: a row of the Lampiran, a petikan, an SPMT."""

    nama: str
    nip: str
    pangkat: str
    jabatan_lama: str
    unit_lama: str
    jabatan_baru: str
    unit_baru: str
    opd_baru: str = ""
    keterangan: str = ""
    pegawai_id: int | None = None
    usulan_id: int | None = None
    kepala_baru: Pejabat | None = None  # signs the Surat Pernyataan Melaksanakan Tugas

    @property
    def jabatan_lama_lengkap(self) -> str:
        return _jabatan_pada(self.jabatan_lama, self.unit_lama)

    @property
    def jabatan_baru_lengkap(self) -> str:
        return _jabatan_pada(self.jabatan_baru, self.unit_baru)

    @property
    def nip_tampil(self) -> str:
        return format_nip(self.nip)

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["kepala_baru"] = self.kepala_baru.to_dict() if self.kepala_baru else None
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BarisSk:
        kepala = data.get("kepala_baru")
        return cls(
            nama=str(data["nama"]),
            nip=str(data["nip"]),
            pangkat=str(data.get("pangkat") or ""),
            jabatan_lama=str(data.get("jabatan_lama") or ""),
            unit_lama=str(data.get("unit_lama") or ""),
            jabatan_baru=str(data.get("jabatan_baru") or ""),
            unit_baru=str(data.get("unit_baru") or ""),
            opd_baru=str(data.get("opd_baru") or ""),
            keterangan=str(data.get("keterangan") or ""),
            pegawai_id=_opt_int(data.get("pegawai_id")),
            usulan_id=_opt_int(data.get("usulan_id")),
            kepala_baru=Pejabat.from_dict(kepala) if kepala else None,
        )


def urutkan_baris(baris: Iterable[BarisSk]) -> list[BarisSk]:
    """Highest PNS rank first, then by name (as a DUK orders); PPPK and unknown ranks last."""

    def key(b: BarisSk) -> tuple[int, str]:
        gol = parse_golongan(b.pangkat) if b.pangkat else None
        rank = gol.rank if gol is not None and not gol.is_pppk else 0
        return (-rank, b.nama.lower())

    return sorted(baris, key=key)


def _opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _jabatan_pada(jabatan: str, unit: str) -> str:
    jabatan, unit = jabatan.strip(), unit.strip()
    if not unit:
        return jabatan
    if not jabatan:
        return unit
    return f"{jabatan} pada {unit}"


def unit_lengkap(nama_unit: str | None, nama_opd: str | None) -> str:
    """``Bidang Lalu Lintas Dinas Perhubungan``; the OPD alone for its root office."""
    unit = (nama_unit or "").strip()
    opd = (nama_opd or "").strip()
    if not unit or unit.lower() == opd.lower():
        return opd
    if not opd or opd.lower() in unit.lower():
        return unit
    return f"{unit} {opd}"


@dataclass(frozen=True)
class RujukanSk:
    """A reference to another decree (the one a correction replaces)."""

    id: int
    nomor: str
    tanggal: date
    judul: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "nomor": self.nomor,
            "tanggal": self.tanggal.isoformat(),
            "judul": self.judul,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RujukanSk:
        return cls(
            int(data["id"]),
            str(data["nomor"]),
            date.fromisoformat(str(data["tanggal"])),
            str(data["judul"]),
        )


@dataclass(frozen=True)
class TataLetak:
    """How documents are printed; frozen with a final decree so re-prints look the same."""

    kertas: Kertas = Kertas.F4
    margin: tuple[float, float, float, float] = MARGIN_BAWAAN
    huruf: Huruf = Huruf.SANS
    ukuran_huruf: float = 12.0
    logo: bytes | None = None

    @property
    def logo_sha256(self) -> str | None:
        return hashlib.sha256(self.logo).hexdigest() if self.logo else None

    def to_dict(self, *, with_logo: bool = True) -> dict[str, Any]:
        import base64

        out: dict[str, Any] = {
            "kertas": self.kertas.value,
            "margin": [_num(m) for m in self.margin],
            "huruf": self.huruf.value,
            "ukuran_huruf": _num(self.ukuran_huruf),
            "logo_sha256": self.logo_sha256,
        }
        if with_logo:
            out["logo"] = base64.b64encode(self.logo).decode("ascii") if self.logo else None
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TataLetak:
        import base64

        logo = data.get("logo")
        margin = tuple(float(m) for m in data.get("margin") or MARGIN_BAWAAN)
        return cls(
            kertas=Kertas(data.get("kertas") or Kertas.F4.value),
            margin=(margin[0], margin[1], margin[2], margin[3]),
            huruf=Huruf(data.get("huruf") or Huruf.SANS.value),
            ukuran_huruf=float(data.get("ukuran_huruf") or 12.0),
            logo=base64.b64decode(logo) if logo else None,
        )

    @classmethod
    def dari_pengaturan(cls, p: PengaturanSk, logo: bytes | None) -> TataLetak:
        return cls(p.kertas, p.margin, p.huruf, p.ukuran_huruf, logo)


def _num(value: float) -> float | int:
    """Whole floats as ints, so 25 and 25.0 hash alike after a JSON round trip."""
    return int(value) if float(value).is_integer() else round(float(value), 3)


@dataclass(frozen=True)
class IsiSk:
    """Everything printed in a decree and the letters that follow it."""

    template: str
    template_versi: str
    daerah: str  # "Kabupaten Mamuju"
    provinsi: str
    kepala_daerah: str  # "Bupati Mamuju"
    judul: str  # "tentang …"
    menimbang: tuple[str, ...]
    mengingat: tuple[str, ...]
    diktum: tuple[str, ...]
    penyampaian: str
    gaya_diktum: GayaDiktum
    tempat: str
    tmt: date | None
    penandatangan: TandaTangan
    pengesah_petikan: TandaTangan
    tembusan: tuple[str, ...]
    tembusan_petikan: tuple[str, ...]
    tembusan_spmt: tuple[str, ...]
    jenis_spmt: JenisSpmt
    spmt_perintah: Mapping[str, Any]
    spmt_pernyataan: Mapping[str, Any]
    judul_lampiran: str
    baris: tuple[BarisSk, ...] = ()
    mengganti: RujukanSk | None = None
    nomor: str | None = None
    tanggal: date | None = None

    # ------------------------------------------------------------------ placeholders

    def nilai(self, baris: BarisSk | None = None) -> dict[str, str]:
        """Placeholder values for this decree (and one person's row)."""
        values = {
            "daerah": self.daerah,
            "provinsi": self.provinsi,
            "kepala_daerah": self.kepala_daerah,
            "judul": self.judul,
            "tmt": format_tanggal(self.tmt) if self.tmt else "……………",
            "nomor": self.nomor or "……………",
            "tanggal": format_tanggal(self.tanggal) if self.tanggal else "……………",
            "tempat": self.tempat,
            "jumlah": str(len(self.baris)),
            "sk_lama": self.rujukan_lama(),
        }
        for i in range(1, len(self.diktum) + 2):
            values[f"d{i}"] = diktum_label(i, self.gaya_diktum)
        if baris is not None:
            values.update(
                nama=baris.nama,
                nip=baris.nip_tampil,
                pangkat=baris.pangkat,
                jabatan_lama=baris.jabatan_lama_lengkap,
                jabatan_baru=baris.jabatan_baru,
                unit_baru=baris.unit_baru,
                opd_baru=baris.opd_baru or baris.unit_baru,
            )
        return values

    def rujukan_lama(self) -> str:
        if self.mengganti is None:
            return ""
        m = self.mengganti
        return (
            f"Keputusan {self.kepala_daerah} Nomor {m.nomor} tanggal "
            f"{format_tanggal(m.tanggal)} tentang {m.judul}"
        )

    def isi(self, text: str, baris: BarisSk | None = None) -> str:
        return fill(text, self.nilai(baris))

    @property
    def judul_terisi(self) -> str:
        return self.isi(self.judul)

    def diktum_terisi(self) -> list[tuple[str, str]]:
        """(label, text) of every diktum with placeholders filled."""
        values = self.nilai()
        return [
            (diktum_label(i, self.gaya_diktum), fill(text, values))
            for i, text in enumerate(self.diktum, start=1)
        ]

    def menimbang_terisi(self) -> list[tuple[str, str]]:
        values = self.nilai()
        return [(f"{huruf_urut(i)}.", fill(t, values)) for i, t in enumerate(self.menimbang, 1)]

    # ------------------------------------------------------------------ persistence

    def to_dict(self) -> dict[str, Any]:
        return {
            "template": self.template,
            "template_versi": self.template_versi,
            "daerah": self.daerah,
            "provinsi": self.provinsi,
            "kepala_daerah": self.kepala_daerah,
            "judul": self.judul,
            "menimbang": list(self.menimbang),
            "mengingat": list(self.mengingat),
            "diktum": list(self.diktum),
            "penyampaian": self.penyampaian,
            "gaya_diktum": self.gaya_diktum.value,
            "tempat": self.tempat,
            "tmt": self.tmt.isoformat() if self.tmt else None,
            "penandatangan": self.penandatangan.to_dict(),
            "pengesah_petikan": self.pengesah_petikan.to_dict(),
            "tembusan": list(self.tembusan),
            "tembusan_petikan": list(self.tembusan_petikan),
            "tembusan_spmt": list(self.tembusan_spmt),
            "jenis_spmt": self.jenis_spmt.value,
            "spmt_perintah": _plain(self.spmt_perintah),
            "spmt_pernyataan": _plain(self.spmt_pernyataan),
            "judul_lampiran": self.judul_lampiran,
            "baris": [b.to_dict() for b in self.baris],
            "mengganti": self.mengganti.to_dict() if self.mengganti else None,
            "nomor": self.nomor,
            "tanggal": self.tanggal.isoformat() if self.tanggal else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IsiSk:
        tmt = data.get("tmt")
        tanggal = data.get("tanggal")
        mengganti = data.get("mengganti")
        return cls(
            template=str(data["template"]),
            template_versi=str(data["template_versi"]),
            daerah=str(data["daerah"]),
            provinsi=str(data.get("provinsi") or ""),
            kepala_daerah=str(data["kepala_daerah"]),
            judul=str(data["judul"]),
            menimbang=tuple(data.get("menimbang") or ()),
            mengingat=tuple(data.get("mengingat") or ()),
            diktum=tuple(data.get("diktum") or ()),
            penyampaian=str(data.get("penyampaian") or ""),
            gaya_diktum=GayaDiktum(data.get("gaya_diktum") or GayaDiktum.KESATU.value),
            tempat=str(data.get("tempat") or ""),
            tmt=date.fromisoformat(tmt) if tmt else None,
            penandatangan=TandaTangan.from_dict(data["penandatangan"]),
            pengesah_petikan=TandaTangan.from_dict(data["pengesah_petikan"]),
            tembusan=tuple(data.get("tembusan") or ()),
            tembusan_petikan=tuple(data.get("tembusan_petikan") or ()),
            tembusan_spmt=tuple(data.get("tembusan_spmt") or ()),
            jenis_spmt=JenisSpmt(data.get("jenis_spmt") or JenisSpmt.PERNYATAAN.value),
            spmt_perintah=_tuplify(data.get("spmt_perintah") or {}),
            spmt_pernyataan=_tuplify(data.get("spmt_pernyataan") or {}),
            judul_lampiran=str(data.get("judul_lampiran") or ""),
            baris=tuple(BarisSk.from_dict(b) for b in data.get("baris") or ()),
            mengganti=RujukanSk.from_dict(mengganti) if mengganti else None,
            nomor=data.get("nomor"),
            tanggal=date.fromisoformat(tanggal) if tanggal else None,
        )


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _tuplify(value: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k): tuple(v) if isinstance(v, list | tuple) else v for k, v in value.items()}


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, values: Mapping[str, str]) -> str:
    """Fill ``{name}`` placeholders; unknown ones stay as typed, odd braces leave text as is."""
    try:
        return text.format_map(_Keep(values))
    except (ValueError, IndexError, AttributeError, KeyError):
        return text


# --------------------------------------------------------------------------- drafting


def penandatangan_sk(p: PengaturanSk) -> TandaTangan:
    """The decree's signature block (reference §4.1.10: elected officials sign without NIP)."""
    kepala = p.kepala_daerah.upper()
    if p.mode_penandatangan is ModePenandatangan.AN_SEKDA:
        return blok_pejabat((f"a.n. {kepala}", "SEKRETARIS DAERAH,"), p.sekda)
    if p.mode_penandatangan is ModePenandatangan.PLT:
        return TandaTangan((f"Plt. {kepala},",), nama_tanda_tangan(p.pejabat_pengganti))
    if p.mode_penandatangan is ModePenandatangan.PLH:
        return TandaTangan((f"Plh. {kepala},",), nama_tanda_tangan(p.pejabat_pengganti))
    return TandaTangan((f"{kepala},",), nama_tanda_tangan(p.bupati))


def pengesah_petikan(p: PengaturanSk) -> TandaTangan:
    """'Petikan sesuai dengan aslinya, a.n. BUPATI …, SEKRETARIS DAERAH' (reference §4.1.13)."""
    daerah = f"{p.jenis_daerah.upper()} {p.nama_daerah.upper()}"
    return blok_pejabat(
        (f"a.n. {p.kepala_daerah.upper()}", f"SEKRETARIS DAERAH {daerah},"), p.sekda
    )


def draft_isi(
    template: TemplateSk,
    pengaturan: PengaturanSk,
    baris: Iterable[BarisSk],
    *,
    tmt: date | None,
    mengganti: RujukanSk | None = None,
) -> IsiSk:
    """A new decree's content from a template, the regency settings and the lines."""
    p = pengaturan
    base = {
        "daerah": p.daerah.strip(),
        "provinsi": p.provinsi.strip(),
        "kepala_daerah": p.kepala_daerah,
        "tempat": p.tempat_penetapan,
    }
    judul = fill(template.judul, base)
    diktum = list(template.diktum)
    if mengganti is not None:
        diktum.insert(len(diktum) - 1, template.diktum_pencabutan)

    def pick(own: tuple[str, ...], default: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(fill(t, base) for t in (own or default))

    return IsiSk(
        template=template.nama,
        template_versi=template.versi,
        daerah=base["daerah"],
        provinsi=base["provinsi"],
        kepala_daerah=p.kepala_daerah,
        judul=judul,
        menimbang=tuple(fill(t, {**base, "judul": judul}) for t in template.menimbang),
        mengingat=pick(p.mengingat, template.mengingat),
        diktum=tuple(fill(t, {**base, "judul": judul}) for t in diktum),
        penyampaian=fill(template.penyampaian, base),
        gaya_diktum=p.gaya_diktum,
        tempat=p.tempat_penetapan,
        tmt=tmt,
        penandatangan=penandatangan_sk(p),
        pengesah_petikan=pengesah_petikan(p),
        tembusan=pick(p.tembusan, template.tembusan),
        tembusan_petikan=pick(p.tembusan_petikan, template.tembusan_petikan),
        tembusan_spmt=pick(p.tembusan_spmt, template.tembusan_spmt),
        jenis_spmt=p.jenis_spmt,
        spmt_perintah=_tuplify(template.spmt_perintah),
        spmt_pernyataan=_tuplify(template.spmt_pernyataan),
        judul_lampiran=fill(template.judul_lampiran, base),
        baris=tuple(baris),
        mengganti=mengganti,
    )


_PLACEHOLDER_GAPS = ("…", "...")


def masalah_final(isi: IsiSk) -> list[Problem]:
    """What keeps a draft from becoming final (errors) or deserves a second look (warnings)."""
    problems: list[Problem] = []
    if not isi.baris:
        problems.append(Problem("sk.tanpa_baris"))
    if isi.tmt is None:
        problems.append(Problem("sk.tmt_kosong", field="tmt"))
    if not isi.penandatangan.nama.strip():
        problems.append(Problem("sk.penandatangan_kosong"))
    if not isi.pengesah_petikan.nama.strip():
        problems.append(Problem("sk.pengesah_kosong"))
    if not isi.diktum:
        problems.append(Problem("sk.tanpa_diktum"))
    seen: dict[str, int] = {}
    for i, b in enumerate(isi.baris, start=1):
        key = b.nip or b.nama
        if key in seen:
            problems.append(
                Problem("sk.pegawai_ganda", params={"nama": b.nama, "baris": seen[key], "lagi": i})
            )
        seen[key] = i
    texts = [*isi.menimbang, *isi.mengingat, *isi.diktum, isi.judul, *isi.tembusan]
    for text in texts:
        if any(gap in text for gap in _PLACEHOLDER_GAPS):
            problems.append(
                Problem(
                    "sk.isian_kosong",
                    Severity.WARNING,
                    params={"teks": text[:80] + ("…" if len(text) > 80 else "")},
                )
            )
    for text in [*isi.diktum, *isi.menimbang, isi.judul]:
        for name in re.findall(r"\{([a-z_0-9]+)\}", text):
            if name not in isi.nilai(isi.baris[0] if isi.baris else None):
                problems.append(Problem("sk.isian_tidak_dikenal", params={"nama": name}))
    return problems


# --------------------------------------------------------------------------- hash and codes


def canonical_json(isi: IsiSk, tata_letak: TataLetak) -> str:
    """One deterministic text for the content: sorted keys, NFC strings, ISO dates."""
    payload = {"isi": isi.to_dict(), "tata_letak": tata_letak.to_dict(with_logo=False)}
    return json.dumps(
        _nfc(payload), sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc(v) for v in value]
    if isinstance(value, float):
        return _num(value)
    return value


def hash_isi(isi: IsiSk, tata_letak: TataLetak) -> str:
    return hashlib.sha256(canonical_json(isi, tata_letak).encode("utf-8")).hexdigest()


# Crockford's base32: no I, L, O, U, so a code read aloud or typed is hard to get wrong.
ALFABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_TYPO = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})
KODE_DATA = 11
_KODE_RE = re.compile(r"([0-9A-Za-z]{4})[\s-]?([0-9A-Za-z]{4})[\s-]?([0-9A-Za-z]{4})")
PENANDA_QR = "KODE VERIFIKASI"


def _check_char(data: str) -> str:
    total = sum((i + 1) * ALFABET.index(ch) for i, ch in enumerate(data))
    return ALFABET[total % 32]


def kode_verifikasi(hash_hex: str, jenis: JenisDokumen, nip: str = "") -> str:
    """The short code printed on one document: ``XXXX-XXXX-XXXX`` (11 characters + 1 check).

    Derived from the decree's content hash, the document kind and the person, so each petikan
    and letter has its own code and any change of content gives different codes.
    """
    digest = hashlib.sha256(f"{hash_hex}|{jenis.value}|{nip}".encode()).digest()
    n = int.from_bytes(digest[:8], "big")
    chars = []
    for _ in range(KODE_DATA):
        n, r = divmod(n, 32)
        chars.append(ALFABET[r])
    data = "".join(chars)
    code = data + _check_char(data)
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def parse_kode(text: str) -> str | None:
    """Find a verification code in typed or scanned text (QR payload, with typos like O for 0).

    Returns the canonical ``XXXX-XXXX-XXXX`` or None when nothing with a valid check is found.
    """
    if not text:
        return None
    upper = text.upper()
    start = upper.find(PENANDA_QR)
    candidates = [upper[start + len(PENANDA_QR) :]] if start >= 0 else []
    candidates.append(upper)
    for chunk in candidates:
        for m in _KODE_RE.finditer(chunk):
            raw = "".join(m.groups()).translate(_TYPO)
            if any(ch not in ALFABET for ch in raw):
                continue
            if _check_char(raw[:KODE_DATA]) == raw[KODE_DATA]:
                return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"
    return None


_QR_JENIS = {
    JenisDokumen.SK: "SK",
    JenisDokumen.PETIKAN: "PETIKAN SK",
    JenisDokumen.SPMT_PERINTAH: "SURAT PERINTAH MELAKSANAKAN TUGAS",
    JenisDokumen.SPMT_PERNYATAAN: "SURAT PERNYATAAN MELAKSANAKAN TUGAS",
}


def qr_payload(kode: str, jenis: JenisDokumen, daerah: str) -> str:
    """Text inside the QR: readable on any phone, parseable by the app.

    Capitals, digits, spaces and '-' only, so the QR uses its compact alphanumeric mode and
    stays small enough to print at 17 mm and read with an ordinary scanner.
    """
    text = f"{_QR_JENIS[jenis]} {daerah} {PENANDA_QR} {kode}".upper()
    return re.sub(r"[^0-9A-Z \-]", "", text)


def nama_berkas(jenis: JenisDokumen, baris: BarisSk | None, nomor_urut: int | None) -> str:
    """``petikan-003-198609262015051001.pdf``; the SK itself ``sk.pdf``."""
    if baris is None:
        return f"{jenis.berkas}.pdf"
    ident = re.sub(r"[^0-9A-Za-z]+", "", baris.nip) or "pegawai"
    prefix = f"{nomor_urut:03d}-" if nomor_urut is not None else ""
    return f"{jenis.berkas}-{prefix}{ident}.pdf"
