"""The layer rule, enforced: domain ← storage/formats ← services ← ui/cli; Qt only in the UI."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mutasi_desktop"

THIRD_PARTY_INFRA = {
    "sqlalchemy",
    "alembic",
    "openpyxl",
    "reportlab",
    "python_calamine",
    "PySide6",
    "highspy",
    "platformdirs",
    "psycopg",
    "pypdfium2",
}

# For each layer: the project layers and third-party packages it may import.
ALLOWED: dict[str, tuple[set[str], set[str]]] = {
    "domain": ({"domain"}, set()),
    "config": ({"config"}, {"platformdirs"}),
    "storage": ({"storage", "domain", "config"}, {"sqlalchemy", "alembic"}),
    "formats": (
        {"formats", "domain", "config"},
        {"openpyxl", "reportlab", "python_calamine", "pypdfium2"},
    ),
    "services": (
        {"services", "storage", "formats", "domain", "config"},
        {"sqlalchemy", "alembic", "highspy"},
    ),
    "ui": ({"ui", "services", "domain", "config"}, {"PySide6"}),
    "cli": ({"cli", "services", "domain", "config"}, set()),
    "app": ({"app", "ui", "services", "domain", "config"}, {"PySide6"}),
    "__main__": ({"app"}, set()),
    "__init__": (set(), set()),
}


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def violations() -> list[str]:
    stdlib = set(sys.stdlib_module_names)
    problems: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        layer = _layer(path)
        if layer not in ALLOWED:
            problems.append(f"{path}: unknown layer {layer!r}; add it to ALLOWED")
            continue
        own, third = ALLOWED[layer]
        for line, module in _imports(path):
            top = module.split(".")[0]
            if top == "mutasi_desktop":
                parts = module.split(".")
                target = parts[1] if len(parts) > 1 else "__init__"
                if target not in own and target != "__init__":
                    problems.append(f"{path.relative_to(PACKAGE)}:{line} {layer} imports {module}")
            elif top in stdlib or top == "__future__":
                continue
            elif top not in third:
                problems.append(f"{path.relative_to(PACKAGE)}:{line} {layer} imports {module}")
    return problems


def test_layers_import_only_in_the_allowed_direction() -> None:
    assert violations() == []


def test_the_checker_catches_a_violation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule is only worth something if it can fail."""
    fake = tmp_path / "mutasi_desktop"
    (fake / "domain").mkdir(parents=True)
    (fake / "domain" / "bad.py").write_text("import sqlalchemy\nfrom PySide6 import QtCore\n")
    (fake / "services").mkdir()
    (fake / "services" / "bad.py").write_text("from mutasi_desktop.ui import main_window\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    found = violations()
    assert any("domain imports sqlalchemy" in v for v in found)
    assert any("domain imports PySide6" in v for v in found)
    assert any("services imports mutasi_desktop.ui" in v for v in found)


def test_pyside6_only_in_ui_and_app_entry() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        layer = _layer(path)
        if layer in ("ui", "app"):
            continue
        if any(m.split(".")[0] == "PySide6" for _, m in _imports(path)):
            offenders.append(str(path))
    assert offenders == []
