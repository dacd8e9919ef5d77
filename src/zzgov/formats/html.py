"""Web pages -> the article's text, its metadata first, tables as table lines.

A government page is a template around an article: navigation, breadcrumbs, a date/source
bar with font-size and share buttons, related links, a footer with the site's licence.  The
reader (lxml's HTML parser, which repairs the broken markup real sites serve):

1. decodes the bytes by the charset the page declares (`<meta charset>`, `http-equiv`),
   reading GB2312/GBK as GB18030 (their superset), else as zzgov decodes plain text;
2. collects the page's own metadata: `<meta>` tags (ArticleTitle, PubDate, ContentSource),
   label/value pairs of a metadata table (索引号 / 发文机关 / 发文字号 / 成文日期 …) and the
   date/source bar (`发布时间：… 来源：…`);
3. drops chrome: elements that are never content (scripts, forms, nav, footer) and those
   whose id or class names a chrome part (zzgov/data/html.yaml lists the words);
4. finds the article: the first element a known content selector names, else the element
   holding most of the page's text that is not link text;
5. writes the metadata as leading lines in the labelled form the parsers read
   (`发文字号：…`, `发布时间：…`, `来源：…`), then the article, a line per block, tables
   through formats.tables.
"""

from __future__ import annotations

import functools
from importlib import resources

import regex

from zzgov.formats import Extracted, FormatError, version_of
from zzgov.formats.tables import TextBuilder, fill_grid

_SNIFF = 4096
_CHARSET = regex.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", regex.I)
_XML_DECL = regex.compile(r"^\s*<\?xml[^>]*\?>", regex.I)

BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
         "article", "blockquote", "pre", "dd", "dt", "dl", "center", "hr", "main", "form", "figure",
         "figcaption", "caption", "tbody", "thead", "tfoot", "address", "td", "th"}
HEADINGS = ("h1", "h2", "h3")


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    import yaml

    text = resources.files("zzgov").joinpath("data", "html.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.lru_cache(maxsize=1)
def _patterns():
    v = vocab()
    chrome = regex.compile(r"(?:^|[-_\s])(?:" + "|".join(map(regex.escape, v["chrome_words"])) + r")(?:$|[-_\s\d])",
                           regex.I)
    labels = {}
    for field, names in v["meta_labels"].items():
        for n in names:
            labels[n] = field
    label_re = regex.compile(r"^\s*(" + "|".join(sorted(map(regex.escape, labels), key=len, reverse=True))
                             + r")\s*[:：]?\s*$")
    inline = regex.compile(r"(" + "|".join(sorted(map(regex.escape, labels), key=len, reverse=True))
                           + r")\s*[:：]\s*(.+?)(?=\s{2,}|\s*[|｜]|\s+(?:"
                           + "|".join(map(regex.escape, labels)) + r")\s*[:：]|$)")
    return chrome, labels, label_re, inline


def _decode(data: bytes) -> tuple[str, str]:
    from zzgov.text.decode import DecodeError, decode_text

    m = _CHARSET.search(data[:_SNIFF])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = m.group(1).decode("ascii").lower()
        codec = "gb18030" if declared in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn") else declared
        try:
            return data.decode(codec), codec
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration is common: detect instead
    try:
        d = decode_text(data)
    except DecodeError as exc:
        raise FormatError(f"web page in no readable encoding ({exc})") from None
    return d.text, d.encoding


def _norm(s: str) -> str:
    return regex.sub(r"\s+", " ", s.replace("\u00a0", " ").replace("\u3000", " ")).strip()


_DATE = regex.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?")
_VALUE_END = regex.compile(r"\s*[【\[|｜]")


def _value(field: str, value: str) -> str:
    """A metadata value without what follows it in a bar (`郑州日报 【字号：大 中 小】 打印`): a
    date up to its time, a name up to the first blank."""
    value = _VALUE_END.split(value, maxsplit=1)[0].strip()
    if field in ("published", "signed"):
        m = _DATE.match(value)
        return m.group(0) if m else ""
    if field in ("source", "issuer", "doc_number", "index"):
        return value.split(" ", 1)[0]
    return value


def _classes(el) -> str:
    return f"{el.get('id') or ''} {el.get('class') or ''}".strip()


def _page_meta(root) -> tuple[dict[str, str], list]:
    """title, doc_number, published, source, issuer from meta tags and metadata tables/bars,
    and the elements they were read from (metadata tables, date/source bars), which are page
    furniture, not article text."""
    v = vocab()
    _, labels, label_re, inline = _patterns()
    meta: dict[str, str] = {}
    hits: dict[object, int] = {}  # container -> label cells found in it
    furniture: list = []
    for m in root.iter("meta"):
        name = (m.get("name") or m.get("property") or "").strip().lower()
        field = v["meta_tags"].get(name)
        content = _norm(m.get("content") or "")
        if field and content and field not in meta:
            meta[field] = content
    # label cell followed by its value cell: <td>发文字号：</td><td>国办发〔2026〕1号</td>
    for cell in root.iter("td", "th", "span", "b", "strong", "li", "div", "p", "dt"):
        own = _norm(cell.text_content()) if len(cell) < 3 else ""
        if not own or len(own) > 12:
            continue
        lm = label_re.match(own.replace(" ", ""))  # `标　　题：` is padded to the width of the others
        if not lm:
            continue
        nxt = cell.getnext()
        if nxt is None and cell.getparent() is not None and cell.tag in ("b", "strong", "span"):
            # <td><b>发文字号：</b>国办发〔2026〕1号</td>: the value follows in the parent
            rest = _norm(cell.getparent().text_content())
            value = rest[len(own):].strip() if rest.startswith(own) else ""
        else:
            value = _norm(nxt.text_content()) if nxt is not None else ""
            if not value and cell.tail:
                value = _norm(cell.tail)
        field = labels[lm.group(1)]
        value = _value(field, value) if field != "title" else value
        if value and len(value) <= 120 and field not in meta:
            meta[field] = value
        box = next((a for a in cell.iterancestors("table", "ul", "dl")), cell.getparent())
        hits[box] = hits.get(box, 0) + 1
    # a date/source bar: `发布时间：2026-03-05 10:00  来源：新华社`
    for el in root.iter("div", "p", "span", "td", "li"):
        if len(el) > 8:
            continue
        s = _norm(el.text_content())
        if not s or len(s) > 160:
            continue
        found = list(inline.finditer(s))
        for m in found:
            field = labels[m.group(1)]
            value = _value(field, m.group(2))
            if value and field not in meta:
                meta[field] = value
        # a bar (`发布时间：… 来源：… 【字号】 打印`): two labels on one short line
        if len(found) >= 2 and not any(el in f.iterancestors() for f in furniture):
            furniture.append(el)
    furniture += [box for box, n in hits.items() if n >= 2 and box is not None]
    if "title" not in meta:
        for tag in HEADINGS:
            h = next(iter(root.iter(tag)), None)
            if h is not None and _norm(h.text_content()):
                meta["title"] = _norm(h.text_content())
                break
    if "title" not in meta:
        t = next(iter(root.iter("title")), None)
        if t is not None and _norm(t.text_content()):
            # `标题_中国政府网`, `标题 - 某市人民政府`: the site's name follows a separator
            meta["title"] = regex.split(r"\s*[_|｜]\s*|\s+[-–—]\s+", _norm(t.text_content()))[0]
    return meta, furniture


def _drop_chrome(root) -> None:
    chrome, _, _, _ = _patterns()
    never = set(vocab()["never_content"])
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments, processing instructions
            continue
        if el.tag in never:
            doomed.append(el)
            continue
        names = _classes(el)
        if names and chrome.search(names):
            doomed.append(el)
    for el in doomed:
        _remove(el)


def _remove(el) -> None:
    """Take el out of the tree, keeping the text that followed it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail and tail.strip():
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _text_len(el) -> int:
    total = len(_norm(el.text_content()))
    links = sum(len(_norm(a.text_content())) for a in el.iter("a"))
    return total - links


def _article(root):
    """The element holding the article."""
    body = root.find("body") if root.tag != "body" else root
    if body is None:
        body = root
    whole = max(1, _text_len(body))
    for selector in vocab()["content_selectors"]:
        kind, _, name = selector.partition(":")
        for el in body.iter():
            if not isinstance(el.tag, str):
                continue
            if kind == "tag":
                hit = el.tag == name
            else:
                value = el.get(kind) or ""
                hit = name in value.split()
            if hit:
                if _text_len(el) >= 0.3 * whole:
                    return el
    node = body
    while True:
        best, best_len = None, 0
        for child in node:
            if not isinstance(child.tag, str):
                continue
            n = _text_len(child)
            if n > best_len:
                best, best_len = child, n
        if best is None or best_len < 0.7 * max(1, _text_len(node)):
            return node
        node = best


def _is_layout_table(tbl) -> bool:
    """A table used to lay out the page, not a table of data: it holds another table or a
    single column."""
    if any(t is not tbl for t in tbl.iter("table")):
        return True
    rows = [tr for tr in tbl.iter("tr")]
    widest = max((len([c for c in tr if c.tag in ("td", "th")]) for tr in rows), default=0)
    return widest <= 1


def _cell_text(cell) -> str:
    """A cell's text, a line per block (paragraphs, <br>) inside it."""
    parts: list[str] = []

    def walk(el) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            if not isinstance(child.tag, str):
                if child.tail:
                    parts.append(child.tail)
                continue
            block = child.tag in BLOCK
            if block:
                parts.append("\n")
            walk(child)
            if block:
                parts.append("\n")
            if child.tail:
                parts.append(child.tail)

    walk(cell)
    return "\n".join(_norm(ln) for ln in "".join(parts).split("\n"))


def _int(value, default=1) -> int:
    try:
        return max(1, min(int(str(value).strip() or default), 1000))
    except ValueError:
        return default


def _table(tbl, out: TextBuilder) -> None:
    rows = []
    for tr in tbl.iter("tr"):
        cells = [(_cell_text(c), _int(c.get("rowspan")), _int(c.get("colspan")), ())
                 for c in tr if c.tag in ("td", "th")]
        if cells:
            rows.append(cells)
    grid, ncols = fill_grid(rows)
    out.add_table(grid, ncols)


def _blocks(el, out: TextBuilder, line: list[str]) -> None:
    """Write el's content: inline text gathers into `line`, blocks end it."""

    def flush() -> None:
        s = _norm("".join(line))
        line.clear()
        if s:
            out.line(s)

    if el.text:
        line.append(el.text)
    for child in el:
        if not isinstance(child.tag, str):
            pass
        elif child.tag == "table" and not _is_layout_table(child):
            flush()
            _table(child, out)
        elif child.tag in BLOCK or child.tag == "table":
            flush()
            _blocks(child, out, line)
            flush()
        else:
            _blocks(child, out, line)
        if child.tail:
            line.append(child.tail)


def extract_html(data: bytes) -> Extracted:
    import lxml.html
    from lxml import etree

    text, encoding = _decode(data)
    text = _XML_DECL.sub("", text, count=1)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise FormatError(f"web page that cannot be parsed ({exc}): save the page again") from None
    meta, furniture = _page_meta(root)
    for el in furniture:
        if el.getparent() is not None and el.tag != "body":
            _remove(el)
    _drop_chrome(root)
    article = _article(root)
    body = TextBuilder()
    line: list[str] = []
    _blocks(article, body, line)
    s = _norm("".join(line))
    if s:
        body.line(s)
    content = body.text()
    if not content.strip():
        raise FormatError("web page with no body text (only navigation, scripts or images): "
                          "save the article page itself, or its text")
    head = _meta_lines(meta, content)
    shift = sum(len(h) + 1 for h in head)
    from zzgov.formats import Cell

    cells = tuple(Cell(c.start + shift, c.end + shift, c.table, c.row, c.col) for c in body.cells)
    return Extracted(text="".join(h + "\n" for h in head) + content, format="html",
                     extractor=version_of("lxml"), encoding=encoding, cells=cells,
                     extra={"meta": meta})


def _meta_lines(meta: dict[str, str], content: str) -> list[str]:
    """Leading lines for the metadata the article does not already show near its top."""
    top = content[:400].replace(" ", "")
    labels = vocab()["meta_lines"]
    out: list[str] = []
    title = meta.get("title")
    if title and title.replace(" ", "") not in top:
        out.append(title)
    for field, label in labels.items():
        value = meta.get(field)
        if value and value.replace(" ", "") not in top:
            out.append(f"{label}：{value}")
    return out
