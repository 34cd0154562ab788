"""Demo regency builder: determinism, consistency of every record, the story, refusal, cancel."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.golongan import parse_golongan, pns
from mutasi_desktop.domain.jabatan import tanggal_pensiun
from mutasi_desktop.domain.nip import check_nip, cross_check_nip
from mutasi_desktop.domain.pegawai import Agama, JenisKelamin, JenisPegawai, StatusPegawai
from mutasi_desktop.domain.staff_record import StaffDraft, validate_staff
from mutasi_desktop.domain.tanggal import tambah_bulan, umur
from mutasi_desktop.services.bootstrap import Services, open_services
from mutasi_desktop.services.demo import (
    AUDIT_AKSI,
    AUDIT_ENTITAS,
    DEFAULT_AS_OF,
    DemoSummary,
    build_demo,
)
from mutasi_desktop.services.progress import Cancelled
from mutasi_desktop.services.staff import StaffFilter, staff_search_text
from mutasi_desktop.storage.models import (
    Aspirasi,
    AuditLog,
    Jabatan,
    Opd,
    Pegawai,
    Pengaturan,
    RiwayatJabatan,
    RiwayatPangkat,
    UnitKerja,
)

AS_OF = DEFAULT_AS_OF
STORY_STAFF = 1500  # story numbers are fixed from 1,000 staff up

# The story, as written in resources/demo/organisasi.json: (unit, jabatan) -> people.
DINSOS = {
    ("Dinas Sosial", "Kepala Dinas Sosial"): 1,
    ("Sekretariat", "Sekretaris Dinas"): 1,
    ("Subbagian Umum dan Kepegawaian", "Kepala Subbagian Umum dan Kepegawaian"): 1,
    ("Subbagian Umum dan Kepegawaian", "Pengadministrasi Kepegawaian"): 1,
    ("Subbagian Umum dan Kepegawaian", "Pengemudi"): 1,
    ("Subbagian Perencanaan dan Keuangan", "Kepala Subbagian Perencanaan dan Keuangan"): 1,
    ("Subbagian Perencanaan dan Keuangan", "Bendahara"): 1,
    ("Subbagian Perencanaan dan Keuangan", "Penyusun Program Anggaran dan Pelaporan"): 0,
    ("Bidang Perlindungan dan Jaminan Sosial", "Kepala Bidang Perlindungan dan Jaminan Sosial"): 1,
    ("Bidang Perlindungan dan Jaminan Sosial", "Pengelola Data Bansos"): 2,
    ("Bidang Perlindungan dan Jaminan Sosial", "Pendamping Sosial"): 2,
    ("Bidang Perlindungan dan Jaminan Sosial", "Pengadministrasi Umum"): 1,
    ("Bidang Perlindungan dan Jaminan Sosial", "Pekerja Sosial Ahli Pertama"): 1,
    ("Bidang Rehabilitasi Sosial", "Kepala Bidang Rehabilitasi Sosial"): 1,
    ("Bidang Rehabilitasi Sosial", "Pekerja Sosial Ahli Pertama"): 1,
    ("Bidang Rehabilitasi Sosial", "Pekerja Sosial Ahli Muda"): 1,
    ("Bidang Rehabilitasi Sosial", "Pengelola Rehabilitasi Sosial"): 1,
    (
        "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
        "Kepala Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin",
    ): 1,
    ("Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", "Penyuluh Sosial Ahli Pertama"): 1,
    ("Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", "Pengelola Data"): 1,
    ("Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin", "Pendamping Sosial"): 1,
}
DISHUB = {
    ("Dinas Perhubungan", "Kepala Dinas Perhubungan"): 1,
    ("Sekretariat", "Sekretaris Dinas"): 1,
    ("Subbagian Umum dan Kepegawaian", "Kepala Subbagian Umum dan Kepegawaian"): 1,
    ("Subbagian Umum dan Kepegawaian", "Pengadministrasi Umum"): 2,
    ("Subbagian Umum dan Kepegawaian", "Pengadministrasi Kepegawaian"): 1,
    ("Subbagian Umum dan Kepegawaian", "Pengemudi"): 2,
    ("Subbagian Perencanaan dan Keuangan", "Kepala Subbagian Perencanaan dan Keuangan"): 1,
    ("Subbagian Perencanaan dan Keuangan", "Bendahara"): 1,
    ("Subbagian Perencanaan dan Keuangan", "Pengadministrasi Keuangan"): 1,
    ("Subbagian Perencanaan dan Keuangan", "Penyusun Program Anggaran dan Pelaporan"): 1,
    ("Bidang Lalu Lintas dan Angkutan", "Kepala Bidang Lalu Lintas dan Angkutan"): 1,
    ("Bidang Lalu Lintas dan Angkutan", "Pengatur Lalu Lintas"): 5,
    ("Bidang Lalu Lintas dan Angkutan", "Pengelola Data"): 3,
    ("Bidang Lalu Lintas dan Angkutan", "Penguji Kendaraan Bermotor Terampil"): 2,
    (
        "Bidang Prasarana dan Keselamatan Transportasi",
        "Kepala Bidang Prasarana dan Keselamatan Transportasi",
    ): 1,
    (
        "Bidang Prasarana dan Keselamatan Transportasi",
        "Pengelola Sarana dan Prasarana Perhubungan",
    ): 2,
    ("Bidang Prasarana dan Keselamatan Transportasi", "Pengatur Lalu Lintas"): 2,
    ("UPTD Terminal Penumpang Mamuju", "Kepala UPTD Terminal Penumpang Mamuju"): 1,
    ("UPTD Terminal Penumpang Mamuju", "Pengelola Retribusi"): 2,
    ("UPTD Terminal Penumpang Mamuju", "Pengatur Lalu Lintas"): 2,
}
TRANSFERABLE = {
    "Pengolahan data",
    "Administrasi perkantoran",
    "Microsoft Excel",
    "Verifikasi dan validasi data",
}


class _CancelAfter:
    """A Progress that asks to stop after ``calls`` reports."""

    def __init__(self, calls: int) -> None:
        self.calls = calls
        self.seen = 0
        self.labels: list[str] = []

    def report(self, done: int, total: int, label: str = "") -> None:
        self.labels.append(label)

    def cancelled(self) -> bool:
        self.seen += 1
        return self.seen > self.calls


class _Recorder:
    def __init__(self) -> None:
        self.reports: list[tuple[int, int, str]] = []

    def report(self, done: int, total: int, label: str = "") -> None:
        self.reports.append((done, total, label))

    def cancelled(self) -> bool:
        return False


def _open(path: Path) -> Services:
    return open_services(path)


def _count(svc: Services, model: type) -> int:
    with svc.ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _digest(svc: Services) -> str:
    """Hash of every generated table, rows in id order (the audit row has a wall-clock time)."""
    h = hashlib.sha256()
    with svc.ctx.read() as s:
        for table in (
            "opd",
            "unit_kerja",
            "jabatan",
            "pegawai",
            "riwayat_jabatan",
            "riwayat_pangkat",
            "kompetensi",
            "pelatihan",
            "aspirasi",
            "pengaturan",
        ):
            order = "kunci" if table == "pengaturan" else "id"
            for row in s.execute(text(f"SELECT * FROM {table} ORDER BY {order}")):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def _staffing(svc: Services, opd_nama: str) -> dict[tuple[str, str], int]:
    """Present headcount per (unit, jabatan) of one OPD, vacant positions included."""
    with svc.ctx.read() as s:
        rows = s.execute(
            select(UnitKerja.nama, Jabatan.nama, func.count(Pegawai.id))
            .select_from(Jabatan)
            .join(UnitKerja, UnitKerja.id == Jabatan.unit_id)
            .join(Opd, Opd.id == UnitKerja.opd_id)
            .outerjoin(Pegawai, Pegawai.jabatan_id == Jabatan.id)
            .where(Opd.nama == opd_nama)
            .group_by(UnitKerja.nama, Jabatan.nama)
        ).all()
    return {(u, j): n for u, j, n in rows}


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, DemoSummary]]:
    svc = _open(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    summary = build_demo(svc.ctx, staff=STORY_STAFF, seed=7)
    try:
        yield svc, summary
    finally:
        svc.close()


# ---- small build, settings, audit --------------------------------------------------------------


def test_small_build_fills_organisation_staff_settings_and_one_audit_row(tmp_path: Path) -> None:
    svc = _open(tmp_path / "demo.sqlite3")
    try:
        recorder = _Recorder()
        summary = build_demo(svc.ctx, staff=200, progress=recorder)
        assert summary.pegawai == _count(svc, Pegawai) == 200
        assert summary.opd == _count(svc, Opd) == 42  # 31 perangkat daerah + 11 kecamatan
        assert summary.unit == _count(svc, UnitKerja)
        assert summary.jabatan == _count(svc, Jabatan)
        assert summary.seconds > 0
        assert svc.staff.count() == 200
        assert recorder.reports[-1][0] == recorder.reports[-1][1]
        dones = [d for d, _, _ in recorder.reports]
        assert dones == sorted(dones)

        with svc.ctx.read() as s:
            audits = s.scalars(select(AuditLog)).all()
            assert [(a.aksi, a.entitas) for a in audits] == [(AUDIT_AKSI, AUDIT_ENTITAS)]
            kab = s.get(Pengaturan, "kabupaten")
            assert kab is not None
            nilai = kab.nilai
            sekda_nip = s.scalar(
                select(Pegawai.nip)
                .join(Jabatan, Jabatan.id == Pegawai.jabatan_id)
                .where(Jabatan.nama == "Sekretaris Daerah")
            )
        assert nilai["nama"] == "Kabupaten Mamuju"
        assert nilai["provinsi"] == "Sulawesi Barat"
        assert nilai["ibu_kota"] == "Mamuju"
        assert nilai["bupati"]
        assert nilai["sekda"]["nip"] == sekda_nip  # the Sekda is a real person in the register
        assert nilai["sekda"]["jabatan"] == "Sekretaris Daerah"

        # The ORM and the staff service read demo rows like any others.
        rows = svc.staff.search(StaffFilter(), limit=None)
        assert len(rows) == 200
        detail = svc.staff.get(rows[0].id)
        assert detail.riwayat_jabatan[-1].tmt_selesai is None
    finally:
        svc.close()


def test_zero_staff_builds_the_organisation_only(tmp_path: Path) -> None:
    svc = _open(tmp_path / "demo.sqlite3")
    try:
        summary = build_demo(svc.ctx, staff=0)
        assert summary.pegawai == 0 and summary.opd == 42 and summary.jabatan > 1000
    finally:
        svc.close()


def test_invalid_staff_count_is_refused(tmp_path: Path) -> None:
    svc = _open(tmp_path / "demo.sqlite3")
    try:
        with pytest.raises(DomainError) as err:
            build_demo(svc.ctx, staff=-1)
        assert err.value.code == "demo.jumlah_pegawai_tidak_sah"
        assert _count(svc, Opd) == 0
    finally:
        svc.close()


# ---- determinism -------------------------------------------------------------------------------


def test_same_seed_same_data_and_another_seed_differs(tmp_path: Path) -> None:
    digests = []
    for name, seed in (("a", 11), ("b", 11), ("c", 12)):
        svc = _open(tmp_path / f"{name}.sqlite3")
        try:
            build_demo(svc.ctx, staff=1000, seed=seed)
            digests.append(_digest(svc))
        finally:
            svc.close()
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


# ---- every record consistent -------------------------------------------------------------------


def test_every_record_is_consistent(story_db: tuple[Services, DemoSummary]) -> None:
    svc, _ = story_db
    _assert_consistent(svc)


def _assert_consistent(svc: Services) -> None:
    with svc.ctx.read() as s:
        people = s.execute(
            select(Pegawai, Jabatan).join(Jabatan, Jabatan.id == Pegawai.jabatan_id)
        ).all()
        pangkat: dict[int, list[RiwayatPangkat]] = {}
        for rp in s.scalars(
            select(RiwayatPangkat).order_by(RiwayatPangkat.pegawai_id, RiwayatPangkat.tmt)
        ):
            pangkat.setdefault(rp.pegawai_id, []).append(rp)
        jabatan_hist: dict[int, list[RiwayatJabatan]] = {}
        for rj in s.scalars(
            select(RiwayatJabatan).order_by(RiwayatJabatan.pegawai_id, RiwayatJabatan.tmt_mulai)
        ):
            jabatan_hist.setdefault(rj.pegawai_id, []).append(rj)

        nips: set[str] = set()
        kinds: Counter[JenisPegawai] = Counter()
        retiring = 0
        for p, jab in people:
            kinds[p.jenis_pegawai] += 1
            assert p.nip not in nips
            nips.add(p.nip)
            assert p.aktif and p.versi == 1
            check = check_nip(p.nip, jenis=p.jenis_pegawai, today=AS_OF)
            assert check.ok, (p.nip, check.problems)
            assert p.tanggal_lahir is not None and p.golongan is not None
            if p.jenis_pegawai.is_pns_like:
                assert check.nip is not None
                assert not check.warnings, (p.nip, check.warnings)
                assert (
                    cross_check_nip(check.nip, birth_date=p.tanggal_lahir, gender=p.jenis_kelamin)
                    == []
                )
                assert p.tmt_cpns is not None and p.tmt_cpns.day == 1
                assert check.nip.tmt_cpns == p.tmt_cpns
                gol = parse_golongan(p.golongan, p.jenis_pegawai)
                assert gol is not None and not gol.is_pppk
                assert jab.golongan_min is not None and gol >= pns(jab.golongan_min)
            else:
                assert p.tmt_cpns is None and p.tmt_pns is None
                assert p.kontrak_selesai is not None and p.kontrak_selesai > AS_OF
                gol = parse_golongan(p.golongan, JenisPegawai.PPPK)
                assert gol is not None and gol.is_pppk
            if p.jenis_pegawai is JenisPegawai.PNS:
                assert p.tmt_pns is not None and p.tmt_cpns is not None
                assert tambah_bulan(p.tmt_cpns, 12) <= p.tmt_pns <= AS_OF
            if p.jenis_pegawai is JenisPegawai.CPNS:
                assert p.tmt_pns is None and p.tmt_cpns is not None
                assert (AS_OF - p.tmt_cpns).days < 366

            # Age 20 up to (not including) the retirement age of the position.
            bup = jab.jenjang.bup if jab.jenjang else 58
            assert 20 <= umur(p.tanggal_lahir, AS_OF) < bup
            if p.status.is_in_service:
                assert tanggal_pensiun(p.tanggal_lahir, bup) > AS_OF
            if tanggal_pensiun(p.tanggal_lahir, bup) <= tambah_bulan(AS_OF, 12):
                retiring += 1

            assert p.teks_cari == staff_search_text(p, jab.nama)
            assert p.unit_id == jab.unit_id

            steps = pangkat[p.id]
            assert steps[-1].golongan == p.golongan and steps[-1].tmt == p.tmt_golongan
            if p.jenis_pegawai.is_pns_like:
                ranks = [pns(r.golongan).rank for r in steps]
                assert ranks == list(range(ranks[0], ranks[0] + len(ranks)))  # every step
            history = jabatan_hist[p.id]
            assert 1 <= len(history) <= 3
            assert history[-1].tmt_selesai is None and history[-1].jabatan_id == jab.id
            assert history[-1].tmt_mulai == p.tmt_jabatan
            assert all(h.tmt_selesai is not None for h in history[:-1])
            for a, b in pairwise(history):
                assert a.tmt_selesai == b.tmt_mulai

            problems = [pr for pr in validate_staff(_draft(p), today=AS_OF) if pr.is_error]
            assert problems == [], (p.nip, problems)

    n = len(people)
    assert kinds[JenisPegawai.PPPK] == round(0.22 * n)
    assert kinds[JenisPegawai.CPNS] == round(0.03 * n)
    assert 0 < retiring < 0.05 * n  # a handful for the home screen


def _draft(p: Pegawai) -> StaffDraft:
    return StaffDraft(
        nip=p.nip,
        nama=p.nama,
        jenis_pegawai=p.jenis_pegawai,
        unit_id=p.unit_id,
        nip_lama=p.nip_lama,
        gelar_depan=p.gelar_depan,
        gelar_belakang=p.gelar_belakang,
        tempat_lahir=p.tempat_lahir,
        tanggal_lahir=p.tanggal_lahir,
        jenis_kelamin=p.jenis_kelamin,
        agama=p.agama,
        golongan=p.golongan,
        tmt_golongan=p.tmt_golongan,
        jabatan_id=p.jabatan_id,
        tmt_jabatan=p.tmt_jabatan,
        pendidikan_tingkat=p.pendidikan_tingkat,
        pendidikan_jurusan=p.pendidikan_jurusan,
        tahun_lulus=p.tahun_lulus,
        tmt_cpns=p.tmt_cpns,
        tmt_pns=p.tmt_pns,
        status=p.status,
        hukuman_disiplin=p.hukuman_disiplin,
        kontrak_selesai=p.kontrak_selesai,
        catatan=p.catatan,
    )


def test_shape_of_the_regency(story_db: tuple[Services, DemoSummary]) -> None:
    svc, summary = story_db
    with svc.ctx.read() as s:
        people = s.execute(
            select(Pegawai, Jabatan.nama).join(Jabatan, Jabatan.id == Pegawai.jabatan_id)
        ).all()
        n_aspirasi = s.scalar(select(func.count()).select_from(Aspirasi)) or 0
    n = len(people)
    assert summary.pegawai == n
    teachers_health = sum(1 for _, jab in people if jab.startswith(_TEACHING_AND_HEALTH))
    assert 0.35 * n < teachers_health < 0.65 * n  # about half
    religions = Counter(p.agama for p, _ in people)
    assert religions.most_common(1)[0][0] is Agama.ISLAM
    assert religions[Agama.KRISTEN] > 0
    bidan = [p.jenis_kelamin for p, jab in people if jab.startswith("Bidan")]
    assert bidan and set(bidan) == {JenisKelamin.PEREMPUAN}
    assert sum(p.status is StatusPegawai.AKTIF for p, _ in people) > 0.95 * n
    assert sum(p.hukuman_disiplin for p, _ in people) < 0.02 * n
    doctors = [
        p.gelar_depan or ""
        for p, jab in people
        if jab.startswith("Dokter ") and not jab.startswith("Dokter Gigi")
    ]
    assert doctors and all("dr." in gd for gd in doctors)
    two_years, five_years = tambah_bulan(AS_OF, -24), tambah_bulan(AS_OF, -60)
    tenure = Counter(
        "<2" if t > two_years else ">5" if t < five_years else "2-5"
        for t in (p.tmt_jabatan for p, _ in people)
        if t is not None
    )
    assert tenure["2-5"] > tenure["<2"] > 0 and tenure["2-5"] > tenure[">5"] > 0
    assert 0.02 * n < n_aspirasi < 0.08 * n


_TEACHING_AND_HEALTH = (
    "Guru ",
    "Kepala Sekolah",
    "Dokter",
    "Perawat",
    "Bidan",
    "Apoteker",
    "Asisten Apoteker",
    "Sanitarian",
    "Nutrisionis",
    "Pranata Laboratorium",
    "Penyuluh Kesehatan",
    "Epidemiolog",
    "Radiografer",
    "Fisioterapis",
    "Perekam Medis",
)


# ---- the Dinsos / Dishub story -----------------------------------------------------------------


def test_story_numbers(story_db: tuple[Services, DemoSummary]) -> None:
    svc, _ = story_db
    assert _staffing(svc, "Dinas Sosial") == DINSOS
    assert _staffing(svc, "Dinas Perhubungan") == DISHUB


def test_dishub_staff_are_transferable_and_two_refuse(
    story_db: tuple[Services, DemoSummary],
) -> None:
    svc, _ = story_db
    with svc.ctx.read() as s:
        dishub = s.scalars(
            select(Pegawai)
            .join(UnitKerja, UnitKerja.id == Pegawai.unit_id)
            .join(Opd, Opd.id == UnitKerja.opd_id)
            .where(Opd.nama == "Dinas Perhubungan")
        ).all()
        sikap = Counter(a.sikap for p in dishub for a in p.aspirasi)
        skilled = [p for p in dishub if len({k.nama for k in p.kompetensi} & TRANSFERABLE) >= 2]
        movers = {p.jabatan.nama for p in skilled if p.jabatan is not None}
        dinsos_id = s.scalar(select(Opd.id).where(Opd.nama == "Dinas Sosial"))
        wants_dinsos = [a for p in dishub for a in p.aspirasi if a.opd_tujuan_id == dinsos_id]
        kinds = {p.jenis_pegawai for p in dishub}
        statuses = {p.status for p in dishub}
    assert sikap["tidak_bersedia"] == 2
    assert sikap["bersedia"] >= 3
    assert len(skilled) >= 6
    assert {"Pengadministrasi Umum", "Pengelola Data", "Pengatur Lalu Lintas"} <= movers
    assert len(wants_dinsos) == 1
    assert kinds == {JenisPegawai.PNS} and statuses == {StatusPegawai.AKTIF}


# ---- refusal and cancellation -------------------------------------------------------------------


def test_refuses_a_database_with_staff_or_opds(tmp_path: Path) -> None:
    svc = _open(tmp_path / "demo.sqlite3")
    try:
        build_demo(svc.ctx, staff=50)
        digest = _digest(svc)
        with pytest.raises(DomainError) as err:
            build_demo(svc.ctx, staff=50)
        assert err.value.code == "demo.db_tidak_kosong"
        assert err.value.params == {"opd": 42, "pegawai": 50}
        assert _digest(svc) == digest
        assert _count(svc, AuditLog) == 1
    finally:
        svc.close()

    other = _open(tmp_path / "opd-only.sqlite3")
    try:
        with other.ctx.write_unchecked() as s:
            s.add(Opd(nama="Dinas Sosial"))
        with pytest.raises(DomainError) as err:
            build_demo(other.ctx, staff=10)
        assert err.value.code == "demo.db_tidak_kosong"
        assert _count(other, Jabatan) == 0
    finally:
        other.close()


@pytest.mark.parametrize("calls", [1, 3, 8])  # organisation, people, writing
def test_cancel_leaves_the_database_empty(tmp_path: Path, calls: int) -> None:
    svc = _open(tmp_path / "demo.sqlite3")
    try:
        progress = _CancelAfter(calls)
        with pytest.raises(Cancelled):
            build_demo(svc.ctx, staff=1200, progress=progress)
        assert progress.seen == calls + 1
        for model in (
            Opd,
            UnitKerja,
            Jabatan,
            Pegawai,
            RiwayatJabatan,
            RiwayatPangkat,
            Aspirasi,
            Pengaturan,
            AuditLog,
        ):
            assert _count(svc, model) == 0, model
        # Nothing half-written blocks a second, complete attempt.
        assert build_demo(svc.ctx, staff=100).pegawai == 100
    finally:
        svc.close()


# ---- bigger builds -----------------------------------------------------------------------------


@pytest.mark.slow
def test_default_size_is_consistent_and_keeps_the_story(tmp_path: Path) -> None:
    svc = _open(tmp_path / "demo.sqlite3")
    try:
        summary = build_demo(svc.ctx)
        assert summary.pegawai == 6000
        _assert_consistent(svc)
        assert _staffing(svc, "Dinas Sosial") == DINSOS
        assert _staffing(svc, "Dinas Perhubungan") == DISHUB
    finally:
        svc.close()
