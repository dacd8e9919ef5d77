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

import re
from dataclasses import dataclass, field

import regex

from zzgov.models import Meta, Requirement, Span, Task
from zzgov.parsers.base import ParseResult
from zzgov.parsers.common import (
    DOC_NUMBER,
    HEADING_L1,
    HEADING_L2,
    ITEM_ARABIC,
    ITEM_PAREN,
    SENTENCE_END,
    SectionTree,
    iso_date,
    set_meta,
)
from zzgov.parsers.figures_link import attach_figures
from zzgov.text import Line, clean, fold, split_lines
from zzgov.text.script import any_of, compile_re
from zzgov.units import split_leaders, split_list, split_units
from zzgov.units.names import CLAUSE_SEPARATORS, ORG_END, is_collective

# ---------------------------------------------------------------------------------------
# Vocabularies

# Field labels -> the Task field they fill. Real notices use all of these.
FIELD_LABELS: dict[str, str] = {
    # leaders: 责任领导：王新伟 / 牵头领导：吴福民 史占勇
    "责任领导": "leaders", "牵头领导": "leaders", "分管领导": "leaders", "联系领导": "leaders",
    "责任市领导": "leaders", "牵头市领导": "leaders", "分管市领导": "leaders", "市级领导": "leaders",
    "牵头市级领导": "leaders", "责任领导同志": "leaders", "领导": "leaders",
    # lead units: 牵头单位：市发展改革委
    "牵头单位": "lead", "牵头部门": "lead", "主责单位": "lead", "主办单位": "lead", "牵头责任单位": "lead",
    # co-responsible units: 责任单位 / 配合单位 / 协办单位
    "责任单位": "units", "配合单位": "units", "协办单位": "units", "参与单位": "units",
    "协同单位": "units", "责任部门": "units", "配合部门": "units", "协助单位": "units",
    # deadlines: 完成时限：2020年12月底
    "完成时限": "deadlines", "时间节点": "deadlines", "完成时间": "deadlines", "时限要求": "deadlines",
    "完成期限": "deadlines", "办结时限": "deadlines",
}
_LABEL_ALT = "|".join(sorted(map(regex.escape, FIELD_LABELS), key=len, reverse=True))
# A label followed by a colon, possibly in 【】 or [] (folded text: ：→:).
FIELD_AT = regex.compile(rf"[【\[]?(?P<label>{_LABEL_ALT})[】\]]?\s*:\s*")
FIELD_LINE = compile_re(rf"^[【\[]?(?:{_LABEL_ALT})[】\]]?\s*:")
# Inline fields closing a task sentence: `…。（牵头单位：X；配合单位：Y）`.
INLINE_FIELDS = regex.compile(
    rf"\(\s*(?P<body>(?:{_LABEL_ALT})\s*:(?:[^()]|\([^()]*\))*+)\)\s*[。.;；]?\s*$"
)

# Table header cells -> field (序号 重点工作任务 责任领导 牵头单位 配合单位 完成时限).
TABLE_COLUMNS: dict[str, str] = {
    "序号": "seq", "编号": "seq",
    "重点工作任务": "text", "工作任务": "text", "任务内容": "text", "重点任务": "text",
    "主要任务": "text", "工作内容": "text", "具体任务": "text", "任务": "text",
    **FIELD_LABELS,
}
# Cells of a flattened table row: tabs (empty cells kept), else runs of 2+ blanks.
TABLE_BLANK_SPLIT = regex.compile(r"[ \u3000]{2,}")


def _table_cells(raw: str) -> list[str]:
    """Cells of one row as written; with tabs, empty cells keep their column."""
    if "\t" in raw:
        return [c.strip(" \u3000") for c in raw.split("\t")]
    return [c.strip() for c in TABLE_BLANK_SPLIT.split(raw.strip())]

# The stated rule that the first unit of a 责任单位 list leads (列第一位者为牵头单位，下同).
FIRST_UNIT_LEADS = regex.compile(
    r"(?:列|排|位)(?:在|于)?(?:第一|首)位(?:者|的)?(?:单位)?(?:为|是)牵头(?:单位|部门)"
    r"|第一(?:个|家)?(?:单位|部门)(?:为|是)牵头(?:单位|部门)"
    r"|首位(?:单位|部门)?(?:为|是)牵头"
)

# The role verb closing each clause of a role sentence: `市发展改革委、市财政局分别牵头，
# 市税务局配合`, `由X牵头，Y配合。`, `X按职责分工分别牵头`, `各区县人民政府负责`.
ROLE_VERB = regex.compile(
    r"(?:按职责分工)?(?:分别|共同)?(?:负责)?牵头(?:负责|落实|推进|抓总)?$"
    r"|(?:按职责分工)?(?:配合|参与|协助|协办|共同推进|负责|落实)(?:落实)?$"
)
# A note in a unit list restating the first-unit rule: （列第一位者为牵头单位，下同）
# Linear: the bracketed run is read once (possessively) and its words checked by a lookahead
# that commits to the first 第一位 (a 牵头 after any of them is after the first); the plain
# `[(（][^()（）]*(?:第一位…)[^()（）]*牵头[^()（）]*[)）]` backtracked quadratically when the
# bracket never closed. A test checks the two agree.
RULE_NOTE = regex.compile(r"[(（](?=(?>[^()（）]*?(?:第一位|首位|第一个))[^()（）]*?牵头)[^()（）]*+[)）]")

# Leaders named once in a group heading: 一、于会游市长主抓重点工作 / 二、张建国副市长负责.
GROUP_LEADER = regex.compile(
    r"^(?P<name>\p{Han}{2,3}?)(?:同志)?(?P<title>(?:常务)?副?(?:省|市|区|县|州)长|(?:副)?秘书长|(?:副)?主任)"
    r"(?:同志)?(?:主抓|负责|分管|牵头|联系)"
)

# 公文 elements.
HEADER_LINE = regex.compile(r"^(?P<org>\p{Han}[\p{Han}()（）、\s]{2,40}?)\s*文件$")  # 郑州市人民政府办公厅文件
# The 文种 word a 公文 title ends with (…的通知, …分工意见, …任务分解表).
DOC_KIND_WORDS = r"(?:通知|意见|方案|决定|办法|通报|批复|规定|计划|函|报告|分解|分工|清单|安排|要点|细则|表|台账)"
TITLE_END = regex.compile(rf"{DOC_KIND_WORDS}$")
# Bulleted page metadata: • 发布机构: … / 成文日期: … (web copies of notices)
META_BULLET = regex.compile(r"^[•·\-*]?\s*(?:文号|发文字号|索引号|发布机构|发文机关|成文日期|发布日期|主题分类|公文种类|有效性|来源|发布时间)\s*:")
RECIPIENTS_LINE = regex.compile(r"^(?P<body>[^:]{2,200}?)\s*:$")
STANDALONE_DATE = compile_re(
    r"^(?:(?P<org>\p{Han}[\p{Han}()（）]{2,40}?)\s+)?"
    r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[零〇○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)$"
)
PRINTED_LINE = compile_re(r"^(?:(?P<org>\p{Han}[\p{Han}()（）]{2,40}?)\s+)?(?P<date>.+?日)\s*印发$")
TAIL_LABEL = compile_re(r"^(?P<label>抄送|主办|督办|承办|抄报|主送)\s*:\s*(?P<value>.*)$")
# An organ's name alone on a line (signature, 印发机关): 郑州市人民政府办公厅
ORG_LINE = compile_re(r"\p{Han}[\p{Han}()]{2,30}")
# Several deadlines in one field: 2021年6月底、2021年12月底
DEADLINE_SPLIT = regex.compile(r"[;；、]")
# The 序号 cell of a table row
ROW_NUMBER = regex.compile(r"\d{1,4}")
# A task sentence closed after its inline-fields bracket: …30万人次（牵头单位：…）。
SENTENCE_CLOSE = regex.compile(r"[。.]\s*$")
# Web-page chrome around a notice copied from a government site (footer and viewer buttons).
CHROME_LINE = compile_re(
    r"^(?:【\s*(?:打印本页|关闭窗口|打印|关闭|收藏|字号|纠错)|打印本页|关闭窗口|扫一扫|网站标识码|ICP备|"
    r"\p{Han}ICP备|相关文件\s*:|相关链接|相关文章|分享到|浏览次数|访问量|首页\s*>|当前位置\s*:)"
)
PUBLIC_NOTE = compile_re(r"^\(此件(?:公开发布|不公开|依申请公开)\)$")  # （此件公开发布）
# Any line that opens the part after the task list, in one pattern: the task loop asks this
# of every line, and one call costs a fifth of five.
TAIL_START = any_of(TAIL_LABEL, PRINTED_LINE, STANDALONE_DATE, CHROME_LINE, PUBLIC_NOTE)
ATTACHMENT_LINE = regex.compile(r"^附件\s*\d*\s*[:.、]?\s*(?P<title>.*)$")
DOC_NUMBER_BULLET = regex.compile(r"^[•·\-*]?\s*(?:文号|发文字号|索引号)\s*:")
YEAR_IN_TITLE = regex.compile(r"((?:19|20)\d{2})\s*年")


@dataclass
class _Field:
    role: str
    start: int  # original offset of the value
    end: int


@dataclass
class _TaskDraft:
    seq: int
    start: int  # offset of the number
    text_start: int
    text_end: int
    section: str | None
    group_leaders: list[str]
    fields: list[_Field] = field(default_factory=list)
    end: int = 0
    # table rows: column text by role, in pieces joined once the task is built (adding to a
    # string per continuation line made a row continued over thousands of lines quadratic)
    cells: dict[str, list[str]] | None = None


# ---------------------------------------------------------------------------------------
# Lines


def _folded_lines(text: str, folded: str) -> list[tuple[Line, str]]:
    """Lines with their width-folded text, sliced from the document folded once (fold keeps
    every character's position)."""
    return [(ln, folded[ln.start:ln.end]) for ln in split_lines(text)]


def _ends_sentence(s: str) -> bool:
    return bool(s) and s[-1] in SENTENCE_END


# ---------------------------------------------------------------------------------------
# Meta


def _clean_str(text: str, start: int, end: int) -> str:
    return clean(text, start, end).text


def _find_meta(text: str, lines: list[tuple[Line, str]], meta: Meta) -> tuple[int, int]:
    """Fill 公文 head elements; return (index of the first body line, index of the 成文日期
    line or -1)."""
    n = len(lines)
    head_limit = min(n, 40)
    body_from = 0
    # 版头 …文件 and 发文字号 near the top.
    for i in range(head_limit):
        ln, f = lines[i]
        m = HEADER_LINE.match(f)
        if m and not meta.issuer:
            set_meta(meta, "issuer", _clean_str(text, ln.start, ln.start + len(m["org"])), ln.start, ln.start + len(m["org"]))
            body_from = max(body_from, i + 1)
            continue
        if not meta.doc_number:
            m = DOC_NUMBER.search(f)
            if m and (len(f) <= len(m["num"]) + 12 or DOC_NUMBER_BULLET.match(f)):
                s = ln.start + m.start("num")
                set_meta(meta, "doc_number", _clean_str(text, s, ln.start + m.end("num")), s, ln.start + m.end("num"))
                body_from = max(body_from, i + 1)
    # Title: up to four short lines (an organ's name, 关于…, …的通知) ending in the kind word.
    title_idx = None
    for i in range(body_from, head_limit):
        f = lines[i][1]
        if _skip_head_line(f):
            continue
        end_j = _title_end(lines, i)
        if end_j is not None:
            title_idx = end_j
            set_meta(meta, "title", _clean_str(text, lines[i][0].start, lines[end_j][0].end), lines[i][0].start, lines[end_j][0].end)
            if _is_org_line(f) and end_j > i and lines[i + 1][1].startswith("关于") and meta.issuer is None:
                set_meta(meta, "issuer", f, lines[i][0].start, lines[i][0].end)
            body_from = end_j + 1
            break
    # 主送机关: a line ending with a colon right after the title.
    if title_idx is not None:
        for i in range(body_from, min(n, body_from + 3)):
            ln, f = lines[i]
            m = RECIPIENTS_LINE.match(f)
            if m and not FIELD_LINE.match(f):
                set_meta(meta, "recipients", split_list(_clean_str(text, ln.start, ln.end).rstrip(":："), CLAUSE_SEPARATORS), ln.start, ln.end)
                body_from = i + 1
                break
    # 成文日期: the first line holding only a date (optionally after the issuing organ).
    signed_idx = -1
    for i in range(body_from, n):
        ln, f = lines[i]
        if ITEM_ARABIC.match(f) or FIELD_LINE.match(f):
            break  # the tasks began before any signature
        if STANDALONE_DATE.match(f):
            signed_idx = i
            set_meta(meta, "signed_date", iso_date(f), ln.start, ln.end)
            break
    return body_from, signed_idx


def _skip_head_line(f: str) -> bool:
    """Head lines that are never the title: chrome, bullets, field lines, long sentences."""
    return bool(
        FIELD_LINE.match(f) or HEADING_L1.match(f) or DOC_NUMBER_BULLET.match(f) or CHROME_LINE.match(f)
        or META_BULLET.match(f) or len(f) > 60 or "。" in f
    )


def _title_end(lines: list[tuple[Line, str]], i: int) -> int | None:
    """Index of the last line of a title starting at line i, or None if none starts there."""
    joined = ""
    found = None
    for j in range(i, min(i + 4, len(lines))):
        f = lines[j][1]
        if j > i and (_skip_head_line(f) or RECIPIENTS_LINE.match(f) or DOC_NUMBER.search(f)
                      or STANDALONE_DATE.match(f) or ITEM_ARABIC.match(f)):
            break
        joined += f
        if len(joined) > 120:
            break
        if TITLE_END.search(joined):
            found = j  # keep going: `…工作报告` may wrap onto `…任务分解的通知`
        elif j == i and not (_is_org_line(f) or "关于" in f):
            return None  # a title that wraps starts with the organ or with 关于
    return found


def _is_org_line(f: str) -> bool:
    return bool(ORG_LINE.fullmatch(f)) and bool(ORG_END.search(f))


def _read_tail(text: str, lines: list[tuple[Line, str]], tail_idx: int, meta: Meta) -> None:
    i = tail_idx
    n = len(lines)
    while i < n:
        ln, f = lines[i]
        m = TAIL_LABEL.match(f)
        p = PRINTED_LINE.match(f)
        if m:
            value_start = ln.start + m.start("value")
            value_end = ln.end
            j = i + 1
            # 抄送 lists run on over several lines until the next label or the 印发 line.
            while j < n and not TAIL_LABEL.match(lines[j][1]) and not PRINTED_LINE.match(lines[j][1]):
                if j + 1 < n and PRINTED_LINE.match(lines[j + 1][1]) and _is_org_line(lines[j][1]):
                    break
                value_end = lines[j][0].end
                j += 1
            value = _clean_str(text, value_start, value_end)
            label = m["label"]
            if label in ("抄送", "抄报"):
                # 抄送 entries end a line with 。 between groups: `郑州警备区。市人大常委会办公厅`
                # (extended in place: a new list per 抄送 line made thousands of lines quadratic)
                meta.cc.extend(x for part in value.split("。") for x in split_list(part, CLAUSE_SEPARATORS))
                set_meta(meta, "cc", meta.cc, value_start, value_end)
            elif label == "主办":
                set_meta(meta, "sponsor", value.rstrip("。"), value_start, value_end)
            elif label == "督办":
                set_meta(meta, "supervisor", value.rstrip("。"), value_start, value_end)
            i = j
            continue
        if p:
            set_meta(meta, "printed_date", iso_date(f), ln.start, ln.end)
            if p["org"]:
                set_meta(meta, "printed_by", _clean_str(text, ln.start, ln.start + len(p["org"])), ln.start, ln.start + len(p["org"]))
            elif i > 0 and _is_org_line(lines[i - 1][1]):
                set_meta(meta, "printed_by", lines[i - 1][1], lines[i - 1][0].start, lines[i - 1][0].end)
        elif STANDALONE_DATE.match(f) and meta.signed_date is None:
            # A signature after the task list: the organ's name above (or before) the date.
            set_meta(meta, "signed_date", iso_date(f), ln.start, ln.end)
            d = STANDALONE_DATE.match(f)
            if meta.issuer is None:
                if d["org"]:
                    set_meta(meta, "issuer", d["org"], ln.start, ln.start + len(d["org"]))
                elif i > 0 and _is_org_line(lines[i - 1][1]):
                    set_meta(meta, "issuer", lines[i - 1][1], lines[i - 1][0].start, lines[i - 1][0].end)
        i += 1


# ---------------------------------------------------------------------------------------
# Fields


def _field_spans(f: str, ln: Line) -> list[_Field]:
    """Every `label: value` on one line (several may share a line)."""
    hits = list(FIELD_AT.finditer(f))
    out = []
    for k, m in enumerate(hits):
        end = hits[k + 1].start() if k + 1 < len(hits) else len(f)
        out.append(_Field(FIELD_LABELS[m["label"]], ln.start + m.end(), ln.start + end))
    return out


# An organisation name is short and holds no sentence punctuation.
MAX_UNIT_CHARS = 30


def _looks_like_units(items: list[str]) -> bool:
    return bool(items) and all(
        len(x) <= MAX_UNIT_CHARS and not any(p in x for p in "。！？!?:：") and (ORG_END.search(x) or is_collective(x))
        for x in items
    )


def _role_clause(clause: str) -> tuple[bool, list[str], list[str]] | None:
    """One clause `X、Y分别牵头` / `由X牵头` / `Z等部门配合` -> (leads?, units, open tails), or None
    when it is not a unit list closed by a role verb."""
    clause = clause.strip().rstrip("。.")
    if clause.startswith("由"):
        clause = clause[1:]
    m = ROLE_VERB.search(clause)
    if not m or m.start() == 0:
        return None
    units, tails = split_units(clause[: m.start()])
    if not _looks_like_units(units):
        return None
    return "牵头" in m.group(), units, tails


def _collect_roles(clauses: list[tuple[bool, list[str], list[str]]]) -> tuple[list[str], list[str], list[str]] | None:
    lead: list[str] = []
    co: list[str] = []
    opn: list[str] = []
    for leads, units, tails in clauses:
        (lead if leads else co).extend(units)
        opn.extend(tails)
    return (lead, co, opn) if lead else None


def _roles_from_sentence(s: str) -> tuple[list[str], list[str], list[str]] | None:
    """`X、Y分别牵头，Z配合，W负责` -> (lead units, co units, open tails), or None unless every
    clause is a unit list with a role verb and one of them leads."""
    parsed = []
    for clause in split_list(s.strip().rstrip("。. "), CLAUSE_SEPARATORS):
        c = _role_clause(clause)
        if c is None:
            return None
        parsed.append(c)
    return _collect_roles(parsed)


@dataclass
class _Roles:
    leaders: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    open: list[str] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)
    # the leaders met so far, for the duplicate test (a list scan made a task naming
    # thousands of leaders quadratic)
    seen_leaders: set[str] = field(default_factory=set)

    def add(self, role: str, value: str) -> None:
        value = value.strip().rstrip("。;；,，")
        if not value:
            return
        if role == "leaders":
            for x in split_leaders(value):
                if x not in self.seen_leaders:
                    self.seen_leaders.add(x)
                    self.leaders.append(x)
        elif role == "deadlines":
            self.deadlines.extend(x for x in (v.strip() for v in DEADLINE_SPLIT.split(value)) if x)
        else:
            value = RULE_NOTE.sub("", value)
            if "牵头" in value:
                roles = _roles_from_sentence(value)
                if roles:
                    lead, co, opn = roles
                    self.lead.extend(lead)
                    self.units.extend(co)
                    self.open.extend(opn)
                    return
            units, opn = split_units(value)
            (self.lead if role == "lead" else self.units).extend(units)
            self.open.extend(opn)


# ---------------------------------------------------------------------------------------
# The task list


def _table_header(f: str) -> dict[int, str] | None:
    cells = _table_cells(f)
    if len(cells) < 3:
        return None
    roles = {}
    for k, c in enumerate(cells):
        c = c.replace(" ", "")
        if c in TABLE_COLUMNS:
            roles[k] = TABLE_COLUMNS[c]
    if len(roles) >= 3 and "text" in roles.values():
        return roles
    return None


def _parse_region(
    text: str, lines: list[tuple[Line, str]], first_unit_leads: bool
) -> tuple[SectionTree, list[_TaskDraft], int]:
    """Sections and task drafts of the task list; also the index of the line where the
    part after the list (抄送, 印发, signature, footer) begins."""
    tree = SectionTree()
    drafts: list[_TaskDraft] = []
    group_leaders: list[str] = []
    cur: _TaskDraft | None = None
    header: dict[int, str] | None = None
    col = 0  # table column the current row's last line ended in
    in_fields = False
    last_heading = None  # (section, line) of a heading that may wrap onto the next line

    def close() -> None:
        nonlocal cur, in_fields
        if cur is not None:
            drafts.append(cur)
        cur = None
        in_fields = False

    stop = len(lines)
    task_marker = _task_marker(lines)
    for i, (ln, f) in enumerate(lines):
        if cur is not None and _starts_tail(lines, i):
            stop = i
            break
        # Table rows, once a header row was seen.
        if header is None:
            header = _table_header(f) if ("\t" in ln.text or "  " in ln.text or "\u3000\u3000" in ln.text) else None
            if header is not None:
                close()
                continue
        else:
            raw = text[ln.start:ln.end]
            cells = _table_cells(raw)
            first = fold(cells[0]) if cells else ""
            if ROW_NUMBER.fullmatch(first) and "seq" in header.values():
                close()
                cur = _TaskDraft(int(first), ln.start, ln.start, ln.end, _cur_sec(tree), list(group_leaders))
                cur.cells = {}
                col = _fill_cells(cur.cells, cells, header, 0)
                cur.end = ln.end
                continue
            if cur is not None and cur.cells is not None and not HEADING_L1.match(f) and not HEADING_L2.match(f):
                # A wrapped row goes on in the column where the last line stopped; a lone
                # cell after a complete row is the rest of the (longest) task-text cell.
                if col >= max(header) and len([c for c in cells if c]) == 1:
                    cur.cells.setdefault("text", []).append(next(c for c in cells if c))
                else:
                    col = _fill_cells(cur.cells, cells, header, col)
                cur.end = ln.end
                continue
        m1 = HEADING_L1.match(f)
        m2 = HEADING_L2.match(f)
        mt = task_marker.match(f)
        m3 = ITEM_ARABIC.match(f) if task_marker is ITEM_PAREN else None
        is_field = bool(FIELD_LINE.match(f))
        continuing_text = cur is not None and not in_fields and not _ends_sentence(_last_text(text, cur))
        if (m1 or m2) and not (continuing_text and not _plausible_heading(f)):
            close()
            m = m1 or m2
            level = 1 if m1 else 2
            label = m["label"] if m1 else ln.text[: ln.text.index(m["label"]) + len(m["label"]) + 1].strip()
            title = _clean_str(text, ln.start + m.start("title"), ln.end)
            sec = tree.add(level, m["label"] if m1 else label, title, ln.start, ln.end)
            last_heading = sec
            if level == 1:
                g = GROUP_LEADER.match(fold(title))
                group_leaders = [g["name"]] if g else []
            continue
        if m3 and _plausible_heading(f) and not continuing_text:
            # Tasks numbered （1）: the `1.` lines above them are third-level headings.
            close()
            last_heading = tree.add(3, m3["label"], _clean_str(text, ln.start + m3.start("title"), ln.end), ln.start, ln.end)
            continue
        if mt and _plausible_task(mt, cur, drafts, continuing_text):
            close()
            seq = int(mt["label"])
            ts = ln.start + mt.start("title")
            cur = _TaskDraft(seq, ln.start, ts, ln.end, _cur_sec(tree), list(group_leaders), end=ln.end)
            last_heading = None
            continue
        if is_field and cur is not None:
            in_fields = True
            cur.fields.extend(_field_spans(f, ln))
            cur.end = ln.end
            continue
        # A continuation line: of a field value, of the task text, or of a heading title.
        if cur is not None:
            if in_fields and cur.fields:
                cur.fields[-1].end = ln.end
            else:
                cur.text_end = ln.end
            cur.end = ln.end
            continue
        if last_heading is not None and not _ends_sentence(last_heading.title) \
                and len(last_heading.title) <= MAX_WRAPPED_TITLE_CHARS:
            last_heading.title = _clean_str(text, last_heading.span.start, ln.end)
            last_heading.title = last_heading.title[len(last_heading.label):].lstrip("、.． ")
            last_heading.span.end = ln.end
            continue
    close()
    return tree, drafts, stop


# A heading title wraps onto a line or two; one already this long takes no more lines
# (each extension re-cleans the title, so an unbounded run of them was quadratic).
MAX_WRAPPED_TITLE_CHARS = 120


def _starts_tail(lines: list[tuple[Line, str]], i: int) -> bool:
    """Whether line i opens the part after the task list: 抄送/主办 lines, the 印发 line,
    a closing signature and date, or web-page footer chrome."""
    f = lines[i][1]
    if TAIL_START.match(f):
        return True
    if i + 1 < len(lines) and _is_org_line(f):
        nxt = lines[i + 1][1]
        return bool(STANDALONE_DATE.match(nxt) or PRINTED_LINE.match(nxt))
    return False


def _task_marker(lines: list[tuple[Line, str]]) -> re.Pattern[str]:
    """Which numbering marks tasks: `1.` (the usual) or `（1）` (when `1.` are sub-headings).
    The marker that most field lines follow wins; without field lines, `1.` unless only
    `（1）` items exist."""
    votes = {ITEM_ARABIC: 0, ITEM_PAREN: 0}
    seen = {ITEM_ARABIC: 0, ITEM_PAREN: 0}
    last = None
    for _ln, f in lines:
        if ITEM_ARABIC.match(f):
            last = ITEM_ARABIC
            seen[ITEM_ARABIC] += 1
        elif ITEM_PAREN.match(f):
            last = ITEM_PAREN
            seen[ITEM_PAREN] += 1
        elif last is not None and FIELD_LINE.match(f):
            votes[last] += 1
            last = None
    if votes[ITEM_PAREN] > votes[ITEM_ARABIC] or (not seen[ITEM_ARABIC] and seen[ITEM_PAREN] and not any(votes.values())):
        return ITEM_PAREN
    return ITEM_ARABIC


def _cur_sec(tree: SectionTree) -> str | None:
    sec = tree.current()
    return sec.id if sec else None


def _last_text(text: str, d: _TaskDraft) -> str:
    return text[max(d.text_start, d.text_end - 4): d.text_end].strip()


def _plausible_heading(f: str) -> bool:
    """A heading line is short and has no sentence inside (a wrapped `一体化…` is not one)."""
    return len(f) <= 60 and "。" not in f[:-1]


def _plausible_task(m: re.Match[str], cur: _TaskDraft | None, drafts: list[_TaskDraft], continuing: bool) -> bool:
    """`N.` starts a task unless it is a wrapped line inside unfinished text that does not
    continue the numbering (`2.5万亩` is excluded by the pattern itself)."""
    seq = int(m["label"])
    prev = cur.seq if cur is not None else (drafts[-1].seq if drafts else 0)
    if seq == prev + 1 or seq == 1:
        return True
    return not continuing


def _fill_cells(row: dict[str, list[str]], cells: list[str], header: dict[int, str], col: int) -> int:
    """Append cells to the row's columns starting at `col`; return the last column written."""
    last = col
    for k, c in enumerate(cells):
        idx = col + k
        role = header.get(idx)
        if c and role and role != "seq":
            row.setdefault(role, []).append(c)
        if c:
            last = idx
    return last


# ---------------------------------------------------------------------------------------
# Drafts -> Task records


def _build_task(text: str, d: _TaskDraft, first_unit_leads: bool) -> Task:
    roles = _Roles()
    if d.cells is not None:
        body = "".join(d.cells.get("text", ()))
        task_text = clean(body).text
        for role, pieces in d.cells.items():
            if role in ("text", "seq"):
                continue
            roles.add(role, "".join(pieces))
    else:
        c = clean(text, d.text_start, d.text_end)
        task_text = c.text
        m = INLINE_FIELDS.search(c.folded)
        if m:
            body = c.text[m.start("body"): m.end("body")]
            _inline_roles(body, roles)
            closing = "。" if SENTENCE_CLOSE.search(c.folded[m.start():]) and not c.folded[: m.start()].rstrip().endswith(("。", ".")) else ""
            task_text = c.text[: m.start()].rstrip() + closing
        for fl in d.fields:
            keep = fl.role == "leaders"
            roles.add(fl.role, clean(text, fl.start, fl.end, keep_blanks=keep).text)
        if not roles.lead and not roles.units:
            task_text = _strip_role_sentence(task_text, roles)
    if not roles.leaders and d.group_leaders:
        roles.leaders = list(d.group_leaders)
    if first_unit_leads and not roles.lead and roles.units:
        roles.lead = [roles.units[0]]
    return Task(
        id=f"t{d.seq}",
        seq=d.seq,
        section=d.section,
        text=task_text,
        leaders=roles.leaders,
        lead_units=_dedupe(roles.lead),
        units=_dedupe(roles.units),
        units_open=_dedupe(roles.open),
        deadlines=roles.deadlines,
        span=Span(start=d.start, end=max(d.end, d.text_end)),
    )


def _inline_roles(body: str, roles: _Roles) -> None:
    fb = fold(body)
    hits = list(FIELD_AT.finditer(fb))
    for k, m in enumerate(hits):
        end = hits[k + 1].start() if k + 1 < len(hits) else len(fb)
        roles.add(FIELD_LABELS[m["label"]], body[m.end(): end].strip().rstrip(";；,，"))


def _strip_role_sentence(task_text: str, roles: _Roles) -> str:
    """Move closing role clauses (`…，市大数据局牵头，市政务服务办配合。`) into the roles and
    cut them from the task text, keeping the 。 of the sentence before them.

    The role part is the longest run of role clauses at the end of the text; it is found by
    one walk back over the clauses, so the cost stays linear in the text."""
    body = task_text.rstrip("。. ")
    bounds = [0] + [m.end() for m in CLAUSE_BREAK.finditer(body)]
    ends = [m.start() for m in CLAUSE_BREAK.finditer(body)] + [len(body)]
    suffix: list[tuple[bool, list[str], list[str]]] = []
    cut = None
    for k in range(len(bounds) - 1, -1, -1):
        c = _role_clause(body[bounds[k]:ends[k]])
        if c is None:
            break
        suffix.append(c)
        cut = bounds[k]
    if cut is None:
        return task_text
    found = _collect_roles(suffix[::-1])
    if not found:
        return task_text
    lead, co, opn = found
    roles.lead.extend(lead)
    roles.units.extend(co)
    roles.open.extend(opn)
    head = body[:cut].rstrip("，,；; ")
    return head + ("" if head.endswith("。") else "。") if head else ""


# Where a role clause may begin inside a task's last sentence.
CLAUSE_BREAK = regex.compile(r"[,，;；。]")


def _dedupe(xs: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in xs:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


# ---------------------------------------------------------------------------------------
# Entry point


def parse_notice(text: str) -> ParseResult:
    folded = fold(text)
    lines = _folded_lines(text, folded)
    meta = Meta()
    warnings: list[str] = []
    body_from, signed_idx = _find_meta(text, lines, meta)
    end_idx = len(lines)
    first_unit_leads = bool(FIRST_UNIT_LEADS.search(folded))

    # The task list is the attachment after the 成文日期 when there is one; the notice's own
    # numbered requirements (一、项目化推进 …) before it are kept in meta.requirements.
    region_from = body_from
    if signed_idx >= 0:
        for ln, f in lines[body_from:signed_idx]:
            m = HEADING_L1.match(f)
            if m and _plausible_heading(f):
                meta.requirements.append(
                    Requirement(label=m["label"], title=_clean_str(text, ln.start + m.start("title"), ln.end),
                                span=Span(start=ln.start, end=ln.end))
                )
        region_from = signed_idx + 1
        if meta.issuer is None and signed_idx > 0:
            m = STANDALONE_DATE.match(lines[signed_idx][1])
            if m and m["org"]:
                ln = lines[signed_idx][0]
                set_meta(meta, "issuer", m["org"], ln.start, ln.start + len(m["org"]))
            elif _is_org_line(lines[signed_idx - 1][1]):
                ln = lines[signed_idx - 1][0]
                set_meta(meta, "issuer", lines[signed_idx - 1][1], ln.start, ln.end)
        # Attachment title: `附件` line and/or the title line before the first heading.
        i = region_from
        while i < end_idx:
            ln, f = lines[i]
            a = ATTACHMENT_LINE.match(f)
            if a:
                if a["title"]:
                    set_meta(meta, "attachment_title", _clean_str(text, ln.start + a.start("title"), ln.end), ln.start + a.start("title"), ln.end)
                i += 1
                continue
            if HEADING_L1.match(f) or HEADING_L2.match(f) or ITEM_ARABIC.match(f) or _table_header(f):
                break
            if meta.attachment_title is None:
                set_meta(meta, "attachment_title", _clean_str(text, ln.start, ln.end), ln.start, ln.end)
            i += 1
        region_from = i
    region = lines[region_from:end_idx]
    tree, drafts, stop = _parse_region(text, region, first_unit_leads)
    if region_from + stop < len(lines):
        _read_tail(text, lines, region_from + stop, meta)
    region = region[:stop]
    region_end = region[-1][0].end if region else len(text)
    sections = tree.finalize(region_end)
    tasks = [_build_task(text, d, first_unit_leads) for d in drafts]
    seen: set[int] = set()
    for t in tasks:
        if t.seq in seen:
            warnings.append(f"task number {t.seq} appears more than once")
            t.id = f"t{t.seq}-{t.span.start}"
        seen.add(t.seq)
    # The plan year: from the title or attachment title (2020年市政府工作报告…), else the date.
    for s in (meta.title, meta.attachment_title):
        if s and meta.year is None:
            m = YEAR_IN_TITLE.search(s)
            if m:
                meta.year = int(m[1])
    if meta.year is None and meta.signed_date:
        meta.year = int(meta.signed_date[:4])
    if meta.title is None and meta.attachment_title:
        meta.title = meta.attachment_title
        if "attachment_title" in meta.spans:
            meta.spans["title"] = meta.spans["attachment_title"]
    if not tasks:
        warnings.append("no numbered tasks found")
    figures = attach_figures(text, sections, tasks, doc_kind="notice")
    return ParseResult(meta=meta, sections=sections, tasks=tasks, figures=figures, warnings=warnings)
