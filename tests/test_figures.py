"""zzgov.figures: quantitative figures per shared/gold/GUIDE.md, on short hand-made snippets, plus
a score against the development gold."""

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zzgov.figures import RawFigure, extract_figures

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "gold"


def figs(text, default_kind="target", start=0, end=None):
    """(span text, value, value_max, unit, comparator, direction, kind) of each figure."""
    return [(text[f.start:f.end], f.value, f.value_max, f.unit, f.comparator, f.direction, f.kind)
            for f in extract_figures(text, start, end, default_kind=default_kind)]


def one(text, default_kind="target"):
    found = extract_figures(text, default_kind=default_kind)
    assert len(found) == 1, [(text[f.start:f.end], f.value) for f in found]
    return found[0]


def values(text, default_kind="target"):
    return [f.value for f in extract_figures(text, default_kind=default_kind)]


# --- the record --------------------------------------------------------------------------------

def test_growth_rate_with_floor():
    assert figs("力争工业技改投资增长 20% 以上") == [("20%", 20, None, "%", ">=", "up", "target")]


def test_record_fields_and_normalisation():
    f = one("全市新增城镇就业 11.4 万人。")
    assert f == RawFigure(start=9, end=16, metric="新增城镇就业", value=11.4, value_max=None, unit="万人",
                          comparator="=", direction=None, kind="target", estimate=False,
                          normalized_value=114000.0, normalized_unit="人", metric_start=2, metric_end=8)


def test_magnitude_stays_in_unit_and_normalises():
    f = one("地区生产总值突破1.52万亿元")
    assert (f.value, f.unit, f.comparator, f.normalized_value, f.normalized_unit) == (1.52, "万亿元", ">=", 1.52e12, "元")


def test_number_split_by_hard_line_break():
    text = "引进域外境内资金2300\n亿元"
    f = one(text)
    assert (text[f.start:f.end], f.value, f.unit) == ("2300\n亿元", 2300, "亿元")


def test_offsets_are_into_the_original_text_and_range():
    text = "前言。新增养老床位 3000 张。"
    f = one(text)
    assert text[f.start:f.end] == "3000 张"


def test_scan_is_limited_to_the_range():
    text = "新增养老床位3000张。新建公园400个。"
    assert [v for _, v, *_ in figs(text, start=11)] == [400]


# --- comparators -------------------------------------------------------------------------------

def test_level_reached_is_not_a_direction():
    assert figs("战略性新兴产业比重提高到 25% 以上")[0][4:6] == (">=", None)


def test_control_within():
    assert figs("全市煤炭消费量控制在 2100 万吨以内")[0][3:5] == ("万吨", "<=")


def test_about():
    assert figs("主导产业规模占工业比重达到 72% 左右")[0][4] == "~"


def test_not_higher_than():
    assert figs("PM10 不高于 97 微克/立方米")[0][1:5] == (97, None, "微克/立方米", "<=")


def test_not_less_than_and_breakthrough():
    assert [f[4] for f in figs("功能性机构不少于 3 家，物流企业突破 100 家")] == [">=", ">="]


def test_more_than_suffix():
    assert figs("举办促消费活动1100多场")[0][1:5] == (1100, None, "场", ">=")


def test_near():
    assert figs("减征保险费近20亿元")[0][4] == "~"


def test_at_least_before_the_verb():
    assert figs("每个县（市）至少建成1个紧密型县域医共体")[0][4] == ">="


def test_range_with_tilde():
    assert figs("新增国际航线5~8条")[0][1:5] == (5, 8, "条", "range")


def test_range_with_dash():
    assert figs("工业互联网平台和“工业大脑”5—6个")[0][1:5] == (5, 6, "个", "range")


def test_duration_within():
    assert figs("推动企业注册1个工作日内办结")[0][3:5] == ("个工作日", "<=")


def test_longest_and_shortest():
    assert [f[4] for f in figs("审批时间压减至最长61个工作日、最短30个工作日")] == ["<=", ">="]


def test_list_shares_the_trailing_comparator():
    assert [f[4] for f in figs("回收利用率分别在 95%、35% 以上")] == [">=", ">="]


# --- direction ---------------------------------------------------------------------------------

def test_decrease_rate():
    assert figs("规模以上工业增加值能耗下降 4% 以上")[0][5] == "down"


def test_prices_fall():
    # price statistics say 下跌 (and 跌幅) for a fall, as they say 上涨 for a rise
    assert [f[5] for f in figs("猪肉价格下跌12.5%,鲜菜价格上涨3.1%,燃料跌幅为2%")] == ["down", "up", "down"]


def test_list_shares_the_verb():
    assert [f[5] for f in figs("PM10、PM2.5年平均同比下降14.3%和12.1%")] == ["down", "down"]


def test_amount_cut_governs_the_list():
    assert [f[5] for f in figs("压减煤电装机111万千瓦、钢铁产能95万吨")] == ["down", "down"]


def test_increase_over_last_year_is_up():
    assert figs("优良天数比上年增加57天")[0][5] == "up"


def test_added_amount_is_a_level():
    assert figs("中小企业担保公司增资 5 亿元")[0][5] is None


def test_raise_of_an_amount_without_comparison_is_a_level():
    assert figs("干线公路及县乡通道绿化提升800公里")[0][5] is None


def test_value_added_is_not_an_increase():
    assert figs("物流业增加值达到 925 亿元、增长 8% 左右") == [
        ("925 亿元", 925, None, "亿元", "=", None, "target"),
        ("8%", 8, None, "%", "~", "up", "target")]


def test_reduced_to_is_a_level():
    assert [f[5] for f in figs("事项由122项精减到98项")] == [None, None]


# --- Chinese numerals --------------------------------------------------------------------------

def test_chinese_count_with_measure_word():
    assert figs("谋划实施十二大类重点民生实事项目")[0][1:4] == (12, None, "大类")


def test_percent_in_words():
    assert figs("覆盖率达到百分之九十五")[0][1:4] == (95, None, "%")


def test_single_chinese_numeral_is_a_name_not_a_figure():
    assert values("统筹管好三个“盘子”，推动“四个中心”建设，两次召开会议") == []


def test_single_chinese_numeral_with_percentage_points():
    assert figs("登记失业率下降两个百分点")[0][1:6] == (2, None, "个百分点", "=", "down")


def test_approximate_chinese_magnitude():
    assert figs("来郑留郑青年人才近百万，")[0][1:5] == (100, None, "万", "~")


def test_chinese_year_is_not_a_figure():
    assert values("到二○三五年基本实现现代化") == []


# --- exclusions (GUIDE "Do NOT annotate") ------------------------------------------------------

def test_years_and_dates():
    assert values("2020年5月26日，6月底前完成") == []


def test_document_number():
    assert values("郑政办〔2020〕29号") == []


def test_list_numbering_at_line_start():
    assert values("3. 10 个县（市）区区级分拣中心全部投运") == [10]


def test_phone_and_email():
    assert values("邮箱：zfgzdc@126.com，联系电话：67180738。") == []


def test_ordinals():
    assert values("筹办好第29届中国金鸡百花电影节，居全国第3位，排名退出后20名") == []


def test_quoted_program_names():
    assert values("聚焦“1+2+4+N”目标任务体系，“15分钟健身圈”基本建成，“2+26”城市") == []


def test_5g_and_pm25_as_names():
    assert values("推动5G基站建设，PM2.5 不高于 56 微克/立方米") == [56]


def test_duration_given_to_a_task():
    assert values("利用 2 年时间彻底改善人居环境，仅用10天建成医院") == []


def test_qualifier_inside_a_name():
    assert figs("120多家世界500强企业在郑发展")[0][1:5] == (120, None, "家", ">=")


def test_investment_threshold_of_counted_projects():
    assert values("各开发区引进 2 个以上投资超 30 亿元、各县（市）区引进 2 个以上投资超 10 亿元高质量项目") == [2, 2]


def test_money_threshold_before_projects():
    assert values("签约10亿元以上项目50个") == [50]


def test_size_class_names():
    assert values("打造千亿级产业集群，推动10家百亿级商品交易市场发展") == [10]


def test_anniversaries_and_ages_that_qualify_people_are_not_figures():
    # (seen in the 2026 provincial reports: 成立70周年, 为390万65岁以上老年人…)
    assert values("2024年是中华人民共和国成立75周年,为3000名65周岁以上老年人体检") == [3000]
    assert values("为87万名80岁以上老年人发放高龄津贴,5岁以下儿童死亡率下降到3‰") == [87, 3]
    assert values("人均预期寿命从80.2岁提升至81岁以上") == [80.2, 81]


def test_hotline_name():
    assert values("强化12345热线服务") == []


def test_ranking_field_group():
    assert values("在全国168个重点城市排名中退出后20名，增速居9个国家中心城市首位") == []


def test_names_enumerated_before_a_count():
    assert values("力争东风日产 100 万台发动机、奥克斯空调生产基地等 210 个项目开工") == [210]


def test_policy_package_named_by_article_count():
    assert values("出台促进经济平稳健康发展30条、扩大有效投资11条等政策举措") == []


def test_scale_used_as_a_frame():
    assert values("集中打造一批以1—3平方公里为尺度的片区核心板块") == []


def test_policy_name_with_hours():
    assert values("积极申报72小时过境免签") == []


# --- kind --------------------------------------------------------------------------------------

def test_kind_from_plan_cue():
    assert one("2020年，全市计划新增城镇就业11.4万人。", default_kind=None).kind == "target"


def test_kind_from_last_year_cue():
    assert one("去年，全市新增城镇就业11.5万人。", default_kind=None).kind == "actual"


def test_kind_switches_by_sentence():
    text = "去年，全市新增城镇就业11.5万人。2020年，我市要新增城镇就业11.4万人。"
    assert [f.kind for f in extract_figures(text, default_kind=None)] == ["actual", "target"]


def test_estimate_is_actual_with_flag():
    f = one("预计新增高新技术企业800家。", default_kind=None)
    assert (f.kind, f.estimate) == ("actual", True)


def test_default_kind_actual():
    assert one("新增城镇就业14.2万人。", default_kind="actual").kind == "actual"


def test_account_without_any_cue_is_actual():
    # an excerpt of a report's review part, as news sites reprint it: no 去年, no 同比
    text = ("(三)扎实建设宜居城市。全市新改建道路48条,改造老旧小区163个,新增口袋公园31个。"
            "成功创建省级园林城市,关停小煤电机组4台。")
    assert [f.kind for f in extract_figures(text, default_kind=None)] == ["actual"] * 4


def test_task_list_without_any_cue_is_a_plan():
    # a 责任分工表 states no 要 or 力争: assigning the work makes its figures targets
    text = "2022年青川县民生实事责任分工表\n高校毕业生留县就业1800人\n责任单位:县人社局\n"
    assert one(text, default_kind=None).kind == "target"


def test_tie_between_cues_keeps_target():
    text = "计划新增城镇就业1.2万人。\n\n已建成公园3个。\n\n新增绿道20公里。"
    assert extract_figures(text, default_kind=None)[-1].kind == "target"


def test_estimate_turns_a_modal_into_a_forecast():
    f = extract_figures("预计地区生产总值将达到1400亿元,同比增长5.3%;固定资产投资496.1亿元。",
                        default_kind=None)
    assert [x.kind for x in f] == ["actual"] * 3
    # without 预计 the same 将 sets out a plan
    assert one("地区生产总值将达到1400亿元。", default_kind=None).kind == "target"


def test_cue_words_inside_a_quoted_name_are_no_cues():
    # 计划 names a programme here; the figure is a result
    assert one("落实“三年行动计划”,新改建道路59条。", default_kind=None).kind == "actual"
    assert one("经济运行在预期的合理区间,工业增加值105亿元。", default_kind=None).kind == "actual"


def test_the_part_of_this_year_gone_by_reports_results():
    # 今年上半年 / 今年以来 report results; a plan's 计划 owning what follows (完成…计划的X%)
    # is a completion rate, no plan
    f = extract_figures("今年上半年,全区实现地区生产总值369.9亿元,增长10.2%。", default_kind=None, plan_year=2021)
    assert [x.kind for x in f] == ["actual", "actual"]
    f = extract_figures("8个省级重点项目完成投资10.55亿元,完成年度投资计划的103.95%。", default_kind=None)
    assert [x.kind for x in f] == ["actual", "actual", "actual"]


def test_a_span_of_years_gone_by_and_data_shown_report_results():
    # `2019年至2021年` is no plan's `到2025年`; `数据显示` and `较2020年` report what happened
    f = extract_figures("全县地区生产总值年均增长6.9%,2018年至2022年连续5年入围百强县。", default_kind=None)
    assert [x.kind for x in f] == ["actual"]
    f = extract_figures("数据显示,全县地区生产总值年均增速达4.5%,城镇居民人均可支配收入达36500元,"
                        "较2020年增长24%。", default_kind=None)
    assert [x.kind for x in f] == ["actual", "actual", "actual"]
    # in a review part, the span of years leaves the part's kind alone
    f = extract_figures("过去五年,全县地区生产总值年均增长6.9%,2018年至2022年连续5年入围百强县。",
                        default_kind="actual", plan_year=2023)
    assert [x.kind for x in f] == ["actual"]
    assert one("到2025年,全县地区生产总值达到300亿元。", default_kind=None).kind == "target"


def test_a_comparison_with_the_plan_and_a_forecast_report_results():
    # 比年度计划高 compares a result with the plan; 预测 forecasts the result, as 预计 does;
    # a number right after 目标 (目标201亿元, 目标任务19家) is the target's value
    f = extract_figures("城乡排水设施建设完成投资5.04亿元,比年度计划高20.3个百分点。", default_kind=None)
    assert [x.kind for x in f] == ["actual", "actual"]
    f = extract_figures("1-5月规上工业总产值上报数为97.74亿元,预测增长17.6%。", default_kind=None)
    assert [x.kind for x in f] == ["actual", "actual"]
    f = extract_figures("2023年市下达两区产业产值目标201亿元,新入规企业目标任务19家。", default_kind=None)
    assert [x.kind for x in f] == ["target", "target"]


def test_existing_stock_in_a_plan_is_actual():
    assert one("提升现有9个功能性口岸业务规模").kind == "actual"


# --- robustness --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "。", "1" * 5000 + "万元", "“" * 100, "\n\n", "百分之", "三分之"])
def test_odd_inputs_do_not_raise(text):
    assert isinstance(extract_figures(text), list)


def test_bad_range_arguments_do_not_raise():
    assert extract_figures("新增100个", 50, 10) == []
    assert extract_figures("新增100个", -5, 10**9)[0].value == 100


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.,%~—、，。“”《》第年个万亿元多余近约以上左右增长下降十二三百分之PM G\n ", max_size=80))
def test_never_raises_and_spans_are_sane(text):
    out = extract_figures(text, default_kind=None)
    assert out == sorted(out, key=lambda f: (f.start, f.end))
    for f in out:
        assert 0 <= f.start < f.end <= len(text)


@pytest.mark.parametrize("text", ["1" * 1_000_000, "“《（【" * 250_000, "三" * 1_000_000, "1.2.3,4," * 125_000,
                                  "((((1))))" * 100_000, "“1%”" * 250_000])
def test_pathological_input_holds_no_figure(text):
    """1 MB of digits, brackets, numerals or quoted numbers: none is a figure (a bare number,
    a numeral run, a quotation). How long they take is the adversarial benchmark's business
    (bench/adversarial.py), not a test's."""
    assert extract_figures(text, default_kind=None) == []


def test_dense_figures_are_each_found():
    text = "新增100个，" * 20_000  # 20,000 figures
    out = extract_figures(text)
    assert len(out) == 20_000
    assert {(f.value, f.unit) for f in out} == {(100.0, "个")}


def test_kind_cue_prefilter_covers_every_cue():
    from zzgov.figures.vocab import KIND_CUE_FIRST_CHARS
    for cue in ("力争", "确保", "计划", "目标是", "预期", "争取", "力求", "拟", "到2025年", "至2025年", "要", "将",
                "去年", "上年", "过去", "截至", "已", "预计", "圆满", "收官", "取得了", "实现了", "完成了", "达到了",
                "同比", "比上年", "较上年", "比去年", "较去年", "累计"):
        assert cue[0] in KIND_CUE_FIRST_CHARS, cue


# --- development gold --------------------------------------------------------------------------

def _figdev():
    spec = importlib.util.spec_from_file_location("figdev", ROOT / "scripts" / "figdev.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (GOLD / "targets_001_a.jsonl").exists(), reason="development gold not available")
def test_development_gold_scores():
    """001 tasks 1-75 (default_kind="target", one call per task), 000 and 004 whole (None)."""
    results, f1, acc = _figdev().evaluate(SHARED, out=lambda *_: None)
    assert f1 >= 0.97, results
    assert acc["unit"] >= 0.98 and acc["comparator"] >= 0.95 and acc["kind"] >= 0.95, acc
    assert acc["direction"] >= 0.90, acc


def test_docstring_examples():
    import doctest

    from zzgov.figures import extract
    assert doctest.testmod(extract).failed == 0


@pytest.mark.parametrize("path", sorted(Path(__file__).resolve().parents[1].glob("data/raw/*.txt")), ids=lambda p: p.name[:3])
def test_prepared_ranges_give_what_each_range_alone_gives(path):
    """attach_figures prepares a document once and scans its sections as slices of that;
    every range starting at a line gives the same figures as extracting it alone."""
    from zzgov.figures.extract import extract_prepared, prepare
    from zzgov.text import split_lines

    text = path.read_text(encoding="utf-8")
    starts = [ln.start for ln in split_lines(text)][::7] + [len(text)]
    prepared = prepare(text, starts[0], starts[-1])
    for kind in ("target", "actual", None):
        for a, b in zip(starts, starts[1:]):
            assert extract_prepared(prepared, a, b, default_kind=kind) == extract_figures(text, a, b, default_kind=kind)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab，。、 1", max_size=80), st.integers(0, 90), st.integers(0, 50))
def test_break_finders_agree_with_a_plain_scan(s, i, limit):
    """_Breaks.back (a search in the reversed string) and .fwd give what walking the string
    character by character gives."""
    from zzgov.figures.extract import _Breaks

    chars = frozenset("，。、")
    i = min(i, len(s))
    b = _Breaks(s, chars)
    lo = max(0, i - limit)
    back = next((k + 1 for k in range(i - 1, lo - 1, -1) if s[k] in chars), lo)
    hi = min(len(s), i + limit)
    fwd = next((k for k in range(i, hi) if s[k] in chars), hi)
    assert (b.back(i, limit), b.fwd(i, limit)) == (back, fwd)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab，。", max_size=600), st.integers(0, 600), st.integers(1, 300))
def test_same_sentence_is_the_windowed_back_scan(s, a, gap):
    from zzgov.figures.extract import _SENTENCE_WINDOW, _Breaks, _same_sentence

    a = min(a, len(s))
    b = min(len(s), a + gap)
    if a >= b:
        return
    starts = _Breaks(s, frozenset("。"))
    assert _same_sentence(starts, a, b) == (starts.back(b, _SENTENCE_WINDOW) <= a)


def _kind_by_scanning(sents, i):
    """Reference for _Sentences.kind_at: walk the cues and sentences one by one."""
    from bisect import bisect_right

    k = max(0, bisect_right(sents.starts, i) - 1)
    lo = sents.starts[k]
    hi = sents.starts[k + 1] if k + 1 < len(sents.starts) else 1 << 62
    cues = sorted([(p, kd, True) for p, kd in zip(sents.strong_pos, sents.strong_kind)]
                  + [(p, kd, False) for p, kd in zip(sents.weak_pos, sents.weak_kind)])
    before = [c for c in cues if lo <= c[0] < i][::-1]
    after = [c for c in cues if i <= c[0] < hi]
    for group, strong in ((before, True), (after, True), (before, False), (after, False)):
        for _, kd, is_strong in group:
            if is_strong == strong:
                return kd
    para = max(p for p in sents.para_starts_for_test if p <= i)
    for j in range(k - 1, -1, -1):
        if sents.starts[j] < para:
            break
        if sents.own[j]:
            return sents.own[j]
    return sents.majority or sents.fallback


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["增长5%", "同比", "计划", "已", "。", "，", "文字", "\n\n"]), max_size=40),
       st.data())
def test_sentence_kinds_agree_with_a_plain_walk(parts, data):
    from zzgov.figures.extract import _Sentences

    s = "".join(parts)
    if not s:
        return  # the extractor never scans an empty range
    paras = sorted({0} | {k + 2 for k in range(len(s)) if s.startswith("\n\n", k) and k + 2 < len(s)})
    sents = _Sentences(s, paras)
    sents.para_starts_for_test = paras
    for i in data.draw(st.lists(st.integers(0, max(0, len(s) - 1)), max_size=8)):
        assert sents.kind_at(i) == _kind_by_scanning(sents, i)


def test_sentence_kind_is_not_inherited_across_paragraphs():
    from zzgov.figures.extract import _Sentences

    s = "计划增长5%。增长6%。已完成7%。已完成8%。"
    second_para = s.index("增长6%")
    sents = _Sentences(s, [0, second_para])
    assert sents.majority == "actual"
    assert sents.kind_at(second_para + 2) == "actual"  # the majority, not 计划 from the paragraph before
    assert _Sentences(s, [0]).kind_at(second_para + 2) == "target"  # one paragraph: 计划 carries on


def _label_mask_reference(text, start, end, c):
    """_label_mask as first written: labels found by `(?m)^` at every line start."""
    import re

    from zzgov.figures.extract import _LIST_LABEL

    s = c.folded
    labels = list(re.finditer(r"(?m)^[ \t\u3000]*\d{1,3}[.．、](?!\d)", text[:end]))
    labels = [m for m in labels if m.start() >= start]
    m0 = _LIST_LABEL.match(text, start, end)
    if m0 and not (labels and labels[0].start() <= start):
        labels.insert(0, m0)
    pieces, last = [], 0
    for m in labels:
        a, b = c.index(m.start()), c.index(m.end())
        if a < b and a >= last:
            pieces += [s[last:a], "|" * (b - a)]
            last = b
    pieces.append(s[last:])
    return "".join(pieces)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet="1２3. ．、\n\r\u3000 个亿元", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_list_labels_after_line_feeds_are_the_labels_at_line_starts(text, a, b):
    from zzgov.figures.extract import _label_mask
    from zzgov.text import clean

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    c = clean(text, start, end)
    assert _label_mask(text, start, end, c) == _label_mask_reference(text, start, end, c)


# ---------------------------------------------------------------------------------------
# CANDIDATE is written to scan fast (see extract.py): it opens with a consumed character,
# marks the number's form with empty groups, and spells the units as a trie.  The reference
# below is the plain spelling; both must find the same candidates with the same parts.

def _candidate_reference():
    import re

    from zzgov.figures import vocab as V
    from zzgov.figures.extract import _ARABIC, _CN, _CN_RUN, _alt

    unit = r"(?:%s)(?:/(?:%s))?" % (_alt(V.ALL_UNITS), _alt(V.PER_SUFFIXES))
    return re.compile(
        r"(?:(?P<pct>百分之[{cn}点]{{1,12}})"
        r"|(?P<frac>(?<![{cn}]){cn_run}分之{cn_run})"
        r"|(?P<num>(?<![\d.]){ar}|(?<![{cn}]){cn_run})"
        r"(?P<ap1>[{ap}])?"
        r"(?:(?P<u1>%)?(?P<sep>[{sep}])(?P<num2>{ar}|{cn_run}))?"
        r"(?:(?P<mag>{mag})(?P<ap2>[{ap}])?(?P<unit>{unit})?|(?P<unit0>{unit})))".format(
            cn=_CN, cn_run=_CN_RUN, ar=_ARABIC, ap=V.APPROX_SUFFIXES, sep=V.RANGE_SEPARATORS,
            mag=_alt(V.MAGNITUDES), unit=unit))


_CANDIDATE_PARTS = ("ap1", "u1", "sep", "num2", "mag", "ap2", "unit", "unit0")


def _candidate_hits(text):
    from zzgov.figures.extract import CANDIDATE, _number_text

    return [(m.span(), _number_text(m)) + tuple(m.span(g) for g in _CANDIDATE_PARTS) for m in CANDIDATE.finditer(text)]


def _reference_hits(text):
    out = []
    for m in _candidate_reference().finditer(text):
        form = next(g for g in ("pct", "frac", "num") if m.group(g) is not None)
        out.append((m.span(), (form, m.group(form))) + tuple(m.span(g) for g in _CANDIDATE_PARTS))
    return out


def test_candidate_pattern_finds_what_the_plain_spelling_finds_on_the_corpus():
    from zzgov.figures.extract import prepare

    root = Path(__file__).resolve().parents[1]
    files = sorted(root.glob("data/raw/*.txt")) + sorted(root.glob("tests/fixtures/*/*.txt"))
    assert files
    total = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        scan = prepare(text, 0, len(text)).scan
        got = _candidate_hits(scan)
        assert got == _reference_hits(scan), path.name
        total += len(got)
    assert total > 1000


_CANDIDATE_PIECES = ["1", "12", "3.5", "0.25", ",", ".", "1,234", "万", "亿", "千万", "多", "余", "%", "-", "~", "至",
                     "/", "年", "人", "元", "亿元", "万人", "人次", "个", "个百分点", "百分之", "分之", "三", "十", "两",
                     "千", "百", "零", "〇", "平方公里", "公里", "吨", "千瓦", "万千瓦", "a", "G", "号", "第", " ", "、"]


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(st.lists(st.sampled_from(_CANDIDATE_PIECES), max_size=30))
def test_candidate_pattern_finds_what_the_plain_spelling_finds_on_any_text(pieces):
    text = "".join(pieces)
    assert _candidate_hits(text) == _reference_hits(text)


def test_no_candidate_part_after_a_number_begins_with_a_digit_comma_or_point():
    """What lets CANDIDATE read an Arabic number atomically (no giving back digits)."""
    import re

    from zzgov.figures import vocab as V

    words = list(V.ALL_UNITS) + list(V.MAGNITUDES) + list(V.PER_SUFFIXES) + list(V.APPROX_SUFFIXES) \
        + list(V.RANGE_SEPARATORS) + ["%"]
    assert not [w for w in words if re.match(r"[\d,.]", w)]


def test_unit_trie_matches_the_longest_unit_like_the_alternation():
    import re

    from zzgov.figures import vocab as V
    from zzgov.figures.extract import _alt, _trie

    trie, alt = re.compile(_trie(V.ALL_UNITS)), re.compile(_alt(V.ALL_UNITS))
    for w in V.ALL_UNITS:
        for text in (w, w + "次", w + "元", "x" + w):
            assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alt.finditer(text)], text
    assert _trie(["万人", "万人次", "万元"]) == "万(?:人(?:次)?|元)"


_PARAGRAPH_BREAK_PLAIN = r"(?:(?:\r\n|\r|\n)[ \t\u3000]*(?:\r\n|\r|\n)|[。！？!?：:】#][ \t\u3000]*(?:\r\n|\r|\n))[\s\u3000]*"


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=st.sampled_from(list("\r\n \t\u3000。！？!?：:】#a中1")), max_size=60))
def test_paragraph_breaks_are_the_plain_spelling_breaks(text):
    import re

    from zzgov.figures.extract import _PARAGRAPH_BREAK

    plain = re.compile(_PARAGRAPH_BREAK_PLAIN)
    assert [m.span() for m in _PARAGRAPH_BREAK.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in _PARAGRAPH_BREAK.finditer(text, 2, len(text) - 1)] == \
        [m.span() for m in plain.finditer(text, 2, len(text) - 1)]


def test_a_heading_line_is_no_part_of_the_first_figure_under_it():
    # `二、社会消费潜力持续释放` ends no sentence: the cleaned view would join it to the first
    # sentence under it, and the metric would start with the heading's words
    from zzgov.api import parse_text

    text = ("青川区一季度经济运行情况\n记者 周一 来源：青川日报\n一、投资领域增势强劲\n"
            "全区固定资产投资同比增长8.5%。\n二、社会消费潜力持续释放\n社会消费品零售总额完成94.4亿元。\n")
    doc = parse_text(text)
    assert [f.metric for f in doc.figures] == ["固定资产投资", "社会消费品零售总额"]
