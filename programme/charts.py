"""Charts drawn on the server as inline SVG: no script, no library, readable by a screen reader (each chart has a
title and a description, and the same figures are in the tables). Hand-written rather than pygal: three simple
bar charts do not need a dependency, and inline SVG takes the page's fonts and colours."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .presenters import display

WIDTH = 640
BAR_AREA_LEFT = 8
LABEL_HEIGHT = 34


def _n(number: float) -> str:
    return f"{number:.1f}"


def _svg(*, title: str, height: int, body: SafeString, chart_id: str) -> SafeString:
    return format_html(
        '<svg class="pg-chart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-labelledby="{id}-t" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{title}</title>{body}</svg>',
        w=WIDTH, h=height, id=chart_id, title=title, body=body,
    )  # fmt: skip


def column_chart(*, title: str, labels: list[str], values: list, unit: str, chart_id: str, height: int = 220) -> SafeString:
    """Vertical bars, one per label, each with its figure written above it."""
    top = max([float(value or 0) for value in values] + [0]) or 1.0
    plot = height - LABEL_HEIGHT - 18
    step = (WIDTH - 2 * BAR_AREA_LEFT) / max(len(values), 1)
    bar = step * 0.7
    parts = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = BAR_AREA_LEFT + index * step + (step - bar) / 2
        h = plot * float(value or 0) / top
        y = 18 + plot - h
        parts.append((_n(x), _n(y), _n(bar), _n(h), _n(x + bar / 2), _n(y - 4), display(unit, value), height - LABEL_HEIGHT + 14, label))
    body = format_html_join(
        "", '<g><rect class="pg-bar" x="{}" y="{}" width="{}" height="{}"></rect>'
        '<text class="pg-value" x="{}" y="{}" text-anchor="middle">{}</text>'
        '<text class="pg-label" x="{}" y="{}" text-anchor="middle">{}</text></g>',
        ((x, y, w, h, cx, vy, text, cx, ly, label) for x, y, w, h, cx, vy, text, ly, label in parts),
    )  # fmt: skip
    return _svg(title=title, height=height, body=body, chart_id=chart_id)


def share_chart(*, title: str, rows: list[tuple[str, float | None, int]], chart_id: str) -> SafeString:
    """Horizontal bars of a share (0–100 %) per area with each area's target drawn as a line across its bar."""
    row_height, label_width = 26, 190
    plot = WIDTH - label_width - 70
    height = max(len(rows), 1) * row_height + 24
    parts = []
    for index, (label, share, target) in enumerate(rows):
        y = 20 + index * row_height
        width = plot * (share or 0) / 100
        tx = label_width + plot * target / 100
        parts.append((label_width - 6, y + 15, label, label_width, y + 4, _n(width), _n(label_width + width + 4), y + 15,
                      display("percent", share), _n(tx), y, _n(tx), y + row_height - 2))
    body = format_html_join(
        "", '<g><text class="pg-label" x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect class="pg-bar" x="{}" y="{}" width="{}" height="16"></rect>'
        '<text class="pg-value" x="{}" y="{}">{}</text>'
        '<line class="pg-target" x1="{}" y1="{}" x2="{}" y2="{}"></line></g>',
        parts,
    )  # fmt: skip
    legend = format_html(
        '<text class="pg-legend" x="{}" y="12">{}</text>', label_width, _("Bars: share selling online · line: target")
    )
    return _svg(title=title, height=height, body=legend + body, chart_id=chart_id)
