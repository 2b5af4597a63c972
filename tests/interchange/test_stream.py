"""Reading a household file one household at a time: only the shapes that are safe to
stream; anything else is left to the ordinary reading (which reports the errors)."""

import json
from decimal import Decimal

import pytest

from caseworker.demo.places import demo_regions
from caseworker.interchange.files import export_document
from caseworker.interchange.stream import NotStreamable, stream_households


def test_an_export_document_streams_its_regions_then_households() -> None:
    text = export_document([], demo_regions())
    document = json.loads(text)
    document["households"] = [{"a": 1}, {"b": 2.5}]
    regions, items = stream_households(json.dumps(document, indent=1))
    assert [r.code for r in regions] == [r.code for r in demo_regions()]
    assert list(items) == [{"a": 1}, {"b": Decimal("2.5")}]  # exact numbers, as always


def test_a_plain_list_streams() -> None:
    regions, items = stream_households(' [ {"x": 1} , {"y": 2} ] \n')
    assert regions == [] and list(items) == [{"x": 1}, {"y": 2}]
    assert list(stream_households("[]")[1]) == []


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "caseworker.household/1", "members": []}',  # one household
        '{"households": [], "format": "caseworker.households/1", "regions": []}',
        '{"format": "other/1", "regions": [], "households": []}',
        '{"format": "caseworker.households/1", "regions": [{"code": 1}], "households": []}',
        "nonsense",
    ],
)
def test_other_shapes_are_left_to_the_ordinary_reading(text: str) -> None:
    with pytest.raises(NotStreamable):
        list(stream_households(text)[1])


@pytest.mark.parametrize("text", ['[{"x": 1}, {"y": 2}', '[{"x": 1}] []', '[{"x": 1} {"y": 2}]'])
def test_bad_json_found_while_streaming_stops_the_stream(text: str) -> None:
    _regions, items = stream_households(text)
    with pytest.raises(NotStreamable):
        list(items)
