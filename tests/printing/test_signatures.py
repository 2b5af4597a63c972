"""Electronic signatures: stored with the version of the document signed, printed on the
signer's line with the signing time, and not passed off as signing a changed document."""

import io
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from PIL import Image, ImageDraw
from sqlalchemy import func, select

from caseworker.domain.records import Household
from caseworker.domain.validation import ValidationFailed
from caseworker.printing.documents import document_ref, document_version, render_form
from caseworker.store.db import Store
from caseworker.store.households import save_household
from caseworker.store.signatures import (
    SignerRole,
    document_signatures,
    household_signatures,
    save_signature,
)
from caseworker.store.tables import SIGNATURE
from tests.printing.helpers import ON, REGIONS, page_texts, reader

SIGNED_AT = datetime(2026, 10, 30, 6, 5, tzinfo=UTC)  # 14:05 in Beijing


def signature_png(width: int = 300, height: int = 100) -> bytes:
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.line([(10, 70), (60, 20), (110, 80), (170, 30), (280, 60)], fill=(0, 0, 0, 255), width=4)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def sign(store: Store, h: Household, member_index: int, **changes: Any) -> None:
    member = h.members[member_index]
    kind, doc_id = document_ref("authorization", h)
    fields: dict[str, Any] = {
        "household_id": h.id,
        "member_id": member.id,
        "signer_name": member.name,
        "signer_role": SignerRole.MEMBER,
        "document_kind": kind,
        "document_id": doc_id,
        "document_sha256": document_version("authorization", h, regions=REGIONS, on=ON),
        "image_png": signature_png(),
        "device_id": store.device_id,
        "signed_at": SIGNED_AT,
    }
    fields.update(changes)
    with store.begin() as conn:
        save_signature(conn, **fields)


def image_count(pdf: bytes) -> int:
    page = reader(pdf).pages[0]
    xobjects = page["/Resources"].get("/XObject", {})
    return sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")


def print_authorization(store: Store, h: Household) -> bytes:
    with store.read() as conn:
        signatures = household_signatures(conn, h.id)
    return render_form("authorization", h, regions=REGIONS, signatures=signatures, printed_on=ON)


def test_an_electronic_signature_prints_on_the_members_line_with_its_time(
    store: Store, zhang: Household
) -> None:
    save_household(store, zhang)
    sign(store, zhang, 0)  # 张学林 signs himself
    head = zhang.members[0]
    sign(  # 王桂芝 (78) signed by her guardian
        store,
        zhang,
        4,
        signer_name=head.name,
        signer_role=SignerRole.GUARDIAN,
        signed_at=SIGNED_AT + timedelta(minutes=3),
        image_png=signature_png(320, 90),
    )
    pdf = print_authorization(store, zhang)
    text = page_texts(pdf)[0]
    assert image_count(pdf) == 2
    assert "张学林户主" in text and "张学林电子签名2026年10月30日14:05" in text
    assert "监护人代签张学林电子签名2026年10月30日14:08" in text
    # 李秀梅 has not signed: her line is left for a pen.
    row = text.split("李秀梅")[1].split("王桂芝")[0]
    assert "电子签名" not in row and "2026年10月30日" not in row


def test_a_signature_from_a_wide_pad_prints_legibly_at_least_40_mm_wide(
    store: Store, zhang: Household
) -> None:
    from caseworker.printing.boxes import MARK_H, MARK_MIN_W
    from caseworker.printing.documents import get_form, household_source, layout_form

    save_household(store, zhang)
    # The pad is the whole dialog, mostly empty; the strokes fill a small part of it.
    pad = Image.new("RGBA", (1200, 420), (255, 255, 255, 0))
    ImageDraw.Draw(pad).line(
        [(400, 260), (450, 200), (500, 270), (560, 210), (680, 250)], fill=(11, 31, 102), width=5
    )
    out = io.BytesIO()
    pad.save(out, format="PNG")
    sign(store, zhang, 0, image_png=out.getvalue())
    with store.read() as conn:
        signatures = household_signatures(conn, zhang.id)
    pages = layout_form(
        get_form("authorization"),
        household_source(zhang, regions=REGIONS, signatures=signatures, printed_on=ON),
    )
    [(_x, _y, width, height, _png)] = [img for page in pages for img in page.images]
    assert width >= MARK_MIN_W - 0.5 and height <= MARK_H + 0.5  # the ink, not the pad
    assert width / height == pytest.approx(290 / 80, rel=0.15)  # its shape kept


def test_a_signature_of_an_older_version_is_not_printed_as_signing_this_one(
    store: Store, zhang: Household
) -> None:
    save_household(store, zhang)
    sign(store, zhang, 0)
    zhang.members[1].name = "李秀美"  # the document now names someone else
    pdf = print_authorization(store, zhang)
    text = page_texts(pdf)[0]
    assert image_count(pdf) == 0
    assert "已签署的是此前版本，内容有变更，须重新签字" in text
    assert "14:05" not in text


def test_signatures_are_listed_per_document_oldest_first(store: Store, zhang: Household) -> None:
    save_household(store, zhang)
    beijing = timezone(timedelta(hours=8))
    sign(store, zhang, 1, signed_at=(SIGNED_AT + timedelta(hours=1)).astimezone(beijing))
    sign(store, zhang, 0)
    with store.read() as conn:
        listed = document_signatures(conn, "authorization", zhang.id)
    assert [s.signer_name for s in listed] == ["张学林", "李秀梅"]
    assert listed[0].signed_at == SIGNED_AT
    assert listed[1].signed_at == SIGNED_AT + timedelta(hours=1)  # the same moment
    assert listed[0].image_png == signature_png()
    assert listed[0].signer_role is SignerRole.MEMBER


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"image_png": b"GIF89a not a png"}, "image_png"),
        ({"image_png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 40}, "image_png"),
        ({"signed_at": datetime(2026, 10, 30, 14, 5)}, "signed_at"),
        ({"signed_at": datetime.now(UTC) + timedelta(days=2)}, "signed_at"),
        ({"member_id": "not-a-member"}, "member_id"),
        ({"signer_role": SignerRole.INVESTIGATOR}, "member_id"),
        ({"signer_role": "judge"}, "signer_role"),
        ({"document_sha256": "abc"}, "document_sha256"),
        ({"signer_name": "张3"}, "signer_name"),
        ({"household_id": "no-such-household"}, "household_id"),
    ],
)
def test_a_bad_signature_is_refused_naming_the_field_and_nothing_is_written(
    store: Store, zhang: Household, changes: dict[str, Any], field: str
) -> None:
    save_household(store, zhang)
    with pytest.raises(ValidationFailed) as failed:
        sign(store, zhang, 0, **changes)
    assert field in [e.field for e in failed.value.errors]
    assert all(e.message_zh and e.message_en for e in failed.value.errors)
    with store.read() as conn:
        assert conn.execute(select(func.count()).select_from(SIGNATURE)).scalar() == 0


def test_a_member_of_another_household_cannot_sign_for_this_one(
    store: Store, demo_households: list[Household], zhang: Household
) -> None:
    other = demo_households[1]
    save_household(store, zhang)
    save_household(store, other)
    with pytest.raises(ValidationFailed) as failed:
        sign(store, zhang, 0, member_id=other.members[0].id)
    assert failed.value.errors[0].field == "member_id"
    assert "不是该户的家庭成员" in failed.value.errors[0].message_zh


def test_investigators_sign_the_visit_form(store: Store, visited: Household) -> None:
    save_household(store, visited)
    visit = visited.visits[-1]
    kind, doc_id = document_ref("investigation", visited)
    assert (kind, doc_id) == ("visit", visit.id)
    version = document_version("investigation", visited, regions=REGIONS, on=ON)
    with store.begin() as conn:
        save_signature(
            conn,
            household_id=visited.id,
            signer_name=visit.workers[0],
            signer_role=SignerRole.INVESTIGATOR,
            document_kind=kind,
            document_id=doc_id,
            document_sha256=version,
            image_png=signature_png(),
            device_id=store.device_id,
            signed_at=SIGNED_AT,
        )
    with store.read() as conn:
        signatures = household_signatures(conn, visited.id)
    pdf = render_form(
        "investigation", visited, regions=REGIONS, signatures=signatures, printed_on=ON
    )
    text = page_texts(pdf)[0]
    assert image_count(pdf) == 1
    assert f"{visit.workers[0]}电子签名2026年10月30日14:05" in text
