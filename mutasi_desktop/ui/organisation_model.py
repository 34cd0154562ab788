"""Tree model of the organisation: OPD → units (any depth) → positions, with headcounts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from mutasi_desktop.domain.jabatan import JenjangJabatan
from mutasi_desktop.services.organisation import OpdNode, UnitNode
from mutasi_desktop.ui.i18n import tr_label

_Index = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "opd" | "unit" | "jabatan"
ID_ROLE = Qt.ItemDataRole.UserRole + 2
OPD_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(eq=False)
class TreeNode:
    kind: str
    ident: int
    opd_id: int
    nama: str
    jenis: str = ""
    kelas: str = ""
    pegawai: int | None = None
    parent: TreeNode | None = None
    children: list[TreeNode] = field(default_factory=list)

    def add(self, child: TreeNode) -> TreeNode:
        child.parent = self
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


class OrganisationTreeModel(QAbstractItemModel):
    NAMA, JENIS, KELAS, PEGAWAI = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = TreeNode("root", 0, 0, "")
        self._headers = [
            self.tr("Nama"),
            self.tr("Jenis / jenjang"),
            self.tr("Kelas"),
            self.tr("Pegawai"),
        ]
        self._unit_label = self.tr("Unit kerja")
        self._bold = QFont()
        self._bold.setBold(True)

    def set_tree(self, opds: list[OpdNode]) -> None:
        self.beginResetModel()
        root = TreeNode("root", 0, 0, "")
        for opd in opds:
            node = root.add(
                TreeNode("opd", opd.id, opd.id, opd.nama, opd.jenis or "", "", opd.pegawai_total)
            )
            for unit in opd.units:
                # The root unit is the OPD's own office: show its content directly under the OPD.
                if unit.nama == opd.nama:
                    self._fill(node, unit, opd.id)
                else:
                    self._add_unit(node, unit, opd.id)
        self._root = root
        self.endResetModel()

    def _add_unit(self, parent: TreeNode, unit: UnitNode, opd_id: int) -> None:
        node = parent.add(
            TreeNode("unit", unit.id, opd_id, unit.nama, self._unit_label, "", unit.pegawai_total)
        )
        self._fill(node, unit, opd_id)

    def _fill(self, parent: TreeNode, unit: UnitNode, opd_id: int) -> None:
        # Children are appended in order, so a node's row is cached as its list position.
        for pos in unit.positions:
            jenjang = tr_label(JenjangJabatan(pos.jenjang).label) if pos.jenjang else pos.jenis
            parent.add(
                TreeNode(
                    "jabatan",
                    pos.id,
                    opd_id,
                    pos.nama,
                    jenjang,
                    str(pos.kelas or ""),
                    pos.pegawai_ada,
                )
            )
        for child in unit.children:
            self._add_unit(parent, child, opd_id)

    # ---- Qt interface ---------------------------------------------------------------------
    def _node(self, index: _Index) -> TreeNode:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, TreeNode)
            return node
        return self._root

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node(parent)
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAMA:
                return node.nama
            if col == self.JENIS:
                return node.jenis
            if col == self.KELAS:
                return node.kelas
            if col == self.PEGAWAI:
                return "" if node.pegawai is None else str(node.pegawai)
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col == self.PEGAWAI:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col == self.KELAS:
                return int(Qt.AlignmentFlag.AlignCenter)
        elif role == Qt.ItemDataRole.FontRole and col == self.NAMA and node.kind == "opd":
            return self._bold
        elif role == KIND_ROLE:
            return node.kind
        elif role == ID_ROLE:
            return node.ident
        elif role == OPD_ROLE:
            return node.opd_id
        return None
