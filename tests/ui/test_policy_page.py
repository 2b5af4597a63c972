"""The Policy page for people: parameters by program and by name, values in words, their
history with its documents; what-if with an editor fit for each kind of value."""

import re

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTableWidget,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from caseworker.domain.codes import Program
from caseworker.eligibility.params import SPECS
from caseworker.store.db import Store
from caseworker.ui.i18n import install_language
from caseworker.ui.pages.policy_page import PolicyPage
from tests.ui.conftest import DEMO_DAY

# What a person must never read on the page: a parameter key or any dotted name, a code
# name, a Python value, a data structure, the jargon "what-if".
RAW = re.compile(
    r"[A-Za-z]+_[A-Za-z_]+|\b[a-z]+\.[a-z_]+|\bTrue\b|\bFalse\b|\bNone\b|[{}\[\]]|what-if"
    r"|cn-\d"
)


def visible_texts(page: QWidget) -> list[str]:
    """Every text shown on the page (tooltips are not shown: they may carry the key)."""
    texts: list[str] = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, QSpinBox):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(c) for c in range(widget.columnCount())]
            it = QTreeWidgetItemIterator(widget)
            while it.value():
                texts += [it.value().text(c) for c in range(widget.columnCount())]
                it += 1
        elif isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                texts.append(header.text() if header else "")
                texts += [
                    widget.item(row, column).text()
                    for row in range(widget.rowCount())
                    if widget.item(row, column)
                ]
    return [t for t in texts if t]


def shown_page(qtbot: QtBot, county: Store, scope: str | None = "610423") -> PolicyPage:
    page = PolicyPage(county, scope=scope, today=lambda: DEMO_DAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.load()
    return page


def test_parameters_are_listed_by_program_and_name_with_the_value_in_words(
    qtbot: QtBot, county: Store
) -> None:
    page = shown_page(qtbot, county)
    assert page.policy is not None and "泾阳县" in page.title.text()
    programs = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert programs[:3] == ["通用", "最低生活保障", "单人户施保"]
    assert {"特困人员救助供养", "临时救助", "价格临时补贴"} <= set(programs)
    rows = {}
    it = QTreeWidgetItemIterator(page.tree)
    while it.value():
        rows[it.value().text(0)] = it.value()
        it += 1
    assert rows["农村低保标准"].text(1) == "400.00元/人·月"
    assert rows["金额取整方式"].text(1) == "按元四舍五入"
    assert rows["扣减近12个月的医疗、残疾康复护理支出"].text(1) == "否"
    assert rows["分类施保"].text(1).startswith("A类：独居老人、全家无劳动能力，每户每月增发50.00元")
    assert "优抚金、抚恤金" in rows["不计入家庭收入的项目"].text(1)
    assert "dibao.standard.rural" in rows["农村低保标准"].toolTip(0)  # for county staff


def test_a_parameter_shows_its_values_by_date_with_their_documents(
    qtbot: QtBot, county: Store
) -> None:
    page = shown_page(qtbot, county)
    page.choose("dibao.standard.rural")
    history = page.history
    assert history.name.text() == "农村低保标准"
    assert "400.00元/人·月" in history.current.text()
    said = [history.entries.itemAt(i).widget().text() for i in range(history.entries.count())]
    assert len(said) == 2
    assert "2020-01-01起（现行）" in said[0] and "400.00元/人·月" in said[0]
    assert "2019-01-01起" in said[1] and "370.00元/人·月" in said[1]
    assert "示例参数（演示用）" in said[0] and "example value" not in said[0]


def test_no_key_no_code_and_no_python_value_is_shown_anywhere(qtbot: QtBot, county: Store) -> None:
    page = shown_page(qtbot, county)
    for language in ("zh_CN", "en"):
        install_language(language)
        for name in SPECS:
            page.choose(name)
            qtbot.wait(1)
            texts = visible_texts(page)
            raw = [t for t in texts if RAW.search(t)]
            assert raw == [], (language, name, raw)
    # English names in English
    page.choose("dibao.standard.rural")
    install_language("en")
    assert page.history.name.text() == "rural Dibao standard"
    install_language("zh_CN")


def test_typing_450_into_the_standard_gives_450_00_and_runs_the_what_if(
    qtbot: QtBot, county: Store
) -> None:
    page = shown_page(qtbot, county, scope=None)
    page.choose("dibao.standard.rural")
    editor = page.editor
    assert editor is not None
    box = editor.focus_widget()
    assert isinstance(box, QLineEdit) and box.text() == "400.00"
    editor.focus_editor()
    qtbot.keyClicks(box, "450")  # the value in force is selected: typing replaces it
    assert box.text() == "450"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.text() == "450.00"
    qtbot.waitUntil(lambda: page.result is not None, timeout=20000)
    assert page.result is not None and page.result.households == 60
    assert page.result.overrides == {"dibao.standard.rural": "450.00"}
    assert "农村低保标准为450.00元/人·月" in page.summary.text()
    box.setText("800")
    page.run_button.click()
    qtbot.waitUntil(lambda: page.result is not None and page.result.changes != [], timeout=20000)
    assert page.result.summary[Program.DIBAO].brought_in > 0
    assert page.changes.rowCount() == len(page.result.changes)


def test_a_bad_value_is_refused_in_words_naming_the_parameter(qtbot: QtBot, county: Store) -> None:
    page = shown_page(qtbot, county)
    page.choose("dibao.standard.rural")
    assert page.editor is not None
    box = page.editor.focus_widget()
    assert isinstance(box, QLineEdit)
    box.setText("12OO")
    assert page.run_what_if() is None  # refused at once, nothing run
    message = page.error.text()
    assert page.error.isVisible() and "农村低保标准" in message and "不是有效金额" in message
    assert "dibao" not in message and "what-if" not in message and "政策包" not in message
    page.choose("marginal.income_multiple")
    assert page.error.text() == ""
    assert page.editor is not None
    multiple = page.editor.focus_widget()
    assert isinstance(multiple, QLineEdit) and multiple.text() == "1.5"
    multiple.setText("20")
    page.run_what_if()
    assert "低保边缘家庭人均收入上限“20”：应在1到10之间" in page.error.text()
    install_language("en")
    page.run_what_if()
    assert "income limit per person of a marginal family '20'" in page.error.text()


def test_each_kind_of_value_has_its_own_editor(qtbot: QtBot, county: Store) -> None:
    page = shown_page(qtbot, county)
    page.choose("dibao.property.company_allowed")
    assert page.editor is not None
    combo = page.editor.focus_widget()
    assert isinstance(combo, QComboBox) and combo.currentText() == "否"
    assert page.editor.yaml_text() == "false"
    page.choose("amounts.rounding")
    assert page.editor is not None
    rounding = page.editor.focus_widget()
    assert isinstance(rounding, QComboBox) and rounding.currentText() == "按元四舍五入"
    page.choose("gradual_exit.months")
    assert page.editor is not None
    spin = page.editor.focus_widget()
    assert isinstance(spin, QSpinBox) and spin.value() == 6
    page.choose("dibao.income.exempt_kinds")
    assert page.editor is not None
    kinds = page.editor.focus_widget()
    assert isinstance(kinds, QListWidget)
    ticked = [
        kinds.item(i).text()
        for i in range(kinds.count())
        if kinds.item(i).checkState() == Qt.CheckState.Checked
    ]
    assert "奖学金、助学金" in ticked and "工资性收入" not in ticked
    page.choose("dibao.categories")
    assert page.editor is None and page.no_editor.isVisible()
    assert not page.run_button.isEnabled()
