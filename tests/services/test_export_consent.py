"""The CSV export (issue 10, point 16): owner-only from its first byte, and no screening outcome without the
person's consent to sharing (TB included)."""

from __future__ import annotations

import csv
import os
import stat

from tests.support.helpers import adult, registration


def _rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return {r["id_document_number"]: r for r in csv.DictReader(f)}


def test_export_is_0600_and_holds_no_tb_outcome_without_sharing_consent(supervisor, tmp_path) -> None:
    tb = {"cough": True, "cough_days": 21, "fever": True}
    consents = {"screening": True, "storage": True, "referral": True, "sharing": True}
    supervisor.registrations.register(**registration(tb=tb, person=adult(id_document_number="N0000001")))
    supervisor.registrations.register(**registration(
        tb=tb, person=adult(id_document_number="N0000002", family_name="KEO"),
        consents={**consents, "sharing": False}))
    old = os.umask(0o022)           # the usual umask: a plain open() would make it world-readable
    try:
        out = supervisor.maintenance.export_csv(tmp_path / "out.csv").path
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = _rows(out)
    assert rows["N0000001"]["tb_outcome"] == "PRESUMPTIVE_TB_REFER"
    assert rows["N0000002"]["tb_outcome"] == "withheld (no consent to sharing)"
    assert rows["N0000002"]["trafficking_outcome"] in ("", "withheld (no consent to sharing)")
    assert not list(tmp_path.glob("*.part"))
