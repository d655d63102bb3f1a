"""Issue 19 §7: the bundle's third-party licence notices and the Windows version resource, both generated from
what is installed and from pyproject.toml, checked on any platform."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem + "_under_test", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_notices_name_and_quote_the_licences_of_what_the_bundle_carries(tmp_path: Path) -> None:
    notices = _load(ROOT / "packaging" / "notices.py")
    out = notices.write(tmp_path / "THIRD-PARTY-NOTICES.txt")
    text = out.read_text(encoding="utf-8")
    names = {d.metadata["Name"].lower().replace("_", "-") for d in notices.bundled_distributions()}
    assert {"pyside6-essentials", "shiboken6", "cryptography", "sqlcipher3", "psycopg", "psycopg-binary", "httpx",
            "fastapi"} <= names
    assert not names & {"pytest", "mypy", "pyinstaller", "ruff", "pip"}           # dev tools are not shipped
    assert "PySide6_Essentials 6." in text and "LGPL-3.0-only" in text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "Version 3" in text      # the LGPL's text, not a name
    assert "cryptography" in text and "Apache License" in text and "BSD" in text    # its licence files, quoted
    assert "OpenSSL" in text and "SQLCipher" in text and "PSF-2.0" in text


def test_the_version_resource_carries_the_project_version(tmp_path: Path) -> None:
    vi = _load(ROOT / "packaging" / "windows" / "version_info.py")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    text = vi.write(tmp_path / "v.txt", "checkpoint", version, "checkpoint-admin").read_text(encoding="utf-8")
    seen: dict[str, Any] = {}

    def record(kind: str) -> Any:
        def make(*args: Any, **kwargs: Any) -> Any:
            seen.setdefault(kind, []).append((args, kwargs))
            return (kind, args, kwargs)
        return make

    # PyInstaller evaluates the file with these names bound to its classes (versioninfo.py needs pefile, which
    # only Windows builds have); the same evaluation with recorders checks the syntax and the values.
    names = {k: record(k) for k in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable",
                                    "StringStruct", "VarFileInfo", "VarStruct")}
    eval(compile(text, "v.txt", "eval"), names)
    strings = {a[0]: a[1] for a, _k in seen["StringStruct"]}
    assert strings["ProductVersion"] == version and strings["OriginalFilename"] == "checkpoint-admin.exe"
    assert strings["FileVersion"] == ".".join((version.split(".") + ["0"] * 4)[:4])
    assert seen["FixedFileInfo"][0][1]["filevers"] == vi.version_tuple(version)
    assert vi.version_tuple("1.2.3rc1+local") == (1, 2, 3, 0) and vi.version_tuple("2.0") == (2, 0, 0, 0)
