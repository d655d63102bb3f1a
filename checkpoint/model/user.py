"""User names and passphrases: what a valid one is. Roles and permissions are in ``checkpoint.model.roles``.

    >>> validate_username(" Dara ")
    'dara'

Raises ValidationError.
"""

from __future__ import annotations

import re
import unicodedata

from checkpoint.errors import ValidationError

__all__ = ["MIN_PASSPHRASE", "check_passphrase", "validate_username"]

MIN_PASSPHRASE = 10

_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")


def validate_username(name: object) -> str:
    if not isinstance(name, str) or not _USERNAME.match(name.strip().lower()):
        raise ValidationError("username", "use 2-32 letters, digits, dots, dashes or underscores, "
                                          "starting with a letter")
    return name.strip().lower()


def check_passphrase(passphrase: object) -> str:
    """Minimum policy: 10 characters, not one repeated character. The UI shows a strength hint on top."""
    if not isinstance(passphrase, str):
        raise ValidationError("passphrase", "is required")
    p = unicodedata.normalize("NFC", passphrase)
    if len(p) < MIN_PASSPHRASE:
        raise ValidationError("passphrase", f"must be at least {MIN_PASSPHRASE} characters")
    if len(set(p)) < 4:
        raise ValidationError("passphrase", "is too easy to guess")
    return p
