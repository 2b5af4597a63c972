"""Findings decided at screening and explained when read: the same reasons, made once."""

from datetime import date

import pytest

from caseworker.domain.codes import DisabilityType, IncomeKind, LaborCapacity, Program, Relation
from caseworker.domain.records import Disability, Household
from caseworker.eligibility import Status, screen
from caseworker.eligibility.findings import Finding, finding_from_dict, finding_to_dict
from tests.eligibility.helpers import finding, household, jingyang, member

ON = date(2020, 4, 15)


def _poor_household() -> Household:
    return household([member(ON, 45, incomes=[(IncomeKind.FARMING, 100)]), member(ON, 15)])


def test_reasons_are_made_on_first_read_and_kept() -> None:
    s = screen(_poor_household(), jingyang(), ON, explain=False)
    f = finding(s, Program.DIBAO)
    assert f.status is Status.LIKELY_ELIGIBLE
    first = f.reasons
    assert [r.rule for r in first][:2] == ["income.per_capita", "dibao.income_below_standard"]
    assert f.reasons is first  # not made again
    # The income steps are one reason shared by the programs that show them.
    marginal = finding(s, Program.MARGINAL)
    assert marginal.reasons[0] is first[0]


def test_a_finding_reads_back_equal_and_compares_by_content() -> None:
    s = screen(_poor_household(), jingyang(), ON)
    for f in s.findings:
        again = finding_from_dict(finding_to_dict(f))
        assert again == f
        assert isinstance(again, Finding)
    assert screen(_poor_household(), jingyang(), ON).findings[0] != s.findings[1]


def _elder_and_son() -> Household:
    return household(
        [
            member(ON, 75, name="孙奶奶", labor=LaborCapacity.NONE),
            member(ON, 45, name="孙强", relation=Relation.CHILD),
        ]
    )


def test_a_household_changed_before_the_reasons_are_read_is_refused() -> None:
    # Income, property and ages are worked out at screening and kept with the finding; a
    # member's record is read again when the reasons are made.
    h = _elder_and_son()
    s = screen(h, jingyang(), ON, explain=False)
    f = finding(s, Program.SPECIAL_HARDSHIP)
    assert f.status is Status.NOT_ELIGIBLE  # the son can support her
    h.members[1].disability = Disability(DisabilityType.PHYSICAL, 1)
    with pytest.raises(RuntimeError, match="screen it again"):
        f.reasons  # noqa: B018
    # A finding whose reasons were read before the change keeps them.
    h2 = _elder_and_son()
    s2 = screen(h2, jingyang(), ON, explain=False)
    kept = finding(s2, Program.SPECIAL_HARDSHIP).reasons
    h2.members[1].disability = Disability(DisabilityType.PHYSICAL, 1)
    assert finding(s2, Program.SPECIAL_HARDSHIP).reasons is kept


def test_by_default_a_household_changed_after_screening_keeps_its_reasons() -> None:
    h = _elder_and_son()
    f = finding(screen(h, jingyang(), ON), Program.SPECIAL_HARDSHIP)
    h.members[1].disability = Disability(DisabilityType.PHYSICAL, 1)
    h.members[1].name = "孙改名"
    said = " ".join(r.text_zh for r in f.reasons)
    assert f.status is Status.NOT_ELIGIBLE and "孙改名" not in said


def test_a_finding_given_its_reasons_keeps_them() -> None:
    f = Finding(Program.DIBAO, Status.NOT_ELIGIBLE)
    assert f.reasons == ()
    assert f.members == () and f.missing == ()
    assert "not_eligible" in repr(f)
