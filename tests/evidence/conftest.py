"""A store with one household (张学林 and his mother) to attach evidence to."""

from collections.abc import Callable
from typing import Any

import pytest

from caseworker.domain.records import Household
from caseworker.interchange.household_format import parse_household
from caseworker.store.db import Store
from caseworker.store.households import save_household


@pytest.fixture
def household(store: Store, household_data: Callable[..., dict[str, Any]]) -> Household:
    """The household saved in ``store``."""
    saved = parse_household(household_data())
    save_household(store, saved)
    return saved
