"""Tables of the original -> lines the notice reader reads as a table.

Every format reader first builds a grid: rows of `GridCell`s, one per grid column, where a
cell merged across columns covers several columns and a cell merged down covers several
rows.  `TextBuilder.add_table` then writes it out:

- a row whose one cell spans every column (a group heading `一、…` or a note) is one line;
- any other row is its cells joined by tabs, a cell merged across columns written once and
  followed by empty cells for the columns it covers (the columns stay aligned with the
  header), a cell merged down repeated into each row it covers;
- a cell's inner line breaks are joined: items that are each a short name (two leaders,
  one per line) with `、`, wrapped lines of running text with nothing (a blank between two
  Latin letters: a wrapped English word boundary; digits of one number stay together).

`TextBuilder` also records, for every cell written, the span of its text and its table, row
and column, so a record's span can be traced back to the cell it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from zzgov.formats import Cell

# A line that ends a sentence or clause: it is running text, not an item of a list.
_CLAUSE = regex.compile(r"[。，,；;：:！？!?]")
# An item of a list written one per line: a name, a unit, a date (no clause punctuation).
_ITEM_MAX = 16
_LATIN_END = regex.compile(r"[A-Za-z]$")
_LATIN_START = regex.compile(r"^[A-Za-z]")
_BLANKS = regex.compile(r"[^\S\n]+")


@dataclass
class GridCell:
    text: str  # the cell's lines joined by "\n" (breaks the original shows)
    row: int  # grid position of the cell's top-left corner
    col: int
    rowspan: int = 1
    colspan: int = 1
    wrapped: tuple[bool, ...] = ()  # per line break: True when the line was wrapped by width


def join_lines(text: str, wrapped: tuple[bool, ...] = ()) -> str:
    """A cell's lines as one line (see the module docstring)."""
    lines = [_BLANKS.sub(" ", ln).strip() for ln in text.replace("\t", " ").split("\n")]
    flags = list(wrapped) + [False] * len(lines)
    keep = [(ln, flags[k]) for k, ln in enumerate(lines) if ln]
    if len(keep) <= 1:
        return keep[0][0] if keep else ""
    items = all(len(ln) <= _ITEM_MAX and not _CLAUSE.search(ln) for ln, _ in keep)
    out = keep[0][0]
    for (prev, was_wrapped), (ln, _) in zip(keep, keep[1:]):
        if items and not was_wrapped and not prev.endswith(("、", "，", ",")):
            out += "、"
        elif _LATIN_END.search(prev) and _LATIN_START.search(ln):
            out += " "
        out += ln
    return out


class TextBuilder:
    """Extracted text built line by line, with the cells it came from."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.cells: list[Cell] = []
        self.tables = 0

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.size += len(s)

    def line(self, s: str) -> None:
        s = s.strip()
        if s:
            self.add(s + "\n")

    def text(self) -> str:
        return "".join(self.parts)

    def add_table(self, grid: list[list[GridCell | None]], ncols: int) -> None:
        """Write a grid (rows of grid columns; None where no cell is) as table lines."""
        table = self.tables
        self.tables += 1
        for r, row in enumerate(grid):
            present = [c for c in row if c is not None]
            distinct = list({id(c): c for c in present}.values())
            if not distinct:
                continue
            texts = [join_lines(c.text, c.wrapped) for c in distinct]
            if not any(texts):
                continue
            filled = [(c, t) for c, t in zip(distinct, texts) if t]
            # one cell across the table, or the only cell of a row that lists no others
            spanning = len(distinct) == 1 and (distinct[0].colspan >= ncols or len(row) <= distinct[0].colspan
                                               or all(c is None or c is distinct[0] for c in row))
            # a heading typed into the first cell of a row whose other cells were left empty
            lone = len(filled) == 1 and ncols >= 3 and filled[0][0].col <= 1 and filled[0][0].rowspan == 1
            if spanning or lone:
                c, t = filled[0]
                self._cell(t, table, r, c.col)
                self.add("\n")
                continue
            first = True
            for col in range(ncols):
                c = row[col] if col < len(row) else None
                if not first:
                    self.add("\t")
                first = False
                if c is None or (c.col != col):
                    continue  # an empty grid position, or a column a cell merged across covers
                s = join_lines(c.text, c.wrapped)
                if s:
                    self._cell(s, table, r, col)
            self.add("\n")

    def _cell(self, s: str, table: int, row: int, col: int) -> None:
        start = self.size
        self.add(s)
        self.cells.append(Cell(start, self.size, table, row, col))


def fill_grid(rows: list[list[tuple[str, int, int, tuple[bool, ...]]]]) -> tuple[list[list[GridCell | None]], int]:
    """Rows of (text, rowspan, colspan, wrapped) cells as the markup lists them (a cell merged
    down appears only in its first row) -> the grid, cells merged down placed in every row
    they cover, and the number of columns."""
    grid: list[list[GridCell | None]] = []
    pending: dict[int, tuple[GridCell, int]] = {}  # column -> (cell merged down, rows left)
    ncols = 0
    for r, cells in enumerate(rows):
        row: list[GridCell | None] = []

        def take_pending() -> None:
            while len(row) in pending:
                cell, left = pending.pop(len(row))
                for _ in range(cell.colspan):
                    row.append(cell)
                if left > 1:
                    pending[cell.col] = (cell, left - 1)

        for text, rowspan, colspan, wrapped in cells:
            take_pending()
            cell = GridCell(text, r, len(row), max(1, rowspan), max(1, colspan), wrapped)
            for _ in range(cell.colspan):
                row.append(cell)
            if cell.rowspan > 1:
                pending[cell.col] = (cell, cell.rowspan - 1)
        take_pending()
        # cells merged down past the end of the listed cells
        for col in sorted(pending):
            if col >= len(row):
                while len(row) < col:
                    row.append(None)
                take_pending()
        grid.append(row)
        ncols = max(ncols, len(row))
    return grid, ncols
