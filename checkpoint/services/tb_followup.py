"""One open TB referral per person, and the health worker's follow-up list (issue 14).

A person with an open TB referral (a live health referral that still needs follow-up, ``model.referral.is_open``)
gets no second one: the health post's screen continues the open referral (``Health.screen`` says so in
``Screened.continued``), and a new health referral (``Referrals.add``) or a second transfer for treatment
(``Health.transfer``) is refused with ``OpenTBReferral``, a ConflictError whose message is fixed (translated by the
UI) and which names the open referral in ``.referral`` (id, facility code, stage, opened when) for the UI and the
CLI to show.

A diagnosed referral whose person was then transferred for treatment is handed over: the transfer is the open one.

    >>> rows = session.health.follow_up(overdue_days=7)      # doctest: +SKIP
    >>> [(r.facility, r.status, r.days_waiting, r.overdue) for r in rows]   # doctest: +SKIP
    [('KH02-PROVINCIAL-RH', 'referred', 9, True)]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import Any, Final

from checkpoint.errors import ConflictError
from checkpoint.model.referral import is_open
from checkpoint.screening.cascade import TB_TRANSFER_REASON
from checkpoint.services.base import row_dicts

__all__ = ["MSG_OPEN_TB_REFERRAL", "MSG_OPEN_TB_TRANSFER", "TB_TRANSFER_REASON", "FollowUpRow", "OpenTBReferral",
           "open_tb_referrals"]

MSG_OPEN_TB_REFERRAL: Final = "This person already has an open TB referral: continue it instead of opening another."
MSG_OPEN_TB_TRANSFER: Final = ("This person was already transferred for TB treatment and that referral is still "
                               "open: continue it instead of opening another.")
_NAMED = ("id", "agency_code", "status", "reason_code", "created_at", "encounter_id")


class OpenTBReferral(ConflictError):
    """A second TB referral was asked for while one is open; nothing was written. ``referral`` names the open one:
    ``id``, ``agency_code`` (facility), ``status`` (stage), ``reason_code``, ``created_at``, ``encounter_id``."""

    def __init__(self, message: str, referral: Mapping[str, Any]) -> None:
        super().__init__(message)
        self.referral = {k: referral.get(k) for k in _NAMED}


@dataclass(frozen=True)
class FollowUpRow:
    """One open TB referral on the health worker's follow-up list. ``days_waiting``: whole local days since its
    last step (or since it was opened); ``overdue`` when that is more than the list's limit."""

    referral_id: str
    person_id: str
    family_name: str
    given_names: str
    name_khmer: str
    sex: str
    home_province: str
    facility: str
    reason_code: str
    status: str
    opened_on: str
    last_step_on: str
    days_waiting: int
    overdue: bool


def _handed_over(rows: list[dict[str, Any]], transfers: list[tuple[str, str]]) -> set[str]:
    """Ids of diagnosed referrals whose person was transferred for treatment after them (``transfers``: person id
    and creation time of every live transfer, open or not): the transfer carries the follow-up from there."""
    latest: dict[str, str] = {}
    for pid, at in transfers:
        latest[pid] = max(at, latest.get(pid, ""))
    return {r["id"] for r in rows if r["reason_code"] != TB_TRANSFER_REASON and r["status"] == "diagnosed"
            and latest.get(r["person_id"], "") >= r["created_at"]}


def _transfers(db: Any, person_id: str | None = None) -> list[tuple[str, str]]:
    # One person's: by the person's index (``+kind``: the planner took the kind/status index and read every TB
    # referral of the store, 360 ms a registration at 1M persons).
    sql = ("SELECT person_id, created_at FROM referrals WHERE +kind = 'health' AND voided = 0 AND reason_code = ? "
           "AND person_id = ?" if person_id else
           "SELECT person_id, created_at FROM referrals WHERE kind = 'health' AND voided = 0 AND reason_code = ?")
    return [(p, a) for p, a in db.execute(sql, [TB_TRANSFER_REASON, *([person_id] if person_id else [])])]


def open_tb_referrals(db: Any, person_id: str) -> list[dict[str, Any]]:
    """The person's open TB referrals (live health referrals needing follow-up), oldest first, without the
    diagnosed ones a later transfer took over."""
    rows = row_dicts(db.execute(
        "SELECT * FROM referrals WHERE person_id = ? AND +kind = 'health' AND voided = 0 ORDER BY created_at, id",
        [person_id]))
    rows = [r for r in rows if is_open(r["status"], r["diagnosis"])]
    gone = _handed_over(rows, _transfers(db, person_id))
    return [r for r in rows if r["id"] not in gone]


def follow_up_rows(db: Any, *, today: date, tz: tzinfo, overdue_days: int,
                   overdue_only: bool) -> list[FollowUpRow]:
    """Every open TB referral of the store (persons and arrivals not voided), the longest waiting first."""
    rows = row_dicts(db.execute(
        "SELECT r.*, p.family_name, p.given_names, p.name_khmer, p.sex, p.home_province FROM referrals r "
        "JOIN persons p ON p.id = r.person_id JOIN encounters e ON e.id = r.encounter_id "
        "WHERE r.kind = 'health' AND r.voided = 0 AND p.voided = 0 AND e.voided = 0 "
        "AND r.status NOT IN ('treatment_started', 'lost_to_follow_up', 'closed') ORDER BY r.created_at, r.id"))
    rows = [r for r in rows if is_open(r["status"], r["diagnosis"])]
    gone = _handed_over(rows, _transfers(db))

    def day(ts: str) -> date:
        return datetime.fromisoformat(ts).astimezone(tz).date()

    out = []
    for r in rows:
        if r["id"] in gone:
            continue
        last = day(r["updated_at"] or r["created_at"])
        waiting = max(0, (today - last).days)
        if overdue_only and waiting <= overdue_days:
            continue
        out.append(FollowUpRow(r["id"], r["person_id"], r["family_name"], r["given_names"], r["name_khmer"],
                               r["sex"], r["home_province"] or "", r["agency_code"], r["reason_code"], r["status"],
                               day(r["created_at"]).isoformat(), last.isoformat(), waiting, waiting > overdue_days))
    out.sort(key=lambda f: (-f.days_waiting, f.opened_on, f.referral_id))
    return out
