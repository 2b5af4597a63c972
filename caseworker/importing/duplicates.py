"""People who may already be known under another ID number: the same birth date and a
name that is the same, sounds the same (同音: 张学林 / 张雪林) or nearly so.

An ID number mistyped in one roster and right in another makes two records of one
person; nothing here merges them. They are shown for a person to confirm before the
import writes anything.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz
from sqlalchemy import Connection, select

from caseworker.domain.pinyin import name_pinyin
from caseworker.store.prepared import TABLES

# Pinyin this alike (0-100) counts as a near duplicate: one changed letter in a
# three-syllable name ("zhangxuelin" / "zhangxuelun").
PINYIN_SIMILARITY = 90
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Person:
    """One person, in the file or in the store."""

    name: str
    id_number: str
    birth_date: date
    where_zh: str  # "Sheet1 第12行" or "已登记：户主张学林的家庭"
    where_en: str
    household: str  # people of one household are not compared (twins are born together)


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """A person of the file who may be someone already listed (in the file or store)."""

    person: Person
    other: Person
    same_name: bool  # the very same characters, not only a similar sound

    @property
    def zh(self) -> str:
        how = "同名" if self.same_name else "姓名读音相近"
        return (
            f"{self.person.where_zh} {self.person.name}（{self.person.id_number}）与"
            f"{self.other.where_zh} {self.other.name}（{self.other.id_number}）{how}、"
            f"出生日期相同（{self.person.birth_date.isoformat()}），身份证号不同：可能是同一人"
        )

    @property
    def en(self) -> str:
        return (
            f"{self.person.where_en} {self.person.name} ({self.person.id_number}) and "
            f"{self.other.where_en} {self.other.name} ({self.other.id_number}) share a birth "
            f"date ({self.person.birth_date}) and a {'name' if self.same_name else 'similar name'}"
            " under different ID numbers: perhaps one person"
        )


def _alike(a: str, b: str) -> bool | None:
    """True: the same name; False: a name that sounds alike; None: different names."""
    if a == b:
        return True
    pa, pb = name_pinyin(a)[0], name_pinyin(b)[0]
    if pa and (pa == pb or fuzz.ratio(pa, pb) >= PINYIN_SIMILARITY):
        return False
    return None


def stored_people(conn: Connection, birth_dates: Iterable[date]) -> list[Person]:
    """The stored members born on any of ``birth_dates``, with their household's head."""
    member = TABLES["member"]
    days = sorted(set(birth_dates))
    found: list[Person] = []
    heads: dict[str, str] = {}
    for start in range(0, len(days), _CHUNK):
        rows = conn.execute(
            select(
                member.c.name, member.c.id_number, member.c.birth_date, member.c.household_id
            ).where(member.c.birth_date.in_(days[start : start + _CHUNK]))
        ).all()
        for name, number, born, household_id in rows:
            if household_id not in heads:
                heads[household_id] = (
                    conn.execute(
                        select(member.c.name).where(
                            member.c.household_id == household_id, member.c.relation == "head"
                        )
                    ).scalar()
                    or ""
                )
            head = heads[household_id]
            found.append(
                Person(
                    name,
                    number,
                    born,
                    f"已登记（户主{head}的家庭）",
                    f"stored (household of {head})",
                    household_id,
                )
            )
    return found


def near_duplicates(people: Sequence[Person], stored: Sequence[Person]) -> list[NearDuplicate]:
    """Each person of ``people`` who may be an earlier person of the file or a stored one
    under another ID number (the same ID number is the store's own check)."""
    by_day: dict[date, list[Person]] = {}
    for p in stored:
        by_day.setdefault(p.birth_date, []).append(p)
    found: list[NearDuplicate] = []
    for person in people:
        for other in by_day.get(person.birth_date, ()):
            if other.id_number == person.id_number or other.household == person.household:
                continue
            same = _alike(person.name, other.name)
            if same is not None:
                found.append(NearDuplicate(person, other, same))
                break
        by_day.setdefault(person.birth_date, []).append(person)
    return found
