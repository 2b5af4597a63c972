"""Chinese prints the same on any computer: the CJK font is embedded, as a subset."""

from caseworker.domain.records import Household
from caseworker.printing.documents import render_form
from tests.printing.helpers import ON, REGIONS, fonts_of, page_texts


def test_the_cjk_font_is_embedded_as_a_subset_and_no_other_font_is_needed(
    zhang: Household,
) -> None:
    pdf = render_form("dibao-application", zhang, regions=REGIONS, printed_on=ON)
    fonts = fonts_of(pdf)
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        # A subset is named with a six-letter tag: "ABCDEF+WenQuanYiMicroHei".
        assert "+" in name and "WenQuanYi" in name, name
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"
        assert "/ToUnicode" in font  # so the text can be searched and copied
    # Only the glyphs used are embedded: far smaller than the 5 MB font file.
    assert len(pdf) < 300_000
    assert "最低生活保障申请审批表" in page_texts(pdf)[0]
