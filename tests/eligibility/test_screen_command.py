"""``caseworker screen`` run as a user runs it: real processes, real files, a real store."""

import json
import sqlite3
from pathlib import Path

import pytest

from caseworker.store.db import open_store
from caseworker.store.decisions import latest_screening
from tests.conftest import BASE_HOUSEHOLD
from tests.test_cli import caseworker


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("screen") / "demo.db"
    done = caseworker(
        "demo", "--households", "80", "--seed", "3", "--as-of", "2020-04-15", "--db", path
    )
    assert done.returncode == 0, done.stderr
    return path


def decisions(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM decision").fetchone()[0])


@pytest.fixture
def household_file(tmp_path: Path) -> Path:
    path = tmp_path / "household.json"
    path.write_text(json.dumps(BASE_HOUSEHOLD, ensure_ascii=False), encoding="utf-8")
    return path


def test_screen_a_file_prints_the_documented_json(household_file: Path) -> None:
    done = caseworker("screen", household_file, "--on", "2020-04-15")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert set(doc) == {"household", "on", "policy", "findings"}
    assert doc["on"] == "2020-04-15"
    assert doc["policy"]["id"] == "cn-610423-jingyang" and len(doc["policy"]["sha256"]) == 64
    programs = [f["program"] for f in doc["findings"]]
    assert programs == [
        "dibao",
        "dibao_single_person",
        "marginal",
        "dibao_gradual_exit",
        "special_hardship",
        "temporary_assistance",
        "price_subsidy",
        "epidemic_relief",
    ]
    dibao = doc["findings"][0]
    # 600 yuan farming for two, pension exempt: 300 per head, below 400: gap 200 x 2 = 200
    assert dibao["status"] == "likely_eligible"
    assert dibao["monthly_yuan"] == "230.00"  # 800 - 600 + 30 (category B: serious illness)
    assert {"rule", "met", "text_zh", "text_en", "values"} <= set(dibao["reasons"][0])
    assert any(
        p["name"] == "dibao.standard.rural" and p["value"] == "400.00"
        for r in dibao["reasons"]
        for p in r["parameters"]
    )


def test_set_overrides_a_parameter_for_one_run(household_file: Path) -> None:
    done = caseworker(
        "screen", household_file, "--on", "2020-04-15", "--set", "dibao.standard.rural=450"
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["policy"]["version"].endswith("+what-if")
    assert doc["findings"][0]["monthly_yuan"] == "330.00"
    text = caseworker("screen", household_file, "--on", "2020-04-15", "--format", "text")
    assert "最低生活保障" in text.stdout and "likely eligible" in text.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("--set", "dibao.standard.rurall=450"), "dibao.standard.rurall"),
        (("--set", "dibao.standard.rural=abc"), "dibao.standard.rural"),
        (("--policy", "no-such-pack"), "no such policy pack"),
        (("--policy", "missing.yaml"), "no such policy pack file"),
    ],
)
def test_bad_parameters_and_packs_exit_2_naming_the_key(
    household_file: Path, args: tuple[str, ...], words: str
) -> None:
    done = caseworker("screen", household_file, "--on", "2020-04-15", *args)
    assert done.returncode == 2
    assert words in done.stderr


def test_a_malformed_pack_file_exits_2_naming_the_key(household_file: Path, tmp_path: Path) -> None:
    pack = tmp_path / "county.yaml"
    pack.write_text(
        "format: caseworker.policy/1\nid: x\nversion: '1'\nname: {zh: 县, en: County}\n"
        "extends: cn-national\ncounties: ['610000']\nparameters:\n"
        "  dibao.standard.rural:\n    - {from: 2020-01-01, value: '400.00', ref: x, note: y}\n",
        encoding="utf-8",
    )
    done = caseworker("screen", household_file, "--policy", pack)
    assert done.returncode == 2
    assert "parameters.dibao.standard.rural[0].note" in done.stderr
    assert "county.yaml" in done.stderr


def test_a_household_file_that_fails_the_schema_exits_2(tmp_path: Path) -> None:
    bad = json.loads(json.dumps(BASE_HOUSEHOLD))
    bad["members"][0]["incomes"][0]["monthly_yuan"] = "-5"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    done = caseworker("screen", path)
    assert done.returncode == 2
    assert "monthly amount (yuan) '-5'" in done.stderr


def test_screening_the_store_records_decisions(demo_db: Path) -> None:
    before = decisions(demo_db)
    done = caseworker("screen", "--db", demo_db, "--on", "2020-04-15", "--village", "610423100201")
    assert done.returncode == 0, done.stderr
    assert "最低生活保障" in done.stdout
    stored = decisions(demo_db) - before
    assert stored > 0
    summary = json.loads(
        caseworker("screen", "--db", demo_db, "--on", "2020-04-15", "--format", "json").stdout
    )
    assert summary["households"] == 80
    # Only the households not screened before get a record; a third run stores none.
    assert summary["stored"] == 80 - stored
    assert decisions(demo_db) == before + 80
    again = json.loads(
        caseworker("screen", "--db", demo_db, "--on", "2020-04-15", "--format", "json").stdout
    )
    assert again["households"] == 80 and again["stored"] == 0
    assert decisions(demo_db) == before + 80
    store = open_store(demo_db)
    try:
        with store.read() as conn:
            household_id = conn.exec_driver_sql(
                "SELECT household_id FROM decision ORDER BY created_at DESC LIMIT 1"
            ).scalar()
            latest = latest_screening(conn, household_id)
    finally:
        store.close()
    assert latest is not None
    assert latest.policy.id == "cn-610423-jingyang"
    assert len(latest.findings) == 8


def test_what_if_lists_changes_and_stores_nothing(demo_db: Path) -> None:
    before = decisions(demo_db)
    done = caseworker(
        "screen", "--db", demo_db, "--on", "2020-04-15", "--what-if", "dibao.standard.rural=450",
        "--format", "json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["what_if"] == {"dibao.standard.rural": "450.00"}
    assert doc["summary"]["dibao"]["brought_in"] >= 1
    raised = [c for c in doc["changes"] if c["program"] == "dibao"]
    assert raised and all(c["head"] for c in raised)
    assert decisions(demo_db) == before
    bad = caseworker("screen", "--db", demo_db, "--what-if", "no.such=1")
    assert bad.returncode == 2 and "no.such" in bad.stderr
    assert decisions(demo_db) == before
