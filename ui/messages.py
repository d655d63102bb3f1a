"""The one place that turns core errors into translated, plain messages (never a traceback)."""

from __future__ import annotations

from typing import Any

from checkpoint.errors import (
    AccountDisabled,
    CheckpointError,
    ConflictError,
    LockedOut,
    NotFound,
    PermissionDenied,
    StoreError,
    ValidationError,
    WrongPassphrase,
)
from checkpoint.screening.messages import render
from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication
from ui.text import code_label, content_language, local_date

# Field labels, used for inline errors and review pages (context "Field").
FIELD_LABELS = {
    "family_name": QT_TRANSLATE_NOOP("Field", "Family name"),
    "given_names": QT_TRANSLATE_NOOP("Field", "Given names"),
    "name_khmer": QT_TRANSLATE_NOOP("Field", "Name in Khmer"),
    "sex": QT_TRANSLATE_NOOP("Field", "Sex"),
    "date_of_birth": QT_TRANSLATE_NOOP("Field", "Date of birth"),
    "age_years": QT_TRANSLATE_NOOP("Field", "Estimated age"),
    "citizenship": QT_TRANSLATE_NOOP("Field", "Citizenship"),
    "id_document_type": QT_TRANSLATE_NOOP("Field", "Document type"),
    "id_document_number": QT_TRANSLATE_NOOP("Field", "Document number"),
    "document_issuing_state": QT_TRANSLATE_NOOP("Field", "Issuing state"),
    "document_expiry": QT_TRANSLATE_NOOP("Field", "Document expiry"),
    "phone": QT_TRANSLATE_NOOP("Field", "Phone"),
    "home_province": QT_TRANSLATE_NOOP("Field", "Home province"),
    "home_district": QT_TRANSLATE_NOOP("Field", "Home district"),
    "home_commune": QT_TRANSLATE_NOOP("Field", "Home commune"),
    "home_village": QT_TRANSLATE_NOOP("Field", "Home village"),
    "return_type": QT_TRANSLATE_NOOP("Field", "Return type"),
    "country_of_work": QT_TRANSLATE_NOOP("Field", "Country of work"),
    "province_of_work": QT_TRANSLATE_NOOP("Field", "Province or city of work"),
    "sector_of_work": QT_TRANSLATE_NOOP("Field", "Sector of work"),
    "work_type": QT_TRANSLATE_NOOP("Field", "Work abroad"),                      # issue 12: officers' words
    "exploitation_types": QT_TRANSLATE_NOOP("Field", "Type of exploitation"),
    "guardian_name": QT_TRANSLATE_NOOP("Field", "Guardian's name"),
    "guardian_relationship": QT_TRANSLATE_NOOP("Field", "Guardian's relationship"),
    "answered_no": QT_TRANSLATE_NOOP("Field", "Answers"),
    "given_by": QT_TRANSLATE_NOOP("Field", "Consent given by"),
    "wording_version": QT_TRANSLATE_NOOP("Field", "Consent wording"),
    "prescreen": QT_TRANSLATE_NOOP("Field", "Red-flag questions"),
    "duration_abroad_months": QT_TRANSLATE_NOOP("Field", "Months abroad"),
    "migration_channel": QT_TRANSLATE_NOOP("Field", "How they migrated"),
    "recruiter_relationship": QT_TRANSLATE_NOOP("Field", "Who recruited them"),
    "debt_owed": QT_TRANSLATE_NOOP("Field", "Owes a debt"),
    "debt_amount": QT_TRANSLATE_NOOP("Field", "Debt amount"),
    "detained_before_return": QT_TRANSLATE_NOOP("Field", "Detained before return"),
    "detention_days": QT_TRANSLATE_NOOP("Field", "Days detained"),
    "wants_job_referral": QT_TRANSLATE_NOOP("Field", "Wants a job referral"),
    "consents": QT_TRANSLATE_NOOP("Field", "Consent"),
    "reason": QT_TRANSLATE_NOOP("Field", "Reason"),
    "username": QT_TRANSLATE_NOOP("Field", "User name"),
    "passphrase": QT_TRANSLATE_NOOP("Field", "Passphrase"),
    "checkpoint_name": QT_TRANSLATE_NOOP("Field", "Checkpoint name"),
    "agency_code": QT_TRANSLATE_NOOP("Field", "Agency or facility"),
    "ticked": QT_TRANSLATE_NOOP("Field", "Indicators"),
    "status": QT_TRANSLATE_NOOP("Field", "Status"),
}
# Issue 11: a handover group typed by hand, the quick registration's own fields.
FIELD_LABELS.update({
    "transport": QT_TRANSLATE_NOOP("Field", "Transport"),
    "vehicle": QT_TRANSLATE_NOOP("Field", "Plate or number"),
    "handover_ref": QT_TRANSLATE_NOOP("Field", "Handover reference"),
    "handover_date": QT_TRANSLATE_NOOP("Field", "Handover date"),
    "authority": QT_TRANSLATE_NOOP("Field", "Referring authority"),
    "expected_count": QT_TRANSLATE_NOOP("Field", "Expected head count"),
    "interpreter_language": QT_TRANSLATE_NOOP("Field", "Interpreter's language"),
    "household_role": QT_TRANSLATE_NOOP("Field", "Role in the household"),
})
# Issue 14: the TB record at the health post.
FIELD_LABELS.update({
    "consent": QT_TRANSLATE_NOOP("Field", "Consent to the TB screen"),
    "cxr_result": QT_TRANSLATE_NOOP("Field", "Chest X-ray"),
    "cxr_at": QT_TRANSLATE_NOOP("Field", "Chest X-ray date"),
    "cxr_cad_score": QT_TRANSLATE_NOOP("Field", "CAD score"),
    "cxr_read_by": QT_TRANSLATE_NOOP("Field", "X-ray read by"),
    "sputum_collected_at": QT_TRANSLATE_NOOP("Field", "Sputum collected on"),
    "sputum_specimen_id": QT_TRANSLATE_NOOP("Field", "Specimen id"),
    "xpert_result": QT_TRANSLATE_NOOP("Field", "Xpert result"),
    "xpert_at": QT_TRANSLATE_NOOP("Field", "Xpert date"),
    "diagnosis": QT_TRANSLATE_NOOP("Field", "Diagnosis"),
    "tb_register_number": QT_TRANSLATE_NOOP("Field", "TB register number"),
    "treatment_started_at": QT_TRANSLATE_NOOP("Field", "Treatment started on"),
    "treatment_outcome": QT_TRANSLATE_NOOP("Field", "Treatment outcome"),
    "treatment_outcome_at": QT_TRANSLATE_NOOP("Field", "Outcome date"),
})


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def field_label(field: str) -> str:
    return tr("Field", FIELD_LABELS.get(field, field.replace("_", " ").capitalize()))


def error_message(exc: BaseException) -> str:
    """A plain, translated sentence for any error. Core details (English) go through the 'Core' context."""
    if isinstance(exc, ValidationError):
        return f"{field_label(exc.field)}: {tr('Core', exc.detail)}" if exc.field else tr("Core", exc.detail)
    if isinstance(exc, LockedOut):
        return QCoreApplication.translate("Errors", "Too many wrong passphrases. Try again in %1 seconds.").replace(
            "%1", str(int(exc.retry_after + 0.999)))
    if isinstance(exc, WrongPassphrase):
        return QCoreApplication.translate("Errors", "Wrong user name or passphrase.")
    if isinstance(exc, AccountDisabled):
        return QCoreApplication.translate("Errors", "This account is locked. Ask a supervisor to unlock it.")
    if isinstance(exc, PermissionDenied):
        return QCoreApplication.translate("Errors", "Your role does not allow this.")
    if isinstance(exc, NotFound):
        return QCoreApplication.translate("Errors", "That record no longer exists.")
    if isinstance(exc, ConflictError):
        ref = getattr(exc, "referral", None)      # issue 14: a second TB referral refused names the open one
        if isinstance(ref, dict) and ref.get("agency_code"):
            return tr("Core", str(exc)) + " " + QCoreApplication.translate(
                "Errors", "The open referral: %1, opened %2.").replace(
                "%1", code_label("health_facilities", str(ref["agency_code"]))).replace(
                "%2", local_date(str(ref.get("created_at") or "")) or "?")
        return tr("Core", str(exc))
    if isinstance(exc, StoreError):
        return QCoreApplication.translate("Errors", "The store could not be used: %1").replace(
            "%1", tr("Core", str(exc)))
    if isinstance(exc, CheckpointError):
        return tr("Core", str(exc))
    return QCoreApplication.translate(
        "Errors", "Something went wrong and nothing was saved. Please try again; if it happens again, "
                  "tell your supervisor.")


def core_message(message: Any) -> str:
    """A core message with placeholders (``checkpoint.screening.messages.Msg`` or its ``to_dict()``), its template
    and each message argument translated in the "Core" context, bilingual content in the content language."""
    return render(message, lambda s: tr("Core", s), content_language())


def explanation_lines(screen: Any) -> list[str]:
    """A screen's explanation as the officer reads it: its translatable messages where the core gives them
    (``explanation_messages``), else each stored line translated as a whole (a fixed core line, or English)."""
    msgs = screen.get("explanation_messages") if isinstance(screen, dict) else None
    if msgs:
        return [core_message(m) for m in msgs]
    lines = screen.get("explanation") if isinstance(screen, dict) else None
    return [tr("Core", line) for line in lines or []]


def fill(template: str, *args: object) -> str:
    """``template`` (already translated) with ``%1`` .. ``%9`` replaced by ``args`` in one pass: text inside an
    argument (a reason the officer typed) is never read for placeholders."""
    return render({"text": template, "args": [str(a) for a in args]}, lambda s: s, "en")
