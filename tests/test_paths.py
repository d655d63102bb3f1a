"""Where the store is when no path is given: per user, from platformdirs, resolved when a program starts."""

from __future__ import annotations

from pathlib import Path

import platformdirs.windows
import pytest

from checkpoint.paths import default_store_path


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh home folder with no XDG override, as on a new laptop."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    return tmp_path


@pytest.mark.parametrize(("env", "prefer", "expected"), [
    ({"CHECKPOINT_STORE": "/a/app.db"}, "CHECKPOINT_STORE", "/a/app.db"),
    ({"CHECKPOINT_DB": "/a/admin.db"}, "CHECKPOINT_DB", "/a/admin.db"),
    # each program's own variable first (as before), then the other program's
    ({"CHECKPOINT_STORE": "/a/app.db", "CHECKPOINT_DB": "/a/admin.db"}, "CHECKPOINT_STORE", "/a/app.db"),
    ({"CHECKPOINT_STORE": "/a/app.db", "CHECKPOINT_DB": "/a/admin.db"}, "CHECKPOINT_DB", "/a/admin.db"),
    ({"CHECKPOINT_DB": "/a/admin.db"}, "CHECKPOINT_STORE", "/a/admin.db"),
    ({"CHECKPOINT_STORE": "/a/app.db"}, "CHECKPOINT_DB", "/a/app.db"),
    ({"CHECKPOINT_STORE": "", "CHECKPOINT_DB": "/a/admin.db"}, "CHECKPOINT_STORE", "/a/admin.db"),  # empty = unset
])
def test_the_environment_names_the_store(env: dict[str, str], prefer: str, expected: str, home: Path) -> None:
    assert default_store_path(env, prefer=prefer, platform="linux") == Path(expected)


def test_linux_default_is_the_path_earlier_versions_used(home: Path) -> None:
    assert default_store_path({}, platform="linux") == home / ".local/share/checkpoint/checkpoint.db"


def test_linux_follows_xdg_data_home_but_keeps_an_existing_store(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    assert default_store_path({}, platform="linux") == home / "data/checkpoint/checkpoint.db"
    legacy = home / ".local/share/checkpoint/checkpoint.db.keys"   # a store's key file is enough to count
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(b"{}")
    assert default_store_path({}, platform="linux") == home / ".local/share/checkpoint/checkpoint.db"


@pytest.fixture
def windows(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """platformdirs' Windows layout, with the known-folder lookup answering as Windows would for user dara."""
    def known_folder(csidl_name: str) -> str:
        folders = {"CSIDL_LOCAL_APPDATA": str(home / "AppData" / "Local"), "CSIDL_COMMON_APPDATA": str(home / "PD")}
        assert csidl_name in folders, f"asked for {csidl_name}: the store must not roam"
        return folders[csidl_name]

    monkeypatch.setattr(platformdirs.windows, "get_win_folder", known_folder)


def test_windows_default_is_per_machine_in_programdata(windows: None, home: Path) -> None:
    """One store per laptop, whichever officer's Windows account starts the app (issue 19 §5)."""
    assert default_store_path({}, platform="win32") == home / "PD" / "Checkpoint" / "checkpoint.db"
    assert default_store_path({}, prefer="CHECKPOINT_DB", platform="win32") == \
        home / "PD" / "Checkpoint" / "checkpoint.db"                   # checkpoint-admin: the same store


@pytest.mark.parametrize("old", ["AppData/Local/Checkpoint/checkpoint.db", ".local/share/checkpoint/checkpoint.db"])
def test_windows_keeps_a_store_made_by_an_earlier_version(windows: None, home: Path, old: str) -> None:
    earlier = home / old        # %LOCALAPPDATA%\Checkpoint (0.1 on Windows), %USERPROFILE%\.local\share\checkpoint
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"")
    assert default_store_path({}, platform="win32") == earlier
    assert default_store_path({"CHECKPOINT_STORE": r"D:\stores\poipet.db"}, platform="win32") == \
        Path(r"D:\stores\poipet.db")
    new = home / "PD" / "Checkpoint" / "checkpoint.db"        # once the per-machine store exists, it wins
    new.parent.mkdir(parents=True)
    new.with_name("checkpoint.db.keys").write_bytes(b"{}")
    assert default_store_path({}, platform="win32") == new


def test_the_default_store_is_never_in_the_current_folder(home: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    (work / "checkpoint.db").write_bytes(b"")
    for platform in ("linux", "darwin"):
        assert work not in default_store_path({}, platform=platform).parents


def test_the_data_folder_is_made_private(tmp_path: Path) -> None:
    from checkpoint.paths import ensure_data_dir

    folder = ensure_data_dir(tmp_path / "new" / "checkpoint.db")
    assert folder.is_dir() and folder.stat().st_mode & 0o077 == 0


def test_macos_default(home: Path) -> None:
    assert default_store_path({}, platform="darwin") == home / "Library/Application Support/Checkpoint/checkpoint.db"


def test_checkpoint_admin_resolves_the_store_when_it_runs(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    from sync.device import cli  # checkpoint-admin; imported before the environment changes: nothing resolved yet

    monkeypatch.setenv("CHECKPOINT_PASSPHRASE", "any passphrase")
    monkeypatch.delenv("CHECKPOINT_STORE", raising=False)
    monkeypatch.delenv("CHECKPOINT_DB", raising=False)
    assert cli.main(["stats"]) == 4
    assert str(home / ".local/share/checkpoint/checkpoint.db") in capsys.readouterr().err
    monkeypatch.setenv("CHECKPOINT_DB", str(home / "late.db"))
    assert cli.main(["stats"]) == 4
    assert str(home / "late.db") in capsys.readouterr().err


def test_exports_start_in_documents_unless_onedrive_syncs_it(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 19 §5: an export holds personal data; it must not start in a synced folder nor the program's."""
    import platformdirs

    from checkpoint.paths import export_dir, synced_folder

    docs = home / "Documents"
    docs.mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(docs))
    assert export_dir({}) == docs
    onedrive = {"OneDrive": str(home / "OneDrive - Ministry")}
    synced = home / "OneDrive - Ministry" / "Documents"          # Known Folder Move redirected Documents
    synced.mkdir(parents=True)
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(synced))
    assert synced_folder(synced, onedrive) and not synced_folder(docs, onedrive)
    assert not synced_folder(home / "OneDrive - Ministry old", onedrive)     # a prefix is not a parent
    assert export_dir(onedrive) == home / "Checkpoint exports"
    assert export_dir({"OneDriveCommercial": str(home / "OneDrive - Ministry")}) == home / "Checkpoint exports"
