"""The policy packs a device knows: those bundled with the app plus any received later.

Packs arrive as YAML text (from ``resources/policies/``, from a file, or from the county
server); the library validates each, keeps the newest version of each pack id, and finds
the policy for a household by its county (the first six digits of ``village_code``).
"""

from collections.abc import Iterable
from pathlib import Path

from caseworker.config import resource_path
from caseworker.domain.records import Household
from caseworker.domain.validation import Problem
from caseworker.domain.workdays import WorkCalendar
from caseworker.eligibility.calendar_years import work_calendar
from caseworker.eligibility.policy import (
    Pack,
    Policy,
    PolicyError,
    parse_pack,
    policy_error,
    resolve,
)


def bundled_pack_texts() -> list[tuple[str, str]]:
    """(file name, YAML text) of every pack shipped in ``resources/policies/``."""
    folder = resource_path("policies")
    return [(path.name, path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yaml"))]


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Order versions like "2020.10" after "2020.9" (numeric parts compared as numbers)."""
    return tuple(
        (0, int(p)) if p.isdigit() else (1, p) for p in version.replace("-", ".").split(".")
    )


class PolicyLibrary:
    """Packs by id; policies by pack id or by county."""

    def __init__(self, texts: Iterable[tuple[str, str]] = (), *, bundled: bool = True) -> None:
        """Load the bundled packs (unless ``bundled`` is False), then ``texts``:
        (source name, YAML text) pairs, such as packs received from the county server."""
        self.packs: dict[str, Pack] = {}
        self._policies: dict[str, Policy] = {}
        for source, text in [*(bundled_pack_texts() if bundled else []), *texts]:
            self.add_text(text, source=source)

    def add_text(self, text: str, *, source: str = "") -> Pack:
        """Validate and add one pack; a newer version of a known id replaces the older."""
        pack = parse_pack(text, source=source)
        return self.add(pack)

    def add_file(self, path: Path) -> Pack:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise policy_error(
                "",
                None,
                Problem("unreadable", f"无法读取（{exc}）", f"cannot be read ({exc})"),
                str(path),
            ) from exc
        return self.add_text(text, source=path.name)

    def add(self, pack: Pack) -> Pack:
        known = self.packs.get(pack.id)
        if known is not None:
            if known.sha256 == pack.sha256:
                return known
            if known.version == pack.version:
                raise policy_error(
                    "version",
                    pack.version,
                    Problem(
                        "same_version",
                        f"与已有的政策包{pack.id}版本号相同但内容不同",
                        f"is the version of the known pack {pack.id}, with different content",
                    ),
                    pack.source or pack.id,
                )
            if _version_key(pack.version) < _version_key(known.version):
                return known
        for county in pack.counties:
            other = self.pack_id_for_county(county)
            if other is not None and other != pack.id:
                raise policy_error(
                    "counties",
                    county,
                    Problem(
                        "county_taken",
                        f"已由政策包{other}覆盖，一个县只能有一个政策包",
                        f"is already covered by pack {other}; a county has one pack",
                    ),
                    pack.source or pack.id,
                )
        self.packs[pack.id] = pack
        self._policies.clear()
        return pack

    def pack_id_for_county(self, county_code: str) -> str | None:
        for pack in self.packs.values():
            if county_code in pack.counties:
                return pack.id
        return None

    def policy(self, pack_id: str) -> Policy:
        """The resolved policy of a pack (with what it extends)."""
        cached = self._policies.get(pack_id)
        if cached is not None:
            return cached
        chain: list[Pack] = []
        current: str | None = pack_id
        while current is not None:
            pack = self.packs.get(current)
            if pack is None:
                where = "extends" if chain else "id"
                raise policy_error(
                    where,
                    current,
                    Problem("unknown_pack", "没有这个政策包", "no such policy pack is known"),
                    chain[-1].id if chain else "",
                )
            if pack in chain:
                raise policy_error(
                    "extends",
                    current,
                    Problem("cycle", "继承关系成环", "packs extend each other in a circle"),
                    pack.id,
                )
            chain.append(pack)
            current = pack.extends
        policy = resolve(tuple(chain))
        self._policies[pack_id] = policy
        return policy

    def policy_for_county(self, county_code: str) -> Policy:
        pack_id = self.pack_id_for_county(county_code)
        if pack_id is None:
            raise policy_error(
                "village_code",
                county_code,
                Problem(
                    "no_pack",
                    "所在县（区）没有可用的政策包，请从县民政局同步或用--policy指定",
                    "no policy pack covers this county; sync it from the county or give --policy",
                ),
            )
        return self.policy(pack_id)

    def policy_for(self, household: Household) -> Policy:
        """The policy for a household: its county's pack (first 6 digits of the village)."""
        return self.policy_for_county(household.village_code[:6])

    def work_calendar(self) -> WorkCalendar:
        """The official working-day calendar, with the years the packs carry that the
        library does not know yet."""
        return work_calendar(year for pack in self.packs.values() for year in pack.calendar)

    def policies(self) -> list[Policy]:
        """Every county policy (packs that cover at least one county)."""
        return [self.policy(p.id) for p in self.packs.values() if p.counties]


__all__ = ["PolicyError", "PolicyLibrary", "bundled_pack_texts"]
