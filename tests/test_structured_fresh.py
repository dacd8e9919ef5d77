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


def test_fast_serializer_writes_what_json_dumps_writes():
    """dumps() hands models to pydantic-core's writer; its bytes must stay those of the
    standard library's json.dumps on the same data, the format other tools were built on."""
    import json

    for p in sorted(RAW.glob("*.txt")):
        doc = parse_path(p)
        data = doc.model_dump(mode="json")
        assert dumps(doc, "jsonl") == json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
        assert dumps(doc, "json") == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_dumps_bytes_is_dumps_in_utf8():
    """The CLI writes dumps_bytes(); it must be exactly dumps() encoded, in every format."""
    from zzgov.emit import dumps_bytes

    for p in sorted(RAW.glob("*.txt")):
        doc = parse_path(p)
        for fmt in ("json", "jsonl", "yaml"):
            assert dumps_bytes(doc, fmt) == dumps(doc, fmt).encode("utf-8")
