"""Issue 12 on a person's record: consent per purpose shown, withdrawn from the record (the next export leaves the
person out), the officer's own referral from the record; a health worker gets neither action."""

from __future__ import annotations

import csv

from tests.ui.test_records import db, open_person, view_for, wait_idle  # noqa: F401 - the fixture
from ui.qt import QLabel, QPushButton, Qt


def test_a_supervisor_withdraws_sharing_from_the_record(qtbot, view_for, tmp_path) -> None:  # noqa: F811
    ctx, view = view_for("dara")
    pid = db(ctx, "SELECT e.person_id FROM encounters e JOIN consents c ON c.encounter_id = e.id "
                  "WHERE c.purpose = 'sharing' AND c.granted = 1 LIMIT 1")[0][0]
    open_person(qtbot, view, pid)
    assert view.detail.withdraw_button.isVisible() and view.detail.refer_button.isVisible()
    dlg = view.detail.open_withdraw_dialog()
    assert dlg is not None
    i = next(i for i in range(dlg.consent.count()) if dlg.consent.itemData(i)[1] == "sharing")
    dlg.consent.setCurrentIndex(i)
    qtbot.keyClicks(dlg.reason, "asked at the desk")
    with qtbot.waitSignal(view.detail.loaded, timeout=10_000):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    lines = [w.text() for w in view.detail.findChildren(QLabel, "consent_record")]
    assert any(t.startswith("Sharing") and "withdrawn" in t for t in lines), lines
    wait_idle(qtbot, ctx)
    out = tmp_path / "export.csv"
    ctx.runner.run_sync(ctx.session.maintenance.export_csv, out)
    with open(out, encoding="utf-8-sig") as f:
        assert pid not in {r["person_id"] for r in csv.DictReader(f)}


def test_a_health_worker_can_neither_withdraw_nor_refer(qtbot, view_for) -> None:  # noqa: F811
    _ctx, view = view_for("thida")
    open_person(qtbot, view, view.model.person_id(0))
    assert not view.detail.withdraw_button.isVisible() and not view.detail.refer_button.isVisible()
    assert not [b for b in view.detail.findChildren(QPushButton, "refer") if b.isVisibleTo(view.detail)]
