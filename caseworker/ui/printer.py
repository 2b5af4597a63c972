"""Sending a finished PDF to a printer the user chooses in the system's print dialog."""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


def print_document(parent: QWidget | None, document: QPdfDocument) -> bool:
    """Print every page of ``document``; False if the user cancelled the dialog."""
    if document.pageCount() == 0:
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            area = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            image = document.render(page, QSize(area.width(), area.height()))
            painter.drawImage(area.topLeft(), image)
    finally:
        painter.end()
    return True


def print_pdf(parent: QWidget | None, pdf: bytes) -> bool:
    """Print a PDF held in memory (see ``print_document``)."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    document.load(buffer)
    try:
        return print_document(parent, document)
    finally:
        document.close()
        document.deleteLater()
        buffer.close()
