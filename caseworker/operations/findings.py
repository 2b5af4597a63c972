"""The findings for a household today: the one place the household page, the print
centre, ``caseworker print`` and the notices ask.

A stored decision record is reused only when it was made from this very household data,
under this very policy pack, on this very day; otherwise the household is screened again,
so a printed form never says what an older income or an older pack concluded.
"""

from datetime import date

from sqlalchemy import Connection

from caseworker.domain.records import Household
from caseworker.eligibility.engine import screen
from caseworker.eligibility.findings import Screening
from caseworker.eligibility.library import PolicyLibrary
from caseworker.screening import PolicyChooser, policy_library
from caseworker.store.db import Store
from caseworker.store.decisions import household_sha256, latest_decision_key, latest_screening


class CurrentFindings:
    """Answers "what are this household's findings on ``on``?" inside the caller's read
    transaction (nothing is written)."""

    def __init__(self, library: PolicyLibrary, on: date) -> None:
        self.policies = PolicyChooser(library)
        self.on = on

    @classmethod
    def of_store(cls, store: Store, on: date) -> "CurrentFindings":
        """Findings under the packs this laptop has: bundled, and those the county sent."""
        return cls(policy_library(store), on)

    def __call__(self, conn: Connection, household: Household) -> Screening:
        policy = self.policies(household)
        key = (household_sha256(household), policy.sha256, self.on)
        if latest_decision_key(conn, household.id) == key:
            stored = latest_screening(conn, household.id)
            if stored is not None:
                return stored
        return screen(household, policy, self.on, explain=True)
