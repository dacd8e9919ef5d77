"""Rules as data: the patterns and vocabularies of the readers, one YAML file per concern.

A rule file (`zzgov/data/rules/<name>.yaml`) holds three kinds of entry:

```yaml
fragments:            # named sub-patterns, written once, used as {{name}} in any rule file
  person: '\\p{Han}{2,4}'
rules:                # named patterns; each carries real examples that a test checks
  - name: leader_label
    pattern: '^(?:责任|牵头|分管){{gap}}领导{{colon}}'
    examples: ['责任领导：王明']          # each must match (search)
    not: ['责任单位：市财政局']            # each must not match
    weight: 2                            # optional: what one hit is worth to detection
    needs: [领导]                         # optional: words every match holds (a text without
                                         # any of them need not be scanned; a test checks)
words:                # word lists, each word a plain string
  chrome: [打印本页, 关闭窗口]
```

Fragments are shared by every file (`common.yaml` holds the ones several readers use), so a
shape such as a person's name or a heading marker is written once.  `{{name}}` is replaced
before compiling, recursively, so a fragment may use another.  Patterns are `regex` syntax.
A fragment may also be a list of plain words (`footer_word: [相关新闻, 责任编辑]`): it stands
for their alternation, and `fragment_words(name)` gives the words (a word is one line of YAML).
Numerals come from `zzgov.numbers` (the one place they are defined) as the fragments
`heading_numeral` (a run of 一 … 十 百 两 〇), `heading_numeral_char` (one of them) and
`date_digit` (〇 一 … 九).

`load(name)` reads a file once per process and returns a `RuleTable`: `table.pattern(name)`
(or `table.re.name`) gives the compiled rule, `table.words(name)` a word list, and `table.scanner(names)` one
pattern of named alternatives (mistune's block scanner): `m.lastgroup` says which rule hit.
A rule is compiled the first time it is asked for: a run reads one or two kinds of document and
reaches a fraction of the rules, and compiling a `regex` pattern costs a run that parses one
small file more than parsing it (`tests/test_rules.py` compiles every rule against its examples).
Files are read with YAML's safe loader; a malformed file is a programming error, raised at once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Iterable

import regex

RULES_PACKAGE = ("data", "rules")
_FRAGMENT = regex.compile(r"\{\{(\w+)\}\}")


@dataclass(frozen=True)
class Rule:
    """One named pattern with the examples that show what it is for."""

    name: str
    source: str          # the pattern as written in the file (fragments not yet expanded)
    expanded: str        # the pattern with every fragment written out, as compiled
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    weight: float = 0.0
    flags: int = 0
    needs: tuple[str, ...] = ()  # words every match holds: a text without them has no match

    @functools.cached_property
    def pattern(self) -> regex.Pattern[str]:
        """The compiled rule, compiled on first use (kept in the instance: a frozen dataclass
        still has a `__dict__`, which cached_property writes directly)."""
        return regex.compile(self.expanded, self.flags)


class _LazyRule:
    """A class attribute standing for one rule until it is read: reading it compiles the rule
    and stores the pattern in the instance, whose attribute hides this (non-data) descriptor
    from then on."""

    __slots__ = ("rule",)

    def __init__(self, rule: Rule):
        self.rule = rule

    def __get__(self, obj: Any, owner: type) -> Any:
        if obj is None:
            return self
        obj.__dict__[self.rule.name] = self.rule.pattern
        return self.rule.pattern


@dataclass(frozen=True)
class RuleTable:
    """The rules and word lists of one file."""

    name: str
    rules: dict[str, Rule] = field(default_factory=dict)
    word_lists: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def pattern(self, name: str) -> regex.Pattern[str]:
        return self.rules[name].pattern

    def lazy(self, name: str) -> Any:
        """The rule as a LazyPattern (zzgov.text.script), compiled when first used: for a
        module-level name that only some documents reach."""
        from zzgov.text.script import lazy_regex

        rule = self.rules[name]
        return lazy_regex(rule.expanded, rule.flags)

    @functools.cached_property
    def re(self) -> Any:
        """The compiled rules as attributes (`table.re.speaker.search(s)`): what a walker reads.

        Each rule is compiled when first read.  A class of the table's own holds one descriptor
        per rule (no `__getattr__`, which would slow every read of an attribute in the walkers'
        hot loops); its one instance then keeps each compiled pattern as a plain attribute."""
        return type(f"{self.name}_rules", (), {n: _LazyRule(r) for n, r in self.rules.items()})()

    def words(self, name: str) -> tuple[str, ...]:
        return self.word_lists[name]

    def scanner(self, names: Iterable[str]) -> regex.Pattern[str]:
        """One pattern trying each named rule in order; the match's `lastgroup` is the rule's
        name. The rules' own group names are dropped (they may repeat across rules); read them
        with `table.pattern(name).match(...)` on the matched text."""
        parts = []
        for name in names:
            body = _GROUP_NAME.sub("(?:", self.rules[name].expanded)
            parts.append(f"(?P<{name}>{body})")
        return regex.compile("|".join(parts), regex.MULTILINE)


_GROUP_NAME = regex.compile(r"\(\?P<\w+>")
_FLAGS = {"multiline": regex.MULTILINE, "ignorecase": regex.IGNORECASE, "verbose": regex.VERBOSE}


def _read(name: str) -> dict[str, Any]:
    """One rule file, parsed (`fragments` reads every file, and `load` the one it builds)."""
    return _parsed_files()[name]


@functools.lru_cache(maxsize=None)
def _parsed_files() -> dict[str, dict[str, Any]]:
    """Every rule file, parsed once per process; kept in the data cache (zzgov.datacache),
    keyed by the files' bytes, so a run need not import PyYAML (nothing changes what is
    returned)."""
    from zzgov import datacache

    folder = resources.files("zzgov").joinpath(*RULES_PACKAGE)
    raw = {p.name[:-5]: p.read_bytes() for p in sorted(folder.iterdir(), key=lambda p: p.name)
           if p.name.endswith(".yaml")}

    def parse() -> dict[str, dict[str, Any]]:
        import yaml

        # libyaml's safe loader when the wheel has it: several times faster than the pure-Python one
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        out = {}
        for name, data in raw.items():
            parsed = yaml.load(data.decode("utf-8"), Loader=loader) or {}
            if not isinstance(parsed, dict):
                raise ValueError(f"rules/{name}.yaml: expected a mapping at the top")
            out[name] = parsed
        return out

    return datacache.load("rules", [name.encode("utf-8") + b"\0" + data for name, data in raw.items()], parse)


@functools.lru_cache(maxsize=None)
def _all_fragments() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    from zzgov.numbers.chinese import DATE_DIGIT_CHARS, HEADING_NUMERAL_CHARS

    out: dict[str, str] = {"heading_numeral_char": f"[{HEADING_NUMERAL_CHARS}]",
                           "heading_numeral": f"[{HEADING_NUMERAL_CHARS}]+", "date_digit": f"[{DATE_DIGIT_CHARS}]"}
    lists: dict[str, tuple[str, ...]] = {}
    for data in _parsed_files().values():  # in file name order
        for key, value in (data.get("fragments") or {}).items():
            if key in out:
                raise ValueError(f"rules: fragment {key!r} is defined twice")
            if isinstance(value, list):
                lists[key] = tuple(str(w) for w in value)
                out[key] = words_pattern(lists[key])
            else:
                out[key] = str(value)
    return out, lists


def fragments() -> dict[str, str]:
    """Every file's fragments, by name (a name defined twice is an error)."""
    return _all_fragments()[0]


def fragment_words(name: str) -> tuple[str, ...]:
    """The words of a fragment written as a list."""
    return _all_fragments()[1][name]


def expand(pattern: str) -> str:
    """`pattern` with every {{fragment}} written out."""
    table = fragments()
    for _ in range(10):  # fragments may nest; ten levels is far more than any file uses
        new = _FRAGMENT.sub(lambda m: _lookup(table, m.group(1)), pattern)
        if new == pattern:
            return new
        pattern = new
    raise ValueError(f"rules: fragments nest too deep in {pattern!r}")


def _lookup(table: dict[str, str], name: str) -> str:
    try:
        return "(?:%s)" % table[name]
    except KeyError:
        raise ValueError(f"rules: unknown fragment {{{{{name}}}}}") from None


def fragment(name: str) -> str:
    """One fragment, expanded, as a non-capturing group."""
    return expand("{{%s}}" % name)


@functools.lru_cache(maxsize=None)
def load(name: str) -> RuleTable:
    """The rule table of `zzgov/data/rules/<name>.yaml` (read once per process)."""
    data = _read(name)
    rules: dict[str, Rule] = {}
    for entry in data.get("rules") or []:
        rname = entry["name"]
        if rname in rules:
            raise ValueError(f"rules/{name}.yaml: rule {rname!r} is defined twice")
        flags = 0
        for flag in entry.get("flags") or []:
            flags |= _FLAGS[flag]
        rules[rname] = Rule(
            name=rname,
            source=entry["pattern"],
            expanded=expand(entry["pattern"]),
            examples=tuple(entry.get("examples") or ()),
            counter_examples=tuple(entry.get("not") or ()),
            weight=float(entry.get("weight") or 0.0),
            flags=flags,
            needs=tuple(str(w) for w in entry.get("needs") or ()),
        )
    words = {key: tuple(str(w) for w in value) for key, value in (data.get("words") or {}).items()}
    return RuleTable(name=name, rules=rules, word_lists=words)


def rule_files() -> list[str]:
    """The names of every rule file shipped with zzgov."""
    folder = resources.files("zzgov").joinpath(*RULES_PACKAGE)
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def words_pattern(words: Iterable[str]) -> str:
    """An alternation of literal words, longest first (so 常务副市长 wins over 副市长)."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
