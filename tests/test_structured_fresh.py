"""data/structured/ is committed; it must be exactly what `make run` writes today."""

import os

from conftest import RAW, ROOT, STRUCTURED
from zzgov.api import parse_path
from zzgov.emit import dumps


def test_structured_outputs_are_fresh():
    os.chdir(ROOT)  # `make run` passes paths relative to the repository root
    raws = sorted(RAW.glob("*.txt"))
    assert raws, "data/raw is empty"
    expected = {p.stem + ".json" for p in raws}
    assert {p.name for p in STRUCTURED.glob("*.json")} == expected
    stale = []
    for p in raws:
        want = dumps(parse_path(os.path.join("data", "raw", p.name)), "json")
        have = (STRUCTURED / (p.stem + ".json")).read_text(encoding="utf-8")
        if want != have:
            stale.append(p.name)
    assert stale == [], "run `make run` to refresh data/structured/"
