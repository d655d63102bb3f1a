"""``checkpoint --self-test``: passes on a good installation, and on a damaged one says plainly what is wrong.

Run unfrozen in a subprocess (as IT staff would run the installed one); `python packaging/build.py` runs the same
self-test inside the frozen bundle. A damaged bundle is simulated the way PyInstaller lays one out: sys._MEIPASS
points at a folder whose ui/ holds a broken translation or font.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# What a frozen bundle with damaged resources looks like to ui.resources: sys._MEIPASS/ui/...
FAKE_BUNDLE = """
import sys
sys._MEIPASS = sys.argv[1]
from ui.app import main
sys.exit(main(["--self-test"]))
"""


def _run(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    e = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=e, capture_output=True, text=True, timeout=60,
                          encoding="utf-8", errors="replace")


def _lines(p: subprocess.CompletedProcess[str], prefix: str) -> list[str]:
    return [line for line in p.stdout.splitlines() if line.startswith(prefix)]


def test_self_test_passes_on_this_installation(tmp_path: Path) -> None:
    # An ASCII-only console (a Windows code page) must not break the output.
    p = _run(["-m", "ui.app", "--self-test"], PYTHONIOENCODING="ascii", TMPDIR=str(tmp_path))
    assert p.returncode == 0, p.stdout + p.stderr
    ok = "\n".join(_lines(p, "ok "))
    for what in ("encrypted store: SQLCipher", "Qt ", "Khmer font: Noto Sans Khmer", "Khmer translation:",
                 "HQ client: an unreachable HQ is reported as unavailable"):
        assert what in ok, p.stdout
    assert not _lines(p, "FAILED"), p.stdout
    assert "Self-test passed: 6 checks" in p.stdout
    assert "Traceback" not in p.stdout + p.stderr
    assert list(tmp_path.iterdir()) == [], "the self-test left its temporary store behind"


@pytest.mark.parametrize(("files", "expected_failures"), [
    ({"translations/checkpoint_km.qm": b"this is not a .qm file"},
     {"Khmer translation": "could not be read"}),
    ({"assets/NotoSansKhmer.ttf": b"this is not a font"},         # no .qm either: the bundle lost it
     {"Khmer font": "Khmer font could not be loaded", "Khmer translation": "translation file is missing"}),
])
def test_a_damaged_bundle_fails_with_a_plain_message(tmp_path: Path, files: dict[str, bytes],
                                                      expected_failures: dict[str, str]) -> None:
    bundle, tmp = tmp_path / "bundle", tmp_path / "tmp"
    tmp.mkdir()
    for rel, data in files.items():
        f = bundle / "ui" / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(data)
    p = _run(["-c", FAKE_BUNDLE, str(bundle)], TMPDIR=str(tmp))
    assert p.returncode == 1, p.stdout + p.stderr
    failed = _lines(p, "FAILED")
    assert len(failed) == len(expected_failures), p.stdout
    for check, reason in expected_failures.items():
        assert any(line.startswith(f"FAILED  {check}: ") and reason in line for line in failed), p.stdout
    # The checks that do not depend on the damaged files still pass, and say so.
    assert any("encrypted store: SQLCipher" in line for line in _lines(p, "ok ")), p.stdout
    assert any("HQ client" in line for line in _lines(p, "ok ")), p.stdout
    assert f"Self-test FAILED: {len(expected_failures)} of 6 checks failed" in p.stdout
    assert "Traceback" not in p.stdout + p.stderr
    assert list(tmp.iterdir()) == [], "the self-test left its temporary store behind"


def test_no_console_no_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """A windowed executable on Windows has no stdout: printing must not raise."""
    from ui.selftest import _say

    monkeypatch.setattr(sys, "stdout", None)
    _say("ok      សុខ ដារា", True)
