"""The PDF report names the HQ that made it by its signing key's fingerprint (what every device pins): from the
CLI too, where the operator's keys folder is not at hand. Before, the CLI looked only in the keys folder and named
HQ by its database's file ("HQ (hq.db)") although the database holds the key HQ serves with."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from sync.hq.keys import init_keys, load_keys
from sync.hq.service import HQService
from sync.hq.store import HQStore
from sync.hq.web.report_pdf import hq_label
from sync.wire import hq_fingerprint
from tests.conftest import FAST
from tests.sync.hq.test_cli import PW, hq_cli


def generated_by(pdf: Path) -> str:
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    (line,) = {ln for ln in text.splitlines() if ln.startswith("Generated ")}
    return line.split(" · by ", 1)[1]


@pytest.fixture
def served(tmp_path: Path) -> tuple[str, Path, str]:
    """A database HQ has served from with its keys (so it knows them), the keys folder and the fingerprint."""
    keys = tmp_path / "keys"
    init_keys(keys, PW, kdf=FAST)
    db = f"sqlite:///{tmp_path / 'hq.db'}"
    HQService(HQStore.open(db), load_keys(keys, PW)).store.close()
    return db, keys, hq_fingerprint(load_keys(keys, PW).signing_public)


@pytest.mark.parametrize("with_keys", ["no keys folder", "its keys folder", "another HQ's keys folder"])
def test_the_cli_pdf_names_hq_by_its_key_fingerprint(served, tmp_path: Path, with_keys: str) -> None:
    db, keys, fingerprint = served
    folder = {"no keys folder": tmp_path / "absent", "its keys folder": keys,
              "another HQ's keys folder": tmp_path / "other"}[with_keys]
    if with_keys == "another HQ's keys folder":
        init_keys(folder, PW, kdf=FAST)
    out = tmp_path / "nov.pdf"
    r = hq_cli("--db", db, "--keys", str(folder), "report", "--period", "2026-11", "--format", "pdf", "--out",
               str(out))
    assert r.returncode == 0, r.stderr
    assert generated_by(out) == f"HQ {fingerprint}"


def test_a_database_that_never_served_is_named_by_the_keys_folder_else_by_its_file(tmp_path: Path) -> None:
    store = HQStore.open(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        assert hq_label(store, tmp_path / "absent") == "HQ (fresh.db)"
        keys = tmp_path / "keys"
        init_keys(keys, PW, kdf=FAST)
        assert hq_label(store, keys) == f"HQ {hq_fingerprint(load_keys(keys, PW).signing_public)}"
    finally:
        store.close()
