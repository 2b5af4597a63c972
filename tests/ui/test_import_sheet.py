"""File -> 导入表格 through the real main window: the preview shows the mapping, the
households as they will be stored, every problem at its cell and the possible duplicates
to confirm; nothing is written until Import, which runs in the background."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from caseworker.demo.rosters import write_roster_xlsx
from caseworker.domain.idnumber import check_character
from caseworker.store.db import Store
from caseworker.store.households import count_households
from caseworker.store.workers import Worker
from caseworker.ui import ask
from caseworker.ui.dialogs.import_sheet import ImportSheetDialog
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings
from tests.ui.conftest import DEMO_DAY

HEADERS = ["户主身份证号", "姓名", "身份证号码", "性别", "与户主关系", "村", "住址", "户籍性质",
           "保障类别", "户月保障金", "纳入时间"]  # fmt: skip


def an_id(first17: str) -> str:
    return first17 + check_character(first17)


def households(store: Store) -> int:
    with store.read() as conn:
        return count_households(conn)


def opened(
    qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> ImportSheetDialog:
    monkeypatch.setattr(ask, "open_file", lambda *_: str(path))
    window.file_menu.import_sheet_action.trigger()  # File -> Import spreadsheet...
    dialog = window.findChild(ImportSheetDialog)
    assert isinstance(dialog, ImportSheetDialog)
    qtbot.waitUntil(lambda: dialog.preview is not None or "：" in dialog.summary.text())
    return dialog


@pytest.fixture
def window(qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings) -> MainWindow:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_good_roster_is_previewed_then_imported(
    qtbot: QtBot, window: MainWindow, county: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head, wife = an_id("61042319660303301"), an_id("61042319680404402")
    path = tmp_path / "roster.xlsx"
    write_roster_xlsx(
        path,
        [
            HEADERS,
            [
                head,
                "欧阳䶮",
                head,
                "男",
                "户主",
                "中街村",
                "七组1号",
                "农村",
                "A类",
                800,
                "2020-05-01",
            ],
            [head, "𠮷丽", wife, "女", "妻", "", "", "", "", "", ""],
        ],
    )
    before = households(county)
    assert window.file_menu.title() == "文件(&F)"
    assert window.file_menu.import_sheet_action.text() == "导入表格…"
    dialog = opened(qtbot, window, path, monkeypatch)
    assert "roster.xlsx" in dialog.summary.text()
    assert "对照表：每人一行的花名册" in dialog.summary.text()
    assert dialog.rows.rowCount() == 1
    shown = [dialog.rows.item(0, c).text() for c in range(dialog.rows.columnCount())]
    assert shown[:5] == ["2", "欧阳䶮", head, "2", "中街村"]
    assert "最低生活保障" in shown[7] and "800.00" in shown[7]
    assert dialog.problems_label.text() == "未发现问题"
    assert not dialog.confirm.isVisible()
    assert households(county) == before  # nothing written by the preview
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None)
    assert households(county) == before + 1


def test_problems_are_shown_at_their_cells_and_block_the_import(
    qtbot: QtBot, window: MainWindow, county: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = an_id("61042319660303301")
    path = tmp_path / "bad.xlsx"
    write_roster_xlsx(
        path,
        [
            HEADERS,
            [head, "欧阳䶮", float(head), "男", "户主", "中街村", "七组1号", "农村", "", "", ""],
        ],
        sheet="花名册",
    )
    before = households(county)
    dialog = opened(qtbot, window, path, monkeypatch)
    items = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any(
        "花名册 第2行 “身份证号码”“6.10423196603033e+17”：身份证号被Excel存成了数字" in t
        for t in items
    ), items
    assert "1处问题" in dialog.problems_label.text()
    assert not dialog.import_button.isEnabled()
    assert households(county) == before


def test_possible_duplicates_are_confirmed_before_the_import(
    qtbot: QtBot, window: MainWindow, county: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 张学林 (born 1974-06-20) is a stored demo household; 张雪林 sounds the same.
    other = an_id("61042319740620081")
    path = tmp_path / "dup.xlsx"
    write_roster_xlsx(
        path,
        [HEADERS, [other, "张雪林", other, "男", "户主", "中街村", "五组", "农村", "", "", ""]],
    )
    before = households(county)
    dialog = opened(qtbot, window, path, monkeypatch)
    assert dialog.duplicates.count() == 1
    assert "可能是同一人" in dialog.duplicates.item(0).text()
    assert not dialog.import_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None)
    assert households(county) == before + 1
