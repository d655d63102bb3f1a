"""A signed-in user's session: every use case the UI, the CLI and sync call, with permissions enforced here.

    >>> s = unlock("c.db", "dara", "a long passphrase")                            # doctest: +SKIP
    >>> r = s.register(person={...}, encounter={}, consents={"storage": True})     # doctest: +SKIP
    >>> s.search("SOK")[0]["family_name"]                                           # doctest: +SKIP

Every mutating call is one transaction: the events and the projections commit together or not at all, and
bad input raises ValidationError before anything is written. Role checks raise PermissionDenied.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, ClassVar

from checkpoint import crypto, screening
from checkpoint.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    StoreError,
    ValidationError,
)
from checkpoint.model.encounter import validate_consents, validate_encounter
from checkpoint.model.fields import opt_text
from checkpoint.model.person import age_on, name_key, validate_person
from checkpoint.model.referral import validate_referral, validate_referral_update
from checkpoint.model.user import ROLES, can, check_passphrase, validate_username
from checkpoint.services.changes import Changes
from checkpoint.storage.db import open_encrypted
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.rebuild import compare_projections, rebuild_projections
from checkpoint.storage.store import Store, keyfile_path

__all__ = ["LOCAL_TZ", "Registered", "Session", "User", "VerifyReport"]

# Cambodia keeps UTC+7 all year (no daylight saving); used for "today" figures and slips.
LOCAL_TZ = timezone(timedelta(hours=7), "ICT")
MAX_DRAFT_BYTES = 1 << 20
TB_ANSWER_KEYS = ("hiv", "cough", "cough_days", "haemoptysis", "fever", "night_sweats", "weight_loss",
                  "poor_weight_gain", "contact", "previous_tb", "diabetes", "recent_detention")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_SUMMARY_COLS = ("id", "family_name", "given_names", "name_khmer", "sex", "date_of_birth", "dob_estimated",
                 "id_document_type", "id_document_number", "phone", "home_province", "voided", "created_at")


@dataclass(frozen=True)
class User:
    id: str
    username: str
    display_name: str
    role: str
    status: str


@dataclass(frozen=True)
class Registered:
    person_id: str
    encounter_id: str
    trafficking_screening_id: str | None
    tb_screening_id: str | None
    referral_ids: tuple[str, ...]
    trafficking: Any
    tb: Any
    changes: Changes


@dataclass(frozen=True)
class VerifyReport:
    problems: tuple[str, ...]
    events: int
    persons: int

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_id(value: object, field: str) -> str:
    if not isinstance(value, str) or not _UUID.match(value):
        raise ValidationError(field, "is not a record id")
    return value


def _row_dict(cur: Any) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _csv_safe(v: object) -> str:
    """Spreadsheet-safe cell: a leading = + - @ would run as a formula in Excel."""
    s = "" if v is None else str(v)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


class Session:
    """The services for one signed-in user. Create with ``checkpoint.services.unlock`` or ``create_store``."""

    def __init__(self, store: Store, keyfile: KeyFile, user_id: str, *, kdf: crypto.KdfParams | None = None):
        self._store: Store | None = store
        self.keyfile = keyfile
        self._kdf = kdf
        self.user = self._load_user(user_id)

    # ------------------------------------------------------------------ basics
    @property
    def store(self) -> Store:
        if self._store is None:
            raise StoreError("The session is locked: sign in again.")
        return self._store

    @property
    def db(self) -> Any:
        return self.store.db

    @property
    def closed(self) -> bool:
        return self._store is None

    def lock(self) -> None:
        """Close the store and forget the key; signing in again needs a passphrase."""
        if self._store is not None:
            self._store.close()
            self._store = None

    close = lock

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group many calls into one transaction (bulk import, demo data): one commit, one fsync.

        Each call inside still runs in its own savepoint, so a rejected call leaves nothing behind.
        """
        with self.store.write():
            yield

    def _load_user(self, user_id: str) -> User:
        row = self.db.execute("SELECT id, username, display_name, role, status FROM users WHERE id = ?",
                              [user_id]).fetchone()
        if row is None:
            raise NotFound("No such user.")
        return User(*row)

    def _require(self, permission: str) -> None:
        if self._store is None:
            raise StoreError("The session is locked: sign in again.")
        if not can(self.user.role, permission):
            raise PermissionDenied(f"A {self.user.role.replace('_', ' ')} may not do this ({permission}).")

    def _today(self) -> date:
        return self.store.clock.now().astimezone(LOCAL_TZ).date()

    @property
    def checkpoint_name(self) -> str:
        return self.store.meta("checkpoint_name") or ""

    @property
    def station_id(self) -> str:
        return self.store.meta("station_id") or "POIPET_INTL_CHECKPOINT"

    @property
    def tb_mode(self) -> str:
        return self.store.meta("tb_mode") or "any_symptom"

    # ------------------------------------------------------------------ registration
    def register(self, *, person: Mapping[str, Any] | None = None, person_id: str | None = None,
                 encounter: Mapping[str, Any] | None = None, consents: Mapping[str, Any] | None = None,
                 trafficking: Mapping[str, Any] | None = None, tb: Mapping[str, Any] | None = None,
                 referrals: Iterable[Mapping[str, Any]] = (), draft_id: str | None = None) -> Registered:
        """Save one arrival: a new person (``person``) or an existing one (``person_id``), the journey, consent
        per purpose, the trafficking checklist (``{"ticked": [...], "age_at_exploitation": n}``), the TB screen
        (answers as ``evaluate_tb`` takes them) and referrals — in one transaction, as one event.

        Screens are recorded only with consent to screening; storage consent is required to keep the record.
        A child (under 18 at arrival) always gets a child-protection referral: added here if missing.
        The draft ``draft_id``, if given, is deleted in the same transaction.
        """
        self._require("register")
        now = self.store.clock.now()
        today = now.astimezone(LOCAL_TZ).date()
        if (person is None) == (person_id is None):
            raise ValidationError("person", "give either a new person or an existing person's id")
        if person is not None:
            p = validate_person(person, today=today)
            dob = p["date_of_birth"]
            pid = str(uuid.uuid4())
        else:
            pid = _check_id(person_id, "person_id")
            row = self.db.execute("SELECT date_of_birth, voided FROM persons WHERE id = ?", [pid]).fetchone()
            if row is None:
                raise NotFound("No such person.")
            if row[1]:
                raise ConflictError("This person's record was voided; register a new person instead.")
            dob = row[0]
        e = validate_encounter(encounter or {}, now=now, default_station=self.station_id)
        arrival_day = datetime.fromisoformat(e["arrival_at"]).astimezone(LOCAL_TZ).date()
        age = age_on(dob, arrival_day)
        e["age_at_arrival"] = age
        c = validate_consents(consents or {})
        granted = {x["purpose"] for x in c if x["granted"]}
        if "storage" not in granted:
            raise ValidationError("consents", "consent to store the record is required to save it")
        if (trafficking or tb) and "screening" not in granted:
            raise ValidationError("consents", "screening answers need consent to screening")
        enc_id = str(uuid.uuid4())
        payload: dict[str, Any] = {"person_id": pid, "person": p if person is not None else None,
                                   "encounter": {**e, "id": enc_id}, "consents": c,
                                   "trafficking": None, "tb": None, "referrals": []}
        t_res = tb_res = None
        versions = []
        if trafficking is not None:
            t_res, t_payload = self._trafficking(trafficking, age)
            payload["trafficking"] = t_payload
            versions.append(f"{t_res.content_id}@{t_res.content_version}")
        if tb is not None:
            tb_res, tb_payload = self._tb(tb, age)
            payload["tb"] = tb_payload
            versions.append(f"{tb_res.content_id}@{tb_res.content_version}")
        refs = [validate_referral(r) for r in referrals]
        if refs and "referral" not in granted and not (age is not None and age < 18):
            raise ValidationError("consents", "referrals need consent to referral")
        if age is not None and age < 18 and not any(r["kind"] == "child_protection" for r in refs):
            refs += [self._child_protection_referral(t_res, tb_res, age)]
        for r in refs:
            r["id"] = str(uuid.uuid4())
        payload["referrals"] = refs
        if draft_id is not None:
            _check_id(draft_id, "draft_id")
        with self.store.write():
            self.store.record("registration.recorded", "person", pid, payload, author=self.user.id,
                              content_version=",".join(versions))
            if draft_id is not None:
                self.db.execute("DELETE FROM drafts WHERE id = ? AND user_id = ?", [draft_id, self.user.id])
        return Registered(pid, enc_id, payload["trafficking"]["id"] if payload["trafficking"] else None,
                          payload["tb"]["id"] if payload["tb"] else None, tuple(r["id"] for r in refs),
                          t_res, tb_res,
                          Changes(persons=True, encounters=True, referrals=bool(refs), drafts=draft_id is not None,
                                  events=True, ids={"person": pid, "encounter": enc_id}))

    def _trafficking(self, data: Mapping[str, Any], age: int | None) -> tuple[Any, dict[str, Any]]:
        unknown = set(data) - {"ticked", "age_at_exploitation"}
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
        return res, {"id": str(uuid.uuid4()), "age_used": age_used, "ticked": sorted(set(ticked)),
                     "result": _compact(res.to_dict(), _TRAFFICKING_KEEP)}

    def _tb(self, data: Mapping[str, Any], age: int | None) -> tuple[Any, dict[str, Any]]:
        unknown = set(data) - set(TB_ANSWER_KEYS)
        if unknown:
            raise ValidationError(sorted(unknown)[0], "is not part of the TB screen")
        if age is None:
            raise ValidationError("date_of_birth", "the TB screen needs the person's age")
        answers = {k: data[k] for k in TB_ANSWER_KEYS if k in data}
        res = screening.evaluate_tb(age=age, mode=self.tb_mode, **answers)
        return res, {"id": str(uuid.uuid4()), "answers": {**answers, "age": age, "mode": self.tb_mode},
                     "result": _compact(res.to_dict(), _TB_KEEP)}

    @staticmethod
    def _child_protection_referral(t_res: Any, tb_res: Any, age: int) -> dict[str, Any]:
        for s in screening.suggest_referrals(t_res, tb_res, age=age):
            if s.kind == "child_protection":
                return validate_referral({"kind": s.kind, "agency_code": s.agency_code,
                                          "reason_code": s.reason_code, "urgency": s.urgency})
        raise StoreError("The referral content has no child-protection agency.")

    # ------------------------------------------------------------------ duplicates and search
    def find_duplicates(self, person: Mapping[str, Any], *, limit: int = 10) -> list[dict[str, Any]]:
        """Existing persons who may be the same as ``person``: same document; same name and date of birth;
        close Latin spelling with the same (or, for an estimate, a near) birth date; same Khmer name and birth
        date. Each result has ``reasons``."""
        self._require("view_list")
        p = validate_person(person, today=self._today(), partial=True)
        found: dict[str, set[str]] = {}

        def add(rows: Iterable[Any], reason: str) -> None:
            for (pid,) in rows:
                found.setdefault(pid, set()).add(reason)

        if p.get("id_document_number"):
            add(self.db.execute("SELECT id FROM persons WHERE id_document_number = ? "
                                "AND id_document_number != '' AND voided = 0 LIMIT 20",
                                [p["id_document_number"]]), "same_document")
        key = name_key(p.get("family_name", ""), p.get("given_names", ""))
        dob = p.get("date_of_birth")
        if key and dob:
            add(self.db.execute("SELECT id FROM persons WHERE name_key = ? AND date_of_birth = ? AND voided = 0 "
                                "LIMIT 20", [key, dob]), "same_name_and_birth_date")
            d = date.fromisoformat(dob)
            span = 400 if p.get("dob_estimated") else 0
            add(self.db.execute(
                "SELECT id FROM persons WHERE name_key = ? AND date_of_birth BETWEEN ? AND ? AND voided = 0 "
                "LIMIT 20", [key, (d - timedelta(days=span)).isoformat(), (d + timedelta(days=span)).isoformat()]),
                "similar_name")
            rows = self.db.execute("SELECT id, name_key FROM persons WHERE date_of_birth = ? AND voided = 0 "
                                   "LIMIT 500", [dob]).fetchall()
            add(((pid,) for pid, k in rows if k != key and _close(k, key)), "similar_name")
        if p.get("name_khmer") and dob:
            add(self.db.execute("SELECT id FROM persons WHERE date_of_birth = ? AND voided = 0 AND "
                                "replace(name_khmer, ' ', '') = ? LIMIT 20",
                                [dob, p["name_khmer"].replace(" ", "")]), "same_khmer_name_and_birth_date")
        if p.get("phone"):
            add(self.db.execute("SELECT id FROM persons WHERE phone = ? AND phone != '' AND voided = 0 LIMIT 20",
                                [p["phone"]]), "same_phone")
        order = ("same_document", "same_name_and_birth_date", "same_khmer_name_and_birth_date", "similar_name",
                 "same_phone")
        ranked = sorted(found.items(), key=lambda kv: min(order.index(r) for r in kv[1]))[:limit]
        out = []
        for pid, reasons in ranked:
            s = self._summaries([pid])[0]
            s["reasons"] = sorted(reasons, key=order.index)
            out.append(s)
        return out

    def _summaries(self, ids: list[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        q = ",".join("?" for _ in ids)
        rows = _row_dict(self.db.execute(
            f"SELECT {', '.join('p.' + c for c in _SUMMARY_COLS)}, "
            f"(SELECT max(arrival_at) FROM encounters e WHERE e.person_id = p.id) AS last_arrival_at "
            f"FROM persons p WHERE p.id IN ({q})", ids))
        by_id = {r["id"]: r for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def search(self, query: str, *, limit: int = 50, include_voided: bool = False) -> list[dict[str, Any]]:
        """Find persons by name (Latin or Khmer substring, 3 characters or more; shorter text matches the start
        of the family name), document number, phone or date of birth (YYYY-MM-DD)."""
        self._require("search")
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
            for (pid,) in self.db.execute(sql, params):
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
        results = self._summaries(ids[:limit])
        results.sort(key=lambda r: (r["family_name"], r["given_names"], r["name_khmer"]))
        return results

    def count_persons(self, *, include_voided: bool = False) -> int:
        self._require("view_list")
        sql = "SELECT count(*) FROM persons" + ("" if include_voided else " WHERE voided = 0")
        return int(self.db.execute(sql).fetchone()[0])

    def list_persons(self, *, offset: int = 0, limit: int = 100, include_voided: bool = False
                     ) -> list[dict[str, Any]]:
        """The checkpoint's list, newest first, one page at a time (for a lazy table model)."""
        self._require("view_list")
        where = "" if include_voided else "WHERE voided = 0"
        ids = [r[0] for r in self.db.execute(
            f"SELECT id FROM persons {where} ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
            [max(0, min(limit, 1000)), max(0, offset)])]
        return self._summaries(ids)

    # ------------------------------------------------------------------ reading a record
    def get_person(self, person_id: str) -> dict[str, Any]:
        """A person's record as this user's role may see it. The read itself is logged (who looked at whom).

        Health workers see identity, TB screens and health referrals, and only that a protection referral
        exists. Officers see trafficking answers of arrivals they registered. Admins see no records.
        """
        self._require("view_identity")
        pid = _check_id(person_id, "person_id")
        rows = _row_dict(self.db.execute("SELECT * FROM persons WHERE id = ?", [pid]))
        if not rows:
            raise NotFound("No such person.")
        person = {k: v for k, v in rows[0].items() if k not in ("name_key", "search_name")}
        encounters = _row_dict(self.db.execute("SELECT * FROM encounters WHERE person_id = ? ORDER BY arrival_at",
                                               [pid]))
        consents = _row_dict(self.db.execute(
            "SELECT c.* FROM consents c JOIN encounters e ON e.id = c.encounter_id WHERE e.person_id = ?", [pid]))
        ts = _row_dict(self.db.execute("SELECT * FROM trafficking_screenings WHERE person_id = ?", [pid]))
        tbs = _row_dict(self.db.execute("SELECT * FROM tb_screenings WHERE person_id = ?", [pid]))
        refs = _row_dict(self.db.execute("SELECT * FROM referrals WHERE person_id = ? ORDER BY created_at", [pid]))
        out_enc = []
        for e in encounters:
            full = self._may_see_trafficking(e)
            e["recruitment_methods"] = json.loads(e["recruitment_methods"])
            e["consents"] = {c["purpose"]: bool(c["granted"]) for c in consents if c["encounter_id"] == e["id"]}
            t = [x for x in ts if x["encounter_id"] == e["id"]]
            if full:
                e["trafficking"] = [self._explained(self._decode_screening(x)) for x in t]
            else:
                e["trafficking"] = [{"id": x["id"], "restricted": True} for x in t]
                for k in ("recruiter_relationship", "recruitment_methods", "debt_owed", "debt_amount",
                          "debt_currency", "controlling_person_present"):
                    e.pop(k, None)
            e["tb"] = [self._explained(self._decode_screening(x)) for x in tbs if x["encounter_id"] == e["id"]] \
                if can(self.user.role, "view_tb") else []
            e["referrals"] = [self._referral_view(r, full) for r in refs if r["encounter_id"] == e["id"]]
            out_enc.append(e)
        with self.store.write():
            self.store.record("person.viewed", "person", pid, {}, author=self.user.id)
        return {"person": person, "encounters": out_enc}

    def _may_see_trafficking(self, encounter: Mapping[str, Any]) -> bool:
        return can(self.user.role, "view_trafficking") or (
            can(self.user.role, "view_own_trafficking") and encounter["officer_id"] == self.user.id)

    @staticmethod
    def _decode_screening(row: dict[str, Any]) -> dict[str, Any]:
        r = dict(row)
        for k in ("ticked", "positive_dimensions", "flags", "result", "answers"):
            if k in r:
                r[k] = json.loads(r[k])
        return r

    @staticmethod
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
        if res is None or (res.content_id, res.content_version) != (row["content_id"], row["content_version"]) \
                or res.outcome != row["outcome"]:
            row["explanation"] = [f"Recorded with {row['content_id']} version {row['content_version']}, which this "
                                  f"version of Checkpoint cannot re-explain; the recorded result stands."]
        else:
            row["explanation"] = list(res.explanation)
        return row

    @staticmethod
    def _referral_view(r: dict[str, Any], full: bool) -> dict[str, Any]:
        if r["kind"] == "health" or full:
            return r
        # Others learn only that a protection referral exists.
        return {"id": r["id"], "kind": r["kind"], "restricted": True}

    def history(self, person_id: str) -> list[dict[str, Any]]:
        """Who did what to this person's record and when (views included). Values are shown to supervisors;
        others see which fields changed."""
        self._require("view_identity")
        pid = _check_id(person_id, "person_id")
        users = {r[0]: r[1] for r in self.db.execute("SELECT id, username FROM users")}
        out = []
        for ev in self.store.events(where="entity_id = ?", params=[pid]):
            payload = json.loads(ev["payload"])
            item = {"at": ev["recorded_at"], "who": users.get(ev["author"], ev["author"]), "what": ev["type"],
                    "reason": payload.get("reason", ""), "fields": sorted(payload.get("changes", {}))}
            if can(self.user.role, "view_trafficking"):
                item["changes"] = payload.get("changes", {})
            out.append(item)
        return out

    # ------------------------------------------------------------------ corrections
    def _encounter(self, encounter_id: str) -> dict[str, Any]:
        rows = _row_dict(self.db.execute("SELECT * FROM encounters WHERE id = ?",
                                         [_check_id(encounter_id, "encounter_id")]))
        if not rows:
            raise NotFound("No such arrival.")
        return rows[0]

    def _may_amend(self, officer_id: str) -> None:
        if can(self.user.role, "amend_any"):
            return
        if can(self.user.role, "amend_own") and officer_id == self.user.id:
            return
        raise PermissionDenied("Only the officer who registered this arrival, or a supervisor, may correct it.")

    @staticmethod
    def _reason(reason: object) -> str:
        r = opt_text({"reason": reason}, "reason", max_len=500)
        if len(r) < 3:
            raise ValidationError("reason", "give a reason for the correction")
        return r

    def amend_person(self, person_id: str, changes: Mapping[str, Any], reason: str) -> Changes:
        """Correct identity fields; recorded as an event with the reason, never an in-place edit."""
        pid = _check_id(person_id, "person_id")
        row = self.db.execute("SELECT registered_by, voided FROM persons WHERE id = ?", [pid]).fetchone()
        if row is None:
            raise NotFound("No such person.")
        self._may_amend(row[0])
        if row[1]:
            raise ConflictError("This record was voided.")
        why = self._reason(reason)
        ch = validate_person(changes, today=self._today(), partial=True)
        if not ch:
            raise ValidationError("changes", "nothing to change")
        current = _row_dict(self.db.execute("SELECT * FROM persons WHERE id = ?", [pid]))[0]
        merged = {**current, **ch}
        if not (merged["family_name"] or merged["given_names"] or merged["name_khmer"]):
            raise ValidationError("family_name", "a name in Latin or Khmer script is required")
        with self.store.write():
            self.store.record("person.amended", "person", pid,
                              {"changes": ch, "base": self._base(pid, ch), "reason": why}, author=self.user.id)
        return Changes(persons=True, events=True, ids={"person": pid})

    def amend_encounter(self, encounter_id: str, changes: Mapping[str, Any], reason: str) -> Changes:
        e = self._encounter(encounter_id)
        self._may_amend(e["officer_id"])
        if e["voided"]:
            raise ConflictError("This arrival was voided.")
        why = self._reason(reason)
        ch = validate_encounter(changes, now=self.store.clock.now(), default_station=e["station_id"], partial=True)
        if not ch:
            raise ValidationError("changes", "nothing to change")
        with self.store.write():
            self.store.record("encounter.amended", "person", e["person_id"],
                              {"encounter_id": e["id"], "changes": ch, "base": self._base(e["id"], ch),
                               "reason": why}, author=self.user.id)
        return Changes(encounters=True, events=True, ids={"person": e["person_id"]})

    def _base(self, entity_id: str, changes: Mapping[str, Any]) -> dict[str, str]:
        """For each changed field, the event whose value this edit replaces ("" = as registered). Another device
        that changed the field meanwhile makes the two edits a conflict instead of a silent overwrite."""
        rows = dict(self.db.execute("SELECT field, event_id FROM field_versions WHERE entity_id = ?",
                                    [entity_id]).fetchall())
        return {f: rows.get(f, "") for f in changes}

    def list_conflicts(self, *, state: str = "open") -> list[dict[str, Any]]:
        """Fields edited on two devices without either seeing the other; both values are kept until decided."""
        self._require("amend_any")
        rows = _row_dict(self.db.execute(
            "SELECT c.*, p.family_name, p.given_names, p.name_khmer FROM conflicts c "
            "JOIN persons p ON p.id = c.person_id WHERE c.state = ? ORDER BY c.detected_at", [state]))
        for r in rows:
            r["kept_value"] = json.loads(r["kept_value"]) if r["kept_value"] is not None else None
            r["other_value"] = json.loads(r["other_value"]) if r["other_value"] is not None else None
        return rows

    def resolve_conflict(self, conflict_id: str, keep: str) -> Changes:
        """Decide a conflict: ``keep`` is "kept" (the value in place) or "other". The decision is an event."""
        self._require("amend_any")
        if keep not in ("kept", "other"):
            raise ValidationError("keep", "must be kept or other")
        row = self.db.execute("SELECT person_id, state, kept_event, kept_value, other_event, other_value "
                              "FROM conflicts WHERE id = ?", [_check_id(conflict_id, "conflict_id")]).fetchone()
        if row is None:
            raise NotFound("No such conflict.")
        if row[1] != "open":
            raise ConflictError("This conflict was already decided.")
        chosen, value = (row[2], row[3]) if keep == "kept" else (row[4], row[5])
        with self.store.write():
            # The chosen value travels in the event, so every device applies the same decision.
            self.store.record("conflict.resolved", "person", row[0],
                              {"conflict_id": conflict_id, "chosen_event": chosen,
                               "value": json.loads(value) if value is not None else None}, author=self.user.id)
        return Changes(persons=True, encounters=True, events=True, ids={"person": row[0]})

    _VOID_TABLES: ClassVar[dict[str, str]] = {"person": "persons", "encounter": "encounters", "referral": "referrals",
                    "trafficking_screening": "trafficking_screenings", "tb_screening": "tb_screenings"}

    def void(self, record_type: str, record_id: str, reason: str) -> Changes:
        """Mark a record as entered in error (it stays in the log and the history). Supervisors only."""
        self._require("void")
        table = self._VOID_TABLES.get(record_type)
        if table is None:
            raise ValidationError("record_type", "is not a record type")
        rid = _check_id(record_id, "record_id")
        pid_col = "id" if table == "persons" else "person_id"
        row = self.db.execute(f"SELECT {pid_col}, voided FROM {table} WHERE id = ?", [rid]).fetchone()
        if row is None:
            raise NotFound("No such record.")
        if row[1]:
            raise ConflictError("This record is already voided.")
        why = self._reason(reason)
        with self.store.write():
            self.store.record("record.voided", "person", row[0],
                              {"record_type": record_type, "record_id": rid, "reason": why}, author=self.user.id)
        return Changes(persons=True, encounters=True, referrals=True, events=True, ids={"person": row[0]})

    def approve(self, encounter_id: str) -> Changes:
        """A supervisor's review of an arrival."""
        self._require("approve")
        e = self._encounter(encounter_id)
        if e["review_status"] == "approved":
            raise ConflictError("This arrival is already approved.")
        if e["voided"]:
            raise ConflictError("This arrival was voided.")
        with self.store.write():
            self.store.record("encounter.approved", "person", e["person_id"], {"encounter_id": e["id"]},
                              author=self.user.id)
        return Changes(encounters=True, events=True, ids={"person": e["person_id"]})

    def pending_review(self, *, limit: int = 200) -> list[dict[str, Any]]:
        self._require("approve")
        return _row_dict(self.db.execute(
            "SELECT e.id AS encounter_id, e.person_id, e.arrival_at, e.officer_id, p.family_name, p.given_names, "
            "p.name_khmer FROM encounters e JOIN persons p ON p.id = e.person_id "
            "WHERE e.review_status = 'pending' AND e.voided = 0 ORDER BY e.arrival_at LIMIT ?", [limit]))

    # ------------------------------------------------------------------ referrals
    def add_referral(self, encounter_id: str, referral: Mapping[str, Any]) -> Changes:
        e = self._encounter(encounter_id)
        r = validate_referral(referral)
        if r["kind"] == "health":
            if not (can(self.user.role, "register") or can(self.user.role, "update_health_referral")):
                raise PermissionDenied("Not allowed to refer to a health facility.")
        else:
            self._may_amend(e["officer_id"])
        r["id"] = str(uuid.uuid4())
        with self.store.write():
            self.store.record("referral.created", "person", e["person_id"],
                              {"encounter_id": e["id"], "referral": r}, author=self.user.id)
        return Changes(referrals=True, events=True, ids={"referral": r["id"], "person": e["person_id"]})

    def update_referral(self, referral_id: str, changes: Mapping[str, Any]) -> Changes:
        """Record a follow-up stage or outcome (arrived, chest X-ray, Xpert, diagnosis, treatment, lost)."""
        rows = _row_dict(self.db.execute("SELECT * FROM referrals WHERE id = ?",
                                         [_check_id(referral_id, "referral_id")]))
        if not rows:
            raise NotFound("No such referral.")
        r = rows[0]
        self._require("update_health_referral" if r["kind"] == "health" else "update_protection_referral")
        if r["voided"]:
            raise ConflictError("This referral was voided.")
        ch = validate_referral_update(r, changes, today=self._today())
        with self.store.write():
            self.store.record("referral.updated", "person", r["person_id"],
                              {"referral_id": r["id"], "changes": ch}, author=self.user.id)
        return Changes(referrals=True, events=True, ids={"referral": r["id"], "person": r["person_id"]})

    def list_referrals(self, *, kind: str = "health", status: str | None = None, limit: int = 500
                       ) -> list[dict[str, Any]]:
        """Referrals to follow up, oldest first, with the person's name."""
        if kind == "health":
            self._require("view_tb")
        else:
            self._require("view_trafficking")
        sql = ("SELECT r.*, p.family_name, p.given_names, p.name_khmer, p.date_of_birth, p.sex FROM referrals r "
               "JOIN persons p ON p.id = r.person_id WHERE r.kind = ? AND r.voided = 0")
        params: list[Any] = [kind]
        if status is not None:
            sql += " AND r.status = ?"
            params.append(status)
        return _row_dict(self.db.execute(sql + " ORDER BY r.created_at LIMIT ?", [*params, limit]))

    # ------------------------------------------------------------------ drafts
    def save_draft(self, payload: Mapping[str, Any], *, draft_id: str | None = None, kind: str = "registration"
                   ) -> str:
        """Save an unfinished form (called on every change); returns the draft id. Encrypted like the store."""
        self._require("drafts")
        text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
        if len(text.encode()) > MAX_DRAFT_BYTES:
            raise ValidationError("draft", "is too large")
        now = self.store.clock.now().isoformat()
        did = _check_id(draft_id, "draft_id") if draft_id else str(uuid.uuid4())
        with self.store.write():
            cur = self.db.execute("UPDATE drafts SET payload = ?, updated_at = ? WHERE id = ? AND user_id = ?",
                                  [text, now, did, self.user.id])
            if cur.rowcount == 0:
                self.db.execute("INSERT INTO drafts (id, user_id, kind, payload, created_at, updated_at) "
                                "VALUES (?,?,?,?,?,?)", [did, self.user.id, kind, text, now, now])
        return did

    def list_drafts(self) -> list[dict[str, Any]]:
        self._require("drafts")
        rows = _row_dict(self.db.execute("SELECT id, kind, payload, created_at, updated_at FROM drafts "
                                         "WHERE user_id = ? ORDER BY updated_at DESC", [self.user.id]))
        for r in rows:
            r["payload"] = json.loads(r["payload"])
        return rows

    def discard_draft(self, draft_id: str) -> Changes:
        self._require("drafts")
        with self.store.write():
            self.db.execute("DELETE FROM drafts WHERE id = ? AND user_id = ?",
                            [_check_id(draft_id, "draft_id"), self.user.id])
        return Changes(drafts=True)

    # ------------------------------------------------------------------ users
    def list_users(self) -> list[dict[str, Any]]:
        self._require("manage_users")
        rows = _row_dict(self.db.execute("SELECT id, username, display_name, role, status, created_at FROM users "
                                         "ORDER BY username"))
        for r in rows:
            r["failed_attempts"] = self.keyfile.failed_attempts(r["id"])
        return rows

    def _user_by_name(self, username: str) -> dict[str, Any]:
        rows = _row_dict(self.db.execute("SELECT * FROM users WHERE username = ?", [validate_username(username)]))
        if not rows:
            raise NotFound(f"No user named {username}.")
        return rows[0]

    def add_user(self, username: str, display_name: str, role: str, passphrase: str) -> Changes:
        self._require("manage_users")
        name = validate_username(username)
        if role not in ROLES:
            raise ValidationError("role", "must be officer, health_worker, supervisor or admin")
        pw = check_passphrase(passphrase)
        display = opt_text({"display_name": display_name}, "display_name", max_len=80) or name
        if self.db.execute("SELECT 1 FROM users WHERE username = ?", [name]).fetchone():
            raise ConflictError(f"A user named {name} already exists.")
        uid = str(uuid.uuid4())
        key = self._data_key()
        with self.store.write():
            self.store.record("user.created", "user", uid, {"username": name, "display_name": display,
                                                            "role": role}, author=self.user.id)
            # The slot is written before the transaction commits; if the commit fails the slot names a user id
            # that does not exist and can never sign in.
            self.keyfile.add_passphrase_slot(uid, name, key, pw, kdf=self._kdf)
        return Changes(users=True, events=True, ids={"user": uid})

    def set_passphrase(self, username: str, new_passphrase: str, *, old_passphrase: str | None = None) -> Changes:
        """Reset another user's passphrase (managers) or change one's own (needs the old one). Rewraps the key;
        the database is never re-encrypted. Also clears the wrong-passphrase counter."""
        u = self._user_by_name(username)
        if u["id"] == self.user.id:
            if old_passphrase is None:
                raise ValidationError("old_passphrase", "is required to change your own passphrase")
            self.keyfile.unwrap_for_user(u["username"], old_passphrase, now=self.store.clock.monotonic)
        else:
            self._require("manage_users")
        pw = check_passphrase(new_passphrase)
        with self.store.write():
            self.store.record("user.passphrase_changed", "user", u["id"], {"by": self.user.username},
                              author=self.user.id)
        self.keyfile.add_passphrase_slot(u["id"], u["username"], self._data_key(), pw, kdf=self._kdf)
        return Changes(users=True, events=True)

    def set_user_status(self, username: str, status: str) -> Changes:
        """Lock (``disabled``) or unlock (``active``) an account. Unlocking also clears a lockout delay.
        Nothing is ever deleted; a locked user's records stay."""
        self._require("manage_users")
        if status not in ("active", "disabled"):
            raise ValidationError("status", "must be active or disabled")
        u = self._user_by_name(username)
        if status == "disabled":
            if u["id"] == self.user.id:
                raise ConflictError("You cannot lock your own account.")
            if u["role"] == "supervisor" and self.db.execute(
                    "SELECT count(*) FROM users WHERE role = 'supervisor' AND status = 'active'").fetchone()[0] <= 1:
                raise ConflictError("This is the last active supervisor; add another before locking it.")
        if u["status"] != status:
            with self.store.write():
                self.store.record("user.updated", "user", u["id"], {"changes": {"status": status}},
                                  author=self.user.id)
        if status == "active":
            self.keyfile.clear_attempts(u["id"])
        return Changes(users=True, events=True)

    def set_user_role(self, username: str, role: str) -> Changes:
        self._require("manage_users")
        if role not in ROLES:
            raise ValidationError("role", "must be officer, health_worker, supervisor or admin")
        u = self._user_by_name(username)
        if u["id"] == self.user.id:
            raise ConflictError("You cannot change your own role.")
        with self.store.write():
            self.store.record("user.updated", "user", u["id"], {"changes": {"role": role}}, author=self.user.id)
        return Changes(users=True, events=True)

    def _data_key(self) -> bytes:
        # Needed to wrap a new key slot or key a backup; held by the open store and dropped when it locks.
        if not self.store.data_key:
            raise StoreError("The data key is not available in this session.")
        return self.store.data_key

    # ------------------------------------------------------------------ figures
    def stats(self) -> dict[str, int]:
        """Counts of persons, encounters, screenings, referrals, events, pending sync, drafts."""
        if not (can(self.user.role, "stats") or can(self.user.role, "view_list")):
            raise PermissionDenied("Not allowed.")
        q = {"persons": "SELECT count(*) FROM persons WHERE voided = 0",
             "encounters": "SELECT count(*) FROM encounters WHERE voided = 0",
             "trafficking_screenings": "SELECT count(*) FROM trafficking_screenings WHERE voided = 0",
             "tb_screenings": "SELECT count(*) FROM tb_screenings WHERE voided = 0",
             "referrals": "SELECT count(*) FROM referrals WHERE voided = 0",
             "events": "SELECT count(*) FROM events",
             "pending_sync": "SELECT count(*) FROM events WHERE sync_state IN ('pending', 'inflight')",
             "users": "SELECT count(*) FROM users",
             "drafts": "SELECT count(*) FROM drafts"}
        return {k: int(self.db.execute(v).fetchone()[0]) for k, v in q.items()}

    def today_figures(self, day: date | None = None) -> dict[str, int]:
        """Figures for the main window: registered, indicators present, TB referrals, drafts, pending sync."""
        self._require("view_list")
        d = day or self._today()
        start = datetime(d.year, d.month, d.day, tzinfo=LOCAL_TZ).astimezone(UTC)
        lo, hi = start.isoformat(), (start + timedelta(days=1)).isoformat()

        def one(sql: str, *p: Any) -> int:
            return int(self.db.execute(sql, list(p)).fetchone()[0])

        figures = {
            "registered": one("SELECT count(*) FROM encounters WHERE voided = 0 AND arrival_at >= ? AND arrival_at "
                              "< ?", lo, hi),
            "tb_referrals": one("SELECT count(*) FROM tb_screenings WHERE voided = 0 AND outcome != "
                                "'SCREEN_NEGATIVE' AND screened_at >= ? AND screened_at < ?", lo, hi),
            "drafts": one("SELECT count(*) FROM drafts WHERE user_id = ?", self.user.id),
            "pending_sync": one("SELECT count(*) FROM events WHERE sync_state IN ('pending','inflight')"),
        }
        if can(self.user.role, "view_trafficking") or can(self.user.role, "view_own_trafficking"):
            extra = "" if can(self.user.role, "view_trafficking") else " AND screened_by = ?"
            params = [lo, hi] + ([] if not extra else [self.user.id])
            figures["trafficking_indicators"] = one(
                "SELECT count(*) FROM trafficking_screenings WHERE voided = 0 AND outcome = 'PRESUMED_VICTIM' "
                "AND screened_at >= ? AND screened_at < ?" + extra, *params)
        return figures

    # ------------------------------------------------------------------ maintenance
    def verify(self) -> VerifyReport:
        """Check the store: SQLite and SQLCipher integrity, the event chain, and that projections rebuilt from
        the events equal the live tables."""
        self._require("verify")
        problems = self.store.integrity_check()
        problems += self.store.verify_chain()
        rebuilt = rebuild_projections(self.store)
        try:
            problems += compare_projections(self.db, rebuilt)
        finally:
            rebuilt.close()
        return VerifyReport(tuple(problems), int(self.db.execute("SELECT count(*) FROM events").fetchone()[0]),
                            int(self.db.execute("SELECT count(*) FROM persons").fetchone()[0]))

    def export_csv(self, out: str | os.PathLike[str]) -> int:
        """Write one row per arrival (identity, journey, screening outcomes) to a CSV file; returns rows written.

        Trafficking outcomes are exported only where the person consented to sharing. The file is plaintext:
        the caller chooses where it goes. The export is logged as an event.
        """
        self._require("export")
        path = Path(out)
        if path.exists():
            raise ValidationError("out", "the file already exists; choose a new name")
        cols = ["person_id", "family_name", "given_names", "name_khmer", "sex", "date_of_birth", "dob_estimated",
                "citizenship", "id_document_type", "id_document_number", "home_province", "encounter_id",
                "arrival_at", "station_id", "return_type", "country_of_work", "sector_of_work",
                "duration_abroad_months", "migration_channel", "tb_outcome", "trafficking_outcome",
                "trafficking_flags", "review_status"]
        cur = self.db.execute(
            "SELECT p.id, p.family_name, p.given_names, p.name_khmer, p.sex, p.date_of_birth, p.dob_estimated, "
            "p.citizenship, p.id_document_type, p.id_document_number, p.home_province, e.id, e.arrival_at, "
            "e.station_id, e.return_type, e.country_of_work, e.sector_of_work, e.duration_abroad_months, "
            "e.migration_channel, "
            "(SELECT outcome FROM tb_screenings t WHERE t.encounter_id = e.id AND t.voided = 0), "
            "(SELECT outcome FROM trafficking_screenings s WHERE s.encounter_id = e.id AND s.voided = 0), "
            "(SELECT flags FROM trafficking_screenings s WHERE s.encounter_id = e.id AND s.voided = 0), "
            "e.review_status, "
            "(SELECT granted FROM consents c WHERE c.encounter_id = e.id AND c.purpose = 'sharing') "
            "FROM encounters e JOIN persons p ON p.id = e.person_id WHERE e.voided = 0 AND p.voided = 0 "
            "ORDER BY e.arrival_at")
        n = 0
        tmp = path.with_name(path.name + ".part")
        try:
            with open(tmp, "w", newline="", encoding="utf-8-sig") as f:
                w = csv.writer(f)
                w.writerow(cols)
                for row in cur:
                    vals = list(row[:-1])
                    if not row[-1]:
                        vals[20] = "withheld (no consent to sharing)" if vals[20] else ""
                        vals[21] = ""
                    w.writerow([_csv_safe(v) for v in vals])
                    n += 1
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        with self.store.write():
            self.store.record("records.exported", "store", self.store.device_id, {"rows": n, "format": "csv"},
                              author=self.user.id)
        return n

    def backup(self, out: str | os.PathLike[str]) -> Path:
        """Copy the store, still encrypted, with SQLite's online backup API; the key file goes beside it as
        ``<out>.keys``. The copy is opened and integrity-checked before this returns."""
        self._require("backup")
        dest = Path(out)
        if dest.exists() or keyfile_path(dest).exists():
            raise ValidationError("out", "the file already exists; choose a new name")
        key = self._data_key()
        target = open_encrypted(dest, key, create=True)
        try:
            self.db.conn.backup(target.conn)
            target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            bad = [r[0] for r in target.execute("PRAGMA integrity_check").fetchall()]
            if bad != ["ok"]:
                raise StoreError("The backup copy failed its integrity check.")
        except BaseException:
            target.close()
            for s in ("", "-wal", "-shm"):
                Path(str(dest) + s).unlink(missing_ok=True)
            raise
        target.close()
        KeyFile(keyfile_path(dest), dict(self.keyfile.data, attempts={})).save()
        with self.store.write():
            self.store.record("store.backed_up", "store", self.store.device_id, {"to": dest.name},
                              author=self.user.id)
        return dest


# What a screening result keeps in the log and the projection. The explanation text is not stored: it is a pure
# function of the answers, the age and the content and rule versions, and is regenerated when the record is read
# (``explain_screening``). Keeping it would triple the size of every registration.
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
