"""How the sync page speaks of a conflict's field and values: the field by its label, the
row by the person or kind it is about ("王桂芝的收入（城乡居民基础养老金）：月金额"), and
each value as a person reads it (dates, yuan, codes by their labels, yes/no), never as a
code name, an id or JSON.

Values arrive in wire form from the county, so each is checked before it is shown: one of
an unexpected type is shown as "cannot be shown", never as its raw text.
"""

import unicodedata
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from caseworker.sync.conflicts import KIND_COLUMNS, OpenConflict
from caseworker.sync.merge import ROW_DELETED
from caseworker.sync.wire import CODE_COLUMNS, ID_COLUMNS, TABLES
from caseworker.ui.labels import label, yuan

FIELDS = "SyncFields"
VALUES = "SyncValues"
TEXT_LIMIT = 120  # characters of a text value shown in a table cell

# Every content column of every table that travels, by the label a specialist knows it by
# (tests/ui/test_sync_page.py checks none is missing).
# (QT_TRANSLATE_NOOP marks a text for lupdate and gives it back; its stub says ``object``.)
FIELD_LABELS: dict[tuple[str, str], object] = {
    ("household", "village_code"): QT_TRANSLATE_NOOP("SyncFields", "Village"),
    ("household", "address"): QT_TRANSLATE_NOOP("SyncFields", "Address"),
    ("household", "hukou"): QT_TRANSLATE_NOOP("SyncFields", "Hukou type"),
    ("household", "local_resident"): QT_TRANSLATE_NOOP("SyncFields", "Local hukou"),
    ("household", "poor_status"): QT_TRANSLATE_NOOP("SyncFields", "Registered-poor status"),
    ("household", "poor_exited_on"): QT_TRANSLATE_NOOP("SyncFields", "Poverty-exit date"),
    ("household", "cadre_relative"): QT_TRANSLATE_NOOP(
        "SyncFields", "Relative of a cadre or caseworker"
    ),
    ("household", "assets_recorded"): QT_TRANSLATE_NOOP("SyncFields", "Property recorded"),
    ("household", "expenses_recorded"): QT_TRANSLATE_NOOP("SyncFields", "Expenses recorded"),
    ("household", "supporters_recorded"): QT_TRANSLATE_NOOP(
        "SyncFields", "Legal supporters recorded"
    ),
    ("household", "emergency_kind"): QT_TRANSLATE_NOOP("SyncFields", "Kind of emergency"),
    ("household", "emergency_date"): QT_TRANSLATE_NOOP("SyncFields", "Date of the emergency"),
    ("household", "emergency_description"): QT_TRANSLATE_NOOP(
        "SyncFields", "Description of the emergency"
    ),
    ("household", "bank_code"): QT_TRANSLATE_NOOP("SyncFields", "Bank code"),
    ("household", "bank_name"): QT_TRANSLATE_NOOP("SyncFields", "Bank"),
    ("household", "account_name"): QT_TRANSLATE_NOOP("SyncFields", "Account holder"),
    ("household", "account_number"): QT_TRANSLATE_NOOP("SyncFields", "Account number"),
    ("member", "position"): QT_TRANSLATE_NOOP("SyncFields", "Order in the household"),
    ("member", "name"): QT_TRANSLATE_NOOP("SyncFields", "Name"),
    ("member", "id_number"): QT_TRANSLATE_NOOP("SyncFields", "ID number"),
    ("member", "birth_date"): QT_TRANSLATE_NOOP("SyncFields", "Date of birth"),
    ("member", "sex"): QT_TRANSLATE_NOOP("SyncFields", "Sex"),
    ("member", "relation"): QT_TRANSLATE_NOOP("SyncFields", "Relation to the head"),
    ("member", "labor_capacity"): QT_TRANSLATE_NOOP("SyncFields", "Ability to work"),
    ("member", "disability_type"): QT_TRANSLATE_NOOP("SyncFields", "Kind of disability"),
    ("member", "disability_grade"): QT_TRANSLATE_NOOP("SyncFields", "Disability grade"),
    ("member", "serious_illness"): QT_TRANSLATE_NOOP("SyncFields", "Serious illness"),
    ("member", "self_care_impossible"): QT_TRANSLATE_NOOP(
        "SyncFields", "Daily activities impossible"
    ),
    ("member", "in_school"): QT_TRANSLATE_NOOP("SyncFields", "In school"),
    ("member", "orphan"): QT_TRANSLATE_NOOP("SyncFields", "Orphan"),
    ("member", "de_facto_unsupported_child"): QT_TRANSLATE_NOOP(
        "SyncFields", "De facto unsupported child"
    ),
    ("member", "employment"): QT_TRANSLATE_NOOP("SyncFields", "Employment"),
    ("member", "returned_to_work"): QT_TRANSLATE_NOOP("SyncFields", "Returned to work"),
    ("member", "incomes_recorded"): QT_TRANSLATE_NOOP("SyncFields", "Income recorded"),
    ("income", "member_id"): QT_TRANSLATE_NOOP("SyncFields", "Whose income"),
    ("income", "position"): QT_TRANSLATE_NOOP("SyncFields", "Order"),
    ("income", "kind"): QT_TRANSLATE_NOOP("SyncFields", "Kind of income"),
    ("income", "monthly_fen"): QT_TRANSLATE_NOOP("SyncFields", "Monthly amount"),
    ("asset", "position"): QT_TRANSLATE_NOOP("SyncFields", "Order"),
    ("asset", "kind"): QT_TRANSLATE_NOOP("SyncFields", "Kind of property"),
    ("asset", "value_fen"): QT_TRANSLATE_NOOP("SyncFields", "Value"),
    ("asset", "count"): QT_TRANSLATE_NOOP("SyncFields", "Number"),
    ("expense", "position"): QT_TRANSLATE_NOOP("SyncFields", "Order"),
    ("expense", "kind"): QT_TRANSLATE_NOOP("SyncFields", "Kind of expense"),
    ("expense", "amount_fen"): QT_TRANSLATE_NOOP("SyncFields", "Amount"),
    ("expense", "date"): QT_TRANSLATE_NOOP("SyncFields", "Date"),
    ("legal_supporter", "position"): QT_TRANSLATE_NOOP("SyncFields", "Order"),
    ("legal_supporter", "relation"): QT_TRANSLATE_NOOP("SyncFields", "Relation"),
    ("legal_supporter", "name"): QT_TRANSLATE_NOOP("SyncFields", "Name"),
    ("legal_supporter", "able"): QT_TRANSLATE_NOOP("SyncFields", "Able to support"),
    ("legal_supporter", "reason"): QT_TRANSLATE_NOOP("SyncFields", "Why not able"),
    ("benefit", "position"): QT_TRANSLATE_NOOP("SyncFields", "Order"),
    ("benefit", "program"): QT_TRANSLATE_NOOP("SyncFields", "Program"),
    ("benefit", "category"): QT_TRANSLATE_NOOP("SyncFields", "Category"),
    ("benefit", "monthly_fen"): QT_TRANSLATE_NOOP("SyncFields", "Monthly amount"),
    ("benefit", "since"): QT_TRANSLATE_NOOP("SyncFields", "Since"),
    ("benefit", "exit_until"): QT_TRANSLATE_NOOP("SyncFields", "Gradual exit until"),
    ("benefit", "certificate_number"): QT_TRANSLATE_NOOP("SyncFields", "Certificate number"),
    ("benefit", "covered_members"): QT_TRANSLATE_NOOP("SyncFields", "Members covered"),
    ("visit", "date"): QT_TRANSLATE_NOOP("SyncFields", "Date of the visit"),
    ("visit", "workers"): QT_TRANSLATE_NOOP("SyncFields", "Investigators"),
    ("visit", "purpose"): QT_TRANSLATE_NOOP("SyncFields", "Purpose"),
    ("visit", "observations"): QT_TRANSLATE_NOOP("SyncFields", "Observations"),
    ("visit", "conclusion"): QT_TRANSLATE_NOOP("SyncFields", "Conclusion"),
    ("visit", "notes"): QT_TRANSLATE_NOOP("SyncFields", "Notes"),
    ("visit", "signed_at"): QT_TRANSLATE_NOOP("SyncFields", "Signed at"),
    ("application", "position"): QT_TRANSLATE_NOOP("SyncFields", "Order"),
    ("application", "program"): QT_TRANSLATE_NOOP("SyncFields", "Program"),
    ("application", "stage"): QT_TRANSLATE_NOOP("SyncFields", "Current stage"),
    ("application", "member_id"): QT_TRANSLATE_NOOP("SyncFields", "Member applied for"),
    ("application_stage", "application_id"): QT_TRANSLATE_NOOP("SyncFields", "Application"),
    ("application_stage", "position"): QT_TRANSLATE_NOOP("SyncFields", "Order"),
    ("application_stage", "stage"): QT_TRANSLATE_NOOP("SyncFields", "Stage"),
    ("application_stage", "date"): QT_TRANSLATE_NOOP("SyncFields", "Date"),
    ("application_stage", "worker"): QT_TRANSLATE_NOOP("SyncFields", "Handled by"),
    ("application_stage", "note"): QT_TRANSLATE_NOOP("SyncFields", "Opinion"),
    ("application_stage", "amount_fen"): QT_TRANSLATE_NOOP(
        "SyncFields", "Monthly amount proposed or approved"
    ),
    ("application_stage", "member_id"): QT_TRANSLATE_NOOP("SyncFields", "Member it is for"),
    ("application_stage", "appraisal"): QT_TRANSLATE_NOOP(
        "SyncFields", "Record of the democratic appraisal"
    ),
    ("decision", "screened_on"): QT_TRANSLATE_NOOP("SyncFields", "Screened on"),
    ("decision", "policy_id"): QT_TRANSLATE_NOOP("SyncFields", "Policy pack"),
    ("decision", "policy_version"): QT_TRANSLATE_NOOP("SyncFields", "Policy version"),
    ("decision", "policy_sha256"): QT_TRANSLATE_NOOP("SyncFields", "Policy pack checksum"),
    ("decision", "household_sha256"): QT_TRANSLATE_NOOP("SyncFields", "Household checksum"),
    ("decision", "findings"): QT_TRANSLATE_NOOP("SyncFields", "Findings"),
    ("signature", "member_id"): QT_TRANSLATE_NOOP("SyncFields", "Who signed"),
    ("signature", "signer_name"): QT_TRANSLATE_NOOP("SyncFields", "Name of the signer"),
    ("signature", "signer_role"): QT_TRANSLATE_NOOP("SyncFields", "Signed as"),
    ("signature", "document_kind"): QT_TRANSLATE_NOOP("SyncFields", "Document"),
    ("signature", "document_id"): QT_TRANSLATE_NOOP("SyncFields", "Document"),
    ("signature", "document_sha256"): QT_TRANSLATE_NOOP("SyncFields", "Document checksum"),
    ("signature", "signed_at"): QT_TRANSLATE_NOOP("SyncFields", "Signed at"),
    ("signature", "image_png"): QT_TRANSLATE_NOOP("SyncFields", "Signature"),
}
# Columns every child row has; they never change on their own.
FIELD_LABELS.update(
    {
        (table, "household_id"): QT_TRANSLATE_NOOP("SyncFields", "Household")
        for table in TABLES
        if table != "household"
    }
)


def _tr(context: str, text: object) -> str:
    return QCoreApplication.translate(context, str(text))


def field_label(table: str, column: str) -> str:
    """The label of a column in the current language; "another item" for a column this
    version does not know (a newer county server), never the column's name."""
    text = FIELD_LABELS.get((table, column))
    if text is None:
        return QCoreApplication.translate("SyncFields", "another item")
    return _tr(FIELDS, text)


def _kind_words(conflict: OpenConflict) -> str:
    kind = conflict.row_kind
    if not kind:
        return ""
    if conflict.table == "visit":
        return date_text(kind)
    code = CODE_COLUMNS.get((conflict.table, KIND_COLUMNS.get(conflict.table, "")))
    parsed = code.parse(kind) if code is not None else None
    return label(parsed) if parsed is not None else ""


def record_words(conflict: OpenConflict) -> str:
    """Which record of the household a conflict is in: "" for the household itself,
    "成员王桂芝", "王桂芝的收入（城乡居民基础养老金）", "财产（存款）", ..."""
    table = conflict.table
    name = clean_text(conflict.person_name, 40)
    kind = _kind_words(conflict)
    if table == "household":
        return ""
    if table == "member":
        if name:
            return QCoreApplication.translate("SyncValues", "Member {name}").format(name=name)
        return QCoreApplication.translate("SyncValues", "A member")
    if table == "income":
        if name:
            return QCoreApplication.translate("SyncValues", "Income of {name} ({kind})").format(
                name=name, kind=kind or "-"
            )
        return QCoreApplication.translate("SyncValues", "Income ({kind})").format(kind=kind or "-")
    if table == "legal_supporter":
        return QCoreApplication.translate("SyncValues", "Legal supporter {name}").format(
            name=name or kind or ""
        )
    texts = {
        "asset": QT_TRANSLATE_NOOP("SyncValues", "Property ({kind})"),
        "expense": QT_TRANSLATE_NOOP("SyncValues", "Expense ({kind})"),
        "benefit": QT_TRANSLATE_NOOP("SyncValues", "Benefit ({kind})"),
        "visit": QT_TRANSLATE_NOOP("SyncValues", "Household visit ({kind})"),
        "application": QT_TRANSLATE_NOOP("SyncValues", "Application ({kind})"),
        "application_stage": QT_TRANSLATE_NOOP("SyncValues", "Application stage ({kind})"),
        "decision": QT_TRANSLATE_NOOP("SyncValues", "Screening record"),
        "signature": QT_TRANSLATE_NOOP("SyncValues", "Signature"),
    }
    text = texts.get(table)
    if text is None:
        return QCoreApplication.translate("SyncValues", "Another record")
    return _tr(VALUES, text).format(kind=kind or "-")


def what_words(conflict: OpenConflict) -> str:
    """The record and field of a conflict, e.g. "成员王桂芝：重病情况" or "家庭住址"."""
    record = record_words(conflict)
    if conflict.field == ROW_DELETED:
        return QCoreApplication.translate("SyncValues", "{record}: the whole record").format(
            record=record or QCoreApplication.translate("SyncValues", "The household")
        )
    field = field_label(conflict.table, conflict.field)
    return (
        QCoreApplication.translate("SyncValues", "{record}: {field}").format(
            record=record, field=field
        )
        if record
        else field
    )


def date_text(value: Any) -> str:
    """A date as a person writes it: 2024年3月1日 / 2024-03-01."""
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        return cannot_show()
    return QCoreApplication.translate("SyncValues", "{year}-{month:02d}-{day:02d}").format(
        year=day.year, month=day.month, day=day.day
    )


def moment_text(value: Any) -> str:
    """A moment in this computer's time zone: 2024年3月1日 14:32."""
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return cannot_show()
    local = moment.astimezone() if moment.tzinfo else moment
    return QCoreApplication.translate("SyncValues", "{date} {hour:02d}:{minute:02d}").format(
        date=date_text(local.date()), hour=local.hour, minute=local.minute
    )


def cannot_show() -> str:
    return QCoreApplication.translate("SyncValues", "(a value that cannot be shown here)")


def clean_text(value: str, limit: int = TEXT_LIMIT) -> str:
    """Text from the county, made safe to show in one cell: control and formatting
    characters (which could reorder or hide what is shown) dropped, runs of white space made
    one space, at most ``limit`` characters."""
    kept = "".join(
        " " if ch.isspace() else ch
        for ch in value
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs")
    )
    text = " ".join(kept.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _column_type(table: str, column: str) -> sa.types.TypeEngine[Any] | None:
    columns = TABLES[table].c if table in TABLES else None
    if columns is None or column not in columns:
        return None
    kind = columns[column].type
    return kind.impl_instance if isinstance(kind, sa.TypeDecorator) else kind


def value_text(
    table: str,
    column: str,
    value: Any,
    regions: dict[str, str],
    people: dict[str, str] | None = None,
) -> str:
    """A field's value in wire form (as the county sends it) as a person reads it;
    ``regions``: code -> name, ``people``: member id -> name (for a column naming a
    member)."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncValues", "(empty)")
    code = CODE_COLUMNS.get((table, column))
    if code is not None:
        parsed = code.parse(value)
        return (
            label(parsed)
            if parsed is not None
            else QCoreApplication.translate("SyncValues", "(an option not known here)")
        )
    if column == "member_id" and people is not None:
        name = people.get(str(value), "")
        return clean_text(name, 40) or QCoreApplication.translate(
            "SyncValues", "(a member not on this laptop)"
        )
    if column in ID_COLUMNS or column.endswith("_sha256") or column == "document_id":
        return QCoreApplication.translate("SyncValues", "(a reference to another record)")
    if column == "village_code":
        return clean_text(regions.get(str(value), "")) or QCoreApplication.translate(
            "SyncValues", "(a village not known here)"
        )
    kind = _column_type(table, column)
    if isinstance(kind, sa.Boolean):
        return _yes_no(value)
    if isinstance(kind, sa.Integer):
        return _number_text(column, value)
    if isinstance(kind, sa.DateTime):
        return moment_text(value) if isinstance(value, str) else cannot_show()
    if isinstance(kind, sa.Date):
        return date_text(value) if isinstance(value, str) else cannot_show()
    if isinstance(kind, sa.LargeBinary):
        return QCoreApplication.translate("SyncValues", "(a signature picture)")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return clean_text(QCoreApplication.translate("SyncValues", ", ").join(value))
    if isinstance(kind, sa.JSON) or not isinstance(value, str):
        return QCoreApplication.translate("SyncValues", "(details: open the household to see them)")
    return clean_text(value)


def _yes_no(value: Any) -> str:
    if value is True:
        return QCoreApplication.translate("SyncValues", "Yes")
    if value is False:
        return QCoreApplication.translate("SyncValues", "No")
    return cannot_show()


def _number_text(column: str, value: Any) -> str:
    if not isinstance(value, int) or isinstance(value, bool):
        return cannot_show()
    if column.endswith("_fen"):
        return yuan(value)
    if column == "disability_grade":
        return QCoreApplication.translate("SyncValues", "Grade {n}").format(n=value)
    if column == "self_care_impossible":
        return QCoreApplication.translate("SyncValues", "{n} activities").format(n=value)
    if column == "position":
        return QCoreApplication.translate("SyncValues", "No. {n}").format(n=value + 1)
    return str(value)


def conflict_values(
    conflict: OpenConflict, regions: dict[str, str], people: dict[str, str] | None = None
) -> tuple[str, str]:
    """(the county's value, the other value) of a conflict, as a person reads them."""
    if conflict.field == ROW_DELETED:
        # The county kept the row someone changed; the other laptop had deleted it.
        return QCoreApplication.translate(
            "SyncValues", "Keep this record"
        ), QCoreApplication.translate("SyncValues", "Delete this record")
    return (
        value_text(conflict.table, conflict.field, conflict.kept_value, regions, people),
        value_text(conflict.table, conflict.field, conflict.other_value, regions, people),
    )
