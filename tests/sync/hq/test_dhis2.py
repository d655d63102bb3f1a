"""DHIS2 export: the shipped example mapping passes the schema and bad mappings do not; the dataValueSet has
DHIS2's documented shape (/api/dataValueSets: dataSet, period, dataValues of dataElement, categoryOptionCombo,
period, orgUnit and the value as text; 11-character identifiers) and round-trips through the mapping to the
report's figures; withheld and unmapped cells are in the dry run, never in the payload; the CLI writes a new
file and journals it."""

from __future__ import annotations

import copy
import json
import re
import uuid
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.errors import ValidationError
from sync.hq.dhis2 import MAPPING_SCHEMA, dhis2_period, export, load_mapping, validate
from sync.hq.keys import HQKeys
from sync.hq.reports import build_report, parse_period
from sync.hq.service import HQService
from sync.hq.store import HQStore, journal
from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.test_cli import hq_cli
from tests.sync.hq.test_reports import push, reg, register

UID = re.compile(r"[A-Za-z][A-Za-z0-9]{10}")
# DHIS2's documented dataValueSet (Web API, "Data" chapter): the fields an aggregate import reads.
DATA_VALUE_KEYS = {"dataElement", "period", "orgUnit", "categoryOptionCombo", "attributeOptionCombo", "value",
                   "storedBy", "created", "lastUpdated", "comment", "followup"}


def check_dhis2_shape(payload: dict[str, Any]) -> None:
    assert set(payload) <= {"dataSet", "completeDate", "period", "orgUnit", "attributeOptionCombo", "dataValues"}
    assert UID.fullmatch(payload["dataSet"]) and re.fullmatch(r"\d{4}(\d{2}(\d{2})?)?", payload["period"])
    for dv in payload["dataValues"]:
        assert set(dv) <= DATA_VALUE_KEYS and {"dataElement", "period", "orgUnit", "value"} <= set(dv)
        for k in ("dataElement", "orgUnit", "categoryOptionCombo"):
            assert UID.fullmatch(dv[k]), (k, dv[k])
        assert isinstance(dv["value"], str) and dv["value"].isdigit()


@pytest.fixture
def hq(tmp_path: Path) -> Any:
    """Poipet: 6 women, 4 girls (under the threshold), 2 men; Bavet: 7 women; Pailin (no org unit): 5 men."""
    url = f"sqlite:///{tmp_path / 'hq.db'}"
    service = HQService(HQStore.open(url), HQKeys.generate())
    for name, people in (("Poipet", [("F", 30)] * 6 + [("F", 15)] * 4 + [("M", 40)] * 2),
                         ("Bavet", [("F", 30)] * 7), ("Pailin", [("M", 30)] * 5)):
        dev = FakeDevice(checkpoint_name=name)
        dev.enroll(service)
        push(service, dev, register(dev, [reg(str(uuid.uuid4()), sex=s, dob=f"{2026 - a - 1}-01-01",
                                              trafficking="NOT_INDICATED") for s, a in people]))
    yield service
    service.store.close()


def test_the_example_mapping_passes_the_schema_and_broken_ones_do_not() -> None:
    good = load_mapping()
    assert MAPPING_SCHEMA["$schema"].startswith("https://json-schema.org/")
    breaks = [lambda m: m.pop("dataSet"), lambda m: m.update(dataSet="short"),
              lambda m: m["orgUnits"].update(Poipet="1abcdefghij"), lambda m: m.update(version=2),
              lambda m: m["dataElements"][0].update(section="names"), lambda m: m.update(extra=1),
              lambda m: m["dataElements"].append(copy.deepcopy(m["dataElements"][0])),
              lambda m: m["dataElements"][0]["categoryOptionCombos"].clear(), lambda m: m.update(dataElements=[])]
    for br in breaks:
        m = copy.deepcopy(good)
        br(m)
        with pytest.raises(ValidationError):
            validate(m)


def test_every_indicator_the_example_maps_is_one_the_reports_compute() -> None:
    from sync.hq.reports import ARRIVAL_INDICATORS, TB_INDICATORS

    known = {"arrivals": set(ARRIVAL_INDICATORS), "tb": set(TB_INDICATORS), "referrals": {"referrals"}}
    stray = [(e["section"], e["indicator"]) for e in load_mapping()["dataElements"]
             if e["indicator"] not in known[e["section"]]]
    assert stray == []


def test_the_payload_has_dhis2s_shape_and_round_trips_to_the_reports_figures(hq: HQService) -> None:
    mapping = load_mapping()
    with hq.store.read() as conn:
        payload, notes = export(conn, mapping, parse_period("2026-11"))
        per_cp = {cp: build_report(conn, parse_period("2026-11"), checkpoints=[cp]) for cp in ("Poipet", "Bavet")}
    check_dhis2_shape(payload)
    assert payload["period"] == "202611" and payload["dataSet"] == mapping["dataSet"]
    # Back through the mapping: every value is the report's figure for that org unit and cell.
    back = {}
    for m in mapping["dataElements"]:
        for cat, coc in m["categoryOptionCombos"].items():
            back[(m["dataElement"], coc)] = (m["section"], m["dimension"], cat, m["indicator"])
    ou_name = {v: k for k, v in mapping["orgUnits"].items()}
    assert payload["dataValues"]
    for dv in payload["dataValues"]:
        section, dim, cat, ind = back[(dv["dataElement"], dv["categoryOptionCombo"])]
        assert per_cp[ou_name[dv["orgUnit"]]].value(section, dim, cat, ind) == int(dv["value"])
    sent = {(ou_name[dv["orgUnit"]], *back[(dv["dataElement"], dv["categoryOptionCombo"])]): dv["value"]
            for dv in payload["dataValues"]}
    assert sent[("Poipet", "arrivals", "total", "all", "arrivals")] == "12"
    assert sent[("Bavet", "arrivals", "sex_age", "woman", "arrivals")] == "7"
    # 4 girls and 2 men at Poipet: withheld, in the dry run, not sent.
    assert ("Poipet", "arrivals", "sex_age", "girl", "arrivals") not in sent
    assert "Poipet arrivals/sex_age/girl/arrivals" in notes.withheld
    assert "Poipet arrivals/sex_age/man/arrivals" in notes.withheld
    assert notes.missing_org_units == ["Pailin"]
    assert "arrivals/sex/F/arrivals" in notes.to_dict()["unmapped"]
    assert notes.values == len(payload["dataValues"])


def test_dhis2_periods() -> None:
    assert [dhis2_period(parse_period(p)) for p in ("2026", "2026-11", "2026-11-02")] == ["2026", "202611",
                                                                                           "20261102"]
    with pytest.raises(ValidationError):
        dhis2_period(parse_period("2026-11-02..2026-11-08"))


def test_the_cli_dry_run_and_a_new_journaled_file(hq: HQService, tmp_path: Path) -> None:
    db = str(hq.store.engine.url)
    r = hq_cli("--db", db, "dhis2", "--period", "2026-11", "--dry-run", "--json")
    assert r.returncode == 0, r.stderr
    dry = json.loads(r.stdout)
    assert dry["dry_run"] and dry["missing_org_units"] == ["Pailin"] and dry["values"] > 0
    out = tmp_path / "nov.json"
    r = hq_cli("--db", db, "dhis2", "--period", "2026-11", "--out", str(out))
    assert r.returncode == 0, r.stderr
    payload = json.loads(out.read_text())
    check_dhis2_shape(payload)
    assert len(payload["dataValues"]) == dry["values"]
    assert hq_cli("--db", db, "dhis2", "--period", "2026-11", "--out", str(out)).returncode == 4
    assert hq_cli("--db", db, "dhis2", "--period", "2026-11").returncode == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 1}')
    r = hq_cli("--db", db, "dhis2", "--period", "2026-11", "--mapping", str(bad), "--dry-run")
    assert r.returncode == 4 and "dataSet" in r.stderr
    with hq.store.read() as conn:
        lines = conn.execute(sa.select(journal.c.message).where(journal.c.kind == "export")).scalars().all()
    assert len(lines) == 1 and "DHIS2" in lines[0] and "period 2026-11" in lines[0]
