"""Reading the checkpoint's records: search, the list of persons, one person's record and history, today's figures.

    >>> hits = session.records.search("SOK")                        # doctest: +SKIP
    >>> hits[0].family_name, hits[0].last_arrival_at                 # doctest: +SKIP
    ('SOK', '2026-11-22T01:00:00+00:00')
    >>> rec = session.records.get(hits[0].id)          # {"person": {...}, "encounters": [...]}   # doctest: +SKIP

A person's record is a dict (its shape follows the store's columns and what the role may see). Reading a record is
logged. Raises PermissionDenied (role), ValidationError (a bad id or query), NotFound.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from checkpoint import protection_section, screening
from checkpoint.errors import NotFound, ValidationError
from checkpoint.model.roles import Permission
from checkpoint.screening import checklist
from checkpoint.screening.messages import MSG_CANNOT_REEXPLAIN, MSG_NOT_SCREENED, Msg
from checkpoint.screening.safety import MSG_SAFETY_LABEL, reason_message
from checkpoint.services import protection
from checkpoint.services.base import Context, check_id, row_dicts
from checkpoint.services.directory import Directory
from checkpoint.services.referrals import made_without_consent

__all__ = ["PersonSummary", "Records", "RemoteAuthor", "TodayFigures", "arrival_places", "summaries"]


@dataclass(frozen=True)
class RemoteAuthor:
    """The author of an event written on another device: that device and that device's user id. Accounts never
    travel between devices, so such an author is never shown as one of this device's users (a remote event may
    claim any author; this says where it came from). ``checkpoint``: that device's checkpoint as HQ's reference data
    names it (``Directory.device_checkpoints``), "" when not known here."""

    device_id: str
    user_id: str
    checkpoint: str = ""

    def __str__(self) -> str:
        return f"device {self.device_id[:8]} / user {self.user_id[:8]}"


@dataclass(frozen=True)
class PersonSummary:
    """One person in a list or a search result. ``dob_estimated`` and ``voided`` are 0/1 as stored."""

    id: str
    family_name: str
    given_names: str
    name_khmer: str
    sex: str
    date_of_birth: str | None
    dob_estimated: int
    id_document_type: str
    id_document_number: str
    phone: str
    home_province: str
    voided: int
    created_at: str
    last_arrival_at: str | None
    # Where that last arrival was registered (``arrival_places``): this checkpoint's name, or for an arrival pulled
    # from HQ the name of the checkpoint that registered it as HQ's reference data gives it; "" when that is not
    # known (the screen then says "another checkpoint" with ``last_arrival_station``) or without an arrival.
    last_arrival_checkpoint: str = ""
    home_district: str = ""          # with phone and home_province: her destination as the record holds it
    last_arrival_station: str = ""   # that arrival's station code, as recorded


_SUMMARY_COLS = ("id", "family_name", "given_names", "name_khmer", "sex", "date_of_birth", "dob_estimated",
                 "id_document_type", "id_document_number", "phone", "home_province", "voided", "created_at")


def arrival_places(ctx: Context, encounters: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Where each arrival (rows with ``id``, ``person_id``, ``officer_id``) was registered: ``{encounter id:
    checkpoint name}``. This checkpoint's name for an arrival one of its users registered; for one pulled from HQ
    (written on another device), the name of that device's checkpoint from HQ's reference data
    (``Directory.device_checkpoints``), or "" when this device does not know it (no reference data yet, a device HQ
    did not name). Only the pulled arrivals cost a look at their person's registration events."""
    local = {r[0] for r in ctx.db.execute("SELECT id FROM users")}     # accounts never travel: only ours are here
    out = {str(e["id"]): ctx.site.checkpoint_name for e in encounters if e["officer_id"] in local}
    remote = [e for e in encounters if e["officer_id"] not in local]
    if not remote:
        return out
    wanted = {str(e["id"]) for e in remote}
    persons = sorted({str(e["person_id"]) for e in remote})
    device_of: dict[str, str] = {}
    for ev in ctx.store.events(where=f"type = 'registration.recorded' AND device_id != ? AND entity_id IN "
                                     f"({','.join('?' for _ in persons)})", params=[ctx.store.device_id, *persons]):
        try:
            eid = json.loads(ev["payload"])["encounter"]["id"]
        except (ValueError, KeyError, TypeError):
            continue
        if eid in wanted:
            device_of[eid] = str(ev["device_id"])
    names = Directory(ctx).device_checkpoints()
    for eid in wanted:
        out[eid] = names.get(device_of.get(eid, ""), "")
    return out


def summaries(ctx: Context, ids: list[str]) -> list[PersonSummary]:
    """The summaries of these persons, in the order of ``ids`` (unknown ids are left out)."""
    if not ids:
        return []
    q = ",".join("?" for _ in ids)
    rows = row_dicts(ctx.db.execute(
        f"SELECT {', '.join('p.' + c for c in _SUMMARY_COLS)}, "
        f"(SELECT max(arrival_at) FROM encounters e WHERE e.person_id = p.id) AS last_arrival_at, "
        f"(SELECT e.id FROM encounters e WHERE e.person_id = p.id AND e.arrival_at = "
        f"(SELECT max(arrival_at) FROM encounters e2 WHERE e2.person_id = p.id) LIMIT 1) AS last_encounter, "
        f"p.home_district FROM persons p WHERE p.id IN ({q})", ids))
    last = [r["last_encounter"] for r in rows if r["last_encounter"]]
    encounters = row_dicts(ctx.db.execute(
        f"SELECT id, person_id, station_id, officer_id FROM encounters WHERE id IN ({','.join('?' for _ in last)})",
        last)) if last else []
    places = arrival_places(ctx, encounters)
    stations = {e["id"]: e["station_id"] for e in encounters}
    for r in rows:
        eid = r.pop("last_encounter") or ""
        r["last_arrival_checkpoint"] = places.get(eid, "")
        r["last_arrival_station"] = stations.get(eid, "")
    by_id = {r["id"]: PersonSummary(**r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


class Records:
    """``session.records``: what the checkpoint knows about persons, as this user's role may see it."""

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx

    def search(self, query: str, *, limit: int = 50, include_voided: bool = False) -> list[PersonSummary]:
        """Find persons by name (Latin or Khmer substring, 3 characters or more; shorter text matches the start
        of the family name), document number, phone or date of birth (YYYY-MM-DD)."""
        ctx = self._ctx
        ctx.require(Permission.SEARCH)
        if not isinstance(query, str):
            raise ValidationError("query", "must be text")
        q = query.strip()
        if not q:
            return []
        if len(q) > 100:
            raise ValidationError("query", "is too long")
        limit = max(1, min(int(limit), 500))
        ids: list[str] = []

        def take(sql: str, params: list[Any]) -> None:
            for (pid,) in ctx.db.execute(sql, params):
                if pid not in ids:
                    ids.append(pid)

        vfilter = "" if include_voided else " AND voided = 0"
        compact = re.sub(r"[\s\-]", "", q).upper()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", q):
            take(f"SELECT id FROM persons WHERE date_of_birth = ?{vfilter} LIMIT ?", [q, limit])
        if re.fullmatch(r"[A-Z0-9]{4,20}", compact) and any(ch.isdigit() for ch in compact):
            # "!= ''" repeats the partial index's condition: without it SQLite cannot use the index (a full scan
            # of a million rows took 4 s).
            take(f"SELECT id FROM persons WHERE id_document_number = ? AND id_document_number != ''{vfilter} "
                 f"LIMIT ?", [compact, limit])
        phone = re.sub(r"[\s\-()]", "", q)
        if re.fullmatch(r"\+?\d{6,15}", phone):
            take(f"SELECT id FROM persons WHERE phone = ? AND phone != ''{vfilter} LIMIT ?", [phone, limit])
        if not re.fullmatch(r"[\d\s\-+()]+", q):
            if len(q) >= 3:
                variants = {q, q.replace(" ", "")} if re.search(r"[\u1780-\u17FF]", q) else {q}
                match = " OR ".join('"' + v.replace('"', '""') + '"' for v in sorted(variants) if len(v) >= 3)
                take(f"SELECT p.id FROM person_fts f JOIN persons p ON p.rowid = f.rowid "
                     f"WHERE person_fts MATCH ?{vfilter.replace('voided', 'p.voided')} LIMIT ?",
                     [match, limit])
            else:
                up = q.upper()
                take(f"SELECT id FROM persons WHERE family_name >= ? AND family_name < ?{vfilter} LIMIT ?",
                     [up, up + "\uffff", limit])
        results = summaries(ctx, ids[:limit])
        results.sort(key=lambda r: (r.family_name, r.given_names, r.name_khmer))
        ctx.audit_read("search", len(results))
        return results

    def count(self, *, include_voided: bool = False) -> int:
        """How many persons the checkpoint's list holds."""
        self._ctx.require(Permission.VIEW_LIST)
        sql = "SELECT count(*) FROM persons" + ("" if include_voided else " WHERE voided = 0")
        return int(self._ctx.db.execute(sql).fetchone()[0])

    def page(self, *, offset: int = 0, limit: int = 100, include_voided: bool = False) -> list[PersonSummary]:
        """The checkpoint's list, newest first, one page at a time (for a lazy table model)."""
        self._ctx.require(Permission.VIEW_LIST)
        where = "" if include_voided else "WHERE voided = 0"
        ids = [r[0] for r in self._ctx.db.execute(
            f"SELECT id FROM persons {where} ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
            [max(0, min(limit, 1000)), max(0, offset)])]
        out = summaries(self._ctx, ids)
        self._ctx.audit_read("list", len(out))
        return out

    # ------------------------------------------------------------------ one record
    def get(self, person_id: str) -> dict[str, Any]:
        """A person's record as this user's role may see it: ``{"person": {...}, "encounters": [...]}``, each
        arrival with its consents, screens (with their explanation), referrals and ``checkpoint_name`` (where it was
        registered, ``arrival_places``; "" when not known here). The read itself is logged (who looked at whom).

        Health workers see identity, TB screens and health referrals, and only that a protection referral
        exists. Officers see trafficking answers of arrivals they registered. Admins see no records.
        """
        ctx = self._ctx
        ctx.require(Permission.VIEW_IDENTITY)
        pid = check_id(person_id, "person_id")
        db = ctx.db
        rows = row_dicts(db.execute("SELECT * FROM persons WHERE id = ?", [pid]))
        if not rows:
            raise NotFound("No such person.")
        person = {k: v for k, v in rows[0].items() if k not in ("name_key", "search_name")}
        # issue 12 point 6: when this device last dropped the protection section and notes of this record (None: never
        # or fetched back since); every role that opens the record is told, a supervisor may fetch it back
        person["minimised_at"] = db.execute("SELECT max(minimised_at) FROM minimised_events WHERE person_id = ?",
                                            [pid]).fetchone()[0]
        encounters = row_dicts(db.execute("SELECT * FROM encounters WHERE person_id = ? ORDER BY arrival_at",
                                          [pid]))
        consents = row_dicts(db.execute(
            "SELECT c.* FROM consents c JOIN encounters e ON e.id = c.encounter_id WHERE e.person_id = ?", [pid]))
        ts = row_dicts(db.execute("SELECT * FROM trafficking_screenings WHERE person_id = ?", [pid]))
        tbs = row_dicts(db.execute("SELECT * FROM tb_screenings WHERE person_id = ?", [pid]))
        crecs = row_dicts(db.execute("SELECT * FROM consent_records WHERE person_id = ? ORDER BY given_at, purpose, "
                                     "target", [pid]))
        refs = row_dicts(db.execute("SELECT * FROM referrals WHERE person_id = ? ORDER BY created_at", [pid]))
        # Issue 10, point 11: what this reader's keys open of the sealed protection sections (her own copies; all
        # of them for a supervisor holding the protection key).
        sec = protection.sections_of(ctx.store, protection.reader_keys(ctx.keyfile, ctx.store, ctx.user.role), pid) \
            if any(ctx.may_see_trafficking(e["officer_id"]) for e in encounters) else protection.Sections()
        directory = Directory(ctx)
        stages: dict[str, list[dict[str, Any]]] = {}
        for st in row_dicts(db.execute(
                "SELECT s.referral_id, s.stage, s.outcome, s.organisation, s.recorded_at FROM referral_stages s "
                "JOIN referrals r ON r.id = s.referral_id WHERE r.person_id = ? ORDER BY s.recorded_at, s.rowid",
                [pid])):
            stages.setdefault(st["referral_id"], []).append(st)
        places = arrival_places(ctx, encounters)
        out_enc = []
        for e in encounters:
            e["checkpoint_name"] = places.get(e["id"], "")      # where it was registered ("" not known here)
            full = ctx.may_see_trafficking(e["officer_id"])
            e["recruitment_methods"] = json.loads(e["recruitment_methods"])
            if full:
                _open_encounter(e, sec)
            e["consents"] = {c["purpose"]: bool(c["granted"]) for c in consents if c["encounter_id"] == e["id"]}
            # issue 12: consent per purpose (who gave it, the wording, any withdrawal), as the role may see it
            e["consent_records"] = [c for c in crecs if c["encounter_id"] == e["id"] and (
                full or (c["purpose"] == "tb_screen" and ctx.may(Permission.VIEW_TB)))]
            t = [x for x in ts if x["encounter_id"] == e["id"]]
            if full:
                e["trafficking"] = [_explained(_decode_screening(_open_screening(x, sec)))
                                    if sec.state("trafficking", x["id"]) == "clear" else _sealed_view(x, sec)
                                    for x in t]
            else:
                e["trafficking"] = [{"id": x["id"], "restricted": True} for x in t]
                for k in ("recruiter_relationship", "recruitment_methods", "debt_owed", "debt_amount",
                          "debt_currency", "controlling_person_present", "prescreen"):
                    e.pop(k, None)
            e["tb"] = [_explained(_decode_screening(x)) for x in tbs if x["encounter_id"] == e["id"]] \
                if ctx.may(Permission.VIEW_TB) else []
            e["referrals"] = [_with_directory(_referral_view(_open_referral(r, sec), full), directory, stages)
                              for r in refs if r["encounter_id"] == e["id"]]
            for r in e["referrals"]:     # issue 12: an immediate-danger referral made without consent says so
                if not r.get("restricted") and made_without_consent(db, r, e.get("age_at_arrival")):
                    r["without_consent"] = "IMMEDIATE_DANGER"
            out_enc.append(e)
        with ctx.store.write():
            ctx.store.record("person.viewed", "person", pid, {}, author=ctx.user.id)
        return {"person": person, "encounters": out_enc}

    def history(self, person_id: str) -> list[dict[str, Any]]:
        """Who did what to this person's record and when (views included): ``at, who, what, reason, fields``.
        ``who`` is a user name for this device's events, a ``RemoteAuthor`` (device and user ids) for events
        written on another device.
        Values (``changes``) are shown to supervisors; others see which fields changed."""
        ctx = self._ctx
        ctx.require(Permission.VIEW_IDENTITY)
        pid = check_id(person_id, "person_id")
        users = {r[0]: r[1] for r in ctx.db.execute("SELECT id, username FROM users")}
        own = ctx.store.device_id
        out = []
        places: dict[str, str] | None = None
        for ev in ctx.store.events(where="entity_id = ?", params=[pid]):
            payload = json.loads(ev["payload"])
            # Accounts never travel: an author on another device is only an id there, never one of our users.
            who: str | RemoteAuthor = users.get(ev["author"], ev["author"])
            if ev["device_id"] != own:
                places = Directory(ctx).device_checkpoints() if places is None else places
                who = RemoteAuthor(str(ev["device_id"]), str(ev["author"]), places.get(str(ev["device_id"]), ""))
            item = {"at": ev["recorded_at"], "who": who, "what": ev["type"],
                    "reason": payload.get("reason", ""), "fields": sorted(payload.get("changes", {}))}
            if ctx.may(Permission.VIEW_TRAFFICKING):
                item["changes"] = payload.get("changes", {})
            if protection_section.SEALED_KEY in payload:      # what changed there is in the sealed section
                item["sealed"] = True
            out.append(item)
        ctx.audit_read("history", 1 if out else 0)
        return out

    # ------------------------------------------------------------------ figures
    def today_figures(self, day: date | None = None) -> TodayFigures:
        """The home screen's figures: the arrivals of one local day and, of them, how many have trafficking
        indicators present and how many the TB screen refers; then two figures that are the state now (this user's
        unfinished registrations, events waiting to sync).

            >>> f = session.records.today_figures()                   # doctest: +SKIP
            >>> f.day, f.registered, f.tb_referrals, f.trafficking_indicators, f.trafficking_scope   # doctest: +SKIP
            (datetime.date(2026, 11, 22), 50, 7, 3, 'all')

        One clock for the three day figures: the arrival time, from 00:00 to 24:00 in the site's time zone
        (``session.site.tz``). A screening counts with the arrival it belongs to, whenever it was recorded. Voided
        arrivals, screenings and persons are left out. ``trafficking_indicators`` is None for a role that sees no
        trafficking outcome; an officer counts only the arrivals she registered (``trafficking_scope`` "own").
        ``tb_referrals`` is None for a role that sees no TB screen. Cost: one range scan of the day's arrivals
        (index ``encounters_arrival``) with a primary-key and an ``encounter_id`` index probe per arrival, and the
        partial index of unsynced events: it does not grow with the size of the store.
        Raises PermissionDenied (a role without the list of persons).
        """
        ctx = self._ctx
        ctx.require(Permission.VIEW_LIST)
        d = day or ctx.today()
        start = datetime(d.year, d.month, d.day, tzinfo=ctx.site.tz).astimezone(UTC)
        end = datetime.combine(d + timedelta(days=1), datetime.min.time(), tzinfo=ctx.site.tz).astimezone(UTC)
        lo, hi = start.isoformat(), end.isoformat()
        scope: str | None = None
        own = ""
        params: list[Any] = []
        if ctx.may(Permission.VIEW_TRAFFICKING):
            scope = "all"
        elif ctx.may(Permission.VIEW_OWN_TRAFFICKING):
            scope, own, params = "own", " AND e.officer_id = ?", [ctx.user.id]
        row = ctx.db.execute(
            "SELECT count(*), "
            "coalesce(sum(EXISTS (SELECT 1 FROM tb_screenings t WHERE t.encounter_id = e.id AND t.voided = 0 "
            "AND t.outcome != 'SCREEN_NEGATIVE') AND NOT EXISTS (SELECT 1 FROM consent_records w "
            "WHERE w.encounter_id = e.id AND w.purpose = 'tb_screen' AND w.withdrawn_at IS NOT NULL)), 0), "
            "coalesce(sum(EXISTS (SELECT 1 FROM trafficking_screenings s WHERE s.encounter_id = e.id "
            f"AND s.voided = 0 AND s.outcome = 'PRESUMED_VICTIM'){_KEPT}{own}), 0), "
            # not screened: no live checklist with an answer (none recorded, or recorded untouched) — counted apart,
            # never among the arrivals without indicators
            "coalesce(sum((NOT EXISTS (SELECT 1 FROM trafficking_screenings s WHERE s.encounter_id = e.id "
            f"AND s.voided = 0 AND s.outcome != 'NOT_SCREENED') OR NOT (1{_KEPT})){own}), 0), "
            # the project's safety rule (not the ILO rule) suggested a protection referral
            "coalesce(sum(EXISTS (SELECT 1 FROM trafficking_screenings s WHERE s.encounter_id = e.id "
            f"AND s.voided = 0 AND json_extract(s.result, '$.safety.triggered') = 1){_KEPT}{own}), 0) "
            "FROM encounters e JOIN persons p ON p.id = e.person_id "
            "WHERE e.arrival_at >= ? AND e.arrival_at < ? AND e.voided = 0 AND p.voided = 0",
            [*params, *params, *params, lo, hi]).fetchone()
        drafts = ctx.db.execute("SELECT count(*) FROM drafts WHERE user_id = ?", [ctx.user.id]).fetchone()[0]
        tb = _tb_day_figures(ctx.db, d, lo, hi) if ctx.may(Permission.VIEW_TB) else (None, None)   # issue 14
        pending = ctx.db.execute("SELECT count(*) FROM events WHERE sync_state IN ('pending','inflight')").fetchone()[0]
        return TodayFigures(
            day=d, starts_at=lo, ends_at=hi, registered=int(row[0]),
            tb_referrals=int(row[1]) if ctx.may(Permission.VIEW_TB) else None,
            trafficking_indicators=int(row[2]) if scope else None, trafficking_scope=scope,
            drafts=int(drafts), pending_sync=int(pending), tb_presumptive=tb[0], tb_treatment_started=tb[1],
            trafficking_not_screened=int(row[3]) if scope else None, safety_rule=int(row[4]) if scope else None)


# Issue 12: a screening whose consent (the trafficking interview) was withdrawn leaves the figures: the arrival still
# counts (an official act), its checklist counts as not screened.
_KEPT = (" AND NOT EXISTS (SELECT 1 FROM consent_records w WHERE w.encounter_id = e.id "
         "AND w.purpose = 'trafficking_interview' AND w.withdrawn_at IS NOT NULL)")


@dataclass(frozen=True)
class TodayFigures:
    """What ``Records.today_figures`` counts. ``day`` is the site's local day, ``starts_at``/``ends_at`` its
    bounds in UTC (ISO text, as the store keeps times). ``registered``, ``trafficking_indicators`` and
    ``tb_referrals`` count arrivals whose arrival time falls in the day (the last two are "of them"); None means
    the role does not see that figure. ``drafts`` and ``pending_sync`` are the state at the time of the call."""

    day: date
    starts_at: str
    ends_at: str
    registered: int
    trafficking_indicators: int | None
    trafficking_scope: str | None        # "all", "own" (arrivals this user registered) or None
    tb_referrals: int | None
    drafts: int
    pending_sync: int
    # Issue 14: the TB tiles apart. ``tb_presumptive``: of the day's arrivals, those whose TB screen says presumptive
    # TB (``tb_referrals`` also counts high-risk referrals to X-ray). ``tb_treatment_started``: health referrals
    # whose treatment start date is this day, whatever day the person arrived. None for a role that sees no TB.
    tb_presumptive: int | None = None
    tb_treatment_started: int | None = None
    # Issue 12: arrivals whose checklist was not screened (none recorded, or recorded untouched), counted apart from
    # those without indicators; and arrivals for which the project's safety rule (not the ILO rule) suggested a
    # same-day protection referral. Same scope and role as ``trafficking_indicators``.
    trafficking_not_screened: int | None = None
    safety_rule: int | None = None


def _tb_day_figures(db: Any, day: date, lo: str, hi: str) -> tuple[int, int]:
    """The two TB figures of one local day (see ``TodayFigures``): an index probe per arrival of the day, and the
    partial index of treatment start dates (migration 0008_tb)."""
    presumptive = db.execute(
        "SELECT count(*) FROM encounters e JOIN persons p ON p.id = e.person_id "
        "WHERE e.arrival_at >= ? AND e.arrival_at < ? AND e.voided = 0 AND p.voided = 0 AND EXISTS (SELECT 1 FROM "
        "tb_screenings t WHERE t.encounter_id = e.id AND t.voided = 0 AND t.outcome = 'PRESUMPTIVE_TB_REFER')",
        [lo, hi]).fetchone()[0]
    started = db.execute(
        "SELECT count(*) FROM referrals r JOIN persons p ON p.id = r.person_id WHERE r.treatment_started_at = ? "
        "AND r.kind = 'health' AND r.voided = 0 AND p.voided = 0", [day.isoformat()]).fetchone()[0]
    return int(presumptive), int(started)


def _decode_screening(row: dict[str, Any]) -> dict[str, Any]:
    r = dict(row)
    for k in ("ticked", "positive_dimensions", "flags", "result", "answers"):
        if k in r:
            r[k] = json.loads(r[k])
    return r


def _explained(row: dict[str, Any]) -> dict[str, Any]:
    """Add the explanation, regenerated from the stored answers with the content version they used."""
    res: Any
    try:
        if "ticked" in row:
            res = screening.evaluate_trafficking(set(row["ticked"]), age=row["age_used"],
                                                 child_rule=row["result"].get("child_rule", "R_AND_E"))
        else:
            a = {k: v for k, v in row["answers"].items() if k not in ("age", "mode")}
            res = screening.evaluate_tb(age=row["answers"]["age"], mode=row["answers"]["mode"], **a)
    except Exception:
        res = None
    # ``explanation_messages``: the same lines as translatable messages (checkpoint/screening/messages.py) where the
    # core has them (the trafficking rule, the TB screen).
    if "ticked" in row and row["outcome"] == checklist.NOT_SCREENED:
        msgs = [Msg(MSG_NOT_SCREENED)]
    elif res is None or (res.content_id, res.content_version) != (row["content_id"], row["content_version"]) \
            or res.outcome != row["outcome"]:
        msgs = [Msg(MSG_CANNOT_REEXPLAIN, (str(row["content_id"]), str(row["content_version"])))]
    else:
        msgs = list(getattr(res, "explanation_messages", ()))
    row["explanation"] = [m.english() for m in msgs] if msgs else list(res.explanation)
    if msgs:
        row["explanation_messages"] = [m.to_dict() for m in msgs]
    if "ticked" in row:
        _add_answers(row)
    return row


def _add_answers(row: dict[str, Any]) -> None:
    """Yes / no / not asked per item and completeness per dimension (a record of answers version 1, before "not
    asked" existed, reads as it did: every unticked item "no"), and the safety rule's finding with its messages."""
    stored = row["result"] if isinstance(row.get("result"), dict) else {}
    try:
        a = checklist.read_answers(row["content_id"], row["ticked"], stored)
    except Exception:       # content this version does not ship: the recorded result stands, without answers
        return
    row["answers_version"] = a.answers_version
    row["answers"] = {i: a.answer(i) for i in (*a.yes, *a.no, *a.not_asked)}
    row["completeness"] = {d: list(v) for d, v in a.completeness.items()}
    row["checklist_status"] = a.status
    row["exploitation_types"] = list(stored.get("exploitation_types") or [])
    safety = stored.get("safety")
    if isinstance(safety, dict):
        row["safety"] = {**safety, "label": MSG_SAFETY_LABEL,
                         "messages": [reason_message(r.get("code", "")) for r in safety.get("reasons") or []
                                      if isinstance(r, dict)]}


# ------------------------------------------------------------------ sealed protection sections (issue 10, point 11)
def _section_message(state: str) -> str:
    return protection.MSG_SECTION_DAMAGED if state == "damaged" else protection.MSG_SEALED


def _open_encounter(e: dict[str, Any], sec: protection.Sections) -> None:
    """Put the opened journey fields of the section back; a section this reader cannot open leaves them out and
    says so (``protection``: "sealed" or "damaged", ``protection_message``)."""
    state = sec.state("encounter", e["id"])
    if state != "clear":
        for k in protection_section.ENCOUNTER_SECTION:
            e.pop(k, None)
        e["protection"], e["protection_message"] = state, _section_message(state)
        return
    opened = sec.fields.get(("encounter", e["id"]), {})
    for k, v in opened.items():
        if k not in protection_section.ENCOUNTER_SECTION:
            continue
        if k == "recruitment_methods":
            v = sorted(v) if isinstance(v, list) else []
        elif k in ("debt_owed", "detained_before_return") and v is not None:
            v = int(bool(v))
        e[k] = v


def _open_screening(row: dict[str, Any], sec: protection.Sections) -> dict[str, Any]:
    """A trafficking screening row with its opened answers back in the columns they had before sealing."""
    opened = sec.fields.get(("trafficking", row["id"]))
    if not opened:
        return row
    r = dict(row)
    result = json.loads(r["result"])
    if isinstance(opened.get("ticked"), list):
        r["ticked"] = json.dumps(sorted(opened["ticked"]))
    res_extra: dict[str, Any] = opened["result"] if isinstance(opened.get("result"), dict) else {}
    if isinstance(res_extra.get("positive_dimensions"), list):
        r["positive_dimensions"] = json.dumps(sorted(res_extra["positive_dimensions"]))
    result.update({k: v for k, v in res_extra.items() if k in protection_section.TRAFFICKING_RESULT_SECTION})
    result.update({k: opened[k] for k in ("answered_no", "exploitation_types", "safety") if k in opened})
    r["result"] = json.dumps(result, sort_keys=True)
    return r


def _sealed_view(row: Mapping[str, Any], sec: protection.Sections) -> dict[str, Any]:
    state = sec.state("trafficking", row["id"])
    return {"id": row["id"], "restricted": True, "protection": state, "protection_message": _section_message(state)}


def _open_referral(r: dict[str, Any], sec: protection.Sections) -> dict[str, Any]:
    state = sec.state("referral", r["id"])
    if state != "clear":
        return {**r, "notes": "", "protection": state, "protection_message": _section_message(state)}
    opened = sec.fields.get(("referral", r["id"]))
    if opened and isinstance(opened.get("notes"), str):
        return {**r, "notes": opened["notes"]}
    return r


def _referral_view(r: Mapping[str, Any], full: bool) -> dict[str, Any]:
    if r["kind"] == "health" or full:
        return dict(r)
    # Others learn only that a protection referral exists.
    return {"id": r["id"], "kind": r["kind"], "restricted": True}


def _with_directory(view: dict[str, Any], directory: Directory, stages: Mapping[str, list[dict[str, Any]]]
                    ) -> dict[str, Any]:
    """A visible referral with its agency's name from HQ's directory (a withdrawn one too; issue 16) and the
    stages its partner organisation recorded at HQ (``partner_stages``)."""
    if view.get("restricted"):
        return view
    code = str(view.get("agency_code") or "")
    return {**view, "agency_label": directory.label(code), "agency_label_km": directory.label(code, "km"),
            "partner_stages": stages.get(str(view["id"]), [])}
