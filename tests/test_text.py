"""The text layer: decoding, lines, cleaned views whose offsets point into the original."""

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzgov.text import DecodeError, clean, decode_bytes, split_lines

SAMPLE = "郑政办〔2020〕29号\n责任单位：市财政局，开发区管\n\n委会\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
)
def test_decodes_the_encodings_government_files_come_in(data, encoding):
    text, enc = decode_bytes(data)
    assert text == SAMPLE
    assert enc == encoding


def test_utf16_without_bom_is_recognised():
    text, enc = decode_bytes("Report 2020 年\n".encode("utf-16-le"))
    assert text == "Report 2020 年\n" and enc == "utf-16-le"


@pytest.mark.parametrize("data, message", [(b"", "empty"), (bytes(range(256)) * 8, "binary")])
def test_unreadable_bytes_raise_a_one_line_error(data, message):
    with pytest.raises(DecodeError, match=message):
        decode_bytes(data)


def test_lines_keep_offsets_with_crlf_and_cr():
    text = "一、总体要求\r\n\r\n1. 建设学校。\r责任领导：王明"
    lines = split_lines(text)
    assert [ln.text for ln in lines] == ["一、总体要求", "1. 建设学校。", "责任领导：王明"]
    assert all(text[ln.start:ln.end] == ln.text for ln in lines)


def test_clean_joins_words_broken_across_blank_lines():
    text = "开发区管\n\n委会"
    c = clean(text)
    assert c.text == "开发区管委会"
    assert c.span(0, len(c.text)) == (0, len(text))
    assert [text[o] for o in c.offsets] == list(c.text)


def test_clean_removes_stray_spaces_inside_tokens():
    assert clean("市 财政局").text == "市财政局"
    assert clean("20 21年").text == "2021年"
    assert clean("11.4 万人").text == "11.4万人"


def test_clean_keeps_spaces_between_ascii_words():
    assert clean("“1 2 4 N”目标").text == "“1 2 4 N”目标"


def test_clean_drops_pinyin_readings_a_conversion_site_prints():
    # `預(yù)計(jì)`: the readings split the words (预计 is a kind cue); offsets still map back
    text = "預(yù)計(jì)地區(qū)生產(chǎn)總值增長5%"
    for keep in (False, True):
        c = clean(text, keep_blanks=keep)
        assert c.text == "預計地區生產總值增長5%"
        assert [text[o] for o in c.offsets] == list(c.text)
    # brackets with no tone mark are no reading: a unit or an abbreviation stays
    assert clean("道路长度(km)和PM2.5(pm)").text == "道路长度(km)和PM2.5(pm)"


def test_pinyin_readings_leave_figures_their_names_and_kinds():
    from zzgov.figures.extract import extract_figures

    f = extract_figures("預(yù)計(jì)全年地區(qū)生產(chǎn)總值增長5.2%。", default_kind=None)[0]
    assert (f.metric, f.kind, f.estimate) == ("地區生產總值", "actual", True)


def test_folded_view_has_the_same_length_and_halfwidth_punctuation():
    c = clean("（一）牵头单位：市财政局．")
    assert len(c.folded) == len(c.text)
    assert c.folded == "(一)牵头单位:市财政局."


def test_keep_blanks_separates_names_but_not_across_line_breaks():
    assert clean("吴福民 史占勇  陈宏伟", keep_blanks=True).text == "吴福民 史占勇 陈宏伟"
    assert clean("吴福\n民", keep_blanks=True).text == "吴福民"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="首页>当前位置:一二、1.（）() 年月日印发", max_size=30))
def test_any_of_matches_and_searches_where_one_of_its_patterns_does(s):

    from zzgov.text.script import any_of, compile_re

    pats = [compile_re(r"^(?P<a>首页|当前位置)\s*[:>]"), compile_re(r"(?:>[^>]+){2,}$"),
            compile_re(r"(?P<a>\p{Han})、"), compile_re(r"\d+\.")]
    both = any_of(*pats)
    assert bool(both.match(s)) == any(p.match(s) for p in pats)
    assert bool(both.search(s)) == any(p.search(s) for p in pats)


def test_any_of_refuses_patterns_with_different_flags():
    import re

    from zzgov.text.script import any_of

    with pytest.raises(ValueError):
        any_of(re.compile("a"), re.compile("b", re.IGNORECASE))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="郑州市2024年1月20日 电讯【】本报讯a", max_size=30))
def test_a_lazy_pattern_answers_as_the_compiled_pattern_does(s):
    """lazy_regex / lazy_re: the same matches, groups, flags and substitutions as compiling up
    front, the source readable before anything is compiled, and nothing compiled until used."""
    import re

    import regex

    from zzgov.text.script import lazy_re, lazy_regex

    source = r"本报讯|(?<=\p{Han})(?P<m>\d{1,2})月\d{1,2}日[电讯]|【[^】\n]{1,12}讯】"
    for lazy, compiled in ((lazy_regex(source), regex.compile(source)),
                           (lazy_re(r"(?P<y>\d{4})年|[电讯]", re.I), re.compile(r"(?P<y>\d{4})年|[电讯]", re.I))):
        assert lazy.pattern == compiled.pattern and "search" not in vars(lazy)
        assert [m.span() for m in lazy.finditer(s)] == [m.span() for m in compiled.finditer(s)]
        assert "search" in vars(lazy)  # compiled once, kept
        assert (lazy.flags, lazy.groupindex, lazy.groups) == (compiled.flags, compiled.groupindex, compiled.groups)
        assert lazy.sub("#", s) == compiled.sub("#", s) and lazy.split(s) == compiled.split(s)
        assert bool(lazy.match(s)) == bool(compiled.match(s)) and bool(lazy.fullmatch(s)) == bool(compiled.fullmatch(s))
    with pytest.raises(AttributeError):
        lazy_re("a").splititer  # what the engine lacks stays missing


# Folding is one character for one: a long string is tested for traditional characters by a
# `re` search instead of a set test (clean._has_traditional); both must give the same answer.
_TRAD_PIECES = ["责任单位", "責任單位", "牽頭", "（", "：", "２０", "𠀀", "𩸃", "𫜦", "\U0001F600", "abc", "\n", "。",
                "市财政局" * 20, "國" + "人" * 300, "𠀀" * 300 + "單"]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(_TRAD_PIECES), max_size=30))
def test_fold_is_one_character_for_one_on_any_text(pieces):
    from zzgov.text.clean import _TRAD, _has_traditional, fold

    s = "".join(pieces)
    assert fold(s) == "".join(fold(ch) for ch in s)
    assert _has_traditional(s) == (not _TRAD.isdisjoint(s))


def test_the_traditional_search_agrees_with_the_set_test_on_the_corpus():
    from pathlib import Path

    from zzgov.text.clean import _TRAD, TRAD_SEARCH_FROM, _has_traditional, fold

    fold("責任單位")  # builds the tables
    assert "單" in _TRAD and "𩸃" in _TRAD  # one BMP and one astral traditional character
    root = Path(__file__).resolve().parents[1]
    files = sorted(root.glob("data/raw/*.txt")) + sorted(root.glob("tests/fixtures/**/*.txt"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    texts += ["𠀀" * TRAD_SEARCH_FROM + "單", "𠀀" * TRAD_SEARCH_FROM, "𩸃" + "人" * TRAD_SEARCH_FROM]
    assert any(not _TRAD.isdisjoint(t) for t in texts) and any(_TRAD.isdisjoint(t) for t in texts)
    for t in texts:
        assert _has_traditional(t) == (not _TRAD.isdisjoint(t))


def test_a_long_text_folds_in_one_scan_as_each_character_alone():
    """_fold_long scans for foldable and traditional characters at once: a compatibility
    ideograph that folds to a traditional character (U+F902 -> 車 -> 车), a traditional character
    after the first hit, an astral character before one, or none at all fold as one by one."""
    from zzgov.text.clean import TRAD_SEARCH_FROM, fold

    pad = "市财政局" * TRAD_SEARCH_FROM
    for s in [pad + "\uf902" + "：", "：" + pad + "單位（", "𠀀" + pad + "單", "𠀀" + pad + "（", pad + "（）",
              "\uf902" * 40, pad]:
        assert len(s) >= TRAD_SEARCH_FROM
        assert fold(s) == "".join(fold(ch) for ch in s), s[-3:]
    assert fold(pad + "\uf902")[-1] == "车" and fold("𠀀" + pad + "單")[-1] == "单"


def test_a_cleaned_slice_maps_back_to_the_offsets_of_its_first_and_last_character():
    # Clean.span reads the runs directly: it answers as the per-character offsets do
    import random

    rnd = random.Random(11)
    for _ in range(3000):
        text = "".join(rnd.choice("ab中文1 \n\u3000\r") for _ in range(rnd.randint(1, rnd.choice((40, 600)))))
        c = clean(text)
        n = len(c.text)
        for _ in range(10):
            i = rnd.randint(0, n)
            j = rnd.randint(0, n)
            if i < j:
                assert c.span(i, j) == (c.offsets[i], c.offsets[j - 1] + 1), (text, i, j)
            elif n:
                k = c.offsets[min(i, n - 1)]
                assert c.span(i, j) == (k, k)
