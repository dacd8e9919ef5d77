"""Property-based tests (hypothesis): invariants every parse must keep, whatever the text.

- parsing never raises, for any kind;
- every span lies inside the text;
- every figure's span shows its number as written (`text[span]` contains value / value_max);
- task `seq` values are unique, or a warning names the repeated number; record ids are unique;
- parse -> JSON / JSONL / YAML -> `validate_text` finds no problems, and the JSON loads back
  to the same Document;
- parsing the same text twice gives the same bytes.

Texts come from three generators: arbitrary Unicode, fragments of Chinese government
vocabulary (markers 一、 （一） 1. , field labels, units, numbers with units, 公文 elements),
and mutations of a real notice.  The default run is small and deterministic (CI); set
ZZGOV_FUZZ_EXAMPLES=N for N examples per property with fresh randomness, e.g.

    ZZGOV_FUZZ_EXAMPLES=2000 .venv/bin/pytest -q tests/test_properties.py
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import NOTICE, raw_path
from zzgov.api import parse_text
from zzgov.emit import dumps
from zzgov.models import Document
from zzgov.numbers import parse_arabic, parse_chinese, split_chinese_magnitude
from zzgov.numbers.chinese import parse_fraction_words, parse_percent_words
from zzgov.text import clean
from zzgov.validate import validate_text

_FUZZ = os.environ.get("ZZGOV_FUZZ_EXAMPLES")
EXAMPLES = int(_FUZZ) if _FUZZ else 40
settings.register_profile(
    "zzgov",
    max_examples=EXAMPLES,
    deadline=None,  # a long generated text may take a while; hangs are test_hostile's business
    derandomize=not _FUZZ,  # CI: the same examples every run; fuzzing: fresh ones
    database=None,  # nothing written into the tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.load_profile("zzgov")

KINDS = st.sampled_from([None, "notice", "report", "news", "unknown"])

# ---------------------------------------------------------------------------------------
# Text generators

FRAGMENTS = [
    # headings and item markers, both widths
    "一、", "二、", "十二、", "（一）", "(二)", "（十）", "1.", "2、", "3．", "12.", "（1）", "(2)", "一是", "第一，",
    # field labels, full- and half-width colons, brackets
    "责任领导：", "牵头领导:", "牵头单位：", "责任单位：", "配合单位:", "协办单位：", "完成时限：", "时间节点：",
    "【牵头单位】", "（牵头单位：", "；配合单位：", "）", "责任市领导：",
    # names, units, lists
    "王新伟", "吴福民 史占勇", "市发展改革委", "市财政局、住建局", "二七区、金水区政府", "郑东新区管委会",
    "各县（市、区）政府", "市政府各部门", "等有关部门", "等单位", "市发展改革委牵头，市财政局配合。",
    "分别牵头", "列第一位者为牵头单位", "于会游市长主抓重点工作", "序号\t重点工作任务\t牵头单位\t责任单位",
    # numbers and figures
    "增长", "下降", "8%", "11.4万人", "以上", "不低于", "力争", "左右", "百分之五", "三分之一", "1,200亿元",
    "5~8条", "近百万", "3000余张", "２０２０", "1.52万亿元", "6.5%—7%", "20多亿人次", "翻一番", "9" * 40,
    "0.", ".5", "1e9", "−3", "第3", "2.5万亩", "三千五百", "两个百分点",
    # dates and 公文 elements
    "2020年12月底", "二〇二〇年五月二十六日", "2021-01-07 08:39:40", "郑政办〔2020〕29号", "豫政[2021]3号",
    "郑州市人民政府办公厅文件", "关于做好2020年重点工作任务分解的通知", "各县（市、区）人民政府：",
    "抄送：市委各部门。", "郑州市人民政府办公厅 2020年5月26日印发", "附件", "各位代表", "政府工作报告",
    "来源：中原网", "首页 > 时政要闻", "关键词 | 稳中求进", "（上接一版）",
    # punctuation, blanks and damage
    "。", "，", "；", "：", "、", "“", "”", "（", "(", ")", "]", "【", "\n", "\n", "\n", "\r\n", "\r", "\t", "  ",
    "\u3000", "\x00", "\ufeff", "\u2028", "\x0c", "\ufffd", "#", "**",
]

vocab_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=80
).map("".join)

_REAL = raw_path(NOTICE).read_text(encoding="utf-8")


@st.composite
def mutated_notice(draw) -> str:
    """A window of the real notice with a few characters or fragments inserted, deleted or
    swapped (what damaged copies look like)."""
    start = draw(st.integers(0, len(_REAL) - 1))
    s = _REAL[start:start + draw(st.integers(1, 3000))]
    for _ in range(draw(st.integers(0, 8))):
        op = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        i = draw(st.integers(0, len(s)))
        if op == "insert":
            s = s[:i] + draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=3))) + s[i:]
        elif op == "delete":
            s = s[:i] + s[i + draw(st.integers(1, 50)):]
        elif op == "replace" and i < len(s):
            s = s[:i] + draw(st.characters()) + s[i + 1:]
        elif op == "duplicate":
            s = s[:i] + s[i:i + draw(st.integers(1, 200))] * 2 + s[i + 200:]
    return s


any_text = st.one_of(st.text(max_size=300), vocab_text, mutated_notice())

# ---------------------------------------------------------------------------------------
# Invariant checks


_CN = "零〇○一二三四五六七八九十百千万亿两点"
_NUMBER = regex.compile(rf"\d[\d,]*(?:\.\d+)?|百分之[{_CN}]+|[{_CN}]+分之[{_CN}]+|[{_CN}]+")


def numbers_written(s: str) -> list[float]:
    """Every number a string spells, Arabic or Chinese, in any of the forms zzgov reads."""
    out = []
    for m in _NUMBER.finditer(s, overlapped=True):
        w = m.group()
        for read in (parse_arabic, parse_chinese, parse_percent_words, parse_fraction_words,
                     lambda x: parse_chinese(split_chinese_magnitude(x)[0])):
            try:
                v = read(w)
            except Exception:
                v = None
            if v is not None:
                out.append(v)
    return out


def span_shows(text: str, span, value: float) -> bool:
    written = numbers_written(clean(text, span.start, span.end).folded)
    return any(math.isclose(value, v, rel_tol=1e-9, abs_tol=1e-12) for v in written)


def all_spans(doc: Document):
    for k, s in enumerate(doc.sections):
        yield f"sections.{k}", s.span
    for k, t in enumerate(doc.tasks):
        yield f"tasks.{k}", t.span
    for k, f in enumerate(doc.figures):
        yield f"figures.{k}", f.span
    for k, r in enumerate(doc.meta.requirements):
        yield f"meta.requirements.{k}", r.span


def check_invariants(text: str, doc: Document) -> None:
    n = len(text)
    assert doc.source.chars == n
    for where, span in all_spans(doc):
        assert 0 <= span.start <= span.end <= n, f"{where}: span {span} outside the text ({n} chars)"
    for f in doc.figures:
        for v in (f.value, f.value_max):
            if v is not None:
                assert math.isfinite(v), f"{f.id}: value {v}"
                assert span_shows(text, f.span, v), (
                    f"{f.id}: {v} not written in {text[f.span.start:f.span.end]!r}")
    seqs = Counter(t.seq for t in doc.tasks)
    for seq, count in seqs.items():
        if count > 1:
            assert any(regex.search(rf"(?<!\d){seq}(?!\d)", w) for w in doc.warnings), (
                f"task number {seq} appears {count} times and no warning says so: {doc.warnings}")
    for records in (doc.sections, doc.tasks, doc.figures):
        ids = [r.id for r in records]
        assert len(ids) == len(set(ids)), f"duplicate ids: {[i for i, c in Counter(ids).items() if c > 1]}"


# ---------------------------------------------------------------------------------------
# Properties


@given(text=any_text, kind=KINDS)
def test_parsing_never_raises_and_keeps_every_invariant(text, kind):
    doc = parse_text(text, kind=kind)
    check_invariants(text, doc)


@given(text=vocab_text, kind=KINDS)
def test_vocabulary_soup_keeps_every_invariant(text, kind):
    check_invariants(text, parse_text(text, kind=kind))


@given(text=mutated_notice())
def test_mutated_notice_keeps_every_invariant(text):
    check_invariants(text, parse_text(text))


@given(text=any_text, kind=KINDS)
def test_parse_json_validate_round_trips(text, kind):
    doc = parse_text(text, kind=kind)
    for fmt in ("json", "jsonl", "yaml"):
        out = dumps(doc, fmt)
        count, problems = validate_text(f"out.{fmt}", out)
        assert count == 1 and problems == [], [str(p) for p in problems]
    data = json.loads(dumps(doc, "json"), parse_constant=_not_json)
    assert Document.model_validate(data) == doc


@given(text=any_text, kind=KINDS)
def test_parsing_is_deterministic(text, kind):
    assert dumps(parse_text(text, kind=kind), "jsonl") == dumps(parse_text(text, kind=kind), "jsonl")


def _not_json(constant: str):
    raise AssertionError(f"{constant} in JSON output: not JSON")


# A property check must itself be right: it accepts every figure of the real corpus.
def test_span_check_accepts_the_corpus_figures():
    from conftest import RAW
    from zzgov.api import parse_path

    for p in sorted(RAW.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        check_invariants(text, parse_path(p))


def _fold_by_definition(s: str) -> str:
    """The definition `fold` implements faster: each character replaced by its NFKC form
    where that is one character (the ideographic space by a space)."""
    import unicodedata

    def one(ch: str) -> str:
        if ch == "\u3000":
            return " "
        n = unicodedata.normalize("NFKC", ch)
        return n if len(n) == 1 and fold_blocks_hold(ch) else ch

    return "".join(one(ch) for ch in s)


def fold_blocks_hold(ch: str) -> bool:
    from zzgov.text.clean import _FOLD_BLOCKS

    return any(lo <= ord(ch) <= hi for lo, hi in _FOLD_BLOCKS)


# Full-width forms, CJK punctuation, circled numbers and compatibility ideographs mixed with
# ordinary text: the characters fold() touches, and their neighbours it must leave alone.
fold_text = st.text(alphabet=st.one_of(
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),
    st.characters(min_codepoint=0x3000, max_codepoint=0x303F),
    st.characters(min_codepoint=0x2460, max_codepoint=0x24FF),
    st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),
    st.sampled_from("市财政局增长%万亿元 \n"),
    st.characters(),
), max_size=60)


@given(text=fold_text)
def test_fold_maps_each_character_to_its_one_character_nfkc_form(text):
    from zzgov.text import fold

    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == _fold_by_definition(text)


# Line ends of every style, blanks and text: split_lines scans for line bodies; it must give
# exactly the lines of the plain definition (split at line ends, strip, drop empty lines).
line_text = st.text(alphabet=st.sampled_from(list("\r\n\u2028\u2029 \t\u3000\u00a0\ufeff\x00\x0c\x0b\x85\x1cab中文1")),
                    max_size=80)


def _split_lines_reference(text: str, start: int, end: int):
    """The definition: cut text[start:end] at every line end, strip each piece of blanks, keep
    the pieces left non-empty."""
    import re

    from zzgov.text.lines import BLANKS, LINE_ENDS, Line

    out, pos = [], start
    for k, piece in enumerate(re.split("(\r\n|[%s])" % LINE_ENDS, text[start:end])):
        stripped = piece.strip(BLANKS)
        if k % 2 == 0 and stripped:  # odd pieces are the line ends
            ls = pos + len(piece) - len(piece.lstrip(BLANKS))
            out.append(Line(ls, ls + len(stripped), stripped))
        pos += len(piece)
    return out


@given(text=line_text, cut=st.integers(min_value=0, max_value=10))
def test_split_lines_are_the_stripped_non_empty_lines(text, cut):
    from zzgov.text.lines import split_lines

    start, end = min(cut, len(text)), max(len(text) - cut, min(cut, len(text)))
    assert split_lines(text, start, end) == _split_lines_reference(text, start, end)
    assert split_lines(text) == _split_lines_reference(text, 0, len(text))


# Text whose only line end is LF takes split_lines' faster pattern: the same definition.
lf_line_text = st.text(alphabet=st.sampled_from(list("\n \t\u3000\u00a0\ufeff\x00\x0c\x0b\x85ab中文1")), max_size=80)


@given(text=lf_line_text, cut=st.integers(min_value=0, max_value=10))
def test_split_lines_of_lf_text_are_the_stripped_non_empty_lines(text, cut):
    from zzgov.text.lines import split_lines

    start, end = min(cut, len(text)), max(len(text) - cut, min(cut, len(text)))
    assert split_lines(text, start, end) == _split_lines_reference(text, start, end)
    assert split_lines(text) == _split_lines_reference(text, 0, len(text))


# Text with every kind of gap next to digits, ASCII words and Chinese.
gap_text = st.text(alphabet=st.sampled_from(list("\r\n \t\u3000\u00a0\ufeff\x00\u200b\x0c\u2028ab_12.中文市")),
                   max_size=80)


@given(text=gap_text, cut=st.integers(min_value=0, max_value=10), keep=st.booleans(), data=st.data())
def test_clean_view_maps_positions_like_its_offsets(text, cut, keep, data):
    """A Clean keeps its map to the original as runs; offset(), index(), span() and slice()
    must agree with the plain one-int-per-character list of offsets they stand for."""
    from bisect import bisect_left

    start, end = min(cut, len(text)), max(len(text) - cut, min(cut, len(text)))
    c = clean(text, start, end, keep_blanks=keep)
    offs = c.offsets
    assert len(offs) == len(c.text)
    assert all(text[o] == ch for o, ch in zip(offs, c.text) if ch != " ")
    assert [c.offset(i) for i in range(len(offs))] == offs
    for orig in range(start - 1, end + 2):
        assert c.index(orig) == bisect_left(offs, orig)
    i = data.draw(st.integers(min_value=0, max_value=len(offs)))
    j = data.draw(st.integers(min_value=i, max_value=len(offs)))
    sub = c.slice(i, j)
    assert (sub.text, sub.offsets) == (c.text[i:j], offs[i:j])
    if i < j:
        assert c.span(i, j) == (offs[i], offs[j - 1] + 1)



@given(text=gap_text, cut=st.integers(min_value=0, max_value=10))
def test_clean_split_equals_the_gap_by_gap_rule(text, cut):
    """Long ranges are cleaned by one split in C; the gap-by-gap loop states the rule."""
    from zzgov.text.clean import _clean_by_gap, _clean_split

    start, end = min(cut, len(text)), max(len(text) - cut, min(cut, len(text)))
    for a, b in ((0, len(text)), (start, end)):
        fast, ref = _clean_split(text, a, b), _clean_by_gap(text, a, b, False)
        assert (fast.text, fast.offsets, fast.starts) == (ref.text, ref.offsets, ref.starts)
