"""Main window: sections, menus and shortcuts, About, organisation tree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.ui.main_window import MainWindow
from mutasi_desktop.ui.organisation_model import KIND_ROLE
from support import SmallOrg


def test_sections_menus_and_status_bar_speak_indonesian(window: MainWindow) -> None:
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Pegawai",
        "Organisasi",
        "Beban Kerja",
        "Mutasi",
        "Surat Keputusan",
        "Pengaturan",
    ]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Berkas", "&Sunting", "&Pegawai", "&Tampilan", "Ban&tuan"]
    assert window.count_label.text() == "3 pegawai"
    assert window.db_label.text().startswith("Basis data: ")
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_ctrl_2_opens_the_organisation_and_ctrl_1_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.org_view
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.staff_view


def test_about_dialog_names_the_app_and_database(qtbot: QtBot, window: MainWindow) -> None:
    window.about_action.trigger()
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    assert "Mutasi Desktop 0.1.0" in boxes[0].text()
    assert "analisis beban kerja" in boxes[0].text()
    boxes[0].close()


def test_organisation_tree_shows_units_positions_and_headcount(
    qtbot: QtBot, window: MainWindow, populated: tuple[Services, SmallOrg]
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.org_view
    model = view.proxy
    opds = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert opds == ["Dinas Sosial", "Dinas Perhubungan"]
    dishub = model.index(1, 0)
    assert model.index(1, view.PEGAWAI).data() == "2"
    children = [model.index(r, 0, dishub).data() for r in range(model.rowCount(dishub))]
    assert children == ["Kepala Dinas Perhubungan", "Bidang Lalu Lintas"]
    bidang = model.index(1, 0, dishub)
    assert bidang.data(KIND_ROLE) == "unit"
    pos = model.index(0, 0, bidang)
    assert (pos.data(), model.index(0, view.PEGAWAI, bidang).data()) == (
        "Pengadministrasi Umum",
        "2",
    )
    assert "2 OPD" in view.summary.text() and "3 pegawai" in view.summary.text()

    qtbot.keyClicks(view.search, "bansos")
    visible = model.index(0, 0)
    assert model.rowCount() == 1 and visible.data() == "Dinas Sosial"

    view.search.clear()
    view.tree.setCurrentIndex(model.index(1, 0, model.index(1, 0)))
    qtbot.mouseClick(view.staff_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.staff_view
    names = [
        window.staff_view.model.row_at(r).nama for r in range(window.staff_view.model.rowCount())
    ]
    assert names == ["Muhammad Yusuf", "Sitti Nurhayati"]


def test_sections_are_built_when_first_opened(qtbot: QtBot, window: MainWindow) -> None:
    from mutasi_desktop.ui.planning_view import PlanningView

    assert type(window.stack.widget(window.MUTASI)) is QWidget  # a placeholder at start-up
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    built = window.stack.widget(window.MUTASI)
    assert isinstance(built, PlanningView)
    assert window.stack.currentWidget() is built
    assert window.planning_view is built  # the same widget, not a second one
    assert window.stack.count() == window.nav.count()
