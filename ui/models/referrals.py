"""Health (TB) referrals as a table, and the translated labels of referral stages and results.

    model = ReferralsModel()
    model.replace_rows(session.referrals.list(kind="health"))   # rows as the service returns them
    model.data(model.index(0, ReferralsModel.Column.STAGE))     # "Arrived at the facility"

``RecordTableModel`` is the small base shared with the users and review tables: one dict per row (the service's
row dataclasses are turned into dicts as they arrive), a named
column enum, custom roles for the record, its id and a sort key, and ``replace_rows`` that emits the least it
can (``dataChanged`` for rows that changed, ``rowsRemoved`` when rows only went away, a reset otherwise).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from enum import IntEnum
from typing import Any

from checkpoint.model.referral import CXR_RESULTS, DIAGNOSES, HEALTH_STAGES, STATUSES, XPERT_RESULTS
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from ui.text import code_label, local_date

__all__ = ["CXR_LABELS", "DIAGNOSIS_LABELS", "FIELD_TITLES", "STAGE_LABELS", "XPERT_LABELS", "RecordTableModel",
           "ReferralsModel", "field_title", "result_label", "stage_label", "stages_after"]

_CTX = "Referral"

# Referral status -> label (the TB cascade, spec §3.4). Marked for lupdate, translated where shown.
STAGE_LABELS: dict[str, str] = {
    "referred": QT_TRANSLATE_NOOP("Referral", "Referred"),
    "arrived": QT_TRANSLATE_NOOP("Referral", "Arrived at the facility"),
    "cxr_done": QT_TRANSLATE_NOOP("Referral", "Chest X-ray done"),
    "xpert_done": QT_TRANSLATE_NOOP("Referral", "Xpert test done"),
    "diagnosed": QT_TRANSLATE_NOOP("Referral", "Diagnosed"),
    "treatment_started": QT_TRANSLATE_NOOP("Referral", "Treatment started"),
    "lost_to_follow_up": QT_TRANSLATE_NOOP("Referral", "Lost to follow-up"),
    "closed": QT_TRANSLATE_NOOP("Referral", "Closed"),
}
CXR_LABELS: dict[str, str] = {
    "NORMAL": QT_TRANSLATE_NOOP("Referral", "Normal"),
    "ABNORMAL_SUGGESTIVE": QT_TRANSLATE_NOOP("Referral", "Abnormal, suggestive of TB"),
    "ABNORMAL_OTHER": QT_TRANSLATE_NOOP("Referral", "Abnormal, not suggestive of TB"),
}
XPERT_LABELS: dict[str, str] = {
    "MTB_NOT_DETECTED": QT_TRANSLATE_NOOP("Referral", "MTB not detected"),
    "MTB_DETECTED_RIF_NOT_DETECTED": QT_TRANSLATE_NOOP("Referral", "MTB detected, rifampicin resistance not detected"),
    "MTB_DETECTED_RIF_DETECTED": QT_TRANSLATE_NOOP("Referral", "MTB detected, rifampicin resistance detected"),
    "MTB_DETECTED_RIF_INDETERMINATE": QT_TRANSLATE_NOOP("Referral",
                                                        "MTB detected, rifampicin resistance indeterminate"),
    "ERROR_INVALID_NO_RESULT": QT_TRANSLATE_NOOP("Referral", "Error, invalid or no result"),
}
DIAGNOSIS_LABELS: dict[str, str] = {
    "BACT_CONFIRMED": QT_TRANSLATE_NOOP("Referral", "Bacteriologically confirmed TB"),
    "CLINICALLY_DIAGNOSED": QT_TRANSLATE_NOOP("Referral", "Clinically diagnosed TB"),
    "NOT_TB": QT_TRANSLATE_NOOP("Referral", "Not TB"),
}
_RESULT_LABELS = {"cxr_result": CXR_LABELS, "xpert_result": XPERT_LABELS, "diagnosis": DIAGNOSIS_LABELS}

# Every code the core knows has a label here (a new code without one fails at import, not on screen).
for _codes, _labels in ((STATUSES, STAGE_LABELS), (CXR_RESULTS, CXR_LABELS), (XPERT_RESULTS, XPERT_LABELS),
                        (DIAGNOSES, DIAGNOSIS_LABELS)):
    if set(_codes) != set(_labels):
        raise RuntimeError(f"referral labels out of step with checkpoint.model.referral: {sorted(_codes)}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def stage_label(status: str) -> str:
    return _tr(STAGE_LABELS[status]) if status in STAGE_LABELS else status


def result_label(field: str, code: str) -> str:
    """Translated label of a CXR result, Xpert result or diagnosis code ("" for none)."""
    if not code:
        return ""
    labels = _RESULT_LABELS.get(field, {})
    return _tr(labels[code]) if code in labels else code


def as_row(record: Any) -> dict[str, Any]:
    """A row dict from a service's row dataclass (``UserAccount``, ``ReferralRow``...) or a mapping."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
    return dict(record)


class RecordTableModel(QAbstractTableModel):
    """Rows are dicts with an ``id``; subclasses set ``Column`` and implement ``header`` and ``display``."""

    RowRole = int(Qt.ItemDataRole.UserRole) + 1     # the row's dict (a copy)
    IdRole = int(Qt.ItemDataRole.UserRole) + 2      # the row's id (str)
    SortKeyRole = int(Qt.ItemDataRole.UserRole) + 3  # a sort key for the cell (str or int)

    Column: type[IntEnum]
    ID_KEY = "id"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    # -- reading
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.Column):
            return self.header(self.Column(section))
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def header(self, column: IntEnum) -> str:
        raise NotImplementedError

    def display(self, row: dict[str, Any], column: IntEnum) -> str:
        raise NotImplementedError

    def sort_key(self, row: dict[str, Any], column: IntEnum) -> Any:
        return self.display(row, column)

    def tooltip(self, row: dict[str, Any], column: IntEnum) -> str | None:
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.Column):
            return None
        row = self._rows[index.row()]
        column = self.Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == self.RowRole:
            return dict(row)
        if role == self.IdRole:
            return row[self.ID_KEY]
        if role == self.SortKeyRole:
            return self.sort_key(row, column)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def record(self, row: int) -> dict[str, Any] | None:
        return dict(self._rows[row]) if 0 <= row < len(self._rows) else None

    def ids(self) -> list[str]:
        return [r[self.ID_KEY] for r in self._rows]

    def row_of(self, record_id: str) -> int:
        for i, r in enumerate(self._rows):
            if r[self.ID_KEY] == record_id:
                return i
        return -1

    # -- writing
    def replace_rows(self, rows: Iterable[Any]) -> None:
        """Show ``rows`` (dicts, or the services' row dataclasses). Same ids in the same order: ``dataChanged`` for
        each changed row only; some rows gone and nothing else different: ``rowsRemoved``; anything else: a model
        reset."""
        new = [as_row(r) for r in rows]
        old_ids = self.ids()
        new_ids = [r[self.ID_KEY] for r in new]
        if new_ids == old_ids:
            for i, r in enumerate(new):
                if r != self._rows[i]:
                    self._rows[i] = r
                    self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.Column) - 1))
            return
        kept = set(new_ids)
        if set(old_ids) > kept and [i for i in old_ids if i in kept] == new_ids:
            self.remove_ids(set(old_ids) - kept)
            self.replace_rows(new)   # now the same ids: emits dataChanged for rows that changed meanwhile
            return
        self.beginResetModel()
        self._rows = new
        self.endResetModel()

    def update_row(self, record_id: str, changes: Mapping[str, Any]) -> bool:
        """Merge ``changes`` into one row and emit ``dataChanged`` for it; False if the row is not shown."""
        i = self.row_of(record_id)
        if i < 0:
            return False
        self._rows[i] = {**self._rows[i], **changes}
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.Column) - 1))
        return True

    def remove_ids(self, ids: Iterable[str]) -> None:
        """Remove these rows, one contiguous block at a time (bottom up, so indexes stay valid)."""
        gone = set(ids)
        i = len(self._rows) - 1
        while i >= 0:
            if self._rows[i][self.ID_KEY] in gone:
                end = i
                while i - 1 >= 0 and self._rows[i - 1][self.ID_KEY] in gone:
                    i -= 1
                self.beginRemoveRows(QModelIndex(), i, end)
                del self._rows[i:end + 1]
                self.endRemoveRows()
            i -= 1


class ReferralsModel(RecordTableModel):
    """Health referrals: one row per referral as ``session.referrals.list(kind="health")`` returns them."""

    class Column(IntEnum):
        NAME = 0
        NAME_KHMER = 1
        REFERRED = 2
        FACILITY = 3
        URGENCY = 4
        STAGE = 5

    def header(self, column: IntEnum) -> str:
        c = self.Column
        return {c.NAME: self.tr("Name"), c.NAME_KHMER: self.tr("Name in Khmer"), c.REFERRED: self.tr("Referred"),
                c.FACILITY: self.tr("Facility"), c.URGENCY: self.tr("Urgency"), c.STAGE: self.tr("Stage")}[column]

    def display(self, row: dict[str, Any], column: IntEnum) -> str:
        c = self.Column
        if column == c.NAME:
            return " ".join(x for x in (row.get("family_name") or "", row.get("given_names") or "") if x)
        if column == c.NAME_KHMER:
            return row.get("name_khmer") or ""
        if column == c.REFERRED:
            return local_date(row.get("created_at"))
        if column == c.FACILITY:
            return code_label("health_facilities", row.get("agency_code"))
        if column == c.URGENCY:
            return code_label("referral_urgencies", row.get("urgency"))
        status = row.get("status") or ""
        if status == "lost_to_follow_up" and row.get("lost_to_follow_up_stage"):
            return self.tr("Lost to follow-up (after: %1)").replace("%1",
                                                                    stage_label(row["lost_to_follow_up_stage"]))
        return stage_label(status)

    def sort_key(self, row: dict[str, Any], column: IntEnum) -> Any:
        c = self.Column
        if column == c.REFERRED:
            return row.get("created_at") or ""
        if column == c.URGENCY:
            ranks = {"IMMEDIATE_DANGER": 0, "SAME_DAY": 1, "ROUTINE": 2}
            return ranks.get(row.get("urgency") or "", 3)
        if column == c.STAGE:
            order = (*HEALTH_STAGES, "lost_to_follow_up", "closed")
            s = row.get("status") or ""
            return order.index(s) if s in order else len(order)
        return self.display(row, column)

    def tooltip(self, row: dict[str, Any], column: IntEnum) -> str | None:
        if column in (self.Column.FACILITY, self.Column.URGENCY):
            return self.display(row, column) or None
        if column != self.Column.STAGE:
            return None
        parts = [f"{field_title(f)}: {result_label(f, row.get(f) or '')}"
                 for f in ("cxr_result", "xpert_result", "diagnosis") if row.get(f)]
        if row.get("treatment_started_at"):
            parts.append(f"{field_title('treatment_started_at')}: {row['treatment_started_at']}")
        return "\n".join(parts) or None


FIELD_TITLES: dict[str, str] = {
    "cxr_result": QT_TRANSLATE_NOOP("Referral", "Chest X-ray result"),
    "xpert_result": QT_TRANSLATE_NOOP("Referral", "Xpert result"),
    "diagnosis": QT_TRANSLATE_NOOP("Referral", "Diagnosis"),
    "treatment_started_at": QT_TRANSLATE_NOOP("Referral", "Treatment started on"),
    "treatment_facility": QT_TRANSLATE_NOOP("Referral", "Treatment facility"),
}


def field_title(name: str) -> str:
    """Translated title of a follow-up field (for summaries and tooltips)."""
    return _tr(FIELD_TITLES[name]) if name in FIELD_TITLES else name


def stages_after(status: str) -> Sequence[str]:
    """Stages a referral at ``status`` may be moved to from the follow-up form (its own stage included, so a
    missing result can still be added), then lost to follow-up. Empty when the referral is closed."""
    if status not in HEALTH_STAGES:
        return ()
    i = HEALTH_STAGES.index(status)
    return (*(s for s in HEALTH_STAGES[max(i, 1):]), "lost_to_follow_up")
