"""data/structured/ is committed; it must be exactly what `make run` writes today."""

import json
import os

from conftest import RAW, STRUCTURED
from zzgov.api import parse_path
from zzgov.batch import parse_one
from zzgov.emit import dumps


def test_structured_outputs_are_fresh(tmp_path, monkeypatch):
    """What `make run` (`zzgov parse data/raw -o data/structured`) writes, byte for byte: the
    records name their sources relative to data/structured (`../raw/…`), so the committed
    files do not depend on where the repository is checked out, nor on the directory a
    later command runs in (tests/test_pipes.py checks both)."""
    monkeypatch.chdir(tmp_path)  # the working directory of the parse does not matter
    raws = sorted(RAW.glob("*.txt"))
    assert raws, "data/raw is empty"
    expected = {p.stem + ".json" for p in raws}
    assert {p.name for p in STRUCTURED.glob("*.json")} == expected
    stale = []
    for p in raws:
        out = parse_one(str(p), None, "json", base=str(STRUCTURED))
        assert out.error is None, out.error
        have = (STRUCTURED / (p.stem + ".json")).read_bytes()
        if out.output != have:
            stale.append(p.name)
        assert json.loads(have)["source"]["path"] == f"../raw/{p.name}"
    assert stale == [], "run `make run` to refresh data/structured/"


def test_fast_serializer_writes_what_json_dumps_writes():
    """dumps() hands models to pydantic-core's writer; its bytes must stay those of the
    standard library's json.dumps on the same data, the format other tools were built on."""
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
