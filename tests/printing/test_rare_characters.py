"""Names with rare characters print: CJK Extension A (䶮 U+4DAE) and B (𠮷 U+20BB7), which
the main font lacks, are drawn with the fallback font, can be read back from the PDF, and
are measured in the font that draws them."""

from datetime import timedelta

import pytest
from reportlab.pdfbase import pdfmetrics

from caseworker.demo.places import ZHONGJIE_VILLAGE
from caseworker.domain.codes import Program, Stage
from caseworker.domain.records import Application, Household, StageEntry
from caseworker.eligibility.findings import Status
from caseworker.printing import to_unicode
from caseworker.printing.casefile import CaseInput, render_case_file
from caseworker.printing.documents import render_form
from caseworker.printing.fonts import (
    FALLBACK_NAME,
    FONT_NAME,
    MISSING,
    register_fallback,
    register_font,
    runs,
    text_width,
)
from caseworker.printing.publicity import publicity_entries, publicity_source, render_publicity
from caseworker.printing.recovery_sheet import recovery_sheet
from caseworker.printing.wrap import wrap
from tests.printing.helpers import MET, ON, REGIONS, fonts_of, page_texts, reader, screening

EXT_A = "张䶮"  # 䶮 U+4DAE, CJK Extension A
EXT_B = "𠮷祥"  # 𠮷 U+20BB7, CJK Extension B
# CJK Extension H (Unicode 15, 2022): in neither font.
IN_NEITHER = "\U00031350"
# The embedded fonts' names, without the subset tag (ReportLab adds the face of the
# collection to the main font's).
MAIN_PS_NAME = "WenQuanYiMicroHei-0"
FALLBACK_PS_NAME = "CaseworkerRareHan"


@pytest.fixture
def rare(zhang: Household) -> Household:
    """张学林's family, the head renamed 张䶮 and the spouse 𠮷祥, at the publicity stage."""
    zhang.members[0].name = EXT_A
    zhang.members[1].name = EXT_B
    zhang.applications = [
        Application(
            f"{zhang.id}-a",
            Program.DIBAO,
            [
                StageEntry(f"{zhang.id}-s0", Stage.APPLIED, ON - timedelta(days=9)),
                StageEntry(f"{zhang.id}-s1", Stage.PUBLICITY, ON - timedelta(days=1)),
            ],
        )
    ]
    return zhang


def embedded_font_bytes(pdf: bytes) -> dict[str, int]:
    """Bytes of each embedded font program, by the font's name without its subset tag."""
    sizes: dict[str, int] = {}
    for font in fonts_of(pdf):
        name = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
        program = font["/FontDescriptor"].get_object()["/FontFile2"].get_object()
        sizes[name] = sizes.get(name, 0) + len(program.get_data())
    return sizes


def test_runs_are_cut_where_the_drawing_font_changes() -> None:
    assert runs(f"户主：{EXT_A}，配偶：{EXT_B}") == (
        (FONT_NAME, "户主：张"),
        (FALLBACK_NAME, "䶮"),
        (FONT_NAME, "，配偶："),
        (FALLBACK_NAME, "𠮷"),
        (FONT_NAME, "祥"),
    )
    assert runs("张学林") == ((FONT_NAME, "张学林"),)
    assert runs("") == ()


def test_a_rare_character_is_measured_in_the_font_that_draws_it() -> None:
    fallback = pdfmetrics.getFont(register_fallback())
    for ch in "䶮𠮷":
        assert text_width(ch, 10) == pytest.approx(fallback.stringWidth(ch, 10))
        assert text_width(ch, 10) == pytest.approx(10)  # full width, as the main font's
    assert text_width(EXT_A + EXT_B, 12) == pytest.approx(48)
    # Eight ideographs in a box seven wide: the eighth goes to the next line.
    assert wrap("张䶮𠮷祥张䶮𠮷祥", 70, 10) == ["张䶮𠮷祥张䶮𠮷", "祥"]


def test_a_character_in_neither_font_prints_as_a_box_not_a_blank(zhang: Household) -> None:
    main = register_font()
    fallback = register_fallback()
    for name in (main, fallback):
        assert ord(IN_NEITHER) not in pdfmetrics.getFont(name).face.charToGlyph
    # □, the mark Chinese print uses for a character it cannot set, measured as drawn:
    # the reader sees that a character is missing, to be written in by hand.
    assert runs(f"张{IN_NEITHER}林") == (
        (FONT_NAME, "张"),
        (FALLBACK_NAME, MISSING),
        (FONT_NAME, "林"),
    )
    # Full width: the space of the character it stands for, to write it in.
    assert text_width(IN_NEITHER, 10) == pytest.approx(10)
    zhang.members[0].name = f"张{IN_NEITHER}林"
    pdf = render_form("dibao-application", zhang, regions=REGIONS, printed_on=ON)
    assert f"张{MISSING}林" in page_texts(pdf)[0]
    assert set(embedded_font_bytes(pdf)) == {MAIN_PS_NAME, FALLBACK_PS_NAME}


def test_the_application_form_prints_and_reads_back_rare_names(rare: Household) -> None:
    pdf = render_form("dibao-application", rare, regions=REGIONS, printed_on=ON)
    text = "".join(page_texts(pdf))
    assert EXT_A in text
    assert EXT_B in text


def test_the_case_file_prints_and_reads_back_rare_names(rare: Household) -> None:
    s = screening(rare, Program.DIBAO, Status.LIKELY_ELIGIBLE, reasons=(MET,))
    pdf = render_case_file(CaseInput(rare, s), regions=REGIONS, printed_on=ON)
    text = "".join(page_texts(pdf))
    assert EXT_A in text
    assert EXT_B in text


def test_the_publicity_list_prints_and_reads_back_rare_names(
    rare: Household, demo_households: list[Household]
) -> None:
    from copy import deepcopy

    second = deepcopy(demo_households[1])
    second.members[0].name = EXT_B
    second.applications = [
        Application(
            f"{second.id}-a",
            Program.DIBAO,
            [StageEntry(f"{second.id}-s0", Stage.TOWNSHIP_REVIEW, ON - timedelta(days=2))],
        )
    ]
    pairs = [(rare, screening(rare)), (second, screening(second))]
    source = publicity_source(
        ZHONGJIE_VILLAGE, publicity_entries(pairs, on=ON), regions=REGIONS, printed_on=ON
    )
    text = "".join(page_texts(render_publicity(source)))
    assert EXT_A in text  # 张䶮 heads the first household
    assert EXT_B in text  # 𠮷祥 the second


def test_both_fonts_are_embedded_only_as_small_subsets(rare: Household) -> None:
    pdf = render_form("dibao-application", rare, regions=REGIONS, printed_on=ON)
    fonts = fonts_of(pdf)
    names = {str(font["/BaseFont"]) for font in fonts}
    assert any("WenQuanYi" in name for name in names)
    assert any("CaseworkerRareHan" in name for name in names)
    for font in fonts:
        name = str(font["/BaseFont"])
        # A subset is named with a six-letter tag: "ABCDEF+CaseworkerRareHan".
        assert "+" in name and len(name.lstrip("/").split("+")[0]) == 6, name
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), f"{name} is not embedded"
        assert "/ToUnicode" in font
    sizes = embedded_font_bytes(pdf)
    # The fallback's subset holds two glyphs: a few KB of its 5 MB.
    assert set(sizes) == {MAIN_PS_NAME, FALLBACK_PS_NAME}
    assert sizes[FALLBACK_PS_NAME] < 10_000, sizes
    assert sum(sizes.values()) < 300_000, sizes
    assert len(pdf) < 300_000


def test_a_form_without_rare_characters_embeds_only_the_main_font(zhang: Household) -> None:
    pdf = render_form("dibao-application", zhang, regions=REGIONS, printed_on=ON)
    assert set(embedded_font_bytes(pdf)) == {MAIN_PS_NAME}


def test_the_recovery_sheet_prints_a_workers_rare_name() -> None:
    pdf = recovery_sheet("ABCD-EFGH-JKMN-PQRS-TVWX", worker=EXT_B, on=ON)
    page = reader(pdf).pages[0].extract_text() or ""
    assert f"工作人员：{EXT_B}" in page


def test_to_unicode_spells_supplementary_characters_as_surrogate_pairs() -> None:
    # ReportLab's own map wrote <20BB7>, which readers reject: 𠮷 was lost on copying.
    assert to_unicode.utf16_hex(0x20BB7) == "D842DFB7"
    assert to_unicode.utf16_hex(0x4DAE) == "4DAE"
    assert to_unicode.utf16_hex(0) == "0000"
    cmap = to_unicode.to_unicode_cmap("X", [0, 0x5F20, 0x20BB7])
    assert "<01> <5F20>" in cmap and "<02> <D842DFB7>" in cmap
