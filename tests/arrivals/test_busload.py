"""Must show (issue 11): a 60-row handover list with 4 households and 2 unaccompanied children, through import →
quick registration → queue → two stations; persons, households, child referrals, queue order and counts."""

from __future__ import annotations

from typing import Any

import pytest

from checkpoint.clock import ManualClock
from checkpoint.errors import PermissionDenied
from tests.support.arrivals import HEADERS, handover_rows, to_csv

GROUP = {"transport": "BUS", "vehicle": "40-1234", "handover_ref": "AR-2569/118", "handover_date": "02/12/2569",
         "authority": "Aranyaprathet Immigration Detention Centre", "return_type": "DEPORTED_G2G",
         "expected_count": 62}
FLAGGED = {20: ["PREGNANT"], 21: ["INJURED_OR_ILL"], 22: ["CONTROLLING_PERSON_PRESENT"], 23: ["OLDER_PERSON"]}


def _busload(s: Any, clock: ManualClock) -> tuple[str, dict[int, Any]]:
    imp = s.arrivals.import_list(to_csv(HEADERS, handover_rows()), "bus-40-1234.csv", group=GROUP)
    assert imp.rows == 60 and imp.problems == ()
    regs = {}
    for r in s.arrivals.rows(imp.group_id):
        clock.advance(seconds=20)
        regs[r["row"]] = s.arrivals.quick_register(group_id=imp.group_id, row=r["row"],
                                                   flags=FLAGGED.get(r["row"], ()))
    return imp.group_id, regs


def test_a_busload_from_list_to_two_stations(supervisor, sign_in, clock: ManualClock) -> None:
    officer = sign_in("sokha")
    gid, regs = _busload(officer, clock)
    # Persons and the group: expected 62, 60 listed and registered, none left before registration.
    g = officer.arrivals.group(gid)
    assert (g.expected, g.listed, g.registered, g.left, g.waiting) == (62, 60, 60, 0, 0)
    assert officer.records.count() == 60
    assert g.handover_date == "2026-12-02"                       # 02/12/2569 Buddhist era
    # Households: four, with their members and roles.
    households = {r.household_id for r in regs.values() if r.household_id}
    assert len(households) == 4
    h3 = officer.arrivals.household(regs[8].household_id)
    assert [(m["household_role"], m["child_status"]) for m in h3] == [
        ("HEAD", None), ("CHILD", "ACCOMPANIED"), ("OTHER_RELATIVE", "SEPARATED")]
    # Children: 5 accompanied by a parent (guardian recorded), 1 separated, 2 unaccompanied.
    status = {row: r.child_status for row, r in regs.items() if r.child_status}
    assert status == {3: "ACCOMPANIED", 4: "ACCOMPANIED", 7: "ACCOMPANIED", 9: "ACCOMPANIED", 10: "SEPARATED",
                      14: "UNACCOMPANIED", 15: "UNACCOMPANIED"}
    assert regs[3].guardian_person_id == regs[2].person_id       # Sok Dalin's mother
    assert officer.records.get(regs[7].person_id)["person"]["guardian_person_id"] == regs[5].person_id
    # Child-protection referrals: only the separated and unaccompanied children.
    referred = {row for row, r in regs.items() if r.referral_ids}
    assert referred == {10, 14, 15}
    kinds = {x.kind for x in supervisor.referrals.list(kind="child_protection")}
    assert len(supervisor.referrals.list(kind="child_protection")) == 3 and kinds == {"child_protection"}
    # The arrival record is kept without any consent (an official act).
    rec = officer.records.get(regs[20].person_id)
    assert rec["encounters"][0]["consents"] == {} and rec["encounters"][0]["return_type"] == "DEPORTED_G2G"
    # Queue: urgent medical need first, then the separated/unaccompanied children, then the other flags, then by
    # waiting time.
    room = officer.arrivals.queue("INTERVIEW_ROOM")
    assert len(room) == 60
    order = [next(row for row, r in regs.items() if r.person_id == i.person_id) for i in room[:8]]
    assert order == [21, 10, 14, 15, 22, 20, 23, 2]
    # Two stations: the interview room (officer) calls three and closes them; the health post (health worker).
    clock.advance(seconds=300)
    first = officer.arrivals.call_next("INTERVIEW_ROOM")
    assert first is not None and first.person_id == regs[21].person_id and first.status == "called"
    officer.arrivals.close(first.entry_id, "referred")
    second = officer.arrivals.call_next("INTERVIEW_ROOM")
    assert second is not None
    officer.arrivals.close(second.entry_id, "done")
    waiting = officer.arrivals.queue("INTERVIEW_ROOM")
    officer.arrivals.close(waiting[-1].entry_id, "left")                    # left before being seen
    nurse = sign_in("thida")
    post = nurse.arrivals.queue("HEALTH_POST")
    assert post[0].person_id == regs[21].person_id and post[0].flags == ("INJURED_OR_ILL",)
    # the health worker never sees a protection flag
    assert all("CONTROLLING_PERSON_PRESENT" not in i.flags for i in post)
    assert "CONTROLLING_PERSON_PRESENT" in next(i for i in room if i.person_id == regs[22].person_id).flags
    called = nurse.arrivals.call_next("HEALTH_POST")
    assert called is not None
    nurse.arrivals.close(called.entry_id, "done")
    with pytest.raises(PermissionDenied):
        nurse.arrivals.queue("INTERVIEW_ROOM")
    with pytest.raises(PermissionDenied):
        officer.arrivals.call_next("HEALTH_POST")
    f = supervisor.arrivals.figures()
    assert {k: f["INTERVIEW_ROOM"][k] for k in ("waiting", "called", "done", "referred", "left",
                                                "left_before_seen")} == \
        {"waiting": 57, "called": 0, "done": 1, "referred": 1, "left": 1, "left_before_seen": 1}
    assert f["HEALTH_POST"]["done"] == 1 and f["HEALTH_POST"]["waiting"] == 59
    assert f["INTERVIEW_ROOM"]["mean_wait_s"] is not None and f["INTERVIEW_ROOM"]["mean_wait_s"] >= 300
    # The arrival records are all kept and counted, whatever became of the interviews.
    assert supervisor.arrivals.arrival_figures()["arrivals"] == 60
    assert supervisor.arrivals.arrival_figures()["children_separated_or_unaccompanied"] == 3
    assert supervisor.maintenance.verify().ok
