"""The tabs of the household page as a list: for each tab, its title, its table's columns
(the header and how each cell is shown from the record), the records it lists and its
buttons (their words and what they do). The page builds, fills and retranslates its tabs
by walking this list, so a new column is one entry here."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from caseworker.domain.idnumber import age_on
from caseworker.domain.procedure import deadline
from caseworker.domain.records import Application, Household, Member, StageEntry
from caseworker.domain.wording import appraisal_words
from caseworker.domain.workdays import WorkCalendar
from caseworker.ui.labels import label, language, yuan
from caseworker.ui.models.household_table import masked_id

if TYPE_CHECKING:
    from caseworker.ui.pages.household_page import HouseholdPage

translate = QCoreApplication.translate
NOT_KNOWN = QT_TRANSLATE_NOOP("HouseholdPage", "not known")


def words(source: object) -> str:
    """A text of the page (marked in the "HouseholdPage" context) in the current language."""
    return translate("HouseholdPage", str(source))


@dataclass(frozen=True)
class Showing:
    """What the cells are shown against: the household, the app's day and the calendar
    its time limits count in."""

    household: Household
    today: date
    calendar: WorkCalendar


@dataclass(frozen=True)
class Column:
    """A column: its header (marked for translation) and its cell of a record."""

    header: object
    cell: Callable[[Any, Showing], object]


@dataclass(frozen=True)
class Button:
    """A button over a tab's table: its key in ``page.buttons``, words and action."""

    key: str
    text: object
    action: Callable[["HouseholdPage"], object]


@dataclass(frozen=True)
class Tab:
    """A tab: the page's attribute for its table (``name``), its title, columns, buttons,
    and its records (None: not recorded, shown as ``not_recorded`` in the first cell)."""

    name: str
    title: object
    columns: tuple[Column, ...]
    records: Callable[[Household], Sequence[Any] | None]
    buttons: tuple[Button, ...] = ()
    not_recorded: object = None


def yes_no(value: bool | None) -> str:
    """Yes, no or not known, in the current language."""
    if value is None:
        return words(NOT_KNOWN)
    return translate("HouseholdPage", "yes") if value else translate("HouseholdPage", "no")


def _disability(m: Member) -> str:
    if m.disability is None:
        return words(NOT_KNOWN)
    text = label(m.disability.type)
    if m.disability.grade:
        text += translate("HouseholdPage", " grade {grade}").format(grade=m.disability.grade)
    return text


def _illness(m: Member) -> str:
    if m.serious_illness is None:
        return words(NOT_KNOWN)
    return m.serious_illness or translate("HouseholdPage", "none")


def _income(m: Member) -> str:
    if m.incomes is None:
        return words(NOT_KNOWN)
    return yuan(sum(i.monthly_fen for i in m.incomes))


def _time_limit(a: Application, shown: Showing) -> str:
    """How the application stands against its time limit ("" when none runs)."""
    limit = deadline(a, shown.today, shown.calendar)
    if limit is None:
        return ""
    if limit.past_latest:
        text = translate("HouseholdPage", "past the 45-working-day limit")
    elif limit.overdue:
        text = translate("HouseholdPage", "overdue (30 working days), at the latest {day}").format(
            day=limit.latest
        )
    else:
        text = translate("HouseholdPage", "due by {day}").format(day=limit.due)
    if limit.estimated:
        text = translate(
            "HouseholdPage", "{limit} (estimated: that year's official holidays are not known yet)"
        ).format(limit=text)
    return text


def _said(entry: StageEntry) -> str:
    """An entry's opinion, after its democratic appraisal's record where it has one."""
    if entry.appraisal is None:
        return entry.note
    record = appraisal_words(entry.appraisal, entry.date, language())
    return f"{record} {entry.note}".strip()


def _unknown_label(value: Any) -> str:
    return label(value, unknown=words(NOT_KNOWN))


TABS: tuple[Tab, ...] = (
    Tab(
        "members",
        QT_TRANSLATE_NOOP("HouseholdPage", "Members"),
        (
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Name"), lambda m, _: m.name),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Relation"), lambda m, _: label(m.relation)),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "Age"),
                lambda m, shown: age_on(m.birth_date, shown.today),
            ),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Sex"), lambda m, _: label(m.sex)),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "ID number"), lambda m, _: masked_id(m.id_number)
            ),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "Labour capacity"),
                lambda m, _: _unknown_label(m.labor_capacity),
            ),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Disability"), lambda m, _: _disability(m)),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Serious illness"), lambda m, _: _illness(m)),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "Employment"),
                lambda m, _: _unknown_label(m.employment),
            ),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Monthly income"), lambda m, _: _income(m)),
        ),
        lambda h: h.members,
        (
            Button(
                "add_member",
                QT_TRANSLATE_NOOP("HouseholdPage", "Add member"),
                lambda page: page.edit_member(None),
            ),
            Button(
                "edit_member",
                QT_TRANSLATE_NOOP("HouseholdPage", "Edit member"),
                lambda page: page.edit_member(page.members.currentRow()),
            ),
            Button(
                "remove_member",
                QT_TRANSLATE_NOOP("HouseholdPage", "Remove member"),
                lambda page: page.remove_member(),
            ),
        ),
    ),
    Tab(
        "assets",
        QT_TRANSLATE_NOOP("HouseholdPage", "Property"),
        (
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Kind"), lambda a, _: label(a.kind)),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Value"), lambda a, _: yuan(a.value_fen)),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Count"), lambda a, _: a.count),
        ),
        lambda h: h.assets,
        (
            Button(
                "edit_assets",
                QT_TRANSLATE_NOOP("HouseholdPage", "Edit property"),
                lambda page: page.edit_assets(),
            ),
        ),
        QT_TRANSLATE_NOOP("HouseholdPage", "Property not recorded"),
    ),
    Tab(
        "expenses",
        QT_TRANSLATE_NOOP("HouseholdPage", "Expenses"),
        (
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Kind"), lambda e, _: label(e.kind)),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Amount"), lambda e, _: yuan(e.amount_fen)),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Date"), lambda e, _: e.date.isoformat()),
        ),
        lambda h: h.expenses,
        (
            Button(
                "edit_expenses",
                QT_TRANSLATE_NOOP("HouseholdPage", "Edit expenses"),
                lambda page: page.edit_expenses(),
            ),
        ),
        QT_TRANSLATE_NOOP("HouseholdPage", "Expenses not recorded"),
    ),
    Tab(
        "supporters",
        QT_TRANSLATE_NOOP("HouseholdPage", "Legal supporters"),
        (
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Relation"), lambda s, _: label(s.relation)),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Name"), lambda s, _: s.name or ""),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "Able to support"), lambda s, _: yes_no(s.able)
            ),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Reason"), lambda s, _: label(s.reason)),
        ),
        lambda h: h.legal_supporters,
        (
            Button(
                "edit_supporters",
                QT_TRANSLATE_NOOP("HouseholdPage", "Edit legal supporters"),
                lambda page: page.edit_supporters(),
            ),
        ),
        QT_TRANSLATE_NOOP("HouseholdPage", "Legal supporters not recorded"),
    ),
    Tab(
        "visits",
        QT_TRANSLATE_NOOP("HouseholdPage", "Visits"),
        (
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Date"), lambda v, _: v.date.isoformat()),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Purpose"), lambda v, _: label(v.purpose)),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "Investigators"),
                lambda v, _: "、".join(v.workers),
            ),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Conclusion"), lambda v, _: v.conclusion),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "Signed"),
                lambda v, _: (
                    translate("HouseholdPage", "signed")
                    if v.signed_at
                    else translate("HouseholdPage", "not signed")
                ),
            ),
        ),
        lambda h: list(reversed(h.visits)),
        (
            Button(
                "new_visit",
                QT_TRANSLATE_NOOP("HouseholdPage", "New visit (Ctrl+N)"),
                lambda page: page.request_visit(),
            ),
        ),
    ),
    Tab(
        "benefits",
        QT_TRANSLATE_NOOP("HouseholdPage", "Benefits"),
        (
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Program"), lambda b, _: label(b.program)),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Category"), lambda b, _: label(b.category)),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "Per month"), lambda b, _: yuan(b.monthly_fen)
            ),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Since"), lambda b, _: b.since.isoformat()),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "Gradual exit until"),
                lambda b, _: b.exit_until.isoformat() if b.exit_until else "",
            ),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "People covered"),
                lambda b, shown: b.covered_count(len(shown.household.members)),
            ),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "Certificate number"),
                lambda b, _: b.certificate_number,
            ),
        ),
        lambda h: h.benefits,
        (
            Button(
                "start_review",
                QT_TRANSLATE_NOOP("HouseholdPage", "Start a review"),
                lambda page: page.start_review(),
            ),
            Button(
                "edit_benefit",
                QT_TRANSLATE_NOOP("HouseholdPage", "Certificate and members covered"),
                lambda page: page.edit_benefit(page.benefits.currentRow()),
            ),
        ),
    ),
    Tab(
        "applications",
        QT_TRANSLATE_NOOP("HouseholdPage", "Applications"),
        (
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Program"), lambda a, _: label(a.program)),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Stage"), lambda a, _: label(a.stage)),
            Column(
                QT_TRANSLATE_NOOP("HouseholdPage", "Applied on"),
                lambda a, _: a.applied_on.isoformat(),
            ),
            Column(QT_TRANSLATE_NOOP("HouseholdPage", "Time limit"), _time_limit),
        ),
        lambda h: h.applications,
        (
            Button(
                "new_application",
                QT_TRANSLATE_NOOP("HouseholdPage", "New application"),
                lambda page: page.start_application(None),
            ),
            Button(
                "next_stage",
                QT_TRANSLATE_NOOP("HouseholdPage", "Next stage"),
                lambda page: page.next_stage(),
            ),
        ),
    ),
)

# The stages of the application chosen on the Applications tab, in a table under it.
HISTORY = Tab(
    "history",
    QT_TRANSLATE_NOOP("HouseholdPage", "Stages of the application"),
    (
        Column(QT_TRANSLATE_NOOP("HouseholdPage", "Stage"), lambda e, _: label(e.stage)),
        Column(QT_TRANSLATE_NOOP("HouseholdPage", "Date"), lambda e, _: e.date.isoformat()),
        Column(QT_TRANSLATE_NOOP("HouseholdPage", "Done by"), lambda e, _: e.worker),
        Column(QT_TRANSLATE_NOOP("HouseholdPage", "Opinion"), lambda e, _: _said(e)),
    ),
    lambda h: (),
)


def tab_index(name: str) -> int:
    """The place of the tab whose table is ``name``."""
    return next(index for index, tab in enumerate(TABS) if tab.name == name)


def make_table(tab: Tab) -> QTableWidget:
    """A read-only table with ``tab``'s columns, chosen by whole rows."""
    table = QTableWidget(0, len(tab.columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def retranslate_table(table: QTableWidget, tab: Tab) -> None:
    """The table's name and headers in the current language."""
    table.setAccessibleName(words(tab.title))
    table.setHorizontalHeaderLabels([words(c.header) for c in tab.columns])


def fill(table: QTableWidget, tab: Tab, records: Sequence[Any] | None, shown: Showing) -> None:
    """Show ``records`` in ``table``, a cell per column (None: "not recorded")."""
    if records is None:
        blank: list[object] = [""] * (len(tab.columns) - 1)
        rows = [[words(tab.not_recorded), *blank]]
    else:
        rows = [[column.cell(record, shown) for column in tab.columns] for record in records]
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
