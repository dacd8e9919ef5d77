"""The page's stylesheet and script, inlined into every report.

They are Python string constants rather than package-data files so that an installed wheel needs
no extra package-data entry.  Neither may contain `</` (it would end the inline <style>/<script>
element early); tests check that.  No url(), no @import, no fetch: the page works offline and
its Content-Security-Policy forbids every network request anyway.
"""

CJK_FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
    '"WenQuanYi Micro Hei", sans-serif'
)

CSS = """
:root {
  --fg: #1d2433; --muted: #5b6475; --line: #d9dee7; --bg: #fff; --panel: #f5f7fa;
  --accent: #1f4e8c; --accent-soft: #e3ebf6; --co: #9db8dd; --mark: #ffe07a;
  --met: #176b33; --met-bg: #e2f3e7; --notmet: #b42318; --notmet-bg: #fdeceb;
  --unk: #4d5566; --unk-bg: #eceff3;
  color-scheme: light;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg); line-height: 1.6; font-size: 15px;
  font-family: FONT_STACK;
}
svg text { font-family: FONT_STACK; }
h1, h2, h3 { line-height: 1.3; }
a { color: var(--accent); }
header.top { background: var(--accent); color: #fff; padding: 1rem 1.25rem .6rem; }
header.top h1 { margin: 0 0 .3rem; font-size: 1.35rem; }
header.top .sub { margin: 0; opacity: .9; font-size: .92rem; }
nav.toc { display: flex; flex-wrap: wrap; gap: .3rem .9rem; margin-top: .6rem; }
nav.toc a { color: #fff; text-decoration: none; border-bottom: 1px solid rgba(255,255,255,.5); }
main { max-width: 1280px; margin: 0 auto; padding: 0 1.25rem 2rem; }
section { margin-top: 1.6rem; }
section > h2 { font-size: 1.15rem; border-left: 4px solid var(--accent); padding-left: .5rem; margin: 0 0 .6rem; }
h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.note { color: var(--muted); font-size: .88rem; margin: .3rem 0 .6rem; }
.empty { color: var(--muted); font-style: italic; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
table.tbl { width: 100%; border-collapse: collapse; font-size: .92rem; }
.tbl th, .tbl td { border-bottom: 1px solid var(--line); padding: .45rem .5rem; vertical-align: top; text-align: left; }
.tbl thead th { background: var(--panel); position: sticky; top: 0; z-index: 1; font-weight: 600; white-space: nowrap; }
.tbl tbody tr:hover { background: #fafcff; }
.tbl td.seq { white-space: nowrap; font-variant-numeric: tabular-nums; color: var(--muted); }
.tbl td.seq .anchor { margin-left: .3em; color: #9aa3b2; text-decoration: none; visibility: hidden; }
.tbl tr:hover .anchor, .tbl .anchor:focus, .tbl tr:target .anchor { visibility: visible; }
.tbl tbody tr:target { background: #fff7d6; box-shadow: inset 3px 0 0 var(--mark); }
.fig-pair { display: inline-block; white-space: nowrap; margin: 0 .3em .2em 0; }
.fig-pair .arrow { padding: 0 .1em 0 0; }
.tbl td.text { min-width: 16em; }
.tbl td.who { min-width: 4.5em; }
.tbl td.lead { min-width: 7.5em; }
.tbl td.units { min-width: 11em; }
.tbl .muted { color: var(--muted); }
.chip { display: inline-block; padding: 0 .35em; margin: 0 .2em .2em 0; border-radius: 4px;
  background: var(--panel); border: 1px solid var(--line); font-size: .86em; line-height: 1.6; }
.chip.lead { background: var(--accent-soft); border-color: #b9cbe6; font-weight: 600; }
.chip.open { border-style: dashed; }
button { font: inherit; }
.btn-src { border: 1px solid #b9cbe6; background: #fff; color: var(--accent); border-radius: 4px;
  font-size: .78rem; padding: 0 .4em; margin-left: .3em; cursor: pointer; vertical-align: baseline; }
.btn-src:hover, .btn-src:focus-visible { background: var(--accent-soft); }
.fig { border: 1px solid #c9d6ea; background: #f7faff; color: var(--fg); border-radius: 4px;
  padding: 0 .4em; margin: 0 .2em .2em 0; cursor: pointer; font-size: .86em; white-space: nowrap; }
.fig.actual { background: #f6fbf7; border-color: #c6e2cf; }
.fig:hover, .fig:focus-visible { outline: 2px solid var(--accent); }
.open-src[disabled] { cursor: default; opacity: .6; }
.controls { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: end; background: var(--panel);
  border: 1px solid var(--line); border-radius: 6px; padding: .6rem .7rem; margin-bottom: .6rem; }
.controls label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); gap: .15rem; }
.controls input, .controls select { font: inherit; font-size: .95rem; padding: .3rem .45rem; min-width: 9em;
  border: 1px solid #b8c0cc; border-radius: 4px; background: #fff; color: var(--fg); }
.controls input[type=search] { min-width: 14em; }
.controls .reset { border: 1px solid #b8c0cc; background: #fff; border-radius: 4px; padding: .3rem .7rem; cursor: pointer; }
.count { font-size: .88rem; color: var(--muted); margin: 0 0 .4rem; }
.cards-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .75rem; }
.doc-card { border: 1px solid var(--line); border-radius: 8px; padding: .7rem .85rem; background: #fff; }
.doc-card h3 { margin: 0 0 .35rem; font-size: 1rem; }
.doc-card dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .6rem; margin: 0; font-size: .88rem; }
.doc-card dt { color: var(--muted); }
.doc-card dd { margin: 0; }
.doc-card .counts { display: flex; gap: .9rem; margin-top: .5rem; font-size: .9rem; }
.doc-card .counts b { font-size: 1.15rem; color: var(--accent); font-variant-numeric: tabular-nums; }
.kind { display: inline-block; font-size: .75rem; padding: 0 .45em; border-radius: 3px; background: var(--accent-soft);
  color: var(--accent); margin-right: .35em; vertical-align: middle; }
.badge { display: inline-block; padding: .05em .55em; border-radius: 999px; font-size: .82rem; font-weight: 600; white-space: nowrap; }
.badge.sm { font-size: .72rem; padding: 0 .4em; margin: 0 .3em .2em -.1em; font-weight: 500; }
.badge.met { background: var(--met-bg); color: var(--met); }
.badge.not-met { background: var(--notmet-bg); color: var(--notmet); }
.badge.unknown { background: var(--unk-bg); color: var(--unk); }
.summary { display: flex; flex-wrap: wrap; gap: .5rem; margin: .2rem 0 .6rem; }
.arrow { color: var(--muted); padding: 0 .2em; }
details.missing { margin-top: .8rem; }
details.missing summary { cursor: pointer; color: var(--muted); }
details.missing ul { columns: 2 22rem; margin: .4rem 0; padding-left: 1.2rem; font-size: .9rem; }
details.missing li { break-inside: avoid; margin-bottom: .15rem; }
.chart { margin: .4rem 0 1rem; }
.chart svg { display: block; max-width: none; }
.chart .cell, .chart .bar { cursor: pointer; }
.chart .cell:hover rect, .chart .cell:focus rect { stroke: #111; stroke-width: 1.2; }
.chart .bar:hover .hit, .chart .bar:focus .hit { fill: #e3ebf6; fill-opacity: 1; }
.legend { font-size: .82rem; color: var(--muted); display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em; margin-right: .3em; }
dialog#zz-src { width: min(52rem, 94vw); max-height: 86vh; border: 1px solid var(--line); border-radius: 10px;
  padding: 0; box-shadow: 0 10px 40px rgba(0,0,0,.25); color: var(--fg); }
dialog#zz-src::backdrop { background: rgba(20,28,40,.45); }
.dlg-head { display: flex; align-items: start; gap: .75rem; padding: .7rem 1rem; border-bottom: 1px solid var(--line); background: var(--panel); }
.dlg-head h3 { margin: 0; flex: 1; font-size: 1rem; }
.dlg-close { border: 0; background: none; font-size: 1.4rem; line-height: 1; cursor: pointer; color: var(--muted); }
.dlg-meta { margin: .5rem 1rem 0; font-size: .82rem; color: var(--muted); }
pre.passage { white-space: pre-wrap; word-break: break-word; overflow-wrap: anywhere; font-family: inherit; font-size: .95rem;
  line-height: 1.75; margin: .5rem 1rem 1rem; max-height: 62vh; overflow: auto; }
pre.passage mark { background: var(--mark); color: inherit; padding: .05em 0; border-radius: 2px; box-shadow: 0 0 0 2px var(--mark); }
footer { max-width: 1280px; margin: 0 auto; padding: 1rem 1.25rem 2rem; color: var(--muted); font-size: .82rem; border-top: 1px solid var(--line); }

@media (max-width: 720px) {
  body { font-size: 14px; }
  main { padding: 0 .7rem 1.5rem; }
  header.top { padding: .8rem .8rem .5rem; }
  .controls input, .controls select, .controls input[type=search] { width: 100%; min-width: 0; }
  .controls label { flex: 1 1 40%; min-width: 0; }
  .controls label:first-child { flex-basis: 100%; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards thead { display: none; }
  table.cards tr { border: 1px solid var(--line); border-radius: 8px; margin: 0 0 .6rem; padding: .4rem .6rem; }
  table.cards td { border: 0; padding: .12rem 0; min-width: 0; }
  table.cards td:empty { display: none; }
  table.cards td[data-label]::before { content: attr(data-label) "："; color: var(--muted); font-size: .85em; }
  table.cards td.seq { font-weight: 600; color: var(--fg); }
  table.cards td.arrow { display: none; }
}

@media print {
  @page { size: A4; margin: 12mm; }
  body { font-size: 9pt; line-height: 1.45; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  header.top { background: none; color: #000; border-bottom: 2px solid #000; padding: 0 0 .4rem; }
  nav.toc, .controls, .btn-src, dialog, .noprint { display: none !important; }
  main, footer { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  .chart svg { max-width: 100%; height: auto; }
  .tbl thead { display: table-header-group; }
  .tbl thead th { position: static; }
  .tbl td.text { min-width: 0; width: 42%; }
  .tbl td.who, .tbl td.lead { min-width: 0; }
  .tbl td.units { min-width: 0; width: 22%; }
  .tbl tr, .doc-card, .chart { break-inside: avoid; }
  section > h2 { break-after: avoid; }
  .fig { border: 0; background: none; padding: 0; cursor: auto; }
  .chip, .chip.lead, .chip.open { display: inline; border: 0; background: none; padding: 0; margin: 0; font-size: inherit; }
  .chip + .chip::before { content: "、"; font-weight: normal; }
  details.missing { display: none; }
  a { color: inherit; text-decoration: none; }
}
""".replace("FONT_STACK", CJK_FONT_STACK)


# The unit filter's choice, a pure function so that it can be checked outside a browser: the
# canonical names a typed text selects.  A known canonical name or a spelling of one (an
# alias) selects that unit only; other text selects every unit whose name or one of whose
# spellings contains it.
UNIT_FILTER_JS = r"""
function zzUnitSet(typed, units, aliases) {
  var out = {}, known = {}, i;
  for (i = 0; i < units.length; i++) { known[units[i]] = true; }
  if (typed === "") { return null; }
  if (Object.prototype.hasOwnProperty.call(aliases, typed)) { out[aliases[typed]] = true; return out; }
  if (known[typed] === true) { out[typed] = true; return out; }
  for (i = 0; i < units.length; i++) {
    if (units[i].indexOf(typed) !== -1) { out[units[i]] = true; }
  }
  Object.keys(aliases).forEach(function (a) {
    if (a.indexOf(typed) !== -1) { out[aliases[a]] = true; }
  });
  return out;
}
"""

JS = UNIT_FILTER_JS + r"""
(function () {
  "use strict";

  // ---- source texts: embedded once as JSON, sliced by contract spans (Unicode code points) ----
  var embedded = null, codePoints = {};
  function data() {
    if (embedded === null) {
      var el = document.getElementById("zz-sources");
      try { embedded = JSON.parse(el ? el.textContent : "{}"); } catch (e) { embedded = {}; }
      embedded.docs = embedded.docs || {};
      embedded.texts = embedded.texts || {};
    }
    return embedded;
  }
  function sourceCodePoints(docKey) {
    var d = data(), doc = d.docs[docKey], key = doc ? doc.src : null;
    if (!key) { return null; }
    if (!Object.prototype.hasOwnProperty.call(codePoints, key)) {
      var t = d.texts[key];
      // Array.from splits by code point, so astral characters count once, as in Python.
      codePoints[key] = typeof t === "string" ? Array.from(t) : null;
    }
    return codePoints[key];
  }

  var CONTEXT = 260;  // at most this many code points of context on each side of a span
  function isBreak(ch) { return ch === "\n" || ch === "\r"; }
  // Context runs to the edges of the span's own lines; when the span starts (ends) a line,
  // the previous (next) non-blank line is shown too, e.g. a task's section heading.
  function contextStart(cps, start) {
    var j = start - 1;
    if (j >= 0 && isBreak(cps[j])) { while (j >= 0 && isBreak(cps[j])) { j--; } }
    var a = j < 0 ? 0 : cps.lastIndexOf("\n", j) + 1;
    if (start - a > CONTEXT) {
      a = start - CONTEXT;
      var nl = cps.indexOf("\n", a);
      if (nl !== -1 && nl < start) { a = nl + 1; }
    }
    return a;
  }
  function contextEnd(cps, end) {
    var n = cps.length, j = end;
    if (j < n && isBreak(cps[j])) { while (j < n && isBreak(cps[j])) { j++; } }
    var b = j >= n ? n : cps.indexOf("\n", j);
    if (b === -1) { b = n; }
    if (b - end > CONTEXT) {
      b = end + CONTEXT;
      var nl = cps.lastIndexOf("\n", b);
      if (nl > end) { b = nl; }
    }
    return b;
  }
  function passage(cps, start, end) {
    var n = cps.length;
    start = Math.max(0, Math.min(start, n));
    end = Math.max(start, Math.min(end, n));
    var a = contextStart(cps, start), b = contextEnd(cps, end);
    return {
      before: (a > 0 && !isBreak(cps[a - 1]) ? "\u2026" : "") + cps.slice(a, start).join(""),
      hit: cps.slice(start, end).join(""),
      after: cps.slice(end, b).join("") + (b < n && !isBreak(cps[b]) ? "\u2026" : "")
    };
  }

  var dlg = document.getElementById("zz-src");
  function openSource(btn) {
    if (!dlg) { return; }
    var docKey = btn.getAttribute("data-doc"), doc = data().docs[docKey];
    var start = parseInt(btn.getAttribute("data-start"), 10);
    var end = parseInt(btn.getAttribute("data-end"), 10);
    var title = dlg.querySelector(".dlg-title"), meta = dlg.querySelector(".dlg-meta");
    var pre = dlg.querySelector("pre.passage");
    title.textContent = btn.getAttribute("data-label") || "原文";
    meta.textContent = (doc ? doc.id : "") + " · 字符 " + start + "–" + end;
    while (pre.firstChild) { pre.removeChild(pre.firstChild); }
    var cps = sourceCodePoints(docKey);
    if (!cps) {
      pre.textContent = "原文不可用：生成报告时没有找到这份文件的源文本。";
    } else {
      var p = passage(cps, start, end);
      var mark = document.createElement("mark");
      mark.textContent = p.hit;
      pre.appendChild(document.createTextNode(p.before));
      pre.appendChild(mark);
      pre.appendChild(document.createTextNode(p.after));
    }
    if (typeof dlg.showModal === "function") {
      if (!dlg.open) { dlg.showModal(); }
    } else {
      dlg.setAttribute("open", "");
    }
    var m = pre.querySelector("mark");
    if (m && m.scrollIntoView) { m.scrollIntoView({ block: "center" }); }
  }
  function closeSource() {
    if (!dlg) { return; }
    if (typeof dlg.close === "function") { dlg.close(); } else { dlg.removeAttribute("open"); }
  }
  if (dlg) {
    dlg.addEventListener("click", function (ev) {
      if (ev.target === dlg || ev.target.closest(".dlg-close")) { closeSource(); }
    });
  }

  // ---- filters: every table body with data-group has a .controls block with data-for ----
  function parseList(row, name) {
    try { return JSON.parse(row.getAttribute(name) || "[]"); } catch (e) { return []; }
  }
  var groups = {};
  function rowInfo(row) {
    if (!row._zz) {
      row._zz = {
        text: row.textContent.toLowerCase(),
        leaders: parseList(row, "data-leaders"),
        lead: parseList(row, "data-lead"),
        co: parseList(row, "data-co")
      };
    }
    return row._zz;
  }
  function knownUnits(controls) {
    var names = [], input = controls.querySelector("[data-f=unit]");
    var dl = input ? document.getElementById(input.getAttribute("list")) : null;
    if (dl) { Array.prototype.forEach.call(dl.options, function (o) { names.push(o.value); }); }
    var aliases = {};
    try { aliases = JSON.parse((input && input.getAttribute("data-aliases")) || "{}"); } catch (e) { aliases = {}; }
    return { names: names, aliases: aliases };
  }
  function value(controls, f) {
    var el = controls.querySelector("[data-f=" + f + "]");
    return el ? el.value.trim() : "";
  }
  function apply(group) {
    var g = groups[group];
    if (!g) { return; }
    var c = g.controls;
    var terms = value(c, "q").toLowerCase().split(/\s+/).filter(Boolean);
    var leader = value(c, "leader"), unit = value(c, "unit"), role = value(c, "role") || "any";
    var doc = value(c, "doc"), kind = value(c, "kind");
    var wanted = zzUnitSet(unit, g.units.names, g.units.aliases);
    var shown = 0;
    g.rows.forEach(function (row) {
      var info = rowInfo(row), ok = true;
      for (var i = 0; ok && i < terms.length; i++) { ok = info.text.indexOf(terms[i]) !== -1; }
      if (ok && leader) { ok = info.leaders.indexOf(leader) !== -1; }
      if (ok && doc) { ok = row.getAttribute("data-doc") === doc; }
      if (ok && kind) { ok = row.getAttribute("data-kind") === kind; }
      if (ok && unit) {
        var names = role === "lead" ? info.lead : role === "co" ? info.co : info.lead.concat(info.co);
        ok = names.some(function (n) { return wanted[n] === true; });
      }
      row.hidden = !ok;
      if (ok) { shown++; }
    });
    if (g.count) {
      g.count.textContent = "显示 " + shown + " / " + g.rows.length + " " + (g.count.getAttribute("data-noun") || "项");
    }
    if (g.none) { g.none.hidden = shown !== 0; }
  }
  function setFilters(group, values) {
    var g = groups[group];
    if (!g) { return; }
    Array.prototype.forEach.call(g.controls.querySelectorAll("[data-f]"), function (el) {
      var f = el.getAttribute("data-f");
      el.value = Object.prototype.hasOwnProperty.call(values, f) ? values[f] : (f === "role" ? "any" : "");
    });
    apply(group);
    var target = document.getElementById(group);
    if (target && target.scrollIntoView) { target.scrollIntoView({ block: "start" }); }
  }
  Array.prototype.forEach.call(document.querySelectorAll(".controls[data-for]"), function (c) {
    var group = c.getAttribute("data-for");
    var body = document.querySelector("tbody[data-group=" + group + "]");
    if (!body) { return; }
    groups[group] = {
      controls: c,
      rows: Array.prototype.slice.call(body.rows),
      units: knownUnits(c),
      count: document.querySelector(".count[data-for=" + group + "]"),
      none: document.querySelector(".none[data-for=" + group + "]")
    };
    c.addEventListener("input", function () { apply(group); });
    c.addEventListener("change", function () { apply(group); });
    var reset = c.querySelector(".reset");
    if (reset) { reset.addEventListener("click", function () { setFilters(group, {}); }); }
    c.hidden = false;
    apply(group);
  });

  document.addEventListener("click", function (ev) {
    var src = ev.target.closest ? ev.target.closest(".open-src") : null;
    if (src && !src.disabled) { ev.preventDefault(); openSource(src); return; }
    var setter = ev.target.closest ? ev.target.closest("[data-filter-set]") : null;
    if (setter) {
      var spec = {};
      try { spec = JSON.parse(setter.getAttribute("data-filter-set")); } catch (e) { return; }
      setFilters(spec.group, spec.values || {});
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") { return; }
    var setter = ev.target.closest ? ev.target.closest("[data-filter-set]") : null;
    if (setter && setter.tagName.toLowerCase() === "g") { ev.preventDefault(); setter.dispatchEvent(new MouseEvent("click", { bubbles: true })); }
  });
  // A link to a task (#document-task) shows that task even after the filters were set up.
  var hashed = null;
  try { hashed = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null; } catch (e) { hashed = null; }
  if (hashed && hashed.scrollIntoView) { hashed.scrollIntoView({ block: "center" }); }
  window.zzReport = { apply: apply, setFilters: setFilters, openSource: openSource };
})();
"""
