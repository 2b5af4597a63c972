"""Gradual exit (低保渐退): a Dibao household whose income rose above the standard keeps
its Dibao for a retreat period (longer for households that just shook off poverty), and
removals may be suspended altogether for a time (an epidemic area)."""

import calendar
from datetime import date, timedelta

from caseworker.domain.codes import IncomeKind, PoorStatus, Program
from caseworker.eligibility.checks import (
    CONTINUE,
    EXIT,
    LIKELY_ELIGIBLE,
    NEEDS_INFORMATION,
    NOT_ELIGIBLE,
    decide,
)
from caseworker.eligibility.compare import income_below, income_template
from caseworker.eligibility.facts import Facts
from caseworker.eligibility.findings import Finding, MissingInfo, Reason, explained_later
from caseworker.eligibility.rules.dibao import SUSPENDED, _current_reason
from caseworker.eligibility.template import MissingTemplate, Template, day, plain

_PROGRAM = Program.DIBAO_GRADUAL_EXIT
ABOVE = income_template("gradual_exit.income_above_standard", "低保标准", "Dibao standard")
NOT_RECIPIENT = Template(
    "gradual_exit.current_recipient",
    (),
    ("正在享受低保", "receives Dibao"),
    ("未享受低保，不适用渐退", "does not receive Dibao: gradual exit does not apply"),
)
IN_PERIOD = Template(
    "gradual_exit.in_period",
    (("exit_until", day),),
    (
        "处于渐退期内，渐退期至{exit_until}止",
        "in its gradual exit period, which ends on {exit_until}",
    ),
    (
        "渐退期已于{exit_until}结束，应退出低保",
        "its gradual exit period ended on {exit_until}: exit Dibao",
    ),
)
EMPLOYMENT = Template(
    "gradual_exit.member_working",
    (),
    ("有成员就业或返岗（收入因就业增加）", "a member works (income rose through work)"),
    ("没有成员就业，收入增加不是因就业", "no member works: the rise is not from work"),
)
PERIOD = Template(
    "gradual_exit.period",
    (("months", plain), ("exit_until", day), ("after_poverty_exit", plain)),
    (
        "可给予{months}个月渐退期{poverty_zh}，至{exit_until}止，期间继续发放低保金",
        "a gradual exit period of {months} months{poverty_en} until {exit_until}, "
        "Dibao continuing meanwhile",
    ),
    ("当地政策不设渐退期", "the local policy grants no gradual exit period"),
    extra=lambda values, _args: {
        "poverty_zh": "（脱贫户）" if values["after_poverty_exit"] else "",
        "poverty_en": " (shaken off poverty)" if values["after_poverty_exit"] else "",
    },
)
MISSING_POOR = MissingTemplate(
    "gradual_exit.poor_status_not_recorded",
    "建档立卡（脱贫）情况未登记，影响渐退期长短",
    "registered-poor status is not recorded (it sets the length of the period)",
)("registered_poor")
WORK_KINDS = frozenset({IncomeKind.WAGE, IncomeKind.BUSINESS})


def add_months(day_: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when it has fewer days)."""
    index = day_.year * 12 + day_.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day_.day, last))


def period_end(start: date, months: int) -> date:
    """The last day of a period of ``months`` months that starts on ``start``."""
    return add_months(start, months) - timedelta(days=1)


def _not_recipient(f: Facts) -> Finding:
    finding = f.ctx.memo.get("gradual_exit.none")
    if finding is None:
        finding = f.ctx.memo["gradual_exit.none"] = Finding(
            _PROGRAM, NOT_ELIGIBLE, reasons=(NOT_RECIPIENT(False),)
        )
    return finding


def _after_poverty(f: Facts) -> bool | None:
    poor = f.h.registered_poor
    if poor is None:
        return None
    if poor.status is PoorStatus.REGISTERED:
        return True
    if poor.status is PoorStatus.EXITED and poor.exited_on is not None:
        years = f.ctx.values["gradual_exit.after_poverty_exit_within_years"]
        return poor.exited_on >= add_months(f.ctx.on, -12 * years)
    return False


def _working(f: Facts) -> bool | None:
    unknown = False
    for m in f.h.members:
        if m.returned_to_work:
            return True
        if m.incomes is None:
            unknown = True
        elif any(i.kind in WORK_KINDS and i.monthly_fen for i in m.incomes):
            return True
    return None if unknown else False


def gradual_exit(f: Facts, explain: bool = False) -> Finding:
    """A Dibao household whose income rose above the standard: keep Dibao for a while."""
    ctx = f.ctx
    b = f.dibao_benefit
    if b is None:
        return ctx.memo.get("gradual_exit.none") or _not_recipient(f)
    suspension = ctx.suspension
    monthly: int | None = None
    members = f.member_ids
    missing: tuple[MissingInfo, ...] = ()
    # What the reasons show beyond the current benefit (decided below).
    within = False  # a recorded exit period still running
    above: bool | None = None
    working: bool | None = True
    poverty: bool | None = None
    months = 0
    decision: bool | None = None
    if b.exit_until is not None:
        within = ctx.on <= b.exit_until
        if within or suspension is not None:
            status, monthly = CONTINUE, b.monthly_fen
        else:
            status = EXIT
    else:
        below = f.below_standard
        above = None if below is None else not below
        if ctx.values["gradual_exit.requires_employment"]:
            working = _working(f)
        poverty = _after_poverty(f)
        months = ctx.values["gradual_exit.months"]
        poverty_months = ctx.values["gradual_exit.after_poverty_exit_months"]
        later: list[MissingInfo] = [*f.property.missing]
        if poverty:
            months = poverty_months
        elif poverty is None and months != poverty_months:
            later.append(MISSING_POOR)
        decision = decide((above, f.property.met, working, months > 0))
        if decision and suspension is not None:
            status, monthly = CONTINUE, b.monthly_fen
        elif decision is None:
            status = NEEDS_INFORMATION
            if above is None or working is None:
                later[:0] = f.income.missing
            missing = tuple(later)
        elif not decision:
            status, members = NOT_ELIGIBLE, ()
        else:
            status, monthly = LIKELY_ELIGIBLE, b.monthly_fen
            missing = tuple(m for m in later if m is MISSING_POOR)
    if not explain:
        return explained_later(gradual_exit, f, _PROGRAM, status, monthly, None, members, missing)
    reasons: list[Reason] = [_current_reason(f)]
    suspended_reason = (
        SUSPENDED(
            True, suspension.start, suspension.end, parameters=(ctx.uses["gradual_exit.suspended"],)
        )
        if suspension is not None
        else None
    )
    if b.exit_until is not None:
        reasons.append(IN_PERIOD(bool(within), b.exit_until))
        if not within and suspended_reason is not None:
            reasons.append(suspended_reason)
        return Finding(_PROGRAM, status, monthly, None, members, tuple(reasons), missing)
    reasons.extend(_period_reasons(f, working, poverty, months, decision, suspended_reason))
    return Finding(_PROGRAM, status, monthly, None, members, tuple(reasons), missing)


def _period_reasons(
    f: Facts,
    working: bool | None,
    poverty: bool | None,
    months: int,
    decision: bool | None,
    suspended_reason: Reason | None,
) -> list[Reason]:
    """Why a household with no exit period yet gets one or not: its income above the
    standard, its property, a member working, and the period (or the suspension)."""
    ctx = f.ctx
    reasons: list[Reason] = [f.income_reason()]
    _, above_reason = income_below(f, ABOVE, f.limit_fen, (f.standard_use,), invert=True)
    if above_reason is not None:
        reasons.append(above_reason)
    reasons.extend(f.property.reasons(ctx, f.members))
    if ctx.values["gradual_exit.requires_employment"] and working is not None:
        reasons.append(
            EMPLOYMENT(working, parameters=(ctx.uses["gradual_exit.requires_employment"],))
        )
    months_use = ctx.uses["gradual_exit.months"]
    poverty_use = ctx.uses["gradual_exit.after_poverty_exit_months"]
    if decision and suspended_reason is not None:
        reasons.append(suspended_reason)
    elif decision is False and months == 0:
        reasons.append(PERIOD(False, 0, None, bool(poverty), parameters=(months_use, poverty_use)))
    elif decision:
        until = period_end(ctx.on, months)
        params = (
            months_use,
            poverty_use,
            ctx.uses["gradual_exit.after_poverty_exit_within_years"],
        )
        reasons.append(PERIOD(True, months, until, bool(poverty), parameters=params))
    return reasons
