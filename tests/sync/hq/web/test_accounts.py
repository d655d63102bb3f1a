"""HQ accounts without HTTP: how passphrases are kept, what a new one must be, TOTP as RFC 6238 says, roles, and
`checkpoint-hq user add/list/lock`."""

from __future__ import annotations

import base64
import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from checkpoint.clock import ManualClock
from checkpoint.crypto import KdfParams
from checkpoint.errors import AuthError, ConflictError, ValidationError
from sync.hq.cli import main
from sync.hq.keys import init_keys
from sync.hq.sealed import totp_key
from sync.hq.store import HQStore, hq_audit, hq_users
from sync.hq.web.accounts import PERMISSIONS, ROLES, Accounts, can, totp_code

PASS = "river lotus mango sunrise"


@pytest.fixture
def accounts(tmp_path: Path) -> Accounts:
    return Accounts(HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}"),
                    ManualClock(datetime(2026, 11, 22, 8, 0, tzinfo=UTC)), totp_key=os.urandom(32))


def _now(a: Accounts) -> float:
    return a.clock.now().timestamp()


def test_passphrases_are_kept_as_salted_scrypt_hashes_only(accounts: Accounts) -> None:
    accounts.add("dara", "Dara Chan", "analyst", PASS)
    accounts.add("sokha", "Sokha Lim", "analyst", PASS)
    with accounts.store.read() as conn:
        rows = conn.execute(sa.select(hq_users)).mappings().all()
        audit = " ".join(str(v) for r in conn.execute(sa.select(hq_audit)).mappings() for v in r.values())
    kdfs = [json.loads(r["kdf"]) for r in rows]
    assert all(k["alg"] == "scrypt" and k["n"] >= 2**15 and k["r"] == 8 for k in kdfs)
    assert kdfs[0]["salt"] != kdfs[1]["salt"] and kdfs[0]["hash"] != kdfs[1]["hash"]    # same passphrase
    assert PASS not in json.dumps([dict(r) for r in rows]) and PASS not in audit


@pytest.mark.parametrize(("kw", "field"), [
    ({"passphrase": "password123"}, "passphrase"),
    ({"passphrase": "dara dara dara dara"}, "passphrase"),
    ({"username": "Dara Chan"}, "username"),
    ({"role": "superuser"}, "role"),
    ({"role": "partner"}, "organisation"),
    ({"display_name": " "}, "display_name"),
])
def test_a_bad_new_account_is_refused_and_nothing_is_written(accounts: Accounts, kw: dict[str, str],
                                                             field: str) -> None:
    args = {"username": "dara", "display_name": "Dara Chan", "role": "analyst", "passphrase": PASS, **kw}
    with pytest.raises(ValidationError) as e:
        accounts.add(args["username"], args["display_name"], args["role"], args["passphrase"])
    assert e.value.field == field
    assert accounts.users() == []


def test_a_user_name_is_taken_once(accounts: Accounts) -> None:
    accounts.add("dara", "Dara Chan", "analyst", PASS)
    with pytest.raises(ConflictError):
        accounts.add("dara", "Another Dara", "hq_admin", PASS)
    assert [(u.username, u.role) for u in accounts.users()] == [("dara", "analyst")]


def test_totp_is_rfc_6238() -> None:
    # RFC 6238 appendix B, SHA-1 key "12345678901234567890": 94287082 at T=59, 07081804 at T=1111111109 (8 digits);
    # ours shows the last 6.
    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp_code(secret, 59) == "287082"
    assert totp_code(secret, 1111111109) == "081804"


def test_codes_one_step_off_work_older_ones_do_not(accounts: Accounts) -> None:
    secret = accounts.add("dara", "Dara Chan", "analyst", PASS).secret
    assert accounts.authenticate("dara", PASS, totp_code(secret, _now(accounts) - 30)).username == "dara"
    accounts.clock.advance(seconds=90)
    with pytest.raises(AuthError):
        accounts.authenticate("dara", PASS, totp_code(secret, _now(accounts) - 60))     # two steps old
    assert accounts.authenticate("dara", PASS, totp_code(secret, _now(accounts) + 30)).username == "dara"
    with pytest.raises(AuthError):              # the code just used, and the one before it: both spent
        accounts.authenticate("dara", PASS, totp_code(secret, _now(accounts)))


def test_every_role_has_exactly_its_permissions() -> None:
    table = {r: {p for p in PERMISSIONS if can(r, p)} for r in ROLES}
    assert table == {
        "analyst": {"view_aggregates", "view_sync_health"},
        "data_manager": {"view_aggregates", "view_sync_health", "view_records", "manage_quarantine",
                         "revoke_device", "export", "manage_directory", "match_persons",
                         "record_tb_outcome",       # issue 14: a TB referral's treatment
                         "export_nea"},             # issue 15 point 4: NEA's CSV with names and phones
        "hq_admin": {"view_aggregates", "view_sync_health", "revoke_device", "manage_accounts"},
        # issues 16 and 14: referrals to her organisation (and their TB treatment); nothing else of HQ's
        "partner": {"follow_referrals", "record_tb_outcome"},
    }


def _cli(tmp_path: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    rc = main(["--db", f"sqlite:///{tmp_path / 'hq.db'}", "--keys", str(tmp_path / "keys"), *args])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_cli_user_add_list_lock(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKPOINT_NEW_PASSPHRASE", PASS)
    monkeypatch.setenv("CHECKPOINT_HQ_PASSPHRASE", "hq keys passphrase")
    keys = init_keys(tmp_path / "keys", "hq keys passphrase", kdf=KdfParams.fast())
    rc, out, _err = _cli(tmp_path, "user", "add", "vanna", "--role", "data_manager", "--name", "Vanna Chea", "--json",
                         capsys=capsys)
    added = json.loads(out)
    assert rc == 0 and added["role"] == "data_manager"
    assert re.fullmatch(r"[A-Z2-7]{32}", added["totp_secret"]) and added["totp_secret"] in added["otpauth_uri"]
    rc, out, _err = _cli(tmp_path, "user", "list", capsys=capsys)
    assert rc == 0 and "vanna" in out and "data_manager" in out and added["totp_secret"] not in out
    rc, out, _err = _cli(tmp_path, "user", "lock", "vanna", "--json", capsys=capsys)
    assert rc == 0 and json.loads(out)["status"] == "locked"
    clock = ManualClock(datetime.now(UTC))
    a = Accounts(HQStore.open(f"sqlite:///{tmp_path / 'hq.db'}"), clock, totp_key=totp_key(keys))
    with pytest.raises(AuthError):
        a.authenticate("vanna", PASS, totp_code(added["totp_secret"], clock.now().timestamp()))
    monkeypatch.setenv("CHECKPOINT_NEW_PASSPHRASE", "password1")
    rc, _out, err = _cli(tmp_path, "user", "add", "weak", capsys=capsys)
    assert rc != 0 and "passphrase" in err and "Traceback" not in err
    rc, out, _err = _cli(tmp_path, "user", "list", "--json", capsys=capsys)
    assert [u["username"] for u in json.loads(out)] == ["vanna"]
