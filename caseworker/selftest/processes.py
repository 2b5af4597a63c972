"""Running ``caseworker`` again as a child process (the county server of the self-test),
on a free loopback port, and stopping it."""

import os
import socket
import subprocess
import sys

from caseworker.config import is_frozen


def caseworker_command() -> list[str]:
    """How to run ``caseworker`` again: the bundle's own executable, or this Python."""
    if is_frozen():
        return [sys.executable]
    return [sys.executable, "-m", "caseworker"]


def child_environment() -> dict[str, str]:
    """The environment of a child ``caseworker`` process."""
    env = dict(os.environ)
    if is_frozen():
        # A fresh instance of the bundle, not a child sharing the parent's set-up.
        env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
    return env


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop_process(process: "subprocess.Popen[bytes]") -> None:
    """Stop ``process`` if it still runs: asked first, killed after ten seconds."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
