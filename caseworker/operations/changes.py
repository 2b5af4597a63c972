"""What an operation changed, for the pages that show it (Anki's ``OpChanges``)."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    """The notice an operation returns; pages refresh what it names."""

    households: frozenset[str] = frozenset()  # ids of households whose records changed
    household_list: bool = False  # a household was added or removed (lists, counts)
    drafts: bool = False  # unsaved work was written or removed
    screening: bool = False  # stored findings changed (home's figures, flagged lists)
    sync: bool = False  # the sync state changed (outbox, conflicts, last sync)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(
            households=self.households | other.households,
            household_list=self.household_list or other.household_list,
            drafts=self.drafts or other.drafts,
            screening=self.screening or other.screening,
            sync=self.sync or other.sync,
        )

    def touches(self, household_id: str) -> bool:
        """Whether this household's records changed."""
        return household_id in self.households
