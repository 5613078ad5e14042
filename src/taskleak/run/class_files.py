"""The run's files as the inheritance round finds classes in them: by what an import can name
them, each file's top-level classes read once a round (`subclasses.read_classes`)."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Sequence

from taskleak.files.packages import module_name
from taskleak.files.paths import displayed_paths
from taskleak.files.source import SourceError, read_source
from taskleak.project.module_names import module_candidates
from taskleak.run.subclasses import ModuleClasses, read_classes

_RE_EXPORTS = 3  # modules that only import a class, followed to the one defining it


class RunFiles:
    """The run's files by what an import can name them."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = paths
        self._classes: dict[int, ModuleClasses | None] = {}  # each file read once a round
        self.display = displayed_paths(paths)
        self.index = {d: i for i, d in enumerate(self.display)}
        # Speed trick (one place): the files by their name alone, each suffix asked for
        # filtered from those once (`by_suffix`): indexing every suffix of homeassistant's
        # 10,916 paths up front cost its cold run 0.08 s (profiled) for the few dozen asked
        self._by_name: dict[str, list[int]] = defaultdict(list)
        for i, d in enumerate(self.display):
            self._by_name[d.rpartition("/")[2]].append(i)
        self._suffixes: dict[str, list[int]] = {}

    def dotted_name(self, index: int) -> str:
        """The dotted name of the file's module (`packages.module_name`)."""
        return module_name(self.paths[index])

    def by_suffix(self, suffix: str) -> list[int]:
        """The files whose path ends with `suffix` ("pkg/mod.py"), whole parts."""
        if suffix not in self._suffixes:
            tail = "/" + suffix
            self._suffixes[suffix] = [
                i for i in self._by_name.get(suffix.rpartition("/")[2], ())
                if self.display[i] == suffix or self.display[i].endswith(tail)]
        return self._suffixes[suffix]

    def classes(self, index: int) -> ModuleClasses | None:
        """The file's top-level classes (`subclasses.read_classes`), read and parsed once."""
        if index not in self._classes:
            try:
                self._classes[index] = read_classes(read_source(self.paths[index]))
            except SourceError:
                self._classes[index] = None
        return self._classes[index]

    def module(self, importer: str, target: str) -> tuple[int, str] | None:
        """(file, name in it) of what `target`, imported in `importer`, names."""
        level, candidates = module_candidates(target)
        for suffix, rest, named in candidates:
            if not rest or "." in rest:
                continue
            if level:
                folder = posixpath.dirname(importer)
                for _ in range(level - 1):
                    folder = posixpath.dirname(folder)
                found = self.index.get(posixpath.normpath(posixpath.join(folder, suffix)))
                if found is not None:
                    return found, rest
            elif named and len(found_by := self.by_suffix(suffix)) == 1:
                return found_by[0], rest
        return None


def imported_class(files: RunFiles, at: int, name: str, imports: dict[str, str]
                    ) -> tuple[int, str] | None:
    """(file, class) of the class `name` (`Base`, `base.Base`) of file `at`, through its
    imports, and through a module that only imports it in turn (a package's public module, a
    module re-exporting a class moved out of it), a few links deep; None for a class of its
    own file, or one the run does not hold."""
    head, _, tail = name.partition(".")
    target = imports.get(head)
    if target is None:
        return None
    found = files.module(files.display[at], f"{target}.{tail}" if tail else target)
    for _ in range(_RE_EXPORTS):
        if found is None:
            return None
        read = files.classes(found[0])
        onward = read.imports.get(found[1]) \
            if read is not None and found[1] not in read.bases else None
        if onward is None:
            return found
        found = files.module(files.display[found[0]], onward)
    return found
