"""``checkpoint --self-test``: prove that this installation works, with no display, no network and no real data.

    $ checkpoint-console --self-test            # in an installed bundle (checkpoint.exe has no console on Windows)
    $ .venv/bin/checkpoint --self-test          # from a source checkout
    ok      encrypted store: SQLCipher 4.x in use; the file does not start with the plain SQLite header
    ...
    Self-test passed: 7 checks in 1.4 s.

    >>> run_self_test(verbose=False)            # doctest: +SKIP
    0

Every check runs inside a temporary folder that is removed at the end; the user's own store is never opened.
Qt runs offscreen (QT_QPA_PLATFORM=offscreen is set before the QApplication is created). One line is printed per
check, "ok ..." or "FAILED ...: plain reason"; a "warn" line names something this machine lacks that the bundle
cannot bring (the X11 libraries a window needs on Linux) and does not fail the test. Returns 0 when every check
passed, 1 otherwise. Never raises and never prints a traceback.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import logging
import os
import re
import secrets
import socket
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["CheckFailed", "run_self_test"]

EXIT_OK, EXIT_FAILED = 0, 1
KHMER_SAMPLE = "សុខ ដារា"
# One string from the Khmer translation that the login screen shows (ui/windows/login.py).
KNOWN_STRING = ("LoginWindow", "Sign in")
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
# What a window needs on Debian/Ubuntu beyond what the bundle brings (the Qt wheel does not ship them).
DISPLAY_PACKAGES = "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0"
HQ_CLIENT_MAX_SECONDS = 5.0


class CheckFailed(Exception):
    """A check failed; the message is the plain reason printed after "FAILED <check>:"."""


class Warned(Exception):
    """A check found something the machine lacks that does not stop the test; the message says how to fix it."""


def _say(line: str, verbose: bool) -> None:
    """Print one line even where the console cannot show Khmer (Windows code pages) or there is no console."""
    if not verbose or sys.stdout is None:
        return
    enc = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        sys.stdout.write(line.encode(enc, "backslashreplace").decode(enc) + "\n")
        sys.stdout.flush()
    except (OSError, ValueError, LookupError):
        pass


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("checkpoint")
    except Exception:  # no metadata in this layout: not worth failing over
        return "(version unknown)"


# ---------------------------------------------------------------------------------------------- the checks
class _Context:
    """What the checks share: the temporary folder, the store's paths and the QApplication once started."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.store = tmp / "selftest.db"
        self.passphrase = secrets.token_urlsafe(18)      # a throw-away store nobody signs in to
        self.person_id = ""
        self.qapp: Any = None
        self.qt_error = ""


def check_store(ctx: _Context) -> str:
    """Create an encrypted store, prove SQLCipher is in use, register one arrival and read it back after reopening."""
    from checkpoint import crypto
    from checkpoint.services import create_store, unlock

    kdf = crypto.KdfParams.fast()          # a throw-away store: the slow KDF proves nothing more here
    session, _code = create_store(ctx.store, checkpoint_name="Self-test", username="selftest",
                                  display_name="Self test", passphrase=ctx.passphrase, kdf=kdf)
    try:
        cipher = session.maintenance.cipher_version()
        if not cipher:
            raise CheckFailed("the database driver has no encryption (PRAGMA cipher_version is empty)")
        reg = session.registrations.register(
            person={"family_name": "SELFTESTFAMILY", "given_names": "SELFTEST", "name_khmer": KHMER_SAMPLE,
                    "sex": "F", "date_of_birth": "1990-05-17", "id_document_type": "PASSPORT",
                    "id_document_number": "ZZ9876543", "home_province": "01"},
            encounter={"return_type": "DEPORTED_G2G", "country_of_work": "THA"},
            consents={"screening": True, "storage": True, "referral": True, "sharing": True},
            trafficking={"ticked": []}, tb={})
        ctx.person_id = reg.person_id
    finally:
        session.lock()                     # closing checkpoints the WAL into the database file
    head = ctx.store.read_bytes()[:16] if ctx.store.exists() else b""
    if len(head) < 16:
        raise CheckFailed(f"the database file was not written ({ctx.store})")
    if head == SQLITE_PLAIN_HEADER:
        raise CheckFailed("the database file starts with the plain SQLite header: it is NOT encrypted")
    for f in ctx.tmp.iterdir():
        if f.name.startswith(ctx.store.name) and b"SELFTESTFAMILY" in f.read_bytes():
            raise CheckFailed(f"a name written to the store can be read in plain text in {f.name}")
    session = unlock(ctx.store, "selftest", ctx.passphrase)
    try:
        rec = session.records.get(ctx.person_id)
        person, encounters = rec["person"], rec["encounters"]
        if person.get("family_name") != "SELFTESTFAMILY" or person.get("name_khmer") != KHMER_SAMPLE:
            raise CheckFailed("the record read back differs from the one written")
        if not encounters or not encounters[0].get("trafficking") or not encounters[0].get("tb"):
            raise CheckFailed("the screens written with the record were not read back")
    finally:
        session.lock()
    return (f"encrypted store: SQLCipher {cipher} in use, no plain SQLite header, no readable names; one "
            "registration (with both screens) written, reopened and read back")


def _qt_plugin_dirs() -> list[Path]:
    """Where Qt's plugins are, from a source venv or a PyInstaller bundle (same layout under PySide6/)."""
    dirs = [Path(p) for p in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    spec = importlib.util.find_spec("PySide6")
    for loc in (spec.submodule_search_locations or []) if spec else []:
        dirs += [Path(loc) / "Qt" / "plugins", Path(loc) / "plugins"]      # Linux/macOS wheel, Windows wheel
    return [d for d in dirs if d.is_dir()]


def _find_plugin(kind: str, stem: str) -> Path | None:
    for d in _qt_plugin_dirs():
        for f in sorted((d / kind).glob(f"*{stem}.*")) if (d / kind).is_dir() else []:
            if f.suffix in (".so", ".dll", ".dylib"):
                return f
    return None


def check_qt(ctx: _Context) -> str:
    """Start Qt offscreen (a missing platform plugin would otherwise abort the process with no message)."""
    if _find_plugin("platforms", "qoffscreen") is None:
        ctx.qt_error = "Qt did not start"
        raise CheckFailed("Qt's offscreen platform plugin is missing from this installation (PySide6 plugins/"
                          "platforms): the installation is incomplete; reinstall it")
    from ui.qt import QApplication, QGuiApplication

    qapp = QApplication.instance()
    if qapp is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        qapp = QApplication(["checkpoint-self-test"])
    ctx.qapp = qapp
    import PySide6

    return f"Qt {PySide6.__version__}: started ({QGuiApplication.platformName()} platform)"


def _need_qt(ctx: _Context) -> None:
    if ctx.qapp is None:
        raise CheckFailed(f"not checked: {ctx.qt_error or 'Qt did not start'}")


def check_khmer_font(ctx: _Context) -> str:
    """Load the bundled Noto Sans Khmer, check it covers Khmer and draw a name with it offscreen."""
    _need_qt(ctx)
    from ui.i18n import ensure_khmer_font
    from ui.qt import QColor, QFont, QFontDatabase, QImage, QPainter, Qt
    from ui.resources import khmer_font_path

    path = khmer_font_path()
    family = ensure_khmer_font()
    if not family:
        where = str(path) if path else "not found (neither ui/assets/NotoSansKhmer.ttf nor the font package)"
        raise CheckFailed(f"the Khmer font could not be loaded from {where}: Khmer names would not display")
    if QFontDatabase.WritingSystem.Khmer not in QFontDatabase.writingSystems(family):
        raise CheckFailed(f"the font {family!r} loaded from {path} does not cover Khmer script")
    img = QImage(360, 80, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    try:
        font = QFont()
        font.setFamilies([family])
        font.setPixelSize(36)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(img.rect(), int(Qt.AlignmentFlag.AlignCenter), KHMER_SAMPLE)
    finally:
        painter.end()
    white = QColor("white").rgb()
    inked = sum(1 for y in range(0, img.height(), 2) for x in range(0, img.width(), 2) if img.pixel(x, y) != white)
    if inked < 100:
        raise CheckFailed(f"drawing a Khmer name with {family!r} left the image blank ({inked} marked pixels)")
    return f"Khmer font: {family} ({path.name if path else '?'}) renders a Khmer name ({inked} marked pixels sampled)"


def check_translation(ctx: _Context) -> str:
    """Load the Khmer translation (.qm) through the app's own code path and translate one known string."""
    _need_qt(ctx)
    from ui.i18n import set_language
    from ui.qt import QCoreApplication
    from ui.resources import translations_dir

    qm = translations_dir() / "checkpoint_km.qm"
    if not qm.is_file():
        raise CheckFailed(f"the Khmer translation file is missing ({qm}): the interface could only be shown in "
                          "English")
    i18n_log = logging.getLogger("ui.i18n")
    level = i18n_log.level
    i18n_log.setLevel(logging.ERROR)       # its developer hint ("run make qm") would only confuse here
    try:
        if not set_language(ctx.qapp, "km"):
            raise CheckFailed(f"the Khmer translation file could not be read ({qm}): it is damaged")
        context, source = KNOWN_STRING
        translated = QCoreApplication.translate(context, source)
    finally:
        set_language(ctx.qapp, "en")
        i18n_log.setLevel(level)
    if not translated or translated == source or not re.search("[\u1780-\u17ff]", translated):
        raise CheckFailed(f"the Khmer translation does not translate {source!r} ({qm})")
    return f"Khmer translation: {qm.name} loaded; {source!r} is translated"


def check_display_libraries(ctx: _Context) -> str:
    """Linux: the X11 platform plugin must load, or the app cannot open a window (it needs system libraries)."""
    if not sys.platform.startswith("linux"):
        plugin = _find_plugin("platforms", "qwindows" if sys.platform == "win32" else "qcocoa")
        if plugin is None:
            raise CheckFailed("Qt's platform plugin for this system is missing: the installation is incomplete")
        return f"display: Qt platform plugin {plugin.name} present"
    plugin = _find_plugin("platforms", "qxcb")
    if plugin is None:
        raise CheckFailed("Qt's X11 platform plugin (libqxcb) is missing: the installation is incomplete")
    try:
        ctypes.CDLL(str(plugin))
    except OSError as e:
        # A frozen bundle wraps the loader's message (PyInstallerImportError); the cause holds the real one.
        why = " ".join(str(x) for x in (e, e.__cause__, e.__context__) if x is not None)
        missing = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*): cannot open shared object", why)
        if not missing:
            raise Warned(f"display: Qt's X11 plugin does not load on this machine ({why}); the window may not open. "
                         f"On Debian/Ubuntu: sudo apt-get install {DISPLAY_PACKAGES}") from None
        so = missing.group(1)
        stem, _, ver = so.partition(".so")
        ver = ver.lstrip(".").split(".")[0]
        package = f"{stem}{'-' if stem[-1:].isdigit() else ''}{ver}"
        raise Warned(f"display: this machine lacks {so} (Debian/Ubuntu package {package}), so the window cannot "
                     f"open here (the self-test itself needs none). Install: sudo apt-get install "
                     f"{DISPLAY_PACKAGES}") from None
    return "display: Qt's X11 platform plugin loads (the system libraries a window needs are installed)"


@contextlib.contextmanager
def _closed_port() -> Iterator[int]:
    """A 127.0.0.1 port that nothing listens on: bound, never listened on, held until the check is over."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        s.bind(("127.0.0.1", 0))
        yield int(s.getsockname()[1])
    finally:
        s.close()


def check_hq_client(ctx: _Context) -> str:
    """Start and stop the HQ client: an unreachable HQ must be reported as "unavailable", quickly."""
    import certifi

    from sync.device.transport import HttpTransport
    from sync.errors import SyncUnavailable

    if not Path(certifi.where()).is_file():
        raise CheckFailed(f"the list of trusted certificate authorities is missing ({certifi.where()}): HTTPS to HQ "
                          "would fail; the installation is incomplete")
    with _closed_port() as port:
        t0 = time.monotonic()
        with HttpTransport(f"http://127.0.0.1:{port}", timeout=HQ_CLIENT_MAX_SECONDS) as transport:
            try:
                transport.health()
            except SyncUnavailable:
                pass
            else:
                raise CheckFailed(f"something answered on 127.0.0.1:{port}, where nothing should listen")
        elapsed = time.monotonic() - t0
    if elapsed > HQ_CLIENT_MAX_SECONDS:
        raise CheckFailed(f"an unreachable HQ took {elapsed:.1f} s to be reported (expected well under "
                          f"{HQ_CLIENT_MAX_SECONDS:.0f} s)")
    return (f"HQ client: an unreachable HQ is reported as unavailable in {elapsed:.2f} s (no network used); "
            "trusted certificate authorities present")


CHECKS: tuple[tuple[str, Callable[[_Context], str]], ...] = (
    ("encrypted store", check_store),
    ("Qt", check_qt),
    ("Khmer font", check_khmer_font),
    ("Khmer translation", check_translation),
    ("display", check_display_libraries),
    ("HQ client", check_hq_client),
)


# ---------------------------------------------------------------------------------------------- the runner
def _plain(e: BaseException) -> str:
    from checkpoint.errors import CheckpointError

    if isinstance(e, CheckFailed | CheckpointError):
        return str(e)
    if isinstance(e, ImportError):
        return f"a part of the program is missing ({e}): the installation is incomplete; reinstall it"
    return f"unexpected {type(e).__name__}: {e}"


def run_self_test(*, verbose: bool = True) -> int:
    """Run every check, print one line each, and return 0 when all passed (1 otherwise). Never raises."""
    t0 = time.monotonic()
    frozen = bool(getattr(sys, "frozen", False))
    where = Path(sys.executable).parent if frozen else Path(__file__).resolve().parent.parent
    _say(f"Checkpoint {_version()} self-test ({'installed bundle' if frozen else 'source tree'}: {where})", verbose)
    failed = warned = 0
    try:
        with tempfile.TemporaryDirectory(prefix="checkpoint-selftest-", ignore_cleanup_errors=True) as tmp:
            ctx = _Context(Path(tmp))
            for name, check in CHECKS:
                try:
                    _say(f"ok      {check(ctx)}", verbose)
                except Warned as w:
                    warned += 1
                    _say(f"warn    {w}", verbose)
                except Exception as e:
                    failed += 1
                    _say(f"FAILED  {name}: {_plain(e)}", verbose)
    except Exception as e:                # the temporary folder itself: no place to work in
        failed += 1
        _say(f"FAILED  temporary folder: {_plain(e)}", verbose)
    elapsed = time.monotonic() - t0
    if failed:
        _say(f"Self-test FAILED: {failed} of {len(CHECKS)} checks failed ({elapsed:.1f} s). This installation "
             "is not ready; the lines above say why.", verbose)
        return EXIT_FAILED
    note = f" ({warned} warning{'s' if warned != 1 else ''}: see above)" if warned else ""
    _say(f"Self-test passed: {len(CHECKS)} checks in {elapsed:.1f} s{note}.", verbose)
    return EXIT_OK
