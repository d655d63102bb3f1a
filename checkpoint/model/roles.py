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

__all__ = ["EVENT_AUTHORS", "PERMISSIONS", "ROLES", "Permission", "Role", "can", "may_author"]


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
    SCREEN_TB = "screen_tb"                          # the health post records a TB screen and its pathway (issue 14)
    TB_CASCADE = "tb_cascade"                        # the TB cascade figures (issue 14)
    SITE_SETTINGS = "site_settings"                  # the site's TB policy (issue 14)
    # group arrivals (issue 11)
    IMPORT_HANDOVER = "import_handover"      # handover groups and lists
    HEADCOUNT = "headcount"                  # people passing without registration during a surge
    SURGE = "surge"                          # switch surge mode on and off
    QUEUE = "queue"                          # the triage queue of the stations this role works
    # issue 13: the assistance desk and the NEA desk
    GIVE_ASSISTANCE = "give_assistance"              # hand out assistance, void or correct it
    OVERRIDE_ASSISTANCE = "override_assistance"      # a second cash grant inside the site's period, with a reason
    NEA_REGISTER = "nea_register"                    # NEA job registration (with the person's NEA consent)
    MINIMISE = "minimise"                    # issue 12: the minimisation pass and fetching a record back from HQ


ROLES: tuple[Role, ...] = tuple(Role)

_P = Permission
PERMISSIONS: Mapping[str, frozenset[Permission]] = {   # keyed by Role (a str)
    Role.OFFICER: frozenset({_P.REGISTER, _P.VIEW_LIST, _P.VIEW_IDENTITY, _P.VIEW_OWN_TRAFFICKING, _P.VIEW_TB,
                             _P.AMEND_OWN, _P.DRAFTS, _P.SEARCH}),
    Role.HEALTH_WORKER: frozenset({_P.VIEW_LIST, _P.VIEW_IDENTITY, _P.VIEW_TB, _P.UPDATE_HEALTH_REFERRAL, _P.SEARCH,
                                   _P.SCREEN_TB, _P.TB_CASCADE}),
    Role.SUPERVISOR: frozenset({_P.REGISTER, _P.VIEW_LIST, _P.VIEW_IDENTITY, _P.VIEW_TRAFFICKING,
                                _P.VIEW_OWN_TRAFFICKING, _P.VIEW_TB, _P.AMEND_ANY, _P.AMEND_OWN, _P.APPROVE, _P.VOID,
                                _P.DRAFTS, _P.SEARCH, _P.UPDATE_HEALTH_REFERRAL, _P.UPDATE_PROTECTION_REFERRAL,
                                _P.MANAGE_USERS, _P.SYNC, _P.EXPORT, _P.BACKUP, _P.VERIFY, _P.STATS,
                                _P.SCREEN_TB, _P.TB_CASCADE, _P.SITE_SETTINGS}),
    Role.ADMIN: frozenset({_P.MANAGE_USERS, _P.BACKUP, _P.VERIFY, _P.STATS, _P.SYNC}),
}


def can(role: str, permission: Permission) -> bool:
    """May ``role`` (a Role, or the role string as stored) do ``permission``?"""
    return permission in PERMISSIONS.get(role, frozenset())


# Who may author each event type (issue 10, point 11): a role may write an event type when it holds any of these
# permissions (the services' own checks, restated for ``verify``, which checks every signed event against its
# author's role at the time). A type absent here may be written by no role: a new event type must say who writes it
# (tests/test_site_roles.py checks every type of ``checkpoint.events.EVENT_TYPES`` is here or a special case).
# Special cases in ``checkpoint.services.authorship``: the first supervisor creates herself; a user sets her own
# passphrase and signing key; a recovery reinstates its own account.
EVENT_AUTHORS: Mapping[str, frozenset[Permission]] = {
    "registration.recorded": frozenset({_P.REGISTER}),
    "person.amended": frozenset({_P.AMEND_OWN, _P.AMEND_ANY}),
    "encounter.amended": frozenset({_P.AMEND_OWN, _P.AMEND_ANY}),
    "conflict.resolved": frozenset({_P.AMEND_ANY}),
    "encounter.approved": frozenset({_P.APPROVE}),
    "record.voided": frozenset({_P.VOID}),
    "referral.created": frozenset({_P.REGISTER, _P.UPDATE_HEALTH_REFERRAL}),
    "referral.updated": frozenset({_P.UPDATE_HEALTH_REFERRAL, _P.UPDATE_PROTECTION_REFERRAL}),
    "user.created": frozenset({_P.MANAGE_USERS}),
    "user.updated": frozenset({_P.MANAGE_USERS}),
    "person.viewed": frozenset({_P.VIEW_IDENTITY}),
    "records.read": frozenset({_P.VIEW_LIST, _P.VIEW_IDENTITY, _P.VIEW_TB, _P.APPROVE}),
    "referral.slip_printed": frozenset({_P.VIEW_TB, _P.VIEW_TRAFFICKING, _P.VIEW_OWN_TRAFFICKING}),
    "records.exported": frozenset({_P.EXPORT}),
    "store.backed_up": frozenset({_P.BACKUP}),
    "device.reenrolled": frozenset({_P.SYNC}),
    "tb.screened": frozenset({_P.SCREEN_TB}),                        # issue 14: the health post's own screen
    "site.tb_policy_set": frozenset({_P.SITE_SETTINGS}),
    "consent.withdrawn": frozenset({_P.AMEND_OWN, _P.AMEND_ANY}),    # issue 12: who may correct the arrival
    # issue 11: handover groups, the triage queue, surge mode and headcounts
    "arrival_group.recorded": frozenset({_P.IMPORT_HANDOVER}),
    "arrival_group.rows_added": frozenset({_P.IMPORT_HANDOVER}),
    "arrival_group.row_left": frozenset({_P.REGISTER}),
    "queue.entered": frozenset({_P.REGISTER}),
    "queue.updated": frozenset({_P.QUEUE}),
    "surge.switched": frozenset({_P.SURGE}),
    "headcount.recorded": frozenset({_P.HEADCOUNT}),
    # issue 16: written at HQ only (events.HQ_ONLY_TYPES), by a partner; no role on a device writes one
    "referral.partner_stage": frozenset(),
    "conflict.hq_decided": frozenset(),      # issue 15: HQ's decision on a conflict; HQ writes it, never a device
    "device.hq_address_set": frozenset({_P.SYNC}),    # HQ's new address (a supervisor only: Outbox.set_hq_url)
    "registration.completed": frozenset({_P.REGISTER}),     # the full registration continued from the queue
    # issue 13: assistance, NEA job registration, the site's assistance caps and period
    "assistance.given": frozenset({_P.GIVE_ASSISTANCE}),
    "assistance.voided": frozenset({_P.GIVE_ASSISTANCE}),
    "assistance.corrected": frozenset({_P.GIVE_ASSISTANCE}),
    "nea.registered": frozenset({_P.NEA_REGISTER}),
    "site.assistance_policy_set": frozenset({_P.SITE_SETTINGS}),
    # issue 12, point 6: data minimisation (checkpoint.services.retention)
    "site.retention_set": frozenset({_P.SITE_SETTINGS}),
    "records.minimised": frozenset({_P.MINIMISE}),
    "records.fetched_back": frozenset({_P.MINIMISE}),
    # issue 14: a TB referral's treatment recorded at HQ (events.HQ_ONLY_TYPES); no role on a device writes one
    "tb.outcome_hq": frozenset(),
}


def may_author(role: str, event_type: str) -> bool:
    """May a user of ``role`` write an event of ``event_type`` (``EVENT_AUTHORS``)?"""
    needed = EVENT_AUTHORS.get(event_type, frozenset())
    return any(can(role, p) for p in needed)


# Group arrivals (issue 11): importing handover lists and counting people who pass without registration are for
# officers and supervisors (quick registration itself is REGISTER); surge mode for supervisors; the triage queue for
# whoever works a station (checkpoint.arrivals.codes.STATION_ROLES says which stations each role works).
_ARRIVALS: Mapping[str, frozenset[Permission]] = {
    Role.OFFICER: frozenset({_P.IMPORT_HANDOVER, _P.HEADCOUNT, _P.QUEUE}),
    Role.HEALTH_WORKER: frozenset({_P.QUEUE}),
    Role.SUPERVISOR: frozenset({_P.IMPORT_HANDOVER, _P.HEADCOUNT, _P.QUEUE, _P.SURGE}),
}
PERMISSIONS = {r: ps | _ARRIVALS.get(r, frozenset()) for r, ps in PERMISSIONS.items()}

# Issue 13: officers and supervisors work the assistance and NEA desks (checkpoint.arrivals.codes.STATION_ROLES); a
# health worker does not. Only a supervisor overrides the refusal of a second cash grant (with a reason, logged).
_SERVICES: Mapping[str, frozenset[Permission]] = {
    Role.OFFICER: frozenset({_P.GIVE_ASSISTANCE, _P.NEA_REGISTER}),
    Role.SUPERVISOR: frozenset({_P.GIVE_ASSISTANCE, _P.NEA_REGISTER, _P.OVERRIDE_ASSISTANCE}),
}
PERMISSIONS = {r: ps | _SERVICES.get(r, frozenset()) for r, ps in PERMISSIONS.items()}
# Issue 12, point 6: the minimisation pass and fetching a minimised record back from HQ are the supervisor's.
PERMISSIONS = {r: ps | ({_P.MINIMISE} if r == Role.SUPERVISOR else frozenset()) for r, ps in PERMISSIONS.items()}
