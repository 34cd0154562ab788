"""Demo decrees: the regency's decree settings, a register that starts at number 388, and one
issued decree (three moves between kecamatan offices, one of them objected to).

Runs inside the demo build transaction, after the planning demo and the regency settings, with
the session it is given; it writes no audit rows (the demo's single audit row covers the whole
build). The approved batch the planning demo leaves stays open: it is the one a user turns into
a decree. The issued decree is not tied to a batch: the planning demo's tests expect exactly one
batch in a fresh demo. Deterministic: same demo, same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from mutasi_desktop.domain.golongan import parse_golongan
from mutasi_desktop.domain.pegawai import JenisPegawai, StatusPegawai, nama_lengkap
from mutasi_desktop.domain.penomoran import check_pola
from mutasi_desktop.domain.sk import BarisSk, JenisSpmt, draft_isi, unit_lengkap, urutkan_baris
from mutasi_desktop.services.context import ServiceContext
from mutasi_desktop.services.sk import DecreeService, lock_register
from mutasi_desktop.services.sk_settings import KEY_SK, load_template, read_settings
from mutasi_desktop.storage.models import Jabatan, Opd, Pegawai, Pengaturan, UnitKerja
from mutasi_desktop.storage.models_mutasi import Keberatan, UsulanMutasi
from mutasi_desktop.storage.models_sk import StatusNomor

# The planning demo's objection names decree "800.1.3.1/388/BKPSDM/X/<year>": the register
# reproduces that numbering (no "Kep." part) and the numbers used before the app.
POLA_DEMO = "{kode}/{urut}/{unit}/{bulan}/{tahun}"
URUT_SK = 388
REMOTE = ("Kecamatan Kalumpang", "Kecamatan Bonehau", "Kecamatan Kepulauan Bala Balakang")
KETERANGAN_LAMA = (
    "Nomor tahun {tahun} yang dipakai sebelum Mutasi Desktop digunakan (dari buku agenda)"
)


@dataclass(frozen=True)
class DemoSkSummary:
    sk_id: int | None
    nomor: str | None
    dicadangkan: int


def build_demo_sk(session: Session, ctx: ServiceContext, *, as_of: date) -> DemoSkSummary:
    session.merge(
        Pengaturan(
            kunci=KEY_SK,
            nilai={
                "pola_nomor": POLA_DEMO,
                "kode_klasifikasi": "800.1.3.1",
                "kode_unit": "BKPSDM",
                "jenis_spmt": JenisSpmt.PERNYATAAN.value,
            },
        )
    )
    session.flush()
    settings = read_settings(session)
    if not settings.terkonfigurasi:
        return DemoSkSummary(None, None, 0)
    lines = _lines(session)
    if not lines:
        return DemoSkSummary(None, None, 0)
    tanggal = as_of - timedelta(days=12)
    tmt = date(as_of.year + (as_of.month == 12), as_of.month % 12 + 1, 1)
    decrees = DecreeService(ctx, None, audited=False)
    lock_register(session)
    pola = check_pola(settings.pola_nomor, seri_per_kode=settings.seri_per_kode)
    keterangan = KETERANGAN_LAMA.format(tahun=tanggal.year)
    for urut in range(1, URUT_SK):
        decrees.take_number(
            session,
            pola,
            settings,
            settings.kode_klasifikasi,
            date(tanggal.year, 1, 2),
            sk_id=None,
            keterangan=keterangan,
            urut=urut,
            status=StatusNomor.DICADANGKAN,
        )
    isi = draft_isi(load_template(), settings, lines, tmt=tmt)
    row = decrees.insert_draft(session, isi, batch_id=None, kode=settings.kode_klasifikasi)
    entry = decrees.finalize_in(session, row, tanggal)
    return DemoSkSummary(row.id, entry.nomor, URUT_SK - 1)


def _lines(session: Session) -> list[BarisSk]:
    """The objector and two more kecamatan administrators, each sent to a remote kecamatan."""
    objector = session.scalar(
        select(Keberatan.pegawai_id).where(Keberatan.nomor_sk.like(f"%/{URUT_SK}/%")).limit(1)
    )
    busy = set(session.scalars(select(UsulanMutasi.pegawai_id)).all())
    candidates = session.execute(
        select(Pegawai, Jabatan, UnitKerja, Opd)
        .join(Jabatan, Jabatan.id == Pegawai.jabatan_id)
        .join(UnitKerja, UnitKerja.id == Jabatan.unit_id)
        .join(Opd, Opd.id == UnitKerja.opd_id)
        .where(
            Opd.nama.like("Kecamatan%"),
            Opd.nama.not_in(REMOTE),
            Jabatan.nama.like("Pengadministrasi%"),
            Pegawai.jenis_pegawai == JenisPegawai.PNS,
            Pegawai.status == StatusPegawai.AKTIF,
            Pegawai.aktif.is_(True),
        )
        .order_by(Pegawai.nip)
    ).all()
    chosen = [c for c in candidates if c[0].id == objector]
    chosen += [c for c in candidates if c[0].id != objector and c[0].id not in busy][
        : 3 - len(chosen)
    ]
    out: list[BarisSk] = []
    for i, (p, jab, unit, opd) in enumerate(chosen):
        target = _target(session, REMOTE[i % len(REMOTE)], jab.nama)
        if target is None:
            continue
        t_jab, t_unit, t_opd = target
        gol = parse_golongan(p.golongan) if p.golongan else None
        out.append(
            BarisSk(
                nama=nama_lengkap(p.nama, p.gelar_depan, p.gelar_belakang),
                nip=p.nip,
                pangkat=gol.label if gol else (p.golongan or ""),
                jabatan_lama=jab.nama,
                unit_lama=unit_lengkap(unit.nama, opd.nama),
                jabatan_baru=t_jab.nama,
                unit_baru=unit_lengkap(t_unit.nama, t_opd.nama),
                opd_baru=t_opd.nama,
                keterangan="Pemerataan pelayanan",
                pegawai_id=p.id,
            )
        )
    return urutkan_baris(out)


def _target(session: Session, opd_nama: str, jabatan: str) -> tuple[Jabatan, UnitKerja, Opd] | None:
    rows = session.execute(
        select(Jabatan, UnitKerja, Opd)
        .join(UnitKerja, UnitKerja.id == Jabatan.unit_id)
        .join(Opd, Opd.id == UnitKerja.opd_id)
        .where(Opd.nama == opd_nama, Jabatan.nama.like("Pengadministrasi%"))
        .order_by(Jabatan.nama != jabatan, Jabatan.id)
        .limit(1)
    ).first()
    if rows is None:
        return None
    jab, unit, opd = rows
    return jab, unit, opd
