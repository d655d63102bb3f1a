"""An offline device trusts HQ's list of other checkpoints' slip keys as it last received it: a key HQ revoked since
still verifies until the next document. The check says how old that list is ("HQ's keys as of <date>") and, once it
is older than KEYS_STALE_DAYS, that a slip signed by a key revoked since may still show as valid — in the service's
verdict, in checkpoint-admin's line and in the Ctrl+K dialog (English and Khmer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checkpoint import codelists
from checkpoint.clock import ManualClock
from checkpoint.services.slipcheck import KEYS_STALE_DAYS
from sync.device.client import SyncClient
from tests.support.client_harness import enroll, new_device
from tests.support.helpers import registration

HEALTH = {"kind": "health", "agency_code": codelists.health_facilities()[0].code, "reason_code": "TB_PRESUMPTIVE",
          "urgency": "SAME_DAY"}


@pytest.fixture
def bavet_holds_poipets_slip(tmp_path: Path, clock: ManualClock, hq: Any):
    """(Poipet's device, Bavet's device, a slip printed at Poipet), Bavet holding HQ's document with Poipet's key."""
    a = new_device(tmp_path / "a.db", "Poipet", clock=clock)
    b = new_device(tmp_path / "b.db", "Bavet", clock=clock, username="sophea")
    enroll(a, hq)
    enroll(b, hq)
    reg = a.registrations.register(**registration(tb={"cough": True, "cough_days": 20}, referrals=[HEALTH]))
    token = a.slips.token(reg.referral_ids[0])
    SyncClient(a, hq).sync_once()
    SyncClient(b, hq).sync_once()
    yield a, b, token
    a.lock()
    b.lock()


def test_the_verdict_says_how_old_hqs_keys_are_and_warns_past_the_limit(bavet_holds_poipets_slip, clock) -> None:
    a, b, token = bavet_holds_poipets_slip
    today = b._ctx.today().isoformat()
    fresh = b.slipcheck.check_slip(token)
    assert fresh.valid and fresh.keys_as_of == today and not fresh.keys_stale
    clock.advance(days=KEYS_STALE_DAYS - 1)
    assert not b.slipcheck.check_slip(token).keys_stale            # within the limit: no warning
    clock.advance(days=2)                                           # offline past the limit, the document not expired
    old = b.slipcheck.check_slip(token)
    assert old.valid and old.keys_stale and not old.keys_expired and old.keys_as_of == today
    assert old.as_dict()["keys_stale"] is True and old.as_dict()["keys_as_of"] == today
    home = a.slipcheck.check_slip(token)                           # at home: its own keys, not HQ's list
    assert home.valid and home.keys_as_of == "" and not home.keys_stale


def test_the_dialog_says_it_in_english_and_khmer(bavet_holds_poipets_slip, clock, qtbot) -> None:
    from ui.dialogs.slip_check import SlipCheckDialog
    from ui.i18n import set_language
    from ui.qt import QApplication

    _a, b, token = bavet_holds_poipets_slip
    today = b._ctx.today().isoformat()
    dlg = SlipCheckDialog(None)                                    # the verdict's rendering only: no DB call
    qtbot.addWidget(dlg)
    dlg.show_verdict(b.slipcheck.check_slip(token))
    assert f"HQ's keys as of {today}." in dlg.facts.text() and "revoked" not in dlg.facts.text()
    clock.advance(days=KEYS_STALE_DAYS + 1)
    stale = b.slipcheck.check_slip(token)
    dlg.show_verdict(stale)
    text = dlg.facts.text()
    assert not dlg.facts.isHidden() and f"more than {KEYS_STALE_DAYS} days old" in text
    assert "revoked since may still show as valid" in text
    app = QApplication.instance()
    assert set_language(app, "km"), "checkpoint_km.qm is missing: `make qm` builds it"
    try:
        km = SlipCheckDialog(None)
        qtbot.addWidget(km)
        km.show_verdict(stale)
        k = km.facts.text()
        assert today in k and str(KEYS_STALE_DAYS) in k
        assert "revoked" not in k and "as of" not in k and any("\u1780" <= ch <= "\u17ff" for ch in k), k
    finally:
        set_language(app, "en")


def test_checkpoint_admin_prints_the_keys_age(bavet_holds_poipets_slip, clock, capsys, monkeypatch) -> None:
    """checkpoint-admin verify-slip's line, by its own command function on Bavet's open session (a subprocess would
    run on the real clock, which cannot be sixteen days on)."""
    import argparse

    import checkpoint.commands as commands
    from checkpoint import commands_slip

    _a, b, token = bavet_holds_poipets_slip

    class _Open:
        def __enter__(self) -> Any:
            return b

        def __exit__(self, *exc: object) -> None:
            return None

    monkeypatch.setattr(commands, "open_session", lambda _args: _Open())
    args = argparse.Namespace(token=token, file=None, json=False)
    assert commands_slip.cmd_verify_slip(args) == 0
    out = capsys.readouterr().out
    assert "HQ's keys as of" in out and "may still show as valid" not in out
    clock.advance(days=KEYS_STALE_DAYS + 1)
    assert commands_slip.cmd_verify_slip(args) == 0
    out = capsys.readouterr().out
    assert "HQ's keys as of" in out and f"more than {KEYS_STALE_DAYS} days old" in out
    assert "may still show as valid here" in out
