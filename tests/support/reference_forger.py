"""A stand-in for HQ whose reference-data answer is forged (issue 16's attack tests, device and desktop): the
device's request is checked by the real HQ and the forged document sealed to its reply key, so only the document
inside differs from what HQ would send."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from sync.hq import directory
from sync.hq.keys import HQKeys
from sync.hq.pull import REFERENCE_DAYS
from sync.hq.store import counter, devices
from sync.wire import REFERENCE, seal_answer, sign_document

__all__ = ["Forger", "expired", "older", "other_checkpoint", "wrong_key"]


class Forger:
    """HQ, except that its reference answer is ``make(doc) -> (doc, signing key)``: the device's request is checked
    by the real HQ and the answer sealed to its reply key, so only what is inside differs."""

    def __init__(self, hq: Any, make: Any) -> None:
        self.hq, self.make = hq, make

    def __getattr__(self, name: str) -> Any:
        return getattr(self.hq, name)

    def reference(self, request: bytes) -> bytes:
        checked = self.hq.check_request(request, "reference")
        with self.hq.store.read() as conn:
            version = counter(conn, "reference")
            cp = conn.execute(sa.select(devices.c.checkpoint_id)
                              .where(devices.c.device_id == checked["device_id"])).scalar_one()
            entries = directory.reference_entries(conn)
        now = self.hq.clock.now()
        doc = {"kind": "reference", "version": version, "checkpoint_id": str(cp), "issued_at": now.isoformat(),
               "expires_at": (now + timedelta(days=REFERENCE_DAYS)).isoformat(), "directory": entries,
               "revoked_devices": [], "lists": {}, "nonce": checked["nonce"]}
        doc, key = self.make(doc)
        return seal_answer(sign_document(REFERENCE, doc, key or self.hq.keys.signing_private), checked)


def wrong_key(doc: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    return {**doc, "version": doc["version"] + 5, "directory": []}, HQKeys.generate().signing_private


def older(doc: dict[str, Any]) -> tuple[dict[str, Any], None]:
    # HQ is at applied + 1: an answer of version applied - 1 (a document captured earlier), signed by HQ itself
    return {**doc, "version": doc["version"] - 2, "directory": []}, None


def expired(doc: dict[str, Any]) -> tuple[dict[str, Any], None]:
    past = datetime.fromisoformat(doc["issued_at"]) - timedelta(days=1)
    return {**doc, "version": doc["version"] + 1, "directory": [], "expires_at": past.isoformat()}, None


def other_checkpoint(doc: dict[str, Any]) -> tuple[dict[str, Any], None]:
    return {**doc, "version": doc["version"] + 1, "directory": [], "checkpoint_id": "another-checkpoint"}, None
