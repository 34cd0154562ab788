"""Guards against binding bugs that would crash a long session.

PySide6 6.12.0 on Python 3.11 drops one reference to ``None`` on every call of a C++ method
returning void; after enough calls Python aborts with "deallocating None". pyproject.toml pins
PySide6 below 6.12; this test fails if a broken build comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QApplication, QLineEdit


def test_void_calls_keep_none_alive(qapp: QApplication) -> None:
    edit = QLineEdit()
    item = QStandardItem("x")
    before = sys.getrefcount(None)
    for _ in range(500):
        edit.setText("a")
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    # A healthy binding leaves None's count where it was (give or take a few temporaries).
    assert abs(sys.getrefcount(None) - before) < 100
