"""Task-decomposition notices (重点工作任务分解, a 公文) -> meta, sections and tasks.

Input: the original decoded text of a notice such as 郑政办〔2020〕29号.  Output: a
`ParseResult` with 公文 meta (GB/T 9704-2012 elements), the section tree of the task list
(`一、` → `（一）`) and Task records.  Example input and output:

    郑政办〔2020〕29号                      meta.doc_number = "郑政办〔2020〕29号"
    一、统筹推进疫情防控…                    Section(level=1, label="一")
    （一）精准做好疫情常态化防控工作         Section(level=2, label="（一）")
    1. 推动防控机制常态化，…                  Task(seq=1, text="推动防控机制常态化，…",
    责任领导：王新伟                               leaders=["王新伟"],
    牵头单位：市疫情防控办                         lead_units=["市疫情防控办"],
    责任单位：市政府各部门，各县（市、区）政府       units=["市政府各部门", "各县（市、区）政府"])

Layouts handled: field lines per task (责任领导/牵头领导, 牵头单位, 责任单位/配合单位/协办单位,
完成时限/时间节点, full- or half-width colons, several fields on one line); inline fields
(`…。（牵头单位：X；配合单位：Y）`); role sentences (`X牵头，Y配合。`); a stated rule that the
first listed unit leads (`列第一位者为牵头单位`); `X、Y分别牵头`; leaders given once in group
headings (`一、于会游市长主抓重点工作`); tables flattened to tab-separated rows with a header
row; hard-wrapped lines anywhere; web-page chrome before the title.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import regex

from zzgov import rules
from zzgov.models import Requirement, Span, Task
from zzgov.parsers.base import MetaDraft, ParseResult
from zzgov.parsers.common import (
    DOC_NUMBER,
    HEADING_L1,
    HEADING_L2,
    ITEM_ARABIC,
    SENTENCE_END,
    iso_date,
    ymd,
)
from zzgov.doc import Doc, as_doc
from zzgov.parsers import notice_list, notice_runon
from zzgov.figures.place import place_of
from zzgov.parsers.figures_link import attach_figures
from zzgov.text import Line, clean, fold
from zzgov.text.clean import script_folded
from zzgov.text.script import any_of
from zzgov.units import split_list, split_units
from zzgov.units.names import CLAUSE_SEPARATORS, ORG_END, is_collective, is_unit_name

# ---------------------------------------------------------------------------------------
# Vocabularies

# The vocabulary of the 公文 around the task list is in zzgov/data/rules/notice.yaml (with the task
# list's) and chrome.yaml (the web page around a notice); `NR.name` is a compiled rule.
NR = rules.load("notice").re
_C = rules.load("chrome").re
# Web-page chrome around a notice copied from a government site: breadcrumbs, viewer buttons,
# counters and footers (`主办单位` is no chrome here: it is a field label of the task list).
CHROME_LINE = any_of(_C.button, _C.counter, _C.footer, _C.breadcrumb)
# The lines that open the part after the task list (the task loop asks this of every line).
# The 印发 line and the signature end in 印发, 日印 and 日, what their rules' leading lookaheads ask
# first: only a line ending so is matched against them.  The rest are keyed on how a line
# opens, and are one pattern (one call costs a fifth of three).
TAIL_OPENING = any_of(NR.tail_label, CHROME_LINE, NR.public_note)
TAIL_DATED = any_of(NR.printed_line, NR.standalone_date)
TAIL_DATED_ENDS = ("印发", "日", "日印")


def is_tail_line(f: str) -> bool:
    """Whether a folded line is a 版记 label, chrome, the public note, a 印发 line or a date."""
    return TAIL_OPENING.match(f) is not None or (f.endswith(TAIL_DATED_ENDS) and TAIL_DATED.match(f) is not None)


def _words_needed(rule: str) -> re.Pattern[str]:
    """One stdlib search for the words every match of a notice rule holds (its `needs`): every
    unit field is asked four such rules, and a list holding none of their words (nearly all)
    is turned away at about half the cost of searching it with the rule."""
    return re.compile("|".join(map(re.escape, rules.load("notice").rules[rule].needs)))


_LEAD_MARK_WORDS = _words_needed("lead_mark")
_DUTY_NOTE_WORDS = _words_needed("duty_note")
_RULE_NOTE_WORDS = _words_needed("rule_note")
_STAR_MARK_WORDS = _words_needed("star_mark")
# Several deadlines in one field: 2021年6月底、2021年12月底
DEADLINE_SPLIT = regex.compile(r"[;；、]")
# A task sentence closed after its inline-fields bracket: …30万人次（牵头单位：…）。
SENTENCE_CLOSE = regex.compile(r"[。.]\s*$")


# ---------------------------------------------------------------------------------------
# Lines


# The cover letter of a notice stands within its first characters.
COVER_CHARS = 3000


def _ends_sentence(s: str) -> bool:
    return bool(s) and s[-1] in SENTENCE_END


# ---------------------------------------------------------------------------------------
# Meta


def _clean_str(text: str, start: int, end: int) -> str:
    return clean(text, start, end).text


def _find_meta(text: str, lines: list[tuple[Line, str]], meta: MetaDraft) -> tuple[int, int]:
    """Fill 公文 head elements; return (index of the first body line, index of the 成文日期
    line or -1)."""
    n = len(lines)
    head_limit = min(n, 40)
    body_from = 0
    title_from = 0  # the title follows the 版头, and may come before or after the 发文字号
    # 版头 …文件 and 发文字号 near the top.
    for i in range(head_limit):
        ln, f = lines[i]
        m = NR.header_line.match(f)
        if m and not meta.issuer:
            meta.set("issuer", _clean_str(text, ln.start, ln.start + len(m["org"])), ln.start, ln.start + len(m["org"]))
            body_from = max(body_from, i + 1)
            title_from = i + 1
            continue
        if not meta.doc_number:
            m = DOC_NUMBER.search(f)
            if m and (len(f) <= len(m["num"]) + 12 or NR.doc_number_bullet.match(f)
                      or NR.doc_number_label.search(f, max(0, m.start("num") - 12), m.start("num"))
                      or (m.start("num") > 0 and f[m.start("num") - 1] in "(（" and NR.title_end.search(f[:m.start("num") - 1].rstrip()))
                      # a page's title line closed by its number: `2021年县政府重点工作任务(澧政发〔2021〕2号)`
                      or (m.start("num") > 0 and f[m.start("num") - 1] in "(（" and f[m.end("num"):].strip() in (")", "）")
                          and len(f) <= 80 and "《" not in f)):
                s = ln.start + m.start("num")
                meta.set("doc_number", _clean_str(text, s, ln.start + m.end("num")), s, ln.start + m.end("num"))
                body_from = max(body_from, i + 1)
                rest = f[m.end("num"):]
                if meta.signed_date is None and NR.standalone_date.match(rest.strip()):
                    # `岷府发〔2011〕6号 二○一一年三月十五日`: number and date on one line
                    meta.set("signed_date", iso_date(rest), ln.start + m.end("num"), ln.end)
    # The signature before the attached list (an organ and a date) ends the head: a title
    # after it is the attachment's.
    head_end = head_limit
    for i in range(body_from, n):
        f = lines[i][1]
        if ITEM_ARABIC.match(f) or _is_field_line(f):
            break
        if NR.standalone_date.match(f):
            head_end = min(head_end, i)
            break
    # Title: up to four short lines (an organ's name, 关于…, …的通知) ending in the kind word.
    title_idx = None
    for i in range(title_from, head_end):
        f = lines[i][1]
        if len(f) > 60 and meta.title is None:
            # a cover written on one line: `…关于…的通知 （梁州政办发〔2012〕6号） 各…:`
            m = NR.title_prefix.match(f)
            if m:
                ln = lines[i][0]
                meta.set("title", _clean_str(text, ln.start, ln.start + m.end("title")), ln.start,
                         ln.start + m.end("title"))
                body_from = max(body_from, i + 1)
                break
        if _skip_head_line(f) or DOC_NUMBER.fullmatch(f.strip()):
            continue
        if notice_list.column_role(f, listed_only=True) is not None:
            break  # a table's header cell (`序号`): the title, if any, came before it
        end_j = _title_end(lines, i)
        if end_j is not None:
            title_idx = end_j
            start, end = _title_bounds(text, lines, i, end_j)
            meta.set("title", _clean_str(text, start, end), start, end)
            if _is_org_line(f) and end_j > i and lines[i + 1][1].startswith("关于") and meta.issuer is None:
                meta.set("issuer", lines[i][0].text, lines[i][0].start, lines[i][0].end)
            body_from = max(body_from, end_j + 1)
            title_idx = end_j
            break
    # 主送机关: a line ending with a colon soon after the title (page chrome, the 发文字号 and
    # the date line of a web page may stand between them).
    if title_idx is not None or meta.title is not None:
        start = title_idx + 1 if title_idx is not None else body_from
        for i in range(start, min(n, start + 16)):
            ln, f = lines[i]
            if ITEM_ARABIC.match(f) or HEADING_L1.match(f) or NR.standalone_date.match(f):
                break
            if _unit_heading(lines, i):
                break  # a unit's own list begins: no cover letter
            m = NR.recipients_line.match(f)
            if m and not _is_field_line(f) and not NR.meta_bullet.match(f) and not NR.title_label.match(f) \
                    and not CHROME_LINE.match(f) and "|" not in f:
                meta.set("recipients", split_list(_clean_str(text, ln.start, ln.end).rstrip(":："), CLAUSE_SEPARATORS), ln.start, ln.end)
                body_from = max(body_from, i + 1)
                break
    if not meta.recipients:
        # no title before it (a page opening with its 主送机关, or a title not recognised): a
        # colon line near the top whose every entry names organisations (各…, …单位, …政府)
        for i in range(min(n, head_limit)):
            ln, f = lines[i]
            if ITEM_ARABIC.match(f) or HEADING_L1.match(f) or NR.standalone_date.match(f):
                break
            m = NR.recipients_line.match(f)
            if not m or _is_field_line(f) or CHROME_LINE.match(f) or "|" in f:
                continue
            names = split_list(_clean_str(text, ln.start, ln.end).rstrip(":："), CLAUSE_SEPARATORS)
            if notice_list.looks_like_units(names):
                meta.set("recipients", names, ln.start, ln.end)
                body_from = max(body_from, i + 1)
                break
    # 成文日期: the first line holding only a date (optionally after the issuing organ).
    # Numbered points of the cover letter (`1.明确任务，压实责任。`) may come before it; the
    # tasks have begun once a line assigns someone.
    signed_idx = -1
    passed_items = False
    for i in range(body_from, n):
        ln, f = lines[i]
        if _is_role_field_line(f) or (ITEM_ARABIC.match(f) and _assigns_on_line(f)):
            break  # the tasks began before any signature
        passed_items = passed_items or bool(ITEM_ARABIC.match(f))
        if NR.public_note.match(f) and i + 1 < n:
            # `（此件公开发布）` closes the cover even when its date could not be read
            # (`2022121日`): the attached list follows
            signed_idx = i
            break
        if NR.standalone_date.match(f):
            if passed_items and not (NR.standalone_date.match(f)["org"] or (i > 0 and _is_org_line(lines[i - 1][1]))):
                break  # a date inside numbered text, not a signature
            signed_idx = i
            meta.set("signed_date", iso_date(f), ln.start, ln.end)
            break
    if meta.signed_date is None:
        # no signature read: a web copy's metadata may state it (`• 成文日期：2021-03-24`,
        # `成文日期 | 2021年3月24日 |`); an empty field followed by another label gives none
        for ln, f in lines[:head_limit]:
            m = SIGNED_DATE_FIELD.search(f)
            if m:
                date = ymd(*(int(x) for x in m.group("y", "m", "d")))
                if date:
                    meta.set("signed_date", date, ln.start + m.start("y"), ln.start + m.end())
                break
    return body_from, signed_idx


# The signing date in a web copy's metadata: `成文日期：2021-03-24`, `成文日期 | 2021年3月24日`.
SIGNED_DATE_FIELD = regex.compile(
    r"成文日期[ \t\u3000]*[:|][ \t\u3000|]*(?P<y>(?:19|20)\d\d)[-./年](?P<m>\d{1,2})[-./月](?P<d>\d{1,2})(?!\d)日?")


def _is_role_field_line(f: str) -> bool:
    """A field line that assigns a role (a cover's `联系人：` line does not)."""
    hits = notice_list.field_hits(f)
    return bool(hits) and f[: hits[0].start].strip(notice_list.BULLETS_BLANKS) == "" \
        and notice_list.label_role(hits[0].label) in ("leaders", "lead", "units", "deadlines")


def _assigns_on_line(f: str) -> bool:
    """A numbered line that names who does it: `1.…。(X牵头，Y配合)`, `1.…【牵头单位】X`."""
    return bool(notice_list.find_labels(f)) or notice_list.inline_fields(f) is not None \
        or (f.rstrip("。.").endswith(")") and ("牵头" in f or "负责" in f or "配合" in f))




# A bracketed label or a short column name with a bar before a title.
TITLE_LABEL_PREFIX = regex.compile(r"[ \t\u3000]*(?:【[^】\n]{1,20}】|[^\s|丨｜]{2,8}[丨｜|])[ \t\u3000]*")


def _title_bounds(text: str, lines: list[tuple[Line, str]], i: int, j: int) -> tuple[int, int]:
    """The title's span over lines i..j, without a 发文字号 printed before it on the same line
    (`金政发〔2025〕2号 关于印发…`), and once when a page prints it twice in a row."""
    last = lines[j][1].rstrip(" |")
    if j > i and "关于" in last and not last.lstrip().startswith("关于") and NR.title_end.search(last) \
            and "".join(f.rstrip(" |") for _, f in lines[i:j]) != last:
        # the last line is a whole title with its organ (`筠阳区人民政府关于…的通知`): the lines
        # above it are the site's name and column (a title printed twice in a row is kept
        # at its first printing, below)
        i = j
    start, end = lines[i][0].start, lines[j][0].end
    while end > start and text[end - 1] in " |\t\u3000":
        end -= 1  # `…的通知 |`: the rule of a metadata table after the title
    label = TITLE_LABEL_PREFIX.match(text, start, end)
    if label and end - label.end() >= 8:
        start = label.end()  # a column's label before it: `【重点工作】…`, `政务服务丨…`
    f = lines[i][1]
    m = DOC_NUMBER.match(f)
    if m and len(f) > m.end("num") + 4:
        start = lines[i][0].start + len(f) - len(f[m.end("num"):].lstrip(" \t\u3000"))
    whole = _clean_str(text, start, end)
    half = len(whole) // 2
    if len(whole) % 2 == 0 and half >= 6 and whole[:half] == whole[half:]:
        # printed twice: keep the first printing (its lines are the first half of the span)
        c = clean(text, start, end)
        end = c.offset(half - 1) + 1
    return start, end


def _skip_head_line(f: str) -> bool:
    """Head lines that are never the title: chrome, bullets, field lines, long sentences."""
    return bool(
        _is_field_line(f) or HEADING_L1.match(f) or NR.doc_number_bullet.match(f) or CHROME_LINE.match(f)
        or NR.title_label.match(f) or "|" in f.strip(" |")
        or NR.meta_bullet.match(f) or len(f) > 60 or "。" in f
    )


def _unit_heading(lines: list[tuple[Line, str]], i: int) -> bool:
    """Whether line i is a unit's name over its own list, titled on the next line (the head
    of a notice has no numbered items to ask about)."""
    return notice_list.unit_heading_at([f for _, f in lines[i:i + 3]], 0, lambda k: False) is not None


def _title_end(lines: list[tuple[Line, str]], i: int) -> int | None:
    """Index of the last line of a title starting at line i, or None if none starts there."""
    joined = ""
    found = None
    for j in range(i, min(i + 4, len(lines))):
        f = lines[j][1]
        if j > i and (_skip_head_line(f) or NR.recipients_line.match(f) or DOC_NUMBER.search(f)
                      or NR.standalone_date.match(f) or ITEM_ARABIC.match(f) or not f.strip(" |")):
            break
        if j > i and _unit_heading(lines, j):
            break  # a unit's name over its own list (`青川市应急管理局` / `…责任清单`)
        joined += f.rstrip(" |")
        if len(joined) > 120:
            break
        if NR.title_end.search(joined):
            found = j  # keep going: `…工作报告` may wrap onto `…任务分解的通知`
        elif j == i and not (_is_org_line(f) or "关于" in f):
            return None  # a title that wraps starts with the organ or with 关于
    return found


def _opens_list(f: str, ln: Line) -> bool:
    """A line that opens the attached task list: a table header or a numbered item."""
    if notice_list._marker(f) is not None or notice_list.group_label_end(f):
        return True  # (or a group's label, its first item after it: `社会救助方面:(4)…`)
    return notice_list.header_roles(notice_list.table_cells(ln.text)) is not None \
        or notice_list.column_role(f, listed_only=True) is not None


def _over_fields(folded: list[str], i: int) -> bool:
    """Whether the line after line i (blank lines skipped) opens with a role field
    (`督办事项一：…` / `督办单位：…` / `承办领导：…`): line i is the list's first task."""
    j = i + 1
    while j < len(folded) and not folded[j].strip():
        j += 1
    if j >= len(folded) or not folded[i].strip():
        return False
    hits = notice_list.field_hits(folded[j])
    return bool(hits) and hits[0].start <= len(folded[j]) - len(folded[j].lstrip(notice_list.BULLETS_BLANKS)) \
        and notice_list.label_role(hits[0].label) in _ROLE_FIELDS


_ROLE_FIELDS = frozenset({"leaders", "lead", "units", "deadlines", "ignore"})


def _opens_record(f: str) -> bool:
    """Whether a line opens a labelled record with the task's words (`整改任务：…`,
    `第1项【任务内容】…`): the list's first task."""
    hits = notice_list.field_hits(f) if ":" in f or "】" in f else []
    if not hits or notice_list.label_role(hits[0].label) != "text":
        return False
    before = f[:hits[0].start].strip(notice_list.BULLETS_BLANKS)
    return before == "" or notice_list.RECORD_ORDINAL.fullmatch(before) is not None


def _is_org_line(f: str) -> bool:
    return bool(NR.org_line.fullmatch(f)) and bool(ORG_END.search(f))


def _read_tail(text: str, lines: list[tuple[Line, str]], tail_idx: int, meta: MetaDraft) -> None:
    i = tail_idx
    n = len(lines)
    while i < n:
        ln, f = lines[i]
        m = NR.tail_label.match(f)
        p = NR.printed_line.match(f)
        if m:
            value_start = ln.start + m.start("value")
            value_end = ln.end
            j = i + 1
            # 抄送 lists run on over several lines until the next label or the 印发 line.
            while j < n and not NR.tail_label.match(lines[j][1]) and not NR.printed_line.match(lines[j][1]):
                if j + 1 < n and NR.printed_line.match(lines[j + 1][1]) and _is_org_line(lines[j][1]):
                    break
                value_end = lines[j][0].end
                j += 1
            value = _clean_str(text, value_start, value_end)
            label = m["label"]
            if label in ("抄送", "抄报"):
                # 抄送 entries end a line with 。 between groups: `郑州警备区。市人大常委会办公厅`
                # (extended in place: a new list per 抄送 line made thousands of lines quadratic)
                meta.cc.extend(x for part in value.split("。") for x in split_list(part, CLAUSE_SEPARATORS))
                meta.set("cc", meta.cc, value_start, value_end)
            elif label == "主办":
                meta.set("sponsor", value.rstrip("。"), value_start, value_end)
            elif label == "督办":
                meta.set("supervisor", value.rstrip("。"), value_start, value_end)
            i = j
            continue
        if p:
            meta.set("printed_date", iso_date(f), ln.start, ln.end)
            if p["org"]:
                meta.set("printed_by", _clean_str(text, ln.start, ln.start + len(p["org"])), ln.start, ln.start + len(p["org"]))
            elif i > 0 and _is_org_line(lines[i - 1][1]):
                meta.set("printed_by", lines[i - 1][0].text, lines[i - 1][0].start, lines[i - 1][0].end)
        elif NR.standalone_date.match(f) and meta.signed_date is None:
            # A signature after the task list: the organ's name above (or before) the date.
            meta.set("signed_date", iso_date(f), ln.start, ln.end)
            d = NR.standalone_date.match(f)
            if meta.issuer is None:
                if d["org"]:
                    meta.set("issuer", ln.text[: len(d["org"])], ln.start, ln.start + len(d["org"]))
                elif i > 0 and _is_org_line(lines[i - 1][1]):
                    meta.set("issuer", lines[i - 1][0].text, lines[i - 1][0].start, lines[i - 1][0].end)
        i += 1


# ---------------------------------------------------------------------------------------
# Drafts -> Task records

def _is_field_line(f: str) -> bool:
    """A line that opens with a field label (`牵头单位：`, `责 任 单 位 ：`, `【牵头单位】`)."""
    hits = notice_list.field_hits(f)
    return bool(hits) and f[: hits[0].start].strip(notice_list.BULLETS_BLANKS) == ""


def _without_rule_clauses(value: str) -> str:
    """A unit list without the clauses that state the first-listed rule inside it, unbracketed
    (`市税务局、市财政局，排在首位的为牵头单位，下同` -> 市税务局、市财政局): a rule, no unit."""
    kept: list[str] = []
    dropping = False
    for clause in split_list(value, CLAUSE_SEPARATORS):
        f = fold(clause).strip()
        if notice_list.FIRST_LISTED.search(f) or (dropping and f in ("下同", "以下同")):
            dropping = True
            continue
        dropping = False
        kept.append(clause)
    return "，".join(kept)


@functools.lru_cache(maxsize=4)
def _government_places(folded: str) -> tuple[str, ...]:
    """The names of the places whose governments the notice names (`淮澄市人民政府` -> 淮澄),
    read once per document."""
    return tuple(sorted({m["name"] for m in _GOVERNMENT_PLACE.finditer(folded)}, key=len, reverse=True))


_GOVERNMENT_PLACE = regex.compile(r"(?:(?<!\p{Han})|(?<=[省市]))(?P<name>\p{Han}{2,3}?)[省市区县](?:人民政府|政府)")


def _without_borrowed_level(unit: str, places: tuple[str, ...]) -> str:
    """A unit given the level of the one before it (`市发展改革局、岭川供电局` -> 市岭川供电局)
    whose name opens with the place itself: the level is no part of it (岭川供电局, a branch of
    a national body in 岭川市, never `市岭川…`)."""
    f = fold(unit)
    if f[:1] in "省市区县" and any(f.startswith(p, 1) and len(f) > len(p) + 2 for p in places):
        return unit[1:]
    return unit


# The head of a government or a deputy in a post (副省长, 常务副市长, 县长): who a notice
# means by a leader.
_GOVERNMENT_HEAD = re.compile(r"[省市县区州旗]长")
# A person's post in brackets after the name: `张海涛(市委常委、常务副市长)`.
_POST_IN_BRACKETS = re.compile(r"[(（]([^()（）]{2,30})[)）]")


def _heads_named(value: str, role: str) -> tuple[str, str]:
    """A person label's value (`负责人`, `具体负责人`) and its role: the task's leaders when it
    names heads of a government, each by name and post (`许明德副省长`, or the post in brackets:
    `张海涛(市委常委、常务副市长)`, given without it), as 责任领导 would; read past when it names
    others too (`魏长林 五县县长`: bureau officials, posts alone)."""
    plain = script_folded(value)  # 常務副市長 is a head too
    if not _GOVERNMENT_HEAD.search(plain):
        return value, role
    posts = _POST_IN_BRACKETS.findall(plain)
    if posts:
        bare = _POST_IN_BRACKETS.sub("", value)
        names = [p for p in notice_list.LEADER_SPLIT.split(bare) if p]
        if len(names) == len(posts) and all(len(notice_list.read_leaders(n)[0]) == 1 for n in names) \
                and any(_GOVERNMENT_HEAD.search(p) for p in posts):
            return bare, "leaders"
        return value, role
    if all(_GOVERNMENT_HEAD.search(p) and len(notice_list.read_leaders(p)[0]) == 1
           for p in notice_list.LEADER_SPLIT.split(plain) if p):
        return value, "leaders"
    return value, role


@dataclass
class _Roles:
    leaders: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    open: list[str] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    labels: list[tuple[str, str, int]] = field(default_factory=list)  # (role, label, units so far)
    # the leaders met so far, for the duplicate test (a list scan made a task naming
    # thousands of leaders quadratic)
    seen_leaders: set[str] = field(default_factory=set)

    def add_leaders(self, value: str, where: str) -> None:
        names, bad = notice_list.read_leaders(value)
        # the names as written (folding changes no Han character, so positions agree)
        for x in names:
            if x not in self.seen_leaders:
                self.seen_leaders.add(x)
                self.leaders.append(x)
        for b in bad:
            self.warnings.append(f"{where}: not a person's name, left out of leaders: {b!r}")

    def add(self, role: str, value: str, where: str, label: str = "") -> None:
        value = value.strip().rstrip("。;；,，、")
        if value[:1] in "[【〔" and value[-1:] in "]】〕":
            value = value[1:-1].strip()  # `[各镇人民政府、嘉溪经济开发区]`
        if role == "ignore" and label.endswith("人"):
            value, role = _heads_named(value, role)
        if not value or role in ("ignore", "other_units", "other_person", "text"):
            return  # (a `整改任务：` label after the task's own: no roles)
        folded = fold(value)  # one character for one: a prefix of it is the folded prefix
        if folded.strip() in notice_list.EMPTY_CELL:
            return
        if role == "leaders":
            self.add_leaders(value, where)
        elif role == "deadlines":
            self.deadlines.extend(x for x in (v.strip() for v in DEADLINE_SPLIT.split(value)) if x)
        elif role == "note":
            # `工作要求：由市发改委牵头，并负责报进度。`: a leading role clause names the lead
            for clause in split_list(value, CLAUSE_SEPARATORS):
                c = notice_list.role_clause(clause)
                if c is not None and c[0]:
                    self.lead.extend(c[1])
                    self.open.extend(c[2])
                    break
        else:
            marked: list[int] = []
            if _LEAD_MARK_WORDS.search(value) and NR.lead_mark.search(value):
                # `市委宣传部(牵头)、市应急管理局`: the marked unit leads (taken off before the
                # role-sentence test below, which its 牵头 would send the list to)
                marked = [k for k, item in enumerate(split_list(value)) if NR.lead_mark.search(item)]
                value = NR.lead_mark.sub("", value)
                folded = fold(value)
            if _DUTY_NOTE_WORDS.search(value) and NR.duty_note.search(value):
                value = NR.duty_note.sub("", value)
                folded = fold(value)
            stop = value.find("。")
            if 0 < stop < len(value) - 1:
                # `X、Y按职责分工负责。具体任务均涉及…，下同。`: the list ends at its full stop
                value, folded = value[:stop], folded[:stop]
            if _RULE_NOTE_WORDS.search(folded) and notice_list.RULE_NOTE.search(folded):
                # cut the note where the folded text has it (the same positions as written)
                keep, at = [], 0
                for m in notice_list.RULE_NOTE.finditer(folded):
                    keep.append(value[at:m.start()])
                    at = m.end()
                value = "".join(keep) + value[at:]
                folded = fold(value)
            if "牵头" in folded and notice_list.FIRST_LISTED.search(folded):
                value = _without_rule_clauses(value)  # `X、Y，排在首位的为牵头单位，下同` (no brackets)
                folded = fold(value)
            if "牵头" in folded or "负责" in folded or "配合" in folded:
                roles = notice_list.roles_from_sentence(value, need_lead=False, trailing_co=role == "units")
                if roles and (roles[0] or role == "units"):
                    self.take(roles)
                    return
            value = _spaces_as_separators(value)
            has_star = _STAR_MARK_WORDS.search(value) is not None and NR.star_mark.search(value) is not None
            starred = [k for k, item in enumerate(split_list(value)) if NR.star_mark.search(item)] if has_star else []
            starred += marked
            units, opn = split_units(NR.star_mark.sub("", value) if has_star else value)
            kept = []
            for u in units:
                if notice_list.is_deadline(u):
                    self.deadlines.append(u)  # `…，6月底完成`: a time limit among the units
                elif len(u) > 60 or len(u) < 2 or notice_list.SENTENCE_MARK.search(u) or not is_unit_name(u):
                    # a sentence, or a name cut short (`责任单位：区` at the end of a page)
                    self.warnings.append(f"{where}: not a unit name, left out: {u!r}")
                else:
                    kept.append(u)
            if starred and role != "lead":
                # `★区发改委、统计局`: the starred unit leads, the list holds them all
                self.lead.extend(units[k] for k in starred if k < len(units))
            if marked and role != "lead":
                # but `市发改委(牵头)、市统计局` gives the unit its own role word, as `X牵头，Y配合`
                # does: the list's others are the co-units (tests/fixtures/notices/corpus/README.a.md)
                own = {units[k] for k in marked if k < len(units)}
                kept = [u for u in kept if u not in own]
            (self.lead if role == "lead" else self.units).extend(kept)
            self.open.extend(opn)
            self.labels.append((role, label, len(self.units)))

    def add_sentence(self, s: str) -> bool:
        f = fold(s)
        roles = notice_list.roles_from_sentence(notice_list._unwrap(s), need_lead=False,
                                                bare=notice_list.bare_unit_bracket(f) or notice_list.bare_unit_line(f))
        if not roles:
            return False
        self.take(roles)
        return True

    def take(self, found: tuple[list[str], list[str], list[str]]) -> None:
        """The lead units, co-units and open tails a role sentence gave."""
        lead, co, opn = found
        self.lead.extend(lead)
        for u in co:
            # `（X牵头，Y配合，6月底完成）`: a time limit among the units is the deadline
            if notice_list.is_deadline(u):
                self.deadlines.extend(x.strip() for x in u.split("、") if x.strip())
            else:
                self.units.append(u)
        self.open.extend(opn)


# Units separated only by blanks: `市发改委 五县五区政府 开发区管委会`.
_BLANK_RUN = regex.compile(r"[ \u3000]+")


def _spaces_as_separators(value: str) -> str:
    """Blanks between whole unit names separate them; blanks inside a name are extraction
    damage and go (`市发改委 五县五区政府` -> two units, `市财 政局` -> one)."""
    if " " not in value and "\u3000" not in value:  # _BLANK_RUN finds nothing
        return value
    pieces = [p for p in _BLANK_RUN.split(value) if p]
    if len(pieces) > 1 and all(ORG_END.search(p.rstrip("、，,；;")) or is_collective(p) for p in pieces):
        return "、".join(p.rstrip("、，,；;") for p in pieces)
    return _BLANK_RUN.sub("", value)




def _labels_defined(folded: str) -> dict[str, str]:
    """The labels a note defines, by the field each fills (`“包干第一责任单位”为牵头单位` ->
    包干第一责任单位: lead)."""
    if "为" not in folded and "是" not in folded and "指" not in folded:
        return {}
    out = {}
    for m in NR.label_defined.finditer(folded):
        role = notice_list.label_role(m["as"])
        if role != "ignore":
            out[m["label"]] = role
    return out


def _pairs_name_the_lead(drafts: list[notice_list.TaskDraft]) -> bool:
    """Whether the notice writes `责任单位` beside `配合单位` and never a lead label: then its
    责任单位 leads in every task, also where a task has no 配合单位 (`责任单位负责统筹推进，
    配合单位按时提供进展`)."""
    labels = [fl.label for d in drafts for fl in d.fields] + [lab for d in drafts for lab in d.cell_labels.values()]
    roles = [notice_list.label_role(lab) for lab in labels]
    if "lead" in roles:
        return False
    return any(lab.startswith(("责任", "主要")) and r == "units" for lab, r in zip(labels, roles)) \
        and any(NR.co_label.match(lab) for lab in labels)


def _units_label_leads(roles: _Roles, stated: bool) -> bool:
    """Whether the first `责任单位` field of a task names its lead: when the task also has a
    co-unit label (`配合单位`), or the notice says a 责任单位 leads where no 牵头单位 is named."""
    kinds = [(lab, k) for r, lab, k in roles.labels if r == "units"]
    if not kinds or NR.co_label.match(kinds[0][0]) or not kinds[0][0].startswith(("责任", "主要")):
        return False
    if stated:
        return True
    return any(NR.co_label.match(lab) for lab, _k in kinds[1:])


def _task_fields(doc: Doc, d: notice_list.TaskDraft, first_unit_leads: bool,
                 units_label_leads: bool = False, rule_stated: bool = False) -> tuple[dict, list[str]]:
    """A task's fields, read from its draft; the Task record is built from them once its id is
    known (a number seen twice gets its offset in the id)."""
    text = doc.text
    roles = _Roles()
    where = f"task {d.seq}"
    if d.cells is not None:
        body = "".join(d.cells.get("text", ()))
        task_text = clean(body).text
        for role, pieces in d.cells.items():
            if role in ("text", "seq"):
                continue
            # (cleaned as a field's value is: a mirror's pinyin after characters goes)
            roles.add(role, clean("".join(pieces), keep_blanks=True).text, where, d.cell_labels.get(role, ""))
        if not roles.lead and not roles.units and task_text:
            task_text = _strip_role_sentence(task_text, roles)
    else:
        c = clean(text, d.text_start, d.text_end)
        task_text = c.text
        if len(c.starts) == 1 and c.origins[0] == d.text_start and len(c.text) == d.text_end - d.text_start:
            # nothing cleaned away (a task on one line): its fold is the document's, made once
            folded = doc.folded[d.text_start:d.text_end]
        else:
            folded = c.folded
        m = notice_list.inline_fields(folded)
        if m:
            start, body_start, body_end = m
            _inline_roles(c.text[body_start:body_end], roles, where)
            closing = "。" if SENTENCE_CLOSE.search(folded[start:]) and not folded[:start].rstrip().endswith(("。", ".")) else ""
            task_text = c.text[:start].rstrip() + closing
        elif not d.fields and "(" in folded:
            mid = notice_list.fields_inside(folded)
            if mid:
                # `…“零容忍”(责任单位:人事科、教育工会),确保…`: fields in brackets inside the
                # sentence; the sentence is the task's text without them
                start, body_start, body_end = mid
                _inline_roles(c.text[body_start:body_end], roles, where)
                task_text = c.text[:start].rstrip() + c.text[body_end + 1:].lstrip()
        for fl in d.fields:
            roles.add(fl.role, clean(text, fl.start, fl.end, keep_blanks=True).text, where, fl.label)
        for s, e in d.leader_lines:
            roles.add_leaders(clean(text, s, e, keep_blanks=True).text, where)
        for s, e in d.role_lines:
            roles.add_sentence(clean(text, s, e).text)
        duty = notice_list.duty_roles(task_text) if not roles.lead and not roles.units and not d.numbered \
            and notice_list.opens_with_duty(fold(task_text)) else None
        if duty is not None:
            roles.take(duty)  # `区水利局负责…，…`: the paragraph is the task's words, its subjects its units
        if not roles.lead and not roles.units:
            task_text = _strip_role_sentence(_take_role_parens(task_text, roles), roles)
        if not roles.lead and not roles.units and "。" in task_text.rstrip("。"):
            task_text = _take_mid_role_sentence(task_text, roles)
        if not roles.lead and not roles.units and "由" in task_text:
            inner = notice_list.inner_roles(task_text)
            if inner is not None:
                # `由X负责，Y配合，<task>`, or after a lead-in: `会议要求，由X牵头，…，9月底前完成…`
                roles.take(inner[0])
                task_text = (task_text[:inner[1]] + task_text[inner[2]:]).lstrip()
    if not roles.lead and not roles.units and d.group_units:
        roles.units = list(d.group_units)  # the unit whose list this is (`市交通运输局` / `…目标责任书`)
    if not roles.leaders and not d.group_leaders:
        names = _names_leader(task_text)
        if names:
            # (as written: folding keeps positions, so a traditional name stays traditional)
            folded_text = fold(task_text)
            roles.leaders = [task_text[folded_text.index(n):][:len(n)] for n in names]
    if not roles.leaders and d.group_leaders:
        roles.leaders = list(d.group_leaders)
    stated_lead = rule_stated and not roles.lead and roles.units and _units_label_leads(roles, True)
    if not roles.lead and d.group_lead and not stated_lead:
        # (a lead the heading's words name and the task lists among its units is one of them;
        # a 牵头单位 line under the heading leads whatever the units; but where the notice says
        # a task's 责任单位 leads when it names no 牵头单位, its own units do, not the group's)
        roles.lead = list(d.group_lead) if d.lead_stated else [u for u in d.group_lead if u not in roles.units]
        if not roles.units and d.group_co:
            roles.units = [u for u in d.group_co if u not in roles.lead]  # the heading's co-units with its lead
    if not roles.lead and roles.units and _units_label_leads(roles, units_label_leads):
        # `责任单位：X` beside `配合单位：Y` (or a stated rule): the 责任单位 leads
        n = next(k for r, lab, k in roles.labels if r == "units")
        roles.lead, roles.units = roles.units[:n], roles.units[n:]
    elif first_unit_leads and not roles.lead and roles.units:
        roles.lead = [roles.units[0]]
    places = _government_places(doc.folded)
    if places:
        roles.lead = [_without_borrowed_level(u, places) for u in roles.lead]
        roles.units = [_without_borrowed_level(u, places) for u in roles.units]
    fields = dict(
        seq=d.seq,
        section=d.section,
        text=task_text.rstrip(" \u3000—–"),  # (the dash before fields on its line: `…工程——牵头部门：`)
        leaders=roles.leaders,
        lead_units=_dedupe(roles.lead),
        units=_dedupe(roles.units),
        units_open=_dedupe(roles.open),
        deadlines=roles.deadlines,
        span=Span(start=d.start, end=max(d.end, d.text_end)),
    )
    return fields, roles.warnings


def _inline_roles(body: str, roles: _Roles, where: str) -> None:
    fb = fold(body)
    hits = notice_list.bracket_labels(fb)
    for k, m in enumerate(hits):
        end = hits[k + 1].start if k + 1 < len(hits) else len(fb)
        roles.add(notice_list.label_role(m.label), body[m.end: end].strip().rstrip(";；,，"), where, m.label)




def _take_role_parens(task_text: str, roles: _Roles) -> str:
    """Role sentences in brackets after each of a task's sentences (`…培训。(区卫健委负责)严格
    执行…。(区农业农村局负责)…`) go to the roles, in order, and out of the text.  A closing
    `(…)` at the very end is left to _strip_role_sentence."""
    if "负责" not in task_text and "牵头" not in task_text and "負責" not in task_text and "牽頭" not in task_text:
        return task_text
    tail = task_text.rstrip("。. ")
    pieces, last = [], 0
    for m in notice_list.ROLE_PAREN.finditer(task_text):
        if m.end() == len(tail) and task_text[m.end() - 1] in ")）":
            break
        found = notice_list.paren_roles(m["body"])
        if found is None:
            continue
        roles.take(found)
        pieces.append(task_text[last:m.start()])
        last = m.end()
    if not pieces:
        return task_text
    return "".join(pieces) + task_text[last:]


def _strip_role_sentence(task_text: str, roles: _Roles) -> str:
    """Move closing role clauses (`…，市大数据局牵头，市政务服务办配合。`, or the same in
    parentheses) into the roles and cut them from the task text, keeping the 。 of the
    sentence before them.

    The role part is the longest run of role clauses at the end of the text; it is found by
    one walk back over the clauses, so the cost stays linear in the text."""
    body = task_text.rstrip("。. ")
    if body.endswith(("）", ")")):
        k = notice_list.opening_bracket(body)
        if k > 0:
            roles_in = notice_list.paren_roles(body[k + 1:-1], bare=body[k - 1] in notice_list.BARE_BRACKET_AFTER)
            if roles_in:
                roles.take(roles_in)
                head = body[:k].rstrip("，,；; ")
                return head + ("" if head.endswith("。") else "。") if head else ""
    k = max(body.rfind(c) for c in "。！？!?")
    if k > 0 and body.startswith("由", k + 1):
        # `…。由市财政局、农业局，各县（市）、区人民政府负责落实。`: one sentence of roles, its
        # lists run over a comma
        found = notice_list.roles_from_sentence(body[k + 1:], need_lead=False)
        if found:
            roles.take(found)
            return body[:k + 1]
    bounds = [0] + [m.end() for m in CLAUSE_BREAK.finditer(body)]
    ends = [m.start() for m in CLAUSE_BREAK.finditer(body)] + [len(body)]
    suffix: list[tuple[bool, list[str], list[str]]] = []
    cut = None
    for k in range(len(bounds) - 1, -1, -1):
        joint = notice_list.joint_roles(body[bounds[k]:ends[k]])
        c = notice_list.role_clause(body[bounds[k]:ends[k]]) if joint is None else None
        if c is None and joint is None:
            break
        suffix.extend(joint[::-1] if joint else [c])
        cut = bounds[k]
    if cut is None:
        return task_text
    found = notice_list.collect_roles(suffix[::-1])
    if not found:
        return task_text
    roles.take(found)
    head = body[:cut].rstrip("，,；; ")
    return head + ("" if head.endswith("。") else "。") if head else ""


def _take_mid_role_sentence(task_text: str, roles: _Roles) -> str:
    """A role sentence between a task's sentences (`…整合进入行政服务中心。X牵头，Y配合。未按时
    进驻的，由…督办。`): its roles taken, the sentence cut from the text.  Never the first
    sentence, which is the task itself."""
    bounds = [m.end() for m in SENTENCE_STOP.finditer(task_text)]
    for a, b in zip(bounds, bounds[1:] + [len(task_text)]):
        sentence = task_text[a:b].strip().rstrip("。")
        f = fold(sentence)
        if not sentence or not ("牵头" in f or "负责" in f or "配合" in f):
            continue
        found = notice_list.roles_from_sentence(sentence, need_lead=False)
        if found:
            roles.take(found)
            return task_text[:a] + task_text[b:].lstrip()
    return task_text


SENTENCE_STOP = regex.compile("。")


# Where a role clause may begin inside a task's last sentence.
CLAUSE_BREAK = regex.compile(r"[,，;；。]")


def _assigns(t: dict) -> bool:
    return bool(t["leaders"] or t["lead_units"] or t["units"] or t["units_open"] or t["deadlines"])


def _dedupe(xs: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


class _TailStarts:
    """Whether line i opens the part after the task list: 抄送/主办 lines, the 印发 line, a
    closing signature and date, or web-page footer chrome.

    The reader asks line after line, and the signature test of line i reads line i+1: each
    line's is_tail_line test is made once and remembered, and the organ test of line i is made
    only when line i+1 passes it (a date or 印发 line does: is_tail_line holds both)."""

    def __init__(self, lines: list[tuple[Line, str]]) -> None:
        self.lines = lines
        self.opens: dict[int, bool] = {}

    def _opens(self, i: int) -> bool:
        got = self.opens.get(i)
        if got is None:
            got = self.opens[i] = is_tail_line(self.lines[i][1])
        return got

    def __call__(self, i: int) -> bool:
        if self._opens(i):
            return True
        if i + 1 < len(self.lines) and self._opens(i + 1) and _is_org_line(self.lines[i][1]):
            nxt = self.lines[i + 1][1]
            return bool(NR.standalone_date.match(nxt) or NR.printed_line.match(nxt))
        return False

# ---------------------------------------------------------------------------------------
# Entry point


def _list_before_signature(lines, body_from: int, signed_idx: int) -> bool:
    """Whether the task list stands before the 成文日期 rather than after it: nothing but
    chrome follows the date, and lines above it assign work (`（牵头单位：…）`, `X牵头，Y配合`)."""
    if any(f.strip() and not (CHROME_LINE.match(f) or _C.page_meta_line.match(f) or _C.page_marker.match(f.strip()))
           for _, f in lines[signed_idx + 1:]):
        return False
    return any(("牵头" in f or "责任单位" in f or "负责" in f) and _assigns_at_end(f) or _names_leader(f)
               for _, f in lines[body_from:signed_idx])


def _assigns_at_end(f: str) -> bool:
    """Whether a line assigns work, or its last sentence does (`（一）X工程。…。由县交通运输局牵头，
    县财政局配合。`: the roles close a paragraph of several sentences), or a run of roles inside it."""
    if notice_list.line_assigns(f) or notice_list.opens_with_duty(f):
        return True
    if "由" in f and notice_list.inner_roles(f) is not None:
        return True  # `1.由县编办、发改局负责,调整…`, `关于…问题,由X牵头,Y配合,…`
    body = f.rstrip("。. ")
    if notice_list.closes_with_role_paren(body):
        return True  # `…试点(分管副省长负责,省工商局牵头)。`
    k = max(body.rfind(c) for c in "。！？!?")
    return k > 0 and notice_list.line_assigns(body[k + 1:])


LEADER_HEAD_CHARS = 40  # a title beside the name that opens a task stands this early


def _names_leader(f: str) -> list[str]:
    """The persons a sentence assigns work to by a duty verb, named inside it
    (`…，由郝建林常委包保协调推进`) or opening it (`严志远局长负责联系昆澄市`), or []."""
    m = NR.leader_in_text.search(f) if "由" in f else None
    if m is not None:
        names, bad = notice_list.read_leaders(fold(m["who"]))
        return names if names and not bad else []
    mk = notice_list._marker(f)
    head = fold(f[mk[3]:] if mk else f).lstrip()
    if not notice_list.ANY_TITLE.search(head, 0, LEADER_HEAD_CHARS):
        return []  # (most tasks open with their work, no person: one search turns them away)
    m = notice_list.group_leader().match(head)
    if m is None or not notice_list.ANY_TITLE.search(m.group()):
        return []  # (a title beside the name: `强化督导考核` opens with a verb, no one's name)
    names, bad = notice_list.read_leaders(m["names"])
    return names if names and not bad else []


def parse_notice(source: str | Doc) -> ParseResult:
    doc = as_doc(source)
    text, folded = doc.text, doc.folded
    lines = notice_runon.cut_tables(notice_list.unflatten(doc.folded_lines()))
    meta = MetaDraft()
    warnings: list[str] = []
    body_from, signed_idx = _find_meta(text, lines, meta)
    end_idx = len(lines)
    first_unit_leads = bool(notice_list.FIRST_LISTED.search(folded))
    units_label_leads = bool(notice_list.UNITS_LABEL_LEADS.search(folded))

    # The task list is the attachment after the 成文日期 when there is one; the notice's own
    # numbered requirements (一、项目化推进 …) before it are kept in meta.requirements.
    region_from = body_from
    if signed_idx >= 0 and _list_before_signature(lines, body_from, signed_idx):
        signed_idx = -1  # a plan printed whole, its roles above the signature: the list is there
    if signed_idx >= 0:
        for ln, f in lines[body_from:signed_idx]:
            m = HEADING_L1.match(f)
            if m and notice_list.plausible_heading(f):
                meta.requirements.append(
                    Requirement(label=m["label"], title=_clean_str(text, ln.start + m.start("title"), ln.end),
                                span=Span(start=ln.start, end=ln.end))
                )
        region_from = signed_idx + 1
        if meta.issuer is None and signed_idx > 0:
            m = NR.standalone_date.match(lines[signed_idx][1])
            if m and m["org"]:
                ln = lines[signed_idx][0]
                meta.set("issuer", ln.text[: len(m["org"])], ln.start, ln.start + len(m["org"]))
            elif _is_org_line(lines[signed_idx - 1][1]):
                ln = lines[signed_idx - 1][0]
                meta.set("issuer", lines[signed_idx - 1][0].text, ln.start, ln.end)
        # Attachment title: `附件` line and/or the title line before the first heading.
        i = region_from
        folded = [f for _, f in lines]
        while i < end_idx:
            ln, f = lines[i]
            a = NR.attachment_line.match(f)
            if a:
                if a["title"]:
                    meta.set("attachment_title", _clean_str(text, ln.start + a.start("title"), ln.end), ln.start + a.start("title"), ln.end)
                i += 1
                continue
            if HEADING_L1.match(f) or HEADING_L2.match(f) or ITEM_ARABIC.match(f) or _opens_list(f, ln) \
                    or _over_fields(folded, i) or _opens_record(f):
                break
            if notice_list.unit_heading_at(folded, i, lambda j: bool(ITEM_ARABIC.match(folded[j]))) is not None:
                break  # a unit's name over its own list (`澜州市公安局` / `…工作责任清单`)
            if meta.attachment_title is None and not (NR.public_note.match(f) or CHROME_LINE.match(f)
                                                      or _C.page_meta_line.match(f)):
                meta.set("attachment_title", _clean_str(text, ln.start, ln.end), ln.start, ln.end)
            i += 1
        region_from = i
    # page numbers left between lines (`— 3 —`) would run on into the field before them
    kept = [k for k in range(region_from, end_idx) if not _C.page_marker.match(lines[k][1].strip())]
    region = [lines[k] for k in kept]
    found = notice_list.read_list(text, region, _TailStarts(region))
    tree, drafts, stop = found.tree, found.drafts, found.stop
    warnings.extend(found.warnings)
    tail_at = kept[stop] if stop < len(kept) else end_idx
    if tail_at < len(lines):
        _read_tail(text, lines, tail_at, meta)
    region = region[:stop]
    region_end = region[-1][0].end if region else len(text)
    sections = tree.finalize(region_end)
    rule_stated = units_label_leads
    units_label_leads = units_label_leads or _pairs_name_the_lead(drafts)
    defined = _labels_defined(folded)
    if defined:
        for d in drafts:
            for fl in d.fields:
                fl.role = defined.get(fl.label, fl.role)
    found_tasks = []
    for d in drafts:
        fields, task_warnings = _task_fields(doc, d, first_unit_leads, units_label_leads, rule_stated)
        found_tasks.append(fields)
        warnings.extend(task_warnings)
    # Numbered points of a cover letter or preface (`1.本意见按…顺序`) come before the list
    # and assign nobody: when later items do, they are not tasks.
    first = next((k for k, t in enumerate(found_tasks) if _assigns(t)), 0)
    if first:
        warnings.append(f"{first} item(s) before the task list assign no one: read as the notice's text")
        found_tasks = found_tasks[first:]
        if not any(d.numbered for d in drafts[first:]):
            for k, t in enumerate(found_tasks):
                t["seq"] = k + 1  # unnumbered paragraphs: their places in the list that is left
    drafts = drafts[first:]
    if drafts and not any(d.numbered for d in drafts):
        # unnumbered paragraphs after the last that assigns someone (a 本期发 line, a caption)
        # are the text after the list, as those before the first are the cover's
        last = max((k for k, t in enumerate(found_tasks) if _assigns(t)), default=len(found_tasks) - 1)
        if last < len(found_tasks) - 1:
            warnings.append(f"{len(found_tasks) - 1 - last} paragraph(s) after the task list assign no one: "
                            f"read as the notice's text")
            found_tasks, drafts = found_tasks[:last + 1], drafts[:last + 1]
    if found_tasks and any(d.numbered for d in drafts):
        # numbered items after the last that assigns someone, their numbering started again
        # (`二、工作要求` / `1.各包保领导每月…`): the notice's own requirements, not tasks
        last = max((k for k, t in enumerate(found_tasks) if _assigns(t)), default=None)
        restart = next((k for k in range(last + 1, len(found_tasks)) if found_tasks[k]["seq"] == 1
                        and found_tasks[k - 1]["seq"] > 1 and drafts[k].numbered), None) if last is not None else None
        if restart is not None:
            warnings.append(f"{len(found_tasks) - restart} item(s) after the task list assign no one: "
                            f"read as the notice's text")
            found_tasks, drafts = found_tasks[:restart], drafts[:restart]
    tasks = []
    seen: set[int] = set()
    for t, d in zip(found_tasks, drafts):
        task_id = f"t{t['seq']}"
        if t["seq"] in seen:
            if d.numbered:  # (an unnumbered sub-row of a table row shares its row's number)
                warnings.append(f"task number {t['seq']} appears more than once")
            task_id = f"t{t['seq']}-{t['span'].start}"
        seen.add(t["seq"])
        tasks.append(Task(id=task_id, **t))
    # The plan year: from the title or attachment title (2020年市政府工作报告…), else the date.
    for s in (meta.title, meta.attachment_title):
        if s and meta.year is None:
            m = NR.year_in_title.search(s)
            if m:
                meta.year = int(m[1])
    if meta.year is None and meta.signed_date:
        meta.year = int(meta.signed_date[:4])
    if meta.title is None and meta.attachment_title:
        meta.title = meta.attachment_title
        if "attachment_title" in meta.spans:
            meta.spans["title"] = meta.spans["attachment_title"]
    if not tasks:
        sent = NR.sent_list.search(fold(text[:COVER_CHARS]))
        if sent:
            warnings.append(f"no numbered tasks found: the text seems to hold only the cover letter; "
                            f"the list it sends (《{text[sent.start('name'):sent.end('name')]}》) is not in it")
        else:
            warnings.append("no numbered tasks found")
    figures = attach_figures(text, sections, tasks, doc_kind="notice", place=place_of(text, meta))
    return ParseResult(meta=meta, sections=sections, tasks=tasks, figures=figures, warnings=warnings)
