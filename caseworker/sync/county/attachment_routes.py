"""The county API's attachment routes: uploads begun and their chunks taken, records
pushed, pages of records pulled and content given out chunk by chunk."""

from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import Response
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from caseworker.sync.county.attachment_checks import check_sha256
from caseworker.sync.county.attachment_pull import attachment_page, content_chunk
from caseworker.sync.county.attachment_records import push_records
from caseworker.sync.county.attachment_uploads import start_uploads, take_chunk
from caseworker.sync.county.auth import Refused
from caseworker.sync.county.request_checks import MAX_CURSOR, AuthHeader, DeviceOf, check_body
from caseworker.sync.schemas import (
    MAX_ATTACHMENT_PAGE,
    AttachmentPage,
    AttachmentPush,
    AttachmentPushAnswer,
    ChunkAnswer,
    UploadsAnswer,
    UploadsRequest,
)

# A content's SHA-256 in a path (checked by hand, for a reason in words) and a chunk number.
Sha256Path = Annotated[str, Path(max_length=100)]
ChunkIndex = Annotated[int, Path(ge=0, le=2**31)]


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


CHUNK_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


def add_attachment_routes(
    app: FastAPI, engine: Engine, device_of: DeviceOf, *, chunk_size: int
) -> None:
    """Register the attachment routes on ``app``, content in chunks of ``chunk_size``
    bytes (the app's exception handlers and middleware, the gate's rate limits among
    them, apply to these as to every route)."""

    @app.post("/v1/attachments/uploads")
    def attachment_uploads(
        request: Request, body: UploadsRequest, authorization: AuthHeader = None
    ) -> UploadsAnswer:
        device = device_of(request, authorization)
        check_body(body)
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
        check_body(body)
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
