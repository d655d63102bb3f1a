"""How values read on screen: the current language, code-list labels and local dates and times. Pure functions over
the running application's :class:`ui.i18n.Language`; no Qt widgets.

    current_language()                          # "en", "km" or "pseudo" (what the user chose at sign-in)
    content_language()                          # "km" or "en": for content that exists in those two only
    code_label("provinces", "01")               # "Banteay Meanchey" (Khmer in Khmer); an unknown code shows as is
    code_text(codelists.codes("sexes")[0])      # the label of a Code value in the content language
    local_datetime("2026-11-22T03:00:00+00:00") # "2026-11-22 10:00" (checkpoint time, UTC+7)
    local_date("2026-11-22T20:00:00+00:00")     # "2026-11-23"
    checkpoint_label("", "ARANYA_STATION")      # "another checkpoint (ARANYA_STATION)": where an arrival was

Nothing here raises for a bad value: a screen shows what was recorded rather than fail.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from checkpoint import codelists
from checkpoint.codelists import Code
from checkpoint.site import LOCAL_TZ
from ui.i18n import Language
from ui.qt import QCoreApplication

__all__ = ["checkpoint_label", "code_label", "code_text", "content_language", "current_language", "local_date",
           "local_datetime"]


def current_language() -> str:
    """The UI language of the running application ("en" without one, e.g. in a plain unit test)."""
    return Language.of().code if QCoreApplication.instance() is not None else "en"


def content_language() -> str:
    """The language for content that exists in English and Khmer only (code lists, checklists, slips): "km" when
    the UI runs in Khmer, else "en" (the pseudo-locale included)."""
    return "km" if current_language() == "km" else "en"


def code_text(code: Code) -> str:
    """The label of a code-list entry in the content language; Khmer falls back to English when it has none."""
    return (code.label_km or code.label_en) if content_language() == "km" else code.label_en


def code_label(list_name: str, code: Any) -> str:
    """The label of a code in the content language; "" for no code. A code the list does not know (free text, a
    retired list, an unknown list) shows as it was recorded: this never raises."""
    if code is None or code == "":
        return ""
    try:
        return codelists.label(list_name, str(code), content_language())
    except Exception:  # an unknown code or list must not break a screen: show what was recorded
        return str(code)


def local_datetime(iso: str | None) -> str:
    """An ISO timestamp from the store as local checkpoint time, ``YYYY-MM-DD HH:MM`` ('' when empty; a value that
    is not a timestamp shows as is)."""
    if not iso:
        return ""
    try:
        return datetime.fromisoformat(iso).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(iso)


def local_date(iso: str | None) -> str:
    """An ISO timestamp as the local (checkpoint, UTC+7) date, ``YYYY-MM-DD``; a timestamp without a zone is taken
    as it is, a value that is not a timestamp shows its first ten characters."""
    if not iso:
        return ""
    try:
        dt = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)[:10]
    if dt.tzinfo is None:
        return dt.date().isoformat()
    return dt.astimezone(LOCAL_TZ).date().isoformat()


def checkpoint_label(name: str | None, station: str | None) -> str:
    """Where an arrival was registered: the checkpoint's name (``checkpoint.services.records.arrival_places``), or,
    when this device does not know it (an arrival pulled from a checkpoint HQ has not named to it yet), "another
    checkpoint (station code)" rather than a bare code."""
    if name:
        return name
    return QCoreApplication.translate("Checkpoint", "another checkpoint (%1)").replace("%1", station or "?")
