"""Dependencies point one way: only caseworker/ui may import Qt."""

import ast
from pathlib import Path

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
