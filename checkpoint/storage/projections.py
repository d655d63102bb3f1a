"""Projection tables as a pure function of the event log.

``apply_event`` updates the projections for one event, in the caller's transaction. It reads nothing but the
event and the projections, and takes every timestamp from the event, so replaying the log into an empty
database gives exactly the live tables (``verify`` checks that).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import sqlite_utils

from checkpoint.model.person import name_key, search_name

__all__ = ["PERSON_FIELDS", "apply_event", "handled_event_types"]

Event = dict[str, Any]
Handler = Callable[[sqlite_utils.Database, Event, dict[str, Any]], None]

PERSON_FIELDS = ("family_name", "given_names", "name_khmer", "sex", "date_of_birth", "dob_estimated",
                 "citizenship", "id_document_type", "id_document_number", "document_issuing_state",
                 "document_expiry", "mrz_valid", "phone", "home_province", "home_district", "home_commune",
                 "home_village", "language", "guardian_person_id")
ENCOUNTER_FIELDS = ("station_id", "arrival_at", "return_type", "country_of_work", "province_of_work",
                    "sector_of_work", "duration_abroad_months", "migration_channel", "recruiter_relationship",
                    "recruitment_methods", "debt_owed", "debt_amount", "debt_currency", "detained_before_return",
                    "detention_days", "wants_job_referral", "interpreter_used", "accompanied_minor",
                    "controlling_person_present", "age_at_arrival", "work_type")
REFERRAL_UPDATE_FIELDS = ("status", "cxr_result", "xpert_result", "diagnosis", "treatment_started_at",
                          "treatment_facility", "lost_to_follow_up_stage", "notes",
                          # the TB record at the health post (issue 14, migration 0008_tb)
                          "cxr_at", "cxr_cad_score", "cxr_read_by", "sputum_collected_at", "sputum_specimen_id",
                          "xpert_at", "tb_register_number", "treatment_outcome", "treatment_outcome_at")

# What a trafficking screening payload may carry beside its result (issue 12; absent from older events, which read as
# they did): kept in the projection's result column.
TRAFFICKING_EXTRA = ("answers_version", "answered_no", "status", "completeness", "exploitation_types", "safety")

_HANDLERS: dict[str, Handler] = {}


def _handles(*types: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        for t in types:
            _HANDLERS[t] = fn
        return fn
    return deco


def handled_event_types() -> frozenset[str]:
    """The event types this module applies: exactly ``checkpoint.events.EVENT_TYPES`` (a test checks)."""
    return frozenset(_HANDLERS)


def apply_event(db: sqlite_utils.Database, ev: Event) -> None:
    """Apply one event to the projections. Unknown types raise KeyError (the caller quarantines)."""
    payload = ev["payload"]
    if isinstance(payload, str):
        payload = json.loads(payload)
    _HANDLERS[ev["type"]](db, ev, payload)


def _person_row(p: dict[str, Any]) -> dict[str, Any]:
    row = {k: p.get(k) for k in PERSON_FIELDS}
    for k in ("family_name", "given_names", "name_khmer", "id_document_number", "document_issuing_state",
              "phone", "home_province", "home_district", "home_commune", "home_village"):
        row[k] = row[k] or ""
    row["dob_estimated"] = int(bool(row["dob_estimated"]))
    row["citizenship"] = row["citizenship"] or "KHM"
    row["id_document_type"] = row["id_document_type"] or "NONE"
    row["language"] = row["language"] or "khm"
    if row["mrz_valid"] is not None:
        row["mrz_valid"] = int(bool(row["mrz_valid"]))
    row["name_key"] = name_key(str(row["family_name"]), str(row["given_names"]))
    row["search_name"] = search_name(str(row["family_name"]), str(row["given_names"]), str(row["name_khmer"]))
    return row


def _encounter_row(e: dict[str, Any]) -> dict[str, Any]:
    row = {k: e.get(k) for k in ENCOUNTER_FIELDS}
    row["recruitment_methods"] = json.dumps(sorted(e.get("recruitment_methods") or []))
    for k in ("country_of_work", "province_of_work", "sector_of_work", "debt_currency", "work_type"):
        row[k] = row[k] or ""
    for k in ("migration_channel", "recruiter_relationship"):
        row[k] = row[k] or "UNKNOWN"
    for k in ("interpreter_used", "accompanied_minor", "controlling_person_present"):
        row[k] = int(bool(row[k]))
    for k in ("debt_owed", "detained_before_return", "wants_job_referral"):
        if row[k] is not None:
            row[k] = int(bool(row[k]))
    return row


def _insert_referral(db: sqlite_utils.Database, ev: Event, r: dict[str, Any], person_id: str,
                     encounter_id: str) -> None:
    db.execute(
        "INSERT INTO referrals (id, person_id, encounter_id, kind, agency_code, reason_code, urgency, notes, "
        "status, created_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [r["id"], person_id, encounter_id, r["kind"], r["agency_code"], r["reason_code"], r["urgency"],
         r.get("notes") or "", "referred", ev["author"], ev["recorded_at"], ev["recorded_at"]])


def _insert(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> None:
    cols = list(row)
    db.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
               [row[c] for c in cols])


def _update(db: sqlite_utils.Database, table: str, id_: str, changes: dict[str, Any], *,
            key: str = "id") -> None:
    if not changes:
        return
    cols = list(changes)
    cur = db.execute(f"UPDATE {table} SET {', '.join(c + ' = ?' for c in cols)} WHERE {key} = ?",
                     [changes[c] for c in cols] + [id_])
    if cur.rowcount != 1:
        raise KeyError(f"{table} {id_} not found")


def _insert_screens(db: sqlite_utils.Database, p: dict[str, Any], encounter_id: str, person_id: str, by: str,
                    at: str) -> None:
    """The trafficking checklist and the TB screen a registration (or its completion from the queue) carries."""
    t = p.get("trafficking")
    if t:
        res = t["result"]
        _insert(db, "trafficking_screenings", {
            "id": t["id"], "encounter_id": encounter_id, "person_id": person_id,
            "content_id": res["content_id"], "content_version": res["content_version"],
            # a sealed protection section (issue 10, point 11) leaves no answers here: [] until a reader opens it
            "age_used": t["age_used"], "ticked": json.dumps(sorted(t.get("ticked") or [])), "outcome": res["outcome"],
            "positive_dimensions": json.dumps(sorted(res.get("positive_dimensions") or [])),
            "flags": json.dumps(sorted(res["flags"])),
            "result": json.dumps({**res, **{k: t[k] for k in TRAFFICKING_EXTRA if k in t}}, sort_keys=True),
            "screened_by": by, "screened_at": at})
    tb = p.get("tb")
    if tb:
        res = tb["result"]
        _insert(db, "tb_screenings", {
            "id": tb["id"], "encounter_id": encounter_id, "person_id": person_id,
            "content_id": res["content_id"], "content_version": res["content_version"],
            "answers": json.dumps(tb["answers"], sort_keys=True), "outcome": res["outcome"],
            "presumptive": int(bool(res["presumptive"])), "result": json.dumps(res, sort_keys=True),
            "screened_by": by, "screened_at": at})


@_handles("registration.recorded")
def _registration(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    at, by = ev["recorded_at"], ev["author"]
    person_id = p["person_id"]
    if p.get("person") is not None:
        row = _person_row(p["person"])
        row.update(id=person_id, registered_by=by, created_at=at, updated_at=at)
        _insert(db, "persons", row)
    else:
        _update(db, "persons", person_id, {"updated_at": at})
    enc = p["encounter"]
    erow = _encounter_row(enc)
    erow.update(id=enc["id"], person_id=person_id, officer_id=by, created_at=at, updated_at=at)
    _insert(db, "encounters", erow)
    for c in p.get("consents", []):
        _insert(db, "consents", {"encounter_id": enc["id"], "purpose": c["purpose"],
                                 "granted": int(bool(c["granted"])), "recorded_at": at, "recorded_by": by})
    _insert_screens(db, p, enc["id"], person_id, by, at)
    for r in p.get("referrals", []):
        _insert_referral(db, ev, r, person_id, enc["id"])
    # issue 12 (absent from older events): the pre-screen's answers on the arrival, consent per purpose
    if p.get("prescreen"):
        db.execute("UPDATE encounters SET prescreen = ? WHERE id = ?",
                   [json.dumps(p["prescreen"], sort_keys=True), enc["id"]])
    for c in p.get("consent_records") or []:
        _insert(db, "consent_records", {
            "id": c["id"], "encounter_id": enc["id"], "person_id": person_id, "purpose": c["purpose"],
            "target": c["target"], "granted": int(bool(c["granted"])), "given_by": c["given_by"],
            "guardian_name": c["guardian_name"], "guardian_relationship": c["guardian_relationship"],
            "wording_version": c["wording_version"], "given_at": at, "recorded_by": by})
    if p.get("arrival"):                      # a quick registration's arrival record (issue 11)
        _arrivals.registration_arrival(db, ev, p)


def _set_version(db: sqlite_utils.Database, entity_id: str, field: str, event_id: str) -> None:
    """Record which event last set a field (the base a later edit must name to avoid a conflict)."""
    db.execute("INSERT INTO field_versions (entity_id, field, event_id) VALUES (?, ?, ?) "
               "ON CONFLICT(entity_id, field) DO UPDATE SET event_id = excluded.event_id",
               [entity_id, field, event_id])


def _versioned(db: sqlite_utils.Database, ev: Event, p: dict[str, Any], *, entity_type: str, entity_id: str,
               person_id: str, current: dict[str, Any]) -> dict[str, Any]:
    """The changes of an amend event that may be applied; the others become conflicts.

    An amend names, per field, the event whose value it replaced (``base``; "" = the registration). If the field
    has been set by another event since, the two edits were made without seeing each other: the value in place
    is kept, the other is recorded in ``conflicts`` for a supervisor (or HQ) to decide. Events written before
    ``base`` existed apply as they are.
    """
    base = p.get("base")
    apply: dict[str, Any] = {}
    for field, value in p["changes"].items():
        row = db.execute("SELECT event_id FROM field_versions WHERE entity_id = ? AND field = ?",
                         [entity_id, field]).fetchone()
        now_ver = row[0] if row else ""
        if base is not None and base.get(field, now_ver) != now_ver:
            db.execute(
                "INSERT INTO conflicts (id, entity_type, entity_id, person_id, field, kept_value, kept_event, "
                "other_value, other_event, detected_at, state) VALUES (?,?,?,?,?,?,?,?,?,?, 'open')",
                # The same id on every device, whichever of the two edits it saw first.
                [str(uuid.uuid5(uuid.NAMESPACE_URL, f"conflict:{min(now_ver, ev['id'])}:{max(now_ver, ev['id'])}:"
                                f"{entity_id}:{field}")), entity_type, entity_id,
                 person_id, field, json.dumps(current.get(field)), now_ver, json.dumps(value), ev["id"],
                 ev["recorded_at"]])
            continue
        apply[field] = value
        _set_version(db, entity_id, field, ev["id"])
    return apply


def _row(db: sqlite_utils.Database, table: str, id_: str) -> dict[str, Any]:
    cur = db.execute(f"SELECT * FROM {table} WHERE id = ?", [id_])
    found = cur.fetchone()
    if found is None:
        raise KeyError(f"{table} {id_} not found")
    return dict(zip([d[0] for d in cur.description], found, strict=True))


def _apply_person_changes(db: sqlite_utils.Database, person_id: str, changes: dict[str, Any], at: str) -> None:
    merged = _row(db, "persons", person_id)
    merged.update(changes)
    row = _person_row(merged)
    changed = {k: row[k] for k in (*changes, "name_key", "search_name")}
    changed["updated_at"] = at
    _update(db, "persons", person_id, changed)


@_handles("person.amended")
def _person_amended(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    pid = ev["entity_id"]
    current = _row(db, "persons", pid)
    apply = _versioned(db, ev, p, entity_type="person", entity_id=pid, person_id=pid, current=current)
    if apply:
        _apply_person_changes(db, pid, apply, ev["recorded_at"])


@_handles("encounter.amended")
def _encounter_amended(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    current = _row(db, "encounters", p["encounter_id"])
    apply = _versioned(db, ev, p, entity_type="encounter", entity_id=p["encounter_id"],
                       person_id=ev["entity_id"], current=current)
    if apply:
        row = _encounter_row(apply)
        changed = {k: row[k] for k in apply}
        changed["updated_at"] = ev["recorded_at"]
        _update(db, "encounters", p["encounter_id"], changed)


@_handles("conflict.resolved")
def _conflict_resolved(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    c = _row(db, "conflicts", p["conflict_id"])
    value = p["value"]
    if c["entity_type"] == "person":
        _apply_person_changes(db, c["entity_id"], {c["field"]: value}, ev["recorded_at"])
    else:
        row = _encounter_row({c["field"]: value})
        _update(db, "encounters", c["entity_id"], {c["field"]: row[c["field"]], "updated_at": ev["recorded_at"]})
    _set_version(db, c["entity_id"], c["field"], ev["id"])
    db.execute("UPDATE conflicts SET state = 'resolved', resolution_event = ? WHERE id = ?", [ev["id"], c["id"]])


@_handles("encounter.approved")
def _encounter_approved(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    _update(db, "encounters", p["encounter_id"], {"review_status": "approved", "reviewed_by": ev["author"],
                                                  "reviewed_at": ev["recorded_at"]})


_VOIDABLE = {"person": "persons", "encounter": "encounters", "referral": "referrals",
             "trafficking_screening": "trafficking_screenings", "tb_screening": "tb_screenings"}


@_handles("record.voided")
def _voided(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    table = _VOIDABLE[p["record_type"]]
    changes: dict[str, Any] = {"voided": 1, "void_reason": p["reason"]}
    if table in ("persons", "encounters", "referrals"):
        changes["updated_at"] = ev["recorded_at"]
    _update(db, table, p["record_id"], changes)


@_handles("referral.created")
def _referral_created(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    _insert_referral(db, ev, p["referral"], ev["entity_id"], p["encounter_id"])


@_handles("referral.updated")
def _referral_updated(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    changes = {k: p["changes"][k] for k in REFERRAL_UPDATE_FIELDS if k in p["changes"]}
    changes["updated_at"] = ev["recorded_at"]
    _update(db, "referrals", p["referral_id"], changes)


@_handles("user.created")
def _user_created(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    _insert(db, "users", {"id": ev["entity_id"], "username": p["username"], "display_name": p["display_name"],
                          "role": p["role"], "status": "active", "created_at": ev["recorded_at"],
                          "created_by": ev["author"], "updated_at": ev["recorded_at"]})


@_handles("user.updated")
def _user_updated(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    changes = {k: p["changes"][k] for k in ("display_name", "role", "status", "username") if k in p["changes"]}
    changes["updated_at"] = ev["recorded_at"]
    _update(db, "users", ev["entity_id"], changes)


# Events that are part of the audit trail and change no projection.
@_handles("person.viewed", "user.passphrase_changed", "records.exported", "store.backed_up",
          "referral.slip_printed", "device.reenrolled", "site.tb_policy_set", "device.hq_address_set")
def _audit_only(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    return None


@_handles("tb.screened")
def _tb_screened(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    """A TB screen recorded at the health post for an arrival already registered (issue 14), with the health
    referral it opens (and the chest X-ray taken in the same sitting, if any)."""
    at, by = ev["recorded_at"], ev["author"]
    person_id, enc = ev["entity_id"], p["encounter_id"]
    tb = p["tb"]
    res = tb["result"]
    _insert(db, "tb_screenings", {
        "id": tb["id"], "encounter_id": enc, "person_id": person_id,
        "content_id": res["content_id"], "content_version": res["content_version"],
        "answers": json.dumps(tb["answers"], sort_keys=True), "outcome": res["outcome"],
        "presumptive": int(bool(res["presumptive"])), "result": json.dumps(res, sort_keys=True),
        "screened_by": by, "screened_at": at})
    r = p.get("referral")
    if r:
        _insert_referral(db, ev, r, person_id, enc)
        changes = {k: r["record"][k] for k in REFERRAL_UPDATE_FIELDS if k in (r.get("record") or {})}
        _update(db, "referrals", r["id"], changes)


@_handles("consent.withdrawn")
def _consent_withdrawn(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    """Issue 12: a consent withdrawn — its record (consent per purpose) and, for the purposes older records used
    (screening, referral, sharing), the arrival's consent in ``consents`` — stays withdrawn from then on."""
    db.execute("UPDATE consent_records SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ? "
               "WHERE encounter_id = ? AND purpose = ? AND target = ? AND withdrawn_at IS NULL",
               [ev["recorded_at"], ev["author"], p.get("reason") or "", p["encounter_id"], p["purpose"],
                p.get("target") or ""])
    if not p.get("target"):
        cur = db.execute("UPDATE consents SET granted = 0 WHERE encounter_id = ? AND purpose = ? AND granted = 1",
                         [p["encounter_id"], p["purpose"]])
        if cur.rowcount:
            # A consent of the older kind (one per purpose on the arrival): its withdrawal is kept as a consent
            # record too, so "withdrawn" is never confused with "never given".
            given = db.execute("SELECT c.recorded_at, c.recorded_by, e.person_id FROM consents c JOIN encounters e "
                               "ON e.id = c.encounter_id WHERE c.encounter_id = ? AND c.purpose = ?",
                               [p["encounter_id"], p["purpose"]]).fetchone()
            _insert(db, "consent_records", {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"consent-withdrawn:{ev['id']}")),
                "encounter_id": p["encounter_id"], "person_id": given[2], "purpose": p["purpose"], "target": "",
                "granted": 1, "given_by": "person", "wording_version": "", "given_at": given[0],
                "recorded_by": given[1], "withdrawn_at": ev["recorded_at"], "withdrawn_by": ev["author"],
                "withdrawal_reason": p.get("reason") or ""})


# The trace of bulk reads (checkpoint.services.readlog): audit only, no projection.
@_handles("records.read")
def _reads_logged(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    return None


# A user's own signing key (issue 10, point 11): its public half in her account.
@_handles("user.key_set")
def _user_key_set(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    changes = {"signing_public": str(p["signing_public"])}
    if "sealing_public" in p:                 # her X25519 key, the sections she writes are sealed to (0014)
        changes["sealing_public"] = str(p["sealing_public"])
    _update(db, "users", ev["entity_id"], changes)


# Group arrivals (issue 11): handover groups, the arrival record, the triage queue, surge mode, headcounts.
from checkpoint.storage import arrivals as _arrivals  # noqa: E402

_HANDLERS.update(_arrivals.HANDLERS)


# Issue 16: a stage a partner organisation recorded at HQ (checkpoint.partner_stages). Only HQ writes these: one
# that claims another author device is refused here, so the sync holds it aside.
@_handles("referral.partner_stage")
def _partner_stage(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    from checkpoint.partner_stages import HQ_DEVICE_ID, check_stage

    if ev["device_id"] != HQ_DEVICE_ID:
        raise ValueError("a partner's follow-up stage must come from HQ")
    stage, outcome = check_stage(p.get("stage"), p.get("outcome", ""))
    _insert(db, "referral_stages", {"id": ev["id"], "referral_id": p["referral_id"], "stage": stage,
                                    "outcome": outcome, "organisation": str(p.get("organisation", ""))[:64],
                                    "recorded_at": ev["recorded_at"], "recorded_by": str(p.get("by", ""))[:64]})
    if stage in ("closed", "did_not_arrive"):
        _update(db, "referrals", p["referral_id"], {"status": "closed" if stage == "closed" else "lost_to_follow_up",
                                                    "updated_at": ev["recorded_at"]})


# The full registration continued on a quick registration's arrival (the flow of issues 11, 12 and 14).
from checkpoint.storage import completion as _completion  # noqa: E402

_HANDLERS.update(_completion.HANDLERS)
# Issue 13: assistance handed out (voids, corrections) and NEA job registration.
from checkpoint.storage import assistance as _assistance  # noqa: E402

_HANDLERS.update(_assistance.HANDLERS)
# Issue 12, point 6 (data minimisation): the retention period, a minimisation pass, a record fetched back from HQ.
# Audit only: the pass and the fetch-back change the projections themselves (checkpoint.storage.minimise), from the
# events as they then are, so a replay of the log gives the same tables.
@_handles("site.retention_set", "records.minimised", "records.fetched_back")
def _retention_audit(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    return None


# Issue 15 point 5: HQ decided a conflict about one of this device's events (``events.HQ_DECISION_TYPE``): HQ kept its
# own copy. On the device the event names, that event's HQ verdict becomes "conflict_decided" with HQ's reason (the
# sync panel and `sync-status` say it); on the checkpoint's other devices it is audit only.
@_handles("conflict.hq_decided")
def _hq_conflict_decided(db: sqlite_utils.Database, ev: Event, p: dict[str, Any]) -> None:
    from checkpoint.events import check_hq_decision
    from checkpoint.partner_stages import HQ_DEVICE_ID

    if ev["device_id"] != HQ_DEVICE_ID:
        raise ValueError("a decision on a conflict must come from HQ")
    p = check_hq_decision(p)
    here = db.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
    if here is None or ev["entity_id"] != here[0]:
        return
    note = f"HQ kept its copy ({str(ev['recorded_at'])[:10]}, {p['by']}): {p['reason']}"[:500]
    db.execute("UPDATE events SET hq_status = 'conflict_decided', hq_note = ? "
               "WHERE id = ? AND device_id = ? AND hq_status = 'conflict'", [note, p["event_id"], here[0]])
# Issue 14: a TB referral's treatment recorded at HQ (register number, start, WHO outcome): only HQ writes these.
from checkpoint.storage import tb_hq as _tb_hq  # noqa: E402

_HANDLERS.update(_tb_hq.HANDLERS)
