"""The examples in the docstrings of the screening, MRZ and code-list modules are true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "checkpoint.screening",
    "checkpoint.screening._content",
    "checkpoint.screening.trafficking",
    "checkpoint.screening.tb",
    "checkpoint.screening.referrals",
    "checkpoint.screening.safety",
    "checkpoint.screening.prescreen",
    "checkpoint.screening.checklist",
    "checkpoint.mrz",
    "checkpoint.codelists",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
