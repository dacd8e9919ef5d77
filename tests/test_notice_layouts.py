"""Hand-made notices in layouts other than the seed's (tests/fixtures/notices/README.md).

Each fixture's expected parse lists every task field; meta is compared on the keys the
expected file states."""

import json
from pathlib import Path

import pytest

from zzgov.api import parse_text

FIXTURES = Path(__file__).parent / "fixtures" / "notices"
CASES = sorted(p.name[: -len(".expected.json")] for p in FIXTURES.glob("*.expected.json"))
TASK_FIELDS = ("seq", "text", "leaders", "lead_units", "units", "units_open", "deadlines")


def _load(case):
    text = (FIXTURES / f"{case}.txt").read_text(encoding="utf-8")
    expected = json.loads((FIXTURES / f"{case}.expected.json").read_text(encoding="utf-8"))
    return text, expected


@pytest.mark.parametrize("case", CASES)
def test_tasks(case):
    text, expected = _load(case)
    doc = parse_text(text)
    assert doc.kind == "notice"
    got = [{k: getattr(t, k) for k in TASK_FIELDS} for t in doc.tasks]
    assert got == expected["tasks"]


@pytest.mark.parametrize("case", CASES)
def test_meta(case):
    text, expected = _load(case)
    meta = parse_text(text).meta.model_dump()
    assert {k: meta[k] for k in expected["meta"]} == expected["meta"]


@pytest.mark.parametrize("case", CASES)
def test_task_spans_start_at_their_number(case):
    text, _ = _load(case)
    for t in parse_text(text).tasks:
        assert text[t.span.start:t.span.end].lstrip().lstrip("（(").startswith(str(t.seq))


def test_tasks_numbered_in_brackets_make_the_arabic_items_headings():
    text, _ = _load("paren_tasks")
    doc = parse_text(text)
    assert [(s.level, s.label, s.title) for s in doc.sections] == [
        (1, "一", "稳定经济增长"), (3, "1", "扩大有效投资"), (3, "2", "促进消费回补"),
        (1, "二", "保障改善民生"), (3, "1", "稳定扩大就业"),
    ]
    by_id = {s.id: s for s in doc.sections}
    assert [by_id[t.section].title for t in doc.tasks] == ["扩大有效投资", "扩大有效投资", "促进消费回补", "稳定扩大就业"]
