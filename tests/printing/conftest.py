"""Demo households of the seed-article county, dated on the print day of the tests."""

import pytest

from caseworker.demo.generator import generate_households
from caseworker.domain.records import Household
from tests.printing.helpers import ON


@pytest.fixture(scope="session")
def demo_households() -> list[Household]:
    """40 demo households: the five story households first (张学林's family first)."""
    return generate_households(40, seed=1, as_of=ON)


@pytest.fixture
def zhang(demo_households: list[Household]) -> Household:
    """张学林's family of five, Zhongjie Village: a Dibao household (the seed article)."""
    from copy import deepcopy

    return deepcopy(demo_households[0])


@pytest.fixture
def visited(demo_households: list[Household]) -> Household:
    """A generated demo household (not one of the stories) with a visit on record."""
    from copy import deepcopy

    return deepcopy(next(h for h in demo_households[5:] if h.visits and len(h.members) > 2))
