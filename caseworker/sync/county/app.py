"""The county server's HTTP API (FastAPI). OpenAPI docs are served at ``/docs``.

Every refusal is a 4xx with a JSON body naming the reason in Chinese and English; nothing
is stored for a refused request, and the server keeps serving. Refusals of credentials and
scope are logged (table ``refusal`` and the ``caseworker.county`` logger). No log line holds
personal data: unforeseen failures are logged by exception and constraint names only
(``errors``).
"""

import logging
import re
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from caseworker import __version__
from caseworker.domain.bulk import gc_paused
from caseworker.sync.county import admin
from caseworker.sync.county.attachment_routes import add_attachment_routes
from caseworker.sync.county.attachment_uploads import CHUNK_SIZE
from caseworker.sync.county.audit_log import store_audit
from caseworker.sync.county.auth import (
    Device,
    Refused,
    authenticate,
    log_refusal,
    redeem,
    register_signing_key,
)
from caseworker.sync.county.errors import Shield, clash_refusal
from caseworker.sync.county.gate import RATE_PER_MINUTE, Gate
from caseworker.sync.county.pending_key import county_pending_key
from caseworker.sync.county.pull import pull_page
from caseworker.sync.county.push import apply_push
from caseworker.sync.county.request_checks import (
    MAX_CURSOR,
    AuthHeader,
    check_body,
    refuse_non_finite,
    refuse_nul,
)
from caseworker.sync.county.resolve import resolve_conflicts
from caseworker.sync.schemas import (
    PROTOCOL,
    PUSH_REQUEST,
    AuditAnswer,
    AuditPush,
    ConflictOut,
    DeviceKeyAnswer,
    DeviceKeyRequest,
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
NON_FINITE = re.compile(rb"NaN|Infinity")
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

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "protocol": PROTOCOL, "version": __version__}

    @app.post("/v1/enroll")
    def enroll(body: EnrollRequest, authorization: AuthHeader = None) -> EnrollResponse:
        check_body(body)
        token, device = redeem(
            engine,
            body.code,
            device_id=body.device_id,
            device_name=body.device_name,
            authorization=authorization,
            signing_key=body.signing_key,
        )
        return EnrollResponse(
            credential=token,
            device_id=device.device_id,
            worker=device.worker,
            role=device.role,
            scope=device.scope,
            pending_key=county_pending_key(engine).public,
        )

    @app.post("/v1/device-key")
    def device_key(
        request: Request, body: DeviceKeyRequest, authorization: AuthHeader = None
    ) -> DeviceKeyAnswer:
        device = device_of(request, authorization)
        register_signing_key(engine, device, body.signing_key)
        return DeviceKeyAnswer(pending_key=county_pending_key(engine).public)

    @app.get("/v1/whoami")
    def whoami(request: Request, authorization: AuthHeader = None) -> dict[str, str]:
        d = device_of(request, authorization)
        return {"device_id": d.device_id, "worker": d.worker, "role": d.role, "scope": d.scope}

    def apply(request: Request, body: bytes, device: Device) -> PushResponse:
        if NON_FINITE.search(body):
            refuse_non_finite(body)
        try:
            with gc_paused():
                parsed = PUSH_REQUEST.validate_json(body)
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_context=False, include_input=False)
            raise RequestValidationError(
                [{**e, "loc": ("body", *e["loc"])} for e in errors]
            ) from None
        if b"\\u0000" in body:  # JSON spells a NUL character only this way
            refuse_nul(parsed)
        return apply_push(engine, device, parsed, plain=not FLOATS.search(body))

    @app.post("/v1/push", response_model=PushResponse, openapi_extra=PUSH_BODY_DOC)
    async def push(request: Request, authorization: AuthHeader = None) -> PushResponse:
        # The credential is checked before the body is read (the gate did, before this
        # handler ran): nobody without one makes the server hold 64 MB.
        device = await run_in_threadpool(device_of, request, authorization)
        # The body is parsed here rather than by FastAPI: pydantic's own JSON parser,
        # straight into dicts, is several times faster for a push of thousands of rows.
        body = await request.body()
        return await run_in_threadpool(apply, request, body, device)

    @app.post("/v1/audit")
    def audit(request: Request, body: AuditPush, authorization: AuthHeader = None) -> AuditAnswer:
        device = device_of(request, authorization)
        check_body(body)
        return store_audit(engine, device, body)

    @app.get("/v1/pull", response_model=PullResponse)
    def pull(
        request: Request,
        after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
        policy_after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
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
        return admin.list_conflicts(engine, scope=device.scope, open_only=open_only, viewer=device)

    @app.post("/v1/conflicts/resolve")
    def resolve(
        request: Request, body: ResolveRequest, authorization: AuthHeader = None
    ) -> ResolveResponse:
        device = device_of(request, authorization)
        check_body(body)
        return resolve_conflicts(engine, device, body.resolutions)

    add_attachment_routes(app, engine, device_of, chunk_size=chunk_size)

    app.add_middleware(Gate, engine=engine, device_limit=max_body, rate=rate)
    app.add_middleware(Shield)  # added last: outermost, around the gate too
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
