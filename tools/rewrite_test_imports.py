"""Make the tests' helper modules a package, instead of putting test folders on sys.path.

    python tools/rewrite_test_imports.py            # in the repository's root; then review `git diff --stat -M`
    python tools/rewrite_test_imports.py --check    # say what would change, change nothing (exit 1 if anything would)

One-off restructuring (issue 9), run once after the parallel branches have merged, because it touches an import
line in most test files. It:

  1. moves tests/helpers.py, ui_helpers.py, hq_helpers.py, crashlib.py and tests/sync/client_harness.py,
     faultproxy.py into a new package tests/support/ (with `git mv` in a git work tree, so history follows);
  2. adds an empty __init__.py to tests/ and to every folder below it that holds Python modules (except data
     folders such as tests/storage/fixtures), so each test module has one importable name (tests.ui.test_records);
  3. rewrites `from helpers import x` to `from tests.support.helpers import x` (likewise the other five),
     `from conftest import X` to `from tests.conftest import X` and `from bench_store import x` to
     `from tests.bench.bench_store import x`, everywhere under tests/, and the two sys.path tricks in tests/bench;
  4. replaces `pythonpath = ["tests", "tests/bench", "tests/sync"]` in pyproject.toml with the repository root
     (`pythonpath = ["."]`: what makes `tests` importable when pytest is started as `pytest`, not `python -m`);
  5. runs `ruff check --select I,F401 --fix` on the changed files (the new imports sort differently).

It is idempotent: a second run changes nothing. It refuses to run when a destination already exists with other
content. Exit code 0 when done (or, with --check, when nothing is left to do).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

MOVES = {
    "tests/helpers.py": "tests/support/helpers.py",
    "tests/ui_helpers.py": "tests/support/ui_helpers.py",
    "tests/hq_helpers.py": "tests/support/hq_helpers.py",
    "tests/crashlib.py": "tests/support/crashlib.py",
    "tests/sync/client_harness.py": "tests/support/client_harness.py",
    "tests/sync/faultproxy.py": "tests/support/faultproxy.py",
}
# old top-level module name -> its name once tests/ is a package
MODULES = {Path(src).stem: dst.removesuffix(".py").replace("/", ".") for src, dst in MOVES.items()}
MODULES |= {"conftest": "tests.conftest", "bench_store": "tests.bench.bench_store"}
NOT_PACKAGES = {"fixtures"}            # data folders (norecursedirs); their scripts are run as files
SUPPORT_INIT = '"""What tests share: record builders, Qt and HQ helpers, the crash writer, the sync harness."""\n'
PYTHONPATH_OLD = 'pythonpath = ["tests", "tests/bench", "tests/sync"]'
PYTHONPATH_NEW = ('# the repository root: tests/ is a package (helpers in tests.support)\n'
                  'pythonpath = ["."]')
# The two sys.path tricks in tests/bench (scripts and benchmarks that imported helpers by bare name)
TEXT_EDITS = {
    "tests/bench/crash_torture.py": [
        ("sys.path.insert(0, str(Path(__file__).resolve().parent.parent))",
         "sys.path.insert(0, str(Path(__file__).resolve().parents[2]))   # the repository root, for tests.support"),
    ],
    "tests/bench/bench_sync.py": [
        ('sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "sync"))\n', ""),
    ],
    # docstrings that say where the helpers are, or how they were found
    "tests/conftest.py": [("Plain helpers (record builders) are in tests/helpers.py.",
                           "Plain helpers (record builders) are in tests/support/helpers.py.")],
    "tests/ui/conftest.py": [("from tests/ui_helpers.py (importable as\n``from ui_helpers import wait_idle``)",
                              "from tests/support/ui_helpers.py (importable as\n"
                              "``from tests.support.ui_helpers import wait_idle``)")],
    "tests/support/helpers.py": [("(importable from any test: pytest puts tests/ on sys.path)",
                                  "(``from tests.support.helpers import registration``)")],
    "tests/support/client_harness.py": [
        ("Imported by tests/sync/device/test_*.py and tests/sync/test_e2e.py, test_faults.py, test_hq_crash.py "
         "(``sys.path``\ngets this folder: the test folders are not packages).",
         "Imported by tests/sync/device/test_*.py, tests/sync/test_e2e.py, test_faults.py, test_hq_crash.py and the\n"
         "sync benchmarks (``from tests.support.client_harness import new_device``)."),
    ],
}
IMPORT = re.compile(r"^(?P<indent>[ \t]*)(?:from (?P<from>\w+) import |import (?P<plain>\w+)(?P<rest>[ \t]*(?:#.*)?)$)",
                    re.MULTILINE)


class Refused(Exception):
    pass


def rewrite_imports(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        name = m.group("from") or m.group("plain")
        if name not in MODULES:
            return m.group(0)
        new = MODULES[name]
        if m.group("from"):
            return f"{m.group('indent')}from {new} import "
        package, _, module = new.rpartition(".")
        return f"{m.group('indent')}from {package} import {module}{m.group('rest') or ''}"

    return IMPORT.sub(repl, text)


def plan(root: Path) -> tuple[list[tuple[Path, Path]], list[Path], dict[Path, str]]:
    """(files to move, __init__.py files to create, {file: new text}) for the tree at ``root``."""
    moves = []
    for src, dst in MOVES.items():
        s, d = root / src, root / dst
        if s.exists() and d.exists() and s.read_bytes() != d.read_bytes():
            raise Refused(f"both {src} and {dst} exist and differ: move one by hand first")
        if s.exists() and not d.exists():
            moves.append((s, d))
        elif not s.exists() and not d.exists():
            raise Refused(f"{src} is not there (moved or renamed since this script was written?): "
                          "update MOVES at the top of this script")
    moved = {s: d for s, d in moves}

    # every folder that will hold Python modules, tests/support included
    files_after = {moved.get(p, p) for p in (root / "tests").rglob("*.py")} | {root / d for d in MOVES.values()}
    folders = {p.parent for p in files_after}
    folders = {f for f in folders if not (set(f.relative_to(root).parts) & NOT_PACKAGES)}
    for folder in list(folders):                         # and their parents up to tests/
        while folder != root / "tests":
            folder = folder.parent
            folders.add(folder)
    inits = sorted(f / "__init__.py" for f in folders if not (f / "__init__.py").exists())

    texts: dict[Path, str] = {}
    for path in sorted(files_after):
        current = (path if path.exists() else next(s for s, d in moves if d == path))
        if "__pycache__" in path.parts or set(path.relative_to(root).parts) & NOT_PACKAGES:
            continue
        old = current.read_text(encoding="utf-8")
        new = rewrite_imports(old)
        for before, after in TEXT_EDITS.get(path.relative_to(root).as_posix(), []):
            new = new.replace(before, after)
        if new != old:
            texts[path] = new
    pyproject = root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    if PYTHONPATH_OLD in text:
        texts[pyproject] = text.replace(PYTHONPATH_OLD, PYTHONPATH_NEW)
    return moves, inits, texts


def _git(root: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    git = shutil.which("git")
    if git is None:
        raise FileNotFoundError("git")
    return subprocess.run([git, "-C", str(root), *args], capture_output=True, text=True, check=check)  # noqa: S603


def in_git(root: Path) -> bool:
    try:
        return _git(root, "rev-parse", "--is-inside-work-tree", check=False).stdout.strip() == "true"
    except FileNotFoundError:
        return False


def apply(root: Path, moves: list[tuple[Path, Path]], inits: list[Path], texts: dict[Path, str]) -> None:
    git = in_git(root)
    for src, dst in moves:
        dst.parent.mkdir(parents=True, exist_ok=True)
        if git:
            _git(root, "mv", str(src.relative_to(root)), str(dst.relative_to(root)))
        else:
            src.rename(dst)
        print(f"moved   {src.relative_to(root)} -> {dst.relative_to(root)}")
    for init in inits:
        init.parent.mkdir(parents=True, exist_ok=True)
        init.write_text(SUPPORT_INIT if init.parent.name == "support" else "", encoding="utf-8")
        print(f"created {init.relative_to(root)}")
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
        print(f"edited  {path.relative_to(root)}")
    if git:
        _git(root, "add", "--", *(str(i.relative_to(root)) for i in inits))
    changed = sorted(str(p) for p in texts if p.suffix == ".py")
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if changed and ruff:
        subprocess.run([ruff, "check", "--quiet", "--select", "I,F401", "--fix", *changed],  # noqa: S603
                       cwd=root, check=False)
        print(f"sorted the imports of {len(changed)} files with ruff")
    elif changed:
        print("ruff not found: run `ruff check --select I,F401 --fix tests` to sort the new imports")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent,
                    help="the repository (default: the one this script is in)")
    ap.add_argument("--check", action="store_true", help="only say what would change")
    args = ap.parse_args(argv)
    root = args.root.resolve()
    try:
        moves, inits, texts = plan(root)
    except Refused as e:
        print(f"rewrite_test_imports: {e}", file=sys.stderr)
        return 2
    if not (moves or inits or texts):
        print("nothing to do: the tests' helpers are already a package")
        return 0
    if args.check:
        print(f"would move {len(moves)} files, create {len(inits)} __init__.py, edit {len(texts)} files")
        for path in sorted(texts):
            print(f"  edit {path.relative_to(root)}")
        return 1
    apply(root, moves, inits, texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
