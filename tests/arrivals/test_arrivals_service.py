"""session.arrivals: roles, surge mode and headcounts, households and guardians, the child-protection rule, the
duplicate offered at quick registration, idempotent closing, and hostile queue events from another laptop."""

from __future__ import annotations

import pytest

from checkpoint import screening
from checkpoint.errors import ConflictError, PermissionDenied, ValidationError
from checkpoint.events import event_hash
from checkpoint.services.outbox import Outbox
from tests.support.arrivals import HEADERS, handover_rows, to_csv
from tests.support.client_harness import new_device
from tests.support.helpers import adult, registration

ADULT = {"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 30}


def test_roles_without_the_need_cannot(supervisor, sign_in) -> None:
    data = to_csv(HEADERS, handover_rows()[:3])
    nurse, admin, officer = sign_in("thida"), sign_in("rith"), sign_in("sokha")
    for s in (nurse, admin):
        with pytest.raises(PermissionDenied):
            s.arrivals.import_list(data, "l.csv")
        with pytest.raises(PermissionDenied):
            s.arrivals.quick_register(ADULT)
    with pytest.raises(PermissionDenied):
        admin.arrivals.queue("INTERVIEW_ROOM")
    with pytest.raises(PermissionDenied):
        officer.arrivals.set_surge(True)                 # supervisors only
    with pytest.raises(PermissionDenied):
        nurse.arrivals.count_passing("F", "adult")
    officer.arrivals.quick_register(ADULT)
    with pytest.raises(PermissionDenied):
        nurse.arrivals.call_next("NEA_DESK")            # a health worker works the health post only
    assert nurse.arrivals.call_next("HEALTH_POST") is not None


def test_surge_mode_is_logged_queues_only_the_flagged_and_counts_who_passes(supervisor, sign_in) -> None:
    officer = sign_in("sokha")
    with pytest.raises(ConflictError):
        officer.arrivals.count_passing("F", "adult")     # not outside a surge
    assert supervisor.arrivals.set_surge(True).events
    assert supervisor.arrivals.set_surge(True).events is False
    assert officer.arrivals.surge_active()
    plain = officer.arrivals.quick_register(ADULT)
    hurt = officer.arrivals.quick_register({**ADULT, "given_names": "VISAL"}, flags=["INJURED_OR_ILL"])
    scared = officer.arrivals.quick_register({**ADULT, "given_names": "RITHY"}, flags=["VISIBLE_DISTRESS"])
    assert plain.queue_entry_ids == ()
    assert len(hurt.queue_entry_ids) == 2 and len(scared.queue_entry_ids) == 1
    officer.arrivals.count_passing("F", "adult", 12)
    officer.arrivals.count_passing("M", "child", 3)
    officer.arrivals.count_passing("F", "adult")
    assert officer.arrivals.headcount() == {"F": {"adult": 13, "child": 0}, "M": {"adult": 0, "child": 3}}
    supervisor.arrivals.set_surge(False)
    assert not officer.arrivals.surge_active()
    log = supervisor.store.db.execute("SELECT active, by FROM surge_log ORDER BY hlc").fetchall()
    assert log == [(1, supervisor.user.id), (0, supervisor.user.id)]
    with pytest.raises(ValidationError):
        officer.arrivals.count_passing("F", "elder")


def test_an_accompanied_child_gets_no_automatic_referral_but_an_unaccompanied_one_does(supervisor) -> None:
    mother = supervisor.arrivals.quick_register({"family_name": "KEO", "given_names": "BOPHA", "sex": "F",
                                                 "age_years": 35}, household_role="HEAD",
                                                household_id="11111111-1111-4111-8111-111111111111")
    child = supervisor.arrivals.quick_register({"family_name": "KEO", "given_names": "MONY", "sex": "M",
                                                "age_years": 7}, household_role="CHILD",
                                               household_id="11111111-1111-4111-8111-111111111111")
    alone = supervisor.arrivals.quick_register({"family_name": "LIM", "given_names": "SOKHA", "sex": "F",
                                                "age_years": 15})
    assert (child.child_status, child.guardian_person_id, child.referral_ids) == ("ACCOMPANIED", mother.person_id, ())
    assert alone.child_status == "UNACCOMPANIED" and len(alone.referral_ids) == 1
    assert "UNACCOMPANIED_OR_SEPARATED_CHILD" in alone.flags and alone.priority == 80
    with pytest.raises(ValidationError):                 # accompanied needs the guardian registered
        supervisor.arrivals.quick_register({"family_name": "PICH", "sex": "M", "age_years": 9},
                                           child_status="ACCOMPANIED")
    with pytest.raises(ValidationError):
        supervisor.arrivals.quick_register(ADULT, child_status="UNACCOMPANIED")


def test_the_rule_itself_and_the_full_registration() -> None:
    assert [s.reason_code for s in screening.suggest_referrals(age=10)] == ["CHILD_RETURNEE"]
    assert screening.suggest_referrals(age=10, accompanied=True) == ()
    from checkpoint.screening.trafficking import evaluate_trafficking
    t = evaluate_trafficking({"ILO-DR-1", "ILO-EX-1", "ILO-EX-2"}, age=12)
    assert [s.kind for s in screening.suggest_referrals(t, age=12, accompanied=True)] == ["child_protection"]


def test_the_full_registration_follows_the_rule(supervisor) -> None:
    kid = adult(date_of_birth="2016-01-01", id_document_number="", id_document_type="NONE")
    with_mother = supervisor.registrations.register(**registration(
        person=kid, encounter={"return_type": "DEPORTED_G2G", "accompanied_minor": True}))
    alone = supervisor.registrations.register(**registration(person={**kid, "given_names": "MONY"}))
    assert with_mother.referral_ids == () and len(alone.referral_ids) == 1


def test_a_repeat_returnee_is_offered_and_registered_again(supervisor) -> None:
    first = supervisor.arrivals.quick_register({**ADULT, "age_years": None, "date_of_birth": "1990-05-17",
                                                "phone": "012345678"})
    dups = supervisor.registrations.find_duplicates({"family_name": "SOK", "given_names": "DARA",
                                                     "date_of_birth": "1990-05-17", "sex": "M"})
    assert [d.id for d in dups] == [first.person_id]
    again = supervisor.arrivals.quick_register(person_id=first.person_id, interpreter_language="th")
    assert again.person_id == first.person_id and supervisor.records.count() == 1
    assert supervisor.store.db.execute("SELECT interpreter_language FROM arrivals WHERE id = ?",
                                       [again.encounter_id]).fetchone()[0] == "tha"
    with pytest.raises(ValidationError):
        supervisor.arrivals.quick_register(ADULT, interpreter_language="klingon")


def test_rows_registered_or_left_are_counted_and_not_registered_twice(supervisor) -> None:
    imp = supervisor.arrivals.import_list(to_csv(HEADERS, handover_rows()[:5]), "l.csv",
                                          group={"expected_count": 6})
    supervisor.arrivals.quick_register(group_id=imp.group_id, row=2, person={"phone": "012999888"})
    supervisor.arrivals.mark_row_left(imp.group_id, 6)
    g = supervisor.arrivals.group(imp.group_id)
    assert (g.expected, g.listed, g.registered, g.left, g.waiting) == (6, 5, 1, 1, 3)
    for row in (2, 6):
        with pytest.raises(ConflictError):
            supervisor.arrivals.quick_register(group_id=imp.group_id, row=row)
    assert supervisor.arrivals.destinations("home_district") == []
    assert supervisor.maintenance.verify().ok


def test_hostile_queue_events_from_another_laptop_are_held_aside(supervisor, tmp_path) -> None:
    other = new_device(tmp_path / "other.db")
    try:
        q = other.arrivals.quick_register(ADULT)
        evs = [dict(e) for e in other.store.events()]
        reg = next(e for e in evs if e["type"] == "registration.recorded")
        entered = next(e for e in evs if e["type"] == "queue.entered")
        outbox = Outbox(supervisor)
        # names an entry this laptop does not hold: held, never applied
        got = outbox.ingest([entered])
        assert got["held"] == 1 and supervisor.store.db.execute("SELECT count(*) FROM queue_entries").fetchone()[0] == 0
        got = outbox.ingest([reg])
        assert got["applied"] == 1
        # a close with a status no queue knows, correctly hashed: held aside, the entry stays waiting
        other.arrivals.close(q.queue_entry_ids[0], "done")
        closed = next(dict(e) for e in other.store.events() if e["type"] == "queue.updated")
        closed["payload"] = closed["payload"].replace('"done"', '"hacked"')
        closed["hash"] = event_hash(closed)
        entered = dict(entered)
        got = outbox.ingest([entered, closed])
        assert (got["applied"], got["held"]) == (1, 1)
        assert [i.status for i in supervisor.arrivals.queue("INTERVIEW_ROOM")] == ["waiting"]
    finally:
        other.lock()
