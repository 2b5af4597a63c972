"""What went wrong with the county, in the specialist's words: every failure of enrolling
or syncing (``SyncError`` with its HTTP status, ``CertificateMismatch``, ``InsecureServer``,
a broken connection or an unexpected error) becomes a sentence saying what happened and
what to do, and, for enrolling, which field it is about.

The server's own reason text is never shown as it came: it is decided here from the
status and the kind of failure, so a wrong or hostile server cannot put its words (or
English developer text) on the page.
"""

import ssl
from enum import StrEnum

import httpx

from PySide6.QtCore import QCoreApplication

from caseworker.sync.tls import InsecureServer
from caseworker.sync.transport import CertificateMismatch, SyncError

X509_HOSTNAME_MISMATCH = 62  # OpenSSL's verify code: the certificate names another host


class Field(StrEnum):
    """The enrollment field a problem is shown under."""

    SERVER = "server"
    CODE = "code"
    PIN = "pin"


def _cause(error: BaseException, kind: type[BaseException]) -> BaseException | None:
    """The first exception of ``kind`` in the chain that led to ``error``."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, kind):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _certificate_problem(error: BaseException) -> ssl.SSLCertVerificationError | None:
    found = _cause(error, ssl.SSLCertVerificationError)
    return found if isinstance(found, ssl.SSLCertVerificationError) else None


def _timed_out(error: BaseException) -> bool:
    return _cause(error, httpx.TimeoutException) is not None or (
        _cause(error, TimeoutError) is not None
    )


def enroll_problem(error: BaseException, *, pinned: bool) -> tuple[Field, str]:
    """The field and the sentence for a failed enrollment (``pinned``: a fingerprint was
    given)."""
    if isinstance(error, InsecureServer):
        return Field.SERVER, QCoreApplication.translate(
            "SyncErrors",
            "The address must begin with https:// (as on the enrollment sheet from the county).",
        )
    if isinstance(error, CertificateMismatch):
        return Field.PIN, QCoreApplication.translate(
            "SyncErrors",
            "This fingerprint does not match the server's certificate. Check it character by "
            "character against the enrollment sheet. If it is right, this may not be the "
            "county's server: do not connect, and call the county civil affairs bureau.",
        )
    certificate = _certificate_problem(error)
    if certificate is not None:
        if certificate.verify_code == X509_HOSTNAME_MISMATCH:
            return Field.SERVER, QCoreApplication.translate(
                "SyncErrors",
                "The server's certificate is for another address. Type the server address "
                "exactly as it is on the enrollment sheet.",
            )
        if pinned:
            return Field.PIN, QCoreApplication.translate(
                "SyncErrors",
                "The server's certificate could not be checked against this fingerprint. "
                "Check the fingerprint against the enrollment sheet, or call the county.",
            )
        return Field.PIN, QCoreApplication.translate(
            "SyncErrors",
            "The county server's certificate cannot be checked without its fingerprint. "
            "Enter the certificate fingerprint from the enrollment sheet.",
        )
    if isinstance(error, SyncError):
        if error.status == 401:
            return Field.CODE, QCoreApplication.translate(
                "SyncErrors",
                "The county does not accept this enrollment code: it is wrong or has expired "
                "(a code is valid for 72 hours). Check it against the sheet, or ask the county "
                "for a new one.",
            )
        if error.status == 409:
            return Field.CODE, QCoreApplication.translate(
                "SyncErrors",
                "This enrollment code has already been used (each code works once). Ask the "
                "county for a new one.",
            )
        if error.status == 422:
            return Field.CODE, QCoreApplication.translate(
                "SyncErrors",
                "This does not look like an enrollment code. Check it against the sheet.",
            )
        if error.status is None:
            if _timed_out(error):
                return Field.SERVER, QCoreApplication.translate(
                    "SyncErrors",
                    "The county server did not answer in time. Check the network connection "
                    "and the address, then try again.",
                )
            return Field.SERVER, QCoreApplication.translate(
                "SyncErrors",
                "The county server cannot be reached at this address. Check the network "
                "connection and the address, then try again.",
            )
        if error.status in (404, 405) or error.status >= 500:
            return Field.SERVER, QCoreApplication.translate(
                "SyncErrors",
                "There is no working county sync server at this address. Check the address "
                "against the enrollment sheet, or call the county.",
            )
        return Field.SERVER, QCoreApplication.translate(
            "SyncErrors", "The county server refused to enroll this laptop."
        )
    return Field.SERVER, QCoreApplication.translate(
        "SyncErrors",
        "Enrolling stopped because of an unexpected problem in the program. Try again; if "
        "it happens again, call the county.",
    )


def sync_problem(error: BaseException) -> str:
    """The sentence for a sync that stopped; it always says that nothing was lost."""
    kept = QCoreApplication.translate(
        "SyncErrors", "Nothing is lost: every change stays on this laptop and is sent next time."
    )
    return QCoreApplication.translate("SyncErrors", "{what} {kept}").format(
        what=_sync_what(error), kept=kept
    )


def _sync_what(error: BaseException) -> str:
    if isinstance(error, CertificateMismatch) or _certificate_problem(error) is not None:
        return QCoreApplication.translate(
            "SyncErrors",
            "The server's certificate is not the one this laptop was enrolled with, so "
            "nothing was sent. If the county has a new certificate, enroll again with a new "
            "code; otherwise call the county.",
        )
    if isinstance(error, SyncError):
        status = error.status
        if status is None:
            if _timed_out(error):
                return QCoreApplication.translate(
                    "SyncErrors", "The county server did not answer in time."
                )
            return QCoreApplication.translate(
                "SyncErrors", "The county server cannot be reached. Check the network connection."
            )
        if status == 401:
            return QCoreApplication.translate(
                "SyncErrors",
                "The county no longer accepts this laptop (it may have been revoked). Ask the "
                "county for a new enrollment code and enroll again.",
            )
        if status == 403:
            return QCoreApplication.translate(
                "SyncErrors",
                "The county refused a record outside the area this laptop works for. Call "
                "the county.",
            )
        if status == 409:
            return QCoreApplication.translate(
                "SyncErrors",
                "The county refused this laptop's record of work (it does not continue what "
                "the county holds). Call the county.",
            )
        if status == 413:
            return QCoreApplication.translate(
                "SyncErrors", "What was sent was too large for the county server. Call the county."
            )
        if status >= 500:
            return QCoreApplication.translate(
                "SyncErrors", "The county server has a problem. Try again later."
            )
        return QCoreApplication.translate(
            "SyncErrors", "The county server refused what was sent. Call the county."
        )
    if isinstance(error, InsecureServer):
        return QCoreApplication.translate(
            "SyncErrors", "The saved server address is not safe to use. Enroll again."
        )
    return QCoreApplication.translate(
        "SyncErrors", "The sync stopped because of an unexpected problem in the program."
    )
