"""checkpoint-admin as an operator uses it: real processes, exit codes, plain messages, no tracebacks."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PW = "supervisor passphrase"
# The installed program, as operators run it (the console script pip put beside this Python), not `python -m`.
PROGRAM = shutil.which("checkpoint-admin", path=str(Path(sys.executable).parent))


def run(db: Path | None, *args: str, pw: str | None = PW, new_pw: str | None = None, code: str | None = None,
        timeout: float = 120, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHECKPOINT_")} | extra_env
    if pw is not None:
        env["CHECKPOINT_PASSPHRASE"] = pw
    if new_pw is not None:
        env["CHECKPOINT_NEW_PASSPHRASE"] = new_pw
    if code is not None:
        env["CHECKPOINT_RECOVERY_CODE"] = code
    assert PROGRAM, f"checkpoint-admin is not installed beside {sys.executable}: run `make venv`"
    p = subprocess.run([PROGRAM, *(["--db", str(db)] if db is not None else []), *args], env=env,
                       capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    assert "Traceback" not in p.stderr, p.stderr
    return p


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("cli") / "poipet.db"
    p = run(db, "init", "--user", "dara", "--name", "Poipet", "--json")
    assert p.returncode == 0, p.stderr
    code = json.loads(p.stdout)["recovery_code"]
    assert run(db, "demo-data", "--count", "60", "--seed", "3").returncode == 0
    return db, code


def test_init_prints_the_recovery_code_once(tmp_path: Path) -> None:
    p = run(tmp_path / "a.db", "init", "--user", "dara")
    assert p.returncode == 0, p.stderr
    assert "RECOVERY CODE" in p.stdout
    again = run(tmp_path / "a.db", "init", "--user", "dara")
    assert again.returncode == 4 and "already exists" in again.stderr


def test_stats_and_search_json(store) -> None:
    db, _ = store
    st = json.loads(run(db, "stats", "--json").stdout)
    assert st["persons"] == 60 and st["encounters"] == 60 and st["events"] >= 61
    rows = json.loads(run(db, "search", "SOK", "--json").stdout)
    assert all("SOK" in (r["family_name"] + " " + r["given_names"]) for r in rows)
    khmer = json.loads(run(db, "search", "សុខ", "--json").stdout)
    assert {r["id"] for r in rows} <= {r["id"] for r in khmer} | {r["id"] for r in rows}


def test_show_person(store) -> None:
    db, _ = store
    pid = json.loads(run(db, "search", "S", "--json").stdout)[0]["id"]
    p = run(db, "show", pid)
    assert p.returncode == 0 and "arrival" in p.stdout
    rec = json.loads(run(db, "show", pid, "--json").stdout)
    assert rec["person"]["id"] == pid
    assert run(db, "show", "not-an-id").returncode == 4


def test_verify_ok(store) -> None:
    db, _ = store
    p = run(db, "verify", "--json")
    assert p.returncode == 0 and json.loads(p.stdout)["ok"] is True


def test_export_csv_respects_sharing_consent(store, tmp_path: Path) -> None:
    db, _ = store
    out = tmp_path / "arrivals.csv"
    p = run(db, "export", "--format", "csv", "--out", str(out))
    assert p.returncode == 0, p.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 60
    assert any(r["trafficking_outcome"].startswith("withheld") or r["trafficking_outcome"] == "" for r in rows)
    assert run(db, "export", "--format", "csv", "--out", str(out)).returncode == 4   # never overwrites
    assert run(db, "export", "--format", "xlsx", "--out", str(tmp_path / "x")).returncode == 2


def test_backup_opens_with_the_same_passphrase(store, tmp_path: Path) -> None:
    db, _ = store
    out = tmp_path / "backup.db"
    assert run(db, "backup", "--out", str(out)).returncode == 0
    st = json.loads(run(out, "stats", "--json").stdout)
    assert st["persons"] == 60
    assert run(out, "verify").returncode == 0


def test_users(store) -> None:
    db, _ = store
    assert run(db, "user", "add", "sokha", "--role", "officer", new_pw="officer passphrase").returncode == 0
    users = json.loads(run(db, "user", "list", "--json").stdout)
    assert {u["username"]: u["role"] for u in users}["sokha"] == "officer"
    # The officer can search but not manage users.
    assert run(db, "--user", "sokha", "search", "SOK", pw="officer passphrase").returncode == 0
    p = run(db, "--user", "sokha", "user", "list", pw="officer passphrase")
    assert p.returncode == 4 and "may not" in p.stderr
    assert run(db, "user", "lock", "sokha").returncode == 0
    p = run(db, "--user", "sokha", "stats", pw="officer passphrase")
    assert p.returncode == 3 and "locked" in p.stderr
    # A locked account lost its key slot: unlocking it is giving it a new passphrase.
    assert run(db, "user", "unlock", "sokha", new_pw="officer passphrase 2").returncode == 0
    assert run(db, "--user", "sokha", "stats", pw="officer passphrase 2").returncode == 0


def test_wrong_passphrase_exit_3_and_no_traceback(store) -> None:
    db, _ = store
    p = run(db, "stats", pw="wrong")
    assert p.returncode == 3 and "Wrong user name or passphrase" in p.stderr


def test_recovery_code_resets_a_passphrase(tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    code = json.loads(run(db, "init", "--user", "dara", "--json").stdout)["recovery_code"]
    assert run(db, "recover", "--user", "dara", code="WRONG-CODE", new_pw="x" * 12).returncode in (3, 4)
    assert run(db, "recover", "--user", "dara", code=code.lower(), new_pw="the new passphrase").returncode == 0
    assert run(db, "stats", pw="the new passphrase").returncode == 0


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["search"], ["demo-data", "--count", "many"],
                                  ["user", "explode"], ["user", "add"]])
def test_usage_errors_exit_2(store, args) -> None:
    db, _ = store
    p = run(db, *args)
    assert p.returncode == 2, (p.stdout, p.stderr)


@pytest.mark.parametrize(("args", "msg"), [(["demo-data", "--count", "-5"], "count"),
                                           (["user", "add", "Bad Name!", "--role", "officer"], "username"),
                                           (["show", "0"], "record id"),
                                           (["search", "x" * 200], "too long")])
def test_bad_values_exit_4_with_a_plain_message(store, args, msg) -> None:
    db, _ = store
    before = json.loads(run(db, "stats", "--json").stdout)
    p = run(db, *args, new_pw="some new passphrase")
    assert p.returncode == 4 and msg in p.stderr, p.stderr
    assert json.loads(run(db, "stats", "--json").stdout)["events"] == before["events"]


def test_missing_store_and_no_terminal(tmp_path: Path) -> None:
    p = run(tmp_path / "none.db", "stats")
    assert p.returncode == 4 and "No store" in p.stderr
    p = run(tmp_path / "none.db", "init", "--user", "dara", pw=None)
    assert p.returncode == 2 and "CHECKPOINT_PASSPHRASE" in p.stderr


def test_without_db_it_opens_the_users_own_store(tmp_path: Path) -> None:
    home = {"HOME": str(tmp_path), "XDG_DATA_HOME": ""}        # a laptop where the app never ran
    p = run(None, "init", "--user", "dara", "--name", "Poipet", **home)
    assert p.returncode == 0, p.stderr
    store = tmp_path / ".local/share/checkpoint/checkpoint.db"
    assert store.is_file() and Path(f"{store}.keys").is_file()
    assert json.loads(run(None, "stats", "--json", **home).stdout)["persons"] == 0
    assert json.loads(run(store, "stats", "--json").stdout)["persons"] == 0
    p = run(None, "stats", CHECKPOINT_DB=str(tmp_path / "elsewhere.db"), **home)
    assert p.returncode == 4 and "elsewhere.db" in p.stderr
