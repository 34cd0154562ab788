"""Decree content: words, signature blocks, templates, drafting, canonical hash, codes."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mutasi_desktop.config.paths import resource_root
from mutasi_desktop.domain.errors import DomainError, Severity
from mutasi_desktop.domain.messages import TEMPLATES
from mutasi_desktop.domain.sk import (
    BarisSk,
    GayaDiktum,
    IsiSk,
    JenisDokumen,
    JenisSpmt,
    ModePenandatangan,
    Pejabat,
    PengaturanSk,
    RujukanSk,
    TataLetak,
    canonical_json,
    diktum_label,
    draft_isi,
    hash_isi,
    huruf_urut,
    kode_verifikasi,
    masalah_final,
    nama_tanda_tangan,
    parse_kode,
    parse_template,
    qr_payload,
    terbilang,
    unit_lengkap,
)

TEMPLATE = resource_root() / "templates" / "sk" / "mutasi.toml"
SEKDA = Pejabat("Drs. H. Muhammad Amir, M.Si.", "197001011990031001", "IV/c", "Sekretaris Daerah")


def _settings(**kw: object) -> PengaturanSk:
    values: dict[str, object] = dict(bupati="H. Abdul Rahim Pattasangi", sekda=SEKDA)
    values.update(kw)
    return PengaturanSk(**values)  # type: ignore[arg-type]


def _line(i: int = 1, **kw: object) -> BarisSk:
    values: dict[str, object] = dict(
        nama=f"Andi Baso {i}, S.E.",
        nip=f"19860926201505{i:04d}",
        pangkat="Penata Muda Tingkat I, III/b",
        jabatan_lama="Pengadministrasi Umum",
        unit_lama="Bidang Lalu Lintas Dinas Perhubungan",
        jabatan_baru="Pengelola Data Bansos",
        unit_baru="Bidang Perlindungan dan Jaminan Sosial Dinas Sosial",
        opd_baru="Dinas Sosial",
    )
    values.update(kw)
    return BarisSk(**values)  # type: ignore[arg-type]


def _isi(n: int = 2, **kw: object) -> IsiSk:
    template = parse_template(TEMPLATE.read_text(encoding="utf-8"))
    return draft_isi(
        template, _settings(**kw), [_line(i) for i in range(1, n + 1)], tmt=date(2026, 12, 1)
    )


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (1, "satu"),
        (10, "sepuluh"),
        (11, "sebelas"),
        (12, "dua belas"),
        (20, "dua puluh"),
        (21, "dua puluh satu"),
        (100, "seratus"),
        (115, "seratus lima belas"),
        (999, "sembilan ratus sembilan puluh sembilan"),
        (1000, "seribu"),
        (2026, "dua ribu dua puluh enam"),
    ],
)
def test_terbilang(n: int, words: str) -> None:
    assert terbilang(n) == words


def test_diktum_labels_in_both_styles() -> None:
    kesatu = [diktum_label(n) for n in (1, 2, 3, 4, 10, 11, 12, 21)]
    assert kesatu == [
        "KESATU",
        "KEDUA",
        "KETIGA",
        "KEEMPAT",
        "KESEPULUH",
        "KESEBELAS",
        "KEDUA BELAS",
        "KEDUA PULUH SATU",
    ]
    assert diktum_label(1, GayaDiktum.PERTAMA) == "PERTAMA"
    assert diktum_label(2, GayaDiktum.PERTAMA) == "KEDUA"
    assert [huruf_urut(n) for n in (1, 2, 26, 27)] == ["a", "b", "z", "aa"]


@pytest.mark.parametrize(
    ("nama", "expected"),
    [
        ("H. Abdul Rahim Pattasangi", "H. ABDUL RAHIM PATTASANGI"),
        ("Drs. H. Muhammad Amir, M.Si.", "Drs. H. MUHAMMAD AMIR, M.Si."),
        ("andi  baso", "ANDI BASO"),
        ("Dr. Ir. Hj. Sitti Aminah, S.T., M.T.", "Dr. Ir. Hj. SITTI AMINAH, S.T., M.T."),
    ],
)
def test_signature_name_is_capitalised_with_titles_kept(nama: str, expected: str) -> None:
    assert nama_tanda_tangan(nama) == expected


def test_unit_text_names_the_opd_once() -> None:
    assert unit_lengkap("Bidang Lalu Lintas", "Dinas Perhubungan") == (
        "Bidang Lalu Lintas Dinas Perhubungan"
    )
    assert unit_lengkap("Dinas Perhubungan", "Dinas Perhubungan") == "Dinas Perhubungan"
    assert unit_lengkap(None, "Dinas Sosial") == "Dinas Sosial"


# --------------------------------------------------------------------------- template


def test_shipped_template_is_versioned_and_complete() -> None:
    t = parse_template(TEMPLATE.read_text(encoding="utf-8"))
    assert t.nama == "mutasi" and t.versi
    assert len(t.menimbang) >= 2 and len(t.diktum) >= 2
    # Mamuju defaults from the reference (§4.1.5, §4.1.11).
    joined = " ".join(t.mengingat)
    for law in ("Nomor 29 Tahun 1959", "Nomor 26 Tahun 2004", "Nomor 20 Tahun 2023"):
        assert law in joined
    assert any("Regional IV" in x for x in t.tembusan)
    assert "{sk_lama}" in t.diktum_pencabutan


@pytest.mark.parametrize(
    "text",
    [
        "not toml [",
        "[template]\nnama='x'\n",
        "[template]\nnama='x'\nversi='1'\n[sk]\njudul='x'\n",
        "[template]\nversi='1'\n",
    ],
)
def test_broken_templates_are_refused(text: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_template(text)
    assert info.value.code == "sk.template_tidak_sah"


# --------------------------------------------------------------------------- drafting


def test_draft_fills_regency_names_and_signature_blocks() -> None:
    isi = _isi()
    assert isi.judul_terisi.endswith("di Lingkungan Pemerintah Kabupaten Mamuju")
    assert isi.kepala_daerah == "Bupati Mamuju"
    assert isi.penandatangan.jabatan == ("BUPATI MAMUJU,",)
    assert isi.penandatangan.nama == "H. ABDUL RAHIM PATTASANGI"
    assert isi.penandatangan.keterangan == ()  # elected: no NIP
    assert isi.pengesah_petikan.jabatan[0] == "a.n. BUPATI MAMUJU"
    assert isi.pengesah_petikan.keterangan == (
        "Pembina Utama Muda, IV/c",
        "NIP 19700101 199003 1 001",
    )
    labels = [label for label, _ in isi.diktum_terisi()]
    assert labels[:2] == ["KESATU", "KEDUA"]
    text = " ".join(t for _, t in isi.diktum_terisi())
    assert "1 Desember 2026" in text and "{tmt}" not in text
    assert "Diktum KESATU" in text


@pytest.mark.parametrize(
    ("mode", "jabatan", "has_nip"),
    [
        (ModePenandatangan.BUPATI, ("BUPATI MAMUJU,",), False),
        (ModePenandatangan.PLT, ("Plt. BUPATI MAMUJU,",), False),
        (ModePenandatangan.AN_SEKDA, ("a.n. BUPATI MAMUJU", "SEKRETARIS DAERAH,"), True),
    ],
)
def test_signatory_modes(mode: ModePenandatangan, jabatan: tuple[str, ...], has_nip: bool) -> None:
    isi = _isi(mode_penandatangan=mode, pejabat_pengganti="Yohanis Tandipau, S.E.")
    assert isi.penandatangan.jabatan == jabatan
    assert any(k.startswith("NIP") for k in isi.penandatangan.keterangan) is has_nip


def test_pertama_style_and_a_city() -> None:
    isi = _isi(gaya_diktum=GayaDiktum.PERTAMA, daerah="Kota Makassar", ibu_kota="Makassar")
    assert isi.diktum_terisi()[0][0] == "PERTAMA"
    assert isi.kepala_daerah == "Wali Kota Makassar"


def test_a_correction_gets_the_revoking_diktum_before_the_last() -> None:
    template = parse_template(TEMPLATE.read_text(encoding="utf-8"))
    old = RujukanSk(1, "800.1.3.1/Kep.1/BKPSDM/XI/2026", date(2026, 11, 2), "Pemindahan X")
    isi = draft_isi(template, _settings(), [_line()], tmt=date(2026, 12, 1), mengganti=old)
    texts = [t for _, t in isi.diktum_terisi()]
    assert len(texts) == len(template.diktum) + 1
    assert "800.1.3.1/Kep.1/BKPSDM/XI/2026 tanggal 2 November 2026" in texts[-2]
    assert "dicabut dan dinyatakan tidak berlaku" in texts[-2]


def test_what_blocks_finalising() -> None:
    isi = dataclasses.replace(_isi(0), tmt=None)
    codes = {p.code for p in masalah_final(isi) if p.severity is Severity.ERROR}
    assert {"sk.tanpa_baris", "sk.tmt_kosong"} <= codes
    twice = dataclasses.replace(_isi(1), baris=(_line(1), _line(1)))
    assert "sk.pegawai_ganda" in {p.code for p in masalah_final(twice)}
    odd = dataclasses.replace(_isi(1), diktum=("Berlaku mulai {tmtx}.",))
    assert "sk.isian_tidak_dikenal" in {p.code for p in masalah_final(odd)}
    # The Mamuju template's unknown Perda number is flagged, not blocked.
    warnings = [p for p in masalah_final(_isi(1)) if p.severity is Severity.WARNING]
    assert warnings and all(p.code == "sk.isian_kosong" for p in warnings)
    for p in masalah_final(isi) + masalah_final(odd):
        assert p.code in TEMPLATES


# --------------------------------------------------------------------------- hash and codes


def test_content_round_trips_through_json_and_hashes_alike() -> None:
    isi = dataclasses.replace(
        _isi(3), nomor="800.1.3.1/Kep.1/BKPSDM/XI/2026", tanggal=date(2026, 11, 20)
    )
    tata = TataLetak(logo=b"\x89PNG\r\n\x1a\nfake")
    again = IsiSk.from_dict(json.loads(json.dumps(isi.to_dict())))
    assert again == isi
    tata_again = TataLetak.from_dict(json.loads(json.dumps(tata.to_dict())))
    assert tata_again == tata
    assert hash_isi(again, tata_again) == hash_isi(isi, tata)
    assert len(hash_isi(isi, tata)) == 64
    assert "\\u" not in canonical_json(isi, tata)  # NFC text, not escaped


def test_any_change_of_content_or_layout_changes_the_hash() -> None:
    isi = _isi(2)
    tata = TataLetak()
    base = hash_isi(isi, tata)
    changed = [
        dataclasses.replace(isi, baris=(isi.baris[0], dataclasses.replace(isi.baris[1], nama="X"))),
        dataclasses.replace(isi, tmt=date(2027, 1, 1)),
        dataclasses.replace(isi, diktum=(*isi.diktum[:-1], isi.diktum[-1] + " ")),
        dataclasses.replace(isi, nomor="1"),
    ]
    assert all(hash_isi(c, tata) != base for c in changed)
    assert hash_isi(isi, dataclasses.replace(tata, ukuran_huruf=11.0)) != base


def test_codes_differ_per_document_and_person() -> None:
    h = hash_isi(_isi(2), TataLetak())
    codes = {
        kode_verifikasi(h, JenisDokumen.SK),
        kode_verifikasi(h, JenisDokumen.PETIKAN, "198609262015050001"),
        kode_verifikasi(h, JenisDokumen.PETIKAN, "198609262015050002"),
        kode_verifikasi(h, JenisDokumen.SPMT_PERNYATAAN, "198609262015050001"),
    }
    assert len(codes) == 4
    assert all(len(c) == 14 and c.count("-") == 2 for c in codes)


@settings(deadline=None, database=None, max_examples=200)
@given(
    st.text(alphabet="0123456789abcdef", min_size=64, max_size=64),
    st.sampled_from(list(JenisDokumen)),
)
def test_codes_are_found_again_in_any_typed_or_scanned_form(
    digest: str, jenis: JenisDokumen
) -> None:
    kode = kode_verifikasi(digest, jenis, "198609262015051001")
    assert parse_kode(kode) == kode
    assert parse_kode(kode.lower().replace("-", " ")) == kode
    assert parse_kode(kode.replace("0", "O").replace("1", "I")) == kode
    assert parse_kode(qr_payload(kode, jenis, "Kabupaten Mamuju")) == kode


def test_a_mistyped_code_fails_its_check_character() -> None:
    kode = kode_verifikasi("ab" * 32, JenisDokumen.SK)
    wrong = ("1" if kode[0] != "1" else "2") + kode[1:]
    assert parse_kode(wrong) is None
    assert parse_kode("") is None
    assert parse_kode("tidak ada kode di sini") is None


def test_qr_payload_uses_the_compact_alphanumeric_alphabet() -> None:
    text = qr_payload("74P5-EC08-2QVM", JenisDokumen.PETIKAN, "Kabupaten Mamuju")
    assert set(text) <= set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ -")
    assert text.endswith("KODE VERIFIKASI 74P5-EC08-2QVM")


def test_settings_round_trip_and_checks() -> None:
    p = _settings(
        mengingat=("UU 1",), margin=(20.0, 25.0, 30.0, 20.0), jenis_spmt=JenisSpmt.KEDUANYA
    )
    assert PengaturanSk.from_dict(json.loads(json.dumps(p.to_dict()))) == p
    assert PengaturanSk.from_dict({"kertas": "B5", "ukuran_huruf": "x"}) == PengaturanSk()
    bad = _settings(bupati="", pola_nomor="{kode}", ukuran_huruf=20.0)
    codes = {x.code for x in bad.check()}
    assert {"field.wajib", "nomor.pola_tidak_sah", "sk.ukuran_huruf"} <= codes
    assert p.terkonfigurasi and not PengaturanSk().terkonfigurasi


def test_template_path_exists() -> None:
    assert isinstance(TEMPLATE, Path) and TEMPLATE.is_file()
