"""The site settings are read once per session (SiteConfig), and roles/permissions are enums with one table."""

from __future__ import annotations

import doctest
import importlib
from datetime import timedelta

import pytest

from checkpoint.errors import PermissionDenied, StoreError
from checkpoint.model.roles import PERMISSIONS, ROLES, Permission, Role, can
from checkpoint.services import create_store, unlock
from checkpoint.site import DEFAULT_STATION_ID, DEFAULT_TB_MODE, LOCAL_TZ, SiteConfig
from tests.conftest import FAST, PASS
from tests.support.helpers import registration


@pytest.mark.parametrize("name", ["checkpoint.site", "checkpoint.model.roles", "checkpoint.model.user",
                                  "checkpoint.model.referral", "checkpoint.workflows.registration"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0


# ---------------------------------------------------------------------------------------------------- site
def test_the_defaults_are_poipets() -> None:
    assert SiteConfig() == SiteConfig("", "POIPET_INTL_CHECKPOINT", "any_symptom", LOCAL_TZ, True, True)
    assert (DEFAULT_STATION_ID, DEFAULT_TB_MODE) == ("POIPET_INTL_CHECKPOINT", "any_symptom")
    assert LOCAL_TZ.utcoffset(None) == timedelta(hours=7)          # Cambodia: UTC+7 all year
    assert SiteConfig.from_meta({"station_id": "", "tb_mode": None}.get) == SiteConfig()


def test_a_session_reads_the_site_once_at_sign_in(supervisor, store_path, clock) -> None:
    assert supervisor.site == SiteConfig("Poipet", DEFAULT_STATION_ID, DEFAULT_TB_MODE, LOCAL_TZ)
    with supervisor.store.write():
        supervisor.store.set_meta("tb_mode", "prolonged_cough")
    assert supervisor.site.tb_mode == "any_symptom"                  # this session keeps what it read
    r = supervisor.registrations.register(**registration(tb={"cough": True, "cough_days": 3}))
    assert supervisor.records.get(r.person_id)["encounters"][0]["tb"][0]["answers"]["mode"] == "any_symptom"
    again = unlock(store_path, "dara", PASS["dara"], clock=clock, kdf=FAST)
    try:
        assert again.site.tb_mode == "prolonged_cough"              # the next sign-in reads it anew
        r2 = again.registrations.register(**registration(tb={"cough": True, "cough_days": 3}))
        assert again.records.get(r2.person_id)["encounters"][0]["tb"][0]["answers"]["mode"] == "prolonged_cough"
    finally:
        again.lock()


def test_reading_the_site_never_touches_the_store(supervisor) -> None:
    supervisor.lock()
    with pytest.raises(StoreError):
        supervisor.store                                            # noqa: B018 - the store is closed
    assert supervisor.site.checkpoint_name == "Poipet"             # still there: read at sign-in
    assert supervisor.site.station_id == DEFAULT_STATION_ID and supervisor.user.username == "dara"


def test_a_stores_own_station_is_used_for_arrivals(tmp_path, clock) -> None:
    s, _code = create_store(tmp_path / "bavet.db", checkpoint_name="Bavet", username="dara", display_name="Dara",
                            passphrase=PASS["dara"], station_id="BAVET_INTL_CHECKPOINT", clock=clock, kdf=FAST)
    try:
        assert s.site.station_id == "BAVET_INTL_CHECKPOINT" and s.site.checkpoint_name == "Bavet"
        r = s.registrations.register(**registration())
        assert s.records.get(r.person_id)["encounters"][0]["station_id"] == "BAVET_INTL_CHECKPOINT"
    finally:
        s.lock()


# ---------------------------------------------------------------------------------------------------- roles
# The permission table as the spec states it (DESIGN §4a); changing a role's rights must change this test.
EXPECTED = {
    "officer": {"register", "view_list", "view_identity", "view_own_trafficking", "view_tb", "amend_own", "drafts",
                "search"},
    "health_worker": {"view_list", "view_identity", "view_tb", "update_health_referral", "search"},
    "supervisor": {"register", "view_list", "view_identity", "view_trafficking", "view_own_trafficking", "view_tb",
                   "amend_any", "amend_own", "approve", "void", "drafts", "search", "update_health_referral",
                   "update_protection_referral", "manage_users", "sync", "export", "backup", "verify", "stats"},
    "admin": {"manage_users", "backup", "verify", "stats", "sync"},
}
# Issue 14: the health worker records the TB screen and its pathway herself and sees the cascade; the supervisor
# too, and sets the site's TB policy. Officers keep screening at registration only.
EXPECTED["health_worker"] |= {"screen_tb", "tb_cascade"}
EXPECTED["supervisor"] |= {"screen_tb", "tb_cascade", "site_settings"}
# group arrivals (issue 11): handover lists and headcounts for officers and supervisors, surge mode for supervisors,
# the triage queue for whoever works a station (never the admin)
EXPECTED["officer"] |= {"import_handover", "headcount", "queue"}
EXPECTED["health_worker"] |= {"queue"}
EXPECTED["supervisor"] |= {"import_handover", "headcount", "queue", "surge"}
# issue 13: the assistance and NEA desks for officers and supervisors; the cash-grant override for supervisors only
EXPECTED["officer"] |= {"give_assistance", "nea_register"}
EXPECTED["supervisor"] |= {"give_assistance", "nea_register", "override_assistance"}
# issue 12, point 6: the minimisation pass and fetching a minimised record back from HQ
EXPECTED["supervisor"] |= {"minimise"}


def test_the_enums_are_the_stored_strings() -> None:
    assert [str(r) for r in ROLES] == ["officer", "health_worker", "supervisor", "admin"]
    assert Role("health_worker") is Role.HEALTH_WORKER and Role.HEALTH_WORKER == "health_worker"
    assert Permission("view_tb") is Permission.VIEW_TB and f"{Permission.VIEW_TB}" == "view_tb"
    with pytest.raises(ValueError):
        Role("nurse")


def test_the_permission_table() -> None:
    assert {str(r): {str(p) for p in ps} for r, ps in PERMISSIONS.items()} == EXPECTED
    assert {p for ps in PERMISSIONS.values() for p in ps} == set(Permission)   # no permission nobody has


@pytest.mark.parametrize("role", [*EXPECTED, "nurse", ""])
@pytest.mark.parametrize("permission", list(Permission))
def test_can_answers_from_the_table(role: str, permission: Permission) -> None:
    expected = permission in EXPECTED.get(role, set())
    assert can(role, permission) is expected
    assert can(role, str(permission)) is expected                  # type: ignore[arg-type]  # a stored string
    if role in EXPECTED:
        assert can(Role(role), permission) is expected


def test_the_services_enforce_the_same_table(supervisor, sign_in) -> None:
    """Each role gets exactly what ``can`` says for a few calls that check one permission each."""
    calls = {Permission.MANAGE_USERS: lambda s: s.users.list(), Permission.VERIFY: lambda s: s.maintenance.verify(),
             Permission.APPROVE: lambda s: s.review.pending(), Permission.DRAFTS: lambda s: s.drafts.list(),
             Permission.SEARCH: lambda s: s.records.search("SOK"), Permission.VIEW_LIST: lambda s: s.records.count()}
    for name in ("dara", "sokha", "thida", "rith"):
        s = supervisor if name == "dara" else sign_in(name)
        for permission, call in calls.items():
            if can(s.user.role, permission):
                call(s)
            else:
                with pytest.raises(PermissionDenied, match=f"may not do this \\({permission}\\)"):
                    call(s)


def test_every_event_type_says_which_roles_may_write_it() -> None:
    """verify refuses an event whose author's role may not write its type; a type nobody listed would be writable by
    no role (or, before, by any): each type is listed, except a user's own passphrase and key (special cases)."""
    from checkpoint.events import EVENT_TYPES
    from checkpoint.model.roles import EVENT_AUTHORS, may_author
    self_authored = {"user.passphrase_changed", "user.key_set"}
    assert sorted(EVENT_TYPES - set(EVENT_AUTHORS) - self_authored) == []
    assert not may_author(Role.OFFICER, "user.updated") and may_author(Role.SUPERVISOR, "user.updated")
    assert may_author(Role.HEALTH_WORKER, "tb.screened") and not may_author(Role.OFFICER, "tb.screened")
    assert not may_author(Role.SUPERVISOR, "no.such_type")
