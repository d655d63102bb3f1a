"""Issue 19 §6: on Windows the store's folder, .keys, exports and HQ's keys get an ACL of the owner, SYSTEM and
the app's group only. The command is checked everywhere; the ACL itself is read back on Windows only."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from checkpoint import acl, files


def test_the_icacls_command_grants_owner_system_and_the_group_and_cuts_inheritance() -> None:
    cmd = acl.icacls_command(r"C:\ProgramData\Checkpoint", folder=True)
    assert cmd[:3] == ["icacls", r"C:\ProgramData\Checkpoint", "/inheritance:r"]    # nothing from the parent
    grants = cmd[cmd.index("/grant:r") + 1:-1]
    assert grants == ["*S-1-3-4:(OI)(CI)(F)", "*S-1-5-18:(OI)(CI)(F)", "Checkpoint Users:(OI)(CI)(M)"]
    file_grants = acl.icacls_command("x.keys", group=None)
    assert file_grants[file_grants.index("/grant:r") + 1:-1] == ["*S-1-3-4:(F)", "*S-1-5-18:(F)"]
    assert not any(w in " ".join(cmd) for w in ("Everyone", "*S-1-1-0", "*S-1-5-32-545", "*S-1-5-11"))


@pytest.mark.parametrize(("sddl", "ok"), [
    ("D:PAI(A;;FA;;;OW)(A;;FA;;;SY)(A;;0x1301bf;;;S-1-5-21-1-2-3-1001)", True),
    ("D:AI(A;;FA;;;OW)(A;;FA;;;SY)", False),                     # not protected: the folder's entries come in
    ("D:PAI(A;;FA;;;OW)(A;;FR;;;BU)", False),                    # BUILTIN\Users can read
    ("D:PAI(A;;FA;;;OW)(A;;FR;;;WD)", False),                    # Everyone
])
def test_reading_an_acl_back_tells_a_private_one_from_a_leaky_one(sddl: str, ok: bool) -> None:
    protected, sids = acl.trustees(sddl)
    assert (protected and not sids & {"BU", "WD", "AU", "IU"}) is ok


@pytest.mark.skipif(sys.platform != "win32", reason="Windows ACLs can only be set and read back on Windows "
                    "(runs in .github/workflows/windows.yml)")
def test_on_windows_the_key_file_and_the_data_folder_get_the_acl(tmp_path: Path) -> None:  # pragma: no cover
    keys = files.write_atomic(tmp_path / "checkpoint.db.keys", b"{}")
    folder = tmp_path / "Checkpoint"
    folder.mkdir()
    assert acl.restrict(folder, folder=True)
    for path in (keys, folder):
        protected, sids = acl.trustees(acl.read_acl(path))
        assert protected, path
        assert not sids & {"BU", "WD", "AU", "IU"}, (path, sids)
        assert {"OW", "SY"} <= sids, (path, sids)


def test_outside_windows_restrict_changes_nothing(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("this checks the POSIX no-op")
    f = tmp_path / "x"
    f.write_bytes(b"")
    f.chmod(0o600)
    assert acl.restrict(f) is True and (f.stat().st_mode & 0o777) == 0o600


def test_the_installer_gives_the_data_folder_the_same_acl_as_the_app() -> None:
    """packaging/windows/checkpoint.iss runs icacls itself (the app may never create the folder): same grants."""
    iss = (Path(__file__).resolve().parents[2] / "packaging" / "windows" / "checkpoint.iss").read_text(encoding="utf-8")
    line = next(ln for ln in iss.splitlines() if ln.startswith('Filename: "{sys}\\icacls.exe"'))
    params = line.split("Parameters: ", 1)[1].split("; Flags", 1)[0].strip('"').replace('""', '"')
    group = next(ln for ln in iss.splitlines() if ln.startswith("#define DataGroup")).split('"')[1]
    params = params.replace("{#DataGroup}", group)
    expected = acl.icacls_command("X", folder=True)
    assert "/inheritance:r" in params
    for grant in expected[expected.index("/grant:r") + 1:-1]:
        assert grant in params, grant
    assert "MinVersion=10.0.17763" in iss                     # Windows 10 1809, Qt 6.11's minimum
