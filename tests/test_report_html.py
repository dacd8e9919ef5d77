"""`zzgov report`: one self-contained HTML page.

Unit tests read the generated HTML; the browser tests open it in headless Chromium (Debian's
`chromium` package) through the Chrome DevTools Protocol over `--remote-debugging-pipe`, which
needs nothing beyond the standard library, and skip when Chromium is not installed.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import NOTICE, RAW, raw_path, seed_doc
from zzgov.api import parse_path, parse_text
from zzgov.cli import cli
from zzgov.models import Figure, Span
from zzgov.report_html import render_report
from zzgov.report_html.assets import CSS, JS
from zzgov.report_html.escape import script_json
from zzgov.track import DocPair, track_documents

HOSTILE = (
    "1. 防止</script><script>alert(1)</script>注入，a<b&c “引号” 𠀀字。\n"
    "责任领导：王明\n牵头单位：市教育局\n责任单位：市财政局、<i>局\n\n"
    "2. 第二项 <!-- 注释 --> 任务。\n责任领导：李华\n牵头单位：市商务局\n"
)


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    r = run("report", *sorted(str(p) for p in RAW.glob("*.txt")), "-o", str(out))
    assert r.exit_code == 0, r.output
    return out


def embedded(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="zz-sources">(.*?)</script>', page, re.S)
    assert m, "source texts are embedded"
    return json.loads(m.group(1))


# ---------------------------------------------------------------- the HTML itself

def test_all_146_tasks_of_the_notice_are_rows(corpus_page):
    page = corpus_page.read_text(encoding="utf-8")
    seqs = [int(s) for s in re.findall(rf'<tr id="{NOTICE}-t\d+" data-doc="d1" data-seq="(\d+)"', page)]
    assert seqs == list(range(1, 147))
    assert page.count('<tbody data-group="tasks">') == 1


def test_every_figure_of_every_document_is_listed(corpus_page):
    page = corpus_page.read_text(encoding="utf-8")
    docs = [parse_path(p) for p in sorted(RAW.glob("*.txt"))]
    body = page.split('<tbody data-group="figures">', 1)[1].split("</tbody>", 1)[0] if any(
        d.figures for d in docs) else ""
    for i, d in enumerate(docs):
        assert body.count(f'<tr data-doc="d{i}" data-kind=') == len(d.figures), d.id


def test_no_external_urls_imports_or_fonts(corpus_page):
    page = corpus_page.read_text(encoding="utf-8")
    assert not re.search(r'(?:src|href|action|xlink:href)\s*=\s*["\']?\s*(?:https?:)?//', page, re.I)
    assert not re.search(r"https?://", page.split('id="zz-sources"')[0], re.I)  # none outside the texts
    assert "@import" not in page and "url(" not in page and "@font-face" not in page
    assert "default-src 'none'" in page  # the CSP forbids any request a bug might add


def test_the_same_input_gives_the_same_bytes(corpus_page, tmp_path):
    again = tmp_path / "again.html"
    run("report", *sorted(str(p) for p in RAW.glob("*.txt")), "-o", str(again))
    assert again.read_bytes() == corpus_page.read_bytes()


def test_each_source_text_is_embedded_once_and_exactly(corpus_page):
    page = corpus_page.read_text(encoding="utf-8")
    data = embedded(page)
    texts = {raw_path(NOTICE).read_text(encoding="utf-8")}
    assert texts <= set(data["texts"].values())
    assert len(data["texts"]) == len(list(RAW.glob("*.txt")))
    assert data["docs"]["d1"]["id"] == NOTICE


def test_hostile_text_is_escaped_everywhere():
    doc = parse_text(HOSTILE, kind="notice")
    page = render_report([doc], [HOSTILE])
    # Exactly one closing tag per real script element; the text's </script> is escaped.
    assert page.count("</script>") == 2
    assert "<script>alert" not in page and "<i>局" not in page and "<!-- 注释" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "a&lt;b&amp;c" in page
    assert embedded(page)["texts"]["s0"] == HOSTILE  # JSON.parse-compatible and unchanged


def test_script_json_has_no_raw_angle_brackets_or_ampersands():
    s = script_json({"t": "</script><!--&\u2028"})
    assert not set("<>&\u2028") & set(s)
    assert json.loads(s) == {"t": "</script><!--&\u2028"}


def test_inline_assets_cannot_end_their_elements():
    assert "</" not in CSS and "</" not in JS
    assert "url(" not in CSS and "@import" not in CSS and "fetch(" not in JS and "XMLHttpRequest" not in JS


def test_cjk_font_stack_and_print_and_phone_styles():
    for font in ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei"):
        assert font in CSS
    assert "@media print" in CSS and "@media (max-width: 720px)" in CSS


def test_control_characters_and_lone_surrogates_do_not_break_the_page():
    text = "1. 建设\x00学校\x0c。\ud800\n责任领导：王明\n牵头单位：市教育局\n"
    doc = parse_text(text, kind="notice", sha256="0" * 64)
    page = render_report([doc], [text])
    page.encode("utf-8")  # writable
    assert "\x00" not in page and "\x0c" not in page
    assert len(embedded(page)["texts"]["s0"]) == len(text)  # offsets still line up


def test_figures_and_track_pairs_render_with_badges():
    text = "1. 新增城镇就业11.4万人，回迁安置群众10万人。\n责任领导：王明\n牵头单位：市人社局\n"

    def fig(fid, src, quote, metric, value, unit, kind, comparator="=", task=None):
        i = src.index(quote)
        return Figure(id=fid, metric=metric, value=value, unit=unit, comparator=comparator, kind=kind,
                      task=task, span=Span(start=i, end=i + len(quote)))

    jobs = fig("f1", text, "11.4万人", "新增城镇就业", 11.4, "万人", "target", ">=", task=1)
    homes = fig("f2", text, "10万人", "回迁安置群众", 10, "万人", "target", task=1)
    doc = parse_text(text, kind="notice").model_copy(update={"figures": [jobs, homes]})
    news_text = "全年新增城镇就业11.74万人。"
    actual = fig("f1", news_text, "11.74万人", "新增城镇就业", 11.74, "万人", "actual")
    news = parse_text(news_text, kind="news", doc_id="004_x").model_copy(update={"figures": [actual]})
    pairs = [DocPair(0, jobs, 1, actual, 1.0, "met"), DocPair(0, homes, None, None, 0.0, "unknown")]
    page = render_report([doc, news], [text, news_text], pairs=pairs)
    assert '<section id="pairs">' in page
    pair_rows = page.split('<tbody data-group="pairs">', 1)[1].split("</tbody>", 1)[0]
    assert pair_rows.count("<tr ") == 1 and '<span class="badge met">达成</span>' in pair_rows
    assert "≥11.4万人" in pair_rows and "11.74万人" in pair_rows
    assert "1 个目标在其他文件中没有找到实际值" in page  # the unmatched target, listed apart
    # The task's row shows the target, the actual reported for it and the verdict.
    task_row = page.split('<tr id="stdin-t1"', 1)[1].split("</tr>", 1)[0]
    assert re.search(r'≥11\.4万人</button><span class="arrow"[^>]*>→</span><button [^>]*data-doc="d1"[^>]*>'
                     r'11\.74万人</button><span class="badge sm met"', task_row)
    i = text.index("11.4万人")
    assert f'data-start="{i}" data-end="{i + 6}"' in page  # the figure opens its own span
    # target f1: task chip, figures table, pair; f2: task chip, figures table, unmatched list
    assert page.count('class="open-src fig target"') == 6


def test_without_track_the_pairs_section_is_left_out():
    doc = parse_text("1. 建设学校。\n责任领导：王明\n牵头单位：市教育局\n", kind="notice")
    page = render_report([doc], [None])
    assert '<section id="pairs">' not in page
    assert "disabled>原文</button>" in page  # no source text: the link is there but off


def _figure_doc(text, kind, doc_id, year=None, published=None, figures=()):
    doc = parse_text(text, kind=kind, doc_id=doc_id)
    meta = doc.meta.model_copy(update={"year": year, "published": published})
    return doc.model_copy(update={"figures": list(figures), "meta": meta})


def test_targets_pair_only_with_documents_that_report_on_their_year():
    """A work report of year Y reviews Y-1: the 2020 plan pairs with the 2021 report and a
    news article of 2021, never with the 2020 report (whose results are 2019's), 2022's or
    an undated article."""
    target = Figure(id="f1", metric="新增城镇就业", value=11.4, unit="万人", comparator=">=", kind="target",
                    span=Span(start=0, end=6))

    def result(value):
        return Figure(id="f1", metric="新增城镇就业", value=value, unit="万人", comparator="=", kind="actual",
                      span=Span(start=0, end=6))

    plan = _figure_doc("新增城镇就业11.4万人", "notice", "plan", year=2020, figures=[target])
    same_year = _figure_doc("新增城镇就业9万人", "report", "report2020", year=2020, figures=[result(9)])
    next_year = _figure_doc("新增城镇就业12万人", "report", "report2021", year=2021, figures=[result(12)])
    later = _figure_doc("新增城镇就业13万人", "report", "report2022", year=2022, figures=[result(13)])
    news = _figure_doc("新增城镇就业11万人", "news", "news", published="2021-01-07T08:00:00", figures=[result(11)])
    docs = [plan, same_year, news, next_year, later]
    pairs = track_documents(docs)
    assert [(p.target_doc, p.actual_doc, p.verdict, p.others) for p in pairs] == [(0, 3, "met", 1)]
    # The news article is second best (no stated year, only a date), and reports 11 < 11.4.
    assert [(p.actual_doc, p.verdict) for p in track_documents([plan, same_year, news])] == [(2, "not met")]
    assert track_documents([plan, same_year, later]) is None  # nothing can report on 2020: no section
    undated = _figure_doc("新增城镇就业12万人。", "news", "undated", figures=[result(12)])
    assert track_documents([plan, undated]) is None  # no year, no date: it would pair with anything
    twin = plan.model_copy(update={"id": "copy", "figures": [target, result(20)]})
    assert track_documents([plan, twin]) is None  # the same text given twice reports on nothing


def test_one_pair_per_target_however_many_documents_report_it():
    notice, news = seed_doc(NOTICE), seed_doc("004_66ae2ada72c6f6af")
    docs = [notice] + [news] * 6
    pairs = track_documents(docs)
    targets = [f for f in notice.figures if f.kind == "target"]
    assert len(pairs) == len(targets)  # one row per target, not one per target and document
    jobs = next(p for p in pairs if p.target.metric == "新增城镇就业")
    assert (jobs.actual_doc, jobs.verdict, jobs.others) == (1, "met", 5)


def test_report_from_parse_output_finds_the_source_text(tmp_path):
    out = tmp_path / "json"
    assert run("parse", str(raw_path(NOTICE)), "-o", str(out)).exit_code == 0
    page = tmp_path / "r.html"
    r = run("report", str(out / f"{NOTICE}.json"), "-o", str(page))
    assert r.exit_code == 0, r.output
    data = embedded(page.read_text(encoding="utf-8"))
    assert data["texts"]["s0"] == raw_path(NOTICE).read_text(encoding="utf-8")


def test_report_from_stdin_keeps_provenance(tmp_path):
    page = tmp_path / "r.html"
    r = run("report", "-", "--kind", "notice", "-o", str(page), input=HOSTILE.encode())
    assert r.exit_code == 0, r.output
    assert embedded(page.read_text(encoding="utf-8"))["texts"]["s0"] == HOSTILE


def test_missing_input_exits_1_but_writes_the_rest(tmp_path):
    page = tmp_path / "r.html"
    r = run("report", str(raw_path(NOTICE)), str(tmp_path / "nope.txt"), "-o", str(page))
    assert r.exit_code == 1 and page.exists()
    assert not list(tmp_path.glob(".r.html.*"))  # written atomically: no temporary left over


def test_no_documents_is_an_error_and_writes_nothing(tmp_path):
    page = tmp_path / "r.html"
    r = run("report", str(tmp_path / "nope.txt"), "-o", str(page))
    assert r.exit_code == 1 and not page.exists()


def test_the_2020_plan_pairs_with_the_2020_results_as_met(corpus_page):
    """Issue 5's five pairs, 001 → 004, shown met (needs zzgov.track)."""
    page = corpus_page.read_text(encoding="utf-8")
    rows = page.split('<tbody data-group="pairs">', 1)[1].split("</tbody>", 1)[0].split("</tr>")
    for target, actual in (("11.4万人", "11.74万人"), ("3.5万人", "4.6万人"), ("100所", "141所"),
                           ("62个", "62家"), ("10万人", "10.2万人")):
        hits = [r for r in rows if re.search(rf'data-doc="d1" data-kind="met".*>[≥≤约]?{re.escape(target)}</button>'
                                             rf'.*>[≥≤约]?{re.escape(actual)}</button><span class="muted"> 004', r)]
        assert hits, (target, actual)


def test_output_is_required():
    assert run("report", str(raw_path(NOTICE))).exit_code == 2


# ---------------------------------------------------------------- headless Chromium

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "chromium-headless-shell", "google-chrome")


def chromium_path() -> str | None:
    env = os.environ.get("ZZGOV_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def cjk_font_installed() -> bool:
    if not shutil.which("fc-list"):
        return True  # cannot tell
    out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    return bool(out.strip())


class CDP:
    """Just enough of the Chrome DevTools Protocol, over --remote-debugging-pipe: Chromium reads
    NUL-terminated JSON commands on fd 3 and writes replies and events on fd 4."""

    def __init__(self, binary: str, profile: Path, timeout: float = 30.0):
        self.timeout = timeout
        to_child_r, self._w = os.pipe()
        self._r, from_child_w = os.pipe()
        self.log = open(profile.parent / "chromium.log", "wb")

        def wire_fds():  # in the child, before exec: the pipe ends become fds 3 and 4
            # Copy both out of the way first (either may already be 3 or 4); dup2 onto a
            # different fd leaves the copy inheritable.
            high_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            preexec_fn=wire_fds, close_fds=False)
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []
        self.session: str | None = None

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no reply from Chromium")
            ready, _, _ = select.select([self._r], [], [], left)
            if ready:
                chunk = os.read(self._r, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the pipe (see chromium.log)")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, session: bool = True) -> dict:
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str) -> dict:
        deadline = time.monotonic() + self.timeout
        for i, ev in enumerate(self.events):
            if ev.get("method") == method:
                return self.events.pop(i)
        while True:
            ev = self._read_message(deadline)
            if ev.get("method") == method:
                return ev
            self.events.append(ev)

    def open_page(self) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 session=False)["sessionId"]

    def eval(self, expression: str):
        r = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise AssertionError(f"page script failed: {r['exceptionDetails']}")
        return r["result"].get("value")

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._r, self._w):
            try:
                os.close(fd)
            except OSError:
                pass
        self.log.close()


@pytest.fixture
def browser(tmp_path):
    binary = chromium_path() if os.name == "posix" else None
    if binary is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    if not cjk_font_installed():
        warnings.warn("no CJK font installed: screenshots will show boxes for Chinese "
                      "(Debian: apt-get install fonts-wqy-microhei, or fonts-noto-cjk)")
    cdp = CDP(binary, tmp_path / "profile")
    try:
        cdp.open_page()
        for domain in ("Page", "Runtime", "Network", "Log"):
            cdp.send(f"{domain}.enable")
        yield cdp
    finally:
        cdp.close()


def load(cdp: CDP, page: Path, width: int = 1280, height: int = 900, mobile: bool = False) -> None:
    cdp.send("Emulation.setDeviceMetricsOverride",
             {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    cdp.send("Page.navigate", {"url": page.resolve().as_uri()})
    cdp.wait_for("Page.loadEventFired")


def requested_urls(cdp: CDP) -> list[str]:
    return [ev["params"]["request"]["url"] for ev in cdp.events if ev.get("method") == "Network.requestWillBeSent"]


def page_problems(cdp: CDP) -> list[str]:
    out = []
    for ev in cdp.events:
        if ev.get("method") == "Runtime.exceptionThrown":
            out.append(json.dumps(ev["params"]["exceptionDetails"], ensure_ascii=False)[:300])
        elif ev.get("method") == "Log.entryAdded" and ev["params"]["entry"]["level"] == "error":
            out.append(ev["params"]["entry"]["text"][:300])
    return out


VISIBLE_SEQS = """Array.from(document.querySelectorAll('tbody[data-group=tasks] > tr'))
  .filter(r => !r.hidden && r.getClientRects().length > 0).map(r => Number(r.dataset.seq))"""


def expected_seqs(doc, unit: str, exact: bool) -> list[int]:
    def hit(name):
        return name == unit if exact else unit in name
    return [t.seq for t in doc.tasks if any(hit(n) for n in (*t.lead_units, *t.units, *t.units_open))]


def type_into(cdp: CDP, selector: str, text: str) -> None:
    cdp.eval(f"(() => {{ const el = document.querySelector({json.dumps(selector)}); el.value = ''; el.focus(); }})()")
    cdp.send("Input.insertText", {"text": text})


def test_browser_filters_by_unit_shows_sources_and_makes_no_request(browser, tmp_path):
    doc = parse_path(raw_path(NOTICE))
    page = tmp_path / "report.html"
    assert run("report", str(raw_path(NOTICE)), "-o", str(page)).exit_code == 0
    load(browser, page)
    assert browser.eval("document.querySelector('.controls[data-for=tasks]').hidden") is False
    assert browser.eval(VISIBLE_SEQS) == list(range(1, 147))

    # Typing a unit name from the list shows exactly that unit's tasks, as lead or as co-unit.
    type_into(browser, "[data-f=unit]", "市教育局")
    want = expected_seqs(doc, "市教育局", exact=True)
    assert 0 < len(want) < 146
    assert browser.eval(VISIBLE_SEQS) == want
    assert browser.eval("document.querySelector('.count[data-for=tasks]').textContent") == f"显示 {len(want)} / 146 项任务"
    # Only as lead unit.
    browser.eval("(() => { const s = document.querySelector('[data-f=role]'); s.value = 'lead';"
                 " s.dispatchEvent(new Event('change', {bubbles: true})); })()")
    assert browser.eval(VISIBLE_SEQS) == [t.seq for t in doc.tasks if "市教育局" in t.lead_units]
    browser.eval("document.getElementById('tasks').scrollIntoView()")
    shot = browser.screenshot(tmp_path / "report-tasks-filtered.png")
    assert shot.stat().st_size > 10_000

    # Part of a name matches every unit containing it.
    browser.eval("document.querySelector('.controls[data-for=tasks] .reset').click()")
    type_into(browser, "[data-f=unit]", "教育")
    assert browser.eval(VISIBLE_SEQS) == expected_seqs(doc, "教育", exact=False)

    # A task's 原文 button opens its passage with exactly its span highlighted.
    first = doc.tasks[0]
    browser.eval("document.querySelector('.controls[data-for=tasks] .reset').click()")
    browser.eval(f"document.getElementById('{NOTICE}-{first.id}').querySelector('.btn-src').click()")
    assert browser.eval("document.getElementById('zz-src').open") is True
    text = raw_path(NOTICE).read_text(encoding="utf-8")
    assert browser.eval("document.querySelector('#zz-src mark').textContent") == text[first.span.start:first.span.end]
    browser.screenshot(tmp_path / "report-source.png")
    browser.eval("document.querySelector('#zz-src .dlg-close').click()")
    assert browser.eval("document.getElementById('zz-src').open") is False

    # A heat-map cell filters the table to that leader and lead unit.
    browser.eval("document.querySelector('#matrix g.cell').dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    spec = json.loads(browser.eval("document.querySelector('#matrix g.cell').getAttribute('data-filter-set')"))
    leader, unit = spec["values"]["leader"], spec["values"]["unit"]
    assert browser.eval(VISIBLE_SEQS) == [t.seq for t in doc.tasks if leader in t.leaders and unit in t.lead_units]

    browser.eval("window.scrollTo(0, 0)")
    browser.eval("document.querySelector('.controls[data-for=tasks] .reset').click(); window.scrollTo(0, 0)")
    browser.screenshot(tmp_path / "report.png")

    # At phone width the page does not scroll sideways (tables become cards, charts scroll).
    load(browser, page, width=390, height=844, mobile=True)
    assert browser.eval("document.documentElement.scrollWidth <= window.innerWidth") is True
    browser.screenshot(tmp_path / "report-phone-top.png")

    urls = requested_urls(browser)
    assert set(urls) == {page.resolve().as_uri()}, urls  # the page itself and nothing else
    assert page_problems(browser) == []


def test_browser_phone_width_and_hostile_text(browser, tmp_path):
    page = tmp_path / "hostile.html"
    text = "前言𠀀𠀁\n" + HOSTILE  # astral characters before the spans: code points, not UTF-16 units
    doc = parse_text(text, kind="notice")
    page.write_text(render_report([doc], [text]), encoding="utf-8")
    load(browser, page, width=390, height=844, mobile=True)
    assert browser.eval("document.scripts.length") == 2  # the text's <script> stayed text
    assert browser.eval("document.documentElement.scrollWidth <= window.innerWidth + 1") is True
    assert browser.eval(VISIBLE_SEQS) == [1, 2]
    task = doc.tasks[0]
    browser.eval(f"document.getElementById('stdin-{task.id}').querySelector('.btn-src').click()")
    assert browser.eval("document.querySelector('#zz-src mark').textContent") == text[task.span.start:task.span.end]
    browser.screenshot(tmp_path / "report-phone.png")
    assert requested_urls(browser) == [page.resolve().as_uri()]
    assert page_problems(browser) == []


@pytest.mark.parametrize("module", ["escape", "render", "sources", "svg"])
def test_module_examples(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"zzgov.report_html.{module}"))
    assert result.failed == 0 and result.attempted > 0


# ---------------------------------------------------------------- units, anchors, scale

def _unit_filter(page: str, queries: list[str], role: str = "any") -> dict[str, list[int]]:
    """The task rows the page's own unit filter (assets.UNIT_FILTER_JS, run by node) shows
    for each query: the page's unit list, alias map and row data, as the browser reads them."""
    import html as html_lib

    from zzgov.report_html.assets import UNIT_FILTER_JS

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    units = [html_lib.unescape(u) for u in re.findall(
        r'<option value="([^"]*)"></option>', page.split('<datalist id="zz-units">', 1)[1].split("</datalist>", 1)[0])]
    aliases = json.loads(html_lib.unescape(re.search(r'data-aliases="([^"]*)"', page).group(1)))
    rows = [{"seq": int(seq), "lead": json.loads(html_lib.unescape(lead)), "co": json.loads(html_lib.unescape(co))}
            for seq, lead, co in re.findall(r'<tr id="[^"]*" data-doc="d0" data-seq="(\d+)" data-leaders="[^"]*" '
                                            r'data-lead="([^"]*)" data-co="([^"]*)"', page)]
    script = UNIT_FILTER_JS + """
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const q of input.queries) {
  const wanted = zzUnitSet(q, input.units, input.aliases);
  out[q] = input.rows.filter(r => (input.role === "lead" ? r.lead : input.role === "co" ? r.co : r.lead.concat(r.co))
    .some(n => wanted[n] === true)).map(r => r.seq);
}
process.stdout.write(JSON.stringify(out));
"""
    payload = json.dumps({"queries": queries, "units": units, "aliases": aliases, "rows": rows, "role": role})
    done = subprocess.run([node, "-e", script], input=payload, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_unit_filter_counts_what_zzgov_units_counts_by_name_and_alias(notice_doc):
    """Every unit, typed by its canonical name or by any spelling the notice used, shows the
    tasks `zzgov units` gives it, and only those; open tails are never offered as units."""
    from zzgov.summaries import unit_summary

    page = render_report([notice_doc], [None])
    summary = unit_summary(notice_doc.tasks)
    queries = [u.name for u in summary] + [a for u in summary for a in u.aliases]
    shown = _unit_filter(page, queries)
    for u in summary:
        want = sorted(set(u.lead_tasks) | set(u.co_tasks))
        assert shown[u.name] == want, u.name
        for alias in u.aliases:
            assert shown[alias] == want, (alias, u.name)
    assert any(u.aliases for u in summary)  # the notice writes some units two ways
    eco = next(u for u in summary if u.name == "市生态环境局")
    assert len(shown["市生态环境局"]) == len(eco.lead_tasks) + len(set(eco.co_tasks) - set(eco.lead_tasks))
    lead = _unit_filter(page, [u.name for u in summary], role="lead")
    assert all(lead[u.name] == sorted(u.lead_tasks) for u in summary)
    # Part of a name: every unit whose name or spelling holds it.
    part = _unit_filter(page, ["教育"])["教育"]
    assert part == sorted({t.seq for t in notice_doc.tasks if any("教育" in n for n in (*t.lead_units, *t.units))})
    offered = page.split('<datalist id="zz-units">', 1)[1].split("</datalist>", 1)[0]
    opens = {n for t in notice_doc.tasks for n in t.units_open}
    assert opens and not any(f'value="{n}"' in offered for n in opens)


def test_each_task_has_an_anchor_that_survives_other_documents(notice_doc):
    alone = render_report([notice_doc], [None])
    news = seed_doc("004_66ae2ada72c6f6af")
    together = render_report([news, notice_doc, notice_doc], [None, None, None])
    for t in notice_doc.tasks:
        anchor = f"{NOTICE}-{t.id}"
        for page in (alone, together):
            assert f'<tr id="{anchor}" ' in page and f'href="#{anchor}"' in page
        assert f'<tr id="{NOTICE}~2-{t.id}" ' in together  # the same document twice: still unique
    ids = re.findall(r'<tr id="([^"]+)"', together)
    assert len(ids) == len(set(ids)) == 2 * len(notice_doc.tasks)


def test_the_pages_size_grows_linearly_with_the_documents():
    """k copies of the seed corpus give a page about k times as large (the pairs were once
    targets × documents: 200 documents, 167 MB)."""
    from zzgov.track import track_documents

    seeds = sorted(RAW.glob("*.txt"))
    base = [seed_doc(p.stem) for p in seeds]
    texts = [p.read_text(encoding="utf-8") for p in seeds]

    def size(k):
        docs = [d.model_copy(update={"id": f"{i:02d}_{d.id}"}) for i in range(k) for d in base]
        page = render_report(docs, texts * k, pairs=track_documents(docs))
        return len(page.encode("utf-8"))

    one, four = size(1), size(4)
    assert four < 4.2 * one


def test_lone_surrogates_anywhere_in_the_records_give_a_writable_page(tmp_path):
    """A record holding a lone surrogate (valid JSON: "\\ud800") is reported, not a traceback."""
    from zzgov.models import Document

    text = "1. 建设学校。\n责任领导：王明\n牵头单位：市教育局\n"
    data = json.loads(parse_text(text, kind="notice", doc_id="bad").model_dump_json())
    data["id"] = "bad\ud800id"
    data["meta"]["title"] = "标题\udfff"
    data["tasks"][0].update(lead_units=["市\udc80局"], leaders=["王\ud800"], text="建设\ud800学校")
    page = render_report([Document.model_validate(data)], [text])
    assert "\ud800" not in page and "\udc80" not in page
    page.encode("utf-8")
    records = tmp_path / "bad.json"
    records.write_text(json.dumps(data), encoding="ascii")  # "\ud800" escapes: valid JSON
    out = tmp_path / "r.html"
    r = subprocess.run([sys.executable, "-m", "zzgov", "report", str(records), "-o", str(out)],
                       capture_output=True, text=True)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "市\ufffd局" in out.read_text(encoding="utf-8")


def test_the_page_script_parses():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    done = subprocess.run([node, "--check", "-"], input=JS, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
