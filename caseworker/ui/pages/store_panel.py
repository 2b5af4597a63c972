"""The settings page's store: how much disk the records take, when the store was last
compacted, and compacting it now (in the background)."""

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.operations.messages import in_words
from caseworker.store.db import Store
from caseworker.store.maintenance import compact, store_size
from caseworker.ui.backup_runner import size_text, when
from caseworker.ui.i18n import is_chinese
from caseworker.ui.runner import Progress, Task, run_task


class StorePanel(QGroupBox):
    """The store's size and compaction, for the worker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.size_label = QLabel()
        self.size_value = QLabel()
        self.compacted_label = QLabel()
        self.compacted_value = QLabel()
        self.compact_button = QPushButton()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.hide()
        self._task: Task[tuple[int, int]] | None = None
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.size_label, self.size_value)
        form.addRow(self.compacted_label, self.compacted_value)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()  # a button of a few words, not the page's whole width
        row.addWidget(self.compact_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.compact_button.clicked.connect(self.compact_now)
        self.retranslate()

    def attach(self, store: Store) -> None:
        """Show ``store``'s figures (and compact it when asked)."""
        self.store = store
        self.show_state()

    def show_state(self) -> None:
        if self.store is None:
            return
        state = store_size(self.store)
        self.size_value.setText(size_text(state.size))
        self.compacted_value.setText(
            when(state.compacted_at.astimezone()) if state.compacted_at else self.tr("never")
        )

    def compact_now(self) -> "Task[tuple[int, int]] | None":
        """Compact the store in the background; the result is shown when it ends."""
        store = self.store
        if store is None or self._task is not None:
            return self._task
        self.compact_button.setEnabled(False)
        self.result.setText(self.tr("Compacting..."))
        self.result.show()

        def work(_progress: Progress) -> tuple[int, int]:
            return compact(store)

        self._task = run_task(work, on_success=self._compacted, on_failure=self._failed)
        return self._task

    def _compacted(self, sizes: tuple[int, int]) -> None:
        before, after = sizes
        self._done(
            self.tr("Compacted: {before} before, {after} now.").format(
                before=size_text(before), after=size_text(after)
            )
        )

    def _failed(self, error: Exception) -> None:
        self._done(in_words(error).text(is_chinese()))

    def _done(self, text: str) -> None:
        self._task = None
        self.compact_button.setEnabled(True)
        self.result.setText(text)
        self.show_state()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Records on this laptop"))
        self.size_label.setText(self.tr("Size on disk"))
        self.compacted_label.setText(self.tr("Last compacted"))
        self.compact_button.setText(self.tr("Compact now"))
        self.compact_button.setToolTip(
            self.tr(
                "Deletes screening records that newer ones replaced (never one a signed "
                "document uses) and gives the free space back to the disk."
            )
        )
        self.compact_button.setAccessibleName(self.compact_button.text())
        self.show_state()
