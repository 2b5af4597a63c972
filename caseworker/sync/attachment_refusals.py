"""What the county refused of a laptop's evidence, said as the specialist knows it: whose
household, which document, whose and when, and why; never the record's id or the
file's SHA-256, which the county's own message names it by."""

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from caseworker.domain.evidence import Attachment
from caseworker.store.attachment_outbox import waiting_among
from caseworker.store.db import Store
from caseworker.store.households import load_households
from caseworker.sync.report import RefusedEvidence, SyncReport

# Fields whose value is an id or a fingerprint: the county's message names them, the
# specialist would not know them.
_CODED_FIELDS = frozenset(
    {"id", "household_id", "member_id", "visit_id", "application_id", "sha256"}
)
# How the county's messages begin, naming the record by its id:
# "证明材料（1a2b3c4d）：" and "attachment (1a2b3c4d): ".
_RECORD_ZH = re.compile(r"^证明材料（[^）]*）：")
_RECORD_EN = re.compile(r"^attachment \([^)]*\): ")


def evidence_words(store: Store, records: Sequence[Attachment]) -> tuple[str, str]:
    """The evidence ``records`` (of one household; the first named, with how many more):
    "张学林家的居民身份证（李秀梅，2026-11-20）"."""
    first = records[0]
    with store.read() as db:
        household = next(iter(load_households(db, [first.household_id])), None)
    head = household.head.name if household is not None and household.head else ""
    whose_zh, whose_en = "全户", "the household"
    if first.member_id is not None:
        members = household.members if household is not None else []
        name = next((m.name for m in members if m.id == first.member_id), None)
        whose_zh, whose_en = (name, name) if name else ("原家庭成员", "a former member")
    day = first.taken_on.isoformat()
    zh = f"{head}家的{first.kind.zh}（{whose_zh}，{day}）"
    en = f"{first.kind.en} ({whose_en}, {day}) of {head}'s household"
    more = len(records) - 1
    if more:
        zh += f"等{len(records)}份"
        en += f" and {more} more"
    return zh, en


def report_refusal(
    report: SyncReport,
    store: Store,
    records: Sequence[Attachment],
    why: tuple[str, str],
    *,
    limit: int = 0,
    record: bool = False,
) -> None:
    """Put in ``report`` that the county refused the evidence ``records`` (their file, or
    with ``record`` their record) for the reason ``why`` (Chinese, English): among its
    problems, and in words for the Sync page."""
    zh, en = evidence_words(store, records)
    report.problems.append(f"{zh}：{why[0]} / {en}: {why[1]}")
    ids = tuple(r.id for r in records)
    report.evidence_refused.append(RefusedEvidence(zh, en, records[0].size, limit, record, ids))


def still_refused(store: Store, refused: Sequence[RefusedEvidence]) -> list[RefusedEvidence]:
    """Those of ``refused`` (what the county did not take at the last sync) whose records
    still wait here, neither sent since nor removed; each with only those records."""
    with store.read() as db:
        waiting = waiting_among(db, [i for r in refused for i in r.attachment_ids])
    kept = [
        replace(r, attachment_ids=tuple(i for i in r.attachment_ids if i in waiting))
        for r in refused
    ]
    return [r for r in kept if r.attachment_ids]


def record_reason(error: dict[str, Any]) -> tuple[str, str]:
    """Why the county refused a record, from one of its errors, without the record's id
    and without a value that is an id or a fingerprint."""
    zh = _RECORD_ZH.sub("", str(error.get("message_zh") or ""))
    en = _RECORD_EN.sub("", str(error.get("message_en") or ""))
    value = str(error.get("value") or "")
    if value and error.get("field") in _CODED_FIELDS:
        zh = zh.replace(f"“{value}”", "")
        en = en.replace(f" '{value}'", "")
    return zh, en
