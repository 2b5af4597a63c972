"""One household: members, incomes, property, expenses, legal supporters, visits, benefits
and applications, every edit validated, saved at once and undoable."""

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import (
    AssetKind,
    ExpenseKind,
    Program,
    Stage,
    SupporterInability,
    SupporterRelation,
    WorkerRole,
)
from caseworker.domain.idnumber import age_on
from caseworker.domain.procedure import deadline, may_record, next_stages, who_records
from caseworker.domain.records import Household, Member, StageEntry
from caseworker.domain.validation import FieldError
from caseworker.domain.wording import appraisal_words
from caseworker.domain.workdays import OFFICIAL, WorkCalendar
from caseworker.eligibility.findings import Finding, Screening
from caseworker.eligibility.policy import Policy
from caseworker.operations.applications import record_stage, start_application, start_review
from caseworker.operations.changes import Changes
from caseworker.ui import ask
from caseworker.ui.dialogs.application import StageDialog
from caseworker.ui.dialogs.benefit import BenefitDialog
from caseworker.ui.dialogs.household_info import HouseholdInfoDialog
from caseworker.ui.dialogs.member import MemberDialog
from caseworker.ui.dialogs.record_list import Column, RecordListDialog
from caseworker.ui.errors import in_full
from caseworker.ui.fonts import make_heading
from caseworker.ui.household_editor import HouseholdEditor
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label, language, yuan
from caseworker.ui.models.household_table import masked_id
from caseworker.ui.pages.evidence_tab import EvidenceTab
from caseworker.ui.widgets.eligibility_panel import EligibilityPanel
from caseworker.ui.widgets.flow import flow_row

if TYPE_CHECKING:
    from caseworker.ui.signing import AskSignature, AuthorizationDialog


APPLICATIONS_TAB = 6
EVIDENCE_TAB = 7


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _said(entry: StageEntry) -> str:
    """An entry's opinion, after its democratic appraisal's record where it has one."""
    if entry.appraisal is None:
        return entry.note
    record = appraisal_words(entry.appraisal, entry.date, language())
    return f"{record} {entry.note}".strip()


def _fill(table: QTableWidget, rows: Sequence[Sequence[object]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))


def _bool(value: bool | None, yes: str, no: str, unknown: str) -> str:
    return unknown if value is None else (yes if value else no)


class HouseholdPage(QWidget):
    """The page of one household; ``visit_requested`` asks the window for a visit form."""

    visit_requested = Signal(str)
    changed = Signal(object)  # operations.changes.Changes of what was recorded here

    def __init__(
        self,
        editor: HouseholdEditor,
        *,
        worker: str,
        role: WorkerRole,
        today: Callable[[], date] = date.today,
        screener: Callable[[Household, date], Screening] | None = None,
        calendar: WorkCalendar = OFFICIAL,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.calendar = calendar  # time limits count its working days
        self.worker = worker
        self.role = role  # the stages this worker records (procedure.STAGE_ROLES)
        self.today = today
        self.screener = screener
        self.eligibility = EligibilityPanel()
        self.eligibility.apply_clicked.connect(self.start_application)
        self.eligibility.field_clicked.connect(self.go_to_field)
        self.title = QLabel()
        make_heading(self.title, 1.8, bold=True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.edit_info = QPushButton()
        self.sign_authorization = QPushButton()
        self.sign_authorization.clicked.connect(self.open_authorization)
        self.ask_signature: AskSignature | None = None  # None: the signature pad
        self.undo_action = editor.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = editor.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])
        self.undo_button = QPushButton()
        self.redo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_action.trigger)
        self.redo_button.clicked.connect(self.redo_action.trigger)
        self.new_visit_action = QAction(self)
        self.new_visit_action.setShortcut(QKeySequence("Ctrl+N"))
        # Ctrl+N on the household list registers a household: each page's own.
        self.new_visit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_visit_action.triggered.connect(
            lambda: self.visit_requested.emit(editor.household.id)
        )
        self.addAction(self.new_visit_action)

        self.tabs = QTabWidget()
        self.members = _table(10)
        self.assets = _table(3)
        self.expenses = _table(3)
        self.supporters = _table(4)
        self.visits = _table(5)
        self.benefits = _table(7)
        self.applications = _table(4)
        self.history = _table(4)
        self.buttons: dict[str, QPushButton] = {
            key: QPushButton()
            for key in (
                "add_member",
                "edit_member",
                "remove_member",
                "edit_assets",
                "edit_expenses",
                "edit_supporters",
                "new_visit",
                "new_application",
                "next_stage",
                "start_review",
                "edit_benefit",
            )
        }
        self.tabs.addTab(self._tab(self.members, "add_member", "edit_member", "remove_member"), "")
        self.tabs.addTab(self._tab(self.assets, "edit_assets"), "")
        self.tabs.addTab(self._tab(self.expenses, "edit_expenses"), "")
        self.tabs.addTab(self._tab(self.supporters, "edit_supporters"), "")
        self.tabs.addTab(self._tab(self.visits, "new_visit"), "")
        self.tabs.addTab(self._tab(self.benefits, "start_review", "edit_benefit"), "")
        applications = QSplitter(Qt.Orientation.Vertical)
        applications.addWidget(self._tab(self.applications, "new_application", "next_stage"))
        applications.addWidget(self.history)
        self.tabs.addTab(applications, "")
        self.evidence = EvidenceTab(
            editor.store, worker=worker, today=today, policy_of=self._policy_of
        )
        self.evidence.changed.connect(self.changed.emit)
        self.evidence.missing_changed.connect(self.eligibility.show_missing_evidence)
        self.tabs.addTab(self.evidence, "")

        # The title and its buttons wrap onto a second line rather than widen the page
        # past a small screen; the findings beside them can be made narrower by hand.
        header = flow_row(
            self.title, self.undo_button, self.redo_button, self.sign_authorization, self.edit_info
        )
        main_column = QWidget()
        main = QVBoxLayout(main_column)
        main.setContentsMargins(0, 0, 0, 0)
        main.addWidget(header)
        main.addWidget(self.facts)
        main.addWidget(self.tabs, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(main_column)
        split.addWidget(self.eligibility)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.addWidget(split)

        b = self.buttons
        b["add_member"].clicked.connect(lambda: self.edit_member(None))
        b["edit_member"].clicked.connect(lambda: self.edit_member(self.members.currentRow()))
        b["remove_member"].clicked.connect(self.remove_member)
        b["edit_assets"].clicked.connect(self.edit_assets)
        b["edit_expenses"].clicked.connect(self.edit_expenses)
        b["edit_supporters"].clicked.connect(self.edit_supporters)
        b["new_visit"].clicked.connect(self.new_visit_action.trigger)
        b["new_application"].clicked.connect(lambda: self.start_application(None))
        b["next_stage"].clicked.connect(self.next_stage)
        b["start_review"].clicked.connect(self.start_review)
        b["edit_benefit"].clicked.connect(lambda: self.edit_benefit(self.benefits.currentRow()))
        self.members.doubleClicked.connect(lambda index: self.edit_member(index.row()))
        self.edit_info.clicked.connect(self.edit_household_info)
        self.applications.currentCellChanged.connect(lambda *_: self._show_history())
        editor.changed.connect(self.refresh)
        editor.failed.connect(lambda text: ask.warn(self, self.tr("Not saved"), text))
        self.retranslate()

    def _tab(self, table: QTableWidget, *buttons: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row = QHBoxLayout()
        for key in buttons:
            row.addWidget(self.buttons[key])
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(table)
        return page

    # language ------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        tabs = (
            self.tr("Members"),
            self.tr("Property"),
            self.tr("Expenses"),
            self.tr("Legal supporters"),
            self.tr("Visits"),
            self.tr("Benefits"),
            self.tr("Applications"),
        )
        tables = (
            self.members,
            self.assets,
            self.expenses,
            self.supporters,
            self.visits,
            self.benefits,
            self.applications,
        )
        for index, (text, table) in enumerate(zip(tabs, tables, strict=True)):
            self.tabs.setTabText(index, text)
            table.setAccessibleName(text)
        self.tabs.setTabText(EVIDENCE_TAB, self.tr("Evidence"))
        self.history.setAccessibleName(self.tr("Stages of the application"))
        words = {
            "add_member": self.tr("Add member"),
            "edit_member": self.tr("Edit member"),
            "remove_member": self.tr("Remove member"),
            "edit_assets": self.tr("Edit property"),
            "edit_expenses": self.tr("Edit expenses"),
            "edit_supporters": self.tr("Edit legal supporters"),
            "new_visit": self.tr("New visit (Ctrl+N)"),
            "new_application": self.tr("New application"),
            "start_review": self.tr("Start a review"),
            "edit_benefit": self.tr("Certificate and members covered"),
            "next_stage": self.tr("Next stage"),
        }
        for key, text in words.items():
            self.buttons[key].setText(text)
        self.edit_info.setText(self.tr("Edit household details"))
        self.sign_authorization.setText(self.tr("Sign the authorisation"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        self.members.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Relation"),
                self.tr("Age"),
                self.tr("Sex"),
                self.tr("ID number"),
                self.tr("Labour capacity"),
                self.tr("Disability"),
                self.tr("Serious illness"),
                self.tr("Employment"),
                self.tr("Monthly income"),
            ]
        )
        self.assets.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Value"), self.tr("Count")])
        self.expenses.setHorizontalHeaderLabels(
            [self.tr("Kind"), self.tr("Amount"), self.tr("Date")]
        )
        self.supporters.setHorizontalHeaderLabels(
            [self.tr("Relation"), self.tr("Name"), self.tr("Able to support"), self.tr("Reason")]
        )
        self.visits.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Purpose"),
                self.tr("Investigators"),
                self.tr("Conclusion"),
                self.tr("Signed"),
            ]
        )
        self.benefits.setHorizontalHeaderLabels(
            [
                self.tr("Program"),
                self.tr("Category"),
                self.tr("Per month"),
                self.tr("Since"),
                self.tr("Gradual exit until"),
                self.tr("People covered"),
                self.tr("Certificate number"),
            ]
        )
        self.applications.setHorizontalHeaderLabels(
            [self.tr("Program"), self.tr("Stage"), self.tr("Applied on"), self.tr("Time limit")]
        )
        self.history.setHorizontalHeaderLabels(
            [self.tr("Stage"), self.tr("Date"), self.tr("Done by"), self.tr("Opinion")]
        )
        self.refresh()

    # showing --------------------------------------------------------------------------------
    def refresh(self) -> None:
        h = self.editor.household
        head = h.head
        unknown = self.tr("not known")
        self.title.setText(head.name if head else self.tr("(no head)"))
        poor = h.registered_poor
        poor_text = unknown if poor is None else label(poor.status)
        if poor is not None and poor.exited_on is not None:
            poor_text += f" ({poor.exited_on.isoformat()})"
        local = _bool(h.local_resident, self.tr("yes"), self.tr("no"), unknown)
        facts = [
            self.tr("Address: {value}").format(value=h.address),
            self.tr("Hukou: {value}").format(value=label(h.hukou)),
            self.tr("Local resident: {value}").format(value=local),
            self.tr("Registered poor: {value}").format(value=poor_text),
        ]
        if h.emergency is not None:
            facts.append(
                self.tr("Emergency: {kind} on {day}").format(
                    kind=label(h.emergency.kind), day=h.emergency.date.isoformat()
                )
            )
        if h.cadre_relative:
            facts.append(self.tr("Relative of a cadre or caseworker (registered separately)"))
        if h.payment is not None:
            facts.append(
                # The account's last four digits, as ID numbers are masked on this page:
                # the whole number is in the household details.
                self.tr("Paid into: {bank}, account ending {last4} ({holder})").format(
                    bank=h.payment.bank_name,
                    last4=h.payment.account_number[-4:],
                    holder=h.payment.account_name,
                )
            )
        elif h.benefits:
            facts.append(self.tr("Payment account: not recorded"))
        self.facts.setText(" · ".join(facts))
        _fill(self.members, [self._member_row(m) for m in h.members])
        _fill(
            self.assets,
            [(label(a.kind), yuan(a.value_fen), a.count) for a in h.assets or ()]
            if h.assets is not None
            else [(self.tr("Property not recorded"), "", "")],
        )
        _fill(
            self.expenses,
            [(label(e.kind), yuan(e.amount_fen), e.date.isoformat()) for e in h.expenses or ()]
            if h.expenses is not None
            else [(self.tr("Expenses not recorded"), "", "")],
        )
        _fill(
            self.supporters,
            [
                (
                    label(s.relation),
                    s.name or "",
                    _bool(s.able, self.tr("yes"), self.tr("no"), unknown),
                    label(s.reason),
                )
                for s in h.legal_supporters or ()
            ]
            if h.legal_supporters is not None
            else [(self.tr("Legal supporters not recorded"), "", "", "")],
        )
        _fill(
            self.visits,
            [
                (
                    v.date.isoformat(),
                    label(v.purpose),
                    "、".join(v.workers),
                    v.conclusion,
                    self.tr("signed") if v.signed_at else self.tr("not signed"),
                )
                for v in reversed(h.visits)
            ],
        )
        _fill(
            self.benefits,
            [
                (
                    label(b.program),
                    label(b.category),
                    yuan(b.monthly_fen),
                    b.since.isoformat(),
                    b.exit_until.isoformat() if b.exit_until else "",
                    b.covered_count(len(h.members)),
                    b.certificate_number,
                )
                for b in h.benefits
            ],
        )
        today = self.today()
        rows = []
        for a in h.applications:
            limit = deadline(a, today, self.calendar)
            if limit is None:
                limit_text = ""
            elif limit.past_latest:
                limit_text = self.tr("past the 45-working-day limit")
            elif limit.overdue:
                limit_text = self.tr("overdue (30 working days), at the latest {day}").format(
                    day=limit.latest
                )
            else:
                limit_text = self.tr("due by {day}").format(day=limit.due)
            if limit is not None and limit.estimated:
                limit_text = self.tr(
                    "{limit} (estimated: that year's official holidays are not known yet)"
                ).format(limit=limit_text)
            rows.append((label(a.program), label(a.stage), a.applied_on.isoformat(), limit_text))
        current = self.applications.currentRow()
        _fill(self.applications, rows)
        if rows:
            self.applications.selectRow(min(max(current, 0), len(rows) - 1))
        self._show_history()
        if self.screener is not None:
            self.eligibility.show_screening(self.screener(h, today))
        self.evidence.show_household(h)

    def _policy_of(self, household: Household) -> Policy | None:
        """The policy the household is screened under (None: no screener, no checklist)."""
        policies = getattr(self.screener, "policies", None)
        return None if policies is None else policies(household)

    def show_evidence(self) -> EvidenceTab:
        """Show the Evidence tab (from home's list of households missing documents)."""
        self.tabs.setCurrentIndex(EVIDENCE_TAB)
        return self.evidence

    def _member_row(self, m: Member) -> tuple[object, ...]:
        unknown = self.tr("not known")
        disability = unknown
        if m.disability is not None:
            disability = label(m.disability.type)
            if m.disability.grade:
                disability += self.tr(" grade {grade}").format(grade=m.disability.grade)
        illness = unknown if m.serious_illness is None else (m.serious_illness or self.tr("none"))
        income = unknown if m.incomes is None else yuan(sum(i.monthly_fen for i in m.incomes))
        return (
            m.name,
            label(m.relation),
            age_on(m.birth_date, self.today()),
            label(m.sex),
            masked_id(m.id_number),
            label(m.labor_capacity, unknown=unknown),
            disability,
            illness,
            label(m.employment, unknown=unknown),
            income,
        )

    def _show_history(self) -> None:
        row = self.applications.currentRow()
        apps = self.editor.household.applications
        entries = apps[row].history if 0 <= row < len(apps) else []
        _fill(
            self.history,
            [(label(e.stage), e.date.isoformat(), e.worker, _said(e)) for e in entries],
        )
        stages = next_stages(apps[row]) if 0 <= row < len(apps) else ()
        self.buttons["next_stage"].setEnabled(bool(stages))

    # editing -------------------------------------------------------------------------------
    def _report(self, errors: list[FieldError]) -> None:
        if errors:
            ask.warn(self, self.tr("Not saved"), in_full(errors))

    def edit_member(self, row: int | None) -> MemberDialog | None:
        """Open the member dialog (a new member when ``row`` is None); returns it (tests)."""
        data = self.editor.as_dict()
        members = data["members"]
        if row is not None and not 0 <= row < len(members):
            return None
        index = len(members) if row is None else row
        original = None if row is None else members[row]

        def submit(member: dict[str, Any]) -> list[FieldError]:
            def change(d: dict[str, Any]) -> None:
                if row is None:
                    d["members"].append(member)
                else:
                    d["members"][row] = member

            text = self.tr("Add member") if row is None else self.tr("Edit member")
            return self.editor.edit(change, text)

        dialog = MemberDialog(
            original, prefix=f"members[{index}]", submit=submit, today=self.today(), parent=self
        )
        dialog.open()
        return dialog

    def remove_member(self) -> None:
        row = self.members.currentRow()
        members = self.editor.household.members
        if not 0 <= row < len(members):
            return
        member = members[row]
        paid = [b for b in self.editor.household.benefits if member.id in (b.covered_members or ())]
        if paid:  # the payment list would lose a person without a decision saying so
            ask.warn(
                self,
                self.tr("Remove member"),
                self.tr(
                    "{name} is one of the members {program} covers. Change the members "
                    "covered on the Benefits tab first (a change the township and county "
                    "must agree to)."
                ).format(name=member.name, program=label(paid[0].program)),
            )
            return
        question = self.tr("Remove {name} from the household?").format(name=member.name)
        if ask.confirm(self, self.tr("Remove member"), question):
            self._report(
                self.editor.edit(lambda d: d["members"].pop(row), self.tr("Remove member"))
            )

    def _edit_list(
        self, key: str, title: str, columns: list[Column], recorded: str
    ) -> RecordListDialog:
        def submit(records: list[dict[str, Any]] | None) -> list[FieldError]:
            return self.editor.edit(lambda d: d.__setitem__(key, records), title)

        dialog = RecordListDialog(
            title,
            key,
            columns,
            self.editor.as_dict().get(key),
            submit=submit,
            recorded_text=recorded,
            parent=self,
        )
        dialog.open()
        return dialog

    def edit_assets(self) -> RecordListDialog:
        return self._edit_list(
            "assets",
            self.tr("Edit property"),
            [
                Column("kind", self.tr("Kind"), AssetKind),
                Column("value_yuan", self.tr("Value (yuan)")),
                Column("count", self.tr("Count"), kind="int", default=1),
            ],
            self.tr("Property recorded"),
        )

    def edit_expenses(self) -> RecordListDialog:
        return self._edit_list(
            "expenses",
            self.tr("Edit expenses"),
            [
                Column("kind", self.tr("Kind"), ExpenseKind),
                Column("amount_yuan", self.tr("Amount (yuan)")),
                Column("date", self.tr("Date"), kind="date"),
            ],
            self.tr("Expenses recorded"),
        )

    def edit_supporters(self) -> RecordListDialog:
        return self._edit_list(
            "legal_supporters",
            self.tr("Edit legal supporters"),
            [
                Column("relation", self.tr("Relation"), SupporterRelation),
                Column("name", self.tr("Name")),
                Column("able", self.tr("Able to support"), kind="bool"),
                Column("reason", self.tr("Why not"), SupporterInability),
            ],
            self.tr("Legal supporters recorded"),
        )

    def edit_benefit(self, row: int) -> BenefitDialog | None:
        """The certificate number and the members covered of the benefit in ``row``."""
        benefits = self.editor.as_dict()["benefits"]
        if not 0 <= row < len(benefits):
            return None

        def submit(fields: dict[str, Any]) -> list[FieldError]:
            return self.editor.edit(
                lambda d: d["benefits"][row].update(fields),
                self.tr("Edit certificate and members covered"),
            )

        members = [(m.id, m.name) for m in self.editor.household.members]
        dialog = BenefitDialog(benefits[row], members, submit=submit, parent=self)
        dialog.open()
        return dialog

    def edit_household_info(self) -> HouseholdInfoDialog:
        def submit(fields: dict[str, Any]) -> list[FieldError]:
            return self.editor.edit(lambda d: d.update(fields), self.tr("Edit household details"))

        data = self.editor.as_dict()
        dialog = HouseholdInfoDialog(data, submit=submit, today=self.today(), parent=self)
        dialog.open()
        return dialog

    def _finding(self, program: Program) -> Finding | None:
        screening = self.eligibility.screening
        if screening is None:
            return None
        return next((f for f in screening.findings if f.program is program), None)

    def _suggested_fen(self, program: Program) -> int | None:
        """The amount the current findings give for ``program`` (to start an approval from)."""
        finding = self._finding(program)
        if finding is None:
            return None
        return finding.monthly_fen if finding.monthly_fen is not None else finding.one_off_fen

    def _recorded(self, changes: Changes) -> None:
        self.editor.reload()
        self.changed.emit(changes)

    def _not_mine(self, stages: Sequence[Stage]) -> bool:
        """Say who records ``stages`` when this worker records none of them."""
        if any(may_record(self.role, s) for s in stages):
            return False
        zh = is_chinese()
        parts = [
            f"“{label(s)}”由{who_records(s)[0]}办理"
            if zh
            else f"'{label(s)}' is recorded by {who_records(s)[1]}"
            for s in stages
        ]
        ask.warn(self, self.tr("Not for this worker"), ("；" if zh else "; ").join(parts))
        return True

    def start_application(self, program: Program | None) -> StageDialog | None:
        """Open the new-application dialog (from the button or an eligibility card)."""
        if self._not_mine((Stage.APPLIED,)):
            return None
        household_id = self.editor.household.id
        finding = self._finding(program) if program is not None else None
        store, today, role = self.editor.store, self.today(), self.role

        def record(entry: dict[str, Any], chosen: Program, member_id: str | None) -> Changes:
            return start_application(
                store,
                household_id,
                program=chosen,
                entry=entry,
                role=role,
                member_id=member_id,
                today=today,
            )

        dialog = StageDialog(
            stages=(Stage.APPLIED,),
            worker=self.worker,
            record=record,
            members=self.editor.household.members,
            today=today,
            program=program,
            member_id=finding.members[0] if finding and finding.members else None,
            suggested_fen=self._suggested_fen,
            choose_program=True,
            parent=self,
        )
        return self._opened_to_applications(dialog)

    def _opened_to_applications(self, dialog: StageDialog) -> StageDialog:
        """Open a dialog that starts an application or a review; once saved, the page
        shows the Applications tab, where it goes on."""

        def done() -> None:
            assert dialog.changes is not None
            self._recorded(dialog.changes)
            self.tabs.setCurrentIndex(APPLICATIONS_TAB)

        dialog.accepted.connect(done)
        dialog.open()
        return dialog

    def start_review(self) -> StageDialog | None:
        """Open a review (复核) of a benefit the household receives; the county ends it by
        changing the amount or stopping the benefit (Benefits tab)."""
        programs = list(dict.fromkeys(b.program for b in self.editor.household.benefits))
        if not programs or self._not_mine((Stage.REVIEW,)):
            return None
        household_id = self.editor.household.id
        store, today, role = self.editor.store, self.today(), self.role
        row = self.benefits.currentRow()
        benefits = self.editor.household.benefits
        chosen = benefits[row].program if 0 <= row < len(benefits) else programs[0]

        def record(entry: dict[str, Any], program: Program, _member: str | None) -> Changes:
            return start_review(
                store, household_id, program=program, entry=entry, role=role, today=today
            )

        dialog = StageDialog(
            stages=(Stage.REVIEW,),
            worker=self.worker,
            record=record,
            members=self.editor.household.members,
            today=today,
            program=chosen,
            programs=programs,
            choose_program=True,
            parent=self,
        )
        return self._opened_to_applications(dialog)

    def next_stage(self) -> StageDialog | None:
        """Record the next step of the chosen application (an opinion or a decision)."""
        row = self.applications.currentRow()
        apps = self.editor.household.applications
        if not 0 <= row < len(apps):
            return None
        application = apps[row]
        following = next_stages(application)
        if not following or self._not_mine(following):
            return None
        store, household_id, today = self.editor.store, self.editor.household.id, self.today()
        role = self.role

        def record(entry: dict[str, Any], _program: Program, _member: str | None) -> Changes:
            return record_stage(store, household_id, application.id, entry, role=role, today=today)

        dialog = StageDialog(
            stages=tuple(s for s in following if may_record(role, s)),
            worker=self.worker,
            record=record,
            members=self.editor.household.members,
            today=today,
            program=application.program,
            member_id=application.member_id,
            suggested_fen=self._suggested_fen,
            parent=self,
        )
        dialog.accepted.connect(lambda: self._recorded(dialog.changes or Changes()))
        dialog.open()
        return dialog

    def household(self) -> Household:
        return self.editor.household

    def open_authorization(self) -> "AuthorizationDialog":
        """Let every adult member sign the authorisation to check family finances."""
        from caseworker.ui.signing import AuthorizationDialog, ask_on_pad  # loads printing

        dialog = AuthorizationDialog(
            self.editor.store,
            self.editor.household,
            on=self.today(),
            ask=self.ask_signature or ask_on_pad,
            parent=self,
        )
        dialog.open()
        return dialog

    def go_to_field(self, path: str) -> QWidget | None:
        """Open the editor where a piece of missing information is filled in."""
        if path.startswith("members["):
            index = int(path[len("members[") : path.index("]")])
            self.tabs.setCurrentIndex(0)
            return self.edit_member(index)
        if path.startswith("assets"):
            self.tabs.setCurrentIndex(1)
            return self.edit_assets()
        if path.startswith("expenses"):
            self.tabs.setCurrentIndex(2)
            return self.edit_expenses()
        if path.startswith("legal_supporters"):
            self.tabs.setCurrentIndex(3)
            return self.edit_supporters()
        if path.startswith(("policy:", "visits")):
            return None  # not something to type in on this page
        return self.edit_household_info()
