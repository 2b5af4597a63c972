"""A visit's observations in the household format: what the visit form records comes back
exactly, and every bad value is refused naming its field and value, in Chinese and English."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caseworker.domain.codes import (
    HardshipCause,
    HousingCondition,
    HousingStructure,
    IncomeKind,
    LivestockKind,
    VehicleKind,
)
from caseworker.domain.records import Housing, VisitIncome, VisitObservations
from caseworker.domain.validation import FieldError, ValidationFailed
from caseworker.interchange.household_format import household_to_dict, parse_household
from tests.test_cli import caseworker

Make = Callable[..., dict[str, Any]]
HEAD_ID = "8d0f1c0e-5b7a-4c1e-9a8e-2f3b4c5d6e01"
PARENT_ID = "8d0f1c0e-5b7a-4c1e-9a8e-2f3b4c5d6e02"
STRANGER_ID = "8d0f1c0e-5b7a-4c1e-9a8e-2f3b4c5d6e99"

FORM_OBSERVATIONS: dict[str, Any] = {
    "housing": {"structure": "brick_concrete", "area_m2": 85, "condition": "fair"},
    "livestock": {"cattle": 2, "sheep": 10},
    "vehicles": {"tricycle": 1, "tractor": 1},
    "incomes": [
        {"member_id": HEAD_ID, "kind": "wage", "monthly_yuan": "1200.00"},
        {"member_id": PARENT_ID, "kind": "basic_pension_rural", "monthly_yuan": "160.50"},
    ],
    "hardship_causes": ["illness", "disability"],
    "property_notes": "自述存款约2,000元",
    "expense_notes": "王桂芝患肺癌，需长期治疗",
}


def with_visit(household_data: Make, observations: Any = None, **visit: Any) -> dict[str, Any]:
    """A household whose members have known ids, with one visit."""
    data = household_data()
    data["members"][0]["id"] = HEAD_ID
    data["members"][1]["id"] = PARENT_ID
    v: dict[str, Any] = {"date": "2026-10-30", "workers": ["王建华", "李秀英"], "purpose": "review"}
    if observations is not None:
        v["observations"] = observations
    v.update(visit)
    data["visits"] = [v]
    return data


def errors_of(data: dict[str, Any]) -> list[FieldError]:
    with pytest.raises(ValidationFailed) as caught:
        parse_household(data)
    return caught.value.errors


def test_what_the_visit_form_records_is_read_typed_and_written_back_exactly(
    household_data: Make,
) -> None:
    h = parse_household(with_visit(household_data, FORM_OBSERVATIONS))
    assert h.visits[0].observations == VisitObservations(
        housing=Housing(HousingStructure.BRICK_CONCRETE, 85, HousingCondition.FAIR),
        livestock={LivestockKind.CATTLE: 2, LivestockKind.SHEEP: 10},
        vehicles={VehicleKind.TRICYCLE: 1, VehicleKind.TRACTOR: 1},
        incomes=[
            VisitIncome(HEAD_ID, IncomeKind.WAGE, 120_000),
            VisitIncome(PARENT_ID, IncomeKind.BASIC_PENSION_RURAL, 16_050),
        ],
        hardship_causes=[HardshipCause.ILLNESS, HardshipCause.DISABILITY],
        property_notes="自述存款约2,000元",
        expense_notes="王桂芝患肺癌，需长期治疗",
    )
    out = household_to_dict(h)
    assert out["visits"][0]["observations"] == FORM_OBSERVATIONS
    again = household_to_dict(parse_household(json.loads(json.dumps(out))))
    assert again == out


def test_every_key_may_be_left_out_and_the_export_writes_the_whole_object(
    household_data: Make,
) -> None:
    empty = {
        "housing": None,
        "livestock": {},
        "vehicles": {},
        "incomes": None,
        "hardship_causes": [],
        "property_notes": "",
        "expense_notes": "",
    }
    for given in (None, {}, {"housing": None, "incomes": None}):
        data = with_visit(household_data, given)
        out = household_to_dict(parse_household(data))
        assert out["visits"][0]["observations"] == empty
    # Incomes asked and none found is kept apart from incomes not asked.
    h = parse_household(with_visit(household_data, {"incomes": []}))
    assert h.visits[0].observations.incomes == []
    # A part left blank on the form: its key null, or a count of 0.
    h = parse_household(
        with_visit(
            household_data,
            {
                "housing": {"structure": None, "area_m2": 60, "condition": None},
                "livestock": {"pigs": 0},
            },
        )
    )
    assert h.visits[0].observations.housing == Housing(None, 60, None)
    assert h.visits[0].observations.livestock == {}


BAD: list[tuple[Any, str, str, Any]] = [
    # observations, field (under visits[0]), code, value named
    ([], "observations", "type", []),
    ("砖混平房", "observations", "type", "砖混平房"),
    ({"weather": "晴"}, "observations.weather", "unknown_field", None),
    ({"housing": "砖混平房"}, "observations.housing", "type", "砖混平房"),
    ({"housing": {"floors": 2}}, "observations.housing.floors", "unknown_field", None),
    (
        {"housing": {"structure": "palace"}},
        "observations.housing.structure",
        "unknown_code",
        "palace",
    ),
    ({"housing": {"area_m2": 0}}, "observations.housing.area_m2", "range", 0),
    ({"housing": {"area_m2": 2001}}, "observations.housing.area_m2", "range", 2001),
    ({"housing": {"area_m2": 85.5}}, "observations.housing.area_m2", "type", 85.5),
    ({"housing": {"area_m2": "85"}}, "observations.housing.area_m2", "type", "85"),
    ({"housing": {"condition": "bad"}}, "observations.housing.condition", "unknown_code", "bad"),
    ({"livestock": "羊3只"}, "observations.livestock", "type", "羊3只"),
    ({"livestock": {"horses": 2}}, "observations.livestock.horses", "unknown_kind", None),
    ({"livestock": {"cattle": -2}}, "observations.livestock.cattle", "range", -2),
    ({"livestock": {"poultry": 10000}}, "observations.livestock.poultry", "range", 10000),
    ({"livestock": {"sheep": 2.5}}, "observations.livestock.sheep", "type", 2.5),
    ({"livestock": {"sheep": "3"}}, "observations.livestock.sheep", "type", "3"),
    ({"livestock": {"sheep": True}}, "observations.livestock.sheep", "type", True),
    ({"vehicles": {"bicycle": 1}}, "observations.vehicles.bicycle", "unknown_kind", None),
    ({"vehicles": {"car": -1}}, "observations.vehicles.car", "range", -1),
    ({"incomes": "1200"}, "observations.incomes", "type", None),
    ({"incomes": ["1200"]}, "observations.incomes[0]", "type", "1200"),
    (
        {"incomes": [{"member_id": HEAD_ID, "kind": "wage", "monthly_yuan": "1.00", "x": 1}]},
        "observations.incomes[0].x",
        "unknown_field",
        None,
    ),
    (
        {"incomes": [{"kind": "wage", "monthly_yuan": "1200.00"}]},
        "observations.incomes[0].member_id",
        "required",
        None,
    ),
    (
        {"incomes": [{"member_id": "张学林", "kind": "wage", "monthly_yuan": "1200.00"}]},
        "observations.incomes[0].member_id",
        "uuid",
        "张学林",
    ),
    (
        {"incomes": [{"member_id": HEAD_ID, "kind": "salary", "monthly_yuan": "1200.00"}]},
        "observations.incomes[0].kind",
        "unknown_code",
        "salary",
    ),
    (
        {"incomes": [{"member_id": HEAD_ID, "kind": "wage", "monthly_yuan": 1200.5}]},
        "observations.incomes[0].monthly_yuan",
        "money_format",
        1200.5,
    ),
    (
        {"incomes": [{"member_id": HEAD_ID, "kind": "wage", "monthly_yuan": "12OO"}]},
        "observations.incomes[0].monthly_yuan",
        "money_format",
        "12OO",
    ),
    (
        {"incomes": [{"member_id": HEAD_ID, "kind": "wage", "monthly_yuan": "-5.00"}]},
        "observations.incomes[0].monthly_yuan",
        "negative",
        "-5.00",
    ),
    (
        {"incomes": [{"member_id": HEAD_ID, "kind": "wage", "monthly_yuan": "600000.00"}]},
        "observations.incomes[0].monthly_yuan",
        "absurd",
        "600000.00",
    ),
    ({"hardship_causes": "illness"}, "observations.hardship_causes", "type", None),
    (
        {"hardship_causes": ["poverty"]},
        "observations.hardship_causes[0]",
        "unknown_code",
        "poverty",
    ),
    (
        {"hardship_causes": ["illness", "disability", "illness"]},
        "observations.hardship_causes[2]",
        "duplicate",
        "illness",
    ),
    ({"property_notes": 5}, "observations.property_notes", "type", 5),
    ({"expense_notes": "a" * 2001}, "observations.expense_notes", "too_long", "a" * 2001),
    ({"expense_notes": "医疗\x07费"}, "observations.expense_notes", "control_chars", "医疗\x07费"),
]


@pytest.mark.parametrize(
    ("observations", "field", "code", "value"), BAD, ids=[f"{b[1]}:{b[2]}" for b in BAD]
)
def test_a_bad_observation_is_refused_naming_its_field_and_value(
    household_data: Make, observations: Any, field: str, code: str, value: Any
) -> None:
    [error] = errors_of(with_visit(household_data, observations))
    assert (error.field, error.code) == (f"visits[0].{field}", code)
    assert error.value == value
    assert error.message_zh.startswith("第1次入户调查的调查情况")
    assert error.message_en.startswith("visit 1 › observations")


def test_errors_read_in_chinese_with_the_field_and_the_value(household_data: Make) -> None:
    data = with_visit(
        household_data,
        {
            "housing": {"area_m2": 0},
            "livestock": {"cattle": -2, "horses": 1},
            "vehicles": {"tractor": 10000},
            "hardship_causes": ["illness", "illness"],
        },
    )
    messages = {e.field: e.message_zh for e in errors_of(data)}
    assert messages == {
        "visits[0].observations.housing.area_m2": (
            "第1次入户调查的调查情况的住房情况的住房面积（平方米）“0”：应在1到2000之间"
        ),
        "visits[0].observations.livestock.cattle": (
            "第1次入户调查的调查情况的牲畜养殖的牛“-2”：应在0到9999之间"
        ),
        "visits[0].observations.livestock.horses": (
            "第1次入户调查的调查情况的牲畜养殖的horses："
            "不是可用的牲畜种类（可用：cattle, sheep, pigs, poultry, other）"
        ),
        "visits[0].observations.vehicles.tractor": (
            "第1次入户调查的调查情况的车辆农机的拖拉机“10000”：应在0到9999之间"
        ),
        "visits[0].observations.hardship_causes[1]": (
            "第1次入户调查的调查情况的第2项致困原因“illness”：与第1项致困原因重复"
        ),
    }
    english = {e.field: e.message_en for e in errors_of(data)}
    assert english["visits[0].observations.livestock.cattle"] == (
        "visit 1 › observations › livestock › cattle '-2': must be between 0 and 9999"
    )


def test_an_income_must_be_of_a_member_of_this_household(household_data: Make) -> None:
    row = {"member_id": STRANGER_ID, "kind": "wage", "monthly_yuan": "1200.00"}
    [error] = errors_of(with_visit(household_data, {"incomes": [row]}))
    assert (error.field, error.code) == (
        "visits[0].observations.incomes[0].member_id",
        "not_a_member",
    )
    assert "不是本户的家庭成员" in error.message_zh


def test_a_signed_visit_needs_two_investigators(household_data: Make) -> None:
    signed = "2026-10-30T10:00:00+08:00"
    for workers in (["王建华"], ["王建华", "王建华"], []):
        [error] = errors_of(with_visit(household_data, workers=workers, signed_at=signed))
        assert (error.field, error.code) == ("visits[0].workers", "too_few_investigators")
        assert error.message_zh == (
            f"第1次入户调查的调查人员{'“' + '、'.join(workers) + '”' if workers else ''}："
            "已签字的入户调查须由至少2名调查人员进行"
        )
        assert "at least 2 investigators" in error.message_en
    # Not yet signed, one investigator may record it; two sign it.
    parse_household(with_visit(household_data, workers=["王建华"]))
    parse_household(with_visit(household_data, workers=["王建华", "李秀英"], signed_at=signed))


def test_an_import_with_a_bad_visit_writes_nothing_and_says_why(
    tmp_path: Path, household_data: Make
) -> None:
    path = tmp_path / "village.json"
    bad = with_visit(household_data, {"livestock": {"cattle": -2}})
    path.write_text(json.dumps([bad], ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "store.db"
    done = caseworker("--db", db, "import", path)
    assert done.returncode == 2
    assert "第1次入户调查的调查情况的牲畜养殖的牛“-2”：应在0到9999之间" in done.stderr
    assert "visit 1 › observations › livestock › cattle '-2'" in done.stderr
    assert not db.exists()  # nothing written: not even an empty store


def test_a_kind_is_said_by_its_label_only_where_it_is_a_kind(household_data: Make) -> None:
    data = with_visit(household_data, {"livestock": {"other": -1}, "vehicles": {"car": -1}})
    data["members"][0]["other"] = 1  # a misspelt key elsewhere keeps its own spelling
    labels = {e.field: e.label_zh for e in errors_of(data)}
    assert labels == {
        "visits[0].observations.livestock.other": "第1次入户调查的调查情况的牲畜养殖的其他牲畜",
        "visits[0].observations.vehicles.car": "第1次入户调查的调查情况的车辆农机的小汽车",
        "members[0].other": "第1名成员（张学林）的other",
    }
