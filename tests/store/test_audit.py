import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError

from caseworker.interchange.household_format import parse_household
from caseworker.store import audit
from caseworker.store.db import Store, open_store
from caseworker.store.households import save_household

Make = Callable[..., dict[str, Any]]


def test_every_change_is_recorded_with_old_and_new_values(
    store: Store, household_data: Make
) -> None:
    store.actor = "王建华"
    h = parse_household(household_data())
    save_household(store, h)
    h.address = "四组7号"
    h.members[1].serious_illness = "肺癌（术后）"
    save_household(store, h)
    with store.read() as conn:
        trail = audit.entries(conn, household_id=h.id)
    assert [e.action for e in trail] == ["create", "update"]
    assert trail[0].actor == "王建华" and trail[0].detail["head"] == "张学林"
    changes = {(c["table"], c["op"]): c for c in trail[1].detail["changes"]}
    assert changes[("household", "update")]["fields"]["address"] == ["三组18号", "四组7号"]
    assert changes[("member", "update")]["fields"]["serious_illness"] == ["肺癌", "肺癌（术后）"]
    assert audit.verify_chain(trail).ok


def test_the_app_cannot_change_or_remove_an_entry(store: Store, household_data: Make) -> None:
    save_household(store, parse_household(household_data()))
    with pytest.raises(IntegrityError, match="append-only"), store.begin() as conn:
        conn.exec_driver_sql("UPDATE audit SET actor = 'someone else'")
    with pytest.raises(IntegrityError, match="append-only"), store.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit")


def tamper(store: Store, sql: str) -> None:
    """What someone holding the key could do: drop the guard, then edit."""
    with store.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_no_update")
        conn.exec_driver_sql("DROP TRIGGER audit_no_delete")
        conn.exec_driver_sql(sql)


def test_an_altered_entry_is_found(store: Store, household_data: Make) -> None:
    h = parse_household(household_data())
    save_household(store, h)
    h.address = "改过"
    save_household(store, h)
    tamper(store, "UPDATE audit SET actor = 'nobody' WHERE seq = 1")
    with store.read() as conn:
        check = audit.verify_chain(audit.entries(conn))
    assert (check.ok, check.broken_at) == (False, 1)


def test_a_removed_entry_is_found(store: Store, household_data: Make) -> None:
    h = parse_household(household_data())
    save_household(store, h)
    for address in ("一", "二", "三"):
        h.address = address
        save_household(store, h)
    tamper(store, "DELETE FROM audit WHERE seq = 2")
    with store.read() as conn:
        check = audit.verify_chain(audit.entries(conn))
    assert check.broken_at == 3


def test_the_last_entries_deleted_are_found_though_the_chain_holds(
    store: Store, household_data: Make
) -> None:
    h = parse_household(household_data())
    save_household(store, h)
    for address in ("一", "二", "三"):
        h.address = address
        save_household(store, h)
    tamper(store, "DELETE FROM audit WHERE seq > 2")
    with store.read() as conn:
        assert audit.verify_chain(audit.entries(conn)).ok  # what is left is a whole chain
        check = audit.verify_trail(conn)
    assert (check.ok, check.problem, check.broken_at) == (False, "removed_after", 2)


def test_audit_verify_and_show_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "s.db"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "caseworker", *args, "--db", str(db)],
            capture_output=True,
            text=True,
        )

    assert run("demo", "--households", "10").returncode == 0
    assert run("export", "--village", "610423100201").returncode == 0
    shown = run("audit", "show").stdout
    household_id = next(line.split("\t")[0] for line in run("search", "zxl").stdout.splitlines())
    household_id = household_id.split()[0]
    printed = Path(db).with_name("form.pdf")
    assert (
        run("print", "authorization", "--household", household_id, "--out", str(printed)).returncode
        == 0
    )
    verified = run("audit", "verify")
    assert verified.returncode == 0 and "共12条" in verified.stdout  # 10 created, export, print
    shown = run("audit", "show", "--household", household_id).stdout
    assert "create" in shown and "print" in shown and "authorization" in shown


def test_entries_synced_before_the_upgrade_count_as_acknowledged(tmp_path: Path) -> None:
    """A store synced by an earlier version: the entries it had sent are taken as
    acknowledged when it is upgraded, so a later rewrite of them is found."""
    path = tmp_path / "earlier.db"
    earlier = open_store(path, revision="0009")
    with earlier.begin() as conn:
        for action in (audit.Action.EXPORT, audit.Action.PRINT):
            audit.record(conn, device_id=earlier.device_id, actor="王建华", action=action)
    earlier.set_setting("sync.audit_sent_seq", "1")  # the first had gone to the county
    earlier.close()
    store = open_store(path)
    try:
        with store.read() as conn:
            check = audit.verify_trail(conn)
        assert (check.ok, check.entries, check.acknowledged) == (True, 2, 1)
        tamper(store, "DELETE FROM audit")
        with store.read() as conn:
            check = audit.verify_trail(conn)
        assert (check.problem, check.broken_at, check.by_county) == ("removed_after", 0, True)
    finally:
        store.close()
