"""Spawn helpers called by the name of a module that re-exports them.

A helper is named by the module that defines it (`aiobp.part.create_task`); a package often
re-exports it (`aiobp/task.py`: `from .part import create_task`) and its callers import it from
there (`from aiobp.task import create_task`), a name the caller's analysis must match
(`helper_calls.matches_extra`). Python binds the same function either way, so the caller is
analysed with the helper under the name its import gives it: each import target of the caller
that is no helper's name but ends with a helper's, in a module of the run whose own imports
bind that name to the helper (a few links: `_LINKS`), read from the module's text (it may name
no spawn, so the spawn pass may not have read it). A module imported as a module (`from pkg
import task`, then `task.create_task(...)`) is read for what it re-exports only when the
caller's text calls a helper's name as an attribute (`.create_task(`): reading every module a
caller imports cost homeassistant's cold run 2.7 s (2.8 -> 5.5 s, for the same findings);
with the test, nothing measurable (`tests/run/test_reexported_helpers.py` guards it). The join
finds the promise as for any helper named without one (`ProjectIndex.helper`).
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from taskleak.analysis.obligations.spawners import Spawner
from taskleak.files.packages import module_name, packages_around
from taskleak.files.source import SourceError, read_source
from taskleak.run.helper_forecast import imports_in

_LINKS = 3  # modules re-exporting a helper, followed to the one defining it


def read_imports(data: bytes, path: str) -> set[str]:
    """What the imports of the module at `path` (content `data`) name, absolute: each module,
    and each name imported from one."""
    stem = os.path.splitext(os.path.basename(path))[0]
    out: set[str] = set()
    for module, names in imports_in(data, (*packages_around(path)[1], stem)):
        out.add(module)
        out.update(f"{module}.{n}" for n in names)
    return out


class Reexports:
    """The run's modules that re-export its helpers, found as callers' imports ask."""

    def __init__(self, paths: Sequence[str], helpers: Sequence[Spawner]) -> None:
        self.paths = paths
        self.helpers = {h.name: h for h in helpers}
        self.methods = {h.method for h in helpers}
        self._by_base: dict[str, list[str]] | None = None  # file name -> the run's paths
        self._found: dict[str, dict[str, Spawner]] = {}  # module -> what it re-exports

    def of(self, targets: Iterable[str], helpers: Sequence[Spawner], data: bytes | None = None
           ) -> list[Spawner]:
        """The helpers (of `helpers`) a caller imports through a module that re-exports them
        (`from pkg.task import create_task`), each named as the caller names it; with the
        caller's text `data`, also those it calls through such a module it imports (`from pkg
        import task`, then `task.create_task(...)`, the text calling `.create_task(`)."""
        wanted = {h.name for h in helpers}
        methods = {h.method for h in helpers}
        out: dict[str, Spawner] = {}
        # (`task.create_task(`, `self._mod.create_task(`: a module's function called through it)
        called_as_attribute = data is not None and any(f".{m}(".encode() in data for m in methods)
        for target in sorted(targets):
            module, _, name = target.rpartition(".")
            found = self._reexported(module, 0).get(name) \
                if name in methods and target not in self.helpers else None
            if found is not None:
                out[target] = found
            if called_as_attribute:
                for name, found in self._reexported(target, 0).items():
                    out.setdefault(f"{target}.{name}", found)
        return [replace(h, name=n) for n, h in out.items() if h.name in wanted]

    def _reexported(self, module: str, depth: int) -> dict[str, Spawner]:
        """The helpers module `module` (of the run) binds by an import, by the name it binds."""
        if module in self._found or depth >= _LINKS:
            return self._found.get(module, {})
        self._found[module] = {}  # (an import cycle ends here)
        file = self._module_file(module) if module else None
        if file is None:
            return {}
        try:
            data = read_source(file)
        except SourceError:
            return {}
        found: dict[str, Spawner] = {}
        for imported in read_imports(data, file):
            where, _, name = imported.rpartition(".")
            if name not in self.methods or name in found or not where:
                continue
            helper = self.helpers.get(imported) or self._reexported(where, depth + 1).get(name)
            if helper is not None:
                found[name] = helper
        self._found[module] = found
        return found

    def _module_file(self, module: str) -> str | None:
        """The run's file of the module named `module`, if one."""
        if self._by_base is None:
            self._by_base = defaultdict(list)
            for p in self.paths:
                self._by_base[os.path.basename(p)].append(p)
        last = module.rpartition(".")[2]
        for base, stem in ((f"{last}.py", module), ("__init__.py", module)):
            for p in self._by_base.get(base, ()):
                if (base != "__init__.py" or os.path.basename(os.path.dirname(p)) == last) \
                        and module_name(p) == stem:
                    return p
        return None
