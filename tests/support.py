"""Test helpers shared by every test folder: a small organisation and staff drafts."""

from __future__ import annotations

from datetime import date

from mutasi_desktop.domain.jabatan import JenisJabatan, JenjangJabatan
from mutasi_desktop.domain.nip import make_nip
from mutasi_desktop.domain.pegawai import JenisKelamin, JenisPegawai, TingkatPendidikan
from mutasi_desktop.domain.staff_record import StaffDraft
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.storage.models import Jabatan, Opd, UnitKerja


class SmallOrg:
    """Two OPDs with a few units and positions: enough for service and UI tests."""

    def __init__(self, svc: Services) -> None:
        with svc.ctx.write_unchecked() as s:
            dinsos = Opd(nama="Dinas Sosial", singkatan="Dinsos", urutan=1)
            dishub = Opd(nama="Dinas Perhubungan", singkatan="Dishub", urutan=2)
            s.add_all([dinsos, dishub])
            s.flush()
            sos_root = UnitKerja(opd_id=dinsos.id, nama="Dinas Sosial")
            hub_root = UnitKerja(opd_id=dishub.id, nama="Dinas Perhubungan")
            s.add_all([sos_root, hub_root])
            s.flush()
            sos_bidang = UnitKerja(
                opd_id=dinsos.id,
                parent_id=sos_root.id,
                nama="Bidang Perlindungan dan Jaminan Sosial",
            )
            hub_bidang = UnitKerja(
                opd_id=dishub.id, parent_id=hub_root.id, nama="Bidang Lalu Lintas"
            )
            s.add_all([sos_bidang, hub_bidang])
            s.flush()
            self.data_bansos = Jabatan(
                unit_id=sos_bidang.id,
                nama="Pengelola Data Bansos",
                jenis=JenisJabatan.ADMINISTRASI,
                jenjang=JenjangJabatan.PELAKSANA,
                kelas=7,
            )
            self.admin_sos = Jabatan(
                unit_id=sos_bidang.id,
                nama="Pengadministrasi Umum",
                jenis=JenisJabatan.ADMINISTRASI,
                jenjang=JenjangJabatan.PELAKSANA,
                kelas=5,
            )
            self.admin_hub = Jabatan(
                unit_id=hub_bidang.id,
                nama="Pengadministrasi Umum",
                jenis=JenisJabatan.ADMINISTRASI,
                jenjang=JenjangJabatan.PELAKSANA,
                kelas=5,
            )
            self.kadis_hub = Jabatan(
                unit_id=hub_root.id,
                nama="Kepala Dinas Perhubungan",
                jenis=JenisJabatan.JPT,
                jenjang=JenjangJabatan.JPT_PRATAMA,
                kelas=14,
                eselon="II.b",
            )
            s.add_all([self.data_bansos, self.admin_sos, self.admin_hub, self.kadis_hub])
            s.flush()
            self.dinsos_id, self.dishub_id = dinsos.id, dishub.id
            self.sos_root_id, self.hub_root_id = sos_root.id, hub_root.id
            self.sos_bidang_id, self.hub_bidang_id = sos_bidang.id, hub_bidang.id
            self.data_bansos_id = self.data_bansos.id
            self.admin_sos_id = self.admin_sos.id
            self.admin_hub_id = self.admin_hub.id
            self.kadis_hub_id = self.kadis_hub.id


def draft(
    nama: str = "Andi Baso",
    *,
    birth: date = date(1986, 9, 26),
    tmt: date = date(2015, 5, 1),
    gender: JenisKelamin = JenisKelamin.LAKI_LAKI,
    seq: int = 1,
    unit_id: int,
    jabatan_id: int | None = None,
    **extra: object,
) -> StaffDraft:
    nip = make_nip(birth, tmt, gender, seq).digits
    values: dict[str, object] = dict(
        nip=nip,
        nama=nama,
        jenis_pegawai=JenisPegawai.PNS,
        unit_id=unit_id,
        jabatan_id=jabatan_id,
        tanggal_lahir=birth,
        jenis_kelamin=gender,
        golongan="III/a",
        tmt_golongan=date(2019, 4, 1),
        tmt_cpns=tmt,
        tmt_pns=date(tmt.year + 1, tmt.month, 1),
        tmt_jabatan=date(2021, 1, 4),
        pendidikan_tingkat=TingkatPendidikan.S1,
    )
    values.update(extra)
    return StaffDraft(**values)  # type: ignore[arg-type]
