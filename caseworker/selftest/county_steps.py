"""The self-test's steps with a county server: a county database and ``caseworker county
serve`` started on loopback, then enrolment and one full sync."""

import subprocess
import time

from caseworker.selftest.context import SelfTest, StepFailed
from caseworker.selftest.processes import caseworker_command, child_environment, free_port

SERVER_START_SECONDS = 60.0


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
