"""Check a slip (issue 16 point 4): an officer receiving a transfer, a health worker receiving a TB referral from
another checkpoint, scans the slip's QR code (a scanner types its text like a keyboard, then Enter) or pastes it.

    dlg = SlipCheckDialog(ctx, open_record=main_window.open_person, parent=main_window)    # Ctrl+K from the window
    dlg.exec()

The verdict is text as well as colour (VALID / NOT VALID, green / red) with its reason in English and Khmer side
by side (the person in front of the officer may read either); the checkpoint that printed it and its dates; and,
when this device holds the referral and the user may read it, the person's name, sex and age to check against the
person in front of her (``session.slipcheck``: never the screening answers). "Open the record" (Ctrl+O) opens the
person's record through the records view (the read there is logged as any opening is). The code typed is sent to
the DB thread once, never kept, logged or copied; the field is cleared when the dialog closes.
"""

from __future__ import annotations

from typing import Any

from checkpoint.services.slipcheck import KEYS_STALE_DAYS, SlipVerdict
from checkpoint.slips import MAX_TOKEN_CHARS
from ui.context import AppContext
from ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
)
from ui.text import code_label, content_language
from ui.views.person_record import REFERRAL_KINDS, REFERRAL_STATUSES

__all__ = ["SLIP_CHECK_SHORTCUT", "SlipCheckDialog"]

SLIP_CHECK_SHORTCUT = "Ctrl+K"
_GOOD = "background: #1b5e20; color: white; font-size: 16pt; font-weight: bold; padding: 6px;"
_BAD = "background: #b00020; color: white; font-size: 16pt; font-weight: bold; padding: 6px;"


def _plain(label: QLabel, object_name: str, accessible: str) -> QLabel:
    label.setObjectName(object_name)
    label.setAccessibleName(accessible)
    label.setTextFormat(Qt.TextFormat.PlainText)        # names and scanned text are never markup
    label.setWordWrap(True)
    label.hide()
    return label


class SlipCheckDialog(QDialog):
    def __init__(self, ctx: AppContext, *, open_record: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._open_record = open_record
        self.verdict: SlipVerdict | None = None
        self.setObjectName("slip_check_dialog")
        self.setWindowTitle(self.tr("Check a slip"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr("Scan the QR code on the referral slip, or paste its text, then press Enter."))
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("slip_code")
        self.code.setAccessibleName(self.tr("Slip code"))
        self.code.setPlaceholderText(self.tr("CPR2.…"))
        self.code.setMaxLength(4 * MAX_TOKEN_CHARS)        # longer than any slip: the check says "too long"
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText
                                      | Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhSensitiveData)
        self.code.returnPressed.connect(self.check)
        intro.setBuddy(self.code)
        self.result_label = _plain(QLabel(), "slip_verdict", self.tr("Verdict"))
        self.reason_en = _plain(QLabel(), "slip_reason_en", self.tr("Reason in English"))
        self.reason_km = _plain(QLabel(), "slip_reason_km", self.tr("Reason in Khmer"))
        self.facts = _plain(QLabel(), "slip_facts", self.tr("Where and when the slip was printed"))
        self.person = _plain(QLabel(), "slip_person", self.tr("The person the slip names"))
        self.person.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.note_en = _plain(QLabel(), "slip_note_en", self.tr("What to check, in English"))
        self.note_km = _plain(QLabel(), "slip_note_km", self.tr("What to check, in Khmer"))
        self.open_button = QPushButton(self.tr("&Open the record (Ctrl+O)"))
        self.open_button.setObjectName("open_record")
        self.open_button.setAccessibleName(self.tr("Open the person's record"))
        self.open_button.setAutoDefault(False)   # a scanner's Enter checks the next slip; it never opens a record
        self.open_button.clicked.connect(self.open_person)
        self.open_button.hide()
        QShortcut(QKeySequence("Ctrl+O"), self).activated.connect(self.open_person)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        check = buttons.addButton(self.tr("&Check"), QDialogButtonBox.ButtonRole.ActionRole)
        check.setObjectName("check_slip")
        check.setAutoDefault(False)          # Enter in the field checks (returnPressed), never closes the dialog
        check.clicked.connect(self.check)
        for b in buttons.buttons():
            if isinstance(b, QPushButton):
                b.setAutoDefault(False)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.code)
        for w in (self.result_label, self.reason_en, self.reason_km, self.facts, self.person, self.note_en,
                  self.note_km):
            lay.addWidget(w)
        lay.addWidget(self.open_button)
        lay.addStretch(1)
        lay.addWidget(buttons)
        self.code.setFocus()

    # ------------------------------------------------------------------
    def check(self) -> None:
        text = self.code.text()
        self.code.selectAll()                # the next scan replaces this one
        self.ctx.call(self.ctx.session.slipcheck.check_slip, text, on_done=self.show_verdict, parent=self,
                      latest="slip_check")

    def show_verdict(self, v: SlipVerdict) -> None:
        self.verdict = v
        word = self.tr("VALID") if v.valid else self.tr("NOT VALID")
        self.result_label.setText(word)
        self.result_label.setStyleSheet(_GOOD if v.valid else _BAD)
        self.result_label.setAccessibleName(self.tr("Verdict") + ": " + word)
        self.result_label.setAccessibleDescription(v.message_en)
        self.reason_en.setText(v.message_en)
        self.reason_km.setText(v.message_km)
        if v.issued:
            facts = (self.tr("Printed at %1 on %2, valid until %3.").replace("%1", v.checkpoint_name)
                     .replace("%2", v.issued).replace("%3", v.expires))
            if v.keys_as_of:
                facts += " " + self.tr("HQ's keys as of %1.").replace("%1", v.keys_as_of)
            if v.keys_expired:
                facts += " " + self.tr("HQ's list of other checkpoints' keys is past its expiry: sync with HQ.")
            if v.keys_stale:
                facts += " " + self.tr("That list is more than %1 days old: a slip signed with a key HQ has "
                                       "revoked since may still show as valid here. Sync with HQ.") \
                    .replace("%1", str(KEYS_STALE_DAYS))
            self.facts.setText(facts)
        p = v.person
        if p is not None:
            age = str(p.age_at_arrival) if p.age_at_arrival is not None else "?"
            lines = [" ".join(x for x in (p.family_name, p.given_names) if x),
                     p.name_khmer,
                     self.tr("Sex: %1 · Age at arrival: %2").replace("%1", code_label("sexes", p.sex) or p.sex)
                     .replace("%2", age),
                     self.tr("%1 to %2 — %3").replace(
                         "%1", QCoreApplication.translate("PersonDetail", REFERRAL_KINDS.get(p.kind, p.kind)))
                     .replace("%2", p.agency_km if content_language() == "km" and p.agency_km else p.agency_en)
                     .replace("%3", QCoreApplication.translate("PersonDetail",
                                                               REFERRAL_STATUSES.get(p.status, p.status)))]
            self.person.setText("\n".join(x for x in lines if x))
        self.note_en.setText(v.details_en)
        self.note_km.setText(v.details_km)
        for w, shown in ((self.result_label, True), (self.reason_en, True), (self.reason_km, True),
                         (self.facts, bool(v.issued)), (self.person, p is not None),
                         (self.note_en, bool(v.details_en)), (self.note_km, bool(v.details_km))):
            w.setVisible(shown)
        self.open_button.setVisible(p is not None and self._open_record is not None)

    def open_person(self) -> None:
        v = self.verdict
        if v is None or v.person is None or self._open_record is None:
            return
        person_id = v.person.person_id
        self.accept()
        self._open_record(person_id)

    def done(self, result: int) -> None:
        self.code.clear()                    # nothing of the scanned code lingers in a closed dialog
        self.verdict = None
        super().done(result)
