"""Make the screening fixture: households and what screening them said, to hold the engine to.

    .venv/bin/python tests/eligibility/make_screening_fixture.py [--same-households]

Writes ``screening_expected.json.xz`` beside this file: a few hundred demo households
(``generate_households``, seed 7), many of them altered so that every kind of missing
record, both hukou types, the Hubei epidemic area and recent emergencies of every kind
occur, and for each of the two example county packs and each date in ``DATES`` the
``finding_to_dict`` form of every finding (or the error screening raised). The households
are stored in their interchange form, so a later change of the demo generator does not
change the test.

The file was made by the engine as it stood before its speed work (issue 3), and is
committed: ``test_screening_fixture.py`` screens the same households and requires the same
output, sentence for sentence. Re-run this script only for a deliberate change of what
screening says, and say so in the commit. ``--same-households`` keeps the households the
fixture holds (the demo generator has changed since) and only screens them again.
"""

import json
import lzma
import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from caseworker.demo.generator import generate_households
from caseworker.domain.codes import EmergencyKind, ExpenseKind, Hukou, PoorStatus
from caseworker.domain.records import Emergency, Expense, Household, RegisteredPoor
from caseworker.domain.validation import ValidationFailed
from caseworker.eligibility.engine import screen
from caseworker.eligibility.findings import finding_to_dict
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Policy, PolicyError
from caseworker.interchange.household_format import household_to_dict, parse_household

FIXTURE = Path(__file__).with_name("screening_expected.json.xz")
PACKS = ("cn-610423-jingyang", "cn-420102-jiangan")
# A third policy: Jingyang with what-if values that take the branches the packs do not
# (tiered amounts, illness costs deducted, non-local people refused, amounts to the fen).
WHAT_IF = {
    "amounts.rounding": "fen",
    "dibao.method": "tiered",
    "dibao.categories": "[{category: A, when: [elderly_alone, all_unable_to_work], "
    "amount_per_person: '300.00'}, {category: B, when: [severe_disability], "
    "amount_per_person: '200.00'}, {category: C, when: [serious_illness], "
    "amount_per_person: '150.00'}]",
    "dibao.income.deduct_illness_costs": "true",
    "dibao.single_person.illnesses": "['*']",
    "temporary_assistance.non_local_allowed": "false",
    "gradual_exit.requires_employment": "false",
    "price_subsidy.method": "standard_times_rise",
}
# Before the county standards (refused), 2019 (the price subsidy not triggered, then
# triggered by food prices), the 2020 standards, the leap day, inside the doubling, the day
# after it, and a month missing from the CPI series.
DATES = (
    date(2018, 12, 31),
    date(2019, 2, 15),
    date(2019, 6, 15),
    date(2020, 1, 10),
    date(2020, 2, 29),
    date(2020, 4, 15),
    date(2020, 7, 1),
    date(2021, 3, 1),
)
AS_OF = date(2020, 4, 15)  # the day the demo households are generated for
PARSE_TODAY = date(2021, 12, 31)  # expenses and emergencies may lie after AS_OF
HOUSEHOLDS = 320
JIANGAN_VILLAGE = "420102001001"


def _alter(h: Household, rng: random.Random) -> None:
    """Leave something unrecorded, move the household, or give it an emergency."""
    members = h.members
    for m in members:
        roll = rng.random()
        if roll < 0.06:
            m.incomes = None
        elif roll < 0.10:
            m.returned_to_work = None
        elif roll < 0.14:
            m.labor_capacity = None
        elif roll < 0.18:
            m.disability = None
        elif roll < 0.22:
            m.serious_illness = None
        elif roll < 0.25:
            m.self_care_impossible = None
        elif roll < 0.28:
            m.orphan = None
            m.de_facto_unsupported_child = None
    roll = rng.random()
    if roll < 0.08:
        h.assets = None
    elif roll < 0.14:
        h.local_resident = None
    elif roll < 0.20:
        h.local_resident = False
    elif roll < 0.26:
        h.legal_supporters = None
    elif roll < 0.30:
        h.expenses = None
    elif roll < 0.34:
        h.registered_poor = None
    elif roll < 0.38:
        h.registered_poor = RegisteredPoor(PoorStatus.EXITED, date(2019, 12, 1))
    if rng.random() < 0.35:
        h.village_code = JIANGAN_VILLAGE
        h.hukou = rng.choice((Hukou.URBAN, Hukou.RURAL))
    if rng.random() < 0.2:
        kind = rng.choice(list(EmergencyKind))
        when = rng.choice(DATES[1:]) - timedelta(days=rng.randrange(0, 120))
        h.emergency = Emergency(kind, when, "fixture")
        if h.expenses is not None and rng.random() < 0.7:
            h.expenses.append(
                Expense(
                    f"{h.id[:-4]}e{rng.randrange(1000):03d}",
                    rng.choice(list(ExpenseKind)),
                    rng.randrange(1, 5_000_000),
                    when,
                )
            )


def fixture_households() -> list[dict[str, Any]]:
    """The interchange form of the fixture's households (each one parses back as it is)."""
    rng = random.Random(7)
    out: list[dict[str, Any]] = []
    for h in generate_households(HOUSEHOLDS, seed=7, as_of=AS_OF):
        plain = household_to_dict(h)
        if len(out) >= 5:  # the seed-article stories stay as they are
            _alter(h, rng)
        altered = household_to_dict(h)
        try:
            parse_household(altered, today=PARSE_TODAY)
        except ValidationFailed:
            altered = plain  # a change the household format refuses: keep the original
        out.append(altered)
    return out


def policies() -> dict[str, Policy]:
    """The policies screened under, by a key naming each."""
    library = PolicyLibrary()
    chosen = {pack: library.policy(pack) for pack in PACKS}
    chosen[f"{PACKS[0]}+what-if"] = library.policy(PACKS[0]).with_overrides(WHAT_IF)
    return chosen


def expected(households: list[dict[str, Any]]) -> dict[str, Any]:
    """What screening says about each household, by pack and date."""
    parsed = [parse_household(d, today=PARSE_TODAY) for d in households]
    results: dict[str, Any] = {}
    for key, policy in policies().items():
        for on in DATES:
            rows: list[Any] = []
            for h in parsed:
                try:
                    s = screen(h, policy, on)
                except PolicyError as exc:
                    rows.append({"error": str(exc)})
                    continue
                rows.append({"findings": [finding_to_dict(f) for f in s.findings]})
            results[f"{key}@{on.isoformat()}"] = rows
    return results


def main() -> int:
    if "--same-households" in sys.argv[1:]:
        households = json.loads(lzma.decompress(FIXTURE.read_bytes()))["households"]
    else:
        households = fixture_households()
    document = {
        "households": households,
        "parse_today": PARSE_TODAY.isoformat(),
        "screenings": expected(households),
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=0)
    FIXTURE.write_bytes(lzma.compress(text.encode(), preset=9 | lzma.PRESET_EXTREME))
    print(f"{FIXTURE.name}: {len(households)} households, {FIXTURE.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
