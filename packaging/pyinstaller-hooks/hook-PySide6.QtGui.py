# Checkpoint's replacement for PyInstaller's own QtGui hook (hooks in packaging/pyinstaller-hooks take precedence).
# It collects what PyInstaller would, minus the Qt plugins the app never uses. They are removed HERE, before
# PyInstaller follows their shared-library dependencies: dropping them after the Analysis would leave behind
# what they pulled in (QtPdf, QtSvg, Wayland, EGL, GTK, ...).
#
# Kept: platforms xcb (a Linux desktop; Wayland desktops run it through XWayland), offscreen (the self-test) and
# minimal, plus windows/cocoa on those systems; the ibus and compose input contexts (typing Khmer through IBus;
# they need QtDBus); the gif/ico/jpeg image formats; printing support (referral slips).

from PyInstaller.utils.hooks import logger
from PyInstaller.utils.hooks.qt import add_qt6_dependencies

DROP = (
    "platforms/libqwayland", "platforms/libqeglfs", "platforms/libqminimalegl", "platforms/libqlinuxfb",
    "platforms/libqvnc", "platforms/libqvkkhrdisplay", "platforms/qdirect2d",
    "platformthemes/",                  # GTK and XDG-portal themes: pull in GTK/DBus portals; the app styles itself
    "wayland-", "egldeviceintegrations/", "xcbglintegrations/", "accessiblebridge/",
    "imageformats/libqpdf", "imageformats/qpdf", "imageformats/libqsvg", "imageformats/qsvg",
    "imageformats/libqicns", "imageformats/qicns", "imageformats/libqtiff", "imageformats/qtiff",
    "imageformats/libqwebp", "imageformats/qwebp", "imageformats/libqtga", "imageformats/qtga",
    "imageformats/libqwbmp", "imageformats/qwbmp",
    "iconengines/", "generic/", "networkinformation/", "tls/",
)


def _plugin(src, dest):
    dest = dest.replace("\\", "/")
    if "/plugins/" not in dest + "/":
        return None
    kind = (dest + "/").split("/plugins/", 1)[1]
    return kind + src.replace("\\", "/").rsplit("/", 1)[-1]


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
_dropped = [b for b in binaries if (_plugin(*b) or "").startswith(DROP)]
binaries = [b for b in binaries if b not in _dropped]
logger.info("checkpoint: QtGui hook left out %d unused Qt plugins", len(_dropped))
