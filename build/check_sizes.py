"""Keep modules and functions small enough to read: no module over 450 lines, no function
over 80 (migrations and the demo's stories, which are data, are exempt).

Those already larger when the limits came in are listed in ``build/sizes-allowed.txt``
with their size then; each may shrink but not grow, and its line is to be removed once it
is within the limit. Run by ``make lint``:

    .venv/bin/python build/check_sizes.py            # check
    .venv/bin/python build/check_sizes.py --write    # list today's oversized ones
"""

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "caseworker"
ALLOWED = Path(__file__).with_name("sizes-allowed.txt")
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


def _allowed() -> dict[str, int]:
    allowed: dict[str, int] = {}
    for line in ALLOWED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            size, name = line.split(maxsplit=1)
            allowed[name] = int(size)
    return allowed


def main(argv: list[str]) -> int:
    found = measure()
    if "--write" in argv:
        header = (
            "# Oversized when the limits came in: may shrink, not grow (build/check_sizes.py)\n"
        )
        body = "".join(f"{size} {name}\n" for name, size in sorted(found.items()))
        ALLOWED.write_text(header + body, encoding="utf-8")
        return 0
    allowed = _allowed()
    problems = []
    for name, size in sorted(found.items()):
        limit = FUNCTION_LINES if "::" in name else MODULE_LINES
        ceiling = allowed.get(name)
        if ceiling is None:
            problems.append(f"{name}: {size} lines, over the limit of {limit}")
        elif size > ceiling:
            problems.append(f"{name}: {size} lines, grew from {ceiling} (limit {limit})")
    for name in sorted(set(allowed) - set(found)):
        problems.append(f"{name}: now within the limit; remove it from {ALLOWED.name}")
    for problem in problems:
        print(problem)
    oversized = len(found)
    print(f"{oversized} modules and functions over the limits ({len(allowed)} allowed)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
