"""Issue 12 on an upgraded store: a checklist recorded before "not asked" existed (schema 0005, answers version 1)
still reads as it did — every unticked item "no", complete, its outcome unchanged, counted as screened — and the
upgraded store takes consent per purpose and withdrawals, and still verifies."""

from __future__ import annotations

import shutil
from pathlib import Path

from checkpoint.model.consent import wording
from checkpoint.services import unlock
from tests.support.helpers import adult, registration

FIXTURE = Path(__file__).parent / "fixtures" / "schema_0005_day_figures.db"


def test_an_old_checklist_reads_as_it_did_after_the_upgrade(tmp_path: Path) -> None:
    db = tmp_path / FIXTURE.name
    shutil.copy(FIXTURE, db)
    shutil.copy(str(FIXTURE) + ".keys", str(db) + ".keys")
    s = unlock(db, "dara", "fixture passphrase")
    try:
        [hit] = s.records.search("FIXTURE")
        [t] = s.records.get(hit.id)["encounters"][0]["trafficking"]
        assert t["outcome"] == "NOT_INDICATED" and t["answers_version"] == 1
        assert t["checklist_status"] == "COMPLETE" and t["answers"]["ILO-DR-1"] == "yes"
        assert t["answers"]["ILO-CD-4"] == "no" and "safety" not in t
        v = wording().version
        r = s.registrations.register(**registration(
            person=adult(id_document_number="N7777777"),
            consent_records=[{"purpose": "tb_screen", "granted": True, "wording_version": v},
                             {"purpose": "trafficking_interview", "granted": True, "wording_version": v}]))
        s.consents.withdraw(r.encounter_id, "tb_screen")
        old = s.records.get(hit.id)["encounters"][0]["id"]
        s.consents.withdraw(old, "screening", reason="no longer wishes")       # a consent of the older kind
        [w] = s.consents.of_person(hit.id)
        assert (w["purpose"], w["withdrawal_reason"]) == ("screening", "no longer wishes") and w["withdrawn_at"]
        assert s.records.get(hit.id)["encounters"][0]["consents"]["screening"] is False
        assert s.maintenance.verify().ok
    finally:
        s.lock()
