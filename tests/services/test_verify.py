"""`verify`: integrity, the tamper-evident event chain, and projections equal to a rebuild from the events."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkpoint import codelists
from checkpoint.clock import ManualClock
from checkpoint.errors import CheckpointError
from checkpoint.services import create_store
from checkpoint.storage.codec import encode_payload
from checkpoint.storage.rebuild import compare_projections, rebuild_projections
from tests.conftest import FAST
from tests.support.helpers import POSITIVE_ADULT, adult, registration


def test_a_clean_store_verifies(supervisor) -> None:
    supervisor.registrations.register(**registration())
    rep = supervisor.maintenance.verify()
    assert rep.ok, rep.problems
    assert rep.persons == 1


def _bypass(session, sql: str, params: list) -> None:
    """What an attacker with the key (or a bug) could do: write without going through the services."""
    db = session.store.db
    db.execute("DROP TRIGGER events_immutable")
    db.execute("DROP TRIGGER IF EXISTS events_sealed_once")     # a store from before 0014_protection's one trigger
    with db.atomic():
        db.execute(sql, params)


def test_verify_detects_a_changed_event(supervisor) -> None:
    r = supervisor.registrations.register(**registration())
    ev = next(supervisor.store.events(where="type = 'registration.recorded'"))
    forged = encode_payload(ev["payload"].replace("DARA", "DARO"))
    _bypass(supervisor, "UPDATE events SET payload = ? WHERE id = ?", [forged, ev["id"]])
    problems = supervisor.maintenance.verify().problems
    assert any("was altered" in p for p in problems), problems
    assert r.person_id


def test_verify_detects_a_deleted_event(supervisor) -> None:
    supervisor.registrations.register(**registration())
    supervisor.registrations.register(**registration(person=adult(family_name="CHAN")))
    db = supervisor.store.db
    db.execute("DROP TRIGGER events_no_delete")
    with db.atomic():
        db.execute("DELETE FROM events WHERE device_seq = (SELECT max(device_seq) - 1 FROM events)")
    problems = supervisor.maintenance.verify().problems
    assert any("missing" in p for p in problems), problems


def test_verify_detects_a_changed_projection_row(supervisor) -> None:
    r = supervisor.registrations.register(**registration(trafficking={"ticked": POSITIVE_ADULT}))
    with supervisor.store.db.atomic():
        supervisor.store.db.execute("UPDATE trafficking_screenings SET outcome = 'NOT_INDICATED' WHERE person_id = ?",
                              [r.person_id])
    problems = supervisor.maintenance.verify().problems
    assert any(p.startswith("trafficking_screenings:") for p in problems), problems


def test_verify_detects_a_row_no_event_created(supervisor) -> None:
    supervisor.registrations.register(**registration())
    with supervisor.store.db.atomic():
        supervisor.store.db.execute("UPDATE persons SET family_name = 'INSERTED' WHERE 1")
    assert any(p.startswith("persons:") for p in supervisor.maintenance.verify().problems)


# ----------------------------------------------------------------------------- property: rebuild == live
OPS = st.lists(st.tuples(st.sampled_from(["register", "register_child", "revisit", "amend", "void", "approve",
                                          "follow_up", "user", "bad"]),
                         st.integers(0, 50)), min_size=1, max_size=18)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_projections_rebuilt_from_events_equal_the_live_tables(ops) -> None:
    with tempfile.TemporaryDirectory() as d:
        clock = ManualClock(datetime(2026, 11, 22, 1, 0, tzinfo=UTC))
        s, _ = create_store(Path(d) / "p.db", checkpoint_name="P", username="dara", display_name="D",
                            passphrase="river-lotus-supervisor", clock=clock, kdf=FAST)
        persons: list[str] = []
        encounters: list[str] = []
        referrals: list[str] = []
        fac = codelists.health_facilities()[0].code
        for op, n in ops:
            clock.advance(seconds=7 + n)
            try:
                if op in ("register", "register_child"):
                    p = adult(family_name="SOK" + "ABC"[n % 3], date_of_birth="2012-01-01" if op == "register_child"
                              else f"19{50 + n}-01-01", id_document_number=f"N{n:07d}")
                    r = s.registrations.register(**registration(person=p, tb={"cough": n % 2 == 0,
                                                                              "cough_days": n if n % 2 == 0
                                                                              else None},
                                                  trafficking={"ticked": POSITIVE_ADULT if n % 3 == 0 else []},
                                                  referrals=[{"kind": "health", "agency_code": fac,
                                                              "reason_code": "PRESUMPTIVE_TB"}] if n % 2 == 0 else []))
                    persons.append(r.person_id)
                    encounters.append(r.encounter_id)
                    referrals.extend(r.referral_ids)
                elif op == "revisit" and persons:
                    reg = registration()
                    del reg["person"]
                    r = s.registrations.register(person_id=persons[n % len(persons)], **reg)
                    encounters.append(r.encounter_id)
                elif op == "amend" and persons:
                    s.corrections.amend_person(persons[n % len(persons)], {"given_names": "DARA" + "XYZ"[n % 3],
                                                               "phone": f"0{n:08d}"}, "corrected")
                elif op == "void" and encounters:
                    s.corrections.void("encounter", encounters[n % len(encounters)], "entered in error")
                elif op == "approve" and encounters:
                    s.review.approve(encounters[n % len(encounters)])
                elif op == "follow_up" and referrals:
                    s.referrals.update(referrals[n % len(referrals)],
                                      [{"status": "arrived"}, {"cxr_result": "NORMAL"},
                                       {"status": "lost_to_follow_up"}][n % 3])
                elif op == "user":
                    s.users.add(f"user{n}", "U", "officer", "a fine passphrase")
                elif op == "bad":
                    s.registrations.register(**registration(person=adult(sex="bad")))
            except CheckpointError:
                pass   # refused operations must leave nothing behind either
        rebuilt = rebuild_projections(s.store)
        assert compare_projections(s.store.db, rebuilt) == []
        assert s.store.verify_chain() == []
        rebuilt.close()
        s.lock()
