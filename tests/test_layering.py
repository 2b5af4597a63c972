"""Dependencies point one way: only caseworker/ui may import Qt."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "caseworker"


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "PySide6"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "PySide6":
            found.append(node.module or "")
    return found


def test_no_module_outside_ui_imports_pyside6() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): qt_imports(path)
        for path in PACKAGE.rglob("*.py")
        if "ui" not in path.relative_to(PACKAGE).parts[:1] and qt_imports(path)
    }
    assert offenders == {}


def test_the_check_itself_sees_qt_imports_in_ui() -> None:
    assert any(qt_imports(path) for path in (PACKAGE / "ui").rglob("*.py"))


# --- the layer contracts (pyproject.toml, checked by lint-imports in make test) ----------

ROOT = PACKAGE.parent
# A package of each name the contracts use, importing only downwards.
_TREE = {
    "ui": "from caseworker import commands",
    "commands": "from caseworker import operations",
    "operations": "from caseworker import screening, printing, sync",
    "screening": "from caseworker import store",
    "printing": "from caseworker import store",
    "sync": "from caseworker import store",
    "sync/county": "from caseworker import domain",
    "importing": "",
    "security": "",
    "reports": "",
    "demo": "",
    "store": "from caseworker import eligibility, interchange",
    "eligibility": "from caseworker import domain",
    "interchange": "from caseworker import domain",
    "domain": "",
}


def _lint_imports(tmp_path: Path, wrong: dict[str, str]) -> "subprocess.CompletedProcess[str]":
    for name, source in {**_TREE, **wrong}.items():
        folder = tmp_path / "caseworker" / name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "__init__.py").write_text(source + "\n", encoding="utf-8")
    (tmp_path / "caseworker" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_bytes((ROOT / "pyproject.toml").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    lint = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(lint), "--no-cache"], cwd=tmp_path, env=env, capture_output=True, text=True
    )


def test_the_contracts_hold_for_imports_that_point_down(tmp_path: Path) -> None:
    result = _lint_imports(tmp_path, {})
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("wrong", "named"),
    [
        ({"domain": "from caseworker import store"}, "caseworker.domain is not allowed"),
        ({"sync/county": "from caseworker.store import tables"}, "caseworker.sync.county"),
        ({"screening": "from caseworker import sync"}, "caseworker.screening is not allowed"),
        (
            {"eligibility": "def later():\n    from caseworker import store"},
            "caseworker.eligibility is not allowed",
        ),
    ],
)
def test_a_wrong_import_breaks_a_contract(
    tmp_path: Path, wrong: dict[str, str], named: str
) -> None:
    result = _lint_imports(tmp_path, wrong)
    assert result.returncode != 0 and named in result.stdout, result.stdout
