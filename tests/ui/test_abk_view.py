"""Beban Kerja: the workload dashboard driven like a head of office would use it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from mutasi_desktop.domain.abk import Periode, SatuanWaktu, TaskInput
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.storage.models import AuditLog
from mutasi_desktop.ui.abk_charts import bar_rows, heat_rows
from mutasi_desktop.ui.abk_model import ID_ROLE, AbkTreeModel, FilterMode
from mutasi_desktop.ui.abk_position import AbkTaskTableModel, parse_angka
from mutasi_desktop.ui.abk_view import AbkView
from mutasi_desktop.ui.dialogs import SaveChoice
from mutasi_desktop.ui.main_window import MainWindow
from support import SmallOrg
from support_ui import FakeDialogs

Y = 2026
M, TAHUN = SatuanWaktu.MENIT, Periode.TAHUN
SCENARIO = "Penerima bansos +50 %"

# Reference §1.7 example 3; the data entry follows the aid-recipient driver (18,000 × 1).
DATA_BANSOS = [
    TaskInput("Entri data penerima", "data", 10, M, None, TAHUN, "penerima_bansos", 1),
    TaskInput("Rekap mingguan", "rekap", 240, M, 52, TAHUN),
    TaskInput("Putaran verval", "putaran", 2400, M, 4, TAHUN),
]
ADMIN_SOS = [
    TaskInput("Agenda surat", "surat", 15, M, 2400, TAHUN),
    TaskInput("Input berkas", "berkas", 6, M, 6000, TAHUN),
    TaskInput("Laporan bulanan", "laporan", 480, M, 12, TAHUN),
]
ADMIN_HUB = [
    TaskInput("Agenda surat", "surat", 15, M, 1200, TAHUN),
    TaskInput("Laporan bulanan", "laporan", 480, M, 12, TAHUN),
]


@pytest.fixture(autouse=True)
def _indonesian_numbers() -> Iterator[None]:
    """Numbers as the office reads them: 1.250 and 2,69."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def abk_data(populated: tuple[Services, SmallOrg]) -> tuple[Services, SmallOrg]:
    """The small organisation with task tables, a driver and a scenario, made by the services.

    Register: one person in Pengelola Data Bansos, two in Dishub's Pengadministrasi Umum,
    nobody in Dinsos' Pengadministrasi Umum (see tests/ui/conftest.py).
    """
    services, org = populated
    abk = services.abk
    abk.save_driver(Y, "penerima_bansos", 18_000, satuan="KPM")
    abk.save_tasks(org.data_bansos_id, Y, DATA_BANSOS)
    abk.save_tasks(org.admin_sos_id, Y, ADMIN_SOS)
    abk.save_tasks(org.admin_hub_id, Y, ADMIN_HUB)
    abk.save_scenario(Y, SCENARIO, {"penerima_bansos": "+50 %"})
    return services, org


@pytest.fixture
def dashboard(
    qtbot: QtBot, abk_data: tuple[Services, SmallOrg], window: MainWindow
) -> Iterator[AbkView]:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    view = window.abk_view
    assert window.stack.currentWidget() is view
    qtbot.waitUntil(view.is_idle)
    yield view
    view.wait_idle()


def _cell(view: AbkView, jabatan_id: int, column: int) -> str:
    index = view.model.index_of_position(jabatan_id)
    return str(view.model.index(index.row(), column, index.parent()).data())


def _click_position(qtbot: QtBot, view: AbkView, jabatan_id: int) -> None:
    view.tree.expandAll()
    index = view.proxy.mapFromSource(view.model.index_of_position(jabatan_id))
    assert index.isValid()
    view.tree.scrollTo(index)
    rect = view.tree.visualRect(index)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.panel.jabatan_id == jabatan_id


def _editor(table: QTableView) -> QLineEdit:
    """The open cell editor (the delegate's line edit inside the table)."""
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1
    return editors[0]


def _type_in_cell(qtbot: QtBot, view: AbkView, row: int, column: int, text: str) -> None:
    """Open the cell's editor (the real delegate), type, press Enter."""
    table = view.panel.table
    index = view.panel.model.index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = _editor(table)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def _audits(services: Services, aksi: str) -> int:
    with services.ctx.read() as s:
        return int(s.scalar(select(func.count()).where(AuditLog.aksi == aksi)) or 0)


# ---- the done criterion ------------------------------------------------------------------------


def test_editing_a_task_volume_recomputes_live_then_saves_to_tree_and_database(
    qtbot: QtBot, dashboard: AbkView, abk_data: tuple[Services, SmallOrg]
) -> None:
    services, org = abk_data
    view = dashboard
    hub = org.admin_hub_id
    # 23,760 min: 0.32 FTE → 0 people for two holders: lebih 2, EJ 0.16, E, underloaded.
    assert _cell(view, hub, AbkTreeModel.BULAT) == "0"
    assert _cell(view, hub, AbkTreeModel.PJ) == "E (Kurang)"
    assert _cell(view, hub, AbkTreeModel.KONDISI) == "Kekurangan beban"
    resets: list[bool] = []
    view.model.modelReset.connect(lambda: resets.append(True))

    _click_position(qtbot, view, hub)
    panel = view.panel
    assert panel.title.text() == "Pengadministrasi Umum"
    assert "Dinas Perhubungan \u203a Bidang Lalu Lintas" in panel.subtitle.text()
    assert (panel.kebutuhan_value.text(), panel.bulat_value.text()) == ("0,32", "0 orang")
    assert panel.pj_value.text() == "E (Kurang)"
    assert panel.kondisi_value.text() == "Kekurangan beban"
    assert not panel.save_button.isEnabled()

    # 9.000 letters × 15 min + 5,760 = 140,760 min: 1.88 FTE → 2 people, EJ 0.94, B, balanced.
    _type_in_cell(qtbot, view, 0, AbkTaskTableModel.VOLUME, "9.000")
    assert panel.model.drafts[0].volume == 9000
    assert (panel.kebutuhan_value.text(), panel.bulat_value.text()) == ("1,88", "2 orang")
    assert panel.pj_value.text() == "B (Baik)"
    assert panel.kondisi_value.text() == "Seimbang"
    assert panel.ej_value.text() == "0,94"
    assert panel.model.index(0, AbkTaskTableModel.BEBAN).data() == "2.250,0"
    assert "Belum disimpan" in panel.dirty_note.text()
    assert panel.is_dirty() and panel.save_button.isEnabled()
    # Nothing written and the tree still shows the stored figures until Simpan.
    assert services.abk.tasks(hub, Y)[0].task.volume == 1200
    assert _cell(view, hub, AbkTreeModel.BULAT) == "0"

    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert not panel.is_dirty()
    assert _cell(view, hub, AbkTreeModel.BULAT) == "2"
    assert _cell(view, hub, AbkTreeModel.SELISIH) == "0"
    assert _cell(view, hub, AbkTreeModel.PJ) == "B (Baik)"
    assert _cell(view, hub, AbkTreeModel.KONDISI) == "Seimbang"
    # Its parents follow: Dishub no longer has two to spare, nor has the regency.
    unit = view.model.node(view.model.index_of_position(hub)).parent
    assert unit is not None and unit.parent is not None
    opd = unit.parent.fig
    assert opd is not None and (opd.kebutuhan_bulat, opd.lebih) == (2, 0)
    assert view.model.totals is not None and view.model.totals.lebih == 0
    assert view.stats["lebih"].value.text() == "0"
    assert resets == []  # only dataChanged, never a rebuild of the tree
    # The database has the new volume and an audit row.
    assert services.abk.tasks(hub, Y)[0].task.volume == 9000
    assert services.abk.report(Y).position(hub).pj == "B"
    assert _audits(services, "abk.tugas") == 4  # three by the fixture, one here


def test_scenario_switch_recomputes_the_whole_dashboard(
    qtbot: QtBot, dashboard: AbkView, abk_data: tuple[Services, SmallOrg]
) -> None:
    _, org = abk_data
    view = dashboard
    bansos = org.data_bansos_id
    assert view.scenario_combo.itemText(0) == "\u2014 tanpa skenario \u2014"
    # 202,080 min: 2.69 → 3 people, one holder: kurang 2.
    assert (_cell(view, bansos, AbkTreeModel.BULAT), _cell(view, bansos, AbkTreeModel.SELISIH)) == (
        "3",
        "\u22122",
    )
    _click_position(qtbot, view, bansos)
    view.set_scenario(SCENARIO)
    qtbot.waitUntil(view.is_idle)
    # 27,000 × 10 + 22,080 = 292,080 min: 3.89 → 4 people.
    assert view.report is not None and view.report.skenario == SCENARIO
    assert (_cell(view, bansos, AbkTreeModel.BULAT), _cell(view, bansos, AbkTreeModel.SELISIH)) == (
        "4",
        "\u22123",
    )
    assert SCENARIO in view.totals_title.text()
    assert view.stats["kurang"].value.text() == "4"  # and one for the empty post
    # The selected position stays open and follows the scenario.
    assert view.panel.jabatan_id == bansos
    assert view.panel.bulat_value.text() == "4 orang"
    assert SCENARIO in view.panel.dirty_note.text()
    view.set_scenario(None)
    qtbot.waitUntil(view.is_idle)
    assert _cell(view, bansos, AbkTreeModel.BULAT) == "3"


def test_bad_cells_are_marked_and_explained_and_block_saving(
    qtbot: QtBot, dashboard: AbkView, abk_data: tuple[Services, SmallOrg]
) -> None:
    _, org = abk_data
    view = dashboard
    _click_position(qtbot, view, org.admin_hub_id)
    panel = view.panel
    _type_in_cell(qtbot, view, 1, AbkTaskTableModel.WAKTU, "lima")
    assert "Tugas ke-2" in panel.problems_label.text()
    assert "bukan angka yang sah (lima)" in panel.problems_label.text()
    assert not panel.save_button.isEnabled()
    assert panel.kebutuhan_value.text() == "\u2014"
    cell = panel.model.index(1, AbkTaskTableModel.WAKTU)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "lima" in cell.data(Qt.ItemDataRole.ToolTipRole)

    panel.add_task()  # a new empty row: its description is required
    qtbot.keyClick(_editor(panel.table), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.table.state() != QAbstractItemView.State.EditingState)
    assert "Uraian tugas wajib diisi" in panel.problems_label.text()
    assert "Tugas ke-3" in panel.problems_label.text()

    qtbot.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    assert len(panel.model.drafts) == 2 and not panel.is_dirty()
    assert panel.problems_label.isHidden()
    assert panel.kebutuhan_value.text() == "0,32"


def test_a_driver_task_ignores_its_volume_with_a_warning_and_the_choice_columns_edit(
    qtbot: QtBot, dashboard: AbkView, abk_data: tuple[Services, SmallOrg]
) -> None:
    _, org = abk_data
    view = dashboard
    _click_position(qtbot, view, org.data_bansos_id)
    panel = view.panel
    model = panel.model
    assert model.index(0, AbkTaskTableModel.PEMICU).data() == "penerima_bansos"
    assert model.index(0, AbkTaskTableModel.VOLUME_TAHUN).data() == "18.000"
    _type_in_cell(qtbot, view, 0, AbkTaskTableModel.VOLUME, "500")
    assert "volume yang diisi" in panel.problems_label.text()
    assert panel.save_button.isEnabled()  # a warning does not block
    assert panel.kebutuhan_value.text() == "2,69"
    # Hours instead of minutes for the weekly recap: 240 h × 52 = 748,800 min more.
    assert model.setData(model.index(1, AbkTaskTableModel.SATUAN_WAKTU), "jam")
    assert model.index(1, AbkTaskTableModel.SATUAN_WAKTU).data() == "jam"
    assert panel.kebutuhan_value.text() == "12,51"
    assert not model.setData(model.index(1, AbkTaskTableModel.PERIODE), "abad")
    assert model.setData(model.index(2, AbkTaskTableModel.PERIODE), "bulan")
    assert model.index(2, AbkTaskTableModel.VOLUME_TAHUN).data() == "48"


def test_search_and_only_short_or_over_filters(
    qtbot: QtBot, dashboard: AbkView, abk_data: tuple[Services, SmallOrg]
) -> None:
    view = dashboard
    proxy = view.proxy
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [
        "Dinas Sosial",
        "Dinas Perhubungan",
    ]
    qtbot.keyClicks(view.search, "bansos")
    qtbot.waitUntil(lambda: proxy.rowCount() == 1)
    dinsos = proxy.index(0, 0)
    assert dinsos.data() == "Dinas Sosial"
    unit = proxy.index(0, 0, dinsos)
    names = [proxy.index(r, 0, unit).data() for r in range(proxy.rowCount(unit))]
    assert names == ["Pengelola Data Bansos"]
    view.search.clear()
    view._apply_search()

    view.set_filter_mode(FilterMode.LEBIH)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Dinas Perhubungan"]
    view.set_filter_mode(FilterMode.KURANG)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["Dinas Sosial"]
    view.set_filter_mode(FilterMode.KOSONG)
    dinsos = proxy.index(0, 0)
    unit = proxy.index(0, 0, dinsos)
    assert proxy.index(0, 0, unit).data(ID_ROLE) == abk_data[1].admin_sos_id
    view.set_filter_mode(FilterMode.SEMUA)

    # Sorting by Selisih puts the largest shortage first among the OPDs.
    view.tree.sortByColumn(AbkTreeModel.SELISIH, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data() == "Dinas Sosial"
    view.tree.sortByColumn(AbkTreeModel.SELISIH, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "Dinas Perhubungan"


def test_unsaved_edits_are_asked_about_before_moving_on(
    qtbot: QtBot,
    dashboard: AbkView,
    abk_data: tuple[Services, SmallOrg],
    fake_dialogs: FakeDialogs,
) -> None:
    services, org = abk_data
    view = dashboard
    _click_position(qtbot, view, org.admin_hub_id)
    _type_in_cell(qtbot, view, 0, AbkTaskTableModel.VOLUME, "2400")
    fake_dialogs.save_answers = [SaveChoice.CANCEL]
    view.select_position(org.admin_sos_id)
    qtbot.waitUntil(lambda: view.tree.currentIndex().data(ID_ROLE) == org.admin_hub_id)
    assert view.panel.jabatan_id == org.admin_hub_id and view.panel.is_dirty()

    fake_dialogs.save_answers = [SaveChoice.SAVE]
    assert view.select_position(org.admin_sos_id)
    assert services.abk.tasks(org.admin_hub_id, Y)[0].task.volume == 2400
    assert _cell(view, org.admin_hub_id, AbkTreeModel.KEBUTUHAN) == "0,56"
    assert [kind for kind, _ in fake_dialogs.asked] == ["save", "save"]


# ---- register against workbook, import and files -------------------------------------------


def _workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "OPD",
            "Unit Kerja",
            "Jabatan",
            "Uraian Tugas",
            "Satuan Hasil",
            "Waktu Penyelesaian",
            "Volume",
            "Pegawai Ada",
        ]
    )
    ws.append(
        [
            "Dinas Perhubungan",
            "Bidang Lalu Lintas",
            "Pengadministrasi Umum",
            "Agenda surat",
            "surat",
            15,
            1200,
            3,
        ]
    )
    ws.append([None, None, None, "Laporan bulanan", "laporan", 480, 12, None])
    ws.append(
        [
            "Dinas Sosial",
            "Bidang Perlindungan dan Jaminan Sosial",
            "Pengadministrasi Umum",
            "Agenda surat",
            "surat",
            15,
            2400,
            1,
        ]
    )
    wb.save(path)
    return path


def test_import_shows_where_the_register_and_the_workbook_disagree(
    qtbot: QtBot,
    dashboard: AbkView,
    abk_data: tuple[Services, SmallOrg],
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    _, org = abk_data
    view = dashboard
    fake_dialogs.open_file_answers = [str(_workbook(tmp_path / "abk.xlsx"))]
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.is_idle)
    kind, text = fake_dialogs.asked[-1]
    assert kind == "info"
    assert "data pegawai 2, berkas 3" in text
    # The register (two people) wins over the workbook's three; the difference is shown.
    assert _cell(view, org.admin_hub_id, AbkTreeModel.ADA) == "2 \u2020"
    # Nobody in the register: the workbook's count stands in, marked *.
    assert _cell(view, org.admin_sos_id, AbkTreeModel.ADA) == "1 *"
    assert view.difference_label.isVisibleTo(view)
    assert "1 jabatan" in view.difference_label.text()
    view.difference_label.linkActivated.emit("beda")
    assert view.proxy.mode is FilterMode.BEDA_DATA
    _click_position(qtbot, view, org.admin_hub_id)
    note = view.panel.headcount_note.text()
    assert "Data pegawai mencatat 2 orang, berkas ABK 3 orang" in note
    assert "selisih \u22121" in note


def test_a_bad_workbook_is_refused_with_row_and_column(
    qtbot: QtBot,
    dashboard: AbkView,
    abk_data: tuple[Services, SmallOrg],
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Unit Kerja", "Jabatan", "Uraian Tugas", "Waktu Penyelesaian", "Volume"])
    ws.append(["Bidang Lalu Lintas", "Pengadministrasi Umum", "Agenda", "lima belas", 10])
    wb.save(tmp_path / "salah.xlsx")
    fake_dialogs.open_file_answers = [str(tmp_path / "salah.xlsx")]
    view = dashboard
    view.import_workbook()
    qtbot.waitUntil(view.is_idle)
    (message,) = fake_dialogs.errors
    assert "Baris 2, kolom D" in message
    assert "Tidak ada data yang disimpan" in message


def test_recaps_export_and_charts_are_written_through_the_dialogs_port(
    qtbot: QtBot,
    dashboard: AbkView,
    abk_data: tuple[Services, SmallOrg],
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    view = dashboard
    fake_dialogs.save_file_answers = [
        str(tmp_path / "rekap"),
        str(tmp_path / "rekap-f4.pdf"),
        str(tmp_path / "rekap-a4.pdf"),
        str(tmp_path / "tugas.xlsx"),
        str(tmp_path / "grafik"),
        str(tmp_path / "peta.png"),
    ]
    for act in (
        view.recap_xlsx_button.click,
        view.pdf_f4_action.trigger,
        view.pdf_a4_action.trigger,
        view.export_button.click,
    ):
        act()
        qtbot.waitUntil(view.is_idle)
    assert (tmp_path / "rekap.xlsx").stat().st_size > 0
    for name in ("rekap-f4.pdf", "rekap-a4.pdf"):
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")
    assert (tmp_path / "tugas.xlsx").stat().st_size > 0
    assert fake_dialogs.errors == []

    view.tabs.setCurrentIndex(view.GRAFIK)
    assert not view.bar_chart.grab().isNull()  # paints on screen (Qt warnings fail the test)
    view.save_bars_action.trigger()
    view.tabs.setCurrentIndex(view.PETA)
    assert not view.heat_map.grab().isNull()
    view.save_heat_action.trigger()
    for name in ("grafik.png", "peta.png"):
        image = QImage(str(tmp_path / name))
        assert not image.isNull() and image.width() == 2800  # 1,400 px at 2× for print


def test_chart_data_sorts_shortage_first_and_grades_each_cell(
    dashboard: AbkView,
) -> None:
    report = dashboard.report
    assert report is not None
    assert [(r.nama, r.kurang, r.lebih) for r in bar_rows(report)] == [
        ("Dinas Sosial", 3, 0),
        ("Dinas Perhubungan", 0, 2),
    ]
    rows = {r.nama: r for r in heat_rows(report)}
    sosial = rows["Dinas Sosial"].cells
    # Administration positions: 202,080 + 77,760 min over 1 holder (and one empty post).
    assert sosial[1].jabatan == 2 and sosial[1].pegawai == 1
    assert sosial[1].ej == pytest.approx((202_080 + 77_760) / 75_000)
    assert sosial[1].band == 0  # A: overloaded
    assert sosial[0].jabatan == 0  # no JPT position with tasks
    assert rows["Dinas Perhubungan"].cells[-1].band == 4  # E
    assert list(rows) == ["Dinas Sosial", "Dinas Perhubungan"]  # most loaded first


def test_scenarios_side_by_side(
    qtbot: QtBot, dashboard: AbkView, abk_data: tuple[Services, SmallOrg], qtmodeltester: object
) -> None:
    _, org = abk_data
    view = dashboard
    qtbot.mouseClick(view.compare_button, Qt.MouseButton.LeftButton)
    dialog = view.compare_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.is_busy())
    assert dialog.names() == (None, SCENARIO)
    model = dialog.model
    (row,) = model.rows  # only the aid-data position changes
    assert row.jabatan_id == org.data_bansos_id
    assert (row.sebelum and row.sebelum.kebutuhan_bulat, row.delta_kebutuhan_bulat) == (3, 1)
    assert model.index(0, model.DELTA).data() == "+1"
    assert model.index(0, model.DELTA_FTE).data() == "+1,20"
    assert model.index(0, model.PJ).data() == "A"
    assert "Kebutuhan 4 \u2192 5 (+1)" in dialog.summary.text()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    dialog.changed_box.setChecked(False)
    assert len(model.rows) == 3
    qtmodeltester.check(dialog.proxy)  # type: ignore[attr-defined]
    dialog.close()


def test_ratio_estimates_stand_beside_abk(dashboard: AbkView, qtmodeltester: object) -> None:
    view = dashboard
    model = view.ratio_model
    assert model.rowCount() == len(view.report.rasio if view.report else ())
    assert model.rowCount() > 0
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Kebutuhan menurut rasio" in headers and "Kebutuhan menurut ABK" in headers
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_every_dashboard_model_passes_the_model_tester(
    qtbot: QtBot,
    dashboard: AbkView,
    abk_data: tuple[Services, SmallOrg],
    qtmodeltester: object,
) -> None:
    view = dashboard
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    qtmodeltester.check(view.proxy)  # type: ignore[attr-defined]
    _click_position(qtbot, view, abk_data[1].data_bansos_id)
    qtmodeltester.check(view.panel.model)  # type: ignore[attr-defined]
    view.all_positions_box.setChecked(True)  # positions without tasks appear too
    qtbot.waitUntil(view.is_idle)
    assert view.model.position(abk_data[1].kadis_hub_id) is not None
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]


def test_a_position_without_tasks_gets_its_first_task(
    qtbot: QtBot, dashboard: AbkView, abk_data: tuple[Services, SmallOrg]
) -> None:
    services, org = abk_data
    view = dashboard
    view.all_positions_box.setChecked(True)
    qtbot.waitUntil(view.is_idle)
    _click_position(qtbot, view, org.kadis_hub_id)
    panel = view.panel
    assert panel.model.rowCount() == 0 and panel.kebutuhan_value.text() == "0,00"
    panel.add_task()
    editor = _editor(panel.table)
    qtbot.keyClicks(editor, "Memimpin rapat koordinasi")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.table.state() != QAbstractItemView.State.EditingState)
    model = panel.model
    assert model.setData(model.index(0, AbkTaskTableModel.WAKTU), "2")
    assert model.setData(model.index(0, AbkTaskTableModel.SATUAN_WAKTU), "jam")
    assert model.setData(model.index(0, AbkTaskTableModel.VOLUME), "48")
    assert panel.problems_label.isHidden()
    assert panel.save()
    (task,) = services.abk.tasks(org.kadis_hub_id, Y)
    assert (task.task.uraian, task.beban_kerja_menit) == ("Memimpin rapat koordinasi", 5760)


def test_numbers_typed_the_indonesian_or_the_english_way() -> None:
    assert parse_angka("7,5") == 7.5
    assert parse_angka("1.250") == 1250
    assert parse_angka("1.250,5") == 1250.5
    assert parse_angka("7.5") == 7.5
    assert parse_angka(" ") is None
    with pytest.raises(ValueError):
        parse_angka("tujuh")


def test_the_dashboard_without_any_analysis_year_explains_how_to_start(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.nav.setCurrentRow(window.BEBAN_KERJA)
    view = window.abk_view
    qtbot.waitUntil(view.is_idle)
    assert view.pages.currentWidget() is view.empty_label
    assert "Impor ABK" in view.empty_label.text()
    assert not view.export_button.isEnabled()
    assert view.model.rowCount(QModelIndex()) == 0
