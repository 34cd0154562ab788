"""Organisation view: the OPD → unit tree with positions and present headcount."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.ui.i18n import fmt_int
from mutasi_desktop.ui.organisation_model import (
    ID_ROLE,
    KIND_ROLE,
    OPD_ROLE,
    OrganisationTreeModel,
)


class OrganisationView(QWidget):
    showStaff = Signal(int, object)

    NAMA, JENIS, KELAS, PEGAWAI = (
        OrganisationTreeModel.NAMA,
        OrganisationTreeModel.JENIS,
        OrganisationTreeModel.KELAS,
        OrganisationTreeModel.PEGAWAI,
    )

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = OrganisationTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        # A matching OPD or unit shows everything under it, not only matching children.
        self.proxy.setAutoAcceptChildRows(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(self.NAMA)
        self._loaded = False
        self._build()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 8)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Cari OPD, unit atau jabatan…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        top.addWidget(self.search, 1)
        self.expand_button = QPushButton(self.tr("Buka semua"))
        self.expand_button.clicked.connect(self._expand_all)
        self.collapse_button = QPushButton(self.tr("Tutup semua"))
        self.collapse_button.clicked.connect(self._collapse_all)
        self.staff_button = QPushButton(self.tr("Lihat pegawai"))
        self.staff_button.setToolTip(self.tr("Buka daftar pegawai unit terpilih"))
        self.staff_button.clicked.connect(self._show_staff)
        for b in (self.expand_button, self.collapse_button, self.staff_button):
            top.addWidget(b)
        root.addLayout(top)
        self.tree = QTreeView()
        self.tree.setObjectName("orgTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setSectionResizeMode(self.NAMA, QHeaderView.ResizeMode.Stretch)
        for col in (self.JENIS, self.KELAS, self.PEGAWAI):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.doubleClicked.connect(self._on_double_click)
        root.addWidget(self.tree, 1)
        self.summary = QLabel()
        self.summary.setObjectName("countLabel")
        root.addWidget(self.summary)

    def showEvent(self, event: QShowEvent) -> None:
        # Built on first view, not at start-up: the register is what a clerk opens the app for.
        if not self._loaded:
            self.reload()
        super().showEvent(event)

    def invalidate(self) -> None:
        """The data changed: reload now if on screen, else when next shown."""
        if self.isVisible():
            self.reload()
        else:
            self._loaded = False

    def reload(self) -> None:
        self._loaded = True
        tree = self.services.organisation.tree()
        self.model.set_tree(tree)
        n_units = sum(len(u.walk()) for opd in tree for u in opd.units)
        n_positions = sum(len(n.positions) for opd in tree for u in opd.units for n in u.walk())
        n_staff = sum(opd.pegawai_total for opd in tree)
        self.summary.setText(
            self.tr("{opd} OPD · {unit} unit kerja · {jabatan} jabatan · {pegawai} pegawai").format(
                opd=fmt_int(len(tree)),
                unit=fmt_int(n_units),
                jabatan=fmt_int(n_positions),
                pegawai=fmt_int(n_staff),
            )
        )

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    @Slot()
    def _expand_all(self) -> None:
        self.tree.expandAll()

    @Slot()
    def _collapse_all(self) -> None:
        self.tree.collapseAll()

    def _target(self, index: QModelIndex) -> tuple[int, int | None] | None:
        if not index.isValid():
            return None
        kind = index.data(KIND_ROLE)
        opd_id = index.data(OPD_ROLE)
        if kind == "opd":
            return opd_id, None
        if kind == "unit":
            return opd_id, index.data(ID_ROLE)
        parent = index.parent()
        return self._target(parent) if parent.isValid() else None

    @Slot()
    def _show_staff(self) -> None:
        target = self._target(self.tree.currentIndex())
        if target is not None:
            self.showStaff.emit(target[0], target[1])

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) in ("opd", "unit"):
            target = self._target(index)
            if target is not None:
                self.showStaff.emit(target[0], target[1])
