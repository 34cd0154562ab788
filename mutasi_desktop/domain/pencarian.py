"""Search semantics shared by the SQL search and the in-memory register filter."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SEPARATORS = re.compile(r"[\s,;]+")


def fold(text: str) -> str:
    """Lower-case and strip accents so 'É' and 'e' match alike (SQLite LIKE is ASCII-only)."""
    if text.isascii():
        return text.lower()  # nothing to decompose: the common case, and bulk imports need it
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def search_text(parts: Iterable[str | None]) -> str:
    """The stored search column: folded parts joined by a separator that no token contains."""
    return " | ".join(fold(p) for p in parts if p)


def query_tokens(query: str) -> list[str]:
    """Split a query into tokens that must all occur.

    Runs of digit-only words are joined, so a NIP typed with spaces ("19860926 201505 1")
    matches the stored 18 digits; dots and dashes inside a NIP are dropped for the same reason.
    """
    words = [w for w in _SEPARATORS.split(fold(query).strip()) if w]
    tokens: list[str] = []
    digits = ""
    for word in words:
        bare = word.replace(".", "").replace("-", "").lstrip("'")
        if bare.isdigit():
            digits += bare
            continue
        if digits:
            tokens.append(digits)
            digits = ""
        tokens.append(word)
    if digits:
        tokens.append(digits)
    return tokens


def matches(text: str, tokens: list[str]) -> bool:
    return all(token in text for token in tokens)


def like_escape(token: str) -> str:
    """Escape LIKE wildcards; pair with ``escape='\\\\'`` in the query."""
    return token.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
