"""The compiled translations (.qm) are committed beside their .ts sources, so that every way of installing the package
(a wheel, an sdist, ``pip install .``, the PyInstaller bundle) ships the Khmer interface without needing Qt's
lrelease at build time. This test keeps them honest: each committed .qm is byte for byte what ``make qm``
(pyside6-lrelease) makes of its .ts now. After editing a .ts: ``make qm`` and commit both files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "ui" / "translations"
TS_FILES = sorted(TRANSLATIONS.glob("*.ts"))


def _lrelease() -> str:
    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    if tool is None:
        pytest.fail("pyside6-lrelease not found next to this Python: install .[desktop]")
    return tool


def test_there_are_translations() -> None:
    assert {ts.name for ts in TS_FILES} >= {"checkpoint_km.ts", "checkpoint_en.ts"}


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(ts: Path, tmp_path: Path) -> None:
    qm = ts.with_suffix(".qm")
    assert qm.is_file(), f"{qm.relative_to(ROOT)} is missing: run `make qm` and commit it"
    fresh = tmp_path / qm.name
    subprocess.run([_lrelease(), "-silent", str(ts), "-qm", str(fresh)], check=True, timeout=120)
    assert fresh.read_bytes() == qm.read_bytes(), (
        f"{qm.relative_to(ROOT)} is out of date with {ts.name}: run `make qm` and commit it")


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_qm_is_tracked_by_git(ts: Path) -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    rel = ts.with_suffix(".qm").relative_to(ROOT).as_posix()
    p = subprocess.run(["git", "ls-files", "--error-unmatch", rel], cwd=ROOT, capture_output=True, text=True,
                       timeout=60, check=False)
    assert p.returncode == 0, f"{rel} is not committed: the package would ship without it ({p.stderr.strip()})"
