"""Large JSON texts the sync keeps, stored compressed.

A change's frozen payload (``outbox.payload``) and a household's last-agreed copy
(``sync_base.data``) are each a few kilobytes of JSON per household, a second and third
copy of what the store already holds; deflated they take about a quarter of the room.

A packed value is one format byte and a zlib stream. Format 1 deflates with a preset
dictionary of the wire form's keys (below), which a household's few kilobytes are too
short to teach the compressor by themselves. The dictionary of a format never changes
(stored values depend on it): a better one is a new format byte, and ``unpack`` keeps
reading every earlier one.
"""

import zlib
from typing import Any

from sqlalchemy import Dialect, LargeBinary
from sqlalchemy.types import TypeDecorator

from caseworker.interchange.jsontext import json_text, read_json

_FORMAT_1 = 1
_DICTIONARY_1 = (
    b'{"base":null,"id":"","new":{"amount_fen":,"application_id":,"date":,'
    b'"household_id":,"member_id":,"note":,"position":,"stage":,"worker":},'
    b'"op":"insert","table":"application_stage"},{"base":null,"id":"",'
    b'"new":{"household_id":,"member_id":,"position":,"program":,"stage":},'
    b'"op":"insert","table":"application"},{"base":null,"id":"",'
    b'"new":{"conclusion":,"date":,"household_id":,"notes":,"observations":,'
    b'"purpose":,"signed_at":,"workers":},"op":"insert","table":"visit"},'
    b'{"base":null,"id":"","new":{"category":,"exit_until":,"household_id":,'
    b'"monthly_fen":,"position":,"program":,"since":},"op":"insert",'
    b'"table":"benefit"},{"base":null,"id":"","new":{"able":,"household_id":,'
    b'"name":,"position":,"reason":,"relation":},"op":"insert",'
    b'"table":"legal_supporter"},{"base":null,"id":"","new":{"amount_fen":,"date":,'
    b'"household_id":,"kind":,"position":},"op":"insert","table":"expense"},'
    b'{"base":null,"id":"","new":{"count":,"household_id":,"kind":,"position":,'
    b'"value_fen":},"op":"insert","table":"asset"},{"base":null,"id":"",'
    b'"new":{"household_id":,"kind":,"member_id":,"monthly_fen":,"position":},'
    b'"op":"insert","table":"income"},{"base":null,"id":"","new":{"birth_date":,'
    b'"de_facto_unsupported_child":,"disability_grade":,"disability_type":,'
    b'"employment":,"household_id":,"id_number":,"in_school":,"incomes_recorded":,'
    b'"labor_capacity":,"name":,"orphan":,"position":,"relation":,'
    b'"returned_to_work":,"self_care_impossible":,"serious_illness":,"sex":},'
    b'"op":"insert","table":"member"},{"base":null,"id":"","new":{"address":,'
    b'"assets_recorded":,"cadre_relative":,"emergency_date":,'
    b'"emergency_description":,"emergency_kind":,"expenses_recorded":,"hukou":,'
    b'"local_resident":,"poor_exited_on":,"poor_status":,"supporters_recorded":,'
    b'"village_code":},"op":"insert","table":"household"},{"household_id":"",'
    b'"rows":[{"base":{,"op":"update","op":"delete",false,true,null,"none"'
)
_DICTIONARIES = {_FORMAT_1: _DICTIONARY_1}


class PackError(ValueError):
    """A stored value that is not a packed text this code can read."""


def pack(text: str) -> bytes:
    """``text`` compressed, in the newest format."""
    compressor = zlib.compressobj(6, zdict=_DICTIONARY_1)
    return bytes((_FORMAT_1,)) + compressor.compress(text.encode("utf-8")) + compressor.flush()


def unpack(blob: bytes) -> str:
    """The text ``pack`` was given."""
    dictionary = _DICTIONARIES.get(blob[0]) if blob else None
    if dictionary is None:
        raise PackError(f"not a packed text (format {blob[:1]!r})")
    decompressor = zlib.decompressobj(zdict=dictionary)
    try:
        data = decompressor.decompress(blob[1:]) + decompressor.flush()
    except zlib.error as exc:
        raise PackError(f"a packed text that does not inflate: {exc}") from exc
    if not decompressor.eof:
        raise PackError("a packed text cut short")
    return data.decode("utf-8")


class PackedText(TypeDecorator[str]):
    """A text column stored packed (a BLOB): SQLAlchemy packs on write, unpacks on read."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> bytes | None:
        return None if value is None else pack(value)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> str | None:
        return None if value is None else unpack(value)


class PackedJSON(TypeDecorator[Any]):
    """A JSON column stored packed: written as compact JSON text, read back as the value."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> bytes | None:
        return None if value is None else pack(json_text(value))

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> Any:
        return None if value is None else read_json(unpack(value))
