from datetime import date

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.codes import FINAL_STAGES, Program
from caseworker.domain.procedure import deadline, review_due
from caseworker.store.dashboard import dashboard_stats
from caseworker.store.db import Store
from caseworker.store.households import save_households

DAY = date(2026, 11, 1)


def test_the_home_figures_agree_with_the_households_themselves(store: Store) -> None:
    households = generate_households(300, seed=21, as_of=DAY)
    save_households(store, households, regions=demo_regions())
    with store.read() as conn:
        stats = dashboard_stats(conn, scope=None, today=DAY)
    assert stats.households == 300
    on_dibao = [h for h in households if any(b.program is Program.DIBAO for b in h.benefits)]
    assert stats.beneficiary_households[Program.DIBAO] == len(on_dibao)
    assert stats.beneficiary_people[Program.DIBAO] == sum(len(h.members) for h in on_dibao)
    open_apps = [a for h in households for a in h.applications if a.stage not in FINAL_STAGES]
    assert sum(stats.applications_by_stage.values()) == len(open_apps)
    overdue = [a for a in open_apps if (d := deadline(a, DAY)) and d.overdue]
    assert len(stats.overdue) == len(overdue)
    expected_reviews = {
        h.id for h in households if (due := review_due(h, DAY)) is not None and due <= DAY
    }
    assert {household_id for household_id, _, _ in stats.reviews_due} == expected_reviews
    assert expected_reviews  # the demo has households due for review


def test_figures_are_limited_to_the_workers_area(store: Store) -> None:
    save_households(store, generate_households(200, seed=22, as_of=DAY), regions=demo_regions())
    with store.read() as conn:
        county = dashboard_stats(conn, scope="610423", today=DAY)
        village = dashboard_stats(conn, scope="610423100201", today=DAY)
        elsewhere = dashboard_stats(conn, scope="420102", today=DAY)
    assert county.households == 200
    assert 0 < village.households < 200
    assert elsewhere.households == 0 and not elsewhere.beneficiary_households
