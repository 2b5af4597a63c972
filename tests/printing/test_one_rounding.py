"""A money figure is rounded once and reads the same on the eligibility card and on the
printed form, for every demo household."""

import re

from caseworker.demo.generator import generate_households
from caseworker.demo.places import demo_regions
from caseworker.domain.money import format_yuan
from caseworker.domain.validation import ValidationFailed
from caseworker.eligibility.engine import screen
from caseworker.eligibility.library import PolicyLibrary
from caseworker.printing.documents import render_form
from tests.printing.helpers import ON, page_texts

PER_CAPITA = re.compile(r"人均月收入(?:至少)?(\d+\.\d\d)元")


def test_per_capita_income_and_amounts_read_the_same_on_the_card_and_the_form() -> None:
    library = PolicyLibrary()
    regions = {r.code: r.name for r in demo_regions()}
    printed = 0
    for household in generate_households(60, seed=3, as_of=ON):
        screening = screen(household, library.policy_for(household), ON, explain=True)
        on_card = {
            figure
            for finding in screening.findings
            for reason in finding.reasons
            for figure in PER_CAPITA.findall(reason.text_zh)
        }
        assert len(on_card) <= 1, (household.id, on_card)  # one figure in every sentence
        try:
            pdf = render_form(
                "dibao-application", household, regions=regions, screening=screening, printed_on=ON
            )
        except ValidationFailed:
            continue  # nothing to apply for
        text = "".join(page_texts(pdf))
        form = re.search(r"家庭人均月收入（元）(\d+\.\d\d)", text)
        if on_card and form:
            assert {form.group(1)} == on_card, household.id
            printed += 1
        for finding in screening.findings:
            if finding.monthly_fen and finding.program.zh in text:
                assert format_yuan(finding.monthly_fen) in text
    assert printed >= 10
