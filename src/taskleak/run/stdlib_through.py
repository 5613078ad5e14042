"""The through round: the analysed files that import a name of the standard library's through a
module of the run (`from .compat import asyncio`, where `compat.py` says `import asyncio`),
analysed again with what those imports bind (`analysis/tree/through.py`).

What each import binds is read from the module it names, as its own pass (or a parse for its
answers) recorded its imports (`Exports.imports`): `import asyncio` binds "asyncio", `from
asyncio import create_task as spawn` binds "spawn" to "asyncio.create_task"; a name the module
imports from another module of the run is followed there (a few links: `LINKS`). A name the
module defines itself, or imports from outside the standard library, binds nothing new.

Which imports are worth following is decided by name (`_followed`), and only decides what is
read: a name of a standard-library module, or one of the public names of the modules whose
names the analysis reads (asyncio, weakref, functools, contextlib, dataclasses, typing). A module
that names none of them costs nothing here; a followed module the spawn pass left out is parsed
for its answers once (`read_jobs`, cached), and only when its bytes name the imported word.

Near miss: a file the prefilter left out (`from .compat import spawn`, then `spawn(work())`, no
spawn word in it) is not read here: its spawns through a renamed import stay unseen, as
before (the invariance harness lists it).
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from taskleak.analysis.facts.module import FileFacts
from taskleak.analysis.tree.through import Through
from taskleak.files.paths import relative_path
from taskleak.files.source import SourceError, read_source
from taskleak.project.module_names import module_candidates
from taskleak.run.cache import Cache, content_digest
from taskleak.run.complete import files_at, read_jobs, start_path

LINKS = 3  # modules re-exporting a name, followed to the one importing it from the library
# the modules whose public names may be imported through a module of the run and matter to the
# analysis (its vocabulary reads their names)
_READ_MODULES = ("asyncio", "weakref", "functools", "contextlib", "dataclasses", "typing")


@dataclass(frozen=True)
class ThroughJob:
    index: int  # the importing file in the run
    data: bytes
    digest: str
    key: str  # the cache key of what its imports bind (`through_key`)


@cache
def _followed() -> frozenset[str]:
    """The imported names worth following (made on first use: importing the modules costs)."""
    import importlib

    names = set(sys.stdlib_module_names)
    for name in _READ_MODULES:
        names.update(getattr(importlib.import_module(name), "__all__", ()))
    return frozenset(names)


def _stdlib(qualified: str) -> bool:
    return not qualified.startswith(".") and qualified.partition(".")[0] in sys.stdlib_module_names


def through_key(through: Through) -> str:
    """What a file's facts depend on besides its content: the bindings it was analysed with."""
    if not through:
        return ""
    return "through:" + content_digest("\n".join(f"{a}={b}" for a, b in through).encode())[:16]


def _base(path: str) -> str:
    """"compat.py" of ".../relay/compat.py", "compat/__init__.py" of ".../compat/__init__.py"."""
    folder, base = os.path.split(path)
    return f"{os.path.basename(folder)}/{base}" if base == "__init__.py" else base


def _imports(facts: FileFacts) -> dict[str, str]:
    return dict(facts.module.exports.imports) if facts.module is not None else {}


class ThroughImports:
    """The run's through imports, as far as the modules read so far say (see the docstring)."""

    def __init__(self, paths: Sequence[str], facts: list[FileFacts]) -> None:
        self.paths = paths
        self.facts = facts
        self.unread: dict[int, set[str]] = {}  # modules to parse for answers: the words
        # the run's files by file name (a package's by its folder too), made on the first
        # lookup: `files_at` over all of homeassistant's 10,916 paths for each of its 120
        # followed imports cost 0.44 s of a cold run
        self._by_base: dict[str, list[int]] | None = None

    def _module_of(self, importer: str, qualified: str, name: str) -> int | None:
        """The run's file of the module `qualified` (".compat.asyncio") imports `name` from."""
        level, candidates = module_candidates(qualified)
        exact: set[str] = set()
        tails: set[str] = set()
        for suffix, rest, named in candidates:
            if rest == name and named:
                (exact if level else tails).add(start_path(importer, level, suffix))
        if self._by_base is None:
            self._by_base = defaultdict(list)
            for i, path in enumerate(self.paths):
                self._by_base[_base(path)].append(i)
        near = [i for base in {_base(w) for w in (*exact, *tails)}
                for i in self._by_base.get(base, ())]
        found = files_at([self.paths[i] for i in near], exact, tails)
        return near[found.pop()] if len(found) == 1 else None

    def maps(self) -> dict[int, Through]:
        """Each analysed file's imports that bind a standard-library name through the run's
        modules; the modules still to read for that go to `unread`."""
        out: dict[int, Through] = {}
        for i, f in enumerate(self.facts):
            if f.module is None or f.answers_only or f.skipped is not None:
                continue
            found = []
            for _, qualified in f.module.exports.imports:
                if _stdlib(qualified) or "." not in qualified.lstrip("."):
                    continue
                name = qualified.rpartition(".")[2]
                if name not in _followed():
                    continue
                bound = self._bound(os.path.abspath(self.paths[i]), qualified)
                if bound is not None:
                    found.append((qualified, bound))
            if found:
                out[i] = tuple(sorted(set(found)))
        return out

    def _bound(self, importer: str, qualified: str) -> str | None:
        """The standard library's name an import of `qualified` binds, through the run's
        modules; None when it binds none (or a module on the way is still unread)."""
        for _ in range(LINKS):
            name = qualified.rpartition(".")[2]
            at = self._module_of(importer, qualified, name)
            if at is None or self.facts[at].skipped is not None:
                return None
            if self.facts[at].module is None:
                self.unread.setdefault(at, set()).add(name)
                return None
            imported = _imports(self.facts[at]).get(name)
            if imported is None:
                return None  # defined there: the project's own
            if _stdlib(imported):
                return imported
            importer, qualified = os.path.abspath(self.paths[at]), imported
        return None


def through_round(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None,
                  ) -> tuple[list[tuple[int, bytes, str]], bool, dict[int, Through]]:
    """Each importing file's bindings as far as the modules read say; the modules still to
    parse for their answers (the cache may fill some in: then whether any was left)."""
    through = ThroughImports(paths, facts)
    maps = through.maps()
    reads = read_jobs(paths, facts, through.unread, cache) if through.unread else []
    return reads, bool(through.unread), maps


def through_jobs(paths: Sequence[str], facts: list[FileFacts], cache: Cache | None,
                 maps: dict[int, Through]) -> list[ThroughJob]:
    """The files to analyse again with their bindings; those the cache knows go straight into
    `facts`."""
    out: list[ThroughJob] = []
    for i, through in sorted(maps.items()):
        try:
            data = read_source(paths[i])
        except SourceError:
            continue
        digest, key = content_digest(data), through_key(through)
        known = cache.helped(paths[i], digest, key, relative_path(paths[i])) \
            if cache is not None else None
        if known is not None:
            facts[i] = known
        else:
            out.append(ThroughJob(i, data, digest, key))
    return out
