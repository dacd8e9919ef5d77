"""Documents as people get them (issue 22): the seed notice as .txt, .docx, .pdf and .html
gives the same 146 gold tasks, spans point into each extracted text, tables stay tables, a
web page loses its chrome and keeps its metadata, and every unreadable input says what it is
in one line while the batch goes on.  The documents are generated in tests/formats/make.py."""

from __future__ import annotations

import bisect
import functools
import io
import json
import subprocess
import sys
import zipfile

import pytest

from conftest import NOTICE, raw_path
from tests.formats import make
from zzgov.api import parse_bytes
from zzgov.text.decode import DecodeError, decode

pytestmark = pytest.mark.skipif(not make.GOLD.exists(), reason="../shared/gold is not beside the checkout")

FIELDS = ("leaders", "lead_units", "units", "units_open")


@functools.lru_cache(maxsize=None)
def document(fmt: str) -> bytes:
    if fmt == "txt":
        return raw_path(NOTICE).read_bytes()
    return {"docx": make.make_docx, "pdf": make.make_pdf, "html": make.make_notice_html}[fmt]()


@functools.lru_cache(maxsize=None)
def parsed(fmt: str):
    data = document(fmt)
    return decode(data), parse_bytes(data, doc_id="001", path=f"001.{fmt}")


def zzgov(*args, input: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "zzgov", *map(str, args)], input=input,
                          capture_output=True, timeout=120)


def _squash(s: str) -> str:
    return "".join(s.split())


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf", "html"])
def test_the_seed_notice_gives_the_gold_tasks_in_every_format(fmt):
    decoded, doc = parsed(fmt)
    gold = make.load_gold()
    assert doc.kind == "notice"
    got = [{"seq": t.seq, **{f: list(getattr(t, f)) for f in FIELDS}} for t in doc.tasks]
    want = make.expected(gold)
    exact = sum(g == w for g, w in zip(got, want))
    assert (exact, len(got)) == (146, 146), [(w, g) for g, w in zip(got, want) if g != w][:2]
    # spans point into the text zzgov extracted: each task's span holds the task's words
    text = decoded.text
    assert doc.source.chars == len(text)
    for t, g in zip(doc.tasks, gold):
        assert _squash(g["text"]) in _squash(text[t.span.start:t.span.end]), (t.seq, text[t.span.start:t.span.end][:60])
    assert doc.source.format == (None if fmt == "txt" else fmt)


def test_a_word_table_with_merged_cells_is_read_as_a_table():
    decoded, _ = parsed("docx")
    lines = decoded.text.splitlines()
    header = lines.index("\t".join(make.HEADER))
    gold = {r["seq"]: r for r in make.load_gold()}
    rows = [ln.split("\t") for ln in lines[header + 1:] if "\t" in ln]
    assert len(rows) == 146 and all(len(r) == 6 for r in rows)
    for cells in rows:
        r = gold[int(cells[0])]
        # leader cells merged down over a group's tasks are repeated into each row; two
        # leaders written as two paragraphs of one cell are one cell joined by 、
        assert cells[2] == "、".join(r["leaders"]), cells
        assert cells[4] == make.units_text(r)
        assert cells[5] == "2020年底前"  # merged down over each group
    # rows merged across the table (group headings) are lines of their own, without tabs
    for heading in {s for r in gold.values() for s in r["section"]}:
        assert heading in lines
    # every cell written is traceable to its table cell
    seven = next(c for c in decoded.cells if decoded.text[c.start:c.end] == "吴福民、史占勇、陈宏伟")
    assert (seven.table, seven.col) == (0, 2)
    assert decoded.text[decoded.cells[0].start:decoded.cells[0].end] == "序号"


def test_a_small_word_table_merged_down_and_across(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("关于印发重点工作任务分工方案的通知")
    t = d.add_table(rows=5, cols=4)
    for k, h in enumerate(["序号", "工作任务", "责任领导", "责任单位"]):
        t.cell(0, k).text = h
    t.cell(1, 0).merge(t.cell(1, 3)).text = "一、稳定经济增长"
    for r, (n, task, unit) in enumerate([("1", "建设学校。", "市教育局"), ("2", "修建道路。", "市交通局"),
                                         ("3", "改造管网。", "市城管局")], start=2):
        t.cell(r, 0).text, t.cell(r, 1).text, t.cell(r, 3).text = n, task, unit
    leader = t.cell(2, 2).merge(t.cell(4, 2))
    leader.text = "王明"
    leader.add_paragraph("李强")
    buf = io.BytesIO()
    d.save(buf)
    got = decode(buf.getvalue()).text.splitlines()
    assert got == ["关于印发重点工作任务分工方案的通知", "序号\t工作任务\t责任领导\t责任单位", "一、稳定经济增长",
                   "1\t建设学校。\t王明、李强\t市教育局", "2\t修建道路。\t王明、李强\t市交通局",
                   "3\t改造管网。\t王明、李强\t市城管局"]


def test_pdf_pages_lead_back_from_a_span_to_its_page():
    decoded, doc = parsed("pdf")
    pages = doc.source.pages
    assert pages[0] == 0 and pages == sorted(pages) and len(pages) == len(set(pages)) > 5
    text = decoded.text
    assert make.TITLE in text[pages[0]:pages[1]]
    last = doc.tasks[-1]
    page = bisect.bisect_right(pages, last.span.start) - 1
    assert page == len(pages) - 1  # the last task is printed on the last page
    assert doc.source.extractor.startswith("pdfplumber ")


def test_a_pdf_table_row_broken_across_pages_is_one_row_and_a_repeated_header_is_dropped():
    """Word lets a row break at the page end: the half at the top of the next page (first cell
    empty) joins the row it continues; a header row repeated on each page is written once."""
    gold = make.load_gold()
    for data in (document("pdf"), make.make_pdf(gold[:40], repeat_header=True)):
        d = decode(data)
        lines = d.text.splitlines()
        assert len(d.pages) > 1
        assert not [ln for ln in lines if ln.startswith("\t")]  # no row without its first cell
        assert sum(ln.startswith("序号\t") for ln in lines) == 1
        rows = {int(ln.split("\t")[0]): ln.split("\t") for ln in lines if ln[:1].isdigit() and "\t" in ln}
        for r in gold[:40]:
            assert _squash(rows[r["seq"]][1]) == _squash(r["text"]), r["seq"]
        assert "— 1 —" in lines  # page numbers stay, after the table's rows of their page


def test_a_pdf_cell_wrapped_by_width_joins_without_a_separator():
    """A unit list wrapped inside its column (`…各县（市、区）` / `政府`) joins as written, while
    leaders printed one per line join with 、."""
    decoded, _ = parsed("pdf")
    row7 = next(ln for ln in decoded.text.splitlines() if ln.startswith("7\t"))
    assert row7.split("\t")[2] == "吴福民、史占勇、陈宏伟"
    row13 = next(ln for ln in decoded.text.splitlines() if ln.startswith("13\t")).split("\t")
    gold13 = next(r for r in make.load_gold() if r["seq"] == 13)
    assert row13[4] == make.units_text(gold13)


def test_web_page_of_a_report_drops_the_chrome_and_keeps_its_metadata():
    data, txt = make.make_report_html()
    d = decode(data)
    assert (d.format, d.encoding) == ("html", "gb18030")  # declared gb2312, read as its superset
    for chrome in ("首页", "政务公开", "当前位置", "分享到", "打印本页", "关闭窗口", "相关文章", "网站标识码",
                   "字号", "统计代码", "请输入关键字"):
        assert chrome not in d.text, chrome
    head = d.text.splitlines()[:3]
    assert head == ["2026年郑州市人民政府工作报告", "发布时间：2026-01-20 09:00", "来源：郑州日报"]
    from zzgov.api import parse_text

    from_page, from_text = parse_bytes(data), parse_text(txt)
    assert from_page.kind == from_text.kind == "report"
    figs = lambda doc, text: [(f.value, f.unit, f.kind, text[f.span.start:f.span.end]) for f in doc.figures]
    assert figs(from_page, d.text) == figs(from_text, txt) and len(from_page.figures) > 100


def test_web_page_metadata_table_gives_the_doc_number():
    d, doc = parsed("html")
    assert doc.meta.doc_number == make.DOC_NUMBER
    assert "索引号" not in d.text  # the metadata table is read, not copied into the body


def test_formats_are_known_by_content_not_extension(tmp_path):
    for fmt in ("docx", "pdf", "html"):
        (tmp_path / f"notice_{fmt}.txt").write_bytes(document(fmt)[:] if fmt != "pdf" else make.make_pdf(make.load_gold()[:5]))
    p = zzgov("parse", tmp_path)
    assert p.returncode == 0, p.stderr.decode()
    docs = [json.loads(ln) for ln in p.stdout.decode().splitlines()]
    assert [d["source"]["format"] for d in docs] == ["docx", "html", "pdf"]
    assert [len(d["tasks"]) for d in docs] == [146, 146, 5]


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in files.items():
            z.writestr(name, body)
    return buf.getvalue()


def _ole2(stream_name: str) -> bytes:
    """The start of an OLE2 compound file whose directory names `stream_name`."""
    return (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + stream_name.encode("utf-16-le")
            + b"\x00" * 2000)


BAD = {
    "encrypted.pdf": (lambda: make.make_pdf(make.load_gold()[:3], encrypt=True), "encrypted PDF"),
    "scan.pdf": (lambda: make.make_pdf(make.load_gold()[:3], image_only=True), "image-only PDF: no text layer"),
    "broken.pdf": (lambda: make.make_pdf(make.load_gold()[:3])[:300], "corrupt PDF"),
    "cut.docx": (lambda: document("docx")[:20_000], "corrupt .docx"),
    "bad_xml.docx": (lambda: _zip({"[Content_Types].xml": document("docx") and _content_types(),
                                   "_rels/.rels": _rels(), "word/document.xml": b"<w:document><w:body><w:p>"}),
                     "corrupt .docx"),
    "old.doc": (lambda: _ole2("WordDocument"), "old binary Word document (.doc/.wps): not readable; save it as .docx"),
    "locked.docx": (lambda: _ole2("EncryptedPackage"), "password-protected"),
    "sheet.xlsx": (lambda: _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
                   "an Excel workbook (.xlsx), not a Word document"),
    "empty_page.html": (lambda: ("<!DOCTYPE html><html><head><title>首页</title></head><body>"
                                 "<div class='nav'><a href='/'>首页</a><a href='/x'>政务公开</a></div>"
                                 "<script>var a='正文';</script><img src='a.png'></body></html>").encode(),
                        "web page with no body text"),
}


def _content_types() -> bytes:
    with zipfile.ZipFile(io.BytesIO(document("docx"))) as z:
        return z.read("[Content_Types].xml")


def _rels() -> bytes:
    with zipfile.ZipFile(io.BytesIO(document("docx"))) as z:
        return z.read("_rels/.rels")


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_unreadable_document_says_what_it_is_in_one_line(name):
    build, fragment = BAD[name]
    with pytest.raises(DecodeError) as exc:
        decode(build())
    msg = str(exc.value)
    assert fragment in msg and "\n" not in msg, msg


def test_a_batch_goes_on_past_every_unreadable_document(tmp_path):
    for name, (build, _) in BAD.items():
        (tmp_path / name).write_bytes(build())
    (tmp_path / "zz_notice.txt").write_bytes(document("txt"))
    p = zzgov("parse", tmp_path, "-o", tmp_path / "out")
    assert p.returncode == 1
    errors = p.stderr.decode().splitlines()
    assert len(errors) == len(BAD) and all(e.startswith("zzgov: error: ") for e in errors), errors
    for name, (_, fragment) in BAD.items():
        assert any(name in e and fragment in e for e in errors), (name, errors)
    assert "Traceback" not in p.stderr.decode()
    out = json.loads((tmp_path / "out" / "zz_notice.json").read_text(encoding="utf-8"))
    assert len(out["tasks"]) == 146


def test_zzgov_text_prints_the_text_spans_point_into(tmp_path):
    f = tmp_path / "notice.docx"
    f.write_bytes(document("docx"))
    p = zzgov("text", f)
    assert p.returncode == 0, p.stderr.decode()
    text = p.stdout.decode("utf-8")
    _, doc = parsed("docx")
    assert len(text) == doc.source.chars
    for t in doc.tasks[:10]:
        assert text[t.span.start:t.span.end] == parsed("docx")[0].text[t.span.start:t.span.end]
    # a plain text file: its decoded text, unchanged
    assert zzgov("text", raw_path(NOTICE)).stdout == raw_path(NOTICE).read_bytes()
    # several files go to a directory, one .txt each; an unreadable one is reported and skipped
    (tmp_path / "scan.pdf").write_bytes(BAD["scan.pdf"][0]())
    p = zzgov("text", f, tmp_path / "scan.pdf", "-o", tmp_path / "texts")
    assert p.returncode == 1 and "image-only PDF" in p.stderr.decode()
    assert (tmp_path / "texts" / "notice.txt").read_text(encoding="utf-8") == text
    assert not (tmp_path / "texts" / "scan.txt").exists()


def test_web_page_of_a_news_article_gives_the_headline_time_and_outlet():
    from zzgov.api import parse_text

    data, txt = make.make_news_html()
    d = decode(data)
    page, seed = parse_bytes(data), parse_text(txt)
    assert page.kind == seed.kind == "news"
    for field in ("title", "published", "outlet", "authors"):
        assert getattr(page.meta, field) == getattr(seed.meta, field), field
    assert [s.title for s in page.sections] == [s.title for s in seed.sections]
    figs = lambda doc, text: [(f.value, f.unit, f.kind, text[f.span.start:f.span.end]) for f in doc.figures]
    assert figs(page, d.text) == figs(seed, txt)
    assert "首页" not in d.text and "相关新闻" not in d.text


def test_a_zip_bomb_posing_as_a_docx_is_refused_unread():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _content_types())
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            block = b" " * (1 << 20)
            for _ in range(300):
                fh.write(block)
    with pytest.raises(DecodeError, match="ZIP bomb"):
        decode(buf.getvalue())


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_the_same_document_gives_byte_identical_output(fmt):
    from zzgov.emit import dumps_bytes

    data = document(fmt)
    assert dumps_bytes(parse_bytes(data), "json") == dumps_bytes(parse_bytes(data), "json")


def test_a_page_fragment_and_an_rtf_file_are_known_by_content():
    frag = "<div class='TRS_Editor'><p>一、稳定经济增长</p><p>1. 建设学校。</p></div>".encode()
    assert decode(frag).text == "一、稳定经济增长\n1. 建设学校。\n"
    with pytest.raises(DecodeError, match=r"an RTF document\), not text; save it as \.docx or PDF"):
        decode(b"{\\rtf1\\ansi\\deff0 {\\fonttbl}}")


def test_a_county_page_without_meta_tags_gives_its_metadata_table_and_bar_as_leading_lines():
    """Labels padded to one width (`标　　题：`), two label/value pairs a row, a date/source bar
    with a font-size switch: the values are read and the table and bar leave the body."""
    page = ("<!DOCTYPE html><html><head><meta charset='gbk'><title>关于印发某某方案的通知_某县人民政府</title>"
            "</head><body><div class='crumbs'>首页 &gt; 政务公开</div><table class='xxgk'>"
            "<tr><td><b>索　引　号：</b></td><td>000014349/2026-00012</td><td><b>发文机关：</b></td><td>某县人民政府办公室</td></tr>"
            "<tr><td><b>标　　题：</b></td><td>关于印发某某方案的通知</td><td><b>发文字号：</b></td><td>某政办〔2026〕3号</td></tr>"
            "</table><div class='info'>发布时间：2026年01月05日 10:12 来源：县政府办 【字号：大 中 小】 打印</div>"
            "<div class='con'><p>各乡镇人民政府，县政府各部门：</p><p>现将《某某方案》印发给你们，请认真贯彻执行。</p>"
            "<p>某县人民政府办公室</p><p>2026年1月4日</p></div><div class='footer'>网站标识码 1234</div></body></html>")
    d = decode(page.encode("gbk"))
    assert d.text.splitlines() == ["关于印发某某方案的通知", "发文字号：某政办〔2026〕3号", "发布时间：2026年01月05日 10:12",
                                   "来源：县政府办", "各乡镇人民政府，县政府各部门：", "现将《某某方案》印发给你们，请认真贯彻执行。",
                                   "某县人民政府办公室", "2026年1月4日"]
    assert parse_bytes(page.encode("gbk")).meta.doc_number == "某政办〔2026〕3号"


def test_a_word_text_box_is_read_once_not_twice():
    """Word stores a text box twice (mc:Choice for new readers, mc:Fallback for old ones)."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    p = d.add_paragraph("正文第一段。")
    p._p.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        '<w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>'
        '</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>'))
    buf = io.BytesIO()
    d.save(buf)
    assert decode(buf.getvalue()).text == "正文第一段。文本框\n"


def test_a_page_laid_out_in_tables_keeps_its_data_table_and_its_text_lines():
    """Old sites lay pages out in tables: a table holding a table is layout (its cells are
    blocks), a row with a single cell is a line, and the data table inside stays a table."""
    page = ("<html><head><meta charset='utf-8'><title>某市政府</title></head><body><table width='980'>"
            "<tr><td class='nav'><a href='/'>首页</a></td></tr><tr><td><table>"
            "<tr><td>文章正文第一段，关于做好重点工作。</td></tr></table><table border='1'>"
            "<tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr><tr><td>1</td><td>建设学校。</td>"
            "<td rowspan='2'>市教育局</td></tr><tr><td>2</td><td>改造校舍。</td></tr></table></td></tr></table></body></html>")
    assert decode(page.encode()).text.splitlines() == [
        "某市政府", "文章正文第一段，关于做好重点工作。", "序号\t工作任务\t责任单位", "1\t建设学校。\t市教育局",
        "2\t改造校舍。\t市教育局"]


def test_the_answer_commands_read_word_files_too(tmp_path):
    """Every command takes documents through the same input path: `zzgov leaders` on the
    Word notice names the same leaders with the same tasks as on the text notice."""
    f = tmp_path / "notice.docx"
    f.write_bytes(document("docx"))
    from_docx = zzgov("leaders", f, "--format", "jsonl")
    from_txt = zzgov("leaders", raw_path(NOTICE), "--format", "jsonl")
    assert from_docx.returncode == from_txt.returncode == 0, from_docx.stderr.decode()
    rows = lambda p: [{k: v for k, v in json.loads(ln).items() if k != "document"} for ln in p.stdout.decode().splitlines()]
    leaders = {name for r in make.load_gold() for name in r["leaders"]}
    assert {r["leader"] for r in rows(from_docx)} == leaders and rows(from_docx) == rows(from_txt)


def test_a_page_source_saved_as_text_after_plain_navigation_words_is_read_as_a_page():
    """A scraper's or a "save as text" copy: a few navigation words on lines of their own,
    then every line wrapped in `<p style=…>` with stray closing tags and entities."""
    src = ("关闭\n\n网站首页\n\n部门网站\n\n当前位置:  首页 >  政府文件\n"
           '<p style="font-size: 36px; text-align: center">临川市人民政府关于印发2012年重点工作责任分解的通知</font></strong></p>\n'
           '<p style="text-indent: 23pt">&nbsp;</p>\n'
           "<p>各县（区）人民政府，市政府各部门：</p>\n"
           "<p>  一、推进&ldquo;项目建设年&rdquo;活动</p>\n"
           "<p>  1.全年实施亿元以上项目120个。</p>\n"
           "<p>  分管市长：周明远&nbsp;&nbsp;陈立华</p>\n"
           "<p>  责任单位：市发改委、市住建局</p>\n"
           "<p>  2.新建农村公路300公里。</p>\n"
           "<p>  分管市长：陈立华</p>\n"
           "<p>  责任单位：市交通局</p>\n")
    got = decode(src.encode())
    assert got.format == "html"
    assert "<p" not in got.text and "&ldquo;" not in got.text and "推进“项目建设年”活动" in got.text
    doc = parse_bytes(src.encode(), doc_id="p", path="p.txt")
    assert [(t.text, t.leaders, t.units) for t in doc.tasks] == [
        ("全年实施亿元以上项目120个。", ["周明远", "陈立华"], ["市发改委", "市住建局"]),
        ("新建农村公路300公里。", ["陈立华"], ["市交通局"]),
    ]


def test_a_plain_document_quoting_a_few_tags_stays_plain_text():
    src = ("关于网站改版的通知\n各单位：\n正文段落用<p>标签包裹，换行用<br>标签。\n"
           + "".join(f"{i}. 第{i}项要求，不得使用<font>标签。\n" for i in range(1, 9)))
    got = decode(src.encode())
    assert got.format is None or got.format == "text"
    assert got.text == src
