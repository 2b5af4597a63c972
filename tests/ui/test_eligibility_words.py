"""The eligibility cards speak plainly: each reason is a sentence, and its 依据 opens the
parameters it applied by their names, with values in words, dates and documents; the
parameters' keys are only in the tooltip, for county staff."""

import re

from pytestqt.qtbot import QtBot

from caseworker.store.db import Store
from caseworker.ui.i18n import install_language
from caseworker.ui.pages.household_page import HouseholdPage
from tests.ui.conftest import screened_page

DEVELOPER_TEXT = re.compile(
    r"[a-z]+\.[a-z_.]+|[A-Za-z]+_[A-Za-z_]+|\b(?:True|False|None)\b|[{}\[\]]"
)


def zhangs_cards(qtbot: QtBot, county: Store) -> HouseholdPage:
    return screened_page(qtbot, county, "张学林")


def test_the_basis_of_a_reason_opens_in_words_with_the_key_only_in_the_tooltip(
    qtbot: QtBot, county: Store
) -> None:
    cards = zhangs_cards(qtbot, county).eligibility.cards
    bases = [basis for card in cards for basis in card.bases]
    assert bases
    for basis in bases:
        assert basis.text().startswith("<a href='open'>依据")
        basis.linkActivated.emit("open")
        opened = re.sub(r"<[^>]+>", " ", basis.text())
        assert not DEVELOPER_TEXT.search(opened), opened
        assert "起；依据：" in opened
    said = " ".join(re.sub(r"<[^>]+>", " ", b.text()) for b in bases)
    assert "农村低保标准：400.00元/人·月（2020年1月1日起；依据：" in said
    assert "金额取整方式：按元四舍五入" in said
    assert "dibao.standard.rural" in " ".join(b.toolTip() for b in bases)
    for card in cards:
        for line in card.reasons:
            assert not DEVELOPER_TEXT.search(line.text()), line.text()


def test_in_english_the_basis_names_the_parameters_in_english(qtbot: QtBot, county: Store) -> None:
    install_language("en")
    cards = zhangs_cards(qtbot, county).eligibility.cards
    basis = next(b for card in cards for b in card.bases if "400.00" in b.toolTip())
    basis.linkActivated.emit("open")
    assert "rural Dibao standard: 400.00" in basis.text()
    assert "from 2020-01-01" in basis.text()
