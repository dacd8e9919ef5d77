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
