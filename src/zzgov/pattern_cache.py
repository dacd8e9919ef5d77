"""Compiled `re` and `regex` patterns kept between runs, the way Python keeps bytecode in
__pycache__.

The standard library compiles a pattern in Python code and expands every character class
one code point at a time: the Han class (28,000 code points in the Basic Multilingual
Plane) costs about 14 M instructions wherever it appears.  Compiling zzgov's patterns was
nearly a third of the set-up of a run that parses every kind (0.45 of 1.57 G instructions;
README.md, Performance), and that set-up is the serial start of `parse --jobs N`.  The
compiled form is a list of integers that the engine, `_sre.compile`, takes as it is;
`compile_cached` keeps it in a JSON file in the user's cache folder and later runs read it
back.

Safe by construction:
- the file's name holds the interpreter's cache tag and the engine's magic number and code
  size, so another Python never reads it;
- an entry is found only by the exact pattern text and flags, and is written only after a
  check that it rebuilds the pattern `re.compile` gives (same groups and flags);
- the engine validates any code it is given, and anything missing, unreadable or refused
  falls back to `re.compile`; a run that cannot write the file just does not keep it.

It relies on CPython's internal `re._parser`, `re._compiler` and `_sre.compile` (stable
since 3.11); on an interpreter without them the cache is off and nothing changes.

`compile_regex_cached` does the same for the third-party `regex` module, whose patterns
(about a hundred, compiled at import) cost 20 ms of every run: it keeps the arguments
`regex` hands to its engine, `_regex.compile`, captured while `regex` compiles the pattern
itself, in a file of its own named by the module's version, magic number and code size.
Only patterns without named lists are kept, and an entry is written only when the pattern
it rebuilds has the groups and flags `regex.compile` gives.  The engine trusts the code it
is given more than `_sre` does, so the file is only ever written by this module, after
that check, and read only by the `regex` version that wrote it.

ZZGOV_CACHE_DIR sets the folder (default `$XDG_CACHE_HOME/zzgov`, else `~/.cache/zzgov`);
an empty ZZGOV_CACHE_DIR turns the cache off.
"""

from __future__ import annotations

import atexit
import os
import re
import sys

try:
    import _sre
    from re import _compiler, _parser

    _ENGINE = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # pragma: no cover - not CPython 3.11+
    _ENGINE = None

ENV_DIR = "ZZGOV_CACHE_DIR"
# An upgrade that changes patterns leaves old entries behind; past this many, the entries
# written longest ago are dropped.
MAX_ENTRIES = 2000


def cache_folder() -> str | None:
    """zzgov's cache folder (it may not exist yet), or None when caching is off."""
    if getattr(sys, "frozen", False):
        return None
    folder = os.environ.get(ENV_DIR)
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "zzgov")
    return folder or None


def cache_path() -> str | None:
    """The cache file for this interpreter, or None when the cache is off."""
    folder = cache_folder()
    if _ENGINE is None or folder is None:
        return None
    return os.path.join(folder, f"re-{_ENGINE}.json")


def write_json(path: str, data: object) -> None:
    """Write `data` as JSON to a file of the cache folder, atomically (a reader sees the old
    file or the new, never half of one); a folder that cannot be written is let be."""
    import json
    import tempfile  # only a run that writes a cache file needs it

    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass  # a read-only or full disk, or text UTF-8 cannot hold: the next run builds it again


class _Store:
    """The entries read from a cache file (once, on first use) and the patterns compiled anew."""

    def __init__(self, path_of) -> None:
        self.path_of = path_of  # () -> the cache file, or None when off
        self.path: str | None = None
        self.entries: dict | None = None
        self.missing: dict[str, tuple[str, int]] = {}
        self.hits = 0

    def lookup(self, key: str):
        if self.entries is None:
            self.path = self.path_of()
            self.entries = _read(self.path)
        return self.entries.get(key)

    def remember(self, key: str, pattern, flags: int) -> None:
        """Keep a pattern compiled anew for `save`, at exit."""
        if self.path is not None and isinstance(pattern, str):
            if not (_store.missing or _regex_store.missing):
                atexit.register(save)
            self.missing[key] = (pattern, flags)


_store = _Store(cache_path)


def _read(path: str | None) -> dict:
    if path is None:
        return {}
    import json  # not imported at all while the cache is off

    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _key(pattern: str, flags: int) -> str:
    return f"{flags}/{pattern}"


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the compiled code kept by an earlier run when there is."""
    flags = int(flags)
    return _compile(_store, _key(pattern, flags), pattern, flags, _re_from_entry, re.compile)


def _re_from_entry(pattern: str, entry: list) -> re.Pattern[str]:
    out_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(pattern, out_flags, code, groups, groupindex, tuple(indexgroup))


def _compile(store: _Store, key: str, pattern: str, flags: int, from_entry, compile_anew):
    """The pattern from the store's entry when there is one the engine takes, else compiled
    anew (and remembered for `save`)."""
    entry = store.lookup(key)
    if entry is not None:
        try:
            compiled = from_entry(pattern, entry)
            store.hits += 1
            return compiled
        except Exception:  # a damaged entry: compile anew and write it again
            pass
    compiled = compile_anew(pattern, flags)
    store.remember(key, pattern, flags)
    return compiled


def entry_for(pattern: str, flags: int) -> list | None:
    """The cache entry of a pattern: what `re._compiler.compile` hands to `_sre.compile`, or
    None unless the pattern it rebuilds agrees with `re.compile`'s."""
    try:
        tree = _parser.parse(pattern, flags)
        code = _compiler._code(tree, flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry = [flags | tree.state.flags, code, tree.state.groups - 1, groupindex, indexgroup]
        rebuilt = _re_from_entry(pattern, entry)
    except Exception:
        return None
    plain = re.compile(pattern, flags)
    same = (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == \
        (plain.pattern, plain.flags, plain.groups, plain.groupindex)
    return entry if same else None


def regex_cache_path() -> str | None:
    """The cache file for this version of the `regex` module, or None when the cache is off."""
    folder = cache_folder()
    engine = _regex_engine()
    if engine is None or folder is None:
        return None
    return os.path.join(folder, f"regex-{engine}.json")


_regex_store = _Store(regex_cache_path)


def _regex_engine() -> str | None:
    try:
        import regex
        from regex import _main, _regex  # noqa: F401  (the internals the entries rely on)

        return f"{regex.__version__}-{_regex.MAGIC}-{_regex.CODE_SIZE}"
    except (ImportError, AttributeError):  # pragma: no cover - another layout of the module
        return None


def _regex_key(pattern: str, flags: int) -> str:
    import regex

    # regex.DEFAULT_VERSION (a program may change it) decides how a pattern is read
    return f"{flags}/{int(regex.DEFAULT_VERSION)}/{pattern}"


def compile_regex_cached(pattern: str, flags: int = 0):
    """`regex.compile(pattern, flags)`, from the engine arguments kept by an earlier run when
    there are."""
    import regex

    flags = int(flags)
    return _compile(_regex_store, _regex_key(pattern, flags), pattern, flags, regex_from_entry, regex.compile)


def regex_from_entry(pattern: str, entry: list):
    """The `regex` pattern an entry of the cache file describes."""
    from regex import _regex

    out_flags, code, group_index, index_group, req_offset, req_chars, req_flags, group_count = entry
    return _regex.compile(pattern, out_flags, code, group_index, {int(k): v for k, v in index_group},
                          {}, [], req_offset, tuple(req_chars), req_flags, group_count)


def regex_entry_for(pattern: str, flags: int) -> list | None:
    """The cache entry of a `regex` pattern: the arguments `regex` hands to `_regex.compile`
    when it compiles the pattern itself, or None unless the pattern they rebuild agrees with
    `regex.compile`'s (or the pattern has named lists, which are not kept)."""
    try:
        import regex
        from regex import _main, _regex

        captured: list[tuple] = []

        class _Spy:
            """The engine module as `regex._main` sees it, with `compile` recorded."""

            def __getattr__(self, name: str):
                return getattr(_regex, name)

            @staticmethod
            def compile(*args):
                captured.append(args)
                return _regex.compile(*args)

        engine = _main._regex
        _main._regex = _Spy()
        try:
            _main._compile(pattern, flags, False, {}, False)  # not from regex's own cache
        finally:
            _main._regex = engine
        (pat, out_flags, code, group_index, index_group, named_lists, named_list_indexes,
         req_offset, req_chars, req_flags, group_count), = captured
        if named_lists or named_list_indexes or pat != pattern:
            return None
        entry = [int(out_flags), list(code), dict(group_index), sorted(index_group.items()), req_offset,
                 list(req_chars), req_flags, group_count]
        rebuilt = regex_from_entry(pattern, entry)
        plain = regex.compile(pattern, flags)
    except Exception:
        return None
    same = (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == \
        (plain.pattern, plain.flags, plain.groups, plain.groupindex)
    return entry if same else None


def save() -> None:
    """Write the patterns compiled anew in this run to the cache files (at exit)."""
    for store, entry_of in ((_store, entry_for), (_regex_store, regex_entry_for)):
        if not store.missing or store.path is None:
            continue
        entries = _read(store.path)  # another run may have written entries since
        for key, (pattern, flags) in store.missing.items():
            entry = entry_of(pattern, flags)
            if entry is not None:
                entries.pop(key, None)
                entries[key] = entry  # the newest last: MAX_ENTRIES keeps the newest
        store.missing = {}
        write_json(store.path, dict(list(entries.items())[-MAX_ENTRIES:]))
