"""TOTP secrets at rest (issue 15): HQ's accounts table holds each second-factor secret sealed (AES-GCM, a key
derived from HQ's keys, the user name as associated data), so a database dump alone computes no code; an HQ store
upgraded from 0007 (plain secrets) has them sealed on HQ's first start with its keys, and sign-in (over real HTTP)
still works."""

from __future__ import annotations

import base64
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory

from checkpoint.clock import ManualClock
from checkpoint.errors import AuthError
from sync.hq import migrations
from sync.hq.http import create_app
from sync.hq.keys import HQKeys
from sync.hq.service import HQService
from sync.hq.store import HQStore, alembic_config, hq_users, journal
from sync.hq.web.accounts import Accounts, hash_passphrase, totp_code
from tests.support.hq_helpers import LiveServer, reset_store
from tests.sync.hq.web.harness import PASS, START, csrf


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _raw(store: HQStore) -> dict[str, str]:
    with store.read() as conn:
        return {str(u): str(s) for u, s in conn.execute(sa.select(hq_users.c.username, hq_users.c.totp_secret))}


def test_the_column_holds_no_secret_and_only_these_keys_and_this_account_open_it(hq: HQService) -> None:
    clock = hq.clock
    accounts = Accounts(hq.store, clock)
    secrets = {u: accounts.add(u, f"User {u}", "analyst", PASS).secret for u in ("dara", "sokha")}
    raw = _raw(hq.store)
    for u, secret in secrets.items():
        assert secret not in raw[u] and base64.b32decode(secret).hex() not in raw[u].lower()
        assert raw[u].startswith("v1:")
    user = accounts.authenticate("dara", PASS, totp_code(secrets["dara"], clock.now().timestamp()))
    assert user.username == "dara"
    # Another HQ's keys (a dump taken elsewhere) compute nothing: the same code is refused.
    clock.advance(seconds=31)
    other = Accounts(hq.store, clock, totp_key=b"\x01" * 32)
    with pytest.raises(AuthError):
        other.authenticate("sokha", PASS, totp_code(secrets["sokha"], clock.now().timestamp()))
    # A sealed secret copied onto another account does not open there (the user name is the associated data).
    with hq.store.write() as conn:
        conn.execute(hq_users.update().where(hq_users.c.username == "sokha").values(totp_secret=raw["dara"]))
    clock.advance(seconds=31)
    with pytest.raises(AuthError):
        accounts.authenticate("sokha", PASS, totp_code(secrets["dara"], clock.now().timestamp()))


def test_secrets_stored_in_plain_text_before_0008_are_sealed_on_the_first_start_with_the_keys(
        hq_url: str, backend: str) -> None:
    store = HQStore.open(hq_url)
    reset_store(store)
    with store.write() as conn:                           # the store as release 0007 left it
        command.downgrade(alembic_config(conn), "0007_report_facts2")
    secret = base64.b32encode(b"twenty bytes secret!").decode()
    with store.write() as conn:
        conn.execute(hq_users.insert().values(username="vanna", display_name="Vanna Chea", role="data_manager",
                                              kdf=hash_passphrase(PASS), totp_secret=secret, status="active",
                                              created_at="2026-11-01T00:00:00.000+00:00"))
    store.close()

    store = HQStore.open(hq_url)                          # the upgrade (0008_hq_ops and later) ...
    head = ScriptDirectory(str(Path(migrations.__file__).parent)).get_current_head()
    assert store.revision() == head and _raw(store) == {"vanna": secret}
    clock = ManualClock(START)
    keys = HQKeys.generate()
    hq = HQService(store, keys, clock=clock)              # ... and HQ's first start with its keys
    try:
        raw = _raw(store)["vanna"]
        assert raw.startswith("v1:") and secret not in raw
        with store.read() as conn:
            assert "1 dashboard accounts' TOTP secrets sealed" in conn.execute(
                sa.select(journal.c.message).where(journal.c.kind == "totp_sealed")).scalar_one()
        with LiveServer(create_app(hq, rate_per_minute=0, web={"clock": clock})) as srv, \
                httpx.Client(base_url=srv.url, timeout=10) as c:        # sign-in over real HTTP, as a person would
            r = c.post("/hq/sign-in", data={"csrf": csrf(c.get("/hq/sign-in").text), "username": "vanna",
                                            "passphrase": PASS, "code": totp_code(secret, clock.now().timestamp())})
            assert (r.status_code, r.headers.get("location")) == (303, "/hq/")
            assert c.get("/hq/quarantine").status_code == 200
        HQService(store, keys, clock=clock)               # a second start seals nothing again
        assert _raw(store)["vanna"] == raw
    finally:
        hq.store.close()


def test_an_account_cannot_be_added_without_hqs_keys(tmp_path: Path) -> None:
    store = HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}")
    try:
        from checkpoint.errors import StoreError

        with pytest.raises(StoreError, match="keys"):
            Accounts(store, ManualClock(START)).add("dara", "Dara Chan", "analyst", PASS)
        assert _raw(store) == {}
    finally:
        store.close()
