"""Compile the screening engine's hot modules with mypyc into caseworker/eligibility/native/.

    python build/compile_engine.py     # run by make before run, test, bench and package

The compiled modules are C extensions built from the same typed sources (the list is
``caseworker.eligibility.compiled.COMPILED_MODULES``); the package uses them only while
their recorded source digest matches the sources. Without a C compiler or the Python
headers this prints why and leaves the engine interpreted (same results, about half the
speed): it never fails the build. The folder is replaced in one rename, so an interrupted
build leaves the previous engine or none, never half of one.
"""

import logging
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "caseworker" / "eligibility"
GROUP = "caseworker.eligibility.engine_native"  # its shared library: engine_native__mypyc

sys.path.insert(0, str(ROOT))
from caseworker.eligibility.compiled import (  # noqa: E402
    COMPILED_MODULES,
    DIGEST_FILE,
    NATIVE_DIR,
    source_digest,
)


def missing_toolchain() -> str | None:
    """Why a C extension cannot be built here, or None."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if sys.platform != "win32" and shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    headers = Path(sysconfig.get_path("include")) / "Python.h"
    if not headers.is_file():
        return f"no Python headers ({headers})"
    return None


def compile_into(out_dir: Path, work_dir: Path) -> None:
    """Build the extension modules of COMPILED_MODULES under ``out_dir`` (a package tree)."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    paths = [str(Path("caseworker") / "eligibility" / name) for name in COMPILED_MODULES]
    extensions = mypycify(paths, opt_level="3", group_name=GROUP, target_dir=str(work_dir))
    # A bare Distribution: setup() would read pyproject.toml, which is not needed here.
    dist = Distribution({"name": "caseworker-engine", "ext_modules": extensions})
    command = dist.get_command_obj("build_ext")
    command.build_lib = str(out_dir)
    command.build_temp = str(work_dir / "objects")
    command.parallel = os.cpu_count() or 1
    logging.getLogger().setLevel(logging.WARNING)  # not every compiler command line
    dist.run_command("build_ext")


def main() -> int:
    """Compile if the toolchain is there; otherwise leave the interpreted engine."""
    native = PACKAGE_DIR / NATIVE_DIR
    reason = missing_toolchain()
    if reason is not None:
        shutil.rmtree(native, ignore_errors=True)
        print(f"compile_engine: {reason}; the screening engine stays interpreted")
        return 0
    digest = source_digest(PACKAGE_DIR)
    os.chdir(ROOT)  # mypyc names modules from paths relative to the source root
    with tempfile.TemporaryDirectory(prefix="engine-", dir=PACKAGE_DIR) as tmp:
        work, out = Path(tmp) / "work", Path(tmp) / "out"
        try:
            compile_into(out, work)
        except (Exception, SystemExit) as error:  # distutils reports compiler errors so
            shutil.rmtree(native, ignore_errors=True)
            print(f"compile_engine: compiling failed ({error}); the engine stays interpreted")
            return 0
        built = out / "caseworker" / "eligibility"
        (built / DIGEST_FILE).write_text(digest + "\n", encoding="ascii")
        stale = Path(tmp) / "stale"
        if native.exists():
            native.rename(stale)
        built.rename(native)
    print(
        f"compile_engine: {len(COMPILED_MODULES)} modules compiled into {native.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
