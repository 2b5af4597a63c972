"""What every request passes before the API reads its body: the device credential, the
request size allowed to that device, and how often it may ask.

Enrollment (and health, and the API documentation) need no credential, and take small
bodies only. Every other request is refused with 401 before a byte of its body is read
unless it carries a valid device credential; an enrolled device may send up to
``device_limit`` bytes, and ``rate`` requests a minute.
"""

import asyncio
import json
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from caseworker.sync.county.auth import Device, Refused, authenticate, log_refusal

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Requests a laptop makes before it has a credential, or that hold nothing of anyone's.
OPEN_PATHS = frozenset({"/v1/health", "/v1/enroll", "/docs", "/docs/oauth2-redirect", "/redoc"})
OPEN_PATHS_SCHEMA = "/openapi.json"
OPEN_LIMIT = 16 * 1024  # an enrollment request is a code, an id and a name
RATE_PER_MINUTE = 600  # a sync of a whole county is a few dozen requests
# Chunks of attachment content (a megabyte each) are counted apart, with this many times
# the budget: a sync of a few hundred megabytes of evidence is a few hundred of them.
CHUNK_PATHS = ("/v1/attachments/uploads/", "/v1/attachments/content/")
CHUNK_RATE_FACTOR = 20
log = logging.getLogger("caseworker.county")


class _TooLarge(Exception):
    pass


async def send_refusal(send: Send, status: int, zh: str, en: str) -> None:
    """Answer ``status`` with the reason in Chinese and English, as every refusal is."""
    body = json.dumps({"detail": en, "reason_zh": zh, "reason_en": en}, ensure_ascii=False).encode(
        "utf-8"
    )
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _too_large(limit: int) -> tuple[str, str]:
    return (
        f"请求内容过大（最多{limit}字节）",
        f"request body too large (at most {limit} bytes)",
    )


class Gate:
    """ASGI middleware: credential first, then the body within the device's size limit,
    and at most ``rate`` requests a minute per device (429 beyond)."""

    def __init__(
        self,
        app: ASGIApp,
        engine: Engine,
        *,
        device_limit: int,
        open_limit: int = OPEN_LIMIT,
        rate: int = RATE_PER_MINUTE,
    ) -> None:
        self.app = app
        self.engine = engine
        self.device_limit = device_limit
        self.open_limit = open_limit
        self.rate = rate
        self.recent: dict[str, deque[float]] = {}
        self.lock = asyncio.Lock()

    def _authenticate(self, authorization: str | None, path: str) -> Device | Refused:
        try:
            with self.engine.connect() as conn:
                return authenticate(conn, authorization)
        except Refused as refused:
            log.warning("refused %s %s: %s", refused.status, path, refused.en)
            log_refusal(self.engine, path=path, status=refused.status, reason=refused.en)
            return refused

    async def _too_often(self, device: Device, path: str) -> bool:
        now = time.monotonic()
        chunk = path.startswith(CHUNK_PATHS)
        rate = self.rate * CHUNK_RATE_FACTOR if chunk else self.rate
        key = f"{device.credential_id} chunks" if chunk else device.credential_id
        async with self.lock:
            seen = self.recent.setdefault(key, deque())
            while seen and seen[0] <= now - 60:
                seen.popleft()
            if len(seen) >= rate:
                return True
            seen.append(now)
            return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        headers = dict(scope.get("headers") or [])
        limit = self.open_limit
        if path not in OPEN_PATHS and path != OPEN_PATHS_SCHEMA:
            raw = headers.get(b"authorization")
            authorization = raw.decode("latin-1") if raw is not None else None
            checked = await run_in_threadpool(self._authenticate, authorization, path)
            if isinstance(checked, Refused):
                await send_refusal(send, checked.status, checked.zh, checked.en)
                return
            if await self._too_often(checked, path):
                rate = self.rate * (CHUNK_RATE_FACTOR if path.startswith(CHUNK_PATHS) else 1)
                await send_refusal(
                    send,
                    429,
                    f"本设备请求过于频繁（每分钟最多{rate}次），请稍后再同步",
                    f"too many requests from this device (at most {rate} a minute); "
                    "sync again later",
                )
                return
            scope.setdefault("state", {})["device"] = checked
            limit = self.device_limit
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await send_refusal(send, 413, *_too_large(limit))
            return
        seen = 0

        async def limited() -> MutableMapping[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await send_refusal(send, 413, *_too_large(limit))
