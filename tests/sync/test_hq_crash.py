"""kill -9 of the HQ server in the middle of ingesting batches: after a restart, a sync converges and HQ holds
each device event exactly once (a real checkpoint-hq process on 127.0.0.1, bounded rounds and timeouts)."""

from __future__ import annotations

import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from checkpoint.demo import generate
from sync.device.client import SyncClient
from sync.device.transport import HttpTransport
from tests.support.client_harness import new_device

HQ_PASS = "hq keys passphrase for the crash test"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _hq(args: list[str], tmp: Path, env: dict[str, str]) -> list[str]:
    return [sys.executable, "-m", "sync.hq.cli", "--db", f"sqlite:///{tmp / 'hq.db'}", "--keys",
            str(tmp / "keys"), *args]


def _start(tmp: Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    proc = subprocess.Popen(_hq(["serve", "--host", "127.0.0.1", "--port", str(port), "--rate-per-minute", "0"],
                                tmp, env), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise AssertionError("checkpoint-hq did not start within 30 s")


def test_kill_9_of_hq_mid_ingest_converges(tmp_path: Path) -> None:
    env = dict(os.environ, CHECKPOINT_HQ_PASSPHRASE=HQ_PASS)
    subprocess.run(_hq(["init-keys"], tmp_path, env), env=env, check=True, capture_output=True, timeout=60)
    subprocess.run(_hq(["migrate"], tmp_path, env), env=env, check=True, capture_output=True, timeout=60)
    device = new_device(tmp_path / "device.db")
    token = subprocess.run(_hq(["enroll-token", "--checkpoint", device.site.checkpoint_name], tmp_path, env), env=env,
                           check=True, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[-1]
    generate(device, count=1200, seed=9)
    own = {r[0] for r in device.store.db.execute("SELECT id FROM events WHERE device_id = ?", [device.store.device_id])}
    rng = random.Random(4)
    kills = 0
    try:
        for round_ in range(5):
            proc, url = _start(tmp_path, env)
            with HttpTransport(url, timeout=10) as transport:
                client = SyncClient(device, transport, batch_events=150)
                if round_ == 0:
                    client.enroll(url, token)
                worker = threading.Thread(target=client.sync_once)
                worker.start()
                time.sleep(rng.uniform(0.05, 0.6))
                if proc.poll() is None:
                    os.kill(proc.pid, signal.SIGKILL)      # HQ dies mid-ingest
                    kills += 1
                proc.wait(timeout=30)
                worker.join(timeout=120)
                assert not worker.is_alive(), "the client hung after HQ died"
        proc, url = _start(tmp_path, env)
        try:
            with HttpTransport(url, timeout=30) as transport:
                summary = SyncClient(device, transport).sync_once()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    finally:
        device.lock()
    assert kills >= 3
    assert summary["complete"], summary
    hq = sqlite3.connect(tmp_path / "hq.db")
    try:
        assert hq.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [r[0] for r in hq.execute("SELECT id FROM events")]
    finally:
        hq.close()
    assert len(ids) == len(set(ids)), "an event is stored twice at HQ"
    assert set(ids) == own, f"{len(own - set(ids))} device events missing at HQ, {len(set(ids) - own)} unknown"
