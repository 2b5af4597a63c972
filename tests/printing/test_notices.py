"""Notices of approval and refusal print the decision the county recorded (never a
screening's guess), citing the screening's reasons; change and stoppage notices need the
finding they report; without what they need, none is printed."""

from datetime import date

import pytest

from caseworker.domain.codes import Program, Stage
from caseworker.domain.records import Application, Household, StageEntry
from caseworker.domain.validation import ValidationFailed
from caseworker.eligibility.findings import Status
from caseworker.printing.documents import render_form
from tests.printing.helpers import MET, MET_2, ON, POLICY, REGIONS, UNMET, page_texts, screening


def notice(name: str, h: Household, **kwargs: object) -> str:
    pdf = render_form(name, h, regions=REGIONS, printed_on=ON, **kwargs)  # type: ignore[arg-type]
    return page_texts(pdf)[0]


def decided(
    h: Household,
    stage: Stage,
    program: Program = Program.DIBAO,
    *,
    amount_fen: int | None = None,
    note: str = "",
    member_id: str | None = None,
) -> Household:
    """The household with an application the county decided (approved or refused)."""
    entries = [
        StageEntry("0b7f3c9e-1111-4c1e-8a11-000000000001", Stage.APPLIED, date(2026, 9, 1)),
        StageEntry(
            "0b7f3c9e-1111-4c1e-8a11-000000000002",
            stage,
            date(2026, 10, 20),
            "周敏",
            note,
            amount_fen,
            member_id,
        ),
    ]
    h.applications = [
        Application("0b7f3c9e-1111-4c1e-8a11-000000000000", program, entries, member_id)
    ]
    return h


def test_an_approval_prints_the_recorded_decision_and_cites_the_conditions_met(
    zhang: Household,
) -> None:
    s = screening(zhang, reasons=(MET, MET_2, UNMET), monthly_fen=90_000)
    decided(zhang, Stage.APPROVED, amount_fen=85_000, note="同意纳入农村低保")
    text = notice("notice-approval", zhang, screening=s)
    assert "最低生活保障批准通知书" in text
    assert f"张学林（身份证号码：{zhang.members[0].id_number}）" in text
    # The amount and the start month are the county's (decided 2026-10-20), not the
    # screening's 900.00 or the print date's month.
    assert "决定自2026年11月起给予最低生活保障，救助金额为每月850.00元" in text
    assert "审批意见：同意纳入农村低保" in text
    assert "1." + MET.text_zh in text and "2." + MET_2.text_zh in text
    assert UNMET.text_zh not in text
    assert "2026年10月20日" in text
    assert f"计算依据：本县社会救助政策（{POLICY.version}版）" in text


def test_a_single_person_inclusion_names_the_member_covered(zhang: Household) -> None:
    ill = zhang.members[1]
    s = screening(zhang, Program.DIBAO_SINGLE_PERSON, members=(ill.id,), reasons=(MET,))
    decided(zhang, Stage.APPROVED, Program.DIBAO_SINGLE_PERSON, amount_fen=40_000, member_id=ill.id)
    text = notice("notice-approval", zhang, screening=s)
    assert "单人户施保批准通知书" in text
    assert f"本次纳入保障的家庭成员：{ill.name}" in text


def test_a_refusal_prints_the_county_reason_and_the_conditions_not_met(zhang: Household) -> None:
    s = screening(zhang, status=Status.NOT_ELIGIBLE, monthly_fen=None, reasons=(MET, UNMET))
    decided(zhang, Stage.REFUSED, note="家庭人均收入高于当地低保标准")
    text = notice("notice-refusal", zhang, screening=s)
    assert "最低生活保障不予批准通知书" in text
    assert "家庭人均收入高于当地低保标准" in text
    assert "1." + UNMET.text_zh in text
    assert MET.text_zh not in text


def test_no_notice_of_a_decision_nobody_recorded(zhang: Household) -> None:
    s = screening(zhang, reasons=(MET,), monthly_fen=90_000)  # likely eligible, not decided
    for name in ("notice-approval", "notice-refusal"):
        with pytest.raises(ValidationFailed) as failed:
            render_form(name, zhang, regions=REGIONS, screening=s, printed_on=ON)
        [error] = failed.value.errors
        assert error.field == "applications" and "县级审批结果" in error.message_zh
    decided(zhang, Stage.APPROVED, amount_fen=90_000)
    with pytest.raises(ValidationFailed):  # approved: no refusal to print
        render_form("notice-refusal", zhang, regions=REGIONS, screening=s, printed_on=ON)


def reviewed(
    h: Household, stage: Stage, *, amount_fen: int | None = None, note: str = ""
) -> Household:
    """The household with a review (复核) of its Dibao the county decided: a change of
    the amount or a stop, as recorded in the app (900.00 a month when the review began)."""
    entries = [
        StageEntry("0b7f3c9e-3333-4c1e-8a11-000000000001", Stage.REVIEW, date(2026, 9, 1)),
        StageEntry("0b7f3c9e-3333-4c1e-8a11-000000000002", stage, date(2026, 10, 20), "周敏", note),
    ]
    entries[0].amount_fen = 90_000
    entries[1].amount_fen = amount_fen
    h.applications = [Application("0b7f3c9e-3333-4c1e-8a11-000000000000", Program.DIBAO, entries)]
    return h


def test_a_change_prints_the_countys_decision_with_the_old_and_new_amounts(
    zhang: Household,
) -> None:
    s = screening(zhang, status=Status.CONTINUE, monthly_fen=99_000, reasons=(MET,))
    reviewed(zhang, Stage.CHANGED, amount_fen=98_000, note="收入减少，调整保障金额")
    text = notice("notice-change", zhang, screening=s)
    # The county's amount (980.00), not the screening's 990.00; from the month after.
    assert "决定自2026年11月起" in text and "由每月900.00元调整为每月980.00元" in text
    assert "审批意见：收入减少，调整保障金额" in text and "2026年10月20日" in text
    assert MET.text_zh in text


def test_a_stoppage_prints_the_countys_decision_and_the_reasons(zhang: Household) -> None:
    s = screening(zhang, status=Status.EXIT, monthly_fen=None, reasons=(UNMET,))
    reviewed(zhang, Stage.STOPPED, note="家庭收入超过低保标准")
    text = notice("notice-stoppage", zhang, screening=s)
    assert "停止最低生活保障通知书" in text and "决定自2026年11月起停止发放" in text
    assert "原每月900.00元" in text and UNMET.text_zh in text
    assert "审批意见：家庭收入超过低保标准" in text


@pytest.mark.parametrize(
    ("name", "stage"),
    [("notice-change", None), ("notice-stoppage", None), ("notice-stoppage", Stage.CHANGED)],
)
def test_a_change_or_stoppage_notice_needs_the_countys_decision(
    zhang: Household, name: str, stage: Stage | None
) -> None:
    """The day's screening alone (here: exit) never issues a change or a stoppage."""
    s = screening(zhang, status=Status.EXIT, monthly_fen=None, reasons=(UNMET,))
    if stage is not None:
        reviewed(zhang, stage, amount_fen=98_000, note="调整")
    with pytest.raises(ValidationFailed) as failed:
        render_form(name, zhang, regions=REGIONS, screening=s, printed_on=ON)
    error = failed.value.errors[0]
    assert error.field == "applications"
    assert "县级审批结果" in error.message_zh and "张学林" in error.message_zh


def test_a_screening_of_another_household_is_refused(
    zhang: Household, demo_households: list[Household]
) -> None:
    s = screening(demo_households[1])
    with pytest.raises(ValidationFailed, match="another household"):
        render_form("notice-approval", zhang, regions=REGIONS, screening=s)


def test_the_program_can_be_chosen_when_several_were_decided(zhang: Household) -> None:
    from caseworker.eligibility.findings import Finding

    s = screening(zhang, reasons=(MET,))
    temp = Finding(Program.TEMPORARY_ASSISTANCE, Status.LIKELY_ELIGIBLE, None, 400_000)
    s = s._replace(findings=(*s.findings, temp))  # Screening is a NamedTuple
    decided(zhang, Stage.APPROVED, amount_fen=90_000)
    zhang.applications.append(
        Application(
            "0b7f3c9e-2222-4c1e-8a11-000000000000",
            Program.TEMPORARY_ASSISTANCE,
            [
                StageEntry("0b7f3c9e-2222-4c1e-8a11-000000000001", Stage.APPLIED, ON),
                StageEntry(
                    "0b7f3c9e-2222-4c1e-8a11-000000000002", Stage.APPROVED, ON, "张明", "", 400_000
                ),
            ],
        )
    )
    latest = notice("notice-approval", zhang, screening=s)  # the latest decision by default
    assert "临时救助批准通知书" in latest and "4000.00元（一次性）" in latest
    text = notice("notice-approval", zhang, screening=s, program=Program.DIBAO)
    assert "最低生活保障批准通知书" in text and "每月900.00元" in text
