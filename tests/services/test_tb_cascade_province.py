"""Issue 14 point 4, by home province: the cascade's ``by_province`` counts each person under the home province
they go back to (a correction of it counts), the same on the device and as HQ folds it from the events."""

from __future__ import annotations

from datetime import date
from typing import Any

from checkpoint.screening.cascade import inputs_from_events, tb_cascade
from checkpoint.services.outbox import wire_event
from checkpoint.site import LOCAL_TZ
from tests.support.helpers import adult, registration


def test_the_cascade_by_home_province_on_the_device_and_from_the_events(supervisor, sign_in, clock) -> None:
    sokha, thida = sign_in("sokha"), sign_in("thida")
    today = clock.now().astimezone(LOCAL_TZ).date()
    regs: dict[str, Any] = {}
    for n, (province, answers) in enumerate([("02", {"cough": True}), ("02", {}), ("17", {"fever": True}),
                                             ("", {}), ("14", {})]):
        person = adult(family_name=f"PROV {'ABCDE'[n]}", id_document_number=f"P{n:07d}", home_province=province)
        regs[str(n)] = sokha.registrations.register(**registration(person=person, tb=None))
        thida.health.screen(regs[str(n)].encounter_id, answers, consent=True)
    # HQ and the device both follow a corrected home province: person 4 goes home to Siem Reap (17), not 14
    supervisor.corrections.amend_person(regs["4"].person_id, {"home_province": "17"}, "she said Siem Reap")
    c = supervisor.health.cascade(today, today)
    assert sorted(c["by_province"]) == ["02", "17", "unknown"]
    assert [c["by_province"][k]["screened"] for k in ("02", "17", "unknown")] == [2, 2, 1]
    assert [c["by_province"][k]["presumptive"] for k in ("02", "17", "unknown")] == [1, 1, 0]
    assert sum(t["screened"] for t in c["by_province"].values()) == c["total"]["screened"] == 5

    def local_day(at: str) -> str:
        from datetime import datetime

        return datetime.fromisoformat(at).astimezone(LOCAL_TZ).date().isoformat()

    screens, refs = inputs_from_events([wire_event(e) for e in supervisor.store.events()], local_day=local_day)
    assert tb_cascade(screens, refs, start=today, end=today) == c


def test_by_province_of_plain_rows() -> None:
    rows = [{"person_id": "a", "encounter_id": "e1", "screened_on": "2026-11-02", "outcome": "SCREEN_NEGATIVE",
             "age": 30, "sex": "F", "province": "03"},
            {"person_id": "b", "encounter_id": "e2", "screened_on": "2026-11-02", "outcome": "SCREEN_NEGATIVE",
             "age": 30, "sex": "M"}]
    c = tb_cascade(rows, [], start=date(2026, 11, 1), end=date(2026, 11, 30))
    assert {k: v["screened"] for k, v in c["by_province"].items()} == {"03": 1, "unknown": 1}
