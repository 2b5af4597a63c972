"""Finding households by a member's name, pinyin ("zhangxuelin"), initials ("zxl") or a
fragment of an ID number.

Queries of three or more characters use the trigram full-text index; shorter ones (a
two-character name such as 张三, a given name such as 学林, a surname, "zx") match the
start of a term.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text

from caseworker.domain.codes import Hukou
from caseworker.domain.records import Household
from caseworker.store.mapping import search_terms
from caseworker.store.tables import HOUSEHOLD_SEARCH_TEXT as SEARCH_TEXT

DEFAULT_LIMIT = 50


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


_SUMMARY = """
SELECT h.id, h.village_code, COALESCE(r.name, '') AS village_name, h.address, h.hukou,
       COALESCE(m.name, '') AS head_name, COALESCE(m.id_number, '') AS head_id_number,
       (SELECT COUNT(*) FROM member c WHERE c.household_id = h.id) AS member_count
FROM household h
LEFT JOIN region r ON r.code = h.village_code
LEFT JOIN member m ON m.household_id = h.id AND m.relation = 'head'
"""


def index_new_households(conn: Connection, households: Sequence[Household]) -> None:
    """Add search terms for households not indexed before (one bulk statement per table)."""
    if not households:
        return
    before = conn.execute(select(func.coalesce(func.max(SEARCH_TEXT.c.rowid), 0))).scalar_one()
    conn.execute(
        SEARCH_TEXT.insert(), [{"household_id": h.id, "terms": search_terms(h)} for h in households]
    )
    conn.execute(
        text(
            "INSERT INTO household_search(rowid, terms) "
            "SELECT rowid, terms FROM household_search_text WHERE rowid > :before"
        ),
        {"before": before},
    )


def unindex_household(conn: Connection, household_id: str) -> None:
    """Remove a household's search terms (before the household itself is deleted)."""
    old = conn.execute(
        select(SEARCH_TEXT.c.rowid, SEARCH_TEXT.c.terms).where(
            SEARCH_TEXT.c.household_id == household_id
        )
    ).first()
    if old is None:
        return
    conn.execute(
        text(
            "INSERT INTO household_search(household_search, rowid, terms) "
            "VALUES ('delete', :rowid, :terms)"
        ),
        {"rowid": old.rowid, "terms": old.terms},
    )
    conn.execute(SEARCH_TEXT.delete().where(SEARCH_TEXT.c.rowid == old.rowid))


def reindex_household(conn: Connection, household: Household) -> None:
    """Replace a stored household's search terms with its current ones."""
    unindex_household(conn, household.id)
    index_new_households(conn, [household])


def _fts_phrase(query: str) -> str:
    return '"' + query.replace('"', '""') + '"'


def normalise_query(query: str) -> str:
    """What is actually searched for: trimmed, lower-case, inner spaces removed."""
    return "".join(query.split()).lower()


def _summaries(conn: Connection, sql: str, params: dict[str, object]) -> list[HouseholdSummary]:
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


def list_households(
    conn: Connection, *, village_code: str | None = None, limit: int = 200, offset: int = 0
) -> list[HouseholdSummary]:
    """A page of households ordered by village then head name."""
    where = "WHERE h.village_code = :village" if village_code else ""
    sql = f"{_SUMMARY} {where} ORDER BY h.village_code, head_name, h.id LIMIT :limit OFFSET :offset"
    return _summaries(conn, sql, {"village": village_code, "limit": limit, "offset": offset})


def search_households(
    conn: Connection,
    query: str,
    *,
    village_code: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[HouseholdSummary]:
    """Households matching ``query``, at most ``limit``, ordered by head name."""
    q = normalise_query(query)
    if not q:
        return []
    params: dict[str, object] = {"limit": limit}
    if len(q) >= 3:
        matches = (
            "SELECT t.household_id FROM household_search s "
            "JOIN household_search_text t ON t.rowid = s.rowid "
            "WHERE household_search MATCH :phrase"
        )
        params["phrase"] = _fts_phrase(q)
    else:
        # Too short for trigrams: match the start of any term (a name, a given name, pinyin,
        # initials or an ID number).
        matches = (
            "SELECT t.household_id FROM household_search_text t "
            "WHERE instr(' ' || t.terms, ' ' || :q) > 0"
        )
        params["q"] = q
    where = f"WHERE h.id IN ({matches})"
    if village_code:
        where += " AND h.village_code = :village"
        params["village"] = village_code
    sql = f"{_SUMMARY} {where} ORDER BY head_name, h.id LIMIT :limit"
    return _summaries(conn, sql, params)
