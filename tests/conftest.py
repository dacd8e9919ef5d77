"""Shared fixtures: paths to the repository, its raw corpus and the development gold."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
STRUCTURED = ROOT / "data" / "structured"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold"

NOTICE = "001_87fdf972b4e7a4f0"


def raw_path(stem: str) -> Path:
    return RAW / f"{stem}.txt"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not beside the repository")
    return GOLD


@functools.lru_cache(maxsize=None)
def seed_doc(stem: str):
    """The parsed seed document, parsed once per test session; treat it as read-only."""
    from zzgov.api import parse_path

    return parse_path(raw_path(stem))


@pytest.fixture(scope="session")
def notice_doc():
    return seed_doc(NOTICE)
