"""The staff register driven like a clerk would: type, click, edit, save, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.staff import StaffFilter
from mutasi_desktop.storage.models import AuditLog, Pegawai
from mutasi_desktop.ui.main_window import MainWindow
from mutasi_desktop.ui.staff_table_model import StaffTableModel
from mutasi_desktop.ui.widgets import Column, RecordTableModel
from support import SmallOrg
from support_ui import FakeDialogs


def _names(win: MainWindow) -> list[str]:
    model = win.staff_view.model
    return [model.index(r, StaffTableModel.NAMA).data() for r in range(model.rowCount())]


def _click_row(qtbot: QtBot, win: MainWindow, name: str) -> None:
    table = win.staff_view.table
    row = _names(win).index(name)
    rect = table.visualRect(win.staff_view.model.index(row, StaffTableModel.NAMA))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_typing_in_the_search_box_filters_and_counts(qtbot: QtBot, window: MainWindow) -> None:
    view = window.staff_view
    assert view.count_label.text() == "3 dari 3 pegawai"
    qtbot.keyClicks(view.search, "sitti")
    assert _names(window) == ["Sitti Nurhayati"]
    assert view.count_label.text() == "1 dari 3 pegawai"
    view.search.clear()
    qtbot.keyClicks(view.search, "19860926 201505")
    assert _names(window) == ["Andi Baso"]
    view.search.clear()
    qtbot.keyClicks(view.search, "pengadministrasi")
    assert _names(window) == ["Muhammad Yusuf, S.E.", "Sitti Nurhayati"]


def test_filters_by_opd_and_sorting_by_column(
    qtbot: QtBot, window: MainWindow, populated: tuple[Services, SmallOrg]
) -> None:
    _, org = populated
    view = window.staff_view
    view.opd_filter.setCurrentIndex(view.opd_filter.findData(org.dishub_id))
    assert _names(window) == ["Muhammad Yusuf, S.E.", "Sitti Nurhayati"]
    header = view.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect()
        .center()
        .__class__(header.sectionViewportPosition(StaffTableModel.NAMA) + 10, 5),
    )
    assert _names(window) == ["Sitti Nurhayati", "Muhammad Yusuf, S.E."]
    view.reset_filters()
    assert len(_names(window)) == 3


def test_open_edit_save_and_find_the_change_in_the_database(
    qtbot: QtBot, window: MainWindow, populated: tuple[Services, SmallOrg]
) -> None:
    services, _ = populated
    view = window.staff_view
    _click_row(qtbot, window, "Sitti Nurhayati")
    detail = view.detail
    assert detail.title.text() == "Sitti Nurhayati"
    assert detail.nip.text() == "19900102 201505 2 001"
    detail.nama.clear()
    qtbot.keyClicks(detail.nama, "Sitti Nurhayati Rahman")
    detail.gelar_belakang.clear()
    qtbot.keyClicks(detail.gelar_belakang, "S.Sos.")
    assert detail.save_button.isEnabled()
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    with services.ctx.read() as s:
        p = s.scalars(select(Pegawai).where(Pegawai.nip == "199001022015052001")).one()
        assert (p.nama, p.gelar_belakang) == ("Sitti Nurhayati Rahman", "S.Sos.")
        audit = s.scalars(select(AuditLog).where(AuditLog.aksi == "ubah")).one()
        assert audit.sesudah["nama"] == "Sitti Nurhayati Rahman"
    assert "Sitti Nurhayati Rahman, S.Sos." in _names(window)
    assert detail.title.text() == "Sitti Nurhayati Rahman, S.Sos."
    assert not detail.save_button.isEnabled()

    # Ctrl+Z undoes the last edit, in the database and on screen.
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with services.ctx.read() as s:
        p = s.scalars(select(Pegawai).where(Pegawai.nip == "199001022015052001")).one()
        assert (p.nama, p.gelar_belakang) == ("Sitti Nurhayati", None)
    assert "Sitti Nurhayati" in _names(window)
    assert detail.title.text() == "Sitti Nurhayati"


def test_bad_input_shows_field_messages_in_indonesian_and_saves_nothing(
    qtbot: QtBot, window: MainWindow, populated: tuple[Services, SmallOrg]
) -> None:
    services, _ = populated
    view = window.staff_view
    _click_row(qtbot, window, "Andi Baso")
    detail = view.detail
    detail.nip.clear()
    qtbot.keyClicks(detail.nip, "1986092620150510")
    assert detail.error_text("nip") == "NIP harus 18 digit, bukan 16 digit."
    detail.tanggal_lahir.clear()
    qtbot.keyClicks(detail.tanggal_lahir, "31-02-1986")
    qtbot.keyClick(detail.save_button, Qt.Key.Key_Space)
    qtbot.mouseClick(detail.save_button, Qt.MouseButton.LeftButton)
    assert detail.banner.text() == "Belum dapat disimpan. Periksa: NIP, Tanggal lahir."
    assert "tidak sah" in detail.error_text("tanggal_lahir")
    with services.ctx.read() as s:
        assert (
            s.scalar(select(Pegawai.nip).where(Pegawai.nama == "Andi Baso")) == "198609262015051001"
        )


def test_add_person_with_ctrl_n(
    qtbot: QtBot, window: MainWindow, populated: tuple[Services, SmallOrg]
) -> None:
    services, org = populated
    view = window.staff_view
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    detail = view.detail
    assert detail.is_new and detail.title.text() == "Pegawai baru"
    qtbot.keyClicks(detail.nip, "19920315 201903 2 004")
    qtbot.keyClicks(detail.nama, "Nurul Aini")
    qtbot.keyClicks(detail.tanggal_lahir, "15-03-1992")
    detail.jenis_kelamin.setCurrentIndex(detail.jenis_kelamin.findText("Perempuan"))
    unit: QComboBox = detail.unit
    unit.setCurrentIndex(unit.findData(org.sos_bidang_id))
    detail.jabatan.setCurrentIndex(detail.jabatan.findText("Pengelola Data Bansos"))
    qtbot.keyClick(detail, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    rows = services.staff.search(StaffFilter(search="nurul"))
    assert [(r.nip, r.jabatan_nama) for r in rows] == [
        ("199203152019032004", "Pengelola Data Bansos")
    ]
    assert "Nurul Aini" in _names(window)
    assert not detail.is_new


def test_delete_deactivates_after_confirmation_and_keeps_the_record(
    qtbot: QtBot,
    window: MainWindow,
    populated: tuple[Services, SmallOrg],
    fake_dialogs: FakeDialogs,
) -> None:
    services, _ = populated
    view = window.staff_view
    _click_row(qtbot, window, "Muhammad Yusuf, S.E.")
    fake_dialogs.text_answers = [None]  # first: the clerk cancels
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(_names(window)) == 3
    fake_dialogs.text_answers = ["pindah ke luar daerah"]
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "Muhammad Yusuf, S.E." not in _names(window)
    assert view.count_label.text() == "2 dari 3 pegawai"
    view.inactive_filter.setChecked(True)
    assert "Muhammad Yusuf, S.E." in _names(window)
    with services.ctx.read() as s:
        p = s.scalars(select(Pegawai).where(Pegawai.nama == "Muhammad Yusuf")).one()
        assert (p.aktif, p.alasan_nonaktif) == (False, "pindah ke luar daerah")


def test_switching_person_with_unsaved_edits_asks_first(
    qtbot: QtBot,
    window: MainWindow,
    populated: tuple[Services, SmallOrg],
    fake_dialogs: FakeDialogs,
) -> None:
    from mutasi_desktop.ui.dialogs import SaveChoice

    view = window.staff_view
    _click_row(qtbot, window, "Andi Baso")
    qtbot.keyClicks(view.detail.tempat_lahir, "Mamuju")
    fake_dialogs.save_answers = [SaveChoice.CANCEL]
    _click_row(qtbot, window, "Sitti Nurhayati")
    assert view.detail.title.text() == "Andi Baso"
    assert view.detail.tempat_lahir.text() == "Mamuju"
    fake_dialogs.save_answers = [SaveChoice.SAVE]
    _click_row(qtbot, window, "Sitti Nurhayati")
    assert view.detail.title.text() == "Sitti Nurhayati"
    services, _ = populated
    with services.ctx.read() as s:
        assert s.scalar(select(Pegawai.tempat_lahir).where(Pegawai.nama == "Andi Baso")) == "Mamuju"


def test_skills_edited_in_the_table_are_saved(
    qtbot: QtBot, window: MainWindow, populated: tuple[Services, SmallOrg]
) -> None:
    services, _ = populated
    view = window.staff_view
    _click_row(qtbot, window, "Andi Baso")
    model = view.detail.kompetensi_model
    row = model.add_record({"nama": "Pengolahan data", "tingkat": "mahir"})
    assert model.setData(model.index(row, 2), "SIKS-NG")
    assert not model.setData(model.index(row, 1), "tidak-ada")  # unknown level refused
    view.save()
    pid = services.staff.search(StaffFilter(search="andi"))[0].id
    skills = services.staff.get(pid).draft.kompetensi
    assert [(k.nama, k.tingkat, k.keterangan) for k in skills] == [
        ("Pengolahan data", "mahir", "SIKS-NG")
    ]


def test_table_models_pass_qt_model_tester(qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(window.staff_view.model)
    record = RecordTableModel([Column("a", "A"), Column("b", "B", "date")], editable=True)
    record.set_records([{"a": "x", "b": None}])
    qtmodeltester.check(record)
