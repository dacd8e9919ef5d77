"""Word documents (.docx) -> text, tables as table lines.

python-docx opens the package (it checks the ZIP, the content types and the main part and
fails with a clear error on anything else); the body is then walked in document order on the
XML itself, because python-docx's table API hides what a table reader needs: which cells are
merged down (`w:vMerge`) or across (`w:gridSpan`), and the columns a row skips
(`w:gridBefore`).  Paragraphs become lines; a line break inside a paragraph (`w:br`) a line
break; tables go through formats.tables.
"""

from __future__ import annotations

import io
import zipfile

from zzgov.formats import OLE2, Extracted, FormatError, version_of
from zzgov.formats.tables import TextBuilder, fill_grid

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC, _SDT = W + "p", W + "tbl", W + "tr", W + "tc", W + "sdt"


# A Word document's XML is a few megabytes; a part that unpacks to more is a ZIP bomb, not a
# document, and would only exhaust memory (the input limit of 64 MiB is on packed bytes).
MAX_PART_BYTES = 256 * 1024 * 1024


def refuse_ole2(data: bytes) -> None:
    """OLE2 containers: old binary Word/WPS/Excel files, and password-protected .docx files
    (Office encrypts the package into an OLE2 file); always raises FormatError."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise FormatError("password-protected Office document (encrypted .docx): "
                          "open it in Word, remove the password and save it again")
    if "WordDocument".encode("utf-16-le") in data:
        raise FormatError("old binary Word document (.doc/.wps): not readable; save it as .docx or PDF first")
    raise FormatError("old binary Office document (.doc/.xls/.wps): not readable; save it as .docx or PDF first")


def _text_of(el) -> str:
    """A paragraph's text: runs, tabs as blanks (a tab would split a table row), breaks as
    line breaks."""
    out: list[str] = []
    for node in el.iter():
        tag = node.tag
        if tag == W + "t":
            out.append(node.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append(" ")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def _val(el, name: str) -> str | None:
    found = el.find(name)
    if found is None:
        return None
    return found.get(W + "val")


def _cell_text(tc) -> str:
    """A cell's paragraphs as lines; a table nested in a cell contributes its text."""
    lines: list[str] = []
    for node in tc.iter(_P):
        # paragraphs of a nested table count once, through the nested cells
        lines.append(_text_of(node))
    return "\n".join(lines)


def _table(tbl, out: TextBuilder) -> None:
    rows: list[list[tuple[str, int, int, tuple[bool, ...]]]] = []
    vmerge_rows: list[list[tuple[int, str | None]]] = []  # per row: (grid col, vMerge value)
    for tr in tbl.findall(_TR):
        cells: list[tuple[str, int, int, tuple[bool, ...]]] = []
        merges: list[tuple[int, str | None]] = []
        col = 0
        trpr = tr.find(W + "trPr")
        before = int(_val(trpr, W + "gridBefore") or 0) if trpr is not None else 0
        for _ in range(before):
            cells.append(("", 1, 1, ()))
            merges.append((col, None))
            col += 1
        for tc in tr.findall(_TC):
            tcpr = tc.find(W + "tcPr")
            span = 1
            vm = None
            if tcpr is not None:
                span = int(_val(tcpr, W + "gridSpan") or 1)
                v = tcpr.find(W + "vMerge")
                if v is not None:
                    vm = v.get(W + "val") or "continue"
            cells.append((_cell_text(tc), 1, span, ()))
            merges.append((col, vm))
            col += span
        rows.append(cells)
        vmerge_rows.append(merges)
    # w:vMerge="restart" starts a cell merged down; each "continue" below it extends it: turn
    # that into rowspans on the first cell and drop the continuation cells.
    rowspan: dict[tuple[int, int], int] = {}
    open_at: dict[int, tuple[int, int]] = {}  # grid col -> (row, index) of the merge's first cell
    drop: set[tuple[int, int]] = set()
    for r, merges in enumerate(vmerge_rows):
        for i, (col, vm) in enumerate(merges):
            if vm == "continue" and col in open_at:
                rowspan[open_at[col]] = rowspan.get(open_at[col], 1) + 1
                drop.add((r, i))
            elif vm == "restart":
                open_at[col] = (r, i)
            else:
                open_at.pop(col, None)
    listed = [
        [(t, rowspan.get((r, i), 1), cs, w) for i, (t, _, cs, w) in enumerate(cells) if (r, i) not in drop]
        for r, cells in enumerate(rows)
    ]
    grid, ncols = fill_grid(listed)
    out.add_table(grid, ncols)


def _walk(parent, out: TextBuilder) -> None:
    for el in parent:
        if el.tag == _P:
            for ln in _text_of(el).split("\n"):
                out.line(ln)
        elif el.tag == _TBL:
            _table(el, out)
        elif el.tag == _SDT:  # content controls (cover pages, fill-in fields) hold body content
            content = el.find(W + "sdtContent")
            if content is not None:
                _walk(content, out)


def extract_docx(data: bytes) -> Extracted:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise FormatError(f"corrupt .docx or ZIP archive ({exc}): download or save it again") from None
    too_big = [i.filename for i in zf.infolist() if i.file_size > MAX_PART_BYTES]
    if too_big:
        raise FormatError(f"a .docx whose part {too_big[0]} unpacks to over {MAX_PART_BYTES // (1024 * 1024)} MiB "
                          "(a ZIP bomb?): not read")
    if "word/document.xml" not in names:
        what = ("an Excel workbook (.xlsx)" if "xl/workbook.xml" in names
                else "a PowerPoint file (.pptx)" if "ppt/presentation.xml" in names
                else "an OFD document (GB/T 33190)" if "OFD.xml" in names
                else "a ZIP archive")
        raise FormatError(f"{what}, not a Word document: not readable; extract the document and parse that")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, ValueError, OSError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise FormatError(f"corrupt .docx ({reason}): open it in Word and save it again") from None
    except Exception as exc:  # lxml's XMLSyntaxError and relatives: a damaged part
        if type(exc).__module__.startswith("lxml"):
            raise FormatError("corrupt .docx (damaged XML in the document): open it in Word and save it again") from None
        raise
    body = document.element.body
    # Text boxes are written twice, for new Word (mc:Choice) and old (mc:Fallback): keep one.
    for fallback in list(body.iter(MC + "Fallback")):
        fallback.getparent().remove(fallback)
    out = TextBuilder()
    _walk(body, out)
    text = out.text()
    if not text.strip():
        raise FormatError("a Word document with no text (only images or empty): nothing to parse")
    return Extracted(text=text, format="docx", extractor=version_of("python-docx"), encoding="utf-8",
                     cells=tuple(out.cells))


__all__ = ["extract_docx", "refuse_ole2", "OLE2"]
