"""The documented library face: `import zzgov; zzgov.parse(text)`."""

from __future__ import annotations

import pytest

import zzgov
from tests.conftest import NOTICE, RAW


def test_parse_gives_records_with_spans_into_the_text():
    text = (RAW / f"{NOTICE}.txt").read_text(encoding="utf-8")
    doc = zzgov.parse(text)
    assert isinstance(doc, zzgov.Document) and doc.kind == "notice"
    t = doc.tasks[0]
    assert text[t.span.start:t.span.end].startswith("1.") and t.leaders == ["王新伟"]


def test_parse_path_and_bytes_agree_with_parse():
    p = RAW / f"{NOTICE}.txt"
    a, b = zzgov.parse_path(p), zzgov.parse_bytes(p.read_bytes())
    assert [t.lead_units for t in a.tasks] == [t.lead_units for t in b.tasks]
    assert len(a.tasks) == 146


def test_an_unknown_kind_is_refused_with_the_valid_ones():
    with pytest.raises(ValueError, match="valid kinds: notice, report, news"):
        zzgov.parse("1. 建设学校。", kind="notce")
    assert "notice" in zzgov.KINDS


def test_the_package_ships_its_type_marker():
    from importlib import resources

    assert resources.files("zzgov").joinpath("py.typed").is_file()
