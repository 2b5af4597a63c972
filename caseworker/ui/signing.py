"""Electronic signatures: the authorisation signed by every adult member, and a visit
signed by its investigators. Each signature is stored with the signer, the time and the
version of the document signed, so a later change to the document asks for a new one."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.idnumber import age_on
from caseworker.domain.records import Household
from caseworker.operations.findings import CurrentFindings
from caseworker.printing.documents import document_ref, document_version
from caseworker.printing.loading import region_names
from caseworker.store.db import Store
from caseworker.store.signatures import SignerRole, document_signatures, save_signature
from caseworker.ui.widgets.signature_pad import SignatureDialog

AUTHORIZATION = "authorization"
INVESTIGATION = "investigation"
ADULT_AGE = 18

# Asks one person to sign; the PNG, or None if they did not. Tests put a pen in its place.
AskSignature = Callable[[str, str, QWidget | None], bytes | None]


def ask_on_pad(signer: str, document: str, parent: QWidget | None) -> bytes | None:
    dialog = SignatureDialog(signer, document, parent)
    return dialog.png if dialog.exec() == QDialog.DialogCode.Accepted else None


def _version(store: Store, form: str, household: Household, on: date, visit_id: str | None) -> str:
    findings = CurrentFindings.of_store(store, on)
    with store.read() as conn:
        regions = region_names(conn)
        screening = findings(conn, household)
    return document_version(
        form, household, regions=regions, screening=screening, visit_id=visit_id, on=on
    )


def sign_visit(
    store: Store,
    household: Household,
    visit_id: str,
    investigators: list[str],
    *,
    on: date,
    ask: AskSignature = ask_on_pad,
    parent: QWidget | None = None,
) -> int:
    """Ask each investigator to sign the saved visit; how many signed."""
    kind, document_id = document_ref(INVESTIGATION, household, visit_id)
    version = _version(store, INVESTIGATION, household, on, visit_id)
    title = QCoreApplication.translate("Signing", "Household investigation form")
    signed = 0
    for name in investigators:
        image = ask(name, title, parent)
        if image is None:
            continue
        with store.begin() as conn:
            save_signature(
                conn,
                household_id=household.id,
                signer_name=name,
                signer_role=SignerRole.INVESTIGATOR,
                document_kind=kind,
                document_id=document_id,
                document_sha256=version,
                image_png=image,
                device_id=store.device_id,
            )
        signed += 1
    return signed


class AuthorizationDialog(QDialog):
    """Every adult member signs the authorisation to check family finances."""

    def __init__(
        self,
        store: Store,
        household: Household,
        *,
        on: date,
        ask: AskSignature = ask_on_pad,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.household = household
        self.on = on
        self.ask = ask
        self.setWindowTitle(self.tr("Authorisation to check family finances"))
        self.kind, self.document_id = document_ref(AUTHORIZATION, household)
        self.version = _version(store, AUTHORIZATION, household, on, None)
        self.rows: dict[str, tuple[QLabel, QPushButton]] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Every member aged 18 or over signs; the signature and the time are printed "
                "on the authorisation."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for member in household.members:
            if age_on(member.birth_date, on) < ADULT_AGE:
                continue
            state = QLabel()
            button = QPushButton(self.tr("Sign"))
            button.clicked.connect(lambda _=False, m=member: self.sign(m.id))
            row = QHBoxLayout()
            row.addWidget(QLabel(member.name))
            row.addWidget(state, 1)
            row.addWidget(button)
            layout.addLayout(row)
            self.rows[member.id] = (state, button)
        close = QPushButton(self.tr("Done"))
        close.clicked.connect(self.accept)
        layout.addWidget(close)
        self.refresh()

    def signed_members(self) -> set[str]:
        """Members with a signature on the current version of the authorisation."""
        with self.store.read() as conn:
            found = document_signatures(conn, self.kind, self.document_id)
        return {s.member_id for s in found if s.member_id and s.document_sha256 == self.version}

    def refresh(self) -> None:
        done = self.signed_members()
        for member_id, (state, button) in self.rows.items():
            state.setText(self.tr("signed") if member_id in done else self.tr("not signed yet"))
            button.setText(self.tr("Sign again") if member_id in done else self.tr("Sign"))

    def sign(self, member_id: str) -> bool:
        member = next(m for m in self.household.members if m.id == member_id)
        image = self.ask(member.name, self.windowTitle(), self)
        if image is None:
            return False
        with self.store.begin() as conn:
            save_signature(
                conn,
                household_id=self.household.id,
                signer_name=member.name,
                signer_role=SignerRole.MEMBER,
                document_kind=self.kind,
                document_id=self.document_id,
                document_sha256=self.version,
                image_png=image,
                device_id=self.store.device_id,
                member_id=member.id,
            )
        self.refresh()
        return True
