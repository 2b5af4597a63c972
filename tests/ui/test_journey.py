"""A village specialist's whole day, through the real main window as she meets it: the
first start, a household that comes to apply, the visit, the findings, the application and
its authorisation, each level's decision, every form printed, then quitting and starting
again with nothing lost and no draft offered.

Modal dialogs (the first start's questions, the password, the signature pad) are answered
by a ``Person`` that looks at whichever dialog is in front, as she would.
"""

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from caseworker.demo.generator import generate_households
from caseworker.demo.places import ZHONGJIE_VILLAGE, demo_regions
from caseworker.domain.codes import Program, Stage, WorkerRole
from caseworker.eligibility.findings import Status
from caseworker.operations.applications import record_stage
from caseworker.printing.documents import list_forms
from caseworker.store.backups import backup_folder, list_backups
from caseworker.store.db import open_store
from caseworker.store.drafts import list_drafts
from caseworker.store.households import load_household, save_household, save_households
from caseworker.store.search import search_households
from caseworker.sync.client import enroll, sync
from caseworker.sync.county.auth import create_enrollment
from caseworker.sync.tls import pem_fingerprint
from caseworker.ui.app import open_store_as_worker
from caseworker.ui.dialogs.first_run import FirstRunDialog
from caseworker.ui.dialogs.signin import NewPasswordDialog, RecoveryCodeDialog, SignInDialog
from caseworker.ui.i18n import install_language
from caseworker.ui.main_window import HOUSEHOLD, HOUSEHOLDS, MainWindow
from caseworker.ui.session import Session
from caseworker.ui.settings import AppSettings
from tests.printing.helpers import page_texts
from tests.sync.conftest import new_store
from tests.sync.test_tls import tls_county  # noqa: F401  (the fixture: a county on TLS)
from tests.ui.conftest import DEMO_DAY, drawn_signature
from tests.ui.test_sync_page import (
    County,
    click,
    county_row,
    enroll_other_laptop,
    enrollment_sheet,
    open_sync_page,
    sync_on_page,
    try_enroll,
)

PASSWORD = "zhongjie-2026"
PEOPLE = [
    ("刘建国", "610423198203150612", "head"),
    ("赵秀兰", "610423198507220923", "spouse"),
    ("刘小宇", "610423201009010012", "child"),
]
# What no printed page may show: data structures, ids, code names, Python values.
PROGRAMMER_TEXT = ("{", "}", "'", "[]", "_id", "True", "False", "None", "snake_case")


class Person:
    """Answers the modal dialog in front, by its kind, the way the specialist would."""

    def __init__(self, answers: dict[type, Callable[[Any], None]]) -> None:
        self.answers = answers
        self.seen: list[str] = []
        self._timer = QTimer()
        self._timer.timeout.connect(self._look)
        self._timer.start(20)

    def _look(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or not dialog.isVisible():
            return
        answer = self.answers.get(type(dialog))
        if answer is not None and getattr(dialog, "_answered", False) is False:
            dialog._answered = True  # type: ignore[attr-defined]
            self.seen.append(type(dialog).__name__)
            answer(dialog)

    def stop(self) -> None:
        self._timer.stop()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Path]:
    """A laptop's store as installed: the county's villages and its 60 households, before
    anyone has started the app."""
    path = tmp_path / "laptop.db"
    store = open_store(path)
    save_households(store, generate_households(60, seed=11, as_of=DEMO_DAY), regions=demo_regions())
    store.close()
    yield path


def first_start(qtbot: QtBot, path: Path, settings: AppSettings, tmp_path: Path) -> MainWindow:
    """The first start: who uses the laptop, the password, the recovery code saved."""

    def who(dialog: FirstRunDialog) -> None:
        dialog.name.setText("李秀英")
        dialog.role.set_code("village")
        dialog.area.setCurrentIndex(dialog.area.findData(ZHONGJIE_VILLAGE))
        dialog.save()

    def password(dialog: NewPasswordDialog) -> None:
        dialog.first.setText(PASSWORD)
        dialog.second.setText(PASSWORD)
        dialog.check()

    def recovery(dialog: RecoveryCodeDialog) -> None:
        assert dialog.save_as(tmp_path / "recovery.pdf") is not None
        dialog.accept()

    person = Person(
        {FirstRunDialog: who, NewPasswordDialog: password, RecoveryCodeDialog: recovery}
    )
    opened = open_store_as_worker(path)
    person.stop()
    assert opened is not None, person.seen
    assert person.seen == ["FirstRunDialog", "NewPasswordDialog", "RecoveryCodeDialog"]
    store, worker = opened
    assert store.encrypted and worker.scope_code == ZHONGJIE_VILLAGE
    session = Session(app(), store, worker, settings, today=lambda: DEMO_DAY)
    window = session.open()
    window.session = session  # type: ignore[attr-defined]  # closed at the end of the day
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitActive(window)
    window.warm_up.wait()
    qtbot.waitUntil(lambda: window.nav.page_actions[0].shortcut().toString() != "")
    return window


def app() -> QApplication:
    running = QApplication.instance()
    assert isinstance(running, QApplication)
    return running


def key(qtbot: QtBot, widget: QWidget, letter: Qt.Key, ctrl: bool = True) -> None:
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(widget, letter, modifier)


def register(qtbot: QtBot, window: MainWindow) -> str:
    """A household comes to apply: 新建家庭 with three members."""
    key(qtbot, window, Qt.Key.Key_2)
    assert window.pages.currentIndex() == HOUSEHOLDS
    key(qtbot, window.households.search, Qt.Key.Key_N)
    dialog = window.households.findChildren(QDialog)[-1]
    dialog.address.setText("五组7号")
    while len(dialog.rows) < len(PEOPLE):
        dialog.new_row()
    for row, (name, number, relation) in zip(dialog.rows, PEOPLE, strict=True):
        row.name.setText(name)
        row.id_number.setText(number)
        row.relation.set_code(relation)
    assert dialog.save()
    assert window.pages.currentIndex() == HOUSEHOLD
    page = window.household_page
    assert page is not None
    return page.editor.household.id


def fill_members(window: MainWindow) -> None:
    """What the household's page asks for: each member's work and health, their property."""
    page = window.household_page
    assert page is not None
    details = {
        0: ("full", "none", "", False),
        1: ("partial", "physical", "类风湿关节炎", False),
        2: ("full", "none", "", False),
    }
    for index, (labour, disability, illness, returned) in details.items():
        dialog = page.edit_member(index)
        assert dialog is not None
        dialog.labor.set_code(labour)
        dialog.disability_type.set_code(disability)
        if disability != "none":
            dialog.disability_grade.setValue(4)
        dialog.illness_known.setChecked(bool(illness))
        dialog.illness.setText(illness)
        dialog.flags["returned_to_work"].set_value(returned)
        dialog.flags["in_school"].set_value(index == 2)
        dialog.incomes_recorded.setChecked(True)
        dialog.save()
        assert not dialog.isVisible(), dialog.general_error.text()
    assets = page.edit_assets()
    assets.recorded.setChecked(True)
    assets.save()
    supporters = page.edit_supporters()
    supporters.recorded.setChecked(True)
    supporters.save()


def visit(qtbot: QtBot, window: MainWindow) -> None:
    """The household visit, every step, saved and signed by both investigators."""
    page = window.household_page
    assert page is not None
    page.members.setFocus()
    key(qtbot, page.members, Qt.Key.Key_N)
    [form] = window.visits.forms
    form.ask_signature = drawn_signature
    form.investigator_2.setText("王建华")
    form.go_to_step(1)
    form.structure.set_code("earth_wood")
    form.area.setValue(86)
    form.condition.set_code("poor")
    form.go_to_step(2)
    form.animals[next(k for k in form.animals if k.value == "sheep")].setValue(3)
    form.go_to_step(3)
    form.vehicles[next(k for k in form.vehicles if k.value == "tricycle")].setValue(1)
    form.go_to_step(4)
    members = form.household.members
    form.incomes.add_row(members[0].id, "farming", "300.00")
    form.incomes.add_row(members[1].id, "wage", "200.00")
    form.go_to_step(5)
    form.expense_notes.setPlainText("妻子治病，今年自付医疗费约8000元")
    form.go_to_step(6)
    for cause, box in form.causes.items():
        box.setChecked(cause.value in ("illness", "lack_of_labour"))
    form.go_to_step(7)
    form.conclusion.setPlainText("家庭人均收入低于低保标准，建议纳入农村低保")
    assert form.save_visit(sign=True), [
        form.problems.item(i).text() for i in range(form.problems.count())
    ]


def decide(window: MainWindow, program: Program) -> None:
    """Her part of the decision: the application from the finding, the authorisation
    signed, the village's opinion; the township's steps are not hers to record."""
    page = window.household_page
    assert page is not None
    card = page.eligibility.card(program)
    assert card is not None and card.finding.status is Status.LIKELY_ELIGIBLE, (
        [(m.text_zh) for m in card.finding.missing] if card else None
    )
    assert card.apply is not None
    card.apply.click()
    start = page.findChildren(QDialog)[-1]
    start.accept()
    authorization = page.open_authorization()
    authorization.ask = drawn_signature
    for member_id in list(authorization.rows):
        assert authorization.sign(member_id)
    authorization.accept()
    row = len(page.editor.household.applications) - 1
    page.applications.selectRow(row)
    step = page.next_stage()
    assert step is not None
    offered = [step.stage.itemData(i) for i in range(step.stage.count())]
    assert Stage.TOWNSHIP_REVIEW.value not in offered  # the township's, not hers
    step.stage.setCurrentIndex(step.stage.findData(Stage.INVESTIGATION.value))
    step.worker.setText("李秀英")
    step.note.setPlainText("村委会：经入户调查，情况属实，同意上报")
    step.accept()
    assert not step.isVisible(), step.error.text()
    page.applications.selectRow(row)
    step = page.next_stage()  # she may still hold an appraisal; the review is the township's
    assert step is not None
    offered = [step.stage.itemData(i) for i in range(step.stage.count())]
    assert offered == [Stage.APPRAISAL.value, Stage.WITHDRAWN.value]
    step.reject()


def the_township_and_the_county_decide(county: County, tmp_path: Path, household_id: str) -> None:
    """On their own laptops, after her sync: the township reviews and publishes, the county
    approves; each sends it back to the county server."""
    server, cert = county
    levels = (
        ("township", "610423100", "张明", (
            (Stage.TOWNSHIP_REVIEW, "经审核，家庭人均收入低于农村低保标准，同意", None),
            (Stage.PUBLICITY, "在村务公开栏公示7天，无异议", None),
        )),
        ("county", "610423", "周敏", (
            (Stage.COUNTY_DECISION, "", None),
            (Stage.APPROVED, "同意纳入农村低保", "600.00"),
        )),
    )  # fmt: skip
    for role, scope, who, steps in levels:
        laptop = new_store(tmp_path / f"{role}-laptop.db")
        code = create_enrollment(server.engine, worker=who, role=role, scope=scope)
        enroll(laptop, server.url, code, pin_sha256=pem_fingerprint(cert.read_text()))
        assert sync(laptop).synced
        for stage, opinion, amount in steps:
            with laptop.read() as conn:
                household = load_household(conn, household_id)
            assert household is not None
            entry = {
                "stage": stage.value,
                "date": DEMO_DAY.isoformat(),
                "worker": who,
                "note": opinion,
                "amount_yuan": amount,
            }
            application = household.applications[-1]
            record_stage(laptop, household_id, application.id, entry, role=WorkerRole(role))
        assert sync(laptop).synced
        laptop.close()


def print_everything(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> dict[str, str]:
    """Every form of one household, from the print centre, read back from the PDF."""
    key(qtbot, window, Qt.Key.Key_4)
    centre = window.print_centre
    texts = {}
    for index in range(centre.form.count()):
        centre.form.setCurrentIndex(index)
        name = str(centre.form.currentData())
        task = centre.preview()
        assert task is not None
        qtbot.waitUntil(lambda: centre._task is None, timeout=20000)
        if centre.output is None or centre.error.isVisible():
            texts[name] = "NOT PRINTED: " + centre.error.text()
            continue
        saved = centre.save_as(tmp_path / f"{name}.pdf")
        assert saved is not None
        texts[name] = "".join(page_texts(saved.read_bytes()))
    return texts


def sync_with_the_county(
    qtbot: QtBot,
    window: MainWindow,
    county: County,
    capsys: pytest.CaptureFixture[str],
    household_id: str,
    tmp_path: Path,
) -> None:
    """At the county office: enroll on the Sync page, sync, and resolve the conflict with
    a colleague's laptop that changed the same address meanwhile."""
    code, pin = enrollment_sheet(county, capsys, worker="李秀英")
    page = open_sync_page(qtbot, window)
    try_enroll(qtbot, page, county[0].url, code, pin)
    assert page.enrolled, page.enrollment.form.boxes["code"].error.text()
    sync_on_page(qtbot, page)
    assert county_row(county, household_id)["address"] == "五组7号"

    other = new_store(tmp_path / "colleague.db")
    enroll_other_laptop(county, other, "王建华")
    sync(other)
    with other.read() as conn:
        theirs = load_household(conn, household_id)
    assert theirs is not None
    theirs.address = "五组7号（东院）"
    save_household(other, theirs)
    assert sync(other).synced
    editor = window.household_page.editor if window.household_page else None
    assert editor is not None and editor.household.id == household_id
    assert editor.edit(lambda d: d.update(address="五组8号"), "住址") == []
    sync_on_page(qtbot, page)
    table = page.conflicts.table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(4)][1:] == [
        "家庭住址",
        "五组7号（东院）",
        "五组8号（本机）",
    ]
    table.selectRow(0)
    click(qtbot, page.conflicts.keep_button)
    assert table.rowCount() == 0
    sync_on_page(qtbot, page)
    assert county_row(county, household_id)["address"] == "五组7号（东院）"
    with window.store.read() as conn:
        mine = load_household(conn, household_id)
    assert mine is not None and mine.address == "五组7号（东院）"
    other.close()


@pytest.mark.slow
def test_a_specialists_day_from_the_first_start_to_the_next(
    qtbot: QtBot,
    laptop: Path,
    settings: AppSettings,
    tmp_path: Path,
    answers: list[str],
    tls_county: County,  # noqa: F811  (a county server on loopback, with its certificate)
    capsys: pytest.CaptureFixture[str],
) -> None:
    county = tls_county
    window = first_start(qtbot, laptop, settings, tmp_path)
    assert (tmp_path / "recovery.pdf").exists()
    household_id = register(qtbot, window)
    fill_members(window)
    visit(qtbot, window)
    assert any("刘建国" in text for text in answers)  # the income changes were shown first
    decide(window, Program.DIBAO)
    sync_with_the_county(qtbot, window, county, capsys, household_id, tmp_path)
    the_township_and_the_county_decide(county, tmp_path, household_id)
    sync_on_page(qtbot, open_sync_page(qtbot, window))  # the decision comes back
    store = window.store
    with store.read() as conn:
        household = load_household(conn, household_id)
    assert household is not None
    [application] = household.applications
    assert application.stage is Stage.APPROVED
    assert [b.monthly_fen for b in household.benefits] == [60_000]

    texts = print_everything(qtbot, window, tmp_path)
    printable = {f.name for f in list_forms() if f.scope in ("household", "visit", "bundle")}
    assert set(texts) == printable
    assert "最低生活保障批准通知书" in texts["notice-approval"]
    assert "每月600.00元" in texts["notice-approval"]
    assert "刘建国" in texts["investigation"] and "王建华" in texts["investigation"]
    assert "同意纳入农村低保" in texts["dibao-application"]
    assert "张明" in texts["dibao-application"] and "周敏" in texts["dibao-application"]

    install_language("en")  # the other language, and back: nothing changes but words
    qtbot.waitUntil(lambda: window.nav.item(HOUSEHOLDS).text() == "Households")
    install_language("zh_CN")
    qtbot.waitUntil(lambda: window.nav.item(HOUSEHOLDS).text() == "家庭")
    with store.read() as conn:
        household = load_household(conn, household_id)
        assert list_drafts(conn) == []  # a language switch leaves no draft
    assert household is not None

    # The daily backup was made in the background once the window was up.
    qtbot.waitUntil(lambda: list_backups(backup_folder(store)) != [], timeout=30000)
    # Quit, and start again the next morning: sign in, nothing offered, nothing lost.
    window.close()
    window.session.close()  # type: ignore[attr-defined]
    person = Person({SignInDialog: lambda d: (d.password.setText(PASSWORD), d.try_sign_in())})
    opened = open_store_as_worker(laptop)
    person.stop()
    assert opened is not None
    store, worker = opened
    asked_before = len(answers)
    session = Session(app(), store, worker, settings, today=lambda: DEMO_DAY)
    again = session.open()
    qtbot.addWidget(again)
    again.warm_up.wait()
    qtbot.wait(100)
    assert len(answers) == asked_before  # no unsaved visit offered
    with store.read() as conn:
        assert list_drafts(conn) == []
        after = load_household(conn, household_id)
        assert search_households(conn, "刘建国")
    assert after is not None and after == household
    again.close()
    session.close()

    # What was printed speaks to people: no data structures or Python values on paper.
    for name, text in texts.items():
        if text.startswith("NOT PRINTED"):
            continue  # e.g. a notice of refusal for an approved household
        for bad in ("{", "}", "[]", "True", "False", "None"):
            at = text.find(bad)
            assert at < 0, (name, bad, text[max(at - 60, 0) : at + 60])
