"""The household interchange format ``caseworker.household/1`` (see docs/household-format.md).

``parse_household`` turns one JSON object into a validated ``Household`` (or raises
``ValidationFailed`` naming every bad field; ``household_reading`` and ``history_reading``
read its parts); ``household_to_dict`` is its exact inverse. Money is a decimal string of
yuan; a field the data does not know is null or absent.
"""

from datetime import date
from typing import Any

from caseworker.domain.money import format_yuan
from caseworker.domain.records import (
    Application,
    Asset,
    Benefit,
    Emergency,
    Expense,
    Household,
    LegalSupporter,
    Member,
    Payment,
    RegisteredPoor,
    StageEntry,
    Visit,
)
from caseworker.domain.validation import ValidationFailed, household_rule_errors
from caseworker.interchange.appraisal import appraisal_to_dict
from caseworker.interchange.household_reading import HouseholdReader
from caseworker.interchange.observations import observations_to_dict

FORMAT = "caseworker.household/1"


def parse_household(data: Any, *, today: date | None = None) -> Household:
    """Validate one interchange object and return the household it describes.

    Raises ``ValidationFailed`` listing every bad field; ``today`` bounds dates that cannot
    lie in the future (visits, expenses, stage dates).
    """
    reader = HouseholdReader(today or date.today(), FORMAT)
    household = reader.household(data)
    reader.c.raise_if_any()
    assert household is not None
    rule_errors = household_rule_errors(household, today=today)
    if rule_errors:
        raise ValidationFailed(rule_errors)
    return household


def _d(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def household_to_dict(h: Household) -> dict[str, Any]:
    """The interchange object for a household; ``parse_household`` reads it back exactly."""
    return {
        "format": FORMAT,
        "id": h.id,
        "village_code": h.village_code,
        "address": h.address,
        "hukou": h.hukou.value,
        "local_resident": h.local_resident,
        "registered_poor": _registered_poor_to_dict(h.registered_poor),
        "cadre_relative": h.cadre_relative,
        "members": [_member_to_dict(m) for m in h.members],
        "assets": None if h.assets is None else [_asset_to_dict(a) for a in h.assets],
        "expenses": None if h.expenses is None else [_expense_to_dict(e) for e in h.expenses],
        "legal_supporters": None
        if h.legal_supporters is None
        else [_supporter_to_dict(s) for s in h.legal_supporters],
        "benefits": [_benefit_to_dict(b) for b in h.benefits],
        "emergency": _emergency_to_dict(h.emergency),
        "visits": [_visit_to_dict(v) for v in h.visits],
        "applications": [_application_to_dict(a) for a in h.applications],
        # Only where recorded, so a household without it reads (and hashes) as before.
        **({} if h.payment is None else {"payment": _payment_to_dict(h.payment)}),
    }


def _registered_poor_to_dict(poor: RegisteredPoor | None) -> dict[str, Any] | None:
    if poor is None:
        return None
    return {"status": poor.status.value, "exited_on": _d(poor.exited_on)}


def _asset_to_dict(a: Asset) -> dict[str, Any]:
    return {
        "id": a.id,
        "kind": a.kind.value,
        "value_yuan": format_yuan(a.value_fen),
        "count": a.count,
    }


def _expense_to_dict(e: Expense) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind.value,
        "amount_yuan": format_yuan(e.amount_fen),
        "date": e.date.isoformat(),
    }


def _supporter_to_dict(s: LegalSupporter) -> dict[str, Any]:
    return {
        "id": s.id,
        "relation": s.relation.value,
        "name": s.name,
        "able": s.able,
        "reason": None if s.reason is None else s.reason.value,
    }


def _benefit_to_dict(b: Benefit) -> dict[str, Any]:
    return {
        "id": b.id,
        "program": b.program.value,
        "since": b.since.isoformat(),
        "category": None if b.category is None else b.category.value,
        "monthly_yuan": format_yuan(b.monthly_fen),
        "exit_until": _d(b.exit_until),
        # Written only when recorded, so that a household without them keeps the
        # fingerprint its decision records were made with.
        **({"certificate_number": b.certificate_number} if b.certificate_number else {}),
        **({} if b.covered_members is None else {"covered_members": b.covered_members}),
    }


def _emergency_to_dict(e: Emergency | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {"kind": e.kind.value, "date": e.date.isoformat(), "description": e.description}


def _visit_to_dict(v: Visit) -> dict[str, Any]:
    return {
        "id": v.id,
        "date": v.date.isoformat(),
        "workers": list(v.workers),
        "purpose": v.purpose.value,
        "observations": observations_to_dict(v.observations),
        "conclusion": v.conclusion,
        "notes": v.notes,
        "signed_at": None if v.signed_at is None else v.signed_at.isoformat(),
    }


def _application_to_dict(a: Application) -> dict[str, Any]:
    return {
        "id": a.id,
        "program": a.program.value,
        "member_id": a.member_id,
        "history": [_stage_to_dict(e) for e in a.history],
    }


def _payment_to_dict(p: Payment) -> dict[str, Any]:
    return {
        "bank_code": p.bank_code,
        "bank_name": p.bank_name,
        "account_name": p.account_name,
        "account_number": p.account_number,
    }


def _stage_to_dict(e: StageEntry) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": e.id,
        "stage": e.stage.value,
        "date": e.date.isoformat(),
        "worker": e.worker,
        "note": e.note,
        "amount_yuan": None if e.amount_fen is None else format_yuan(e.amount_fen),
        "member_id": e.member_id,
    }
    # Only where there is one, so an entry without it reads (and hashes) as before.
    if e.appraisal is not None:
        entry["appraisal"] = appraisal_to_dict(e.appraisal)
    return entry


def _member_to_dict(m: Member) -> dict[str, Any]:
    return {
        "id": m.id,
        "name": m.name,
        "id_number": m.id_number,
        "relation": m.relation.value,
        "labor_capacity": None if m.labor_capacity is None else m.labor_capacity.value,
        "disability": None
        if m.disability is None
        else {"type": m.disability.type.value, "grade": m.disability.grade},
        "serious_illness": m.serious_illness,
        "self_care_impossible": m.self_care_impossible,
        "in_school": m.in_school,
        "orphan": m.orphan,
        "de_facto_unsupported_child": m.de_facto_unsupported_child,
        "employment": None if m.employment is None else m.employment.value,
        "returned_to_work": m.returned_to_work,
        "incomes": None
        if m.incomes is None
        else [
            {"id": i.id, "kind": i.kind.value, "monthly_yuan": format_yuan(i.monthly_fen)}
            for i in m.incomes
        ],
    }
