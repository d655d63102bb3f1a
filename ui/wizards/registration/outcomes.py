"""Screen outcomes as an officer reads them (context "Outcome"); shared by the wizard and the home page.

    outcome_text("PRESUMPTIVE_TB_REFER")   # "Presumptive TB — refer the same day for chest X-ray and Xpert"
"""

from __future__ import annotations

from ui.messages import tr
from ui.qt import QT_TRANSLATE_NOOP

__all__ = ["OUTCOMES", "outcome_text"]

OUTCOMES = {
    "PRESUMED_VICTIM": QT_TRANSLATE_NOOP("Outcome", "Indicators of trafficking present — refer"),
    "NOT_INDICATED": QT_TRANSLATE_NOOP("Outcome", "Combination of indicators not met"),
    "PRESUMPTIVE_TB_REFER": QT_TRANSLATE_NOOP("Outcome",
                                              "Presumptive TB — refer the same day for chest X-ray and Xpert"),
    "HIGH_RISK_REFER_CXR": QT_TRANSLATE_NOOP("Outcome", "No symptoms but at high risk — refer for chest X-ray"),
    "SCREEN_NEGATIVE": QT_TRANSLATE_NOOP("Outcome", "TB screen negative"),
    "NOT_SCREENED": QT_TRANSLATE_NOOP("Outcome", "Checklist not asked — not screened (this is not a finding)"),
}


def outcome_text(outcome: str) -> str:
    """Wording for results on screen. Never 'victim' (spec: indicators of trafficking present — refer)."""
    return tr("Outcome", OUTCOMES[outcome]) if outcome in OUTCOMES else outcome
