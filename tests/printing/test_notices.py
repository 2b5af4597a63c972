"""Notices cite the screening's reasons; without the finding they need, none is printed."""

import pytest

from caseworker.domain.codes import Program
from caseworker.domain.records import Household
from caseworker.domain.validation import ValidationFailed
from caseworker.eligibility.findings import Status
from caseworker.printing.documents import render_form
from tests.printing.helpers import MET, MET_2, ON, POLICY, REGIONS, UNMET, page_texts, screening


def notice(name: str, h: Household, **kwargs: object) -> str:
    pdf = render_form(name, h, regions=REGIONS, printed_on=ON, **kwargs)  # type: ignore[arg-type]
    return page_texts(pdf)[0]


def test_an_approval_cites_the_conditions_met_and_the_amount(zhang: Household) -> None:
    s = screening(zhang, reasons=(MET, MET_2, UNMET), monthly_fen=90_000)
    text = notice("notice-approval", zhang, screening=s)
    assert "最低生活保障批准通知书" in text
    assert f"张学林（身份证号码：{zhang.members[0].id_number}）" in text
    assert "决定自2026年12月起给予最低生活保障，救助金额为每月900.00元" in text
    assert "1." + MET.text_zh in text and "2." + MET_2.text_zh in text
    assert UNMET.text_zh not in text
    assert f"政策包：{POLICY.id}{POLICY.version}" in text


def test_a_single_person_inclusion_names_the_member_covered(zhang: Household) -> None:
    ill = zhang.members[1]
    s = screening(zhang, Program.DIBAO_SINGLE_PERSON, members=(ill.id,), reasons=(MET,))
    text = notice("notice-approval", zhang, screening=s)
    assert "单人户施保批准通知书" in text
    assert f"本次纳入保障的家庭成员：{ill.name}" in text


def test_a_refusal_cites_the_conditions_not_met(zhang: Household) -> None:
    s = screening(zhang, status=Status.NOT_ELIGIBLE, monthly_fen=None, reasons=(MET, UNMET))
    text = notice("notice-refusal", zhang, screening=s)
    assert "最低生活保障不予批准通知书" in text
    assert "1." + UNMET.text_zh in text
    assert MET.text_zh not in text


def test_a_change_gives_the_old_and_new_amounts(zhang: Household) -> None:
    s = screening(zhang, status=Status.CONTINUE, monthly_fen=98_000, reasons=(MET,))
    text = notice("notice-change", zhang, screening=s)
    assert "由每月900.00元调整为每月980.00元" in text


def test_a_stoppage_cites_why_and_the_amount_stopped(zhang: Household) -> None:
    s = screening(zhang, status=Status.EXIT, monthly_fen=None, reasons=(UNMET,))
    text = notice("notice-stoppage", zhang, screening=s)
    assert "停止最低生活保障通知书" in text
    assert "原每月900.00元" in text and UNMET.text_zh in text


@pytest.mark.parametrize(
    ("name", "status", "monthly", "field", "words"),
    [
        ("notice-approval", None, None, "screening", "还没有资格筛查结果"),
        ("notice-approval", Status.NOT_ELIGIBLE, None, "screening", "可能符合条件"),
        ("notice-refusal", Status.LIKELY_ELIGIBLE, 90_000, "screening", "不符合条件"),
        ("notice-change", Status.CONTINUE, 90_000, "benefits", "无需变更"),
    ],
)
def test_a_notice_without_the_finding_it_needs_is_refused(
    zhang: Household,
    name: str,
    status: Status | None,
    monthly: int | None,
    field: str,
    words: str,
) -> None:
    s = None if status is None else screening(zhang, status=status, monthly_fen=monthly)
    with pytest.raises(ValidationFailed) as failed:
        render_form(name, zhang, regions=REGIONS, screening=s, printed_on=ON)
    error = failed.value.errors[0]
    assert error.field == field
    assert words in error.message_zh
    assert error.message_en and "张学林" in error.message_zh


def test_a_screening_of_another_household_is_refused(
    zhang: Household, demo_households: list[Household]
) -> None:
    s = screening(demo_households[1])
    with pytest.raises(ValidationFailed, match="another household"):
        render_form("notice-approval", zhang, regions=REGIONS, screening=s)


def test_the_program_can_be_chosen_when_a_screening_has_several(zhang: Household) -> None:
    from caseworker.eligibility.findings import Finding

    s = screening(zhang, reasons=(MET,))
    temp = Finding(Program.TEMPORARY_ASSISTANCE, Status.LIKELY_ELIGIBLE, None, 400_000)
    s = s._replace(findings=(*s.findings, temp))  # Screening is a NamedTuple
    assert "最低生活保障批准通知书" in notice("notice-approval", zhang, screening=s)
    text = notice("notice-approval", zhang, screening=s, program=Program.TEMPORARY_ASSISTANCE)
    assert "临时救助批准通知书" in text and "一次性4000.00元" in text
