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
