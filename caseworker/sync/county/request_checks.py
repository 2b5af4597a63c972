"""Checks of a request's content that its schema cannot make: no NUL character in any
text, and no NaN or infinite number anywhere; and what the routes' parameters share.
"""

import contextlib
import json
import math
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Header, Request
from pydantic import BaseModel

from caseworker.sync.county.auth import Device, Refused

# Cursors are sequence numbers the server handed out; larger ones fit no database column.
MAX_CURSOR = 2**53
AuthHeader = Annotated[str | None, Header()]
# Who sent a request (the gate checked the credential already, or it is checked now).
DeviceOf = Callable[[Request, str | None], Device]

_NON_FINITE_ZH = "含有非数值NaN或无穷大Infinity（同步协议不允许）"
_NON_FINITE_EN = "contains NaN or Infinity, which the sync protocol does not allow"


def refuse_nul(value: Any, where: str = "") -> None:
    """Refuse text holding a NUL character anywhere in a request (PostgreSQL cannot store
    it, and no field of the protocol needs it), and NaN or infinite numbers (no value of
    the protocol is one; stored, they compare unequal to themselves and block merges)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise Refused(
            422,
            f"{where or '请求内容'}{_NON_FINITE_ZH}",
            f"{where or 'the request'} {_NON_FINITE_EN}",
        )
    if isinstance(value, str):
        if "\x00" in value:
            raise Refused(
                422,
                f"{where or '请求内容'}含有空字符（NUL）",
                f"{where or 'the request'} contains a NUL character",
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            refuse_nul(key, where)
            refuse_nul(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            refuse_nul(item, f"{where}[{index}]")


def check_body(body: BaseModel) -> None:
    """Refuse a parsed request holding a NUL character or a number NaN or infinite."""
    refuse_nul(body.model_dump())


def _refuse_constant(name: str) -> Any:
    raise Refused(
        422, f"请求内容{_NON_FINITE_ZH}（{name}）", f"the request {_NON_FINITE_EN} ({name})"
    )


def refuse_non_finite(body: bytes) -> None:
    """Refuse a JSON text spelling NaN or Infinity as a number (the same words inside text
    are fine): the standard library's parser reports each such constant."""
    # Not JSON at all (ValueError): the schema's parser says so.
    with contextlib.suppress(ValueError):
        json.loads(body, parse_constant=_refuse_constant)
