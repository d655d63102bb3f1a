"""Group arrivals (issue 11): handover groups and lists, quick registration, households, the triage queue, surge mode.

    >>> lst = session.arrivals.preview(data, "bus-1.csv")                       # doctest: +SKIP
    >>> imp = session.arrivals.import_list(data, "bus-1.csv", group={"transport": "BUS", "vehicle": "40-1234",
    ...                                    "handover_ref": "AR-2569/118"})      # doctest: +SKIP
    >>> q = session.arrivals.quick_register(group_id=imp.group_id, row=2, flags=["PREGNANT"])   # doctest: +SKIP
    >>> session.arrivals.call_next("INTERVIEW_ROOM").person_id == q.person_id   # doctest: +SKIP

A quick registration is the minimum arrival record, written as the registration's own event
(``registration.recorded``, validated by the same person and arrival checks) with an ``arrival`` part, plus its
places in the stations' queues (``queue.entered``), in one transaction. It needs no consent: registering a returnee
is an official act, and the record is kept and counted even when the person declines the interviews (``legal_basis``
"official_act"); the interviews, screens and sharing are the full registration's, with their consents.

A handover list is read whole and checked first (``checkpoint.arrivals.handover``): nothing is written unless every
row is good, or the officer asks explicitly for the good rows only (``only_good=True``; the bad rows stay listed).

Queue entries travel to the checkpoint's other laptops through HQ (they are person events). Handover groups (with
the list's rows: names, dates of birth, households), surge mode and headcounts are checkpoint events
(``checkpoint.events.SITE_TYPES``): HQ keeps them, counts them (codes and counts only) and sends them to the other
laptops of the same checkpoint, never to another checkpoint; so surge mode, once switched, is on for the whole
checkpoint (the last switch by the hybrid logical clock wins), and a replacement laptop gets them back from HQ.
Raises PermissionDenied, ValidationError (HandoverRejected with the bad rows), NotFound, ConflictError.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from checkpoint import codelists, screening
from checkpoint.arrivals.codes import (
    AGE_GROUPS,
    CHILD_STATUSES,
    FLAGS,
    HEALTH_FLAGS,
    HOUSEHOLD_ROLES,
    STATION_ROLES,
    TERMINAL_STATUSES,
    TRANSPORTS,
    flag_priority,
)
from checkpoint.arrivals.handover import ColumnMapping, HandoverList, RowProblem, parse_date, read_handover
from checkpoint.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from checkpoint.model.consent import validate_consent_records
from checkpoint.model.encounter import validate_encounter
from checkpoint.model.fields import opt_code, opt_int, opt_text
from checkpoint.model.person import SEXES, age_on
from checkpoint.model.referral import validate_referral
from checkpoint.model.roles import Permission
from checkpoint.services.base import Context, check_id, row_dicts
from checkpoint.services.changes import Changes
from checkpoint.services.private_room import PRIVATE_ROOM
from checkpoint.services.registrations import resolve_person
from checkpoint.services.returnee_contact import contact_changes, record_contact_changes

__all__ = ["Arrivals", "GroupStatus", "HandoverRejected", "Imported", "QueueItem", "QuickRegistered"]

ROWS_PER_EVENT = 250        # a list's rows go in events of at most this many (HQ caps one payload at 1 MiB)
LEGAL_BASIS = "official_act"
MEDICAL_FLAGS = frozenset({"INJURED_OR_ILL", "PREGNANT"})

MSG_REJECTED: Final = ("Some rows of the list are not valid: nothing was imported. Correct them, or import only "
                       "the good rows.")
MSG_NOTHING_GOOD: Final = "No row of the list is valid: nothing was imported."
MSG_ROW_DONE: Final = "This row of the list is already registered or marked as left."
MSG_NO_GUARDIAN: Final = "An accompanied child needs the parent or legal guardian registered first."
MSG_SURGE_OFF: Final = "Surge mode is off: register arrivals instead of counting them."
MSG_STATION_ROLE: Final = "Your role does not work at this station."


class HandoverRejected(ValidationError):
    """The list has bad rows and the officer did not ask to import only the good ones: nothing was written."""

    def __init__(self, problems: Sequence[RowProblem], message: str = MSG_REJECTED) -> None:
        self.problems = tuple(problems)
        super().__init__("rows", message)


@dataclass(frozen=True)
class GroupCreated:
    group_id: str
    changes: Changes


@dataclass(frozen=True)
class Imported:
    group_id: str
    rows: int
    problems: tuple[RowProblem, ...]
    encoding: str
    mapping: dict[str, str]
    changes: Changes


@dataclass(frozen=True)
class GroupStatus:
    """A group as the officer sees it: expected vs listed vs registered vs left before registration."""

    id: str
    transport: str
    vehicle: str
    handover_ref: str
    handover_date: str | None
    authority: str
    return_type: str
    expected: int | None
    listed: int
    registered: int
    left: int
    waiting: int
    skipped_rows: int
    created_at: str


@dataclass(frozen=True)
class QuickRegistered:
    person_id: str
    encounter_id: str
    household_id: str | None
    child_status: str | None
    guardian_person_id: str | None
    flags: tuple[str, ...]
    priority: int
    referral_ids: tuple[str, ...]
    queue_entry_ids: tuple[str, ...]
    changes: Changes


@dataclass(frozen=True)
class QueueItem:
    entry_id: str
    person_id: str
    encounter_id: str
    station: str
    status: str
    priority: int
    flags: tuple[str, ...]
    family_name: str
    given_names: str
    name_khmer: str
    sex: str
    age: int | None
    entered_at: str
    waited_s: int
    called_at: str | None = None
    changes: Changes = field(default_factory=Changes)
    # why the red-flag pre-screen sent the person here (question ids of its yes answers; empty for the health post)
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class _GroupRef:
    id: str
    return_type: str


def _household_id(group_id: str, ref: str) -> str:
    """The same household id for one household of one list, on every laptop."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"checkpoint-household:{group_id}:{ref}"))


class Arrivals:
    """``session.arrivals``: group arrivals, quick registration, the triage queue and surge mode."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    # ------------------------------------------------------------------ groups and lists
    def _group_fields(self, group: Mapping[str, Any]) -> dict[str, Any]:
        allowed = {"transport", "vehicle", "handover_ref", "handover_date", "authority", "return_type",
                   "expected_count", "source"}
        unknown = set(group) - allowed
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not a field of a handover group")
        transport = group.get("transport") or "BUS"
        if transport not in TRANSPORTS:
            raise ValidationError("transport", "must be bus, truck, van, on foot or other")
        hd = opt_text(group, "handover_date", max_len=20)
        if hd:
            try:
                hd = parse_date(hd)
            except ValueError:
                raise ValidationError("handover_date", "is not a date") from None
        return {"transport": transport, "vehicle": opt_text(group, "vehicle", max_len=20),
                "handover_ref": opt_text(group, "handover_ref", max_len=60), "handover_date": hd or None,
                "authority": opt_text(group, "authority", max_len=120),
                "return_type": opt_code(group, "return_type", "return_types", default="DEPORTED_G2G"),
                "expected_count": opt_int(group, "expected_count", lo=0, hi=10_000),
                "source": opt_text(group, "source", max_len=80)}

    def create_group(self, group: Mapping[str, Any]) -> GroupCreated:
        """Record a group typed by hand (no list): how they came, the handover, the expected head count."""
        ctx = self._ctx
        ctx.require(Permission.IMPORT_HANDOVER)
        g = self._group_fields(group)
        gid = str(uuid.uuid4())
        with ctx.store.write():
            ctx.store.record("arrival_group.recorded", "group", gid, {"group": g, "rows": []}, author=ctx.user.id)
        return GroupCreated(gid, Changes(events=True, ids={"group": gid}))

    def remembered_mapping(self, source: str) -> ColumnMapping | None:
        """The column mapping last used for lists from ``source`` (an authority, a detention centre), if any."""
        self._ctx.require(Permission.IMPORT_HANDOVER)
        raw = self._ctx.store.meta(self._mapping_key(source))
        return ColumnMapping.from_dict(json.loads(raw)) if raw else None

    @staticmethod
    def _mapping_key(source: str) -> str:
        s = " ".join(opt_text({"source": source}, "source", max_len=80).split()).casefold()
        return f"handover_mapping:{s}"

    def preview(self, data: bytes, filename: str = "", *, mapping: Mapping[str, str] | ColumnMapping | None = None,
                source: str = "") -> HandoverList:
        """Read and check a list without writing anything: for the mapping step and the list of bad rows.
        The mapping: the one given, else the one remembered for ``source``, else guessed from the headers."""
        ctx = self._ctx
        ctx.require(Permission.IMPORT_HANDOVER)
        if mapping is None and source:
            mapping = self.remembered_mapping(source)
        return read_handover(data, filename, mapping=mapping, today=ctx.today())

    def import_list(self, data: bytes, filename: str = "", *, group: Mapping[str, Any] | None = None,
                    mapping: Mapping[str, str] | ColumnMapping | None = None, source: str = "",
                    only_good: bool = False) -> Imported:
        """Create a group from a handover list: all rows checked first; HandoverRejected (nothing written) when any
        row is bad, unless ``only_good`` (then the good rows are imported and the bad ones returned and counted in
        the group as skipped). The mapping used is remembered for ``source`` (or the group's authority)."""
        ctx = self._ctx
        ctx.require(Permission.IMPORT_HANDOVER)
        g = self._group_fields(group or {})
        source = source or g["source"] or g["authority"]
        lst = self.preview(data, filename, mapping=mapping, source=source)
        if lst.problems and not only_good:
            raise HandoverRejected(lst.problems)
        if not lst.rows:
            raise HandoverRejected(lst.problems, MSG_NOTHING_GOOD)
        rows = [{"row": r["row"], "row_ref": r["row_ref"], "person": r["person"], "household": r["household"],
                 "household_role": r["household_role"]} for r in lst.rows]
        if g["expected_count"] is None:
            g["expected_count"] = lst.total
        gid = str(uuid.uuid4())
        skipped = len({p.row for p in lst.problems})
        with ctx.store.write():
            ctx.store.record("arrival_group.recorded", "group", gid,
                             {"group": g, "rows": rows[:ROWS_PER_EVENT], "skipped_rows": skipped,
                              "encoding": lst.encoding}, author=ctx.user.id)
            for i in range(ROWS_PER_EVENT, len(rows), ROWS_PER_EVENT):
                ctx.store.record("arrival_group.rows_added", "group", gid, {"rows": rows[i:i + ROWS_PER_EVENT]},
                                 author=ctx.user.id)
            if source:
                ctx.store.set_meta(self._mapping_key(source), json.dumps(lst.mapping.to_dict(), ensure_ascii=False))
        return Imported(gid, len(rows), tuple(lst.problems), lst.encoding, lst.mapping.to_dict(),
                        Changes(events=True, ids={"group": gid}))

    def groups(self, *, limit: int = 50) -> list[GroupStatus]:
        """The newest groups first, each with its counts."""
        self._ctx.require(Permission.VIEW_LIST)
        ids = [r[0] for r in self._ctx.db.execute(
            "SELECT id FROM arrival_groups ORDER BY created_at DESC, id LIMIT ?", [max(1, min(limit, 500))])]
        return [self.group(i) for i in ids]

    def group(self, group_id: str) -> GroupStatus:
        ctx = self._ctx
        ctx.require(Permission.VIEW_LIST)
        rows = row_dicts(ctx.db.execute("SELECT * FROM arrival_groups WHERE id = ?", [check_id(group_id, "group_id")]))
        if not rows:
            raise NotFound("No such group.")
        g = rows[0]
        counts = dict(ctx.db.execute("SELECT status, count(*) FROM handover_rows WHERE group_id = ? GROUP BY status",
                                     [group_id]).fetchall())
        registered = ctx.db.execute("SELECT count(*) FROM arrivals WHERE group_id = ?", [group_id]).fetchone()[0]
        return GroupStatus(g["id"], g["transport"], g["vehicle"], g["handover_ref"], g["handover_date"],
                           g["authority"], g["return_type"], g["expected_count"], sum(counts.values()),
                           registered, counts.get("left", 0), counts.get("waiting", 0), g["skipped_rows"],
                           g["created_at"])

    def rows(self, group_id: str, *, status: str | None = None) -> list[dict[str, Any]]:
        """The list's rows in sheet order: ``{"row", "row_ref", "person", "household", "household_role", "status",
        "person_id"}``."""
        ctx = self._ctx
        ctx.require(Permission.VIEW_LIST)
        q = "SELECT * FROM handover_rows WHERE group_id = ?"
        params: list[Any] = [check_id(group_id, "group_id")]
        if status is not None:
            q += " AND status = ?"
            params.append(status)
        out = []
        for r in row_dicts(ctx.db.execute(q + " ORDER BY row_no", params)):
            out.append({"row": r["row_no"], "row_ref": r["row_ref"], "person": json.loads(r["person"]),
                        "household": r["household"], "household_role": r["household_role"], "status": r["status"],
                        "person_id": r["person_id"]})
        return out

    def mark_row_left(self, group_id: str, row: int) -> Changes:
        """A listed person left before registration: counted as such in the group."""
        ctx = self._ctx
        ctx.require(Permission.REGISTER)
        self._waiting_row(group_id, row)
        with ctx.store.write():
            ctx.store.record("arrival_group.row_left", "group", group_id, {"row": row}, author=ctx.user.id)
        return Changes(events=True)

    def _waiting_row(self, group_id: str, row: Any) -> dict[str, Any]:
        check_id(group_id, "group_id")
        if isinstance(row, bool) or not isinstance(row, int):
            raise ValidationError("row", "is not a row of the list")
        found = row_dicts(self._ctx.db.execute("SELECT * FROM handover_rows WHERE id = ?", [f"{group_id}:{row}"]))
        if not found:
            raise NotFound("No such row in this list.")
        if found[0]["status"] != "waiting":
            raise ConflictError(MSG_ROW_DONE)
        return found[0]

    # ------------------------------------------------------------------ quick registration
    def quick_register(self, person: Mapping[str, Any] | None = None, *, person_id: str | None = None,
                       group_id: str | None = None, row: int | None = None, household_id: str | None = None,
                       household_role: str | None = None, child_status: str | None = None,
                       guardian_id: str | None = None, flags: Iterable[str] = (),
                       interpreter_language: str | None = None, stations: Sequence[str] | None = None,
                       return_type: str | None = None, prescreen: Mapping[str, Any] | None = None,
                       consent_records: Iterable[Mapping[str, Any]] = (),
                       person_updates: Mapping[str, Any] | None = None) -> QuickRegistered:
        """Save the minimum arrival record in one transaction: the person (new, from a list row merged with what
        the officer typed; or an existing ``person_id``: a repeat returnee offered by ``find_duplicates``), the
        arrival, household and role, child status and guardian, vulnerability flags, interpreter language, the
        automatic child-protection referral (separated and unaccompanied children only), and the person's places
        in the stations' queues (all the site's stations; in surge mode only the flagged, at the interview room
        and for a medical flag the health post).

        A child's status, when not given: accompanied when a registered adult head or spouse of the household is
        there and the child is a child of the household (that adult is recorded as guardian), separated when only
        other adults of the household are, unaccompanied otherwise.

        The flow: the red-flag pre-screen may be asked here (``prescreen``, with the consent to the trafficking
        interview in ``consent_records``, the guardian's for a child). When it routes to the private room, the
        person is queued there (even in surge mode) at the flags rule's priority, with its reasons on the arrival.

        ``person_updates`` (with ``person_id`` only): the phone and destination the officer typed for the repeat
        returnee; what differs from her record is recorded as a correction of it in the same transaction
        (``checkpoint.services.returnee_contact``)."""
        ctx = self._ctx
        ctx.require(Permission.REGISTER)
        now = ctx.store.clock.now()
        today = now.astimezone(ctx.site.tz).date()
        group = None
        if group_id is not None:        # the group's row only: its counts are not needed to save (the hot path)
            found = ctx.db.execute("SELECT id, return_type FROM arrival_groups WHERE id = ?",
                                   [check_id(group_id, "group_id")]).fetchone()
            if found is None:
                raise NotFound("No such group.")
            group = _GroupRef(*found)
        if row is not None:
            if group is None:
                raise ValidationError("group_id", "a list row needs its group")
            r = self._waiting_row(group.id, row)
            base = json.loads(r["person"])
            if r["household"] and household_id is None:
                household_id = _household_id(group.id, r["household"])
            household_role = household_role or r["household_role"]
            if person_id is None:
                person = {**{k: v for k, v in base.items() if v not in (None, "")}, **(person or {})}
                if "age_years" in (person or {}):
                    person.pop("date_of_birth", None)
                    person.pop("dob_estimated", None)
        p, pid, dob = resolve_person(ctx, person, person_id, today=today)
        if person_updates and person_id is None:
            raise ValidationError("person_updates", "only for an existing person")
        contact = contact_changes(ctx, pid, person_updates) if person_id is not None else {}
        if household_id is not None:
            household_id = check_id(household_id, "household_id")
        if household_role is not None and household_role not in HOUSEHOLD_ROLES:
            raise ValidationError("household_role", "must be head, spouse, child or other relative")
        fl = set(flags) if not isinstance(flags, str) else {flags}
        bad = sorted(f for f in fl if f not in FLAGS)
        if bad:
            raise ValidationError("flags", "contains an unknown vulnerability flag")
        lang = self._language(interpreter_language)
        age = age_on(dob, today)
        status, guardian = self._child_status(age, child_status, guardian_id, household_id, household_role)
        if status in ("SEPARATED", "UNACCOMPANIED"):
            fl.add("UNACCOMPANIED_OR_SEPARATED_CHILD")
        if p is not None and guardian is not None:
            p["guardian_person_id"] = guardian
        e = validate_encounter({"return_type": return_type or (group.return_type if group else None) or "UNKNOWN",
                                "interpreter_used": lang is not None, "accompanied_minor": status == "ACCOMPANIED",
                                "controlling_person_present": "CONTROLLING_PERSON_PRESENT" in fl},
                               now=now, default_station=ctx.site.station_id)
        e["age_at_arrival"] = age_on(dob, datetime.fromisoformat(e["arrival_at"]).astimezone(ctx.site.tz).date())
        refs: list[dict[str, Any]] = []
        if age is not None and age < 18:
            for s in screening.suggest_referrals(age=age, accompanied=status == "ACCOMPANIED"):
                if s.kind == "child_protection":
                    refs.append({**validate_referral({"kind": s.kind, "agency_code": s.agency_code,
                                                      "reason_code": s.reason_code, "urgency": s.urgency}),
                                 "id": str(uuid.uuid4())})
                    break
        pre = None
        crecs: list[dict[str, Any]] = []
        if prescreen is not None:
            crecs = validate_consent_records(consent_records, age=age)
            if not any(c["purpose"] == "trafficking_interview" and c["granted"] and not c["target"] for c in crecs):
                raise ValidationError("consents", "the pre-screen needs consent to the trafficking interview")
            pre = screening.evaluate_prescreen(prescreen)
            if pre.controlling_person_present:
                fl.add("CONTROLLING_PERSON_PRESENT")
                e["controlling_person_present"] = True
        surge = self.surge_active()
        priority = flag_priority(fl)
        chosen = self._stations(stations, fl, surge)
        if pre is not None and pre.routes_to_private_room and PRIVATE_ROOM in ctx.site.stations \
                and PRIVATE_ROOM not in chosen:
            chosen = [s for s in ctx.site.stations if s in {*chosen, PRIVATE_ROOM}]
        enc_id = str(uuid.uuid4())
        arrival = {"quick": True, "legal_basis": LEGAL_BASIS, "group_id": group.id if group else None, "row": row,
                   "household_id": household_id, "household_role": household_role, "child_status": status,
                   "flags": sorted(fl), "priority": priority, "interpreter_language": lang or "", "surge": surge}
        payload = {"person_id": pid, "person": p, "encounter": {**e, "id": enc_id}, "consents": [],
                   "trafficking": None, "tb": None, "referrals": refs, "arrival": arrival}
        if pre is not None:
            payload["prescreen"] = pre.to_dict()
            if crecs:
                payload["consent_records"] = [{**x, "id": str(uuid.uuid4())} for x in crecs]
        entries: list[dict[str, Any]] = [{"id": str(uuid.uuid4()), "station": s, "priority": priority}
                                         for s in chosen]
        with ctx.store.write():
            ctx.store.record("registration.recorded", "person", pid, payload, author=ctx.user.id)
            record_contact_changes(ctx, pid, contact)
            if entries:
                ctx.store.record("queue.entered", "person", pid, {"encounter_id": enc_id, "entries": entries},
                                 author=ctx.user.id)
        return QuickRegistered(pid, enc_id, household_id, status, guardian, tuple(sorted(fl)), priority,
                               tuple(r["id"] for r in refs), tuple(x["id"] for x in entries),
                               Changes(persons=True, encounters=True, referrals=bool(refs), events=True,
                                       ids={"person": pid, "encounter": enc_id}))

    @staticmethod
    def _language(code: str | None) -> str | None:
        if code in (None, ""):
            return None
        if not isinstance(code, str):
            raise ValidationError("interpreter_language", "is not an ISO 639 language code")
        c = code.strip().lower()
        if len(c) == 2:
            c = next((x.code for x in codelists.languages() if x.extra.get("alpha_2") == c), c)
        if not codelists.is_valid("languages", c):
            raise ValidationError("interpreter_language", "is not an ISO 639 language code")
        return c

    def _child_status(self, age: int | None, given: str | None, guardian_id: str | None, household_id: str | None,
                      role: str | None) -> tuple[str | None, str | None]:
        db = self._ctx.db
        if age is None or age >= 18:
            if given is not None:
                raise ValidationError("child_status", "applies to children only")
            return None, None
        if given is not None and given not in CHILD_STATUSES:
            raise ValidationError("child_status", "must be accompanied, separated or unaccompanied")
        adults: list[tuple[str, str | None]] = []
        if household_id is not None:
            today = self._ctx.today()
            for pid, hrole, dob in db.execute(
                    "SELECT a.person_id, a.household_role, p.date_of_birth FROM arrivals a JOIN persons p "
                    "ON p.id = a.person_id WHERE a.household_id = ? AND p.voided = 0 ORDER BY a.created_at",
                    [household_id]).fetchall():
                a = age_on(dob, today)
                if a is not None and a >= 18:
                    adults.append((pid, hrole))
        parents = [pid for pid, hrole in adults if hrole == "HEAD"] + \
                  [pid for pid, hrole in adults if hrole == "SPOUSE"]
        status = given
        if status is None:
            if parents and role == "CHILD":
                status = "ACCOMPANIED"
            elif adults:
                status = "SEPARATED"
            else:
                status = "UNACCOMPANIED"
        if status != "ACCOMPANIED":
            return status, None
        guardian = check_id(guardian_id, "guardian_id") if guardian_id is not None else \
            (parents[0] if parents else None)
        if guardian is None:
            raise ValidationError("guardian_id", MSG_NO_GUARDIAN)
        g = db.execute("SELECT date_of_birth, voided FROM persons WHERE id = ?", [guardian]).fetchone()
        if g is None or g[1]:
            raise ValidationError("guardian_id", MSG_NO_GUARDIAN)
        ga = age_on(g[0], self._ctx.today())
        if ga is None or ga < 18:
            raise ValidationError("guardian_id", "the guardian must be an adult")
        return status, guardian

    def _stations(self, stations: Sequence[str] | None, flags: set[str], surge: bool) -> list[str]:
        site = self._ctx.site.stations
        if stations is not None:
            if isinstance(stations, str) or any(s not in site for s in stations):
                raise ValidationError("stations", "names a station this site does not run")
            return [s for s in site if s in stations]
        if not surge:
            return list(site)
        if not flags:
            return []
        out = ["INTERVIEW_ROOM"] + (["HEALTH_POST"] if flags & MEDICAL_FLAGS else [])
        return [s for s in site if s in out]

    def household(self, household_id: str) -> list[dict[str, Any]]:
        """The members of a household as registered: person id, role, child status, guardian, names, sex, age."""
        ctx = self._ctx
        ctx.require(Permission.VIEW_LIST)
        today = ctx.today()
        out = []
        for r in row_dicts(ctx.db.execute(
                "SELECT a.person_id, a.household_role, a.child_status, p.guardian_person_id, p.family_name, "
                "p.given_names, p.name_khmer, p.sex, p.date_of_birth FROM arrivals a JOIN persons p "
                "ON p.id = a.person_id WHERE a.household_id = ? AND p.voided = 0 ORDER BY a.created_at",
                [check_id(household_id, "household_id")])):
            r["age"] = age_on(r.pop("date_of_birth"), today)
            out.append(r)
        ctx.audit_read("household", len(out))
        return out

    def group_households(self, group_id: str) -> list[dict[str, Any]]:
        """The households of a group registered so far (list households and typed ones), oldest first: ``{"id",
        "members": [names, in registration order]}`` — what the quick registration form offers to link a person to.
        """
        ctx = self._ctx
        ctx.require(Permission.VIEW_LIST)
        out: dict[str, list[str]] = {}
        for hid, fam, giv, khm in ctx.db.execute(
                "SELECT a.household_id, p.family_name, p.given_names, p.name_khmer FROM arrivals a JOIN persons p "
                "ON p.id = a.person_id WHERE a.group_id = ? AND a.household_id IS NOT NULL AND p.voided = 0 "
                "ORDER BY a.created_at", [check_id(group_id, "group_id")]).fetchall():
            out.setdefault(hid, []).append(" ".join(x for x in (fam, giv) if x) or khm)
        ctx.audit_read("household", sum(len(m) for m in out.values()))
        return [{"id": h, "members": m} for h, m in out.items()]

    def destinations(self, field_: str, prefix: str = "", *, limit: int = 20) -> list[str]:
        """Values already used for a destination field (district, commune, village) starting with ``prefix``: the
        completion list of the quick registration form."""
        ctx = self._ctx
        ctx.require(Permission.REGISTER)
        if field_ not in ("home_district", "home_commune", "home_village"):
            raise ValidationError("field", "is not a destination field")
        pre = opt_text({"prefix": prefix}, "prefix", max_len=80)
        esc = re.sub(r"([\\%_])", r"\\\1", pre)
        return [r[0] for r in ctx.db.execute(
            f"SELECT {field_}, count(*) AS n FROM persons WHERE {field_} != '' AND {field_} LIKE ? ESCAPE '\\' "
            f"GROUP BY {field_} ORDER BY n DESC, {field_} LIMIT ?", [esc + "%", max(1, min(limit, 100))])]

    # ------------------------------------------------------------------ the triage queue
    def _station(self, station: str) -> str:
        ctx = self._ctx
        ctx.require(Permission.QUEUE)
        if station not in ctx.site.stations:
            raise ValidationError("station", "names a station this site does not run")
        if ctx.user.role not in STATION_ROLES[station]:
            raise PermissionDenied(MSG_STATION_ROLE)
        return station

    def queue(self, station: str, *, limit: int = 2000) -> list[QueueItem]:
        """The station's queue: the person being seen first, then those waiting by priority (urgent medical need
        first) then waiting time. A role that may not see protection details sees the medical flags only."""
        ctx = self._ctx
        self._station(station)
        now = ctx.store.clock.now()
        today = now.astimezone(ctx.site.tz).date()
        medical_only = not (ctx.may(Permission.VIEW_TRAFFICKING) or ctx.may(Permission.VIEW_OWN_TRAFFICKING))
        rows = ctx.db.execute(
            "SELECT q.id, q.person_id, q.encounter_id, q.station, q.status, q.priority, q.entered_at, q.called_at, "
            "coalesce(a.flags, '[]'), p.family_name, p.given_names, p.name_khmer, p.sex, p.date_of_birth, "
            "coalesce(e.prescreen, '') "
            "FROM queue_entries q JOIN persons p ON p.id = q.person_id LEFT JOIN arrivals a ON a.id = q.encounter_id "
            "LEFT JOIN encounters e ON e.id = q.encounter_id "
            "WHERE q.station = ? AND q.status IN ('called', 'waiting') AND p.voided = 0 "
            "ORDER BY q.status = 'waiting', q.priority DESC, q.entered_hlc LIMIT ?",
            [station, max(1, min(limit, 10_000))]).fetchall()
        out = []
        for (eid, pid, enc, st, status, prio, entered, called, flags, fam, giv, khm, sex, dob, pre) in rows:
            fl = tuple(f for f in json.loads(flags) if not medical_only or f in HEALTH_FLAGS)
            waited = int((now - datetime.fromisoformat(entered)).total_seconds())
            reasons = () if medical_only or not pre or st != PRIVATE_ROOM else tuple(
                json.loads(pre).get("reasons") or ())
            out.append(QueueItem(eid, pid, enc, st, status, prio, fl, fam, giv, khm, sex, age_on(dob, today),
                                 entered, max(0, waited), called, reasons=reasons))
        ctx.audit_read("queue", len({i.person_id for i in out}))
        return out

    def call_next(self, station: str) -> QueueItem | None:
        """Call the first person waiting at ``station`` (one key on the station's screen); None when none waits."""
        ctx = self._ctx
        self._station(station)
        row = ctx.db.execute("SELECT id, person_id FROM queue_entries WHERE station = ? AND status = 'waiting' "
                             "ORDER BY priority DESC, entered_hlc LIMIT 1", [station]).fetchone()
        if row is None:
            return None
        with ctx.store.write():
            ctx.store.record("queue.updated", "person", row[1], {"entry_id": row[0], "status": "called"},
                             author=ctx.user.id)
        item = next(i for i in self.queue(station) if i.entry_id == row[0])
        return QueueItem(**{**vars(item), "changes": Changes(events=True, ids={"queue_entry": row[0]})})

    def close(self, entry_id: str, status: str) -> Changes:
        """Close a queue entry: ``done``, ``referred`` or ``left`` (left before being seen). Idempotent: an entry
        already closed here is left as it is (no new event); two laptops closing it before they sync count it once
        (the first close, by the hybrid logical clock, is the one kept on every laptop)."""
        ctx = self._ctx
        if status not in TERMINAL_STATUSES:
            raise ValidationError("status", "must be done, referred or left")
        found = ctx.db.execute("SELECT person_id, station, status FROM queue_entries WHERE id = ?",
                               [check_id(entry_id, "entry_id")]).fetchone()
        if found is None:
            raise NotFound("No such queue entry.")
        self._station(found[1])
        if found[2] in TERMINAL_STATUSES:
            return Changes()
        with ctx.store.write():
            ctx.store.record("queue.updated", "person", found[0], {"entry_id": entry_id, "status": status},
                             author=ctx.user.id)
        return Changes(events=True, ids={"queue_entry": entry_id})

    def figures(self, station: str | None = None) -> dict[str, dict[str, Any]]:
        """Per station (or only ``station``, read through its index: a station's refresh): how many wait, are being
        seen, were seen (done, referred), left before being seen, and the mean and longest wait until called
        (seconds). Also ``arrivals``: quick registrations kept (whatever became of the interviews) and
        ``headcount`` (people who passed without registration)."""
        ctx = self._ctx
        ctx.require(Permission.QUEUE)
        out: dict[str, dict[str, Any]] = {}
        for st in ctx.site.stations if station is None else [station]:
            out[st] = {"waiting": 0, "called": 0, "done": 0, "referred": 0, "left": 0, "left_before_seen": 0,
                       "mean_wait_s": None, "max_wait_s": None}
        waits: dict[str, list[float]] = {}
        for st, status, entered, called in ctx.db.execute(
                "SELECT station, status, entered_at, called_at FROM queue_entries"
                + ("" if station is None else " WHERE station = ?"), [] if station is None else [station]):
            f = out.setdefault(st, {"waiting": 0, "called": 0, "done": 0, "referred": 0, "left": 0,
                                    "left_before_seen": 0, "mean_wait_s": None, "max_wait_s": None})
            f[status] += 1
            if status == "left" and called is None:
                f["left_before_seen"] += 1
            if called is not None:
                waits.setdefault(st, []).append(
                    (datetime.fromisoformat(called) - datetime.fromisoformat(entered)).total_seconds())
        for st, w in waits.items():
            out[st]["mean_wait_s"] = round(sum(w) / len(w), 1)
            out[st]["max_wait_s"] = round(max(w), 1)
        return out

    def arrival_figures(self) -> dict[str, int]:
        """Quick registrations kept (``arrivals``), of them children separated or unaccompanied, and people who
        passed without registration (``headcount``)."""
        ctx = self._ctx
        ctx.require(Permission.VIEW_LIST)
        db = ctx.db
        return {"arrivals": db.execute("SELECT count(*) FROM arrivals a JOIN persons p ON p.id = a.person_id "
                                       "WHERE p.voided = 0").fetchone()[0],
                "children_separated_or_unaccompanied": db.execute(
                    "SELECT count(*) FROM arrivals WHERE child_status IN ('SEPARATED', 'UNACCOMPANIED')").fetchone()[0],
                "headcount": db.execute("SELECT coalesce(sum(n), 0) FROM headcounts").fetchone()[0]}

    # ------------------------------------------------------------------ surge mode
    def surge_active(self) -> bool:
        """Is surge mode on at this laptop (the last switch recorded)?"""
        row = self._ctx.db.execute("SELECT active FROM surge_log ORDER BY hlc DESC LIMIT 1").fetchone()
        return bool(row and row[0])

    def set_surge(self, active: bool) -> Changes:
        """Switch surge mode on or off (supervisors; logged): quick registration only, interviews queued for the
        flagged, a headcount of those who pass without registration, a banner on every screen."""
        ctx = self._ctx
        ctx.require(Permission.SURGE)
        if not isinstance(active, bool):
            raise ValidationError("active", "must be yes or no")
        if self.surge_active() == active:
            return Changes()
        with ctx.store.write():
            ctx.store.record("surge.switched", "store", ctx.store.device_id, {"active": active}, author=ctx.user.id)
        return Changes(events=True)

    def count_passing(self, sex: str, age_group: str, n: int = 1, *, group_id: str | None = None) -> Changes:
        """Count ``n`` people of one sex and age group who passed without registration (surge mode only)."""
        ctx = self._ctx
        ctx.require(Permission.HEADCOUNT)
        if sex not in SEXES:
            raise ValidationError("sex", "must be F, M, X or UNKNOWN")
        if age_group not in AGE_GROUPS:
            raise ValidationError("age_group", "must be child or adult")
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 1000:
            raise ValidationError("n", "must be between 1 and 1000")
        if group_id is not None:
            self.group(group_id)
        if not self.surge_active():
            raise ConflictError(MSG_SURGE_OFF)
        with ctx.store.write():
            ctx.store.record("headcount.recorded", "store", ctx.store.device_id,
                             {"sex": sex, "age_group": age_group, "n": n, "group_id": group_id}, author=ctx.user.id)
        return Changes(events=True)

    def headcount(self) -> dict[str, dict[str, int]]:
        """People who passed without registration: ``{"F": {"adult": 3, "child": 1}, ...}``."""
        ctx = self._ctx
        ctx.require(Permission.HEADCOUNT)
        out: dict[str, dict[str, int]] = {}
        for sex, ag, n in ctx.db.execute("SELECT sex, age_group, sum(n) FROM headcounts GROUP BY sex, age_group"):
            out.setdefault(sex, {"adult": 0, "child": 0})[ag] = n
        return out
