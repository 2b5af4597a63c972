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


def _photo() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 40), (90, 120, 150)).save(out, "PNG")
    return out.getvalue()


def test_the_home_list_names_households_whose_application_lacks_documents(  # type: ignore[no-untyped-def]
    store, household_data
) -> None:
    from caseworker.domain.codes import WorkerRole
    from caseworker.interchange.evidence_files import prepare
    from caseworker.operations.applications import start_application
    from caseworker.operations.evidence import (
        AttachRequest,
        FileToAttach,
        attach_files,
        households_missing_evidence,
    )
    from caseworker.screening import PolicyChooser, policy_library
    from caseworker.store.households import save_household

    h = parse_household(household_data())
    quiet = parse_household(household_data(id="5f0c3c7e-8f5b-4a4e-9d0e-2b7c1f6a9e01"))
    quiet.members = quiet.members[:1]
    quiet.members[0].id_number = "610423195001010015"
    save_household(store, h)
    save_household(store, quiet)
    entry = {"date": "2026-11-02", "worker": "张明", "note": ""}
    start_application(store, h.id, program=Program.DIBAO, entry=entry, role=WorkerRole.VILLAGE)
    chooser = PolicyChooser(policy_library(store))

    def listed() -> dict[str, int]:
        found = households_missing_evidence(store, scope=None, on=ON, policy_of=chooser)
        return {m.household_id: len(m.missing) for m in found}

    before = listed()
    assert list(before) == [h.id]  # the household without an application is not listed
    photo = FileToAttach("户口簿.png", prepare(_photo(), "户口簿.png", EvidenceLimits()), ON)
    attach_files(store, [photo], AttachRequest(h.id, EvidenceKind.HUKOU), "张明")
    assert listed()[h.id] == before[h.id] - 1
    assert households_missing_evidence(store, scope="999999", on=ON, policy_of=chooser) == []
