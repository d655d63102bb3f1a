"""Issue 12, point 6: data minimisation on the device, against a real SQLCipher store and a real HQ.

Once HQ has acknowledged a record and the site's retention period has passed, the protection section and free-text
notes leave the store: not only from what SQL returns, but from the decrypted database pages and the WAL, read
with the data key (``tests.support.rawpages``). ``verify`` still passes and still catches tampering; a supervisor
can fetch the record back from HQ over HTTP (logged on both sides); an officer can do neither; an old backup is
refused.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint import protection_section
from checkpoint.clock import ManualClock
from checkpoint.errors import NotFound, PermissionDenied, ValidationError
from checkpoint.services import unlock
from checkpoint.services.chainhead import HQ_HEAD_META
from checkpoint.services.retention import MSG_BACKUP_TOO_OLD, restore_backup
from checkpoint.storage.codec import decode_payload, encode_payload
from sync.device.client import SyncClient
from sync.device.fetchback import fetch_back
from sync.device.transport import HttpTransport
from sync.hq.store import journal
from tests.support.client_harness import DEVICE_PASS, enroll, live, new_device
from tests.support.helpers import POSITIVE_ADULT, registration
from tests.support.rawpages import find

NOTE = "ZEBRA-NOTE-4471 recruiter kept her passport"       # a distinctive free-text note
DEBT = 98765.25                                            # a distinctive debt amount (protection section)
OFFICER_PASS = "officer lotus river 2026"


def _register(s: Any, *, kind: str = "health", note: str = NOTE) -> str:
    agency = "KH01-POIPET-RH" if kind == "health" else "MoSVY_PROVINCIAL_DOSVY"
    reason = "PRESUMPTIVE_TB" if kind == "health" else "SAFETY_RULE"
    return str(s.registrations.register(**registration(
        trafficking={"ticked": POSITIVE_ADULT},
        encounter={"return_type": "DEPORTED_G2G", "country_of_work": "THA", "recruiter_relationship": "FRIEND",
                   "debt_owed": True, "debt_amount": DEBT, "debt_currency": "THB"},
        referrals=[{"kind": kind, "agency_code": agency, "reason_code": reason, "urgency": "SAME_DAY",
                    "notes": note}])).person_id)


@pytest.fixture
def device(tmp_path: Path, clock: ManualClock, hq: Any) -> Any:
    s = new_device(tmp_path / "a.db", "Poipet", clock=clock)
    enroll(s, hq)
    yield s
    if not s.closed:
        s.lock()


def _sync(s: Any, hq: Any) -> None:
    assert SyncClient(s, hq).sync_once()["complete"]


def _section(s: Any, pid: str) -> dict[str, Any]:
    db = s.store.db
    enc = db.execute("SELECT recruiter_relationship, debt_currency, debt_amount FROM encounters WHERE person_id = ?",
                     [pid]).fetchone()
    ts = db.execute("SELECT ticked, outcome FROM trafficking_screenings WHERE person_id = ?", [pid]).fetchone()
    ref = db.execute("SELECT notes, kind, agency_code, reason_code, status FROM referrals WHERE person_id = ?",
                     [pid]).fetchone()
    return {"recruiter": enc[0], "currency": enc[1], "amount": enc[2], "ticked": json.loads(ts[0]),
            "outcome": ts[1], "notes": ref[0], "referral": ref[1:]}


def test_the_section_is_gone_from_the_database_pages_and_the_wal(device: Any, hq: Any, clock: ManualClock) -> None:
    pid = _register(device)
    _sync(device, hq)
    st = device.store
    st.checkpoint_wal("TRUNCATE")
    key, path = st.data_key, st.path
    before = find(path, key, NOTE.encode())
    assert before["db"] >= 2, before                # the scan sees it: in the referral row and the event payload
    # The protection section (debt, checklist) is sealed in the event (issue 10, point 11): no clear copy anywhere,
    # but the supervisor's keys open it, and the sealed blob's stored bytes are in the pages.
    assert find(path, key, str(DEBT).encode())["db"] == 0
    assert _opened(device, pid)["amount"] == DEBT
    stored = _stored_payload(st, pid)
    assert protection_section.SEALED_KEY in json.loads(decode_payload(stored))
    st.checkpoint_wal("TRUNCATE")
    chunks = [stored[i:i + 24] for i in range(64, len(stored) - 24, max(24, (len(stored) - 88) // 6))]
    assert sum(find(path, key, c)["db"] for c in chunks) >= 1     # the scan sees the sealed payload's bytes
    clock.advance(days=31)
    m = device.retention.minimise()
    assert (m.persons, m.events, m.wal_truncated) == (1, 1, True)
    assert m.changes.events and m.changes.encounters and m.changes.referrals     # screens redraw
    after = find(path, key, NOTE.encode())
    assert after["db"] == 0 and after["wal"] == 0, after
    assert find(path, key, str(DEBT).encode()) == {**after, "db": 0, "wal": 0}
    # the sealed blob of that event is gone too: from its payload, from the pages and from the WAL
    assert protection_section.SEALED_KEY not in json.loads(decode_payload(_stored_payload(st, pid)))
    assert all(find(path, key, c) == {**after, "db": 0, "wal": 0} for c in chunks)
    assert find(path, key, b"CREATE TABLE minimised_events")["db"] >= 1     # the scan does read the pages
    sec = _section(device, pid)
    assert sec["notes"] == "" and sec["ticked"] == [] and sec["currency"] == "" and sec["amount"] is None
    assert sec["recruiter"] == "UNKNOWN"
    # what the checkpoint still needs: the arrival, the outcome, the referral and its codes
    assert sec["outcome"] == "PRESUMED_VICTIM"
    assert sec["referral"] == ("health", "KH01-POIPET-RH", "PRESUMPTIVE_TB", "referred")
    opened = _opened(device, pid)                         # the record still opens; the section is gone
    assert opened["amount"] is None and opened["currency"] in (None, "") and not opened["ticked"]
    rep = device.maintenance.verify()
    assert rep.ok, rep.problems
    assert any("minimised after HQ acknowledged" in n and "HQ holds the originals" in n for n in rep.notes)


def test_nothing_goes_before_hq_acknowledged_or_before_the_period(device: Any, hq: Any, clock: ManualClock) -> None:
    pid = _register(device)
    clock.advance(days=40)                               # old, but HQ never acknowledged it
    m = device.retention.minimise()
    assert (m.events, m.kept) == (0, {"not_acknowledged": 1})
    assert _section(device, pid)["notes"] == NOTE
    _sync(device, hq)                                    # a supervisor's sync runs the pass afterwards:
    assert _section(device, pid)["notes"] == ""          # now acknowledged, 40 days since its last change: gone
    other = _register(device, note="second note")
    _sync(device, hq)
    clock.advance(days=29)
    assert device.retention.minimise().kept == {"within_period": 1}
    assert _section(device, other)["notes"] == "second note"
    device.retention.set_period(20)                      # a supervisor shortens it (logged)
    assert device.retention.minimise().events == 1
    assert _section(device, other)["notes"] == ""
    assert device.store.db.execute("SELECT count(*) FROM events WHERE type = 'site.retention_set'").fetchone()[0] == 1
    assert pid


def test_an_open_protection_referral_keeps_the_section_until_it_closes(device: Any, hq: Any,
                                                                        clock: ManualClock) -> None:
    pid = _register(device, kind="protection")
    _sync(device, hq)
    clock.advance(days=31)
    m = device.retention.minimise()
    assert (m.events, m.kept) == (0, {"open_referral": 1})
    assert _opened(device, pid)["notes"] == [NOTE]          # sealed (a protection note), opened by the supervisor
    rid = device.store.db.execute("SELECT id FROM referrals WHERE person_id = ?", [pid]).fetchone()[0]
    device.referrals.update(rid, {"status": "closed"})
    _sync(device, hq)
    clock.advance(days=31)
    assert device.retention.minimise().events >= 1
    sec = _section(device, pid)
    assert sec["notes"] == "" and sec["referral"][:3] == ("protection", "MoSVY_PROVINCIAL_DOSVY", "SAFETY_RULE")
    assert _opened(device, pid)["notes"] == [""]
    assert protection_section.SEALED_KEY not in json.loads(decode_payload(_stored_payload(device.store, pid)))
    assert device.maintenance.verify().ok


def test_a_dry_run_changes_nothing(device: Any, hq: Any, clock: ManualClock) -> None:
    _register(device)
    _sync(device, hq)
    clock.advance(days=31)
    dump = list(device.store.db.execute("SELECT id, payload FROM events ORDER BY local_order"))
    m = device.retention.minimise(dry_run=True)
    assert (m.dry_run, m.persons, m.events) == (True, 1, 1)
    assert list(device.store.db.execute("SELECT id, payload FROM events ORDER BY local_order")) == dump
    assert device.store.db.execute("SELECT count(*) FROM minimised_events").fetchone()[0] == 0


def _minimised(device: Any, hq: Any, clock: ManualClock) -> str:
    pid = _register(device)
    _sync(device, hq)
    clock.advance(days=31)
    assert device.retention.minimise().events == 1
    return pid


def _opened(s: Any, pid: str) -> dict[str, Any]:
    """What a supervisor holding the protection key reads of the record: the sealed section opened where it is still
    there (issue 10, point 11), through the service, as the person's record shows it."""
    enc = s.records.get(pid)["encounters"][0]
    return {"amount": enc.get("debt_amount"), "currency": enc.get("debt_currency"),
            "notes": [r.get("notes") for r in enc["referrals"]], "ticked": enc["trafficking"][0].get("ticked")}


def _stored_payload(st: Any, pid: str) -> bytes:
    return bytes(st.db.execute("SELECT payload FROM events WHERE type = 'registration.recorded' AND entity_id = ?",
                               [pid]).fetchone()[0])


def _rewrite_payload(st: Any, event_id: str, edit: Any) -> None:
    triggers = st.db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'"
                             ).fetchall()
    with st.write():
        for name, _sql in triggers:
            st.db.execute(f"DROP TRIGGER {name}")
        raw = st.db.execute("SELECT payload FROM events WHERE id = ?", [event_id]).fetchone()[0]
        p = json.loads(decode_payload(raw))
        edit(p)
        st.db.execute("UPDATE events SET payload = ? WHERE id = ?",
                      [encode_payload(json.dumps(p, sort_keys=True, separators=(",", ":"))), event_id])
        for _name, sql in triggers:
            st.db.execute(sql)


def test_verify_still_catches_tampering_after_minimisation(device: Any, hq: Any, clock: ManualClock) -> None:
    pid = _minimised(device, hq, clock)
    st = device.store
    reg = st.db.execute("SELECT id FROM events WHERE type = 'registration.recorded'").fetchone()[0]
    # the kept part of a minimised event, rewritten: PRESUMED_VICTIM -> NO_INDICATORS
    _rewrite_payload(st, reg, lambda p: p["trafficking"]["result"].update(outcome="NO_INDICATORS"))
    rep = device.maintenance.verify()
    assert any("was altered after it was minimised" in p for p in rep.problems), rep.problems
    # a non-minimised event rewritten
    other = _register(device, note="fresh")
    _sync(device, hq)
    ev = st.db.execute("SELECT id FROM events WHERE type = 'registration.recorded' AND entity_id = ?",
                       [other]).fetchone()[0]
    _rewrite_payload(st, ev, lambda p: p["trafficking"]["result"].update(outcome="NO_INDICATORS"))
    assert any(f"event {ev}" in p and "altered" in p for p in device.maintenance.verify().problems)
    assert pid


def test_verify_refuses_a_redaction_of_an_event_hq_never_acknowledged(device: Any, hq: Any,
                                                                        clock: ManualClock) -> None:
    _minimised(device, hq, clock)
    st = device.store
    by = st.db.execute("SELECT by_event FROM minimised_events").fetchone()[0]
    # A key holder redacts a record HQ has not got, and marks it minimised by the real pass.
    fresh = _register(device, note="unsynced note")
    ev = st.db.execute("SELECT id FROM events WHERE type = 'registration.recorded' AND entity_id = ?",
                       [fresh]).fetchone()[0]
    _rewrite_payload(st, ev, lambda p: p["referrals"][0].update(notes=""))
    st.db.execute("INSERT INTO minimised_events (event_id, person_id, minimised_at, by_event, kept_sha256) "
                  "VALUES (?, ?, '2026-01-01', ?, 'x')", [ev, fresh, by])
    assert any(ev in p and "does not list it" in p for p in device.maintenance.verify().problems)
    # and one whose acknowledgement (HQ's signed chain head) is gone: its original exists nowhere she can show
    st.db.execute("DELETE FROM minimised_events WHERE event_id = ?", [ev])
    st.db.execute("DELETE FROM meta WHERE key = ?", [HQ_HEAD_META])
    assert any("HQ has not acknowledged it" in p for p in device.maintenance.verify().problems)


def test_a_supervisor_fetches_a_record_back_from_hq_over_http(device: Any, hq: Any, clock: ManualClock) -> None:
    pid = _minimised(device, hq, clock)
    with live(hq) as url, HttpTransport(url, timeout=30) as t:
        with pytest.raises(ValidationError):
            fetch_back(device, t, pid, "   ")                       # a reason is required
        changes = fetch_back(device, t, pid, "court case 12/2026")
    assert changes.events and changes.encounters
    assert _section(device, pid)["notes"] == NOTE                       # a health note: kept in clear
    sec = _opened(device, pid)                                          # the section: sealed again, as written
    assert sec["currency"] == "THB" and sec["amount"] == DEBT
    assert sorted(sec["ticked"]) == sorted(POSITIVE_ADULT)
    logged = [json.loads(decode_payload(r[0])) for r in device.store.db.execute(
        "SELECT payload FROM events WHERE type = 'records.fetched_back'")]
    assert logged and logged[0]["person_id"] == pid and logged[0]["reason"] == "court case 12/2026"
    with hq.store.read() as conn:
        lines = [r[0] for r in conn.execute(sa.select(journal.c.message).where(journal.c.kind == "fetch_back"))]
    assert any(pid in line and "court case 12/2026" in line for line in lines)
    assert device.maintenance.verify().ok
    assert device.retention.minimise().kept == {"fetched_back": 1}         # kept whole for the case
    with pytest.raises(NotFound):
        device.retention.check_fetch(pid, "again")                         # nothing left to fetch


def test_an_officer_can_neither_minimise_nor_fetch_back(device: Any, hq: Any, clock: ManualClock) -> None:
    pid = _minimised(device, hq, clock)
    device.users.add("sokha", "Sokha", "officer", OFFICER_PASS)
    path = device.store.path
    device.lock()
    officer = unlock(path, "sokha", OFFICER_PASS, clock=clock)
    try:
        with pytest.raises(PermissionDenied):
            officer.retention.minimise(dry_run=True)
        with pytest.raises(PermissionDenied):
            officer.retention.set_period(5)
        with pytest.raises(PermissionDenied):
            fetch_back(officer, hq, pid, "curious")
        assert officer.retention.auto() is None
    finally:
        officer.lock()


def test_a_supervisor_sign_in_runs_the_pass(device: Any, hq: Any, clock: ManualClock) -> None:
    pid = _register(device)
    _sync(device, hq)
    path = device.store.path
    device.lock()
    clock.advance(days=31)
    s = unlock(path, "dara", DEVICE_PASS, clock=clock)
    try:
        assert _section(s, pid)["notes"] == ""
    finally:
        s.lock()


def test_an_old_backup_is_refused_and_nothing_changes(device: Any, clock: ManualClock, tmp_path: Path) -> None:
    device.maintenance.backup(tmp_path / "b.db")
    target = tmp_path / "restored.db"
    restore_backup(tmp_path / "b.db", target, "dara", DEVICE_PASS, clock=clock)      # a fresh one restores
    assert target.exists()
    clock.advance(days=31)
    again = tmp_path / "again.db"
    with pytest.raises(ValidationError) as e:
        restore_backup(tmp_path / "b.db", again, "dara", DEVICE_PASS, clock=clock)
    assert MSG_BACKUP_TOO_OLD in str(e.value)
    assert not again.exists() and not Path(str(again) + ".keys").exists()


# ---------------------------------------------------------------------------------------------- checkpoint-admin
def _past_device(tmp_path: Path, hq_clock: ManualClock, hq: Any) -> tuple[Path, str]:
    """A store whose records HQ acknowledged 40 days ago (the CLI runs on today's clock)."""
    s = new_device(tmp_path / "old.db", "Poipet", clock=hq_clock)
    try:
        enroll(s, hq)
        pid = _register(s)
        _sync(s, hq)
        s.users.add("sokha", "Sokha", "officer", OFFICER_PASS)
        _sync(s, hq)
    finally:
        s.lock()
    return tmp_path / "old.db", pid


@pytest.fixture
def past_clock() -> ManualClock:
    from datetime import UTC, datetime, timedelta
    return ManualClock(datetime.now(UTC) - timedelta(days=40))


@pytest.fixture
def past_hq(tmp_path: Path, past_clock: ManualClock) -> Any:
    from tests.support.client_harness import new_hq
    (tmp_path / "hq").mkdir()
    service = new_hq(tmp_path / "hq", clock=past_clock)
    yield service
    service.store.close()


def test_cli_minimise_dry_run_counts_then_the_pass_runs(tmp_path: Path, past_clock: ManualClock,
                                                       past_hq: Any) -> None:
    from tests.cli.test_cli import run
    db, pid = _past_device(tmp_path, past_clock, past_hq)
    dry = run(db, "minimise", "--dry-run", "--json", pw=DEVICE_PASS)
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout) | {"seconds": 0} == {"dry_run": True, "persons": 1, "events": 1, "kept": {},
                                                       "wal_truncated": False, "seconds": 0}
    again = run(db, "minimise", "--dry-run", pw=DEVICE_PASS)
    assert again.returncode == 0 and "Would minimise 1 records (1 events)" in again.stdout   # nothing changed
    done = run(db, "minimise", "--json", pw=DEVICE_PASS)
    assert json.loads(done.stdout)["events"] == 1
    assert json.loads(run(db, "minimise", "--dry-run", "--json", pw=DEVICE_PASS).stdout)["events"] == 0
    officer = run(db, "--user", "sokha", "minimise", "--dry-run", pw=OFFICER_PASS)
    assert officer.returncode == 4 and "may not do this (minimise)" in officer.stderr
    officer_fetch = run(db, "--user", "sokha", "fetch-back", pid, "--reason", "curious", pw=OFFICER_PASS)
    assert officer_fetch.returncode == 4 and "may not do this (minimise)" in officer_fetch.stderr
    no_reason = run(db, "fetch-back", pid, "--reason", " ", pw=DEVICE_PASS)
    assert no_reason.returncode == 4 and "Say why this case needs the record" in no_reason.stderr


def test_cli_refuses_an_old_backup_with_a_clear_line(tmp_path: Path, past_clock: ManualClock) -> None:
    from tests.cli.test_cli import run
    s = new_device(tmp_path / "a.db", "Poipet", clock=past_clock)
    try:
        s.maintenance.backup(tmp_path / "b.db")            # made 40 days ago
    finally:
        s.lock()
    p = run(None, "restore", str(tmp_path / "b.db"), "--to", str(tmp_path / "r.db"), "--user", "dara",
            pw=DEVICE_PASS)
    assert p.returncode == 4 and "older than the site's retention period" in p.stderr and "Nothing" in p.stderr
    assert not (tmp_path / "r.db").exists()


def test_a_limited_pass_leaves_the_rest_for_the_next_one(device: Any, hq: Any, clock: ManualClock) -> None:
    first, second = _register(device), _register(device, note="another note")
    _sync(device, hq)
    clock.advance(days=31)
    m = device.retention.minimise(limit=1)           # what sign-in and a sync do, with AUTO_LIMIT records
    assert (m.persons, m.kept) == (1, {"next_pass": 1})
    assert sorted(_section(device, p)["notes"] for p in (first, second)) in (["", NOTE], ["", "another note"])
    assert device.retention.minimise().persons == 1
    assert [_section(device, p)["notes"] for p in (first, second)] == ["", ""]
    assert device.maintenance.verify().ok


def _sealed_over_store(tmp_path: Path, hq: Any, clock: ManualClock) -> Any:
    """A store from before sealing (fixture 0009_trust), enrolled and synced; the supervisor's next sign-in seals
    the section of what HQ holds (``sealed_over``). Signed in; the caller locks it."""
    import shutil

    fixture = Path(__file__).parents[2] / "storage" / "fixtures" / "schema_0009_trust.db"
    db = tmp_path / "old.db"
    shutil.copy(fixture, db)
    shutil.copy(str(fixture) + ".keys", str(db) + ".keys")
    s = unlock(db, "dara", "fixture passphrase", clock=clock)
    enroll(s, hq)
    _sync(s, hq)
    s.lock()
    return unlock(db, "dara", "fixture passphrase", clock=clock)


def test_an_event_sealed_after_it_was_written_and_then_minimised_verifies_and_tampering_is_caught(
        tmp_path: Path, hq: Any, clock: ManualClock) -> None:
    """Issue 10 point 11 with issue 12 point 6: a store from before sealing is enrolled and synced, a supervisor's
    sign-in seals the section of what HQ holds (``sealed_over``), and once the period has passed the pass drops the
    sealed blob. ``verify`` composes both checks: no false "altered"; a changed payload or seal is still caught."""
    s = _sealed_over_store(tmp_path, hq, clock)
    try:
        st = s.store
        reg = next(st.events(where="type = 'registration.recorded'"))
        assert reg["sealed_over"] and protection_section.SEALED_KEY in json.loads(reg["payload"])
        assert s.maintenance.verify().ok
        clock.advance(days=31)
        assert s.retention.minimise().events >= 1
        row = st.db.execute("SELECT payload, sealed_over FROM events WHERE id = ?", [reg["id"]]).fetchone()
        assert row[1] == reg["sealed_over"]                                  # the seal's record stays
        assert protection_section.SEALED_KEY not in json.loads(decode_payload(row[0]))   # the sealed blob went
        assert st.db.execute("SELECT 1 FROM minimised_events WHERE event_id = ?", [reg["id"]]).fetchone()
        rep = s.maintenance.verify()
        assert rep.ok, rep.problems                                          # no false "altered"
        assert any("minimised after HQ acknowledged" in n for n in rep.notes)
        # Sealing again is refused by the store (sealed once), and so is any other change to the event.
        with pytest.raises(Exception, match="immutable"):
            st.db.execute("UPDATE events SET sealed_over = '{}' WHERE id = ?", [reg["id"]])
        with pytest.raises(Exception, match="immutable"):
            st.db.execute("UPDATE events SET author = 'x' WHERE id = ?", [reg["id"]])
        # A key holder changes the minimised payload: caught.
        _rewrite_payload(st, reg["id"], lambda p: p["encounter"].update(return_type="VOLUNTARY"))
        problems = s.maintenance.verify().problems
        assert any(reg["id"] in p and "altered after it was minimised" in p for p in problems), problems
        # Put back, then forge the seal's record instead: caught.
        st.db.execute("DROP TRIGGER events_immutable")
        st.db.execute("UPDATE events SET payload = ? WHERE id = ?", [row[0], reg["id"]])
        assert s.maintenance.verify().ok
        info = json.loads(row[1])
        info["sig"] = "00" * 64
        st.db.execute("UPDATE events SET sealed_over = ? WHERE id = ?", [json.dumps(info), reg["id"]])
        problems = s.maintenance.verify().problems
        assert any(reg["id"] in p and "not sealed by a supervisor" in p for p in problems), problems
    finally:
        s.lock()


def test_a_sealed_then_minimised_record_fetched_back_from_hq_verifies(tmp_path: Path, hq: Any,
                                                                      clock: ManualClock) -> None:
    """HQ holds such an event as it was written (in clear: its hash is over that); fetched back, the payload gives
    the hash again, so verify does not call it changed, and the supervisor reads the section."""
    s = _sealed_over_store(tmp_path, hq, clock)
    try:
        reg = next(s.store.events(where="type = 'registration.recorded'"))
        pid = reg["entity_id"]
        assert reg["sealed_over"]
        clock.advance(days=31)
        assert s.retention.minimise().events >= 1
        assert not _opened(s, pid)["ticked"]
        with live(hq) as url, HttpTransport(url, timeout=30) as t:
            fetch_back(s, t, pid, "court case 13/2026")
        assert _opened(s, pid)["ticked"] == ["ILO-DR-1"]
        rep = s.maintenance.verify()
        assert rep.ok, rep.problems
        assert any("fetched back from HQ as written" in n for n in rep.notes), rep.notes
    finally:
        s.lock()
