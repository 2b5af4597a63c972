"""Structured parameter values: Dibao category rules, income disregards and
temporary-assistance amounts."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from caseworker.domain.codes import CategoryCondition, DibaoCategory, IncomeKind, LabelledCode
from caseworker.domain.money import format_yuan
from caseworker.domain.validation import Problem
from caseworker.eligibility import kinds
from caseworker.eligibility.kinds import Parsed

# What puts a Dibao household in a category (the first rule that matches wins):
#   all_unable_to_work  no member can work
#   elderly_alone       one member, of special-hardship elderly age or older
#   severe_disability   a member with a disability that qualifies single-person inclusion
#   serious_illness     a member with a serious illness recorded
#   otherwise           always matches
CATEGORY_CONDITIONS = tuple(c.value for c in CategoryCondition)


@dataclass(frozen=True, slots=True)
class CategoryRule:
    category: DibaoCategory
    when: frozenset[str]
    extra_fen: int  # added to the gap amount each month (gap method)
    amount_per_person_fen: int | None  # the monthly amount per member (tiered method)


@dataclass(frozen=True, slots=True)
class AidAmount:
    """How much temporary assistance one kind of emergency brings."""

    fixed_fen: int | None = None  # a fixed sum for the household
    standard_months: Decimal | None = None  # months of the household's Dibao standard total
    expense_share: Decimal | None = None  # share of the related expenses of the period
    cap_fen: int | None = None  # at most this much (with expense_share)


class MemberCircumstance(LabelledCode):
    """Whose income a disregard applies to."""

    ANY = "any", "所有成员", "every member"
    RETURNED_TO_WORK = (
        "returned_to_work",
        "返岗就业（含外出务工返岗）的成员",
        "members who returned to work",
    )


@dataclass(frozen=True, slots=True)
class Disregard:
    """Part of one kind of income that is not counted: the income is counted at
    ``counted_share`` (0: not at all, 0.5: half), less ``deduction_fen`` a month, never
    below zero; for every member, or only for members who returned to work."""

    kind: IncomeKind
    member: MemberCircumstance
    counted_share: Decimal
    deduction_fen: int

    def deducted(self, fen: int) -> int:
        """How much of a monthly income of ``fen`` is not counted."""
        top, bottom = self.counted_share.as_integer_ratio()
        counted = fen * top // bottom  # rounded down: never count more than the share
        return fen - max(0, counted - self.deduction_fen)


def disregards(value: Any) -> Parsed:
    """A list of ``{kind, member, counted_share, deduction}``; ``member`` is ``any`` unless
    given, and each names a share counted, a deduction, or both."""
    if not isinstance(value, list):
        raise Problem("type", "应为列表", "must be a list")
    out: list[Disregard] = []
    shown: list[dict[str, Any]] = []
    for index, item in enumerate(value, start=1):
        try:
            fields = kinds.keyed(
                item,
                {
                    "kind": kinds.choice(*[k.value for k in IncomeKind]),
                    "member": kinds.choice(*[m.value for m in MemberCircumstance]),
                    "counted_share": kinds.share,
                    "deduction": kinds.money,
                },
                frozenset({"kind"}),
            )
            if "counted_share" not in fields and "deduction" not in fields:
                raise Problem(
                    "disregard_basis",
                    "应给出counted_share（计入比例）或deduction（每月扣减）",
                    "must give counted_share, deduction, or both",
                )
        except Problem as problem:
            raise Problem(
                problem.code, f"第{index}项{problem.zh}", f"item {index}: {problem.en}"
            ) from None
        rule = Disregard(
            IncomeKind(fields["kind"]),
            MemberCircumstance(fields.get("member", "any")),
            fields.get("counted_share", Decimal(1)),
            fields.get("deduction", 0),
        )
        out.append(rule)
        entry: dict[str, Any] = {"kind": rule.kind.value, "member": rule.member.value}
        if "counted_share" in fields:
            entry["counted_share"] = kinds.share(rule.counted_share)[1]
        if "deduction" in fields:
            entry["deduction"] = format_yuan(rule.deduction_fen)
        shown.append(entry)
    return tuple(out), shown


def categories(value: Any) -> Parsed:
    if not isinstance(value, list) or not value:
        raise Problem("type", "应为非空列表", "must be a non-empty list")
    rules: list[CategoryRule] = []
    shown: list[dict[str, Any]] = []
    when_parser = kinds.choice(*CATEGORY_CONDITIONS)
    for index, item in enumerate(value, start=1):
        try:
            fields = kinds.keyed(
                item,
                {
                    "category": kinds.choice(*[c.value for c in DibaoCategory]),
                    "when": kinds.strings,
                    "extra": kinds.money,
                    "amount_per_person": kinds.money,
                },
                frozenset({"category", "when"}),
            )
            for condition in fields["when"]:
                when_parser(condition)
        except Problem as problem:
            raise Problem(
                problem.code, f"第{index}项{problem.zh}", f"item {index}: {problem.en}"
            ) from None
        rule = CategoryRule(
            DibaoCategory(fields["category"]),
            frozenset(fields["when"]),
            fields.get("extra", 0),
            fields.get("amount_per_person"),
        )
        rules.append(rule)
        entry: dict[str, Any] = {"category": rule.category.value, "when": list(fields["when"])}
        if "extra" in fields:
            entry["extra"] = format_yuan(rule.extra_fen)
        if rule.amount_per_person_fen is not None:
            entry["amount_per_person"] = format_yuan(rule.amount_per_person_fen)
        shown.append(entry)
    return tuple(rules), shown


def aid_amount(value: Any) -> Parsed:
    fields = kinds.keyed(
        value,
        {
            "fixed": kinds.money,
            "standard_months": kinds.decimal(Decimal(0), Decimal(120)),
            "expense_share": kinds.decimal(Decimal(0), Decimal(1)),
            "cap": kinds.money,
        },
    )
    bases = [k for k in ("fixed", "standard_months", "expense_share") if k in fields]
    if len(bases) != 1:
        raise Problem(
            "amount_basis",
            "应且只应给出fixed、standard_months、expense_share中的一项",
            "must give exactly one of fixed, standard_months, expense_share",
        )
    if "cap" in fields and "expense_share" not in fields:
        raise Problem("cap", "cap只用于expense_share", "cap goes only with expense_share")
    amount = AidAmount(
        fields.get("fixed"), fields.get("standard_months"), fields.get("expense_share")
    )
    if "cap" in fields:
        amount = AidAmount(None, None, amount.expense_share, fields["cap"])
    shown = {k: (format_yuan(v) if k in ("fixed", "cap") else str(v)) for k, v in fields.items()}
    return amount, shown
