"""Compiled copies of the hottest modules, and whether a package may use them.

Some modules are ordinary typed Python that ``make`` also compiles with mypyc into C
extension modules (``build/compile_native.py``), one group per package, in the package's
``native/`` folder: the screening engine (rules, facts, findings, reasons) and what a large
import does per household (reading and checking it, turning it into rows). They give the
same results, faster.

A package puts its ``native/`` folder first on its ``__path__`` only when it was compiled
from exactly the sources beside it, so an edited module is never shadowed by an older
compiled copy: the Python source runs instead until the next ``make``. Without a C
compiler nothing is compiled and the Python source runs, with the same results.
"""

import os
import sys
import zlib
from collections.abc import MutableSequence, Sequence
from pathlib import Path

# Per package of caseworker: its compiled modules (paths relative to the package), which
# are compiled together as one group (one shared library).
COMPILED: dict[str, tuple[str, ...]] = {
    "eligibility": (
        "checks.py",
        "compare.py",
        "context.py",
        "engine.py",
        "facts.py",
        "findings.py",
        "income.py",
        "structures.py",
        "template.py",
        "rules/dibao.py",
        "rules/gradual_exit.py",
        "rules/hardship.py",
        "rules/subsidies.py",
        "rules/temporary.py",
    ),
    "domain": ("field_errors.py", "idnumber.py", "money.py", "parsers.py", "validation.py"),
    "interchange": (
        "history_reading.py",
        "household_assembly.py",
        "household_format.py",
        "household_reading.py",
        "household_rows.py",
        "observations.py",
        "record_reader.py",
    ),
    # Not prepared.py: compiled, it left objects that crash the interpreter as it exits
    # after a Qt session (a "none_dealloc" fatal error), though every result was right.
    "store": ("bulk.py",),
}
NATIVE_DIR = "native"
DIGEST_FILE = "SOURCES.crc32"
# Set to 1 to run the Python sources even where current compiled modules exist.
INTERPRETED_ENV = "CASEWORKER_INTERPRETED"


def source_digest(package_dir: Path, modules: Sequence[str]) -> str:
    """A CRC-32 over the compiled modules' sources and the interpreter they are built for
    (a compiled module only loads in the Python it was built for).

    It is there to notice an edited source, not to resist tampering, and is checked at
    every start: a SHA-256 would first load OpenSSL's hashing.
    """
    crc = zlib.crc32(sys.implementation.cache_tag.encode())
    for name in modules:
        crc = zlib.crc32(name.encode() + b"\0", crc)
        crc = zlib.crc32((package_dir / name).read_bytes(), crc)
    return f"{crc:08x}"


def native_dir(package_dir: Path, modules: Sequence[str]) -> Path | None:
    """The package's folder of compiled modules if it is to be used, else None."""
    if os.environ.get(INTERPRETED_ENV) == "1":
        return None
    folder = package_dir / NATIVE_DIR
    stamp = folder / DIGEST_FILE
    if not stamp.is_file():
        return None
    if getattr(sys, "frozen", False):
        # A bundle holds no sources to compare; it was built with current modules or none.
        return folder
    try:
        current = source_digest(package_dir, modules)
    except OSError:
        return None
    return folder if stamp.read_text(encoding="ascii").strip() == current else None


def use_compiled(package_path: MutableSequence[str]) -> None:
    """Put the package's current compiled modules before its sources (a package's
    ``__init__``, or a sub-package's, calls this with its ``__path__`` before importing any
    of them).

    A package's ``__init__`` is never compiled: a compiled one would look for its modules
    in ``native/`` alone, so a module added to the package but not to ``COMPILED`` would
    not be found once the rest were compiled. Interpreted, its ``__path__`` keeps the
    sources after the compiled folder, and such a module is imported from its source."""
    package_dir = Path(package_path[0])
    top, inner = package_dir, Path()
    while top.name not in COMPILED:  # a sub-package: its part of the package's folder
        if top.parent == top:
            return  # not inside a package with compiled modules
        top, inner = top.parent, top.name / inner
    folder = native_dir(top, COMPILED[top.name])
    if folder is not None and (folder / inner).is_dir():
        package_path.insert(0, str(folder / inner))


def is_compiled(module: str) -> bool:
    """Whether the module of that name running in this process is a compiled one."""
    __import__(module)
    return not str(sys.modules[module].__file__).endswith(".py")
