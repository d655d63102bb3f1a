"""One enrollment token, many devices at once (issue 10, point 8): on PostgreSQL two devices used to enroll with a
single-use token, because the token was read, checked, then marked used without a condition. Each test races N
threads on one token against the real database (PostgreSQL's cluster when it is there, else a visible skip; SQLite
too) and counts who got in."""

from __future__ import annotations

import threading
from typing import Any

import pytest
import sqlalchemy as sa

from sync.errors import TokenRejected
from sync.hq.service import HQService
from sync.hq.store import devices, enroll_tokens
from tests.support.hq_helpers import FakeDevice, enroll_request

N = 8


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def race(hq: HQService, requests: list[bytes]) -> tuple[list[dict[str, Any]], list[BaseException]]:
    """Send every request at the same moment from its own thread; (answers, errors)."""
    start = threading.Barrier(len(requests))
    answers: list[dict[str, Any]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def one(req: bytes) -> None:
        start.wait()
        try:
            a = hq.enroll(req)
        except BaseException as e:
            with lock:
                errors.append(e)
        else:
            with lock:
                answers.append(a)

    threads = [threading.Thread(target=one, args=(r,)) for r in requests]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return answers, errors


def test_one_token_raced_by_n_devices_enrolls_exactly_one(hq: HQService) -> None:
    token = hq.issue_token("Poipet")
    devs = [FakeDevice() for _ in range(N)]
    answers, errors = race(hq, [enroll_request(d.identity, token) for d in devs])
    assert len(answers) == 1, f"{len(answers)} devices enrolled with one single-use token"
    assert len(errors) == N - 1 and all(isinstance(e, TokenRejected) and "already used" in str(e) for e in errors)
    with hq.store.read() as conn:
        enrolled = conn.execute(sa.select(devices.c.device_id)).scalars().all()
        used_by = conn.execute(sa.select(enroll_tokens.c.used_by)).scalar_one()
    assert enrolled == [answers[0]["hq_device_id"]] == [used_by]


def test_the_same_device_racing_itself_gets_one_enrollment_and_the_same_answer(hq: HQService) -> None:
    """A device that asks again while its first request is still running (a retry after a lost answer) gets the
    same signed answer, and HQ counts one enrollment."""
    dev = FakeDevice()
    req = enroll_request(dev.identity, hq.issue_token("Poipet"))
    answers, errors = race(hq, [req] * 4)
    assert errors == [] and len(answers) == 4 and all(a == answers[0] for a in answers)
    with hq.store.read() as conn:
        assert conn.execute(sa.select(devices.c.enrollments)).scalar_one() == 1
