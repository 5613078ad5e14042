"""Which files are worth parsing: a whole-word search for spawn names in the raw bytes.

A file that cannot contain a spawn costs a read and this search, nothing more. This module does
not import libcst, so a run whose files are all ruled out (or all cached) never loads the parser.

The search may say yes too often (a name in a comment or a string), never no too often: every
name through which `scan.py` records a possible spawn is in the list, and an alias or an
`import ... as` of a spawn function names the function it aliases on the same line. A method of
a framework object that is never a loop (`hass.create_task`, `vocabulary.NOT_LOOPS`) is not
counted unless a spawner of that name is configured: the scan does not take it for a spawn.

Two ways to search, both whole-word: with a few words (the usual case), a substring test per
word at C speed, most files failing them all; with many (a project configuring hundreds of
spawners), one pass over the bytes that splits them into words, looked up in a set, so the
cost does not grow with the number of words (10,000 configured spawners took seconds a run).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from taskleak.analysis.obligations.spawners import Spawner
from taskleak.analysis.tree.vocabulary import (
    CALLBACK_POSITIONS,
    NOT_LOOPS,
    SPAWN_FUNCTIONS,
    SPAWN_METHODS,
    START_METHOD,
    TASK_CLASS,
    TASK_GROUP_SUBSTRINGS,
    TASK_GROUP_WORDS,
    WRAPPING_NAMES,
)

# The spawn functions and methods the scan records calls by, but `start` and `Task` (below).
SPAWN_WORDS = tuple(sorted((SPAWN_FUNCTIONS | SPAWN_METHODS) - {START_METHOD, TASK_CLASS}))
# `nursery.start(...)` / `tg.start(...)` spawn too, but `start` is everywhere: it only counts in
# a file that also names a task group or a nursery, by type or factory (see
# vocabulary.TASKGROUP_FACTORIES, TASKGROUP_TYPES and spawns.classify_call).
START_WORD = START_METHOD


_START_BYTES = START_WORD.encode()
_GROUP_SUBSTRINGS = tuple(w.encode() for w in TASK_GROUP_SUBSTRINGS)
_GROUP_WORD_BYTES = tuple(w.encode() for w in TASK_GROUP_WORDS)


# Above this many substring tests, splitting the bytes into words once is faster (on
# homeassistant's 57 MB: a substring test takes ~0.03 s, the split ~1.2 s, whatever the count).
MAX_NEEDLES = 32


class Prefilter:
    """The words for one set of configured spawners, and a fast test over bytes."""

    def __init__(self, spawners: tuple[Spawner, ...] = ()) -> None:
        words = set(SPAWN_WORDS)
        configured = {s.method for s in spawners}
        words.update(configured)
        self.words = tuple(sorted(words))
        # `hass.create_task` is no spawn unless a spawner of that name is configured
        self._on_any_receiver = frozenset(w.encode() for w in configured)
        encoded = [w.encode() for w in self.words]
        self._encoded = tuple(encoded)
        self._word_set = frozenset(encoded)
        # Plain substring tests first (C speed, most files fail them all); the whole-word search
        # only runs on the few files that pass. A word containing another word is redundant.
        self._needles: tuple[bytes, ...] | None = None
        if len(encoded) <= MAX_NEEDLES:
            self._needles = tuple(w for w in encoded
                                  if not any(o != w and o in w for o in encoded))

    def may_spawn(self, data: bytes, callbacks: bool = True) -> bool:
        """Whether `data` may hold a spawn (`callbacks`: or a call that calls a function back,
        which spawns nothing but may be handed a coroutine function)."""
        if self._needles is None:
            if not self._word_set.isdisjoint(words_in(data)):
                return True
        else:
            for needle in self._needles:
                if needle in data:
                    if any(has_word(data, w, skip_not_loops=w not in self._on_any_receiver)
                           for w in self._encoded):
                        return True
                    break
        # the Task class and gather/shield/wait_for spawn only as asyncio's: their import names
        # asyncio (spawns.classify_call resolves them to `asyncio.*`), so most files skip both
        return _may_start_in_group(data) or (callbacks and _may_call_back(data)) or (
            _ASYNCIO in data and (_may_construct_task(data) or _may_wrap(data)))

    def seed_offsets(self, data: bytes) -> list[int]:
        """Where in `data` a spawn may be named: an offset of each whole-word occurrence of
        the words `may_spawn` looks for (the blocks holding one are parsed:
        analysis/tree/blocks.py). The parts of the test that read the file as a whole (a task
        group's import, asyncio's, the coroutine function a callback names) are asked of the
        file, and their words looked for when it passes them."""
        words = [(w, w not in self._on_any_receiver) for w in self._encoded]
        group = _may_start_in_group(data)
        if group:
            words += [(_START_BYTES, False), *((w, False) for w in _GROUP_WORD_BYTES)]
        if _may_call_back(data):
            words += [(w, False) for w in _CALLBACK_WORDS]
        if _ASYNCIO in data and (_may_construct_task(data) or _may_wrap(data)):
            words += [(_TASK_BYTES, False), *((w, False) for w in _WRAPPING_BYTES)]
        out: list[int] = []
        if len(words) > MAX_NEEDLES:  # as `may_spawn` with many words: one split of the file
            every = frozenset(w for w, _ in words)
            out = [m.start() for m in _WORD.finditer(data) if m.group() in every]
        else:
            for word, skip in words:
                out.extend(word_offsets(data, word, skip_not_loops=skip))
        if group:  # (a task group's names are looked for inside words too)
            out.extend(i for s in _GROUP_SUBSTRINGS for i in _substring_offsets(data, s))
        return out


# Calls that call a function back (`loop.call_later(5, self.expire)`): a coroutine function
# given to one never runs (analysis/obligations/coroutine_callbacks.py). A file counts only when
# such a call's arguments name one of its own `async def`s or `partial(...)` locals: passing
# every file that names the calls parsed 93 more homeassistant files (cold 1.76 s -> 3.52 s).
# (`call_*` and `add_done_callback` only: a test per word cost homeassistant +0.26 s, as `add_`
# is everywhere, so a file naming only `add_reader`, `add_signal_handler` or `Timer` is not
# passed for this)
# Tornado's IOLoop runs a coroutine function it calls back (`TORNADO_RUNS_CALLED_BACK`; its
# `call_later`/`call_at` are among the loop's words already), and a `@gen.coroutine` def is
# one too.
_LOOP_CALLBACK_WORDS = tuple(sorted(w.encode() for w in CALLBACK_POSITIONS
                                    if w.startswith("call_")))
_BACK_WORDS = tuple(sorted(w.encode() for w in CALLBACK_POSITIONS if "_callback" in w))
_CALLBACK_WORDS = (*_LOOP_CALLBACK_WORDS, *_BACK_WORDS, b"add_timeout")
_CALLBACK_CALL = re.compile(
    rb"\b(?:" + b"|".join(_CALLBACK_WORDS) + rb")\(([^()]*(?:\([^()]*\)[^()]*)*)\)")
_ASYNC_DEF = re.compile(rb"\basync[ \t]+def[ \t]+(\w+)")
_COROUTINE_DEF = re.compile(rb"@[\w.]*coroutine\b[^\n]*\n(?:[ \t]*@[^\n]*\n)*[ \t]*def[ \t]+(\w+)")
_PARTIAL_LOCAL = re.compile(rb"\b(\w+)[ \t]*=[ \t]*(?:functools\.)?partial\(")
_WORD = re.compile(rb"\w+")
_DEF = re.compile(rb"\bdef[ \t]+(\w+)")
# an argument that is a method of `self` and nothing more (`call_soon(self.run, x)`)
_SELF_MEMBER_ARG = re.compile(rb"(?:^|[,(])\s*self\.(\w+)\s*(?=[,)]|$)")


def _may_call_back(data: bytes) -> bool:
    """A call that calls a function back names one of the file's coroutine functions (or a
    local bound to a `partial`) among its arguments."""
    if not ((b"call_" in data and any(has_word(data, w) for w in _LOOP_CALLBACK_WORDS))
            or (b"_callback" in data and any(has_word(data, w) for w in _BACK_WORDS))
            or has_word(data, b"add_timeout")):
        return False
    names = set(_ASYNC_DEF.findall(data))
    if b"coroutine" in data:
        names.update(_COROUTINE_DEF.findall(data))
    if names:  # (a `partial` local counts only beside a coroutine function it may wrap)
        names.update(_PARTIAL_LOCAL.findall(data))
    defined: set[bytes] | None = None
    for m in _CALLBACK_CALL.finditer(data):
        if names and not names.isdisjoint(_WORD.findall(m.group(1))):
            return True
        for member in _SELF_MEMBER_ARG.findall(m.group(1)):
            # `self.run` the file neither defines nor stores: a base's or a subclass's method,
            # maybe a coroutine function (`Exports.calling_back_classes`; on homeassistant and
            # mid this passes 3 files more)
            defined = set(_DEF.findall(data)) if defined is None else defined
            if member not in defined and not re.search(
                    rb"\bself\." + member + rb"\s*[:=][^=]", data):
                return True
    return False


def _may_start_in_group(data: bytes) -> bool:
    """`x.start(...)` where x may be a task group or a nursery."""
    # `start` as a whole word first: it rules out most files that mention `start` at all
    # (`async_start`, `start_time`) sooner than the task-group names would
    if b"start" not in data or not has_word(data, _START_BYTES):
        return False
    return (any(s in data for s in _GROUP_SUBSTRINGS)
            or any(has_word(data, w) for w in _GROUP_WORD_BYTES))


_ASYNCIO = b"asyncio"
_TASK_BYTES = TASK_CLASS.encode()
_NAME_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.")


def _may_construct_task(data: bytes) -> bool:
    """`asyncio.Task(coro)` (also `Task (`), `from asyncio import Task as T` and
    `T = asyncio.Task`: the word `Task` called, imported under another name, or assigned.
    Annotations (`asyncio.Task[None]`, `-> Task:`) are none of these."""
    end = len(_TASK_BYTES)
    size = len(data)
    i = data.find(_TASK_BYTES)
    while i >= 0:
        j = i + end
        if (i == 0 or data[i - 1] not in _WORD_BYTES) and (j == size
                                                           or data[j] not in _WORD_BYTES):
            rest = data[j:j + 40].lstrip(b" \t")
            if rest[:1] == b"(" or rest[:3] == b"as " or (
                    rest[:1] in (b"", b"\n", b"\r", b"#", b";") and _assigned(data, i)):
                return True
        i = data.find(_TASK_BYTES, i + 1)
    return False


_WRAPPING_BYTES = tuple(w.encode() for w in sorted(WRAPPING_NAMES))
_AWAIT = b"await"


def _may_wrap(data: bytes) -> bool:
    """`gather(...)`, `shield(...)`, `wait_for(...)` called but not awaited on the spot (a
    spawn when given coroutines, see spawns.wraps_coroutines), or imported under another name:
    a whole-word occurrence followed by `(` or ` as `, whose dotted name (`asyncio.gather`) is
    not right after `await`. Most files only await them, or say "gather" in prose."""
    for word in _WRAPPING_BYTES:
        end = len(word)
        i = data.find(word)
        while i >= 0:
            if (i == 0 or data[i - 1] not in _WORD_BYTES):
                rest = data[i + end:i + end + 40].lstrip(b" \t")
                if (rest[:1] == b"(" or rest[:3] == b"as ") and not _awaited(data, i):
                    return True
            i = data.find(word, i + 1)
    return False


def _awaited(data: bytes, i: int) -> bool:
    """`await` (a whole word) stands right before the dotted name ending at data[i:]."""
    k = _before_name(data, i, b" \t\r\n\\")
    start = k - len(_AWAIT)
    return start >= 0 and data[start:k] == _AWAIT and (
        start == 0 or data[start - 1] not in _WORD_BYTES)


def _before_name(data: bytes, i: int, space: bytes) -> int:
    """Where the text before the dotted name ending at data[i:] ends, `space` skipped."""
    k = i
    while k > 0 and data[k - 1] in _NAME_BYTES:
        k -= 1
    while k > 0 and data[k - 1] in space:
        k -= 1
    return k


def _assigned(data: bytes, i: int) -> bool:
    """The dotted name ending before data[i:] is the whole value of an assignment."""
    k = _before_name(data, i, b" \t")
    return k > 0 and data[k - 1:k] == b"=" and (k < 2 or data[k - 2] not in b"=!<>")


# What the regex `\w` matches in bytes: ASCII letters, digits and `_`.
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


# Every byte `\w` does not match, made a space: splitting on whitespace then gives the words.
_SPLIT = bytes(c if c in _WORD_BYTES else 0x20 for c in range(256))


def words_in(data: bytes) -> list[bytes]:
    r"""The whole words of `data` (maximal runs of `\w` bytes): a word occurs as a whole word
    (`has_word`) exactly when it is one of them."""
    return data.translate(_SPLIT).split()


def word_offsets(data: bytes, word: bytes, skip_not_loops: bool = False) -> Iterator[int]:
    """Where `word` occurs in `data` as a whole word (as `has_word` finds it)."""
    end = len(word)
    size = len(data)
    i = data.find(word)
    while i >= 0:
        if (i == 0 or data[i - 1] not in _WORD_BYTES) and (
                i + end == size or data[i + end] not in _WORD_BYTES) \
                and not (skip_not_loops and _after_not_loop(data, i)):
            yield i
        i = data.find(word, i + 1)


def _substring_offsets(data: bytes, part: bytes) -> Iterator[int]:
    i = data.find(part)
    while i >= 0:
        yield i
        i = data.find(part, i + 1)


def has_word(data: bytes, word: bytes, skip_not_loops: bool = False) -> bool:
    r"""`word` occurs in `data` as a whole word (the regex `(?<!\w)word(?!\w)`), found by
    `bytes.find` from one occurrence to the next: Python's regex engine tries the alternation
    at every byte, which made the search slower than reading the files (homeassistant: 0.13 s
    for the few hundred files that mention `async_create_task`). `skip_not_loops`: not counting
    `hass.create_task`, a method right after a receiver named in `vocabulary.NOT_LOOPS`, never
    a spawn the scan recognises (`spawns._classify`)."""
    return next(word_offsets(data, word, skip_not_loops), -1) >= 0


_NOT_LOOP_BYTES = frozenset(w.encode() for w in NOT_LOOPS)


def _after_not_loop(data: bytes, i: int) -> bool:
    """The word at data[i:] is an attribute of a name in NOT_LOOPS (`self.hass.` before it)."""
    if i < 2 or data[i - 1] != 0x2E:  # "."
        return False
    j = i - 1
    while j > 0 and data[j - 1] in _WORD_BYTES:
        j -= 1
    return data[j:i - 1] in _NOT_LOOP_BYTES


@lru_cache(maxsize=32)
def prefilter_for(spawners: tuple[Spawner, ...] = ()) -> Prefilter:
    return Prefilter(spawners)


def may_spawn(data: bytes, spawners: tuple[Spawner, ...] = ()) -> bool:
    """Whether `data` names a spawn function as a whole word (so the file must be parsed)."""
    return prefilter_for(spawners).may_spawn(data)
