"""Tables whose cells ran together, cut back into one cell per line.

A document site's text of a Word table loses every cell boundary: `序号任务名称任务内容牵头部门
配合部门` / `1持续加强政治建设1.坚持…精神。` / `政治处各部门` / `2深化诉源治理…`.  This pass finds
such a table and gives its cells back as lines (offsets those of the original text), the layout
notice_list's cell table reader already takes.

How the cells are found, by structure rather than by one table's words:
1. The header is a run of column names after `序号` with no blank between them, split into the
   names notice_list.column_role knows (the split with the fewest guessed names wins), and
   followed by the first row's number.
2. Rows are cut at their numbers 1, 2, 3 … in order.  A number counts only where it opens a cell
   (no measure word or point after it: `2次`, `2.开展` are not rows) and where the row before it
   closes with the cells the header puts after the task: a unit list, leaders' names, a time limit.
3. Those closing cells are read from the row's end back to its last sentence end or line break;
   two unit columns written together are cut where one whole unit name ends and the next begins
   with no list comma between (`刑二庭民一庭、民三庭`: lead 刑二庭, co-units 民一庭、民三庭).
"""

from __future__ import annotations

from typing import NamedTuple

from zzgov.parsers import notice_list as NL
from zzgov.text import Line
from zzgov.units import split_units
from zzgov.units.names import is_unit_name, split_list

SEQ_WORD = "序号"
HEADER_CELL_MAX = 24  # characters in one header name, a bracketed note included
# What a row's number cannot be followed by: a measure or a point (`2次`, `3个`, `2.开展`, `1、`).
NOT_AFTER_NUMBER = frozenset("年月日号时分秒次个项家人名户所座条台辆套件元万亿千百%％‰倍天周批轮期届级类米吨亩"
                             "公里平方.．、,，:：;；)）-—~～")
# … nor preceded by an ordinal or a comparison (`第3`, `达3`)
NOT_BEFORE_NUMBER = frozenset("第约近超逾达至共计占")
SENTENCE_END = NL.SENTENCE_END
BLANK = NL.GAP_CHARS
BREAK = "\n"  # between two lines of the stream
# How far a row runs at most (characters): a table's row is a paragraph, not a page.
ROW_MAX = 3000
TIME_LIMIT_MAX = 20
# How far back from a row's end its closing cells may start (units, leaders, a time limit): a
# row whose end holds no sentence end or line break that close is no row's end.  Bounding it
# keeps trying a candidate row number a fixed cost, however long the text between numbers.
CLOSING_MAX = 160
# Two unit columns written together are looked for in a closing run at most this long.
GLUED_MAX = 60
# Header-shaped lines tried per document: a table is found at the first or second; a text
# repeating the shape thousands of times costs no more than this many tries.
TRIES_MAX = 8
ROLE_COLUMNS = ("leaders", "lead", "units")


class Cell(NamedTuple):
    start: int  # in the stream
    end: int
    role: str


def cut_tables(lines: list[tuple[Line, str]]) -> list[tuple[Line, str]]:
    """The lines with every run-together table found in them given one cell per line."""
    out: list[tuple[Line, str]] = []
    i = 0
    tries = 0
    while i < len(lines):
        f = lines[i][1]
        k = f.find(SEQ_WORD) if tries < TRIES_MAX else -1
        header = split_header(f, k) if k >= 0 else None
        table = None
        if header is not None:
            tries += 1
            table = _table_at(lines, i, k, header)
        if table is None:
            out.append(lines[i])
            i += 1
            continue
        emitted, i = table
        out.extend(emitted)
    return out


class _Stream:
    """Lines i.. joined into one string (BREAK between lines) with the way back to each line."""

    def __init__(self, lines: list[tuple[Line, str]], i: int, start: int) -> None:
        self.lines = lines
        parts: list[str] = []
        self.where: list[tuple[int, int]] = []  # (line index, offset in line); (-1, -1) for BREAK
        size = 0
        for k in range(i, len(lines)):
            f = lines[k][1][start if k == i else 0:]
            if k > i:
                parts.append(BREAK)
                self.where.append((-1, -1))
            parts.append(f)
            base = start if k == i else 0
            self.where.extend((k, base + j) for j in range(len(f)))
            size += len(f) + 1
            if size > 40 * ROW_MAX:
                break
        self.s = "".join(parts)

    def pieces(self, a: int, b: int) -> list[tuple[Line, str]]:
        """The lines of stream[a:b], blanks trimmed: one piece per original line it touches."""
        out = []
        s, where = self.s, self.where
        while a < b:
            while a < b and (s[a] == BREAK or s[a] in BLANK):
                a += 1
            e = a
            while e < b and s[e] != BREAK:
                e += 1
            z = e
            while z > a and s[z - 1] in BLANK:
                z -= 1
            if z > a:
                k, x = where[a]
                _, y = where[z - 1]
                ln, f = self.lines[k]
                out.append((Line(ln.start + x, ln.start + y + 1, ln.text[x:y + 1]), f[x:y + 1]))
            a = e
        return out


def _table_at(lines: list[tuple[Line, str]], i: int, k: int, header: tuple[list[Cell], int]):
    """The lines of the table whose header opens at lines[i][1][k], and the index of the line
    after it; None when fewer than two rows are read."""
    cells, header_end = header
    roles = [c.role for c in cells]
    trailing = roles[roles.index("text") + 1:]
    stream = _Stream(lines, i, header_end)
    rows = split_rows(stream.s, trailing)
    if len(rows) < 2:
        return None
    ln, f = lines[i]
    out: list[tuple[Line, str]] = []
    before = ln.text[:k].rstrip(" \t\u3000")
    if before.strip():
        out.append((Line(ln.start, ln.start + len(before), before), f[:len(before)]))
    # Columns between the task's and the first role column (`任务名称` / `任务内容`) ran into one
    # text cell: only the first of them is given, so that every line of that cell is the task's.
    first_role = next(j for j, r in enumerate(roles) if r in ROLE_COLUMNS)
    text_col = roles.index("text")
    for j, c in enumerate(cells):
        if text_col < j < first_role:
            continue
        out.append((Line(ln.start + c.start, ln.start + c.end, ln.text[c.start:c.end]), f[c.start:c.end]))
    for row in rows:
        for c in row:
            out.extend(stream.pieces(c.start, c.end))
    end = rows[-1][-1].end
    # the rest of the last row's line, then the lines after it as they were
    last_line = stream.where[end - 1][0]
    rest_from = end
    while rest_from < len(stream.s) and stream.s[rest_from] != BREAK:
        rest_from += 1
    out.extend(stream.pieces(end, rest_from))
    return out, last_line + 1


def _header_cost(cell: str) -> tuple[float, str] | None:
    """How a header name is read: (cost, role), listed names costing nothing and guesses one; a
    two-character guess or a long one costs more (`任务` of `任务名称`, `任务名称任务内容` whole)."""
    core = cell
    if core.endswith((")", "）")):
        k = max(core.rfind("("), core.rfind("（"))
        if k > 0:
            core = core[:k]  # `工作落实情况(每季度填报一次)`: the note in brackets aside
    role = NL.column_role(core, listed_only=True)
    if role is not None:
        return (1.0 if len(core) == 2 and role not in ("seq", "ignore") else 0.0), role
    role = NL.column_role(core)
    if role is None:
        return None
    return 1.0 + (len(core) == 2) + (len(core) > 6), role


def split_header(f: str, a: int) -> tuple[list[Cell], int] | None:
    """The cells of a run-together header opening with 序号 at f[a], and where it ends; None
    unless it names the task's column and one of its roles, and the first row's number follows."""
    e = a + len(SEQ_WORD)
    if e >= len(f) or f[e] in BLANK or f[e] in "|｜\t":
        return None  # cells with blanks or rules between them: a table the reader takes as it is
    while e < len(f) and not f[e].isdigit() and f[e] not in BLANK:
        e += 1
    head = f[a:e]
    n = len(head)
    best: list[tuple[float, list[Cell]] | None] = [None] * (n + 1)
    best[len(SEQ_WORD)] = (0.0, [Cell(a, a + len(SEQ_WORD), "seq")])
    for x in range(len(SEQ_WORD), n):
        if best[x] is None:
            continue
        for y in range(x + 2, min(n, x + HEADER_CELL_MAX) + 1):
            read = _header_cost(head[x:y])
            if read is None:
                continue
            cost = best[x][0] + read[0]
            if best[y] is None or cost < best[y][0]:
                best[y] = (cost, [*best[x][1], Cell(a + x, a + y, read[1])])
    if best[n] is None:
        return None
    cells = best[n][1]
    roles = [c.role for c in cells]
    if len(cells) < 3 or "text" not in roles \
            or not any(r in ROLE_COLUMNS for r in roles[roles.index("text"):]):
        return None
    rest = f[e:].lstrip(" \t\u3000")
    if rest and not (rest[0] == "1" and rest[1:2] and not rest[1].isdigit()):
        return None
    return cells, e


def split_rows(s: str, trailing: list[str]) -> list[list[Cell]]:
    """The rows of a table's body (the stream after its header): each its number, text and
    closing cells."""
    p = 0
    while p < len(s) and (s[p] == BREAK or s[p] in BLANK):
        p += 1
    rows: list[list[Cell]] = []
    k = 1
    if not s.startswith("1", p) or s[p + 1:p + 2].isdigit():
        return rows
    while True:
        body = p + len(str(k))
        found = _next_row(s, body, k + 1, trailing)
        if found is None:
            last = _last_row(s, body, trailing)
            if last is not None:
                rows.append([Cell(p, body, "seq"), *last])
            return rows
        q, cells = found
        rows.append([Cell(p, body, "seq"), *cells])
        p, k = q, k + 1


def _opens_row(s: str, q: int, token: str) -> bool:
    before = s[q - 1] if q else BREAK
    after = s[q + len(token):q + len(token) + 1]
    return not before.isdigit() and before not in NOT_BEFORE_NUMBER and bool(after) \
        and not after.isdigit() and after not in NOT_AFTER_NUMBER and after not in BLANK and after != BREAK


def _next_row(s: str, body: int, number: int, trailing: list[str]) -> tuple[int, list[Cell]] | None:
    token = str(number)
    q = s.find(token, body + 1)
    while q != -1 and q - body <= ROW_MAX:
        if _opens_row(s, q, token):
            cells = read_row(s, body, q, trailing)
            if cells is not None:
                return q, cells
        q = s.find(token, q + 1)
    return None


def _last_row(s: str, body: int, trailing: list[str]) -> list[Cell] | None:
    """The last row: it ends at the first line end (or the stream's end) where its closing
    cells are read."""
    q = s.find(BREAK, body)
    while q != -1 and q - body <= ROW_MAX:
        cells = read_row(s, body, q, trailing)
        if cells is not None:
            return cells
        q = s.find(BREAK, q + 1)
    return read_row(s, body, len(s), trailing) if len(s) - body <= ROW_MAX else None


def read_row(s: str, a: int, b: int, trailing: list[str]) -> list[Cell] | None:
    """s[a:b] as the text cell and the closing cells `trailing` names, or None when its end does
    not read as them (it is then no row's end)."""
    while b > a and (s[b - 1] == BREAK or s[b - 1] in BLANK):
        b -= 1
    cells: list[Cell] = []
    t = b
    if "deadlines" in trailing:
        for x in range(max(a, t - TIME_LIMIT_MAX), t - 1):
            piece = s[x:t]
            if BREAK not in piece and NL.is_deadline(piece):
                cells.append(Cell(x, t, "deadlines"))
                t = x
                break
    r = t
    stop = max(a, t - CLOSING_MAX)
    while r > stop and s[r - 1] != BREAK and s[r - 1] not in SENTENCE_END:
        r -= 1
    if r <= a or (r == stop and s[r - 1] != BREAK and s[r - 1] not in SENTENCE_END):
        return None  # no text before the closing cells, or no sentence end near the row's end
    roles = [x for x in trailing if x in ROLE_COLUMNS]
    closing = _role_cells(s, r, t, roles)
    if closing is None:
        return None
    if not closing and not cells:
        return None  # a row closes with at least one cell of the header's roles
    text_end = r if closing else t
    return [Cell(a, text_end, "text"), *closing, *sorted(cells)]


def _role_cells(s: str, a: int, b: int, roles: list[str]) -> list[Cell] | None:
    """s[a:b] (the row's end, after its last sentence) as leaders' names and unit lists in the
    header's order; [] when it is empty, None when it does not read as them."""
    while a < b and s[a] in BLANK:
        a += 1
    if a >= b:
        return []
    out: list[Cell] = []
    if roles and roles[0] == "leaders":
        z = _names_from(s, a, b)
        if z > a:
            out.append(Cell(a, z, "leaders"))
            a = z
        roles = roles[1:]
    tail_leaders = None
    if roles and roles[-1] == "leaders":
        z = _names_to(s, a, b)
        if z < b:
            tail_leaders = Cell(z, b, "leaders")
            b = z
        roles = roles[:-1]
    units = [x for x in roles if x in ("lead", "units")]
    if a < b:
        if not units:
            return None
        cut = _glued_boundary(s[a:b]) if len(units) >= 2 and b - a <= GLUED_MAX else None
        parts = [(a, b)] if cut is None else [(a, a + cut), (a + cut, b)]
        for (x, y), role in zip(parts, units):
            if not _unit_list(s[x:y]):
                return None
            out.append(Cell(x, y, role))
    if tail_leaders is not None:
        out.append(tail_leaders)
    return out


def _unit_list(text: str) -> bool:
    units, tails = split_units(text)
    return bool(units or tails) and all(is_unit_name(u) for u in units) and len(text) <= 120


def _glued_boundary(text: str) -> int | None:
    """Where a second unit list begins right after a whole unit name with no comma between
    (`政治处各部门` -> 3); None for one list."""
    depth = 0
    for q in range(3, len(text) - 1):
        ch = text[q - 1]
        depth += ch in "(（" and 1 or 0
        depth -= ch in ")）" and 1 or 0
        if depth > 0 or text[q] in "、，,；;)）" or ch in "、，,；;":
            continue
        left = split_list(text[:q])
        if not left or len(left[-1]) < 3 or not is_unit_name(left[-1]):
            continue
        first = split_list(text[q:])
        if first and len(first[0]) >= 3 and _unit_list(text[:q]) and _unit_list(text[q:]):
            return q
    return None


def _name_at(s: str, a: int, b: int) -> int:
    """The end of a person's name at s[a:] within b (three, two or four characters), or a."""
    for n in (3, 2, 4):
        if a + n <= b and NL.is_person(s[a:a + n]):
            return a + n
    return a


def _names_from(s: str, a: int, b: int) -> int:
    z = a
    while True:
        y = _name_at(s, z, b)
        if y == z:
            return z
        z = y
        while z < b and s[z] in "、，, \u3000":
            z += 1


def _names_to(s: str, a: int, b: int) -> int:
    z = b
    while True:
        for n in (3, 2, 4):
            if z - n >= a and NL.is_person(s[z - n:z]):
                z -= n
                break
        else:
            return z
        while z > a and s[z - 1] in "、，, \u3000":
            z -= 1
