"""Screening: the ILO trafficking-indicator checklist, the TB screen, and suggested referrals.

The checklists are versioned data files in ``content/``; the rule engines follow spec §1.4-1.6 and §3.6.
Every result carries the content id and version it used, an explanation an officer can read, and
``to_dict()`` for the audit trail. Screens say "indicators of trafficking present — refer", never "victim".

    >>> from checkpoint.screening import evaluate_trafficking, evaluate_tb, suggest_referrals
    >>> t = evaluate_trafficking({"ILO-DR-1", "ILO-DR-8", "ILO-EX-1", "ILO-EX-4"}, age=16)
    >>> t.outcome, sorted(t.flags), t.content_id
    ('PRESUMED_VICTIM', ['CHILD_PROTECTION'], 'ilo-labour-child')
    >>> evaluate_tb(age=16, cough=True, cough_days=20).outcome
    'PRESUMPTIVE_TB_REFER'

Errors: :class:`checkpoint.errors.ValidationError` for any bad input.
"""

from __future__ import annotations

from checkpoint.screening._content import (
    Dimension,
    IndicatorSet,
    Item,
    TBItem,
    indicator_set,
    parse_content,
)
from checkpoint.screening.referrals import SuggestedReferral, suggest_referrals
from checkpoint.screening.tb import TBResult, evaluate_tb, tb_items
from checkpoint.screening.trafficking import (
    DimensionResult,
    TraffickingResult,
    evaluate_trafficking,
    trafficking_items,
)

__all__ = [
    "DIMENSIONS",
    "Dimension",
    "DimensionResult",
    "IndicatorSet",
    "Item",
    "SuggestedReferral",
    "TBItem",
    "TBResult",
    "TraffickingResult",
    "evaluate_tb",
    "evaluate_trafficking",
    "indicator_set",
    "parse_content",
    "suggest_referrals",
    "tb_items",
    "trafficking_items",
]

#: The six ILO dimensions in order: (code, English name, Khmer name).
DIMENSIONS: tuple[tuple[str, str, str], ...] = tuple(
    (d.code, d.name_en, d.name_km) for d in indicator_set("ilo-labour-adult").dimensions
)

from checkpoint.screening.safety import (  # noqa: E402  (appended: the project's safety rule, beside the ILO rule)
    SafetyReason,
    SafetyReferral,
    SafetyResult,
    evaluate_safety,
)

__all__ += ["SafetyReason", "SafetyReferral", "SafetyResult", "evaluate_safety"]

from checkpoint.screening.prescreen import PrescreenResult, evaluate_prescreen  # noqa: E402  (appended: issue 12)

__all__ += ["PrescreenResult", "evaluate_prescreen"]
