"""Every form a household can be printed on, for demo households of every kind, reads as
words: no data structures, no code names, no Python values; a form that does not apply to
a household is refused in words and writes nothing."""

import io
import re

import pytest

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.operations.printing import PrintJob, print_job
from caseworker.printing.documents import list_forms
from caseworker.printing.errors import PrintError
from caseworker.store.db import Store, open_store
from caseworker.store.households import save_households
from tests.printing.helpers import ON, reader

FORBIDDEN = ("{", "}", "'", "[]", "_id", "True", "False", "None", "household of")
SNAKE_CASE = re.compile(r"[A-Za-z]+_[A-Za-z_]+")


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(tmp_path_factory.mktemp("every-form") / "demo.db")
    save_households(store, generate_households(24, seed=5, as_of=ON), regions=demo_regions())
    return store


def test_every_form_of_every_household_prints_in_words(demo_store: Store) -> None:
    from caseworker.store.households import iter_households

    with demo_store.read() as conn:
        households = list(iter_households(conn))
    forms = [f.name for f in list_forms() if f.scope in ("household", "visit", "bundle")]
    printed: dict[str, int] = dict.fromkeys(forms, 0)
    for household in households:
        for form in forms:
            pdf = io.BytesIO()
            try:
                print_job(demo_store, PrintJob(form, ON, household_id=household.id), pdf)
            except PrintError as refused:
                assert not SNAKE_CASE.search(refused.zh), (form, refused.zh)
                assert pdf.getvalue() == b""
                continue
            for page in reader(pdf.getvalue()).pages:
                text = page.extract_text() or ""
                for bad in FORBIDDEN:
                    assert bad not in text, (form, household.id, bad)
                assert not SNAKE_CASE.search(text), (form, household.id, SNAKE_CASE.search(text))
            printed[form] += 1
    # Every form was printed for some household: the demo holds every kind of case but
    # the county's refusals and its decisions on reviews, whose notices test_notices.py
    # prints.
    unprinted = [form for form in forms if not printed[form]]
    assert unprinted == ["notice-change", "notice-refusal", "notice-stoppage"]
