"""Every field of a household and of a member reaches each place docs/adding-a-field.md
lists: the household format and its JSON Schema, the store's tables, the form a worker
edits it in, and the printed forms or reports; every field of a visit is an entry in the
visit form's field list. A field added to the records and forgotten in one of them fails
here, naming the place."""

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest

from caseworker.domain.codes import LivestockKind, VehicleKind
from caseworker.domain.records import (
    Disability,
    Emergency,
    Household,
    Housing,
    Member,
    Payment,
    RegisteredPoor,
    Visit,
    VisitObservations,
)
from caseworker.store.tables import HouseholdRow, MemberRow

PACKAGE = Path(__file__).resolve().parent.parent / "caseworker"
SCHEMA = json.loads((PACKAGE / "interchange" / "household.schema.json").read_text("utf-8"))
# Lists of records of their own (incomes, assets, visits, ...) have their own dialogs and
# tables; ids are made by the app.
LISTS_AND_IDS = {
    "id",
    "members",
    "incomes",
    "assets",
    "expenses",
    "legal_supporters",
    "benefits",
    "visits",
    "applications",
}
# Parts of a household with fields of their own: each field is edited as "part.field".
PARTS: dict[str, type] = {
    "disability": Disability,
    "registered_poor": RegisteredPoor,
    "emergency": Emergency,
    "payment": Payment,
}
# Store columns not named like the field.
COLUMNS = {"registered_poor.status": "poor_status", "registered_poor.exited_on": "poor_exited_on"}
# Fields not edited in the household's or member's dialog, and why.
NOT_IN_DIALOG = {
    "village_code": "chosen when the household is registered",
    "birth_date": "read from the ID number",
    "sex": "read from the ID number",
}
# Fields no printed form or report shows, and why.
NOT_PRINTED = {
    "cadre_relative": "a check for the county (近亲属备案), shown on screen only",
    "self_care_impossible": "screening uses it; the forms print the finding that rests on it",
    "in_school": "screening uses it; the forms print the finding that rests on it",
    "returned_to_work": "screening uses it; the forms print the finding that rests on it",
    "payment.bank_code": "kept for a bank's own transfer file; the payment list names the bank",
}
# Fields of a visit with no entry in the visit form's field list, and why.
NOT_IN_VISIT_FIELDS = {
    "id": "made when the form opens",
    "signed_at": "set when the investigators sign",
    "observations.incomes": "the income lines of step 5 (caseworker/ui/visit/incomes.py)",
}
PRINTING_SOURCES = " ".join(
    p.read_text("utf-8")
    for folder in ("printing", "reports")
    for p in (PACKAGE / folder).rglob("*.py")
)


def paths(record: type) -> list[str]:
    """The field paths of ``record`` a worker fills in (``part.field`` inside a part)."""
    found = []
    for f in dataclasses.fields(record):
        if f.name in LISTS_AND_IDS:
            continue
        part = PARTS.get(f.name)
        if part is None:
            found.append(f.name)
        else:
            found += [f"{f.name}.{g.name}" for g in dataclasses.fields(part)]
    return found


HOUSEHOLD_PATHS = paths(Household)
MEMBER_PATHS = paths(Member)


def _schema_has(definition: dict[str, Any], path: str) -> bool:
    head, _, rest = path.partition(".")
    prop = definition.get("properties", {}).get(head)
    if prop is None or not rest:
        return prop is not None
    options = [prop, *prop.get("anyOf", []), *prop.get("oneOf", [])]
    for option in options:
        ref = option.get("$ref", "")
        target = SCHEMA["$defs"].get(ref.rsplit("/", 1)[-1]) if ref else option
        if target and _schema_has(target, rest):
            return True
    return False


@pytest.mark.parametrize("path", HOUSEHOLD_PATHS)
def test_a_household_field_is_in_the_format_and_the_store(path: str) -> None:
    assert _schema_has(SCHEMA, path), f"{path}: not in household.schema.json"
    column = COLUMNS.get(path, path.split(".")[-1] if path.startswith("payment.") else path)
    column = column.replace(".", "_")
    assert column in HouseholdRow.__table__.c, f"{path}: no column {column} in the store"  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", MEMBER_PATHS)
def test_a_member_field_is_in_the_format_and_the_store(path: str) -> None:
    assert _schema_has(SCHEMA["$defs"]["member"], path), f"{path}: not in the schema"
    column = path.replace(".", "_")
    assert column in MemberRow.__table__.c, f"{path}: no column {column} in the store"  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", HOUSEHOLD_PATHS + MEMBER_PATHS)
def test_a_field_is_printed_or_said_why_not(path: str) -> None:
    name = path.split(".")[-1]
    if path in NOT_PRINTED:
        assert not re.search(rf"\.{name}\b", PRINTING_SOURCES), f"{path} is printed now"
    else:
        assert re.search(rf"\.{name}\b", PRINTING_SOURCES), f"{path}: on no form or report"


def test_every_field_is_edited_in_its_dialog(qtbot) -> None:  # type: ignore[no-untyped-def]
    from caseworker.ui.dialogs.household_info import HouseholdInfoDialog
    from caseworker.ui.dialogs.member import MemberDialog

    household = HouseholdInfoDialog({}, submit=lambda fields: [])
    member = MemberDialog(None, prefix="members[0]", submit=lambda fields: [])
    qtbot.addWidget(household)
    qtbot.addWidget(member)
    for dialog, boxes, fields in (
        (household, household.boxes, HOUSEHOLD_PATHS),
        (member, member.form.boxes, MEMBER_PATHS),
    ):
        missing = [p for p in fields if p not in boxes and p not in NOT_IN_DIALOG]
        assert missing == [], f"{type(dialog).__name__} has no box for {missing}"


def visit_paths() -> list[str]:
    """The paths of a visit's values (one per kind of animal or vehicle counted)."""
    found = []
    for f in dataclasses.fields(Visit):
        if f.name != "observations":
            found.append(f.name)
            continue
        for g in dataclasses.fields(VisitObservations):
            if g.name == "housing":
                found += [f"observations.housing.{h.name}" for h in dataclasses.fields(Housing)]
            elif g.name in ("livestock", "vehicles"):
                kinds = LivestockKind if g.name == "livestock" else VehicleKind
                found += [f"observations.{g.name}.{kind.value}" for kind in kinds]
            else:
                found.append(f"observations.{g.name}")
    return found


@pytest.mark.parametrize("path", visit_paths())
def test_a_visit_field_is_one_entry_in_the_visit_form(path: str) -> None:
    from caseworker.ui.visit.steps import STEPS

    keys = {re.sub(r"\[\d+\]$", "", f.key) for step in STEPS for f in step.fields}
    if path in NOT_IN_VISIT_FIELDS:
        assert path not in keys, f"{path} is in the visit form's list now"
    else:
        assert path in keys, f"{path}: no entry in caseworker/ui/visit/steps.py"
