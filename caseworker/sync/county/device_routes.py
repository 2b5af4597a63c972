"""The county API's device routes: the health check, enrolment with a one-time code, a
device's signing key, and who a credential belongs to."""

from fastapi import FastAPI, Request
from sqlalchemy import Engine

from caseworker import __version__
from caseworker.sync.county.auth import redeem, register_signing_key
from caseworker.sync.county.pending_key import county_pending_key
from caseworker.sync.county.request_checks import AuthHeader, DeviceOf, check_body
from caseworker.sync.schemas import (
    PROTOCOL,
    DeviceKeyAnswer,
    DeviceKeyRequest,
    EnrollRequest,
    EnrollResponse,
)


def add_device_routes(app: FastAPI, engine: Engine, device_of: DeviceOf) -> None:
    """Register the health check and the routes of a device's enrolment and identity on
    ``app``."""

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
