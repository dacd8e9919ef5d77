"""Every rule in zzgov/data/rules/*.yaml matches its examples and none of its counter-examples."""

from __future__ import annotations

import pytest

from zzgov import rules

CASES = [(f, r.name) for f in rules.rule_files() for r in rules.load(f).rules.values()]


@pytest.mark.parametrize(("file", "name"), CASES)
def test_rule_matches_its_examples(file, name):
    rule = rules.load(file).rules[name]
    assert rule.examples, f"{file}.{name} has no example"
    for example in rule.examples:
        assert rule.pattern.search(example), f"{file}.{name} misses its example {example!r}"
    for example in rule.counter_examples:
        assert not rule.pattern.search(example), f"{file}.{name} matches its counter-example {example!r}"


@pytest.mark.parametrize("name", sorted(rules.fragments()))
def test_every_fragment_compiles(name):
    import regex

    regex.compile(rules.fragment(name))


def test_an_unknown_fragment_is_an_error():
    with pytest.raises(ValueError, match="unknown fragment"):
        rules.expand("{{no_such_fragment}}")


def test_scanner_names_the_rule_that_hit(tmp_path):
    table = rules.RuleTable(name="t", rules={
        n: rules.Rule(name=n, source=p, expanded=p)
        for n, p in (("label", r"^(?P<x>牵头单位)："), ("item", r"^(?P<x>\d+)[.、]"))})
    scan = table.scanner(["label", "item"])
    assert scan.match("牵头单位：市财政局").lastgroup == "label"
    assert scan.match("3、建设学校").lastgroup == "item"


def test_a_word_list_fragment_stands_for_each_of_its_words():
    """`footer_word: [相关阅读, (责编, …]` is the alternation of its words, written literally."""
    import regex

    lists = [name for name in sorted(rules.fragments()) if name in rules._all_fragments()[1]]
    assert "footer_word" in lists and "crumb_start" in lists
    for name in lists:
        pattern = regex.compile(rules.fragment(name))
        for word in rules.fragment_words(name):
            assert pattern.fullmatch(word), (name, word)
    assert not regex.compile(rules.fragment("footer_word")).fullmatch("责")


def test_numerals_reach_the_rules_from_numbers():
    import regex

    from zzgov.numbers.chinese import HEADING_NUMERAL_CHARS

    heading = regex.compile(rules.fragment("heading_numeral"))
    assert all(heading.fullmatch(c) for c in HEADING_NUMERAL_CHARS)
    assert heading.fullmatch("二十三") and not heading.fullmatch("壹")
    assert regex.compile(rules.fragment("date_numerals")).fullmatch("二〇二〇年五月二十六日")


NEEDS = [(f, r.name) for f in rules.rule_files() for r in rules.load(f).rules.values() if r.needs]


def test_some_rules_name_the_words_they_need():
    assert {name for _f, name in NEEDS} >= {"congress", "government", "title"}


@pytest.mark.parametrize(("file", "name"), NEEDS)
def test_every_match_of_a_rule_holds_a_word_it_needs(file, name):
    """`needs` lets a reader skip a text without those words; sound only if no match lacks them
    (checked on the examples and on every seed and fixture, overlapped matches included)."""
    from pathlib import Path

    from zzgov.text import fold

    rule = rules.load(file).rules[name]
    root = Path(__file__).resolve().parents[1]
    files = sorted(root.glob("data/raw/*.txt")) + sorted(root.glob("tests/fixtures/**/*.txt"))
    texts = list(rule.examples) + [fold(p.read_text(encoding="utf-8", errors="replace")) for p in files]
    hits = 0
    for text in texts:
        for m in rule.pattern.finditer(text, overlapped=True):
            hits += 1
            assert any(w in m.group() for w in rule.needs), (name, m.group())
    assert hits >= len(rule.examples)


def test_a_rule_is_compiled_when_first_read_and_then_kept():
    """A run pays only for the rules it reaches; `table.re.X` and `table.pattern(X)` are the
    one compiled pattern, and a name no rule has is an AttributeError, as on a namespace."""
    table = rules.load.__wrapped__("notice")  # a fresh table: the cached one is shared by tests
    assert not any("pattern" in vars(r) for r in table.rules.values())
    first = table.re.standalone_date
    assert first.match("2025年3月1日")
    assert [n for n, r in table.rules.items() if "pattern" in vars(r)] == ["standalone_date"]
    assert table.re.standalone_date is first is table.pattern("standalone_date")
    with pytest.raises(AttributeError):
        table.re.no_such_rule


def test_a_lazy_rule_is_the_rule_compiled_on_first_use():
    table = rules.load.__wrapped__("notice")
    lazy = table.lazy("retro_roles")
    assert "pattern" not in vars(table.rules["retro_roles"])  # nothing compiled yet
    line = "3项目标的责任单位均为市发展改革委。"
    assert lazy.flags == table.pattern("retro_roles").flags
    assert lazy.match(line).span() == table.pattern("retro_roles").match(line).span()
