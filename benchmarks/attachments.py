"""Attachment benchmark: ``caseworker attach add`` of 100 phone photos at once.

It makes 100 photos as a phone saves them (4,000 x 3,000 JPEG, quality 92, textured so
they do not compress to nothing, EXIF orientation 6 on every other one), makes a demo
store, and times the whole command in a process of its own (start-up, reading, checking,
bringing each photo down to the county's 2,000 px, sealing, one transaction). In the same
run it times the baseline: only decoding the same 100 files whole with Pillow, in this
process, and prints the ratio. Target (issue 19): <= 15 s for the command.

    python benchmarks/attachments.py [--photos 100] [--repeat 3]
"""

import argparse
import io
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

TARGET_SECONDS = 15.0


def base_picture(width: int, height: int) -> Image.Image:
    """A scene with detail everywhere: shapes over noise, as a photo of a room is."""
    rng = random.Random(7)
    image = Image.new("RGB", (width, height), (180, 170, 150))
    draw = ImageDraw.Draw(image)
    for _ in range(1500):
        x, y = rng.randrange(width), rng.randrange(height)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.rectangle([x, y, x + rng.randint(10, 300), y + rng.randint(10, 300)], fill=colour)
    noise = Image.effect_noise((width, height), 60).convert("RGB")
    return Image.blend(image, noise, 0.3)


def make_photos(folder: Path, count: int) -> list[Path]:
    """``count`` different phone-like photos in ``folder``."""
    base = base_picture(4000, 3000)
    paths = []
    for n in range(count):
        # Each photo differs: the scene shifted, so no two files are the same.
        shifted = Image.new("RGB", base.size)
        offset = (n * 37) % base.width
        shifted.paste(base.crop((offset, 0, base.width, base.height)), (0, 0))
        shifted.paste(base.crop((0, 0, offset, base.height)), (base.width - offset, 0))
        exif = Image.Exif()
        exif[0x0112] = 6 if n % 2 else 1
        exif.get_ifd(0x8769)[0x9003] = "2026:11:20 10:00:00"
        out = io.BytesIO()
        shifted.save(out, "JPEG", quality=92, exif=exif.tobytes())
        path = folder / f"IMG_{n:04d}.jpg"
        path.write_bytes(out.getvalue())
        paths.append(path)
    return paths


def demo_store(folder: Path) -> tuple[Path, str]:
    """A demo store and the id of one of its households."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "demo.db"
    subprocess.run(
        [sys.executable, "-m", "caseworker", "demo", "--households", "50", "--db", str(db)],
        check=True,
        capture_output=True,
    )
    from caseworker.store.db import open_store
    from caseworker.store.households import iter_households

    store = open_store(db)
    with store.read() as conn:
        household = next(iter(iter_households(conn))).id
    store.close()
    return db, household


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def time_command(db: Path, household: str, photos: list[Path]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of the whole command."""
    cpu = children_cpu()
    started = time.perf_counter()
    command = [sys.executable, "-m", "caseworker", "attach", "add", *map(str, photos)]
    done = subprocess.run(
        [*command, "--household", household, "--kind", "housing_photo", "--db", str(db)],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return elapsed, children_cpu() - cpu


def time_decoding(photos: list[Path]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of decoding every photo whole."""
    cpu = time.process_time()
    started = time.perf_counter()
    for path in photos:
        with Image.open(path) as image:
            image.load()
    return time.perf_counter() - started, time.process_time() - cpu


def report(
    count: int, commands: list[tuple[float, float]], decodes: list[tuple[float, float]]
) -> None:
    """Print the medians (wall clock, CPU), the spread of the command and the ratios."""
    command = statistics.median(w for w, _ in commands)
    command_cpu = statistics.median(c for _, c in commands)
    decode = statistics.median(w for w, _ in decodes)
    decode_cpu = statistics.median(c for _, c in decodes)
    spread = f"{min(w for w, _ in commands):.2f}-{max(w for w, _ in commands):.2f}"
    verdict = "met" if command <= TARGET_SECONDS else "NOT met"
    print(f"caseworker attach add, {count} photos: {command:.2f} s ({spread})")
    print(f"  CPU {command_cpu:.2f} s; target <= {TARGET_SECONDS:.0f} s: {verdict}")
    print(f"baseline, Pillow decoding the same files whole: {decode:.2f} s")
    print(f"  CPU {decode_cpu:.2f} s")
    print(f"ratio command / baseline: {command / decode:.2f}x")
    print(f"  CPU {command_cpu / decode_cpu:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photos = make_photos(folder, args.photos)
        size = sum(p.stat().st_size for p in photos) / 1024 / 1024
        print(f"{len(photos)} photos, 4000x3000, {size:.0f} MB in all")
        commands, decodes = [], []
        for run in range(args.repeat):
            db, household = demo_store(folder / f"run{run}")
            decodes.append(time_decoding(photos))
            commands.append(time_command(db, household, photos))
            os.sync()
        report(len(photos), commands, decodes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
