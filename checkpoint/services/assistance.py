"""Assistance handed out at the transit centre (issue 13): water, meals, kits, transport, cash, a night's shelter.

    >>> session.assistance.give(person_id, "WATER", 2, provider="IOM")                     # doctest: +SKIP
    >>> session.assistance.received(person_id)["today"]        # [{"item_code": "WATER", ...}]  # doctest: +SKIP
    >>> session.assistance.figures(date(2026, 12, 1), date(2026, 12, 31))                   # doctest: +SKIP

The items are content (code list ``assistance_items``: kind, unit, the most one handing-out may record, whether it
is a cash grant); HQ extends the list by reference data. The provider is an agency of the ``agencies`` list (IOM,
DoSVY, an NGO HQ adds). Each handing-out is a person event (``assistance.given``) that travels with the person's
record, so what a person received shows on every laptop of the checkpoint once they sync.

The site sets caps per item and the cash-grant period (``set_policy``, store meta ``assistance_policy``). A second
cash grant to the same person inside the period is refused with ``CashGrantRefused`` naming the first payment,
unless a supervisor overrides with a reason (kept in the event). Voids and corrections take a reason.

Who: officers and supervisors (they work the assistance desk); a health worker and an administrator may not give
nor see it. Figures (counts by kind and provider, sex, child/adult; no names) need STATS (supervisors).
Raises PermissionDenied, NotFound, ValidationError (nothing written), CashGrantRefused.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from checkpoint import codelists
from checkpoint.errors import ConflictError, NotFound, ValidationError
from checkpoint.events import uuid7
from checkpoint.model.roles import Permission
from checkpoint.services.base import Context, check_id, check_reason, row_dicts
from checkpoint.services.changes import Changes

__all__ = ["DEFAULT_CASH_PERIOD_DAYS", "UNITS", "Assistance", "CashGrantRefused", "Item", "items"]

UNITS = ("meal", "kit", "ticket", "bottle", "night", "KHR", "USD")
MONEY_UNITS = ("KHR", "USD")
KINDS = ("FOOD_WATER", "NON_FOOD", "TRANSPORT", "CASH", "SHELTER", "MEDICAL", "OTHER")
DEFAULT_CASH_PERIOD_DAYS = 30
META_POLICY = "assistance_policy"
MAX_PERIOD_DAYS = 3660


@dataclass(frozen=True)
class Item:
    """One assistance item of the content: its code, labels, kind, unit, the most one handing-out may record."""

    code: str
    label_en: str
    label_km: str
    kind: str
    unit: str
    max_quantity: float
    cash_grant: bool
    key: str
    default_provider: str


class CashGrantRefused(ConflictError):
    """A second cash grant inside the site's period: ``first`` is the earlier payment (id, date, amount, unit,
    provider) the message names."""

    def __init__(self, first: dict[str, Any], period_days: int) -> None:
        self.first = first
        self.period_days = period_days
        amount = _fmt(first["quantity"])
        super().__init__(
            f"A cash grant was already given to this person on {first['given_at'][:10]} ({amount} {first['unit']}, "
            f"{first['provider']}), less than {period_days} days ago. A supervisor may override with a reason.")


def _fmt(q: float) -> str:
    return str(int(q)) if float(q).is_integer() else f"{q:.2f}"


def _item(c: codelists.Code) -> Item | None:
    """An item of the content, or None when its entry is not usable (an unknown unit or kind, no sane maximum):
    such an entry from HQ's content is never offered and a give naming it is refused as unknown."""
    x = c.extra
    unit, kind, mx = x.get("unit"), x.get("kind"), x.get("max_quantity")
    if unit not in UNITS or kind not in KINDS or isinstance(mx, bool) or not isinstance(mx, int | float):
        return None
    if not (0 < mx < 1e9):
        return None
    prov = x.get("default_provider")
    key = x.get("key")
    return Item(c.code, c.label_en, c.label_km, str(kind), str(unit), float(mx), x.get("cash_grant") is True,
                key if isinstance(key, str) and len(key) <= 1 else "",
                prov if isinstance(prov, str) and codelists.is_valid("agencies", prov) else "")


def items(lists: codelists.CodeLists | None = None) -> tuple[Item, ...]:
    """The usable, active assistance items of the content (shipped, or ``lists`` with HQ's override)."""
    cl = lists or codelists.DEFAULT
    out = []
    for c in cl.codes("assistance_items"):
        it = _item(c)
        if it is not None:
            out.append(it)
    return tuple(out)


class Assistance:
    """``session.assistance``: give, void, correct, what a person received, the site's policy, figures."""

    def __init__(self, ctx: Context, lists: codelists.CodeLists | None = None) -> None:
        self._ctx = ctx
        self.lists = lists or codelists.DEFAULT

    # ------------------------------------------------------------------ content and policy
    def items(self) -> tuple[Item, ...]:
        return items(self.lists)

    def item(self, code: object) -> Item:
        for it in self.items():
            if it.code == code:
                return it
        raise ValidationError("item", "is not an assistance item")

    def providers(self) -> tuple[codelists.Code, ...]:
        """The agencies that may hand out assistance (the agency list, HQ's NGOs included)."""
        return self.lists.agencies()

    def policy(self) -> dict[str, Any]:
        """The site's cash-grant period (days) and caps per item code (as set by a supervisor)."""
        raw = self._ctx.store.meta(META_POLICY) or ""
        try:
            p = json.loads(raw) if raw else {}
        except ValueError:
            p = {}
        period = p.get("cash_period_days") if isinstance(p, dict) else None
        caps = p.get("caps") if isinstance(p, dict) else None
        return {"cash_period_days": period if isinstance(period, int) and 0 <= period <= MAX_PERIOD_DAYS
                else DEFAULT_CASH_PERIOD_DAYS,
                "caps": {k: float(v) for k, v in (caps or {}).items()
                         if isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)}}

    def set_policy(self, *, cash_period_days: int, caps: dict[str, float] | None = None) -> Changes:
        """Set the site's cash-grant period and per-item caps (supervisors). Raises ValidationError."""
        ctx = self._ctx
        ctx.require(Permission.SITE_SETTINGS)
        if isinstance(cash_period_days, bool) or not isinstance(cash_period_days, int) or \
                not 0 <= cash_period_days <= MAX_PERIOD_DAYS:
            raise ValidationError("cash_period_days", "must be a number of days from 0 to 3660")
        clean: dict[str, float] = {}
        for code, cap in (caps or {}).items():
            it = self.item(code)
            if isinstance(cap, bool) or not isinstance(cap, int | float) or not math.isfinite(cap) or cap <= 0 \
                    or cap > it.max_quantity:
                raise ValidationError("cap", "must be more than zero and at most the item's maximum")
            clean[it.code] = float(cap)
        value = {"cash_period_days": cash_period_days, "caps": clean}
        with ctx.store.write():
            ctx.store.set_meta(META_POLICY, json.dumps(value, sort_keys=True))
            ctx.store.record("site.assistance_policy_set", "store", ctx.store.meta("store_id") or ctx.store.device_id,
                             value, author=ctx.user.id)
        return Changes(events=True)

    # ------------------------------------------------------------------ writes
    def _person(self, person_id: str) -> str:
        pid = check_id(person_id, "person_id")
        row = self._ctx.db.execute("SELECT voided FROM persons WHERE id = ?", [pid]).fetchone()
        if row is None or row[0]:
            raise NotFound("No such person.")
        return pid

    def _quantity(self, it: Item, quantity: object) -> float:
        if isinstance(quantity, bool) or not isinstance(quantity, int | float) or not math.isfinite(quantity):
            raise ValidationError("quantity", "must be a number")
        q = float(quantity)
        if q <= 0:
            raise ValidationError("quantity", "must be more than zero")
        if it.unit not in MONEY_UNITS and not q.is_integer():
            raise ValidationError("quantity", "must be a whole number for this item")
        cap = min(it.max_quantity, self.policy()["caps"].get(it.code, it.max_quantity))
        if q > cap:
            raise ValidationError("quantity", "is more than this site allows for this item")
        return q

    def _provider(self, it: Item, provider: object) -> str:
        p = provider if provider not in (None, "") else it.default_provider
        if not isinstance(p, str) or not self.lists.is_valid("agencies", p):
            raise ValidationError("provider", "is not an agency of the list")
        return p

    def first_cash_grant(self, person_id: str) -> dict[str, Any] | None:
        """The person's cash grant inside the site's period (the earliest not voided), or None."""
        ctx = self._ctx
        days = self.policy()["cash_period_days"]
        if days == 0:
            return None
        since = (ctx.store.clock.now() - timedelta(days=days)).isoformat(timespec="milliseconds")
        rows = row_dicts(ctx.db.execute(
            "SELECT id, item_code, quantity, unit, provider, given_at, given_by FROM assistance WHERE person_id = ? "
            "AND cash_grant = 1 AND voided = 0 AND given_at >= ? ORDER BY given_at LIMIT 1", [person_id, since]))
        return rows[0] if rows else None

    def give(self, person_id: str, item_code: str, quantity: float, *, provider: str = "",
             override_reason: str = "") -> Changes:
        """Record that the person received ``quantity`` of an item (a number of units, or an amount of money) from
        ``provider`` (the item's usual provider when empty). A second cash grant inside the site's period raises
        CashGrantRefused unless a supervisor gives ``override_reason``. Returns Changes with ids["assistance"]."""
        ctx = self._ctx
        ctx.require(Permission.GIVE_ASSISTANCE)
        it = self.item(item_code)
        q = self._quantity(it, quantity)
        prov = self._provider(it, provider)
        pid = self._person(person_id)
        override: dict[str, str] = {}
        if it.cash_grant:
            first = self.first_cash_grant(pid)
            if first is not None:
                if not override_reason:
                    raise CashGrantRefused(first, self.policy()["cash_period_days"])
                ctx.require(Permission.OVERRIDE_ASSISTANCE)
                override = {"of": first["id"], "reason": check_reason(override_reason)}
        aid = uuid7(int(ctx.store.clock.now().timestamp() * 1000))
        payload: dict[str, Any] = {"assistance": {
            "id": aid, "item_code": it.code, "kind": it.kind, "unit": it.unit, "quantity": q, "provider": prov,
            "cash_grant": it.cash_grant, "content_version": self.lists.version("assistance_items")}}
        if override:
            payload["assistance"]["override"] = override
        with ctx.store.write():
            ctx.store.record("assistance.given", "person", pid, payload, author=ctx.user.id)
        return Changes(events=True, ids={"assistance": aid, "person": pid})

    def _record(self, assistance_id: str) -> dict[str, Any]:
        rows = row_dicts(self._ctx.db.execute("SELECT * FROM assistance WHERE id = ?",
                                              [check_id(assistance_id, "assistance_id")]))
        if not rows:
            raise NotFound("No such assistance record.")
        return rows[0]

    def void(self, assistance_id: str, reason: str) -> Changes:
        """Void a handing-out recorded in error (it stays in the history, marked void, with the reason)."""
        ctx = self._ctx
        ctx.require(Permission.GIVE_ASSISTANCE)
        rec = self._record(assistance_id)
        r = check_reason(reason)
        if rec["voided"]:
            raise ConflictError("This assistance record is already void.")
        with ctx.store.write():
            ctx.store.record("assistance.voided", "person", rec["person_id"],
                             {"assistance_id": rec["id"], "reason": r}, author=ctx.user.id)
        return Changes(events=True, ids={"assistance": rec["id"]})

    def correct(self, assistance_id: str, *, quantity: float | None = None, provider: str | None = None,
                reason: str) -> Changes:
        """Correct the quantity (or amount) or the provider of a handing-out, with a reason."""
        ctx = self._ctx
        ctx.require(Permission.GIVE_ASSISTANCE)
        rec = self._record(assistance_id)
        r = check_reason(reason)
        if rec["voided"]:
            raise ConflictError("This assistance record is void.")
        it = self.item(rec["item_code"])
        changes: dict[str, Any] = {}
        if quantity is not None:
            changes["quantity"] = self._quantity(it, quantity)
        if provider is not None:
            changes["provider"] = self._provider(it, provider)
        if not changes:
            raise ValidationError("changes", "nothing to correct")
        with ctx.store.write():
            ctx.store.record("assistance.corrected", "person", rec["person_id"],
                             {"assistance_id": rec["id"], "changes": changes, "reason": r}, author=ctx.user.id)
        return Changes(events=True, ids={"assistance": rec["id"]})

    # ------------------------------------------------------------------ reads
    def received(self, person_id: str) -> dict[str, list[dict[str, Any]]]:
        """What the person received: ``today`` (the site's day) and ``ever``, newest first, voids included and
        marked (from this device and from the others once synced)."""
        ctx = self._ctx
        ctx.require(Permission.GIVE_ASSISTANCE)
        pid = self._person(person_id)
        rows = row_dicts(ctx.db.execute(
            "SELECT id, item_code, kind, unit, quantity, provider, cash_grant, given_by, given_at, device_id, "
            "override_of, override_reason, voided, void_reason, corrected_at, correction_reason FROM assistance "
            "WHERE person_id = ? ORDER BY given_at DESC, hlc DESC", [pid]))
        ctx.audit_read("assistance", 1)
        today = ctx.today()
        tz = ctx.site.tz
        todays = [r for r in rows if datetime.fromisoformat(r["given_at"]).astimezone(tz).date() == today]
        return {"today": todays, "ever": rows}

    def figures(self, start: date, end: date) -> dict[str, Any]:
        """Assistance handed out from ``start`` to ``end`` (the site's days, both included), voids left out: the
        number of handings-out, of persons, and quantities, by kind and provider, by item, by sex and child/adult.
        No names. Supervisors (STATS)."""
        ctx = self._ctx
        ctx.require(Permission.STATS)
        if not isinstance(start, date) or not isinstance(end, date) or end < start:
            raise ValidationError("period", "the end must not be before the start")
        tz = ctx.site.tz
        lo = datetime.combine(start, time.min, tz).isoformat(timespec="milliseconds")
        hi = datetime.combine(end + timedelta(days=1), time.min, tz).isoformat(timespec="milliseconds")
        rows = ctx.db.execute(
            "SELECT a.person_id, a.item_code, a.kind, a.unit, a.quantity, a.provider, a.given_at, p.sex, "
            "p.date_of_birth, (SELECT e.age_at_arrival FROM encounters e WHERE e.person_id = a.person_id "
            "ORDER BY e.arrival_at DESC LIMIT 1) FROM assistance a JOIN persons p ON p.id = a.person_id "
            "WHERE a.voided = 0 AND a.given_at >= ? AND a.given_at < ?", [lo, hi]).fetchall()
        out: dict[str, Any] = {"start": start.isoformat(), "end": end.isoformat(), "given": 0, "persons": 0,
                               "by_kind_provider": {}, "by_item": {}, "by_sex_age": {}}
        persons: set[str] = set()
        for pid, code, kind, unit, qty, prov, at, sex, dob, age in rows:
            out["given"] += 1
            persons.add(pid)
            kp = out["by_kind_provider"].setdefault(f"{kind}|{prov}", {"kind": kind, "provider": prov, "given": 0,
                                                                       "persons": set()})
            kp["given"] += 1
            kp["persons"].add(pid)
            bi = out["by_item"].setdefault(code, {"unit": unit, "given": 0, "quantity": 0.0})
            bi["given"] += 1
            bi["quantity"] += qty
            group = _age_group(age, dob, at)
            sa = out["by_sex_age"].setdefault(f"{sex}|{group}", {"sex": sex, "age_group": group, "given": 0,
                                                                 "persons": set()})
            sa["given"] += 1
            sa["persons"].add(pid)
        out["persons"] = len(persons)
        for key in ("by_kind_provider", "by_sex_age"):
            out[key] = [{**v, "persons": len(v["persons"])} for _, v in sorted(out[key].items())]
        return out


def _age_group(age: int | None, dob: str | None, at: str) -> str:
    """child (under 18), adult, or unknown, at the arrival (or from the date of birth at the handing-out)."""
    if age is None and dob:
        try:
            b, d = date.fromisoformat(dob[:10]), date.fromisoformat(at[:10])
            age = d.year - b.year - ((d.month, d.day) < (b.month, b.day))
        except ValueError:
            age = None
    if age is None:
        return "unknown"
    return "child" if age < 18 else "adult"
