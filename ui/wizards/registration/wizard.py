"""New registration: Identity (MRZ or manual) → Journey → Consent → Trafficking checklist → TB screen → Review.

The flow and its validation live in checkpoint.workflows.registration; the pages (one module each, in this
package) only render it. Every edit is saved as an encrypted draft (coalesced so saves never pile up), so a power
cut loses nothing. A page's widgets are made on its first visit, so opening the wizard stays quick. Keyboard
first: a document reader types the MRZ into the first field; Enter moves on; Tab reaches everything.
"""

from __future__ import annotations

from typing import Any

from checkpoint.services import Changes
from checkpoint.workflows.registration import ORDER, RegistrationFlow, Step
from ui.context import AppContext
from ui.messages import error_message
from ui.qt import QWidget, QWizard, Signal
from ui.widgets.fields import translate_wizard_buttons
from ui.wizards.registration.consent import ConsentPage
from ui.wizards.registration.identity import IdentityPage
from ui.wizards.registration.journey import JourneyPage
from ui.wizards.registration.page import PAGE_ID, FlowPage
from ui.wizards.registration.review import ReviewPage
from ui.wizards.registration.tb import TBPage
from ui.wizards.registration.trafficking import TraffickingPage

__all__ = ["RegistrationWizard"]


class RegistrationWizard(QWizard):
    """Emits ``saved(Registered)`` once the registration is committed; drafts are saved on every change."""

    saved = Signal(object)
    draft_saved = Signal(str)

    def __init__(self, ctx: AppContext, flow: RegistrationFlow, *, start: Step = Step.IDENTITY,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow = flow
        self.setObjectName("registration_wizard")
        self.setWindowTitle(self.tr("Full registration") if flow.arrival_encounter_id else self.tr("New registration"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self._saving = False
        self._draft_in_flight = False
        self._draft_pending: Step | None = None
        self.result_: Any = None
        for cls in (IdentityPage, JourneyPage, ConsentPage, TraffickingPage, TBPage, ReviewPage):
            self.setPage(PAGE_ID[cls.step], cls(self))     # each builds its widgets on its first visit
        self.setStartId(PAGE_ID[start] if start in self.flow.steps() else PAGE_ID[Step.IDENTITY])
        translate_wizard_buttons(self)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Save"))
        self.check_open_tb()

    # issue 14: one open TB referral per person --------------------------------------------------
    def check_open_tb(self) -> None:
        """Learn whether the chosen person (a returnee picked from the duplicate check, or the quick registration's
        person) has an open TB referral: the review then says so and suggests no second one (the save would be
        refused). A new person has none."""
        pid = self.flow.existing_person_id
        if not pid:
            self._open_tb_known(None, None)
            return
        self.ctx.call(self.ctx.session.health.open_referral, pid,
                      on_done=lambda row: self._open_tb_known(row, pid), on_error=lambda _e: None, owner=self)

    def _open_tb_known(self, row: dict[str, Any] | None, pid: str | None) -> None:
        if not self.flow.set_open_tb_referral(row, pid):
            return
        if self.currentId() == PAGE_ID[Step.REVIEW]:
            self.page_for(Step.REVIEW).load()

    def page_for(self, step: Step) -> FlowPage:
        page = self.page(PAGE_ID[step])
        assert isinstance(page, FlowPage)
        page.ensure_built()
        return page

    def current_step(self) -> Step:
        return ORDER[self.currentId()] if self.currentId() >= 0 else Step.IDENTITY

    # drafts -----------------------------------------------------------------------------------
    def save_draft(self, step: Step) -> None:
        """Save the form as an encrypted draft; while one save runs, the latest state waits for the next.
        Nothing is saved once the registration itself is being saved or is saved (QWizard.accept() validates
        the current page once more)."""
        if self._saving or self.result_ is not None:
            return
        if self._draft_in_flight:
            self._draft_pending = step
            return
        self._draft_in_flight = True
        # call, not mutate: a draft is saved on every change, and the other views learn of drafts when the wizard
        # closes (the main window refreshes then), not on every keystroke.
        self.ctx.call(self.ctx.session.drafts.save, self.flow.to_draft(step), draft_id=self.flow.draft_id,
                      on_done=self._draft_done, on_error=self._draft_failed, owner=self)

    def _draft_done(self, changes: Changes) -> None:
        draft_id = changes.ids["draft"]
        self.flow.draft_id = draft_id
        self._draft_in_flight = False
        self.draft_saved.emit(draft_id)
        if self._draft_pending is not None:
            step, self._draft_pending = self._draft_pending, None
            self.save_draft(step)

    def _draft_failed(self, e: BaseException) -> None:
        self._draft_in_flight = False
        self.ctx.error.emit(error_message(e))

    # saving -----------------------------------------------------------------------------------
    def save_registration(self) -> bool:
        """Start the save on the DB thread; the wizard closes when it is committed. Returns False meanwhile."""
        if self.result_ is not None:
            return True
        if self._saving:
            return False
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        # A draft save still in flight runs first on the single DB worker; if its id is not known yet the
        # draft is discarded once the registration is saved (_saved).
        # a quick registration's own arrival is completed (and its queue entry closed), else a new arrival is saved
        method, kwargs = self.flow.save_kwargs()
        self.ctx.mutate(getattr(self.ctx.session.registrations, method), **kwargs, on_done=self._saved,
                        on_error=self._save_failed)
        return False

    def _saved(self, result: Any) -> None:
        self._saving = False
        self.result_ = result
        if self.flow.draft_id and not result.changes.drafts:
            self.ctx.call(self.ctx.session.drafts.discard, self.flow.draft_id)
        self.saved.emit(result)
        self.accept()

    def _save_failed(self, e: BaseException) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        page = self.page_for(Step.REVIEW)
        page.error.show_error(error_message(e))
