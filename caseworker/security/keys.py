"""The keys that lock a laptop's database.

The database is encrypted (SQLCipher) with a random 256-bit data key. That key is never
stored in the clear: the key file beside the database holds it wrapped (AES-GCM)

- once per worker, under a key derived from that worker's password (Argon2id), and
- once for recovery, sealed to a recovery public key (X25519). Its private half is printed
  as a recovery code when the laptop is set up (or belongs to the county), so the county
  can let a worker in again after a forgotten password. The laptop never holds it.

A wrong password fails to unwrap (AES-GCM authenticates), so it reveals nothing.
"""

import base64
import contextlib
import json
import os
import secrets
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEYFILE_SUFFIX = ".keys"
FORMAT = "caseworker.keys/2"
# Key files of earlier versions: no sign-in state yet (it is added at the next sign-in).
EARLIER_FORMATS = ("caseworker.keys/1",)
KEY_BYTES = 32
MIN_PASSWORD_LENGTH = 8


class WrongPassword(Exception):
    """The password (or recovery code) does not open the key file."""


class KeyFileError(Exception):
    """The key file is missing, damaged or of an unknown format."""


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id cost: about a quarter of a second and 64 MB on a modest laptop."""

    time_cost: int = 3
    memory_cost: int = 65536  # KiB
    parallelism: int = 2


@dataclass
class WrappedKey:
    """The data key wrapped under one worker's password."""

    worker_id: str
    worker_name: str  # shown on the sign-in screen before anything is decrypted
    salt: str  # base64
    nonce: str
    ciphertext: str
    params: dict[str, int] = field(default_factory=lambda: asdict(Argon2Params()))


@dataclass
class KeyFile:
    key_id: str
    workers: list[WrappedKey]
    recovery_public: str  # base64 X25519 public key
    recovery_ephemeral: str  # base64 X25519 public key of the sealing
    recovery_nonce: str
    recovery_ciphertext: str
    format: str = FORMAT
    # The wrong passwords since the last sign-in (see ``caseworker.security.attempts``);
    # None only in a key file of an earlier format, or when someone removed it.
    signin: dict[str, Any] | None = None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def keyfile_path(db_path: Path) -> Path:
    """Where the key file of a database lives: beside it."""
    return db_path.with_name(db_path.name + KEYFILE_SUFFIX)


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def _password_key(password: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params["time_cost"],
        memory_cost=params["memory_cost"],
        parallelism=params["parallelism"],
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def wrap_for_worker(
    data_key: bytes,
    worker_id: str,
    worker_name: str,
    password: str,
    params: Argon2Params | None = None,
) -> WrappedKey:
    """The data key wrapped under a worker's password."""
    chosen = asdict(params or Argon2Params())
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_password_key(password, salt, chosen)).encrypt(
        nonce, data_key, worker_id.encode()
    )
    return WrappedKey(worker_id, worker_name, _b64(salt), _b64(nonce), _b64(sealed), chosen)


def unwrap_for_worker(wrapped: WrappedKey, password: str) -> bytes:
    """The data key, or WrongPassword."""
    key = _password_key(password, _unb64(wrapped.salt), wrapped.params)
    try:
        return AESGCM(key).decrypt(
            _unb64(wrapped.nonce), _unb64(wrapped.ciphertext), wrapped.worker_id.encode()
        )
    except InvalidTag as exc:
        raise WrongPassword from exc


def _seal_key(shared: bytes) -> bytes:
    return HKDF(SHA256(), KEY_BYTES, salt=None, info=b"caseworker recovery").derive(shared)


def seal_for_recovery(data_key: bytes, public: X25519PublicKey) -> tuple[str, str, str]:
    """(ephemeral public key, nonce, ciphertext): the data key sealed to the recovery key."""
    ephemeral = X25519PrivateKey.generate()
    key = _seal_key(ephemeral.exchange(public))
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(nonce, data_key, b"recovery")
    return _b64(ephemeral.public_key().public_bytes_raw()), _b64(nonce), _b64(sealed)


# Crockford's base32: digits and capitals without I, L, O and U, so a code copied by hand
# cannot mix up 1/I/L or 0/O; when typed back, O reads as 0 and I or L as 1.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_VALUES = {ch: i for i, ch in enumerate(CODE_ALPHABET)} | {"O": 0, "I": 1, "L": 1}
_RFC4648 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # codes printed by earlier versions


def recovery_code(private: X25519PrivateKey) -> str:
    """A recovery private key as a code to print: 52 characters of Crockford's base32 in
    groups of four."""
    raw = private.private_bytes_raw()
    number = int.from_bytes(raw, "big")
    digits = [CODE_ALPHABET[(number >> (5 * i)) & 31] for i in range(52)][::-1]
    text = "".join(digits)
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _from_digits(compact: str, values: dict[str, int]) -> bytes | None:
    number = 0
    for ch in compact:
        value = values.get(ch)
        if value is None:
            return None
        number = (number << 5) | value
    if number >> 256:
        return None
    return number.to_bytes(32, "big")


def recovery_key_candidates(code: str) -> list[X25519PrivateKey]:
    """The keys a typed code may stand for: read as printed now (look-alike letters taken
    as the digits they resemble), or as printed by earlier versions (RFC 4648 base32). The
    key file's authenticated seal tells which one is right."""
    compact = "".join(ch for ch in code.upper() if ch.isalnum())
    found: list[bytes] = []
    if len(compact) == 52:
        raw = _from_digits(compact, _CODE_VALUES)
        if raw is not None:
            found.append(raw)
    if all(ch in _RFC4648 for ch in compact):
        with contextlib.suppress(ValueError, TypeError):  # not a whole number of bytes
            found.append(base64.b32decode(compact + "=" * (-len(compact) % 8)))
    return [X25519PrivateKey.from_private_bytes(raw) for raw in found if len(raw) == 32]


def open_with_recovery(keyfile: KeyFile, private: X25519PrivateKey) -> bytes:
    """The data key, using a recovery private key (from the printed code or the county)."""
    ephemeral = X25519PublicKey.from_public_bytes(_unb64(keyfile.recovery_ephemeral))
    key = _seal_key(private.exchange(ephemeral))
    try:
        return AESGCM(key).decrypt(
            _unb64(keyfile.recovery_nonce), _unb64(keyfile.recovery_ciphertext), b"recovery"
        )
    except InvalidTag as exc:
        raise WrongPassword from exc


def open_with_recovery_code(keyfile: KeyFile, code: str) -> bytes:
    """The data key, from a recovery code as typed (either alphabet, any look-alikes)."""
    for private in recovery_key_candidates(code):
        try:
            return open_with_recovery(keyfile, private)
        except WrongPassword:
            continue
    raise WrongPassword


def new_keyfile(
    data_key: bytes,
    wrapped: list[WrappedKey],
    recovery_public: X25519PublicKey,
) -> KeyFile:
    ephemeral, nonce, sealed = seal_for_recovery(data_key, recovery_public)
    return KeyFile(
        key_id=secrets.token_hex(8),
        workers=wrapped,
        recovery_public=_b64(recovery_public.public_bytes_raw()),
        recovery_ephemeral=ephemeral,
        recovery_nonce=nonce,
        recovery_ciphertext=sealed,
    )


def reseal(keyfile: KeyFile, data_key: bytes) -> None:
    """Seal a new data key to the same recovery public key (after a re-key)."""
    public = X25519PublicKey.from_public_bytes(_unb64(keyfile.recovery_public))
    keyfile.recovery_ephemeral, keyfile.recovery_nonce, keyfile.recovery_ciphertext = (
        seal_for_recovery(data_key, public)
    )


def save_keyfile(path: Path, keyfile: KeyFile) -> None:
    """Write the key file atomically (a half-written key file would lock everyone out)."""
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(asdict(keyfile), indent=1), encoding="utf-8")
    with tmp.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def load_keyfile(path: Path) -> KeyFile:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") not in (FORMAT, *EARLIER_FORMATS):
            raise KeyFileError(f"unknown key file format in {path}")
        data["workers"] = [WrappedKey(**w) for w in data["workers"]]
        return KeyFile(**data)
    except (OSError, ValueError, TypeError, KeyError) as exc:
        raise KeyFileError(f"cannot read key file {path}: {exc}") from exc


def wrapped_for(keyfile: KeyFile, worker_id: str) -> WrappedKey | None:
    return next((w for w in keyfile.workers if w.worker_id == worker_id), None)
