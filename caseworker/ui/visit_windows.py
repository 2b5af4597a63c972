"""The visit forms open over the main window: one window per visit (a household's form
already open is raised, its unsaved draft continued, never copied), unsaved drafts offered
back at start, and the question before quitting with visits open."""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from caseworker.store.db import Store
from caseworker.ui import ask

if TYPE_CHECKING:
    from caseworker.store.drafts import Draft
    from caseworker.ui.visit_form import VisitForm


class VisitWindows(QObject):
    """The visit forms ``worker`` has open over ``window``; ``saved`` passes on a saved
    visit's change notice (operations.changes.Changes)."""

    saved = Signal(object)

    def __init__(
        self, store: Store, *, worker: str, today: Callable[[], date], window: QWidget
    ) -> None:
        super().__init__(window)
        self.store = store
        self.worker = worker
        self.today = today
        self.window = window
        self.forms: list[VisitForm] = []

    def open_for(self, household_id: str) -> "VisitForm":
        """The visit form for a household: the one already open, else its unsaved draft,
        else a new visit. The store's modules must be loaded (the warm-up waited for)."""
        from caseworker.store.drafts import list_drafts

        open_form = self._open_form(household_id=household_id)
        if open_form is not None:
            open_form.raise_()
            open_form.activateWindow()
            return open_form
        with self.store.read() as conn:
            drafts = [d for d in list_drafts(conn, kind="visit") if d.household_id == household_id]
        for draft in drafts:
            form = self._form_of_draft(draft)
            if form is not None:
                return self._show(form)
        from caseworker.ui.visit_form import VisitForm

        return self._show(
            VisitForm(
                self.store, household_id, worker=self.worker, today=self.today, parent=self.window
            )
        )

    def _open_form(
        self, *, household_id: str | None = None, draft_id: str | None = None
    ) -> "VisitForm | None":
        for form in self.forms:
            if household_id is not None and form.household_id == household_id:
                return form
            if draft_id is not None and form.draft_id == draft_id:
                return form
        return None

    def _form_of_draft(self, draft: "Draft") -> "VisitForm | None":
        """A form continuing ``draft``; None (and the draft removed) if its visit was saved
        meanwhile, None (draft kept) if its household is not in the store."""
        from caseworker.operations.visits import is_saved
        from caseworker.store.drafts import delete_draft
        from caseworker.store.households import load_household
        from caseworker.ui.visit_form import VisitForm

        assert draft.household_id is not None
        with self.store.read() as conn:
            household = load_household(conn, draft.household_id)
        if household is None:
            return None
        visit_id = draft.data.get("visit_id")
        if visit_id and is_saved(household, visit_id):
            delete_draft(self.store, draft.id)  # saved, then the app stopped: not lost
            return None
        return VisitForm(
            self.store,
            draft.household_id,
            worker=draft.worker or self.worker,
            draft_id=draft.id,
            state=draft.data,
            today=self.today,
            parent=self.window,
        )

    def _show(self, form: "VisitForm") -> "VisitForm":
        self.forms.append(form)
        form.saved.connect(self.saved)
        form.finished.connect(lambda _: self.forms.remove(form) if form in self.forms else None)
        form.show()
        return form

    def offer_drafts(self) -> list["VisitForm"]:
        """Offer unsaved visit drafts back (after a crash or a closed form); open them."""
        from caseworker.store.drafts import list_drafts

        with self.store.read() as conn:
            drafts = [
                d
                for d in list_drafts(conn, kind="visit")
                if d.household_id and self._open_form(draft_id=d.id) is None
            ]
        forms = [form for draft in drafts if (form := self._form_of_draft(draft)) is not None]
        if not forms:
            return []
        question = self.tr("{n} household visit(s) were not saved. Continue them now?")
        if not ask.confirm(self.window, self.tr("Unsaved visits"), question.format(n=len(forms))):
            for form in forms:
                form.deleteLater()  # the drafts stay for later
            return []
        return [self._show(form) for form in forms]

    def close_to_quit(self) -> bool:
        """Before the app quits: with visits open, ask first (their drafts are kept and
        offered again at the next start); then close them. False if the worker stays."""
        open_forms = [form for form in self.forms if form.isVisible()]
        if open_forms and not ask.confirm(
            self.window,
            self.tr("Visits not saved"),
            self.tr(
                "{n} household visit(s) are open and not saved. Their drafts are kept and "
                "offered again at the next start. Quit now?"
            ).format(n=len(open_forms)),
        ):
            return False
        for form in list(self.forms):
            form.close()  # each keeps its draft
        return True
