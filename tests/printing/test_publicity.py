"""The publicity list shows name, household size, program, amount and dates, and never
what the rules keep private, whatever the households hold."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from caseworker.demo.places import ZHONGJIE_VILLAGE
from caseworker.domain.codes import Program, Stage, VisitPurpose
from caseworker.domain.money import format_yuan
from caseworker.domain.records import Application, Household, StageEntry, Visit
from caseworker.eligibility.findings import Status
from caseworker.printing.errors import PrintError
from caseworker.printing.publicity import (
    publicity_entries,
    publicity_source,
    render_publicity,
    village_publicity,
)
from caseworker.store.db import Store
from caseworker.store.decisions import household_sha256, save_decision
from caseworker.store.households import save_households
from tests.printing.helpers import ON, POLICY, REGIONS, as_recorded, page_texts, screening

PRIVATE_NOTE = "入户调查备注：与邻居有纠纷"


def applied(h: Household, stage: Stage) -> Household:
    entries = [
        StageEntry(f"{h.id}-s{i}", s, ON - timedelta(days=9 - i))
        for i, s in enumerate([Stage.APPLIED, Stage.INVESTIGATION, stage])
    ]
    h.applications = [Application(f"{h.id}-a", Program.DIBAO, entries)]
    return h


@pytest.fixture
def village(demo_households: list[Household]) -> list[Household]:
    """Six households of 中街村 with ID numbers, addresses, incomes and illnesses."""
    from copy import deepcopy

    chosen = deepcopy(demo_households[:6])
    for i, h in enumerate(chosen):
        h.village_code = ZHONGJIE_VILLAGE
        h.address = f"五组{40 + i}号院"
        h.members[0].serious_illness = ["尿毒症", "白血病", "肺癌", "", "", ""][i]
        for j, m in enumerate(h.members):
            for k, income in enumerate(m.incomes or ()):
                income.monthly_fen = 123_457 + 10_000 * i + 1_000 * j + 100 * k
        h.visits = [
            Visit(
                f"{h.id}-v",
                ON - timedelta(days=3),
                ["王建华", "刘芳"],
                VisitPurpose.APPLICATION,
                notes=PRIVATE_NOTE,
                conclusion="属实",
            )
        ]
    applied(chosen[2], Stage.PUBLICITY)  # 朱国兵, lung cancer: proposed
    applied(chosen[4], Stage.APPLIED)  # not yet reviewed: not published
    return chosen


def test_no_id_number_address_income_or_illness_is_published(
    store: Store, village: list[Household]
) -> None:
    save_households(store, village)
    proposed = village[2]
    with store.begin() as conn:
        s = screening(proposed, monthly_fen=45_000)
        save_decision(conn, s, household_sha256=household_sha256(proposed), device_id="d")
    with store.read() as conn:
        source = village_publicity(conn, ZHONGJIE_VILLAGE, as_recorded, printed_on=ON)
    text = "".join(page_texts(render_publicity(source)))
    for h in village:
        for m in h.members:
            assert m.id_number not in text
            assert m.id_number[-6:] not in text
            if m.serious_illness:
                assert m.serious_illness not in text
            for income in m.incomes or ():
                assert format_yuan(income.monthly_fen) not in text
        assert h.address not in text
    assert PRIVATE_NOTE not in text and "属实" not in text
    # What is published: the proposed household and the current Dibao households.
    assert "朱国兵3最低生活保障450.00" in text
    assert "张学林5最低生活保障900.00" in text
    assert village[4].members[0].name not in text  # applied but not reviewed yet
    assert "公示期为7天，自2026年11月1日至2026年11月7日" in text
    assert f"计算依据：本县社会救助政策（{POLICY.version}版）" in text  # behind the proposed amount


def test_the_publicity_period_is_counted_from_its_first_day() -> None:
    source = publicity_source(
        ZHONGJIE_VILLAGE,
        ([], [], []),
        regions=REGIONS,
        printed_on=ON,
        publicity_from=date(2026, 12, 28),
        days=10,
    )
    text = page_texts(render_publicity(source))[0]
    assert "公示期为10天，自2026年12月28日至2027年1月6日" in text
    assert "本期无拟新纳入对象" in text
    assert "计算依据：未经筛查（无计算结果）" in text
    with pytest.raises(PrintError, match="at least 1 day"):
        publicity_source(ZHONGJIE_VILLAGE, ([], [], []), regions=REGIONS, printed_on=ON, days=0)


def test_a_single_person_inclusion_is_published_as_one_person(zhang: Household) -> None:
    applied(zhang, Stage.TOWNSHIP_REVIEW)
    zhang.applications[0] = replace(zhang.applications[0], program=Program.DIBAO_SINGLE_PERSON)
    s = screening(
        zhang,
        Program.DIBAO_SINGLE_PERSON,
        Status.LIKELY_ELIGIBLE,
        members=(zhang.members[1].id,),
        monthly_fen=38_000,
    )
    proposed, _current, policies = publicity_entries([(zhang, s)], on=ON)
    assert [(e.name, e.size, e.amount_fen) for e in proposed] == [("张学林", 1, 38_000)]
    assert policies == [POLICY]


def test_a_long_list_runs_over_pages_with_its_header(demo_households: list[Household]) -> None:
    pairs = [(h, None) for h in demo_households] * 6
    entries = publicity_entries(pairs, on=ON)
    assert len(entries[1]) > 30
    source = publicity_source(ZHONGJIE_VILLAGE, entries, regions=REGIONS, printed_on=ON)
    texts = page_texts(render_publicity(source))
    assert len(texts) >= 2
    assert all("户主姓名" in t for t in texts)
    assert all(f"村（社区）代码：{ZHONGJIE_VILLAGE}" in t for t in texts)
