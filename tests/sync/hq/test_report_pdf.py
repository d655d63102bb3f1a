"""The monthly PDF report (`checkpoint-hq report --format pdf`, issue 15 point 3): it opens, carries every section
and the same figures as `checkpoint-hq report --json` for the same period, withholds what the threshold withholds,
is a new 0600 file logged in HQ's journal, refuses bad input without writing anything, and its Khmer renders (shaped,
not blank: pdftoppm, skipped saying why when poppler-utils is absent)."""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from sync.hq.facts import LOCAL_TZ
from sync.hq.keys import HQKeys
from sync.hq.reports import parse_period
from sync.hq.service import HQService
from sync.hq.store import HQStore, journal
from sync.hq.web.report_pdf import MAX_COLUMNS, month_pdf
from sync.hq.web.report_source import DIMENSION_LABELS, INDICATOR_LABELS, KINDS, REPORTS, SERVICE_DIMENSION_LABELS
from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.test_cli import hq_cli
from tests.sync.hq.test_reports import push, reg, register

PDFTOPPM = shutil.which("pdftoppm")
NO_POPPLER = "" if PDFTOPPM else ("pdftoppm is missing: `make poppler` installs poppler-utils with apt (needs root)")
if NO_POPPLER:
    print(f"\nKhmer PDF rendering tests skipped: {NO_POPPLER}", file=sys.stderr)


@pytest.fixture
def db(hq_url: str) -> str:
    """Three checkpoints in November 2026: Poipet 7 arrivals (6 women, 1 man), Bavet 5 women, Koh Kong 9 (8 women
    with trafficking indicators, 3 of them referred for protection to DOSVY, 1 man not screened); Bavet's women were
    screened for TB."""
    hq = HQService(HQStore.open(hq_url), HQKeys.generate())
    for name, payloads in (
            ("Poipet", [reg(str(uuid.uuid4()), sex=s) for s in "FFFFFFM"]),
            ("Bavet", [reg(str(uuid.uuid4()), sex="F", province="17", tb="SCREEN_NEGATIVE") for _ in range(5)]),
            ("Koh Kong", [reg(str(uuid.uuid4()), sex="F", trafficking="PRESUMED_VICTIM", country="MYS",
                              referrals=(("protection", "DOSVY"),) if i < 3 else ()) for i in range(8)]
             + [reg(str(uuid.uuid4()), sex="M")])):
        dev = FakeDevice(checkpoint_name=name)
        dev.enroll(hq)
        assert push(hq, dev, register(dev, payloads))["accepted"] == len(payloads)
        if name == "Poipet":        # #15.3: a meal for each of Poipet's 7, a bus ticket for 2; 5 registered with NEA
            evs = [dev.event(type_="assistance.given", entity_id=p["person_id"], payload={"assistance": {
                "id": str(uuid.uuid4()), "item_code": code, "kind": kind, "unit": "meal", "quantity": 1,
                "provider": "IOM"}}) for i, p in enumerate(payloads)
                for code, kind in (("MEAL", "FOOD_WATER"), ("BUS_TICKET", "TRANSPORT"))[:1 + (i < 2)]]
            evs += [dev.event(type_="nea.registered", entity_id=p["person_id"], payload={
                "encounter_id": p["encounter"]["id"], "registration": {"id": str(uuid.uuid4()), "data": {
                    "desired_sector": "C", "education": "PRIMARY"}}}) for p in payloads[:5]]
            assert push(hq, dev, evs)["accepted"] == len(evs)
    hq.store.close()
    return hq_url


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def expected_lines(data: dict[str, Any], kind: str, dimension: str) -> list[str]:
    """The rows the report page shows for ``kind`` by ``dimension``, built here from `report --json`'s figures:
    category, then each indicator of the page that the dimension has, "<k" where withheld."""
    section = REPORTS[kind][1]
    cats = data["sections"][section][dimension]
    k = data["threshold"]
    inds = [i for i in KINDS[kind] if any(i in v for v in cats.values())]
    return [" ".join(["Total" if dimension == "total" else cat,
                      *(f"<{k}" if cats[cat][i] is None else str(cats[cat][i]) for i in part)])
            for lo in range(0, len(inds), MAX_COLUMNS) for part in [inds[lo:lo + MAX_COLUMNS]]
            for cat in sorted(cats)]


def test_the_pdf_has_every_section_and_the_figures_of_report_json(db: str, tmp_path: Path) -> None:
    out = tmp_path / "nov-en.pdf"
    r = hq_cli("--db", db, "report", "--period", "2026-11", "--format", "pdf", "--lang", "en", "--out", str(out),
               "--json")
    assert r.returncode == 0, r.stderr
    done = json.loads(r.stdout)
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    pages, text = pdf_text(out.read_bytes())
    assert pages == done["pages"] > 0
    lines = text.splitlines()
    flat = " ".join(text.split())                                      # a header cell may wrap
    for title, _section in REPORTS.values():
        assert title in lines, title                                   # every section's title, as a heading
    for label in ("Screened for trafficking", "Safety-rule referrals", "Screened for TB", "Treatment started",
                  "Referrals by agency and outcome", "Type of exploitation", "Country of return"):
        assert label in flat, label
    assert "Period 2026-11 (2026-11-01 – 2026-11-30)" in text and "All checkpoints" in text
    assert "Small cells withheld under 5" in text and "Page 1 / " in text
    data = json.loads(hq_cli("--db", db, "report", "--period", "2026-11", "--json").stdout)
    checked = 0
    for kind in ("arrivals", "trafficking", "tb", "assistance", "nea"):
        for dim in data["sections"][REPORTS[kind][1]]:
            for line in expected_lines(data, kind, dim):
                assert line.strip() in lines, (kind, dim, line)
                checked += 1
    assert checked >= 40 and data["sections"]["tb"]["total"]["all"]["screened"] == 5   # a real cascade
    # assistance by kind: 2 bus tickets withheld, so the 7 meals too (one withheld: the next smallest); NEA by sector
    assert "TRANSPORT <5 <5" in lines and "FOOD_WATER <5 <5" in lines and "C 5 5" in lines
    assert "Kind of assistance" in flat and "Sector wanted" in flat and "does not compute" not in flat
    assert "Koh Kong 9 9 0 <5" in lines            # arrivals, persons, child protection, referrals (3: withheld)
    by_agency = data["sections"]["referrals"]["by_agency"]
    assert by_agency == {"protection/DOSVY/referred": {"referrals": None}}          # 3: withheld
    assert "protection DOSVY referred <5" in lines and "protection DOSVY referred 3" not in flat


def test_a_withheld_cell_is_not_in_the_pdf_and_publication_withholds_more(db: str) -> None:
    store = HQStore.open(db)
    try:
        def make(threshold: int) -> str:
            pdf = month_pdf(store, parse_period("2026-11"), [], lang="en", threshold=threshold, hq="HQ TEST",
                            generated=datetime(2026, 12, 3, 9, 0, tzinfo=LOCAL_TZ))
            return pdf_text(pdf.data)[1]

        internal = make(5).splitlines()
        assert "M <5 0 0" in internal and not any(x.startswith("M 2 ") for x in internal)   # 2 men: withheld
        assert "F <5 0 <5" in internal                  # and 19 women, or 21 - 19 would give the men away
        assert "Bavet 5 5 0 0" in internal                                          # exactly at 5: shown
        publication = make(11).splitlines()
        assert "Bavet <11 <11 0 0" in publication and "Bavet 5 5 0 0" not in publication
        assert "Total 21 21 0 <11" in publication                                  # the total of 21 stays
    finally:
        store.close()


def test_the_same_report_gives_the_same_bytes(db: str) -> None:
    store = HQStore.open(db)
    try:
        pdfs = [month_pdf(store, parse_period("2026-11"), ["Poipet", "koh kong"], lang=lang, threshold=5,
                          hq="HQ TEST", generated=datetime(2026, 12, 3, 9, 0, tzinfo=LOCAL_TZ))
                for lang in ("km", "km", "en")]
    finally:
        store.close()
    assert pdfs[0].data == pdfs[1].data and pdfs[0].data != pdfs[2].data
    text = pdf_text(pdfs[2].data)[1]
    assert "Checkpoints Poipet, koh kong" in text and "Bavet" not in text


def test_bad_input_is_refused_and_nothing_is_written(db: str, tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "x.pdf"
    for args, code, words in ((["--period", "2026-13"], 4, "is not a year"),
                              (["--period", "November"], 4, "is not a year"),
                              (["--period", "2026-11", "--lang", "fr"], 4, "'fr' is not one of en, km"),
                              (["--period", "2026-11", "--checkpoint", "Nowhere"], 4, "no checkpoint named 'Nowhere'"),
                              (["--period", "2026-11", "--out", str(tmp_path / "no" / "x.pdf")], 4, "no folder")):
        full = ["--format", "pdf", *(["--out", str(out)] if "--out" not in args else []), *args]
        r = hq_cli("--db", db, "report", *full)
        assert r.returncode == code and words in r.stderr and "Traceback" not in r.stderr, (args, r.stderr)
    r = hq_cli("--db", db, "report", "--period", "2026-11", "--format", "pdf")
    assert r.returncode == 2 and "--out FILE" in r.stderr
    r = hq_cli("--db", db, "report", "--period", "2026-11", "--format", "csv", "--lang", "km", "--out", str(out))
    assert r.returncode == 2 and "--lang is for --format pdf" in r.stderr
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"mine")
    r = hq_cli("--db", db, "report", "--period", "2026-11", "--format", "pdf", "--out", str(out))
    assert r.returncode == 4 and "never overwrites" in r.stderr and out.read_bytes() == b"mine"
    store = HQStore.open(db)
    with store.read() as conn:
        assert conn.execute(sa.select(journal.c.message).where(journal.c.kind == "export")).all() == []
    store.close()


def test_each_pdf_is_in_the_journal_with_who_period_and_rows(db: str, tmp_path: Path) -> None:
    r = hq_cli("--db", db, "report", "--period", "2026-11", "--format", "pdf", "--lang", "km", "--checkpoint",
               "Poipet", "--out", str(tmp_path / "km.pdf"), "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)["rows"]
    assert rows > 0
    r = hq_cli("--db", db, "report", "--period", "2026-11", "--format", "csv", "--out", str(tmp_path / "a.csv"))
    assert r.returncode == 0 and (tmp_path / "a.csv").read_text("utf-8-sig").startswith("section,")
    store = HQStore.open(db)
    with store.read() as conn:
        lines = conn.execute(sa.select(journal.c.message).where(journal.c.kind == "export")
                             .order_by(journal.c.id)).scalars().all()
    store.close()
    assert len(lines) == 2
    assert lines[0].startswith("report PDF (km) by ") and "period 2026-11" in lines[0]
    assert f"{rows} rows" in lines[0] and "checkpoints Poipet" in lines[0] and "to km.pdf" in lines[0]
    assert not list(tmp_path.glob(".export-*"))


@pytest.mark.skipif(not PDFTOPPM, reason=f"needs pdftoppm: {NO_POPPLER}")
def test_the_khmer_pdf_renders_shaped_khmer(db: str, tmp_path: Path) -> None:
    from PIL import Image

    store = HQStore.open(db)
    try:
        pdf = month_pdf(store, parse_period("2026-11"), [], lang="km", threshold=5, hq="HQ TEST",
                        generated=datetime(2026, 12, 3, 9, 0, tzinfo=LOCAL_TZ))
    finally:
        store.close()
    (tmp_path / "km.pdf").write_bytes(pdf.data)
    subprocess.run([str(PDFTOPPM), "-r", "60", "-png", "-f", "1", "-l", "1", str(tmp_path / "km.pdf"),
                    str(tmp_path / "page")], check=True, timeout=60)
    png = next(tmp_path.glob("page*.png"))
    gray = Image.open(png).convert("L")
    dark = sum(gray.histogram()[:128])
    assert dark > 0.01 * gray.width * gray.height                    # text and tables on the page, not blank
    text = pdf_text(pdf.data)[1]
    assert "ការមកដល់" in text and "ទំព័រ 1 / " in text         # Khmer words, the page numbers in Khmer
    assert "\u25cc" not in text                                       # HarfBuzz inserted no dotted circle
    for english in ("Arrivals", "Period", "Generated", "Small cells", "Page 1"):
        assert english not in text.splitlines()[1], english


def test_every_label_of_the_pdf_has_khmer() -> None:
    from sync.hq.web.i18n import KHMER
    from sync.hq.web.report_pdf import SUPPRESSION_NOTE
    from sync.hq.web.report_source import AGENCY_LABELS

    texts = {"Monthly report", "Report", "Period", "Checkpoints", "Generated", "by", "Small cells", "withheld under",
             "All checkpoints", "Page", "None in this period.", "Referral", "Agency", "Outcome", "Referrals",
             "Checkpoint HQ", SUPPRESSION_NOTE, *AGENCY_LABELS.values(), *INDICATOR_LABELS.values(),
             *DIMENSION_LABELS.values(), *SERVICE_DIMENSION_LABELS.values(), *(t for t, _s in REPORTS.values())}
    assert sorted(t for t in texts if t not in KHMER) == []
