"""The base of the registration pages: one page per step of the Qt-free flow (checkpoint.workflows.registration).

    class JourneyPage(FlowPage):
        step = Step.JOURNEY
        def build(self): ...     # the widgets, on the page's first visit
        def load(self): ...      # flow -> widgets, when the page is shown
        def store(self): ...     # widgets -> flow, on every edit and before Next

Next asks the flow which step comes next (``nextId``), validates the step with the flow's own rules (the first
problem is shown under the page and its field gets the focus) and saves a draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from checkpoint.workflows.registration import ORDER, Step
from ui.messages import field_label
from ui.qt import QWidget, QWizardPage
from ui.widgets.fields import ErrorLabel

if TYPE_CHECKING:
    from ui.wizards.registration.wizard import RegistrationWizard

__all__ = ["PAGE_ID", "FlowPage"]

PAGE_ID = {s: i for i, s in enumerate(ORDER)}


class FlowPage(QWizardPage):
    step: Step

    def __init__(self, wiz: RegistrationWizard) -> None:
        super().__init__()
        self.wiz = wiz
        self.flow = wiz.flow
        self.error = ErrorLabel(f"{self.step.value}_error")
        self._built = False

    def build(self) -> None:
        """Create the page's widgets. Called on the page's first visit (``ensure_built``), not when the wizard is
        made: opening the wizard builds only the page it starts on. The objectNames are the same either way."""

    def ensure_built(self) -> None:
        if not self._built:
            self._built = True
            self.build()

    def nextId(self) -> int:
        nxt = self.flow.next_step(self.step)
        return PAGE_ID[nxt] if nxt else -1

    def load(self) -> None:
        """Flow → widgets."""

    def store(self) -> None:
        """Widgets → flow."""

    def initializePage(self) -> None:
        self.ensure_built()
        self.load()

    def validatePage(self) -> bool:
        self.store()
        errs = self.flow.errors(self.step)
        if errs:
            field, msg = next(iter(errs.items()))
            self.error.show_error(f"{field_label(field)}: {self.tr(msg)}" if field != "form" else self.tr(msg))
            w = self.findChild(QWidget, field)
            if w is not None:
                w.setFocus()
            return False
        self.error.show_error("")
        self.wiz.save_draft(self.step)
        return True

    def changed(self) -> None:
        self.store()
        self.wiz.save_draft(self.step)
