"""TLS: a self-signed county certificate pinned at enrollment; plain HTTP only on loopback."""

import datetime as dt
import ipaddress
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from caseworker.cli import main
from caseworker.store.db import Store
from caseworker.sync.client import enroll, sync
from caseworker.sync.county.auth import create_enrollment
from caseworker.sync.tls import InsecureServer, check_url, pem_fingerprint
from caseworker.sync.transport import SyncError
from tests.sync.conftest import VILLAGE_A, CountyServer, start_server


def self_signed(folder: Path, name: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / f"{name}.pem", folder / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


@pytest.fixture
def tls_county(tmp_path: Path) -> Iterator[tuple[CountyServer, Path]]:
    cert, key = self_signed(tmp_path, "county")
    server = start_server(
        str(tmp_path / "county.db"),
        tmp_path,
        extra=["--cert", str(cert), "--key", str(key)],
        scheme="https",
    )
    yield server, cert
    server.stop()
    server.engine.dispose()


def test_a_pinned_self_signed_certificate_is_trusted_and_no_other(
    tls_county: tuple[CountyServer, Path],
    laptops: Callable[[str], Store],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    county, cert = tls_county
    assert (
        main(
            [
                "county",
                "enroll",
                "--db",
                county.db,
                "--worker",
                "王建华",
                "--role",
                "village",
                "--scope",
                VILLAGE_A,
                "--cert",
                str(cert),
                "--qr",
                str(tmp_path / "code.png"),
            ]
        )
        == 0
    )
    printed = capsys.readouterr().out
    code = printed.split("code: ")[1].split()[0]
    pin = pem_fingerprint(cert.read_text())
    assert pin in printed and (tmp_path / "code.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    stranger = laptops("stranger")
    other_cert, _ = self_signed(tmp_path, "impostor")
    with pytest.raises(SyncError) as wrong:
        enroll(stranger, county.url, code, pin_sha256=pem_fingerprint(other_cert.read_text()))
    assert "指纹" in wrong.value.zh
    with pytest.raises(SyncError):  # no pin: the system CAs do not know a county's own cert
        enroll(stranger, county.url, code)

    a = laptops("a")
    enroll(a, county.url, code, pin_sha256=pin)  # the code was not used up by the failures
    assert a.setting("sync.cert_pem") == cert.read_text()
    assert sync(a).synced


def test_plain_http_is_only_for_loopback(laptops: Callable[[str], Store]) -> None:
    with pytest.raises(InsecureServer):
        check_url("http://county.example:8765")
    assert check_url("http://127.0.0.1:8765/") == "http://127.0.0.1:8765"
    assert check_url("https://county.example") == "https://county.example"
    assert main(["county", "serve", "--host", "0.0.0.0", "--db", "unused.db"]) == 2


def test_enrollment_codes_are_stored_hashed(tmp_path: Path) -> None:
    from sqlalchemy import select

    from caseworker.sync.county.db import open_county
    from caseworker.sync.county.tables import ENROLLMENT

    engine = open_county(tmp_path / "c.db")
    code = create_enrollment(engine, worker="王建华", role="township", scope="610423100")
    with engine.connect() as conn:
        stored = conn.execute(select(ENROLLMENT.c.code_sha256)).scalar_one()
    assert code.replace("-", "") not in stored and len(stored) == 64
    engine.dispose()
