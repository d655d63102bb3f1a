"""Issue 13, point 3 on the Data tab: a supervisor exports NEA's file as XLSX or CSV, in the documented layout or
through a mapping file for NEA's template; a bad mapping is refused with a translated message and not kept; an
admin and an officer have no NEA export. Offscreen, no sleeps; the file dialogs are replaced."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from checkpoint.services.nea import NEA_COLUMNS
from checkpoint.services.nea_mapping import MSG_MAP_UNKNOWN_SOURCE
from tests.services_assistance.test_nea_xlsx import EXAMPLE
from tests.support.ui_helpers import show_active, wait_idle
from tests.support.xlsx_read import read_xlsx
from ui.i18n import set_language
from ui.messages import tr
from ui.qt import QApplication, QGroupBox, Qt
from ui.views.supervisor import SupervisorView


def _open(qtbot: Any, ctx: Any) -> SupervisorView:
    view = SupervisorView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    wait_idle(qtbot, ctx)
    if view.data_tab is not None:
        view.tabs.setCurrentWidget(view.data_tab)
    return view


def _click(qtbot: Any, box: Any, btn: Any) -> None:
    with qtbot.waitSignal(box.finished, timeout=10_000):
        qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)


def _register(ctx: Any) -> None:
    s = ctx.session
    q = ctx.runner.run_sync(s.arrivals.quick_register, {"family_name": "SOK", "given_names": "DARA", "sex": "F",
                                                        "age_years": 30, "name_khmer": "សុខ ដារ៉ា"})
    ctx.runner.run_sync(s.nea.register, q.encounter_id, {"desired_job": "DRIVER", "phone": "012345678"},
                        consent={"granted": True})


def test_a_supervisor_exports_xlsx_then_csv_through_the_example_mapping(make_ctx: Any, qtbot: Any,
                                                                        tmp_path: Path) -> None:
    ctx = make_ctx("dara")
    _register(ctx)
    view = _open(qtbot, ctx)
    box = view.data_tab.nea
    assert box is not None and box.export_btn.isVisible()
    assert "documented NEA layout (34 column(s))" in box.layout_label.text()
    view.choose_path = lambda purpose, suggested: str(tmp_path / "nea.xlsx") if purpose == "nea" else None
    _click(qtbot, box, box.export_btn)
    assert not box.error.isVisibleTo(box), box.error.text()
    _, rows = read_xlsx(tmp_path / "nea.xlsx")
    assert tuple(rows[0]) == NEA_COLUMNS
    people = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert ("SOK", "DARA", "សុខ ដារ៉ា") in [(p["family_name"], p["given_names"], p["name_khmer"]) for p in people]
    assert str(tmp_path / "nea.xlsx") in box.message.text() and box.warning.isVisibleTo(box)

    box.choose_mapping = lambda: str(EXAMPLE)
    _click(qtbot, box, box.mapping_btn)
    assert "EXAMPLE" in box.layout_label.text() and box.clear_btn.isEnabled()
    view.choose_path = lambda purpose, suggested: str(tmp_path / "mapped.csv")
    _click(qtbot, box, box.export_btn)
    with (tmp_path / "mapped.csv").open(encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    assert header == [c["header"] for c in json.loads(EXAMPLE.read_text(encoding="utf-8"))["columns"]]
    _click(qtbot, box, box.export_btn)                       # the same name again: refused, nothing overwritten
    assert "already exists" in box.error.text()


def test_a_bad_mapping_is_refused_in_khmer_and_not_kept(make_ctx: Any, qtbot: Any, tmp_path: Path) -> None:
    ctx = make_ctx("dara")
    view = _open(qtbot, ctx)
    box = view.data_tab.nea
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"mapping_version": 1, "name": "<b>NEA</b>",
                               "columns": [{"header": "Pay", "source": "salary"}]}))
    box.choose_mapping = lambda: str(bad)
    set_language(QApplication.instance(), "km")
    try:
        _click(qtbot, box, box.mapping_btn)
        khmer = tr("Core", MSG_MAP_UNKNOWN_SOURCE)
        assert khmer != MSG_MAP_UNKNOWN_SOURCE                       # really translated
        assert khmer.replace("%1", "1").replace("%2", "Pay").replace("%3", "salary") in box.error.text()
    finally:
        set_language(QApplication.instance(), "en")
    assert box.mapping is None and box.mapping_path is None and not box.clear_btn.isEnabled()
    assert "(34 " in box.layout_label.text()                       # back to the documented layout's 34 columns


def test_an_admin_and_an_officer_have_no_nea_export(make_ctx: Any, qtbot: Any) -> None:
    admin = _open(qtbot, make_ctx("rith"))
    assert admin.data_tab is not None and admin.data_tab.nea is None
    assert admin.findChild(QGroupBox, "nea_export_box") is None
    assert _open(qtbot, make_ctx("sokha")).data_tab is None
