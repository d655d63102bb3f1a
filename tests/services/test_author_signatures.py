"""Issue 10, point 11: each event is signed by its author's own key, and verify checks the signature and that the
author's role may write that event type.

The attack from the issue: an officer opens the database with her own passphrase (she can: one data key is
wrapped per user), takes what she can find, and writes a correctly chained ``user.updated`` authored as the
supervisor that makes her a supervisor. Before, ``verify`` said OK.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from checkpoint import crypto
from checkpoint.events import AUTHOR_CONTEXT
from checkpoint.services import unlock
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import keyfile_path
from tests.conftest import FAST, PASS
from tests.support.helpers import registration


def _own(store, type_: str) -> list[dict]:
    return list(store.events(where="type = ? AND device_id = ?", params=[type_, store.device_id]))


def test_every_event_is_signed_by_its_author_and_verify_is_ok(supervisor, sign_in) -> None:
    officer = sign_in("sokha")
    officer.registrations.register(**registration())
    st = supervisor.store
    keys = {r[0]: bytes.fromhex(r[1]) for r in st.db.execute("SELECT id, signing_public FROM users")}
    assert all(len(k) == 32 for k in keys.values()), "every account has the public half of its own key"
    assert len(set(keys.values())) == len(keys)
    reg = _own(st, "registration.recorded")[0]
    assert reg["author"] == officer.user.id
    crypto.verify(keys[officer.user.id], reg["hash"].encode(), bytes.fromhex(reg["author_sig"]),
                  context=AUTHOR_CONTEXT)
    report = supervisor.maintenance.verify()
    assert report.ok, report.problems
    assert report.notes == ()                           # a store made with signatures has no unsigned events


def _forge(officer, *, author: str, entity: str, changes: dict) -> str:
    """What the officer does with the data key her passphrase opens: a correctly chained event, written straight
    into the log with the store's own code path, signed with whatever key she can reach."""
    st = officer.store
    with st.write():
        ev = st.record("user.updated", "user", entity, {"changes": changes}, author=author)
    return str(ev["id"])


def test_an_officer_making_herself_supervisor_as_the_supervisor_is_named_by_verify(supervisor, sign_in) -> None:
    officer = sign_in("sokha")
    forged = _forge(officer, author=supervisor.user.id, entity=officer.user.id, changes={"role": "supervisor"})
    assert officer.store.db.execute("SELECT role FROM users WHERE id = ?", [officer.user.id]).fetchone()[0] \
        == "supervisor"                                 # the projection believed it
    assert officer.store.verify_chain() == []          # correctly chained: the old checks pass
    report = supervisor.maintenance.verify()
    assert not report.ok
    named = [p for p in report.problems if forged in p]
    assert named and "no author signature" in named[0]   # she has no supervisor's key to sign with


def test_signing_it_with_her_own_key_as_the_supervisor_fails_too(supervisor, sign_in) -> None:
    officer = sign_in("sokha")
    st = officer.store
    st.signer = (supervisor.user.id, st.signer[1])      # her own key, claimed as the supervisor's
    forged = _forge(officer, author=supervisor.user.id, entity=officer.user.id, changes={"role": "supervisor"})
    report = supervisor.maintenance.verify()
    assert any(forged in p and "not dara's" in p for p in report.problems), report.problems


def test_authored_as_herself_an_officer_may_not_write_it(supervisor, sign_in) -> None:
    officer = sign_in("sokha")
    forged = _forge(officer, author=officer.user.id, entity=officer.user.id, changes={"role": "supervisor"})
    report = supervisor.maintenance.verify()
    assert any(forged in p and "a officer may not write it" in p for p in report.problems), report.problems


def test_the_officer_s_signing_key_opens_only_with_her_passphrase(supervisor, store_path) -> None:
    kf = KeyFile.load(keyfile_path(store_path))
    kf.unwrap_for_user("sokha", PASS["sokha"], now=time.time)
    mine = kf.signing_key
    assert mine is not None
    kf.unwrap_for_user("vanna", PASS["vanna"], now=time.time)
    assert kf.signing_key is not None and kf.signing_key != mine
    raw = keyfile_path(store_path).read_text()
    assert mine.hex() not in raw and mine.hex() not in json.dumps(supervisor.store.db.execute(
        "SELECT * FROM meta").fetchall())


def test_a_reset_gives_a_new_key_and_an_own_change_keeps_it(supervisor, sign_in) -> None:
    officer = sign_in("sokha")
    before = officer.store.signer[1]
    officer.users.set_passphrase("sokha", "a-new-river-crossing-77", old_passphrase=PASS["sokha"])
    officer.lock()
    again = unlock(supervisor.store.path, "sokha", "a-new-river-crossing-77", clock=supervisor.store.clock,
                   kdf=FAST)
    try:
        assert again.store.signer[1] == before
    finally:
        again.lock()
    supervisor.users.set_passphrase("sokha", "the-admin-chose-this-9")
    s = unlock(supervisor.store.path, "sokha", "the-admin-chose-this-9", clock=supervisor.store.clock, kdf=FAST)
    try:
        assert s.store.signer[1] != before
        s.registrations.register(**registration())
    finally:
        s.lock()
    assert supervisor.maintenance.verify().ok


@pytest.mark.parametrize("name", ["schema_0005_day_figures", "schema_0001_initial"])
def test_an_upgraded_store_verifies_and_says_once_that_old_events_are_unsigned(name: str, tmp_path: Path) -> None:
    fixture = Path(__file__).parent.parent / "storage" / "fixtures" / f"{name}.db"
    db = tmp_path / fixture.name
    shutil.copy(fixture, db)
    shutil.copy(str(fixture) + ".keys", str(db) + ".keys")
    s = unlock(db, "dara", "fixture passphrase")
    try:
        s.registrations.register(**registration())           # signed: her key was made at this sign-in
        report = s.maintenance.verify()
        assert report.ok, report.problems
        assert len(report.notes) == 1 and "before this store signed events" in report.notes[0]
        assert _own(s.store, "registration.recorded")[-1]["author_sig"]
    finally:
        s.lock()


def test_signing_costs_well_under_a_millisecond_per_event(supervisor) -> None:
    """The added cost of the author signature on a save (Ed25519 over the event hash)."""
    priv = supervisor.store.signer[1]
    h = "ab" * 32
    n = 2000
    t = time.perf_counter()
    for _ in range(n):
        crypto.sign(priv, h.encode(), context=AUTHOR_CONTEXT)
    per = (time.perf_counter() - t) / n
    print(f"author signature: {per * 1e6:.0f} µs per event")
    assert per < 1e-3


# ------------------------------------------------------------------ the device signing key: supervisors and admins
def _device_public(session) -> bytes:
    return bytes.fromhex(session.store.meta("device_signing_public"))


def _slots_holding_device_key(store_path) -> set[str]:
    return KeyFile.load(keyfile_path(store_path)).device_holders()


def test_the_device_key_is_out_of_an_officer_s_reach(supervisor, sign_in, store_path) -> None:
    from checkpoint.errors import PermissionDenied
    from checkpoint.services.outbox import Outbox
    officer = sign_in("sokha")
    assert officer.store.meta("device_signing_private") is None          # not in the database she opens
    assert officer._ctx.device_key is None
    kf = KeyFile.load(keyfile_path(store_path))
    kf.unwrap_for_user("sokha", PASS["sokha"], now=time.time)
    assert kf.device_key is None                                         # nor in her slot
    with pytest.raises(PermissionDenied):
        Outbox(officer)
    ids = {r[1]: r[0] for r in supervisor.store.db.execute("SELECT id, username FROM users")}
    assert _slots_holding_device_key(store_path) == {ids["dara"], ids["rith"]}
    for s in (supervisor, sign_in("rith")):
        ident = Outbox(s).identity()
        assert crypto.signing_public(ident["signing_private"]) == _device_public(s)


def test_the_holders_follow_role_changes(supervisor, store_path) -> None:
    ids = {r[1]: r[0] for r in supervisor.store.db.execute("SELECT id, username FROM users")}
    supervisor.users.set_role("vanna", "supervisor")
    assert ids["vanna"] in _slots_holding_device_key(store_path)
    supervisor.users.set_role("vanna", "officer")
    assert ids["vanna"] not in _slots_holding_device_key(store_path)
    supervisor.users.set_status("rith", "disabled")
    assert _slots_holding_device_key(store_path) == {ids["dara"]}


def test_the_recovery_code_gives_the_device_key_back(tmp_path: Path, clock) -> None:
    from checkpoint.services import create_store, reset_with_recovery_code
    from checkpoint.services.outbox import Outbox
    path = tmp_path / "r.db"
    s, code = create_store(path, checkpoint_name="Poipet", username="dara", display_name="Dara",
                           passphrase=PASS["dara"], clock=clock, kdf=FAST)
    uid = s.user.id
    s.lock()
    KeyFile.load(keyfile_path(path)).remove_user_slot(uid)          # no slot holds the device's key any more
    s = reset_with_recovery_code(path, code, "dara", "a-brand-new-river-passphrase-42", clock=clock, kdf=FAST)
    try:
        assert crypto.signing_public(Outbox(s).identity()["signing_private"]) == _device_public(s)
        assert _slots_holding_device_key(path) == {uid}
        report = s.maintenance.verify()
        assert report.ok, report.problems
        assert any("set by a recovery" in n for n in report.notes)
    finally:
        s.lock()


@pytest.mark.parametrize("name", ["schema_0005_day_figures"])
def test_an_upgraded_store_moves_the_device_key_out_of_the_database(name: str, tmp_path: Path) -> None:
    from checkpoint.services.outbox import Outbox
    fixture = Path(__file__).parent.parent / "storage" / "fixtures" / f"{name}.db"
    db = tmp_path / fixture.name
    shutil.copy(fixture, db)
    shutil.copy(str(fixture) + ".keys", str(db) + ".keys")
    s = unlock(db, "dara", "fixture passphrase")                   # the supervisor's first sign-in since
    s.lock()
    officer = unlock(db, "sokha", "fixture officer pass")
    try:
        assert officer.store.meta("device_signing_private") is None
        assert officer._ctx.device_key is None
    finally:
        officer.lock()
    s = unlock(db, "dara", "fixture passphrase")
    try:
        assert crypto.signing_public(Outbox(s).identity()["signing_private"]) == _device_public(s)
        assert s.maintenance.verify().ok
    finally:
        s.lock()


def test_a_recovery_through_hq_gives_the_device_key_back(supervisor, store_path, clock) -> None:
    """The only supervisor forgot her passphrase and the recovery code is lost: HQ's recovery key opens the store
    and gives the device's signing key back to her new slot (before, it was in the database)."""
    from checkpoint.services.auth import reset_with_data_key
    from checkpoint.services.outbox import Outbox
    rec_priv, rec_pub = crypto.generate_x25519()
    _, ex_pub = crypto.generate_x25519()
    _, sig_pub = crypto.generate_signing_key()
    Outbox(supervisor).set_enrollment(hq_url="http://127.0.0.1:8000", hq_device_id="dev-1",
                                      hq_signing_public=sig_pub, hq_exchange_public=ex_pub,
                                      hq_recovery_public=rec_pub)
    device_public = _device_public(supervisor)
    ids = {r[1]: r[0] for r in supervisor.store.db.execute("SELECT id, username FROM users")}
    supervisor.lock()
    kf = KeyFile.load(keyfile_path(store_path))
    for name in ("dara", "rith"):
        kf.remove_user_slot(ids[name])                       # no passphrase opens the device key any more
    reset_with_data_key(store_path, "dara", "a-new-passphrase-from-hq-31",
                        lambda k: k.unwrap_with_hq_key(rec_priv), by="hq", clock=clock, kdf=FAST)
    s = unlock(store_path, "dara", "a-new-passphrase-from-hq-31", clock=clock, kdf=FAST)
    try:
        assert crypto.signing_public(Outbox(s).identity()["signing_private"]) == device_public
        assert s.maintenance.verify().ok
    finally:
        s.lock()
