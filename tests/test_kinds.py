"""The registry of document kinds is the one list of kinds."""

from __future__ import annotations

import subprocess
import sys
import typing

import pytest

from zzgov import kinds
from zzgov.api import parse_text
from zzgov.models import Document


def test_the_records_accept_exactly_the_registered_kinds():
    field = Document.model_fields["kind"].annotation
    assert set(typing.get_args(field)) == set(kinds.NAMES)


def test_every_registered_kind_parses_text():
    for name in kinds.NAMES:
        assert parse_text("1. 建设学校。\n牵头单位：市教育局\n", kind=name).kind == name


def test_detection_chooses_only_detected_kinds_and_unknown():
    from zzgov.parsers.detect import KINDS as candidates

    assert candidates == kinds.DETECTED and "unknown" not in candidates


def test_an_unknown_kind_is_a_usage_error_listing_the_valid_ones():
    with pytest.raises(ValueError, match="valid kinds: notice, report, news, unknown"):
        parse_text("x", kind="notce")
    run = subprocess.run([sys.executable, "-m", "zzgov", "parse", "-", "--kind", "notce"], input=b"x",
                         capture_output=True)
    assert run.returncode == 2 and b"notice" in run.stderr


def test_every_kinds_rule_file_is_shipped():
    from zzgov import kinds, rules

    named = [k.rules for k in kinds.KINDS.values() if k.rules]
    assert set(named) == {"notice", "report", "news"}
    for name in named:
        assert name in rules.rule_files() and rules.load(name).rules
