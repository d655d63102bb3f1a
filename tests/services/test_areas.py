"""The session's areas: every write returns Changes, the rows are typed, the review and referral queues that moved
out of the screens, and the second connection sync gets."""

from __future__ import annotations

import csv
import inspect
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from checkpoint import codelists
from checkpoint.errors import ConflictError, NotFound, PermissionDenied, StoreError, ValidationError
from checkpoint.model.referral import OPEN_STAGES, is_open
from checkpoint.services import (
    ApproveResult,
    BackedUp,
    Changes,
    Draft,
    Exported,
    PendingArrival,
    PersonSummary,
    ReferralRow,
    Registered,
    Session,
    UserAccount,
    create_store,
    unlock,
)
from checkpoint.services.outbox import Outbox, wire_event
from tests.conftest import FAST, PASS
from tests.support.helpers import POSITIVE_ADULT, adult, registration

AREAS = ("registrations", "records", "corrections", "review", "referrals", "drafts", "users", "maintenance", "slips",
         "consents", "directory")
# Every public method of every area, as a read or a write. A new method must be added to one of the two (and a
# write to WRITES below): that is how a write that forgets to return Changes is caught.
READS = {"users.take_notices",
         "registrations.find_duplicates", "records.search", "records.count", "records.page", "records.get",
         "records.history", "records.today_figures", "corrections.conflicts", "review.pending", "referrals.list",
         "referrals.get", "referrals.to_follow_up", "drafts.list", "users.list", "maintenance.verify",
         "maintenance.stats", "maintenance.cipher_version", "slips.slip", "slips.token", "slips.trusted_keys",
         "consents.of_person", "referrals.suggest_urgency",
         "referrals.protection_follow_up", "directory.entries", "directory.active_agencies", "directory.is_active",
         "directory.label", "directory.status"}

# group arrivals (issue 11)
AREAS = (*AREAS, "arrivals")
READS |= {"arrivals.remembered_mapping", "arrivals.preview", "arrivals.groups", "arrivals.group", "arrivals.rows",
          "arrivals.household", "arrivals.destinations", "arrivals.queue", "arrivals.figures",
          "arrivals.arrival_figures", "arrivals.surge_active", "arrivals.headcount"}
READS |= {"arrivals.group_households"}      # the households the quick registration form offers

FACILITY = codelists.health_facilities()[0].code
HEALTH = {"kind": "health", "agency_code": FACILITY, "reason_code": "PRESUMPTIVE_TB", "urgency": "SAME_DAY"}


def public_methods(session: Session) -> set[str]:
    return {f"{area}.{name}" for area in AREAS for name, _ in inspect.getmembers(getattr(session, area),
                                                                                 inspect.ismethod)
            if not name.startswith("_")}


def test_the_facade_is_small_and_has_no_flat_use_cases(supervisor) -> None:
    flat = {n for n in dir(supervisor) if not n.startswith("_")}
    assert flat == {*AREAS, "user", "site", "notices", "store", "keyfile", "closed", "lock", "close", "batch",
                    "open_sync_connection"}


@pytest.fixture
def world(supervisor, sign_in, tmp_path, clock) -> dict[str, Any]:
    """A registered arrival with a health referral (by Sokha), and a conflict on its phone number."""
    sokha = sign_in("sokha")
    reg = sokha.registrations.register(**registration(tb={"cough": True, "cough_days": 20}, referrals=[HEALTH]))
    other, _ = create_store(tmp_path / "b.db", checkpoint_name="Poipet B", username="bopha", display_name="B",
                            passphrase="lotus-pond-supervisor", clock=clock, kdf=FAST)
    Outbox(other).ingest([wire_event(e) for e in supervisor.store.events()])
    supervisor.corrections.amend_person(reg.person_id, {"phone": "011111111"}, "phone changed")
    other.corrections.amend_person(reg.person_id, {"phone": "022222222"}, "phone changed")
    Outbox(supervisor).ingest([wire_event(e) for e in other.store.events()])
    other.lock()
    [conflict] = supervisor.corrections.conflicts()
    return {"reg": reg, "sokha": sokha, "thida": sign_in("thida"), "conflict": conflict["id"], "tmp": tmp_path}


# (area.method, who calls, the call, what its Changes must say)
WRITES: list[tuple[str, str, Any, dict[str, bool]]] = [
    ("registrations.register", "sokha", lambda s, w: s.registrations.register(**registration()),
     {"persons": True, "encounters": True, "events": True}),
    ("corrections.amend_person", "dara", lambda s, w: s.corrections.amend_person(
        w["reg"].person_id, {"given_names": "DARO"}, "typo at the desk"), {"persons": True, "events": True}),
    ("corrections.amend_encounter", "dara", lambda s, w: s.corrections.amend_encounter(
        w["reg"].encounter_id, {"country_of_work": "MYS"}, "misheard"), {"encounters": True, "events": True}),
    ("corrections.resolve", "dara", lambda s, w: s.corrections.resolve(w["conflict"], "other"),
     {"persons": True, "events": True}),
    ("corrections.void", "dara", lambda s, w: s.corrections.void("referral", w["reg"].referral_ids[0], "twice"),
     {"referrals": True, "events": True}),
    ("review.approve", "dara", lambda s, w: s.review.approve(w["reg"].encounter_id),
     {"encounters": True, "events": True}),
    ("review.approve_many", "dara", lambda s, w: s.review.approve_many([w["reg"].encounter_id]),
     {"encounters": True, "events": True}),
    # (the arrival's TB referral is closed first: a person with an open one gets no second, tb_followup.py)
    ("referrals.add", "dara", lambda s, w: (s.referrals.update(w["reg"].referral_ids[0], {"status": "closed"}),
                                            s.referrals.add(w["reg"].encounter_id, HEALTH))[1],
     {"referrals": True, "events": True}),
    ("referrals.update", "thida", lambda s, w: s.referrals.update(w["reg"].referral_ids[0], {"status": "arrived"}),
     {"referrals": True, "events": True}),
    ("drafts.save", "sokha", lambda s, w: s.drafts.save({"step": "identity"}), {"drafts": True}),
    ("drafts.discard", "sokha", lambda s, w: s.drafts.discard(s.drafts.save({}).ids["draft"]), {"drafts": True}),
    ("users.add", "dara", lambda s, w: s.users.add("mealea", "Mealea", "officer", "a fine passphrase"),
     {"users": True, "events": True}),
    ("users.set_passphrase", "dara", lambda s, w: s.users.set_passphrase("sokha", "a new fine passphrase"),
     {"users": True, "events": True}),
    ("users.set_status", "dara", lambda s, w: s.users.set_status("vanna", "disabled"),
     {"users": True, "events": True}),
    ("users.set_role", "dara", lambda s, w: s.users.set_role("vanna", "supervisor"), {"users": True, "events": True}),
    ("users.rotate_data_key", "dara", lambda s, w: s.users.rotate_data_key(), {"users": True}),
    ("maintenance.export_csv", "dara", lambda s, w: s.maintenance.export_csv(w["tmp"] / "out.csv"),
     {"events": True}),
    ("maintenance.backup", "dara", lambda s, w: s.maintenance.backup(w["tmp"] / "copy.db"), {"events": True}),
    ("slips.record_printed", "sokha", lambda s, w: s.slips.record_printed(w["reg"].referral_ids[0]),
     {"events": True}),
    ("consents.withdraw", "dara", lambda s, w: s.consents.withdraw(w["reg"].encounter_id, "sharing"),
     {"encounters": True, "events": True}),
    ("referrals.refer", "sokha", lambda s, w: s.referrals.refer(w["reg"].encounter_id, agency_code="IOM",
                                                               urgency="SAME_DAY", reason="asked for help"),
     {"referrals": True, "events": True}),
]
# Issue 14: the health post's area.
AREAS = (*AREAS, "health")
READS |= {"health.tb_policy", "health.person", "health.cascade"}
READS |= {"health.follow_up", "health.open_referral"}      # issue 14 follow-up: one open TB referral per person
WRITES += [
    ("health.screen", "thida", lambda s, w: s.health.screen(w["reg"].encounter_id, {"fever": True}, consent=True),
     {"referrals": True, "events": True}),
    ("health.record", "thida", lambda s, w: s.health.record(w["reg"].referral_ids[0], {"status": "arrived"}),
     {"referrals": True, "events": True}),
    ("health.transfer", "thida", lambda s, w: s.health.transfer(
        (s.health.record(w["reg"].referral_ids[0], {"diagnosis": "CLINICALLY_DIAGNOSED"}),
         w["reg"].referral_ids[0])[1]),
     {"referrals": True, "events": True}),
    ("health.set_tb_policy", "dara", lambda s, w: s.health.set_tb_policy(xray_on_site=False,
                                                                          detention_alone_to_xray=True),
     {"events": True}),
]
# group arrivals (issue 11)
_ADULT = {"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 30}
_LIST = b"Name,Sex,DOB\nSOK DARA,M,17/05/2533\n"
WRITES += [
    ("arrivals.create_group", "sokha", lambda s, w: s.arrivals.create_group({"transport": "BUS"}), {"events": True}),
    ("arrivals.import_list", "sokha", lambda s, w: s.arrivals.import_list(_LIST, "l.csv"), {"events": True}),
    ("arrivals.mark_row_left", "sokha", lambda s, w: s.arrivals.mark_row_left(
        s.arrivals.import_list(_LIST, "l.csv").group_id, 2), {"events": True}),
    ("arrivals.quick_register", "sokha", lambda s, w: s.arrivals.quick_register(_ADULT),
     {"persons": True, "encounters": True, "events": True}),
    ("arrivals.call_next", "sokha", lambda s, w: (s.arrivals.quick_register(_ADULT),
                                                  s.arrivals.call_next("NEA_DESK"))[1], {"events": True}),
    ("arrivals.close", "sokha", lambda s, w: s.arrivals.close(s.arrivals.quick_register(_ADULT).queue_entry_ids[0],
                                                              "left"), {"events": True}),
    ("arrivals.set_surge", "dara", lambda s, w: s.arrivals.set_surge(True), {"events": True}),
    ("arrivals.count_passing", "dara", lambda s, w: (s.arrivals.set_surge(True),
                                                     s.arrivals.count_passing("F", "child"))[1], {"events": True}),
    ("directory.apply", "dara", lambda s, w: s.directory.apply(_reference(s), checkpoint_id="cp-1"),
     {"referrals": True}),
    ("directory.refuse", "dara", lambda s, w: s.directory.refuse("a test refusal"), {}),
]
# issue 13: assistance at the transit centre, NEA job registration
AREAS = (*AREAS, "assistance", "nea")
READS |= {"assistance.items", "assistance.item", "assistance.providers", "assistance.policy",
          "assistance.first_cash_grant", "assistance.received", "assistance.figures", "nea.consent_stands",
          "nea.prefill", "nea.of_person", "nea.rows"}
_NEA_FORM = {"desired_job": "DRIVER", "phone": "012345678"}
WRITES += [
    ("assistance.give", "sokha", lambda s, w: s.assistance.give(w["reg"].person_id, "WATER", 1), {"events": True}),
    ("assistance.void", "sokha", lambda s, w: s.assistance.void(
        s.assistance.give(w["reg"].person_id, "WATER", 1).ids["assistance"], "wrong person"), {"events": True}),
    ("assistance.correct", "sokha", lambda s, w: s.assistance.correct(
        s.assistance.give(w["reg"].person_id, "WATER", 1).ids["assistance"], quantity=2, reason="two bottles"),
     {"events": True}),
    ("assistance.set_policy", "dara", lambda s, w: s.assistance.set_policy(cash_period_days=14), {"events": True}),
    ("nea.register", "sokha", lambda s, w: s.nea.register(w["reg"].encounter_id, _NEA_FORM,
                                                          consent={"granted": True}), {"events": True}),
    ("nea.export", "dara", lambda s, w: s.nea.export(None, None, Path(tempfile.mkdtemp()) / "nea.csv"),
     {"events": True}),
]

# the flow (issues 11, 12, 14): the full registration continued on a quick registration's arrival
READS |= {"registrations.arrival"}
WRITES += [
    ("registrations.complete", "sokha", lambda s, w: s.registrations.complete(
        s.arrivals.quick_register(_ADULT).encounter_id, consents={"storage": True}),
     {"persons": True, "encounters": True, "events": True}),
]

def _reference(s: Session) -> dict[str, Any]:
    """HQ's reference data as the sync code hands it over once its signature is verified (issue 16)."""
    now = s.store.clock.now()
    return {"kind": "reference", "version": 2, "checkpoint_id": "cp-1", "issued_at": now.isoformat(),
            "expires_at": (now + timedelta(days=30)).isoformat(),
            "directory": [{"code": "NGO_TEST", "kind": "ngo", "name_en": "Test NGO", "services": ["shelter"]}]}
# issue 12, point 6: data minimisation. The pass and the fetch-back write only what HQ acknowledged: their Changes are
# checked against a real HQ in tests/sync/device/test_minimise.py (WITH_HQ), not on this world that never synced.
AREAS = (*AREAS, "retention")
READS |= {"retention.period_days", "retention.minimised_events", "retention.check_fetch"}
WRITES += [("retention.set_period", "dara", lambda s, w: s.retention.set_period(45), {"events": True})]
WITH_HQ = {"retention.minimise", "retention.auto", "retention.restore_from_hq"}
# issue 16 point 4: a slip's QR code checked on the device (reads only: tests/services/test_slipcheck.py)
AREAS = (*AREAS, "slipcheck")
READS |= {"slipcheck.check_slip", "slipcheck.trusted_keys"}
READS |= {"directory.device_checkpoints"}     # where an arrival pulled from HQ was registered (HQ's reference data)


def test_every_area_method_is_a_known_read_or_write(supervisor) -> None:
    assert public_methods(supervisor) == READS | {name for name, *_ in WRITES} | WITH_HQ
    assert not READS & {name for name, *_ in WRITES}


@pytest.mark.parametrize(("name", "who", "call", "expected"), WRITES, ids=[w[0] for w in WRITES])
def test_every_write_returns_changes(supervisor, world, name, who, call, expected) -> None:
    s = {"dara": supervisor, "sokha": world["sokha"], "thida": world["thida"]}[who]
    result = call(s, world)
    changes = result if isinstance(result, Changes) else result.changes
    assert isinstance(changes, Changes), name
    assert {k: getattr(changes, k) for k in expected} == expected
    assert changes != Changes()


def test_the_value_a_write_produces_travels_with_its_changes(supervisor, sign_in, tmp_path) -> None:
    sokha = sign_in("sokha")
    saved = sokha.drafts.save({"step": "identity", "family_name": "SOK"})
    assert [d.id for d in sokha.drafts.list()] == [saved.ids["draft"]]
    assert sokha.drafts.save({"step": "journey"}, draft_id=saved.ids["draft"]).ids == saved.ids   # replaced
    added = supervisor.users.add("mealea", "Mealea", "officer", "a fine passphrase")
    assert added.ids["user"] in {u.id for u in supervisor.users.list()}
    reg = supervisor.registrations.register(**registration())
    assert isinstance(reg, Registered) and reg.changes.ids == {"person": reg.person_id, "encounter": reg.encounter_id}
    ref = supervisor.referrals.add(reg.encounter_id, HEALTH)
    assert supervisor.referrals.get(ref.ids["referral"]).encounter_id == reg.encounter_id

    exported = supervisor.maintenance.export_csv(tmp_path / "out.csv")
    assert isinstance(exported, Exported) and exported.path == tmp_path / "out.csv"
    with open(exported.path, encoding="utf-8-sig", newline="") as f:
        assert exported.rows == len(list(csv.reader(f))) - 1 == 1
    backed = supervisor.maintenance.backup(tmp_path / "copy.db")
    assert isinstance(backed, BackedUp) and backed.path.exists() and backed.keys == Path(f"{backed.path}.keys")
    assert backed.keys.exists()


def test_reads_are_typed_rows(supervisor, sign_in) -> None:
    reg = sign_in("sokha").registrations.register(**registration(tb={"cough": True, "cough_days": 20},
                                                                 referrals=[HEALTH]))
    sign_in("sokha").drafts.save({"step": "identity"})
    [hit] = supervisor.records.search("SOK")
    assert isinstance(hit, PersonSummary) and hit.id == reg.person_id and hit.last_arrival_at
    assert supervisor.records.page() == [hit] and supervisor.records.count() == 1
    [dup] = supervisor.registrations.find_duplicates(adult())
    assert dup.id == reg.person_id and dup.reasons[0] == "same_document"
    [row] = supervisor.referrals.list(kind="health")
    assert isinstance(row, ReferralRow) and (row.family_name, row.status, row.is_open) == ("SOK", "referred", True)
    assert all(isinstance(u, UserAccount) for u in supervisor.users.list())
    [draft] = sign_in("sokha").drafts.list()
    assert isinstance(draft, Draft) and draft.payload == {"step": "identity"}
    [pending] = supervisor.review.pending()
    assert isinstance(pending, PendingArrival) and pending.encounter_id == reg.encounter_id


# ---------------------------------------------------------------------------------------------------- review
def test_pending_arrivals_name_who_registered_them(supervisor, sign_in, clock) -> None:
    first = sign_in("sokha").registrations.register(**registration())
    clock.advance(minutes=1)
    second = supervisor.registrations.register(**registration(person=adult(family_name="CHAN")))
    rows = supervisor.review.pending()
    assert [(r.encounter_id, r.officer) for r in rows] == [(first.encounter_id, "Sokha"),
                                                           (second.encounter_id, "Dara")]   # oldest first
    assert len(supervisor.review.pending(limit=1)) == 1
    with pytest.raises(PermissionDenied):
        sign_in("sokha").review.pending()


def test_approve_many_approves_what_it_can_and_says_why_not_the_rest(supervisor) -> None:
    a = supervisor.registrations.register(**registration())
    b = supervisor.registrations.register(**registration(person=adult(family_name="CHAN")))
    c = supervisor.registrations.register(**registration(person=adult(family_name="KEO")))
    supervisor.review.approve(b.encounter_id)
    supervisor.corrections.void("encounter", c.encounter_id, "entered twice")
    result = supervisor.review.approve_many([a.encounter_id, b.encounter_id, c.encounter_id, "not-an-id"])
    assert isinstance(result, ApproveResult) and result.approved == (a.encounter_id,)
    assert [(eid, type(e)) for eid, e in result.failed] == [(b.encounter_id, ConflictError),
                                                            (c.encounter_id, ConflictError),
                                                            ("not-an-id", ValidationError)]
    assert "already approved" in str(result.failed[0][1]) and "voided" in str(result.failed[1][1])
    assert result.changes.encounters and supervisor.review.pending() == []
    assert supervisor.review.approve_many([]) == ApproveResult(Changes(), (), ())


# ---------------------------------------------------------------------------------------------------- referrals
@pytest.mark.parametrize(("status", "diagnosis", "expected"), [
    ("referred", "", True), ("arrived", "", True), ("cxr_done", "", True), ("xpert_done", "", True),
    ("diagnosed", "BACT_CONFIRMED", True), ("diagnosed", "NOT_TB", False), ("treatment_started", "", False),
    ("lost_to_follow_up", "", False), ("closed", "", False),
])
def test_is_open(status: str, diagnosis: str, expected: bool) -> None:
    assert is_open(status, diagnosis) is expected


def test_open_stages_are_the_cascade_before_treatment() -> None:
    assert OPEN_STAGES == ("referred", "arrived", "cxr_done", "xpert_done", "diagnosed")


@pytest.fixture
def followed(sign_in, clock) -> dict[str, Any]:
    """Five TB referrals at different stages (oldest first), as a health worker left them."""
    sokha, hw = sign_in("sokha"), sign_in("thida")
    ids = []
    for i in range(5):
        clock.advance(minutes=1)
        ids.append(sokha.registrations.register(**registration(
            person=adult(id_document_number=f"N000000{i}"), tb={"cough": True, "cough_days": 20},
            referrals=[HEALTH])).referral_ids[0])
    hw.referrals.update(ids[1], {"status": "arrived"})
    hw.referrals.update(ids[2], {"status": "diagnosed", "diagnosis": "NOT_TB"})
    hw.referrals.update(ids[3], {"status": "lost_to_follow_up"})
    hw.referrals.update(ids[4], {"status": "diagnosed", "diagnosis": "BACT_CONFIRMED"})
    hw.referrals.update(ids[4], {"treatment_started_at": "2026-11-22", "treatment_facility": "Poipet RH"})
    return {"ids": ids, "hw": hw}


def test_the_follow_up_list_by_filter(followed) -> None:
    hw, ids = followed["hw"], followed["ids"]
    rows, truncated = hw.referrals.to_follow_up("open")
    assert [r.id for r in rows] == [ids[0], ids[1]] and not truncated          # oldest first
    assert [r.id for r in hw.referrals.to_follow_up("all").rows] == ids
    assert [r.id for r in hw.referrals.to_follow_up("lost_to_follow_up").rows] == [ids[3]]
    assert [r.id for r in hw.referrals.to_follow_up("treatment_started").rows] == [ids[4]]
    with pytest.raises(ValidationError):
        hw.referrals.to_follow_up("pending")


def test_rows_updated_on_screen_stay_in_view(followed, supervisor) -> None:
    hw, ids = followed["hw"], followed["ids"]
    hw.referrals.update(ids[0], {"status": "lost_to_follow_up"})
    assert [r.id for r in hw.referrals.to_follow_up("open").rows] == [ids[1]]
    kept = hw.referrals.to_follow_up("open", keep={ids[0]: "referred"}).rows
    assert [(r.id, r.status) for r in kept] == [(ids[0], "lost_to_follow_up"), (ids[1], "arrived")]
    supervisor.corrections.void("referral", ids[0], "entered in error")
    assert [r.id for r in hw.referrals.to_follow_up("open", keep={ids[0]: "referred"}).rows] == [ids[1]]
    assert [r.id for r in hw.referrals.to_follow_up("open", keep={"b" * 36: "referred"}).rows] == [ids[1]]


def test_the_follow_up_list_says_when_a_query_hit_its_limit(followed) -> None:
    rows, truncated = followed["hw"].referrals.to_follow_up("all", limit=5)
    assert len(rows) == 5 and truncated
    rows, truncated = followed["hw"].referrals.to_follow_up("all", limit=6)
    assert len(rows) == 5 and not truncated


def test_one_referral_is_read_with_the_rules_of_its_kind(sign_in, supervisor) -> None:
    r = sign_in("sokha").registrations.register(**registration(
        trafficking={"ticked": POSITIVE_ADULT}, tb={"cough": True, "cough_days": 20},
        referrals=[HEALTH, {"kind": "protection", "agency_code": "MoSVY_PROVINCIAL_DOSVY",
                            "reason_code": "TRAFFICKING_INDICATORS", "urgency": "SAME_DAY"}]))
    health, protection = r.referral_ids
    hw = sign_in("thida")
    assert hw.referrals.get(health).kind == "health"
    with pytest.raises(PermissionDenied):
        hw.referrals.get(protection)                                 # a health worker never sees protection
    assert supervisor.referrals.get(protection).kind == "protection"
    with pytest.raises(PermissionDenied):
        sign_in("rith").referrals.get(health)                        # an admin sees no referral at all
    with pytest.raises(NotFound):
        supervisor.referrals.get("00000000-0000-4000-8000-000000000000")


# ---------------------------------------------------------------------------------------------------- sync
def test_sync_gets_its_own_connection_for_the_same_user(supervisor) -> None:
    second = supervisor.open_sync_connection()
    try:
        assert second is not supervisor and second.store is not supervisor.store
        assert second.store.db.conn is not supervisor.store.db.conn
        assert (second.user, second.site) == (supervisor.user, supervisor.site)
        r = second.registrations.register(**registration())             # what one writes, the other reads
        assert supervisor.records.get(r.person_id)["person"]["family_name"] == "SOK"
        assert Outbox(second).status()["pending"] == Outbox(supervisor).status()["pending"]
    finally:
        second.lock()
    assert supervisor.records.count() == 1                             # closing it leaves the main one open
    supervisor.lock()
    with pytest.raises(StoreError):
        supervisor.open_sync_connection()


def test_an_officers_sync_connection_still_cannot_sync(sign_in) -> None:
    second = sign_in("sokha").open_sync_connection()
    try:
        with pytest.raises(PermissionDenied):
            Outbox(second)
    finally:
        second.lock()


def test_a_locked_session_refuses_every_area(supervisor, store_path, clock) -> None:
    supervisor.lock()
    for call in (lambda: supervisor.records.search("SOK"), lambda: supervisor.drafts.list(),
                 lambda: supervisor.users.list(), lambda: supervisor.maintenance.stats()):
        with pytest.raises(StoreError, match="locked"):
            call()
    unlock(store_path, "dara", PASS["dara"], clock=clock, kdf=FAST).lock()   # the store itself is fine
