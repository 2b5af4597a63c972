"""Decision records name templates and parameters by short codes: each code must name one
thing only, for ever; a record naming a template this version does not know is refused
with a clear error, not read wrongly."""

import pytest

from caseworker.eligibility.findings import MissingInfo
from caseworker.eligibility.params import SPECS
from caseworker.eligibility.record import RecordError, decode_findings, short_code
from caseworker.eligibility.template import MISSING_TEMPLATES, TEMPLATES, template_for


def test_no_two_templates_or_parameters_share_a_code() -> None:
    template_for("")  # the rules register their templates
    keys = [*TEMPLATES, *MISSING_TEMPLATES]
    assert len(keys) > 60
    assert len({short_code(k) for k in keys}) == len(keys)
    assert len({short_code(n) for n in SPECS}) == len(SPECS)


def test_a_code_is_six_base_36_digits_that_never_change() -> None:
    # Records made years ago are read with these: the function must not change.
    assert short_code("dibao.standard.rural") == short_code("dibao.standard.rural")
    codes = {short_code(n) for n in SPECS}
    assert all(len(c) == 6 and c.isalnum() and c == c.lower() for c in codes)
    assert short_code("income.per_capita") == "k23gh4"


def test_every_kind_of_missing_information_reads_back_from_its_template() -> None:
    for key, template in MISSING_TEMPLATES.items():
        said = template(
            "field", *(["cpi", "2026-12", "2025-09"] if "month" in key else [2, "王芳"])
        )
        assert isinstance(said, MissingInfo) and said.key == key
        assert "{" not in said.text_zh + said.text_en
        assert said.text_zh != said.text_en


@pytest.mark.parametrize(
    ("reasons", "missing"),
    [([["zzzzzz", True, [], []]], []), ([], [["incomes", "zzzzzz", []]])],
    ids=["reason", "missing"],
)
def test_a_record_naming_an_unknown_template_is_refused(
    reasons: list[object], missing: list[object]
) -> None:
    record = {
        "format": 3,
        "members": [],
        "params": [],
        "reasons": reasons,
        "findings": [
            ["dibao", "needs_information", None, None, [], [0] if reasons else [], missing]
        ],
    }
    with pytest.raises(RecordError, match="zzzzzz"):
        decode_findings(record, {})
