"""Who follows a person is HQ's decision: the registering checkpoint (``persons``), explicit links
(``checkpoint_entities``, now links only), and which person each record belongs to (``records``).

Revision ID: 0002_follows
Revises: 0001_initial
Create Date: 2026-12-02

Upgrading keeps every event, batch, ack and quarantined row. It fills ``persons`` and ``records`` from the events
HQ holds, then rebuilds the follows: before, any checkpoint whose device wrote one event about a person followed
it (and was sent the whole record). Such a follow that is not the registering checkpoint's is removed, with a
journal line each (HQ links the checkpoint again explicitly if it needs the person). Feed rows that the new rules
would not have queued (events that do not travel, or for a checkpoint that no longer follows the person) are
removed; cursors stay valid, since a feed's sequence numbers only ever grow.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

from checkpoint.events import TRAVEL_TYPES, sharing_consent

revision = "0002_follows"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "persons",
        sa.Column("person_id", sa.String(64), primary_key=True),
        sa.Column("checkpoint_id", sa.String(36), nullable=False),
        sa.Column("sharing", sa.Boolean, nullable=False),
        sa.Column("registered_event", sa.String(64), nullable=False),
    )
    op.create_table(
        "records",
        sa.Column("record_id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("person_id", sa.String(64), nullable=False),
    )
    with op.batch_alter_table("checkpoint_entities") as batch:
        batch.add_column(sa.Column("how", sa.String(16), nullable=False, server_default="linked"))
    _backfill(op.get_bind())


def _backfill(conn: sa.engine.Connection) -> None:
    md = sa.MetaData()
    events = sa.Table("events", md, autoload_with=conn)
    devices = sa.Table("devices", md, autoload_with=conn)
    persons = sa.Table("persons", md, autoload_with=conn)
    records = sa.Table("records", md, autoload_with=conn)
    follows = sa.Table("checkpoint_entities", md, autoload_with=conn)
    feed = sa.Table("pull_feed", md, autoload_with=conn)
    journal = sa.Table("journal", md, autoload_with=conn)
    checkpoint_of = dict(conn.execute(sa.select(devices.c.device_id, devices.c.checkpoint_id)).all())
    people: dict[str, dict[str, object]] = {}
    recs: dict[str, dict[str, str]] = {}
    q = (sa.select(events.c.id, events.c.device_id, events.c.entity_id, events.c.type, events.c.payload)
         .where(events.c.entity_type == "person", events.c.type.in_(["registration.recorded", "referral.created"]))
         .order_by(sa.func.coalesce(events.c.ingest_seq, 2**62), events.c.received_at, events.c.id))
    for ev in conn.execute(q).yield_per(2000):
        try:
            payload = json.loads(ev.payload)
        except ValueError:
            continue
        if not isinstance(payload, dict):
            continue
        for kind, rid in _created(ev.type, payload):
            if kind == "person":
                if ev.entity_id not in people and ev.device_id in checkpoint_of:
                    people[ev.entity_id] = {"person_id": ev.entity_id, "checkpoint_id": checkpoint_of[ev.device_id],
                                            "sharing": False, "registered_event": ev.id}
            else:
                recs.setdefault(rid, {"record_id": rid, "kind": kind, "person_id": ev.entity_id})
        if ev.type == "registration.recorded" and ev.entity_id in people:
            people[ev.entity_id]["sharing"] = sharing_consent(payload) is True
    if people:
        conn.execute(persons.insert(), list(people.values()))
    if recs:
        conn.execute(records.insert(), list(recs.values()))
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    dropped = []
    for cp, ent in conn.execute(sa.select(follows.c.checkpoint_id, follows.c.entity_id)).all():
        p = people.get(ent)
        if p is None or p["checkpoint_id"] != cp:
            dropped.append({"b_cp": cp, "b_ent": ent})
    if dropped:
        conn.execute(follows.delete().where(follows.c.checkpoint_id == sa.bindparam("b_cp"),
                                            follows.c.entity_id == sa.bindparam("b_ent")), dropped)
        conn.execute(journal.insert(), [
            {"at": now, "kind": "unfollow", "device_id": "",
             "message": f"upgrade: checkpoint {d['b_cp']} no longer follows person {d['b_ent']} (it did not register "
                        "them); link it again if it needs them"} for d in dropped])
    # The registering checkpoint follows through persons.checkpoint_id: its rows here are implied, not links.
    conn.execute(follows.delete())
    # Feed rows the new rules would not have queued.
    allowed = (sa.select(sa.literal(1)).select_from(events.join(persons, persons.c.person_id == events.c.entity_id))
               .where(events.c.id == feed.c.event_id, persons.c.checkpoint_id == feed.c.checkpoint_id,
                      events.c.entity_type == "person", events.c.type.in_(sorted(TRAVEL_TYPES))))
    conn.execute(feed.delete().where(~allowed.exists()))


def _created(type_: str, payload: dict[str, Any]) -> list[tuple[str, str]]:
    """What an event HQ already took in created, read leniently: each id that is there counts, whatever else the
    payload lacks (``checkpoint.events.event_refs`` is the strict reading new events get)."""
    def one(obj: Any, kind: str) -> list[tuple[str, str]]:
        v = obj.get("id") if isinstance(obj, dict) else None
        return [(kind, v)] if isinstance(v, str) and 0 < len(v) <= 64 else []

    if type_ == "referral.created":
        return one(payload.get("referral"), "referral")
    out = [("person", "")] if payload.get("person") is not None else []
    out += one(payload.get("encounter"), "encounter") + one(payload.get("trafficking"), "trafficking_screening")
    out += one(payload.get("tb"), "tb_screening")
    refs = payload.get("referrals")
    for r in refs if isinstance(refs, list) else []:
        out += one(r, "referral")
    return out


def downgrade() -> None:
    with op.batch_alter_table("checkpoint_entities") as batch:
        batch.drop_column("how")
    op.drop_table("records")
    op.drop_table("persons")
