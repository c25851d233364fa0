"""Bar and timeline charts of the portfolio review as inline SVG, drawn at build time.

No chart library: the charts are a few rectangles and labels, and a hand-written drawing is
byte-for-byte deterministic, fetches nothing and needs no JavaScript (pygal links its tooltip
script from a CDN and gives every chart a random uuid; matplotlib brings numpy, tens of
megabytes, and its SVG output depends on the fonts it finds).
Each chart has a ``<title>`` and a ``<desc>``, the page prints the same numbers in a table
beside it, and the colours keep WCAG AA contrast on white (bars 3:1 and more as graphics,
text 4.5:1 and more) and stay distinct in greyscale print: one dark fill, values written out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

#: #1b5e20 (the site's green) on white: contrast 7.9:1 (bars); #1a1a1a text: 17:1; #5c5c5c grid text: 6.7:1
BAR, TEXT, MUTED, GRID = "#1b5e20", "#1a1a1a", "#5c5c5c", "#c8c8c8"
#: drawn for a phone's width (the page scales it to at most 28rem); labels longer than
#: LABEL_CHARS are cut with "…" (the full label is the bar's <title> and in the table)
WIDTH = 420
ROW = 26
LABEL_WIDTH = 175
LABEL_CHARS = 21
FONT = 14


@dataclass(frozen=True)
class Bar:
    label: str
    value: int


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _open(chart_id: str, title: str, desc: str, height: int) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="ocop-chart" role="img" '
            f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'aria-labelledby="{chart_id}-t {chart_id}-d" font-family="system-ui, sans-serif">'
            f'<title id="{chart_id}-t">{escape(title)}</title>'
            f'<desc id="{chart_id}-d">{escape(desc)}</desc>')


def _desc(bars: Sequence[Bar]) -> str:
    return "; ".join(f"{bar.label}: {bar.value}" for bar in bars)


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar]) -> str:
    """Horizontal bars, one per row, the value written after each bar."""
    top = max((bar.value for bar in bars), default=0) or 1
    room = WIDTH - LABEL_WIDTH - 40
    height = ROW * len(bars) + 8
    parts = [_open(chart_id, title, _desc(bars), height)]
    for i, bar in enumerate(bars):
        y = 4 + i * ROW
        width = round(room * bar.value / top, 1)
        parts.append(
            f'<g class="bar-row"><title>{escape(bar.label)}: {bar.value}</title>'
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 18}" text-anchor="end" font-size="{FONT}" '
            f'fill="{TEXT}">{escape(_short(bar.label))}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 3}" width="{width}" height="{ROW - 8}" '
            f'fill="{BAR}"/>'
            f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 18}" font-size="{FONT}" '
            f'fill="{TEXT}">{bar.value}</text></g>')
    return "".join(parts) + "</svg>"


def timeline_chart(chart_id: str, title: str, bars: Sequence[Bar], every: int = 6) -> str:
    """Vertical columns in time order (months), every ``every``-th labelled below the axis."""
    top = max((bar.value for bar in bars), default=0) or 1
    plot, base, left = 150, 176, 24
    step = (WIDTH - left - 10) / max(len(bars), 1)
    parts = [_open(chart_id, title, _desc(bars), base + 36),
             f'<line x1="{left}" y1="{base}" x2="{WIDTH - 10}" y2="{base}" stroke="{GRID}"/>']
    for i, bar in enumerate(bars):
        x = round(left + i * step + step * 0.15, 1)
        height = round(plot * bar.value / top, 1)
        parts.append(f'<g class="bar-col"><title>{escape(bar.label)}: {bar.value}</title>'
                     f'<rect class="bar" x="{x}" y="{round(base - height, 1)}" '
                     f'width="{round(step * 0.7, 1)}" height="{height}" fill="{BAR}"/>')
        if bar.value:
            parts.append(f'<text x="{round(x + step * 0.35, 1)}" y="{round(base - height - 4, 1)}" '
                         f'text-anchor="middle" font-size="{FONT}" fill="{TEXT}">{bar.value}</text>')
        if i % every == 0:
            parts.append(f'<text x="{round(x + step * 0.35, 1)}" y="{base + 20}" '
                         f'text-anchor="start" font-size="13" fill="{MUTED}">'
                         f'{escape(bar.label)}</text>')
        parts.append("</g>")
    return "".join(parts) + "</svg>"

