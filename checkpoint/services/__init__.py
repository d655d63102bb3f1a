"""Use cases: the only API the desktop app, the CLI and sync call.

    >>> session, code = create_store("c.db", checkpoint_name="Poipet", username="dara",
    ...                               display_name="Dara", passphrase="a long passphrase")   # doctest: +SKIP
"""

from checkpoint.services.auth import (
           create_store,
           list_usernames,
           reset_with_recovery_code,
           store_exists,
           unlock,
)
from checkpoint.services.changes import Changes
from checkpoint.services.session import LOCAL_TZ, Registered, Session, User, VerifyReport

__all__ = ["LOCAL_TZ", "Changes", "Registered", "Session", "User", "VerifyReport", "create_store",
           "list_usernames", "reset_with_recovery_code", "store_exists", "unlock"]
