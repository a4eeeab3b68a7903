"""Bar charts as inline SVG, made at build time: no script, no library, nothing from another host.

Each chart is an image with a name (role="img", <title> and <desc> named by aria-labelledby) and
text labels; the page shows a table of the same numbers beside it. Colours have at least 4.5:1
contrast on white. In a right-to-left language the chart is mirrored: labels on the right,
bars growing to the left.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

BAR = "#0b5394"  # the theme's brand colour: 7.6:1 on white
TARGET = "#b3261e"  # the theme's accent: 6.2:1 on white
INK = "#1c2430"
LINE = "#4a5563"

WIDTH = 640
ROW = 30  # height of one row
BAR_HEIGHT = 18
PAD = 8
FONT = 14
CHAR = 7.6  # a generous average width of one character at FONT
MAX_LABEL = 36  # longer labels are shortened with "…" (the table has them whole)
VALUE_ROOM = 56  # room for the number after the longest bar


@dataclass(frozen=True)
class Bar:
    item: str  # the key (category, group id, …), kept on the bar for tests and styling
    label: str
    value: int
    target: int | None = None


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def bar_length(value: int, largest: int, room: float) -> float:
    """The length of a bar: proportional to its value, the largest filling `room`."""
    return round(room * value / largest, 2) if largest else 0.0


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: list[Bar],
    *,
    rtl: bool = False,
    target_label: str | None = None,
) -> Markup:
    """An accessible horizontal bar chart; `chart_id` must be unique on the page."""
    label_width = min(MAX_LABEL, max([len(_short(b.label)) for b in bars] or [1])) * CHAR + PAD
    room = WIDTH - 2 * PAD - label_width - VALUE_ROOM
    largest = max([b.value for b in bars] + [b.target or 0 for b in bars] + [0])
    legend = target_label is not None and any(b.target is not None for b in bars)
    height = ROW * len(bars) + 2 * PAD + (ROW if legend else 0)
    # x of the label's end (where its text ends next to the bars) and of the bars' base line
    if rtl:
        label_x, base = WIDTH - PAD, WIDTH - PAD - label_width

        def along(length: float) -> float:
            return base - length

    else:
        label_x, base = PAD, PAD + label_width

        def along(length: float) -> float:
            return base + length

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'direction="{"rtl" if rtl else "ltr"}" font-size="{FONT}" font-family="inherit">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
        f'<line x1="{base}" y1="{PAD}" x2="{base}" y2="{PAD + ROW * len(bars)}" stroke="{LINE}" stroke-width="1"/>',
    ]
    for index, bar in enumerate(bars):
        top = PAD + index * ROW
        middle = top + ROW / 2
        length = bar_length(bar.value, largest, room)
        x = min(base, along(length))
        parts.append(f'<g class="bar-row" data-item="{escape(bar.item)}">')
        parts.append(
            f'<text x="{label_x}" y="{middle}" dominant-baseline="middle" text-anchor="start" fill="{INK}">'
            f"{escape(_short(bar.label))}</text>"
        )
        parts.append(
            f'<rect class="bar" x="{x}" y="{middle - BAR_HEIGHT / 2}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="{BAR}" data-value="{bar.value}"/>'
        )
        if bar.target is not None:
            mark = along(bar_length(bar.target, largest, room))
            parts.append(
                f'<line class="target" x1="{mark}" y1="{top + 2}" x2="{mark}" y2="{top + ROW - 2}" '
                f'stroke="{TARGET}" stroke-width="3" data-value="{bar.target}"/>'
            )
        ends = max(length, bar_length(bar.target or 0, largest, room))
        parts.append(
            f'<text class="value" x="{along(ends + 6)}" y="{middle}" dominant-baseline="middle" '
            f'text-anchor="start" fill="{INK}">{bar.value}</text>'
        )
        parts.append("</g>")
    if legend:
        top = PAD + len(bars) * ROW + 4
        mark = along(0) + (-12 if rtl else 12)
        parts.append(
            f'<line x1="{mark}" y1="{top + 4}" x2="{mark}" y2="{top + ROW - 8}" stroke="{TARGET}" stroke-width="3"/>'
        )
        parts.append(
            f'<text x="{along(24)}" y="{top + (ROW - 4) / 2}" dominant-baseline="middle" text-anchor="start" '
            f'fill="{INK}">{escape(target_label)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
