"""Use cases: the only API the desktop app, the CLI and sync call.

    >>> session, code = create_store("c.db", checkpoint_name="Poipet", username="dara",
    ...                               display_name="Dara", passphrase="a long passphrase")   # doctest: +SKIP
    >>> session.records.search("SOK")                                                        # doctest: +SKIP

``Session`` is a small facade (the user, the site, lock) over one module per area; see ``session.py``.
"""

from checkpoint.services.auth import (
           create_store,
           list_usernames,
           reset_with_recovery_code,
           store_exists,
           unlock,
)
from checkpoint.services.base import User
from checkpoint.services.changes import Changes
from checkpoint.services.drafts import Draft
from checkpoint.services.maintenance import BackedUp, Exported, VerifyReport
from checkpoint.services.records import PersonSummary, TodayFigures
from checkpoint.services.referrals import FollowUpList, ReferralRow
from checkpoint.services.registrations import PossibleDuplicate, Registered
from checkpoint.services.review import ApproveResult, PendingArrival
from checkpoint.services.session import Session
from checkpoint.services.users import UserAccount

__all__ = ["ApproveResult", "BackedUp", "Changes", "Draft", "Exported", "FollowUpList", "PendingArrival",
           "PersonSummary", "PossibleDuplicate", "ReferralRow", "Registered", "Session", "TodayFigures", "User",
           "UserAccount", "VerifyReport", "create_store", "list_usernames", "reset_with_recovery_code", "store_exists",
           "unlock"]
