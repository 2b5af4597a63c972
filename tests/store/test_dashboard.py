from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.codes import FINAL_STAGES, Program
from caseworker.domain.idnumber import check_character
from caseworker.domain.procedure import ReviewRules, deadline, review_due
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.reviews import review_rules_by_county
from caseworker.interchange.household_format import parse_household
from caseworker.store.dashboard import REVIEW_SOON_DAYS, dashboard_stats
from caseworker.store.db import Store
from caseworker.store.households import save_household, save_households
from tests.conftest import VILLAGE

DAY = date(2026, 11, 1)  # a Sunday
RULES = review_rules_by_county(PolicyLibrary(), DAY)
Make = Callable[..., dict[str, Any]]


def test_the_home_figures_agree_with_the_households_themselves(store: Store) -> None:
    households = generate_households(300, seed=21, as_of=DAY)
    save_households(store, households, regions=demo_regions())
    with store.read() as conn:
        stats = dashboard_stats(conn, scope=None, today=DAY, review_rules=RULES)
    assert stats.households == 300
    on_dibao = [h for h in households if any(b.program is Program.DIBAO for b in h.benefits)]
    assert stats.beneficiary_households[Program.DIBAO] == len(on_dibao)
    assert stats.beneficiary_people[Program.DIBAO] == sum(len(h.members) for h in on_dibao)
    open_apps = [a for h in households for a in h.applications if a.stage not in FINAL_STAGES]
    assert sum(stats.applications_by_stage.values()) == len(open_apps)
    overdue = [a for a in open_apps if (d := deadline(a, DAY)) and d.overdue]
    assert len(stats.overdue) == len(overdue)
    overdue_reviews = {
        h.id
        for h in households
        if (due := review_due(h, DAY, RULES(h.village_code[:6]))) is not None and due < DAY
    }
    soon = DAY + timedelta(days=REVIEW_SOON_DAYS)
    listed_reviews = {
        h.id
        for h in households
        if (due := review_due(h, DAY, RULES(h.village_code[:6]))) is not None and due <= soon
    }
    assert {r.household_id for r in stats.reviews_overdue} == overdue_reviews
    assert {r.household_id for r in stats.reviews} == listed_reviews
    assert overdue_reviews  # the demo has households overdue for review


def test_figures_are_limited_to_the_workers_area(store: Store) -> None:
    save_households(store, generate_households(200, seed=22, as_of=DAY), regions=demo_regions())
    with store.read() as conn:
        county = dashboard_stats(conn, scope="610423", today=DAY, review_rules=RULES)
        village = dashboard_stats(conn, scope="610423100201", today=DAY, review_rules=RULES)
        elsewhere = dashboard_stats(conn, scope="420102", today=DAY, review_rules=RULES)
    assert county.households == 200
    assert 0 < village.households < 200
    assert elsewhere.households == 0 and not elsewhere.beneficiary_households


def elderly_household(make: Make, number: str, name: str, **changes: Any) -> dict[str, Any]:
    """A household of one elderly person on a pension: reviewed yearly."""
    head = {
        "name": name,
        "id_number": number + check_character(number),
        "relation": "head",
        "labor_capacity": "none",
        "disability": {"type": "none", "grade": None},
        "serious_illness": "",
        "incomes": [{"kind": "basic_pension_rural", "monthly_yuan": "160.00"}],
    }
    return make(members=[head], **changes)


def dibao_since(day: str) -> list[dict[str, Any]]:
    return [
        {"program": "dibao", "since": day, "category": "B", "monthly_yuan": "500.00"},
    ]


def test_reviews_overdue_for_years_come_first_flagged_then_those_due_within_a_month(
    store: Store, household_data: Make
) -> None:
    cases = [
        ("61042319400101001", "甲老汉", "2026-06-01"),  # due 2027-06-01: not yet listed
        ("61042319400101002", "乙老汉", "2025-11-20"),  # due 2026-11-20: within a month
        ("61042319400101003", "丙老汉", "2023-11-15"),  # due 2024-11-15: overdue
        ("61042319400101004", "丁老汉", "2011-03-01"),  # due 2012-03-01: overdue for years
    ]
    for number, name, since in cases:
        data = elderly_household(household_data, number, name, benefits=dibao_since(since))
        save_household(store, parse_household(data))
    with store.read() as conn:
        stats = dashboard_stats(conn, scope=None, today=DAY, review_rules=RULES)
    listed = [(r.head_name, r.due, r.overdue) for r in stats.reviews]
    assert listed == [
        ("丁老汉", date(2012, 3, 1), True),
        ("丙老汉", date(2024, 11, 15), True),
        ("乙老汉", date(2026, 11, 20), False),
    ]
    assert [r.head_name for r in stats.reviews_overdue] == ["丁老汉", "丙老汉"]


def application(applied: str) -> list[dict[str, Any]]:
    return [
        {
            "program": "dibao",
            "history": [{"stage": "applied", "date": applied, "worker": "王建华", "note": ""}],
        }
    ]


def test_applications_past_their_time_limit_come_first_then_those_close_to_it(
    store: Store, household_data: Make
) -> None:
    cases = [
        ("61042319400101001", "新申请", "2026-10-26"),  # 4 working days in: not listed
        # Counted on the official calendar: National Day 1-7 October (make-up workdays
        # 20 September and 10 October).
        ("61042319400101002", "快到期", "2026-09-17"),  # 27 working days in: 3 left
        ("61042319400101003", "超期久", "2026-07-01"),  # 83 working days: past 45
        ("61042319400101004", "刚超期", "2026-09-08"),  # 34 working days in: 4 over
    ]
    for number, name, applied in cases:
        data = elderly_household(household_data, number, name, applications=application(applied))
        save_household(store, parse_household(data))
    with store.read() as conn:
        stats = dashboard_stats(conn, scope=None, today=DAY, review_rules=RULES)
    listed = [
        (a.head_name, a.overdue, a.working_days_over, a.working_days_left, a.deadline.past_latest)
        for a in stats.deadlines
    ]
    assert listed == [
        ("超期久", True, 53, 0, True),
        ("刚超期", True, 4, 0, False),
        ("快到期", False, 0, 3, False),
    ]
    assert [a.head_name for a in stats.overdue] == ["超期久", "刚超期"]
    assert sum(stats.applications_by_stage.values()) == 4


OTHER_VILLAGE = "610423100202"  # 东街村, beside 中街村


def test_unsynced_changes_and_the_last_sync_are_counted_for_the_workers_area_only(
    store: Store, household_data: Make
) -> None:
    from caseworker.store import audit

    mine = elderly_household(household_data, "61042319400101001", "本村户")
    save_household(store, parse_household(mine))
    for n, name in enumerate(("邻村户甲", "邻村户乙", "邻村户丙", "邻村户丁"), start=2):
        number = f"6104231940010100{n}"
        other = elderly_household(household_data, number, name, village_code=OTHER_VILLAGE)
        save_household(store, parse_household(other))
    with store.begin() as conn:
        conn.execute(
            text(
                "UPDATE outbox SET state = 'quarantined' WHERE household_id IN "
                "(SELECT household_id FROM household_index WHERE head_name = '邻村户丙')"
            )
        )
    with store.read() as conn:
        village = dashboard_stats(conn, scope=VILLAGE, today=DAY, review_rules=RULES)
        neighbours = dashboard_stats(conn, scope=OTHER_VILLAGE, today=DAY, review_rules=RULES)
        everyone = dashboard_stats(conn, scope=None, today=DAY, review_rules=RULES)
    assert (village.households, village.unsynced, village.refused) == (1, 1, 0)
    assert (neighbours.households, neighbours.unsynced, neighbours.refused) == (4, 4, 1)
    assert (everyone.unsynced, everyone.refused) == (5, 1)
    assert village.last_sync is None  # never synced

    with store.begin() as conn:
        audit.record(conn, device_id=store.device_id, actor="王建华", action=audit.Action.SYNC)
        conn.execute(text("UPDATE outbox SET state = 'accepted' WHERE state = 'pending'"))
    store.set_setting("sync.scope", OTHER_VILLAGE)  # the county enrolled the laptop there
    with store.read() as conn:
        village = dashboard_stats(conn, scope=VILLAGE, today=DAY, review_rules=RULES)
        neighbours = dashboard_stats(conn, scope=OTHER_VILLAGE, today=DAY, review_rules=RULES)
        township = dashboard_stats(conn, scope="610423100", today=DAY, review_rules=RULES)
    assert village.unsynced == 0 and neighbours.unsynced == 1  # the refused one stays
    assert village.last_sync is None  # this laptop's syncs never carry 中街村
    assert neighbours.last_sync is not None and township.last_sync is not None


# The demo county's own pack, redefined: reviews every two years where income is steady.
SLOWER_REVIEWS = """
format: caseworker.policy/1
id: cn-610423-jingyang
version: "9999.1"
name: {zh: 测试县, en: Test county}
extends: cn-national
counties: ["610423"]
parameters:
  dibao.standard.rural:
    - {from: 2014-01-01, value: "400.00", ref: 测试}
  dibao.standard.urban:
    - {from: 2014-01-01, value: "600.00", ref: 测试}
  reviews.dibao_stable_months:
    - {from: 2014-01-01, value: 24, ref: 测试}
"""


def test_review_cycles_are_the_countys_policy(store: Store, household_data: Make) -> None:
    data = elderly_household(
        household_data, "61042319400101003", "丙老汉", benefits=dibao_since("2025-06-15")
    )
    save_household(store, parse_household(data))
    slower = PolicyLibrary([("county", SLOWER_REVIEWS)])  # a newer version of its pack
    with store.read() as conn:
        national = dashboard_stats(conn, scope=None, today=DAY, review_rules=RULES)
        county = dashboard_stats(
            conn, scope=None, today=DAY, review_rules=review_rules_by_county(slower, DAY)
        )
    assert [(r.head_name, r.due, r.overdue) for r in national.reviews] == [
        ("丙老汉", date(2026, 6, 15), True)
    ]
    assert county.reviews == []  # due 2027-06-15 under the county's two-year cycle


def test_special_hardship_alone_is_reviewed_on_its_own_cycle() -> None:
    rules = ReviewRules(stable_months=12, changeable_months=6, hardship_months=3)
    last = date(2026, 1, 31)
    assert rules.due(last, changeable=True, hardship_only=True) == date(2026, 4, 30)
    assert rules.due(last, changeable=True, hardship_only=False) == date(2026, 7, 31)
    assert rules.due(last, changeable=False, hardship_only=False) == date(2027, 1, 31)


def test_hubei_suspended_reviews_from_january_to_june_2020() -> None:
    """A Jiang'an Dibao household able to work, last reviewed in August 2019: due in
    February 2020, inside the suspension, so due on 1 July 2020 instead."""
    jiangan = PolicyLibrary()
    rules = review_rules_by_county(jiangan, date(2020, 3, 1))("420102")
    assert rules.due(date(2019, 8, 1), changeable=True, hardship_only=False) == date(2020, 7, 1)
    assert rules.due(date(2019, 6, 1), changeable=True, hardship_only=False) == date(2019, 12, 1)
    assert rules.due(date(2019, 1, 1), changeable=True, hardship_only=False) == date(2019, 7, 1)
    jingyang = review_rules_by_county(jiangan, date(2020, 3, 1))("610423")
    assert jingyang.due(date(2019, 8, 1), changeable=True, hardship_only=False) == date(2020, 2, 1)
