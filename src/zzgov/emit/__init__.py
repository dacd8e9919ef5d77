"""Emitters: records -> JSON / JSONL / YAML text, and atomic file writes."""

from zzgov.emit.serialize import FORMATS, document_dict, dumps, dumps_bytes, dumps_many
from zzgov.emit.atomic import atomic_path, atomic_write, safe_output_name

__all__ = ["FORMATS", "document_dict", "dumps", "dumps_bytes", "dumps_many", "atomic_path", "atomic_write", "safe_output_name"]
