"""Repeat returnees across checkpoints (issue 15 point 6): HQ finds persons registered at different checkpoints
who are likely the same person, and a data manager links them (the audited link of ``sync.hq.pull.link_person``:
each checkpoint then follows the other's record) or dismisses the pair (remembered: it is not proposed again).

How pairs are found — blocking keys, never all pairs:

- each person's keys come from their registration and corrections as HQ holds them now (``person_state``):
  ``doc:TYPE`` (document type and number), ``name_dob`` (the device's spelling-tolerant ``name_key`` and an exact
  date of birth), ``khmer_dob`` (the Khmer name without spaces and the date of birth) and ``khmer_year`` (the
  Khmer name and the year of birth, for an estimated date). The normalisers are ``checkpoint.names`` (pure, shared
  with the device). A key is stored as a SHA-256 digest in ``person_keys`` (indexed by kind and key): the index
  holds no readable name, document or date.
- ``refresh`` is a bounded, incremental job: it reads at most ``limit`` person events after its cursor (``meta``
  ``matches_cursor``, an ``ingest_seq``), recomputes the keys of the persons they name, and looks up each of their
  keys in the index (a key shared by more than ``MAX_BLOCK`` persons is too common to mean anything and is
  skipped). Pairs are scored (``WEIGHTS``) and explained (``reason_texts``: "same passport number", "same name and
  date of birth"). Run by ``checkpoint-hq matches refresh`` and the dashboard's button; it never scans all pairs.
- Sharing consent: a person who did not consent to sharing (or withdrew it) is never proposed to another checkpoint
  — no pair is made with them, a pending pair is dropped when the consent is withdrawn, the list re-checks it, and
  ``link`` refuses.
- A person voided on their device loses their keys and their pending pairs.

Who: the data manager (``match_persons``, see ``sync.hq.web.accounts``) — never an analyst or a partner. Every
view of a pair and every decision is in HQ's audit trail (``hq_audit``) and journal.

Raises NotFound, ConflictError, ValidationError (plain messages).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.clock import Clock
from checkpoint.errors import ConflictError, NotFound, ValidationError
from checkpoint.names import document_key, khmer_key, name_key
from sync.hq.checks import text_arg
from sync.hq.store import (
    HQStore,
    add_journal,
    checkpoints,
    events,
    fact_arrivals,
    get_meta,
    hq_audit,
    person_keys,
    person_matches,
    persons,
    set_meta,
    timestamp,
)

__all__ = ["MAX_BLOCK", "WEIGHTS", "candidates", "decide", "keys_of", "pair", "person_state", "reason_texts",
           "refresh"]

CURSOR = "matches_cursor"
MATCH_TYPES = ("registration.recorded", "person.amended", "record.voided", "consent.withdrawn")
MAX_BLOCK = 50            # a key more persons share than this says nothing (a common name on 1 January)
WEIGHTS = {"doc": 90, "name_dob": 70, "khmer_dob": 70, "khmer_year": 40}
_FIELDS = ("family_name", "given_names", "name_khmer", "sex", "date_of_birth", "dob_estimated", "id_document_type",
           "id_document_number")
_DOC_LABELS = {"PASSPORT": "passport", "NATIONAL_ID": "national ID card", "BORDER_PASS": "border pass"}
_ID = re.compile(r"[0-9A-Za-z\-]{1,64}")
_PG_LOCK = 0x43504D54   # "CPMT": two refreshes (a double click, the CLI beside the page) never find a pair twice


# ------------------------------------------------------------------------------------------------ keys
def _text(v: Any, n: int = 120) -> str:
    return v if isinstance(v, str) and len(v) <= n else ""


def _dob(v: Any) -> str:
    if not isinstance(v, str) or len(v) != 10:
        return ""
    try:
        return date.fromisoformat(v).isoformat()
    except ValueError:
        return ""


def person_state(conn: Connection, person_id: str) -> dict[str, Any] | None:
    """The person's identity fields as HQ holds them now (registration, then corrections in the order HQ made them
    visible); None when HQ holds no registration of them or the person was voided. Values are cleaned: HQ checked
    the payload's shape, not each value."""
    state: dict[str, Any] = {}
    seen = False
    for type_, payload in conn.execute(
            sa.select(events.c.type, events.c.payload)
            .where(events.c.entity_id == person_id, events.c.entity_type == "person",
                   events.c.type.in_(MATCH_TYPES[:3]), events.c.ingest_seq.is_not(None))
            .order_by(events.c.ingest_seq)):
        try:
            p = json.loads(payload)
        except ValueError:
            continue
        if not isinstance(p, dict):
            continue
        if type_ == "registration.recorded":
            seen = True
            if isinstance(p.get("person"), dict):
                state.update({k: p["person"][k] for k in _FIELDS if k in p["person"]})
        elif type_ == "person.amended" and isinstance(p.get("changes"), dict):
            state.update({k: p["changes"][k] for k in _FIELDS if k in p["changes"]})
        elif type_ == "record.voided" and p.get("record_type") == "person":
            return None
    if not seen:
        return None
    return {"family_name": _text(state.get("family_name"), 80), "given_names": _text(state.get("given_names"), 80),
            "name_khmer": _text(state.get("name_khmer")), "sex": _text(state.get("sex"), 16),
            "date_of_birth": _dob(state.get("date_of_birth")), "dob_estimated": state.get("dob_estimated") is True,
            "id_document_type": _text(state.get("id_document_type"), 32),
            "id_document_number": _text(state.get("id_document_number"), 40)}


def keys_of(state: Mapping[str, Any] | None) -> dict[str, str]:
    """kind -> normalised value of a person's blocking keys (``person_state``); {} for None."""
    if not state:
        return {}
    out: dict[str, str] = {}
    doc = document_key(state["id_document_type"], state["id_document_number"])
    if doc:
        out[f"doc:{doc.split(':', 1)[0]}"] = doc
    dob, exact = state["date_of_birth"], not state["dob_estimated"]
    nk = name_key(state["family_name"], state["given_names"])
    kk = khmer_key(state["name_khmer"])
    if nk and dob and exact:
        out["name_dob"] = f"{nk}|{dob}"
    if kk and dob and exact:
        out["khmer_dob"] = f"{kk}|{dob}"
    if kk and dob:
        out["khmer_year"] = f"{kk}|{dob[:4]}"
    return out


def _digest(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}\n{value}".encode()).hexdigest()


def _score(kinds: Iterable[str]) -> tuple[int, str]:
    ks = set(kinds)
    if "khmer_dob" in ks:
        ks.discard("khmer_year")                  # the same evidence, counted once
    order = sorted(ks, key=lambda k: (-WEIGHTS[k.split(":")[0]], k))
    return min(100, sum(WEIGHTS[k.split(":")[0]] for k in order)), "|".join(order)


def reason_texts(reasons: str) -> list[str]:
    """The pair's reasons in words (English; the dashboard translates them)."""
    out = []
    for r in reasons.split("|"):
        if r.startswith("doc:"):
            out.append(f"same {_DOC_LABELS.get(r[4:], 'document')} number")
        elif r == "name_dob":
            out.append("same name and date of birth")
        elif r == "khmer_dob":
            out.append("same Khmer name and date of birth")
        elif r == "khmer_year":
            out.append("same Khmer name and year of birth")
    return out


# ------------------------------------------------------------------------------------------------ the job
def refresh(store: HQStore, clock: Clock, *, limit: int = 5000) -> dict[str, int]:
    """Examine at most ``limit`` person events HQ made visible since the last run, in one transaction: recompute
    the keys of the persons they name and find their pairs. Returns counts: ``events`` examined, ``persons``
    re-keyed, ``found`` new pairs, ``dropped`` pending pairs that no longer hold, ``waiting`` events still to
    examine (run again)."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 1_000_000:
        raise ValidationError("limit", "must be between 1 and 1,000,000")
    now = timestamp(clock)
    found = dropped = 0
    with store.write() as conn:
        if conn.dialect.name == "postgresql":       # one run at a time (SQLite: the write lock already is)
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
        cursor = int(get_meta(conn, CURSOR) or 0)
        rows = conn.execute(
            sa.select(events.c.ingest_seq, events.c.entity_id)
            .where(events.c.ingest_seq > cursor, events.c.entity_type == "person", events.c.type.in_(MATCH_TYPES))
            .order_by(events.c.ingest_seq).limit(limit)).all()
        touched = list(dict.fromkeys(str(r.entity_id) for r in rows))
        for pid in touched:
            _rekey(conn, pid)
        for pid in touched:
            f, d = _pairs(conn, pid, now)
            found, dropped = found + f, dropped + d
        if rows:
            set_meta(conn, CURSOR, str(rows[-1].ingest_seq))
            cursor = int(rows[-1].ingest_seq)
        waiting = int(conn.execute(
            sa.select(sa.func.count()).select_from(events)
            .where(events.c.ingest_seq > cursor, events.c.entity_type == "person",
                   events.c.type.in_(MATCH_TYPES))).scalar_one())
    return {"events": len(rows), "persons": len(touched), "found": found, "dropped": dropped, "waiting": waiting}


def _rekey(conn: Connection, pid: str) -> None:
    conn.execute(person_keys.delete().where(person_keys.c.person_id == pid))
    keys = keys_of(person_state(conn, pid))
    if keys:
        conn.execute(person_keys.insert(), [{"person_id": pid, "kind": k, "key": _digest(k, v)}
                                            for k, v in sorted(keys.items())])


def _involving(conn: Connection, pid: str) -> list[Any]:
    pm = person_matches
    return list(conn.execute(sa.select(pm).where(sa.or_(pm.c.person_a == pid, pm.c.person_b == pid))).all())


def _pairs(conn: Connection, pid: str, now: str) -> tuple[int, int]:
    """Find ``pid``'s pairs from its keys; drop its pending pairs that no longer hold. Returns (found, dropped)."""
    me = conn.execute(sa.select(persons.c.checkpoint_id, persons.c.sharing)
                      .where(persons.c.person_id == pid)).first()
    shared: dict[str, set[str]] = {}
    if me is not None and me.sharing:
        mine = conn.execute(sa.select(person_keys.c.kind, person_keys.c.key)
                            .where(person_keys.c.person_id == pid)).all()
        for kind, key in mine:
            others = [str(o) for o in conn.execute(
                sa.select(person_keys.c.person_id).where(person_keys.c.kind == kind, person_keys.c.key == key,
                                                         person_keys.c.person_id != pid)
                .limit(MAX_BLOCK + 1)).scalars()]
            if len(others) > MAX_BLOCK:
                continue
            for o in others:
                shared.setdefault(o, set()).add(kind)
        if shared:
            eligible = {str(r.person_id) for r in conn.execute(
                sa.select(persons.c.person_id).where(persons.c.person_id.in_(sorted(shared)),
                                                     persons.c.checkpoint_id != me.checkpoint_id,
                                                     persons.c.sharing.is_(True)))}
            shared = {o: k for o, k in shared.items() if o in eligible}
    pm = person_matches
    found = dropped = 0
    existing = {(str(r.person_a), str(r.person_b)): r for r in _involving(conn, pid)}
    for other, kinds in sorted(shared.items()):
        a, b = sorted((pid, other))
        score, reasons = _score(kinds)
        row = existing.pop((a, b), None)
        if row is None:
            conn.execute(pm.insert().values(person_a=a, person_b=b, score=score, reasons=reasons, status="pending",
                                            found_at=now))
            found += 1
        elif row.status == "pending" and (row.score, row.reasons) != (score, reasons):
            conn.execute(pm.update().where(pm.c.person_a == a, pm.c.person_b == b)
                         .values(score=score, reasons=reasons))
    for (a, b), row in existing.items():           # pairs that no longer hold (correction, void, consent)
        if row.status == "pending":
            conn.execute(pm.delete().where(pm.c.person_a == a, pm.c.person_b == b))
            dropped += 1
    return found, dropped


# ------------------------------------------------------------------------------------------------ reading
def _pid(v: Any, name: str) -> str:
    s = text_arg(v, name, 64)
    if not _ID.fullmatch(s):
        raise ValidationError(name, "is not a person id")
    return s


def candidates(store: HQStore, *, status: str = "pending", limit: int = 200) -> list[dict[str, Any]]:
    """Pairs with ``status`` (pending | linked | dismissed), highest score first: ids, checkpoints, score, reasons.
    No names (the list is for choosing a pair to open; opening it is audited). Only pairs whose persons both
    consent to sharing now."""
    if status not in ("pending", "linked", "dismissed"):
        raise ValidationError("status", "must be pending, linked or dismissed")
    pm = person_matches
    pa, pb = persons.alias("pa"), persons.alias("pb")
    ca, cb = checkpoints.alias("ca"), checkpoints.alias("cb")
    with store.read() as conn:
        rows = conn.execute(
            sa.select(pm, ca.c.name.label("checkpoint_a"), cb.c.name.label("checkpoint_b"))
            .select_from(pm.join(pa, pa.c.person_id == pm.c.person_a).join(pb, pb.c.person_id == pm.c.person_b)
                         .outerjoin(ca, ca.c.id == pa.c.checkpoint_id).outerjoin(cb, cb.c.id == pb.c.checkpoint_id))
            .where(pm.c.status == status, pa.c.sharing.is_(True), pb.c.sharing.is_(True))
            .order_by(pm.c.score.desc(), pm.c.found_at, pm.c.person_a, pm.c.person_b).limit(max(1, min(limit, 5000)))
        ).mappings().all()
    return [{**dict(r), "reason_texts": reason_texts(r["reasons"])} for r in rows]


def _side(conn: Connection, pid: str) -> dict[str, Any]:
    p = conn.execute(sa.select(persons.c.checkpoint_id, persons.c.sharing, checkpoints.c.name)
                     .select_from(persons.outerjoin(checkpoints, checkpoints.c.id == persons.c.checkpoint_id))
                     .where(persons.c.person_id == pid)).first()
    if p is None:
        raise NotFound("HQ holds no person with this id.")
    state = person_state(conn, pid) or {k: "" for k in _FIELDS}
    registered = conn.execute(sa.select(sa.func.min(events.c.recorded_at)).where(
        events.c.entity_id == pid, events.c.type == "registration.recorded")).scalar_one_or_none()
    arrivals = conn.execute(sa.select(sa.func.count()).select_from(fact_arrivals).where(
        fact_arrivals.c.person_id == pid, fact_arrivals.c.voided.is_(False))).scalar_one()
    return {"person_id": pid, "checkpoint_id": str(p.checkpoint_id), "checkpoint": str(p.name or p.checkpoint_id),
            "sharing": bool(p.sharing), "registered": str(registered or "")[:10], "arrivals": int(arrivals),
            **{k: state[k] for k in _FIELDS}}


def pair(store: HQStore, person_a: str, person_b: str) -> dict[str, Any]:
    """A pair side by side, the minimum to decide: names (Latin and Khmer), sex, date of birth, document, the
    registering checkpoint, when registered, how many arrivals. Raises NotFound (not a pair HQ found)."""
    a, b = sorted((_pid(person_a, "person_a"), _pid(person_b, "person_b")))
    with store.read() as conn:
        row = conn.execute(sa.select(person_matches).where(person_matches.c.person_a == a,
                                                           person_matches.c.person_b == b)).mappings().first()
        if row is None:
            raise NotFound("HQ has not proposed these two records as the same person.")
        left, right = _side(conn, a), _side(conn, b)
    if not (left["sharing"] and right["sharing"]):
        raise NotFound("HQ has not proposed these two records as the same person.")
    return {**dict(row), "reason_texts": reason_texts(row["reasons"]), "a": left, "b": right}


# ------------------------------------------------------------------------------------------------ deciding
def decide(store: HQStore, clock: Clock, person_a: str, person_b: str, decision: str, *, by: str, note: str = "",
           address: str = "") -> dict[str, Any]:
    """``link`` (each checkpoint follows the other's record, through ``sync.hq.pull.link_person``, audited) or
    ``dismiss`` (not the same person: remembered, never proposed again). Both go to HQ's audit trail and journal.
    Raises NotFound, ConflictError (already decided; a person does not consent to sharing), ValidationError."""
    from sync.hq.pull import link_person

    if decision not in ("link", "dismiss"):
        raise ValidationError("decision", "must be link or dismiss")
    by = text_arg(by, "by", 64).strip() or "?"
    note = text_arg(note, "note", 500).strip()
    a, b = sorted((_pid(person_a, "person_a"), _pid(person_b, "person_b")))
    with store.read() as conn:
        row = conn.execute(sa.select(person_matches.c.status).where(person_matches.c.person_a == a,
                                                                    person_matches.c.person_b == b)).first()
        if row is None:
            raise NotFound("HQ has not proposed these two records as the same person.")
        sides = {pid: _side(conn, pid) for pid in (a, b)}
    if row.status != "pending":
        raise ConflictError(f"This pair was already {row.status}.")
    if decision == "link" and not all(s["sharing"] for s in sides.values()):
        raise ConflictError("One of these persons did not consent to sharing: HQ does not link them to another "
                            "checkpoint.")
    queued = 0
    if decision == "link":
        for me, other in ((a, b), (b, a)):
            out = link_person(store, clock, me, sides[other]["checkpoint"],
                              f"same person as {other} at {sides[other]['checkpoint']} (matched by HQ, linked by "
                              f"{by}){': ' + note if note else ''}")
            queued += int(out["queued"])
    status = "linked" if decision == "link" else "dismissed"
    now = timestamp(clock)
    with store.write() as conn:
        changed = conn.execute(person_matches.update().where(
            person_matches.c.person_a == a, person_matches.c.person_b == b, person_matches.c.status == "pending")
            .values(status=status, decided_at=now, decided_by=by, note=note)).rowcount
        if changed != 1:
            raise ConflictError("This pair was decided by someone else meanwhile.")
        add_journal(conn, now, f"match_{status}", "", f"persons {a} and {b} {status} by {by}"
                    f"{': ' + note if note else ''}")
        conn.execute(hq_audit.insert().values(at=now, username=by[:64], action=f"match_{decision}",
                                              target=f"persons {a} {b}"[:200], detail=note[:2000],
                                              address=address[:64]))
    return {"person_a": a, "person_b": b, "status": status, "queued": queued}
