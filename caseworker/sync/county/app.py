"""The county server's HTTP API (FastAPI). OpenAPI docs are served at ``/docs``.

Every refusal is a 4xx with a JSON body naming the reason in Chinese and English; nothing
is stored for a refused request, and the server keeps serving. Refusals of credentials and
scope are logged (table ``refusal`` and the ``caseworker.county`` logger).
"""

import logging
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from caseworker import __version__
from caseworker.domain.bulk import gc_paused
from caseworker.sync.county import admin
from caseworker.sync.county.audit_log import store_audit
from caseworker.sync.county.auth import Device, Refused, authenticate, log_refusal, redeem
from caseworker.sync.county.pull import pull_page
from caseworker.sync.county.push import apply_push
from caseworker.sync.schemas import (
    PROTOCOL,
    PUSH_REQUEST,
    AuditAnswer,
    AuditPush,
    ConflictOut,
    EnrollRequest,
    EnrollResponse,
    PullResponse,
    PushResponse,
    ResolveRequest,
    ResolveResponse,
)

MAX_BODY = 64 * 1024 * 1024
# A number with a fraction or an exponent, or NaN or infinity, anywhere in a request (or
# text that looks like one): the request is hashed and stored with the standard library's
# JSON writer, which spells every float as the laptop did.
FLOATS = re.compile(rb"NaN|Infinity|[:,\[]\s*-?[0-9]+[.eE]")
AuthHeader = Annotated[str | None, Header()]
log = logging.getLogger("caseworker.county")

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes (413) before they are read whole."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await self._refuse(send)
            return
        seen = 0

        async def limited() -> MutableMapping[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = (
            b'{"detail":"request body too large","reason_zh":"\xe8\xaf\xb7\xe6\xb1\x82\xe5'
            b'\x86\x85\xe5\xae\xb9\xe8\xbf\x87\xe5\xa4\xa7","reason_en":"request body too large"}'
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


def create_app(engine: Engine, *, max_body: int = MAX_BODY) -> FastAPI:
    """The county API over the database behind ``engine``."""
    app = FastAPI(
        title="Caseworker county server",
        version=__version__,
        description="县级社会救助数据同步服务 / county sync for village social assistance "
        "specialists. Protocol: " + PROTOCOL,
    )

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

    def device_of(request: Request, authorization: str | None) -> Device:
        with engine.connect() as conn:
            device = authenticate(conn, authorization)
        request.state.device = device
        return device

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "protocol": PROTOCOL, "version": __version__}

    @app.post("/v1/enroll")
    def enroll(body: EnrollRequest) -> EnrollResponse:
        token, device = redeem(
            engine, body.code, device_id=body.device_id, device_name=body.device_name
        )
        return EnrollResponse(
            credential=token,
            device_id=device.device_id,
            worker=device.worker,
            role=device.role,
            scope=device.scope,
        )

    @app.get("/v1/whoami")
    def whoami(request: Request, authorization: AuthHeader = None) -> dict[str, str]:
        d = device_of(request, authorization)
        return {"device_id": d.device_id, "worker": d.worker, "role": d.role, "scope": d.scope}

    def apply(request: Request, body: bytes, authorization: str | None) -> PushResponse:
        try:
            with gc_paused():
                parsed = PUSH_REQUEST.validate_json(body)
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_context=False, include_input=False)
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in errors]
            ) from None
        device = device_of(request, authorization)
        return apply_push(engine, device, parsed, plain=not FLOATS.search(body))

    @app.post("/v1/push", response_model=PushResponse, openapi_extra=PUSH_BODY_DOC)
    async def push(request: Request, authorization: AuthHeader = None) -> PushResponse:
        # The body is parsed here rather than by FastAPI: pydantic's own JSON parser,
        # straight into dicts, is several times faster for a push of thousands of rows.
        body = await request.body()
        return await run_in_threadpool(apply, request, body, authorization)

    @app.post("/v1/audit")
    def audit(request: Request, body: AuditPush, authorization: AuthHeader = None) -> AuditAnswer:
        return store_audit(engine, device_of(request, authorization), body)

    @app.get("/v1/pull", response_model=PullResponse)
    def pull(
        request: Request,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
        policy_after: Annotated[int, Query(ge=0)] = 0,
        village: Annotated[str | None, Query(max_length=12)] = None,
        authorization: AuthHeader = None,
    ) -> Response:
        device = device_of(request, authorization)
        page = pull_page(
            engine, device, after=after, limit=limit, policy_after=policy_after, village=village
        )
        return Response(page, media_type="application/json")

    @app.get("/v1/conflicts")
    def conflicts(
        request: Request, open_only: bool = True, authorization: AuthHeader = None
    ) -> list[ConflictOut]:
        device = device_of(request, authorization)
        return admin.list_conflicts(engine, scope=device.scope, open_only=open_only)

    @app.post("/v1/conflicts/resolve")
    def resolve(
        request: Request, body: ResolveRequest, authorization: AuthHeader = None
    ) -> ResolveResponse:
        return admin.resolve_conflicts(engine, device_of(request, authorization), body.resolutions)

    app.add_middleware(BodyLimit, limit=max_body)
    document_push_body(app)
    return app


PUSH_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


def document_push_body(app: FastAPI) -> None:
    """Put the push request's schema into the OpenAPI document (the endpoint reads its body
    itself, so FastAPI does not know it)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()
            body = PUSH_REQUEST.json_schema(ref_template="#/components/schemas/{model}")
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(body.pop("$defs", {}))
            components["PushRequest"] = body
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
