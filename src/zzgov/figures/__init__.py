"""Figure extraction on top of `zzgov.numbers`: quantitative targets and achieved values.

`extract_figures(text, start, end, default_kind=...)` returns `RawFigure` records with offsets
into the original text; the parsers turn them into `zzgov.models.Figure`. The annotation rules
are shared/gold/GUIDE.md; vocabularies are in `vocab.py`, rules in `extract.py`.
"""

from zzgov.figures.extract import RawFigure, extract_figures

__all__ = ["RawFigure", "extract_figures"]
