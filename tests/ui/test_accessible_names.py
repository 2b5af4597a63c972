"""Every input, button and list a specialist can reach has an accessible name, the words
of its visible label, so a screen reader (or an automated walk) can find it."""

from pytestqt.qtbot import QtBot

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from caseworker.store.db import Store
from caseworker.store.search import search_households
from caseworker.store.workers import Worker
from caseworker.ui.main_window import MainWindow
from caseworker.ui.settings import AppSettings
from caseworker.ui.widgets.fields import FieldBox, first_input
from tests.ui.conftest import DEMO_DAY

INPUTS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)


def accessible_name(widget: QWidget) -> str:
    """The name set for it, else the one Qt derives (its text, or a buddy label's). On
    Linux Qt reports a combo box's current choice as its name and relies on the name set."""
    if widget.accessibleName():
        return widget.accessibleName()
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name).strip() if face is not None else ""


def nameless(root: QWidget) -> list[str]:
    """What a screen reader could not name among the inputs shown in ``root``."""
    found = []
    for w in root.findChildren(QWidget):
        inner = isinstance(w.parent(), QAbstractSpinBox | QComboBox)  # a box's own editor
        qt_own = isinstance(w, QHeaderView) or w.objectName() == "qt_tableview_cornerbutton"
        shown = isinstance(w, INPUTS) and w.isVisibleTo(root) and not inner and not qt_own
        if shown and not accessible_name(w):
            found.append(f"{type(w).__name__} in {type(w.parent()).__name__}")
    return found


def labels_and_names(root: QWidget) -> list[tuple[str, str]]:
    """(label, accessible name of the input it labels) of every form row shown."""
    pairs = []
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            words = label.widget() if label is not None else None
            widget = field.widget() if field is not None else None
            if not isinstance(words, QLabel) or widget is None or not words.isVisibleTo(root):
                continue
            if not words.text():
                continue
            editor = widget.editor if isinstance(widget, FieldBox) else widget
            pairs.append((words.text().removesuffix(" *"), accessible_name(first_input(editor))))
    return pairs


def assert_labels_are_names(root: QWidget) -> None:
    pairs = labels_and_names(root)
    assert pairs, root  # the dialog's fields were found
    assert [label for label, _ in pairs] == [name for _, name in pairs]


def test_every_input_of_every_page_and_dialog_has_a_name(
    qtbot: QtBot, county: Store, worker: Worker, settings: AppSettings
) -> None:
    window = MainWindow(county, worker, settings, today=lambda: DEMO_DAY)
    qtbot.addWidget(window)
    window.show()
    assert nameless(window) == []
    pages = (
        window.households,
        window.print_centre,
        window.policy_page,
        window.sync_page,
        window.settings_page,
    )
    for page in pages:
        assert nameless(page) == [], type(page).__name__
    with county.read() as conn:
        household_id = search_households(conn, "张学林")[0].id
    page = window.open_household(household_id)
    assert page is not None
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        assert nameless(page) == [], page.tabs.tabText(index)
    dialogs = (
        window.households.register_household(),
        page.edit_member(None),
        page.edit_household_info(),
        page.edit_assets(),
        page.start_application(None),
    )
    for dialog in dialogs:
        assert nameless(dialog) == [], dialog.windowTitle()
        if dialog is not dialogs[3]:  # the property list is a table, not labelled fields
            assert_labels_are_names(dialog)
        dialog.reject()
    form = window.new_visit(household_id)
    for step in range(form.steps.count()):
        form.steps.setCurrentRow(step)
        assert nameless(form) == [], form.steps.item(step).text()
        if step not in (4, 5, 6):  # incomes, expenses and causes: rows and tick boxes
            assert_labels_are_names(form)
