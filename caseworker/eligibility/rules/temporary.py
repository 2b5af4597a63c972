"""Temporary assistance (临时救助): a recent emergency (急难型) or a sudden large expense
(支出型); non-local people are helped where the emergency happens if the policy says so.
Amounts above the township's approval limit go to the county (一事一议)."""

from datetime import timedelta
from fractions import Fraction

from caseworker.domain.codes import EmergencyKind, ExpenseKind, Program
from caseworker.domain.records import Emergency
from caseworker.eligibility.checks import Tri, decide, new_status
from caseworker.eligibility.facts import Facts
from caseworker.eligibility.findings import Finding, MissingInfo, ParameterUse, Reason, Status
from caseworker.eligibility.structures import AidAmount
from caseworker.eligibility.template import MissingTemplate, Template, day, plain, yuan

# The expenses an expenditure-type emergency is measured by.
RELATED_EXPENSES: dict[EmergencyKind, frozenset[ExpenseKind]] = {
    EmergencyKind.MEDICAL_EXPENSE: frozenset({ExpenseKind.MEDICAL}),
    EmergencyKind.SUDDEN_ILLNESS: frozenset({ExpenseKind.MEDICAL}),
    EmergencyKind.ACCIDENT: frozenset({ExpenseKind.MEDICAL}),
    EmergencyKind.EDUCATION_EXPENSE: frozenset({ExpenseKind.EDUCATION}),
    EmergencyKind.FIRE: frozenset({ExpenseKind.DISASTER}),
    EmergencyKind.DISASTER: frozenset({ExpenseKind.DISASTER}),
    EmergencyKind.DEATH_OF_EARNER: frozenset({ExpenseKind.FUNERAL}),
    EmergencyKind.STRANDED_EPIDEMIC: frozenset(),
    EmergencyKind.OTHER: frozenset({ExpenseKind.OTHER}),
}

NO_EMERGENCY = Template(
    "temporary_assistance.emergency",
    (),
    ("", ""),
    ("没有登记急难情况", "no emergency is recorded"),
)
RECENT = Template(
    "temporary_assistance.recent",
    (("kind", plain), ("date", day), ("days", plain), ("within_days", plain)),
    (
        "{kind_zh}发生于{date}，距今{days}天，在{within_days}天之内",
        "{kind_en} on {date}, {days} day(s) ago, within {within_days} days",
    ),
    (
        "{kind_zh}发生于{date}，距今{days}天，不在{within_days}天之内",
        "{kind_en} on {date}, {days} day(s) ago, not within {within_days} days",
    ),
    extra=lambda values, _args: {
        "kind_zh": EmergencyKind(values["kind"]).zh,
        "kind_en": EmergencyKind(values["kind"]).en,
    },
)
RESIDENCE = Template(
    "temporary_assistance.residence",
    (("local", plain),),
    (
        "本地户籍，或当地政策救助非本地户籍人员（在急难发生地救助）",
        "local, or the policy helps non-local people where the emergency happens",
    ),
    ("非本地户籍，当地政策不在急难发生地救助", "not local, and the policy helps only local people"),
)
AMOUNT = Template(
    "temporary_assistance.amount",
    (("basis", plain), ("amount_yuan", yuan), ("expenses_yuan", yuan)),
    ("{basis_zh}，救助金额{amount_yuan}元", "{basis_en}: {amount_yuan} yuan"),
    ("当地未规定此类急难的金额，一事一议", "no amount is set for this kind: decided case by case"),
    extra=lambda values, _args: {
        "basis_zh": {
            "fixed": "按固定金额",
            "standard_months": "按低保标准的月数",
            "expense_share": f"按相关支出{values['expenses_yuan']}元的比例",
        }.get(values["basis"], ""),
        "basis_en": {
            "fixed": "fixed amount",
            "standard_months": "months of the Dibao standard",
            "expense_share": f"share of related costs of {values['expenses_yuan']} yuan",
        }.get(values["basis"], ""),
    },
)
APPROVAL = Template(
    "temporary_assistance.township_approval",
    (("amount_yuan", yuan), ("limit_yuan", yuan)),
    (
        "金额{amount_yuan}元未超过乡镇（街道）审批额度{limit_yuan}元，乡镇可直接审批",
        "{amount_yuan} yuan is within the township's approval limit of {limit_yuan} yuan",
    ),
    (
        "金额{amount_yuan}元超过乡镇（街道）审批额度{limit_yuan}元，报县级审批或一事一议",
        "{amount_yuan} yuan exceeds the township's approval limit of {limit_yuan} yuan: "
        "the county decides (case by case)",
    ),
)
MISSING_EXPENSES = MissingTemplate(
    "temporary_assistance.expenses_not_recorded",
    "家庭支出未登记（支出型救助按支出计算）",
    "household expenses are not recorded (the amount depends on them)",
)("expenses")
MISSING_RESIDENCE = MissingTemplate(
    "temporary_assistance.residence_not_recorded",
    "是否本地户籍未登记",
    "whether the hukou is local is not recorded",
)("local_resident")


def _no_emergency(f: Facts) -> Finding:
    finding = f.ctx.memo.get("temporary.none")
    if finding is None:
        finding = f.ctx.memo["temporary.none"] = Finding(
            Program.TEMPORARY_ASSISTANCE, Status.NOT_ELIGIBLE, reasons=(NO_EMERGENCY(False),)
        )
    return finding


def _amount(
    f: Facts, basis: AidAmount | None, since_days: int
) -> tuple[int | None, str, int | None, bool]:
    """(amount in fen or None, basis code, related expenses, expenses known)."""
    ctx = f.ctx
    if basis is None:
        return None, "", None, True
    if basis.fixed_fen is not None:
        return basis.fixed_fen, "fixed", None, True
    if basis.standard_months is not None:
        return (
            ctx.round(Fraction(f.limit_fen) * Fraction(basis.standard_months)),
            "standard_months",
            None,
            True,
        )
    emergency = f.h.emergency
    assert emergency is not None and basis.expense_share is not None
    if f.h.expenses is None:
        return None, "expense_share", None, False
    kinds = RELATED_EXPENSES.get(emergency.kind, frozenset())
    since = ctx.on - timedelta(days=since_days)
    spent = sum(e.amount_fen for e in f.h.expenses if e.kind in kinds and since <= e.date <= ctx.on)
    amount = ctx.round(Fraction(spent) * Fraction(basis.expense_share))
    if basis.cap_fen is not None:
        amount = min(amount, basis.cap_fen)
    return amount, "expense_share", spent, True


def temporary_assistance(f: Facts, explain: bool = False) -> Finding:
    """A recent emergency: how much, and who approves it.

    Few households have an emergency recorded; theirs are made with their reasons right
    away (``explain`` is not needed), the others share one finding.
    """
    ctx = f.ctx
    emergency = f.h.emergency
    if emergency is None:
        return ctx.memo.get("temporary.none") or _no_emergency(f)
    within = ctx.values["temporary_assistance.within_days"]
    decision, reasons, missing = _conditions(f, emergency, within)
    if not decision:
        return Finding(
            Program.TEMPORARY_ASSISTANCE,
            new_status(decision),
            None,
            None,
            (),
            tuple(reasons),
            tuple(missing),
        )
    amounts: dict[EmergencyKind, AidAmount] = ctx.values["temporary_assistance.amounts"]
    basis = amounts.get(emergency.kind)
    amount, basis_code, spent, known = _amount(f, basis, within)
    if not known:
        missing.append(MISSING_EXPENSES)
        return Finding(
            Program.TEMPORARY_ASSISTANCE,
            Status.NEEDS_INFORMATION,
            None,
            None,
            (),
            tuple(reasons),
            tuple(missing),
        )
    reasons.extend(_amount_reasons(f, emergency.kind, amount, basis_code, spent))
    members = tuple(m.id for m in f.h.members)
    return Finding(
        Program.TEMPORARY_ASSISTANCE,
        Status.LIKELY_ELIGIBLE,
        None,
        amount,
        members,
        tuple(reasons),
        tuple(missing),
    )


def _conditions(
    f: Facts, emergency: Emergency, within: int
) -> tuple[Tri, list[Reason], list[MissingInfo]]:
    """Whether the emergency is recent and the person is helped here (local, or the policy
    helps non-local people): the decision, its reasons and what is not recorded."""
    v, uses = f.ctx.values, f.ctx.uses
    days = (f.ctx.on - emergency.date).days
    recent = 0 <= days <= within
    reasons: list[Reason] = [
        RECENT(
            recent,
            emergency.kind.value,
            emergency.date,
            days,
            within,
            parameters=(uses["temporary_assistance.within_days"],),
        ),
    ]
    missing: list[MissingInfo] = []
    allowed = v["temporary_assistance.non_local_allowed"]
    local = f.h.local_resident
    residence = True if local or allowed else (None if local is None else False)
    if residence is None:
        missing.append(MISSING_RESIDENCE)
    else:
        reasons.append(
            RESIDENCE(
                residence, local, parameters=(uses["temporary_assistance.non_local_allowed"],)
            )
        )
    return decide((recent, residence)), reasons, missing


def _amount_reasons(
    f: Facts, kind: EmergencyKind, amount: int | None, basis_code: str, spent: int | None
) -> list[Reason]:
    """The amount (or that none is set for this kind) and who approves it, as reasons.

    The amount cites the amount set for this kind of emergency alone (not every kind's),
    and for months of the standard the standard and the rounding."""
    uses = f.ctx.uses
    shown = uses["temporary_assistance.amounts"]
    amount_use = ParameterUse(
        shown.name, {kind.value: shown.value.get(kind.value)}, shown.effective_from, shown.ref
    )
    amount_params: tuple[ParameterUse, ...] = (amount_use,)
    if basis_code == "standard_months":
        amount_params = (amount_use, f.standard_use, uses["amounts.rounding"])
    reasons = [AMOUNT(amount is not None, basis_code, amount, spent, parameters=amount_params)]
    if amount is not None:
        limit = f.ctx.values["temporary_assistance.township_limit"]
        reasons.append(
            APPROVAL(
                amount <= limit,
                amount,
                limit,
                parameters=(uses["temporary_assistance.township_limit"],),
            )
        )
    return reasons
