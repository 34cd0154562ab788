"""Decree service on SQLite and PostgreSQL: settings, lifecycle, numbering, files, verification."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_workflow import StatusBatch, StatusUsulan
from mutasi_desktop.domain.sk import JenisDokumen, JenisSpmt, PengaturanSk, StatusSk
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.sk import SkEdit
from mutasi_desktop.storage.models import AuditLog
from mutasi_desktop.storage.models_sk import NomorSk, StatusNomor, SuratKeputusan
from support import SmallOrg
from support_sk import BUPATI, TANGGAL, TMT, approved_batch, baris, configure, pdftotext


@pytest.fixture
def ready(services: Services, small_org: SmallOrg) -> tuple[Services, SmallOrg]:
    configure(services)
    return services, small_org


def _final(svc: Services, n: int = 2, tanggal: date = TANGGAL) -> int:
    info = svc.decrees.create_manual(baris(n), tmt=TMT)
    return svc.decrees.finalize(info.id, tanggal=tanggal).id


# --------------------------------------------------------------------------- settings


def test_first_run_has_no_settings_and_drafting_asks_for_them(
    services: Services, small_org: SmallOrg
) -> None:
    assert not services.settings.get().terkonfigurasi
    batch_id, _ = approved_batch(services, small_org, 1)
    with pytest.raises(DomainError) as info:
        services.decrees.create_from_batch(batch_id)
    assert info.value.code == "sk.pengaturan_belum_lengkap"
    # Nothing moved: the proposals are still approved, the batch still open.
    assert services.planning.batch(batch_id).status is StatusBatch.TERBUKA


def test_settings_keep_other_regency_keys_and_are_audited(services: Services) -> None:
    from mutasi_desktop.storage.models import Pengaturan

    with services.ctx.write_unchecked() as s:
        s.merge(
            Pengaturan(
                kunci="kabupaten", nilai={"nama": "Kabupaten Mamuju", "kode_wilayah": "76.02"}
            )
        )
    saved = configure(services, kertas="A4", jenis_spmt=JenisSpmt.KEDUANYA)
    assert saved.bupati == BUPATI and saved.kertas.value == "A4"
    with services.ctx.read() as s:
        kab = s.get(Pengaturan, "kabupaten")
        assert kab is not None and kab.nilai["kode_wilayah"] == "76.02"
        assert kab.nilai["bupati"] == BUPATI
        assert s.scalars(select(AuditLog).where(AuditLog.aksi == "pengaturan.ubah")).first()
    with pytest.raises(DomainError) as info:
        services.settings.save(PengaturanSk(bupati="", pola_nomor="{urut}"))
    assert {p.code for p in info.value.problems} >= {"field.wajib", "nomor.pola_tidak_sah"}
    lists = services.settings.effective_lists()
    assert lists["mengingat"] and lists["tembusan"][-1] == "Arsip"


def test_logo_must_be_an_image(services: Services) -> None:
    with pytest.raises(DomainError):
        services.settings.set_logo(b"not an image")
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 10
    assert services.settings.set_logo(png).ada_logo
    assert services.settings.logo() == png
    assert not services.settings.set_logo(None).ada_logo


# --------------------------------------------------------------------------- lifecycle


def test_batch_becomes_a_draft_then_a_final_decree(ready: tuple[Services, SmallOrg]) -> None:
    svc, org = ready
    batch_id, ids = approved_batch(svc, org, 3)
    assert [b.id for b in svc.decrees.batches_siap()] == [batch_id]
    draft = svc.decrees.create_from_batch(batch_id)
    assert draft.status is StatusSk.DRAFT and draft.nomor is None and draft.jumlah == 3
    assert draft.tmt == TMT
    assert svc.planning.batch(batch_id).sk_id == draft.id
    assert {svc.planning.get(i).usulan.status for i in ids} == {StatusUsulan.DALAM_SK}
    assert svc.decrees.batches_siap() == []

    detail = svc.decrees.get(draft.id)
    assert detail.dapat_difinalkan
    # Highest rank first: III/d, III/b, III/a.
    assert [b.pangkat.split(", ")[1] for b in detail.isi.baris] == ["III/d", "III/b", "III/a"]
    assert {b.usulan_id for b in detail.isi.baris} == set(ids)

    final = svc.decrees.finalize(draft.id, tanggal=TANGGAL)
    assert final.status is StatusSk.FINAL
    assert final.nomor == "800.1.3.1/Kep.1/BKPSDM/XI/2026"
    assert final.tanggal == TANGGAL and final.kode_verifikasi
    batch = svc.planning.batch(batch_id)
    assert (batch.nomor_sk, batch.tanggal_sk, batch.sk_id) == (final.nomor, TANGGAL, final.id)
    detail = svc.decrees.get(final.id)
    # SK + a petikan and a Surat Pernyataan per person, each with its own code.
    assert len(detail.dokumen) == 1 + 3 * 2
    assert len({d.kode for d in detail.dokumen}) == 7
    assert detail.isi.nomor == final.nomor
    # The planning feature carries the moves out with the decree's number.
    svc.planning.execute_batch(batch_id)
    assert {svc.planning.get(i).usulan.status for i in ids} == {StatusUsulan.DILAKSANAKAN}


def test_draft_edits_and_refusals(ready: tuple[Services, SmallOrg]) -> None:
    svc, _ = ready
    draft = svc.decrees.create_manual(baris(2), tmt=TMT)
    edited = svc.decrees.update_draft(
        draft.id,
        SkEdit(tmt=date(2027, 1, 2), keterangan={1: "Rotasi"}, tembusan=("Arsip",)),
        expected_versi=draft.versi,
    )
    assert edited.isi.tmt == date(2027, 1, 2)
    assert edited.isi.baris[1].keterangan == "Rotasi"
    assert edited.isi.tembusan == ("Arsip",)
    assert "2 Januari 2027" in edited.isi.diktum_terisi()[0][1]
    with pytest.raises(DomainError) as info:
        svc.decrees.update_draft(draft.id, SkEdit(judul="x"), expected_versi=draft.versi)
    assert info.value.code == "sk.diubah_pengguna_lain"
    with pytest.raises(DomainError):
        svc.decrees.update_draft(draft.id, SkEdit(diktum=()))
    empty = svc.decrees.create_manual([], tmt=None)
    with pytest.raises(DomainError) as info:
        svc.decrees.finalize(empty.id)
    assert {p.code for p in info.value.problems} >= {"sk.tanpa_baris", "sk.tmt_kosong"}
    # Nothing was numbered by the refused attempt.
    assert svc.decrees.register() == []


def test_final_decrees_cannot_change_anywhere(ready: tuple[Services, SmallOrg]) -> None:
    svc, _ = ready
    sk_id = _final(svc)
    before = svc.decrees.get(sk_id)
    for call in (
        lambda: svc.decrees.update_draft(sk_id, SkEdit(judul="Lain")),
        lambda: svc.decrees.sync_pengaturan(sk_id),
        lambda: svc.decrees.finalize(sk_id),
        lambda: svc.decrees.delete_draft(sk_id),
    ):
        with pytest.raises(DomainError) as info:
            call()
        assert info.value.code == "sk.final_terkunci"
    # The ORM refuses too (mapper events) …
    with pytest.raises(DomainError), svc.ctx.write_unchecked() as s:
        row = s.get(SuratKeputusan, sk_id)
        assert row is not None
        row.judul = "Diubah diam-diam"
    with pytest.raises(DomainError), svc.ctx.write_unchecked() as s:
        entry = s.scalars(select(NomorSk)).one()
        entry.urut = 99
    # … and so does the database, for raw SQL (triggers).
    for sql in (
        "UPDATE sk SET judul = 'x' WHERE id = :id",
        "UPDATE sk SET nomor = 'x' WHERE id = :id",
        "UPDATE sk SET status = 'draft' WHERE id = :id",
        "DELETE FROM sk WHERE id = :id",
        "UPDATE sk_nomor SET urut = 7",
        "DELETE FROM sk_nomor",
    ):
        with pytest.raises(Exception, match="terkunci"), svc.ctx.engine.begin() as conn:
            conn.execute(text(sql), {"id": sk_id})
    after = svc.decrees.get(sk_id)
    assert after.isi == before.isi and after.info.nomor == before.info.nomor
    assert svc.decrees.check_integrity() == []


def test_tampering_with_the_stored_content_is_detected(ready: tuple[Services, SmallOrg]) -> None:
    """Even if someone drops the triggers, the stored hash no longer matches."""
    svc, _ = ready
    sk_id = _final(svc)
    kode = svc.decrees.get(sk_id).info.kode_verifikasi
    assert kode is not None
    with svc.ctx.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE sk DISABLE TRIGGER trg_sk_final"))
        else:
            conn.execute(text("DROP TRIGGER trg_sk_final_update"))
        conn.execute(
            update(SuratKeputusan.__table__)
            .where(SuratKeputusan.__table__.c.id == sk_id)
            .values(tmt=date(2030, 1, 1))
        )
        row = conn.execute(
            select(SuratKeputusan.__table__.c.isi).where(SuratKeputusan.__table__.c.id == sk_id)
        ).scalar_one()
        row = dict(row)
        row["tmt"] = "2030-01-01"
        conn.execute(
            update(SuratKeputusan.__table__)
            .where(SuratKeputusan.__table__.c.id == sk_id)
            .values(isi=row)
        )
    assert [i.id for i in svc.decrees.check_integrity()] == [sk_id]
    assert svc.decrees.verify_code(kode).hasil == "isi_rusak"


def test_cancel_keeps_the_number_and_releases_the_proposals(
    ready: tuple[Services, SmallOrg],
) -> None:
    svc, org = ready
    batch_id, ids = approved_batch(svc, org, 2)
    sk = svc.decrees.finalize(svc.decrees.create_from_batch(batch_id).id, tanggal=TANGGAL)
    with pytest.raises(DomainError):
        svc.decrees.cancel(sk.id, "  ")
    result = svc.decrees.cancel(sk.id, "Pegawai yang bersangkutan meninggal dunia")
    assert result.info.status is StatusSk.CANCELLED
    assert result.info.alasan_batal == "Pegawai yang bersangkutan meninggal dunia"
    entry = svc.decrees.register()[0]
    assert entry.status is StatusNomor.DIBATALKAN and entry.nomor == sk.nomor
    assert {svc.planning.get(i).usulan.status for i in ids} == {StatusUsulan.DISETUJUI}
    assert svc.planning.batch(batch_id).status is StatusBatch.DIBATALKAN
    with pytest.raises(DomainError):
        svc.decrees.cancel(sk.id, "lagi")
    # The cancelled number is never given again.
    nxt = _final(svc)
    assert svc.decrees.get(nxt).info.nomor == "800.1.3.1/Kep.2/BKPSDM/XI/2026"


def test_correction_references_and_then_cancels_the_old_decree(
    ready: tuple[Services, SmallOrg],
) -> None:
    svc, org = ready
    batch_id, ids = approved_batch(svc, org, 2)
    old = svc.decrees.finalize(svc.decrees.create_from_batch(batch_id).id, tanggal=TANGGAL)
    fix = svc.decrees.correct(old.id, "TMT keliru")
    assert fix.mengganti_id == old.id and fix.status is StatusSk.DRAFT
    with pytest.raises(DomainError) as info:
        svc.decrees.correct(old.id, "dua kali")
    assert info.value.code == "sk.ada_konsep_koreksi"
    with pytest.raises(DomainError):
        svc.decrees.cancel(old.id, "sementara ada koreksi")
    svc.decrees.update_draft(fix.id, SkEdit(tmt=date(2027, 1, 1)))
    detail = svc.decrees.get(fix.id)
    revoking = detail.isi.diktum_terisi()[-2][1]
    assert f"Nomor {old.nomor} tanggal 20 November 2026" in revoking
    new = svc.decrees.finalize(fix.id, tanggal=date(2026, 11, 25))
    gone = svc.decrees.get(old.id).info
    assert gone.status is StatusSk.CANCELLED and gone.diganti_oleh_id == new.id
    assert gone.alasan_batal is not None and "TMT keliru" in gone.alasan_batal
    assert new.nomor is not None and new.nomor in gone.alasan_batal
    assert svc.planning.batch(batch_id).sk_id == new.id
    assert {svc.planning.get(i).usulan.status for i in ids} == {StatusUsulan.DALAM_SK}


def test_deleting_a_draft_leaves_the_batch_ready_again(ready: tuple[Services, SmallOrg]) -> None:
    svc, org = ready
    batch_id, _ = approved_batch(svc, org, 1)
    draft = svc.decrees.create_from_batch(batch_id)
    svc.decrees.delete_draft(draft.id)
    assert [b.id for b in svc.decrees.batches_siap()] == [batch_id]
    again = svc.decrees.create_from_batch(batch_id)
    assert again.batch_id == batch_id


# --------------------------------------------------------------------------- numbering


def test_numbers_follow_each_other_and_restart_every_year(ready: tuple[Services, SmallOrg]) -> None:
    svc, _ = ready
    nomor = [svc.decrees.get(_final(svc, 1)).info.nomor for _ in range(3)]
    assert nomor == [f"800.1.3.1/Kep.{i}/BKPSDM/XI/2026" for i in (1, 2, 3)]
    next_year = svc.decrees.get(_final(svc, 1, tanggal=date(2027, 1, 5))).info.nomor
    assert next_year == "800.1.3.1/Kep.1/BKPSDM/I/2027"
    assert svc.decrees.nomor_berikut(date(2026, 12, 1)) == "800.1.3.1/Kep.4/BKPSDM/XII/2026"
    assert svc.decrees.celah(2026) == {}


def test_separate_sequences_per_classification_code(ready: tuple[Services, SmallOrg]) -> None:
    svc, _ = ready
    configure(svc, seri_per_kode=True)
    a = svc.decrees.get(_final(svc, 1)).info.nomor
    configure(svc, seri_per_kode=True, kode_klasifikasi="800.1.3.3")
    b = svc.decrees.get(_final(svc, 1)).info.nomor
    c = svc.decrees.get(_final(svc, 1)).info.nomor
    assert a == "800.1.3.1/Kep.1/BKPSDM/XI/2026"
    assert b == "800.1.3.3/Kep.1/BKPSDM/XI/2026"
    assert c == "800.1.3.3/Kep.2/BKPSDM/XI/2026"


def test_numbers_used_outside_the_app_are_reserved_by_hand(
    ready: tuple[Services, SmallOrg],
) -> None:
    svc, _ = ready
    with pytest.raises(DomainError):
        svc.decrees.reserve("   ", tanggal=TANGGAL)
    first = svc.decrees.reserve("SK pelantikan diketik manual", tanggal=TANGGAL)
    assert [n.urut for n in first] == [1] and first[0].status is StatusNomor.DICADANGKAN
    ahead = svc.decrees.reserve(
        "Dipesan Bagian Hukum", nomor="800.1.3.1/Kep.5/BKPSDM/XI/2026", tanggal=TANGGAL
    )
    assert [n.urut for n in ahead] == [5]
    assert svc.decrees.celah(2026) == {"": [2, 3, 4]}
    with pytest.raises(DomainError) as info:
        svc.decrees.reserve("lagi", urut=5, tanggal=TANGGAL)
    assert info.value.code == "sk.nomor_sudah_dipakai"
    with pytest.raises(DomainError):
        svc.decrees.reserve("salah pola", nomor="800/5/2026", tanggal=TANGGAL)
    # Decrees fill the holes first, then go on past the reserved number.
    got = [svc.decrees.get(_final(svc, 1)).info.nomor for _ in range(4)]
    assert [n.split("/")[1] for n in got if n] == ["Kep.2", "Kep.3", "Kep.4", "Kep.6"]
    block = svc.decrees.reserve("Nomor manual sebelum aplikasi", urut=7, sampai=9, tanggal=TANGGAL)
    assert [n.urut for n in block] == [7, 8, 9]
    cancelled = svc.decrees.cancel_number(block[1].id, "Tidak jadi dipakai")
    assert cancelled.status is StatusNomor.DIBATALKAN
    with pytest.raises(DomainError):
        decree_number = next(n for n in svc.decrees.register(2026) if n.sk_id is not None)
        svc.decrees.cancel_number(decree_number.id, "x")
    urut = sorted(n.urut for n in svc.decrees.register(2026))
    assert urut == list(range(1, 10))  # cancelled 8 stays: no gap, no reuse
    assert svc.decrees.get(_final(svc, 1)).info.nomor == "800.1.3.1/Kep.10/BKPSDM/XI/2026"


# --------------------------------------------------------------------------- files and verification


def test_files_are_written_registered_and_verified(
    ready: tuple[Services, SmallOrg], tmp_path: Path
) -> None:
    svc, org = ready
    batch_id, _ = approved_batch(svc, org, 3)
    sk = svc.decrees.finalize(svc.decrees.create_from_batch(batch_id).id, tanggal=TANGGAL)
    out = svc.decrees.render_files(sk.id, tmp_path / "sk")
    assert out.berhasil == 7 and not out.gagal and not out.draft
    names = sorted(p.name for p in (tmp_path / "sk").iterdir())
    assert "sk.pdf" in names
    assert sum(n.startswith("petikan-") for n in names) == 3
    assert sum(n.startswith("surat-pernyataan-melaksanakan-tugas-") for n in names) == 3
    detail = svc.decrees.get(sk.id)
    assert all(d.berkas == 1 for d in detail.dokumen)

    for result in out.hasil:
        assert result.path is not None
        verdict = svc.decrees.verify_file(result.path)
        assert verdict.sah, verdict.pesan
        assert verdict.sk is not None and verdict.sk.nomor == sk.nomor
    petikan = next(r for r in out.hasil if r.jenis is JenisDokumen.PETIKAN)
    assert petikan.path is not None
    assert "ASLI" in svc.decrees.verify_file(petikan.path).pesan
    assert petikan.nama and petikan.nama in pdftotext(petikan.path)

    # Rendering again changes nothing: the same bytes, already registered.
    again = svc.decrees.render_files(sk.id, tmp_path / "lagi")
    assert all(d.berkas == 1 for d in svc.decrees.get(sk.id).dokumen)
    assert (tmp_path / "lagi" / "sk.pdf").read_bytes() == (tmp_path / "sk" / "sk.pdf").read_bytes()
    assert again.berhasil == 7


def test_a_tampered_pdf_fails_verification(
    ready: tuple[Services, SmallOrg], tmp_path: Path
) -> None:
    svc, _ = ready
    sk_id = _final(svc, 2)
    path = svc.decrees.save_pdf(sk_id, JenisDokumen.PETIKAN, tmp_path / "p.pdf", baris=0)
    assert svc.decrees.verify_file(path).sah
    data = path.read_bytes()
    # 1. One character of the visible content changed (the page streams are compressed, so
    #    change a byte inside the first compressed stream).
    start = data.index(b"stream\n") + 20
    tampered = data[:start] + bytes([data[start] ^ 0x01]) + data[start + 1 :]
    (tmp_path / "t1.pdf").write_bytes(tampered)
    verdict = svc.decrees.verify_file(tmp_path / "t1.pdf")
    assert verdict.hasil == "berkas_diubah" and not verdict.sah
    assert "TIDAK SAH" in verdict.pesan
    # 2. An incremental update appended (how PDF editors save changes).
    (tmp_path / "t2.pdf").write_bytes(data + b"\n1 0 obj\n<< /Title (palsu) >>\nendobj\n")
    assert svc.decrees.verify_file(tmp_path / "t2.pdf").hasil == "berkas_diubah"
    # 3. Another decree's code copied into a forged file.
    forged = svc.decrees.render_pdf(_final(svc, 1), JenisDokumen.SK)
    other_code = svc.decrees.get(sk_id).info.kode_verifikasi
    assert other_code is not None
    (tmp_path / "t3.pdf").write_bytes(
        forged.replace(
            f"verifikasi:{svc.decrees.get(sk_id + 1).info.kode_verifikasi}".encode(),
            f"verifikasi:{other_code}".encode(),
        )
    )
    assert svc.decrees.verify_file(tmp_path / "t3.pdf").hasil == "berkas_diubah"
    # 4. No code at all, and a draft print.
    (tmp_path / "t4.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    assert svc.decrees.verify_file(tmp_path / "t4.pdf").hasil == "tanpa_kode"
    draft = svc.decrees.create_manual(baris(1), tmt=TMT)
    svc.decrees.save_pdf(draft.id, JenisDokumen.SK, tmp_path / "konsep.pdf")
    assert svc.decrees.verify_file(tmp_path / "konsep.pdf").hasil == "konsep"


def test_codes_are_checked_offline_against_the_register(ready: tuple[Services, SmallOrg]) -> None:
    svc, _ = ready
    sk_id = _final(svc, 1)
    detail = svc.decrees.get(sk_id)
    petikan = next(d for d in detail.dokumen if d.jenis is JenisDokumen.PETIKAN)
    verdict = svc.decrees.verify_code(f"scan: PETIKAN SK KODE VERIFIKASI {petikan.kode}")
    assert verdict.sah and verdict.dokumen is not None and verdict.dokumen.nip == petikan.nip
    assert verdict.to_json()["sk"]["nomor"] == detail.info.nomor
    assert svc.decrees.verify_code("ZZZZ-ZZZZ-ZZZZ").hasil == "kode_tidak_dikenal"
    svc.decrees.cancel(sk_id, "Dicabut")
    assert svc.decrees.verify_code(petikan.kode.lower()).hasil == "dibatalkan"


def test_a_draft_renders_with_a_watermark_and_registers_nothing(
    ready: tuple[Services, SmallOrg], tmp_path: Path
) -> None:
    svc, _ = ready
    draft = svc.decrees.create_manual(baris(2), tmt=TMT)
    out = svc.decrees.render_files(draft.id, tmp_path / "konsep")
    assert out.draft and out.berhasil == 5
    assert all(p.name.startswith("KONSEP-") for p in (tmp_path / "konsep").iterdir())
    assert "DRAFT" in pdftotext(tmp_path / "konsep" / "KONSEP-sk.pdf")
    pages = svc.decrees.preview(draft.id, JenisDokumen.SK, dpi=30)
    assert pages and pages[0].width > 0


def test_every_write_is_audited(ready: tuple[Services, SmallOrg], tmp_path: Path) -> None:
    svc, _ = ready
    sk_id = _final(svc, 1)
    svc.decrees.render_files(sk_id, tmp_path)
    fix = svc.decrees.correct(sk_id, "Salah nama")
    svc.decrees.update_draft(fix.id, SkEdit(tempat="Kalukku"))
    before = svc.decrees.get(fix.id).info.versi
    svc.decrees.update_draft(fix.id, SkEdit(tempat="Kalukku"))  # no change: no write
    assert svc.decrees.get(fix.id).info.versi == before
    svc.decrees.finalize(fix.id, tanggal=TANGGAL)
    svc.decrees.reserve("Manual", tanggal=TANGGAL)
    with svc.ctx.read() as s:
        actions = set(
            s.scalars(select(AuditLog.aksi).where(AuditLog.entitas.in_(["sk", "sk_nomor"])))
        )
    assert {
        "sk.konsep",
        "sk.tetapkan",
        "sk.berkas",
        "sk.koreksi",
        "sk.ubah",
        "sk.batalkan",
        "sk.nomor_cadang",
    } <= actions


def test_letters_follow_the_configured_spmt_kind(ready: tuple[Services, SmallOrg]) -> None:
    svc, _ = ready
    configure(svc, jenis_spmt=JenisSpmt.KEDUANYA)
    sk_id = _final(svc, 2)
    kinds = [d.jenis for d in svc.decrees.get(sk_id).dokumen]
    assert kinds.count(JenisDokumen.SPMT_PERINTAH) == 2
    assert kinds.count(JenisDokumen.SPMT_PERNYATAAN) == 2
    configure(svc, jenis_spmt=JenisSpmt.TIDAK)
    sk2 = _final(svc, 2)
    assert {d.jenis for d in svc.decrees.get(sk2).dokumen} == {
        JenisDokumen.SK,
        JenisDokumen.PETIKAN,
    }


def test_settings_changes_reach_a_draft_only_when_asked(ready: tuple[Services, SmallOrg]) -> None:
    svc, _ = ready
    draft = svc.decrees.create_manual(baris(1), tmt=TMT)
    configure(svc, bupati="Yohanis Tandipau, S.E.")
    assert svc.decrees.get(draft.id).isi.penandatangan.nama == "H. ABDUL RAHIM PATTASANGI"
    synced = svc.decrees.sync_pengaturan(draft.id)
    assert synced.isi.penandatangan.nama == "YOHANIS TANDIPAU, S.E."
    assert dataclasses.replace(
        synced.isi, penandatangan=svc.decrees.get(draft.id).isi.penandatangan
    )
