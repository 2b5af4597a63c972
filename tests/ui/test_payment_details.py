"""A specialist records where a household's assistance is paid and whom a benefit covers,
on the household page, and sees them there; a bad account number is said at its field
and nothing is saved."""

from pytestqt.qtbot import QtBot

from caseworker.domain.codes import WorkerRole
from caseworker.domain.records import Household
from caseworker.store.db import Store
from caseworker.store.households import iter_households, load_household
from caseworker.ui.household_editor import HouseholdEditor
from caseworker.ui.pages.household_page import HouseholdPage
from tests.ui.conftest import DEMO_DAY


def open_page(qtbot: QtBot, county: Store, household_id: str) -> HouseholdPage:
    editor = HouseholdEditor.load(county, household_id)
    assert editor is not None
    page = HouseholdPage(editor, worker="王建华", role=WorkerRole.VILLAGE, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    return page


def stored(county: Store, household_id: str) -> Household:
    with county.read() as conn:
        household = load_household(conn, household_id)
    assert household is not None
    return household


def without_account(county: Store) -> Household:
    """A household on assistance whose account is not recorded (the demo gives accounts)."""
    from caseworker.store.households import save_household

    h = household_with_benefit_any(county)
    h.payment = None
    assert save_household(county, h)
    return h


def household_with_benefit_any(county: Store) -> Household:
    with county.read() as conn:
        return next(h for h in iter_households(conn) if h.benefits and len(h.members) >= 2)


def test_an_account_is_recorded_checked_and_shown(qtbot: QtBot, county: Store) -> None:
    h = without_account(county)
    page = open_page(qtbot, county, h.id)
    assert "未登记" in page.facts.text() or "not recorded" in page.facts.text()
    dialog = page.edit_household_info()
    dialog.bank_name.setText("陕西泾阳农村商业银行")
    dialog.account_name.setText(h.members[0].name)
    qtbot.keyClicks(dialog.account_number, "62170000123")  # 11 digits: one short
    dialog.save()
    assert dialog.isVisible()
    message = dialog.boxes["payment.account_number"].error.text()
    assert "62170000123" in message and "11位" in message
    assert stored(county, h.id).payment is None  # nothing saved
    dialog.account_number.setText("6217 0000 1234 5678 901")  # as read off the card
    dialog.save()
    assert not dialog.isVisible()
    payment = stored(county, h.id).payment
    assert payment is not None and payment.account_number == "6217000012345678901"
    assert "8901" in page.facts.text()  # the last four digits, as ID numbers are masked
    assert "6217000012345678901" not in page.facts.text()
    assert "陕西泾阳农村商业银行" in page.facts.text()


def test_a_benefit_covers_the_members_ticked(
    qtbot: QtBot, county: Store, answers: list[str]
) -> None:
    h = household_with_benefit_any(county)
    page = open_page(qtbot, county, h.id)
    dialog = page.edit_benefit(0)
    assert dialog is not None
    assert dialog.everyone.isChecked()
    dialog.everyone.setChecked(False)
    child = h.members[1]
    dialog.member_boxes[child.id].setChecked(False)
    dialog.certificate.setText("泾民低字〔2024〕0031号")
    dialog.save()
    assert not dialog.isVisible()
    benefit = stored(county, h.id).benefits[0]
    assert benefit.covered_members == [m.id for m in h.members if m.id != child.id]
    assert benefit.certificate_number == "泾民低字〔2024〕0031号"
    row = [page.benefits.item(0, c).text() for c in range(page.benefits.columnCount())]
    assert str(len(h.members) - 1) in row and "泾民低字〔2024〕0031号" in row
    # A covered member cannot simply be removed: the payment list would lose a person.
    page.members.selectRow(0)
    page.remove_member()
    assert answers and h.members[0].name in answers[-1]
    assert len(stored(county, h.id).members) == len(h.members)
    # Nobody ticked is refused at the field, and nothing changes.
    dialog = page.edit_benefit(0)
    assert dialog is not None
    for box in dialog.member_boxes.values():
        box.setChecked(False)
    dialog.save()
    assert dialog.isVisible() and dialog.form.boxes["covered_members"].error.text()
    assert stored(county, h.id).benefits[0].covered_members == benefit.covered_members


def test_an_emergency_first_recorded_starts_at_the_apps_day(qtbot: QtBot, county: Store) -> None:
    # The demo's day, not the computer's: a date picked without looking is still right.
    with county.read() as conn:
        h = next(h for h in iter_households(conn) if h.emergency is None)
    dialog = open_page(qtbot, county, h.id).edit_household_info()
    assert dialog.emergency_date.iso() == DEMO_DAY.isoformat()
    dialog.has_emergency.setChecked(True)
    dialog.emergency_kind.set_code("fire")
    dialog.save()
    recorded = stored(county, h.id).emergency
    assert recorded is not None and recorded.date == DEMO_DAY
