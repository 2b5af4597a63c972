"""The fields of a village's publicity list (公示名单).

Only what the rules allow to be made public is here: for each household the name of the
head, the household size, the program and the amount; and the publicity dates. A village
source holds nothing else, so no form file can print an ID number, an address, an income
or an illness on a notice board.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

from caseworker.printing.context import Item, PublicityEntry, VillageSource
from caseworker.printing.text import cn_date, policy_words, yuan

if TYPE_CHECKING:
    from caseworker.printing.context import Values

SCALARS: dict[str, Callable[[Values], str]] = {}
LISTS: dict[str, tuple[frozenset[str], Callable[[Values], list[Item]]]] = {}


def _vs(v: Values) -> VillageSource:
    assert isinstance(v.source, VillageSource)
    return v.source


def _last_day(v: Values) -> str:
    source = _vs(v)
    return cn_date(source.publicity_from + timedelta(days=source.publicity_days - 1))


def _policy(v: Values) -> str:
    return policy_words(p.version for p in _vs(v).policies)


SCALARS["printed_on"] = lambda v: cn_date(_vs(v).printed_on)
SCALARS["village_code"] = lambda v: _vs(v).village_code
SCALARS["county"] = lambda v: _vs(v).regions.get(_vs(v).village_code[:6], "")
SCALARS["township"] = lambda v: _vs(v).regions.get(_vs(v).village_code[:9], "")
SCALARS["village"] = lambda v: _vs(v).regions.get(_vs(v).village_code, "")
SCALARS["region"] = lambda v: v.scalar("county") + v.scalar("township") + v.scalar("village")
SCALARS["publicity.from"] = lambda v: cn_date(_vs(v).publicity_from)
SCALARS["publicity.to"] = _last_day
SCALARS["publicity.days"] = lambda v: str(_vs(v).publicity_days)
SCALARS["policy"] = _policy
SCALARS["proposed_count"] = lambda v: str(len(_vs(v).proposed))
SCALARS["current_count"] = lambda v: str(len(_vs(v).current))


def _amount(e: PublicityEntry) -> str:
    if e.amount_fen is None:
        return ""
    return yuan(e.amount_fen) + ("" if e.monthly else "（一次性）")


def _rows(entries: Sequence[PublicityEntry]) -> list[Item]:
    return [
        {
            "n": str(n),
            "name": e.name,
            "size": str(e.size),
            "program": e.program.zh,
            "amount": _amount(e),
        }
        for n, e in enumerate(entries, start=1)
    ]


_PUBLIC = frozenset({"n", "name", "size", "program", "amount"})
LISTS["proposed"] = (_PUBLIC, lambda v: _rows(_vs(v).proposed))
LISTS["current"] = (_PUBLIC, lambda v: _rows(_vs(v).current))
