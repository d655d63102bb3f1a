"""The stages a partner organisation records when it follows up a referral (issue 16 point 3), shared by HQ (which
writes them as ``referral.partner_stage`` events) and the device (which applies them when it pulls). Pure.

    >>> check_stage("closed", "reintegrated")
    ('closed', 'reintegrated')
    >>> STAGE_LABELS["arrived"]
    'Person arrived'

Raises ValidationError for an unknown stage, a closing without an outcome, or an outcome on another stage.
"""

from __future__ import annotations

from typing import Any, Final

from checkpoint.errors import ValidationError

__all__ = ["HQ_DEVICE_ID", "OUTCOMES", "OUTCOME_LABELS", "STAGES", "STAGE_LABELS", "check_stage"]

# The author device of events HQ itself writes (a partner's stages): no enrolled device has this id.
HQ_DEVICE_ID: Final = "hq"

STAGE_LABELS: Final = {
    "received": "Referral received",
    "arrived": "Person arrived",
    "assessed": "Assessed",
    "assistance_given": "Assistance given",
    "shelter": "In shelter",
    "family_tracing": "Family tracing",
    "reintegration_plan": "Reintegration plan",
    "closed": "Closed",
    "did_not_arrive": "Did not arrive",
}
STAGES: Final = tuple(STAGE_LABELS)
OUTCOME_LABELS: Final = {
    "reintegrated": "Reintegrated with family or community",
    "assistance_completed": "Assistance completed",
    "transferred": "Transferred to another organisation",
    "declined": "The person declined assistance",
    "lost_contact": "Contact lost",
    "other": "Other",
}
OUTCOMES: Final = tuple(OUTCOME_LABELS)


def check_stage(stage: Any, outcome: Any = "") -> tuple[str, str]:
    """A stage and its outcome (only "closed" has one, and must)."""
    if stage not in STAGE_LABELS:
        raise ValidationError("stage", "is not a follow-up stage")
    outcome = outcome or ""
    if stage == "closed":
        if outcome not in OUTCOME_LABELS:
            raise ValidationError("outcome", "choose the outcome when closing a referral")
    elif outcome:
        raise ValidationError("outcome", "only a closed referral has an outcome")
    return str(stage), str(outcome)
