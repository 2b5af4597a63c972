"""Resident identity card numbers (GB 11643-1999): validation and what they tell.

18 characters: 6-digit area code, birth date YYYYMMDD, 3-digit sequence (odd = male),
check character (ISO 7064 MOD 11-2). Old 15-digit numbers have a YYMMDD date in the
1900s and no check character.
"""

from dataclasses import dataclass
from datetime import date

from stdnum.cn import ric

from caseworker.domain.codes import Sex
from caseworker.domain.errors import BilingualValueError

OLDEST_AGE_YEARS = 130
# GB/T 2260 province-level codes (the first two digits of every ID number).
# fmt: off
PROVINCE_CODES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82",
})
# fmt: on


class IdNumberError(BilingualValueError):
    """Why an ID number is not valid: ``code`` is length, format, area, date or checksum."""

    def __init__(self, code: str, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.code = code


@dataclass(frozen=True, slots=True)
class ResidentId:
    """A validated resident ID number and what it encodes."""

    number: str
    birth_date: date
    sex: Sex
    area_code: str


def _date_from(text: str) -> date:
    try:
        return date(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    except ValueError as exc:
        raise IdNumberError(
            "date", f"出生日期“{text}”不是有效日期", f"birth date {text} is not a real date"
        ) from exc


def parse_id_number(value: str, *, today: date | None = None) -> ResidentId:
    """Validate an ID number and derive birth date and sex; raise IdNumberError if bad.

    A lowercase check character ``x`` is accepted and normalised to ``X``.
    """
    number = value.strip().upper()
    if number[:2].isdigit() and number[:2] not in PROVINCE_CODES:
        raise IdNumberError(
            "area",
            f"前两位“{number[:2]}”不是省级行政区代码",
            f"the first two digits {number[:2]} are not a province code",
        )
    if len(number) not in (15, 18):
        raise IdNumberError(
            "length",
            f"应为18位（旧证15位），实际为{len(number)}位",
            f"must have 18 characters (15 for old cards), has {len(number)}",
        )
    if len(number) == 15:
        if not number.isdigit():
            raise IdNumberError("format", "15位号码只能是数字", "a 15-digit number has only digits")
        birth = _date_from("19" + number[6:12])
        sequence = int(number[12:15])
    else:
        if not (number[:17].isdigit() and (number[17].isdigit() or number[17] == "X")):
            raise IdNumberError(
                "format",
                "前17位应为数字，最后一位为数字或X",
                "the first 17 characters must be digits, the last a digit or X",
            )
        birth = _date_from(number[6:14])
        # Only the check character is taken from stdnum: its area-code test wants the county
        # to have existed in the birth year, which rejects real numbers of older people
        # (numbers were issued with the county code in force at issue, not at birth).
        if ric.calc_check_digit(number) != number[17]:
            raise IdNumberError(
                "checksum",
                "校验码不正确（可能有数字输错）",
                "the check character is wrong (a typo?)",
            )
        sequence = int(number[14:17])
    today = today or date.today()
    if birth > today:
        raise IdNumberError(
            "date",
            f"出生日期{birth.isoformat()}在未来",
            f"birth date {birth.isoformat()} is in the future",
        )
    if today.year - birth.year > OLDEST_AGE_YEARS:
        raise IdNumberError(
            "date",
            f"出生日期{birth.isoformat()}不合理（超过{OLDEST_AGE_YEARS}岁）",
            f"birth date {birth.isoformat()} is implausible (over {OLDEST_AGE_YEARS} years)",
        )
    sex = Sex.MALE if sequence % 2 else Sex.FEMALE
    return ResidentId(number=number, birth_date=birth, sex=sex, area_code=number[:6])


def age_on(birth_date: date, on: date) -> int:
    """Full years of age on a date."""
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number."""
    # stdnum expects a full-length number and ignores its last character.
    return str(ric.calc_check_digit(first17 + "0"))
