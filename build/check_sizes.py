"""Keep modules and functions small enough to read: no module over 450 lines, no function
over 80 (migrations and the demo's stories, which are data, are exempt). Run by
``make lint`` and by the tests:

    .venv/bin/python build/check_sizes.py
"""

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "caseworker"
MODULE_LINES = 450
FUNCTION_LINES = 80
EXEMPT = ("/migrations/", "caseworker/demo/stories.py")


def _sources() -> Iterator[Path]:
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if not any(part in f"/{name}" for part in EXEMPT):
            yield path


def measure() -> dict[str, int]:
    """Every module and function over its limit: ``path`` or ``path::Class.function``,
    with its length in lines."""
    found: dict[str, int] = {}
    for path in _sources():
        name = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines > MODULE_LINES:
            found[name] = lines
        for qualname, length in _functions(ast.parse(text)):
            if length > FUNCTION_LINES:
                found[f"{name}::{qualname}"] = length
    return found


def _functions(tree: ast.AST, prefix: str = "") -> Iterator[tuple[str, int]]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.ClassDef):
            yield from _functions(node, f"{prefix}{node.name}.")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            yield f"{prefix}{node.name}", (node.end_lineno or node.lineno) - start + 1
            yield from _functions(node, f"{prefix}{node.name}.")


def main() -> int:
    found = measure()
    for name, size in sorted(found.items()):
        limit = FUNCTION_LINES if "::" in name else MODULE_LINES
        print(f"{name}: {size} lines, over the limit of {limit}")
    print(f"{len(found)} modules and functions over the limits")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
