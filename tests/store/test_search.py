from datetime import date

import pytest

from caseworker.demo.generator import generate_households
from caseworker.demo.places import ZHONGJIE_VILLAGE, demo_regions
from caseworker.store.db import Store
from caseworker.store.households import save_household, save_households
from caseworker.store.search import search_households


@pytest.fixture
def county(store: Store) -> Store:
    save_households(
        store, generate_households(200, seed=2, as_of=date(2026, 11, 1)), regions=demo_regions()
    )
    return store


def heads(store: Store, query: str, **kw: str) -> list[str]:
    with store.read() as conn:
        return [h.head_name for h in search_households(conn, query, **kw)]


@pytest.mark.parametrize(
    "query", ["zxl", "ZXL", "zhangxuelin", "zhang xuelin", "张学林", "学林", "xuelin"]
)
def test_zhang_xuelin_is_found_by_name_pinyin_or_initials(county: Store, query: str) -> None:
    assert "张学林" in heads(county, query)


def test_a_member_finds_the_household_under_its_head(county: Store) -> None:
    assert heads(county, "王桂芝") == ["张学林"]  # his mother


def test_fragments_of_an_id_number_find_the_person(county: Store) -> None:
    with county.read() as conn:
        [found] = search_households(conn, "张学林")
    number = found.head_id_number
    for fragment in (number[-6:], number[6:14], number[10:16], number[-4:]):
        assert "张学林" in heads(county, fragment), fragment


def test_two_character_names_and_short_queries_match_the_start_of_a_term(county: Store) -> None:
    from caseworker.interchange.household_format import parse_household
    from tests.conftest import BASE_HOUSEHOLD

    data = dict(BASE_HOUSEHOLD)
    data["members"] = [dict(BASE_HOUSEHOLD["members"][1], name="李四", relation="head")]
    save_household(county, parse_household(data))
    assert heads(county, "李四") == ["李四"]
    assert "李四" in heads(county, "ls")


def test_search_can_be_limited_to_a_village(county: Store) -> None:
    assert heads(county, "zxl", village_code=ZHONGJIE_VILLAGE) == ["张学林"]
    assert heads(county, "zxl", village_code="610423105201") == []


def test_nothing_matches_nonsense_and_empty_queries(county: Store) -> None:
    assert heads(county, "qqqqqq") == []
    assert heads(county, "   ") == []
    assert heads(county, '"') == []


def test_lists_sort_by_the_pinyin_of_the_head_and_page_through(county: Store) -> None:
    from caseworker.domain.pinyin import name_pinyin
    from caseworker.store.search import HouseholdQuery, count_households_matching, find_households

    with county.read() as conn:
        query = HouseholdQuery()
        total = count_households_matching(conn, query)
        rows = find_households(conn, query, limit=120) + find_households(conn, query, offset=120)
    assert total == 200 == len(rows) == len({r.id for r in rows})
    keys = [name_pinyin(r.head_name)[0] for r in rows]
    assert keys == sorted(keys)


def test_filters_by_program_and_application_stage(county: Store) -> None:
    from caseworker.domain.codes import Program
    from caseworker.store.households import iter_households
    from caseworker.store.search import HouseholdQuery, find_households

    with county.read() as conn:
        households = list(iter_households(conn))
        on_dibao = {h.id for h in households if any(b.program is Program.DIBAO for b in h.benefits)}
        stage = next(a.stage for h in households for a in h.applications)
        at_stage = {h.id for h in households if any(a.stage is stage for a in h.applications)}
        assert on_dibao and at_stage and len(at_stage) < len(households)
        found = find_households(conn, HouseholdQuery(program=Program.DIBAO), limit=1000)
        assert {r.id for r in found} == on_dibao
        found = find_households(conn, HouseholdQuery(stage=stage), limit=1000)
        assert {r.id for r in found} == at_stage


def test_a_search_matching_very_many_households_stops_counting_at_the_cap(
    county: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import caseworker.store.search as search
    from caseworker.store.search import HouseholdQuery, count_households_matching, find_households

    monkeypatch.setattr(search, "MATCH_CAP", 50)
    with county.read() as conn:
        everyone = HouseholdQuery(text="610423")  # the county code starts every ID number
        assert count_households_matching(conn, everyone) == 50
        assert len(find_households(conn, everyone, limit=200)) == 50
        assert count_households_matching(conn, HouseholdQuery()) == 200  # no text: exact
        assert count_households_matching(conn, HouseholdQuery(text="zxl")) == 1
