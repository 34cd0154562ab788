"""The import wizard walked like a clerk would, on the golden files; drag and drop; export."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.staff import StaffFilter
from mutasi_desktop.services.staff_import import RowStatus
from mutasi_desktop.ui.dialogs import ExportChoice
from mutasi_desktop.ui.import_preview_model import PROBLEM_ROLE, STATUS_ROLE
from mutasi_desktop.ui.import_wizard import ImportWizard
from mutasi_desktop.ui.main_window import MainWindow
from support import SmallOrg
from support_import import FIXTURES
from support_siasn import write_siasn_xlsx
from support_ui import FakeDialogs

WAIT = 15_000


def _open_wizard(qtbot: QtBot, window: MainWindow) -> ImportWizard:
    window.staff_view.io.import_action.trigger()
    wizard = window.staff_view.io.wizard
    assert wizard is not None
    qtbot.waitUntil(wizard.isVisible, timeout=WAIT)
    return wizard


def _next(qtbot: QtBot, wizard: ImportWizard, expected: int) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    if wizard.currentPage().isCommitPage():
        button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == expected, timeout=WAIT)


def test_the_wizard_imports_a_real_file_end_to_end(
    qtbot: QtBot,
    window: MainWindow,
    populated: tuple[Services, SmallOrg],
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    services, _ = populated
    view = window.staff_view
    assert view.model.total == 3
    wizard = _open_wizard(qtbot, window)
    assert wizard.currentId() == ImportWizard.FILE
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()

    # File → sheet
    fake_dialogs.open_file_answers.append(str(FIXTURES / "rusak_golongan.xlsx"))
    qtbot.mouseClick(wizard.file_page.browse, Qt.MouseButton.LeftButton)
    assert wizard.file_page.path.text().endswith("rusak_golongan.xlsx")
    _next(qtbot, wizard, ImportWizard.SHEET)
    sheets = wizard.sheet_page.sheets
    assert [sheets.item(i).text() for i in range(sheets.count())] == ["Golongan"]

    # Sheet → mapping (read in the background)
    _next(qtbot, wizard, ImportWizard.MAPPING)
    page = wizard.mapping_page
    assert page.header_info.text() == "Judul kolom ditemukan di baris 1."
    assert [c.currentData() for c in page.combos] == [
        "nip",
        "nama",
        "jenis_pegawai",
        "golongan",
        "jenis_kelamin",
        "tanggal_lahir",
        "unit",
        "opd",
    ]
    assert page.table.item(3, 2).text() == "III/b · III b · Penata Muda Tk. I (III/b)"
    # Taking NIP away blocks the way on; giving it back frees it.
    page.combos[0].setCurrentIndex(0)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.missing.text() == "Kolom wajib belum dipetakan: NIP"
    page.set_field(0, "nip")
    assert page.missing.text() == ""

    # Mapping → preview (checked in the background)
    _next(qtbot, wizard, ImportWizard.PREVIEW)
    preview_page = wizard.preview_page
    # Rows 2-4 reuse NIPs the database holds for other people: refused as well.
    assert "Baru <b>2</b>" in preview_page.counts.text()
    assert "ditolak <b>7</b>" in preview_page.counts.text()
    model, proxy = preview_page.model, preview_page.proxy
    ModelTester(qtbot).check(model)
    assert model.problem_rows() == [2, 3, 4, 6, 7, 8, 10]
    # The bad cell of row 6 (golongan "I/E", column D) is red with its reason as tooltip.
    row6 = model.row_of(6)
    col_d = model.column_of(3)
    assert row6 is not None and col_d is not None
    cell = model.index(row6, col_d)
    assert cell.data() == "I/E"
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f8d7d3"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "Golongan \u201cI/E\u201d tidak dikenal."
    assert model.index(row6, model.STATUS).data() == "Ditolak"
    # "Only problems" is on because rows were rejected; off shows all nine rows.
    assert preview_page.only_problems.isChecked() and proxy.rowCount() == 7
    preview_page.only_problems.setChecked(False)
    assert proxy.rowCount() == 9
    preview_page.only_problems.setChecked(True)
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [2, 3, 4, 6, 7, 8, 10]
    assert all(proxy.index(r, 0).data(PROBLEM_ROLE) for r in range(proxy.rowCount()))
    # All or nothing by default: the Import button waits for "skip invalid rows".
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "Impor" and not commit.isEnabled()
    assert preview_page.blocked.text().startswith("Ada 7 baris tidak sah")
    preview_page.skip_invalid.setChecked(True)
    assert commit.isEnabled()

    # Apply → summary
    _next(qtbot, wizard, ImportWizard.RESULT)
    result_page = wizard.result_page
    assert "Ditambah <b>2</b>" in result_page.summary.text()
    assert "ditolak <b>7</b>" in result_page.summary.text()
    assert "Bidang Lalu Lintas" not in result_page.details.toPlainText()  # matched, not created
    assert result_page.save_report.isEnabled()
    report = tmp_path / "masalah"
    fake_dialogs.save_file_answers.append(str(report))
    qtbot.mouseClick(result_page.save_report, Qt.MouseButton.LeftButton)
    assert wizard.report_path == str(report) + ".xlsx"
    rejected = load_workbook(wizard.report_path)["Baris ditolak"]
    body = list(rejected.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in body] == [2, 3, 4, 6, 7, 8, 10]

    # Finish: the register shows the new people, the status bar says what happened.
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert view.model.total == 5
    assert services.staff.count(StaffFilter(search="tanpa garis")) == 1
    assert window.statusBar().currentMessage() == (
        "Impor selesai: 2 ditambah, 0 diubah, 7 ditolak."
    )


def test_a_file_dropped_on_the_register_opens_the_wizard_at_its_sheet(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.staff_view
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURES / "siasn_title.xlsx"))])
    pos = QPointF(view.rect().center())
    enter = QDragEnterEvent(
        QPoint(int(pos.x()), int(pos.y())),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, drop)
    assert drop.isAccepted()
    wizard = view.io.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SHEET, timeout=WAIT)
    assert wizard.path == FIXTURES / "siasn_title.xlsx"
    assert wizard.sheet_names == ["Data Utama"]
    wizard.reject()


def test_a_file_that_is_not_a_spreadsheet_is_not_taken(qtbot: QtBot, window: MainWindow) -> None:
    view = window.staff_view
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURES.parent / "make_staff_fixtures.py"))])
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view, enter)
    assert not enter.isAccepted()
    assert view.io.wizard is None


def test_an_unchanged_reimport_says_so_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, populated: tuple[Services, SmallOrg]
) -> None:
    services, _ = populated
    path = FIXTURES / "siasn_title.xlsx"
    # The file's first three people are in the database already, with other details.
    for expected in ("Ditambah <b>1</b> · diubah <b>3</b>", "Ditambah <b>0</b> · diubah <b>0</b>"):
        wizard = window.staff_view.io.start_import(str(path))
        qtbot.waitUntil(lambda w=wizard: w.currentId() == ImportWizard.SHEET, timeout=WAIT)
        _next(qtbot, wizard, ImportWizard.MAPPING)
        _next(qtbot, wizard, ImportWizard.PREVIEW)
        _next(qtbot, wizard, ImportWizard.RESULT)
        assert expected in wizard.result_page.summary.text()
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(lambda: window.staff_view.io.wizard is None, timeout=WAIT)
    assert "tidak ada perubahan" in window.statusBar().currentMessage()
    assert services.staff.count() == 4


def test_preview_rows_carry_their_status_for_filters(qtbot: QtBot, window: MainWindow) -> None:
    wizard = window.staff_view.io.start_import(str(FIXTURES / "simpeg_judul_dua_baris.xlsx"))
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SHEET, timeout=WAIT)
    _next(qtbot, wizard, ImportWizard.MAPPING)
    assert wizard.mapping_page.header_info.text() == (
        "Judul kolom ditemukan di baris 4–5 (dua baris)."
    )
    _next(qtbot, wizard, ImportWizard.PREVIEW)
    model = wizard.preview_page.model
    statuses = [model.index(r, 0).data(STATUS_ROLE) for r in range(model.rowCount())]
    # Andi, Sitti and Yusuf are in the database already, with other details; Maria is new.
    assert statuses.count(RowStatus.BARU.value) == 1
    assert statuses.count(RowStatus.UBAH.value) == 3
    assert statuses.count("dilewati") == 8
    skipped = model.row_of(7)
    assert skipped is not None
    assert model.index(skipped, model.STATUS).data() == "Dilewati: Judul bagian"
    wizard.reject()


def test_export_writes_the_current_filter_as_a_formatted_workbook(
    qtbot: QtBot, window: MainWindow, fake_dialogs: FakeDialogs, tmp_path: Path
) -> None:
    view = window.staff_view
    qtbot.keyClicks(view.search, "sitti")
    fake_dialogs.export_answers.append(ExportChoice(filtered=True, duk=False))
    fake_dialogs.save_file_answers.append(str(tmp_path / "sitti"))
    view.io.export_action.trigger()
    assert ("export", "True") in fake_dialogs.asked
    qtbot.waitUntil(lambda: view.io.last_export is not None, timeout=WAIT)
    assert view.io.last_export is not None and view.io.last_export.rows == 1
    ws = load_workbook(tmp_path / "sitti.xlsx")["Pegawai"]
    assert [c.value for c in ws[2]][1:4] == ["199001022015052001", None, "Sitti Nurhayati"]
    assert window.statusBar().currentMessage().startswith("1 pegawai diekspor ke")


def test_closing_the_wizard_while_importing_cancels_and_writes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    populated: tuple[Services, SmallOrg],
    fake_dialogs: FakeDialogs,
    tmp_path: Path,
) -> None:
    services, _ = populated
    big = write_siasn_xlsx(tmp_path / "siasn-5000.xlsx", 5_000, seed=3)
    wizard = window.staff_view.io.start_import(str(big))
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.SHEET, timeout=WAIT)
    _next(qtbot, wizard, ImportWizard.MAPPING)
    _next(qtbot, wizard, ImportWizard.PREVIEW)
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert wizard.task is not None
    wizard.reject()  # the Batal button, or closing the window, while the import runs
    qtbot.waitUntil(lambda: window.staff_view.io.wizard is None, timeout=WAIT)
    assert services.staff.count() == 3
    assert window.staff_view.model.total == 3
