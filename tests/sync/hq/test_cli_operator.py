"""checkpoint-hq quarantine|gaps|conflicts as an operator runs them: list (text and --json), show (audited),
release (checked again; exit 4 when it stays), reject, give up a gap, decide a conflict; a decision without a
reason is a usage error that changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkpoint.events import event_hash
from sync.hq.cli import main
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from tests.sync.hq.web.harness import START, audit_rows, seed


def _run(db: str, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(["--db", db, *args])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return rc, out.out, out.err


def test_the_operator_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from checkpoint.clock import ManualClock

    db = f"sqlite:///{tmp_path / 'hq.db'}"
    hq = HQService(HQStore.open(db), HQKeys.generate(), clock=ManualClock(START))
    devs = seed(hq)
    ev = devs["poipet"].event()
    hq.push(devs["poipet"].seal([ev], hq.keys.exchange_public))
    other = {**ev, "payload": ev["payload"].replace("DARA", "DAVY")}
    other["hash"] = event_hash(other)
    hq.push(devs["poipet"].seal([other], hq.keys.exchange_public))
    bavet = devs["bavet"].device_id

    rc, out, _ = _run(db, "quarantine", "list", "--json", capsys=capsys)
    (q,) = json.loads(out)
    assert rc == 0 and q["state"] == "open" and "does not match" in q["reason"] and "raw" not in q
    rc, out, _ = _run(db, "quarantine", capsys=capsys)                       # the old form still lists
    assert rc == 0 and f"#{q['id']}" in out and "Poipet" in out and "DAVY" not in out
    rc, out, _ = _run(db, "quarantine", "show", str(q["id"]), "--by", "vanna", capsys=capsys)
    assert rc == 0 and "DAVY" in out
    assert [(a["username"], a["action"]) for a in audit_rows(hq.store, "view_record")] == [("vanna", "view_record")]
    rc, _, err = _run(db, "quarantine", "release", str(q["id"]), capsys=capsys)
    assert rc == 2 and "--reason" in err
    rc, out, _ = _run(db, "quarantine", "release", str(q["id"]), "--reason", "try", "--json", capsys=capsys)
    assert rc == 4 and json.loads(out)["released"] is False and "hash mismatch" in json.loads(out)["reason"]
    rc, out, _ = _run(db, "quarantine", "reject", str(q["id"]), "--reason", "tampered", capsys=capsys)
    assert rc == 0 and "rejected" in out
    rc, out, _ = _run(db, "quarantine", "list", "--state", "rejected", "--json", capsys=capsys)
    assert [r["note"] for r in json.loads(out)] == ["tampered"] and json.loads(out)[0]["by"].startswith("cli")
    rc, _, err = _run(db, "quarantine", "reject", "x1", "--reason", "r", capsys=capsys)
    assert rc == 2

    rc, out, _ = _run(db, "gaps", "list", "--json", capsys=capsys)
    (g,) = json.loads(out)
    assert rc == 0 and (g["device_id"], g["missing"], g["held"]) == (bavet, [[3, 3]], 1)
    rc, out, _ = _run(db, "gaps", "list", capsys=capsys)
    assert "missing 3  held 1" in out
    assert _run(db, "gaps", "release", bavet, capsys=capsys)[0] == 2
    rc, out, _ = _run(db, "gaps", "release", bavet, "--reason", "laptop stolen", capsys=capsys)
    assert rc == 0 and "1 held events applied" in out
    assert json.loads(_run(db, "gaps", "list", "--json", capsys=capsys)[1]) == []
    rc, _, err = _run(db, "gaps", "release", bavet, "--reason", "again", capsys=capsys)
    assert rc != 0 and "no held events" in err

    rc, out, _ = _run(db, "conflicts", "list", "--json", capsys=capsys)
    (c,) = json.loads(out)
    assert rc == 0 and c["event_id"] == ev["id"] and c["state"] == "open"
    rc, out, _ = _run(db, "conflicts", "decide", str(c["id"]), "--reason", "HQ's copy is shared", capsys=capsys)
    assert rc == 0 and "HQ's copy kept" in out
    assert json.loads(_run(db, "conflicts", "list", "--json", capsys=capsys)[1]) == []
    rc, out, _ = _run(db, "conflicts", "list", "--state", "all", capsys=capsys)
    assert "kept_hq" in out
    assert [a["action"] for a in audit_rows(hq.store) if a["action"] != "view_record"] == [
        "quarantine_release_refused", "quarantine_reject", "gap_release", "conflict_decide"]
    hq.store.close()
