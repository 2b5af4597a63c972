"""Every validator, with good and bad values, through the format every input path uses."""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from caseworker.domain.codes import DisabilityType, Relation, Sex
from caseworker.domain.validation import FieldError, ValidationFailed
from caseworker.interchange.household_format import parse_household

Make = Callable[..., dict[str, Any]]


def errors_of(data: Any) -> list[FieldError]:
    with pytest.raises(ValidationFailed) as caught:
        parse_household(data)
    return caught.value.errors


def only_error(data: Any) -> FieldError:
    errors = errors_of(data)
    assert len(errors) == 1, [e.message_en for e in errors]
    return errors[0]


def test_a_valid_household_parses_with_derived_birth_date_and_sex(household_data: Make) -> None:
    h = parse_household(household_data())
    parent = h.members[1]
    assert parent.relation is Relation.PARENT
    assert parent.sex is Sex.FEMALE
    assert parent.birth_date.isoformat() == "1949-12-31"
    assert parent.disability is not None and parent.disability.type is DisabilityType.PHYSICAL
    assert parent.incomes is not None and parent.incomes[0].monthly_fen == 16050
    assert h.head is not None and h.head.name == "张学林"


def test_a_bad_id_number_names_member_field_and_value_in_both_languages(
    household_data: Make,
) -> None:
    data = household_data()
    data["members"][1]["id_number"] = "110105194912310021"
    error = only_error(data)
    assert error.field == "members[1].id_number"
    assert error.code == "id_checksum"
    assert "第2名成员（王桂芝）的身份证号“110105194912310021”" in error.message_zh
    assert "校验码" in error.message_zh
    assert "member 2 (王桂芝) › ID number '110105194912310021'" in error.message_en
    assert "check character" in error.message_en


@pytest.mark.parametrize(
    ("number", "code"),
    [("1101051949123100", "id_length"), ("11010519491331002X", "id_date"), (12345, "type")],
)
def test_id_numbers_of_wrong_length_date_or_type(
    household_data: Make, number: object, code: str
) -> None:
    data = household_data()
    data["members"][0]["id_number"] = number
    assert only_error(data).code == code


def test_a_stated_birth_date_or_sex_must_agree_with_the_id_number(household_data: Make) -> None:
    data = household_data()
    data["members"][1]["birth_date"] = "1950-01-01"
    data["members"][1]["sex"] = "male"
    codes = {(e.field, e.code) for e in errors_of(data)}
    assert codes == {("members[1].birth_date", "id_mismatch"), ("members[1].sex", "id_mismatch")}
    data["members"][1]["birth_date"] = "1949-12-31"
    data["members"][1]["sex"] = "female"
    parse_household(data)


def test_a_member_without_a_relation_is_refused(household_data: Make) -> None:
    data = household_data()
    del data["members"][1]["relation"]
    error = only_error(data)
    assert (error.field, error.code) == ("members[1].relation", "required")
    assert "与户主关系" in error.message_zh and "必须填写" in error.message_zh


def test_an_unknown_code_lists_the_known_ones(household_data: Make) -> None:
    data = household_data(hukou="city")
    error = only_error(data)
    assert (error.field, error.code, error.value) == ("hukou", "unknown_code", "city")
    assert "rural" in error.message_en and "urban" in error.message_en


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        ("-5.00", "negative"),
        ("600000.00", "absurd"),
        ("12.345", "money_format"),
        ("twelve", "money_format"),
        (Decimal("12.5"), None),
        ("0.00", None),
        ("500000.00", None),
    ],
)
def test_money_must_be_exact_non_negative_and_plausible(
    household_data: Make, amount: object, code: str | None
) -> None:
    data = household_data()
    data["members"][0]["incomes"][0]["monthly_yuan"] = amount
    if code is None:
        parse_household(data)
    else:
        error = only_error(data)
        assert (error.field, error.code) == ("members[0].incomes[0].monthly_yuan", code)


def test_a_float_amount_is_refused_because_it_cannot_be_exact(household_data: Make) -> None:
    data = household_data()
    data["assets"][0]["value_yuan"] = 2000.1
    assert only_error(data).code == "money_format"


def test_the_household_needs_exactly_one_head(household_data: Make) -> None:
    data = household_data()
    data["members"][1]["relation"] = "head"
    assert only_error(data).code == "two_heads"
    data["members"][0]["relation"] = "spouse"
    data["members"][1]["relation"] = "child"
    assert only_error(data).code == "no_head"
    assert only_error(household_data(members=[])).code == "no_members"


def test_the_same_id_number_twice_in_a_household(household_data: Make) -> None:
    data = household_data()
    data["members"][0]["id_number"] = data["members"][1]["id_number"]
    error = only_error(data)
    assert (error.field, error.code) == ("members[1].id_number", "duplicate_in_household")


def test_unknown_fields_are_refused_so_typos_do_not_vanish(household_data: Make) -> None:
    data = household_data()
    data["members"][0]["incomes"][0]["monthy_yuan"] = "1.00"
    codes = {(e.field, e.code) for e in errors_of(data)}
    assert ("members[0].incomes[0].monthy_yuan", "unknown_field") in codes


@pytest.mark.parametrize(
    ("disability", "code"),
    [
        ({"type": "physical", "grade": 5}, "range"),
        ({"type": "physical"}, "required"),
        ({"type": "none", "grade": 2}, "grade_without_type"),
        ({"type": "telepathic", "grade": 1}, "unknown_code"),
        ({"type": "intellectual", "grade": 3}, None),
        (None, None),
    ],
)
def test_disability_type_and_grade(household_data: Make, disability: Any, code: str | None) -> None:
    data = household_data()
    data["members"][1]["disability"] = disability
    if code is None:
        parse_household(data)
    else:
        assert only_error(data).code == code


@pytest.mark.parametrize(
    ("value", "ok"), [(0, True), (6, True), (7, False), (-1, False), ("3", False)]
)
def test_self_care_counts_the_six_daily_activities(
    household_data: Make, value: object, ok: bool
) -> None:
    data = household_data()
    data["members"][1]["self_care_impossible"] = value
    if ok:
        assert parse_household(data).members[1].self_care_impossible == value
    else:
        assert only_error(data).field == "members[1].self_care_impossible"


def test_poverty_exit_date_goes_with_exited_status(household_data: Make) -> None:
    assert only_error(household_data(registered_poor={"status": "exited"})).code == "required"
    bad = household_data(registered_poor={"status": "registered", "exited_on": "2020-01-01"})
    assert only_error(bad).code == "exit_without_status"
    ok = parse_household(
        household_data(registered_poor={"status": "exited", "exited_on": "2020-06-30"})
    )
    assert ok.registered_poor is not None and ok.registered_poor.exited_on is not None


def test_visits_and_expenses_cannot_be_dated_in_the_future(household_data: Make) -> None:
    data = household_data(
        expenses=[{"kind": "medical", "amount_yuan": "100.00", "date": "2999-01-01"}],
        visits=[{"date": "2999-01-01", "workers": ["王建华"], "purpose": "review"}],
    )
    assert {e.code for e in errors_of(data)} == {"future"}


def test_names_cannot_hold_digits_but_minority_names_with_a_dot_are_fine(
    household_data: Make,
) -> None:
    data = household_data()
    data["members"][0]["name"] = "张三3"
    assert only_error(data).code == "name_chars"
    data["members"][0]["name"] = "阿依古丽·买买提"
    assert parse_household(data).members[0].name == "阿依古丽·买买提"


def test_a_wrong_village_code_shape_and_a_missing_address(household_data: Make) -> None:
    errors = errors_of(household_data(village_code="6104231002", address="  "))
    assert {(e.field, e.code) for e in errors} == {
        ("village_code", "region_code"),
        ("address", "required"),
    }


def test_every_error_in_a_household_is_reported_at_once(household_data: Make) -> None:
    data = household_data(hukou="x")
    data["members"][0]["id_number"] = "1"
    data["members"][1]["incomes"][0]["monthly_yuan"] = "-1"
    assert len(errors_of(data)) == 3


def test_not_an_object_at_all() -> None:
    assert only_error(["not", "a", "household"]).code == "type"
