"""Screening the store's households: the policy pack for each (bundled, or received from
the county), decision records, and what-if comparisons. Used by ``caseworker screen`` and
the desktop app."""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection

from caseworker.domain.bulk import gc_paused
from caseworker.domain.codes import Program
from caseworker.domain.records import Household
from caseworker.eligibility.engine import screen
from caseworker.eligibility.findings import ParameterUse, Screening, Status
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Policy, parse_overrides
from caseworker.eligibility.whatif import WhatIf, compare
from caseworker.store.db import Store
from caseworker.store.decisions import (
    LatestRecord,
    NewDecision,
    household_sha256,
    keep_parameters,
    latest_records,
    legacy_household_sha256,
    new_decision,
    renew_records,
    same_findings,
    same_in_older_form,
    write_decisions,
)
from caseworker.store.households import count_households, household_ids, iter_households
from caseworker.store.policy_packs import received_policies

Progress = Callable[[int, int], None]
# A whole-store screening reports progress on this scale: reading and screening take this
# share of it, writing the records the rest (measured: about 0.9 of the time on a first run
# of 20,000 households; on a run that changes nothing, writing takes no time at all).
PROGRESS_SCALE = 1000
SCREENING_SHARE = 0.9
WRITE_BATCH = 2000


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


@dataclass
class ScreeningRun:
    """What a screening of the store did: households screened, how many got a new decision
    record (a first screening, or a result that changed), and the tallies of the results."""

    on: date
    screened: int = 0
    changed: int = 0
    counts: Counter[tuple[Program, Status]] = field(default_factory=Counter)
    monthly_fen: Counter[Program] = field(default_factory=Counter)
    one_off_fen: Counter[Program] = field(default_factory=Counter)

    def add(self, screening: Screening) -> None:
        self.screened += 1
        for f in screening.findings:
            self.counts[f.program, f.status] += 1
            if f.status is Status.LIKELY_ELIGIBLE or f.status is Status.CONTINUE:
                self.monthly_fen[f.program] += f.monthly_fen or 0
                self.one_off_fen[f.program] += f.one_off_fen or 0


class _Recorder:
    """Compares fresh screenings with the households' latest records (loaded in one query)
    and gathers the records to write: only where the household, the policy or a finding
    differs."""

    def __init__(self, latest: dict[str, LatestRecord]) -> None:
        self.latest = latest
        self.pending: list[NewDecision] = []
        self.uses: dict[str, dict[str, ParameterUse]] = {}
        # Unchanged households whose record has the fingerprint of before store 0009 or
        # findings in an older form: (record id, fingerprint, findings) to write anew.
        self.renewed: list[tuple[str, str, str]] = []

    def consider(self, household: Household, screening: Screening) -> bool:
        """Whether the screening needs a new record (then it is gathered)."""
        digest = household_sha256(household)
        record, uses = new_decision(screening, digest)
        last = self.latest.get(household.id)
        if last is not None and last.policy_sha256 == screening.policy.sha256:
            same = same_findings(last.findings, record.findings)
            if same and last.household_sha256 == digest:
                return False
            if (same or same_in_older_form(last.findings, screening.findings, uses)) and (
                last.household_sha256 == digest
                or last.household_sha256 == legacy_household_sha256(household)
            ):
                self.renewed.append((last.id, digest, record.findings))
                return False
        self.pending.append(record)
        self.uses.setdefault(screening.policy.sha256, {}).update(uses)
        return True

    def write(self, store: Store, progress: Progress | None = None) -> int:
        """Write the gathered records in batches, in one transaction (a cancel raised by
        ``progress`` stores none); how many."""
        pending = self.pending
        with gc_paused(), store.begin() as conn:
            renew_records(conn, self.renewed)
            keep_parameters(conn, self.uses)
            for start in range(0, len(pending), WRITE_BATCH):
                write_decisions(
                    conn, pending[start : start + WRITE_BATCH], device_id=store.device_id
                )
                if progress is not None:
                    progress(min(start + WRITE_BATCH, len(pending)), len(pending))
        return len(pending)


def screen_store(
    store: Store,
    *,
    on: date,
    policies: PolicyChooser,
    village_codes: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> ScreeningRun:
    """Screen households and keep a decision record for each whose result is new or changed
    (all or nothing: a policy error on any household, or a cancel, stores none).

    ``progress`` hears (done, total) in steps of a scale of ``PROGRESS_SCALE``: reading and
    screening the households fill the first ``SCREENING_SHARE`` of it, writing the rest."""
    run = ScreeningRun(on)
    share = SCREENING_SHARE * PROGRESS_SCALE
    with gc_paused(), store.read() as conn:
        total = _count(conn, village_codes) if progress is not None else 0
        # Only these villages' records: the whole store's would be read for one village.
        wanted = None if village_codes is None else household_ids(conn, village_codes=village_codes)
        recorder = _Recorder(latest_records(conn, wanted))
        for h in iter_households(conn, village_codes=village_codes):
            s = screen(h, policies(h), on, explain=True)
            run.add(s)
            recorder.consider(h, s)
            if progress is not None and run.screened % 200 == 0:
                progress(int(share * run.screened / max(total, 1)), PROGRESS_SCALE)
    if progress is not None:
        progress(int(share), PROGRESS_SCALE)

    def writing(done: int, of: int) -> None:
        # Up to one step short of the end: the end is reported once the records are kept.
        assert progress is not None
        step = int(share + (PROGRESS_SCALE - 1 - share) * done / max(of, 1))
        progress(step, PROGRESS_SCALE)

    run.changed = recorder.write(store, writing if progress is not None else None)
    if progress is not None:
        progress(PROGRESS_SCALE, PROGRESS_SCALE)
    return run


def _count(conn: Connection, village_codes: Sequence[str] | None) -> int:
    if village_codes is None:
        return count_households(conn)
    return sum(count_households(conn, village_code=code) for code in village_codes)


def record_screenings(store: Store, done: Iterable[tuple[Household, Screening]]) -> int:
    """Keep screenings as decision records where new or changed (one transaction); how
    many were written."""
    done = list(done)
    with store.read() as conn:
        recorder = _Recorder(latest_records(conn, [h.id for h, _ in done]))
    for h, s in done:
        recorder.consider(h, s)
    return recorder.write(store)


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
            # Decided only: these households are read here and never changed, and the
            # reasons of the few whose findings differ are made when compared.
            pairs.append(
                (
                    screen(h, before(h), on, explain=False),
                    screen(h, after(h), on, explain=False),
                )
            )
            heads[h.id] = h.head.name if h.head else h.id
            if progress is not None and len(pairs) % 200 == 0:
                progress(len(pairs), 0)
    return compare(pairs, shown), heads


class Screener:
    """Screens one household at a time (the desktop app, on every change) and keeps a
    decision record whenever the household, the policy or a finding differs from the
    household's latest record."""

    def __init__(self, store: Store, library: PolicyLibrary | None = None) -> None:
        self.store = store
        library = library or policy_library(store)
        self.policies = PolicyChooser(library)
        # The official calendar with the years the packs carry (for the time limits).
        self.calendar = library.work_calendar()

    def __call__(self, household: Household, on: date) -> Screening:
        result = screen(household, self.policies(household), on, explain=True)
        record_screenings(self.store, [(household, result)])
        return result
