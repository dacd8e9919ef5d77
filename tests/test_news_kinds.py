"""News kind detection on real layouts (issue 19 item 7): e-paper pages, reposts on other
sites, round-ups of several districts, bare results articles.  The fixtures are invented in
layouts read from real pages (tests/fixtures/news/SOURCES.md).  Each is news, and its figures
are typed by their sentences: last year's results actual, this year's plans target."""

from __future__ import annotations

from pathlib import Path

import pytest

from zzgov.api import parse_text
from zzgov.parsers.detect import detect_kind

FIXTURES = Path(__file__).parent / "fixtures" / "news"

# fixture -> (figures that must be actual, figures that must be target), as (value, indicator)
CASES = {
    "repost_summary": ([(5.3, "gdp_growth"), (41.2, "new_urban_jobs")],
                       [(5, "gdp_growth"), (40, "new_urban_jobs"), (2, "cpi"), (520, "grain_output")]),
    "epaper_page": ([(6230, "gdp"), (5.6, "gdp_growth"), (7.2, "industrial_value_added_growth"),
                     (4.6, "urban_income_growth"), (6.3, "rural_income_growth")],
                    [(5.5, "gdp_growth")]),
    "epaper_report_news": ([(5.4, "gdp_growth"), (2.6, "general_budget_revenue_growth")],
                           [(5.5, "gdp_growth"), (12, "new_urban_jobs")]),
    "roundup_districts": ([(3.5, "general_budget_revenue_growth"), (4.1, "fixed_asset_investment_growth"),
                           (5.8, "gdp_growth"), (1.05, "new_urban_jobs")],
                          [(5.5, "gdp_growth"), (5, "retail_sales_growth"), (6, "gdp_growth")]),
    "results_plain": ([(5.6, "gdp_growth"), (7.2, "industrial_value_added_growth"), (11.3, "new_urban_jobs"),
                       (5.1, "surveyed_unemployment_rate")],
                      [(5.5, "gdp_growth")]),
    "congress_repost": ([(412.6, "gdp"), (6.1, "gdp_growth"), (45210, "urban_income"), (6.4, "rural_income_growth")],
                        [(6, "gdp_growth"), (5, "urban_income_growth"), (6.5, "rural_income_growth"),
                         (4, "registered_unemployment_rate")]),
    "estimates_district": ([(1860, "gdp"), (7.5, "gdp_growth"), (320, "retail_sales")],
                           [(7, "gdp_growth"), (10, "fixed_asset_investment_growth")]),
}


def load(name):
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CASES))
def test_detected_as_news(name):
    kind, confidence = detect_kind(load(name))
    assert kind == "news" and confidence > 0.6


@pytest.mark.parametrize("name", sorted(CASES))
def test_results_are_actual_and_plans_target(name):
    doc = parse_text(load(name), doc_id=name)
    got = {(f.value, f.indicator): f.kind for f in doc.figures}
    actual, target = CASES[name]
    for key in actual:
        assert got.get(key) == "actual", (key, got.get(key))
    for key in target:
        assert got.get(key) == "target", (key, got.get(key))


def test_estimates_of_the_year_just_ended_are_actual_estimates():
    doc = parse_text(load("estimates_district"))
    gdp = next(f for f in doc.figures if f.indicator == "gdp_growth" and f.value == 7.5)
    assert gdp.estimate and gdp.kind == "actual" and gdp.comparator == "~"


def test_a_round_up_keeps_each_district_in_its_own_section():
    doc = parse_text(load("roundup_districts"))
    titles = {s.id: s.title for s in doc.sections}
    by_section = {}
    for f in doc.figures:
        by_section.setdefault(titles.get(f.section), []).append(f.value)
    assert by_section["东湖区"][:2] == [6.2, 3.5] and 8.4 in by_section["西岭区"] and 5.8 in by_section["南浦区"]


def test_detection_of_the_seeds_and_provincial_reports_is_unchanged():
    """The news cues added for these layouts leave every report a report."""
    from conftest import RAW, SHARED

    kinds = {p.stem[:3]: detect_kind(p.read_text(encoding="utf-8"))[0] for p in sorted(RAW.glob("*.txt"))}
    assert kinds == {"000": "news", "001": "notice", "002": "report", "003": "report", "004": "news"}
    provinces = SHARED / "corpus-provinces"
    for p in sorted(provinces.glob("report_*.txt")) if provinces.is_dir() else []:
        assert detect_kind(p.read_text(encoding="utf-8"))[0] == "report", p.name


def test_pinyin_after_each_character_does_not_hide_the_year_an_article_plans_for():
    """A conversion site's page puts pinyin after characters (`預(yù)期目標(biāo)`): the plan year
    is still read (from the text without it), so last year's results stay actual."""
    import zzgov

    text = ("長春提振經(jīng)濟顯成效\n"
            "中新網(wǎng)長春1月10日電 長春市第十六屆人民代表大會第三次會議10日開幕。\n"
            "報告提到,2023年長春市工業(yè)穩(wěn)中快進。一汽在長春生產(chǎn)整車156萬輛,完成產(chǎn)值3165億元。\n"
            "報告指出,2024年長春市經(jīng)濟社會發(fā)展主要預(yù)期目標(biāo)是:地區(qū)生產(chǎn)總值增長6.5%以上。\n")
    doc = zzgov.parse(text, kind="news")
    kinds = {f.value: f.kind for f in doc.figures}
    assert kinds[156] == "actual" and kinds[3165] == "actual"
    assert kinds[6.5] == "target"


def test_a_news_heading_naming_its_part_gives_its_figures_their_kind():
    """A dated year-end summary (published in the year it reviews) under `一、2022年工作开展情况`
    reports results; under `二、今年目标明确` it states targets."""
    import zzgov

    text = "\n".join([
        "2022年度工作总结", "来源: 枫桥湖街道办事处 发布时间: 2022-12-08 13:53", "",
        "一、2022年工作开展情况", "全面加强经济运行调度，新增在建项目5个，累计完成投资15.155亿元。", "",
        "二、2023年工作打算", "新增在建项目8个，完成投资18亿元。", ""])
    doc = zzgov.parse(text, kind="news")
    assert [(f.value, f.kind) for f in doc.figures] == [
        (5, "actual"), (15.155, "actual"), (8, "target"), (18, "target")]
