"""What the county server says and logs when a request fails in a way no check foresaw.

The log keeps no personal data: a database driver's message carries the values of the row
it could not store (PostgreSQL's ``DETAIL: Key (id_number)=(...)``, SQLAlchemy's
``[parameters: ...]``), so a failure is logged by the names of its exceptions, the
constraint it broke and the lines of code it passed through, never by its message. The
laptop is still answered in words, in Chinese and English.
"""

import logging
import re
import traceback
from collections.abc import Iterable, MutableMapping
from typing import Any

from sqlalchemy.exc import IntegrityError

from caseworker.sync.county.auth import Refused
from caseworker.sync.county.gate import ASGIApp, Receive, Scope, Send, send_refusal

Message = MutableMapping[str, Any]

log = logging.getLogger("caseworker.county")

# SQLite names the columns, never the values: "UNIQUE constraint failed: person.id_number".
_SQLITE_CONSTRAINT = re.compile(r"constraint failed: ([A-Za-z0-9_.]+(?:, [A-Za-z0-9_.]+)*)")
_NAME = re.compile(r"^[A-Za-z0-9_.]{1,100}$")

CLASH_ZH = (
    "县里已有与本次上传中编号相同的记录（可能是另一台设备刚刚上传），本次上传未保存，请稍后再同步"
)
CLASH_EN = (
    "the county already holds a record with the same number as one in this upload (another "
    "device may have just sent it); nothing of this upload was stored: sync again later"
)
PERSON_CLASH_ZH = (
    "县里已有同一身份证号的成员（可能是另一台设备刚刚上传），本次上传未保存，请稍后再同步"
)
PERSON_CLASH_EN = (
    "the county already holds a member with the same ID number (another device may have "
    "just sent it); nothing of this upload was stored: sync again later"
)
FAILED_ZH = "县服务器处理请求时出错，请求未保存，请稍后再试；如仍出错，请联系县民政局"
FAILED_EN = (
    "the county server failed to handle the request; nothing was stored: try again later, "
    "and tell the county civil affairs bureau if it keeps failing"
)


def constraint_of(exc: IntegrityError) -> str:
    """The name of the constraint ``exc`` broke (no values), or "unknown"."""
    diag = getattr(exc.orig, "diag", None)  # psycopg
    name = getattr(diag, "constraint_name", None)
    if isinstance(name, str) and _NAME.match(name):
        return name
    found = _SQLITE_CONSTRAINT.search(str(exc.orig))
    return found.group(1) if found else "unknown"


def exception_names(exc: BaseException) -> str:
    """``exc`` and the exceptions it came from, by class name only, outermost first."""
    names: list[str] = []
    seen: BaseException | None = exc
    while seen is not None and len(names) < 10:
        names.append(f"{type(seen).__module__}.{type(seen).__qualname__}")
        seen = seen.__cause__ or seen.__context__
    return " <- ".join(names)


def code_path(exc: BaseException) -> str:
    """Where ``exc`` was raised: file, line and function of each frame, without the
    exception's message or any value."""
    frames = traceback.extract_tb(exc.__traceback__)
    return "\n".join(f"  {_module(f.filename)}:{f.lineno} in {f.name}" for f in frames)


def _module(filename: str) -> str:
    # From the package folder on: where the server is installed is nobody's business.
    for marker in ("/site-packages/", "/caseworker/"):
        if marker in filename:
            head = "caseworker/" if marker == "/caseworker/" else ""
            return head + filename.rsplit(marker, 1)[1]
    return filename.rsplit("/", 1)[-1]


def log_failure(what: str, exc: BaseException, **ids: str) -> None:
    """Log an unforeseen failure of ``what`` with opaque ids only (device, households)."""
    extra = "".join(f" {key}={value}" for key, value in ids.items() if value)
    constraint = f" constraint={constraint_of(exc)}" if isinstance(exc, IntegrityError) else ""
    log.error(
        "%s failed: %s%s%s\n%s", what, exception_names(exc), constraint, extra, code_path(exc)
    )


def clash_refusal(exc: IntegrityError, *, device_id: str, households: Iterable[str]) -> Refused:
    """The answer to a request whose rows broke a unique constraint of the county database
    (logged with the constraint's name and the opaque ids involved): 409, in words."""
    log_failure("storing a request", exc, device=device_id, households=",".join(households))
    if any(word in constraint_of(exc) for word in ("person", "id_number")):
        return Refused(409, PERSON_CLASH_ZH, PERSON_CLASH_EN)
    return Refused(409, CLASH_ZH, CLASH_EN)


class Shield:
    """ASGI middleware, outermost: any exception a request raises is logged without its
    message (see ``log_failure``) and answered 500 in words, so the web server never prints
    a traceback with the values of the rows involved."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:  # every failure is answered and logged
            device = (scope.get("state") or {}).get("device")
            log_failure(
                f"{scope.get('method', '')} {scope.get('path', '')}",
                exc,
                device=getattr(device, "device_id", ""),
            )
            if not started:
                await send_refusal(send, 500, FAILED_ZH, FAILED_EN)
