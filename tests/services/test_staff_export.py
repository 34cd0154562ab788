"""Staff export: all staff or a filter, formatted; the DUK order; exports import back unchanged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from mutasi_desktop.domain.pegawai import JenisKelamin, JenisPegawai, TingkatPendidikan
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.staff import StaffFilter
from mutasi_desktop.services.staff_export import COLUMNS, ExportOrder
from support import SmallOrg, draft


def _people(svc: Services, org: SmallOrg) -> None:
    staff = svc.staff
    # Same golongan IV/b: the earlier TMT golongan ranks first.
    staff.create(
        draft(
            "Kepala Dinas",
            birth=date(1975, 3, 2),
            tmt=date(2000, 3, 1),
            golongan="IV/b",
            tmt_golongan=date(2020, 4, 1),
            unit_id=org.hub_root_id,
            jabatan_id=org.kadis_hub_id,
        )
    )
    staff.create(
        draft(
            "Senior Pembina",
            birth=date(1972, 1, 5),
            tmt=date(1998, 3, 1),
            golongan="IV/b",
            tmt_golongan=date(2018, 4, 1),
            unit_id=org.sos_bidang_id,
        )
    )
    # Same golongan and TMT: the position decides, then service, education and age.
    staff.create(
        draft(
            "Pelaksana Muda",
            birth=date(1990, 1, 2),
            gender=JenisKelamin.PEREMPUAN,
            golongan="III/a",
            tmt_golongan=date(2019, 4, 1),
            unit_id=org.hub_bidang_id,
            jabatan_id=org.admin_hub_id,
        )
    )
    staff.create(
        draft(
            "Pelaksana Senior",
            birth=date(1984, 6, 1),
            tmt=date(2010, 1, 1),
            seq=2,
            golongan="III/a",
            tmt_golongan=date(2019, 4, 1),
            unit_id=org.sos_bidang_id,
            jabatan_id=org.admin_sos_id,
        )
    )
    staff.create(
        draft(
            "Kontrak PPPK",
            birth=date(1992, 3, 15),
            tmt=date(2022, 12, 1),
            seq=3,
            jenis_pegawai=JenisPegawai.PPPK,
            golongan="IX",
            unit_id=org.sos_bidang_id,
            pendidikan_tingkat=TingkatPendidikan.S1,
        )
    )


def _names(path: Path, sheet: str) -> list[str]:
    ws = load_workbook(path)[sheet]
    return [r[3] for r in ws.iter_rows(min_row=2, values_only=True)]


def test_export_all_by_name_with_every_column(
    services: Services, small_org: SmallOrg, tmp_path: Path
) -> None:
    _people(services, small_org)
    out = tmp_path / "semua.xlsx"
    result = services.staff_export.export(out)
    assert (result.rows, result.order) == (5, ExportOrder.NAMA)
    ws = load_workbook(out)["Pegawai"]
    assert [c.value for c in ws[1]] == [c.header for c in COLUMNS]
    assert _names(out, "Pegawai") == [
        "Kepala Dinas",
        "Kontrak PPPK",
        "Pelaksana Muda",
        "Pelaksana Senior",
        "Senior Pembina",
    ]
    first = {COLUMNS[i].header: c.value for i, c in enumerate(ws[2])}
    assert first["NIP"] == "197503022000031001" and ws["B2"].number_format == "@"
    assert first["Pangkat"] == "Pembina Tingkat I" and first["Golongan"] == "IV/b"
    assert first["Jabatan"] == "Kepala Dinas Perhubungan"
    assert first["Jenis Jabatan"] == "Jabatan Pimpinan Tinggi" and first["Eselon"] == "II.b"
    assert first["OPD"] == "Dinas Perhubungan" and first["Kedudukan Hukum"] == "Aktif"
    assert ws["H2"].is_date and first["Tanggal Lahir"].date() == date(1975, 3, 2)


def test_export_of_the_current_filter_only(
    services: Services, small_org: SmallOrg, tmp_path: Path
) -> None:
    _people(services, small_org)
    out = tmp_path / "dishub.xlsx"
    flt = StaffFilter(opd_id=small_org.dishub_id)
    assert services.staff_export.export(out, flt).rows == 2
    assert _names(out, "Pegawai") == ["Kepala Dinas", "Pelaksana Muda"]


def test_duk_orders_by_rank_tmt_position_service_and_leaves_out_pppk(
    services: Services, small_org: SmallOrg, tmp_path: Path
) -> None:
    _people(services, small_org)
    out = tmp_path / "duk.xlsx"
    result = services.staff_export.export(out, order=ExportOrder.DUK)
    assert result.rows == 4
    assert _names(out, "DUK") == [
        "Senior Pembina",  # IV/b since 2018
        "Kepala Dinas",  # IV/b since 2020
        "Pelaksana Senior",  # III/a, same TMT: longer service (TMT CPNS 2010)
        "Pelaksana Muda",
    ]
    ws = load_workbook(out)["DUK"]
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] == [1, 2, 3, 4]


def test_an_export_imports_back_into_the_same_database_unchanged(
    services: Services, small_org: SmallOrg, tmp_path: Path
) -> None:
    _people(services, small_org)
    out = tmp_path / "bolak_balik.xlsx"
    services.staff_export.export(out)
    preview = services.staff_import.preview(services.staff_import.open_source(out))
    assert [p.location for r in preview.rows for p in r.problems] == []
    assert (preview.counts.tetap, preview.counts.baru, preview.counts.ubah) == (5, 0, 0)
