"""The demo regency's data files (resources/demo/*.json) read into typed, validated tables."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from mutasi_desktop.config.paths import resource_root
from mutasi_desktop.domain.golongan import Golongan, golongan_awal_pns, pns
from mutasi_desktop.domain.jabatan import JenisJabatan, JenjangJabatan
from mutasi_desktop.domain.pegawai import Agama, TingkatPendidikan

FORMAT = 1
SEKTOR_UMUM = "umum"
SEKTOR_PENDIDIKAN = "pendidikan"
SEKTOR_KESEHATAN = "kesehatan"

# How a functional jenjang is written at the end of a jabatan name ("Perawat Terampil").
JENJANG_LABEL: dict[JenjangJabatan, str] = {
    JenjangJabatan.AHLI_UTAMA: "Ahli Utama",
    JenjangJabatan.AHLI_MADYA: "Ahli Madya",
    JenjangJabatan.AHLI_MUDA: "Ahli Muda",
    JenjangJabatan.AHLI_PERTAMA: "Ahli Pertama",
    JenjangJabatan.PENYELIA: "Penyelia",
    JenjangJabatan.MAHIR: "Mahir",
    JenjangJabatan.TERAMPIL: "Terampil",
    JenjangJabatan.PEMULA: "Pemula",
}


class DemoDataError(ValueError):
    """A demo data file is missing, malformed or refers to something unknown."""


@dataclass(frozen=True)
class Program:
    jurusan: str
    gelar: str  # back title(s) as printed, "" for none
    bobot: float
    agama: Agama | None  # only for people of this religion (religious education)


@dataclass(frozen=True)
class OpsiPendidikan:
    tingkat: TingkatPendidikan
    bobot: float
    program: tuple[Program, ...]
    gelar_lama: str | None  # "Drs."/"Ir.": front title of S-1 graduates before 1995
    gelar_depan: str | None  # "dr.", "drg.", "drh."


@dataclass(frozen=True)
class Profil:
    kunci: str
    sektor: str
    perempuan: float
    pendidikan: tuple[OpsiPendidikan, ...]
    kompetensi: tuple[str, ...]
    pelatihan: tuple[tuple[str, int, str], ...]


@dataclass(frozen=True)
class JabatanDef:
    """A position type from the catalogue: pelaksana, functional (rumpun + jenjang) or special."""

    nama: str
    jenjang: JenjangJabatan
    kelas: int
    pendidikan_min: TingkatPendidikan
    profil: str
    syarat: tuple[str, ...]
    rumpun: str | None = None
    golongan: tuple[Golongan, Golongan] | None = None  # range when it differs from the jenjang's

    @property
    def jenis(self) -> JenisJabatan:
        return self.jenjang.jenis


@dataclass(frozen=True)
class Asal:
    """An origin group: name stock, religion mix and birthplaces."""

    kunci: str
    agama: tuple[tuple[Agama, float], ...]
    nama: dict[Agama, tuple[tuple[str, ...], tuple[str, ...]]]  # (laki, perempuan)
    awalan_laki: tuple[tuple[str, float], ...]
    awalan_perempuan: tuple[tuple[str, float], ...]
    belakang_laki: tuple[str, ...]
    belakang_perempuan: tuple[str, ...]
    pola: tuple[float, float, float]  # one, two or three name parts
    tempat_lahir: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class DemoData:
    profil: dict[str, Profil]
    kompetensi_umum: tuple[str, ...]
    pelatihan_umum: tuple[tuple[str, int, str], ...]
    fungsional: dict[str, dict[str, Any]]
    pelaksana: dict[str, JabatanDef]
    khusus: dict[str, JabatanDef]
    kelas_jenjang: dict[JenjangJabatan, int]
    pendidikan_jenjang: dict[JenjangJabatan, TingkatPendidikan]
    golongan_jenjang: dict[JenjangJabatan, tuple[Golongan, Golongan]]
    asal: dict[str, Asal]
    nama_cadangan: dict[Agama, str]
    campuran_asal: dict[str, tuple[tuple[str, float], ...]]
    organisasi: dict[str, Any]
    nama: dict[str, Any]

    def jabatan(self, nama: str) -> JabatanDef | None:
        """The catalogue entry for a position name, or None when it is not in the catalogue."""
        if nama in self.pelaksana:
            return self.pelaksana[nama]
        if nama in self.khusus:
            return self.khusus[nama]
        for jenjang, label in JENJANG_LABEL.items():
            suffix = " " + label
            if nama.endswith(suffix):
                rumpun = nama[: -len(suffix)]
                fam = self.fungsional.get(rumpun)
                if fam is not None and jenjang.value in fam["jenjang"]:
                    return self._fungsional_def(rumpun, fam, jenjang)
        return None

    def jabatan_rumpun(self, rumpun: str, jenjang: JenjangJabatan) -> JabatanDef | None:
        fam = self.fungsional.get(rumpun)
        if fam is None or jenjang.value not in fam["jenjang"]:
            return None
        return self._fungsional_def(rumpun, fam, jenjang)

    def _fungsional_def(
        self, rumpun: str, fam: dict[str, Any], jenjang: JenjangJabatan
    ) -> JabatanDef:
        pendidikan = fam.get("pendidikan", {}).get(jenjang.value)
        return JabatanDef(
            nama=f"{rumpun} {JENJANG_LABEL[jenjang]}",
            jenjang=jenjang,
            kelas=self.kelas_jenjang[jenjang] + int(fam.get("kelas_tambah", 0)),
            pendidikan_min=(
                TingkatPendidikan(pendidikan) if pendidikan else self.pendidikan_jenjang[jenjang]
            ),
            profil=fam["profil"],
            syarat=tuple(fam.get("syarat", ())),
            rumpun=rumpun,
        )

    def golongan_range(self, jabatan: JabatanDef) -> tuple[Golongan, Golongan] | None:
        return jabatan.golongan or self.golongan_jenjang.get(jabatan.jenjang)

    def golongan_min(self, jenjang: JenjangJabatan, pendidikan_min: TingkatPendidikan) -> str:
        """The lowest golongan a holder may have: the jenjang's floor or the entry golongan."""
        rng = self.golongan_jenjang.get(jenjang)
        return rng[0].kode if rng else golongan_awal_pns(pendidikan_min).kode


def _read(folder: Path, name: str) -> dict[str, Any]:
    path = folder / name
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, json.JSONDecodeError) as exc:
        raise DemoDataError(f"{path}: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DemoDataError(f"{path}: expected an object with format {FORMAT}")
    return data


def _jenjang(text: str, where: str) -> JenjangJabatan:
    try:
        return JenjangJabatan(text)
    except ValueError:
        raise DemoDataError(f"{where}: unknown jenjang {text!r}") from None


def _tingkat(text: str, where: str) -> TingkatPendidikan:
    try:
        return TingkatPendidikan(text)
    except ValueError:
        raise DemoDataError(f"{where}: unknown education level {text!r}") from None


def _profil(kunci: str, raw: dict[str, Any]) -> Profil:
    opsi: list[OpsiPendidikan] = []
    for item in raw["pendidikan"]:
        programs = []
        for prog in item["program"]:
            jurusan, gelar = prog[0], prog[1]
            bobot = float(prog[2]) if len(prog) > 2 else 1.0
            agama = Agama(prog[3]) if len(prog) > 3 else None
            programs.append(Program(jurusan, gelar, bobot, agama))
        opsi.append(
            OpsiPendidikan(
                tingkat=_tingkat(item["tingkat"], f"profil {kunci}"),
                bobot=float(item.get("bobot", 1.0)),
                program=tuple(programs),
                gelar_lama=item.get("gelar_lama"),
                gelar_depan=item.get("gelar_depan"),
            )
        )
    return Profil(
        kunci=kunci,
        sektor=raw.get("sektor", SEKTOR_UMUM),
        perempuan=float(raw["perempuan"]),
        pendidikan=tuple(opsi),
        kompetensi=tuple(raw.get("kompetensi", ())),
        pelatihan=tuple((p[0], int(p[1]), p[2]) for p in raw.get("pelatihan", ())),
    )


def _asal(kunci: str, raw: dict[str, Any]) -> Asal:
    nama: dict[Agama, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for agama, lists in raw["nama"].items():
        nama[Agama(agama)] = (tuple(lists["laki"]), tuple(lists["perempuan"]))
    awalan = raw.get("awalan", {})
    pola = raw["pola"]
    return Asal(
        kunci=kunci,
        agama=tuple((Agama(k), float(v)) for k, v in raw["agama"].items()),
        nama=nama,
        awalan_laki=tuple((a, float(p)) for a, p in awalan.get("laki", ())),
        awalan_perempuan=tuple((a, float(p)) for a, p in awalan.get("perempuan", ())),
        belakang_laki=tuple(raw.get("belakang_laki", raw.get("belakang", ()))),
        belakang_perempuan=tuple(raw.get("belakang_perempuan", raw.get("belakang", ()))),
        pola=(float(pola["tunggal"]), float(pola["dua"]), float(pola["tiga"])),
        tempat_lahir=tuple((t, float(w)) for t, w in raw["tempat_lahir"]),
    )


def _gol_pair(pair: list[str]) -> tuple[Golongan, Golongan]:
    return pns(pair[0]), pns(pair[1])


def parse_demo_data(folder: Path) -> DemoData:
    profil_raw = _read(folder, "profil.json")
    jabatan_raw = _read(folder, "jabatan.json")
    nama_raw = _read(folder, "nama.json")
    org_raw = _read(folder, "organisasi.json")

    profil = {k: _profil(k, v) for k, v in profil_raw["profil"].items()}
    kelas_jenjang = {
        _jenjang(k, "kelas_jenjang"): int(v) for k, v in jabatan_raw["kelas_jenjang"].items()
    }
    pendidikan_jenjang = {
        _jenjang(k, "pendidikan_jenjang"): _tingkat(v, "pendidikan_jenjang")
        for k, v in jabatan_raw["pendidikan_jenjang"].items()
    }
    golongan_jenjang = {
        _jenjang(k, "golongan_jenjang"): _gol_pair(v)
        for k, v in jabatan_raw["golongan_jenjang"].items()
    }
    pelaksana = {
        nama: JabatanDef(
            nama=nama,
            jenjang=JenjangJabatan.PELAKSANA,
            kelas=int(v["kelas"]),
            pendidikan_min=_tingkat(v["pendidikan"], nama),
            profil=v["profil"],
            syarat=tuple(v.get("syarat", ())),
        )
        for nama, v in jabatan_raw["pelaksana"].items()
    }
    khusus = {
        nama: JabatanDef(
            nama=nama,
            jenjang=_jenjang(v["jenjang"], nama),
            kelas=int(v["kelas"]),
            pendidikan_min=_tingkat(v["pendidikan"], nama),
            profil=v["profil"],
            syarat=tuple(v.get("syarat", ())),
            rumpun=v.get("rumpun"),
            golongan=_gol_pair(v["golongan"]) if "golongan" in v else None,
        )
        for nama, v in jabatan_raw["khusus"].items()
    }
    fungsional: dict[str, dict[str, Any]] = jabatan_raw["fungsional"]
    for rumpun, fam in fungsional.items():
        for j in fam["jenjang"]:
            _jenjang(j, rumpun)
        if fam["profil"] not in profil:
            raise DemoDataError(f"rumpun {rumpun}: unknown profil {fam['profil']!r}")
    for d in (*pelaksana.values(), *khusus.values()):
        if d.profil not in profil:
            raise DemoDataError(f"jabatan {d.nama}: unknown profil {d.profil!r}")

    asal = {k: _asal(k, v) for k, v in nama_raw["asal"].items()}
    campuran = {
        lokasi: tuple((k, float(w)) for k, w in mix.items())
        for lokasi, mix in nama_raw["campuran_asal"].items()
    }
    for lokasi, mix in campuran.items():
        for k, _ in mix:
            if k not in asal:
                raise DemoDataError(f"campuran_asal {lokasi}: unknown asal {k!r}")
    cadangan = {Agama(k): v for k, v in nama_raw["nama_cadangan"].items()}

    return DemoData(
        profil=profil,
        kompetensi_umum=tuple(profil_raw["kompetensi_umum"]),
        pelatihan_umum=tuple((p[0], int(p[1]), p[2]) for p in profil_raw["pelatihan_umum"]),
        fungsional=fungsional,
        pelaksana=pelaksana,
        khusus=khusus,
        kelas_jenjang=kelas_jenjang,
        pendidikan_jenjang=pendidikan_jenjang,
        golongan_jenjang=golongan_jenjang,
        asal=asal,
        nama_cadangan=cadangan,
        campuran_asal=campuran,
        organisasi=org_raw,
        nama=nama_raw,
    )


@lru_cache(maxsize=4)
def load_demo_data(folder: Path | None = None) -> DemoData:
    """Read and check the demo data files once per folder (default: ``resources/demo``)."""
    return parse_demo_data(folder or resource_root() / "demo")
