"""The household interchange format (JSON): reading, writing and streaming household files."""

from caseworker.native import use_compiled

use_compiled(__path__)  # compiled copies of its hottest modules, when current
