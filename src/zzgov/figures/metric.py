"""Metric names: the noun phrase that names what a figure measures, in the document's words.

The extractor hands over one list item of the cleaned text: from the item's start to the
verb before the number (`core_end`), and the words after the unit up to the item's end.
The name is read from the words before the number when they name something, else from the
noun after the unit ("设立350亿元产业发展基金" -> 产业发展基金):

    >>> t = "力争新增高新技术企业500家"
    >>> name_metric(t, t, 0, 10, 14, 14).text
    '新增高新技术企业'

What is never a metric: connectives and cues (其中, 力争, 年内), place words (全省), verbs and
adverbs (推动, 首次), the examples of an enumeration (华锐光电等…), a comparison with another
figure (高于全国…: it refers back), a qualifier (同口径).  Lists of figures sharing one
coordinated subject are distributed by `distribute` ("城镇和农村居民人均可支配收入分别增长
A%、B%").  Every word list and pattern is data: `zzgov/data/rules/figures_metric.yaml`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import re

import regex

from zzgov import rules
from zzgov.figures.vocab import RESPECTIVELY
from zzgov.text.clean import PINYIN_TONED
from zzgov.text.words import Words
from zzgov.units.names import GOVERNMENT_LEVELS

# A number's first digit (not one inside a code such as PM10).
_DIGIT = re.compile(r"(?<![A-Za-z\d.])\d")
_YEARS = re.compile(r"(?<![\d.])\d{4}年")
# Every figure and list label (rules figure_in_item, list_label) holds a digit or a circled
# number: one cheap test spares their scans over the many items that hold neither.
_NUMBER_LIKE = re.compile(r"[\d①-⑳]")

# A metric read from these words (no longer: a title or a whole clause is not a name).
MAX_LEN = 24
LIST_MAX_LEN = 64  # a list of names before 分别, at most
RIGHT_MAX = 16
# Noun forms of a change that belong to the name ("居民消费价格涨幅2%左右": the CPI target).
RATE_NOUNS = ("涨幅", "增幅", "增速", "降幅")
PULL_WORDS = ("拉动", "拉低")  # 拉动GDP增长0.7个百分点: the points a part adds to the whole's growth
# The longest text the rule after_figure matches ("及以上、"; a test checks it against the rule).
AFTER_FIGURE_MAX = 4
# A name this short that ends like the previous figure's names the same thing of the same
# subject ("轨道交通运营里程达到206.3公里,在建里程达到203.5公里" -> 轨道交通在建里程).
PARALLEL_MAX = 4
# A generic verb is taken off a name only when a real noun phrase is left ("建设高标准农田" ->
# 高标准农田; "完成投资" stays: 投资 alone names nothing).
MIN_AFTER_VERB = 3
# A phase of a programme standing alone takes the name of the phase before it
# ("道路综合改造一期7条道路全面完工,二期9条道路正在建设" -> 道路综合改造二期).
PHASE = re.compile(r"[一二三四五六七八九十\d]{1,2}期")
# "从A到B", "由A增加到B": the cues of a change from one figure to another.
FROM_CUES = ("从", "由")
# A running total's cue ("累计达到2900家").
STOCK_CUE = "累计"
# A metric names the things counted as a noun phrase: a whole phrase said of them goes before
# them with 的 ("80%以上乡镇达到县级以上文明村镇标准" -> 达到县级以上文明村镇标准的乡镇); a
# short event makes a compound as written ("210个项目开工" -> 项目开工); a quoted or 实现
# phrase keeps its place.
LONG_PREDICATE = 5
# Words after which a number is a threshold inside a name ("投资超30亿元高质量项目").
THRESHOLD_WORDS = ("超", "超过", "投资在", "规模超")


class Metric(NamedTuple):
    text: str | None
    start: int  # indices into the cleaned view of the words the name was read from
    end: int
    ref: str | None = None  # "prev": the previous figure's metric; "sibling": its head swapped;
    # "schedule": the subject's lead on or lag behind the schedule
    tail: str = ""  # what is said of the things counted, after a name read by reference


@lru_cache(maxsize=1)
def _table():
    t = rules.load("figures_metric")

    def words(name):
        return Words(t.words(name))

    splits = {}
    # (longest first: `第一、二、三产业` is one word, not 第 before `一、二、三产业`)
    for entry in sorted(t.words("split_abbreviations"), key=lambda e: -len(e.partition("=")[0])):
        word, _, parts = entry.partition("=")
        splits[word] = tuple(parts.split("|"))
    return {
        "lead": t.pattern("lead"), "after_figure": t.pattern("after_figure"),
        "refers_back": t.pattern("refers_back"), "share_of": t.pattern("share_of"), "completion_of": t.pattern("completion_of"), "schedule": t.pattern("schedule"), "ratio_to": t.pattern("ratio_to"), "from_to": t.pattern("from_to"),
        "compares": t.pattern("compares"), "attribute": t.pattern("attribute"),
        "attribute_tail": t.pattern("attribute_tail"), "measure_heads": words("measure_heads"),
        "bare_measure": t.pattern("bare_measure"), "measure_tail": t.pattern("measure_tail"),
        "trail": t.pattern("trail"), "examples_end": t.pattern("examples_end"),
        # trail is anchored at the words' end ($) and rarely matches: matched backwards from
        # the end (a REVERSE `match` is anchored at endpos), it says whether there is a match
        # at all in one attempt, where a search tries every start; the forward search then
        # finds the one the rule means (the scan string holds no line break for `$` to stop at)
        "trail_exists": regex.compile(t.pattern("trail").pattern, t.pattern("trail").flags | regex.REVERSE),
        "figure_in_item": t.pattern("figure_in_item"), "enumeration_count": t.pattern("enumeration_count"),
        "list_label": t.pattern("list_label"), "predicate": t.pattern("predicate"), "clause_form": t.pattern("clause_form"),
        "adverbs": words("adverb_in_predicate"), "determiners": words("determiners"),
        "distributive": t.pattern("distributive"), "relative_clause": t.pattern("relative_clause"), "no_noun_after": words("no_noun_after"),
        "classifiers": words("classifiers"), "inclusion_verbs": words("inclusion_verbs"),
        "means": t.pattern("means"), "qualifier": t.pattern("qualifier"), "benefit": words("benefit_verbs"), "frame_verbs": words("frame_verbs"), "preposition": t.pattern("preposition"), "topic_verb": t.pattern("topic_verb"),
        "object_after": words("object_after_verbs"), "keep": words("keep_verbs"),
        "generic": words("generic_verbs"), "event": words("event_verbs"), "frame_lead": t.pattern("frame_lead"), "right_stops": words("right_stops"),
        # where a noun read after a unit ends: a right stop from its second character on, an
        # event from its third (新投产项目: 新投产 is no event)
        "noun_ends": Words(t.words("right_stops") + t.words("event_verbs")),
        "stop_at": re.compile("|".join(map(re.escape, words("right_stops")))),
        "event_at": re.compile("|".join(map(re.escape, words("event_verbs")))),
        "verbs": Words(t.words("keep_verbs") + t.words("generic_verbs") + t.words("event_verbs")
                       + t.words("benefit_verbs")),
        "siblings": words("siblings"), "splits": splits,
        # a word of these lists standing alone names nothing by itself (one set lookup for the four)
        "bare": frozenset(t.words("siblings") + t.words("generic_verbs") + t.words("keep_verbs")
                          + t.words("event_verbs")), "joiners": words("joiners"),
        "share_heads": words("share_heads"), "counted_measures": frozenset(t.words("counted_measures")),
        "counted_things": tuple(t.words("counted_things")), "shared_heads": words("shared_heads"), "topic_heads": words("topic_heads"), "shared_head_verbs": words("shared_head_verbs"),
        "example_classes": words("example_classes"), "example_things": frozenset(t.words("example_things")),
        "class_ends": tuple(t.words("class_ends")), "class_heads": words("class_heads"),
        "class_not_industry": tuple(t.words("class_not_industry")),
        "price_groups": frozenset(t.words("price_groups")),
        # (`生产总值=增加值` as a pair: split once here, asked of every figure of a parts cue)
        "part_measures": tuple(tuple(w.partition("=")[::2]) for w in t.words("part_measures")),
        "sector_ends": words("sector_ends"), "sector_last": frozenset(w[-1] for w in t.words("sector_ends")),
        "verb_bound": frozenset(t.words("verb_bound")),
        "aside": t.pattern("aside"), "mid_verb": t.pattern("mid_verb"), "respectively": t.pattern("respectively"), "scope_in_bracket": t.pattern("scope_in_bracket"), "among_tail": t.pattern("among_tail"),
    }


def name_metric(text: str, s: str, item_lo: int, core_end: int, re_: int, item_hi: int,
                clause_lo: int | None = None) -> Metric:
    """The metric of a figure: `text` is the cleaned view (characters as written), `s` its
    folded twin (same indices); the item runs from item_lo, the metric words end at
    core_end at the latest, and the words after the figure run from re_ to item_hi.
    `clause_lo`: where the clause starts when the item follows a 、 inside it."""
    T = _table()
    lo, hi = item_lo, core_end
    if clause_lo is not None and clause_lo < item_lo and _NUMBER_LIKE.search(s, clause_lo, item_lo):
        m = _last(T["list_label"], s, clause_lo, item_lo)
        if m:
            clause_lo = m.end()  # a list item's number kept inside the line (lone-CR files)
    if clause_lo is not None and clause_lo < item_lo and not _DIGIT.search(s, clause_lo, item_lo):
        # "新建、改建乡村教师周转宿舍1115套": the items before the 、 hold no figure, so they are
        # coordinated words of this one's name
        lo = clause_lo
        m = T["enumeration_count"].search(s, lo, hi)
        if m:
            lo = m.start()  # 集成电路、生物医药、人工智能三大先导产业规模 -> 三大先导产业规模
    last = None
    numbered = _NUMBER_LIKE.search(s, lo, hi) is not None
    if numbered:
        last = _last(T["figure_in_item"], s, lo, hi)
    if last is not None and last.group().endswith(("以上", "以下")) and "元" in last.group() \
            and last.end() < hi and "\u4e00" <= s[last.end()] <= "\u9fff" and last.start() - lo <= 3:
        last = None  # "10亿元以上项目25个": a money threshold opening the name is part of it
    if last is not None:
        lo = last.end()  # "14个领域118个应用场景" -> 应用场景 for 118
        while lo < hi and s[lo] in "和及与、":
            lo += 1  # "森林特色小镇17个和森林生态乡村166个"
    if numbered:  # (lo only moved right: the range holds no more than before)
        m = _last(T["list_label"], s, lo, hi)
        if m:
            lo = m.end()
    if s.startswith(RATE_NOUNS, hi):
        hi += 2  # 居民消费价格涨幅
    elif hi and s[hi - 1] == "年" and s.startswith("平均", hi):
        hi += 2  # PM2.5年平均同比下降: 年平均 belongs to the name, 平均 alone qualifies the verb
    # (after_figure is at most four characters long: the length decides for most figures)
    if hi - lo <= AFTER_FIGURE_MAX and T["after_figure"].match(s[lo:hi]):
        # "增长4.5%左右和5.5%左右": the list's metric is shared; "104个病种费用": the noun after
        right, r_lo, r_hi = _right_noun(text, s, re_, item_hi)
        if right and (last is None or lo == hi):
            # (lo == hi: "14个领域118个应用场景上线运行" -> 118 counts 应用场景 that went online)
            return _counted(text, s, right, r_lo, r_hi, item_hi)
        return Metric(None, lo, hi)
    if "进度" in s[lo:hi] and T["schedule"].match(s, lo, hi):
        return Metric(text[lo:hi].strip(), lo, hi, "schedule")  # 快于序时进度: the subject's lead on the schedule
    m = T["compares"].match(s, lo, hi)
    if m:  # 比全市高, 增速较1季度提高: said of the figure before, or of its rate
        return Metric(text[m.start("rate"):m.end("rate")], lo, hi, "rate") if m["rate"] else Metric(None, lo, hi, "prev")
    if T["refers_back"].match(s, lo, hi):
        return Metric(None, lo, hi, "prev")
    if last is not None and any(s.rfind(c, item_lo, last.start()) != -1 for c in FROM_CUES) \
            and T["from_to"].match(s, lo, hi):
        return Metric(None, lo, hi, "prev")  # 认证从45个发展到117个
    # (ratio_to ends in 的 and share_of opens with 占: one character test spares each pattern)
    ratio = T["ratio_to"].fullmatch(s, lo, hi) if hi > lo and s[hi - 1] == "的" else None
    if ratio and ratio.start("subject") == lo:
        subject = text[lo:ratio.end("subject")]
        if ratio["share"]:
            base = text[ratio.start("base"):ratio.end("base")]
            base = base.removesuffix("比重").removesuffix("比例") or base  # 占总投资比重的31.66%
            return Metric(subject + "占" + base + "比重", lo, hi)  # 产值占农林牧渔业总产值的80%
        return Metric(subject, lo, ratio.end("subject"))  # 利润总额为“十三五”时期的2.2倍
    share = T["share_of"].match(s, lo, hi) if s.startswith("占", lo, hi) else None
    if share:
        whole = text[share.start("whole"):share.end("whole")]
        # (`占总投资比重的31.66%`: the share word written already is not written twice)
        whole = whole.removesuffix("比重").removesuffix("比例") or whole
        return Metric("占" + whole + "比重", lo, hi, "share")
    led = False
    for _ in range(4):
        m = T["lead"].match(s, lo, hi)
        if not m:
            break
        lo, led = m.end(), True  # "其中475项…", "全市4137个…": nothing left before the number
    framed = lo
    # (most items hold no frame: a search that finds nothing costs half an empty finditer)
    if T["frame_lead"].search(s, lo, hi):
        for m in T["frame_lead"].finditer(s, lo, hi):
            if m.end() < hi:
                lo = m.end()
    for _ in range(4 if lo > framed else 0):
        m = T["lead"].match(s, lo, hi)  # `部署了2013年市政府的…`: the time after the frame too
        if not m:
            break
        lo = m.end()
    joined = s[lo:hi].rstrip().endswith(("和", "及", "与", "、"))
    m = T["trail"].search(s, lo, hi) if T["trail_exists"].match(s, lo, hi) else None
    if m and m.start() > lo:
        hi = m.start()
    elif m and m.start() == lo and s[lo:hi].strip() and not (
            _counts_things(s, hi, re_) and _right_noun(text, s, re_, item_hi)[0]):
        # nothing but adverbs or a starting point (`,首次突破600亿元`, `,从2006年的8.8亿元`):
        # the figure is said of the subject before
        return Metric(None, lo, hi, "prev")
    # examples of an enumeration: what follows the last 等 names the figure
    right_only = False
    examples = None
    k = s.rfind("等", lo, hi)
    if k != -1:
        m = T["examples_end"].match(s, k, hi)
        if m and k > lo:
            examples = (lo, k)
            lo = m.end()
            right_only = lo >= hi
    left = text[lo:hi].strip(" ,、|—-–")
    right, r_lo, r_hi = _right_noun(text, s, re_, item_hi)
    if right and last is not None and (joined or _noun_of_previous(s, lo, hi)):
        # "60%以上行政村和80%以上乡镇", "14个领域118个应用场景": the words before are the
        # previous figure's noun
        return _counted(text, s, right, r_lo, r_hi, item_hi)
    if right:
        if T["distributive"].match(left):
            return Metric(left + right, lo, r_hi)  # 每个县(市)至少建成1个紧密型县域医共体
        rel = T["relative_clause"].match(left)
        if rel:
            clause = rel["clause"]
            inclusion = T["inclusion_verbs"].prefix(clause)
            if inclusion:
                clause = clause[len(inclusion):-1]  # 纳入综合整治的36个乡镇 -> 综合整治乡镇
            for _ in range(2):
                verb = T["generic"].prefix(clause) or T["object_after"].prefix(clause)
                if verb:
                    clause = clause[len(verb):]  # 加快建设“十四五”批复的6个…基地
            return Metric(clause + right, lo, r_hi)  # 对纳入…整治的36个乡镇
        m = T["preposition"].match(left)
        prep = m.group() if m else ""
        if prep:
            # `对2000户…家庭适老化改造`, `对农村2万眼机井实施物业化管护`: the object of 对 is
            # what is counted, the place after it qualifies it
            named = _counted(text, s, right, r_lo, r_hi, item_hi)
            rest = left[len(prep):]
            if rest and not named.text.startswith(rest):
                return Metric(rest + named.text, lo + len(prep), named.end)
            return named
        det = T["determiners"].suffix(left)
        if det and (left == det or _verb_word(left[:-len(det)])):
            return Metric(det + right, lo, r_hi)  # 提升现有9个功能性口岸
        verb = T["object_after"].prefix(left) or T["object_after"].suffix(left)
        keep = T["keep"].prefix(left)
        if right_only or not left:
            return _counted(text, s, right, r_lo, r_hi, item_hi)
        if keep and keep == left:
            return Metric(left + right, lo, r_hi)  # 新增141所公立幼儿园 -> 新增公立幼儿园
        if verb and (left == verb or left.endswith(verb) or left[len(verb):] in T["object_after"]):
            return _counted(text, s, right, r_lo, r_hi, item_hi)  # 设立350亿元产业发展基金
    if right_only:
        if examples and (k - examples[0]) <= MAX_LEN:
            # "新组建省实验室、产业创新研究院等10家以上": no name after 等; the examples are all
            # the text says of what is counted
            named = text[examples[0]:examples[1]].strip(" ,、|—-–")
            verb = T["generic"].prefix(named)
            if verb and len(named) > len(verb):
                named = named[len(verb):]  # 推进卡阳、松如沟等14个…
            return Metric(named or None, *examples)
        return Metric(None, lo, hi)
    # the things counted and what is said of them, after a name of their own
    # ("“一环十横十纵”一期工程7条道路完工" -> …一期工程道路完工; "存量贫困人口1715人全部脱贫")
    if len(right) >= 2 and len(left) == 2 and not led and _counts_things(s, hi, re_) \
            and left not in T["siblings"] and not PHASE.fullmatch(left):
        # "划分1739个基层网格": a two-character word before a count is its verb; a word that
        # only frames the things ("围绕20条重点产业链") is not
        named = _counted(text, s, right, r_lo, r_hi, item_hi)
        return named if left in T["frame_verbs"] else Metric(left + named.text, lo, named.end)
    name = _left_name(text, s, left, lo, hi, re_, item_hi, led)
    if T["adverbs"].prefix(right):
        right = ""  # "1715人全部脱贫": what follows is said of the name before the number
    if joined or T["right_stops"].prefix(right):
        return name  # "和5个…": another thing; "75亿元加快…": no noun after the unit
    if len(right) >= 2 and right[0] not in "和及与或" and "、" in left:
        # "呼和浩特、通辽2个…示范项目": the list gives examples of what the count names
        named = _counted(text, s, right, r_lo, r_hi, item_hi)
        keep = T["keep"].prefix(left)
        return Metric(keep + named.text, named.start, named.end) if keep else named  # 新增荆州、孝感3个…
    if right and not _counts_things(s, hi, re_):
        return name  # "海拔1500米以上农村学校": the words after are not what 米 counts
    said = _counted(text, s, right, r_lo, r_hi, item_hi) if right else _said_of(text, s, re_, item_hi)
    if said is None or said.end <= (r_hi if right else re_) or not name.text:
        return name
    if name.ref is not None:
        return name._replace(end=said.end, tail=said.text)
    return Metric(name.text + said.text, name.start, said.end)


def _last(rx: regex.Pattern, s: str, lo: int, hi: int):
    """The last match of rx in s[lo:hi], None when there is none.  Most windows hold none, and
    a search that finds nothing costs half an empty finditer: the matches are walked only
    after a search has found one."""
    last = None
    if rx.search(s, lo, hi):
        for last in rx.finditer(s, lo, hi):
            pass
    return last


def _said_of(text: str, s: str, i: int, j: int) -> Metric | None:
    """What the words after a figure say of the things the name before it counts, when an
    adverb introduces it ("1715人全部脱贫" -> 脱贫), else None."""
    T = _table()
    while i < j and s[i] == " ":
        i += 1
    if not T["adverbs"].prefix(s[i:j]):
        return None
    m = _counted(text, s, "", i, i, j)
    return m if m.text else None


def _left_name(text: str, s: str, left: str, lo: int, hi: int, re_: int, item_hi: int, led: bool) -> Metric:
    """The name read from the words before the number."""
    T = _table()
    for _ in range(2):  # 加快建设新增高新技术企业 -> 新增高新技术企业
        verb = T["generic"].prefix(left)
        if not verb or T["keep"].prefix(left) or (
                len(left) - len(verb) < MIN_AFTER_VERB and left[len(verb):] not in T["event"]):
            break  # (完成移交: 移交 is an event the subject before takes)
        lo += text.find(verb, lo, hi) - lo + len(verb)
        left = left[len(verb):]
    if len(left) < 2 or left in T["bare"] or PHASE.fullmatch(left):
        if left:
            return Metric(left, lo, hi, "sibling")
        return Metric(None, lo, hi)
    if (left in T["verb_bound"] or left.startswith(PULL_WORDS)) and s[hi:hi + 2] in ("增长", "增速"):
        return Metric(left + text[hi:hi + 2], lo, hi + 2)  # 经济增长, 拉动GDP增长 (growth, a noun here)
    owner = _owner_after(text, s, re_, item_hi)
    if owner:
        return Metric(owner + left, lo, hi)  # 总投资2.11万亿元的912个省市重点项目
    if len(left) > MAX_LEN and not (len(left) <= LIST_MAX_LEN and "、" in left and s.startswith(RESPECTIVELY, hi)):
        # (a list of names the figures after 分别 go with one by one is read whole: `学前教育毛入园率、
        # 义务教育巩固率、高中阶段和高等教育毛入学率分别达到…`)
        return Metric(left[-MAX_LEN:], hi - MAX_LEN, hi)
    if len(left) <= PARALLEL_MAX and not led:
        return Metric(left, lo, hi, "parallel")
    return Metric(left, lo, hi)


def _owner_after(text: str, s: str, i: int, j: int) -> str:
    """The things a figure is an attribute of, when a count of them follows with 的
    ("总投资2.11万亿元的912个省市重点项目" -> 省市重点项目), else ""."""
    while i < j and s[i] == " ":
        i += 1
    if not s.startswith("的", i):
        return ""
    i += 1
    while i < j and s[i] == " ":
        i += 1
    m = _table()["figure_in_item"].match(s, i, j)
    return _right_noun(text, s, m.end(), j)[0] if m else ""


def _counts_things(s: str, i: int, j: int) -> bool:
    """Whether the figure at i counts things with a classifier (个, 家, 所…), whose noun is
    written after it, rather than measuring something (米, %, 元)."""
    m = _table()["figure_in_item"].match(s, i, j)
    return bool(m) and _table()["classifiers"].suffix(m.group().rstrip("左右以上以内以下多余")) is not None


def _noun_of_previous(s: str, lo: int, hi: int) -> bool:
    """Whether the words between an earlier figure of the item and this one are that figure's
    noun only, with the number right after them ("14个领域118个", "593亿元28个"; not
    "的公园实现24小时", "129天超1亿千瓦")."""
    w = s[lo:hi].removesuffix("的")  # "100多个国家及地区的200多个港口"
    if hi >= len(s) or not s[hi].isdigit() or len(w) > PARALLEL_MAX + 2:
        return False
    if not _counts_things(s, hi, len(s)):
        return False  # "100所海拔1500米": 海拔 names the 1500米
    return not any(v in w for v in _table()["right_stops"])


def _counted(text: str, s: str, right: str, r_lo: int, r_hi: int, item_hi: int) -> Metric:
    """A name read after the unit, with what is said of the things counted when the item
    ends in it ("181个贫困村全部“摘帽”" -> 贫困村“摘帽”); adverbs stay out."""
    T = _table()
    m = T["predicate"].match(s, r_hi, item_hi)
    if not m and s[r_hi:r_hi + 1] in ("和", "及", "与") and right:
        # "60%以上行政村和80%以上乡镇达到…标准": what is said after the second is said of both
        f = T["figure_in_item"].match(s, r_hi + 1, item_hi)
        if f:
            _, _, k = _right_noun(text, s, f.end(), item_hi)
            m = T["predicate"].match(s, k, item_hi) if k > f.end() else None
    if not m:
        return Metric(right, r_lo, r_hi)
    said = text[m.start():m.end()].strip()
    pred = said
    for w in T["adverbs"]:
        pred = pred.replace(w, "")
    pred = pred.lstrip("已均都")
    if not pred:
        return Metric(right, r_lo, r_hi)
    at_verb = len(right) >= 2 and right.count("“") == right.count("”") and (
        T["noun_ends"].prefix(said) or T["adverbs"].prefix(said))
    if not at_verb or T["clause_form"].match(pred) or T["adverbs"].prefix(said) and len(pred) < LONG_PREDICATE:
        # (not at_verb: the noun ran on past RIGHT_MAX, and this is the rest of it)
        name = right + pred  # 贫困村“摘帽”, 高频事项实现“网上办”, 存量贫困人口(…全部)脱贫
    elif len(pred) < LONG_PREDICATE:
        name = right + pred  # 项目开工, 应用场景上线运行: a compound either way round
    else:
        name = pred + "的" + right  # 达到县级以上文明村镇标准的乡镇
    return Metric(name, r_lo, max(m.end(), r_hi))


# A noun after a unit cut this early by a stop word may be a clause ending in 的 (at most this
# long) that qualifies the noun after it.
RELATIVE_STOP_MAX = 2
RELATIVE_CLAUSE_MAX = 10


def _right_noun(text: str, s: str, i: int, j: int) -> tuple[str, int, int]:
    """The noun after a unit, to the item's end or a stop word: "350亿元产业发展基金" ->
    产业发展基金; "32个核心板块建设" -> 核心板块."""
    T = _table()
    while i < j and s[i] in " |":
        i += 1
    if s.startswith("的", i):
        i += 1
    if i >= j or not ("\u4e00" <= s[i] <= "\u9fff" or s[i] in "“\"《" or s[i].isdigit()):
        # no noun, and neither a means (a verb: Han) nor a qualifier (a number) can open here:
        # most figures are followed by a break or a symbol, decided without the two patterns
        return "", i, i
    m = T["means"].match(s, i, j)
    if m:
        i = m.end()  # "475项依托“郑好办”APP实现“掌上办”": the means is not what is counted
    m = T["qualifier"].match(s, i, j)
    if m:
        i = m.end()  # "7万名35-64岁妇女": the age qualifies the women counted
    if i >= j or not ("\u4e00" <= s[i] <= "\u9fff" or s[i] in "“\"《"):
        return "", i, i
    t = s[i:min(j, i + RIGHT_MAX)]
    if t[:1] in "和及与或" and t[1:2].isdigit() or T["no_noun_after"].prefix(t):
        return "", i, i  # "46503元和16935元分别提高到…": no noun after the unit
    end = len(t)
    for k in range(1, len(t) - 1):
        if t[k] in "和及与或" and t[k + 1].isdigit():
            end = k  # "60%以上行政村和80%以上乡镇"
            break
    for rx, at in ((T["stop_at"], 1), (T["event_at"], 2)):
        m = rx.search(t, at)
        if m and m.start() < end:
            end = m.start()
    depth = 0
    for k, ch in enumerate(t):
        depth += (ch in "(（") - (ch in ")）")
        if ch.isdigit() or ch in ",;。" or ch == "、" and depth <= 0 \
                or ch in "近约逾" and t[k + 1:k + 2].isdigit():  # (80个乡镇近300万群众)
            end = min(end, k)  # (not a 、 inside brackets: 乡镇（镇、办、园区）)
            break
    if end <= RELATIVE_STOP_MAX and not depth:
        k = t.find("的", end, RELATIVE_CLAUSE_MAX + 1)
        if k > end and not any(ch in ",;。、" for ch in t[:k]):
            # `29个未完成安置补偿的城中村改造工作`: a stop word inside a clause that ends in 的
            # qualifies the noun after it; the two together name what is counted
            noun, _, stop = _right_noun(text, s, i + k + 1, j)
            if noun:
                return text[i:stop], i, stop
    if end < 1:
        return "", i, i
    if t[:end].rstrip().endswith(THRESHOLD_WORDS) and end < len(t) and t[end].isdigit():
        # "2个以上投资超30亿元高质量项目": the threshold qualifies the noun after it
        m = T["figure_in_item"].match(s, i + end)
        if m:
            more, _, stop = _right_noun(text, s, m.end(), min(j, m.end() + RIGHT_MAX))
            stop = stop if more else m.end()  # "投资超30亿元、…": the noun is elided
            return text[i:stop], i, stop
    end = len(t[:end].rstrip())
    return text[i:i + end], i, i + end


def tidy(name: str) -> str:
    """A name read, without what is no part of it: pinyin readings left after its characters
    (農(nóng)業 -> 農業), a bracketed aside (地区生产总值(GDP)), a verb between the subject and its
    measure (第二产业实现增加值 -> 第二产业增加值), `分别` inside a name (省重点项目分别完成投资)."""
    T = _table()
    if "(" in name or "（" in name:
        name = _PINYIN.sub("", name) or name
        name = T["aside"].sub("", name) or name
    if "实现" in name or "完成" in name:
        name = T["mid_verb"].sub("", name)
    if "分别" in name or "分別" in name:
        name = T["respectively"].sub("", name)
    if name.endswith("中"):
        name = T["among_tail"].sub("", name) or name
    if name[:1] in "(（" and ")" not in name and "）" not in name:
        name = name[1:]  # `(牛17.62万头,…;马…)`: the bracket opens a list of parts, no part of a name
    if name.endswith(("(", "（")) or name.startswith((")", "）")):
        # a bracket the name's window cut through (`完成年任务(40.2亿元)的32.5%`: 年任务( and )的)
        name = name.strip("()（）").removesuffix("的")
    return name


def scoped(prev: str, name: str) -> str | None:
    """The name of a figure restating the one before for a part of its scope, written as
    that scope alone after an opening bracket (`(区本级`, prev 地区生产总值 -> 区本级地区生产总值),
    or None."""
    return name[1:] + prev if _table()["scope_in_bracket"].match(name) else None


def without_place(name: str, forms: tuple[str, ...]) -> str:
    """A name without the document's own place before one of the standard indicators
    (`四川省地区生产总值`, `西藏GDP`, `甘肃省实现生产总值` -> 地区生产总值, GDP, 生产总值), as 全省 is
    left out; `forms` are the ways the place is written (figures.place.place_forms).  Before
    anything else the place is part of a name (上海港集装箱吞吐量, 重庆大学…, 吉林大米…)."""
    from zzgov.figures.indicators import names_an_indicator

    for form in forms:
        if name.startswith(form):
            rest = name[len(form):]
            if rest.startswith(("实现", "完成")):
                rest = rest[2:]  # 肇庆完成GDP, 甘肃省实现生产总值
            if len(rest) >= 2 and names_an_indicator(rest):
                return rest
            # the place named in full with its level is the subject of a measure after it
            # (海南省规模以上制造业增加值, 长沙县一季度GDP); its short name may open a name
            # (上海港集装箱吞吐量, 吉林大米), and a full one a phrase (郑州市户籍的新生儿)
            full = form == forms[0] and form[-1] in GOVERNMENT_LEVELS
            return rest if full and len(rest) >= 2 and rest[0] not in _AFTER_LEVEL_WORDS \
                and (names_a_measure(rest) or _table()["topic_heads"].suffix(rest)) else name
    return name


# What follows a level character inside a word, no measure: 市民, 市长, 市委, 省级, 区域, 县城.
_AFTER_LEVEL_WORDS = frozenset("民长委级域城属内外")


# Pinyin a conversion site left after each character (`農(nóng)業(yè)`), toneless syllables too
# (the cleaned view drops only syllables with a tone mark: text.clean.READING).
_PINYIN = re.compile(r"\([a-z%s]{1,7}\)" % PINYIN_TONED)


def of_counted(count_name: str | None, name: str | None) -> str | None:
    """The name of a measure written alone after a count of projects or firms, said of them
    (`亿元以上建设项目` + `完成投资` -> 亿元以上建设项目完成投资), else None."""
    T = _table()
    if not count_name or not name or name not in T["counted_measures"] or not count_name.endswith(T["counted_things"]):
        return None
    return count_name + name


def completion(words: str) -> tuple[str, str, bool] | None:
    """(verb, plan, whether 的 follows) when the words of a figure's clause before its number
    say that it completes a plan or a budget (`完成年初预算的` -> 完成, 年初预算, True;
    `完成年初预算数` before the plan's amount -> 完成, 年初预算数, False), else None."""
    m = _table()["completion_of"].fullmatch(words) if words else None
    if m is None or m["verb"] == "占" and not m["base"].endswith(SHARE_OF_PLAN):
        return None  # (`占总任务的`: a share of the tasks, no plan's)
    return m["verb"], m["base"], bool(m["of"])


# What 占 is a completion of (`占年度计划的24.1%`); of anything else it is a share.
SHARE_OF_PLAN = ("预算", "预算数", "计划")


def _completion_subject(subject: str, verb: str) -> str:
    """The subject a completion is named with: the words before its own 完成 when it has one
    (`省级重点项目完成投资` + 完成年度投资计划 -> 省级重点项目完成年度投资计划)."""
    k = subject.find(verb) if verb == "完成" else -1
    return subject[:k] if k > 0 else subject


def completion_name(subject: str, verb: str, plan: str) -> str:
    """The name of a subject's completion rate of a plan: 收入完成年初预算, 收入为预算的比例
    (a rate written with 为 is named as the share it is)."""
    if verb in ("为", "是", "相当于"):
        return f"{subject}{verb}{plan}的比例"
    return _completion_subject(subject, verb) + verb + plan


def refer(prev: str | None, cur: Metric) -> str | None:
    """The metric of a figure whose words refer to the previous figure's metric `prev`."""
    name = _refer(prev, cur)
    if cur.tail and name and not name.endswith(cur.tail):
        return name + cur.tail
    return name


def _refer(prev: str | None, cur: Metric) -> str | None:
    if cur.ref == "prev":
        return prev
    if cur.ref == "schedule":
        return prev + cur.text if prev else cur.text
    if cur.ref == "rate":
        if not prev:
            return cur.text
        base = prev[:-2] if prev.endswith(RATE_NOUNS) else prev
        return base + cur.text  # 增加值增长6.8%,增速比全市高… -> 增加值增速
    if cur.ref == "share":
        if prev and cur.text:
            prev = prev.removesuffix(STOCK_CUE)  # the share of a running total is the subject's
            head = cur.text[:-2] if cur.text.endswith("比重") else cur.text
            return prev + head + "比重"
        return cur.text
    if cur.ref == "parallel":
        # (a modifier and a head of two characters each: 运营里程 -> 在建里程, not 通车里程 -> 总里程)
        # (what is left of the name before must be a subject: not `粮` of 粮油食品类 before 日用品类)
        if prev and cur.text and len(prev) >= len(cur.text) + 2 and len(cur.text) == PARALLEL_MAX \
                and prev[-2:] == cur.text[-2:] \
                and not prev.endswith(cur.text) and not _verb_word(prev[-PARALLEL_MAX:-2]):
            return prev[: len(prev) - len(cur.text)] + cur.text
        return cur.text
    if cur.ref == "sibling" and cur.text:
        if not prev:
            return cur.text if len(cur.text) >= 2 else None
        T = _table()
        w = T["siblings"].suffix(prev)
        if w and cur.text in T["siblings"] and len(prev) > len(w):
            return prev[: -len(w)] + cur.text  # 一般公共预算收入…、支出 -> 一般公共预算支出
        measure = measure_of(prev)
        if measure and measure.endswith(cur.text) and len(measure) > len(cur.text):
            return measure  # 第二产业增加值占GDP比重61.8%,增加值增长6.8%
        if PHASE.fullmatch(cur.text):
            m = PHASE.search(prev)
            if m:
                if cur.tail:  # 一期工程7条道路完工、二期7条道路开工建设 -> …二期道路开工建设
                    return prev[:m.start()] + cur.text + cur.tail
                rest = prev[m.end():]
                event = T["noun_ends"].suffix(rest)
                if event and len(rest) > len(event):
                    rest = rest[:-len(event)]  # 一期7条道路完工、二期9条道路正在建设: not 完工
                return prev[:m.start()] + cur.text + rest  # 一期工程7条、二期9条
            return cur.text
        verbs = T["verbs"]
        if cur.text in verbs:
            w = verbs.suffix(prev)
            if w and len(prev) > len(w):
                return prev[: -len(w)] + cur.text  # 市区中小学新开工31所、新投用30所
            w = verbs.prefix(prev)
            if w and len(prev) > len(w):
                return prev[len(w):] + cur.text  # 建成安置房6.3万套、新开工5.6万套
            w = next((v for v in T["keep"] if v in prev[1:]), None)
            if w:
                # 市区新建、改扩建中小学30所、投用20所 -> 市区中小学投用
                i = prev.index(w, 1)
                j = _verbs_end(prev, i + len(w))
                if j < len(prev):
                    return prev[:i] + prev[j:] + cur.text
            if cur.text in T["event"] or cur.text in T["benefit"]:
                return prev + cur.text  # 城镇小区配套幼儿园280所,已完成移交273所; 改造…1万个,惠及…
        return cur.text if len(cur.text) >= 2 else None
    return cur.text


_HEAD_AFTER_OF_MAX = 4  # characters of a head shared after 的 (…、居住的价格), at most


def distribute(metric: str | None, k: int) -> list[str] | None:
    """The k metrics of a list of k figures that share one coordinated subject, or None.

    >>> distribute("城镇和农村居民人均可支配收入", 2)
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    >>> distribute("生活垃圾分类覆盖率和回收利用率", 2)
    ['生活垃圾分类覆盖率', '生活垃圾回收利用率']
    >>> distribute("食品、烟酒、居住的价格", 3)
    ['食品价格', '烟酒价格', '居住价格']
    """
    if not metric or k < 2:
        return None
    T = _table()
    for word, parts in T["splits"].items():
        if len(parts) == k and word in metric:
            i = metric.index(word)
            return [metric[:i] + p + metric[i + len(word):] for p in parts]
    parts = [p for p in metric.split("、") if p]
    if len(parts) != k:
        # (and at a conjunction only when the 、 are too few: 普及率 holds 及)
        parts = [metric]
        for j in T["joiners"]:
            parts = [p for q in parts for p in q.split(j)]
        parts = [p for p in parts if p]
    if len(parts) != k:
        return None
    first, last = parts[0], parts[-1]
    of = last.rfind("的")
    if 0 < of and 1 <= len(last) - of - 1 <= _HEAD_AFTER_OF_MAX and all("的" not in p for p in parts[:-1]):
        head = last[of + 1:]  # 食品、烟酒、居住的价格: 的 says where the shared head starts
        return [p + head for p in parts[:-1]] + [last[:of] + head]
    if len(parts) == 2 and len(first) == len(last) or (len(first) >= len(last) and first[:1] == last[:1]):
        return parts  # 游客人数、旅游收入; 规上工业增加值、规上服务业营收: each names itself
    # where the last conjunct's own words end and the shared head begins
    head = next((h for h in T["shared_heads"] if last.endswith(h) and len(last) > len(h)), None)
    fits = head is not None and len(last) - len(head) <= max(len(p) for p in parts[:-1]) + 1
    if fits and len(parts) > 2 and not any(p.endswith(head[-1]) for p in parts[1:-1]):
        cut = len(last) - len(head)  # 化学需氧量、二氧化硫、氨氮、氮氧化物排放量: 排放量 is shared
        verb = T["shared_head_verbs"].suffix(last[:cut])
        if verb and cut > len(verb):
            cut -= len(verb)  # 省重点项目、市重点项目完成投资: the verb before the measure is shared too
    else:
        cut = last.find(first[-1], 1) + 1 if first[-1] in last[1:] else 0
    if not cut and fits:
        cut = len(last) - len(head)  # 集成电路、汽车零配件、锂电池出口 (not 城镇、农村居民|收入)
    if not cut and len(first) >= 2 * len(last):
        cut = len(last)  # 招商引资签约项目数与合同额: the last conjunct is all stem
    if not cut and len(last) > max(len(p) for p in parts[:-1]):
        cut = min(len(p) for p in parts[:-1])
        while cut < len(last) and _latin(last[cut - 1]) and _latin(last[cut]):
            cut += 1  # PM10、PM2.5年平均: the head starts after "PM2.5"
        if not (_latin(last[cut - 1]) or last[cut:] in T["shared_heads"]
                or (len(last) - cut >= 2 and not any(j in last[:cut] for j in "和与及"))):
            # no head of one character (游客数量和游客总花费: 费), nor one cut out of a
            # coordination (信息传输、租赁和商务服务业增加值: 务服务业增加值)
            cut = 0
    if not cut:
        # no shared head: each conjunct names itself (刑事案件、治安案件、命案数)
        return parts if all(len(p) >= 2 for p in parts) else None
    head, stem = last[cut:], last[:cut]
    # (a conjunct that ends in a measure of its own takes no shared measure: 旅游总收入、游客人均
    # 花费; a shared rate or share is another matter: 工业技改投资、制造业技改投资增速)
    rate = head.endswith(RATE_NOUNS) or head in _table()["share_heads"]
    out = [p if not rate and names_a_measure(p) else p + head for p in parts[:-1]] + [last]
    if len(first) - len(stem) >= 2 and not head and max(len(p) for p in parts[1:]) < len(first):
        # the first conjunct carries the shared subject: 生活垃圾分类覆盖率和回收利用率
        lead = first[: len(first) - len(stem)]
        out = [first] + [lead + p for p in parts[1:]]
    elif len(stem) < len(first) and len(parts) == 2 and first[-2:] == stem[-2:]:
        # 非化石能源发电量、用电量占比: subject and head both shared
        out = [first + head, first[: len(first) - len(stem)] + last]
    return out


def each_example(before: str, metric: str, k: int) -> list[str] | None:
    """The k metrics of k figures after 分别 whose subject lists k examples before 等 (`before`:
    the clause's words up to the metric), or None.

    >>> each_example("医疗器械、钢构网架、文化用品、电子信息等行业", "产值", 4)
    ['医疗器械行业产值', '钢构网架行业产值', '文化用品行业产值', '电子信息行业产值']
    >>> each_example("氧化铝、石墨及碳素制品、液压元件等", "产品产量", 3)
    ['氧化铝产量', '石墨及碳素制品产量', '液压元件产量']
    >>> each_example("钢铁、菱镁、装备制造等", "主导产业增加值", 3)
    ['钢铁产业增加值', '菱镁产业增加值', '装备制造产业增加值']
    """
    T = _table()
    cls = T["example_classes"].suffix(before)
    if cls and before[:-len(cls)].endswith("等"):
        before = before[:-len(cls)]
    elif before.endswith("等") and T["examples_end"].match(before, len(before) - 1) is not None:
        cls = ""
        for q in range(_QUALIFIER_MAX + 1):
            # 等产品产量, 等主导产业增加值, 等新产品产量: the class was read as the name's start,
            # after a word qualifying it, which the examples need not share
            cls = T["example_classes"].prefix(metric[q:])
            if cls and len(metric) > q + len(cls):
                metric = metric[q + len(cls):]
                break
            cls = ""
    else:
        return None
    items = before[:-1].split("、")
    if len(items) == k - 1:
        # `A、B和C`: the last joiner only (石墨及碳素制品 is one example)
        last = max(items[-1].rfind(j) for j in ("和", "与", "及"))
        if last > 0:
            items[-1:] = [items[-1][:last], items[-1][last + 1:]]
    if len(items) != k or not all(0 < len(x) <= _EXAMPLE_MAX and not any(ch.isdigit() for ch in x) for x in items):
        return None
    if len(items[0]) > 2 * max(len(x) for x in items[1:]) + 1:
        return None  # the first holds words of the clause before the list, not one example
    kept = "" if cls in T["example_things"] else cls
    return [x + kept + metric for x in items]


_EXAMPLE_MAX = 12  # characters of one example in a list before 等, at most
_QUALIFIER_MAX = 2  # characters of a word qualifying the class after 等 (主导产业, 新产品)


def part_measure(name: str) -> str | None:
    """The measure the parts of a total named `name` are counted in (地区生产总值 -> 增加值,
    规上工业总产值 -> 产值, 固定资产投资 -> 投资), or None when the name ends in no measure word."""
    T = _table()
    for whole, part in T["part_measures"]:
        if name.endswith(whole):
            return part
    return T["measure_heads"].suffix(name) or None


def names_a_sector(name: str) -> bool:
    """Whether a name is a sector's alone (第一产业, 批发和零售业), short, with no measure."""
    T = _table()
    # (asked of every figure of a range: its last character turns most names away)
    return len(name) <= SECTOR_MAX and name[-1:] in T["sector_last"] and bool(T["sector_ends"].suffix(name))


SECTOR_MAX = 12


def names_a_price_group(name: str) -> bool:
    """Whether a name is a group of the consumer price index alone (衣着, 医疗保健类)."""
    return name.removesuffix("类") in _table()["price_groups"]


def names_nothing_itself(s: str) -> bool:
    """Whether the words before a line's first number are a verb and at most a measure
    (`完成投资5.6亿元`, `实现增加值`): they name no subject of their own, so the heading over
    them does (not `新建高效节水灌溉面积3万亩`, whose verb has its object)."""
    m = _DIGIT.search(s)
    words = s[:m.start()] if m else s
    verb = _table()["verbs"].prefix(words)
    if not verb:
        return False
    rest = words[len(verb):]
    return not rest or (len(rest) <= _MEASURE_ALONE_MAX and names_a_measure(rest))


_MEASURE_ALONE_MAX = 4  # characters of a measure word standing alone after a verb (投资, 增加值)


def names_a_measure(name: str) -> bool:
    """Whether a name ends in a measure word or a count of persons (收入, 产值, 人次)."""
    return bool(_table()["measure_heads"].suffix(name)) or name.endswith(("人次", "人数"))


def _verb_word(w: str) -> bool:
    T = _table()
    return w in T["generic"] or w in T["keep"] or w in T["event"] or w in T["object_after"]


def _verbs_end(name: str, j: int) -> int:
    """Where the verbs end that are coordinated with the one ending at j ("新建、改扩建中小学":
    、改扩建)."""
    while name.startswith("、", j) and 0 < name.find("建", j) - j <= 3:
        j = name.find("建", j) + 1
    return j


def topic_before(text: str, s: str, item_lo: int, floor: int) -> Metric | None:
    """The subject a figure refers back to when the words before it, in its own clause of the
    sentence (after a `;` or the sentence start, never before `floor`, the end of the previous
    figure), hold no figure but name the subject then a verb: `…;财政一般预算收入实现翻倍增长,
    从2006年的8.8亿元增至…` -> 财政一般预算收入.  None otherwise."""
    T = _table()
    lo = _clause_start(s, item_lo, floor)
    head = s[lo:item_lo]
    # (a year dates the subject's milestone, no figure: `全县地区生产总值2018年突破百亿元大关,`)
    if not head or _DIGIT.search(_YEARS.sub("年", head)) or "," not in head and "，" not in head:
        return None
    m = T["topic_verb"].search(head)
    if not m or m.start() < 2:
        return None
    hi = lo + m.start()
    # the verb's subject is in its own comma clause (`地区生产总值 初步核算,全年地区生产总值突破…`)
    lo = max(lo, max(s.rfind(",", lo, hi), s.rfind("，", lo, hi)) + 1)
    for _ in range(4):
        lead = T["lead"].match(s, lo, hi)
        if not lead or lead.end() == lo:
            break
        lo = lead.end()  # 全年, 2022年: no part of the subject
    trail = T["trail"].search(s, lo, hi)
    if trail and trail.start() > lo:
        hi = trail.start()  # 首次
    if hi - lo > 5 and _YEARS.fullmatch(s, hi - 5, hi):
        hi -= 5  # 2018年
    # the subject names a measure, and ends with it (`陇县地区生产总值稳定增长` -> …生产总值);
    # words naming none are no subject of a figure (`从这两年我省经济`)
    heads = (T["measure_heads"], T["shared_heads"], T["topic_heads"])
    # (an aside after the measure stays for tidy to take off: `地区生产总值(GDP)`)
    end = max(s.rfind("(", lo, hi), s.rfind("（", lo, hi)) if s[hi - 1:hi] in (")", "）") else hi
    # (each test reads the last few characters only: a long run without a measure costs
    # linear time, never a slice of the whole run per character)
    while end - lo >= 2 and not any(h.suffix(s[max(lo, end - _HEAD_WINDOW):end]) for h in heads):
        end -= 1
        hi = end
    name = text[lo:hi].strip(" ,，、")
    if not 2 <= len(name) <= MAX_LEN:
        return None
    return Metric(name, lo, hi)


_HEAD_WINDOW = 16  # longer than any measure word a subject may end with


def _clause_start(s: str, i: int, floor: int) -> int:
    """Where the clause holding i starts: after the last `;` or sentence end before i, never
    before `floor`.  (A break before floor cannot move the start: looking back no further
    keeps a long text of figures and no sentence end linear, where each figure looked back
    to the text's start.)"""
    return max(floor, max((s.rfind(ch, floor, i) for ch in "。;；!?！？"), default=-1) + 1)


def measure_of(name: str) -> str | None:
    """The measure a name gives a share, a rate or an attribute of (第二产业增加值占GDP比重,
    第二产业增加值增速 -> 第二产业增加值), None when it gives none."""
    m = _table()["attribute_tail"].search(name)
    if m and m.start() >= 2:
        return name[:m.start()]
    if name.endswith(RATE_NOUNS) and len(name) >= 4:
        return name[:-2]
    return None


def subject_of(name: str) -> str | None:
    """The subject of a name that gives a measure of it, or a share, a rate or an attribute of
    that measure (第一产业增加值, 第二产业增加值占GDP比重 -> 第一产业, 第二产业); None when the
    name ends in no measure word."""
    measure = measure_of(name)
    base = measure or name
    w = _table()["measure_heads"].suffix(base)
    if w and len(base) - len(w) >= 2:
        return base[:-len(w)]
    return measure


def in_class_measure(prev: str, cur: str) -> str | None:
    """The name of a part named by its category alone after a part named with its measure
    (prev 食品烟酒类价格, cur 衣着类 -> 衣着类价格; prev 采矿业增加值, cur 制造业 -> 制造业增加值), or
    None."""
    T = _table()
    if not cur.endswith(T["class_ends"]) or cur.endswith(T["class_not_industry"]) or names_a_measure(cur):
        return None  # (企业, 就业 end in 业 and name no industry)
    cls = cur[-1]
    k = prev.rfind(cls)
    head = prev[k + 1:] if k > 0 else ""
    if not head or not (head in T["measure_heads"] or head in T["class_heads"]):
        return None
    return cur + head


def attributed(prev: str, cur: str) -> str | None:
    """The name of a figure that gives an attribute of the subject the previous figure measures
    ("第一产业实现增加值11.4亿元,…,贡献率为33.6%" -> 第一产业贡献率), or a bare measure of it
    ("粮食播种面积1088.5万亩、亩产414.3公斤" -> 粮食亩产), else None."""
    T = _table()
    if T["attribute"].fullmatch(cur):
        subject = subject_of(prev)
        return subject + cur if subject else None
    verb = T["generic"].prefix(cur)
    measure = cur[len(verb):] if verb and len(cur) > len(verb) else cur
    if len(measure) < 2 or not T["bare_measure"].fullmatch(measure):
        return None
    subject = measured_subject(prev)
    return subject + measure if subject else None


def measured_subject(name: str) -> str | None:
    """The subject a name gives a measure of, its verbs and scope word left out (全区高速公路
    建设完成投资 -> 高速公路, 农业实现总产值 -> 农业); None when it ends in no measure."""
    T = _table()
    m = T["measure_tail"].search(name)
    if m is None or m.start() < 2:
        return None
    subject = name[:m.start()]
    for _ in range(2):
        verb = T["verbs"].suffix(subject)
        if not verb or len(subject) - len(verb) < 2:
            break
        subject = subject[:-len(verb)]
    if len(subject) >= 3 and subject[0] in "全本我" and subject[1] in "省市州县区镇乡旗":
        subject = subject[2:]  # 全区, 本市, 我县: the document's own scope
    verb = T["verbs"].prefix(subject)
    if verb and len(subject) - len(verb) >= 2:
        subject = subject[len(verb):]  # 新增高速公路通车里程 -> 高速公路 (the later measure is no flow)
    return subject if len(subject) >= 2 and subject not in T["bare"] else None


def stock_name(name: str) -> str:
    """A flow's name without the verb that makes it a flow ("新增高速公路" -> 高速公路)."""
    verb = _table()["keep"].prefix(name)
    return name[len(verb):] if verb and len(name) > len(verb) else name


def stock_of(prev: str | None) -> str | None:
    """The name of a running total stated after a flow ("新增高新技术企业800家,累计达到
    2900家" -> 高新技术企业累计): the stock has no 新增."""
    keep = _table()["keep"]
    if not prev or STOCK_CUE in prev:
        return prev
    verb = keep.prefix(prev)
    if verb and len(prev) > len(verb):
        return prev[len(verb):] + STOCK_CUE
    verb = keep.suffix(prev)
    if verb and len(prev) > len(verb):
        return prev[:-len(verb)] + STOCK_CUE  # 制度创新案例新增9个、累计达到79个
    return prev


def shared_verb(prev: str, cur: str) -> str:
    """A list item's metric when the verb that opens the list's first item governs it too:
    "新增高新技术企业500家、科技型企业1000家" -> 新增科技型企业."""
    T = _table()
    verb = T["keep"].prefix(prev)
    if not verb or len(prev) == len(verb) or cur.startswith(verb):
        return cur
    verb = prev[:_verbs_end(prev, len(verb))]  # 新建、改扩建中小学40所、幼儿园35所
    if T["keep"].prefix(cur) or T["generic"].prefix(cur) or T["object_after"].prefix(cur) \
            or T["event"].prefix(cur):
        return cur  # (建成过江通道4座、在建8座: 在建 is no object of 建成)
    return verb + cur


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or ch == "."
