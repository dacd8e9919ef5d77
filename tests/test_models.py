"""The records: what the contract fixes (field order, defaults, strictness) holds for the
slotted dataclass records as it did for the models they replaced, and they stay slotted."""

from __future__ import annotations

import dataclasses
import json

import pytest
from pydantic import TypeAdapter, ValidationError

from conftest import NOTICE, raw_path
from zzgov.api import parse_path
from zzgov.models import Document, Figure, LeaderSummary, Normalized, Requirement, Section, Span, Task, UnitSummary

MANY_PER_DOCUMENT = (Span, Normalized, Figure, Task, Section, Requirement, LeaderSummary, UnitSummary)

# Field order as ../shared/CONTRACT.md lists it (zzgov's extensions after): JSON output follows it.
CONTRACT_ORDER = {
    Section: ["id", "parent", "level", "label", "title", "span"],
    Task: ["id", "seq", "section", "text", "leaders", "lead_units", "units", "units_open", "deadlines", "span"],
    Figure: ["id", "metric", "value", "value_max", "unit", "comparator", "direction", "kind", "task", "section", "span"],
    UnitSummary: ["name", "aliases", "type", "lead_tasks", "co_tasks"],
    LeaderSummary: ["name", "tasks"],
}


@pytest.fixture(scope="module")
def notice() -> Document:
    return parse_path(raw_path(NOTICE))


SPAN = Span(start=0, end=5)
# one hand-made instance of each record a document holds many of
INSTANCES = {
    Span: SPAN,
    Normalized: Normalized(value=114000.0, unit="人"),
    Figure: Figure(id="f1", value=11.4, unit="万人", comparator="=", kind="target", span=SPAN),
    Task: Task(id="t1", seq=1, text="建设学校。", span=SPAN),
    Section: Section(id="s1", level=1, label="一", title="稳增长", span=SPAN),
    Requirement: Requirement(label="一", title="项目化推进", span=SPAN),
    LeaderSummary: LeaderSummary(name="王明", tasks=[1]),
    UnitSummary: UnitSummary(name="市教育局", lead_tasks=[1]),
}


@pytest.mark.parametrize("cls", MANY_PER_DOCUMENT, ids=lambda c: c.__name__)
def test_records_a_document_holds_many_of_carry_no_instance_dict(cls):
    # no per-record __dict__ (nor pydantic's set of given fields): a 70,000-figure document
    # would otherwise hold ~1.3 KB more per record.  A base class without __slots__ would
    # bring the __dict__ back, so the instance is asked, not the class.
    rec = INSTANCES[cls]
    assert not hasattr(rec, "__dict__")
    with pytest.raises(AttributeError):
        rec.not_a_field = 1


def test_parsed_records_carry_no_instance_dict(notice):
    recs = [notice.tasks[0], notice.tasks[0].span, notice.sections[0], notice.figures[0],
            notice.units[0], notice.leaders[0], *notice.meta.requirements[:1],
            *(f.normalized for f in notice.figures[:5] if f.normalized)]
    assert {type(r) for r in recs} >= {Task, Span, Section, Figure, UnitSummary, LeaderSummary, Normalized}
    for rec in recs:
        assert not hasattr(rec, "__dict__"), type(rec).__name__


@pytest.mark.parametrize("cls", list(CONTRACT_ORDER), ids=lambda c: c.__name__)
def test_fields_keep_the_contract_order_in_records_schema_and_json(cls, notice):
    want = CONTRACT_ORDER[cls]
    assert [f.name for f in dataclasses.fields(cls)][: len(want)] == want
    props = list(Document.model_json_schema()["$defs"][cls.__name__]["properties"])
    assert props[: len(want)] == want
    records = {Section: notice.sections, Task: notice.tasks, Figure: notice.figures,
               UnitSummary: notice.units, LeaderSummary: notice.leaders}[cls]
    dumped = TypeAdapter(cls).dump_python(records[0], mode="json")
    assert list(dumped)[: len(want)] == want


def test_list_defaults_are_fresh_per_record_and_shown_in_the_schema():
    a = Task(id="t1", seq=1, text="建设学校。", span=Span(start=0, end=5))
    b = Task(id="t2", seq=2, text="建设医院。", span=Span(start=6, end=11))
    a.units.append("市教育局")
    assert b.units == [] and LeaderSummary(name="王明").tasks == []
    task_schema = Document.model_json_schema()["$defs"]["Task"]["properties"]
    assert task_schema["units"]["default"] == [] and "span" in Document.model_json_schema()["$defs"]["Task"]["required"]


def test_records_reject_unknown_keys_bad_values_and_reversed_spans():
    figure = {"id": "f1", "value": 11.4, "unit": "万人", "comparator": "=", "kind": "target",
              "span": {"start": 3, "end": 8}}
    assert TypeAdapter(Figure).validate_python(figure).span == Span(start=3, end=8)
    for bad in ({**figure, "colour": "red"}, {**figure, "comparator": "about"},
                {**figure, "span": {"start": 8, "end": 3}}, {**figure, "span": {"start": -1, "end": 3}}):
        with pytest.raises(ValidationError):
            TypeAdapter(Figure).validate_python(bad)
    with pytest.raises(ValidationError):
        Span(start=5, end=2)
    with pytest.raises(ValidationError):
        Section(id="s1", level=0, label="一", title="x", span=Span(start=0, end=1))


def test_dataclass_records_answer_the_model_methods_callers_use(notice):
    fig = notice.figures[0]
    dumped = fig.model_dump()
    assert dumped["span"] == {"start": fig.span.start, "end": fig.span.end} and dumped["id"] == fig.id
    assert Figure.model_validate(dumped) == fig
    assert json.loads(fig.model_dump_json()) == fig.model_dump(mode="json")
    assert notice.tasks[0].model_dump(include={"seq", "lead_units"}) == {
        "seq": notice.tasks[0].seq, "lead_units": notice.tasks[0].lead_units}
    with pytest.raises(ValidationError):
        Span.model_validate({"start": 4, "end": 1})


def test_model_options_dataclass_records_cannot_honour_are_refused_not_ignored():
    task = INSTANCES[Task]
    assert task.model_dump(exclude_defaults=True) == {"id": "t1", "seq": 1, "text": "建设学校。",
                                                      "span": {"start": 0, "end": 5}}
    with pytest.raises(TypeError, match="exclude_defaults"):
        task.model_dump(exclude_unset=True)
    with pytest.raises(TypeError, match="exclude_defaults"):
        task.model_dump_json(exclude_unset=True)
    with pytest.raises(TypeError, match="dict"):
        Span.model_validate(SPAN, from_attributes=True)
