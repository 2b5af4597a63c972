"""The compiled screening engine (mypyc, built by make) is used only while it matches its
sources, and the interpreted engine it stands in for gives the same findings."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import caseworker.eligibility as eligibility
from caseworker.eligibility.compiled import (
    COMPILED_MODULES,
    DIGEST_FILE,
    INTERPRETED_ENV,
    NATIVE_DIR,
    is_compiled,
    native_dir,
    source_digest,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = Path(eligibility.__file__).parent
FIXTURE_TEST = Path(__file__).with_name("test_screening_fixture.py")


def _copy_sources(to: Path) -> Path:
    """A package folder holding the compiled modules' sources and a current stamp."""
    for name in COMPILED_MODULES:
        target = to / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PACKAGE_DIR / name, target)
    (to / NATIVE_DIR).mkdir()
    (to / NATIVE_DIR / DIGEST_FILE).write_text(source_digest(to) + "\n", encoding="ascii")
    return to


def test_a_current_compiled_engine_is_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(INTERPRETED_ENV, raising=False)
    package = _copy_sources(tmp_path)
    assert native_dir(package) == package / NATIVE_DIR


def test_an_edited_rule_is_never_shadowed_by_an_older_compiled_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(INTERPRETED_ENV, raising=False)
    package = _copy_sources(tmp_path)
    rule = package / "rules" / "dibao.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert native_dir(package) is None


def test_no_compiled_engine_or_asked_not_to_use_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _copy_sources(tmp_path)
    monkeypatch.setenv(INTERPRETED_ENV, "1")
    assert native_dir(package) is None
    monkeypatch.delenv(INTERPRETED_ENV)
    (package / NATIVE_DIR / DIGEST_FILE).unlink()
    assert native_dir(package) is None


def test_the_engine_in_use_is_the_one_chosen() -> None:
    chosen = native_dir(PACKAGE_DIR)
    assert is_compiled() == (chosen is not None)
    if chosen is not None:
        from caseworker.eligibility.rules import dibao

        assert Path(dibao.__file__).suffix in {".so", ".pyd"}


@pytest.mark.slow
@pytest.mark.skipif(
    native_dir(PACKAGE_DIR) is None, reason="no compiled engine here: the tests ran interpreted"
)
def test_the_interpreted_engine_gives_the_same_findings() -> None:
    # The other tests run the compiled engine; the interpreted one (machines without a C
    # compiler) must give the fixture's findings too, sentence for sentence.
    env = {**os.environ, INTERPRETED_ENV: "1"}
    probe = "from caseworker.eligibility.compiled import is_compiled; print(is_compiled())"
    used = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert used.stdout.strip() == "False"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(FIXTURE_TEST)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert " passed" in run.stdout and "failed" not in run.stdout
