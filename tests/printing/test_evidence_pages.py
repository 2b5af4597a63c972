"""The 证明材料 section of a case file: an index, then each photo and each PDF page on A4
with its caption; removed attachments left out; never on a publicity list."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import Connection

from caseworker.domain.evidence import EvidenceKind
from caseworker.domain.idnumber import check_character
from caseworker.domain.records import Household
from caseworker.interchange.household_format import parse_household
from caseworker.printing import loading
from caseworker.printing.casefile import render_case_file, write_case_files
from caseworker.printing.loading import load_case, sorted_cases
from caseworker.printing.publicity import village_publicity, write_publicity
from caseworker.store.attachments import content_of, remove_attachment
from caseworker.store.db import Store
from caseworker.store.households import save_household
from caseworker.store.regions import region_names
from tests.conftest import VILLAGE
from tests.evidence.makers import PDF_TEXT, attach_data, pdf_bytes, photo_bytes, png_bytes
from tests.printing.helpers import ON, REGIONS, as_recorded, page_texts, reader

Make = Callable[..., dict[str, Any]]


def saved(store: Store, household_data: Make, **changes: Any) -> Household:
    household = parse_household(household_data(**changes))
    save_household(store, household)
    return household


def printed(store: Store, household: Household) -> bytes:
    with store.read() as conn:
        case = load_case(conn, household.id, as_recorded)
    return render_case_file(case, regions=REGIONS, printed_on=ON)  # after conn is closed


def test_a_case_file_ends_with_the_index_and_every_attachment_captioned(
    store: Store, household_data: Make
) -> None:
    h = saved(store, household_data)
    without = len(reader(printed(store, h)).pages)
    mother = h.members[1]
    attach_data(
        store,
        h.id,
        EvidenceKind.DISABILITY_CERTIFICATE,
        photo_bytes(1600, 1200, orientation=6),
        member_id=mother.id,
        note="二级肢体残疾",
        taken_on=date(2026, 9, 30),
    )
    attach_data(store, h.id, EvidenceKind.INCOME_PROOF, pdf_bytes(2), taken_on=date(2026, 10, 8))
    wrong = attach_data(store, h.id, EvidenceKind.HOUSING_PHOTO, png_bytes())
    with store.begin() as conn:
        remove_attachment(
            conn, device_id=store.device_id, actor="李娜", attachment_id=wrong.id, reason="拍错"
        )
    pdf = printed(store, h)
    texts = page_texts(pdf)
    assert len(texts) == without + 3  # the same one-page index; the photo, the two PDF pages
    assert "证明材料" in texts[0]  # in the cover's contents
    index, photo, first, second = texts[-4:]
    assert "证明材料目录" in index and "共2份，3页" in index
    assert "残疾人证王桂芝2026年9月30日1二级肢体残疾" in index
    assert "收入证明全户2026年10月8日2" in index
    assert "住房照片" not in "".join(texts)  # removed: not printed
    assert "第1份，共2份" in photo and "残疾人证王桂芝2026年9月30日" in photo
    assert "备注：二级肢体残疾" in photo
    assert "第2份，共2份（第1页，共2页）" in first and f"{PDF_TEXT}page1" in first
    assert "（第2页，共2页）" in second and f"{PDF_TEXT}page2" in second
    pages = reader(pdf).pages
    [image] = pages[-3].images
    assert image.image is not None and image.image.height > image.image.width  # upright
    assert {f for f in fonts(pages[-4])} <= {f for f in fonts(pages[0])}  # the CJK fonts


def fonts(page: Any) -> set[str]:
    found = page["/Resources"]["/Font"]
    names = set()
    for ref in found.values():
        font = ref.get_object()
        descriptor = (
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if ("/DescendantFonts" in font)
            else font["/FontDescriptor"]
        )
        assert "/FontFile2" in descriptor.get_object()  # embedded
        names.add(str(font["/BaseFont"]).split("+")[-1])
    return names


def test_a_household_without_evidence_has_an_index_saying_so(
    store: Store, household_data: Make
) -> None:
    h = saved(store, household_data)
    last = page_texts(printed(store, h))[-1]
    assert "证明材料目录" in last and "暂无证明材料" in last


def test_a_batch_prints_each_households_evidence_after_its_own_documents(
    store: Store, household_data: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = saved(store, household_data)
    other = household_data(address="五组2号")
    other["members"] = other["members"][:1]
    other["members"][0]["name"] = "李秀英"
    stem = "61042319800101001"
    other["members"][0]["id_number"] = stem + check_character(stem)
    second = saved(store, lambda **_: other)
    attach_data(store, first.id, EvidenceKind.HUKOU, photo_bytes(seed=1))
    attach_data(
        store, second.id, EvidenceKind.ID_CARD, photo_bytes(seed=2), member_id=second.members[0].id
    )
    # A household's files are read as its case file is drawn, not all at the start.
    read: list[str] = []

    def counted(conn: Connection, sha256: str) -> bytes:
        read.append(sha256)
        return content_of(conn, sha256)

    monkeypatch.setattr(loading, "content_of", counted)
    read_when_done: list[int] = []
    out = tmp_path / "village.pdf"
    with store.read() as conn:
        count, cases = sorted_cases(conn, [VILLAGE], as_recorded)
        assert read == []
        write_case_files(
            out,
            cases,
            count=count,
            regions=region_names(conn),
            printed_on=ON,
            progress=lambda done, total: read_when_done.append(len(read)),
        )
    assert read_when_done == [1, 2]
    texts = page_texts(out.read_bytes())
    covers = [i for i, t in enumerate(texts) if "卷内目录" in t]
    assert len(covers) == 2
    own = ["".join(texts[covers[0] : covers[1]]), "".join(texts[covers[1] :])]
    assert "户口簿全户" in own[0] and "居民身份证" not in own[0]
    assert "居民身份证李秀英" in own[1] and "户口簿" not in own[1]


def test_the_publicity_list_never_shows_evidence(
    store: Store, household_data: Make, tmp_path: Path
) -> None:
    h = saved(store, household_data)
    attach_data(store, h.id, EvidenceKind.ID_CARD, photo_bytes(), member_id=h.members[0].id)
    out = tmp_path / "publicity.pdf"
    with store.read() as conn:
        write_publicity(out, village_publicity(conn, VILLAGE, as_recorded, printed_on=ON))
    document = PdfReader(out)
    assert all(not page.images for page in document.pages)
    assert "证明材料" not in "".join(page_texts(out.read_bytes()))
