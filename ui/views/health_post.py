"""The health post (issue 14): find a person, record the TB screen and the chest X-ray of the same sitting, then
every later step (sputum, Xpert, diagnosis, transfer to the facility nearest home, treatment, outcome); and the TB
cascade for a period. Keyboard first: Enter in the search runs it, Enter on a person opens them, each form saves
with its button (Alt+letter) or Enter on it.

It calls ``session.health`` only (and ``records.search``, ``slips.slip``): nothing here can show the protection
section, which ``session.health`` never returns. Health workers and supervisors reach it (``screen_tb``).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date
from typing import Any

from checkpoint import codelists
from checkpoint.arrivals.codes import STATION_ROLES
from checkpoint.model.referral import CXR_RESULTS, DIAGNOSES, TREATMENT_OUTCOMES, XPERT_RESULTS
from checkpoint.model.roles import Permission, can
from checkpoint.screening import tb_items
from checkpoint.screening.cascade import AGE_GROUPS, SEXES, STEPS
from checkpoint.services import Changes
from checkpoint.services.arrivals import QueueItem
from ui.messages import error_message
from ui.models.referrals import result_label, stage_label
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QFont,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    Qt,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from ui.text import code_label, content_language, local_date
from ui.wizards.registration.outcomes import outcome_text

__all__ = ["CascadeView", "FollowUpView", "HealthPostPage", "HealthPostView", "PolicyView"]

OUTCOME_LABELS = {
    "CURED": QT_TRANSLATE_NOOP("HealthPost", "Cured"),
    "TREATMENT_COMPLETED": QT_TRANSLATE_NOOP("HealthPost", "Treatment completed"),
    "TREATMENT_FAILED": QT_TRANSLATE_NOOP("HealthPost", "Treatment failed"),
    "DIED": QT_TRANSLATE_NOOP("HealthPost", "Died"),
    "LOST_TO_FOLLOW_UP": QT_TRANSLATE_NOOP("HealthPost", "Lost to follow-up"),
    "NOT_EVALUATED": QT_TRANSLATE_NOOP("HealthPost", "Not evaluated"),
}
STEP_LABELS = {
    "screened": QT_TRANSLATE_NOOP("HealthPost", "Screened"),
    "presumptive": QT_TRANSLATE_NOOP("HealthPost", "Presumptive TB"),
    "x_rayed": QT_TRANSLATE_NOOP("HealthPost", "Chest X-ray done"),
    "xray_abnormal": QT_TRANSLATE_NOOP("HealthPost", "X-ray abnormal, suggestive of TB"),
    "sputum_collected": QT_TRANSLATE_NOOP("HealthPost", "Sputum collected"),
    "xpert_done": QT_TRANSLATE_NOOP("HealthPost", "Xpert done"),
    "tb_diagnosed": QT_TRANSLATE_NOOP("HealthPost", "TB diagnosed"),
    "bact_confirmed": QT_TRANSLATE_NOOP("HealthPost", "  bacteriologically confirmed"),
    "clinically_diagnosed": QT_TRANSLATE_NOOP("HealthPost", "  clinically diagnosed"),
    "rif_resistant": QT_TRANSLATE_NOOP("HealthPost", "Rifampicin resistant"),
    "treatment_started": QT_TRANSLATE_NOOP("HealthPost", "Treatment started"),
    "initial_loss_to_follow_up": QT_TRANSLATE_NOOP("HealthPost", "Diagnosed, treatment not started"),
    "nns": QT_TRANSLATE_NOOP("HealthPost", "Number needed to screen"),
}
# The TB screen's answers by content item id (the content file names them; the service takes these keys).
_ITEM_KEYS = {"TB-S1": "cough", "TB-S2": "haemoptysis", "TB-S3": "fever", "TB-S4": "night_sweats",
              "TB-S5": "weight_loss", "TB-S6": "poor_weight_gain", "TB-R2": "contact", "TB-R3": "previous_tb",
              "TB-R4": "diabetes", "TB-R5": "recent_detention"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("HealthPost", text)


def _combo(name: str, accessible: str, codes: tuple[str, ...], label: Callable[[str], str], none: str) -> QComboBox:
    c = QComboBox()
    c.setObjectName(name)
    c.setAccessibleName(accessible)
    c.addItem(none, "")
    for code in codes:
        c.addItem(label(code), code)
    return c


def _line(name: str, accessible: str, placeholder: str = "") -> QLineEdit:
    e = QLineEdit()
    e.setObjectName(name)
    e.setAccessibleName(accessible)
    e.setPlaceholderText(placeholder)
    return e


class HealthPostView(QWidget):
    """Search, the person, the screen form and the pathway form. ``print_slip(referral_id)`` (the main window's)
    prints a slip; without it the slip is only shown."""

    def __init__(self, ctx: Any, print_slip: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._print = print_slip
        self.setObjectName("health_post")
        self.person_id: str | None = None
        self.record: Any = None
        self.transfer_id: str | None = None
        self.continued_id: str | None = None      # the open referral the last screen continued (issue 14)
        self.queue_entry: str | None = None       # the health post queue's entry of the person called (issue 11)
        self.want_arrival: str | None = None

        self.search = _line("hp_search", self.tr("Find a person"), self.tr("Name, document, phone or birth date"))
        self.results = QListWidget()
        self.results.setObjectName("hp_results")
        self.results.setAccessibleName(self.tr("Persons found"))
        self.person = QLabel(self.tr("Find a person, then press Enter on their name."))
        self.person.setObjectName("hp_person")
        self.person.setWordWrap(True)
        self.arrival = QComboBox()
        self.arrival.setObjectName("hp_arrival")
        self.arrival.setAccessibleName(self.tr("Arrival"))
        # The triage queue's health post station (issue 11): call the next person straight into this screen.
        self.has_queue = "HEALTH_POST" in ctx.session.site.stations and ctx.role in STATION_ROLES["HEALTH_POST"]
        self.call_btn = QPushButton(self.tr("Call &next from the health post queue"))
        self.call_btn.setObjectName("hp_call_next")
        self.queue_done_btn = QPushButton(self.tr("&Done: close the queue entry"))
        self.queue_done_btn.setObjectName("hp_queue_done")
        self.queue_done_btn.setEnabled(False)
        for b in (self.call_btn, self.queue_done_btn):
            b.setVisible(self.has_queue)

        # the screen, and the X-ray of the same sitting
        screen = QGroupBox(self.tr("TB screen"))
        sf = QFormLayout(screen)
        self.consent = QCheckBox(self.tr("The person &agrees to the TB screen"))
        self.consent.setObjectName("hp_consent")
        sf.addRow(self.consent)
        self.answers: dict[str, QCheckBox] = {}
        lang = content_language()
        for item in tb_items():
            key = _ITEM_KEYS.get(item.id)
            if key is None:
                continue
            box = QCheckBox((item.label_km or item.label_en) if lang == "km" else item.label_en)
            box.setObjectName(item.id)
            self.answers[key] = box
            sf.addRow(box)
            if item.id == "TB-S1":
                self.cough_days = QSpinBox()
                self.cough_days.setObjectName("TB-S1d")
                self.cough_days.setAccessibleName(self.tr("Days of cough"))
                self.cough_days.setRange(0, 3650)
                sf.addRow(self.tr("Days of cough"), self.cough_days)
        self.hiv = _combo("TB-R1", self.tr("HIV status"), ("negative", "positive"),
                          lambda c: self.tr("Positive") if c == "positive" else self.tr("Negative"),
                          self.tr("Unknown"))
        sf.addRow(self.tr("HIV status"), self.hiv)
        self.cxr_result = _combo("cxr_result", self.tr("Chest X-ray reading"), CXR_RESULTS,
                                 lambda c: result_label("cxr_result", c), self.tr("No X-ray now"))
        self.cad = _line("cxr_cad_score", self.tr("CAD score (0-100)"), self.tr("if the machine gives one"))
        self.read_by = _line("cxr_read_by", self.tr("Read by"))
        sf.addRow(self.tr("Chest &X-ray"), self.cxr_result)
        sf.addRow(self.tr("CAD score"), self.cad)
        sf.addRow(self.tr("Read by"), self.read_by)
        self.screen_btn = QPushButton(self.tr("&Record TB screen"))
        self.screen_btn.setObjectName("hp_screen_save")
        sf.addRow(self.screen_btn)
        self.result = QLabel()
        self.result.setObjectName("hp_result")
        self.result.setWordWrap(True)
        sf.addRow(self.result)

        # the pathway on one referral
        path = QGroupBox(self.tr("TB pathway"))
        pf = QFormLayout(path)
        self.referral = QComboBox()
        self.referral.setObjectName("hp_referral")
        self.referral.setAccessibleName(self.tr("Referral"))
        pf.addRow(self.tr("Referral"), self.referral)
        self.fields: dict[str, QWidget] = {}
        today = "YYYY-MM-DD"
        for name, label, widget in (
                ("sputum_collected_at", self.tr("Sputum collected on"), _line("sputum_collected_at",
                                                                               self.tr("Sputum collected on"), today)),
                ("sputum_specimen_id", self.tr("Specimen id"), _line("sputum_specimen_id", self.tr("Specimen id"))),
                ("xpert_result", self.tr("Xpert result"), _combo(
                    "xpert_result", self.tr("Xpert result"), XPERT_RESULTS, lambda c: result_label("xpert_result", c),
                    self.tr("Not recorded"))),
                ("diagnosis", self.tr("Diagnosis"), _combo("diagnosis", self.tr("Diagnosis"), DIAGNOSES,
                                                           lambda c: result_label("diagnosis", c),
                                                           self.tr("Not recorded"))),
                ("tb_register_number", self.tr("TB register number"), _line("tb_register_number",
                                                                            self.tr("TB register number"))),
                ("treatment_started_at", self.tr("Treatment started on"), _line(
                    "treatment_started_at", self.tr("Treatment started on"), today)),
                ("treatment_facility", self.tr("Treatment facility"), _combo(
                    "treatment_facility", self.tr("Treatment facility"),
                    tuple(c.code for c in codelists.health_facilities()),
                    lambda c: code_label("health_facilities", c), self.tr("Not recorded"))),
                ("treatment_outcome", self.tr("Treatment outcome"), _combo(
                    "treatment_outcome", self.tr("Treatment outcome"), TREATMENT_OUTCOMES,
                    lambda c: _tr(OUTCOME_LABELS[c]), self.tr("Not recorded"))),
                ("treatment_outcome_at", self.tr("Outcome on"), _line("treatment_outcome_at", self.tr("Outcome on"),
                                                                      today))):
            self.fields[name] = widget
            pf.addRow(label, widget)
        self.record_btn = QPushButton(self.tr("&Save step"))
        self.record_btn.setObjectName("hp_record_save")
        self.transfer_btn = QPushButton(self.tr("&Transfer for treatment (nearest home)"))
        self.transfer_btn.setObjectName("hp_transfer")
        self.print_btn = QPushButton(self.tr("&Print transfer slip"))
        self.print_btn.setObjectName("hp_print_slip")
        self.print_btn.setEnabled(False)
        buttons = QHBoxLayout()
        for b in (self.record_btn, self.transfer_btn, self.print_btn):
            buttons.addWidget(b)
        pf.addRow(buttons)
        self.slip = QLabel()
        self.slip.setObjectName("hp_slip")
        self.slip.setWordWrap(True)
        self.pathway = QLabel()
        self.pathway.setObjectName("hp_pathway")
        self.pathway.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("hp_message")
        self.message.setWordWrap(True)
        pf.addRow(self.slip)
        pf.addRow(self.pathway)

        left = QVBoxLayout()
        left.addWidget(self.call_btn)
        left.addWidget(self.queue_done_btn)
        left.addWidget(self.search)
        left.addWidget(self.results, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.person)
        rl.addWidget(self.arrival)
        forms = QHBoxLayout()                 # the screen and the pathway side by side (1366 x 768)
        forms.addWidget(screen, 1)
        forms.addWidget(path, 1)
        rl.addLayout(forms)
        rl.addWidget(self.message)
        rl.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        lay = QHBoxLayout(self)
        lay.addLayout(left, 1)
        lay.addWidget(scroll, 4)

        self.search.returnPressed.connect(self.run_search)
        self.results.itemActivated.connect(lambda it: self.open_person(it.data(Qt.ItemDataRole.UserRole)))
        self.screen_btn.clicked.connect(self.save_screen)
        self.record_btn.clicked.connect(self.save_step)
        self.transfer_btn.clicked.connect(self.transfer)
        self.print_btn.clicked.connect(self._print_slip)
        self.call_btn.clicked.connect(self.call_next)
        self.queue_done_btn.clicked.connect(self.close_queue_entry)
        self._enable(False)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.person_id is None:
            self.search.setFocus()

    # ------------------------------------------------------------------ reading
    def _enable(self, on: bool) -> None:
        for w in (self.arrival, self.screen_btn, self.record_btn, self.transfer_btn, self.referral):
            w.setEnabled(on)

    def run_search(self) -> None:
        self.ctx.call(self.ctx.session.records.search, self.search.text(), on_done=self._found, owner=self,
                      latest="hp_search")

    def _found(self, rows: list[Any]) -> None:
        self.results.clear()
        for r in rows:
            born = r.date_of_birth or "?"
            it = QListWidgetItem(f"{r.family_name} {r.given_names}  {r.name_khmer}  ({r.sex}, {born})")
            it.setData(Qt.ItemDataRole.UserRole, r.id)
            self.results.addItem(it)
        if rows:
            self.results.setCurrentRow(0)
            self.results.setFocus()
        else:
            self.message.setText(self.tr("No one found."))

    def open_person(self, person_id: str, *, queue_entry_id: str | None = None,
                    encounter_id: str | None = None) -> None:
        """Show a person; ``queue_entry_id``: the health post's queue entry they were called from (by this page's
        Call next or the station queue), closed as done once their TB screen is saved here or with Done;
        ``encounter_id``: the arrival they queue for, selected."""
        self.person_id = person_id
        self.queue_entry = queue_entry_id
        self.queue_done_btn.setEnabled(queue_entry_id is not None)
        self.want_arrival = encounter_id
        self.transfer_id = None
        self.slip.clear()
        self.print_btn.setEnabled(False)
        self.reload(then=self.arrival.setFocus)      # a new person: start at the arrival; a save keeps the focus

    def reload(self, then: Callable[[], None] | None = None) -> None:
        if self.person_id is None:
            return

        def shown(rec: Any) -> None:
            self._show(rec)
            if then is not None:
                then()

        self.ctx.call(self.ctx.session.health.person, self.person_id, on_done=shown, owner=self, latest="hp_person")

    def _show(self, rec: Any) -> None:
        self.record = rec
        p = rec.person
        province = code_label("provinces", p["home_province"]) or self.tr("home province not recorded")
        self.person.setText(f"{p['family_name']} {p['given_names']}  {p['name_khmer']}  · {p['sex']} · "
                            f"{p['date_of_birth'] or '?'} · {province}")
        keep_arrival, keep_ref = self.arrival.currentData(), self.referral.currentData()
        self.arrival.clear()
        for a in rec.arrivals:
            self.arrival.addItem(self.tr("Arrived %1").replace("%1", local_date(a["arrival_at"])), a["id"])
        self.referral.clear()
        lines = []
        for r in rec.referrals:
            text = f"{code_label('health_facilities', r['agency_code'])} — {stage_label(r['status'])}"
            self.referral.addItem(text, r["id"])
            lines.append(self._pathway_line(r))
        if self.want_arrival:
            keep_arrival, self.want_arrival = self.want_arrival, None
        for combo, keep in ((self.arrival, keep_arrival), (self.referral, keep_ref)):
            i = combo.findData(keep) if keep else -1
            if i >= 0:
                combo.setCurrentIndex(i)
        if self.continued_id:
            self._say_continued(rec)
        elif self.transfer_id:
            self.referral.setCurrentIndex(max(0, self.referral.findData(self.transfer_id)))
        elif not keep_ref and self.referral.count():
            self.referral.setCurrentIndex(self.referral.count() - 1)
        self.pathway.setText("\n".join(lines) or self.tr("No TB referral yet."))
        self._enable(bool(rec.arrivals))

    def _say_continued(self, rec: Any) -> None:
        """After a screen that continued the person's open TB referral: select it and say so."""
        rid, self.continued_id = self.continued_id, None
        row = next((r for r in rec.referrals if r["id"] == rid), None)
        if row is None:
            return
        self.referral.setCurrentIndex(max(0, self.referral.findData(rid)))
        self.message.setText(self.tr("TB screen saved. This person already has an open TB referral (%1, opened %2): "
                                     "the screen continued it; no second referral was opened.")
                             .replace("%1", code_label("health_facilities", row["agency_code"]))
                             .replace("%2", local_date(row["created_at"])))

    def _pathway_line(self, r: dict[str, Any]) -> str:
        parts = [code_label("health_facilities", r["agency_code"]), stage_label(r["status"])]
        if r["cxr_result"]:
            cad = f" (CAD {r['cxr_cad_score']:g})" if r["cxr_cad_score"] is not None else ""
            parts.append(self.tr("X-ray: %1").replace("%1", result_label("cxr_result", r["cxr_result"]) + cad))
        if r["sputum_collected_at"]:
            parts.append(self.tr("sputum %1").replace("%1", f"{r['sputum_collected_at']} {r['sputum_specimen_id']}"))
        if r["xpert_result"]:
            parts.append(self.tr("Xpert: %1").replace("%1", result_label("xpert_result", r["xpert_result"])))
        if r["diagnosis"]:
            parts.append(result_label("diagnosis", r["diagnosis"]))
        if r["tb_register_number"]:
            parts.append(self.tr("register %1").replace("%1", r["tb_register_number"]))
        if r["treatment_started_at"]:
            parts.append(self.tr("treatment from %1").replace("%1", r["treatment_started_at"]))
        if r["treatment_outcome"]:
            parts.append(_tr(OUTCOME_LABELS.get(r["treatment_outcome"], r["treatment_outcome"])))
        return " · ".join(p for p in parts if p)

    # ------------------------------------------------------------------ the queue
    def call_next(self) -> None:
        """Call the next person waiting at the health post and open them here, on the arrival they queue for."""
        def done(item: Any) -> None:
            if not isinstance(item, QueueItem):
                self.message.setText(self.tr("No one is waiting at the health post."))
                return
            name = " ".join(x for x in (item.family_name, item.given_names) if x) or item.name_khmer
            self.message.setText(self.tr("Called from the queue: %1").replace("%1", name))
            self.open_person(item.person_id, queue_entry_id=item.entry_id, encounter_id=item.encounter_id)

        a = self.ctx.session.arrivals
        self.ctx.mutate(lambda: a.call_next("HEALTH_POST") or Changes(), on_done=done, on_error=self._error,
                        parent=self)

    def close_queue_entry(self) -> None:
        entry = self.queue_entry
        if entry is None:
            return

        def done(_c: Any) -> None:
            self.queue_entry = None
            self.queue_done_btn.setEnabled(False)
            self.message.setText(self.tr("Done at the health post. Call the next person when ready."))
            self.call_btn.setFocus()

        self.ctx.mutate(self.ctx.session.arrivals.close, entry, "done", on_done=done, on_error=self._error,
                        parent=self)

    # ------------------------------------------------------------------ writing
    def _error(self, exc: BaseException) -> None:
        self.message.setText(error_message(exc))

    def save_screen(self) -> None:
        enc = self.arrival.currentData()
        if not enc:
            return
        answers: dict[str, Any] = {k: True for k, box in self.answers.items() if box.isChecked()}
        if answers.get("cough") and self.cough_days.value():
            answers["cough_days"] = self.cough_days.value()
        if self.hiv.currentData():
            answers["hiv"] = self.hiv.currentData()
        cxr: dict[str, Any] | None = None
        if self.cxr_result.currentData():
            cxr = {"cxr_result": self.cxr_result.currentData()}
            if self.cad.text().strip():
                try:
                    cxr["cxr_cad_score"] = float(self.cad.text().strip())
                except ValueError:
                    cxr["cxr_cad_score"] = self.cad.text().strip()     # the core says what is wrong
            if self.read_by.text().strip():
                cxr["cxr_read_by"] = self.read_by.text().strip()

        def done(res: Any) -> None:
            self.result.setText(outcome_text(res.result.outcome))
            self.message.setText(self.tr("TB screen saved."))
            for box in self.answers.values():
                box.setChecked(False)
            self.consent.setChecked(False)
            self.cxr_result.setCurrentIndex(0)
            self.cad.clear()
            self.read_by.clear()
            self.continued_id = res.referral_id if res.continued else None
            self.reload()
            if self.queue_entry is not None:         # called from the health post's queue: seen
                entry, self.queue_entry = self.queue_entry, None
                self.queue_done_btn.setEnabled(False)
                self.ctx.mutate(self.ctx.session.arrivals.close, entry, "done", on_error=self._error, parent=self)

        self.ctx.mutate(self.ctx.session.health.screen, enc, answers, consent=self.consent.isChecked(), cxr=cxr,
                        on_done=done, on_error=self._error, parent=self)

    def step_changes(self) -> dict[str, Any]:
        """The pathway fields filled in, as ``session.health.record`` takes them."""
        out: dict[str, Any] = {}
        for name, w in self.fields.items():
            value = w.currentData() if isinstance(w, QComboBox) else w.text().strip()   # type: ignore[attr-defined]
            if value:
                out[name] = value
        return out

    def save_step(self) -> None:
        rid = self.referral.currentData()
        if not rid:
            return

        def done(_res: Any) -> None:
            for w in self.fields.values():
                if isinstance(w, QComboBox):
                    w.setCurrentIndex(0)
                elif isinstance(w, QLineEdit):
                    w.clear()
            self.message.setText(self.tr("Saved."))
            self.reload()

        self.ctx.mutate(self.ctx.session.health.record, rid, self.step_changes(), on_done=done,
                        on_error=self._error, parent=self)

    def transfer(self) -> None:
        rid = self.referral.currentData()
        if not rid:
            return

        def done(changes: Any) -> None:
            self.transfer_id = changes.ids["referral"]
            self.ctx.call(self.ctx.session.slips.slip, self.transfer_id, on_done=self._slip, owner=self)
            self.reload()

        self.ctx.mutate(self.ctx.session.health.transfer, rid, on_done=done, on_error=self._error, parent=self)

    def _slip(self, slip: Any) -> None:
        km = content_language() == "km"
        self.slip.setText(self.tr("Transfer slip: %1 — %2").replace("%1", slip.agency_km if km else slip.agency_en)
                          .replace("%2", slip.reason_km if km else slip.reason_en))
        self.print_btn.setEnabled(self._print is not None)
        self.message.setText(self.tr("Transfer recorded."))

    def _print_slip(self) -> None:
        if self._print is not None and self.transfer_id:
            self._print(self.transfer_id)


class CascadeView(QWidget):
    """The TB cascade for a period (local days, inclusive), by sex and age group."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("tb_cascade")
        today = ctx.session.store.clock.now().astimezone(ctx.session.site.tz).date()
        self.date_from = _line("cascade_from", self.tr("From (YYYY-MM-DD)"), "YYYY-MM-DD")
        self.date_to = _line("cascade_to", self.tr("To (YYYY-MM-DD)"), "YYYY-MM-DD")
        self.date_from.setText(today.replace(day=1).isoformat())
        self.date_to.setText(today.isoformat())
        self.show_btn = QPushButton(self.tr("&Show cascade"))
        self.show_btn.setObjectName("cascade_show")
        self.table = QTextBrowser()
        self.table.setObjectName("cascade_table")
        self.table.setAccessibleName(self.tr("TB cascade"))
        self.message = QLabel()
        self.message.setObjectName("cascade_message")
        form = QHBoxLayout()
        for label, w in ((self.tr("From"), self.date_from), (self.tr("To"), self.date_to)):
            form.addWidget(QLabel(label))
            form.addWidget(w)
        form.addWidget(self.show_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.table, 1)
        self.show_btn.clicked.connect(self.refresh)
        self.date_to.returnPressed.connect(self.refresh)
        self.date_from.returnPressed.connect(self.refresh)
        self.data: dict[str, Any] | None = None

    def refresh(self) -> None:
        try:
            a, b = date.fromisoformat(self.date_from.text().strip()), date.fromisoformat(self.date_to.text().strip())
        except ValueError:
            self.message.setText(self.tr("Write the dates as YYYY-MM-DD."))
            return
        self.ctx.call(self.ctx.session.health.cascade, a, b, on_done=self._show, owner=self, latest="cascade",
                      on_error=lambda e: self.message.setText(error_message(e)))

    def _show(self, c: dict[str, Any]) -> None:
        self.data = c
        self.message.setText(self.tr("Persons screened from %1 to %2, followed to today.").replace("%1", c["from"])
                             .replace("%2", c["to"]))
        sex = {"F": self.tr("Female"), "M": self.tr("Male"), "X": self.tr("Other"), "UNKNOWN": self.tr("Unknown")}
        head = "".join(f"<th>{html.escape(h)}</th>" for h in [self.tr("Step"), self.tr("Total"),
                                                               *(sex[s] for s in SEXES),
                                                               *(self.tr("Age unknown") if g == "unknown" else g
                                                                 for g in AGE_GROUPS)])
        rows = []
        for step in (*STEPS, "nns"):
            cells = [c["total"][step], *(c["by_sex"][s][step] for s in SEXES),
                     *(c["by_age_group"][g][step] for g in AGE_GROUPS)]
            rows.append(f"<tr><td>{html.escape(_tr(STEP_LABELS[step]))}</td>"
                        + "".join(f"<td align='right'>{'–' if v is None else v}</td>" for v in cells) + "</tr>")
        # by home province (issue 14): where the persons go back to, for the linkage to their district
        prov = list(c.get("by_province", {}))
        unknown = self.tr("Province unknown")
        title = html.escape(self.tr("By home province"))
        names = [unknown if p == "unknown" else code_label("provinces", p) or p for p in prov]
        phead = "".join(f"<th>{html.escape(h)}</th>" for h in [self.tr("Step"), *names])
        prow = []
        for step in (*STEPS, "nns"):
            cells = [c["by_province"][p][step] for p in prov]
            prow.append(f"<tr><td>{html.escape(_tr(STEP_LABELS[step]))}</td>"
                        + "".join(f"<td align='right'>{'–' if v is None else v}</td>" for v in cells) + "</tr>")
        by_province = (f"<p><b>{title}</b></p>"
                       f"<table border='1' cellpadding='3'><tr>{phead}</tr>{''.join(prow)}</table>") if prov else ""
        self.table.setHtml(f"<table border='1' cellpadding='3'><tr>{head}</tr>{''.join(rows)}</table>{by_province}")


class FollowUpView(QWidget):
    """The health worker's follow-up list (issue 14): every open TB referral, the longest waiting first, those
    waiting more than the chosen number of days marked overdue. Enter on a line opens the person at the health
    post (``open_person``). Health workers and supervisors (``screen_tb``)."""

    def __init__(self, ctx: Any, open_person: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._open = open_person
        self.setObjectName("tb_follow_up")
        self.days = QSpinBox()
        self.days.setObjectName("follow_up_days")
        self.days.setAccessibleName(self.tr("Overdue after (days)"))
        self.days.setRange(0, 365)
        self.days.setValue(7)
        self.only = QCheckBox(self.tr("&Overdue only"))
        self.only.setObjectName("follow_up_overdue_only")
        self.show_btn = QPushButton(self.tr("Show &list"))
        self.show_btn.setObjectName("follow_up_show")
        self.list = QListWidget()
        self.list.setObjectName("follow_up_list")
        self.list.setAccessibleName(self.tr("Open TB referrals"))
        self.message = QLabel()
        self.message.setObjectName("follow_up_message")
        self.message.setWordWrap(True)
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("Overdue after (days)")))
        form.addWidget(self.days)
        form.addWidget(self.only)
        form.addWidget(self.show_btn)
        form.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.list, 1)
        self.rows: list[Any] = []
        self.show_btn.clicked.connect(self.refresh)
        self.only.toggled.connect(lambda _on: self.refresh())
        self.list.itemActivated.connect(self._activated)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.call(self.ctx.session.health.follow_up, overdue_days=self.days.value(),
                      overdue_only=self.only.isChecked(), on_done=self._show, owner=self, latest="tb_follow_up",
                      on_error=lambda e: self.message.setText(error_message(e)))

    def line(self, r: Any) -> str:
        """One referral as the list shows it."""
        province = code_label("provinces", r.home_province) or self.tr("home province not recorded")
        head = self.tr("OVERDUE") + " · " if r.overdue else ""
        return (head + self.tr("%1 day(s) since the last step").replace("%1", str(r.days_waiting))
                + f" · {r.family_name} {r.given_names}  {r.name_khmer} · {province} · "
                + f"{code_label('health_facilities', r.facility)} · {stage_label(r.status)} · "
                + self.tr("opened %1").replace("%1", r.opened_on))

    def _show(self, rows: list[Any]) -> None:
        self.rows = rows
        self.list.clear()
        bold = QFont()
        bold.setBold(True)
        for r in rows:
            it = QListWidgetItem(self.line(r))
            it.setData(Qt.ItemDataRole.UserRole, r.person_id)
            if r.overdue:
                it.setFont(bold)
            self.list.addItem(it)
        late = sum(1 for r in rows if r.overdue)
        self.message.setText(self.tr("%1 open TB referral(s); %2 waiting more than %3 day(s).")
                             .replace("%1", str(len(rows))).replace("%2", str(late))
                             .replace("%3", str(self.days.value())))
        if rows:
            self.list.setCurrentRow(0)

    def _activated(self, item: QListWidgetItem) -> None:
        if self._open is not None:
            self._open(item.data(Qt.ItemDataRole.UserRole))


class PolicyView(QWidget):
    """The site's TB policy with WHO's reasoning beside each setting; a supervisor may change it (from the next
    sign-in), others read it."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("tb_policy")
        self.xray = QCheckBox(self.tr("A chest &X-ray is taken here (on site)"))
        self.xray.setObjectName("policy_xray_on_site")
        self.detention = QCheckBox(self.tr("Recent &detention alone sends a person to the X-ray"))
        self.detention.setObjectName("policy_detention_alone")
        self.xray_why = QLabel()
        self.xray_why.setObjectName("policy_xray_why")
        self.detention_why = QLabel()
        self.detention_why.setObjectName("policy_detention_why")
        for label in (self.xray_why, self.detention_why):
            label.setWordWrap(True)
        self.save_btn = QPushButton(self.tr("&Save the TB policy"))
        self.save_btn.setObjectName("policy_save")
        self.message = QLabel()
        self.message.setObjectName("policy_message")
        self.message.setWordWrap(True)
        may = can(ctx.role, Permission.SITE_SETTINGS)
        for w in (self.xray, self.detention, self.save_btn):
            w.setEnabled(may)
        lay = QVBoxLayout(self)
        shown: tuple[QWidget, ...] = (self.xray, self.xray_why, self.detention, self.detention_why, self.save_btn,
                                      self.message)
        for item in shown:
            lay.addWidget(item)
        lay.addStretch(1)
        if not may:
            self.message.setText(self.tr("Only a supervisor can change the TB policy."))
        self.save_btn.clicked.connect(self.save)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.call(self.ctx.session.health.tb_policy, on_done=self._show, owner=self, latest="tb_policy")

    def _show(self, p: Any) -> None:
        self.policy = p
        self.xray.setChecked(p.xray_on_site)
        self.detention.setChecked(p.detention_alone_to_xray)
        self.xray_why.setText(QCoreApplication.translate("Core", p.xray_on_site_why))
        self.detention_why.setText(QCoreApplication.translate("Core", p.detention_alone_why))

    def save(self) -> None:
        def done(_c: Any) -> None:
            self.message.setText(self.tr("Saved. The TB policy applies from the next sign-in."))
            self.refresh()

        self.ctx.mutate(self.ctx.session.health.set_tb_policy, xray_on_site=self.xray.isChecked(),
                        detention_alone_to_xray=self.detention.isChecked(), on_done=done,
                        on_error=lambda e: self.message.setText(error_message(e)), parent=self)


class HealthPostPage(QTabWidget):
    """The main window's page: the health post, and the cascade for roles that see it."""

    def __init__(self, ctx: Any, print_slip: Callable[[str], None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("health_post_page")
        self.post = HealthPostView(ctx, print_slip)
        self.addTab(self.post, self.tr("&Health post"))
        self.cascade: CascadeView | None = None
        if can(ctx.role, Permission.TB_CASCADE):
            self.cascade = CascadeView(ctx)
            self.addTab(self.cascade, self.tr("TB &cascade"))
        self.follow_up: FollowUpView | None = None
        if can(ctx.role, Permission.SCREEN_TB):
            self.follow_up = FollowUpView(ctx, open_person=self._open_from_list)
            self.addTab(self.follow_up, self.tr("&Follow-up"))
        self.policy = PolicyView(ctx)
        self.addTab(self.policy, self.tr("TB &policy"))

    def _open_from_list(self, person_id: str) -> None:
        """From the follow-up list to the person at the health post."""
        self.setCurrentWidget(self.post)
        self.post.open_person(person_id)
