"""Documents as people get them: web pages, Word files and PDFs -> the text zzgov parses.

`sniff(data)` names the format from the bytes themselves (a file's extension is often wrong:
`.htm` pages saved as `.txt`, attachments renamed `.doc`), and `extract(data)` returns the
text every record's span points into, with the provenance the format gives: page start
offsets for a PDF, the table cell each stretch of text came from.  Each format has its own
module, imported on use, so a run over plain text never loads lxml or pdfminer.

Tables come out as the notice reader reads them: one line per row, cells separated by tabs,
a cell's inner line breaks joined, vertically merged cells repeated into each row they
cover, and a row spanning the whole table (a group heading such as `一、…`) as a line of its
own (see `tables.py`).

Formats that stay unreadable raise `FormatError` with a one-line reason that says what the
file is and what to do about it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class FormatError(ValueError):
    """A document in a format zzgov recognises but cannot read (encrypted, image-only,
    corrupt, old binary Word); the message is one line saying what to do."""


@dataclass(frozen=True)
class Cell:
    """Where a stretch of extracted text sat in a table of the original: the table's number
    in the document, the row and column in its grid (0-based), and the page for a PDF."""

    start: int
    end: int
    table: int
    row: int
    col: int


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str  # "html", "docx", "pdf"
    extractor: str  # library and version that read it, e.g. "pdfplumber 0.11.10"
    encoding: str  # what source.encoding records (the page's charset; the XML's for .docx)
    pages: tuple[int, ...] = ()  # PDF: offset in `text` where each page starts
    cells: tuple[Cell, ...] = ()
    warnings: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)


FORMATS = ("html", "docx", "pdf")

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def sniff(data: bytes) -> str | None:
    """The format of `data` if it is one handled here (or a container that may be one),
    else None.  Looks at content only."""
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"  # some producers put junk (an HTTP header, a BOM) before the signature
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "docx"  # checked inside: an .xlsx or a plain .zip is refused there
    if data.startswith(OLE2):
        return "ole2"
    if looks_like_html(data):
        return "html"
    return None


_SNIFF = 4096
# A page, or a fragment of one saved on its own (an article's <div>): the first markup is a
# document or block element.  Plain documents never start with one.  (The standard library's
# re: this runs on every input, and compiles in a fraction of the time the regex module takes.)
_HTML_START = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title"
                         rb"|(?:div|table|article|section|p|h1|h2)[\s>]|\?xml[^>]*>\s*<(?:!doctype\s+html|html))",
                         re.I | re.S)


# A page's source copied as text after a few lines of plain navigation words (what a scraper
# or a "save as text" of the page source gives): most of its lines are wrapped in block
# markup (`<p style="…">…</p>`).  A plain document never opens lines with tags.
_MARKUP_LINE = re.compile(rb"^[ \t\xe3\x80\x80]*<(?:p|div|br|span|font|strong|b|h[1-6]|li|td|tr|table|center)\b[^>\n]*>",
                          re.I | re.M)
_MARKUP_SNIFF = 16384
_MARKUP_MIN_LINES = 5


def looks_like_html(data: bytes) -> bool:
    """The bytes start (after a BOM, blanks, comments) with a page's opening markup, or
    their lines are mostly wrapped in block markup."""
    head = data[:_SNIFF]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # a UTF-16 page
        try:
            head = data[:_SNIFF * 2].decode("utf-16", errors="ignore").encode("utf-8")
        except UnicodeError:
            return False
    return _HTML_START.match(head) is not None or _markup_lines(data[:_MARKUP_SNIFF])


def _markup_lines(head: bytes) -> bool:
    if b"<" not in head:
        return False
    tagged = len(_MARKUP_LINE.findall(head))
    if tagged < _MARKUP_MIN_LINES:
        return False
    lines = sum(1 for ln in head.splitlines() if ln.strip())
    return tagged * 2 >= lines


def extract(data: bytes, fmt: str | None = None) -> Extracted:
    """The text and provenance of a document in one of FORMATS; FormatError when it cannot
    be read."""
    fmt = fmt or sniff(data)
    if fmt == "pdf":
        from zzgov.formats.pdf import extract_pdf

        return extract_pdf(data)
    if fmt == "docx":
        from zzgov.formats.docx import extract_docx

        return extract_docx(data)
    if fmt == "html":
        from zzgov.formats.html import extract_html

        return extract_html(data)
    if fmt == "ole2":
        from zzgov.formats.docx import refuse_ole2

        refuse_ole2(data)
    raise FormatError(f"not a format zzgov reads ({fmt})")


def version_of(dist: str) -> str:
    """`dist version` for source.extractor, so a changed extractor shows in the output."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{dist} {version(dist)}"
    except PackageNotFoundError:
        return dist
