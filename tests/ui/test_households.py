from pytestqt.qtbot import QtBot

from PySide6.QtTest import QAbstractItemModelTester

from caseworker.domain.codes import Program
from caseworker.store.db import Store
from caseworker.ui.models.household_table import HouseholdTableModel
from caseworker.ui.pages.households_page import HouseholdsPage


def test_typing_pinyin_initials_finds_zhang_xuelin(qtbot: QtBot, county: Store) -> None:
    page = HouseholdsPage(county)
    qtbot.addWidget(page)
    assert page.model.total == 60
    qtbot.keyClicks(page.search, "zxl")
    assert page.model.rowCount() == 1
    assert page.model.index(0, 0).data() == "张学林"
    assert "1" in page.count.text()
    with qtbot.waitSignal(page.household_opened) as opened:
        page.table.doubleClicked.emit(page.model.index(0, 0))
    assert opened.args == [page.model.household_id(0)]


def test_filters_narrow_the_list(qtbot: QtBot, county: Store) -> None:
    page = HouseholdsPage(county)
    qtbot.addWidget(page)
    page.program.setCurrentIndex(page.program.findData(Program.DIBAO.value))
    dibao = page.model.total
    assert 0 < dibao < 60
    page.village.setCurrentIndex(page.village.findData("610423100201"))
    assert page.model.total < dibao or page.model.total == 0


def test_the_list_loads_lazily_and_sorts(qtbot: QtBot, county: Store) -> None:
    import caseworker.ui.models.household_table as table

    model = HouseholdTableModel(county)
    original = table.PAGE
    table.PAGE = 25
    try:
        model.refresh()
        assert model.rowCount() == 25 and model.canFetchMore()
        model.fetchMore()
        model.fetchMore()
        assert model.rowCount() == 60 and not model.canFetchMore()
        model.sort(table.MEMBERS)
        sizes = [model.index(r, table.MEMBERS).data() for r in range(model.rowCount())]
        assert sizes[:25] == sorted(sizes[:25])
    finally:
        table.PAGE = original


def test_the_household_model_passes_the_qt_model_tester(qtbot: QtBot, county: Store) -> None:
    model = HouseholdTableModel(county)
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.refresh()
    model.fetchMore()
    model.sort(2)
    from caseworker.store.search import HouseholdQuery

    model.set_query(HouseholdQuery(text="zxl"))
    model.set_query(HouseholdQuery(text="no such person"))
    assert tester is not None and model.rowCount() == 0


def test_a_signature_drawn_with_the_mouse_becomes_a_png(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QImage

    from caseworker.ui.widgets.signature_pad import SignatureDialog

    dialog = SignatureDialog("张学林", "家庭经济状况核对授权书")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing signed yet
    pad = dialog.pad
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 100))
    for x in range(50, 300, 10):
        qtbot.mouseMove(pad, QPoint(x, 100 + (x % 30)))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 110))
    assert ok.isEnabled()
    ok.click()
    assert dialog.png is not None and dialog.png.startswith(b"\x89PNG")
    image = QImage.fromData(dialog.png)
    inked = sum(1 for x in range(40, 300, 2) if image.pixelColor(x, 100 + (x % 30)).blue() < 200)
    assert inked > 20
