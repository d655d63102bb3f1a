"""Windows access control for Checkpoint's files: the owner, the app's group and SYSTEM, nobody else.

chmod 0600/0700 do nothing on Windows, so a store, its ``.keys``, an export or HQ's keys would otherwise be readable
by every local account through the inherited ACL of their folder. ``restrict`` replaces the ACL with a protected one
(no inheritance from the folder) that grants:

- ``OWNER RIGHTS`` (S-1-3-4) full control: the account that created the file;
- ``NT AUTHORITY\\SYSTEM`` (S-1-5-18) full control: Windows itself (Defender, Volume Shadow Copy backups);
- the local group ``Checkpoint Users`` modify, when it exists (the per-machine installer creates it, and IT adds
  the officers' Windows accounts to it, so that several officers share one store on one laptop).

    >>> icacls_command("D:/stores", folder=True)[:5]
    ['icacls', 'D:/stores', '/inheritance:r', '/grant:r', '*S-1-3-4:(OI)(CI)(F)']
    >>> restrict(Path("checkpoint.db.keys"))        # a no-op outside Windows       # doctest: +SKIP

``icacls`` (in every Windows since Vista) is run with no console window. On other systems every call here is a
no-op: POSIX permissions (0600/0700) are set where the files are made. ``read_acl`` returns the SDDL string
(language-independent, unlike icacls' listing) for checking.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["GROUP", "icacls_command", "read_acl", "restrict", "trustees"]

log = logging.getLogger(__name__)

GROUP = "Checkpoint Users"
OWNER_RIGHTS, SYSTEM = "*S-1-3-4", "*S-1-5-18"
_CREATE_NO_WINDOW = 0x08000000          # no console flashing up from the windowed app


def icacls_command(path: str | os.PathLike[str], *, folder: bool = False, group: str | None = GROUP) -> list[str]:
    """The icacls argument list that gives ``path`` the Checkpoint ACL (a folder's entries are inherited by what
    is created in it)."""
    inherit = "(OI)(CI)" if folder else ""
    grants = [f"{OWNER_RIGHTS}:{inherit}(F)", f"{SYSTEM}:{inherit}(F)"]
    if group:
        grants.append(f"{group}:{inherit}(M)")
    return ["icacls", str(path), "/inheritance:r", "/grant:r", *grants, "/q"]


def restrict(path: str | os.PathLike[str], *, folder: bool | None = None) -> bool:
    """Give ``path`` the Checkpoint ACL (Windows only; elsewhere a no-op returning True). Without the group
    (not installed per machine) the owner and SYSTEM only. Returns False, and logs why, if icacls failed: the file
    is still written, with its folder's ACL."""
    if sys.platform != "win32":
        return True
    is_dir = Path(path).is_dir() if folder is None else folder
    for group in (GROUP, None):
        p = _run(icacls_command(path, folder=is_dir, group=group))
        if p.returncode == 0:
            return True
    log.warning("could not restrict access to a Checkpoint file (icacls exit code %s)", p.returncode)
    return False


def read_acl(path: str | os.PathLike[str]) -> str:
    """The DACL of ``path`` as SDDL (e.g. ``D:PAI(A;;FA;;;OW)(A;;FA;;;SY)``); Windows only."""
    if sys.platform != "win32":
        raise OSError("ACLs are read on Windows only")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "acl.txt"
        p = _run(["icacls", str(path), "/save", str(out)])
        if p.returncode != 0:
            raise OSError(f"icacls /save failed with exit code {p.returncode}")
        lines = out.read_bytes().decode("utf-16-le").lstrip("\ufeff").splitlines()
    return lines[1].strip() if len(lines) > 1 else ""


def trustees(sddl: str) -> tuple[bool, set[str]]:
    """(protected, the SIDs of the allow entries) of an SDDL DACL.

        >>> protected, sids = trustees("D:PAI(A;;FA;;;OW)(A;OICI;FA;;;SY)(A;;0x1301bf;;;S-1-5-21-1-2-3-1001)")
        >>> protected, sorted(sids)
        (True, ['OW', 'S-1-5-21-1-2-3-1001', 'SY'])
    """
    dacl = sddl.split("D:", 1)[-1]
    flags = re.match(r"[A-Z]*", dacl)
    protected = "P" in (flags.group(0) if flags else "")
    sids = {ace.split(";")[5] for ace in re.findall(r"\(([^)]*)\)", dacl) if ace.split(";")[0] == "A"}
    return protected, sids


def _run(cmd: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(cmd, capture_output=True, check=False, timeout=30,  # noqa: S603 (fixed program, no shell)
                          creationflags=_CREATE_NO_WINDOW if sys.platform == "win32" else 0)
