"""The 146 gold tasks of the seed notice (../shared/gold/tasks_001.jsonl) written out again in
the layouts real notices use (tests/fixtures/notices/corpus/SOURCES*.md records where each was
seen).  A reader that finds tasks by their structure reads every rendering the same; one tuned
to the seed's layout does not.

Each layout is a function from the gold rows to (text, expected rows).  Expected rows follow the
fixture rules (tests/fixtures/notices/README.md): where the first listed unit leads by a stated
rule, `units` is the whole list, lead first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold" / "tasks_001.jsonl"
TITLES = ("副市长", "常务副市长", "市长")
CN = "一二三四五六七八九十"


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def cn_num(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + (CN[n - 11] if n > 10 else "")
    return CN[n // 10 - 1] + "十" + (CN[n % 10 - 1] if n % 10 else "")


def units_text(r: dict, sep: str = "、") -> str:
    return sep.join(r["units"]) + "".join(r["units_open"])


def expect(r: dict, seq: int | None = None, first_listed: bool = False) -> dict:
    lead, units = list(r["lead_units"]), list(r["units"])
    if first_listed:
        units = lead + units
        lead = units[:1]
    return {"seq": seq if seq is not None else r["seq"], "leaders": r["leaders"], "lead_units": lead,
            "units": units, "units_open": r["units_open"]}


def _head() -> list[str]:
    return ["关于印发2020年市政府工作报告重点工作任务分解的通知", ""]


def _sections(rows: list[dict], emit: Callable[[dict, int], list[str]], heads=True) -> list[str]:
    out: list[str] = []
    last: list[str] = []
    for k, r in enumerate(rows):
        if heads:
            for lvl, s in enumerate(r["section"]):
                if lvl >= len(last) or last[lvl] != s:
                    out += [s, ""]
                    last = last[:lvl] + [s]
        out += emit(r, k)
    return out


def _all_units(r: dict) -> str:
    """Every unit of a task in one list, the lead first (for layouts where the first leads)."""
    return "、".join(r["lead_units"] + r["units"]) + "".join(r["units_open"])


def _lead_or_units(r: dict) -> list[tuple[str, str]]:
    out = []
    if r["lead_units"]:
        out.append(("牵头单位", "、".join(r["lead_units"])))
    if r["units"] or r["units_open"]:
        out.append(("责任单位", units_text(r)))
    return out


def _fields(r: dict, colon: str = "：", leader: str = "责任领导", co: str = "责任单位", spaced: bool = False) -> list[str]:
    """A task's field lines: its leaders, then its lead and co-units, each label written as the
    layout writes it (`co` names the co-unit field; `spaced` letter-spaces labels and names)."""
    def label(lab: str) -> str:
        return " ".join(lab) if spaced else lab
    leaders = (" " if spaced else "、").join(r["leaders"])
    return [label(leader) + colon + leaders] + [label(co if lab == "责任单位" else lab) + colon + v
                                                for lab, v in _lead_or_units(r)]


def _layout(rows: list[dict], emit: Callable[[dict, int], list[str]], body: list[str] | None = None,
            first_listed: bool = False) -> tuple[str, list[dict]]:
    """The title, an optional cover text, then every task as `emit` writes it under its headings."""
    text = "\n".join(_head() + (body or []) + _sections(rows, emit))
    return text, [expect(r, first_listed=first_listed) for r in rows]


def colon_lines(rows):
    """1．text / 责任领导:A / 牵头单位:X / 配合单位:Y (half-width colons, no blank lines)."""
    return _layout(rows, lambda r, k: [f"{r['seq']}．{r['text']}", *_fields(r, ":", "牵头领导", "配合单位")])


def padded_labels(rows):
    """Letter-spaced labels: `责 任 领 导 ： A`, `1、` numbering."""
    return _layout(rows, lambda r, k: [f"{r['seq']}、{r['text']}", "", *_fields(r, " ： ", spaced=True), ""])


def bracket_labels(rows):
    """`【责任领导】A【牵头单位】X【责任单位】Y` after the task sentence."""
    def emit(r, k):
        fields = "【责任领导】" + "、".join(r["leaders"]) + "".join(f"【{lab}】{v}" for lab, v in _lead_or_units(r))
        return [f"（{r['seq']}）{r['text']}", fields, ""]
    return _layout(rows, emit)


def multi_field_line(rows):
    """Several fields on one line separated by ideographic spaces."""
    return _layout(rows, lambda r, k: [f"{r['seq']}. {r['text']}", "\u3000\u3000".join(_fields(r)), ""])


def inline_paren(rows):
    """Fields in parentheses after the task sentence, separated by `；`."""
    return _layout(rows, lambda r, k: [f"{r['seq']}.{r['text']}（{'；'.join(_fields(r))}）", ""])


def _role_sentence(r: dict) -> str:
    parts = []
    if r["lead_units"]:
        parts.append("、".join(r["lead_units"]) + "牵头")
    if r["units"] or r["units_open"]:
        parts.append(units_text(r) + "配合")
    return "，".join(parts) + "。"


def leader_then_roles(rows):
    """A leader line, then a role sentence on the next line (`X牵头，Y、Z配合。`)."""
    return _layout(rows, lambda r, k: [f"{r['seq']}.{r['text']}", _fields(r)[0], _role_sentence(r), ""])


def _leader_groups(rows):
    """Rows grouped by their leaders, in first-seen order."""
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault(tuple(r["leaders"]), []).append(r)
    return list(groups.items())


def group_heading_leaders(rows):
    """Tasks grouped under headings naming their leaders (`（二）王新伟副市长牵头的重点工作`),
    numbering restarting in each group, role sentences on the task line."""
    out, exp = _head(), []
    for g, (leaders, rs) in enumerate(_leader_groups(rows), 1):
        out += [f"（{cn_num(g)}）" + "、".join(f"{n}同志" for n in leaders) + "牵头的重点工作", ""]
        for k, r in enumerate(rs, 1):
            out += [f"{k}.{r['text']}{_role_sentence(r)}", ""]
            exp.append(expect(r, seq=k))
    return "\n".join(out), exp


def group_heading_titles(rows):
    """`三、王新伟副市长负责的工作任务` headings, 由X牵头 on the next line, numbering running on."""
    out, exp, n = _head(), [], 0
    for g, (leaders, rs) in enumerate(_leader_groups(rows), 1):
        title = TITLES[g % len(TITLES)]
        out += [f"{cn_num(g)}、" + "、".join(leaders) + f"{title}负责的工作任务", ""]
        for r in rs:
            n += 1
            out += [f"{n}、{r['text']}", "由" + _role_sentence(r), ""]
            exp.append(expect(r, seq=n))
    return "\n".join(out), exp


def first_listed(rows):
    """Only `责任单位` lines; the body says the first listed unit leads (`排在首位的为牵头或汇总单位`)."""
    body = ["各区县人民政府，市政府各部门：", "现将任务分解印发给你们。责任单位中排在首位的为牵头或汇总单位，请认真落实。", ""]
    return _layout(rows, lambda r, k: [f"{r['seq']}.{r['text']}", _fields(r)[0], "责任单位：" + _all_units(r), ""],
                   body, first_listed=True)


def tab_table(rows):
    """A tab-separated table with a header row and group rows, no section numbering in rows."""
    out = _head() + ["序号\t重点工作任务\t责任领导\t牵头单位\t责任单位"]
    last = None
    for r in rows:
        if r["section"][0] != last:
            last = r["section"][0]
            out.append(last)
        out.append("\t".join([str(r["seq"]), r["text"], "、".join(r["leaders"]), "、".join(r["lead_units"]), units_text(r)]))
    return "\n".join(out), [expect(r) for r in rows]


def cell_per_line(rows):
    """A table pasted one cell per line, blank lines between cells, spaced header cells, `/` for an
    empty cell, leaders one per line."""
    out = _head() + ["序号", "", "重 点 工 作 任 务", "", "责任领导", "", "牵头单位", "", "责任单位", ""]
    last = None
    for r in rows:
        if r["section"][0] != last:
            last = r["section"][0]
            out += [last, ""]
        out += [str(r["seq"]), "", r["text"], ""]
        out += [*r["leaders"], ""]
        out += ["、".join(r["lead_units"]) or "/", "", units_text(r) or "/", ""]
    return "\n".join(out), [expect(r) for r in rows]


def _numbered_in_groups(rows, depth: int | None, number: Callable[[int], str]):
    """Tasks numbered from 1 again under each heading `depth` levels down (None: the deepest),
    only that heading printed, each task followed by its field lines."""
    out, exp = _head(), []
    last, k = None, 0
    for r in rows:
        group = tuple(r["section"][:depth])
        if group != last:
            last, k = group, 0
            out += [group[-1], ""]
        k += 1
        out += [number(k) + r["text"], *_fields(r), ""]
        exp.append(expect(r, seq=k))
    return "\n".join(out), exp


def cn_paren_tasks(rows):
    """Tasks numbered （一）（二）… under `一、` headings, with field lines."""
    return _numbered_in_groups(rows, 1, lambda k: f"（{cn_num(k)}）")


def circled(rows):
    """Circled numbers ①…⑳ restarting under each `（一）` heading."""
    return _numbered_in_groups(rows, None, lambda k: chr(0x2460 + k - 1))


def pdf_spaced(rows):
    """Numbers spaced by PDF extraction (`1 .`), labels with a space before the colon."""
    return _layout(rows, lambda r, k: [f"{r['seq']} . {r['text']}", *_fields(r, " ：")])


def unnumbered(rows):
    """Task paragraphs without any number, each followed by its field lines."""
    text, _ = _layout(rows, lambda r, k: [r["text"], *_fields(r), ""])
    return text, [expect(r, seq=k) for k, r in enumerate(rows, 1)]


def cells_missing_deadline(rows):
    """A table pasted one cell per line with a 完成时限 column, empty cells left out entirely
    (no `/`), the leader written only on the first row of each run of one leader (a merged
    cell), and group rows."""
    out = _head() + ["序号", "重点工作任务", "责任领导", "牵头单位", "责任单位", "完成时限"]
    last, last_leaders = None, None
    for r in rows:
        if r["section"][0] != last:
            last, last_leaders = r["section"][0], None
            out.append(last)
        out += [str(r["seq"]), r["text"]]
        if r["leaders"] != last_leaders:
            out += r["leaders"]
            last_leaders = r["leaders"]
        if r["lead_units"]:
            out.append("、".join(r["lead_units"]))
        if r["units"] or r["units_open"]:
            out.append(units_text(r))
        out.append("2020年12月底")
    return "\n".join(out), [expect(r) for r in rows]


def tab_no_number(rows):
    """A tab-separated table without a 序号 column (rows numbered by position)."""
    out = _head() + ["工作任务\t责任领导\t牵头单位\t配合单位\t完成时限"]
    for r in rows:
        out.append("\t".join([r["text"], "、".join(r["leaders"]), "、".join(r["lead_units"]), units_text(r), "年底前"]))
    return "\n".join(out), [expect(r, seq=k) for k, r in enumerate(rows, 1)]


def _traditional(text: str) -> str:
    from importlib import resources

    table = {}
    data = resources.files("opencc").joinpath("dictionary", "STCharacters.txt").read_text(encoding="utf-8")
    for line in data.splitlines():
        parts = line.split()
        if len(parts) >= 2 and len(parts[0]) == 1 and len(parts[1]) == 1:
            table[ord(parts[0])] = parts[1]
    return text.translate(table)


def traditional_colon_lines(rows):
    """The colon layout in traditional script (責任領導：, 牽頭單位：); names and units as written."""
    text, _ = colon_lines(rows)
    t = _traditional(text)
    exp = []
    for r in rows:
        e = expect(r)
        exp.append({k: ([_traditional(x) for x in v] if isinstance(v, list) else v) for k, v in e.items()})
    return t, exp


def web_page(rows):
    """The seed's layout inside a government web page: breadcrumb, bullet metadata, a title
    printed twice, share and print lines, a footer."""
    text, exp = padded_labels(rows)
    head = ["首页 > 政务公开 > 政府文件", "• 索引号：000014349/2020-00123", "• 发文字号：朔政办〔2020〕29号",
            "• 成文日期：2020年05月26日", "关于印发2020年市政府工作报告重点工作任务分解的通知", "分享到：", "【字体：大 中 小】"]
    tail = ["【打印本页】【关闭窗口】", "主办：朔宁市人民政府办公室", "网站标识码：4101000001"]
    return "\n".join(head + [text] + tail), exp


def leader_name_then_roles(rows):
    """A bare line of leaders' names, then a role sentence, after each task sentence."""
    return _layout(rows, lambda r, k: [f"{r['seq']}.{r['text']}", "、".join(r["leaders"]), _role_sentence(r), ""])


def first_listed_note(rows):
    """The first-listed rule as a note in the first task's unit list: `（列第一位者为牵头单位，下同）`."""
    def emit(r, k):
        note = "（列第一位者为牵头单位，下同）" if k == 0 else ""
        return [f"（{r['seq']}）{r['text']}", _fields(r)[0], "责任单位：" + _all_units(r) + note]
    return _layout(rows, emit, first_listed=True)


LAYOUTS: dict[str, Callable] = {f.__name__: f for f in (
    cells_missing_deadline, tab_no_number, traditional_colon_lines, web_page, leader_name_then_roles,
    first_listed_note,
    colon_lines, padded_labels, bracket_labels, multi_field_line, inline_paren, leader_then_roles,
    group_heading_leaders, group_heading_titles, first_listed, tab_table, cell_per_line,
    cn_paren_tasks, circled, pdf_spaced, unnumbered,
)}

FIELDS = ("leaders", "lead_units", "units", "units_open")


def score(layout: str, parse) -> tuple[int, int, list[tuple[dict, dict | None]]]:
    """(exact, total, misses) of one layout; a task is exact when its roles all match."""
    text, expected = LAYOUTS[layout](load_gold())
    doc = parse(text)
    got = [{"seq": t.seq, **{f: list(getattr(t, f)) for f in FIELDS}} for t in doc.tasks]
    misses = []
    exact = 0
    for k, e in enumerate(expected):
        g = got[k] if k < len(got) else None
        if g == e:
            exact += 1
        else:
            misses.append((e, g))
    return exact, len(expected), misses


if __name__ == "__main__":
    import sys

    from zzgov.api import parse_text

    total_ok = total = 0
    for name in LAYOUTS:
        ok, n, misses = score(name, lambda t: parse_text(t, kind="notice"))
        total_ok += ok
        total += n
        print(f"{name:24s} {ok:4d}/{n}")
        if "-v" in sys.argv and misses:
            e, g = misses[0]
            print("   expected", e, "\n   got     ", g)
    print(f"{'all':24s} {total_ok:4d}/{total}")
