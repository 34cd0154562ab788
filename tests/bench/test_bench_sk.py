"""Decree files: one SK with 500 lines plus 500 petikan and 500 SPMT letters in < 8 s.

Measured through the service, as the GUI and `mutasi decree render` run it: read the frozen
decree, render every document (worker processes when there are two or more CPUs), write the
files and register their hashes. The baseline beside it is the same renderer on one CPU, run
on a tenth of the letters in the same session and scaled up.
"""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path

import pytest
from bench_support import target

from mutasi_desktop.domain.sk import JenisDokumen, TataLetak
from mutasi_desktop.formats import sk_pdf
from mutasi_desktop.services.bootstrap import open_services
from support_sk import TANGGAL, TMT, baris, configure

LINES = 500
TARGET_S = 8.0
SAMPLE = 50


@pytest.mark.bench
def test_sk_with_500_lines_plus_1000_letters(tmp_path: Path) -> None:
    svc = open_services(tmp_path / "bench.sqlite3")
    try:
        configure(svc)
        info = svc.decrees.create_manual(baris(LINES), tmt=TMT)
        final = svc.decrees.finalize(info.id, tanggal=TANGGAL)

        started = time.perf_counter()
        summary = svc.decrees.render_files(final.id, tmp_path / "out")
        elapsed = time.perf_counter() - started
        assert summary.berhasil == 1 + 2 * LINES and not summary.gagal

        # Baseline: one CPU, a tenth of the letters, scaled; and the SK alone.
        detail = svc.decrees.get(final.id)
        isi, tata = detail.isi, detail.tata_letak
        assert isinstance(tata, TataLetak)
        perender = sk_pdf.Perender(isi, tata, draft=False)
        t0 = time.perf_counter()
        perender.sk("AAAA-BBBB-CCCC")
        sk_alone = time.perf_counter() - t0
        t0 = time.perf_counter()
        for b in isi.baris[:SAMPLE]:
            perender.petikan(b, "AAAA-BBBB-CCCC")
            perender.spmt_pernyataan(b, "AAAA-BBBB-CCCC")
        per_pair = (time.perf_counter() - t0) / SAMPLE
        serial = sk_alone + per_pair * LINES
        size_mb = sum(p.stat().st_size for p in (tmp_path / "out").iterdir()) / 1e6
        sk_pages = sk_pdf.page_count((tmp_path / "out" / "sk.pdf").read_bytes())
    finally:
        svc.close()

    print(
        f"\nSK {LINES} baris ({sk_pages} halaman) + {LINES} petikan + {LINES} "
        f"{JenisDokumen.SPMT_PERNYATAAN.judul}: {elapsed:.2f} s "
        f"({summary.berhasil} berkas, {size_mb:.0f} MB, {sk_pdf.workers_available()} proses) | "
        f"baseline satu CPU: SK {sk_alone:.2f} s + {per_pair * 1000:.1f} ms per pegawai "
        f"= {serial:.1f} s | {platform.machine()}, {os.cpu_count()} CPU, "
        f"Python {platform.python_version()}"
    )
    target(elapsed < TARGET_S, f"decree files took {elapsed:.2f} s (target < {TARGET_S} s)")
