"""Documents in, one self-contained HTML page out.

Input: Documents, the decoded source text of each (None when not found) and, optionally,
target → actual pairs from `zzgov.track.track_documents`.  Output: an HTML string with
inline CSS, inline SVG charts and a little vanilla JavaScript, no URL of any kind, so the page
works offline and prints cleanly.  Each source text is embedded once, as JSON in a
<script type="application/json">, and the page slices it by a record's span to show where the
record came from.  The same input always gives the same bytes (no timestamps, stable order).

Units are shown and filtered by their canonical names (`zzgov units`, units.registry); the
spellings a document used are aliases the unit filter also accepts.  Each task row has an
anchor named after its document and task (`#001_87fdf972b4e7a4f0-t12`) that stays the same
whichever other documents are in the report.  The page's size is proportional to its input:
each target is shown with at most one actual, the best any document reported.

>>> from zzgov.api import parse_text
>>> text = "1. 建设学校。\\n责任领导：王明\\n牵头单位：市教育局\\n"
>>> page = render_report([parse_text(text, kind="notice")], [text])
>>> page.startswith("<!DOCTYPE html>") and "市教育局" in page
True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence
from urllib.parse import quote

from zzgov import __version__
from zzgov.kinds import LABELS
from zzgov.models import Document, Figure, Task
from zzgov.report_html.assets import CSS, JS
from zzgov.report_html.escape import attr, clean, esc, json_attr, script_json
from zzgov.report_html.svg import bar_chart, heatmap
from zzgov.track import DocPair

KIND_NAMES = LABELS
FIGURE_KIND_NAMES = {"target": "目标", "actual": "实际"}
# track's verdicts: the Chinese shown and the CSS class (a class has no blank).
VERDICT_NAMES = {"met": "达成", "not met": "未达成", "unknown": "未知"}
VERDICT_CLASSES = {"met": "met", "not met": "not-met", "unknown": "unknown"}
COMPARATOR_SIGNS = {"=": "", ">=": "≥", "<=": "≤", "~": "约"}
COMPARATOR_NAMES = {"=": "=", ">=": "≥", "<=": "≤", "~": "≈", "range": "区间"}
DIRECTION_NAMES = {"up": "↑ 增", "down": "↓ 减"}

# No network of any kind: everything the page needs is inline.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")


@dataclass
class _Doc:
    """A document as the page refers to it: `key` for data-doc, `src` for its source text."""

    doc: Document
    key: str  # d0, d1, … in input order
    src: Optional[str]  # s0, s1, … one per distinct source text; None when not found
    name: str  # short display name
    anchor: str  # the document's part of its tasks' anchors: its id, unique in the page


# (document key, target figure id) -> its pair
_Pairs = dict[tuple[str, str], DocPair]


def pairs_by_target(refs: Sequence[_Doc], pairs: Optional[Sequence[DocPair]]) -> _Pairs:
    return {(refs[p.target_doc].key, p.target.id): p for p in pairs or () if p.actual is not None}


def anchor_names(docs: Sequence[Document]) -> list[str]:
    """A fragment name per document, from its id (blanks, which an id may not hold, become
    `_`), with `~2`, `~3` … for repeated ids: the link to a task survives adding documents."""
    seen: set[str] = set()
    out = []
    for d in docs:
        base = "_".join(clean(d.id).split()) or "doc"
        name, n = base, 1
        while name in seen:
            n += 1
            name = f"{base}~{n}"
        seen.add(name)
        out.append(name)
    return out


def _href(fragment: str) -> str:
    """`#` + the fragment, percent-encoded as a browser would (so it survives being pasted)."""
    return "#" + quote(fragment, safe="~-_.!*'()")


def fmt_num(v: Optional[float]) -> str:
    """11.0 → '11', 11.74 → '11.74'; Python's shortest round-trip repr, so output is stable."""
    if v is None:
        return ""
    if float(v).is_integer() and abs(v) < 1e16:
        return str(int(v))
    return repr(float(v))


def fmt_figure(f: Figure) -> str:
    """A figure as a reader writes it: `≥11.4万人`, `5–8条`, `约100所`."""
    if f.comparator == "range" and f.value_max is not None:
        return f"{fmt_num(f.value)}–{fmt_num(f.value_max)}{f.unit}"
    return f"{COMPARATOR_SIGNS.get(f.comparator, f.comparator)}{fmt_num(f.value)}{f.unit}"


def doc_title(d: Document) -> str:
    m = d.meta
    return m.title or m.column or m.attachment_title or d.id


def doc_date(d: Document) -> str:
    m = d.meta
    if m.signed_date:
        return m.signed_date
    if m.published:
        return m.published.replace("T", " ")[:16]
    if m.printed_date:
        return m.printed_date
    return f"{m.year}年" if m.year else ""


def _short_name(d: Document) -> str:
    """`001_87fdf972b4e7a4f0` → `001`: the corpus's numbering, when ids carry one."""
    head = d.id.split("_", 1)[0]
    return head if head and head != d.id and len(head) <= 8 else d.id


def _src_button(ref: _Doc, span, label: str, text: str = "原文", cls: str = "btn-src") -> str:
    """A button that opens the source passage of `span` (disabled when the text is missing)."""
    disabled = "" if ref.src else " disabled"
    return (f'<button type="button" class="open-src {cls}" data-doc="{ref.key}" data-start="{span.start}" '
            f'data-end="{span.end}" data-label="{attr(label)}"{disabled}>{esc(text)}</button>')


def _figure_chip(ref: _Doc, f: Figure, where: str) -> str:
    label = " · ".join(x for x in (ref.name, where, f"{f.metric or '指标'} {fmt_figure(f)}") if x)
    return _src_button(ref, f.span, label, fmt_figure(f), f"fig {f.kind}")


def _chips(names: Sequence[str], cls: str = "") -> str:
    c = f"chip {cls}".strip()
    return "".join(f'<span class="{c}">{esc(n)}</span>' for n in names)


# ---------------------------------------------------------------- sections of the page

def _overview(refs: Sequence[_Doc]) -> str:
    cards = []
    for r in refs:
        d, m = r.doc, r.doc.meta
        rows = [("文件", d.id)]
        if m.title and m.title != doc_title(d):
            rows.append(("标题", m.title))
        for label, value in (("发文字号", m.doc_number), ("发文机关", m.issuer), ("日期", doc_date(d)),
                             ("报告人", " ".join(x for x in (m.speaker_title, m.speaker) if x)),
                             ("来源", m.outlet)):
            if value:
                rows.append((label, value))
        if not r.src:
            rows.append(("原文", "未找到源文件，出处不可查看"))
        dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows)
        counts = "".join(f"<span><b>{n}</b> {esc(label)}</span>" for label, n in (
            ("章节", len(d.sections)), ("任务", len(d.tasks)), ("指标", len(d.figures))))
        warn = (f'<p class="note">解析提示 {len(d.warnings)} 条</p>' if d.warnings else "")
        cards.append(f'<article class="doc-card" data-doc="{r.key}"><h3><span class="kind">{esc(KIND_NAMES.get(d.kind, d.kind))}</span>'
                     f'{esc(doc_title(d))}</h3><dl>{dl}</dl><div class="counts">{counts}</div>{warn}</article>')
    return ('<section id="overview"><h2>概览</h2>'
            f'<div class="cards-grid">{"".join(cards)}</div></section>')


def _options(values: Sequence[str], all_label: str) -> str:
    return f'<option value="">{esc(all_label)}</option>' + "".join(
        f'<option value="{attr(v)}">{esc(v)}</option>' for v in values)


def _doc_options(refs: Sequence[_Doc]) -> str:
    return '<option value="">全部文件</option>' + "".join(
        f'<option value="{r.key}">{esc(r.name)} {esc(doc_title(r.doc))}</option>' for r in refs)


def _unit_chips(names: Sequence[tuple[str, str]], cls: str = "") -> str:
    """Chips for (canonical name, as written) pairs; the written spelling is the tooltip when
    it differs."""
    c = f"chip {cls}".strip()
    return "".join(f'<span class="{c}"{f" title={chr(34)}{attr(w)}{chr(34)}" if w != n else ""}>{esc(n)}</span>'
                   for n, w in names)


def _task_units(t: Task, canonical: Mapping[str, str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """A task's (canonical, written) lead units and co-responsible units, each unit once, a
    lead unit never again among the co-responsible ones."""
    lead: dict[str, str] = {}
    co: dict[str, str] = {}
    for w in t.lead_units:
        lead.setdefault(canonical.get(w, w), w)
    for w in t.units:
        n = canonical.get(w, w)
        if n not in lead:
            co.setdefault(n, w)
    return list(lead.items()), list(co.items())


def _target_cell(refs: Sequence[_Doc], r: _Doc, t: Task, f: Figure, pairs: _Pairs) -> str:
    """A figure of a task; a target with its actual and verdict: `≥11.4万人 → 11.74万人 达成`."""
    chip = _figure_chip(r, f, f"任务 {t.seq}")
    p = pairs.get((r.key, f.id))
    if p is None:
        return f'<span class="fig-pair">{chip}</span>'
    a = refs[p.actual_doc]
    return (f'<span class="fig-pair">{chip}<span class="arrow" title="{attr("实际：" + a.name)}">→</span>'
            f'{_figure_chip(a, p.actual, "实际")}{_verdict_badges([p.verdict])}</span>')


def _task_row(refs: Sequence[_Doc], r: _Doc, t: Task, figures: Sequence[Figure], multi: bool, pairs: _Pairs,
              canonical: Mapping[str, str]) -> str:
    lead, co = _task_units(t, canonical)
    anchor = f"{r.anchor}-{t.id}"
    seq = f"{esc(r.name)} · {t.seq}" if multi else str(t.seq)
    label = f"{r.name} · 任务 {t.seq}"
    figs = "".join(_target_cell(refs, r, t, f, pairs) for f in figures)
    return (f'<tr id="{attr(anchor)}" data-doc="{r.key}" data-seq="{t.seq}" '
            f'data-leaders="{json_attr(t.leaders)}" data-lead="{json_attr([n for n, _ in lead])}" '
            f'data-co="{json_attr([n for n, _ in co])}">'
            f'<td class="seq" data-label="序号">{seq}<a class="anchor noprint" href="{attr(_href(anchor))}" '
            f'title="本任务的链接">#</a></td>'
            f'<td class="text" data-label="任务">{esc(t.text)}{_src_button(r, t.span, label)}</td>'
            f'<td class="who" data-label="责任领导">{esc("、".join(t.leaders))}</td>'
            f'<td class="lead" data-label="牵头单位">{_unit_chips(lead, "lead")}</td>'
            f'<td class="units" data-label="责任单位">{_unit_chips(co)}{_chips(t.units_open, "open")}</td>'
            f'<td data-label="期限">{esc("；".join(t.deadlines))}</td>'
            f'<td data-label="指标">{figs}</td></tr>')


def _verdict_badges(verdicts: Sequence[str]) -> str:
    return "".join(f'<span class="badge sm {VERDICT_CLASSES[v]}" title="{attr("track：" + VERDICT_NAMES[v])}">'
                   f'{VERDICT_NAMES[v]}</span>' for v in verdicts)


def _tasks(refs: Sequence[_Doc], pairs: _Pairs, canonical: Mapping[str, str]) -> str:
    with_tasks = [r for r in refs if r.doc.tasks]
    if not with_tasks:
        return '<section id="tasks"><h2>任务</h2><p class="empty">这些文件中没有任务分解。</p></section>'
    multi = len(with_tasks) > 1
    leaders = list(dict.fromkeys(n for r in with_tasks for t in r.doc.tasks for n in t.leaders))
    # The unit list: canonical names in order of appearance, never an open tail (等有关部门).
    units = list(dict.fromkeys(canonical.get(n, n) for r in with_tasks for t in r.doc.tasks
                               for n in (*t.lead_units, *t.units)))
    aliases = {w: n for w, n in sorted(canonical.items()) if w != n}
    total = sum(len(r.doc.tasks) for r in with_tasks)
    rows = []
    for r in with_tasks:
        by_task: dict[int, list[Figure]] = {}
        for f in r.doc.figures:
            if f.task is not None:
                by_task.setdefault(f.task, []).append(f)
        rows.extend(_task_row(refs, r, t, by_task.get(t.seq, []), multi, pairs, canonical) for t in r.doc.tasks)
    doc_filter = (f'<label>文件<select data-f="doc">{_doc_options(with_tasks)}</select></label>' if multi else "")
    controls = (
        '<div class="controls noprint" data-for="tasks" hidden>'
        '<label>搜索<input type="search" data-f="q" placeholder="任务、单位、期限…" autocomplete="off"></label>'
        f'<label>责任领导<select data-f="leader">{_options(leaders, "全部领导")}</select></label>'
        '<label>单位<input type="search" data-f="unit" list="zz-units" placeholder="输入或选择单位" autocomplete="off" '
        f'data-aliases="{json_attr(aliases)}"></label>'
        '<label>角色<select data-f="role"><option value="any">牵头或责任</option><option value="lead">牵头</option>'
        '<option value="co">责任 / 配合</option></select></label>'
        f'{doc_filter}<button type="button" class="reset">清除筛选</button></div>'
        f'<datalist id="zz-units">{"".join(f"<option value={chr(34)}{attr(u)}{chr(34)}></option>" for u in units)}</datalist>')
    return (
        '<section id="tasks"><h2>任务</h2>'
        f'{controls}<p class="count" data-for="tasks" data-noun="项任务">共 {total} 项任务</p>'
        '<div class="scroll"><table class="tbl cards"><thead><tr><th>序号</th><th>任务</th><th>责任领导</th>'
        '<th>牵头单位</th><th>责任单位</th><th>期限</th><th>指标</th></tr></thead>'
        f'<tbody data-group="tasks">{"".join(rows)}</tbody></table></div>'
        '<p class="none empty" data-for="tasks" hidden>没有符合条件的任务。</p></section>')


def _matrix_data(doc: Document, canonical: Mapping[str, str]):
    """(lead units by lead-task count, leaders in document order, cell counts, unit totals),
    units by their canonical names, as the task filter knows them."""
    counts: Counter = Counter()
    totals: Counter = Counter()
    first: dict[str, int] = {}
    for t in doc.tasks:
        for u in dict.fromkeys(canonical.get(n, n) for n in t.lead_units):
            totals[u] += 1
            first.setdefault(u, len(first))
            for leader in dict.fromkeys(t.leaders):
                counts[(u, leader)] += 1
    leaders = [s.name for s in doc.leaders] or list(dict.fromkeys(n for t in doc.tasks for n in t.leaders))
    leaders = [n for n in leaders if any(counts[(u, n)] for u in totals)]
    units = sorted(totals, key=lambda u: (-totals[u], first[u]))
    return units, leaders, counts, totals


def _unit_rows(doc: Document, canonical: Mapping[str, str]) -> list[tuple[str, int, int]]:
    """(unit, tasks it leads, tasks it shares) by canonical name: the counts the task filter
    shows for that unit, as lead and as co-responsible unit."""
    lead: Counter = Counter()
    co: Counter = Counter()
    first: dict[str, int] = {}
    for t in doc.tasks:
        leads, cos = _task_units(t, canonical)
        for n, _ in leads:
            lead[n] += 1
            first.setdefault(n, len(first))
        for n, _ in cos:
            co[n] += 1
            first.setdefault(n, len(first))
    return sorted(((n, lead[n], co[n]) for n in first), key=lambda r: (-r[1], -r[2], first[r[0]]))


def _matrix(refs: Sequence[_Doc], canonical: Mapping[str, str]) -> str:
    parts = []
    with_tasks = [r for r in refs if r.doc.tasks]
    for r in with_tasks:
        head = f"<h3>{esc(r.name)} {esc(doc_title(r.doc))}</h3>" if len(with_tasks) > 1 else ""
        units, leaders, counts, totals = _matrix_data(r.doc, canonical)
        heat = (heatmap(units, leaders, counts, totals, group="tasks", doc=r.key) if units and leaders
                else '<p class="empty">没有同时写明责任领导和牵头单位的任务。</p>')
        bars = _unit_rows(r.doc, canonical)
        parts.append(
            f'{head}<h3>责任领导 × 牵头单位</h3>'
            '<p class="note">每格为该领导分管、该单位牵头的任务数；末列为单位牵头的任务总数。点击格子筛选任务表。</p>'
            f'<div class="chart scroll">{heat}</div>'
            '<h3>各单位承担的任务</h3>'
            f'<p class="legend"><span><i class="swatch" style="background:#1f4e8c"></i>牵头</span>'
            f'<span><i class="swatch" style="background:#9db8dd"></i>责任 / 配合</span><span>数字：牵头 / 参与</span></p>'
            f'<div class="chart scroll">{bar_chart(bars, group="tasks", doc=r.key) if bars else ""}</div>')
    if not parts:
        parts.append('<p class="empty">没有任务，因此没有责任矩阵。</p>')
    return f'<section id="matrix"><h2>责任矩阵</h2>{"".join(parts)}</section>'


def _figure_where(doc: Document, f: Figure, sections: dict[str, str]) -> str:
    if f.task is not None:
        return f"任务 {f.task}"
    if f.section and f.section in sections:
        return sections[f.section]
    return f.section or ""


def _figures(refs: Sequence[_Doc]) -> str:
    rows = []
    for r in refs:
        sections = {s.id: f"{s.label} {s.title}".strip() for s in r.doc.sections}
        for f in r.doc.figures:
            where = _figure_where(r.doc, f, sections)
            kind = FIGURE_KIND_NAMES.get(f.kind, f.kind) + ("（预计）" if f.estimate else "")
            label = " · ".join(x for x in (r.name, where, f.metric or "指标") if x)
            rows.append(
                f'<tr data-doc="{r.key}" data-kind="{attr(f.kind)}">'
                f'<td data-label="文件">{esc(r.name)}</td>'
                f'<td data-label="位置">{esc(where)}</td>'
                f'<td data-label="指标">{esc(f.metric or "")}{" <span class=chip>主要目标</span>" if f.headline else ""}</td>'
                f'<td data-label="数值" class="num">{_src_button(r, f.span, label, fmt_figure(f), f"fig {f.kind}")}</td>'
                f'<td data-label="单位">{esc(f.unit)}</td>'
                f'<td data-label="比较" class="num">{esc(COMPARATOR_NAMES.get(f.comparator, f.comparator))}</td>'
                f'<td data-label="方向">{esc(DIRECTION_NAMES.get(f.direction or "", ""))}</td>'
                f'<td data-label="类型">{esc(kind)}</td></tr>')
    if not rows:
        return ('<section id="figures"><h2>指标</h2>'
                '<p class="empty">这些文件中没有抽取到指标（目标值或实际值）。</p></section>')
    multi = len([r for r in refs if r.doc.figures]) > 1
    doc_filter = (f'<label>文件<select data-f="doc">{_doc_options([r for r in refs if r.doc.figures])}</select></label>'
                  if multi else "")
    controls = (
        '<div class="controls noprint" data-for="figures" hidden>'
        '<label>搜索<input type="search" data-f="q" placeholder="指标、单位…" autocomplete="off"></label>'
        '<label>类型<select data-f="kind"><option value="">目标和实际</option><option value="target">目标</option>'
        f'<option value="actual">实际</option></select></label>{doc_filter}'
        '<button type="button" class="reset">清除筛选</button></div>')
    return (
        '<section id="figures"><h2>指标</h2>'
        '<p class="note">点击数值查看原文，高亮为指标在原文中的位置。</p>'
        f'{controls}<p class="count" data-for="figures" data-noun="个指标">共 {len(rows)} 个指标</p>'
        '<div class="scroll"><table class="tbl cards"><thead><tr><th>文件</th><th>位置</th><th>指标</th><th>数值</th>'
        '<th>单位</th><th>比较</th><th>方向</th><th>类型</th></tr></thead>'
        f'<tbody data-group="figures">{"".join(rows)}</tbody></table></div>'
        '<p class="none empty" data-for="figures" hidden>没有符合条件的指标。</p></section>')


def _pair_side(refs: Sequence[_Doc], fig: Figure, doc: Optional[int], role: str) -> str:
    if doc is None:
        return esc(fmt_figure(fig))
    ref = refs[doc]
    where = f" · 任务 {fig.task}" if fig.task is not None else ""
    return f'{_figure_chip(ref, fig, role)}<span class="muted"> {esc(ref.name)}{esc(where)}</span>'


def _pairs(refs: Sequence[_Doc], pairs: Optional[Sequence[DocPair]], notes: Sequence[str]) -> str:
    """Each target with the best actual reported for it and a verdict badge; targets no
    document reports on are listed apart (collapsed), since they are most of a plan's targets."""
    if pairs is None:
        return ""
    note = "".join(f'<p class="note">{esc(n)}</p>' for n in notes)
    found = [p for p in pairs if p.actual is not None]
    missing = [p for p in pairs if p.actual is None]
    if not found and not missing:
        return ('<section id="pairs"><h2>目标 → 实际</h2>'
                f'{note}<p class="empty">没有找到可以配对的目标和实际值。</p></section>')
    tally = Counter(p.verdict for p in found)
    summary = "".join(f'<span class="badge {VERDICT_CLASSES[v]}">{VERDICT_NAMES[v]} {tally[v]}</span>'
                      for v in VERDICT_NAMES if tally[v])
    if missing:
        summary += f'<span class="badge unknown">未找到实际值 {len(missing)}</span>'
    rows = []
    for p in found:
        others = f'<span class="muted">另有 {p.others} 份文件也报告了</span>' if p.others else ""
        rows.append(
            f'<tr data-doc="{refs[p.target_doc].key}" data-kind="{VERDICT_CLASSES[p.verdict]}"><td data-label="指标">{esc(p.target.metric or "")}</td>'
            f'<td data-label="目标">{_pair_side(refs, p.target, p.target_doc, "目标")}</td>'
            f'<td class="arrow" aria-hidden="true">→</td>'
            f'<td data-label="实际">{_pair_side(refs, p.actual, p.actual_doc, "实际")}{others}</td>'
            f'<td data-label="结论"><span class="badge {VERDICT_CLASSES[p.verdict]}">{VERDICT_NAMES[p.verdict]}</span></td></tr>')
    table = ""
    if found:
        plans = [refs[i] for i in sorted({p.target_doc for p in found})]
        doc_filter = (f'<label>目标所在文件<select data-f="doc">{_doc_options(plans)}</select></label>'
                      if len(plans) > 1 else "")
        verdicts = "".join(f'<option value="{VERDICT_CLASSES[v]}">{VERDICT_NAMES[v]}</option>' for v in VERDICT_NAMES)
        table = (
            '<div class="controls noprint" data-for="pairs" hidden>'
            '<label>搜索<input type="search" data-f="q" placeholder="指标…" autocomplete="off"></label>'
            f'<label>结论<select data-f="kind"><option value="">全部结论</option>{verdicts}</select></label>'
            f'{doc_filter}<button type="button" class="reset">清除筛选</button></div>'
            f'<p class="count" data-for="pairs" data-noun="组">共 {len(found)} 组</p>'
            '<div class="scroll"><table class="tbl cards"><thead><tr><th>指标</th><th>目标</th><th></th><th>实际</th>'
            f'<th>结论</th></tr></thead><tbody data-group="pairs">{"".join(rows)}</tbody></table></div>'
            '<p class="none empty" data-for="pairs" hidden>没有符合条件的配对。</p>')
    rest = ""
    if missing:
        items = "".join(f'<li>{esc(p.target.metric or "")} {_pair_side(refs, p.target, p.target_doc, "目标")}</li>'
                        for p in missing)
        rest = (f'<details class="missing"><summary>{len(missing)} 个目标在其他文件中没有找到实际值</summary>'
                f'<ul>{items}</ul></details>')
    return ('<section id="pairs"><h2>目标 → 实际</h2>'
            '<p class="note">由 zzgov track 按指标名称和单位配对，只与能报告该年度结果的文件配对；'
            '每个目标显示最相近的一个实际值。点击数值查看各自的原文。</p>'
            f'<div class="summary">{summary}</div>{note}{table}{rest}</section>')


# ---------------------------------------------------------------- the page

def canonical_units(docs: Sequence[Document]) -> dict[str, str]:
    """Each unit name the tasks write -> its canonical name (units.registry), over all
    documents at once, as `zzgov units` groups them."""
    names = {n for d in docs for t in d.tasks for n in (*t.lead_units, *t.units)}
    if not names:
        return {}
    from zzgov.units.registry import load_registry

    return load_registry().group(names)


def render_report(docs: Sequence[Document], texts: Optional[Sequence[Optional[str]]] = None,
                  pairs: Optional[Sequence[DocPair]] = None, notes: Sequence[str] = (),
                  title: Optional[str] = None) -> str:
    """The report page for `docs`.

    `texts[i]` is the decoded source text of `docs[i]` (None: provenance buttons are disabled).
    `pairs` are `zzgov.track.track_documents(docs)` (None: track was not run, the section is
    left out; []: track ran and found none).  `notes` are shown under the pairs."""
    texts = list(texts) if texts is not None else [None] * len(docs)
    if len(texts) != len(docs):
        raise ValueError("texts must match docs one for one")
    sources: dict[str, str] = {}
    key_of_text: dict[str, str] = {}
    refs: list[_Doc] = []
    anchors = anchor_names(docs)
    for i, (d, text) in enumerate(zip(docs, texts)):
        src = None
        if text is not None:
            src = key_of_text.get(text)
            if src is None:
                src = key_of_text[text] = f"s{len(sources)}"
                sources[src] = clean(text)
        refs.append(_Doc(doc=d, key=f"d{i}", src=src, name=_short_name(d), anchor=anchors[i]))
    canonical = canonical_units(docs)
    # Each source text once; documents refer to it by key.
    embedded = {"docs": {r.key: {"id": r.doc.id, "src": r.src} for r in refs}, "texts": sources}
    n_tasks = sum(len(d.tasks) for d in docs)
    n_figs = sum(len(d.figures) for d in docs)
    if title is None:
        title = "zzgov 报告" if not docs else doc_title(docs[0]) if len(docs) == 1 else f"{len(docs)} 份文件的任务与指标"
    nav = [("overview", "概览"), ("tasks", "任务"), ("matrix", "责任矩阵"), ("figures", "指标")]
    if pairs is not None:
        nav.append(("pairs", "目标 → 实际"))
    sub = f"{len(docs)} 份文件 · {n_tasks} 项任务 · {n_figs} 个指标"
    found = sum(1 for p in pairs or () if p.actual is not None)
    if found:
        sub += f" · {found} 组目标 → 实际"
    body = [
        '<!DOCTYPE html>',
        '<html lang="zh-CN">',
        '<head>',
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',  # CSP has no double quote
        f'<meta name="generator" content="zzgov {attr(__version__)}">',
        f'<title>{esc(title)}</title>',
        f'<style>{CSS}</style>',
        '</head>',
        '<body>',
        f'<header class="top"><h1>{esc(title)}</h1><p class="sub">{esc(sub)}</p>'
        f'<nav class="toc">{"".join(f"<a href={chr(34)}#{k}{chr(34)}>{v}</a>" for k, v in nav)}</nav></header>',
        '<main>',
        _overview(refs),
        _tasks(refs, pairs_by_target(refs, pairs), canonical),
        _matrix(refs, canonical),
        _figures(refs),
        _pairs(refs, pairs, notes),
        '</main>',
        f'<footer>由 zzgov {esc(__version__)} 生成。点击“原文”或数值查看出处，黄色高亮为记录在原文中的精确位置。'
        '本页不联网，可离线打开和打印。</footer>',
        '<dialog id="zz-src" aria-labelledby="zz-src-title"><div class="dlg-head">'
        '<h3 class="dlg-title" id="zz-src-title">原文</h3>'
        '<button type="button" class="dlg-close" aria-label="关闭">×</button></div>'
        '<p class="dlg-meta"></p><pre class="passage"></pre></dialog>',
        f'<script type="application/json" id="zz-sources">{script_json(embedded)}</script>',
        f'<script>{JS}</script>',
        '</body>',
        '</html>',
        '',
    ]
    return "\n".join(body)
