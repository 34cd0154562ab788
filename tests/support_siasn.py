"""Realistic SIASN "data utama" exports for tests and benchmarks, and a fast .xlsx writer.

The people are invented but shaped like a regency's export (reference 3.5): every column of the
national export, NIPs consistent with birth date, TMT CPNS and gender, golongan that fit the
education, 60 OPDs with their units and about 1,500 positions. Deterministic for a given seed.
"""

from __future__ import annotations

import random
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from mutasi_desktop.domain.golongan import ALL_PNS, golongan_awal_pns
from mutasi_desktop.domain.nip import make_nip
from mutasi_desktop.domain.pegawai import JenisKelamin, TingkatPendidikan

# Reference 3.5, in export order, plus unor_induk_nama and the eselon columns some exports add.
SIASN_COLUMNS: tuple[str, ...] = (
    "pns_id",
    "nip_baru",
    "nip_lama",
    "nama",
    "gelar_depan",
    "gelar_belakang",
    "tempat_lahir_id",
    "tempat_lahir_nama",
    "tanggal_lahir",
    "jenis_kelamin",
    "agama_id",
    "agama_nama",
    "jenis_kawin_id",
    "jenis_kawin_nama",
    "nik",
    "nomor_hp",
    "email",
    "email_gov",
    "alamat",
    "npwp_nomor",
    "bpjs",
    "jenis_pegawai_id",
    "jenis_pegawai_nama",
    "kedudukan_hukum_id",
    "kedudukan_hukum_nama",
    "status_cpns_pns",
    "kartu_asn_virtual",
    "nomor_sk_cpns",
    "tanggal_sk_cpns",
    "tmt_cpns",
    "nomor_sk_pns",
    "tanggal_sk_pns",
    "tmt_pns",
    "gol_awal_id",
    "gol_awal_nama",
    "gol_akhir_id",
    "gol_akhir_nama",
    "tmt_golongan",
    "mk_tahun",
    "mk_bulan",
    "jenis_jabatan_id",
    "jenis_jabatan_nama",
    "jabatan_id",
    "jabatan_nama",
    "tmt_jabatan",
    "tingkat_pendidikan_id",
    "tingkat_pendidikan_nama",
    "pendidikan_id",
    "pendidikan_nama",
    "tahun_lulus",
    "kpkn_id",
    "kpkn_nama",
    "lokasi_kerja_id",
    "lokasi_kerja_nama",
    "unor_id",
    "unor_nama",
    "unor_induk_nama",
    "instansi_induk_id",
    "instansi_induk_nama",
    "instansi_kerja_id",
    "instansi_kerja_nama",
    "satuan_kerja_induk_id",
    "satuan_kerja_induk_nama",
    "satuan_kerja_kerja_id",
    "satuan_kerja_kerja_nama",
    "is_valid_nik",
    "eselon_id",
    "eselon_nama",
    "flag_ikd",
)

_DINAS = (
    "Dinas Sosial",
    "Dinas Perhubungan",
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum dan Penataan Ruang",
    "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Lingkungan Hidup",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Pengendalian Penduduk dan Keluarga Berencana",
    "Dinas Komunikasi dan Informatika",
    "Dinas Koperasi dan Usaha Mikro",
    "Dinas Penanaman Modal dan PTSP",
    "Dinas Pemuda dan Olahraga",
    "Dinas Perpustakaan dan Kearsipan",
    "Dinas Perikanan",
    "Dinas Pariwisata",
    "Dinas Pertanian",
    "Dinas Perdagangan",
    "Dinas Tenaga Kerja dan Transmigrasi",
    "Dinas Ketahanan Pangan",
    "Satuan Polisi Pamong Praja",
    "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Badan Kepegawaian dan Pengembangan SDM",
    "Badan Penanggulangan Bencana Daerah",
    "Badan Kesatuan Bangsa dan Politik",
    "Badan Pendapatan Daerah",
    "Inspektorat Daerah",
    "Sekretariat Daerah",
    "Sekretariat DPRD",
    "Rumah Sakit Umum Daerah",
)
_KECAMATAN = (
    "Mamuju",
    "Simboro",
    "Kalukku",
    "Papalang",
    "Sampaga",
    "Tommo",
    "Kalumpang",
    "Bonehau",
    "Tapalang",
    "Tapalang Barat",
    "Kepulauan Bala Balakang",
)
_PUSKESMAS = (
    "Binanga",
    "Bambu",
    "Karema",
    "Rangas",
    "Kalukku",
    "Beru-Beru",
    "Tampa Padang",
    "Papalang",
    "Sampaga",
    "Tommo",
    "Kalumpang",
    "Bonehau",
    "Tapalang",
    "Dungkait",
    "Balabalakang",
    "Topoyo",
    "Budong-Budong",
)
_UNITS = (
    "Sekretariat",
    "Bidang Perencanaan dan Program",
    "Bidang Pelayanan",
    "Bidang Pengembangan",
    "Bidang Pengawasan dan Evaluasi",
)
_JABATAN = (
    ("Pengadministrasi Umum", "Pelaksana", "", "SLTA"),
    ("Pengelola Data", "Pelaksana", "", "S-1"),
    ("Analis Kebijakan Ahli Muda", "Fungsional Tertentu", "", "S-1"),
    ("Pranata Komputer Ahli Pertama", "Fungsional Tertentu", "", "S-1"),
    ("Bendahara", "Pelaksana", "", "D-III"),
    ("Perencana Ahli Pertama", "Fungsional Tertentu", "", "S-1"),
    ("Arsiparis Terampil", "Fungsional Tertentu", "", "D-III"),
    ("Pengemudi", "Pelaksana", "", "SLTA"),
)
_FIRST_M = ("Andi", "Muhammad", "Ahmad", "Syamsuddin", "Yohanis", "Ridwan", "Basri", "Arifin")
_FIRST_F = ("Sitti", "Nurhayati", "Hasnah", "Maria", "Rahmawati", "Fitriani", "Nurul", "Dewi")
_LAST = ("Baso", "Tahir", "Pattasangi", "Rahman", "Hamzah", "Mappa", "Saleh", "Lempang", "Idris")
_BELAKANG = ("", "", "S.Sos.", "S.E.", "S.Kep.", "A.Md.", "S.Pd.", "S.H.", "M.Si.", "S.Kom.")
_TEMPAT = ("Mamuju", "Majene", "Polewali", "Makassar", "Palopo", "Pinrang", "Kalukku")
_AGAMA = (("1", "Islam"), ("1", "Islam"), ("1", "Islam"), ("2", "Kristen"), ("3", "Katolik"))
_PENDIDIKAN = {
    "SLTA": ("SLTA", "SMA IPA"),
    "D-III": ("Diploma III", "D-III Akuntansi"),
    "S-1": ("S-1/Sarjana", "S-1 Ilmu Pemerintahan"),
}


def organisation(n_opd: int = 60) -> list[tuple[str, list[tuple[str, list[tuple[str, ...]]]]]]:
    """OPDs with units and positions: five units of about five positions each per OPD."""
    names = [
        *_DINAS,
        *(f"Kecamatan {k}" for k in _KECAMATAN),
        *(f"UPTD Puskesmas {p}" for p in _PUSKESMAS),
    ]
    names = names[:n_opd]
    out = []
    for i, opd in enumerate(names):
        units = []
        for u, unit in enumerate(_UNITS):
            jabs = [_JABATAN[(i + u + k) % len(_JABATAN)] for k in range(5)]
            if u == 0:
                units.append(
                    (opd, [("Kepala " + opd.split()[0], "Struktural", "II.b", "S-1"), *jabs[:4]])
                )
            units.append((unit, jabs))
        out.append((opd, units))
    return out


def _gol_id(kode: str) -> str:
    roman, letter = kode.split("/")
    return f"{('I', 'II', 'III', 'IV').index(roman) + 1}{'abcde'.index(letter) + 1}"


def siasn_records(n: int, seed: int = 2026, n_opd: int = 60) -> list[list[object]]:
    """``n`` export rows (lists in :data:`SIASN_COLUMNS` order), dates as ``date`` objects."""
    rng = random.Random(seed)
    org = organisation(n_opd)
    places = [(opd, unit, jab) for opd, units in org for unit, jabs in units for jab in jabs]
    used: set[str] = set()
    rows: list[list[object]] = []
    for i in range(n):
        female = rng.random() < 0.48
        gender = JenisKelamin.PEREMPUAN if female else JenisKelamin.LAKI_LAKI
        birth = date(rng.randint(1966, 1999), rng.randint(1, 12), rng.randint(1, 28))
        tmt_year = min(birth.year + rng.randint(22, 33), 2024)
        tmt_cpns = date(tmt_year, rng.choice((1, 3, 4, 12)), 1)
        seq = 1
        nip = make_nip(birth, tmt_cpns, gender, seq).digits
        while nip in used:
            seq += 1
            nip = make_nip(birth, tmt_cpns, gender, seq).digits
        used.add(nip)
        opd, unit, jab = places[i % len(places)] if i < len(places) else rng.choice(places)
        jab_nama, jenis_jab, eselon, edu = jab
        tingkat, jurusan = _PENDIDIKAN[edu]
        level = TingkatPendidikan(edu)
        start = golongan_awal_pns(level)
        years = 2025 - tmt_year
        gol = ALL_PNS[min(start.rank - 1 + years // 4, 16)]
        roll = rng.random()
        kind = "PPPK" if roll < 0.07 else ("CPNS" if roll < 0.10 else "PNS")
        first = rng.choice(_FIRST_F if female else _FIRST_M)
        name = f"{first} {rng.choice(_LAST)}"
        agama_id, agama = rng.choice(_AGAMA)
        tmt_pns = date(tmt_cpns.year + 1, tmt_cpns.month, 1)
        tmt_gol = date(max(tmt_year, 2025 - (years % 4) - 1), 4, 1)
        tmt_jab = date(rng.randint(max(tmt_year, 2015), 2024), rng.randint(1, 12), 1)
        gol_nama = gol.kode if kind != "PPPK" else rng.choice(("V", "VII", "IX"))
        rows.append(
            [
                f"{rng.getrandbits(64):016x}",
                nip,
                "" if tmt_year >= 2000 else f"{rng.randint(100000000, 999999999)}",
                name,
                "Dr." if rng.random() < 0.02 else "",
                rng.choice(_BELAKANG),
                f"{rng.randint(1000, 9999)}",
                rng.choice(_TEMPAT),
                birth,
                "F" if female else "M",
                agama_id,
                agama,
                "2",
                "Menikah",
                f"7602{rng.randint(10**11, 10**12 - 1)}",
                f"08{rng.randint(10**9, 10**10 - 1)}",
                f"pegawai{i}@contoh.id",
                f"pegawai{i}@mamujukab.go.id",
                f"Jl. Pengayoman No. {rng.randint(1, 200)}, Mamuju",
                f"{rng.randint(10**14, 10**15 - 1)}",
                f"{rng.randint(10**12, 10**13 - 1)}",
                "4" if kind != "PPPK" else "71",
                "PNS Daerah Kabupaten" if kind != "PPPK" else "PPPK",
                "01",
                "Aktif" if rng.random() > 0.02 else "Tugas Belajar",
                {"PNS": "P", "CPNS": "C"}.get(kind, ""),
                f"KV{rng.randint(10**7, 10**8 - 1)}",
                f"813/{rng.randint(1, 999)}/BKD/{tmt_year}",
                tmt_cpns,
                tmt_cpns,
                f"821.13/{rng.randint(1, 999)}/BKD/{tmt_year + 1}",
                tmt_pns,
                tmt_pns if kind == "PNS" else None,
                _gol_id(start.kode) if kind != "PPPK" else "",
                start.kode if kind != "PPPK" else "",
                _gol_id(gol.kode) if kind != "PPPK" else "",
                gol_nama,
                tmt_gol,
                years,
                rng.randint(0, 11),
                {"Struktural": "1", "Fungsional Tertentu": "2", "Pelaksana": "4"}[jenis_jab],
                jenis_jab,
                f"{rng.getrandbits(48):012x}",
                jab_nama,
                tmt_jab,
                {"SLTA": "20", "D-III": "35", "S-1": "40"}[edu],
                tingkat,
                f"{rng.getrandbits(40):010x}",
                jurusan,
                max(birth.year + 18, min(tmt_year - 1, birth.year + 24)),
                "099",
                "KPPN Mamuju",
                "7602",
                "Kab. Mamuju",
                f"{rng.getrandbits(48):012x}",
                unit,
                opd,
                "A5EB03E23C5BF6A0E040640A040252AD",
                "Pemerintah Kab. Mamuju",
                "A5EB03E23C5BF6A0E040640A040252AD",
                "Pemerintah Kab. Mamuju",
                "A5EB03E23C5BF6A0E040640A040252AD",
                "Pemerintah Kab. Mamuju",
                "A5EB03E23C5BF6A0E040640A040252AD",
                "Pemerintah Kab. Mamuju",
                "1",
                "22" if eselon else "",
                eselon,
                "0",
            ]
        )
    return rows


# --------------------------------------------------------------------------- a fast .xlsx writer

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PKG = "http://schemas.openxmlformats.org/package/2006"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="{_PKG}/content-types">'
    f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
    '.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SML}.sharedStrings+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_SML}.styles+xml"/>'
    "</Types>"
)
_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WB_RELS = (
    f'{_XML}<Relationships xmlns="{_PKG}/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\-mm\\-yyyy"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_EPOCH = date(1899, 12, 30).toordinal()


def _col(i: int) -> str:
    letters = ""
    n = i + 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def write_xlsx(path: Path, rows: Iterable[Sequence[object]], sheet_name: str = "Sheet1") -> None:
    """A minimal but standard .xlsx: shared strings, numbers, dates as styled serials.

    Strings starting with a digit stay strings (text cells), as a careful office keeps NIPs.
    """
    strings: dict[str, int] = {}
    parts: list[str] = []
    cols: list[str] = []
    for r, row in enumerate(rows, start=1):
        cells: list[str] = []
        while len(cols) < len(row):
            cols.append(_col(len(cols)))
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            ref = f"{cols[c]}{r}"
            if isinstance(value, str):
                idx = strings.setdefault(value, len(strings))
                cells.append(f'<c r="{ref}" t="s"><v>{idx}</v></c>')
            elif isinstance(value, datetime | date):
                d = value.date() if isinstance(value, datetime) else value
                cells.append(f'<c r="{ref}" s="1"><v>{d.toordinal() - _EPOCH}</v></c>')
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value!r}</v></c>')
        parts.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{''.join(parts)}</sheetData></worksheet>"
    )
    sst = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    shared = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>'
    )
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/styles.xml", _STYLES)
        z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def write_siasn_xlsx(path: Path, n: int, seed: int = 2026) -> Path:
    write_xlsx(path, [list(SIASN_COLUMNS), *siasn_records(n, seed)], "Data Utama")
    return path
