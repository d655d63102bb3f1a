"""The dashboard's queries and accounts give the same answers on SQLite and on PostgreSQL (HQ's production store):
sign-in with lockout, sessions, sync health, quarantine (and a decision), held gaps, the report source."""

from __future__ import annotations

import pytest

from checkpoint.errors import AuthError, ConflictError
from sync.hq import operator
from sync.hq.service import HQService
from sync.hq.web import queries
from sync.hq.web.accounts import Accounts, totp_code
from sync.hq.web.report_source import checkpoint_choices, report
from sync.hq.web.sessions import Sessions
from tests.sync.hq.web.harness import PASS, seed


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_the_dashboard_reads_and_decides_alike_on_both_databases(hq: HQService) -> None:
    seed(hq)
    store, clock = hq.store, hq.clock
    accounts = Accounts(store, clock)
    secret = accounts.add("vanna", "Vanna Chea", "data_manager", PASS).secret
    with pytest.raises(AuthError):
        accounts.authenticate("vanna", "wrong", "000000")
    user = accounts.authenticate("vanna", PASS, totp_code(secret, clock.now().timestamp()))
    assert user.role == "data_manager" and not user.locked
    sessions = Sessions(store, clock)
    token = sessions.start("vanna")
    assert sessions.get(token).username == "vanna"
    clock.advance(minutes=31)
    assert sessions.get(token) is None

    health = {d["checkpoint_name"]: (d["held"], d["quarantined"], d["conflicts"])
              for d in queries.device_health(store, hq.devices())}
    assert health == {"Poipet": (0, 1, 0), "Bavet": (1, 0, 0)}
    (q,) = operator.quarantine_rows(store)
    assert q["checkpoint_name"] == "Poipet" and q["state"] == "open" and "raw" not in q
    operator.reject_quarantined(store, clock, q["id"], "vanna", "tampered", "127.0.0.1")
    with pytest.raises(ConflictError):
        operator.reject_quarantined(store, clock, q["id"], "vanna", "again", "127.0.0.1")
    assert operator.quarantine_rows(store) == []
    assert operator.quarantine_rows(store, state="rejected")[0]["by"] == "vanna"
    assert queries.device_health(store, hq.devices())[0]["quarantined"] == 0
    (gap,) = operator.gap_rows(store)
    assert (gap["checkpoint_name"], gap["missing"], gap["held"]) == ("Bavet", [[3, 3]], 1)

    ids = dict((n, i) for i, n in checkpoint_choices(store))
    # The report source is sync.hq.reports: the held Bavet arrival does not count; small cells are withheld.
    table = report(store, "arrivals", "2026-11", [])
    assert table.rows == (("Bavet", "<5", "<5", 0, 0), ("Poipet", "<5", "<5", 0, 0))
    assert table.totals == ("Total", 5, 5, 0, 0)
    plain = report(store, "arrivals", "2026-11", [ids["Poipet"]], "sex", 0)
    assert plain.columns[:3] == ("Sex", "Arrivals", "Child protection concern") and plain.totals[:2] == ("Total", 3)
    assert report(store, "tb", "2026-11", [ids["Poipet"]]).rows == ()          # no TB screen in the seed
    nea = report(store, "nea", "2026-10", [])          # computed now (#15.3), on both databases: none in October
    assert nea.columns == ("Checkpoint", "NEA registrations", "Persons registered with NEA") and not nea.note
    assert nea.rows == () and nea.totals == ("Total", 0, 0)
    given = report(store, "assistance", "2026-11", [ids["Poipet"]], "kind", 0)
    assert given.columns[:3] == ("Kind of assistance", "Assistance given", "Persons assisted") and given.rows == ()
