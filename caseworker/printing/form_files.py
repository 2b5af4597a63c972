"""Reading the form definition files of ``forms/`` (TOML), one per form.

Every key is checked: a file naming an unknown field, list, block type, key, program or
requirement is refused with the file and the key named, when the forms are first loaded
(not when a township prints its 300th case file).
"""

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from caseworker.config import forms_path
from caseworker.domain.codes import Program
from caseworker.eligibility.findings import Status
from caseworker.printing.definitions import (
    ALIGNS,
    KINDS,
    MM,
    PAGE_SIZES,
    VALIGNS,
    Block,
    BundleDef,
    Cell,
    Column,
    FieldCatalog,
    FormDef,
    LineBlock,
    ListBlock,
    ParagraphBlock,
    RowBlock,
    SpaceBlock,
    TableBlock,
    TitleBlock,
)
from caseworker.printing.errors import FormDefinitionError
from caseworker.printing.template import Template, TemplateError, parse_template

_COMMON = {"type", "when"}  # the keys every block may have


class _Reader:
    """Reads one form file, naming the file and key in every complaint."""

    def __init__(self, path: Path, catalog: FieldCatalog, kind: str = "household") -> None:
        self.path = path
        self.catalog = catalog
        self.kind = kind

    def fail(self, key: str, zh: str, en: str) -> FormDefinitionError:
        return FormDefinitionError(
            f"表单定义文件{self.path.name}中“{key}”{zh}", f"form file {self.path.name}: {key} {en}"
        )

    def keys(self, key: str, table: Mapping[str, Any], allowed: set[str]) -> None:
        unknown = sorted(set(table) - allowed)
        if unknown:
            raise self.fail(
                f"{key}.{unknown[0]}", "不是可用的设置项", f"is not a known setting ({unknown[0]})"
            )

    def get(self, table: Mapping[str, Any], key: str, kind: type, where: str, default: Any) -> Any:
        if key not in table:
            return default
        value = table[key]
        if kind is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        elif kind is int:
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:
            ok = isinstance(value, kind)
        if not ok:
            raise self.fail(
                f"{where}.{key}".lstrip("."),
                f"的值{value!r}类型不对",
                f"has the wrong type: {value!r}",
            )
        return float(value) if kind is float else value

    def text(self, table: Mapping[str, Any], key: str) -> str:
        value = self.get(table, key, str, "", None)
        if not value:
            raise self.fail(key, "必须填写", "is required")
        return str(value)

    def required(self, table: Mapping[str, Any], key: str, where: str) -> Any:
        if key not in table:
            raise self.fail(f"{where}.{key}", "必须填写", "is required")
        return table[key]

    def template(
        self, value: Any, where: str, item_fields: frozenset[str] | None = None
    ) -> Template:
        if not isinstance(value, str):
            raise self.fail(where, f"应为文字，实为{value!r}", f"must be text, not {value!r}")
        try:
            template = parse_template(value)
        except TemplateError as exc:
            raise self.fail(where, f"的大括号不成对：{value}", f"has a stray brace: {exc}") from exc
        known = item_fields if item_fields is not None else self.catalog.scalars[self.kind]
        for name in sorted(template.fields - known):
            raise self.fail(
                where, f"引用了不存在的字段{{{name}}}", f"names an unknown field {{{name}}}"
            )
        return template

    def optional_template(self, table: Mapping[str, Any], key: str, where: str) -> Template | None:
        return None if key not in table else self.template(table[key], f"{where}.{key}")

    def choice(
        self, table: Mapping[str, Any], key: str, where: str, options: tuple[str, ...], default: str
    ) -> str:
        value = table.get(key, default)
        if value not in options:
            raise self.fail(
                f"{where}.{key}",
                f"应为{'、'.join(options)}之一",
                f"must be one of {', '.join(options)}",
            )
        return str(value)

    def list_fields(self, source: Any, where: str) -> frozenset[str]:
        lists = self.catalog.lists[self.kind]
        if source not in lists:
            raise self.fail(
                f"{where}.source", f"“{source}”不是可用的列表", f"'{source}' is not a known list"
            )
        return lists[source]

    def when(self, table: Mapping[str, Any], where: str) -> str | None:
        value = table.get("when")
        if value is not None and value not in self.catalog.scalars[self.kind]:
            raise self.fail(
                f"{where}.when", f"引用了不存在的字段{value}", f"names an unknown field {value}"
            )
        return value if isinstance(value, str) else None

    def cell(self, data: Any, where: str) -> Cell:
        if not isinstance(data, Mapping):
            raise self.fail(where, "应为表格项", "must be a table")
        self.keys(
            where,
            data,
            {
                "w", "label", "value", "align", "valign", "size", "height_mm", "footer",
                "signature", "max_lines", "min_size",
            },
        )  # fmt: skip
        if ("label" in data) == ("value" in data):
            raise self.fail(where, "须有label或value之一", "needs exactly one of label or value")
        text = self.template(data.get("label", data.get("value")), f"{where}.label")
        signature = data.get("signature")
        if signature is not None and signature != "head":
            raise self.fail(f"{where}.signature", "只能是head", "can only be head")
        max_lines = self.get(data, "max_lines", int, where, None)
        if max_lines is not None and max_lines < 1:
            raise self.fail(f"{where}.max_lines", "应为正整数", "must be a positive whole number")
        return Cell(
            w=self.get(data, "w", float, where, 1.0),
            text=text,
            align=self.choice(
                data, "align", where, ALIGNS, "center" if "label" in data else "left"
            ),
            valign=self.choice(data, "valign", where, VALIGNS, "middle"),
            size=self.get(data, "size", float, where, None),
            min_height=self.get(data, "height_mm", float, where, 0.0) * MM,
            footer=self.optional_template(data, "footer", where),
            signature=signature,
            max_lines=max_lines,
            min_size=self.get(data, "min_size", float, where, 7.0),
        )

    def block(self, data: Any, where: str) -> Block:
        if not isinstance(data, Mapping):
            raise self.fail(where, "应为表格项", "must be a table")
        kind = data.get("type")
        when = self.when(data, where)
        readers = {
            "title": self.title_block,
            "line": self.line_block,
            "row": self.row_block,
            "table": self.table_block,
            "paragraph": self.paragraph_block,
            "list": self.list_block,
            "space": self.space_block,
        }
        read = readers.get(kind) if isinstance(kind, str) else None
        if read is None:
            raise self.fail(
                f"{where}.type", f"“{kind}”不是可用的块类型", f"'{kind}' is not a block type"
            )
        return read(data, where, when)

    def title_block(self, data: Mapping[str, Any], where: str, when: str | None) -> Block:
        self.keys(where, data, _COMMON | {"text", "size", "subtitle"})
        return TitleBlock(
            when,
            self.template(self.required(data, "text", where), f"{where}.text"),
            self.get(data, "size", float, where, 18.0),
            self.optional_template(data, "subtitle", where),
        )

    def line_block(self, data: Mapping[str, Any], where: str, when: str | None) -> Block:
        self.keys(where, data, _COMMON | {"left", "center", "right", "size"})
        return LineBlock(
            when,
            self.optional_template(data, "left", where),
            self.optional_template(data, "center", where),
            self.optional_template(data, "right", where),
            self.get(data, "size", float, where, None),
        )

    def row_block(self, data: Mapping[str, Any], where: str, when: str | None) -> Block:
        self.keys(where, data, _COMMON | {"cells", "keep_with_next"})
        cells = self.required(data, "cells", where)
        if not isinstance(cells, list) or not cells:
            raise self.fail(f"{where}.cells", "应为非空列表", "must be a non-empty list")
        return RowBlock(
            when,
            tuple(self.cell(c, f"{where}.cells[{i}]") for i, c in enumerate(cells)),
            self.get(data, "keep_with_next", bool, where, False),
        )

    def table_block(self, data: Mapping[str, Any], where: str, when: str | None) -> Block:
        keys = {
            "source", "columns", "min_rows", "row_height_mm", "size", "side", "side_w", "empty",
            "keep_with_next",
        }  # fmt: skip
        self.keys(where, data, _COMMON | keys)
        source = self.required(data, "source", where)
        item_fields = self.list_fields(source, where)
        columns = self.required(data, "columns", where)
        if not isinstance(columns, list) or not columns:
            raise self.fail(f"{where}.columns", "应为非空列表", "must be a non-empty list")
        return TableBlock(
            when,
            source,
            tuple(
                self.column(c, f"{where}.columns[{i}]", item_fields) for i, c in enumerate(columns)
            ),
            self.get(data, "min_rows", int, where, 0),
            self.get(data, "row_height_mm", float, where, 7.0) * MM,
            self.get(data, "size", float, where, None),
            self.get(data, "side", str, where, None),
            self.get(data, "side_w", float, where, 1.0),
            self.get(data, "empty", str, where, ""),
            self.get(data, "keep_with_next", bool, where, False),
        )

    def paragraph_block(self, data: Mapping[str, Any], where: str, when: str | None) -> Block:
        self.keys(where, data, _COMMON | {"text", "size", "indent", "leading", "align"})
        return ParagraphBlock(
            when,
            self.template(self.required(data, "text", where), f"{where}.text"),
            self.get(data, "size", float, where, None),
            self.get(data, "indent", int, where, 2),
            self.get(data, "leading", float, where, 1.6),
            self.choice(data, "align", where, ALIGNS, "left"),
        )

    def list_block(self, data: Mapping[str, Any], where: str, when: str | None) -> Block:
        self.keys(where, data, _COMMON | {"source", "item", "size", "empty"})
        source = self.required(data, "source", where)
        item_fields = self.list_fields(source, where) | {"n"}
        return ListBlock(
            when,
            source,
            self.template(self.required(data, "item", where), f"{where}.item", item_fields),
            self.get(data, "size", float, where, None),
            self.get(data, "empty", str, where, ""),
        )

    def space_block(self, data: Mapping[str, Any], where: str, when: str | None) -> Block:
        self.keys(where, data, _COMMON | {"mm"})
        return SpaceBlock(when, self.get(data, "mm", float, where, 4.0) * MM)

    def column(self, data: Any, where: str, item_fields: frozenset[str]) -> Column:
        if not isinstance(data, Mapping):
            raise self.fail(where, "应为表格项", "must be a table")
        self.keys(where, data, {"w", "header", "value", "align", "signature"})
        signature = bool(self.get(data, "signature", bool, where, False))
        value = data.get("value", "")
        if signature and "signature" not in item_fields:
            raise self.fail(f"{where}.signature", "此列表没有签名", "this list has no signatures")
        return Column(
            w=self.get(data, "w", float, where, 1.0),
            header=self.get(data, "header", str, where, ""),
            text=self.template(value, f"{where}.value", item_fields),
            align=self.choice(data, "align", where, ALIGNS, "center"),
            signature=signature,
        )

    def form(self, data: Mapping[str, Any]) -> FormDef:
        top = {
            "name",
            "title_zh",
            "title_en",
            "kind",
            "version",
            "document_kind",
            "requires",
            "include_when",
            "programs",
            "statuses",
            "page",
            "margins_mm",
            "font_size",
            "blocks",
        }
        self.keys("", data, top)
        self.kind = self.choice(data, "kind", "", KINDS, "household")
        requires = tuple(self.get(data, "requires", list, "", []))
        for name in requires:
            if name not in self.catalog.requirements:
                raise self.fail(
                    "requires", f"中的“{name}”不是已知条件", f"names an unknown requirement {name}"
                )
        include_when = self.get(data, "include_when", str, "", "always")
        if include_when not in self.catalog.conditions:
            raise self.fail(
                "include_when", f"“{include_when}”不是已知条件", f"'{include_when}' is unknown"
            )
        programs = []
        for code in self.get(data, "programs", list, "", []):
            program = Program.parse(code)
            if program is None:
                raise self.fail(
                    "programs", f"中的“{code}”不是救助项目代码", f"names an unknown program {code}"
                )
            programs.append(program)
        statuses = []
        for code in self.get(data, "statuses", list, "", []):
            if code not in Status._value2member_map_:
                raise self.fail(
                    "statuses", f"中的“{code}”不是筛查结论代码", f"names an unknown status {code}"
                )
            statuses.append(Status(code))
        margins = self.get(data, "margins_mm", list, "", [15, 15, 15, 15])
        if len(margins) != 4 or not all(isinstance(m, (int, float)) and m >= 0 for m in margins):
            raise self.fail(
                "margins_mm",
                "应为4个非负数（上、右、下、左）",
                "must be 4 numbers (top, right, bottom, left)",
            )
        blocks = self.required(data, "blocks", "")
        if not isinstance(blocks, list) or not blocks:
            raise self.fail("blocks", "应为非空列表", "must be a non-empty list")
        name = self.get(data, "name", str, "", self.path.stem)
        if name != self.path.stem:
            raise self.fail(
                "name",
                f"应与文件名{self.path.stem}一致",
                f"must match the file name {self.path.stem}",
            )
        return FormDef(
            name=name,
            title_zh=self.text(data, "title_zh"),
            title_en=self.text(data, "title_en"),
            kind=self.kind,
            version=self.get(data, "version", str, "", "1"),
            document_kind=self.get(data, "document_kind", str, "", name),
            requires=requires,
            include_when=include_when,
            programs=tuple(programs),
            statuses=tuple(statuses),
            page_size=PAGE_SIZES[self.choice(data, "page", "", tuple(PAGE_SIZES), "A4")],
            margins=tuple(float(m) * MM for m in margins),  # type: ignore[arg-type]
            font_size=self.get(data, "font_size", float, "", 10.5),
            blocks=tuple(self.block(b, f"blocks[{i}]") for i, b in enumerate(blocks)),
            path=self.path,
        )

    def bundle(self, data: Mapping[str, Any]) -> BundleDef:
        self.keys("", data, {"name", "bundle", "title_zh", "title_en", "cover", "documents"})
        documents = self.get(data, "documents", list, "", None)
        if not documents or not all(isinstance(d, str) for d in documents):
            raise self.fail("documents", "应为表单名称列表", "must be a list of form names")
        return BundleDef(
            name=self.path.stem,
            title_zh=self.text(data, "title_zh"),
            title_en=self.text(data, "title_en"),
            cover=self.text(data, "cover"),
            documents=tuple(documents),
            path=self.path,
        )


def read_definition(path: Path, catalog: FieldCatalog) -> FormDef | BundleDef:
    """Read and check one file of ``forms/``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FormDefinitionError(
            f"无法读取表单定义文件{path.name}（{exc}）",
            f"cannot read form file {path.name} ({exc})",
        ) from exc
    reader = _Reader(path, catalog)
    return reader.bundle(data) if data.get("bundle") is True else reader.form(data)


def forms_dir() -> Path:
    """The folder of form definition files."""
    return forms_path()


_loaded: dict[Path, dict[str, FormDef | BundleDef]] = {}


def _load_all(folder: Path, catalog: FieldCatalog) -> dict[str, FormDef | BundleDef]:
    definitions: dict[str, FormDef | BundleDef] = {}
    for path in sorted(folder.glob("*.toml")):
        definitions[path.stem] = read_definition(path, catalog)
    for definition in definitions.values():
        if isinstance(definition, BundleDef):
            for name in (definition.cover, *definition.documents):
                if not isinstance(definitions.get(name), FormDef):
                    raise FormDefinitionError(
                        f"档案定义{definition.path.name}引用了不存在的表单{name}",
                        f"bundle {definition.path.name} names an unknown form {name}",
                    )
    return definitions


def load_definitions(
    catalog: FieldCatalog, folder: Path | None = None
) -> dict[str, FormDef | BundleDef]:
    """Every form and bundle in ``folder`` (default ``forms/``), by name; read once."""
    key = folder if folder is not None else _DEFAULT
    found = _loaded.get(key)
    if found is None:
        found = _loaded[key] = _load_all((folder or forms_dir()).resolve(), catalog)
    return found


_DEFAULT = Path("<forms>")  # the key of the default folder (resolved once, when first read)
