"""Charts as SVG drawn on the server: no script, no external file, prints as it shows. Colours and sizes are SVG
presentation attributes (the Content-Security-Policy allows no inline style)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from markupsafe import Markup

__all__ = ["bar_chart"]


def bar_chart(points: Sequence[tuple[str, int]], *, title: str, width: int = 640, height: int = 200) -> Markup:
    """Vertical bars, one per (label, value), with the value above each bar and the label below."""
    pad, top, bottom = 8, 20, 34
    n = max(1, len(points))
    most = max((v for _, v in points), default=0) or 1
    slot = (width - 2 * pad) / n
    bar = max(2.0, slot * 0.7)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(title)}"><title>{escape(title)}</title>',
             f'<line x1="{pad}" y1="{height - bottom}" x2="{width - pad}" y2="{height - bottom}" stroke="#555"/>']
    for i, (label, value) in enumerate(points):
        h = (height - top - bottom) * value / most
        x = pad + i * slot + (slot - bar) / 2
        y = height - bottom - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="#2b6cb0">'
                     f'<title>{escape(label)}: {value}</title></rect>')
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" font-size="11" text-anchor="middle">{value}</text>')
        parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 14}" font-size="10" '
                     f'text-anchor="middle">{escape(label)}</text>')
    if not points:
        parts.append(f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle" font-size="12">-</text>')
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - every text in it went through html.escape above
