"""The self-test's steps on the laptop's side: an encrypted store, demo households
imported, screened and printed, evidence attached, and the desktop's Qt parts."""

import os
import secrets
import sys
from datetime import date

from caseworker.config import resource_path
from caseworker.selftest.context import SelfTest, StepFailed

HOUSEHOLDS = 12
FORM = "dibao-application"
SELF_TEST_WORKER = "selftest"


def step_store(t: SelfTest) -> str:
    """An encrypted store: Argon2id key file, SQLCipher database, migrations."""
    from caseworker.security.encryption import is_plain_sqlite
    from caseworker.security.signin import set_up, sign_in
    from caseworker.store.db import open_store

    password = secrets.token_urlsafe(18)  # thrown away with the folder
    key, code = set_up(t.db_path, worker_id=SELF_TEST_WORKER, worker_name="自检", password=password)
    if not code:
        raise StepFailed("没有生成恢复码", "no recovery code was made")
    t.store = open_store(t.db_path, key=key)
    t.store.actor = "自检 self-test"
    if is_plain_sqlite(t.db_path):
        raise StepFailed("数据库文件没有加密", "the database file is not encrypted")
    if sign_in(t.db_path, SELF_TEST_WORKER, password) != key:
        raise StepFailed("用密码登录得到的密钥不一致", "signing in gave a different key")
    return "SQLCipher + Argon2id"


def step_import(t: SelfTest) -> str:
    """Demo households written to a household file, read back (validated), stored."""
    from caseworker.demo.generator import generate_households
    from caseworker.demo.places import demo_regions
    from caseworker.interchange.files import export_document, read_household_file
    from caseworker.interchange.schema import household_schema
    from caseworker.store.households import save_households

    store = t.open_store()
    if "$defs" not in household_schema():
        raise StepFailed("家庭数据格式说明不完整", "the household JSON Schema is incomplete")
    path = t.folder / "households.json"
    generated = generate_households(HOUSEHOLDS, seed=1)
    path.write_text(export_document(generated, demo_regions()), encoding="utf-8")
    batch = read_household_file(path)
    result = save_households(store, batch.households, regions=batch.regions)
    if result.added != HOUSEHOLDS:
        raise StepFailed(
            f"应新增{HOUSEHOLDS}户，实际{result.added}户",
            f"{result.added} households added, expected {HOUSEHOLDS}",
        )
    t.households = [h.id for h in batch.households]
    return f"{result.added} 户 households"


def step_screen(t: SelfTest) -> str:
    """Every household screened with the bundled pack of the demo county; results stored."""
    from caseworker.demo.places import COUNTY
    from caseworker.eligibility.engine import screen
    from caseworker.eligibility.findings import Status
    from caseworker.eligibility.library import PolicyLibrary
    from caseworker.native import is_compiled
    from caseworker.store.decisions import household_sha256, save_decision
    from caseworker.store.households import iter_households

    store = t.open_store()
    policy = PolicyLibrary().policy_for_county(COUNTY.code)
    on = date.today()
    with store.read() as conn:
        done = [(h, screen(h, policy, on, explain=True)) for h in iter_households(conn)]
    with store.begin() as conn:
        for h, s in done:
            save_decision(conn, s, household_sha256=household_sha256(h), device_id=store.device_id)
    t.likely = [
        s.household_id
        for _, s in done
        if any(f.status is Status.LIKELY_ELIGIBLE for f in s.findings)
    ]
    if len(done) != len(t.households):
        raise StepFailed(
            f"筛查了{len(done)}户，应为{len(t.households)}户",
            f"{len(done)} households screened, expected {len(t.households)}",
        )
    if not t.likely:
        raise StepFailed(
            "演示家庭中没有可能符合条件的家庭（政策包有误？）",
            "no demo household is likely eligible (is the policy pack wrong?)",
        )
    engine = "编译 compiled" if is_compiled("caseworker.eligibility.engine") else "解释 interpreted"
    return (
        f"{policy.id} {policy.version}: {len(t.likely)}/{len(done)} 可能符合 likely eligible"
        f" ({engine})"
    )


def step_print(t: SelfTest) -> str:
    """One Dibao application form to PDF, with the CJK font embedded."""
    from caseworker.operations.printing import PrintJob, print_job

    store = t.open_store()
    household_id = (t.likely or t.households)[0]
    path = t.folder / f"{FORM}.pdf"
    pages = print_job(store, PrintJob(FORM, date.today(), household_id=household_id), path).pages
    data = path.read_bytes() if path.is_file() else b""
    if not data.startswith(b"%PDF"):
        raise StepFailed("生成的文件不是PDF", f"{path.name} is not a PDF")
    if b"/FontFile2" not in data:
        raise StepFailed("PDF中没有嵌入中文字体", "the PDF has no embedded CJK font")
    # The fallback is loaded only for a name that needs it: check here that it is there.
    from caseworker.printing.fonts import FALLBACK_NAME, font_for

    if font_for("䶮") != FALLBACK_NAME or font_for("\U00020bb7") != FALLBACK_NAME:
        raise StepFailed("生僻字字体不能打印䶮、𠮷", "the rare-character font cannot print 䶮, 𠮷")
    return f"{FORM}.pdf, {pages} 页 pages, {len(data) // 1024} KB"


def step_evidence(t: SelfTest) -> str:
    """A phone photo and an iPhone (HEIC) photo attached: read by content, turned upright,
    their location removed, sealed in the store and read back whole."""
    import io

    from PIL import Image

    from caseworker.domain.evidence import EvidenceKind, EvidenceLimits
    from caseworker.interchange.evidence_files import prepare
    from caseworker.operations.evidence import AttachRequest, FileToAttach, attach_files
    from caseworker.store.attachments import content_of

    photo = Image.new("RGB", (3000, 2000), (180, 140, 90))
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone on its side
    exif[0x8825] = {1: "N", 2: (34.0, 31.0, 0.0)}
    jpeg = io.BytesIO()
    photo.save(jpeg, "JPEG", exif=exif.tobytes())
    # An iPhone's photo, taken upright, with its location (the app reads HEIC, never writes it).
    heic = resource_path("samples", "iphone-photo.heic").read_bytes()
    limits = EvidenceLimits()
    files = [
        FileToAttach(name, prepare(data, name, limits), date.today())
        for name, data in (("photo.jpg", jpeg.getvalue()), ("photo.heic", heic))
    ]
    store = t.open_store()
    request = AttachRequest(t.households[0], EvidenceKind.HOUSING_PHOTO)
    added = attach_files(store, files, request, SELF_TEST_WORKER)
    with store.read() as conn:
        kept = [Image.open(io.BytesIO(content_of(conn, a.sha256))) for a in added]
    if max(kept[0].size) != limits.long_side or any(
        image.width > image.height or image.getexif().get_ifd(0x8825) for image in kept
    ):
        raise StepFailed(
            "照片没有转正、缩小或去掉拍摄地点", "the photo was not turned, brought down or cleaned"
        )
    return f"JPEG + HEIC, {sum(a.size for a in added) // 1024} KB"


def step_desktop(t: SelfTest) -> str:
    """The desktop app's Qt parts: platform plugin, font, translation, sign-in window."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen: draw off-screen
    from caseworker.ui.selfcheck import check_desktop

    return check_desktop(t.open_store(), t.folder / "settings.ini")
