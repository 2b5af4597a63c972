from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from caseworker.store.db import Store
from caseworker.store.drafts import list_drafts
from caseworker.store.households import load_household
from caseworker.store.search import search_households
from caseworker.store.signatures import document_signatures
from caseworker.store.workers import Worker
from caseworker.ui.i18n import install_language
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY, drawn_signature


def make_window(qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings) -> MainWindow:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_visit_draft_survives_closing_without_saving(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings, answers: list[str]
) -> None:
    with county.read() as conn:
        household_id = search_households(conn, "陈宗良")[0].id
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_id)
    form.investigator_2.insert("李秀英")
    form.conclusion.setPlainText("儿子已返岗务工，收入超过标准")
    form.causes[next(iter(form.causes))].setChecked(True)
    window.close()  # the specialist closes everything without saving
    with county.read() as conn:
        [draft] = list_drafts(conn, kind="visit")
    assert draft.household_id == household_id
    assert draft.data["conclusion"] == "儿子已返岗务工，收入超过标准"

    again = make_window(qtbot, county, worker, settings)
    [restored] = again.offer_drafts()
    assert answers and "1" in answers[0]
    assert restored.conclusion.toPlainText() == "儿子已返岗务工，收入超过标准"
    assert restored.investigator_2.text() == "李秀英"
    restored.ask_signature = drawn_signature  # both investigators sign on the pad
    assert restored.save_visit(sign=True)
    with county.read() as conn:
        household = load_household(conn, household_id)
        assert list_drafts(conn, kind="visit") == []
    assert household is not None
    visit = household.visits[-1]
    assert visit.conclusion == "儿子已返岗务工，收入超过标准"
    assert visit.workers == ["王建华", "李秀英"] and visit.signed_at is not None
    with county.read() as conn:
        signatures = document_signatures(conn, "visit", visit.id)
    assert sorted(s.signer_name for s in signatures) == ["李秀英", "王建华"]


def test_autosave_writes_the_draft_after_a_pause(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    with county.read() as conn:
        household_id = search_households(conn, "朱国兵")[0].id
    window = make_window(qtbot, county, worker, settings)
    form = window.new_visit(household_id)
    form.notes.setPlainText("肺癌化疗中")

    def saved() -> None:
        with county.read() as conn:
            drafts = list_drafts(conn, kind="visit")
        assert drafts and drafts[0].data["notes"] == "肺癌化疗中"

    qtbot.waitUntil(saved, timeout=3000)


def test_switching_the_language_changes_what_is_shown(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = make_window(qtbot, county, worker, settings)
    assert window.nav.item(1).text() == "家庭"
    header = window.households.model.headerData
    assert header(0, Qt.Orientation.Horizontal) == "户主"
    settings_page = window.settings_page
    settings_page.language.setCurrentIndex(settings_page.language.findData("en"))
    qtbot.waitUntil(lambda: window.nav.item(1).text() == "Households")
    assert window.windowTitle() == "Caseworker - social assistance"
    assert window.file_menu.title() == "&File"
    assert window.households.search.placeholderText().startswith("Search")
    assert header(0, Qt.Orientation.Horizontal) == "Head of household"
    assert settings.language == "en"
    install_language("zh_CN")
    qtbot.waitUntil(lambda: window.nav.item(1).text() == "家庭")
    assert window.windowTitle() == "社会救助专干助手"
    assert window.file_menu.title() == "文件(&F)"
