"""Restoring, from the settings page, a backup made before the password was changed: the
app asks for the password of that time (or the recovery code), and the restored records
open with the password in use now."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from caseworker.security.signin import change_password, set_up, sign_in
from caseworker.store.backups import backup_now
from caseworker.store.db import Store, open_store
from caseworker.store.workers import Worker
from caseworker.ui.dialogs.signin import BackupPasswordDialog
from caseworker.ui.session import Session
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY
from tests.ui.test_backups import current, ended, settings_panel

OLD, NEW = "zhongjie-2026", "new-password-9"


class Typist:
    """Types into the backup-password dialog when it comes up, as the worker would."""

    def __init__(self, *typed: str) -> None:
        self.typed = list(typed)
        self.messages: list[str] = []
        self._timer = QTimer()
        self._timer.timeout.connect(self._look)
        self._timer.start(20)

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, BackupPasswordDialog) or not self.typed:
            return
        if dialog.message.text():
            self.messages.append(dialog.message.text())
        dialog.password.setText(self.typed.pop(0))
        dialog.try_open()

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def changed(
    qtbot: QtBot,
    qapp: QApplication,
    county: Store,
    worker: Worker,
    settings: AppSettings,
    tmp_path: Path,
) -> Iterator[tuple[Session, Path, str]]:
    """A backup made under the old password, the password changed since (the records
    re-keyed), and the app open after signing in with the new one."""
    path = county.path
    county.close()
    old_key, code = set_up(path, worker_id=worker.id, worker_name=worker.name, password=OLD)
    assert code is not None
    store = open_store(path, key=old_key)
    backup = backup_now(store, tmp_path / "usb")
    store.close()
    new_key = change_password(path, worker.id, OLD, NEW)
    assert new_key != old_key
    session = Session(
        qapp,
        open_store(path, key=sign_in(path, worker.id, NEW)),
        worker,
        settings,
        today=lambda: DEMO_DAY,
        backup_delay_ms=60_000,  # no daily backup racing the restore
    )
    session.open()
    yield session, backup, code
    ended(session)


def restored_with(qtbot: QtBot, session: Session, backup: Path, typist: Typist) -> None:
    """Restore ``backup`` from the settings page, ``typist`` answering the password."""
    old = current(session)
    panel = settings_panel(session)
    try:
        assert panel.restore_from(backup)
        qtbot.waitUntil(lambda: session.window is not old, timeout=30000)
    finally:
        typist.stop()


@pytest.mark.usefixtures("answers")
def test_the_password_of_that_time_restores_it_and_todays_opens_it(
    qtbot: QtBot, changed: tuple[Session, Path, str], worker: Worker
) -> None:
    session, backup, _ = changed
    typist = Typist("not-the-password", OLD)
    restored_with(qtbot, session, backup, typist)
    assert typist.messages and "密码" in typist.messages[0]  # the wrong one was refused
    said = current(session).settings_page.backup_panel.result.text()
    assert said.startswith("已恢复") and "60 户" in said
    key = sign_in(session.store.path, worker.id, NEW)  # today's password opens them
    assert session.store.key == key


@pytest.mark.usefixtures("answers")
def test_the_recovery_code_restores_it_too(
    qtbot: QtBot, changed: tuple[Session, Path, str]
) -> None:
    session, backup, code = changed
    restored_with(qtbot, session, backup, Typist(code))
    with session.store.read() as conn:
        assert conn.exec_driver_sql("SELECT COUNT(*) FROM household").scalar_one() == 60


def test_giving_up_changes_nothing(
    qtbot: QtBot, changed: tuple[Session, Path, str], answers: list[str]
) -> None:
    session, backup, _ = changed
    old = current(session)
    panel = settings_panel(session)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, BackupPasswordDialog):
            dialog.reject()
        else:
            QTimer.singleShot(20, cancel)

    QTimer.singleShot(20, cancel)
    assert panel.restore_from(backup)
    qtbot.waitUntil(lambda: "没有恢复" in panel.result.text(), timeout=20000)
    assert session.window is old and answers == []
