"""The catalogue of fields and lists each kind of form may name, and the resolver that
fills them: household and visit forms from ``household_fields``, the publicity list from
``village_fields``."""

from caseworker.printing import (
    case_fields,  # noqa: F401  (registers its fields)
    household_fields,
    village_fields,
)
from caseworker.printing.context import ListFn, ScalarFn, Source, Values
from caseworker.printing.definitions import FieldCatalog, FormDef
from caseworker.printing.requirements import CONDITIONS, REQUIREMENTS

_VISIT_ONLY = frozenset(name for name in household_fields.SCALARS if name.startswith("visit."))
_VISIT_LISTS = frozenset({"investigators"})


def _lists(
    table: dict[str, tuple[frozenset[str], ListFn]], skip: frozenset[str] = frozenset()
) -> dict[str, frozenset[str]]:
    return {name: fields for name, (fields, _) in table.items() if name not in skip}


CATALOG = FieldCatalog(
    scalars={
        "household": frozenset(household_fields.SCALARS) - _VISIT_ONLY,
        "visit": frozenset(household_fields.SCALARS),
        "village": frozenset(village_fields.SCALARS),
    },
    lists={
        "household": _lists(household_fields.LISTS, _VISIT_LISTS),
        "visit": _lists(household_fields.LISTS),
        "village": _lists(village_fields.LISTS),
    },
    requirements=frozenset(REQUIREMENTS),
    conditions=frozenset(CONDITIONS),
)

_HOUSEHOLD_LISTS: dict[str, ListFn] = {n: fn for n, (_, fn) in household_fields.LISTS.items()}
_VILLAGE_LISTS: dict[str, ListFn] = {n: fn for n, (_, fn) in village_fields.LISTS.items()}


def values_for(form: FormDef, source: Source) -> Values:
    """A resolver of ``form``'s fields filled from ``source``."""
    scalars: dict[str, ScalarFn]
    if form.kind == "village":
        scalars, lists = village_fields.SCALARS, _VILLAGE_LISTS
    else:
        scalars, lists = household_fields.SCALARS, _HOUSEHOLD_LISTS
    return Values(form, source, scalars, lists)
