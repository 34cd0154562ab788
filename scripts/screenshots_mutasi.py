#!/usr/bin/env python3
"""Render the Mutasi screens of a demo database to PNG for docs/ (offscreen; inside the venv).

python scripts/screenshots_mutasi.py DEMO.sqlite3 OUT_DIR

Works on a temporary copy (the database given is not changed): adds a few proposals at
different steps and objections with different deadlines, then drives the screens like a clerk.
The clock is the demo date plus 20 days, so the demo's objection is overdue.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from mutasi_desktop.domain.mutasi_workflow import Langkah, StatusKeberatan
from mutasi_desktop.services.bootstrap import Services, open_services
from mutasi_desktop.services.context import Actor
from mutasi_desktop.services.demo import DEFAULT_AS_OF
from mutasi_desktop.services.planning_types import KeberatanDraft, PelatihanDraft, UsulanDraft
from mutasi_desktop.ui.dialogs import Dialogs
from mutasi_desktop.ui.i18n import install_translators
from mutasi_desktop.ui.main_window import MainWindow
from mutasi_desktop.ui.planning_models import Keputusan
from mutasi_desktop.ui.style import STYLESHEET

TODAY = DEFAULT_AS_OF + timedelta(days=20)
REASON = "Dibahas di forum konsultasi; kebutuhan organisasi di tempat tujuan mendesak"


class ScriptedDialogs(Dialogs):
    """Answers every question the way a clerk would for these pictures."""

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str:
        return REASON

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        return True

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        print(f"error: {title}: {text}", file=sys.stderr)


def _stage(svc: Services) -> int:
    """Proposals at several steps and objections with different clocks; the id of a draft
    whose warning is still unanswered."""
    p = svc.planning
    plan = p.recommend()
    made = [c.usulan for c in p.accept_moves(plan, [m.id for m in plan.moves[:6]])]
    for u in made[:3]:
        for r in p.get(u.id).belum_dialasankan:
            p.override(u.id, r.code, REASON)
    p.step_many([u.id for u in made[:3]], Langkah.VERIFIKASI)
    p.step(made[0].id, Langkah.SETUJUI)
    p.step(made[5].id, Langkah.TARIK, "Pegawai mengajukan keberatan di forum")
    warned = next(m for m in plan.moves[6:] if m.peringatan)
    draft = p.create(
        UsulanDraft(
            pegawai_id=warned.pegawai_id,
            jabatan_tujuan_id=warned.tujuan.jabatan_id,
            alasan="Mengisi kekurangan sesuai hasil ABK",
        )
    ).usulan
    people = [m.pegawai_id for m in plan.moves[8:11]]
    sk = DEFAULT_AS_OF - timedelta(days=12)
    # Filed in time; answers due in 2 days (amber) and in 19 days.
    for pid, filed, nomor in (
        (people[0], TODAY - timedelta(days=19), "800.1.3.1/395/BKPSDM/X/2026"),
        (people[1], TODAY - timedelta(days=2), "800.1.3.1/412/BKPSDM/XI/2026"),
    ):
        p.save_objection(
            KeberatanDraft(
                pegawai_id=pid,
                tanggal_sk=filed - timedelta(days=6),
                tanggal_diajukan=filed,
                isi="Keberatan atas penempatan yang jauh dari tempat tinggal keluarga.",
                nomor_sk=nomor,
            )
        )
    answered = p.save_objection(
        KeberatanDraft(
            pegawai_id=people[2],
            tanggal_sk=sk,
            tanggal_diajukan=sk + timedelta(days=5),
            isi="Memohon penempatan di wilayah Kota Mamuju.",
            nomor_sk="800.1.3.1/392/BKPSDM/X/2026",
        )
    )
    p.answer_objection(
        answered.id,
        tanggal_jawaban=TODAY - timedelta(days=3),
        hasil=StatusKeberatan.DITERIMA,
        jawaban="Dikabulkan; penempatan disesuaikan.",
    )
    needs = p.training_needs()
    if len(needs) > 1:
        p.plan_training(
            needs[1].id,
            PelatihanDraft(
                nama_pelatihan=f"Diklat {needs[1].topik}",
                penyelenggara="BKPSDM Kabupaten Mamuju",
                tanggal_mulai=TODAY + timedelta(days=10),
                tanggal_selesai=TODAY + timedelta(days=12),
                jam_pelajaran=16,
            ),
        )
    return draft.id


def main() -> int:
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="mutasi-shots-"))
    db = work / "demo.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{db}{suffix}")
    app = QApplication(sys.argv[:1])
    install_translators(app)
    app.setStyleSheet(STYLESHEET)
    svc = open_services(db)
    svc.ctx.clock = lambda: datetime.combine(TODAY, time(9), tzinfo=UTC)
    svc.ctx.actor = Actor("operator.bkpsdm")
    warned_id = _stage(svc)
    win = MainWindow(svc, ScriptedDialogs())
    win.resize(1440, 860)
    win.show()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shot(name: str) -> None:
        settle()
        win.grab().save(str(out / f"{name}.png"))

    win.nav.setCurrentRow(win.MUTASI)
    view = win.planning_view
    page = view.proposals
    page.select_ids([warned_id])
    shot("mutasi-usulan")

    # A new proposal checked live: a person of the plan with two findings, one answered.
    plan = svc.planning.recommend()
    move = next(m for m in plan.moves if len(m.aturan) >= 2 and m.peringatan)
    page.new_proposal()
    editor = page.editor
    editor.picker.search(move.nip)
    editor.picker.pick(0)
    editor.select_target(move.tujuan.unit_id, move.tujuan.jabatan_id)
    editor.alasan.setPlainText(f"Mengisi kekurangan {move.tujuan.jabatan} menurut ABK 2026")
    editor.run_check()
    editor.override(move.peringatan[0].code)
    shot("mutasi-usulan-baru")
    editor.clear()

    view.tabs.setCurrentIndex(view.REKOMENDASI)
    opt = view.optimiser
    opt.run()
    while opt.busy():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    rows = opt.moves.rows
    for m in rows[:3]:
        opt.moves.decide(m.id, Keputusan.TERIMA)
    opt.moves.decide(rows[3].id, Keputusan.TOLAK)
    with_warning = next((i for i, m in enumerate(rows) if m.peringatan), 0)
    opt.move_table.selectRow(with_warning)
    shot("mutasi-rekomendasi")
    opd = rows[0].tujuan.opd
    row = next(
        i for i in range(opt.balance_proxy.rowCount()) if opt.balance_proxy.row_at(i).nama == opd
    )
    opt._drill(opt.balance_proxy.index(row, 0))
    opt.results.setSizes([250, 420])
    shot("mutasi-rekomendasi-neraca")

    view.tabs.setCurrentIndex(view.KONSULTASI)
    shot("mutasi-konsultasi")
    cons = view.consultation
    cons.inner.setCurrentIndex(1)
    calm = next(k for k in cons.objection_model.rows if k.tenggat.value == "aman")
    cons._select(cons.objection_table, cons.objection_proxy, calm.id)
    shot("mutasi-keberatan")

    view.tabs.setCurrentIndex(view.PELATIHAN)
    training = view.training
    training.table.selectRow(0)
    training.nama.setText("Bimtek " + (training.need.topik if training.need else ""))
    training.penyelenggara.setText("BPSDM Provinsi Sulawesi Barat")
    training.mulai.setText("08-12-2026")
    training.selesai.setText("10-12-2026")
    training.jp.setValue(24)
    shot("mutasi-pelatihan")

    view.tabs.setCurrentIndex(view.KELOMPOK)
    view.batches.free_table.selectRow(0)
    shot("mutasi-kelompok")

    win.close()
    svc.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
