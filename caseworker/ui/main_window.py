"""The main window: navigation between home, households, the open household, and the
other centres, each page built when first needed and refreshed by what an operation
changed; the visit forms open over it (ui/visit_windows.py), its File menu
(ui/file_menu.py), and the lock that covers it while idle."""

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from caseworker.store.db import Store
from caseworker.store.workers import Worker
from caseworker.ui import ask
from caseworker.ui.file_menu import FileMenu
from caseworker.ui.first_paint import after_first_paint
from caseworker.ui.labels import label
from caseworker.ui.page_list import PageList
from caseworker.ui.pages.dashboard_page import DashboardPage
from caseworker.ui.settings import AppSettings
from caseworker.ui.visit_windows import VisitWindows
from caseworker.ui.warm_up import PAGE_MODULES, WarmUp
from caseworker.ui.window_place import remember_place, show_where_left

# Only the home page is needed for the first paint. Everything else (SQLAlchemy and the
# tables behind the household list, the household page, visit forms, the policy engine)
# is imported when used, and warmed after the first paint (see ``_after_first_paint``).
if TYPE_CHECKING:
    from caseworker.operations.changes import Changes
    from caseworker.screening import Screener
    from caseworker.ui.dialogs.signin import SignInDialog
    from caseworker.ui.pages.household_page import HouseholdPage
    from caseworker.ui.pages.households_page import HouseholdsPage
    from caseworker.ui.pages.policy_page import PolicyPage
    from caseworker.ui.pages.print_centre import PrintCentre
    from caseworker.ui.pages.settings_page import SettingsPage
    from caseworker.ui.pages.sync_page import SyncPage
    from caseworker.ui.visit_form import VisitForm


class CentredNote(QLabel):
    """A line of text in the middle of its space. Centred when first shown: Qt's namespace
    of alignments takes a hundredth of a second to load, which the first paint (where this
    is hidden) need not wait for."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        from PySide6.QtCore import Qt

        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        super().showEvent(event)


HOME, HOUSEHOLDS, HOUSEHOLD, PRINT, POLICY, SYNC, SETTINGS = range(7)


class MainWindow(QMainWindow):
    unlocked = Signal()

    def __init__(
        self,
        store: Store,
        worker: Worker,
        settings: AppSettings,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.store = store
        self.worker = worker
        store.actor = worker.name
        self.settings = settings
        self.today = today
        self.visits = VisitWindows(store, worker=worker.name, today=today, window=self)
        self.visits.saved.connect(self._visit_saved)
        self._screener: Screener | None = None
        self._print_centre: PrintCentre | None = None
        self._policy_page: PolicyPage | None = None
        self._sync_page: SyncPage | None = None
        self._households: HouseholdsPage | None = None
        self._settings_page: SettingsPage | None = None
        self.household_page: HouseholdPage | None = None
        self.lock_dialog: QDialog | None = None  # the sign-in shown while idle-locked
        self._when_warm: list[Callable[[], object]] = []
        self.warm_up = WarmUp(
            PAGE_MODULES,
            prepare=lambda: store.engine,  # the SQLCipher dialect is imported with it
            parent=self,
        )
        self.warm_up.finished.connect(self._warmed)
        self._build_pages()
        self._build_status_bar()
        self._build_actions()
        self.nav.blockSignals(True)  # home's figures are counted once the window is drawn
        self.nav.setCurrentRow(HOME)
        self.nav.blockSignals(False)
        self.retranslate()
        self.resize(1280, 800)
        after_first_paint(self, self._after_first_paint)

    def _build_pages(self) -> None:
        """The navigation list beside the stack of pages, home first."""
        self.pages = QStackedWidget()
        self.dashboard = DashboardPage(self.store, scope=self.worker.scope_code, today=self.today)
        self.household_slot = CentredNote()
        # Printing, policy and sync pages are built when first shown: they load ReportLab,
        # the policy packs and the HTTP client, which a quick look at a household needs not.
        # The household list is built just after the first paint (or when asked for first),
        # the settings page when first shown.
        for page in (
            self.dashboard,
            QWidget(),
            self.household_slot,
            QWidget(),
            QWidget(),
            QWidget(),
            QWidget(),
        ):
            self.pages.addWidget(page)
        self.nav = PageList()
        body = self.body = QWidget()
        layout = QHBoxLayout(body)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages)
        self.setCentralWidget(body)
        self.nav.currentRowChanged.connect(self._navigate)
        self.dashboard.household_opened.connect(self.open_household)
        self.dashboard.evidence_opened.connect(self.open_household_evidence)

    def _build_status_bar(self) -> None:
        """Who is signed in, and whether the store is a demo's."""
        self.worker_label = QLabel()
        # A store without a password is a demo (or a test): the records are readable by
        # anyone with the file, so the window says so for as long as it is open.
        self.demo_label = QLabel()
        self.demo_label.setStyleSheet("color: #a00; font-weight: bold")
        self.demo_label.setVisible(not self.store.encrypted)
        self.statusBar().addPermanentWidget(self.demo_label)
        self.statusBar().addPermanentWidget(self.worker_label)

    def _build_actions(self) -> None:
        """The shortcuts (find, print, a page each) and the File menu."""
        self.find_action = QAction(self)  # shortcuts: see _after_first_paint
        self.find_action.triggered.connect(self.focus_search)
        self.print_action = QAction(self)
        self.print_action.triggered.connect(self.open_print_centre)
        self.addActions([self.find_action, self.print_action, *self.nav.page_actions])
        self.file_menu = FileMenu(
            self.store, scope=self.worker.scope_code, today=self.today, window=self
        )
        self.file_menu.changed.connect(self.apply_changes)
        self.menuBar().addMenu(self.file_menu)

    def show_on_screen(self) -> None:
        """Show the window as the worker last left it; the first time, maximised on a
        laptop-sized screen (or at 150% scaling), else at a comfortable size."""
        show_where_left(self, self.settings)

    def _after_first_paint(self) -> None:
        """Start what the first paint did not wait for: the imports of the other pages
        and home's figures, then the household list."""
        # Setting a shortcut loads Qt's namespace of enums (a hundredth of a second).
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.nav.set_shortcuts()
        self.warm_up.start()

    def _warmed(self) -> None:
        if self.pages.currentIndex() == HOME and self.dashboard.stats is None:
            self.dashboard.refresh()
        if self.isVisible():  # a window closed meanwhile has no list to show
            self.households  # noqa: B018  (built now, so it opens at once)
        for then in self._when_warm:
            then()
        self._when_warm.clear()

    # pages built on first use ------------------------------------------------------------
    @property
    def households(self) -> "HouseholdsPage":
        if self._households is None:
            from caseworker.ui.pages.households_page import HouseholdsPage

            self._households = HouseholdsPage(
                self.store, scope=self.worker.scope_code, today=self.today
            )
            self._households.household_opened.connect(self.open_household)
            self._households.changed.connect(self.apply_changes)
            self._place(HOUSEHOLDS, self._households)
        return self._households

    def _place(self, index: int, page: QWidget) -> None:
        old = self.pages.widget(index)
        assert old is not None
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(old)
        old.deleteLater()

    @property
    def settings_page(self) -> "SettingsPage":
        if self._settings_page is None:
            from caseworker.ui.pages.settings_page import SettingsPage

            self._settings_page = SettingsPage(self.settings)
            self._place(SETTINGS, self._settings_page)
        return self._settings_page

    @property
    def screener(self) -> "Screener":
        if self._screener is None:
            from caseworker.screening import Screener  # loads the policy engine

            self._screener = Screener(self.store)
        return self._screener

    @property
    def print_centre(self) -> "PrintCentre":
        if self._print_centre is None:
            from caseworker.ui.pages.print_centre import PrintCentre

            self._print_centre = PrintCentre(
                self.store, scope=self.worker.scope_code, today=self.today
            )
            self._place(PRINT, self._print_centre)
            if self.household_page is not None:
                head = self.household_page.editor.household.head
                self._print_centre.show_household(
                    self.household_page.editor.household.id, head.name if head else ""
                )
        return self._print_centre

    @property
    def policy_page(self) -> "PolicyPage":
        if self._policy_page is None:
            from caseworker.ui.pages.policy_page import PolicyPage

            self._policy_page = PolicyPage(
                self.store, scope=self.worker.scope_code, today=self.today
            )
            self._policy_page.household_opened.connect(self.open_household)
            self._place(POLICY, self._policy_page)
        return self._policy_page

    @property
    def sync_page(self) -> "SyncPage":
        if self._sync_page is None:
            from caseworker.ui.pages.sync_page import SyncPage  # loads the HTTP client

            self._sync_page = SyncPage(self.store)
            self._sync_page.household_opened.connect(self.open_household)
            self._sync_page.synced.connect(self._after_sync)
            self._place(SYNC, self._sync_page)
        return self._sync_page

    # language -------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Caseworker - social assistance"))
        self.household_slot.setText(self.tr("Open a household from the list."))
        self.worker_label.setText(f"{self.worker.name} · {label(self.worker.role)}")
        self.demo_label.setText(self.tr("Demo store: not encrypted, for demonstration only"))
        self.demo_label.setToolTip(
            self.tr(
                "These records are not protected by a password. Real households must be kept "
                "only in a store that a password protects."
            )
        )

    # navigation -----------------------------------------------------------------------------
    def _navigate(self, row: int) -> None:
        self.warm_up.wait()  # the pages import what the warm-up may be importing
        if row == PRINT:
            self.print_centre  # noqa: B018  (built on first visit)
        elif row == HOUSEHOLDS:
            self.households  # noqa: B018  (built after the first paint, or now)
        elif row == SETTINGS:
            self.settings_page  # noqa: B018  (built on first visit)
        elif row == SYNC:
            self.sync_page.refresh()
        elif row == POLICY and self.policy_page.policy is None:
            self.policy_page.load()  # the packs are read when first looked at
        self.pages.setCurrentIndex(row)
        if row == HOME:
            self.dashboard.refresh()
        elif row == HOUSEHOLDS:
            self.households.focus_search()  # its shortcuts (Ctrl+N) work from there
        elif row == HOUSEHOLD and self.household_page is not None:
            self.household_page.members.setFocus()

    def apply_changes(self, changes: "Changes") -> None:
        """Refresh every page that shows what an operation changed (one notice, from the
        operation itself, instead of each caller refreshing pages by hand)."""
        if self._households is not None and (changes.household_list or changes.households):
            self._households.apply_filters()
        page = self.household_page
        if page is not None and (changes.touches(page.editor.household.id) or changes.sync):
            page.editor.reload()
        if self._sync_page is not None and changes.sync:
            self._sync_page.refresh()
        if self.pages.currentIndex() == HOME:
            self.dashboard.refresh()

    def _after_sync(self) -> None:
        """Records may have changed from the county: show them as they are now."""
        from caseworker.operations.changes import Changes

        if self._policy_page is not None:
            self._policy_page.policy = None  # a new pack may have come; read again when shown
        self._screener = None
        self.apply_changes(Changes(household_list=True, sync=True))

    def open_print_centre(self) -> "PrintCentre":
        """Show the print centre (for the open household, if any)."""
        self.nav.setCurrentRow(PRINT)
        return self.print_centre

    def focus_search(self) -> None:
        self.nav.setCurrentRow(HOUSEHOLDS)
        self.households.focus_search()

    def open_household(self, household_id: str) -> "HouseholdPage | None":
        """Show a household's page (replacing the one open before)."""
        self.warm_up.wait()
        from caseworker.store import audit
        from caseworker.ui.household_editor import HouseholdEditor
        from caseworker.ui.pages.household_page import HouseholdPage

        editor = HouseholdEditor.load(self.store, household_id)
        if editor is None:
            return None
        with self.store.begin() as conn:  # who looked at whose record is audited
            audit.record(
                conn,
                device_id=self.store.device_id,
                actor=self.worker.name,
                action=audit.Action.VIEW,
                household_id=household_id,
            )
        screener = self.screener
        page = HouseholdPage(
            editor,
            worker=self.worker.name,
            role=self.worker.role,
            today=self.today,
            screener=screener,
            calendar=screener.calendar,
        )
        page.visit_requested.connect(self.new_visit)
        page.changed.connect(self.apply_changes)
        if self.household_page is not None:
            self.pages.removeWidget(self.household_page)
            self.household_page.deleteLater()
        else:
            self.pages.removeWidget(self.household_slot)
        self.household_page = page
        self.pages.insertWidget(HOUSEHOLD, page)
        if self._print_centre is not None:
            head = editor.household.head
            self._print_centre.show_household(household_id, head.name if head else "")
        self.nav.setCurrentRow(HOUSEHOLD)
        self.pages.setCurrentIndex(HOUSEHOLD)
        return page

    def open_household_evidence(self, household_id: str) -> "HouseholdPage | None":
        """Show a household's page on its Evidence tab."""
        page = self.open_household(household_id)
        if page is not None:
            page.show_evidence()
        return page

    # locking -------------------------------------------------------------------------------
    def lock(self) -> "SignInDialog":
        """Cover the records until the same worker signs in again (after idle minutes)."""
        from caseworker.ui.dialogs.signin import SignInDialog

        self.body.hide()
        dialog = SignInDialog(self.store.path, locked_worker=self.worker.id)
        dialog.rejected.connect(dialog.open)  # the only way back is the password

        def unlock() -> None:
            self.body.show()
            self.lock_dialog = None
            self.unlocked.emit()

        dialog.accepted.connect(unlock)
        self.lock_dialog = dialog
        dialog.open()
        return dialog

    # visits and drafts ----------------------------------------------------------------------
    def new_visit(self, household_id: str) -> "VisitForm":
        """The visit form for a household: the one already open, else its unsaved draft,
        else a new visit (one window per visit, never two copies of one draft)."""
        self.warm_up.wait()
        return self.visits.open_for(household_id)

    def _visit_saved(self, changes: "Changes") -> None:
        self.apply_changes(changes)
        self.statusBar().showMessage(self.tr("Visit saved."), 5000)

    def offer_drafts(self) -> list["VisitForm"]:
        """Offer unsaved visit drafts back (after a crash or a closed form); open them."""
        return self.visits.offer_drafts()

    def offer_drafts_when_shown(self) -> None:
        """At start-up: once the window is up and the store's modules are loaded (off the
        GUI thread), offer any unsaved visits back."""
        if self.warm_up.done:
            QTimer.singleShot(0, self.offer_drafts)
        else:
            self._when_warm.append(self.offer_drafts)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if (
            self._sync_page is not None
            and self._sync_page.running
            and not ask.confirm(
                self,
                self.tr("Sync in progress"),
                self.tr(
                    "A sync with the county is under way. What was sent is kept either way; "
                    "quit now and sync the rest next time?"
                ),
            )
        ):
            event.ignore()
            return
        if not self.visits.close_to_quit():
            event.ignore()
            return
        remember_place(self, self.settings)
        super().closeEvent(event)
