"""The eligibility panel: one card per program with its status, amount and reasons (met
and unmet, each citing the dated policy parameter), and the information still needed,
each item a link to the field to fill in."""

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.codes import APPLICATION_PROGRAMS, Program
from caseworker.domain.evidence import ChecklistItem
from caseworker.eligibility.findings import STATUS_LABELS, Finding, Reason, Screening, Status
from caseworker.eligibility.reading import basis_lines, plain_sentence
from caseworker.ui.i18n import is_chinese
from caseworker.ui.labels import label, yuan

STATUS_COLOURS = {
    Status.LIKELY_ELIGIBLE: "#1b7f3b",
    Status.CONTINUE: "#1b5e9f",
    Status.EXIT: "#b35c00",
    Status.NEEDS_INFORMATION: "#8a6d00",
    Status.NOT_ELIGIBLE: "#6b6b6b",
}


def status_words(status: Status) -> str:
    zh, en = STATUS_LABELS[status]
    return zh if is_chinese() else en


def reason_text(reason: Reason) -> str:
    return reason.text_zh if is_chinese() else reason.text_en


def sentence(reason: Reason) -> str:
    """A reason's sentence in the app's language, without its citation (the card shows
    the citation on its own line)."""
    return plain_sentence(reason, "zh" if is_chinese() else "en")


def citation(reason: Reason) -> str:
    """The parameters a reason used, by key, value, date and document (for county staff,
    in a tooltip)."""
    lines = []
    for p in reason.parameters:
        day = p.effective_from.isoformat()
        line = (
            f"{p.name} = {p.value}（{day}起）"
            if is_chinese()
            else f"{p.name} = {p.value} (from {day})"
        )
        lines.append(f"{line}\n    {p.ref}")
    return "\n".join(lines)


class FindingCard(QFrame):
    """One program's finding."""

    apply_clicked = Signal(object)  # Program
    field_clicked = Signal(str)  # a field path, e.g. "members[1].incomes"

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        colour = STATUS_COLOURS[finding.status]
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"FindingCard {{ border-left: 4px solid {colour}; }}")
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.title = QLabel(f"<b>{label(finding.program)}</b>")
        self.status = QLabel(
            f"<span style='color:{colour}'><b>{status_words(finding.status)}</b></span>"
        )
        header.addWidget(self.title)
        header.addStretch()
        header.addWidget(self.status)
        layout.addLayout(header)
        amount = self._amount()
        if amount:
            layout.addWidget(QLabel(amount))
        self.reasons: list[QLabel] = []
        self.bases: list[QLabel] = []
        for reason in finding.reasons:
            mark = "✓" if reason.met else "✗"
            line = QLabel(f"{mark} {sentence(reason)}")
            line.setWordWrap(True)
            line.setStyleSheet("color: #1b7f3b;" if reason.met else "color: #9b1c1c;")
            layout.addWidget(line)
            self.reasons.append(line)
            if reason.parameters:
                layout.addWidget(self._basis(reason))
        self.missing: list[QLabel] = []
        for item in finding.missing:
            text = item.text_zh if is_chinese() else item.text_en
            words = self.tr("To collect: {what}").format(what=text)
            link = QLabel(f"<a href='{item.field}'>{words}</a>")
            link.setWordWrap(True)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
            link.linkActivated.connect(self.field_clicked.emit)
            layout.addWidget(link)
            self.missing.append(link)
        self.apply: QPushButton | None = None
        self.nothing_to_gain: QLabel | None = None
        if finding.program in APPLICATION_PROGRAMS and finding.status is Status.LIKELY_ELIGIBLE:
            if self._comes_to_nothing():
                self.nothing_to_gain = QLabel(
                    self.tr(
                        "By the local rules the amount comes to 0.00 yuan (see the calculation "
                        "above), so an application would bring the household nothing now."
                    )
                )
                self.nothing_to_gain.setWordWrap(True)
                self.nothing_to_gain.setStyleSheet("color: #6b6b6b;")
                layout.addWidget(self.nothing_to_gain)
            else:
                self.apply = QPushButton(self.tr("Start an application"))
                self.apply.clicked.connect(lambda: self.apply_clicked.emit(finding.program))
                layout.addWidget(self.apply)

    def _basis(self, reason: Reason) -> QLabel:
        """What a reason rests on, behind a 依据 link that opens it: each parameter by its
        name, with its value in words, the day it applies from and its document; the
        parameters' keys only in the tooltip, for county staff."""
        lines = basis_lines(reason, "zh" if is_chinese() else "en")
        shown = "<br>".join(escape(line) for line in lines)
        word = self.tr("Basis")
        closed = f"<a href='open'>{word} ▸</a>"
        opened = f"<a href='close'>{word} ▾</a><br>{shown}"
        basis = QLabel(closed)
        basis.setWordWrap(True)
        basis.setStyleSheet("color: #5f6368; margin-left: 14px;")  # grows with the type size
        basis.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        basis.setToolTip(citation(reason))
        basis.linkActivated.connect(
            lambda link: basis.setText(opened if link == "open" else closed)
        )
        self.bases.append(basis)
        return basis

    def _comes_to_nothing(self) -> bool:
        """An amount was computed and it is zero (not: no amount known yet)."""
        amounts = [a for a in (self.finding.monthly_fen, self.finding.one_off_fen) if a is not None]
        return bool(amounts) and not any(amounts)

    def _amount(self) -> str:
        f = self.finding
        if f.monthly_fen is not None:
            return self.tr("About {amount} a month").format(amount=yuan(f.monthly_fen))
        if f.one_off_fen is not None:
            return self.tr("About {amount} once").format(amount=yuan(f.one_off_fen))
        return ""


class EligibilityPanel(QScrollArea):
    """All findings of a screening, the likely ones first."""

    apply_clicked = Signal(object)
    field_clicked = Signal(str)

    ORDER = (
        Status.LIKELY_ELIGIBLE,
        Status.CONTINUE,
        Status.EXIT,
        Status.NEEDS_INFORMATION,
        Status.NOT_ELIGIBLE,
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(280)
        self.screening: Screening | None = None
        self.missing_evidence: list[ChecklistItem] = []
        self.evidence_section: QLabel | None = None
        self.cards: list[FindingCard] = []
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)

    def show_screening(self, screening: Screening | None) -> None:
        self.screening = screening
        self._show()

    def show_missing_evidence(self, items: list[ChecklistItem]) -> None:
        """The documents the applications under way still lack (需补充材料)."""
        self.missing_evidence = list(items)
        self._show()

    def _evidence_section(self) -> QLabel | None:
        if not self.missing_evidence:
            return None
        zh = is_chinese()
        # A document asked by two programs is listed once.
        texts = dict.fromkeys(i.text_zh if zh else i.text_en for i in self.missing_evidence)
        lines = "".join(f"<li>{escape(text)}</li>" for text in texts)
        title = self.tr("Documents still needed")
        section = QLabel(
            f"<b>{title}</b><ul style='margin-left: -20px; color: #9b1c1c;'>{lines}</ul>"
        )
        section.setWordWrap(True)
        section.setFrameShape(QFrame.Shape.StyledPanel)
        section.setStyleSheet("QLabel { border-left: 4px solid #9b1c1c; padding: 4px; }")
        return section

    def card(self, program: Program) -> FindingCard | None:
        return next((c for c in self.cards if c.finding.program is program), None)

    def _show(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = QLabel()
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.cards = []
        s = self.screening
        if s is None:
            heading.setText(self.tr("No screening yet."))
        else:
            # The pack's code is for county staff: in the tooltip, not in the sentence.
            heading.setText(
                self.tr(
                    "<b>Eligibility</b> on {day}, under the county's policy ({version})"
                ).format(day=s.on.isoformat(), version=s.policy.version)
            )
            heading.setToolTip(f"{s.policy.id} {s.policy.version}")
        # What the applications under way still lack comes first: it is work to do now.
        self.evidence_section = self._evidence_section()
        if self.evidence_section is not None:
            layout.addWidget(self.evidence_section)
        if s is not None:
            for finding in sorted(s.findings, key=lambda f: self.ORDER.index(f.status)):
                card = FindingCard(finding)
                card.apply_clicked.connect(self.apply_clicked.emit)
                card.field_clicked.connect(self.field_clicked.emit)
                layout.addWidget(card)
                self.cards.append(card)
        layout.addStretch()
        self.heading = heading
        self.setWidget(body)
