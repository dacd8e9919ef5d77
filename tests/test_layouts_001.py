"""The seed notice's 146 gold tasks re-rendered in the layouts real notices use
(tests/layouts/render.py): every layout must read as the seed does, leaders, lead units and
units exact on at least 98% of the tasks.  Detection runs too (no --kind)."""

from __future__ import annotations

import pytest

from tests.layouts.render import GOLD, LAYOUTS, score
from zzgov.api import parse_text

pytestmark = pytest.mark.skipif(not GOLD.exists(), reason="../shared/gold is not beside the checkout")


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layout_reads_like_the_seed(layout):
    exact, total, misses = score(layout, parse_text)
    print(f"{layout}: {exact}/{total}")
    assert exact >= 0.98 * total, f"{layout}: {exact}/{total}; first miss {misses[0] if misses else None}"


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layout_is_detected_as_a_notice(layout):
    text, _ = LAYOUTS[layout](__import__("tests.layouts.render", fromlist=["load_gold"]).load_gold())
    assert parse_text(text).kind == "notice"
