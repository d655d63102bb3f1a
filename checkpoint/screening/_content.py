"""Load and check the screening content files (``checkpoint/screening/content/*.json``).

The checklists are data, not code: each file declares a ``content_id`` and a ``version``, and every result
records both, so a stored screening can be read against the content it used. This module checks a file's
shape before anything uses it; a defect raises :class:`checkpoint.errors.ValidationError` naming the file
and the entry.

    >>> s = indicator_set("ilo-labour-adult")
    >>> (s.content_id, s.version, len(s.items))
    ('ilo-labour-adult', '2009.1-cp1', 67)
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from checkpoint import codelists
from checkpoint.errors import ValidationError

__all__ = [
    "DIMENSION_CODES",
    "Dimension",
    "IndicatorSet",
    "Item",
    "ReferralRule",
    "ReferralRules",
    "TBContent",
    "TBItem",
    "indicator_set",
    "parse_content",
    "referral_rules",
    "tb_content",
]

DIMENSION_CODES: tuple[str, ...] = ("DR", "CR", "VR", "EX", "CD", "VD")
GRADES = ("S", "M", "W")
ILO_SETS = {"ADULT_LABOUR": "ilo-labour-adult", "CHILD_LABOUR": "ilo-labour-child"}
TB_REQUIRED_IDS = (
    "TB-S1", "TB-S1d", "TB-S2", "TB-S3", "TB-S4", "TB-S5", "TB-S6",
    "TB-R1", "TB-R2", "TB-R3", "TB-R4", "TB-R5", "TB-R6",
)
REFERRAL_KINDS = ("protection", "child_protection", "health")
URGENCIES = ("IMMEDIATE_DANGER", "SAME_DAY", "ROUTINE")
REQUIRED_REASONS = (
    "TRAFFICKING_INDICATORS", "EXPLOITATION_INDICATORS", "CHILD_TRAFFICKING_INDICATORS",
    "CHILD_EXPLOITATION_INDICATORS", "CHILD_RETURNEE", "TB_PRESUMPTIVE", "TB_HIGH_RISK",
)
_ITEM_ID = re.compile(r"ILO-(DR|CR|VR|EX|CD|VD)-([1-9][0-9]?)")
_STATUS = re.compile(r"[a-z0-9][a-z0-9+\-]{0,40}")
_MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class Dimension:
    """One of the six ILO dimensions: code (``DR``), English and Khmer names."""

    code: str
    name_en: str
    name_km: str


@dataclass(frozen=True)
class Item:
    """One indicator as it stands in one set (the grade depends on the set).

    ``title`` is the ILO label (it may contain the source's word for the person; never show it as a
    finding); ``question_*`` is the plain-language question for the officer to ask; ``guidance_*`` says when
    to tick. ``grade_status`` says how sure the grade is ("unverified" raises UNVERIFIED_GRADE_USED).
    """

    id: str
    dimension: str
    grade: str
    title: str
    question_en: str
    question_km: str
    guidance_en: str
    guidance_km: str
    grade_status: str
    needs_review: bool
    grade_note: str = ""
    htcds_method_of_control: str | None = None
    # CTDC's own flag where HTCDS v2 has no value (confinement: meansOfControlRestrictsMovement; HTCDS says Other)
    ctdc_means_of_control: str | None = None

    @property
    def number(self) -> int:
        """The item's number within its dimension (``ILO-CD-12`` -> 12)."""
        return int(self.id.rsplit("-", 1)[1])


@dataclass(frozen=True)
class IndicatorSet:
    """A whole indicator set (adult or child labour) as loaded from its content file."""

    content_id: str
    version: str
    ilo_set: str
    label_en: str
    label_km: str
    dimensions: tuple[Dimension, ...]
    items: tuple[Item, ...]
    by_id: Mapping[str, Item] = field(default_factory=dict, hash=False, compare=False, repr=False)


@dataclass(frozen=True)
class TBItem:
    """One TB screen item: a symptom (``TB-S*``) or a risk factor (``TB-R*``)."""

    id: str
    kind: str
    label_en: str
    label_km: str
    needs_review: bool
    value_type: str = "bool"
    question_en: str = ""
    question_km: str = ""


@dataclass(frozen=True)
class TBContent:
    """The TB screen content file: its id, version and items."""

    content_id: str
    version: str
    items: tuple[TBItem, ...]
    by_id: Mapping[str, TBItem] = field(default_factory=dict, hash=False, compare=False, repr=False)


@dataclass(frozen=True)
class ReferralRule:
    """Which agencies a reason suggests, with what urgency and wording."""

    reason_code: str
    kind: str
    agencies: tuple[str, ...]
    urgency: str
    reason_en: str
    reason_km: str
    facility_needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReferralRules:
    """The referral rules content file."""

    content_id: str
    version: str
    rules: Mapping[str, ReferralRule] = field(hash=False, compare=False)


def _fail(where: str, message: str) -> ValidationError:
    return ValidationError(f"content:{where}", message)


def _text(d: Mapping[str, Any], key: str, where: str, *, allow_empty: bool = False) -> str:
    value = d.get(key)
    if not isinstance(value, str) or (not allow_empty and not value.strip()):
        raise _fail(where, f"'{key}' must be a non-empty string")
    return value


def _flag(d: Mapping[str, Any], key: str, where: str, default: bool) -> bool:
    value = d.get(key, default)
    if not isinstance(value, bool):
        raise _fail(where, f"'{key}' must be true or false")
    return value


def _header(data: object, fmt: str) -> tuple[Mapping[str, Any], str, str]:
    if not isinstance(data, Mapping):
        raise _fail("?", "a content file must be a JSON object")
    cid = data.get("content_id")
    where = cid if isinstance(cid, str) and cid else "?"
    if data.get("format") != fmt:
        raise _fail(where, f"'format' must be {fmt!r}")
    if data.get("format_version") != 1:
        raise _fail(where, "unsupported 'format_version' (this build reads version 1)")
    return data, _text(data, "content_id", where), _text(data, "version", where)


def _parse_indicator_set(data: object) -> IndicatorSet:
    d, cid, ver = _header(data, "checkpoint-indicator-set")
    ilo_set = d.get("ilo_set")
    if ilo_set not in ILO_SETS:
        raise _fail(cid, f"'ilo_set' must be one of {sorted(ILO_SETS)}")
    raw_dims = d.get("dimensions")
    if not isinstance(raw_dims, list) or len(raw_dims) != len(DIMENSION_CODES):
        raise _fail(cid, "'dimensions' must list the six dimensions")
    dims: list[Dimension] = []
    for want, raw in zip(DIMENSION_CODES, raw_dims, strict=True):
        if not isinstance(raw, Mapping) or raw.get("code") != want:
            raise _fail(cid, f"dimensions must be in the order {', '.join(DIMENSION_CODES)}")
        dims.append(Dimension(want, _text(raw, "name_en", f"{cid}/{want}"), _text(raw, "name_km", f"{cid}/{want}")))
    raw_items = d.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise _fail(cid, "'items' must be a non-empty list")
    items: dict[str, Item] = {}
    for i, raw in enumerate(raw_items):
        if not isinstance(raw, Mapping):
            raise _fail(cid, f"item {i} must be an object")
        iid = raw.get("id")
        m = _ITEM_ID.fullmatch(iid) if isinstance(iid, str) else None
        if m is None or not isinstance(iid, str):
            raise _fail(cid, f"item {i}: 'id' must look like ILO-DR-1")
        where = f"{cid}/{iid}"
        if iid in items:
            raise _fail(where, "duplicate id")
        if raw.get("dimension") != m.group(1):
            raise _fail(where, f"'dimension' must be {m.group(1)}")
        grade = raw.get("grade")
        if grade not in GRADES:
            raise _fail(where, "'grade' must be S, M or W")
        status = _text(raw, "grade_status", where)
        if not _STATUS.fullmatch(status):
            raise _fail(where, "'grade_status' must be a short lower-case code")
        htcds = raw.get("htcds_method_of_control")
        if htcds is not None and (not isinstance(htcds, str) or not htcds):
            raise _fail(where, "'htcds_method_of_control' must be a string or absent")
        ctdc = raw.get("ctdc_means_of_control")
        if ctdc is not None and (not isinstance(ctdc, str) or not ctdc):
            raise _fail(where, "'ctdc_means_of_control' must be a string or absent")
        items[iid] = Item(
            id=iid,
            dimension=m.group(1),
            grade=str(grade),
            title=_text(raw, "title", where),
            question_en=_text(raw, "question_en", where),
            question_km=_text(raw, "question_km", where),
            guidance_en=_text(raw, "guidance_en", where),
            guidance_km=_text(raw, "guidance_km", where),
            grade_status=status,
            needs_review=_flag(raw, "needs_review", where, False),
            grade_note=_text(raw, "grade_note", where) if "grade_note" in raw else "",
            htcds_method_of_control=htcds,
            ctdc_means_of_control=ctdc,
        )
    ordered = tuple(sorted(items.values(), key=lambda it: (DIMENSION_CODES.index(it.dimension), it.number)))
    declared = d.get("dimension_counts")
    if declared is not None:
        actual = {code: sum(1 for it in ordered if it.dimension == code) for code in DIMENSION_CODES}
        if declared != actual:
            raise _fail(cid, f"'dimension_counts' {declared} does not match the items {actual}")
    return IndicatorSet(
        content_id=cid,
        version=ver,
        ilo_set=str(ilo_set),
        label_en=_text(d, "label_en", cid),
        label_km=_text(d, "label_km", cid),
        dimensions=tuple(dims),
        items=ordered,
        by_id={it.id: it for it in ordered},
    )


def _parse_tb(data: object) -> TBContent:
    d, cid, ver = _header(data, "checkpoint-tb-screen")
    raw_items = d.get("items")
    if not isinstance(raw_items, list):
        raise _fail(cid, "'items' must be a list")
    items: dict[str, TBItem] = {}
    for i, raw in enumerate(raw_items):
        if not isinstance(raw, Mapping):
            raise _fail(cid, f"item {i} must be an object")
        iid = _text(raw, "id", f"{cid}/{i}")
        where = f"{cid}/{iid}"
        if iid in items:
            raise _fail(where, "duplicate id")
        kind = raw.get("kind")
        if kind not in ("symptom", "risk") or not iid.startswith("TB-S" if kind == "symptom" else "TB-R"):
            raise _fail(where, "'kind' must be 'symptom' (TB-S*) or 'risk' (TB-R*)")
        value_type = raw.get("value_type", "bool")
        if value_type not in ("bool", "int", "enum", "derived"):
            raise _fail(where, "'value_type' must be bool, int, enum or derived")
        items[iid] = TBItem(
            id=iid,
            kind=str(kind),
            label_en=_text(raw, "label_en", where),
            label_km=_text(raw, "label_km", where),
            needs_review=_flag(raw, "needs_review", where, False),
            value_type=str(value_type),
            question_en=_text(raw, "question_en", where) if "question_en" in raw else "",
            question_km=_text(raw, "question_km", where) if "question_km" in raw else "",
        )
    missing = [i for i in TB_REQUIRED_IDS if i not in items]
    if missing:
        raise _fail(cid, f"missing items: {', '.join(missing)}")
    return TBContent(content_id=cid, version=ver, items=tuple(items.values()), by_id=items)


def _parse_referral_rules(data: object) -> ReferralRules:
    d, cid, ver = _header(data, "checkpoint-referral-rules")
    raw_rules = d.get("rules")
    if not isinstance(raw_rules, list):
        raise _fail(cid, "'rules' must be a list")
    rules: dict[str, ReferralRule] = {}
    for i, raw in enumerate(raw_rules):
        if not isinstance(raw, Mapping):
            raise _fail(cid, f"rule {i} must be an object")
        code = _text(raw, "reason_code", f"{cid}/{i}")
        where = f"{cid}/{code}"
        if code in rules:
            raise _fail(where, "duplicate reason_code")
        kind = raw.get("kind")
        if kind not in REFERRAL_KINDS:
            raise _fail(where, f"'kind' must be one of {', '.join(REFERRAL_KINDS)}")
        urgency = raw.get("urgency")
        if urgency not in URGENCIES:
            raise _fail(where, f"'urgency' must be one of {', '.join(URGENCIES)}")
        agencies = raw.get("agencies")
        if not isinstance(agencies, list) or not agencies or not all(isinstance(a, str) for a in agencies):
            raise _fail(where, "'agencies' must be a non-empty list of agency codes")
        unknown = [a for a in agencies if not codelists.is_valid("agencies", a)]
        if unknown:
            raise _fail(where, f"unknown agency codes: {', '.join(unknown)}")
        needs = raw.get("facility_needs", [])
        if not isinstance(needs, list) or not all(isinstance(n, str) for n in needs):
            raise _fail(where, "'facility_needs' must be a list of capability names")
        rules[code] = ReferralRule(
            reason_code=code,
            kind=str(kind),
            agencies=tuple(agencies),
            urgency=str(urgency),
            reason_en=_text(raw, "reason_en", where),
            reason_km=_text(raw, "reason_km", where),
            facility_needs=tuple(needs),
        )
    missing = [r for r in REQUIRED_REASONS if r not in rules]
    if missing:
        raise _fail(cid, f"missing rules: {', '.join(missing)}")
    return ReferralRules(content_id=cid, version=ver, rules=rules)


def parse_content(data: object) -> IndicatorSet | TBContent | ReferralRules:
    """Check a decoded content document and return it as typed content (dispatching on ``format``).

        >>> parse_content({"format": "nonsense"})
        Traceback (most recent call last):
        ...
        checkpoint.errors.ValidationError: content:?: unknown content 'format'

    This is also the entry point for content that arrives later as HQ reference data. Raises
    ValidationError on any defect: wrong format or version, missing or empty text (English or Khmer), a bad
    grade, a duplicate id, counts that do not match, an unknown agency.
    """
    fmt = data.get("format") if isinstance(data, Mapping) else None
    if fmt == "checkpoint-indicator-set":
        return _parse_indicator_set(data)
    if fmt == "checkpoint-tb-screen":
        return _parse_tb(data)
    if fmt == "checkpoint-referral-rules":
        return _parse_referral_rules(data)
    raise _fail("?", "unknown content 'format'")


def _read(content_id: str, *, max_bytes: int = _MAX_BYTES) -> object:
    """The shipped content file ``content/<content_id>.json``, decoded: at most ``max_bytes``, UTF-8 JSON, an object
    whose ``content_id`` is its name. Raises ValidationError (field ``content:<content_id>``)."""
    path = resources.files("checkpoint.screening").joinpath("content", f"{content_id}.json")
    raw = path.read_bytes()
    if len(raw) > max_bytes:
        raise _fail(content_id, "file too large")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise _fail(content_id, f"not valid UTF-8 JSON ({e.__class__.__name__})") from None
    if not isinstance(data, Mapping) or data.get("content_id") != content_id:
        raise _fail(content_id, "the file's content_id does not match its name")
    return data


@cache
def indicator_set(content_id: str) -> IndicatorSet:
    """Return a shipped indicator set ("ilo-labour-adult" or "ilo-labour-child"), checked and cached.

        >>> indicator_set("ilo-labour-child").ilo_set
        'CHILD_LABOUR'

    Raises ValidationError for an unknown id or a malformed file.
    """
    if content_id not in ILO_SETS.values():
        raise ValidationError("content_id", f"unknown indicator set {content_id!r}")
    result = _parse_indicator_set(_read(content_id))
    return result


@cache
def tb_content() -> TBContent:
    """Return the shipped TB screen content, checked and cached.

        >>> tb_content().content_id
        'tb-screen'
    """
    return _parse_tb(_read("tb-screen"))


@cache
def referral_rules() -> ReferralRules:
    """Return the shipped referral rules, checked against the agencies code list, cached.

        >>> referral_rules().rules["TB_PRESUMPTIVE"].urgency
        'SAME_DAY'
    """
    return _parse_referral_rules(_read("referral-rules"))
