"""Sync receipts: the county's count and hash of what it accepted from one push.

The hash covers, in sequence order, ``seq:payload_sha256`` of every change the county
accepted (with or without conflicts). The laptop computes the same over the payloads it
sent; it calls the push "synced" only when both agree.
"""

import hashlib
from collections.abc import Iterable

from caseworker.sync.schemas import Receipt, RecordResult

ACCEPTED = frozenset({"accepted", "conflict"})


def receipt_hash(pairs: Iterable[tuple[int, str]]) -> Receipt:
    """The receipt over (seq, payload sha256) pairs."""
    ordered = sorted(pairs)
    text = "\n".join(f"{seq}:{sha}" for seq, sha in ordered)
    return Receipt(count=len(ordered), sha256=hashlib.sha256(text.encode("ascii")).hexdigest())


def receipt_for(results: Iterable[RecordResult]) -> Receipt:
    """The county's receipt for the answers it gives to one push."""
    return receipt_hash((r.seq, r.payload_sha256) for r in results if r.status in ACCEPTED)
