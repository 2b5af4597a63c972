"""File -> 报表 through the real main window: the township's payment list and the
village's publicity list are previewed as they will be written, then saved as real files
that read back with the same cells; nothing is written by a preview."""

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot

from caseworker.store import audit
from caseworker.store.db import Store
from caseworker.store.workers import Worker
from caseworker.ui.dialogs.report import ReportDialog
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY


@pytest.fixture
def dialog(qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings) -> ReportDialog:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    window.file_menu.reports_action.trigger()  # File -> Reports (spreadsheets)...
    found = window.findChild(ReportDialog)
    assert isinstance(found, ReportDialog)
    return found


def previewed(qtbot: QtBot, dialog: ReportDialog, kind: str, area_name: str) -> None:
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    dialog.area.setCurrentIndex(dialog.area.findText(area_name))
    assert dialog.area.currentIndex() >= 0, area_name
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20_000)


def exports(county: Store) -> list[dict[str, object]]:
    with county.read() as conn:
        return [e.detail for e in audit.entries(conn) if e.action == audit.Action.EXPORT]


def test_the_payment_list_is_previewed_then_saved_with_accounts_as_text(
    qtbot: QtBot, dialog: ReportDialog, county: Store, tmp_path: Path
) -> None:
    assert dialog.month.date().toString("yyyy-MM") == "2026-11"  # this month by default
    previewed(qtbot, dialog, "payments", "云阳镇")
    report = dialog.report
    assert report is not None and report.rows
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(10)]
    assert headers[:3] == ["属地", "姓名", "身份证号"] and headers[-1] == "账号"
    accounts = [row[-1] for row in report.rows if row[-1]]
    assert accounts and all(len(str(a)) == 19 for a in accounts)  # the demo gives accounts
    total = dialog.table.item(dialog.table.rowCount() - 1, 0).text()
    assert total == "合计" and "云阳镇" in dialog.heading.text()
    assert exports(county) == []  # a preview writes nothing
    folder = tmp_path / "reports"
    folder.mkdir()
    saved = dialog.save_as(folder / "发放明细.xlsx")
    assert saved is not None
    sheet = load_workbook(saved).active
    assert sheet is not None
    assert sheet["J3"].value == "账号"
    account = next(c.value for c in sheet["J"][3:] if c.value)
    assert isinstance(account, str) and len(account) == 19
    assert list(folder.iterdir()) == [saved]  # no part file left beside it
    [detail] = exports(county)
    assert detail["report"] == "payments" and detail["township"] == "610423100"
    # Another month: the preview is of the old one, so it cannot be saved as this one.
    dialog.month.setDate(dialog.month.date().addMonths(-1))
    assert not dialog.save_button.isEnabled()


def test_the_publicity_list_shows_no_id_number_or_account(
    qtbot: QtBot, dialog: ReportDialog, tmp_path: Path
) -> None:
    previewed(qtbot, dialog, "publicity", "云阳镇 中街村")
    report = dialog.report
    assert report is not None and report.rows
    assert [c.header for c in report.columns] == [
        "属地", "户主姓名", "保障人数", "保障类别", "月保障金"
    ]  # fmt: skip
    cells = " ".join(str(v) for row in report.rows for v in row)
    assert not re.search(r"\d{15,}", cells)  # no ID or account number anywhere
    dialog.file_kind.setCurrentIndex(1)  # CSV for Excel on Chinese Windows
    saved = dialog.save_as(tmp_path / "公示名单.csv")
    assert saved is not None
    text = saved.read_bytes().decode("gb18030")
    assert "城乡低保等救助对象公示名单" in text and "中街村" in text
