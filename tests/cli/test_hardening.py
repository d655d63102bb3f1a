"""Issue 10, point 16: no core dumps from any program, and one plain line (never a traceback) for a damaged key
file, a malformed server address or a timeout that is not a positive number. Each through the real entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checkpoint.services import create_store
from checkpoint.storage.store import keyfile_path
from tests.conftest import FAST, PASS

ENTRY_POINTS = {"checkpoint-admin": "from sync.device.cli import main",
                "checkpoint-hq": "from sync.hq.cli import main",
                "checkpoint": "from ui.app import main"}

_PROBE = """
import resource, sys
{import_main}
try:
    main(["--help"])
except SystemExit:
    pass
print(resource.getrlimit(resource.RLIMIT_CORE))
if sys.platform.startswith("linux"):
    import ctypes
    print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))     # PR_GET_DUMPABLE
"""


@pytest.mark.skipif(sys.platform == "win32", reason="no RLIMIT_CORE on Windows: disable_core_dumps skips it")
@pytest.mark.parametrize("program", sorted(ENTRY_POINTS))
def test_every_program_turns_core_dumps_off_first(program) -> None:
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    # The child starts with core dumps allowed (as far as this machine lets it) and checks after main() ran.
    code = _PROBE.format(import_main=ENTRY_POINTS[program])
    p = subprocess.run([sys.executable, "-c", f"import resource; resource.setrlimit(resource.RLIMIT_CORE, "
                        f"({hard}, {hard}))\n" + code], capture_output=True, text=True, timeout=120,
                       env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}, cwd=Path(__file__).parents[2])
    assert p.returncode == 0, p.stderr
    lines = p.stdout.strip().splitlines()
    assert lines[-2 if sys.platform.startswith("linux") else -1] == "(0, 0)"
    if sys.platform.startswith("linux"):
        assert lines[-1] == "0"          # not dumpable: no core through a crash collector, no ptrace attach


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "c.db"
    s, _ = create_store(db, checkpoint_name="Poipet", username="dara", display_name="Dara",
                        passphrase=PASS["dara"], kdf=FAST)
    s.lock()
    return db


def _damage(kf: Path, how: str) -> None:
    doc = json.loads(kf.read_text())
    if how == "slot not an object":
        doc["slots"].insert(0, 1)
    elif how == "attempts not an object":
        doc["attempts"] = []
    elif how == "slot without user id":
        for s in doc["slots"]:
            s.pop("user_id", None)
    elif how == "user name not text":
        for s in doc["slots"]:
            if s["kind"] == "passphrase":
                s["username"] = 5
    kf.write_text(json.dumps(doc))


@pytest.mark.parametrize("how", ["slot not an object", "attempts not an object", "slot without user id",
                                 "user name not text"])
def test_a_damaged_key_file_is_one_plain_line(tmp_path, capsys, monkeypatch, how) -> None:
    from sync.device.cli import main

    db = _store(tmp_path)
    _damage(keyfile_path(db), how)
    monkeypatch.setenv("CHECKPOINT_PASSPHRASE", PASS["dara"])
    assert main(["--db", str(db), "--user", "dara", "stats"]) == 4
    err = capsys.readouterr().err
    assert err.strip() == "checkpoint-admin: The key file is damaged." and "Traceback" not in err


@pytest.mark.parametrize(("args", "said"), [
    (["enroll", "--server", "http://[::1", "--token", "X"], "invalid server address"),
    (["enroll", "--server", "ftp://hq.example.org", "--token", "X"], "invalid server address"),
    (["enroll", "--server", "https://", "--token", "X"], "invalid server address"),
    (["sync", "--server", "http://127.0.0.1:notaport"], "invalid server address"),
    (["sync", "--timeout", "-1"], "invalid timeout"),
    (["sync", "--timeout", "nan"], "invalid timeout"),
    (["sync", "--timeout", "inf"], "invalid timeout"),
    (["enroll", "--server", "https://hq.example.org", "--timeout", "0", "--token", "X"], "invalid timeout"),
])
def test_bad_server_or_timeout_is_a_usage_line(tmp_path, args, said) -> None:
    db = _store(tmp_path)
    program = Path(sys.executable).with_name("checkpoint-admin")
    p = subprocess.run([str(program), "--db", str(db), *args], capture_output=True, text=True, timeout=120,
                       env={"CHECKPOINT_PASSPHRASE": PASS["dara"], "PATH": "/usr/bin:/bin"},
                       stdin=subprocess.DEVNULL)
    assert p.returncode == 2, p.stderr
    assert said in p.stderr and "Traceback" not in p.stderr
