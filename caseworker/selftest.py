"""``caseworker --self-test``: is this installation healthy?

In a temporary folder, and never touching the worker's own records, it goes once through
what a laptop does: an encrypted store, demo households imported from a household file,
screening with the bundled policy pack of the demo county, one form printed to PDF, the
desktop's Qt parts, and a sync with a county server started on loopback. It prints one
line per step (ok / FAILED / skipped, with its time, in Chinese and English) and exits 0,
or 1 naming the step that failed. The same code runs from source and in the PyInstaller
bundle, where it proves the bundle carries its fonts, forms, policies, translations and
migrations.
"""

import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO

from caseworker import __version__
from caseworker.config import default_db_path, is_frozen
from caseworker.store.db import Store

EXIT_PASSED = 0
EXIT_FAILED = 1
HOUSEHOLDS = 12
FORM = "dibao-application"
SELF_TEST_WORKER = "selftest"
SERVER_START_SECONDS = 60.0


class StepFailed(Exception):
    """A check inside a step did not hold; the message is in Chinese and English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")


@dataclass
class SelfTest:
    """What the steps share: the temporary folder and what earlier steps made."""

    folder: Path
    store: Store | None = None
    households: list[str] = field(default_factory=list)  # ids, in import order
    likely: list[str] = field(default_factory=list)  # ids with a likely-eligible finding
    server: subprocess.Popen[bytes] | None = None
    server_log: IO[bytes] | None = None
    server_url: str = ""
    enrollment_code: str = ""

    @property
    def db_path(self) -> Path:
        return self.folder / "selftest.db"

    def open_store(self) -> Store:
        if self.store is None:
            raise StepFailed("没有打开的数据库", "no store is open")
        return self.store

    def close(self) -> None:
        """Stop the server and close the store (before the folder is removed)."""
        if self.server is not None:
            stop_process(self.server)
            self.server = None
        if self.server_log is not None:
            self.server_log.close()
            self.server_log = None
        if self.store is not None:
            self.store.close()
            self.store = None


# --- the steps ---------------------------------------------------------------------------


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
    from pillow_heif import from_pillow

    from caseworker.domain.evidence import EvidenceKind, EvidenceLimits
    from caseworker.interchange.evidence_files import prepare
    from caseworker.operations.evidence import AttachRequest, FileToAttach, attach_files
    from caseworker.store.attachments import content_of

    photo = Image.new("RGB", (3000, 2000), (180, 140, 90))
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the phone on its side
    exif[0x8825] = {1: "N", 2: (34.0, 31.0, 0.0)}
    jpeg, heic = io.BytesIO(), io.BytesIO()
    photo.save(jpeg, "JPEG", exif=exif.tobytes())
    from_pillow(photo).save(heic, quality=50)
    limits = EvidenceLimits()
    files = [
        FileToAttach(name, prepare(data, name, limits), date.today())
        for name, data in (("photo.jpg", jpeg.getvalue()), ("photo.heic", heic.getvalue()))
    ]
    store = t.open_store()
    request = AttachRequest(t.households[0], EvidenceKind.HOUSING_PHOTO)
    added = attach_files(store, files, request, SELF_TEST_WORKER)
    with store.read() as conn:
        kept = [Image.open(io.BytesIO(content_of(conn, a.sha256))) for a in added]
    if (
        max(kept[0].size) != limits.long_side
        or kept[0].width > kept[0].height
        or kept[0].getexif().get_ifd(0x8825)
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


def step_server(t: SelfTest) -> str:
    """A county database (migrated) and ``caseworker county serve`` on loopback."""
    import httpx

    from caseworker.demo.places import COUNTY
    from caseworker.sync.county.auth import create_enrollment
    from caseworker.sync.county.db import open_county

    county_db = t.folder / "county.db"
    engine = open_county(county_db)
    try:
        t.enrollment_code = create_enrollment(
            engine, worker="自检 self-test", role="county", scope=COUNTY.code
        )
    finally:
        engine.dispose()
    port = free_port()
    log_path = t.folder / "county-server.log"
    t.server_log = log_path.open("wb")
    t.server = subprocess.Popen(
        [*caseworker_command(), "county", "serve", "--db", str(county_db), "--port", str(port)],
        stdin=subprocess.DEVNULL,
        stdout=t.server_log,
        stderr=subprocess.STDOUT,
        env=child_environment(),
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
    )
    t.server_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if t.server.poll() is not None:
            t.server_log.flush()
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-800:]
            raise StepFailed(
                f"县服务器已退出（退出码{t.server.returncode}）：{tail}",
                f"the county server exited with status {t.server.returncode}",
            )
        try:
            answer = httpx.get(f"{t.server_url}/v1/health", timeout=2.0)
            if answer.status_code == 200:
                return f"{t.server_url} (pid {t.server.pid})"
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise StepFailed(
        f"县服务器{SERVER_START_SECONDS:.0f}秒内没有响应",
        f"the county server did not answer within {SERVER_START_SECONDS:.0f} s",
    )


def step_sync(t: SelfTest) -> str:
    """Enroll with the one-time code, then one full sync: every household accepted."""
    from caseworker.sync.client import enroll, sync

    store = t.open_store()
    enroll(store, t.server_url, t.enrollment_code, device_name="self-test")
    report = sync(store, timeout=30.0)
    if not report.synced or report.accepted != len(t.households):
        raise StepFailed(
            f"同步未完成：接受{report.accepted}户，待发{report.pending}，"
            f"隔离{report.quarantined}，回执{'一致' if report.receipts_ok else '不一致'}",
            f"not synced: {report.accepted} accepted of {len(t.households)}, "
            f"{report.pending} pending, {report.quarantined} quarantined, "
            f"receipts {'ok' if report.receipts_ok else 'MISMATCH'}",
        )
    return f"{report.accepted} 户已上传 households accepted"


@dataclass(frozen=True)
class Step:
    name: str
    zh: str
    en: str
    run: Callable[[SelfTest], str]


STEPS: tuple[Step, ...] = (
    Step("store", "创建加密数据库", "create an encrypted store", step_store),
    Step("import", "导入演示家庭", "import demo households", step_import),
    Step("screen", "救助资格筛查", "screen for assistance", step_screen),
    Step("print", "打印表单为PDF", "print a form to PDF", step_print),
    Step("server", "启动县服务器", "start a county server", step_server),
    Step("sync", "注册并同步", "enroll and sync", step_sync),
    Step("evidence", "添加证明材料照片", "attach photos of evidence", step_evidence),
    # Last: it records a worker in the store, which is not what the sync step counts.
    Step("desktop", "桌面界面组件", "desktop (Qt) components", step_desktop),
)


# --- helpers -----------------------------------------------------------------------------


def caseworker_command() -> list[str]:
    """How to run ``caseworker`` again: the bundle's own executable, or this Python."""
    if is_frozen():
        return [sys.executable]
    return [sys.executable, "-m", "caseworker"]


def child_environment() -> dict[str, str]:
    env = dict(os.environ)
    if is_frozen():
        # A fresh instance of the bundle, not a child sharing the parent's set-up.
        env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
    return env


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop_process(process: "subprocess.Popen[bytes]") -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- running and reporting ---------------------------------------------------------------


@dataclass
class Outcome:
    step: Step
    status: str  # ok, FAILED, skipped
    seconds: float = 0.0
    detail: str = ""


def run_steps(t: SelfTest, steps: Sequence[Step], out: IO[str]) -> list[Outcome]:
    """Run the steps in order, printing each as it ends; after a failure the rest are
    skipped (each needs what the one before made)."""
    outcomes: list[Outcome] = []
    failed = False
    for step in steps:
        if failed:
            outcome = Outcome(step, "skipped")
        else:
            start = time.perf_counter()
            try:
                outcome = Outcome(step, "ok", detail=step.run(t))
            except Exception as exc:  # any failure is a finding to report, not a crash
                outcome = Outcome(step, "FAILED", detail=describe(exc))
                failed = True
            outcome.seconds = time.perf_counter() - start
        outcomes.append(outcome)
        print(format_outcome(outcome), file=out, flush=True)
    return outcomes


def describe(exc: Exception) -> str:
    """An error in both languages where the error carries both (the app's errors do)."""
    zh, en = getattr(exc, "zh", None), getattr(exc, "en", None)
    if isinstance(zh, str) and isinstance(en, str):
        return f"{zh} / {en}"
    return f"{type(exc).__name__}: {exc}"


def format_outcome(o: Outcome) -> str:
    mark = {"ok": "ok", "FAILED": "FAILED", "skipped": "skipped"}[o.status]
    zh = {"ok": "通过", "FAILED": "失败", "skipped": "跳过"}[o.status]
    took = f"{o.seconds:6.2f} s" if o.status != "skipped" else " " * 8
    line = f"  {zh} {mark:<7} {took}  {o.step.zh} / {o.step.en}"
    return f"{line}: {o.detail}" if o.detail else line


def plain_store_warning(path: Path) -> str:
    """A warning when this laptop's own store exists without a password (a demo store:
    anyone with the file can read it); empty otherwise. The store is not opened."""
    from caseworker.security.signin import is_encrypted

    if not path.is_file() or is_encrypted(path):
        return ""
    return (
        f"  注意 WARNING  本机数据库“{path}”未加密，只能用于演示；保存真实家庭前请先设置密码"
        "（启动程序，或 caseworker password set）/ this laptop's store is not encrypted: "
        "it is for demonstrations only; set a password before it holds real households "
        "(start the app, or caseworker password set)"
    )


def run_self_test(out: IO[str] | None = None, steps: Sequence[Step] = STEPS) -> int:
    """Run the self-test; print the report to ``out`` (stdout); return the exit status."""
    out = out or sys.stdout
    kind = "程序包 bundle" if is_frozen() else "源代码 source"
    print(
        f"Caseworker {__version__} 自检 / self-test ({kind}, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()})",
        file=out,
        flush=True,
    )
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="caseworker-selftest-"))
    t = SelfTest(folder)
    try:
        outcomes = run_steps(t, steps, out)
    finally:
        t.close()
    total = time.perf_counter() - started
    warning = plain_store_warning(default_db_path())
    if warning:
        print(warning, file=out, flush=True)
    failed = next((o for o in outcomes if o.status == "FAILED"), None)
    if failed is None:
        shutil.rmtree(folder, ignore_errors=True)
        print(f"自检通过 / self-test passed ({total:.1f} s)", file=out, flush=True)
        return EXIT_PASSED
    print(
        f"自检失败，失败的步骤：{failed.step.zh} / self-test FAILED at step "
        f"'{failed.step.name}' ({failed.step.en}); "
        f"留存的文件 / files kept for inspection: {folder}",
        file=out,
        flush=True,
    )
    return EXIT_FAILED
