"""DHIS2 ADX XML (issue 15 point 4): `checkpoint-hq dhis2 --format adx` writes ADX 1.0 (namespace
urn:ihe:qrph:adx:2015) built from the same dataValueSet as the JSON: it parses, every value equals the JSON's for the
same cell, one group per org unit with the ISO 8601 period/duration, the mapping's categories as disaggregation
attributes; a mapping without them is refused naming the cell (old mappings stay valid for JSON); hostile codes are
escaped, never markup; the dry run reports unmapped cells exactly as for JSON; the file is new, 0600, journaled."""

from __future__ import annotations

import copy
import json
import os
import stat
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.errors import ValidationError
from sync.hq.dhis2 import ADX_NS, adx_bytes, adx_period, export, load_mapping, validate
from sync.hq.reports import parse_period
from sync.hq.service import HQService
from sync.hq.store import journal
from tests.sync.hq import test_dhis2
from tests.sync.hq.test_cli import hq_cli

backend = test_dhis2.backend          # SQLite and PostgreSQL (issue 15 point 7)
hq = test_dhis2.hq                    # the same three checkpoints' data as the JSON's tests

NS = {"adx": ADX_NS}


def _cells(root: ET.Element, mapping: dict[str, Any]) -> dict[tuple[str, str, str], str]:
    """(orgUnit, dataElement, categoryOptionCombo) -> value, read back from the ADX through the mapping's categories."""
    combo = {(m["dataElement"], tuple(sorted(m["adx"][cat].items()))): coc
             for m in mapping["dataElements"] for cat, coc in m["categoryOptionCombos"].items()}
    out = {}
    for g in root.findall("adx:group", NS):
        for dv in g.findall("adx:dataValue", NS):
            attrs = {k: v for k, v in dv.attrib.items() if k not in ("dataElement", "value")}
            coc = combo[(dv.get("dataElement"), tuple(sorted(attrs.items())))]
            key = (g.get("orgUnit"), dv.get("dataElement"), coc)
            assert key not in out, key
            out[key] = dv.get("value")
    return out


def test_adx_holds_the_json_values_cell_for_cell_with_its_namespace_period_and_categories(hq: HQService) -> None:
    mapping = load_mapping()
    period = parse_period("2026-11")
    with hq.store.read() as conn:
        payload, _notes = export(conn, mapping, period)
    root = ET.fromstring(adx_bytes(payload, mapping, period))
    assert root.tag == f"{{{ADX_NS}}}adx"
    groups = root.findall("adx:group", NS)
    assert sorted(g.get("orgUnit") for g in groups) == sorted({mapping["orgUnits"]["Poipet"],
                                                               mapping["orgUnits"]["Bavet"]})
    for g in groups:
        assert (g.get("period"), g.get("dataSet")) == ("2026-11-01/P1M", mapping["dataSet"])
    from_json = {(dv["orgUnit"], dv["dataElement"], dv["categoryOptionCombo"]): dv["value"]
                 for dv in payload["dataValues"]}
    assert from_json and _cells(root, mapping) == from_json
    # Bavet's 7 women: the ADX cell is SEX=FEMALE, AGE=ADULT of the arrivals element, with the JSON's value.
    bavet = next(g for g in groups if g.get("orgUnit") == mapping["orgUnits"]["Bavet"])
    women = [dv.attrib for dv in bavet.findall("adx:dataValue", NS)
             if dv.get("dataElement") == "CpDeArrival" and dv.get("CP_SEX") == "FEMALE" and dv.get("CP_AGE") == "ADULT"]
    assert women == [{"dataElement": "CpDeArrival", "CP_SEX": "FEMALE", "CP_AGE": "ADULT", "value": "7"}]
    total = [dv.attrib for dv in bavet.findall("adx:dataValue", NS) if dv.get("dataElement") == "CpDeArrTot1"]
    assert total == [{"dataElement": "CpDeArrTot1", "value": "7"}]          # the default combo: no attribute


def test_adx_periods() -> None:
    assert [adx_period(parse_period(p)) for p in ("2026", "2026-11", "2026-11-02")] == [
        "2026-01-01/P1Y", "2026-11-01/P1M", "2026-11-02/P1D"]
    with pytest.raises(ValidationError):
        adx_period(parse_period("2026-11-02..2026-11-08"))


def test_old_mappings_stay_valid_for_json_and_adx_refuses_them_naming_the_cell(hq: HQService) -> None:
    old = load_mapping()
    for m in old["dataElements"]:
        m.pop("adx")
    validate(old)                                             # a mapping written before ADX: still valid
    period = parse_period("2026-11")
    with hq.store.read() as conn:
        payload, _ = export(conn, old, period)
    with pytest.raises(ValidationError) as e:
        adx_bytes(payload, old, period)
    assert "dataElements[0]" in str(e.value) and "adx.man" in str(e.value)
    bad = [lambda m: m["dataElements"][0]["adx"]["man"].update({"value": "M"}),         # a name ADX itself gives
           lambda m: m["dataElements"][0]["adx"]["man"].update({"1SEX": "M"}),          # not an XML name
           lambda m: m["dataElements"][0]["adx"]["man"].update({"CP_SEX": "M\x00"}),    # a control character
           lambda m: m["dataElements"][0]["adx"].update({"nobody": {}}),                 # not one of its cells
           lambda m: m.update(adxAttributes={"period": "X"})]
    for br in bad:
        m = copy.deepcopy(load_mapping())
        br(m)
        with pytest.raises(ValidationError):
            validate(m)


def test_hostile_codes_are_escaped_by_the_writer_never_markup(hq: HQService) -> None:
    mapping = copy.deepcopy(load_mapping())
    mapping["dataElements"][1]["adx"]["all"] = {"CP_NOTE": '"/><evil x="1'}
    mapping["adxAttributes"] = {"CP_FUND": "A&B <c>"}
    validate(mapping)
    period = parse_period("2026-11")
    with hq.store.read() as conn:
        payload, _ = export(conn, mapping, period)
    root = ET.fromstring(adx_bytes(payload, mapping, period))
    assert root.find(".//evil") is None and root.find(".//adx:evil", NS) is None
    assert {g.get("CP_FUND") for g in root.findall("adx:group", NS)} == {"A&B <c>"}
    assert {dv.get("CP_NOTE") for dv in root.iter(f"{{{ADX_NS}}}dataValue")} - {None} == {'"/><evil x="1'}


def test_the_cli_writes_adx_new_0600_journaled_and_the_dry_run_is_the_jsons(hq: HQService, hq_url: str,
                                                                           tmp_path: Path) -> None:
    db = hq_url
    dry_json = hq_cli("--db", db, "dhis2", "--period", "2026-11", "--dry-run", "--json")
    dry_adx = hq_cli("--db", db, "dhis2", "--period", "2026-11", "--dry-run", "--json", "--format", "adx")
    assert dry_json.returncode == 0 and dry_adx.returncode == 0, dry_adx.stderr
    a, b = json.loads(dry_json.stdout), json.loads(dry_adx.stdout)
    assert "arrivals/sex/F/arrivals" in b["unmapped"] and b["missing_org_units"] == ["Pailin"]
    assert {k: v for k, v in a.items() if k != "format"} == {k: v for k, v in b.items() if k != "format"}
    out_json, out_adx = tmp_path / "nov.json", tmp_path / "nov.adx.xml"
    assert hq_cli("--db", db, "dhis2", "--period", "2026-11", "--out", str(out_json)).returncode == 0
    r = hq_cli("--db", db, "dhis2", "--period", "2026-11", "--format", "adx", "--out", str(out_adx), "--json")
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE(os.stat(out_adx).st_mode) == 0o600
    payload = json.loads(out_json.read_text())
    root = ET.fromstring(out_adx.read_bytes())
    assert _cells(root, load_mapping()) == {(dv["orgUnit"], dv["dataElement"], dv["categoryOptionCombo"]): dv["value"]
                                            for dv in payload["dataValues"]}
    again = hq_cli("--db", db, "dhis2", "--period", "2026-11", "--format", "adx", "--out", str(out_adx))
    assert again.returncode == 4 and "already exists" in again.stderr
    old = load_mapping()
    for m in old["dataElements"]:
        m.pop("adx")
    old_file = tmp_path / "old-mapping.json"
    old_file.write_text(json.dumps(old))
    r = hq_cli("--db", db, "dhis2", "--period", "2026-11", "--format", "adx", "--mapping", str(old_file),
               "--out", str(tmp_path / "never.xml"))
    assert r.returncode == 4 and "adx.man" in r.stderr and not (tmp_path / "never.xml").exists()
    with hq.store.read() as conn:
        lines = conn.execute(sa.select(journal.c.message).where(journal.c.kind == "export")).scalars().all()
    assert len(lines) == 2 and "ADX XML" in lines[1] and "period 2026-11" in lines[1] and out_adx.name in lines[1]
