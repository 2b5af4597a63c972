"""Case files: a cover with contents whose page numbers are right, every page numbered
through the household's file; batches report progress and leave nothing when cancelled."""

import re
from datetime import date
from pathlib import Path

import pytest

from caseworker.demo.places import ZHONGJIE_VILLAGE
from caseworker.domain.codes import Program, Stage
from caseworker.domain.records import Application, Household, StageEntry
from caseworker.eligibility.findings import Status
from caseworker.printing.casefile import CaseInput, render_case_file, write_case_files
from caseworker.printing.errors import PrintCancelled
from caseworker.printing.household_fields import file_reference
from caseworker.printing.loading import sorted_cases, villages_of
from caseworker.store.db import Store
from caseworker.store.households import save_households
from caseworker.store.regions import region_names
from tests.printing.helpers import MET, ON, REGIONS, as_recorded, page_texts, reader, screening


def test_a_case_file_has_a_cover_and_its_contents_point_at_the_right_pages(
    visited: Household,
) -> None:
    visited.benefits = []
    s = screening(visited, Program.DIBAO, Status.LIKELY_ELIGIBLE, reasons=(MET,))
    # No notice of approval before the county has recorded one, then with it.
    undecided = page_texts(render_case_file(CaseInput(visited, s), regions=REGIONS, printed_on=ON))
    assert "批准通知书" not in undecided[0]
    visited.applications = [
        Application(
            "7c1d7e8e-3f7a-4e2b-9a53-2a9b8f6d0c11",
            Program.DIBAO,
            [
                StageEntry("7c1d7e8e-3f7a-4e2b-9a53-2a9b8f6d0c12", Stage.APPLIED, date(2026, 9, 1)),
                StageEntry(
                    "7c1d7e8e-3f7a-4e2b-9a53-2a9b8f6d0c13",
                    Stage.APPROVED,
                    date(2026, 10, 9),
                    "周敏",
                    "同意纳入农村低保",
                    amount_fen=90_000,
                ),
            ],
        )
    ]
    pdf = render_case_file(CaseInput(visited, s), regions=REGIONS, printed_on=ON)
    texts = page_texts(pdf)
    cover = texts[0]
    assert "社会救助家庭档案" in cover and "卷内目录" in cover
    expected = [
        "最低生活保障申请审批表",
        "家庭经济状况核对授权书",
        "家庭经济状况入户调查表",
        "最低生活保障批准通知书",
    ]
    for title in expected:
        assert title in cover
    # The outline points at each document's first page; the contents line of each
    # (number, title, first page, page count) agrees, and the page starts the document.
    pdf_reader = reader(pdf)
    entries = pdf_reader.outline[1:]
    firsts = [pdf_reader.get_destination_page_number(e) + 1 for e in entries]  # type: ignore[arg-type]
    counts = [b - a for a, b in zip(firsts, [*firsts[1:], len(texts) + 1], strict=True)]
    for n, (title, first, count) in enumerate(zip(expected, firsts, counts, strict=True), 1):
        assert re.search(re.escape(f"{n}{title}") + f"(（[^）]*）)?{first}{count}", cover), title
        assert title in texts[first - 1]
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"第{number}页共{total}页" in text
        assert f"档案编号：{file_reference(visited.id)}" in text
    outline = [o.title for o in reader(pdf).outline]  # type: ignore[union-attr]
    assert outline[0] == "社会救助家庭档案封面" and len(outline) == len(expected) + 1


def test_documents_that_do_not_apply_are_left_out(demo_households: list[Household]) -> None:
    migrant = demo_households[4]  # 陈金松, stranded by the epidemic, not local
    s = screening(migrant, Program.TEMPORARY_ASSISTANCE, monthly_fen=None, one_off_fen=300_000)
    cover = page_texts(render_case_file(CaseInput(migrant, s), regions=REGIONS, printed_on=ON))[0]
    assert "临时救助申请审批表" in cover
    assert "临时救助批准通知书" in cover
    assert "最低生活保障申请审批表" not in cover
    assert "特困人员救助供养申请审批表" not in cover


@pytest.fixture
def village_store(store: Store, demo_households: list[Household]) -> Store:
    from copy import deepcopy

    households = deepcopy(demo_households[:12])
    for i, h in enumerate(households):
        h.village_code = ZHONGJIE_VILLAGE
        h.address = f"三组{[18, 9, 120, 7, 30, 2, 11, 64, 5, 3, 41, 1][i]}号"
    save_households(store, households)
    return store


def test_a_village_batch_prints_every_household_in_address_order(
    village_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "village.pdf"
    seen: list[tuple[int, int]] = []
    with village_store.read() as conn:
        count, cases = sorted_cases(conn, villages_of(conn, ZHONGJIE_VILLAGE[:9]), as_recorded)
        result = write_case_files(
            out,
            cases,
            count=count,
            regions=region_names(conn),
            printed_on=ON,
            progress=lambda done, total: seen.append((done, total)),
        )
    assert count == 12 and result.households == 12
    assert seen == [(n, 12) for n in range(1, 13)]
    texts = page_texts(out.read_bytes())
    assert len(texts) == result.pages
    covers = [t for t in texts if "卷内目录" in t]
    assert len(covers) == 12
    numbers = [int(t.split("家庭住址泾阳县云阳镇中街村三组")[1].split("号")[0]) for t in covers]
    assert numbers == sorted(numbers)
    outline = reader(out.read_bytes()).outline
    assert len([o for o in outline if not isinstance(o, list)]) == 12  # one per household


def test_a_cancelled_batch_leaves_no_file(village_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "out" / "village.pdf"
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 5

    with village_store.read() as conn:
        count, cases = sorted_cases(conn, [ZHONGJIE_VILLAGE], as_recorded)
        with pytest.raises(PrintCancelled):
            write_case_files(out, cases, count=count, regions=REGIONS, cancelled=cancelled)
    assert asked == 6
    assert list(out.parent.iterdir()) == []  # neither the PDF nor a partial file


def test_an_unknown_village_or_township_is_refused(village_store: Store) -> None:
    from caseworker.printing.errors import PrintError

    with village_store.read() as conn:
        for code in ("610423100299", "610423999", "6104"):
            with pytest.raises(PrintError) as failed:
                villages_of(conn, code)
            assert code in failed.value.zh and code in failed.value.en
