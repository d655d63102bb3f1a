"""What the desk says after a passport scan, in one place (one translation context, ``PassportScan``) for the full
registration's identity page and the quick registration form, which read the same machine-readable zone with the
same parser (``RegistrationFlow.apply_mrz``).

    >>> status = scan_status(flow.apply_mrz(text))        # doctest: +SKIP
    'Passport read: all check digits correct. Names are not check-digit protected: confirm them.'

Strings only: no widget, no store.
"""

from __future__ import annotations

from typing import Any

from ui.qt import QCoreApplication

__all__ = ["other_layout_message", "scan_status", "unreadable_message"]

# Each string is QCoreApplication.translate with the literal context "PassportScan", where lupdate finds it.


def scan_status(res: Any) -> str:
    """The sentence after a scan the parser read (``res``: its result, with ``valid``, ``failed_checks`` and
    ``warnings``): the check digits, an expired passport, and that names carry no check digit."""
    if res.valid:
        parts = [QCoreApplication.translate("PassportScan", "Passport read: all check digits correct.")]
    else:
        parts = [QCoreApplication.translate(
            "PassportScan", "Some check digits do not match (%1): re-scan, or check the fields by hand. "
            "This is not evidence of forgery.").replace("%1", ", ".join(sorted(res.failed_checks)))]
    if "expired" in (getattr(res, "warnings", ()) or ()):
        parts.append(QCoreApplication.translate("PassportScan", "The passport has expired."))
    parts.append(QCoreApplication.translate("PassportScan", "Names are not check-digit protected: confirm them."))
    return " ".join(parts)


def other_layout_message() -> str:
    """A scan typed through a non-English keyboard layout (``ui.keyboard_layout.typed_in_another_layout``)."""
    return QCoreApplication.translate("PassportScan", "The scan arrived in another keyboard layout, not English. "
                                      "Switch the keyboard to English (Win+Space), then scan again.")


def unreadable_message() -> str:
    """A scan the parser could not read."""
    return QCoreApplication.translate("PassportScan", "Could not read the document. Re-scan it, or type the details.")
