"""Households -> table rows. Pure functions: no connection, no I/O.

The rows are the form a household takes in the laptop's store, on the wire to the county
and in the county's tables, so the store, sync and the county server all read them here.

``household_rows`` spreads a ``Household`` over its tables (content columns only, no sync
metadata); ``household_assembly.assemble_household`` puts rows read back together. Both
preserve list order through the ``position`` column.
"""

from typing import Any

from caseworker.domain.records import (
    Asset,
    Benefit,
    Expense,
    Household,
    LegalSupporter,
    Visit,
)
from caseworker.interchange.appraisal import appraisal_to_dict
from caseworker.interchange.observations import observations_to_dict

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
    members, incomes = _member_rows(h)
    applications, stages = _application_rows(h)
    return {
        "household": [_household_row(h)],
        "member": members,
        "income": incomes,
        "asset": [_asset_row(hid, p, a) for p, a in enumerate(h.assets or ())],
        "expense": [_expense_row(hid, p, e) for p, e in enumerate(h.expenses or ())],
        "legal_supporter": [
            _supporter_row(hid, p, s) for p, s in enumerate(h.legal_supporters or ())
        ],
        "benefit": [_benefit_row(hid, p, b) for p, b in enumerate(h.benefits)],
        "visit": [_visit_row(hid, v) for v in h.visits],
        "application": applications,
        "application_stage": stages,
    }


def _household_row(h: Household) -> Row:
    poor = h.registered_poor
    emergency = h.emergency
    payment = h.payment
    return {
        "id": h.id,
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


def _member_rows(h: Household) -> tuple[list[Row], list[Row]]:
    """The member rows and the income rows of their incomes."""
    hid = h.id
    members: list[Row] = []
    incomes: list[Row] = []
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
    return members, incomes


def _asset_row(hid: str, p: int, a: Asset) -> Row:
    return {
        "id": a.id,
        "household_id": hid,
        "position": p,
        "kind": a.kind.value,
        "value_fen": a.value_fen,
        "count": a.count,
    }


def _expense_row(hid: str, p: int, e: Expense) -> Row:
    return {
        "id": e.id,
        "household_id": hid,
        "position": p,
        "kind": e.kind.value,
        "amount_fen": e.amount_fen,
        "date": e.date,
    }


def _supporter_row(hid: str, p: int, s: LegalSupporter) -> Row:
    return {
        "id": s.id,
        "household_id": hid,
        "position": p,
        "relation": s.relation.value,
        "name": s.name,
        "able": s.able,
        "reason": _v(s.reason),
    }


def _benefit_row(hid: str, p: int, b: Benefit) -> Row:
    return {
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


def _visit_row(hid: str, v: Visit) -> Row:
    return {
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


def _application_rows(h: Household) -> tuple[list[Row], list[Row]]:
    """The application rows and the stage rows of their histories."""
    hid = h.id
    applications: list[Row] = []
    stages: list[Row] = []
    for p, a in enumerate(h.applications):
        applications.append(
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
    return applications, stages
