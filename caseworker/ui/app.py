"""The Qt application: a window on the store's households."""

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget

from caseworker.store.db import Store
from caseworker.store.search import HouseholdQuery, HouseholdSummary, find_households

Index = QModelIndex | QPersistentModelIndex


class HouseholdTableModel(QAbstractTableModel):
    """Rows of household summaries (a thin wrapper over a plain list)."""

    HEADERS = ("户主", "人口", "村（社区）", "住址")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[HouseholdSummary] = []

    def set_rows(self, rows: list[HouseholdSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        return (row.head_name, row.member_count, row.village_name, row.address)[index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setWindowTitle("Caseworker 社会救助")
        self.search = QLineEdit(placeholderText="姓名、拼音首字母或身份证号")
        self.model = HouseholdTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.setCentralWidget(body)
        self.search.textChanged.connect(self.refresh)
        self.resize(900, 600)
        self.refresh("")

    def refresh(self, query: str) -> None:
        with self.store.read() as conn:
            rows = find_households(conn, HouseholdQuery(text=query))
        self.model.set_rows(rows)


def run_app(store: Store) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(store)
    window.show()
    return int(app.exec())
