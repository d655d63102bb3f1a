"""Repeat returnees across checkpoints (issue 15 point 6), on SQLite and PostgreSQL: HQ proposes persons registered
at different checkpoints with the same document, the same name and date of birth, or the same Khmer name, says
why, never proposes a person who refused sharing, and a data manager's link (each checkpoint follows the other's
record) or dismissal is audited and remembered. The job is incremental and bounded."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.errors import ConflictError, NotFound, ValidationError
from checkpoint.names import document_key, khmer_key, name_key
from sync.hq import matches
from sync.hq.service import HQService
from sync.hq.store import checkpoint_entities, checkpoints, events, hq_audit, journal, person_keys, pull_feed
from tests.support.hq_helpers import FakeDevice


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def person(family: str = "SOK", given: str = "DARA", *, khmer: str = "", dob: str = "1990-05-17",
           doc: tuple[str, str] = ("NONE", ""), estimated: bool = False) -> dict[str, Any]:
    return {"family_name": family, "given_names": given, "name_khmer": khmer, "sex": "M", "date_of_birth": dob,
            "dob_estimated": estimated, "id_document_type": doc[0], "id_document_number": doc[1],
            "phone": "012345678", "home_province": "01"}


def registration(pid: str, p: dict[str, Any], *, sharing: bool = True) -> dict[str, Any]:
    return {"person_id": pid, "person": p,
            "encounter": {"id": str(uuid.uuid4()), "station_id": "POIPET_INTL_CHECKPOINT",
                          "arrival_at": "2026-11-10T03:00:00+00:00", "return_type": "DEPORTED_G2G",
                          "country_of_work": "THA"},
            "consents": [{"purpose": c, "granted": c != "sharing" or sharing}
                         for c in ("screening", "storage", "referral", "sharing")],
            "trafficking": None, "tb": None, "referrals": []}


class Site:
    """A checkpoint with one enrolled device that registers and corrects persons through HQ's real ingest."""

    def __init__(self, hq: HQService, name: str) -> None:
        self.hq, self.dev = hq, FakeDevice(checkpoint_name=name)
        self.dev.enroll(hq)
        self.encounters: dict[str, str] = {}

    def push(self, evs: list[dict[str, Any]]) -> None:
        counts = self.hq.ingest(self.dev.seal(evs, self.hq.keys.exchange_public)).counts
        assert counts.get("accepted", 0) == len(evs), counts

    def register(self, p: dict[str, Any], *, sharing: bool = True) -> str:
        pid = str(uuid.uuid4())
        payload = registration(pid, p, sharing=sharing)
        self.encounters[pid] = payload["encounter"]["id"]
        self.push([self.dev.event(entity_id=pid, payload=payload)])
        return pid

    def amend(self, pid: str, **changes: Any) -> None:
        self.push([self.dev.event(type_="person.amended", entity_id=pid,
                                  payload={"changes": changes, "reason": "typo"})])

    def void(self, pid: str) -> None:
        self.push([self.dev.event(type_="record.voided", entity_id=pid,
                                  payload={"record_type": "person", "record_id": pid, "reason": "duplicate"})])

    def withdraw_sharing(self, pid: str) -> None:
        self.push([self.dev.event(type_="consent.withdrawn", entity_id=pid, payload={
            "encounter_id": self.encounters[pid], "purpose": "sharing", "target": "", "reason": "asked",
            "consents": [{"purpose": "sharing", "granted": False}]})])


def refresh(hq: HQService, **kw: Any) -> dict[str, int]:
    return matches.refresh(hq.store, hq.clock, **kw)


def pending(hq: HQService) -> dict[frozenset[str], list[str]]:
    return {frozenset((r["person_a"], r["person_b"])): r["reason_texts"] for r in matches.candidates(hq.store)}


def test_the_shared_normalisers() -> None:
    assert name_key("CHANN", "SOKHAR") == name_key("sokha", "chan") != name_key("CHAN", "DARA")
    assert khmer_key("សុខ\u200b ដារា") == khmer_key("សុខដារា") != ""
    assert khmer_key("SOK") == ""
    assert document_key("PASSPORT", "n 123-4567") == "PASSPORT:N1234567"
    assert document_key("NONE", "123") == document_key("PASSPORT", "") == ""


def test_likely_same_persons_at_other_checkpoints_are_proposed_and_explained(hq: HQService) -> None:
    poipet, bavet, koh_kong = Site(hq, "Poipet"), Site(hq, "Bavet"), Site(hq, "Koh Kong")
    a = poipet.register(person("SOK", "DARA", doc=("PASSPORT", "N1234567")))
    b = bavet.register(person("SOKH", "DARAH", dob="1991-01-01", doc=("PASSPORT", "N 123-4567")))   # same passport
    c = koh_kong.register(person("CHANN", "SOKHAR", dob="1985-03-02"))
    d = poipet.register(person("CHAN", "SOKHA", dob="1985-03-02"))                     # name variant + same DOB
    e = bavet.register(person("", "", khmer="ស្រី ពៅ", dob="1980-07-01", estimated=True))
    f = koh_kong.register(person("", "", khmer="ស្រីពៅ", dob="1980-01-01", estimated=True))  # Khmer name + year
    same_site = poipet.register(person("SOK", "DARA", doc=("PASSPORT", "N1234567")))   # the device's own check
    poipet.register(person("KEO", "VANNA", dob="1990-05-17", doc=("PASSPORT", "X9")))  # nothing in common
    got = refresh(hq)
    assert got["events"] == 8 and got["waiting"] == 0
    want = {frozenset((a, b)): ["same passport number"],
            frozenset((b, same_site)): ["same passport number"],
            frozenset((c, d)): ["same name and date of birth"],
            frozenset((e, f)): ["same Khmer name and year of birth"]}
    assert pending(hq) == want
    rows = {frozenset((r["person_a"], r["person_b"])): r for r in matches.candidates(hq.store)}
    assert rows[frozenset((a, b))]["score"] > rows[frozenset((c, d))]["score"] > rows[frozenset((e, f))]["score"]
    assert {rows[frozenset((a, b))]["checkpoint_a"], rows[frozenset((a, b))]["checkpoint_b"]} == {"Poipet", "Bavet"}
    # Side by side: the minimum to decide, from the records as corrected.
    side = matches.pair(hq.store, b, a)
    assert {side["a"]["family_name"], side["b"]["family_name"]} == {"SOK", "SOKH"}
    assert {side["a"]["checkpoint"], side["b"]["checkpoint"]} == {"Poipet", "Bavet"}
    assert side["a"]["arrivals"] == 1 and side["a"]["registered"]
    with pytest.raises(NotFound):
        matches.pair(hq.store, a, c)
    # The index holds digests, not names, documents or dates.
    with hq.store.read() as conn:
        stored = " ".join(f"{r.kind} {r.key}" for r in conn.execute(sa.select(person_keys)))
    assert "N1234567" not in stored and "SOK" not in stored and "1990" not in stored and "ស" not in stored


def test_a_person_who_refused_sharing_is_never_proposed_to_another_checkpoint(hq: HQService) -> None:
    poipet, bavet = Site(hq, "Poipet"), Site(hq, "Bavet")
    refused = poipet.register(person(doc=("PASSPORT", "R1")), sharing=False)
    bavet.register(person(doc=("PASSPORT", "R1")))
    a = poipet.register(person("MEAS", "SREY", doc=("PASSPORT", "W1")))
    b = bavet.register(person("MEAS", "SREY", doc=("PASSPORT", "W1")))
    c = poipet.register(person("HEM", "SOK", doc=("PASSPORT", "L1")))
    d = bavet.register(person("HEM", "SOK", doc=("PASSPORT", "L1")))
    refresh(hq)
    assert set(pending(hq)) == {frozenset((a, b)), frozenset((c, d))}
    assert refused not in {p for pair in pending(hq) for p in pair}
    # Withdrawn before HQ looked again: hidden at once, and link refuses.
    poipet.withdraw_sharing(a)
    assert set(pending(hq)) == {frozenset((c, d))}
    with pytest.raises(ConflictError):
        matches.decide(hq.store, hq.clock, a, b, "link", by="dm")
    with pytest.raises(NotFound):
        matches.pair(hq.store, a, b)
    # ... and the next run drops the pair.
    assert refresh(hq)["dropped"] == 1
    with hq.store.read() as conn:
        assert conn.execute(sa.select(checkpoint_entities)).all() == []


def test_link_makes_each_checkpoint_follow_the_other_and_is_audited_and_remembered(hq: HQService) -> None:
    poipet, bavet = Site(hq, "Poipet"), Site(hq, "Bavet")
    a = poipet.register(person(doc=("PASSPORT", "N1")))
    b = bavet.register(person(doc=("PASSPORT", "N1")))
    refresh(hq)
    out = matches.decide(hq.store, hq.clock, b, a, "link", by="dara", note="same photo", address="10.0.0.5")
    assert out["status"] == "linked" and out["queued"] == 2          # each checkpoint gets the other's registration
    with hq.store.read() as conn:
        ids = dict(conn.execute(sa.select(checkpoints.c.name, checkpoints.c.id)).all())
        follows = {(str(r.checkpoint_id), str(r.entity_id)) for r in conn.execute(sa.select(checkpoint_entities))}
        feeds = {(str(r.checkpoint_id), str(r.entity_id)) for r in conn.execute(
            sa.select(pull_feed.c.checkpoint_id, events.c.entity_id)
            .select_from(pull_feed.join(events, events.c.id == pull_feed.c.event_id)))}
        audit = conn.execute(sa.select(hq_audit.c.username, hq_audit.c.action, hq_audit.c.address)).all()
        lines = [r.kind for r in conn.execute(sa.select(journal.c.kind))]
    assert follows == {(ids["Bavet"], a), (ids["Poipet"], b)}
    assert feeds == {(ids["Poipet"], a), (ids["Bavet"], b), (ids["Bavet"], a), (ids["Poipet"], b)}
    assert [tuple(r) for r in audit] == [("dara", "match_link", "10.0.0.5")]
    assert lines.count("link") == 2 and "match_linked" in lines
    assert pending(hq) == {}
    assert [r["status"] for r in matches.candidates(hq.store, status="linked")] == ["linked"]
    # Decided once: a later correction does not propose the pair again, and a second decision is refused.
    poipet.amend(a, given_names="DARAH")
    refresh(hq)
    assert pending(hq) == {}
    with pytest.raises(ConflictError):
        matches.decide(hq.store, hq.clock, a, b, "dismiss", by="dara")


def test_dismiss_is_remembered_and_audited(hq: HQService) -> None:
    poipet, bavet = Site(hq, "Poipet"), Site(hq, "Bavet")
    a = poipet.register(person(doc=("PASSPORT", "N1")))
    b = bavet.register(person(doc=("PASSPORT", "N1")))
    refresh(hq)
    matches.decide(hq.store, hq.clock, a, b, "dismiss", by="dara", note="twins")
    bavet.amend(b, family_name="SOKH")
    refresh(hq)
    assert pending(hq) == {}
    assert [(r["decided_by"], r["note"]) for r in matches.candidates(hq.store, status="dismissed")] == [
        ("dara", "twins")]
    with hq.store.read() as conn:
        assert [tuple(r) for r in conn.execute(sa.select(hq_audit.c.username, hq_audit.c.action))] == [
            ("dara", "match_dismiss")]
        assert conn.execute(sa.select(checkpoint_entities)).all() == []       # nothing linked
    with pytest.raises(ValidationError):
        matches.decide(hq.store, hq.clock, a, b, "merge", by="dara")
    with pytest.raises(ValidationError):
        matches.decide(hq.store, hq.clock, "x' OR 1=1", b, "link", by="dara")


def test_a_correction_or_a_void_drops_a_pending_pair(hq: HQService) -> None:
    poipet, bavet = Site(hq, "Poipet"), Site(hq, "Bavet")
    a = poipet.register(person(doc=("PASSPORT", "N1")))
    b = bavet.register(person("KEO", "VANNA", dob="1970-01-01", doc=("PASSPORT", "N1")))
    c = poipet.register(person("LIM", "NARY", dob="1999-09-09"))
    d = bavet.register(person("LIM", "NARY", dob="1999-09-09"))
    refresh(hq)
    assert set(pending(hq)) == {frozenset((a, b)), frozenset((c, d))}
    bavet.amend(b, id_document_number="N2")                  # it was a typo: no longer the same passport
    poipet.void(c)
    assert refresh(hq)["dropped"] == 2
    assert pending(hq) == {}
    bavet.amend(b, id_document_number="N1")                  # and back: proposed again
    refresh(hq)
    assert set(pending(hq)) == {frozenset((a, b))}


def test_the_job_is_incremental_bounded_and_skips_keys_too_common_to_mean_anything(
        hq: HQService, monkeypatch: pytest.MonkeyPatch) -> None:
    poipet, bavet = Site(hq, "Poipet"), Site(hq, "Bavet")
    for i in range(3):
        poipet.register(person("SOK", "DARA", doc=("PASSPORT", f"P{i}")))
    first = refresh(hq, limit=2)
    assert (first["events"], first["waiting"]) == (2, 1)
    assert refresh(hq)["events"] == 1
    assert refresh(hq)["events"] == 0                         # nothing new: nothing examined again
    monkeypatch.setattr(matches, "MAX_BLOCK", 2)
    x = bavet.register(person("SOK", "DARA", doc=("PASSPORT", "P0")))   # 3 others share its name and birth date
    assert refresh(hq) == {"events": 1, "persons": 1, "found": 1, "dropped": 0, "waiting": 0}
    assert list(pending(hq).values()) == [["same passport number"]]
    assert x in next(iter(pending(hq)))
    with pytest.raises(ValidationError):
        refresh(hq, limit=0)


def test_the_cli_finds_lists_shows_and_decides_with_plain_errors(hq: HQService, hq_url: str) -> None:
    from tests.sync.hq.test_cli import hq_cli

    poipet, bavet = Site(hq, "Poipet"), Site(hq, "Bavet")
    a = poipet.register(person(doc=("PASSPORT", "N1")))
    b = bavet.register(person(doc=("PASSPORT", "N1")))
    c = poipet.register(person("LIM", "NARY", dob="1999-09-09"))
    d = bavet.register(person("LIM", "NARY", dob="1999-09-09"))
    r = hq_cli("--db", hq_url, "matches", "refresh", "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["found"] == 2
    listed = json.loads(hq_cli("--db", hq_url, "matches", "list", "--json").stdout)
    assert [(x["score"], x["reason_texts"]) for x in listed] == [
        (100, ["same passport number", "same name and date of birth"]), (70, ["same name and date of birth"])]
    assert "SOK" not in json.dumps(listed)                  # the list carries no names
    text = hq_cli("--db", hq_url, "matches", "show", a, b, "--by", "dara").stdout
    assert "Poipet" in text and "Bavet" in text and "N1" in text
    refused = hq_cli("--db", hq_url, "matches", "link", a, b)
    assert refused.returncode == 2 and "--by" in refused.stderr
    assert hq_cli("--db", hq_url, "matches", "link", b, a, "--by", "dara").returncode == 0
    assert hq_cli("--db", hq_url, "matches", "dismiss", c, d, "--by", "dara", "--note", "cousins").returncode == 0
    again = hq_cli("--db", hq_url, "matches", "dismiss", a, b, "--by", "dara")
    assert again.returncode == 4 and "already linked" in again.stderr
    unknown = hq_cli("--db", hq_url, "matches", "show", a, c)
    assert unknown.returncode != 0 and "not proposed" in unknown.stderr
    with hq.store.read() as conn:
        actions = [r.action for r in conn.execute(sa.select(hq_audit.c.action).order_by(hq_audit.c.id))]
    assert actions == ["view_record", "match_link", "match_dismiss"]


def test_two_runs_at_once_find_each_pair_once(hq: HQService) -> None:
    from concurrent.futures import ThreadPoolExecutor

    poipet, bavet = Site(hq, "Poipet"), Site(hq, "Bavet")
    for i in range(20):
        poipet.register(person("TEST", f"ONE {'X' * (i + 1)}", doc=("PASSPORT", f"Q{i}")))
        bavet.register(person("TEST", f"TWO {'Y' * (i + 1)}", doc=("PASSPORT", f"Q{i}")))
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda _n: refresh(hq), range(2)))
    assert sum(r["found"] for r in runs) == 20
    assert len(pending(hq)) == 20
