"""The sub-commands of ``caseworker``; each module has ``register(subparsers)``."""

from types import ModuleType

from caseworker.commands import demo, export, import_, screen, search

COMMANDS: list[ModuleType] = [demo, import_, export, search, screen]
