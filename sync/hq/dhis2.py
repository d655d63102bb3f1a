"""DHIS2 aggregate export: a report's figures as a ``dataValueSet`` (JSON, the shape of DHIS2's Web API
``/api/dataValueSets``) for a period and the checkpoints' org units, through a mapping file.

The mapping (``dhis2_mapping.example.json`` beside this module; checked against ``MAPPING_SCHEMA``, a JSON Schema)
says which DHIS2 data set, which org unit each checkpoint is, and which data element and category option combo
each cell of the report is::

    {"version": 1, "dataSet": "<uid>", "orgUnits": {"Poipet": "<uid>"},
     "dataElements": [{"section": "arrivals", "indicator": "arrivals", "dimension": "sex_age",
                       "dataElement": "<uid>", "categoryOptionCombos": {"man": "<uid>", "woman": "<uid>"}}]}

A value goes out only if its cell is mapped and shown: withheld cells (under the threshold) are left out, as
DHIS2 cannot hold "<5"; ``dry_run`` lists them and every figure the mapping does not carry (unmapped cells).

    >>> payload, notes = export(conn, mapping, parse_period("2026-11"))              # doctest: +SKIP
    >>> xml = adx_bytes(payload, mapping, parse_period("2026-11"))                    # doctest: +SKIP

ADX 1.0 (IHE QRPH ADX, namespace ``urn:ihe:qrph:adx:2015``) is written FROM that dataValueSet (``adx_bytes``): the same
values, one ``<group orgUnit= period= dataSet=>`` per org unit, the period in ISO 8601 period/duration form
(``2026-11-01/P1M``). ADX names a disaggregation by its categories, not by a category option combo's identifier, so
a mapping that is to give ADX says, per cell, the category codes and option codes (``adx``: ``{"man": {"SEX": "M",
"AGE": "ADULT"}, "all": {}}``; ``{}`` is DHIS2's default combo: no attribute) and, if it sets an
``attributeOptionCombo``, its categories as ``adxAttributes`` (on each group). Both keys are optional: a mapping
without them stays valid for JSON; ADX refuses it naming the first cell that lacks its categories. Identifiers of
data set, org units and data elements are the same as the JSON's, so DHIS2 is to import the file with
``idScheme=UID`` for those (``POST /api/dataValueSets`` with ``Content-Type: application/adx+xml``).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from checkpoint.errors import ValidationError
from sync.hq.reports import INTERNAL, Period, checkpoint_reports

__all__ = ["ADX_NS", "EXAMPLE_MAPPING", "MAPPING_SCHEMA", "Notes", "adx_bytes", "adx_period", "dhis2_period", "export",
           "load_mapping", "validate"]

EXAMPLE_MAPPING = Path(__file__).with_name("dhis2_mapping.example.json")
UID = r"^[A-Za-z][A-Za-z0-9]{10}$"           # a DHIS2 identifier: 11 characters, a letter first
ADX_NS = "urn:ihe:qrph:adx:2015"
# An ADX disaggregation attribute: an XML name (no colon), never one of the names ADX itself gives dataValue/group.
ADX_NAME = r"^[A-Za-z_][A-Za-z0-9_.\-]{0,63}$"
ADX_RESERVED = frozenset({"dataElement", "value", "orgUnit", "period", "dataSet", "completeDate", "comment"})
_ADX_CODE: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": 64, "pattern": r"^[^\x00-\x1f\x7f]+$"}
_ADX_ATTRS: dict[str, Any] = {"type": "object", "propertyNames": {"pattern": ADX_NAME},
                              "additionalProperties": _ADX_CODE}

MAPPING_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Checkpoint HQ report -> DHIS2 aggregate mapping",
    "type": "object",
    "required": ["version", "dataSet", "orgUnits", "dataElements"],
    "additionalProperties": False,
    "properties": {
        "version": {"type": "integer", "enum": [1]},
        "description": {"type": "string"},
        "dataSet": {"type": "string", "pattern": UID},
        "attributeOptionCombo": {"type": "string", "pattern": UID},
        "adxAttributes": _ADX_ATTRS,          # ADX: the attribute option combo's categories (optional)
        "orgUnits": {"type": "object", "minProperties": 1, "additionalProperties": {"type": "string", "pattern": UID}},
        "dataElements": {
            "type": "array", "minItems": 1,
            "items": {
                "type": "object",
                "required": ["section", "indicator", "dimension", "dataElement", "categoryOptionCombos"],
                "additionalProperties": False,
                "properties": {
                    "section": {"type": "string", "enum": ["arrivals", "tb", "referrals"]},
                    "indicator": {"type": "string", "minLength": 1},
                    "dimension": {"type": "string", "minLength": 1},
                    "dataElement": {"type": "string", "pattern": UID},
                    "categoryOptionCombos": {"type": "object", "minProperties": 1,
                                             "additionalProperties": {"type": "string", "pattern": UID}},
                    # ADX (optional): per cell of categoryOptionCombos, its category codes -> option codes
                    "adx": {"type": "object", "additionalProperties": _ADX_ATTRS},
                },
            },
        },
    },
}


# ------------------------------------------------------------------------------------------------ the schema
def _check(value: Any, schema: Mapping[str, Any], where: str) -> None:
    """The JSON Schema keywords MAPPING_SCHEMA uses (type, enum, pattern, minLength, maxLength, required,
    properties, additionalProperties, propertyNames, minProperties, items, minItems). Raises ValidationError naming
    the place."""
    types = {"object": dict, "array": list, "string": str, "integer": int}
    t = schema.get("type")
    if t and (not isinstance(value, types[t]) or (t == "integer" and isinstance(value, bool))):
        raise ValidationError("mapping", f"{where} must be a {t}")
    if "enum" in schema and value not in schema["enum"]:
        raise ValidationError("mapping", f"{where} must be one of {', '.join(map(str, schema['enum']))}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0):
            raise ValidationError("mapping", f"{where} is empty")
        if len(value) > schema.get("maxLength", len(value)):
            raise ValidationError("mapping", f"{where} is longer than {schema['maxLength']} characters")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            if schema["pattern"] == UID:
                raise ValidationError("mapping", f"{where} is not a DHIS2 identifier (11 letters and digits)")
            raise ValidationError("mapping", f"{where} holds a control character")
    if isinstance(value, dict):
        for k in schema.get("required", ()):
            if k not in value:
                raise ValidationError("mapping", f"{where} lacks {k!r}")
        if len(value) < schema.get("minProperties", 0):
            raise ValidationError("mapping", f"{where} is empty")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        names = schema.get("propertyNames", {}).get("pattern")
        for k, v in value.items():
            if names and not re.search(names, k):
                raise ValidationError("mapping", f"{where} has {k!r}: not an XML name (letters, digits, _ . -)")
            if k in props:
                _check(v, props[k], f"{where}.{k}")
            elif extra is False:
                raise ValidationError("mapping", f"{where} has an unknown key {k!r}")
            elif isinstance(extra, dict):
                _check(v, extra, f"{where}.{k}")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            raise ValidationError("mapping", f"{where} is empty")
        for i, v in enumerate(value):
            _check(v, schema.get("items", {}), f"{where}[{i}]")


def validate(mapping: Any) -> dict[str, Any]:
    """Check a mapping against MAPPING_SCHEMA, and that no cell is mapped twice. Returns it; raises
    ValidationError."""
    _check(mapping, MAPPING_SCHEMA, "mapping")
    seen: set[tuple[str, str, str, str]] = set()
    for i, m in enumerate(mapping["dataElements"]):
        for cat in m["categoryOptionCombos"]:
            key = (m["section"], m["indicator"], m["dimension"], cat)
            if key in seen:
                raise ValidationError("mapping", f"mapping.dataElements[{i}] maps {'/'.join(key)} a second time")
            seen.add(key)
        for cat, attrs in m.get("adx", {}).items():
            if cat not in m["categoryOptionCombos"]:
                raise ValidationError("mapping", f"mapping.dataElements[{i}].adx.{cat} is not one of its "
                                                 "categoryOptionCombos")
            _no_reserved(attrs, f"mapping.dataElements[{i}].adx.{cat}")
    _no_reserved(mapping.get("adxAttributes", {}), "mapping.adxAttributes")
    return dict(mapping)


def _no_reserved(attrs: Mapping[str, str], where: str) -> None:
    for name in attrs:
        if name in ADX_RESERVED:
            raise ValidationError("mapping", f"{where} uses {name!r}, a name ADX itself gives")


def load_mapping(path: Path | str = EXAMPLE_MAPPING) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except OSError as e:
        raise ValidationError("mapping", f"cannot read {path}: {e.strerror}") from None
    except ValueError:
        raise ValidationError("mapping", f"{path} is not JSON") from None
    return validate(data)


# ------------------------------------------------------------------------------------------------ the export
def dhis2_period(period: Period) -> str:
    """DHIS2's period id: 202611 (a month), 2026 (a year), 20261102 (a day). Other ranges: ValidationError."""
    label = period.label
    if re.fullmatch(r"\d{4}", label):
        return label
    if re.fullmatch(r"\d{4}-\d{2}", label):
        return label.replace("-", "")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", label):
        return label.replace("-", "")
    raise ValidationError("period", "DHIS2 takes a day, a month or a year, not a range of days")


@dataclass
class Notes:
    """What a dry run reports: values that would be sent, cells withheld, figures the mapping does not carry."""

    values: int = 0
    withheld: list[str] = field(default_factory=list)      # "orgUnit section/dimension/category/indicator"
    unmapped: list[str] = field(default_factory=list)      # non-zero figures no data element carries
    missing_org_units: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"values": self.values, "withheld": self.withheld, "unmapped": sorted(set(self.unmapped)),
                "missing_org_units": self.missing_org_units}


def export(conn: Connection, mapping: Mapping[str, Any], period: Period, *, checkpoints: Sequence[str] = (),
           threshold: int = INTERNAL) -> tuple[dict[str, Any], Notes]:
    """The ``dataValueSet`` for ``period``, one report per checkpoint (org unit; ``reports.checkpoint_reports``:
    all of them from one read of the facts), and the notes of a dry run."""
    pe = dhis2_period(period)
    org_units = {k.casefold(): v for k, v in mapping["orgUnits"].items()}
    cells: dict[tuple[str, str, str, str], tuple[str, str]] = {}
    for m in mapping["dataElements"]:
        for cat, coc in m["categoryOptionCombos"].items():
            cells[(m["section"], m["dimension"], cat, m["indicator"])] = (m["dataElement"], coc)
    notes = Notes()
    values: list[dict[str, Any]] = []
    reports = checkpoint_reports(conn, period, checkpoints=checkpoints, threshold=threshold)   # one read for all
    for name in sorted(reports):
        ou = org_units.get(name.casefold())
        if ou is None:
            notes.missing_org_units.append(name)
            continue
        report = reports[name]
        if report is None:
            raise ValidationError("checkpoint", f"no checkpoint named {name!r} at HQ")
        for c in report.cells:
            target = cells.get((c.section, c.dimension, c.category, c.indicator))
            where = f"{name} {c.section}/{c.dimension}/{c.category}/{c.indicator}"
            if target is None:
                if c.value:
                    notes.unmapped.append(f"{c.section}/{c.dimension}/{c.category}/{c.indicator}")
                continue
            if c.value is None:
                notes.withheld.append(where)
                continue
            dv = {"dataElement": target[0], "categoryOptionCombo": target[1], "period": pe, "orgUnit": ou,
                  "value": str(c.value)}
            if "attributeOptionCombo" in mapping:
                dv["attributeOptionCombo"] = mapping["attributeOptionCombo"]
            values.append(dv)
    notes.values = len(values)
    return {"dataSet": mapping["dataSet"], "period": pe, "dataValues": values}, notes


# ------------------------------------------------------------------------------------------------ ADX
def adx_period(period: Period) -> str:
    """ADX's period: ISO 8601 start and duration — ``2026-11-01/P1M`` (a month), ``2026-01-01/P1Y`` (a year),
    ``2026-11-02/P1D`` (a day). The periods DHIS2 takes (``dhis2_period``); other ranges: ValidationError."""
    dhis2_period(period)
    label = period.label
    if re.fullmatch(r"\d{4}", label):
        return f"{label}-01-01/P1Y"
    if re.fullmatch(r"\d{4}-\d{2}", label):
        return f"{label}-01/P1M"
    return f"{label}/P1D"


def adx_attributes(mapping: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, str]]:
    """(data element, category option combo) -> its ADX disaggregation attributes, for every cell of the mapping.
    ValidationError names the first cell without its categories (``adx``), or an ``attributeOptionCombo`` without
    ``adxAttributes``: ADX cannot say what it does not know, and a half-written file is worse than none."""
    out: dict[tuple[str, str], dict[str, str]] = {}
    for i, m in enumerate(mapping["dataElements"]):
        adx = m.get("adx", {})
        for cat, coc in m["categoryOptionCombos"].items():
            if cat not in adx:
                raise ValidationError("mapping", f"ADX needs the categories of every mapped cell: mapping.dataElements"
                                                 f"[{i}] ({m['section']}/{m['indicator']}/{m['dimension']}) has no "
                                                 f"adx.{cat}")
            out[(m["dataElement"], coc)] = dict(adx[cat])
    if "attributeOptionCombo" in mapping and not mapping.get("adxAttributes"):
        raise ValidationError("mapping", "the mapping sets an attributeOptionCombo but no adxAttributes: ADX needs "
                                         "its categories and options")
    return out


def adx_bytes(payload: Mapping[str, Any], mapping: Mapping[str, Any], period: Period) -> bytes:
    """The ADX 1.0 XML of a ``dataValueSet`` that ``export`` computed with ``mapping`` (one source of truth: the same
    values, cell for cell). Each value's category option combo becomes its ADX disaggregation attributes (the
    mapping's ``adx`` of that cell); ValidationError names the first cell the mapping gives no categories for.

    Written with ElementTree: every attribute value is escaped by the writer, nothing is concatenated as text."""
    attrs_of = adx_attributes(mapping)
    group_attrs = dict(mapping.get("adxAttributes", {}))
    ET.register_namespace("", ADX_NS)
    root = ET.Element(f"{{{ADX_NS}}}adx")
    pe = adx_period(period)
    groups: dict[str, ET.Element] = {}
    for dv in payload["dataValues"]:
        key = (dv["dataElement"], dv.get("categoryOptionCombo", ""))
        if key not in attrs_of:
            raise ValidationError("mapping", f"the value of {key[0]}/{key[1]} is in no cell of the mapping")
        g = groups.get(dv["orgUnit"])
        if g is None:
            g = ET.SubElement(root, f"{{{ADX_NS}}}group", {"orgUnit": dv["orgUnit"], "period": pe,
                                                           "dataSet": str(payload["dataSet"]), **group_attrs})
            groups[dv["orgUnit"]] = g
        ET.SubElement(g, f"{{{ADX_NS}}}dataValue", {"dataElement": dv["dataElement"], **attrs_of[key],
                                                    "value": str(dv["value"])})
    ET.indent(root, space=" ")
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data + b"\n"
