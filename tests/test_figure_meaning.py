"""What each figure means (issue 19): target or actual from the sentence, standard indicators,
the document's place, comparable pairs in `track`, and the `panel` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import RAW, SHARED, raw_path, seed_doc
from zzgov.api import parse_text
import zzgov
from zzgov.cli import cli
from zzgov.figures import extract_figures
from zzgov.figures.indicators import indicator_for, unit_class
from zzgov.figures.place import read_place
from zzgov.models import Figure, Span
from zzgov.track import documents_incomparable, incomparable, reported_year, track

PROVINCES = SHARED / "corpus-provinces"
INDICATORS = Path(__file__).resolve().parents[1] / "src" / "zzgov" / "data" / "indicators.yaml"
needs_indicators = pytest.mark.skipif(not INDICATORS.exists(), reason="data/indicators.yaml not installed")


# --- item 4: target or actual from the sentence ---------------------------------------------

def kinds(text, default, plan_year=2026):
    return [(f.value, f.kind) for f in extract_figures(text, default_kind=default, plan_year=plan_year)]


def test_a_plan_part_looking_back_is_actual_and_its_paragraph_follows():
    text = ("刚刚过去的2025年,全省地区生产总值增长5.8%。规模以上工业增加值增长9.5%。\n"
            "今年,地区生产总值增长5%左右。")
    assert kinds(text, "target") == [(5.8, "actual"), (9.5, "actual"), (5, "target")]


def test_a_target_set_or_fixed_is_a_target_in_a_sentence_of_results():
    # news of 2024: the sentence names 2023's results, and then the target its 2024 clause sets
    news = "海南两会召开:2023年多项指标增速名列全国前茅,2024年将GDP目标定为8%。"
    assert [(f.value, f.kind) for f in extract_figures(news, default_kind=None, plan_year=2024)] == [(8, "target")]
    news = "2022年武汉GDP预计增长4%左右,2023年GDP增长目标定在6.5%以上。"
    assert kinds(news, None, 2023) == [(4, "actual"), (6.5, "target")]


def test_a_result_compared_with_its_target_is_no_plan_and_sets_no_kind_for_what_follows():
    review = ("全年实现生产总值7806.5亿元,增长12.1%。居民消费价格上涨5.9%,高出预期目标1.9个点。"
              "万元GDP水耗下降10.5%。")
    assert kinds(review, "actual") == [(7806.5, "actual"), (12.1, "actual"), (5.9, "actual"), (1.9, "actual"),
                                       (10.5, "actual")]


def test_a_result_better_than_expected_or_above_the_years_target_is_no_plan():
    # a quarter's results compared with what was expected, or with the year's target: no plan
    # word (好于预期, 超过全年目标0.3个百分点, 高于年度预期目标2个百分点), the results stay results
    text = ("一季度,全区主要经济指标增速好于预期,地区生产总值1670.2亿元,同比增长6.1%。"
            "规上工业增加值同比增长7.3%,超过全年目标0.3个百分点。固定资产投资同比增长9%,高于年度预期目标2个百分点。")
    assert [k for _, k in kinds(text, None)] == ["actual"] * 6
    # as a plan word 预期 and 目标 still set targets
    assert kinds("今年主要预期目标是:地区生产总值增长6%左右。", None) == [(6, "target")]


def test_an_undated_article_takes_its_plan_year_from_a_sentence_setting_out_the_work():
    # `提出了 2024 年工作总体要求`: the year written with blanks around it, the plan word 总体要求
    text = "\n".join([
        "江苏省十四届人大二次会议开幕", "",
        "报告回顾了 2023 年工作,同时提出了 2024 年工作总体要求。",
        "2023 年江苏地区生产总值达 12.82 万亿元、增长 5.8%。",
        "今年经济社会发展主要预期目标是地区生产总值增长 5% 以上。", ""])
    doc = parse_text(text, kind="news")
    assert [(f.value, f.kind) for f in doc.figures] == [(12.82, "actual"), (5.8, "actual"), (5, "target")]


def test_an_undated_article_planning_for_this_year_reports_the_year_it_names():
    # no year in the plan sentence (今年…预期目标是), results of 2021 named: the plan is for 2022
    text = "\n".join([
        "政府工作报告解读", "",
        "2021年,我国国内生产总值达到114万亿元,增长8.1%。城镇新增就业1269万人。",
        "今年发展主要预期目标是:国内生产总值增长5.5%左右;城镇新增就业1100万人以上。", ""])
    doc = parse_text(text, kind="news")
    assert [(f.value, f.kind) for f in doc.figures] == [
        (114, "actual"), (8.1, "actual"), (1269, "actual"), (5.5, "target"), (1100, "target")]
    # a year named in a sentence that plans may be the year planned for: it reports nothing
    text = "\n".join(["两会观察", "", "2024年，槐安将新建省实验室2家。",
                       "去年，槐安进出口总额达到860亿元。今年力争实际利用外资增长5%。", ""])
    doc = parse_text(text, kind="news")
    assert [(f.value, f.kind) for f in doc.figures] == [(2, "target"), (860, "actual"), (5, "target")]


def test_review_cues_past_years_and_five_year_reviews_are_actual():
    assert kinds("过去五年,累计新增城镇就业250万人。", "target") == [(250, "actual")]
    assert kinds("预计全年地区生产总值增长6%左右。", "target") == [(6, "actual")]
    assert kinds("2024年,全省粮食产量达到700亿斤。", "target") == [(700, "actual")]
    assert kinds("2026年,全省粮食产量稳定在700亿斤以上。", "target") == [(700, "target")]


def test_a_review_part_stating_a_plan_is_target():
    assert kinds("到2030年,研发经费投入强度达到3%。", "actual") == [(3, "target")]
    # a sentence with cues of both kinds: each figure takes the nearest cue before it
    assert kinds("在去年增长5.4%的基础上,今年力争增长5%。", "actual") == [(5.4, "actual"), (5, "target")]
    assert kinds("在去年增长5.4%的基础上,今年力争增长5%。", "target") == [(5.4, "actual"), (5, "target")]


def test_a_provincial_review_headed_without_a_marker_is_actual():
    path = PROVINCES / "report_甘肃省_2026.txt"
    if not path.exists():
        pytest.skip("../shared/corpus-provinces is not beside the repository")
    text = path.read_text(encoding="utf-8")
    doc = parse_text(text, doc_id=path.stem)
    i = text.index("刚刚过去的2025年")
    review = [f for f in doc.figures if i < f.span.start < text.index("\n", i)]
    assert len(review) > 10
    assert sum(f.kind == "actual" for f in review) / len(review) > 0.95


# --- item 2: standard indicators ------------------------------------------------------------

@needs_indicators
@pytest.mark.parametrize("text, want", [
    ("全省地区生产总值增长5%左右", ["gdp_growth"]),
    ("地区生产总值达到5.67万亿元、增长5.4%", ["gdp", "gdp_growth"]),
    ("经济增长5.5%左右", ["gdp_growth"]),
    ("城镇调查失业率5.5%以内,城镇新增就业50万人以上", ["surveyed_unemployment_rate", "new_urban_jobs"]),
    ("居民消费价格涨幅2%左右", ["cpi"]),
    ("常住人口城镇化率提高1个百分点", ["urbanization_rate"]),
    ("粮食产量稳定在1955万吨以上", ["grain_output"]),
    ("城镇和农村居民人均可支配收入分别增长4.5%和5.5%", ["urban_income_growth", "rural_income_growth"]),
    # not an indicator: a project count, a comparison with the national rate
    ("新建省级研发平台209家", [None]),
    ("地区生产总值增长4.7%、低于全国0.3个百分点", ["gdp_growth", None]),
])
def test_figures_stating_a_standard_indicator_name_it(text, want):
    assert [indicator_for(f.metric, f.unit, f.direction) for f in extract_figures(text, default_kind="target")] == want


def test_unit_classes():
    assert [unit_class(u) for u in ("万亿元", "亿美元", "万人", "万人次", "%", "个百分点", "微克/立方米", "家")] == [
        "currency", "currency", "persons", "person_times", "percent", "percent_point", "concentration", "count"]


@needs_indicators
def test_parsed_figures_carry_their_indicator():
    doc = seed_doc("002_dd6a1c3c8da025d0")
    by = {(f.indicator, f.kind) for f in doc.figures if f.indicator}
    assert ("gdp_growth", "target") in by and ("gdp_growth", "actual") in by
    assert ("new_urban_jobs", "target") in by
    assert sum(f.indicator is None for f in doc.figures) > len(doc.figures) / 2  # most figures are no indicator


# --- Meta.place -----------------------------------------------------------------------------

def test_place_from_the_document():
    assert seed_doc("001_87fdf972b4e7a4f0").meta.place == "郑州市"
    assert seed_doc("002_dd6a1c3c8da025d0").meta.place == "郑州市"
    assert read_place("——2026年1月27日在贵州省第十四届\n人民代表大会第四次会议上") == "贵州省"
    assert read_place("我代表广西壮族自治区人民政府,向大会报告工作") == "广西壮族自治区"
    assert read_place("杭州市余杭区人民政府区长 某某") == "杭州市余杭区"
    # a page naming its counties once or twice does not become a county's
    assert read_place("支持荥阳市、巩义市、新密市发展。全市经济…") is None


def test_place_named_by_a_provinces_short_name_only():
    # news that names its province short, in any script, and no place in full
    news = ("7月28日,省人大常委会听取报告,上半年贵州完成生产总值3780亿元,同比增长10.8%。"
            "今年上半年,贵州主要经济指标增速继续位居全国前列,贵州固定资产投资增长24.6%。")
    assert read_place(news) == "贵州省"
    doc = zzgov.parse(news)
    assert doc.meta.place == "贵州省"
    assert [f.metric for f in doc.figures][:1] == ["生产总值"]  # not 贵州完成生产总值
    assert read_place("一季度,西藏全區生產總值完成238億元。西藏穩增長…西藏稅收收入58億元。") == "西藏自治区"
    # news comparing provinces names none of them
    assert read_place("天津定为4.5%,海南上调为6%。天津…海南…天津…海南…新疆10%。") is None
    # a city's or a new area's text names its province often, yet is not about it
    assert read_place("兰州新区召开工作会议。甘肃日报讯…甘肃…全省…甘肃…") is None
    assert read_place("全市生产总值增长6%。河南…河南…河南…") is None
    assert read_place("当代贵州 关键词:遵义市建设。遵义市桐梓县脱贫…贵州首个…遵义市经济…贵州") == "遵义市"


def test_place_of_a_city_named_in_full_and_left_out_of_its_measures():
    # no 全市: the city named in full, far more than any other, in the text's own script
    assert read_place("上半年,西寧市堅持穩中求進。西寧市實現…西寧市第三產業…") == "西寧市"
    assert read_place("包抓县级领导…包抓县级领导…包抓县级领导") is None  # 县级: a level, no place
    news = ("一季度,长沙县经济运行稳中有进。长沙县一季度GDP增长8.1%,长沙县规模以上工业增加值增长9.3%。"
            "长沙县户籍的新生儿进行听力筛查1.2万人次。")
    doc = zzgov.parse(news)
    assert doc.meta.place == "长沙县"
    # a measure after the place named in full loses it; a phrase that is no measure keeps it
    assert [f.metric for f in doc.figures][:2] == ["一季度GDP", "规模以上工业增加值"]
    assert doc.figures[-1].metric.startswith("长沙县户籍")
    # the province fallback refuses it too
    assert read_place("海南省规模以上制造业增加值增长21.8%。海南…海南…海南") == "海南省"


def test_place_of_every_provincial_report():
    if not PROVINCES.is_dir():
        pytest.skip("../shared/corpus-provinces is not beside the repository")
    for path in sorted(PROVINCES.glob("report_*.txt")):
        want = path.stem.split("_")[1]
        assert read_place(path.read_text(encoding="utf-8")) == want, path.name


# --- item 6: track pairs only comparable figures --------------------------------------------

def fig(metric, value, unit, kind="target", direction=None, indicator=None, comparator="="):
    return Figure(id="f", metric=metric, value=value, unit=unit, comparator=comparator, direction=direction,
                  kind=kind, span=Span(start=0, end=1), indicator=indicator)


@pytest.mark.parametrize("target, got", [
    # the three: an energy-intensity cut is not output growth; a share is not a growth
    (fig("规模以上工业增加值能耗", 4, "%", direction="down", comparator=">="),
     fig("规上工业增加值", 9, "%", kind="actual", direction="up")),
    (fig("战略性新兴产业比重", 25, "%", comparator=">="),
     fig("战略性新兴产业增加值", 14.9, "%", kind="actual", direction="up")),
    (fig("地区生产总值", 5, "%", direction="up", indicator="gdp_growth"),
     fig("地区生产总值", 5.67, "万亿元", kind="actual", indicator="gdp")),
    (fig("城镇居民人均可支配收入", 5, "%", direction="up", indicator="urban_income_growth"),
     fig("农村居民人均可支配收入", 6, "%", kind="actual", direction="up", indicator="rural_income_growth")),
])
def test_incompatible_figures_never_pair(target, got):
    assert incomparable(target, got)
    [p] = track([target], [("results", [got])])
    assert p.actual is None and p.verdict == "unknown" and "not comparable" in p.reason


def test_the_same_indicator_pairs_across_different_words():
    t = fig("经济增长", 5, "%", direction="up", indicator="gdp_growth", comparator="~")
    a = fig("全省地区生产总值", 5.4, "%", kind="actual", direction="up", indicator="gdp_growth")
    [p] = track([t], [("r", [a])])
    assert p.actual is a and p.verdict == "met" and p.similarity == 1.0


def test_results_years_and_places():
    plan = seed_doc("001_87fdf972b4e7a4f0")  # 2020 plan of 郑州市
    assert reported_year(seed_doc("002_dd6a1c3c8da025d0")) == 2025  # a 2026 report reviews 2025
    assert reported_year(seed_doc("004_66ae2ada72c6f6af")) == 2020  # news of January 2021
    assert "2025" in documents_incomparable(plan, seed_doc("002_dd6a1c3c8da025d0"))
    assert documents_incomparable(plan, seed_doc("004_66ae2ada72c6f6af")) is None
    if PROVINCES.is_dir():
        other = parse_text((PROVINCES / "report_江苏省_2026.txt").read_text(encoding="utf-8"))
        assert "江苏省" in documents_incomparable(plan, other)


def test_track_and_the_report_pair_documents_by_one_rule():
    """`zzgov track` (documents_incomparable) and the HTML report (report_rank) agree on which
    results document can report on a plan: news of June 2022 holds no 2020 results."""
    from zzgov.track import report_rank

    plan = seed_doc("001_87fdf972b4e7a4f0")
    news = seed_doc("004_66ae2ada72c6f6af")
    late = news.model_copy(update={"meta": news.meta.model_copy(update={"year": None, "published": "2022-06-01T09:00:00"})})
    early = news.model_copy(update={"meta": news.meta.model_copy(update={"year": None, "published": "2021-02-01T09:00:00"})})
    elsewhere = news.model_copy(update={"meta": news.meta.model_copy(update={"place": "洛阳市"})})
    for results, ok in ((news, True), (early, True), (late, False), (elsewhere, False),
                        (seed_doc("002_dd6a1c3c8da025d0"), False)):
        assert (documents_incomparable(plan, results) is None) == ok, results.meta
        assert (report_rank(plan, results) is not None) == ok, results.meta


def _assert_pairs_comparable(pairs):
    for p in pairs:
        if p.actual is not None:
            assert incomparable(p.target, p.actual) is None, (p.target.metric, p.actual.metric)
            assert (p.target.direction or None) == (p.actual.direction or None) or p.target.indicator
            if p.target.indicator and p.actual.indicator:
                assert p.target.indicator == p.actual.indicator


def test_no_pair_between_incompatible_figures_on_the_seeds_and_provinces():
    from zzgov.track import plan_targets

    plan = seed_doc("001_87fdf972b4e7a4f0")
    news = seed_doc("004_66ae2ada72c6f6af")
    pairs = track(plan_targets(plan.figures), [(news.id, news.figures)])
    assert sum(p.actual is not None for p in pairs) >= 5
    _assert_pairs_comparable(pairs)
    # 战略性新兴产业比重 ≥25% never meets a growth rate
    for p in pairs:
        if p.actual is not None and p.target.direction is None and p.target.unit == "%":
            assert p.actual.direction is None
    if PROVINCES.is_dir():
        for path in sorted(PROVINCES.glob("report_*.txt"))[:10]:
            doc = parse_text(path.read_text(encoding="utf-8"), doc_id=path.stem)
            # a report's targets against its own review: different years, but every pair the
            # matcher makes must still be between comparable figures
            _assert_pairs_comparable(track(plan_targets(doc.figures), [(doc.id, doc.figures)]))


def test_track_command_skips_another_year_and_gives_reasons():
    r = CliRunner().invoke(cli, ["track", str(raw_path("001_87fdf972b4e7a4f0")), str(raw_path("004_66ae2ada72c6f6af")),
                                 str(raw_path("002_dd6a1c3c8da025d0")), "--format", "jsonl"], catch_exceptions=False)
    assert r.exit_code == 0
    assert "reports on 2025, not the plan year 2020; skipped" in r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert {x["results"] for x in rows} <= {"004_66ae2ada72c6f6af", None}
    assert all(x["reason"] for x in rows if x["verdict"] == "unknown")


# --- item 3: the panel ------------------------------------------------------------------------

@needs_indicators
def test_panel_puts_the_2020_zhengzhou_targets_next_to_the_2020_actuals_of_004():
    r = CliRunner().invoke(cli, ["panel", str(RAW), "--format", "jsonl"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    cell = {(x["place"], x["year"], x["indicator"]): x for x in rows}
    jobs = cell[("郑州市", 2020, "new_urban_jobs")]
    assert (jobs["target_value"], jobs["target_unit"], jobs["target_comparator"]) == (11.4, "万人", "=")
    assert (jobs["actual_value"], jobs["actual_unit"], jobs["actual_document"]) == (11.74, "万人", "004_66ae2ada72c6f6af")
    transfer = cell[("郑州市", 2020, "rural_labor_transfer")]
    assert (transfer["target_value"], transfer["actual_value"]) == (3.5, 4.6)
    # spans point into the original texts
    for side in ("target", "actual"):
        text = raw_path(jobs[f"{side}_document"]).read_text(encoding="utf-8")
        assert text[jobs[f"{side}_start"]:jobs[f"{side}_end"]].startswith(str(jobs[f"{side}_value"]))
    # the 2026 report's targets are 2026's; its review is 2025's
    assert cell[("郑州市", 2026, "gdp_growth")]["target_comparator"] in (">=", "~", "=")
    assert cell[("郑州市", 2025, "gdp_growth")]["actual_value"] == 5.4
    assert len({(x["place"], x["year"], x["indicator"]) for x in rows}) == len(rows)


@needs_indicators
def test_panel_formats():
    for fmt in ("csv", "json", "jsonl"):
        r = CliRunner().invoke(cli, ["panel", str(raw_path("002_dd6a1c3c8da025d0")), "--format", fmt])
        assert r.exit_code == 0 and "gdp_growth" in r.stdout
    r = CliRunner().invoke(cli, ["panel", str(raw_path("002_dd6a1c3c8da025d0")), "--format", "table"])
    assert r.exit_code == 0 and "panel" in r.stdout
    r = CliRunner().invoke(cli, ["panel", "no/such/file.txt"])
    assert r.exit_code == 1 and "Traceback" not in r.output


# --- item 5: every part scanned ---------------------------------------------------------------

NOTICE_WITH_TARGETS = """某市人民政府办公厅关于印发2026年重点工作任务分解方案的通知
各县(市、区)人民政府,市人民政府各部门:
2026年全市经济社会发展的主要预期目标是:地区生产总值增长5%左右,城镇新增就业12万人以上。现将任务分解如下:
1. 加快建设新增高新技术企业500家。
责任单位:市科技局
2. 新建5G基站5000个。
责任单位:市工信局
"""

NEWS_WITH_HEADLINE = """某市:2025年全市生产总值增长5.4%
——城镇新增就业14.2万人
2026-01-20 09:00:00 来源:某市日报
本报讯 1月19日,记者从市统计局获悉,2025年全市规模以上工业增加值增长9%,社会消费品零售总额增长5%。今年,全市将力争地区生产总值增长5%左右。
"""


def test_a_notice_preamble_states_targets():
    doc = parse_text(NOTICE_WITH_TARGETS, kind="notice")
    pre = [(f.metric, f.value, f.kind, f.task) for f in doc.figures if f.task is None]
    assert pre == [("地区生产总值", 5, "target", None), ("城镇新增就业", 12, "target", None)]
    assert [(f.task, f.value) for f in doc.figures if f.task is not None] == [(1, 500), (2, 5000)]


def test_news_headline_and_subtitle_figures_are_scanned():
    doc = parse_text(NEWS_WITH_HEADLINE, kind="news")
    got = [(f.metric, f.value, f.kind) for f in doc.figures]
    assert ("生产总值", 5.4, "actual") in got  # the headline, about 2025 in a 2026 article
    assert any(m == "城镇新增就业" and v == 14.2 for m, v, _ in got)  # the subtitle
    assert ("规模以上工业增加值", 9, "actual") in got and ("地区生产总值", 5, "target") in got
    head = NEWS_WITH_HEADLINE.index("\n")
    assert [f.span.start < head for f in doc.figures].count(True) == 1


def test_a_notice_without_a_task_list_and_a_report_on_one_line_still_give_their_figures():
    """A 计划 printed whole in a notice (咸阳 2023) and a report page whose line breaks were
    lost (盐田 2012): before, neither gave a single figure."""
    notice = ("咸阳市人民政府关于印发《咸阳市2023年国民经济和社会发展计划》的通知\n咸政发〔2023〕8号\n"
              "各县市区人民政府:\n现印发给你们,请认真组织实施。\n咸阳市人民政府\n2023年2月21日\n"
              "2023年全市经济社会发展的主要预期目标是:生产总值增长6%左右,一般公共预算收入增长4%。\n")
    doc = parse_text(notice)
    assert doc.kind == "notice" and not doc.tasks
    assert [(f.metric, f.value, f.kind) for f in doc.figures] == [("生产总值", 6, "target"), ("一般公共预算收入", 4, "target")]
    report = ("政府工作报告——2012年1月3日在盐田区第四届人民代表大会第一次会议上各位代表:现在,我代表区人民政府"
              "向大会作工作报告,请予审议。一、过去五年工作回顾五年来,本区生产总值年均增长12.5%,达到400亿元。")
    doc = parse_text(report)
    assert doc.kind == "report" and [f.value for f in doc.figures] == [12.5, 400]


def test_review_cues_with_arabic_numerals_and_an_undated_traditional_script_article():
    # `5年来,累计…` reviews five years (福田 2003); an undated article in traditional script
    # that sets out 2019's targets reads `2018年…` as results (涪城 2019)
    doc = parse_text("各位代表:\n现在,我代表区人民政府向大会报告工作,请予审议。\n一、过去五年工作回顾\n"
                     "5年来,累计完成税收374亿元,年均增长29%。\n二、2003年工作安排\n税收增长10%。\n")
    assert [f.kind for f in doc.figures] == ["actual", "actual", "target"]
    news = parse_text("本報訊 鄧輝在報告中說,2018年涪城全區經濟社會發展取得顯著成效。區屬地區生產總值達到379.95億元、增長9.3%。"
                      "2019年經濟社會發展主要預期目標:區屬地區生產總值增長8%左右。")
    assert [(f.value, f.kind) for f in news.figures] == [(379.95, "actual"), (9.3, "actual"), (8, "target")]


def test_a_report_on_how_targets_went_is_results():
    # a 督查通报 (咸宁 2021): `…主要预期目标完成情况` heads the half-year's results
    figs = extract_figures("(一)全市经济社会发展主要预期目标完成情况\n上半年,全市完成地区生产总值802.81亿元,"
                           "比上年同期增长28.6%。", default_kind=None)
    assert [f.kind for f in figs] == ["actual", "actual"]
    assert [f.kind for f in extract_figures("上半年力争地区生产总值增长6%。", default_kind=None)] == ["target"]


def test_a_change_up_to_a_past_year_is_no_plan_horizon():
    # `由1997年的17.4亿元增长到2002年的34亿元` in a review (福田 2003): `到2002年的` is the end of a
    # change, not `到2030年` (a horizon), so the review's kind holds
    figs = extract_figures("一、过去5年政府工作回顾\n区属国内生产总值由1997年的17.4亿元增长到2002年的34亿元。"
                           "税收年均增长29%。", default_kind="actual")
    assert [f.kind for f in figs] == ["actual", "actual", "actual"]


def test_figures_in_a_notices_progress_fields_are_results():
    """A ledger's progress field (`完成情况：`, `【序时进度】`) reports what was done: its
    figures are actual, while the task's own figures stay targets."""
    import zzgov

    text = "\n".join([
        "2024年市重点民生实事完成情况的通报",
        "1.开展职业技能培训8万人次以上。",
        "责任单位：市人力资源和社会保障局",
        "完成情况：全市开展各类职业技能培训10万人次，新增技能人才5.7万人。",
        "2.新建城乡公交候车亭60座。",
        "【责任单位】县交通运输局　【序时进度】已建成41座。",
        ""])
    doc = zzgov.parse(text, kind="notice")
    kinds = {f.value: f.kind for f in doc.figures}
    assert kinds == {8: "target", 10: "actual", 5.7: "actual", 60: "target", 41: "actual"}


def test_place_docstring_examples():
    import doctest

    from zzgov.figures import place
    assert doctest.testmod(place).failed == 0


def test_a_completion_rate_of_a_plan_is_a_result_and_the_plans_amount_a_target():
    # `完成市政府考核目标61亿元的117%`: its 目标 sets no plan; the plan's amount is what was planned
    text = "1—12月,全县招商引资项目到位资金68.2亿元,完成市政府考核目标58亿元的117.6%,同比增长35%。"
    assert kinds(text, None) == [(68.2, "actual"), (58, "target"), (117.6, "actual"), (35, "actual")]
    # a budget's execution the same way, whatever the part
    text = "4月,一般公共预算收入累计完成31250万元,完成年初预算数78800万元的39.7%,比上年减收860万元。"
    assert kinds(text, "actual") == [(31250, "actual"), (78800, "target"), (39.7, "actual"), (860, "actual")]
    # the year's target task written without a rate is still the plan's figure
    assert kinds("确保完成年度目标任务2200人。", None) == [(2200, "target")]


def test_a_list_of_livelihood_projects_voted_for_the_year_is_a_plan():
    # news of a congress that voted the year's 民生实事: its items say no 将 or 要, and are targets
    text = "\n".join([
        "在区人民代表大会上,代表们投票表决,从15项候选项目中选出了10件2022年区政府民生实事项目。",
        "01", "住房保障项目", "开工建设安置房45万平方米,竣工安置房38万平方米。",
        "02", "教育惠民项目", "开工建设学校12所,新增学位8600个。", ""])
    got = kinds(text, None, 2022)
    assert {k for _, k in got} == {"target"} and [v for v, _ in got] == [15, 10, 45, 38, 12, 8600]
    # but the projects voted last year and done are results
    done = "区六届人大五次会议票决通过的10件区级民生实事项目全部完成,新建学校6所。"
    assert {k for _, k in kinds(done, None, 2022)} == {"actual"}
