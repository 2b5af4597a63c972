from datetime import date

import pytest

from caseworker.domain.codes import Sex
from caseworker.domain.idnumber import IdNumberError, age_on, check_character, parse_id_number


def test_the_standard_example_number_is_valid_and_tells_birth_and_sex() -> None:
    rid = parse_id_number("11010519491231002X")
    assert rid.birth_date == date(1949, 12, 31)
    assert rid.sex is Sex.FEMALE  # sequence 002 is even
    assert rid.area_code == "110105"


def test_a_lowercase_check_character_is_accepted_and_normalised() -> None:
    assert parse_id_number(" 11010519491231002x ").number == "11010519491231002X"


def test_odd_sequence_means_male() -> None:
    first17 = "61042319740108065"
    rid = parse_id_number(first17 + check_character(first17))
    assert rid.sex is Sex.MALE


def test_old_fifteen_digit_numbers_have_a_1900s_date() -> None:
    rid = parse_id_number("110105491231002")
    assert rid.birth_date == date(1949, 12, 31)
    assert rid.sex is Sex.FEMALE


def test_numbers_of_people_born_before_their_county_code_existed_are_valid() -> None:
    # 610423 (Jingyang) dates from 1983; people born earlier carry it on their cards.
    first17 = "61042319400101001"
    assert parse_id_number(first17 + check_character(first17)).birth_date == date(1940, 1, 1)


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("110105194912310021", "checksum"),  # one character off
        ("11010519491231002", "length"),
        ("1101051949123100211", "length"),
        ("11010519491331002X", "date"),  # month 13
        ("11010519490230002X", "date"),  # 30 February
        ("1101051949123100AX", "format"),
        ("99010519491231002X", "area"),  # no province 99
        ("11010549123A002", "format"),
    ],
)
def test_bad_numbers_are_refused_with_the_reason(number: str, code: str) -> None:
    with pytest.raises(IdNumberError) as caught:
        parse_id_number(number)
    assert caught.value.code == code
    assert caught.value.zh and caught.value.en


def test_a_birth_date_in_the_future_is_refused() -> None:
    first17 = "11010520991231002"
    with pytest.raises(IdNumberError) as caught:
        parse_id_number(first17 + check_character(first17), today=date(2026, 1, 1))
    assert caught.value.code == "date"


def test_age_counts_full_years() -> None:
    born = date(1960, 3, 1)
    assert age_on(born, date(2020, 2, 29)) == 59
    assert age_on(born, date(2020, 3, 1)) == 60
