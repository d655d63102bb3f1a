"""Health (TB) referrals as a table, and the translated labels of referral stages and results.

    model = ReferralsModel()
    model.replace_rows(session.referrals.list(kind="health"))   # rows as the service returns them
    model.data(model.index(0, ReferralsModel.Column.STAGE))     # "Arrived at the facility"

The model is a ``ui.models.table.RecordTableModel`` (named columns, row/id/sort-key roles, partial updates).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from checkpoint.model.referral import CXR_RESULTS, DIAGNOSES, HEALTH_STAGES, STATUSES, XPERT_RESULTS
from ui.models.table import RecordTableModel
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
)
from ui.text import code_label, local_date

__all__ = ["CXR_LABELS", "DIAGNOSIS_LABELS", "FIELD_TITLES", "STAGE_LABELS", "XPERT_LABELS",
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
    "MTB_DETECTED_TRACE": QT_TRANSLATE_NOOP("Referral", "MTB detected, trace (rifampicin resistance indeterminate)"),
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


class ReferralsModel(RecordTableModel):
    """Health referrals: one row per referral as ``session.referrals.list(kind="health")`` returns them."""

    class Column(IntEnum):
        NAME = 0
        NAME_KHMER = 1
        REFERRED = 2
        FACILITY = 3
        URGENCY = 4
        STAGE = 5

    PLACE_COLUMNS = frozenset({Column.FACILITY})

    def header(self, column: IntEnum) -> str:
        c = self.Column
        titles = {c.NAME: self.tr("Name"), c.NAME_KHMER: self.tr("Name in Khmer"), c.REFERRED: self.tr("Referred"),
                  c.FACILITY: self.tr("Facility"), c.URGENCY: self.tr("Urgency"), c.STAGE: self.tr("Stage")}
        return titles[self.Column(column)]

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
        """The cell's full text; for the stage, also the results recorded so far."""
        if column != self.Column.STAGE:
            return super().tooltip(row, column)
        parts = [self.display(row, column)] + [f"{field_title(f)}: {result_label(f, row.get(f) or '')}"
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
