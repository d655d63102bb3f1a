"""A yes / no / not-asked answer for one question (the ILO checklist and the red-flag pre-screen).

Keyboard: Space goes not asked → yes → no → not asked; Y answers yes and N answers no, and both move to the next
question; Backspace or Delete sets it back to not asked. Shown as a check box whose three states are a tick (yes),
a dash (no) and empty (not asked), with the answer in words after the question.
"""

from __future__ import annotations

from ui.qt import QCheckBox, QKeyEvent, Qt, QWidget, Signal

__all__ = ["AnswerBox"]

_STATE = {"not_asked": Qt.CheckState.Unchecked, "yes": Qt.CheckState.Checked, "no": Qt.CheckState.PartiallyChecked}
_ANSWER = {v: k for k, v in _STATE.items()}


class AnswerBox(QCheckBox):
    answered = Signal()

    def __init__(self, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTristate(True)
        self._question = question
        self.stateChanged.connect(self._changed)
        self._render()

    def answer(self) -> str:
        """"yes", "no" or "not_asked"."""
        return _ANSWER[self.checkState()]

    def set_answer(self, value: str) -> None:
        self.setCheckState(_STATE[value])

    def nextCheckState(self) -> None:
        order = ("not_asked", "yes", "no")
        self.set_answer(order[(order.index(self.answer()) + 1) % 3])

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key = e.key()
        if key in (Qt.Key.Key_Y, Qt.Key.Key_N) and not e.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.set_answer("yes" if key == Qt.Key.Key_Y else "no")
            self._advance()
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_answer("not_asked")
            return
        super().keyPressEvent(e)

    def _advance(self) -> None:
        """Focus the next question shown; after the last one, stay (Return then goes on to the next page)."""
        w = self.nextInFocusChain()
        while w is not None and w is not self:
            if isinstance(w, AnswerBox) and w.isVisible() and w.isEnabled():
                w.setFocus(Qt.FocusReason.TabFocusReason)
                return
            if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(w, AnswerBox):
                return
            w = w.nextInFocusChain()

    def _changed(self, _state: int) -> None:
        self._render()
        self.answered.emit()

    def _render(self) -> None:
        words = {"yes": self.tr("yes"), "no": self.tr("no"), "not_asked": self.tr("not asked")}
        self.setText(self.tr("%1 — %2").replace("%1", self._question).replace("%2", words[self.answer()]))
        self.setAccessibleDescription(words[self.answer()])
