"""An attachment at full size: zoom, fit and turn it to read it (the file itself never
changes), go to the next or previous one, or save a copy where the user chooses.

A PDF is not opened in another program: that would leave the decrypted file on disk. Its
pages are counted here, and it can be saved as a copy.
"""

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QTransform
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from caseworker.domain.evidence import Attachment
from caseworker.ui import ask
from caseworker.ui.labels import label
from caseworker.ui.widgets.guarded import fit_to_screen

ZOOM_STEP = 1.25
FIT_MARGIN = 8

# An attachment's file as it was added (None: not arrived from the county yet).
Load = Callable[[Attachment], bytes | None]


class EvidenceViewer(QDialog):
    """``attachments`` shown one at a time from ``index``; ``describe`` gives each one's
    line (kind, member, date) and ``page_icon`` the picture shown for a PDF."""

    def __init__(
        self,
        attachments: Sequence[Attachment],
        index: int,
        *,
        load: Load,
        describe: Callable[[Attachment], str],
        page_icon: Callable[[Attachment], QPixmap],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.attachments = list(attachments)
        self.index = index
        self._load = load
        self._describe = describe
        self._page_icon = page_icon
        self.content: bytes | None = None
        self.original = QPixmap()
        self.zoom = 1.0
        self.rotation = 0  # degrees, for viewing only
        self.fitting = True
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QScrollArea()
        self.area.setWidget(self.picture)
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.buttons = {
            key: QPushButton()
            for key in ("previous", "next", "zoom_in", "zoom_out", "fit", "left", "right", "save")
        }
        row = QHBoxLayout()
        for key, button in self.buttons.items():
            row.addWidget(button)
            if key in ("next", "fit", "right"):
                row.addSpacing(12)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.area, 1)
        layout.addLayout(row)
        b = self.buttons
        b["previous"].clicked.connect(lambda: self.go(-1))
        b["next"].clicked.connect(lambda: self.go(1))
        b["zoom_in"].clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        b["zoom_out"].clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        b["fit"].clicked.connect(self.fit)
        b["left"].clicked.connect(lambda: self.rotate(-90))
        b["right"].clicked.connect(lambda: self.rotate(90))
        b["save"].clicked.connect(lambda: self.save_copy(None))
        self.retranslate()
        fit_to_screen(self, 900, 700)
        self.show_current()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Evidence"))
        words = {
            "previous": self.tr("\u25c0 Previous"),
            "next": self.tr("Next \u25b6"),
            "zoom_in": self.tr("Zoom in"),
            "zoom_out": self.tr("Zoom out"),
            "fit": self.tr("Fit"),
            "left": self.tr("Turn left"),
            "right": self.tr("Turn right"),
            "save": self.tr("Save a copy\u2026"),
        }
        for key, text in words.items():
            self.buttons[key].setText(text)

    @property
    def current(self) -> Attachment:
        return self.attachments[self.index]

    def go(self, step: int) -> None:
        """The next (1) or previous (-1) attachment."""
        index = self.index + step
        if 0 <= index < len(self.attachments):
            self.index = index
            self.show_current()

    def show_current(self) -> None:
        a = self.current
        self.caption.setText(self._describe(a))
        self.content = self._load(a)
        self.rotation, self.zoom, self.fitting = 0, 1.0, True
        self.original = QPixmap()
        if self.content is not None and a.media_type.is_image:
            self.original.loadFromData(self.content)
        self.buttons["previous"].setEnabled(self.index > 0)
        self.buttons["next"].setEnabled(self.index < len(self.attachments) - 1)
        image = not self.original.isNull()
        for key in ("zoom_in", "zoom_out", "fit", "left", "right"):
            self.buttons[key].setEnabled(image)
        self.buttons["save"].setEnabled(self.content is not None)
        self._draw()

    def _draw(self) -> None:
        a = self.current
        if self.original.isNull():
            self.picture.setPixmap(self._page_icon(a))
            if self.content is None:
                text = self.tr("This file has not arrived from the county yet.")
            elif a.media_type.is_image:
                text = self.tr("This picture cannot be shown.")
            else:
                text = self.tr(  # the caption above says "PDF, n pages"
                    "To keep the file private it is not opened in another program; save a "
                    "copy to read or print it."
                )
            self.caption.setText(f"{self._describe(a)}\n{text}")
            return
        turned = self.original.transformed(
            QTransform().rotate(self.rotation), Qt.TransformationMode.SmoothTransformation
        )
        if self.fitting:
            room = self.area.viewport().size()  # less a margin, or scroll bars appear
            width, height = room.width() - FIT_MARGIN, room.height() - FIT_MARGIN
            self.zoom = min(1.0, width / max(turned.width(), 1), height / max(turned.height(), 1))
        shown = turned.scaled(
            max(1, int(turned.width() * self.zoom)),
            max(1, int(turned.height() * self.zoom)),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.picture.setPixmap(shown)

    def zoom_by(self, factor: float) -> None:
        self.fitting = False
        self.zoom = min(8.0, max(0.05, self.zoom * factor))
        self._draw()

    def fit(self) -> None:
        self.fitting = True
        self._draw()

    def rotate(self, degrees: int) -> None:
        """Turn the picture as shown (the attachment is not changed)."""
        self.rotation = (self.rotation + degrees) % 360
        self._draw()

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.fitting and not self.original.isNull():
            self._draw()

    def save_copy(self, path: Path | None) -> Path | None:
        """Write the file where the user chooses (asked when ``path`` is None)."""
        if self.content is None:
            return None
        a = self.current
        suffix = {"image/jpeg": ".jpg", "image/png": ".png"}.get(a.media_type.value, ".pdf")
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save a copy"),
                f"{label(a.kind)}-{a.taken_on.isoformat()}{suffix}",
                self.tr("Files (*{suffix})").format(suffix=suffix),
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            path.write_bytes(self.content)
        except OSError as exc:
            ask.warn(
                self,
                self.tr("Not saved"),
                self.tr("The copy could not be written: {error}").format(error=exc.strerror or exc),
            )
            return None
        return path
