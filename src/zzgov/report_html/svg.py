"""Inline SVG charts for the report: a leaders × lead-units heat map and a stacked bar chart.

Pure functions from plain data to an SVG string (no xmlns: inline SVG in HTML needs none, and
the page must hold no URL).  Text widths are estimated (a CJK character is 1 em, other
characters 0.6 em), which is enough to size label columns.

>>> svg = bar_chart([("市教育局", 3, 1)], group="tasks", doc="d0")
>>> svg.startswith("<svg") and "市教育局" in svg
True
"""

from __future__ import annotations

import json
from typing import Mapping, Sequence

from zzgov.report_html.escape import attr, esc

FONT_SIZE = 12
# Heat-map colours: empty cells, then a ramp from light to dark blue by count / max count.
EMPTY_FILL = "#f7f8fa"
RAMP_LOW = (0xC9, 0xDB, 0xF2)  # one task
RAMP_HIGH = (0x12, 0x3F, 0x7A)  # the busiest pair
LEAD_FILL = "#1f4e8c"  # bars: tasks the unit leads (牵头)
CO_FILL = "#9db8dd"  # bars: tasks the unit shares (责任单位 / 配合)


def text_width(s: str, size: float = FONT_SIZE) -> float:
    """Estimated rendered width of `s` in px: CJK and full-width characters 1 em, others 0.6 em."""
    return sum(size if ord(ch) >= 0x2E80 else size * 0.6 for ch in s)


def clip(s: str, max_width: float = 14 * FONT_SIZE) -> str:
    """`s` cut to fit `max_width` px, with an ellipsis; long names (领导小组…旅游组) would
    otherwise push the chart off the page.  The full name stays in a <title>."""
    if text_width(s) <= max_width:
        return s
    out, width = "", text_width("…")
    for ch in s:
        width += text_width(ch)
        if width > max_width:
            break
        out += ch
    return out + "…"


def _label(x: float, y: float, name: str) -> str:
    shown = clip(name)
    title = f"<title>{esc(name)}</title>" if shown != name else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="end">{title}{esc(shown)}</text>'


def _ramp(t: float) -> str:
    """Colour for a share t of the maximum; square-root scaled so that 1–3 stay apart from 0
    when one pair (市发展改革委 × 吴福民: 25) dominates."""
    t = t ** 0.5
    r, g, b = (round(lo + (hi - lo) * t) for lo, hi in zip(RAMP_LOW, RAMP_HIGH))
    return f"#{r:02x}{g:02x}{b:02x}"


def _filter_set(group: str, values: Mapping[str, str]) -> str:
    """The data-filter-set attribute value: which table filters a click on a chart sets."""
    return json.dumps({"group": group, "values": dict(values)}, ensure_ascii=False, sort_keys=True)


def heatmap(units: Sequence[str], leaders: Sequence[str], counts: Mapping[tuple[str, str], int],
            totals: Mapping[str, int], *, group: str, doc: str) -> str:
    """Rows are lead units, columns leaders; a cell counts the tasks that unit leads under that
    leader.  A final column gives each unit's number of lead tasks.  Clicking a cell filters the
    tasks table to that leader and lead unit."""
    label_w = max((text_width(clip(u)) for u in units), default=40) + 14
    col_w = max(44, max((text_width(name) for name in leaders), default=0) + 12)
    total_w = 44
    head_h, cell_h = 26, 22
    width = round(label_w + col_w * len(leaders) + total_w + 2)
    height = head_h + cell_h * len(units) + 2
    top = max(counts.values(), default=0) or 1
    out = [f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{attr("责任领导 × 牵头单位 热力图")}" font-size="{FONT_SIZE}">']
    for j, leader in enumerate(leaders):
        x = label_w + col_w * j + col_w / 2
        out.append(f'<text x="{x:.1f}" y="{head_h - 8}" text-anchor="middle" font-weight="600">{esc(leader)}</text>')
    out.append(f'<text x="{label_w + col_w * len(leaders) + total_w / 2:.1f}" y="{head_h - 8}" '
               f'text-anchor="middle" fill="#5b6475">合计</text>')
    for i, unit in enumerate(units):
        y = head_h + cell_h * i
        out.append(_label(label_w - 8, y + cell_h / 2 + 4, unit))
        for j, leader in enumerate(leaders):
            n = counts.get((unit, leader), 0)
            x = label_w + col_w * j
            rect = (f'<rect x="{x + 1:.1f}" y="{y + 1}" width="{col_w - 2:.1f}" height="{cell_h - 2}" rx="2" '
                    f'fill="{_ramp(n / top) if n else EMPTY_FILL}"/>')
            if not n:
                out.append(rect)
                continue
            dark = (n / top) ** 0.5 > 0.55
            out.append(
                f'<g class="cell" tabindex="0" role="button" '
                f'data-filter-set="{attr(_filter_set(group, {"leader": leader, "unit": unit, "role": "lead", "doc": doc}))}">'
                f'<title>{esc(f"{leader} · {unit}：牵头 {n} 项任务")}</title>{rect}'
                f'<text x="{x + col_w / 2:.1f}" y="{y + cell_h / 2 + 4:.1f}" text-anchor="middle" '
                f'fill="{"#fff" if dark else "#1d2433"}">{n}</text></g>')
        out.append(f'<text x="{label_w + col_w * len(leaders) + total_w / 2:.1f}" y="{y + cell_h / 2 + 4:.1f}" '
                   f'text-anchor="middle" fill="#5b6475">{totals.get(unit, 0)}</text>')
    out.append("</svg>")
    return "".join(out)


def bar_chart(rows: Sequence[tuple[str, int, int]], *, group: str, doc: str, bar_max: int = 520) -> str:
    """One bar per unit: tasks it leads (dark) stacked with tasks it shares (light), then the two
    numbers.  Clicking a bar filters the tasks table to that unit."""
    label_w = max((text_width(clip(name)) for name, _, _ in rows), default=40) + 14
    row_h, head_h = 20, 6
    top = max((lead + co for _, lead, co in rows), default=0) or 1
    scale = bar_max / top
    width = round(label_w + bar_max + 90)
    height = head_h + row_h * len(rows) + 4
    out = [f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
           f'aria-label="{attr("各单位牵头与参与的任务数")}" font-size="{FONT_SIZE}">']
    for i, (name, lead, co) in enumerate(rows):
        y = head_h + row_h * i
        lw, cw = lead * scale, co * scale
        tip = f"{name}：牵头 {lead} 项，参与 {co} 项"
        out.append(
            f'<g class="bar" tabindex="0" role="button" '
            f'data-filter-set="{attr(_filter_set(group, {"unit": name, "doc": doc}))}"><title>{esc(tip)}</title>'
            f'<rect class="hit" x="0" y="{y}" width="{width}" height="{row_h}" fill="#fff" fill-opacity="0"/>'
            f'{_label(label_w - 8, y + row_h / 2 + 4, name)}'
            f'<rect x="{label_w:.1f}" y="{y + 3}" width="{lw:.1f}" height="{row_h - 6}" fill="{LEAD_FILL}"/>'
            f'<rect x="{label_w + lw:.1f}" y="{y + 3}" width="{cw:.1f}" height="{row_h - 6}" fill="{CO_FILL}"/>'
            f'<text x="{label_w + lw + cw + 6:.1f}" y="{y + row_h / 2 + 4:.1f}" fill="#5b6475">{lead} / {co}</text></g>')
    out.append("</svg>")
    return "".join(out)
