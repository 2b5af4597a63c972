"""Payment details in the household format: the bank account, each benefit's certificate
number and the members it covers; good values kept exactly, bad ones named with their
field and value in both languages, a household without them unchanged."""

from collections.abc import Callable
from typing import Any

import pytest

from caseworker.domain.validation import FieldError, ValidationFailed
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.store.decisions import household_sha256

Make = Callable[..., dict[str, Any]]
ACCOUNT = {
    "bank_code": "402",
    "bank_name": "陕西泾阳农村商业银行",
    "account_name": "张学林",
    "account_number": "6217 0000 1234 5678 901",
}


def with_payment(data: dict[str, Any], **changed: Any) -> dict[str, Any]:
    data["payment"] = {**ACCOUNT, **changed}
    return data


def with_benefit(data: dict[str, Any], **fields: Any) -> dict[str, Any]:
    data["benefits"] = [
        {"program": "dibao", "since": "2024-01-01", "monthly_yuan": "300.00", **fields}
    ]
    return data


def errors_of(data: Any) -> list[FieldError]:
    with pytest.raises(ValidationFailed) as caught:
        parse_household(data)
    return caught.value.errors


def test_an_account_and_certificate_are_kept_exactly(household_data: Make) -> None:
    data = with_benefit(with_payment(household_data()), certificate_number="泾民低字〔2024〕0012号")
    head_id = data["members"][0]["id"] = "0b3c2f4e-8a5d-4c1e-9f00-1234567890ab"
    data["benefits"][0]["covered_members"] = [head_id]
    h = parse_household(data)
    assert h.payment is not None
    assert h.payment.account_number == "6217000012345678901"  # spaces between groups dropped
    assert (h.payment.bank_code, h.payment.account_name) == ("402", "张学林")
    assert h.benefits[0].certificate_number == "泾民低字〔2024〕0012号"
    assert h.benefits[0].covered_members == [head_id]
    assert h.benefits[0].covered_count(len(h.members)) == 1
    again = household_to_dict(h)
    assert again["payment"]["account_number"] == "6217000012345678901"
    assert parse_household(again) == h


def test_a_household_without_them_reads_and_fingerprints_as_before(household_data: Make) -> None:
    h = parse_household(with_benefit(household_data()))
    written = household_to_dict(h)
    assert "payment" not in written
    assert set(written["benefits"][0]) == {
        "id", "program", "since", "category", "monthly_yuan", "exit_until"
    }  # fmt: skip
    assert h.benefits[0].covered_count(len(h.members)) == len(h.members)
    # Recorded, the fingerprint changes (a new decision record is due); not recorded, not.
    paid = parse_household(with_payment(household_to_dict(h)))
    assert household_sha256(paid) != household_sha256(h)


@pytest.mark.parametrize(
    ("changed", "field", "code", "said_zh"),
    [
        ({"account_number": "6217-0000-1234"}, "account_number", "digits_only", "只能由数字组成"),
        ({"account_number": "62170000123"}, "account_number", "account_length", "11位"),
        ({"account_number": "6" * 26}, "account_number", "account_length", "26位"),
        ({"account_number": "6.217000012345679e+18"}, "account_number", "number_in_sheet", "丢失"),
        ({"account_number": 6217000012345678901}, "account_number", "type", "应为文字"),
        ({"account_number": None}, "account_number", "required", "必须填写"),
        ({"bank_code": "40"}, "bank_code", "bank_code_length", "联行号"),
        ({"bank_name": ""}, "bank_name", "required", "必须填写"),
        ({"account_name": "张3"}, "account_name", "name_chars", "数字"),
    ],
)
def test_a_bad_account_is_named_with_its_field_and_value(
    household_data: Make, changed: dict[str, Any], field: str, code: str, said_zh: str
) -> None:
    errors = errors_of(with_payment(household_data(), **changed))
    assert [(e.field, e.code) for e in errors] == [(f"payment.{field}", code)]
    assert said_zh in errors[0].message_zh
    assert "发放账户" in errors[0].message_zh and "payment account" in errors[0].message_en


def test_unknown_keys_in_the_account_are_refused(household_data: Make) -> None:
    errors = errors_of(with_payment(household_data(), pin="1234"))
    assert [e.field for e in errors] == ["payment.pin"]


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"certificate_number": "证号<script>"}, "certificate_number", "certificate_chars"),
        ({"certificate_number": "1" * 41}, "certificate_number", "too_long"),
        ({"covered_members": []}, "covered_members", "members_list"),
        ({"covered_members": "everyone"}, "covered_members", "members_list"),
    ],
)
def test_a_bad_certificate_or_member_list_is_refused(
    household_data: Make, fields: dict[str, Any], field: str, code: str
) -> None:
    errors = errors_of(with_benefit(household_data(), **fields))
    assert [(e.field, e.code) for e in errors] == [(f"benefits[0].{field}", code)]


def test_a_benefit_may_cover_only_members_of_the_household(household_data: Make) -> None:
    stranger = "9d3c2f4e-8a5d-4c1e-9f00-1234567890ab"
    data = with_benefit(household_data(), covered_members=[stranger])
    errors = errors_of(data)
    assert [(e.field, e.code) for e in errors] == [("benefits[0].covered_members", "not_a_member")]
    repeated = with_benefit(household_data())
    member = repeated["members"][0]["id"] = "0b3c2f4e-8a5d-4c1e-9f00-1234567890ab"
    repeated["benefits"][0]["covered_members"] = [member, member]
    assert [e.code for e in errors_of(repeated)] == ["repeated_member"]
