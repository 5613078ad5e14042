"""Transforms that keep a program's meaning and change its shape: where a definition lives (its
own module, a sub-package, imported by name or reached as `module.name`), what its private
names, locals and classes are called, a method moved to a base class in another module, a
function moved into a class as a static method.

Each gives the files of a package (`pkg/...`) and, for each, the way back to the program's
text (`invariance_map.Built`), so the rows taskleak reports on the package can be placed in the
program and compared with the rows of the program itself.

What a transform would change the meaning of, it leaves alone, by rule (`Excluded` says why):
a definition with a `global` statement stays in the module of its globals; a name that a string
spells (string annotations, `__slots__`, `getattr`) keeps its name, since strings are never
edited; a method using `super()`, `__class__` or a class-private `__name` stays in its class; a
class that is a Protocol, an Enum, a NamedTuple or a TypedDict gets no new base."""

from __future__ import annotations

import ast
import builtins
import hashlib
import keyword
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from invariance_map import Built, Edit, Program

PACKAGE = "pkg"
MAIN = "main"


class Excluded(Exception):
    """The transform does not apply to this program (the reason says which rule)."""


@dataclass
class Variant:
    """A transformed program: the package's files, by path relative to the check's folder."""

    program: Program
    files: dict[str, Built] = field(default_factory=dict)

    def origin(self, path: str, line: int, column: int) -> tuple[int, int] | None:
        """A reported position (1-based line and column) in the program, as (line, column)."""
        built = self.files.get(path)
        if built is None:
            return None
        new = Program(built.text)
        offset = built.origin(new.offset(line, column - 1))
        if offset is None:
            return None
        found_line, found_column = self.program.position(offset)
        return found_line, found_column + 1


Transform = Callable[[Program, ast.Module], Variant]


# --- the program's top level -------------------------------------------------------------

@dataclass
class Segment:
    """Top-level statements (more than one only when they share a line) and their text: from
    the end of the segment before (comments above them come along) to the end of their last
    line."""

    statements: list[ast.stmt]
    start: int
    end: int

    @property
    def statement(self) -> ast.stmt:
        return self.statements[0]


def parse(text: str) -> ast.Module:
    if "\r" in text or text.startswith("\ufeff"):
        raise Excluded("the transforms edit text with \\n line ends and no BOM")
    try:
        return ast.parse(text)
    except SyntaxError as error:
        raise Excluded(f"not Python this interpreter parses: {error}") from None


def _first_line(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", [])
    return min([node.lineno, *(d.lineno for d in decorators)])


def segments(program: Program, module: ast.Module) -> list[Segment]:
    found: list[Segment] = []
    at = 0
    for stmt in module.body:
        end_line = stmt.end_lineno or stmt.lineno
        end = program.starts[end_line] if end_line < len(program.starts) else len(program.text)
        if found and _first_line(stmt) <= program.position(found[-1].end - 1)[0]:
            found[-1].statements.append(stmt)  # `a = 1; b = 2`
            found[-1].end = max(found[-1].end, end)
        else:
            found.append(Segment([stmt], at, end))
        at = found[-1].end
    if found:
        found[-1].end = len(program.text)  # trailing comments
    return found


def _scope_walk(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes of `node`'s own scope: not inside a nested function, class or lambda (their
    names and decorators are the scope's)."""
    for child in ast.iter_child_nodes(node):
        yield child
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for outer in [*child.decorator_list, *getattr(child, "bases", []),
                          *getattr(child, "keywords", [])]:
                yield from ast.walk(outer)
            continue
        if isinstance(child, ast.Lambda):
            continue
        yield from _scope_walk(child)


def top_bindings(stmt: ast.stmt) -> set[str]:
    """The module-level names a top-level statement binds."""
    names: set[str] = set()
    for node in [stmt, *_scope_walk(stmt)]:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                names.add(alias.asname or alias.name.split(".")[0])
    return names


def is_import(stmt: ast.stmt) -> bool:
    return isinstance(stmt, (ast.Import, ast.ImportFrom))


def is_docstring(stmt: ast.stmt) -> bool:
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str))


def globals_declared(module: ast.Module) -> set[str]:
    return {n for node in ast.walk(module) if isinstance(node, (ast.Global, ast.Nonlocal))
            for n in node.names}


def names_read(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def string_words(module: ast.Module) -> set[str]:
    """Identifiers that a string of the program spells (docstrings aside)."""
    docstrings = {id(s.value) for n in ast.walk(module)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                    ast.AsyncFunctionDef))
                  for s in n.body[:1] if is_docstring(s)}
    words: set[str] = set()
    for node in ast.walk(module):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings:
            words.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", node.value))
    return words


def in_fstrings(module: ast.Module) -> set[str]:
    """Names read inside f-strings (Python 3.11 places some of them wrongly)."""
    return {n.id for js in ast.walk(module) if isinstance(js, ast.JoinedStr)
            for n in ast.walk(js) if isinstance(n, ast.Name)}


def definition_name_offset(program: Program, node: ast.AST, name: str) -> int:
    """Where a def's or class's name stands (after `def`, `async def` or `class`)."""
    assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    start = program.offset_of_bytes(node.lineno, node.col_offset)
    found = re.compile(r"(?:async\s+def|def|class)\s+(" + re.escape(name) + r")\b").search(
        program.text, start)
    assert found is not None, (node.lineno, name)
    return found.start(1)


def name_edit(program: Program, node: ast.Name, text: str) -> Edit:
    return Edit(program.offset_of_bytes(node.lineno, node.col_offset),
                program.offset_of_bytes(node.end_lineno or node.lineno,
                                        node.end_col_offset or 0), text)


# --- a package made of the program's parts --------------------------------------------------

@dataclass
class Module:
    """One module of the package being built: its dotted place and what it holds."""

    path: str  # "pkg/sub/part_x.py"
    segments: list[Segment] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)  # generated import lines

    @property
    def dotted(self) -> str:
        return self.path.removesuffix(".py").replace("/", ".")


def import_line(importer: Module, home: Module, names: list[str], *, relative: bool) -> str:
    if not relative:
        return f"from {home.dotted} import {', '.join(sorted(names))}\n"
    mine, theirs = importer.dotted.split(".")[:-1], home.dotted.split(".")
    common = 0
    while common < min(len(mine), len(theirs) - 1) and mine[common] == theirs[common]:
        common += 1
    dots = "." * (len(mine) - common + 1)
    return f"from {dots}{'.'.join(theirs[common:])} import {', '.join(sorted(names))}\n"


def claim_the_rest(home: dict[str, Module], main: Module, parts: list[Segment]) -> None:
    """The names the non-import statements of `parts` bind live in `main` (unless moved)."""
    for segment in parts:
        for stmt in segment.statements:
            if not is_import(stmt):
                for name in top_bindings(stmt):
                    home.setdefault(name, main)


def program_imports(program: Program, parts: list[Segment]) -> Built:
    """The program's top-level import statements, copied (every module keeps them)."""
    built = Built()
    for segment in parts:
        if all(is_import(s) for s in segment.statements):
            start = program.starts[_first_line(segment.statement) - 1]
            built.copy(program, start, segment.end)
    return built


def render(program: Program, module: Module, header: Built | None) -> Built:
    """A module's text: the program's imports (for a part; `header`), the generated imports,
    then its segments. In the module of the program's rest, the generated imports follow the
    leading docstring and imports."""
    built = Built()
    lead = 0
    if header is None:
        while lead < len(module.segments) and all(
                is_import(s) or is_docstring(s) for s in module.segments[lead].statements):
            lead += 1
    else:
        built.write_copy(header)
    for segment in module.segments[:lead]:
        built.copy(program, segment.start, segment.end, module.edits)
    for line in module.imports:
        built.write(line)
    for segment in module.segments[lead:]:
        start = segment.start if header is None else program.starts[
            _first_line(segment.statement) - 1]
        built.copy(program, start, segment.end, module.edits)
    return built


def movable(segment: Segment, declared_global: set[str], bound_once: set[str],
            kinds: tuple[type, ...]) -> str | None:
    """The name of a top-level definition that may live in another module, or None."""
    if len(segment.statements) != 1:
        return None
    stmt = segment.statement
    if not isinstance(stmt, kinds):
        return None
    assert isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    if stmt.name in declared_global or stmt.name not in bound_once:
        return None
    if any(isinstance(n, (ast.Global, ast.Nonlocal)) for n in ast.walk(stmt)):
        return None  # by rule: a global statement stays with its globals
    return stmt.name


def binding_counts(parts: list[Segment]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for segment in parts:
        for stmt in segment.statements:
            for name in top_bindings(stmt):
                counts[name] = counts.get(name, 0) + 1
    return counts


def bound_anywhere_else(module: ast.Module, name: str) -> bool:
    """Whether `name` is bound anywhere but at its one top-level definition (a local, a
    parameter, an import), so that `name` does not always mean the definition."""
    defs = 0
    for node in ast.walk(module):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and node.name == name:
            defs += 1
        elif isinstance(node, ast.Name) and node.id == name \
                and not isinstance(node.ctx, ast.Load):
            return True
        elif isinstance(node, ast.arg) and node.arg == name:
            return True
        elif isinstance(node, (ast.Import, ast.ImportFrom)) and any(
                (a.asname or a.name.split(".")[0]) == name for a in node.names):
            return True
        elif isinstance(node, ast.ExceptHandler) and node.name == name:
            return True
    return defs != 1


@dataclass
class Split:
    """How `split` lays out the package."""

    folder: str  # where the parts go: "pkg" or "pkg/sub"
    qualified: bool  # `import pkg.part_x` and `pkg.part_x.X` instead of `from ... import X`
    relative: bool  # relative imports
    main: str = ""  # where the program's rest goes: PACKAGE/MAIN.py unless given (a real tree's
    # own module, `bench/invariance_split.py`)


def split(layout: Split) -> Transform:
    def transform(program: Program, module: ast.Module) -> Variant:
        parts = segments(program, module)
        declared = globals_declared(module)
        counts = binding_counts(parts)
        once = {n for n, c in counts.items() if c == 1}
        main = Module(layout.main or f"{PACKAGE}/{MAIN}.py")
        modules: list[Module] = []
        home: dict[str, Module] = {}
        used_paths: set[str] = set()
        for segment in parts:
            name = movable(segment, declared, once,
                           (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            if name is None:
                main.segments.append(segment)
                continue
            path = f"{layout.folder}/part_{name.lower()}.py"
            while path.lower() in used_paths:
                path = path.removesuffix(".py") + "_.py"
            used_paths.add(path.lower())
            part = Module(path, [segment])
            modules.append(part)
            home[name] = part
        if not modules:
            raise Excluded("no top-level definition can move (each has a global statement, "
                           "or its name is bound twice)")
        claim_the_rest(home, main, main.segments)
        spelled = string_words(module) | in_fstrings(module)
        header = program_imports(program, parts)
        for part in [main, *modules]:
            wanted: dict[str, list[str]] = {}
            qualified: set[str] = set()
            for segment in part.segments:
                for stmt in segment.statements:
                    for node in ast.walk(stmt):
                        if not isinstance(node, ast.Name) or node.id not in home:
                            continue
                        owner = home[node.id]
                        if owner is part:
                            continue
                        if (layout.qualified and owner is not main
                                and isinstance(node.ctx, ast.Load) and node.id not in spelled
                                and not bound_anywhere_else(module, node.id)):
                            part.edits.append(name_edit(program, node,
                                                        f"{owner.dotted}.{node.id}"))
                            qualified.add(owner.dotted)
                        else:
                            wanted.setdefault(owner.path, []).append(node.id)
            for dotted in sorted(qualified):
                part.imports.append(f"import {dotted}\n")
            by_path = {m.path: m for m in [main, *modules]}
            for path, names in sorted(wanted.items()):
                part.imports.append(import_line(part, by_path[path], sorted(set(names)),
                                                relative=layout.relative))
        variant = Variant(program)
        for folder in _folders(layout.folder):
            variant.files[f"{folder}/__init__.py"] = Built()
        variant.files[main.path] = render(program, main, None)
        for part in modules:
            variant.files[part.path] = render(program, part, header)
        return variant
    return transform


def _folders(folder: str) -> list[str]:
    pieces = folder.split("/")
    return ["/".join(pieces[:i]) for i in range(1, len(pieces) + 1)]


def identity(program: Program, module: ast.Module) -> Variant:
    """The program unchanged, as a module of a package: the control for every other transform
    (a difference here is the package's, not the transform's)."""
    variant = Variant(program)
    variant.files[f"{PACKAGE}/__init__.py"] = Built()
    built = Built()
    built.copy(program, 0, len(program.text))
    variant.files[f"{PACKAGE}/{MAIN}.py"] = built
    return variant


# --- renaming ------------------------------------------------------------------------------

PROTECTED = frozenset({"self", "cls"}) | frozenset(dir(builtins)) | frozenset(keyword.kwlist) \
    | frozenset(keyword.softkwlist)


def identifiers(module: ast.Module) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(module):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.add(node.name)
        elif isinstance(node, ast.keyword) and node.arg:
            found.add(node.arg)
        elif isinstance(node, ast.alias):
            found.update(node.name.split("."))
            if node.asname:
                found.add(node.asname)
    return found


def _function_locals(module: ast.Module) -> set[str]:
    found: set[str] = set()
    for fn in ast.walk(module):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            found.update(a.arg for a in ast.walk(fn.args) if isinstance(a, ast.arg))
            for node in _scope_walk(fn):
                if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
                    found.add(node.id)
    return found


def _private(name: str) -> bool:
    return name.startswith("_") and not name.endswith("__") and name != "_"


def renamed_names(module: ast.Module) -> set[str]:
    """What `rename` renames: private names the program defines (names, attributes, methods,
    import aliases), the locals of its functions and the classes it defines; never a name that
    is imported, global-declared, spelled in a string, read in an f-string or a builtin; a
    public local never when an attribute or a keyword argument has its name (an API's)."""
    chosen, excluded, _ = rename_plan(module)
    return chosen - excluded


def rename_plan(module: ast.Module) -> tuple[set[str], set[str], set[str]]:
    """(the names `rename` would rename in this module, those it must not, the public names
    that attributes or keyword arguments have here): a tree renamed as one
    (`bench/invariance_rename.py`) joins the plans of its modules."""
    defined_private: set[str] = set()
    attributes: set[str] = set()
    keywords: set[str] = set()
    imported: set[str] = set()
    caught: set[str] = set()
    for node in ast.walk(module):
        if isinstance(node, ast.Attribute):
            attributes.add(node.attr)
            if not isinstance(node.ctx, ast.Load) and _private(node.attr):
                defined_private.add(node.attr)
        elif isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            if _private(node.id):
                defined_private.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if _private(node.name):
                defined_private.add(node.name)
        elif isinstance(node, ast.arg) and _private(node.arg):
            defined_private.add(node.arg)
        elif isinstance(node, ast.keyword) and node.arg:
            keywords.add(node.arg)
        elif isinstance(node, ast.alias):
            if node.asname is None:
                imported.update(node.name.split("."))
            elif _private(node.asname):
                defined_private.add(node.asname)
            imported.update(node.name.split("."))
        elif isinstance(node, ast.ExceptHandler) and node.name:
            caught.add(node.name)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            caught.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            caught.add(node.rest)
    classes = {n.name for n in ast.walk(module) if isinstance(n, ast.ClassDef)}
    public_locals = {n for n in _function_locals(module) if not _private(n)} \
        - attributes - keywords
    chosen = defined_private | public_locals | classes
    excluded = PROTECTED | imported | caught | globals_declared(module) | string_words(module) \
        | in_fstrings(module) | {n for n in chosen if n.startswith("__") and n.endswith("__")}
    return chosen, excluded, {n for n in attributes | keywords if not _private(n)}


def new_name(name: str, taken: set[str]) -> str | None:
    """A name of the same length (columns stay), with the same leading underscores."""
    stem = name.lstrip("_")
    lead = name[: len(name) - len(stem)]
    letters = "abcdefghijklmnopqrstuvwxyz"
    seed = 0
    while seed < 200:
        digest = hashlib.sha256(f"{name}:{seed}".encode()).digest()
        candidate = lead + "".join(letters[b % 26] for b in digest[: len(stem)])
        if stem[:1].isupper():
            candidate = lead + candidate[len(lead):].capitalize()
        if candidate != name and candidate not in taken and candidate not in PROTECTED:
            return candidate
        seed += 1
    return None


def rename(program: Program, module: ast.Module) -> Variant:
    """Consistently rename private names, locals and classes (same length, strings untouched)."""
    chosen = renamed_names(module)
    taken = identifiers(module) | string_words(module)
    names: dict[str, str] = {}
    for name in sorted(chosen):
        new = new_name(name, taken)
        if new is not None:
            names[name] = new
            taken.add(new)
    if not names:
        raise Excluded("no name to rename")
    variant = Variant(program)
    variant.files[f"{PACKAGE}/__init__.py"] = Built()
    variant.files[f"{PACKAGE}/{MAIN}.py"] = renamed(program, module, names)
    return variant


def renamed(program: Program, module: ast.Module, names: dict[str, str]) -> Built:
    """The program with every identifier of `names` renamed (names, parameters, definitions,
    private attributes and keyword arguments, import aliases)."""
    edits: list[Edit] = []
    for node in ast.walk(module):
        if isinstance(node, ast.Name) and node.id in names:
            edits.append(name_edit(program, node, names[node.id]))
        elif isinstance(node, ast.Attribute) and node.attr in names and _private(node.attr):
            end = program.offset_of_bytes(node.end_lineno or node.lineno,
                                          node.end_col_offset or 0)
            edits.append(Edit(end - len(node.attr), end, names[node.attr]))
        elif isinstance(node, ast.arg) and node.arg in names:
            start = program.offset_of_bytes(node.lineno, node.col_offset)
            edits.append(Edit(start, start + len(node.arg), names[node.arg]))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) \
                and node.name in names:
            start = definition_name_offset(program, node, node.name)
            edits.append(Edit(start, start + len(node.name), names[node.name]))
        elif isinstance(node, ast.keyword) and node.arg in names and node.arg \
                and _private(node.arg):
            start = program.offset_of_bytes(node.lineno, node.col_offset)
            edits.append(Edit(start, start + len(node.arg), names[node.arg]))
        elif isinstance(node, ast.alias) and node.asname in names and node.asname:
            end = program.offset_of_bytes(node.end_lineno or node.lineno,
                                          node.end_col_offset or 0)
            edits.append(Edit(end - len(node.asname), end, names[node.asname]))
    built = Built()
    built.copy(program, 0, len(program.text), edits)
    return built


# --- a method moved to a base class in another module -------------------------------------

NO_NEW_BASE = frozenset({"Protocol", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
                         "NamedTuple", "TypedDict"})
SPAWN_WORDS = re.compile(r"\b(create_task|ensure_future|start_soon|start|spawn|"
                         r"run_coroutine_threadsafe|call_soon|add_callback|spawn_callback)\b")


def _base_names(cls: ast.ClassDef) -> set[str]:
    found: set[str] = set()
    for base in cls.bases:
        for node in ast.walk(base):
            if isinstance(node, ast.Name):
                found.add(node.id)
            elif isinstance(node, ast.Attribute):
                found.add(node.attr)
    return found


def _may_move(method: ast.stmt, siblings: set[str]) -> bool:
    """A method whose meaning does not depend on the class it is written in."""
    if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    for node in ast.walk(method):
        if isinstance(node, ast.Name) and node.id in {"super", "__class__"}:
            return False
        name = node.attr if isinstance(node, ast.Attribute) else \
            node.id if isinstance(node, ast.Name) else ""
        if name.startswith("__") and not name.endswith("__"):
            return False  # class-private: mangled with the class's name
    # `@x.setter` and the like read a name of the class body
    return not any(isinstance(d, ast.Attribute) and isinstance(d.value, ast.Name)
                   and d.value.id in siblings for d in method.decorator_list)


def _package(program: Program, module: ast.Module
             ) -> tuple[list[Segment], Module, dict[str, Module], Built, Variant]:
    """What a transform that moves class members builds on: the program's segments, its main
    module (all of them, at first), the names each module holds, the imports every new module
    copies, and the variant with its package's `__init__.py`."""
    parts = segments(program, module)
    main = Module(f"{PACKAGE}/{MAIN}.py", list(parts))
    home: dict[str, Module] = {}
    claim_the_rest(home, main, parts)
    variant = Variant(program)
    variant.files[f"{PACKAGE}/__init__.py"] = Built()
    return parts, main, home, program_imports(program, parts), variant


def _finished(program: Program, main: Module, variant: Variant) -> Variant:
    """The variant with its main module written, its edits in order."""
    main.edits.sort(key=lambda e: (e.start, e.end))
    variant.files[main.path] = render(program, main, None)
    return variant


def _eligible_class(segment: Segment, declared: set[str]) -> ast.ClassDef | None:
    """The segment's class when a base may be put in front of it (one statement, a class no
    global statement names, with no base a new one may not precede)."""
    cls = segment.statement
    if len(segment.statements) != 1 or not isinstance(cls, ast.ClassDef) \
            or _base_names(cls) & NO_NEW_BASE or cls.name in declared:
        return None
    return cls


def _property_names(cls: ast.ClassDef) -> set[str]:
    """The class's methods under an attribute decorator (`@x.setter`): they stay together."""
    return {s.name for s in cls.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
            and any(isinstance(d, ast.Attribute) for d in s.decorator_list)}


def _move_methods(program: Program, main: Module, built: Built, chosen: list[ast.stmt]) -> None:
    """Copy `chosen` (statements of a class body) into `built`, and cut them from `main`."""
    for method in chosen:
        start = program.starts[_first_line(method) - 1]
        end_line = method.end_lineno or method.lineno
        end = program.starts[end_line] if end_line < len(program.starts) else len(program.text)
        built.copy(program, start, end)
        main.edits.append(Edit(start, end, ""))


def _derive_from(program: Program, main: Module, cls: ast.ClassDef, moved: int,
                 names: list[str]) -> None:
    """Put `names` first among the class's bases, and a `pass` in a body all `moved` left."""
    if moved == len(cls.body):
        indent = " " * cls.body[0].col_offset
        at = program.starts[_first_line(cls.body[0]) - 1]
        main.edits.append(Edit(at, at, f"{indent}pass\n"))
    after = definition_name_offset(program, cls, cls.name) + len(cls.name)
    listed = ", ".join(names)
    if program.text[after] == "(":
        closing = program.text[after + 1:].lstrip()[:1] == ")"
        main.edits.append(Edit(after + 1, after + 1, listed if closing else f"{listed}, "))
    else:
        main.edits.append(Edit(after, after, f"({listed})"))


def _mixin_file(header: Built, home: dict[str, Module], main: Module,
                chosen: list[ast.stmt]) -> Built:
    """A new module's start: the program's imports, and those of `main`'s names `chosen`
    reads."""
    built = Built()
    built.write_copy(header)
    wanted = sorted({n for s in chosen for n in names_read(s) if n in home})
    if wanted:
        built.write(f"from {main.dotted} import {', '.join(wanted)}\n")
    return built


def to_base(spawning: bool) -> Transform:
    """Move a class's methods (those that spawn, or those that do not) to a base class of its
    own module; the class inherits from it first."""
    def transform(program: Program, module: ast.Module) -> Variant:
        parts, main, home, header, variant = _package(program, module)
        declared = globals_declared(module)
        moved_any = False
        for segment in parts:
            cls = _eligible_class(segment, declared)
            if cls is None:
                continue
            siblings = {n for s in cls.body for n in top_bindings(s)}
            property_names = _property_names(cls)
            chosen = [s for s in cls.body if _may_move(s, siblings)
                      and bool(SPAWN_WORDS.search(ast.unparse(s))) == spawning
                      and getattr(s, "name", None) not in property_names]
            if not chosen:
                continue
            moved_any = True
            base_name = f"{cls.name}Base"
            while base_name in home:
                base_name += "_"
            base = Module(f"{PACKAGE}/base_{cls.name.lower()}.py")
            while base.path in variant.files:
                base.path = base.path.removesuffix(".py") + "_.py"
            built = _mixin_file(header, home, main, chosen)
            built.write(f"\n\nclass {base_name}:\n")
            _move_methods(program, main, built, chosen)
            variant.files[base.path] = built
            main.imports.append(f"from {base.dotted} import {base_name}\n")
            _derive_from(program, main, cls, len(chosen), [base_name])
        if not moved_any:
            raise Excluded("no class with a method that may move")
        return _finished(program, main, variant)
    return transform


def to_mixins(stubs: bool = True) -> Transform:
    """`mixins`: see `_mixins` (`stubs`: whether the common base declares the moved methods)."""
    def transform(program: Program, module: ast.Module) -> Variant:
        return _mixins(program, module, stubs)
    return transform


def _mixins(program: Program, module: ast.Module, stubs: bool) -> Variant:
    """Split a class into two sibling mixins of other modules over a base (a third) that
    declares each moved method as a stub raising `NotImplementedError`: the class inherits the
    mixin without the spawns first, `class C(CEnds, CSpawns)`, so a lookup that climbs bases
    depth first meets the base's stub of a spawning method before the mixin that defines it;
    Python's method resolution order (C3) does not. Special methods (`__init__`) stay in the
    class. A class with methods of one kind only is left (`base-ends`, `base-spawns` move
    those)."""
    parts, main, home, header, variant = _package(program, module)
    declared = globals_declared(module)
    moved_any = False
    for segment in parts:
        cls = _eligible_class(segment, declared)
        if cls is None:
            continue
        siblings = {n for s in cls.body for n in top_bindings(s)}
        property_names = _property_names(cls)
        movable = [s for s in cls.body if _may_move(s, siblings)
                   and isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
                   and not s.decorator_list and s.name not in property_names
                   and not (s.name.startswith("__") and s.name.endswith("__"))]
        spawning = [s for s in movable if SPAWN_WORDS.search(ast.unparse(s))]
        others = [s for s in movable if not SPAWN_WORDS.search(ast.unparse(s))]
        if not spawning or not others:
            continue
        moved_any = True
        stub_class = f"{cls.name}Stubs"
        stub_module = Module(f"{PACKAGE}/stubs_{cls.name.lower()}.py")
        stub_file = Built()
        stub_file.write(f"\n\nclass {stub_class}:\n")
        for method in movable if stubs else ():
            word = "async def" if isinstance(method, ast.AsyncFunctionDef) else "def"
            stub_file.write(f"    {word} {method.name}(self, *args, **kwargs):\n"
                            "        raise NotImplementedError\n\n")
        if not stubs:
            stub_file.write("    pass\n")
        variant.files[stub_module.path] = stub_file
        mixins = []
        for kind, chosen in (("Ends", others), ("Spawns", spawning)):
            name = f"{cls.name}{kind}"
            mixin = Module(f"{PACKAGE}/{kind.lower()}_{cls.name.lower()}.py")
            built = _mixin_file(header, home, main, chosen)
            built.write(f"from {stub_module.dotted} import {stub_class}\n\n\n"
                        f"class {name}({stub_class}):\n")
            _move_methods(program, main, built, chosen)
            variant.files[mixin.path] = built
            main.imports.append(f"from {mixin.dotted} import {name}\n")
            mixins.append(name)
        _derive_from(program, main, cls, len(movable), mixins)
    if not moved_any:
        raise Excluded("no class with both spawning and other methods that may move")
    return _finished(program, main, variant)


# --- a function moved into a class as a static method ----------------------------------------

def _string_lines(text: str) -> set[int]:
    """Lines (1-based) that continue a string begun on an earlier line: indenting them would
    change the string."""
    import io
    import tokenize
    inside: set[int] = set()
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type in (tokenize.STRING, getattr(tokenize, "FSTRING_MIDDLE", -1)) \
                and token.end[0] > token.start[0]:
            inside.update(range(token.start[0] + 1, token.end[0] + 1))
    return inside


def to_static_method(program: Program, module: ast.Module) -> Variant:
    """Each top-level function that may move becomes a static method of a class of its own
    module (`Fn_x.x`); every read of its name becomes `Fn_x.x`."""
    parts = segments(program, module)
    declared = globals_declared(module)
    counts = binding_counts(parts)
    once = {n for n, c in counts.items() if c == 1}
    spelled = string_words(module) | in_fstrings(module)
    continuing = _string_lines(program.text)
    main = Module(f"{PACKAGE}/{MAIN}.py")
    moved: dict[str, Module] = {}
    holders: dict[str, str] = {}
    for segment in parts:
        name = movable(segment, declared, once, (ast.FunctionDef, ast.AsyncFunctionDef))
        if name is None or name in spelled or bound_anywhere_else(module, name):
            main.segments.append(segment)
            continue
        holder = f"Fn_{name}"
        part = Module(f"{PACKAGE}/fn_{name.lower()}.py", [segment])
        while any(m.path.lower() == part.path.lower() for m in moved.values()):
            part.path = part.path.removesuffix(".py") + "_.py"
        moved[name] = part
        holders[name] = holder
    if not moved:
        raise Excluded("no top-level function can move")
    home: dict[str, Module] = dict(moved)
    claim_the_rest(home, main, main.segments)
    header = program_imports(program, parts)
    variant = Variant(program)
    variant.files[f"{PACKAGE}/__init__.py"] = Built()
    for part in [main, *moved.values()]:
        wanted: dict[str, set[str]] = {}
        for segment in part.segments:
            for stmt in segment.statements:
                for node in ast.walk(stmt):
                    if not isinstance(node, ast.Name) or node.id not in home:
                        continue
                    if node.id in moved and isinstance(node.ctx, ast.Load):
                        part.edits.append(name_edit(program, node,
                                                    f"{holders[node.id]}.{node.id}"))
                        if home[node.id] is not part:
                            wanted.setdefault(home[node.id].path, set()).add(holders[node.id])
                    elif home[node.id] is not part and node.id not in moved:
                        wanted.setdefault(home[node.id].path, set()).add(node.id)
        by_path = {m.path: m for m in [main, *moved.values()]}
        for path, names in sorted(wanted.items()):
            part.imports.append(import_line(part, by_path[path], sorted(names), relative=False))
    for name, part in moved.items():
        segment = part.segments[0]
        first = _first_line(segment.statement)
        last = segment.statement.end_lineno or first
        for line in range(first, last + 1):
            if line not in continuing and program.text[program.starts[line - 1]] != "\n":
                part.edits.append(Edit(program.starts[line - 1], program.starts[line - 1],
                                       "    "))
        built = Built()
        built.write_copy(header)
        for line_text in part.imports:
            built.write(line_text)
        built.write(f"\n\nclass {holders[name]}:\n    @staticmethod\n")
        built.copy(program, program.starts[first - 1], segment.end, part.edits)
        variant.files[part.path] = built
    variant.files[main.path] = render(program, main, None)
    return variant
