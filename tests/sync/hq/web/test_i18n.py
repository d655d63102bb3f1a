"""Every text the dashboard shows has its Khmer (the templates' _("...") texts, the messages the pages pass, the
report titles and columns, the role names), and the Khmer is Khmer."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import sync.hq.web as web
from checkpoint.partner_stages import OUTCOME_LABELS, STAGE_LABELS
from sync.hq.web.accounts import ROLE_LABELS
from sync.hq.web.i18n import KHMER
from sync.hq.web.report_source import DIMENSION_LABELS, INDICATOR_LABELS, REPORTS

HERE = Path(web.__file__).parent
KHMER_LETTERS = re.compile("[\u1780-\u17ff]")


def _template_texts() -> set[str]:
    texts = set()
    for f in (HERE / "templates").glob("*.html"):
        texts |= {m.group(2) for m in re.finditer(r"""_\((["'])(.+?)\1\)""", f.read_text(encoding="utf-8"))}
    return texts


def _app_texts() -> set[str]:
    """Literal texts given to pages as title=, message=, error and note (app.py, report_source.py)."""
    out = set()
    for name in ("app.py", "report_source.py", "referral_pages.py"):
        for node in ast.walk(ast.parse((HERE / name).read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg in ("title", "message", "note", "error") \
                    and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str) \
                    and node.value.value:
                out.add(node.value.value)
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "again" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                out.add(node.args[0].value)
    return out


def test_every_shown_text_has_khmer() -> None:
    texts = _template_texts() | _app_texts() | {t for t, _k in REPORTS.values()} | set(ROLE_LABELS.values())
    texts |= set(INDICATOR_LABELS.values()) | set(DIMENSION_LABELS.values())
    texts |= set(STAGE_LABELS.values()) | set(OUTCOME_LABELS.values())          # the partner pages (#16)
    texts |= {"Checkpoint", "Registration events received in the period",
              "Records of this kind held by HQ (all periods)", "Total", "active", "revoked", "rejected"}
    assert len(texts) > 60                               # the scan found the pages' texts
    missing = sorted(t for t in texts if t not in KHMER)
    assert missing == []
    not_khmer = sorted(t for t in texts if t != "SHA-256" and not KHMER_LETTERS.search(KHMER[t]))
    assert not_khmer == []
