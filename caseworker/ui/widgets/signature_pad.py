"""A signature pad: sign with a mouse, a pen or a finger; the result is a PNG image."""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

INK = QColor("#0b1f66")


class SignaturePad(QWidget):
    """Draws strokes onto a white image; ``signed`` turns true with the first stroke."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setMinimumSize(QSize(480, 180))
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._image = QImage(self.size(), QImage.Format.Format_ARGB32)
        self._image.fill(Qt.GlobalColor.white)
        self._last: QPointF | None = None
        self.strokes = 0

    @property
    def signed(self) -> bool:
        return self.strokes > 0

    def clear(self) -> None:
        self._image.fill(Qt.GlobalColor.white)
        self.strokes = 0
        self.update()
        self.changed.emit()

    def png(self) -> bytes:
        """The signature as PNG bytes."""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; str works
        buffer.close()
        return bytes(data.data())

    # drawing --------------------------------------------------------------------------------
    def _begin(self, point: QPointF) -> None:
        self._last = point
        self.strokes += 1

    def _line_to(self, point: QPointF, pressure: float = 1.0) -> None:
        if self._last is None:
            self._begin(point)
            return
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = 1.5 + 2.5 * max(0.2, min(pressure, 1.0))
        pen = QPen(
            INK, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
        )
        painter.setPen(pen)
        painter.drawLine(self._last, point)
        painter.end()
        self._last = point
        self.update()

    def _end(self) -> None:
        self._last = None
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._line_to(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._line_to(event.position())
        self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._line_to(event.position(), event.pressure())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._end()
        event.accept()

    def event(self, event: object) -> bool:
        if isinstance(event, QTouchEvent) and event.points():
            point = event.points()[0].position()
            if event.type() == QTouchEvent.Type.TouchBegin:
                self._begin(point)
            elif event.type() == QTouchEvent.Type.TouchUpdate:
                self._line_to(point)
            else:
                self._end()
            event.accept()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.drawImage(0, 0, self._image)
        painter.setPen(QPen(QColor("#9aa0a6"), 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.75)
        painter.drawLine(20, baseline, self.width() - 20, baseline)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        if (
            event.size().width() > self._image.width()
            or event.size().height() > self._image.height()
        ):
            bigger = QImage(
                event.size().expandedTo(self._image.size()), QImage.Format.Format_ARGB32
            )
            bigger.fill(Qt.GlobalColor.white)
            painter = QPainter(bigger)
            painter.drawImage(0, 0, self._image)
            painter.end()
            self._image = bigger
        super().resizeEvent(event)


class SignatureDialog(QDialog):
    """Ask one person to sign; ``png`` holds the signature once accepted."""

    def __init__(self, signer: str, document: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signature"))
        self.png: bytes | None = None
        self.pad = SignaturePad()
        prompt = QLabel(
            self.tr("{signer}, please sign below for: {document}").format(
                signer=signer, document=document
            )
        )
        prompt.setWordWrap(True)
        clear = QPushButton(self.tr("Clear"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Confirm signature"))
        ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.pad)
        layout.addWidget(clear)
        layout.addWidget(self.buttons)
        clear.clicked.connect(self.pad.clear)
        self.pad.changed.connect(lambda: ok.setEnabled(self.pad.signed))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def _accept(self) -> None:
        if self.pad.signed:
            self.png = self.pad.png()
            self.accept()
