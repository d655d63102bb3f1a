"""Issue 12, point 6 on the Data tab: the retention period, the minimisation pass (count only or now) and restoring
a backup, refused with a translated message when it is older than the retention period. Offscreen, no sleeps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checkpoint.services.retention import MSG_BACKUP_TOO_OLD
from tests.conftest import PASS
from tests.support.ui_helpers import show_active, wait_idle
from ui.i18n import set_language
from ui.messages import tr
from ui.qt import QApplication, Qt
from ui.views.supervisor import SupervisorView


def _open(qtbot: Any, ctx: Any) -> SupervisorView:
    view = SupervisorView(ctx)
    qtbot.addWidget(view)
    show_active(qtbot, view)
    wait_idle(qtbot, ctx)
    return view


def _click(qtbot: Any, box: Any, btn: Any) -> None:
    with qtbot.waitSignal(box.finished, timeout=10_000):
        qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)


def test_a_supervisor_sets_the_period_and_counts_what_would_go(make_ctx: Any, qtbot: Any) -> None:
    ctx = make_ctx("dara")
    box = _open(qtbot, ctx).data_tab.retention
    assert box is not None and box.days.value() == 30
    box.days.setValue(45)
    _click(qtbot, box, box.save_btn)
    assert box.message.text() == "Retention period saved: 45 day(s)."
    assert ctx.runner.run_sync(ctx.session.retention.period_days) == 45
    _click(qtbot, box, box.count_btn)
    assert "would lose their protection section" in box.message.text()     # none synced: nothing goes
    assert not box.error.isVisibleTo(box)


def test_an_admin_restores_but_cannot_minimise_and_an_officer_sees_nothing(make_ctx: Any, qtbot: Any) -> None:
    box = _open(qtbot, make_ctx("rith")).data_tab.retention
    assert box is not None
    assert box.restore_btn.isVisibleTo(box) and not box.run_btn.isVisibleTo(box)
    assert not box.count_btn.isVisibleTo(box) and not box.save_btn.isVisibleTo(box)
    assert _open(qtbot, make_ctx("sokha")).data_tab is None


def test_an_old_backup_is_refused_in_khmer_and_nothing_is_written(make_ctx: Any, qtbot: Any, tmp_path: Path,
                                                                  clock: Any) -> None:
    ctx = make_ctx("dara")
    view = _open(qtbot, ctx)
    box = view.data_tab.retention
    ctx.runner.run_sync(ctx.session.maintenance.backup, tmp_path / "old.db")
    clock.advance(days=31)
    target = tmp_path / "restored.db"
    view.choose_path = lambda purpose, suggested: str(target)
    box.choose_backup = lambda: str(tmp_path / "old.db")
    set_language(QApplication.instance(), "km")
    try:
        box.passphrase.setText(PASS["dara"])
        _click(qtbot, box, box.restore_btn)
        khmer = tr("Core", MSG_BACKUP_TOO_OLD)
        assert khmer != MSG_BACKUP_TOO_OLD                   # really translated
        assert khmer in box.error.text()
    finally:
        set_language(QApplication.instance(), "en")
    assert not target.exists() and not Path(f"{target}.keys").exists()
    assert box.passphrase.text() == ""                        # the passphrase does not stay on screen
