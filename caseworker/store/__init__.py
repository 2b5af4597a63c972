"""The local household store: SQLite (SQLCipher on a laptop), migrations, search, audit."""

from caseworker.native import use_compiled

use_compiled(__path__)  # compiled copies of its hottest modules, when current
