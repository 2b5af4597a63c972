"""Every form prints from demo data with its fields on the right page, and every page
carries its record id, print date, policy pack, QR code and page number."""

import re
from pathlib import Path

import pytest

from caseworker.domain.codes import Program
from caseworker.domain.records import Household
from caseworker.domain.validation import ValidationFailed
from caseworker.domain.wording import housing_words
from caseworker.eligibility.findings import Status
from caseworker.printing.documents import list_forms, render_form, write_form
from caseworker.printing.errors import FormDefinitionError
from caseworker.printing.fields import CATALOG
from caseworker.printing.form_files import load_definitions
from caseworker.printing.household_fields import file_reference
from caseworker.printing.qr import qr_matrix
from tests.printing.helpers import MET, ON, POLICY, REGIONS, page_texts, reader, screening

HOUSEHOLD_FORMS = [
    "dibao-application",
    "authorization",
    "temporary-assistance",
    "special-hardship",
    "case-file-cover",
]


def test_the_forms_folder_holds_every_form_of_the_issue() -> None:
    names = {f.name for f in list_forms()}
    assert names >= {
        "dibao-application",
        "authorization",
        "investigation",
        "temporary-assistance",
        "special-hardship",
        "notice-approval",
        "notice-refusal",
        "notice-change",
        "notice-stoppage",
        "publicity",
        "case-file",
    }
    assert "case-file-cover" not in names  # printed only as its case file's first page


def test_the_application_form_prints_the_household_in_its_boxes(zhang: Household) -> None:
    s = screening(zhang, Program.DIBAO, Status.CONTINUE, monthly_fen=90_000, reasons=(MET,))
    text = page_texts(
        render_form("dibao-application", zhang, regions=REGIONS, screening=s, printed_on=ON)
    )
    assert len(text) == 1
    page = text[0]
    head = zhang.members[0]
    for expected in (
        "最低生活保障申请审批表",
        "户主姓名张学林",
        f"身份证号码{head.id_number}",
        "家庭住址泾阳县云阳镇中街村三组18号",
        # members table: name, relation, sex, age, health, ..., income
        "李秀梅配偶女49类风湿关节炎",
        "王桂芝父母女78",
        # 600 + 300 + 160 yuan a month, five people
        "家庭月总收入（元）1060.00家庭人均月收入（元）212.00家庭人口5人",
        "月保障金额（元）900.00",
        "分类施保类别B类",
        "村（居）民委员会意见",
        "县级人民政府民政部门审批意见",
    ):
        assert expected in page, expected


@pytest.mark.parametrize("name", HOUSEHOLD_FORMS)
def test_every_page_carries_id_date_policy_qr_and_number(zhang: Household, name: str) -> None:
    s = screening(zhang, reasons=(MET,))
    pdf = render_form(name, zhang, regions=REGIONS, screening=s, printed_on=ON)
    pages = reader(pdf).pages
    texts = page_texts(pdf)
    for number, (page, text) in enumerate(zip(pages, texts, strict=True), start=1):
        assert f"档案编号：{file_reference(zhang.id)}" in text
        assert zhang.id not in text and POLICY.id not in text  # no record id or code name
        assert "打印日期：2026年11月1日" in text
        assert f"计算依据：本县社会救助政策（{POLICY.version}版）" in text
        assert f"第{number}页共{len(pages)}页" in text
        assert qr_codes_on(page) == [qr_matrix(zhang.id)]


def test_without_a_screening_the_page_says_no_policy_pack_was_used(zhang: Household) -> None:
    text = page_texts(render_form("dibao-application", zhang, regions=REGIONS, printed_on=ON))[0]
    assert "计算依据：未经筛查（无计算结果）" in text
    assert "月保障金额（元）分类" not in text  # the amount box is left empty, not 0


def qr_codes_on(page: object) -> list[list[list[bool]]]:
    """The QR codes drawn on a page, read back from their drawing (a form object of
    module rectangles), as module matrices."""
    codes = []
    xobjects = page["/Resources"].get("/XObject", {})  # type: ignore[index]
    for xobject in xobjects.values():
        xobject = xobject.get_object()
        if xobject.get("/Subtype") != "/Form":
            continue
        data = xobject.get_data().decode("latin-1")
        rects = [
            tuple(map(float, m))
            for m in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re", data)
        ]
        if not rects:
            continue
        module = min(r[3] for r in rects)
        size = round(float(xobject["/BBox"][3]) / module)
        matrix = [[False] * size for _ in range(size)]
        for x, y, w, _h in rects:
            row = size - 1 - round(y / module)
            for col in range(round(x / module), round((x + w) / module)):
                matrix[row][col] = True
        codes.append(matrix)
    return codes


def test_the_investigation_form_prints_the_visit(visited: Household) -> None:
    visit = visited.visits[-1]
    text = page_texts(render_form("investigation", visited, regions=REGIONS, printed_on=ON))[0]
    assert f"调查日期：{visit.date.year}年{visit.date.month}月{visit.date.day}日" in text
    assert visit.conclusion in text
    assert housing_words(visit.observations.housing) in text
    for worker in visit.workers:
        assert worker in text


def test_an_investigation_form_needs_a_visit_and_nothing_is_written(
    zhang: Household, tmp_path: Path
) -> None:
    assert not zhang.visits
    out = tmp_path / "x.pdf"
    with pytest.raises(ValidationFailed) as failed:
        write_form(out, "investigation", zhang, regions=REGIONS, printed_on=ON)
    error = failed.value.errors[0]
    assert error.field == "visits"
    assert "入户调查" in error.message_zh and "visit" in error.message_en
    assert list(tmp_path.iterdir()) == []


def test_a_visit_id_that_is_not_the_households_is_refused(visited: Household) -> None:
    with pytest.raises(ValidationFailed) as failed:
        render_form("investigation", visited, regions=REGIONS, visit_id="nope")
    assert failed.value.errors[0].value == "nope"


def test_a_long_table_continues_on_the_next_page_under_its_header(zhang: Household) -> None:
    from copy import deepcopy
    from dataclasses import replace

    extra = []
    for i in range(40):
        m = deepcopy(zhang.members[2])
        extra.append(replace(m, id=f"m{i}", name=f"张{'一二三四五六七八九十'[i % 10]}{i}"))
    zhang.members += extra
    pdf = render_form("dibao-application", zhang, regions=REGIONS, printed_on=ON)
    texts = page_texts(pdf)
    assert len(texts) >= 2
    assert all("与户主关系" in t for t in texts[:2])  # header repeated
    everything = "".join(texts)
    assert all(m.name in everything for m in zhang.members)
    assert "县级人民政府民政部门审批意见" in texts[-1]
    assert f"第{len(texts)}页共{len(texts)}页" in texts[-1]


def test_a_box_taller_than_a_page_is_split_and_loses_nothing(visited: Household) -> None:
    visited.visits[-1].conclusion = "经入户核实，" + "家庭生活困难情况属实，" * 250 + "完。"
    texts = page_texts(render_form("investigation", visited, regions=REGIONS, printed_on=ON))
    assert len(texts) >= 3
    # The pages' bodies (without their footers) read on from one page to the next.
    bodies = "".join(t.split(f"第{n}页共")[0] for n, t in enumerate(texts, start=1))
    assert visited.visits[-1].conclusion in bodies


def write_forms(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "bad.toml").write_text(text, encoding="utf-8")
    return folder


MINIMAL = """
title_zh = "测试"
title_en = "test"
[[blocks]]
"""


@pytest.mark.parametrize(
    ("block", "words"),
    [
        ('type = "row"\ncells = [{ value = "{head.nmae}" }]', "head.nmae"),
        ('type = "wobble"', "wobble"),
        ('type = "row"\ncells = [{ value = "x", colour = "red" }]', "colour"),
        ('type = "table"\nsource = "neighbours"\ncolumns = [{ header = "x" }]', "neighbours"),
        ('type = "row"\ncells = [{ value = "{head.name" }]', "brace"),
        ('type = "line"\nleft = "{publicity.from}"', "publicity.from"),
    ],
)
def test_a_broken_form_file_is_refused_naming_file_and_key(
    tmp_path: Path, block: str, words: str
) -> None:
    folder = write_forms(tmp_path / "forms", MINIMAL + block + "\n")
    with pytest.raises(FormDefinitionError) as failed:
        load_definitions(CATALOG, folder)
    assert "bad.toml" in failed.value.zh and "bad.toml" in failed.value.en
    assert words in failed.value.en


def test_the_publicity_list_cannot_name_private_fields(tmp_path: Path) -> None:
    text = 'kind = "village"\n' + MINIMAL + 'type = "line"\nleft = "{head.id_number}"\n'
    folder = write_forms(tmp_path / "forms", text)
    with pytest.raises(FormDefinitionError, match=r"head\.id_number"):
        load_definitions(CATALOG, folder)


def test_a_table_row_taller_than_a_page_keeps_its_side_label_on_every_page(
    zhang: Household,
) -> None:
    zhang.members[1].serious_illness = "类风湿关节炎，长期服药。" * 160
    texts = page_texts(render_form("dibao-application", zhang, regions=REGIONS, printed_on=ON))
    # The members table runs from the first page to the one with its last member.
    last = next(n for n, t in enumerate(texts) if "王桂芝" in t)
    assert last >= 2
    assert all("家庭成员情况" in t for t in texts[: last + 1])
    bodies = "".join(t.split(f"第{n}页共")[0] for n, t in enumerate(texts, start=1))
    assert "王桂芝" in bodies and "县级人民政府民政部门审批意见" in bodies
