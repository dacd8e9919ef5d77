"""Lost `+` signs in quoted slogans: `“1 2 4 N”`, `“人工智能 ”行动`, `“地铁 公交”`.

PDF and web extraction drops the `+` of slogans such as “人工智能+” or “地铁+公交” and leaves
a space; Chinese text has no spaces, so a space inside a short quotation is where a `+`
fell out. Reports and news articles both warn about such sites and put the `+` back in
titles where that is unambiguous.
"""

from __future__ import annotations

from typing import NamedTuple

import regex


# A short quotation (the slogan) and the blanks that stand where a `+` fell out.
QUOTED = regex.compile(r"“(?P<body>[^“”\n]{1,40})”")
# The same quotations, only those with a blank inside (a lookahead, so the matches are
# QUOTED's own): a text quotes hundreds of words, and only those can have lost a `+`.
QUOTED_WITH_GAP = regex.compile(r"“(?=[^“”\n]{0,39}[ \u3000\u00a0])(?P<body>[^“”\n]{1,40})”")
PLUS_GAP = regex.compile(r"[ \u3000\u00a0]+")
HAN = regex.compile(r"\p{Han}")
CODE_TOKEN = regex.compile(r"^(?:\d+|[A-Z])$")  # 1, 10, N: a numeric slogan (`1 2 4 N`)

MAX_PLUS_SITES = 1000  # enough to warn; a pathological text could hold a million


class PlusSite(NamedTuple):
    start: int  # offset of the quoted body in the original text
    end: int
    restored: str | None  # the body with `+` put back, or None when ambiguous


def _padded(body: str) -> bool:
    """`“ 十四五 ”`: blanks on both sides are padding, not a lost `+`."""
    return bool(PLUS_GAP.match(body)) and bool(PLUS_GAP.match(body[-1]))


def _restore_body(body: str) -> str | None:
    """`人工智能 ` → `人工智能+`; `地铁 公交` → `地铁+公交`; `1 2 4 N` → None (ambiguous)."""
    tokens = PLUS_GAP.split(body.lstrip(" \u3000\u00a0"))
    if any(HAN.search(t) for t in tokens):
        return "+".join(tokens)
    return None


def lost_plus(text: str, start: int = 0, end: int | None = None) -> list[PlusSite]:
    """Quoted slogans whose `+` was lost in extraction (one regex pass, at most MAX_PLUS_SITES)."""
    out: list[PlusSite] = []
    for m in QUOTED_WITH_GAP.finditer(text, start, len(text) if end is None else end):
        if len(out) >= MAX_PLUS_SITES:
            break
        site = plus_site(m)
        if site is not None:
            out.append(site)
    return out


def plus_site(m: regex.Match[str]) -> PlusSite | None:
    """The site of a lost `+` in one quotation (a match of QUOTED), or None."""
    body = m["body"]
    if not PLUS_GAP.search(body.lstrip(" \u3000\u00a0")) or _padded(body):
        return None
    tokens = [t for t in PLUS_GAP.split(body) if t]
    trailing = bool(PLUS_GAP.search(body[-1]))
    han = any(HAN.search(t) for t in tokens)
    codes = all(CODE_TOKEN.match(t) for t in tokens)
    if not (han or (codes and len(tokens) > 1)) or (trailing and not han):
        return None
    return PlusSite(m.start("body"), m.end("body"), _restore_body(body))


def restore_plus(s: str) -> str:
    """Put lost `+` back into the quoted slogans of a short string where unambiguous."""
    if "“" not in s:
        return s

    def fix(m: regex.Match[str]) -> str:
        body = m["body"]
        if not PLUS_GAP.search(body.lstrip(" \u3000\u00a0")) or _padded(body):
            return m[0]
        r = _restore_body(body)
        return f"“{r}”" if r is not None else m[0]

    return QUOTED.sub(fix, s)


def plus_warning(sites: list[PlusSite], text: str) -> str | None:
    if not sites:
        return None
    examples = []
    for s in sites:
        q = f"“{text[s.start:s.end]}”"
        if q not in examples:
            examples.append(q)
        if len(examples) == 4:
            break
    fixed = sum(1 for s in sites if s.restored is not None)
    n = f"{len(sites)}+" if len(sites) >= MAX_PLUS_SITES else str(len(sites))
    return (f"'+' signs seem lost in extraction in {n} quoted slogans ({', '.join(examples)}); "
            f"restored in titles where unambiguous ({fixed} of {n})")
