"""The device side of sync: everything a checkpoint laptop does to exchange data with HQ. No Qt, and nothing of
``sync.hq`` (the device never loads FastAPI or SQLAlchemy); it shares only ``sync.protocol``, ``sync.wire`` and
``sync.errors`` with HQ, and reaches the store only through ``checkpoint.services`` (``Outbox``).

    transport.py   HttpTransport: the SyncProtocol over HTTP(S), HQ's refusals as typed errors
    enrollment.py  enroll once with HQ's token; pinned_keys for every exchange after
    sealed.py      a batch's one sealed copy (kept beside the store) and the check of HQ's ack: HTTP and USB share it
    push.py        Pusher: seal, send, verify the ack, apply the verdicts, batch after batch
    pull.py        HQ's events for this checkpoint, and its signed reference data
    progress.py    the progress and cancel callbacks a run takes
    client.py      SyncClient: one device's exchange with HQ (enroll, push, pull, sync_once)
    engine.py      BackgroundSync: when to probe and sync, backoff with jitter (a state machine, no thread)
    usb.py         export_batch / import_ack: the same sealed batch and signed ack, carried on a USB stick
    service.py     DeviceSync: what the desktop's composition root builds (its own connection, the link, the engine)
    cli.py         checkpoint-admin: the core's commands plus enroll, sync, export-batch, import-ack, sync-status

    >>> from sync.device import DeviceSync          # the desktop (ui/app.py)          # doctest: +SKIP
    >>> from sync.device.client import SyncClient   # code and tests                    # doctest: +SKIP

``DeviceSync`` is loaded on first use, so ``checkpoint-admin``'s core commands (``sync.device.cli``) start without
importing httpx and the sync client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sync.device.service import DeviceSync

__all__ = ["DeviceSync"]


def __getattr__(name: str) -> object:
    if name == "DeviceSync":
        from sync.device.service import DeviceSync

        return DeviceSync
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
