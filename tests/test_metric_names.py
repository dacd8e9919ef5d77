"""Metric names (issue 19 item 1): the noun phrase naming what a figure measures, with its span.

Cases are shapes of real report and news sentences (the provincial reports and the seeds);
each asserts the name the extractor gives and, where the name is written as one piece,
that metric_start/metric_end point at it in the original text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import GOLD, RAW, read_jsonl
from zzgov.figures import extract_figures
from zzgov.figures.metric import distribute


def metrics(text, kind=None):
    return [(f.value, f.metric) for f in extract_figures(text, default_kind=kind)]


CASES = yaml.safe_load((Path(__file__).with_name("metric_cases.yaml")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, want", [
    pytest.param(c["text"], [tuple(w) for w in c["want"]], id=f"{g['why'][:30]}|{c['text'][:12]}")
    for g in CASES for c in g["cases"]])
def test_metric_names(text, want):
    assert metrics(text) == want


def test_a_noun_between_two_figures_belongs_to_the_count_before_it():
    # "100多个国家及地区的200多个港口": 港口 is what 200 counts; "海拔1500米": 海拔 names the 米
    assert metrics("通达全球100多个国家及地区的200多个港口。")[1] == (200, "港口")
    assert metrics("为100所海拔1500米以上农村学校建设供暖设施。")[1] == (1500, "海拔")


def test_metric_span_points_at_the_words():
    text = "2026年主要预期目标是:全省地区生产总值增长5%左右,城镇新增就业50万人以上。"
    figs = extract_figures(text, default_kind="target")
    assert [text[f.metric_start:f.metric_end] for f in figs] == ["地区生产总值", "城镇新增就业"]
    assert all(f.metric == text[f.metric_start:f.metric_end] for f in figs)


def test_metric_span_survives_line_breaks():
    text = "全市新增城\n镇就业11.4万人。"
    f = extract_figures(text, default_kind="target")[0]
    assert f.metric == "新增城镇就业" and text[f.metric_start:f.metric_end] == "新增城\n镇就业"


def test_distribute_needs_as_many_conjuncts_as_values():
    assert distribute("城镇和农村居民人均可支配收入", 3) is None
    assert distribute("地区生产总值", 2) is None
    assert distribute("PM10、PM2.5年平均", 2) == ["PM10年平均", "PM2.5年平均"]


def test_never_a_verb_adverb_or_connective_on_the_seeds():
    """No figure of the seeds is named by a word that names nothing."""
    from zzgov.api import parse_path

    never = {"推动", "首批", "其中", "年内", "加快推进", "重点抓好", "和", "全市", "全省", "年", "同口径", "投资超"}
    for path in sorted(RAW.glob("*.txt")):
        for f in parse_path(path).figures:
            assert f.metric not in never, (path.name, f.metric, f.value)
            if f.metric:
                assert not f.metric.startswith(("其中", "力争", "确保", "、")), (path.name, f.metric)


def test_eval_reports_metric_f1_and_containment_on_the_dev_gold():
    """`zzgov eval` reports both measures; on the development gold they stay at or above
    what this version reaches (F1 0.959, containment 0.952; two annotators agree at 0.96)."""
    import json

    from click.testing import CliRunner

    from zzgov.cli import cli

    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not beside the repository")
    files = [str(GOLD / n) for n in ("targets_001_a.jsonl", "figures_004.jsonl", "figures_000.jsonl")]
    r = CliRunner().invoke(cli, ["eval", *files, "--docs", str(RAW), "--format", "jsonl"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    total = [json.loads(line) for line in r.stdout.splitlines()][-1]
    assert total["gold"] == "(all)" and total["tp"] == sum(len(read_jsonl(GOLD / n.split("/")[-1])) for n in files)
    assert total["metric_f1"] >= 0.95
    assert total["metric_containment"] >= 0.95


@pytest.mark.parametrize("rule", ["figure_in_item", "list_label"])
def test_number_like_precheck_covers_every_example(rule):
    # name_metric skips these two scans where an item holds no digit or circled number: each
    # rule's examples must hold one, and every match on the seeds too.
    from zzgov import rules
    from zzgov.figures.metric import _NUMBER_LIKE
    r = rules.load("figures_metric").rules[rule]
    assert r.examples
    for ex in r.examples:
        m = r.pattern.search(ex)
        assert m and _NUMBER_LIKE.search(m.group()), ex
    for p in sorted(RAW.glob("*.txt")):
        for m in r.pattern.finditer(p.read_text(encoding="utf-8")):
            assert _NUMBER_LIKE.search(m.group()), (p.name, m.group())


def test_a_bulletins_run_in_label_does_not_open_the_first_figures_name():
    # `财政收入 全年财政收入跨越130亿元`: the line-opening label names the paragraph
    from zzgov.api import parse_text
    text = ("某县2019年国民经济和社会发展统计公报\n一、综合\n"
            "财政收入 全年财政收入跨越90亿元,累计完成96.6亿元,同比增长7%。\n"
            "农业 全年粮食播种面积11.2万公顷,粮食产量85.1万吨。\n")
    doc = parse_text(text, kind="unknown")
    assert [(f.value, f.metric) for f in doc.figures] == [
        (90, "财政收入"), (96.6, "财政收入"), (7, "财政收入"), (11.2, "粮食播种面积"), (85.1, "粮食产量")]


def test_the_documents_own_place_is_left_out_before_a_standard_indicator_only():
    """A report's place (read from its congress line) before a standard indicator is the
    subject, as 全省 is: left out of the name, and the name's span starts after it.  Before
    anything else it is part of a proper name (四川大学, 四川港)."""
    import zzgov

    text = ("——2026年1月20日在四川省第十四届人民代表大会第五次会议上\n"
            "2025年，四川省地区生产总值增长5.8%，四川省实现粮食产量3600万吨，"
            "四川大学新增博士点12个，四川港集装箱吞吐量达到120万标箱。\n")
    doc = zzgov.parse(text, kind="report")
    assert doc.meta.place == "四川省"
    got = {f.value: f for f in doc.figures}
    assert got[5.8].metric == "地区生产总值"
    assert text[got[5.8].metric_span.start:got[5.8].metric_span.end] == "地区生产总值"
    assert got[3600].metric == "粮食产量"
    assert got[12].metric.startswith("四川大学")
    assert got[120].metric.startswith("四川港")
