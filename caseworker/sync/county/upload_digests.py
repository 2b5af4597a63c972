"""The SHA-256 of each upload under way, taken as its chunks arrive.

When the last chunk of an upload arrives the county must know the SHA-256 of the whole
content before it keeps it. Reading every chunk back from the database to hash it then
makes the device wait for a second pass over the content; instead each chunk is hashed
once it is stored, in order, and the last one only finishes the digest.

What is hashed is exactly what the database holds: a chunk is added only after the
transaction that stored it has committed, and only when that transaction stored it (a
chunk sent twice is stored once, the first time). A chunk that arrives before the one it
follows waits here, up to ``MAX_WAITING_BYTES`` over all uploads; past that, or after a
restart of the server, the upload's digest is dropped, and the chunks not hashed yet are
read back from the database when the upload is whole (the same result, a little slower).
An upload dropped at the county drops its digest with it.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

MAX_UPLOADS = 64  # the digests kept at once (the least recently used one goes)
MAX_WAITING_BYTES = 32 * 1024 * 1024  # chunks held until the one before them arrives

Key = tuple[str, str]  # (device id, SHA-256 of the content)


@dataclass
class _Digest:
    hasher: Any  # hashlib's SHA-256 object of chunks 0 .. next_index - 1
    next_index: int = 0
    waiting: dict[int, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class Prefix:
    """The digest of an upload's first ``chunks`` chunks (a copy, to be updated with the
    rest)."""

    hasher: Any
    chunks: int


class UploadDigests:
    """The running digests of the uploads under way in this server process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._digests: OrderedDict[Key, _Digest] = OrderedDict()
        self._waiting_bytes = 0

    def begin(self, key: Key) -> None:
        """An upload begun: its digest starts empty (replacing any earlier one)."""
        with self._lock:
            self._drop(key)
            self._digests[key] = _Digest(hashlib.sha256())
            while len(self._digests) > MAX_UPLOADS:
                self._drop(next(iter(self._digests)))

    def add(self, key: Key, index: int, data: bytes) -> None:
        """Chunk ``index`` of the upload, as its committed transaction stored it."""
        with self._lock:
            digest = self._digests.get(key)
            if digest is None or index < digest.next_index or index in digest.waiting:
                return
            self._digests.move_to_end(key)
            if index > digest.next_index:
                if self._waiting_bytes + len(data) > MAX_WAITING_BYTES:
                    self._drop(key)
                else:
                    digest.waiting[index] = data
                    self._waiting_bytes += len(data)
                return
            digest.hasher.update(data)
            digest.next_index += 1
            while digest.next_index in digest.waiting:
                later = digest.waiting.pop(digest.next_index)
                self._waiting_bytes -= len(later)
                digest.hasher.update(later)
                digest.next_index += 1

    def take(self, key: Key) -> Prefix:
        """The upload's digest so far, which is forgotten here (the upload is whole);
        an empty one when none is kept."""
        with self._lock:
            digest = self._digests.get(key)
            self._drop(key)
        if digest is None:
            return Prefix(hashlib.sha256(), 0)
        return Prefix(digest.hasher, digest.next_index)

    def forget(self, key: Key) -> None:
        """The upload was dropped at the county."""
        with self._lock:
            self._drop(key)

    def _drop(self, key: Key) -> None:
        digest = self._digests.pop(key, None)
        if digest is not None:
            self._waiting_bytes -= sum(len(d) for d in digest.waiting.values())
