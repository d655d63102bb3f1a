"""One person's record drawn as widgets for the record pane (ui/views/person_detail.py): identity, each arrival
with its consents, screens and referrals, and the history of changes. Pure rendering from the dicts
``session.records.get`` and ``.history`` return; nothing here reads the store.

    box = identity_box(record["person"])
    box = arrival_box(encounter, role=ctx.role, on_approve=pane.approve)   # approve button only where allowed
    box = history_box(history)
    choices = void_choices(record)          # [(text, record_type, record_id)] for the Void dialog

All text is plain text (names and reasons are user data, never markup). Strings use the pane's translation
context, "PersonDetail".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checkpoint.model.roles import Permission, can
from checkpoint.services.records import RemoteAuthor
from ui.messages import explanation_lines, field_label, fill, tr
from ui.qt import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QFont,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QVBoxLayout,
)
from ui.text import checkpoint_label, code_label, content_language, local_date, local_datetime

__all__ = ["arrival_box", "heading", "history_box", "identity_box", "plain_label", "referral_text", "void_choices"]

# Coded fields of a person or an arrival, with the code list that names their values.
CODED = {"sex": "sexes", "citizenship": "countries", "id_document_type": "id_document_types",
         "home_province": "provinces", "return_type": "return_types", "country_of_work": "countries",
         "sector_of_work": "sectors", "migration_channel": "migration_channels"}

EVENT_LABELS = {
    "registration.recorded": QT_TRANSLATE_NOOP("PersonDetail", "Registered"),
    "person.viewed": QT_TRANSLATE_NOOP("PersonDetail", "Viewed"),
    "person.amended": QT_TRANSLATE_NOOP("PersonDetail", "Identity corrected"),
    "encounter.amended": QT_TRANSLATE_NOOP("PersonDetail", "Arrival corrected"),
    "encounter.approved": QT_TRANSLATE_NOOP("PersonDetail", "Arrival approved"),
    "record.voided": QT_TRANSLATE_NOOP("PersonDetail", "Voided"),
    "referral.created": QT_TRANSLATE_NOOP("PersonDetail", "Referral added"),
    "referral.updated": QT_TRANSLATE_NOOP("PersonDetail", "Referral updated"),
}
TRAFFICKING_OUTCOMES = {
    "PRESUMED_VICTIM": QT_TRANSLATE_NOOP("PersonDetail", "Indicators of trafficking present — refer"),
    "NOT_INDICATED": QT_TRANSLATE_NOOP("PersonDetail", "Indicators not met"),
    "NOT_SCREENED": QT_TRANSLATE_NOOP("PersonDetail", "Checklist not asked — not screened"),
}
TRAFFICKING_FLAGS = {
    "CHILD_PROTECTION": QT_TRANSLATE_NOOP("PersonDetail", "Under 18 with exploitation indicators: child protection"),
    "EXPLOITATION_ONLY": QT_TRANSLATE_NOOP("PersonDetail", "Exploitation indicators only (the full rule is not met)"),
    "UNVERIFIED_GRADE_USED": QT_TRANSLATE_NOOP("PersonDetail", "An indicator grade used here is not yet verified"),
}
TB_OUTCOMES = {
    "PRESUMPTIVE_TB_REFER": QT_TRANSLATE_NOOP("PersonDetail", "Presumptive TB — refer the same day"),
    "HIGH_RISK_REFER_CXR": QT_TRANSLATE_NOOP("PersonDetail", "A TB risk factor — refer for a chest X-ray"),
    "SCREEN_NEGATIVE": QT_TRANSLATE_NOOP("PersonDetail", "Screen negative"),
}
REFERRAL_KINDS = {
    "protection": QT_TRANSLATE_NOOP("PersonDetail", "Protection referral"),
    "child_protection": QT_TRANSLATE_NOOP("PersonDetail", "Child-protection referral"),
    "health": QT_TRANSLATE_NOOP("PersonDetail", "Health referral"),
}
REFERRAL_STATUSES = {
    "referred": QT_TRANSLATE_NOOP("PersonDetail", "referred"),
    "arrived": QT_TRANSLATE_NOOP("PersonDetail", "arrived at the facility"),
    "cxr_done": QT_TRANSLATE_NOOP("PersonDetail", "chest X-ray done"),
    "xpert_done": QT_TRANSLATE_NOOP("PersonDetail", "Xpert test done"),
    "diagnosed": QT_TRANSLATE_NOOP("PersonDetail", "diagnosed"),
    "treatment_started": QT_TRANSLATE_NOOP("PersonDetail", "treatment started"),
    "lost_to_follow_up": QT_TRANSLATE_NOOP("PersonDetail", "lost to follow-up"),
    "closed": QT_TRANSLATE_NOOP("PersonDetail", "closed"),
}
# What a partner organisation recorded at HQ (checkpoint.partner_stages, issue 16).
PARTNER_STAGES = {
    "received": QT_TRANSLATE_NOOP("PersonDetail", "Referral received"),
    "arrived": QT_TRANSLATE_NOOP("PersonDetail", "Person arrived"),
    "assessed": QT_TRANSLATE_NOOP("PersonDetail", "Assessed"),
    "assistance_given": QT_TRANSLATE_NOOP("PersonDetail", "Assistance given"),
    "shelter": QT_TRANSLATE_NOOP("PersonDetail", "In shelter"),
    "family_tracing": QT_TRANSLATE_NOOP("PersonDetail", "Family tracing"),
    "reintegration_plan": QT_TRANSLATE_NOOP("PersonDetail", "Reintegration plan"),
    "closed": QT_TRANSLATE_NOOP("PersonDetail", "Closed"),
    "did_not_arrive": QT_TRANSLATE_NOOP("PersonDetail", "Did not arrive"),
}
PARTNER_OUTCOMES = {
    "reintegrated": QT_TRANSLATE_NOOP("PersonDetail", "Reintegrated with family or community"),
    "assistance_completed": QT_TRANSLATE_NOOP("PersonDetail", "Assistance completed"),
    "transferred": QT_TRANSLATE_NOOP("PersonDetail", "Transferred to another organisation"),
    "declined": QT_TRANSLATE_NOOP("PersonDetail", "The person declined assistance"),
    "lost_contact": QT_TRANSLATE_NOOP("PersonDetail", "Contact lost"),
    "other": QT_TRANSLATE_NOOP("PersonDetail", "Other"),
}
CONSENTS = {
    "storage": QT_TRANSLATE_NOOP("PersonDetail", "storage"),
    "screening": QT_TRANSLATE_NOOP("PersonDetail", "screening"),
    "referral": QT_TRANSLATE_NOOP("PersonDetail", "referral"),
    "sharing": QT_TRANSLATE_NOOP("PersonDetail", "sharing"),
}
RECORD_TYPES = {
    "person": QT_TRANSLATE_NOOP("PersonDetail", "the whole record"),
    "encounter": QT_TRANSLATE_NOOP("PersonDetail", "an arrival"),
    "trafficking_screening": QT_TRANSLATE_NOOP("PersonDetail", "a trafficking-indicator screen"),
    "tb_screening": QT_TRANSLATE_NOOP("PersonDetail", "a TB screen"),
    "referral": QT_TRANSLATE_NOOP("PersonDetail", "a referral"),
}


def _t(text: str) -> str:
    """Translate a constant marked above (or show an unknown code as it is)."""
    return QCoreApplication.translate("PersonDetail", text)


def plain_label(text: str, name: str = "", *, bold: bool = False, scale: float = 1.0) -> QLabel:
    """A word-wrapped label that never renders its text as markup (names and reasons are user data)."""
    w = QLabel(text)
    w.setTextFormat(Qt.TextFormat.PlainText)
    w.setWordWrap(True)
    if name:
        w.setObjectName(name)
    if bold or scale != 1.0:
        f = QFont(w.font())
        f.setBold(bold)
        if scale != 1.0 and f.pointSizeF() > 0:
            f.setPointSizeF(f.pointSizeF() * scale)
        w.setFont(f)
    return w


def heading(text: str) -> QLabel:
    w = plain_label(text, "section", bold=True, scale=1.1)
    w.setContentsMargins(0, 6, 0, 0)
    return w


def identity_box(p: dict[str, Any]) -> QGroupBox:
    box = QGroupBox(QCoreApplication.translate("PersonDetail", "Identity"))
    box.setObjectName("identity")
    form = QFormLayout(box)
    for field in ("family_name", "given_names", "name_khmer", "sex", "date_of_birth", "citizenship",
                  "id_document_type", "id_document_number", "phone", "home_province", "home_district",
                  "home_commune", "home_village"):
        value = p.get(field)
        if value in (None, "") and field not in ("family_name", "given_names", "date_of_birth"):
            continue
        text = code_label(CODED[field], value) if field in CODED else str(value or "")
        if field == "date_of_birth" and value and p.get("dob_estimated"):
            text = QCoreApplication.translate("PersonDetail", "%1 (estimated)").replace("%1", text)
        form.addRow(field_label(field), plain_label(text, f"show_{field}"))
    return box


def _voided(text: str, record: dict[str, Any]) -> str:
    return text + " " + QCoreApplication.translate("PersonDetail", "(voided)") if record.get("voided") else text


def arrival_box(e: dict[str, Any], *, role: str, on_approve: Callable[[str], None]) -> QGroupBox:
    """One arrival: journey, review state, consents, trafficking and TB screens (as ``role`` may see them) and
    referrals; an Approve button (calling ``on_approve(encounter_id)``) when ``role`` may approve it."""
    when = local_datetime(e.get("arrival_at"))
    box = QGroupBox(_voided(QCoreApplication.translate("PersonDetail", "Arrival %1").replace("%1", when), e))
    box.setObjectName("arrival")
    lay = QVBoxLayout(box)
    form = QFormLayout()
    # where it was registered: this checkpoint, or the one an arrival pulled from HQ came from (HQ's name for it)
    form.addRow(QCoreApplication.translate("PersonDetail", "Checkpoint"),
                plain_label(checkpoint_label(e.get("checkpoint_name"), e.get("station_id")), "arrival_checkpoint"))
    for field in ("return_type", "country_of_work", "sector_of_work", "migration_channel"):
        if e.get(field):
            form.addRow(field_label(field), plain_label(code_label(CODED[field], e[field])))
    if e.get("duration_abroad_months") is not None:
        form.addRow(field_label("duration_abroad_months"), plain_label(str(e["duration_abroad_months"])))
    review = (QCoreApplication.translate("PersonDetail", "Approved") if e.get("review_status") == "approved"
              else QCoreApplication.translate("PersonDetail", "Waiting for review"))
    form.addRow(QCoreApplication.translate("PersonDetail", "Review"), plain_label(review))
    consents = e.get("consents") or {}
    order = [k for k in CONSENTS if k in consents] + sorted(k for k in consents if k not in CONSENTS)
    yes, no = QCoreApplication.translate("PersonDetail", "yes"), QCoreApplication.translate("PersonDetail", "no")
    consent_text = "; ".join(f"{_t(CONSENTS.get(k) or str(k))}: {yes if consents[k] else no}" for k in order)
    form.addRow(field_label("consents"),
                plain_label(consent_text or QCoreApplication.translate("PersonDetail", "Not recorded")))
    if e.get("protection"):      # issue 10, point 11: a protection section this user's keys do not open
        form.addRow(QCoreApplication.translate("PersonDetail", "Protection section"),
                    plain_label(tr("Core", e.get("protection_message", "")), "protection_section"))
    for c in e.get("consent_records") or []:       # issue 12: consent per purpose
        form.addRow(QCoreApplication.translate("PersonDetail", "Consent"), plain_label(consent_record_text(c),
                                                                                       "consent_record"))
    lay.addLayout(form)

    not_screened = QCoreApplication.translate("PersonDetail", "Not screened")
    not_visible = QCoreApplication.translate("PersonDetail", "Not visible to your role")
    lay.addWidget(heading(QCoreApplication.translate("PersonDetail", "Trafficking indicators")))
    screens = e.get("trafficking") or []
    if not screens:
        lay.addWidget(plain_label(not_screened))
    for t in screens:
        if t.get("protection"):      # sealed (or failing its check): never its content, never a traceback
            lay.addWidget(plain_label(tr("Core", t.get("protection_message", "")), "trafficking_outcome"))
            continue
        if t.get("restricted"):
            lay.addWidget(plain_label(not_visible, "trafficking_outcome"))
            continue
        outcome = _voided(_t(TRAFFICKING_OUTCOMES.get(t.get("outcome", ""), t.get("outcome", ""))), t)
        lay.addWidget(plain_label(outcome, "trafficking_outcome", bold=True))
        safety = t.get("safety") or {}
        if safety.get("triggered"):     # issue 12: the project's safety rule, beside the ILO result, never hidden
            # the label, then each reason a whole translated sentence on its own line (read aloud as it stands)
            lay.addWidget(plain_label("\n".join([tr("Core", safety.get("label", "")), *(
                tr("Core", m) for m in safety.get("messages") or [])]), "safety_result", bold=True))
        for flag in t.get("flags") or []:
            lay.addWidget(plain_label(_t(TRAFFICKING_FLAGS.get(flag, flag))))
        lay.addWidget(explanation(t, "trafficking_explanation"))

    lay.addWidget(heading(QCoreApplication.translate("PersonDetail", "TB screen")))
    tbs = e.get("tb") or []
    if not can(role, Permission.VIEW_TB):
        lay.addWidget(plain_label(not_visible, "tb_outcome"))
    elif not tbs:
        lay.addWidget(plain_label(not_screened))
    for tb in tbs:
        outcome = _voided(_t(TB_OUTCOMES.get(tb.get("outcome", ""), tb.get("outcome", ""))), tb)
        lay.addWidget(plain_label(outcome, "tb_outcome", bold=True))
        lay.addWidget(explanation(tb, "tb_explanation"))

    refs = e.get("referrals") or []
    if refs:
        lay.addWidget(heading(QCoreApplication.translate("PersonDetail", "Referrals")))
    for r in refs:
        lay.addWidget(plain_label(referral_text(r), "referral"))

    if can(role, Permission.APPROVE) and e.get("review_status") == "pending" and not e.get("voided"):
        approve = QPushButton(QCoreApplication.translate("PersonDetail", "Approve"))
        approve.setObjectName("approve")
        approve.setAccessibleName(QCoreApplication.translate("PersonDetail", "Approve the arrival of %1")
                                  .replace("%1", when))
        approve.clicked.connect(lambda _=False, eid=e["id"]: on_approve(eid))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(approve)
        lay.addLayout(row)
    return box


def explanation(screen: dict[str, Any], name: str) -> QLabel:
    """A screen's explanation lines (the core's wording, translated through the "Core" context), indented."""
    w = plain_label("\n".join(explanation_lines(screen)), name)
    w.setIndent(12)
    return w


def referral_text(r: dict[str, Any]) -> str:
    """A referral in one line: kind, to whom, its stage (and urgency); its kind only where the role may not see
    more."""
    kind = _t(REFERRAL_KINDS.get(r.get("kind", ""), r.get("kind", "")))
    if r.get("restricted"):
        return QCoreApplication.translate("PersonDetail", "%1 (details not visible to your role)").replace("%1", kind)
    agency = code_label("health_facilities" if r.get("kind") == "health" else "agencies", r.get("agency_code"))
    if agency == r.get("agency_code") and r.get("agency_label"):      # an organisation of HQ's directory (#16)
        agency = r["agency_label_km"] if content_language() == "km" and r.get("agency_label_km") \
            else r["agency_label"]
    status = _t(REFERRAL_STATUSES.get(r.get("status", ""), r.get("status", "")))
    text = (QCoreApplication.translate("PersonDetail", "%1 to %2: %3")
            .replace("%1", kind).replace("%2", agency).replace("%3", status))
    if r.get("urgency"):
        text += " (" + code_label("referral_urgencies", r["urgency"]) + ")"
    if r.get("without_consent"):     # issue 12: duty of care in immediate danger, said plainly
        text += "\n    " + QCoreApplication.translate("PersonDetail", "Made without consent: immediate danger")
    if r.get("protection"):          # its notes are sealed for this user (issue 10, point 11)
        text += " — " + tr("Core", r.get("protection_message", ""))
    for st in r.get("partner_stages") or []:
        line = _t(PARTNER_STAGES.get(st["stage"], st["stage"]))
        if st.get("outcome"):
            line += " — " + _t(PARTNER_OUTCOMES.get(st["outcome"], st["outcome"]))
        text += "\n    " + QCoreApplication.translate("PersonDetail", "%1 (recorded by the partner on %2)").replace(
            "%1", line).replace("%2", local_date(st.get("recorded_at")))
    return _voided(text, r)


def history_box(history: list[dict[str, Any]]) -> QGroupBox:
    """Who did what and when, newest as the service orders it, with the changed fields and the reason."""
    box = QGroupBox(QCoreApplication.translate("PersonDetail", "History of changes"))
    box.setObjectName("history")
    lay = QVBoxLayout(box)
    for h in history:
        what = _t(EVENT_LABELS.get(h.get("what", ""), h.get("what", "")))
        who = h.get("who", "")
        if isinstance(who, RemoteAuthor) and who.checkpoint:     # at the checkpoint HQ names for that device
            who = fill(QCoreApplication.translate("PersonDetail", "%1 (device %2 / user %3)"), who.checkpoint,
                       who.device_id[:8], who.user_id[:8])
        elif isinstance(who, RemoteAuthor):     # written on another device: never one of this device's users
            who = (QCoreApplication.translate("PersonDetail", "device %1 / user %2")
                   .replace("%1", who.device_id[:8]).replace("%2", who.user_id[:8]))
        text = f"{local_datetime(h.get('at'))} — {who} — {what}"
        changes = h.get("changes") or {}
        if changes:
            text += ": " + "; ".join(f"{field_label(k)} → {'' if v is None else v}" for k, v in changes.items())
        elif h.get("fields"):
            text += ": " + ", ".join(field_label(f) for f in h["fields"])
        if h.get("reason"):
            text += " — " + QCoreApplication.translate("PersonDetail", "reason: %1").replace("%1", h["reason"])
        lay.addWidget(plain_label(text, "history_entry"))
    return box


def void_choices(record: dict[str, Any]) -> list[tuple[str, str, str]]:
    """What may still be voided in ``record``, as (text, record_type, record_id), the whole record first."""
    p = record["person"]
    out: list[tuple[str, str, str]] = []
    if not p.get("voided"):
        out.append((QCoreApplication.translate("PersonDetail", "This person's whole record"), "person", p["id"]))
    for e in reversed(record["encounters"]):
        when = local_datetime(e.get("arrival_at"))
        if not e.get("voided"):
            out.append((QCoreApplication.translate("PersonDetail", "Arrival %1").replace("%1", when), "encounter",
                        e["id"]))
        for t in e.get("trafficking") or []:
            if not t.get("restricted") and not t.get("voided"):
                out.append((QCoreApplication.translate("PersonDetail", "Trafficking-indicator screen of %1")
                            .replace("%1", when), "trafficking_screening", t["id"]))
        for tb in e.get("tb") or []:
            if not tb.get("voided"):
                out.append((QCoreApplication.translate("PersonDetail", "TB screen of %1").replace("%1", when),
                            "tb_screening", tb["id"]))
        for r in e.get("referrals") or []:
            if not r.get("restricted") and not r.get("voided"):
                out.append((referral_text(r), "referral", r["id"]))
    return out


_PURPOSES = {
    "tb_screen": QT_TRANSLATE_NOOP("PersonDetail", "TB screen"),
    "trafficking_interview": QT_TRANSLATE_NOOP("PersonDetail", "Trafficking interview"),
    "referral": QT_TRANSLATE_NOOP("PersonDetail", "Referral"),
    "sharing": QT_TRANSLATE_NOOP("PersonDetail", "Sharing"),
    "nea_registration": QT_TRANSLATE_NOOP("PersonDetail", "NEA job registration"),
    "screening": QT_TRANSLATE_NOOP("PersonDetail", "Screening"),
}


def consent_record_text(c: dict[str, Any]) -> str:
    """One consent per purpose: purpose (and agency), yes or no, who gave it, withdrawn when."""
    parts = [_t(_PURPOSES.get(c.get("purpose", ""), c.get("purpose", "")))]
    if c.get("target"):
        parts.append(code_label("agencies", c["target"]))
    parts.append(QCoreApplication.translate("PersonDetail", "yes") if c.get("granted")
                 else QCoreApplication.translate("PersonDetail", "no"))
    if c.get("given_by") == "guardian":
        given = QCoreApplication.translate("PersonDetail", "given by the guardian %1 (%2)")
        parts.append(given.replace("%1", c.get("guardian_name", "")).replace("%2", c.get("guardian_relationship", "")))
    if c.get("withdrawn_at"):
        withdrawn = QCoreApplication.translate("PersonDetail", "withdrawn %1")
        parts.append(withdrawn.replace("%1", local_datetime(c["withdrawn_at"])))
    return " · ".join(parts)
