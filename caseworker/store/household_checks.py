"""What a save of households may not do to the store, said field by field: a village the
store does not know, an ID number or a record id another household holds (in the batch or
in the store), a signed visit changed or removed. ``households.save_households`` checks
these before writing, and after a uniqueness constraint stopped a write to say why.
"""

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, select

from caseworker.domain.records import Household
from caseworker.domain.validation import FieldError, Problem, Where
from caseworker.interchange.household_rows import TABLE_ORDER, Row, household_rows
from caseworker.store.prepared import TABLES, HouseholdKey
from caseworker.store.regions import village_codes

_CHUNK = 500  # ID numbers looked up in one query


def _record_words(h: Household | HouseholdKey) -> tuple[str, str]:
    if isinstance(h, Household):
        head = h.head
        name = head.name if head else h.id
    else:
        name = h.display_name
    return f"户主{name}的家庭", f"household of {name}"


def batch_errors(conn: Connection, households: Iterable[HouseholdKey]) -> list[FieldError]:
    """Problems only visible against the store or the other households of the batch."""
    errors: list[FieldError] = []
    villages = village_codes(conn)
    seen_numbers: dict[str, HouseholdKey] = {}
    seen_ids: set[str] = set()
    for h in households:
        zh, en = _record_words(h)
        if h.id in seen_ids:
            problem = Problem(
                "duplicate_id", "同一户在本次导入中出现了两次", "appears twice in this import"
            )
            errors.append(Where().field("id").error(h.id, problem).in_record(zh, en))
        seen_ids.add(h.id)
        if h.village_code not in villages:
            problem = Problem(
                "unknown_village",
                "不是本地已登记的村（社区）代码",
                "is not a village code known to this store",
            )
            errors.append(
                Where().field("village_code").error(h.village_code, problem).in_record(zh, en)
            )
        for index, (name, number) in enumerate(h.members):
            other = seen_numbers.get(number)
            if other is not None and other.id != h.id:
                other_head = other.display_name
                problem = Problem(
                    "id_in_other_household",
                    f"已登记在另一户（户主{other_head}）",
                    f"is already a member of another household (head {other_head})",
                )
                where = Where().item("members", index, name).field("id_number")
                errors.append(where.error(number, problem).in_record(zh, en))
            seen_numbers[number] = h
    return errors


def households_holding(conn: Connection, id_numbers: Sequence[str]) -> dict[str, str]:
    """Which of these ID numbers are already members of a stored household: number ->
    that household's head (to say where the person is registered)."""
    member = TABLES["member"]
    found: dict[str, str] = {}
    numbers = list(dict.fromkeys(id_numbers))
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        rows = conn.execute(
            select(member.c.id_number, member.c.household_id).where(member.c.id_number.in_(chunk))
        ).all()
        for number, household_id in rows:
            head = conn.execute(
                select(member.c.name).where(
                    member.c.household_id == household_id, member.c.relation == "head"
                )
            ).scalar()
            found[number] = head or ""
    return found


def conflict_errors(conn: Connection, households: Sequence[Household]) -> list[FieldError]:
    """Why a write hit a uniqueness constraint: ID numbers or record ids used elsewhere."""
    errors: list[FieldError] = []
    member = TABLES["member"]
    by_number = {m.id_number: (h, i, m) for h in households for i, m in enumerate(h.members)}
    numbers = list(by_number)
    for start in range(0, len(numbers), _CHUNK):
        chunk = numbers[start : start + _CHUNK]
        rows = conn.execute(
            select(member.c.id_number, member.c.household_id).where(member.c.id_number.in_(chunk))
        )
        for number, household_id in rows:
            h, index, m = by_number[number]
            if household_id != h.id:
                other = conn.execute(
                    select(member.c.name).where(
                        member.c.household_id == household_id, member.c.relation == "head"
                    )
                ).scalar()
                zh, en = _record_words(h)
                problem = Problem(
                    "id_in_other_household",
                    f"已登记在另一户（户主{other}）",
                    f"is already a member of another household (head {other})",
                )
                where = Where().item("members", index, m.name).field("id_number")
                errors.append(where.error(number, problem).in_record(zh, en))
    for name in TABLE_ORDER:
        table = TABLES[name]
        owner = table.c.id if name == "household" else table.c.household_id
        for h in households:
            ids = [r["id"] for r in household_rows(h)[name]]
            if not ids or name == "household":
                continue
            clash = conn.execute(
                select(table.c.id).where(table.c.id.in_(ids), owner != h.id).limit(1)
            ).scalar()
            if clash is not None:
                zh, en = _record_words(h)
                problem = Problem(
                    "id_in_use",
                    "记录编号已被另一户使用",
                    "this record id is already used by another household",
                )
                errors.append(Where().field("id").error(clash, problem).in_record(zh, en))
    return errors


def signed_visit_errors(h: Household, stored: dict[str, Row]) -> list[FieldError]:
    """A signed visit among the ``stored`` visit rows that ``h`` would change or remove."""
    errors = []
    incoming = {v.id: v for v in h.visits}
    new_rows = {r["id"]: r for r in household_rows(h)["visit"]}
    zh, en = _record_words(h)
    for visit_id, old in stored.items():
        if old["signed_at"] is None:
            continue
        new = new_rows.get(visit_id)
        if new is None or any(new[k] != old[k] for k in new):
            index = next((i for i, v in enumerate(h.visits) if v.id == visit_id), None)
            where = Where().item("visits", index) if index is not None else Where().field("visits")
            problem = Problem(
                "signed_visit",
                "已签字的入户调查记录不能修改或删除，如需更正请新增一次调查",
                "a signed visit cannot be changed or removed; record a new visit to correct it",
            )
            errors.append(
                where.error(incoming[visit_id].date if visit_id in incoming else None, problem)
            )
    return [e.in_record(zh, en) for e in errors]
