"""The evidence checklist: what a program's file needs of a household and of each member,
and which attachments provide it."""

from datetime import UTC, date, datetime

from caseworker.domain.codes import DisabilityType, Hukou, Program, Relation, Sex, Stage
from caseworker.domain.evidence import Attachment, EvidenceKind, MediaType, checklist
from caseworker.domain.records import Application, Disability, Household, Member, StageEntry

ON = date(2026, 12, 4)


def member(id_: str, name: str, born: date, **facts: object) -> Member:
    return Member(id_, name, "", Relation.HEAD, born, Sex.MALE, **facts)  # type: ignore[arg-type]


def household(*members: Member, programs: tuple[Program, ...] = ()) -> Household:
    applications = [
        Application(f"a{i}", p, [StageEntry(f"s{i}", Stage.APPLIED, date(2026, 11, 2))])
        for i, p in enumerate(programs)
    ]
    return Household("h", "610423100201", "", Hukou.RURAL, list(members), applications=applications)


def attached(
    id_: str, kind: EvidenceKind, member_id: str | None = None, **more: object
) -> Attachment:
    return Attachment(
        id_,
        "h",
        kind,
        ON,
        "",
        "王建华",
        datetime(2026, 12, 4, tzinfo=UTC),
        "0" * 64,
        MediaType.JPEG,
        100,
        1,
        member_id=member_id,
        **more,  # type: ignore[arg-type]
    )


FATHER = member("m1", "张学林", date(1960, 5, 1), disability=Disability(DisabilityType.PHYSICAL, 2))
SON = member("m2", "张小明", date(2012, 3, 1), disability=Disability(DisabilityType.NONE))
WIFE = member("m3", "李秀英", date(1962, 8, 9), serious_illness="尿毒症")


def test_an_id_card_is_asked_of_each_member_of_16_or_over_and_the_rest_of_the_household() -> None:
    h = household(FATHER, SON, WIFE)
    required = {Program.DIBAO: (EvidenceKind.ID_CARD, EvidenceKind.HUKOU)}
    items = checklist(h, required, [attached("x", EvidenceKind.ID_CARD, "m1")], ON)
    said = [(i.text_zh, i.missing) for i in items]
    assert said == [
        ("张学林的居民身份证", False),
        ("李秀英的居民身份证", True),
        ("户口簿", True),
    ]


def test_a_certificate_is_asked_only_of_disabled_members_and_a_diagnosis_of_the_ill() -> None:
    h = household(FATHER, SON, WIFE)
    required = {Program.DIBAO: (EvidenceKind.DISABILITY_CERTIFICATE, EvidenceKind.DIAGNOSIS)}
    items = checklist(h, required, [], ON)
    assert [(i.kind, i.member.name if i.member else None) for i in items] == [
        (EvidenceKind.DISABILITY_CERTIFICATE, "张学林"),
        (EvidenceKind.DIAGNOSIS, "李秀英"),
    ]
    # Another member's certificate does not count for the father.
    wrong = [attached("y", EvidenceKind.DISABILITY_CERTIFICATE, "m2")]
    assert checklist(h, required, wrong, ON)[0].missing


def test_a_removed_attachment_provides_nothing() -> None:
    h = household(FATHER)
    required = {Program.DIBAO: (EvidenceKind.HUKOU,)}
    removed = attached(
        "z",
        EvidenceKind.HUKOU,
        removed_at=datetime(2026, 12, 4, tzinfo=UTC),
        removed_reason="拍糊了",
    )
    assert checklist(h, required, [removed], ON)[0].missing
    kept = attached("k", EvidenceKind.HUKOU)
    assert checklist(h, required, [removed, kept], ON)[0].provided_by == ("k",)
