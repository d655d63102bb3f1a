"""Issue 12, point 5: a withdrawal of the consent to sharing travels to HQ and stops cross-checkpoint routing: a
checkpoint linked to the person gets nothing written after it (real device stores, a real HQ store)."""

from __future__ import annotations

from checkpoint.events import event_refs, sharing_consent
from checkpoint.services.outbox import Outbox
from sync.device.pull import pull_all
from tests.support.helpers import registration
from tests.support.hq_helpers import enroll, sync_all


def test_withdrawing_sharing_stops_routing_to_a_linked_checkpoint(hq, supervisor, make_device) -> None:
    enroll(hq, supervisor)
    clinic = make_device("clinic", checkpoint="Clinic")
    enroll(hq, clinic)
    reg = supervisor.registrations.register(**registration())
    sync_all(hq, supervisor)
    assert hq.link(reg.person_id, "Clinic", "TB follow-up")["sharing"]
    pull_all(Outbox(clinic), hq)
    phone = lambda: clinic.store.db.execute("SELECT phone FROM persons WHERE id = ?",   # noqa: E731
                                            [reg.person_id]).fetchone()[0]
    supervisor.corrections.amend_person(reg.person_id, {"phone": "011111111"}, "new phone")
    sync_all(hq, supervisor)
    pull_all(Outbox(clinic), hq)
    assert phone() == "011111111"                   # routed while the person consents
    supervisor.consents.withdraw(reg.encounter_id, "sharing", reason="asked at the desk")
    supervisor.corrections.amend_person(reg.person_id, {"phone": "022222222"}, "newer phone")
    v = {k: x for a in sync_all(hq, supervisor) for k, x in a["verdicts"].items()}
    assert {x[0] for x in v.values()} == {"accepted"}
    pull_all(Outbox(clinic), hq)
    assert phone() == "011111111"                   # nothing after the withdrawal reaches the clinic


def test_the_withdrawal_payload_reads_as_no_sharing_and_names_its_arrival() -> None:
    payload = {"encounter_id": "e1", "purpose": "sharing", "target": "", "reason": "",
               "consents": [{"purpose": "sharing", "granted": False}]}
    assert sharing_consent(payload) is False
    assert event_refs("consent.withdrawn", "p1", payload).names == [("person", "p1"), ("encounter", "e1")]
