"""Long names and addresses wrap inside their boxes and never overflow."""

import random

from caseworker.domain.records import Household
from caseworker.printing.boxes import PAD_X
from caseworker.printing.documents import get_form, household_source
from caseworker.printing.fields import values_for
from caseworker.printing.fonts import text_width
from caseworker.printing.layout import Layout
from caseworker.printing.wrap import NO_LINE_START, wrap
from tests.printing.helpers import ON, REGIONS, page_texts

ADDRESS = "三组沿河东路与新建南街交叉口向北约二百米处原村供销合作社旧址后院西侧第三排第七号"


def test_a_40_character_address_wraps_inside_its_box(zhang: Household) -> None:
    assert len(ADDRESS) == 40
    zhang.address = ADDRESS
    form = get_form("dibao-application")
    source = household_source(zhang, regions=REGIONS, printed_on=ON)
    pages = Layout(form, values_for(form, source)).run()
    region = "泾阳县云阳镇中街村"
    full = region + ADDRESS
    # The value box of the address row: weights 2.2 (label) and 10.2 (value).
    x0 = form.margins[3]
    width = form.page_size[0] - form.margins[1] - x0
    box_left = x0 + width * 2.2 / 12.4
    box_right = x0 + width
    # (The hukou row prints the region alone: not part of the address box.)
    lines = [t for t in pages[0].texts if t[3] in full and len(t[3]) > 3 and t[3] != region]
    assert len(lines) >= 2, "the address should take more than one line"
    assert "".join(t[3] for t in lines) == full
    for x, _y, size, text, _bold in lines:
        assert x >= box_left + PAD_X - 0.01
        assert x + text_width(text, size) <= box_right - PAD_X + 0.01
    # And the printed page has all of it.
    from caseworker.printing.documents import render_form

    text = page_texts(render_form("dibao-application", zhang, regions=REGIONS, printed_on=ON))[0]
    assert region + ADDRESS in text


def test_wrapped_lines_are_never_wider_than_the_box_and_lose_nothing() -> None:
    rng = random.Random(7)
    alphabet = "张王李赵社会救助最低生活保障，。、（）《》0123456789ABCxyz -/"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120)))
        width = rng.uniform(20, 300)
        size = rng.choice([8.0, 10.0, 12.0])
        lines = wrap(text, width, size)
        for line in lines:
            assert text_width(line, size) <= width + 1e-6 or len(line) == 1
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_closing_punctuation_does_not_start_a_line_and_digit_runs_stay_whole() -> None:
    size = 10.0
    text = "家庭人均月收入212.00元，低于本县农村最低生活保障标准（每月580.00元）。"
    for width in range(60, 260, 7):
        lines = wrap(text, float(width), size)
        assert all(line[0] not in NO_LINE_START for line in lines[1:]), lines
        assert all(not line.endswith("（") for line in lines), lines
        for number in ("212.00", "580.00"):
            assert any(number in line for line in lines), (width, lines)
    # A run wider than the box is broken rather than overflowing it.
    lines = wrap("610423197401080657", 40, size)
    assert len(lines) > 1 and all(text_width(line, size) <= 40 for line in lines)


def test_a_monthly_amount_is_never_broken_at_its_slash() -> None:
    size = 10.0
    text = "张学林：工资性收入1,200.00元/月；李秀梅：种养殖净收入600.00元/月"
    for width in range(60, 300, 3):
        lines = wrap(text, float(width), size)
        assert "".join(lines) == text
        assert not any(line.endswith("/") or line.startswith(("/", "月")) for line in lines), lines
