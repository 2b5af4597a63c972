"""Screening the store's households: the policy pack for each (bundled, or received from
the county), decision records, and what-if comparisons. Used by ``caseworker screen`` and
the desktop app."""

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

from caseworker.domain.bulk import gc_paused
from caseworker.domain.records import Household
from caseworker.eligibility.engine import screen
from caseworker.eligibility.findings import Screening
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Policy, parse_overrides
from caseworker.eligibility.whatif import WhatIf, compare
from caseworker.store.db import Store
from caseworker.store.decisions import household_sha256, latest_decision_key, save_decision
from caseworker.store.households import count_households, iter_households
from caseworker.sync.policies import received_policies

Progress = Callable[[int, int], None]


def policy_library(store: Store | None = None) -> PolicyLibrary:
    """The bundled packs, then those the county sent to this laptop (newer versions win)."""
    received = [] if store is None else received_policies(store)
    return PolicyLibrary(texts=[(f"county:{p.id}@{p.version}", p.text) for p in received])


class PolicyChooser:
    """The policy for each household: one chosen pack, or the pack of its county; with
    what-if ``overrides`` applied when given."""

    def __init__(
        self,
        library: PolicyLibrary,
        chosen: Policy | None = None,
        overrides: Mapping[str, str] | None = None,
    ) -> None:
        self.library = library
        self.overrides = dict(overrides or {})
        self.chosen = chosen.with_overrides(self.overrides) if chosen and self.overrides else chosen
        self.by_county: dict[str, Policy] = {}

    def __call__(self, household: Household) -> Policy:
        if self.chosen is not None:
            return self.chosen
        county = household.village_code[:6]
        policy = self.by_county.get(county)
        if policy is None:
            policy = self.library.policy_for_county(county)
            if self.overrides:
                policy = policy.with_overrides(self.overrides)
            self.by_county[county] = policy
        return policy


def screen_store(
    store: Store,
    *,
    on: date,
    policies: PolicyChooser,
    village_codes: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> list[tuple[Household, Screening]]:
    """Screen households and store a decision record for each (all or nothing: a policy
    error on any household stores none)."""
    with gc_paused(), store.read() as conn:
        total = count_households(conn) if progress is not None else 0
        done = []
        for h in iter_households(conn, village_codes=village_codes):
            done.append((h, screen(h, policies(h), on, explain=True)))
            if progress is not None and len(done) % 200 == 0:
                progress(len(done), total)
    record_screenings(store, done)
    return done


def record_screenings(store: Store, done: Iterable[tuple[Household, Screening]]) -> None:
    """Keep screenings as decision records (one transaction)."""
    with gc_paused(), store.begin() as conn:
        for h, s in done:
            save_decision(conn, s, household_sha256=household_sha256(h), device_id=store.device_id)


def what_if(
    store: Store,
    overrides: Mapping[str, str],
    *,
    on: date,
    library: PolicyLibrary,
    chosen: Policy | None = None,
    village_codes: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> tuple[WhatIf, dict[str, str]]:
    """Which households' findings would change under ``overrides``, and how (nothing
    stored); with the head's name of every household."""
    shown = {name: e.shown for name, e in parse_overrides(dict(overrides)).items()}
    before = PolicyChooser(library, chosen)
    after = PolicyChooser(library, chosen, overrides)
    heads: dict[str, str] = {}
    pairs: list[tuple[Screening, Screening]] = []
    with gc_paused(), store.read() as conn:
        for h in iter_households(conn, village_codes=village_codes):
            pairs.append((screen(h, before(h), on), screen(h, after(h), on)))
            heads[h.id] = h.head.name if h.head else h.id
            if progress is not None and len(pairs) % 200 == 0:
                progress(len(pairs), 0)
    return compare(pairs, shown), heads


class Screener:
    """Screens one household at a time (the desktop app, on every change) and keeps a
    decision record whenever the household, the policy or the day differs from the last."""

    def __init__(self, store: Store, library: PolicyLibrary | None = None) -> None:
        self.store = store
        self.policies = PolicyChooser(library or policy_library(store))

    def __call__(self, household: Household, on: date) -> Screening:
        result = screen(household, self.policies(household), on, explain=True)
        key = (household_sha256(household), result.policy.sha256, on)
        with self.store.read() as conn:
            if latest_decision_key(conn, household.id) == key:
                return result
        with self.store.begin() as conn:
            save_decision(conn, result, household_sha256=key[0], device_id=self.store.device_id)
        return result
