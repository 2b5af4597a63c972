from collections.abc import Callable
from datetime import date
from typing import Any

from caseworker.domain.codes import Program
from caseworker.eligibility.findings import (
    Finding,
    MissingInfo,
    ParameterUse,
    PolicyRef,
    Reason,
    Screening,
    Status,
)
from caseworker.interchange.household_format import parse_household
from caseworker.store.db import Store
from caseworker.store.decisions import household_sha256, latest_screening, save_decision
from caseworker.store.households import save_household


def test_a_stored_screening_reads_back_whole_and_the_latest_wins(
    store: Store, household_data: Callable[..., dict[str, Any]]
) -> None:
    h = parse_household(household_data())
    save_household(store, h)
    standard = ParameterUse("dibao.standard.rural", "383.00", date(2020, 1, 1), "示例")
    finding = Finding(
        program=Program.DIBAO,
        status=Status.LIKELY_ELIGIBLE,
        monthly_fen=12345,
        members=(h.members[0].id,),
        reasons=(
            Reason(
                "dibao.income", True, "人均收入低于标准", "income below", {"a": "1"}, (standard,)
            ),
        ),
        missing=(MissingInfo("assets", "请核实存款", "check deposits"),),
    )
    older = Screening(h.id, date(2020, 1, 1), PolicyRef("p", "1", "0" * 64), ())
    newer = Screening(h.id, date(2020, 3, 1), PolicyRef("p", "2", "1" * 64), (finding,))
    with store.begin() as conn:
        save_decision(conn, newer, household_sha256=household_sha256(h), device_id=store.device_id)
        save_decision(conn, older, household_sha256=household_sha256(h), device_id=store.device_id)
    with store.read() as conn:
        assert latest_screening(conn, h.id) == newer
        assert latest_screening(conn, "no-such-household") is None
