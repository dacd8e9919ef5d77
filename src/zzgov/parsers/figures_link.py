"""Figures for a parsed document: run the extractor over each task and section body and
attach every figure to its task (`seq`) or innermost section, with the kind the region
implies (tasks and plan parts: target; review parts: actual; otherwise the sentence decides).
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING, Sequence

import regex

from zzgov.figures.indicators import indicator_for
from zzgov.models import Figure, Section, Task, type_adapter
from zzgov.text.clean import clean

if TYPE_CHECKING:  # the extractor is imported on first use (start-up time)
    from zzgov.figures.extract import RawFigure

# Default figure kind by section part; None lets the extractor read the sentence's cues.
KIND_BY_PART = {"review": "actual", "plan": "target", None: None}
VALIDATE_CHUNK = 4096  # figures validated per call (large enough that calls cost nothing)


class _SectionIndex:
    """The innermost section holding a position, in a few steps.

    Sections come in document order and nest: a section holding the start of a later one is
    one of its ancestors (SectionTree closes a section before the next heading of its level
    or above; banners and page ends only shorten spans). So of the sections starting at or
    before pos, only the last one and its ancestors can hold pos: walk up the parent chain
    from it, never back over siblings (that walk made 8,000 sections closed by a banner and
    8,000 figures after it cost 13 s)."""

    __slots__ = ("sections", "starts", "parents")

    def __init__(self, sections: Sequence[Section]):
        self.sections = sections
        self.starts = [s.span.start for s in sections]
        index_of = {s.id: k for k, s in enumerate(sections)}
        self.parents = [index_of.get(s.parent, -1) if s.parent is not None else -1 for s in sections]

    def innermost(self, pos: int) -> Section | None:
        k = bisect.bisect_right(self.starts, pos) - 1
        while k >= 0:
            s = self.sections[k]
            if s.span.start <= pos < s.span.end:
                return s
            k = self.parents[k]
        return None


class _Union:
    """A set of [start, end) spans as sorted disjoint intervals: membership by bisection,
    not by asking every span (a report can repeat its targets paragraph thousands of times)."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if a >= b:
                continue
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def holds(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]


def _regions(text: str, index: _SectionIndex, tasks: Sequence[Task],
             doc_kind: str, body: tuple[int, int] | None):
    """(start, end, default kind) regions to scan, in document order.

    A notice's task list is scanned as one region (task numbers are masked as breaks by the
    extractor, so figures never read across tasks) and its figures are kept only inside
    tasks: a notice's figures are its tasks' targets. One scan instead of one per task keeps
    the per-call set-up cost off documents with hundreds of tasks."""
    out = []
    text_len = len(text)
    if tasks:
        first = min(t.span.start for t in tasks)
        if doc_kind == "notice" and first > 0:
            # the preamble: a 主要预期目标 paragraph before the task list states targets too
            out.append(((body or (0, text_len))[0], first, "target"))
        last = max(t.span.end for t in tasks)
        # a progress field reports results: from its label to its line's end the figures are
        # actual (`完成情况：全市开展职业技能培训10万人次`, `【序时进度】已建成41座`)
        at = first
        for a, b in _progress_values(text, first, last, tasks) if doc_kind == "notice" else ():
            out.append((at, a, "target"))
            out.append((a, b, "actual"))
            at = b
        out.append((at, last, "target"))
    if doc_kind == "notice":
        if not tasks:
            # a notice with no task list (a 计划 or 方案 printed whole): its text holds the
            # targets, each sentence deciding its kind
            lo, hi = body if body else (0, text_len)
            out.append((lo, hi, None))
        return out
    lo, hi = body if body else (0, text_len)
    # Cut the body at every section start: each piece lies in one innermost section.  And at
    # the end of each heading's line: a heading without a full stop (`二、社会消费潜力持续释放`)
    # is no part of the first sentence under it, which the cleaned view would join to it.
    cuts = {lo, hi} | {s for s in index.starts if lo < s < hi} | _run_in_label_ends(text, lo, hi)
    for sec in index.sections:
        e = text.find("\n", sec.span.start, hi)
        if lo < e and sec.title and clean(text, sec.span.start, e).text.rstrip(" #*").endswith(sec.title):
            cuts.add(e)  # (a line that is the heading and no more: not one wrapped mid-sentence)
    cuts = sorted(cuts)
    for a, b in zip(cuts, cuts[1:]):
        sec = index.innermost(a)
        out.append((a, b, KIND_BY_PART.get(sec.part if sec else None)))
    return out


def _progress_values(text: str, lo: int, hi: int, tasks: Sequence[Task]) -> list[tuple[int, int]]:
    """Where the values of a ledger's progress fields lie in text[lo:hi], in order and apart:
    from each progress label (rules/notice.yaml label_progress) with its colon or brackets to
    its line's end, never past the end of the task it is in (a notice on one line)."""
    ends = sorted((t.span.start, t.span.end) for t in tasks)
    starts = [a for a, _ in ends]
    out: list[tuple[int, int]] = []
    line_end = -1
    for m in _progress_label().finditer(text, lo, hi):
        if out and m.end() < out[-1][1]:
            continue  # a second label inside the value before: read with it
        if m.end() > line_end:  # (a line's end found once, however many labels it holds)
            line_end = text.find("\n", m.end(), hi)
            line_end = hi if line_end == -1 else line_end
        k = bisect.bisect_right(starts, m.start()) - 1
        end = min(line_end, ends[k][1]) if k >= 0 and ends[k][1] > m.start() else line_end
        if end > m.end():
            out.append((m.end(), end))
    return out


@functools.cache
def _progress_label() -> regex.Pattern[str]:
    """A progress label with its colon or brackets, compiled on a notice's first use."""
    from zzgov import rules

    words = sorted(rules.load("notice").words("label_progress"), key=len, reverse=True)
    return regex.compile(r"[【\[]?(?:%s)(?:[】\]][ \t\u3000]*[:：]?|[ \t\u3000]*[:：])" % "|".join(map(regex.escape, words)))


# A statistics bulletin's run-in label: a short line-opening label, a blank, then the
# paragraph (`财政收入 全年财政收入跨越130亿元`, `地区生产总值 初步核算,全年…`).  The label names
# the paragraph, not the first figure's words, which it would otherwise open.
# (matched from the blank, which the scan jumps to, the label looked behind for: a pattern
# opening at each line start tried every line of every document)
RUN_IN_LABEL = regex.compile(
    r"(?m)(?<=^[ \t\u3000]*\p{Han}{2,8})[ \u3000]+(?=(?:全年|年末|年底|年内|初步核算|据初步核算|全[省市县区州旗]|\d{4}年|[上下]半年|1[-—–~至]\d{1,2}月)\p{Han})")


def _run_in_label_ends(text: str, lo: int, hi: int) -> set[int]:
    """Where each run-in label of text[lo:hi] ends (its paragraph begins)."""
    if " " not in text and "\u3000" not in text:
        return set()
    return {m.end() for m in RUN_IN_LABEL.finditer(text, lo, hi)}


def _task_at(task_starts: list[int], tasks: Sequence[Task], pos: int) -> Task | None:
    k = bisect.bisect_right(task_starts, pos) - 1
    if k >= 0 and tasks[k].span.start <= pos < tasks[k].span.end:
        return tasks[k]
    return None


def attach_figures(text: str, sections: Sequence[Section], tasks: Sequence[Task], *, doc_kind: str,
                   body: tuple[int, int] | None = None, headline_spans: Sequence[tuple[int, int]] = (),
                   default_kind: str | None = None, plan_year: int | None = None,
                   extra_spans: Sequence[tuple[int, int]] = (), place: str | None = None) -> list[Figure]:
    """Figure records for a document, in document order, with ids f1, f2, …

    `body` limits scanning to the document body (web chrome excluded); `headline_spans`
    marks figures of a report's 主要预期目标 paragraph; `default_kind` applies where no part
    is known (None: each sentence decides); `plan_year` lets a sentence about an earlier year
    read as a result wherever it stands; `extra_spans` (a news headline and subtitle above
    the body) are scanned too, each sentence deciding its kind; `place` (the document's) is
    left out of the metric names it opens (`四川省地区生产总值` -> 地区生产总值)."""
    from zzgov.figures.extract import extract_prepared, prepare
    from zzgov.figures.place import place_forms
    index = _SectionIndex(sections)
    headlines = _Union(headline_spans)
    ordered = sorted(tasks, key=lambda t: t.span.start)
    task_starts = [t.span.start for t in ordered]
    first_task = task_starts[0] if task_starts else len(text)
    regions = [(a, b, kind) for a, b, kind in _regions(text, index, ordered, doc_kind, body) if b > a]
    # headlines and subtitles above a body: their figures count too (`郑州GDP增长5.4%`)
    lo = min((a for a, _, _ in regions), default=len(text))
    regions = [(a, b, None) for a, b in sorted(extra_spans) if b <= lo and b > a] + regions
    if not regions:
        return []
    # Clean and prepare the scanned range once; each region gets a slice of that.
    prepared = prepare(text, min(a for a, _, _ in regions), max(b for _, b, _ in regions))
    forms = place_forms(place)
    found: list[tuple[RawFigure, Task | None]] = []
    for a, b, kind in regions:
        for raw in extract_prepared(prepared, a, b, default_kind=kind or default_kind, plan_year=plan_year,
                                    place=forms):
            task = _task_at(task_starts, ordered, raw.start) if ordered else None
            if doc_kind == "notice" and task is None and raw.start >= first_task:
                continue  # between tasks: a heading, not a task's target
            found.append((raw, task))
    found.sort(key=lambda rt: (rt[0].start, rt[0].end))
    # Rows are built and validated a chunk at a time, each chunk's dicts dropped as its
    # records are made: a document of 70,000 figures never holds all its rows (~1 KB each).
    # Validated in bulk, a chunk per call: pydantic-core builds and checks every record (spans
    # included) without a Python-level constructor call per figure, twice as fast.
    adapter = type_adapter(list[Figure])
    figures: list[Figure] = []
    for lo in range(0, len(found), VALIDATE_CHUNK):
        rows = [_row(k, raw, task, index, headlines)
                for k, (raw, task) in enumerate(found[lo:lo + VALIDATE_CHUNK], lo + 1)]
        figures += adapter.validate_python(rows)
    return figures


def _row(k: int, raw: RawFigure, task: Task | None, index: _SectionIndex, headlines: _Union) -> dict:
    """The k-th figure of the document as a dict for validation."""
    headline = headlines.holds(raw.start)
    section = index.innermost(raw.start)
    normalized = None
    if raw.normalized_value is not None and raw.normalized_unit:
        normalized = {"value": raw.normalized_value, "unit": raw.normalized_unit}
    return {
        "id": f"f{k}", "metric": raw.metric, "value": raw.value, "value_max": raw.value_max, "unit": raw.unit,
        "comparator": raw.comparator, "direction": raw.direction,
        "kind": "target" if headline else raw.kind,
        "task": task.seq if task else None, "section": section.id if section else None,
        "span": {"start": raw.start, "end": raw.end}, "normalized": normalized, "estimate": raw.estimate,
        "headline": headline,
        "metric_span": {"start": raw.metric_start, "end": raw.metric_end} if raw.metric_start is not None else None,
        "indicator": indicator_for(raw.metric, raw.unit, raw.direction),
    }
