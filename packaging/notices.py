"""Third-party licence notices for the bundle, generated from the installed distributions (importlib.metadata).

    python packaging/notices.py dist/checkpoint/THIRD-PARTY-NOTICES.txt     # packaging/build.py does this

What the bundle carries is Checkpoint's base, [desktop] and [hq] dependencies and everything they require
(evaluated for this platform). For each distribution: name, version, the licence it declares (License-Expression,
License or the classifiers), its home page, and the text of every licence file in its metadata (License-File,
or LICENSE/COPYING/NOTICE files it installed). Then the libraries that wheels link in without a distribution of
their own (Qt, OpenSSL, SQLCipher, libpq), and the full texts in packaging/licenses/ that some licences refer to
but some wheels do not ship (LGPL v3 for Qt for Python). Python's own licence comes from the interpreter.

The same on Linux and Windows; tests/packaging/test_notices.py checks PySide6 and cryptography are in it.
"""

from __future__ import annotations

import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LICENSES = Path(__file__).resolve().parent / "licenses"
BUNDLED_EXTRAS = ("desktop", "hq")
NOT_BUNDLED = {"pip", "setuptools"}   # a dependency's own command line needs them; checkpoint.spec excludes them
LICENSE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)

# Native code inside wheels, with no distribution of its own to read a licence from.
EMBEDDED = [
    ("Qt 6 (inside PySide6-Essentials)", "LGPL-3.0-only (see the LGPL v3 and GPL v3 texts below)",
     "https://www.qt.io/licensing/  -  Qt's source: https://download.qt.io/official_releases/qt/"),
    ("OpenSSL 3 (inside cryptography and psycopg-binary)", "Apache-2.0 (text below)", "https://www.openssl.org/"),
    ("SQLCipher (inside sqlcipher3)", "BSD-style licence of Zetetic LLC",
     "https://www.zetetic.net/sqlcipher/license/"),
    ("libpq, PostgreSQL's client library (inside psycopg-binary)", "PostgreSQL Licence",
     "https://www.postgresql.org/about/licence/"),
    ("HarfBuzz, the text shaping engine (inside uharfbuzz)", "MIT (\"Old MIT\")",
     "https://github.com/harfbuzz/harfbuzz/blob/main/COPYING"),
]


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;(]", requirement, maxsplit=1)[0]


def bundled_distributions(extras: tuple[str, ...] = BUNDLED_EXTRAS) -> list[metadata.Distribution]:
    """The installed distributions the bundle is made of (Checkpoint's requirements, recursively), sorted."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"]) + [r for e in extras for r in project["optional-dependencies"][e]]
    env = default_environment()
    seen: dict[str, metadata.Distribution] = {}
    queue = [Requirement(r) for r in wanted]
    while queue:
        req = queue.pop()
        if req.marker is not None and not req.marker.evaluate({**env, "extra": ""}):
            continue
        key = req.name.lower().replace("_", "-")
        if key in seen or key in NOT_BUNDLED:
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            continue                                   # not for this platform, or not installed: not bundled
        seen[key] = dist
        for sub in dist.requires or []:
            r = Requirement(sub)
            if r.marker is None or r.marker.evaluate({**env, "extra": ""}) or any(
                    r.marker.evaluate({**env, "extra": e}) for e in req.extras):
                queue.append(Requirement(r.name + (f"[{','.join(sorted(r.extras))}]" if r.extras else "")))
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def declared_licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    short = (meta.get("License") or "").strip()
    if short and len(short) < 100:
        return short
    return "; ".join(classifiers) or "see the licence text below"


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of each licence file the distribution installed."""
    out = []
    for f in dist.files or []:
        if ".dist-info" in str(f) and LICENSE_FILE.search(f.name):
            try:
                text = f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if text and text.strip():
                out.append((str(f.name), text.strip()))
    return out


def _python_licence() -> str:
    for candidate in (Path(sys.base_prefix) / "LICENSE.txt",
                      Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" /
                      "LICENSE.txt"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace").strip()
    return "Python Software Foundation License Version 2 (PSF-2.0): https://docs.python.org/3/license.html"


def render() -> str:
    rule = "=" * 100
    parts = ["Checkpoint: third-party software notices",
             "",
             "Checkpoint's bundle contains the following third-party software. Each is used under the licence",
             "named below; the licence texts follow. Generated at build time from the installed packages.",
             ""]
    dists = bundled_distributions()
    for d in dists:
        parts.append(f"  {d.metadata['Name']} {d.version}: {declared_licence(d)}")
    parts += ["", "Included inside the packages above:"]
    parts += [f"  {name}: {lic}  ({url})" for name, lic, url in EMBEDDED]
    parts += ["", f"  Python {sys.version_info[0]}.{sys.version_info[1]} (the interpreter): PSF-2.0", ""]
    for d in dists:
        meta = d.metadata
        home = meta.get("Home-page") or next((u.split(",", 1)[-1].strip() for u in meta.get_all("Project-URL") or []
                                              if u.lower().startswith(("homepage", "source", "repository"))), "")
        parts += [rule, f"{meta['Name']} {d.version}", f"Licence: {declared_licence(d)}"]
        if home:
            parts.append(f"Home: {home}")
        texts = licence_texts(d)
        if not texts:
            parts.append("(The package ships no licence file; the licence named above applies.)")
        for fname, text in texts:
            parts += ["", f"--- {fname} ---", text]
        parts.append("")
    parts += [rule, f"Python {sys.version.split()[0]}", "", _python_licence(), ""]
    for f in sorted(LICENSES.glob("*.txt")):
        parts += [rule, f"Full text: {f.stem}", "", f.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(parts)


def write(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(), encoding="utf-8")
    return out


if __name__ == "__main__":
    target = write(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "THIRD-PARTY-NOTICES.txt")
    print(target)
