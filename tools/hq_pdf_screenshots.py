"""Page 1 of the monthly PDF report, in English and Khmer, into docs/screenshots/hq/report-pdf-{en,km}.png.

    .venv/bin/python tools/hq_pdf_screenshots.py --out docs/screenshots/hq

A throw-away SQLite HQ, three checkpoints of synthetic arrivals pushed through HQ's real ingest
(tests/sync/hq/test_reports.py's helpers), the PDF made by sync.hq.web.report_pdf and page 1 rendered by Debian's
pdftoppm (`make poppler`). Synthetic data only. Not part of `make test`.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sync.hq.facts import LOCAL_TZ
from sync.hq.keys import HQKeys
from sync.hq.reports import parse_period
from sync.hq.service import HQService
from sync.hq.store import HQStore
from sync.hq.web.report_pdf import hq_label, month_pdf
from tests.support.hq_helpers import FakeDevice
from tests.sync.hq.test_reports import push, random_payloads, register


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("docs/screenshots/hq"))
    ap.add_argument("--dpi", type=int, default=90)
    args = ap.parse_args()
    pdftoppm = shutil.which("pdftoppm")
    if not pdftoppm:
        print("pdftoppm is missing: `make poppler` installs poppler-utils.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        keys = HQKeys.generate()
        hq = HQService(HQStore.open(f"sqlite:///{Path(tmp) / 'hq.db'}"), keys)
        rng = random.Random(15)  # noqa: S311 - synthetic data, not a secret
        for name in ("Poipet", "Bavet", "Koh Kong"):
            dev = FakeDevice(checkpoint_name=name)
            dev.enroll(hq)
            push(hq, dev, register(dev, random_payloads(rng, 120)))
        for lang in ("en", "km"):
            pdf = month_pdf(hq.store, parse_period("2026-11"), [], lang=lang, threshold=5,
                            hq=hq_label(hq.store, signing_public=keys.signing_public),
                            generated=datetime(2026, 12, 3, 12, 5, tzinfo=LOCAL_TZ))
            src = Path(tmp) / f"{lang}.pdf"
            src.write_bytes(pdf.data)
            target = args.out / f"report-pdf-{lang}"
            subprocess.run([pdftoppm,  # noqa: S603 - Debian's pdftoppm on a file this script made "-r", str(args.dpi), "-png", "-f", "1", "-l", "1", "-singlefile", str(src),
                            str(target)], check=True, timeout=120)
            print(f"{target}.png ({pdf.pages} pages, {pdf.rows} rows)")
        hq.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
