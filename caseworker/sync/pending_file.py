"""Pending-changes files: what ``caseworker sync --export-pending`` writes for a laptop that
cannot reach the county, and ``caseworker county import-pending`` reads.

A file is, byte for byte::

    <header: one line of ASCII JSON>\\n
    <the pending document, encrypted to the county's key>
    <64 bytes: the laptop's Ed25519 signature over everything before it>

The header holds nothing personal: the format, the laptop's credential id (which names the
signer to the county), the county key it was encrypted to, the sealing's ephemeral key and
nonce, when it was made and how long the encrypted part is. The document (every unanswered
change) is encrypted with AES-GCM under a key from an ephemeral X25519 exchange with the
county's public key (HKDF-SHA256), the header line as associated data. The signature covers
the header and the ciphertext, so the county refuses a file that any changed byte, another
laptop's key or a revoked credential made.

The laptop's signing key is made at enrollment (its public half goes to the county with the
enrollment request) and kept in the store's settings, beside the credential; the county's
public key comes with the enrollment answer and every sync.
"""

import base64
import binascii
import hashlib
import json
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from caseworker.domain.errors import BilingualError
from caseworker.store.db import Store
from caseworker.sync import outbox
from caseworker.sync.transport import COUNTY_KEY, CREDENTIAL, SCOPE, SIGNING_KEY

FORMAT = "caseworker.sync-pending/2"
DOCUMENT_FORMAT = "caseworker.sync-pending/1"  # the document inside; once a clear file
SIGNATURE_BYTES = 64
MAX_HEADER = 2048
_CREDENTIAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_HEADER_KEYS = (
    "format",
    "credential_id",
    "county_key",
    "ephemeral_key",
    "nonce",
    "created_at",
    "payload_bytes",
)


class PendingFileError(BilingualError):
    """A pending file that cannot be read or trusted: the reason in Chinese and English."""


@dataclass(frozen=True, slots=True)
class Header:
    """The clear part of a pending file."""

    format: str
    credential_id: str  # the laptop's credential at the county: names who signed
    county_key: str  # id of the county public key the document is encrypted to
    ephemeral_key: str  # base64 X25519 public key of this file's sealing
    nonce: str  # base64, 12 bytes
    created_at: str
    payload_bytes: int


@dataclass(frozen=True, slots=True)
class PendingFile:
    """A pending file split into its parts (nothing verified yet)."""

    header: Header
    header_line: bytes  # exactly as in the file, newline included
    payload: bytes
    signature: bytes

    @property
    def signed(self) -> bytes:
        """The bytes the signature covers."""
        return self.header_line + self.payload


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, length: int) -> bytes:
    """``text`` as base64 of exactly ``length`` bytes, spelt the one canonical way."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raw = b""
    if len(raw) != length or _b64(raw) != text:
        raise ValueError("not a base64 key of the right length")
    return raw


def is_key_text(text: str) -> bool:
    """Whether ``text`` is a 32-byte key in canonical base64 (as keys travel and are kept)."""
    try:
        _unb64(text, 32)
    except ValueError:
        return False
    return True


def new_signing_key() -> tuple[str, str]:
    """A laptop's new Ed25519 signing key pair: (private, public), base64."""
    private = Ed25519PrivateKey.generate()
    return _b64(private.private_bytes_raw()), _b64(private.public_key().public_bytes_raw())


def public_of(signing_key: str) -> str:
    """The public half (base64) of a signing private key (base64)."""
    private = Ed25519PrivateKey.from_private_bytes(_unb64(signing_key, 32))
    return _b64(private.public_key().public_bytes_raw())


def new_exchange_key() -> tuple[str, str]:
    """A county's new X25519 key pair for pending files: (private, public), base64."""
    private = X25519PrivateKey.generate()
    return _b64(private.private_bytes_raw()), _b64(private.public_key().public_bytes_raw())


def key_id(public: str) -> str:
    """A short name of a county public key, to tell which key a file was made for."""
    return hashlib.sha256(public.encode("ascii")).hexdigest()[:16]


def _file_key(shared: bytes, ephemeral: bytes, county: bytes) -> bytes:
    # Both public keys in the derivation bind the key to this one sealing.
    info = FORMAT.encode("ascii") + ephemeral + county
    return HKDF(SHA256(), 32, salt=None, info=info).derive(shared)


def _header_line(header: Header) -> bytes:
    fields = {key: getattr(header, key) for key in _HEADER_KEYS}
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=True).encode("ascii") + b"\n"


def seal(
    document: dict[str, Any],
    *,
    credential_id: str,
    signing_key: str,
    county_key: str,
    created_at: datetime | None = None,
) -> bytes:
    """The bytes of a pending file holding ``document``: encrypted to ``county_key`` (base64
    X25519 public key) and signed with ``signing_key`` (base64 Ed25519 private key)."""
    county = _unb64(county_key, 32)
    signer = Ed25519PrivateKey.from_private_bytes(_unb64(signing_key, 32))
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    key = _file_key(
        ephemeral.exchange(X25519PublicKey.from_public_bytes(county)), ephemeral_public, county
    )
    plain = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    nonce = secrets.token_bytes(12)
    header = Header(
        format=FORMAT,
        credential_id=credential_id,
        county_key=key_id(county_key),
        ephemeral_key=_b64(ephemeral_public),
        nonce=_b64(nonce),
        created_at=(created_at or datetime.now(UTC)).isoformat(timespec="seconds"),
        payload_bytes=len(plain) + 16,  # AES-GCM adds its 16-byte tag
    )
    line = _header_line(header)
    payload = AESGCM(key).encrypt(nonce, plain, line)
    return line + payload + signer.sign(line + payload)


def _damaged(zh: str, en: str) -> PendingFileError:
    return PendingFileError(
        f"文件已损坏或不是待同步变更文件（{zh}），未导入任何内容",
        f"the file is damaged or not a pending-changes file ({en}); nothing imported",
    )


def _is_old_clear_file(data: bytes) -> bool:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(document, dict) and document.get("format") == DOCUMENT_FORMAT


def read(data: bytes) -> PendingFile:
    """Split a pending file into header, encrypted document and signature; PendingFileError
    for an old clear file, a damaged one or something else."""
    if _is_old_clear_file(data):
        raise PendingFileError(
            "这是旧版程序导出的未加密文件，不能导入（其中的个人信息未加密、未签名）："
            "请在笔记本电脑上更新程序，到县民政局同步一次后重新导出",
            "this is an unencrypted file of the old format, which is not imported (its "
            "personal data is neither encrypted nor signed): update the laptop, sync it once "
            "at the county office, then export again",
        )
    end = data.find(b"\n", 0, MAX_HEADER)
    if end < 0:
        raise _damaged("没有文件头", "no header")
    line = data[: end + 1]
    try:
        fields = json.loads(line.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise _damaged("文件头无法读取", "unreadable header") from None
    if not isinstance(fields, dict) or fields.get("format") != FORMAT:
        raise _damaged("格式不符", "unknown format")
    if set(fields) != set(_HEADER_KEYS) or _header_line(Header(**fields)) != line:
        raise _damaged("文件头内容不符", "header fields")
    header = Header(**fields)
    if not all(isinstance(getattr(header, k), str) for k in _HEADER_KEYS[:-1]) or not (
        isinstance(header.payload_bytes, int) and header.payload_bytes > 16
    ):
        raise _damaged("文件头内容不符", "header fields")
    if not _CREDENTIAL_ID.fullmatch(header.credential_id):
        raise _damaged("设备凭证编号无效", "credential id")
    if len(data) != len(line) + header.payload_bytes + SIGNATURE_BYTES:
        raise _damaged("文件长度不符", "length")
    payload = data[len(line) : len(line) + header.payload_bytes]
    return PendingFile(header, line, payload, data[-SIGNATURE_BYTES:])


def verify(file: PendingFile, signer_key: str) -> None:
    """Check the signature with the laptop's public key (base64) registered at the county;
    PendingFileError if it does not hold."""
    try:
        public = Ed25519PublicKey.from_public_bytes(_unb64(signer_key, 32))
        public.verify(file.signature, file.signed)
    except (InvalidSignature, ValueError):
        raise PendingFileError(
            "文件签名不符：文件在导出后被改动过，或不是由该设备导出的，已拒绝导入",
            "the signature does not hold: the file was changed after it was exported, or "
            "was not exported by this device; nothing imported",
        ) from None


def open_document(file: PendingFile, county_private: str) -> Any:
    """The document inside a (verified) file, decrypted with the county's private key."""
    private = X25519PrivateKey.from_private_bytes(_unb64(county_private, 32))
    county = private.public_key().public_bytes_raw()
    if file.header.county_key != key_id(_b64(county)):
        raise PendingFileError(
            "此文件是为另一个县服务器的密钥加密的，本县无法打开：请在笔记本电脑上同步一次后重新导出",
            "the file was encrypted to another county key: sync the laptop once, then export again",
        )
    try:
        ephemeral = _unb64(file.header.ephemeral_key, 32)
        nonce = _unb64(file.header.nonce, 12)
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        key = _file_key(shared, ephemeral, county)
        plain = AESGCM(key).decrypt(nonce, file.payload, file.header_line)
        return json.loads(plain.decode("utf-8"))
    except (InvalidTag, ValueError, UnicodeDecodeError):
        raise _damaged("无法解密", "cannot decrypt") from None


def export_pending(store: Store) -> tuple[bytes, int]:
    """Freeze every pending change and return (the file's bytes, how many changes it
    carries), sealed for the county this laptop is enrolled at. PendingFileError, with
    nothing changed, for a laptop that has no county key yet (never synced since files are
    encrypted): nothing personal is ever written in the clear."""
    credential = store.setting(CREDENTIAL)
    signing_key, county_key = store.setting(SIGNING_KEY), store.setting(COUNTY_KEY)
    if not credential:
        raise PendingFileError(
            "本机尚未在县服务器注册（请先运行 caseworker sync enroll）",
            "this laptop is not enrolled with a county server (run caseworker sync enroll)",
        )
    if not signing_key or not county_key:
        raise PendingFileError(
            "本机还没有县服务器的加密密钥，不能导出（待同步的修改含个人信息，不能不加密写出）："
            "请先在能连上县服务器的地方（如县民政局）同步一次，之后即可导出",
            "this laptop has no encryption key of the county yet, so nothing is exported (the "
            "changes hold personal data, never written unencrypted): sync once where the "
            "county server can be reached (at the county office), then export",
        )
    scope = store.setting(SCOPE) or ""
    with store.begin() as conn:
        while outbox.freeze_pending(conn, scope=scope, limit=1000):
            pass
        document = outbox.pending_document(conn, store.device_id)
    data = seal(
        document,
        credential_id=credential.partition(".")[0],
        signing_key=signing_key,
        county_key=county_key,
    )
    return data, len(document["changes"])
