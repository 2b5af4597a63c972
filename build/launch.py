"""The bundle's entry point (PyInstaller runs this as ``__main__``): the ``caseworker``
command, as ``python -m caseworker`` runs it from source."""

import multiprocessing
import sys

from caseworker.cli import main

if __name__ == "__main__":
    # A large import reads the file in a second process (caseworker.importing); in the
    # bundle that process starts this same executable, which must then run only that.
    multiprocessing.freeze_support()
    sys.exit(main())
