"""The visit form as a specialist meets it: labelled fields, problems that take her to the
field, drafts that never lie and never destroy, in the real main window."""

from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from caseworker.store.db import Store
from caseworker.store.drafts import list_drafts, save_draft
from caseworker.store.households import load_household
from caseworker.store.search import search_households
from caseworker.store.workers import Worker
from caseworker.ui.i18n import install_language
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings
from caseworker.ui.visit_form import INCOMES, VisitForm
from tests.ui.conftest import DEMO_DAY

INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit)


def make_window(qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings) -> MainWindow:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    return window


def household_of(county: Store, name: str) -> str:
    with county.read() as conn:
        return search_households(conn, name)[0].id


def drafts(county: Store) -> list[object]:
    with county.read() as conn:
        return list(list_drafts(conn, kind="visit"))


def visible_label_of(form: VisitForm, editor: QWidget) -> str:
    """The text of the label beside ``editor`` (a QLabel whose buddy it is)."""
    for label in form.findChildren(QLabel):
        if label.buddy() is editor:
            return label.text()
    return ""


def test_every_input_of_every_step_has_a_visible_label_in_both_languages(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_of(county, "张学林"))
    for language in ("zh_CN", "en"):
        install_language(language)
        for step in range(form.pages.count()):
            form.go_to_step(step)
            page = form.pages.currentWidget()
            assert form.steps.item(step).text().strip()
            for editor in page.findChildren(QWidget):
                if not editor.isVisibleTo(form) or editor.parent() is None:
                    continue
                if isinstance(editor, QCheckBox):
                    assert editor.text().strip(), f"step {step + 1}: a tick box without words"
                elif isinstance(editor, INPUTS) and not isinstance(editor.parent(), INPUTS):
                    name = editor.accessibleName()
                    label = visible_label_of(form, editor)
                    assert name or label, f"step {step + 1}: {type(editor).__name__} unlabelled"
                    if label:
                        assert name and name in label
    install_language("zh_CN")
    assert visible_label_of(form, form.animals[next(iter(form.animals))]) == "牛（头）"
    assert visible_label_of(form, form.investigator_2) == "调查人员二"
    assert form.investigator_2.placeholderText()


def test_an_untouched_form_or_a_language_switch_leaves_no_draft(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_of(county, "张学林"))
    install_language("en")
    install_language("zh_CN")
    form.save_draft()
    form.close()
    assert drafts(county) == []
    again = make_window(qtbot, county, worker, settings)
    assert again.offer_drafts() == []


def test_one_window_per_visit_and_its_draft(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    household_id = household_of(county, "陈宗良")
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_id)
    assert window.new_visit(household_id) is form
    form.notes.setPlainText("家里有人")
    form.close()
    reopened = window.new_visit(household_id)  # the draft, not a second visit
    assert reopened is not form
    assert reopened.notes.toPlainText() == "家里有人"
    assert reopened.visit_id == form.visit_id
    assert window.offer_drafts() == []  # already open: not offered twice


def test_a_recovered_draft_of_a_saved_visit_is_never_a_second_visit(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    household_id = household_of(county, "朱国兵")
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_id)
    form.investigator_2.setText("李秀英")
    form.conclusion.setPlainText("情况属实")
    form.save_draft()
    stale = form.state()  # as if the app stopped between saving the visit and its draft
    assert form.save_visit(sign=False)
    save_draft(county, kind="visit", data=stale, household_id=household_id, worker="王建华")
    with county.read() as conn:
        before = load_household(conn, household_id)
    assert before is not None

    restarted = make_window(qtbot, county, worker, settings)
    assert restarted.offer_drafts() == []
    assert drafts(county) == []
    with county.read() as conn:
        after = load_household(conn, household_id)
    assert after is not None and len(after.visits) == len(before.visits)


def test_income_changes_are_shown_before_anything_is_replaced(
    qtbot: QtBot,
    county: Store,
    worker: Worker,
    settings: AppSettings,
    answers: list[str],
    monkeypatch: object,
) -> None:
    from caseworker.ui import ask

    household_id = household_of(county, "张学林")
    with county.read() as conn:
        household = load_household(conn, household_id)
    assert household is not None
    earner = next(m for m in household.members if m.incomes)
    recorded = earner.incomes
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_id)
    form.investigator_2.setText("李秀英")
    row = next(r for r in form.incomes.rows if r.member.currentData() == earner.id)
    form.incomes.remove_row(row)  # e.g. a row lost in an old draft
    chosen: list[int | None] = [1]  # "save the visit only"
    monkeypatch.setattr(ask, "choose", lambda p, t, text, c: (answers.append(text), chosen[0])[1])  # type: ignore[attr-defined]
    assert form.save_visit(sign=False)
    assert earner.name in answers[-1] and "→" in answers[-1]
    with county.read() as conn:
        kept = load_household(conn, household_id)
    assert kept is not None
    assert next(m for m in kept.members if m.id == earner.id).incomes == recorded
    assert len(kept.visits) == len(household.visits) + 1

    form = window.new_visit(household_id)
    form.investigator_2.setText("李秀英")
    form.incomes.rows[0].amount.setText("1500.00")
    chosen[0] = None  # the specialist goes back to look again
    assert not form.save_visit(sign=False)
    assert form.steps.currentRow() == INCOMES
    chosen[0] = 0  # then updates the incomes
    assert form.save_visit(sign=False)
    with county.read() as conn:
        updated = load_household(conn, household_id)
    assert updated is not None
    amounts = [i.monthly_fen for m in updated.members for i in m.incomes or ()]
    assert 150000 in amounts


def test_a_typing_mistake_is_said_at_the_row_and_saving_takes_her_there(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_of(county, "张学林"))
    form.investigator_2.setText("李秀英")
    row = form.incomes.add_row(form.household.members[0].id, "wage", "")
    row.amount.setText("12OO")
    assert "12OO" in row.error.text()
    form.go_to_step(0)
    assert not form.save_visit(sign=False)
    assert form.steps.currentRow() == INCOMES
    assert form.problems.count() == 1
    assert form.household.members[0].name in form.problems.item(0).text()
    assert "12OO" in form.problems.item(0).text()
    form.go_to_step(0)
    form.problems.itemClicked.emit(form.problems.item(0))
    assert form.steps.currentRow() == INCOMES
    row.amount.setText("1200")
    assert row.error.text() == ""


def test_a_negative_amount_is_said_with_what_was_typed(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_of(county, "张学林"))
    row = form.incomes.add_row(form.household.members[0].id, "wage", "")
    row.amount.setText("-500")
    assert row.error.text() == "“-500”：收入不能为负数（亏损请填0）"


def test_an_income_added_twice_for_one_member_is_pointed_out_at_its_line(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    """A line of the same member and kind as a line above is most often the same income
    added again (it would be counted twice): the form says so at the line, as it is
    chosen; two different incomes of one kind may stay, so saving is not refused."""
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_of(county, "张学林"))
    form.investigator_2.setText("李秀英")
    prefilled = next(r for r in form.incomes.rows if r.amount.text())
    assert all(r.error.text() == "" for r in form.incomes.rows)
    again = form.incomes.add_row(None, None, "")
    again.member.setCurrentIndex(again.member.findData(prefilled.member.currentData()))
    again.kind.set_code(prefilled.kind.code())
    again.amount.setText(prefilled.amount.text())
    n = form.incomes.rows.index(prefilled) + 1
    kind = prefilled.kind.currentText()
    assert again.error.text() == (
        f"第{n}行已有这位成员的{kind}：如果是同一项收入，请删去一行"
        "（同一类的两份不同收入可以分两行填写）"
    )
    assert not again.error.isHidden() and prefilled.error.text() == ""
    again.kind.set_code("other" if prefilled.kind.code() != "other" else "wage")
    assert again.error.text() == ""  # a different kind: nothing to say
    again.kind.set_code(prefilled.kind.code())
    form.incomes.remove_row(prefilled)  # the earlier line goes: this one stands alone
    assert again.error.text() == ""


def test_signing_needs_a_second_investigator(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_of(county, "张学林"))
    form.go_to_step(6)
    assert not form.save_visit(sign=True)
    assert form.steps.currentRow() == 0
    assert "第二" in form.problems.item(0).text()


def test_quitting_with_an_open_visit_asks_and_keeps_it(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings, answers: list[str]
) -> None:
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_of(county, "张学林"))
    form.notes.setPlainText("未完")
    window.close()
    assert answers and "1" in answers[-1]
    [draft] = drafts(county)
    assert draft.data["notes"] == "未完"  # type: ignore[attr-defined]
