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
    print_,
    screen,
    search,
    sync,
)

COMMANDS: list[ModuleType] = [
    demo,
    import_,
    export,
    search,
    screen,
    print_,
    sync,
    county,
    password,
    backup,
    audit,
]
