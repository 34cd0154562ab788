"""PlanningService on SQLite and PostgreSQL: proposals under the rules, overrides, the workflow
with permissions, batches and execution, consultation, objections, training, the optimiser."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from mutasi_desktop.domain.abk import Periode, SatuanWaktu, TaskInput
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_rules import JenisMutasi, Keparahan
from mutasi_desktop.domain.mutasi_workflow import (
    TRANSISI,
    Langkah,
    StatusBatch,
    StatusKeberatan,
    StatusPelatihan,
    StatusUsulan,
    SumberUsulan,
    Tenggat,
    Transisi,
)
from mutasi_desktop.domain.pegawai import StatusPegawai, TingkatPendidikan
from mutasi_desktop.domain.staff_record import AspirasiItem, KompetensiItem
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.context import Action, Actor
from mutasi_desktop.services.planning import MIN_ALASAN
from mutasi_desktop.services.planning_types import (
    ForumDraft,
    KeberatanDraft,
    PelatihanDraft,
    PlanOptions,
    UsulanDraft,
    UsulanFilter,
)
from mutasi_desktop.storage.models import AuditLog, Jabatan, Pegawai, RiwayatJabatan
from mutasi_desktop.storage.models_mutasi import RiwayatUsulan, UsulanMutasi
from support import SmallOrg, draft

AS_OF = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
YEAR = 2026
WKE = 75_000
REASON = "Kebutuhan mendesak pelayanan bansos tahun 2027"


@dataclass
class World:
    svc: Services
    org: SmallOrg
    hub1: int  # willing data clerk, D-III: fits Pengelola Data Bansos
    hub2: int  # admin clerk, SLTA: fits Pengadministrasi Umum only
    hub3: int  # unwilling data clerk
    hub4: int  # admin clerk, under two years in post
    eka: int  # already in Pengelola Data Bansos


class DenyAll:
    def __init__(self, *allowed: Action) -> None:
        self.allowed = set(allowed)

    def allows(self, actor: Actor, action: Action) -> bool:
        return action in self.allowed


def _tasks(need_minutes: int) -> list[TaskInput]:
    return [
        TaskInput("Mengolah berkas", "berkas", 1.0, SatuanWaktu.MENIT, need_minutes, Periode.TAHUN)
    ]


@pytest.fixture
def world(services: Services) -> World:
    services.ctx.clock = lambda: AS_OF
    org = SmallOrg(services)
    with services.ctx.write_unchecked() as s:
        for jid, edu, gol, syarat in (
            (
                org.data_bansos_id,
                TingkatPendidikan.D3,
                "II/c",
                "Pengolahan data;Microsoft Excel;Aplikasi SIKS-NG",
            ),
            (
                org.admin_sos_id,
                TingkatPendidikan.SLTA,
                "II/a",
                "Administrasi perkantoran;Kearsipan",
            ),
            (org.admin_hub_id, TingkatPendidikan.SLTA, "II/a", "Administrasi perkantoran"),
        ):
            j = s.get(Jabatan, jid)
            assert j is not None
            j.pendidikan_min, j.golongan_min, j.kompetensi_syarat = edu, gol, syarat
    staff = services.staff
    post = date(2023, 1, 2)

    def add(nama: str, seq: int, unit: int, jab: int, **kw: object) -> int:
        values: dict[str, object] = {"tmt_jabatan": post, **kw}
        d = draft(nama, seq=seq, unit_id=unit, jabatan_id=jab, **values)
        return staff.create(d).pegawai_id

    data = (KompetensiItem("Pengolahan data"), KompetensiItem("Microsoft Excel"))
    hub = org.hub_bidang_id
    hub1 = add(
        "Ahmad",
        1,
        hub,
        org.admin_hub_id,
        pendidikan_tingkat=TingkatPendidikan.D3,
        kompetensi=(*data, KompetensiItem("Administrasi perkantoran")),
        aspirasi=(AspirasiItem("bersedia", date(2026, 10, 1)),),
    )
    hub2 = add(
        "Budi",
        2,
        hub,
        org.admin_hub_id,
        pendidikan_tingkat=TingkatPendidikan.SLTA,
        golongan="II/b",
        kompetensi=(KompetensiItem("Administrasi perkantoran"), KompetensiItem("Kearsipan")),
    )
    hub3 = add(
        "Citra",
        3,
        hub,
        org.admin_hub_id,
        pendidikan_tingkat=TingkatPendidikan.D3,
        kompetensi=data,
        aspirasi=(AspirasiItem("tidak_bersedia", date(2026, 10, 1), alasan="Orang tua sakit"),),
    )
    hub4 = add(
        "Dewi",
        4,
        hub,
        org.admin_hub_id,
        pendidikan_tingkat=TingkatPendidikan.SLTA,
        golongan="II/a",
        tmt_jabatan=date(2025, 6, 2),
        kompetensi=(KompetensiItem("Administrasi perkantoran"),),
    )
    eka = add("Eka", 5, org.sos_bidang_id, org.data_bansos_id)
    abk = services.abk
    abk.save_tasks(org.data_bansos_id, YEAR, _tasks(3 * WKE))  # need 3, one there: short 2
    abk.save_tasks(org.admin_sos_id, YEAR, _tasks(WKE))  # need 1, nobody: short 1
    abk.save_tasks(org.admin_hub_id, YEAR, _tasks(WKE))  # need 1, four there: 3 to spare
    return World(services, org, hub1, hub2, hub3, hub4, eka)


def _move(w: World, pegawai: int, tujuan: int, **kw: object) -> UsulanDraft:
    return UsulanDraft(pegawai_id=pegawai, jabatan_tujuan_id=tujuan, **kw)  # type: ignore[arg-type]


def _count(w: World, model: type) -> int:
    with w.svc.ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# ---- proposals and rule checks ---------------------------------------------------------------


def test_check_is_live_and_saves_nothing(world: World) -> None:
    p = world.svc.planning
    found = {
        r.code: r.severity for r in p.check(_move(world, world.hub1, world.org.data_bansos_id))
    }
    assert found == {"mutasi.kompetensi_kurang": Keparahan.INFO}
    short = {r.code for r in p.check(_move(world, world.hub4, world.org.data_bansos_id))}
    assert {
        "mutasi.masa_jabatan_kurang_2",
        "mutasi.pendidikan_kurang",
        "mutasi.golongan_kurang",
    } <= short
    assert _count(world, UsulanMutasi) == 0


def test_a_blocked_move_is_refused_with_every_reason_and_nothing_is_saved(world: World) -> None:
    staff = world.svc.staff
    detail = staff.get(world.hub2)
    staff.update(world.hub2, replace(detail.draft, hukuman_disiplin=True), detail.versi)
    with pytest.raises(DomainError) as err:
        world.svc.planning.create(_move(world, world.hub2, world.org.admin_sos_id))
    assert err.value.code == "mutasi.diblokir"
    assert "hukuman disiplin" in err.value.message()
    assert [p.code for p in err.value.problems][1:] == ["mutasi.hukuman_disiplin"]
    assert _count(world, UsulanMutasi) == 0


def test_create_records_a_draft_with_history_checks_training_needs_and_audit(world: World) -> None:
    p = world.svc.planning
    change = p.create(_move(world, world.hub1, world.org.data_bansos_id, alasan="Bansos"))
    u = change.usulan
    assert change.berubah and u.status is StatusUsulan.DRAF and u.sumber is SumberUsulan.MANUAL
    assert u.asal is not None and u.asal.jabatan_id == world.org.admin_hub_id
    assert u.tujuan is not None and u.tujuan.opd == "Dinas Sosial"
    assert u.tmt_rencana == date(2026, 12, 1)  # the 1st of next month
    assert [r.code for r in u.aturan] == ["mutasi.kompetensi_kurang"] and u.siap_lanjut
    needs = p.training_needs(usulan_id=u.id)
    assert [(n.topik, n.status) for n in needs] == [
        ("Aplikasi SIKS-NG", StatusPelatihan.DIRENCANAKAN)
    ]
    detail = p.get(u.id)
    assert [(h.dari, h.ke, h.langkah) for h in detail.riwayat] == [
        (None, StatusUsulan.DRAF, "buat")
    ]
    with world.svc.ctx.read() as s:
        aksi = s.scalars(
            select(AuditLog.aksi).where(
                AuditLog.entitas == "usulan_mutasi", AuditLog.entitas_id == u.id
            )
        ).all()
    assert aksi == ["mutasi.usulan_buat"]


def test_warnings_are_overridden_only_with_a_written_reason_and_are_audited(world: World) -> None:
    p = world.svc.planning
    target = world.org.admin_sos_id
    with pytest.raises(DomainError) as err:
        p.create(_move(world, world.hub4, target), {"mutasi.masa_jabatan_kurang_2": "ok"})
    assert err.value.code == "mutasi.alasan_wajib" and str(MIN_ALASAN) in err.value.message()
    with pytest.raises(DomainError) as err:
        p.create(_move(world, world.hub4, target), {"mutasi.hukuman_disiplin": REASON})
    assert err.value.code == "mutasi.blokir_tidak_dapat_diabaikan"
    u = p.create(_move(world, world.hub4, target)).usulan
    assert [r.code for r in u.belum_dialasankan] == ["mutasi.masa_jabatan_kurang_2"]
    with pytest.raises(DomainError) as err:
        p.verify(u.id)
    assert err.value.code == "mutasi.peringatan_belum_dialasankan"
    changed = p.override(u.id, "mutasi.masa_jabatan_kurang_2", REASON, u.versi)
    assert changed.audit_id is not None and changed.usulan.siap_lanjut
    reason = changed.usulan.pengabaian["mutasi.masa_jabatan_kurang_2"]
    assert reason.alasan == REASON and reason.oleh == world.svc.ctx.actor.username
    with world.svc.ctx.read() as s:
        entry = s.get(AuditLog, changed.audit_id)
        assert entry is not None and entry.aksi == "mutasi.pengabaian" and REASON in entry.ringkasan
    assert p.verify(u.id).usulan.status is StatusUsulan.DIVERIFIKASI


def test_the_whole_way_to_execution_updates_the_staff_record(world: World) -> None:
    p = world.svc.planning
    u = p.create(_move(world, world.hub1, world.org.data_bansos_id)).usulan
    p.verify(u.id, "Sesuai peta jabatan")
    p.approve(u.id)
    batch = p.create_batch("Tahap I", [u.id])
    assert batch.status is StatusBatch.TERBUKA and batch.usulan_ids == (u.id,)
    decree = p.mark_batch_in_decree(batch.id, nomor_sk="800.1.3.1/1/BKPSDM/XI/2026",
                                    tanggal_sk=date(2026, 11, 20))  # fmt: skip
    assert decree.status is StatusBatch.DALAM_SK
    assert p.get(u.id).usulan.status is StatusUsulan.DALAM_SK
    before = world.svc.staff.get(world.hub1).versi
    done = p.execute_batch(batch.id)
    assert done.status is StatusBatch.SELESAI
    detail = p.get(u.id)
    assert detail.usulan.status is StatusUsulan.DILAKSANAKAN
    assert [h.ke for h in detail.riwayat] == [
        StatusUsulan.DRAF,
        StatusUsulan.DIVERIFIKASI,
        StatusUsulan.DISETUJUI,
        StatusUsulan.DISETUJUI,  # into the batch
        StatusUsulan.DALAM_SK,
        StatusUsulan.DILAKSANAKAN,
    ]
    person = world.svc.staff.get(world.hub1)
    assert person.draft.jabatan_id == world.org.data_bansos_id
    assert person.draft.unit_id == world.org.sos_bidang_id
    assert person.draft.tmt_jabatan == date(2026, 12, 1) and person.versi > before
    with world.svc.ctx.read() as s:
        rows = s.scalars(
            select(RiwayatJabatan)
            .where(RiwayatJabatan.pegawai_id == world.hub1)
            .order_by(RiwayatJabatan.id)
        ).all()
        assert rows[-1].jabatan_nama == "Pengelola Data Bansos"
        assert rows[-1].nomor_sk == "800.1.3.1/1/BKPSDM/XI/2026"
        assert rows[-2].tmt_selesai == date(2026, 12, 1)
    # A carried-out transfer counts as a recent move for the next one.
    again = {r.code for r in p.check(_move(world, world.hub1, world.org.admin_sos_id))}
    assert "mutasi.baru_dipindah" in again


def test_each_step_needs_its_permission_and_nothing_changes_when_refused(world: World) -> None:
    p = world.svc.planning
    u = p.create(_move(world, world.hub1, world.org.data_bansos_id)).usulan
    world.svc.ctx.policy = DenyAll(Action.MUTASI_DRAFT, Action.MUTASI_READ)
    for step in (p.verify, p.approve):
        with pytest.raises(DomainError) as err:
            step(u.id)
        assert err.value.code in ("izin.ditolak", "mutasi.transisi_tidak_sah")
    with pytest.raises(DomainError) as err:
        p.verify(u.id)
    assert err.value.code == "izin.ditolak" and "mutasi.verifikasi" in err.value.message()
    world.svc.ctx.policy = DenyAll(Action.MUTASI_VERIFY, Action.MUTASI_READ)
    p.verify(u.id)
    with pytest.raises(DomainError) as err:
        p.approve(u.id)
    assert err.value.code == "izin.ditolak"
    assert p.get(u.id).usulan.status is StatusUsulan.DIVERIFIKASI
    with pytest.raises(DomainError):
        p.create(_move(world, world.hub2, world.org.admin_sos_id))


def test_refusals_need_notes_end_the_proposal_and_cancel_training(world: World) -> None:
    p = world.svc.planning
    u = p.create(_move(world, world.hub1, world.org.data_bansos_id)).usulan
    with pytest.raises(DomainError) as err:
        p.reject(u.id, "  ")
    assert err.value.code == "mutasi.catatan_wajib"
    done = p.reject(u.id, "Tidak sesuai rencana kebutuhan")
    assert done.usulan.status is StatusUsulan.DITOLAK
    assert [n.status for n in p.training_needs(usulan_id=u.id)] == [StatusPelatihan.DIBATALKAN]
    for langkah in Langkah:
        with pytest.raises(DomainError) as err:
            p.step(u.id, langkah, "catatan")
        assert err.value.code == "mutasi.transisi_tidak_sah"
    w = p.create(_move(world, world.hub2, world.org.admin_sos_id)).usulan
    assert p.withdraw(w.id).usulan.status is StatusUsulan.DITARIK


def test_return_to_draft_and_edit_with_version_check(world: World) -> None:
    p = world.svc.planning
    u = p.create(_move(world, world.hub2, world.org.admin_sos_id)).usulan
    p.verify(u.id)
    with pytest.raises(DomainError) as err:
        p.update(u.id, _move(world, world.hub2, world.org.data_bansos_id), u.versi + 1)
    assert err.value.code in ("mutasi.hanya_draf", "mutasi.diubah_pengguna_lain")
    back = p.return_to_draft(u.id, "Periksa lagi jabatan tujuan").usulan
    assert back.status is StatusUsulan.DRAF
    with pytest.raises(DomainError) as err:
        p.update(u.id, _move(world, world.hub2, world.org.data_bansos_id), back.versi - 1)
    assert err.value.code == "mutasi.diubah_pengguna_lain"
    edited = p.update(
        u.id,
        _move(world, world.hub2, world.org.data_bansos_id),
        back.versi,
        {"mutasi.pendidikan_kurang": REASON, "mutasi.golongan_kurang": REASON},
    )
    assert edited.berubah and edited.usulan.tujuan is not None
    assert edited.usulan.tujuan.jabatan_id == world.org.data_bansos_id
    assert {n.topik for n in p.training_needs(usulan_id=u.id)} >= {"D-III"}
    same = p.update(u.id, _move(world, world.hub2, world.org.data_bansos_id), edited.usulan.versi)
    assert not same.berubah


def test_batch_creation_is_all_or_nothing_and_sees_earlier_drafts(world: World) -> None:
    p = world.svc.planning
    bansos = world.org.data_bansos_id
    made = p.create_many(
        [_move(world, world.hub1, bansos), _move(world, world.hub3, bansos)],
        [{}, {"mutasi.tidak_bersedia": REASON}],
    )
    assert len(made) == 2
    # The data clerk position was short by two: the second draft does not warn.
    assert "mutasi.tujuan_tidak_kurang" not in {r.code for r in made[1].usulan.aturan}
    third = {r.code for r in p.check(_move(world, world.hub2, bansos))}
    assert "mutasi.tujuan_tidak_kurang" in third and "mutasi.usulan_ganda" not in third
    staff = world.svc.staff
    d = staff.get(world.hub4)
    staff.update(world.hub4, replace(d.draft, status=StatusPegawai.TUGAS_BELAJAR), d.versi)
    with pytest.raises(DomainError):
        p.create_many(
            [_move(world, world.hub2, world.org.admin_sos_id), _move(world, world.hub4, bansos)]
        )
    assert len(p.proposals()) == 2


def test_batches_take_only_approved_proposals_once(world: World) -> None:
    p = world.svc.planning
    u = p.create(_move(world, world.hub1, world.org.data_bansos_id)).usulan
    with pytest.raises(DomainError) as err:
        p.create_batch("Tahap I", [u.id])
    assert err.value.code == "mutasi.batch_bukan_disetujui"
    p.verify(u.id)
    p.approve(u.id)
    b1 = p.create_batch("Tahap I", [u.id])
    b2 = p.create_batch("Tahap II")
    with pytest.raises(DomainError) as err:
        p.add_to_batch(b2.id, [u.id])
    assert err.value.code == "mutasi.sudah_dalam_batch"
    with pytest.raises(DomainError) as err:
        p.mark_batch_in_decree(b2.id)
    assert err.value.code == "mutasi.batch_kosong"
    assert p.remove_from_batch(b1.id, [u.id]).usulan_ids == ()
    assert p.add_to_batch(b2.id, [u.id]).usulan_ids == (u.id,)
    p.mark_batch_in_decree(b2.id)
    with pytest.raises(DomainError) as err:
        p.add_to_batch(b2.id, [u.id])
    assert err.value.code == "mutasi.batch_terkunci"
    out = p.step(u.id, Langkah.BATAL_SK, "SK dibatalkan").usulan
    assert out.status is StatusUsulan.DISETUJUI and out.batch_id is None
    with world.svc.ctx.read() as s:
        steps = s.scalars(
            select(RiwayatUsulan.langkah).where(RiwayatUsulan.usulan_id == u.id)
        ).all()
    assert steps.count("masuk_batch") == 2 and "keluar_batch" in steps


def test_moves_out_of_the_regency(world: World) -> None:
    p = world.svc.planning
    with pytest.raises(DomainError) as err:
        p.create(UsulanDraft(world.hub2, jenis=JenisMutasi.KELUAR))
    assert err.value.code == "mutasi.jenis_butuh_instansi"
    keluar = UsulanDraft(world.hub2, jenis=JenisMutasi.KELUAR, instansi_lain="Kabupaten Majene")
    staff = world.svc.staff
    d = staff.get(world.hub2)
    staff.update(world.hub2, replace(d.draft, tmt_pns=date(2018, 3, 1)), d.versi)
    with pytest.raises(DomainError) as err:  # PNS since 2018: the ten-year statement binds
        p.create(keluar)
    assert "mutasi.sepuluh_tahun" in [x.code for x in err.value.problems]
    d = staff.get(world.hub2)
    staff.update(
        world.hub2, replace(d.draft, tmt_cpns=date(2009, 1, 1), tmt_pns=date(2010, 1, 1)), d.versi
    )
    u = p.create(keluar).usulan
    assert u.tujuan is None and u.instansi_lain == "Kabupaten Majene"
    world.svc.ctx.policy = DenyAll(*Action)
    p.verify(u.id)
    p.approve(u.id)
    p.step(u.id, Langkah.MASUK_SK)
    p.execute(u.id, tanggal=date(2027, 1, 1), nomor_sk="800/9/2027")
    with world.svc.ctx.read() as s:
        person = s.get(Pegawai, world.hub2)
        assert person is not None and not person.aktif
        assert person.alasan_nonaktif == "Pindah ke Kabupaten Majene"


def test_listing_filters_and_counts(world: World) -> None:
    p = world.svc.planning
    a = p.create(_move(world, world.hub1, world.org.data_bansos_id)).usulan
    p.create(_move(world, world.hub2, world.org.admin_sos_id))
    p.verify(a.id)
    assert [u.id for u in p.proposals(UsulanFilter(teks="ahmad"))] == [a.id]
    assert len(p.proposals(UsulanFilter(opd_id=world.org.dinsos_id))) == 2
    only = p.proposals(UsulanFilter(status=frozenset({StatusUsulan.DIVERIFIKASI})))
    assert [u.id for u in only] == [a.id]
    counts = p.counts()
    assert counts[StatusUsulan.DRAF] == 1 and counts[StatusUsulan.DIVERIFIKASI] == 1


# ---- consultation and objections ------------------------------------------------------------


def test_forum_aspirations_feed_the_rules(world: World) -> None:
    p = world.svc.planning
    forum = p.save_forum(
        ForumDraft(
            date(2026, 10, 10),
            "Aula Dishub",
            "Forum penataan pegawai",
            opd_id=world.org.dishub_id,
            peserta="Kepala Dinas\nBKPSDM",
        )
    )
    before = world.svc.staff.get(world.hub2).versi
    asp = p.record_aspiration(
        world.hub2, AspirasiItem("tidak_bersedia", alasan="Anak sekolah"), forum_id=forum.id
    )
    assert asp.forum_id == forum.id and asp.tanggal == date(2026, 10, 10)
    assert world.svc.staff.get(world.hub2).versi > before  # open editors must reload
    assert p.forum(forum.id).jumlah_aspirasi == 1
    assert [a.nama for a in p.aspirations(forum_id=forum.id)] == ["Budi"]
    found = {r.code for r in p.check(_move(world, world.hub2, world.org.admin_sos_id))}
    assert "mutasi.tidak_bersedia" in found
    renamed = p.save_forum(replace_forum(forum, tempat="Aula Lantai 2"), forum.id)
    assert [a.pegawai_id for a in p.aspirations(forum_id=renamed.id)] == [world.hub2]
    with pytest.raises(DomainError) as err:
        p.record_aspiration(world.hub2, AspirasiItem("marah"))
    assert err.value.code == "mutasi.sikap_tidak_sah"


def replace_forum(f: object, **kw: object) -> ForumDraft:
    from mutasi_desktop.services.planning_types import ForumInfo

    assert isinstance(f, ForumInfo)
    values: dict[str, object] = dict(
        tanggal=f.tanggal, tempat=f.tempat, judul=f.judul, opd_id=f.opd_id, peserta=f.peserta
    )
    values.update(kw)
    return ForumDraft(**values)  # type: ignore[arg-type]


def test_objections_show_their_clocks_and_close_once(world: World) -> None:
    p = world.svc.planning
    on_time = p.save_objection(
        KeberatanDraft(world.hub1, date(2026, 10, 20), date(2026, 10, 27), "Jauh dari rumah")
    )
    assert on_time.tepat_waktu and on_time.batas_jawaban == date(2026, 11, 17)
    assert on_time.sisa_hari == 16 and on_time.tenggat is Tenggat.AMAN
    late = p.save_objection(
        KeberatanDraft(world.hub2, date(2026, 9, 1), date(2026, 9, 20), "Terlambat", "SK 1")
    )
    assert not late.tepat_waktu and late.lewat  # filed late and the answer is overdue too
    assert p.objections()[0].id == late.id  # most urgent first
    assert [k.id for k in p.objections_due()] == [late.id]
    world.svc.ctx.clock = lambda: datetime(2026, 11, 15, 8, tzinfo=UTC)
    assert {k.id for k in p.objections_due()} == {late.id, on_time.id}
    with pytest.raises(DomainError) as err:
        p.answer_objection(
            late.id, tanggal_jawaban=date(2026, 9, 1), hasil=StatusKeberatan.DITOLAK, jawaban="x"
        )
    assert err.value.code == "mutasi.jawaban_sebelum_keberatan"
    answered = p.answer_objection(
        late.id,
        tanggal_jawaban=date(2026, 11, 15),
        hasil=StatusKeberatan.TIDAK_DAPAT_DITERIMA,
        jawaban="Diajukan melewati 14 hari",
    )
    assert answered.tenggat is Tenggat.SELESAI and answered.jam.dijawab_terlambat
    with pytest.raises(DomainError) as err:
        p.withdraw_objection(late.id)
    assert err.value.code == "mutasi.keberatan_sudah_selesai"
    with pytest.raises(DomainError) as err:
        p.save_objection(KeberatanDraft(world.hub1, date(2026, 10, 20), date(2026, 10, 1), "x"))
    assert err.value.code == "mutasi.keberatan_sebelum_sk"


# ---- training -------------------------------------------------------------------------------


def test_training_is_planned_then_completed_and_closes_the_gap(world: World) -> None:
    p = world.svc.planning
    u = p.create(_move(world, world.hub1, world.org.data_bansos_id)).usulan
    (need,) = p.training_needs(usulan_id=u.id)
    planned = p.plan_training(
        need.id, PelatihanDraft("Bimtek SIKS-NG", "Kementerian Sosial", date(2027, 1, 10))
    )
    assert planned.nama_pelatihan == "Bimtek SIKS-NG" and planned.pelatihan_id is not None
    done = p.complete_training(need.id)
    assert done.status is StatusPelatihan.SELESAI and done.tanggal_selesai == AS_OF.date()
    person = world.svc.staff.get(world.hub1)
    assert "Aplikasi SIKS-NG" in {k.nama for k in person.draft.kompetensi}
    assert ("Bimtek SIKS-NG", "selesai") in {(t.nama, t.status) for t in person.draft.pelatihan}
    assert p.check(_move(world, world.hub1, world.org.data_bansos_id)) == [
        r
        for r in p.check(_move(world, world.hub1, world.org.data_bansos_id))
        if r.code == "mutasi.usulan_ganda"
    ]
    with pytest.raises(DomainError) as err:
        p.cancel_training(need.id, "tidak perlu")
    assert err.value.code == "mutasi.pelatihan_sudah_selesai"
    gap = p.training_gap(world.hub2, world.org.data_bansos_id)
    assert {(g.topik, g.jenis.value) for g in gap} >= {("D-III", "pendidikan")}


# ---- optimiser ------------------------------------------------------------------------------


def test_recommend_fills_shortages_from_surplus_and_leaves_the_unwilling(world: World) -> None:
    p = world.svc.planning
    plan = p.recommend()
    assert plan.status == "optimal" and plan.gap == 0.0 and plan.method == "lp"
    got = {(m.pegawai_id, m.tujuan.jabatan_id) for m in plan.moves}
    assert got == {(world.hub1, world.org.data_bansos_id), (world.hub2, world.org.admin_sos_id)}
    assert plan.kekurangan_sebelum == 3 and plan.kekurangan_sesudah == 1
    assert world.hub3 in {u.pegawai_id for u in plan.dilewati}
    move = next(m for m in plan.moves if m.pegawai_id == world.hub1)
    assert move.alasan[0].startswith("Menutup kekurangan Pengelola Data Bansos")
    assert "kurang 2 → 1" in move.alasan[0]
    assert any("bersedia" in a for a in move.alasan)
    assert move.kompetensi_kurang == ("Aplikasi SIKS-NG",)
    assert {r.code for r in move.aturan} == {"mutasi.kompetensi_kurang"}
    total = plan.balance.total
    assert (total.kurang_sebelum, total.kurang_sesudah) == (3, 1)
    assert (total.lebih_sebelum, total.lebih_sesudah) == (3, 1)
    dinsos = next(o for o in plan.balance.opd if o.nama == "Dinas Sosial")
    assert (dinsos.masuk, dinsos.kurang_sesudah) == (2, 1)
    assert plan.objective == pytest.approx(plan.cost - plan.weight * 2)


def test_recommend_options_cap_allow_unwilling_lock_exclude_reject(world: World) -> None:
    p = world.svc.planning
    assert len(p.recommend(PlanOptions(max_moves=1)).moves) == 1
    everyone = p.recommend(PlanOptions(allow_unwilling=True))
    assert world.hub3 in {m.pegawai_id for m in everyone.moves}
    assert everyone.kekurangan_sesudah == 0
    hub3 = next(m for m in everyone.moves if m.pegawai_id == world.hub3)
    assert "mutasi.tidak_bersedia" in {r.code for r in hub3.aturan}
    without = p.recommend(PlanOptions(dikecualikan=frozenset({world.hub1})))
    assert world.hub1 not in {m.pegawai_id for m in without.moves}
    rejected = p.recommend(PlanOptions(ditolak=frozenset({(world.hub2, world.org.admin_sos_id)})))
    assert (world.hub4, world.org.admin_sos_id) in {
        (m.pegawai_id, m.tujuan.jabatan_id) for m in rejected.moves
    }
    locked = p.recommend(PlanOptions(terkunci=((world.hub4, world.org.admin_sos_id),)))
    kept = next(m for m in locked.moves if m.pegawai_id == world.hub4)
    assert kept.terkunci and any("Dikunci" in a for a in kept.alasan)
    with pytest.raises(DomainError) as err:
        p.recommend(PlanOptions(max_moves=-1))
    assert err.value.code == "rencana.batas_tidak_sah"


def test_recommend_is_deterministic_and_mip_agrees(world: World) -> None:
    p = world.svc.planning
    a, b = p.recommend(), p.recommend()
    assert [m.id for m in a.moves] == [m.id for m in b.moves] and a.id == b.id
    mip = p.recommend(PlanOptions(force_mip=True))
    assert (
        mip.method == "mip"
        and mip.gap == 0.0
        and [m.id for m in mip.moves] == [m.id for m in a.moves]
    )


def test_accepted_moves_become_drafts_and_count_as_planned(world: World) -> None:
    p = world.svc.planning
    plan = p.recommend()
    move = next(m for m in plan.moves if m.pegawai_id == world.hub1)
    with pytest.raises(DomainError) as err:
        p.accept_moves(plan, ["0-0"])
    assert err.value.code == "rencana.langkah_tidak_ada"
    (made,) = p.accept_moves(plan, [move.id])
    u = made.usulan
    assert u.sumber is SumberUsulan.OPTIMISER and u.status is StatusUsulan.DRAF
    assert u.alasan is not None and plan.id in u.alasan
    again = p.recommend()
    assert again.usulan_terbuka == 1
    assert world.hub1 not in {m.pegawai_id for m in again.moves}
    assert again.kekurangan_sebelum == 2  # the accepted move is already counted
    assert "mutasi.usulan_ganda" in {
        r for u in again.dilewati if u.pegawai_id == world.hub1 for r in u.alasan
    }


def test_recommend_needs_an_abk(services: Services) -> None:
    SmallOrg(services)
    with pytest.raises(DomainError) as err:
        services.planning.recommend()
    assert err.value.code == "rencana.tanpa_abk"


_PATH = {
    StatusUsulan.DRAF: [],
    StatusUsulan.DIVERIFIKASI: [Langkah.VERIFIKASI],
    StatusUsulan.DISETUJUI: [Langkah.VERIFIKASI, Langkah.SETUJUI],
    StatusUsulan.DALAM_SK: [Langkah.VERIFIKASI, Langkah.SETUJUI, Langkah.MASUK_SK],
}


@pytest.mark.parametrize("t", TRANSISI, ids=lambda t: f"{t.langkah}-{t.dari}")
def test_every_step_through_the_service_is_recorded_and_audited(world: World, t: Transisi) -> None:
    p = world.svc.planning
    u = p.create(_move(world, world.hub1, world.org.data_bansos_id)).usulan
    for step in _PATH[t.dari]:
        p.step(u.id, step)
    if t.perlu_catatan:
        with pytest.raises(DomainError) as err:
            p.step(u.id, t.langkah)
        assert err.value.code == "mutasi.catatan_wajib"
        assert p.get(u.id).usulan.status is t.dari
    world.svc.ctx.policy = DenyAll(Action.MUTASI_READ)
    with pytest.raises(DomainError) as err:
        p.step(u.id, t.langkah, "catatan langkah")
    assert err.value.code == "izin.ditolak" and t.hak.value in err.value.message()
    world.svc.ctx.policy = DenyAll(Action.MUTASI_READ, Action(t.hak.value))
    change = p.step(u.id, t.langkah, "catatan langkah")
    assert change.usulan.status is t.ke and change.audit_id is not None
    last = p.get(u.id).riwayat[-1]
    assert (last.dari, last.ke, last.langkah) == (t.dari, t.ke, t.langkah.value)
    assert last.oleh == world.svc.ctx.actor.username and last.catatan == "catatan langkah"
    with world.svc.ctx.read() as s:
        entry = s.get(AuditLog, change.audit_id)
        assert entry is not None and entry.aksi == f"mutasi.{t.langkah.value}"
