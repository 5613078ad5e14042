"""Which other modules' spawn helpers a file's first analysis should carry (a forecast).

The helper round (`helper_callers.py`) judges a module's calls of another module's spawn
helpers by analysing it with them. For a file the spawn pass analyses anyway, that would be a
second parse: homeassistant's core.py and four more modules calling `create_eager_task`, +0.49 s
cold. So before the spawn pass hands a file over, this forecast reads what its imports name:
each module of its own top package it imports from, among the run's files, is searched for the
top-level functions (`def`, not `async def`) whose body returns and names a spawn (the
prefilter's words), and the file is analysed with those it imports, or names after importing
their module.

A forecast is only that: the file's facts record the helpers it was analysed with
(`FileFacts.helpers`), and the helper round analyses it again when they are not exactly the
project's helpers it imports (a function that names a spawn but returns no task, a helper the
search missed). What it buys (measured on homeassistant, cold, alternating): +0.09 s where the
second parse cost +0.53 s; the forecast itself reads the 247 imported modules once per run
(0.06 s). Guarded by tests/run/test_helper_forecast.py (parsed once; a warm run parses nothing).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from taskleak.analysis.obligations.spawners import Spawner, unpromised_helpers
from taskleak.files.packages import absolute_import, import_root
from taskleak.files.source import SourceError, read_source
from taskleak.run.prefilter import Prefilter, has_word

# `from x.y import a, b as c` (parenthesised over lines too) and `import x.y as z, w`
_IMPORT = re.compile(
    rb"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n;#]*)"
    rb"|import[ \t]+([^\n;#]*))", re.MULTILINE)
_TOP_DEF = re.compile(rb"^def[ \t]+(\w+)[ \t]*[\[(]", re.MULTILINE)  # `def f[T](` too
_RETURN = re.compile(rb"\breturn\b")
_TOP_LEVEL = re.compile(rb"^[^\s#)\]}]", re.MULTILINE)  # the next top-level statement
# A module-level function defined in a top-level `if`/`else`/`try` block, one level in (one
# definition per Python version: aioesphomeapi's `create_eager_task`): `if` and its def line.
_BLOCK_DEF = re.compile(
    rb"^(?:if|elif|else|try|except|finally)\b[^\n]*:[ \t]*(?:#[^\n]*)?\n"
    rb"(?:[ \t]*(?:#[^\n]*)?\n)*([ \t]+)def[ \t]+(\w+)[ \t]*[\[(]", re.MULTILINE)


class Forecast:
    """The run's forecast: module files read and searched once each."""

    def __init__(self, prefilter: Prefilter, run_files: frozenset[str]) -> None:
        self.prefilter = prefilter
        # only the run's modules: a helper whose module the run leaves out (pre-commit's few
        # files) is not judged at its callers, so forecasting it would only cost a second parse
        self.run_files = run_files
        self._found: dict[str, frozenset[str]] = {}  # module file -> its possible helpers
        self._packages: dict[str, tuple[str, tuple[str, ...]]] = {}  # folder -> root, package
        self._resolved: dict[str, tuple[str, str, frozenset[str]] | None] = {}  # `_resolve`

    def helpers(self, path: str, data: bytes) -> tuple[Spawner, ...]:
        """The spawners (by qualified name, promise read from the helper by the join) a file
        at `path` (absolute) with content `data` should be analysed with."""
        folder = os.path.dirname(path)
        root, package = self._package(folder)
        if not package:
            return ()
        stem = os.path.splitext(os.path.basename(path))[0]
        own = ".".join(package if stem == "__init__" else (*package, stem))
        names: set[str] = set()
        for module, imported in imports_in(data, (*package, stem)):
            if module.split(".", 1)[0] != package[0]:
                continue  # another top package: not followed
            for target in (module, *(f"{module}.{n}" for n in imported)):
                names.update(self._named(root, target, data))
        return unpromised_helpers(sorted(n for n in names if n.rsplit(".", 1)[0] != own))

    def _named(self, root: str, target: str, data: bytes) -> set[str]:
        """The possible helpers `target` (a module, or a name in one) brings into the file."""
        resolved = self._resolve(root, target)
        if resolved is None:
            return set()
        module, rest, found = resolved
        if rest:
            return {f"{module}.{rest}"} if rest in found else set()
        return {f"{module}.{name}" for name in found if has_word(data, name.encode())}

    def _resolve(self, root: str, target: str) -> tuple[str, str, frozenset[str]] | None:
        """(the module, the name after it or "", the module's possible helpers) `target`
        names, the longest module first; None when it is no module of the project."""
        key = f"{root}\0{target}"
        if key in self._resolved:
            return self._resolved[key]
        parts = target.split(".")
        out = None
        for cut in range(len(parts), 0, -1):
            base = os.path.join(root, *parts[:cut])
            file = next((f for f in (base + ".py", os.path.join(base, "__init__.py"))
                         if f in self.run_files), None)
            if file is not None:
                rest = parts[cut:]
                out = (".".join(parts[:cut]), rest[0] if rest else "", self._possible(file))
                break
        self._resolved[key] = out
        return out

    def _possible(self, file: str) -> frozenset[str]:
        known = self._found.get(file)
        if known is None:
            try:
                text = read_source(file)
            except SourceError:
                text = b""
            known = frozenset(self._top_spawning(text)) \
                if self.prefilter.may_spawn(text, callbacks=False) else frozenset()
            self._found[file] = known
        return known

    def _top_spawning(self, text: bytes) -> list[str]:
        out = []
        # `Task(...)`, `gather(...)` spawn only as asyncio's: the prefilter wants the module's
        # `asyncio` (its import) beside them, which a body (`return Task(coro)`) lacks
        imports = b"asyncio\n" if b"asyncio" in text else b""
        for name, body in _module_functions(text):
            # a helper spawns; a call that calls a function back spawns nothing to return
            if _RETURN.search(body) and self.prefilter.may_spawn(imports + body,
                                                                 callbacks=False):
                out.append(name)
        return out

    def _package(self, folder: str) -> tuple[str, tuple[str, ...]]:
        """(the folder holding the top package, the package's dotted parts) of a folder."""
        known = self._packages.get(folder)
        if known is None:
            root, parts = import_root(Path(folder))
            known = (str(root), parts)
            self._packages[folder] = known
        return known


def _module_functions(text: bytes) -> list[tuple[str, bytes]]:
    """(name, body) of each function a module defines at its top level, or as the first
    statement of a top-level `if`/`else`/`try` block (its body: up to the next line indented no
    deeper than its `def`)."""
    out = []
    for match in _TOP_DEF.finditer(text):
        end = _TOP_LEVEL.search(text, match.end())
        out.append((match.group(1).decode(), text[match.end():end.start() if end else len(text)]))
    for match in _BLOCK_DEF.finditer(text):
        indent = match.group(1)
        end = re.compile(rb"^(?!" + re.escape(indent) + rb"[ \t])[ \t]*[^\s#)\]}]",
                         re.MULTILINE).search(text, match.end())
        out.append((match.group(2).decode(), text[match.end():end.start() if end else len(text)]))
    return out


def imports_in(data: bytes, package: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """(absolute module, the names imported from it) of each import statement in `data`;
    relative ones made absolute from `package`: the file's package and its stem, parts
    ("pkg", "sub", "mod"; "pkg", "sub", "__init__"), one level dropped per leading dot."""
    out: list[tuple[str, list[str]]] = []
    for match in _IMPORT.finditer(data):
        source, names, plain = match.groups()
        if plain is not None:
            for item in plain.decode("utf-8", "replace").split(","):
                module = item.split(" as ")[0].strip()
                if module:
                    out.append((module, []))
            continue
        module = absolute_import(source.decode("utf-8", "replace"), package[:-1])
        if not module:
            continue
        listed = names.decode("utf-8", "replace").strip("()")
        out.append((module, [n.split(" as ")[0].strip() for n in listed.replace("\n", " ")
                             .split(",") if n.strip() and n.strip() != "*"]))
    return out
