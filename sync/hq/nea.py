"""NEA's export across checkpoints (issue 15 point 4, the export of issue 13 at HQ): the returnees registered with the
National Employment Agency for job placement at any checkpoint (or the ones named) in a period, in exactly the
device's layout (docs/exports/nea.md; ``checkpoint.nea_layout``: the same columns, row, formula-safe cells and CSV
bytes as ``checkpoint-admin export --format nea``), the ``checkpoint`` column naming where each was registered.

    >>> data, n = export(conn, date(2026, 12, 1), date(2026, 12, 31), checkpoints=["Poipet"])   # doctest: +SKIP

Built from the events HQ holds (accepted: ``ingest_seq`` set), folded per person the way the device's projections
fold them:

- ``nea.registered`` (a person event: the form, and the NEA consent when it was given on the form);
- the person's name, sex and date of birth from ``registration.recorded`` then ``person.amended`` (in HQ's order);
  the age at the arrival from the arrival (``registration.recorded``, ``registration.completed``,
  ``encounter.amended``);
- NEA consents (purpose ``nea_registration``) from ``registration.recorded`` / ``registration.completed``
  ``consent_records`` and ``nea.registered``; ``consent.withdrawn`` withdraws that arrival's record from then on;
- ``record.voided`` of the person or of the registration's arrival leaves it out.

Who is in it: exactly the persons registered with NEA in the period (local days, UTC+7, both included) **whose NEA
consent stands when the file is written** (given and not withdrawn, on any arrival), one row per person: the latest
registration in the period; persons and arrivals voided are left out. A person HQ holds no registration of (their
registration waits or was refused) is left out. The form is checked again here (only the form's fields, text capped,
lists of text): what arrives is hostile until checked; the cells are formula-neutralised by the layout.

Who may: HQ's data manager (``export_nea``, ``sync.hq.web.accounts``) on the dashboard, and the operator of
``checkpoint-hq nea-export`` on HQ's machine. Never an analyst (aggregates only) nor a partner: partner accounts
belong to one organisation of the referral directory, whose ``nea_office`` kind is a provincial office; handing the
national file to NEA is the data manager's logged act. Each export is logged with who, when, period and rows.

Raises ValidationError (a bad period, an unknown checkpoint).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from checkpoint.errors import ValidationError
from checkpoint.nea_layout import NEA_COLUMNS, NEA_PURPOSE, csv_bytes, nea_row, period_bounds, period_text_margin
from checkpoint.nea_layout import parse_when as _when
from sync.hq.facts import LOCAL_TZ
from sync.hq.store import checkpoints as checkpoints_t
from sync.hq.store import devices, events

__all__ = ["FOLD_TYPES", "NEA_COLUMNS", "export", "export_rows", "parse_day"]

FOLD_TYPES: Final = ("registration.recorded", "registration.completed", "person.amended", "encounter.amended",
                     "record.voided", "consent.withdrawn", "nea.registered")
_PERSON: Final = ("family_name", "given_names", "name_khmer", "sex", "date_of_birth")
_FORM_TEXT: Final = ("occupation_abroad", "occupation_abroad_text", "sector_abroad", "country_abroad", "skills_text",
                     "education", "desired_job", "desired_sector", "desired_province", "abroad_again", "abroad_where",
                     "available_from", "phone", "second_contact_name", "second_contact_phone", "home_province",
                     "home_commune")
_FORM_LISTS: Final = ("skills", "languages")
_MAX_TEXT: Final = 500
_CHUNK: Final = 500


def parse_day(text: str, what: str) -> date:
    """A day written YYYY-MM-DD; ValidationError naming ``what`` otherwise."""
    try:
        if isinstance(text, str) and len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise ValidationError(what, "must be a date written YYYY-MM-DD")


def _text(v: Any, n: int = _MAX_TEXT) -> str:
    return v if isinstance(v, str) and len(v) <= n else ""


def _form(data: Any) -> dict[str, Any]:
    """The registration's form, checked again: known fields only, text capped, lists of short text, an int."""
    d = data if isinstance(data, dict) else {}
    out: dict[str, Any] = {k: _text(d.get(k)) for k in _FORM_TEXT}
    for k in _FORM_LISTS:
        v = d.get(k)
        out[k] = [x for x in v[:20] if isinstance(x, str) and len(x) <= 64] if isinstance(v, list) else []
    y = d.get("years_experience")
    out["years_experience"] = y if isinstance(y, int) and not isinstance(y, bool) and 0 <= y <= 60 else None
    return out


@dataclass
class _Person:
    registered: bool = False
    voided: bool = False
    fields: dict[str, Any] = field(default_factory=dict)
    ages: dict[str, int | None] = field(default_factory=dict)            # encounter id -> age at the arrival
    voided_encounters: set[str] = field(default_factory=set)
    consents: list[dict[str, Any]] = field(default_factory=list)         # NEA consents, withdrawn or not
    registrations: list[dict[str, Any]] = field(default_factory=list)


def _age(v: Any) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 130 else None


def _consent(c: Any, encounter_id: str, at: str) -> dict[str, Any] | None:
    if not isinstance(c, dict) or c.get("purpose") != NEA_PURPOSE:
        return None
    return {"encounter_id": encounter_id, "target": _text(c.get("target"), 64), "granted": c.get("granted") is True,
            "given_by": _text(c.get("given_by"), 16), "given_at": at, "withdrawn": False}


def _fold(p: _Person, type_: str, payload: dict[str, Any], ev: Mapping[Any, Any]) -> None:
    at = str(ev["recorded_at"])
    if type_ in ("registration.recorded", "registration.completed"):
        enc: dict[str, Any] = payload["encounter"] if isinstance(payload.get("encounter"), dict) else {}
        enc_id = str(enc.get("id") or "") if type_ == "registration.recorded" else str(payload.get("encounter_id"))
        if type_ == "registration.recorded":
            p.registered = True
            if isinstance(payload.get("person"), dict):
                p.fields.update({k: payload["person"][k] for k in _PERSON if k in payload["person"]})
            p.ages[enc_id] = _age(enc.get("age_at_arrival"))
        elif "age_at_arrival" in enc:
            p.ages[enc_id] = _age(enc.get("age_at_arrival"))
        for c in payload.get("consent_records") or []:
            if (rec := _consent(c, enc_id, at)) is not None:
                p.consents.append(rec)
    elif type_ == "person.amended" and isinstance(payload.get("changes"), dict):
        p.fields.update({k: payload["changes"][k] for k in _PERSON if k in payload["changes"]})
    elif type_ == "encounter.amended" and isinstance(payload.get("changes"), dict):
        if "age_at_arrival" in payload["changes"]:
            p.ages[str(payload.get("encounter_id"))] = _age(payload["changes"]["age_at_arrival"])
    elif type_ == "record.voided":
        if payload.get("record_type") == "person":
            p.voided = True
        elif payload.get("record_type") == "encounter":
            p.voided_encounters.add(str(payload.get("record_id")))
    elif type_ == "consent.withdrawn":
        if payload.get("purpose") == NEA_PURPOSE:
            for c in p.consents:
                if c["encounter_id"] == payload.get("encounter_id") and c["target"] == (payload.get("target") or ""):
                    c["withdrawn"] = True
    elif type_ == "nea.registered":
        reg: dict[str, Any] = payload["registration"] if isinstance(payload.get("registration"), dict) else {}
        enc_id = str(payload.get("encounter_id") or "")
        p.registrations.append({"id": _text(reg.get("id"), 64), "encounter_id": enc_id, "registered_at": at,
                                "when": _when(at), "hlc": str(ev["hlc"]), "data": _form(reg.get("data")),
                                "checkpoint": str(ev["checkpoint"])})
        if (rec := _consent(payload.get("consent"), enc_id, at)) is not None:
            p.consents.append(rec)


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def export_rows(conn: Connection, start: date, end: date, *, checkpoints: Sequence[str] = ()) -> list[dict[str, Any]]:
    """The rows of NEA's export for registrations from ``start`` to ``end`` (local days, both included) at the
    named checkpoints (all when empty): exactly the persons whose NEA consent stands now, the latest registration of
    each in the period, ordered by registration time."""
    if end < start:
        raise ValidationError("period", "the end must not be before the start")
    lo, hi = period_bounds(start, end, LOCAL_TZ)       # the device's export cuts the same local days
    text_lo, text_hi = period_text_margin(start, end)
    names = {c.casefold() for c in checkpoints}
    if names:
        known = {str(n).casefold() for n in conn.execute(sa.select(checkpoints_t.c.name)).scalars()}
        for c in checkpoints:
            if c.casefold() not in known:
                raise ValidationError("checkpoint", f"no checkpoint named {c!r} at HQ")
    # The candidates: NEA registrations HQ accepted, by the day they were recorded (a day's margin on the text, then
    # each time parsed and compared exactly: a device writes UTC, HQ does not trust it did).
    found = conn.execute(
        sa.select(events.c.entity_id, events.c.recorded_at, checkpoints_t.c.name.label("checkpoint_name"))
        .join(devices, devices.c.device_id == events.c.device_id)
        .join(checkpoints_t, checkpoints_t.c.id == devices.c.checkpoint_id)
        .where(events.c.type == "nea.registered", events.c.entity_type == "person", events.c.ingest_seq.is_not(None),
               events.c.recorded_at >= text_lo, events.c.recorded_at < text_hi))
    persons = sorted({r.entity_id for r in found if (t := _when(r.recorded_at)) is not None and lo <= t < hi
                      and (not names or str(r.checkpoint_name).casefold() in names)})
    state: dict[str, _Person] = {}
    for ids in _chunks(persons):
        q = (sa.select(events.c.entity_id, events.c.type, events.c.payload, events.c.recorded_at, events.c.hlc,
                       checkpoints_t.c.name.label("checkpoint"))
             .join(devices, devices.c.device_id == events.c.device_id)
             .join(checkpoints_t, checkpoints_t.c.id == devices.c.checkpoint_id)
             .where(events.c.entity_id.in_(ids), events.c.entity_type == "person", events.c.type.in_(FOLD_TYPES),
                    events.c.ingest_seq.is_not(None))
             .order_by(events.c.ingest_seq))
        for ev in conn.execute(q).mappings():
            try:
                payload = json.loads(ev["payload"])
            except ValueError:
                continue
            if isinstance(payload, dict):
                _fold(state.setdefault(ev["entity_id"], _Person()), ev["type"], payload, ev)
    out: list[tuple[tuple[datetime, str], dict[str, Any]]] = []
    for p in state.values():
        standing = [c for c in p.consents if c["granted"] and not c["withdrawn"]]
        if not p.registered or p.voided or not standing:
            continue
        regs = [r for r in p.registrations if r["when"] is not None and lo <= r["when"] < hi
                and r["encounter_id"] not in p.voided_encounters
                and (not names or r["checkpoint"].casefold() in names)]
        if not regs:
            continue
        r = max(regs, key=lambda x: (x["when"], x["hlc"]))
        consent = max(standing, key=lambda c: _when(c["given_at"]) or datetime.min.replace(tzinfo=UTC))
        person = {k: _text(p.fields.get(k), 120) for k in _PERSON}
        out.append(((r["when"], r["hlc"]), nea_row(
            registration_id=r["id"], registered_at=r["registered_at"], checkpoint=r["checkpoint"], person=person,
            age=p.ages.get(r["encounter_id"]), data=r["data"], consent_given_by=consent["given_by"],
            consent_given_at=consent["given_at"])))
    out.sort(key=lambda x: x[0])
    return [row for _k, row in out]


def export(conn: Connection, start: date, end: date, *, checkpoints: Sequence[str] = ()) -> tuple[bytes, int]:
    """NEA's CSV (docs/exports/nea.md) across checkpoints: (bytes, rows)."""
    rows = export_rows(conn, start, end, checkpoints=checkpoints)
    return csv_bytes(rows), len(rows)
