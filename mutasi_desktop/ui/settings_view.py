"""Pengaturan: the regency, its officials and how decrees look and are numbered."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.penomoran import PolaNomor
from mutasi_desktop.domain.sk import (
    GayaDiktum,
    Huruf,
    JenisSpmt,
    Kertas,
    ModePenandatangan,
    Pejabat,
    PengaturanSk,
)
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import problem_text


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(x.strip() for x in edit.toPlainText().splitlines() if x.strip())


class SettingsView(QWidget):
    """Regency settings for decrees; the first run starts here."""

    saved = Signal(object)
    statusMessage = Signal(str)

    def __init__(self, services: Services, dialogs: Dialogs, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.dialogs = dialogs
        self._loaded = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        title = QLabel(self.tr("Pengaturan daerah dan surat keputusan"))
        title.setObjectName("detailTitle")
        outer.addWidget(title)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        lay = QVBoxLayout(inner)
        scroll.setWidget(inner)
        outer.addWidget(scroll, 1)

        region = QGroupBox(self.tr("Daerah dan pejabat"))
        f = QFormLayout(region)
        self.daerah = QLineEdit()
        self.daerah.setPlaceholderText(self.tr("Kabupaten Mamuju"))
        self.provinsi = QLineEdit()
        self.ibu_kota = QLineEdit()
        self.bupati = QLineEdit()
        self.bupati.setPlaceholderText(self.tr("nama seperti ditulis di bawah tanda tangan"))
        self.wakil = QLineEdit()
        self.sekda_nama = QLineEdit()
        self.sekda_nip = QLineEdit()
        self.sekda_gol = QLineEdit()
        self.sekda_gol.setPlaceholderText(self.tr("mis. IV/c"))
        self.tempat = QLineEdit()
        self.tempat.setPlaceholderText(self.tr("bawaan: ibu kota"))
        self.mode = QComboBox()
        for mode, label in (
            (ModePenandatangan.BUPATI, self.tr("Bupati")),
            (ModePenandatangan.PLT, self.tr("Plt. Bupati")),
            (ModePenandatangan.PLH, self.tr("Plh. Bupati")),
            (ModePenandatangan.AN_SEKDA, self.tr("a.n. Bupati, Sekretaris Daerah")),
        ):
            self.mode.addItem(label, mode.value)
        self.pengganti = QLineEdit()
        f.addRow(self.tr("Nama daerah"), self.daerah)
        f.addRow(self.tr("Provinsi"), self.provinsi)
        f.addRow(self.tr("Ibu kota"), self.ibu_kota)
        f.addRow(self.tr("Bupati"), self.bupati)
        f.addRow(self.tr("Wakil Bupati"), self.wakil)
        f.addRow(self.tr("Sekretaris Daerah"), self.sekda_nama)
        f.addRow(self.tr("NIP Sekretaris Daerah"), self.sekda_nip)
        f.addRow(self.tr("Golongan Sekretaris Daerah"), self.sekda_gol)
        f.addRow(self.tr("Ditetapkan di"), self.tempat)
        f.addRow(self.tr("Penanda tangan SK"), self.mode)
        f.addRow(self.tr("Nama pejabat Plt./Plh."), self.pengganti)
        lay.addWidget(region)

        paper = QGroupBox(self.tr("Kertas dan huruf"))
        p = QFormLayout(paper)
        self.kertas = QComboBox()
        self.kertas.addItem(self.tr("F4 (215 × 330 mm)"), Kertas.F4.value)
        self.kertas.addItem(self.tr("A4 (210 × 297 mm)"), Kertas.A4.value)
        self.huruf = QComboBox()
        for h in Huruf:
            self.huruf.addItem(h.label, h.value)
        self.ukuran = QDoubleSpinBox()
        self.ukuran.setRange(10, 13)
        self.ukuran.setSingleStep(0.5)
        self.margins = [QDoubleSpinBox() for _ in range(4)]
        margin_row = QHBoxLayout()
        for spin, label in zip(
            self.margins,
            (self.tr("atas"), self.tr("bawah"), self.tr("kiri"), self.tr("kanan")),
            strict=True,
        ):
            spin.setRange(5, 60)
            spin.setSuffix(" mm")
            margin_row.addWidget(QLabel(label))
            margin_row.addWidget(spin)
        p.addRow(self.tr("Kertas"), self.kertas)
        p.addRow(self.tr("Huruf"), self.huruf)
        p.addRow(self.tr("Ukuran huruf (pt)"), self.ukuran)
        p.addRow(self.tr("Batas tepi"), margin_row)
        logo_row = QHBoxLayout()
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(64, 64)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_button = QPushButton(self.tr("Pilih gambar…"))
        self.logo_button.clicked.connect(self.choose_logo)
        self.logo_remove = QPushButton(self.tr("Hapus logo"))
        self.logo_remove.clicked.connect(self.remove_logo)
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_remove)
        logo_row.addStretch(1)
        p.addRow(self.tr("Lambang (PNG/JPEG)"), logo_row)
        lay.addWidget(paper)

        numbering = QGroupBox(self.tr("Penomoran dan susunan"))
        n = QFormLayout(numbering)
        self.pola = QLineEdit()
        self.pola.textChanged.connect(self._update_example)
        self.kode = QLineEdit()
        self.kode.textChanged.connect(self._update_example)
        self.unit = QLineEdit()
        self.unit.textChanged.connect(self._update_example)
        self.seri = QCheckBox(self.tr("Nomor urut terpisah untuk setiap kode klasifikasi"))
        self.example = QLabel("")
        self.example.setObjectName("hint")
        self.example.setWordWrap(True)
        self.gaya = QComboBox()
        self.gaya.addItem(self.tr("KESATU, KEDUA, …"), GayaDiktum.KESATU.value)
        self.gaya.addItem(self.tr("PERTAMA, KEDUA, …"), GayaDiktum.PERTAMA.value)
        self.spmt = QComboBox()
        for kind, label in (
            (JenisSpmt.PERNYATAAN, self.tr("Surat Pernyataan Melaksanakan Tugas")),
            (JenisSpmt.PERINTAH, self.tr("Surat Perintah Melaksanakan Tugas")),
            (JenisSpmt.KEDUANYA, self.tr("Keduanya")),
            (JenisSpmt.TIDAK, self.tr("Tidak dibuat")),
        ):
            self.spmt.addItem(label, kind.value)
        n.addRow(self.tr("Pola nomor"), self.pola)
        n.addRow("", self.example)
        tokens = QLabel(
            self.tr("Token: {kode} {urut} {urut:3} {unit} {bulan} (romawi) {bulan_angka} {tahun}")
        )
        tokens.setObjectName("hint")
        n.addRow("", tokens)
        n.addRow(self.tr("Kode klasifikasi"), self.kode)
        n.addRow(self.tr("Kode unit"), self.unit)
        n.addRow("", self.seri)
        n.addRow(self.tr("Label diktum"), self.gaya)
        n.addRow(self.tr("Surat sesudah SK"), self.spmt)
        lay.addWidget(numbering)

        lists = QGroupBox(self.tr("Daftar (satu butir per baris; kosong = isi bawaan templat)"))
        li = QFormLayout(lists)
        self.mengingat = QPlainTextEdit()
        self.tembusan = QPlainTextEdit()
        self.tembusan_petikan = QPlainTextEdit()
        self.tembusan_spmt = QPlainTextEdit()
        for edit in (self.mengingat, self.tembusan, self.tembusan_petikan, self.tembusan_spmt):
            edit.setMinimumHeight(110)
            edit.setTabChangesFocus(True)
        li.addRow(self.tr("Mengingat"), self.mengingat)
        li.addRow(self.tr("Tembusan SK"), self.tembusan)
        li.addRow(self.tr("Tembusan petikan"), self.tembusan_petikan)
        li.addRow(self.tr("Tembusan SPMT"), self.tembusan_spmt)
        lay.addWidget(lists)
        lay.addStretch(1)

        bar = QHBoxLayout()
        bar.addStretch(1)
        self.reset_button = QPushButton(self.tr("Kembalikan"))
        self.reset_button.clicked.connect(self.load)
        self.save_button = QPushButton(self.tr("Simpan pengaturan"))
        self.save_button.setObjectName("primaryButton")
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.reset_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.load()

    @Slot()
    def load(self) -> None:
        self._loaded = True
        p = self.services.settings.get()
        lists = self.services.settings.effective_lists(p)
        self.daerah.setText(p.daerah)
        self.provinsi.setText(p.provinsi)
        self.ibu_kota.setText(p.ibu_kota)
        self.bupati.setText(p.bupati)
        self.wakil.setText(p.wakil_bupati)
        self.sekda_nama.setText(p.sekda.nama)
        self.sekda_nip.setText(p.sekda.nip)
        self.sekda_gol.setText(p.sekda.golongan)
        self.tempat.setText(p.tempat)
        self.mode.setCurrentIndex(max(self.mode.findData(p.mode_penandatangan.value), 0))
        self.pengganti.setText(p.pejabat_pengganti)
        self.kertas.setCurrentIndex(max(self.kertas.findData(p.kertas.value), 0))
        self.huruf.setCurrentIndex(max(self.huruf.findData(p.huruf.value), 0))
        self.ukuran.setValue(p.ukuran_huruf)
        for spin, value in zip(self.margins, p.margin, strict=True):
            spin.setValue(value)
        self.pola.setText(p.pola_nomor)
        self.kode.setText(p.kode_klasifikasi)
        self.unit.setText(p.kode_unit)
        self.seri.setChecked(p.seri_per_kode)
        self.gaya.setCurrentIndex(max(self.gaya.findData(p.gaya_diktum.value), 0))
        self.spmt.setCurrentIndex(max(self.spmt.findData(p.jenis_spmt.value), 0))
        self.mengingat.setPlainText("\n".join(lists["mengingat"]))
        self.tembusan.setPlainText("\n".join(lists["tembusan"]))
        self.tembusan_petikan.setPlainText("\n".join(lists["tembusan_petikan"]))
        self.tembusan_spmt.setPlainText("\n".join(lists["tembusan_spmt"]))
        self._show_logo(self.services.settings.logo())
        self._update_example()

    def current(self) -> PengaturanSk:
        """The settings as typed in the form."""
        base = self.services.settings.get()
        return dataclasses.replace(
            base,
            daerah=self.daerah.text().strip(),
            provinsi=self.provinsi.text().strip(),
            ibu_kota=self.ibu_kota.text().strip(),
            bupati=self.bupati.text().strip(),
            wakil_bupati=self.wakil.text().strip(),
            sekda=Pejabat(
                self.sekda_nama.text().strip(),
                "".join(self.sekda_nip.text().split()),
                self.sekda_gol.text().strip(),
                base.sekda.jabatan or "Sekretaris Daerah",
            ),
            tempat=self.tempat.text().strip(),
            mode_penandatangan=ModePenandatangan(self.mode.currentData()),
            pejabat_pengganti=self.pengganti.text().strip(),
            kertas=Kertas(self.kertas.currentData()),
            huruf=Huruf(self.huruf.currentData()),
            ukuran_huruf=float(self.ukuran.value()),
            margin=(
                self.margins[0].value(),
                self.margins[1].value(),
                self.margins[2].value(),
                self.margins[3].value(),
            ),
            pola_nomor=self.pola.text().strip(),
            kode_klasifikasi=self.kode.text().strip(),
            kode_unit=self.unit.text().strip(),
            seri_per_kode=self.seri.isChecked(),
            gaya_diktum=GayaDiktum(self.gaya.currentData()),
            jenis_spmt=JenisSpmt(self.spmt.currentData()),
            mengingat=_lines(self.mengingat),
            tembusan=_lines(self.tembusan),
            tembusan_petikan=_lines(self.tembusan_petikan),
            tembusan_spmt=_lines(self.tembusan_spmt),
        )

    @Slot()
    def save(self) -> bool:
        try:
            saved = self.services.settings.save(self.current())
        except DomainError as exc:
            self.dialogs.error(
                self,
                self.tr("Pengaturan"),
                "\n".join(problem_text(p) for p in exc.problems),
            )
            return False
        self.statusMessage.emit(self.tr("Pengaturan disimpan."))
        self.saved.emit(saved)
        return True

    @Slot()
    def _update_example(self) -> None:
        try:
            pola = PolaNomor.parse(self.pola.text())
            text = self.tr("Contoh: {nomor}").format(
                nomor=pola.contoh(self.kode.text().strip(), self.unit.text().strip())
            )
        except DomainError as exc:
            text = problem_text(exc.problems[0])
        except ValueError:
            text = self.tr("Kode klasifikasi atau kode unit berisi tanda yang tidak boleh.")
        self.example.setText(text)

    @Slot()
    def choose_logo(self) -> None:
        path = self.dialogs.open_file(
            self, self.tr("Pilih lambang daerah"), self.tr("Gambar (*.png *.jpg *.jpeg)")
        )
        if not path:
            return
        try:
            data = Path(path).read_bytes()
            self.services.settings.set_logo(data)
        except DomainError as exc:
            self.dialogs.error(self, self.tr("Pengaturan"), problem_text(exc.problems[0]))
            return
        except OSError as exc:
            self.dialogs.error(self, self.tr("Pengaturan"), str(exc))
            return
        self._show_logo(data)
        self.statusMessage.emit(self.tr("Lambang disimpan."))

    @Slot()
    def remove_logo(self) -> None:
        self.services.settings.set_logo(None)
        self._show_logo(None)

    def _show_logo(self, data: bytes | None) -> None:
        self.logo_remove.setEnabled(bool(data))
        if not data:
            self.logo_preview.setText(self.tr("(tanpa lambang)"))
            self.logo_preview.setPixmap(QPixmap())
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.logo_preview.setPixmap(
            pixmap.scaled(
                64,
                64,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
