"""The county's running digest of an upload: chunks hashed once, in order, whichever
order they come in; a chunk sent twice counts once; a digest it cannot keep is dropped
(the county then reads the chunks back), never wrong."""

import hashlib
import os

from caseworker.sync.county.upload_digests import MAX_UPLOADS, MAX_WAITING_BYTES, UploadDigests

KEY = ("device", "a" * 64)


def finished(digests: UploadDigests, chunks: list[bytes]) -> str:
    """The upload's SHA-256 as the county makes it: its digest so far, then the chunks
    it did not hash yet, read back."""
    prefix = digests.take(KEY)
    for data in chunks[prefix.chunks :]:
        prefix.hasher.update(data)
    return str(prefix.hasher.hexdigest())


def test_chunks_in_any_order_give_the_contents_hash() -> None:
    chunks = [os.urandom(1000) for _ in range(6)]
    digests = UploadDigests()
    digests.begin(KEY)
    for index in (1, 0, 3, 2, 5):  # the last (4) makes it whole
        digests.add(KEY, index, chunks[index])
    assert digests.take(KEY).chunks == 4
    digests.begin(KEY)
    for index in (1, 0, 3, 2, 5):
        digests.add(KEY, index, chunks[index])
    digests.add(KEY, 0, b"sent again, other bytes")  # ignored: chunk 0 is stored already
    assert finished(digests, chunks) == hashlib.sha256(b"".join(chunks)).hexdigest()


def test_a_digest_not_kept_starts_from_nothing() -> None:
    digests = UploadDigests()
    chunks = [b"x" * 10, b"y" * 10]
    digests.add(KEY, 0, chunks[0])  # no upload begun in this process (a restart)
    assert digests.take(KEY).chunks == 0
    digests.begin(KEY)
    digests.add(KEY, 0, chunks[0])
    digests.forget(KEY)  # the upload was dropped
    assert digests.take(KEY).chunks == 0


def test_chunks_waiting_for_an_earlier_one_are_bounded() -> None:
    digests = UploadDigests()
    digests.begin(KEY)
    digests.add(KEY, 0, b"a")
    big = b"z" * (MAX_WAITING_BYTES // 2 + 1)
    digests.add(KEY, 2, big)
    digests.add(KEY, 3, big)  # over the bound: the digest is dropped
    digests.add(KEY, 1, b"b")
    assert digests.take(KEY).chunks == 0


def test_only_the_most_recent_uploads_are_kept() -> None:
    digests = UploadDigests()
    for n in range(MAX_UPLOADS + 1):
        digests.begin(("device", f"{n:064x}"))
        digests.add(("device", f"{n:064x}"), 0, b"c")
    assert digests.take(("device", f"{0:064x}")).chunks == 0
    assert digests.take(("device", f"{MAX_UPLOADS:064x}")).chunks == 1
