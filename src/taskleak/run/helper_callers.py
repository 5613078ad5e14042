"""Judge the project's spawn helpers at their callers in other modules (the run's helper round).

After the spawn pass, each module-level function of the run that returns the task it spawns, or
keeps what a parameter gives it (`exports.spawn_helpers`; a coroutine function only when it
returns its task, given by the `await` of its call; not a threadsafe spawner or one returning
a collection: `spawners.is_helper`) is a spawner to its callers, like a configured one, named
by its qualified name (its module's dotted path, from the package folders around its file). So
is one whose spawn goes through a receiver another module types (`core.loop.create_task`:
`exports.loop_helpers`) where the project holds an event loop there; the modules typing those
receivers are read first (`complete.receiver_jobs`). The files that may call it are analysed
again with it, so each call is a spawn judged by what the caller does with the task, or by what
the helper promises. (Its own module's calls are already judged: `local_helpers.py`.)

The callers are looked for in every file of the run the spawn pass left out (they name no
spawn) whose bytes name the helper as a word: a helper in `app/util/` is called from
`app/components/x/`, however big the project (issue 23: helpers are judged at their callers
across the project; on homeassistant, `create_eager_task` is called from 25 such files, the two
FIRST_COMPLETED losers of `hassio/ingress.py` among them). It costs a second read of the files
the spawn pass ruled out and a parse of the callers (homeassistant, cold: 68 -> 94 files parsed,
+0.7 s); a warm run reads nothing again (`Cache.absent`). The files the spawn pass analysed were
analysed with the helpers forecast for
them (helper_forecast.py: parsing them a second time cost homeassistant +0.49 s cold); they are
analysed again only when that forecast was not exactly the helpers their imports name, with
those helpers named without a promise (the join reads it from the helper's body).
The round runs again while it changes which functions are helpers (`MAX_ROUNDS`): a module
analysed with a forecast helper that is none took its callers of it for helpers of its own.
A file's facts with its helpers are cached by its content and the helpers (`Cache.helped`): a
warm run over an unchanged tree reads the candidate files to hash them and parses nothing.

A method of a module-level class that is a helper (`TaskManager.create`, called as
`self._client._tasks.create(coro)`: `obligations/helper_calls.py`) is one too, searched in the
files of its top-level package (and those naming it) when that package holds at most
`complete.MAX_PACKAGE_FILES` of the run's files: in a big project's own package, methods with
common names (homeassistant's core) made its cold run parse 584 files instead of 96 (11.5 ->
64 s, one run beside another job) for no row; there they are left to their own module
(`local_helpers.py`), and to configuration.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from taskleak.analysis.facts.interface import FunctionFacts, Promise
from taskleak.analysis.facts.module import FileFacts
from taskleak.analysis.obligations.spawners import (
    Spawner,
    helper_spawner,
    is_helper,
    unpromised_helpers,
)
from taskleak.analysis.tree.through import Through
from taskleak.files.packages import absolute_import, module_name, packages_around
from taskleak.files.paths import relative_path
from taskleak.files.source import SourceError, read_source
from taskleak.project.index import ProjectIndex
from taskleak.project.receivers import is_loop
from taskleak.records import record
from taskleak.run import complete
from taskleak.run.cache import Cache, content_digest
from taskleak.run.prefilter import MAX_NEEDLES, has_word, words_in
from taskleak.run.reexported_helpers import Reexports, read_imports
from taskleak.run.stdlib_through import through_key

# The helper round runs again while it changes which functions are helpers (runner.py); a
# forecast helper that is none takes one more round to drop out of its callers' callers.
MAX_ROUNDS = 3


@record(frozen=True)
class HelperJob:
    index: int  # the caller's file in the run
    data: bytes
    digest: str
    helpers: tuple[Spawner, ...]  # the helpers its calls may name
    key: str  # the helpers' cache key


def top_package(path: str) -> tuple[str, str]:
    """(folder, name) of the top-level package holding the module at `path` (its folder and
    stem for a module in no package). Only its own modules can call a function of it without
    naming it (a relative import); any other file names it in an absolute import."""
    folder, names = packages_around(path)
    if names:
        return os.path.join(folder, names[0], ""), names[0]
    return os.path.join(folder, ""), os.path.splitext(os.path.basename(path))[0]


def project_helpers(paths: Sequence[str], facts: Sequence[FileFacts],
                    folders: complete.Folders | None = None) -> list[tuple[int, Spawner]]:
    """(index of its file, spawner) of each module-level spawn helper of the run; one whose
    spawn's receiver is typed in another module (`core.loop.create_task`) when the project
    holds an event loop there (`FunctionFacts.loop`, `project/receivers.py`). A helper that
    returns what another module's helper gives promises what the join finds that one promises
    (`ProjectIndex._promises_through_helpers`)."""
    out: list[tuple[int, Spawner]] = []
    index: ProjectIndex | None = None
    for i, f in enumerate(facts):
        if f.module is None or not f.module.exports.functions:
            continue
        module = ""
        for fn in f.module.exports.functions:
            # one that spawns work of its own gives its callers low rows only (it keeps and
            # ends the task): not worth parsing files for (homeassistant: 94 -> 4,271 files)
            if not _module_level(fn) or not is_helper(fn) or fn.own:
                continue
            if fn.loop:
                index = index or ProjectIndex(facts)
                if not is_loop(index, f.path, fn.loop):
                    continue
            if fn.promise is Promise.RETURNS and any(
                    sf.helper and sf.context == fn.qualname for sf in f.module.spawns):
                index = index or ProjectIndex(facts)
                fn = index.functions.get((f.path, fn.qualname), fn)
            if fn.on_instance and not _small_package(paths[i], folders):
                continue  # (a method of a big project's package: see the module docstring)
            module = module or module_name(paths[i])
            if module:
                out.append((i, _spawner(fn, f"{module}.{fn.qualname}")))
    return out


def _small_package(path: str, folders: complete.Folders | None) -> bool:
    """The top-level package of the module at `path` holds at most `MAX_PACKAGE_FILES` of the
    run's files (not known: assumed)."""
    return folders is None \
        or folders.count_below(top_package(path)[0]) <= complete.MAX_PACKAGE_FILES


def _spawner(fn: FunctionFacts, name: str) -> Spawner:
    """The spawner a helper is to its callers in other modules. A method called on an instance
    is named without a promise: the join reads it from the helper's body once the call is
    resolved (`obligations/helper_calls.py`), after the rounds that may change it."""
    if fn.on_instance:
        return Spawner(name, project=True, awaited=fn.awaited, on_instance=True)
    return helper_spawner(fn, name)


def _module_level(fn: FunctionFacts) -> bool:
    """Called by a name its module binds: a function of the module, or a static or class
    method of one of its classes (`Jobs.spawn`); or a method of one of its classes, called on
    an instance (`self._tasks.create(...)`: `obligations/helper_calls.py`)."""
    if fn.through_class or fn.method:
        return fn.qualname.count(".") == 1
    return "." not in fn.qualname


def helpers_key(helpers: Sequence[Spawner]) -> str:
    """What a file's facts depend on besides its content: the helpers and their promises."""
    return content_digest("\n".join(f"{h.spec}|{h.note}|{h.returns_task}|{h.awaited}|"
                                     f"{h.on_instance}" for h in helpers).encode())[:16]


def helper_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None,
                helpers: Sequence[tuple[int, Spawner]],
                throughs: Mapping[int, Through] | None = None) -> list[HelperJob]:
    """The files to analyse again with `helpers` (`project_helpers`), those they may call;
    those the cache knows go straight into `facts`. `throughs`: the files analysed with
    their imports of the standard library through the run's modules (stdlib_through.py),
    part of their cache key."""
    reexported = Reexports(paths, [h for _, h in helpers])
    keys = {i: through_key(t) for i, t in (throughs or {}).items()}
    out = _analysed_again(paths, facts, helpers, cache, reexported, keys)
    if not helpers:
        return out
    homes = [(h, *top_package(paths[home])) for home, h in helpers]
    words = {h.method for h, _, _ in homes} | {top for _, _, top in homes}
    for i, f in enumerate(facts):
        if f.module is not None or f.skipped is not None:
            continue
        path = paths[i]  # absolute, as the helpers' folders are
        if cache is not None and not _may_call(homes, path, cache.absent(path).__contains__):
            continue  # searched before, in the same content
        try:
            data = read_source(path)
        except SourceError:
            continue
        present = words_present(data, words)
        if cache is not None and len(present) < len(words):
            cache.remember_absent(path, words - present)
        mine = sorted((h for h, folder, top in homes if h.method in present
                       and (path.startswith(folder) or top in present)), key=lambda h: h.name)
        if mine:
            mine += reexported.of(read_imports(data, path), mine, data)
            _known_or_job(i, path, data, tuple(sorted(mine, key=lambda h: h.name)), facts,
                          cache, out, keys.get(i, ""))
    return out


def _may_call(homes: Sequence[tuple[Spawner, str, str]], path: str,
              absent: Callable[[str], bool]) -> bool:
    """A file may call one of the helpers: it names the helper, and lies in the helper's top
    package or names it."""
    return any(not absent(h.method) and (path.startswith(folder) or not absent(top))
               for h, folder, top in homes)


def words_present(data: bytes, words: set[str]) -> set[str]:
    """Which of `words` occur in `data` as whole words: one test per word, or for many words
    (a run over several projects holds hundreds of helpers) one split of the bytes into words,
    whose cost does not grow with their number."""
    if len(words) > MAX_NEEDLES:
        found = set(words_in(data))
        return {w for w in words if w.encode() in found}
    return {w for w in words if has_word(data, w.encode())}


def _known_or_job(i: int, path: str, data: bytes, helpers: tuple[Spawner, ...],
                  facts: list[FileFacts], cache: Cache | None, out: list[HelperJob],
                  through: str = "") -> None:
    """The file's facts with `helpers` from the cache, else a job to analyse it with them
    (`through`: the key of its imports' bindings, `stdlib_through.through_key`)."""
    digest = content_digest(data)
    key = helpers_key(helpers) + through
    known = cache.helped(path, digest, key, relative_path(path)) if cache is not None else None
    if known is not None:
        facts[i] = known
    else:
        out.append(HelperJob(i, data, digest, helpers, key))


def _analysed_again(paths: Sequence[str], facts: list[FileFacts],
                    helpers: Sequence[tuple[int, Spawner]], cache: Cache | None,
                    reexported: Reexports, throughs: Mapping[int, str]) -> list[HelperJob]:
    """The files the spawn pass analysed with other than the helpers they call: the forecast
    (helper_forecast.py) missed one, or took a function for a helper that is not one. Their
    helpers are named without a promise: the join reads it from the helper, as it does for
    the forecast's."""
    importing = _importing(paths, facts, helpers, reexported) if helpers else {}
    out: list[HelperJob] = []
    for i, f in enumerate(facts):
        if f.module is None or f.answers_only or not (f.helpers or i in importing):
            continue
        try:
            data = read_source(paths[i])
        except SourceError:
            continue
        called = {h.name: h for h in importing.get(i, ()) if has_word(data, h.method.encode())}
        # (and those an earlier helper round found it naming, still helpers: a caller reached
        # by the word test, `helper_jobs`, need not import the helper's module)
        called |= {h.name: h for _, h in helpers if h.name in f.helpers and h.name not in called}
        # (and those it named through a module re-exporting them: `Reexports`)
        called |= {h.name: h for h in reexported.of(set(f.helpers) - set(called),
                                                    [h for _, h in helpers])}
        mine = tuple(sorted(called))
        if mine == f.helpers:
            continue
        # a coroutine function's call gives its task only when awaited: that is what makes
        # a call a spawn, so it is not left to the join (`spawns._awaited`)
        named = tuple(replace(h, awaited=called[h.name].awaited,
                              on_instance=called[h.name].on_instance)
                      for h in unpromised_helpers(mine))
        _known_or_job(i, paths[i], data, named, facts, cache, out, throughs.get(i, ""))
    return out


def _importing(paths: Sequence[str], facts: Sequence[FileFacts],
               helpers: Sequence[tuple[int, Spawner]], reexported: Reexports
               ) -> dict[int, list[Spawner]]:
    """The files the spawn pass analysed whose imports name another module's helper, or a
    module (or package) it is in, or a module that re-exports it (`Reexports`): their calls
    of it are judged with it, like the unanalysed files' (the word test on their bytes
    follows)."""
    out: dict[int, list[Spawner]] = defaultdict(list)
    spawners = [h for _, h in helpers]
    for i, f in enumerate(facts):
        if f.module is None or f.answers_only or not f.module.exports.imports:
            continue
        targets: set[str] | None = None
        for home, helper in helpers:
            if home == i:
                continue  # its own module's calls: local_helpers.py
            if targets is None:
                targets = _absolute_targets(paths[i], f.module.exports.imports)
            name = helper.name
            if any(name == t or name.startswith(t + ".") for t in targets) \
                    or (helper.on_instance and _same_package(paths[home], paths[i], targets)):
                out[i].append(helper)  # (a method's call need name no module: `conn._tasks`)
        if targets:
            out[i] += reexported.of(targets, spawners)
    return out


def _same_package(home: str, path: str, targets: set[str]) -> bool:
    """The file at `path` lies in the top package of the module at `home`, or imports from it:
    it may call a method of a class of `home` on an instance it was handed."""
    folder, top = top_package(home)
    return path.startswith(folder) or any(t == top or t.startswith(top + ".") for t in targets)


def _absolute_targets(path: str, imports: Sequence[tuple[str, str]]) -> set[str]:
    """What a module's imports name, relative ones made absolute from its own dotted name."""
    out: set[str] = set()
    package: list[str] | None = None
    for _, target in imports:
        if target.startswith(".") and package is None:
            package = module_name(path).split(".")
            if os.path.basename(path) != "__init__.py":
                package = package[:-1]
        absolute = absolute_import(target, package or ())
        if absolute:
            out.add(absolute)
    return out
