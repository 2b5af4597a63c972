"""Finding and listing households: by a member's name, pinyin ("zhangxuelin"), initials
("zxl") or a fragment of an ID number, filtered by village, program or application stage,
sorted the way people expect (by the pinyin of the head's name).

Everything reads ``household_index``, a per-household row the store keeps beside each
household. Queries of three or more characters use its trigram full-text index (any
fragment); shorter ones (a two-character name such as 张三, a given name such as 学林, a
surname, "zx") match the start of a term through a prefix index.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, func, select, text

from caseworker.domain.codes import Hukou, Program, Stage
from caseworker.domain.pinyin import name_pinyin
from caseworker.domain.records import Household
from caseworker.store.flags import FLAGGED_SQL
from caseworker.store.tables import HOUSEHOLD_INDEX

DEFAULT_LIMIT = 50
# A search stops collecting matches here: the first characters of an ID number ("6104...")
# match every household, and gathering them all made each keystroke take half a second.
# Lists say "at least 5,000" and the worker types on to narrow it down.
MATCH_CAP = 5000
# The two full-text indexes over household_index.terms (see the migrations): trigrams for
# any fragment of three or more characters, whole terms with prefixes for shorter ones.
FULL_TEXT = ("household_search", "household_prefix")


def _full_text(conn: Connection) -> list[str]:
    # A store still at an earlier schema (opened with ``revision=``) lacks the newer index;
    # the migration that adds it builds it from household_index.
    return [fts for fts in FULL_TEXT if conn.dialect.has_table(conn, fts)]


@dataclass(frozen=True, slots=True)
class HouseholdSummary:
    """One line of a household list."""

    id: str
    village_code: str
    village_name: str
    address: str
    hukou: Hukou
    head_name: str
    head_id_number: str
    member_count: int


class SortKey(StrEnum):
    HEAD = "head"  # pinyin of the head's name
    VILLAGE = "village"  # village, then head
    MEMBERS = "members"  # household size, then head


@dataclass(frozen=True, slots=True)
class HouseholdQuery:
    """What a household list shows: a search text and filters, all optional."""

    text: str = ""
    scope: str | None = None  # a county, township or village code: households inside it
    village_code: str | None = None
    program: Program | None = None  # households currently receiving this benefit
    stage: Stage | None = None  # households with an application at this stage
    flagged: bool = False  # likely eligible at the last screening, not yet applied
    sort: SortKey = SortKey.HEAD
    descending: bool = False


# --- keeping the index -------------------------------------------------------------------


def search_terms(h: Household) -> str:
    """What search matches a household on: each member's name, given name, pinyin, initials
    and ID number, as space-separated terms."""
    parts = []
    for m in h.members:
        full, initials = name_pinyin(m.name)
        given = m.name[1:] if len(m.name) > 2 else ""
        parts.append(f"{m.name} {given} {full} {initials} {m.id_number}")
    return " | ".join(parts)


def index_row(h: Household) -> dict[str, Any]:
    """The ``household_index`` row of a household."""
    head = h.head
    head_name = head.name if head else ""
    return {
        "household_id": h.id,
        "village_code": h.village_code,
        "head_name": head_name,
        "head_pinyin": name_pinyin(head_name)[0] if head_name else "",
        "member_count": len(h.members),
        "terms": search_terms(h),
    }


INDEX_COLUMNS = (
    "household_id",
    "village_code",
    "head_name",
    "head_pinyin",
    "member_count",
    "terms",
)
_INSERT_INDEX = (
    f"INSERT INTO household_index ({', '.join(INDEX_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(INDEX_COLUMNS))})"
)


def last_index_rowid(conn: Connection) -> int:
    """The highest rowid of ``household_index`` (0 when empty): rows added later are above."""
    query = select(func.coalesce(func.max(HOUSEHOLD_INDEX.c.rowid), 0))
    return int(conn.execute(query).scalar_one())


def insert_index_rows(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """Add ``household_index`` rows (values in ``INDEX_COLUMNS`` order) of new households;
    ``fill_full_text`` then indexes them."""
    if rows:
        conn.exec_driver_sql(_INSERT_INDEX, list(rows))


def fill_full_text(conn: Connection, after: int) -> None:
    """Put the ``household_index`` rows above rowid ``after`` in the full-text indexes.

    One ``INSERT ... SELECT`` per index: filling them row by row was three times slower.
    """
    for fts in _full_text(conn):
        conn.execute(
            text(
                f"INSERT INTO {fts}(rowid, terms) "
                "SELECT rowid, terms FROM household_index WHERE rowid > :after"
            ),
            {"after": after},
        )


def index_new_households(conn: Connection, households: Sequence[Household]) -> None:
    """Index households not indexed before (one bulk statement per table)."""
    if not households:
        return
    before = last_index_rowid(conn)
    insert_index_rows(conn, [tuple(index_row(h).values()) for h in households])
    fill_full_text(conn, before)


def unindex_household(conn: Connection, household_id: str) -> None:
    """Remove a household from the index (before the household itself is deleted)."""
    old = conn.execute(
        select(HOUSEHOLD_INDEX.c.rowid, HOUSEHOLD_INDEX.c.terms).where(
            HOUSEHOLD_INDEX.c.household_id == household_id
        )
    ).first()
    if old is None:
        return
    for fts in _full_text(conn):
        conn.execute(
            text(f"INSERT INTO {fts}({fts}, rowid, terms) VALUES ('delete', :rowid, :terms)"),
            {"rowid": old.rowid, "terms": old.terms},
        )
    conn.execute(HOUSEHOLD_INDEX.delete().where(HOUSEHOLD_INDEX.c.rowid == old.rowid))


def reindex_household(conn: Connection, household: Household) -> None:
    """Replace a stored household's index row with its current one."""
    unindex_household(conn, household.id)
    index_new_households(conn, [household])


# --- reading -----------------------------------------------------------------------------

# The page is chosen on household_index alone; only its rows are joined to the rest.
_PAGE = """
SELECT h.id, h.village_code, COALESCE(r.name, '') AS village_name, h.address, h.hukou,
       x.head_name, COALESCE(m.id_number, '') AS head_id_number, x.member_count
FROM (SELECT * FROM household_index x {where} ORDER BY {order} LIMIT :limit OFFSET :offset) x
JOIN household h ON h.id = x.household_id
LEFT JOIN region r ON r.code = h.village_code
LEFT JOIN member m ON m.household_id = h.id AND m.relation = 'head'
ORDER BY {order}
"""

_ORDER = {
    SortKey.HEAD: ("x.head_pinyin", "x.household_id"),
    SortKey.VILLAGE: ("x.village_code", "x.head_pinyin", "x.household_id"),
    SortKey.MEMBERS: ("x.member_count", "x.head_pinyin", "x.household_id"),
}


def normalise_query(query: str) -> str:
    """What is actually searched for: trimmed, lower-case, inner spaces removed."""
    return "".join(query.split()).lower()


def _conditions(query: HouseholdQuery) -> tuple[list[str], dict[str, object]]:
    where: list[str] = []
    params: dict[str, object] = {}
    q = normalise_query(query.text)
    if len(q) >= 3:
        where.append(
            "x.rowid IN (SELECT rowid FROM household_search "
            "WHERE household_search MATCH :phrase LIMIT :cap)"
        )
        params.update(phrase='"' + q.replace('"', '""') + '"', cap=MATCH_CAP)
    elif q:
        # Too short for trigrams: the start of any term (name, given name, pinyin, initials,
        # ID), through the prefix index.
        where.append(
            "x.rowid IN (SELECT rowid FROM household_prefix "
            "WHERE household_prefix MATCH :prefix LIMIT :cap)"
        )
        params.update(prefix='"' + q.replace('"', '""') + '"*', cap=MATCH_CAP)
    if query.scope:
        where.append("substr(x.village_code, 1, :scope_length) = :scope")
        params.update(scope=query.scope, scope_length=len(query.scope))
    if query.village_code:
        where.append("x.village_code = :village")
        params["village"] = query.village_code
    if query.program is not None:
        where.append(
            "x.household_id IN (SELECT household_id FROM benefit WHERE program = :program)"
        )
        params["program"] = query.program.value
    if query.flagged:
        where.append(f"x.household_id IN (SELECT household_id FROM ({FLAGGED_SQL}))")
    if query.stage is not None:
        where.append(
            "x.household_id IN (SELECT household_id FROM application WHERE stage = :stage)"
        )
        params["stage"] = query.stage.value
    return where, params


def find_households(
    conn: Connection, query: HouseholdQuery, *, offset: int = 0, limit: int = 200
) -> list[HouseholdSummary]:
    """A page of the households a query matches, in its sort order."""
    where, params = _conditions(query)
    direction = " DESC" if query.descending else ""
    order = ", ".join(f"{column}{direction}" for column in _ORDER[query.sort])
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    sql = _PAGE.format(where=clause, order=order)
    params.update(limit=limit, offset=offset)
    return [
        HouseholdSummary(
            id=r.id,
            village_code=r.village_code,
            village_name=r.village_name,
            address=r.address,
            hukou=Hukou(r.hukou),
            head_name=r.head_name,
            head_id_number=r.head_id_number,
            member_count=r.member_count,
        )
        for r in conn.execute(text(sql), params)
    ]


def count_households_matching(conn: Connection, query: HouseholdQuery) -> int:
    """How many households a query matches, counting no further than ``MATCH_CAP`` (a
    count of ``MATCH_CAP`` means "at least that many")."""
    where, params = _conditions(query)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    if normalise_query(query.text):
        sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM household_index x {clause} LIMIT :cap)"
        params["cap"] = MATCH_CAP
    else:  # filters only: the count is exact (lists page through all of it)
        sql = f"SELECT COUNT(*) FROM household_index x {clause}"
    return int(conn.execute(text(sql), params).scalar_one())


def search_households(
    conn: Connection, query: str, *, village_code: str | None = None, limit: int = DEFAULT_LIMIT
) -> list[HouseholdSummary]:
    """Households matching a search text, at most ``limit``, by the head's name."""
    if not normalise_query(query):
        return []
    return find_households(conn, HouseholdQuery(text=query, village_code=village_code), limit=limit)
