"""Villages named in a roster: the names (and codes) of the villages known to the store,
to read a 村 column or ``--village``."""

import re
from collections.abc import Sequence

from caseworker.domain.regions import Region
from caseworker.domain.validation import Problem


class VillageNames:
    """Village names (and codes) known to the store, to read a 村 column or --village; a
    乡镇 column tells apart villages of the same name in different townships."""

    def __init__(self, regions: Sequence[Region]) -> None:
        names = {r.code: r.name for r in regions}
        self.by_name: dict[str, list[tuple[str, str]]] = {}  # name -> (code, township)
        for r in regions:
            if len(r.code) != 12:
                continue
            township = names.get(r.parent_code or "", "")
            for name in {r.name, r.name.removesuffix("村"), r.name.removesuffix("社区")}:
                if name:
                    self.by_name.setdefault(name, []).append((r.code, township))

    def code(self, value: str, township: str | None = None) -> str:
        """The code of a village given by code or by name; Problem if unknown or ambiguous."""
        if value.isdigit():
            return value  # checked as a code with every other household field
        found = self.by_name.get(value, [])
        if township and len(found) > 1:
            found = [f for f in found if _same_township(f[1], township)]
        if len(found) == 1:
            return found[0][0]
        if found:
            raise Problem(
                "village_ambiguous",
                "有几个村（社区）同名：请加“乡镇”一列，或改用12位村（社区）代码",
                "several villages have this name: add a township column or use the 12-digit "
                "village code",
            )
        raise Problem(
            "unknown_village",
            "不是本地已登记的村（社区）",
            "is not a village known to this store",
        )


def _same_township(stored: str, given: str) -> bool:
    def bare(name: str) -> str:
        return re.sub(r"(镇|乡|街道|街道办事处)$", "", name)

    return bare(stored) == bare(given)
