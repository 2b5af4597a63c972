"""One policy parameter for people: its name, its program and unit, the value in force in
words, and every dated value with the document it comes from (the key only in a tooltip,
for county staff)."""

from collections.abc import Sequence
from datetime import date
from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from caseworker.eligibility.parameter_words import (
    name_words,
    program_words,
    ref_words,
    unit_words,
    value_words,
)
from caseworker.eligibility.params import SPECS
from caseworker.eligibility.policy import Entry
from caseworker.ui.labels import language


def in_force(entries: Sequence[Entry], on: date) -> Entry | None:
    """The entry in force on ``on`` (the latest not starting after it), or None."""
    current = None
    for entry in entries:
        if entry.start <= on:
            current = entry
    return current


def _wrapping_label() -> QLabel:
    text = QLabel()
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.RichText)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return text


class ParameterHistory(QWidget):
    """The parameter chosen on the Policy page, said in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = _wrapping_label()
        self.name.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.about = _wrapping_label()
        self.current = _wrapping_label()
        self.history_title = QLabel()
        self.entries = QVBoxLayout()
        self.entries.setSpacing(6)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.name)
        column.addWidget(self.about)
        column.addWidget(self.current)
        column.addWidget(self.history_title)
        column.addLayout(self.entries)
        column.addStretch(1)
        self._shown: tuple[str, tuple[Entry, ...], date] | None = None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and self._shown is not None:
            self.show_parameter(*self._shown)
        super().changeEvent(event)

    def show_parameter(self, name: str, entries: Sequence[Entry], today: date) -> None:
        """Show parameter ``name`` with its dated ``entries`` as of ``today``."""
        self._shown = (name, tuple(entries), today)
        lang, spec = language(), SPECS[name]
        key_tip = self.tr("Parameter key (for county staff): {key}").format(key=name)
        self.name.setText(escape(name_words(name, lang)))
        self.name.setToolTip(key_tip)
        unit = unit_words(spec.unit, lang)
        about = self.tr("Program: {program}").format(program=program_words(spec.program, lang))
        if unit:
            about += self.tr("; unit: {unit}").format(unit=unit)
        self.about.setText(escape(about))
        current = in_force(entries, today)
        said = value_words(name, current.shown, lang) if current else self.tr("none in force")
        self.current.setText(self.tr("<b>In force now</b>: {value}").format(value=escape(said)))
        self.history_title.setText(self.tr("<b>Values by date</b>"))
        while self.entries.count():
            item = self.entries.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:  # out of sight at once: deleteLater waits for the loop
                widget.hide()
                widget.deleteLater()
        for entry in reversed(entries):  # the newest first
            self.entries.addWidget(self._entry_label(name, entry, current, today))

    def _entry_label(self, name: str, entry: Entry, current: Entry | None, today: date) -> QLabel:
        lang = language()
        if entry is current:
            when = self.tr("from {day} (in force)")
        elif entry.start > today:
            when = self.tr("from {day} (not yet in force)")
        else:
            when = self.tr("from {day}")
        text = _wrapping_label()
        text.setText(
            self.tr("<b>{when}</b>: {value}<br>Source: {ref}").format(
                when=escape(when.format(day=entry.start.isoformat())),
                value=escape(value_words(name, entry.shown, lang)),
                ref=escape(ref_words(entry.ref, lang)),
            )
        )
        text.setToolTip(entry.ref)
        text.setContentsMargins(12, 0, 0, 0)
        return text
