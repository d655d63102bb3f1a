"""A TB referral's treatment recorded at HQ (issue 14 point 3): the national TB register number, the treatment start
(date and facility) and the WHO treatment outcome, by the clinic the referral is addressed to (a partner account,
issue 16) or by an HQ data manager — the same record the health worker keeps on the device, with the same rules.

    >>> tb_referral(store, rid, org="KH02-PROVINCIAL-RH")["treatment_outcome"]          # doctest: +SKIP
    ''
    >>> record_tb(store, clock, rid, {"tb_register_number": "BTB-2026-0042", "treatment_started_at": "2026-11-30",
    ...           "treatment_facility": "KH02-PROVINCIAL-RH"}, by="sophea", org="KH02-PROVINCIAL-RH")  # doctest: +SKIP

What is recorded becomes an HQ event, ``tb.outcome_hq`` (author device ``checkpoint.partner_stages.HQ_DEVICE_ID``,
one of ``checkpoint.events.HQ_ONLY_TYPES``: a device that sends one has forged it), with the referral's id and the
``changes`` ``checkpoint.model.referral.validate_referral_update`` returned — the very shape of the device's own
``referral.updated``. It goes into the pull feed of every checkpoint following the person (the registering checkpoint
applies it: the health post and the follow-up show it, the cascade counts the treatment start), into HQ's facts and
into the TB section of the report (``checkpoint.screening.cascade`` folds it). Every action is in the audit trail.

Why its own event type rather than a partner stage: a partner stage is a step of the protection follow-up (received,
arrived … closed with a protection outcome) that the device keeps in ``referral_stages``; a TB outcome is dated
fields of the TB record, checked by the device's own rules, that the device writes on the referral itself.

Rules (the device's): the WHO outcome list; no outcome without a treatment start, nor dated before it; no date in
the future; no treatment start before the referral was made, nor after a recorded outcome, nor for a referral
diagnosed "not TB"; nothing on a closed or voided referral. A partner sees and records only a TB referral addressed
to her organisation (404 for any other, as for one that does not exist). Bad input writes nothing.

Raises NotFound, ValidationError, ConflictError (``TBRefused`` carries the field and the plain English reason, each
of which has its Khmer in ``sync.hq.web.i18n``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.clock import Clock
from checkpoint.errors import ConflictError, NotFound, ValidationError
from checkpoint.events import canonical_json
from checkpoint.model.referral import TREATMENT_OUTCOMES, validate_referral_update
from checkpoint.site import LOCAL_TZ
from sync.hq import facts
from sync.hq.hq_events import append_hq_event, route
from sync.hq.pull import feed_rows
from sync.hq.store import HQStore, events, records
from sync.hq.web.accounts import audit

__all__ = ["FIELDS", "OUTCOME_LABELS", "TB_OUTCOME_TYPE", "record_tb", "tb_referral"]

TB_OUTCOME_TYPE = "tb.outcome_hq"
# What HQ may record on a TB referral (a subset of checkpoint.model.referral.TB_RECORD_FIELDS and the treatment start).
FIELDS = ("tb_register_number", "treatment_started_at", "treatment_facility", "treatment_outcome",
          "treatment_outcome_at")
OUTCOME_LABELS = {"CURED": "Cured", "TREATMENT_COMPLETED": "Treatment completed",
                  "TREATMENT_FAILED": "Treatment failed", "DIED": "Died", "LOST_TO_FOLLOW_UP": "Lost to follow-up",
                  "NOT_EVALUATED": "Not evaluated"}
if tuple(OUTCOME_LABELS) != TREATMENT_OUTCOMES:        # the WHO list is the model's
    raise ImportError("sync.hq.tb_outcomes.OUTCOME_LABELS is not checkpoint.model.referral.TREATMENT_OUTCOMES")
_KEPT = ("status", "diagnosis", "cxr_result", "xpert_result", "sputum_collected_at", "xpert_at",
         "treatment_started_at", "treatment_facility", "tb_register_number", "treatment_outcome",
         "treatment_outcome_at")
_FOLDED = ("registration.recorded", "registration.completed", "tb.screened", "referral.created", "referral.updated",
           "referral.partner_stage", "record.voided", TB_OUTCOME_TYPE)


def _local_day(ts: str) -> date:
    return datetime.fromisoformat(ts).astimezone(LOCAL_TZ).date()


def _fold(conn: Connection, referral_id: str) -> dict[str, Any] | None:
    """The health referral ``referral_id`` as the events HQ accepted make it now (None: no such health referral)."""
    rec = conn.execute(sa.select(records.c.person_id).where(records.c.record_id == referral_id,
                                                            records.c.kind == "referral")).first()
    if rec is None:
        return None
    pid = str(rec.person_id)
    ref: dict[str, Any] | None = None
    for type_, raw, at in conn.execute(
            sa.select(events.c.type, events.c.payload, events.c.recorded_at)
            .where(events.c.entity_id == pid, events.c.status == "accepted", events.c.type.in_(_FOLDED))
            .order_by(events.c.ingest_seq)):
        p = json.loads(raw)
        if not isinstance(p, dict):
            continue
        made = (p.get("referrals") if type_ in ("registration.recorded", "registration.completed")
                else [p.get("referral")] if type_ in ("tb.screened", "referral.created") else [])
        for r in made or []:
            if isinstance(r, dict) and r.get("id") == referral_id:
                ref = {"referral_id": referral_id, "person_id": pid, "kind": str(r.get("kind") or ""),
                       "agency_code": str(r.get("agency_code") or ""), "reason_code": str(r.get("reason_code") or ""),
                       "created_at": str(at), "voided": False, **{k: "" for k in _KEPT}, "status": "referred"}
                ref.update({k: v for k, v in (r.get("record") or {}).items() if k in _KEPT})
        if ref is None or p.get("referral_id", p.get("record_id")) != referral_id:
            continue
        if type_ in ("referral.updated", TB_OUTCOME_TYPE) and isinstance(p.get("changes"), dict):
            ref.update({k: v for k, v in p["changes"].items() if k in _KEPT})
        elif type_ == "referral.partner_stage" and p.get("stage") in ("closed", "did_not_arrive"):
            ref["status"] = "closed" if p["stage"] == "closed" else "lost_to_follow_up"
        elif type_ == "record.voided" and p.get("record_type") == "referral":
            ref["voided"] = True
    if ref is None or ref["kind"] != "health" or ref["voided"]:
        return None
    return ref


def tb_referral(store: HQStore, referral_id: str, *, org: str | None = None) -> dict[str, Any]:
    """A TB (health) referral with its treatment record as HQ holds it. ``org``: the partner's organisation — only a
    referral addressed to it is found (None: a data manager, any). Raises NotFound."""
    rid = str(referral_id)[:64]
    with store.read() as conn:
        ref = _fold(conn, rid)
    if ref is None or (org is not None and (not org or ref["agency_code"] != org)):
        raise NotFound("No TB referral with this id is addressed to your organisation." if org is not None
                       else "No TB referral with this id.")
    return ref


def record_tb(store: HQStore, clock: Clock, referral_id: str, form: Mapping[str, Any], *, by: str,
              org: str | None = None, address: str = "") -> dict[str, Any]:
    """Record the TB register number, the treatment start (date, facility) and/or the WHO outcome of a TB referral
    (``form``: those of ``FIELDS`` given; empty values are left out). ``org`` as in ``tb_referral``. Returns
    ``{"event_id", "changes"}``. Raises NotFound, ValidationError, ConflictError; nothing is written then."""
    unknown = sorted(set(form) - set(FIELDS))
    if unknown:
        raise ValidationError(unknown[0], "cannot be recorded at HQ")
    data = {k: (v.strip() if isinstance(v, str) else v) for k, v in form.items() if v not in (None, "")}
    if not data:
        raise ValidationError("treatment_outcome", "nothing to record")
    ref = tb_referral(store, referral_id, org=org)
    today = clock.now().astimezone(LOCAL_TZ).date()
    changes = validate_referral_update(ref, data, today=today)
    started = changes.get("treatment_started_at")
    if started and started < _local_day(ref["created_at"]).isoformat():
        raise ValidationError("treatment_started_at", "treatment cannot start before the referral was made")
    with store.write() as conn:
        if _fold(conn, ref["referral_id"]) != ref:       # changed since it was read: the rules ran on old data
            raise ConflictError("This referral changed meanwhile; open it again.")
        payload = canonical_json({"referral_id": ref["referral_id"], "changes": changes,
                                  "organisation": org or "", "by": by})
        ev = append_hq_event(conn, clock, type_=TB_OUTCOME_TYPE, entity_type="person", entity_id=ref["person_id"],
                             payload=json.loads(payload), author=f"hq:{by}", batch_id="hq-partner")
        route(conn, feed_rows(conn, [(ev["id"], ref["person_id"])]))
        facts.apply_events(conn, [(ev["type"], ev["entity_id"], payload, "")])
        audit(conn, ev["recorded_at"], by, "tb_outcome", f"referral {ref['referral_id']}",
              ", ".join(f"{k}={changes[k]}" for k in sorted(changes) if k != "tb_register_number")
              + (" (register number)" if "tb_register_number" in changes else ""), address)
    return {"event_id": ev["id"], "changes": changes}
