"""UI fixtures: a main window on a small real database and scripted dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from mutasi_desktop.domain.pegawai import JenisKelamin
from mutasi_desktop.services.bootstrap import Services
from mutasi_desktop.ui.main_window import MainWindow
from support import SmallOrg, draft
from support_ui import FakeDialogs


@pytest.fixture
def fake_dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def populated(sqlite_services: Services) -> tuple[Services, SmallOrg]:
    org = SmallOrg(sqlite_services)
    staff = sqlite_services.staff
    staff.create(draft(unit_id=org.sos_bidang_id, jabatan_id=org.data_bansos_id))
    staff.create(
        draft(
            "Sitti Nurhayati",
            birth=date(1990, 1, 2),
            gender=JenisKelamin.PEREMPUAN,
            unit_id=org.hub_bidang_id,
            jabatan_id=org.admin_hub_id,
        )
    )
    staff.create(
        draft(
            "Muhammad Yusuf",
            birth=date(1979, 5, 17),
            tmt=date(2005, 3, 1),
            unit_id=org.hub_bidang_id,
            jabatan_id=org.admin_hub_id,
            gelar_belakang="S.E.",
        )
    )
    return sqlite_services, org


@pytest.fixture
def window(
    qtbot: QtBot, populated: tuple[Services, SmallOrg], fake_dialogs: FakeDialogs
) -> Iterator[MainWindow]:
    services, _ = populated
    win = MainWindow(services, fake_dialogs)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitActive(win):  # a context manager: it waits on leaving the block
        win.activateWindow()
    yield win
