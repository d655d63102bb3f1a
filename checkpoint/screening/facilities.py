"""Choosing the health facility a person is transferred to for TB treatment: the one nearest their destination.

    >>> nearest_facility("02").code
    'KH02-PROVINCIAL-RH'
    >>> nearest_facility("").code                 # destination unknown: the national TB centre
    'KH12-CENAT'

"Nearest" without coordinates (the shipped directory has none, and inventing them would be worse): a facility in
the destination province that offers every service asked for; then any facility in that province that offers TB
treatment; then the national facility; then the first facility that offers the services. Retired codes are never
chosen. Pure: it reads only the code lists it is given (HQ's reference data replaces the shipped directory through
``checkpoint.codelists.CodeLists.with_override``).
"""

from __future__ import annotations

from checkpoint import codelists
from checkpoint.codelists import Code, CodeLists

__all__ = ["facilities_in", "nearest_facility"]


def _offers(f: Code, needs: tuple[str, ...]) -> bool:
    return all(f.extra.get(n) is True for n in needs)


def facilities_in(province: str, *, lists: CodeLists = codelists.DEFAULT) -> tuple[Code, ...]:
    """The active facilities of one province (a provinces code), in directory order."""
    return tuple(f for f in lists.health_facilities() if f.extra.get("province") == province)


def nearest_facility(province: str | None, *, needs: tuple[str, ...] = ("tb_treatment",),
                     lists: CodeLists = codelists.DEFAULT) -> Code | None:
    """The facility for a person going to ``province`` that offers ``needs`` (``extra`` flags that are True).
    Demo facilities come after real ones of the same province. None only when no facility offers the services."""
    here = sorted(facilities_in(province or "", lists=lists), key=lambda f: bool(f.extra.get("demo")))
    for candidates in ([f for f in here if _offers(f, needs)], [f for f in here if _offers(f, ("tb_treatment",))]):
        if candidates:
            return candidates[0]
    everywhere = lists.health_facilities()
    for f in everywhere:
        if f.extra.get("national") is True and _offers(f, needs):
            return f
    return next((f for f in everywhere if _offers(f, needs)), None)
