"""Targets vs actuals: metric matching, unit compatibility, comparator-aware verdicts."""

import json

import pytest
from click.testing import CliRunner

from conftest import NOTICE, raw_path
from zzgov.api import parse_path
from zzgov.cli import cli
from zzgov.models import Figure, Normalized, Span
from zzgov.track import match, metric_key, similarity, track, verdict, year_compatible

NEWS_2020 = "004_66ae2ada72c6f6af"


def fig(metric, value, unit, kind="target", comparator="=", direction=None, value_max=None, fid="f", task=None,
        normalized=None):
    return Figure(id=fid, metric=metric, value=value, value_max=value_max, unit=unit, comparator=comparator,
                  direction=direction, kind=kind, task=task, span=Span(start=0, end=1), normalized=normalized)


def actual(metric, value, unit, **kw):
    return fig(metric, value, unit, kind="actual", **kw)


# --- the issue's pairs on hand-built figures ---

@pytest.mark.parametrize("target, got", [
    (fig("新增城镇就业", 11.4, "万人"), actual("完成新增城镇就业", 11.74, "万人")),
    (fig("农村劳动力转移就业", 3.5, "万人"), actual("农村劳动力新增转移就业", 4.6, "万人")),
    (fig("新增公办幼儿园", 100, "所"), actual("新增公立幼儿园", 141, "所")),
    (fig("建成社区卫生服务中心", 62, "个"), actual("政府主导的社区卫生服务中心建成", 62, "家")),
    (fig("回迁安置群众", 10, "万人"), actual("回迁安置群众", 10.2, "万人")),
])
def test_issue_pairs_match_and_are_met(target, got):
    assert similarity(target.metric, got.metric) >= 0.5
    assert match([target], [got]) == {0: (0, similarity(target.metric, got.metric))}
    assert verdict(target, got) == "met"


def test_metric_key_drops_framing_words_only_at_the_ends():
    assert metric_key("完成新增城镇就业") == "新增城镇就业"
    assert metric_key("社区卫生服务中心建成") == "社区卫生服务中心"
    assert metric_key("建成区绿化覆盖率") == "建成区绿化覆盖率"


def test_units_compare_after_magnitudes_and_count_words():
    assert verdict(fig("新增城镇就业", 11.4, "万人"), actual("新增城镇就业", 117400, "人")) == "met"
    assert verdict(fig("新增城镇就业", 11.4, "万人"), actual("新增城镇就业", 113000, "人")) == "not met"
    assert verdict(fig("社区卫生服务中心", 62, "个"), actual("社区卫生服务中心", 61, "家")) == "not met"
    # 万人 against 亿元: not the same quantity
    assert verdict(fig("新增城镇就业", 11.4, "万人"), actual("新增城镇就业", 11.4, "亿元")) == "unknown"
    assert match([fig("新增城镇就业", 11.4, "万人")], [actual("新增城镇就业", 11.4, "亿元")]) == {}


def test_normalized_values_are_used_when_present():
    t = fig("货邮吞吐量", 60, "万吨", normalized=Normalized(value=600000, unit="吨"))
    a = actual("货邮吞吐量", 63, "万吨", normalized=Normalized(value=630000, unit="吨"))
    assert verdict(t, a) == "met"


def test_upper_bound_targets_are_met_by_staying_below():
    cap = fig("煤炭消费量", 2100, "万吨", comparator="<=")
    assert verdict(cap, actual("煤炭消费量", 2050, "万吨")) == "met"
    assert verdict(cap, actual("煤炭消费量", 2150, "万吨")) == "not met"
    pm = fig("PM2.5平均浓度", 56, "微克/立方米", comparator="<=")
    assert verdict(pm, actual("PM2.5平均浓度", 56, "微克/立方米")) == "met"


def test_reduction_targets_need_a_reduction_at_least_as_large():
    down = fig("单位生产总值能耗", 3, "%", direction="down")
    assert verdict(down, actual("单位生产总值能耗", 16, "%", direction="down")) == "met"
    assert verdict(down, actual("单位生产总值能耗", 2, "%", direction="down")) == "not met"
    assert verdict(down, actual("单位生产总值能耗", 2, "%", direction="up")) == "not met"
    assert verdict(down, actual("单位生产总值能耗", 2, "%")) == "unknown"


def test_growth_approx_and_range_targets():
    about = fig("地区生产总值", 7, "%", comparator="~", direction="up")
    assert verdict(about, actual("地区生产总值", 6.8, "%", direction="up")) == "met"
    assert verdict(about, actual("地区生产总值", 3, "%", direction="up")) == "not met"
    assert verdict(about, actual("地区生产总值", 3, "%", direction="down")) == "not met"
    span = fig("新建道路", 5, "条", comparator="range", value_max=8)
    assert verdict(span, actual("新建道路", 6, "条")) == "met"
    assert verdict(span, actual("新建道路", 4, "条")) == "not met"


def test_matching_is_one_to_one_most_similar_first():
    targets = [fig("新增城镇就业", 11.4, "万人", fid="t1"), fig("农村劳动力转移就业", 3.5, "万人", fid="t2")]
    actuals = [actual("农村劳动力新增转移就业", 4.6, "万人", fid="a1"), actual("完成新增城镇就业", 11.74, "万人", fid="a2"),
               actual("受益群众", 70, "万人", fid="a3")]
    got = match(targets, actuals)
    assert {i: k for i, (k, _) in got.items()} == {0: 1, 1: 0}


def test_track_gives_unknown_to_targets_without_actuals():
    targets = [fig("新增城镇就业", 11.4, "万人", fid="t1"), fig("新建地铁线路", 3, "条", fid="t2")]
    pairs = track(targets, [("news", [actual("完成新增城镇就业", 11.74, "万人"), fig("新增城镇就业", 12, "万人")])])
    assert [(p.target.id, p.verdict, p.results) for p in pairs] == [("t1", "met", "news"), ("t2", "unknown", None)]
    assert pairs[0].actual.kind == "actual"  # targets of the results document are not actuals


def test_year_compatibility():
    assert year_compatible(2020, 2020)
    assert not year_compatible(2020, 2021)
    assert year_compatible(2020, None, "2021-01-05T10:00:00")
    assert not year_compatible(2020, None, "2019-12-30T10:00:00")
    assert year_compatible(None, 2019) and year_compatible(2020, None)


# --- end to end: the 2020 plan (001) against the 2020 results news (004) ---

ISSUE_PAIRS = [  # (metric words in the target, target, actual) as the issue lists them
    ("新增城镇就业", (11.4, "万人"), (11.74, "万人")),
    ("农村劳动力转移就业", (3.5, "万人"), (4.6, "万人")),
    ("新增公办幼儿园", (100, "所"), (141, "所")),
    ("社区卫生服务中心", (62, "个"), (62, "家")),
    ("回迁安置群众", (10, "万人"), (10.2, "万人")),
]


@pytest.fixture(scope="module")
def pairs_001_004(notice_doc):
    if not notice_doc.figures:
        pytest.skip("the figure extractor has not landed: 001 has no figures")
    news = parse_path(raw_path(NEWS_2020))
    from zzgov.track import plan_targets

    return track(plan_targets(notice_doc.figures), [(news.id, news.figures)])


@pytest.mark.parametrize("metric, target, got", ISSUE_PAIRS)
def test_track_001_against_004_finds_the_issue_pairs(pairs_001_004, metric, target, got):
    hits = [p for p in pairs_001_004 if p.actual and metric in (p.target.metric or "")
            and (p.target.value, p.target.unit) == target]
    assert len(hits) == 1, [(p.target.metric, p.target.value) for p in pairs_001_004 if p.actual]
    p = hits[0]
    assert (p.actual.value, p.actual.unit) == got
    assert p.verdict == "met"


def test_track_command(notice_doc):
    if not notice_doc.figures:
        pytest.skip("the figure extractor has not landed: 001 has no figures")
    r = CliRunner().invoke(cli, ["track", str(raw_path(NOTICE)), str(raw_path(NEWS_2020)), "--matched-only",
                                 "--format", "jsonl"], catch_exceptions=False)
    assert r.exit_code == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert rows and all(x["actual"] and x["verdict"] in ("met", "not met", "unknown") for x in rows)
    text = raw_path(NEWS_2020).read_text(encoding="utf-8")
    employment = next(x for x in rows if x["target"] == "11.4万人")
    assert text[employment["actual_start"]:employment["actual_end"]] == "11.74万人"
