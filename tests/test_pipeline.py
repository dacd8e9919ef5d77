"""The pipeline builds each record once: nothing is changed after the Document is validated."""

from __future__ import annotations

from zzgov import pipeline


def test_decoder_warnings_come_first_and_the_record_is_built_with_them():
    # a file cut inside its last character, whose only leader is an office: the decoder's
    # repair is reported first, then the reader's doubt about the leader
    data = "1. 建设学校。\n牵头单位：市教育局\n责任领导：常务副市长\n".encode("utf-8")[:-2]
    doc = pipeline.run_bytes(data, kind="notice")
    assert "cut off" in doc.warnings[0]
    assert any("not a person's name" in w for w in doc.warnings[1:])
    assert doc.tasks[0].leaders == [] and doc.tasks[0].lead_units == ["市教育局"]


def test_surrogates_are_replaced_one_for_one_with_a_warning():
    text = "1. 建设\ud800学校。\n牵头单位：市教育局\n"
    doc = pipeline.run(text, kind="notice")
    assert doc.source.chars == len(text)
    assert any("surrogate" in w for w in doc.warnings)
    assert doc.tasks[0].lead_units == ["市教育局"]


def test_the_notice_reader_is_given_the_doc():
    from zzgov import kinds

    assert kinds.KINDS["notice"].reads_doc


def test_a_meta_value_the_record_refuses_warns_during_parse(monkeypatch):
    """Meta is validated when the pipeline builds it, not first by `zzgov validate`: a reader's
    date in the wrong shape is left out with a warning, and the rest of the meta stays."""
    from zzgov.parsers import notice
    from zzgov.validate import validate_text

    monkeypatch.setattr(notice, "iso_date", lambda s: "2020-5-26")  # a reader's slip
    text = "郑州市人民政府办公厅\n2020年5月26日\n1. 建设学校。\n牵头单位：市教育局\n"
    doc = pipeline.run(text, kind="notice")
    assert doc.meta.signed_date is None and "signed_date" not in doc.meta.spans
    assert any(w.startswith("meta signed_date: '2020-5-26' is not valid") for w in doc.warnings)
    assert doc.meta.issuer == "郑州市人民政府办公厅"
    assert validate_text("doc.json", doc.model_dump_json()) == (1, [])


def test_the_meta_draft_builds_one_record_with_its_spans():
    from zzgov.parsers.base import MetaDraft

    draft = MetaDraft()
    draft.set("title", "关于印发…的通知", 3, 12)
    draft.cc.extend(["市委各部门"])
    warnings: list[str] = []
    meta = draft.build(warnings)
    assert (meta.title, meta.cc, meta.spans["title"].start, meta.spans["title"].end) == ("关于印发…的通知", ["市委各部门"], 3, 12)
    assert warnings == [] and MetaDraft().cc == []  # each draft has lists of its own
    import pytest

    with pytest.raises(AttributeError):
        draft.set("titel", "x", 0, 1)


def test_sections_are_built_once_from_their_drafts():
    """A walker grows a section's title and end on its draft (a heading wrapped onto the next
    line); the Section record carries the final values."""
    from zzgov.parsers.report import parse_report

    secs = parse_report("二、2020年政府工作总体要求\n\n和主要预期目标\n\n今年主要预期目标是：增长6%。\n").sections
    assert [(s.title, s.part) for s in secs] == [("2020年政府工作总体要求和主要预期目标", "plan")]
    assert secs[0].span.start == 0
