"""Main window: navigation rail, work area, menus with standard shortcuts, status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from mutasi_desktop import APP_NAME, __version__
from mutasi_desktop.config.paths import resource_root
from mutasi_desktop.services.bootstrap import Services, sqlite_version
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import fmt_int
from mutasi_desktop.ui.organisation_view import OrganisationView
from mutasi_desktop.ui.staff_view import StaffRegisterView

if TYPE_CHECKING:
    from mutasi_desktop.ui.abk_view import AbkView
    from mutasi_desktop.ui.planning_view import PlanningView
    from mutasi_desktop.ui.settings_view import SettingsView
    from mutasi_desktop.ui.sk_view import DecreeView


def icon(name: str) -> QIcon:
    return QIcon(str(resource_root() / "icons" / f"{name}.svg"))


class MainWindow(QMainWindow):
    """The shell. Sections other than the register are built (and their modules imported) the
    first time they are opened: a clerk starts the app for the register, and building every
    screen up front cost a third of a second of each start."""

    PEGAWAI, ORGANISASI, BEBAN_KERJA, MUTASI, SURAT_KEPUTUSAN, PENGATURAN = range(6)

    def __init__(self, services: Services, dialogs: Dialogs | None = None) -> None:
        super().__init__()
        self.services = services
        self.dialogs = dialogs or Dialogs()
        self.setWindowTitle(self.tr("Mutasi Desktop — {db}").format(db=services.database.display))
        self.setWindowIcon(icon("aplikasi"))
        self.resize(1360, 820)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navRail")
        self.nav.setFixedWidth(190)
        self.nav.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.staff_view = StaffRegisterView(services, self.dialogs)
        self.org_view = OrganisationView(services)
        self._add_section(self.tr("Pegawai"), "pegawai", self.staff_view)
        self._add_section(self.tr("Organisasi"), "organisasi", self.org_view)
        self._factories: dict[int, Callable[[], QWidget]] = {}
        self._built: dict[int, QWidget] = {}
        self._add_lazy_section(self.tr("Beban Kerja"), "beban-kerja", self._make_abk)
        self._add_lazy_section(self.tr("Mutasi"), "mutasi", self._make_planning)
        self._add_lazy_section(self.tr("Surat Keputusan"), "surat-keputusan", self._make_decrees)
        self._add_lazy_section(self.tr("Pengaturan"), "pengaturan", self._make_settings)
        self.nav.currentRowChanged.connect(self._on_section)
        self.org_view.showStaff.connect(self._show_staff_of_unit)
        self.staff_view.statusMessage.connect(self._show_message)
        self.staff_view.io.imported.connect(self._after_import)
        self.staff_view.countsChanged.connect(self._on_counts)

        self._build_menus()
        self.db_label = QLabel(self.tr("Basis data: {db}").format(db=services.database.display))
        self.count_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.db_label)
        if services.migration.migrated and services.migration.before is not None:
            self._show_message(
                self.tr("Basis data diperbarui ke skema terbaru; cadangan: {f}").format(
                    f=services.migration.backup
                )
            )
        self.nav.setCurrentRow(self.PEGAWAI)
        self._on_counts(self.staff_view.model.rowCount(), self.staff_view.model.total)

    def _add_section(self, title: str, icon_name: str, widget: QWidget) -> None:
        item = QListWidgetItem(icon(icon_name), title)
        item.setSizeHint(QSize(170, 40))
        self.nav.addItem(item)
        self.stack.addWidget(widget)

    def _add_lazy_section(self, title: str, icon_name: str, factory: Callable[[], QWidget]) -> None:
        self._factories[self.nav.count()] = factory
        self._add_section(title, icon_name, QWidget())  # a placeholder until first opened

    def section(self, row: int) -> QWidget:
        """The widget of a section, built now if it has not been opened yet."""
        factory = self._factories.pop(row, None)
        if factory is not None:
            built = factory()
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, built)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self._built[row] = built
        current = self.stack.widget(row)
        assert current is not None
        return current

    def _make_abk(self) -> QWidget:
        from mutasi_desktop.ui.abk_view import AbkView

        view = AbkView(self.services, self.dialogs)
        view.statusMessage.connect(self._show_message)
        return view

    def _make_planning(self) -> QWidget:
        from mutasi_desktop.ui.planning_view import PlanningView

        view = PlanningView(self.services, self.dialogs)
        view.statusMessage.connect(self._show_message)
        return view

    def _make_decrees(self) -> QWidget:
        from mutasi_desktop.ui.sk_view import DecreeView

        view = DecreeView(self.services, self.dialogs)
        view.statusMessage.connect(self._show_message)
        view.openSettings.connect(self._show_settings)
        return view

    def _make_settings(self) -> QWidget:
        from mutasi_desktop.ui.settings_view import SettingsView

        view = SettingsView(self.services, self.dialogs)
        view.statusMessage.connect(self._show_message)
        view.saved.connect(self._after_settings)
        return view

    @property
    def abk_view(self) -> AbkView:
        return self.section(self.BEBAN_KERJA)  # type: ignore[return-value]

    @property
    def planning_view(self) -> PlanningView:
        return self.section(self.MUTASI)  # type: ignore[return-value]

    @property
    def sk_view(self) -> DecreeView:
        return self.section(self.SURAT_KEPUTUSAN)  # type: ignore[return-value]

    @property
    def settings_view(self) -> SettingsView:
        return self.section(self.PENGATURAN)  # type: ignore[return-value]

    def _built_views(self) -> list[QWidget]:
        return list(self._built.values())

    @Slot()
    def _show_settings(self) -> None:
        self.nav.setCurrentRow(self.PENGATURAN)

    @Slot(object)
    def _after_settings(self, _settings: object) -> None:
        if self.SURAT_KEPUTUSAN in self._built:
            self.sk_view.reload()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Berkas"))
        self.quit_action = QAction(self.tr("&Keluar"), self)
        # StandardKey.Quit is empty on Windows; clerks expect Ctrl+Q everywhere.
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.reload_action = QAction(self.tr("&Muat ulang data"), self)
        self.reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.reload_action.triggered.connect(self.reload)
        file_menu.addAction(self.staff_view.io.import_action)
        file_menu.addAction(self.staff_view.io.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu(self.tr("&Sunting"))
        sv = self.staff_view
        for act in (sv.undo_action, sv.find_action):
            edit_menu.addAction(act)

        staff_menu = bar.addMenu(self.tr("&Pegawai"))
        for act in (sv.add_action, sv.save_action):
            staff_menu.addAction(act)
        staff_menu.addSeparator()
        staff_menu.addAction(sv.deactivate_action)
        staff_menu.addAction(sv.reactivate_action)

        view_menu = bar.addMenu(self.tr("&Tampilan"))
        for row, key in (
            (self.PEGAWAI, "Ctrl+1"),
            (self.ORGANISASI, "Ctrl+2"),
            (self.BEBAN_KERJA, "Ctrl+3"),
            (self.MUTASI, "Ctrl+4"),
        ):
            act = QAction(self.nav.item(row).text(), self)
            act.setShortcut(QKeySequence(key))
            act.setData(row)
            act.triggered.connect(self._go_to_section)
            view_menu.addAction(act)

        help_menu = bar.addMenu(self.tr("Ban&tuan"))
        self.about_action = QAction(self.tr("&Tentang Mutasi Desktop"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    @Slot()
    def _go_to_section(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.nav.setCurrentRow(int(action.data()))

    @Slot(int)
    def _on_section(self, row: int) -> None:
        self.section(row)
        self.stack.setCurrentIndex(row)
        self.staff_view.setEnabled(True)
        if row == self.PEGAWAI:
            self.staff_view.search.setFocus()

    @Slot(int, object)
    def _show_staff_of_unit(self, opd_id: int, unit_id: int | None) -> None:
        self.nav.setCurrentRow(self.PEGAWAI)
        self.staff_view.show_unit(opd_id, unit_id)

    @Slot(str)
    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    @Slot(int, int)
    def _on_counts(self, visible: int, total: int) -> None:
        self.count_label.setText(self.tr("{n} pegawai").format(n=fmt_int(total)))

    @Slot(object)
    def _after_import(self, _result: object) -> None:
        self.org_view.invalidate()  # the import may have created OPDs, units and positions
        self._invalidate_built()  # … and changed who holds which position

    @Slot()
    def reload(self) -> None:
        self.staff_view.reload()
        self.org_view.invalidate()
        self._invalidate_built()

    def _invalidate_built(self) -> None:
        for view in self._built_views():
            invalidate = getattr(view, "invalidate", None)
            if invalidate is not None:
                invalidate()

    def about_text(self) -> str:
        return self.tr(
            "<h3>{app} {version}</h3>"
            "<p>Aplikasi luring untuk BKPSDM: data ASN (PNS dan PPPK), analisis beban kerja, "
            "perencanaan mutasi dan surat keputusan.</p>"
            "<p>Basis data: {db}<br>SQLite {sqlite}</p>"
        ).format(
            app=APP_NAME,
            version=__version__,
            db=self.services.database.display,
            sqlite=sqlite_version(),
        )

    @Slot()
    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Tentang Mutasi Desktop"))
        box.setIconPixmap(icon("aplikasi").pixmap(64, 64))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.open()  # non-blocking: also safe under tests

    def closeEvent(self, event: QCloseEvent) -> None:
        # Only sections that were opened can hold unsaved edits or running work.
        views = self._built_views()
        if (
            self.staff_view.can_close()
            and all(getattr(v, "can_close", lambda: True)() for v in views)
            and not any(getattr(v, "busy", lambda: False)() for v in views)
        ):
            event.accept()
        else:
            event.ignore()
