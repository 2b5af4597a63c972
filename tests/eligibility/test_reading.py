"""Reasons as printed and shown: the sentence without the engine's citation, and the
documents it rests on in the reader's language."""

from datetime import date

from caseworker.eligibility.findings import ParameterUse, Reason
from caseworker.eligibility.reading import plain_sentence, policy_basis

STANDARD = ParameterUse(
    "dibao.standard.rural", "400.00", date(2020, 1, 1), "示例参数（演示用）/ example value"
)
DEDUCTION = ParameterUse(
    "dibao.income.work_cost_deduction",
    "500.00",
    date(2020, 3, 1),
    "天津做法：外出务工人员扣减500元 / Tianjin: 500 yuan deducted",
)


def reason(*parameters: ParameterUse) -> Reason:
    return Reason(
        "dibao.income_below_standard",
        True,
        "家庭人均月收入180.00元，低于本地低保标准400.00元〔dibao.standard.rural=400.00，依据：示例〔参数〕〕",
        "per-capita income 180.00 below the standard 400.00 [dibao.standard.rural = 400.00]",
        {},
        parameters,
    )


def test_the_sentence_is_printed_without_keys_or_raw_values() -> None:
    r = reason(STANDARD)
    assert plain_sentence(r) == "家庭人均月收入180.00元，低于本地低保标准400.00元"
    assert plain_sentence(r, "en") == "per-capita income 180.00 below the standard 400.00"
    bare = Reason("x", True, "无引用的理由", "no citation", {}, ())
    assert plain_sentence(bare) == "无引用的理由"


def test_the_basis_names_each_document_once_in_the_readers_language() -> None:
    reasons = [reason(STANDARD, DEDUCTION), reason(STANDARD)]
    assert policy_basis(reasons) == ["示例参数（演示用）", "天津做法：外出务工人员扣减500元"]
    assert policy_basis(reasons, "en") == ["example value", "Tianjin: 500 yuan deducted"]
