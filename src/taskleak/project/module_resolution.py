"""How the index resolves what a module's imports name to the project's files and definitions
(a mixin of `ProjectIndex`: one job, apart from what the index holds)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from taskleak.analysis.facts.interface import ClassFacts, FunctionFacts
from taskleak.analysis.facts.module import ModuleFacts
from taskleak.project.class_tree import ClassTree
from taskleak.project.module_names import module_candidates

Where = tuple[str, str]  # (file, qualified name in it)


class ModuleResolution:
    """Names to places, read from the index's own tables (`ProjectIndex` fills them)."""

    modules: dict[str, ModuleFacts]
    imports: dict[str, dict[str, str]]
    star_imports: dict[str, list[str]]
    classes: dict[Where, ClassFacts]
    functions: dict[Where, FunctionFacts]
    top_names: dict[str, set[str]]
    top_by_name: dict[str, list[str]]
    instances: dict[str, dict[str, str]]
    _by_suffix: dict[str, list[str]]
    _qualified: dict[tuple[str, str], Where | None]
    tree: ClassTree

    def module_file(self, importer: str, target: str) -> Iterator[tuple[str, str]]:
        """(file, rest) for each way `target` (what an import names, dots and all) can be a
        module of the project followed by a name in it: ".handler.trigger" from
        "app/ws.py" is ("app/handler.py", "trigger")."""
        level, candidates = module_candidates(target)
        for suffix, rest, named in candidates:
            if level:
                base = posixpath.dirname(importer)
                for _ in range(level - 1):
                    base = posixpath.dirname(base)
                candidate = posixpath.normpath(posixpath.join(base, suffix))
                if candidate in self.modules:
                    yield candidate, rest
            elif named:
                found = self._by_suffix.get(suffix, [])
                if len(found) == 1:
                    yield found[0], rest

    def resolve_name(self, path: str, name: str) -> Where | None:
        """What a dotted name used at module level of `path` refers to in the project."""
        head, _, tail = name.partition(".")
        target = self.imports.get(path, {}).get(head)
        if target is None:
            return (path, name)  # defined here (or not in the project)
        return self.qualified(path, f"{target}.{tail}" if tail else target)

    def held_instance(self, found: Where, most: int = 3) -> tuple[Where | None, str] | None:
        """For `found`, a global's attribute (`cmdmgr.run_task` in its module): the class the
        global holds an instance of (`Exports.instances`, resolved in its module: None when no
        class of the project), and the rest of the name; None when it holds none, or past
        `most` more attributes."""
        head, _, tail = found[1].partition(".")
        cls = self.instances.get(found[0], {}).get(head)
        if cls is None or not tail or tail.count(".") > most:
            return None
        typed = self.resolve_name(found[0], cls)
        return (typed if typed in self.classes else None, tail)

    def qualified(self, path: str, full: str) -> Where | None:
        """Where a name qualified by its module (`app.background.spawn`, as imported in
        `path`) is defined in the project."""
        key = (path, full)
        if key not in self._qualified:
            self._qualified[key] = self._qualify(path, full)
        return self._qualified[key]

    def _qualify(self, path: str, full: str) -> Where | None:
        for file, rest in self.module_file(path, full):
            if rest:
                return self._reexported(file, rest)
        if not full.startswith("."):
            return self._in_package(full)
        folder = posixpath.dirname(path)  # (what a relative import's dots climb to)
        for _ in range(len(full) - len(full.lstrip(".")) - 1):
            folder = posixpath.dirname(folder)
        return self._in_package(full, folder)

    def _in_package(self, full: str, folder: str | None = None) -> Where | None:
        """`discord.Client` when `discord/__init__.py` was not read (it names no spawn, so the
        prefilter skipped it): the one class `Client` in a file of the package `discord`; for
        `mautrix.client.Client`, of the package `mautrix/client` first (the deepest package
        the name can start after). A relative name (`folder`: where its dots climb to) is
        looked for in the package of the module it names: `pkg/motor.py`'s
        `._taskset.TaskSet`, when `pkg/_taskset.py` only re-exports it, is the one `TaskSet`
        in `pkg/`."""
        parts = full.lstrip(".").split(".")
        for cut in range(len(parts) - 1, 0, -1):
            if folder is None:
                package = "/".join(parts[:cut])
                found = {path for path in self.top_by_name.get(parts[cut], ())
                         if path.startswith(package + "/") or f"/{package}/" in path}
            else:
                package = posixpath.join(folder, *parts[:cut - 1])
                found = {path for path in self.top_by_name.get(parts[cut], ())
                         if path.startswith(package + "/")}
            if len(found) == 1:
                return (found.pop(), ".".join(parts[cut:]))
            if found:
                return None  # several: no guess
        return None

    def _reexported(self, file: str, rest: str, depth: int = 0) -> Where:
        """`Client` of `discord/__init__.py` is `discord/client.py`'s when the package
        re-exports it (`from .client import *`, or `from .client import Client`) and does not
        define it."""
        head = rest.partition(".")[0]
        if depth > 4 or (file, head) in self.classes or (file, head) in self.functions:
            return (file, rest)
        target = self.imports.get(file, {}).get(head)  # `from .client import Client`
        if target is not None:
            tail = rest.partition(".")[2]
            for found, found_rest in self.module_file(file, f"{target}.{tail}" if tail
                                                      else target):
                if found_rest and found != file:
                    return self._reexported(found, found_rest, depth + 1)
        for star in self.star_imports.get(file, []):
            for found, found_rest in self.module_file(file, f"{star}.{rest}"):
                if found_rest and found != file:
                    where = self._reexported(found, found_rest, depth + 1)
                    if where[1].partition(".")[0] in self.top_names[where[0]]:
                        return where
        return (file, rest)

    def element_class(self, path: str, cls: str, attr: str, depth: int = 0) -> Where | None:
        """The project class each element of attribute `attr` of `cls` (in `path`) is declared
        to be (`connections: set[Connection]`), by its own declaration or a base class's, or,
        declared by none, the one class its subclasses' declarations give (as
        `ProjectIndex.attribute_class`)."""
        facts = self.classes.get((path, cls))
        if facts is None or depth > 8:
            return None
        declared = dict(facts.element_types).get(attr)
        if declared is not None:
            where = self.resolve_name(path, declared)
            return where if where in self.classes else None
        for base in facts.bases:
            found = self.resolve_name(path, base)
            if found is not None and found in self.classes:
                typed = self.element_class(found[0], found[1], attr, depth + 1)
                if typed is not None:
                    return typed
        if depth == 0:  # a base's method reading what only its subclasses declare: theirs
            held = {self.element_class(sub[0], sub[1], attr, 1)
                    for sub in self.tree.subclasses((path, cls))}
            held.discard(None)
            return held.pop() if len(held) == 1 else None
        return None
