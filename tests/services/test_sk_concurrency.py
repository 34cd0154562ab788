"""Two app instances on one database never get the same decree number and leave no gap."""

from __future__ import annotations

import multiprocessing

from mutasi_desktop.services.bootstrap import Services, open_services
from support_sk import TMT, baris, configure, finalize_worker

PER_PROCESS = 12


def test_two_processes_share_one_gap_free_sequence(db_url: str) -> None:
    svc: Services = open_services(db_url)
    try:
        configure(svc)
        ids = [
            svc.decrees.create_manual(baris(1, start=i), tmt=TMT).id for i in range(2 * PER_PROCESS)
        ]
    finally:
        svc.close()

    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(2)
    out = ctx.Queue()
    procs = [
        ctx.Process(target=finalize_worker, args=(db_url, part, 4, barrier, out))
        for part in (ids[0::2], ids[1::2])
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=240) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    assert all(kind == "ok" for kind, _ in results), results

    numbers = [n for _, got in results for n in got]
    assert len(numbers) == len(set(numbers)), "a number was given twice"
    urut = sorted(int(n.split("/")[1].removeprefix("Kep.")) for n in numbers)
    # 24 decrees + 6 reservations, numbered 1..30 with no hole.
    assert urut == list(range(1, 2 * PER_PROCESS + 2 * (PER_PROCESS // 4) + 1))

    svc = open_services(db_url)
    try:
        register = svc.decrees.register(2026)
        assert sorted(n.urut for n in register) == urut
        assert svc.decrees.celah(2026) == {}
        finals = [d for d in svc.decrees.daftar() if d.nomor]
        assert len({d.nomor for d in finals}) == 2 * PER_PROCESS
    finally:
        svc.close()
