"""Transfer planning use cases: proposals under the rules, the workflow, batches for decrees,
consultation and objections, training needs, and the optimiser (``PlanningService``).

One entry point for the GUI and the CLI. Reads return plain dataclasses (``planning_types``);
every write is one transaction with an audit row. Each workflow step needs the ``Action`` the
domain's transition table names (``domain.mutasi_workflow``), so roles plug in through
``ServiceContext.policy`` without touching this module.

Split over modules by topic: ``planning_consultation`` (forums, aspirations, objections),
``planning_training`` (training needs), ``planning_recommend`` (the optimiser), this one
(proposals, workflow, batches, carrying out a move).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from mutasi_desktop.domain.errors import DomainError, Problem, Severity
from mutasi_desktop.domain.mutasi_rules import (
    SEVERITY,
    JenisMutasi,
    Keparahan,
    MoveFacts,
    PersonFacts,
    RuleResult,
    check_move,
    unresolved,
)
from mutasi_desktop.domain.mutasi_workflow import (
    Hak,
    Langkah,
    StatusBatch,
    StatusUsulan,
    SumberUsulan,
    Transisi,
    transisi,
)
from mutasi_desktop.domain.pencarian import like_escape, query_tokens
from mutasi_desktop.services import audit
from mutasi_desktop.services.context import Action, ServiceContext
from mutasi_desktop.services.planning_base import (
    ENTITAS_BATCH,
    ENTITAS_PEGAWAI,
    ENTITAS_USULAN,
    infos,
    require_usulan,
)
from mutasi_desktop.services.planning_consultation import ConsultationMixin
from mutasi_desktop.services.planning_facts import (
    OpenMoves,
    default_tmt,
    load_people,
    load_positions,
    open_moves,
)
from mutasi_desktop.services.planning_recommend import RecommendMixin
from mutasi_desktop.services.planning_training import (
    TrainingMixin,
    cancel_needs,
    need_infos,
    sync_needs,
)
from mutasi_desktop.services.planning_types import (
    BatchInfo,
    RiwayatInfo,
    UsulanChange,
    UsulanDetail,
    UsulanDraft,
    UsulanFilter,
    UsulanInfo,
)
from mutasi_desktop.services.staff import staff_search_text
from mutasi_desktop.storage.models import Jabatan, Pegawai, RiwayatJabatan, UnitKerja
from mutasi_desktop.storage.models_mutasi import (
    BatchMutasi,
    Keberatan,
    KebutuhanPelatihan,
    RiwayatUsulan,
    UsulanMutasi,
)

__all__ = ["MIN_ALASAN", "PlanningService"]

MIN_ALASAN = 10  # characters of a written reason that overrides a warning
HORIZON_BULAN = 12
LANGKAH_BUAT = "buat"
LANGKAH_BATCH_MASUK = "masuk_batch"
LANGKAH_BATCH_KELUAR = "keluar_batch"


@dataclass
class _Balances:
    need: dict[int, int | None]
    ada: dict[int, int]


@dataclass(frozen=True)
class _Carry:
    """How a move is carried out: on which date, under which decree."""

    tanggal: date | None = None
    nomor_sk: str | None = None
    tanggal_sk: date | None = None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    cleaned = " ".join(text.split())
    return cleaned or None


class PlanningService(ConsultationMixin, TrainingMixin, RecommendMixin):
    """Transfer planning over one database (see the module docstring)."""

    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__(ctx)

    # ==== rule checks ========================================================================
    def _pre_balances(self, drafts: Sequence[UsulanDraft]) -> _Balances:
        ids: set[int] = set()
        with self.ctx.read() as s:
            current = dict(
                s.execute(
                    select(Pegawai.id, Pegawai.jabatan_id).where(
                        Pegawai.id.in_(sorted({d.pegawai_id for d in drafts}))
                    )
                ).all()
            )
        for d in drafts:
            if d.jabatan_tujuan_id is not None:
                ids.add(d.jabatan_tujuan_id)
            asal = d.jabatan_asal_id or current.get(d.pegawai_id)
            if asal is not None:
                ids.add(asal)
        need, ada = self._balances(ids)
        return _Balances(need, ada)

    def _facts(
        self, s: Session, d: UsulanDraft, bal: _Balances, open_: OpenMoves
    ) -> tuple[MoveFacts, PersonFacts]:
        person = load_people(s, ids=[d.pegawai_id], per_pegawai=open_.per_pegawai).get(d.pegawai_id)
        if person is None:
            raise DomainError("pegawai.tidak_ditemukan")
        jenis = d.jenis
        if jenis.antar_instansi and not _clean(d.instansi_lain):
            raise DomainError("mutasi.jenis_butuh_instansi", jenis=jenis.label)
        asal_id = (d.jabatan_asal_id or person.jabatan_id) if jenis.punya_asal else None
        tujuan_id = d.jabatan_tujuan_id if jenis.punya_tujuan else None
        wanted = [i for i in (asal_id, tujuan_id) if i is not None]
        pos = load_positions(s, wanted, kebutuhan=bal.need, ada=bal.ada, rencana=open_.rencana)
        for i in wanted:
            if i not in pos:
                raise DomainError("jabatan.tidak_ditemukan")
        today = self._today()
        facts = MoveFacts(
            person=person,
            asal=pos.get(asal_id) if asal_id is not None else None,
            tujuan=pos.get(tujuan_id) if tujuan_id is not None else None,
            jenis=jenis,
            tmt=d.tmt_rencana or default_tmt(today),
            today=today,
            horizon_bulan=HORIZON_BULAN,
            instansi_lain=_clean(d.instansi_lain),
        )
        return facts, person

    def check(self, draft: UsulanDraft, *, usulan_id: int | None = None) -> list[RuleResult]:
        """Every rule for a proposal as typed (live, nothing saved); ``usulan_id`` when editing
        a stored one, so it does not count against itself."""
        self.require(Hak.BACA)
        bal = self._pre_balances([draft])
        with self.ctx.read() as s:
            facts, _ = self._facts(s, draft, bal, open_moves(s, exclude=usulan_id))
        return check_move(facts)

    def _refuse_blocked(self, facts: MoveFacts, results: Sequence[RuleResult]) -> None:
        blocks = [r for r in results if r.blocks]
        if blocks:
            err = DomainError(
                "mutasi.diblokir",
                nama=facts.person.nama,
                jumlah=len(blocks),
                pesan=blocks[0].message(),
            )
            err.problems = [err.problems[0]] + [
                Problem(r.code, Severity.ERROR, None, dict(r.params)) for r in blocks
            ]
            raise err

    def _pengabaian(
        self, current: Mapping[str, Any] | None, overrides: Mapping[str, str]
    ) -> dict[str, Any]:
        out = dict(current or {})
        now = self._now().isoformat()
        for code, text in overrides.items():
            severity = SEVERITY.get(code)
            if severity is Keparahan.BLOKIR:
                raise DomainError("mutasi.blokir_tidak_dapat_diabaikan", aturan=code)
            if severity is not Keparahan.PERINGATAN:
                raise DomainError("field.pilihan_salah", value=code, label="Kode peringatan")
            reason = " ".join((text or "").split())
            if len(reason) < MIN_ALASAN:
                raise DomainError("mutasi.alasan_wajib", aturan=code, min=MIN_ALASAN)
            out[code] = {"alasan": reason, "oleh": self.ctx.actor.username, "waktu": now}
        return out

    # ==== proposals ==========================================================================
    def create(
        self, draft: UsulanDraft, overrides: Mapping[str, str] | None = None
    ) -> UsulanChange:
        """A new draft proposal. Refused when a rule blocks it; warnings may be answered now
        (``overrides``: code → written reason) or later with ``override``."""
        return self._create_many([draft], [overrides or {}], sumber=SumberUsulan.MANUAL)[0]

    def create_many(
        self,
        drafts: Sequence[UsulanDraft],
        overrides: Sequence[Mapping[str, str]] | None = None,
    ) -> list[UsulanChange]:
        """Several drafts in one transaction: all are saved or none (each sees the others in
        the balance checks, in order)."""
        ov = list(overrides) if overrides is not None else [{} for _ in drafts]
        return self._create_many(drafts, ov, sumber=SumberUsulan.MANUAL)

    def _create_many(
        self,
        drafts: Sequence[UsulanDraft],
        overrides: Sequence[Mapping[str, str]],
        *,
        sumber: SumberUsulan,
        rencana_ref: str | None = None,
    ) -> list[UsulanChange]:
        if len(overrides) != len(drafts):
            raise ValueError("one overrides mapping per draft")
        if not drafts:
            return []
        bal = self._pre_balances(drafts)
        tag = uuid.uuid4().hex[:12] if len(drafts) > 1 else None
        rows: list[UsulanMutasi] = []
        audit_ids: list[int] = []
        with self.ctx.write(Action.MUTASI_DRAFT) as s:
            open_ = open_moves(s)
            now = self._now()
            for d, ov in zip(drafts, overrides, strict=True):
                facts, person = self._facts(s, d, bal, open_)
                results = check_move(facts)
                self._refuse_blocked(facts, results)
                row = UsulanMutasi(
                    pegawai_id=person.pegawai_id,
                    jabatan_asal_id=facts.asal.jabatan_id if facts.asal else None,
                    jabatan_tujuan_id=facts.tujuan.jabatan_id if facts.tujuan else None,
                    jenis=facts.jenis,
                    instansi_lain=facts.instansi_lain,
                    alasan=(d.alasan or "").strip() or None,
                    tmt_rencana=facts.tmt,
                    status=StatusUsulan.DRAF,
                    sumber=sumber,
                    peringatan=[r.to_json() for r in results],
                    pengabaian=self._pengabaian(None, ov) or None,
                    rencana_ref=rencana_ref,
                    dibuat_oleh=self.ctx.actor.username,
                    dibuat_pada=now,
                    diubah_pada=now,
                )
                s.add(row)
                s.flush()
                row.riwayat.append(
                    RiwayatUsulan(
                        dari_status=None,
                        ke_status=StatusUsulan.DRAF,
                        langkah=LANGKAH_BUAT,
                        oleh=self.ctx.actor.username,
                        waktu=now,
                        catatan=sumber.label,
                    )
                )
                sync_needs(s, row, person, facts.tujuan, now)
                entry = audit.record(
                    s,
                    self.ctx,
                    aksi="mutasi.usulan_buat",
                    entitas=ENTITAS_USULAN,
                    entitas_id=row.id,
                    ringkasan=f"Usulan mutasi {person.nip} {person.nama}: {_route(facts)}",
                    sesudah=_snapshot(row),
                    batch=tag,
                )
                self._audit_overrides(s, row, {}, row.pengabaian, tag)
                rows.append(row)
                audit_ids.append(entry.id)
                # Later drafts of the same call see this one in their balance and duplicates.
                _count_open(open_, row)
            found = infos(s, rows)
        return [UsulanChange(i, a) for i, a in zip(found, audit_ids, strict=True)]

    def _audit_overrides(
        self,
        s: Session,
        row: UsulanMutasi,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        tag: str | None = None,
    ) -> int | None:
        last: int | None = None
        for code, value in (after or {}).items():
            if (before or {}).get(code) == value:
                continue
            last = audit.record(
                s,
                self.ctx,
                aksi="mutasi.pengabaian",
                entitas=ENTITAS_USULAN,
                entitas_id=row.id,
                ringkasan=f"Peringatan {code} diabaikan: {value['alasan']}",
                sebelum=(before or {}).get(code),
                sesudah={"kode": code, **value},
                batch=tag,
            ).id
        return last

    def update(
        self,
        usulan_id: int,
        draft: UsulanDraft,
        expected_versi: int,
        overrides: Mapping[str, str] | None = None,
    ) -> UsulanChange:
        """Edit a draft (only drafts are edited; return later states to draft first)."""
        bal = self._pre_balances([draft])
        with self.ctx.write(Action.MUTASI_DRAFT) as s:
            row = require_usulan(s, usulan_id)
            self._check_version(row, expected_versi)
            if row.status != StatusUsulan.DRAF:
                raise DomainError("mutasi.hanya_draf", status=StatusUsulan(row.status).label)
            facts, person = self._facts(s, draft, bal, open_moves(s, exclude=row.id))
            results = check_move(facts)
            self._refuse_blocked(facts, results)
            before = _snapshot(row)
            old_overrides = dict(row.pengabaian or {})
            row.pegawai_id = int(person.pegawai_id or 0)
            row.jabatan_asal_id = facts.asal.jabatan_id if facts.asal else None
            row.jabatan_tujuan_id = facts.tujuan.jabatan_id if facts.tujuan else None
            row.jenis = facts.jenis
            row.instansi_lain = facts.instansi_lain
            row.alasan = (draft.alasan or "").strip() or None
            row.tmt_rencana = facts.tmt
            row.peringatan = [r.to_json() for r in results]
            row.pengabaian = self._pengabaian(old_overrides, overrides or {}) or None
            after = _snapshot(row)
            if after == before:
                return UsulanChange(infos(s, [row])[0], None)
            row.diubah_pada = self._now()
            s.flush()
            sync_needs(s, row, person, facts.tujuan, self._now())
            entry = audit.record(
                s,
                self.ctx,
                aksi="mutasi.usulan_ubah",
                entitas=ENTITAS_USULAN,
                entitas_id=row.id,
                ringkasan=f"Ubah usulan mutasi {person.nip} {person.nama}: {_route(facts)}",
                sebelum=before,
                sesudah=after,
            )
            self._audit_overrides(s, row, old_overrides, row.pengabaian)
            return UsulanChange(infos(s, [row])[0], entry.id)

    def override(
        self, usulan_id: int, kode: str, alasan: str, expected_versi: int | None = None
    ) -> UsulanChange:
        """Answer one warning with a written reason (audited). Blocking rules cannot be
        overridden. A draft's warnings are the drafter's; later ones need an approver."""
        with self.ctx.read() as s:
            status = StatusUsulan(require_usulan(s, usulan_id).status)
        if status.final:
            raise DomainError("mutasi.hanya_draf", status=status.label)
        action = Action.MUTASI_DRAFT if status is StatusUsulan.DRAF else Action.MUTASI_APPROVE
        with self.ctx.write(action) as s:
            row = require_usulan(s, usulan_id)
            if expected_versi is not None:
                self._check_version(row, expected_versi)
            before = dict(row.pengabaian or {})
            row.pengabaian = self._pengabaian(before, {kode: alasan})
            row.diubah_pada = self._now()
            s.flush()
            entry_id = self._audit_overrides(s, row, before, row.pengabaian)
            return UsulanChange(infos(s, [row])[0], entry_id)

    @staticmethod
    def _check_version(row: UsulanMutasi, expected: int | None) -> None:
        if expected is not None and row.versi != expected:
            raise DomainError("mutasi.diubah_pengguna_lain")

    # ==== reading ============================================================================
    def proposals(self, flt: UsulanFilter | None = None) -> list[UsulanInfo]:
        self.require(Hak.BACA)
        f = flt or UsulanFilter()
        stmt = select(UsulanMutasi).order_by(UsulanMutasi.id)
        if f.status is not None:
            stmt = stmt.where(UsulanMutasi.status.in_(sorted(f.status)))
        if f.pegawai_id is not None:
            stmt = stmt.where(UsulanMutasi.pegawai_id == f.pegawai_id)
        if f.batch_id is not None:
            stmt = stmt.where(UsulanMutasi.batch_id == f.batch_id)
        if f.sumber is not None:
            stmt = stmt.where(UsulanMutasi.sumber == f.sumber)
        if f.opd_id is not None:
            in_opd = (
                select(Jabatan.id)
                .join(UnitKerja, UnitKerja.id == Jabatan.unit_id)
                .where(UnitKerja.opd_id == f.opd_id)
            )
            stmt = stmt.where(
                or_(
                    UsulanMutasi.jabatan_asal_id.in_(in_opd),
                    UsulanMutasi.jabatan_tujuan_id.in_(in_opd),
                )
            )
        if f.teks:
            tokens = query_tokens(f.teks)
            if tokens:
                stmt = stmt.join(Pegawai, Pegawai.id == UsulanMutasi.pegawai_id).where(
                    *(Pegawai.teks_cari.like(f"%{like_escape(t)}%", escape="\\") for t in tokens)
                )
        with self.ctx.read() as s:
            return infos(s, s.scalars(stmt).all())

    def counts(self) -> dict[StatusUsulan, int]:
        """Proposals per state (the home screen's "waiting for each step")."""
        self.require(Hak.BACA)
        with self.ctx.read() as s:
            found = dict(
                s.execute(
                    select(UsulanMutasi.status, func.count()).group_by(UsulanMutasi.status)
                ).all()
            )
        return {st: int(found.get(st, 0)) for st in StatusUsulan}

    def get(self, usulan_id: int) -> UsulanDetail:
        """One proposal with its rules re-checked now, history, training needs, objections."""
        self.require(Hak.BACA)
        with self.ctx.read() as s:
            row = require_usulan(s, usulan_id)
            info = infos(s, [row])[0]
            draft = _draft_of(row)
            history = tuple(
                RiwayatInfo(
                    dari=StatusUsulan(h.dari_status) if h.dari_status else None,
                    ke=StatusUsulan(h.ke_status),
                    langkah=h.langkah,
                    oleh=h.oleh,
                    waktu=h.waktu,
                    catatan=h.catatan,
                )
                for h in row.riwayat
            )
            needs = tuple(
                need_infos(
                    s,
                    s.scalars(
                        select(KebutuhanPelatihan)
                        .where(KebutuhanPelatihan.usulan_id == row.id)
                        .order_by(KebutuhanPelatihan.id)
                    ).all(),
                )
            )
            objections = tuple(
                self._objection_infos(
                    s,
                    s.scalars(
                        select(Keberatan)
                        .where(Keberatan.usulan_id == row.id)
                        .order_by(Keberatan.id)
                    ).all(),
                )
            )
        live: tuple[RuleResult, ...] = info.aturan
        if StatusUsulan(row.status).terbuka:
            live = tuple(self.check(draft, usulan_id=usulan_id))
        return UsulanDetail(info, live, history, needs, objections)

    # ==== workflow ===========================================================================
    def step(
        self,
        usulan_id: int,
        langkah: Langkah,
        catatan: str | None = None,
        *,
        expected_versi: int | None = None,
    ) -> UsulanChange:
        """Take one workflow step (verify, approve, reject, withdraw, return to draft, put into
        or take out of a decree, carry out). Refused when the step is not allowed from the
        current state, the actor lacks its permission, a required note is missing, or — for
        forward steps — a rule blocks or a warning has no written reason."""
        return self.step_many([usulan_id], langkah, catatan, expected_versi=expected_versi)[0]

    def step_many(
        self,
        usulan_ids: Sequence[int],
        langkah: Langkah,
        catatan: str | None = None,
        *,
        expected_versi: int | None = None,
        _carry: _Carry | None = None,
    ) -> list[UsulanChange]:
        """The same step on several proposals, all or nothing."""
        if not usulan_ids:
            return []
        steps, bal = self._prepare_steps(usulan_ids, langkah)
        with self.ctx.write(Action(steps[0].hak.value)) as s:
            return self._steps_in(s, usulan_ids, steps, catatan, bal, expected_versi, _carry)

    def _prepare_steps(
        self, usulan_ids: Sequence[int], langkah: Langkah
    ) -> tuple[list[Transisi], _Balances | None]:
        """The transition of each proposal (refused if not allowed), the permissions checked,
        and the ABK balances the rule re-check will need (read before the transaction)."""
        with self.ctx.read() as s:
            rows = [require_usulan(s, i) for i in usulan_ids]
            steps = [transisi(langkah, StatusUsulan(r.status)) for r in rows]
            drafts = [_draft_of(r) for r in rows]
        for hak in sorted({t.hak for t in steps}):
            self.require(hak)
        bal = self._pre_balances(drafts) if any(t.perlu_lolos_aturan for t in steps) else None
        return steps, bal

    def _steps_in(
        self,
        s: Session,
        usulan_ids: Sequence[int],
        steps: Sequence[Transisi],
        catatan: str | None,
        bal: _Balances | None,
        expected_versi: int | None = None,
        carry: _Carry | None = None,
    ) -> list[UsulanChange]:
        tag = uuid.uuid4().hex[:12] if len(usulan_ids) > 1 else None
        out: list[UsulanChange] = []
        for usulan_id, t in zip(usulan_ids, steps, strict=True):
            row = require_usulan(s, usulan_id)
            if row.status != t.dari:
                raise DomainError("mutasi.diubah_pengguna_lain")
            if expected_versi is not None:
                self._check_version(row, expected_versi)
            entry_id = self._apply_step(s, row, t, catatan, bal, tag, carry or _Carry())
            out.append(UsulanChange(infos(s, [row])[0], entry_id))
        return out

    def _apply_step(
        self,
        s: Session,
        row: UsulanMutasi,
        t: Transisi,
        catatan: str | None,
        bal: _Balances | None,
        tag: str | None,
        carry: _Carry,
    ) -> int:
        note = (catatan or "").strip() or None
        if t.perlu_catatan and not note:
            raise DomainError("mutasi.catatan_wajib", langkah=t.langkah.label)
        before = _snapshot(row)
        who = load_people(s, ids=[row.pegawai_id]).get(row.pegawai_id)
        nama = f"{who.nip} {who.nama}" if who else str(row.pegawai_id)
        if t.perlu_lolos_aturan:
            assert bal is not None
            facts, person = self._facts(s, _draft_of(row), bal, open_moves(s, exclude=row.id))
            results = check_move(facts)
            self._refuse_blocked(facts, results)
            pending = unresolved(results, row.pengabaian or {})
            if pending:
                raise DomainError(
                    "mutasi.peringatan_belum_dialasankan",
                    nama=person.nama,
                    jumlah=len(pending),
                    aturan=", ".join(r.code for r in pending),
                )
            row.peringatan = [r.to_json() for r in results]
            sync_needs(s, row, person, facts.tujuan, self._now())
        now = self._now()
        row.status = t.ke
        row.diubah_pada = now
        if t.ke in (StatusUsulan.DRAF, StatusUsulan.DITARIK, StatusUsulan.DITOLAK) or (
            t.langkah is Langkah.BATAL_SK
        ):
            row.batch_id = None
        if t.ke in (StatusUsulan.DITARIK, StatusUsulan.DITOLAK):
            cancel_needs(s, row.id, f"Usulan {t.ke.label.lower()}")
        row.riwayat.append(
            RiwayatUsulan(
                dari_status=t.dari,
                ke_status=t.ke,
                langkah=t.langkah.value,
                oleh=self.ctx.actor.username,
                waktu=now,
                catatan=note,
            )
        )
        s.flush()
        if t.langkah is Langkah.LAKSANAKAN:
            self._carry_out(s, row, carry, tag)
        entry = audit.record(
            s,
            self.ctx,
            aksi=f"mutasi.{t.langkah.value}",
            entitas=ENTITAS_USULAN,
            entitas_id=row.id,
            ringkasan=(
                f"Usulan mutasi {nama}: {t.langkah.label} ({t.dari.label} → {t.ke.label})"
                + (f": {note}" if note else "")
            ),
            sebelum=before,
            sesudah=_snapshot(row),
            batch=tag,
        )
        return entry.id

    def verify(self, usulan_id: int, catatan: str | None = None) -> UsulanChange:
        return self.step(usulan_id, Langkah.VERIFIKASI, catatan)

    def approve(self, usulan_id: int, catatan: str | None = None) -> UsulanChange:
        return self.step(usulan_id, Langkah.SETUJUI, catatan)

    def reject(self, usulan_id: int, catatan: str) -> UsulanChange:
        return self.step(usulan_id, Langkah.TOLAK, catatan)

    def withdraw(self, usulan_id: int, catatan: str | None = None) -> UsulanChange:
        return self.step(usulan_id, Langkah.TARIK, catatan)

    def return_to_draft(self, usulan_id: int, catatan: str) -> UsulanChange:
        return self.step(usulan_id, Langkah.KEMBALIKAN, catatan)

    def execute(
        self,
        usulan_id: int,
        *,
        tanggal: date | None = None,
        nomor_sk: str | None = None,
        tanggal_sk: date | None = None,
    ) -> UsulanChange:
        """Carry out a move that is in a decree: the staff record takes the new position from
        ``tanggal`` (default: the planned TMT), its position history gets the decree."""
        return self.step_many(
            [usulan_id],
            Langkah.LAKSANAKAN,
            _carry=_Carry(tanggal, _clean(nomor_sk), tanggal_sk),
        )[0]

    def _carry_out(self, s: Session, row: UsulanMutasi, carry: _Carry, tag: str | None) -> None:
        person = s.get(Pegawai, row.pegawai_id)
        assert person is not None
        batch = s.get(BatchMutasi, row.batch_id) if row.batch_id else None
        nomor = carry.nomor_sk or (batch.nomor_sk if batch else None)
        tanggal_sk = carry.tanggal_sk or (batch.tanggal_sk if batch else None)
        tmt = carry.tanggal or row.tmt_rencana or self._today()
        before = {
            "jabatan_id": person.jabatan_id,
            "unit_id": person.unit_id,
            "tmt_jabatan": person.tmt_jabatan,
            "aktif": person.aktif,
        }
        for h in person.riwayat_jabatan:
            if h.tmt_selesai is None:
                h.tmt_selesai = tmt
        jabatan = s.get(Jabatan, row.jabatan_tujuan_id) if row.jabatan_tujuan_id else None
        if row.jenis is JenisMutasi.KELUAR or jabatan is None:
            person.aktif = False
            person.alasan_nonaktif = f"Pindah ke {row.instansi_lain or 'instansi lain'}"[:250]
        else:
            unit = s.get(UnitKerja, jabatan.unit_id)
            person.riwayat_jabatan.append(
                RiwayatJabatan(
                    jabatan_id=jabatan.id,
                    jabatan_nama=jabatan.nama,
                    unit_nama=unit.nama if unit else None,
                    tmt_mulai=tmt,
                    nomor_sk=nomor,
                    tanggal_sk=tanggal_sk,
                    keterangan=f"Mutasi (usulan #{row.id})",
                )
            )
            person.jabatan_id = jabatan.id
            person.unit_id = jabatan.unit_id
            person.tmt_jabatan = tmt
            if row.jenis is JenisMutasi.MASUK:
                person.aktif = True
                person.alasan_nonaktif = None
            person.teks_cari = staff_search_text(person, jabatan.nama)
        if row.tmt_rencana != tmt:
            row.tmt_rencana = tmt
        s.flush()
        audit.record(
            s,
            self.ctx,
            aksi="mutasi.dilaksanakan",
            entitas=ENTITAS_PEGAWAI,
            entitas_id=person.id,
            ringkasan=(
                f"Mutasi {person.nip} {person.nama} dilaksanakan TMT {tmt.isoformat()}"
                + (f" (SK {nomor})" if nomor else "")
            ),
            sebelum=before,
            sesudah={
                "jabatan_id": person.jabatan_id,
                "unit_id": person.unit_id,
                "tmt_jabatan": person.tmt_jabatan,
                "aktif": person.aktif,
            },
            batch=tag,
        )

    # ==== batches (one decree each) ==========================================================
    def batches(self, status: StatusBatch | None = None) -> list[BatchInfo]:
        self.require(Hak.BACA)
        stmt = select(BatchMutasi).order_by(BatchMutasi.id)
        if status is not None:
            stmt = stmt.where(BatchMutasi.status == status)
        with self.ctx.read() as s:
            return [_batch_info(b) for b in s.scalars(stmt).all()]

    def batch(self, batch_id: int) -> BatchInfo:
        self.require(Hak.BACA)
        with self.ctx.read() as s:
            return _batch_info(_require_batch(s, batch_id))

    def create_batch(
        self, nama: str, usulan_ids: Sequence[int] = (), catatan: str | None = None
    ) -> BatchInfo:
        """A batch of approved proposals to become one decree."""
        name = _clean(nama)
        if not name:
            raise DomainError("field.wajib", label="Nama kelompok")
        with self.ctx.write(Action.MUTASI_DECREE) as s:
            b = BatchMutasi(
                nama=name[:200],
                status=StatusBatch.TERBUKA,
                catatan=(catatan or "").strip() or None,
                dibuat_oleh=self.ctx.actor.username,
                dibuat_pada=self._now(),
            )
            s.add(b)
            s.flush()
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.batch_buat",
                entitas=ENTITAS_BATCH,
                entitas_id=b.id,
                ringkasan=f"Kelompok usulan \u201c{b.nama}\u201d dibuat",
                sesudah={"nama": b.nama, "catatan": b.catatan},
            )
            self._add(s, b, usulan_ids)
            s.flush()
            s.refresh(b)
            return _batch_info(b)

    def add_to_batch(self, batch_id: int, usulan_ids: Sequence[int]) -> BatchInfo:
        with self.ctx.write(Action.MUTASI_DECREE) as s:
            b = _require_batch(s, batch_id)
            self._add(s, b, usulan_ids)
            s.flush()
            s.refresh(b)
            return _batch_info(b)

    def _add(self, s: Session, b: BatchMutasi, usulan_ids: Sequence[int]) -> None:
        _require_open(b)
        now = self._now()
        for uid in usulan_ids:
            row = require_usulan(s, uid)
            who = infos(s, [row])[0]
            if row.status != StatusUsulan.DISETUJUI:
                raise DomainError(
                    "mutasi.batch_bukan_disetujui",
                    nama=who.nama,
                    status=StatusUsulan(row.status).label,
                )
            if row.batch_id is not None and row.batch_id != b.id:
                other = s.get(BatchMutasi, row.batch_id)
                raise DomainError(
                    "mutasi.sudah_dalam_batch", nama=who.nama, batch=other.nama if other else "-"
                )
            if row.batch_id == b.id:
                continue
            row.batch_id = b.id
            row.riwayat.append(
                RiwayatUsulan(
                    dari_status=StatusUsulan.DISETUJUI,
                    ke_status=StatusUsulan.DISETUJUI,
                    langkah=LANGKAH_BATCH_MASUK,
                    oleh=self.ctx.actor.username,
                    waktu=now,
                    catatan=f"Masuk kelompok \u201c{b.nama}\u201d",
                )
            )
            s.flush()
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.batch_masuk",
                entitas=ENTITAS_USULAN,
                entitas_id=row.id,
                ringkasan=f"Usulan mutasi {who.nip} {who.nama} masuk kelompok \u201c{b.nama}\u201d",
                sesudah={"batch_id": b.id},
            )

    def remove_from_batch(self, batch_id: int, usulan_ids: Sequence[int]) -> BatchInfo:
        with self.ctx.write(Action.MUTASI_DECREE) as s:
            b = _require_batch(s, batch_id)
            _require_open(b)
            now = self._now()
            for uid in usulan_ids:
                row = require_usulan(s, uid)
                if row.batch_id != b.id:
                    continue
                row.batch_id = None
                row.riwayat.append(
                    RiwayatUsulan(
                        dari_status=StatusUsulan(row.status),
                        ke_status=StatusUsulan(row.status),
                        langkah=LANGKAH_BATCH_KELUAR,
                        oleh=self.ctx.actor.username,
                        waktu=now,
                        catatan=f"Keluar dari kelompok \u201c{b.nama}\u201d",
                    )
                )
                s.flush()
                audit.record(
                    s,
                    self.ctx,
                    aksi="mutasi.batch_keluar",
                    entitas=ENTITAS_USULAN,
                    entitas_id=row.id,
                    ringkasan=f"Usulan mutasi #{row.id} keluar dari kelompok \u201c{b.nama}\u201d",
                    sebelum={"batch_id": b.id},
                    sesudah={"batch_id": None},
                )
            s.flush()
            s.refresh(b)
            return _batch_info(b)

    def mark_batch_in_decree(
        self,
        batch_id: int,
        *,
        nomor_sk: str | None = None,
        tanggal_sk: date | None = None,
        sk_id: int | None = None,
    ) -> BatchInfo:
        """The decree feature's entry point: every proposal of the batch goes into the decree
        (rules re-checked), the batch is locked and remembers the decree."""
        with self.ctx.read() as s:
            b = _require_batch(s, batch_id)
            _require_open(b)
            ids = [u.id for u in b.usulan]
            if not ids:
                raise DomainError("mutasi.batch_kosong", nama=b.nama)
        self.require(Hak.SK)
        steps, bal = self._prepare_steps(ids, Langkah.MASUK_SK)
        with self.ctx.write(Action.MUTASI_DECREE) as s:
            b = _require_batch(s, batch_id)
            _require_open(b)
            if [u.id for u in b.usulan] != ids:
                raise DomainError("mutasi.diubah_pengguna_lain")
            self._steps_in(s, ids, steps, f"SK kelompok \u201c{b.nama}\u201d", bal)
            before = _batch_snapshot(b)
            b.status = StatusBatch.DALAM_SK
            b.nomor_sk = _clean(nomor_sk) or b.nomor_sk
            b.tanggal_sk = tanggal_sk or b.tanggal_sk
            b.sk_id = sk_id if sk_id is not None else b.sk_id
            s.flush()
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.batch_sk",
                entitas=ENTITAS_BATCH,
                entitas_id=b.id,
                ringkasan=f"Kelompok \u201c{b.nama}\u201d masuk SK {b.nomor_sk or ''}".strip(),
                sebelum=before,
                sesudah=_batch_snapshot(b),
            )
            s.refresh(b)
            return _batch_info(b)

    def execute_batch(self, batch_id: int, *, tanggal: date | None = None) -> BatchInfo:
        """Carry out every move of a batch in a decree, in one transaction; the batch is done."""
        with self.ctx.read() as s:
            b = _require_batch(s, batch_id)
            if b.status != StatusBatch.DALAM_SK:
                raise DomainError(
                    "mutasi.batch_terkunci", nama=b.nama, status=StatusBatch(b.status).label
                )
            ids = [u.id for u in b.usulan if u.status == StatusUsulan.DALAM_SK]
            carry = _Carry(tanggal, b.nomor_sk, b.tanggal_sk)
        self.require(Hak.PELAKSANAAN)
        steps, _ = self._prepare_steps(ids, Langkah.LAKSANAKAN) if ids else ([], None)
        with self.ctx.write(Action.MUTASI_EXECUTE) as s:
            b = _require_batch(s, batch_id)
            self._steps_in(s, ids, steps, None, None, carry=carry)
            before = _batch_snapshot(b)
            b.status = StatusBatch.SELESAI
            s.flush()
            audit.record(
                s,
                self.ctx,
                aksi="mutasi.batch_selesai",
                entitas=ENTITAS_BATCH,
                entitas_id=b.id,
                ringkasan=f"Kelompok \u201c{b.nama}\u201d dilaksanakan ({len(ids)} mutasi)",
                sebelum=before,
                sesudah=_batch_snapshot(b),
            )
            return _batch_info(b)


# ---------------------------------------------------------------------------------------------


def _route(f: MoveFacts) -> str:
    asal = f.asal.nama if f.asal else (f.instansi_lain or "-")
    tujuan = f.tujuan.nama if f.tujuan else (f.instansi_lain or "-")
    return f"{asal} → {tujuan}"


def _count_open(open_: OpenMoves, row: UsulanMutasi) -> None:
    open_.jumlah += 1
    open_.per_pegawai[row.pegawai_id] += 1
    if row.jabatan_asal_id is not None:
        open_.rencana[row.jabatan_asal_id] = open_.rencana.get(row.jabatan_asal_id, 0) - 1
    if row.jabatan_tujuan_id is not None:
        open_.rencana[row.jabatan_tujuan_id] = open_.rencana.get(row.jabatan_tujuan_id, 0) + 1


def _draft_of(row: UsulanMutasi) -> UsulanDraft:
    return UsulanDraft(
        pegawai_id=row.pegawai_id,
        jabatan_tujuan_id=row.jabatan_tujuan_id,
        jenis=JenisMutasi(row.jenis),
        jabatan_asal_id=row.jabatan_asal_id,
        alasan=row.alasan,
        tmt_rencana=row.tmt_rencana,
        instansi_lain=row.instansi_lain,
    )


def _snapshot(row: UsulanMutasi) -> dict[str, Any]:
    result: dict[str, Any] = audit.jsonable(
        {
            "pegawai_id": row.pegawai_id,
            "jabatan_asal_id": row.jabatan_asal_id,
            "jabatan_tujuan_id": row.jabatan_tujuan_id,
            "jenis": row.jenis,
            "instansi_lain": row.instansi_lain,
            "alasan": row.alasan,
            "tmt_rencana": row.tmt_rencana,
            "status": row.status,
            "sumber": row.sumber,
            "batch_id": row.batch_id,
            "pengabaian": row.pengabaian,
            "peringatan": [r.get("code") for r in (row.peringatan or ())],
        }
    )
    return result


def _require_batch(s: Session, batch_id: int) -> BatchMutasi:
    b = s.get(BatchMutasi, batch_id)
    if b is None:
        raise DomainError("mutasi.batch_tidak_ditemukan")
    return b


def _require_open(b: BatchMutasi) -> None:
    if b.status != StatusBatch.TERBUKA:
        raise DomainError("mutasi.batch_terkunci", nama=b.nama, status=StatusBatch(b.status).label)


def _batch_info(b: BatchMutasi) -> BatchInfo:
    return BatchInfo(
        id=b.id,
        nama=b.nama,
        status=StatusBatch(b.status),
        catatan=b.catatan,
        dibuat_oleh=b.dibuat_oleh,
        dibuat_pada=b.dibuat_pada,
        nomor_sk=b.nomor_sk,
        tanggal_sk=b.tanggal_sk,
        sk_id=b.sk_id,
        usulan_ids=tuple(u.id for u in b.usulan),
    )


def _batch_snapshot(b: BatchMutasi) -> dict[str, Any]:
    result: dict[str, Any] = audit.jsonable(
        {
            "nama": b.nama,
            "status": b.status,
            "nomor_sk": b.nomor_sk,
            "tanggal_sk": b.tanggal_sk,
            "sk_id": b.sk_id,
        }
    )
    return result
