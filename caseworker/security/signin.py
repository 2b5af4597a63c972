"""Signing in to an encrypted store: set-up with a password, sign-in with a growing delay
after repeated wrong passwords (never data loss), password change, recovery.

Nothing here shows or logs a password; a wrong one reveals nothing but "wrong".
"""

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from caseworker.security import attempts
from caseworker.security.attempts import (
    FIRST_DELAY_SECONDS,
    FREE_ATTEMPTS,
    LONGEST_DELAY_SECONDS,
    delay_after,
)
from caseworker.security.encryption import encrypt_plain_database, is_plain_sqlite, rekey_database
from caseworker.security.keys import (
    FORMAT,
    MIN_PASSWORD_LENGTH,
    KeyFile,
    WrongPassword,
    keyfile_path,
    load_keyfile,
    new_data_key,
    new_keyfile,
    open_with_recovery_code,
    recovery_code,
    reseal,
    save_keyfile,
    unwrap_for_worker,
    wrap_for_worker,
    wrapped_for,
)

# The delay's rules live in ``attempts``; these names are used from here as before.
__all__ = [
    "FIRST_DELAY_SECONDS",
    "FREE_ATTEMPTS",
    "LONGEST_DELAY_SECONDS",
    "LockedOut",
    "SignInWorker",
    "WeakPassword",
    "add_worker",
    "change_password",
    "delay_after",
    "is_encrypted",
    "recover",
    "set_up",
    "sign_in",
    "workers_on",
]


class LockedOut(Exception):
    """Too many wrong passwords: wait ``seconds`` before trying again."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"locked for {seconds} s")
        self.seconds = seconds


class WeakPassword(ValueError):
    def __init__(self) -> None:
        n = MIN_PASSWORD_LENGTH
        super().__init__(f"密码至少需要{n}位 / a password needs at least {n} characters")


@dataclass(frozen=True)
class SignInWorker:
    id: str
    name: str


def is_encrypted(db_path: Path) -> bool:
    """Whether the store at ``db_path`` is locked by a key file."""
    return keyfile_path(db_path).exists()


def workers_on(db_path: Path) -> list[SignInWorker]:
    """The workers who can sign in to this store (names are kept outside the encryption)."""
    keyfile = load_keyfile(keyfile_path(db_path))
    return [SignInWorker(w.worker_id, w.worker_name) for w in keyfile.workers]


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise WeakPassword


def set_up(
    db_path: Path,
    *,
    worker_id: str,
    worker_name: str,
    password: str,
    recovery_public: X25519PublicKey | None = None,
) -> tuple[bytes, str | None]:
    """Lock a store with a password: a new data key and key file; a plain database is
    encrypted (backup first). Returns the data key and, when no county recovery key was
    given, the recovery code to print and hand to the county (shown only this once)."""
    _check_password(password)
    code = None
    if recovery_public is None:
        private = X25519PrivateKey.generate()
        recovery_public = private.public_key()
        code = recovery_code(private)
    data_key = new_data_key()
    keyfile = new_keyfile(
        data_key, [wrap_for_worker(data_key, worker_id, worker_name, password)], recovery_public
    )
    attempts.fresh(keyfile, data_key)
    if db_path.exists() and is_plain_sqlite(db_path):
        encrypt_plain_database(db_path, data_key)
    save_keyfile(keyfile_path(db_path), keyfile)
    return data_key, code


# --- the delay after wrong passwords ------------------------------------------------------

# Each wrong password costs this long on top of Argon2id before the answer comes, so
# guessing through the app is slow from the first try (read when called: tests set it).
WRONG_PASSWORD_PAUSE_SECONDS = 2.0


def _legacy_attempts_path(db_path: Path) -> Path:
    """Where earlier versions kept the count (a file anyone could delete)."""
    return db_path.with_name(db_path.name + ".signin")


def sign_in(
    db_path: Path,
    worker_id: str,
    password: str,
    *,
    now: Callable[[], float] = time.time,
    pause: Callable[[float], None] | None = None,
) -> bytes:
    """The store's data key for a worker's password; WrongPassword or LockedOut otherwise.

    The count of wrong passwords is kept in the key file (``attempts``); a wrong password
    is answered only after ``pause`` (``time.sleep`` by default) has waited
    ``WRONG_PASSWORD_PAUSE_SECONDS``, a count found altered by the right password means the
    longest delay."""
    path = keyfile_path(db_path)
    keyfile = load_keyfile(path)
    state, replaced = attempts.current(keyfile, now())
    if replaced:
        save_keyfile(path, keyfile)
    wait = state.wait(now())
    if wait > 0:
        raise LockedOut(wait)
    wrapped = wrapped_for(keyfile, worker_id)
    try:
        if wrapped is None:
            raise WrongPassword
        key = unwrap_for_worker(wrapped, password)
    except WrongPassword:
        state.failed(now())
        keyfile.signin = state.as_dict()
        save_keyfile(path, keyfile)  # counted before the answer: stopping now saves nothing
        (pause or time.sleep)(WRONG_PASSWORD_PAUSE_SECONDS)
        raise
    if not attempts.genuine(state, keyfile, key):
        attempts.worst_case(keyfile, now(), key)
        save_keyfile(path, keyfile)
        raise LockedOut(LONGEST_DELAY_SECONDS)
    if state.failures or state.unverified or keyfile.format != FORMAT:
        attempts.fresh(keyfile, key)
        save_keyfile(path, keyfile)
    _legacy_attempts_path(db_path).unlink(missing_ok=True)
    return key


def add_worker(
    db_path: Path, data_key: bytes, *, worker_id: str, worker_name: str, password: str
) -> None:
    """Let another worker sign in to this laptop's store with their own password."""
    _check_password(password)
    path = keyfile_path(db_path)
    keyfile = load_keyfile(path)
    keyfile.workers = [w for w in keyfile.workers if w.worker_id != worker_id]
    keyfile.workers.append(wrap_for_worker(data_key, worker_id, worker_name, password))
    save_keyfile(path, keyfile)


def change_password(db_path: Path, worker_id: str, old_password: str, new_password: str) -> bytes:
    """Change a worker's password; returns the data key now in force.

    When this worker is the only one on the laptop, the database itself is re-keyed with a
    fresh data key (all pages rewritten) and the recovery seal renewed; with several
    workers only this worker's wrapping changes (the others' passwords are not known).
    """
    _check_password(new_password)
    data_key = sign_in(db_path, worker_id, old_password)
    path = keyfile_path(db_path)
    keyfile = load_keyfile(path)
    name = next(w.worker_name for w in keyfile.workers if w.worker_id == worker_id)
    if len(keyfile.workers) == 1:
        fresh = new_data_key()
        rekey_database(db_path, data_key, fresh)
        data_key = fresh
        reseal(keyfile, data_key)
    keyfile.workers = [w for w in keyfile.workers if w.worker_id != worker_id]
    keyfile.workers.append(wrap_for_worker(data_key, worker_id, name, new_password))
    attempts.fresh(keyfile, data_key)
    save_keyfile(path, keyfile)
    return data_key


def recover(
    db_path: Path, code: str, *, worker_id: str, worker_name: str, new_password: str
) -> bytes:
    """Set a new password with the recovery code the county keeps; returns the data key."""
    _check_password(new_password)
    path = keyfile_path(db_path)
    keyfile: KeyFile = load_keyfile(path)
    data_key = open_with_recovery_code(keyfile, code)
    keyfile.workers = [w for w in keyfile.workers if w.worker_id != worker_id]
    keyfile.workers.append(wrap_for_worker(data_key, worker_id, worker_name, new_password))
    attempts.fresh(keyfile, data_key)  # the county's code lifts any delay
    save_keyfile(path, keyfile)
    return data_key
