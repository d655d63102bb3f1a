"""Issue 10 point 3, as an operator sees it: one event in the checkpoint's feed that a device cannot apply (HQ
took it: it is well formed, about a person the checkpoint follows) used to roll back the pull page, leave the
cursor where it was and print a traceback, on every new laptop of the checkpoint. Now it is kept aside with its
reason, the rest is applied, the cursor moves on, and `checkpoint-admin sync` says so in one line."""

from __future__ import annotations

import json
from pathlib import Path

from checkpoint import crypto
from checkpoint.services import unlock
from tests.sync.device.test_cli import PW, hq, new_store, run  # noqa: F401 - hq is a fixture
from tests.sync.hq.test_trust import forge


def test_a_feed_event_no_device_can_apply_is_kept_aside_and_pulls_go_on(tmp_path: Path, hq) -> None:  # noqa: F811
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = new_store(tmp_path / "a", hq)
    assert run(first, "sync").returncode == 0
    s = unlock(first, "dara", PW, kdf=crypto.KdfParams.fast())
    try:
        enc_id, person = s.store.db.execute("SELECT id, person_id FROM encounters LIMIT 1").fetchone()
        # A value no projection can store (an object where a number goes): SQLite refuses to bind it.
        forge(s, "encounter.amended", person, {"encounter_id": enc_id, "changes": {"debt_amount": {"x": 1}},
                                               "reason": "typo"})
    finally:
        s.lock()
    assert run(first, "sync").returncode == 0
    second = new_store(tmp_path / "b", hq)                 # a new laptop of the same checkpoint
    p = run(second, "sync")
    assert p.returncode == 0, p.stderr
    [line] = [x for x in p.stdout.splitlines() if x.startswith("Received")]
    assert line.endswith("1 kept aside).")                 # one plain line; run() checked: no traceback
    st = json.loads(run(second, "sync-status", "--json").stdout)
    assert st["held_incoming"] == 1
    assert st["held_reasons"][0]["reason"].startswith("cannot be applied here: ")
    again = run(second, "sync", "--json")                  # the cursor moved on: nothing pulled twice
    assert again.returncode == 0 and json.loads(again.stdout)["pulled"] == 0
    s2 = unlock(second, "dara", PW, kdf=crypto.KdfParams.fast())
    try:
        persons = s2.store.db.execute("SELECT count(*) FROM persons").fetchone()[0]
    finally:
        s2.lock()
    assert persons == 50                                    # its own 25, and the first laptop's 25 arrived
