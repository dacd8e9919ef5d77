"""Emitters: records -> JSON / JSONL / YAML text, atomic file writes, checked writes to
standard output.

The names below are imported on first use (PEP 562): every command imports
`zzgov.emit.stdout`, and `zzgov --version` should not pay for the regex engine that
`atomic` loads."""

from __future__ import annotations

import importlib

_WHERE = {
    "FORMATS": "serialize", "document_dict": "serialize", "dumps": "serialize", "dumps_bytes": "serialize",
    "dumps_many": "serialize", "atomic_path": "atomic", "atomic_write": "atomic", "safe_output_name": "atomic",
}

__all__ = list(_WHERE)


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
