"""Any text without a recognised layout -> a title and the 一、 / （一） section tree, each
part a heading names (工作情况, 工作计划) marked review or plan.

Used for documents whose kind is unknown, and as the base the report and news parsers
refine.  Headings are short lines opening with a GB/T 9704 marker.
"""

from __future__ import annotations

from zzgov.parsers.base import MetaDraft, ParseResult
from zzgov.parsers.common import HEADING_L1, HEADING_L2, SectionTree
from zzgov.figures.place import place_of
from zzgov.parsers.figures_link import attach_figures
from zzgov.text import clean, fold, split_lines

MAX_HEADING_CHARS = 60  # a longer line opening with 一、 is a sentence, not a heading


def parse_generic(text: str) -> ParseResult:
    lines = split_lines(text)
    meta = MetaDraft()
    if lines:
        meta.title = clean(text, lines[0].start, lines[0].end).text.strip("#* ") or None
    from zzgov.parsers.report import part_of_heading

    tree = SectionTree()
    top_part = None
    for ln in lines:
        f = fold(ln.text)
        m1 = HEADING_L1.match(f)
        m2 = None if m1 else HEADING_L2.match(f)
        m = m1 or m2
        if not m or len(f) > MAX_HEADING_CHARS:
            continue
        title = clean(text, ln.start + m.start("title"), ln.end).text
        label = m["label"] if m1 else f"（{m['label']}）"
        sec = tree.add(1 if m1 else 2, label, title, ln.start, ln.end)
        # a heading saying which part it opens (一、今年以来工作情况 / 二、明年工作计划) gives its
        # figures their kind, as a report's parts do; a subheading follows its part
        if m1:
            top_part = sec.part = part_of_heading(title)
        else:
            sec.part = top_part or part_of_heading(title, strict=True)
    sections = tree.finalize(lines[-1].end if lines else 0)
    figures = attach_figures(text, sections, [], doc_kind="unknown", place=place_of(text, meta))
    return ParseResult(meta=meta, sections=sections, figures=figures)
