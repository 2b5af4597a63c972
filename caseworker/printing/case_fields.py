"""The fields of a household form that come from its case rather than its people: the
current benefit, the application, the screening finding the form is about and its
reasons, a notice's dates, the visit an investigation form reports, and a case file's
contents. They register in ``household_fields``' catalogue.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from caseworker.domain.codes import MONTHLY_PROGRAMS, HardshipCause, Program, Stage
from caseworker.domain.records import Application, StageEntry, VisitObservations
from caseworker.domain.wording import (
    appraisal_words,
    causes_words,
    housing_words,
    incomes_words,
    livestock_words,
    notes_words,
    vehicles_words,
)
from caseworker.eligibility.findings import STATUS_LABELS
from caseworker.eligibility.reading import plain_sentence, policy_basis
from caseworker.printing.context import SIGNER_KEY, Item
from caseworker.printing.household_fields import SCALARS, causes_on_record, listing, scalar
from caseworker.printing.text import cn_date, cn_month, next_month, policy_words, yuan

if TYPE_CHECKING:
    from caseworker.printing.context import Values


# --- current benefit, application, screening ----------------------------------------------
SCALARS["benefit.program"] = lambda v: v.benefit.program.zh if v.benefit else ""
SCALARS["benefit.category"] = lambda v: (
    v.benefit.category.zh if v.benefit and v.benefit.category else ""
)
SCALARS["benefit.monthly"] = lambda v: yuan(v.benefit.monthly_fen) if v.benefit else ""
SCALARS["benefit.since"] = lambda v: cn_date(v.benefit.since) if v.benefit else ""
SCALARS["application.program"] = lambda v: v.application.program.zh if v.application else ""
SCALARS["application.date"] = lambda v: cn_date(v.application.applied_on) if v.application else ""
SCALARS["application.stage"] = lambda v: v.application.stage.zh if v.application else ""


@scalar("applied_for")
def _applied_for(v: Values) -> str:
    """申请类别: the program of the application the form is about; without one recorded,
    the benefit in force under the form's programs, else the program the screening found
    the household likely eligible for ("" when none is known: left for a pen)."""
    for program in (
        v.application.program if v.application else None,
        v.benefit.program if v.benefit else None,
        v.finding.program if v.finding else None,
    ):
        if program is not None:
            return program.zh
    return ""


@scalar("programs")
def _programs(v: Values) -> str:
    """救助项目 (a case file's cover): each benefit in force with its Dibao category, then
    each other program the household applied for, with the stage its latest application
    (or review) stands at, e.g. ``最低生活保障　B类；临时救助（入户调查）``."""
    h = v.household
    said = [f"{b.program.zh}　{b.category.zh}" if b.category else b.program.zh for b in h.benefits]
    in_force = {b.program for b in h.benefits}
    latest: dict[Program, Application] = {}
    for application in h.applications:
        if application.program in in_force:
            continue
        before = latest.get(application.program)
        if before is None or application.history[-1].date >= before.history[-1].date:
            latest[application.program] = application
    said += [f"{p.zh}（{a.stage.zh}）" for p, a in latest.items()]
    return "；".join(said)


# --- the decisions of each level (the application's history) ------------------------------
def _said(entry: StageEntry | None) -> str:
    """An opinion as the form's box shows it: the words, then who and when."""
    if entry is None:
        return ""
    who = (
        f"（{entry.worker}，{cn_date(entry.date)}）"
        if entry.worker
        else f"（{cn_date(entry.date)}）"
    )
    said = f"{entry.note}{who}" if entry.note else f"{entry.stage.zh}{who}"
    if entry.appraisal is not None:  # the meeting's record, then the village's own words
        return appraisal_words(entry.appraisal, entry.date) + said
    return said


SCALARS["opinion.village"] = lambda v: _said(v.opinion(Stage.APPRAISAL, Stage.INVESTIGATION))
SCALARS["opinion.township"] = lambda v: _said(v.opinion(Stage.TOWNSHIP_REVIEW))
SCALARS["opinion.county"] = lambda v: _said(v.opinion(Stage.APPROVED, Stage.REFUSED))
SCALARS["benefit.before"] = lambda v: _amount_before(v)
SCALARS["decision.program"] = lambda v: v.decision[0].program.zh if v.decision else ""
SCALARS["decision.date"] = lambda v: cn_date(v.decision[1].date) if v.decision else ""
SCALARS["decision.opinion"] = lambda v: v.decision[1].note if v.decision else ""
SCALARS["decision.start_month"] = lambda v: (
    cn_month(next_month(v.decision[1].date)) if v.decision else ""
)


@scalar("decision.amount")
def _decision_amount(v: Values) -> str:
    """The amount the county approved, said as the notice says it."""
    if v.decision is None or v.decision[1].amount_fen is None:
        return ""
    application, entry = v.decision
    amount = yuan(entry.amount_fen)
    monthly = application.program in MONTHLY_PROGRAMS
    return f"每月{amount}元" if monthly else f"{amount}元（一次性）"


def _amount_before(v: Values) -> str:
    """What a reviewed benefit paid before the county changed it (noted when the review
    started)."""
    if v.decision is None:
        return ""
    before = v.decision[0].history[0].amount_fen
    return "" if before is None else yuan(before)


@scalar("decision.member")
def _decision_member(v: Values) -> str:
    """Whom a single-person inclusion covers (by name)."""
    if v.decision is None:
        return ""
    application, entry = v.decision
    member_id = entry.member_id or application.member_id
    return next((m.name for m in v.household.members if m.id == member_id), "")


@scalar("policy")
def _policy(v: Values) -> str:
    screening = v.hs.screening
    return policy_words([screening.policy.version] if screening is not None else [])


SCALARS["screening.date"] = lambda v: cn_date(v.hs.screening.on) if v.hs.screening else ""
SCALARS["finding.program"] = lambda v: v.finding.program.zh if v.finding else ""
SCALARS["finding.status"] = lambda v: STATUS_LABELS[v.finding.status][0] if v.finding else ""
SCALARS["finding.monthly"] = lambda v: yuan(v.finding.monthly_fen) if v.finding else ""
SCALARS["finding.one_off"] = lambda v: yuan(v.finding.one_off_fen) if v.finding else ""


@scalar("finding.amount")
def _finding_amount(v: Values) -> str:
    """The amount a finding gives, said in words: monthly, one-off, or both."""
    f = v.finding
    if f is None:
        return ""
    parts = []
    if f.monthly_fen is not None:
        parts.append(f"每月{yuan(f.monthly_fen)}元")
    if f.one_off_fen is not None:
        parts.append(f"一次性{yuan(f.one_off_fen)}元")
    return "，".join(parts)


@scalar("finding.members")
def _finding_members(v: Values) -> str:
    if v.finding is None:
        return ""
    names = {m.id: m.name for m in v.household.members}
    return "、".join(names[i] for i in v.finding.members if i in names)


@listing("reasons", "text met")
def _reasons(v: Values) -> list[Item]:
    if v.finding is None:
        return []
    return [
        {"text": plain_sentence(r), "met": "符合" if r.met else "不符合"} for r in v.finding.reasons
    ]


@listing("unmet_reasons", "text")
def _unmet_reasons(v: Values) -> list[Item]:
    if v.finding is None:
        return []
    return [{"text": plain_sentence(r)} for r in v.finding.reasons if not r.met]


@listing("met_reasons", "text")
def _met_reasons(v: Values) -> list[Item]:
    if v.finding is None:
        return []
    return [{"text": plain_sentence(r)} for r in v.finding.reasons if r.met]


@scalar("policy_basis")
def _policy_basis(v: Values) -> str:
    """The policy documents the finding's reasons rest on, one after another."""
    return "；".join(policy_basis(v.finding.reasons)) if v.finding is not None else ""


@listing("missing", "text")
def _missing(v: Values) -> list[Item]:
    if v.finding is None:
        return []
    return [{"text": m.text_zh} for m in v.finding.missing]


# --- a visit (the investigation form), in the words of ``domain.wording`` ---------------
def _observed(v: Values) -> VisitObservations | None:
    visit = v.hs.visit
    return None if visit is None else visit.observations


def _visit_words(say: Callable[[VisitObservations], str]) -> Callable[[Values], str]:
    """A field that says one part of the visit's observations ("" without a visit)."""

    def field(v: Values) -> str:
        observed = _observed(v)
        return "" if observed is None else say(observed)

    return field


SCALARS["visit.date"] = lambda v: cn_date(v.hs.visit.date) if v.hs.visit else ""
SCALARS["visit.purpose"] = lambda v: v.hs.visit.purpose.zh if v.hs.visit else ""
SCALARS["visit.workers"] = lambda v: "、".join(v.hs.visit.workers) if v.hs.visit else ""
SCALARS["visit.conclusion"] = lambda v: v.hs.visit.conclusion if v.hs.visit else ""
SCALARS["visit.notes"] = lambda v: v.hs.visit.notes if v.hs.visit else ""
SCALARS["visit.housing"] = _visit_words(lambda o: housing_words(o.housing))
SCALARS["visit.livestock"] = _visit_words(lambda o: livestock_words(o.livestock))
SCALARS["visit.vehicles"] = _visit_words(lambda o: vehicles_words(o.vehicles))
SCALARS["visit.hardship_causes"] = _visit_words(lambda o: causes_words(o.hardship_causes))


@scalar("visit.incomes")
def _visit_incomes(v: Values) -> str:
    """Each member's incomes as the visit found them, by name."""
    observed = _observed(v)
    return "" if observed is None else incomes_words(observed.incomes, v.household.members)


@scalar("visit.other")
def _visit_other(v: Values) -> str:
    """The investigators' notes on property and expenses, then the visit's own notes."""
    visit = v.hs.visit
    if visit is None:
        return ""
    parts = [notes_words(visit.observations), visit.notes.strip()]
    return "\n".join(p for p in parts if p)


@scalar("application.reason")
def _application_reason(v: Values) -> str:
    """申请理由: the household's own words, as recorded when it applied, then the causes of
    hardship on record (the household's, then those the visit ticked that these do not
    already say). The investigators' conclusion is their opinion, not the applicant's: it
    prints on the investigation form, not here."""
    entry = v.application.latest(Stage.APPLIED) if v.application else None
    words = entry.note.strip() if entry is not None else ""
    known = causes_on_record(v)
    observed = _observed(v)
    ticked = observed.hardship_causes if observed is not None else []
    covered = {cause for cause, _ in known} | {HardshipCause.OTHER}  # "其他" says nothing
    causes = [text for _, text in known]
    causes += [c.zh for c in dict.fromkeys(ticked) if c not in covered]
    return "\n".join(part for part in (words, "；".join(causes)) if part)


@listing("investigators", "name signature signed_at")
def _investigators(v: Values) -> list[Item]:
    visit = v.hs.visit
    if visit is None:
        return []
    return [{"name": name, SIGNER_KEY: f"investigator:{name}"} for name in visit.workers]


@listing("contents", "n title pages first_page")
def _contents(v: Values) -> list[Item]:
    return [
        {
            "n": str(n),
            "title": entry.title,
            "pages": str(entry.pages),
            "first_page": str(entry.first_page),
        }
        for n, entry in enumerate(v.hs.contents, start=1)
    ]
