"""Partners follow up referrals (issue 16 points 3 and 4): what a partner account sees, the stages it records,
and slips checked at the door.

A partner account (``sync.hq.web.accounts``, role ``partner``) is tied to one organisation of the directory: its
``organisation`` is a directory code (``sync.hq.directory``). It sees only referrals addressed to that code, with
the minimum it needs — name, sex, age at arrival, the referral's kind and reason category, urgency, the slip id and
the phone the person agreed to give (only with consent to referral) — never the screening answers.

    >>> rows = referrals_for(store, "NGO_HAGAR")                                      # doctest: +SKIP
    >>> record_stage(store, clock, "NGO_HAGAR", "sophea", rows[0]["referral_id"], "arrived")   # doctest: +SKIP

A stage becomes an HQ event (``referral.partner_stage``, author device ``checkpoint.partner_stages.HQ_DEVICE_ID``)
in the events HQ holds and goes into the pull feed of every checkpoint following the person, so the registering
checkpoint sees it on its next sync. Every partner action is in the audit trail (``hq_audit``).

``verify_slip`` checks a slip's QR code (CPR2, ``checkpoint.slips``) offline against the signing keys of the devices
HQ enrolled: the signature, the expiry, and returns the referral it names so the partner can check the holder (the
person in front of her) against the name, sex and age. ``slip_keys`` is the ONE place that says which keys sign
slips (the lead adapts it when slips are signed by the printing user's key).

Raises NotFound (no such referral for this organisation), ValidationError, SignatureInvalid.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.clock import Clock
from checkpoint.errors import NotFound, SignatureInvalid, ValidationError
from checkpoint.partner_stages import HQ_DEVICE_ID, STAGE_LABELS, check_stage
from checkpoint.slips import verify_referral_token
from sync.hq import facts
from sync.hq.hq_events import append_hq_event, route
from sync.hq.pull import feed_rows
from sync.hq.slipkeys import slip_key_owners
from sync.hq.store import HQStore, devices, events, id_in, records
from sync.hq.web.accounts import audit

__all__ = ["record_stage", "referral_for", "referrals_for", "slip_keys", "stages_of", "verify_slip"]

_FIELDS = ("referral_id", "person_id", "kind", "reason_code", "urgency", "family_name", "given_names", "name_khmer",
           "sex", "age", "phone", "registered_at", "checkpoint_name")


# Every event that makes referrals, and where its payload holds them: a registration (its "referrals"; a quick
# registration's automatic child-protection referral is one), its completion from the queue (the same), an
# officer's referral from a record ("referral"), the health post's TB screen ("referral", or none).
_REFERRING = ("registration.recorded", "registration.completed", "referral.created", "tb.screened")


def _refs_of(type_: str, payload: Any) -> list[dict[str, Any]]:
    """The referrals an event of ``_REFERRING`` made (nothing that is not a referral object)."""
    if not isinstance(payload, dict):
        return []
    made = (payload.get("referrals") if type_ in ("registration.recorded", "registration.completed")
            else [payload.get("referral")])
    return [r for r in made or [] if isinstance(r, dict)]


def _person_events(conn: Connection, person_ids: set[str]) -> dict[str, dict[str, Any]]:
    """The registration of each person: the minimum a partner sees (names, sex, age at arrival, agreed phone)."""
    out: dict[str, dict[str, Any]] = {}
    if not person_ids:
        return out
    q = (sa.select(events.c.entity_id, events.c.payload, events.c.recorded_at, devices.c.checkpoint_name)
         .select_from(events.outerjoin(devices, devices.c.device_id == events.c.device_id))
         .where(events.c.type.in_(("registration.recorded", "registration.completed")),
                events.c.entity_id.in_(sorted(person_ids)), events.c.status == "accepted")
         .order_by(events.c.ingest_seq))
    for pid, payload, at, cp in conn.execute(q):
        p = json.loads(payload)
        person = p.get("person") or {}
        enc = p.get("encounter") or {}
        agreed = any(c.get("purpose") == "referral" and c.get("granted") for c in p.get("consents") or []
                     if isinstance(c, dict))
        got = out.setdefault(str(pid), {"family_name": "", "given_names": "", "name_khmer": "", "sex": "",
                                        "age": None, "phone": "", "registered_at": at, "checkpoint_name": cp or ""})
        if person:
            got.update({k: str(person.get(k) or "") for k in ("family_name", "given_names", "name_khmer", "sex")})
            got["phone"] = str(person.get("phone") or "")
        if p.get("consents") or "agreed" not in got:    # the latest consents said decide (a completion may give it)
            got["agreed"] = agreed
        if got["age"] is None and enc.get("age_at_arrival") is not None:
            got["age"] = enc.get("age_at_arrival")
    for got in out.values():                # the phone only where the person agreed to be referred
        if not got.pop("agreed"):
            got["phone"] = ""
    return out


def _referrals(conn: Connection, org: str, referral_id: str | None = None) -> list[dict[str, Any]]:
    needle = f'%"agency_code":{json.dumps(org, ensure_ascii=False)}%'
    q = (sa.select(events.c.type, events.c.entity_id, events.c.payload)
         .where(events.c.type.in_(_REFERRING), events.c.status == "accepted",
                events.c.payload.like(needle)).order_by(events.c.ingest_seq))
    found: list[dict[str, Any]] = []
    for type_, pid, payload in conn.execute(q):
        for r in _refs_of(type_, json.loads(payload)):
            if r.get("agency_code") != org:
                continue
            if referral_id is None or r.get("id") == referral_id:
                found.append({"referral_id": str(r.get("id")), "person_id": str(pid), "kind": str(r.get("kind")),
                              "reason_code": str(r.get("reason_code")), "urgency": str(r.get("urgency"))})
    voided = _voided(conn, {f["referral_id"] for f in found} | {f["person_id"] for f in found},
                     {f["person_id"] for f in found})
    found = [f for f in found if f["referral_id"] not in voided and f["person_id"] not in voided]
    people = _person_events(conn, {f["person_id"] for f in found})
    return [{**f, **people.get(f["person_id"], {})} for f in found]


def _voided(conn: Connection, ids: set[str], person_ids: set[str]) -> set[str]:
    """Which of ``ids`` (referrals, persons) a ``record.voided`` of these persons voided (a void is an event about
    its person, so only those persons' voids are read)."""
    if not ids or not person_ids:
        return set()
    out = set()
    for (payload,) in conn.execute(sa.select(events.c.payload).where(
            events.c.type == "record.voided", events.c.status == "accepted",
            id_in(conn, events.c.entity_id, sorted(person_ids)))):
        rid = json.loads(payload).get("record_id")
        if rid in ids:
            out.add(str(rid))
    return out


def _last_stages(conn: Connection, referral_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {r: [] for r in referral_ids}
    if not referral_ids:
        return out
    for payload, at in conn.execute(sa.select(events.c.payload, events.c.recorded_at).where(
            events.c.device_id == HQ_DEVICE_ID, events.c.type == "referral.partner_stage")
            .order_by(events.c.device_seq)):
        p = json.loads(payload)
        if p.get("referral_id") in out:
            out[p["referral_id"]].append({"stage": p["stage"], "label": STAGE_LABELS.get(p["stage"], p["stage"]),
                                          "outcome": p.get("outcome", ""), "by": p.get("by", ""), "at": at})
    return out


def referrals_for(store: HQStore, org: str) -> list[dict[str, Any]]:
    """The referrals addressed to organisation ``org`` (a directory code), oldest first, each with its stages so
    far (``stages``) and the latest (``stage``)."""
    if not org:
        return []
    with store.read() as conn:
        rows = _referrals(conn, org)
        stages = _last_stages(conn, [r["referral_id"] for r in rows])
    return [{**r, "stages": stages[r["referral_id"]], "stage": (stages[r["referral_id"]] or [{}])[-1].get("stage", "")}
            for r in rows]


def referral_for(store: HQStore, org: str, referral_id: str) -> dict[str, Any]:
    """One referral addressed to ``org``; NotFound for any other (the partner learns nothing of it)."""
    for r in referrals_for(store, org):
        if r["referral_id"] == referral_id:
            return r
    raise NotFound("No referral with this id is addressed to your organisation.")


def stages_of(store: HQStore, referral_id: str) -> list[dict[str, Any]]:
    with store.read() as conn:
        return _last_stages(conn, [referral_id])[referral_id]


def record_stage(store: HQStore, clock: Clock, org: str, username: str, referral_id: str, stage: str,
                 outcome: str = "", *, address: str = "") -> dict[str, Any]:
    """Record a follow-up stage of a referral addressed to ``org``: an HQ event in the pull feeds of the
    checkpoints following the person, and an audit line. Returns ``{"event_id", "stage"}``. Raises NotFound,
    ValidationError (unknown stage, closing without an outcome, a referral already closed)."""
    stage, outcome = check_stage(stage, outcome)
    ref = referral_for(store, org, str(referral_id)[:64])
    if ref["stage"] in ("closed", "did_not_arrive"):
        raise ValidationError("stage", "this referral is already closed")
    with store.write() as conn:
        ev = append_hq_event(conn, clock, type_="referral.partner_stage", entity_type="person",
                             entity_id=ref["person_id"], author=f"hq:{username}", batch_id="hq-partner",
                             payload={"referral_id": ref["referral_id"], "stage": stage, "outcome": outcome,
                                      "organisation": org, "by": username})
        route(conn, feed_rows(conn, [(ev["id"], ref["person_id"])]))
        facts.apply_events(conn, [(ev["type"], ev["entity_id"], ev["payload"], "")])   # the figures count it
        audit(conn, ev["recorded_at"], username, "partner_stage", f"referral {ref['referral_id']}",
              f"{org}: {stage}{' (' + outcome + ')' if outcome else ''}", address)
    return {"event_id": ev["id"], "stage": stage}


# ------------------------------------------------------------------------------------------------ slips (point 4)
def slip_keys(conn: Connection) -> dict[str, bytes]:
    """The keys a slip may be signed with, by key id (CPR2): the public half of each user's own signing key, as
    her ``user.key_set`` events brought it from a device HQ still trusts (slips are signed by the user who prints
    them), and each active enrolled device's own key (slips printed before that rule). A revoked device's keys
    and its users' keys are not trusted. Read by ``sync.hq.slipkeys`` (which also names each key's checkpoint)."""
    return {kid: key for kid, (key, _name) in slip_key_owners(conn).items()}


def verify_slip(store: HQStore, clock: Clock, token: str, *, today: date | None = None) -> dict[str, Any]:
    """Check a slip's QR text: signed by a user (or device) of a device HQ enrolled (not revoked), not expired. Returns
    ``{"referral_id", "person_id", "issued", "expires", "device_key", "organisation"}`` (``organisation``: the
    agency the referral names, when HQ holds it). Raises ValidationError (not a slip, expired), SignatureInvalid
    (a device HQ does not trust, changed after signing)."""
    with store.read() as conn:
        keys = slip_keys(conn)
    day = today or clock.now().date()
    payload = verify_referral_token(token, keys, today=day)
    org = ""
    with store.read() as conn:
        rec = conn.execute(sa.select(records.c.person_id).where(records.c.record_id == payload["r"])).first()
        if rec is not None and str(rec.person_id) != payload["p"]:
            raise SignatureInvalid("This slip names a referral of another person.")
        for type_, raw in conn.execute(sa.select(events.c.type, events.c.payload).where(
                events.c.entity_id == payload["p"], events.c.status == "accepted",
                events.c.type.in_(_REFERRING))):
            org = next((str(r.get("agency_code")) for r in _refs_of(type_, json.loads(raw))
                        if r.get("id") == payload["r"]), org)
    return {"referral_id": payload["r"], "person_id": payload["p"], "issued": payload["i"], "expires": payload["x"],
            "device_key": payload["d"], "organisation": org}
