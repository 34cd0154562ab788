"""Mutasi: the optimiser run from the GUI and its verdicts turned into proposals, the proposal
editor's live rule checks and written overrides, workflow steps, consultation and objections
with their deadlines, training needs and batches — on the demo regency in a real SQLite file."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mutasi_desktop.domain.mutasi_workflow import (
    Langkah,
    StatusKeberatan,
    StatusPelatihan,
    StatusUsulan,
    SumberUsulan,
    Tenggat,
)
from mutasi_desktop.services.bootstrap import Services, open_services
from mutasi_desktop.services.context import Actor
from mutasi_desktop.services.demo import DEFAULT_AS_OF, build_demo
from mutasi_desktop.services.planning import MIN_ALASAN
from mutasi_desktop.services.planning_types import PlanMove, UsulanDraft, UsulanFilter
from mutasi_desktop.services.staff import StaffFilter
from mutasi_desktop.ui.dialogs import SaveChoice
from mutasi_desktop.ui.i18n import tr_message
from mutasi_desktop.ui.main_window import MainWindow
from mutasi_desktop.ui.planning_models import (
    TENGGAT_BACKGROUNDS,
    AspirationTableModel,
    BalanceTableModel,
    BatchTableModel,
    ForumTableModel,
    HistoryTableModel,
    Keputusan,
    MoveTableModel,
    ObjectionTableModel,
    ProposalTableModel,
    SkippedTableModel,
    TrainingTableModel,
)
from mutasi_desktop.ui.planning_view import PlanningView
from mutasi_desktop.ui.planning_widgets import _PeopleModel
from mutasi_desktop.ui.style import SHORTAGE
from support_ui import FakeDialogs

STAFF = 1000
WAIT = 30_000
USER = "penguji.bkpsdm"


def _clock(day: date) -> datetime:
    return datetime.combine(day, time(8), tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo regency (1,000 staff, its forum, objection and approved batch), built once."""
    folder = tmp_path_factory.mktemp("mutasi-demo")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MUTASI_DATA_DIR", str(folder / "data"))
        svc = open_services(folder / "demo.sqlite3")
        svc.ctx.clock = lambda: _clock(DEFAULT_AS_OF)
        build_demo(svc.ctx, staff=STAFF, seed=2026)
        svc.close()
    return folder / "demo.sqlite3"


def _open_copy(demo_file: Path, tmp_path: Path, today: date) -> Services:
    path = tmp_path / "demo.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{demo_file}{suffix}")
        if src.exists():
            shutil.copy(src, f"{path}{suffix}")
    svc = open_services(path)
    svc.ctx.clock = lambda: _clock(today)
    svc.ctx.actor = Actor(USER)
    return svc


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Services]:
    svc = _open_copy(demo_file, tmp_path, DEFAULT_AS_OF)
    try:
        yield svc
    finally:
        svc.close()


def _window(qtbot: QtBot, services: Services, dialogs: FakeDialogs) -> MainWindow:
    win = MainWindow(services, dialogs)
    qtbot.addWidget(win)
    win.resize(1440, 860)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.nav.setCurrentRow(win.MUTASI)
    return win


@pytest.fixture
def mutasi(qtbot: QtBot, demo: Services, fake_dialogs: FakeDialogs) -> Iterator[PlanningView]:
    win = _window(qtbot, demo, fake_dialogs)  # held here: the view lives as long as the test
    assert win.stack.currentWidget() is win.planning_view
    yield win.planning_view


def _check(model: object, index: QModelIndex, on: bool) -> None:
    from PySide6.QtCore import QAbstractItemModel

    assert isinstance(model, QAbstractItemModel)
    state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
    assert model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)


def _colour(value: object) -> str:
    assert isinstance(value, QBrush)
    return value.color().name()


def test_ctrl_4_opens_mutasi_and_enter_opens_the_selected_proposal(
    qtbot: QtBot, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    win = _window(qtbot, demo, fake_dialogs)
    win.nav.setCurrentRow(win.PEGAWAI)
    qtbot.keyClick(win, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert win.stack.currentWidget() is win.planning_view
    assert win.nav.item(win.MUTASI).text() == "Mutasi"
    page = win.planning_view.proposals
    assert page.model.rowCount() == 2  # the demo's approved batch
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.editor.detail is not None
    assert page.editor.detail.usulan.id == page.proxy.row_at(0).id
    assert page.editor.tabs.hasFocus()  # approved: read-only, the history has the focus


# ------------------------------------------------------------------------------ optimiser


def test_optimiser_from_the_gui_accept_two_reject_one_makes_two_proposals(
    qtbot: QtBot, mutasi: PlanningView, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    page = mutasi.optimiser
    mutasi.tabs.setCurrentIndex(mutasi.REKOMENDASI)
    assert page.empty.isVisible() and not page.results.isVisible()
    assert page.year_combo.currentData() == DEFAULT_AS_OF.year

    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.plan is not None and not page.busy(), timeout=WAIT)
    plan = page.plan
    assert plan is not None and plan.status == "optimal" and plan.gap == 0.0
    assert len(plan.moves) >= 3 and fake_dialogs.errors == []
    # The summary: moves, shortage before → after, gap, solver status.
    assert page.fig_moves.value.text() == str(len(plan.moves))
    assert str(plan.kekurangan_sebelum) in page.fig_kurang.value.text().replace(".", "")
    assert page.fig_gap.value.text().startswith("0")
    assert "optimal" in page.fig_status.value.text()
    # Every move explains itself: the details pane shows its reasons and rule checks.
    first = page.moves_proxy.row_at(0)
    assert isinstance(first, PlanMove)
    assert first.alasan[0] in page.explain.toPlainText()
    assert "Pemeriksaan aturan" in page.explain.toPlainText()
    # The balance before and after, per OPD, with the plan's own total.
    assert page.balance.rowCount() == len(plan.balance.opd)
    opd_short = page.balance.index(0, BalanceTableModel.KURANG_SEBELUM)
    assert opd_short.data() is not None

    # Accept two moves (the Terima button, the Terima check box), reject a third (Tolak box).
    a, b, c = (page.moves_proxy.row_at(i) for i in range(3))
    assert isinstance(a, PlanMove) and isinstance(b, PlanMove) and isinstance(c, PlanMove)
    page.move_table.selectRow(0)
    qtbot.mouseClick(page.accept_button, Qt.MouseButton.LeftButton)
    _check(page.moves_proxy, page.moves_proxy.index(1, MoveTableModel.TERIMA), True)
    _check(page.moves_proxy, page.moves_proxy.index(2, MoveTableModel.TOLAK), True)
    assert page.moves.decisions == {
        a.id: Keputusan.TERIMA,
        b.id: Keputusan.TERIMA,
        c.id: Keputusan.TOLAK,
    }
    # One box excludes the other.
    _check(page.moves_proxy, page.moves_proxy.index(2, MoveTableModel.TERIMA), True)
    _check(page.moves_proxy, page.moves_proxy.index(2, MoveTableModel.TOLAK), True)
    assert page.moves.decisions[c.id] is Keputusan.TOLAK
    assert "(2)" in page.create_button.text() and page.create_button.isEnabled()

    # Re-plan: the rejected move is gone, the accepted two are kept (locked).
    qtbot.mouseClick(page.rerun_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.plan is not plan and not page.busy(), timeout=WAIT)
    replanned = page.plan
    assert replanned is not None
    pairs = {(m.pegawai_id, m.tujuan.jabatan_id) for m in replanned.moves}
    assert (c.pegawai_id, c.tujuan.jabatan_id) not in pairs
    assert (c.pegawai_id, c.tujuan.jabatan_id) in replanned.options.ditolak
    kept = {m.id for m in replanned.moves if m.terkunci}
    assert kept == {a.id, b.id}
    assert {m.id for m in page.moves.chosen(Keputusan.TERIMA)} == {a.id, b.id}

    # Make the proposals; they are drafts from the optimiser, in the database.
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == []
    made = demo.planning.proposals(UsulanFilter(sumber=SumberUsulan.OPTIMISER))
    assert {(u.pegawai_id, u.tujuan.jabatan_id if u.tujuan else None) for u in made} == {
        (a.pegawai_id, a.tujuan.jabatan_id),
        (b.pegawai_id, b.tujuan.jabatan_id),
    }
    assert {u.status for u in made} == {StatusUsulan.DRAF}
    assert not demo.planning.proposals(UsulanFilter(pegawai_id=c.pegawai_id)) or all(
        u.tujuan is None or u.tujuan.jabatan_id != c.tujuan.jabatan_id
        for u in demo.planning.proposals(UsulanFilter(pegawai_id=c.pegawai_id))
    )
    assert set(page.moves.created) == {a.id, b.id}
    assert not page.create_button.isEnabled()
    assert (
        "Sudah menjadi usulan"
        in page.moves.index(page.moves.row_of(a.id) or 0, MoveTableModel.ALASAN).data()
    )

    # … and they appear in the Usulan tab.
    mutasi.tabs.setCurrentIndex(mutasi.USULAN)
    ids = {u.id for u in made}
    assert ids <= {r.id for r in mutasi.proposals.model.rows}


def test_cancelling_the_optimiser_leaves_no_plan(qtbot: QtBot, mutasi: PlanningView) -> None:
    page = mutasi.optimiser
    mutasi.tabs.setCurrentIndex(mutasi.REKOMENDASI)
    page.run()
    assert page.busy() and not page.run_button.isEnabled()
    assert page.task is not None
    page.task.cancel()  # what the progress dialog's Batal does
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT)
    assert page.task.cancelled_by_user and page.plan is None
    assert page.run_button.isEnabled() and page.empty.isVisible()


def test_balance_drills_from_an_opd_to_its_positions(qtbot: QtBot, mutasi: PlanningView) -> None:
    page = mutasi.optimiser
    mutasi.tabs.setCurrentIndex(mutasi.REKOMENDASI)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.plan is not None and not page.busy(), timeout=WAIT)
    assert page.plan is not None
    target = next(m.tujuan.opd for m in page.plan.moves)
    row = next(
        i
        for i in range(page.balance_proxy.rowCount())
        if page.balance_proxy.row_at(i).nama == target
    )
    page._drill(page.balance_proxy.index(row, 0))
    assert page.balance.level_name == "Jabatan"
    shown = {page.balance_proxy.row_at(i).opd for i in range(page.balance_proxy.rowCount())}
    assert shown == {target}
    assert "·" in page.balance_proxy.index(0, BalanceTableModel.OPD).data()  # unit · OPD
    page.changed_box.setChecked(True)
    for i in range(page.balance_proxy.rowCount()):
        r = page.balance_proxy.row_at(i)
        assert r.masuk or r.keluar
    qtbot.mouseClick(page.drill_clear, Qt.MouseButton.LeftButton)
    assert len({page.balance_proxy.row_at(i).opd for i in range(page.balance_proxy.rowCount())}) > 1


# ------------------------------------------------------------------------------ proposals


def _warned_move(services: Services) -> PlanMove:
    """A move the optimiser proposes that carries a warning (over 5 years in post)."""
    plan = services.planning.recommend()
    return next(m for m in plan.moves if any(r.needs_reason for r in m.aturan))


def test_a_new_proposal_shows_live_rule_badges_and_an_override_needs_a_reason(
    qtbot: QtBot, mutasi: PlanningView, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    move = _warned_move(demo)
    page = mutasi.proposals
    before = page.model.rowCount()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    assert editor.is_new and editor.body.isVisible()
    assert not editor.save_button.isEnabled()

    # Find the person with the register's search (as typing does), pick the suggestion.
    assert len(editor.picker.search(move.nip)) == 1
    editor.picker.pick(0)
    assert editor.picker.person is not None and editor.picker.person.id == move.pegawai_id
    assert move.asal.jabatan in editor.asal_label.text()
    # No target yet: the live check blocks.
    qtbot.waitUntil(lambda: any(r.code == "mutasi.tujuan_kosong" for r in editor.results))
    assert "menghalangi" in editor.rules.summary.text()
    assert not editor.save_button.isEnabled()

    # Pick the target: the blocking finding goes, the warning comes with an override button.
    editor.unit.setCurrentIndex(editor.unit.findData(move.tujuan.unit_id))
    editor.jabatan.setCurrentIndex(editor.jabatan.findData(move.tujuan.jabatan_id))
    warning = next(r for r in move.aturan if r.needs_reason)
    qtbot.waitUntil(
        lambda: (
            warning.code in {r.code for r in editor.results}
            and not any(r.blocks for r in editor.results)
        )
    )
    assert "1 peringatan (1 belum dialasankan)" in editor.rules.summary.text()
    messages = [w.text() for w in editor.rules.findChildren(type(editor.title)) if w.text()]
    assert tr_message(warning.code, dict(warning.params)) in messages
    assert editor.save_button.isEnabled()
    button = editor.rules.buttons[warning.code]

    # Too short a reason is refused with the service's wording; a real one is kept.
    fake_dialogs.text_answers = ["singkat"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == [
        tr_message("mutasi.alasan_wajib", {"aturan": warning.code, "min": MIN_ALASAN})
    ]
    assert editor.pending == {}
    reason = "Rotasi berkala sesuai kebijakan pimpinan daerah"
    fake_dialogs.text_answers = [reason]
    qtbot.mouseClick(editor.rules.buttons[warning.code], Qt.MouseButton.LeftButton)
    assert editor.pending == {warning.code: reason}
    assert warning.code not in editor.rules.buttons
    assert "Lolos" in editor.rules.summary.text()

    editor.alasan.setPlainText("Mengisi kekurangan pengemudi di kecamatan")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == [fake_dialogs.errors[0]]
    assert page.model.rowCount() == before + 1
    assert editor.detail is not None and not editor.is_new
    saved = demo.planning.get(editor.detail.usulan.id)
    assert saved.usulan.status is StatusUsulan.DRAF
    note = saved.usulan.pengabaian[warning.code]
    assert (note.alasan, note.oleh) == (reason, USER)
    # The list shows the new row with its badge; the editor its history (who, when).
    row = page.proxy.proxy_row_of(saved.usulan.id)
    assert row is not None
    assert page.proxy.index(row, ProposalTableModel.ATURAN).data() == "1 dialasankan"
    assert editor.history_model.rowCount() == 1
    assert editor.history_model.index(0, HistoryTableModel.OLEH).data() == USER


def test_overriding_a_saved_draft_goes_through_the_service_and_its_refusal_is_shown(
    qtbot: QtBot, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    move = _warned_move(demo)
    draft = UsulanDraft(pegawai_id=move.pegawai_id, jabatan_tujuan_id=move.tujuan.jabatan_id)
    created = demo.planning.create(draft).usulan
    win = _window(qtbot, demo, fake_dialogs)
    page = win.planning_view.proposals
    page.select_ids([created.id])
    editor = page.editor
    assert editor.detail is not None and editor.detail.usulan.id == created.id
    code = next(r.code for r in editor.results if r.needs_reason)
    fake_dialogs.text_answers = ["   ok   "]
    qtbot.mouseClick(editor.rules.buttons[code], Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == [
        tr_message("mutasi.alasan_wajib", {"aturan": code, "min": MIN_ALASAN})
    ]
    assert code not in demo.planning.get(created.id).usulan.pengabaian
    fake_dialogs.text_answers = ["Kebutuhan organisasi mendesak di tempat tujuan"]
    qtbot.mouseClick(editor.rules.buttons[code], Qt.MouseButton.LeftButton)
    assert demo.planning.get(created.id).usulan.pengabaian[code].oleh == USER
    row = page.proxy.proxy_row_of(created.id)
    assert row is not None
    assert page.proxy.index(row, ProposalTableModel.ATURAN).data() == "1 dialasankan"


def test_editing_a_draft_saves_it_and_asks_before_leaving_unsaved_edits(
    qtbot: QtBot, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    plan = demo.planning.recommend()
    one, two = (
        demo.planning.create(
            UsulanDraft(pegawai_id=m.pegawai_id, jabatan_tujuan_id=m.tujuan.jabatan_id)
        ).usulan.id
        for m in plan.moves[:2]
    )
    win = _window(qtbot, demo, fake_dialogs)
    page = win.planning_view.proposals
    page.select_ids([one])
    editor = page.editor
    assert editor.save_button.text() == "Simpan perubahan"
    assert not editor.save_button.isEnabled()  # nothing changed yet
    editor.tmt.clear()
    qtbot.keyClicks(editor.tmt, "01-02-2027")
    qtbot.keyClicks(editor.alasan, "Rotasi sesuai ABK")
    qtbot.waitUntil(editor.save_button.isEnabled)
    # Leaving with unsaved edits asks; Cancel keeps the editor where it is.
    fake_dialogs.save_answers = [SaveChoice.CANCEL]
    page.select_ids([two])
    assert editor.detail is not None and editor.detail.usulan.id == one and editor.dirty
    assert fake_dialogs.save_answers == [] and fake_dialogs.asked[-1][0] == "save"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == []
    saved = demo.planning.get(one).usulan
    assert (saved.tmt_rencana, saved.alasan) == (date(2027, 2, 1), "Rotasi sesuai ABK")
    assert not editor.dirty
    row = page.proxy.proxy_row_of(one)
    assert row is not None
    assert page.proxy.index(row, ProposalTableModel.TMT).data() == "1 Feb 2027"


def _ready_draft(services: Services, move: PlanMove) -> int:
    """A draft whose warnings all have a written reason (ready to be verified)."""
    draft = UsulanDraft(pegawai_id=move.pegawai_id, jabatan_tujuan_id=move.tujuan.jabatan_id)
    reasons = {
        r.code: "Sudah dibahas di forum konsultasi"
        for r in services.planning.check(draft)
        if r.needs_reason
    }
    return services.planning.create(draft, reasons).usulan.id


def test_workflow_steps_update_the_list_and_record_who_and_when(
    qtbot: QtBot, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    plan = demo.planning.recommend()
    first, second = _ready_draft(demo, plan.moves[0]), _ready_draft(demo, plan.moves[1])
    win = _window(qtbot, demo, fake_dialogs)
    page = win.planning_view.proposals
    assert page.chips.buttons["draf"].text() == "Draf 2"

    page.select_ids([first])
    assert page.step_buttons[Langkah.VERIFIKASI].isVisible()
    assert not page.step_buttons[Langkah.SETUJUI].isVisible()
    qtbot.mouseClick(page.step_buttons[Langkah.VERIFIKASI], Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == []
    row = page.proxy.proxy_row_of(first)
    assert row is not None
    assert page.proxy.index(row, ProposalTableModel.STATUS).data() == "Diverifikasi"
    assert page.chips.buttons["diverifikasi"].text() == "Diverifikasi 1"
    assert page.step_buttons[Langkah.SETUJUI].isVisible()
    history = page.editor.history_model
    assert history.index(history.rowCount() - 1, HistoryTableModel.LANGKAH).data() == "Verifikasi"
    assert history.index(history.rowCount() - 1, HistoryTableModel.OLEH).data() == USER
    assert "1 Nov 2026 08.00" in history.index(history.rowCount() - 1, 0).data() or history.index(
        history.rowCount() - 1, 0
    ).data().startswith("1 Nov 2026")

    # Refusing needs a written note.
    fake_dialogs.text_answers = ["Tidak sesuai peta jabatan"]
    qtbot.mouseClick(page.step_buttons[Langkah.TOLAK], Qt.MouseButton.LeftButton)
    assert demo.planning.get(first).usulan.status is StatusUsulan.DITOLAK
    assert demo.planning.get(first).riwayat[-1].catatan == "Tidak sesuai peta jabatan"

    # Delete withdraws the selected draft after a confirmation; "no" changes nothing.
    page.select_ids([second])
    page.table.setFocus()
    fake_dialogs.confirm_answers = [False]
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert demo.planning.get(second).usulan.status is StatusUsulan.DRAF
    assert fake_dialogs.confirm_answers == [], fake_dialogs.asked
    fake_dialogs.confirm_answers = [True]
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert demo.planning.get(second).usulan.status is StatusUsulan.DITARIK
    assert page.chips.buttons["ditarik"].text() == "Ditarik 1"

    # Columns sort (the number, descending: newest first).
    page.table.sortByColumn(ProposalTableModel.NO, Qt.SortOrder.DescendingOrder)
    ids = [page.proxy.row_at(i).id for i in range(page.proxy.rowCount())]
    assert ids == sorted(ids, reverse=True)
    page.table.sortByColumn(ProposalTableModel.STATUS, Qt.SortOrder.AscendingOrder)
    shown = [page.proxy.row_at(i).status for i in range(page.proxy.rowCount())]
    assert shown == sorted(shown, key=list(StatusUsulan).index)
    assert shown[0] is StatusUsulan.DISETUJUI and shown[-1] is StatusUsulan.DITARIK
    # Chips filter the list; the search box filters as you type.
    page.chips.buttons["ditarik"].click()
    assert page.proxy.rowCount() == 1 and page.proxy.row_at(0).id == second
    page.chips.buttons["ditarik"].click()
    qtbot.keyClicks(page.search, plan.moves[0].nama.split(",")[0])
    assert first in {page.proxy.row_at(i).id for i in range(page.proxy.rowCount())}
    assert second not in {page.proxy.row_at(i).id for i in range(page.proxy.rowCount())}


def test_approved_proposals_with_unanswered_warnings_are_refused_with_the_reason(
    qtbot: QtBot, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    move = _warned_move(demo)
    uid = demo.planning.create(
        UsulanDraft(pegawai_id=move.pegawai_id, jabatan_tujuan_id=move.tujuan.jabatan_id)
    ).usulan.id
    win = _window(qtbot, demo, fake_dialogs)
    page = win.planning_view.proposals
    page.select_ids([uid])
    row = page.proxy.proxy_row_of(uid)
    assert row is not None
    assert page.proxy.index(row, ProposalTableModel.ATURAN).data() == "1 peringatan"
    qtbot.mouseClick(page.step_buttons[Langkah.VERIFIKASI], Qt.MouseButton.LeftButton)
    assert len(fake_dialogs.errors) == 1 and "peringatan tanpa alasan" in fake_dialogs.errors[0]
    assert demo.planning.get(uid).usulan.status is StatusUsulan.DRAF


# ------------------------------------------------------------------------------ consultation


def test_an_overdue_objection_is_highlighted_and_answering_clears_it(
    qtbot: QtBot, demo_file: Path, tmp_path: Path, fake_dialogs: FakeDialogs
) -> None:
    # The demo's objection was filed on 27 October; the answer was due on 17 November.
    services = _open_copy(demo_file, tmp_path, date(2026, 11, 20))
    try:
        win = _window(qtbot, services, fake_dialogs)
        view = win.planning_view
        view.tabs.setCurrentIndex(view.KONSULTASI)
        page = view.consultation
        model = page.objection_model
        assert model.rowCount() == 1
        (k,) = model.rows
        assert k.tenggat is Tenggat.LEWAT
        assert "lewat batas" in page.inner.tabText(1)
        bg = model.index(0, ObjectionTableModel.NAMA).data(Qt.ItemDataRole.BackgroundRole)
        assert _colour(bg) == TENGGAT_BACKGROUNDS[Tenggat.LEWAT]
        status = model.index(0, ObjectionTableModel.STATUS)
        assert _colour(status.data(Qt.ItemDataRole.ForegroundRole)) == SHORTAGE
        assert status.data() == "Melewati batas waktu"
        assert model.index(0, ObjectionTableModel.SISA).data() == "lewat 3"
        assert "Terlambat 3 hari" in page.deadline_label.text()

        # The chips show the overdue ones only.
        page.objection_chips.buttons["aman"].click()
        assert page.objection_proxy.rowCount() == 0
        page.objection_chips.buttons["aman"].click()

        # The PPK's answer closes it: no longer highlighted.
        page.inner.setCurrentIndex(1)
        page.j_tanggal.setText("20-11-2026")
        page.j_hasil.setCurrentIndex(page.j_hasil.findData(StatusKeberatan.DITOLAK.value))
        page.j_isi.setPlainText("Penempatan sesuai kebutuhan organisasi.")
        qtbot.mouseClick(page.answer_button, Qt.MouseButton.LeftButton)
        assert fake_dialogs.errors == []
        (k,) = services.planning.objections()
        assert k.status is StatusKeberatan.DITOLAK and k.jam.dijawab_terlambat
        assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
        assert "dijawab terlambat" in model.index(0, ObjectionTableModel.STATUS).data()
        assert page.inner.tabText(1) == "Keberatan"
    finally:
        services.close()


def test_a_late_objection_is_recorded_with_both_deadlines(
    qtbot: QtBot, mutasi: PlanningView, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    mutasi.tabs.setCurrentIndex(mutasi.KONSULTASI)
    page = mutasi.consultation
    page.inner.setCurrentIndex(1)
    qtbot.mouseClick(page.new_objection_button, Qt.MouseButton.LeftButton)
    person = demo.staff.search(StaffFilter(search="Sholeh"), limit=1)[0]
    page.k_person.set_person(person)
    page.k_nomor.setText("800.1.3.1/401/BKPSDM/X/2026")
    page.k_tanggal_sk.setText("01-10-2026")
    page.k_diajukan.setText("25-10-2026")
    assert "Diajukan terlambat" in page.deadline_label.text()
    page.k_isi.setPlainText("Keberatan atas penempatan.")
    qtbot.mouseClick(page.save_objection_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == []
    found = demo.planning.objections(pegawai_id=person.id)
    assert len(found) == 1 and not found[0].tepat_waktu
    assert found[0].batas_jawaban == date(2026, 11, 15)
    assert page.objection_model.rowCount() == 2
    # Withdrawing asks for a note.
    fake_dialogs.text_answers = ["Dicabut oleh pegawai"]
    qtbot.mouseClick(page.withdraw_objection_button, Qt.MouseButton.LeftButton)
    assert demo.planning.objections(pegawai_id=person.id)[0].status is StatusKeberatan.DICABUT


def test_a_forum_and_an_aspiration_are_recorded(
    qtbot: QtBot, mutasi: PlanningView, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    mutasi.tabs.setCurrentIndex(mutasi.KONSULTASI)
    page = mutasi.consultation
    assert page.forum_model.rowCount() == 1
    assert page.aspiration_model.rowCount() >= 6
    qtbot.mouseClick(page.new_forum_button, Qt.MouseButton.LeftButton)
    assert not page.aspiration_button.isEnabled()
    page.f_tanggal.setText("05-11-2026")
    page.f_judul.setText("Forum konsultasi Dinas Sosial")
    page.f_tempat.setText("Aula Dinas Sosial")
    page.f_opd.setCurrentIndex(page.f_opd.findText("Dinas Sosial"))
    page.f_peserta.setPlainText("Kepala Dinas Sosial\nSekretaris Dinas Sosial")
    qtbot.mouseClick(page.save_forum_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == []
    assert page.forum is not None and page.forum_model.rowCount() == 2
    forum_id = page.forum.id
    assert page.aspiration_button.isEnabled()
    rows = page.a_person.search("Sholeh")
    page.a_person.pick(0)
    page.a_sikap.setCurrentIndex(page.a_sikap.findData("tidak_bersedia"))
    page.a_alasan.setText("Merawat orang tua")
    qtbot.mouseClick(page.aspiration_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == []
    (found,) = demo.planning.aspirations(forum_id=forum_id)
    assert (found.pegawai_id, found.sikap, found.alasan) == (
        rows[0].id,
        "tidak_bersedia",
        "Merawat orang tua",
    )
    assert page.aspiration_model.rowCount() == 1
    assert (
        page.forum_model.index(
            page.forum_model.row_of(forum_id) or 0, ForumTableModel.ASPIRASI
        ).data()
        == "1"
    )


# ------------------------------------------------------------------------------ training, batches


def test_training_needs_are_planned_and_completed(
    qtbot: QtBot, mutasi: PlanningView, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    mutasi.tabs.setCurrentIndex(mutasi.PELATIHAN)
    page = mutasi.training
    assert page.chips.selected() == {"direncanakan"}
    assert page.proxy.rowCount() == 3
    page.table.selectRow(0)
    need = page.need
    assert need is not None and need.topik == "Aplikasi SIKS-NG"
    page.nama.setText("Bimtek Aplikasi SIKS-NG")
    page.penyelenggara.setText("Kementerian Sosial")
    page.mulai.setText("01-12-2026")
    page.selesai.setText("03-12-2026")
    page.jp.setValue(24)
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    planned = demo.planning.training_needs(pegawai_id=need.pegawai_id)[0]
    assert (planned.nama_pelatihan, planned.jam_pelajaran) == ("Bimtek Aplikasi SIKS-NG", 24)
    qtbot.mouseClick(page.complete_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == []
    done = next(n for n in demo.planning.training_needs() if n.id == need.id)
    assert done.status is StatusPelatihan.SELESAI
    assert page.proxy.rowCount() == 2  # the chip shows planned needs only
    # Cancelling asks for a note.
    page.table.selectRow(0)
    fake_dialogs.text_answers = ["Sudah mengikuti pelatihan serupa"]
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == 1
    assert StatusPelatihan.DIBATALKAN in {n.status for n in demo.planning.training_needs()}


def test_batches_take_approved_proposals_in_and_out(
    qtbot: QtBot, mutasi: PlanningView, demo: Services, fake_dialogs: FakeDialogs
) -> None:
    mutasi.tabs.setCurrentIndex(mutasi.KELOMPOK)
    page = mutasi.batches
    (batch,) = demo.planning.batches()
    assert page.batch is not None and page.batch.id == batch.id
    assert page.members.rowCount() == 2 and page.free.rowCount() == 0
    page.member_table.selectRow(0)
    removed = page.members.rows[0].id
    fake_dialogs.confirm_answers = [True]
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert demo.planning.batch(batch.id).usulan_ids == tuple(
        i for i in batch.usulan_ids if i != removed
    )
    assert page.members.rowCount() == 1 and page.free.rowCount() == 1
    page.free_table.selectRow(0)
    fake_dialogs.text_answers = ["Mutasi Tahap II"]
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.errors == []
    new = next(b for b in demo.planning.batches() if b.nama == "Mutasi Tahap II")
    assert new.usulan_ids == (removed,)
    assert page.model.rowCount() == 2 and page.free.rowCount() == 0


# ------------------------------------------------------------------------------ models


def test_every_planning_model_passes_the_model_tester(
    qtbot: QtBot, mutasi: PlanningView, demo: Services, qtmodeltester: object
) -> None:
    page = mutasi.optimiser
    mutasi.tabs.setCurrentIndex(mutasi.REKOMENDASI)
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.plan is not None and not page.busy(), timeout=WAIT)
    page.moves.decide(page.moves.rows[0].id, Keputusan.TERIMA)
    page.moves.decide(page.moves.rows[1].id, Keputusan.TOLAK)
    for tab in (mutasi.KONSULTASI, mutasi.PELATIHAN, mutasi.KELOMPOK, mutasi.USULAN):
        mutasi.tabs.setCurrentIndex(tab)
    mutasi.proposals.select_ids([mutasi.proposals.model.rows[0].id])
    people = _PeopleModel()
    people.set_rows(demo.staff.search(StaffFilter(search="andi"), limit=20))
    models = [
        mutasi.proposals.model,
        mutasi.proposals.proxy,
        mutasi.proposals.editor.history_model,
        mutasi.proposals.editor.training_model,
        mutasi.proposals.editor.objection_model,
        page.moves,
        page.moves_proxy,
        page.balance,
        page.skipped,
        mutasi.consultation.forum_model,
        mutasi.consultation.aspiration_model,
        mutasi.consultation.objection_model,
        mutasi.training.model,
        mutasi.batches.model,
        mutasi.batches.members,
        people,
    ]
    expected = (
        ProposalTableModel,
        HistoryTableModel,
        TrainingTableModel,
        ObjectionTableModel,
        MoveTableModel,
        BalanceTableModel,
        SkippedTableModel,
        ForumTableModel,
        AspirationTableModel,
        BatchTableModel,
    )
    assert all(any(isinstance(m, k) for m in models) for k in expected)
    no_objections = mutasi.proposals.editor.objection_model  # the demo's is not linked
    for model in models:
        assert model.rowCount() > 0 or model is no_objections, model
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    # The balance model on each level, and the empty state.
    for level in range(3):
        page.level_combo.setCurrentIndex(level)
        qtmodeltester.check(page.balance)  # type: ignore[attr-defined]
    empty = MoveTableModel()
    qtmodeltester.check(empty)  # type: ignore[attr-defined]
