"""Desktop benchmark on a 100,000-household encrypted store (issue 5).

Measured, in the same run:
- start-up: a fresh process until the main window has been drawn (store open, worker
  signed in already: the sign-in dialog is timed by ``benchmarks/package.py``), against a
  fresh process that shows a bare PySide6 QMainWindow; target <= 1.5x;
- the household list: from choosing "Households" to the first page drawn; target <= 300 ms;
- search as you type: each keystroke of realistic queries until the list shows the
  result; target median <= 50 ms;
- peak memory (RSS) of the app process after all of the above; target <= 400 MB.

    python benchmarks/ui.py [--households 100000] [--runs 5]
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DAY = date(2026, 11, 1)
MARKER = "CASEWORKER_SHOWN"  # the line a timed process prints at its first paint


def make_store(path: Path, households: int) -> bytes:
    """A demo county of ``households`` in an encrypted store; the data key."""
    from caseworker.demo.generator import generate_households
    from caseworker.demo.places import demo_regions
    from caseworker.security.signin import set_up
    from caseworker.store.db import open_store
    from caseworker.store.households import save_households
    from caseworker.store.workers import set_current_worker

    store = open_store(path)
    save_households(
        store, generate_households(households, seed=1, as_of=DAY), regions=demo_regions()
    )
    worker = set_current_worker(store, name="王建华", role="village", scope_code=None)
    store.close()
    key, _ = set_up(path, worker_id=worker.id, worker_name=worker.name, password="benchmark-1")
    return key


BARE = """
import time, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is window:
            print("CASEWORKER_SHOWN", time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1200, 760)
probe = Probe()
window.installEventFilter(probe)  # see time_process
window.show()
app.exec()
"""

# The main window as the app opens it after the password (caseworker.ui.startup_probe).
APP = """
import sys
from pathlib import Path
from caseworker.ui.startup_probe import show_main_window
show_main_window(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), Path(sys.argv[3]), False)
"""


def time_process(code: str, *args: str) -> float:
    """Seconds from starting a Python process to its window's first paint.

    Both processes watch only their window for that paint. A watcher of every event of
    the app would itself slow the app's start by some 20 ms: PySide readies a Python type
    for each new kind of object such a watcher is shown, and the main window has many
    widgets where the bare one has none.

    The app's modules are compiled once and their bytecode kept, as in an installed app or
    the bundle: with PYTHONDONTWRITEBYTECODE set, every run would compile them again.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=env,
    )
    for line in done.stdout.splitlines():
        if line.startswith(MARKER):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no window drawn: {done.stderr[-2000:]}")


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    On Linux from ``VmHWM``: ``ru_maxrss`` also counts the parent's memory when the process
    was started by ``vfork`` and ``exec`` (as ``subprocess`` does), and the parent here holds
    the 100,000 households it generated.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_process(path: Path, key: bytes, settings: Path, seed: int) -> dict[str, float]:
    """List and search timings and peak memory, measured inside one app process."""
    from PySide6.QtCore import QCoreApplication

    from caseworker.domain.pinyin import name_pinyin
    from caseworker.store.db import open_store
    from caseworker.store.search import HouseholdQuery, find_households
    from caseworker.store.workers import current_worker
    from caseworker.ui.app import create_app
    from caseworker.ui.main_window import HOUSEHOLDS, MainWindow
    from caseworker.ui.settings import AppSettings

    app = create_app(AppSettings(settings))
    store = open_store(path, key=key)
    worker = current_worker(store)
    assert worker is not None
    window = MainWindow(store, worker, AppSettings(settings))
    window.show()
    QCoreApplication.processEvents()
    # The list: navigating to it re-reads the first page and draws it.
    list_times = []
    for _ in range(5):
        window.nav.setCurrentRow(0)
        QCoreApplication.processEvents()
        start = time.perf_counter()
        window.nav.setCurrentRow(HOUSEHOLDS)
        window.households.apply_filters()
        window.households.table.viewport().repaint()
        list_times.append((time.perf_counter() - start) * 1000)
    # Typing: every prefix of realistic queries, as keystrokes.
    rng = random.Random(seed)
    total = window.households.model.total
    with store.read() as conn:
        start_at = rng.randrange(max(total - 200, 1))
        sample = find_households(conn, HouseholdQuery(), offset=start_at, limit=200)
    queries = []
    for summary in rng.sample(sample, 40):
        full, initials = name_pinyin(summary.head_name)
        queries.append(
            rng.choice([summary.head_name, initials, full[:6], summary.head_id_number[-6:]])
        )
    keystrokes = []
    search = window.households.search
    for query in queries:
        search.clear()
        QCoreApplication.processEvents()
        for length in range(1, len(query) + 1):
            start = time.perf_counter()
            search.setText(query[:length])  # textChanged runs the search
            window.households.table.viewport().repaint()
            keystrokes.append((time.perf_counter() - start) * 1000)
    rss_mb = peak_rss_mb()
    window.close()
    store.close()
    app.processEvents()
    return {
        "list_ms_median": statistics.median(list_times),
        "keystroke_ms_median": statistics.median(keystrokes),
        "keystroke_ms_p90": sorted(keystrokes)[int(len(keystrokes) * 0.9)],
        "keystrokes": len(keystrokes),
        "peak_rss_mb": rss_mb,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--store", type=Path, help="reuse an encrypted store made earlier")
    parser.add_argument("--key", help="its data key (hex)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--settings", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # the in-process part, in a process of its own (clean peak memory)
        print(json.dumps(in_process(args.store, bytes.fromhex(args.key), args.settings, args.seed)))
        sys.stdout.flush()
        os._exit(0)  # measured: skip tearing down Qt and the pools
    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "county.db"
        settings = Path(tmp) / "settings.ini"
        if args.store:
            key = bytes.fromhex(args.key)
        else:
            print(f"making an encrypted store of {args.households} households ...", flush=True)
            key = make_store(path, args.households)
        bare, ours = [], []
        for _ in range(args.runs):  # alternate, so load on the machine hits both alike
            bare.append(time_process(BARE))
            ours.append(time_process(APP, str(path), key.hex(), str(settings)))
        measured = subprocess.run(
            [sys.executable, __file__, "--measure", "--store", str(path), "--key", key.hex(),
             "--settings", str(settings), "--seed", str(args.seed)],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )  # fmt: skip
        inside = json.loads(measured.stdout.strip().splitlines()[-1])
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"households:                 {args.households}")
    print(f"start-up, bare QMainWindow: {b:.3f} s (median of {args.runs})")
    print(f"start-up, main window:      {o:.3f} s  -> {o / b:.2f}x (target <= 1.5x)")
    print(
        f"household list shown:       {inside['list_ms_median']:.0f} ms median (target <= 300 ms)"
    )
    print(
        f"search keystroke to result: {inside['keystroke_ms_median']:.1f} ms median, "
        f"p90 {inside['keystroke_ms_p90']:.1f} ms over {inside['keystrokes']} keystrokes "
        "(target median <= 50 ms)"
    )
    print(f"peak memory (RSS):          {inside['peak_rss_mb']:.0f} MB (target <= 400 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
