"""Withdraw one consent (issue 12, point 5): which consent of which arrival, and why. A withdrawal is an event:
exports, HQ's routing, slips and figures honour it from then on."""

from __future__ import annotations

from typing import Any

from ui.dialogs.corrections import ReasonDialog
from ui.qt import QComboBox, QCoreApplication, QLabel, Qt, QWidget
from ui.views.person_record import consent_record_text

__all__ = ["WithdrawDialog", "withdraw_choices"]

LEGACY = ("screening", "referral", "sharing")        # the consents of records made before issue 12


def withdraw_choices(record: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(label, encounter id, purpose, agency) of each consent given and not withdrawn, newest arrival first."""
    out: list[tuple[str, str, str, str]] = []
    for e in reversed(record.get("encounters") or []):
        if e.get("voided"):
            continue
        recs = e.get("consent_records") or []
        for c in recs:
            if c.get("granted") and not c.get("withdrawn_at"):
                out.append((consent_record_text(c), e["id"], c["purpose"], c.get("target") or ""))
        have = {(c["purpose"], c.get("target") or "") for c in recs}
        for p in LEGACY:
            if (e.get("consents") or {}).get(p) and (p, "") not in have:
                text = consent_record_text({"purpose": p, "granted": True})
                out.append((text, e["id"], p, ""))
    return out


class WithdrawDialog(ReasonDialog):
    def __init__(self, choices: list[tuple[str, str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("WithdrawDialog", "Withdraw a consent"),
                         QCoreApplication.translate("WithdrawDialog", "Withdraw"), parent)
        self.consent = QComboBox()
        self.consent.setObjectName("consent")
        self.consent.setAccessibleName(self.tr("Consent to withdraw"))
        for text, eid, purpose, target in choices:
            self.consent.addItem(text, (eid, purpose, target))
        note = QLabel(self.tr("From now on the record is not shared, exported or printed for this purpose. The "
                              "arrival itself stays on record."))
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        self.form.addRow(note)
        self.form.addRow(self.tr("Consent"), self.consent)
        self.add_reason_row()

    def values(self) -> dict[str, Any]:
        eid, purpose, target = self.consent.currentData()
        return {"encounter_id": eid, "purpose": purpose, "target": target, **super().values()}
