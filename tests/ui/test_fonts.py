"""Names with rare characters (䶮 CJK Extension A, 𠮷 Extension B) show on screen: the
bundled fallback font draws what the main font lacks, even on a laptop with no Chinese
fonts of its own."""

from collections.abc import Iterator

import pytest

from PySide6.QtGui import QFont, QFontMetrics, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

from caseworker.font_files import FALLBACK_FAMILY
from caseworker.ui.fonts import register_bundled_fonts

MAIN_FAMILY = "WenQuanYi Micro Hei"
RARE = "䶮𠮷"  # U+4DAE, U+20BB7


@pytest.fixture
def families(qapp: QApplication) -> Iterator[list[str]]:
    before = qapp.font()
    yield register_bundled_fonts(qapp)
    qapp.setFont(before)


def drawn_with(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    """(family, glyph ids) of each run Qt lays ``text`` out in with ``font``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_the_main_font_comes_first_and_the_fallback_behind_it(
    qapp: QApplication, families: list[str]
) -> None:
    assert families[0] == MAIN_FAMILY
    assert FALLBACK_FAMILY in families
    assert qapp.font().families() == [MAIN_FAMILY, FALLBACK_FAMILY]
    assert qapp.font().family() == MAIN_FAMILY  # what the self-test checks


def test_a_label_with_a_rare_name_has_every_glyph(qtbot: object, families: list[str]) -> None:
    label = QLabel("张䶮 𠮷祥")
    metrics = QFontMetrics(label.font())
    for ch in label.text():
        assert metrics.inFontUcs4(ord(ch)), f"U+{ord(ch):04X} has no glyph"
    # The rare characters are drawn by the bundled fallback, with real glyphs (not glyph
    # 0, the empty box); the others by the main font.
    runs = drawn_with(RARE, label.font())
    assert [family for family, _ in runs] == [FALLBACK_FAMILY]
    assert all(glyph != 0 for _, glyphs in runs for glyph in glyphs)
    assert {family for family, _ in drawn_with(label.text(), label.font())} == {
        MAIN_FAMILY,
        FALLBACK_FAMILY,
    }
    raw = QRawFont.fromFont(QFont(FALLBACK_FAMILY))
    assert raw.familyName() == FALLBACK_FAMILY
    assert all(raw.supportsCharacter(ord(ch)) for ch in RARE)


def test_a_font_naming_only_the_main_family_still_falls_back(families: list[str]) -> None:
    # A widget given a font of its own (a heading, say) keeps the fallback too.
    runs = drawn_with(RARE, QFont(MAIN_FAMILY, 14))
    assert [family for family, _ in runs] == [FALLBACK_FAMILY]
