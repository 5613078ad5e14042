"""The project's classes derived from the classes that spawn, found in every file of the run.

A class that spawns `self._read_loop()` and leaves the loop, its flag and the `close()` that
clears it to the one class derived from it (elsewhere) is judged with that class's members
(the inheritance round, inherited.py): so a spawning method moved up to a base class changes
no row. The subclasses are looked for in every file of the run, in its class statements (the
cache remembers the files that derive from none, for the next run), and read with
the standard library's `ast`, which only says which class derives from which; a base named in
another file is resolved through that file's imports. Top-level classes only, as the merge
(`analysis/tree/inherit.py`) reads.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence

from taskleak.analysis.facts.module import FileFacts
from taskleak.files.paths import relative_path
from taskleak.files.source import SourceError, read_source
from taskleak.records import record
from taskleak.run.cache import Cache
from taskleak.run.prefilter import has_word

Where = tuple[int, str]  # (file of the run, top-level class in it)
# what an import names, as imported in a file -> where that is in the run
Resolve = Callable[[str, str], Where | None]


@record(frozen=True)
class Derived:
    """The classes of other files derived from the run's classes (`derived`)."""

    # each wanted class -> the one class of another file derived from it (none where several)
    one: dict[Where, list[Where]]
    # file -> (its class, the helper class it derives from) for each class of the file derived
    # from a class with spawn helper methods whose file names one of those methods
    calling: dict[int, list[tuple[str, Where]]]


def derived_classes(paths: Sequence[str], results: Sequence[FileFacts], cache: Cache | None,
                    wanted: set[Where], resolve: Resolve,
                    classes_of: Callable[[int], ModuleClasses | None]
                    ) -> dict[Where, list[Where]]:
    """The one class of another file derived directly from each of `wanted` (`derived`)."""
    return derived(paths, results, cache, wanted, {}, resolve, classes_of).one


def derived(paths: Sequence[str], results: Sequence[FileFacts], cache: Cache | None,
            wanted: set[Where], helpers: Mapping[Where, frozenset[str]], resolve: Resolve,
            classes_of: Callable[[int], ModuleClasses | None]) -> Derived:
    """The one class of another file derived directly from each of `wanted`, where one class
    statement of the run names it among its bases (where several do, which class's members it
    runs with is not known: none is given); and every class of another file derived directly
    from a class of `helpers` (class -> the names of its spawn helper methods) in a file that
    names one of its methods: its calls of them on `self` are spawns there."""
    methods: dict[str, set[str]] = defaultdict(set)
    for (_, name), helper_methods in helpers.items():
        methods[name] |= helper_methods
    words = {name for _, name in wanted} | set(methods)
    headers: dict[str, list[int]] = defaultdict(list)  # word -> files naming it as a base
    calling: dict[str, list[int]] = defaultdict(list)  # ... and naming a helper method of it
    marks = {f"{_MARK}{w}" for w in words}  # as the cache remembers them
    for j, path in enumerate(paths):
        if results[j].skipped is not None or (cache is not None and marks <= cache.absent(path)):
            continue
        try:
            data = read_source(path)
        except SourceError:
            continue
        named = _derived_from(data, words)
        if cache is not None:
            cache.remember_absent(path, {f"{_MARK}{w}" for w in words - set(named)})
        for word in dict.fromkeys(named):
            headers[word].append(j)
            if any(has_word(data, m.encode()) for m in methods.get(word, ())):
                calling[word].append(j)
    one: dict[Where, list[Where]] = defaultdict(list)
    for word, files in headers.items():
        if len(files) == 1:
            for found, j, name in _derived_in(files[0], paths, resolve, classes_of):
                if found in wanted and found[1] == word:
                    one[found].append((j, name))
    below: dict[int, list[tuple[str, Where]]] = defaultdict(list)
    for word, files in calling.items():
        for j in files:
            for found, _, name in _derived_in(j, paths, resolve, classes_of):
                if found in helpers and found[1] == word:
                    below[j].append((name, found))
    return Derived(dict(one), dict(below))


def _derived_in(j: int, paths: Sequence[str], resolve: Resolve,
                classes_of: Callable[[int], ModuleClasses | None]
                ) -> Iterator[tuple[Where, int, str]]:
    """(the class of another file it derives from, the file, the class) for each top-level
    class of file `j` whose base resolves through its imports."""
    read = classes_of(j)
    if read is None:
        return
    display = relative_path(paths[j])
    for name, bases in read.bases.items():
        for base in bases:
            head, _, tail = base.partition(".")
            target = read.imports.get(head)
            found = resolve(display, f"{target}.{tail}" if tail else target) \
                if target is not None else None
            if found is not None and found[0] != j:
                yield found, j, name


# Speed trick (one place): the top-level class statements naming a word among their bases, found
# in the bytes (`bytes.find` of "\nclass "), and `ast` only for the one file of a word named so
# once. Parsing every file that names a spawning class cost homeassistant's cold run 25 s
# (`HomeAssistant` spawns, and nearly every file names it), a regular expression over every line
# 1.5 s, this 0.24 s (56 MB); the cache remembers, per file, the words no class statement of it
# derives from (as `class:NAME`, apart from the helper round's words), so a warm run reads
# again only the files that changed. Guarded by tests/run/test_subclasses.py.
_MARK = "class:"
_HEADER = re.compile(rb"class[ \t]+\w+[ \t]*\(([^)]*)\)")
_WORD = re.compile(rb"\w+")


def _derived_from(data: bytes, words: set[str]) -> list[str]:
    """Each of `words` that a top-level class statement of the module names among its bases,
    once per such statement."""
    out: list[str] = []
    wanted = {w.encode(): w for w in words}
    at = 0 if data.startswith(b"class") else data.find(b"\nclass")
    while at != -1:
        header = _HEADER.match(data, at if at == 0 and data.startswith(b"class") else at + 1)
        if header is not None:
            out += [wanted[w] for w in set(_WORD.findall(header.group(1))) if w in wanted]
        at = data.find(b"\nclass", at + 1)
    return out


@record(frozen=True)
class ModuleClasses:
    """A module's top-level classes as `ast` reads them, once: each one's bases as written and
    its source with the module's import lines before it (what is handed over), and what the
    module's imports bind (name -> what it names), and the classes and functions it defines
    at its top level (what a member handed over may name of its own module)."""

    bases: dict[str, list[str]]
    sources: dict[str, bytes]
    imports: dict[str, str]
    defines: tuple[str, ...] = ()


# Speed trick (one place): a base class is handed to the worker as its own lines and its
# module's import lines, not the whole module: `ast` says where the class is (what to parse),
# libcst parses only that. Whole modules cost mid's cold run 1.9 MB of parsing for 12 modules
# (textual's `Message`, `DOMNode`); tests/run/test_subclasses.py guards that the class read
# this way has the members the whole module gives it.
def read_classes(data: bytes) -> ModuleClasses | None:
    """The module's top-level classes; None when it does not parse."""
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    lines = data.removeprefix(b"\xef\xbb\xbf").splitlines(keepends=True)
    imports: dict[str, str] = {}
    import_lines: list[bytes] = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            import_lines.append(b"".join(lines[node.lineno - 1:node.end_lineno]))
        if isinstance(node, ast.Import):
            for alias in node.names:
                local = alias.asname or alias.name.partition(".")[0]
                imports[local] = alias.name if alias.asname else local
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            for alias in node.names:
                if alias.name != "*":
                    sep = "" if module.endswith(".") or not module else "."
                    imports[alias.asname or alias.name] = f"{module}{sep}{alias.name}"
    bases: dict[str, list[str]] = {}
    sources: dict[str, bytes] = {}
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef):
            # `Chain[int, int]` is class `Chain`, as the module's own reading has it
            # (`attribute_types.type_name`)
            bases[cls.name] = [ast.unparse(b.value if isinstance(b, ast.Subscript) else b)
                               for b in cls.bases]
            first = min([cls.lineno, *(d.lineno for d in cls.decorator_list)])
            parts = [*import_lines, b"".join(lines[first - 1:cls.end_lineno])]
            sources[cls.name] = b"".join(p if p.endswith(b"\n") else p + b"\n" for p in parts)
    defines = tuple(n.name for n in tree.body
                    if isinstance(n, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)))
    return ModuleClasses(bases, sources, imports, defines)


def replaced_methods(source: bytes, name: str) -> set[str]:
    """The methods class `name` (its source as `read_classes` hands it over) defines without
    calling `super()`: those of its bases it replaces. Read only for the one derived class
    whose members a spawning class may be judged with (`inherited._runs_a_spawn_of`)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    out: set[str] = set()
    for cls in tree.body:
        if isinstance(cls, ast.ClassDef) and cls.name == name:
            out |= {m.name for m in cls.body
                    if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and not any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                                and n.func.id == "super" for n in ast.walk(m))}
    return out


def only_below(bases: Mapping[str, Sequence[str]], name: str, links: int) -> list[str]:
    """The chain of classes of one file each derived from the one before by the only class
    statement of the file naming it (`Impl(Service)` below `Service`), most derived first
    (its members override theirs), at most `links` long: what a class calling back a member
    only its subclass defines is read with (`tree/inherit.one_local_subclass` in one module)."""
    chain: list[str] = []
    while len(chain) < links:
        below = [c for c, named in bases.items() if (chain[0] if chain else name) in named]
        if len(below) != 1 or below[0] in chain or below[0] == name:
            break
        chain.insert(0, below[0])
    return chain
