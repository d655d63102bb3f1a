"""The command-line toolkit Checkpoint's programs share: a parser with our usage exit code, secrets from the
environment or a prompt, text-or-JSON output, and the one mapping of errors to exit codes.

No commands here (the core's are in ``checkpoint.commands``, the programs' ``main`` in ``sync.device.cli`` and HQ's CLI)
and nothing that opens a store: a program that imports this loads neither the services nor SQLCipher.

    parser = Parser(prog="checkpoint-hq")                        # usage errors exit 2 with one line
    sys.exit(run_command("checkpoint-hq", args.func, args))      # 0 ok, 2 usage, 3 auth, 4 data

Exit codes: 0 ok, 2 usage, 3 wrong passphrase or locked, 4 data error. Plain messages, never a traceback:
``run_command`` raises only what is not a Checkpoint error, an interrupt or an OS error.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from checkpoint.errors import AuthError, CheckpointError, ValidationError

__all__ = ["EXIT_AUTH", "EXIT_DATA", "EXIT_OK", "EXIT_USAGE", "AddCommand", "Parser", "UsageError", "emit",
           "run_command", "secret", "utf8_stdio"]

EXIT_OK, EXIT_USAGE, EXIT_AUTH, EXIT_DATA = 0, 2, 3, 4

# How a command is registered on a program's parser: ``add(name, fn, help, *, json_=False)`` returns the
# command's sub-parser (for its options). Programs pass it to each group of commands they include.
AddCommand = Callable[..., argparse.ArgumentParser]


class UsageError(Exception):
    """A command line that cannot be run as given (exit code 2)."""


class Parser(argparse.ArgumentParser):
    """argparse with our exit code for usage errors (2) and a one-line message."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def utf8_stdio() -> None:
    """Write UTF-8 to stdout and stderr whatever the console's code page (cp1252, cp437 on Windows; a pipe or a
    file there is written in the ANSI code page otherwise): Khmer names then never end a program with a traceback
    or cut JSON in half. stderr replaces what it cannot write. Called first in every program's ``main``; streams
    that are missing (a windowed program has none) or not text files are left alone."""
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "replace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            stream.flush()
            reconfigure(encoding="utf-8", errors=errors)
        except (OSError, ValueError):
            pass


def secret(env: str, prompt: str, *, confirm: bool = False) -> str:
    """A secret from ``env`` (automation) or a prompt with no echo; UsageError when neither is possible."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise UsageError(f"no terminal to ask for the {prompt.lower()}: set {env}")
    first = getpass.getpass(f"{prompt}: ")
    if confirm and getpass.getpass(f"{prompt} (again): ") != first:
        raise ValidationError("passphrase", "the two entries differ")
    return first


def emit(args: argparse.Namespace, data: Any, text: Callable[[], object]) -> None:
    """Print ``data`` as JSON with --json, else call ``text`` to print it for people."""
    if getattr(args, "json", False):
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    else:
        text()


def run_command(prog: str, func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run one command; our errors become exit codes (2 usage, 3 auth, 4 data) and one plain line on stderr,
    never a traceback. Other exceptions propagate (a caller may add its own last resort)."""
    try:
        return int(func(args))
    except UsageError as e:
        print(f"{prog}: {e}", file=sys.stderr)
        return EXIT_USAGE
    except AuthError as e:
        print(f"{prog}: {e}", file=sys.stderr)
        return EXIT_AUTH
    except CheckpointError as e:
        print(f"{prog}: {e}", file=sys.stderr)
        return EXIT_DATA
    except KeyboardInterrupt:
        print(f"{prog}: interrupted; nothing half-written was kept.", file=sys.stderr)
        return EXIT_DATA
    except OSError as e:
        print(f"{prog}: {e.strerror or e} ({e.filename or ''})", file=sys.stderr)
        return EXIT_DATA
