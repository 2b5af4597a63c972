"""The evidence checklist (each program's required documents, ticked or missing) and the
small page picture a PDF is shown with."""

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from caseworker.domain.evidence import Attachment, ChecklistItem
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label

MISSING_COLOUR = "#b3261e"
PROVIDED_COLOUR = "#1b7f3b"


def page_icon(pages: int, side: int = 96) -> QPixmap:
    """A sheet of paper with a folded corner, "PDF" and its page count on it."""
    picture = QPixmap(side, side)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width, fold = side * 0.7, side * 0.2
    left, top = (side - width) / 2, side * 0.05
    sheet = QRectF(left, top, width, side * 0.9)
    painter.setPen(QPen(QColor("#5f6368"), 2))
    painter.setBrush(QBrush(QColor("white")))
    painter.drawRect(sheet)
    painter.setBrush(QBrush(QColor("#dadce0")))
    painter.drawRect(QRectF(sheet.right() - fold, top, fold, fold))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(10, side // 6))
    painter.setFont(font)
    painter.setPen(QColor(MISSING_COLOUR))
    painter.drawText(sheet.adjusted(0, 0, 0, -side * 0.3), Qt.AlignmentFlag.AlignCenter, "PDF")
    font.setBold(False)
    font.setPixelSize(max(9, side // 8))
    painter.setFont(font)
    painter.setPen(QColor("#202124"))
    painter.drawText(
        sheet.adjusted(0, side * 0.3, 0, 0),
        Qt.AlignmentFlag.AlignCenter,
        f"{pages}页" if is_chinese() else f"{pages} p.",
    )
    painter.end()
    return picture


class ChecklistView(QTreeWidget):
    """Per program under way, each required document: ✓ with the files that provide it,
    or 缺 in red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.header().setStretchLastSection(True)
        self.items: list[ChecklistItem] = []
        self.rows: list[QTreeWidgetItem] = []

    def retranslate(self) -> None:
        self.setHeaderLabels([self.tr("Document"), self.tr("Status"), self.tr("Provided by")])
        self.setAccessibleName(self.tr("Evidence checklist"))

    def show_items(
        self,
        items: Sequence[ChecklistItem],
        attachments: Sequence[Attachment],
        describe: Callable[[Attachment], str],
        *,
        nothing: str,
    ) -> None:
        """``items`` by program; ``nothing`` is said when there is nothing to check."""
        self.retranslate()
        self.clear()
        self.rows = []
        self.items = list(items)
        by_id = {a.id: a for a in attachments}
        if not items:
            note = QTreeWidgetItem([nothing])
            self.addTopLevelItem(note)
            note.setFirstColumnSpanned(True)
            return
        zh = is_chinese()
        program_row: QTreeWidgetItem | None = None
        for item in items:
            if program_row is None or program_row.data(0, Qt.ItemDataRole.UserRole) != item.program:
                program_row = QTreeWidgetItem([label(item.program)])
                program_row.setData(0, Qt.ItemDataRole.UserRole, item.program)
                font = program_row.font(0)
                font.setBold(True)
                program_row.setFont(0, font)
                self.addTopLevelItem(program_row)
                program_row.setFirstColumnSpanned(True)
            provided = "；".join(describe(by_id[i]) for i in item.provided_by if i in by_id)
            row = QTreeWidgetItem(
                [
                    "    " + (item.text_zh if zh else item.text_en),
                    self.tr("missing") if item.missing else "✓",
                    provided,
                ]
            )
            row.setForeground(
                1, QBrush(QColor(MISSING_COLOUR if item.missing else PROVIDED_COLOUR))
            )
            font = row.font(1)
            font.setBold(True)
            row.setFont(1, font)
            self.addTopLevelItem(row)
            self.rows.append(row)

    def status_of(self, text: str) -> str:
        """The status shown beside the document whose words are ``text`` (tests)."""
        for row in self.rows:
            if row.text(0).strip() == text:
                return row.text(1)
        raise KeyError(text)
