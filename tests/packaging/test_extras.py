"""The dependency groups really split the programs, proved in fresh virtual environments.

``pip install 'checkpoint[hq]'`` serves HQ with neither Qt nor SQLCipher installed; ``'checkpoint[desktop]'`` has no
FastAPI, SQLAlchemy or uvicorn and still runs checkpoint-admin and the app's self-test. Each test makes a venv in
tmp_path and installs a wheel of this checkout (built once per run) into it with pip.

pip installs with --no-index from a wheelhouse beside the project's venv (.venv/extras-wheelhouse, gone with
`make clean`); only what is missing there is downloaded, through pip's own configuration, so after one run these
tests need no network. Where the package index must be reached and cannot be, the tests skip and say why in the
summary; any other pip failure fails them. The slowest tests of `make test` (each installs a program).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PIP_TIMEOUT = 900
QT_AND_SQLCIPHER = ("PySide6", "shiboken6", "sqlcipher3", "sqlite_utils")
HQ_SERVER = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "psycopg")


def _env(**extra: str) -> dict[str, str]:
    """This environment without anything that would let a venv see the checkout or the project's venv."""
    drop = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "__PYVENV_LAUNCHER__")
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("CHECKPOINT_")}
    return {**env, **extra}


def _pip(*args: str, timeout: float = PIP_TIMEOUT) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=timeout, check=False)


def _index_unreachable() -> str | None:
    """Why pip cannot download from its configured index (with no help from its cache), or None if it can."""
    with tempfile.TemporaryDirectory() as d:
        try:
            p = _pip("download", "--no-deps", "--no-cache-dir", "--dest", d, "setuptools>=77", timeout=300)
        except subprocess.TimeoutExpired:
            return "`pip download setuptools` did not finish within 300 s"
    lines = [line.strip() for line in (p.stdout + p.stderr).splitlines() if line.strip()]
    return None if p.returncode == 0 else f"`pip download setuptools` fails too: {(lines or ['?'])[-1][:300]}"


def pip(what: str, *args: str) -> None:
    """Run pip; skip (saying why) if it failed because the package index cannot be reached, fail otherwise."""
    t0 = time.monotonic()
    try:
        p = _pip(*args)
    except subprocess.TimeoutExpired:
        p = None
    if p is None or p.returncode != 0:
        why = _index_unreachable()
        if why is not None:
            pytest.skip(f"{what} needs the package index, which cannot be reached from here ({why})")
        if p is None:
            pytest.fail(f"{what}: pip did not finish within {PIP_TIMEOUT} s though the package index answers")
        pytest.fail(f"{what} failed (exit {p.returncode}):\n{(p.stdout + p.stderr)[-4000:]}")
    print(f"{what}: {time.monotonic() - t0:.1f} s")


def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where downloaded wheels are kept between runs: beside the project's venv, else for this run only."""
    if sys.prefix != sys.base_prefix:
        house = Path(sys.prefix) / "extras-wheelhouse"
    else:
        house = _run_dir(tmp_path_factory) / "extras-wheelhouse"
    house.mkdir(exist_ok=True)
    return house


def pip_offline_first(what: str, args: list[str], requirements: list[str], house: Path) -> None:
    """``pip *args`` with --no-index from the wheelhouse; if that fails, download what ``requirements`` need into the
    wheelhouse (skipping the test, with the reason, if the index cannot be reached) and try once more."""
    offline = [*args, "--no-index", "--find-links", str(house)]
    t0 = time.monotonic()
    if _pip(*offline).returncode == 0:
        print(f"{what} (offline, from {house}): {time.monotonic() - t0:.1f} s")
        return
    with _only_one_worker(house.with_name(house.name + ".lock")):
        fresh = Path(tempfile.mkdtemp(prefix=".download-", dir=house))
        try:
            pip(f"downloading what {what} needs", "download", "--dest", str(fresh), *requirements)
            for f in fresh.iterdir():                 # whole files only: another worker may be reading the house
                os.replace(f, house / f.name)
        finally:
            shutil.rmtree(fresh, ignore_errors=True)
    pip(what, *offline)


def _run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This test run's temporary folder, shared by the pytest-xdist workers (each has a folder inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def house(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return wheelhouse(tmp_path_factory)


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory, house: Path) -> Path:
    """A wheel of this checkout, built once per test run (shared by pytest-xdist workers) from a copy of the
    sources (setuptools writes build/ beside them)."""
    run_dir = _run_dir(tmp_path_factory)
    out = run_dir / "checkpoint-wheel"
    with _only_one_worker(run_dir / "checkpoint-wheel.lock"):
        if not list(out.glob("checkpoint-*.whl")):
            src = tmp_path_factory.mktemp("wheel-src")
            for name in ("pyproject.toml", "README.md"):
                shutil.copy2(ROOT / name, src / name)
            for rel in _source_files(("checkpoint", "ui", "sync")):
                (src / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / rel, src / rel)
            build_system = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
            pip_offline_first("building the wheel", ["wheel", "--no-deps", "--wheel-dir", str(out), str(src)],
                              build_system["requires"], house)
    (built,) = out.glob("checkpoint-*.whl")
    return built


def _source_files(packages: tuple[str, ...]) -> list[str]:
    """The files of ``packages`` a fresh clone has: tracked or new, not what git ignores (build outputs such as a
    locally built .qm must not make the wheel look complete). Outside a git checkout: every file but __pycache__."""
    if shutil.which("git") is not None and (ROOT / ".git").exists():
        p = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", *packages],
                           cwd=ROOT, capture_output=True, timeout=60, check=True)
        return sorted({f for f in p.stdout.decode().split("\0") if f and (ROOT / f).is_file()})
    return sorted(f.relative_to(ROOT).as_posix() for package in packages for f in (ROOT / package).rglob("*")
                  if f.is_file() and "__pycache__" not in f.parts)


@contextlib.contextmanager
def _only_one_worker(lock: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:         # not POSIX: no lock; workers may then each do the work
        yield
        return
    with open(lock, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        yield


def venv_with(tmp_path: Path, requirement: str, house: Path) -> Path:
    """A new venv holding ``requirement`` and what it depends on; returns its scripts folder."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120, env=_env())
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    # --no-compile: no .pyc for every installed module up front (most are never imported here)
    pip_offline_first(f"pip install {requirement.rsplit('/', 1)[-1]}",
                      ["--python", str(scripts / "python"), "install", "--no-compile", requirement], [requirement],
                      house)
    return scripts


def importable(scripts: Path, modules: tuple[str, ...]) -> set[str]:
    """Which of ``modules`` the venv's Python can import (isolated mode: no checkout, no user site)."""
    probe = "import importlib.util, sys; print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m)))"
    p = subprocess.run([str(scripts / "python"), "-I", "-c", probe, *modules], capture_output=True, text=True,
                       env=_env(), timeout=60, check=True)
    return set(p.stdout.split())


def program(scripts: Path, name: str, *args: str, cwd: Path, timeout: float = 120,
            **env: str) -> subprocess.CompletedProcess[str]:
    """Run an installed console script the way an operator does; it must never show a traceback."""
    p = subprocess.run([str(scripts / name), *args], capture_output=True, text=True, env=_env(**env), cwd=cwd,
                       timeout=timeout, stdin=subprocess.DEVNULL, check=False)
    assert "Traceback" not in p.stdout + p.stderr, p.stdout + p.stderr
    return p


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_hq_alone_serves_with_no_qt_and_no_sqlcipher_installed(wheel: Path, house: Path, tmp_path: Path) -> None:
    scripts = venv_with(tmp_path, f"{wheel}[hq]", house)
    assert importable(scripts, HQ_SERVER) == set(HQ_SERVER)
    assert importable(scripts, QT_AND_SQLCIPHER) == set()

    p = program(scripts, "checkpoint-hq", "--help", cwd=tmp_path)
    assert p.returncode == 0 and "serve" in p.stdout, p.stderr
    env = {"CHECKPOINT_HQ_PASSPHRASE": "hq-extras-test-passphrase", "CHECKPOINT_HQ_KEYS": str(tmp_path / "keys"),
           "CHECKPOINT_HQ_DB": f"sqlite:///{(tmp_path / 'hq.db').as_posix()}"}
    p = program(scripts, "checkpoint-hq", "init-keys", cwd=tmp_path, **env)
    assert p.returncode == 0, p.stderr

    port = _free_port()
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        server = subprocess.Popen([str(scripts / "checkpoint-hq"), "serve", "--host", "127.0.0.1", "--port",
                                   str(port), "--log-level", "warning"], stdout=out, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, env=_env(**env), cwd=tmp_path)
    try:
        health, deadline = None, time.monotonic() + 60
        while health is None and time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as r:
                    health = json.loads(r.read())
            except OSError:
                time.sleep(0.2)
        said = log.read_text(encoding="utf-8", errors="replace")
        assert health is not None and health["status"] == "ok", f"no answer (exit {server.poll()}):\n{said[-3000:]}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def desktop(wheel: Path, house: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The scripts folder of a fresh venv with the wheel's [desktop] installed (one install for this module)."""
    return venv_with(tmp_path_factory.mktemp("desktop"), f"{wheel}[desktop]", house)


def test_desktop_alone_has_no_hq_server_and_still_works(desktop: Path, tmp_path: Path) -> None:
    scripts = desktop
    assert importable(scripts, HQ_SERVER) == set()
    assert importable(scripts, QT_AND_SQLCIPHER) == set(QT_AND_SQLCIPHER)

    p = program(scripts, "checkpoint-admin", "--help", cwd=tmp_path)
    assert p.returncode == 0 and "init" in p.stdout, p.stderr
    pw = {"CHECKPOINT_PASSPHRASE": "desktop-extras-test-passphrase"}
    p = program(scripts, "checkpoint-admin", "--db", str(tmp_path / "c.db"), "init", "--user", "dara", "--name",
                "Poipet", cwd=tmp_path, **pw)
    assert p.returncode == 0, p.stderr
    p = program(scripts, "checkpoint-admin", "--db", str(tmp_path / "c.db"), "verify", cwd=tmp_path, **pw)
    assert p.returncode == 0, p.stderr
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    p = program(scripts, "checkpoint", "--self-test", cwd=tmp_path, QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp))
    assert p.returncode == 0 and "Self-test passed" in p.stdout, p.stdout + p.stderr


KHMER_PROBE = """
import sys
from importlib import resources
from PySide6.QtWidgets import QApplication
from ui.i18n import Language, set_language

qm = resources.files("ui") / "translations" / "checkpoint_km.qm"
print("qm", qm.is_file())
app = QApplication([])
print("loaded", set_language(app, "km"), Language.of(app).code)
print("text", QApplication.translate("ReviewPage", "Review and save"))
"""


def test_the_installed_wheel_switches_to_khmer(desktop: Path, tmp_path: Path) -> None:
    """A plain install (no `make qm`, no checkout) has the compiled Khmer translation and the app loads it."""
    p = subprocess.run([str(desktop / "python"), "-I", "-c", KHMER_PROBE], capture_output=True, text=True,
                       env=_env(QT_QPA_PLATFORM="offscreen"), cwd=tmp_path, timeout=120, check=False)
    said = p.stdout + p.stderr
    assert p.returncode == 0 and "Traceback" not in said, said
    assert "qm True" in p.stdout, f"the wheel has no ui/translations/checkpoint_km.qm:\n{said}"
    assert "loaded True km" in p.stdout, f"switching to Khmer failed:\n{said}"
    assert "not found" not in said, said
    (text,) = [line.removeprefix("text ") for line in p.stdout.splitlines() if line.startswith("text ")]
    assert text != "Review and save" and any("\u1780" <= c <= "\u17ff" for c in text), text
