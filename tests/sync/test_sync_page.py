"""The app's sync page against a real county server: enroll, sync with progress, the
receipt shown, a conflict resolved from the page."""

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household
from caseworker.sync.client import sync
from caseworker.sync.conflicts import open_conflicts
from caseworker.sync.county.auth import create_enrollment
from caseworker.ui.i18n import install_language
from caseworker.ui.pages.sync_page import SyncPage
from tests.sync.conftest import VILLAGE_A, CountyServer, enroll_laptop

Make = Callable[..., dict[str, Any]]


@pytest.mark.parametrize("county_db", ["sqlite"], indirect=True)
def test_enroll_sync_and_resolve_a_conflict_from_the_page(
    qtbot: QtBot, county: CountyServer, laptops: Callable[[str], Store], household_data: Make
) -> None:
    install_language("zh_CN")
    laptop, other = laptops("a"), laptops("b")
    page = SyncPage(laptop)
    qtbot.addWidget(page)
    assert not page.enrolment.isHidden() and not page.sync_button.isEnabled()
    page.server.setText(county.url)
    page.code.setText(
        create_enrollment(county.engine, worker="王建华", role="village", scope=VILLAGE_A)
    )
    assert page.enroll()
    assert page.enrolment.isHidden() and page.sync_button.isEnabled()

    h = parse_household(household_data())
    save_household(laptop, h)
    with qtbot.waitSignal(page.synced, timeout=30000):
        page.start_sync()
    assert page.report is not None and page.report.synced
    assert "已同步" in page.status.text()

    # The other laptop changes the same field; this one too: a conflict comes back.
    enroll_laptop(county, other, worker="李秀英")
    sync(other)
    with other.read() as conn:
        theirs = load_household(conn, h.id)
    assert theirs is not None
    theirs.address = "四组1号"
    save_household(other, theirs)
    sync(other)
    mine = parse_household(household_to_dict(h))
    mine.address = "五组2号"
    save_household(laptop, mine)
    with qtbot.waitSignal(page.synced, timeout=30000):
        page.start_sync()
    assert page.conflicts.count() == 1
    assert "四组1号" in page.conflicts.item(0).text() and "五组2号" in page.conflicts.item(0).text()
    page.conflicts.setCurrentRow(0)
    page.resolve_selected("other")
    assert page.conflicts.count() == 0 and open_conflicts(laptop) == []
