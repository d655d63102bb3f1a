"""Issue 10, point 11, its last part: sections by need. The protection section (trafficking answers, recruiter and
debt fields, protection referrals' notes) is sealed to the checkpoint's protection key (supervisors) and to the
writing officer's own key: another officer, a health worker or an administrator who opens the tables with the data
key her passphrase unwraps finds ciphertext, and the services show "sealed" instead of the content.

Real SQLCipher store, real roles (tests/conftest.py); the attacker uses only what her own passphrase opens.
"""

from __future__ import annotations

import base64
import json
import sqlite3
import zlib

import pytest

from checkpoint import crypto, protection_section
from checkpoint.crypto import sealed
from checkpoint.errors import DecryptionFailed, PermissionDenied, UnsupportedFormat, ValidationError
from checkpoint.services import protection
from checkpoint.storage.db import open_encrypted
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import keyfile_path
from tests.support.helpers import POSITIVE_ADULT, registration

NOTE = "the broker at Km 14 kept her passport"
SECRET_WORDS = ("ILO-DR-1", "ILO-CD-5", "BROKER_AGENT", "Km 14", "ThroughOnlineSocialNetworks")


def _register(session, **over):
    return session.registrations.register(**registration(
        encounter={"return_type": "DEPORTED_G2G", "country_of_work": "THA", "recruiter_relationship": "BROKER_AGENT",
                   "recruitment_methods": ["ThroughOnlineSocialNetworks"], "debt_owed": True, "debt_amount": 9000,
                   "debt_currency": "THB", "detained_before_return": True, "detention_days": 12},
        trafficking={"ticked": POSITIVE_ADULT, "exploitation_types": ["ForcedLabour"]},
        referrals=[{"kind": "protection", "agency_code": "IOM", "reason_code": "PRESUMED_VICTIM", "urgency": "SAME_DAY",
                    "notes": NOTE}], **over))


def _dump_decrypted(session) -> str:
    """Everything the data key opens, as text: every row of every table, event payloads decompressed."""
    db = session._ctx.db
    out = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"):
        for row in db.execute(f"SELECT * FROM [{table}]"):
            for v in row:
                if isinstance(v, bytes):
                    try:
                        v = zlib.decompress(v).decode()
                    except (zlib.error, UnicodeDecodeError):
                        v = v.hex()
                out.append(str(v))
    return "\n".join(out)


def _sealed_blob(session, type_: str = "registration.recorded") -> tuple[str, bytes]:
    ev = next(session.store.events(where="type = ?", params=[type_]))
    return ev["id"], base64.b64decode(json.loads(ev["payload"])[protection_section.SEALED_KEY])


def test_only_supervisors_slots_hold_the_protection_key(supervisor, store_path) -> None:
    kf = KeyFile.load(keyfile_path(store_path))
    holders = {s["username"] for s in kf.data["slots"] if s.get("kind") == "passphrase" and "protection" in s}
    assert holders == {"dara"}                        # not sokha, vanna (officers), thida (health), rith (admin)
    assert supervisor.keyfile.protection_key is not None
    assert crypto.x25519_public(supervisor.keyfile.protection_key).hex() == supervisor.store.meta("protection_public")


def test_another_officer_finds_only_ciphertext_in_the_tables_and_sealed_in_the_services(supervisor, sign_in) -> None:
    sokha, vanna = sign_in("sokha"), sign_in("vanna")
    reg = _register(sokha)
    text = _dump_decrypted(vanna)                     # vanna opens the whole database with her own passphrase
    assert reg.person_id in text                      # she reads the tables...
    for word in SECRET_WORDS:
        assert word not in text, word                 # ...but the section is nowhere in clear
    eid, blob = _sealed_blob(vanna)
    keys = protection.reader_keys(vanna.keyfile, vanna.store, vanna.user.role)
    assert keys                                       # her own reading key: not a recipient of sokha's section
    for k in keys:
        with pytest.raises(sealed.NotARecipient):
            sealed.open_for(k, blob, context=protection_section.context("registration.recorded", eid))
    # Through the services (an officer may not see another officer's answers: the role check says so first)
    rec = vanna.records.get(reg.person_id)
    enc = rec["encounters"][0]
    assert enc["trafficking"][0].get("restricted") and "ticked" not in enc["trafficking"][0]
    assert "recruiter_relationship" not in enc and "debt_amount" not in enc
    assert enc["referrals"][0].get("restricted") and NOTE not in json.dumps(rec)


def test_the_officer_reads_back_her_own_registration(supervisor, sign_in) -> None:
    sokha = sign_in("sokha")
    reg = _register(sokha)
    enc = sokha.records.get(reg.person_id)["encounters"][0]
    t = enc["trafficking"][0]
    assert set(t["ticked"]) == set(POSITIVE_ADULT) and t["outcome"] == "PRESUMED_VICTIM"
    assert t["exploitation_types"] == ["ForcedLabour"] and t["answers"]["ILO-DR-1"] == "yes"
    assert (enc["recruiter_relationship"], enc["debt_amount"], enc["debt_currency"], enc["detention_days"]) == \
        ("BROKER_AGENT", 9000, "THB", 12)
    assert enc["recruitment_methods"] == ["ThroughOnlineSocialNetworks"]
    prot = [r for r in enc["referrals"] if r["kind"] == "protection"]
    assert prot[0]["notes"] == NOTE and "protection" not in prot[0]
    # signed in again (a new session): the same key opens it
    sokha.lock()


def test_a_supervisor_reads_every_officer_s_section(supervisor, sign_in) -> None:
    reg = _register(sign_in("sokha"))
    enc = supervisor.records.get(reg.person_id)["encounters"][0]
    assert set(enc["trafficking"][0]["ticked"]) == set(POSITIVE_ADULT)
    assert enc["recruiter_relationship"] == "BROKER_AGENT" and enc["debt_owed"] == 1
    assert [r["notes"] for r in enc["referrals"] if r["kind"] == "protection"] == [NOTE]
    assert supervisor.maintenance.verify().ok          # hashes and signatures cover the sealed form


def test_an_admin_and_a_health_worker_cannot(supervisor, sign_in) -> None:
    reg = _register(sign_in("sokha"))
    rith, thida = sign_in("rith"), sign_in("thida")
    with pytest.raises(PermissionDenied):
        rith.records.get(reg.person_id)
    for s in (rith, thida):
        assert s.keyfile.protection_key is None
        text = _dump_decrypted(s)
        assert all(w not in text for w in SECRET_WORDS)
        eid, blob = _sealed_blob(s)
        for k in protection.reader_keys(s.keyfile, s.store, s.user.role):
            with pytest.raises(sealed.NotARecipient):
                sealed.open_for(k, blob, context=protection_section.context("registration.recorded", eid))
    enc = thida.records.get(reg.person_id)["encounters"][0]
    assert enc["trafficking"][0]["restricted"] and NOTE not in json.dumps(enc)


def test_a_supervisor_without_the_key_sees_sealed_not_a_traceback(supervisor, sign_in) -> None:
    reg = _register(sign_in("sokha"))
    supervisor.keyfile.protection_key = None          # e.g. a supervisor whose slot was not re-sealed yet
    enc = supervisor.records.get(reg.person_id)["encounters"][0]
    assert enc["protection"] == "sealed" and enc["protection_message"] == protection.MSG_SEALED
    assert enc["trafficking"][0]["protection_message"] == protection.MSG_SEALED
    assert "recruiter_relationship" not in enc
    assert enc["trafficking"][0].get("restricted")
    prot = next(r for r in enc["referrals"] if r["kind"] == "protection")
    assert prot["notes"] == "" and prot["agency_code"] == "IOM" and prot["urgency"] == "SAME_DAY"


def test_tampered_ciphertext_is_refused_with_a_clear_message_and_changes_nothing(supervisor, sign_in) -> None:
    reg = _register(sign_in("sokha"))
    db = supervisor._ctx.db
    eid, blob = _sealed_blob(supervisor)
    bad = bytearray(blob)
    bad[-3] ^= 1
    ev = next(supervisor.store.events(where="id = ?", params=[eid]))
    payload = json.loads(ev["payload"])
    payload[protection_section.SEALED_KEY] = base64.b64encode(bytes(bad)).decode()
    db.execute("DROP TRIGGER events_immutable")      # what a holder of the data key can do
    db.execute("UPDATE events SET payload = ? WHERE id = ?", [zlib.compress(json.dumps(payload).encode()), eid])
    before = db.execute("SELECT count(*) FROM events").fetchone()[0]
    enc = supervisor.records.get(reg.person_id)["encounters"][0]
    assert enc["protection"] == "damaged" and enc["protection_message"] == protection.MSG_SECTION_DAMAGED
    assert "ticked" not in enc["trafficking"][0]
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == before + 1      # only the person.viewed
    assert any("altered" in p for p in supervisor.maintenance.verify().problems)


def test_the_envelope_refuses_hostile_blobs() -> None:
    a, a_pub = crypto.generate_x25519()
    b, b_pub = crypto.generate_x25519()
    c, _ = crypto.generate_x25519()
    ctx = b"checkpoint protection section v1|registration.recorded|e1"
    blob = sealed.seal_for([a_pub, b_pub, a_pub], b"section", context=ctx)
    assert sealed.open_for(a, blob, context=ctx) == sealed.open_for(b, blob, context=ctx) == b"section"
    assert len(sealed.recipient_ids(blob)) == 2                      # duplicates kept once
    with pytest.raises(sealed.NotARecipient):
        sealed.open_for(c, blob, context=ctx)
    with pytest.raises(DecryptionFailed, match="altered"):
        sealed.open_for(a, blob, context=b"checkpoint protection section v1|registration.recorded|e2")
    for i in (6, 40, 50, len(blob) - 20, len(blob) - 1):              # ephemeral key, a wrap, the nonce, the tag
        bad = bytearray(blob)
        bad[i] ^= 0x40
        with pytest.raises(DecryptionFailed):
            sealed.open_for(a, bytes(bad), context=ctx)
    with pytest.raises(DecryptionFailed, match="truncated"):
        sealed.open_for(a, blob[:60], context=ctx)
    bad = bytearray(blob)
    bad[38] = 200                                                     # an absurd recipient count
    with pytest.raises(DecryptionFailed, match="recipients"):
        sealed.open_for(a, bytes(bad), context=ctx)
    with pytest.raises(UnsupportedFormat):
        sealed.open_for(a, b"CPSL" + blob[4:], context=ctx)
    with pytest.raises(UnsupportedFormat):
        sealed.open_for(a, blob + bytes(2 << 20), context=ctx)
    with pytest.raises(ValidationError):
        sealed.seal_for([], b"x", context=ctx)
    with pytest.raises(ValidationError):
        sealed.seal_for([b"short"], b"x", context=ctx)
    with pytest.raises(ValidationError):
        sealed.seal_for([bytes(32)], b"x", context=ctx)               # a low-order point


def test_the_section_is_data_and_split_merge_give_back_the_payload() -> None:
    payload = {"person_id": "p", "encounter": {"id": "e", "recruiter_relationship": "FAMILY", "debt_owed": False,
                                               "country_of_work": "THA"},
               "trafficking": {"id": "t", "ticked": ["ILO-DR-1"], "answered_no": [], "age_used": 30,
                               "safety": {"triggered": True, "reasons": [{"code": "x"}]},
                               "result": {"outcome": "PRESUMED_VICTIM", "flags": [], "positive_dimensions": ["DR"]}},
               "referrals": [{"id": "r1", "kind": "health", "notes": "clinic"},
                             {"id": "r2", "kind": "protection", "notes": "hers"}]}
    clear, section = protection_section.split("registration.recorded", payload)
    assert clear["encounter"] == {"id": "e", "country_of_work": "THA"}
    assert clear["trafficking"] == {"id": "t", "age_used": 30, "safety": {"triggered": True},
                                    "result": {"outcome": "PRESUMED_VICTIM", "flags": []}}
    assert clear["referrals"][0]["notes"] == "clinic" and "notes" not in clear["referrals"][1]
    assert protection_section.merge(clear, section) == payload
    assert protection_section.split("referral.updated", {"referral_id": "r", "changes": {"notes": "n"}},
                                    protection=False)[1] == {}


def test_hq_figures_need_nothing_of_the_section(supervisor, sign_in) -> None:
    """HQ counts from codes only: the facts of the sealed (clear) payload equal those of the whole payload."""
    from sync.hq.facts import arrival_rows
    sokha = sign_in("sokha")
    reg = _register(sokha)
    ev = next(sokha.store.events(where="type = 'registration.recorded' AND entity_id = ?", params=[reg.person_id]))
    clear = json.loads(ev["payload"])
    keys = protection.reader_keys(supervisor.keyfile, supervisor.store, supervisor.user.role)
    whole = protection_section.merge(clear, protection.open_section(keys, ev["type"], ev["id"], clear) or {})
    assert "ticked" in whole["trafficking"] and "ticked" not in clear["trafficking"]
    # Every figure HQ counts is in clear, the type of exploitation too (HTCDS codes, as the outcome).
    a, b = arrival_rows(clear, "cp1"), arrival_rows(whole, "cp1")
    assert a == b and a[0]["exploitation"] == "ForcedLabour"
    assert a[0]["trafficking_outcome"] == "PRESUMED_VICTIM" and a[0]["safety_referral"] == b[0]["safety_referral"]


def test_the_data_key_alone_opens_nothing_of_the_section(supervisor, sign_in, store_path) -> None:
    """A copy of the database and its data key (what every passphrase gives) without any slot's keys."""
    sokha = sign_in("sokha")
    _register(sokha)
    key = sokha._ctx.data_key()
    db = open_encrypted(store_path, key)
    try:
        rows = db.execute("SELECT ticked, positive_dimensions FROM trafficking_screenings").fetchall()
        assert rows == [("[]", "[]")]
        enc = db.execute("SELECT recruiter_relationship, debt_owed, debt_amount FROM encounters").fetchone()
        assert enc == ("UNKNOWN", None, None)
        assert db.execute("SELECT notes FROM referrals WHERE kind = 'protection'").fetchone() == ("",)
    finally:
        db.close()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(store_path).execute("SELECT * FROM events").fetchall()   # and without it: not a database


def test_a_draft_is_sealed_to_its_officer(supervisor, sign_in) -> None:
    """An unfinished registration holds the answers being typed: another officer's passphrase opens only ciphertext."""
    sokha, vanna = sign_in("sokha"), sign_in("vanna")
    sokha.drafts.save({"trafficking": {"ticked": ["ILO-DR-1"]}, "notes": NOTE})
    assert [d.payload["notes"] for d in sokha.drafts.list()] == [NOTE]
    text = _dump_decrypted(vanna)
    assert NOTE not in text and "ILO-DR-1" not in text
    assert vanna.drafts.list() == []


def test_the_recovery_code_gives_a_supervisor_the_protection_key_back_also_after_a_rotation(tmp_path) -> None:
    from checkpoint.services import create_store, reset_with_recovery_code, unlock
    fast = crypto.KdfParams.fast()
    db = tmp_path / "r.db"
    s, code = create_store(db, checkpoint_name="Poipet", username="dara", display_name="Dara",
                           passphrase="river-lotus-supervisor", kdf=fast)
    s.users.add("sokha", "Sokha", "officer", "mango-tree-officer-7")
    s.lock()
    o = unlock(db, "sokha", "mango-tree-officer-7", kdf=fast)
    reg = _register(o)
    o.lock()
    for round_ in range(2):
        r = reset_with_recovery_code(db, code, "dara", f"lantern orchard {round_} quietly sings", kdf=fast)
        try:
            assert r.keyfile.protection_key is not None
            enc = r.records.get(reg.person_id)["encounters"][0]
            assert [x["notes"] for x in enc["referrals"] if x["kind"] == "protection"] == [NOTE]
            if round_ == 0:
                code = r.users.rotate_data_key().recovery_code     # the new code's slot keeps the key too
        finally:
            r.lock()


def test_a_health_referral_s_notes_stay_the_health_post_s(supervisor, sign_in) -> None:
    """Only protection referrals' notes are sealed: a TB follow-up note written by one health worker is read by
    the others (whatever path writes the update)."""
    reg = supervisor.registrations.register(**registration(tb={"cough": True, "cough_days": 20}, referrals=[
        {"kind": "health", "agency_code": "KH01-POIPET-RH", "reason_code": "PRESUMPTIVE_TB", "urgency": "SAME_DAY"}]))
    rid = next(r for r in reg.referral_ids)
    thida = sign_in("thida")
    thida.health.record(rid, {"status": "arrived", "notes": "came with her sister"})
    ev = list(supervisor.store.events(where="type = 'referral.updated'"))[-1]
    assert protection_section.SEALED_KEY not in json.loads(ev["payload"])
    enc = supervisor.records.get(reg.person_id)["encounters"][0]
    assert [r["notes"] for r in enc["referrals"] if r["kind"] == "health"] == ["came with her sister"]


def test_the_protection_referral_list_opens_notes_for_a_supervisor(supervisor, sign_in) -> None:
    reg = _register(sign_in("sokha"))
    rows = [r for r in supervisor.referrals.list(kind="protection") if r.person_id == reg.person_id]
    assert [r.notes for r in rows] == [NOTE]
    assert supervisor.referrals.get(rows[0].id).notes == NOTE
    supervisor.keyfile.protection_key = None          # a supervisor whose slot does not hold the key (yet)
    assert supervisor.referrals.get(rows[0].id).notes == protection.MSG_SEALED


def test_a_quick_registration_completed_from_the_queue_is_sealed_too(supervisor, sign_in) -> None:
    """The private room completes most arrivals of a busload (registration.completed): its answers, recruiter and
    debt fields and protection notes are sealed as a registration's are; another officer finds none of them, the
    officer who completed it and a supervisor read them."""
    sokha, vanna = sign_in("sokha"), sign_in("vanna")
    q = sokha.arrivals.quick_register({"family_name": "QUEUE", "given_names": "SEALED", "sex": "F", "age_years": 28})
    sokha.registrations.complete(
        q.encounter_id, consents={"storage": True, "screening": True, "referral": True},
        encounter={"recruiter_relationship": "BROKER_AGENT", "recruitment_methods": ["ThroughOnlineSocialNetworks"]},
        trafficking={"ticked": POSITIVE_ADULT},
        referrals=[{"kind": "protection", "agency_code": "IOM", "reason_code": "PRESUMED_VICTIM", "urgency": "SAME_DAY",
                    "notes": NOTE}])
    ev = next(sokha.store.events(where="type = 'registration.completed' AND entity_id = ?", params=[q.person_id]))
    clear = json.loads(ev["payload"])
    assert protection_section.SEALED_KEY in clear and "ticked" not in clear["trafficking"]
    assert "recruiter_relationship" not in clear["encounter"] and NOTE not in ev["payload"]
    text = _dump_decrypted(vanna)
    for word in (*SECRET_WORDS[:3], "ThroughOnlineSocialNetworks", NOTE):
        assert word not in text, word
    for reader in (sokha, supervisor):
        enc = reader.records.get(q.person_id)["encounters"][0]
        assert set(enc["trafficking"][0]["ticked"]) == set(POSITIVE_ADULT)
        assert enc["recruiter_relationship"] == "BROKER_AGENT"
        assert [r["notes"] for r in enc["referrals"] if r["kind"] == "protection"] == [NOTE]
