"""The household list: a table model that fetches rows from the store a page at a time.

Only the pages scrolled into view are loaded (never 100,000 objects at once); a new search,
filter or sort order starts again from the first page.
"""

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from caseworker.store.db import Store
from caseworker.store.search import (
    MATCH_CAP,
    HouseholdQuery,
    HouseholdSummary,
    SortKey,
    count_households_matching,
    find_households,
)
from caseworker.ui.labels import label

Index = QModelIndex | QPersistentModelIndex
PAGE = 200

HEAD, MEMBERS, VILLAGE, ADDRESS, HUKOU, ID_NUMBER = range(6)
SORT_KEYS = {HEAD: SortKey.HEAD, MEMBERS: SortKey.MEMBERS, VILLAGE: SortKey.VILLAGE}


def masked_id(number: str) -> str:
    """An ID number with the birth date and sequence hidden, for lists on a shared screen."""
    return number[:4] + "*" * (len(number) - 8) + number[-4:] if len(number) > 8 else number


class HouseholdTableModel(QAbstractTableModel):
    """Households matching a ``HouseholdQuery``, loaded lazily in pages of 200."""

    HOUSEHOLD_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self._query = HouseholdQuery()
        self._rows: list[HouseholdSummary] = []
        self._total = 0

    # what is shown ------------------------------------------------------------------------
    @property
    def query(self) -> HouseholdQuery:
        return self._query

    @property
    def total(self) -> int:
        """How many households match (loaded or not), counted up to ``MATCH_CAP``."""
        return self._total

    @property
    def capped(self) -> bool:
        """Whether there are at least ``total`` matches (more were not counted)."""
        return self._total >= MATCH_CAP and bool(self._query.text.strip())

    def set_query(self, query: HouseholdQuery) -> None:
        """Show the households matching ``query``, from the first page."""
        with self._store.read() as conn:
            first = find_households(conn, query, limit=PAGE)
            # A short first page is all there is: no need to count.
            total = len(first) if len(first) < PAGE else count_households_matching(conn, query)
        self.beginResetModel()
        self._query, self._total, self._rows = query, total, first
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    def household_id(self, row: int) -> str:
        return self._rows[row].id

    # lazy loading -------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        with self._store.read() as conn:
            more = find_households(conn, self._query, offset=len(self._rows), limit=PAGE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == HEAD:
                return row.head_name
            if column == MEMBERS:
                return row.member_count
            if column == VILLAGE:
                return row.village_name
            if column == ADDRESS:
                return row.address
            if column == HUKOU:
                return label(row.hukou)
            if column == ID_NUMBER:
                return masked_id(row.head_id_number)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == MEMBERS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == self.HOUSEHOLD_ID_ROLE:
            return row.id
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 6:
            return None
        return (
            QCoreApplication.translate("HouseholdTableModel", "Head of household"),
            QCoreApplication.translate("HouseholdTableModel", "Members"),
            QCoreApplication.translate("HouseholdTableModel", "Village"),
            QCoreApplication.translate("HouseholdTableModel", "Address"),
            QCoreApplication.translate("HouseholdTableModel", "Hukou"),
            QCoreApplication.translate("HouseholdTableModel", "ID number"),
        )[section]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key is self._query.sort and descending == self._query.descending:
            return
        self.set_query(replace(self._query, sort=key, descending=descending))

    def retranslate(self) -> None:
        """Header words and code labels follow a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 5))
