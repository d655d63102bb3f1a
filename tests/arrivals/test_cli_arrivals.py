"""checkpoint-admin arrivals import / register and queue --json, as an operator or a training script runs them."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import run
from tests.support.arrivals import HEADERS, handover_rows, to_csv


def test_import_register_and_queue(tmp_path: Path) -> None:
    db = tmp_path / "poipet.db"
    assert run(db, "init", "--user", "dara", "--name", "Poipet").returncode == 0
    after_init = json.loads(run(db, "stats", "--json").stdout)["events"]     # the user and her signing key
    bad = handover_rows()
    bad[4][4] = "31/02/2533"
    (tmp_path / "bad.csv").write_bytes(to_csv(HEADERS, bad))
    p = run(db, "arrivals", "import", "--file", str(tmp_path / "bad.csv"), "--group-ref", "AR-1", "--json")
    out = json.loads(p.stdout)
    assert p.returncode == 4 and out["imported"] is False
    assert [(x["row"], x["field"]) for x in out["problems"]] == [(6, "date_of_birth")]
    p = run(db, "arrivals", "import", "--file", str(tmp_path / "bad.csv"))
    assert p.returncode == 4 and "row 6: date_of_birth" in p.stdout
    assert json.loads(run(db, "stats", "--json").stdout)["events"] == after_init     # nothing written
    (tmp_path / "good.csv").write_bytes(to_csv(HEADERS, handover_rows()[:6]))
    p = run(db, "arrivals", "import", "--file", str(tmp_path / "good.csv"), "--group-ref", "AR-2569/118",
            "--vehicle", "40-1234", "--json")
    assert p.returncode == 0, p.stderr
    imp = json.loads(p.stdout)
    assert imp["rows"] == 6 and imp["group"]["handover_ref"] == "AR-2569/118"
    p = run(db, "arrivals", "register", "--group-id", imp["group_id"], "--json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["registered"] == 6
    q = json.loads(run(db, "queue", "--station", "INTERVIEW_ROOM", "--json").stdout)
    room = q["stations"]["INTERVIEW_ROOM"]
    assert len(room) == 6 and room[0]["status"] == "waiting" and q["figures"]["INTERVIEW_ROOM"]["waiting"] == 6
    everything = json.loads(run(db, "queue", "--json").stdout)
    assert set(everything["stations"]) == {"INTERVIEW_ROOM", "HEALTH_POST", "NEA_DESK", "ASSISTANCE_DESK"}
    p = run(db, "queue", "--station", "NOWHERE")
    assert p.returncode == 2
    p = run(db, "arrivals", "import", "--file", str(tmp_path / "missing.csv"))
    assert p.returncode == 2 and "cannot read" in p.stderr
