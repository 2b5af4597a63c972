"""Opening a backup made under another key: before the password was changed (a worker
alone on a laptop gets a new data key with a new password), or on the records as they were
before a recovery.

A backup's key file (copied beside it when it was made) holds the data key of that time,
wrapped under the passwords of that time and sealed to the county's recovery key. The
backup's password or the recovery code opens it; the backup is then copied and re-keyed to
the data key in force, so that the restored records open with today's password.

No delay is counted here: only a worker already signed in gets this far, and whoever holds
a copy of a backup can guess at its key file anywhere else. Its Argon2id cost per guess is
what protects it.
"""

import shutil
from pathlib import Path

from caseworker.security.encryption import rekey_database
from caseworker.security.keys import (
    KeyFileError,
    WrongPassword,
    keyfile_path,
    load_keyfile,
    open_with_recovery_code,
    unwrap_for_worker,
)
from caseworker.store.backups import restore


def has_own_keys(backup: Path) -> bool:
    """Whether a key file was copied beside ``backup`` (every backup of a locked store)."""
    return keyfile_path(backup).is_file()


def backup_key(
    backup: Path, *, worker_id: str | None = None, password: str = "", code: str = ""
) -> bytes:
    """The data key ``backup`` was made with: from the recovery ``code`` if given, else
    from ``password`` (``worker_id``'s wrapping tried first, then the other workers' of
    that time). WrongPassword if neither opens it; KeyFileError without its key file."""
    keyfile = load_keyfile(keyfile_path(backup))
    if code:
        return open_with_recovery_code(keyfile, code)
    if not password:
        raise WrongPassword
    ordered = sorted(keyfile.workers, key=lambda w: w.worker_id != worker_id)
    for wrapped in ordered:
        try:
            return unwrap_for_worker(wrapped, password)
        except WrongPassword:
            continue
    raise WrongPassword


def rekeyed_copy(backup: Path, backup_key: bytes, key: bytes, folder: Path) -> Path:
    """A copy of ``backup`` in ``folder`` (beside the store: the same disk), re-keyed from
    ``backup_key`` to ``key``; the backup itself is not changed. The caller removes it."""
    target = folder / (backup.name + ".rekeyed")
    remove_copy(target)
    try:
        shutil.copy2(backup, target)
        rekey_database(target, backup_key, key)
    except BaseException:
        remove_copy(target)
        raise
    return target


def remove_copy(copy: Path) -> None:
    """Remove a re-keyed copy and what SQLite keeps beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(copy) + suffix).unlink(missing_ok=True)


def restore_rekeyed(
    backup: Path, db_path: Path, key: bytes | None, opens_with: bytes | None
) -> Path | None:
    """``store.backups.restore`` of a backup that ``opens_with`` opens: one made under an
    earlier data key is re-keyed to ``key`` (on a copy) first. The replaced store's copy,
    as ``restore`` returns it."""
    if opens_with is None or key is None or opens_with == key:
        return restore(backup, db_path, key)
    copy = rekeyed_copy(backup, opens_with, key, db_path.parent)
    try:
        return restore(copy, db_path, key)
    finally:
        remove_copy(copy)


__all__ = [
    "KeyFileError",
    "WrongPassword",
    "backup_key",
    "has_own_keys",
    "rekeyed_copy",
    "restore_rekeyed",
]
