"""The sub-commands of ``caseworker``; each module has ``register(subparsers)``."""

from types import ModuleType

from caseworker.commands import county, demo, export, import_, search, sync

COMMANDS: list[ModuleType] = [demo, import_, export, search, sync, county]
