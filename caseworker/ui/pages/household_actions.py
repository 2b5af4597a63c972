"""What the household page does when a button is pressed: the dialogs that edit its
members, property, expenses, legal supporters, benefits and details (every edit validated,
saved at once and undoable), the dialogs that start an application or a review or record
an application's next stage, and the authorisation's signatures."""

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTableWidget, QTabWidget, QWidget

from caseworker.domain.codes import (
    AssetKind,
    ExpenseKind,
    Program,
    Stage,
    SupporterInability,
    SupporterRelation,
    WorkerRole,
)
from caseworker.domain.procedure import may_record, next_stages, who_records
from caseworker.domain.validation import FieldError
from caseworker.eligibility.findings import Finding
from caseworker.operations.applications import record_stage, start_application, start_review
from caseworker.operations.changes import Changes
from caseworker.ui import ask
from caseworker.ui.dialogs.application import StageDialog
from caseworker.ui.dialogs.benefit import BenefitDialog
from caseworker.ui.dialogs.household_info import HouseholdInfoDialog
from caseworker.ui.dialogs.member import MemberDialog
from caseworker.ui.dialogs.record_list import Column, RecordListDialog
from caseworker.ui.errors import in_full
from caseworker.ui.household_editor import HouseholdEditor
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label
from caseworker.ui.pages.household_tabs import tab_index
from caseworker.ui.widgets.eligibility_panel import EligibilityPanel

if TYPE_CHECKING:
    from caseworker.ui.signing import AskSignature, AuthorizationDialog

translate = QCoreApplication.translate


class HouseholdActions(QWidget):
    """The household page's actions (``HouseholdPage`` builds the widgets they use);
    ``changed`` tells what was recorded."""

    changed = Signal(object)  # operations.changes.Changes of what was recorded here

    editor: HouseholdEditor
    worker: str
    role: WorkerRole  # the stages this worker records (procedure.STAGE_ROLES)
    today: Callable[[], date]
    tabs: QTabWidget
    members: QTableWidget
    benefits: QTableWidget
    applications: QTableWidget
    eligibility: EligibilityPanel
    ask_signature: "AskSignature | None"  # None: the signature pad

    def _report(self, errors: list[FieldError]) -> None:
        if errors:
            ask.warn(self, translate("HouseholdPage", "Not saved"), in_full(errors))

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

            text = (
                translate("HouseholdPage", "Add member")
                if row is None
                else translate("HouseholdPage", "Edit member")
            )
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
                translate("HouseholdPage", "Remove member"),
                translate(
                    "HouseholdPage",
                    "{name} is one of the members {program} covers. Change the members "
                    "covered on the Benefits tab first (a change the township and county "
                    "must agree to).",
                ).format(name=member.name, program=label(paid[0].program)),
            )
            return
        question = translate("HouseholdPage", "Remove {name} from the household?").format(
            name=member.name
        )
        if ask.confirm(self, translate("HouseholdPage", "Remove member"), question):
            self._report(
                self.editor.edit(
                    lambda d: d["members"].pop(row), translate("HouseholdPage", "Remove member")
                )
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
            translate("HouseholdPage", "Edit property"),
            [
                Column("kind", translate("HouseholdPage", "Kind"), AssetKind),
                Column("value_yuan", translate("HouseholdPage", "Value (yuan)")),
                Column("count", translate("HouseholdPage", "Count"), kind="int", default=1),
            ],
            translate("HouseholdPage", "Property recorded"),
        )

    def edit_expenses(self) -> RecordListDialog:
        return self._edit_list(
            "expenses",
            translate("HouseholdPage", "Edit expenses"),
            [
                Column("kind", translate("HouseholdPage", "Kind"), ExpenseKind),
                Column("amount_yuan", translate("HouseholdPage", "Amount (yuan)")),
                Column("date", translate("HouseholdPage", "Date"), kind="date"),
            ],
            translate("HouseholdPage", "Expenses recorded"),
        )

    def edit_supporters(self) -> RecordListDialog:
        return self._edit_list(
            "legal_supporters",
            translate("HouseholdPage", "Edit legal supporters"),
            [
                Column("relation", translate("HouseholdPage", "Relation"), SupporterRelation),
                Column("name", translate("HouseholdPage", "Name")),
                Column("able", translate("HouseholdPage", "Able to support"), kind="bool"),
                Column("reason", translate("HouseholdPage", "Why not"), SupporterInability),
            ],
            translate("HouseholdPage", "Legal supporters recorded"),
        )

    def edit_benefit(self, row: int) -> BenefitDialog | None:
        """The certificate number and the members covered of the benefit in ``row``."""
        benefits = self.editor.as_dict()["benefits"]
        if not 0 <= row < len(benefits):
            return None

        def submit(fields: dict[str, Any]) -> list[FieldError]:
            return self.editor.edit(
                lambda d: d["benefits"][row].update(fields),
                translate("HouseholdPage", "Edit certificate and members covered"),
            )

        members = [(m.id, m.name) for m in self.editor.household.members]
        dialog = BenefitDialog(benefits[row], members, submit=submit, parent=self)
        dialog.open()
        return dialog

    def edit_household_info(self) -> HouseholdInfoDialog:
        def submit(fields: dict[str, Any]) -> list[FieldError]:
            return self.editor.edit(
                lambda d: d.update(fields), translate("HouseholdPage", "Edit household details")
            )

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
        ask.warn(
            self,
            translate("HouseholdPage", "Not for this worker"),
            ("；" if zh else "; ").join(parts),
        )
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
            self.tabs.setCurrentIndex(tab_index("applications"))

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
            self.tabs.setCurrentIndex(tab_index("members"))
            return self.edit_member(index)
        if path.startswith("assets"):
            self.tabs.setCurrentIndex(tab_index("assets"))
            return self.edit_assets()
        if path.startswith("expenses"):
            self.tabs.setCurrentIndex(tab_index("expenses"))
            return self.edit_expenses()
        if path.startswith("legal_supporters"):
            self.tabs.setCurrentIndex(tab_index("supporters"))
            return self.edit_supporters()
        if path.startswith(("policy:", "visits")):
            return None  # not something to type in on this page
        return self.edit_household_info()
