"""YAML as policy packs are read: safe, exact decimals (never floats), no duplicate keys."""

from decimal import Decimal
from typing import Any

import yaml

from caseworker.domain.validation import Problem


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """Safe YAML with exact numbers (decimals, never floats) and no duplicate keys."""


def _decimal(loader: yaml.SafeLoader, node: yaml.Node) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")  # type: ignore[arg-type]
    try:
        return Decimal(text)
    except ArithmeticError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"not an exact number: {text}", node.start_mark
        ) from exc


def _mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> Any:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key: {key}", key_node.start_mark
            )
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)
_Loader.add_constructor("tag:yaml.org,2002:map", _mapping)


def load_yaml(text: str) -> Any:
    """Parse YAML text with exact decimals; raise Problem with the line on a syntax error."""
    try:
        return yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f"第{mark.line + 1}行：" if mark is not None else ""
        line_en = f"line {mark.line + 1}: " if mark is not None else ""
        detail = getattr(exc, "problem", None) or str(exc)
        raise Problem(
            "yaml", f"{line}不是有效的YAML（{detail}）", f"{line_en}not valid YAML ({detail})"
        ) from exc
