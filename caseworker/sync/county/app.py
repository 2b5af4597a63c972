"""The county server's HTTP API (FastAPI). OpenAPI docs are served at ``/docs``.

Every refusal is a 4xx with a JSON body naming the reason in Chinese and English; nothing
is stored for a refused request, and the server keeps serving. Refusals of credentials and
scope are logged (table ``refusal`` and the ``caseworker.county`` logger). No log line holds
personal data: unforeseen failures are logged by exception and constraint names only
(``errors``).
"""

import contextlib
import json
import logging
import math
import re
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import FastAPI, Header, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect

from caseworker import __version__
from caseworker.domain.bulk import gc_paused
from caseworker.sync.county import admin
from caseworker.sync.county.attachments import (
    CHUNK_SIZE,
    attachment_page,
    check_sha256,
    content_chunk,
    push_records,
    start_uploads,
    take_chunk,
)
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
from caseworker.sync.county.resolve import resolve_conflicts
from caseworker.sync.schemas import (
    MAX_ATTACHMENT_PAGE,
    PROTOCOL,
    PUSH_REQUEST,
    AttachmentPage,
    AttachmentPush,
    AttachmentPushAnswer,
    AuditAnswer,
    AuditPush,
    ChunkAnswer,
    ConflictOut,
    DeviceKeyAnswer,
    DeviceKeyRequest,
    EnrollRequest,
    EnrollResponse,
    PullResponse,
    PushResponse,
    ResolveRequest,
    ResolveResponse,
    UploadsAnswer,
    UploadsRequest,
)

MAX_BODY = 64 * 1024 * 1024
# Cursors are sequence numbers the server handed out; larger ones fit no database column.
MAX_CURSOR = 2**53
# A number with a fraction or an exponent, or NaN or infinity, anywhere in a request (or
# text that looks like one): the request is hashed and stored with the standard library's
# JSON writer, which spells every float as the laptop did.
FLOATS = re.compile(rb"NaN|Infinity|[:,\[]\s*-?[0-9]+[.eE]")
NON_FINITE = re.compile(rb"NaN|Infinity")
AuthHeader = Annotated[str | None, Header()]
# A content's SHA-256 in a path (checked by hand, for a reason in words) and a chunk number.
Sha256Path = Annotated[str, Path(max_length=100)]
ChunkIndex = Annotated[int, Path(ge=0, le=2**31)]
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


def _checked(body: BaseModel) -> None:
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


class OctetStream(Response):
    media_type = "application/octet-stream"


async def read_chunk(request: Request, limit: int) -> bytes:
    """The body of a chunk upload, refused (413) past ``limit`` bytes before it is read
    whole."""
    length = request.headers.get("content-length")
    too_large = Refused(
        413,
        f"分块过大（每块最多{limit}字节）",
        f"chunk too large (at most {limit} bytes a chunk)",
    )
    if length is not None and length.isdigit() and int(length) > limit:
        raise too_large
    parts: list[bytes] = []
    seen = 0
    try:
        async for part in request.stream():
            seen += len(part)
            if seen > limit:
                raise too_large
            parts.append(part)
    except ClientDisconnect:  # the connection broke half-way: nothing is stored
        raise Refused(
            400, "连接中断，分块未收完", "the connection broke before the chunk arrived whole"
        ) from None
    return b"".join(parts)


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
        _checked(body)
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
        _checked(body)
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
        _checked(body)
        return resolve_conflicts(engine, device, body.resolutions)

    @app.post("/v1/attachments/uploads")
    def attachment_uploads(
        request: Request, body: UploadsRequest, authorization: AuthHeader = None
    ) -> UploadsAnswer:
        device = device_of(request, authorization)
        _checked(body)
        return start_uploads(engine, device, body.contents, chunk_size)

    @app.put(
        "/v1/attachments/uploads/{sha256}/{index}",
        response_model=ChunkAnswer,
        openapi_extra=CHUNK_BODY_DOC,
    )
    async def attachment_chunk(
        request: Request, sha256: Sha256Path, index: ChunkIndex, authorization: AuthHeader = None
    ) -> ChunkAnswer:
        device = await run_in_threadpool(device_of, request, authorization)
        check_sha256(sha256)
        data = await read_chunk(request, chunk_size)
        return await run_in_threadpool(take_chunk, engine, device, sha256, index, data)

    @app.post("/v1/attachments/records")
    def attachment_records(
        request: Request, body: AttachmentPush, authorization: AuthHeader = None
    ) -> AttachmentPushAnswer:
        device = device_of(request, authorization)
        _checked(body)
        return push_records(engine, device, body.attachments)

    @app.get("/v1/attachments/pull", response_model=AttachmentPage)
    def attachment_pull(
        request: Request,
        after: Annotated[int, Query(ge=0, le=MAX_CURSOR)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_ATTACHMENT_PAGE)] = 200,
        authorization: AuthHeader = None,
    ) -> Any:
        device = device_of(request, authorization)
        return attachment_page(engine, device, after=after, limit=limit)

    @app.get(
        "/v1/attachments/content/{sha256}/{index}",
        response_class=OctetStream,
        responses={
            200: {
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
                "description": "chunk ``index`` of the content; headers X-Content-Size, "
                "X-Chunk-Size and X-Chunks say how the content is cut",
            }
        },
    )
    def attachment_content(
        request: Request, sha256: Sha256Path, index: ChunkIndex, authorization: AuthHeader = None
    ) -> Response:
        device = device_of(request, authorization)
        chunk = content_chunk(engine, device, sha256, index)
        return OctetStream(
            chunk.data,
            headers={
                "X-Content-Size": str(chunk.size),
                "X-Chunk-Size": str(chunk.chunk_size),
                "X-Chunks": str(chunk.chunks),
            },
        )

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


CHUNK_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
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
