"""Test documents in the formats people send: the seed notice's 146 gold tasks
(../shared/gold/tasks_001.jsonl) as a Word table, as a ruled PDF table and as a gov.cn-style
web page, and the seed work report as a GB2312 web page with its site chrome.

The markup follows what real ones hold: Word tables whose group rows are one cell merged
across the table (`w:gridSpan`), whose leader cells hold one leader per paragraph and are
merged down (`w:vMerge`) over a group's rows when they share a leader; a PDF table drawn
with a border around every cell, text wrapped inside each column; a page with navigation,
breadcrumbs, a metadata table (索引号 / 发文机关 / 发文字号 …), a date/source bar with
font-size and share buttons, the article in a CMS content container, and a footer.

The PDF is written here object by object: its font is a CID font referenced by name (no
font file is embedded, so no CJK font has to be installed to make it) with a ToUnicode map,
which is what the text layer, the thing under test, is read from.
"""

from __future__ import annotations

import html
import io
import json
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "tasks_001.jsonl"
REPORT = SHARED / "corpus" / "002_dd6a1c3c8da025d0.txt"

TITLE = "郑州市人民政府办公厅关于做好2020年市政府工作报告重点工作任务落实的通知"
DOC_NUMBER = "郑政办〔2020〕29号"
HEADER = ("序号", "重点工作任务", "责任领导", "牵头单位", "责任单位", "完成时限")
COVER = [
    "各县（市、区）人民政府，市人民政府各部门，各有关单位：",
    "经市人民政府同意，现将《2020年市政府工作报告重点工作任务分解》印发给你们，请认真贯彻落实。",
    "2020年5月26日",
    "2020年市政府工作报告重点工作任务分解",
]


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def units_text(r: dict) -> str:
    return "、".join(r["units"]) + "".join(r["units_open"])


def expected(rows: list[dict]) -> list[dict]:
    return [{"seq": r["seq"], "leaders": r["leaders"], "lead_units": r["lead_units"], "units": r["units"],
             "units_open": r["units_open"]} for r in rows]


def table_rows(rows: list[dict]) -> list[tuple[str, object]]:
    """("group", heading) and ("task", gold row) in document order: a group row for each
    new top-level heading and each new second-level heading."""
    out: list[tuple[str, object]] = []
    last: list[str] = []
    for r in rows:
        for lvl, s in enumerate(r["section"]):
            if lvl >= len(last) or last[lvl] != s:
                out.append(("group", s))
                last = last[:lvl] + [s]
        out.append(("task", r))
    return out


# --- Word ---------------------------------------------------------------------------------


def make_docx(rows: list[dict] | None = None) -> bytes:
    """The notice with its tasks as a Word table: group rows merged across the table, leader
    cells merged down over consecutive tasks of one leader group, two leaders as two
    paragraphs of one cell, 完成时限 merged down over each group."""
    import docx
    from docx.shared import Pt

    rows = rows if rows is not None else load_gold()
    d = docx.Document()
    d.styles["Normal"].font.size = Pt(10.5)
    d.add_paragraph("郑州市人民政府办公厅文件")
    d.add_paragraph(DOC_NUMBER)
    d.add_paragraph(TITLE)
    for p in COVER:
        d.add_paragraph(p)
    items = table_rows(rows)
    t = d.add_table(rows=1 + len(items), cols=len(HEADER))
    t.style = "Table Grid"
    # Table.cell(r, c) lays out the whole grid on each call: take each row's cells once
    grid = [row.cells for row in t.rows]
    for k, h in enumerate(HEADER):
        grid[0][k].text = h
    leader_run: tuple[int, tuple] | None = None  # (first row, leaders) of the current vertical merge
    deadline_from: int | None = None

    def close_leaders(end: int) -> None:
        if leader_run and end > leader_run[0]:
            grid[leader_run[0]][2].merge(grid[end][2])

    def close_deadline(end: int) -> None:
        if deadline_from is not None and end > deadline_from:
            grid[deadline_from][5].merge(grid[end][5])

    for i, (what, item) in enumerate(items, start=1):
        if what == "group":
            close_leaders(i - 1)
            close_deadline(i - 1)
            leader_run, deadline_from = None, None
            merged = grid[i][0].merge(grid[i][len(HEADER) - 1])
            merged.text = item
            continue
        r = item
        cells = grid[i]
        cells[0].text = str(r["seq"])
        cells[1].text = r["text"]
        cells[3].text = "、".join(r["lead_units"])
        cells[4].text = units_text(r)
        leaders = tuple(r["leaders"])
        if leader_run is None or leader_run[1] != leaders:
            close_leaders(i - 1)
            leader_run = (i, leaders)
            cell = grid[i][2]
            cell.text = leaders[0] if leaders else ""
            for name in leaders[1:]:
                cell.add_paragraph(name)  # one leader per paragraph
        if deadline_from is None:
            deadline_from = i
            grid[i][5].text = "2020年底前"
    close_leaders(len(items))
    close_deadline(len(items))
    d.add_paragraph("郑州市人民政府办公厅 2020年5月26日印发")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# --- PDF ----------------------------------------------------------------------------------

PAGE_W, PAGE_H, MARGIN = 595.0, 842.0, 40.0
SIZE, LEADING, PAD = 9.0, 12.0, 3.0
COLS = (30.0, 225.0, 45.0, 90.0, 125.0)  # 序号 / 任务 / 领导 / 牵头 / 责任: 515 pt


def _wrap(text: str, width: float) -> list[str]:
    per_line = max(1, int((width - 2 * PAD) // SIZE))
    return [text[i:i + per_line] for i in range(0, len(text), per_line)] or [""]


def _hex(s: str) -> str:
    return "".join(f"{ord(c):04X}" for c in s)


class _Page:
    def __init__(self) -> None:
        self.ops: list[str] = []
        self.y = PAGE_H - MARGIN

    def text(self, x: float, y: float, s: str) -> None:
        if s:
            self.ops.append(f"BT /F1 {SIZE:g} Tf {x:.2f} {y:.2f} Td <{_hex(s)}> Tj ET")

    def rect(self, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re S")


def _pdf_bytes(pages: list[_Page], encrypt: bool = False, image_only: bool = False) -> bytes:
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")  # filled below
    pages_obj = add(b"")
    tounicode = "\n".join(f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(0x00, 0x100) if not 0xD8 <= hi <= 0xDF)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) "
            "/Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{sum(1 for hi in range(256) if not 0xD8 <= hi <= 0xDF)} beginbfrange\n{tounicode}\nendbfrange\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    tu = add(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    desc = add(b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] "
               b"/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>")
    cid = add(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
              b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>" % desc)
    font = add(b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
               b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, tu))
    kids = []
    for page in pages:
        if image_only:
            raw = bytes([200, 200, 200]) * 64
            img = add(b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceRGB "
                      b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(raw) + raw + b"\nendstream")
            content = b"q 500 0 0 700 40 60 cm /Im1 Do Q"
            res = b"<< /XObject << /Im1 %d 0 R >> >>" % img
        else:
            content = zlib.compress("\n".join(page.ops).encode("ascii"))
            res = b"<< /Font << /F1 %d 0 R >> >>" % font
        filt = b"" if image_only else b" /Filter /FlateDecode"
        stream = add(b"<< /Length %d%s >>\nstream\n" % (len(content), filt) + content + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents %d 0 R >>"
                        % (pages_obj, PAGE_W, PAGE_H, res, stream)))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objs[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    enc = None
    if encrypt:  # RC4 with a user password the reader does not have (the /U entry is no match)
        enc = add(b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <" + b"11" * 32 + b"> /U <"
                  + b"22" * 32 + b"> >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objs) + 1, catalog)
    if enc:
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (enc, b"ab" * 16, b"ab" * 16)
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def make_pdf(rows: list[dict] | None = None, encrypt: bool = False, image_only: bool = False,
             split_rows: bool = True, repeat_header: bool = False) -> bytes:
    """The notice printed to PDF: title lines, then the task table with a border around every
    cell, each cell's text wrapped to its column, leaders one per line, group rows one cell
    across the table; a row that does not fit is broken across the page end (or, with
    split_rows=False, moved whole to the next page); a page number at the foot of each page;
    with repeat_header, the header row again at the top of each page."""
    rows = rows if rows is not None else load_gold()
    pages = [_Page()]
    page = pages[0]
    x0 = MARGIN
    for line in ["郑州市人民政府办公厅文件", DOC_NUMBER, TITLE, *COVER]:
        for part in _wrap(line, PAGE_W - 2 * MARGIN):
            page.y -= LEADING
            page.text(x0, page.y, part)
    page.y -= LEADING
    table_w = sum(COLS)

    def new_page() -> None:
        nonlocal page
        page.text(PAGE_W / 2 - 2 * SIZE, MARGIN / 2, f"— {len(pages)} —")  # the page number
        pages.append(_Page())
        page = pages[-1]
        if repeat_header:  # Word's "repeat as header row at the top of each page"
            row([[h] for h in HEADER[:5]], COLS)

    def row(cells: list[list[str]], widths: tuple[float, ...]) -> None:
        """A row, broken across the page end where it does not fit (Word's default for
        table rows): the lines that fit stay, the rest continue at the top of the next page."""
        while True:
            height = max(len(c) for c in cells) * LEADING + 2 * PAD
            room = int((page.y - MARGIN - 2 * PAD) // LEADING)
            if page.y - height >= MARGIN or (split_rows and room >= 2 and len(widths) > 1):
                if page.y - height < MARGIN:
                    part, cells = [c[:room] for c in cells], [c[room:] for c in cells]
                else:
                    part, cells = cells, []
                height = max(len(c) for c in part) * LEADING + 2 * PAD
                top = page.y
                x = x0
                for lines, w in zip(part, widths):
                    page.rect(x, top - height, w, height)
                    for k, ln in enumerate(lines):
                        page.text(x + PAD, top - PAD - (k + 1) * LEADING + 3, ln)
                    x += w
                page.y = top - height
                if not any(cells):
                    return
            new_page()

    row([[h] for h in HEADER[:5]], COLS)
    for what, item in table_rows(rows):
        if what == "group":
            row([_wrap(item, table_w)], (table_w,))
            continue
        r = item
        cells = [[str(r["seq"])], _wrap(r["text"], COLS[1]), list(r["leaders"]) or [""],
                 _wrap("、".join(r["lead_units"]), COLS[3]), _wrap(units_text(r), COLS[4])]
        row(cells, COLS)
    return _pdf_bytes(pages, encrypt=encrypt, image_only=image_only)


# --- web pages ----------------------------------------------------------------------------

_CHROME_TOP = """<div class="header"><div class="logo"><img src="/images/logo.png" alt="郑州市人民政府"></div>
<div class="search-box"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/zjzz/">走进郑州</a></li></ul></div>
<div class="BreadcrumbNav">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zfwj/">政府文件</a></div>"""
_CHROME_BOTTOM = """<div class="share-bar"><span>分享到：</span><a class="weixin">微信</a><a class="weibo">微博</a></div>
<div class="print-close"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="related"><h4>相关文章</h4><ul><li><a href="/a.html">关于印发某某工作方案的通知</a></li>
<li><a href="/b.html">市政府常务会议研究部署重点工作</a></li></ul></div>
<div class="footer"><p>主办：郑州市人民政府办公厅 承办：郑州市大数据管理局</p>
<p>网站标识码：4101000001 豫ICP备05008227号 豫公网安备 41010502002727号</p></div>
<script>var _hmt = _hmt || []; document.write("统计代码");</script>"""


def _page(title: str, meta_table: str, date: str, source: str, article: str, charset: str, site: str) -> str:
    bar = f"<span>发布时间：{date}</span> <span>来源：{html.escape(source)}</span>"
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}_{site}</title>
<meta name="ArticleTitle" content="{html.escape(title)}">
<meta name="PubDate" content="{date}">
<meta name="ContentSource" content="{html.escape(source)}">
<style>.TRS_Editor p{{text-indent:2em}}</style></head>
<body>{_CHROME_TOP}
<div class="main">{meta_table}
<div class="article"><h1 class="article-title">{html.escape(title)}</h1>
<div class="pages-date">{bar}<span class="font-size">【字号：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div id="UCAP-CONTENT" class="TRS_Editor">{article}</div></div></div>
{_CHROME_BOTTOM}</body></html>"""


def _meta_table(title: str, doc_number: str) -> str:
    cells = [("索引号", "11410100005252896W/2020-00129"), ("主题分类", "综合政务"),
             ("发文机关", "郑州市人民政府办公厅"), ("成文日期", "2020年05月26日"), ("标题", title),
             ("发文字号", doc_number), ("发布日期", "2020年05月27日")]
    trs = "".join(f"<tr><td class=\"t1\"><b>{k}：</b></td><td>{html.escape(v)}</td></tr>" for k, v in cells)
    return f'<table class="policy-meta bd1">{trs}</table>'


def make_notice_html(rows: list[dict] | None = None) -> bytes:
    """The notice as a government site publishes it: the task table as an HTML table, group
    rows as one cell spanning the table (colspan), leader cells spanning the rows of tasks
    that share them (rowspan), two leaders separated by <br>."""
    rows = rows if rows is not None else load_gold()
    items = table_rows(rows)
    parts = [f"<p>{html.escape(p)}</p>" for p in COVER]
    trs = ["<tr>" + "".join(f"<th>{h}</th>" for h in HEADER[:5]) + "</tr>"]
    k = 0
    while k < len(items):
        what, item = items[k]
        if what == "group":
            trs.append(f'<tr><td colspan="5"><strong>{html.escape(item)}</strong></td></tr>')
            k += 1
            continue
        run = 1
        while k + run < len(items) and items[k + run][0] == "task" and items[k + run][1]["leaders"] == item["leaders"]:
            run += 1
        for j in range(run):
            r = items[k + j][1]
            tds = [str(r["seq"]), html.escape(r["text"])]
            lead_cell = ""
            if j == 0:
                span = f' rowspan="{run}"' if run > 1 else ""
                lead_cell = f"<td{span}>" + "<br>".join(map(html.escape, r["leaders"])) + "</td>"
            trs.append("<tr>" + f"<td>{tds[0]}</td><td><p>{tds[1]}</p></td>" + lead_cell
                       + f"<td>{html.escape('、'.join(r['lead_units']))}</td><td>{html.escape(units_text(r))}</td></tr>")
        k += run
    parts.append('<table border="1" cellspacing="0" class="MsoNormalTable">' + "".join(trs) + "</table>")
    page = _page(TITLE, _meta_table(TITLE, DOC_NUMBER), "2020-05-27 16:30", "郑州市人民政府办公厅",
                 "".join(parts), "utf-8", "郑州市人民政府")
    return page.encode("utf-8")


def make_report_html() -> tuple[bytes, str]:
    """The seed work report as a GB2312-declared page with its site's chrome (encoded as
    GB18030, as the sites' servers do), and the report's text as paragraphs."""
    text = REPORT.read_text(encoding="utf-8")
    paras = [ln.strip() for ln in text.splitlines() if ln.strip()]
    title = "2026年郑州市人民政府工作报告"
    article = "".join(f"<p>\u3000\u3000{html.escape(p)}</p>" for p in paras)
    page = _page(title, "", "2026-01-20 09:00", "郑州日报", article, "gb2312", "郑州市人民政府")
    return page.encode("gb18030"), text


NEWS = SHARED / "corpus" / "004_66ae2ada72c6f6af.txt"


def make_news_html() -> tuple[bytes, str]:
    """The seed news article as its site serves it: breadcrumbs and headline in the page's
    template, the date/source bar as two spans, the article's paragraphs (the part of the
    text after the seed's date line, up to its 相关新闻 footer) in the content container."""
    from zzgov.api import parse_text

    text = NEWS.read_text(encoding="utf-8")
    meta = parse_text(text).meta
    lines = [ln.strip() for ln in text.splitlines()]
    start = next(k for k, ln in enumerate(lines) if "来源" in ln) + 1
    end = next(k for k, ln in enumerate(lines) if ln == "相关新闻")
    body = [ln for ln in lines[start:end] if ln]
    article = "".join(f"<p>{html.escape(p)}</p>" for p in body)
    date = meta.published.replace("T", " ")
    page = _page(meta.title, "", date, meta.outlet, article, "utf-8", "中原网")
    return page.encode("utf-8"), text
