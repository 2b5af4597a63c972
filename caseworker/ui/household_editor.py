"""Editing one household: every change is validated by the shared validators, saved at
once (nothing typed is lost), and undoable.

Each change is a snapshot pair (before, after) on a QUndoStack; undo saves "before" again.
The store raises the version counters as usual, so an undo syncs like any other edit.
"""

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from caseworker.domain.records import Household
from caseworker.domain.validation import FieldError, ValidationFailed
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.db import Store
from caseworker.store.households import load_household, save_household


class _Snapshot(QUndoCommand):
    def __init__(self, editor: "HouseholdEditor", before: Household, after: Household, text: str):
        super().__init__(text)
        self._editor = editor
        self._before = before
        self._after = after
        self._first = True  # the change was saved before the command was pushed

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._editor._write(self._after)

    def undo(self) -> None:
        self._editor._write(self._before)


class HouseholdEditor(QObject):
    """The household shown on a page, its saves and its undo history."""

    changed = Signal()  # the household on screen is a new version
    failed = Signal(str)  # an undo/redo could not be saved (message for the user)

    def __init__(self, store: Store, household: Household) -> None:
        super().__init__()
        self.store = store
        self.household = household
        self.undo_stack = QUndoStack(self)

    @classmethod
    def load(cls, store: Store, household_id: str) -> "HouseholdEditor | None":
        with store.read() as conn:
            household = load_household(conn, household_id)
        return None if household is None else cls(store, household)

    def as_dict(self) -> dict[str, Any]:
        """The household in interchange form, to edit a copy of."""
        return household_to_dict(self.household)

    def submit(self, data: dict[str, Any], text: str) -> list[FieldError]:
        """Validate and save an edited interchange dict; the errors, or [] once saved."""
        try:
            after = parse_household(data)
            save_household(self.store, after)
        except ValidationFailed as failed:
            return failed.errors
        before = self.household
        self.household = after
        self.undo_stack.push(_Snapshot(self, before, copy.deepcopy(after), text))
        self.changed.emit()
        return []

    def edit(self, change: Callable[[dict[str, Any]], None], text: str) -> list[FieldError]:
        """Apply ``change`` to a copy of the household's dict, then ``submit`` it."""
        data = self.as_dict()
        change(data)
        return self.submit(data, text)

    def reload(self) -> None:
        """Read the household again (after work saved elsewhere, e.g. a visit)."""
        with self.store.read() as conn:
            household = load_household(conn, self.household.id)
        if household is not None:
            self.household = household
            self.changed.emit()

    def _write(self, household: Household) -> None:
        # Visits are append-only: undoing an edit never takes a visit back.
        household = copy.deepcopy(household)
        household.visits = copy.deepcopy(self.household.visits)
        try:
            save_household(self.store, household)
        except ValidationFailed as failed:
            self.failed.emit("\n".join(failed.messages()))
            return
        self.household = household
        self.changed.emit()
