"""Issue 12: key presses for a negative case with the red-flag pre-screen (MRZ scan to saved; target <= 30), and the
GUI-thread time of the pre-screen's actions (answer a question, the eight no's hiding the checklist, the save).

A small store (1,000 persons) is enough: the pre-screen's handlers read nothing from the store; the save is one
registration (its cost at 1,000,000 persons is bench_store's). Prints figures; the machine may be shared.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from checkpoint.services import unlock
from tests.bench.bench_store import PW, build_store
from tests.bench.bench_ui import GuiClock, _passport
from tests.support.ui_helpers import Keyboard, show_active
from ui.context import AppContext
from ui.qt import Qt, QWidget
from ui.tasks import TaskRunner


@pytest.fixture(scope="module")
def store_1k(tmp_path_factory: Any) -> Path:
    path = tmp_path_factory.mktemp("prescreen") / "store-1000.db"
    build_store(path, 1000)
    return path


def test_negative_case_with_the_pre_screen(qtbot: Any, store_1k: Path) -> None:
    from checkpoint.workflows.registration import RegistrationFlow, Step
    from ui.wizards.registration import RegistrationWizard

    runner = TaskRunner()
    clock = GuiClock(runner)
    session = runner.run_sync(unlock, store_1k, "dara", PW)
    ctx = AppContext(runner, session)
    w = RegistrationWizard(ctx, RegistrationFlow(now=session.store.clock.now()))
    qtbot.addWidget(w)
    show_active(qtbot, w)
    mrz = w.findChild(QWidget, "mrz")
    mrz.setFocus()
    for line in _passport():
        qtbot.keyClicks(mrz, line)
        qtbot.keyClick(mrz, Qt.Key.Key_Return)
    kb = Keyboard(qtbot)
    times: dict[str, float] = {}
    kb.press(Qt.Key.Key_Return)
    kb.press(Qt.Key.Key_Return)
    for c in ("storage", "screening"):
        kb.tab_to(w, c)
        kb.press(Qt.Key.Key_Space)
    times["next: consent -> red flags"] = clock.measure(qtbot, lambda: kb.press(Qt.Key.Key_Return))
    kb.tab_to(w, "PS-1")
    times["answer one red-flag question (N)"] = clock.measure(qtbot, lambda: kb.press(Qt.Key.Key_N))
    for _ in range(6):
        kb.press(Qt.Key.Key_N)
    times["the eighth no (hides the checklist)"] = clock.measure(qtbot, lambda: kb.press(Qt.Key.Key_N))
    times["next: red flags -> TB"] = clock.measure(qtbot, lambda: kb.press(Qt.Key.Key_Return))
    kb.press(Qt.Key.Key_Return)
    assert w.current_step() is Step.REVIEW
    with qtbot.waitSignal(w.saved, timeout=30_000):
        times["save the registration"] = clock.measure(qtbot, lambda: kb.press(Qt.Key.Key_Return))
    print(f"\n{'GUI-thread time per action (1,000 persons)':<46}")
    for k, v in times.items():
        print(f"{k:<46} {v * 1000:10.1f} ms   <= 100 ms")
    print(f"{'key presses, negative case with the pre-screen':<46} {kb.count:>10}   target <= 30 (after the scan)")
    assert kb.count <= 30
    runner.run_sync(session.lock)
    runner.shutdown()
