"""Starting the desktop app: fonts, language, sign-in (or first set-up), the main window.

Each step imports what it needs when it runs (the first set-up's dialogs and the sign-in's
cryptography are not loaded by a start that does not reach them), so that
``create_app`` and the main window's first paint stay quick.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from caseworker.store.db import Store, open_store
from caseworker.store.workers import Worker, current_worker, signed_in
from caseworker.ui.qt_app import create_app
from caseworker.ui.settings import AppSettings
from caseworker.ui.startup_probe import install_if_asked


def _first_set_up(path: Path) -> tuple[Store, Worker] | None:
    """A store without a password: choose the worker if needed, then set a password, which
    encrypts the records already there (a backup is made first)."""
    from caseworker.security.signin import set_up
    from caseworker.ui.dialogs.first_run import FirstRunDialog
    from caseworker.ui.dialogs.signin import NewPasswordDialog, RecoveryCodeDialog

    store = open_store(path)
    worker = current_worker(store)
    if worker is None:
        dialog = FirstRunDialog(store)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.worker is None:
            store.close()
            return None
        worker = dialog.worker
    store.close()
    ask = NewPasswordDialog(
        QCoreApplication.translate("App", "Set the password that protects this laptop's records.")
    )
    if ask.exec() != QDialog.DialogCode.Accepted or ask.password is None:
        return None
    key, code = set_up(path, worker_id=worker.id, worker_name=worker.name, password=ask.password)
    if code:
        RecoveryCodeDialog(code, worker=worker.name).exec()
    return open_store(path, key=key), worker


def _sign_in(path: Path) -> tuple[Store, Worker] | None:
    from caseworker.ui.dialogs.signin import SignInDialog

    dialog = SignInDialog(path)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.key is None:
        return None
    store = open_store(path, key=dialog.key)
    # The worker who signed in, on a laptop several share; else the one it is set up for.
    worker = signed_in(store, dialog.worker.currentData()) or current_worker(store)
    assert worker is not None
    return store, worker


def open_store_as_worker(path: Path) -> tuple[Store, Worker] | None:
    """The store and its worker: signed in, or (first start) set up with a password; None
    if the user gave up."""
    from caseworker.security.signin import is_encrypted

    return _sign_in(path) if is_encrypted(path) else _first_set_up(path)


# Earlier versions kept print previews in folders of this name in the temp folder, where
# a crash left them (names, ID numbers, illnesses) in clear. Previews are in memory now.
OLD_PREVIEWS = "caseworker-print-*"


def remove_old_previews() -> int:
    """Delete preview folders an earlier version left in the temp folder; how many."""
    import shutil
    import tempfile

    found = list(Path(tempfile.gettempdir()).glob(OLD_PREVIEWS))
    for folder in found:
        shutil.rmtree(folder, ignore_errors=True)
    return len(found)


def run_app(path: Path, settings: AppSettings | None = None) -> int:
    """Run the desktop app on the store at ``path`` until the window closes."""
    from caseworker.ui.error_hook import install_error_hook

    settings = settings or AppSettings()
    app = create_app(settings)
    install_if_asked(app)  # CASEWORKER_EXIT_WHEN_SHOWN=1: measure start-up, then quit
    install_error_hook()
    opened = open_store_as_worker(path)
    if opened is None:
        return 0
    from caseworker.ui.session import Session  # the main window, after the first dialog

    store, worker = opened
    remove_old_previews()
    # The main window with its idle lock, unsaved visits offered back, and the daily
    # backup once the window is drawn; a restore from the settings page reopens it.
    session = Session(app, store, worker, settings)
    session.open()
    try:
        return int(app.exec())
    finally:
        session.close()  # stops a daily backup, lets background writes finish
