"""A running `checkpoint-hq serve` has loaded none of the device's code: no PySide6, no SQLCipher, no sqlite-utils.

The server is started as operators start it (the installed `checkpoint-hq` program, 127.0.0.1, an ephemeral
port), made to do real work over HTTP (enroll two devices, ingest a batch, answer a pull), and then inspected
while it runs: ``/proc/<pid>/maps`` lists every shared object mapped into the process (SQLCipher's and Qt's
extension modules would be there). Pure-Python packages map nothing, so a ``sitecustomize`` on the child's
PYTHONPATH makes it write the names in its ``sys.modules`` to a file when it gets SIGUSR1 (which uvicorn leaves
alone). The server itself gets no new endpoint and no flag.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from sync.hq.keys import init_keys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from sync.wire import PULL
from tests.conftest import FAST
from tests.support.hq_helpers import FakeDevice, answer, enroll_request

PW = "hq keys passphrase for the isolation test"
OCTETS = {"content-type": "application/octet-stream"}
# Top-level packages the HQ process must never load (device UI, device storage and its SQLCipher driver).
DEVICE_PACKAGES = ("PySide6", "shiboken6", "sqlcipher3", "sqlite_utils", "ui")
# Modules of the device's core and sync code (sync.hq may use checkpoint's pure modules: crypto, events, errors).
DEVICE_MODULES = ("checkpoint.storage", "checkpoint.services", "sync.device")
# Shared objects that give those packages away in /proc/<pid>/maps.
DEVICE_LIBRARIES = ("PySide6", "shiboken6", "libQt6", "sqlcipher")

SITECUSTOMIZE = """\
import os, signal, sys

def _dump(_signum, _frame):
    path = os.environ["CHECKPOINT_TEST_MODULES_OUT"]
    with open(path + ".part", "w") as f:
        f.write("\\n".join(sorted(sys.modules)))
    os.replace(path + ".part", path)

signal.signal(signal.SIGUSR1, _dump)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _program() -> list[str]:
    """The installed `checkpoint-hq` (what operators run); the module when the script is not installed."""
    script = Path(sys.executable).with_name("checkpoint-hq")
    return [str(script)] if script.exists() else [sys.executable, "-m", "sync.hq.cli"]


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc (Linux)")
def test_a_running_hq_server_has_loaded_no_device_code(tmp_path: Path) -> None:
    keys, url = tmp_path / "keys", f"sqlite:///{tmp_path / 'hq.db'}"
    hq_keys = init_keys(keys, PW, kdf=FAST)
    store = HQStore.open(url)
    token = HQService(store, None).issue_token("Poipet", signing_public=hq_keys.signing_public)
    store.close()
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)
    modules_out = tmp_path / "modules.txt"
    env = {**os.environ, "CHECKPOINT_HQ_PASSPHRASE": PW, "CHECKPOINT_TEST_MODULES_OUT": str(modules_out),
           "PYTHONPATH": os.pathsep.join([str(hooks), *filter(None, [os.environ.get("PYTHONPATH")])])}
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([*_program(), "--db", url, "--keys", str(keys), "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--rate-per-minute", "0", "--log-level", "warning"],
                            env=env, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, f"checkpoint-hq serve exited: {proc.stderr.read().decode()[-2000:]}"
            assert time.monotonic() < deadline, "checkpoint-hq serve did not answer within 60 s"
            try:
                if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        # Real work through every layer: enrollment, ingest of a batch, a signed pull.
        dev, other = FakeDevice(), FakeDevice()
        for d in (dev, other):
            req = enroll_request(d.identity, token if d is dev else _token(url))
            assert httpx.post(f"{base}/v1/enroll", content=req, headers=OCTETS, timeout=30).status_code == 200
        blob = dev.seal(dev.events(3), hq_keys.exchange_public)
        assert httpx.post(f"{base}/v1/push", content=blob, headers=dev.push_headers(blob),
                          timeout=30).status_code == 200
        req = other.pull_request("", 10)
        r = httpx.post(f"{base}/v1/pull", content=req.blob, headers=OCTETS, timeout=30)
        assert r.status_code == 200 and len(answer(PULL, r.content, req, hq_keys.signing_public)["events"]) == 3

        os.kill(proc.pid, signal.SIGUSR1)            # the list of its modules, from the running server
        deadline = time.monotonic() + 30
        while not modules_out.exists() and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        maps = Path(f"/proc/{proc.pid}/maps").read_text()
        mapped = sorted({line.split()[-1] for line in maps.splitlines() if "/" in line.split()[-1]})
        assert any("cryptography" in p for p in mapped), "not the maps of a process that signs documents"
        device_libs = [p for p in mapped if any(name in p for name in DEVICE_LIBRARIES)]
        assert device_libs == [], f"the HQ process mapped device libraries: {device_libs}"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
    assert modules_out.exists(), "the server did not list its modules"
    loaded = modules_out.read_text().split()
    assert "sync.hq.ingest" in loaded and "sync.hq.http" in loaded and "uvicorn" in loaded
    device = sorted(m for m in loaded if m.split(".")[0] in DEVICE_PACKAGES
                    or any(m == d or m.startswith(d + ".") for d in DEVICE_MODULES))
    assert device == [], f"the HQ process imported device code: {device}"


def _token(url: str) -> str:
    store = HQStore.open(url)
    try:
        return HQService(store, None).issue_token("Poipet")
    finally:
        store.close()

