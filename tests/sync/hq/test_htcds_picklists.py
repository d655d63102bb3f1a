"""Every HTCDS value Checkpoint carries is a value of the HTCDS v2 field standards (issue 15 point 4): the screening
content (``htcds_method_of_control``, and CTDC's own flag where HTCDS has none), the code lists (sexes -> prs_Gender,
sectors and work types -> vic_ForcedLabourIndustry, exploitation types, recruiter relationships, agencies' org types,
recruitment methods), the trafficking result's status, and every value HQ's HTCDS export writes — each checked
against the standard's published picklists, shipped as data (checkpoint/codelists/data/htcds_v2_picklists.json).
An htcds key nobody declared fails too, so a new mapping cannot slip past the check."""

from __future__ import annotations

import json
import uuid
from importlib import resources
from pathlib import Path
from typing import Any

from checkpoint import codelists
from checkpoint.screening import evaluate_trafficking, indicator_set
from sync.hq.htcds import FIELDS, MULTISELECT_SEPARATOR, export_rows
from sync.hq.reports import parse_period
from sync.hq.service import HQService
from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.test_reports import push, reg, register

CONTENT = Path(str(resources.files("checkpoint.screening") / "content"))
PICKLISTS = json.loads((resources.files("checkpoint.codelists") / "data" / "htcds_v2_picklists.json")
                       .read_text("utf-8"))


def allowed(field: str) -> set[str]:
    """The values of a field named in the picklists file: an HTCDS field, "guidance:..." or "ctdc:..."."""
    if field.startswith("guidance:"):
        return set(PICKLISTS["guidance"][field.split(":", 1)[1]]["values"])
    if field.startswith("ctdc:"):
        return set(PICKLISTS["ctdc"][field.split(":", 1)[1]]["values"])
    return set(PICKLISTS["fields"][field]["values"])


def field_of(where: str) -> str:
    carried = PICKLISTS["carried_by"]
    assert where in carried, f"{where} carries HTCDS/CTDC values but names no field in htcds_v2_picklists.json"
    return str(carried[where])


def _is_mapping_key(key: str) -> bool:
    return (key.startswith(("htcds", "ctdc"))) and not key.endswith("_note")


def _walk(obj: Any, found: list[tuple[str, Any, str]], path: str = "") -> None:
    if isinstance(obj, dict):
        for k, v in obj.items():
            if _is_mapping_key(k):
                found.append((k, v, f"{path}/{obj.get('id', k)}"))
            else:
                _walk(v, found, f"{path}/{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            _walk(v, found, f"{path}[{i}]")


def test_the_picklists_name_their_source_and_mark_what_is_unverified() -> None:
    assert "HTCDS Field Standards 2.0.ods" in PICKLISTS["source"] and PICKLISTS["retrieved"]
    for name, f in PICKLISTS["fields"].items():
        assert f["values"] and len(set(f["values"])) == len(f["values"]), name
        assert set(f.get("needs_review", [])) <= set(f["values"]), name
    industry = PICKLISTS["fields"]["vic_ForcedLabourIndustry"]
    verified = set(industry["values"]) - set(industry["needs_review"])
    assert verified == {"A_AgricultureForestryAndFishing", "U_ActivitiesOfExtraterritorialOrganizations"}
    # The three the issue names: not HTCDS picklist values.
    assert "RestrictsMovement" not in allowed("vic_MethodsOfControl")
    assert not {"Labour migrant", "Irregular migrant"} & {v for f in PICKLISTS["fields"].values() for v in f["values"]}


def test_every_htcds_value_of_the_screening_content_is_a_picklist_value() -> None:
    checked = 0
    for path in sorted(CONTENT.glob("*.json")):
        found: list[tuple[str, Any, str]] = []
        _walk(json.loads(path.read_text("utf-8")), found, path.name)
        for key, value, where in found:
            field = field_of(f"screening/content: {key}")
            assert value is None or value in allowed(field), f"{where}: {key} {value!r} is not a {field} value"
            checked += 1
    assert checked >= 60                                    # both ILO sets' items carry their method of control
    confinement = indicator_set("ilo-labour-adult").by_id["ILO-CD-3"]
    assert (confinement.htcds_method_of_control, confinement.ctdc_means_of_control) == (
        "Other", "meansOfControlRestrictsMovement")


def test_every_htcds_value_of_the_code_lists_is_a_picklist_value() -> None:
    checked: dict[str, int] = {}
    for name in codelists.LIST_NAMES:
        for c in codelists.codes(name, include_inactive=True):
            for key, value in c.extra.items():
                if not _is_mapping_key(key):
                    continue
                field = field_of(f"codelists/{name}: {key}")
                assert value is None or value in allowed(field), f"{name} {c.code}: {key} {value!r} not in {field}"
                checked[name] = checked.get(name, 0) + 1
    for c in codelists.codes("recruitment_methods", include_inactive=True):      # the codes are the HTCDS values
        assert c.code in allowed(field_of("codelists/recruitment_methods: code")), c.code
    assert {"sexes", "sectors", "work_types", "exploitation_types", "recruiter_relationships", "agencies",
            "migration_channels"} <= set(checked)
    # The migration channel's migrant type is HTCDS guidance, named as such, not an HTCDS field value.
    assert all("htcds" not in c.extra for c in codelists.migration_channels())
    assert {c.extra["htcds_guidance_migration_status"] for c in codelists.migration_channels()} - {None} == {
        "Labour migrant", "Irregular migrant"}


def test_the_trafficking_results_status_is_a_picklist_value() -> None:
    for cid, age in (("ilo-labour-adult", 33), ("ilo-labour-child", 15)):
        r = evaluate_trafficking({i.id for i in indicator_set(cid).items}, age=age)
        assert r.htcds_trafficking_status in allowed(field_of("screening/trafficking: htcds_trafficking_status"))


def test_every_value_the_htcds_export_writes_is_a_picklist_value(hq: HQService) -> None:
    dev = FakeDevice(checkpoint_name="Poipet")
    dev.enroll(hq)
    sectors = [c.code for c in codelists.sectors()]
    types = [c.code for c in codelists.DEFAULT.get("exploitation_types").codes]
    payloads = []
    for i, sector in enumerate(sectors):
        for sex, dob in (("F", "1990-05-17"), ("M", "2012-01-01"), ("X", "1960-01-01"), ("UNKNOWN", "2000-02-02")):
            p = reg(str(uuid.uuid4()), sex=sex, dob=dob, sector=sector, trafficking="PRESUMED_VICTIM")
            p["trafficking"]["exploitation_types"] = [types[i % len(types)]] if i % 5 else types[:2]
            payloads.append(p)
    assert push(hq, dev, register(dev, payloads))["accepted"] == len(payloads)
    with hq.store.read() as conn:
        rows = export_rows(conn, parse_period("2026"))
    assert len(rows) == len(payloads)
    checked = {"gender", "typeOfExploitation", "typeOfLabour", "ageBroad", "majorityStatus"}
    for column in checked:
        field = field_of(f"sync/hq/htcds: {column}")
        several = not field.startswith(("ctdc:", "guidance:")) and PICKLISTS["fields"][field]["type"] == "multiselect"
        written = {v for r in rows for v in (r[column].split(MULTISELECT_SEPARATOR) if several else [r[column]])}
        assert written - {""} <= allowed(field), (column, written - allowed(field))
    assert "ForcedLabour;SexualExploitation" in {r["typeOfExploitation"] for r in rows}    # several: each one
    assert {"A_AgricultureForestryAndFishing", "F_Construction"} <= {r["typeOfLabour"] for r in rows}
    assert {r["typeOfLabour"] for r in rows if r["typeOfExploitation"] == "Other"}   # ForcedCriminality -> Other
    assert {r["gender"] for r in rows} == {"Feminine", "Masculine", "NonConforming", "NonSpecifiedUnknown"}
    assert {"30--38", "9--17", "48+"} <= {r["ageBroad"] for r in rows}
    assert "ONLINE_SCAM_COMPOUND" not in json.dumps(rows) and "MULTIPLE" not in json.dumps(rows)
    assert set(FIELDS) - checked == {"yearOfRegistration", "citizenship", "CountryOfExploitation", "identifiedAt"}
