"""Registering an arrival, and finding who may already be on record.

    >>> dups = session.registrations.find_duplicates({"family_name": "SOK", "date_of_birth": "1990-05-17",
    ...                                                "sex": "F"})                          # doctest: +SKIP
    >>> reg = session.registrations.register(person={...}, encounter={}, consents={"storage": True})  # doctest: +SKIP
    >>> reg.person_id, reg.changes.persons                                                  # doctest: +SKIP

A registration is one transaction and one event: the person, the arrival, the consents, the screens and the
referrals commit together or not at all, and bad input raises ValidationError before anything is written.
Raises PermissionDenied (role), NotFound and ConflictError (an existing person who is unknown or voided).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from checkpoint import screening
from checkpoint.arrivals.codes import STATION_ROLES
from checkpoint.errors import ConflictError, NotFound, PermissionDenied, StoreError, ValidationError
from checkpoint.model.consent import validate_consent_records
from checkpoint.model.encounter import validate_consents, validate_encounter
from checkpoint.model.person import age_on, name_key, validate_person
from checkpoint.model.referral import validate_referral
from checkpoint.model.roles import Permission
from checkpoint.screening import checklist
from checkpoint.screening.safety import evaluate_safety
from checkpoint.services.base import Context, check_id
from checkpoint.services.changes import Changes
from checkpoint.services.private_room import private_room_entries
from checkpoint.services.records import PersonSummary, summaries
from checkpoint.services.referrals import directory_codes
from checkpoint.services.returnee_contact import CONTACT_FIELDS, contact_changes, record_contact_changes
from checkpoint.services.tb_followup import MSG_OPEN_TB_REFERRAL, OpenTBReferral, open_tb_referrals

__all__ = ["TB_ANSWER_KEYS", "PossibleDuplicate", "Registered", "Registrations"]

TB_ANSWER_KEYS = ("hiv", "cough", "cough_days", "haemoptysis", "fever", "night_sweats", "weight_loss",
                  "poor_weight_gain", "contact", "previous_tb", "diabetes", "recent_detention")
MSG_COMPLETED = "This arrival's full registration is already recorded."
_DUPLICATE_ORDER = ("same_document", "same_name_and_birth_date", "same_khmer_name_and_birth_date", "similar_name",
                    "same_phone")


@dataclass(frozen=True)
class Registered:
    """What ``register`` saved: the new ids, the screening results (``None`` when not screened) and Changes."""

    person_id: str
    encounter_id: str
    trafficking_screening_id: str | None
    tb_screening_id: str | None
    referral_ids: tuple[str, ...]
    trafficking: Any
    tb: Any
    changes: Changes
    # issue 12: NOT_SCREENED, PARTIAL or COMPLETE for the checklist (None when not screened at all): an untouched
    # checklist's ``trafficking`` result reads NOT_INDICATED by the ILO rule, but it was not asked
    checklist_status: str | None = None
    safety: Any = None
    # the flow: the private-room queue entry the pre-screen added (empty when it sent no one there)
    queued: tuple[str, ...] = ()


@dataclass(frozen=True)
class PossibleDuplicate(PersonSummary):
    """A person who may be the one being registered, and why (``reasons``, strongest first)."""

    reasons: tuple[str, ...] = ()


class Registrations:
    """``session.registrations``: saving arrivals (officers and supervisors)."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def register(self, *, person: Mapping[str, Any] | None = None, person_id: str | None = None,
                 encounter: Mapping[str, Any] | None = None, consents: Mapping[str, Any] | None = None,
                 trafficking: Mapping[str, Any] | None = None, tb: Mapping[str, Any] | None = None,
                 referrals: Iterable[Mapping[str, Any]] = (), draft_id: str | None = None,
                 prescreen: Mapping[str, Any] | None = None,
                 consent_records: Iterable[Mapping[str, Any]] = (), private_room: bool = True,
                 person_updates: Mapping[str, Any] | None = None) -> Registered:
        """Save one arrival: a new person (``person``) or an existing one (``person_id``), the journey, consent
        per purpose, the trafficking checklist (``{"ticked": [...], "age_at_exploitation": n}``), the TB screen
        (answers as ``evaluate_tb`` takes them) and referrals — in one transaction, as one event.

        Screens are recorded only with consent to screening; storage consent is required to keep the record.
        A child (under 18 at arrival) gets a child-protection referral, added here if missing, unless the arrival
        says the child is accompanied by a parent or legal guardian and no screen shows indicators (issue 11).
        The draft ``draft_id``, if given, is deleted in the same transaction.

        Issue 12: ``prescreen`` (question id → yes / no / not asked) records the red-flag pre-screen's answers and
        result on the arrival (it needs consent to the trafficking interview). ``consent_records`` gives consent per
        purpose (``checkpoint.model.consent``): where one is given for the TB screen or the trafficking interview, it
        decides whether that screen may be recorded (each apart), instead of the single consent to screening.

        The flow: when the pre-screen routes to the private room, the person joins that station's queue (unless
        already there), in the same transaction (``Registered.queued``). ``private_room=False`` leaves the queue
        alone: for arrivals recorded after the fact (the demo's history), whose interview is long past.

        ``person_updates`` (with ``person_id`` only): the phone and destination the officer typed for the repeat
        returnee; what differs from her record is recorded as a correction of it in the same transaction
        (``checkpoint.services.returnee_contact``, as the quick registration does; PermissionDenied for a role that
        may not correct a record).
        """
        ctx = self._ctx
        ctx.require(Permission.REGISTER)
        tz = ctx.site.tz
        now = ctx.store.clock.now()
        today = now.astimezone(tz).date()
        p, pid, dob = resolve_person(ctx, person, person_id, today=today)
        if person_updates and person_id is None:
            raise ValidationError("person_updates", "only for an existing person")
        contact = contact_changes(ctx, pid, person_updates) if person_id is not None else {}
        e = validate_encounter(encounter or {}, now=now, default_station=ctx.site.station_id)
        arrival_day = datetime.fromisoformat(e["arrival_at"]).astimezone(tz).date()
        age = age_on(dob, arrival_day)
        e["age_at_arrival"] = age
        c, granted, crecs = _consents_for(consents, consent_records, age, trafficking=trafficking, tb=tb,
                                          prescreen=prescreen)
        pre = _prescreen_into(prescreen, e)
        enc_id = str(uuid.uuid4())
        payload: dict[str, Any] = {"person_id": pid, "person": p if person is not None else None,
                                   "encounter": {**e, "id": enc_id}, "consents": c,
                                   "trafficking": None, "tb": None, "referrals": []}
        if pre is not None:
            payload["prescreen"] = pre
        if crecs:
            payload["consent_records"] = [{**x, "id": str(uuid.uuid4())} for x in crecs]
        t_res = tb_res = None
        versions = []
        if trafficking is not None:
            t_res, t_payload = _trafficking(trafficking, age, bool(e.get("controlling_person_present")))
            payload["trafficking"] = t_payload
            versions.append(f"{t_res.content_id}@{t_res.content_version}")
        if tb is not None:
            tb_res, tb_payload = _tb(tb, age, ctx.site.tb_mode, ctx.site.tb_policy())
            payload["tb"] = tb_payload
            versions.append(f"{tb_res.content_id}@{tb_res.content_version}")
        refs = [validate_referral(r, directory=directory_codes(ctx, r)) for r in referrals]
        _one_open_tb_referral(ctx, pid, refs)
        # An officer's referral in immediate danger is made without waiting for consent (issue 12: she acts first).
        if any(r["urgency"] != "IMMEDIATE_DANGER" for r in refs) and "referral" not in granted \
                and not (age is not None and age < 18):
            raise ValidationError("consents", "referrals need consent to referral")
        if age is not None and age < 18 and not any(r["kind"] == "child_protection" for r in refs):
            refs += _child_protection_referral(t_res, tb_res, age, accompanied=e["accompanied_minor"])
        for r in refs:
            r["id"] = str(uuid.uuid4())
        payload["referrals"] = refs
        if draft_id is not None:
            check_id(draft_id, "draft_id")
        # The pre-screen says "private room": the person joins that station's queue with the reason (the flow).
        entries = private_room_entries(ctx, pid, payload.get("prescreen"),
                                       ["CONTROLLING_PERSON_PRESENT"] if e.get("controlling_person_present") else []
                                       ) if private_room else []
        with ctx.store.write():
            ctx.store.record("registration.recorded", "person", pid, payload, author=ctx.user.id,
                             content_version=",".join(versions))
            record_contact_changes(ctx, pid, contact)
            if entries:
                ctx.store.record("queue.entered", "person", pid, {"encounter_id": enc_id, "entries": entries},
                                 author=ctx.user.id)
            if draft_id is not None:
                ctx.db.execute("DELETE FROM drafts WHERE id = ? AND user_id = ?", [draft_id, ctx.user.id])
        return Registered(pid, enc_id, payload["trafficking"]["id"] if payload["trafficking"] else None,
                          payload["tb"]["id"] if payload["tb"] else None, tuple(r["id"] for r in refs),
                          t_res, tb_res,
                          Changes(persons=True, encounters=True, referrals=bool(refs), drafts=draft_id is not None,
                                  events=True, ids={"person": pid, "encounter": enc_id}),
                          payload["trafficking"]["status"] if payload["trafficking"] else None,
                          _safety_of(payload["trafficking"]), tuple(x["id"] for x in entries))

    def arrival(self, encounter_id: str) -> dict[str, Any]:
        """What the full registration continues from: a quick registration's arrival, its person (identity), the
        household (role, child status, the guardian's id and name), its flags and the person's phone and destination
        as her record holds them (``contact``). NotFound when the encounter is not a quick registration's;
        ConflictError when its full registration is already recorded."""
        ctx = self._ctx
        ctx.require(Permission.REGISTER)
        ctx.require(Permission.VIEW_IDENTITY)
        eid = check_id(encounter_id, "encounter_id")
        row = ctx.db.execute(
            "SELECT e.person_id, e.arrival_at, e.return_type, e.interpreter_used, e.accompanied_minor, "
            "e.controlling_person_present, e.age_at_arrival, a.household_id, a.household_role, a.child_status, "
            "a.flags, p.guardian_person_id, p.date_of_birth, p.voided, "
            + ", ".join(f"p.{c}" for c in CONTACT_FIELDS)
            + " FROM encounters e JOIN arrivals a ON a.id = e.id JOIN persons p ON p.id = e.person_id WHERE e.id = ?",
            [eid]).fetchone()
        if row is None or row[13]:
            raise NotFound("No such arrival.")
        if self._completed(eid):
            raise ConflictError(MSG_COMPLETED)
        guardian = None
        if row[11]:
            g = ctx.db.execute("SELECT family_name, given_names, name_khmer FROM persons WHERE id = ?",
                               [row[11]]).fetchone()
            if g is not None:
                guardian = {"id": row[11], "name": " ".join(x for x in (g[0], g[1]) if x) or g[2]}
        ctx.audit_read("arrival", 1)
        return {"encounter_id": eid, "person_id": row[0], "date_of_birth": row[12],
                "encounter": {"arrival_at": row[1], "return_type": row[2], "interpreter_used": bool(row[3]),
                              "accompanied_minor": bool(row[4]), "controlling_person_present": bool(row[5])},
                "age_at_arrival": row[6], "household_id": row[7], "household_role": row[8], "child_status": row[9],
                "flags": json.loads(row[10] or "[]"), "guardian": guardian,
                "contact": {c: row[14 + i] or "" for i, c in enumerate(CONTACT_FIELDS)}}

    def _completed(self, encounter_id: str) -> bool:
        db = self._ctx.db
        # a full registration always records the consent to storage (a quick one records none, even with a pre-screen)
        return bool(db.execute("SELECT 1 FROM consents WHERE encounter_id = ? LIMIT 1", [encounter_id]).fetchone())

    def complete(self, encounter_id: str, *, encounter: Mapping[str, Any] | None = None,
                 consents: Mapping[str, Any] | None = None, trafficking: Mapping[str, Any] | None = None,
                 tb: Mapping[str, Any] | None = None, referrals: Iterable[Mapping[str, Any]] = (),
                 draft_id: str | None = None, prescreen: Mapping[str, Any] | None = None,
                 consent_records: Iterable[Mapping[str, Any]] = (), queue_entry_id: str | None = None,
                 person: Mapping[str, Any] | None = None, person_id: str | None = None,
                 person_updates: Mapping[str, Any] | None = None) -> Registered:
        """Complete a quick registration's arrival with the full registration (journey, consent per purpose,
        pre-screen, screens, referrals) as one ``registration.completed`` event on the SAME encounter — no second
        arrival. The same rules as ``register``: storage consent, each screen with its consent, the child rule
        (an accompanied child, as the quick registration recorded the household, gets no automatic child-protection
        referral without indicators). ``queue_entry_id`` (the station entry the person was called from) is closed
        as done in the same transaction; a pre-screen that says "private room" queues the person there unless
        already queued there. ``person``/``person_id`` are accepted for the wizard's sake and must name the
        arrival's person (the identity is corrected through records, not here); ``person_updates`` is the person's
        new phone and destination, recorded as ``register`` records them (``checkpoint.services.returnee_contact``)."""
        ctx = self._ctx
        ctx.require(Permission.REGISTER)
        eid = check_id(encounter_id, "encounter_id")
        row = ctx.db.execute(
            "SELECT e.person_id, e.arrival_at, e.station_id, e.accompanied_minor, e.controlling_person_present, "
            "e.age_at_arrival, a.flags, p.voided FROM encounters e JOIN arrivals a ON a.id = e.id "
            "JOIN persons p ON p.id = e.person_id WHERE e.id = ?", [eid]).fetchone()
        if row is None or row[7]:
            raise NotFound("No such arrival.")
        pid, arrival_at, station, accompanied, controlling, age, flags_json, _v = row
        if person_id is not None and person_id != pid:
            raise ValidationError("person_id", "is not this arrival's person")
        if self._completed(eid):
            raise ConflictError(MSG_COMPLETED)
        contact = contact_changes(ctx, pid, person_updates)
        now = ctx.store.clock.now()
        given = dict(encounter or {})
        for k in ("arrival_at", "station_id", "accompanied_minor"):   # kept as the quick registration recorded them
            given.pop(k, None)
        given["controlling_person_present"] = bool(given.get("controlling_person_present")) or bool(controlling)
        e = validate_encounter({**given, "arrival_at": arrival_at, "station_id": station}, now=now,
                               default_station=ctx.site.station_id)
        c, granted, crecs = _consents_for(consents, consent_records, age, trafficking=trafficking, tb=tb,
                                          prescreen=prescreen)
        pre = _prescreen_into(prescreen, e)
        journey = {k: v for k, v in e.items() if k not in ("arrival_at", "station_id")}
        journey["accompanied_minor"] = bool(accompanied)
        payload: dict[str, Any] = {"encounter_id": eid, "encounter": journey, "consents": c, "trafficking": None,
                                   "tb": None, "referrals": []}
        if pre is not None:
            payload["prescreen"] = pre
        if crecs:
            payload["consent_records"] = [{**x, "id": str(uuid.uuid4())} for x in crecs]
        t_res = tb_res = None
        versions = []
        if trafficking is not None:
            t_res, payload["trafficking"] = _trafficking(trafficking, age, bool(e.get("controlling_person_present")))
            versions.append(f"{t_res.content_id}@{t_res.content_version}")
        if tb is not None:
            tb_res, payload["tb"] = _tb(tb, age, ctx.site.tb_mode, ctx.site.tb_policy())
            versions.append(f"{tb_res.content_id}@{tb_res.content_version}")
        refs = [validate_referral(r, directory=directory_codes(ctx, r)) for r in referrals]
        _one_open_tb_referral(ctx, pid, refs)
        if any(r["urgency"] != "IMMEDIATE_DANGER" for r in refs) and "referral" not in granted \
                and not (age is not None and age < 18):
            raise ValidationError("consents", "referrals need consent to referral")
        has_cp = bool(ctx.db.execute("SELECT 1 FROM referrals WHERE encounter_id = ? AND kind = 'child_protection'",
                                     [eid]).fetchone())
        if age is not None and age < 18 and not has_cp and not any(r["kind"] == "child_protection" for r in refs):
            refs += _child_protection_referral(t_res, tb_res, age, accompanied=bool(accompanied))
        for r in refs:
            r["id"] = str(uuid.uuid4())
        payload["referrals"] = refs
        close = None
        if queue_entry_id is not None:
            q = ctx.db.execute("SELECT person_id, station, status FROM queue_entries WHERE id = ?",
                               [check_id(queue_entry_id, "queue_entry_id")]).fetchone()
            if q is None or q[0] != pid:
                raise NotFound("No such queue entry.")
            ctx.require(Permission.QUEUE)
            if ctx.user.role not in STATION_ROLES.get(q[1], frozenset()):
                raise PermissionDenied("Your role does not work at this station.")
            close = queue_entry_id if q[2] in ("waiting", "called") else None
        if draft_id is not None:
            check_id(draft_id, "draft_id")
        fl = json.loads(flags_json or "[]") + (["CONTROLLING_PERSON_PRESENT"] if journey["controlling_person_present"]
                                                else [])
        entries = private_room_entries(ctx, pid, payload.get("prescreen"), fl, closing=close)
        with ctx.store.write():
            ctx.store.record("registration.completed", "person", pid, payload, author=ctx.user.id,
                             content_version=",".join(versions))
            record_contact_changes(ctx, pid, contact)
            if entries:
                ctx.store.record("queue.entered", "person", pid, {"encounter_id": eid, "entries": entries},
                                 author=ctx.user.id)
            if close is not None:
                ctx.store.record("queue.updated", "person", pid, {"entry_id": close, "status": "done"},
                                 author=ctx.user.id)
            if draft_id is not None:
                ctx.db.execute("DELETE FROM drafts WHERE id = ? AND user_id = ?", [draft_id, ctx.user.id])
        return Registered(pid, eid, payload["trafficking"]["id"] if payload["trafficking"] else None,
                          payload["tb"]["id"] if payload["tb"] else None, tuple(r["id"] for r in refs),
                          t_res, tb_res,
                          Changes(persons=True, encounters=True, referrals=bool(refs), drafts=draft_id is not None,
                                  events=True, ids={"person": pid, "encounter": eid}),
                          payload["trafficking"]["status"] if payload["trafficking"] else None,
                          _safety_of(payload["trafficking"]), tuple(x["id"] for x in entries))

    def find_duplicates(self, person: Mapping[str, Any], *, limit: int = 10) -> list[PossibleDuplicate]:
        """Existing persons who may be the same as ``person``: same document; same name and date of birth;
        close Latin spelling with the same (or, for an estimate, a near) birth date; same Khmer name and birth
        date; same phone. Strongest first, each with its ``reasons``."""
        ctx = self._ctx
        ctx.require(Permission.VIEW_LIST)
        db = ctx.db
        p = validate_person(person, today=ctx.today(), partial=True)
        found: dict[str, set[str]] = {}

        def add(rows: Iterable[Any], reason: str) -> None:
            for (pid,) in rows:
                found.setdefault(pid, set()).add(reason)

        if p.get("id_document_number"):
            add(db.execute("SELECT id FROM persons WHERE id_document_number = ? "
                           "AND id_document_number != '' AND voided = 0 LIMIT 20",
                           [p["id_document_number"]]), "same_document")
        key = name_key(p.get("family_name", ""), p.get("given_names", ""))
        dob = p.get("date_of_birth")
        if key and dob:
            add(db.execute("SELECT id FROM persons WHERE name_key = ? AND date_of_birth = ? AND voided = 0 "
                           "LIMIT 20", [key, dob]), "same_name_and_birth_date")
            d = date.fromisoformat(dob)
            span = 400 if p.get("dob_estimated") else 0
            add(db.execute(
                "SELECT id FROM persons WHERE name_key = ? AND date_of_birth BETWEEN ? AND ? AND voided = 0 "
                "LIMIT 20", [key, (d - timedelta(days=span)).isoformat(), (d + timedelta(days=span)).isoformat()]),
                "similar_name")
            rows = db.execute("SELECT id, name_key FROM persons WHERE date_of_birth = ? AND voided = 0 "
                              "LIMIT 500", [dob]).fetchall()
            add(((pid,) for pid, k in rows if k != key and _close(k, key)), "similar_name")
        if p.get("name_khmer") and dob:
            add(db.execute("SELECT id FROM persons WHERE date_of_birth = ? AND voided = 0 AND "
                           "replace(name_khmer, ' ', '') = ? LIMIT 20",
                           [dob, p["name_khmer"].replace(" ", "")]), "same_khmer_name_and_birth_date")
        if p.get("phone"):
            add(db.execute("SELECT id FROM persons WHERE phone = ? AND phone != '' AND voided = 0 LIMIT 20",
                           [p["phone"]]), "same_phone")
        order = _DUPLICATE_ORDER
        ranked = sorted(found.items(), key=lambda kv: min(order.index(r) for r in kv[1]))[:limit]
        out = []
        for pid, reasons in ranked:
            s = summaries(ctx, [pid])[0]
            out.append(PossibleDuplicate(**vars(s), reasons=tuple(sorted(reasons, key=order.index))))
        ctx.audit_read("duplicates", len(out))
        return out


def _prescreen_into(prescreen: Mapping[str, Any] | None, encounter: dict[str, Any]) -> dict[str, Any] | None:
    """The red-flag pre-screen's result (None when it was not asked). A yes that says a controlling person is here
    marks the encounter so (as a quick registration does): the safety rule, the urgency and the private room's
    queue then count it, whether or not the officer also ticked it on the journey page."""
    if prescreen is None:
        return None
    pre = screening.evaluate_prescreen(prescreen)
    if pre.controlling_person_present:
        encounter["controlling_person_present"] = True
    return pre.to_dict()


def _trafficking(data: Mapping[str, Any], age: int | None,
                 controlling_person_present: bool = False) -> tuple[Any, dict[str, Any]]:
    unknown = set(data) - {"ticked", "answered_no", "age_at_exploitation", "exploitation_types"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not part of the trafficking checklist")
    ticked = data.get("ticked") or []
    if isinstance(ticked, str) or not isinstance(ticked, Iterable) or not all(isinstance(t, str)
                                                                              for t in ticked):
        raise ValidationError("ticked", "must be a list of indicator ids")
    a_exp = data.get("age_at_exploitation")
    if a_exp is not None and (isinstance(a_exp, bool) or not isinstance(a_exp, int) or not 0 <= a_exp <= 120):
        raise ValidationError("age_at_exploitation", "must be an age in years")
    age_used = a_exp if a_exp is not None else age
    if age_used is None:
        raise ValidationError("date_of_birth", "the checklist needs the person's age")
    res = screening.evaluate_trafficking(set(ticked), age=age_used)
    # Yes / no / not asked (answers version 2): "ticked" are the yes answers, "answered_no" the no answers, every
    # other item was not asked. An untouched checklist is recorded as NOT_SCREENED, never NOT_INDICATED.
    answers = checklist.checklist_answers(yes=set(ticked), no=data.get("answered_no") or [], age=age_used)
    safety = evaluate_safety(set(ticked), age=age_used, controlling_person_present=controlling_person_present)
    result = _compact(res.to_dict(), _TRAFFICKING_KEEP)
    if not answers.screened:
        result.update(outcome=checklist.NOT_SCREENED, htcds_trafficking_status="")
    return res, {"id": str(uuid.uuid4()), "age_used": age_used, "ticked": sorted(set(ticked)),
                 **answers.to_dict(),
                 "exploitation_types": checklist.validate_exploitation_types(data.get("exploitation_types")),
                 "safety": safety.to_dict(), "result": result}


def _safety_of(t: Mapping[str, Any] | None) -> Any:
    """The safety rule's result as recorded (a dict), or None without a checklist."""
    return dict(t["safety"]) if t and t.get("safety") else None


def _tb(data: Mapping[str, Any], age: int | None, mode: str,
        policy: Mapping[str, bool] | None = None) -> tuple[Any, dict[str, Any]]:
    unknown = set(data) - set(TB_ANSWER_KEYS)
    if unknown:
        raise ValidationError(sorted(unknown)[0], "is not part of the TB screen")
    if age is None:
        raise ValidationError("date_of_birth", "the TB screen needs the person's age")
    answers = {k: data[k] for k in TB_ANSWER_KEYS if k in data}
    # The site's TB policy is kept with the answers only where it is not the default (so the explanation can be
    # regenerated, and records made under the default policy keep the shape they always had).
    kept = {k: v for k, v in (policy or {}).items() if v is not True}
    res = screening.evaluate_tb(age=age, mode=mode, **answers, xray_on_site=kept.get("xray_on_site", True),
                                detention_alone_to_xray=kept.get("detention_alone_to_xray", True))
    return res, {"id": str(uuid.uuid4()), "answers": {**answers, "age": age, "mode": mode, **kept},
                 "result": _compact(res.to_dict(), _TB_KEEP)}


def _child_protection_referral(t_res: Any, tb_res: Any, age: int, *, accompanied: bool = False
                               ) -> list[dict[str, Any]]:
    """The automatic child-protection referral of a child: none for a child accompanied by a parent or legal
    guardian without indicators (issue 11), else the suggested one."""
    for s in screening.suggest_referrals(t_res, tb_res, age=age, accompanied=accompanied):
        if s.kind == "child_protection":
            return [validate_referral({"kind": s.kind, "agency_code": s.agency_code,
                                       "reason_code": s.reason_code, "urgency": s.urgency})]
    if accompanied:
        return []
    raise StoreError("The referral content has no child-protection agency.")


# What a screening result keeps in the log and the projection. The explanation text is not stored: it is a pure
# function of the answers, the age and the content and rule versions, and is regenerated when the record is read
# (``Records.get``). Keeping it would triple the size of every registration.
_TRAFFICKING_KEEP = ("content_id", "content_version", "rule_version", "ilo_set", "child_rule", "outcome",
                     "positive_dimensions", "flags", "htcds_trafficking_status", "rule_applied")
_TB_KEEP = ("content_id", "content_version", "rule_version", "outcome", "presumptive", "decisive", "urgency",
            "mode", "rule")


def _compact(result: dict[str, Any], keep: tuple[str, ...]) -> dict[str, Any]:
    out = {k: result[k] for k in keep if k in result}
    dims = result.get("dimensions")
    if isinstance(dims, dict):
        # strong/medium/weak counts of the dimensions that had ticks, for audit displays and reports
        out["counts"] = {d: [v["s"], v["m"], v["w"]] for d, v in sorted(dims.items()) if v["s"] + v["m"] + v["w"]}
    return out


def _close(a: str, b: str) -> bool:
    """Edit distance of at most 1 between two name keys (after the spelling-variant folding)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = diffs = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            diffs += 1
            if diffs > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
        else:
            i += 1
            j += 1
    return diffs + (len(b) - j) + (len(a) - i) <= 1


def resolve_person(ctx: Context, person: Mapping[str, Any] | None, person_id: str | None, *,
                   today: date) -> tuple[dict[str, Any] | None, str, str | None]:
    """Who an arrival is for: a new person (validated, with a new id) or an existing, not voided one.

    Returns (the validated new person or None, the person's id, her date of birth). Raises ValidationError (neither
    or both given, a bad person), NotFound, ConflictError (the person's record was voided)."""
    if (person is None) == (person_id is None):
        raise ValidationError("person", "give either a new person or an existing person's id")
    if person is not None:
        p = validate_person(person, today=today)
        return p, str(uuid.uuid4()), p["date_of_birth"]
    pid = check_id(person_id, "person_id")
    row = ctx.db.execute("SELECT date_of_birth, voided FROM persons WHERE id = ?", [pid]).fetchone()
    if row is None:
        raise NotFound("No such person.")
    if row[1]:
        raise ConflictError("This person's record was voided; register a new person instead.")
    return None, pid, row[0]


def _one_open_tb_referral(ctx: Context, person_id: str, refs: list[dict[str, Any]]) -> None:
    """Issue 14: one open TB referral per person, whichever desk opens it. A returnee registered again (or an
    arrival completed) with a new health referral while an earlier one is still open is refused, naming the open
    one: the health post continues that one instead. Raises OpenTBReferral."""
    if any(r["kind"] == "health" for r in refs):
        found = open_tb_referrals(ctx.db, person_id)
        if found:
            raise OpenTBReferral(MSG_OPEN_TB_REFERRAL, found[-1])


def _consents_for(consents: Mapping[str, Any] | None, consent_records: Iterable[Mapping[str, Any]], age: int | None,
                  *, trafficking: Any, tb: Any, prescreen: Any
                  ) -> tuple[list[dict[str, Any]], set[str], list[dict[str, Any]]]:
    """The consent rule of a registration and of its completion from the queue: the consents (validated), the
    purposes granted, the consent records per purpose (validated for the person's age). Storage is required; the
    checklist and the pre-screen need consent to the trafficking interview and the TB answers consent to the TB
    screen (a purpose's own record, else the older "screening" consent). Raises ValidationError."""
    c = validate_consents(consents or {})
    granted = {x["purpose"] for x in c if x["granted"]}
    if "storage" not in granted:
        raise ValidationError("consents", "consent to store the record is required to save it")
    crecs = validate_consent_records(consent_records, age=age)
    per_purpose = {x["purpose"]: x["granted"] for x in crecs if not x["target"]}

    def consented(purpose: str) -> bool:
        return bool(per_purpose.get(purpose, "screening" in granted))

    if trafficking and not consented("trafficking_interview"):
        raise ValidationError("consents", "trafficking answers need consent to the trafficking interview")
    if tb and not consented("tb_screen"):
        raise ValidationError("consents", "TB answers need consent to the TB screen")
    if prescreen is not None and not consented("trafficking_interview"):
        raise ValidationError("consents", "the pre-screen needs consent to the trafficking interview")
    return c, granted, crecs
