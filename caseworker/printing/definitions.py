"""Form definitions: what a file of ``forms/`` says, as data.

A form gives the page, the margins and a list of blocks that flow down the page: a title,
lines of text, rows of boxes, tables that grow over pages, paragraphs and numbered lists.
Boxes hold labels and templates naming fields (``{head.name}``). ``form_files.py`` reads
the files; ``docs/printing.md`` describes the format.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape

from caseworker.domain.codes import Program
from caseworker.eligibility.findings import Status
from caseworker.printing.template import Template

MM = 72 / 25.4
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "A4-landscape": landscape(A4)}
KINDS = ("household", "visit", "village")
ALIGNS = ("left", "center", "right")
VALIGNS = ("top", "middle")


@dataclass(frozen=True, slots=True)
class Cell:
    w: float
    text: Template
    align: str = "left"
    valign: str = "middle"
    size: float | None = None
    min_height: float = 0.0  # pt
    footer: Template | None = None  # bottom-right line, e.g. "签字（盖章）  年  月  日"
    signature: str | None = None  # a signer (e.g. "head") whose e-signature goes here
    # Long text shrinks (0.5 pt at a time, not below ``min_size``) to stay within
    # ``max_lines`` lines, so a row keeps its place on the page; past that it wraps on.
    max_lines: int | None = None
    min_size: float = 7.0


@dataclass(frozen=True, slots=True)
class Column:
    w: float
    header: str
    text: Template
    align: str = "center"
    signature: bool = False  # the item's e-signature is drawn here


@dataclass(frozen=True, slots=True)
class Block:
    when: str | None  # a field: the block prints only when it has a value


@dataclass(frozen=True, slots=True)
class TitleBlock(Block):
    text: Template
    size: float
    subtitle: Template | None


@dataclass(frozen=True, slots=True)
class LineBlock(Block):
    left: Template | None
    center: Template | None
    right: Template | None
    size: float | None


@dataclass(frozen=True, slots=True)
class RowBlock(Block):
    cells: tuple[Cell, ...]
    keep_with_next: bool = False  # start a new page rather than part from the next block


@dataclass(frozen=True, slots=True)
class TableBlock(Block):
    source: str
    columns: tuple[Column, ...]
    min_rows: int
    row_height: float  # pt, at least
    size: float | None
    side: str | None  # a label in a merged box down the left of the table
    side_w: float
    empty: str
    keep_with_next: bool = False


@dataclass(frozen=True, slots=True)
class ParagraphBlock(Block):
    text: Template
    size: float | None
    indent: int  # first-line indent, in characters
    leading: float  # line height as a multiple of the size
    align: str


@dataclass(frozen=True, slots=True)
class ListBlock(Block):
    source: str
    item: Template
    size: float | None
    empty: str


@dataclass(frozen=True, slots=True)
class SpaceBlock(Block):
    height: float  # pt


@dataclass(frozen=True, slots=True)
class FormDef:
    """One printable form."""

    name: str
    title_zh: str
    title_en: str
    kind: str  # household | visit | village
    version: str  # raise when the wording changes: signatures are tied to it
    document_kind: str
    requires: tuple[str, ...]
    include_when: str  # when a case file includes this form
    programs: tuple[Program, ...]
    statuses: tuple[Status, ...]
    page_size: tuple[float, float]
    margins: tuple[float, float, float, float]  # top, right, bottom, left (pt)
    font_size: float
    blocks: tuple[Block, ...]
    path: Path = field(compare=False)


@dataclass(frozen=True, slots=True)
class BundleDef:
    """A case file: a cover page, then forms in order."""

    name: str
    title_zh: str
    title_en: str
    cover: str
    documents: tuple[str, ...]
    path: Path = field(compare=False)


@dataclass(frozen=True, slots=True)
class FieldCatalog:
    """Which fields and lists a form of each kind may name (built by ``fields.py``)."""

    scalars: Mapping[str, frozenset[str]]
    lists: Mapping[str, Mapping[str, frozenset[str]]]
    requirements: frozenset[str]
    conditions: frozenset[str]
