"""`zzgov report`: Documents → one self-contained, offline HTML page for people to read.

    render.py         the page: overview, tasks table with filters, responsibility matrix,
                      figures, target → actual pairs (zzgov.track), provenance dialog
    svg.py            inline SVG charts (heat map, bar chart)
    escape.py         escaping of text, attributes and JSON inside <script>
    assets.py         the inline stylesheet and script
    sources.py        finding each Document's source text (spans point into it)

>>> from zzgov.report_html import render_report
"""

from zzgov.report_html.render import render_report
from zzgov.report_html.sources import source_text

__all__ = ["render_report", "source_text"]
