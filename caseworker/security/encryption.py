"""Turning a plain database into an encrypted one, and changing its key.

Both work on a copy first and replace the original only once the copy is verified, so a
power cut in the middle leaves the original untouched.
"""

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from caseworker.store.db import backup_file, connect_raw, sqlcipher_key


class EncryptionError(RuntimeError):
    """The database could not be encrypted or re-keyed (nothing was changed)."""


def _tables_and_counts(conn: Any) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] for name in names}


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def is_plain_sqlite(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (its header says so in the clear)."""
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def encrypt_plain_database(path: Path, key: bytes) -> Path:
    """Encrypt a plain database in place; return the backup made first.

    The plain backup is removed once the encrypted copy is verified, so no readable copy
    stays on the laptop; until then it guarantees nothing can be lost.
    """
    if not is_plain_sqlite(path):
        raise EncryptionError(f"not a plain SQLite database: {path}")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.before-encryption-{stamp}.bak")
    backup_file(path, backup)
    encrypted = path.with_name(path.name + ".encrypting")
    _remove_with_sidecars(encrypted)
    plain = sqlite3.connect(path)
    try:
        expected = _tables_and_counts(plain)
    finally:
        plain.close()
    import sqlcipher3

    source = sqlcipher3.connect(str(path))  # SQLCipher's sqlcipher_export, on the plain file
    try:
        source.execute(
            f'ATTACH DATABASE ? AS encrypted KEY "{sqlcipher_key(key)}"', (str(encrypted),)
        )
        source.execute("SELECT sqlcipher_export('encrypted')")
        version = source.execute("PRAGMA user_version").fetchone()[0]
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        source.execute("DETACH DATABASE encrypted")
    finally:
        source.close()
    check = connect_raw(encrypted, key)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = _tables_and_counts(check)
        check.execute("PRAGMA journal_mode=WAL")
    finally:
        check.close()
    if not ok or counts != expected:
        _remove_with_sidecars(encrypted)
        raise EncryptionError("the encrypted copy did not match; the original is unchanged")
    _remove_with_sidecars(Path(str(path) + "-wal"))
    os.replace(encrypted, path)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    _remove_with_sidecars(backup)
    return backup


def rekey_database(path: Path, old_key: bytes, new_key: bytes) -> None:
    """Change the key an encrypted database is encrypted with (all pages are rewritten)."""
    conn = connect_raw(path, old_key)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # rekey does not work in WAL mode
        conn.execute(f'PRAGMA rekey = "{sqlcipher_key(new_key)}"')
        conn.execute("PRAGMA journal_mode=WAL")
    finally:
        conn.close()
    check = connect_raw(path, new_key)
    try:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise EncryptionError("the database did not read back after re-keying")
    finally:
        check.close()
