"""The worker's messages, received ahead by a thread of this process.

Without it the two processes of a large import take turns: the worker cannot send its
next chunk until this process has finished writing the last one and asks for more, so
each waits for the other about a sixth of the time. A thread that receives (the pipe's
reads release the interpreter, as do SQLite's writes) lets the worker run a few chunks
ahead.
"""

import queue
import threading
from multiprocessing.connection import Connection
from typing import Any

Message = tuple[str, Any]


class Inbox:
    """Receives messages from ``connection`` up to ``ahead`` before they are asked for,
    until one whose kind is in ``last`` (after which the worker sends nothing more)."""

    def __init__(self, connection: Connection, *, ahead: int, last: frozenset[str]) -> None:
        self._connection = connection
        self._last = last
        self._queue: queue.Queue[Message | BaseException] = queue.Queue(ahead)
        self._stopped = threading.Event()
        self.finished = False  # the last message has been received
        self._thread = threading.Thread(target=self._receive, name="import-inbox", daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while True:
            try:
                message: Message = self._connection.recv()
            except (EOFError, OSError) as error:  # the worker is gone
                self._put(error)
                return
            if message[0] in self._last:
                self.finished = True
            self._put(message)
            if self.finished:
                return

    def _put(self, item: Message | BaseException) -> None:
        # Waits for room, unless the reader has stopped: then the message is dropped.
        while not self._stopped.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def get(self) -> Message:
        """The next message; EOFError or OSError if the worker ended without one."""
        item = self._queue.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def empty(self) -> bool:
        """Whether no message is waiting (``get`` would wait)."""
        return self._queue.empty()

    def close(self) -> None:
        """Stop receiving and close the connection. Call it once the worker has exited
        (its end of the pipe is then closed, so the thread is not left waiting)."""
        self._stopped.set()
        self._thread.join()
        self._connection.close()
