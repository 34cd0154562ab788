"""Decree test helpers: regency settings, a batch of approved proposals, PDF text."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

from mutasi_desktop.domain.pegawai import JenisKelamin
from mutasi_desktop.domain.sk import BarisSk, Pejabat, PengaturanSk
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.services.planning_types import UsulanDraft
from support import SmallOrg, draft

TMT = date(2026, 12, 1)
TANGGAL = date(2026, 11, 20)
BUPATI = "H. Abdul Rahim Pattasangi"
SEKDA = Pejabat("Drs. H. Muhammad Amir, M.Si.", "197001011990031001", "IV/c", "Sekretaris Daerah")

PEOPLE = (
    ("Andi Baso", date(1986, 9, 26), JenisKelamin.LAKI_LAKI, "III/b"),
    ("Sitti Nurhayati", date(1990, 1, 2), JenisKelamin.PEREMPUAN, "III/a"),
    ("Muhammad Yusuf", date(1979, 5, 17), JenisKelamin.LAKI_LAKI, "III/d"),
    ("Nurul Hidayah", date(1992, 7, 14), JenisKelamin.PEREMPUAN, "II/c"),
    ("Rahmat Hidayat", date(1984, 3, 3), JenisKelamin.LAKI_LAKI, "III/c"),
)


def configure(svc: Services, **changes: object) -> PengaturanSk:
    """Regency settings good enough to draft and finalise decrees."""
    values: dict[str, object] = dict(bupati=BUPATI, sekda=SEKDA)
    values.update(changes)
    return svc.settings.save(PengaturanSk(**values))  # type: ignore[arg-type]


def approved_batch(
    svc: Services, org: SmallOrg, n: int = 3, *, nama: str = "Kelompok uji", seq0: int = 1
) -> tuple[int, list[int]]:
    """``n`` people of Dishub moved to Dinsos, each proposal verified and approved, in a batch.
    Returns (batch id, proposal ids)."""
    ids: list[int] = []
    for i in range(n):
        name, birth, gender, gol = PEOPLE[i % len(PEOPLE)]
        person = svc.staff.create(
            draft(
                f"{name} {seq0 + i}" if i >= len(PEOPLE) or seq0 > 1 else name,
                birth=birth,
                gender=gender,
                seq=seq0 + i,
                unit_id=org.hub_bidang_id,
                jabatan_id=org.admin_hub_id,
                golongan=gol,
                gelar_belakang="S.E." if i % 2 == 0 else None,
            )
        )
        pid = _id(person)
        move = UsulanDraft(
            pegawai_id=pid,
            jabatan_tujuan_id=org.data_bansos_id,
            alasan="Dinas Sosial kekurangan pengelola data bansos (ABK)",
            tmt_rencana=TMT,
        )
        overrides = {r.code: "Sudah dibahas" for r in svc.planning.check(move) if r.needs_reason}
        change = svc.planning.create(move, overrides)
        uid = change.usulan.id
        svc.planning.verify(uid)
        svc.planning.approve(uid)
        ids.append(uid)
    batch = svc.planning.create_batch(nama, ids)
    return batch.id, ids


def _id(record: object) -> int:
    for attr in ("id", "pegawai_id"):
        value = getattr(record, attr, None)
        if isinstance(value, int):
            return value
    info = getattr(record, "info", None) or getattr(record, "pegawai", None)
    return _id(info)


def baris(n: int, *, start: int = 1) -> list[BarisSk]:
    """``n`` plain decree lines (no database), distinct NIPs."""
    return [
        BarisSk(
            nama=f"Pegawai Uji {i}, S.E.",
            nip=f"19860926201505{i:04d}",
            pangkat="Penata Muda Tingkat I, III/b",
            jabatan_lama="Pengadministrasi Umum",
            unit_lama="Bidang Lalu Lintas Dinas Perhubungan",
            jabatan_baru="Pengelola Data Bansos",
            unit_baru="Bidang Perlindungan dan Jaminan Sosial Dinas Sosial",
            opd_baru="Dinas Sosial",
            keterangan="",
        )
        for i in range(start, start + n)
    ]


def pdftotext(path: Path, *, layout: bool = False) -> str:
    exe = shutil.which("pdftotext")
    assert exe is not None, "pdftotext (poppler-utils) is needed"
    args = [exe, "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdfinfo(path: Path) -> dict[str, str]:
    exe = shutil.which("pdfinfo")
    assert exe is not None, "pdfinfo (poppler-utils) is needed"
    out = subprocess.run([exe, str(path)], check=True, capture_output=True, text=True).stdout
    info: dict[str, str] = {}
    for line in out.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def pdffonts(path: Path) -> list[dict[str, str]]:
    exe = shutil.which("pdffonts")
    assert exe is not None
    out = subprocess.run([exe, str(path)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    fonts = []
    for row in rows:
        parts = row.split()
        # name type [type2] encoding emb sub uni id gen
        fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return fonts


def finalize_worker(
    db: str, ids: list[int], reserve_every: int, barrier: object, out: object
) -> None:
    """Run in a separate process: finalise these drafts (and now and then reserve a number by
    hand) as fast as possible, reporting the numbers taken."""
    from mutasi_desktop.services.bootstrap import open_services

    svc = open_services(db, quick_check=False)
    got: list[str] = []
    try:
        barrier.wait()  # type: ignore[attr-defined]
        for i, sk_id in enumerate(ids, start=1):
            info = svc.decrees.finalize(sk_id, tanggal=TANGGAL)
            assert info.nomor is not None
            got.append(info.nomor)
            if reserve_every and i % reserve_every == 0:
                got += [n.nomor for n in svc.decrees.reserve("Manual", tanggal=TANGGAL)]
        out.put(("ok", got))  # type: ignore[attr-defined]
    except BaseException as exc:  # report to the parent instead of dying silently
        out.put(("error", f"{type(exc).__name__}: {exc}"))  # type: ignore[attr-defined]
    finally:
        svc.close()


def tiny_png() -> bytes:
    """An 8 × 8 orange PNG, written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xc0\x90\x20" * 8 for _ in range(8))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
