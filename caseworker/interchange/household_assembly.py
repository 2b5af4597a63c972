"""A household put back together from its table rows. Pure functions: no connection, no I/O.

``assemble_household`` is the inverse of ``household_rows.household_rows``: the store,
sync and the county server read households back with it, from rows each list of which is
ordered by ``position``.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from caseworker.domain.codes import (
    AssetKind,
    DibaoCategory,
    DisabilityType,
    EmergencyKind,
    Employment,
    ExpenseKind,
    Hukou,
    IncomeKind,
    LaborCapacity,
    PoorStatus,
    Program,
    Relation,
    Sex,
    Stage,
    SupporterInability,
    SupporterRelation,
    VisitPurpose,
)
from caseworker.domain.records import (
    Application,
    Asset,
    Benefit,
    Disability,
    Emergency,
    Expense,
    Household,
    IncomeItem,
    LegalSupporter,
    Member,
    Payment,
    RegisteredPoor,
    StageEntry,
    Visit,
)
from caseworker.interchange.appraisal import appraisal_from_dict
from caseworker.interchange.observations import observations_from_dict


def assemble_household(h: Mapping[Any, Any], children: Mapping[str, Sequence[Any]]) -> Household:
    """A ``Household`` from its row and its child rows (each list ordered by position)."""
    return Household(
        id=h["id"],
        village_code=h["village_code"],
        address=h["address"],
        hukou=Hukou(h["hukou"]),
        members=_members(children),
        local_resident=h["local_resident"],
        registered_poor=None
        if h["poor_status"] is None
        else RegisteredPoor(PoorStatus(h["poor_status"]), h["poor_exited_on"]),
        cadre_relative=h["cadre_relative"],
        assets=[_asset(r) for r in children.get("asset", ())] if h["assets_recorded"] else None,
        expenses=[_expense(r) for r in children.get("expense", ())]
        if h["expenses_recorded"]
        else None,
        legal_supporters=[_supporter(r) for r in children.get("legal_supporter", ())]
        if h["supporters_recorded"]
        else None,
        benefits=[_benefit(r) for r in children.get("benefit", ())],
        emergency=None
        if h["emergency_kind"] is None
        else Emergency(
            EmergencyKind(h["emergency_kind"]),
            h["emergency_date"],
            h["emergency_description"] or "",
        ),
        payment=None
        if h["account_number"] is None
        else Payment(
            h["bank_name"] or "", h["account_name"] or "", h["account_number"], h["bank_code"] or ""
        ),
        visits=[_visit(r) for r in children.get("visit", ())],
        applications=_applications(children),
    )


def _members(children: Mapping[str, Sequence[Any]]) -> list[Member]:
    incomes_by_member: dict[str, list[IncomeItem]] = {}
    for r in children.get("income", ()):
        incomes_by_member.setdefault(r["member_id"], []).append(
            IncomeItem(r["id"], IncomeKind(r["kind"]), r["monthly_fen"])
        )
    return [
        Member(
            id=r["id"],
            name=r["name"],
            id_number=r["id_number"],
            relation=Relation(r["relation"]),
            birth_date=r["birth_date"],
            sex=Sex(r["sex"]),
            labor_capacity=None
            if r["labor_capacity"] is None
            else LaborCapacity(r["labor_capacity"]),
            disability=None
            if r["disability_type"] is None
            else Disability(DisabilityType(r["disability_type"]), r["disability_grade"]),
            serious_illness=r["serious_illness"],
            self_care_impossible=r["self_care_impossible"],
            in_school=r["in_school"],
            orphan=r["orphan"],
            de_facto_unsupported_child=r["de_facto_unsupported_child"],
            employment=None if r["employment"] is None else Employment(r["employment"]),
            returned_to_work=r["returned_to_work"],
            incomes=incomes_by_member.get(r["id"], []) if r["incomes_recorded"] else None,
        )
        for r in children.get("member", ())
    ]


def _asset(r: Mapping[str, Any]) -> Asset:
    return Asset(r["id"], AssetKind(r["kind"]), r["value_fen"], r["count"])


def _expense(r: Mapping[str, Any]) -> Expense:
    return Expense(r["id"], ExpenseKind(r["kind"]), r["amount_fen"], r["date"])


def _supporter(r: Mapping[str, Any]) -> LegalSupporter:
    return LegalSupporter(
        r["id"],
        SupporterRelation(r["relation"]),
        r["able"],
        None if r["reason"] is None else SupporterInability(r["reason"]),
        r["name"],
    )


def _benefit(r: Mapping[str, Any]) -> Benefit:
    return Benefit(
        r["id"],
        Program(r["program"]),
        r["since"],
        r["monthly_fen"],
        None if r["category"] is None else DibaoCategory(r["category"]),
        r["exit_until"],
        r["certificate_number"] or "",
        r["covered_members"],
    )


def _visit(r: Mapping[str, Any]) -> Visit:
    return Visit(
        r["id"],
        r["date"],
        list(r["workers"]),
        VisitPurpose(r["purpose"]),
        observations_from_dict(r["observations"]),
        r["conclusion"],
        r["notes"],
        r["signed_at"],
    )


def _applications(children: Mapping[str, Sequence[Any]]) -> list[Application]:
    history: dict[str, list[StageEntry]] = {}
    for r in children.get("application_stage", ()):
        history.setdefault(r["application_id"], []).append(
            StageEntry(
                r["id"],
                Stage(r["stage"]),
                r["date"],
                r["worker"],
                r["note"],
                r["amount_fen"],
                r["member_id"],
                None if r["appraisal"] is None else appraisal_from_dict(r["appraisal"]),
            )
        )
    return [
        Application(r["id"], Program(r["program"]), history.get(r["id"], []), r["member_id"])
        for r in children.get("application", ())
    ]
