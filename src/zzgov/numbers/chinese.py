"""Chinese numerals: positional (`三千五百`, `十二`, `两`), digit-by-digit (`二○三五`),
percentages (`百分之五`) and fractions (`三分之一`).

>>> parse_chinese("三千五百"), parse_chinese("十二"), parse_chinese("两")
(3500.0, 12.0, 2.0)
"""

from __future__ import annotations

# Digit characters; 〇/○/零 all write zero (`二○三五`, `一百零五`), 两 is 2 before a measure word.
CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "０": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4,
             "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
# Small place values inside a section: 三千五百 = 3*1000 + 5*100.
CN_PLACES = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Section magnitudes: 三万五千 = (3)*10^4 + 5000; 一亿二千万 = 1*10^8 + 2000*10^4.
CN_MAGNITUDES = {"万": 10**4, "亿": 10**8}
CN_NUMERAL_CHARS = frozenset(CN_DIGITS) | frozenset(CN_PLACES) | frozenset(CN_MAGNITUDES)
ZEROS = frozenset("零〇○")
# The numerals of heading markers (一、 （十二）) and of the digits of a written year (二〇二〇年).
HEADING_NUMERAL_CHARS = "零〇○一二三四五六七八九十百两"
DATE_DIGIT_CHARS = "零〇○一二三四五六七八九"


_SMALL_DIGITS = {**{c: i for i, c in enumerate("零一二三四五六七八九")}, "〇": 0, "○": 0, "两": 2}


def small_int(s: str) -> int | None:
    """A heading or date numeral: 一 → 1, 十二 → 12, 二十 → 20, 三十六 → 36, 二〇二〇 → 2020;
    None for anything else.

    >>> small_int("十二"), small_int("二〇二〇"), small_int("甲")
    (12, 2020, None)
    """
    digits = _SMALL_DIGITS
    if not s:
        return None
    if all(c in digits for c in s):
        n = 0
        for c in s:
            n = n * 10 + digits[c]
        return n
    if "百" in s:
        head, _, rest = s.partition("百")
        h = digits.get(head, None) if head else 1
        r = small_int(rest) if rest else 0
        return None if h is None or r is None else h * 100 + r
    if "十" in s:
        head, _, rest = s.partition("十")
        t = digits.get(head, None) if head else 1
        u = digits.get(rest, None) if rest else 0
        return None if t is None or u is None else t * 10 + u
    return None


def _section(s: str) -> int | None:
    """Value of a numeral below 10^4 ("三千五百" -> 3500, "十二" -> 12, "零五" -> 5)."""
    total, digit, last_place = 0, None, 10**5
    for ch in s:
        if ch in CN_DIGITS:
            if digit is not None and CN_DIGITS[ch] != 0 and ch not in ZEROS:
                return None  # two digits in a row: "一一" is not positional
            digit = CN_DIGITS[ch] if ch not in ZEROS else None
        elif ch in CN_PLACES:
            p = CN_PLACES[ch]
            if p >= last_place:
                return None  # "百千" out of order
            total += (1 if digit is None else digit) * p
            digit, last_place = None, p
        else:
            return None
    return total + (digit or 0)


def parse_digit_sequence(s: str) -> float | None:
    """Digit-by-digit numerals, as in years: `parse_digit_sequence("二○三五")` -> 2035.0."""
    if len(s) < 2 or any(ch not in CN_DIGITS for ch in s):
        return None
    return float(int("".join(str(CN_DIGITS[ch]) for ch in s)))


def parse_chinese(s: str) -> float | None:
    """Value of a positional Chinese numeral, or None: `parse_chinese("三万五千")` -> 35000.0.

    Digit sequences such as years (`二○三五`) are not positional and return None here; see
    parse_digit_sequence. Never raises.
    """
    if not s or len(s) > 24 or any(ch not in CN_NUMERAL_CHARS for ch in s):
        return None
    total, rest = 0, s
    for mag_char in ("亿", "万"):
        if mag_char in rest:
            head, _, rest = rest.partition(mag_char)
            if mag_char in rest:
                return None
            if head == "":
                head_val = 1
            else:
                head_val = parse_chinese(head) if ("万" in head) else _section(head)
                if head_val is None:
                    return None
            total += int(head_val) * CN_MAGNITUDES[mag_char]
    if rest:
        v = _section(rest)
        if v is None:
            return None
        # "两万五" style abbreviations ("万五" = 5000) are rare in official texts: not supported.
        total += v
    elif total == 0:
        return None
    if len(s) >= 2 and all(ch in CN_DIGITS for ch in s):
        return None  # "二○三五": a digit sequence, not a positional numeral
    return float(total)


def parse_percent_words(s: str) -> float | None:
    """`百分之五` -> 5.0, `百分之十二点五` -> 12.5; None when not of that form."""
    if not s.startswith("百分之"):
        return None
    return _parse_decimal_words(s[3:])


def parse_fraction_words(s: str) -> float | None:
    """`三分之一` -> 0.333…, `三分之二` -> 0.666…; None when not of that form."""
    den, sep, num = s.partition("分之")
    if not sep or den == "百":
        return None
    d, n = parse_chinese(den), parse_chinese(num)
    if not d or n is None:
        return None
    return n / d


def _parse_decimal_words(s: str) -> float | None:
    """`十二点五` -> 12.5 (点 is the decimal point in words)."""
    whole, sep, frac = s.partition("点")
    w = parse_chinese(whole) if whole else None
    if w is None:
        return None
    if not sep:
        return w
    if not frac or any(ch not in CN_DIGITS for ch in frac):
        return None
    return float(f"{int(w)}.{''.join(str(CN_DIGITS[c]) for c in frac)}")
