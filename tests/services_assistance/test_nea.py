"""session.nea (issue 13): NEA job registration prefilled from the journey, with its own consent; the export holds
exactly the persons whose NEA consent stands, in the documented columns, as a new owner-only file with
formula-neutralised cells, logged; roles; bad input writes nothing."""

from __future__ import annotations

import csv
import json
import os
import stat
from pathlib import Path

import pytest

from checkpoint.errors import ConflictError, PermissionDenied, ValidationError
from checkpoint.services.nea import NEA_COLUMNS
from checkpoint.storage.codec import decode_payload

FORM = {"occupation_abroad": "CONSTRUCTION_SITE", "years_experience": 3, "skills": ["WELDING", "CONSTRUCTION"],
        "skills_text": "tiling", "education": "PRIMARY", "languages": ["khm", "tha"], "desired_job": "DRIVER",
        "desired_province": "01", "abroad_again": "maybe", "abroad_where": "THA", "available_from": "2026-12-15",
        "phone": "012 345 678", "second_contact_name": "Mother", "second_contact_phone": "098765432",
        "home_province": "01", "home_commune": "Ou Chrov"}


def _events(s) -> int:
    return s.store.db.execute("SELECT count(*) FROM events").fetchone()[0]


def _arrival(officer, **over):
    person = {"family_name": "SOK", "given_names": "DARA", "sex": "M", "age_years": 30, **over}
    return officer.arrivals.quick_register(person).encounter_id


def test_register_with_consent_prefill_and_export_exactly_the_consenting(supervisor, sign_in, tmp_path) -> None:
    officer = sign_in("sokha")
    yes = _arrival(officer, phone="012999888")
    pre = officer.nea.prefill(yes)
    assert pre["phone"] == "012999888"
    officer.nea.register(yes, {**FORM, **{k: v for k, v in pre.items() if v and k == "phone"}},
                         consent={"granted": True})
    withdrawn = _arrival(officer, family_name="HENG", given_names="VISAL")
    officer.nea.register(withdrawn, {**FORM, "second_contact_name": "=HYPERLINK(1)"}, consent={"granted": True})
    officer.consents.withdraw(withdrawn, "nea_registration", reason="changed her mind")
    never = _arrival(officer, family_name="CHEA", given_names="NARY")
    before = _events(officer)
    with pytest.raises(ValidationError) as e:
        officer.nea.register(never, FORM)                              # no NEA consent: nothing registered
    assert e.value.field == "consent"
    with pytest.raises(ValidationError):
        officer.nea.register(never, FORM, consent={"granted": False})
    assert _events(officer) == before
    with pytest.raises(ConflictError):
        officer.nea.register(yes, FORM)
    child = _arrival(officer, family_name="KEO", given_names="SREY", age_years=16)
    with pytest.raises(ValidationError):
        officer.nea.register(child, FORM, consent={"granted": True})   # a child's consent is the guardian's
    officer.nea.register(child, FORM, consent={"granted": True, "given_by": "guardian", "guardian_name": "KEO Sok",
                                               "guardian_relationship": "father"})

    today = officer._ctx.today()
    out = tmp_path / "nea.csv"
    with pytest.raises(PermissionDenied):
        officer.nea.export(today, today, out)                          # exports are a supervisor's
    done = supervisor.nea.export(today, today, out)
    assert done.rows == 2
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == NEA_COLUMNS
    got = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [(r["family_name"], r["given_names"]) for r in got] == [("SOK", "DARA"), ("KEO", "SREY")]
    sok = got[0]
    assert sok["phone"] == "012999888" and sok["occupation_abroad"] == "CONSTRUCTION_SITE"   # phone from the journey
    assert sok["occupation_abroad_isco"] == "7" and sok["sector_abroad"] == "F"   # ISCO and ISIC behind the words
    assert sok["desired_job_isco"] == "8" and sok["desired_sector"] == "H"
    assert sok["skills"] == "WELDING;CONSTRUCTION" and sok["education_isced"] == "1"
    assert got[1]["consent_given_by"] == "guardian"
    with pytest.raises(ValidationError):
        supervisor.nea.export(today, today, out)                       # never overwrites
    logged = supervisor.store.db.execute("SELECT payload FROM events WHERE type = 'records.exported'").fetchall()
    assert [json.loads(decode_payload(r[0])) for r in logged] == [{"rows": 2, "format": "nea-csv"}]


def test_formula_cells_are_neutralised(supervisor, sign_in, tmp_path: Path) -> None:
    officer = sign_in("sokha")
    enc = _arrival(officer)
    officer.nea.register(enc, {**FORM, "skills_text": "+SUM(A1)", "second_contact_name": "=cmd|' /C calc'!A0"},
                         consent={"granted": True})
    today = officer._ctx.today()
    out = tmp_path / "n.csv"
    supervisor.nea.export(today, today, out)
    text = out.read_text(encoding="utf-8-sig")
    assert "'=cmd" in text and "'+SUM(A1)" in text


@pytest.mark.parametrize(("field", "value"), [
    ("years_experience", -2), ("years_experience", 400), ("skills", ["JUGGLING"]), ("skills", "WELDING"),
    ("education", "PHD_MARS"), ("desired_province", "99"), ("abroad_again", "perhaps"),
    ("available_from", "15/12/2026"), ("available_from", "2031-01-01"), ("phone", "call me"),
    ("occupation_abroad", "ASTRONAUT"), ("favourite_colour", "red"),
])
def test_bad_form_writes_nothing(supervisor, sign_in, field, value) -> None:
    officer = sign_in("sokha")
    enc = _arrival(officer)
    before = _events(officer)
    with pytest.raises(ValidationError) as e:
        officer.nea.register(enc, {**FORM, field: value}, consent={"granted": True})
    assert e.value.field in (field, "form")
    assert _events(officer) == before


def test_where_abroad_only_when_going_again_and_a_way_to_reach_them(supervisor, sign_in) -> None:
    officer = sign_in("sokha")
    enc = _arrival(officer)
    with pytest.raises(ValidationError):
        officer.nea.register(enc, {**FORM, "abroad_again": "no"}, consent={"granted": True})
    with pytest.raises(ValidationError):
        officer.nea.register(enc, {**FORM, "phone": "", "second_contact_phone": ""}, consent={"granted": True})


def test_roles_without_the_need_cannot(supervisor, sign_in) -> None:
    officer, nurse, admin = sign_in("sokha"), sign_in("thida"), sign_in("rith")
    enc = _arrival(officer)
    for s in (nurse, admin):
        with pytest.raises(PermissionDenied):
            s.nea.register(enc, FORM, consent={"granted": True})
        with pytest.raises(PermissionDenied):
            s.nea.prefill(enc)
    today = officer._ctx.today()
    with pytest.raises(PermissionDenied):
        nurse.nea.rows(today, today)
