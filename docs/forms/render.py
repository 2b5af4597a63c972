"""Render the first page of every form from demo data into ``docs/forms/NAME.png``.

    python docs/forms/render.py [NAME ...]     (needs pdftoppm, from poppler-utils)

The households are the demo county's seed-article stories; screenings are made up for the
notices (a real one comes from the screening engine), and 张学林 signs the authorisation
electronically, so the pictures show how every part of a form prints. ``rare-characters``
is the application form with names in characters the main font lacks. ``evidence-index``
and ``evidence-page`` are pages of 张学林's case file with evidence attached: the index of
its 证明材料 section, and a photo of an ID card (drawn here) with its caption.
"""

import io
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from PIL import Image, ImageDraw

from caseworker.demo.generator import generate_households
from caseworker.demo.places import ZHONGJIE_VILLAGE, demo_regions
from caseworker.domain.codes import Program, Stage
from caseworker.domain.records import Application, Household, StageEntry
from caseworker.eligibility.findings import Finding, PolicyRef, Reason, Screening, Status
from caseworker.printing.casefile import CaseInput, render_case_file
from caseworker.printing.documents import document_ref, document_version, render_form
from caseworker.printing.publicity import publicity_entries, publicity_source, render_publicity
from caseworker.store.signatures import Signature, SignerRole

HERE = Path(__file__).resolve().parent
ON = date(2026, 11, 1)
POLICY = PolicyRef("shaanxi-jingyang", "2026.1", "0" * 64)
REGIONS = {r.code: r.name for r in demo_regions()}
INCOME = Reason(
    "dibao.income_below_standard",
    True,
    "家庭人均月收入212.00元，低于本县农村最低生活保障标准（每月580.00元）",
    "per-capita income below the standard",
)
PROPERTY = Reason(
    "dibao.property_within_limits", True, "家庭财产状况未超过本县规定", "property within limits"
)
VEHICLE = Reason(
    "dibao.vehicle",
    False,
    "家庭拥有机动车辆1辆（价值60000.00元），不符合本县财产条件",
    "owns a motor vehicle",
)


def screened(h: Household, *findings: Finding) -> Screening:
    return Screening(h.id, date(2026, 10, 30), POLICY, findings)


def decided(h: Household, stage: Stage, note: str, amount_fen: int | None = None) -> Household:
    """A copy of ``h`` whose Dibao application (or, for a change or a stop, whose review of
    its 900.00 a month) the county decided, as recorded in the app: a notice prints that
    decision."""
    review = stage in (Stage.CHANGED, Stage.STOPPED)
    first = StageEntry(
        f"{h.id[:-4]}s001", Stage.REVIEW if review else Stage.APPLIED, date(2026, 9, 1)
    )
    first.amount_fen = 90_000 if review else None
    entries = [
        first,
        StageEntry(f"{h.id[:-4]}s002", stage, date(2026, 10, 20), "周敏", note, amount_fen),
    ]
    return replace(h, applications=[Application(f"{h.id[:-4]}a001", Program.DIBAO, entries)])


def signature_png() -> bytes:
    image = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [(14, 80), (40, 30), (70, 90), (96, 40), (130, 78), (170, 34), (210, 70)]
    draw.line(points, fill=(20, 20, 60, 255), width=5, joint="curve")
    draw.line([(220, 60), (260, 30), (300, 84), (346, 46)], fill=(20, 20, 60, 255), width=5)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def documents(households: list[Household]) -> dict[str, Callable[[], bytes]]:
    """How to make each picture's PDF, by name (made only when asked for)."""
    zhang, _chen, _zhu, widow, migrant = households[:5]
    # A family whose visit noted a little of everything: causes, animals, costs.
    visited = next(
        h
        for h in households
        if h.visits and len(h.members) > 2 and h.visits[-1].observations.expense_notes
    )
    keep = screened(
        zhang, Finding(Program.DIBAO, Status.CONTINUE, 90_000, None, (), (INCOME, PROPERTY))
    )
    kind, doc_id = document_ref("authorization", zhang)
    version = document_version("authorization", zhang, regions=REGIONS, on=ON)
    head = zhang.members[0]
    signed = Signature(
        "demo",
        zhang.id,
        head.id,
        head.name,
        SignerRole.MEMBER,
        kind,
        doc_id,
        version,
        datetime(2026, 10, 30, 6, 5, tzinfo=UTC),
        signature_png(),
    )
    out: dict[str, Callable[[], bytes]] = {}
    options = {"regions": REGIONS, "printed_on": ON}
    out["dibao-application"] = lambda: render_form(
        "dibao-application", zhang, screening=keep, **options
    )
    out["authorization"] = lambda: render_form(
        "authorization", zhang, signatures=[signed], **options
    )
    out["investigation"] = lambda: render_form("investigation", visited, **options)
    temporary = screened(
        migrant, Finding(Program.TEMPORARY_ASSISTANCE, Status.LIKELY_ELIGIBLE, None, 300_000)
    )
    out["temporary-assistance"] = lambda: render_form(
        "temporary-assistance", migrant, screening=temporary, **options
    )
    out["special-hardship"] = lambda: render_form("special-hardship", widow, **options)
    approve = screened(
        zhang, Finding(Program.DIBAO, Status.LIKELY_ELIGIBLE, 90_000, None, (), (INCOME, PROPERTY))
    )
    approved = decided(zhang, Stage.APPROVED, "经审批，同意纳入农村低保", 90_000)
    out["notice-approval"] = lambda: render_form(
        "notice-approval", approved, screening=approve, **options
    )
    refuse = screened(
        zhang, Finding(Program.DIBAO, Status.NOT_ELIGIBLE, None, None, (), (INCOME, VEHICLE))
    )
    refused = decided(zhang, Stage.REFUSED, "家庭拥有机动车辆，不符合本县财产条件")
    out["notice-refusal"] = lambda: render_form(
        "notice-refusal", refused, screening=refuse, **options
    )
    change = screened(zhang, Finding(Program.DIBAO, Status.CONTINUE, 98_000, None, (), (INCOME,)))
    changed = decided(zhang, Stage.CHANGED, "收入增加，经复核调整保障金额", 70_000)
    out["notice-change"] = lambda: render_form(
        "notice-change", changed, screening=change, **options
    )
    stop = screened(zhang, Finding(Program.DIBAO, Status.EXIT, None, None, (), (VEHICLE,)))
    out["notice-stoppage"] = lambda: render_form(
        "notice-stoppage",
        decided(zhang, Stage.STOPPED, "拥有机动车辆，停止保障"),
        screening=stop,
        **options,
    )
    village = [replace(h, village_code=ZHONGJIE_VILLAGE) for h in households[:24]]
    entries = publicity_entries([(h, None) for h in village], on=ON)
    out["publicity"] = lambda: render_publicity(
        publicity_source(ZHONGJIE_VILLAGE, entries, regions=REGIONS, printed_on=ON)
    )
    out["case-file"] = lambda: render_case_file(CaseInput(zhang, keep, [signed]), **options)
    out["evidence-index"] = lambda: evidence_page(zhang, keep, -3)
    out["evidence-page"] = lambda: evidence_page(zhang, keep, -2)
    out["rare-characters"] = lambda: render_form(
        "dibao-application", rare_names(zhang), screening=keep, **options
    )
    return out


def id_card_photo(household: Household) -> bytes:
    """A photo of the head's ID card as a phone takes it, kept as evidence."""
    from PIL import ImageFont

    from caseworker.config import resource_path
    from caseworker.domain.evidence import EvidenceLimits
    from caseworker.interchange.evidence_files import prepare

    head = household.members[0]
    font = ImageFont.truetype(str(resource_path("fonts", "wqy-microhei.ttc")), 44)
    photo = Image.new("RGB", (1400, 900), (214, 206, 190))
    draw = ImageDraw.Draw(photo)
    draw.rounded_rectangle((100, 100, 1300, 800), 40, fill=(226, 236, 242), outline=(90, 110, 130))
    lines = [
        f"姓名　{head.name}",
        "性别　男　　民族　汉",
        f"出生　{head.birth_date.year}年{head.birth_date.month}月{head.birth_date.day}日",
        f"住址　陕西省泾阳县云阳镇中街村{household.address}",
        f"公民身份号码　{head.id_number}",
    ]
    for n, line in enumerate(lines):
        draw.text((160, 160 + n * 110), line, fill=(30, 30, 30), font=font)
    draw.rectangle((1000, 180, 1230, 480), fill=(180, 190, 200))
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=90)
    return prepare(out.getvalue(), "id.jpg", EvidenceLimits()).content


def evidence_page(household: Household, screening: Screening, index: int) -> bytes:
    """Page ``index`` of the household's case file with two pieces of evidence attached
    (an ID card photo and a one-page income statement), as a PDF of that page alone."""
    from hashlib import sha256

    from pypdf import PdfReader, PdfWriter
    from reportlab.pdfgen.canvas import Canvas

    from caseworker.domain.evidence import Attachment, EvidenceKind, MediaType
    from caseworker.printing.evidence import Evidence

    statement = io.BytesIO()
    canvas = Canvas(statement)
    canvas.drawString(72, 760, "Income statement")
    canvas.showPage()
    canvas.save()
    files = {"card": id_card_photo(household), "statement": statement.getvalue()}
    hashes = {sha256(data).hexdigest(): data for data in files.values()}
    added = datetime(2026, 10, 20, 2, 0, tzinfo=UTC)

    def attachment(
        n: int, kind: EvidenceKind, data: bytes, media: MediaType, **more: str
    ) -> Attachment:
        return Attachment(
            f"00000000-0000-4000-8000-00000000000{n}", household.id, kind, date(2026, 10, 20),
            more.pop("note", ""), "李娜", added, sha256(data).hexdigest(), media, len(data), 1,
            **more,
        )  # fmt: skip

    evidence = Evidence(
        [
            attachment(1, EvidenceKind.ID_CARD, files["card"], MediaType.JPEG,
                       member_id=household.members[0].id, note="正面"),
            attachment(2, EvidenceKind.INCOME_PROOF, files["statement"], MediaType.PDF,
                       note="村委会出具的家庭收入说明"),
        ],
        hashes.__getitem__,
    )  # fmt: skip
    case = CaseInput(household, screening, evidence=evidence)
    whole = PdfReader(io.BytesIO(render_case_file(case, regions=REGIONS, printed_on=ON)))
    writer = PdfWriter()
    writer.add_page(whole.pages[index])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def rare_names(household: Household) -> Household:
    """The family with names the main font cannot print: 张䶮 (CJK Extension A) and 𠮷祥
    (Extension B), drawn with the fallback font, and one with a character neither font has
    (U+31350, Extension H), printed as □."""
    members = list(household.members)
    for i, name in enumerate(["张䶮", "𠮷祥", "张\U00031350林"]):
        members[i] = replace(members[i], name=name)
    return replace(household, members=members)


def main(names: list[str]) -> int:
    households = generate_households(40, seed=1, as_of=ON)
    makers = documents(households)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names or list(makers):
            path = Path(tmp) / f"{name}.pdf"
            path.write_bytes(makers[name]())
            target = HERE / name
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "100",
                    "-gray",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    str(path),
                    str(target),
                ],
                check=True,
            )
            print(f"{target}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
