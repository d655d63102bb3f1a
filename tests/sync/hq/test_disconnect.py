"""A client that hangs up in the middle of its request body is one log line at HQ, never a traceback (issue 10
point 9), on every way a body arrives: a push with a Content-Length (tests/sync/hq/test_http_trust.py), and here a
chunked push from an enrolled device, an enrollment request (JSON), a signed request of each small endpoint and the
dashboard's sign-in form. Through `checkpoint-hq serve` in a subprocess on 127.0.0.1 with its production logging;
afterwards HQ still answers and wrote nothing."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from tests.sync.hq.test_http_trust import MIB, OCTETS, HQProcess, raw_post

DISCONNECTED = "disconnected before its request was complete"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HQProcess]:
    p = HQProcess(tmp_path_factory.mktemp("hq-disconnect"))
    try:
        yield p
    finally:
        p.close()


def _cases(hq: HQProcess) -> list[tuple[str, dict[str, str], int, bool, int]]:
    """(path, headers, announced length, chunked, bytes sent before hanging up)."""
    body = b"\x00" * (2 * MIB)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    return [("/v1/push", hq.dev.push_headers(body), len(body), True, MIB),
            ("/v1/enroll", {"Content-Type": "application/json"}, 5000, False, 100),
            ("/v1/enroll", OCTETS, 5000, True, 100),
            *((path, OCTETS, 3000, False, 1000) for path in ("/v1/pull", "/v1/reference", "/v1/fetch",
                                                              "/v1/checkpoint-key")),
            ("/hq/sign-in", form, 30000, False, 20000),
            ("/hq/sign-in", form, 30000, True, 20000)]


def test_every_body_cut_short_is_one_log_line_and_no_traceback(served: HQProcess) -> None:
    hq = served
    cases = _cases(hq)
    before = hq.log()
    for path, headers, total, chunked, stop in cases:
        assert raw_post(hq.port, path, headers, total, chunked=chunked, stop_after=stop) == (None, stop)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and hq.log()[len(before):].count(DISCONNECTED) < len(cases):
        time.sleep(0.1)
    time.sleep(0.3)                                  # anything logged late (a traceback after the line) is seen
    new = hq.log()[len(before):]
    lines = [line for line in new.splitlines() if line.strip() and '" 200' not in line]
    print("\n".join(lines))
    said = [line for line in lines if DISCONNECTED in line]
    assert len(said) == len(cases), new
    for path, *_ in cases:
        assert any(f"POST {path} from 127.0.0.1" in line for line in said), path
    assert "Traceback" not in new and "Exception" not in new and "ERROR" not in new, new
    assert httpx.get(f"{hq.base}/v1/health", timeout=10).status_code == 200
    with httpx.Client(base_url=hq.base, timeout=30) as c:
        r = c.post("/v1/pull", content=hq.dev.pull_request().blob, headers=OCTETS)
    assert r.status_code == 200                     # the enrolled device goes on as before
