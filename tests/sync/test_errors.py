"""Sync's errors are in the one hierarchy (checkpoint.errors), so the UI's one mapping shows their plain words."""

from __future__ import annotations

import doctest

import pytest

import sync.errors
from checkpoint.errors import CheckpointError
from sync.errors import BadAck, SyncUnavailable


def test_docstring_examples() -> None:
    result = doctest.testmod(sync.errors)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("error, code", [
    (SyncUnavailable("HQ could not be reached (no connection, or it broke off). Nothing was lost; sync again later."),
     "sync_unavailable"),
    (BadAck("HQ's acknowledgement is for another batch."), "bad_ack"),
])
def test_the_desktop_shows_a_sync_error_in_plain_words(error: CheckpointError, code: str) -> None:
    from ui.messages import error_message

    assert isinstance(error, CheckpointError) and error.code == code
    assert error_message(error) == str(error)          # not "Something went wrong", not a traceback
