"""A form printed for a household with an application says what the app knows of it: the
program applied for by its Chinese name, the reason the household gave and the causes of
hardship on record, and, on a case file's cover, the household's programs. Where nothing
is recorded the box stays blank for a pen."""

import re
import uuid
from datetime import date

import pytest

from caseworker.domain.codes import HardshipCause, Program, Stage, VisitPurpose
from caseworker.domain.records import Application, Household, StageEntry, Visit
from caseworker.eligibility.findings import Status
from caseworker.printing.casefile import CaseInput, render_case_file
from caseworker.printing.documents import render_form
from tests.printing.helpers import ON, REGIONS, page_texts, screening

REASON = "家中两人长期患病，收入不足以维持基本生活，申请最低生活保障"


def between(text: str, start: str, end: str) -> str:
    """What a box prints: the text between its label and the next label."""
    found = re.search(re.escape(start) + "(.*?)" + re.escape(end), text)
    assert found is not None, f"{start}...{end} not in {text}"
    return found.group(1)


def applied(
    program: Program,
    on: date,
    *later: tuple[Stage, date, str],
    note: str = "",
) -> Application:
    """An application made on ``on`` (with the household's own words in ``note``), then
    the later steps given, each (stage, date, opinion)."""
    history = [StageEntry(str(uuid.uuid4()), Stage.APPLIED, on, "张明", note)]
    history += [StageEntry(str(uuid.uuid4()), s, d, "周敏", n) for s, d, n in later]
    return Application(str(uuid.uuid4()), program, history)


def assert_plain_words(text: str) -> None:
    """Nothing on the page is a code, an id, an English word or a Python structure."""
    for code in ("dibao", "applied", "special_hardship", "None", "[", "{", "'", "_"):
        assert code not in text, code
    assert re.search(r"[a-z]{2,}", text) is None, text


@pytest.fixture
def liu(demo_households: list[Household]) -> Household:
    """A household like the demo's 刘成: no benefit, no disability, illness or emergency on
    record, just a Dibao application made on 2026-10-29; its income is above the standard,
    so the screening finds it not eligible."""
    from copy import deepcopy

    plain = next(
        h
        for h in demo_households[5:]
        if len(h.members) > 1
        and h.emergency is None
        and all(
            (m.disability is None or not m.disability.present)
            and not m.has_serious_illness
            and not m.orphan
            and not m.de_facto_unsupported_child
            for m in h.members
        )
    )
    h = deepcopy(plain)
    h.benefits = []
    h.visits = []
    h.applications = [applied(Program.DIBAO, date(2026, 10, 29))]
    return h


def application_page(h: Household, **options: object) -> str:
    s = screening(h, Program.DIBAO, Status.NOT_ELIGIBLE, monthly_fen=None)
    pdf = render_form(
        "dibao-application",
        h,
        regions=REGIONS,
        screening=s,
        printed_on=ON,
        **options,  # type: ignore[arg-type]
    )
    text = page_texts(pdf)
    assert len(text) == 1
    return text[0]


def test_the_program_applied_for_prints_though_the_screening_finds_it_not_eligible(
    liu: Household,
) -> None:
    page = application_page(liu)
    assert between(page, "申请类别", "分类施保类别") == "最低生活保障"
    assert between(page, "月保障金额（元）", "申请理由") == ""  # no amount: left for a pen
    assert_plain_words(page)


def test_with_no_reason_or_cause_recorded_the_reason_box_stays_blank(liu: Household) -> None:
    page = application_page(liu)
    assert between(page, "申请理由", "申请人（签字）") == ""


def test_the_reason_the_household_gave_prints_in_the_reason_box(liu: Household) -> None:
    liu.applications = [applied(Program.DIBAO, date(2026, 10, 29), note=REASON)]
    page = application_page(liu)
    assert between(page, "申请理由", "申请人（签字）") == REASON
    assert_plain_words(page)


def test_the_reason_is_followed_by_the_causes_of_hardship_on_record(
    zhang: Household,
) -> None:
    zhang.benefits = []
    zhang.applications = [applied(Program.DIBAO, date(2026, 10, 29), note=REASON)]
    zhang.visits = [
        Visit(
            str(uuid.uuid4()),
            date(2026, 10, 30),
            ["张明", "刘芳"],
            VisitPurpose.APPLICATION,
            conclusion="情况属实，建议纳入低保",
        )
    ]
    # illness is on record already (李秀梅); the visit adds school costs
    zhang.visits[0].observations.hardship_causes = [HardshipCause.ILLNESS, HardshipCause.SCHOOLING]
    box = between(application_page(zhang), "申请理由", "申请人（签字）")
    assert box.startswith(REASON)
    assert "重病（李秀梅" in box and box.endswith("；因学")
    assert "疾病" not in box  # said once, with the name, not again as the visit's tick
    assert "建议" not in box  # the investigators' conclusion is theirs, not the applicant's


def test_the_visits_causes_print_when_the_household_record_has_none(liu: Household) -> None:
    liu.visits = [
        Visit(
            str(uuid.uuid4()),
            date(2026, 5, 15),
            ["刘芳", "张明"],
            VisitPurpose.DISCOVERY,
            conclusion="生活较困难，建议关注",
        )
    ]
    liu.visits[0].observations.hardship_causes = [HardshipCause.UNEMPLOYMENT]
    assert between(application_page(liu), "申请理由", "申请人（签字）") == "失业"


def test_an_open_application_is_printed_rather_than_an_older_refused_one(
    liu: Household,
) -> None:
    refused = applied(
        Program.DIBAO_SINGLE_PERSON,
        date(2026, 3, 2),
        (Stage.REFUSED, date(2026, 4, 1), "收入超过标准，不予批准"),
        note="为患病的女儿单独申请",
    )
    open_one = applied(Program.DIBAO, date(2026, 10, 29), note=REASON)
    # listed after the open one, as an import might list them
    liu.applications = [open_one, refused]
    page = application_page(liu)
    assert between(page, "申请类别", "分类施保类别") == "最低生活保障"
    assert between(page, "申请理由", "申请人（签字）") == REASON
    assert "不予批准" not in page  # the county's box is the open application's: empty


def test_the_program_chosen_for_the_print_picks_its_application(liu: Household) -> None:
    refused = applied(
        Program.DIBAO_SINGLE_PERSON,
        date(2026, 3, 2),
        (Stage.REFUSED, date(2026, 4, 1), "收入超过标准，不予批准"),
        note="为患病的女儿单独申请",
    )
    liu.applications = [refused, applied(Program.DIBAO, date(2026, 10, 29), note=REASON)]
    page = application_page(liu, program=Program.DIBAO_SINGLE_PERSON)
    assert between(page, "申请类别", "分类施保类别") == "单人户施保"
    assert between(page, "申请理由", "申请人（签字）") == "为患病的女儿单独申请"
    assert "收入超过标准，不予批准" in between(page, "审批意见", "审批人")
    assert_plain_words(page)


def test_the_special_hardship_form_prints_the_reason_given(liu: Household) -> None:
    liu.applications = [applied(Program.SPECIAL_HARDSHIP, date(2026, 10, 29), note="无劳动能力")]
    pdf = render_form("special-hardship", liu, regions=REGIONS, printed_on=ON)
    page = page_texts(pdf)[0]
    assert between(page, "申请理由", "申请人（签字）") == "无劳动能力"


# --- the case file's cover --------------------------------------------------------------
def cover(h: Household) -> str:
    s = screening(h, Program.DIBAO, Status.NOT_ELIGIBLE, monthly_fen=None)
    return page_texts(render_case_file(CaseInput(h, s), regions=REGIONS, printed_on=ON))[0]


def test_the_cover_names_the_program_applied_for_and_its_stage(liu: Household) -> None:
    page = cover(liu)
    assert between(page, "救助项目", "档案编号") == "最低生活保障（提出申请）"
    assert_plain_words(page)


def test_the_cover_names_every_benefit_then_the_programs_applied_for(zhang: Household) -> None:
    zhang.applications = [
        applied(
            Program.TEMPORARY_ASSISTANCE,
            date(2026, 10, 20),
            (Stage.INVESTIGATION, date(2026, 10, 22), "情况属实"),
        )
    ]
    page = cover(zhang)
    assert between(page, "救助项目", "档案编号") == "最低生活保障B类；临时救助（入户调查）"
    assert_plain_words(page)


def test_a_cover_with_no_benefit_or_application_leaves_the_programs_blank(
    liu: Household,
) -> None:
    liu.applications = []
    assert between(cover(liu), "救助项目", "档案编号") == ""
