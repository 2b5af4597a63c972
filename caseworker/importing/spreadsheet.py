"""Importing households from a roster spreadsheet (.xlsx, .xls, .csv): one operation for
the command line and the app.

``preview_spreadsheet`` reads the sheet with a mapping (named, or the shipped one that
recognises the headers), builds each household as the household format's object, and
checks it with the same ``parse_household`` as a JSON file; every problem is said at its
sheet, row and column. It also finds what the store would refuse (an ID number already
registered, twice in the file, an unknown village) and people who may already be known
under another ID number, for a person to confirm. ``import_spreadsheet`` then saves the
households through ``save_households``, all or nothing, exactly as a JSON import does.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from caseworker.domain.records import Household
from caseworker.domain.regions import Region
from caseworker.domain.validation import FieldError, Problem, ValidationFailed
from caseworker.importing.duplicates import NearDuplicate, Person, near_duplicates, stored_people
from caseworker.interchange.columns import Columns, find_header
from caseworker.interchange.files import MAX_LISTED
from caseworker.interchange.household_format import parse_household
from caseworker.interchange.mappings import (
    SheetMapping,
    find_mapping,
    normalise_header,
    shipped_mappings,
)
from caseworker.interchange.places import Draft
from caseworker.interchange.sheets import SheetCells, file_error, read_workbook
from caseworker.interchange.spreadsheets import read_rows
from caseworker.interchange.village_names import VillageNames
from caseworker.store import audit
from caseworker.store.db import Store
from caseworker.store.household_checks import households_holding
from caseworker.store.households import ImportResult, save_households
from caseworker.store.regions import all_regions

Progress = Callable[[int, int], None]  # (households checked, of how many)


class DuplicatesNotConfirmed(Exception):
    """Near duplicates were found and nobody confirmed they are different people."""

    def __init__(self, duplicates: Sequence[NearDuplicate]) -> None:
        super().__init__(f"{len(duplicates)} possible duplicate(s) to confirm")
        self.duplicates = list(duplicates)


@dataclass
class SheetPreview:
    """What an import of a sheet would write, and everything that stands in its way."""

    file: str
    sheet: str
    sheet_names: Sequence[str]
    encoding: str | None  # a CSV file's encoding (see sheets.ENCODING_WORDS)
    mapping: SheetMapping
    mapping_chosen: bool  # chosen from the headers (not named by the person importing)
    header_row: int
    headers: list[str]
    columns: Columns
    drafts: list[Draft]
    households: list[Household]  # in the sheet's order; only complete without problems
    rows: list[int]  # each household's first row, as the sheet numbers it
    problems: list[FieldError] = field(default_factory=list)  # the first MAX_LISTED
    omitted: int = 0  # problems beyond those listed
    duplicates: list[NearDuplicate] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def failure(self) -> ValidationFailed:
        """The problems, as the import's refusal."""
        return ValidationFailed(self.problems, self.omitted)


def _choose_sheet(
    sheets: Sequence[SheetCells], mappings: Sequence[SheetMapping], source: str
) -> tuple[SheetCells, int, SheetMapping]:
    for sheet in sheets:
        row, mapping = find_header(sheet.rows, mappings)
        if mapping is not None:
            return sheet, row, mapping
    first = sheets[0].rows[0] if sheets and sheets[0].rows else []
    seen = "、".join(normalise_header(c) for c in first if normalise_header(c))[:200]
    names = "、".join(m.name for m in mappings)
    raise file_error(
        source,
        "no_mapping",
        f"没有找到可识别的表头（对照表：{names}；第1行是：{seen or '空行'}）。"
        "表中须有姓名和身份证号码两列（每人一行的表还须有分户的列和与户主关系）；"
        "列标题不同时请自写对照表并用--mapping指定",
        f"no known header row (mappings: {names}); a roster needs name and ID number "
        "columns (one row per person: also a household key and relation); write a mapping "
        "for other headers and give it with --mapping",
    )


def _regions(store: Store | None) -> list[Region]:
    if store is None:
        return []
    with store.read() as conn:
        return all_regions(conn)


def default_village(value: str | None, regions: Sequence[Region]) -> str | None:
    """The village every household without a village column lives in (code or name)."""
    if value is None:
        return None
    try:
        return VillageNames(regions).code(value.strip())
    except Problem as problem:
        raise ValidationFailed(
            [
                FieldError(
                    field="village",
                    value=value,
                    code=problem.code,
                    label_zh="指定的村（社区）",
                    label_en="the village given",
                    problem_zh=problem.zh,
                    problem_en=problem.en,
                )
            ]
        ) from None


def preview_spreadsheet(
    path: Path,
    *,
    store: Store | None,
    mapping: str | None = None,
    sheet: str | None = None,
    village: str | None = None,
    progress: Progress | None = None,
) -> SheetPreview:
    """Read and check a roster without writing anything (see the module's docstring).

    Raises ValidationFailed for a file that cannot be read as a roster at all; problems
    of single cells are in the preview's ``problems``."""
    mappings = [find_mapping(mapping)] if mapping else shipped_mappings()
    sheets = read_workbook(path, sheet=sheet)
    chosen, header, used = _choose_sheet(sheets, mappings, path.name)
    regions = _regions(store)
    read = read_rows(
        chosen, header, used, villages=regions, default_village=default_village(village, regions)
    )
    village_columns = {"village", "village_code"} & set(read.columns.household)
    if not village_columns and village is None:
        raise file_error(
            path.name,
            "no_village",
            "表中没有“村”或“村代码”一列：请在导入时指定这些家庭所在的村（社区）"
            "（命令行用--village）",
            "has no village column: say which village the households live in "
            "(--village on the command line)",
        )
    problems = list(read.problems)
    households: list[Household] = []
    kept: list[Draft] = []
    # A required household field without a column is said once, not once per household.
    absent = {f for f in _REQUIRED_COLUMNS if f not in read.columns.household}
    lacking: dict[str, int] = {}
    for index, draft in enumerate(read.drafts):
        if progress is not None and index % 500 == 0:
            progress(index, len(read.drafts))
        try:
            households.append(parse_household(draft.data))
            kept.append(draft)
        except ValidationFailed as failed:
            errors = []
            for error in failed.errors:
                if error.code == "required" and error.field in absent:
                    lacking[error.field] = lacking.get(error.field, 0) + 1
                else:
                    errors.append(error)
            problems.extend(_at_cells(draft, errors))
    if progress is not None:
        progress(len(read.drafts), len(read.drafts))
    problems[:0] = [_missing_column(read.sheet, name, count) for name, count in lacking.items()]
    problems.extend(_file_problems(read.drafts))
    duplicates: list[NearDuplicate] = []
    if store is not None:
        problems.extend(_store_problems(store, kept, households))
        duplicates = _near_duplicates(store, kept, households)
    return SheetPreview(
        file=path.name,
        sheet=read.sheet,
        sheet_names=chosen.sheet_names,
        encoding=chosen.encoding,
        mapping=used,
        mapping_chosen=mapping is None,
        header_row=read.header_row,
        headers=read.headers,
        columns=read.columns,
        drafts=read.drafts,
        households=households,
        rows=[d.first.row for d in kept],
        problems=problems[:MAX_LISTED],
        omitted=max(len(problems) - MAX_LISTED, 0),
        duplicates=duplicates,
    )


# Household fields every household needs, with the column a roster would have for each.
_REQUIRED_COLUMNS = {
    "address": ("住址", "address"),
    "hukou": ("户籍性质（农村/城镇）", "hukou (rural/urban)"),
}


def _missing_column(sheet: str, name: str, count: int) -> FieldError:
    zh, en = _REQUIRED_COLUMNS[name]
    return FieldError(
        field=name,
        value=None,
        code="missing_column",
        label_zh=sheet,
        label_en=sheet,
        problem_zh=f"表中没有“{zh}”一列，{count}户因此缺少此项：请加上这一列后再导入",
        problem_en=f"has no {en} column, so {count} household(s) lack it: add the column",
    )


def _at_cells(draft: Draft, errors: Sequence[FieldError]) -> list[FieldError]:
    """The household format's errors said at the cells their values came from."""
    out: list[FieldError] = []
    for error in errors:
        if draft.already_said(error.field):
            continue
        place, own = draft.place_of(error.field)
        about = None if own else (error.label_zh, error.label_en)
        out.append(
            place.error(Problem(error.code, error.problem_zh, error.problem_en), about=about)
        )
    return out


def _file_problems(drafts: Sequence[Draft]) -> list[FieldError]:
    """A person given in two households of the sheet (even one with other problems): the
    store would refuse the second. Twice in one household is the format's own check."""
    problems: list[FieldError] = []
    first: dict[str, tuple[int, int]] = {}  # ID number -> (household, row)
    for number_of, draft in enumerate(drafts):
        for index, member in enumerate(draft.data["members"]):
            number = member.get("id_number")
            if not isinstance(number, str) or not number:
                continue
            place, _ = draft.place_of(f"members[{index}].id_number")
            household, row = first.setdefault(number.upper(), (number_of, place.row))
            if household != number_of:
                problems.append(
                    place.error(
                        Problem(
                            "duplicate_person",
                            f"与第{row}行的身份证号相同：同一人只能登记一次，请删去重复的一行",
                            f"is the ID number of row {row} as well: one person is "
                            "registered once; delete the repeated row",
                        )
                    )
                )
    return problems


def _store_problems(
    store: Store, drafts: Sequence[Draft], households: Sequence[Household]
) -> list[FieldError]:
    """What the store would refuse, said at the cells: people already registered, and
    villages the store does not know."""
    from caseworker.store.regions import village_codes

    problems: list[FieldError] = []
    numbers = [m.id_number for h in households for m in h.members]
    with store.read() as conn:
        holding = households_holding(conn, numbers)
        villages = village_codes(conn)
    for draft, household in zip(drafts, households, strict=True):
        if household.village_code not in villages:
            place, _ = draft.place_of("village_code")
            problems.append(
                place.error(
                    Problem(
                        "unknown_village",
                        f"村（社区）代码{household.village_code}不是本地已登记的村（社区）",
                        f"village code {household.village_code} is not known to this store",
                    )
                )
            )
        for index, member in enumerate(household.members):
            head = holding.get(member.id_number)
            if head is not None:
                place, _ = draft.place_of(f"members[{index}].id_number")
                problems.append(
                    place.error(
                        Problem(
                            "already_registered",
                            f"此人已登记在户主{head}的家庭中（可能重复）：请核实后从表中删去",
                            f"this person is already registered in the household of {head} "
                            "(a possible duplicate): check and delete the row",
                        )
                    )
                )
    return problems


def _near_duplicates(
    store: Store, drafts: Sequence[Draft], households: Sequence[Household]
) -> list[NearDuplicate]:
    people: list[Person] = []
    for draft, household in zip(drafts, households, strict=True):
        for index, m in enumerate(household.members):
            place, _ = draft.place_of(f"members[{index}]")
            people.append(
                Person(
                    m.name,
                    m.id_number,
                    m.birth_date,
                    place.row_zh,
                    f"{place.sheet} row {place.row}",
                    household.id,
                )
            )
    with store.read() as conn:
        stored = stored_people(conn, (p.birth_date for p in people))
    return near_duplicates(people, stored)


def import_spreadsheet(
    store: Store, preview: SheetPreview, *, confirmed: bool = False
) -> ImportResult:
    """Save the previewed households, all or nothing, through the same path as a JSON
    import. Raises ValidationFailed if the preview found problems, DuplicatesNotConfirmed
    if it found possible duplicates and ``confirmed`` is not set."""
    if not preview.ok:
        raise preview.failure()
    if preview.duplicates and not confirmed:
        raise DuplicatesNotConfirmed(preview.duplicates)
    result = save_households(store, preview.households)
    with store.begin() as conn:
        audit.record(
            conn,
            device_id=store.device_id,
            actor=store.actor,
            action=audit.Action.IMPORT,
            detail={
                "files": [preview.file],
                "sheet": preview.sheet,
                "mapping": preview.mapping.name,
                "added": result.added,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "near_duplicates_confirmed": len(preview.duplicates),
            },
        )
    return result
