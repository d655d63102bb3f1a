"""Partners follow up (issue 16 points 3 and 4), HQ in process with real device stores: a partner sees only the
referrals addressed to her organisation and only the minimum; her stages reach the registering checkpoint on
its next pull; slips verify against the keys of devices HQ enrolled; everything she does is audited."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.errors import NotFound, SignatureInvalid, ValidationError
from checkpoint.events import GENESIS, HLC, canonical_json, event_hash, uuid7
from checkpoint.services.outbox import Outbox
from sync.device.client import SyncClient
from sync.hq import directory, partners
from sync.hq.store import hq_audit
from tests.support.client_harness import enroll, new_device
from tests.support.helpers import POSITIVE_ADULT, adult, registration


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """HQ's production store is PostgreSQL: the partner queries and HQ's own events run on both."""
    return str(request.param)


CSV = (b"code,kind,name_en,services,provinces\r\n"
       b"NGO_HAGAR,ngo,Hagar Cambodia,protection;shelter,01\r\n"
       b"NGO_OTHER,ngo,Other NGO,protection,01\r\n")


@pytest.fixture
def world(tmp_path: Path, clock, hq):
    directory.import_csv(hq.store, clock, CSV, by="dm1")
    a = new_device(tmp_path / "a.db", "Poipet", clock=clock)
    b = new_device(tmp_path / "b.db", "Poipet", clock=clock, username="bopha")
    for s in (a, b):
        enroll(s, hq)
        assert SyncClient(s, hq).sync_once()["reference"]["applied"]
    yield a, b
    for s in (a, b):
        s.lock()


def refer(s: Any, code: str, **person: Any) -> tuple[str, str]:
    reg = s.registrations.register(**registration(person=adult(**person), trafficking={"ticked": POSITIVE_ADULT},
                                                  referrals=[{"kind": "protection", "agency_code": code,
                                                              "reason_code": "TRAFFICKING_INDICATORS",
                                                              "urgency": "SAME_DAY"}]))
    return reg.person_id, reg.referral_ids[0]


def test_partner_sees_only_hers_and_the_minimum_and_stages_flow_back(world, hq, clock) -> None:
    a, b = world
    _pid, rid = refer(a, "NGO_HAGAR", family_name="CHAN", given_names="SREY", sex="F")
    refer(a, "NGO_OTHER", family_name="KEO", given_names="VISAL")
    for s in (a, b):
        SyncClient(s, hq).sync_once()
    rows = partners.referrals_for(hq.store, "NGO_HAGAR")
    assert [(r["referral_id"], r["family_name"], r["sex"], r["age"]) for r in rows] == [(rid, "CHAN", "F", 36)]
    row = rows[0]
    assert row["phone"] == "012345678" and row["urgency"] == "SAME_DAY" and row["checkpoint_name"] == "Poipet"
    assert not ({"trafficking", "ticked", "answers", "tb", "id_document_number"} & set(row)), row
    assert "ILO-DR-1" not in repr(row)                                   # never the checklist answers
    with pytest.raises(NotFound):
        partners.referral_for(hq.store, "NGO_OTHER", rid)               # another organisation learns nothing
    partners.record_stage(hq.store, clock, "NGO_HAGAR", "sophea", rid, "received")
    partners.record_stage(hq.store, clock, "NGO_HAGAR", "sophea", rid, "arrived")
    with pytest.raises(ValidationError, match="outcome"):
        partners.record_stage(hq.store, clock, "NGO_HAGAR", "sophea", rid, "closed")
    with pytest.raises(ValidationError, match="stage"):
        partners.record_stage(hq.store, clock, "NGO_HAGAR", "sophea", rid, "deported")
    partners.record_stage(hq.store, clock, "NGO_HAGAR", "sophea", rid, "closed", "reintegrated")
    with pytest.raises(ValidationError, match="already closed"):
        partners.record_stage(hq.store, clock, "NGO_HAGAR", "sophea", rid, "assessed")
    assert partners.referral_for(hq.store, "NGO_HAGAR", rid)["stage"] == "closed"
    # the registering checkpoint (both its devices) sees the stages after its next sync
    for s in (a, b):
        out = SyncClient(s, hq).sync_once()
        assert out["complete"] and out["held_incoming"] == 0, out
        got = s.store.db.execute("SELECT stage, outcome, organisation FROM referral_stages WHERE referral_id = ? "
                                 "ORDER BY recorded_at, rowid", [rid]).fetchall()
        assert got == [("received", "", "NGO_HAGAR"), ("arrived", "", "NGO_HAGAR"),
                       ("closed", "reintegrated", "NGO_HAGAR")]
        assert s.referrals.get(rid).status == "closed"
    # the person's record on the device: the NGO's name from the directory and what the partner recorded
    (ref,) = a.records.get(_pid)["encounters"][0]["referrals"]
    assert ref["agency_label"] == "Hagar Cambodia"
    assert [(x["stage"], x["outcome"]) for x in ref["partner_stages"]] == [("received", ""), ("arrived", ""),
                                                                          ("closed", "reintegrated")]
    with hq.store.read() as conn:
        audited = conn.execute(sa.select(hq_audit.c.username, hq_audit.c.action, hq_audit.c.detail)
                               .where(hq_audit.c.action == "partner_stage")).all()
    assert [x.detail for x in audited] == ["NGO_HAGAR: received", "NGO_HAGAR: arrived",
                                           "NGO_HAGAR: closed (reintegrated)"]


def test_a_device_cannot_forge_a_partner_stage(world, hq, clock) -> None:
    """Only HQ writes partner stages: a device cannot record one, and one written elsewhere but not by HQ is held
    aside when pulled."""
    a, b = world
    pid, rid = refer(a, "NGO_HAGAR")
    SyncClient(a, hq).sync_once()
    SyncClient(b, hq).sync_once()
    with pytest.raises(ValueError, match="must come from HQ"), a.store.write():
        a.store.record("referral.partner_stage", "person", pid, {"referral_id": rid, "stage": "closed",
                                                                   "outcome": "reintegrated"}, author=a.user.id)
    ev = {"id": uuid7(1), "device_id": a.store.device_id, "device_seq": 999, "entity_type": "person",
          "entity_id": pid, "type": "referral.partner_stage", "author": "x", "hlc": HLC().tick(1),
          "payload": canonical_json({"referral_id": rid, "stage": "closed", "outcome": "reintegrated"}),
          "content_version": "", "recorded_at": clock.now().isoformat(), "prev_hash": GENESIS}
    ev["hash"] = event_hash(ev)
    assert Outbox(b).ingest([ev]) == {"applied": 0, "duplicate": 0, "held": 1}
    assert b.referrals.get(rid).status != "closed"


def test_slip_verified_at_the_door(world, hq, clock) -> None:
    a, _b = world
    pid, rid = refer(a, "NGO_HAGAR")
    SyncClient(a, hq).sync_once()
    token = a.slips.slip(rid).token
    got = partners.verify_slip(hq.store, clock, token)
    assert (got["referral_id"], got["person_id"], got["organisation"]) == (rid, pid, "NGO_HAGAR")
    head, body, sig = token.split(".")
    tampered = ".".join((head, body, ("A" if sig[0] != "A" else "B") + sig[1:]))
    with pytest.raises(SignatureInvalid):
        partners.verify_slip(hq.store, clock, tampered)
    with pytest.raises(ValidationError, match="expired"):
        partners.verify_slip(hq.store, clock, token, today=clock.now().date() + timedelta(days=400))
    with pytest.raises(ValidationError, match="not a Checkpoint referral slip"):
        partners.verify_slip(hq.store, clock, "https://example.org/not-a-slip")
    hq.revoke(a.store.device_id, "stolen laptop")
    with pytest.raises(SignatureInvalid, match="not trusted"):
        partners.verify_slip(hq.store, clock, token)


def test_cli_verify_slip(world, hq, hq_url, clock, capsys, tmp_path: Path) -> None:
    from sync.hq.cli import main

    a, _b = world
    _pid, rid = refer(a, "NGO_HAGAR")
    SyncClient(a, hq).sync_once()
    token = a.slips.slip(rid).token
    assert main(["--db", hq_url, "verify-slip", token]) == 0
    assert f"Slip valid: referral {rid}" in capsys.readouterr().out
    f = tmp_path / "qr.txt"
    f.write_text(token[:-4] + "AAAA\n")
    assert main(["--db", hq_url, "verify-slip", "--file", str(f)]) == 4          # data: a damaged slip
    err = capsys.readouterr().err
    assert "does not verify" in err and "Traceback" not in err
    assert main(["--db", hq_url, "verify-slip", "hello"]) == 4
    assert "not a Checkpoint referral slip" in capsys.readouterr().err


def test_referrals_made_after_registration_reach_their_partner(world, hq, clock, tmp_path: Path) -> None:
    """A quick registration completed from the queue with a referral to the NGO, and a TB referral the health post
    opened to a clinic, are on those partners' lists like a referral made at registration (with the phone only
    where the person agreed to be referred)."""
    from checkpoint import crypto
    from checkpoint.services import unlock

    a, _b = world
    q = a.arrivals.quick_register({"family_name": "SOK", "given_names": "NARY", "sex": "F", "age_years": 30,
                                   "phone": "097000111"})
    done = a.registrations.complete(q.encounter_id, consents={"storage": True, "screening": True, "referral": True},
                                    trafficking={"ticked": POSITIVE_ADULT},
                                    referrals=[{"kind": "protection", "agency_code": "NGO_HAGAR",
                                                "reason_code": "TRAFFICKING_INDICATORS", "urgency": "SAME_DAY"}])
    nurse_pw = "the health post passphrase of the nurse"
    a.users.add("thida", "Thida", "health_worker", nurse_pw)
    nurse = unlock(tmp_path / "a.db", "thida", nurse_pw, clock=clock, kdf=crypto.KdfParams.fast())
    try:
        q2 = a.arrivals.quick_register({"family_name": "MEAS", "given_names": "TOLA", "sex": "M", "age_years": 40,
                                        "phone": "097000222"})
        tb = nurse.health.screen(q2.encounter_id, {"cough": True, "cough_days": 20}, consent=True,
                                 facility_code="KH01-POIPET-RH")
    finally:
        nurse.lock()
    SyncClient(a, hq).sync_once()
    ngo = partners.referrals_for(hq.store, "NGO_HAGAR")
    assert [(r["referral_id"], r["family_name"], r["phone"]) for r in ngo] == \
        [(done.referral_ids[0], "SOK", "097000111")]
    clinic = partners.referrals_for(hq.store, "KH01-POIPET-RH")
    assert [(r["referral_id"], r["family_name"], r["kind"]) for r in clinic] == \
        [(tb.referral_id, "MEAS", "health")]
    assert clinic[0]["phone"] == ""                 # no consent to referral was asked at the quick registration


def test_a_voided_referral_or_person_leaves_the_partners_list(world, hq, clock) -> None:
    a, _b = world
    _pid1, rid1 = refer(a, "NGO_HAGAR", family_name="CHAN", given_names="SREY", sex="F")
    pid2, rid2 = refer(a, "NGO_HAGAR", family_name="KEO", given_names="VISAL", id_document_number="N7654321")
    _pid3, rid3 = refer(a, "NGO_HAGAR", family_name="LIM", given_names="DAVY", id_document_number="N1112223")
    SyncClient(a, hq).sync_once()
    assert {r["referral_id"] for r in partners.referrals_for(hq.store, "NGO_HAGAR")} == {rid1, rid2, rid3}
    a.corrections.void("referral", rid1, "referred by mistake")
    a.corrections.void("person", pid2, "registered twice")
    SyncClient(a, hq).sync_once()
    assert [r["referral_id"] for r in partners.referrals_for(hq.store, "NGO_HAGAR")] == [rid3]
    with pytest.raises(NotFound):
        partners.referral_for(hq.store, "NGO_HAGAR", rid1)
