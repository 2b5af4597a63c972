"""The county API's sync routes: changes pushed, audit entries uploaded, pages of
households pulled, and conflicts listed and resolved."""

import re
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from pydantic import ValidationError
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from caseworker.domain.bulk import gc_paused
from caseworker.sync.county import admin
from caseworker.sync.county.audit_log import store_audit
from caseworker.sync.county.auth import Device
from caseworker.sync.county.pull import pull_page
from caseworker.sync.county.push import apply_push
from caseworker.sync.county.request_checks import (
    MAX_CURSOR,
    AuthHeader,
    DeviceOf,
    check_body,
    refuse_non_finite,
    refuse_nul,
)
from caseworker.sync.county.resolve import resolve_conflicts
from caseworker.sync.schemas import (
    PUSH_REQUEST,
    AuditAnswer,
    AuditPush,
    ConflictOut,
    PullResponse,
    PushResponse,
    ResolveRequest,
    ResolveResponse,
)

# A number with a fraction or an exponent, or NaN or infinity, anywhere in a request (or
# text that looks like one): the request is hashed and stored with the standard library's
# JSON writer, which spells every float as the laptop did.
FLOATS = re.compile(rb"NaN|Infinity|[:,\[]\s*-?[0-9]+[.eE]")
NON_FINITE = re.compile(rb"NaN|Infinity")

PUSH_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}},
    }
}


def _apply(engine: Engine, body: bytes, device: Device) -> PushResponse:
    """Parse a push's body and apply it: refused as FastAPI refuses a body it parses."""
    if NON_FINITE.search(body):
        refuse_non_finite(body)
    try:
        with gc_paused():
            parsed = PUSH_REQUEST.validate_json(body)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in errors]) from None
    if b"\\u0000" in body:  # JSON spells a NUL character only this way
        refuse_nul(parsed)
    return apply_push(engine, device, parsed, plain=not FLOATS.search(body))


def add_sync_routes(app: FastAPI, engine: Engine, device_of: DeviceOf) -> None:
    """Register the routes of pushing, pulling and resolving conflicts on ``app``."""

    @app.post("/v1/push", response_model=PushResponse, openapi_extra=PUSH_BODY_DOC)
    async def push(request: Request, authorization: AuthHeader = None) -> PushResponse:
        # The credential is checked before the body is read (the gate did, before this
        # handler ran): nobody without one makes the server hold 64 MB.
        device = await run_in_threadpool(device_of, request, authorization)
        # The body is parsed here rather than by FastAPI: pydantic's own JSON parser,
        # straight into dicts, is several times faster for a push of thousands of rows.
        body = await request.body()
        return await run_in_threadpool(_apply, engine, body, device)

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

    document_push_body(app)


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
