"""Signing in to an encrypted store: set-up with a password, sign-in with a growing delay
after repeated wrong passwords (never data loss), password change, recovery.

Nothing here shows or logs a password; a wrong one reveals nothing but "wrong".
"""

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from caseworker.security.encryption import encrypt_plain_database, is_plain_sqlite, rekey_database
from caseworker.security.keys import (
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

FREE_ATTEMPTS = 5
FIRST_DELAY_SECONDS = 30
LONGEST_DELAY_SECONDS = 15 * 60


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
    if db_path.exists() and is_plain_sqlite(db_path):
        encrypt_plain_database(db_path, data_key)
    save_keyfile(keyfile_path(db_path), keyfile)
    return data_key, code


# --- the delay after wrong passwords ------------------------------------------------------


def _attempts_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".signin")


def _attempts(db_path: Path) -> dict[str, float]:
    try:
        data: dict[str, float] = json.loads(_attempts_path(db_path).read_text(encoding="utf-8"))
        return data
    except (OSError, ValueError):
        return {"failures": 0, "locked_until": 0.0}


def _save_attempts(db_path: Path, failures: int, locked_until: float) -> None:
    _attempts_path(db_path).write_text(
        json.dumps({"failures": failures, "locked_until": locked_until}), encoding="utf-8"
    )


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    delay: int = FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS)
    return min(delay, LONGEST_DELAY_SECONDS)


def sign_in(
    db_path: Path, worker_id: str, password: str, *, now: Callable[[], float] = time.time
) -> bytes:
    """The store's data key for a worker's password; WrongPassword or LockedOut otherwise."""
    state = _attempts(db_path)
    wait = int(state.get("locked_until", 0) - now())
    if wait > 0:
        raise LockedOut(wait)
    keyfile = load_keyfile(keyfile_path(db_path))
    wrapped = wrapped_for(keyfile, worker_id)
    try:
        if wrapped is None:
            raise WrongPassword
        key = unwrap_for_worker(wrapped, password)
    except WrongPassword:
        failures = int(state.get("failures", 0)) + 1
        _save_attempts(db_path, failures, now() + delay_after(failures))
        raise
    _save_attempts(db_path, 0, 0.0)
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
    save_keyfile(path, keyfile)
    _save_attempts(db_path, 0, 0.0)
    return data_key
