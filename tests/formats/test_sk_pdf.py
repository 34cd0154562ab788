"""Decree PDFs read back with poppler: structure, every row, numbers, dates, page, fonts, QR."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from mutasi_desktop.config.paths import resource_root
from mutasi_desktop.domain.sk import (
    BarisSk,
    Huruf,
    IsiSk,
    JenisDokumen,
    Kertas,
    Pejabat,
    PengaturanSk,
    TataLetak,
    draft_isi,
    hash_isi,
    kode_verifikasi,
    parse_template,
)
from mutasi_desktop.formats import sk_pdf
from mutasi_desktop.formats.pdf_halaman import jumlah_halaman, render_halaman, ukuran_halaman
from support_sk import SEKDA, baris, pdffonts, pdfinfo, pdftotext, tiny_png

NOMOR = "800.1.3.1/Kep.12/BKPSDM/XI/2026"
F4_PT = (609.449, 935.433)
A4_PT = (595.276, 841.89)


def _isi(n: int, **settings: object) -> IsiSk:
    template = parse_template(
        (resource_root() / "templates" / "sk" / "mutasi.toml").read_text(encoding="utf-8")
    )
    values: dict[str, object] = dict(bupati="H. Abdul Rahim Pattasangi", sekda=SEKDA)
    values.update(settings)
    p = PengaturanSk(**values)  # type: ignore[arg-type]
    lines = baris(n)
    lines[0] = dataclasses.replace(
        lines[0],
        keterangan="Penyesuaian ABK",
        kepala_baru=Pejabat(
            "Dra. Hj. Sitti Aminah, M.Si.", "196805121992032004", "IV/b", "Kepala Dinas Sosial"
        ),
    )
    isi = draft_isi(template, p, lines, tmt=date(2026, 12, 1))
    return dataclasses.replace(isi, nomor=NOMOR, tanggal=date(2026, 11, 20))


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _pages(path: Path) -> list[str]:
    return pdftotext(path, layout=True).split("\f")[:-1]


def _kode(isi: IsiSk, tata: TataLetak, jenis: JenisDokumen, b: BarisSk | None = None) -> str:
    return kode_verifikasi(hash_isi(isi, tata), jenis, b.nip if b else "")


def _text(path: Path) -> str:
    """Text in reading order: layout mode keeps a table's columns on their visual line."""
    return pdftotext(path, layout=True)


def _in_order(text: str, parts: list[str]) -> None:
    flat = " ".join(text.split())
    pos = 0
    for part in parts:
        found = flat.find(part, pos)
        assert found >= 0, f"{part!r} missing or out of order"
        pos = found + len(part)


# --------------------------------------------------------------------------- the decree


def test_sk_sections_in_order_with_every_row(tmp_path: Path) -> None:
    isi = _isi(40)
    tata = TataLetak()
    kode = _kode(isi, tata, JenisDokumen.SK)
    path = _write(tmp_path, "sk.pdf", sk_pdf.render_sk(isi, tata, kode=kode, draft=False))
    text = _text(path)
    _in_order(
        text,
        [
            "BUPATI MAMUJU",
            "KEPUTUSAN BUPATI MAMUJU",
            f"NOMOR : {NOMOR}",
            "TENTANG",
            "PEMINDAHAN DAN PENEMPATAN PEGAWAI NEGERI SIPIL",
            "DENGAN RAHMAT TUHAN YANG MAHA ESA",
            "BUPATI MAMUJU,",
            "Menimbang",
            "a.",
            "b.",
            "Mengingat",
            "Undang-Undang Nomor 29 Tahun 1959",
            "MEMUTUSKAN:",
            "Menetapkan",
            "KESATU",
            "KEDUA",
            "KETIGA",
            "KEEMPAT",
            "PETIKAN Keputusan ini disampaikan",
            "Ditetapkan di",
            "Mamuju",
            "pada tanggal",
            "20 November 2026",
            "H. ABDUL RAHIM PATTASANGI",
            "Tembusan Yth.:",
            "Arsip.",
            "LAMPIRAN KEPUTUSAN BUPATI MAMUJU",
            "NOMOR",
            NOMOR,
            "TANGGAL",
            "20 November 2026",
            "NAMA / NIP",
            "Pegawai Uji 1, S.E.",
            "Pegawai Uji 40, S.E.",
            "BUPATI MAMUJU,",
            "H. ABDUL RAHIM PATTASANGI",
        ],
    )
    flat = " ".join(text.split())
    for b in isi.baris:
        assert b.nama in flat
        assert f"NIP {b.nip_tampil}" in flat
    assert "terhitung mulai tanggal 1 Desember 2026" in flat
    # Indonesian months only.
    english = r"\b(January|February|March|May|June|July|August|October|December)\b"
    assert not re.search(english, flat)
    assert not re.search(r"\b(November|Desember) \d{1,2}, \d{4}", flat)  # "November 20, 2026"
    assert "DRAFT" not in text and "KONSEP" not in text
    assert f"Kode verifikasi: {kode}" in text


def test_page_size_fonts_metadata_and_numbers(tmp_path: Path) -> None:
    isi = _isi(60)
    tata = TataLetak()
    kode = _kode(isi, tata, JenisDokumen.SK)
    path = _write(tmp_path, "sk.pdf", sk_pdf.render_sk(isi, tata, kode=kode, draft=False))
    info = pdfinfo(path)
    w, h = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (w, h) == pytest.approx(F4_PT, abs=0.01)
    assert info["Keywords"] == f"{sk_pdf.KEYWORD_PREFIX}{kode}"
    assert NOMOR in info["Title"]
    assert info["Author"] == "Pemerintah Kabupaten Mamuju"
    fonts = pdffonts(path)
    assert fonts and all(f["emb"] == "yes" for f in fonts)
    assert not any("Helvetica" in f["name"] for f in fonts)
    pages = _pages(path)
    total = len(pages)
    assert total == int(info["Pages"]) == sk_pdf.page_count(path.read_bytes())
    for i, page in enumerate(pages, start=1):
        assert f"Halaman {i} dari {total}" in page
    assert sk_pdf.read_verification_code(path.read_bytes()) == kode


def test_lampiran_repeats_its_header_and_keeps_rows_with_the_signature(tmp_path: Path) -> None:
    isi = _isi(90)
    path = _write(tmp_path, "sk.pdf", sk_pdf.render_sk(isi, TataLetak(), kode=None, draft=False))
    pages = _pages(path)
    first = next(i for i, p in enumerate(pages) if "LAMPIRAN KEPUTUSAN" in p)
    lampiran = pages[first:]
    assert len(lampiran) >= 3
    for page in lampiran:
        assert "NAMA / NIP" in page and "JABATAN" in page and "LAMA" in page
    last = " ".join(lampiran[-1].split())
    # The repeated signature never stands alone: the last rows come with it.
    assert "Pegawai Uji 90, S.E." in last and "Pegawai Uji 89, S.E." in last
    assert last.index("Pegawai Uji 90") < last.rindex("H. ABDUL RAHIM PATTASANGI")
    seen = [n for n in range(1, 91) if any(f"Pegawai Uji {n}, S.E." in p for p in lampiran)]
    assert seen == list(range(1, 91))


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 19, 24, 31])
def test_no_signature_block_alone_whatever_the_number_of_rows(tmp_path: Path, n: int) -> None:
    isi = _isi(n)
    path = _write(tmp_path, "sk.pdf", sk_pdf.render_sk(isi, TataLetak(), kode=None, draft=False))
    for page in _pages(path):
        if "H. ABDUL RAHIM PATTASANGI" not in page:
            continue
        body = " ".join(page.split())
        before = body[: body.index("H. ABDUL RAHIM PATTASANGI")]
        # Something besides the signature's own lines precedes it on its page.
        stripped = before.replace("BUPATI MAMUJU,", "").strip()
        assert len(stripped) > 60, page


def test_draft_is_watermarked_unnumbered_and_carries_no_code(tmp_path: Path) -> None:
    isi = dataclasses.replace(_isi(3), nomor=None, tanggal=None)
    path = _write(tmp_path, "konsep.pdf", sk_pdf.render_sk(isi, TataLetak(), kode="X", draft=True))
    text = _text(path)
    assert "DRAFT" in text and "belum ditetapkan" in text
    assert "belum bernomor" in text
    assert "Kode verifikasi" not in text
    assert sk_pdf.read_verification_code(path.read_bytes()) is None


def test_output_is_deterministic() -> None:
    isi = _isi(5)
    tata = TataLetak()
    a = sk_pdf.render_sk(isi, tata, kode="AAAA-BBBB-CCCC", draft=False)
    b = sk_pdf.render_sk(isi, tata, kode="AAAA-BBBB-CCCC", draft=False)
    assert a == b


@pytest.mark.parametrize("huruf", list(Huruf))
def test_every_font_family_embeds_and_a4_works(tmp_path: Path, huruf: Huruf) -> None:
    isi = _isi(4)
    tata = TataLetak(kertas=Kertas.A4, huruf=huruf, ukuran_huruf=11.0)
    path = _write(tmp_path, "sk.pdf", sk_pdf.render_sk(isi, tata, kode=None, draft=False))
    info = pdfinfo(path)
    w, h = (float(x) for x in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (w, h) == pytest.approx(A4_PT, abs=0.01)
    fonts = pdffonts(path)
    expected = sk_pdf.FONT_FILES[huruf][0][0]
    assert any(expected in f["name"] for f in fonts)
    assert all(f["emb"] == "yes" for f in fonts)


def test_logo_is_drawn_when_configured(tmp_path: Path) -> None:
    png = tiny_png()
    isi = _isi(1)
    with_logo = sk_pdf.render_sk(isi, TataLetak(logo=png), kode=None, draft=False)
    without = sk_pdf.render_sk(isi, TataLetak(), kode=None, draft=False)
    assert b"/Subtype /Image" in with_logo and b"/Subtype /Image" not in without


# --------------------------------------------------------------------------- petikan and letters


def test_petikan_has_only_its_person_and_the_certification(tmp_path: Path) -> None:
    isi = _isi(6)
    tata = TataLetak()
    b = isi.baris[2]
    kode = _kode(isi, tata, JenisDokumen.PETIKAN, b)
    path = _write(tmp_path, "p.pdf", sk_pdf.render_petikan(isi, tata, b, kode=kode, draft=False))
    text = _text(path)
    _in_order(
        text,
        [
            "PETIKAN",
            "KEPUTUSAN BUPATI MAMUJU",
            f"NOMOR : {NOMOR}",
            "Menimbang",
            "dst.",
            "Mengingat",
            "dst.",
            "MEMUTUSKAN:",
            "KESATU",
            "Pegawai Uji 3, S.E.",
            "KEDUA",
            f"kepada Saudara {b.nama}",
            "Ditetapkan di",
            "20 November 2026",
            "BUPATI MAMUJU,",
            "ttd.",
            "H. ABDUL RAHIM PATTASANGI",
            "Petikan sesuai dengan aslinya",
            "a.n. BUPATI MAMUJU",
            "SEKRETARIS DAERAH KABUPATEN",
            "Drs. H. MUHAMMAD AMIR, M.Si.",
            "NIP 19700101 199003 1 001",
            "Tembusan Yth.:",
        ],
    )
    for other in (isi.baris[0], isi.baris[1], isi.baris[3]):
        assert other.nama not in text
    assert f"Kode verifikasi: {kode}" in text
    assert "Undang-Undang Nomor 29" not in text


def test_the_two_spmt_letters_are_labelled_unambiguously(tmp_path: Path) -> None:
    isi = _isi(2)
    tata = TataLetak()
    b = isi.baris[0]
    pernyataan = _write(
        tmp_path,
        "a.pdf",
        sk_pdf.render_spmt_pernyataan(isi, tata, b, kode="AAAA-BBBB-CCCC", draft=False),
    )
    perintah = _write(
        tmp_path,
        "b.pdf",
        sk_pdf.render_spmt_perintah(isi, tata, b, kode="AAAA-BBBB-CCCD", draft=False),
    )
    t1, t2 = _text(pernyataan), _text(perintah)
    assert "SURAT PERNYATAAN MELAKSANAKAN TUGAS" in t1 and "SURAT PERINTAH" not in t1
    assert "SURAT PERINTAH MELAKSANAKAN TUGAS" in t2 and "SURAT PERNYATAAN MELAKSANAKAN" not in t2
    _in_order(
        t1,
        [
            "PEMERINTAH KABUPATEN MAMUJU",
            "DINAS SOSIAL",
            "Yang bertanda tangan di bawah ini:",
            "Dra. Hj. Sitti Aminah, M.Si.",
            "dengan ini menyatakan",
            b.nama,
            f"Nomor {NOMOR} tanggal 20 November 2026",
            "terhitung mulai tanggal 1 Desember 2026",
            "Kepala Dinas Sosial,",
            "Dra. Hj. SITTI AMINAH, M.Si.",
        ],
    )
    _in_order(
        t2,
        [
            "SEKRETARIAT DAERAH",
            "Dasar",
            f"Nomor {NOMOR}",
            "MEMERINTAHKAN:",
            "Kepada",
            b.nama,
            "Untuk",
            "Melaksanakan tugas sebagai Pengelola Data Bansos",
            "1 Desember 2026",
            "Dikeluarkan di",
            "a.n. BUPATI MAMUJU",
            "Drs. H. MUHAMMAD AMIR, M.Si.",
        ],
    )
    # Without a known head of the receiving unit the letter leaves the lines to fill by hand.
    anon = dataclasses.replace(isi.baris[1], kepala_baru=None)
    t3 = _text(
        _write(
            tmp_path,
            "c.pdf",
            sk_pdf.render_spmt_pernyataan(isi, tata, anon, kode=None, draft=False),
        )
    )
    assert "Kepala Dinas Sosial," in t3 and "……" in t3


def test_many_documents_render_in_parallel_like_one_by_one() -> None:
    isi = _isi(40)
    tata = TataLetak()
    pesanan = [sk_pdf.Pesanan(JenisDokumen.PETIKAN, i, f"AAAA-BBBB-{i:04d}") for i in range(40)]
    pesanan += [sk_pdf.Pesanan(JenisDokumen.SPMT_PERNYATAAN, i, None) for i in range(40)]
    parallel = {
        h.urutan: h.data for h in sk_pdf.render_many(isi, tata, pesanan, draft=False, workers=2)
    }
    serial = {
        h.urutan: h.data for h in sk_pdf.render_many(isi, tata, pesanan, draft=False, workers=1)
    }
    assert len(parallel) == len(pesanan)
    assert parallel == serial


def test_a_broken_row_fails_alone() -> None:
    isi = _isi(3)
    bad = dataclasses.replace(
        isi, baris=(*isi.baris[:2], dataclasses.replace(isi.baris[2], nama=None))
    )  # type: ignore[arg-type]
    pesanan = [sk_pdf.Pesanan(JenisDokumen.PETIKAN, i, None) for i in range(3)]
    results = sorted(
        sk_pdf.render_many(bad, TataLetak(), pesanan, draft=False, workers=1),
        key=lambda h: h.urutan,
    )
    assert [r.data is not None for r in results] == [True, True, False]
    assert results[2].galat


# --------------------------------------------------------------------------- pages as pixels


def test_pages_render_to_pixels_for_the_preview() -> None:
    data = sk_pdf.render_sk(_isi(3), TataLetak(), kode=None, draft=True)
    n = jumlah_halaman(data)
    assert n >= 2
    sizes = ukuran_halaman(data)
    assert sizes[0] == pytest.approx(F4_PT, abs=0.01)
    pages = list(render_halaman(data, dpi=36, halaman=[1]))
    assert len(pages) == 1
    page = pages[0]
    assert page.width == round(F4_PT[0] / 2) or abs(page.width - F4_PT[0] / 2) <= 1
    assert len(page.rgb) == page.stride * page.height
    assert min(page.rgb) < 100  # some ink


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) not installed")
def test_the_printed_qr_code_scans(tmp_path: Path) -> None:
    isi = _isi(2)
    tata = TataLetak()
    kode = _kode(isi, tata, JenisDokumen.PETIKAN, isi.baris[0])
    path = _write(
        tmp_path, "p.pdf", sk_pdf.render_petikan(isi, tata, isi.baris[0], kode=kode, draft=False)
    )
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    png = next(tmp_path.glob("p-*.png"))
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True
    ).stdout
    assert f"KODE VERIFIKASI {kode}" in out
