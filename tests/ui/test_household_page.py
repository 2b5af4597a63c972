from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from caseworker.domain.codes import Stage, WorkerRole
from caseworker.store.db import Store
from caseworker.store.households import load_household
from caseworker.store.search import search_households
from caseworker.ui.dialogs.application import StageDialog
from caseworker.ui.household_editor import HouseholdEditor
from caseworker.ui.pages.household_page import HouseholdPage
from tests.ui.conftest import DEMO_DAY, at_the_level_of, screened_page


def zhang(county: Store) -> str:
    with county.read() as conn:
        return search_households(conn, "张学林")[0].id


def open_page(qtbot: QtBot, county: Store) -> HouseholdPage:
    editor = HouseholdEditor.load(county, zhang(county))
    assert editor is not None
    page = HouseholdPage(editor, worker="王建华", role=WorkerRole.VILLAGE, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    return page


def stored_members(county: Store, household_id: str) -> list[str]:
    with county.read() as conn:
        household = load_household(conn, household_id)
    assert household is not None
    return [m.name for m in household.members]


def test_a_bad_id_number_is_shown_next_to_its_field_and_nothing_is_saved(
    qtbot: QtBot, county: Store
) -> None:
    page = open_page(qtbot, county)
    before = stored_members(county, page.editor.household.id)
    dialog = page.edit_member(None)
    assert dialog is not None
    dialog.name.insert("张小红")  # typed through an input method
    qtbot.keyClicks(dialog.id_number, "610423201001010021")  # check character wrong
    dialog.relation.set_code("child")
    dialog.save()
    assert dialog.isVisible()
    message = dialog.form.boxes["id_number"].error.text()
    assert "610423201001010021" in message and "校验码" in message
    assert dialog.form.boxes["id_number"].error.isVisible()
    assert not dialog.form.boxes["name"].error.isVisible()
    assert stored_members(county, page.editor.household.id) == before


def test_a_refused_income_is_scrolled_into_view_when_the_dialog_is_short(
    qtbot: QtBot, county: Store
) -> None:
    """On a laptop screen the member dialog scrolls; the message about an income sits
    below the visible part, and Save must not seem to do nothing."""
    page = open_page(qtbot, county)
    earner = next(i for i, m in enumerate(page.editor.household.members) if m.incomes)
    dialog = page.edit_member(earner)
    assert dialog is not None
    dialog.resize(700, 420)
    dialog.show()
    area = dialog.findChild(QScrollArea)
    assert area is not None
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    area.verticalScrollBar().setValue(0)
    dialog.incomes.item(0, 1).setText("-300")
    dialog.save()
    assert dialog.isVisible() and "不能为负数" in dialog.income_error.text()

    def message_in_view() -> bool:
        top = dialog.income_error.mapTo(area.viewport(), QPoint(0, 0))
        return area.viewport().rect().contains(top) and dialog.income_error.isVisible()

    qtbot.waitUntil(message_in_view)


def test_a_good_member_is_saved_shown_and_undone(qtbot: QtBot, county: Store) -> None:
    from caseworker.domain.idnumber import check_character

    page = open_page(qtbot, county)
    household_id = page.editor.household.id
    dialog = page.edit_member(None)
    assert dialog is not None
    first17 = "61042320100101002"
    dialog.name.insert("张小红")  # typed through an input method
    qtbot.keyClicks(dialog.id_number, first17 + check_character(first17))
    assert "2010-01-01" in dialog.derived.text()
    dialog.relation.set_code("grandchild")
    dialog.save()
    assert not dialog.isVisible()
    assert stored_members(county, household_id)[-1] == "张小红"
    assert page.members.rowCount() == 6
    page.undo_action.trigger()
    assert "张小红" not in stored_members(county, household_id)
    assert page.members.rowCount() == 5
    page.redo_action.trigger()
    assert stored_members(county, household_id)[-1] == "张小红"


def test_an_application_moves_through_its_stages_with_history(qtbot: QtBot, county: Store) -> None:
    page = open_page(qtbot, county)
    dialog = page.start_application(None)
    dialog.program.set_code("dibao")
    dialog.accept()
    apps = page.editor.household.applications
    assert [a.stage for a in apps][-1] is Stage.APPLIED
    page.applications.selectRow(len(apps) - 1)
    step = page.next_stage()
    assert step is not None
    step.stage.setCurrentIndex(step.stage.findData(Stage.INVESTIGATION.value))
    step.note.setPlainText("两人入户核查")
    step.accept()
    with county.read() as conn:
        stored = load_household(conn, page.editor.household.id)
    assert stored is not None
    history = stored.applications[-1].history
    assert [e.stage for e in history] == [Stage.APPLIED, Stage.INVESTIGATION]
    assert history[-1].note == "两人入户核查" and history[-1].worker == "王建华"
    assert page.history.rowCount() == 2


def test_property_edits_mark_the_bad_cell(qtbot: QtBot, county: Store) -> None:
    page = open_page(qtbot, county)
    dialog = page.edit_assets()
    dialog.table.item(0, 1).setText("-5")
    dialog.save()
    assert dialog.isVisible()
    assert "不能为负数" in dialog.error.text()
    dialog.table.item(0, 1).setText("70000.00")
    dialog.save()
    assert not dialog.isVisible()
    assert page.editor.household.assets is not None
    assert page.editor.household.assets[0].value_fen == 7_000_000


def test_an_application_starts_from_an_eligibility_card(qtbot: QtBot, county: Store) -> None:
    from caseworker.domain.codes import Program
    from caseworker.eligibility.findings import Status
    from caseworker.store.decisions import latest_screening

    page = screened_page(qtbot, county, "朱国兵")
    editor = page.editor
    household_id = editor.household.id
    card = page.eligibility.card(Program.DIBAO_SINGLE_PERSON)
    assert card is not None and card.finding.status is Status.LIKELY_ELIGIBLE
    assert any("单人户" in line.text() or "重病" in line.text() for line in card.reasons)
    assert card.apply is not None
    with county.read() as conn:  # the screening shown is kept as a decision record
        stored = latest_screening(conn, household_id)
    assert stored is not None and stored.on == DEMO_DAY
    card.apply.click()
    [dialog] = page.findChildren(StageDialog)
    assert dialog.program.code() == "dibao_single_person"  # the card's program, chosen
    dialog.accept()
    [application] = page.editor.household.applications
    assert application.program is Program.DIBAO_SINGLE_PERSON
    assert application.history[0].worker == "王建华"


def test_missing_information_links_open_the_right_editor(qtbot: QtBot, county: Store) -> None:
    page = open_page(qtbot, county)
    assert type(page.go_to_field("members[1].incomes")).__name__ == "MemberDialog"
    assert type(page.go_to_field("assets")).__name__ == "RecordListDialog"
    assert type(page.go_to_field("registered_poor")).__name__ == "HouseholdInfoDialog"
    assert page.go_to_field("policy:price_subsidy.cpi") is None


def test_every_adult_signs_the_authorisation_and_it_prints_with_their_signature(
    qtbot: QtBot, county: Store, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from caseworker.operations.printing import PrintJob, print_job
    from tests.ui.conftest import drawn_signature

    page = open_page(qtbot, county)
    page.ask_signature = drawn_signature
    dialog = page.open_authorization()
    adults = {
        m.id for m in page.editor.household.members if m.name in {"张学林", "李秀梅", "王桂芝"}
    }
    assert set(dialog.rows) == adults  # the two school children do not sign
    for member_id in adults:
        assert dialog.sign(member_id)
    assert dialog.signed_members() == adults
    out = tmp_path / "auth.pdf"
    print_job(
        county, PrintJob("authorization", DEMO_DAY, household_id=page.editor.household.id), out
    )
    reader = PdfReader(out)
    images = sum(len(p.images) for p in reader.pages)
    assert images >= len(adults)  # each signature is printed in place (plus the QR code)


def test_an_approval_with_an_amount_starts_the_benefit_next_month(
    qtbot: QtBot, county: Store, answers: list[str]
) -> None:
    from datetime import date

    from caseworker.domain.codes import Program

    page = open_page(qtbot, county)
    start = page.start_application(None)
    start.program.set_code("special_hardship")
    start.accept()
    row = len(page.editor.household.applications) - 1
    for stage, opinion in (
        (Stage.INVESTIGATION, "村委会：情况属实，同意上报"),
        (Stage.TOWNSHIP_REVIEW, "审核通过"),
        (Stage.PUBLICITY, ""),
        (Stage.COUNTY_DECISION, ""),
    ):
        page.applications.selectRow(row)
        at_the_level_of(page, stage)
        step = page.next_stage()
        assert step is not None
        step.stage.setCurrentIndex(step.stage.findData(stage.value))
        if stage is Stage.TOWNSHIP_REVIEW:  # a review says what the township found
            step.accept()
            assert step.isVisible() and step.form.boxes["note"].error.text()
        step.note.setPlainText(opinion)
        step.accept()
        assert not step.isVisible()
    page.applications.selectRow(row)
    at_the_level_of(page, Stage.APPROVED)
    step = page.next_stage()
    assert step is not None
    step.stage.setCurrentIndex(step.stage.findData(Stage.APPROVED.value))
    assert not step.amount.isHidden()
    step.note.setPlainText("同意纳入特困供养")
    step.amount.setText("820.00")
    step.accept()
    assert answers == []  # saved without a complaint
    day = date.fromisoformat(step.day.iso())
    next_month = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    benefit = page.editor.household.benefits[-1]
    assert benefit.program is Program.SPECIAL_HARDSHIP
    assert (benefit.since, benefit.monthly_fen) == (next_month, 82000)
    assert page.editor.household.applications[row].stage is Stage.APPROVED
