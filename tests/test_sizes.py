"""No module or function is over the size limits (``build/check_sizes.py``)."""

import importlib.util
import sys
from pathlib import Path

CHECKER = Path(__file__).resolve().parent.parent / "build" / "check_sizes.py"


def _checker():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("check_sizes", CHECKER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_sizes"] = module
    spec.loader.exec_module(module)
    return module


def test_no_module_or_function_is_over_its_limit(capsys) -> None:  # type: ignore[no-untyped-def]
    assert _checker().main() == 0, capsys.readouterr().out


def test_a_long_function_is_measured_with_its_decorators() -> None:
    source = "@decorator\ndef f():\n" + "    x = 1\n" * 85
    measured = dict(_checker()._functions(__import__("ast").parse(source)))
    assert measured == {"f": 87}
