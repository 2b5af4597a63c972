"""The sub-commands of ``caseworker``; each module has ``register(subparsers)``."""

from types import ModuleType

from caseworker.commands import (
    audit,
    backup,
    county,
    demo,
    export,
    import_,
    password,
    search,
    sync,
)

COMMANDS: list[ModuleType] = [
    demo,
    import_,
    export,
    search,
    sync,
    county,
    password,
    backup,
    audit,
]
