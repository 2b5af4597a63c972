"""The compiled screening engine: which modules it holds, and whether it may be used.

The engine's hot modules (the rules, the facts they share, findings and reasons) are
ordinary typed Python. ``make`` also compiles them with mypyc into C extension modules in
``caseworker/eligibility/native/`` (``build/compile_engine.py``), which screen the same
way about twice as fast. The package puts that folder first on its ``__path__`` only when
it was compiled from exactly the sources beside it, so an edited rule is never shadowed by
an older compiled copy: the Python source runs instead until the next ``make``. Without a
C compiler nothing is compiled and the Python source runs, with the same results.
"""

import hashlib
import os
import sys
from pathlib import Path

# Relative to caseworker/eligibility/; compiled together as one group (one shared library).
COMPILED_MODULES = (
    "checks.py",
    "compare.py",
    "context.py",
    "engine.py",
    "facts.py",
    "findings.py",
    "income.py",
    "structures.py",
    "template.py",
    "rules/__init__.py",
    "rules/dibao.py",
    "rules/gradual_exit.py",
    "rules/hardship.py",
    "rules/subsidies.py",
    "rules/temporary.py",
)
NATIVE_DIR = "native"
DIGEST_FILE = "SOURCES.sha256"
# Set to 1 to run the Python source even where a current compiled engine exists.
INTERPRETED_ENV = "CASEWORKER_INTERPRETED_ENGINE"


def source_digest(package_dir: Path) -> str:
    """One sha256 over the compiled modules' sources and the interpreter they are built for
    (a compiled module only loads in the Python it was built for)."""
    digest = hashlib.sha256(sys.implementation.cache_tag.encode())
    for name in COMPILED_MODULES:
        digest.update(name.encode() + b"\0")
        digest.update((package_dir / name).read_bytes())
    return digest.hexdigest()


def native_dir(package_dir: Path) -> Path | None:
    """The folder of the compiled engine if it is to be used, else None."""
    if os.environ.get(INTERPRETED_ENV) == "1":
        return None
    folder = package_dir / NATIVE_DIR
    stamp = folder / DIGEST_FILE
    if not stamp.is_file():
        return None
    if getattr(sys, "frozen", False):
        # A bundle holds no sources to compare; it was built with a current engine or none.
        return folder
    try:
        current = source_digest(package_dir)
    except OSError:
        return None
    return folder if stamp.read_text(encoding="ascii").strip() == current else None


def is_compiled() -> bool:
    """Whether the screening engine running in this process is the compiled one."""
    from caseworker.eligibility import engine

    return not engine.__file__.endswith(".py")
