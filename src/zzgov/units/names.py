"""Organisation-name lists as written in 责任单位 / 牵头单位 fields -> lists of unit names.

Input is one field's text, already cleaned (no line breaks or stray blanks); output is
(units, units_open):

>>> split_units("市发展改革委、住建局，二七区、金水区政府，市供电公司等有关部门")
(['市发展改革委', '市住建局', '二七区政府', '金水区政府', '市供电公司'], ['等有关部门'])

Rules, in order: split on list separators outside parentheses (so `各县（市、区）政府` stays
whole); cut open tails at 等 (`…等有关部门` -> units_open); give bare place names the
organisation suffix of the coordinated name they share it with (`二七区、金水区政府`); give
bare department names the level prefix of the name before them (`市发展改革委、住建局`).
Collective references (`市政府各部门`, `相关县（市、区）政府`) are kept as written.
"""

from __future__ import annotations

import regex
import functools

from zzgov.text.script import lazy_regex


# Separators between names in a unit list: 、 ， , ； ; (full- and half-width).
LIST_SEPARATORS = frozenset("、，,；;")
# Separators between clauses or top-level entries: everything but the enumeration comma 、.
CLAUSE_SEPARATORS = frozenset("，,；;")
OPEN_BRACKETS = frozenset("（(〔[【〈<《")
CLOSE_BRACKETS = frozenset("）)〕]】〉>》")

# Suffixes that make a place name an organisation: 二七区 + 政府, 郑东新区 + 管委会.
# Longest first so 人民政府 wins over 政府.
PLACE_ORG_SUFFIXES = ("人民政府", "管理委员会", "管委会", "党工委", "政府", "办事处")

# How a bare place name ends: 金水区, 中牟县, 新郑市, 郑东新区, 自贸区郑州片区, 某某镇, and the
# prefectures of the west and north (海西州, 海西蒙古族藏族自治州, 阿拉善盟), and the townships of
# Inner Mongolia's pastures (苏木, as a 乡).
PLACE_END = regex.compile(r"(?:区|县|市|旗|镇|乡|街道|片区|州|盟|苏木)$")

# Endings that make a name an organisation already (市供电公司, 市文物局, 团市委 …); a street
# office is written 街 in some cities' lists (`交通运输局、澄阳街、湖口街`).
ORG_END = regex.compile(
    r"(?:局|委|办|厅|委员会|管委会|政府|公司|集团|中心|院|会|部|处|室|队|所|站|行|社|馆|团|联|署|台|办公室|部门|单位|机构|企业|学校|医院|银行|海关|法院|检察院|警备区|军分区|支队|总队|大队|组|专班|指挥部|办事处|街道|乡镇|科|股|(?<=\p{Han}{2})街)$"
)

# Bare department names that borrow the level prefix of the name before them
# (`市发展改革委、住建局` -> `市住建局`): short, ending in a department word.
# (This and the other patterns that only some lists reach are compiled on first use.)
DEPARTMENT_END = lazy_regex(r"(?:局|委|办|厅|委员会|办公室)$")
LEVEL_PREFIXES = ("市", "省", "县", "区", "镇", "乡", "州", "盟", "旗")
# The level words of autonomous governments, which their departments' names open with too.
AUTONOMOUS_LEVELS = ("自治区", "自治州", "自治县", "自治旗")
# Department words that open with a level character (`市发展改革委、市场监管局` -> 市市场监管局).
BARE_STARTS = ("市场",)
# Bodies of a national system, under no local government (`省发展改革委、民航岷川监管局`):
# no level prefix is borrowed for them.
NATIONAL_STARTS = ("民航", "海关", "国家", "中国", "中央", "人民银行", "人行", "国网", "铁路", "武警", "出入境")
# A name holding a place word is not a bare department (郑州警备区, 开发区管委会, 团市委,
# 城关街道办).
PLACE_CHAR = lazy_regex(r"[区县市省州街]")

# Words that mark a collective reference, kept as written (市政府各部门, 相关县（市、区）政府).
COLLECTIVE = regex.compile(r"^(?:各|相关|有关|其他|其它)|各(?:部门|单位|成员单位)$|(?:相关|有关)(?:部门|单位)$"
                           # (and the townships along a river or a road: 沿河各镇街, 沿线各乡镇)
                           r"|^沿\p{Han}{1,3}各(?:镇街|街镇|乡镇|镇|乡|街道|村|社区|县|区|县区|区县)$")

# Open tail after 等: `市供电公司等有关部门`, `郑东新区、郑州经开区等开发区管委会`.
# 等 inside a word (高等, 平等, 中等, 同等, 初等) is not a tail.
OPEN_TAIL = regex.compile(r"(?<![高平中同初均对])等")


def split_list(text: str, separators: frozenset[str] = LIST_SEPARATORS) -> list[str]:
    """Split on list separators outside brackets; drop empty pieces and trailing 。.

    Pass CLAUSE_SEPARATORS to keep 、 lists whole (`市政府各委、办、局` in a 主送 line)."""
    items: list[str] = []
    depth = 0
    buf: list[str] = []
    for ch in text:
        if ch in OPEN_BRACKETS:
            depth += 1
        elif ch in CLOSE_BRACKETS:
            depth = max(0, depth - 1)
        if ch in separators and depth == 0:
            items.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    items.append("".join(buf))
    out = []
    for item in items:
        item = item.strip().strip("。.").strip()
        if item:
            out.append(item)
    return out


@functools.lru_cache(maxsize=8192)
def _f(s: str) -> str:
    """The folded form the name rules read (width and traditional script: 廳 -> 厅, 縣 -> 县);
    names themselves are kept as written."""
    from zzgov.text.clean import fold

    return fold(s)


def _place_suffix(name: str) -> str | None:
    """The place-organisation suffix of `二七区政府` (政府) when what precedes it is a place, or
    of a zone's `莲花山管委会` (a zone's name need not end in a place word)."""
    for suffix in PLACE_ORG_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            head = name[: -len(suffix)]
            if PLACE_END.search(_f(head)) or head.endswith(")") or head.endswith("）"):
                return suffix
            if suffix in ZONE_SUFFIXES and len(head) >= 2 and not ORG_END.search(_f(head)):
                return suffix
            return None
    return None


# The bodies that run a zone (a development zone, a scenic area): `净月、莲花山管委会` names two.
ZONE_SUFFIXES = ("管委会", "管理委员会")
_BARE_ZONE_MAX = 5  # characters of a zone's bare name before the suffix it shares, at most


def _bare_zone(name: str) -> bool:
    """A short bare name that may be a zone's, waiting for the 管委会 after it (净月)."""
    f = _f(name)
    return 2 <= len(f) <= _BARE_ZONE_MAX and _ALL_HAN_NAME.fullmatch(f) is not None and not ORG_END.search(f) \
        and not OTHER_BODY_END.search(f) and not is_collective(f)


_ALL_HAN_NAME = regex.compile(r"\p{Han}+")


def _tail_suffix(tail: str) -> str | None:
    """The organisation word a 等-tail names (`等开发区管委会` -> 管委会, `等相关县（市、区）人民政府` -> 人民政府)."""
    for suffix in PLACE_ORG_SUFFIXES:
        if tail.endswith(suffix):
            return suffix
    return None


def is_bare_place(name: str) -> bool:
    name = _f(name)
    return bool(PLACE_END.search(name)) and not ORG_END.search(name) and not is_collective(name)


def is_collective(name: str) -> bool:
    """A collective reference to bodies (`各县(市、区)人民政府`, `相关部门`, `沿河各镇街`): its
    words say so, and it ends as a name of bodies does (not `各村明确专人`, read out of a
    sentence `各村明确专人负责`)."""
    f = _f(name)
    if not COLLECTIVE.search(f):
        return False
    f = _COLLECTIVE_ASIDE.sub("", f) if "(" in f or "〈" in f else f
    return bool(ORG_END.search(f) or PLACE_END.search(f) or OTHER_BODY_END.search(f) or COLLECTIVE_END.search(f))


# What a collective may end with besides an organisation, a place or another body: `各有关
# 方面`, `各乡镇`, `各居民区党组织`, `各地`, `县级以上各级`, `各窗口`.
COLLECTIVE_END = regex.compile(r"(?:部门|单位|方面|镇街|街镇|乡镇|县区|区县|组|组织|级|口|地|街)$")
_COLLECTIVE_ASIDE = regex.compile(r"[(〈][^()〈〉]*[)〉]")


# Endings of bodies a unit list names that no organisation word covers: a park (产业园), a
# court's division (刑一庭), a road section (公路段), a school (市委党校), villages and
# communities (沿河各村, 沙巴日太嘎查: a pastoral village), an investment company's short name (区城投).
OTHER_BODY_END = regex.compile(r"(?:园|庭|段|校|村|社区|嘎查|城投|交投|国资)$")
_ASIDE_END = regex.compile(r"[(〔\[][^()〔〕\[\]]{1,20}[)〕\]]$")


@functools.lru_cache(maxsize=4096)
def is_unit_name(name: str) -> bool:
    """Whether a name read from a unit list names a body: it ends in an organisation or a place
    word, another body's word, or names a collective (各县区, 有关部门), a bracketed aside after
    it aside (`县发改局(粮食局)`).  A clause read into a list (`以下均需各县市区落实`) does not."""
    f = _f(name)
    if f.endswith((")", "〕", "]")):
        f = _ASIDE_END.sub("", f) or f
    return bool(ORG_END.search(f) or PLACE_END.search(f) or OTHER_BODY_END.search(f) or is_collective(f))


def split_units(text: str) -> tuple[list[str], list[str]]:
    """(units, units_open) for one unit-list field; see the module docstring."""
    units, open_tails = _split_units(text)
    return list(units), list(open_tails)


# A notice names the same few unit lists in task after task: split each list once.
@functools.lru_cache(maxsize=4096)
def _split_units(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    units: list[str] = []
    open_tails: list[str] = []
    pending_bare: list[tuple[int, bool]] = []  # bare names awaiting a suffix: (index in units, a zone's only)
    for item in _split_conjoined(_join_town_runs(_join_level_runs(split_list(text)))):
        tail = None
        m = OPEN_TAIL.search(item)
        if m and m.start() > 0:
            item, tail = item[: m.start()], item[m.start():]
        elif m and m.start() == 0:
            open_tails.append(item)
            continue
        suffix = _place_suffix(item)
        if tail is not None and suffix is None and is_bare_place(item):
            suffix = _tail_suffix(tail)
            if suffix:
                item = item + suffix
        if suffix:
            for k, zone in pending_bare:
                if not zone or suffix in ZONE_SUFFIXES:
                    units[k] = units[k] + suffix
            pending_bare = []
        elif is_bare_place(item):
            pending_bare.append((len(units), False))
        elif _bare_zone(item):
            pending_bare.append((len(units), True))  # (only a zone's suffix is its)
        else:
            pending_bare = []
        units.append(_borrow_prefix(item, units))
        if tail is not None:
            open_tails.append(tail)
    return tuple(units), tuple(open_tails)


LEVEL_CHARS = frozenset("县市区旗州盟")  # 各市、州人民政府 (a province with autonomous prefectures)
# Every government level's character, wherever one opens or closes a name or a label
# (省发展改革委, 海南省, 市级责任领导, 镇级).
GOVERNMENT_LEVELS = LEVEL_CHARS | frozenset("省镇乡")
# A level's own government (`县人民政府`, `市级党委`); `_LEVEL_ORG_OF % chars` for a set of levels.
_LEVEL_ORG_OF = r"[%s](?:级市|级)?(?:人民政府|政府|党委|党工委)"
LEVEL_ORG = lazy_regex(_LEVEL_ORG_OF % "".join(sorted(LEVEL_CHARS)))
# The last level of a collective with the body all its levels share, a level in brackets
# allowed: `各区、县(市)人民政府`, `各市、县（区）农业农村部门`.
# (a level in brackets: `县(市)`, `（市、区）`)
_LEVEL_IN_BRACKETS = r"[(（][县市区旗州盟、]{1,5}[)）]"
LEVEL_BODY = lazy_regex(rf"[县市区旗州盟](?:{_LEVEL_IN_BRACKETS})?\p{{Han}}{{2,12}}")


CONJUNCTION = regex.compile(r"[和及与]")


def _split_conjoined(items: list[str]) -> list[str]:
    """`市统计局及各县市区政府` -> two units: 和/及/与 split an item only where both sides are
    whole organisation names (市人力资源和社会保障局 keeps its 和)."""
    out: list[str] = []
    for item in items:
        parts = None
        if CONJUNCTION.search(item):
            for m in CONJUNCTION.finditer(item):
                left, right = item[: m.start()], item[m.end():]
                # (`各县区党委和人民政府`: a bare 人民政府 after 和 is the same places' government, one name)
                # (and a town or district after it is a unit of the list: `区城管执法局和莲塘镇`)
                if len(left) >= 3 and len(right) >= 3 and _is_org(left) and right not in PLACE_ORG_SUFFIXES \
                        and (_is_org(right) or OPEN_TAIL.search(right) or PLACE_END.search(_f(right))):
                    parts = [left, *_split_conjoined([right])]
                    break
        out.extend(parts or [item])
    return out


def _is_org(name: str) -> bool:
    f = _f(name)
    return bool(ORG_END.search(f)) or is_collective(name)


# Words before a level that make it a level of its own kind: 自治县, 特区 (六枝特区), 林区.
LEVEL_QUALIFIERS = ("自治", "特", "林")


def _level_core(item: str) -> str:
    """An item folded, its level's qualifier taken off (`自治县` -> 县, `特区` -> 区)."""
    f = _f(item)
    for q in LEVEL_QUALIFIERS:
        if f.startswith(q) and f[len(q):len(q) + 1] in LEVEL_CHARS:
            return f[len(q):]
    return f


# A level in brackets after a level (`各市(县)`, `各区（市）`): the run of levels goes on after it.
_LEVEL_ASIDE = lazy_regex(rf"{_LEVEL_IN_BRACKETS}$")


# A collective of townships goes on over the streets of the same level: `各镇、街道`,
# `相关乡镇、街道办事处` name every township and street office, one collective (and the other
# way round: `各街道、乡`).
_TOWN_RUN_END = ("镇", "乡", "街道")
_STREET_WORDS = frozenset({"街道", "街道办", "街道办事处", "乡", "镇"})


def _join_town_runs(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        prev = out[-1] if out else ""
        if item.strip() in _STREET_WORDS and _f(prev).startswith(("各", "相关", "有关", "沿线")) \
                and _f(prev).endswith(_TOWN_RUN_END) and len(prev) <= 6:
            out[-1] = prev + "、" + item.strip()
        else:
            out.append(item)
    return out


# The levels a collective's run may name, the townships too (`各区、乡、镇人民政府`).
RUN_LEVEL_CHARS = LEVEL_CHARS | frozenset("乡镇")
RUN_LEVEL_ORG = lazy_regex(_LEVEL_ORG_OF % "".join(sorted(RUN_LEVEL_CHARS)))


def _run_goes_on(item: str) -> bool:
    """Whether a collective's run may go on after `item`: it ends with a level, a township
    only as a level alone (`各区、乡、镇…`; not `各乡镇`, a whole collective)."""
    return item[-1:] in LEVEL_CHARS or (len(item) == 1 and item in RUN_LEVEL_CHARS)


def _join_level_runs(items: list[str]) -> list[str]:
    """`各县`, `市`, `区人民政府` back into `各县、市、区人民政府`: one collective, split at its 、
    (a qualified level too: `各区、市、县、自治县人民政府`, `各县、市、特区、区人民政府`)."""
    out: list[str] = []
    k = 0
    while k < len(items):
        item = items[k]
        j = k
        while j + 1 < len(items) and _level_core(items[j + 1])[:1] in RUN_LEVEL_CHARS \
                and (len(_level_core(items[j + 1])) == 1 or RUN_LEVEL_ORG.fullmatch(_level_core(items[j + 1]))
                     or _f(items[j + 1]) in ("县级市", "市辖区")
                     or LEVEL_BODY.fullmatch(_level_core(items[j + 1])) and ORG_END.search(_f(items[j + 1]))
                     and not _f(items[j + 1]).startswith(BARE_STARTS)) \
                and _f(item).startswith(("各", "相关", "有关")) and len(_LEVEL_ASIDE.sub("", items[j])) <= 4 \
                and _run_goes_on(_LEVEL_ASIDE.sub("", _f(items[j]))):
            j += 1
        if j > k:
            out.append("、".join(items[k:j + 1]))
            k = j + 1
        else:
            out.append(item)
            k += 1
    return out


def _borrow_prefix(item: str, before: list[str]) -> str:
    if not before or not DEPARTMENT_END.search(_f(item)) or len(item) > 12:
        return item
    name = _f(item)
    if name.startswith(BARE_STARTS):
        name = name[2:]  # 市场监管局: its 市 opens the word 市场, no level
    if name.startswith(LEVEL_PREFIXES) or name.startswith(NATIONAL_STARTS) or PLACE_CHAR.search(name) \
            or is_collective(item):
        return item
    prev = before[-1]
    # (the name before may be any body of that level: `县交警大队、城管执法局` -> 县城管执法局)
    if _f(prev)[:1] in LEVEL_PREFIXES and not _f(prev).startswith(BARE_STARTS) and not is_collective(prev) \
            and ORG_END.search(_f(prev)):
        return prev[0] + item
    # (or an autonomous region's: `自治区财政厅、发展改革委` -> 自治区发展改革委)
    level = _f(prev)[:3]
    if level in AUTONOMOUS_LEVELS and ORG_END.search(_f(prev)) and not is_collective(prev):
        return prev[:3] + item
    return item


# Leader lists: names separated by blanks, 、 or commas (`吴福民 史占勇 陈宏伟`).
LEADER_SEPARATORS = lazy_regex(r"[\s、，,；;/]+")


def split_leaders(text: str) -> list[str]:
    return list(_split_leaders(text))


@functools.lru_cache(maxsize=4096)
def _split_leaders(text: str) -> tuple[str, ...]:
    return tuple(p for p in (s.strip("。. ") for s in LEADER_SEPARATORS.split(text)) if p)
