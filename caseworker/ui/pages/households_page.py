"""The household list: search as you type (name, pinyin initials, ID fragment), filters by
village, program and application stage, sortable columns, lazily loaded rows."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import Program, RegionLevel, Stage
from caseworker.domain.regions import Region
from caseworker.store.db import Store
from caseworker.store.regions import all_regions
from caseworker.store.search import HouseholdQuery
from caseworker.ui.dialogs.register_household import RegisterHouseholdDialog
from caseworker.ui.labels import label
from caseworker.ui.models.household_table import HouseholdTableModel


class HouseholdsPage(QWidget):
    """Finding a household, or registering a new one; ``household_opened`` carries the id
    of the one chosen, ``changed`` the notice of a household registered here."""

    household_opened = Signal(str)
    changed = Signal(object)  # operations.changes.Changes

    def __init__(
        self,
        store: Store,
        *,
        scope: str | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.scope = scope
        self.today = today
        self.register_button = QPushButton()
        self.register_action = QAction(self)
        self.register_action.setShortcut(QKeySequence.StandardKey.New)
        self.register_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.register_action.triggered.connect(self.register_household)
        self.addAction(self.register_action)
        self.register_button.clicked.connect(self.register_household)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.village = QComboBox()
        self.program = QComboBox()
        self.stage = QComboBox()
        self.flagged = QCheckBox()
        self.count = QLabel()
        self.model = HouseholdTableModel(store)
        self.table = QTableView()
        self.table.setModel(self.model)
        # The list starts sorted by head; saying so first spares a second query.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        with store.read() as conn:
            self.regions = [r for r in all_regions(conn) if self._in_scope(r)]
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.village, 2)
        filters.addWidget(self.program, 1)
        filters.addWidget(self.stage, 1)
        filters.addWidget(self.flagged)
        filters.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self.retranslate()
        self.search.textChanged.connect(self.apply_filters)
        for combo in (self.village, self.program, self.stage):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.flagged.toggled.connect(self.apply_filters)
        self.table.activated.connect(self._open)
        self.table.doubleClicked.connect(self._open)
        self.apply_filters()

    def _in_scope(self, region: Region) -> bool:
        return self.scope is None or region.code.startswith(self.scope)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.retranslate()
            self._show_count()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.register_button.setText(self.tr("Register a household (Ctrl+N)"))
        self.register_button.setToolTip(
            self.tr("A household that comes to apply: enter the head and members")
        )
        self.flagged.setText(self.tr("Likely eligible, not applied"))
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin initials (zxl) or part of an ID number")
        )
        self.search.setAccessibleName(self.tr("Search households"))
        self.table.setAccessibleName(self.tr("Households"))
        for combo, first, items in (
            (self.program, self.tr("All programs"), [(label(p), p.value) for p in Program]),
            (self.stage, self.tr("All stages"), [(label(s), s.value) for s in Stage]),
            (self.village, self.tr("All villages"), self._village_items()),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for text, value in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _village_items(self) -> list[tuple[str, str]]:
        names = {r.code: r.name for r in self.regions}
        return [
            (f"{names.get(r.parent_code or '', '')} {r.name}".strip(), r.code)
            for r in self.regions
            if r.level is RegionLevel.VILLAGE
        ]

    def query(self) -> HouseholdQuery:
        """The query the controls describe."""
        program = self.program.currentData()
        stage = self.stage.currentData()
        return replace(
            self.model.query,
            text=self.search.text(),
            scope=self.scope,
            village_code=self.village.currentData(),
            program=Program(program) if program else None,
            stage=Stage(stage) if stage else None,
            flagged=self.flagged.isChecked(),
        )

    def apply_filters(self) -> None:
        self.model.set_query(self.query())
        self._show_count()

    def _show_count(self) -> None:
        if self.model.capped:
            words = self.tr("At least {n} households: type more to narrow the search")
        else:
            words = self.tr("{n} households")
        self.count.setText(words.format(n=self.model.total))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def register_household(self) -> RegisterHouseholdDialog:
        """Open the 新建家庭 dialog; once saved, the household is listed and opened."""
        from caseworker.operations.households import villages_in_scope

        dialog = RegisterHouseholdDialog(
            self.store,
            villages=villages_in_scope(self.store, self.scope),
            scope=self.scope,
            today=self.today(),
            parent=self,
        )

        def registered() -> None:
            assert dialog.registered is not None
            self.changed.emit(dialog.registered.changes)
            self.household_opened.emit(dialog.registered.household.id)

        dialog.accepted.connect(registered)
        dialog.open()
        return dialog

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.household_opened.emit(self.model.household_id(index.row()))
