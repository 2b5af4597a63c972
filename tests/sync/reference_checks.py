"""The county's household check as it was before it became one pass (commit 2dbea45),
kept as the reference ``test_county_checks.py`` holds the new check to.

Every row is checked with the wire parsers (types, codes, ids); then the household is put
together and read back through the interchange parser, so the county applied exactly the
rules an import on a laptop applies (ID numbers, one head, amounts, dates, ...).
"""

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from caseworker.domain.validation import (
    Collector,
    FieldError,
    Problem,
    ValidationFailed,
    Where,
)
from caseworker.interchange.household_assembly import assemble_household
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.sync.wire import SYNC_TABLES, row_from_wire, where_row

WireRows = dict[str, dict[str, dict[str, Any]]]  # table -> row id -> wire content


def _order_key(table: str, row: Mapping[str, Any]) -> tuple[Any, ...]:
    if table == "visit":
        return (row["date"], row["id"])
    if table == "application_stage":
        return (row["application_id"], row["position"])
    return (row.get("position", 0), row["id"])


def _dangling(table: str, row: Mapping[str, Any], column: str, known: set[str]) -> FieldError:
    zh, en = where_row(table, row["id"])
    problem = Problem(
        "dangling_reference", "指向本户中不存在的记录", "refers to a record not in this household"
    )
    return Where().field(column).error(row[column], problem).in_record(zh, en)


def household_errors(
    household_id: str, rows: WireRows, *, today: date | None = None
) -> list[FieldError]:
    """Everything wrong with a household given as wire rows; [] if it may be stored."""
    collector = Collector()
    parsed: dict[str, list[dict[str, Any]]] = {name: [] for name in SYNC_TABLES}
    for table, table_rows in rows.items():
        for row_id, data in table_rows.items():
            row = row_from_wire(table, row_id, data, complete=True, collector=collector)
            if row is not None:
                parsed[table].append({**row, "id": row_id})
    if collector.errors:
        return collector.errors
    head_row = parsed["household"][0] if len(parsed["household"]) == 1 else None
    if head_row is None:
        problem = Problem("no_household", "缺少家庭记录本身", "the household row itself is missing")
        return [Where().field("id").error(household_id, problem)]
    members = {r["id"] for r in parsed["member"]}
    applications = {r["id"] for r in parsed["application"]}
    errors = [
        _dangling("income", r, "member_id", members)
        for r in parsed["income"]
        if r["member_id"] not in members
    ]
    errors += [
        _dangling("application_stage", r, "application_id", applications)
        for r in parsed["application_stage"]
        if r["application_id"] not in applications
    ]
    if errors:
        return errors
    children = {
        table: sorted(parsed[table], key=lambda r, t=table: _order_key(t, r))  # type: ignore[misc]
        for table in SYNC_TABLES[1:]
    }
    # A visit's observations as sent go to the interchange parser (the typed reading of
    # the store would stumble on a bad one before it could be named).
    sent = {r["id"]: r["observations"] for r in children["visit"]}
    children["visit"] = [{**r, "observations": {}} for r in children["visit"]]
    try:
        household = assemble_household(head_row, children)
        data = household_to_dict(household)
        for visit in data["visits"]:
            visit["observations"] = sent[visit["id"]]
        # A laptop's clock may run a little ahead of the county's.
        reread = parse_household(data, today=(today or date.today()) + timedelta(days=1))
    except ValidationFailed as failed:
        return failed.errors
    except (ValueError, KeyError, TypeError, AttributeError) as exc:  # rows were checked
        problem = Problem(
            "invalid", f"记录无法组成家庭（{exc}）", f"rows do not form a household ({exc})"
        )
        return [Where().error(household_id, problem)]
    for member, row in zip(reread.members, children["member"], strict=True):
        if member.birth_date != row["birth_date"] or member.sex.value != row["sex"]:
            zh, en = where_row("member", row["id"])
            problem = Problem(
                "id_mismatch",
                "出生日期或性别与身份证号不一致",
                "birth date or sex differs from the ID number",
            )
            errors.append(
                Where().field("id_number").error(row["id_number"], problem).in_record(zh, en)
            )
    return errors
