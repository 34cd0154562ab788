"""Staff use cases against real databases: validation, one transaction, audit, undo."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.pegawai import JenisKelamin, JenisPegawai, StatusPegawai
from mutasi_desktop.domain.staff_record import KompetensiItem, PelatihanItem, StaffDraft
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.context import Action, Actor
from mutasi_desktop.services.staff import ChangeKind, StaffFilter
from mutasi_desktop.storage.models import AuditLog, Pegawai, RiwayatJabatan
from support import SmallOrg

Draft = Callable[..., StaffDraft]


def _count(svc: Services, model: type) -> int:
    with svc.ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_create_writes_person_history_and_one_audit_row(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    change = services.staff.create(
        make_draft(unit_id=small_org.sos_bidang_id, jabatan_id=small_org.data_bansos_id)
    )
    assert change.kind is ChangeKind.CREATED
    assert change.row is not None and change.row.opd_nama == "Dinas Sosial"
    detail = services.staff.get(change.pegawai_id)
    assert detail.draft.nip == "198609262015051001"
    assert [r.jabatan_nama for r in detail.riwayat_jabatan] == ["Pengelola Data Bansos"]
    assert [r.golongan for r in detail.riwayat_pangkat] == ["III/a"]
    audit = services.audit.for_entity("pegawai", change.pegawai_id)
    assert [a.aksi for a in audit] == ["tambah"]
    assert audit[0].sesudah["nama"] == "Andi Baso"


def test_update_is_audited_with_before_and_after_and_who(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    services.ctx.actor = Actor("operator1")
    pid = services.staff.create(make_draft(unit_id=small_org.sos_bidang_id)).pegawai_id
    detail = services.staff.get(pid)
    change = services.staff.update(
        pid, replace(detail.draft, nama="Andi Baso Tahir", gelar_belakang="S.Sos."), detail.versi
    )
    assert change.kind is ChangeKind.UPDATED and change.undoable
    assert change.row is not None and change.row.nama_lengkap == "Andi Baso Tahir, S.Sos."
    entry = services.audit.for_entity("pegawai", pid)[0]
    assert entry.aksi == "ubah" and entry.pengguna == "operator1"
    assert entry.sebelum["nama"] == "Andi Baso" and entry.sesudah["nama"] == "Andi Baso Tahir"
    assert "nama" in entry.ringkasan and "gelar_belakang" in entry.ringkasan


def test_saving_without_changes_writes_nothing(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    pid = services.staff.create(make_draft(unit_id=small_org.sos_bidang_id)).pegawai_id
    detail = services.staff.get(pid)
    change = services.staff.update(pid, detail.draft, detail.versi)
    assert change.kind is ChangeKind.UNCHANGED
    assert _count(services, AuditLog) == 1
    assert services.staff.get(pid).versi == detail.versi


def test_invalid_draft_is_refused_with_field_reasons_and_nothing_written(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    bad = replace(
        make_draft(unit_id=small_org.sos_bidang_id),
        nip="19860926201505100",
        nama="  ",
        golongan="I/E",
    )
    with pytest.raises(DomainError) as err:
        services.staff.create(bad)
    by_field = {p.field: p.code for p in err.value.problems}
    assert by_field["nip"] == "nip.panjang_salah"
    assert by_field["nama"] == "field.wajib"
    assert by_field["golongan"] == "golongan.tidak_dikenal"
    assert "18 digit" in err.value.problems[0].message() or any(
        "18 digit" in p.message() for p in err.value.problems
    )
    assert _count(services, Pegawai) == 0
    assert _count(services, AuditLog) == 0


def test_nip_contradicting_birth_date_and_gender_is_refused(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    bad = replace(
        make_draft(unit_id=small_org.sos_bidang_id),
        tanggal_lahir=date(1987, 1, 1),
        jenis_kelamin=JenisKelamin.PEREMPUAN,
    )
    with pytest.raises(DomainError) as err:
        services.staff.create(bad)
    codes = {p.code for p in err.value.problems}
    assert {"nip.tanggal_lahir_beda", "nip.kelamin_beda"} <= codes


def test_duplicate_nip_names_the_holder(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    services.staff.create(make_draft(unit_id=small_org.sos_bidang_id))
    with pytest.raises(DomainError) as err:
        services.staff.create(make_draft("Orang Lain", unit_id=small_org.hub_bidang_id))
    assert err.value.code == "nip.duplikat"
    assert "Andi Baso" in err.value.message()
    assert _count(services, Pegawai) == 1


def test_position_must_belong_to_the_unit(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    with pytest.raises(DomainError) as err:
        services.staff.create(
            make_draft(unit_id=small_org.sos_bidang_id, jabatan_id=small_org.admin_hub_id)
        )
    assert err.value.code == "jabatan.beda_unit"


def test_stale_version_is_refused(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    pid = services.staff.create(make_draft(unit_id=small_org.sos_bidang_id)).pegawai_id
    detail = services.staff.get(pid)
    services.staff.update(pid, replace(detail.draft, nama="Satu"), detail.versi)
    with pytest.raises(DomainError) as err:
        services.staff.update(pid, replace(detail.draft, nama="Dua"), detail.versi)
    assert err.value.code == "pegawai.diubah_pengguna_lain"
    assert services.staff.get(pid).draft.nama == "Satu"


def test_position_change_closes_history_instead_of_overwriting(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    pid = services.staff.create(
        make_draft(unit_id=small_org.hub_bidang_id, jabatan_id=small_org.admin_hub_id)
    ).pegawai_id
    detail = services.staff.get(pid)
    services.staff.update(
        pid,
        replace(
            detail.draft,
            unit_id=small_org.sos_bidang_id,
            jabatan_id=small_org.data_bansos_id,
            tmt_jabatan=date(2026, 1, 2),
        ),
        detail.versi,
    )
    rows = services.staff.get(pid).riwayat_jabatan
    assert [(r.jabatan_nama, r.tmt_selesai) for r in rows] == [
        ("Pengadministrasi Umum", date(2026, 1, 2)),
        ("Pengelola Data Bansos", None),
    ]


def test_undo_restores_everything_including_lists_and_history(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    pid = services.staff.create(
        make_draft(
            unit_id=small_org.hub_bidang_id,
            jabatan_id=small_org.admin_hub_id,
            kompetensi=(KompetensiItem("Pengolahan data", "mahir"),),
        )
    ).pegawai_id
    before = services.staff.get(pid)
    change = services.staff.update(
        pid,
        replace(
            before.draft,
            nama="Nama Salah",
            unit_id=small_org.sos_bidang_id,
            jabatan_id=small_org.data_bansos_id,
            golongan="III/b",
            kompetensi=(),
            pelatihan=(PelatihanItem("Bimtek SIKS-NG", jam_pelajaran=24),),
        ),
        before.versi,
    )
    assert change.audit_id is not None
    undone = services.staff.undo(change.audit_id)
    assert undone.kind is ChangeKind.UNDONE
    after = services.staff.get(pid)
    assert after.draft == before.draft
    assert after.riwayat_jabatan == before.riwayat_jabatan
    assert after.riwayat_pangkat == before.riwayat_pangkat
    with services.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(RiwayatJabatan)) == 1
    # The undone edit is marked, and cannot be undone twice.
    with pytest.raises(DomainError) as err:
        services.staff.undo(change.audit_id)
    assert err.value.code == "undo.kosong"


def test_undo_is_refused_when_the_person_changed_since(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    pid = services.staff.create(make_draft(unit_id=small_org.sos_bidang_id)).pegawai_id
    d = services.staff.get(pid)
    first = services.staff.update(pid, replace(d.draft, nama="Satu"), d.versi)
    d = services.staff.get(pid)
    services.staff.update(pid, replace(d.draft, nama="Dua"), d.versi)
    assert first.audit_id is not None
    with pytest.raises(DomainError) as err:
        services.staff.undo(first.audit_id)
    assert err.value.code == "undo.sudah_berubah"
    assert services.staff.get(pid).draft.nama == "Dua"


def test_deactivate_keeps_the_record_and_hides_it_from_the_active_register(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    pid = services.staff.create(make_draft(unit_id=small_org.sos_bidang_id)).pegawai_id
    change = services.staff.deactivate(pid, "salah input ganda")
    assert change.kind is ChangeKind.DEACTIVATED
    assert services.staff.search(StaffFilter()) == []
    rows = services.staff.search(StaffFilter(include_inactive=True))
    assert [r.aktif for r in rows] == [False]
    assert services.staff.get(pid).alasan_nonaktif == "salah input ganda"
    assert change.audit_id is not None
    services.staff.undo(change.audit_id)
    assert [r.id for r in services.staff.search(StaffFilter())] == [pid]


def test_search_by_name_nip_with_spaces_and_position(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    services.staff.create(
        make_draft(unit_id=small_org.sos_bidang_id, jabatan_id=small_org.data_bansos_id)
    )
    services.staff.create(
        make_draft(
            "Sitti Nurhayati",
            birth=date(1990, 1, 2),
            gender=JenisKelamin.PEREMPUAN,
            unit_id=small_org.hub_bidang_id,
            jabatan_id=small_org.admin_hub_id,
        )
    )

    def names(**kw: object) -> list[str]:
        return [r.nama for r in services.staff.search(StaffFilter(**kw))]  # type: ignore[arg-type]

    assert names(search="sitti") == ["Sitti Nurhayati"]
    assert names(search="NURHAYATI") == ["Sitti Nurhayati"]
    assert names(search="19860926 201505 1") == ["Andi Baso"]
    assert names(search="198609262015051001") == ["Andi Baso"]
    assert names(search="bansos") == ["Andi Baso"]
    assert names(search="andi bansos") == ["Andi Baso"]
    assert names(search="andi umum") == []
    assert names(search="100%_") == []
    assert names(opd_id=small_org.dishub_id) == ["Sitti Nurhayati"]
    assert names(jenis_pegawai=JenisPegawai.PPPK) == []
    assert names(status=StatusPegawai.AKTIF) == ["Andi Baso", "Sitti Nurhayati"]
    assert services.staff.count(StaffFilter(search="a")) == 2


def test_organisation_tree_counts_present_staff(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    services.staff.create(
        make_draft(unit_id=small_org.sos_bidang_id, jabatan_id=small_org.data_bansos_id)
    )
    services.staff.create(
        make_draft(
            "Cuti",
            birth=date(1980, 2, 3),
            seq=2,
            unit_id=small_org.sos_bidang_id,
            jabatan_id=small_org.data_bansos_id,
            status=StatusPegawai.CUTI,
        )
    )
    services.staff.create(
        make_draft(
            "Pensiun",
            birth=date(1966, 2, 3),
            seq=3,
            tmt=date(1990, 3, 1),
            unit_id=small_org.sos_bidang_id,
            jabatan_id=small_org.data_bansos_id,
            status=StatusPegawai.PENSIUN,
        )
    )
    tree = {o.nama: o for o in services.organisation.tree()}
    dinsos = tree["Dinas Sosial"]
    assert dinsos.pegawai_total == 2  # retired staff are not present headcount
    bidang = dinsos.units[0].children[0]
    bansos = next(p for p in bidang.positions if p.nama == "Pengelola Data Bansos")
    assert bansos.pegawai_ada == 2
    assert [c.path for c in services.organisation.unit_choices()] == [
        "Dinas Sosial",
        "Dinas Sosial › Bidang Perlindungan dan Jaminan Sosial",
        "Dinas Perhubungan",
        "Dinas Perhubungan › Bidang Lalu Lintas",
    ]
    ids = services.organisation.descendant_unit_ids(small_org.sos_root_id)
    assert ids == {small_org.sos_root_id, small_org.sos_bidang_id}


def test_permission_policy_is_consulted_for_writes(
    services: Services, small_org: SmallOrg, make_draft: Draft
) -> None:
    class ReadOnly:
        def allows(self, actor: Actor, action: Action) -> bool:
            return action is Action.STAFF_READ

    services.ctx.policy = ReadOnly()
    with pytest.raises(DomainError) as err:
        services.staff.create(make_draft(unit_id=small_org.sos_bidang_id))
    assert err.value.code == "izin.ditolak"
    assert services.staff.search(StaffFilter()) == []
