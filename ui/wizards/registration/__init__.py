"""New registration: Identity (MRZ or manual) → Journey → Consent → Trafficking checklist → TB screen → Review.

    wizard = RegistrationWizard(ctx, RegistrationFlow(now=..., station_id=...), start=Step.IDENTITY)
    wizard.saved.connect(...)          # Registered, once the registration is committed

    wizard.py       RegistrationWizard: the pages by step, drafts on every edit, the save
    page.py         FlowPage, the base of the pages (load/store, validation by the flow, Next)
    identity.py journey.py consent.py trafficking.py tb.py review.py    one page per step
    outcomes.py     screen outcomes as an officer reads them
"""

from ui.wizards.registration.outcomes import outcome_text
from ui.wizards.registration.wizard import RegistrationWizard

__all__ = ["RegistrationWizard", "outcome_text"]
