"""Pages of attached PDFs placed into a printed document: each is scaled into the box its
page left for it, under the caption already printed there.

ReportLab cannot read PDFs, so the document is drawn first and the pages are then merged
in with pypdf, one attached PDF open at a time, in the order they appear.
"""

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO

from caseworker.printing.boxes import PlacedPdfPage

if TYPE_CHECKING:
    from pypdf import PageObject, Transformation


def place_pdf_pages(
    drawn: io.BytesIO, placed: Sequence[tuple[int, PlacedPdfPage]], out: BinaryIO
) -> None:
    """Write ``drawn`` (a PDF) to ``out`` with each placed page (by page index) drawn in."""
    from pypdf import PdfReader, PdfWriter

    drawn.seek(0)
    writer = PdfWriter(clone_from=PdfReader(drawn))
    key, reader = "", None
    for page_index, place in placed:
        if place.key != key or reader is None:
            key, reader = place.key, PdfReader(io.BytesIO(place.read(place.key)))
        source = reader.pages[place.index]
        target = writer.pages[page_index]
        _own_resources(target)
        target.merge_transformed_page(source, _fitted(source, place.box))
    writer.write(out)


def _own_resources(page: "PageObject") -> None:
    """Give ``page`` its own resource dictionaries: ReportLab shares one font dictionary
    between all pages, and merging adds the attached page's fonts to it."""
    from pypdf.generic import DictionaryObject, NameObject

    shared = page["/Resources"].get_object()
    assert isinstance(shared, DictionaryObject)
    own = DictionaryObject()
    for name, value in shared.items():
        entry = value.get_object()
        own[NameObject(name)] = DictionaryObject(entry) if isinstance(entry, dict) else value
    page[NameObject("/Resources")] = own


def _fitted(source: "PageObject", box: tuple[float, float, float, float]) -> "Transformation":
    """What takes ``source``'s visible area, turned as its /Rotate says, into ``box``."""
    from pypdf import Transformation

    crop = source.cropbox
    turned = Transformation().translate(-float(crop.left), -float(crop.bottom))
    turned = turned.rotate(-(int(source.get("/Rotate", 0) or 0) % 360))
    corners = [
        turned.apply_on((px, py))
        for px in (0.0, float(crop.width))
        for py in (0.0, float(crop.height))
    ]
    low_x, low_y = min(c[0] for c in corners), min(c[1] for c in corners)
    width = max(c[0] for c in corners) - low_x
    height = max(c[1] for c in corners) - low_y
    x, y, w, h = box
    scale = min(w / width, h / height)
    return turned.translate(-low_x, -low_y).scale(scale, scale).translate(x, y)
