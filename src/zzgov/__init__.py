"""zzgov: Chinese government documents -> structured, verifiable records.

Data flows one way: bytes -> decoded text (text.decode) -> cleaned views with offset maps
(text.clean) -> a document-kind parser (parsers.*) -> Pydantic records (models) -> emitters
(emit).  `zzgov.api.parse_text` / `parse_path` are the library entry points; the CLI is a thin
layer over them.
"""

__version__ = "0.1.0"
