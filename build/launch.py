"""The bundle's entry point (PyInstaller runs this as ``__main__``): the ``caseworker``
command, as ``python -m caseworker`` runs it from source."""

import sys

from caseworker.cli import main

if __name__ == "__main__":
    sys.exit(main())
