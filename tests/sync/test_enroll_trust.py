"""Enrollment and the link to HQ, attacked (issue 10, points 4, 5 and 9).

4. A proxy between the device and HQ relays enrollment to the real HQ but swaps HQ's keys in the answer: before,
   the device pinned them, sealed every batch and its recovery slot to the attacker, and reported "Everything on
   this device is at HQ" while HQ had nothing. Now the enrollment code carries the fingerprint of HQ's signing
   key and the device pins only keys from an answer signed by that key, for its own request: nothing is pinned.
   Plain http:// is refused except to this computer.
5. ``enroll --replace`` re-pointed a device to any server (an admin's own). Now it takes a release document
   signed by the HQ key pinned now, a supervisor, leaves a device-local event and keeps the first recovery slot.
9. A proxy that cuts HQ's answer after HQ processed the enrollment stranded the device ("403 already used").
   Now the device asks again with the same request and HQ answers again; the message, if it still fails, is true.

Real parts: HQ's FastAPI app under uvicorn on 127.0.0.1, a real HTTP proxy on 127.0.0.1 (tests/support/
faultproxy.py's plumbing), real SQLCipher stores, the httpx transport.
"""

from __future__ import annotations

import contextlib
import json
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from checkpoint.errors import ConflictError, PermissionDenied, SignatureInvalid, ValidationError
from checkpoint.services import unlock
from checkpoint.services.outbox import Outbox
from checkpoint.storage.keyfile import KeyFile
from checkpoint.storage.store import keyfile_path
from sync.device.client import SyncClient
from sync.device.service import DeviceSync
from sync.device.transport import HttpTransport, check_server_url
from sync.errors import SyncUnavailable, TokenRejected
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import devices, journal
from sync.wire import ENROLL_ANSWER, RELEASE, hq_fingerprint, peek_signed, sign_document, split_enrollment_code
from tests.conftest import FAST, PASS
from tests.support.client_harness import hq_events, live, new_device, new_hq, own_events
from tests.support.faultproxy import FaultProxy, _read_request
from tests.support.helpers import registration
from tests.support.hq_helpers import enroll_request

Rewrite = Callable[[bytes], bytes | None]


class RelayProxy(FaultProxy):
    """A real HTTP proxy on 127.0.0.1 that relays everything to HQ and hands HQ's enrollment answer to
    ``rewrite``: what it returns goes to the device; None closes the connection without answering (HQ has
    processed the request, the device never hears)."""

    def __init__(self, upstream: str, rewrite: Rewrite) -> None:
        super().__init__(upstream, paths=())
        self.rewrite = rewrite
        self.enroll_requests = 0

    def _serve(self, conn: socket.socket) -> None:
        try:
            req = _read_request(conn)
            if req is None:
                return
            status, headers, body = self._forward(req)
            if req.path.startswith("/v1/enroll"):
                self.enroll_requests += 1
                if status == 200:
                    out = self.rewrite(body)
                    if out is None:
                        return
                    body = out
            self._respond(conn, status, headers, body)
        except (OSError, ValueError):
            pass
        finally:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()


@contextlib.contextmanager
def hq_behind(rewrite: Rewrite, hq: HQService) -> Iterator[tuple[str, RelayProxy]]:
    with live(hq) as url, RelayProxy(url, rewrite) as proxy:
        yield url, proxy


def enroll_via(session: Any, url: str, code: str, **kw: Any) -> dict[str, Any]:
    with HttpTransport(url, timeout=10) as t:
        return SyncClient(session, t).enroll(url, code, **kw)


def has_hq_recovery_slot(session: Any) -> bool:
    return KeyFile.load(keyfile_path(session.store.path)).has_slot("hq-recovery")


def enrollments(hq: HQService, device_id: str) -> int:
    with hq.store.read() as conn:
        n = conn.execute(sa.select(devices.c.enrollments).where(devices.c.device_id == device_id)).scalar()
    return int(n or 0)


# ------------------------------------------------------------------------------------------- 4: swapped keys
ATTACKER = HQKeys.generate()


def _swap_keys(body: bytes, *, keep_signer: bool = False) -> bytes:
    """The attacker's keys in HQ's answer, in the loose hex fields and in the signed document (signed again by the
    attacker; ``keep_signer``: still naming HQ's signing key, so only the signature can tell)."""
    answer = json.loads(body)
    doc = peek_signed(ENROLL_ANSWER, bytes.fromhex(answer["answer"]))
    doc.pop("v")
    doc["hq_exchange_public"] = ATTACKER.exchange_public.hex()
    doc["hq_recovery_public"] = ATTACKER.recovery_public.hex()
    if not keep_signer:
        doc["hq_signing_public"] = ATTACKER.signing_public.hex()
    answer.update({k: doc[k] for k in ("hq_signing_public", "hq_exchange_public", "hq_recovery_public")})
    answer["answer"] = sign_document(ENROLL_ANSWER, doc, ATTACKER.signing_private).hex()
    return json.dumps(answer).encode()


def _unsigned(body: bytes) -> bytes:
    """An answer as HQ gave it before answers were signed, with the attacker's keys."""
    answer = json.loads(body)
    del answer["answer"]
    answer.update(hq_signing_public=ATTACKER.signing_public.hex(), hq_exchange_public=ATTACKER.exchange_public.hex(),
                  hq_recovery_public=ATTACKER.recovery_public.hex())
    return json.dumps(answer).encode()


@pytest.mark.parametrize(("rewrite", "refusal"), [
    (_swap_keys, "do not match the fingerprint"),
    (lambda b: _swap_keys(b, keep_signer=True), "signature does not verify"),
    (_unsigned, "not signed"),
], ids=["resigned-by-attacker", "hq-key-named-but-not-signed-by-it", "unsigned-old-style"])
def test_a_relay_that_swaps_hqs_keys_gets_nothing_pinned(tmp_path: Path, rewrite: Rewrite, refusal: str) -> None:
    hq = new_hq(tmp_path)
    s = new_device(tmp_path / "a.db")
    try:
        s.registrations.register(**registration())
        code = hq.issue_token("Poipet")
        with hq_behind(rewrite, hq) as (url, proxy):
            with pytest.raises(SignatureInvalid, match=refusal):
                enroll_via(s, proxy.url, code)
            assert proxy.enroll_requests == 1                      # HQ did get the request: the relay is real
            assert Outbox(s).enrollment() is None and not has_hq_recovery_slot(s)     # nothing pinned, nothing sealed
            with HttpTransport(proxy.url, timeout=10) as t, pytest.raises(PermissionDenied, match="not enrolled"):
                SyncClient(s, t).sync_once()                       # no "Everything on this device is at HQ"
            # The same code, straight to HQ: HQ recognises the device and its key, and the real keys are pinned.
            enrolled = enroll_via(s, url, code)
            assert bytes.fromhex(enrolled["hq_signing_public"]) == hq.keys.signing_public
            assert bytes.fromhex(enrolled["hq_exchange_public"]) == hq.keys.exchange_public
            assert has_hq_recovery_slot(s)
            with HttpTransport(url, timeout=10) as t:
                assert SyncClient(s, t).sync_once()["complete"]
            assert set(hq_events(hq)) == own_events(s)
            assert enrollments(hq, s.store.device_id) == 1
    finally:
        s.lock()
        hq.store.close()


def test_a_genuine_answer_for_another_device_is_refused(tmp_path: Path) -> None:
    """The relay replays a real, HQ-signed answer it saw for another device: it names another device and request."""
    hq = new_hq(tmp_path)
    a, b = new_device(tmp_path / "a.db"), new_device(tmp_path / "b.db", username="bopha")
    try:
        with live(hq) as url:
            captured: list[bytes] = []
            with RelayProxy(url, lambda body: captured.append(body) or body) as proxy:
                enroll_via(a, proxy.url, hq.issue_token("Poipet"))
            with RelayProxy(url, lambda _body: captured[0]) as proxy, \
                    pytest.raises(ValidationError, match="another enrollment request"):
                enroll_via(b, proxy.url, hq.issue_token("Poipet"))
        assert Outbox(b).enrollment() is None and not has_hq_recovery_slot(b)
    finally:
        a.lock()
        b.lock()
        hq.store.close()


def test_the_code_carries_hqs_fingerprint_and_a_bare_token_is_refused(tmp_path: Path) -> None:
    hq = new_hq(tmp_path)
    s = new_device(tmp_path / "a.db")
    try:
        code = hq.issue_token("Poipet")
        token, fingerprint = split_enrollment_code(code)
        assert fingerprint == hq_fingerprint(hq.keys.signing_public) == hq.fingerprint()
        assert code.count("-") == 11 and len(code.replace("-", "")) == 48       # one string, 12 groups of 4
        with pytest.raises(ValidationError, match="has no HQ key fingerprint"):
            SyncClient(s, hq).enroll("https://hq.example.org", token)
        with pytest.raises(ValidationError, match="does not match the fingerprint at the end"):
            SyncClient(s, hq).enroll("https://hq.example.org", code, fingerprint=hq_fingerprint(b"\x01" * 32))
        with pytest.raises(SignatureInvalid, match="do not match the fingerprint"):    # the officer typed another
            SyncClient(s, hq).enroll("https://hq.example.org", token, fingerprint=hq_fingerprint(b"\x01" * 32))
        assert Outbox(s).enrollment() is None
        # an old token (printed before codes) with HQ's fingerprint given beside it, typed loosely
        loose = fingerprint.lower().replace("-", " ")
        enrolled = SyncClient(s, hq).enroll("https://hq.example.org", token, fingerprint=loose)
        assert enrolled["fingerprint"] == fingerprint and enrolled["hq_signing_public"] == hq.keys.signing_public.hex()
    finally:
        s.lock()
        hq.store.close()


@pytest.mark.parametrize("url", ["http://hq.example.org", "http://10.0.0.5:8470", "http://127.0.0.1.example.org",
                                 "ftp://hq.example.org", "http://[::1", "https://hq:99999"])
def test_plain_http_to_another_computer_is_refused_before_anything_is_sent(tmp_path: Path, url: str) -> None:
    hq = new_hq(tmp_path)
    s = new_device(tmp_path / "a.db")
    try:
        code = hq.issue_token("Poipet")
        with pytest.raises(ValidationError) as e:
            DeviceSync(s).enroll(url, code)
        assert e.value.field == "server" and ("https://" in e.value.detail or "not a valid address" in e.value.detail)
        assert Outbox(s).enrollment() is None
        assert SyncClient(s, hq).enroll("https://hq.example.org", code)     # the token was never spent
    finally:
        s.lock()
        hq.store.close()


def test_loopback_and_https_addresses_are_accepted() -> None:
    for url in ("http://127.0.0.1:8470", "http://[::1]:8470", "http://localhost:8470/", "https://hq.example.org"):
        assert check_server_url(url) == url.rstrip("/")


def test_a_device_enrolled_before_fingerprints_keeps_syncing(tmp_path: Path) -> None:
    """An upgrade: the store holds the enrollment as the previous release wrote it (no fingerprint, no dates)."""
    hq = new_hq(tmp_path)
    s = new_device(tmp_path / "a.db")
    try:
        with live(hq) as url:
            old = {"hq_url": url, "hq_device_id": s.store.device_id, "checkpoint_id": "",
                   "hq_signing_public": hq.keys.signing_public.hex(),
                   "hq_exchange_public": hq.keys.exchange_public.hex(),
                   "hq_recovery_public": hq.keys.recovery_public.hex()}
            ident = Outbox(s).identity()
            hq.enroll(enroll_request(ident, hq.issue_token("Poipet")))          # HQ knows it, as before
            with s.store.write():
                s.store.set_meta("hq_enrollment", json.dumps(old, sort_keys=True))
            for _ in range(3):
                s.registrations.register(**registration())
            with HttpTransport(url, timeout=10) as t:
                assert SyncClient(s, t).sync_once()["complete"]
            assert set(hq_events(hq)) == own_events(s)
            st = Outbox(s).status()
            assert st["enrolled"] and st["enrollment"]["hq_url"] == url and st["enrollment"]["enrolled_at"] == ""
    finally:
        s.lock()
        hq.store.close()


# ------------------------------------------------------------------------------------------- 9: lost answers
def test_a_lost_enrollment_answer_is_asked_for_again_and_the_device_gets_in(tmp_path: Path) -> None:
    hq = new_hq(tmp_path)
    s = new_device(tmp_path / "a.db")
    dropped: list[bytes] = []

    def drop_first(body: bytes) -> bytes | None:
        if not dropped:
            dropped.append(body)
            return None
        return body

    try:
        with hq_behind(drop_first, hq) as (_url, proxy):
            enrolled = enroll_via(s, proxy.url, hq.issue_token("Poipet"))
            assert proxy.enroll_requests == 2 and len(dropped) == 1
        assert enrolled["hq_signing_public"] == hq.keys.signing_public.hex()
        assert enrollments(hq, s.store.device_id) == 1
        with hq.store.read() as conn:
            notes = conn.execute(sa.select(journal.c.message).where(journal.c.device_id == s.store.device_id)).scalars()
            assert any("sent again" in n for n in notes)
    finally:
        s.lock()
        hq.store.close()


def test_when_every_answer_is_lost_the_message_is_true_and_the_same_code_works_later(tmp_path: Path) -> None:
    hq = new_hq(tmp_path)
    s = new_device(tmp_path / "a.db")
    try:
        code = hq.issue_token("Poipet")
        with hq_behind(lambda _body: None, hq) as (url, proxy):
            with pytest.raises(SyncUnavailable) as e:
                enroll_via(s, proxy.url, code)
            assert "NOT enrolled" in str(e.value) and "same code" in str(e.value)
            assert "Nothing was lost" not in str(e.value)
            assert Outbox(s).enrollment() is None and proxy.enroll_requests == 2
            assert enrollments(hq, s.store.device_id) == 1              # HQ did enroll it
            enrolled = enroll_via(s, url, code)                       # later, the link is back: same code
        assert enrolled["hq_signing_public"] == hq.keys.signing_public.hex()
        assert enrollments(hq, s.store.device_id) == 1
        other = new_device(tmp_path / "b.db", username="bopha")
        try:
            with pytest.raises(TokenRejected, match="already used"):   # the token still enrolls one device only
                SyncClient(other, hq).enroll("https://hq.example.org", code)
        finally:
            other.lock()
    finally:
        s.lock()
        hq.store.close()


# ------------------------------------------------------------------------------------------- 5: re-enrollment
def _hqs(tmp_path: Path, clock: Any) -> tuple[HQService, HQService]:
    """Two HQs on the device's clock (signed requests are refused more than 5 minutes off HQ's time)."""
    (tmp_path / "hq1").mkdir()
    (tmp_path / "hq2").mkdir()
    return new_hq(tmp_path / "hq1", clock=clock), new_hq(tmp_path / "hq2", clock=clock)


def test_an_admin_cannot_repoint_the_device_to_her_own_server(tmp_path: Path, supervisor: Any, store_path: Path,
                                                              clock: Any) -> None:
    hq, own = _hqs(tmp_path, clock)
    admin = unlock(store_path, "rith", PASS["rith"], clock=clock, kdf=FAST)
    try:
        SyncClient(supervisor, hq).enroll("https://hq.example.org", hq.issue_token("Poipet"))
        pinned = Outbox(supervisor).enrollment()
        code = own.issue_token("Poipet")
        with pytest.raises(ConflictError, match="already enrolled"):
            SyncClient(admin, own).enroll("https://evil.example.org", code)
        with pytest.raises(ConflictError, match="release document"):
            SyncClient(admin, own).enroll("https://evil.example.org", code, replace=True)
        forged = sign_document(RELEASE, {"kind": "release", "device_id": admin.store.device_id, "reason": "",
                                         "released_at": "2026-01-01T00:00:00+00:00",
                                         "hq_signing_public": own.keys.signing_public.hex()},
                               own.keys.signing_private)
        with pytest.raises(SignatureInvalid):                          # her server's release, not HQ's
            SyncClient(admin, own).enroll("https://evil.example.org", code, replace=True, release=forged)
        genuine = hq.release(admin.store.device_id, "moving")
        with pytest.raises(PermissionDenied, match="Only a supervisor"):   # even with HQ's release: supervisor only
            SyncClient(admin, own).enroll("https://evil.example.org", code, replace=True, release=genuine)
        keys = own.keys
        with pytest.raises(PermissionDenied, match="Only a supervisor"):   # the core checks, not only the CLI
            Outbox(admin).set_enrollment(hq_url="https://evil.example.org", hq_device_id="x",
                                         hq_signing_public=keys.signing_public, hq_exchange_public=keys.exchange_public,
                                         hq_recovery_public=keys.recovery_public, replace=True,
                                         release={"device_id": admin.store.device_id,
                                                  "hq_signing_public": hq.keys.signing_public.hex()})
        assert Outbox(supervisor).enrollment() == pinned
        assert not [e for e in supervisor.store.events(where="type = 'device.reenrolled'")]
    finally:
        admin.lock()
        hq.store.close()
        own.store.close()


def test_a_supervisor_reenrolls_with_hqs_release_it_is_logged_and_the_first_recovery_slot_stays(
        tmp_path: Path, supervisor: Any, clock: Any) -> None:
    hq, new = _hqs(tmp_path, clock)
    try:
        SyncClient(supervisor, hq).enroll("https://hq1.example.org", hq.issue_token("Poipet"))
        device = supervisor.store.device_id
        other = new_device(tmp_path / "other.db", username="bopha")
        try:
            other_release = hq.release(SyncClient(other, hq).enroll("https://hq1.example.org",
                                                                    hq.issue_token("Poipet"))["hq_device_id"])
        finally:
            other.lock()
        code = new.issue_token("Poipet")
        with pytest.raises(ValidationError, match="another device"):
            SyncClient(supervisor, new).enroll("https://hq2.example.org", code, replace=True, release=other_release)
        with pytest.raises(ConflictError, match="release document"):
            Outbox(supervisor).set_enrollment(hq_url="https://hq2.example.org", hq_device_id=device,
                                              hq_signing_public=new.keys.signing_public,
                                              hq_exchange_public=new.keys.exchange_public,
                                              hq_recovery_public=new.keys.recovery_public, replace=True)
        release = hq.release(device, "station moved to the new HQ")
        assert enrollments(hq, device) == 1
        with hq.store.read() as conn:
            assert conn.execute(sa.select(devices.c.status).where(devices.c.device_id == device)).scalar() == "revoked"
        enrolled = SyncClient(supervisor, new).enroll("https://hq2.example.org", code, replace=True, release=release)
        assert enrolled["hq_signing_public"] == new.keys.signing_public.hex()
        (ev,) = supervisor.store.events(where="type = 'device.reenrolled'")
        payload = json.loads(ev["payload"])
        assert ev["author"] == supervisor.user.id and ev["entity_type"] == "store"
        assert payload["previous_hq_url"] == "https://hq1.example.org" and payload["hq_url"] == "https://hq2.example.org"
        assert payload["recovery_slot"] == "kept" and payload["release_reason"] == "station moved to the new HQ"
        st = Outbox(supervisor).status()["enrollment"]
        assert st["previous_hq_url"] == "https://hq1.example.org" and st["released_at"] and st["first_enrolled_at"]
        # the store's key stays sealed to the first HQ only: the new server cannot open it
        kf = KeyFile.load(keyfile_path(supervisor.store.path))
        assert kf.unwrap_with_hq_key(hq.keys.recovery_private) == supervisor._ctx.data_key()
        with pytest.raises(Exception):  # noqa: B017 - any failure to open is the point
            kf.unwrap_with_hq_key(new.keys.recovery_private)
        assert SyncClient(supervisor, new).sync_once()["complete"]
    finally:
        hq.store.close()
        new.store.close()


def test_an_old_release_does_not_move_the_device_again(tmp_path: Path, supervisor: Any, clock: Any) -> None:
    """A release ends one enrollment: once the device enrolled again, that paper cannot move it a second time."""
    hq, other = _hqs(tmp_path, clock)
    try:
        SyncClient(supervisor, hq).enroll("https://hq1.example.org", hq.issue_token("Poipet"))
        old = hq.release(supervisor.store.device_id, "new laptop bag")
        SyncClient(supervisor, hq).enroll("https://hq1.example.org", hq.issue_token("Poipet"), replace=True,
                                          release=old)
        pinned = Outbox(supervisor).enrollment()
        with pytest.raises(ConflictError, match="earlier enrollment"):
            SyncClient(supervisor, other).enroll("https://hq2.example.org", other.issue_token("Poipet"),
                                                 replace=True, release=old)
        assert Outbox(supervisor).enrollment() == pinned
        assert len(list(supervisor.store.events(where="type = 'device.reenrolled'"))) == 1
    finally:
        hq.store.close()
        other.store.close()


def test_a_code_typed_loosely_still_enrolls(tmp_path: Path) -> None:
    hq = new_hq(tmp_path)
    s = new_device(tmp_path / "a.db")
    try:
        code = hq.issue_token("Poipet")
        typed = " ".join(code.lower().split("-")).replace("o", "0").replace("i", "1").replace("b", "8")
        assert SyncClient(s, hq).enroll("https://hq.example.org", typed)["fingerprint"] == hq.fingerprint()
    finally:
        s.lock()
        hq.store.close()
