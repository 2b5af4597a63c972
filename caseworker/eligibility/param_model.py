"""What a policy parameter is: the unit its value is in, the kind of value it takes (with
the parser that reads it and the codes or bounds an editor offers), and its description
(``ParamSpec``), with the helpers the tables of parameters are written with."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from caseworker.domain.codes import DisabilityType, LabelledCode, Program
from caseworker.eligibility import kinds
from caseworker.eligibility.kinds import Parser


class Unit(LabelledCode):
    """The unit a parameter's value is in. ``NONE`` says so explicitly: the value is words
    (a yes or no, a list, a rule) and carries no unit of its own."""

    NONE = "none", "", ""
    YUAN = "yuan", "元", "yuan"
    YUAN_PER_PERSON = "yuan_per_person", "元/人", "yuan per person"
    YUAN_PER_PERSON_MONTH = "yuan_per_person_month", "元/人·月", "yuan per person per month"
    TIMES = "times", "倍", "times"
    TIMES_STANDARD = "times_standard", "倍低保标准", "times the Dibao standard"
    PERCENT = "percent", "%", "%"
    YEARS_OF_AGE = "years_of_age", "周岁", "years of age"
    YEARS = "years", "年", "years"
    MONTHS = "months", "个月", "months"
    DAYS = "days", "天", "days"
    VEHICLES = "vehicles", "辆", "vehicle(s)"
    HOUSES = "houses", "套", "house(s)"
    ACTIVITIES = "activities", "项", "activities"
    MEGABYTES = "megabytes", "MB", "MB"
    PIXELS = "pixels", "像素", "pixels"
    OF_100 = "of_100", "（满分100）", "(of 100)"


class Kind(StrEnum):
    """What kind of value a parameter takes: how it is said in words and edited."""

    MONEY = "money"  # an amount of yuan
    NUMBER = "number"  # an exact decimal (a multiple, a percentage)
    WHOLE = "whole"  # a whole number (an age, a count of months)
    YES_NO = "yes_no"
    ONE_OF = "one_of"  # one code of ``options``
    CODES = "codes"  # a set of codes of ``options``
    TEXTS = "texts"  # a list of words (illness keywords)
    REGIONS = "regions"  # region codes or their leading digits
    GRADES = "grades"  # disability type -> up to which grade
    CATEGORIES = "categories"  # Dibao category rules
    AID_AMOUNTS = "aid_amounts"  # temporary assistance by kind of emergency
    DISREGARDS = "disregards"  # income partly or not counted, by kind and member
    DATE_RANGES = "date_ranges"
    MONTH_SERIES = "month_series"  # a figure per month


@dataclass(frozen=True, slots=True)
class ValueType:
    """A kind of value with its parser; the codes it chooses from and its bounds, when the
    kind has them (an editor offers exactly these)."""

    kind: Kind
    parse: Parser
    options: type[LabelledCode] | None = None
    low: Decimal | None = None
    high: Decimal | None = None


def money() -> ValueType:
    """An amount of yuan."""
    return ValueType(Kind.MONEY, kinds.money)


def number(low: int, high: int) -> ValueType:
    """An exact decimal from ``low`` to ``high``."""
    lo, hi = Decimal(low), Decimal(high)
    return ValueType(Kind.NUMBER, kinds.decimal(lo, hi), low=lo, high=hi)


def whole(low: int, high: int) -> ValueType:
    """A whole number from ``low`` to ``high``."""
    return ValueType(Kind.WHOLE, kinds.integer(low, high), low=Decimal(low), high=Decimal(high))


def yes_no() -> ValueType:
    """A yes or no."""
    return ValueType(Kind.YES_NO, kinds.boolean)


def one_of(options: type[LabelledCode]) -> ValueType:
    """One code of ``options``."""
    return ValueType(Kind.ONE_OF, kinds.choice(*(m.value for m in options)), options)


def codes(options: type[LabelledCode]) -> ValueType:
    """A set of codes of ``options``."""
    return ValueType(Kind.CODES, kinds.codes(options), options)


# Disability type -> up to which grade (1 to 4) it counts.
DISABILITY_GRADES = ValueType(
    Kind.GRADES, kinds.code_map(DisabilityType, kinds.integer(1, 4)), DisabilityType
)


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """One parameter: its dotted name (the key in a pack), its kind of value, what it is
    called in Chinese and English, its unit and its program (None: general)."""

    name: str
    value: ValueType
    zh: str
    en: str
    unit: Unit
    program: Program | None

    @property
    def parse(self) -> Parser:
        return self.value.parse

    @property
    def kind(self) -> Kind:
        return self.value.kind


# One parameter as a table writes it: name, kind of value, Chinese, English, unit.
Row = tuple[str, ValueType, str, str, Unit]


def table(groups: Sequence[tuple[Program | None, Sequence[Row]]]) -> dict[str, ParamSpec]:
    """The parameters of each program's rows, by name, in the order given."""
    return {
        name: ParamSpec(name, value, zh, en, unit, program)
        for program, rows in groups
        for name, value, zh, en, unit in rows
    }
