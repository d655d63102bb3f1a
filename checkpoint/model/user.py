"""User names and passphrases: what a valid one is. Roles and permissions are in ``checkpoint.model.roles``.

    >>> validate_username(" Dara ")
    'dara'

Raises ValidationError.
"""

from __future__ import annotations

import re

from checkpoint.errors import ValidationError
from checkpoint.passphrase import MIN_PASSPHRASE, check_passphrase

__all__ = ["MIN_PASSPHRASE", "check_passphrase", "validate_username"]

_USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,31}$")


def validate_username(name: object) -> str:
    if not isinstance(name, str) or not _USERNAME.match(name.strip().lower()):
        raise ValidationError("username", "use 2-32 letters, digits, dots, dashes or underscores, "
                                          "starting with a letter")
    return name.strip().lower()
