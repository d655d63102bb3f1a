"""Roles and what each may do. Enforced by the services, never only by the UI (which uses ``can`` to hide what a
role may not use).

    >>> can(Role.HEALTH_WORKER, Permission.VIEW_TRAFFICKING)
    False
    >>> can("supervisor", Permission.APPROVE)        # the stored role string works too
    True

Both enums are ``StrEnum``: a member is the very string stored in the database and written in events
(``Role.HEALTH_WORKER == "health_worker"``). ``Role("typo")`` raises ValueError; ``can`` is False for a role
it does not know.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

__all__ = ["PERMISSIONS", "ROLES", "Permission", "Role", "can"]


class Role(StrEnum):
    OFFICER = "officer"
    HEALTH_WORKER = "health_worker"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"     # a technical administrator: users, backups and checks, never a person's record


class Permission(StrEnum):
    REGISTER = "register"
    VIEW_LIST = "view_list"                          # the checkpoint's list of persons (identity only)
    VIEW_IDENTITY = "view_identity"                  # a person's identity and arrivals
    VIEW_TRAFFICKING = "view_trafficking"            # trafficking answers and protection-referral details
    VIEW_OWN_TRAFFICKING = "view_own_trafficking"    # trafficking answers of arrivals this user registered
    VIEW_TB = "view_tb"                              # TB screens and health referrals
    SEARCH = "search"
    DRAFTS = "drafts"
    AMEND_OWN = "amend_own"
    AMEND_ANY = "amend_any"
    APPROVE = "approve"
    VOID = "void"
    UPDATE_HEALTH_REFERRAL = "update_health_referral"
    UPDATE_PROTECTION_REFERRAL = "update_protection_referral"
    MANAGE_USERS = "manage_users"
    SYNC = "sync"
    EXPORT = "export"
    BACKUP = "backup"
    VERIFY = "verify"
    STATS = "stats"
    # group arrivals (issue 11)
    IMPORT_HANDOVER = "import_handover"      # handover groups and lists
    HEADCOUNT = "headcount"                  # people passing without registration during a surge
    SURGE = "surge"                          # switch surge mode on and off
    QUEUE = "queue"                          # the triage queue of the stations this role works


ROLES: tuple[Role, ...] = tuple(Role)

_P = Permission
PERMISSIONS: Mapping[str, frozenset[Permission]] = {   # keyed by Role (a str)
    Role.OFFICER: frozenset({_P.REGISTER, _P.VIEW_LIST, _P.VIEW_IDENTITY, _P.VIEW_OWN_TRAFFICKING, _P.VIEW_TB,
                             _P.AMEND_OWN, _P.DRAFTS, _P.SEARCH}),
    Role.HEALTH_WORKER: frozenset({_P.VIEW_LIST, _P.VIEW_IDENTITY, _P.VIEW_TB, _P.UPDATE_HEALTH_REFERRAL, _P.SEARCH}),
    Role.SUPERVISOR: frozenset({_P.REGISTER, _P.VIEW_LIST, _P.VIEW_IDENTITY, _P.VIEW_TRAFFICKING,
                                _P.VIEW_OWN_TRAFFICKING, _P.VIEW_TB, _P.AMEND_ANY, _P.AMEND_OWN, _P.APPROVE, _P.VOID,
                                _P.DRAFTS, _P.SEARCH, _P.UPDATE_HEALTH_REFERRAL, _P.UPDATE_PROTECTION_REFERRAL,
                                _P.MANAGE_USERS, _P.SYNC, _P.EXPORT, _P.BACKUP, _P.VERIFY, _P.STATS}),
    Role.ADMIN: frozenset({_P.MANAGE_USERS, _P.BACKUP, _P.VERIFY, _P.STATS, _P.SYNC}),
}


def can(role: str, permission: Permission) -> bool:
    """May ``role`` (a Role, or the role string as stored) do ``permission``?"""
    return permission in PERMISSIONS.get(role, frozenset())


# Group arrivals (issue 11): importing handover lists and counting people who pass without registration are for
# officers and supervisors (quick registration itself is REGISTER); surge mode for supervisors; the triage queue for
# whoever works a station (checkpoint.arrivals.codes.STATION_ROLES says which stations each role works).
_ARRIVALS: Mapping[str, frozenset[Permission]] = {
    Role.OFFICER: frozenset({_P.IMPORT_HANDOVER, _P.HEADCOUNT, _P.QUEUE}),
    Role.HEALTH_WORKER: frozenset({_P.QUEUE}),
    Role.SUPERVISOR: frozenset({_P.IMPORT_HANDOVER, _P.HEADCOUNT, _P.QUEUE, _P.SURGE}),
}
PERMISSIONS = {r: ps | _ARRIVALS.get(r, frozenset()) for r, ps in PERMISSIONS.items()}
