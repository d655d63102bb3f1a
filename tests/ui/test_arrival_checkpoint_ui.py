"""Where each arrival was registered, on screen: the record view names the checkpoint of every arrival (this one's
own name, or the other checkpoint's name HQ gave for an arrival pulled from it), and the quick form's possible
repeat returnee says where her last arrival was. Unknown to this device: "another checkpoint (station code)",
translated, never a bare code; a name from HQ is shown as plain text, never as markup. (The names reaching the
device from HQ: tests/sync/device/test_arrival_checkpoint_names.py.)"""

from __future__ import annotations

from typing import Any

from checkpoint.services import PossibleDuplicate
from checkpoint.services.records import RemoteAuthor
from tests.support.ui_helpers import wait_idle
from tests.ui.test_quick_form_ui import open_form
from tests.ui.test_records import person_with
from ui.qt import QLabel, Qt
from ui.views.person_detail import PersonDetail
from ui.views.person_record import arrival_box, history_box


def shown(qtbot: Any, e: dict[str, Any]) -> tuple[str, Qt.TextFormat]:
    box = arrival_box({"arrival_at": "2026-11-20T03:00:00+00:00", "review_status": "pending", **e}, role="officer",
                      on_approve=lambda _i: None)
    qtbot.addWidget(box)
    label = box.findChild(QLabel, "arrival_checkpoint")
    assert label is not None, "the arrival does not say where it was registered"
    return label.text(), label.textFormat()


def test_an_arrival_names_its_checkpoint_or_says_another_one(qtbot) -> None:
    assert shown(qtbot, {"checkpoint_name": "Bavet", "station_id": "BAVET_INTL"})[0] == "Bavet"
    assert shown(qtbot, {"checkpoint_name": "", "station_id": "BAVET_INTL"})[0] == "another checkpoint (BAVET_INTL)"
    assert shown(qtbot, {"checkpoint_name": "<b>Bavet</b>", "station_id": "BAVET_INTL"}) == (
        "<b>Bavet</b>", Qt.TextFormat.PlainText)


def test_the_record_view_names_this_checkpoint_for_its_own_arrivals(qtbot, make_ctx) -> None:
    ctx = make_ctx("dara")
    detail = PersonDetail(ctx)
    qtbot.addWidget(detail)
    pid = person_with(ctx, "SELECT person_id FROM encounters ORDER BY id LIMIT 1")
    with qtbot.waitSignal(detail.loaded):
        detail.show_person(pid)
    wait_idle(qtbot, ctx)
    labels = detail.findChildren(QLabel, "arrival_checkpoint")
    assert labels and {x.text() for x in labels} == {ctx.session.site.checkpoint_name}


def test_the_quick_forms_returnee_line_says_where_her_last_arrival_was(qtbot, make_ctx) -> None:
    form = open_form(qtbot, make_ctx("sokha"))

    def line(checkpoint: str, station: str) -> str:
        form._offer([PossibleDuplicate(
            id="0" * 8 + "-0000-0000-0000-" + "0" * 12, family_name="NGET", given_names="SAMBATH", name_khmer="",
            sex="M", date_of_birth="1988-04-04", dob_estimated=0, id_document_type="NONE", id_document_number="",
            phone="", home_province="", voided=0, created_at="2026-11-01T00:00:00+00:00",
            last_arrival_at="2026-11-20T03:00:00+00:00", last_arrival_checkpoint=checkpoint,
            last_arrival_station=station, reasons=("same_name_and_birth_date",))])
        return form.dups.item(0).text()

    assert line("Bavet", "BAVET_INTL").endswith("last arrival 2026-11-20 at Bavet")
    assert line("", "BAVET_INTL").endswith("last arrival 2026-11-20 at another checkpoint (BAVET_INTL)")
    assert line("%1 Bavet", "X").endswith("at %1 Bavet")       # a name is never read for placeholders


def test_the_history_names_the_checkpoint_of_a_change_made_elsewhere(qtbot) -> None:
    at = "2026-11-22T01:00:00.000+00:00"
    box = history_box([{"at": at, "what": "registration.recorded", "reason": "", "fields": [],
                        "who": RemoteAuthor("0b6c7f2e-4c1d-4a8e", "7e2a1b5d-4a72-44e9", "Bavet %2")},
                       {"at": at, "what": "registration.recorded", "reason": "", "fields": [],
                        "who": RemoteAuthor("1c7d8f3e-4c1d-4a8e", "8f3b2c6e-4a72-44e9")}])
    qtbot.addWidget(box)
    known, unknown = [w.text() for w in box.findChildren(QLabel, "history_entry")]
    assert "— Bavet %2 (device 0b6c7f2e / user 7e2a1b5d) —" in known
    assert "— device 1c7d8f3e / user 8f3b2c6e —" in unknown
