"""Households <-> table rows. Pure functions: no connection, no I/O.

The rows are the form a household takes in the laptop's store, on the wire to the county
and in the county's tables, so the store, sync and the county server all read them here.

``household_rows`` spreads a ``Household`` over its tables (content columns only, no sync
metadata); ``assemble_household`` puts rows read back together. Both preserve list order
through the ``position`` column.
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
from caseworker.interchange.appraisal import appraisal_from_dict, appraisal_to_dict
from caseworker.interchange.observations import observations_from_dict, observations_to_dict

Row = dict[str, Any]

# Tables in the order rows are inserted (parents before children).
TABLE_ORDER = (
    "household",
    "member",
    "income",
    "asset",
    "expense",
    "legal_supporter",
    "benefit",
    "visit",
    "application",
    "application_stage",
)


def _v(code: Any) -> Any:
    return None if code is None else code.value


def household_rows(h: Household) -> dict[str, list[Row]]:
    """The content rows of a household, by table name (sync metadata not included)."""
    hid = h.id
    poor = h.registered_poor
    emergency = h.emergency
    payment = h.payment
    rows: dict[str, list[Row]] = {
        "household": [
            {
                "id": hid,
                "village_code": h.village_code,
                "address": h.address,
                "hukou": h.hukou.value,
                "local_resident": h.local_resident,
                "poor_status": None if poor is None else poor.status.value,
                "poor_exited_on": None if poor is None else poor.exited_on,
                "cadre_relative": h.cadre_relative,
                "assets_recorded": h.assets is not None,
                "expenses_recorded": h.expenses is not None,
                "supporters_recorded": h.legal_supporters is not None,
                "emergency_kind": None if emergency is None else emergency.kind.value,
                "emergency_date": None if emergency is None else emergency.date,
                "emergency_description": None if emergency is None else emergency.description,
                "bank_code": None if payment is None else payment.bank_code or None,
                "bank_name": None if payment is None else payment.bank_name,
                "account_name": None if payment is None else payment.account_name,
                "account_number": None if payment is None else payment.account_number,
            }
        ],
        "member": [],
        "income": [],
        "asset": [],
        "expense": [],
        "legal_supporter": [],
        "benefit": [],
        "visit": [],
        "application": [],
        "application_stage": [],
    }
    members, incomes = rows["member"], rows["income"]
    for position, m in enumerate(h.members):
        disability = m.disability
        members.append(
            {
                "id": m.id,
                "household_id": hid,
                "position": position,
                "name": m.name,
                "id_number": m.id_number,
                "birth_date": m.birth_date,
                "sex": m.sex.value,
                "relation": m.relation.value,
                "labor_capacity": _v(m.labor_capacity),
                "disability_type": None if disability is None else disability.type.value,
                "disability_grade": None if disability is None else disability.grade,
                "serious_illness": m.serious_illness,
                "self_care_impossible": m.self_care_impossible,
                "in_school": m.in_school,
                "orphan": m.orphan,
                "de_facto_unsupported_child": m.de_facto_unsupported_child,
                "employment": _v(m.employment),
                "returned_to_work": m.returned_to_work,
                "incomes_recorded": m.incomes is not None,
            }
        )
        for ipos, item in enumerate(m.incomes or ()):
            incomes.append(
                {
                    "id": item.id,
                    "household_id": hid,
                    "member_id": m.id,
                    "position": ipos,
                    "kind": item.kind.value,
                    "monthly_fen": item.monthly_fen,
                }
            )
    rows["asset"] = [
        {
            "id": a.id,
            "household_id": hid,
            "position": p,
            "kind": a.kind.value,
            "value_fen": a.value_fen,
            "count": a.count,
        }
        for p, a in enumerate(h.assets or ())
    ]
    rows["expense"] = [
        {
            "id": e.id,
            "household_id": hid,
            "position": p,
            "kind": e.kind.value,
            "amount_fen": e.amount_fen,
            "date": e.date,
        }
        for p, e in enumerate(h.expenses or ())
    ]
    rows["legal_supporter"] = [
        {
            "id": s.id,
            "household_id": hid,
            "position": p,
            "relation": s.relation.value,
            "name": s.name,
            "able": s.able,
            "reason": _v(s.reason),
        }
        for p, s in enumerate(h.legal_supporters or ())
    ]
    rows["benefit"] = [
        {
            "id": b.id,
            "household_id": hid,
            "position": p,
            "program": b.program.value,
            "category": _v(b.category),
            "monthly_fen": b.monthly_fen,
            "since": b.since,
            "exit_until": b.exit_until,
            "certificate_number": b.certificate_number or None,
            "covered_members": b.covered_members,
        }
        for p, b in enumerate(h.benefits)
    ]
    rows["visit"] = [
        {
            "id": v.id,
            "household_id": hid,
            "date": v.date,
            "workers": list(v.workers),
            "purpose": v.purpose.value,
            "observations": observations_to_dict(v.observations),
            "conclusion": v.conclusion,
            "notes": v.notes,
            "signed_at": v.signed_at,
        }
        for v in h.visits
    ]
    stages = rows["application_stage"]
    for p, a in enumerate(h.applications):
        rows["application"].append(
            {
                "id": a.id,
                "household_id": hid,
                "position": p,
                "program": a.program.value,
                "stage": a.stage.value,
                "member_id": a.member_id,
            }
        )
        stages.extend(
            {
                "id": e.id,
                "application_id": a.id,
                "household_id": hid,
                "position": sp,
                "stage": e.stage.value,
                "date": e.date,
                "worker": e.worker,
                "note": e.note,
                "amount_fen": e.amount_fen,
                "member_id": e.member_id,
                "appraisal": None if e.appraisal is None else appraisal_to_dict(e.appraisal),
            }
            for sp, e in enumerate(a.history)
        )
    return rows


def assemble_household(h: Mapping[Any, Any], children: Mapping[str, Sequence[Any]]) -> Household:
    """A ``Household`` from its row and its child rows (each list ordered by position)."""
    incomes_by_member: dict[str, list[IncomeItem]] = {}
    for r in children.get("income", ()):
        incomes_by_member.setdefault(r["member_id"], []).append(
            IncomeItem(r["id"], IncomeKind(r["kind"]), r["monthly_fen"])
        )
    members = [
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
    return Household(
        id=h["id"],
        village_code=h["village_code"],
        address=h["address"],
        hukou=Hukou(h["hukou"]),
        members=members,
        local_resident=h["local_resident"],
        registered_poor=None
        if h["poor_status"] is None
        else RegisteredPoor(PoorStatus(h["poor_status"]), h["poor_exited_on"]),
        cadre_relative=h["cadre_relative"],
        assets=[
            Asset(r["id"], AssetKind(r["kind"]), r["value_fen"], r["count"])
            for r in children.get("asset", ())
        ]
        if h["assets_recorded"]
        else None,
        expenses=[
            Expense(r["id"], ExpenseKind(r["kind"]), r["amount_fen"], r["date"])
            for r in children.get("expense", ())
        ]
        if h["expenses_recorded"]
        else None,
        legal_supporters=[
            LegalSupporter(
                r["id"],
                SupporterRelation(r["relation"]),
                r["able"],
                None if r["reason"] is None else SupporterInability(r["reason"]),
                r["name"],
            )
            for r in children.get("legal_supporter", ())
        ]
        if h["supporters_recorded"]
        else None,
        benefits=[
            Benefit(
                r["id"],
                Program(r["program"]),
                r["since"],
                r["monthly_fen"],
                None if r["category"] is None else DibaoCategory(r["category"]),
                r["exit_until"],
                r["certificate_number"] or "",
                r["covered_members"],
            )
            for r in children.get("benefit", ())
        ],
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
        visits=[
            Visit(
                r["id"],
                r["date"],
                list(r["workers"]),
                VisitPurpose(r["purpose"]),
                observations_from_dict(r["observations"]),
                r["conclusion"],
                r["notes"],
                r["signed_at"],
            )
            for r in children.get("visit", ())
        ],
        applications=[
            Application(r["id"], Program(r["program"]), history.get(r["id"], []), r["member_id"])
            for r in children.get("application", ())
        ],
    )
