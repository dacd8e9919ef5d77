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
