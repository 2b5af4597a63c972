"""Keep the Qt Linguist translations in step with the code.

    python build/translations.py           # update the .ts from the sources, compile .qm
    python build/translations.py --check   # exit 1 if a string lacks a translation

Source strings are English (``self.tr("...")`` in ``caseworker/ui``); translators edit
``resources/translations/caseworker_zh_CN.ts`` with Qt Linguist (``pyside6-linguist``).
"""

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "caseworker_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """A PySide6 tool next to this Python, or on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "caseworker" / "ui").rglob("*.py"))


def update() -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-ts", str(TS), "-no-obsolete",
         "-source-language", "en", "-target-language", "zh_CN"],
        cwd=ROOT, check=True,
    )  # fmt: skip
    compile_qm(QM)


def compile_qm(target: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(target)], cwd=ROOT, check=True)


def untranslated(ts: Path = TS) -> list[str]:
    """Source strings without a finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in {"unfinished", "vanished", "obsolete"}:
            if translation is None or translation.get("type") == "unfinished":
                missing.append(message.findtext("source") or "")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if not args.check:
        update()
    missing = untranslated()
    for text in missing:
        print(f"untranslated: {text}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
