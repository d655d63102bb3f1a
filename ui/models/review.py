"""Arrivals waiting for a supervisor's review, as a table (the Review tab).

    model = ReviewModel()
    model.replace_rows(session.review.pending(limit=200))     # PendingArrival rows, one per encounter
    model.ids()                                               # encounter ids, in the order shown
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from ui.models.table import RecordTableModel
from ui.text import local_datetime

__all__ = ["ReviewModel"]


class ReviewModel(RecordTableModel):
    """Arrivals pending review, as ``session.review.pending`` returns them (one row per encounter)."""

    ID_KEY = "encounter_id"

    class Column(IntEnum):
        ARRIVED = 0
        NAME = 1
        NAME_KHMER = 2
        OFFICER = 3

    def header(self, column: IntEnum) -> str:
        c = self.Column
        return {c.ARRIVED: self.tr("Arrived"), c.NAME: self.tr("Name"), c.NAME_KHMER: self.tr("Name in Khmer"),
                c.OFFICER: self.tr("Registered by")}[self.Column(column)]

    def display(self, row: dict[str, Any], column: IntEnum) -> str:
        c = self.Column
        if column == c.ARRIVED:
            return local_datetime(row.get("arrival_at"))
        if column == c.NAME:
            return " ".join(x for x in (row.get("family_name") or "", row.get("given_names") or "") if x)
        if column == c.NAME_KHMER:
            return row.get("name_khmer") or ""
        return row.get("officer") or ""

    def sort_key(self, row: dict[str, Any], column: IntEnum) -> Any:
        if column == self.Column.ARRIVED:
            return row.get("arrival_at") or ""
        return self.display(row, column)
