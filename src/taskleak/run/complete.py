"""Complete a run's facts with what the project join needs from files the spawn pass left out.

1. **Answers**: a module asks what it cannot tell alone (is `Handler._task` cancelled anywhere?
   who calls `trigger` with which collection? who drops what `spawn()` returns?). The files
   that can answer are the modules of its package (the widest folder around it whose tree holds
   at most 300 of the run's files, or only its folder when even its own tree is larger) whose
   bytes name the attribute or function as a whole word: those are parsed for their exports,
   and only those. Their facts are cached like any file's.
2. **Positions**: a call that drops a returned task becomes a finding at the call; the facts
   leave call positions out (most calls never need one), so the few files holding such calls
   are parsed again to place them. The positions are cached with the file's facts.

A warm run over an unchanged tree finds every answer in the cache: it reads the package's files
to search them, and parses nothing.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from taskleak.analysis.facts.module import FileFacts, QuestionKind
from taskleak.analysis.tree.blocks import emptied
from taskleak.files.paths import relative_path
from taskleak.files.source import SourceError, read_source
from taskleak.model import Skipped
from taskleak.project.join import positions_needed
from taskleak.project.module_names import module_candidates
from taskleak.run.cache import Cache, content_digest
from taskleak.run.prefilter import has_word
from taskleak.run.subclasses import ModuleClasses, read_classes
from taskleak.settings import Settings

if TYPE_CHECKING:
    from taskleak.run.workers import Analyzer

# A package folder with more files than this is searched only at its own level (not below):
# a question from `homeassistant/core.py` must not read the whole of homeassistant.
MAX_PACKAGE_FILES = 300
# modules that only re-export what a chain asks about, followed to the one defining it: for the
# questions a function's body answers (a class a chain names is the inheritance round's:
# following the bases `REENTRY` names had mid's cold run parse redis's 6,000-line
# `commands/core.py` for no row, +0.5 s)
_RE_EXPORTS = 3
# questions about a chain (`names/chains.py`): the module it starts in is found by its import
# path, not by a name searched for
_BY_IMPORT_PATH = frozenset({QuestionKind.RECEIVER_LOOP, QuestionKind.CALL_MAKES,
                             QuestionKind.COROUTINE_BODY, QuestionKind.CALL_IS_COROUTINE,
                             QuestionKind.REENTRY, QuestionKind.CALLBACK_READS,
                             QuestionKind.LAMBDA_CALLEE, QuestionKind.STDLIB_NAME})
_FUNCTION_BODIES = _BY_IMPORT_PATH - {QuestionKind.RECEIVER_LOOP, QuestionKind.REENTRY}


def asked_names(facts: FileFacts) -> set[str]:
    """The attribute and function names a file's spawns ask other modules about."""
    names: set[str] = set()
    if facts.module is None:
        return names
    own = _own_work_helpers(facts)
    for spawn in facts.module.spawns:
        for q in spawn.questions:
            head = q.owner.partition(".")[0]
            if q.kind in (QuestionKind.RECEIVER_LOOP, QuestionKind.CALL_IS_COROUTINE,
                          QuestionKind.LAMBDA_CALLEE) and head.endswith("()"):
                # "Base().loop", a class of the asking module: its subclasses name it
                names.add(head.removesuffix("()"))
                continue
            if q.kind in _BY_IMPORT_PATH:
                continue  # its module, by its import path: `_receiver_modules`
            if q.kind is QuestionKind.HELPER_CALLERS and ("." in q.owner or q.owner in own):
                # a method: `method_helper_names`, searched in a small package only; a helper
                # spawning its own work: no file is read for it (`_own_work_helpers`)
                continue
            if q.kind in (QuestionKind.ATTRIBUTE_CLEANUP, QuestionKind.GLOBAL_CLEANUP):
                names.add(q.name)
            else:
                names.add(q.owner.rsplit(".", 1)[-1])
            if q.kind is QuestionKind.RETURNED_TASK:  # and what returns what it returns
                names.update(fn.qualname.rsplit(".", 1)[-1]
                             for fn in facts.module.exports.functions if fn.via == q.owner)
    return {n for n in names if n}


def method_helper_names(facts: FileFacts) -> set[str]:
    """The names of the spawn helper methods a file's spawns ask the callers of: called on
    `self` in subclasses, or through typed attributes (`self._device.gateway.spawn(...)`), they
    are looked for in the helper's package when its tree is small (`Folders.in_package`'s
    `whole_only`): in a big project's own folder, callers of its core's helper methods cost
    parsing and typed none (homeassistant: 3 more files cold, +0.17 s, for no row)."""
    own = _own_work_helpers(facts)
    return {q.owner.rsplit(".", 1)[-1] for spawn in (facts.module.spawns if facts.module else ())
            for q in spawn.questions
            if q.kind is QuestionKind.HELPER_CALLERS and "." in q.owner and q.owner not in own}


def _own_work_helpers(facts: FileFacts) -> set[str]:
    """The file's helpers that spawn work of their own (`FunctionFacts.own`): their calls are
    low rows only, so the files the run parses anyway are asked, and no file is read for them
    (when they were, dev5: 192 -> 542 files analysed, 7.9 -> 12.2 s, for 10 more rows graded
    exactly; ours 8)."""
    return {f.qualname for f in facts.module.exports.functions if f.own} \
        if facts.module is not None else set()


def _asking(paths: Sequence[str], facts: Sequence[FileFacts]) -> list[tuple[str, FileFacts]]:
    """(path, facts) of the files with spawns: the only ones that ask (one cheap pass, so the
    rest of the round loops over a few files, not every file of the run)."""
    return [(paths[i], f) for i, f in enumerate(facts) if f.module is not None and f.module.spawns]


def _packages(asking: list[tuple[str, FileFacts]],
              names_of: Callable[[FileFacts], set[str]] = asked_names) -> dict[str, set[str]]:
    """Folder -> the names asked about by the modules in it."""
    out: dict[str, set[str]] = defaultdict(set)
    for path, file in asking:
        names = names_of(file)
        if names:
            out[os.path.dirname(path)] |= names
    return out


class Folders:
    """The run's files by folder, for prefix queries (the run's order is a walk's, not sorted)."""

    def __init__(self, paths: Sequence[str]) -> None:
        order = sorted(range(len(paths)), key=paths.__getitem__)  # no tuple per path
        self.keys = [paths[i] for i in order]
        self.ordered = list(zip(self.keys, order, strict=True))

    def count_below(self, folder: str) -> int:
        """How many of the run's files lie in `folder`'s tree."""
        return len(self._below(folder)[1])

    def _below(self, folder: str) -> tuple[str, list[tuple[str, int]]]:
        prefix = folder.rstrip(os.sep) + os.sep
        start = bisect_left(self.keys, prefix)
        end = bisect_left(self.keys, prefix[:-1] + chr(ord(os.sep) + 1), start)
        return prefix, self.ordered[start:end]

    def in_package(self, folder: str, whole_only: bool = False) -> list[int]:
        """Indices of the files of `folder`'s package: the widest folder around it whose tree
        holds at most MAX_PACKAGE_FILES of the run's files (a helper in `app/util/` is called
        from `app/handlers/`), else only the files directly in `folder` (none: `whole_only`)."""
        prefix, below = self._below(folder)
        if len(below) > MAX_PACKAGE_FILES and whole_only:
            return []
        if len(below) > MAX_PACKAGE_FILES:
            # directly in `folder`: nothing after the prefix is a folder (a `find`, not a
            # dirname per file: homeassistant's components folder holds 10,000 files, warm runs
            # included)
            cut = len(prefix)
            return [i for p, i in below if p.find(os.sep, cut) < 0]
        current = folder.rstrip(os.sep)
        while (parent := os.path.dirname(current)) != current:
            wider = self._below(parent)[1]
            if len(wider) > MAX_PACKAGE_FILES:
                break
            below, current = wider, parent
        return [i for _, i in below]


def module_paths(importer: str, chain: str) -> tuple[list[str], list[str]]:
    """Where the module a receiver chain starts in can be, as (exact paths, path tails): a
    relative chain from the importer's folder, an absolute one by the tail of a path
    ("pkg.core.loop": "/pkg/core.py", "/pkg/core/__init__.py", "/pkg.py", ...)."""
    head, _, _ = chain.partition("()")  # no module is named after a call
    level, candidates = module_candidates(head)
    exact: list[str] = []
    tails: list[str] = []
    for tail, rest, named in candidates:
        if not rest or not named:
            continue  # the chain names something in the module, the module has a name
        (exact if level else tails).append(start_path(importer, level, tail))
    return exact, tails


def _receiver_modules(paths: Sequence[str], asking: list[tuple[str, FileFacts]]) -> set[int]:
    """The files that can type the receiver chains the run's spawns ask about: the modules the
    chains start in, found by their import paths (a relative one from the asking file)."""
    asked = {(os.path.abspath(path), q.owner, q.kind in _FUNCTION_BODIES)
             for path, file in asking
             for spawn in (file.module.spawns if file.module is not None else ())
             for q in spawn.questions if q.kind in _BY_IMPORT_PATH}
    exact: set[str] = set()
    tails: set[str] = set()
    for importer, chain, _ in asked:
        found = module_paths(importer, chain)
        exact.update(found[0])
        tails.update(found[1])
    starts = files_at(paths, exact, tails)
    functions = {(importer, chain) for importer, chain, function in asked if function}
    return starts | _reexporting(paths, starts, functions)


def _reexporting(paths: Sequence[str], starts: set[int], chains: set[tuple[str, str]]
                 ) -> set[int]:
    """The modules a chain's start only re-exports its name from (`pkg/cli.py`: `from .part
    import watch`), followed a few links (`_RE_EXPORTS`): the module that defines it answers,
    and it may name no spawn (the prefilter left it out). Each module on the way is read with
    `ast` once (`read_classes`: its imports and its top-level definitions)."""
    out: set[int] = set()
    read: dict[int, ModuleClasses | None] = {}
    by_path = {os.path.abspath(paths[i]): i for i in starts}
    for importer, chain in chains:
        level, candidates = module_candidates(chain.partition("()")[0])
        for tail, rest, named in candidates:
            if not rest or not named:
                continue
            where = start_path(importer, level, tail)
            for full, at in by_path.items():
                if full == where or (not level and full.endswith(where)):
                    out |= _followed(paths, at, rest.partition(".")[0], read)
    return out - starts


def start_path(importer: str, level: int, tail: str) -> str:
    """The path (relative chain) or path tail (absolute) of a chain's start module `tail`."""
    if not level:
        return os.sep + tail.replace("/", os.sep)
    base = os.path.dirname(importer)
    for _ in range(level - 1):
        base = os.path.dirname(base)
    return os.path.normpath(os.path.join(base, tail))


def _followed(paths: Sequence[str], at: int, name: str, read: dict[int, ModuleClasses | None]
              ) -> set[int]:
    """The modules `name`, imported but not defined in the module at `at`, is re-exported
    through, to the one that defines it (a few links); `read`: each module read so far."""
    out: set[int] = set()
    for _ in range(_RE_EXPORTS):
        if at not in read:
            try:
                read[at] = read_classes(read_source(paths[at]))
            except SourceError:
                read[at] = None
        module = read[at]
        target = module.imports.get(name) if module is not None and name not in module.defines \
            else None
        if target is None:
            return out
        found = module_paths(os.path.abspath(paths[at]), target)
        nxt = files_at(paths, set(found[0]), set(found[1]))
        if len(nxt) != 1:
            return out
        at = nxt.pop()
        out.add(at)
        name = target.rpartition(".")[2]
    return out


def files_at(paths: Sequence[str], exact: set[str], tails: set[str]) -> set[int]:
    """The indices of the run's files at these absolute paths, or ending in these tails
    (`module_paths`' two answers)."""
    if not exact and not tails:
        return set()
    ends = tuple(tails)
    # by the file's name and folder first: a string test, where abspath on every path of
    # homeassistant's 10,916 cost 30 ms of a warm run
    names = tuple({os.sep + os.sep.join(w.rsplit(os.sep, 2)[-2:]) for w in (*exact, *tails)})
    return {i for i, path in enumerate(paths)
            if (os.sep + path).endswith(names)
            and ((full := os.path.abspath(path)) in exact or full.endswith(ends))}


def receiver_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None
                  ) -> list[tuple[int, bytes, str]]:
    """The modules left out that type the receivers of the run's would-be spawn helpers
    (`FunctionFacts.loop`), to parse before the helper round asks whether each is a loop
    (the answer round would read them, but after it); as `answer_jobs` gives them."""
    asking = [(paths[i], f) for i, f in enumerate(facts) if f.module is not None
              and any(fn.loop for fn in f.module.exports.functions)]
    searched = {i: {""} for i in _receiver_modules(paths, asking)
                if facts[i].module is None and facts[i].skipped is None}
    return read_jobs(paths, facts, searched, cache) if searched else []


def answer_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None,
                folders_of: Callable[[Sequence[str]], Folders] = Folders
                ) -> list[tuple[int, bytes, str]]:
    """The files left out that can answer a question (see the module docstring), as (index,
    bytes, digest) to parse; those the cache knows go straight into `facts`. `folders_of`:
    the run's files by folder (the run makes them once for its rounds)."""
    searched: dict[int, set[str]] = defaultdict(set)
    asking = _asking(paths, facts)
    for i in _receiver_modules(paths, asking):
        if facts[i].module is None and facts[i].skipped is None:
            searched[i].add("")  # read whatever it names
    packages = _packages(asking)
    methods = _packages(asking, method_helper_names)
    folders = folders_of(paths) if packages or methods else None
    for whole_only, asked in ((False, packages), (True, methods)):
        for folder, names in asked.items():
            assert folders is not None
            for i in folders.in_package(folder, whole_only):
                if facts[i].module is None and facts[i].skipped is None:
                    searched[i] |= names
    return read_jobs(paths, facts, searched, cache)


def package_jobs(paths: Sequence[str], facts: list[FileFacts], asked: dict[str, set[str]],
                 cache: Cache | None, folders_of: Callable[[Sequence[str]], Folders] = Folders
                 ) -> list[tuple[int, bytes, str]]:
    """The files left out, in the package of each asking folder, that name one of its names;
    as `read_jobs` gives them (the later rounds' search: held_attributes.py, ...)."""
    searched: dict[int, set[str]] = defaultdict(set)
    folders = folders_of(paths) if any(asked.values()) else None
    for folder, names in asked.items():
        if names and folders is not None:
            for i in folders.in_package(folder):
                if facts[i].module is None and facts[i].skipped is None:
                    searched[i] |= names
    return read_jobs(paths, facts, searched, cache) if searched else []


def read_jobs(paths: Sequence[str], facts: list[FileFacts], searched: dict[int, set[str]],
              cache: Cache | None) -> list[tuple[int, bytes, str]]:
    """Of the files left out, those whose bytes name one of their words ("": any file), as
    (index, bytes, digest) to parse for their answers; those the cache knows go straight into
    `facts`, and the words a file lacks are remembered for the next run."""
    out: list[tuple[int, bytes, str]] = []
    for i, names in sorted(searched.items()):
        if cache is not None and names <= cache.absent(paths[i]):
            continue  # searched before, in the same content: a warm run reads nothing here
        try:
            data = read_source(paths[i])
        except SourceError:
            continue
        if "" not in names and not any(has_word(data, n.encode()) for n in names):
            if cache is not None:
                cache.remember_absent(paths[i], names)
            continue
        digest = content_digest(data)
        known = cache.answer(paths[i], digest, relative_path(paths[i])) \
            if cache is not None else None
        if known is not None:
            facts[i] = known
        else:
            out.append((i, data, digest))
    return out


def place_calls(paths: Sequence[str], facts: list[FileFacts], settings: Settings,
                cache: Cache | None, analyzer: Analyzer | None = None) -> int:
    """Find the positions of the dropped calls that are findings (see the module docstring),
    with the run's analyzer when it has one (its pool). Returns how many files were parsed."""
    needed = positions_needed(facts)
    if not needed:
        return 0
    from taskleak.run.pipeline import TOO_DEEP
    from taskleak.run.workers import positions_here  # the parser: only when needed

    where = {f.path: i for i, f in enumerate(facts)}
    jobs: list[tuple[int, bytes, set[int]]] = []
    for display, ordinals in sorted(needed.items()):
        i = where[display]
        try:
            data = read_source(paths[i])
        except SourceError:
            continue
        # its ordinals count the calls of the stand-in it was analysed from (blocks.py)
        jobs.append((i, emptied(data, facts[i].emptied) if facts[i].emptied else data, ordinals))
    wanted = [(data, ordinals) for _, data, ordinals in jobs]
    placed_all = analyzer.positions(wanted) if analyzer is not None \
        else positions_here(wanted, settings.spawners)
    parsed = 0
    for (i, _, _), placed in zip(jobs, placed_all, strict=True):
        display = facts[i].path
        module = facts[i].module
        assert module is not None
        if isinstance(placed, RecursionError):  # its other findings stand; the unplaced
            # calls are said lost
            facts[i].skipped = Skipped(display, f"{TOO_DEEP} (a call that drops a returned task)")
            continue
        module.exports.positions.update(placed)
        parsed += 1
        if cache is not None and not facts[i].emptied:  # (a stand-in's facts are not kept)
            cache.update(paths[i], facts[i])
    return parsed
