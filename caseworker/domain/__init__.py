"""The household domain: records, codes, ID numbers, money, and the validators every
way in shares (import, the desktop, sync)."""

from caseworker.native import use_compiled

use_compiled(__path__)  # compiled copies of its hottest modules, when current
