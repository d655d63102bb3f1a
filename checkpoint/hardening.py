"""Process hardening every Checkpoint program applies first thing: no core dumps.

A core dump of the desktop app, ``checkpoint-admin`` or ``checkpoint-hq`` would hold the store's data key (or
HQ's private keys) and decrypted records, written in the clear to wherever the system keeps crashes.

    >>> disable_core_dumps()        # doctest: +SKIP
    True

On POSIX the core-file size limit goes to 0 (soft and hard: a child cannot raise it again); on Linux the process is
also made non-dumpable (``prctl(PR_SET_DUMPABLE, 0)``), which covers a ``core_pattern`` that pipes to a crash
collector (those ignore the size limit) and stops other processes of the same user from attaching a debugger
(ptrace) to read memory. On Windows there is no such limit: nothing is done and False is returned (Windows Error
Reporting keeps its own settings; see docs/security.md). Never raises.
"""

from __future__ import annotations

import sys

__all__ = ["disable_core_dumps"]

_PR_SET_DUMPABLE = 4


def disable_core_dumps() -> bool:
    """Turn core dumps off for this process (and its children); True when it was possible here."""
    try:
        import resource
    except ImportError:          # Windows
        return False
    done = True
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        done = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                done = False
        except (OSError, AttributeError):
            done = False
    return done
