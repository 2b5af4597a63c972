"""The Chinese translation covers every string of the app, and the shipped .qm is current."""

import importlib.util
import subprocess
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def tooling() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "build" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_source_string_has_a_chinese_translation(tmp_path: Path) -> None:
    tools = tooling()
    current = tmp_path / "current.ts"
    current.write_bytes(tools.TS.read_bytes())
    subprocess.run(
        [tools.tool("pyside6-lupdate"), *tools.sources(), "-ts", str(current), "-no-obsolete"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert tools.untranslated(current) == []


def test_the_compiled_translation_matches_its_source(tmp_path: Path) -> None:
    tools = tooling()
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [tools.tool("pyside6-lrelease"), str(tools.TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == tools.QM.read_bytes()


def test_no_translated_string_hides_inside_an_f_string() -> None:
    # lupdate cannot see self.tr("...") inside an f-string: such text would stay English.
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "caseworker" / "ui").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "{self.tr(" in line or "{QCoreApplication.translate(" in line
    ]
    assert offenders == []
