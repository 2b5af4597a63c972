"""The 同步 page in the real main window, against a real county server process on loopback
with a self-signed certificate (as a county runs it): enrolling with what ``caseworker
county enroll`` prints, syncing an edit, resolving a real conflict between two laptops,
fixing a refused household, cancelling, and the status after a restart.

Pictures of each state are saved (in ``CASEWORKER_SCREENSHOTS`` when set, else in the
test's temporary folder) so a person can look at them.
"""

import hashlib
import io
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QWidget,
)

from caseworker.cli import main
from caseworker.domain.codes import LaborCapacity, Sex
from caseworker.domain.evidence import EvidenceKind, EvidenceLimits
from caseworker.domain.records import Household
from caseworker.interchange.evidence_files import prepare
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.operations.evidence import AttachRequest, FileToAttach, attach_files
from caseworker.store.db import Store, open_store
from caseworker.store.households import load_household, save_household, save_households
from caseworker.store.workers import Worker, set_current_worker
from caseworker.sync.client import enroll, last_sync, sync
from caseworker.sync.county.admin import list_conflicts
from caseworker.sync.county.auth import create_enrollment, revoke
from caseworker.sync.county.tables import HOUSEHOLD, RECORD
from caseworker.sync.tls import pem_fingerprint
from caseworker.sync.wire import CONTENT_COLUMNS
from caseworker.ui.fonts import register_bundled_fonts
from caseworker.ui.i18n import install_language
from caseworker.ui.main_window import SYNC, MainWindow
from caseworker.ui.pages.sync_page import SyncPage
from caseworker.ui.settings import AppSettings
from caseworker.ui.widgets.sync_words import (
    FIELD_LABELS,
    field_label,
    moment_text,
    value_text,
)
from tests.sync.attachment_helpers import attach, pdf_bytes, publish_file_limit, remove
from tests.sync.conftest import VILLAGE_A, CountyServer, free_port, new_store
from tests.sync.test_resilience import demo
from tests.sync.test_tls import tls_county  # noqa: F401  (the fixture: a county on TLS)
from tests.ui.conftest import DEMO_DAY

Make = Callable[..., dict[str, Any]]
County = tuple[CountyServer, Path]
# A 1366x768 laptop screen (in the pixels Qt lays out with: run with QT_SCALE_FACTOR=1.5
# to take the pictures at 150%), and what it leaves to lay out at 150%.
SCALE = float(os.environ.get("QT_SCALE_FACTOR") or 1)
SCREEN = (round(1366 / SCALE), round(768 / SCALE))
AT_150_PERCENT = (911, 512)
WAIT = 60_000  # ms: a sync on a busy two-core machine


@pytest.fixture(autouse=True)
def app_font(qapp: QApplication) -> Iterator[None]:
    """The bundled CJK font, as the app itself uses it (sizes and pictures as in use)."""
    before = qapp.font()
    register_bundled_fonts(qapp)
    yield
    qapp.setFont(before)


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("CASEWORKER_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def laptop_worker(store: Store) -> Worker:
    return set_current_worker(store, name="王建华", role="village", scope_code=VILLAGE_A)


@pytest.fixture
def window(
    qtbot: QtBot, store: Store, laptop_worker: Worker, settings: AppSettings
) -> Iterator[MainWindow]:
    made = MainWindow(store, laptop_worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(made)
    made.resize(*SCREEN)
    made.show()
    yield made
    page = made._sync_page
    if page is not None and page.running:  # never leave a sync writing to a closed store
        qtbot.waitUntil(lambda: not page.running, timeout=WAIT)


def enrollment_sheet(
    county: County, capsys: pytest.CaptureFixture[str], worker: str = "王建华"
) -> tuple[str, str]:
    """What the county hands the specialist: ``caseworker county enroll`` run as the county
    runs it, its printed code and certificate pin read back."""
    server, cert = county
    capsys.readouterr()
    argv = ["county", "enroll", "--db", server.db, "--worker", worker, "--role", "village"]
    assert main([*argv, "--scope", VILLAGE_A, "--cert", str(cert)]) == 0
    printed = capsys.readouterr().out
    code = re.search(r"code: (\S+)", printed)
    pin = re.search(r"\(sha256\): (\S+)", printed)
    assert code is not None and pin is not None
    return code.group(1), pin.group(1)


def open_sync_page(qtbot: QtBot, window: MainWindow) -> SyncPage:
    """Click 同步 in the navigation list, as the specialist does."""
    [item] = window.nav.findItems("同步", Qt.MatchFlag.MatchExactly)
    qtbot.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(item).center(),
    )
    assert window.nav.currentRow() == SYNC
    page = window.sync_page
    assert window.pages.currentWidget() is page
    return page


def png_bytes() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (80, 60), (200, 180, 150)).save(out, "PNG")
    return out.getvalue()


def type_into(qtbot: QtBot, editor: QLineEdit, text: str) -> None:
    editor.clear()
    qtbot.keyClicks(editor, text)


def try_enroll(qtbot: QtBot, page: SyncPage, server: str, code: str, pin: str) -> None:
    form = page.enrollment
    type_into(qtbot, form.server, server)
    type_into(qtbot, form.code, code)
    type_into(qtbot, form.pin, pin)
    qtbot.mouseClick(form.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.busy_now, timeout=WAIT)


def field_error(page: SyncPage, key: str) -> str:
    error = page.enrollment.form.boxes[key].error
    return error.text() if error.isVisible() else ""


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def sync_on_page(qtbot: QtBot, page: SyncPage) -> None:
    with qtbot.waitSignal(page.synced, timeout=WAIT):
        click(qtbot, page.sync_button)
    assert not page.running and not page.message.isVisible(), page.message.text()


def double_click(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    """As a hand does it: press and release, then the second press (an item view acts on
    a double click only where the first press landed)."""
    position = table.visualItemRect(table.item(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=position)


def shoot(qtbot: QtBot, window: MainWindow, shots: Path, name: str) -> None:
    qtbot.wait(50)  # let the layout settle, as it has by the time anyone looks
    window.grab().save(str(shots / f"{name}.png"))


def county_row(county: County, row_id: str) -> dict[str, Any]:
    with county[0].engine.connect() as conn:
        data = conn.execute(select(RECORD.c.data).where(RECORD.c.id == row_id)).scalar_one()
    assert isinstance(data, dict)
    return data


def county_households(county: County) -> int:
    with county[0].engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(HOUSEHOLD)).scalar_one())


def enroll_other_laptop(county: County, store: Store, worker: str) -> None:
    server, cert = county
    code = create_enrollment(server.engine, worker=worker, role="village", scope=VILLAGE_A)
    enroll(store, server.url, code, pin_sha256=pem_fingerprint(cert.read_text()))


def words_on(widget: QWidget) -> str:
    """Every text a person can read on the page: labels, buttons, titles, table cells."""
    texts: list[str] = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        for attribute in ("text", "title", "placeholderText"):
            value = getattr(child, attribute, None)
            if callable(value):
                texts.append(str(value()))
    for table in widget.findChildren(QAbstractScrollArea):
        model = getattr(table, "model", None)
        if model is None or not table.isVisibleTo(widget):
            continue
        m = model()
        for row in range(m.rowCount()):
            texts.extend(str(m.index(row, c).data()) for c in range(m.columnCount()))
        for c in range(m.columnCount()):
            texts.append(str(m.headerData(c, Qt.Orientation.Horizontal)))
    return "\n".join(texts)


def assert_fits(window: MainWindow, page: SyncPage) -> None:
    """Nothing needs sideways scrolling, at full size and at 150% scaling, and every
    input has a visible label whose text is its accessible name."""
    for size in (SCREEN, AT_150_PERCENT):
        window.resize(*size)
        QApplication.processEvents()
        bar = page.scroll_area.horizontalScrollBar()
        assert bar.maximum() == 0 or not bar.isVisible(), size
        for text in page.findChildren(QLabel):  # nothing cut off at the bottom
            if text.isVisibleTo(page) and text.wordWrap() and text.text():
                assert text.height() >= text.heightForWidth(text.width()), text.text()
    window.resize(*SCREEN)
    for editor in page.findChildren(QLineEdit):
        if not editor.isVisibleTo(page):
            continue
        labels = [
            lab for lab in page.findChildren(QLabel) if lab.buddy() is editor and lab.isVisible()
        ]
        assert [lab.text() for lab in labels] == [editor.accessibleName()], editor


def assert_for_a_person(text: str) -> None:
    """No English developer text, code name, id or data structure."""
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}", text), text  # an id
    assert not re.search(r"[{}\[\]]|_fen|_id\b|Error|Exception|None|True|False", text), text
    for code in ("partial", "farming", "head", "village", "rural"):
        assert not re.search(rf"\b{code}\b", text), (code, text)


# enrolling ---------------------------------------------------------------------------------
def test_enrolling_refuses_a_wrong_code_fingerprint_or_address_at_its_field(
    qtbot: QtBot,
    window: MainWindow,
    tls_county: County,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    shots: Path,
) -> None:
    server = tls_county[0]
    code, pin = enrollment_sheet(tls_county, capsys)
    page = open_sync_page(qtbot, window)
    assert page.enrollment.isVisible() and not page.sync_button.isEnabled()
    assert "未连接" in page.state.text()
    assert_fits(window, page)
    shoot(qtbot, window, shots, "sync-enroll")

    wrong_code = "ABCD-EFGH-JKLM-NPQR-STUV"
    try_enroll(qtbot, page, server.url, wrong_code, pin)
    assert "注册码" in field_error(page, "code") and "重新申请" in field_error(page, "code")
    assert field_error(page, "server") == field_error(page, "pin") == ""
    shoot(qtbot, window, shots, "sync-enroll-wrong-code")
    install_language("en")  # what is shown is said again in the other language
    qtbot.waitUntil(lambda: "does not accept this enrollment code" in field_error(page, "code"))
    install_language("zh_CN")
    qtbot.waitUntil(lambda: "重新申请" in field_error(page, "code"))

    wrong_pin = pin[:-1] + ("0" if pin[-1] != "0" else "1")
    try_enroll(qtbot, page, server.url, code, wrong_pin)
    assert "指纹" in field_error(page, "pin") and "不一致" in field_error(page, "pin")
    assert field_error(page, "code") == ""
    try_enroll(qtbot, page, server.url, code, pin[:40])
    assert "64" in field_error(page, "pin")
    try_enroll(qtbot, page, server.url, code, "")  # a county certificate needs its pin
    assert "指纹" in field_error(page, "pin")
    try_enroll(qtbot, page, f"https://127.0.0.1:{free_port()}", code, pin)
    assert "无法连接" in field_error(page, "server")
    shoot(qtbot, window, shots, "sync-enroll-unreachable")
    try_enroll(qtbot, page, server.url.replace("https", "http"), code, pin)
    assert field_error(page, "pin")  # an http address has no certificate
    assert not page.enrolled and page.sync_button.isVisible() and not page.sync_button.isEnabled()

    # The real code, the pin as printed but grouped and in capitals: connected. The code
    # was not used up by the failed tries.
    grouped = ":".join(pin[i : i + 2] for i in range(0, 64, 2)).upper()
    try_enroll(qtbot, page, server.url.removeprefix("https://"), code, grouped)
    assert page.enrolled and not page.enrollment.isVisible(), words_on(page)
    connection = page.connection.text()
    assert "王建华" in connection and "村级社会救助专干" in connection
    assert "泾阳县云阳镇中街村" in connection and server.url in connection
    assert page.sync_button.isEnabled() and "尚未同步" in page.state.text()
    assert_for_a_person(words_on(page))
    shoot(qtbot, window, shots, "sync-enrolled")

    # Enrolling again with the used code is refused at the code; Cancel goes back.
    click(qtbot, page.reenroll_button)
    try_enroll(qtbot, page, server.url, code, pin)
    assert "已经用过" in field_error(page, "code")
    click(qtbot, page.enrollment.cancel_button)
    assert not page.enrollment.isVisible() and page.enrolled


# syncing and conflicts ---------------------------------------------------------------------
def test_an_edit_reaches_the_county_and_a_conflict_is_resolved_on_the_page(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    tls_county: County,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    household_data: Make,
    tmp_path: Path,
    shots: Path,
) -> None:
    code, pin = enrollment_sheet(tls_county, capsys)
    page = open_sync_page(qtbot, window)
    try_enroll(qtbot, page, tls_county[0].url, code, pin)
    assert page.enrolled

    h = parse_household(household_data())
    save_household(store, h)
    page.refresh()
    assert "1 户的修改尚未同步" in page.status.text()
    sync_on_page(qtbot, page)
    assert page.state.text() == "已同步"
    assert "县里的回执与本机发送的内容一致" in page.status.text()
    assert "发送了 1 户的修改" in page.status.text()
    assert county_row(tls_county, h.id)["address"] == "三组18号"

    # The specialist edits the address; the next sync takes it to the county.
    h.address = "三组20号"
    save_household(store, h)
    sync_on_page(qtbot, page)
    assert county_row(tls_county, h.id)["address"] == "三组20号"

    # A photo of the hukou booklet travels with the next sync, and the page says so.
    photo = FileToAttach(
        "户口簿.png", prepare(png_bytes(), "户口簿.png", EvidenceLimits()), DEMO_DAY
    )
    attach_files(store, [photo], AttachRequest(h.id, EvidenceKind.HUKOU), "王建华")
    sync_on_page(qtbot, page)
    assert "证明材料：上传1份，下载0份" in page.status.text()
    assert page.state.text() == "已同步"

    # Offline, another laptop and this one change the same three things of the household.
    other = new_store(tmp_path / "other.db")
    enroll_other_laptop(tls_county, other, "李秀英")
    sync(other)
    with other.read() as conn:
        theirs = load_household(conn, h.id)
    assert theirs is not None
    theirs.address = "四组1号"
    theirs.members[0].labor_capacity = LaborCapacity.PARTIAL
    theirs.members[0].incomes[0].monthly_fen = 65000
    save_household(other, theirs)
    assert sync(other).synced
    mine = parse_household(household_to_dict(h))
    mine.address = "五组2号"
    mine.members[0].labor_capacity = LaborCapacity.NONE
    mine.members[0].incomes[0].monthly_fen = 50000
    save_household(store, mine)
    sync_on_page(qtbot, page)

    table = page.conflicts.table
    assert table.isVisible() and table.rowCount() == 3
    rows = {
        table.item(r, 1).text(): [table.item(r, c).text() for c in range(4)]
        for r in range(table.rowCount())
    }
    assert rows["家庭住址"] == ["张学林", "家庭住址", "四组1号", "五组2号（本机）"]
    assert rows["成员张学林：劳动能力"][2:] == ["部分丧失劳动能力", "无劳动能力（本机）"]
    income = rows["张学林的收入（种养殖净收入）：月金额"]
    assert income[2:] == ["650.00 元", "500.00 元（本机）"]
    assert page.conflict_box.title() == "待解决的冲突（3）"
    assert page.state.text() == "已同步；有 3 项冲突待解决"
    assert "3 项冲突需要您处理" in page.notice.text()
    assert_for_a_person(words_on(page))
    assert_fits(window, page)
    shoot(qtbot, window, shots, "sync")
    install_language("en")  # the same in English, at once
    qtbot.waitUntil(lambda: table.item(0, 1).text() == "Address")
    english = [table.item(0, c).text() for c in range(4)]
    assert english == ["张学林", "Address", "四组1号", "五组2号 (this laptop)"]
    assert page.state.text() == "Synced; 3 conflict(s) to resolve"
    assert "Ability to work" in words_on(page) and "partly able to work" in words_on(page)
    shoot(qtbot, window, shots, "sync-en")
    install_language("zh_CN")
    qtbot.waitUntil(lambda: table.item(0, 1).text() == "家庭住址")

    # Keep this laptop's address, the county's ability to work; leave the income open.
    def choose(item: str, button: QPushButton) -> None:
        [row] = [r for r in range(table.rowCount()) if table.item(r, 1).text() == item]
        table.selectRow(row)
        click(qtbot, button)

    choose("家庭住址", page.conflicts.other_button)
    assert "五组2号" in page.notice.text() and table.rowCount() == 2
    choose("成员张学林：劳动能力", page.conflicts.keep_button)
    assert table.rowCount() == 1
    sync_on_page(qtbot, page)
    assert county_row(tls_county, h.id)["address"] == "五组2号"
    head = county_row(tls_county, h.members[0].id)
    assert head["labor_capacity"] == "partial"
    assert [c.field for c in list_conflicts(tls_county[0].engine)] == ["monthly_fen"]
    assert page.conflict_box.title() == "待解决的冲突（1）"

    # The other laptop changes the income again before this laptop's choice reaches the
    # county: the county does not take the choice, and the page says so.
    with other.read() as conn:
        again = load_household(conn, h.id)
    assert again is not None
    again.members[0].incomes[0].monthly_fen = 70000
    save_household(other, again)
    assert sync(other).synced
    choose("张学林的收入（种养殖净收入）：月金额", page.conflicts.keep_button)
    assert table.rowCount() == 0
    with qtbot.waitSignal(page.synced, timeout=WAIT):
        click(qtbot, page.sync_button)
    said = page.notice.text()
    assert "县里没有接受您对 1 项冲突的处理" in said and "请在下面重新选择" in said, said
    assert table.rowCount() == 1 and page.conflict_box.title() == "待解决的冲突（1）"
    shoot(qtbot, window, shots, "sync-choice-refused")

    # Double-clicking the conflict left opens its household.
    double_click(qtbot, table, 0)
    assert window.household_page is not None
    assert window.household_page.editor.household.id == h.id
    other.close()


def test_a_refused_household_is_opened_fixed_and_sent_again(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    tls_county: County,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    household_data: Make,
    tmp_path: Path,
    shots: Path,
) -> None:
    code, pin = enrollment_sheet(tls_county, capsys)
    page = open_sync_page(qtbot, window)
    try_enroll(qtbot, page, tls_county[0].url, code, pin)
    # Another laptop registers the family first; this one records the same people again.
    other = new_store(tmp_path / "other.db")
    enroll_other_laptop(tls_county, other, "李秀英")
    save_household(other, parse_household(household_data()))
    assert sync(other).synced
    clash = parse_household(household_data())
    save_households(store, [clash, *demo(3, 6, VILLAGE_A)])
    sync_on_page(qtbot, page)

    assert page.state.text() == "未完全同步"
    assert "县里接受 3 户，拒收 1 户" in page.status.text()
    assert "县里拒收了 1 户的修改" in page.status.text()
    assert "都已送到县里" not in page.status.text()
    refused = page.refused.table
    assert refused.rowCount() == 1 and refused.item(0, 0).text() == "张学林"
    reason = refused.item(0, 1).text()
    assert "已登记在县里的另一户" in reason and "身份证号" in reason
    assert page.refused_box.title() == "县里拒收的记录（1）"
    # The county's copy of the family cannot be stored here either: said, in Chinese.
    assert page.held.isVisible() and "身份证号" in page.held.text()
    assert_for_a_person(words_on(page))
    shoot(qtbot, window, shots, "sync-refused")

    double_click(qtbot, refused, 0)
    assert window.household_page is not None
    assert window.household_page.editor.household.id == clash.id
    # She finds the mother was recorded twice: keeps only the head, with his own ID.
    clash.members = clash.members[:1]
    head = clash.members[0]
    head.id_number, head.birth_date, head.sex = "610423198001010013", date(1980, 1, 1), Sex.MALE
    save_household(store, clash)
    window.open_household(clash.id)  # as after saving it there: screened again
    window.nav.setCurrentRow(SYNC)
    refused.selectRow(0)
    with qtbot.waitSignal(page.synced, timeout=WAIT):
        click(qtbot, page.refused.resend_button)  # sends at once
    assert refused.rowCount() == 0 and "没有拒收" in page.refused.empty.text()
    assert page.state.text() == "已同步"
    assert county_row(tls_county, clash.id)["address"] == "三组18号"
    other.close()


# cancelling and restarting -----------------------------------------------------------------
def test_a_cancelled_sync_keeps_what_was_sent_and_the_status_survives_a_restart(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    tls_county: County,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    settings: AppSettings,
    laptop_worker: Worker,
    shots: Path,
) -> None:
    code, pin = enrollment_sheet(tls_county, capsys)
    page = open_sync_page(qtbot, window)
    try_enroll(qtbot, page, tls_county[0].url, code, pin)
    save_households(store, demo(150, 7, VILLAGE_A))
    page.batch_size = 5  # many small requests: Cancel lands in the middle
    page.refresh()
    click(qtbot, page.sync_button)
    qtbot.waitUntil(lambda: page.progress.value() >= 5, timeout=WAIT)
    assert page.progress.maximum() == 150 and "发送" in page.progress_text.text()
    shoot(qtbot, window, shots, "sync-running")
    click(qtbot, page.cancel_button)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)

    # What the county answered is kept on both sides; the rest waits on the laptop. (A batch
    # on its way when Cancel was pressed may be at the county unanswered: it is sent again
    # and the county replays its answer.)
    told = re.search(
        r"县里已收到并保存了 (\d+) 户的修改；其余 (\d+) 户的修改仍在本机", page.notice.text()
    )
    assert told is not None, page.notice.text()
    sent, left = int(told.group(1)), int(told.group(2))
    assert sent >= 5 and sent + left == 150 and "下次同步时发送" in page.notice.text()
    assert sent <= county_households(tls_county) < 150 and not page.message.isVisible()
    assert f"本机还有 {left} 户的修改尚未同步" in page.status.text()
    assert last_sync(store) is None and "尚未同步" in page.state.text()
    shoot(qtbot, window, shots, "sync-cancelled")

    page.batch_size = 50
    sync_on_page(qtbot, page)
    assert county_households(tls_county) == 150
    summary = last_sync(store)
    assert summary is not None and summary.synced
    shown = moment_text(summary.at)
    assert shown.startswith(f"{summary.at.astimezone().year}年")
    assert f"上次同步：{shown}" in page.status.text()
    window.close()

    # The next day: the app starts again on the same store file.
    with next_day(qtbot, store, laptop_worker, settings) as (restarted, _):
        page = open_sync_page(qtbot, restarted)
        assert page.state.text() == "已同步"
        assert f"上次同步：{shown}" in page.status.text()
        assert "县里的回执与本机发送的内容一致" in page.status.text()
        assert "本机所有修改都已送到县里" in page.status.text()
        assert "王建华" in page.connection.text()
        assert_fits(restarted, page)
        shoot(qtbot, restarted, shots, "sync-after-restart")


@contextmanager
def next_day(
    qtbot: QtBot, store: Store, worker: Worker, settings: AppSettings
) -> Iterator[tuple[MainWindow, Store]]:
    """The app started again on the same store file: its window, and the store it opened."""
    again = open_store(store.path)
    try:
        restarted = MainWindow(again, worker, settings, today=lambda: DEMO_DAY)
        qtbot.addWidget(restarted)
        restarted.resize(*SCREEN)
        restarted.show()
        yield restarted, again
        restarted.close()
    finally:
        again.close()


@pytest.fixture
def synced(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    tls_county: County,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    household_data: Make,
) -> tuple[SyncPage, Household]:
    """The laptop enrolled on the Sync page with a county on TLS, and a household it has
    synced."""
    code, pin = enrollment_sheet(tls_county, capsys)
    page = open_sync_page(qtbot, window)
    try_enroll(qtbot, page, tls_county[0].url, code, pin)
    household = parse_household(household_data())
    save_household(store, household)
    sync_on_page(qtbot, page)
    return page, household


def test_evidence_files_going_up_show_how_many_megabytes_are_sent(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    synced: tuple[SyncPage, Household],
    shots: Path,
) -> None:
    """Photos and scans take long on a township's connection: the bar and its words follow
    the megabytes sent, not only the files."""
    page, h = synced
    files = [pdf_bytes(15 * 1024 * 1024, seed=n) for n in range(4)]  # 60 MB of scans
    for content in files:
        attach(store, h.id, content)
    page.refresh()  # the files wait: the page does not say everything has reached the county
    assert page.state.text() == "未完全同步"
    assert "本机还有 4 份证明材料尚未送到县里，下次同步时发送。" in page.status.text()
    assert "本机所有修改都已送到县里" not in page.status.text()
    shoot(qtbot, window, shots, "sync-evidence-waiting")
    click(qtbot, page.sync_button)
    qtbot.waitUntil(
        lambda: "正在发送证明材料" in page.progress_text.text() and page.progress.value() > 0,
        timeout=WAIT,
    )
    said = page.progress_text.text()
    assert re.search(r"正在发送证明材料：[\d.]+ (KB|MB) / 60\.0 MB（已送达 \d / 4 份）", said), said
    assert page.progress.maximum() == 60 * 1024  # KiB
    shoot(qtbot, window, shots, "sync-evidence")
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT)
    assert "证明材料：上传4份，下载0份" in page.status.text()
    assert page.state.text() == "已同步"
    assert "尚未送到县里" not in page.status.text()
    assert "本机所有修改都已送到县里" in page.status.text()


def test_a_file_the_county_does_not_take_is_named_on_the_page_with_why(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    tls_county: County,  # noqa: F811
    synced: tuple[SyncPage, Household],
    shots: Path,
    settings: AppSettings,
    laptop_worker: Worker,
) -> None:
    """The county's pack allows 1 MB a file; a 2 MB scan waiting on the laptop is not
    taken: the page says which document of which household, and what to do, until it is
    removed (after a restart too)."""
    page, h = synced
    publish_file_limit(tls_county[0].engine, 1)
    big = pdf_bytes(2 * 1024 * 1024, seed=7)
    scan = attach(store, h.id, big)
    with qtbot.waitSignal(page.synced, timeout=WAIT):
        click(qtbot, page.sync_button)

    def assert_named(page: SyncPage) -> None:
        said = page.sync_state.refused_files.text()
        assert page.sync_state.refused_files.isVisible(), said
        assert "县里没有接收 1 份证明材料：" in said, said
        assert "张学林家的户口簿（全户，2026-11-02）：文件有 2.0 MB，超过县里允许的 1.0 MB" in said
        assert "请移除后改添加较小的文件" in said
        assert hashlib.sha256(big).hexdigest()[:8] not in said and scan.id not in said
        assert not re.search(r"[A-Za-z]{3,}", said.replace(" MB", "")), said  # no English
        assert page.state.text() == "未完全同步"
        status = page.status.text()
        assert "本机还有 1 份证明材料尚未送到县里；上次同步时县里没有接收其中 1 份。" in status
        assert "下次同步时发送" not in status

    assert_named(page)
    assert not page.message.isVisible()  # the sync itself went well
    shoot(qtbot, window, shots, "sync-evidence-refused")
    window.close()

    # The next day: the app starts again on the same store file, and still names the file.
    with next_day(qtbot, store, laptop_worker, settings) as (restarted, again):
        page = open_sync_page(qtbot, restarted)
        assert_named(page)
        # She removes the scan (to add a smaller one): nothing is said to be refused any more.
        remove(again, scan.id, "文件太大，改为分页扫描")
        page.refresh()
        assert not page.sync_state.refused_files.isVisible()
        assert "县里没有接收" not in page.status.text()


def test_a_sync_the_county_refuses_or_cannot_answer_is_explained_in_chinese(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    tls_county: County,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    household_data: Make,
    shots: Path,
) -> None:
    code, pin = enrollment_sheet(tls_county, capsys)
    page = open_sync_page(qtbot, window)
    try_enroll(qtbot, page, tls_county[0].url, code, pin)
    save_household(store, parse_household(household_data()))
    page.refresh()

    revoke(tls_county[0].engine, store.device_id)  # the county takes the laptop off
    with qtbot.waitSignal(page.synced, timeout=WAIT):
        click(qtbot, page.sync_button)
    said = page.message.text()
    assert page.message.isVisible() and "县里已不再接受本机" in said and "重新注册" in said
    assert "数据没有丢失" in said
    assert "1 户的修改尚未同步" in page.status.text()

    tls_county[0].stop()  # the connection is gone
    with qtbot.waitSignal(page.synced, timeout=WAIT):
        click(qtbot, page.sync_button)
    said = page.message.text()
    assert "无法连接县级服务器" in said and "数据没有丢失" in said
    assert not re.search(r"[A-Za-z]{3,}", said), said  # no English, no exception names
    assert page.sync_button.isEnabled() and not page.cancel_button.isVisible()
    shoot(qtbot, window, shots, "sync-unreachable")


# words ---------------------------------------------------------------------------------------
def test_every_field_that_travels_has_a_label() -> None:
    missing = [
        (table, column)
        for table, columns in CONTENT_COLUMNS.items()
        for column in columns
        if (table, column) not in FIELD_LABELS
    ]
    assert missing == []


def test_values_from_the_county_are_shown_for_a_person_or_not_at_all() -> None:
    regions = {VILLAGE_A: "中街村"}
    shown: list[tuple[str, str, Any, str]] = [
        ("member", "labor_capacity", "partial", "部分丧失劳动能力"),
        ("member", "labor_capacity", "no_such_code", "（本机不认识的选项）"),
        ("income", "monthly_fen", 16050, "160.50 元"),
        ("income", "monthly_fen", "16050", "（无法显示的值）"),  # text where money belongs
        ("member", "birth_date", "1949-12-31", "1949年12月31日"),
        ("member", "birth_date", {"y": 1949}, "（无法显示的值）"),
        ("member", "in_school", True, "是"),
        ("member", "in_school", 1, "（无法显示的值）"),
        ("member", "disability_grade", 2, "2级"),
        ("household", "village_code", VILLAGE_A, "中街村"),
        ("household", "village_code", "999999999999", "（本机不认识的村）"),
        ("household", "address", None, "（空）"),
        ("household", "address", "三组\u202e18号\x00\n\n五组", "三组18号 五组"),  # bidi, NUL
        ("visit", "workers", ["王建华", "李秀英"], "王建华、李秀英"),
        ("visit", "observations", {"housing": "brick"}, "（内容较多，请打开该户查看）"),
        ("income", "member_id", "6f1c0b9e-1111-2222-3333-444455556666", "（指向另一条记录）"),
    ]
    for table, column, value, words in shown:
        assert value_text(table, column, value, regions) == words, (table, column, value)
    member = "6f1c0b9e-1111-2222-3333-444455556666"
    assert value_text("application", "member_id", member, regions, {member: "王桂芝"}) == "王桂芝"
    assert value_text("application", "member_id", "x", regions, {}) == "（本机没有的成员）"
    assert value_text("application_stage", "amount_fen", 60000, regions) == "600.00 元"
    long = value_text("household", "address", "长" * 500, regions)
    assert len(long) == 120 and long.endswith("…")
    assert field_label("household", "__a_newer_field__") == "其他项目"
