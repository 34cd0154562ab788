"""The proposal state machine (every allowed step and every refusal) and objection clocks."""

from __future__ import annotations

from datetime import date

import pytest

from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.mutasi_workflow import (
    PERAN_DISARANKAN,
    STATUS_TERBUKA,
    TRANSISI,
    Hak,
    Langkah,
    StatusKeberatan,
    StatusUsulan,
    Tenggat,
    jam_keberatan,
    langkah_tersedia,
    transisi,
)
from mutasi_desktop.services.context import Action

S = StatusUsulan
L = Langkah

# The whole table, written out: (step, from) -> (to, permission, note required, rules checked).
EXPECTED: dict[tuple[Langkah, StatusUsulan], tuple[StatusUsulan, Hak, bool, bool]] = {
    (L.VERIFIKASI, S.DRAF): (S.DIVERIFIKASI, Hak.VERIFIKASI, False, True),
    (L.TOLAK, S.DRAF): (S.DITOLAK, Hak.VERIFIKASI, True, False),
    (L.TARIK, S.DRAF): (S.DITARIK, Hak.DRAF, False, False),
    (L.SETUJUI, S.DIVERIFIKASI): (S.DISETUJUI, Hak.PERSETUJUAN, False, True),
    (L.TOLAK, S.DIVERIFIKASI): (S.DITOLAK, Hak.PERSETUJUAN, True, False),
    (L.KEMBALIKAN, S.DIVERIFIKASI): (S.DRAF, Hak.PERSETUJUAN, True, False),
    (L.TARIK, S.DIVERIFIKASI): (S.DITARIK, Hak.DRAF, False, False),
    (L.MASUK_SK, S.DISETUJUI): (S.DALAM_SK, Hak.SK, False, True),
    (L.KEMBALIKAN, S.DISETUJUI): (S.DRAF, Hak.PERSETUJUAN, True, False),
    (L.TARIK, S.DISETUJUI): (S.DITARIK, Hak.PERSETUJUAN, True, False),
    (L.BATAL_SK, S.DALAM_SK): (S.DISETUJUI, Hak.SK, True, False),
    (L.LAKSANAKAN, S.DALAM_SK): (S.DILAKSANAKAN, Hak.PELAKSANAAN, False, False),
}


@pytest.mark.parametrize(("key", "expected"), list(EXPECTED.items()), ids=lambda v: str(v))
def test_every_allowed_step(
    key: tuple[Langkah, StatusUsulan], expected: tuple[StatusUsulan, Hak, bool, bool]
) -> None:
    t = transisi(*key)
    assert (t.ke, t.hak, t.perlu_catatan, t.perlu_lolos_aturan) == expected


REFUSED = [(st, s) for st in Langkah for s in StatusUsulan if (st, s) not in EXPECTED]


@pytest.mark.parametrize(("langkah", "dari"), REFUSED, ids=lambda v: str(v))
def test_every_other_step_is_refused_with_a_worded_reason(
    langkah: Langkah, dari: StatusUsulan
) -> None:
    with pytest.raises(DomainError) as err:
        transisi(langkah, dari)
    assert err.value.code == "mutasi.transisi_tidak_sah"
    assert langkah.label in err.value.message() and dari.label in err.value.message()


def test_the_table_holds_exactly_the_expected_steps() -> None:
    assert {(t.langkah, t.dari) for t in TRANSISI} == set(EXPECTED)
    assert len(REFUSED) == len(Langkah) * len(StatusUsulan) - len(EXPECTED)


def test_final_states_have_no_way_out_and_open_states_count_as_planned() -> None:
    for s in (S.DILAKSANAKAN, S.DITOLAK, S.DITARIK):
        assert s.final and not s.terbuka and langkah_tersedia(s) == ()
    assert {s for s in StatusUsulan if s.terbuka} == STATUS_TERBUKA
    assert [t.langkah for t in langkah_tersedia(S.DRAF)] == [L.VERIFIKASI, L.TOLAK, L.TARIK]
    assert S.DRAF.dapat_diubah and not S.DIVERIFIKASI.dapat_diubah


def test_every_permission_is_an_action_so_roles_plug_in_through_the_policy() -> None:
    actions = {a.value for a in Action}
    assert {h.value for h in Hak} <= actions
    assert {Action(t.hak.value) for t in TRANSISI} == {
        Action.MUTASI_VERIFY,
        Action.MUTASI_DRAFT,
        Action.MUTASI_APPROVE,
        Action.MUTASI_DECREE,
        Action.MUTASI_EXECUTE,
    }
    # Separation of duties in the suggested roles: an operator cannot verify or approve.
    assert Hak.VERIFIKASI not in PERAN_DISARANKAN["operator"]
    assert Hak.PERSETUJUAN not in PERAN_DISARANKAN["verifikator"]
    assert PERAN_DISARANKAN["administrator"] == frozenset(Hak)


def test_every_state_can_reach_an_end() -> None:
    ends = {S.DILAKSANAKAN, S.DITOLAK, S.DITARIK}
    for start in StatusUsulan:
        seen, todo = {start}, [start]
        while todo:
            for t in langkah_tersedia(todo.pop()):
                if t.ke not in seen:
                    seen.add(t.ke)
                    todo.append(t.ke)
        assert seen & ends, start


# ---- objection clocks (14 days to file, 21 days to answer) ---------------------------------

SK = date(2026, 10, 1)


def test_filing_deadline_is_fourteen_days_after_the_decree() -> None:
    on_time = jam_keberatan(SK, date(2026, 10, 15), None, StatusKeberatan.DIAJUKAN, SK)
    assert on_time.batas_pengajuan == date(2026, 10, 15) and on_time.tepat_waktu
    late = jam_keberatan(SK, date(2026, 10, 16), None, StatusKeberatan.DIAJUKAN, SK)
    assert not late.tepat_waktu


def test_answer_deadline_counts_down_and_turns_near_then_overdue() -> None:
    filed = date(2026, 10, 10)  # answer due 31 October

    def at(today: date) -> tuple[int | None, Tenggat]:
        j = jam_keberatan(SK, filed, None, StatusKeberatan.DIAJUKAN, today)
        assert j.batas_jawaban == date(2026, 10, 31)
        return j.sisa_hari, j.tenggat

    assert at(date(2026, 10, 20)) == (11, Tenggat.AMAN)
    assert at(date(2026, 10, 28)) == (3, Tenggat.DEKAT)
    assert at(date(2026, 10, 31)) == (0, Tenggat.DEKAT)
    assert at(date(2026, 11, 1)) == (-1, Tenggat.LEWAT)
    assert jam_keberatan(SK, filed, None, StatusKeberatan.DIAJUKAN, date(2026, 11, 5)).lewat


def test_an_answered_objection_is_done_and_remembers_a_late_answer() -> None:
    filed = date(2026, 10, 10)
    in_time = jam_keberatan(
        SK, filed, date(2026, 10, 30), StatusKeberatan.DITOLAK, date(2027, 1, 1)
    )
    assert in_time.tenggat is Tenggat.SELESAI and in_time.sisa_hari is None
    assert not in_time.dijawab_terlambat
    late = jam_keberatan(SK, filed, date(2026, 11, 2), StatusKeberatan.DITERIMA, date(2027, 1, 1))
    assert late.dijawab_terlambat and not late.lewat
    withdrawn = jam_keberatan(SK, filed, None, StatusKeberatan.DICABUT, date(2027, 1, 1))
    assert withdrawn.tenggat is Tenggat.SELESAI


def test_clock_lengths_are_parameters() -> None:
    j = jam_keberatan(
        SK,
        date(2026, 10, 5),
        None,
        StatusKeberatan.DIAJUKAN,
        SK,
        batas_pengajuan_hari=3,
        batas_jawaban_hari=10,
    )
    assert j.batas_pengajuan == date(2026, 10, 4) and not j.tepat_waktu
    assert j.batas_jawaban == date(2026, 10, 15)
