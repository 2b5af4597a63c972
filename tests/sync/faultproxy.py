"""A loopback HTTP proxy that misbehaves on purpose: it drops connections (before or after
the server saw the request), delays requests, and sends some requests to the server twice.
Every fault is drawn from a seeded random generator, so a failing run can be replayed."""

import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx


class FaultyProxy:
    def __init__(
        self,
        upstream: str,
        *,
        seed: int,
        drop: float = 0.1,
        duplicate: float = 0.1,
        delay: float = 0.02,
    ) -> None:
        self.upstream = upstream
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.drop, self.duplicate, self.delay = drop, duplicate, delay
        self.counts = {"requests": 0, "dropped_before": 0, "dropped_after": 0, "duplicated": 0}
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                fate = proxy.draw()
                time.sleep(fate["delay"])
                if fate["drop_before"]:
                    self.close_connection = True
                    return
                headers = {
                    k: v
                    for k, v in self.headers.items()
                    if k.lower() not in ("host", "content-length", "connection")
                }
                with httpx.Client(base_url=proxy.upstream, timeout=60) as client:
                    response = client.request(
                        self.command, self.path, content=body, headers=headers
                    )
                    if fate["duplicate"]:
                        response = client.request(
                            self.command, self.path, content=body, headers=headers
                        )
                if fate["drop_after"]:
                    self.close_connection = True
                    return
                self.send_response(response.status_code)
                self.send_header(
                    "Content-Type", response.headers.get("content-type", "application/json")
                )
                self.send_header("Content-Length", str(len(response.content)))
                self.end_headers()
                self.wfile.write(response.content)

            do_GET = _handle  # noqa: N815  (the names http.server looks up)
            do_POST = _handle  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def draw(self) -> dict[str, object]:
        with self.lock:
            r = self.random
            fate = {
                "delay": r.random() * self.delay,
                "drop_before": r.random() < self.drop / 2,
                "drop_after": r.random() < self.drop / 2,
                "duplicate": r.random() < self.duplicate,
            }
            self.counts["requests"] += 1
            for key, name in (
                ("drop_before", "dropped_before"),
                ("drop_after", "dropped_after"),
                ("duplicate", "duplicated"),
            ):
                if fate[key]:
                    self.counts[name] += 1
            return fate

    def __enter__(self) -> "FaultyProxy":
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
