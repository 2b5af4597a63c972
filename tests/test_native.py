"""Compiled modules (mypyc, built by make) are used only while they match their sources,
and the interpreted screening engine they stand in for gives the same findings."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import caseworker.eligibility as eligibility
from caseworker.native import (
    COMPILED,
    DIGEST_FILE,
    INTERPRETED_ENV,
    NATIVE_DIR,
    is_compiled,
    native_dir,
    source_digest,
)

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = Path(eligibility.__file__).parent
COMPILED_MODULES = COMPILED["eligibility"]
ENGINE = "caseworker.eligibility.engine"
# What the compiled modules stand in for, run again interpreted: the screening fixture's
# findings, and reading, checking and importing households (not the tests of a full disk
# or a damaged store, nor the 5,000-row roster's size: none of them is about the values).
INTERPRETED_TESTS = (
    "tests/eligibility/test_screening_fixture.py",
    "tests/domain",
    "tests/interchange",
    "tests/importing/test_pipeline.py",
    "tests/importing/test_bad_files.py",
    "tests/importing/test_spreadsheets.py",
    "--deselect",
    "tests/importing/test_spreadsheets.py::test_a_5000_row_roster",
)


def _copy_sources(to: Path) -> Path:
    """A package folder holding the compiled modules' sources and a current stamp."""
    for name in COMPILED_MODULES:
        target = to / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(PACKAGE_DIR / name, target)
    (to / NATIVE_DIR).mkdir()
    (to / NATIVE_DIR / DIGEST_FILE).write_text(
        source_digest(to, COMPILED_MODULES) + "\n", encoding="ascii"
    )
    return to


def test_a_current_compiled_engine_is_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(INTERPRETED_ENV, raising=False)
    package = _copy_sources(tmp_path)
    assert native_dir(package, COMPILED_MODULES) == package / NATIVE_DIR


def test_an_edited_rule_is_never_shadowed_by_an_older_compiled_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(INTERPRETED_ENV, raising=False)
    package = _copy_sources(tmp_path)
    rule = package / "rules" / "dibao.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert native_dir(package, COMPILED_MODULES) is None


def test_no_compiled_engine_or_asked_not_to_use_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _copy_sources(tmp_path)
    monkeypatch.setenv(INTERPRETED_ENV, "1")
    assert native_dir(package, COMPILED_MODULES) is None
    monkeypatch.delenv(INTERPRETED_ENV)
    (package / NATIVE_DIR / DIGEST_FILE).unlink()
    assert native_dir(package, COMPILED_MODULES) is None


@pytest.mark.parametrize("package", sorted(COMPILED))
def test_each_package_runs_the_compiled_modules_chosen(package: str) -> None:
    package_dir = ROOT / "caseworker" / package
    chosen = native_dir(package_dir, COMPILED[package])
    for name in COMPILED[package]:
        module = "caseworker." + package + "." + name.removesuffix(".py").replace("/", ".")
        module = module.removesuffix(".__init__")
        assert is_compiled(module) == (chosen is not None), module
        if chosen is not None:
            assert Path(str(sys.modules[module].__file__)).suffix in {".so", ".pyd"}


def test_no_package_init_is_compiled_and_every_listed_module_exists() -> None:
    for package, modules in COMPILED.items():
        for name in modules:
            assert Path(name).name != "__init__.py", f"{package}/{name}: never compiled"
            assert (ROOT / "caseworker" / package / name).is_file(), f"{package}/{name}"


def _packages_with_compiled_modules() -> list[str]:
    """Every package and sub-package holding a compiled module, dotted."""
    return sorted(
        {
            ".".join(("caseworker", package, *Path(name).parent.parts))
            for package, modules in COMPILED.items()
            for name in modules
        }
    )


@pytest.mark.parametrize("package", _packages_with_compiled_modules())
def test_a_module_added_to_a_compiled_package_imports_before_it_is_listed(package: str) -> None:
    # Someone adds a module next to compiled ones and imports it, without listing it in
    # COMPILED: with the compiled modules in use it must be found (from its source), and
    # the listed ones must stay compiled.
    source_dir = ROOT.joinpath(*package.split("."))
    added = source_dir / "_added_not_listed.py"
    added.write_text("VALUE = 42\n", encoding="utf-8")
    listed = next(
        f"caseworker.{top}." + name.removesuffix(".py").replace("/", ".")
        for top, modules in COMPILED.items()
        for name in modules
        if ".".join(("caseworker", top, *Path(name).parent.parts)) == package
    )
    probe = (
        "import importlib, sys\n"
        f"print(importlib.import_module('{package}._added_not_listed').VALUE)\n"
        f"print(not sys.modules[importlib.import_module('{listed}').__name__].__file__"
        ".endswith('.py'))\n"
    )
    try:
        env = {k: v for k, v in os.environ.items() if k != INTERPRETED_ENV}
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT
        )
    finally:
        added.unlink()
    assert done.returncode == 0, done.stderr
    value, compiled = done.stdout.split()
    assert value == "42"
    top = package.split(".")[1]
    assert compiled == str(native_dir(ROOT / "caseworker" / top, COMPILED[top]) is not None)


@pytest.mark.slow
@pytest.mark.skipif(
    native_dir(PACKAGE_DIR, COMPILED_MODULES) is None,
    reason="no compiled modules here: the tests ran interpreted",
)
def test_the_interpreted_modules_give_the_same_results() -> None:
    # The other tests run the compiled modules; the interpreted ones (machines without a C
    # compiler) must give the fixture's findings sentence for sentence, and read, check
    # and import households the same way.
    env = {**os.environ, INTERPRETED_ENV: "1"}
    probe = (
        "from caseworker.native import is_compiled; "
        "print(is_compiled('caseworker.eligibility.engine'), "
        "is_compiled('caseworker.domain.validation'))"
    )
    used = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert used.stdout.strip() == "False False"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *INTERPRETED_TESTS],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert " passed" in run.stdout and "failed" not in run.stdout
