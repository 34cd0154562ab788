"""In-memory staff register: filter and sort 50,000 rows per keystroke without the database."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from mutasi_desktop.domain.pencarian import fold, query_tokens
from mutasi_desktop.services.staff import StaffFilter, StaffRow

SortKey = Callable[[StaffRow], Any]


@dataclass(frozen=True)
class SortSpec:
    key: str
    descending: bool = False


def _text(value: str | None) -> str:
    return fold(value) if value else "\uffff"  # blanks sort last


SORT_KEYS: dict[str, SortKey] = {
    "nip": lambda r: r.nip,
    "nama": lambda r: (fold(r.nama), r.nip),
    "golongan": lambda r: (r.golongan_rank, r.nip),
    "jabatan": lambda r: (_text(r.jabatan_nama), fold(r.nama)),
    "unit": lambda r: (_text(r.unit_nama), fold(r.nama)),
    "opd": lambda r: (_text(r.opd_nama), fold(r.nama)),
    "jenis_pegawai": lambda r: (r.jenis_pegawai, fold(r.nama)),
    "status": lambda r: (r.status, fold(r.nama)),
}


class RegisterIndex:
    """All rows sorted once per sort order; a filter keeps that order, so typing never re-sorts."""

    def __init__(self, rows: Iterable[StaffRow] = ()) -> None:
        self._rows: list[StaffRow] = list(rows)
        self._sort = SortSpec("nama")
        self._sorted: list[StaffRow] = []
        self._active: list[StaffRow] = []
        self._filter = StaffFilter()
        self.visible: list[StaffRow] = []
        self._resort()

    @property
    def total(self) -> int:
        return len(self._rows)

    @property
    def sort(self) -> SortSpec:
        return self._sort

    @property
    def filter(self) -> StaffFilter:
        return self._filter

    def count_active(self) -> int:
        return sum(1 for r in self._rows if r.aktif)

    def set_rows(self, rows: Iterable[StaffRow]) -> None:
        self._rows = list(rows)
        self._resort()

    def set_sort(self, spec: SortSpec) -> None:
        if spec != self._sort:
            self._sort = spec
            self._resort()

    def set_filter(self, flt: StaffFilter) -> None:
        previous, self._filter = self._filter, flt
        if _narrows(previous, flt):
            # Typing one more letter can only shrink the result: search the last result only.
            self.visible = _search(self.visible, query_tokens(flt.search))
        else:
            self._refilter()

    def upsert(self, row: StaffRow) -> None:
        """Replace (or add) one row after an edit; cheap enough to re-sort everything."""
        for i, existing in enumerate(self._rows):
            if existing.id == row.id:
                self._rows[i] = row
                break
        else:
            self._rows.append(row)
        self._resort()

    def position_of(self, pegawai_id: int) -> int | None:
        for i, r in enumerate(self.visible):
            if r.id == pegawai_id:
                return i
        return None

    def _resort(self) -> None:
        self._sorted = sorted(
            self._rows, key=SORT_KEYS[self._sort.key], reverse=self._sort.descending
        )
        self._active = [r for r in self._sorted if r.aktif]
        self._refilter()

    def _refilter(self) -> None:
        if self._filter == StaffFilter(include_inactive=True):
            self.visible = list(self._sorted)
            return
        flt, tokens = self._filter, query_tokens(self._filter.search)
        if replace(flt, search="") == StaffFilter():
            # Only a search and the default "active only": the common case, kept tight.
            self.visible = _search(self._active, tokens)
            return
        self.visible = _search([r for r in self._sorted if _accepts(flt, r)], tokens)


def _narrows(old: StaffFilter, new: StaffFilter) -> bool:
    """True when every row matching ``new`` also matches ``old`` (same filters, longer search)."""
    if replace(old, search="") != replace(new, search="") or old.search == new.search:
        return False
    new_tokens = query_tokens(new.search)
    return all(any(o in n for n in new_tokens) for o in query_tokens(old.search))


def _search(rows: list[StaffRow], tokens: list[str]) -> list[StaffRow]:
    """Rows containing every token, token by token: each pass scans a shorter list, and a
    comprehension without a function call per row keeps 50,000 rows within a few milliseconds."""
    for token in tokens:
        rows = [r for r in rows if token in r.teks_cari]
    return list(rows) if not tokens else rows


def _accepts(flt: StaffFilter, r: StaffRow) -> bool:
    if not flt.include_inactive and not r.aktif:
        return False
    if flt.opd_id is not None and r.opd_id != flt.opd_id:
        return False
    if flt.unit_ids is not None and r.unit_id not in flt.unit_ids:
        return False
    if flt.jenis_pegawai is not None and r.jenis_pegawai != flt.jenis_pegawai.value:
        return False
    if flt.golongan and r.golongan != flt.golongan:
        return False
    if flt.jenis_jabatan is not None and r.jenis_jabatan != flt.jenis_jabatan.value:
        return False
    return flt.status is None or r.status == flt.status.value
