"""Take the screenshots in docs/screenshots (headless), on a 1366x768 laptop screen at
100% and at 150% scaling, by driving the real main window through a specialist's day on
demo data: register a household, record a visit step by step, see the findings, start an
application, print, and every other page.

    .venv/bin/python docs/screenshots/take.py            # both scales
    .venv/bin/python docs/screenshots/take.py --scale 1.5
    .venv/bin/python docs/screenshots/take.py --only policy   # policy*.png only

Pictures at 150% end in ``-150``, in extra large type in ``-large``. Each run also prints
any widget whose minimum size does not fit the screen, so a cut-off page shows up in the
output as well as in the picture.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCREEN = {"width": 1366, "height": 768}
DAY = date(2026, 11, 1)
VILLAGE = "610423100201"
TAKEN = (
    datetime(2026, 10, 20, 10, 30).timestamp()
)  # when the demo's papers were photographed  # 中街村, where the seed article's households live


def _each_scale(scales: list[float], only: str | None) -> int:
    """Run this script once per scale (Qt reads the scale factor when it starts)."""
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "screen.json"
        screen = {"name": "laptop", "x": 0, "y": 0, "logicalDpi": 96, "dpr": 1, **SCREEN}
        config.write_text(json.dumps({"screens": [screen]}))
        for scale in scales:
            env = {
                **os.environ,
                "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
                "QT_SCALE_FACTOR": str(scale),
            }
            command = [sys.executable, __file__, "--one", str(scale)]
            command += ["--only", only] if only else []
            if subprocess.run(command, env=env, cwd=ROOT).returncode:
                return 1
    return 0


def _shoot_all(scale: float, only: str | None) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from caseworker.demo.generator import generate_households
    from caseworker.demo.places import demo_regions
    from caseworker.store.db import open_store
    from caseworker.store.households import save_households
    from caseworker.store.search import search_households
    from caseworker.store.workers import set_current_worker
    from caseworker.ui import ask
    from caseworker.ui.app import create_app
    from caseworker.ui.i18n import install_language
    from caseworker.ui.main_window import HOME, POLICY, SETTINGS, SYNC, MainWindow
    from caseworker.ui.settings import AppSettings

    suffix = "" if scale == 1 else f"-{round(scale * 100)}"
    # Questions are answered "yes" / the first choice, as a specialist going on would.
    ask.confirm = lambda *_: True  # type: ignore[assignment]
    ask.warn = lambda *_: None  # type: ignore[assignment]
    ask.choose = lambda *_: 0  # type: ignore[assignment]

    def settle(app: QApplication) -> None:
        for _ in range(25):
            QThreadPool.globalInstance().waitForDone()
            app.processEvents()
            time.sleep(0.02)

    def shoot(widget: QWidget, name: str) -> None:
        settle(app)
        if only and not name.startswith(only):
            return  # the day is still driven through: later pictures depend on it
        free = widget.screen().availableGeometry()
        hint = widget.minimumSizeHint()
        if hint.width() > free.width() or hint.height() > free.height():
            print(f"  does not fit: {name} needs {hint.width()}x{hint.height()}", file=sys.stderr)
        widget.grab().save(str(HERE / f"{name}{suffix}.png"))
        print(f"docs/screenshots/{name}{suffix}.png")

    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings(Path(tmp) / "settings.ini")
        settings.language = "zh_CN"
        app = create_app(settings)
        store = open_store(Path(tmp) / "demo.db")
        save_households(store, generate_households(400, seed=1, as_of=DAY), regions=demo_regions())
        worker = set_current_worker(store, name="王建华", role="village", scope_code=VILLAGE)
        window = MainWindow(store, worker, settings, today=lambda: DAY)
        # The guide shows a laptop as its specialist has it (a store with a password), not
        # the warning this demo store, made without one for speed, brings.
        window.demo_label.hide()
        window.show_on_screen()
        settle(app)
        shoot(window, "home")
        window.focus_search()
        window.households.search.setText("zhang")
        shoot(window, "households")

        dialog = window.households.register_household()
        dialog.address.setText("五组7号")
        people = [
            ("刘建国", "610423198203150612", "head"),
            ("赵秀兰", "610423198507220923", "spouse"),
            ("刘小宇", "610423201009010012", "child"),
        ]
        while len(dialog.rows) < len(people):
            dialog.new_row()
        for row, (name, number, relation) in zip(dialog.rows, people, strict=True):
            row.name.setText(name)
            row.id_number.setText(number)
            row.relation.set_code(relation)
        shoot(dialog, "register-household")
        if not dialog.save():
            print("  the demo household was refused", file=sys.stderr)
            return 1
        settle(app)
        page = window.household_page
        assert page is not None
        shoot(window, "household-new")

        form = window.new_visit(page.editor.household.id)
        form.investigator_2.setText("李秀英")
        form.structure.set_code("brick_wood")
        form.area.setValue(86)
        form.condition.set_code("poor")
        form.animals[next(iter(form.animals))].setValue(1)
        row = form.incomes.add_row(form.household.members[0].id, "wage", "1200.00")
        form.incomes.add_row(form.household.members[1].id, "farming", "300.00")
        form.expense_notes.setPlainText("妻子住院，今年自付医疗费约1.8万元")
        for cause in ("illness", "lack_of_labour"):
            form.causes[next(c for c in form.causes if c.value == cause)].setChecked(True)
        form.conclusion.setPlainText("家庭人均收入低于低保标准，建议纳入低保")
        for step, name in enumerate(
            ("basics", "housing", "livestock", "vehicles", "incomes", "expenses", "causes")
        ):
            form.go_to_step(step)
            shoot(form, f"visit-{step + 1}-{name}")
        row.amount.setText("12OO")  # a typing mistake, caught at the row
        form.go_to_step(4)
        shoot(form, "visit-5-incomes-error")
        form.save_visit(sign=False)
        shoot(form, "visit-problems")
        row.amount.setText("1200.00")
        form.go_to_step(7)
        shoot(form, "visit-8-conclusion")
        form.save_visit(sign=False)
        settle(app)
        shoot(window, "household")

        with store.read() as conn:
            zhang = search_households(conn, "张学林")[0].id
            chen = search_households(conn, "陈宗良")[0].id
        shown = window.open_household(zhang)
        assert shown is not None
        shown.eligibility.cards[0].bases[1].linkActivated.emit("open")  # a 依据 opened
        shoot(window, "household-zhang")
        page = window.open_household(chen)
        assert page is not None
        page.tabs.setCurrentIndex(6)
        shoot(window, "applications")
        details = page.edit_household_info()  # where the account assistance is paid into
        shoot(details, "household-details")
        details.reject()
        centre = window.open_print_centre()
        centre.form.setCurrentIndex(centre.form.findData("dibao-application"))
        centre.preview()
        settle(app)
        shoot(window, "print-centre")
        reports = centre.open_reports()
        reports.kind.setCurrentIndex(reports.kind.findData("payments"))
        reports.preview()
        shoot(reports, "reports")
        reports.reject()
        window.nav.setCurrentRow(POLICY)
        shoot(window, "policy")
        policy = window.policy_page
        policy.choose("dibao.standard.rural")
        assert policy.editor is not None
        policy.editor.focus_editor()
        QTest.keyClicks(policy.editor.focus_widget(), "450")  # typed over the value in force
        QTest.keyClick(policy.editor.focus_widget(), Qt.Key.Key_Return)
        shoot(window, "policy-whatif")
        window.nav.setCurrentRow(SYNC)  # not enrolled here (tests/ui/test_sync_page.py shows
        shoot(window, "sync-enroll")  # the page enrolled, against a county server)
        window.nav.setCurrentRow(SETTINGS)
        shoot(window, "settings")
        if scale == 1:  # large type (Settings > 文字大小) on the laptop screen
            window.settings_page.type_size.setCurrentIndex(2)  # 特大
            settle(app)
            shoot(window, "settings-large")
            window.open_household(zhang)
            shoot(window, "household-zhang-large")
            window.nav.setCurrentRow(POLICY)
            shoot(window, "policy-large")
            window.settings_page.type_size.setCurrentIndex(0)
        with store.read() as conn:  # a Dibao application under way, papers to collect
            liu = search_households(conn, "刘成")[0].id
        evidence_page = window.open_household(liu)
        _evidence(window, evidence_page, Path(tmp), shoot, lambda: settle(app))
        install_language("en")
        QCoreApplication.processEvents()
        window.nav.setCurrentRow(HOME)
        shoot(window, "home-en")
        english = window.new_visit(chen)
        english.go_to_step(4)
        shoot(english, "visit-5-incomes-en")
        english.close()
        install_language("zh_CN")
        window.close()
        store.close()
    return 0


def _document_photos(folder: Path) -> dict[str, Path]:
    """Photos of papers as a specialist takes them (drawn: the demo has no real ones)."""
    from PIL import Image, ImageDraw

    def paper(name: str, size: tuple[int, int], colour: str, ink: str, lines: int) -> Path:
        image = Image.new("RGB", size, "#6b6358")  # the table it lies on
        draw = ImageDraw.Draw(image)
        w, h = size
        draw.rectangle((w * 0.08, h * 0.08, w * 0.92, h * 0.92), fill=colour)
        for n in range(lines):
            top = h * (0.18 + n * 0.7 / max(lines, 1))
            draw.rectangle((w * 0.16, top, w * (0.84 - 0.1 * (n % 3)), top + h * 0.03), fill=ink)
        path = folder / name
        image.save(path, "JPEG", quality=90)
        os.utime(path, (TAKEN, TAKEN))  # photographed at the visit, before the demo day
        return path

    houses = Image.new("RGB", (1600, 1200), "#9cc3e6")
    draw = ImageDraw.Draw(houses)
    draw.rectangle((0, 800, 1600, 1200), fill="#7a6a4f")
    draw.rectangle((380, 450, 1220, 900), fill="#b9a58a")
    draw.polygon([(330, 460), (800, 200), (1270, 460)], fill="#5b4636")
    draw.rectangle((720, 650, 880, 900), fill="#3d2f22")
    houses.save(folder / "住房.jpg", "JPEG", quality=90)
    os.utime(folder / "住房.jpg", (TAKEN, TAKEN))
    return {
        "hukou": paper("户口簿.jpg", (1400, 1000), "#f3e6d3", "#8c2f28", 7),
        "id": paper("身份证.jpg", (1600, 1000), "#e6eef7", "#30475e", 5),
        "income": paper("收入证明.jpg", (1000, 1400), "#fbfbf7", "#333333", 12),
        "housing": folder / "住房.jpg",
    }


def _evidence(
    window: Any, page: Any, folder: Path, shoot: Callable[[Any, str], None], settle: Any
) -> None:
    """The Evidence tab of a household with an application under way: a few papers
    attached, the add dialog, the checklist and a photo at full size."""
    from pypdf import PdfWriter

    from caseworker.domain.evidence import EvidenceKind, EvidenceLimits
    from caseworker.operations.evidence import AttachRequest, attach_files, read_file_to_attach

    photos = _document_photos(folder)
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=595, height=842)
    with open(folder / "申请书.pdf", "wb") as out:
        writer.write(out)
    os.utime(folder / "申请书.pdf", (TAKEN, TAKEN))
    household = page.editor.household
    tab = page.show_evidence()
    head = household.head
    for path, kind, member in (
        (folder / "申请书.pdf", EvidenceKind.SIGNED_FORM, None),
        (photos["id"], EvidenceKind.ID_CARD, head.id if head else None),
        (photos["housing"], EvidenceKind.HOUSING_PHOTO, None),
    ):
        f = read_file_to_attach(path, EvidenceLimits(), DAY)  # the pack's limits
        request = AttachRequest(household.id, kind, member_id=member)
        attach_files(page.editor.store, [f], request, "王建华")
    tab.show_household(household)
    tab.add_files([photos["hukou"]])
    settle()
    dialog = tab.attach_dialog
    dialog.choose(EvidenceKind.HUKOU)
    dialog.note.setText("户主页和本人页")
    shoot(dialog, "evidence-add")
    dialog.accept()
    shoot(window, "evidence")
    viewer = tab.view(next(a for a in tab.attachments if a.kind is EvidenceKind.ID_CARD))
    shoot(viewer, "evidence-view")
    viewer.close()
    page.eligibility.ensureWidgetVisible(page.eligibility.evidence_section)
    tab.layout().itemAt(0).widget().setSizes([250, 350])  # the checklist given the room
    shoot(window, "evidence-checklist")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, action="append")
    parser.add_argument("--only", help="save only the pictures whose name starts so")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        return _shoot_all(args.one, args.only)
    return _each_scale(args.scale or [1.0, 1.5], args.only)


if __name__ == "__main__":
    sys.exit(main())
