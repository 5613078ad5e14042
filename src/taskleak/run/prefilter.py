"""Which files are worth parsing: a whole-word search for spawn names in the raw bytes.

A file that cannot contain a spawn costs a read and this search, nothing more. This module does
not import libcst, so a run whose files are all ruled out (or all cached) never loads the parser.

The search may say yes too often (a name in a comment or a string), never no too often: every
name through which `scan.py` records a possible spawn is in the list, and an alias or an
`import ... as` of a spawn function names the function it aliases on the same line.
"""

from __future__ import annotations

from functools import lru_cache

from taskleak.analysis.spawners import parse_spawners
from taskleak.analysis.vocabulary import (
    SPAWN_FUNCTIONS,
    SPAWN_METHODS,
    START_METHOD,
    TASK_GROUP_SUBSTRINGS,
    TASK_GROUP_WORDS,
)

# The names the scan records a possible spawn by (vocabulary.SPAWN_FUNCTIONS, SPAWN_METHODS)
# but `start`: `nursery.start(...)` / `tg.start(...)` spawn too, but `start` is everywhere: it
# only counts in a file that also names a task group or a nursery, by type, factory or receiver
# name (vocabulary.TASK_GROUP_SUBSTRINGS and TASK_GROUP_WORDS cover them all: tested).
SPAWN_WORDS = tuple(sorted((SPAWN_FUNCTIONS | SPAWN_METHODS) - {START_METHOD}))
START_WORD = START_METHOD


_START_BYTES = START_WORD.encode()
_GROUP_SUBSTRINGS = tuple(w.encode() for w in TASK_GROUP_SUBSTRINGS)
_GROUP_WORD_BYTES = tuple(w.encode() for w in TASK_GROUP_WORDS)


class Prefilter:
    """The words for one set of configured spawners, and a fast test over bytes."""

    def __init__(self, spawners: tuple[str, ...] = ()) -> None:
        words = set(SPAWN_WORDS)
        words.update(s.method for s in parse_spawners(spawners))
        self.words = tuple(sorted(words))
        encoded = [w.encode() for w in self.words]
        # Plain substring tests first (C speed, most files fail them all); the whole-word search
        # only runs on the few files that pass. A word containing another word is redundant.
        self._needles = tuple(w for w in encoded if not any(o != w and o in w for o in encoded))
        self._encoded = tuple(encoded)

    def may_spawn(self, data: bytes) -> bool:
        for needle in self._needles:
            if needle in data:
                if any(has_word(data, w) for w in self._encoded):
                    return True
                break
        return _may_start_in_group(data)


def _may_start_in_group(data: bytes) -> bool:
    """`x.start(...)` where x may be a task group or a nursery."""
    # `start` as a whole word first: it rules out most files that mention `start` at all
    # (`async_start`, `start_time`) sooner than the task-group names would
    if b"start" not in data or not has_word(data, _START_BYTES):
        return False
    return (any(s in data for s in _GROUP_SUBSTRINGS)
            or any(has_word(data, w) for w in _GROUP_WORD_BYTES))


# What the regex `\w` matches in bytes: ASCII letters, digits and `_`.
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def has_word(data: bytes, word: bytes) -> bool:
    r"""`word` occurs in `data` as a whole word (the regex `(?<!\w)word(?!\w)`), found by
    `bytes.find` from one occurrence to the next: Python's regex engine tries the alternation
    at every byte, which made the search slower than reading the files (homeassistant: 0.13 s
    for the few hundred files that mention `async_create_task`)."""
    end = len(word)
    size = len(data)
    i = data.find(word)
    while i >= 0:
        if (i == 0 or data[i - 1] not in _WORD_BYTES) and (
                i + end == size or data[i + end] not in _WORD_BYTES):
            return True
        i = data.find(word, i + 1)
    return False


@lru_cache(maxsize=32)
def prefilter_for(spawners: tuple[str, ...] = ()) -> Prefilter:
    return Prefilter(spawners)


def may_spawn(data: bytes, spawners: tuple[str, ...] = ()) -> bool:
    """Whether `data` names a spawn function as a whole word (so the file must be parsed)."""
    return prefilter_for(tuple(spawners)).may_spawn(data)
