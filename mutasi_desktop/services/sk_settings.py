"""Regency settings for decrees (Pengaturan): names, signatories, paper, fonts, numbering, lists.

Stored in the ``pengaturan`` table under three keys: ``kabupaten`` (the regency and its
officials, shared with the rest of the app and written by the demo), ``sk`` (decree layout,
numbering and lists) and ``sk_logo`` (the emblem image, base64). Unknown keys already in
``kabupaten`` (``kode_wilayah``, …) are kept when the settings are saved.
"""

from __future__ import annotations

import base64
import dataclasses
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from mutasi_desktop.config.paths import resource_root
from mutasi_desktop.domain.errors import DomainError
from mutasi_desktop.domain.sk import MAX_LOGO_BYTES, PengaturanSk, TemplateSk, parse_template
from mutasi_desktop.services import audit
from mutasi_desktop.services.context import Action, ServiceContext
from mutasi_desktop.storage.models import Pengaturan

KEY_KABUPATEN = "kabupaten"
KEY_SK = "sk"
KEY_LOGO = "sk_logo"
TEMPLATE_DEFAULT = "mutasi"
ENTITAS = "pengaturan"

# Fields kept under "kabupaten" (names as the demo writes them); the rest go under "sk".
_KABUPATEN_FIELDS = {
    "daerah": "nama",
    "provinsi": "provinsi",
    "ibu_kota": "ibu_kota",
    "bupati": "bupati",
    "wakil_bupati": "wakil_bupati",
    "sekda": "sekda",
}
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


def template_folder() -> Path:
    return resource_root() / "templates" / "sk"


@lru_cache(maxsize=8)
def _load_template(path: str, mtime: float) -> TemplateSk:
    return parse_template(Path(path).read_text(encoding="utf-8"))


def load_template(nama: str = TEMPLATE_DEFAULT) -> TemplateSk:
    """The decree template ``resources/templates/sk/<nama>.toml`` (re-read when it changes)."""
    path = template_folder() / f"{nama}.toml"
    if not path.is_file():
        raise DomainError("sk.template_tidak_ada", nama=nama)
    return _load_template(str(path), path.stat().st_mtime)


def read_settings(session: Session) -> PengaturanSk:
    kab = session.get(Pengaturan, KEY_KABUPATEN)
    sk = session.get(Pengaturan, KEY_SK)
    logo = session.get(Pengaturan, KEY_LOGO)
    data: dict[str, Any] = dict(sk.nilai) if sk is not None and isinstance(sk.nilai, dict) else {}
    if kab is not None and isinstance(kab.nilai, dict):
        for field, key in _KABUPATEN_FIELDS.items():
            if kab.nilai.get(key) is not None:
                data[field] = kab.nilai[key]
    data["ada_logo"] = bool(logo is not None and logo.nilai)
    return PengaturanSk.from_dict(data)


def read_logo(session: Session) -> bytes | None:
    row = session.get(Pengaturan, KEY_LOGO)
    if row is None or not row.nilai:
        return None
    return base64.b64decode(str(row.nilai))


class SettingsService:
    """Read and change the regency's decree settings."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def get(self) -> PengaturanSk:
        with self.ctx.read() as s:
            return read_settings(s)

    def template(self) -> TemplateSk:
        return load_template()

    def effective_lists(self, p: PengaturanSk | None = None) -> dict[str, tuple[str, ...]]:
        """Mengingat and Tembusan lists in force: the settings', else the template defaults."""
        p = p or self.get()
        t = self.template()
        return {
            "mengingat": p.mengingat or t.mengingat,
            "tembusan": p.tembusan or t.tembusan,
            "tembusan_petikan": p.tembusan_petikan or t.tembusan_petikan,
            "tembusan_spmt": p.tembusan_spmt or t.tembusan_spmt,
        }

    def save(self, p: PengaturanSk) -> PengaturanSk:
        """Validate and store; refuses with every problem found (nothing is stored then)."""
        problems = [x for x in p.check() if x.is_error]
        if problems:
            raise DomainError.from_problems(problems)
        with self.ctx.write(Action.SETTINGS_EDIT) as s:
            before = read_settings(s)
            kab_row = s.get(Pengaturan, KEY_KABUPATEN)
            kab: dict[str, Any] = (
                dict(kab_row.nilai)
                if kab_row is not None and isinstance(kab_row.nilai, dict)
                else {}
            )
            values = p.to_dict()
            for field, key in _KABUPATEN_FIELDS.items():
                kab[key] = values.pop(field)
            values.pop("ada_logo", None)
            s.merge(Pengaturan(kunci=KEY_KABUPATEN, nilai=kab))
            s.merge(Pengaturan(kunci=KEY_SK, nilai=values))
            s.flush()
            after = read_settings(s)
            audit.record(
                s,
                self.ctx,
                aksi="pengaturan.ubah",
                entitas=ENTITAS,
                entitas_id=None,
                ringkasan=f"Pengaturan daerah dan surat keputusan diubah ({after.daerah})",
                sebelum=_diff(before.to_dict(), after.to_dict()),
                sesudah=_diff(after.to_dict(), before.to_dict()),
            )
            return after

    def logo(self) -> bytes | None:
        with self.ctx.read() as s:
            return read_logo(s)

    def set_logo(self, data: bytes | None) -> PengaturanSk:
        """Store the emblem (PNG or JPEG, at most 1 MB); ``None`` removes it."""
        if data is not None:
            if not (data.startswith(_PNG) or data.startswith(_JPEG)):
                raise DomainError("sk.logo_bukan_gambar")
            if len(data) > MAX_LOGO_BYTES:
                raise DomainError("sk.logo_terlalu_besar", maks=MAX_LOGO_BYTES // 1000)
        with self.ctx.write(Action.SETTINGS_EDIT) as s:
            value = base64.b64encode(data).decode("ascii") if data else None
            s.merge(Pengaturan(kunci=KEY_LOGO, nilai=value))
            audit.record(
                s,
                self.ctx,
                aksi="pengaturan.logo",
                entitas=ENTITAS,
                entitas_id=None,
                ringkasan="Logo surat keputusan " + ("diganti" if data else "dihapus"),
                sesudah={"ukuran": len(data) if data else 0},
            )
            s.flush()
            return read_settings(s)


def _diff(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in a.items() if b.get(k) != v}


def replace(p: PengaturanSk, **changes: Any) -> PengaturanSk:
    """``dataclasses.replace`` for callers outside the domain (UI forms)."""
    return dataclasses.replace(p, **changes)
