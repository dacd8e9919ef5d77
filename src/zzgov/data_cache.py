"""Parsed data files kept between runs, in the cache folder of `zzgov.pattern_cache`.

The vocabularies people edit are YAML, for its comments (units.yaml documents every rule
with an example).  Reading one costs a run more than parsing it: importing PyYAML compiles
its resolver's patterns, and with the parse that was about 20 ms of the ~180 ms set-up of
every run (README.md, Performance), a set-up that `parse --jobs N` makes serially before
it forks.  The parsed data is kept as JSON, which the standard library reads in well under
a millisecond.

Safe by construction:
- the file's name holds a hash of the YAML text, so an edited or upgraded data file is
  parsed anew, never answered from an old copy;
- data is kept only when it comes back from JSON unchanged (YAML can say things JSON
  cannot: dates, tuples, non-string keys);
- anything missing, unreadable or damaged falls back to parsing the YAML; a folder that
  cannot be written just keeps nothing.
ZZGOV_CACHE_DIR moves or (empty) turns off this cache together with the pattern cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any, Callable

from zzgov.pattern_cache import cache_folder, write_json


def cache_file(name: str, text: str) -> str | None:
    """Where the parsed form of `text` (a data file called `name`) is kept, or None when off."""
    folder = cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    return os.path.join(folder, f"{name}-{digest}.json")


def load_parsed(name: str, text: str, parse: Callable[[str], Any]) -> Any:
    """`parse(text)`, from the copy an earlier run kept when there is one."""
    path = cache_file(name, text)
    if path is not None:
        try:
            with open(path, encoding="utf-8") as fh:
                return json.load(fh)
        except (OSError, ValueError):
            pass  # not kept yet, or damaged: parse and keep it again
    data = parse(text)
    if path is not None and _survives_json(data):
        write_json(path, data)
    return data


def _survives_json(data: Any) -> bool:
    try:
        return json.loads(json.dumps(data, ensure_ascii=False)) == data
    except (TypeError, ValueError):
        return False
