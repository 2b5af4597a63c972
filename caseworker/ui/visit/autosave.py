"""The visit form's draft, kept as it is typed: written a short pause after each change,
every few seconds, and on closing, so a crash or a power cut loses nothing. A draft is
written only when the form differs from what it last wrote (or opened with), so opening
and closing a form, or switching language, leaves no draft behind."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from caseworker.store.db import Store
from caseworker.store.drafts import delete_draft, save_draft

AUTOSAVE_PAUSE_MS = 400  # after a change
AUTOSAVE_EVERY_MS = 3000


class Autosave(QObject):
    """The draft of one form: ``state`` gives what the form holds now."""

    def __init__(
        self,
        store: Store,
        state: Callable[[], dict[str, Any]],
        *,
        household_id: str,
        worker: str,
        draft_id: str | None,
        written: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.state = state
        self.household_id = household_id
        self.worker = worker
        self.draft_id = draft_id
        self.written = written  # told after each draft written
        self.drafted: dict[str, Any] = {}
        self._pause = QTimer(self, singleShot=True, interval=AUTOSAVE_PAUSE_MS)
        self._every = QTimer(self, interval=AUTOSAVE_EVERY_MS)

    def start(self) -> None:
        """Take what the form holds now as drafted already, and keep the draft from now."""
        self.drafted = self.state()
        self._pause.timeout.connect(self.save)
        self._every.timeout.connect(self.save)
        self._every.start()

    def changed(self) -> None:
        """Something was typed: write the draft after a short pause."""
        self._pause.start()

    def unsaved(self) -> bool:
        """Whether the form holds something its draft does not have yet."""
        return self.state() != self.drafted

    def save(self) -> None:
        """Write what is on screen to the draft (nothing, if the draft already has it)."""
        state = self.state()
        if state == self.drafted:
            return
        self.draft_id = save_draft(
            self.store,
            kind="visit",
            data=state,
            household_id=self.household_id,
            worker=self.worker,
            draft_id=self.draft_id,
        )
        self.drafted = state
        self.written()

    def stop(self) -> None:
        self._every.stop()
        self._pause.stop()

    def discard(self) -> None:
        """Stop, and throw the draft away."""
        self.stop()
        if self.draft_id is not None:
            delete_draft(self.store, self.draft_id)
        self.done()

    def done(self) -> None:
        """The visit is stored (the store removed its draft) or thrown away: no draft."""
        self.stop()
        self.draft_id = None
        self.drafted = self.state()
