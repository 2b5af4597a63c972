"""TLS for the county connection: system trust, or a county certificate pinned at
enrollment; plain HTTP only to this machine (loopback), for tests."""

import hashlib
import ipaddress
import ssl
import unicodedata
from functools import cache
from urllib.parse import urlsplit

from caseworker.domain.errors import BilingualError


class InsecureServer(BilingualError, ValueError):
    """A server address the client refuses to use (message in Chinese and English)."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """The server URL without a trailing slash, if it is https, or http to loopback."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url.rstrip("/")
    if parts.scheme == "http" and parts.hostname and is_loopback(parts.hostname):
        return url.rstrip("/")
    raise InsecureServer(
        f"服务器地址“{url}”必须使用https（http仅限本机测试）",
        f"server address '{url}' must use https (plain http only to this machine)",
    )


def fingerprint(der: bytes) -> str:
    """SHA-256 of a certificate (DER), as lowercase hex: the pin a county hands out."""
    return hashlib.sha256(der).hexdigest()


def pem_fingerprint(pem: str) -> str:
    return fingerprint(ssl.PEM_cert_to_DER_cert(pem))


def normalize_pin(pin: str) -> str:
    """A pin as typed or pasted, in the form ``fingerprint`` gives: full-width characters
    (typed with a Chinese input method) made plain, colons, dashes and spaces left out."""
    plain = unicodedata.normalize("NFKC", pin)
    return "".join(ch for ch in plain if not ch.isspace() and ch not in ":-").lower()


def fetch_certificate(url: str, *, timeout: float = 10.0) -> str:
    """The certificate (PEM) a TLS server presents, unverified: only for comparing with a
    pin the county handed out on paper or in the enrollment QR code."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    return ssl.get_server_certificate((host, port), timeout=timeout)


@cache
def _system_context() -> ssl.SSLContext:
    # Loading the system's CAs takes a noticeable part of a second: once per process.
    return ssl.create_default_context()


def client_context(pinned_pem: str | None) -> ssl.SSLContext:
    """Trust only the pinned county certificate, if there is one; else the system's CAs."""
    if pinned_pem is None:
        return _system_context()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_verify_locations(cadata=pinned_pem)
    return context
