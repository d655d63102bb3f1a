"""Pull: another device's events about this checkpoint's persons (and nothing else), resumable with a cursor,
only for an enrolled device that proves it; reference data. Runs on SQLite and (when available) PostgreSQL."""

from __future__ import annotations

import uuid

import pytest

from checkpoint.errors import SignatureInvalid, UnsupportedFormat, ValidationError
from checkpoint.events import WIRE_FIELDS
from checkpoint.services.outbox import Outbox
from sync.errors import DeviceRevoked, DeviceUnknown
from sync.wire import ACK, PULL, REFERENCE, open_signed, pull_request, reference_request
from tests.support.helpers import registration
from tests.support.hq_helpers import FakeDevice, answer, enroll, sync_all, synthetic_registration


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def pull(hq, dev, cursor: str = "", limit: int = 100) -> dict:
    req = dev.pull_request(cursor, limit)
    body = answer(PULL, hq.pull(req.blob), req, hq.keys.signing_public)
    assert body["kind"] == "pull" and body["device_id"] == dev.device_id and body["cursor"] == cursor
    assert body["nonce"] == req.nonce
    return body


def registration_with_referral(dev, referral_id: str, *, sharing: bool = True) -> dict:
    person = str(uuid.uuid4())
    payload = synthetic_registration(1, person_id=person, sharing=sharing)
    payload["referrals"] = [{"id": referral_id, "kind": "health"}]
    return dev.event(entity_id=person, payload=payload)


def test_pull_returns_other_devices_events_about_our_persons_only(hq) -> None:
    poipet, clinic, bavet = FakeDevice(), FakeDevice(checkpoint_name="Clinic"), FakeDevice(checkpoint_name="Bavet")
    for d in (poipet, clinic, bavet):
        d.enroll(hq)
    ours = registration_with_referral(poipet, "r1")                           # Poipet registers a person
    hq.push(poipet.seal([ours, poipet.event()], hq.keys.exchange_public))
    person = ours["entity_id"]
    assert hq.link(person, "Clinic", "TB referral follow-up")["queued"] == 1  # HQ links the clinic explicitly
    outcome = clinic.event(type_="referral.updated", entity_id=person,
                           payload={"referral_id": "r1", "changes": {"status": "completed"}})
    unrelated = clinic.event()                                                # the clinic's own person
    hq.push(clinic.seal([outcome, unrelated], hq.keys.exchange_public))
    hq.push(bavet.seal(bavet.events(2), hq.keys.exchange_public))

    body = pull(hq, poipet)
    assert [e["id"] for e in body["events"]] == [outcome["id"]]
    (got,) = body["events"]
    assert got == {k: outcome[k] for k in WIRE_FIELDS}                        # wire form, payload as JSON text
    assert body["more"] is False
    # The clinic sees Poipet's events only about the person it is linked to; Bavet sees nothing of either.
    assert [e["id"] for e in pull(hq, clinic)["events"]] == [ours["id"]]
    assert pull(hq, bavet)["events"] == []


def test_the_cursor_resumes_and_more_says_when_to_ask_again(hq) -> None:
    a, b = FakeDevice(), FakeDevice()                 # two laptops of one checkpoint share its persons
    a.enroll(hq)
    b.enroll(hq)
    mine = b.events(1)
    hq.push(b.seal(mine, hq.keys.exchange_public))
    evs = a.events(7)
    hq.push(a.seal(evs, hq.keys.exchange_public))
    seen: list[str] = []
    cursor = ""
    pages = 0
    while True:
        body = pull(hq, b, cursor, limit=3)
        seen += [e["id"] for e in body["events"]]
        cursor = body["next_cursor"]
        pages += 1
        if not body["more"]:
            break
    assert seen == [e["id"] for e in evs] and pages == 3
    assert pull(hq, b, cursor)["events"] == []                           # nothing new
    late = a.events(2)
    hq.push(a.seal(late, hq.keys.exchange_public))
    assert [e["id"] for e in pull(hq, b, cursor)["events"]] == [e["id"] for e in late]


def test_held_events_are_pulled_only_once_released(hq) -> None:
    a, b = FakeDevice(), FakeDevice()
    a.enroll(hq)
    b.enroll(hq)
    evs = a.events(3)
    hq.push(a.seal(evs[1:], hq.keys.exchange_public))                    # held: event 1 missing
    body = pull(hq, b)
    assert body["events"] == []
    hq.push(a.seal(evs[:1], hq.keys.exchange_public))
    assert [e["id"] for e in pull(hq, b, body["next_cursor"])["events"]] == [e["id"] for e in evs]


def test_pull_needs_an_enrolled_active_device_and_its_signature(hq) -> None:
    dev, stranger = FakeDevice(), FakeDevice()
    dev.enroll(hq)
    forged = pull_request(stranger.signing_private, dev.device_id, "", 10)      # signed with another key
    with pytest.raises(SignatureInvalid):
        hq.pull(forged.blob)
    real = dev.pull_request("", 10).blob
    with pytest.raises(SignatureInvalid):                       # one byte of the signed body changed
        hq.pull(real.replace(b'"limit":10', b'"limit":99'))
    with pytest.raises(UnsupportedFormat):
        hq.pull(b"not a request")
    with pytest.raises(DeviceUnknown):
        hq.pull(stranger.pull_request().blob)
    for cursor, limit in (("abc", 10), ("-1", 10), ("", 0), ("", -5), ("1" * 30, 10), ("9" * 19, 10), ("²", 10),
                          ("٣", 10), (" 1", 10)):
        with pytest.raises(ValidationError):
            hq.pull(dev.pull_request(cursor, limit).blob)
    hq.revoke(dev.device_id)
    with pytest.raises(DeviceRevoked):
        pull(hq, dev)


def test_reference_data_lists_revoked_devices_and_is_signed(hq) -> None:
    dev, lost = FakeDevice(), FakeDevice()
    dev.enroll(hq)
    lost.enroll(hq)
    req = dev.reference_request()
    doc = answer(REFERENCE, hq.reference(req.blob), req, hq.keys.signing_public)
    assert doc["kind"] == "reference" and doc["revoked_devices"] == [] and doc["lists"] == {}
    hq.revoke(lost.device_id, "stolen")
    req2 = dev.reference_request()
    doc2 = answer(REFERENCE, hq.reference(req2.blob), req2, hq.keys.signing_public)
    assert doc2["revoked_devices"] == [lost.device_id] and doc2["version"] > doc["version"]
    with pytest.raises(SignatureInvalid):
        hq.reference(reference_request(lost.signing_private, dev.device_id).blob)
    with pytest.raises(UnsupportedFormat):                      # a pull request is not a reference request
        hq.reference(dev.pull_request().blob)


def test_a_real_device_ingests_what_it_pulls(hq, supervisor, make_device) -> None:
    """End to end through real stores: Poipet registers, a second Poipet laptop amends, Poipet pulls it."""
    enroll(hq, supervisor)
    second = make_device("b")
    enroll(hq, second)
    reg = supervisor.registrations.register(**registration())
    sync_all(hq, supervisor)
    ob2 = Outbox(second)
    ident2 = ob2.identity()
    req = pull_request(ident2["signing_private"], ident2["device_id"], "", 500, now=second.store.clock.now())
    doc = answer(PULL, hq.pull(req.blob), req, hq.keys.signing_public)
    counts = ob2.ingest(doc["events"], cursor=doc["next_cursor"])
    assert counts["applied"] == len(doc["events"]) >= 1
    pid = reg.person_id
    assert second.store.db.execute("SELECT count(*) FROM persons WHERE id = ?", [pid]).fetchone()[0] == 1


def test_an_event_about_a_person_hq_does_not_know_is_refused_and_never_follows(hq) -> None:
    """Writing about a person id (seen in a CSV export, or made up) does not make a checkpoint follow it: the event
    is quarantined, and when the person is registered later their registering checkpoint alone follows them."""
    poipet, laptop2, clinic = FakeDevice(), FakeDevice(), FakeDevice(checkpoint_name="Clinic")
    for d in (poipet, laptop2, clinic):
        d.enroll(hq)
    person = "5f0c2d1e-0000-4000-8000-00000000000a"
    outcome = clinic.event(type_="referral.updated", entity_id=person,
                           payload={"referral_id": "r1", "changes": {"status": "completed"}})
    ack = open_signed(ACK, hq.push(clinic.seal([outcome], hq.keys.exchange_public)), hq.keys.signing_public)
    verdict, note = ack["verdicts"][outcome["id"]]
    assert verdict == "quarantined" and "does not follow" in note
    other = poipet.events(1)
    registration_ev = poipet.event(entity_id=person)
    hq.push(poipet.seal([*other, registration_ev], hq.keys.exchange_public))
    assert pull(hq, poipet)["events"] == []
    got = [e["id"] for e in pull(hq, laptop2, limit=1000)["events"]]
    assert got == [other[0]["id"], registration_ev["id"]]
    assert pull(hq, clinic)["events"] == []
    assert [q["event_id"] for q in hq.quarantined()] == [outcome["id"]]
