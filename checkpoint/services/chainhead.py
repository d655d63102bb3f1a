"""The chain head HQ acknowledged for this device, kept on the device, and the check ``verify`` makes with it
(issue 10, point 12). HQ signs the head (``checkpoint.events.CHAIN_HEAD_CONTEXT``) inside each ack;
``Outbox.record_hq_head`` keeps the newest; ``hq_head_problems`` compares the local log with it.

What it catches: a key holder who rewrites or deletes events that HQ already holds and rehashes the chain (the
event at the acknowledged sequence number then has another hash, or is gone). What it cannot: whoever rewrites
this record too, with a head signed by a key she pinned in place of HQ's (she then cannot sync any more), or who
deletes it; HQ itself finds the rewritten chain at the device's next push (``sync.hq.ingest``: chain break).
"""

from __future__ import annotations

import json
from typing import Any

from checkpoint import crypto
from checkpoint.errors import SignatureInvalid
from checkpoint.events import CHAIN_HEAD_CONTEXT, canonical_json
from checkpoint.storage.store import Store

__all__ = ["HQ_HEAD_META", "hq_head", "hq_head_problems"]

HQ_HEAD_META = "hq_chain_head"

def hq_head(store: Store) -> dict[str, Any] | None:
    """The chain head HQ last acknowledged for this device (``{"head": {...}, "sig": hex, "key": hex}``), or None."""
    raw = store.meta(HQ_HEAD_META)
    if not raw:
        return None
    try:
        kept = json.loads(raw)
    except ValueError:
        return {"head": {"seq": -1}, "sig": "", "key": ""}
    return kept if isinstance(kept, dict) and isinstance(kept.get("head"), dict) else \
        {"head": {"seq": -1}, "sig": "", "key": ""}


def hq_head_problems(store: Store, message: str) -> list[str]:
    """What ``verify`` reports about events HQ already holds: ``message`` (fixed, translatable) then the details,
    when the event at the acknowledged head is missing, differs, or the kept head itself is not HQ's. Empty when
    no head was ever acknowledged (never synced, or synced before HQ sent heads)."""
    kept = hq_head(store)
    if kept is None:
        return []
    head = kept["head"]
    seq = head.get("seq")
    try:
        enrolled = json.loads(store.meta("hq_enrollment") or "{}")
        crypto.verify(bytes.fromhex(str(kept.get("key", ""))), canonical_json(head).encode(),
                      bytes.fromhex(str(kept.get("sig", ""))), context=CHAIN_HEAD_CONTEXT)
        signed = kept.get("key") == enrolled.get("hq_signing_public") and head.get("device_id") == store.device_id
    except (ValueError, TypeError, AttributeError, SignatureInvalid):
        signed = False
    if not signed:
        return [message, "the chain head HQ acknowledged, kept on this device, is not signed by HQ"]
    if not isinstance(seq, int) or seq == 0:
        return []
    row = store.db.execute("SELECT hash FROM events WHERE device_id = ? AND device_seq = ?",
                           [store.device_id, seq]).fetchone()
    if row is None:
        return [message, f"event {seq} of this device, acknowledged by HQ, is missing"]
    if row[0] != head.get("hash"):
        return [message, f"HQ holds event {seq} of this device with another hash: events at or before it were "
                         "rewritten or deleted"]
    return []
