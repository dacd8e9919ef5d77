"""zzgov: Chinese government documents -> structured, verifiable records.

>>> import zzgov
>>> doc = zzgov.parse("1. 建设学校。\\n责任领导：王明\\n牵头单位：市教育局\\n", kind="notice")
>>> doc.tasks[0].lead_units, doc.tasks[0].span.start
(['市教育局'], 0)

Data flows one way: bytes -> decoded text (text.decode) -> cleaned views with offset maps
(text.clean) -> a document-kind parser (parsers.*, rules in data/rules/*.yaml) -> Pydantic
records (models) -> emitters (emit).  The public face:

- `parse(text, kind=None)`: a decoded text -> `Document` (kind detected unless given);
- `parse_bytes(data, kind=None)`: raw bytes in any encoding zzgov reads -> `Document`;
- `parse_path(path, kind=None)`: a file -> `Document`;
- `Document`: the record (its JSON Schema is `zzgov schema`);
- `KINDS`: the document kinds zzgov reads.

Every record carries a `span`: character offsets into the decoded text, so
`text[span.start:span.end]` is where it came from.  Names are imported on first use, so
`import zzgov` stays cheap for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["KINDS", "Document", "parse", "parse_bytes", "parse_path"]

if TYPE_CHECKING:  # pragma: no cover
    from zzgov.api import KINDS, parse_bytes, parse_path
    from zzgov.api import parse_text as parse
    from zzgov.models import Document

_LAZY = {"parse": ("zzgov.api", "parse_text"), "parse_bytes": ("zzgov.api", "parse_bytes"),
         "parse_path": ("zzgov.api", "parse_path"), "KINDS": ("zzgov.api", "KINDS"),
         "Document": ("zzgov.models", "Document")}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'zzgov' has no attribute {name!r}")
