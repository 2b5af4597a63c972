"""The sub-commands of ``caseworker``; each module has ``register(subparsers)``."""

from types import ModuleType

from caseworker.commands import backup, demo, export, import_, password, search

COMMANDS: list[ModuleType] = [demo, import_, export, search, password, backup]
