"""Judge the project's spawn helpers at their callers in other modules (the run's helper round).

After the spawn pass, each module-level function of the run that returns the task it spawns, or
keeps what a parameter gives it (`exports.spawn_helpers`; not a coroutine function, a threadsafe
spawner or one returning a collection: `local_helpers.is_helper`) is a spawner to its callers,
like a configured one, named by its qualified name (its module's dotted path, from the package
folders around its file). The files that may call it are analysed again with it, so each call is
a spawn judged by what the caller does with the task, or by what the helper promises. (Its own
module's calls are already judged: `local_helpers.py`.)

The callers are looked for where the answer round looks (complete.py): the files of the
helper's package that the spawn pass left out (they name no spawn) and whose bytes name the
helper as a word. Not in every file: reading all of a big project again costs (homeassistant's
57 MB: 0.26 s). Nor in the files the spawn pass analysed: parsing them a second time cost
homeassistant 0.49 s cold (5 files, core.py among them, calling `create_eager_task`), past the
budget; their calls of another module's helper are judged only when they drop the task (the
join's call-site rows), and a helper of their own module fully (`local_helpers.py`).
A file's facts with its helpers are cached by its content and the helpers (`Cache.helped`): a
warm run over an unchanged tree reads the candidate files to hash them and parses nothing.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Sequence

from taskleak.analysis.facts import FileFacts
from taskleak.analysis.spawners import Spawner, helper_spawner, is_helper
from taskleak.files.paths import relative_path
from taskleak.files.source import SourceError, read_source
from taskleak.records import record
from taskleak.run.cache import Cache, content_digest
from taskleak.run.complete import Folders
from taskleak.run.prefilter import has_word


@record(frozen=True)
class HelperJob:
    index: int  # the caller's file in the run
    data: bytes
    digest: str
    helpers: tuple[Spawner, ...]  # the helpers its calls may name
    key: str  # the helpers' cache key


def module_name(path: str) -> str:
    """The dotted name of the module at `path`: its package folders (those with an
    `__init__.py`) and its stem ("pkg/sub/mod.py" -> "pkg.sub.mod")."""
    folder, name = os.path.split(os.path.abspath(path))
    stem = os.path.splitext(name)[0]
    parts = [] if stem == "__init__" else [stem]
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        folder, package = os.path.split(folder)
        parts.append(package)
        if not package:
            break
    return ".".join(reversed(parts))


def project_helpers(paths: Sequence[str], facts: Sequence[FileFacts]
                    ) -> list[tuple[int, Spawner]]:
    """(index of its file, spawner) of each module-level spawn helper of the run."""
    out: list[tuple[int, Spawner]] = []
    for i, f in enumerate(facts):
        if f.module is None or not f.module.exports.functions:
            continue
        module = ""
        for fn in f.module.exports.functions:
            if fn.method or "." in fn.qualname or not is_helper(fn):
                continue
            module = module or module_name(paths[i])
            if module:
                out.append((i, helper_spawner(fn, f"{module}.{fn.qualname}")))
    return out


def helpers_key(helpers: Sequence[Spawner]) -> str:
    """What a file's facts depend on besides its content: the helpers and their promises."""
    return content_digest("\n".join(f"{h.spec}|{h.note}" for h in helpers).encode())[:16]


def helper_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None,
                folders_of: Callable[[Sequence[str]], Folders] = Folders) -> list[HelperJob]:
    """The files to analyse again with the helpers they may call; those the cache knows go
    straight into `facts`. `folders_of`: the run's files by folder (made once for its rounds)."""
    helpers = project_helpers(paths, facts)
    if not helpers:
        return []
    searched: dict[int, list[Spawner]] = defaultdict(list)
    folders = folders_of(paths)
    for home, helper in helpers:
        for i in folders.in_package(os.path.dirname(paths[home])):
            if facts[i].module is None and facts[i].skipped is None:
                searched[i].append(helper)
    out: list[HelperJob] = []
    for i, candidates in sorted(searched.items()):
        words = {h.method for h in candidates}
        if cache is not None and words <= cache.absent(paths[i]):
            continue  # searched before, in the same content
        try:
            data = read_source(paths[i])
        except SourceError:
            continue
        mine = sorted((h for h in candidates if has_word(data, h.method.encode())),
                      key=lambda h: h.name)
        if cache is not None and len(mine) < len(words):
            cache.remember_absent(paths[i], words - {h.method for h in mine})
        if not mine:
            continue
        digest = content_digest(data)
        key = helpers_key(mine)
        known = cache.helped(paths[i], digest, key, relative_path(paths[i])) \
            if cache is not None else None
        if known is not None:
            facts[i] = known
        else:
            out.append(HelperJob(i, data, digest, tuple(mine), key))
    return out

