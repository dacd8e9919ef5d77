"""Patterns and helpers shared by the document-kind parsers: headings, dates, 发文字号.

All patterns run on width-folded text (`zzgov.text.fold`), so `（一）` and `(一)`, `：` and
`:`, `．` and `.` need no alternatives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from zzgov import rules
from zzgov.models import Section, Span
from zzgov.numbers.chinese import small_int as cn_small_int
from zzgov.text.script import compile_re, lazy_regex

# Heading markers by level (GB/T 9704 order): 一、 → （一） → 1. → （1）.
# Chinese numerals come from numbers/ (the one place numerals are defined) as the rules'
# fragment {{heading_numeral}}: 一、 （十二）.
HEADING_L1 = compile_re(rules.expand(r"^(?P<label>{{heading_numeral}})\s*[、.]\s*(?P<title>.*)$"))
HEADING_L2 = compile_re(rules.expand(r"^\(\s*(?P<label>{{heading_numeral}})\s*\)\s*[、.]?\s*(?P<title>.*)$"))
# 1. / 1、 / 1．(folded to .) — not a decimal (2.5万亩 at a line start is text).
ITEM_ARABIC = compile_re(r"^(?P<label>\d{1,4})\s*(?:[、]|\.(?!\d))\s*(?P<title>.*)$")
ITEM_PAREN = compile_re(r"^\(\s*(?P<label>\d{1,3})\s*\)\s*(?P<title>.*)$")

# 发文字号: 郑政办〔2020〕29号, 豫政[2021]3号, 国办发（2020）12号.
DOC_NUMBER = regex.compile(r"(?P<num>[\p{Han}]{1,12}[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号)")

# Sentence-final punctuation: a line ending in one of these closes a paragraph.
SENTENCE_END = frozenset("。！？!?；;")

# Dates: 2020年5月26日 (digits, possibly with stray spaces) or 二〇二〇年五月二十六日
# (zzgov/data/rules/common.yaml, where every reader's date shape comes from).
DATE_ARABIC = lazy_regex(rules.expand("{{date}}"))
DATE_CHINESE = lazy_regex(rules.expand("{{date_numerals}}"))


def iso_date(s: str) -> str | None:
    """The first date in s as YYYY-MM-DD (`2020年5月26日` → `2020-05-26`)."""
    m = DATE_ARABIC.search(s)
    if m:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    else:
        m = DATE_CHINESE.search(s)
        if not m:
            return None
        y = cn_small_int(m["y"]) or 0
        mo, d = cn_small_int(m["m"]) or 0, cn_small_int(m["d"]) or 0
    return ymd(y, mo, d)


def ymd(y: int, mo: int, d: int) -> str | None:
    """YYYY-MM-DD of a plausible date, else None."""
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


@dataclass
class SectionDraft:
    """A section as a walker finds it, before its record is built: its title and end may still
    grow (a heading wrapped onto the next line, the body up to the next heading) and its part
    be decided; `SectionTree.build` makes each `Section` record once."""

    id: str
    parent: str | None
    level: int
    label: str
    title: str
    start: int
    end: int
    part: str | None = None

    def record(self) -> Section:
        return Section(id=self.id, parent=self.parent, level=self.level, label=self.label, title=self.title,
                       span=Span(start=self.start, end=self.end), part=self.part)


@dataclass
class SectionTree:
    """Section drafts from headings met in document order, numbered by their place in the tree."""

    sections: list[SectionDraft] = field(default_factory=list)
    _stack: list[SectionDraft] = field(default_factory=list)
    _counts: dict[str | None, int] = field(default_factory=dict)

    def add(self, level: int, label: str, title: str, start: int, end: int, part: str | None = None) -> SectionDraft:
        while self._stack and self._stack[-1].level >= level:
            self._stack.pop()
        parent = self._stack[-1] if self._stack else None
        key = parent.id if parent else None
        n = self._counts.get(key, 0) + 1
        self._counts[key] = n
        sid = f"{parent.id}.{n}" if parent else f"s{n}"
        sec = SectionDraft(id=sid, parent=key, level=level, label=label, title=title, start=start, end=end,
                           part=part if part is not None else (parent.part if parent else None))
        self.sections.append(sec)
        self._stack.append(sec)
        return sec

    def current(self) -> SectionDraft | None:
        return self._stack[-1] if self._stack else None

    def close(self, end: int) -> list[SectionDraft]:
        """Stretch each section over its body: up to the next heading of the same or a higher
        level, or to `end` (the end of the region the headings belong to). One pass."""
        open_: list[SectionDraft] = []
        for sec in self.sections:
            while open_ and open_[-1].level >= sec.level:
                done = open_.pop()
                done.end = max(done.end, sec.start)
            open_.append(sec)
        for sec in open_:
            sec.end = max(sec.end, end)
        return self.sections

    def finalize(self, end: int) -> list[Section]:
        """The section records, each built once, after `close(end)`."""
        return [d.record() for d in self.close(end)]
