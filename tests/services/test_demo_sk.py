"""The demo regency's decrees: one issued decree in a register that starts at 388, one batch
of approved proposals ready to become the next decree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from mutasi_desktop.domain.sk import StatusSk
from mutasi_desktop.services.bootstrap import Services, open_services
from mutasi_desktop.services.demo import build_demo
from mutasi_desktop.storage.models import AuditLog
from mutasi_desktop.storage.models_mutasi import Keberatan
from mutasi_desktop.storage.models_sk import StatusNomor


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    svc = open_services(tmp_path_factory.mktemp("demo-sk") / "demo.sqlite3")
    build_demo(svc.ctx, staff=1500, seed=2026)
    try:
        yield svc
    finally:
        svc.close()


def test_one_issued_decree_and_one_batch_ready(demo: Services) -> None:
    (sk,) = demo.decrees.daftar()
    assert sk.status is StatusSk.FINAL
    assert sk.nomor == "800.1.3.1/388/BKPSDM/X/2026"
    assert sk.jumlah == 3 and sk.kode_verifikasi
    (ready,) = demo.decrees.batches_siap()
    assert ready.jumlah == 2
    assert demo.settings.get().terkonfigurasi
    # The planning demo's objection names this decree, which is in the register.
    with demo.ctx.read() as s:
        assert s.scalar(select(Keberatan.nomor_sk)) == sk.nomor
        objector = s.scalar(select(Keberatan.pegawai_id))
        assert [a.aksi for a in s.scalars(select(AuditLog))] == ["demo"]
    assert objector in {b.pegawai_id for b in demo.decrees.get(sk.id).isi.baris}


def test_the_register_starts_with_the_numbers_used_before_the_app(demo: Services) -> None:
    register = demo.decrees.register(2026)
    assert len(register) == 388
    assert [n.status for n in register[:387]] == [StatusNomor.DICADANGKAN] * 387
    assert register[-1].status is StatusNomor.DIPAKAI
    assert demo.decrees.celah(2026) == {}


def test_the_ready_batch_becomes_decree_389(demo: Services, tmp_path: Path) -> None:
    (ready,) = demo.decrees.batches_siap()
    draft = demo.decrees.create_from_batch(ready.id)
    final = demo.decrees.finalize(draft.id)
    assert final.nomor is not None and final.nomor.startswith("800.1.3.1/389/BKPSDM/")
    out = demo.decrees.render_files(final.id, tmp_path)
    assert out.berhasil == 1 + 2 * 2
    assert all(demo.decrees.verify_file(h.path).sah for h in out.hasil if h.path)
