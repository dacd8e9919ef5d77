"""`Doc`: one document's text as every reader sees it, built once.

It holds the original decoded text, one width-folded view of the same length (`（`→`(`,
`：`→`:`, traditional → simplified characters: zzgov.text.clean.fold), and the lines with
their offsets.  Every offset a reader takes from any of them is an offset into the original
text, so `doc.span(i, j)` is a record's provenance as it is.

>>> doc = Doc("一、总体要求\\n1．建设学校：\\n")
>>> doc.folded_lines()[1][1]
'1.建设学校:'
>>> doc.text[doc.span(0, 2).start:doc.span(0, 2).end]
'一、'
"""

from __future__ import annotations

from zzgov.models import Span
from zzgov.text import Line, clean, split_lines
from zzgov.text.clean import Clean, Folded


class Doc(Folded):
    """The text, `folded` (width-folded, one character for one, on first use) and its lines."""

    __slots__ = ("_lines",)

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._lines: list[Line] | None = None

    @property
    def lines(self) -> list[Line]:
        """The non-blank lines, stripped, with their offsets."""
        if self._lines is None:
            self._lines = split_lines(self.text)
        return self._lines

    def folded_lines(self) -> list[tuple[Line, str]]:
        """Each line with its folded text, sliced from the folded document."""
        folded = self.folded
        return [(ln, folded[ln.start:ln.end]) for ln in self.lines]

    def span(self, start: int, end: int) -> Span:
        return Span(start=start, end=end)

    def clean(self, start: int, end: int, *, keep_blanks: bool = False) -> Clean:
        """text[start:end] without line breaks and stray blanks, with its map back."""
        return clean(self.text, start, end, keep_blanks=keep_blanks)


def as_doc(text: str | Doc) -> Doc:
    return text if isinstance(text, Doc) else Doc(text)
