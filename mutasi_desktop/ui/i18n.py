"""Translations: Indonesian is the source language; other languages come from .qm files."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from mutasi_desktop.config.paths import resource_root
from mutasi_desktop.domain import messages
from mutasi_desktop.domain.errors import Problem

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str = "id") -> list[str]:
    """Load `qtbase_<lang>.qm` (Qt's own buttons) and `mutasi_<lang>.qm`; return what loaded."""
    QLocale.setDefault(
        QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
        if language == "id"
        else QLocale(language)
    )
    folder = resource_root() / "translations"
    loaded: list[str] = []
    for stem in (f"qtbase_{language}", f"mutasi_{language}"):
        path = folder / f"{stem}.qm"
        if not path.exists():
            continue
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(stem)
    return loaded


def fmt_int(value: int) -> str:
    """A whole number in the UI locale: 50.000 in Indonesian, 50,000 in English."""
    return QLocale().toString(value)


def tr_message(code: str, params: dict[str, Any] | None = None) -> str:
    """A domain problem code as a sentence in the UI language."""
    return messages.render(code, params, translate=QCoreApplication.translate)


def problem_text(problem: Problem) -> str:
    return tr_message(problem.code, problem.params)


def tr_label(text: str) -> str:
    """Translate a domain label marked with QT_TRANSLATE_NOOP('Pesan', …)."""
    return QCoreApplication.translate(messages.CONTEXT, text)
