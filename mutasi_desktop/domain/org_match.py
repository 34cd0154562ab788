"""Matching organisation and person names from imported files to the ones already known."""

from __future__ import annotations

import re
import unicodedata

from mutasi_desktop.domain.pencarian import fold

_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")
# Abbreviations that mean the same unit whichever way a sheet spells them.
_WORDS = {"kab": "kabupaten", "kec": "kecamatan", "kel": "kelurahan", "sekr": "sekretariat"}


def name_key(text: str) -> str:
    """Comparable form of an OPD, unit or position name: ``Dinas Sosial & P3A`` and
    ``dinas  sosial dan p3a`` are the same key."""
    s = fold(unicodedata.normalize("NFKC", text)).replace("&", " dan ")
    words = _NON_ALNUM_RE.sub(" ", s).split()
    return " ".join(_WORDS.get(w, w) for w in words)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with adjacent swaps counted once, or ``limit + 1`` when larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, start=1):
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                value = min(value, prev2[j - 2] + 1)
            cur[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def is_typo_of(a_key: str, b_key: str) -> bool:
    """True when two name keys differ only by a typing slip inside longer words.

    ``bidang perlindngan sosial`` is a typo of ``bidang perlindungan sosial``; ``seksi a`` is
    not one of ``seksi b`` and ``puskesmas mamuju`` is not ``puskesmas mamuju utara``: different
    letters, numbers or extra words name different units, so they are never merged.
    """
    if a_key == b_key:
        return False
    ta, tb = a_key.split(), b_key.split()
    if len(ta) != len(tb):
        return False
    differing = [(x, y) for x, y in zip(ta, tb, strict=True) if x != y]
    if not differing or len(differing) > 2:
        return False
    if any(len(x) < 4 or len(y) < 4 or x.isdigit() or y.isdigit() for x, y in differing):
        return False
    limit = 1 if len(a_key) < 12 else 2
    total = sum(edit_distance(x, y, limit) for x, y in differing)
    return total <= limit


def same_person_name(a: str, b: str) -> bool:
    """Whether two spellings plausibly name one person (a NIP typed into the wrong row gives
    two unrelated names): they share a word of three letters or more, or one contains the
    other, or one is a typo of the other."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return True  # nothing to compare
    if ka == kb or ka in kb or kb in ka:
        return True
    wa = {w for w in ka.split() if len(w) >= 3}
    wb = {w for w in kb.split() if len(w) >= 3}
    if wa & wb:
        return True
    return edit_distance(ka.replace(" ", ""), kb.replace(" ", ""), 2) <= 2
