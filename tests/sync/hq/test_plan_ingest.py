"""The protocol's rulebook: what HQ decides for each event of a batch (``sync.hq.ingest.plan_ingest``), as tables.

No database: each case gives the batch's events and what HQ already holds (the device's watermark, its held
events, the ids and hashes HQ knows, what it quarantined), and reads the plan: a verdict per event, the new
watermark, the held events released, what becomes visible, the rows to write. ``test_ingest.py`` runs the same
rules through the service and the databases.

Events are written ``E(seq)``: a valid event of the device with sequence number ``seq`` and id ``eid(seq)``;
``E(seq, variant=1)`` is the same id with other content (another hash); ``E(seq, id_seq=n)`` another id at that
sequence number. ``held(4, 5)`` says HQ holds the device's events 4 and 5 (above its watermark).
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from checkpoint.events import event_hash
from sync.hq.ingest import Held, PersonAt, Plan, State, plan_ingest, read_events, rechecked_ids
from sync.wire import ACK, open_signed, sign_document

DEVICE = "0b6c7f2e-4c1d-4a8e-9d61-3f5a2c7e9b10"
STORE = "store-poipet-1"
PERSON = "5d3f0a9e-2b7c-4e1f-8a6d-9c0b1e2f3a4b"
NOW = "2026-11-22T01:00:00.000+00:00"
SHA = "ab" * 32
PREV = "cd" * 32


def eid(n: int) -> str:
    return f"01890000-0000-7000-8000-{n:012d}"


def E(seq: Any, *, id_seq: int | None = None, variant: int = 0, type_: str = "person.viewed",
      **fields: Any) -> dict[str, Any]:
    """A valid wire event of DEVICE (correct hash), chained to the plain ``E(seq - 1)`` as the device chains its
    events (``prev_hash``); ``fields`` override before hashing."""
    prev = _chain(seq - 1) if isinstance(seq, int) and not isinstance(seq, bool) and 1 < seq < 10_000 else "0" * 64
    ev: dict[str, Any] = {
        "id": eid(seq if id_seq is None else id_seq), "device_id": DEVICE, "device_seq": seq,
        "entity_type": "person", "entity_id": PERSON, "type": type_,
        "payload": f'{{"n":{variant}}}', "author": "user-dara", "hlc": "001795000000000.000000",
        "content_version": "ilo-2024.1", "recorded_at": "2026-11-22T01:00:00.000+00:00", "prev_hash": prev}
    ev.update(fields)
    ev["hash"] = event_hash(ev)
    return ev


@functools.cache
def _chain(seq: int) -> str:
    return str(E(seq)["hash"])


OTHER = "9e8d7c6b-5a49-4838-a726-150413f2e1d0"


def REG(seq: int, person: str) -> dict[str, Any]:
    """A registration of a new person (sharing refused)."""
    payload = ('{"consents":[{"granted":false,"purpose":"sharing"}],"encounter":{"id":"enc-' + str(seq)
               + '"},"person":{},"person_id":"' + person + '","referrals":[]}')
    return E(seq, type_="registration.recorded", entity_id=person, payload=payload)


def H(seq: int, variant: int = 0) -> str:
    return str(E(seq, variant=variant)["hash"])


def tampered(ev: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """``ev`` changed after it was hashed (its hash no longer matches)."""
    return {**ev, **fields}


def held(*seqs: int) -> dict[int, Held]:
    return {s: Held(eid(s), "person", PERSON) for s in seqs}


def header(**over: Any) -> dict[str, Any]:
    h = {"v": 1, "kind": "batch", "batch_id": "batch-7", "device_id": DEVICE, "store_id": STORE, "first_seq": 1,
         "last_seq": 9, "count": 0, "prev_sha256": PREV, "created_at": NOW, "hq_key_id": "k"}
    h.update(over)
    return h


def state(**over: Any) -> State:
    base: dict[str, Any] = {"watermark": 0, "store_id": STORE, "checkpoint_id": "cp-poipet",
                            "last_batch_id": "batch-6", "expected_prev": frozenset({PREV}),
                            "follows": frozenset({PERSON})}          # the device's checkpoint follows PERSON
    base.update(over)
    return State(**base)


def plan(events: list[Any], st: State | None = None, **head: Any) -> Plan:
    return plan_ingest(header(**head), SHA, read_events(events), st or state(), now=NOW, via="http")


def verdicts_in_order(p: Plan, events: list[Any]) -> list[str]:
    keys = [e["id"] if isinstance(e, dict) and isinstance(e.get("id"), str) else f"#{i}" for i, e in enumerate(events)]
    return [p.verdicts[k].verdict for k in keys]


# ------------------------------------------------------------------------------------------------ the rulebook
@dataclass(frozen=True)
class Case:
    rule: str
    events: list[Any]
    state: State
    verdicts: list[str]                    # per event, in batch order
    watermark: int
    released: list[int] = field(default_factory=list)      # sequence numbers released from held
    visible: list[int] | None = None                       # sequence numbers that become visible, in order
    note: str = ""                         # a part of the note of the first event's verdict
    taken: int | None = None               # how many events HQ takes in (accepted or held rows)


CASES = [
    # --- accepted, and the watermark moving over what arrived
    Case("the first event of a new device is accepted", [E(1)], state(), ["accepted"], 1, visible=[1]),
    Case("a contiguous run is accepted", [E(1), E(2), E(3)], state(), ["accepted"] * 3, 3, visible=[1, 2, 3]),
    Case("a batch continues from the watermark", [E(4), E(5)], state(watermark=3), ["accepted"] * 2, 5),
    Case("order inside a batch does not matter", [E(3), E(1), E(2)], state(), ["accepted"] * 3, 3,
         visible=[1, 2, 3]),
    # --- held: a gap in the device's sequence
    Case("a gap before the first event holds it", [E(2), E(3)], state(), ["held", "held"], 0,
         note="waiting for event 1 of this device"),
    Case("a gap after the watermark holds what follows it", [E(4)], state(watermark=2), ["held"], 2,
         note="kept; waiting for event 3 of this device before it is applied", visible=[]),
    Case("an event that does not reach the watermark leaves the held ones held", [E(4)],
         state(watermark=2, held=held(5)), ["held"], 2, released=[], visible=[]),
    Case("filling the gap releases the whole chain of held events", [E(3)], state(watermark=2, held=held(4, 5, 6)),
         ["accepted"], 6, released=[4, 5, 6], visible=[3, 4, 5, 6]),
    Case("a fill releases only up to the next gap", [E(3)], state(watermark=2, held=held(4, 6)), ["accepted"], 4,
         released=[4], visible=[3, 4]),
    Case("one batch can fill a gap and open another", [E(1), E(3)], state(), ["accepted", "held"], 1,
         visible=[1], note=""),
    Case("a fill interleaves released and new events by sequence", [E(3), E(5)], state(watermark=2, held=held(4)),
         ["accepted", "accepted"], 5, released=[4], visible=[3, 4, 5]),
    Case("a quarantined event still fills its place in the sequence", [E(1), tampered(E(2), payload='{"n":9}'), E(3)],
         state(), ["accepted", "quarantined", "accepted"], 3, visible=[1, 3]),
    Case("a sequence number HQ quarantined before fills the gap", [E(3)],
         state(watermark=1, quarantined_seqs=frozenset({2})), ["accepted"], 3),
    Case("an event without a readable sequence number fills nothing", [E(1, device_seq="1"), E(2)], state(),
         ["quarantined", "held"], 0, note="device_seq is not a positive integer"),
    # --- duplicate: same id, same content
    Case("an event HQ holds is a duplicate", [E(1)], state(watermark=1, known={eid(1): H(1)}), ["duplicate"], 1,
         note="already at HQ", visible=[], taken=0),
    Case("a held event sent again is a duplicate and releases nothing", [E(3)],
         state(watermark=1, held=held(3), known={eid(3): H(3)}), ["duplicate"], 1, released=[], visible=[]),
    Case("the same event twice in one batch is taken once", [E(1), E(1)], state(), ["accepted", "accepted"], 1,
         visible=[1], taken=1),
    # --- conflict: same id, other content (never overwrites)
    Case("same id, other content than HQ holds is a conflict", [E(1, variant=1)],
         state(watermark=1, known={eid(1): H(1)}), ["conflict"], 1, note="both are kept for a supervisor", taken=0),
    Case("same id, other content than a held event is a conflict", [E(3, variant=1)],
         state(watermark=1, held=held(3), known={eid(3): H(3)}), ["conflict"], 1),
    Case("same id twice in a batch with other content: the first copy is taken", [E(1), E(1, variant=1)], state(),
         ["accepted", "accepted"], 1, taken=1),
    Case("the first verdict given to an id is the one the ack carries", [E(1, variant=1), E(1)],
         state(watermark=1, known={eid(1): H(1)}), ["conflict", "conflict"], 1),
    # --- a sequence number already used (a device restored from a backup)
    Case("a new id at a sequence number already received is quarantined", [E(2, id_seq=102)], state(watermark=3),
         ["quarantined"], 3, note="sequence number 2 of this device is already used by another event"),
    Case("a new id at the sequence number of a held event is quarantined", [E(5, id_seq=105)],
         state(watermark=2, held=held(5)), ["quarantined"], 2, note="(device restored from a backup?)"),
    Case("a new id at a sequence number HQ quarantined is quarantined", [E(4, id_seq=104)],
         state(watermark=2, quarantined_seqs=frozenset({4})), ["quarantined"], 2, note="sequence number 4"),
    Case("two new ids at one sequence number in a batch: the second is quarantined",
         [E(2), E(2, id_seq=202)], state(watermark=1), ["accepted", "quarantined"], 2),
    # --- an event HQ quarantined before, seen again
    Case("a quarantined event sent again where its number is taken keeps its answer", [E(2)],
         state(watermark=3, quarantined_ids={eid(2): "hash mismatch: the event's content does not match its hash"}),
         ["quarantined"], 3, note="already in quarantine: hash mismatch"),
    Case("a quarantined id whose number is still free is judged afresh", [E(1)],
         state(quarantined_ids={eid(1): "malformed: lacks author"}), ["accepted"], 1),
    # --- who follows a person, and what an event may name (issue 10: synced events are untrusted)
    Case("an event about a person this checkpoint does not follow is refused, and fills its place",
         [E(1), E(2, entity_id=OTHER)], state(), ["accepted", "quarantined"], 2, visible=[1]),
    Case("the refusal does not say whether the person exists elsewhere", [E(1, entity_id=OTHER)],
         state(persons={OTHER: PersonAt("cp-bavet", False)}), ["quarantined"], 1,
         note="does not follow person"),
    Case("registering a new person makes the checkpoint follow them, in the same batch",
         [REG(1, OTHER), E(2, entity_id=OTHER, prev_hash=REG(1, OTHER)["hash"])],
         state(), ["accepted", "accepted"], 2, visible=[1, 2]),
    Case("registering a person another checkpoint registered is refused", [REG(1, OTHER)],
         state(persons={OTHER: PersonAt("cp-bavet", True)}), ["quarantined"], 1, note="already registered"),
    Case("an event naming another person's record is refused",
         [E(1, type_="encounter.approved", payload='{"encounter_id":"enc-9"}')],
         state(records={"enc-9": ("encounter", OTHER)}), ["quarantined"], 1, note="not this person's"),
    Case("an event naming a record of its person is taken",
         [E(1, type_="encounter.approved", payload='{"encounter_id":"enc-9"}')],
         state(records={"enc-9": ("encounter", PERSON)}), ["accepted"], 1),
    Case("an event whose entity type is not its type's is refused", [E(1, type_="user.updated")], state(),
         ["quarantined"], 1, note="must be about a user"),
    Case("an account event about a user is taken (kept for audit, never fed to devices)",
         [E(1, type_="user.updated", entity_type="user")], state(), ["accepted"], 1),
    Case("an event that names another device is refused", [E(1, device_id="someone-else")],
         state(device_id=DEVICE), ["quarantined"], 1, note="names another device"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_rulebook(case: Case) -> None:
    p = plan(case.events, case.state)
    assert verdicts_in_order(p, case.events) == case.verdicts
    assert p.watermark == case.watermark
    seq_of = {e["id"]: e["device_seq"] for e in case.events if isinstance(e, dict)} | \
        {h.id: s for s, h in case.state.held.items()}
    assert [seq_of[i] for i in p.released] == case.released
    if case.visible is not None:
        assert [seq_of[i] for i in p.visible] == case.visible
    first = case.events[0]
    assert case.note in p.verdicts[first["id"] if isinstance(first.get("id"), str) else "#0"].note
    if case.taken is not None:
        assert len(p.new_events) == case.taken
    # The ack names every event of the batch and nothing else; its counts include the released events.
    assert set(p.verdicts) == {e["id"] for e in case.events}
    assert p.counts["released"] == len(case.released)


# ------------------------------------------------------------------------------------------------ quarantine reasons
NOT_TEXT = "malformed: a text field holds a NUL or is not valid UTF-8"
REASONS = [
    ("not an object", "garbage", "malformed: not an object"),
    ("a wire field missing", {k: v for k, v in E(1).items() if k != "author"}, "malformed: lacks author"),
    ("several wire fields missing", {"id": eid(1), "device_seq": 1}, "malformed: lacks device_id, entity_type"),
    ("a field of the wrong type", tampered(E(1), entity_type=7),
     "malformed: entity_type is not text of at most 32 characters"),
    ("an oversized field", tampered(E(1), author="a" * 65), "malformed: author is not text of at most 64 characters"),
    ("sequence number 0", E(0), "malformed: device_seq is not a positive integer"),
    ("sequence number true", E(True), "malformed: device_seq is not a positive integer"),
    ("sequence number too large", E(2**62), "malformed: device_seq is not a positive integer"),
    ("a payload over 1 MiB", E(1, payload='{"x":"' + "a" * (1024 * 1024) + '"}'),
     "malformed: payload is not text of at most 1 MiB"),
    ("a NUL in a text field", E(1, author="da\x00ra"), NOT_TEXT),
    ("a lone surrogate", tampered(E(1), payload='{"n":"\ud800"}'), NOT_TEXT),
    ("a payload that is not JSON", E(1, payload="{nope"), "malformed: payload is not JSON"),
    ("a payload that is not an object", E(1, payload="[1, 2]"), "malformed: payload is not a JSON object"),
    ("a hash that is not a SHA-256", tampered(E(1), hash="XYZ"), "malformed: hash is not a SHA-256"),
    ("a prev_hash that is not a SHA-256", E(1, prev_hash="0" * 63), "malformed: prev_hash is not a SHA-256"),
    ("a clock value that is not an HLC", E(1, hlc="yesterday"), "malformed: hlc is not a hybrid logical clock value"),
    ("an id that is not a UUID", E(1, id="not-a-uuid"), "malformed: id is not a UUID"),
    ("content that does not match the hash", tampered(E(1), payload='{"n":2}'),
     "hash mismatch: the event's content does not match its hash"),
    ("an unknown event type", E(1, type_="martian.landed"),
     "unknown event type 'martian.landed': kept until HQ understands it"),
]


@pytest.mark.parametrize(("raw", "reason"), [r[1:] for r in REASONS], ids=[r[0] for r in REASONS])
def test_quarantine_reasons(raw: Any, reason: str) -> None:
    p = plan([raw])
    (verdict,) = p.verdicts.values()
    assert verdict.verdict == "quarantined" and verdict.note.startswith(reason)
    (row,) = p.quarantined
    assert row.reason.startswith(reason)
    assert row.raw_sha256 == hashlib.sha256(row.raw.encode()).hexdigest()
    # A refused event whose sequence number is readable (1 here) still fills its place; others fill nothing.
    readable = isinstance(raw, dict) and type(raw.get("device_seq")) is int and raw["device_seq"] == 1
    assert p.new_events == () and p.watermark == (1 if readable else 0)


# ------------------------------------------------------------------------------------------------ the batch chain
CHAIN = [
    ("the batch follows the device's last one", {}, state(), True, ""),
    ("a device's first batch names no previous one", {"prev_sha256": ""},
     state(last_batch_id="", expected_prev=frozenset({""})), True, ""),
    ("another previous batch is a chain break", {"prev_sha256": "ee" * 32}, state(), False,
     "batch chain break: the batch names previous batch eeeeeeeeeeeeeeee, HQ's last batch from this device is "
     "batch-6 (restored from a backup?)"),
    ("naming none after batches is a chain break", {"prev_sha256": ""}, state(), False,
     "batch chain break: the batch names previous batch (none), HQ's last batch from this device is batch-6"),
    ("another store id is flagged", {"store_id": "store-restored"}, state(), False,
     "the batch names another store id"),
    ("both flags are kept", {"prev_sha256": "", "store_id": "x"}, state(), False, "backup?); the batch names another "
                                                                                  "store id"),
]


@pytest.mark.parametrize(("head", "st", "ok", "note"), [c[1:] for c in CHAIN], ids=[c[0] for c in CHAIN])
def test_batch_chain_is_flagged_never_refused(head: dict[str, Any], st: State, ok: bool, note: str) -> None:
    p = plan([E(1)], st, **head)
    assert p.chain_ok is ok and note in p.chain_note and (ok or p.chain_note)
    assert p.verdicts[eid(1)].verdict == "accepted"          # the events are judged the same either way


# ------------------------------------------------------------------------------------------------ what is written
def test_rows_to_write() -> None:
    events = [E(1), E(3), E(4, variant=1), tampered(E(5), payload="{}"), E(6, id_seq=106)]
    st = state(watermark=0, held=held(6), known={eid(4): H(4)})
    p = plan(events, st)
    assert [(dict(n.event)["device_seq"], n.status) for n in p.new_events] == [(1, "accepted"), (3, "held")]
    assert dict(p.new_events[0].event) == E(1)
    (c,) = p.conflicts
    assert (c.event_id, c.hash, c.existing_hash) == (eid(4), H(4, 1), H(4))
    assert [(q.event_id, q.device_seq) for q in p.quarantined] == [(eid(5), 5), (eid(106), 6)]
    assert p.entities[eid(1)] == ("person", PERSON) and p.entities[eid(6)] == ("person", PERSON)
    assert (p.batch_id, p.device_id, p.checkpoint_id, p.received_at, p.via) == \
        ("batch-7", DEVICE, "cp-poipet", NOW, "http")
    assert p.count == 5 and (p.first_seq, p.last_seq) == (1, 9)


def test_the_plan_is_pure_and_repeatable() -> None:
    events = [E(3), E(1), tampered(E(2), payload="{}")]
    st = state(watermark=0, held=held(4))
    before = (dict(st.held), dict(st.known))
    a, b = plan(events, st), plan(events, st)
    assert a == b and (dict(st.held), dict(st.known)) == before
    with pytest.raises(TypeError):
        a.verdicts["x"] = a.verdicts[eid(1)]      # type: ignore[index]


def test_only_events_seen_again_are_looked_up_in_quarantine() -> None:
    st = state(watermark=3, held=held(5), known={eid(1): H(1)})
    incoming = read_events([E(1), E(2), E(5, id_seq=105), E(6), E(4)])
    assert rechecked_ids(incoming, st) == [eid(2), eid(105)]


def test_the_ack_document_and_its_bytes() -> None:
    p = plan([E(1), E(3), "junk"], state())
    doc = p.ack_document()
    assert doc == {"kind": "ack", "batch_id": "batch-7", "batch_sha256": SHA, "device_id": DEVICE, "issued_at": NOW,
                   "verdicts": {eid(1): ["accepted", ""],
                                eid(3): ["held", "kept; waiting for event 2 of this device before it is applied"],
                                "#2": ["quarantined", "malformed: not an object"]}}
    assert p.counts == {"accepted": 1, "duplicate": 0, "held": 1, "quarantined": 1, "conflict": 0, "released": 0}
    key = bytes(range(32))
    ack = sign_document(ACK, doc, key)
    # The layout HQ has always sent: magic, length, canonical JSON with "v", then the signature.
    assert ack[:4] == b"CPA1" and int.from_bytes(ack[4:8], "big") == len(ack) - 8 - 78
    assert ack[8:8 + 22] == b'{"batch_id":"batch-7",'
    public = Ed25519PrivateKey.from_private_bytes(key).public_key().public_bytes_raw()
    assert open_signed(ACK, ack, public) == {**doc, "v": 3}



def test_a_plan_records_who_registered_whom_and_routes_only_travelling_events() -> None:
    reg = REG(1, OTHER)
    e2 = E(2, entity_id=OTHER, prev_hash=reg["hash"])
    p = plan([reg, e2, E(3, type_="user.updated", entity_type="user", prev_hash=e2["hash"])])
    assert dict(p.new_persons) == {OTHER: ("cp-poipet", False, eid(1))}
    assert p.new_records == (("enc-1", "encounter", OTHER),)
    assert p.routed == ((eid(1), OTHER), (eid(2), OTHER))            # the account event is never fed


# ------------------------------------------------------------------------------------------------ event chain
def test_an_event_that_does_not_link_to_what_hq_holds_is_quarantined_and_the_batch_flagged() -> None:
    """Issue 10, point 12: the device rewrote event 3 (already at HQ) and rehashed the chain after it; its next
    event links to the rewritten hash, not to the event 3 HQ holds."""
    rewritten3 = E(3, variant=1)
    p = plan([E(4, prev_hash=rewritten3["hash"]), E(5, prev_hash="0" * 64)],
             state(watermark=3, hashes={3: H(3)}, head=(3, H(3))))
    assert [v.verdict for v in p.verdicts.values()] == ["quarantined", "quarantined"]
    assert "chain break" in p.verdicts[eid(4)].note
    assert not p.chain_ok and "event chain break at device seq 4, 5" in p.chain_note
    assert p.watermark == 5 and p.new_events == ()
    assert p.head == (3, H(3))                     # the head stays the last event HQ holds


def test_chain_links_inside_a_batch_and_to_held_events_are_checked() -> None:
    bad2 = E(2, prev_hash="ab" * 32)
    # 2 does not link to 1; 3 links to the plain 2, not to the 2 this batch brings
    assert verdicts_in_order(plan([E(1), bad2, E(3)]), [E(1), bad2, E(3)]) == \
        ["accepted", "quarantined", "quarantined"]
    held5 = {5: Held(eid(5), "person", PERSON, "person.viewed", H(5), "ee" * 32)}   # 5 does not link to 4
    p = plan([E(4)], state(watermark=3, hashes={3: H(3)}, held=held5))
    assert p.verdicts[eid(4)].verdict == "quarantined" and not p.chain_ok
    first = plan([E(1, prev_hash="ab" * 32)])
    assert first.verdicts[eid(1)].verdict == "quarantined"          # the first event links to GENESIS


def test_the_ack_carries_the_chain_head_signed_on_its_own() -> None:
    from checkpoint import crypto
    from checkpoint.events import CHAIN_HEAD_CONTEXT, canonical_json
    key = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives import serialization
    raw = key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                            serialization.NoEncryption())
    pub = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    p = plan([E(4), E(5), E(7)], state(watermark=3, hashes={3: H(3)}, head=(3, H(3))))
    assert p.watermark == 5 and p.head == (5, H(5))
    doc = p.ack_document(raw)
    assert doc["head"]["seq"] == 5 and doc["head"]["hash"] == H(5) and doc["head"]["device_id"] == DEVICE
    crypto.verify(pub, canonical_json(doc["head"]).encode(), bytes.fromhex(doc["head_sig"]),
                  context=CHAIN_HEAD_CONTEXT)
    assert "head" not in p.ack_document()


# ------------------------------------------------------------------------------------------------ the triage queue
def test_queue_events_name_their_persons_records(  # group arrivals (issue 11)
) -> None:
    entered = E(1, type_="queue.entered",
                payload='{"encounter_id":"enc-1","entries":[{"id":"q-1","priority":0,"station":"HEALTH_POST"}]}')
    # each linked to the one before it, as the device chains them (issue 10 point 12: HQ checks the links)
    closed = E(2, type_="queue.updated", payload='{"entry_id":"q-1","status":"done"}', prev_hash=entered["hash"])
    unknown = E(3, type_="queue.updated", payload='{"entry_id":"q-9","status":"done"}', prev_hash=closed["hash"])
    empty = E(4, type_="queue.entered", payload='{"encounter_id":"enc-1","entries":[]}', prev_hash=unknown["hash"])
    st = state(records={"enc-1": ("encounter", PERSON)})
    p = plan([entered, closed, unknown, empty], st)
    assert verdicts_in_order(p, [entered, closed, unknown, empty]) == ["accepted", "accepted", "quarantined",
                                                                        "quarantined"]
    assert "q-9" in p.verdicts[unknown["id"]].note and "not this person's" in p.verdicts[unknown["id"]].note
    assert "entries is not a list" in p.verdicts[empty["id"]].note
    assert ("q-1", "queue_entry", PERSON) in p.new_records
    other = state(records={"enc-1": ("encounter", OTHER)})
    assert verdicts_in_order(plan([entered], other), [entered]) == ["quarantined"]   # another person's arrival


def test_a_device_cannot_send_an_event_only_hq_writes() -> None:
    """A partner's follow-up stage is written at HQ (issue 16): one a device sends was forged there, and HQ refuses
    it instead of feeding it to the checkpoint that registered the person."""
    forged = E(1, type_="referral.partner_stage",
               payload='{"referral_id":"00000000-0000-7000-8000-000000000001","stage":"closed"}')
    p = plan([forged])
    (verdict,) = p.verdicts.values()
    assert verdict.verdict == "quarantined"
    assert verdict.note.startswith("refused: only HQ writes referral.partner_stage events")
    assert p.new_events == ()
