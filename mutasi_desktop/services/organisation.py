"""Organisation use cases: the OPD → unit tree with positions and present headcount."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import String, func, select, type_coerce

from mutasi_desktop.domain.pegawai import StatusPegawai
from mutasi_desktop.services.context import Action, ServiceContext
from mutasi_desktop.storage.models import Jabatan, Opd, Pegawai, UnitKerja

IN_SERVICE = [s for s in StatusPegawai if s.is_in_service]


@dataclass(frozen=True)
class PositionNode:
    id: int
    unit_id: int
    nama: str
    jenis: str
    jenjang: str | None
    kelas: int | None
    pegawai_ada: int


@dataclass
class UnitNode:
    id: int
    opd_id: int
    parent_id: int | None
    nama: str
    positions: list[PositionNode] = field(default_factory=list)
    children: list[UnitNode] = field(default_factory=list)
    pegawai_langsung: int = 0  # staff placed in this unit itself

    @property
    def pegawai_total(self) -> int:
        return self.pegawai_langsung + sum(c.pegawai_total for c in self.children)

    def walk(self) -> list[UnitNode]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


@dataclass
class OpdNode:
    id: int
    nama: str
    singkatan: str | None
    jenis: str | None
    units: list[UnitNode] = field(default_factory=list)

    @property
    def pegawai_total(self) -> int:
        return sum(u.pegawai_total for u in self.units)


@dataclass(frozen=True)
class UnitChoice:
    id: int
    opd_id: int
    opd_nama: str
    path: str  # "Dinas Sosial › Bidang Perlindungan dan Jaminan Sosial"
    depth: int


@dataclass(frozen=True)
class PositionChoice:
    id: int
    unit_id: int
    nama: str
    jenis: str
    jenjang: str | None


class OrganisationService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def tree(self) -> list[OpdNode]:
        """All active OPDs with their unit trees, positions and in-service headcounts."""
        self.ctx.require(Action.STAFF_READ)
        with self.ctx.read() as s:
            opds = s.execute(
                select(Opd.id, Opd.nama, Opd.singkatan, Opd.jenis)
                .where(Opd.aktif.is_(True))
                .order_by(Opd.urutan, Opd.nama)
            ).all()
            units = s.execute(
                select(UnitKerja.id, UnitKerja.opd_id, UnitKerja.parent_id, UnitKerja.nama)
                .where(UnitKerja.aktif.is_(True))
                .order_by(UnitKerja.urutan, UnitKerja.nama)
            ).all()
            positions = s.execute(
                select(
                    Jabatan.id,
                    Jabatan.unit_id,
                    Jabatan.nama,
                    type_coerce(Jabatan.jenis, String).label("jenis"),
                    type_coerce(Jabatan.jenjang, String).label("jenjang"),
                    Jabatan.kelas,
                )
                .where(Jabatan.aktif.is_(True))
                .order_by(Jabatan.kelas.desc(), Jabatan.nama)
            ).all()
            per_jabatan = dict(
                s.execute(
                    select(Pegawai.jabatan_id, func.count())
                    .where(Pegawai.aktif.is_(True), Pegawai.status.in_(IN_SERVICE))
                    .group_by(Pegawai.jabatan_id)
                ).all()
            )
            per_unit = dict(
                s.execute(
                    select(Pegawai.unit_id, func.count())
                    .where(Pegawai.aktif.is_(True), Pegawai.status.in_(IN_SERVICE))
                    .group_by(Pegawai.unit_id)
                ).all()
            )
        nodes: dict[int, UnitNode] = {
            u.id: UnitNode(
                u.id, u.opd_id, u.parent_id, u.nama, pegawai_langsung=per_unit.get(u.id, 0)
            )
            for u in units
        }
        for p in positions:
            if p.unit_id in nodes:
                nodes[p.unit_id].positions.append(
                    PositionNode(
                        p.id,
                        p.unit_id,
                        p.nama,
                        p.jenis,
                        p.jenjang,
                        p.kelas,
                        per_jabatan.get(p.id, 0),
                    )
                )
        roots: dict[int, list[UnitNode]] = defaultdict(list)
        for node in nodes.values():
            parent = nodes.get(node.parent_id) if node.parent_id else None
            if parent is not None:
                parent.children.append(node)
            else:
                roots[node.opd_id].append(node)
        return [OpdNode(o.id, o.nama, o.singkatan, o.jenis, roots.get(o.id, [])) for o in opds]

    def unit_choices(self) -> list[UnitChoice]:
        """Every active unit as a path, OPD by OPD in tree order (no positions: it is cheap)."""
        with self.ctx.read() as s:
            opds = s.execute(
                select(Opd.id, Opd.nama).where(Opd.aktif.is_(True)).order_by(Opd.urutan, Opd.nama)
            ).all()
            units = s.execute(
                select(UnitKerja.id, UnitKerja.opd_id, UnitKerja.parent_id, UnitKerja.nama)
                .where(UnitKerja.aktif.is_(True))
                .order_by(UnitKerja.urutan, UnitKerja.nama)
            ).all()
        active = {u.id for u in units}
        children: dict[int | None, list[tuple[int, str]]] = defaultdict(list)
        roots: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for u in units:
            if u.parent_id in active:
                children[u.parent_id].append((u.id, u.nama))
            else:
                roots[u.opd_id].append((u.id, u.nama))
        out: list[UnitChoice] = []
        for opd_id, opd_nama in opds:
            stack = [(uid, [nama]) for uid, nama in reversed(roots.get(opd_id, []))]
            while stack:
                uid, names = stack.pop()
                out.append(UnitChoice(uid, opd_id, opd_nama, " › ".join(names), len(names) - 1))
                stack.extend((cid, [*names, cn]) for cid, cn in reversed(children.get(uid, [])))
        return out

    def descendant_unit_ids(self, unit_id: int) -> frozenset[int]:
        with self.ctx.read() as s:
            pairs = s.execute(select(UnitKerja.id, UnitKerja.parent_id)).all()
        children: dict[int | None, list[int]] = defaultdict(list)
        for uid, parent in pairs:
            children[parent].append(uid)
        found = {unit_id}
        stack = [unit_id]
        while stack:
            for child in children.get(stack.pop(), []):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        return frozenset(found)

    def positions(self, unit_id: int) -> list[PositionChoice]:
        with self.ctx.read() as s:
            rows = s.execute(
                select(Jabatan.id, Jabatan.unit_id, Jabatan.nama, Jabatan.jenis, Jabatan.jenjang)
                .where(Jabatan.unit_id == unit_id, Jabatan.aktif.is_(True))
                .order_by(Jabatan.nama)
            ).all()
        return [
            PositionChoice(
                r.id, r.unit_id, r.nama, r.jenis.value, r.jenjang.value if r.jenjang else None
            )
            for r in rows
        ]

    def opd_choices(self) -> list[tuple[int, str]]:
        with self.ctx.read() as s:
            return [
                (r.id, r.nama)
                for r in s.execute(
                    select(Opd.id, Opd.nama)
                    .where(Opd.aktif.is_(True))
                    .order_by(Opd.urutan, Opd.nama)
                )
            ]

    def find_unit(self, text: str) -> list[UnitChoice]:
        """Units whose name or path contains ``text`` (case-insensitive), for `--unit`."""
        needle = text.strip().lower()
        choices = self.unit_choices()
        exact = [c for c in choices if c.path.split(" › ")[-1].lower() == needle]
        if exact:
            return exact
        return [c for c in choices if needle in c.path.lower()]
