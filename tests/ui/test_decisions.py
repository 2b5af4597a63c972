"""Each level's decision recorded on the household page, and what a specialist sees of
findings that would bring nothing."""

from datetime import date, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from caseworker.domain.codes import Program, Stage
from caseworker.eligibility.findings import Finding, PolicyRef, Screening, Status
from caseworker.operations.printing import PrintJob, print_job
from caseworker.printing.documents import render_form
from caseworker.printing.loading import region_names
from caseworker.store.db import Store
from caseworker.store.households import load_household
from caseworker.ui.widgets.eligibility_panel import EligibilityPanel
from tests.printing.helpers import page_texts
from tests.ui.conftest import DEMO_DAY, at_the_level_of, screened_page


def test_a_finding_of_nothing_is_not_offered_as_an_application(qtbot: QtBot) -> None:
    panel = EligibilityPanel()
    qtbot.addWidget(panel)
    nothing = Finding(Program.DIBAO_SINGLE_PERSON, Status.LIKELY_ELIGIBLE, 0, None, ("m",))
    something = Finding(Program.DIBAO, Status.LIKELY_ELIGIBLE, 42_000, None)
    policy = PolicyRef("cn-610423-jingyang", "2020.1", "0" * 64)
    panel.show_screening(Screening("h", DEMO_DAY, policy, (nothing, something)))
    zero = panel.card(Program.DIBAO_SINGLE_PERSON)
    assert zero is not None and zero.apply is None
    assert zero.nothing_to_gain is not None and "0.00" in zero.nothing_to_gain.text()
    paying = panel.card(Program.DIBAO)
    assert paying is not None and paying.apply is not None


def test_each_level_records_its_decision_and_the_notice_prints_it(
    qtbot: QtBot, county: Store, tmp_path: Path
) -> None:
    page = screened_page(qtbot, county, "朱国兵")
    editor = page.editor
    household_id = editor.household.id
    card = page.eligibility.card(Program.DIBAO_SINGLE_PERSON)
    assert card is not None and card.apply is not None
    ill = next(m for m in editor.household.members if m.id in card.finding.members)

    start = page.start_application(Program.DIBAO_SINGLE_PERSON)
    assert not start.member.isHidden()
    assert start.member.currentData() == ill.id  # the member the finding is about
    start.accept()
    row = len(page.editor.household.applications) - 1
    assert page.editor.household.applications[row].member_id == ill.id

    steps = [
        (Stage.INVESTIGATION, "王建华", "村委会：情况属实，同意上报"),
        (Stage.TOWNSHIP_REVIEW, "张明", "经审核，符合单人户施保条件"),
        (Stage.PUBLICITY, "张明", ""),
        (Stage.COUNTY_DECISION, "张明", ""),
    ]
    for stage, who, opinion in steps:
        page.applications.selectRow(row)
        at_the_level_of(page, stage)
        step = page.next_stage()
        assert step is not None
        step.stage.setCurrentIndex(step.stage.findData(stage.value))
        step.worker.setText(who)
        step.note.setPlainText(opinion)
        step.accept()
        assert not step.isVisible(), step.error.text()
    page.applications.selectRow(row)
    at_the_level_of(page, Stage.APPROVED)
    step = page.next_stage()
    assert step is not None
    step.stage.setCurrentIndex(step.stage.findData(Stage.APPROVED.value))
    suggested = card.finding.monthly_fen
    assert suggested and step.amount.text() == f"{suggested // 100}.{suggested % 100:02d}"
    step.worker.setText("周敏")
    step.note.setPlainText("同意按单人户纳入低保")
    step.amount.setText("380.00")
    step.accept()
    assert not step.isVisible(), step.error.text()

    with county.read() as conn:
        household = load_household(conn, household_id)
        regions = region_names(conn)
    assert household is not None
    application = household.applications[row]
    assert application.stage is Stage.APPROVED
    assert application.history[-1].amount_fen == 38_000
    assert application.history[-1].member_id == ill.id
    benefit = household.benefits[-1]
    assert (benefit.program, benefit.monthly_fen) == (Program.DIBAO_SINGLE_PERSON, 38_000)
    assert benefit.since == date(2026, 12, 1)

    notice = tmp_path / "notice.pdf"
    job = PrintJob(
        "notice-approval", DEMO_DAY, household_id=household_id, program=Program.DIBAO_SINGLE_PERSON
    )
    print_job(county, job, notice)
    text = "".join(page_texts(notice.read_bytes()))
    assert "单人户施保批准通知书" in text and "每月380.00元" in text
    assert f"本次纳入保障的家庭成员：{ill.name}" in text
    assert "同意按单人户纳入低保" in text
    form = page_texts(
        render_form("dibao-application", household, regions=regions, printed_on=DEMO_DAY)
    )[0]
    for opinion in (
        "村委会：情况属实，同意上报",
        "经审核，符合单人户施保条件",
        "同意按单人户纳入低保",
    ):
        assert opinion in form


def test_a_review_changes_the_amount_and_the_change_notice_prints_the_countys_decision(
    qtbot: QtBot, county: Store, tmp_path: Path
) -> None:
    page = screened_page(qtbot, county, "张学林")
    editor = page.editor
    household_id = editor.household.id
    page.tabs.setCurrentIndex(5)  # 享受待遇
    assert page.buttons["start_review"].isVisibleTo(page)
    review = page.start_review()
    assert review is not None
    assert review.program.code() == Program.DIBAO.value
    assert not review.form.boxes["amount_yuan"].isVisibleTo(review)
    review.note.setPlainText("家庭收入增加，年度复核")
    review.accept()
    assert not review.isVisible(), review.error.text()
    row = page.applications.rowCount() - 1
    assert page.applications.item(row, 1).text() == "发起复核"
    steps = [
        (Stage.INVESTIGATION, "入户核实：妻子务工，月收入约600元", None),
        (Stage.TOWNSHIP_REVIEW, "经审核，建议调整保障金额", None),
        (Stage.COUNTY_DECISION, "", None),
        (Stage.CHANGED, "同意调整为每月700元", "700.00"),
    ]
    for stage, note, amount in steps:
        page.applications.selectRow(row)
        at_the_level_of(page, stage)
        step = page.next_stage()
        assert step is not None
        offered = {step.stage.itemData(i) for i in range(step.stage.count())}
        assert stage.value in offered and Stage.PUBLICITY.value not in offered  # no publicity
        step.stage.setCurrentIndex(step.stage.findData(stage.value))
        step.note.setPlainText(note)
        if amount is not None:
            assert step.form.boxes["amount_yuan"].isVisibleTo(step)
            step.amount.setText(amount)
        step.accept()
        assert not step.isVisible(), step.error.text()

    with county.read() as conn:
        household = load_household(conn, household_id)
    assert household is not None
    assert [b.monthly_fen for b in household.benefits if b.program is Program.DIBAO] == [70_000]
    notice = tmp_path / "change.pdf"
    print_job(county, PrintJob("notice-change", DEMO_DAY, household_id=household_id), notice)
    text = "".join(page_texts(notice.read_bytes()))
    assert "由每月900.00元调整为每月700.00元" in text
    assert "审批意见：同意调整为每月700元" in text


def test_the_village_records_its_democratic_appraisal_and_the_form_prints_it(
    qtbot: QtBot, county: Store
) -> None:
    page = screened_page(qtbot, county, "张学林")
    household_id = page.editor.household.id
    start = page.start_application(Program.DIBAO)
    start.accept()
    row = len(page.editor.household.applications) - 1
    page.applications.selectRow(row)
    step = page.next_stage()
    assert step is not None
    step.stage.setCurrentIndex(step.stage.findData(Stage.INVESTIGATION.value))
    step.note.setPlainText("情况属实")
    step.accept()
    assert not step.isVisible(), step.error.text()

    page.applications.selectRow(row)
    step = page.next_stage()
    assert step is not None
    form = step.appraisal
    step.stage.setCurrentIndex(step.stage.findData(Stage.WITHDRAWN.value))
    assert not form.isVisibleTo(step)  # the meeting's record, for its stage only
    step.stage.setCurrentIndex(step.stage.findData(Stage.APPRAISAL.value))
    assert form.isVisibleTo(step)
    form.place.setText("村委会议室")
    form.attendees.setText("村两委成员、村民代表")
    form.present.setValue(9)
    form.agree.setValue(8)
    form.disagree.setValue(2)  # one vote too many: refused at the votes
    form.published.setChecked(True)
    form.add_objection.click()
    form.objections.item(0, 1).setText("邻居反映其子在外务工")
    form.objections.item(0, 2).setText("经核实已计入收入")
    step.note.setPlainText("评议通过")
    step.accept()
    assert step.isVisible()
    votes_error = form.form.boxes["appraisal.present"].error.text()  # named at its field
    assert "同意、反对、弃权共10票，多于到会人数" in votes_error
    form.disagree.setValue(1)
    step.accept()
    assert not step.isVisible(), step.error.text()

    with county.read() as conn:
        household = load_household(conn, household_id)
        regions = region_names(conn)
    assert household is not None
    entry = household.applications[row].history[-1]
    assert entry.appraisal is not None and (entry.appraisal.agree, entry.appraisal.present) == (
        8,
        9,
    )
    assert entry.appraisal.publicity_from == DEMO_DAY + timedelta(days=1)
    assert entry.appraisal.publicity_to == DEMO_DAY + timedelta(days=7)
    # The page's history and the printed form both say what the meeting decided.
    shown = page.history.item(page.history.rowCount() - 1, 3).text()
    assert "到会9人，同意8票、反对1票、弃权0票，评议结果：通过" in shown
    printed = page_texts(
        render_form("dibao-application", household, regions=regions, printed_on=DEMO_DAY)
    )[0]
    said = printed.replace("\n", "")
    assert "在村委会议室召开民主评议会" in said and "同意8票、反对1票、弃权0票" in said
