"""The speed rewrites of the figure pass keep their answers: each faster form is checked
against the plain form it replaced, on real documents and on hostile little strings."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from zzgov.figures import place

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _documents() -> list[str]:
    paths = sorted((ROOT / "data" / "raw").glob("*")) + sorted((SHARED / "corpus-provinces").glob("*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths if p.is_file()]


def _plain_stems(text: str, level: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"([\u4e00-\u9fff]{2,4}?)%s" % re.escape(level), text)]


LEVELS = ["省", "市", "区", "县", "州", "自治区", "盟", "旗"]


def test_stems_before_a_level_are_the_whole_text_scan():
    docs = _documents()
    assert docs
    seen = 0
    for text in docs:
        for level in LEVELS:
            want = _plain_stems(text, level)
            assert place._stems_before(text, level) == want
            seen += len(want)
    assert seen > 1000  # the documents do name places


@pytest.mark.parametrize("seed", range(3))
def test_stems_before_a_level_on_runs_of_levels(seed):
    # levels inside stems, back to back, at the text's edges, after non-Han characters
    rnd = random.Random(seed)
    alphabet = "市市区自治区省县a1,中国 "
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        for level in ("市", "区", "自治区"):
            assert place._stems_before(text, level) == _plain_stems(text, level), (text, level)


def test_whole_words_are_counted_by_one_scan():
    # one scan counts each word as str.count does when no word is a prefix of another (all
    # start with 全 and hold no other 全, so that is the only way two could overlap)
    _, _, whole = place._table()
    words = list(whole)
    assert all(w.startswith("全") and w.count("全") == 1 for w in words)
    assert not any(a != b and b.startswith(a) for a in words for b in words)
    for text in _documents()[:12]:
        found = place._whole_words(tuple(words)).findall(text)
        assert {w: found.count(w) for w in words} == {w: text.count(w) for w in words}


def _clauses() -> list[str]:
    out = []
    for text in _documents():
        out += [c for c in re.split(r"[,，;；。、\n]", text) if c]
    return out


def test_trail_found_from_the_end_exists_where_the_forward_search_finds_one():
    from zzgov.figures.metric import _table
    from zzgov import rules

    T = _table()
    rule = rules.load("figures_metric").rules["trail"]
    texts = _clauses() + list(rule.examples) + list(rule.counter_examples)
    hits = 0
    for t in texts:
        for lo in range(0, len(t), 7):  # (windows that start inside the clause, as the namer's do)
            for hi in {len(t), len(t) - 1, len(t) - 3}:
                forward = T["trail"].search(t, lo, hi)
                # the REVERSE pattern's match is anchored at hi: one attempt, not a search
                assert (forward is not None) == (T["trail_exists"].match(t, lo, hi) is not None), t[lo:hi]
                hits += forward is not None
    assert hits > 50


def test_the_namer_s_one_character_tests_before_a_rule_decide_as_the_rule():
    # after_figure is at most AFTER_FIGURE_MAX long; ratio_to (fullmatch) ends in 的; share_of
    # opens with 占: the namer tries each only where that holds
    import regex

    from zzgov import rules
    from zzgov.figures import metric

    t = rules.load("figures_metric")
    shape = regex.fullmatch(r"\\G\(\?:([^()\[\]]*)\)\?\[([^\]]*)\]\?\$", t.pattern("after_figure").pattern)
    assert shape, "after_figure changed shape: check AFTER_FIGURE_MAX"
    assert max(len(w) for w in shape.group(1).split("|")) + 1 == metric.AFTER_FIGURE_MAX
    after, ratio, share = t.pattern("after_figure"), t.pattern("ratio_to"), t.pattern("share_of")
    ratios = shares = 0
    for c in _clauses()[:4000] + list(t.rules["ratio_to"].examples) + list(t.rules["share_of"].examples):
        for lo in range(0, len(c), 3):
            for hi in range(lo, min(len(c), lo + 24) + 1):
                if after.match(c[lo:hi]):
                    assert hi - lo <= metric.AFTER_FIGURE_MAX
                if ratio.fullmatch(c, lo, hi):
                    assert c[hi - 1] == "的"
                    ratios += 1
                if share.match(c, lo, hi):
                    assert c[lo] == "占"
                    shares += 1
    assert ratios and shares


def test_a_noun_after_a_unit_needs_a_han_character_a_quote_or_a_number():
    # _right_noun returns before trying `means` and `qualifier` where the first character is
    # none of these: every match of either opens with a Han character or a digit
    from zzgov import rules

    t = rules.load("figures_metric")
    for ex in t.rules["means"].examples:
        assert "\u4e00" <= ex[0] <= "\u9fff"
    for ex in t.rules["qualifier"].examples:
        assert ex[0].isdigit()
    for text in _documents()[:8]:
        for name in ("means", "qualifier"):
            for k in range(len(text)):
                ch = text[k]
                if not ("\u4e00" <= ch <= "\u9fff" or ch in "“\"《" or ch.isdigit()):
                    assert t.pattern(name).match(text, k) is None


def test_review_cues_with_the_narrower_lookahead_are_the_plain_alternation():
    from zzgov import rules

    rule = rules.load("figures_kind").pattern("review_cue")
    body = rule.pattern[rule.pattern.index(")(?:") + 1:]
    import regex

    plain = regex.compile(body, rule.flags)
    text = "\n".join(_documents())
    want = [m.span() for m in plain.finditer(text)]
    assert len(want) > 100
    assert [m.span() for m in rule.finditer(text)] == want


def test_normalize_moves_the_exponent_as_decimal_arithmetic_does():
    from decimal import Decimal

    from zzgov.numbers.magnitude import MAGNITUDE_PREFIXES, normalize

    rnd = random.Random(7)
    values = [0.0, 1.0, 0.1, 0.3, 1.52, 11.4, 2300.0, 9.65, 1e-7, 123456789.123, 1.7976931348623157e308 / 1e20]
    values += [rnd.uniform(0, 10 ** rnd.randint(0, 12)) for _ in range(20000)]
    values += [round(rnd.uniform(0, 10000), rnd.randint(0, 4)) for _ in range(20000)]
    for prefix, factor in MAGNITUDE_PREFIXES:
        for v in values:
            got, base = normalize(v, prefix + "元")
            assert base == "元"
            assert got == float(Decimal(repr(v)) * factor), (v, prefix)
    assert normalize(float("inf"), "万元")[0] == float("inf")


def test_a_word_found_once_per_range_answers_as_a_search_of_each_window():
    from zzgov.figures.extract import _holds, _occurrences

    rnd = random.Random(3)
    for word in ("预计", "aa", "aba"):
        for _ in range(3000):
            s = "".join(rnd.choice("预计ab ") for _ in range(rnd.randint(0, 30)))
            starts = _occurrences(s, word)
            for _ in range(5):
                lo = rnd.randint(0, len(s))
                hi = rnd.randint(lo, len(s))
                assert _holds(starts, len(word), lo, hi) == (s.find(word, lo, hi) != -1), (s, word, lo, hi)


def test_list_labels_with_the_lookbehind_after_the_first_digit_are_the_plain_spelling():
    import regex

    from zzgov import rules
    from zzgov.text import fold

    rule = rules.load("figures_metric").pattern("list_label")
    plain = regex.compile(r"(?<![\d.A-Za-z])\d{1,3}[.、](?![\d])|\(\d{1,2}\)|[①-⑳]", rule.flags)
    texts = [fold(t) for t in _documents()] + ["PM10、PM2.5", "a1.b", "x.12、y", "1234.5、", "(12)③"]
    hits = 0
    for t in texts:
        want = [m.span() for m in plain.finditer(t)]
        assert [m.span() for m in rule.finditer(t)] == want
        hits += len(want)
        for lo in range(0, len(t), 997):  # windows, as the namer scans them
            assert [m.span() for m in rule.finditer(t, lo, lo + 40)] == [m.span() for m in plain.finditer(t, lo, lo + 40)]
    assert hits > 100


def test_a_clause_start_looks_back_no_further_than_its_floor():
    # the clause start a figure's topic is read from is found after `floor` only: the same
    # start as a look back to the text's start, which made a long text of figures and no
    # sentence end quadratic
    from zzgov.figures.metric import _clause_start

    rnd = random.Random(5)
    for _ in range(50000):
        s = "".join(rnd.choice("收入,。;；!?！？5") for _ in range(rnd.randint(0, 16)))
        i = rnd.randint(0, len(s))
        floor = rnd.randint(0, len(s))
        plain = max(floor, max((s.rfind(ch, 0, i) for ch in "。;；!?！？"), default=-1) + 1)
        assert _clause_start(s, i, floor) == plain, (s, i, floor)


def test_candidates_opening_with_the_named_digits_are_the_plain_spelling():
    # CANDIDATE opens with the BMP's decimal digits named by range (and any astral character)
    # instead of \d: the same digits, and the same candidates
    from zzgov.figures import extract as ex
    from zzgov.text import fold

    digits = {chr(z + k) for z in ex._BMP_DIGIT_ZEROS for k in range(10)}
    for cp in range(0x10000):
        ch = chr(cp)
        assert (re.match(r"\d", ch) is not None) == (ch in digits), hex(cp)
    p = ex.CANDIDATE.pattern
    plain = re.compile(r"[\d%s]" % ex._CN + p[p.index("]") + 1:])
    hostile = ["增长٣٫٥%", "新增١٢个", "𝟓万人", "增长𝟓%", "😀5万人😀", "𐒡个", "三万人", "٣亿元和𝟗亿元"]
    texts = [fold(t) for t in _documents()] + hostile
    hits = 0
    for t in texts:
        want = [m.span() for m in plain.finditer(t)]
        assert [m.span() for m in ex.CANDIDATE.finditer(t)] == want, t[:40]
        hits += len(want)
    assert hits > 1000
