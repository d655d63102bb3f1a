"""What a device gets back from HQ: its checkpoint's pull feed (filled as batches are ingested) and the signed
answers to pull and reference-data requests.

Pull scope: a device gets the events of other devices about the persons its checkpoint follows — those it
registered, and those HQ linked it to explicitly (``link_person``, audited) — as far as they may travel
(``checkpoint.events.TRAVEL_TYPES``: never accounts or a device's own audit), and, for a person registered
elsewhere, only while the person consents to sharing. Writing about a person never makes a checkpoint follow
them (HQ's ingest refuses such an event). Its own events never; held, quarantined and conflicting events never.

Requests are signed (``sync.wire.pull_request``/``reference_request``), checked with the device's enrolled key,
refused when stale or replayed (``check_request``); answers are sealed to the request's reply key.

    >>> req = check_request(store, clock, nonces, blob, "pull")                       # doctest: +SKIP
    >>> sealed = pull(store, keys, clock, req)          # only the requesting device opens it  # doctest: +SKIP

Raises DeviceUnknown, DeviceRevoked, SignatureInvalid, StaleRequest, ReplayedRequest, ValidationError.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.clock import Clock
from checkpoint.errors import NotFound, ValidationError
from checkpoint.events import TRAVEL_TYPES, WIRE_FIELDS
from sync.hq.checks import text_arg
from sync.hq.keys import HQKeys
from sync.hq.replay import NonceBook
from sync.hq.store import (
    HQStore,
    active_device,
    add_journal,
    bulk_insert,
    checkpoint_entities,
    checkpoints,
    counter,
    devices,
    events,
    id_in,
    persons,
    pull_feed,
    reserve,
    timestamp,
)
from sync.wire import PULL, REFERENCE, open_request, peek_request, seal_answer, sign_document

__all__ = ["MAX_PULL_BYTES", "MAX_PULL_EVENTS", "check_request", "device_checkpoints", "feed_rows", "link_person",
           "pull", "reference", "reference_document"]

log = logging.getLogger("checkpoint.hq")

MAX_PULL_EVENTS = 5000
MAX_PULL_BYTES = 16 * 1024 * 1024
_CURSOR = re.compile(r"[0-9]{1,18}")


def feed_rows(conn: Connection, routed: Sequence[tuple[str, str]], new: Mapping[str, str] | None = None
              ) -> list[tuple[str, str]]:
    """(checkpoint, event id) rows to append to the pull feeds, in order, for events that become visible now and
    may travel (``routed``: (event id, person id), from ``sync.hq.ingest.Plan.routed``).

    Each goes to every checkpoint that follows its person: the registering one (``persons``), and those HQ
    linked (``checkpoint_entities``) while the person consents to sharing. Reads the follows and consents as
    the caller's transaction now holds them; ``new`` (person id -> registering checkpoint) are persons
    registered in this very batch: no one else can follow them yet, so they are not looked up."""
    new = new or {}
    followers: dict[str, list[str]] = {pid: [cp] for pid, cp in new.items()}
    ce = checkpoint_entities
    wanted = sorted({pid for _i, pid in routed if pid not in new})
    for pid, home, sharing, linked in conn.execute(                     # one query for the batch
            sa.select(persons.c.person_id, persons.c.checkpoint_id, persons.c.sharing, ce.c.checkpoint_id)
            .select_from(persons.outerjoin(ce, ce.c.entity_id == persons.c.person_id))
            .where(id_in(conn, persons.c.person_id, wanted))) if wanted else ():
        got = followers.setdefault(str(pid), [])
        if str(home) not in got:
            got.append(str(home))
        if linked is not None and sharing and str(linked) not in got:
            got.append(str(linked))
    return [(cp, i) for i, pid in routed for cp in sorted(followers.get(pid, ()))]


def link_person(store: HQStore, clock: Clock, person_id: str, checkpoint_name: str, reason: str) -> dict[str, Any]:
    """HQ links a checkpoint to a person registered elsewhere (a clinic following up a referral): the checkpoint
    then follows the person, and, while the person consents to sharing, gets their events so far and from now on.
    Audited (a journal line). Raises NotFound (no such person or checkpoint), ValidationError.

        >>> link_person(store, clock, person_id, "Clinic", "TB referral follow-up")   # doctest: +SKIP
        {'person_id': '...', 'checkpoint_id': '...', 'linked': True, 'sharing': True, 'queued': 12}
    """
    person_id = text_arg(person_id, "person_id", 64)
    reason = text_arg(reason, "reason", 500).strip()
    if not reason:
        raise ValidationError("reason", "say why this checkpoint needs the person (it is kept in HQ's journal)")
    key = " ".join(text_arg(checkpoint_name, "checkpoint", 80).split()).casefold()   # as sync.hq.enroll
    with store.write() as conn:
        cp = conn.execute(sa.select(checkpoints.c.id, checkpoints.c.name)
                          .where(checkpoints.c.name_key == key)).first()
        home = conn.execute(sa.select(persons.c.checkpoint_id, persons.c.sharing)
                            .where(persons.c.person_id == person_id)).first()
        if cp is None or home is None:
            raise NotFound("No such person or checkpoint at HQ.")
        already = home.checkpoint_id == cp.id or conn.execute(sa.select(checkpoint_entities.c.how).where(
            checkpoint_entities.c.checkpoint_id == cp.id, checkpoint_entities.c.entity_id == person_id)).first()
        if already:
            return {"person_id": person_id, "checkpoint_id": str(cp.id), "linked": False,
                    "sharing": bool(home.sharing), "queued": 0}
        now = timestamp(clock)
        conn.execute(checkpoint_entities.insert().values(checkpoint_id=cp.id, entity_id=person_id, how="linked"))
        add_journal(conn, now, "link", "", f"person {person_id} linked to checkpoint {cp.name} ({cp.id}): {reason}")
        backlog: list[str] = []
        if home.sharing:
            backlog = [str(i) for i in conn.execute(sa.select(events.c.id).where(
                events.c.entity_id == person_id, events.c.entity_type == "person",
                events.c.type.in_(sorted(TRAVEL_TYPES)), events.c.ingest_seq.is_not(None))
                .order_by(events.c.ingest_seq)).scalars()]
        if backlog:
            first = reserve(conn, "ingest_seq", len(backlog))
            bulk_insert(conn, pull_feed, [{"checkpoint_id": str(cp.id), "seq": first + n, "event_id": i}
                                          for n, i in enumerate(backlog)])
    log.info("person linked to checkpoint %s", cp.id)
    return {"person_id": person_id, "checkpoint_id": str(cp.id), "linked": True, "sharing": bool(home.sharing),
            "queued": len(backlog)}


def check_request(store: HQStore, clock: Clock, nonces: NonceBook, blob: bytes, kind: str,
                  admit: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Verify a signed request of ``kind`` ("pull", "reference", "push") from an enrolled, active device: its
    signature, that it is fresh (``sync.wire.MAX_SKEW``) and that its nonce is new. Returns the request body.

    ``admit(device_id)`` runs once the signature and time are good and before the nonce is recorded (HTTP takes
    the device's rate-limit token there, so even a device's own key cannot fill the nonce book faster than its
    rate).

    Raises UnsupportedFormat, DeviceUnknown, DeviceRevoked, SignatureInvalid, StaleRequest, ReplayedRequest,
    ValidationError.
    """
    device_id = text_arg(peek_request(blob)["device_id"], "device_id")
    with store.read() as conn:
        dev = active_device(conn, device_id)
    now = clock.now()
    req = open_request(blob, kind, lambda _d: bytes.fromhex(dev.signing_public), now=now)
    if admit is not None:
        nonces.check(device_id, req["nonce"])      # a replay spends nothing of the device's budget
        admit(device_id)
    nonces.use(device_id, req["nonce"], issued=datetime.fromisoformat(req["issued_at"]), now=now)
    return req


def pull(store: HQStore, keys: HQKeys, clock: Clock, request: dict[str, Any]) -> bytes:
    """Events of this checkpoint's persons written by other devices, after the request's ``cursor``: the signed
    PULL document sealed to the request's reply key. ``request`` is a verified pull request (``check_request``).

    ``cursor`` is "" or the ``next_cursor`` of the previous answer (a position in this checkpoint's feed, see
    ``sync.hq.store``); at most ``limit`` events (capped at 5,000 and 16 MiB of payload); ``more`` says
    whether to ask again at once.
    """
    device_id = text_arg(request["device_id"], "device_id")
    cursor = text_arg(request["cursor"], "cursor", 20)
    limit = request["limit"]
    if cursor and not _CURSOR.fullmatch(cursor):
        raise ValidationError("cursor", "is not a cursor HQ gave")
    after = int(cursor) if cursor else 0
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValidationError("limit", "must be a positive integer")
    limit = min(limit, MAX_PULL_EVENTS)
    with store.read() as conn:
        dev = active_device(conn, device_id)
        top = counter(conn, "ingest_seq")
        cols = [events.c[k] for k in WIRE_FIELDS] + [pull_feed.c.seq]
        rows = conn.execute(
            sa.select(*cols).select_from(pull_feed).join(events, events.c.id == pull_feed.c.event_id)
            .where(pull_feed.c.checkpoint_id == dev.checkpoint_id, pull_feed.c.seq > after,
                   pull_feed.c.seq <= top, events.c.device_id != device_id)
            .order_by(pull_feed.c.seq).limit(limit + 1)).all()
    more = len(rows) > limit
    out: list[dict[str, Any]] = []
    size = 0
    for r in rows[:limit]:
        size += len(r.payload) + 600
        if out and size > MAX_PULL_BYTES:
            more = True
            break
        out.append({k: getattr(r, k) for k in WIRE_FIELDS})
    # Nothing more to see: jump to the top so the next pull does not rescan other checkpoints' events.
    next_cursor = str(rows[len(out) - 1].seq) if more else (str(top) if top > after else cursor)
    doc = sign_document(PULL, {"kind": "pull", "device_id": device_id, "cursor": cursor, "next_cursor": next_cursor,
                               "more": more, "events": out, "nonce": request["nonce"],
                               "issued_at": timestamp(clock)}, keys.signing_private)
    return seal_answer(doc, request)


REFERENCE_DAYS = 30        # a device warns (and keeps using it) once its reference data is older than this


def device_checkpoints(conn: Connection) -> dict[str, str]:
    """``{device_id: checkpoint name}`` of every device HQ enrolled, revoked ones too (an arrival a device wrote
    before it was revoked still names its checkpoint), each with its checkpoint's name as HQ holds it now. A device
    shows the arrivals it pulled at the checkpoint that wrote them by this name. Names of checkpoints are not
    sensitive; the device ids are the ones its pulled events already carry."""
    return {str(d): str(n) for d, n in conn.execute(
        sa.select(devices.c.device_id, checkpoints.c.name)
        .select_from(devices.join(checkpoints, checkpoints.c.id == devices.c.checkpoint_id))
        .order_by(devices.c.device_id))}


def reference_document(store: HQStore, keys: HQKeys, clock: Clock, device_id: str, nonce: str = "") -> bytes:
    """HQ's signed reference data (kind REFERENCE) for ``device_id``'s checkpoint: its version, the checkpoint it
    is for, when it expires, the referral directory (``sync.hq.directory``, issue 16), the slip-signing keys of every
    enrolled device's users with their checkpoint (``sync.hq.slipkeys``, issue 16 point 4), revoked devices, the
    checkpoint of every enrolled device (``device_checkpoints``: where a pulled arrival was registered), code-list
    overrides (none yet). The version grows with every directory change and revocation, so a device refuses an
    older document replayed. ``nonce``: the request's, over HTTP; "" in the file that goes back on a USB stick
    beside a batch's acknowledgement (the version and expiry are its only freshness). Raises DeviceUnknown,
    DeviceRevoked."""
    from checkpoint.slipkeys import encode_slip_keys
    from sync.hq.directory import reference_entries
    from sync.hq.slipkeys import slip_key_owners

    with store.read() as conn:
        dev = active_device(conn, device_id)
        version = counter(conn, "reference")
        revoked = sorted(conn.execute(sa.select(devices.c.device_id)
                                      .where(devices.c.status == "revoked")).scalars())
        directory = reference_entries(conn)
        slip_keys = encode_slip_keys(slip_key_owners(conn))   # issue 16 point 4: other checkpoints' slips verify
        places = device_checkpoints(conn)
    now = clock.now()
    return sign_document(REFERENCE, {"kind": "reference", "version": version, "checkpoint_id": str(dev.checkpoint_id),
                                     "issued_at": timestamp(clock),
                                     "expires_at": (now + timedelta(days=REFERENCE_DAYS)).isoformat(),
                                     "directory": directory, "revoked_devices": revoked, "lists": {},
                                     "slip_keys": slip_keys, "device_checkpoints": places, "nonce": nonce},
                         keys.signing_private)


def reference(store: HQStore, keys: HQKeys, clock: Clock, request: dict[str, Any]) -> bytes:
    """The signed reference data (``reference_document``) sealed to the reply key of the verified reference
    request (``check_request``)."""
    device_id = text_arg(request["device_id"], "device_id")
    return seal_answer(reference_document(store, keys, clock, device_id, request["nonce"]), request)
