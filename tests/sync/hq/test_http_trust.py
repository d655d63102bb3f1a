"""Issue 10, points 6, 7 and 9 (part), performed against real servers on 127.0.0.1: a captured pull request
replayed, a stale one, a captured answer, the access log; memory exhaustion before authentication (HQ's RSS
measured from /proc while six 60 MiB pushes from an unknown device and a chunked 300 MiB pull body arrive); a forged
device id spending a real device's rate budget; a client fed a 400 MiB answer; a client that disconnects
mid-upload; an old (protocol 1) client."""

from __future__ import annotations

import base64
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from sync.device.transport import HttpTransport
from sync.errors import StaleRequest, UpdateRequired
from sync.hq.http import create_app
from sync.hq.keys import init_keys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from sync.wire import PULL, pull_request
from tests.conftest import FAST
from tests.support.hq_helpers import FakeDevice, LiveServer, answer, enroll_request, free_port

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc (Linux) to read RSS")

OCTETS = {"Content-Type": "application/octet-stream"}
PW = "hq keys passphrase for the trust test"
MIB = 1024 * 1024
RSS_BOUND = 100 * MIB            # what an unauthenticated flood may cost HQ (it cost 435 MB and 1 GB before)


def _mem(pid: int | str, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no {field} in /proc/{pid}/status")


def _program() -> list[str]:
    script = Path(sys.executable).with_name("checkpoint-hq")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sync.hq.cli"]


class HQProcess:
    """`checkpoint-hq serve` in a subprocess (so its RSS is its own), its log (uvicorn's access log included) in a
    file, one device enrolled over HTTP."""

    def __init__(self, tmp: Path) -> None:
        keys, url = tmp / "keys", f"sqlite:///{tmp / 'hq.db'}"
        self.keys = init_keys(keys, PW, kdf=FAST)
        store = HQStore.open(url)
        signing = self.keys.signing_public
        token = HQService(store, None).issue_token("Poipet", signing_public=signing)
        self.other_token = HQService(store, None).issue_token("Poipet", signing_public=signing)
        store.close()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = tmp / "hq.log"
        self._log = self.log_path.open("wb")
        env = {**os.environ, "CHECKPOINT_HQ_PASSPHRASE": PW}
        self.proc = subprocess.Popen([*_program(), "--db", url, "--keys", str(keys), "serve", "--host", "127.0.0.1",
                                      "--port", str(self.port), "--rate-per-minute", "0", "--log-level", "info"],
                                     env=env, cwd=tmp, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            assert self.proc.poll() is None, self.log()[-2000:]
            assert time.monotonic() < deadline, "checkpoint-hq serve did not answer within 60 s"
            try:
                if httpx.get(f"{self.base}/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        self.dev = FakeDevice()
        r = httpx.post(f"{self.base}/v1/enroll", content=enroll_request(self.dev.identity, token), headers=OCTETS,
                       timeout=30)
        assert r.status_code == 200, r.text

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=20)
        self._log.close()


@pytest.fixture(scope="module")
def hq_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HQProcess]:
    p = HQProcess(tmp_path_factory.mktemp("hq-process"))
    try:
        yield p
    finally:
        p.close()


def raw_post(port: int, path: str, headers: dict[str, str], total: int, *, chunked: bool = False,
             stop_after: int | None = None) -> tuple[int | None, int]:
    """POST ``total`` bytes the way an attacker would (raw socket, 1 MiB writes); stop when HQ answers or closes,
    or after ``stop_after`` bytes (then hang up without finishing). Returns (HQ's status or None, bytes sent)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 256 * 1024)
    head = f"POST {path} HTTP/1.1\r\nHost: hq\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head += "Transfer-Encoding: chunked\r\n" if chunked else f"Content-Length: {total}\r\n"
    sent = 0
    try:
        s.sendall((head + "\r\n").encode())
        piece = b"\x00" * MIB
        while sent < total:
            n = min(len(piece), total - sent, (stop_after - sent) if stop_after is not None else total)
            if n <= 0:
                break
            s.sendall(b"%x\r\n" % n + piece[:n] + b"\r\n" if chunked else piece[:n])
            sent += n
        if stop_after is not None:
            s.close()
            return None, sent
        if chunked:
            s.sendall(b"0\r\n\r\n")
    except OSError:
        pass                                     # HQ answered and hung up before the body was all sent
    status = None
    try:
        first = s.recv(64)
        m = re.match(rb"HTTP/1\.1 (\d{3})", first)
        status = int(m.group(1)) if m else None
    except OSError:
        pass
    s.close()
    return status, sent


# ------------------------------------------------------------------------------------------- point 7: memory
def test_an_unauthenticated_flood_does_not_grow_hq_memory(hq_process: HQProcess) -> None:
    """Six concurrent 60 MiB pushes from a device HQ does not know, then one chunked 300 MiB body to /v1/pull:
    HQ answers from the headers (or after 64 KiB) and its peak RSS grows by less than 100 MB."""
    hq = hq_process
    dev = hq.dev
    blob = dev.seal(dev.events(3), hq.keys.exchange_public)         # warm up: a real push and pull first
    assert httpx.post(f"{hq.base}/v1/push", content=blob, headers=dev.push_headers(blob), timeout=30).status_code == 200
    req = dev.pull_request()
    assert httpx.post(f"{hq.base}/v1/pull", content=req.blob, headers=OCTETS, timeout=30).status_code == 200
    base = _mem(hq.proc.pid, "VmRSS")
    t0 = time.monotonic()

    stranger = FakeDevice()
    size = 60 * MIB
    results: list[tuple[int | None, int]] = []

    def push(i: int) -> None:
        headers = dict(OCTETS)
        if i % 2:                    # half carry a (well-formed) ticket of the unknown device, half none
            headers["X-Checkpoint-Ticket"] = stranger.push_headers(b"")["X-Checkpoint-Ticket"]
        results.append(raw_post(hq.port, "/v1/push", headers, size))

    threads = [threading.Thread(target=push, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert len(results) == 6
    assert {status for status, _ in results} <= {403, 426, None}, results       # refused from the headers
    assert any(status in (403, 426) for status, _ in results)
    status, sent = raw_post(hq.port, "/v1/pull", OCTETS, 300 * MIB, chunked=True)
    assert status in (413, None) and sent < 300 * MIB, (status, sent)
    grown = _mem(hq.proc.pid, "VmHWM") - base
    elapsed = time.monotonic() - t0
    print(f"HQ peak RSS growth under the flood: {grown / MIB:.1f} MiB in {elapsed:.1f} s "
          f"(pushes: {results}; pull: {status}, {sent} bytes sent)")
    assert grown < RSS_BOUND, f"HQ grew by {grown / MIB:.0f} MiB"
    # HQ is fine afterwards, and the real device still pushes.
    blob = dev.seal(dev.events(1), hq.keys.exchange_public)
    assert httpx.post(f"{hq.base}/v1/push", content=blob, headers=dev.push_headers(blob), timeout=30).status_code == 200


# ------------------------------------------------------------------------------------------- point 6
def test_a_captured_pull_request_cannot_be_replayed_and_its_answer_cannot_be_read(hq_process: HQProcess) -> None:
    hq = hq_process
    dev, other = hq.dev, FakeDevice()
    r = httpx.post(f"{hq.base}/v1/enroll", content=enroll_request(other.identity, hq.other_token), headers=OCTETS,
                   timeout=30)
    assert r.status_code == 200, r.text
    evs = other.events(2)
    blob = other.seal(evs, hq.keys.exchange_public)
    assert httpx.post(f"{hq.base}/v1/push", content=blob, headers=other.push_headers(blob),
                      timeout=30).status_code == 200
    req = dev.pull_request("", 100)
    first = httpx.post(f"{hq.base}/v1/pull", content=req.blob, headers=OCTETS, timeout=30)
    assert first.status_code == 200
    # What was on the wire: no event id, no payload, no person; only the reply key opens it.
    for e in evs:
        assert e["id"].encode() not in first.content and e["payload"].encode()[:40] not in first.content
    got = answer(PULL, first.content, req, hq.keys.signing_public)["events"]
    assert {e["id"] for e in evs} <= {e["id"] for e in got}
    # The same request again (captured on the way, or from a log): refused.
    again = httpx.post(f"{hq.base}/v1/pull", content=req.blob, headers=OCTETS, timeout=30)
    assert again.status_code == 401 and again.json()["error"] == "replayed_request"
    # So is the same push ticket.
    blob2 = other.seal(other.events(1), hq.keys.exchange_public)
    headers = other.push_headers(blob2)
    assert httpx.post(f"{hq.base}/v1/push", content=blob2, headers=headers, timeout=30).status_code == 200
    replay = httpx.post(f"{hq.base}/v1/push", content=blob2, headers=headers, timeout=30)
    assert replay.status_code == 401 and replay.json()["error"] == "replayed_request"


def test_a_stale_request_is_refused_and_the_device_is_told_how_far_its_clock_is(hq_process: HQProcess) -> None:
    hq = hq_process
    old = pull_request(hq.dev.signing_private, hq.dev.device_id, "", 10,
                       now=datetime.now(UTC) - timedelta(minutes=10))
    r = httpx.post(f"{hq.base}/v1/pull", content=old.blob, headers=OCTETS, timeout=30)
    assert r.status_code == 401 and r.json()["error"] == "stale_request" and r.json()["hq_time"]
    with HttpTransport(hq.base, timeout=30) as t, pytest.raises(StaleRequest) as e:
        t.pull(old.blob)
    assert "This computer's clock is 10 minutes behind HQ's clock" in str(e.value)
    assert "Set this computer's date, time and time zone correctly" in str(e.value)


def test_the_access_log_holds_no_proof_and_no_request(hq_process: HQProcess) -> None:
    hq = hq_process
    req = hq.dev.pull_request()
    assert httpx.post(f"{hq.base}/v1/pull", content=req.blob, headers=OCTETS, timeout=30).status_code == 200
    assert httpx.get(f"{hq.base}/v1/pull", params={"device_id": hq.dev.device_id, "proof": "ab" * 39},
                     timeout=30).status_code == 405
    time.sleep(0.2)
    log = hq.log()
    assert re.search(r'"POST /v1/pull HTTP/1\.1" 200', log), log[-2000:]      # the access log is on
    signature = req.blob[-64:]
    for secret in (req.nonce, signature.hex(), base64.b64encode(signature).decode(), req.blob.hex()[:64]):
        assert secret not in log
    assert "Traceback" not in log


# ------------------------------------------------------------------------------------------- point 9 (part)
def test_a_client_that_disconnects_mid_upload_is_one_log_line(hq_process: HQProcess) -> None:
    hq = hq_process
    before = hq.log()
    raw_post(hq.port, "/v1/pull", OCTETS, 1000, stop_after=500)
    body = b"\x00" * (2 * MIB)
    raw_post(hq.port, "/v1/push", hq.dev.push_headers(body), len(body), stop_after=MIB)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        new = hq.log()[len(before):]
        if new.count("disconnected") >= 2:
            break
        time.sleep(0.1)
    time.sleep(0.3)
    new = hq.log()[len(before):]
    lines = [line for line in new.splitlines() if line.strip()]
    print("\n".join(lines))
    assert len([line for line in lines if "disconnected before its request was complete" in line]) == 2, new
    assert "Traceback" not in new and "Exception" not in new and "ERROR" not in new, new


# ------------------------------------------------------------------------------------------- upgrade
def test_an_old_client_is_told_to_update(hq_process: HQProcess) -> None:
    """What a protocol-1 client sends: a push without a ticket, a JSON pull with a proof; and its health check."""
    hq = hq_process
    blob = hq.dev.seal(hq.dev.events(1), hq.keys.exchange_public)
    r = httpx.post(f"{hq.base}/v1/push", content=blob, headers=OCTETS, timeout=30)
    assert r.status_code == 426 and r.json()["error"] == "update_required"
    assert "too old for this HQ" in r.json()["message"] and "update the app" in r.json()["message"]
    r = httpx.post(f"{hq.base}/v1/pull", json={"device_id": hq.dev.device_id, "cursor": "", "limit": 10,
                                               "proof": "ab" * 39}, timeout=30)
    assert r.status_code == 426 and "update the app" in r.json()["message"]
    assert httpx.get(f"{hq.base}/v1/health", timeout=30).json()["protocol"] == 3      # v1 clients say "Update"
    # The new client turns a 426 into UpdateRequired with plain words.
    with HttpTransport(hq.base, timeout=30) as t, pytest.raises(UpdateRequired, match="Update Checkpoint"):
        t.push(blob)


# ------------------------------------------------------------------------------------------- point 7: rate limits
def test_a_forged_device_id_does_not_spend_the_real_devices_budget(hq: HQService) -> None:
    real, attacker = FakeDevice(), FakeDevice()
    real.enroll(hq)
    app = create_app(hq, rate_per_minute=6, burst=3, unverified_per_minute=6, unverified_burst=5)
    with LiveServer(app) as srv, \
            httpx.Client(base_url=srv.url, timeout=10,
                         transport=httpx.HTTPTransport(local_address="127.0.0.2")) as evil, \
            httpx.Client(base_url=srv.url, timeout=10) as good:
        codes = []
        for _ in range(20):          # requests naming the real device, signed with another key, from 127.0.0.2
            forged = pull_request(attacker.signing_private, real.device_id, "", 10, now=hq.clock.now())
            codes.append(evil.post("/v1/pull", content=forged.blob, headers=OCTETS).status_code)
        assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}          # its own address's budget
        for _ in range(3):                                                   # the real device's budget is whole
            r = good.post("/v1/pull", content=real.pull_request().blob, headers=OCTETS)
            assert r.status_code == 200, r.text
        assert good.post("/v1/pull", content=real.pull_request().blob, headers=OCTETS).status_code == 429


def open_in(folder: Path) -> list[str]:
    """This process's open file descriptors on files in ``folder`` (named or not)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder) + "/"):
                found.append(fd)
        except OSError:
            continue                     # closed while we looked
    return found


def test_pushes_beyond_the_slots_get_503_with_retry_after(hq: HQService, tmp_path: Path) -> None:
    """A verified push streams to an unnamed 0600 file in the spool folder; one slot here, so a second push while
    the first uploads gets 503 with Retry-After."""
    dev = FakeDevice()
    dev.enroll(hq)
    spool = tmp_path / "spool"
    spool.mkdir()
    app = create_app(hq, rate_per_minute=0, push_slots=1, spool_dir=str(spool))
    with LiveServer(app) as srv, httpx.Client(base_url=srv.url, timeout=10) as client:
        slow = b"\x00" * (2 * MIB)
        s = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        head = "POST /v1/push HTTP/1.1\r\nHost: hq\r\n" + "".join(
            f"{k}: {v}\r\n" for k, v in dev.push_headers(slow).items()) + f"Content-Length: {len(slow)}\r\n\r\n"
        s.sendall(head.encode() + slow[:MIB])                    # a slow upload holds the one slot
        time.sleep(0.5)
        assert os.listdir(spool) == []                          # nothing named on disk ...
        spooled = open_in(spool)
        assert len(spooled) == 1                                # ... but the body goes to one open file
        st = os.stat(f"/proc/self/fd/{spooled[0]}")
        assert st.st_mode & 0o777 == 0o600 and 0 < st.st_size <= MIB
        blob = dev.seal(dev.events(1), hq.keys.exchange_public)
        r = client.post("/v1/push", content=blob, headers=dev.push_headers(blob))
        assert r.status_code == 503 and r.headers["retry-after"] and r.json()["error"] == "busy"
        s.close()
        time.sleep(0.5)
        assert open_in(spool) == []                             # closed, so gone
        assert client.post("/v1/push", content=blob, headers=dev.push_headers(blob)).status_code == 200


# ------------------------------------------------------------------------------------------- point 7: the client
CLIENT = """
import sys
from pathlib import Path
from checkpoint.errors import UnsupportedFormat
from sync.device.transport import HttpTransport

def mem(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024

t = HttpTransport(sys.argv[1], timeout=60)
base = mem("VmRSS")
try:
    t.pull(b"request")
    print("NO ERROR")
except UnsupportedFormat as e:
    print("ERROR", e)
print("GROWTH", mem("VmHWM") - base)
"""


class Flood:
    """A fake HQ on 127.0.0.1 that answers every request with 400 MiB (chunked, or with its Content-Length)."""

    def __init__(self, *, declared: bool) -> None:
        self.declared, self.sent = declared, 0
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self) -> None:
        conn, _ = self.sock.accept()
        conn.settimeout(30)
        with conn:
            conn.recv(65536)
            total = 400 * MIB
            head = f"Content-Length: {total}" if self.declared else "Transfer-Encoding: chunked"
            piece = b"\x00" * MIB
            try:
                conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n{head}\r\n\r\n".encode())
                while self.sent < total:
                    conn.sendall(piece if self.declared else b"%x\r\n" % len(piece) + piece + b"\r\n")
                    self.sent += len(piece)
            except OSError:
                pass                                         # the client stopped reading and hung up

    def close(self) -> None:
        self.thread.join(timeout=30)
        self.sock.close()


@pytest.mark.parametrize("declared", [False, True], ids=["chunked", "content-length"])
def test_the_client_stops_reading_at_its_cap(declared: bool) -> None:
    flood = Flood(declared=declared)
    try:
        out = subprocess.run([sys.executable, "-c", CLIENT, flood.url], capture_output=True, text=True, timeout=120,
                             cwd=Path(__file__).resolve().parents[3])
    finally:
        flood.close()
    assert out.returncode == 0, out.stderr[-2000:]
    assert "ERROR HQ's answer is larger than allowed" in out.stdout, out.stdout
    growth = int(out.stdout.split("GROWTH")[1])
    print(f"client peak RSS growth: {growth / MIB:.1f} MiB; the fake HQ sent {flood.sent / MIB:.0f} MiB")
    assert growth < RSS_BOUND and flood.sent < 400 * MIB



def test_replaying_a_captured_request_does_not_spend_the_devices_budget(hq: HQService) -> None:
    dev = FakeDevice()
    dev.enroll(hq)
    app = create_app(hq, rate_per_minute=6, burst=3)
    with LiveServer(app) as srv, httpx.Client(base_url=srv.url, timeout=10) as client, \
            httpx.Client(base_url=srv.url, timeout=10,
                         transport=httpx.HTTPTransport(local_address="127.0.0.2")) as evil:
        captured = dev.pull_request().blob
        assert client.post("/v1/pull", content=captured, headers=OCTETS).status_code == 200
        codes = [evil.post("/v1/pull", content=captured, headers=OCTETS).status_code for _ in range(12)]
        assert codes == [401] * 10 + [429] * 2                # replays spend the replayer's address's budget
        for _ in range(2):                                   # the device's two other tokens are still there
            assert client.post("/v1/pull", content=dev.pull_request().blob, headers=OCTETS).status_code == 200
