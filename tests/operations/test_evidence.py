"""What the county's pack asks of a household's file, and how files are taken in under it."""

from datetime import date

from caseworker.domain.codes import Program, Stage
from caseworker.domain.evidence import EvidenceKind, EvidenceLimits
from caseworker.domain.records import Application, StageEntry
from caseworker.eligibility.library import PolicyLibrary
from caseworker.interchange.household_format import parse_household
from caseworker.operations.evidence import (
    household_checklist,
    limits_of,
    programs_needing_evidence,
    required_of,
)

ON = date(2026, 12, 4)


def test_the_bundled_packs_take_photos_as_the_defaults_say() -> None:
    policy = PolicyLibrary().policy_for_county("610423")
    assert limits_of(policy, ON) == EvidenceLimits()
    assert limits_of(policy.with_overrides({"evidence.keep_gps": "true"}), ON).keep_gps


def test_only_applications_under_way_need_evidence(household_data) -> None:  # type: ignore[no-untyped-def]
    h = parse_household(household_data())
    h.applications = [
        Application("a1", Program.DIBAO, [StageEntry("s1", Stage.APPLIED, date(2026, 11, 2))]),
        Application(
            "a2",
            Program.SPECIAL_HARDSHIP,
            [
                StageEntry("s2", Stage.APPLIED, date(2026, 1, 5)),
                StageEntry("s3", Stage.REFUSED, date(2026, 2, 5)),
            ],
        ),
    ]
    assert programs_needing_evidence(h) == [Program.DIBAO]
    policy = PolicyLibrary().policy_for_county("610423")
    required = required_of(policy, [Program.DIBAO], ON)[Program.DIBAO]
    assert EvidenceKind.SIGNED_FORM in required and EvidenceKind.HUKOU in required
    items = household_checklist(h, policy, [], ON)
    assert items and all(i.missing and i.program is Program.DIBAO for i in items)
    assert {i.kind for i in items} >= {EvidenceKind.SIGNED_FORM, EvidenceKind.ID_CARD}
