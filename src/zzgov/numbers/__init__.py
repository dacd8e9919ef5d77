"""Numbers as written in Chinese government texts: pure functions on strings.

- arabic: `parse_arabic("1,200")` -> 1200.0 (full-width digits, stray blanks, thousands groups)
- chinese: `parse_chinese("三千五百")` -> 3500.0, `parse_percent_words("百分之五")` -> 5.0,
  `parse_fraction_words("三分之一")`, `parse_digit_sequence("二○三五")` -> 2035.0 (a year)
- magnitude: `normalize(1.52, "万亿元")` -> (1.52e12, "元")
- quantity: `parse_quantity("5~8条")`, `parse_range("5—6")`, `parse_approx("1100多")`
"""

from zzgov.numbers.arabic import MAX_DIGITS, fold_digits, parse_arabic
from zzgov.numbers.chinese import (
    CN_DIGITS,
    CN_NUMERAL_CHARS,
    parse_chinese,
    parse_digit_sequence,
    parse_fraction_words,
    parse_percent_words,
)
from zzgov.numbers.magnitude import MAGNITUDE_PREFIXES, normalize, split_magnitude
from zzgov.numbers.quantity import (
    Quantity,
    parse_approx,
    parse_number,
    parse_quantity,
    parse_range,
    split_chinese_magnitude,
)

__all__ = [
    "CN_DIGITS", "CN_NUMERAL_CHARS", "MAGNITUDE_PREFIXES", "MAX_DIGITS", "Quantity",
    "fold_digits", "normalize", "parse_approx", "parse_arabic", "parse_chinese",
    "parse_digit_sequence", "parse_fraction_words", "parse_number", "parse_percent_words",
    "parse_quantity", "parse_range", "split_chinese_magnitude", "split_magnitude",
]
