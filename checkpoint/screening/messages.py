"""Messages the officer reads aloud, kept translatable: a fixed English template with numbered placeholders
(``%1`` .. ``%9``) and its arguments, never a sentence glued together from pieces.

    >>> from checkpoint.screening.trafficking import MSG_COUNTED_AS, MSG_GRADE_S
    >>> m = Msg(MSG_COUNTED_AS, ("ILO-CD-1", Msg(MSG_GRADE_S)))
    >>> m.english()
    'ILO-CD-1 (counted as strong)'
    >>> render(m.to_dict(), lambda s: s.upper(), "en")
    'ILO-CD-1 (COUNTED AS STRONG)'

The templates are ``MSG_*`` module constants where they are defined (``checkpoint/screening/trafficking.py``, ...),
so ``tools/core_messages.py`` collects them and Qt's lupdate offers them for translation in the "Core" context. The
UI renders a message with ``render(message, translate, language)``: ``translate`` is its ``tr("Core", ...)`` (the
core never imports Qt), ``language`` picks the Khmer or English side of content that is bilingual already (a
dimension's name, the checklist's label). An argument is:

- a plain ``str`` or ``int``: shown as it is (codes, ids, numbers, versions);
- a :class:`Msg`: translated and rendered in turn;
- a :class:`Content`: bilingual content (its ``en`` or ``km``);
- a :class:`Join`: several arguments joined by ", ".

``Msg.to_dict()`` is JSON (a record read by the CLI is printed as JSON); ``render`` takes either form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Union

__all__ = ["MSG_CANNOT_REEXPLAIN", "MSG_NOT_SCREENED", "Content", "Join", "Msg", "render"]

# What a record's reader shows instead of a regenerated explanation (checkpoint/services/records.py).
MSG_NOT_SCREENED: Final = "The checklist was not asked: not screened (this is not a finding of no indicators)."
MSG_CANNOT_REEXPLAIN: Final = ("Recorded with %1 version %2, which this version of Checkpoint cannot re-explain; the "
                               "recorded result stands.")

_PLACEHOLDER = re.compile(r"%([1-9])")

Arg = Union[str, int, "Msg", "Content", "Join"]


@dataclass(frozen=True)
class Content:
    """Bilingual content (from a versioned content file): shown in the UI's content language."""

    en: str
    km: str

    def to_dict(self) -> dict[str, Any]:
        return {"en": self.en, "km": self.km}


@dataclass(frozen=True)
class Join:
    """Arguments shown as a list, separated by ", "."""

    items: tuple[Arg, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"join": [_arg_dict(a) for a in self.items]}


@dataclass(frozen=True)
class Msg:
    """A fixed English template (a ``MSG_*`` constant) and its arguments."""

    text: str
    args: tuple[Arg, ...] = ()

    def english(self) -> str:
        """The message in English (what the audit record and the CLI show)."""
        return render(self, lambda s: s, "en")

    def to_dict(self) -> dict[str, Any]:
        """The message as JSON: ``{"text": template, "args": [...]}``."""
        return {"text": self.text, "args": [_arg_dict(a) for a in self.args]}


def _arg_dict(a: Arg) -> Any:
    return a if isinstance(a, str | int) else a.to_dict()


def render(message: Msg | Mapping[str, Any], translate: Callable[[str], str], language: str) -> str:
    """The message with its template translated by ``translate`` and each ``%N`` replaced by its argument, rendered
    the same way (one pass: an argument's text is never read for placeholders). ``language`` ("en" or "km")
    chooses the side of bilingual content. A placeholder without its argument is left as it is."""
    if isinstance(message, Msg):
        text, args = message.text, list(message.args)
    else:
        text, args = str(message.get("text", "")), list(message.get("args") or [])
    rendered = [_render_arg(a, translate, language) for a in args]

    def fill(m: re.Match[str]) -> str:
        i = int(m.group(1)) - 1
        return rendered[i] if i < len(rendered) else m.group(0)
    return _PLACEHOLDER.sub(fill, translate(text))


def _render_arg(a: Any, translate: Callable[[str], str], language: str) -> str:
    if isinstance(a, Msg):
        return render(a, translate, language)
    if isinstance(a, Content):
        return (a.km or a.en) if language == "km" else a.en
    if isinstance(a, Join):
        return ", ".join(_render_arg(x, translate, language) for x in a.items)
    if isinstance(a, Mapping):
        if "text" in a:
            return render(a, translate, language)
        if "join" in a and isinstance(a["join"], Sequence):
            return ", ".join(_render_arg(x, translate, language) for x in a["join"])
        if "en" in a:
            return str((a.get("km") or a["en"]) if language == "km" else a["en"])
        return ""
    return str(a)
