"""HTTP to the county server (httpx): the credential, TLS pinning and error reporting."""

import json
from typing import Any

import httpx

from caseworker.domain.errors import BilingualError
from caseworker.store.db import Store
from caseworker.sync.tls import check_url, client_context, fingerprint, pem_fingerprint

SERVER = "sync.server"
CREDENTIAL = "sync.credential"
SCOPE = "sync.scope"
WORKER = "sync.worker"
ROLE = "sync.role"
CERT = "sync.cert_pem"
# The laptop's Ed25519 private key that signs its pending-changes files (base64; inside the
# store, which is encrypted, like the credential), and the county's public key they are
# encrypted to.
SIGNING_KEY = "sync.signing_key"
COUNTY_KEY = "sync.county_key"


class SyncError(BilingualError):
    """The sync could not go on; message in Chinese and English. Nothing is lost: what was
    not answered is sent again next time."""

    def __init__(self, zh: str, en: str, *, status: int | None = None) -> None:
        super().__init__(zh, en)
        self.status = status


class CertificateMismatch(SyncError):
    """The server presented a certificate other than the one the county's pin names (or
    the one pinned at enrollment): possibly an impostor; nothing was sent."""


class Connection:
    """One sync session's HTTP client to the county."""

    def __init__(
        self,
        url: str,
        *,
        credential: str | None,
        pinned_pem: str | None = None,
        timeout: float = 60.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = check_url(url)
        headers = {"Authorization": f"Bearer {credential}"} if credential else {}
        # Plain HTTP is allowed on loopback only (check_url) and needs no certificates:
        # httpx's default would load the whole CA bundle, a quarter of a second a sync.
        verify: Any = client_context(pinned_pem) if self.url.startswith("https") else False
        self.pin = pem_fingerprint(pinned_pem) if pinned_pem else None
        self.client = httpx.Client(
            base_url=self.url,
            headers=headers,
            timeout=timeout,
            verify=verify,
            transport=transport,
        )

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.client.close()

    def _check_pin(self, response: httpx.Response) -> None:
        if self.pin is None:
            return
        stream = response.extensions.get("network_stream")
        ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
        der = ssl_object.getpeercert(True) if ssl_object is not None else None
        if der is None or fingerprint(der) != self.pin:
            raise CertificateMismatch(
                "服务器证书与注册时记录的不一致，已停止同步",
                "the server certificate is not the one pinned at enrollment; sync stopped",
            )

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """JSON answer of a request; SyncError for a refusal or a broken connection."""
        response = self._send(method, path, **kwargs)
        try:
            return response.json()
        except json.JSONDecodeError as exc:
            raise SyncError("县服务器的回答无法读取", "unreadable answer from the server") from exc

    def request_bytes(self, method: str, path: str, **kwargs: Any) -> bytes:
        """The answer's body as it came (for a caller that parses it itself)."""
        return self._send(method, path, **kwargs).content

    def response(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The whole answer (status below 400), for a caller that reads its headers."""
        return self._send(method, path, **kwargs)

    def _send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self.client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise SyncError(
                f"无法连接县服务器（{exc.__class__.__name__}）",
                f"cannot reach the county server ({exc.__class__.__name__}: {exc})",
            ) from exc
        self._check_pin(response)
        if response.status_code >= 400:
            try:
                body = response.json()
            except json.JSONDecodeError:
                body = {}
            detail = body.get("detail") if isinstance(body, dict) else None
            raise SyncError(
                f"县服务器拒绝了请求（{response.status_code}）：{body.get('reason_zh', detail)}",
                f"the county server refused ({response.status_code}): "
                f"{body.get('reason_en', detail)}",
                status=response.status_code,
            )
        return response


def connect(store: Store, server: str | None = None, **kwargs: Any) -> Connection:
    """A connection with this laptop's credential, to ``server`` or the enrolled one."""
    url = server or store.setting(SERVER)
    credential = store.setting(CREDENTIAL)
    if not url or not credential:
        raise SyncError(
            "本机尚未在县服务器注册（请先运行 caseworker sync enroll）",
            "this laptop is not enrolled with a county server (run caseworker sync enroll)",
        )
    return Connection(url, credential=credential, pinned_pem=store.setting(CERT), **kwargs)
