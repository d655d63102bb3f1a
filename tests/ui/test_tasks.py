"""The task runner: results on the GUI thread, and the one stale-result guard (``Op.latest``), with real threads.

Gates (threading.Event) hold a worker inside an op, so the order in which work finishes is forced, not hoped for.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from ui.qt import QObject

TIMEOUT = 10  # seconds a gated op waits at most (a failing test must not hang)


def gated(name: str, gate: threading.Event, ran: list[str], *, fail: bool = False) -> Any:
    """An op body that waits for ``gate``, records that it ran (on which thread), then returns or raises."""
    def work() -> str:
        assert gate.wait(TIMEOUT), "gate never opened"
        ran.append(name)
        if fail:
            raise ValueError(name)
        return name
    return work


def quick(name: str, ran: list[str]) -> Any:
    def work() -> str:
        ran.append(name)
        return name
    return work


def settle(qtbot: Any, runner: Any) -> None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=TIMEOUT * 1000)


def test_results_arrive_on_the_gui_thread_from_the_db_worker(qtbot, runner) -> None:
    threads: list[str] = []
    delivered: list[tuple[str, threading.Thread]] = []
    runner.op(lambda: threads.append(threading.current_thread().name) or "x") \
        .success(lambda r: delivered.append((r, threading.current_thread()))).run()
    settle(qtbot, runner)
    assert threads[0].startswith("checkpoint-db")
    assert delivered == [("x", threading.main_thread())]


def test_on_the_db_worker_only_the_newest_request_of_a_key_is_delivered(qtbot, runner) -> None:
    gate, ran, got = threading.Event(), [], []
    runner.op(gated("old", gate, ran)).latest("list").success(got.append).run()
    runner.op(quick("new", ran)).latest("list").success(got.append).run()    # queued behind "old"
    gate.set()
    settle(qtbot, runner)
    assert ran == ["old", "new"]          # both ran, in order (one DB worker)...
    assert got == ["new"]                 # ...but the older answer never reached the screen


@pytest.mark.parametrize("newer_first", [True, False])
def test_on_the_network_pool_an_older_result_is_dropped_whichever_finishes_first(qtbot, runner, newer_first) -> None:
    old_gate, new_gate, ran, got = threading.Event(), threading.Event(), [], []
    runner.op(gated("old", old_gate, ran), network=True).latest("probe").success(got.append).run()
    runner.op(gated("new", new_gate, ran), network=True).latest("probe").success(got.append).run()
    first, second = (new_gate, old_gate) if newer_first else (old_gate, new_gate)
    first.set()
    qtbot.waitUntil(lambda: len(ran) == 1, timeout=TIMEOUT * 1000)
    second.set()
    settle(qtbot, runner)
    assert sorted(ran) == ["new", "old"]
    assert got == ["new"]


def test_a_stale_failure_is_dropped_too(qtbot, runner) -> None:
    gate, ran, got, errors, unhandled = threading.Event(), [], [], [], []
    runner.unhandled_error.connect(unhandled.append)
    runner.op(gated("old", gate, ran, fail=True)).latest("k").success(got.append).failure(errors.append).run()
    runner.op(gated("old-no-handler", gate, ran, fail=True)).latest("k").run()
    runner.op(quick("new", ran)).latest("k").success(got.append).failure(errors.append).run()
    gate.set()
    settle(qtbot, runner)
    assert got == ["new"] and errors == [] and unhandled == []


def test_a_failure_of_the_newest_request_is_delivered(qtbot, runner) -> None:
    gate, ran, got, errors = threading.Event(), [], [], []
    runner.op(quick("old", ran)).latest("k").success(got.append).run()
    runner.op(gated("new", gate, ran, fail=True)).latest("k").success(got.append) \
        .failure(lambda e: errors.append(str(e))).run()
    gate.set()
    settle(qtbot, runner)
    assert got == [] and errors == ["new"]


def test_other_keys_other_owners_and_unkeyed_ops_are_all_delivered(qtbot, runner) -> None:
    gate, ran, got = threading.Event(), [], []
    view_a, view_b = QObject(), QObject()
    runner.op(gated("a-list", gate, ran)).owned_by(view_a).latest("list").success(got.append).run()
    runner.op(quick("b-list", ran)).owned_by(view_b).latest("list").success(got.append).run()
    runner.op(quick("a-count", ran)).owned_by(view_a).latest("count").success(got.append).run()
    runner.op(quick("plain-1", ran)).success(got.append).run()
    runner.op(quick("plain-2", ran)).success(got.append).run()
    gate.set()
    settle(qtbot, runner)
    assert got == ["a-list", "b-list", "a-count", "plain-1", "plain-2"]


def test_latest_wins_within_one_owner_and_unowned_ops_are_a_scope_of_their_own(qtbot, runner) -> None:
    gate, ran, got = threading.Event(), [], []
    view = QObject()
    runner.op(gated("first", gate, ran)).owned_by(view).latest("list").success(got.append).run()
    runner.op(quick("second", ran)).owned_by(view).latest("list").success(got.append).run()
    runner.op(quick("unowned", ran)).latest("list").success(got.append).run()   # another scope: no owner
    gate.set()
    settle(qtbot, runner)
    assert got == ["second", "unowned"]


def test_drop_pending_drops_results_without_a_new_request(qtbot, runner) -> None:
    gate, ran, got = threading.Event(), [], []
    pane = QObject()
    runner.op(gated("record", gate, ran)).owned_by(pane).latest("record").success(got.append).run()
    runner.drop_pending("record", pane)          # the pane was cleared while its record was loading
    runner.drop_pending("never-used", pane)      # nothing in flight: nothing to do
    gate.set()
    settle(qtbot, runner)
    assert ran == ["record"] and got == []
    runner.op(quick("again", ran)).owned_by(pane).latest("record").success(got.append).run()
    settle(qtbot, runner)
    assert got == ["again"]


def test_busy_and_idle_follow_every_op_delivered_or_dropped(qtbot, runner) -> None:
    gate, ran = threading.Event(), []
    busy: list[bool] = []
    runner.busy_changed.connect(busy.append)
    with qtbot.waitSignal(runner.idle, timeout=TIMEOUT * 1000):
        for i in range(5):
            runner.op(gated(f"op{i}", gate, ran)).latest("k").run()
        gate.set()
    assert busy == [True, False] and runner.pending == 0
    assert runner._latest == {}               # nothing kept once the key's ops are all back
