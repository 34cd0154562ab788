"""Pelatihan (training needs after a move: plan, complete, cancel) and Kelompok (batches of
approved proposals that each become one decree: create, add, remove)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_workflow import StatusBatch, StatusPelatihan, StatusUsulan
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.planning_types import (
    BatchInfo,
    KebutuhanPelatihanInfo,
    PelatihanDraft,
    UsulanFilter,
    UsulanInfo,
)
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import fmt_int, tr_label
from mutasi_desktop.ui.planning_models import (
    BatchTableModel,
    ProposalTableModel,
    RowsFilterProxy,
    TrainingTableModel,
    fmt_time,
)
from mutasi_desktop.ui.planning_widgets import (
    FilterChips,
    hint,
    make_table,
    section_title,
    show_error,
)
from mutasi_desktop.ui.widgets import DateField


def _selected(table: QTableView, proxy: RowsFilterProxy) -> list[object]:
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    found = [proxy.row_at(r) for r in rows]
    return [f for f in found if f is not None]


def _select_id(table: QTableView, proxy: RowsFilterProxy, row_id: int) -> bool:
    row = proxy.proxy_row_of(row_id)
    if row is None:
        return False
    table.selectionModel().setCurrentIndex(
        proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    return True


class TrainingPage(QWidget):
    """Competencies and education a person lacks for the target position, and their courses."""

    statusMessage = Signal(str)
    changed = Signal()

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.planning = services.planning
        self.dialogs = dialogs
        self.need: KebutuhanPelatihanInfo | None = None
        self.model = TrainingTableModel(self)
        self.proxy = RowsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Cari pegawai, kompetensi atau pelatihan…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        top.addWidget(self.search, 1)
        root.addLayout(top)
        self.chips = FilterChips([(s.value, tr_label(s.label)) for s in StatusPelatihan])
        self.chips.changed.connect(self._on_chips)
        root.addWidget(self.chips)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        t = TrainingTableModel
        self.table = make_table(
            self.proxy,
            stretch=(t.NAMA, t.TOPIK, t.PELATIHAN),
            widths={t.JENIS: 140, t.STATUS: 96, t.MULAI: 88, t.SELESAI: 88, t.JP: 40},
        )
        self.table.setObjectName("trainingTable")
        for col in (t.PENYELENGGARA, t.USULAN):  # shown in the form beside
            self.table.hideColumn(col)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        ll.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        ll.addWidget(self.count_label)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(10, 0, 6, 6)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        self.subtitle = hint()
        rl.addWidget(self.title)
        rl.addWidget(self.subtitle)
        form = QFormLayout()
        self.nama = QLineEdit()
        self.nama.setPlaceholderText(self.tr("mis. Bimtek Aplikasi SIKS-NG"))
        self.penyelenggara = QLineEdit()
        self.mulai = DateField()
        self.selesai = DateField()
        self.jp = QSpinBox()
        self.jp.setRange(0, 2000)
        self.jp.setSpecialValueText("—")
        form.addRow(self.tr("Nama pelatihan"), self.nama)
        form.addRow(self.tr("Penyelenggara"), self.penyelenggara)
        form.addRow(self.tr("Tanggal mulai"), self.mulai)
        form.addRow(self.tr("Tanggal selesai"), self.selesai)
        form.addRow(self.tr("Jam pelajaran"), self.jp)
        rl.addLayout(form)
        buttons = QHBoxLayout()
        self.plan_button = QPushButton(self.tr("Simpan rencana"))
        self.plan_button.setObjectName("primaryButton")
        self.plan_button.clicked.connect(self.plan)
        self.complete_button = QPushButton(self.tr("Tandai selesai"))
        self.complete_button.setToolTip(
            self.tr("Pelatihan selesai: dicatat pada data pegawai, kompetensinya ditambahkan")
        )
        self.complete_button.clicked.connect(self.complete)
        self.cancel_button = QPushButton(self.tr("Batalkan…"))
        self.cancel_button.clicked.connect(self.cancel)
        for b in (self.plan_button, self.complete_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        rl.addLayout(buttons)
        rl.addWidget(
            hint(
                self.tr(
                    "Kebutuhan pelatihan dibuat otomatis dari usulan mutasi: kompetensi jabatan "
                    "tujuan yang belum dimiliki dan pendidikan di bawah syarat."
                )
            )
        )
        rl.addStretch(1)
        right.setMinimumWidth(380)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([880, 380])
        root.addWidget(split, 1)
        self.chips.set_selected({StatusPelatihan.DIRENCANAKAN.value})
        self._show(None)

    def reload(self) -> None:
        try:
            rows = self.planning.training_needs()
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Pelatihan"), exc)
            return
        self.model.set_rows(rows)
        self._after_change()
        if self.need is not None and _select_id(self.table, self.proxy, self.need.id):
            pos = self.model.row_of(self.need.id)
            self._show(self.model.row_at(pos) if pos is not None else None)
        else:
            self._show(None)

    def _after_change(self) -> None:
        counts: dict[str, int] = {}
        for r in self.model.rows:
            counts[r.status.value] = counts.get(r.status.value, 0) + 1
        self.chips.set_counts({s.value: counts.get(s.value, 0) for s in StatusPelatihan})
        self.count_label.setText(
            self.tr("{n} dari {total} kebutuhan pelatihan").format(
                n=fmt_int(self.proxy.rowCount()), total=fmt_int(self.model.rowCount())
            )
        )

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_change()

    @Slot()
    def _on_chips(self) -> None:
        wanted = self.chips.selected()
        self.proxy.set_predicate((lambda r: r.status.value in wanted) if wanted else None)
        self._after_change()

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.proxy.row_at(current.row()) if current.isValid() else None)

    def _show(self, need: KebutuhanPelatihanInfo | None) -> None:
        self.need = need
        open_ = need is not None and need.status is StatusPelatihan.DIRENCANAKAN
        if need is None:
            self.title.setText(self.tr("Kebutuhan pelatihan"))
            self.subtitle.setText(self.tr("Pilih kebutuhan di daftar."))
        else:
            self.title.setText(f"{need.topik} — {need.nama}")
            bits = [tr_label(need.jenis.label), tr_label(need.status.label)]
            if need.usulan_id:
                bits.append(self.tr("usulan #{id}").format(id=need.usulan_id))
            if need.catatan:
                bits.append(need.catatan)
            self.subtitle.setText(" · ".join(bits))
        self.nama.setText(need.nama_pelatihan or "" if need else "")
        self.penyelenggara.setText(need.penyelenggara or "" if need else "")
        self.mulai.set_value(need.tanggal_mulai if need else None)
        self.selesai.set_value(need.tanggal_selesai if need else None)
        self.jp.setValue(need.jam_pelajaran or 0 if need else 0)
        for w in (self.nama, self.penyelenggara, self.mulai, self.selesai, self.jp):
            w.setEnabled(open_)
        for b in (self.plan_button, self.complete_button, self.cancel_button):
            b.setEnabled(open_)

    def draft(self) -> PelatihanDraft:
        """Raises ValueError for a date that cannot be read."""
        return PelatihanDraft(
            nama_pelatihan=self.nama.text(),
            penyelenggara=self.penyelenggara.text().strip() or None,
            tanggal_mulai=self.mulai.value(),
            tanggal_selesai=self.selesai.value(),
            jam_pelajaran=self.jp.value() or None,
        )

    def _apply(self, info: KebutuhanPelatihanInfo, message: str) -> None:
        self.model.upsert(info)
        self._after_change()
        if not _select_id(self.table, self.proxy, info.id):
            # Filtered out by the chips (done, cancelled): show what is current instead.
            current = self.table.currentIndex()
            self._show(self.proxy.row_at(current.row()) if current.isValid() else None)
        self.statusMessage.emit(message)
        self.changed.emit()

    @Slot()
    def plan(self) -> bool:
        if self.need is None:
            return False
        try:
            draft = self.draft()
        except ValueError:
            self.dialogs.error(self, self.tr("Pelatihan"), self.tr("Tanggal tidak sah."))
            return False
        try:
            info = self.planning.plan_training(self.need.id, draft)
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Rencana pelatihan tidak tersimpan"), exc)
            return False
        self._apply(info, self.tr("Pelatihan direncanakan: {topik}").format(topik=info.topik))
        return True

    @Slot()
    def complete(self) -> bool:
        if self.need is None:
            return False
        try:
            draft = self.draft() if self.nama.text().strip() else None
        except ValueError:
            self.dialogs.error(self, self.tr("Pelatihan"), self.tr("Tanggal tidak sah."))
            return False
        try:
            info = self.planning.complete_training(self.need.id, draft)
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Pelatihan"), exc)
            return False
        self._apply(info, self.tr("Pelatihan selesai: {topik}").format(topik=info.topik))
        return True

    @Slot()
    def cancel(self) -> bool:
        if self.need is None:
            return False
        note = self.dialogs.ask_text(
            self,
            self.tr("Batalkan kebutuhan pelatihan"),
            self.tr("Batalkan kebutuhan “{topik}” untuk {nama}?\nAlasan:").format(
                topik=self.need.topik, nama=self.need.nama
            ),
        )
        if note is None:
            return False
        try:
            info = self.planning.cancel_training(self.need.id, note)
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Pelatihan"), exc)
            return False
        self._apply(
            info, self.tr("Kebutuhan pelatihan dibatalkan: {topik}").format(topik=info.topik)
        )
        return True


class BatchPage(QWidget):
    """Batches of approved proposals; the Surat Keputusan screen makes each into a decree."""

    statusMessage = Signal(str)
    changed = Signal()

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.planning = services.planning
        self.dialogs = dialogs
        self.batch: BatchInfo | None = None
        self.model = BatchTableModel(self)
        self.proxy = RowsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.members = ProposalTableModel(self)
        self.members_proxy = RowsFilterProxy(self)
        self.members_proxy.setSourceModel(self.members)
        self.free = ProposalTableModel(self)
        self.free_proxy = RowsFilterProxy(self)
        self.free_proxy.setSourceModel(self.free)
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 8, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(section_title(self.tr("Kelompok usulan")))
        bar.addStretch(1)
        ll.addLayout(bar)
        bt = BatchTableModel
        self.table = make_table(
            self.proxy,
            stretch=(bt.NAMA,),
            widths={bt.STATUS: 80, bt.JUMLAH: 56, bt.SK: 130},
        )
        self.table.setObjectName("batchTable")
        self.table.hideColumn(bt.DIBUAT)  # in the title beside
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        ll.addWidget(self.table, 1)
        ll.addWidget(
            hint(
                self.tr(
                    "Satu kelompok menjadi satu SK kolektif. Buat SK-nya di bagian Surat "
                    "Keputusan; kelompok yang sudah masuk SK tidak dapat diubah di sini."
                )
            )
        )
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(10, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("detailTitle")
        self.title.setWordWrap(True)
        rl.addWidget(self.title)
        self.subtitle = hint()
        rl.addWidget(self.subtitle)
        self.member_table = self._proposal_table(self.members_proxy)
        rl.addWidget(self.member_table, 1)
        row = QHBoxLayout()
        self.remove_button = QPushButton(self.tr("Keluarkan dari kelompok"))
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        rl.addLayout(row)
        rl.addSpacing(8)
        rl.addWidget(section_title(self.tr("Usulan disetujui yang belum masuk kelompok")))
        self.free_table = self._proposal_table(self.free_proxy)
        self.free_table.selectionModel().selectionChanged.connect(self._update_buttons)
        rl.addWidget(self.free_table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Masukkan ke kelompok ini"))
        self.add_button.clicked.connect(self.add_selected)
        self.new_button = QPushButton(self.tr("Kelompok baru dari pilihan…"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.new_batch)
        row.addWidget(self.add_button)
        row.addWidget(self.new_button)
        row.addStretch(1)
        rl.addLayout(row)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([520, 760])
        root.addWidget(split, 1)
        self.member_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._show(None)

    @staticmethod
    def _proposal_table(proxy: RowsFilterProxy) -> QTableView:
        m = ProposalTableModel
        table = make_table(
            proxy,
            multi=True,
            stretch=(m.ASAL, m.TUJUAN),
            widths={m.NO: 40, m.NAMA: 170, m.STATUS: 84, m.ATURAN: 110},
        )
        for col in (m.KELOMPOK, m.NIP, m.TMT):
            table.hideColumn(col)
        return table

    def reload(self) -> None:
        try:
            batches = self.planning.batches()
            free = [
                u
                for u in self.planning.proposals(
                    UsulanFilter(status=frozenset({StatusUsulan.DISETUJUI}))
                )
                if u.batch_id is None
            ]
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Kelompok usulan"), exc)
            return
        self.model.set_rows(batches)
        self.free.set_rows(free)
        wanted = self.batch.id if self.batch else (batches[-1].id if batches else None)
        if wanted is None or not _select_id(self.table, self.proxy, wanted):
            self._show(None)
        else:
            pos = self.model.row_of(wanted)
            self._show(self.model.row_at(pos) if pos is not None else None)

    @Slot(QModelIndex, QModelIndex)
    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.proxy.row_at(current.row()) if current.isValid() else None)

    def _show(self, batch: BatchInfo | None) -> None:
        self.batch = batch
        if batch is None:
            self.title.setText(self.tr("Belum ada kelompok dipilih"))
            self.subtitle.setText("")
            self.members.set_rows([])
        else:
            bits = [tr_label(batch.status.label), self.tr("{n} usulan").format(n=batch.jumlah)]
            if batch.nomor_sk:
                bits.append(self.tr("SK {nomor}").format(nomor=batch.nomor_sk))
            self.title.setText(batch.nama)
            self.subtitle.setText(
                " · ".join(bits)
                + " · "
                + self.tr("dibuat {waktu} oleh {oleh}").format(
                    waktu=fmt_time(batch.dibuat_pada), oleh=batch.dibuat_oleh
                )
            )
            try:
                rows = self.planning.proposals(UsulanFilter(batch_id=batch.id))
            except DomainError:
                rows = []
            self.members.set_rows(rows)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        open_ = self.batch is not None and self.batch.status is StatusBatch.TERBUKA
        members = self.member_table.selectionModel().selectedRows()
        free = self.free_table.selectionModel().selectedRows()
        self.remove_button.setEnabled(open_ and bool(members))
        self.add_button.setEnabled(open_ and bool(free))
        self.new_button.setEnabled(bool(free))

    def _selected_free(self) -> list[UsulanInfo]:
        return [u for u in _selected(self.free_table, self.free_proxy) if isinstance(u, UsulanInfo)]

    def _after(self, batch: BatchInfo, message: str) -> None:
        self.batch = batch
        self.reload()
        self.statusMessage.emit(message)
        self.changed.emit()

    @Slot()
    def new_batch(self) -> bool:
        chosen = self._selected_free()
        if not chosen:
            return False
        name = self.dialogs.ask_text(
            self,
            self.tr("Kelompok baru"),
            self.tr("Nama kelompok untuk {n} usulan yang dipilih (menjadi satu SK):").format(
                n=fmt_int(len(chosen))
            ),
        )
        if name is None:
            return False
        try:
            batch = self.planning.create_batch(name, [u.id for u in chosen])
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Kelompok tidak dibuat"), exc)
            return False
        self._after(batch, self.tr("Kelompok dibuat: {nama}").format(nama=batch.nama))
        return True

    @Slot()
    def add_selected(self) -> bool:
        chosen = self._selected_free()
        if self.batch is None or not chosen:
            return False
        try:
            batch = self.planning.add_to_batch(self.batch.id, [u.id for u in chosen])
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Kelompok usulan"), exc)
            return False
        self._after(
            batch,
            self.tr("{n} usulan masuk kelompok {nama}").format(
                n=fmt_int(len(chosen)), nama=batch.nama
            ),
        )
        return True

    @Slot()
    def remove_selected(self) -> bool:
        chosen = [
            u for u in _selected(self.member_table, self.members_proxy) if isinstance(u, UsulanInfo)
        ]
        if self.batch is None or not chosen:
            return False
        if not self.dialogs.confirm(
            self,
            self.tr("Keluarkan dari kelompok"),
            self.tr(
                "Keluarkan {n} usulan dari kelompok “{nama}”? Usulannya tetap disetujui."
            ).format(n=fmt_int(len(chosen)), nama=self.batch.nama),
        ):
            return False
        try:
            batch = self.planning.remove_from_batch(self.batch.id, [u.id for u in chosen])
        except DomainError as exc:
            show_error(self.dialogs, self, self.tr("Kelompok usulan"), exc)
            return False
        self._after(batch, self.tr("Dikeluarkan dari kelompok {nama}").format(nama=batch.nama))
        return True
