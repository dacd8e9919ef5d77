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


def extract_pdf(data: bytes) -> Extracted:
    pdf = _open(data)
    out = TextBuilder()
    pages: list[int] = []
    images = 0
    try:
        for page in pdf.pages:
            pages.append(out.size)
            chars = [c for c in page.chars if c["text"]]
            images += len(page.images)
            tables = page.find_tables() if page.rects or page.lines or page.edges else []
            boxes = [t.bbox for t in tables]
            blocks: list[tuple[float, int, object]] = []
            loose = [c for c in chars if not _inside(c, boxes)] if boxes else chars
            for ln in _lines(loose):
                blocks.append((ln[0]["top"], 0, ln))
            for t in tables:
                inner = [c for c in chars if _inside(c, [t.bbox])]
                blocks.append((t.bbox[1], 1, (t, inner)))
            blocks.sort(key=lambda b: (b[0], b[1]))
            for _, kind, content in blocks:
                if kind == 0:
                    out.line(_line_text(content))
                else:
                    grid, ncols = _table_grid(*content)
                    out.add_table(grid, ncols)
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
