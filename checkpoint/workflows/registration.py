"""The registration flow without Qt: steps, per-step validation, next-step resolution, drafts.

The desktop wizard renders it; tests drive it directly (Electrum's "no qt" wizard).

    >>> from datetime import UTC
    >>> flow = RegistrationFlow(now=datetime(2026, 11, 22, 1, tzinfo=UTC))
    >>> flow.person.update(family_name="SOK", given_names="DARA", sex="M", date_of_birth="1990-05-17")
    >>> flow.errors(Step.IDENTITY)
    {}
    >>> flow.next_step(Step.IDENTITY)
    <Step.JOURNEY: 'journey'>
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from checkpoint import codelists, mrz, screening
from checkpoint.errors import ValidationError
from checkpoint.model.consent import validate_consent_records
from checkpoint.model.consent import wording as consent_wording
from checkpoint.model.encounter import validate_consents, validate_encounter
from checkpoint.model.person import age_on, validate_person
from checkpoint.model.referral import URGENCIES, validate_referral
from checkpoint.screening.safety import raise_urgency
from checkpoint.site import DEFAULT_STATION_ID, DEFAULT_TB_MODE, LOCAL_TZ

__all__ = ["CONTACT_FIELDS", "RegistrationFlow", "Step"]

CONTACT_FIELDS = ("phone", "home_province", "home_district")
"""The identity fields still open for a repeat returnee: what she says today (a new phone, a new destination) is
recorded as a correction of her record with the arrival (``person_updates``, checkpoint.services.returnee_contact)."""

TB_FIELDS = {"TB-S1": "cough", "TB-S1d": "cough_days", "TB-S2": "haemoptysis", "TB-S3": "fever",
             "TB-S4": "night_sweats", "TB-S5": "weight_loss", "TB-S6": "poor_weight_gain", "TB-R1": "hiv",
             "TB-R2": "contact", "TB-R3": "previous_tb", "TB-R4": "diabetes", "TB-R5": "recent_detention"}
"""The TB answers by their content id (checkpoint/screening/content/tb-screen.json, the ids the wizard's widgets and
drafts use) → the keyword of screening.evaluate_tb and Session.register (TB-R6, age, is derived)."""
TB_KEYS = tuple(TB_FIELDS.values())

ICAO_ONLY_CODES = {"D": "DEU", "GBD": "GBR", "GBN": "GBR", "GBO": "GBR", "GBP": "GBR", "GBS": "GBR"}
"""Nationality codes of ICAO Doc 9303 part 3 that are not ISO 3166-1 alpha-3, mapped to the country they name. The
other non-ISO codes (XXA stateless, XXB/XXC refugee, XXX unspecified, UNO/UNA/UNK, EUE, the UTO specimen) name no
country of our list: the officer chooses the citizenship by hand."""


def country_from_mrz(code: str) -> str | None:
    """The country-list code for an MRZ nationality or issuing-state code, or None if it names none.

        >>> country_from_mrz("KHM"), country_from_mrz("D"), country_from_mrz("UTO")
        ('KHM', 'DEU', None)
    """
    code = ICAO_ONLY_CODES.get(code, code)
    return code if code and codelists.is_valid("countries", code) else None


class Step(Enum):
    IDENTITY = "identity"
    JOURNEY = "journey"
    CONSENT = "consent"
    TRAFFICKING = "trafficking"
    TB = "tb"
    REVIEW = "review"


ORDER = (Step.IDENTITY, Step.JOURNEY, Step.CONSENT, Step.TRAFFICKING, Step.TB, Step.REVIEW)


@dataclass
class RegistrationFlow:
    now: datetime
    station_id: str = DEFAULT_STATION_ID      # the site's (``session.site``); these defaults are Poipet's
    tb_mode: str = DEFAULT_TB_MODE
    person: dict[str, Any] = field(default_factory=dict)
    existing_person_id: str | None = None
    existing_person_dob: str | None = None
    existing_contact: dict[str, str] = field(default_factory=dict)   # her phone and destination as her record holds
    _prefilled: list[str] = field(default_factory=list, repr=False)   # the fields use_existing filled from it
    encounter: dict[str, Any] = field(default_factory=dict)
    consents: dict[str, bool] = field(default_factory=dict)
    ticked: set[str] = field(default_factory=set)             # the "yes" answers of the ILO checklist
    answered_no: set[str] = field(default_factory=set)        # the "no" answers; any other item was not asked
    exploitation_types: list[str] = field(default_factory=list)
    prescreen: dict[str, str] = field(default_factory=dict)  # red-flag question id -> "yes" / "no" / "not_asked"
    # Consent per purpose (issue 12): tb_screen, trafficking_interview, nea_registration -> yes / no (absent = the
    # single consent to screening decides, as before); the agencies the person agrees to share with; the guardian
    # who consents for a child.
    purposes: dict[str, bool] = field(default_factory=dict)
    sharing_agencies: list[str] = field(default_factory=list)
    guardian: dict[str, str] = field(default_factory=dict)
    officer_referrals: list[dict[str, Any]] = field(default_factory=list)   # referrals the officer added herself
    age_at_exploitation: int | None = None
    tb: dict[str, Any] = field(default_factory=dict)       # by content id: {"TB-S1": True, "TB-S1d": 21}
    referrals: list[dict[str, Any]] = field(default_factory=list)
    mrz_result: dict[str, Any] | None = None
    draft_id: str | None = None
    tb_policy: dict[str, bool] = field(default_factory=dict)   # the site's (``SiteConfig.tb_policy()``)
    # The flow: continuing a quick registration's arrival (``from_arrival``) — that encounter, the queue entry the
    # person was called from, and the household as the quick registration recorded it.
    arrival_encounter_id: str | None = None
    queue_entry_id: str | None = None
    child_status: str | None = None
    guardian_person_id: str | None = None
    # Issue 14: the chosen person's open TB referral (``Health.open_referral``: a repeat returnee picked from the
    # duplicate check, or a quick registration completed from the queue), as ``set_open_tb_referral`` keeps it. While
    # one is open no TB referral is suggested (the service would refuse it): the health post continues that one.
    open_tb_referral: dict[str, Any] | None = None

    # ------------------------------------------------------------------ derived facts
    @property
    def today(self) -> date:
        return self.now.astimezone(LOCAL_TZ).date()

    def date_of_birth(self) -> str | None:
        if self.existing_person_id:
            return self.existing_person_dob
        try:
            return validate_person({k: v for k, v in self.person.items() if k in ("date_of_birth", "age_years")},
                                   today=self.today, partial=True).get("date_of_birth")
        except ValidationError:
            return None

    def age(self) -> int | None:
        return age_on(self.date_of_birth(), self.today)

    def is_child(self) -> bool:
        a = self.age()
        return a is not None and a < 18

    def accompanied(self) -> bool:
        """A child accompanied by a parent or legal guardian (as the quick registration recorded the household, or
        as said on the journey page): no automatic child-protection referral without indicators."""
        return self.child_status == "ACCOMPANIED" or bool(self.encounter.get("accompanied_minor"))

    def screening_consented(self) -> bool:
        return self.interview_consented() or self.tb_consented()

    def interview_consented(self) -> bool:
        """Consent to the trafficking interview (the pre-screen and the checklist)."""
        return bool(self.purposes.get("trafficking_interview", self.consents.get("screening")))

    def tb_consented(self) -> bool:
        """Consent to the TB screen."""
        return bool(self.purposes.get("tb_screen", self.consents.get("screening")))

    def consent_records(self) -> list[dict[str, Any]]:
        """Consent per purpose as ``Session.register`` takes it (empty while no purpose was asked apart): the TB
        screen and the trafficking interview, NEA registration, each chosen protection referral's agency, each agency
        to share with — given by the person, or for a child by the named guardian, on the shipped wording."""
        if not self.purposes:
            return []
        by: dict[str, Any] = {"wording_version": consent_wording().version}
        if self.is_child():
            by.update(given_by="guardian", guardian_name=self.guardian.get("name", "").strip(),
                      guardian_relationship=self.guardian.get("relationship", "").strip())
        out = [{"purpose": p, "target": "", "granted": bool(v), **by} for p, v in sorted(self.purposes.items())]
        agencies = {r["agency_code"] for r in self.referrals if r.get("kind") != "health"}
        out += [{"purpose": "referral", "target": a, "granted": bool(self.consents.get("referral")), **by}
                for a in sorted(agencies) if codelists.is_valid("agencies", a)]
        out += [{"purpose": "sharing", "target": a, "granted": True, **by} for a in sorted(set(self.sharing_agencies))]
        return out

    # ------------------------------------------------------------------ steps
    def steps(self) -> list[Step]:
        """The steps this registration goes through: the screens only with consent to screening."""
        return [s for s in ORDER if (s is not Step.TRAFFICKING or self.interview_consented())
                and (s is not Step.TB or self.tb_consented())]

    def next_step(self, step: Step) -> Step | None:
        steps = self.steps()
        if step not in steps:
            return steps[-1]
        i = steps.index(step)
        return steps[i + 1] if i + 1 < len(steps) else None

    def previous_step(self, step: Step) -> Step | None:
        steps = self.steps()
        i = steps.index(step) if step in steps else len(steps) - 1
        return steps[i - 1] if i > 0 else None

    def errors(self, step: Step) -> dict[str, str]:
        """Field -> plain English message for what blocks leaving this step (empty when it may be left)."""
        try:
            if step is Step.IDENTITY:
                if not self.existing_person_id:
                    validate_person(self.person, today=self.today)
                else:
                    validate_person(self.contact_updates(), today=self.today, partial=True)
            elif step is Step.JOURNEY:
                validate_encounter(self.encounter, now=self.now, default_station=self.station_id)
            elif step is Step.CONSENT:
                c = validate_consents(self.consents)
                if not any(x["granted"] for x in c if x["purpose"] == "storage"):
                    raise ValidationError("consents", "consent to store the record is required to save it")
                validate_consent_records(self.consent_records(), age=self.age())
            elif step is Step.TRAFFICKING:
                self.trafficking_result()
            elif step is Step.TB:
                self.tb_result()
            elif step is Step.REVIEW:
                for s in self.steps()[:-1]:
                    e = self.errors(s)
                    if e:
                        return e
                for r in self.referrals:
                    validate_referral(r)
        except ValidationError as e:
            return {e.field or "form": e.detail}
        return {}

    # ------------------------------------------------------------------ a repeat returnee
    def use_existing(self, person_id: str | None, date_of_birth: str | None = None,
                     contact: dict[str, Any] | None = None) -> None:
        """This arrival is for ``person_id`` (a repeat returnee chosen from the possible duplicates), or for a new
        person again (None). Her phone and destination fields are filled with what her record holds (``contact``)
        where the officer has typed nothing: what she typed stays, to be recorded as a correction. Back to a new
        person, the fields filled from the record that were left as they were are emptied again."""
        for k in self._prefilled:
            if self.person.get(k) == self.existing_contact.get(k):
                self.person.pop(k, None)
        self._prefilled = []
        self.existing_person_id = person_id or None
        self.existing_person_dob = date_of_birth if person_id else None
        self.existing_contact = {k: str((contact or {}).get(k) or "") for k in CONTACT_FIELDS} if person_id else {}
        for k, v in self.existing_contact.items():
            if v and not self.person.get(k):
                self.person[k] = v
                self._prefilled.append(k)

    def contact_updates(self) -> dict[str, Any]:
        """For a repeat returnee: her phone and destination as the form holds them (those filled in); the service
        records what differs from her record. Empty for a new person (the person itself carries them)."""
        if not self.existing_person_id:
            return {}
        return {k: self.person[k] for k in CONTACT_FIELDS if self.person.get(k) not in (None, "")}

    def changed_contact(self) -> list[str]:
        """The fields of the phone and destination that the form holds otherwise than the repeat returnee's record
        held them (in the form's order)."""
        return [k for k, v in self.contact_updates().items() if str(v).strip() != self.existing_contact.get(k, "")]

    def contact_changed(self) -> bool:
        """Does the form hold a phone or destination other than what the repeat returnee's record held?"""
        return bool(self.changed_contact())

    # ------------------------------------------------------------------ screens
    def trafficking_result(self) -> Any:
        age = self.age_at_exploitation if self.age_at_exploitation is not None else self.age()
        if age is None:
            raise ValidationError("date_of_birth", "the checklist needs the person's age")
        return screening.evaluate_trafficking(set(self.ticked), age=age)

    def safety_result(self) -> Any:
        """The project's safety rule (not the ILO rule) for the current answers and the controlling person."""
        age = self.age_at_exploitation if self.age_at_exploitation is not None else self.age()
        if age is None:
            raise ValidationError("date_of_birth", "the checklist needs the person's age")
        return screening.evaluate_safety(set(self.ticked) if self.interview_consented() else set(), age=age,
                                         controlling_person_present=self.controlling_person_present())

    def answer(self, item_id: str) -> str:
        """"yes", "no" or "not_asked" for one checklist item."""
        return "yes" if item_id in self.ticked else "no" if item_id in self.answered_no else "not_asked"

    def set_answer(self, item_id: str, value: str) -> None:
        """Answer one checklist item yes, no or not asked."""
        if value not in ("yes", "no", "not_asked"):
            raise ValidationError(item_id, "must be yes, no or not asked")
        self.ticked.discard(item_id)
        self.answered_no.discard(item_id)
        if value == "yes":
            self.ticked.add(item_id)
        elif value == "no":
            self.answered_no.add(item_id)

    def prescreen_result(self) -> Any:
        """The red-flag pre-screen for the current answers (``routes_to_private_room`` and its reasons)."""
        return screening.evaluate_prescreen(self.prescreen)

    def checklist_needed(self) -> bool:
        """Whether the full checklist is still to be asked here: not when every red-flag question was answered no
        (and nothing of the checklist is answered yet) — the negative case at the desk."""
        r = self.prescreen_result()
        return not (r.complete and not r.routes_to_private_room and not self.ticked and not self.answered_no)

    def controlling_person_present(self) -> bool:
        """A controlling person at the desk: said on the journey page, or by a yes to the red-flag question."""
        return bool(self.encounter.get("controlling_person_present")) or (
            self.interview_consented() and self.prescreen_result().controlling_person_present)

    def suggested_urgency(self, base: str = "ROUTINE") -> str:
        """The urgency to offer first for an officer's own referral: raised one step with a controlling person."""
        return raise_urgency(base) if self.controlling_person_present() else base

    def add_officer_referral(self, agency_code: str, urgency: str, reason: str) -> dict[str, Any]:
        """The officer's own referral (agency of the directory, urgency, her reason): checked, kept, returned.
        Raises ValidationError."""
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError("reason", "say why you refer the person")
        if not codelists.is_valid("agencies", agency_code):
            raise ValidationError("agency_code", "choose an agency from the directory")
        kinds = codelists.DEFAULT.get("agencies").by_code[agency_code].extra.get("kinds") or ["protection"]
        kind = "child_protection" if self.is_child() and "child_protection" in kinds else "protection"
        r = validate_referral({"kind": kind, "agency_code": agency_code, "reason_code": "OFFICER_INITIATED",
                               "urgency": urgency, "notes": reason.strip()})
        r.update(reason_en=r["notes"], reason_km=r["notes"], officer=True)
        self.officer_referrals.append(r)
        return r

    def tb_answers(self) -> dict[str, Any]:
        a = {kw: self.tb[i] for i, kw in TB_FIELDS.items() if self.tb.get(i) is not None}
        if not a.get("cough"):
            a.pop("cough_days", None)
        return a

    def tb_result(self) -> Any:
        age = self.age()
        if age is None:
            raise ValidationError("date_of_birth", "the TB screen needs the person's age")
        return screening.evaluate_tb(age=age, mode=self.tb_mode, **self.tb_answers(),
                                     xray_on_site=self.tb_policy.get("xray_on_site", True),
                                     detention_alone_to_xray=self.tb_policy.get("detention_alone_to_xray", True))

    def set_open_tb_referral(self, row: dict[str, Any] | None, person_id: str | None = None) -> bool:
        """Keep the open TB referral of the chosen person (``row``: a referrals row as ``Health.open_referral``
        returns it, or None). ``person_id``: whose it is; a row for another person than the one now chosen (the
        officer changed her choice meanwhile) is not kept. Returns whether it was kept. A new person has none."""
        if person_id is not None and person_id != self.existing_person_id:
            return False
        if row is None or not self.existing_person_id:
            self.open_tb_referral = None
            return True
        self.open_tb_referral = {k: str(row.get(k) or "") for k in ("id", "agency_code", "status", "created_at")}
        return True

    def suggested_referrals(self) -> list[dict[str, Any]]:
        """Referrals the rules suggest for the current answers (the officer confirms or removes them). A person with
        an open TB referral (``open_tb_referral``) gets no TB referral suggested: the registration would be refused
        (one open TB referral per person) and the health post continues the open one."""
        out = self._suggested_referrals()
        if self.open_tb_referral and self.existing_person_id:
            out = [r for r in out if r["kind"] != "health"]
        return out

    def _suggested_referrals(self) -> list[dict[str, Any]]:
        age = self.age()
        if age is None:
            return []
        t = tb = None
        try:
            if self.interview_consented():
                t = self.trafficking_result()
            if self.tb_consented():
                tb = self.tb_result()
        except ValidationError:
            pass
        out: list[dict[str, Any]] = [
            {"kind": s.kind, "agency_code": s.agency_code, "reason_code": s.reason_code, "urgency": s.urgency,
             "reason_en": s.reason_en, "reason_km": s.reason_km}
            for s in screening.suggest_referrals(t, tb, age=age, accompanied=self.accompanied())]
        try:
            safety = self.safety_result()
        except ValidationError:
            return out
        # The safety rule's referral joins the ILO rule's: one per agency and kind, at the more urgent of the two.
        for r in safety.referrals:
            same = [x for x in out if (x["kind"], x["agency_code"]) == (r.kind, r.agency_code)]
            if same:
                if URGENCIES.index(r.urgency) < URGENCIES.index(same[0]["urgency"]):
                    same[0].update(urgency=r.urgency, reason_code=r.reason_code, safety_rule=True)
                continue
            out.append({**r.to_dict(), "reason_en": safety.message, "reason_km": "", "safety_rule": True})
        return out

    # ------------------------------------------------------------------ MRZ
    def apply_mrz(self, text: str) -> Any:
        """Parse what a document reader typed and fill the identity fields it carries. Raises ValidationError
        for text that is not an MRZ; a failed check digit is reported in the result, never treated as forgery."""
        res = mrz.parse(text, today=self.today)
        fill: dict[str, Any] = {"family_name": res.surname, "given_names": res.given_names,
                                "id_document_type": "PASSPORT" if res.document_type.startswith("P") else "OTHER",
                                "id_document_number": res.document_number,
                                "document_issuing_state": country_from_mrz(res.issuing_state),
                                "citizenship": country_from_mrz(res.nationality), "mrz_valid": res.valid}
        # A code outside the country list is never stored or shown as some other country: the field is left for the
        # officer (the citizenship cleared, even if typed before; the issuing state is not asked on screen).
        unknown = [c for c in (res.nationality, res.issuing_state) if c and country_from_mrz(c) is None]
        if fill["citizenship"] is None:
            self.person.pop("citizenship", None)
        if fill["document_issuing_state"] is None:
            self.person.pop("document_issuing_state", None)
        if res.sex in ("F", "M", "X"):
            fill["sex"] = res.sex
        if res.birth_date:
            fill["date_of_birth"] = res.birth_date.isoformat()
            self.person.pop("age_years", None)
        if res.expiry_date:
            fill["document_expiry"] = res.expiry_date.isoformat()
        self.person.update({k: v for k, v in fill.items() if v not in (None, "")})
        self.mrz_result = {"valid": res.valid, "failed_checks": sorted(res.failed_checks),
                           "warnings": sorted(getattr(res, "warnings", ()) or ()),
                           "unknown_country_codes": sorted(set(unknown)),
                           "unknown_nationality": res.nationality if fill["citizenship"] is None else None}
        return res

    # ------------------------------------------------------------------ saving
    def register_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for Session.register."""
        kw: dict[str, Any] = {"encounter": dict(self.encounter), "consents": dict(self.consents),
                              "referrals": [{k: r[k] for k in ("kind", "agency_code", "reason_code", "urgency",
                                                               "notes") if k in r} for r in self.referrals
                                            if not (self.open_tb_referral and r.get("kind") == "health")],
                              "draft_id": self.draft_id}
        if self.existing_person_id:
            kw["person_id"] = self.existing_person_id
            updates = self.contact_updates()
            if updates:
                kw["person_updates"] = updates                   # her new phone and destination: kept, not lost
        else:
            kw["person"] = {k: v for k, v in self.person.items() if v not in (None, "")}
        kw["consents"]["screening"] = self.screening_consented()
        records = self.consent_records()
        if records:
            kw["consent_records"] = records
        if self.tb_consented():
            kw["tb"] = self.tb_answers()
        if self.interview_consented():
            t: dict[str, Any] = {"ticked": sorted(self.ticked), "answered_no": sorted(self.answered_no - self.ticked)}
            if self.exploitation_types:
                t["exploitation_types"] = sorted(self.exploitation_types)
            if self.age_at_exploitation is not None:
                t["age_at_exploitation"] = self.age_at_exploitation
            kw["trafficking"] = t
            if any(v != "not_asked" for v in self.prescreen.values()):
                kw["prescreen"] = dict(self.prescreen)
        return kw

    def save_kwargs(self) -> tuple[str, dict[str, Any]]:
        """The service method and its keyword arguments: ``complete`` on a quick registration's own arrival (with the
        queue entry to close), else ``register`` (a new arrival)."""
        kw = self.register_kwargs()
        if self.arrival_encounter_id is None:
            return "register", kw
        kw.pop("person", None)
        kw.pop("person_id", None)
        kw["encounter"] = {k: v for k, v in kw["encounter"].items()
                           if k not in ("arrival_at", "station_id", "accompanied_minor")}
        return "complete", {"encounter_id": self.arrival_encounter_id, "queue_entry_id": self.queue_entry_id, **kw}

    @classmethod
    def from_arrival(cls, info: dict[str, Any], *, now: datetime, queue_entry_id: str | None = None,
                     station_id: str = DEFAULT_STATION_ID, tb_mode: str = DEFAULT_TB_MODE,
                     tb_policy: dict[str, bool] | None = None) -> RegistrationFlow:
        """A flow continuing a quick registration's arrival (``Registrations.arrival``): the person is the arrival's
        (identity already recorded), the journey prefilled, and a child's guardian consent prefilled from the
        household's recorded guardian."""
        f = cls(now=now, station_id=station_id, tb_mode=tb_mode, tb_policy=dict(tb_policy or {}),
                existing_person_id=info["person_id"], existing_person_dob=info.get("date_of_birth"),
                arrival_encounter_id=info["encounter_id"], queue_entry_id=queue_entry_id,
                child_status=info.get("child_status"),
                guardian_person_id=(info.get("guardian") or {}).get("id"))
        f.use_existing(info["person_id"], info.get("date_of_birth"), info.get("contact"))
        e = info.get("encounter") or {}
        f.encounter = {k: e[k] for k in ("return_type", "interpreter_used", "accompanied_minor",
                                         "controlling_person_present") if e.get(k) not in (None, "")}
        g = info.get("guardian")
        if g and f.child_status == "ACCOMPANIED":
            f.guardian = {"name": g.get("name", ""), "relationship": "parent"}
        return f

    def to_draft(self, step: Step) -> dict[str, Any]:
        return {"step": step.value, "person": self.person, "existing_person_id": self.existing_person_id,
                "existing_person_dob": self.existing_person_dob, "existing_contact": dict(self.existing_contact),
                "encounter": self.encounter,
                "consents": self.consents, "ticked": sorted(self.ticked), "answered_no": sorted(self.answered_no),
                "exploitation_types": list(self.exploitation_types), "prescreen": dict(self.prescreen),
                "purposes": dict(self.purposes), "sharing_agencies": list(self.sharing_agencies),
                "guardian": dict(self.guardian), "officer_referrals": list(self.officer_referrals),
                "age_at_exploitation": self.age_at_exploitation, "tb": self.tb, "referrals": self.referrals,
                "mrz_result": self.mrz_result, "arrival_encounter_id": self.arrival_encounter_id,
                "queue_entry_id": self.queue_entry_id, "child_status": self.child_status,
                "guardian_person_id": self.guardian_person_id, "open_tb_referral": self.open_tb_referral}

    @classmethod
    def from_draft(cls, data: dict[str, Any], *, now: datetime, draft_id: str,
                   station_id: str = DEFAULT_STATION_ID, tb_mode: str = DEFAULT_TB_MODE
                   ) -> tuple[RegistrationFlow, Step]:
        f = cls(now=now, station_id=station_id, tb_mode=tb_mode, draft_id=draft_id)
        f.person = dict(data.get("person") or {})
        f.existing_person_id = data.get("existing_person_id")
        f.existing_person_dob = data.get("existing_person_dob")
        contact = data.get("existing_contact")
        if f.existing_person_id and isinstance(contact, dict):
            f.existing_contact = {k: contact[k] for k in CONTACT_FIELDS if isinstance(contact.get(k), str)}
        f.encounter = dict(data.get("encounter") or {})
        f.consents = dict(data.get("consents") or {})
        f.ticked = set(data.get("ticked") or [])
        f.answered_no = set(data.get("answered_no") or [])
        f.exploitation_types = list(data.get("exploitation_types") or [])
        f.purposes = {k: bool(v) for k, v in (data.get("purposes") or {}).items() if isinstance(k, str)}
        f.sharing_agencies = [a for a in (data.get("sharing_agencies") or []) if isinstance(a, str)]
        f.guardian = {k: str(v) for k, v in (data.get("guardian") or {}).items() if k in ("name", "relationship")}
        f.officer_referrals = [r for r in (data.get("officer_referrals") or []) if isinstance(r, dict)]
        f.prescreen = {k: v for k, v in (data.get("prescreen") or {}).items() if isinstance(k, str)
                       and v in ("yes", "no", "not_asked")}
        f.age_at_exploitation = data.get("age_at_exploitation")
        by_kw = {kw: i for i, kw in TB_FIELDS.items()}
        f.tb = {by_kw.get(k, k): v for k, v in (data.get("tb") or {}).items()}   # drafts saved before the content ids
        f.referrals = list(data.get("referrals") or [])
        f.mrz_result = data.get("mrz_result")
        for k in ("arrival_encounter_id", "queue_entry_id", "child_status", "guardian_person_id"):
            v = data.get(k)
            setattr(f, k, v if isinstance(v, str) and v else None)
        o = data.get("open_tb_referral")
        if isinstance(o, dict) and f.existing_person_id:
            f.set_open_tb_referral(o)
        try:
            step = Step(data.get("step", "identity"))
        except ValueError:
            step = Step.IDENTITY
        return f, step

