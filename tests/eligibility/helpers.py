"""Households built in code for rule tests: exact ages, incomes and benefits on a given day."""

import itertools
from datetime import date, timedelta
from typing import Any

from caseworker.domain.codes import (
    AssetKind,
    DisabilityType,
    Hukou,
    IncomeKind,
    LaborCapacity,
    PoorStatus,
    Relation,
    Sex,
)
from caseworker.domain.records import (
    Asset,
    Disability,
    Household,
    IncomeItem,
    Member,
    RegisteredPoor,
)
from caseworker.eligibility.findings import Finding, Screening
from caseworker.eligibility.library import PolicyLibrary
from caseworker.eligibility.policy import Policy

JINGYANG_VILLAGE = "610423100201"
JIANGAN_VILLAGE = "420102001001"
_ids = itertools.count(1)
LIBRARY = PolicyLibrary()


# A county that sets only its Dibao standards and takes everything else from the national
# pack: a test adds the parameters it is about below it.
TEST_COUNTY = """
format: caseworker.policy/1
id: cn-999999-test
version: "1"
name: {zh: 测试县, en: Test county}
extends: cn-national
counties: ["619999"]
parameters:
  dibao.standard.rural:
    - {from: 2019-01-01, value: "400.00", ref: 测试}
  dibao.standard.urban:
    - {from: 2019-01-01, value: "600.00", ref: 测试}
"""


def jingyang() -> Policy:
    return LIBRARY.policy("cn-610423-jingyang")


def jiangan() -> Policy:
    return LIBRARY.policy("cn-420102-jiangan")


def uid() -> str:
    return f"00000000-0000-4000-8000-{next(_ids):012d}"


def born(age: int, on: date, *, days_to_birthday: int = 10) -> date:
    """A birth date making a person exactly ``age`` on ``on`` (birthday still ahead)."""
    birthday = on + timedelta(days=days_to_birthday)
    return birthday.replace(year=birthday.year - age - 1)


def member(
    on: date,
    age: int = 40,
    *,
    name: str = "王伟",
    relation: Relation = Relation.HEAD,
    incomes: list[tuple[IncomeKind, int]] | None = None,
    labor: LaborCapacity | None = LaborCapacity.FULL,
    disability: Disability | None = None,
    illness: str | None = "",
    self_care: int | None = 0,
    returned_to_work: bool | None = False,
    birth_date: date | None = None,
    **extra: Any,
) -> Member:
    """A member; ``incomes`` are (kind, yuan); default: no income, able to work, healthy."""
    m = Member(
        id=uid(),
        name=name,
        id_number=f"61042319800101{next(_ids) % 1000:03d}X",
        relation=relation,
        birth_date=birth_date or born(age, on),
        sex=Sex.MALE,
        labor_capacity=labor,
        disability=disability if disability is not None else Disability(DisabilityType.NONE),
        serious_illness=illness,
        self_care_impossible=self_care,
        in_school=False,
        orphan=False,
        de_facto_unsupported_child=False,
        returned_to_work=returned_to_work,
        incomes=None
        if incomes is None and extra.pop("unknown_incomes", False)
        else [IncomeItem(uid(), kind, yuan * 100) for kind, yuan in incomes or []],
    )
    for key, value in extra.items():
        setattr(m, key, value)
    return m


def household(
    members: list[Member],
    *,
    village: str = JINGYANG_VILLAGE,
    hukou: Hukou = Hukou.RURAL,
    deposits_fen: int = 100_000,
    **extra: Any,
) -> Household:
    h = Household(
        id=uid(),
        village_code=village,
        address="一组1号",
        hukou=hukou,
        members=members,
        local_resident=True,
        registered_poor=RegisteredPoor(PoorStatus.NONE),
        cadre_relative=False,
        assets=[
            Asset(uid(), AssetKind.HOUSE, 5_000_000, 1),
            Asset(uid(), AssetKind.DEPOSIT, deposits_fen, 1),
        ],
        expenses=[],
        legal_supporters=[],
    )
    for key, value in extra.items():
        setattr(h, key, value)
    return h


def finding(s: Screening, program: Any) -> Finding:
    f = s.finding(program)
    assert f is not None
    return f


def cites(f: Finding, parameter: str) -> bool:
    """Whether any reason of the finding cites ``parameter``."""
    return any(p.name == parameter for r in f.reasons for p in r.parameters)


def rule(f: Finding, code: str) -> Any:
    """The reason of rule ``code`` in the finding."""
    found = [r for r in f.reasons if r.rule == code]
    assert found, f"no reason {code} in {[r.rule for r in f.reasons]}"
    return found[0]
