"""Issue 19 §8 and §2: a windowless start-up that fails shows a message box and writes a log (no personal data);
a second window on the same store is told so and opens nothing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def launcher(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """packaging/launcher.py as the bundle runs it, with the table the spec generates and a program that fails
    the way a damaged installation does, with the user's home folder in its message."""
    bundle = types.ModuleType("checkpoint_bundle")
    bundle.NAME, bundle.VERSION, bundle.DEFAULT = "checkpoint", "0.1.0", "checkpoint"  # type: ignore[attr-defined]
    bundle.ENTRY_POINTS = {"checkpoint": "broken_app:main"}                           # type: ignore[attr-defined]
    bundle.ALIASES = {}                                                                # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "checkpoint_bundle", bundle)
    broken = types.ModuleType("broken_app")

    def main() -> int:
        raise OSError(f"cannot load {Path.home()}/AppData/Local/qwindows.dll")

    broken.main = main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "broken_app", broken)
    spec = importlib.util.spec_from_file_location("checkpoint_launcher", ROOT / "packaging" / "launcher.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "log_dir", lambda: tmp_path / "Logs")
    monkeypatch.setattr(sys, "argv", ["checkpoint.exe"])
    monkeypatch.delenv("CHECKPOINT_DEBUG", raising=False)
    return module


def test_a_windowless_start_that_fails_shows_a_message_box_and_writes_a_log(launcher: Any, tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(launcher, "_message_box", shown.append)
    monkeypatch.setattr(sys, "stderr", None)           # checkpoint.exe: no console
    monkeypatch.setattr(sys, "stdout", None)
    assert launcher.main() == 70
    log = tmp_path / "Logs" / "startup-error.log"
    assert log.is_file()
    text = log.read_text(encoding="utf-8")
    assert "OSError" in text and "broken_app" not in shown[0]
    assert str(Path.home()) not in text                # no home folder (it names the Windows account)
    assert "~/AppData/Local/qwindows.dll" in text      # where it happened, for IT
    assert len(shown) == 1 and "could not start" in shown[0] and str(log) in shown[0]


def test_with_a_console_the_failure_is_one_plain_line_and_the_log(launcher: Any, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(launcher, "_message_box", lambda text: pytest.fail("no message box with a console"))
    assert launcher.main() == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "could not start (OSError)" in err
    assert (tmp_path / "Logs" / "startup-error.log").is_file()


HOLD = """
import sys
from checkpoint.instance import InstanceGuard
g = InstanceGuard(sys.argv[1]); assert g.acquire(); print("open", flush=True); sys.stdin.readline()
"""


def test_a_second_window_on_the_same_store_is_told_and_opens_nothing(tmp_path: Path) -> None:
    from ui.app import already_open

    store = tmp_path / "checkpoint.db"
    first = subprocess.Popen([sys.executable, "-c", HOLD, str(store)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "open"
        told: list[str] = []
        assert already_open(store, show=told.append) is None
        assert told == ["This store is already open in another Checkpoint window. Switch to that window (it may "
                        "be minimised), or close it first."]
    finally:
        assert first.stdin is not None
        first.stdin.close()
        first.wait(timeout=10)
    told.clear()
    guard = already_open(store, show=told.append)
    assert guard is not None and told == []
    guard.release()
