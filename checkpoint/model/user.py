"""Users and roles, and what each role may do. Enforced by the services, never only by the UI.

    >>> can("health_worker", "view_trafficking")
    False
"""

from __future__ import annotations

import re
import unicodedata

from checkpoint.errors import ValidationError

__all__ = ["MIN_PASSPHRASE", "PERMISSIONS", "ROLES", "can", "check_passphrase", "validate_username"]

ROLES = ("officer", "health_worker", "supervisor", "admin")
MIN_PASSPHRASE = 10

# view_list: the checkpoint's list of persons (identity only)
# view_identity: a person's identity and arrivals
# view_trafficking: trafficking answers and protection-referral details
# view_own_trafficking: trafficking answers of arrivals this user registered
# view_tb: TB screens and health referrals
PERMISSIONS: dict[str, frozenset[str]] = {
    "officer": frozenset({"register", "view_list", "view_identity", "view_own_trafficking", "view_tb",
                          "amend_own", "drafts", "search"}),
    "health_worker": frozenset({"view_list", "view_identity", "view_tb", "update_health_referral", "search"}),
    "supervisor": frozenset({"register", "view_list", "view_identity", "view_trafficking", "view_own_trafficking",
                             "view_tb", "amend_any", "amend_own", "approve", "void", "drafts", "search",
                             "update_health_referral", "update_protection_referral", "manage_users", "sync",
                             "export", "backup", "verify", "stats"}),
    # A technical administrator: users, backups and checks, never a person's record.
    "admin": frozenset({"manage_users", "backup", "verify", "stats", "sync"}),
}


def can(role: str, permission: str) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())


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
