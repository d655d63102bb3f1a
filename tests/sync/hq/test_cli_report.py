"""`checkpoint-hq report` from a terminal: the JSON carries the same figures as the reports API, small cells are
withheld, CSV/XLSX files are new, 0600, formula-safe, never overwrite, and every export is in HQ's journal with
who, what period and how many rows."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import uuid
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa

from sync.hq.keys import HQKeys
from sync.hq.reports import build_report, parse_period
from sync.hq.service import HQService
from sync.hq.store import HQStore, journal
from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.test_cli import hq_cli
from tests.sync.hq.test_reports import push, reg, register


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Issue 15 point 7: the same report queries on SQLite and on PostgreSQL (skipped, saying why, without it)."""
    return str(request.param)


@pytest.fixture
def db(hq_url: str) -> str:
    """An HQ with 7 arrivals at Poipet (6 women, 1 man) and 5 at "=Bavet" (a name a spreadsheet would run)."""
    url = hq_url
    hq = HQService(HQStore.open(url), HQKeys.generate())
    for name, sexes in (("Poipet", "FFFFFFM"), ("=Bavet", "FFFFF")):
        dev = FakeDevice(checkpoint_name=name)
        dev.enroll(hq)
        push(hq, dev, register(dev, [reg(str(uuid.uuid4()), sex=s) for s in sexes]))
    hq.store.close()
    return url


def test_json_prints_the_apis_figures_with_small_cells_withheld(db: str) -> None:
    r = hq_cli("--db", db, "report", "--period", "2026-11", "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    store = HQStore.open(db)
    with store.read() as conn:
        api = build_report(conn, parse_period("2026-11")).to_dict()
    store.close()
    assert out == json.loads(json.dumps(api))
    sex = out["sections"]["arrivals"]["sex"]
    assert (sex["F"]["arrivals"], sex["M"]["arrivals"]) == (None, None)      # 1 man: withheld, and 11 women too
    assert out["sections"]["arrivals"]["checkpoint"]["Poipet"]["arrivals"] == 7
    assert out["sections"]["arrivals"]["checkpoint"]["=Bavet"]["arrivals"] == 5      # exactly at 5: shown
    pub = json.loads(hq_cli("--db", db, "report", "--period", "2026-11", "--publication", "--json").stdout)
    assert pub["threshold"] == 11 and pub["sections"]["arrivals"]["checkpoint"]["Poipet"]["arrivals"] is None
    assert pub["sections"]["arrivals"]["total"]["all"]["arrivals"] == 12
    one = json.loads(hq_cli("--db", db, "report", "--period", "2026-11", "--checkpoint", "poipet", "--json").stdout)
    assert one["sections"]["arrivals"]["total"]["all"]["arrivals"] == 7


def test_text_output_and_plain_errors(db: str, tmp_path: Path) -> None:
    r = hq_cli("--db", db, "report", "--period", "2026-11")
    assert r.returncode == 0 and "arrivals by checkpoint:" in r.stdout and "Poipet:" in r.stdout
    for args, code, words in ((["--period", "November"], 4, "period"),
                              (["--period", "2026-11", "--checkpoint", "Nowhere"], 4, "Nowhere"),
                              (["--period", "2026-11", "--threshold", "1"], 2, "at least 2")):
        r = hq_cli("--db", db, "report", *args)
        assert r.returncode == code and words in r.stderr, (args, r.stderr)
    r = hq_cli("--db", f"sqlite:///{tmp_path / 'none.db'}", "report", "--period", "2026-11")
    assert r.returncode != 0 and "migrate" in r.stderr


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_is_a_new_private_formula_safe_file_and_is_logged(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"nov.{fmt}"
    r = hq_cli("--db", db, "report", "--period", "2026-11", f"--{fmt}", str(out), "--json")
    assert r.returncode == 0, r.stderr
    n = json.loads(r.stdout)["rows"]
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    else:
        with zipfile.ZipFile(out) as z:
            sheet = z.read("xl/worksheets/sheet1.xml").decode()
        rows = [[c] for c in sheet.split("<row ")[1:]]
    assert len(rows) == n + 1
    text = out.read_text("utf-8-sig") if fmt == "csv" else sheet
    assert "'=Bavet" in text and ",=Bavet" not in text and ">=Bavet" not in text
    assert "<5" in text or "&lt;5" in text                                   # withheld cells say so
    before = out.read_bytes()
    again = hq_cli("--db", db, "report", "--period", "2026-11", f"--{fmt}", str(out))
    assert again.returncode == 4 and "never overwrites" in again.stderr
    assert out.read_bytes() == before
    store = HQStore.open(db)
    with store.read() as conn:
        lines = conn.execute(sa.select(journal.c.message).where(journal.c.kind == "export")).scalars().all()
    store.close()
    assert len(lines) == 1
    assert "period 2026-11" in lines[0] and f"{n} rows" in lines[0] and " by " in lines[0]
    assert not list(tmp_path.glob(".export-*"))                              # no temp file left behind


def test_rebuild_facts_gives_the_same_report(db: str) -> None:
    before = json.loads(hq_cli("--db", db, "report", "--period", "2026-11", "--json").stdout)
    store = HQStore.open(db)
    with store.write() as conn:
        conn.execute(sa.text("DELETE FROM fact_cube"))
    store.close()
    assert json.loads(hq_cli("--db", db, "report", "--period", "2026-11", "--json").stdout) != before
    r = hq_cli("--db", db, "rebuild-facts", "--json")
    assert r.returncode == 0 and json.loads(r.stdout)["events"] == 12
    assert json.loads(hq_cli("--db", db, "report", "--period", "2026-11", "--json").stdout) == before
