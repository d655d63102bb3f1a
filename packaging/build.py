"""Build the installable Checkpoint bundle and prove that it works.

    python packaging/build.py              # `make package`; run with the project's venv python (.venv/bin/python)
    python packaging/build.py --clean      # discard PyInstaller's cache first (after upgrading dependencies)

Steps, each timed:
  1. compile the translations (.ts -> .qm) with pyside6-lrelease;
  2. PyInstaller with packaging/checkpoint.spec -> dist/checkpoint/ (checkpoint, checkpoint-console,
     checkpoint-admin, checkpoint-hq and _internal/); log in build/pyinstaller.log;
  3. run the bundle the way a target machine would (clean environment, another working folder): the frozen
     self-test, checkpoint-admin (create a store, verify it), checkpoint-hq (keys, migrate, the PostgreSQL driver,
     serve and answer /v1/health). Any failure fails the build;
  4. THIRD-PARTY-NOTICES.txt in the bundle (packaging/notices.py, from the installed distributions);
  5. Linux: dist/checkpoint-<version>-linux-<arch>.tar.gz (+ .sha256) with the bundle, install.sh, the .desktop
     file, the icon, INSTALL.txt, README-INSTALL.md and hq/ (systemd unit, nginx site, README-HQ.md).
     Windows: run Inno Setup next (packaging/windows/BUILDING-WINDOWS.md).

Exit code 0 when the bundle was built and passed every check; 1 otherwise, with a plain message.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import secrets
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "checkpoint.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
PYINSTALLER_REQUIREMENT = ">=6.22,<7"
INSTALL_HINT = ".venv/bin/pip install -e '.[desktop,hq,dev]'  (or `make venv`)"
BUNDLED_EXTRAS = ("desktop", "hq")   # the bundle carries all three programs
IS_WINDOWS, IS_LINUX = sys.platform == "win32", sys.platform.startswith("linux")
EXE_SUFFIX = ".exe" if IS_WINDOWS else ""
# What a fresh target machine has: no venv, no PYTHONPATH, no Qt overrides from a developer's shell.
ENV_KEEP = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TMPDIR", "TEMP", "TMP", "SYSTEMROOT", "SystemRoot",
            "WINDIR", "USERPROFILE", "LOCALAPPDATA", "APPDATA", "COMSPEC", "PATHEXT", "PROGRAMDATA", "ALLUSERSPROFILE")


class BuildError(Exception):
    """A step failed; the message says which and why."""


def project() -> dict[str, str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"name": meta["name"], "version": meta["version"]}


_timings: list[tuple[str, float]] = []


@contextmanager
def step(title: str) -> Iterator[None]:
    print(f"\n== {title}", flush=True)
    t0 = time.monotonic()
    yield
    elapsed = time.monotonic() - t0
    _timings.append((title, elapsed))
    print(f"   ({elapsed:.1f} s)", flush=True)


def run(cmd: list[str], *, log: Path | None = None, env: dict[str, str] | None = None, cwd: Path | None = None,
        timeout: float = 1800, what: str = "", check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run a tool or one of the bundle's executables (an argument list, never a shell); raise BuildError if it
    fails and ``check``."""
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout,  # noqa: S603
                       encoding="utf-8", errors="replace", check=False)
    if log is not None:
        log.write_text(p.stdout + p.stderr, encoding="utf-8")
    if check and p.returncode != 0:
        tail = "\n".join((p.stdout + p.stderr).strip().splitlines()[-25:])
        where = f" (full log: {log})" if log else ""
        raise BuildError(f"{what or Path(cmd[0]).name} failed with exit code {p.returncode}{where}:\n{tail}")
    return p


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


# ---------------------------------------------------------------------------------------------- steps
def check_tools() -> None:
    try:
        import PyInstaller
    except ImportError:
        raise BuildError(f"PyInstaller is not installed in {sys.executable}. Install the project's development "
                         f"extras: {INSTALL_HINT}  (or: pip install \"pyinstaller{PYINSTALLER_REQUIREMENT}\")"
                         ) from None
    major = int(PyInstaller.__version__.split(".")[0])
    if major != 6:
        raise BuildError(f"PyInstaller {PyInstaller.__version__} found; this spec is written for "
                         f"pyinstaller{PYINSTALLER_REQUIREMENT}.")
    print(f"   Python {platform.python_version()} ({sys.executable}), PyInstaller {PyInstaller.__version__}")
    missing = missing_requirements()
    if missing:
        raise BuildError(f"not installed in {sys.executable}: {', '.join(missing)}. The bundle would lack them "
                         f"(PyInstaller leaves out what it cannot find). Install them: {INSTALL_HINT}")


def missing_requirements() -> list[str]:
    """The distributions of the base and the [desktop] and [hq] groups (pyproject.toml) not installed here."""
    from importlib.metadata import PackageNotFoundError, version

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(meta["dependencies"])
    for extra in BUNDLED_EXTRAS:
        wanted += meta["optional-dependencies"][extra]
    missing = []
    for requirement in wanted:
        from packaging.requirements import Requirement

        req = Requirement(requirement)
        if req.marker is not None and not req.marker.evaluate():
            continue                    # another platform's dependency (truststore is Windows-only)
        name = req.name
        try:
            version(name)
        except PackageNotFoundError:
            missing.append(name)
    return missing


def compile_translations() -> None:
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    if tool is None:
        raise BuildError("pyside6-lrelease not found next to this Python: is PySide6 installed in this venv?")
    ts_files = sorted((ROOT / "ui" / "translations").glob("*.ts"))
    if not ts_files:
        raise BuildError("no .ts files in ui/translations")
    for ts in ts_files:
        run([tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], what=f"pyside6-lrelease {ts.name}")
        print(f"   {ts.with_suffix('.qm').relative_to(ROOT)} ({ts.with_suffix('.qm').stat().st_size:,} bytes)")


def pyinstaller(clean: bool) -> Path:
    WORK.mkdir(exist_ok=True)
    log = WORK / "pyinstaller.log"
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST), "--workpath",
           str(WORK / "pyinstaller"), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    run(cmd, log=log, cwd=ROOT, what="PyInstaller")
    bundle = DIST / project()["name"]
    print(f"   {bundle.relative_to(ROOT)}: {mib(du(bundle))} (log: {log.relative_to(ROOT)})")
    return bundle


def write_notices(bundle: Path) -> Path:
    """THIRD-PARTY-NOTICES.txt at the top of the bundle, from the installed distributions (packaging/notices.py)."""
    sys.path.insert(0, str(PACKAGING))
    try:
        import notices
    finally:
        sys.path.remove(str(PACKAGING))
    out = notices.write(bundle / "THIRD-PARTY-NOTICES.txt")
    text = out.read_text(encoding="utf-8")
    for must in ("PySide6", "cryptography", "sqlcipher3", "LGPL"):
        if must not in text:
            raise BuildError(f"the third-party notices do not mention {must}")
    print(f"   {out.relative_to(ROOT)}: {len(notices.bundled_distributions())} distributions, {mib(len(text))}")
    return out


def target_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k in ENV_KEEP}
    env.update(extra)
    return env


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def verify_bundle(bundle: Path, *, allow_display_warning: bool) -> None:
    name = project()["name"]
    exe = {n: bundle / f"{n}{EXE_SUFFIX}" for n in (name, f"{name}-console", f"{name}-admin", f"{name}-hq")}
    for path in exe.values():
        if not path.is_file():
            raise BuildError(f"the bundle has no {path.name}")
    with tempfile.TemporaryDirectory(prefix="checkpoint-build-check-") as tmp_s:
        tmp = Path(tmp_s)
        # 1. the frozen self-test, exactly as IT staff run it
        p = run([str(exe[f"{name}-console"]), "--self-test"], env=target_env(TMPDIR=str(tmp), TEMP=str(tmp),
                TMP=str(tmp)), cwd=tmp, timeout=300, check=False)
        for line in p.stdout.splitlines():
            print(f"   | {line}")
        if p.returncode != 0 or "Traceback" in p.stdout + p.stderr:
            raise BuildError(f"the frozen self-test failed (exit code {p.returncode}):\n{p.stderr.strip()[-2000:]}")
        version = project()["version"]
        if f"Checkpoint {version} self-test" not in p.stdout:
            raise BuildError(f"the bundle does not report version {version} (pyproject.toml): the installed "
                             f"metadata is stale; run {INSTALL_HINT} and build again")
        if "\nwarn    display" in "\n" + p.stdout and not allow_display_warning:
            raise BuildError(
                "the X11 platform plugin does not load: this build machine lacks libraries that the bundle should "
                "carry, so every target machine would need them installed (they are often offline). Install them "
                "here and build again: sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 "
                "libxkbcommon-x11-0   (or pass --allow-display-warning to build anyway)")
        # 2. checkpoint-admin: create a store with the real KDF and verify it
        store = tmp / "admin-check.db"
        env = target_env(CHECKPOINT_PASSPHRASE=secrets.token_urlsafe(18))
        run([str(exe[f"{name}-admin"]), "--db", str(store), "init", "--user", "buildcheck", "--name", "Build check"],
            env=env, cwd=tmp, timeout=120, what="checkpoint-admin init")
        run([str(exe[f"{name}-admin"]), "--db", str(store), "verify"], env=env, cwd=tmp, timeout=120,
            what="checkpoint-admin verify")
        print("   ok      checkpoint-admin: created a store and verified it")
        # 3. checkpoint-hq: keys, migrations (Alembic reads its scripts from the bundle), PostgreSQL driver, serve
        hq = str(exe[f"{name}-hq"])
        env = target_env(CHECKPOINT_HQ_PASSPHRASE=secrets.token_urlsafe(18), CHECKPOINT_HQ_KEYS=str(tmp / "hq-keys"),
                         CHECKPOINT_HQ_DB=f"sqlite:///{(tmp / 'hq.db').as_posix()}")
        run([hq, "init-keys"], env=env, cwd=tmp, timeout=120, what="checkpoint-hq init-keys")
        out = run([hq, "migrate", "--json"], env=env, cwd=tmp, timeout=120, what="checkpoint-hq migrate").stdout
        revision = json.loads(out)["revision"]
        closed = _free_port()
        p = run([hq, "--db", f"postgresql+psycopg://probe@127.0.0.1:{closed}/probe", "migrate"], env=env, cwd=tmp,
                timeout=120, check=False)
        if p.returncode != 4 or "connection" not in p.stderr.lower() or "module" in p.stderr.lower():
            raise BuildError("checkpoint-hq cannot use PostgreSQL (the psycopg driver should load and report the "
                             f"closed port); it said (exit {p.returncode}): {p.stderr.strip()[-1000:]}")
        port = _free_port()
        serve_log = tmp / "hq-serve.log"
        with open(serve_log, "wb") as log_file:
            server = subprocess.Popen([hq, "serve", "--host", "127.0.0.1", "--port", str(port),  # noqa: S603
                                       "--log-level", "warning"], stdout=log_file, stderr=subprocess.STDOUT,
                                      env=env, cwd=tmp)
        try:
            health = None
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and server.poll() is None:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as r:
                        health = json.loads(r.read())
                    break
                except OSError:
                    time.sleep(0.2)
            if not health or health.get("status") != "ok":
                said = serve_log.read_text(encoding="utf-8", errors="replace").strip()[-1500:]
                raise BuildError(f"checkpoint-hq serve did not answer /v1/health (exit code {server.poll()}):\n{said}")
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        print(f"   ok      checkpoint-hq: keys, migrations (at {revision}), PostgreSQL driver present, served "
              f"/v1/health (protocol {health.get('protocol')})")


def make_archive(bundle: Path) -> Path:
    meta = project()
    arch = platform.machine().lower().replace("amd64", "x86_64")
    top = f"{meta['name']}-{meta['version']}"
    out = DIST / f"{top}-linux-{arch}.tar.gz"
    extras = {
        "install.sh": PACKAGING / "linux" / "install.sh",
        "INSTALL.txt": PACKAGING / "linux" / "INSTALL.txt",
        "checkpoint.desktop": PACKAGING / "linux" / "checkpoint.desktop",
        "checkpoint.png": ROOT / "ui" / "assets" / "checkpoint.png",
        "checkpoint.svg": ROOT / "ui" / "assets" / "checkpoint.svg",
        "README-INSTALL.md": PACKAGING / "README-INSTALL.md",
        # HQ: the systemd unit, its configuration example, the admin wrapper, the nginx site, the guide
        **{f"hq/{f.name}": f for f in sorted((PACKAGING / "hq").iterdir()) if f.is_file()},
    }
    executable = {"install.sh", "hq/checkpoint-hq-admin"}
    for src in extras.values():
        if not src.is_file():
            raise BuildError(f"missing {src.relative_to(ROOT)}")
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))

    def norm(ti: tarfile.TarInfo) -> tarfile.TarInfo:
        ti.uid = ti.gid = 0
        ti.uname = ti.gname = "root"
        ti.mtime = mtime
        # executables stay executable for everyone; nothing is writable by others
        ti.mode = 0o755 if ti.isdir() or ti.mode & 0o100 else 0o644
        return ti

    tmp = out.with_suffix(".part")
    with tarfile.open(tmp, "w:gz", compresslevel=9) as tar:
        tar.add(bundle, arcname=top, filter=norm)
        for folder in sorted({Path(a).parent.as_posix() for a in extras} - {"."}):
            tar.addfile(norm(tar.gettarinfo(str(PACKAGING), arcname=f"{top}/{folder}")))
        for arcname, src in extras.items():
            ti = norm(tar.gettarinfo(str(src), arcname=f"{top}/{arcname}"))
            ti.mode = 0o755 if arcname in executable else 0o644
            with open(src, "rb") as f:
                tar.addfile(ti, f)
    tmp.replace(out)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    Path(str(out) + ".sha256").write_text(f"{digest}  {out.name}\n", encoding="utf-8")
    print(f"   {out.relative_to(ROOT)}: {mib(out.stat().st_size)} (sha256 {digest[:16]}...)")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.split("\n\n")[0])
    ap.add_argument("--clean", action="store_true", help="discard PyInstaller's cache before building")
    ap.add_argument("--allow-display-warning", action="store_true",
                    help="build even if the X11 platform plugin's libraries are missing on this machine")
    args = ap.parse_args(argv)
    meta = project()
    print(f"Building {meta['name']} {meta['version']} for {platform.system()} {platform.machine()}")
    t0 = time.monotonic()
    try:
        with step("Tools"):
            check_tools()
        with step("Translations (pyside6-lrelease)"):
            compile_translations()
        with step("PyInstaller (packaging/checkpoint.spec)"):
            bundle = pyinstaller(args.clean)
        with step("Third-party licence notices"):
            write_notices(bundle)
        with step("Checks on the frozen bundle"):
            verify_bundle(bundle, allow_display_warning=args.allow_display_warning)
        archive = None
        if IS_LINUX:
            with step("Archive"):
                archive = make_archive(bundle)
    except BuildError as e:
        print(f"\nBUILD FAILED: {e}", file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired as e:
        print(f"\nBUILD FAILED: {Path(str(e.cmd[0])).name} did not finish within {e.timeout:.0f} s", file=sys.stderr)
        return 1
    print("\nSummary")
    for title, secs in _timings:
        print(f"   {title:<45} {secs:7.1f} s")
    print(f"   {'total':<45} {time.monotonic() - t0:7.1f} s")
    print(f"   bundle  {bundle.relative_to(ROOT)}/  {mib(du(bundle))}")
    if archive is not None:
        print(f"   archive {archive.relative_to(ROOT)}  {mib(archive.stat().st_size)}")
    elif IS_WINDOWS:
        print("   next: build the installer with Inno Setup (see packaging/windows/BUILDING-WINDOWS.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
