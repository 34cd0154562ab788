"""Demo transfer planning: a consultation forum at Dinas Perhubungan, an objection, and a batch
of approved Dishub → Dinsos proposals ready to become one decree.

Runs inside the demo build transaction after the staff and the ABK tables are written, so it
uses the session it is given (other sessions cannot see the uncommitted demo). The proposals go
through the real rule checks; every warning they raise is answered with a written reason, as a
clerk would. Deterministic: same demo data, same rows. No audit rows: the demo's single audit
row covers the whole build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from mutasi_desktop.domain.abk import PositionInput, TaskInput, compute
from mutasi_desktop.domain.mutasi_rules import (
    SIKAP_INGIN_PINDAH,
    JenisMutasi,
    MoveFacts,
    RuleResult,
    check_move,
)
from mutasi_desktop.domain.mutasi_workflow import (
    Langkah,
    StatusBatch,
    StatusKeberatan,
    StatusUsulan,
    SumberUsulan,
)
from mutasi_desktop.domain.pegawai import JenisPegawai, StatusPegawai
from mutasi_desktop.services.abk import load_drivers, profile_of
from mutasi_desktop.services.planning_facts import load_people, load_positions, open_moves
from mutasi_desktop.services.planning_training import sync_needs
from mutasi_desktop.services.planning_types import forum_label
from mutasi_desktop.storage.models import (
    AnalisisAbk,
    Aspirasi,
    Jabatan,
    Opd,
    Pegawai,
    TugasJabatan,
    UnitKerja,
)
from mutasi_desktop.storage.models_mutasi import (
    BatchMutasi,
    ForumKonsultasi,
    Keberatan,
    RiwayatUsulan,
    UsulanMutasi,
)

DISHUB = "Dinas Perhubungan"
DINSOS = "Dinas Sosial"
BATCH_NAMA = "Mutasi Dinas Perhubungan ke Dinas Sosial Tahap I"
OPERATOR = "operator.bkpsdm"
VERIFIKATOR = "verifikator.bkpsdm"
PENYETUJU = "kepala.bkpsdm"

# (source position, aspiration the person must have or None, target position, why)
_MOVES: tuple[tuple[str, str | None, str, str], ...] = (
    (
        "Pengelola Data",
        SIKAP_INGIN_PINDAH,
        "Pengelola Data Bansos",
        "Pengelola data Dinas Perhubungan yang mengajukan pindah ke Dinas Sosial, untuk "
        "verifikasi dan validasi DTKS yang tertunda; beban kerja di jabatan asal sedikit.",
    ),
    (
        "Penyusun Program Anggaran dan Pelaporan",
        None,
        "Penyusun Program Anggaran dan Pelaporan",
        "Jabatan yang sama kosong di Dinas Sosial sementara Dinas Perhubungan kelebihan; "
        "dibutuhkan untuk perencanaan anggaran penyaluran bansos.",
    ),
)

# Written reasons a clerk gives for the warnings the demo moves may raise.
_ALASAN: dict[str, str] = {
    "mutasi.tujuan_tidak_kurang": (
        "Penerima bansos bertambah tahun depan (skenario +30 %); ABK Dinas Sosial belum "
        "diperbarui untuk beban administrasi penyaluran."
    ),
    "mutasi.masa_jabatan_kurang_2": (
        "Pegawai sendiri bersedia dan beban kerja di jabatan asal sangat rendah menurut ABK."
    ),
    "mutasi.masa_jabatan_lebih_5": (
        "Rotasi memang sudah jatuh tempo; tertunda karena menunggu hasil ABK."
    ),
    "mutasi.asal_jadi_kurang": (
        "Pekerjaan jabatan asal dialihkan ke pegawai lain di bidang yang sama."
    ),
}
_ALASAN_UMUM = "Dibahas dalam forum konsultasi Dinas Perhubungan dan disetujui pimpinan."


@dataclass(frozen=True)
class DemoMutasiSummary:
    forum: int
    usulan: int
    keberatan: int
    batch_id: int | None


def _at(d: date, hour: int) -> datetime:
    return datetime.combine(d, time(hour, 0), tzinfo=UTC)


def _opd_id(session: Session, nama: str) -> int | None:
    return session.scalar(select(Opd.id).where(Opd.nama == nama))


def _position(session: Session, opd: str, nama: str) -> int | None:
    return session.scalar(
        select(Jabatan.id)
        .join(UnitKerja, UnitKerja.id == Jabatan.unit_id)
        .join(Opd, Opd.id == UnitKerja.opd_id)
        .where(Opd.nama == opd, Jabatan.nama == nama)
        .order_by(Jabatan.id)
        .limit(1)
    )


def _needs(session: Session, tahun: int, jabatan_ids: Iterable[int]) -> dict[int, int | None]:
    """Rounded ABK need of a few positions, computed inside the demo transaction."""
    ids = sorted(set(jabatan_ids))
    year = session.scalar(select(AnalisisAbk).where(AnalisisAbk.tahun == tahun))
    if year is None or not ids:
        return {}
    drivers = {name: d.nilai for name, d in load_drivers(session, tahun).items()}
    tasks: dict[int, list[TaskInput]] = {i: [] for i in ids}
    for t in session.scalars(
        select(TugasJabatan)
        .where(TugasJabatan.tahun == tahun, TugasJabatan.jabatan_id.in_(ids))
        .order_by(TugasJabatan.jabatan_id, TugasJabatan.urutan, TugasJabatan.id)
    ):
        tasks[t.jabatan_id].append(
            TaskInput(
                t.uraian,
                t.satuan_hasil,
                t.waktu,
                t.satuan_waktu,
                t.volume,
                t.periode,
                pemicu=t.pemicu,
                rasio=t.rasio,
            )
        )
    result = compute(
        [PositionInput(i, 0, str(i), tuple(tasks[i]), 0) for i in ids if tasks[i]],
        profile_of(year),
        drivers,
    )
    out: dict[int, int | None] = {i: None for i in ids}
    for r in result.positions:
        out[int(r.key)] = r.kebutuhan_bulat  # type: ignore[call-overload]
    return out


def _person(session: Session, jabatan_id: int, sikap: str | None) -> int | None:
    """The first (by NIP) active PNS in a position, with aspiration ``sikap`` when given."""
    stmt = (
        select(Pegawai.id)
        .where(
            Pegawai.jabatan_id == jabatan_id,
            Pegawai.aktif.is_(True),
            Pegawai.status == StatusPegawai.AKTIF,
            Pegawai.jenis_pegawai == JenisPegawai.PNS,
            Pegawai.hukuman_disiplin.is_(False),
        )
        .order_by(Pegawai.nip)
        .limit(1)
    )
    if sikap is not None:
        stmt = stmt.join(Aspirasi, Aspirasi.pegawai_id == Pegawai.id).where(Aspirasi.sikap == sikap)
    pid = session.scalar(stmt)
    return None if pid is None else int(pid)


def build_demo_mutasi(session: Session, *, as_of: date) -> DemoMutasiSummary:
    """Add the forum, the objection and the approved batch to a freshly built demo."""
    dishub = _opd_id(session, DISHUB)
    if dishub is None:
        return DemoMutasiSummary(0, 0, 0, None)
    forum = _forum(session, dishub, as_of)
    usulan, batch_id = _batch(session, as_of, forum)
    keberatan = _objection(session, as_of)
    return DemoMutasiSummary(1, usulan, keberatan, batch_id)


def _forum(session: Session, dishub: int, as_of: date) -> ForumKonsultasi:
    tanggal = as_of - timedelta(days=24)
    forum = ForumKonsultasi(
        tanggal=tanggal,
        tempat="Aula Dinas Perhubungan Kabupaten Mamuju",
        judul="Forum konsultasi penataan pegawai Dinas Perhubungan",
        opd_id=dishub,
        peserta="\n".join(
            (
                "Kepala Dinas Perhubungan",
                "Sekretaris Dinas Perhubungan",
                "Kepala Bidang Lalu Lintas dan Angkutan",
                "Kepala Bidang Prasarana dan Keselamatan Transportasi",
                "Sekretaris Dinas Sosial",
                "Kepala Bidang Mutasi dan Promosi BKPSDM",
                "Pegawai pelaksana Dinas Perhubungan (14 orang)",
            )
        ),
        catatan=(
            "BKPSDM memaparkan hasil ABK: Dinas Perhubungan kelebihan tenaga administrasi dan "
            "pengelola data, Dinas Sosial kekurangan tenaga pengolah data bansos. Pegawai "
            "menyampaikan kesediaan atau keberatannya; dua pegawai tidak bersedia pindah karena "
            "alasan keluarga dan dicatat. Pegawai yang dipindahkan akan mengikuti Bimtek SIKS-NG."
        ),
        dibuat_oleh=OPERATOR,
        dibuat_pada=_at(tanggal, 15),
    )
    session.add(forum)
    session.flush()
    # The story's Dishub aspirations were voiced at this forum.
    label = forum_label(forum.id, forum.tanggal, forum.tempat)
    people = select(Pegawai.id).join(UnitKerja, UnitKerja.id == Pegawai.unit_id)
    session.execute(
        update(Aspirasi)
        .where(Aspirasi.pegawai_id.in_(people.where(UnitKerja.opd_id == dishub)))
        .values(sumber=label, tanggal=tanggal)
        .execution_options(synchronize_session=False)
    )
    return forum


def _batch(session: Session, as_of: date, forum: ForumKonsultasi) -> tuple[int, int | None]:
    pairs: list[tuple[int, int, str]] = []
    for asal_nama, sikap, tujuan_nama, alasan in _MOVES:
        asal = _position(session, DISHUB, asal_nama)
        tujuan = _position(session, DINSOS, tujuan_nama)
        if asal is None or tujuan is None:
            continue
        pid = _person(session, asal, sikap)
        if pid is not None:
            pairs.append((pid, tujuan, alasan))
    if not pairs:
        return 0, None
    tmt = date(as_of.year + (as_of.month == 12), as_of.month % 12 + 1, 1)
    created = _at(forum.tanggal + timedelta(days=3), 9)
    batch = BatchMutasi(
        nama=BATCH_NAMA,
        status=StatusBatch.TERBUKA,
        catatan="Usulan hasil forum konsultasi Dinas Perhubungan; siap dibuatkan SK kolektif.",
        dibuat_oleh=PENYETUJU,
        dibuat_pada=_at(forum.tanggal + timedelta(days=10), 10),
    )
    session.add(batch)
    session.flush()
    people = load_people(session, ids=[p for p, _, _ in pairs])
    asal_ids = [j for p, _, _ in pairs if (j := people[p].jabatan_id) is not None]
    need = _needs(session, as_of.year, [*asal_ids, *(t for _, t, _ in pairs)])
    for pid, tujuan_id, alasan in pairs:
        person = people[pid]
        open_ = open_moves(session)
        positions = load_positions(
            session,
            [i for i in (person.jabatan_id, tujuan_id) if i is not None],
            kebutuhan=need,
            rencana=open_.rencana,
        )
        facts = MoveFacts(
            person=person,
            asal=positions.get(person.jabatan_id) if person.jabatan_id else None,
            tujuan=positions[tujuan_id],
            jenis=JenisMutasi.ANTAR_OPD,
            tmt=tmt,
            today=as_of,
        )
        results = check_move(facts)
        if any(r.blocks for r in results):
            continue
        row = UsulanMutasi(
            pegawai_id=pid,
            jabatan_asal_id=person.jabatan_id,
            jabatan_tujuan_id=tujuan_id,
            jenis=JenisMutasi.ANTAR_OPD,
            alasan=alasan,
            tmt_rencana=tmt,
            status=StatusUsulan.DISETUJUI,
            sumber=SumberUsulan.MANUAL,
            peringatan=[r.to_json() for r in results],
            pengabaian=_overrides(results, created) or None,
            batch_id=batch.id,
            dibuat_oleh=OPERATOR,
            dibuat_pada=created,
            diubah_pada=created + timedelta(days=7),
        )
        session.add(row)
        session.flush()
        for i, (dari, ke, langkah, oleh, catatan) in enumerate(
            (
                (None, StatusUsulan.DRAF, "buat", OPERATOR, "Diusulkan petugas"),
                (
                    StatusUsulan.DRAF,
                    StatusUsulan.DIVERIFIKASI,
                    Langkah.VERIFIKASI.value,
                    VERIFIKATOR,
                    "Sesuai peta jabatan dan hasil ABK",
                ),
                (
                    StatusUsulan.DIVERIFIKASI,
                    StatusUsulan.DISETUJUI,
                    Langkah.SETUJUI.value,
                    PENYETUJU,
                    None,
                ),
                (
                    StatusUsulan.DISETUJUI,
                    StatusUsulan.DISETUJUI,
                    "masuk_batch",
                    PENYETUJU,
                    f"Masuk kelompok \u201c{BATCH_NAMA}\u201d",
                ),
            )
        ):
            row.riwayat.append(
                RiwayatUsulan(
                    dari_status=dari,
                    ke_status=ke,
                    langkah=langkah,
                    oleh=oleh,
                    waktu=created + timedelta(days=2 * i),
                    catatan=catatan,
                )
            )
        sync_needs(session, row, person, facts.tujuan, created)
    session.flush()
    n = len(batch.usulan)
    return n, batch.id


def _overrides(results: Iterable[RuleResult], when: datetime) -> dict[str, Mapping[str, str]]:
    return {
        r.code: {
            "alasan": _ALASAN.get(r.code, _ALASAN_UMUM),
            "oleh": OPERATOR,
            "waktu": when.isoformat(),
        }
        for r in results
        if r.needs_reason
    }


def _objection(session: Session, as_of: date) -> int:
    """An objection against an earlier decree, filed in time and waiting for its answer."""
    pid = session.scalar(
        select(Pegawai.id)
        .join(Jabatan, Jabatan.id == Pegawai.jabatan_id)
        .join(UnitKerja, UnitKerja.id == Jabatan.unit_id)
        .join(Opd, Opd.id == UnitKerja.opd_id)
        .where(
            Opd.nama.not_in((DISHUB, DINSOS)),
            Opd.nama.like("Kecamatan%"),
            Jabatan.nama.like("Pengadministrasi%"),
            Pegawai.jenis_pegawai == JenisPegawai.PNS,
            Pegawai.aktif.is_(True),
        )
        .order_by(Pegawai.nip)
        .limit(1)
    )
    if pid is None:
        return 0
    tanggal_sk = as_of - timedelta(days=12)
    session.add(
        Keberatan(
            pegawai_id=pid,
            nomor_sk=f"800.1.3.1/388/BKPSDM/X/{tanggal_sk.year}",
            tanggal_sk=tanggal_sk,
            tanggal_diajukan=as_of - timedelta(days=5),
            status=StatusKeberatan.DIAJUKAN,
            isi=(
                "Keberatan atas penempatan ke kantor kecamatan yang jauh dari tempat tinggal; "
                "pegawai merawat anak yang masih kecil dan memohon penempatan di wilayah Kota "
                "Mamuju."
            ),
            dibuat_oleh=OPERATOR,
            dibuat_pada=_at(as_of - timedelta(days=5), 11),
        )
    )
    session.flush()
    return 1
