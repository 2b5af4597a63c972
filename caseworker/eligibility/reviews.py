"""A county's review cycles, read from its policy pack for the procedure's review dates."""

from collections.abc import Callable
from datetime import date

from caseworker.domain.procedure import ReviewRules
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Policy

# The pack whose cycles apply to a county that has no pack of its own.
NATIONAL_PACK = "cn-national"


def review_rules(policy: Policy, on: date) -> ReviewRules:
    """The review cycles and suspensions of ``policy`` in force on ``on``."""
    return ReviewRules(
        stable_months=int(policy.entry("reviews.dibao_stable_months", on).value),
        changeable_months=int(policy.entry("reviews.dibao_changeable_months", on).value),
        hardship_months=int(policy.entry("reviews.special_hardship_months", on).value),
        suspended=tuple((r.start, r.end) for r in policy.entry("reviews.suspended", on).value),
    )


def review_rules_by_county(library: PolicyLibrary, on: date) -> Callable[[str], ReviewRules]:
    """The review rules of each county (by its 6-digit code) on ``on``: its pack's, or the
    national pack's where the county has none."""

    def of(county: str) -> ReviewRules:
        return review_rules(library.policy(library.pack_id_for_county(county) or NATIONAL_PACK), on)

    return of
