"""checkpoint.cli is only the toolkit the programs share; the core's commands are checkpoint.commands."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from checkpoint import cli, commands
from checkpoint.errors import AccountDisabled, NotFound, ValidationError

PROBE = r"""
import sys
import checkpoint.cli
print(",".join(sorted(m for m in sys.modules if m.startswith(("checkpoint.services", "checkpoint.storage",
                                                               "checkpoint.commands", "sqlcipher3", "sqlite_utils")))))
"""


def test_the_toolkit_loads_no_services_and_no_store() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == ""


def test_the_core_commands_are_checkpoint_admins() -> None:
    parser = commands.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == ["init", "user", "recover", "rotate-key", "demo-data", "search", "show", "verify",
                                 "export", "backup", "stats", "tb", "arrivals", "queue",   # tb: #14; arrivals: #11
                                 "assistance",                                            # #13
                                 "retention", "minimise", "restore",                      # #12: minimisation
                                 "verify-slip"]                                           # #16: a slip checked
    assert not hasattr(commands, "main") and not hasattr(cli, "main")


@pytest.mark.parametrize(("error", "code"), [(cli.UsageError("x"), 2), (AccountDisabled("x"), 3),
                                             (ValidationError("f", "x"), 4), (NotFound("x"), 4),
                                             (FileNotFoundError(2, "gone", "f.csv"), 4)])
def test_run_command_maps_errors_to_exit_codes(error: BaseException, code: int, capsys) -> None:
    def fail(_args: argparse.Namespace) -> int:
        raise error

    assert cli.run_command("prog", fail, argparse.Namespace()) == code
    err = capsys.readouterr().err
    assert err.startswith("prog: ") and "Traceback" not in err


def test_defaults_come_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("CHECKPOINT_DB", "/tmp/elsewhere.db")
    args = commands.build_parser().parse_args(["stats"])
    commands.resolve_defaults(args)
    assert str(args.db) == "/tmp/elsewhere.db" and args.user is None
