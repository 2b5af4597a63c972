"""Which version of a document a signature belongs to, and how a signature is printed.

The version of a document is a SHA-256 of what it says: the form, its wording version,
the document it is about, and every field value it prints except the print date and the
signatures themselves. The desktop app computes it when a person signs and stores it with
the signature; a signature whose version differs from the document's current version
signed an older text and is not printed as if it signed this one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from caseworker.printing.definitions import (
    Block,
    FormDef,
    LineBlock,
    ListBlock,
    ParagraphBlock,
    RowBlock,
    TableBlock,
    TitleBlock,
)
from caseworker.printing.template import Template
from caseworker.printing.text import cn_time
from caseworker.store.signatures import SignerRole

if TYPE_CHECKING:  # the values call back here for their signatures
    from caseworker.printing.context import Values

# Fields that change with every printing or are the signatures themselves.
VOLATILE = frozenset({"printed_on", "signed_at", "signature"})


@dataclass(frozen=True, slots=True)
class SignatureMark:
    """What goes on a signature line: the image and when it was signed, or a note."""

    image_png: bytes | None
    caption: str
    time_text: str = ""


def _templates(block: Block) -> list[Template]:
    if isinstance(block, TitleBlock):
        return [block.text] + ([block.subtitle] if block.subtitle else [])
    if isinstance(block, LineBlock):
        return [t for t in (block.left, block.center, block.right) if t is not None]
    if isinstance(block, RowBlock):
        return [c.text for c in block.cells] + [c.footer for c in block.cells if c.footer]
    if isinstance(block, ParagraphBlock):
        return [block.text]
    return []


def referenced(form: FormDef) -> tuple[list[str], dict[str, list[str]]]:
    """The scalar fields a form prints and, per list, the item fields it prints."""
    scalars: set[str] = set()
    lists: dict[str, set[str]] = {}
    for block in form.blocks:
        if block.when:
            scalars.add(block.when)
        for template in _templates(block):
            scalars |= template.fields
        if isinstance(block, TableBlock):
            fields = lists.setdefault(block.source, set())
            for column in block.columns:
                fields |= column.text.fields
        elif isinstance(block, ListBlock):
            lists.setdefault(block.source, set()).update(block.item.fields - {"n"})
    return (
        sorted(scalars - VOLATILE),
        {name: sorted(fields - VOLATILE) for name, fields in sorted(lists.items())},
    )


def document_id(values: Values) -> str:
    """The record a document is about: the visit for a visit form, else the household."""
    visit = values.hs.visit if values.form.kind == "visit" else None
    return visit.id if visit is not None else values.household.id


def document_version(values: Values) -> str:
    """The SHA-256 of what the document says (see the module docstring)."""
    scalars, lists = referenced(values.form)
    content = {
        "form": values.form.name,
        "version": values.form.version,
        "document": document_id(values),
        "fields": {name: values.scalar(name) for name in scalars},
        "lists": {
            name: [[item.get(f, "") for f in fields] for item in values.items(name)]
            for name, fields in lists.items()
        },
    }
    text = json.dumps(content, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def signature_mark(values: Values, signer: str) -> SignatureMark | None:
    """The mark for ``signer`` (a member id, or ``investigator:NAME``) on this document."""
    if not signer:
        return None
    form = values.form
    doc_id = document_id(values)
    investigator = (
        signer.removeprefix("investigator:") if signer.startswith("investigator:") else None
    )
    candidates = [
        s
        for s in values.hs.signatures
        if s.document_kind == form.document_kind
        and s.document_id == doc_id
        and (
            (s.signer_role is SignerRole.INVESTIGATOR and s.signer_name == investigator)
            if investigator is not None
            else (s.signer_role is not SignerRole.INVESTIGATOR and s.member_id == signer)
        )
    ]
    if not candidates:
        return None
    version = document_version(values)
    current = [s for s in candidates if s.document_sha256 == version]
    if not current:
        return SignatureMark(None, "已签署的是此前版本，内容有变更，须重新签字")
    newest = max(current, key=lambda s: s.signed_at)
    time_text = cn_time(newest.signed_at)
    who = (
        f"{newest.signer_role.zh}{newest.signer_name}"
        if newest.signer_role is SignerRole.GUARDIAN
        else ""
    )
    signer_name = newest.signer_name if not who else ""
    caption = f"{who}{signer_name} 电子签名 {time_text}".strip()
    return SignatureMark(newest.image_png, caption, time_text)


__all__ = ["SignatureMark", "document_version", "signature_mark"]
