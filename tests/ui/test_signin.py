from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from caseworker.security import signin
from caseworker.security.signin import set_up
from caseworker.store.db import Store, open_store
from caseworker.store.workers import Worker
from caseworker.ui.dialogs.signin import SignInDialog
from caseworker.ui.idle_lock import lock_when_idle
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings

PASSWORD = "zhongjie-2026"


@pytest.fixture
def short_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pause after each wrong password short enough for a test."""
    monkeypatch.setattr(signin, "WRONG_PASSWORD_PAUSE_SECONDS", 0.05)


def locked_store(county: Store, worker: Worker) -> tuple[Path, bytes]:
    path = county.path
    county.close()
    key, _ = set_up(path, worker_id=worker.id, worker_name=worker.name, password=PASSWORD)
    return path, key


def test_signing_in_opens_the_encrypted_store_and_a_wrong_password_does_not(
    qtbot: QtBot, county: Store, worker: Worker, short_pause: None
) -> None:
    path, key = locked_store(county, worker)
    dialog = SignInDialog(path)
    qtbot.addWidget(dialog)
    assert dialog.worker.currentText() == "王建华"
    qtbot.keyClicks(dialog.password, "not-the-password")
    dialog.try_sign_in()
    assert dialog.key is None and dialog.message.text() == "密码不正确。"
    assert dialog.password.text() == ""
    # a moment's pause after a wrong password, the window still answering
    assert not dialog.password.isEnabled()
    qtbot.waitUntil(dialog.password.isEnabled, timeout=2000)
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.try_sign_in()
    assert dialog.key == key


def test_repeated_wrong_passwords_make_the_dialog_wait(
    qtbot: QtBot, county: Store, worker: Worker, short_pause: None
) -> None:
    path, _ = locked_store(county, worker)
    dialog = SignInDialog(path)
    qtbot.addWidget(dialog)
    for _ in range(6):
        qtbot.waitUntil(dialog.password.isEnabled, timeout=2000)
        dialog.password.setText("wrong-wrong")
        dialog.try_sign_in()
    assert not dialog.password.isEnabled()
    assert "秒后再试" in dialog.message.text()


def test_idle_minutes_lock_the_window_until_the_password_is_given(
    qtbot: QtBot, qapp: QApplication, county: Store, worker: Worker, settings: AppSettings
) -> None:
    path, key = locked_store(county, worker)
    store = open_store(path, key=key)
    window = MainWindow(store, worker, settings)
    qtbot.addWidget(window)
    idle = lock_when_idle(qapp, window, minutes=0.001)  # 60 ms
    assert not idle.timer.isActive()  # counting starts at the first paint
    window.show()
    qtbot.waitUntil(lambda: window.lock_dialog is not None, timeout=2000)
    assert not window.body.isVisible()
    dialog = window.lock_dialog
    assert dialog is not None and not dialog.worker.isEnabled()
    dialog.password.setText(PASSWORD)
    dialog.try_sign_in()
    assert window.body.isVisible() and not idle.locked
    store.close()


def test_on_a_shared_laptop_the_worker_who_signs_in_is_the_one_at_work(
    qtbot: QtBot, county: Store, worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A township office laptop that a township officer shares with the village specialist:
    whoever signs in is named in the audit trail and records the stages of her level."""
    from caseworker.domain.codes import WorkerRole
    from caseworker.store.db import write_setting
    from caseworker.store.workers import current_worker, set_current_worker
    from caseworker.ui import app as app_module

    officer = set_current_worker(county, name="张明", role="township", scope_code="610423100")
    with county.begin() as conn:  # the laptop was set up for the specialist
        write_setting(conn, "current_worker", worker.id)
    path, key = locked_store(county, worker)
    signin.add_worker(
        path, key, worker_id=officer.id, worker_name=officer.name, password="ZM-2026-office"
    )

    def sign_in_as_the_officer(dialog: SignInDialog) -> int:
        dialog.worker.setCurrentIndex(dialog.worker.findData(officer.id))
        dialog.password.setText("ZM-2026-office")
        dialog.try_sign_in()
        return int(dialog.result())

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as_the_officer)
    opened = app_module.open_store_as_worker(path)
    assert opened is not None
    store, at_work = opened
    assert (at_work.name, at_work.role) == ("张明", WorkerRole.TOWNSHIP)
    assert current_worker(store) == at_work
    store.close()
