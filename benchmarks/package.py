"""Package benchmark: the size of the one-folder bundle and its start-up to the sign-in window.

    make package && python benchmarks/package.py [--bundle dist/caseworker] [--runs 5]

Size: the apparent size of every file under the bundle folder, and its largest parts.

Start-up: the bundle's executable on an encrypted laptop store (so the first window is the
sign-in dialog, as on a village laptop), with ``CASEWORKER_EXIT_WHEN_SHOWN=1``: the app
prints the moment its first window has been drawn and quits; the figure is that moment
minus the moment this script started the process. "Cold" runs first evict every file of
the bundle from the operating system's page cache (``posix_fadvise(DONTNEED)`` on each
file, Linux; no root needed; system libraries such as libc stay cached), as after a
reboot; "warm" runs follow one another. For comparison, warm runs of the same app from
source (``python -m caseworker``).

Targets (issue 8): bundle <= 250 MB, cold start <= 3 s.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from caseworker.security.signin import set_up
from caseworker.store.db import open_store

ROOT = Path(__file__).resolve().parent.parent
MARKER = "CASEWORKER_SHOWN"
SIZE_TARGET_MB = 250
START_TARGET_S = 3.0


def bundle_files(bundle: Path) -> list[Path]:
    return [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]


def size_report(bundle: Path) -> tuple[int, int, list[tuple[int, str]]]:
    """Total bytes, number of files, and the largest parts (a folder two levels into the
    bundle, or a file) by size."""
    files = bundle_files(bundle)
    total = sum(p.stat().st_size for p in files)
    parts: dict[str, int] = {}
    for p in files:
        rel = p.relative_to(bundle).parts
        key = "/".join(rel[: min(len(rel), 3)])
        if len(rel) > 3 and rel[1] == "PySide6" and rel[2] == "Qt":
            key = "/".join(rel[:4])  # Qt's lib, plugins and translations apart
        parts[key] = parts.get(key, 0) + p.stat().st_size
    largest = sorted(((size, name) for name, size in parts.items()), reverse=True)[:12]
    return total, len(files), largest


def evict(bundle: Path) -> None:
    """Drop the bundle's files from the page cache, so the next start reads them from disk."""
    for path in bundle_files(bundle):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def encrypted_store(folder: Path) -> Path:
    db = folder / "laptop.db"
    key, _code = set_up(db, worker_id="w1", worker_name="王建华", password="benchmark password")
    open_store(db, key=key).close()
    return db


def disk_reads() -> int:
    """Bytes the finished child processes of this script read from disk so far (0 where
    the system does not count them, as on Windows)."""
    if sys.platform == "win32":
        return 0
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_inblock * 512


def start_once(command: list[str], db: Path, home: Path) -> float:
    """Seconds from starting the app to its first window drawn."""
    env = {
        **os.environ,
        "CASEWORKER_EXIT_WHEN_SHOWN": "1",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.time()
    done = subprocess.run(
        [*command, "--db", str(db)], capture_output=True, text=True, timeout=120, env=env
    )
    if done.returncode != 0:
        raise SystemExit(f"the app failed ({done.returncode}): {done.stderr[-2000:]}")
    line = next(x for x in done.stdout.splitlines() if x.startswith(MARKER))
    return float(line.split()[1]) - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "caseworker")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = args.bundle / ("caseworker.exe" if sys.platform == "win32" else "caseworker")
    if not exe.is_file():
        raise SystemExit(f"no bundle at {args.bundle}: run `make package` first")

    total, count, largest = size_report(args.bundle)
    print(f"bundle {args.bundle}: {total / 1e6:.1f} MB in {count} files "
          f"(target <= {SIZE_TARGET_MB} MB)")  # fmt: skip
    for size, name in largest:
        print(f"  {size / 1e6:7.1f} MB  {name}")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = encrypted_store(folder)
        cold, warm, source, read = [], [], [], []
        for _ in range(args.runs):
            if sys.platform.startswith("linux"):
                evict(args.bundle)
            before = disk_reads()
            cold.append(start_once([str(exe)], db, folder))
            read.append(disk_reads() - before)
        start_once([str(exe)], db, folder)  # fill the cache
        for _ in range(args.runs):
            warm.append(start_once([str(exe)], db, folder))
        start_once([sys.executable, "-m", "caseworker"], db, folder)
        for _ in range(args.runs):
            source.append(start_once([sys.executable, "-m", "caseworker"], db, folder))

    platform = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    print(f"start-up to the sign-in window drawn (Qt platform {platform}), {args.runs} runs each:")
    for name, times in (("bundle, cold", cold), ("bundle, warm", warm), ("source, warm", source)):
        print(
            f"  {name:<13} median {statistics.median(times):.2f} s  "
            f"(min {min(times):.2f}, max {max(times):.2f})"
        )
    print(f"  read from disk by a cold start: median {statistics.median(read) / 1e6:.0f} MB")
    print(f"target: cold <= {START_TARGET_S:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
