"""zzgov.numbers: numerals, magnitudes, ranges and approximations as written in government texts."""

import doctest
import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzgov.numbers import (
    Quantity,
    normalize,
    parse_approx,
    parse_arabic,
    parse_chinese,
    parse_digit_sequence,
    parse_fraction_words,
    parse_number,
    parse_percent_words,
    parse_quantity,
    parse_range,
    split_chinese_magnitude,
    split_magnitude,
)


# --- Arabic numerals ---------------------------------------------------------------------------

def test_arabic_decimal():
    assert parse_arabic("11.4") == 11.4


def test_arabic_thousands_separator():
    assert parse_arabic("1,200") == 1200.0


def test_arabic_full_width_digits():
    assert parse_arabic("１２．５") == 12.5


def test_arabic_stray_space_and_line_break_inside_number():
    assert parse_arabic("11. 4") == 11.4
    assert parse_arabic("23\n00") == 2300.0


def test_arabic_refuses_phone_numbers_and_ids():
    assert parse_arabic("1" * 20) is None


def test_arabic_refuses_non_numbers():
    assert parse_arabic("12a") is None
    assert parse_arabic("") is None
    assert parse_arabic("1,20") is None  # a thousands group has three digits


# --- Chinese numerals --------------------------------------------------------------------------

@pytest.mark.parametrize("words, value", [
    ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("三千五百", 3500),
    ("百", 100), ("三万五千", 35000), ("一亿二千万", 120000000),
])
def test_chinese_positional(words, value):
    assert parse_chinese(words) == value


def test_chinese_year_is_a_digit_sequence_not_a_quantity():
    assert parse_chinese("二○三五") is None
    assert parse_digit_sequence("二○三五") == 2035


def test_chinese_two_digits_in_a_row_are_not_positional():
    assert parse_chinese("五一") is None  # 五一国际劳动节


def test_percent_in_words():
    assert parse_percent_words("百分之五") == 5
    assert parse_percent_words("百分之十二点五") == 12.5


def test_fraction_in_words():
    assert parse_fraction_words("三分之一") == pytest.approx(1 / 3)
    assert parse_fraction_words("三分之二") == pytest.approx(2 / 3)


def test_parse_number_takes_either_script():
    assert parse_number("十二") == 12
    assert parse_number("1,200") == 1200


# --- Magnitudes --------------------------------------------------------------------------------

def test_split_magnitude_of_compound_unit():
    assert split_magnitude("万亿元") == (10**12, "元")
    assert split_magnitude("亿美元") == (10**8, "美元")


def test_units_that_start_like_a_magnitude_are_kept_whole():
    assert split_magnitude("千瓦") == (1, "千瓦")
    assert split_magnitude("百分点") == (1, "百分点")
    assert split_magnitude("万千瓦") == (10**4, "千瓦")


def test_normalize_to_base_units():
    assert normalize(1.52, "万亿元") == (1.52e12, "元")
    assert normalize(11.4, "万人") == (114000.0, "人")


def test_normalize_keeps_percent():
    assert normalize(72, "%") == (72.0, "%")


def test_split_chinese_magnitude():
    assert split_chinese_magnitude("百万") == ("百", "万")
    assert split_chinese_magnitude("三千五百") == ("三千五百", "")


# --- Ranges and approximations -----------------------------------------------------------------

@pytest.mark.parametrize("text, lo, hi", [("5~8", 5, 8), ("5—6", 5, 6), ("30至50", 30, 50), ("5-6", 5, 6)])
def test_ranges(text, lo, hi):
    assert parse_range(text) == (lo, hi)


def test_reversed_range_is_not_a_range():
    assert parse_range("2035-2020") is None


def test_approximation_after_number():
    assert parse_approx("1100多") == (1100, ">=")
    assert parse_approx("3000余") == (3000, ">=")


def test_approximation_before_number():
    assert parse_approx("约100") == (100, "~")
    assert parse_approx("近20") == (20, "~")


@pytest.mark.parametrize("text, expected", [
    ("5~8条", Quantity(5, 8, "range", "条")),
    ("5—6个", Quantity(5, 6, "range", "个")),
    ("1100多场", Quantity(1100, None, ">=", "场")),
    ("近百万", Quantity(100, None, "~", "万")),
    ("约100部", Quantity(100, None, "~", "部")),
    ("百分之五", Quantity(5, None, "=", "%")),
    ("3000余张", Quantity(3000, None, ">=", "张")),
    ("9.3 万余套", Quantity(9.3, None, ">=", "万套")),
    ("1.52万亿元", Quantity(1.52, None, "=", "万亿元")),
    ("11.4 万人", Quantity(11.4, None, "=", "万人")),
    ("十二大类", Quantity(12, None, "=", "大类")),
])
def test_parse_quantity(text, expected):
    assert parse_quantity(text) == expected


def test_parse_quantity_of_non_number():
    assert parse_quantity("增长") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,~—至多余近约万亿千百十一二三两○分之% \n元个", max_size=40))
def test_parsers_never_raise(s):
    parse_quantity(s)
    parse_arabic(s)
    parse_chinese(s)
    parse_range(s)
    parse_approx(s)


@pytest.mark.parametrize("module", ["arabic", "chinese", "magnitude", "quantity"])
def test_docstring_examples(module):
    mod = importlib.import_module(f"zzgov.numbers.{module}")
    assert doctest.testmod(mod).failed == 0
