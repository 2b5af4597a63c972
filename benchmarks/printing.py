"""Printing benchmark: the case files of a village of 300 households, one PDF.

In the same run it times a bare ReportLab canvas drawing exactly the same strings at the
same places in the same font (every text of every page, footers included; no table rules,
no QR codes, no layout) and prints the ratio. Targets (issue 4): >= 50 pages/s and
<= 1.5x the bare canvas.

    python benchmarks/printing.py [--households 300] [--seed 1] [--repeat 3]
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from caseworker.demo.generator import generate_households
from caseworker.demo.places import ZHONGJIE_VILLAGE, demo_regions
from caseworker.domain.codes import Program
from caseworker.domain.records import Household
from caseworker.eligibility.findings import Finding, PolicyRef, Reason, Screening, Status
from caseworker.operations.findings import CurrentFindings
from caseworker.printing.boxes import Page
from caseworker.printing.casefile import draw_case_file, write_case_files
from caseworker.printing.documents import household_source
from caseworker.printing.fonts import FONT_NAME, register_font
from caseworker.printing.loading import sorted_cases
from caseworker.printing.render import Footer, PdfBuilder, footer_texts
from caseworker.store.db import Store, open_store
from caseworker.store.decisions import household_sha256, save_decision
from caseworker.store.households import save_households
from caseworker.store.regions import region_names

AS_OF = date(2026, 11, 1)
POLICY = PolicyRef("jingyang-county", "2026.1", "0" * 64)


def screening_for(h: Household) -> Screening:
    """A plausible screening: current Dibao households continue (some at a new amount),
    emergencies get temporary assistance, the rest are refused with reasons."""
    income = sum(i.monthly_fen for m in h.members for i in m.incomes or ())
    per_capita = income // len(h.members)
    said = Reason(
        "dibao.income_below_standard",
        per_capita < 58_000,
        f"家庭人均月收入{per_capita / 100:.2f}元，本县农村最低生活保障标准为每月580.00元",
        f"per-capita income {per_capita / 100:.2f}, standard 580.00",
    )
    property_ok = Reason(
        "dibao.property", True, "家庭财产状况未超过本县规定", "property within the limits"
    )
    findings = []
    dibao = next((b for b in h.benefits if b.program is Program.DIBAO), None)
    if dibao is not None:
        changed = dibao.monthly_fen + (5_000 if len(h.members) % 2 else 0)
        findings.append(
            Finding(Program.DIBAO, Status.CONTINUE, changed, None, (), (said, property_ok))
        )
    elif per_capita < 58_000:
        findings.append(
            Finding(
                Program.DIBAO,
                Status.LIKELY_ELIGIBLE,
                (58_000 - per_capita) * len(h.members),
                None,
                (),
                (said, property_ok),
            )
        )
    else:
        findings.append(
            Finding(Program.DIBAO, Status.NOT_ELIGIBLE, None, None, (), (said, property_ok))
        )
    if h.emergency is not None:
        findings.append(
            Finding(Program.TEMPORARY_ASSISTANCE, Status.LIKELY_ELIGIBLE, None, 300_000)
        )
    return Screening(h.id, AS_OF - timedelta(days=2), POLICY, tuple(findings))


def make_village(folder: Path, count: int, seed: int) -> Store:
    households = generate_households(count, seed=seed, as_of=AS_OF)
    for h in households:
        h.village_code = ZHONGJIE_VILLAGE
    store = open_store(folder / "bench.db")
    save_households(store, households, regions=demo_regions())
    with store.begin() as conn:
        for h in households:
            save_decision(
                conn,
                screening_for(h),
                household_sha256=household_sha256(h),
                device_id=store.device_id,
            )
    return store


def time_ours(store: Store, out: Path) -> tuple[float, int, int]:
    """Seconds for the whole batch as the print command runs it: read, lay out, draw,
    write; (seconds, households, pages)."""
    start = time.perf_counter()
    with store.read() as conn:
        count, cases = sorted_cases(
            conn, [ZHONGJIE_VILLAGE], CurrentFindings.of_store(store, AS_OF)
        )
        result = write_case_files(
            out, cases, count=count, regions=region_names(conn), printed_on=AS_OF
        )
    return time.perf_counter() - start, result.households, result.pages


class Recorder(PdfBuilder):
    """Draws as usual and keeps every string of every page, footers included."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), title="record")
        self.recorded: list[tuple[tuple[float, float], list[tuple[float, float, float, str]]]] = []

    def _draw(self, page: Page, footer: Footer, qr_name: str, number: int, total: int) -> None:
        texts = [(x, y, s, t) for x, y, s, t, _ in page.texts]
        texts += [(x, y, s, t) for x, y, s, t, _ in footer_texts(page.size, footer, number, total)]
        self.recorded.append((page.size, texts))
        super()._draw(page, footer, qr_name, number, total)


def record_strings(
    store: Store,
) -> list[tuple[tuple[float, float], list[tuple[float, float, float, str]]]]:
    recorder = Recorder()
    with store.read() as conn:
        regions = region_names(conn)
        _count, cases = sorted_cases(
            conn, [ZHONGJIE_VILLAGE], CurrentFindings.of_store(store, AS_OF)
        )
        for case in cases:
            source = household_source(
                case.household,
                regions=regions,
                screening=case.screening,
                signatures=case.signatures,
                printed_on=AS_OF,
            )
            draw_case_file(recorder, source, level=1, evidence=case.evidence)
    return recorder.recorded


def time_bare(
    pages: list[tuple[tuple[float, float], list[tuple[float, float, float, str]]]], out: Path
) -> float:
    """Seconds for a bare canvas to draw the same strings and write the file."""
    register_font()
    start = time.perf_counter()
    with open(out, "wb") as f:
        c = Canvas(f, initialFontName=FONT_NAME, pageCompression=1)
        for size, texts in pages:
            c.setPageSize(size)
            current = 0.0
            for x, y, font_size, text in texts:
                if font_size != current:
                    c.setFont(FONT_NAME, font_size)
                    current = font_size
                c.drawString(x, y, text)
            c.showPage()
        c.save()
        f.flush()
        os.fsync(f.fileno())
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = make_village(folder, args.households, args.seed)
        recorded = record_strings(store)
        strings = sum(len(texts) for _, texts in recorded)
        ours, bare = [], []
        pages = households = 0
        for _ in range(args.repeat):
            seconds, households, pages = time_ours(store, folder / "ours.pdf")
            ours.append(seconds)
            bare.append(time_bare(recorded, folder / "bare.pdf"))
        assert pages == len(recorded), (pages, len(recorded))
        store.close()
        best_ours, best_bare = min(ours), min(bare)
        median = statistics.median(ours)
        ours_mb = os.path.getsize(folder / "ours.pdf") / 1e6
        bare_mb = os.path.getsize(folder / "bare.pdf") / 1e6
        print(f"village of {households} households: {pages} pages, {strings} strings")
        print(
            f"case-file batch: {best_ours:.2f} s (best of {args.repeat}; median {median:.2f} s)"
            f" = {pages / best_ours:.0f} pages/s"
        )
        print(f"bare canvas, same strings: {best_bare:.2f} s = {pages / best_bare:.0f} pages/s")
        print(f"ratio: {best_ours / best_bare:.2f}x the bare canvas")
        print(f"file sizes: batch {ours_mb:.1f} MB, bare canvas {bare_mb:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
