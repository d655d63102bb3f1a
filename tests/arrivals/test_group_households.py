"""The households of a group that the quick registration form offers (issue 11 point 3): the list's and the typed
ones, members in registration order, read with a trace; an administrator (no access to the list) sees none."""

from __future__ import annotations

import pytest

from checkpoint.errors import PermissionDenied
from tests.arrivals.test_flow import _reads

TYPED = "5f0c1b7e-6a53-4b8f-9d59-2b0f6f3d9a11"


def test_a_groups_households_name_their_members_and_leave_a_read_trace(sign_in) -> None:
    officer = sign_in("sokha")
    a = officer.arrivals
    g = a.create_group({"transport": "TRUCK"}).group_id
    other = a.create_group({"transport": "BUS"}).group_id
    a.quick_register({"family_name": "SAO", "given_names": "MALIS", "sex": "F", "age_years": 34}, group_id=g,
                     household_id=TYPED, household_role="HEAD")
    a.quick_register({"family_name": "SAO", "given_names": "DINA", "sex": "F", "age_years": 6}, group_id=g,
                     household_id=TYPED, household_role="CHILD")
    a.quick_register({"family_name": "UCH", "given_names": "SINA", "sex": "F", "age_years": 30}, group_id=g)
    a.quick_register({"family_name": "KEO", "given_names": "RATHA", "sex": "M", "age_years": 40}, group_id=other,
                     household_id="7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b", household_role="HEAD")
    assert a.group_households(g) == [{"id": TYPED, "members": ["SAO MALIS", "SAO DINA"]}]
    officer.lock()                                  # flushes what the minute counted
    assert _reads(sign_in("sokha"), "household") == 2


def test_an_administrator_reads_no_groups_households(sign_in) -> None:
    g = sign_in("sokha").arrivals.create_group({"transport": "TRUCK"}).group_id
    with pytest.raises(PermissionDenied):
        sign_in("rith").arrivals.group_households(g)
