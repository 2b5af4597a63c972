"""``screen(household, policy, on=date)``: one finding per program, with its reasons."""

from datetime import date

from caseworker.domain.records import Household
from caseworker.eligibility.context import context_for
from caseworker.eligibility.facts import Facts
from caseworker.eligibility.findings import Screening
from caseworker.eligibility.policy import Policy
from caseworker.eligibility.rules.dibao import dibao, marginal, single_person
from caseworker.eligibility.rules.gradual_exit import gradual_exit
from caseworker.eligibility.rules.hardship import special_hardship
from caseworker.eligibility.rules.subsidies import epidemic_relief, price_subsidy
from caseworker.eligibility.rules.temporary import temporary_assistance

# In the order of the domain brief; a Screening's findings follow it.
PROGRAM_RULES = (
    dibao,
    single_person,
    marginal,
    gradual_exit,
    special_hardship,
    temporary_assistance,
    price_subsidy,
    epidemic_relief,
)


def screen(
    household: Household, policy: Policy, on: date | None = None, *, explain: bool = True
) -> Screening:
    """Screen one household for every program under ``policy`` as in force on ``on``
    (default today). Raises PolicyError if a parameter has no value in force on that day.

    Every finding's decision (status, amounts, members, what is missing) and its reasons
    are made here, so the household may be changed afterwards without touching them.
    ``explain=False`` only decides: each finding's reasons are then made when first read,
    by running its rule again on the same household, which the caller must not change in
    between (a change that alters the decision is refused). It is for callers that screen
    many households and read few reasons (what-if), where explaining all would cost more
    than deciding.
    """
    day = on or date.today()
    ctx = policy.cache.get(day)
    if ctx is None:
        ctx = context_for(policy, day)
    f = Facts(household, ctx)
    # Called by name, not through PROGRAM_RULES: compiled, these are direct C calls.
    findings = (
        dibao(f, explain),
        single_person(f, explain),
        marginal(f, explain),
        gradual_exit(f, explain),
        special_hardship(f, explain),
        temporary_assistance(f, explain),
        price_subsidy(f, explain),
        epidemic_relief(f, explain),
    )
    # Screening's own constructor, without its argument handling: one per household.
    return _new_tuple(Screening, (household.id, day, ctx.ref, findings))


_new_tuple = tuple.__new__
