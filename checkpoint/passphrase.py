"""How strong a new passphrase must be: the one check every place that sets one uses.

    >>> check_passphrase("a brand new passphrase", username="sokha")
    'a brand new passphrase'
    >>> assess("password12").ok, assess("password12").message
    (False, 'is too easy to guess: it is a common password, a word, a name, a date or a pattern')

Each key slot (and each copy of the key file in a backup) is an offline guessing target at about 0.18 s per
guess on one core, far less on many. So a passphrase is refused when zxcvbn (Dropbox's estimator, kept at
``zxcvbn`` on PyPI; its dictionaries hold the common-password lists, English words, names and keyboard patterns)
estimates it falls in fewer than 10^8 guesses; when it is shorter than 12 characters unless the estimate
reaches 10^11 (an equivalent entropy); or when it contains the user name. Checked where a passphrase is set
(store creation, adding a user, a reset, a change, a recovery), never at sign-in: an old weak passphrase still
opens its account.

Raises ValidationError (field ``passphrase``) with a fixed English message that the UI translates.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from checkpoint.errors import ValidationError

__all__ = ["MAX_PASSPHRASE", "MIN_PASSPHRASE", "Strength", "assess", "check_passphrase"]

MIN_PASSPHRASE: Final = 12
MAX_PASSPHRASE: Final = 1024
_MIN_GUESSES_LOG10: Final = 8.0       # zxcvbn score 3
_SHORT_GUESSES_LOG10: Final = 11.0    # what a shorter passphrase must reach (zxcvbn rates 10 random characters 10^10)
_ZXCVBN_CHARS: Final = 72             # zxcvbn's own cap; its matching grows fast with length

MSG_REQUIRED: Final = "is required"
MSG_TOO_LONG: Final = "is too long (at most 1024 characters)"
MSG_COMMON: Final = "is too easy to guess: it is a common password, a word, a name, a date or a pattern"
MSG_SHORT: Final = "must be at least 12 characters (or much less predictable); several words are easiest"
MSG_USERNAME: Final = "must not contain the user name"


@dataclass(frozen=True)
class Strength:
    """``ok`` (it would be accepted), ``message`` (why not: a fixed English text, translated by the UI; "" when
    ok), ``score`` 0-4 (zxcvbn's) and ``guesses_log10``."""

    ok: bool
    message: str
    score: int
    guesses_log10: float


def assess(passphrase: object, *, username: str = "", hints: Iterable[str] = ()) -> Strength:
    """How strong ``passphrase`` is for the account ``username`` (``hints``: other words an attacker would try
    first, such as the display name or the checkpoint's name)."""
    if not isinstance(passphrase, str) or not passphrase:
        return Strength(False, MSG_REQUIRED, 0, 0.0)
    p = unicodedata.normalize("NFC", passphrase)
    if len(p) > MAX_PASSPHRASE:
        return Strength(False, MSG_TOO_LONG, 0, 0.0)
    from zxcvbn import zxcvbn  # imported when first needed: its dictionaries take ~0.2 s to load

    name = (username or "").strip().casefold()
    inputs = [w for w in (name, *(h.strip().casefold() for h in hints)) if w]
    result = zxcvbn(p[:_ZXCVBN_CHARS], user_inputs=inputs)
    score, guesses = int(result["score"]), float(result["guesses_log10"])
    if len(name) >= 3 and name in p.casefold():
        return Strength(False, MSG_USERNAME, min(score, 1), guesses)
    if guesses < _MIN_GUESSES_LOG10:
        return Strength(False, MSG_COMMON, score, guesses)
    if len(p) < MIN_PASSPHRASE and guesses < _SHORT_GUESSES_LOG10:
        return Strength(False, MSG_SHORT, score, guesses)
    return Strength(True, "", score, guesses)


def check_passphrase(passphrase: object, *, username: str = "", hints: Iterable[str] = ()) -> str:
    """The passphrase (NFC-normalised) if it is strong enough for ``username``; ValidationError otherwise."""
    s = assess(passphrase, username=username, hints=hints)
    if not s.ok:
        raise ValidationError("passphrase", s.message)
    return unicodedata.normalize("NFC", str(passphrase))
