"""Staff import against real databases, driven by the golden files in tests/fixtures/staff."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.jabatan import JenisJabatan, JenjangJabatan
from mutasi_desktop.domain.pegawai import JenisKelamin, JenisPegawai, StatusPegawai
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.progress import Cancelled
from mutasi_desktop.services.staff_import import (
    MAPPING_KEY_PREFIX,
    ImportPreview,
    ImportResult,
    RowStatus,
)
from mutasi_desktop.storage.models import (
    AuditLog,
    Jabatan,
    Opd,
    Pegawai,
    Pengaturan,
    UnitKerja,
)
from support import SmallOrg, draft
from support_import import FIXTURES, TODAY, snapshot

# What every header variant of the four fixture people must produce.
EXPECTED_PEOPLE = {
    "198609262015051001": {
        "nama": "Andi Baso",
        "gelar_belakang": "S.Sos.",
        "tanggal_lahir": date(1986, 9, 26),
        "jenis_kelamin": JenisKelamin.LAKI_LAKI,
        "jenis_pegawai": JenisPegawai.PNS,
        "golongan": "III/a",
        "tmt_golongan": date(2019, 4, 1),
        "tmt_jabatan": date(2021, 1, 4),
        "unit": "Bidang Perlindungan dan Jaminan Sosial",
        "opd": "Dinas Sosial",
        "jabatan": "Pengelola Data Bansos",
    },
    "199001022015052001": {
        "nama": "Sitti Nurhayati",
        "gelar_belakang": None,
        "tanggal_lahir": date(1990, 1, 2),
        "jenis_kelamin": JenisKelamin.PEREMPUAN,
        "jenis_pegawai": JenisPegawai.PNS,
        "golongan": "II/c",
        "tmt_golongan": date(2023, 4, 1),
        "tmt_jabatan": date(2016, 5, 1),
        "unit": "Bidang Lalu Lintas",
        "opd": "Dinas Perhubungan",
        "jabatan": "Pengadministrasi Umum",
    },
    "197905172005031001": {
        "nama": "Muhammad Yusuf",
        "gelar_belakang": "S.E., M.Si.",
        "tanggal_lahir": date(1979, 5, 17),
        "jenis_kelamin": JenisKelamin.LAKI_LAKI,
        "jenis_pegawai": JenisPegawai.PNS,
        "golongan": "IV/b",
        "tmt_golongan": date(2022, 10, 1),
        "tmt_jabatan": date(2023, 2, 6),
        "unit": "Dinas Perhubungan",
        "opd": "Dinas Perhubungan",
        "jabatan": "Kepala Dinas Perhubungan",
    },
    "199203152022122003": {
        "nama": "Maria Lempang",
        "gelar_belakang": "A.Md.Kep.",
        "tanggal_lahir": date(1992, 3, 15),
        "jenis_kelamin": JenisKelamin.PEREMPUAN,
        "jenis_pegawai": JenisPegawai.PPPK,
        "golongan": "VII",
        "tmt_golongan": date(2022, 12, 1),
        "tmt_jabatan": date(2022, 12, 1),
        "unit": "Dinas Sosial",
        "opd": "Dinas Sosial",
        "jabatan": "Perawat Terampil",
    },
}

VARIANTS = [
    "siasn_snake.csv",
    "siasn_title.xlsx",
    "simpeg_judul_dua_baris.xlsx",
    "simpeg_titikkoma_bom.csv",
    "legacy.xls",
    "legacy.ods",
]


@pytest.fixture
def svc(services: Services) -> Services:
    services.ctx.clock = lambda: TODAY
    return services


def preview(svc: Services, name: str, mapping: dict[str, int] | None = None) -> ImportPreview:
    source = svc.staff_import.open_source(FIXTURES / name)
    return svc.staff_import.preview(source, mapping)


def run(svc: Services, name: str, *, skip_invalid: bool = False) -> ImportResult:
    return svc.staff_import.apply(preview(svc, name), skip_invalid=skip_invalid)


def locations(pv: ImportPreview | ImportResult) -> list[tuple[int, str, str]]:
    return [p.location for r in pv.rows for p in r.problems]


def people(svc: Services) -> dict[str, dict[str, Any]]:
    with svc.ctx.read() as s:
        rows = s.execute(
            select(
                Pegawai.nip,
                Pegawai.nama,
                Pegawai.gelar_belakang,
                Pegawai.tanggal_lahir,
                Pegawai.jenis_kelamin,
                Pegawai.jenis_pegawai,
                Pegawai.golongan,
                Pegawai.tmt_golongan,
                Pegawai.tmt_jabatan,
                UnitKerja.nama,
                Opd.nama,
                Jabatan.nama,
            )
            .join(UnitKerja, UnitKerja.id == Pegawai.unit_id)
            .join(Opd, Opd.id == UnitKerja.opd_id)
            .outerjoin(Jabatan, Jabatan.id == Pegawai.jabatan_id)
        ).all()
    keys = (
        "nama",
        "gelar_belakang",
        "tanggal_lahir",
        "jenis_kelamin",
        "jenis_pegawai",
        "golongan",
        "tmt_golongan",
        "tmt_jabatan",
        "unit",
        "opd",
        "jabatan",
    )
    return {r[0]: dict(zip(keys, r[1:], strict=True)) for r in rows}


def count(svc: Services, model: type) -> int:
    with svc.ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# --------------------------------------------------------------------------- header variants


@pytest.mark.parametrize("name", VARIANTS)
def test_every_header_variant_builds_the_same_register_from_an_empty_database(
    svc: Services, name: str
) -> None:
    pv = preview(svc, name)
    assert [p for p in locations(pv) if p[2] != "tanggal.ambigu"] == []
    assert pv.counts.baru == 4 and pv.counts.tolak == 0
    created = {(c.kind, c.nama, c.induk) for c in pv.created}
    assert created == {
        ("opd", "Dinas Sosial", None),
        ("opd", "Dinas Perhubungan", None),
        ("unit", "Bidang Perlindungan dan Jaminan Sosial", "Dinas Sosial"),
        ("unit", "Bidang Lalu Lintas", "Dinas Perhubungan"),
        ("jabatan", "Pengelola Data Bansos", "Bidang Perlindungan dan Jaminan Sosial"),
        ("jabatan", "Pengadministrasi Umum", "Bidang Lalu Lintas"),
        ("jabatan", "Kepala Dinas Perhubungan", "Dinas Perhubungan"),
        ("jabatan", "Perawat Terampil", "Dinas Sosial"),
    }
    result = svc.staff_import.apply(pv)
    assert result.counts.baru == 4 and result.written
    assert people(svc) == EXPECTED_PEOPLE


def test_siasn_header_snake_case_title_case_and_simpeg_labels_map_alike(svc: Services) -> None:
    snake = preview(svc, "siasn_snake.csv").mapping
    title = preview(svc, "siasn_title.xlsx").mapping
    assert snake == title  # same columns, different spelling
    simpeg = svc.staff_import.open_source(FIXTURES / "simpeg_judul_dua_baris.xlsx")
    assert (simpeg.header.row, simpeg.header.height) == (3, 2)
    assert simpeg.header.labels[10:14] == (
        "Pangkat/Gol › Gol",
        "Pangkat/Gol › TMT",
        "Jabatan › Nama",
        "Jabatan › TMT",
    )
    assert simpeg.header.fuzzy == frozenset({"tanggal_lahir"})  # "Tangal Lahir"
    assert {k: simpeg.header.mapping[k] for k in ("nip", "nama", "golongan", "tmt_jabatan")} == {
        "nip": 1,
        "nama": 2,
        "golongan": 10,
        "tmt_jabatan": 13,
    }


def test_title_rows_sections_totals_and_blank_rows_are_recognised_not_imported(
    svc: Services,
) -> None:
    pv = preview(svc, "simpeg_judul_dua_baris.xlsx")
    assert [(s.row, s.kind.value) for s in pv.skipped] == [
        (6, "nomor_kolom"),
        (7, "bagian"),
        (10, "jumlah"),
        (11, "kosong"),
        (12, "bagian"),
        (15, "jumlah"),
        (16, "kosong"),
        (17, "jumlah"),
    ]
    assert [r.row for r in pv.rows] == [8, 9, 13, 14]
    assert pv.counts.dilewati == 6  # blank rows are not counted as skipped content


def test_the_same_people_from_another_format_change_nothing(svc: Services) -> None:
    run(svc, "siasn_snake.csv")
    before = snapshot(svc)
    for name in ("legacy.ods", "simpeg_titikkoma_bom.csv", "siasn_title.xlsx"):
        pv = preview(svc, name)
        assert pv.counts.tetap == 4 and pv.counts.baru == pv.counts.ubah == 0, name
        result = svc.staff_import.apply(pv)
        assert not result.written and result.batch == ""
    assert snapshot(svc) == before


def test_windows_1252_csv_keeps_the_accented_names(svc: Services) -> None:
    result = run(svc, "simpeg_cp1252.csv")
    assert result.counts.baru == 5
    assert people(svc)["198811302019031004"]["nama"] == "Andi Ma\u2019ruf Théo"


# --------------------------------------------------------------------------- damaged files


def test_damaged_nips_are_reported_by_row_column_and_reason_and_nothing_is_written(
    svc: Services,
) -> None:
    before = snapshot(svc)
    pv = preview(svc, "rusak_nip.xlsx")
    assert locations(pv) == [
        (6, "A", "impor.nip_angka"),
        (7, "A", "nip.notasi_ilmiah"),
        (8, "A", "nip.notasi_ilmiah"),
        (9, "A", "impor.nip_dinolkan"),
        (10, "A", "nip.panjang_salah"),
        (11, "A", "nip.panjang_salah"),
        (12, "A", "nip.tanggal_lahir_beda"),
        (13, "A", "nip.kelamin_beda"),
        (14, "A", "nip.bukan_angka"),
        (15, "A", "nip.kosong"),
        (16, "A", "nip.tanggal_lahir_salah"),
    ]
    # The acceptable oddities were normalised, not rejected.
    ok = {r.row: r.record.values["nip"] for r in pv.rows if r.status is RowStatus.BARU}
    assert ok == {
        2: "198609262015051001",
        3: "199001022015052001",
        4: "197905172005031001",
        5: "198501012010011002",
    }
    by_row = {p.row: p for r in pv.rows for p in r.problems}
    assert by_row[6].value == "198501012010011000"  # what Excel kept of the number
    assert by_row[6].message().startswith("NIP tersimpan sebagai angka (198501012010011000)")
    assert by_row[8].value == "1,98503E+17"
    assert by_row[10].message() == "NIP harus 18 digit, bukan 17 digit."
    assert by_row[12].message() == (
        "Tanggal lahir 2 Januari 1985 tidak cocok dengan NIP (menurut NIP: 1 Januari 1985)."
    )
    with pytest.raises(DomainError) as caught:
        svc.staff_import.apply(pv)
    assert caught.value.code == "impor.ada_kesalahan"
    assert caught.value.params == {"jumlah": 11}
    assert snapshot(svc) == before


def test_dates_in_every_shape_and_the_damaged_ones(svc: Services) -> None:
    pv = preview(svc, "rusak_tanggal.csv")
    assert locations(pv) == [
        (2, "F", "impor.tanggal_urutan_campur"),
        (6, "C", "tanggal.tidak_sah"),
        (7, "C", "impor.tanggal_tahun_saja"),
        (8, "A", "nip.tanggal_lahir_salah"),
        (8, "A", "nip.tmt_salah"),
        (8, "C", "tanggal.masa_depan"),
        (9, "E", "tanggal.sebelum_lahir"),
    ]
    values = {r.row: r.record.values for r in pv.rows}
    assert values[2]["tanggal_lahir"] == date(1986, 9, 26)
    assert values[3]["tmt_jabatan"] == date(2020, 12, 25)  # "25/12/2020": one reading only
    assert values[4]["tanggal_lahir"] == date(1979, 5, 17)  # "17 Mei 1979"
    assert values[5]["tanggal_lahir"] == date(1985, 2, 28)  # serial 31106
    assert values[5]["tmt_golongan"] == date(2019, 4, 3)  # day-first, settled by the file
    assert values[5]["tmt_jabatan"] == date(2020, 12, 25)  # "12/25/2020"
    messages = {p.location: p.message() for r in pv.rows for p in r.problems}
    assert messages[(7, "C", "impor.tanggal_tahun_saja")] == (
        "\u201c1985\u201d bukan tanggal lengkap (hanya angka tahun?)."
    )


def test_ambiguous_day_month_order_is_read_day_first_and_flagged(svc: Services) -> None:
    pv = preview(svc, "tanggal_ambigu.csv")
    assert locations(pv) == [
        (2, "C", "tanggal.ambigu"),
        (2, "D", "tanggal.ambigu"),
        (3, "C", "tanggal.ambigu"),
        (3, "D", "tanggal.ambigu"),
        (4, "C", "tanggal.ambigu"),
    ]
    assert pv.counts.baru == 3 and pv.counts.peringatan == 3  # warnings do not reject
    first = pv.rows[0]
    assert first.record.values["tmt_jabatan"] == date(2021, 4, 3)
    assert first.problems[1].message() == (
        "Tanggal \u201c03/04/2021\u201d dapat dibaca lebih dari satu cara; dibaca sebagai "
        "3 April 2021. Periksa kembali."
    )


def test_golongan_spellings_unknown_codes_and_gender_words(svc: Services) -> None:
    pv = preview(svc, "rusak_golongan.xlsx")
    assert locations(pv) == [
        (6, "D", "golongan.tidak_dikenal"),
        (7, "D", "golongan.tidak_dikenal"),
        (8, "D", "golongan.tidak_sesuai_jenis"),
        (10, "E", "field.pilihan_salah"),
    ]
    gol = {r.row: r.record.values.get("golongan") for r in pv.rows}
    assert [gol[i] for i in (2, 3, 4, 5, 9)] == ["III/b", "III/b", "III/b", "III/b", "IX"]
    gender = {r.row: r.record.values.get("jenis_kelamin") for r in pv.rows}
    assert [gender[i] for i in (2, 3, 4, 5, 9)] == [
        JenisKelamin.LAKI_LAKI,
        JenisKelamin.PEREMPUAN,
        JenisKelamin.LAKI_LAKI,
        JenisKelamin.LAKI_LAKI,
        JenisKelamin.PEREMPUAN,
    ]
    messages = {p.location: p.message() for r in pv.rows for p in r.problems}
    assert messages[(6, "D", "golongan.tidak_dikenal")] == "Golongan \u201cI/E\u201d tidak dikenal."
    assert messages[(8, "D", "golongan.tidak_sesuai_jenis")] == (
        "Golongan IX tidak berlaku untuk pegawai PNS."
    )
    assert messages[(10, "E", "field.pilihan_salah")] == (
        "Nilai \u201cX\u201d tidak dikenal untuk Jenis kelamin."
    )


def test_duplicates_inside_the_file_and_against_the_database(
    svc: Services, small_org: SmallOrg
) -> None:
    # The database already has this NIP, for a different person.
    svc.staff.create(
        draft(
            "Hasnah Tahir",
            birth=date(1990, 1, 2),
            gender=JenisKelamin.PEREMPUAN,
            unit_id=small_org.hub_bidang_id,
        )
    )
    before = snapshot(svc)
    pv = preview(svc, "ganda.csv")
    assert locations(pv) == [
        (2, "A", "impor.nip_ganda_berkas"),
        (3, "A", "impor.nip_milik_lain"),
        (4, "A", "impor.nip_ganda_berkas"),
    ]
    messages = [p.message() for r in pv.rows for p in r.problems]
    assert messages == [
        "NIP 198609262015051001 juga terdapat di baris 4 berkas ini.",
        "NIP 199001022015052001 di basis data milik Hasnah Tahir, bukan Sitti Nurhayati. "
        "Periksa NIP di berkas.",
        "NIP 198609262015051001 juga terdapat di baris 2 berkas ini.",
    ]
    with pytest.raises(DomainError):
        svc.staff_import.apply(pv)
    assert snapshot(svc) == before


# --------------------------------------------------------------------------- semantics


def test_skip_invalid_imports_the_valid_rows_and_the_error_workbook_lists_the_rest(
    svc: Services, tmp_path: Path
) -> None:
    pv = preview(svc, "rusak_nip.xlsx")
    result = svc.staff_import.apply(pv, skip_invalid=True)
    assert (result.counts.baru, result.counts.tolak) == (4, 11)
    assert count(svc, Pegawai) == 4
    out = tmp_path / "masalah.xlsx"
    svc.staff_import.write_error_workbook(pv.source, list(result.rows), out)
    wb = load_workbook(out)
    rejected = wb["Baris ditolak"]
    header = [c.value for c in rejected[1]]
    assert header[:3] == ["Baris", "NIP", "Nama"] and header[-1] == "Alasan"
    body = list(rejected.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in body] == list(range(6, 17))
    assert body[0][1] == "1.98501012010011e+17"  # the damaged number shown, as text
    assert body[2][1] == "1,98503E+17"
    assert rejected.cell(row=2, column=2).fill.fgColor.rgb.endswith("F8D7D3")  # NIP cell red
    assert rejected.cell(row=2, column=2).comment is not None
    assert body[0][-1].startswith("A (NIP): NIP tersimpan sebagai angka")
    assert rejected.freeze_panes == "A2" and rejected.auto_filter.ref == "A1:K12"
    detail = list(wb["Daftar masalah"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[5]) for r in detail][:3] == [
        (6, "A", "impor.nip_angka"),
        (7, "A", "nip.notasi_ilmiah"),
        (8, "A", "nip.notasi_ilmiah"),
    ]


def test_reimporting_the_same_file_changes_nothing(svc: Services) -> None:
    first = run(svc, "siasn_title.xlsx")
    assert first.counts.baru == 4
    before = snapshot(svc)
    second = run(svc, "siasn_title.xlsx")
    assert (second.counts.baru, second.counts.ubah, second.counts.tetap) == (0, 0, 4)
    assert snapshot(svc) == before


def test_changed_fields_are_updated_history_written_and_audited_in_one_batch(
    svc: Services, tmp_path: Path
) -> None:
    run(svc, "siasn_snake.csv")
    source = (FIXTURES / "siasn_snake.csv").read_text(encoding="utf-8")
    lines = source.splitlines()
    # Andi Baso: promoted to III/b on 1 April 2023 and moved to Bidang Lalu Lintas.
    lines[1] = (
        lines[1]
        .replace("III/a", "III/b")
        .replace("01-04-2019", "01-04-2023")
        .replace("Bidang Perlindungan dan Jaminan Sosial", "Bidang Lalu Lintas")
        .replace("Dinas Sosial", "Dinas Perhubungan")
        .replace("Pengelola Data Bansos", "Pengadministrasi Umum")
        .replace("04-01-2021", "02-01-2026")
    )
    changed = tmp_path / "siasn_baru.csv"
    changed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    versi_before = svc.staff.get(svc.staff.find_id_by_nip("198609262015051001") or 0).versi
    pv = svc.staff_import.preview(svc.staff_import.open_source(changed))
    assert pv.counts.ubah == 1 and pv.counts.tetap == 3
    row = next(r for r in pv.rows if r.status is RowStatus.UBAH)
    assert row.changed == ("golongan", "tmt_golongan", "tmt_jabatan", "unit_id", "jabatan_id")
    result = svc.staff_import.apply(pv)
    pid = svc.staff.find_id_by_nip("198609262015051001")
    assert pid is not None
    detail = svc.staff.get(pid)
    assert detail.versi == versi_before + 1
    assert detail.draft.golongan == "III/b" and detail.jabatan_nama == "Pengadministrasi Umum"
    assert [r.golongan for r in detail.riwayat_pangkat] == ["III/a", "III/b"]
    assert [(r.jabatan_nama, r.tmt_selesai) for r in detail.riwayat_jabatan] == [
        ("Pengelola Data Bansos", date(2026, 1, 2)),
        ("Pengadministrasi Umum", None),
    ]
    with svc.ctx.read() as s:
        batch = s.execute(
            select(AuditLog.aksi, AuditLog.entitas, AuditLog.sebelum, AuditLog.sesudah).where(
                AuditLog.batch == result.batch
            )
        ).all()
    assert [(b.aksi, b.entitas) for b in batch] == [
        ("impor_ubah", "pegawai"),
        ("impor", "impor_pegawai"),
    ]
    assert batch[0].sebelum["golongan"] == "III/a" and batch[0].sesudah["golongan"] == "III/b"
    assert batch[1].sesudah["ubah"] == 1 and batch[1].sesudah["berkas"] == "siasn_baru.csv"
    # The register search finds the person under the new position.
    hits = svc.staff.search(svc_filter("pengadministrasi umum andi"))
    assert [h.nip for h in hits] == ["198609262015051001"]


def svc_filter(query: str) -> Any:
    from mutasi_desktop.services.staff import StaffFilter

    return StaffFilter(search=query)


def test_a_new_import_is_one_audit_batch_with_one_row_per_person_and_created_unit(
    svc: Services,
) -> None:
    result = run(svc, "siasn_snake.csv")
    with svc.ctx.read() as s:
        rows = s.execute(
            select(AuditLog.aksi, AuditLog.entitas, func.count())
            .where(AuditLog.batch == result.batch)
            .group_by(AuditLog.aksi, AuditLog.entitas)
            .order_by(AuditLog.entitas)
        ).all()
        others = s.scalar(
            select(func.count()).select_from(AuditLog).where(AuditLog.batch.is_(None))
        )
    assert sorted(tuple(r) for r in rows) == [
        ("impor", "impor_pegawai", 1),
        ("impor_tambah", "jabatan", 4),
        ("impor_tambah", "opd", 2),
        ("impor_tambah", "pegawai", 4),
        ("impor_tambah", "unit_kerja", 4),
    ]
    assert others == 0
    audit = svc.audit.for_entity("pegawai", svc.staff.find_id_by_nip("199001022015052001") or 0)
    assert [a.aksi for a in audit] == ["impor_tambah"]
    assert audit[0].sesudah == {
        "nip": "199001022015052001",
        "nama": "Sitti Nurhayati",
        "baris": 3,
        "unit": "Bidang Lalu Lintas",
        "jabatan": "Pengadministrasi Umum",
    }


def test_history_rows_are_written_for_new_people(svc: Services) -> None:
    run(svc, "siasn_snake.csv")
    pid = svc.staff.find_id_by_nip("197905172005031001")
    detail = svc.staff.get(pid or 0)
    assert [(r.jabatan_nama, r.unit_nama, r.tmt_mulai) for r in detail.riwayat_jabatan] == [
        ("Kepala Dinas Perhubungan", "Dinas Perhubungan", date(2023, 2, 6))
    ]
    assert [(r.golongan, r.tmt) for r in detail.riwayat_pangkat] == [("IV/b", date(2022, 10, 1))]
    with svc.ctx.read() as s:
        kepala = s.execute(
            select(Jabatan.jenis, Jabatan.jenjang, Jabatan.eselon).where(
                Jabatan.nama == "Kepala Dinas Perhubungan"
            )
        ).one()
        perawat = s.execute(
            select(Jabatan.jenis, Jabatan.jenjang).where(Jabatan.nama == "Perawat Terampil")
        ).one()
    assert tuple(kepala) == (JenisJabatan.JPT, JenjangJabatan.JPT_PRATAMA, "II.b")
    assert tuple(perawat) == (JenisJabatan.FUNGSIONAL, JenjangJabatan.TERAMPIL)


def test_blank_cells_never_erase_stored_values(svc: Services, tmp_path: Path) -> None:
    run(svc, "siasn_snake.csv")
    lines = (FIXTURES / "siasn_snake.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("S.Sos.", "").replace("Mamuju", "")
    blanked = tmp_path / "kosong.csv"
    blanked.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = svc.staff_import.apply(svc.staff_import.preview(svc.staff_import.open_source(blanked)))
    assert result.counts.tetap == 4 and not result.written
    assert people(svc)["198609262015051001"]["gelar_belakang"] == "S.Sos."


def test_people_missing_from_a_new_export_are_reported_never_deleted(
    svc: Services, tmp_path: Path
) -> None:
    run(svc, "siasn_snake.csv")
    lines = (FIXTURES / "siasn_snake.csv").read_text(encoding="utf-8").splitlines()
    shorter = tmp_path / "tanpa_sitti.csv"
    shorter.write_text("\n".join([lines[0], lines[1], lines[3], lines[4]]) + "\n", "utf-8")
    pv = svc.staff_import.preview(svc.staff_import.open_source(shorter))
    assert [(m.nip, m.nama, m.unit) for m in pv.missing] == [
        ("199001022015052001", "Sitti Nurhayati", "Bidang Lalu Lintas")
    ]
    result = svc.staff_import.apply(pv)
    assert [m.nip for m in result.missing] == ["199001022015052001"]
    assert count(svc, Pegawai) == 4
    assert svc.staff.row(svc.staff.find_id_by_nip("199001022015052001") or 0).aktif


def test_existing_organisation_names_are_matched_and_typos_listed(
    svc: Services, small_org: SmallOrg, tmp_path: Path
) -> None:
    csv = tmp_path / "ketik.csv"
    csv.write_text(
        "NIP;Nama;Tanggal Lahir;Unit Kerja;OPD;Jabatan\n"
        # exact names, other case and spacing
        "198609262015051001;Andi Baso;26-09-1986;bidang  lalu lintas;DINAS PERHUBUNGAN;"
        "pengadministrasi umum\n"
        # a typo in the OPD and the unit, the OPD by its abbreviation
        "199001022015052001;Sitti Nurhayati;02-01-1990;Bidang Perlindngan dan Jaminan Sosial;"
        "Dinsos;Pengelola Data Bansos\n"
        # a unit without its OPD that exists once
        "197905172005031001;Muhammad Yusuf;17-05-1979;Bidang Lalu Lintas;;\n"
        # a new unit in an existing OPD
        "198502282010011001;Baru Sekali;28-02-1985;Seksi Angkutan;Dinas Perhubungan;\n",
        encoding="utf-8",
    )
    pv = svc.staff_import.preview(svc.staff_import.open_source(csv))
    assert locations(pv) == []
    assert [(m.kind, m.nama, m.dicocokkan) for m in pv.matched] == [
        ("opd", "Dinsos", "Dinas Sosial"),
        ("unit", "Bidang Perlindngan dan Jaminan Sosial", "Bidang Perlindungan dan Jaminan Sosial"),
    ]
    assert [(c.kind, c.nama, c.induk) for c in pv.created] == [
        ("unit", "Seksi Angkutan", "Dinas Perhubungan")
    ]
    svc.staff_import.apply(pv)
    got = people(svc)
    assert got["198609262015051001"]["jabatan"] == "Pengadministrasi Umum"
    assert got["198609262015051001"]["opd"] == "Dinas Perhubungan"
    assert got["199001022015052001"]["unit"] == "Bidang Perlindungan dan Jaminan Sosial"
    assert got["197905172005031001"]["unit"] == "Bidang Lalu Lintas"
    assert got["198502282010011001"]["unit"] == "Seksi Angkutan"
    assert count(svc, Opd) == 2


def test_ambiguous_unit_names_reject_the_row_with_the_candidates(
    svc: Services, small_org: SmallOrg, tmp_path: Path
) -> None:
    with svc.ctx.write_unchecked() as s:
        for opd_id, root_id in (
            (small_org.dinsos_id, small_org.sos_root_id),
            (small_org.dishub_id, small_org.hub_root_id),
        ):
            s.add(UnitKerja(opd_id=opd_id, parent_id=root_id, nama="Sekretariat"))
    csv = tmp_path / "sekretariat.csv"
    csv.write_text("NIP,Nama,Unit Kerja\n198609262015051001,Andi Baso,Sekretariat\n", "utf-8")
    pv = svc.staff_import.preview(svc.staff_import.open_source(csv))
    assert locations(pv) == [(2, "C", "impor.org_ambigu")]
    assert pv.rows[0].problems[0].message() == (
        "Unit kerja \u201cSekretariat\u201d cocok dengan lebih dari satu data: "
        "Sekretariat (Dinas Sosial); Sekretariat (Dinas Perhubungan). Samakan namanya di berkas."
    )


def test_a_new_person_needs_a_unit_and_a_birth_date(svc: Services, tmp_path: Path) -> None:
    csv = tmp_path / "kurang.csv"
    csv.write_text(
        "NIP,Nama,Jenis Pegawai,Unit Kerja\n"
        "198609262015051001,Andi Baso,PNS,\n"  # unit missing; birth date comes from the NIP
        "199203152022122003,Maria Lempang,PPPK,Dinas Sosial\n",  # PPPK: no birth date in NIP
        encoding="utf-8",
    )
    pv = svc.staff_import.preview(svc.staff_import.open_source(csv))
    assert locations(pv) == [(2, "D", "field.wajib"), (3, "", "field.wajib")]
    assert [p.message() for r in pv.rows for p in r.problems] == [
        "Unit kerja wajib diisi.",
        "Tanggal lahir wajib diisi.",
    ]


def test_a_file_without_a_nip_column_is_refused_with_the_reason(
    svc: Services, tmp_path: Path
) -> None:
    csv = tmp_path / "tanpa_nip.csv"
    csv.write_text("Nama,Unit Kerja\nAndi Baso,Dinas Sosial\n", encoding="utf-8")
    pv = svc.staff_import.preview(svc.staff_import.open_source(csv))
    assert [p.message() for p in pv.file_problems] == [
        "Kolom NIP tidak ditemukan. Periksa baris judul kolom atau petakan kolomnya."
    ]
    assert not pv.can_apply
    with pytest.raises(DomainError) as caught:
        svc.staff_import.apply(pv)
    assert caught.value.code == "impor.kolom_wajib"


def test_a_hand_made_mapping_is_used_and_remembered_for_the_same_layout(
    svc: Services, tmp_path: Path
) -> None:
    csv = tmp_path / "kode.csv"
    csv.write_text(
        "Nomor Pegawai,Nama,Tgl Lahir,Bagian\n198609262015051001,Andi Baso,26-09-1986,Dinsos\n",
        encoding="utf-8",
    )
    source = svc.staff_import.open_source(csv)
    assert "nip" not in source.mapping and source.remembered is None
    mapping = {**source.mapping, "nip": 0, "unit": 3}
    pv = svc.staff_import.preview(source, mapping)
    assert pv.counts.baru == 1
    svc.staff_import.apply(pv)
    again = svc.staff_import.open_source(csv)
    assert again.remembered == mapping and again.mapping == mapping
    with svc.ctx.read() as s:
        stored = s.get(Pengaturan, MAPPING_KEY_PREFIX + again.header.signature)
    assert stored is not None and stored.nilai["labels"][0] == "Nomor Pegawai"


def test_apply_reruns_the_comparison_when_the_database_changed_since_the_preview(
    svc: Services, small_org: SmallOrg
) -> None:
    pv = preview(svc, "ganda.csv")  # rows 2 and 4 duplicate; 3 and 5 are new
    assert pv.counts.baru == 2
    # Meanwhile someone types Sitti's NIP for another person.
    svc.staff.create(
        draft(
            "Hasnah Tahir",
            birth=date(1990, 1, 2),
            gender=JenisKelamin.PEREMPUAN,
            unit_id=small_org.hub_bidang_id,
        )
    )
    result = svc.staff_import.apply(pv, skip_invalid=True)
    assert (result.counts.baru, result.counts.tolak) == (1, 3)
    assert [p.code for p in result.rows[1].problems] == ["impor.nip_milik_lain"]


class _CancelAt:
    def __init__(self, label: str) -> None:
        self.label = label
        self.stop = False

    def report(self, done: int, total: int, label: str = "") -> None:
        if label.startswith(self.label):
            self.stop = True

    def cancelled(self) -> bool:
        return self.stop


def test_cancelling_while_saving_leaves_the_database_as_before(svc: Services) -> None:
    before = snapshot(svc)
    pv = preview(svc, "siasn_snake.csv")
    with pytest.raises(Cancelled):
        svc.staff_import.apply(pv, progress=_CancelAt("Menyimpan"))
    assert snapshot(svc) == before


def test_empty_sheet_and_unreadable_files_are_domain_errors(svc: Services, tmp_path: Path) -> None:
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(DomainError) as caught:
        svc.staff_import.open_source(broken)
    assert caught.value.code == "berkas.rusak"
    with pytest.raises(DomainError) as caught:
        svc.staff_import.open_source(tmp_path / "tidak_ada.xlsx")
    assert caught.value.code == "berkas.tidak_ada"
    header_only = tmp_path / "judul.csv"
    header_only.write_text("NIP,Nama\n", encoding="utf-8")
    pv = svc.staff_import.preview(svc.staff_import.open_source(header_only))
    assert pv.rows == [] and not pv.can_apply
    with pytest.raises(DomainError) as caught:
        svc.staff_import.apply(pv)
    assert caught.value.code == "impor.tidak_ada_data"


def test_sqlite_file_is_intact_after_an_import(svc: Services, backend: str) -> None:
    if backend != "sqlite":
        pytest.skip("SQLite only")
    run(svc, "simpeg_judul_dua_baris.xlsx")
    with svc.ctx.read() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    assert svc.staff.count() == 4
    assert {r.status for r in svc.staff.all_rows()} == {StatusPegawai.AKTIF.value}


def test_a_new_person_without_a_name_is_reported_not_written(svc: Services, tmp_path: Path) -> None:
    """Found by the all-or-nothing property test: a data row whose name cell was blank reached
    the insert and failed there (NOT NULL) instead of being reported."""
    lines = (FIXTURES / "siasn_snake.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace(",Andi Baso,", ",,")
    nameless = tmp_path / "tanpa-nama.csv"
    nameless.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pv = svc.staff_import.preview(svc.staff_import.open_source(nameless))
    problems = [p for r in pv.rows for p in r.problems if p.code == "field.wajib"]
    assert [(p.row, p.field) for p in problems] == [(2, "nama")]
    with pytest.raises(DomainError):
        svc.staff_import.apply(pv)
    assert count(svc, Pegawai) == 0
