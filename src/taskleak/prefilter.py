"""Which files are worth parsing: a whole-word search for spawn names in the raw bytes.

A file that cannot contain a spawn costs a read and this search, nothing more. This module does
not import libcst, so a run whose files are all ruled out (or all cached) never loads the parser.

The search may say yes too often (a name in a comment or a string), never no too often: every
name through which `scan.py` records a possible spawn is in the list, and an alias or an
`import ... as` of a spawn function names the function it aliases on the same line.
"""

from __future__ import annotations

import re
from functools import lru_cache

# The spawn functions and methods (scan.SPAWN_FUNCTIONS and SPAWN_METHODS but `start`).
SPAWN_WORDS = ("create_task", "ensure_future", "run_coroutine_threadsafe", "start_soon")
# `nursery.start(...)` / `tg.start(...)` spawn too, but `start` is everywhere: it only counts in
# a file that also names a task group or a nursery, by type, factory or receiver name (see
# names.TASKGROUP_FACTORIES, TASKGROUP_TYPES, TASKGROUP_NAMES and spawns.classify_call).
START_WORD = "start"
TASK_GROUP_SUBSTRINGS = ("TaskGroup", "taskgroup", "task_group", "Nursery", "nursery")
TASK_GROUP_WORDS = ("tg", "_tg")


def _whole_words(words: list[bytes]) -> re.Pattern[bytes]:
    alternatives = b"|".join(re.escape(w) for w in words)
    return re.compile(rb"(?<![\w])(?:" + alternatives + rb")(?![\w])")


_START = _whole_words([START_WORD.encode()])
_GROUP_SUBSTRINGS = tuple(w.encode() for w in TASK_GROUP_SUBSTRINGS)
_GROUP_WORDS = _whole_words([w.encode() for w in TASK_GROUP_WORDS])


class Prefilter:
    """The words for one set of configured spawners, and a fast test over bytes."""

    def __init__(self, spawners: tuple[str, ...] = ()) -> None:
        words = set(SPAWN_WORDS)
        for s in spawners:
            tail = s.rsplit(".", 1)[-1].strip()
            if tail:
                words.add(tail)
        self.words = tuple(sorted(words))
        encoded = [w.encode() for w in self.words]
        # Plain substring tests first (C speed, most files fail them all); the whole-word regex
        # only runs on the few files that pass. A word containing another word is redundant.
        self._needles = tuple(w for w in encoded if not any(o != w and o in w for o in encoded))
        self._pattern = _whole_words(encoded)

    def may_spawn(self, data: bytes) -> bool:
        if any(needle in data for needle in self._needles) and self._pattern.search(data):
            return True
        return _may_start_in_group(data)


def _may_start_in_group(data: bytes) -> bool:
    """`x.start(...)` where x may be a task group or a nursery."""
    if b"start" not in data:
        return False
    if not (any(s in data for s in _GROUP_SUBSTRINGS)
            or (b"tg" in data and _GROUP_WORDS.search(data))):
        return False
    return _START.search(data) is not None


@lru_cache(maxsize=32)
def prefilter_for(spawners: tuple[str, ...] = ()) -> Prefilter:
    return Prefilter(spawners)


def may_spawn(data: bytes, spawners: tuple[str, ...] = ()) -> bool:
    """Whether `data` names a spawn function as a whole word (so the file must be parsed)."""
    return prefilter_for(tuple(spawners)).may_spawn(data)
