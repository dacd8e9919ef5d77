"""The task list of a notice, read by its structure rather than by one layout's spelling.

Input: the lines of the notice's task list (after the cover letter, before 抄送/印发 and page
footers), each a `Line` with its width-folded text.  Output: the section tree and one draft per
task (`TaskDraft`), which `notice._task_fields` reads into the fields of its Task record.

How a task is found: by the role assignments that follow it, whatever its number looks like.

1. Every line is classified once (`_classify`): its item marker if any (`一、` `（一）` `1.` `1、`
   `（1）` `①`, also spaced by PDF extraction as `1 .`), the field labels on it (`牵头单位：`,
   `责 任 单 位 ：`, `【牵头单位】`, several per line), whether it is a role sentence
   (`X牵头，Y、Z配合。`, `由X牵头`) or a line of leaders' names.
2. The marker kind whose items are followed by role assignments carries the tasks (`_task_kind`);
   the kinds ranked above it in GB/T 9704 order (`一、` > `（一）` > `1.` > `（1）` > `①`) are
   section headings, and a heading that names a person with a leading verb
   (`（二）李某某副市长牵头的重点工作`) gives the tasks below it their leader.  With role
   assignments but no numbering, each paragraph before a block of fields is a task.
3. Tables: a header row of column names (`序号 重点工作任务 责任领导 牵头单位 …`) either on one
   line with tabs or wide blanks, or one cell per line (a web table pasted as text).  Rows of the
   latter are cut at their 序号 cell, and their cells given to columns by what they hold (a
   person's name, a unit list, a date, a sentence), so an empty cell that was left out entirely
   does not shift the row; a leader cell left empty under a merged cell is filled down.

The vocabulary (labels, role verbs, titles, family names, the first-listed rule) is in
`zzgov/data/rules/notice.yaml`.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from zzgov import rules
from zzgov.numbers.chinese import HEADING_NUMERAL_CHARS
from zzgov.numbers.chinese import small_int as cn_small_int
from zzgov.parsers.common import SectionTree
from zzgov.text import Line, clean, fold
from zzgov.text.clean import READING
from zzgov.text.script import lazy_re, lazy_regex
# Imported once here: an import statement in a function asked of every line costs a lookup a call.
from zzgov.units import split_units
from zzgov.units.names import CLAUSE_SEPARATORS as UNIT_CLAUSE_SEPARATORS
from zzgov.units.names import GOVERNMENT_LEVELS, ORG_END, OTHER_BODY_END, PLACE_END, is_collective, is_unit_name, split_list

T = rules.load("notice")

# ---------------------------------------------------------------------------------------
# Vocabulary from rules/notice.yaml

LABEL_ROLE: dict[str, str] = {}
HEAD_LABELS: set[str] = set()
# (built from folded parts: folding maps one character to one, so the fold of a label is the
# folds of its parts joined, and each part is folded once rather than in every label)
_LEVELS = [""] + [fold(w) for w in T.words("leader_level")]
# Leader labels are made of a duty word, a level and 领导: 包抓县领导, 分管市领导, 责任区级领导 …
for _duty in map(fold, T.words("leader_duty")):
    for _level in _LEVELS:
        for _tail in ("领导", "领导同志"):
            LABEL_ROLE[_duty + _level + _tail] = "leaders"
    # or of a duty and the head of a government: 分管市长, 分管副县长 (a column or a label
    # with its colon only: `（分管副省长负责，…）` is a role sentence naming a post, no label)
    for _head in ("省长", "市长", "县长", "区长", "州长", "旗长"):
        for _w in (_duty + _head, _duty + "副" + _head):
            LABEL_ROLE[_w] = "leaders"
            HEAD_LABELS.add(_w)
_BODIES = [fold(w) for w in T.words("unit_bodies")]
for _role, _key in (("lead", "unit_lead_words"), ("units", "unit_co_words")):
    for _word in map(fold, T.words(_key)):
        for _mid in ("", "责任", "负责"):
            for _body in _BODIES:
                LABEL_ROLE.setdefault(_word + _mid + _body, _role)
for _role, _key in (("leaders", "label_leaders"), ("lead", "label_lead"), ("units", "label_units"),
                    ("deadlines", "label_deadlines"), ("ignore", "label_ignore"), ("ignore", "label_progress"),
                    ("note", "label_note"), ("units", "label_roles"), ("text", "label_text")):
    for _w in T.words(_key):
        LABEL_ROLE[fold(_w)] = _role

GAP = "[ \t\u3000\u00a0]*"
# Small patterns used on every line or cell, compiled once.
# The White_Space characters, what `regex` means by \s: the two removals below run on every
# short line, and stdlib `re` with the class spelled out removes the same characters about
# twice as fast as `regex` (stdlib's own \s would also take \x1c-\x1f).
_WHITE_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_HEADER_NOISE = re.compile(f"[{_WHITE_SPACE}|｜:]")  # blanks, rules and colons around a header cell
# The same characters written out, for str.strip.
_HEADER_NOISE_CHARS = ("\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B)))
                       + "\u2028\u2029\u202f\u205f\u3000|｜:")
_BLANKS = re.compile(f"[{_WHITE_SPACE}]")
_ALL_HAN = regex.compile(r"\p{Han}+")
# Patterns only some layouts reach (tables, leader clauses, flattened pages) are compiled on
# first use (text.script.LazyPattern): a run that meets no such layout never compiles them.
_WHO_SPLIT = lazy_regex(r"[、,，和及]")
_PIPE = lazy_regex(r"[|｜]")
_CELL_NUMBER = lazy_regex(r"\d{1,3}")
_ROW_NUMBER = lazy_regex(r"\d{1,4}")


def _spaced(word: str) -> str:
    """A word with any letter-spacing between its characters (`责 任 单 位`)."""
    return GAP.join(regex.escape(c) for c in word)


LABEL_MAX = max(map(len, LABEL_ROLE))
GAP_CHARS = frozenset(" \t\u3000\u00a0")
OPEN_LABEL = frozenset("【[〔")
CLOSE_LABEL = {"】": "【", "]": "[", "〕": "〔"}
# Where the walk back from a label's end stops at once: a clause mark or a bracket opening
# the label.  What bends it instead: the blanks of letter-spacing, and `)` closing a
# qualifier (责任(配合)单位).  A stretch before the colon with none of them is one slice.
WALK_END = frozenset(":;；,，。【[〔")
WALK_STOP = re.compile("[:;；,，。【\\[〔) \t\u3000\u00a0]")
# The characters that end a label: a colon (folded), the bracket closing `【牵头单位】`, or a
# double dash (`责任单位——市交通运输局`).
LABEL_END = re.compile(r"[:】\]〕]|——")  # stdlib: asked of every line


class FieldHit(NamedTuple):
    """A field label found on a folded line: `f[start:end]` is the label with its brackets,
    colon and blanks; `label` the label's words without letter-spacing."""

    start: int
    end: int
    label: str
    open: bool  # written in brackets: 【牵头单位】


# The role words of unit labels (rules/notice.yaml), which also judge labels not listed.
LEAD_WORDS = tuple(T.words("unit_lead_words"))
CO_WORDS = tuple(T.words("unit_co_words"))


# A label not listed is this long at most (`协作委室和县级部门`: two bodies joined by 和).
GUESSED_LABEL_MAX = 9
GUESSED_LABEL_ENDS = tuple(T.words("unit_bodies"))  # (all two characters: see guess_label_role)


def guess_label_role(word: str) -> str | None:
    """The role of a label the rules do not list, from its shape: a body word at the end
    (单位, 部门) and a role word before it; None unless both are there."""
    if word.endswith(GUESSED_LABEL_ENDS):
        head = word[:-2]
        if any(w in head for w in LEAD_WORDS):
            return "lead"
        if any(w in head for w in CO_WORDS):
            return "units"
    return None


# The listed labels the walk back from a label end would take whole, stopping nowhere inside
# them: a line's text before its colon being one of them is a label at once.
PLAIN_LABELS = frozenset(w for w in LABEL_ROLE if not WALK_STOP.search(w))
# The last characters of every label find_labels may report: a colon after any other is no
# label's (most colons in running text are turned away by this one test).
LABEL_LAST = frozenset(w[-1] for w in LABEL_ROLE) | frozenset(w[-1] for w in GUESSED_LABEL_ENDS)


def label_role(word: str) -> str:
    """The field a label found by find_labels fills."""
    return LABEL_ROLE.get(word) or guess_label_role(word) or "ignore"


def find_labels(f: str, pos: int = 0) -> list[FieldHit]:
    """Every field label on a folded line from `pos`, found from its colon or closing bracket
    backwards: one look at each such character, so a line of any length costs one pass (a
    pattern of every label tried at every position was quadratic in practice)."""
    out: list[FieldHit] = []
    after_bracket = -1
    # each label end found by a search from the last one: on a line with one or two colons,
    # a finditer's iterator costs more than the searches
    search = LABEL_END.search
    c = pos - 1
    while True:
        m = search(f, c + 1)
        if m is None:
            break
        c = m.start()
        if c == after_bracket:
            continue  # the colon after `【牵头单位】`
        lo = max(pos, c - LABEL_MAX)
        if f[lo:c] in PLAIN_LABELS:
            # the usual field line, a listed label alone before its colon (`责任单位:`): the walk
            # below would stop nowhere and take it at once (asked of every field line)
            hit = (lo, f[lo:c])
        else:
            hit = _label_before(f, pos, c, lo)
            if hit is None and f[c] == "】" and out and out[-1].open:
                hit = _other_bracket_label(f, pos, c)
            if hit is None:
                continue
        start, word = hit
        bracket = f[c] in CLOSE_LABEL
        end = m.end()
        if bracket:
            b = start - 1
            while b >= 0 and f[b] in GAP_CHARS:
                b -= 1
            if b < 0 or f[b] != CLOSE_LABEL[f[c]]:
                continue
            start = b
            while end < len(f) and f[end] in GAP_CHARS:
                end += 1
            if end < len(f) and f[end] == ":":
                after_bracket = end
                end += 1
        while end < len(f) and f[end] in GAP_CHARS:
            end += 1
        out.append(FieldHit(start, end, word, bracket))
    return out


def _other_bracket_label(f: str, pos: int, c: int) -> tuple[int, str] | None:
    """A bracketed label naming no role after a bracketed field on the same line
    (`【责任单位】区住建局　【序时进度】完成投资的52%`): a field of its own, which ends the
    field before it, its value read past.  Its words and their start, or None."""
    b = f.rfind("【", max(pos, c - 1 - BRACKET_LABEL_MAX), c)
    word = f[b + 1:c].strip(" \u3000") if b >= 0 else ""
    if len(word) < 2 or not _ALL_HAN.fullmatch(word):
        return None
    return b + 1 + f[b + 1:c].index(word), word


BRACKET_LABEL_MAX = 8  # the words of a bracketed label naming no role, at most
_ALL_HAN = regex.compile(r"\p{Han}+")


def _label_before(f: str, pos: int, c: int, lo: int) -> tuple[int, str] | None:
    """The label ending before the label end at c (its start and its words), read from c
    backwards to `lo` (the LABEL_MAX characters before c, none before `pos`), or None."""
    # the characters before c, letter-spacing skipped, nearest first (`chars`), and the
    # same in reading order (`seen`: the n nearest are its last n)
    near = WALK_STOP.search(f[lo:c][::-1])
    if near is None or f[c - 1 - near.start()] in WALK_END:
        # the usual label, written without letter-spacing or a qualifier: the characters
        # after the nearest stop (or the LABEL_MAX before c) are one slice of the line
        n_chars = c - lo if near is None else near.start()
        chars: range | list[int] = range(c - 1, c - 1 - n_chars, -1)
        seen = f[c - n_chars:c]
    else:
        chars = []
        k = c - 1
        while k >= pos and len(chars) < LABEL_MAX and (c - k) <= 3 * LABEL_MAX:
            if f[k] == ")" and (chars or k == c - 1):
                # a qualifier inside the label: 责任(配合)单位 reads as 责任单位; or after it:
                # 责任科室(单位) reads as 责任科室
                o = f.rfind("(", max(pos, k - 6), k)
                if o >= 0:
                    k = o - 1
                    continue
            if f[k] not in GAP_CHARS:
                if f[k] in OPEN_LABEL or f[k] in ":;；,，。)":
                    break
                chars.append(k)
            k -= 1
        seen = "".join(f[i] for i in reversed(chars))
    if not chars or seen[-1] not in LABEL_LAST:
        return None  # no label, listed or guessed, ends with the character before c
    hit = None
    for n in range(min(len(chars), LABEL_MAX), 1, -1):
        word = seen[-n:]
        if word in LABEL_ROLE:
            hit = (chars[n - 1], word)
            break
    if hit is not None and len(hit[1]) >= 3 and hit[0] > pos and "\u4e00" <= f[hit[0] - 1] <= "\u9fff":
        # a listed label with a word of its own before it, the whole run of Han characters from
        # the line start, a blank or a clause mark (`属地责任单位：`, `项目责任人：`,
        # `实际完成情况：`): one label, which field_hits takes, named by its words where they
        # say a role, else by the listed label in it (not the recipients of a 公文, `各相关单位：`;
        # not a bare body word, `政策解读单位：`)
        j = hit[0]
        while j > pos and "\u4e00" <= f[j - 1] <= "\u9fff" and c - j < GUESSED_LABEL_MAX:
            j -= 1
        run = f[j:c]
        guessed = guess_label_role(run) is not None
        at_start = not f[pos:j].strip(BULLETS_BLANKS)
        # (at a line's start only a run that names a role itself: `具体联系人：` opening a line
        # below the list is the page's contact, no field of a task)
        if ((at_start and guessed) or (not at_start and f[j - 1] in FIELD_BEFORE)) \
                and not run.startswith("各") and _ALL_HAN.fullmatch(run):
            hit = (j, run if guessed else hit[1])
    if hit is None and len(chars) >= 4:
        # a label not listed but shaped like one: 协同配合单位, 具体承办部门
        for n in range(min(len(chars), GUESSED_LABEL_MAX), 3, -1):
            word = seen[-n:]
            if guess_label_role(word) is not None and (n == len(chars) or f[chars[n]] in FIELD_BEFORE
                                                        or chars[n] < chars[n - 1] - 1):
                hit = (chars[n - 1], word)
                break
    return hit


_BRACKET = re.compile(r"[(\[〔)\]〕]")
# What may stand before a label that does not open its line: a blank or a clause end.
# (and a dash: `1.柳川会展中心二期——牵头部门：区住建局`)
FIELD_BEFORE = frozenset(" \t\u3000\u00a0;；。,，)）】]、—")
# Bullets a field line may open with.
BULLETS = "•·◆◇■□●○★☆▲△>》-—*"
BULLETS_BLANKS = BULLETS + " \u3000"  # what may stand before a line's first field label

COLUMN_ROLE: dict[str, str] = {fold(w): "seq" for w in T.words("column_seq")}
COLUMN_ROLE.update({fold(w): "text" for w in T.words("column_text")})
COLUMN_ROLE.update({fold(w): "ignore" for w in T.words("column_category")})
COLUMN_ROLE.update(LABEL_ROLE)
# A header cell not listed above names the task text when it ends in a word for work or a
# target (`2022年预期目标`, `工作事项`, `重点举措`); short, so a sentence never passes.
_TEXT_WORDS = ("任务", "目标", "内容", "事项", "举措", "措施", "工作", "安排", "计划", "名称", "要求", "标准", "指标")
_TEXT_TAILS = ("与要求", "和要求", "及要求")
TEXT_COLUMN = lazy_regex(rf"^\S{{0,10}}(?:{'|'.join(_TEXT_WORDS)})(?:{'|'.join(_TEXT_TAILS)})?$")
# What a TEXT_COLUMN cell ends with: one `endswith` turns away most lines before the pattern.
_TEXT_COLUMN_ENDS = _TEXT_WORDS + tuple(w + t for w in _TEXT_WORDS for t in _TEXT_TAILS)


_IGNORED_ENDS = tuple(fold(w) for w in (*T.words("label_ignore"), *T.words("label_progress")) if len(w) >= 3)


# What a header cell naming a time limit not listed ends with (`填报时限`, `报送期限`).
_DEADLINE_ENDS = ("时限", "期限")


def column_role(cell: str, listed_only: bool = False) -> str | None:
    """The field a table header cell names (spaces, rules and a trailing colon ignored);
    with listed_only, only the header words the rules list."""
    folded = fold(cell)
    if ")" in folded and READING.search(folded):
        folded = READING.sub("", folded)  # `包抓縣級領(lǐng)導(dǎo)`: a mirror's pinyin after characters
    # Asked of nearly every short line (a header may be pasted one cell per line): a cell
    # whose last character ends no header word, and that cannot open with 是否, names no
    # column, which its ends alone tell.
    core = folded.strip(_HEADER_NOISE_CHARS)
    if not core or (core[-1] not in COLUMN_LAST and core[0] != "是"):
        return None
    c = _HEADER_NOISE.sub("", folded)
    if c in PERSON_COLUMNS:
        return "other_person"
    role = COLUMN_ROLE.get(c)
    if role is None and len(c) >= 4 and c[1] == "级" and c[0] in GOVERNMENT_LEVELS:
        role = COLUMN_ROLE.get(c[2:])  # `市级责任领导`, `县级牵头单位`: the government's own column
    elif role is None and len(c) > 4 and c[0] in GOVERNMENT_LEVELS:
        role = COLUMN_ROLE.get(c[1:])  # (and without 级: `区责任领导`)
    if role is None and len(c) > 5 and (owner := LABEL_OWNER.match(c)) is not None:
        role = COLUMN_ROLE.get(c[owner.end():])  # `区政府分管领导`, `县委牵头单位`: as on a field line
    if role is None and not listed_only and len(c) <= 14 and c.endswith(_TEXT_COLUMN_ENDS) and TEXT_COLUMN.match(c):
        role = "text"
    if role is None and not listed_only and len(c) <= 10:
        role = guess_label_role(c)  # 责任主体与协同单位
    if role is None and not listed_only and len(c) <= 6 and c.endswith(_DEADLINE_ENDS):
        role = "deadlines"  # 填报时限, 报送期限
    if role is None and not listed_only and len(c) <= 8 and c.endswith(GUESSED_LABEL_ENDS):
        return "other_units"  # units with another part (评分部门, 考核单位): not the task's
    if role is None and not listed_only and len(c) <= 12 and (c.endswith(_IGNORED_ENDS) or c.startswith("是否")):
        # a progress column of one period (`第二季度完成情况`, `2024年进展情况`) or a yes/no
        # status (`是否完成`)
        role = "ignore"
    return role if role not in ("ignore", "note") else "ignore"


# Persons a table names who are not the task's leaders (领衔代表 of a 建议 办理 table): a cell
# of a person's name goes there in its turn, and is read no further.
PERSON_COLUMNS = frozenset(fold(w) for w in T.words("column_person"))

# The last character of every word column_role can name a column by: a listed header word,
# a text column's word, a guessed label's body, another part's units, a progress column.
COLUMN_LAST = frozenset(w[-1] for w in (*COLUMN_ROLE, *_TEXT_COLUMN_ENDS, *GUESSED_LABEL_ENDS,
                                        *_IGNORED_ENDS, *PERSON_COLUMNS))
EMPTY_CELL = frozenset(fold(w) for w in T.words("empty_cell"))

TITLES = sorted({fold(w) for w in T.words("titles")}, key=len, reverse=True)
_TITLE_ALT = rules.words_pattern(TITLES)
# Whether a line holds any title: one `re` search of the alternation runs several times faster
# than a substring test per title on every body line of a notice.
ANY_TITLE = lazy_re("|".join(re.escape(t) for t in TITLES))
# A full stop, question or exclamation mark or a colon: what no unit name holds.
SENTENCE_MARK = re.compile("[。！？!?:：]")
SURNAMES = frozenset(T.words("surnames"))
COMPOUND_SURNAMES = frozenset(T.words("compound_surnames"))
NOT_NAMES = frozenset(T.words("not_names"))
TIBETAN_NAME_PARTS = frozenset(T.words("tibetan_name_parts"))
MONGOLIAN_NAME_PARTS_BY_FIRST: dict[str, list[str]] = {}
for _part in T.words("mongolian_name_parts"):
    MONGOLIAN_NAME_PARTS_BY_FIRST.setdefault(_part[0], []).append(_part)
_VERB_ALT = rules.words_pattern(T.words("leading_verbs"))

FIRST_LISTED = T.pattern("first_listed")
UNITS_LABEL_LEADS = T.pattern("units_label_leads")
RULE_NOTE = T.pattern("rule_note")
ROLE_VERB = T.lazy("role_verb")  # only some layouts reach it
ROLE_VERB_WORDS = T.rules["role_verb"].needs  # a role sentence holds one of them
# … found by one `re` search (asked of every line that is neither numbered nor a field line)
_ROLE_VERB_WORD = re.compile("|".join(map(re.escape, ROLE_VERB_WORDS)))
RETRO_ROLES = T.lazy("retro_roles")  # only some layouts reach it
DEADLINE_ITEM = T.pattern("deadline_item")
# The words every time limit holds (the rule's `needs`), in one `re` search: nearly every unit
# lacks them and is turned away before its pieces are folded and matched one by one.
_DEADLINE_WORD = re.compile("|".join(map(re.escape, T.rules["deadline_item"].needs)))


def is_deadline(value: str) -> bool:
    """Whether a list item is a time limit (`6月底完成`, `6月底前、12月底前`), never a unit."""
    if _DEADLINE_WORD.search(fold(value)) is None:
        return False  # (folding maps character for character: no piece holds what the whole lacks)
    # a loop, not all() over a generator: asked of every unit of every list
    for x in value.split("、"):
        if DEADLINE_ITEM.match(fold(x).strip()) is None:
            return False
    return True

# Item markers on folded text, in GB/T 9704 rank order; `level` is the section level a kind
# has when it heads sections (the seed's tree: 一、 level 1, （一） level 2, 1. level 3).
CN = f"[{HEADING_NUMERAL_CHARS}]{{1,4}}"
MARKERS: list[tuple[str, int, regex.Pattern[str]]] = [
    ("cn", 1, regex.compile(rf"^(?P<label>{CN}){GAP}[、.]{GAP}(?P<title>.*)$")),
    ("cn_paren", 2, regex.compile(rf"^\({GAP}(?P<label>{CN}){GAP}\){GAP}[、.]?{GAP}(?P<title>.*)$")),
    # (`1.2019年起…`: a year right after the number's point)
    # (a note mark may follow the number: `1*.`, `4* .` with `标注“*”的为新增举措`)
    ("arabic", 3, regex.compile(rf"^(?P<label>\d{{1,3}})(?:[*※★▲])?(?:{GAP}、|[ \t\u3000]?\.(?!\d)|\.(?=(?:19|20)\d\d年)){GAP}(?P<title>.*)$")),
    # (`【1】新建…`, `[2]…`: a number in lenticular or square brackets is one in round ones, and
    # so is one closed by a bracket alone, `1）完成…`)
    ("paren", 4, lazy_regex(rf"^(?:\({GAP}(?P<label>\d{{1,3}}){GAP}\)|【(?P<label>\d{{1,3}})】|\[(?P<label>\d{{1,3}})\]|(?P<label>\d{{1,3}})\)(?=\p{{Han}})){GAP}[、.]?{GAP}(?P<title>.*)$")),
    ("circled", 5, lazy_regex(r"^(?P<label>[\u2460-\u2473\u3251-\u325f])[ \t\u3000]*[、.．]?(?P<title>.*)$")),
    # a decimal number under a numbered group (`1 市容环境提升` / `1.1 完成…`); its seq is its
    # place in the list (the reader numbers it), the group's number and its own being no task's
    # (a blank after the number: `2.5万亩` opening a wrapped line is a figure)
    ("decimal", 6, lazy_regex(r"^(?P<label>\d{1,2}\.\d{1,2})(?![.\d])[ \t\u3000]+(?P<title>\p{Han}.*)$")),
]
# A line can open with a marker only if its first character can open one: one test of that
# character rejects most lines (task text, field lines) before the five markers are tried.
MARKER_START = regex.compile(rf"[(【\[\d\u2460-\u249b\u3251-\u325f{HEADING_NUMERAL_CHARS}]")
# The kinds a line's first character can open, in rank order: `(` opens the bracketed kinds, a
# numeral `一、`, and any other character MARKER_START passes (a digit, a circled number) the
# others; a line is tried only against these.
_MARKERS_AFTER_PAREN = [k for k in MARKERS if k[0] in ("cn_paren", "paren")]
_MARKERS_AFTER_NUMERAL = [k for k in MARKERS if k[0] == "cn"]
_MARKERS_AFTER_DIGIT = [k for k in MARKERS if k[0] in ("arabic", "paren", "circled", "decimal")]
RANK = {name: k for k, (name, _, _) in enumerate(MARKERS)}
LEVEL = {name: level for name, level, _ in MARKERS}

SENTENCE_END = frozenset("。！？!?；;")
SENTENCE_ENDS = tuple(SENTENCE_END)  # for str.endswith
CLAUSE_SEPARATORS = "，,；;"

# ---------------------------------------------------------------------------------------
# Values: leaders' names, unit lists


_TITLES_AFTER = lazy_regex(rf"(?<=^\p{{Han}}{{2,}}?)(?:{_TITLE_ALT})+$")
_TITLES_BEFORE = lazy_regex(rf"^(?:{_TITLE_ALT})+(?=\p{{Han}}{{2,}}$)")


# The characters a title ends and begins with: a name that neither ends nor begins with one
# holds no title to strip, and most names do not (the patterns cost a try at each position).
_TITLE_LAST = frozenset(t[-1] for t in TITLES)
_TITLE_FIRST = frozenset(t[0] for t in TITLES)


def strip_titles(name: str) -> str:
    """`王新伟副市长` / `常务副市长王新伟` / `王新伟同志` -> `王新伟` (at least two characters stay)."""
    if not name.isascii():
        if name[-1] in _TITLE_LAST:
            name = _TITLES_AFTER.sub("", name, count=1)
        if name[0] in _TITLE_FIRST:
            name = _TITLES_BEFORE.sub("", name, count=1)
    return name


def _mongolian_name(name: str, parts: int = 3) -> bool:
    """Whether a name is one to three known parts of Mongolian names (the caller asks of names
    of three characters or more: 花 alone names no one)."""
    if not name:
        return True
    return parts > 0 and any(name.startswith(p) and _mongolian_name(name[len(p):], parts - 1)
                             for p in MONGOLIAN_NAME_PARTS_BY_FIRST.get(name[0], ()))


def is_person(name: str) -> bool:
    """A leader is a person's name: a family name and one to three given-name characters, not
    an organisation (`管委会` opens with the family name 管); a name of parts joined by a middle
    dot (艾力·买买提, 热合曼·吐尔逊); a Tibetan name of known parts (扎西才让, 久美)."""
    if "·" in name:
        parts = name.split("·")
        return 2 <= len(parts) <= 3 and all(1 <= len(p) <= 6 and _ALL_HAN.fullmatch(p) for p in parts) \
            and not ORG_END.search(name)
    if 3 <= len(name) <= 8 and _mongolian_name(name) and not ORG_END.search(name):
        return True
    if not 2 <= len(name) <= 5 or not _ALL_HAN.fullmatch(name) or ORG_END.search(name):
        return False
    if len(name) in (2, 4) and all(name[k:k + 2] in TIBETAN_NAME_PARTS for k in range(0, len(name), 2)):
        return True
    if name.startswith(("常务", "执行", "代理")) or name in NOT_NAMES:
        return False  # what is left of 常务副区长 once 副区长 is stripped; `任务` of a cut header
    if name[:2] in COMPOUND_SURNAMES:
        return len(name) >= 3
    return name[0] in SURNAMES and len(name) <= 4


LEADER_SPLIT = re.compile(f"[{_WHITE_SPACE}、，,；;/]+")  # stdlib: the same class, split faster
# `李某某` / `王 某` padded / names joined by 、 ， / and spaces


# The patterns holding the whole title alternation (here, _office, group_leader and
# group_leader_line_pattern) cost a few milliseconds each to compile, and most documents
# never need them: each is compiled on its first use.
@functools.cache
def title_then_name() -> regex.Pattern[str]:
    return regex.compile(rf"(?:{_TITLE_ALT})(?P<name>\p{{Han}}{{2,4}})$")
PADDED_NAME = lazy_regex(r"(?<![\p{Han}])(\p{Han})[ \u3000]{1,2}(\p{Han})(?![\p{Han}])")
# A padded two-character name with another name right after it: another padded one, or a
# compound family name's full name.
RUN_PADDED_NAME = lazy_regex(r"(?<![\p{Han}])(\p{Han})[ \u3000]{1,2}(\p{Han})"
                                r"(?=\p{Han}[ \u3000]{1,2}\p{Han}(?!\p{Han})|(?:%s)\p{Han}{1,2}(?!\p{Han}))"
                                % "|".join(T.words("compound_surnames")))


def read_leaders(value: str) -> tuple[list[str], list[str]]:
    """(names, rejected pieces) of a leader value: `吴福民 史占勇`, `王新伟副市长、李明同志`.
    A two-character name padded to the width of three (`刘 洋`) is one name."""
    names, bad, offices = [], [], []
    if " " in value or "\u3000" in value:  # the pattern is tried at every position: only where it can hit
        # padded names run together in a cell (`周 立韩 蕾`, `沈 涛欧阳明`): each ends where
        # the next name starts
        value = RUN_PADDED_NAME.sub(r"\1\2、", value)
        value = PADDED_NAME.sub(r"\1\2", value)
    if "(" in value or "（" in value:
        # `刘建国(县委常委、副县长)`: offices in brackets after a name say who the person is
        value = _BRACKETED.sub(lambda m: "" if _posts(fold(m["inner"]).strip()) else m.group(), value)
    for piece in LEADER_SPLIT.split(value.strip().strip("。.")):
        piece = piece.strip("()（）")
        if not piece:
            continue
        # judged on the folded form (traditional script too), given as written
        folded = fold(piece)
        name = strip_titles(folded)
        person = is_person(name)
        if not person:
            # `南港市委书记吴振邦`, `岭海省副省长何丽君`: the name after the last title
            m = title_then_name().search(folded)
            if m and is_person(m["name"]):
                name, person = m["name"], True
        if person:
            at = folded.rindex(name)
            names.append(piece[at:at + len(name)])
        elif is_office(folded):
            offices.append(piece)  # `张三 副县长`: the office of a name beside it
        else:
            bad.append(piece)
    # an office with no name anywhere in the value names no person: say so
    return names, bad if names else bad + offices


# A bracketed part of a leader value: `(县委常委、副县长)`.
_BRACKETED = lazy_regex(r"[(（](?P<inner>[^()（）]{1,40})[)）]")
# How a post ends, where the title lists do not name it (党工委委员, 武装部部长, 纪工委书记).
_POST_ENDS = ("长", "员", "书记", "主任", "主席")


def _posts(inner: str) -> bool:
    """Whether the words in brackets after a name are its posts (`党工委委员、副主任`)."""
    return is_office(inner) or all(p.endswith(_POST_ENDS) for p in LEADER_SPLIT.split(inner) if p)


@functools.cache
def _office() -> regex.Pattern[str]:
    return regex.compile(
        rf"^(?:分管|协管|主管|联系)?\p{{Han}}{{0,4}}?(?:{_TITLE_ALT})(?:[、,，](?:分管|协管)?\p{{Han}}{{0,4}}?(?:{_TITLE_ALT}))*$")


def is_office(f: str) -> bool:
    """A cell naming only an office (`常务副市长`, `分管工业副市长`): the leader column of a table
    that gives no names; read as the leaders' column, never as a name."""
    return len(f) <= 24 and bool(_office().match(f))


def is_leader_line(f: str) -> bool:
    """A line that holds only leaders' names (a table cell, a leader line before a role sentence)."""
    if not T.re.leader_line.match(f) and not ANY_TITLE.search(f):
        return False
    names, bad = read_leaders(f)
    return bool(names) and not bad


# ---------------------------------------------------------------------------------------
# Lines


@dataclass
class Field:
    role: str
    start: int  # original offset of the value
    end: int
    label: str = ""  # the label as folded, spaces removed (责任单位, 配合单位, …)


@dataclass
class LineInfo:
    ln: Line
    f: str  # folded text
    marker: str | None = None
    label: str = ""
    seq: int | None = None
    title_at: int = 0  # offset in the line where the marker's title begins
    fields_at: int = -1  # offset in the line of its first field label, -1 if none
    is_field: bool = False  # the line opens with a field label
    is_roles: bool = False  # the whole line is a role sentence
    is_leaders: bool = False  # the whole line is leaders' names
    ends_with_roles: bool = False  # the line closes with roles in brackets: `…。（财政厅牵头）`
    duty: bool = False  # a paragraph opening with its units' duty: `区水利局负责…`
    bracketed: bool = False  # the whole line is fields in brackets: `（责任单位：X、Y）`
    retro: int = 0  # `3项目标的责任单位均为X。`: the line names the roles of this many tasks before it
    text_label: bool = False  # a field line whose first label holds the task's words: `整改任务：…`
    fields_end: int = -1  # where the fields end on the line (before a closing bracket), -1: its end
    labels: list[FieldHit] = field(default_factory=list)  # every label on the line (find_labels)
    hits: list[FieldHit] = field(default_factory=list)  # those that open a field (field_hits)
    # line_has_roles, once asked (the task kind of the whole list and of each part, and the
    # reader, ask it of the same line); not carried over by dataclasses.replace, which changes `f`
    roles_here: bool | None = field(default=None, init=False, repr=False, compare=False)


# Brackets that hold a task's fields after its sentence: (…) 〔…〕 […] 【…】
INLINE_CLOSE = {")": "(", "〕": "〔", "]": "[", "】": "【"}


# Fields in brackets inside a sentence: the brackets tried at most, and how long one may be
# (bounds that keep a text of thousands of unclosed brackets linear).
FIELDS_INSIDE_TRIES = 20
FIELDS_INSIDE_MAX = 300


def fields_inside(f: str) -> tuple[int, int, int] | None:
    """Fields in a parenthesis inside a task sentence, not closing it (folded text):
    `…“零容忍”(责任单位:人事科、教育工会),确保…` -> (where it opens, where its body starts,
    where it ends), or None; the first such parenthesis."""
    k = f.find("(")
    tried = 0
    while k != -1 and tried < FIELDS_INSIDE_TRIES:
        tried += 1
        depth, j, stop = 0, k, min(len(f), k + FIELDS_INSIDE_MAX)
        while j < stop:
            depth += (f[j] == "(") - (f[j] == ")")
            if depth == 0:
                break
            j += 1
        if j < stop:
            body_start = k + 1
            while body_start < j and f[body_start] in GAP_CHARS:
                body_start += 1
            hits = bracket_labels(f[body_start:j])
            if hits and hits[0].start == 0 and not hits[0].open:
                return k, body_start, j
        k = f.find("(", k + 1)
    return None


def inline_fields(f: str) -> tuple[int, int, int] | None:
    """Fields in the parenthesis that closes a task sentence, on folded text:
    `…。(牵头单位:X;配合单位:Y)` or `…30万人次(牵头单位:X)。` -> (where the parenthesis opens,
    where its body starts, where it ends), or None.  One level of brackets may nest inside
    (`各县(市、区)政府`)."""
    end = len(f.rstrip(" \t\u3000"))
    if end and f[end - 1] in "。.;；":
        end = len(f[: end - 1].rstrip(" \t\u3000"))
    if not end or f[end - 1] not in INLINE_CLOSE:
        return None
    close, opener = f[end - 1], INLINE_CLOSE[f[end - 1]]
    depth, k = 0, end - 1
    while k >= 0:
        if f[k] == close:
            depth += 1
        elif f[k] == opener:
            depth -= 1
            if depth == 0:
                break
        k -= 1
    if k < 0:
        return None
    body_start = k + 1
    while body_start < end - 1 and f[body_start] in GAP_CHARS:
        body_start += 1
    hits = bracket_labels(f[body_start:end - 1])
    if hits and 0 < hits[0].start <= FIELDS_QUALIFIER_MAX and f[body_start + hits[0].start - 1] in ",，;；":
        # a word classing the task before its fields (`（预期性指标，牵头单位：市发改委）`)
        body_start += hits[0].start
        hits = bracket_labels(f[body_start:end - 1])
    if not hits or hits[0].start != 0 or hits[0].open:
        return None
    return k, body_start, end - 1


FIELDS_QUALIFIER_MAX = 10  # the words before a bracket's fields that class its task, at most


def bracket_labels(body: str) -> list[FieldHit]:
    """The field labels in the folded body of a bracket that holds a task's fields: those with
    a colon or brackets (find_labels), else listed labels written without a colon, one opening
    the body and each after a clause mark (`责任领导邓思远,责任单位发改局、港航办`)."""
    hits = find_labels(body)
    if (not hits or hits[0].start) and body.startswith(BARE_ROLE_WORDS):
        bare = [FieldHit(m.start("word"), m.end(), BARE_ROLE_LABEL[m["word"]], False) for m in BARE_ROLE.finditer(body)]
        hits = sorted([*bare, *hits]) if bare and bare[0].start == 0 else hits
    if hits:
        return hits
    m = BARE_LABEL.match(body)
    if m is None:
        return []
    out = []
    for m in BARE_LABEL.finditer(body):
        start = m.start("label")
        if start == 0 or body[start - 1] in ",，;；":
            out.append(FieldHit(start, m.end("label"), m["label"], False))
    return out


# Role words alone as labels in a field bracket (`主办：X；协办：Y`), with the labels they stand for.
BARE_ROLE_LABEL = {fold(w): fold(label) for w, _, label in (e.partition("=") for e in T.words("label_bare"))}
BARE_ROLE_WORDS = tuple(BARE_ROLE_LABEL)
BARE_ROLE = lazy_regex("(?:^|(?<=[,，;；]))[ \u3000]*(?P<word>%s)[ \u3000]*:[ \u3000]*"
                       % "|".join(map(regex.escape, BARE_ROLE_WORDS)))


# The same opening a field line, and after a blank or clause mark on it
# (`牵头：新区经济服务局　协办：新区城建局`).
BARE_ROLE_LINE = lazy_regex(r"(?:^|(?<=[,，;；。 \u3000\t]))(?P<word>%s)[ \u3000]*:[ \u3000]*(?=\S)"
                            % "|".join(map(regex.escape, BARE_ROLE_WORDS)))


def bare_line_labels(f: str, labels: list[FieldHit]) -> list[FieldHit]:
    """The labels of a folded line that opens with a role word alone as its label: those
    role words and the labels found already; `labels` when the line opens otherwise."""
    lead = len(f) - len(f.lstrip(BULLETS_BLANKS))
    bare = [FieldHit(m.start("word"), m.end(), BARE_ROLE_LABEL[m["word"]], False)
            for m in BARE_ROLE_LINE.finditer(f, lead)]
    if not bare or bare[0].start != lead:
        return labels
    taken = {h.start for h in labels}
    return sorted([*labels, *(h for h in bare if h.start not in taken)])


# A listed label of four characters or more (责任领导, 牵头单位), a value's Han character after it.
# (compiled when first used: only a bracket whose labels have no colon needs it)
BARE_LABEL = lazy_regex(
    "(?P<label>%s)(?=\\p{Han})" % "|".join(regex.escape(w) for w in sorted(
        (w for w in LABEL_ROLE if len(w) >= 4 and w not in HEAD_LABELS), key=len, reverse=True)))


def field_hits(f: str, labels: list[FieldHit] | None = None) -> list[FieldHit]:
    """Field labels on a folded line that open a field: at the line start (after a bullet), in
    brackets, or after a blank or clause end; never inside parentheses, which hold inline
    fields (`…。（牵头单位：X；配合单位：Y）`, read with the task text).  One pass over the
    line: the bracket depth is carried from hit to hit."""
    out = []
    depth, at = 0, 0
    lead = len(f) - len(f.lstrip(BULLETS_BLANKS))
    for m in (find_labels(f) if labels is None else labels):
        s = m.start
        if s > at:
            for ch in _BRACKET.findall(f, at, s):  # only the brackets between two hits are read
                if ch in "([〔":
                    depth += 1
                elif depth:
                    depth -= 1
            at = s
        if depth > 0:
            continue
        if s <= lead or m.open or f[s - 1] in FIELD_BEFORE or (s - lead <= 6 and LABEL_OWNER.fullmatch(f, lead, s)):
            out.append(m)
    return out


def fields_of(f: str, ln: Line, hits: list[regex.Match[str]], last_end: int = -1) -> list[Field]:
    out = []
    for k, m in enumerate(hits):
        end = hits[k + 1].start if k + 1 < len(hits) else (len(f) if last_end < 0 else last_end)
        out.append(Field(label_role(m.label), ln.start + m.end, ln.start + end, m.label))
    return out


def _marker(f: str) -> tuple[str, str, int, int] | None:
    if not MARKER_START.match(f):
        return None
    first = f[0]
    if "\u2474" <= first <= "\u249b":
        # one character for a bracketed or dotted number (⑴ ⑵ …, ⒈ ⒉ …), which width folding
        # leaves as written: the kind it stands for, `(1)` or `1.`
        if first <= "\u2487":
            return "paren", first, ord(first) - 0x2473, len(f) - len(f[1:].lstrip(" \t\u3000、."))
        return "arabic", first, ord(first) - 0x2487, len(f) - len(f[1:].lstrip(" \t\u3000"))
    kinds = _MARKERS_AFTER_PAREN if first in "(【[" else \
        _MARKERS_AFTER_NUMERAL if first in HEADING_NUMERAL_CHARS else _MARKERS_AFTER_DIGIT
    for name, _level, pat in kinds:
        m = pat.match(f)
        if m:
            label = m["label"]
            if name in ("cn", "cn_paren"):
                seq = cn_small_int(label)
            elif name == "circled":
                ch = ord(label)
                seq = ch - 0x2460 + 1 if ch <= 0x2473 else ch - 0x3251 + 21
            elif name == "decimal":
                seq = int(label.split(".")[1])
            else:
                seq = int(label)
            if seq is None:
                continue
            return name, label, seq, m.start("title")
    return None


# The body a field label's leader or unit belongs to, written before it on its line
# (`市政府责任领导:`, `县委牵头单位:`).
LABEL_OWNER = lazy_regex(r"[省市州盟县区旗镇乡](?:人民)?政府|[省市州县区]委|[省市州县区]政府办")

# What is left of `(二)` once its numeral is lost.
LOST_NUMERAL = "()"

# In split_run_on_items' list of markers: a line it cut, whose pieces it did not read.
NOT_READ = ("", "", 0, 0)


def classify(lines: list[tuple[Line, str]], markers: list | None = None) -> list[LineInfo]:
    """Each line read once; `markers` (from split_run_on_items): the marker of each folded
    line where already read, NOT_READ where not."""
    out = []
    lost_after = 0  # the number of the last `(一)` item, for items whose numeral was lost
    for k, (ln, f) in enumerate(lines):
        labels = find_labels(f) if (":" in f or "】" in f or "]" in f or "〕" in f or "——" in f) else []
        if ":" in f and f.lstrip(BULLETS_BLANKS).startswith(BARE_ROLE_WORDS):
            labels = bare_line_labels(f, labels)
        info = LineInfo(ln, f, labels=labels, hits=field_hits(f, labels) if labels else [])
        # circled numbers are matched as written: width folding turns ① into 1
        if "\u2460" <= ln.text[0] <= "\u2473" or "\u3251" <= ln.text[0] <= "\u325f":
            mk = _marker(ln.text)
        elif markers is not None and markers[k] is not NOT_READ:
            mk = markers[k]
        else:
            mk = _marker(f)
        if mk is None and f.startswith(LOST_NUMERAL) and len(f) > len(LOST_NUMERAL) and lost_after:
            # `()` opening a line after `(一)`: a page that lost its numerals (drawn as images,
            # or in a font the copy did not keep); the item numbered on from the one before
            lost_after += 1
            mk = ("cn_paren", "", lost_after, len(f) - len(f[len(LOST_NUMERAL):].lstrip()))
        if mk:
            info.marker, info.label, info.seq, info.title_at = mk
            if mk[0] == "cn_paren":
                lost_after = mk[2]
            elif mk[0] == "cn":
                lost_after = 0
        hits = info.hits
        if hits:
            info.fields_at = hits[0].start
            before = f[: hits[0].start].strip(BULLETS_BLANKS)
            # (`市政府责任领导:X`: the government whose leader it is, before the label)
            info.is_field = before == "" or LABEL_OWNER.fullmatch(before) is not None
            # (with words of its own after it: `主要任务：` alone over a list labels nothing; after
            # the record's number: `第1项【任务内容】…【责任领导】…`)
            info.text_label = (info.is_field or RECORD_ORDINAL.fullmatch(before) is not None) \
                and label_role(hits[0].label) == "text" \
                and (hits[1].start if len(hits) > 1 else len(f)) - hits[0].end >= RECORD_TEXT_MIN
            info.is_field = info.is_field or info.text_label
        elif info.labels and not mk:
            whole = inline_fields(f)
            if whole is not None and f[:whole[0]].strip(BULLETS_BLANKS) == "":
                # a line that is only fields in brackets: `（责任单位：X、Y）`
                _, body, end = whole
                info.hits = [h._replace(start=h.start + body, end=h.end + body) for h in find_labels(f[body:end])]
                info.fields_at, info.fields_end = body, end
                info.is_field = info.bracketed = bool(info.hits)
        if not info.is_field and not mk and "为" in f:
            m = RETRO_ROLES.match(f.strip())
            if m:
                n = m["n"]
                info.retro = (numeral(n) or 1) if n else 1
                k = len(f) - len(f.lstrip())
                info.hits = [FieldHit(k + m.start("label"), k + m.start("value"), m["label"], False)]
                info.fields_end = k + m.end("value")
        if not info.is_field and not mk and not info.retro:
            info.is_roles = _ROLE_VERB_WORD.search(f) is not None and roles_from_sentence(_unwrap(f), need_lead=False) is not None
            if not info.is_roles and bare_unit_bracket(f):
                info.is_roles = True  # a line that is only a bracket of units: `（市经信委、发改委）`
            info.is_leaders = not info.is_roles and is_leader_line(f)
        # (the bracket may stand before the sentence's stop or an item's semicolon:
        # `…专员制度（责任部门：营商环境办）。`, `二是新建…校舍2万平方米（县教育局负责）；`)
        g = f[:-1] if f.endswith(("。", ".", "；", ";")) and f[-2:-1] in (")", "）") else f
        if not info.is_roles and g.endswith((")", "）")) and ("牵头" in f or "负责" in f or "配合" in f or ":" in f
                                                           or "单位" in f or "领导" in f):
            k = opening_bracket(g)
            info.ends_with_roles = k > 0 and (any(k < x.start < len(g) for x in info.labels) or
                                             roles_from_sentence(g[k + 1:-1], need_lead=False) is not None
                                             or bool(bracket_labels(g[k + 1:-1])))
        elif not info.is_roles and f.endswith((")", "）")) and f.rfind("。", 0, len(f) - 2) > 0:
            k = opening_bracket(f)
            # `…支持工业发展。（市工信委、市财政局）`: a bracket of units after a sentence's end
            info.ends_with_roles = k > 0 and f[k - 1] in BARE_BRACKET_AFTER and bare_unit_bracket(f[k:])
        elif not info.is_roles and not mk and f.endswith(("。", ".")) and ("牵头" in f or "负责" in f) \
                and len(f) <= CLOSING_ROLES_PARAGRAPH_MAX:
            # a paragraph closed by its own role sentence, not in brackets (minutes of a meeting:
            # `…确保10月底前完成年度改造任务。由公用事业科牵头，各县区住建部门配合。`), or
            # opening with the units it assigns (`区水利局负责…`)
            k = f.rfind("。", 0, len(f) - 1)
            info.ends_with_roles = k > 0 and roles_from_sentence(_unwrap(f[k + 1:]), need_lead=False) is not None
            info.duty = not info.ends_with_roles and not info.is_field and opens_with_duty(f)
        out.append(info)
    _decimal_groups(out)
    _numbers_glued_to_figures(out)
    _duty_runs(out)
    _bare_unit_lines(out)
    return out


def bare_unit_line(f: str) -> bool:
    """Whether a folded line is only a list of units' names, no label, verb or bracket
    (`市住房城乡建设局、市市场监管局，各县(市、区)人民政府`)."""
    f = f.strip().rstrip("。.;；")
    if not f or len(f) > BARE_UNIT_LINE_MAX or ":" in f or "。" in f or f[:1] in "(（" or f[-1:] in ")）":
        return False
    return roles_from_sentence(f, need_lead=False, bare=True) is not None


BARE_UNIT_LINE_MAX = 80


def _bare_unit_lines(infos: list[LineInfo]) -> None:
    """A line of units' names alone right after a numbered task's line names its units
    (`(1)全面复核…。` / `市住房城乡建设局、市市场监管局`), unless a date follows it (the
    signature closing a list)."""
    prev = None
    for k, info in enumerate(infos):
        if not info.f.strip():
            continue
        if prev is not None and prev.marker is not None and info.marker is None and not info.labels \
                and not info.is_roles and not info.ends_with_roles and "一" <= info.f.strip()[-1:] <= "鿿" \
                and prev.f.rstrip().endswith(SENTENCE_ENDS) and bare_unit_line(info.f):
            j = k + 1
            while j < len(infos) and not infos[j].f.strip():
                j += 1  # (the next line that is not blank; no copy of the lines after)
            after = infos[j].f.strip() if j < len(infos) else ""
            if not (STANDALONE_DATE.match(after) or DATE_LIKE.match(after)):
                info.is_roles = True
        prev = info


STANDALONE_DATE = T.pattern("standalone_date")
# A date line as damaged copies print it (`20*年3月5日`, `二〇二四年六月十一日`): what the
# line after a signature is, whatever its digits.
DATE_LIKE = lazy_regex(r"^\S{1,6}年\S{1,3}月\S{1,4}日$")


# `2.40个小区…`: an item's number with a figure right after its point (read as a decimal).
GLUED_NUMBER = re.compile(r"^(\d{1,3})\.(?=\d)")


def _numbers_glued_to_figures(infos: list[LineInfo]) -> None:
    """Mark `2.40个小区新增…` an item `2.` where the numbering says so: the item before is 1, the
    one after 3, and the line before ends its item (a wrapped line may open with `2.5万亩`)."""
    numbered = [k for k, x in enumerate(infos) if x.marker == "arabic"]
    if len(numbered) < 2:
        return
    for k, info in enumerate(infos):
        if info.marker is not None or not info.f[:1].isdigit():
            continue
        m = GLUED_NUMBER.match(info.f)
        if m is None or k == 0 or not infos[k - 1].f.rstrip().endswith((*SENTENCE_END, ")", "）")):
            continue
        n = int(m[1])
        j = bisect.bisect_left(numbered, k)
        before = infos[numbered[j - 1]].seq if j > 0 else None
        after = infos[numbered[j]].seq if j < len(numbered) else None
        if before == n - 1 and after in (n + 1, None) and (after is not None or j > 1):
            info.marker, info.label, info.seq, info.title_at = "arabic", m[1], n, m.end()


def _duty_runs(infos: list[LineInfo]) -> None:
    """Paragraphs opening with their units' duty assign work when two or more stand together
    (a 职责分工 written unit by unit), not one alone (`镇安委会办公室负责监督…` after a table)."""
    k = 0
    while k < len(infos):
        if not infos[k].duty:
            k += 1
            continue
        j = k
        while j < len(infos) and infos[j].duty:
            j += 1
        if j - k >= 2:
            for x in infos[k:j]:
                x.ends_with_roles = True
        k = j


# A group's number and title with only a blank between (`1 市容环境提升`), the group of the
# decimal items under it (`1.1 …`).
DECIMAL_GROUP = lazy_regex(r"^(?P<label>\d{1,2})[ \t\u3000]+(?P<title>\p{Han}[^。;:]{1,30})$")


def _decimal_groups(infos: list[LineInfo]) -> None:
    """Mark `N title` lines as headings (`arabic`) where the next numbered line is `N.1`:
    the decimal numbering says what the bare number is."""
    decimals = [info for info in infos if info.marker == "decimal"]
    if not decimals:
        return
    # a decimal is a number only where its group opens with N.1 (`3.5 万个` opening a wrapped
    # line of a PDF is a figure)
    groups = {info.label.split(".")[0] for info in decimals if info.label.split(".")[1] == "1"}
    for info in decimals:
        if info.label.split(".")[0] not in groups:
            info.marker, info.label, info.seq, info.title_at = None, "", None, 0
    for k, info in enumerate(infos):
        if info.marker is not None or not info.f[:1].isdigit():
            continue
        m = DECIMAL_GROUP.match(info.f.rstrip())
        if m is None:
            continue
        nxt = next((x for x in infos[k + 1:k + 4] if x.marker is not None), None)
        if nxt is not None and nxt.marker == "decimal" and nxt.label.split(".")[0] == m["label"]:
            info.marker, info.label, info.seq, info.title_at = "arabic", m["label"], int(m["label"]), m.start("title")


# A paragraph closed by a role sentence of its own is a task up to this long.
CLOSING_ROLES_PARAGRAPH_MAX = 400


def opening_bracket(s: str) -> int:
    """Where the bracket closing `s` opens (`…。（X牵头，沿线各县（区）政府配合）`), or -1:
    brackets nest, so the last opening one is not always it."""
    depth = 0
    for k in range(len(s) - 1, -1, -1):
        if s[k] in "）)":
            depth += 1
        elif s[k] in "（(":
            depth -= 1
            if depth == 0:
                return k
    return -1


# What may stand before a bracket of units closing a task: the end of its last sentence.
BARE_BRACKET_AFTER = frozenset("。;；.")


def bare_unit_bracket(f: str) -> bool:
    """Whether a folded line is one bracket holding only units' names, no verb
    (`（市发改委、财政局，澄川海关）`)."""
    f = f.strip().rstrip("。.;；")
    if not (f[:1] in "(（" and f[-1:] in ")）") or opening_bracket(f) != 0:
        return False
    return roles_from_sentence(f[1:-1], need_lead=False, bare=True) is not None


def _unwrap(s: str) -> str:
    """A role sentence as written on its own line: `由X牵头…`, `（X牵头，Y配合）`."""
    s = s.strip().rstrip("。.;；")
    if s[:1] in "(（" and s[-1:] in ")）":
        s = s[1:-1]
    return s


# ---------------------------------------------------------------------------------------
# Role sentences: `X、Y分别牵头，Z配合，W负责`


# A bracketed alias after a unit's name: 市府办〔市大数据局〕, 市政府办公室(市大数据局).
_ALIAS_AFTER = lazy_regex(r"[(（〔][^()（）〔〕]{1,20}[)）〕]$")


def looks_like_units(items: list[str], places_alone: bool = False) -> bool:
    """Whether every item names a body; with places_alone, a list of places alone does too
    (before a role verb: `城关镇配合`)."""
    def name_of(x: str) -> str:
        name = fold(x)
        if _ALIAS_AFTER.search(name) and not is_collective(name):
            name = _ALIAS_AFTER.sub("", name)  # the name before the alias ends in the organisation word
        return name

    def unit(name: str) -> bool:
        return bool(ORG_END.search(name) or OTHER_BODY_END.search(name) or is_collective(name))

    if not items or any(len(x) > 45 or SENTENCE_MARK.search(x) for x in items):
        return False
    names = [name_of(x) for x in items]
    # a place (濠东经济开发区, 金水区) stands for its government beside named units
    # (`市政局、濠东经济开发区、各街道`); alone it may be a task's subject
    return all(unit(n) for n in names) or (
        (places_alone or any(unit(n) for n in names)) and all(unit(n) or PLACE_END.search(n) for n in names))


def role_clause(clause: str) -> tuple[bool, list[str], list[str]] | None:
    """One clause `X、Y分别牵头` / `由X牵头` / `Z等部门配合` -> (leads?, units, open tails), or None
    when it is not a unit list closed by a role verb."""
    clause = clause.strip().rstrip("。.")
    if clause.startswith("由"):
        clause = clause[1:]
    m = ROLE_VERB.search(fold(clause))  # read folded (any script), cut as written
    if not m or m.start() == 0:
        return None
    units, tails = split_units(clause[: m.start()])
    if not looks_like_units(units, places_alone=True):
        return None
    return m.group("lead") is not None, units, tails


# A paragraph opening with the units it assigns and their duty: `区水利局负责内河整治的总体协调，
# …`, `区住建局、区交通局分别负责…` (a 职责分工 written unit by unit).
DUTY_OPENING = lazy_regex(r"^(?P<who>[^，,；;。:：]{2,40}?)(?:分别|共同|具体)?(?:牵头)?负责(?!人|同志)(?=\p{Han})")
_SENTENCES = re.compile("[^。；;!?！？]+")


def _duty_subject(who: str) -> tuple[list[str], list[str]] | None:
    """The units a duty sentence opens with, each a body's whole name (not `各单位要`)."""
    units, tails = split_units(who)
    if not units or not all(ORG_END.search(fold(u)) or PLACE_END.search(fold(u)) or OTHER_BODY_END.search(fold(u))
                            for u in units):
        return None
    return units, tails


def opens_with_duty(f: str) -> bool:
    """Whether a folded line opens with the units it assigns and their duty."""
    m = DUTY_OPENING.match(f) if "负责" in f else None
    return m is not None and _duty_subject(m["who"]) is not None


def duty_roles(text: str) -> tuple[list[str], list[str], list[str]] | None:
    """The roles of a paragraph that opens with its units' duty, its words all kept: each
    sentence's subject units are responsible (`区城管局负责…；区财政局负责…`), `牵头…` after a
    subject makes it the lead (`X负责…，牵头制定…，Y、Z配合`: X leads, Y and Z take part), and a
    role clause adds its units.  None unless the paragraph opens so."""
    lead: list[str] = []
    units: list[str] = []
    tails: list[str] = []
    for k, sm in enumerate(_SENTENCES.finditer(text)):
        subject: list[str] = []
        for clause in split_list(sm.group(), UNIT_CLAUSE_SEPARATORS):
            m = DUTY_OPENING.match(fold(clause))
            who = _duty_subject(clause[:m.end("who")]) if m else None
            if who is not None:
                subject = who[0]
                units.extend(who[0])
                tails.extend(who[1])
                continue
            if k == 0 and not units:
                return None  # the paragraph does not open with a duty
            if subject and fold(clause).startswith("牵头"):
                lead.extend(u for u in subject if u not in lead)
                continue
            c = role_clause(clause)
            if c is not None:
                (lead if c[0] else units).extend(c[1])
                tails.extend(c[2])
    if not units and not lead:
        return None
    return lead, [u for u in units if u not in lead], tails


# `由X会同Y、Z等部门研究提出落实意见`: X leads, Y and Z work with it (the State Council's way of
# assigning a task, followed by provinces and cities).
JOINT_CLAUSE = lazy_regex(r"^(?:由)?(?P<x>[^,;，；]{2,40}?)会同(?P<y>[^,;，；]{2,80}?)"
                          r"(?=研究|负责|提出|办理|落实|组织|共同|做好|抓好|制定|推进|实施|$)")


def joint_roles(clause: str) -> list[tuple[bool, list[str], list[str]]] | None:
    """`由X会同Y、Z等部门研究提出落实意见` -> [(lead, [X], tails), (co, [Y, Z], tails)], or None."""
    f = fold(clause.strip().rstrip("。."))
    m = JOINT_CLAUSE.match(f) if "会同" in f else None
    if m is None:
        return None
    lead, lead_tails = split_units(clause[m.start("x"):m.end("x")])
    co, co_tails = split_units(clause[m.start("y"):m.end("y")])
    if not (looks_like_units(lead) and looks_like_units(co)):
        return None
    return [(True, lead, lead_tails), (False, co, co_tails)]


LEADER_CLAUSE = lazy_regex(rf"^(?:由)?(?P<who>[^,，;；]{{2,40}}?)(?:同志)?(?:{_VERB_ALT})(?:抓总|统筹|落实)?$")


def leader_clause(clause: str) -> list[str] | None:
    """`张明副省长负责` / `分管副省长、协管副秘书长负责` -> the persons named ([] for posts only), or
    None when the clause names no leader."""
    m = LEADER_CLAUSE.match(fold(clause.strip().rstrip("。.")))
    if not m:
        return None
    names: list[str] = []
    for piece in _WHO_SPLIT.split(m["who"]):
        piece = piece.strip()
        if not piece:
            continue
        if is_person(strip_titles(piece)) and strip_titles(piece) != piece:
            names.append(strip_titles(piece))
        elif not any(piece.endswith(t) for t in TITLES):
            return None
    return names


def collect_roles(clauses) -> tuple[list[str], list[str], list[str]] | None:
    lead: list[str] = []
    co: list[str] = []
    opn: list[str] = []
    for leads, units, tails in clauses:
        (lead if leads else co).extend(units)
        opn.extend(tails)
    return (lead, co, opn) if lead or co else None


def roles_from_sentence(s: str, need_lead: bool = True, trailing_co: bool = False,
                        bare: bool = False) -> tuple[list[str], list[str], list[str]] | None:
    """`X、Y分别牵头，Z配合，W负责` -> (lead units, co units, open tails), or None unless every
    clause is a unit list with a role verb (and, with need_lead, one of them leads).  `bare`:
    the words are a bracket closing a task, where a unit list with no verb at all names the
    task's units (`…支持工业发展。（市工信委、市财政局）`), each a unit's name."""
    parsed = []
    # `X牵头，A，B、C等配合`: unit lists without a verb take the role of the clause after them
    pending: list[str] = []
    pending_tails: list[str] = []
    s = s.strip().rstrip("。. ")
    if s.startswith("由") and ("，" in s or "," in s):
        s = s[1:]  # `由X、Y，各县（市）、区人民政府负责落实`: 由 opens the first list, no part of a name
    for clause in split_list(s, UNIT_CLAUSE_SEPARATORS):
        joint = joint_roles(clause) if not pending else None
        if joint is not None:
            parsed.extend(joint)
            continue
        c = role_clause(clause)
        if c is None and parsed and is_deadline(clause):
            # `（X牵头，Y配合，年底前完成）`: the time limit closing a role sentence (read as
            # the task's deadline by whoever takes these roles)
            parsed.append((False, [clause.strip()], []))
            continue
        if c is None:
            if leader_clause(clause) is not None:
                continue  # `分管副省长、协管副秘书长负责`: leaders, not units
            units, tails = split_units(clause)
            if looks_like_units(units) and all(t.startswith("等") for t in tails):
                pending.extend(units)
                pending_tails.extend(tails)
                continue
            return None
        if pending:
            c = (c[0], pending + c[1], pending_tails + c[2])
            pending, pending_tails = [], []
        parsed.append(c)
    if pending and bare and not parsed and not need_lead:
        return ([], pending, pending_tails) if all(is_unit_name(u) for u in pending) else None
    if pending:
        if not (trailing_co and parsed):
            return None
        # a 责任单位 list that opens with its leads: `X、Y牵头，A、B` (the rest are co-units)
        parsed.append((False, pending, pending_tails))
    found = collect_roles(parsed)
    if found and need_lead and not found[0]:
        return None
    return found


# ---------------------------------------------------------------------------------------
# Group headings that name a leader


_PERSON = r"\p{Han}{2,4}?"


def _padded_name(most: int) -> str:
    """A person's name of two to `most` + 1 characters as a heading writes it, blanks padding
    it allowed (`韩 立`, `许  晴`); read_leaders checks the name itself."""
    return r"\p{Han}(?:[ \u3000]{0,2}\p{Han}){1,%d}?" % most
@functools.cache
def group_leader() -> regex.Pattern[str]:
    # (a post as a zone's heading writes it: its body before the title, the title held in the
    # government beside it in brackets, a padded name: `管委会主任（区长）韩 立负责的工作`)
    post = rf"(?:{_POST_BODY})?(?:{_TITLE_ALT})(?:\((?:{_TITLE_ALT})\))?"
    person = _padded_name(5)
    return regex.compile(
        rf"^(?:{post})?(?P<names>{person}(?:(?:{post})*[、,，和及](?:{post})*{person})*)(?:{_TITLE_ALT})*"
        rf"(?:共同|同志)?(?:{_VERB_ALT})"
    )


# The bodies whose posts a heading may name before the title (管委会主任, 党工委书记).
_POST_BODY = "管委会|党工委|工委|管理委员会"
GROUP_LEADER_FIELD = lazy_regex(rf"(?:{_spaced('领导')}|{_spaced('領導')}){GAP}[:：]{GAP}(?P<names>[^)）;；]+)")


@functools.cache
def group_leader_line_pattern() -> regex.Pattern[str]:
    return regex.compile(
        rf"^(?:{_TITLE_ALT})*(?P<names>{_PERSON}(?:[、,，]{_PERSON})*)(?:同志)?(?:{_TITLE_ALT})*{GAP}(?::|(?:{_VERB_ALT}))")


def group_leader_line(f: str) -> list[str]:
    """The leaders a line outside any task names for the tasks below it: a title and a name
    before a colon or a leading verb (`常务副市长郑国栋：负责抓好…`, `李明副市长分管的工作`);
    the title is required, so a sentence that merely starts with a name does not count."""
    m = group_leader_line_pattern().match(f)
    if not m or not any(t in f[: m.end()] for t in TITLES if t != "同志"):
        return []
    names, bad = read_leaders(m["names"])
    return names if names and not bad else []


def names_as_written(info: LineInfo, names: list[str]) -> list[str]:
    """Names found on the folded line, given as the line writes them (folding keeps positions)."""
    return [info.ln.text[info.f.index(n):info.f.index(n) + len(n)] if n in info.f else n for n in names]


# (a count of the tasks may close it: `一、县产业园区管委会牵头工作(3项)`)
GROUP_LEAD = lazy_regex(r"^(?:由)?(?P<units>[^,，;；:。]{2,60}?)(?:牵头|主办|牽頭)(?:负责|負責)?(?:的|负责的)?(?:工作|任务|任務|重点工作|事项|事項)?"
                        r"(?:\((?:共|计)?[\d一二三四五六七八九十]{1,3}(?:项|个|件|項|個)\))?$")


def heading_lead_units(title: str) -> list[str]:
    """The lead units a heading names for the tasks below it (`（三）省编办牵头的工作`, `…专题。
    （牵头部门：市委宣传部、市应急管理局）`), or []."""
    m = GROUP_LEAD.match(fold(title).strip())
    if not m:
        return _heading_bracket(title).get("lead", []) or _unit_as_heading(title)
    units, _tails = split_units(title[m.start("units"):m.end("units")])
    return units if looks_like_units(units) else []


def _unit_as_heading(title: str) -> list[str]:
    """A heading that is one unit's name and nothing else (`（一）市发展改革委` over the duties
    it leads), as a list of that unit; [] otherwise."""
    name = title.strip().rstrip("。:：")
    # (a level opens it and no 的 is in it: `着力建设…服务型政府`, `主要指标的责任部门` name no unit)
    if not name or len(name) > UNIT_HEADING_MAX or name[0] not in GOVERNMENT_LEVELS or "的" in name \
            or not ORG_END.search(fold(name)):
        return []
    units, tails = split_units(name)
    return units if len(units) == 1 and not tails and units[0] == name and is_unit_name(name) else []


UNIT_HEADING_MAX = 16  # characters of a unit's name standing as a heading


def heading_co_units(title: str) -> list[str]:
    """The co-units a heading's closing bracket names beside its one lead label (`（一）危险化学品
    安全专项整治（牵头单位：X；配合单位：Y、Z）` -> [Y, Z]), for the tasks below it; [] otherwise."""
    return _heading_bracket(title).get("units", [])


def _heading_bracket(title: str) -> dict[str, list[str]]:
    """The units of a heading's closing bracket by role, when it holds one lead label and at
    most one co-unit label after it, each a list of units; {} otherwise."""
    f = fold(title).strip()
    fields = inline_fields(f) if f.endswith(")") else None
    if fields is None:
        return {}
    body = title[fields[1]:fields[2]]
    hits = bracket_labels(fold(body))
    roles = [label_role(h.label) for h in hits]
    if roles not in (["lead"], ["lead", "units"]):
        return {}
    out = {}
    for k, (hit, role) in enumerate(zip(hits, roles)):
        end = hits[k + 1].start if k + 1 < len(hits) else len(body)
        units, _tails = split_units(body[hit.end:end].strip().rstrip(";；,，"))
        if not looks_like_units(units):
            return {}
        out[role] = units
    return out


# Whether a heading holds a leading verb at all: group_leader ends with one, and its lazy names
# between title alternations cost a few microseconds on every heading that has none.
_ANY_VERB = re.compile("|".join(re.escape(v) for v in T.words("leading_verbs")))


def heading_leaders(title_folded: str) -> list[str]:
    """The leaders a heading names for the tasks below it, or []."""
    m = group_leader().match(title_folded) if _ANY_VERB.search(title_folded) else None
    if m:
        names, bad = read_leaders(m["names"])
        if names and not bad:
            return names
    m = GROUP_LEADER_FIELD.search(title_folded)
    if m:
        names, bad = read_leaders(m["names"])
        if names and not bad:
            return names
    m = NAME_THEN_POSTS.match(title_folded) if ":" in title_folded else None
    if m and _posts(m["posts"]):
        # a leader and the posts he holds over the tasks he answers for: `2、韩 荣：党委副书记兼纪委书记。`
        names, bad = read_leaders(m["name"])
        if len(names) == 1 and not bad:
            return names
    return []


# A person's name, a colon and the posts he holds (`孙立民：党委副书记、镇长。`).
NAME_THEN_POSTS = lazy_regex(rf"^(?P<name>{_padded_name(3)})[ \u3000]*:[ \u3000]*(?P<posts>[^:;。]{{2,40}}?)[。;]?$")


# ---------------------------------------------------------------------------------------
# Drafts


@dataclass
class TaskDraft:
    seq: int
    start: int  # offset of the number (or of the row / paragraph)
    text_start: int
    text_end: int
    section: str | None
    group_leaders: list[str]
    fields: list[Field] = field(default_factory=list)
    role_lines: list[tuple[int, int]] = field(default_factory=list)  # role sentences on lines of their own
    leader_lines: list[tuple[int, int]] = field(default_factory=list)
    end: int = 0
    # table rows: column text by role, in pieces joined once the task is built
    cells: dict[str, list[str]] | None = None
    cell_labels: dict[str, str] = field(default_factory=dict)  # column role -> its header word
    group_lead: list[str] = field(default_factory=list)  # lead units a heading names for its tasks
    lead_stated: bool = False  # group_lead given by a field line under the heading
    numbered: bool = True  # False: an unnumbered paragraph, its seq is its place in the list
    group_units: list[str] = field(default_factory=list)  # the unit a list's heading line names
    group_co: list[str] = field(default_factory=list)  # co-units a heading names beside its lead
    headed: bool = False  # a heading's title opens its text (a heading with no item under it)

    @property
    def has_roles(self) -> bool:
        return bool(self.fields or self.role_lines)


# ---------------------------------------------------------------------------------------
# Which marker carries the tasks


def leading_roles(body: str) -> tuple[tuple[list[str], list[str], list[str]], int] | None:
    """A role sentence opening a task, `由X负责，Y配合，加快…建设` -> (its roles, where the task's
    own words begin), or None.  The longest run of clauses from the start that reads as roles
    wins; some words must be left after it."""
    if not body.startswith("由"):
        return None
    best = None
    for m in _CLAUSE_COMMA.finditer(body, 0, min(len(body), 120)):
        found = roles_from_sentence(body[:m.start()], need_lead=False)
        if found is None:
            break
        if body[m.end():].strip():
            best = (found, m.end())
    return best


_CLAUSE_COMMA = re.compile("[,，;；]")


def inner_roles(text: str) -> tuple[tuple[list[str], list[str], list[str]], int, int] | None:
    """A role run opening with 由 at a clause start anywhere in a task's words (`会议要求，由X、Y
    分别牵头，Z负责，9月底前完成…`): (its roles, where it starts, where the words after it
    start), or None.  At the start it is leading_roles'."""
    k = text.find("由")
    while k >= 0:
        if k == 0 or text[k - 1] in "，,；;。":
            found = leading_roles(text[k:])
            if found is not None:
                return found[0], k, k + found[1]
        k = text.find("由", k + 1)
    return None


def line_has_roles(info: LineInfo) -> bool:
    """Whether an item's own line assigns it: fields, a role sentence, roles in brackets."""
    if info.roles_here is None:
        info.roles_here = _line_has_roles(info)
    return info.roles_here


def _line_has_roles(info: LineInfo) -> bool:
    if info.fields_at >= 0 or info.is_roles or any(x.start >= info.title_at for x in info.labels):
        return True
    f = info.f
    if "牵头" in f or "负责" in f or "配合" in f or "牽頭" in f or "会同" in f:
        body = f[info.title_at:].rstrip("。.;； ")
        if body.startswith("由") and leading_roles(body) is not None:
            return True  # `(一)由X负责，Y配合，<task>`
        # a closing role sentence or a parenthesised one: `…。X牵头，Y配合。` / `…(X牵头，Y负责)`
        if closes_with_role_paren(body):
            return True
        for sep in "。；;":
            k = body.rfind(sep)
            if k >= 0 and roles_from_sentence(body[k + 1:]):
                return True
        tail = re.split("[,，]", body)[-1]
        if role_clause(tail) is not None or joint_roles(tail) is not None:
            return True
    # a bracket of units after the item's last sentence: `(一)…支持工业发展。(市工信委、市财政局)`
    return info.ends_with_roles


def closes_with_role_paren(body: str) -> bool:
    """Whether a line (its closing 。 taken off) ends in roles in brackets: `…试点(X牵头，Y配合)`."""
    if not body.endswith((")", "）")):
        return False
    k = opening_bracket(body)
    return k >= 0 and paren_roles(body[k + 1:-1]) is not None


def paren_roles(body: str, bare: bool = False) -> tuple[list[str], list[str], list[str]] | None:
    """The roles a bracket assigns, read without the note that may follow them in it
    (`省国资委牵头。明确牵头部门的,有关部门配合,不逐一列出,下同`: a convention stated once for the
    whole list, no one's role here), or None."""
    first, stop, rest = body.partition("。")
    if stop and first and _PAREN_NOTE.search(fold(rest)):
        body = first
    return roles_from_sentence(body, need_lead=False, bare=bare)


# What closes a note inside a role bracket: a convention for the rest of the list.
_PAREN_NOTE = regex.compile(r"(?:以下同|下同)[。.]?$")


def line_assigns(f: str) -> bool:
    """Whether a folded line assigns work: a role field on it, in brackets closing it or
    inside it, or a role sentence."""
    return bool(field_hits(f)) or inline_fields(f) is not None or fields_inside(f) is not None \
        or (_ROLE_VERB_WORD.search(f) is not None and roles_from_sentence(_unwrap(f), need_lead=False) is not None)


def task_kind(infos: list[LineInfo], fallback: bool = True) -> str | None:
    """The marker kind whose items carry role assignments, or None when the tasks are not
    numbered.  An item carries roles when one block of role lines follows its text (or its own
    line holds them); an item followed by several such blocks is a heading over unnumbered
    tasks.  Most carrying items wins; a tie goes to the deeper kind."""
    votes: dict[str, int] = {}
    heads_by: dict[str, int] = {}  # items of each kind followed by several role blocks
    cur: str | None = None
    blocks = 0
    in_block = False

    def settle() -> None:
        if cur is None:
            return
        if blocks == 1:
            votes[cur] = votes.get(cur, 0) + 1
        elif blocks > 1:
            heads_by[cur] = heads_by.get(cur, 0) + 1

    for info in infos:
        if info.marker:
            settle()
            cur, blocks, in_block = info.marker, 0, False
            if line_has_roles(info):
                blocks, in_block = 1, True
            continue
        if info.ends_with_roles:
            blocks += 1  # a paragraph closed by its own roles: one task each
            in_block = False
            continue
        role_line = info.is_field or info.is_roles or info.is_leaders
        if role_line and not in_block:
            blocks += 1
        in_block = role_line or (in_block and not info.f.endswith(SENTENCE_ENDS) and len(info.f) < 20)
    settle()
    heads = sum(heads_by.values())
    # a kind whose items are as often headings over several role blocks as carriers of one
    # is a heading kind (`（一）` over unnumbered paragraphs each closed by `X牵头落实`)
    carriers = {k: v for k, v in votes.items() if v > heads_by.get(k, 0)}
    if carriers and sum(carriers.values()) >= heads:
        kind = max(carriers, key=lambda k: (carriers[k], RANK[k]))
        return _kind_under_titled_heads(infos, kind) or kind
    if not votes and not heads and fallback:
        # no roles anywhere: numbered items are still the tasks (`1.` before `（1）`)
        kinds = {info.marker for info in infos if info.marker}
        return next((k for k in ("arabic", "paren", "circled") if k in kinds), None)
    return None


def _kind_under_titled_heads(infos: list[LineInfo], kind: str) -> str | None:
    """The kind of the items under `kind`'s when those are group headings rather than tasks:
    each of them that assigns work does so in a bracket closing a title (`（一）危险化学品安全
    专项整治（牵头单位：X；配合单位：Y）`), and numbered items of a deeper kind that assign
    nobody follow it (`1.全面摸排…`); the heading's roles are theirs.  None otherwise."""
    rank = RANK[kind]
    kids: dict[str, int] = {}
    heads = 0
    for k, x in enumerate(infos):
        if x.marker != kind or not line_has_roles(x):
            continue
        if not _titled_bracket(x.f[x.title_at:]):
            return None
        under = []
        for y in infos[k + 1:]:
            if y.marker and RANK[y.marker] <= rank:
                break
            if y.marker:
                under.append(y)
            elif y.is_field or y.is_roles or y.ends_with_roles:
                return None  # roles of their own below the heading
        if not under or any(line_has_roles(y) for y in under):
            return None
        heads += 1
        for y in under:
            kids[y.marker] = kids.get(y.marker, 0) + 1
    return max(kids, key=lambda m: (kids[m], -RANK[m])) if heads and kids else None


def _titled_bracket(f: str) -> bool:
    """A title closed by a bracket of role fields, no sentence in the title."""
    f = f.rstrip()
    if not f.endswith((")", "）")):
        return False
    k = opening_bracket(f)
    title = f[:k].rstrip("。. ") if k > 0 else ""
    return 2 <= len(title) <= 40 and not any(c in title for c in "。；;！？") and bool(bracket_labels(f[k + 1:-1]))


def kinds_by_part(infos: list[LineInfo], whole: str | None) -> list[str | None]:
    """The task kind at each line.  Parts under `一、` headings may number their tasks
    differently (`（一）` tasks in the first, `1.` tasks under `（一）` sub-headings in the
    second): each part takes the kind its own items vote for, the document's where it has
    no votes of its own."""
    out: list[str | None] = [whole] * len(infos)
    if whole == "cn":
        # tasks at the top level: an item that assigns no one, over numbered items that each
        # carry roles, is their heading (`三、推进养老服务设施建设。` / `(一)…。(主办单位：…)`)
        starts = [k for k, x in enumerate(infos) if x.marker == "cn"] + [len(infos)]
        for a, b in zip(starts, starts[1:]):
            if b - a > 2 and not line_has_roles(infos[a]):
                subs = [x for x in infos[a + 1:b] if x.marker is not None]
                if len(subs) >= 2 and all(line_has_roles(x) for x in subs):
                    out[a:b] = [subs[0].marker] * (b - a)
        return out
    if whole is None:
        return out  # unnumbered tasks: nothing to vary
    starts = [k for k, x in enumerate(infos) if x.marker == "cn"] + [len(infos)]
    if len(starts) >= 3:
        for a, b in zip(starts, starts[1:]):
            part = task_kind(infos[a + 1:b], fallback=False) if b - a > 2 else None
            if part is not None and part != "cn":
                out[a:b] = [part] * (b - a)
    if whole == "cn_paren":
        return out
    # and so may the parts under `（一）` headings (`（一）主要指标` numbering its tasks `（1）`
    # under `1.` groups, `（二）重点任务` numbering them `1.`)
    subs = [k for k, x in enumerate(infos) if x.marker in ("cn", "cn_paren")] + [len(infos)]
    if sum(infos[k].marker == "cn_paren" for k in subs[:-1]) < 2:
        return out
    # (when items of one kind carry all the roles, by their own line or the lines after them,
    # no part can number its tasks otherwise: the parts need no vote)
    carrying: set[str] = set()
    cur = None
    for x in infos:
        if x.marker:
            cur = x.marker
            if line_has_roles(x):
                carrying.add(cur)
        elif cur and (x.is_field or x.is_roles or x.is_leaders or x.ends_with_roles):
            carrying.add(cur)
    if len(carrying - {"cn", "cn_paren"}) < 2:
        return out
    for a, b in zip(subs, subs[1:]):
        part = task_kind(infos[a + 1:b], fallback=False) if b - a > 2 else None
        if part is not None and part not in ("cn", "cn_paren") and out[a] not in (None, "cn", "cn_paren"):
            out[a:b] = [part] * (b - a)
    return out


# ---------------------------------------------------------------------------------------
# Tables


def header_roles(cells: list[str]) -> dict[int, str] | None:
    roles = {}
    for k, c in enumerate(cells):
        role = column_role(c)
        if role is not None:
            roles[k] = role
    if len(roles) >= 3 and "text" in roles.values() and len(roles) * 2 >= len([c for c in cells if c.strip()]):
        keys = sorted(roles)
        paired = paired_lead([roles[k] for k in keys], [cells[k] for k in keys])
        return dict(zip(keys, paired))
    return None


CO_LABEL = T.pattern("co_label")


def paired_lead(roles: list[str], words: list[str]) -> list[str]:
    """Column roles with a `责任单位` column beside a co-unit column (`协同部门`, `配合单位`) and no
    牵头 column read as the lead's, as the same two field labels are (`责任部门 | 协同部门`)."""
    units = [k for k, r in enumerate(roles) if r == "units"]
    if "lead" in roles or len(units) < 2:
        return roles
    first = _HEADER_NOISE.sub("", fold(words[units[0]]))
    if first.startswith(("责任", "主要")) and not CO_LABEL.match(first) \
            and any(CO_LABEL.match(_HEADER_NOISE.sub("", fold(words[k]))) for k in units[1:]):
        return [("lead" if k == units[0] else r) for k, r in enumerate(roles)]
    return roles


TABLE_BLANK_SPLIT = lazy_regex(r"[ \u3000]{2,}")


# A header row opening with the number column (`序号 主要工作任务 …`).
SEQ_HEAD = lazy_regex(r"^(?:序号|编号|序號|編號)[ \t]")


def spaced_header(cells: list[str]) -> dict[int, str] | None:
    """The column roles of a header whose cells are split at single blanks: every cell (all
    but one at most) a known column, a role column among them; else None (single blanks are
    also the blanks of a sentence)."""
    roles = header_roles(cells)
    if roles is None or len(roles) < len(cells) - 1 or not ROLE_COLUMNS & set(roles.values()):
        return None
    return roles


def spaced_row(raw: str, n: int, header: dict[int, str]) -> list[str]:
    """The cells of a row split at single blanks under a header of n cells: a character alone
    is the rest of a name padded with a blank (`周 玥`), and blanks beyond those sit in the
    task's words; a row of fewer pieces lost its last cells."""
    toks = raw.split()
    surplus = len(toks) - n
    if surplus > 0:
        # (one pass: a hostile row of thousands of pieces must not be rebuilt for each)
        # (pieces gathered per cell and joined once: a string grown piece by piece is copied
        # each time)
        merged: list[list[str]] = []
        for t in toks:
            if surplus > 0 and merged and len(t) == 1 and "\u4e00" <= t <= "\u9fff" \
                    and "\u4e00" <= merged[-1][-1][-1:] <= "\u9fff":
                merged[-1].append(t)
                surplus -= 1
            else:
                merged.append([t])
        toks = [" ".join(cell) for cell in merged]
    if len(toks) > n:
        k = next((c for c, r in header.items() if r == "text"), 1)
        extra = len(toks) - n
        toks[k:k + extra + 1] = [" ".join(toks[k:k + extra + 1])]
    return toks


def table_cells(raw: str) -> list[str]:
    """Cells of one row as written; with tabs or `|` rules, empty cells keep their column."""
    if "|" in raw or "｜" in raw:
        cells = [c.strip(" \u3000") for c in _PIPE.split(raw)]
        if cells and not cells[0]:
            cells = cells[1:]
        if cells and not cells[-1]:
            cells = cells[:-1]
        return cells
    if "\t" in raw:
        return [c.strip(" \u3000") for c in raw.split("\t")]
    return [c.strip() for c in TABLE_BLANK_SPLIT.split(raw.strip())]


# The columns that assign a task: who leads it, who takes part, by when.
ROLE_COLUMNS = frozenset(("leaders", "lead", "units", "deadlines"))


_HAS_HAN = lazy_regex(r"\p{Han}")


def _next_cell(infos: list[LineInfo], j: int) -> str:
    """The first cell from line j on, past `|` rule lines, blanks removed ("" at the end)."""
    while j < len(infos):
        c = _BLANKS.sub("", infos[j].f)
        if not is_rule_line(c):
            return c
        j += 1
    return ""


def cell_header_at(infos: list[LineInfo], i: int) -> tuple[list[str], int] | None:
    """Column roles of a header written one cell per line from line i, or None."""
    if len(infos[i].f) > 24 or not _HAS_HAN.search(infos[i].f):
        return None  # a header cell is a short line of words
    roles: list[str] = []
    words: list[str] = []
    j = i
    while j < len(infos):
        c = _BLANKS.sub("", infos[j].f)
        if is_rule_line(c):
            j += 1
            continue
        role = column_role(c)
        if role is None and j + 1 < len(infos) and len(c) < 10:
            # the line after is read only when this one names no column by itself and is
            # short enough to make one with it (at most 10 characters together)
            nxt = _BLANKS.sub("", infos[j + 1].f)
            joined = column_role(c + nxt) if nxt and len(c + nxt) <= 10 else None
            # (`责任单位` after an unnamed cell is a cell of its own, not the end of a broken one)
            # (but a government's name over its column's words is one cell: `区政府` / `分管领导`)
            if joined is not None and not (len(nxt) >= 4 and column_role(nxt) in ROLE_COLUMNS
                                           and not LABEL_OWNER.fullmatch(c)):
                role, j = joined, j + 1  # a header cell broken over two lines: `责任` / `科室`
        if role is None and roles == ["seq"] and 2 <= len(c) <= 8 and c.isalpha():
            after = column_role(_next_cell(infos, j + 1))
            if after in ROLE_COLUMNS:
                # a column of its own words between 序号 and the role columns is the task's
                # (`序号 / 民生实事 / 责任单位`)
                role = "text"
            elif after == "text":
                # and one before the task's column names the group (`序号 / 项目 / 重点工作目标任务`)
                role = "ignore"
        if role is None:
            break
        roles.append(role)
        words.append(c)
        j += 1
    if len(roles) < 3:
        return None  # no header (the usual answer: most lines name no column)
    k = next((k for k, r in enumerate(roles) if r in ("leaders", "lead", "units")), len(roles))
    if "text" in roles[:k]:
        # a text-like column after the role columns holds targets or plans, not the task
        # (`序号 / 重点工作 / 责任领导 / 责任科室 / 攻坚目标任务`), and in a numbered table so
        # does a second one before them (`序号 / 主要任务 / 全年目标任务 / 分管领导`; unnumbered,
        # `目标` / `任务` may be one cell broken over two lines)
        t = roles.index("text") if roles[0] == "seq" else k - 1
        roles = roles[:t + 1] + ["ignore" if r == "text" else r for r in roles[t + 1:]]
    named = [r for r in roles if r not in ("ignore", "other_person")]
    if len(roles) >= 3 and "text" in named and len(set(named)) == len(named):
        return paired_lead(roles, words), j
    return None


def is_rule_line(c: str) -> bool:
    """A line that is only table rules (`|`, `||||`) between pasted cells."""
    return bool(c) and not c.strip("|｜")


DATE_CELL = lazy_regex(r"(?:\d{4}\s*年|\d{1,2}\s*月|年底|年内|月底|季度|长期|持续|全年|常态|前$|底$|完成$)")


# A row's cells are typed where the table is read, again where a row splits into sub-rows and
# once more where its columns are filled: one answer per cell text.
@functools.lru_cache(maxsize=4096)
def cell_type(f: str) -> str:
    """What a table cell holds: empty, number, leaders, units, deadline or text."""
    s = f.strip()
    if s in EMPTY_CELL or not s:
        return "empty"
    if _CELL_NUMBER.fullmatch(s):
        return "number"
    dated = len(s) <= 24 and DATE_CELL.search(s) is not None
    if dated and len(s) <= 3 and is_deadline(s):
        return "deadline"  # `全年`, `长期`: a time limit, though 全 and 长 are family names too
    if is_leader_line(s) or is_office(s):
        return "leaders"
    if dated and not any(ch in s for ch in "局委办厅府会。，,；;"):
        return "deadline"
    units, tails = split_units(s)
    if len(units) == 1 and not tails and s.endswith("。"):
        return "text"  # a sentence naming one place (`建成县特殊教育学校。`): a unit cell has no full stop
    if (units and looks_like_units(units)) or (not units and tails):
        return "units"
    if roles_from_sentence(s) is not None:
        return "units"
    return "text"


ACCEPTS = {"text": {"text"}, "leaders": {"leaders"}, "lead": {"units"}, "units": {"units"},
           "deadlines": {"deadline"}, "ignore": {"text", "deadline"}, "note": {"text"}, "other_person": {"leaders"},
           "other_units": set()}  # (its cell is set aside by position: see cell_draft)


# ---------------------------------------------------------------------------------------
# The reader


@dataclass
class ListResult:
    tree: SectionTree
    drafts: list[TaskDraft]
    stop: int  # index of the line where the part after the list begins
    warnings: list[str] = field(default_factory=list)


# A line this short above an unnumbered task's paragraph, ending no sentence, is a heading
# over it (`关键词 交通`, `一、民生保障`), not the first line of a wrapped paragraph.
UNNUMBERED_HEADING_MAX = 16

# A unit's name standing alone over its list is no longer than this.
UNIT_HEADING_MAX = 30
# The title of a unit's list under its name: 2011年重点工作目标责任书(5项), 2025年度…工作责任清单.
LIST_TITLE = lazy_regex(r"(?:责任书|责任清单|任务清单|工作清单|任务书|工作要点|任务分解|任务分工)[^。，,;；]{0,12}$")

# A unit heading names an organ of some level: 市交通运输局, 澜州市公安局 (not 工作格局, the end of
# a heading wrapped onto a line of its own).
_UNIT_LEVEL = lazy_regex(r"[省市州盟县区旗镇乡]")


def unit_heading_at(lines: list[str], k: int, is_item) -> int | None:
    """Whether folded line k is only a unit's name over a list of that unit's tasks: the next
    line titles the list (`市交通运输局` / `2011年重点工作目标责任书(5项)`, `澜州市公安局` /
    `2025年度食品安全工作责任清单`) or is its first item (`is_item(j)`).  The index of the
    line after the heading (the first item, or the line after the title) or None.  The line
    above ends a sentence or is short: the unit line is no wrapped end of a heading."""
    name = lines[k].strip()
    if not 3 <= len(name) <= UNIT_HEADING_MAX or not ORG_END.search(name) \
            or any(ch in name for ch in "，,。；;:、 ()") or not _UNIT_LEVEL.search(name):
        return None
    p = k - 1
    while p >= 0 and not lines[p].strip():
        p -= 1
    above = lines[p].strip() if p >= 0 else ""
    if above and above[-1] not in SENTENCE_END and len(above) > UNIT_HEADING_MAX:
        return None
    j = k + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines):
        return None
    # (a title of its own, not the 公文's: `关于印发《…任务分工方案》的通知` under its organs)
    titled = LIST_TITLE.search(lines[j]) is not None and not is_item(j) and "关于" not in lines[j] \
        and "《" not in lines[j]
    if not titled and not is_item(j):
        return None
    units, tails = split_units(name)
    if units != [name] or tails or not looks_like_units(units):
        return None
    return j + 1 if titled else j


# A heading title wraps onto a line or two; one already this long takes no more lines.
MAX_WRAPPED_TITLE_CHARS = 120


class _Reader:
    """One pass over the classified lines, building sections and drafts."""

    def __init__(self, text: str, infos: list[LineInfo], starts_tail) -> None:
        self.text = text
        self.infos = infos
        self.line_starts = [info.ln.start for info in infos]
        # the numbered lines with items of a lower level right after them
        self.over_items: set[int] = set()
        nxt = None
        for k in range(len(infos) - 1, -1, -1):
            mk = infos[k].marker
            if mk is not None:
                if nxt is not None and RANK[nxt] > RANK[mk]:
                    self.over_items.add(k)
                nxt = mk
        # the folded lines as unit_heading_at reads them, listed once (not once per line asked)
        self.folded_lines = [info.f for info in infos]
        self.starts_tail = starts_tail
        self.tree = SectionTree()
        self.drafts: list[TaskDraft] = []
        self.cur: TaskDraft | None = None
        self.in_fields = False
        self.leaders_at: dict[int, list[str]] = {}  # heading level -> leaders it names
        self.last_heading = None
        self.heading_title_at = 0  # where the last heading's title starts
        self.spaced = 0  # the columns of a table whose cells are split at single blanks, else 0
        self.kind = task_kind(infos)
        self.kind_at = kinds_by_part(infos, self.kind)
        self.table_labels: dict[str, str] = {}
        self.lead_at: dict[int, list[str]] = {}  # heading level -> lead units it names
        self.co_at: dict[int, list[str]] = {}  # heading level -> co-units it names beside them
        self.lead_stated: set[int] = set()  # levels whose lead units a field line gave
        self.any_roles = any(x.is_field or x.is_roles or x.ends_with_roles for x in infos)
        self.closed = False  # the current task's roles closed its paragraph: the next line starts anew
        self.cur_info: LineInfo | None = None  # the line that opened the current task
        # under a numbered title over sentences each closed by its roles: they are unnumbered tasks
        self.runs_open = False
        self.heading_mark = 0  # index in drafts of the first task after the last heading
        self.warnings: list[str] = []
        self.units_here: list[str] = []  # the unit a heading line over the list names
        self.skip: set[int] = set()  # lines read as part of a unit's heading
        self.item_title = None  # the section a table row's title over numbered items opened last
        # a list of labelled records (`整改任务：…` / `责任领导：…` …): each text label opens a task,
        # and numbered lines inside a record (its progress, its measures) are none
        self.records = sum(x.text_label for x in infos) >= RECORDS_MIN
        if self.records:
            self.kind_at = [None] * len(infos)
        self.record_seq: int | None = None  # the number a `序号一` line gave the next record

    # -- helpers ------------------------------------------------------------------------
    def close(self) -> None:
        if self.cur is not None:
            if not self.cur.numbered and self.cur.cells is None and not self.cur.headed:
                self.trim_unnumbered(self.cur)
            self.drafts.append(self.cur)
        self.cur = None
        self.in_fields = False

    def trim_unnumbered(self, d: TaskDraft) -> None:
        """An unnumbered task is the paragraph right before its roles: lines above it that end
        a sentence (a group's lead-in under its heading, a news article's opening) or are short
        and end none (a keyword heading, `关键词 交通`) are not its text.  A paragraph wrapped
        over several lines (each but the last ending mid-sentence) stays whole."""
        k = bisect.bisect_right(self.line_starts, d.text_end - 1) - 1
        first = k
        while first > 0 and self.infos[first - 1].ln.start >= d.text_start:
            above = self.infos[first - 1].f.rstrip()
            if not above or above[-1] in SENTENCE_END or above[-1] in ":：" \
                    or len(above) <= UNNUMBERED_HEADING_MAX:
                break
            first -= 1
        if 0 <= first <= k and self.infos[first].ln.start > d.text_start:
            d.start = d.text_start = self.infos[first].ln.start
            seq, at = ordinal_label(self.infos[first].f)
            if seq:
                d.seq, d.text_start = seq, d.text_start + at  # `事项一：制定…`: its number, not its words

    def section_id(self) -> str | None:
        sec = self.tree.current()
        return sec.id if sec else None

    def group_lead(self) -> list[str]:
        for level in sorted(self.lead_at, reverse=True):
            if self.lead_at[level]:
                return list(self.lead_at[level])
        return []

    def group_co(self) -> list[str]:
        """The co-units the heading whose lead the tasks take names beside it."""
        for level in sorted(self.lead_at, reverse=True):
            if self.lead_at[level]:
                return list(self.co_at.get(level, ()))
        return []

    def group_lead_stated(self) -> bool:
        """Whether the group's lead units were given by a field line (`牵头单位:X` under the
        heading), not read from the heading's words."""
        for level in sorted(self.lead_at, reverse=True):
            if self.lead_at[level]:
                return level in self.lead_stated
        return False

    def group_leaders(self) -> list[str]:
        for level in sorted(self.leaders_at, reverse=True):
            if self.leaders_at[level]:
                return list(self.leaders_at[level])
        return []

    def heading(self, info: LineInfo, level: int, label: str) -> None:
        self.close()
        self.runs_open = False
        ln = info.ln
        title = clean(self.text, ln.start + info.title_at, ln.end).text
        sec = self.tree.add(level, label, title, ln.start, ln.end)
        self.last_heading = sec
        self.heading_title_at = ln.start + info.title_at
        self.heading_mark = len(self.drafts)  # the tasks after this heading form its group
        for lv in [lv for lv in self.leaders_at if lv >= level]:
            del self.leaders_at[lv]
        for lv in [lv for lv in self.lead_at if lv >= level]:
            del self.lead_at[lv]
            self.lead_stated.discard(lv)
        folded = fold(title)
        self.lead_at[level] = heading_lead_units(title)
        self.co_at = {lv: v for lv, v in self.co_at.items() if lv < level}
        self.co_at[level] = heading_co_units(title) if self.lead_at[level] else []
        # the names as written (traditional script stays traditional): folding keeps positions
        self.leaders_at[level] = [title[folded.index(n):folded.index(n) + len(n)] if n in folded else n
                                  for n in heading_leaders(folded)]

    def last_text(self) -> str:
        d = self.cur
        return self.text[max(d.text_start, d.text_end - 4): d.text_end].strip() if d else ""

    def continuing_text(self) -> bool:
        t = self.last_text()
        return self.cur is not None and not self.in_fields and not self.closed and bool(t) \
            and t[-1] not in SENTENCE_END

    def new_task(self, seq: int, info: LineInfo, text_from: int) -> None:
        self.close()
        self.cur_info = info
        if info.marker is not None:
            self.runs_open = False
        if info.marker == "decimal":
            seq = len(self.drafts) + 1  # 1.1, 1.2, 2.1…: numbered by place in the list
        self.closed = False
        ln = info.ln
        self.cur = TaskDraft(seq, ln.start, ln.start + text_from, ln.end, self.section_id(), self.group_leaders(),
                             end=ln.end, group_lead=self.group_lead(), lead_stated=self.group_lead_stated(),
                             numbered=info.marker is not None, group_units=list(self.units_here),
                             group_co=self.group_co())
        self.last_heading = None
        # a numbered line closed by its roles in brackets is a whole task: `1.…。（X牵头，Y配合）`
        # (or `1.…（X牵头）。`: the stop after the bracket)
        self.closed = info.marker is not None and info.f.rstrip().rstrip("。.；;").endswith((")", "）", "〕", "】")) \
            and line_has_roles(info)
        if info.fields_at > text_from or (info.fields_at >= 0 and info.fields_at == text_from and text_from > 0):
            # fields on the task's own line: `1.建设学校【牵头单位】市教育局`
            hits = [m for m in info.hits if m.start >= info.fields_at]
            self.cur.text_end = ln.start + info.fields_at
            self.cur.fields.extend(fields_of(info.f, ln, hits))
            self.in_fields = True

    def unnumbered_task(self, info: LineInfo) -> None:
        """A task of no marker: numbered by its place in the list, or by an ordinal label
        opening its line (`督办事项一：加快…`), which is no part of its words."""
        seq, at = ordinal_label(info.f)
        self.new_task(seq or len(self.drafts) + (1 if self.cur is None else 2), info, at)

    def add_fields(self, info: LineInfo) -> None:
        hits = info.hits
        fields = fields_of(info.f, info.ln, hits, info.fields_end)
        if info.bracketed and not self.cur.has_roles:
            # `（1）…（2）…（3）…` then one `（责任单位：…）` line: the fields of the whole group,
            # when none of the group's tasks has fields of its own
            group = []
            for d in reversed(self.drafts[self.heading_mark:]):
                if d.has_roles or d.cells is not None or d.section != self.cur.section:
                    break
                group.append(d)
            for d in group:
                d.fields.extend(fields)
        self.cur.fields.extend(fields)
        self.cur.end = info.ln.end
        self.in_fields = True

    # -- the pass -----------------------------------------------------------------------
    def run(self) -> int:
        infos = self.infos
        i = 0
        n = len(infos)
        while i < n:
            info = infos[i]
            if (self.cur is not None or self.drafts) and self.starts_tail(i):
                self.close()
                return i
            head_cells = table_cells(self.text[info.ln.start:info.ln.end]) \
                if ("\t" in info.ln.text or "  " in info.ln.text or "\u3000\u3000" in info.ln.text
                    or "|" in info.f) else []
            roles = header_roles(head_cells) if head_cells else None
            if roles is None and " " in info.f.strip() and SEQ_HEAD.match(info.f.strip()):
                # a header of single blanks (`序号 主要工作任务 牵头单位 责任单位`): its rows are
                # split at single blanks too
                head_cells = info.f.split()
                roles = spaced_header(head_cells)
                self.spaced = len(head_cells) if roles is not None else 0
            if roles is not None:
                self.close()
                self.table_labels = _header_labels(head_cells[k] for k in sorted(roles))
                i = self.tab_table(i + 1, roles)
                self.spaced = 0
                continue
            found = cell_header_at(infos, i)
            if found is not None:
                cols, after = found
                self.close()
                self.table_labels = _header_labels(x.f for x in infos[i:after])
                i = self.cell_table(after, cols)
                continue
            self.kind = self.kind_at[i]
            self.line(info)
            i += 1
        self.close()
        return n

    def unit_heading(self, info: LineInfo) -> bool:
        """A line that is only a unit's name over that unit's list (see `unit_heading_at`)."""
        if info.marker is not None or info.labels or self.in_fields:
            return False
        k = bisect.bisect_left(self.line_starts, info.ln.start)
        found = unit_heading_at(self.folded_lines, k, lambda j: self.infos[j].marker == self.kind)
        if found is None:
            return False
        if found > k + 1:
            self.skip.add(found - 1)  # the list's title line
        return True

    def record_line(self, info: LineInfo) -> bool:
        """A line of a list of labelled records; whether it was read as one."""
        f, ln = info.f, info.ln
        m = RECORD_NUMBER.match(f)
        if m:
            # `序号一` / `序号：3` over a record: the record's number
            self.close()
            self.record_seq = numeral(m["n"])
            return True
        if info.text_label:
            self.close()
            hits = info.hits
            own = RECORD_ORDINAL.match(f)
            if own is not None and own.end() <= hits[0].start:
                self.record_seq = numeral(own["n"])
            seq = self.record_seq or len(self.drafts) + 1
            self.record_seq = None
            self.cur_info = info
            self.closed = False
            self.cur = TaskDraft(seq, ln.start, ln.start + hits[0].end, ln.end, self.section_id(), self.group_leaders(),
                                 end=ln.end, group_lead=self.group_lead(), lead_stated=self.group_lead_stated(),
                                 group_units=list(self.units_here), group_co=self.group_co())
            if len(hits) > 1:  # `整改任务：… 责任单位：…` on one line
                self.cur.text_end = ln.start + hits[1].start
                self.cur.fields.extend(fields_of(f, ln, hits[1:], info.fields_end))
                self.in_fields = True
            return True
        if self.cur is None or info.is_field:
            return False
        if not self.in_fields and info.marker is None:
            self.cur.text_end = ln.end  # the task's words wrapped onto the next line
        self.cur.end = ln.end  # a record's progress or measures, numbered or not: no task, no words of it
        if self.in_fields and self.cur.fields and self.continues_field(info) and info.marker is None:
            self.cur.fields[-1].end = ln.end
        return True

    def line(self, info: LineInfo) -> None:
        f, ln = info.f, info.ln
        kind = self.kind
        mk = info.marker
        if self.records and self.record_line(info):
            return
        if self.skip and bisect.bisect_left(self.line_starts, ln.start) in self.skip:
            return  # the title of a unit's list, read with its unit line
        if self.unit_heading(info):
            self.close()
            self.units_here = [clean(self.text, ln.start, ln.end).text.strip()]
            return
        if (self.cur is not None or self.drafts) and ATTACHMENT.match(f.strip(" |｜")):
            # `附件2` after a list: the next attachment's list starts, no field value goes on
            # over it and no group heading's leaders or leads reach into it
            self.close()
            self.leaders_at.clear()
            self.lead_at.clear()
            self.lead_stated.clear()
            self.units_here = []
            self.last_heading = None
            return
        if info.retro and (self.cur is not None or self.drafts):
            # `3项目标的责任单位均为市发展改革委。`: the roles of the tasks just before
            self.close()
            fields = fields_of(f, ln, info.hits, info.fields_end)
            for d in self.drafts[max(self.heading_mark, len(self.drafts) - info.retro):]:
                d.fields.extend(fields)
                d.end = max(d.end, ln.end)
            return
        if mk is not None and kind is not None and RANK[mk] < RANK[kind] and line_has_roles(info) \
                and bisect.bisect_left(self.line_starts, ln.start) not in self.over_items:
            # `三、完成背街小巷改造提升45条。(主办单位：…)` among headings over `(一)` tasks: an
            # item of a higher level that assigns work and has no item under it is a task
            self.new_task(info.seq, info, info.title_at)
            return
        if mk is not None and (kind is None or RANK[mk] < RANK[kind]):
            if not (self.continuing_text() and not plausible_heading(f)) and plausible_heading(f):
                label = info.label
                if mk == "cn_paren":
                    label = ln.text[: ln.text.index(info.label) + len(info.label) + 1].strip()
                self.heading(info, LEVEL[mk], label)
                return
        if mk is not None and mk == kind and self.plausible_task(info):
            self.new_task(info.seq, info, info.title_at)
            if info.ends_with_roles and self.any_roles:
                # a task of one line closed by its roles in brackets: the paragraph after it
                # is not its text (`钟立衡要求，各牵头部门…`)
                self.closed = True
            return
        if info.is_field:
            if self.cur is None or (kind is None and self.cur.has_roles and not self.in_fields):
                # a leader named once for the tasks below a heading: `责任领导：王某某`
                hits = info.hits
                got = fields_of(f, ln, hits)
                if got and all(x.role in ("leaders", "lead") for x in got) and self.cur is None:
                    # and lead units named once for them: `牵头单位：区发改委`
                    level = self.last_heading.level if self.last_heading is not None else 0
                    leaders = "、".join(self.text[x.start:x.end] for x in got if x.role == "leaders")
                    if leaders:
                        self.leaders_at[level] = read_leaders(fold(leaders))[0]
                    lead = "、".join(self.text[x.start:x.end] for x in got if x.role == "lead")
                    if lead:
                        self.lead_at[level] = split_units(clean(lead).text)[0]
                        self.lead_stated.add(level)
                    return
                if self.cur is None:
                    return
            self.add_fields(info)
            return
        if self.cur is not None and info.is_roles and (self.in_fields or self.cur.text_end > self.cur.text_start) \
                and not (self.continuing_text() and "\u4e00" <= self.last_text()[-1:] <= "\u9fff"):
            # (a role line after text cut mid-word, `…由市住房和城乡建` / `设局牵头，…`, goes on with it)
            self.cur.role_lines.append((ln.start, ln.end))
            self.cur.end = ln.end
            self.in_fields = True
            return
        if self.cur is not None and info.is_leaders and self.leader_line_here(info):
            self.cur.leader_lines.append((ln.start, ln.end))
            self.cur.end = ln.end
            self.in_fields = True
            return
        if kind is not None and mk is None and info.ends_with_roles and self.title_over_runs(info):
            # `1.主要指标的责任部门。` over `户籍人口控制在980万人以内。(市公安局牵头)` and more such
            # sentences: the item is their heading, each sentence with its roles a task
            item = self.cur_info
            self.cur = None
            self.heading(item, LEVEL[item.marker], item.label)
            self.runs_open = True
        h = self.last_heading
        if kind is not None and mk is None and info.ends_with_roles and self.cur is None and h is not None \
                and not self.runs_open and self.heading_mark == len(self.drafts) and not self.text[h.end:ln.start].strip():
            # `（一）推进乡镇文化站提质改造。` / `全年完成改造6个。（牵头责任人：X）` where the tasks are
            # numbered a level below: a heading with no item under it, its paragraph closed by
            # roles, is a task, its title the first words
            self.unnumbered_task(info)
            self.cur.start, self.cur.text_start, self.cur.headed = h.start, self.heading_title_at, True
            self.closed = True
            return
        unnumbered = kind is None or self.runs_open
        # unnumbered tasks: a paragraph after the last task's roles (or after a heading) opens one
        if unnumbered and mk is None and info.ends_with_roles:
            if self.cur is None or self.closed or self.in_fields:
                self.unnumbered_task(info)
            else:
                self.cur.text_end = ln.end
                self.cur.end = ln.end
            self.closed = True
            return
        if unnumbered and mk is None and self.any_roles and (self.cur is None or self.closed or (self.in_fields and self.cur.has_roles
                                                                 and not self.continues_field(info))):
            self.unnumbered_task(info)
            return
        if mk is None and (self.cur is None or self.closed or self.in_fields) and not self.continuing_text():
            names = group_leader_line(info.f)
            if names:
                # `常务副市长郑国栋：负责抓好……具体包括以下任务：` names the leader of the tasks below
                self.close()
                self.leaders_at[99] = names_as_written(info, names)
                return
        if self.cur is not None and self.closed and not self.in_fields:
            return  # a line after a task closed by its roles is not that task's text
        if self.cur is not None:
            if self.in_fields:
                if self.cur.fields and self.continues_field(info):
                    self.cur.fields[-1].end = ln.end
                self.cur.end = ln.end
            else:
                self.cur.text_end = ln.end
                self.cur.end = ln.end
            return
        h = self.last_heading
        # a heading wraps onto a short line; a whole sentence after it is body text
        # (`（一）省监察厅牵头的工作` / `加强行政监察工作，全面落实……责任制。`)
        wraps = not (info.f.endswith(SENTENCE_ENDS) and len(info.f) >= 12 and h is not None and len(h.title) >= 6) \
            and not (h is not None and "\n\n" in self.text[h.end:info.ln.start].replace("\r", ""))  # (never over a blank line)
        if h is not None and wraps and (not h.title or h.title[-1] not in SENTENCE_END) \
                and len(h.title) <= MAX_WRAPPED_TITLE_CHARS:
            h.title = clean(self.text, h.start, ln.end).text
            h.title = h.title[len(h.label):].lstrip("、.． ") if h.title.startswith(h.label) else h.title
            h.end = ln.end

    def title_over_runs(self, info: LineInfo) -> bool:
        """Whether the current task is a numbered title alone on its line, assigning no one,
        and the line after `info` (unnumbered, closed by its roles) is another such sentence."""
        d, item = self.cur, self.cur_info
        if d is None or item is None or not d.numbered or self.in_fields or self.closed \
                or d.text_end != item.ln.end or d.fields or d.role_lines or line_has_roles(item):
            return False
        k = bisect.bisect_left(self.line_starts, info.ln.start) + 1
        return k < len(self.infos) and self.infos[k].marker is None and self.infos[k].ends_with_roles

    def continues_field(self, info: LineInfo) -> bool:
        """Whether a plain line after a field goes on with its value (a wrapped unit list)."""
        if not self.cur or not self.cur.fields:
            return False
        last = self.cur.fields[-1]
        if last.role == "leaders":
            return info.is_leaders
        if ":" in info.f:
            return False  # `来源： 作者：` after the last field: a label of something else
        if self.kind is None:
            value = fold(self.text[last.start:last.end]).rstrip()
            # a unit list that stops mid-name goes on; after one that ends in an organisation
            # word or a sentence end, a line that is not itself a unit list is the next task
            if value.endswith(SENTENCE_ENDS):
                return False
            if ORG_END.search(value) or value.endswith(")"):
                units, _ = split_units(info.f)
                return looks_like_units(units) and not info.f.endswith("。")
        return True

    def leader_line_here(self, info: LineInfo) -> bool:
        """A line of names is the task's leaders when it follows the task text or its fields."""
        d = self.cur
        return d is not None and not (self.in_fields and d.fields and d.fields[-1].role == "leaders")

    def plausible_task(self, info: LineInfo) -> bool:
        """An item starts a task unless it is a wrapped line inside unfinished text that does
        not continue the numbering (`2.5万亩` is excluded by the pattern itself)."""
        prev = self.cur.seq if self.cur is not None else (self.drafts[-1].seq if self.drafts else 0)
        if info.seq in (prev + 1, 1):
            return True
        return not self.continuing_text()

    # -- tables -------------------------------------------------------------------------
    def tab_table(self, i: int, header: dict[int, str]) -> int:
        """Rows of a table with tab- or blank-separated cells under a header row."""
        infos = self.infos
        has_seq = "seq" in header.values()
        seq_col = next((k for k, r in header.items() if r == "seq"), None)
        col = 0
        while i < len(infos):
            info = infos[i]
            if (self.cur is not None or self.drafts) and self.starts_tail(i):
                break
            if ATTACHMENT.match(info.f.strip(" |｜")):
                break  # the next attachment (`附件2 |`) and its own table begin
            raw = self.text[info.ln.start:info.ln.end]
            line_start = self.text.rfind("\n", 0, info.ln.start) + 1
            pre = self.text[line_start:info.ln.start]
            if "\t" in pre:
                raw = pre + raw  # a row opening with an empty cell (`\t推进…`): it keeps its column
            elif "\t" not in raw and i and "\n\n" in self.text[infos[i - 1].ln.end:line_start].replace("\r", ""):
                break  # a paragraph after a blank line below a tab-ruled table: the table ended
            elif self.spaced and not info.marker and len(raw.split()) < 2:
                # a line of one piece under a row of single blanks: a unit stacked under the
                # row's units (`区发展改革委` / `区林业局`), or a last cell put on a line of its
                # own (a progress note, read past); else the table ended
                if self.cur is None or self.cur.cells is None or "\n\n" in self.text[infos[i - 1].ln.end:line_start]:
                    break
                piece = raw.strip()
                unit_col = next((r for r in ("units", "lead") if r in self.cur.cells), None)
                if unit_col is not None and bare_unit_line(fold(piece)):
                    self.cur.cells[unit_col].append("、" + piece)
                self.cur.end = info.ln.end
                i += 1
                continue
            cells = spaced_row(raw, self.spaced, header) if self.spaced else table_cells(raw)
            if has_seq and seq_col and cells and all(header.get(k) in (None, "ignore") for k in range(seq_col)):
                # `类别 | 序号 | 项目名称 | …`: a category before the number, read past like its
                # column; a row that lost the merged category cell opens with its number
                if _ROW_NUMBER.fullmatch(fold(cells[0]).strip()):
                    cells = [""] * seq_col + cells
            first = fold(cells[seq_col if has_seq and seq_col and len(cells) > seq_col else 0]).strip() if cells else ""
            filled = [c for c in cells if c]
            starts_row = (has_seq and _ROW_NUMBER.fullmatch(first)) or (not has_seq and len(filled) >= 2)
            if starts_row and not has_seq and len(filled) >= 3:
                mk = _marker(fold(cells[0]).strip())
                if mk is not None and mk[0] in ("cn", "cn_paren") and CELL_ITEM.match(cells[1]):
                    # `一、做好财政资金信息公开。 | 1.按时公开… | 财务科`: the first cell titles the
                    # group of rows, the numbered cell after it is the task
                    self.close()
                    at = info.ln.start - len(pre if "\t" in pre else "") + raw.find(cells[0])
                    self.tree.add(LEVEL[mk[0]], mk[1], clean(cells[0][mk[3]:]).text, at, at + len(cells[0]))
                    self.heading_mark = len(self.drafts)
                    cells = [""] + cells[1:]
            if starts_row:
                self.close()
                seq = int(first) if has_seq else len(self.drafts) + 1
                self.cur = TaskDraft(seq, info.ln.start, info.ln.start, info.ln.end, self.section_id(),
                                     self.group_leaders(), end=info.ln.end, group_lead=self.group_lead(),
                                     lead_stated=self.group_lead_stated())
                self.cur.cells = {}
                self.cur.cell_labels = self.table_labels
                col = fill_row_cells(self.cur.cells, cells, header)
                text = self.cur.cells.get("text")
                m = CELL_ITEM.match(text[0]) if text and not has_seq else None
                if m:
                    self.cur.seq, text[0] = int(m[1]), text[0][m.end():]  # `3.及时回复…`: its number
                i += 1
                continue
            if info.marker in ("cn", "cn_paren") or (len(filled) == 1 and self.cur is None):
                # a group row between task rows
                mk = info.marker or "cn"
                self.heading(info, LEVEL[mk], info.label or "")
                i += 1
                continue
            if self.cur is not None and self.cur.cells is not None:
                if col >= max(header) and len(filled) == 1:
                    self.cur.cells.setdefault("text", []).append(filled[0])
                else:
                    col = fill_cells(self.cur.cells, cells, header, col)
                self.cur.end = info.ln.end
            i += 1
        self.close()
        return i

    def cell_table(self, i: int, cols: list[str]) -> int:
        """Rows of a table pasted one cell per line."""
        infos = self.infos
        has_seq = cols[0] == "seq"
        body_cols = [c for c in cols if c != "seq"]
        row: list[LineInfo] = []
        prev_leaders: list[str] | None = None
        nxt = 0  # without a 序号 column: the next column a cell of this row may fill
        untitled = None  # a group row `(一)` whose title is the next line
        # Cells pasted as `cell |` lines: a `|` alone is an empty cell.  Otherwise `|` lines
        # are only the rules between cells.
        ahead = [x.f.strip() for x in infos[i:i + 200] if x.f.strip()]
        trailing = sum(x.endswith(("|", "｜")) and len(x) > 1 for x in ahead) * 2 > len(ahead)
        if not has_seq and numbered_rows(ahead):
            has_seq = True  # rows numbered under a header that names no 序号 column

        def flush() -> None:
            nonlocal row, prev_leaders
            if row:
                prev_leaders = self.cell_row(row, body_cols, has_seq, prev_leaders)
            row = []

        while i < len(infos):
            info = infos[i]
            if (row or self.drafts) and self.starts_tail(i):
                break
            if row and (cell_header_at(infos, i) is not None or ATTACHMENT.match(info.f)):
                break  # the next table (`附件2`, a header of its own) begins
            s = info.f.strip()
            if trailing:
                s = s[:-1].rstrip() if s.endswith(("|", "｜")) else s
                if s and is_rule_line(s):
                    i += 1  # `|||`: the rules of a row of merged cells
                    continue
                if not s:
                    if not has_seq and (not row or nxt >= len(body_cols)):
                        flush()  # `|` after a row's last column: the row's end
                        nxt = 0
                    else:
                        row.append(dataclasses.replace(info, f="/"))  # `|` alone: an empty cell
                    i += 1
                    continue
            elif is_rule_line(_BLANKS.sub("", s)):
                i += 1
                continue
            info = dataclasses.replace(info, f=s)
            typ = cell_type(s)
            if untitled is not None and typ == "text":
                # `(一)` alone, its title on the next line: one group row
                untitled.title = clean(self.text, info.ln.start, info.ln.end).text
                untitled.end = info.ln.end
                self.leaders_at[untitled.level] = heading_leaders(fold(untitled.title))
                untitled = None
                i += 1
                continue
            untitled = None
            if has_seq and typ == "number":
                flush()
                row = [info]
            elif info.marker in ("cn", "cn_paren") and plausible_heading(info.f) and (not row or len(row) > 1):
                flush()
                self.heading(info, LEVEL[info.marker], info.label if info.marker == "cn" else
                             info.ln.text[: info.ln.text.index(info.label) + len(info.label) + 1].strip())
                if not self.tree.current().title:
                    untitled = self.tree.current()
                prev_leaders = None
                nxt = 0
            elif not has_seq and typ == "empty" and (not row or nxt >= len(body_cols)):
                # an empty cell past a row's last column, or before its first, ends it: the
                # `|` closing each pasted row (`…各镇街 |` / `|`)
                flush()
                nxt = 0
            elif not has_seq:
                # rows cut where a cell no longer fits a later column of the row
                j = column_for(body_cols, nxt, typ, row)
                if j is None and len(row) == 1 and typ == "text" and cell_type(row[0].f) == "text":
                    # a lone sentence cell followed by another: the first was a group row
                    # spanning the table (`着力推进先进制造业高质量发展 |`)
                    self.group_row(row[0])
                    prev_leaders = None
                    row = [info]
                    j = column_for(body_cols, 0, typ, [])
                elif j is None:
                    flush()
                    row = [info]
                    j = column_for(body_cols, 0, typ, row[:0])
                else:
                    row.append(info)
                nxt = nxt if j is None else (j if body_cols[j] == "leaders" and typ == "leaders" else j + 1)
            else:
                row.append(info)
            i += 1
        flush()
        return i

    def group_row(self, g: LineInfo, level: int = 1) -> None:
        """A cell spanning the table, or standing before a row's number: a group heading."""
        title = clean(self.text, g.ln.start, g.ln.end).text.rstrip(" |｜")
        self.close()
        self.tree.add(level, "", title, g.ln.start, g.ln.end)
        self.leaders_at = {level: heading_leaders(fold(title))}

    def cell_row(self, row: list[LineInfo], cols: list[str], has_seq: bool,
                 prev_leaders: list[str] | None) -> list[str] | None:
        first = row[0]
        if has_seq and cell_type(first.f) != "number":
            if len(row) == 1 and is_group_cell(first.f):
                self.group_row(first)  # a group cell before the first row's number
                return None
            # cells before the first numbered row (header cells the header did not take)
            self.warnings.append(f"table cells before the first row left out: {first.f.strip()[:20]!r}")
            return prev_leaders
        seq = int(first.f.strip()) if has_seq else len(self.drafts) + 1
        cells_lines = row[1:] if has_seq else row
        subs = sub_rows(cells_lines, cols) if has_seq else [cells_lines]
        group = None
        if len(subs) > 1 and len(subs[-1]) == 1 and is_group_cell(subs[-1][0].f):
            # a short title cell closing a row, the next number right after it: the group cell
            # of the rows that follow (`深化政策解读 | 2 | …`), not a sub-row
            group = subs.pop()[0]
        items = _item_rows(cells_lines) if has_seq and "text" in cols else None
        if items is not None:
            # `1 / 全区经济社会发展的主要预期目标 / (1)地区生产总值增长5%左右。/ 顾志远 / …
            # (2)…`: the row's first cell titles its numbered items, each item a task with the
            # cells after it; the items' column (read past under the title's) is the text's
            title, subs = items
            sec = self.tree.current()
            # (under the table's group row; the title of the row before is a sibling)
            level = 1 if sec is None else sec.level if sec is self.item_title else sec.level + 1
            self.group_row(title, level)
            self.item_title = self.tree.current()
            prev_leaders = None
            rest = cols[cols.index("text") + 1:]
            item_cols = ["text"] + (rest[1:] if rest[:1] == ["ignore"] else rest)
        above: TaskDraft | None = None
        for k, cells in enumerate(subs):
            head = first if k == 0 else cells[0]
            # (a sub-row holds no cell of the columns before the task's: a group name, merged down)
            sub_cols = item_cols if items is not None else \
                cols if k == 0 or "text" not in cols else cols[cols.index("text"):]
            leaders = self.cell_draft(seq, head, cells, row if k == 0 else cells, sub_cols, prev_leaders)
            d = self.drafts[-1]
            text = d.cells.get("text")
            m = (CELL_ITEM if items is None else SUB_ITEM).match(text[0]) if text else None
            if m:
                # the task's own number opens its text cell (`6.强化…`, the 序号 column numbering
                # groups): it is the task's number, not its words
                d.seq, text[0] = int(m[1] or m[2]) if items is not None else int(m[1]), text[0][m.end():]
            if above is not None and items is not None:
                # the next item under the row's title: its leader cell merged down from the item above
                if "leaders" not in d.cells and "leaders" in above.cells:
                    d.cells["leaders"] = list(above.cells["leaders"])
            elif above is not None:
                # an unnumbered sub-row of a numbered row: the unit and leader cells merged
                # down from the row above hold for it too
                d.numbered = False
                for role in ("leaders", "lead", "units"):
                    if role not in d.cells and role in above.cells:
                        d.cells[role] = list(above.cells[role])
            above = d
            prev_leaders = leaders
        if group is not None:
            self.group_row(group)
            prev_leaders = None
        return prev_leaders

    def cell_draft(self, seq: int, first: LineInfo, cells_lines: list[LineInfo], row: list[LineInfo],
                   cols: list[str], prev_leaders: list[str] | None) -> list[str] | None:
        """One task from the cells of a table row (or of an unnumbered sub-row)."""
        d = TaskDraft(seq, first.ln.start, first.ln.start, first.ln.end, self.section_id(), self.group_leaders(),
                      end=row[-1].ln.end, group_lead=self.group_lead(), lead_stated=self.group_lead_stated())
        d.cells = {}
        d.cell_labels = self.table_labels
        if cols[-1] == "other_units" and sum(cell_type(x.f) == "units" for x in cells_lines) >= 2 \
                and cell_type(cells_lines[-1].f) == "units":
            # the last column names other units (评分部门): the row's last unit cell is its,
            # those before it may all be the responsible units, one per line
            cells_lines = cells_lines[:-1]
        c = 0  # the next column to fill
        last_col = None
        filled: set[str] = set()
        for info in cells_lines:
            raw = self.text[info.ln.start:info.ln.end].rstrip(" \u3000|｜")
            typ = cell_type(info.f)
            if typ == "text" and len(info.f.strip()) <= PLACE_CELL_MAX and not any("text" in ACCEPTS[x] for x in cols[c:]) \
                    and ("units" in cols[c:] or last_col in ("lead", "units")) \
                    and looks_like_units(split_units(info.f)[0], places_alone=True):
                typ = "units"  # a place alone in a unit column (经开区, 高新区（横林镇）): its government
            nxt = cols[c] if c < len(cols) else None
            if last_col is not None and last_col in ("leaders", "text") and typ in ACCEPTS[last_col] \
                    and not (last_col == "text" and nxt is not None and typ in ACCEPTS[nxt]):
                d.cells.setdefault(last_col, []).append(raw if last_col == "text" else raw + "、")
                continue
            if last_col in ("lead", "units") and typ == "units" and not (nxt is not None and typ in ACCEPTS[nxt]):
                # units one per line in their cell (`县水务局` / `县住建局`), the next column taking none
                d.cells[last_col].append("、" + raw)
                continue
            if typ == "empty":
                if c < len(cols):
                    filled.add(cols[c])
                    last_col = None
                    c += 1
                continue
            if nxt == "ignore" and typ != "number" and "text" in cols[c + 1:]:
                # a column read past before the text (类别: `人口`, `公共服务`): a short cell is
                # its; a sentence is the text, the row's cell there merged into the one above
                c += 1
                if len(raw.strip()) <= CATEGORY_MAX and not SENTENCE_END_CELL.search(raw):
                    last_col = None
                    continue
                nxt = cols[c] if c < len(cols) else None
            j = c
            while j < len(cols) and typ not in ACCEPTS[cols[j]]:
                j += 1
            if j == len(cols):
                if typ == "leaders" and "ignore" in cols[c:]:
                    continue  # a person in a column read past (责任人, 联系人): no task text
                if "text" in cols and typ != "number":
                    d.cells.setdefault("text", []).append(raw)
                else:
                    self.warnings.append(f"table row {seq}: cell {raw!r} fits no column")
                continue
            d.cells.setdefault(cols[j], []).append(raw if cols[j] == "text" else raw + ("、" if cols[j] == "leaders" else ""))
            filled.add(cols[j])
            last_col = cols[j]
            c = j + 1
        if "lead" in cols and "units" in cols and "lead" in d.cells and "units" not in d.cells \
                and "units" not in filled:
            # one unit list where the row has lost a cell: a list with collectives (各县…政府,
            # 市政府各部门) is the co-units column; say what was chosen
            listed = split_units(fold("".join(d.cells["lead"])))[0]
            if any(is_collective(u) for u in listed):
                d.cells["units"] = d.cells.pop("lead")
            self.warnings.append(f"table row {seq}: one unit list for the lead and co-unit columns; "
                                 f"read as {'co-units' if 'units' in d.cells else 'the lead'}")
        leaders = None
        if "leaders" in cols:
            if "leaders" in d.cells:
                # (as written, for the rows below that take them: folding keeps positions, so
                # a traditional name stays traditional)
                written = "".join(d.cells["leaders"])
                folded = fold(written)
                leaders = [written[folded.index(n):folded.index(n) + len(n)] if n in folded else n
                           for n in read_leaders(folded)[0]]
            elif "leaders" not in filled and prev_leaders:
                # a merged cell: the leader written on the first row of the group holds for all
                d.cells["leaders"] = ["、".join(prev_leaders)]
                leaders = prev_leaders
        self.drafts.append(d)
        return leaders


PLACE_CELL_MAX = 12  # characters of a place standing alone for its government in a unit cell, at most


def is_group_cell(f: str) -> bool:
    """A cell that can title a group of rows: short text, no sentence end."""
    s = f.strip(" |｜")
    return 2 <= len(s) <= 30 and cell_type(s) == "text" and not SENTENCE_END_CELL.search(s)


SENTENCE_END_CELL = re.compile(r"[。;；]$")
CATEGORY_MAX = 8  # characters of a cell that sorts a row into a kind (`公共服务`), not a task


def numbered_rows(cells: list[str]) -> bool:
    """Whether the first cells of a table's body hold row numbers 1, 2, 3 in order, as a 序号
    column the header does not name would."""
    nums = [int(c) for c in (x.strip(" |｜") for x in cells[:80]) if _CELL_NUMBER.fullmatch(c) and c.isdigit()]
    return len(nums) >= 3 and nums[:3] == [1, 2, 3]


# An item number opening a table's text cell: `6.强化…`, `2、完善…` (not `2.5万吨`).
CELL_ITEM = re.compile(r"[ \t\u3000]*(\d{1,3})(?:[.．](?!\d)|、)[ \t\u3000]*")


# A numbered item opening a cell: `(1)…`, `1.…`, `1、…` (folded: `（1）` reads `(1)`).
SUB_ITEM = re.compile(r"[ \t\u3000]*(?:\((\d{1,3})\)|(\d{1,3})(?:[.．](?!\d)|、))[ \t\u3000]*")


def _item_rows(cells: list[LineInfo]) -> tuple[LineInfo, list[list[LineInfo]]] | None:
    """A numbered row's first cell as the title over numbered items, each opening the cells that
    go with it (`全区经济社会发展的主要预期目标` / `(1)地区生产总值增长5%左右。` / roles / `(2)…`):
    (the title, the items' cells), or None."""
    if len(cells) < 3 or cell_type(cells[0].f) != "text" or SUB_ITEM.match(cells[0].f) \
            or SENTENCE_END_CELL.search(cells[0].f.strip()) \
            or cell_type(cells[1].f) != "text" or not SUB_ITEM.match(cells[1].f):
        return None
    subs: list[list[LineInfo]] = []
    for info in cells[1:]:
        if cell_type(info.f) == "text" and SUB_ITEM.match(info.f):
            subs.append([])
        subs[-1].append(info)
    return cells[0], subs


def sub_rows(cells: list[LineInfo], cols: list[str]) -> list[list[LineInfo]]:
    """A numbered row's cells, split where an unnumbered sub-row begins: a sentence cell after
    the row has filled its text and a later column (`启动…扩建。` / `县民政局` / `6月底前动工` /
    `开工建设…。` / `12月底前`).  Not where a column after the roles takes text (targets, notes)."""
    if "text" not in cols or any("text" in ACCEPTS[c] for c in cols[cols.index("text") + 1:]):
        return [cells]
    out: list[list[LineInfo]] = [[]]
    has_text = past_text = False
    for info in cells:
        typ = cell_type(info.f)
        if typ == "text" and has_text and past_text:
            out.append([])
            has_text = past_text = False
        if typ == "text":
            has_text = True
        elif typ != "empty" and has_text:
            past_text = True
        out[-1].append(info)
    return [c for c in out if c]


def fill_cells(row: dict[str, list[str]], cells: list[str], header: dict[int, str], col: int) -> int:
    """Append cells to the row's columns starting at `col`; return the last column written.
    Two columns of one role on a line are two lists (`责任单位 | 配合单位`: `教育局 | 发改局、住建局`):
    the second opens with `、`, not run into the first (`教育局发改局`)."""
    last = col
    written = set()
    for k, c in enumerate(cells):
        idx = col + k
        role = header.get(idx)
        if c and role and role != "seq" and fold(c).strip() not in EMPTY_CELL:
            row.setdefault(role, []).append("、" + c if role in written and role != "text" else c)
            written.add(role)
        if c:
            last = idx
    return last


# What a column of a pasted table row may hold when the row is checked against its header: a
# column no header word names may hold text (`细化分工`), and a time limit may be a sentence
# (`2021年3月公布预算信息,2021年8月公布上年度决算信息`).
_FITS = {**ACCEPTS, None: {"text"}, "deadlines": {"deadline", "text"}}


def fill_row_cells(row: dict[str, list[str]], cells: list[str], header: dict[int, str]) -> int:
    """The first line of a pasted table row: its cells by position, unless the row has lost a
    merged cell and a cell after the task text then lands in a column that cannot hold it
    (`2 | 做好…信息公开 | 疾控处 | 长期推进 |` under `序号 | 工作任务 | 细化分工 | 责任处室 |
    完成时限 | 备注`); then each cell after the text goes to the next column that takes its type."""
    text_col = next((k for k, r in header.items() if r == "text"), None)
    after = [(k, c) for k, c in enumerate(cells) if c and text_col is not None and k > text_col]
    if not after or all(cell_type(fold(c)) in _FITS[header.get(k)] for k, c in after):
        return fill_cells(row, cells, header, 0)
    placed, j = [], text_col + 1
    for _, c in after:
        typ = cell_type(fold(c))
        k = next((k for k in range(j, max(header) + 1) if typ in _FITS[header.get(k)]), None)
        if k is None:
            return fill_cells(row, cells, header, 0)  # no reading fits better than the positions
        placed.append((k, c))
        j = k + 1
    last = fill_cells(row, cells[:text_col + 1], header, 0)
    for k, c in placed:
        fill_cells(row, [c], header, k)
        last = k
    return last


def column_for(cols: list[str], start: int, typ: str, row: list[LineInfo]) -> int | None:
    """The first column from `start` a cell of type `typ` may fill (an empty cell fills the
    next one; leaders one per line stay in their column), or None when none is left."""
    if typ == "empty":
        return start if start < len(cols) else None
    if row and start > 0 and cols[start - 1] == "leaders" and typ == "leaders":
        return start - 1
    for j in range(start, len(cols)):
        if typ in ACCEPTS[cols[j]]:
            return j
    return None


def _header_labels(cells) -> dict[str, str]:
    """Each column role with the header word that names it (责任单位 vs 配合单位 both fill units)."""
    out: dict[str, str] = {}
    for c in cells:
        word = _HEADER_NOISE.sub("", fold(c))
        role = column_role(c)
        if role and role not in out:
            out[role] = word
    return out


ATTACHMENT = lazy_regex(r"^附件[ \t\u3000]*\d{0,2}[ \t\u3000]*[:.、]?[ \t\u3000]*$")


def numeral(n: str) -> int | None:
    """The number a task's label writes in digits or in Chinese numerals (`3`, `十二`)."""
    return int(n) if n.isdigit() else cn_small_int(n)


# Labelled records: a task's words after a text label this long at least, and two records at
# least make a list of them; `序号一` / `序号：3` numbers the record below it.
RECORD_TEXT_MIN = 4
RECORDS_MIN = 2
RECORD_NUMBER = lazy_re(r"^[ \t\u3000]*序号[ \t\u3000]*:?[ \t\u3000]*(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})[ \t\u3000]*$")
# A record's number before its first label on the line: `第1项`, `第三条`.
RECORD_ORDINAL = lazy_re(r"[ \t\u3000]*第(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})[项条件个][ \t\u3000]*")


# A task numbered by a word and a numeral before a colon: `督办事项一：`, `事项二：`, `实事3:`.
ORDINAL_LABEL = lazy_re(r"^[ \t\u3000]*[\u4e00-\u9fff]{0,4}?(?:事项|任务|实事|项目|问题)(?P<n>[一二三四五六七八九十]{1,3}|\d{1,3})[ \t\u3000]*:[ \t\u3000]*")
# `一是…；二是…` cut into tasks: the ordinal numbers each, no word of it.
ORDINAL_SHI = lazy_re(r"^[ \t\u3000]*(?P<n>[一二三四五六七八九十]{1,3})是(?=[\u4e00-\u9fff“\"])")


def ordinal_label(f: str) -> tuple[int | None, int]:
    """(the number, where the text begins) of an unnumbered task line opening with an ordinal
    label (`督办事项一：加快…`, or a run's `二是新建…`), else (None, 0)."""
    if "是" in f[:6]:
        m = ORDINAL_SHI.match(f)
        if m is not None:
            return numeral(m["n"]), m.end()
    if ":" not in f[:12]:
        return None, 0
    m = ORDINAL_LABEL.match(f)
    if m is None:
        return None, 0
    return numeral(m["n"]), m.end()


def plausible_heading(f: str) -> bool:
    """A heading line is short and has no sentence inside (a wrapped `一体化…` is not one); the
    lead of its tasks in brackets may close it (`（一）…专题。（牵头部门：市委宣传部）`)."""
    if f.endswith((")", "）")) and "。" in f[:-1] and ("牵头" in f or "主责" in f):
        fields = inline_fields(f)
        if fields is not None and all(label_role(h.label) == "lead" for h in bracket_labels(f[fields[1]:fields[2]])):
            f = f[:fields[0]]
    return len(f) <= 60 and "。" not in f[:-1]


# Where a second item starts on the same line, after the first one's closing roles:
# `…。(省发改委负责)(二)…`, `…协办)2.…`.
# The closing character is matched rather than looked behind for: a pattern opening with a
# lookbehind is tried at every position of the line, one opening with a class is not; the
# items start where the match ends either way.
RUN_ON_ITEM = lazy_regex(
    rf"[。;；)][ \t\u3000]*(?=\({GAP}{CN}{GAP}\)|\({GAP}\d{{1,2}}{GAP}\)|\d{{1,3}}[.、](?!\d)|[\u2460-\u2473])")
def group_label_end(f: str) -> int:
    """Where a group's label closed by a colon ends, its first item right after it and the
    items assigning work (`就业和社会保障方面:(1)新建…。(责任单位:…)`); 0 when the line opens
    otherwise, or its items assign nobody (`整改措施:(1)…(2)…` is one field's value)."""
    m = GROUP_LABEL_THEN_ITEM.match(f)
    if m is None or any(h.start <= 1 for h in find_labels(f[:m.end()])) or not line_assigns(f[m.end():]):
        return 0
    return m.end()


def first_item_after_colon(f: str) -> int:
    """Where the first item of a list begins right after the colon closing a lead-in on the
    same line (`…报告如下:(一)重点项目建设。`, a title glued on before it too); 0 if none."""
    if ":" not in f:
        return 0
    m = FIRST_ITEM_AFTER_COLON.search(f)
    if m is None:
        return 0
    lead_in = f[:m.start()].rsplit("。", 1)[-1].strip()
    if len(lead_in) <= LABEL_MAX_CHARS or any(h.end >= m.start() for h in field_hits(f[:m.end()])):
        return 0  # `整改措施:(1)…(2)…`: a label's value, its points no tasks (not `…明确了责任单位:`)
    return m.end()


LABEL_MAX_CHARS = 8  # a label before a colon is this short; a lead-in to a list, longer


# (numbered one: a later number after a colon is a quotation's or a count's)
FIRST_ITEM_AFTER_COLON = lazy_regex(rf"[:：]{GAP}(?=\({GAP}一{GAP}\)|一[、.]|\({GAP}1{GAP}\)|1[.、](?!\d)|一是\p{{Han}})")


# A group's label closed by a colon, its first item right after (`就业和社会保障方面:(1)新建…`).
GROUP_LABEL_THEN_ITEM = lazy_regex(rf"[^:：。;；()]{{2,20}}[:：]{GAP}(?=\({GAP}\d{{1,2}}{GAP}\)|\({GAP}{CN}{GAP}\)|\d{{1,3}}[.、](?!\d)|[\u2460-\u2473])")


# Where a page flattened onto one line (a web page's text with its line breaks lost) had its
# lines: after a full stop and a blank, and at a blank before an item number or `(此件…)`.
# Every cut follows a blank: the pattern matches that blank and the cut is where the match
# ends (alternatives opening with lookbehinds alone were tried at every position of the line).
FLAT_BREAK = lazy_regex(
    rf"[ \t\u3000](?:(?<=[。;；!?！？][ \t\u3000]+)(?=\S)|(?<=[:：][ \t\u3000]+)(?=[^\s|])|(?<=\(此件[^()]{{2,6}}\)[ \t\u3000]+)(?=\S)|(?=(?:{CN}[、.]|\({GAP}{CN}{GAP}\)|\({GAP}\d{{1,2}}{GAP}\)(?=\p{{Han}})|\d{{1,3}}[.、](?!\d)|"
    r"[\u2460-\u2473]|\(此件)))"
)
# A line this long with at least this many such breaks is a flattened page, not a paragraph.
FLAT_MIN_CHARS = 200
FLAT_MIN_BREAKS = 4


def unflatten(lines: list[tuple[Line, str]]) -> list[tuple[Line, str]]:
    """Lines of a page whose line breaks were lost (`… 海盐县人民政府办公室 2022年4月18日 (此件公开发布)
    … 一、王丹县长牵头重点工作 1.全县生产总值… 责任单位:县发改局…`) cut back into lines at
    sentence ends, item numbers and field labels that follow a blank; offsets stay those of
    the original text."""
    out: list[tuple[Line, str]] = []
    for ln, f in lines:
        if len(f) < FLAT_MIN_CHARS:
            out.append((ln, f))
            continue
        cuts = {m.end() for m in FLAT_BREAK.finditer(f)}
        cuts |= {h.start for h in find_labels(f) if h.start > 0 and f[h.start - 1] in GAP_CHARS}
        cuts.discard(0)
        if len(cuts) < FLAT_MIN_BREAKS:
            out.append((ln, f))
            continue
        bounds = [0, *sorted(cuts), len(f)]
        for a, b in zip(bounds, bounds[1:]):
            seg = ln.text[a:b]
            lead = len(seg) - len(seg.lstrip(" \t\u3000"))
            seg = seg.strip(" \t\u3000")
            if seg:
                out.append((Line(ln.start + a + lead, ln.start + a + lead + len(seg), seg),
                            f[a + lead:a + lead + len(seg)]))
    return out


# A bracketed clause inside a task, one level of brackets allowed within (`[区发展改革委(粮食和
# 物资储备局)负责]`): a candidate role sentence.
ROLE_PAREN = regex.compile(r"[(（\[［〔](?P<body>[^()（）\[\]［］〔〕\n]{2,80}?(?:[(（][^()（）\n]{1,20}[)）][^()（）\[\]［］〔〕\n]{0,60}?)*)[)）\]］〕]")


def _role_paren_cuts(f: str) -> list[int]:
    """Where the tasks of an unnumbered paragraph begin when each of its sentences closes with
    its own roles in brackets (`户籍人口控制在980万人以内。(市公安局牵头)单位GDP能耗降低18%。
    (市经委牵头)…`): after each bracket but the last, when two or more assign work.  (A numbered
    item's brackets are its own sentences' roles: it stays one task.)"""
    if "牵头" not in f and "负责" not in f:
        return []
    ends = [m.end() for m in ROLE_PAREN.finditer(f) if paren_roles(m["body"]) is not None]
    if len(ends) < 2:
        return []
    cuts = []
    for e in ends:
        while e < len(f) and f[e] in "。;；,， \t\u3000":
            e += 1
        if e < len(f):
            cuts.append(e)
    return cuts


def split_run_on_items(lines: list[tuple[Line, str]]) -> tuple[list[tuple[Line, str]], list[int], list]:
    """Lines holding several numbered items one after another, cut into one line per item
    when the numbers run on (`(一)…(二)…`, `1.…2.…`); also the index in the input of each
    output line, for the caller's line-based tests, and the item marker of each line left
    whole (NOT_READ for the pieces of a cut line), for classify."""
    out: list[tuple[Line, str]] = []
    origin: list[int] = []
    markers: list = []
    for k, (ln, f) in enumerate(lines):
        mk = _marker(f)
        head = 0
        if mk is None and len(f) > 12 and (head := group_label_end(f) or first_item_after_colon(f)):
            # `社会救助方面:(4)…。(责任单位:…)(5)…`: a group's label, then its items run on;
            # `…现将落实情况报告如下:(一)重点项目建设。…`: a lead-in, then the first item
            mk = _marker(f[head:])
        # only a numbered line long enough to hold a second item is cut
        keep = _run_on_cuts(f[head:], mk) if mk and len(f) - head > 20 else None
        if mk is None and len(f) > 20:
            keep = _role_paren_cuts(f)
            if keep and head:
                keep = [head, *keep]  # `…逐项明确了责任单位：一是…（X负责）；二是…`: the lead-in alone
        elif head and mk:
            keep = [head] + [c + head for c in keep or ()]  # (the label is a line of its own)
        if not keep:
            out.append((ln, f))
            origin.append(k)
            markers.append(mk)
            continue
        bounds = [0, *keep, len(f)]
        for a, b in zip(bounds, bounds[1:]):
            seg = ln.text[a:b].rstrip(" \t\u3000")
            out.append((Line(ln.start + a, ln.start + a + len(seg), seg), f[a:a + len(seg)]))
            origin.append(k)
            markers.append(NOT_READ)
    return out, origin, markers


def _run_on_cuts(f: str, mk: tuple[str, str, int, int]) -> list[int]:
    """Where the items after the first on a numbered line begin: each an item of the line's
    own kind, numbered on from the one before it."""
    keep = []
    seq = mk[2]
    for m in RUN_ON_ITEM.finditer(f):
        nxt = _marker(f[m.end():])
        if nxt and nxt[0] == mk[0] and nxt[2] == seq + 1:
            keep.append(m.end())
            seq += 1
    return keep


def read_list(text: str, lines: list[tuple[Line, str]], starts_tail) -> ListResult:
    """Sections and task drafts of a notice's task list; `starts_tail(i)` says whether line i
    opens the part after the list (the returned `stop` indexes the lines as given)."""
    lines, origin, markers = split_run_on_items(lines)
    if len(origin) != len(set(origin)):
        result = _read(text, lines, lambda i: starts_tail(origin[i]), markers)
        result.stop = origin[result.stop] if result.stop < len(origin) else len(set(origin))
        return result
    return _read(text, lines, starts_tail, markers)


def _read(text: str, lines: list[tuple[Line, str]], starts_tail, markers: list | None = None) -> ListResult:
    infos = classify(lines, markers)
    reader = _Reader(text, infos, starts_tail)
    stop = reader.run()
    return ListResult(reader.tree, reader.drafts, stop, reader.warnings)
