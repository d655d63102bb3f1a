"""A fault-injecting HTTP proxy on 127.0.0.1 for sync tests: every request gets one fault drawn by a seeded RNG.

    with FaultProxy(hq_url, seed=7, weights={"pass": 5, "drop_response": 1, ...}) as proxy:
        HttpTransport(proxy.url, timeout=3)...
        proxy.faults_seen        # Counter of what was done

Faults (each request is read whole first; responses always carry ``Connection: close``):

- ``pass``            forward, answer;
- ``delay``           wait 20-250 ms, then forward and answer;
- ``drop_request``    close the connection without forwarding (HQ never saw it);
- ``drop_response``   forward, then close without answering (HQ took it, the device never hears);
- ``error_before``    answer 503 without forwarding;
- ``error_after``     forward, then answer 500 (HQ took it, the device thinks it failed);
- ``truncate``        forward, answer with the full Content-Length but only part of the body, then close;
- ``truncate_short``  forward, answer with part of the body and a matching Content-Length (a short document);
- ``duplicate``       forward twice, answer with the second answer;
- ``reorder``         hold the request, answer 503 at once, and forward it to HQ after the next request;
- ``tamper_request``  flip one byte of the body before forwarding;
- ``tamper_response`` flip one byte of the answer's body.

``hold_response_after(path)`` makes the next matching request go to HQ and its answer wait (for a kill -9 of the
client between "HQ accepted" and "ack stored"): ``forwarded`` is set when HQ has answered.
"""

from __future__ import annotations

import contextlib
import http.client
import random
import socket
import threading
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

FAULTS = ("pass", "delay", "drop_request", "drop_response", "error_before", "error_after", "truncate",
          "truncate_short", "duplicate", "reorder", "tamper_request", "tamper_response")
MAX_BODY = 256 * 1024 * 1024


class _Request:
    def __init__(self, method: str, path: str, headers: list[tuple[str, str]], body: bytes) -> None:
        self.method, self.path, self.headers, self.body = method, path, headers, body


def _read_request(sock: socket.socket) -> _Request | None:
    f = sock.makefile("rb")
    line = f.readline(65536)
    if not line:
        return None
    method, path, _ = line.decode("latin-1").split(" ", 2)
    headers: list[tuple[str, str]] = []
    length = 0
    while True:
        h = f.readline(65536)
        if h in (b"\r\n", b"\n", b""):
            break
        k, v = h.decode("latin-1").split(":", 1)
        headers.append((k.strip(), v.strip()))
        if k.strip().lower() == "content-length":
            length = int(v)
    if length > MAX_BODY:
        raise ValueError("body too large")
    body = f.read(length) if length else b""
    return _Request(method, path, headers, body)


class FaultProxy:
    def __init__(self, upstream: str, *, seed: int = 0, weights: dict[str, float] | None = None,
                 paths: tuple[str, ...] = ("/v1/push", "/v1/pull")) -> None:
        u = urlsplit(upstream)
        self.upstream = (u.hostname or "127.0.0.1", u.port or 80)
        self.rng = random.Random(seed)
        self.weights = weights or {"pass": 1.0}
        self.paths = paths                      # other paths (enroll, health) always pass
        self.enabled = True
        self.tamper_at: int | None = None       # tamper_request flips this byte (negative: from the end)
        self.faults_seen: Counter[str] = Counter()
        self.log: list[tuple[str, str]] = []
        self.forwarded = threading.Event()
        self._hold_path: str | None = None
        self._release = threading.Event()
        self._held: list[_Request] = []
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.1)                # so the accept loop notices a stop at once
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = False
        self._thread = threading.Thread(target=self._accept, daemon=True)

    # ------------------------------------------------------------------ lifecycle
    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop = True
        self._release.set()
        self._thread.join(timeout=5)
        self._sock.close()

    def hold_response_after(self, path: str) -> None:
        """The next request to ``path`` is forwarded; its answer is held until ``release()`` (or for ever)."""
        self.forwarded.clear()
        self._release.clear()
        self._hold_path = path

    def release(self) -> None:
        self._release.set()

    # ------------------------------------------------------------------ plumbing
    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(60)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _forward(self, req: _Request) -> tuple[int, list[tuple[str, str]], bytes]:
        c = http.client.HTTPConnection(*self.upstream, timeout=60)
        try:
            headers = {k: v for k, v in req.headers if k.lower() not in ("connection", "host", "content-length")}
            headers["Host"] = f"{self.upstream[0]}:{self.upstream[1]}"
            c.request(req.method, req.path, body=req.body, headers=headers)
            r = c.getresponse()
            return r.status, [(k, v) for k, v in r.getheaders()
                              if k.lower() not in ("connection", "content-length", "transfer-encoding")], r.read()
        finally:
            c.close()

    @staticmethod
    def _respond(conn: socket.socket, status: int, headers: list[tuple[str, str]], body: bytes, *,
                 length: int | None = None) -> None:
        head = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers]
        head += [f"Content-Length: {len(body) if length is None else length}", "Connection: close", "", ""]
        conn.sendall("\r\n".join(head).encode("latin-1") + body)

    def _choose(self, path: str) -> str:
        if not self.enabled or not any(path.startswith(p) for p in self.paths):
            return "pass"
        names = list(self.weights)
        return self.rng.choices(names, weights=[self.weights[n] for n in names])[0]

    def _flush_held(self) -> None:
        with self._lock:
            held, self._held = self._held, []
        for r in held:
            with contextlib.suppress(OSError):
                self._forward(r)

    def _serve(self, conn: socket.socket) -> None:
        try:
            req = _read_request(conn)
            if req is None:
                return
            with self._lock:
                fault = self._choose(req.path)
                self.faults_seen[fault] += 1
                self.log.append((req.path, fault))
                flip = self.rng.randrange(1 << 30)
                delay = self.rng.uniform(0.02, 0.25)
            hold = self._hold_path is not None and req.path.startswith(self._hold_path)
            if hold:
                self._hold_path = None
                status, headers, body = self._forward(req)
                self.forwarded.set()
                self._release.wait(30)
                self._respond(conn, status, headers, body)
                return
            if fault == "reorder":
                with self._lock:
                    self._held.append(req)
                self._respond(conn, 503, [("Content-Type", "application/json")], b'{"detail": "held"}')
                return
            if fault in ("drop_request",):
                return
            if fault == "error_before":
                self._respond(conn, 503, [("Content-Type", "application/json")], b'{"detail": "busy"}')
                return
            if fault == "delay":
                threading.Event().wait(delay)
            if fault == "tamper_request" and req.body:
                b = bytearray(req.body)
                at = flip % len(b) if self.tamper_at is None else self.tamper_at % len(b)
                b[at] ^= 1 << (flip % 8)
                req.body = bytes(b)
            status, headers, body = self._forward(req)
            if fault == "duplicate":
                status, headers, body = self._forward(req)
            self._flush_held()          # a held request reaches HQ after this one
            if fault == "drop_response":
                return
            if fault == "error_after":
                self._respond(conn, 500, [("Content-Type", "application/json")], b'{"detail": "boom"}')
            elif fault == "truncate" and len(body) > 1:
                self._respond(conn, status, headers, body[:flip % len(body)], length=len(body))
            elif fault == "truncate_short" and len(body) > 1:
                self._respond(conn, status, headers, body[:flip % len(body)])
            elif fault == "tamper_response" and body:
                b = bytearray(body)
                b[flip % len(b)] ^= 1 << (flip % 8)
                self._respond(conn, status, headers, bytes(b))
            else:
                self._respond(conn, status, headers, body)
        except (OSError, ValueError):
            pass
        finally:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()

    def stats(self) -> dict[str, Any]:
        return dict(self.faults_seen)
