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

from zzgov import rules

# A number's first digit (not one inside a code such as PM10).
_DIGIT = re.compile(r"(?<![A-Za-z\d.])\d")

# A metric read from these words (no longer: a title or a whole clause is not a name).
MAX_LEN = 24
RIGHT_MAX = 16
# Noun forms of a change that belong to the name ("居民消费价格涨幅2%左右": the CPI target).
RATE_NOUNS = ("涨幅", "增幅", "增速", "降幅")
# A name this short that ends like the previous figure's names the same thing of the same
# subject ("轨道交通运营里程达到206.3公里,在建里程达到203.5公里" -> 轨道交通在建里程).
PARALLEL_MAX = 4
# A generic verb is taken off a name only when a real noun phrase is left ("建设高标准农田" ->
# 高标准农田; "完成投资" stays: 投资 alone names nothing).
MIN_AFTER_VERB = 3
# A phase of a programme standing alone takes the name of the phase before it
# ("道路综合改造一期7条道路全面完工,二期9条道路正在建设" -> 道路综合改造二期).
PHASE = re.compile(r"[一二三四五六七八九十\d]{1,2}期")
# Words after which a number is a threshold inside a name ("投资超30亿元高质量项目").
THRESHOLD_WORDS = ("超", "超过", "投资在", "规模超")


class Metric(NamedTuple):
    text: str | None
    start: int  # indices into the cleaned view of the words the name was read from
    end: int
    ref: str | None = None  # "prev": the previous figure's metric; "sibling": its head swapped


@lru_cache(maxsize=1)
def _table():
    t = rules.load("figures_metric")

    def words(name):
        return tuple(sorted(t.words(name), key=lambda w: (-len(w), w)))

    splits = {}
    for entry in t.words("split_abbreviations"):
        word, _, parts = entry.partition("=")
        splits[word] = tuple(parts.split("|"))
    return {
        "lead": t.pattern("lead"), "after_figure": t.pattern("after_figure"),
        "refers_back": t.pattern("refers_back"), "share_of": t.pattern("share_of"),
        "trail": t.pattern("trail"), "examples_end": t.pattern("examples_end"),
        "figure_in_item": t.pattern("figure_in_item"), "enumeration_count": t.pattern("enumeration_count"),
        "list_label": t.pattern("list_label"),
        "object_after": words("object_after_verbs"), "keep": words("keep_verbs"),
        "generic": words("generic_verbs"), "event": words("event_verbs"), "frame_lead": t.pattern("frame_lead"), "right_stops": words("right_stops"),
        "siblings": words("siblings"), "splits": splits, "joiners": words("joiners"),
        "share_heads": words("share_heads"), "shared_heads": words("shared_heads"),
        "verb_bound": frozenset(t.words("verb_bound")),
    }


def _prefix(t: str, words: tuple[str, ...]) -> str | None:
    for w in words:
        if t.startswith(w):
            return w
    return None


def _suffix(t: str, words: tuple[str, ...]) -> str | None:
    for w in words:
        if t.endswith(w):
            return w
    return None


def name_metric(text: str, s: str, item_lo: int, core_end: int, re_: int, item_hi: int,
                clause_lo: int | None = None) -> Metric:
    """The metric of a figure: `text` is the cleaned view (characters as written), `s` its
    folded twin (same indices); the item runs from item_lo, the metric words end at
    core_end at the latest, and the words after the figure run from re_ to item_hi.
    `clause_lo`: where the clause starts when the item follows a 、 inside it."""
    T = _table()
    lo, hi = item_lo, core_end
    if clause_lo is not None and clause_lo < item_lo:
        for m in T["list_label"].finditer(s, clause_lo, item_lo):
            clause_lo = m.end()  # a list item's number kept inside the line (lone-CR files)
    if clause_lo is not None and clause_lo < item_lo and not _DIGIT.search(s, clause_lo, item_lo):
        # "新建、改建乡村教师周转宿舍1115套": the items before the 、 hold no figure, so they are
        # coordinated words of this one's name
        lo = clause_lo
        m = T["enumeration_count"].search(s, lo, hi)
        if m:
            lo = m.start()  # 集成电路、生物医药、人工智能三大先导产业规模 -> 三大先导产业规模
    last = None
    for last in T["figure_in_item"].finditer(s, lo, hi):
        pass
    if last is not None:
        lo = last.end()  # "14个领域118个应用场景" -> 应用场景 for 118
        while lo < hi and s[lo] in "和及与、":
            lo += 1  # "森林特色小镇17个和森林生态乡村166个"
    for m in T["list_label"].finditer(s, lo, hi):
        lo = m.end()
    if hi + 2 <= len(s) and s[hi:hi + 2] in RATE_NOUNS:
        hi += 2  # 居民消费价格涨幅
    elif hi and s[hi - 1] == "年" and s.startswith("平均", hi):
        hi += 2  # PM2.5年平均同比下降: 年平均 belongs to the name, 平均 alone qualifies the verb
    if T["after_figure"].match(s[lo:hi]):
        # "增长4.5%左右和5.5%左右": the list's metric is shared; "104个病种费用": the noun after
        right, r_lo, r_hi = _right_noun(text, s, re_, item_hi)
        return Metric(right or None, r_lo, r_hi) if right and last is None else Metric(None, lo, hi)
    if T["refers_back"].match(s, lo, hi):
        return Metric(None, lo, hi, "prev")
    share = T["share_of"].match(s, lo, hi)
    if share:
        whole = text[share.start("whole"):share.end("whole")]
        return Metric("占" + whole + "比重", lo, hi, "share")
    led = False
    for _ in range(4):
        m = T["lead"].match(s, lo, hi)
        if not m:
            break
        lo, led = m.end(), True  # "其中475项…", "全市4137个…": nothing left before the number
    for m in T["frame_lead"].finditer(s, lo, hi):
        if m.end() < hi:
            lo = m.end()
    joined = s[lo:hi].rstrip().endswith(("和", "及", "与", "、"))
    m = T["trail"].search(s, lo, hi)
    if m and m.start() > lo:
        hi = m.start()
    # examples of an enumeration: what follows the last 等 names the figure
    right_only = False
    k = s.rfind("等", lo, hi)
    if k != -1:
        m = T["examples_end"].match(s, k, hi)
        if m and k > lo:
            lo = m.end()
            right_only = lo >= hi
    left = text[lo:hi].strip(" ,、|—-–")
    right, r_lo, r_hi = _right_noun(text, s, re_, item_hi)
    if right and last is not None and joined:
        # "60%以上行政村和80%以上乡镇": the words before 和 are the previous figure's noun
        return Metric(right, r_lo, r_hi)
    if right:
        verb = _prefix(left, T["object_after"]) or _suffix(left, T["object_after"])
        keep = _prefix(left, T["keep"])
        if right_only or not left:
            return Metric(right, r_lo, r_hi)
        if keep and keep == left:
            return Metric(left + right, lo, r_hi)  # 新增141所公立幼儿园 -> 新增公立幼儿园
        if verb and (left == verb or left.endswith(verb) or left[len(verb):] in T["object_after"]):
            return Metric(right, r_lo, r_hi)  # 设立350亿元产业发展基金, 推进新一轮500个…项目
    if right_only:
        return Metric(None, lo, hi)
    for _ in range(2):  # 加快建设新增高新技术企业 -> 新增高新技术企业
        verb = _prefix(left, T["generic"])
        if not verb or _prefix(left, T["keep"]) or (
                len(left) - len(verb) < MIN_AFTER_VERB and left[len(verb):] not in T["event"]):
            break  # (完成移交: 移交 is an event the subject before takes)
        lo += text.find(verb, lo, hi) - lo + len(verb)
        left = left[len(verb):]
    if left in T["siblings"] or left in T["generic"] or left in T["keep"] or left in T["event"] or len(left) < 2 \
            or PHASE.fullmatch(left):
        if left:
            return Metric(left, lo, hi, "sibling")
        return Metric(None, lo, hi)
    if left in T["verb_bound"] and s[hi:hi + 2] in ("增长", "增速"):
        return Metric(left + text[hi:hi + 2], lo, hi + 2)  # 经济增长
    if len(left) > MAX_LEN:
        return Metric(left[-MAX_LEN:], hi - MAX_LEN, hi)
    if len(left) <= PARALLEL_MAX and not led:
        return Metric(left, lo, hi, "parallel")
    return Metric(left, lo, hi)


def _right_noun(text: str, s: str, i: int, j: int) -> tuple[str, int, int]:
    """The noun after a unit, to the item's end or a stop word: "350亿元产业发展基金" ->
    产业发展基金; "32个核心板块建设" -> 核心板块."""
    T = _table()
    while i < j and s[i] in " |":
        i += 1
    if s.startswith("的", i):
        i += 1
    if i >= j or not ("\u4e00" <= s[i] <= "\u9fff" or s[i] in "“\"《"):
        return "", i, i
    t = s[i:min(j, i + RIGHT_MAX)]
    if t[:1] in "和及与或" and t[1:2].isdigit():
        return "", i, i
    end = len(t)
    for k in range(1, len(t) - 1):
        if t[k] in "和及与或" and t[k + 1].isdigit():
            end = k  # "60%以上行政村和80%以上乡镇"
            break
    for w in T["right_stops"]:
        k = t.find(w, 1)
        if k != -1 and k < end:
            end = k
    for k, ch in enumerate(t):
        if ch.isdigit() or ch in "、,;。":
            end = min(end, k)
            break
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


def refer(prev: str | None, cur: Metric) -> str | None:
    """The metric of a figure whose words refer to the previous figure's metric `prev`."""
    if cur.ref == "prev":
        return prev
    if cur.ref == "share":
        if prev and cur.text:
            head = cur.text[:-2] if cur.text.endswith("比重") else cur.text
            return prev + head + "比重"
        return cur.text
    if cur.ref == "parallel":
        if prev and cur.text and len(prev) > len(cur.text) and prev[-2:] == cur.text[-2:] \
                and not prev.endswith(cur.text):
            return prev[: len(prev) - len(cur.text)] + cur.text
        return cur.text
    if cur.ref == "sibling" and cur.text:
        if not prev:
            return cur.text if len(cur.text) >= 2 else None
        T = _table()
        w = _suffix(prev, T["siblings"])
        if w and cur.text in T["siblings"] and len(prev) > len(w):
            return prev[: -len(w)] + cur.text  # 一般公共预算收入…、支出 -> 一般公共预算支出
        if PHASE.fullmatch(cur.text):
            m = PHASE.search(prev)
            if m:
                return prev[:m.start()] + cur.text + prev[m.end():]  # 一期工程7条、二期9条
            return cur.text
        verbs = tuple(sorted(set(T["keep"] + T["generic"] + T["event"]), key=lambda w: (-len(w), w)))
        if cur.text in verbs:
            w = _suffix(prev, verbs)
            if w and len(prev) > len(w):
                return prev[: -len(w)] + cur.text  # 市区中小学新开工31所、新投用30所
            w = _prefix(prev, verbs)
            if w and len(prev) > len(w):
                return prev[len(w):] + cur.text  # 建成安置房6.3万套、新开工5.6万套
            if cur.text in T["event"]:
                return prev + cur.text  # 城镇小区配套幼儿园280所,已完成移交273所
        return cur.text if len(cur.text) >= 2 else None
    return cur.text


def distribute(metric: str | None, k: int) -> list[str] | None:
    """The k metrics of a list of k figures that share one coordinated subject, or None.

    >>> distribute("城镇和农村居民人均可支配收入", 2)
    ['城镇居民人均可支配收入', '农村居民人均可支配收入']
    >>> distribute("生活垃圾分类覆盖率和回收利用率", 2)
    ['生活垃圾分类覆盖率', '生活垃圾回收利用率']
    """
    if not metric or k < 2:
        return None
    T = _table()
    for word, parts in T["splits"].items():
        if len(parts) == k and word in metric:
            i = metric.index(word)
            return [metric[:i] + p + metric[i + len(word):] for p in parts]
    parts = [metric]
    for j in T["joiners"]:
        parts = [p for q in parts for p in q.split(j)]
    parts = [p for p in parts if p]
    if len(parts) != k:
        return None
    first, last = parts[0], parts[-1]
    if len(parts) == 2 and len(first) == len(last) or (len(first) >= len(last) and first[:1] == last[:1]):
        return parts  # 游客人数、旅游收入; 规上工业增加值、规上服务业营收: each names itself
    # where the last conjunct's own words end and the shared head begins
    cut = last.find(first[-1], 1) + 1 if first[-1] in last[1:] else 0
    if not cut:
        head = next((h for h in T["shared_heads"] if last.endswith(h) and len(last) > len(h)), None)
        if head and len(last) - len(head) <= max(len(p) for p in parts[:-1]) + 1:
            cut = len(last) - len(head)  # 集成电路、汽车零配件、锂电池出口 (not 城镇、农村居民|收入)
    if not cut and len(first) > len(last):
        cut = len(last)  # 招商引资签约项目数与合同额: the last conjunct is all stem
    if not cut and len(last) > len(first):
        cut = min(len(p) for p in parts[:-1])
        while cut < len(last) and _latin(last[cut - 1]) and _latin(last[cut]):
            cut += 1  # PM10、PM2.5年平均: the head starts after "PM2.5"
    if not cut:
        return None
    head, stem = last[cut:], last[:cut]
    out = [p + head for p in parts[:-1]] + [last]
    if len(stem) < len(first) and not head:
        # the first conjunct carries the shared subject: 生活垃圾分类覆盖率和回收利用率
        lead = first[: len(first) - len(stem)]
        out = [first] + [lead + p for p in parts[1:]]
    elif len(stem) < len(first) and len(parts) == 2 and first[-2:] == stem[-2:]:
        # 非化石能源发电量、用电量占比: subject and head both shared
        out = [first + head, first[: len(first) - len(stem)] + last]
    return out


def shared_verb(prev: str, cur: str) -> str:
    """A list item's metric when the verb that opens the list's first item governs it too:
    "新增高新技术企业500家、科技型企业1000家" -> 新增科技型企业."""
    T = _table()
    verb = _prefix(prev, T["keep"])
    if not verb or len(prev) == len(verb) or cur.startswith(verb):
        return cur
    if _prefix(cur, T["keep"]) or _prefix(cur, T["generic"]) or _prefix(cur, T["object_after"]):
        return cur
    return verb + cur


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or ch == "."
