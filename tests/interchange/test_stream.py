"""Reading a household file one household at a time: only the shapes that are safe to
stream; anything else is left to the ordinary reading (which reports the errors)."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from caseworker.demo.places import demo_regions
from caseworker.interchange.files import export_document
from caseworker.interchange.stream import NotStreamable, file_pieces, stream_households


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


def test_a_file_read_in_small_pieces_streams_the_same(tmp_path: Path) -> None:
    document = json.loads(export_document([], demo_regions()))
    document["households"] = [{"n": 12345, "name": "张学林", "ok": True}, {"x": None}] * 3
    text = json.dumps(document, ensure_ascii=False, indent=1)
    path = tmp_path / "households.json"
    path.write_text("\ufeff" + text, encoding="utf-8")  # with a byte-order mark
    whole = stream_households(text)
    for size in (1, 2, 3, 7, 64):  # pieces cut inside numbers, names and multi-byte letters
        regions, items = stream_households(file_pieces(path, size))
        assert regions == whole[0]
        assert list(items) == document["households"]


def test_bad_json_in_a_file_read_in_pieces_stops_the_stream(tmp_path: Path) -> None:
    path = tmp_path / "households.json"
    path.write_text('[{"x": 1}, {"y": 2}, {"z" 3}]', encoding="utf-8")
    _regions, items = stream_households(file_pieces(path, 4))
    with pytest.raises(NotStreamable):
        list(items)
