"""The inheritance round: the modules whose spawns sit in classes with bases in other modules of
the run, analysed again with what those classes inherit (`analysis/tree/inherit.py`).

A class judged alone misses the members its bases of other modules give it: the method that
stops a task's loop, the `__init__` registering the handler that spawns per message, the
`close()` that cancels. The module's own pass exported its facts; this round replaces its
spawns' verdicts with those of the class read whole, so a method moved to a base class changes
no row (issue 68). The bases are found from the module's imports (what `ClassFacts.bases`
names) and read with the standard library's `ast`, which only decides which classes of which
files to merge: every verdict is libcst's analysis of the merged tree. Bases of bases are
followed in other files too, nearest first, a few links deep.

The round's facts are not cached (they depend on other files' bytes): a warm run reads these
modules and their bases again. A replayed run (nothing changed) reads nothing.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Sequence

from taskleak.analysis.facts.fates import FateKind
from taskleak.analysis.facts.interface import ClassFacts, Exports, FunctionFacts, Promise
from taskleak.analysis.facts.module import FileFacts, ModuleFacts, QuestionKind, SpawnFacts
from taskleak.analysis.obligations.spawners import is_helper
from taskleak.files.source import SourceError, read_source
from taskleak.run.base_sources import BaseSource, InheritJob
from taskleak.run.cache import Cache
from taskleak.run.class_files import RunFiles, imported_class
from taskleak.run.prefilter import has_word
from taskleak.run.subclasses import derived, only_below, replaced_methods

_LINKS = 4  # bases of bases followed this deep


# Speed trick (one place): a spawn whose row its own function decides (awaited or cancelled
# there, a task group's, a local nothing else sees; not a dropped one: a threadsafe spawn's
# loop may be stopped by the class, a coroutine object awaited by it)
# is judged the same in its class read whole, so its class is not read again for it. Reading
# every class with bases again cost mid's cold run 5.2 -> 13.3 s (21 modules, 2.5 MB of bases
# parsed); the invariance harness's base-class transforms are its guard (they hold with it).
# The module's own pass reads its classes with their bases of the same module by the same
# test (`pipeline._with_local_bases`, `classes_to_read_whole`).
_DECIDED_HERE = frozenset({
    FateKind.STRUCTURED, FateKind.AWAITED, FateKind.CANCELLED, FateKind.LOCAL_CLEANED,
    FateKind.LOCAL_ONLY, FateKind.LOCAL_COLLECTION_DROPPED, FateKind.NEVER_READ})


def _open(sf: SpawnFacts) -> bool:
    """The spawn's row may hang on a member of its class defined elsewhere (what it keeps the
    task in, or whether it makes one: `ensure_future(self._coro)`, typed by an `__init__`; what
    the close that cancels a waiter's function sets: `Fate.waits_on`; whether the coroutine of
    a task whose end a step can skip runs until cancelled: `Fate.skipped_by`)."""
    return any(f.kind not in _DECIDED_HERE or f.unresolved or f.waits_on
               or (f.skipped_by and not f.long_running) for f in sf.fates)


def classes_to_read_whole(module: ModuleFacts) -> set[str]:
    """The top-level classes of the module whose spawns' rows may hang on what they inherit:
    those its open spawns sit in, and those whose method a spawn's argument calls
    (`ensure_future(condition.wait())`, `wait` inherited: does it give a Future?
    `create_task(poller.poll())`, `poll` inherited: does it run until cancelled?), and those
    whose constructor a spawn's task is handed to (`Handle(task)`, `__init__` inherited)."""
    return {sf.context.partition(".")[0] for sf in module.spawns if _open(sf)} | {
        q.owner.partition(".")[0].removesuffix("()") for sf in module.spawns
        for q in sf.questions if q.kind in _METHOD_QUESTIONS} \
        | set(module.exports.calling_back_classes) | {
        q.owner for sf in module.spawns for q in sf.questions  # (its constructor keeps it?)
        if q.kind is QuestionKind.HANDED_TO and "." not in q.owner}


# the questions that name a method of a class the spawn's argument calls
_METHOD_QUESTIONS = frozenset({QuestionKind.CALL_MAKES, QuestionKind.COROUTINE_BODY})


def inherited_jobs(paths: Sequence[str], results: Sequence[FileFacts],
                   cache: Cache | None = None) -> list[InheritJob]:
    """A job for each analysed module with spawns in a class that has a base in another file
    of the run, or exactly one class derived from it in another file (subclasses.py: with
    several, which one's members the class is run with is not known); and for each file with
    a class derived from a class with spawn helper methods (`helper_classes`) that names one of
    them: its calls of them on `self` are spawns judged there, as in the helper's module."""
    spawning: dict[int, tuple[Exports, list[ClassFacts]]] = {}
    for i, result in enumerate(results):
        module = result.module
        if module is not None and not result.answers_only and (
                module.spawns or module.exports.calling_back_classes):
            names = classes_to_read_whole(module)
            spawning[i] = (module.exports,
                           [c for c in module.exports.classes if c.qualname in names])
    helpers = helper_classes(results)
    if not helpers and not any(classes for _, classes in spawning.values()):
        return []
    files = RunFiles(paths)
    wanted = {(i, c.qualname) for i, (_, classes) in spawning.items() for c in classes}
    calling_up = _bases_calling_helpers(files, results, helpers)
    found = derived(paths, results, cache, wanted | set(calling_up) | set(helpers), helpers,
                    files.module, files.classes)
    jobs: dict[int, list[BaseSource]] = defaultdict(list)
    for i, (exports, classes) in spawning.items():
        for cls in classes:
            jobs[i] += _sources(files, results, i, exports, cls, found.one)
    for (j, base), helper in calling_up.items():
        # a base calling on `self` a helper method its one subclass defines (the subclass
        # elsewhere): its calls are spawns, judged with that subclass's members
        if found.one.get((j, base)) == [helper]:
            jobs[j] += [b for b in _derived(files, j, base, *helper) if b not in jobs[j]]
    for j, sources in _siblings_calling_helpers(files, helpers, found.one).items():
        jobs[j] += [b for b in sources if b not in jobs[j]]
    for j, calling in found.calling.items():
        read = files.classes(j)
        if read is None:
            continue
        for name, _ in calling:
            jobs[j] += [b for b in _bases(files, j, name, read.bases[name], read.imports)
                        if b not in jobs[j]]
    out: list[InheritJob] = []
    for i, bases in jobs.items():
        if bases:
            try:
                data = read_source(paths[i])
            except SourceError:
                continue
            out.append(InheritJob(i, data, tuple(bases)))
    return out


def _sources(files: RunFiles, results: Sequence[FileFacts], i: int, exports: Exports,
             cls: ClassFacts, one: dict[tuple[int, str], list[tuple[int, str]]]
             ) -> list[BaseSource]:
    """The classes of other files whose members class `cls` of file `i` is read with."""
    imports = dict(exports.imports)
    local = {c.qualname: c.bases for c in exports.classes}
    calls_back = cls.qualname in exports.calling_back_classes
    # (its subclasses here, as `pipeline._with_local_bases` reads it, and their bases)
    here = only_below(local, cls.qualname, _LINKS) if calls_back else []
    # the one class derived from it first: its objects are that class's, whose members (and
    # its other bases', a sibling mixin's) come before this class's bases in Python's method
    # resolution order (a base's stub of a sibling's method last)
    more = _one_derived(files, results, i, cls.qualname, one, calls_back)
    more += _bases(files, i, cls.qualname, [b for c in here for b in local[c]], imports)
    more += _bases(files, i, cls.qualname, _through_local(cls.bases, local), imports)
    more = list(dict.fromkeys(more))
    if more and here:  # read again for other modules' classes: its subclasses here too
        more = _derived(files, i, cls.qualname, i, here[-1], True) + more
    return more


def _one_derived(files: RunFiles, results: Sequence[FileFacts], i: int, cls: str,
                 one: dict[tuple[int, str], list[tuple[int, str]]], calls_back: bool
                 ) -> list[BaseSource]:
    """The one class of another file derived from `cls` (of file `i`), as the source of the
    members it lacks, when it runs one of its spawns (`_runs_a_spawn_of`)."""
    below = one.get((i, cls), [])
    spawning = _spawning_methods(results[i], cls)
    if len(below) != 1 or not _runs_a_spawn_of(files, *below[0], spawning):
        return []
    file, name = below[0]
    read = files.classes(file)
    if read is None or name not in read.bases:
        return _derived(files, i, cls, file, name, calls_back)
    bases = read.bases[name]
    at = next((k for k, b in enumerate(bases) if b.rpartition(".")[2] == cls), len(bases))
    # a base written before it that is no base of its own replaces a spawning method before
    # it is reached (C3 puts the bases they share after both): no object runs those spawns
    module = results[i].module
    facts = next((c for c in module.exports.classes if c.qualname == cls), None) \
        if module is not None else None
    shared = {(s.module, s.base_class) for s in _bases(
        files, i, cls, facts.bases if facts is not None else (), dict(module.exports.imports)
        if module is not None else {})}
    before = [s for s in _bases(files, i, cls, bases[:at], read.imports, start=file)
              if (s.module, s.base_class) not in shared]
    if spawning and any(spawning <= replaced_methods(s.data, s.base_class) for s in before):
        return []
    siblings = _bases(files, i, cls, bases, read.imports, start=file)
    return _derived(files, i, cls, file, name, calls_back) + siblings


def _bases_calling_helpers(files: RunFiles, results: Sequence[FileFacts],
                           helpers: dict[tuple[int, str], frozenset[str]]
                           ) -> dict[tuple[int, str], tuple[int, str]]:
    """(file, class) of each direct base, in another file of the run, of a class with spawn
    helper methods whose file names one of them -> that class."""
    out: dict[tuple[int, str], tuple[int, str]] = {}
    for (i, cls), methods in helpers.items():
        module = results[i].module
        assert module is not None  # (`helper_classes` reads analysed modules only)
        facts = next((c for c in module.exports.classes if c.qualname == cls), None)
        imports = dict(module.exports.imports)
        for base in facts.bases if facts is not None else ():
            found = imported_class(files, i, base, imports)
            if found is None or found[0] == i or found in out:
                continue
            try:
                data = read_source(files.paths[found[0]])
            except SourceError:
                continue
            if any(has_word(data, m.encode()) for m in methods):
                out[found] = (i, cls)
    return out


def _siblings_calling_helpers(files: RunFiles, helpers: dict[tuple[int, str], frozenset[str]],
                              one: dict[tuple[int, str], list[tuple[int, str]]]
                              ) -> dict[int, list[BaseSource]]:
    """File -> the sources to read it with, for each other base in another file (a sibling
    mixin) of the one class derived from a class with spawn helper methods, whose file names
    one of them: an object of that class finds the helper through its resolution order, so
    the sibling's `self.spawn_loose(...)` is a call of it, judged there with the derived
    class's members and its bases' (the helper's among them), in that order."""
    out: dict[int, list[BaseSource]] = defaultdict(list)
    for (i, cls), methods in helpers.items():
        below = one.get((i, cls), []) or _derived_here(files, i, cls)
        read = files.classes(below[0][0]) if len(below) == 1 else None
        if read is None or below[0][1] not in read.bases:
            continue
        file, name = below[0]
        bases = read.bases[name]
        for base in bases:
            sibling = imported_class(files, file, base, read.imports)
            if sibling is None or sibling[0] in (i, file):
                continue
            try:
                data = read_source(files.paths[sibling[0]])
            except SourceError:
                continue
            if any(has_word(data, m.encode()) for m in methods):
                out[sibling[0]] += _derived(files, sibling[0], sibling[1], file, name) \
                    + _bases(files, sibling[0], sibling[1], bases, read.imports, start=file)
    return out


def _derived_here(files: RunFiles, i: int, cls: str) -> list[tuple[int, str]]:
    """The classes of file `i` itself derived directly from its class `cls` (`derived` finds
    those of other files): with one, a sibling mixin of another file finds `cls`'s helpers
    through it as through one of another file."""
    read = files.classes(i)
    return [(i, name) for name, bases in (read.bases.items() if read is not None else ())
            if any(b.rpartition(".")[2] == cls for b in bases)]


def own_helper_classes(module: ModuleFacts) -> set[str]:
    """The module's top-level classes with a spawn helper method whose calls are judged at
    the caller (`_judged_at_its_calls`): a class inheriting one calls it on `self` as a
    spawn."""
    return set(_helper_methods(module))


def helper_classes(results: Sequence[FileFacts]) -> dict[tuple[int, str], frozenset[str]]:
    """(file, top-level class) -> the names of its methods that are spawn helpers to their
    callers (`_helper_methods`), in the run's analysed modules."""
    return {(i, cls): methods for i, result in enumerate(results)
            if result.module is not None and not result.answers_only
            for cls, methods in _helper_methods(result.module).items()}


def _helper_methods(module: ModuleFacts) -> dict[str, frozenset[str]]:
    """Top-level class -> its methods that are spawn helpers whose calls are judged at the
    caller (`spawners.is_helper`: `def start_background_task(...): return
    ensure_future(...)`; `_judged_at_its_calls`)."""
    out: dict[str, set[str]] = defaultdict(set)
    for fn in module.exports.functions:
        cls, _, method = fn.qualname.partition(".")
        if fn.method and method and "." not in method and _judged_at_its_calls(fn):
            out[cls].add(method)
    for facts in module.exports.classes:  # `self._spawn = asyncio.create_task`: a spawn too
        if facts.spawners and "." not in facts.qualname:
            out[facts.qualname] |= set(facts.spawners)
    return {cls: frozenset(methods) for cls, methods in out.items()}


def _judged_at_its_calls(fn: FunctionFacts) -> bool:
    """A spawn helper (`spawners.is_helper`) whose call a caller's handling can make a row of:
    not one that keeps and ends its task (its calls make no rows, so reading a subclass for
    them cost mid two modules and 0.16 MB parsed for none)."""
    return is_helper(fn) and fn.promise is not Promise.KEEPS_AND_CLEANS


def _spawning_methods(result: FileFacts, cls: str) -> set[str]:
    """The methods of top-level class `cls` that hold a spawn of the module."""
    module = result.module
    prefix = f"{cls}."
    return {sf.context.removeprefix(prefix).partition(".")[0]
            for sf in (module.spawns if module is not None else ())
            if sf.context.startswith(prefix)}


def _runs_a_spawn_of(files: RunFiles, file: int, name: str, spawning: set[str]) -> bool:
    """The class derived from a spawning class runs one of its spawns: it inherits a spawning
    method, or defines it again calling `super()`. One that replaces them all (`Shade`'s own
    `get_position()`) never holds those tasks, so its `close()` ends none of them."""
    read = files.classes(file)
    source = read.sources.get(name) if read is not None else None
    if source is None or not spawning:
        return True
    return bool(spawning - replaced_methods(source, name))


def _derived(files: RunFiles, home: int, cls: str, file: int, name: str, chain: bool = False
             ) -> list[BaseSource]:
    """The one class derived from `cls` (of file `home`), and its other bases of its own file
    (a sibling base there may hold the loop that calls the spawning method), as sources of
    the members `cls` lacks; `chain`: the classes of that file derived from it one by one too
    (`only_below`: what a member `cls` calls back may be defined by). Not for a spawn's ends: a
    class below may replace the spawning method (`_runs_a_spawn_of`)."""
    read = files.classes(file)
    if read is None:
        return []
    same = posixpath.dirname(files.display[file]) == posixpath.dirname(files.display[home])
    out: list[BaseSource] = []
    todo, seen = [*(only_below(read.bases, name, _LINKS) if chain else ()), name], set[str]()
    while todo and len(seen) <= _LINKS:
        at = todo.pop(0)
        if at in seen or at not in read.bases:
            continue
        seen.add(at)
        out.append(BaseSource(cls, read.sources[at], at, same, files.dotted_name(file),
                              read.defines))
        todo += read.bases[at]
    return out


def _through_local(named: Sequence[str], local: dict[str, tuple[str, ...]]) -> list[str]:
    """The bases as written, with those of its bases defined in the module itself (which the
    module's own pass reads: `tree/inherit.local_bases`) in their place, a few links deep."""
    out: list[str] = []
    todo, seen = [(n, 0) for n in named], set()
    while todo:
        name, depth = todo.pop(0)
        if name in seen or depth > _LINKS:
            continue
        seen.add(name)
        if name in local:
            todo += [(b, depth + 1) for b in local[name]]
        else:
            out.append(name)
    return out


def _bases(files: RunFiles, home: int, subclass: str, named: Sequence[str],
           imports: dict[str, str], start: int | None = None) -> list[BaseSource]:
    """The bases in other files of the class `subclass` of file `home`, nearest first;
    `start`: the file whose class names `named` with `imports` (`home`'s own by default; the
    one class derived from `subclass`'s, for its other bases)."""
    out: list[BaseSource] = []
    seen: set[tuple[int, str]] = set()
    todo = [(home if start is None else start, name, imports, 0) for name in named]
    while todo:
        at, name, names, depth = todo.pop(0)
        # (none: defined in its own file, whose module's analysis reads it, or unknown)
        found = imported_class(files, at, name, names) if depth <= _LINKS else None
        if found is None and at != home and depth <= _LINKS:  # a base's own base beside it
            beside = files.classes(at)
            found = (at, name) if beside is not None and name in beside.bases else None
        if found is None or found in seen or found[0] == home:
            continue
        seen.add(found)
        file, cls = found
        read = files.classes(file)
        if read is None or cls not in read.bases:
            continue
        out.append(BaseSource(subclass, read.sources[cls], cls,
                              posixpath.dirname(files.display[file])
                              == posixpath.dirname(files.display[home]), files.dotted_name(file),
                              read.defines))
        todo += [(file, b, read.imports, depth + 1) for b in read.bases[cls]]
    return out
