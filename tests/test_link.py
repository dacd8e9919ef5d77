"""Cross-document links: tasks of a notice to the passages of a report that restate them."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from conftest import NOTICE, raw_path
from zzgov.cli import cli
from zzgov.link import PassageIndex, content_view, link_tasks
from zzgov.models import Span, Task

REPORT = "003_99ba95607cb2e136"
# Ground truth: a task is restated when almost all of its wording (>= 90% of its content
# characters) lies in runs of >= 8 characters found verbatim in the report.  This is a
# brute-force substring check, independent of the n-gram index under test.
TRUTH_RUN = 8
TRUTH_COVERAGE = 0.9


def task(seq, text):
    return Task(id=f"t{seq}", seq=seq, text=text, span=Span(start=0, end=1))


def verbatim_coverage(task_text: str, other_view: str, run: int = TRUTH_RUN) -> float:
    words, _ = content_view(task_text)
    covered = [False] * len(words)
    for i in range(len(words) - run + 1):
        if words[i:i + run] in other_view:
            covered[i:i + run] = [True] * run
    return sum(covered) / max(1, len(words))


@pytest.fixture(scope="module")
def report_text():
    return raw_path(REPORT).read_text(encoding="utf-8")


def test_link_001_to_003_precision_and_recall(notice_doc, report_text):
    view, _ = content_view(report_text)
    truth = {t.seq for t in notice_doc.tasks if verbatim_coverage(t.text, view) >= TRUTH_COVERAGE}
    assert truth == set(range(1, 53))  # the issue: 003 restates tasks 1–52
    found = {link.seq for link in link_tasks(notice_doc.tasks, report_text)}
    tp = len(found & truth)
    precision, recall = tp / len(found), tp / len(truth)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall, sorted(found ^ truth))


def test_link_spans_cover_the_restated_wording(notice_doc, report_text):
    tasks = {t.seq: t for t in notice_doc.tasks}
    for link in link_tasks(notice_doc.tasks, report_text):
        passage, _ = content_view(report_text[link.start:link.end])
        words, _ = content_view(tasks[link.seq].text)
        # the passage starts and ends with the task's own wording
        assert passage[:4] in words and passage[-4:] in words
        assert 0.5 <= len(passage) / len(words) <= 1.2


def test_hard_wrapped_restatement_links_with_its_original_span():
    text = "去年成绩显著。\n\n加快建设国家中心\n\n城市，推进郑州都\n市圈一体化发展。\n其他内容另起一段。"
    [link] = link_tasks([task(7, "加快建设国家中心城市，推进郑州都市圈一体化发展。")], text)
    assert link.seq == 7 and link.score == 1.0
    assert text[link.start:link.end] == "加快建设国家中心\n\n城市，推进郑州都\n市圈一体化发展"


def test_light_rewording_still_links_with_a_lower_score():
    text = "做好境外入郑、风险地区返郑和无症状感染者健康服务管理，持续巩固疫情向好态势。"
    [link] = link_tasks([task(2, "做好境外入郑、风险地区返郑和无症状感染者健康管理，持续巩固疫情向好态势。")], text)
    assert 0.8 <= link.score < 1.0


def test_unrelated_or_barely_related_text_does_not_link():
    text = "加快郑州空港型国家物流枢纽建设，力争客货运继续保持中部双第一。"
    tasks = [task(1, "推进机场三期和空港型国家物流枢纽建设。"),  # a shared phrase, not a restatement
             task(2, "深化国有企业改革，制定国企改革三年行动方案。")]
    assert link_tasks(tasks, text) == []


def test_a_long_partial_quote_links():
    body = "推动百家高成长性企业三年倍增发展，新培育专精特新中小企业100家、规模以上企业200家"
    text = f"记者获悉，{body}。"
    [link] = link_tasks([task(33, body + "；大力建设制造业创新中心、工业设计中心。")], text)
    assert 0.4 <= link.score < 0.8


def test_the_index_finds_a_passage_in_a_long_text():
    block = "坚持以人民为中心的发展思想，推动经济社会高质量发展。"
    filler = "".join(f"第{k}项工作稳步推进，成效明显。" for k in range(20000))
    text = filler + "统筹推进总投资2.11万亿元的912个省市重点项目建设，确保完成年度投资。" + block * 2000
    tasks = [task(k, block + f"任务{k}。") for k in range(300)]
    tasks.append(task(999, "统筹推进总投资2.11万亿元的912个省市重点项目建设，确保完成年度投资。"))
    index = PassageIndex(text)
    found = link_tasks(tasks, text, index=index)
    assert 999 in {link.seq for link in found}


def test_link_command_on_001_and_003():
    r = CliRunner().invoke(cli, ["link", str(raw_path(NOTICE)), str(raw_path(REPORT)), "--format", "jsonl"],
                           catch_exceptions=False)
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["task"] for x in rows] == list(range(1, 53))
    assert all(x["other"] == REPORT and x["end"] > x["start"] for x in rows)


def test_link_command_reads_json_output_and_rejects_a_notice_without_tasks(tmp_path):
    runner = CliRunner()
    out = tmp_path / "001.json"
    out.write_text(runner.invoke(cli, ["parse", str(raw_path(NOTICE))]).stdout, encoding="utf-8")
    r = runner.invoke(cli, ["link", str(out), str(raw_path(REPORT)), "--format", "jsonl"])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 52
    r = runner.invoke(cli, ["link", str(raw_path(REPORT)), str(raw_path(NOTICE)), "--format", "jsonl"])
    assert r.exit_code == 1 and "no tasks" in r.stderr


def _innermost_by_walking_back(sections, pos):
    """Reference: the last section, in document order, whose span holds pos."""
    for s in reversed([s for s in sections if s.span.start <= pos]):
        if s.span.start <= pos < s.span.end:
            return s
    return None


def test_section_index_finds_what_walking_back_finds():
    """Every seed and fixture under every kind, and news sections closed by a banner: the
    parent-chain lookup agrees with a walk back over all sections, at every position."""
    from pathlib import Path

    from conftest import RAW
    from zzgov.api import parse_text
    from zzgov.parsers.figures_link import _SectionIndex

    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("fixtures/*/*.txt"))]
    heads = "".join(f"关键词：词{k}\n内容{k}增长{k}%。\n" for k in range(30))
    texts.append("郑州新闻\n\n" + heads + "2020年\n" + "增长5%。\n" * 5)
    checked = 0
    for text in texts:
        for kind in ("notice", "report", "news", "unknown"):
            sections = parse_text(text, kind=kind).sections
            index = _SectionIndex(sections)
            for pos in range(0, len(text), 7):
                assert index.innermost(pos) is _innermost_by_walking_back(sections, pos)
                checked += 1
    assert checked > 10_000


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=12), st.integers(-2, 90))
def test_span_union_holds_what_any_span_holds(raw, pos):
    from zzgov.parsers.figures_link import _Union

    spans = [(a, a + n) for a, n in raw]
    assert _Union(spans).holds(pos) == any(a <= pos < b for a, b in spans)
