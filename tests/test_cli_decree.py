"""`mutasi decree …` over a real database file: JSON, exit codes, files, verification."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mutasi_desktop.cli import run
from mutasi_desktop.cli.common import Io
from mutasi_desktop.services.bootstrap import open_services
from support import SmallOrg
from support_sk import approved_batch, configure, pdftotext


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), Io(out, err))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "sk.sqlite3"
    svc = open_services(path)
    try:
        org = SmallOrg(svc)
        configure(svc)
        batch_id, _ = approved_batch(svc, org, 3)
    finally:
        svc.close()
    return path, batch_id


def test_draft_finalise_list_render_verify(db: tuple[Path, int], tmp_path: Path) -> None:
    path, batch_id = db
    base = ("--db", str(path), "decree")
    code, out, err = cli(*base, "list", "--json")
    assert code == 0, err
    assert json.loads(out) == []

    code, out, err = cli(*base, "draft", "--batch", str(batch_id))
    assert code == 0, err
    assert "Konsep SK #1 dibuat (3 pegawai)" in out

    code, out, err = cli(*base, "list", "--json")
    rows = json.loads(out)
    assert [(r["id"], r["nomor"], r["tanggal"], r["status"]) for r in rows] == [
        (1, None, None, "draft")
    ]

    code, out, err = cli(*base, "finalize", "1", "--date", "20-11-2026")
    assert code == 0, err
    assert "Nomor 800.1.3.1/Kep.1/BKPSDM/XI/2026 tanggal 20 November 2026" in out
    assert "Peringatan" in err  # the template's unfinished Perda citation

    code, out, _ = cli(*base, "list", "--json")
    (row,) = json.loads(out)
    assert row["id"] == 1 and row["status"] == "final"
    assert row["nomor"] == "800.1.3.1/Kep.1/BKPSDM/XI/2026"
    assert row["tanggal"] == "2026-11-20"
    assert row["jumlah_pegawai"] == 3

    # An issued decree is refused with exit code 3.
    code, _, err = cli(*base, "finalize", "1")
    assert code == 3 and "tidak dapat diubah" in err

    out_dir = tmp_path / "berkas"
    code, out, err = cli(*base, "render", "1", "--out", str(out_dir))
    assert code == 0, err
    assert "7 berkas ditulis" in out
    files = sorted(p.name for p in out_dir.iterdir())
    assert files[0].startswith("petikan-001-") and "sk.pdf" in files
    assert len([f for f in files if f.startswith("surat-pernyataan-")]) == 3
    assert "800.1.3.1/Kep.1/BKPSDM/XI/2026" in pdftotext(out_dir / "sk.pdf")

    code, out, err = cli(*base, "verify", str(out_dir / "sk.pdf"))
    assert code == 0 and out.startswith("ASLI"), (out, err)
    code, out, _ = cli(*base, "verify", str(out_dir / files[0]), "--json")
    verdict = json.loads(out)
    assert verdict["sah"] and verdict["dokumen"]["jenis"] == "petikan"

    tampered = tmp_path / "ubah.pdf"
    data = (out_dir / "sk.pdf").read_bytes()
    tampered.write_bytes(data.replace(b"/Title (", b"/Title (X", 1))
    code, out, _ = cli(*base, "verify", str(tampered))
    assert code == 2 and out.startswith("TIDAK SAH")
    code, _, err = cli(*base, "verify", str(tmp_path / "tidak-ada.pdf"))
    assert code == 2 and "tidak ditemukan" in err

    code, out, _ = cli(*base, "verify-code", verdict["kode"])
    assert code == 0 and "ASLI" in out

    code, out, err = cli(*base, "render", "1", "--out", str(tmp_path / "sk-saja"), "--only", "sk")
    assert code == 0 and "1 berkas ditulis" in out


def test_cancel_correct_register_and_reserve(db: tuple[Path, int]) -> None:
    path, batch_id = db
    base = ("--db", str(path), "decree")
    assert cli(*base, "draft", "--batch", str(batch_id))[0] == 0
    assert cli(*base, "finalize", "1", "--date", "2026-11-20")[0] == 0

    code, out, err = cli(*base, "correct", "1", "--reason", "Nama salah ketik")
    assert code == 0, err
    code, _, err = cli(*base, "cancel", "1", "--reason", "x")
    assert code == 3  # a correction is pending
    assert cli(*base, "finalize", "2", "--date", "2026-11-21")[0] == 0
    code, out, _ = cli(*base, "list", "--json")
    status = {r["id"]: (r["status"], r["nomor"]) for r in json.loads(out)}
    assert status[1] == ("cancelled", "800.1.3.1/Kep.1/BKPSDM/XI/2026")
    assert status[2] == ("final", "800.1.3.1/Kep.2/BKPSDM/XI/2026")
    code, out, _ = cli(*base, "list", "--status", "cancelled")
    assert "Dibatalkan" in out and "Kep.1" in out

    code, out, err = cli(
        *base, "reserve", "--note", "SK pelantikan (manual)", "--date", "2026-11-22"
    )
    assert code == 0 and "Dicadangkan: 800.1.3.1/Kep.3/BKPSDM/XI/2026" in out
    code, out, err = cli(
        *base, "reserve", "--note", "x", "--number", "800.1.3.1/Kep.3/BKPSDM/XI/2026"
    )
    assert code == 2 and "sudah tercatat" in err
    code, out, _ = cli(*base, "register", "--year", "2026", "--json")
    entries = json.loads(out)
    assert [(e["urut"], e["status"]) for e in entries] == [
        (1, "dibatalkan"),
        (2, "dipakai"),
        (3, "dicadangkan"),
    ]
    code, out, _ = cli(*base, "show", "2")
    assert "TMT 1 Desember 2026" in out and "Kep.2" in out
    code, out, _ = cli(*base, "show", "2", "--json")
    assert json.loads(out)["isi"]["mengganti"]["nomor"] == "800.1.3.1/Kep.1/BKPSDM/XI/2026"

    code, _, err = cli(*base, "cancel", "2", "--reason", "Dibatalkan Bupati")
    assert code == 0, err
    code, _, err = cli(*base, "show", "99")
    assert code == 2 and "tidak ditemukan" in err
