"""The visit form's steps and their fields: one entry per field gives where its value is
kept in the visit (and its draft), its label, its editor, whether it is required, its hint
and what to say when it is left empty. A new field of the visit is one entry here (and its
place in the visit's format and store)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from caseworker.domain.codes import (
    MEASURE_WORDS,
    HardshipCause,
    HousingCondition,
    HousingStructure,
    LabelledCode,
    LivestockKind,
    VehicleKind,
    VisitPurpose,
)
from caseworker.ui.i18n import is_chinese
from caseworker.ui.visit.editors import Code, Count, Day, EditorKind, Line, Text, Ticks

Words = Callable[[], str]  # a text in the current language, asked for at each switch

MAX_AREA_M2 = 2000
MAX_COUNT = 9999
BASICS, HOUSING, LIVESTOCK, VEHICLES, INCOMES, EXPENSES, CAUSES, CONCLUSION = range(8)


def words(source: object) -> Words:
    """A text of the form (marked with QT_TRANSLATE_NOOP in the "VisitForm" context)."""
    return lambda: QCoreApplication.translate("VisitForm", str(source))


def count_words(kind: LabelledCode) -> Words:
    """The label of a count of ``kind``: "牛（头）" with its measure word, or "Cattle"."""

    def text() -> str:
        measure = MEASURE_WORDS.get(kind, "")
        if is_chinese():
            return f"{kind.zh}（{measure}）" if measure else kind.zh
        return kind.en[:1].upper() + kind.en[1:]

    return text


@dataclass(frozen=True)
class VisitField:
    """One field of the visit.

    ``key`` is where its value is kept in the visit's draft, as the store names it in an
    error ("observations.housing.area_m2", "workers[1]"). The store's errors about
    ``errors`` (the key when None) are shown at this field; ``takes_errors=False`` leaves
    them to another field. ``missing``: what to say when it is left empty (checked before
    saving). ``omit_if_empty``: a 0 or an empty value is left out of the draft.
    """

    key: str
    label: Words
    kind: EditorKind[Any]
    required: bool = False
    hint: Words | None = None
    missing: Words | None = None
    errors: str | None = None
    takes_errors: bool = True
    omit_if_empty: bool = False

    @property
    def error_key(self) -> str | None:
        if not self.takes_errors:
            return None
        return self.key if self.errors is None else self.errors


@dataclass(frozen=True)
class Step:
    """One step of the form: its name in the list of steps and its fields, in rows with
    their labels (``framed``), or one field that is the whole page (tick boxes under their
    title). The step of income lines has its own page (``caseworker.ui.visit.incomes``)."""

    name: object  # marked with QT_TRANSLATE_NOOP
    fields: tuple[VisitField, ...] = ()
    framed: bool = True
    income_lines: bool = False


# A part of the visit where nothing is recorded is kept as null (the house was not seen).
NULL_WHEN_BLANK = ("observations.housing",)

STEPS: tuple[Step, ...] = (
    Step(
        QT_TRANSLATE_NOOP("VisitForm", "1 Basics"),
        (
            VisitField(
                "date",
                words(QT_TRANSLATE_NOOP("VisitForm", "Date of the visit")),
                Day(),
                required=True,
            ),
            VisitField(
                "purpose",
                words(QT_TRANSLATE_NOOP("VisitForm", "Purpose")),
                Code(VisitPurpose),
                required=True,
            ),
            VisitField(
                "workers[0]",
                words(QT_TRANSLATE_NOOP("VisitForm", "Investigator 1")),
                Line(),
                required=True,
                missing=words(QT_TRANSLATE_NOOP("VisitForm", "Enter the first investigator.")),
                takes_errors=False,
            ),
            VisitField(
                "workers[1]",
                words(QT_TRANSLATE_NOOP("VisitForm", "Investigator 2")),
                Line(QT_TRANSLATE_NOOP("VisitForm", "Name of the second investigator")),
                hint=words(
                    QT_TRANSLATE_NOOP(
                        "VisitForm",
                        "A household visit is made by at least two people; both are "
                        "needed before the visit is signed.",
                    )
                ),
                errors="workers",  # the list as a whole (signed by two)
            ),
        ),
    ),
    Step(
        QT_TRANSLATE_NOOP("VisitForm", "2 Housing"),
        (
            VisitField(
                "observations.housing.structure",
                words(QT_TRANSLATE_NOOP("VisitForm", "How the house is built")),
                Code(HousingStructure, unknown=True),
            ),
            VisitField(
                "observations.housing.area_m2",
                words(QT_TRANSLATE_NOOP("VisitForm", "Floor area (m²)")),
                Count(MAX_AREA_M2, unknown=True, suffix=" m²"),
            ),
            VisitField(
                "observations.housing.condition",
                words(QT_TRANSLATE_NOOP("VisitForm", "Condition")),
                Code(HousingCondition, unknown=True),
            ),
        ),
    ),
    Step(
        QT_TRANSLATE_NOOP("VisitForm", "3 Livestock"),
        tuple(
            VisitField(
                f"observations.livestock.{kind.value}",
                count_words(kind),
                Count(MAX_COUNT),
                omit_if_empty=True,
            )
            for kind in LivestockKind
        ),
    ),
    Step(
        QT_TRANSLATE_NOOP("VisitForm", "4 Vehicles and machinery"),
        (
            *(
                VisitField(
                    f"observations.vehicles.{kind.value}",
                    count_words(kind),
                    Count(MAX_COUNT),
                    omit_if_empty=True,
                )
                for kind in VehicleKind
            ),
            VisitField(
                "observations.property_notes",
                words(QT_TRANSLATE_NOOP("VisitForm", "Other property seen")),
                Line(),
            ),
        ),
    ),
    Step(QT_TRANSLATE_NOOP("VisitForm", "5 Income by member"), income_lines=True),
    Step(
        QT_TRANSLATE_NOOP("VisitForm", "6 Expenses"),
        (
            VisitField(
                "observations.expense_notes",
                words(
                    QT_TRANSLATE_NOOP(
                        "VisitForm", "Large expenses this year (medical, school, disaster)"
                    )
                ),
                Text(),
            ),
        ),
    ),
    Step(
        QT_TRANSLATE_NOOP("VisitForm", "7 Causes of hardship"),
        (
            VisitField(
                "observations.hardship_causes",
                words(
                    QT_TRANSLATE_NOOP(
                        "VisitForm", "Why the household is in hardship (tick all that apply)"
                    )
                ),
                Ticks(HardshipCause),
            ),
        ),
        framed=False,
    ),
    Step(
        QT_TRANSLATE_NOOP("VisitForm", "8 Conclusion"),
        (
            VisitField(
                "conclusion",
                words(QT_TRANSLATE_NOOP("VisitForm", "Conclusion of the visit")),
                Text(),
            ),
            VisitField("notes", words(QT_TRANSLATE_NOOP("VisitForm", "Notes")), Text()),
        ),
    ),
)


def step_names() -> tuple[str, ...]:
    """The steps' names in the current language."""
    return tuple(QCoreApplication.translate("VisitForm", str(step.name)) for step in STEPS)


def fields_by_step() -> list[tuple[int, VisitField]]:
    """Every field with the index of its step, in the order of the form."""
    return [(index, f) for index, step in enumerate(STEPS) for f in step.fields]
