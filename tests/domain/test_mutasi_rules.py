"""Transfer rules: every check fires exactly where the regulation (or the design) says, with a
stable code, the right severity and an Indonesian sentence; warnings can be answered."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mutasi_desktop.domain import mutasi_rules as r
from mutasi_desktop.domain.jabatan import JenjangJabatan
from mutasi_desktop.domain.messages import TEMPLATES
from mutasi_desktop.domain.mutasi_rules import (
    JenisKebutuhan,
    JenisMutasi,
    Keparahan,
    MoveFacts,
    PersonFacts,
    PositionFacts,
    RuleResult,
    check_move,
    parse_syarat,
    skill_match,
    training_gap,
    unresolved,
)
from mutasi_desktop.domain.pegawai import JenisPegawai, StatusPegawai, TingkatPendidikan

TODAY = date(2026, 11, 1)
TMT = date(2026, 12, 1)
P = JenjangJabatan.PELAKSANA


def person(**kw: object) -> PersonFacts:
    base: dict[str, object] = dict(
        pegawai_id=1,
        nip="199001012015011001",
        nama="Andi Baso",
        jenis_pegawai=JenisPegawai.PNS,
        tanggal_lahir=date(1990, 1, 1),
        golongan="III/a",
        pendidikan=TingkatPendidikan.S1,
        tmt_jabatan=date(2022, 6, 1),  # 4.5 years at TMT: inside 2–5
        tmt_cpns=date(2010, 1, 1),
        tmt_pns=date(2011, 1, 1),  # more than 10 years ago
        jabatan_id=10,
        jabatan_nama="Pengelola Data",
        jenjang=P,
        kompetensi=("Pengolahan data", "Microsoft Excel"),
    )
    base.update(kw)
    return PersonFacts(**base)  # type: ignore[arg-type]


def asal(**kw: object) -> PositionFacts:
    base: dict[str, object] = dict(
        jabatan_id=10,
        nama="Pengelola Data",
        unit_id=100,
        unit="Bidang Lalu Lintas",
        opd_id=1,
        opd="Dinas Perhubungan",
        jenjang=P,
        pendidikan_min=TingkatPendidikan.D3,
        golongan_min="II/c",
        kompetensi_syarat=("Pengolahan data",),
        kebutuhan=1,
        pegawai_ada=3,
    )
    base.update(kw)
    return PositionFacts(**base)  # type: ignore[arg-type]


def tujuan(**kw: object) -> PositionFacts:
    base: dict[str, object] = dict(
        jabatan_id=20,
        nama="Pengelola Data Bansos",
        unit_id=200,
        unit="Bidang Perlindungan dan Jaminan Sosial",
        opd_id=2,
        opd="Dinas Sosial",
        jenjang=P,
        pendidikan_min=TingkatPendidikan.D3,
        golongan_min="II/c",
        kompetensi_syarat=("Pengolahan data", "Microsoft Excel"),
        kebutuhan=3,
        pegawai_ada=2,
    )
    base.update(kw)
    return PositionFacts(**base)  # type: ignore[arg-type]


_DEFAULT = asal  # marker: "use the default position"


def move(
    p: PersonFacts | None = None,
    a: PositionFacts | object | None = _DEFAULT,
    t: PositionFacts | object | None = _DEFAULT,
    jenis: JenisMutasi = JenisMutasi.ANTAR_OPD,
    tmt: date = TMT,
    today: date = TODAY,
    **kw: object,
) -> MoveFacts:
    return MoveFacts(
        person=p or person(),
        asal=asal() if a is _DEFAULT else a,  # type: ignore[arg-type]
        tujuan=tujuan() if t is _DEFAULT else t,  # type: ignore[arg-type]
        jenis=jenis,
        tmt=tmt,
        today=today,
        **kw,  # type: ignore[arg-type]
    )


def codes(m: MoveFacts) -> dict[str, Keparahan]:
    return {x.code: x.severity for x in check_move(m)}


def test_a_clean_internal_move_has_no_finding() -> None:
    assert check_move(move()) == []


def test_every_code_has_an_indonesian_template_and_a_source() -> None:
    for code in r.SEVERITY:
        assert code in TEMPLATES, code
        assert r.RULE_SOURCES.get(code), code
        text = RuleResult(code, r.SEVERITY[code], {}).message()
        assert text and text != code


# ---- time in post (PP 11/2017 Pasal 190(3)) -----------------------------------------------------


def test_under_two_years_in_post_warns_with_the_time_served() -> None:
    found = check_move(move(person(tmt_jabatan=date(2025, 3, 1))))
    (hit,) = [x for x in found if x.code == r.MASA_JABATAN_KURANG_2]
    assert hit.severity is Keparahan.PERINGATAN
    assert hit.params["masa"] == "1 tahun 9 bulan"
    assert "1 tahun 9 bulan" in hit.message() and "paling singkat 2 tahun" in hit.message()


def test_exactly_two_and_exactly_five_years_are_fine() -> None:
    assert r.MASA_JABATAN_KURANG_2 not in codes(move(person(tmt_jabatan=date(2024, 12, 1))))
    assert r.MASA_JABATAN_LEBIH_5 not in codes(move(person(tmt_jabatan=date(2021, 12, 1))))


def test_over_five_years_in_post_warns() -> None:
    found = codes(move(person(tmt_jabatan=date(2021, 11, 30))))
    assert found[r.MASA_JABATAN_LEBIH_5] is Keparahan.PERINGATAN


def test_time_in_post_rules_do_not_apply_to_pppk_or_incoming_staff() -> None:
    pppk = person(jenis_pegawai=JenisPegawai.PPPK, golongan="IX", tmt_jabatan=date(2026, 1, 1))
    assert r.MASA_JABATAN_KURANG_2 not in codes(move(pppk))
    incoming = move(
        person(tmt_jabatan=date(2026, 1, 1), tmt_pns=date(2000, 1, 1)),
        a=None,
        jenis=JenisMutasi.MASUK,
        instansi_lain="Kabupaten Majene",
    )
    assert r.MASA_JABATAN_KURANG_2 not in codes(incoming)


# ---- ten-year rule (antar-instansi only) ---------------------------------------------------------


def test_ten_year_rule_blocks_moves_out_before_ten_years_as_pns() -> None:
    young = person(tmt_pns=date(2018, 3, 1))
    found = check_move(move(young, t=None, jenis=JenisMutasi.KELUAR, instansi_lain="Kota Palu"))
    (hit,) = [x for x in found if x.code == r.SEPULUH_TAHUN]
    assert hit.severity is Keparahan.BLOKIR
    assert hit.params["sampai"] == "1 Maret 2028"
    assert found[0] is hit  # blocking findings come first


def test_ten_year_rule_also_blocks_moves_in_and_cpns() -> None:
    young = person(tmt_pns=date(2020, 1, 1))
    assert codes(move(young, a=None, jenis=JenisMutasi.MASUK))[r.SEPULUH_TAHUN] is Keparahan.BLOKIR
    cpns = person(jenis_pegawai=JenisPegawai.CPNS, tmt_pns=None, tmt_cpns=date(2025, 1, 1))
    assert r.SEPULUH_TAHUN in codes(move(cpns, t=None, jenis=JenisMutasi.KELUAR))


def test_ten_year_rule_passes_after_ten_years_and_never_applies_inside_the_regency() -> None:
    assert r.SEPULUH_TAHUN not in codes(move(person(tmt_pns=date(2016, 11, 1)), t=None,
                                             jenis=JenisMutasi.KELUAR))  # fmt: skip
    assert r.SEPULUH_TAHUN not in codes(move(person(tmt_pns=date(2024, 1, 1))))


def test_unknown_pns_date_for_an_antar_instansi_move_warns() -> None:
    found = codes(move(person(tmt_pns=None), t=None, jenis=JenisMutasi.KELUAR))
    assert found[r.SEPULUH_TAHUN_TIDAK_DIKETAHUI] is Keparahan.PERINGATAN


def test_antar_instansi_moves_list_the_documents_to_collect() -> None:
    found = check_move(move(t=None, jenis=JenisMutasi.KELUAR, instansi_lain="Kota Palu"))
    (docs,) = [x for x in found if x.code == r.DOKUMEN_ANTAR_INSTANSI]
    assert docs.severity is Keparahan.INFO and "bebas temuan" in docs.message()


# ---- retirement and contracts --------------------------------------------------------------------


def test_retirement_within_the_horizon_warns_and_before_the_tmt_blocks() -> None:
    # Born March 1969, BUP 58 -> pensiun 1 April 2027: 4 months after the TMT.
    soon = person(tanggal_lahir=date(1969, 3, 15))
    found = check_move(move(soon))
    (hit,) = [x for x in found if x.code == r.BUP_DEKAT]
    assert hit.severity is Keparahan.PERINGATAN and hit.params["tanggal"] == "1 April 2027"
    assert r.BUP_DEKAT not in codes(move(soon, horizon_bulan=3))
    gone = person(tanggal_lahir=date(1968, 10, 2))  # pensiun 1 November 2026
    assert codes(move(gone))[r.PENSIUN_SEBELUM_TMT] is Keparahan.BLOKIR


def test_bup_follows_the_target_jenjang() -> None:
    # Born June 1967: 58 -> 1 July 2025 (already past), 60 -> 1 July 2027 (inside 12 months).
    older = person(tanggal_lahir=date(1967, 6, 10), jenjang=JenjangJabatan.AHLI_MADYA)
    target = tujuan(jenjang=JenjangJabatan.AHLI_MADYA)
    found = codes(move(older, t=target))
    assert r.BUP_DEKAT in found and r.PENSIUN_SEBELUM_TMT not in found


def test_pppk_contract_end_warns_within_the_horizon_and_blocks_before_the_tmt() -> None:
    base = dict(jenis_pegawai=JenisPegawai.PPPK, golongan="IX")
    assert r.KONTRAK_BERAKHIR in codes(move(person(**base, kontrak_selesai=date(2027, 6, 30))))
    ended = codes(move(person(**base, kontrak_selesai=date(2026, 11, 30))))
    assert ended[r.KONTRAK_BERAKHIR_SEBELUM_TMT] is Keparahan.BLOKIR
    assert r.BUP_DEKAT not in codes(move(person(**base, tanggal_lahir=date(1969, 3, 15))))


# ---- PPPK ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("jenis", "code", "severity"),
    [
        (JenisMutasi.KELUAR, r.PPPK_KELUAR, Keparahan.BLOKIR),
        (JenisMutasi.MASUK, r.PPPK_MASUK, Keparahan.BLOKIR),
        (JenisMutasi.ANTAR_OPD, r.PPPK_INTERNAL, Keparahan.PERINGATAN),
    ],
)
def test_pppk_moves_out_or_in_are_blocked_and_internal_ones_flagged(
    jenis: JenisMutasi, code: str, severity: Keparahan
) -> None:
    pppk = person(jenis_pegawai=JenisPegawai.PPPK, golongan="IX")
    m = move(
        pppk,
        a=None if jenis is JenisMutasi.MASUK else asal(),
        t=None if jenis is JenisMutasi.KELUAR else tujuan(),
        jenis=jenis,
    )
    assert codes(m)[code] is severity
    assert r.SEPULUH_TAHUN not in codes(m)  # the PNS statement does not bind PPPK


# ---- status --------------------------------------------------------------------------------------


def test_disciplinary_penalty_and_study_leave_block() -> None:
    assert codes(move(person(hukuman_disiplin=True)))[r.HUKUMAN_DISIPLIN] is Keparahan.BLOKIR
    study = person(status=StatusPegawai.TUGAS_BELAJAR)
    assert codes(move(study))[r.TUGAS_BELAJAR] is Keparahan.BLOKIR


@pytest.mark.parametrize("status", [StatusPegawai.PENSIUN, StatusPegawai.DIBERHENTIKAN])
def test_retired_or_dismissed_or_deactivated_people_cannot_move(status: StatusPegawai) -> None:
    assert codes(move(person(status=status)))[r.TIDAK_AKTIF] is Keparahan.BLOKIR
    assert codes(move(person(aktif=False)))[r.TIDAK_AKTIF] is Keparahan.BLOKIR


def test_leave_is_information_only() -> None:
    assert codes(move(person(status=StatusPegawai.CUTI))) == {r.SEDANG_CUTI: Keparahan.INFO}


# ---- balance (ABK) -------------------------------------------------------------------------------


def test_target_without_shortage_warns_counting_other_planned_moves() -> None:
    assert r.TUJUAN_TIDAK_KURANG not in codes(move())
    full = codes(move(t=tujuan(pegawai_ada=3)))
    assert full[r.TUJUAN_TIDAK_KURANG] is Keparahan.PERINGATAN
    # One move already planned into it fills the gap of one.
    assert r.TUJUAN_TIDAK_KURANG in codes(move(t=tujuan(pegawai_ada=2, rencana=1)))


def test_target_without_abk_warns() -> None:
    assert codes(move(t=tujuan(kebutuhan=None)))[r.TUJUAN_TANPA_ABK] is Keparahan.PERINGATAN


def test_source_left_short_warns_counting_other_planned_moves() -> None:
    assert r.ASAL_JADI_KURANG not in codes(move(a=asal(pegawai_ada=2)))
    hit = [x for x in check_move(move(a=asal(pegawai_ada=1))) if x.code == r.ASAL_JADI_KURANG]
    assert hit and hit[0].params == {
        "jabatan": "Pengelola Data",
        "kebutuhan": 1,
        "ada": 1,
        "sesudah": 0,
    }
    assert r.ASAL_JADI_KURANG in codes(move(a=asal(pegawai_ada=2, rencana=-1)))


# ---- requirements --------------------------------------------------------------------------------


def test_rank_below_the_target_minimum_warns() -> None:
    low = codes(move(person(golongan="II/b")))
    assert low[r.GOLONGAN_KURANG] is Keparahan.PERINGATAN
    assert r.GOLONGAN_KURANG not in codes(move(person(golongan="II/c")))
    assert r.GOLONGAN_KURANG in codes(move(person(golongan=None)))
    # PPPK golongan is another scale: the PNS minimum does not apply.
    pppk = person(jenis_pegawai=JenisPegawai.PPPK, golongan="V")
    assert r.GOLONGAN_KURANG not in codes(move(pppk))


def test_education_below_the_target_minimum_warns() -> None:
    found = check_move(move(person(pendidikan=TingkatPendidikan.SLTA)))
    (hit,) = [x for x in found if x.code == r.PENDIDIKAN_KURANG]
    assert hit.severity is Keparahan.PERINGATAN and hit.params["syarat"] == "D-III"
    assert r.PENDIDIKAN_KURANG in codes(move(person(pendidikan=None)))
    assert r.PENDIDIKAN_KURANG not in codes(move(person(pendidikan=TingkatPendidikan.D3)))


def test_a_change_of_jenjang_or_of_functional_profession_warns() -> None:
    head = tujuan(jenjang=JenjangJabatan.PENGAWAS)
    assert codes(move(t=head))[r.JENJANG_BEDA] is Keparahan.PERINGATAN
    guru = person(jenjang=JenjangJabatan.AHLI_PERTAMA, jabatan_nama="Guru Ahli Pertama")
    other = tujuan(jenjang=JenjangJabatan.AHLI_PERTAMA, nama="Penera Ahli Pertama")
    assert codes(move(guru, t=other))[r.FUNGSIONAL_BEDA] is Keparahan.PERINGATAN
    same = tujuan(jenjang=JenjangJabatan.AHLI_PERTAMA, nama="Guru Ahli Pertama")
    assert r.FUNGSIONAL_BEDA not in codes(move(guru, t=same))


def test_missing_competencies_are_information_and_a_training_need() -> None:
    target = tujuan(kompetensi_syarat=("Pengolahan data", "Aplikasi SIKS-NG", "Microsoft Excel"))
    found = check_move(move(t=target))
    (hit,) = [x for x in found if x.code == r.KOMPETENSI_KURANG]
    assert hit.severity is Keparahan.INFO
    assert hit.params == {"kurang": "Aplikasi SIKS-NG", "jumlah": 1, "syarat": 3}


# ---- history and duplicates ----------------------------------------------------------------------


def test_moved_again_within_twelve_months_warns_also_for_pppk() -> None:
    recent = person(pindah_terakhir=date(2026, 3, 1), tmt_jabatan=date(2021, 1, 1))
    assert codes(move(recent))[r.BARU_DIPINDAH] is Keparahan.PERINGATAN
    pppk = person(jenis_pegawai=JenisPegawai.PPPK, golongan="IX", pindah_terakhir=date(2026, 3, 1))
    assert r.BARU_DIPINDAH in codes(move(pppk))
    old = person(pindah_terakhir=date(2025, 11, 30))
    assert r.BARU_DIPINDAH not in codes(move(old))


def test_another_open_proposal_for_the_person_warns() -> None:
    found = check_move(move(person(usulan_terbuka=1)))
    assert [x.params for x in found if x.code == r.USULAN_GANDA] == [{"jumlah": 1}]


def test_an_unwilling_person_warns() -> None:
    assert codes(move(person(sikap="tidak_bersedia")))[r.TIDAK_BERSEDIA] is Keparahan.PERINGATAN
    assert r.TIDAK_BERSEDIA not in codes(move(person(sikap="bersedia")))


def test_missing_birth_date_or_tmt_jabatan_warns_that_rules_cannot_be_checked() -> None:
    found = check_move(move(person(tanggal_lahir=None, tmt_jabatan=None)))
    (hit,) = [x for x in found if x.code == r.DATA_KURANG]
    assert hit.params["data"] == "tanggal lahir, TMT jabatan"


# ---- structure -----------------------------------------------------------------------------------


def test_structural_problems_of_the_move_block() -> None:
    assert codes(move(t=None))[r.TUJUAN_KOSONG] is Keparahan.BLOKIR
    assert codes(move(t=tujuan(aktif=False)))[r.TUJUAN_NONAKTIF] is Keparahan.BLOKIR
    same = tujuan(jabatan_id=10)
    assert codes(move(t=same))[r.TUJUAN_SAMA] is Keparahan.BLOKIR


def test_source_that_is_no_longer_the_persons_position_warns() -> None:
    assert codes(move(person(jabatan_id=11)))[r.ASAL_BEDA] is Keparahan.PERINGATAN


def test_a_planned_date_in_the_past_is_noted() -> None:
    assert codes(move(tmt=date(2026, 10, 1)))[r.TMT_LAMPAU] is Keparahan.INFO


def test_results_are_sorted_blocks_then_warnings_then_information() -> None:
    messy = person(hukuman_disiplin=True, tmt_jabatan=date(2026, 1, 1), status=StatusPegawai.CUTI)
    order = [x.severity for x in check_move(move(messy))]
    assert order == sorted(order, key=lambda s: s.urutan)
    assert order[0] is Keparahan.BLOKIR and order[-1] is Keparahan.INFO


# ---- overrides -----------------------------------------------------------------------------------


def test_only_warnings_need_a_reason_and_answered_ones_are_resolved() -> None:
    found = check_move(move(person(tmt_jabatan=date(2026, 1, 1)), t=tujuan(pegawai_ada=5)))
    pending = unresolved(found, {})
    assert {x.code for x in pending} == {r.MASA_JABATAN_KURANG_2, r.TUJUAN_TIDAK_KURANG}
    assert all(x.needs_reason and not x.blocks for x in pending)
    left = unresolved(found, {r.MASA_JABATAN_KURANG_2: {"alasan": "Kebutuhan mendesak"}})
    assert [x.code for x in left] == [r.TUJUAN_TIDAK_KURANG]


def test_results_round_trip_through_json() -> None:
    for x in check_move(move(person(tmt_jabatan=date(2026, 1, 1), pindah_terakhir=TODAY))):
        doc = x.to_json()
        assert doc["message"] == x.message()
        assert RuleResult.from_json(doc).code == x.code


# ---- skills and training -------------------------------------------------------------------------


def test_skill_matching_ignores_case_punctuation_and_accepts_completed_courses() -> None:
    m = skill_match(
        ["Pengolahan Data", "Aplikasi SIKS-NG", "Kearsipan"],
        ["pengolahan  data"],
        ["Bimtek SIKS-NG Angkatan II"],
    )
    assert m.cocok == ("Pengolahan Data", "Aplikasi SIKS-NG")
    assert m.kurang == ("Kearsipan",)
    assert m.share == pytest.approx(2 / 3)
    assert skill_match([], ["x"]).share == 1.0


def test_kompetensi_syarat_is_parsed_and_deduplicated() -> None:
    assert parse_syarat("Pengolahan data; pengolahan DATA ;Microsoft  Excel;;") == (
        "Pengolahan data",
        "Microsoft  Excel".replace("  ", " "),
    )
    assert parse_syarat(None) == ()


def test_training_gap_lists_missing_skills_and_education() -> None:
    target = tujuan(
        kompetensi_syarat=("Pengolahan data", "Aplikasi SIKS-NG"),
        pendidikan_min=TingkatPendidikan.D3,
    )
    gap = training_gap(person(pendidikan=TingkatPendidikan.SLTA), target)
    assert [(g.topik, g.jenis) for g in gap] == [
        ("Aplikasi SIKS-NG", JenisKebutuhan.KOMPETENSI),
        ("D-III", JenisKebutuhan.PENDIDIKAN),
    ]
    trained = replace(person(), pelatihan=("Bimtek SIKS-NG",))
    assert training_gap(trained, target) == ()
