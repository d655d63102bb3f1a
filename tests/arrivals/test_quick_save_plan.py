"""Issue 11 (quick save p95 <= 15 ms at 1M persons): the quick registration's save and the duplicate check the form
runs before it use indexes only. Every statement they run is recorded from the store's own connection and asked
for its query plan: none may scan a table or sort in a temporary B-tree (what grows with the store). One
transaction per save. The figures themselves are in tests/bench/bench_quick_save.py."""

from __future__ import annotations

import re

import pytest

from tests.support.arrivals import HEADERS, handover_rows, to_csv

ADULT = {"family_name": "KEO", "given_names": "CHAN", "sex": "F", "age_years": 30, "name_khmer": "កែវ ចាន់",
         "phone": "012345678"}
_INDEXED = re.compile(r"USING (COVERING |INTEGER PRIMARY KEY|PRIMARY KEY|INDEX)|VIRTUAL TABLE")


def _statements(session, fn) -> list[str]:
    seen: list[str] = []
    conn = session.store.db.conn
    conn.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        conn.set_trace_callback(None)
    return seen


def _full_scans(session, statements: list[str]) -> list[tuple[str, str]]:
    bad = []
    for sql in statements:
        if sql.startswith("--") or not re.match(r"\s*(SELECT|UPDATE|DELETE|WITH)", sql, re.I):
            continue
        for row in session.store.db.execute("EXPLAIN QUERY PLAN " + sql).fetchall():
            detail = str(row[-1])
            if (detail.startswith("SCAN") and not _INDEXED.search(detail)) or "TEMP B-TREE" in detail:
                bad.append((detail, sql[:160]))
    return bad


@pytest.mark.parametrize("how", ["new person", "list row with household", "repeat returnee"])
def test_the_quick_save_and_its_duplicate_check_scan_nothing(supervisor, how) -> None:
    s = supervisor
    imp = s.arrivals.import_list(to_csv(HEADERS, handover_rows()[:12]), "bus.csv", group={"transport": "BUS"})
    rows = s.arrivals.rows(imp.group_id)
    first = s.arrivals.quick_register(ADULT)
    s.arrivals.set_surge(True)
    s.arrivals.set_surge(False)
    household = next(r for r in rows if r["household"])
    s.arrivals.quick_register(group_id=imp.group_id, row=household["row"], person={"age_years": 35})
    others = [r for r in rows if r["household"] == household["household"] and r["row"] != household["row"]]

    def save() -> None:
        if how == "new person":
            s.arrivals.quick_register({**ADULT, "given_names": "SREY"}, flags=["PREGNANT"])
        elif how == "list row with household":
            s.arrivals.quick_register(group_id=imp.group_id, row=(others or rows[-1:])[0]["row"])
        else:
            s.arrivals.quick_register(person_id=first.person_id)

    check = _statements(s, lambda: s.registrations.find_duplicates(ADULT))
    statements = _statements(s, save)
    assert any(q.startswith("INSERT INTO events") for q in statements)
    assert _full_scans(s, check + statements) == []
    assert [q for q in statements if q in ("BEGIN IMMEDIATE", "COMMIT")] == ["BEGIN IMMEDIATE", "COMMIT"]


def test_the_check_catches_a_scan(supervisor) -> None:
    """The checker itself: a query on a column with no index is named (so the test above can fail)."""
    statements = _statements(supervisor, lambda: supervisor.store.db.execute(
        "SELECT id FROM persons WHERE citizenship = 'KHM'").fetchall())
    assert [d for d, _q in _full_scans(supervisor, statements)] == ["SCAN persons"]


def test_a_station_s_refresh_reads_its_own_figures_through_the_index(supervisor) -> None:
    s = supervisor
    for i in range(3):
        s.arrivals.quick_register({**ADULT, "given_names": "NA" + "BCD"[i]}, flags=["INJURED_OR_ILL"] if i else [])
    s.arrivals.close(s.arrivals.call_next("HEALTH_POST").entry_id, "done")
    statements = _statements(s, lambda: s.arrivals.figures("HEALTH_POST"))
    assert s.arrivals.figures("HEALTH_POST") == {"HEALTH_POST": s.arrivals.figures()["HEALTH_POST"]}
    assert s.arrivals.figures("HEALTH_POST")["HEALTH_POST"]["done"] == 1
    assert _full_scans(s, statements) == []

