import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from caseworker.demo.generator import generate_households
from caseworker.domain import codes
from caseworker.domain.validation import ValidationFailed
from caseworker.interchange.files import load_json, parse_households, read_household_file
from caseworker.interchange.household_format import household_to_dict, parse_household
from caseworker.interchange.schema import household_schema

Make = Callable[..., dict[str, Any]]


def test_parse_then_dump_is_exact_and_fills_in_ids(household_data: Make) -> None:
    first = household_to_dict(parse_household(household_data()))
    assert first["members"][1]["incomes"][0]["monthly_yuan"] == "160.50"
    assert first["id"] and all(m["id"] for m in first["members"])
    assert household_to_dict(parse_household(json.loads(json.dumps(first)))) == first


def test_unknown_is_kept_apart_from_none(household_data: Make) -> None:
    data = household_data()
    data["members"][0]["incomes"] = None  # not recorded
    data["members"][1]["incomes"] = []  # recorded: no income
    del data["assets"]
    h = parse_household(data)
    assert h.members[0].incomes is None
    assert h.members[1].incomes == []
    assert h.assets is None and h.expenses == [] and h.legal_supporters is None
    out = household_to_dict(h)
    assert out["members"][0]["incomes"] is None and out["members"][1]["incomes"] == []
    assert out["assets"] is None


def test_exports_and_demo_households_conform_to_the_shipped_schema() -> None:
    validator = jsonschema.Draft202012Validator(household_schema())
    for h in generate_households(60, seed=3, as_of=date(2026, 11, 1)):
        validator.validate(household_to_dict(h))


def test_the_schema_lists_exactly_the_codes_the_app_knows() -> None:
    defs = household_schema()["$defs"]
    top = household_schema()["properties"]

    def enum(schema: dict[str, Any]) -> set[Any]:
        return {v for v in schema["enum"] if v is not None}

    assert enum(defs["member"]["properties"]["relation"]) == {m.value for m in codes.Relation}
    assert enum(defs["income"]["properties"]["kind"]) == {m.value for m in codes.IncomeKind}
    assert enum(defs["asset"]["properties"]["kind"]) == {m.value for m in codes.AssetKind}
    assert enum(defs["benefit"]["properties"]["program"]) == {m.value for m in codes.Program}
    assert enum(defs["stage_entry"]["properties"]["stage"]) == {m.value for m in codes.Stage}
    assert enum(top["hukou"]) == {m.value for m in codes.Hukou}


def test_json_numbers_are_read_exactly_never_as_floats(household_data: Make) -> None:
    text = json.dumps(household_data()).replace('"600.00"', "600.10")
    h = parse_households(load_json(text)).households[0]
    assert h.members[0].incomes is not None and h.members[0].incomes[0].monthly_fen == 60010


def test_errors_in_a_file_name_the_file_and_household(tmp_path: Path, household_data: Make) -> None:
    bad = household_data()
    bad["members"][0]["employment"] = "astronaut"
    path = tmp_path / "village.json"
    path.write_text(json.dumps([household_data(), bad], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        read_household_file(path)
    [error] = caught.value.errors
    assert error.message_zh.startswith("village.json 第2户（户主张学林）：")
    assert error.message_en.startswith("village.json household 2 (head 张学林): ")


def test_a_file_that_is_not_json_is_reported_as_such(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(ValidationFailed) as caught:
        read_household_file(path)
    assert caught.value.errors[0].code == "json"


def test_a_household_whose_members_are_not_a_list_is_refused_by_name() -> None:
    from tests.conftest import BASE_HOUSEHOLD

    bad = dict(BASE_HOUSEHOLD, members=True)
    with pytest.raises(ValidationFailed) as caught:
        parse_households([dict(BASE_HOUSEHOLD), bad], source="f.json")
    assert any(e.field == "members" for e in caught.value.errors)


def test_an_export_says_when_each_open_application_is_due_and_reads_back(
    household_data: Make,
) -> None:
    from caseworker.domain.regions import Region
    from caseworker.interchange.files import export_document

    history = [{"stage": "applied", "date": "2020-01-20", "worker": "王建华", "note": ""}]
    decided = [
        *history,
        {"stage": "approved", "date": "2020-02-20", "worker": "县民政局", "note": ""},
    ]
    data = household_data(
        applications=[
            {"program": "dibao", "history": history},
            {"program": "temporary_assistance", "history": decided},
        ]
    )
    household = parse_household(data)
    text = export_document([household], list[Region]())
    [written] = json.loads(text)["households"]
    still_open, approved = written["applications"]
    # 30 working days on the official calendar: the Spring Festival holiday was extended.
    assert still_open["due_on"] == "2020-03-10" and still_open["due_on_estimated"] is False
    assert "due_on" not in approved
    jsonschema.Draft202012Validator(household_schema()).validate(written)
    again = parse_household(written)  # read back: due_on is the export's, not stored
    assert household_to_dict(again) == household_to_dict(household)


@pytest.mark.parametrize("count", [0, 1, 25])
@pytest.mark.parametrize("with_regions", [False, True])
def test_an_export_written_in_pieces_is_the_whole_documents_json(
    count: int, with_regions: bool
) -> None:
    from caseworker.demo.places import demo_regions
    from caseworker.domain.workdays import OFFICIAL
    from caseworker.interchange.files import (
        EXPORT_FORMAT,
        _with_due_dates,
        export_document,
        export_pieces,
    )

    households = generate_households(count, seed=3, as_of=date(2026, 11, 1))
    regions = demo_regions() if with_regions else []
    whole = {
        "format": EXPORT_FORMAT,
        "regions": [
            {"code": r.code, "name": r.name, "level": r.level.value, "parent_code": r.parent_code}
            for r in regions
        ],
        "households": [_with_due_dates(h, OFFICIAL) for h in households],
    }
    expected = json.dumps(whole, ensure_ascii=False, indent=1) + "\n"
    assert "".join(export_pieces(households, regions)) == expected
    assert export_document(households, regions) == expected
