"""The county server's HTTP API (FastAPI). OpenAPI docs are served at ``/docs``.

Every refusal is a 4xx with a JSON body naming the reason in Chinese and English; nothing
is stored for a refused request, and the server keeps serving. Refusals of credentials and
scope are logged (table ``refusal`` and the ``caseworker.county`` logger). No log line holds
personal data: unforeseen failures are logged by exception and constraint names only
(``errors``).
"""

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from starlette.exceptions import HTTPException

from caseworker import __version__
from caseworker.sync.county.attachment_routes import add_attachment_routes
from caseworker.sync.county.attachment_uploads import CHUNK_SIZE
from caseworker.sync.county.auth import Device, Refused, authenticate, log_refusal
from caseworker.sync.county.device_routes import add_device_routes
from caseworker.sync.county.errors import Shield, clash_refusal
from caseworker.sync.county.gate import RATE_PER_MINUTE, Gate
from caseworker.sync.county.sync_routes import add_sync_routes
from caseworker.sync.schemas import PROTOCOL

MAX_BODY = 64 * 1024 * 1024
log = logging.getLogger("caseworker.county")

# Refusals that come from the HTTP layer itself, before any handler runs.
_HTTP_REASONS = {
    400: "请求内容无法解析",
    404: "没有这个接口",
    405: "此接口不接受这种请求方法",
}


def _field(loc: Sequence[Any]) -> str:
    """``("body", "changes", 1, "seq")`` as ``changes[1].seq``; ``("body", 0)`` as
    ``body[0]``."""
    parts = list(loc[1:]) if len(loc) > 1 and not isinstance(loc[1], int) else list(loc)
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _invalid(errors: Sequence[Any]) -> tuple[str, str]:
    """The reason of a 422 in Chinese and English, naming each field (the first few)."""
    shown = errors[:5]
    fields = list(dict.fromkeys(_field(e.get("loc", ())) for e in shown))
    more = "等" if len(errors) > len(shown) else ""
    zh = f"请求内容不符合同步协议：{'、'.join(fields)}{more}有误"
    en = "the request does not follow the sync protocol: " + "; ".join(
        f"{_field(e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in shown
    )
    return zh, en + ("; ..." if more else "")


def add_refusal_handlers(app: FastAPI, engine: Engine) -> None:
    """Answer every refusal on ``app`` as a 4xx with its reason in Chinese and English,
    logging refusals of credentials and scope."""

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> JSONResponse:
        if exc.status in (401, 403, 409):
            device = getattr(request.state, "device", None)
            log.warning("refused %s %s: %s", exc.status, request.url.path, exc.en)
            log_refusal(
                engine, path=request.url.path, status=exc.status, reason=exc.en, device=device
            )
        return JSONResponse(
            status_code=exc.status,
            content={"detail": exc.en, "reason_zh": exc.zh, "reason_en": exc.en},
        )

    @app.exception_handler(IntegrityError)
    async def clash(request: Request, exc: IntegrityError) -> JSONResponse:
        # Two requests storing the same key at once (a push takes a lock against that, see
        # db.lock_households): answered 409 in words, logged without the key's value.
        device = getattr(request.state, "device", None)
        answer = clash_refusal(exc, device_id=getattr(device, "device_id", ""), households=())
        return await refused(request, answer)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        zh, en = _invalid(exc.errors())
        return JSONResponse(
            status_code=422,
            content={"detail": jsonable_encoder(exc.errors()), "reason_zh": zh, "reason_en": en},
        )

    @app.exception_handler(HTTPException)
    async def http_refusal(request: Request, exc: HTTPException) -> JSONResponse:
        en = str(exc.detail)
        zh = _HTTP_REASONS.get(exc.status_code, f"请求被拒绝（{exc.status_code}）")
        return JSONResponse(
            status_code=exc.status_code,
            content={"detail": exc.detail, "reason_zh": zh, "reason_en": en},
            headers=exc.headers,
        )


def create_app(
    engine: Engine,
    *,
    max_body: int = MAX_BODY,
    rate: int = RATE_PER_MINUTE,
    chunk_size: int = CHUNK_SIZE,
) -> FastAPI:
    """The county API over the database behind ``engine``: ``max_body`` bytes a request and
    ``rate`` requests a minute for an enrolled device (see ``gate.Gate``); attachment
    content in chunks of ``chunk_size`` bytes."""
    app = FastAPI(
        title="Caseworker county server",
        version=__version__,
        description="县级社会救助数据同步服务 / county sync for village social assistance "
        "specialists. Protocol: " + PROTOCOL,
    )

    add_refusal_handlers(app, engine)

    def device_of(request: Request, authorization: str | None) -> Device:
        checked = getattr(request.state, "device", None)
        if isinstance(checked, Device):  # the gate checked the credential already
            return checked
        with engine.connect() as conn:
            device = authenticate(conn, authorization)
        request.state.device = device
        return device

    add_device_routes(app, engine, device_of)
    add_sync_routes(app, engine, device_of)
    add_attachment_routes(app, engine, device_of, chunk_size=chunk_size)

    app.add_middleware(Gate, engine=engine, device_limit=max_body, rate=rate)
    app.add_middleware(Shield)  # added last: outermost, around the gate too
    return app
