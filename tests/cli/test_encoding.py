"""Issue 19 §3: Khmer through a console, a pipe or a file whose encoding cannot hold it (Windows' cp1252).

The programs run as processes with PYTHONIOENCODING=cp1252 (what a redirected Windows console gives them) and their
output piped: no traceback, the Khmer intact in UTF-8, --json valid and whole, and HQ's enrollment token printed
for a checkpoint with a Khmer name."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
ADMIN, HQ = (shutil.which(n, path=str(BIN)) for n in ("checkpoint-admin", "checkpoint-hq"))
PW = "supervisor passphrase"
KHMER = "សុខ"


def run(program: str | None, *args: str, **env_extra: str) -> subprocess.CompletedProcess[bytes]:
    assert program, f"the programs are not installed beside {sys.executable}: run `make venv`"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CHECKPOINT_", "PYTHONUTF8"))}
    env |= {"PYTHONIOENCODING": "cp1252", "CHECKPOINT_PASSPHRASE": PW, **env_extra}
    p = subprocess.run([program, *args], env=env, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    assert b"Traceback" not in p.stderr, p.stderr.decode("utf-8", "replace")
    assert b"UnicodeEncodeError" not in p.stderr
    return p


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cp1252") / "poipet.db"
    assert run(ADMIN, "--db", str(db), "init", "--user", "dara", "--name", f"ប៉ោយប៉ែត {KHMER}").returncode == 0
    assert run(ADMIN, "--db", str(db), "demo-data", "--count", "30", "--seed", "5").returncode == 0
    return db


def test_a_khmer_search_prints_khmer_names_in_utf8(store: Path) -> None:
    p = run(ADMIN, "--db", str(store), "search", KHMER)
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    text = p.stdout.decode("utf-8")              # strict: UTF-8, not cp1252 with question marks
    assert any("\u1780" <= ch <= "\u17ff" for ch in text), text


def test_show_and_json_are_whole_and_valid(store: Path) -> None:
    rows = json.loads(run(ADMIN, "--db", str(store), "search", KHMER, "--json").stdout.decode("utf-8"))
    assert rows and all(any("\u1780" <= ch <= "\u17ff" for ch in r["name_khmer"]) for r in rows)
    pid = rows[0]["id"]
    shown = run(ADMIN, "--db", str(store), "show", pid)
    assert shown.returncode == 0 and rows[0]["name_khmer"] in shown.stdout.decode("utf-8")
    record = json.loads(run(ADMIN, "--db", str(store), "show", pid, "--json").stdout.decode("utf-8"))
    assert record["person"]["name_khmer"] == rows[0]["name_khmer"]


def test_hq_prints_the_token_for_a_checkpoint_with_a_khmer_name(tmp_path: Path) -> None:
    env = {"CHECKPOINT_HQ_PASSPHRASE": "hq keys passphrase", "CHECKPOINT_HQ_KEYS": str(tmp_path / "keys"),
           "CHECKPOINT_HQ_DB": f"sqlite:///{tmp_path / 'hq.db'}"}
    assert run(HQ, "init-keys", **env).returncode == 0
    assert run(HQ, "migrate", **env).returncode == 0
    p = run(HQ, "enroll-token", "--checkpoint", f"ប៉ោយប៉ែត {KHMER}", "--hours", "1", **env)
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    out = p.stdout.decode("utf-8").strip().splitlines()
    assert KHMER in "\n".join(out[:-1]) and len(out[-1]) >= 16          # the token is the last line, printed


def test_a_usage_error_with_khmer_is_one_plain_line(store: Path) -> None:
    p = run(ADMIN, "--db", str(store), "show", KHMER)
    assert p.returncode in (2, 4) and p.stderr.decode("utf-8").count("\n") <= 2
