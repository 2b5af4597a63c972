"""What the self-test's steps share: the temporary folder, what earlier steps made, and
how a step says a check did not hold."""

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from caseworker.selftest.processes import stop_process
from caseworker.store.db import Store


class StepFailed(Exception):
    """A check inside a step did not hold; the message is in Chinese and English."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")


@dataclass
class SelfTest:
    """What the steps share: the temporary folder and what earlier steps made."""

    folder: Path
    store: Store | None = None
    households: list[str] = field(default_factory=list)  # ids, in import order
    likely: list[str] = field(default_factory=list)  # ids with a likely-eligible finding
    server: subprocess.Popen[bytes] | None = None
    server_log: IO[bytes] | None = None
    server_url: str = ""
    enrollment_code: str = ""

    @property
    def db_path(self) -> Path:
        return self.folder / "selftest.db"

    def open_store(self) -> Store:
        if self.store is None:
            raise StepFailed("没有打开的数据库", "no store is open")
        return self.store

    def close(self) -> None:
        """Stop the server and close the store (before the folder is removed)."""
        if self.server is not None:
            stop_process(self.server)
            self.server = None
        if self.server_log is not None:
            self.server_log.close()
            self.server_log = None
        if self.store is not None:
            self.store.close()
            self.store = None
