"""Code lists: countries, provinces, languages, return types, sectors, agencies, facilities.

Each list is a versioned JSON file shipped in ``checkpoint/codelists/data`` and read once. A list is a tuple
of :class:`Code` values (code, English label, Khmer label, review mark, anything else in ``extra``).

    >>> from checkpoint import codelists
    >>> codelists.label("provinces", "01")
    'Banteay Meanchey'
    >>> codelists.is_valid("countries", "KHM"), codelists.is_valid("countries", "XYZ")
    (True, False)

The module's functions read :data:`DEFAULT`, the shipped lists, which never change in a running process. HQ will
later send signed reference data (facilities, agencies, new list versions). Signature checking is not built
here; once a payload is verified, :meth:`CodeLists.with_override` is where it plugs in: it checks the shape and
returns a new :class:`CodeLists` with that list replaced, for whoever is given it (a test passes its own the same
way). Codes marked ``"active": false`` are kept so that old records still get a label, but ``is_valid`` refuses
them for new entries.

    >>> hq = codelists.DEFAULT.with_override("health_facilities", {"list": "health_facilities",
    ...     "version": "hq-1", "codes": [{"code": "KH01-NEW", "label_en": "New clinic"}]})
    >>> [c.code for c in hq.health_facilities()], codelists.version("health_facilities")
    (['KH01-NEW'], 'demo-2026.12-1')

Raises :class:`checkpoint.errors.ValidationError` for an unknown list name or a malformed override.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

from checkpoint.errors import ValidationError

__all__ = [
    "DEFAULT",
    "LIST_NAMES",
    "Code",
    "CodeList",
    "CodeLists",
    "agencies",
    "codes",
    "countries",
    "health_facilities",
    "id_document_types",
    "is_valid",
    "label",
    "languages",
    "migration_channels",
    "provinces",
    "recruiter_relationships",
    "recruitment_methods",
    "referral_urgencies",
    "return_types",
    "sectors",
    "sexes",
    "version",
]

LIST_NAMES: tuple[str, ...] = (
    "countries",
    "provinces",
    "languages",
    "return_types",
    "sectors",
    "agencies",
    "health_facilities",
    "id_document_types",
    "migration_channels",
    "recruiter_relationships",
    "sexes",
    "referral_urgencies",
    "recruitment_methods",
    "work_types",
    "exploitation_types",
)
LIST_NAMES = (*LIST_NAMES, "assistance_items",     # issue 13: assistance handed out (checkpoint.services.assistance)
              "nea_occupations", "education_levels", "nea_skills")      # issue 13: NEA job registration

# What a code may look like, per list (an override is checked against this too).
_CODE_PATTERNS: dict[str, re.Pattern[str]] = {
    "countries": re.compile(r"[A-Z]{3}"),
    "provinces": re.compile(r"[0-9]{2}"),
    "languages": re.compile(r"[a-z]{3}"),
}
_DEFAULT_CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,63}")
_KNOWN_KEYS = frozenset({"code", "label_en", "label_km", "needs_review", "active"})
_MAX_CODES = 5000


@dataclass(frozen=True)
class Code:
    """One entry of a code list.

    ``label_km`` may be empty (most countries and languages have no Khmer name yet); :func:`label` then falls
    back to English. ``needs_review`` marks Khmer wording a native speaker should confirm. ``extra`` holds
    list-specific fields (HTCDS names, ISO alpha-2, facility capabilities ...).
    """

    code: str
    label_en: str
    label_km: str
    needs_review: bool = False
    active: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class CodeList:
    """A whole list as loaded: its name, version, source note and codes (inactive ones included)."""

    name: str
    version: str
    source: str
    codes: tuple[Code, ...]
    by_code: Mapping[str, Code] = field(default_factory=dict, hash=False, compare=False, repr=False)


def _fail(name: str, message: str) -> ValidationError:
    return ValidationError(f"codelist:{name}", message)


def _parse(name: str, data: object) -> CodeList:
    """Check the shape of one list document and build it; raises ValidationError on any defect."""
    if not isinstance(data, Mapping):
        raise _fail(name, "must be a JSON object")
    if data.get("list") != name:
        raise _fail(name, f"'list' must be {name!r}")
    ver = data.get("version")
    if not isinstance(ver, str) or not ver.strip():
        raise _fail(name, "'version' must be a non-empty string")
    source = data.get("source", "")
    if not isinstance(source, str):
        raise _fail(name, "'source' must be a string")
    raw_codes = data.get("codes")
    if not isinstance(raw_codes, list) or not raw_codes:
        raise _fail(name, "'codes' must be a non-empty list")
    if len(raw_codes) > _MAX_CODES:
        raise _fail(name, f"more than {_MAX_CODES} codes")
    pattern = _CODE_PATTERNS.get(name, _DEFAULT_CODE_PATTERN)
    out: list[Code] = []
    seen: dict[str, Code] = {}
    for i, entry in enumerate(raw_codes):
        if not isinstance(entry, Mapping):
            raise _fail(name, f"entry {i} must be an object")
        code = entry.get("code")
        if not isinstance(code, str) or not pattern.fullmatch(code):
            raise _fail(name, f"entry {i}: 'code' is missing or not a valid code for this list")
        if code in seen:
            raise _fail(name, f"entry {i}: duplicate code {code!r}")
        label_en = entry.get("label_en")
        if not isinstance(label_en, str) or not label_en.strip():
            raise _fail(name, f"entry {code}: 'label_en' must be a non-empty string")
        label_km = entry.get("label_km", "")
        if not isinstance(label_km, str):
            raise _fail(name, f"entry {code}: 'label_km' must be a string")
        needs_review = entry.get("needs_review", False)
        active = entry.get("active", True)
        if not isinstance(needs_review, bool) or not isinstance(active, bool):
            raise _fail(name, f"entry {code}: 'needs_review' and 'active' must be true or false")
        extra = {k: v for k, v in entry.items() if k not in _KNOWN_KEYS}
        item = Code(code, label_en, label_km, needs_review, active, extra)
        seen[code] = item
        out.append(item)
    if not any(c.active for c in out):
        raise _fail(name, "no active code")
    return CodeList(name=name, version=ver, source=source, codes=tuple(out), by_code=seen)


def _check_name(list_name: str) -> None:
    if list_name not in LIST_NAMES:
        raise ValidationError("list_name", f"unknown code list {list_name!r}")


@functools.cache
def _shipped(list_name: str) -> CodeList:
    """A list as shipped in ``checkpoint/codelists/data`` (read once; the files are part of the package)."""
    path = resources.files("checkpoint.codelists").joinpath("data", f"{list_name}.json")
    return _parse(list_name, json.loads(path.read_text(encoding="utf-8")))


class CodeLists:
    """The code lists in use: the shipped lists, with reference-data overrides on top. Immutable: an override
    makes a new object, so whoever holds one sees the same lists for as long as they hold it.

        >>> lists = CodeLists()
        >>> lists.label("provinces", "01"), lists.is_valid("sexes", "F")
        ('Banteay Meanchey', True)

    It answers the same questions as this module's functions (which ask :data:`DEFAULT`), list helpers included,
    so code written against the module can be given an instance instead.
    """

    __slots__ = ("_overrides",)

    def __init__(self) -> None:
        """The shipped lists; :meth:`with_override` makes lists with HQ's data on top."""
        self._overrides: Mapping[str, CodeList] = MappingProxyType({})

    @classmethod
    def _with(cls, overrides: Mapping[str, CodeList]) -> CodeLists:
        lists = cls()
        lists._overrides = MappingProxyType(dict(overrides))
        return lists

    def __repr__(self) -> str:
        return f"CodeLists(overrides={sorted(self._overrides)})"

    def with_override(self, list_name: str, data: Mapping[str, Any]) -> CodeLists:
        """Return new lists in which ``list_name`` is replaced by reference data from HQ (these are unchanged).

            >>> hq = CodeLists().with_override("health_facilities", {"list": "health_facilities",
            ...     "version": "hq-1", "codes": [{"code": "KH01-NEW", "label_en": "New clinic", "label_km": ""}]})
            >>> [c.code for c in hq.health_facilities()], hq.version("health_facilities")
            (['KH01-NEW'], 'hq-1')

        The caller must have verified the payload's signature first (not built yet). The payload has the shipped
        files' shape: ``{"list", "version", "source"?, "codes": [{"code", "label_en", "label_km"?,
        "needs_review"?, "active"?, ...extra}]}``. Retire a code with ``"active": false`` rather than dropping
        it, so stored records keep a label.

        Raises ValidationError for an unknown list or a malformed payload.
        """
        _check_name(list_name)
        return CodeLists._with({**self._overrides, list_name: _parse(list_name, data)})

    def get(self, list_name: str) -> CodeList:
        """The whole list in use (override or shipped). Raises ValidationError for an unknown list name."""
        _check_name(list_name)
        return self._overrides.get(list_name) or _shipped(list_name)

    def codes(self, list_name: str, *, include_inactive: bool = False) -> tuple[Code, ...]:
        """The codes of one list, in display order (see the module function :func:`codes`)."""
        cl = self.get(list_name)
        return cl.codes if include_inactive else tuple(c for c in cl.codes if c.active)

    def version(self, list_name: str) -> str:
        """The version string of the list in use (see :func:`version`)."""
        return self.get(list_name).version

    def is_valid(self, list_name: str, code: str) -> bool:
        """Whether ``code`` is an active code of the list (see :func:`is_valid`)."""
        found = self.get(list_name).by_code.get(code) if isinstance(code, str) else None
        return found is not None and found.active

    def label(self, list_name: str, code: str, lang: str = "en") -> str:
        """The label of a code in ``lang`` (see :func:`label`)."""
        if lang not in ("en", "km"):
            raise ValidationError("lang", "must be 'en' or 'km'")
        found = self.get(list_name).by_code.get(code) if isinstance(code, str) else None
        if found is None:
            raise ValidationError(list_name, "unknown code")
        if lang == "km" and found.label_km:
            return found.label_km
        return found.label_en

    # One helper per list, as the module has (see the module functions of the same names).
    def countries(self) -> tuple[Code, ...]:
        return self.codes("countries")

    def provinces(self) -> tuple[Code, ...]:
        return self.codes("provinces")

    def languages(self) -> tuple[Code, ...]:
        return self.codes("languages")

    def return_types(self) -> tuple[Code, ...]:
        return self.codes("return_types")

    def sectors(self) -> tuple[Code, ...]:
        return self.codes("sectors")

    def agencies(self) -> tuple[Code, ...]:
        return self.codes("agencies")

    def health_facilities(self) -> tuple[Code, ...]:
        return self.codes("health_facilities")

    def id_document_types(self) -> tuple[Code, ...]:
        return self.codes("id_document_types")

    def migration_channels(self) -> tuple[Code, ...]:
        return self.codes("migration_channels")

    def recruiter_relationships(self) -> tuple[Code, ...]:
        return self.codes("recruiter_relationships")

    def sexes(self) -> tuple[Code, ...]:
        return self.codes("sexes")

    def referral_urgencies(self) -> tuple[Code, ...]:
        return self.codes("referral_urgencies")

    def recruitment_methods(self) -> tuple[Code, ...]:
        return self.codes("recruitment_methods")


DEFAULT = CodeLists()
"""The shipped lists: what the module's functions answer from. It has no overrides and never gets any."""


def codes(list_name: str, *, include_inactive: bool = False) -> tuple[Code, ...]:
    """Return the codes of one list, in display order.

        >>> [c.code for c in codes("sexes")]
        ['F', 'M', 'X', 'UNKNOWN']

    Raises ValidationError for an unknown list name.
    """
    return DEFAULT.codes(list_name, include_inactive=include_inactive)


def version(list_name: str) -> str:
    """Return the version string of the list in use (shipped or override).

        >>> version("provinces")
        '2026.11-1'

    Raises ValidationError for an unknown list name.
    """
    return DEFAULT.version(list_name)


def is_valid(list_name: str, code: str) -> bool:
    """Tell whether ``code`` is an active code of the list (exact, case-sensitive match).

        >>> is_valid("provinces", "25"), is_valid("provinces", "26")
        (True, False)

    Raises ValidationError for an unknown list name.
    """
    return DEFAULT.is_valid(list_name, code)


def label(list_name: str, code: str, lang: str = "en") -> str:
    """Return the label of a code in ``lang`` ("en" or "km"); Khmer falls back to English when empty.

        >>> label("provinces", "01", "km")
        'បន្ទាយមានជ័យ'

    Works for inactive (retired) codes too, so old records keep their labels. Raises ValidationError for an
    unknown list, an unknown code or a language other than "en"/"km".
    """
    return DEFAULT.label(list_name, code, lang)


def countries() -> tuple[Code, ...]:
    """ISO 3166-1 alpha-3 countries (249), English ISO names; Khmer names for the region.

        >>> len(countries())
        249
    """
    return codes("countries")


def provinces() -> tuple[Code, ...]:
    """Cambodia's 25 provinces and capital, codes 01-25, Latin and Khmer names.

        >>> provinces()[0].label_en
        'Banteay Meanchey'
    """
    return codes("provinces")


def languages() -> tuple[Code, ...]:
    """ISO 639-2 languages (terminology codes, e.g. ``khm``).

        >>> any(c.code == "khm" for c in languages())
        True
    """
    return codes("languages")


def return_types() -> tuple[Code, ...]:
    """How the person came back (spec §4.4): DEPORTED_G2G ... UNKNOWN.

        >>> return_types()[0].code
        'DEPORTED_G2G'
    """
    return codes("return_types")


def sectors() -> tuple[Code, ...]:
    """Work sectors: ISIC Rev.4 sections A-U (HTCDS name in ``extra['htcds']``) plus ONLINE_SCAM_COMPOUND.

        >>> sectors()[-1].code
        'ONLINE_SCAM_COMPOUND'
    """
    return codes("sectors")


def agencies() -> tuple[Code, ...]:
    """Referral agencies (spec §2.6); ``extra['kinds']`` lists the referral kinds each one takes.

        >>> agencies()[0].code
        'MoSVY_PROVINCIAL_DOSVY'
    """
    return codes("agencies")


def health_facilities() -> tuple[Code, ...]:
    """Health facilities: DEMO ones in Banteay Meanchey, then a referral hospital per province (issue 14).

        >>> health_facilities()[0].extra["demo"]
        True
    """
    return codes("health_facilities")


def id_document_types() -> tuple[Code, ...]:
    """Identity document types (spec §4.4).

        >>> id_document_types()[0].code
        'PASSPORT'
    """
    return codes("id_document_types")


def migration_channels() -> tuple[Code, ...]:
    """Migration channels (spec §4.4).

        >>> migration_channels()[0].code
        'MOU_REGULAR'
    """
    return codes("migration_channels")


def recruiter_relationships() -> tuple[Code, ...]:
    """Recruiter relationships (spec §4.4) with HTCDS and CTDC mappings in ``extra``.

        >>> recruiter_relationships()[0].extra["htcds"]
        'Familial'
    """
    return codes("recruiter_relationships")


def sexes() -> tuple[Code, ...]:
    """Sex codes F, M, X, UNKNOWN with the HTCDS prs_Gender value in ``extra['htcds']``.

        >>> [c.extra["htcds"] for c in sexes()][:2]
        ['Feminine', 'Masculine']
    """
    return codes("sexes")


def referral_urgencies() -> tuple[Code, ...]:
    """Referral urgencies, most urgent first: IMMEDIATE_DANGER, SAME_DAY, ROUTINE.

        >>> [c.code for c in referral_urgencies()]
        ['IMMEDIATE_DANGER', 'SAME_DAY', 'ROUTINE']
    """
    return codes("referral_urgencies")


def recruitment_methods() -> tuple[Code, ...]:
    """HTCDS vic_MethodOfRecruitment values.

        >>> recruitment_methods()[0].code
        'AtAPlaceOfBusiness'
    """
    return codes("recruitment_methods")
