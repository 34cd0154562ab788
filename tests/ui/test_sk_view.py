"""Surat Keputusan and Pengaturan screens: approved proposals → final decree → files, printing,
verification, the register, first-run settings; every table model through the model tester."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mutasi_desktop.domain.sk import JenisDokumen, StatusSk
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.ui.main_window import MainWindow
from mutasi_desktop.ui.sk_view import DecreeView
from support import SmallOrg
from support_sk import approved_batch, configure, pdfinfo, pdftotext, tiny_png
from support_ui import FakeDialogs

WAIT = 30_000


@pytest.fixture
def sk_window(
    qtbot: QtBot, sqlite_services: Services, fake_dialogs: FakeDialogs
) -> Iterator[tuple[MainWindow, Services, int]]:
    org = SmallOrg(sqlite_services)
    configure(sqlite_services)
    batch_id, _ = approved_batch(sqlite_services, org, 3, seq0=10)
    win = MainWindow(sqlite_services, fake_dialogs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitActive(win)
    win.nav.setCurrentRow(win.SURAT_KEPUTUSAN)
    yield win, sqlite_services, batch_id


def _view(win: MainWindow) -> DecreeView:
    assert win.stack.currentWidget() is win.sk_view
    return win.sk_view


def test_approved_proposals_become_a_final_decree_and_its_files(
    qtbot: QtBot,
    sk_window: tuple[MainWindow, Services, int],
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
    qtmodeltester: object,
) -> None:
    win, services, batch_id = sk_window
    view = _view(win)
    assert not view.banner.isVisible()
    assert view.model.rowCount() == 0 and view.new_button.isEnabled()

    # 1. Draft from the approved batch.
    fake_dialogs.item_answers = [0]
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    assert view.detail is not None and view.detail.info.status is StatusSk.DRAFT
    assert view.lines_model.rowCount() == 3
    assert services.planning.batch(batch_id).sk_id == view.detail.info.id
    assert not view.save_button.isHidden() and view.cancel_button.isHidden()

    # 2. Edit the draft: a line's Ket in the table, the TMT in the form.
    ket = view.lines_model.index(0, view.lines_model.KET)
    assert view.lines_model.setData(ket, "Rotasi ABK")
    assert services.decrees.get(view.detail.info.id).isi.baris[0].keterangan == "Rotasi ABK"
    view.tmt.setText("01-12-2026")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert "1 Desember 2026" in view.subtitle.text()
    assert fake_dialogs.errors == []

    # 3. Preview inside the app: the draft's pages, watermarked.
    view.detail_tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: bool(view.pages), timeout=WAIT)
    assert view.page_layout.count() == len(view.pages) >= 2
    assert view.doc_combo.count() == 1 + 3 * 2

    # 4. Finalise: the date is asked, the number shown before confirming.
    fake_dialogs.text_answers = ["20-11-2026"]
    fake_dialogs.confirm_answers = [True]
    qtbot.mouseClick(view.finalize_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == []
    question = next(text for kind, text in fake_dialogs.asked if kind == "confirm")
    assert "800.1.3.1/Kep.1/BKPSDM/XI/2026" in question and "20 November 2026" in question
    assert view.detail.info.status is StatusSk.FINAL
    assert view.detail.info.nomor == "800.1.3.1/Kep.1/BKPSDM/XI/2026"
    assert not view.cancel_button.isHidden() and view.save_button.isHidden()
    assert not view.judul.isEnabled()  # locked
    assert view.model.rowCount() == 1

    # 5. Every person's petikan and SPMT in the background, with a per-person result.
    fake_dialogs.folder_answers = [str(tmp_path)]
    view.detail_tabs.setCurrentIndex(2)
    qtbot.mouseClick(view.render_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.render_task is None, timeout=WAIT)
    assert view.last_render is not None and view.last_render.berhasil == 7
    assert view.results_model.rowCount() == 7
    folder = view.last_render.folder
    assert folder.parent == tmp_path and folder.name.startswith("SK-800.1.3.1-Kep.1")
    names = sorted(p.name for p in folder.iterdir())
    assert "sk.pdf" in names and len(names) == 7
    assert "800.1.3.1/Kep.1/BKPSDM/XI/2026" in pdftotext(folder / "sk.pdf")
    assert "7 berkas ditulis" in view.render_summary.text()

    # 6. Print a petikan through the (scripted) system print dialog: F4, every page.
    view.detail_tabs.setCurrentIndex(1)
    petikan = next(
        i for i in range(view.doc_combo.count()) if view.doc_combo.itemText(i).startswith("Petikan")
    )
    view.doc_combo.setCurrentIndex(petikan)
    printed = tmp_path / "cetak.pdf"
    fake_dialogs.print_answers = [str(printed)]
    qtbot.mouseClick(view.print_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == []
    info = pdfinfo(printed)
    assert int(info["Pages"]) == 2
    assert info["Page size"].startswith("609")  # 215 mm wide

    # 7. Verify by typing (or scanning) a code, and a tampered file.
    view.tabs.setCurrentIndex(2)
    code = services.decrees.get(view.detail.info.id).dokumen[1].kode
    view.code_edit.setText(f"PETIKAN SK KABUPATEN MAMUJU KODE VERIFIKASI {code}")
    qtbot.keyClick(view.code_edit, Qt.Key.Key_Return)
    assert view.last_verdict is not None and view.last_verdict.sah
    assert view.verdict.text().startswith("ASLI")
    tampered = tmp_path / "ubah.pdf"
    tampered.write_bytes((folder / "sk.pdf").read_bytes() + b"%tambahan\n")
    fake_dialogs.open_file_answers = [str(tampered)]
    qtbot.mouseClick(view.verify_file_button, Qt.MouseButton.LeftButton)
    assert view.last_verdict is not None and view.last_verdict.hasil == "berkas_diubah"
    assert view.verdict.text().startswith("TIDAK SAH")

    # 8. The register shows the number.
    view.tabs.setCurrentIndex(1)
    assert view.register_model.rowCount() == 1
    assert "Kep.2" in view.next_number.text()

    for model in (view.model, view.lines_model, view.results_model, view.register_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_cancel_and_correct_from_the_screen(
    qtbot: QtBot, sk_window: tuple[MainWindow, Services, int], fake_dialogs: FakeDialogs
) -> None:
    win, services, batch_id = sk_window
    view = _view(win)
    draft = services.decrees.create_from_batch(batch_id)
    final = services.decrees.finalize(draft.id)
    view.reload()
    view.select(final.id)
    fake_dialogs.text_answers = ["Nama pegawai salah ketik"]
    qtbot.mouseClick(view.correct_button, Qt.MouseButton.LeftButton)
    assert view.detail is not None and view.detail.info.mengganti_id == final.id
    assert view.detail.info.status is StatusSk.DRAFT
    assert "mengganti SK Nomor" in view.subtitle.text()
    diktum = view.diktum.toPlainText()
    assert "{sk_lama}" in diktum  # the revoking diktum, filled when printed

    fake_dialogs.confirm_answers = [True]
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    view.select(final.id)
    fake_dialogs.text_answers = ["Dicabut atas perintah Bupati"]
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert view.detail is not None and view.detail.info.status is StatusSk.CANCELLED
    assert "Dicabut atas perintah Bupati" in view.subtitle.text()
    assert fake_dialogs.errors == []


def test_save_pdf_and_reserve_a_number(
    qtbot: QtBot,
    sk_window: tuple[MainWindow, Services, int],
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    win, services, batch_id = sk_window
    view = _view(win)
    draft = services.decrees.create_from_batch(batch_id)
    view.reload()
    view.select(draft.id)
    fake_dialogs.save_file_answers = [str(tmp_path / "konsep.pdf")]
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert "DRAFT" in pdftotext(tmp_path / "konsep.pdf")

    view.tabs.setCurrentIndex(1)
    fake_dialogs.text_answers = ["SK pelantikan (manual)", ""]
    qtbot.mouseClick(view.reserve_button, Qt.MouseButton.LeftButton)
    assert view.register_model.rowCount() == 1
    assert services.decrees.register()[0].keterangan == "SK pelantikan (manual)"


def test_a_failing_action_shows_a_sentence(
    qtbot: QtBot, sk_window: tuple[MainWindow, Services, int], fake_dialogs: FakeDialogs
) -> None:
    win, services, batch_id = sk_window
    view = _view(win)
    draft = services.decrees.create_from_batch(batch_id)
    view.reload()
    view.select(draft.id)
    view.diktum.setPlainText("")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors and "tidak boleh kosong" in fake_dialogs.errors[-1]


def test_first_run_points_to_the_settings_and_saving_them_clears_the_banner(
    qtbot: QtBot, sqlite_services: Services, fake_dialogs: FakeDialogs
) -> None:
    win = MainWindow(sqlite_services, fake_dialogs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitActive(win)
    win.nav.setCurrentRow(win.SURAT_KEPUTUSAN)
    assert win.sk_view.banner.isVisible()
    qtbot.mouseClick(win.sk_view.banner_button, Qt.MouseButton.LeftButton)
    assert win.stack.currentWidget() is win.settings_view
    settings = win.settings_view
    assert settings.daerah.text() == "Kabupaten Mamuju"
    assert "Undang-Undang Nomor 29 Tahun 1959" in settings.mengingat.toPlainText()
    assert "800.1.3.1/Kep.12/BKPSDM/III/2026" in settings.example.text()
    settings.pola.setText("{kode}/{urut}")
    assert "tahun" in settings.example.text()
    settings.pola.setText("{kode}/{urut:3}/{unit}/{bulan}/{tahun}")
    assert "800.1.3.1/012/BKPSDM/III/2026" in settings.example.text()

    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors and "Bupati" in fake_dialogs.errors[-1]  # required names
    settings.bupati.setText("H. Abdul Rahim Pattasangi")
    settings.sekda_nama.setText("Drs. H. Muhammad Amir, M.Si.")
    settings.sekda_nip.setText("19700101 199003 1 001")
    settings.sekda_gol.setText("IV/c")
    settings.kertas.setCurrentIndex(1)
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    saved = sqlite_services.settings.get()
    assert saved.terkonfigurasi and saved.kertas.value == "A4"
    assert saved.sekda.nip == "197001011990031001"
    assert saved.pola_nomor == "{kode}/{urut:3}/{unit}/{bulan}/{tahun}"
    win.nav.setCurrentRow(win.SURAT_KEPUTUSAN)
    assert not win.sk_view.banner.isVisible()


def test_the_logo_is_chosen_from_a_file(
    qtbot: QtBot, sqlite_services: Services, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    win = MainWindow(sqlite_services, fake_dialogs)
    qtbot.addWidget(win)
    win.show()
    win.nav.setCurrentRow(win.PENGATURAN)
    png = tmp_path / "lambang.png"
    png.write_bytes(tiny_png())
    fake_dialogs.open_file_answers = [str(png), str(tmp_path / "bukan.png")]
    (tmp_path / "bukan.png").write_bytes(b"bukan gambar")
    qtbot.mouseClick(win.settings_view.logo_button, Qt.MouseButton.LeftButton)
    assert sqlite_services.settings.get().ada_logo
    assert win.settings_view.logo_remove.isEnabled()
    qtbot.mouseClick(win.settings_view.logo_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors and "PNG" in fake_dialogs.errors[-1]
    qtbot.mouseClick(win.settings_view.logo_remove, Qt.MouseButton.LeftButton)
    assert not sqlite_services.settings.get().ada_logo


def test_document_kinds_in_the_preview_list(
    sk_window: tuple[MainWindow, Services, int],
) -> None:
    win, services, batch_id = sk_window
    view = _view(win)
    draft = services.decrees.create_from_batch(batch_id)
    view.reload()
    view.select(draft.id)
    labels = [view.doc_combo.itemText(i) for i in range(view.doc_combo.count())]
    assert labels[0] == JenisDokumen.SK.judul
    assert sum(label.startswith("Surat Pernyataan Melaksanakan Tugas") for label in labels) == 3
