"""Who sees what: enforced by the services, whatever the UI shows."""

from __future__ import annotations

import pytest

from checkpoint.errors import PermissionDenied
from tests.support.helpers import POSITIVE_ADULT, registration

PROTECTION = {"kind": "protection", "agency_code": "MoSVY_PROVINCIAL_DOSVY", "reason_code": "ILO_INDICATORS",
              "urgency": "SAME_DAY"}


@pytest.fixture
def case(sign_in):
    """Sokha (officer) registers an adult with indicators present and a protection referral."""
    sokha = sign_in("sokha")
    r = sokha.registrations.register(**registration(trafficking={"ticked": POSITIVE_ADULT}, referrals=[PROTECTION],
                                      tb={"cough": True, "cough_days": 20}))
    return r


def test_officer_sees_the_answers_of_arrivals_she_registered(sign_in, case) -> None:
    enc = sign_in("sokha").records.get(case.person_id)["encounters"][0]
    assert enc["trafficking"][0]["outcome"] == "PRESUMED_VICTIM"
    assert enc["referrals"][0]["agency_code"] == "MoSVY_PROVINCIAL_DOSVY"


def test_another_officer_sees_identity_but_not_the_answers(sign_in, case) -> None:
    rec = sign_in("vanna").records.get(case.person_id)
    enc = rec["encounters"][0]
    assert rec["person"]["family_name"] == "SOK"
    assert enc["trafficking"] == [{"id": case.trafficking_screening_id, "restricted": True}]
    assert enc["referrals"] == [{"id": case.referral_ids[0], "kind": "protection", "restricted": True}]
    assert "recruiter_relationship" not in enc and "debt_owed" not in enc


def test_health_worker_sees_tb_and_only_that_a_protection_referral_exists(sign_in, case) -> None:
    hw = sign_in("thida")
    enc = hw.records.get(case.person_id)["encounters"][0]
    assert enc["tb"][0]["outcome"] == "PRESUMPTIVE_TB_REFER"
    assert enc["trafficking"][0] == {"id": case.trafficking_screening_id, "restricted": True}
    assert enc["referrals"][0]["restricted"] is True
    assert "agency_code" not in enc["referrals"][0] and "reason_code" not in enc["referrals"][0]
    with pytest.raises(PermissionDenied):
        hw.referrals.list(kind="protection")
    assert hw.records.today_figures().trafficking_indicators is None


def test_supervisor_sees_everything(supervisor, case) -> None:
    enc = supervisor.records.get(case.person_id)["encounters"][0]
    assert enc["trafficking"][0]["ticked"]
    assert supervisor.records.today_figures().trafficking_indicators == 1


def test_admin_sees_no_records(sign_in, case) -> None:
    admin = sign_in("rith")
    for call in (lambda: admin.records.get(case.person_id), lambda: admin.records.search("SOK"),
                 lambda: admin.records.page(), lambda: admin.registrations.register(**registration())):
        with pytest.raises(PermissionDenied):
            call()
    assert admin.maintenance.stats()["persons"] == 1          # counts only
    assert [u.username for u in admin.users.list()]


@pytest.mark.parametrize(("who", "allowed"), [("sokha", False), ("thida", False), ("rith", True), ("dara", True)])
def test_only_managers_manage_users(sign_in, supervisor, who, allowed) -> None:
    s = supervisor if who == "dara" else sign_in(who)
    if allowed:
        s.users.add(f"new{who}", "New", "officer", "a fine passphrase")
    else:
        with pytest.raises(PermissionDenied):
            s.users.add(f"new{who}", "New", "officer", "a fine passphrase")
        with pytest.raises(PermissionDenied):
            s.users.set_status("vanna", "disabled")


def test_health_worker_cannot_register_or_void(sign_in, case) -> None:
    hw = sign_in("thida")
    with pytest.raises(PermissionDenied):
        hw.registrations.register(**registration())
    with pytest.raises(PermissionDenied):
        hw.corrections.void("person", case.person_id, "no reason at all")


def test_officer_corrects_only_her_own_arrivals(sign_in, case) -> None:
    with pytest.raises(PermissionDenied):
        sign_in("vanna").corrections.amend_person(case.person_id, {"given_names": "DARANY"}, "typo in the name")
    sign_in("sokha").corrections.amend_person(case.person_id, {"given_names": "DARANY"}, "typo in the name")


def test_reading_a_record_is_logged(sign_in, supervisor, case) -> None:
    sign_in("thida").records.get(case.person_id)
    hist = supervisor.records.history(case.person_id)
    assert ("thida", "person.viewed") in [(h["who"], h["what"]) for h in hist]


def test_export_and_backup_need_a_supervisor(sign_in, tmp_path) -> None:
    with pytest.raises(PermissionDenied):
        sign_in("sokha").maintenance.export_csv(tmp_path / "x.csv")
    with pytest.raises(PermissionDenied):
        sign_in("thida").maintenance.backup(tmp_path / "b.db")
    assert not (tmp_path / "x.csv").exists()


def test_a_locked_account_cannot_sign_in_and_keeps_its_records(supervisor, store_path, clock, case) -> None:
    from checkpoint.errors import AccountDisabled, WrongPassphrase
    from checkpoint.services import unlock
    from tests.conftest import PASS

    supervisor.users.set_status("sokha", "disabled")
    with pytest.raises(AccountDisabled):
        unlock(store_path, "sokha", PASS["sokha"], clock=clock)
    assert supervisor.records.get(case.person_id)["encounters"][0]["officer_id"]
    # Reinstating is a new passphrase from a supervisor (the old slot is gone): the old one opens nothing.
    supervisor.users.set_passphrase("sokha", "reinstated officer phrase")
    with pytest.raises(WrongPassphrase):
        unlock(store_path, "sokha", PASS["sokha"], clock=clock)
    unlock(store_path, "sokha", "reinstated officer phrase", clock=clock).lock()


def test_last_supervisor_cannot_be_locked_or_lock_themselves(supervisor) -> None:
    from checkpoint.errors import ConflictError

    with pytest.raises(ConflictError):
        supervisor.users.set_status("dara", "disabled")
