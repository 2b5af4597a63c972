"""Compile the hottest modules with mypyc into each package's native/ folder.

    python build/compile_native.py     # run by make before run, test, bench and package

The compiled modules are C extensions built from the same typed sources (the lists are
``caseworker.native.COMPILED``: the screening engine, and what an import does per
household), one group per package, each compiled on its own so that every package's
compiled modules work with or without those of the others. A package uses them only
while their recorded source digest matches its sources. Without a C compiler or the
Python headers this prints why and leaves the modules interpreted (same results, slower):
it never fails the build. Each folder is replaced in one rename, so an interrupted build
leaves the previous modules or none, never half of them.
"""

import logging
import os
import shutil
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "caseworker"

sys.path.insert(0, str(ROOT))
from caseworker.native import COMPILED, DIGEST_FILE, NATIVE_DIR, source_digest  # noqa: E402


def missing_toolchain() -> str | None:
    """Why a C extension cannot be built here, or None."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if sys.platform != "win32" and shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    headers = Path(sysconfig.get_path("include")) / "Python.h"
    if not headers.is_file():
        return f"no Python headers ({headers})"
    return None


def compile_into(package: str, out_dir: Path, work_dir: Path) -> None:
    """Build the extension modules of one package's group under ``out_dir`` (a package
    tree); its shared library is ``caseworker/<package>/<package>_native__mypyc``."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    paths = [str(Path("caseworker") / package / name) for name in COMPILED[package]]
    extensions = mypycify(
        paths,
        opt_level="3",
        group_name=f"caseworker.{package}.{package}_native",
        target_dir=str(work_dir),
    )
    # A bare Distribution: setup() would read pyproject.toml, which is not needed here.
    dist = Distribution({"name": f"caseworker-{package}-native", "ext_modules": extensions})
    command = dist.get_command_obj("build_ext")
    command.build_lib = str(out_dir)
    command.build_temp = str(work_dir / "objects")
    command.parallel = os.cpu_count() or 1
    logging.getLogger().setLevel(logging.WARNING)  # not every compiler command line
    dist.run_command("build_ext")


def compile_package(package: str) -> str:
    """Compile one package's group into its native/ folder; what happened, in words."""
    package_dir = PACKAGE / package
    native = package_dir / NATIVE_DIR
    digest = source_digest(package_dir, COMPILED[package])
    stamp = native / DIGEST_FILE
    if stamp.is_file() and stamp.read_text(encoding="ascii").strip() == digest:
        return f"caseworker.{package}: current"
    with tempfile.TemporaryDirectory(prefix="native-", dir=package_dir) as tmp:
        work, out = Path(tmp) / "work", Path(tmp) / "out"
        try:
            compile_into(package, out, work)
        except (Exception, SystemExit) as error:  # distutils reports compiler errors so
            shutil.rmtree(native, ignore_errors=True)
            return f"caseworker.{package}: compiling failed ({error}); it stays interpreted"
        built = out / "caseworker" / package
        (built / DIGEST_FILE).write_text(digest + "\n", encoding="ascii")
        stale = Path(tmp) / "stale"
        if native.exists():
            native.rename(stale)
        built.rename(native)
    return f"caseworker.{package}: {len(COMPILED[package])} modules compiled"


def main() -> int:
    """Compile if the toolchain is there; otherwise leave every module interpreted."""
    reason = missing_toolchain()
    if reason is not None:
        for package in COMPILED:
            shutil.rmtree(PACKAGE / package / NATIVE_DIR, ignore_errors=True)
        print(f"compile_native: {reason}; every module stays interpreted")
        return 0
    os.chdir(ROOT)  # mypyc names modules from paths relative to the source root
    for package in COMPILED:
        print(f"compile_native: {compile_package(package)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
