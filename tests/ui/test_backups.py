"""Backups as the user guide promises them, through the real main window opened as after
sign-in (``Session``, which ``run_app`` uses): the daily backup after the window is drawn,
"back up now" and restoring from the settings page, and closing during a backup."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from caseworker.security.signin import set_up
from caseworker.store.backups import backup_folder, check_backup, list_backups
from caseworker.store.db import Store, open_store
from caseworker.store.search import search_households
from caseworker.store.workers import Worker
from caseworker.ui.dialogs.signin import SignInDialog
from caseworker.ui.main_window import SETTINGS, MainWindow
from caseworker.ui.pages.backup_panel import BackupPanel
from caseworker.ui.session import Session
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY

PASSWORD = "zhongjie-2026"


@pytest.fixture
def signed_in(qtbot: QtBot, county: Store, worker: Worker) -> Store:
    """The county's store locked with a password, and the worker signed in to it with
    the real sign-in dialog (as ``run_app`` does before opening the session)."""
    path = county.path
    county.close()
    set_up(path, worker_id=worker.id, worker_name=worker.name, password=PASSWORD)
    dialog = SignInDialog(path)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password, PASSWORD)
    dialog.try_sign_in()
    assert dialog.key is not None
    return open_store(path, key=dialog.key)


@pytest.fixture
def session(
    qtbot: QtBot, qapp: QApplication, signed_in: Store, worker: Worker, settings: AppSettings
) -> Iterator[Session]:
    opened = Session(qapp, signed_in, worker, settings, today=lambda: DEMO_DAY, backup_delay_ms=0)
    opened.open()
    yield opened
    ended(opened)


def ended(session: Session) -> None:
    """Close the app as the worker does: the window, then what run_app does after it (a
    window replaced by a restore is gone already, so qtbot is not asked to close it)."""
    if session.window is not None and isValid(session.window):
        session.window.close()
    session.close()


def current(session: Session) -> MainWindow:
    assert session.window is not None
    return session.window


def daily_backup_done(qtbot: QtBot, session: Session) -> Path:
    folder = backup_folder(session.store)
    qtbot.waitUntil(lambda: len(list_backups(folder)) == 1, timeout=20000)
    qtbot.waitUntil(lambda: session.backups is not None and not session.backups.busy)
    return list_backups(folder)[0]


def settings_panel(session: Session) -> BackupPanel:
    window = current(session)
    window.nav.setCurrentRow(SETTINGS)
    panel = window.settings_page.backup_panel
    assert panel.isVisible()
    return panel


def test_the_daily_backup_is_made_after_sign_in_once_the_window_is_drawn(
    qtbot: QtBot, session: Session
) -> None:
    window = current(session)
    folder = backup_folder(session.store)
    # The window's first paint does not wait for it: it starts after the warm-up.
    assert session.backups is not None and not session.backups.busy
    assert not window.warm_up.done and not folder.exists()
    made = daily_backup_done(qtbot, session)
    assert window.warm_up.done
    assert check_backup(made, session.store.key) == 60  # encrypted, with this laptop's key
    assert made.with_name(made.name + ".keys").exists()  # and its wrapped keys
    assert "今天的备份已完成" in window.statusBar().currentMessage()
    assert [p for p in folder.iterdir() if p.suffix == ".part"] == []


def test_back_up_now_from_settings_says_where_when_and_how_big(
    qtbot: QtBot, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    daily_backup_done(qtbot, session)
    panel = settings_panel(session)
    assert panel.last.text().startswith(DEMO_DAY.strftime("%Y")[:2])  # a date, not "none"
    qtbot.mouseClick(panel.back_up, Qt.MouseButton.LeftButton)
    backups = session.backups
    assert backups is not None
    qtbot.waitUntil(lambda: not backups.busy and backups.last_made is not None, timeout=20000)
    made = backups.last_made
    assert made is not None and made.path.exists() and made.households == 60
    said = panel.result.text().replace("\u200b", "")
    assert said.startswith("已备份：")
    assert made.made_at.strftime("%Y-%m-%d %H:%M") in said and "60 户" in said
    assert ("KB" in said or "MB" in said) and str(made.path) in said
    assert panel.last.text().startswith(made.made_at.strftime("%Y-%m-%d %H:%M"))
    assert len(list_backups(backup_folder(session.store))) == 2

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(usb))
    qtbot.mouseClick(panel.back_up_elsewhere, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(list_backups(usb)) == 1, timeout=20000)
    qtbot.waitUntil(lambda: not backups.busy)
    assert check_backup(list_backups(usb)[0], session.store.key) == 60


def test_a_backup_that_cannot_be_written_says_so_plainly_and_leaves_nothing(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    daily_backup_done(qtbot, session)
    panel = settings_panel(session)
    not_a_folder = tmp_path / "stick"
    not_a_folder.write_text("a file where the folder should be")
    assert panel.back_up_to(not_a_folder)
    backups = session.backups
    assert backups is not None
    qtbot.waitUntil(lambda: not backups.busy, timeout=20000)
    said = panel.result.text().replace("\u200b", "")
    assert said.startswith("备份没有完成：")
    assert "无法写入" in said and "没有留下不完整的备份文件" in said
    assert "Errno" not in said and "Error" not in said  # no developer text
    assert not_a_folder.read_text() == "a file where the folder should be"


def test_restoring_from_settings_brings_back_a_household_deleted_after_the_backup(
    qtbot: QtBot, session: Session, answers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = daily_backup_done(qtbot, session)
    store = session.store
    with store.read() as conn:
        zhang = search_households(conn, "张学林")[0].id
    with store.begin() as conn:  # lost after the backup was made
        conn.exec_driver_sql("DELETE FROM household WHERE id = ?", (zhang,))
    panel = settings_panel(session)
    asked: list[str] = []

    def choose(parent: object, title: str, folder: str, kinds: str) -> tuple[str, str]:
        asked.append(folder)
        return str(backup), kinds

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    old = current(session)
    qtbot.mouseClick(panel.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.window is not old, timeout=30000)
    assert asked == [str(backup_folder(store))]  # the chooser opens in the backups folder
    question = answers[-1]
    assert "60 户" in question and backup.name[11:15] in question  # which backup, its year
    assert "不会删除" in question and "不需要重新登录" in question

    window = current(session)
    assert session.store is not store  # the restored store is open
    with session.store.read() as conn:
        assert [h.id for h in search_households(conn, "张学林")] == [zhang]
    qtbot.waitUntil(lambda: window.households.model.total == 60, timeout=20000)
    assert window.pages.currentIndex() == SETTINGS
    said = window.settings_page.backup_panel.result.text()
    assert said.startswith("已恢复") and "60 户" in said
    kept = list(store.path.parent.glob(store.path.name + ".replaced-*"))
    assert len(kept) == 1  # the records as they were, beside them
    assert not isValid(old)  # the window on the replaced records is gone


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    qtbot: QtBot, session: Session, answers: list[str], tmp_path: Path
) -> None:
    daily_backup_done(qtbot, session)
    panel = settings_panel(session)
    notes = tmp_path / "caseworker-notes.db"
    notes.write_text("not a database")
    old = current(session)
    assert panel.restore_from(notes)
    backups = session.backups
    assert backups is not None
    qtbot.waitUntil(lambda: not backups.busy, timeout=20000)
    assert "无法作为本机数据的备份读取" in answers[-1] and "数据没有任何改变" in answers[-1]
    assert "file is not a database" not in answers[-1]
    assert panel.result.text() == answers[-1]
    assert session.window is old and old.isVisible()
    assert panel.restore_from(session.store.path) is False  # the records themselves
    assert "正在使用的数据文件" in panel.result.text()


def test_saying_no_to_the_restore_changes_nothing(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caseworker.ui import ask

    backup = daily_backup_done(qtbot, session)
    monkeypatch.setattr(ask, "confirm", lambda *args: False)
    panel = settings_panel(session)
    old = current(session)
    assert panel.restore_from(backup)
    backups = session.backups
    assert backups is not None
    qtbot.waitUntil(lambda: not backups.busy, timeout=20000)
    assert panel.result.text() == "没有恢复，数据没有任何改变。"
    assert session.window is old and session.store.path.exists()
    assert list(session.store.path.parent.glob("*.replaced-*")) == []


def test_closing_during_the_daily_backup_leaves_no_half_written_backup(
    qtbot: QtBot, qapp: QApplication, signed_in: Store, worker: Worker, settings: AppSettings
) -> None:
    with signed_in.begin() as conn:  # some 20 MB: the copy takes several steps
        conn.exec_driver_sql("CREATE TABLE ballast (x)")
        conn.exec_driver_sql(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
            "INSERT INTO ballast SELECT randomblob(1000) FROM n"
        )
    session = Session(qapp, signed_in, worker, settings, backup_delay_ms=0)
    session.open()
    backups = session.backups
    assert backups is not None
    qtbot.waitUntil(lambda: backups.busy, timeout=20000)
    ended(session)
    folder = backup_folder(signed_in)
    left = sorted(p.name for p in folder.iterdir())
    assert not [name for name in left if name.endswith(".part")]
    for made in list_backups(folder):  # if it finished first, it is whole
        assert check_backup(made, signed_in.key) == 60


def test_a_window_opened_without_a_session_still_backs_up_but_offers_no_restore(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(SETTINGS)
    panel = window.settings_page.backup_panel
    assert panel.last.text() == "还没有备份"
    assert panel.back_up.isEnabled() and not panel.restore.isEnabled()
    assert panel.back_up_now()
    backups = panel.backups
    assert backups is not None
    qtbot.waitUntil(lambda: not backups.busy, timeout=20000)
    assert len(list_backups(backup_folder(county))) == 1
    assert not panel.restore_from(list_backups(backup_folder(county))[0])
