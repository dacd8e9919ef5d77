"""PDF text layers -> text, page by page, ruled tables as table lines.

pdfplumber (on pdfminer.six) gives each character with its position and the page's ruling
lines; from those it finds the cells of a ruled table, which is how the task tables of
notices are printed (Word and WPS draw every cell border).  Text outside tables is read line
by line in reading order; a table's cells are filled from the characters inside them, a
cell's lines marked as wrapped when they run to the cell's right edge (so `市疫情防控` /
`办` joins to one unit while two leaders on two short lines join with `、`).  A cell merged
down has no border between its rows, so pdfplumber reports one tall cell: it is repeated
into each row it spans, as in a Word table.

`pages` in the result holds the offset where each page's text starts, the way back from a
span to the page it was printed on.  No text layer at all (a scan) and encryption are
refused with what to do.
"""

from __future__ import annotations

import bisect
import io

import regex

from zzgov.formats import Extracted, FormatError, version_of
from zzgov.formats.tables import GridCell, TextBuilder

# Same line: characters whose tops differ by less than this share of their height.
_LINE_TOLERANCE = 0.5
# A line ends at the cell's right edge, within this many character widths: it was wrapped.
_WRAP_SLACK = 1.5


def _open(data: bytes):
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        pdf.pages  # parses the page tree: a broken file fails here
        return pdf
    except Exception as exc:  # pdfminer's errors share no base class worth naming
        name = type(exc).__name__
        text = f"{name} {exc}".lower()
        if "password" in text or "encrypt" in text or b"/Encrypt" in data[-4096:] or b"/Encrypt" in data[:4096]:
            raise FormatError("encrypted PDF (a password is needed to read its text): "
                              "open it with the password and save or print an unprotected copy") from None
        raise FormatError(f"corrupt PDF ({name}): download or export it again") from None


def _lines(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into lines (top to bottom), each line left to right."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        if lines:
            last = lines[-1][0]
            height = max(1.0, last["bottom"] - last["top"])
            if abs(ch["top"] - last["top"]) < _LINE_TOLERANCE * height:
                lines[-1].append(ch)
                continue
        lines.append([ch])
    for ln in lines:
        ln.sort(key=lambda c: c["x0"])
    return lines


def _line_text(line: list[dict]) -> str:
    """A line's characters, a blank where the gap between two is wider than a character's
    half width (between words of Latin text; Chinese has no blanks to restore)."""
    out = []
    prev = None
    for ch in line:
        if prev is not None:
            width = max(1.0, prev["x1"] - prev["x0"])
            if ch["x0"] - prev["x1"] > 0.5 * width and not ch["text"].isspace() and not prev["text"].isspace():
                out.append(" ")
        out.append(ch["text"])
        prev = ch
    return "".join(out)


def _cell_text(chars: list[dict], right: float) -> tuple[str, tuple[bool, ...]]:
    lines = _lines(chars)
    texts = [_line_text(ln).strip() for ln in lines]
    wrapped = []
    for ln in lines[:-1]:
        width = max(1.0, ln[-1]["x1"] - ln[-1]["x0"])
        wrapped.append(right - ln[-1]["x1"] < _WRAP_SLACK * width)
    return "\n".join(texts), tuple(wrapped)


def _table_grid(table, chars: list[dict]) -> tuple[list[list[GridCell | None]], int]:
    """A pdfplumber table as a grid: column edges from all its cells, each cell placed at the
    columns and rows it covers, filled with the characters whose centres fall inside it."""
    cells = table.cells  # (x0, top, x1, bottom)
    xs = sorted({round(c[0], 1) for c in cells} | {round(c[2], 1) for c in cells})
    ys = sorted({round(c[1], 1) for c in cells} | {round(c[3], 1) for c in cells})
    ncols, nrows = len(xs) - 1, len(ys) - 1
    grid: list[list[GridCell | None]] = [[None] * ncols for _ in range(nrows)]
    owned: list[list[dict]] = [[] for _ in cells]
    ordered = sorted(range(len(cells)), key=lambda i: (cells[i][1], cells[i][0]))
    tops = [cells[i][1] for i in ordered]
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        for k in range(bisect.bisect_right(tops, cy) - 1, -1, -1):
            x0, top, x1, bottom = cells[ordered[k]]
            if x0 <= cx <= x1 and top <= cy <= bottom:
                owned[ordered[k]].append(ch)
                break
    for i, (x0, top, x1, bottom) in enumerate(cells):
        c0 = bisect.bisect_left(xs, round(x0, 1))
        c1 = bisect.bisect_left(xs, round(x1, 1))
        r0 = bisect.bisect_left(ys, round(top, 1))
        r1 = bisect.bisect_left(ys, round(bottom, 1))
        text, wrapped = _cell_text(owned[i], x1)
        cell = GridCell(text, r0, c0, max(1, r1 - r0), max(1, c1 - c0), wrapped)
        for r in range(r0, max(r0 + 1, r1)):
            for c in range(c0, max(c0 + 1, c1)):
                if r < nrows and c < ncols:
                    grid[r][c] = cell
    return grid, ncols


def _inside(ch: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


# A page number printed at a page's foot (`— 3 —`, `- 3 -`, `3`): not content between a table
# row's halves.
_PAGE_NUMBER = regex.compile(r"^[\s\-—–－·]*(?:第\s*)?\d{1,4}(?:\s*页)?[\s\-—–－·]*$")


def _page_blocks(page, chars: list[dict]) -> list[tuple[str, object]]:
    """A page's lines and ruled tables in reading order: ("line", text) and ("table", (grid, ncols))."""
    tables = page.find_tables() if page.rects or page.lines or page.edges else []
    boxes = [t.bbox for t in tables]
    blocks: list[tuple[float, int, object]] = []
    loose = [c for c in chars if not _inside(c, boxes)] if boxes else chars
    for ln in _lines(loose):
        blocks.append((ln[0]["top"], 0, _line_text(ln)))
    for t in tables:
        inner = [c for c in chars if _inside(c, [t.bbox])]
        blocks.append((t.bbox[1], 1, _table_grid(t, inner)))
    blocks.sort(key=lambda b: (b[0], b[1]))
    return [("line" if kind == 0 else "table", content) for _, kind, content in blocks]


def _split_at_table_end(blocks: list[tuple[str, object]]) -> int:
    """Where the page's last table starts, when nothing but page numbers follows it (its last
    row may go on at the top of the next page); len(blocks) otherwise."""
    k = len(blocks)
    while k and blocks[k - 1][0] == "line" and _PAGE_NUMBER.match(blocks[k - 1][1]):
        k -= 1
    return k - 1 if k and blocks[k - 1][0] == "table" else len(blocks)


def _texts(row: list) -> list:
    return [c.text if c is not None else None for c in row]


def _continue_row(held: list[tuple[str, object]], blocks: list[tuple[str, object]], header: list | None) -> None:
    """A table row broken across a page end (Word lets rows break): the first row of the page's
    first table, with an empty first cell and as many columns, is the rest of the last row
    of the table the previous page ended with; its cells' text joins that row's cells."""
    if not held or not blocks or blocks[0][0] != "table":
        return
    (grid, ncols), (nxt, ncols2) = held[0][1], blocks[0][1]
    if ncols != ncols2 or not grid or not nxt:
        return
    if len(nxt) > 1 and _texts(nxt[0]) == header:
        nxt = nxt[1:]  # the header row Word repeats at the top of each page: once is enough
        blocks[0] = ("table", (nxt, ncols2))
    first = nxt[0]
    if first[0] is None or first[0].text.strip() or not any(c is not None and c.text.strip() for c in first):
        return
    last = grid[-1]
    seen: set[int] = set()
    for col in range(ncols):
        cont, cell = first[col], last[col] if col < len(last) else None
        if cont is None or cell is None or id(cell) in seen or not cont.text.strip():
            continue
        seen.add(id(cell))
        # across the page end the text runs on, as a wrapped line does
        flags = cell.wrapped + (False,) * (cell.text.count("\n") - len(cell.wrapped))
        cell.text = f"{cell.text}\n{cont.text}" if cell.text else cont.text
        cell.wrapped = flags + (True,) + cont.wrapped if cell.text != cont.text else cont.wrapped
    blocks[0] = ("table", (nxt[1:], ncols2))


def _emit(blocks: list[tuple[str, object]], out: TextBuilder) -> None:
    for kind, content in blocks:
        if kind == "line":
            out.line(content)
        else:
            out.add_table(*content)


def extract_pdf(data: bytes) -> Extracted:
    pdf = _open(data)
    out = TextBuilder()
    pages: list[int] = []
    images = 0
    held: list[tuple[str, object]] = []  # the previous page's last table and page number
    header: list | None = None  # the first table's first row
    try:
        for page in pdf.pages:
            chars = [c for c in page.chars if c["text"]]
            images += len(page.images)
            blocks = _page_blocks(page, chars)
            if header is None:
                header = next((_texts(c[0][0]) for k, c in blocks if k == "table" and c[0]), None)
            _continue_row(held, blocks, header)
            _emit(held, out)
            pages.append(out.size)
            cut = _split_at_table_end(blocks)
            _emit(blocks[:cut], out)
            held = blocks[cut:]
        _emit(held, out)
    except FormatError:
        raise
    except Exception as exc:
        raise FormatError(f"corrupt PDF ({type(exc).__name__} while reading a page): download or export it again") from None
    finally:
        pdf.close()
    text = out.text()
    if not text.strip():
        if images:
            raise FormatError("image-only PDF: no text layer (a scan); run OCR first, then parse the text")
        raise FormatError("PDF with no text layer: nothing to parse; run OCR first if it is a scan")
    return Extracted(text=text, format="pdf", extractor=version_of("pdfplumber"), encoding="unicode",
                     pages=tuple(pages), cells=tuple(out.cells))
