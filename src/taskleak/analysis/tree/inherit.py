"""A module's classes with the members they inherit from project classes of other modules.

The ownership judgement reads a class as one unit (the Resource Leak Checker's owning fields,
ended by the class's destructor-like methods): the method that stops a task's loop, the
`__init__` that registers the handler spawning it per message, the `close()` that cancels it.
Where those live in a base class of another module, the class seen alone has none of them,
and the same code judged otherwise than in one module (issue 68's base-class transforms). So a
module whose spawns sit in such a class is analysed again with the class's inherited members
(those it does not define itself, in the order its bases give them) placed in its body, and the
base modules' imports the members need appended to it.

A base of the same module is read the same way (`local_bases`), so a class's rows do not hang on
whether its base sits beside it or in another module.

The members keep their own nodes (a base of the same module gives copies): the module's nodes are
the same objects in the merged tree (libcst's `with_changes` shares what it does not change), so
the positions of the module's own spawns are read from the module as written (`analyse.py`), and
a spawn inside an inherited member is not this module's row (its own module, or its own class,
reports it) and is left out.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from taskleak.analysis.tree.walk import descendants
from taskleak.records import record


@record(frozen=True)
class InheritedFrom:
    """A class of the module (`subclass`, top-level) and one of its bases of another module:
    that module's tree and the class's name there, nearest base first."""

    subclass: str
    base: cst.Module
    base_class: str
    same_package: bool  # the base module's relative imports mean the same here
    # the base module's dotted name and the classes and functions it defines at its top level:
    # those its members read (`self._tm = TaskManager()`) are imported from there (`base` may
    # hold only the class and the imports)
    module: str = ""
    defines: tuple[str, ...] = ()


def merged(module: cst.Module, inherited: Sequence[InheritedFrom],
           origins: dict[int, str] | None = None) -> tuple[cst.Module, frozenset[int]]:
    """`module` with each class's inherited members in its body (a member a class or a nearer
    base defines is not inherited), and the imports they need after its code; and the ids of
    the nodes added (a spawn under one is another module's). `origins`, when given, gets the
    class each added member comes from, by the member's id: "pkg.base:Base" ("":Base for one
    of the same module)."""
    added: list[cst.CSTNode] = []
    bodies: dict[str, list[cst.BaseStatement]] = {}
    merged_bases: dict[str, set[str]] = {}  # the bases of the same module read into a class
    imports: list[cst.SimpleStatementLine] = []
    bound = _module_names(module)
    for item in _bases_merged_first(module, inherited):
        cls = _top_class(module, item.subclass)
        base = _top_class(item.base, item.base_class)
        if cls is None or base is None:
            continue
        members = bodies.setdefault(item.subclass, [])
        defined = _member_names(_body(cls)) | _member_names(members)
        # a base of the same module gives what it inherits too (merged before it)
        theirs = bodies.get(item.base_class, []) if item.base is module else []
        found = [s for s in (*_body(base), *theirs)
                 if _names_of(s) and not _names_of(s) & defined]
        if item.base is module:  # a base of the same module: its members, copied (a node
            # has one place in a tree; the copy's spawns are the base's own rows), and the
            # class no longer derives from it (what it inherits is its own now: a base's call
            # of `self._start()` is the class's own call, not a second caller)
            found = _copies(found, origins)
            merged_bases.setdefault(item.subclass, set()).add(item.base_class)
        members += found
        if origins is not None and (item.base is module or item.module):
            origins.update((id(s), f"{'' if item.base is module else item.module}:"
                                   f"{item.base_class}") for s in found if id(s) not in origins)
        if item.base is not module:
            imports += _imports_needed(item, found, bound)
    if not any(bodies.values()):
        return module, frozenset()
    new_body: list[cst.BaseStatement] = []
    for stmt in module.body:
        more = bodies.get(stmt.name.value) if isinstance(stmt, cst.ClassDef) else None
        if more and isinstance(stmt, cst.ClassDef) and isinstance(stmt.body, cst.IndentedBlock):
            added += more
            # (a class calling `super()` keeps its bases: the methods it overrides are reached
            # through them)
            gone = set() if _calls_super(stmt) else merged_bases.get(stmt.name.value, set())
            stmt = stmt.with_changes(
                body=stmt.body.with_changes(body=(*stmt.body.body, *more)),
                bases=[a for a in stmt.bases if _base_name(a) not in gone])
        new_body.append(stmt)
    added += imports
    return module.with_changes(body=(*new_body, *imports)), frozenset(id(n) for n in added)


def _copies(found: list[cst.BaseStatement], origins: dict[int, str] | None
            ) -> list[cst.BaseStatement]:
    """Copies of a same-module base's members; a member that base inherited keeps, in
    `origins`, the class it came from."""
    copies = [s.deep_clone() for s in found]
    if origins is not None:
        origins.update([(id(c), origins[id(s)]) for s, c in zip(found, copies, strict=True)
                        if id(s) in origins])
    return copies


def _imports_needed(item: InheritedFrom, found: list[cst.BaseStatement], bound: set[str]
                    ) -> list[cst.SimpleStatementLine]:
    """The import lines the members `found` of another module's base need that the module
    does not bind yet (`bound`, which grows by what they bind)."""
    imports: list[cst.SimpleStatementLine] = []
    for stmt in item.base.body:
        names = _imported(stmt, item.same_package)
        if names and not names & bound:
            imports.append(stmt)  # type: ignore[arg-type]  # (an import line)
            bound |= names
    own = (set(item.defines) | _defined_at_top(item.base)) & _names_read(found) - bound
    if own and item.module:
        imports.append(_import_from(item.module, sorted(own)))
        bound |= own
    return imports


def _bases_merged_first(module: cst.Module, inherited: Sequence[InheritedFrom]
                        ) -> list[InheritedFrom]:
    """`inherited` with the items of a class that is a base of the same module for another
    class before that class's items (each class's own items keep their order, nearest base
    first): `class Follower(Relay)` then gets what `Relay` inherits from another module."""
    local: dict[str, set[str]] = {}
    for item in inherited:
        if item.base is module:
            local.setdefault(item.subclass, set()).add(item.base_class)
    depth: dict[str, int] = {}

    def depth_of(cls: str, seen: frozenset[str] = frozenset()) -> int:
        if cls not in depth:
            bases = [b for b in local.get(cls, ()) if b not in seen]
            depth[cls] = 1 + max((depth_of(b, seen | {cls}) for b in bases), default=-1)
        return depth[cls]

    return sorted(inherited, key=lambda item: depth_of(item.subclass))


def member_origin(module: cst.Module, cls: str, name: str, origins: dict[int, str]) -> str:
    """The class a member `name` of top-level class `cls` of a merged module came from
    (`merged`'s `origins`), "" when the class defines it itself."""
    found = _top_class(module, cls)
    return next((origins.get(id(s), "") for s in _body(found) if name in _names_of(s)), "") \
        if found is not None else ""


def local_bases(module: cst.Module) -> list[InheritedFrom]:
    """Each top-level class's bases defined in the module itself (by a plain name), nearest
    first, bases of bases too."""
    classes = {s.name.value: s for s in module.body if isinstance(s, cst.ClassDef)}
    out: list[InheritedFrom] = []
    for name, cls in classes.items():
        todo, seen = _named_bases(cls), {name}
        while todo:
            base = todo.pop(0)
            if base in seen or base not in classes:
                continue
            seen.add(base)
            out.append(InheritedFrom(name, module, base, True))
            todo += _named_bases(classes[base])
    return out


def one_local_subclass(module: cst.Module, classes: set[str]) -> list[InheritedFrom]:
    """Each of `classes` with its one subclass in the module (the one class statement naming it
    among its bases), as the source of the members it lacks: a base calling back `self.serve`
    that only its subclass defines is read with it, as the run's inheritance round reads such a
    class with its one subclass of another module (`run/inherited.py`). With two or more, which
    one's members it runs with is not known: none."""
    below: dict[str, list[str]] = {}
    for stmt in module.body:
        if isinstance(stmt, cst.ClassDef):
            for base in _named_bases(stmt):
                if base in classes and base != stmt.name.value:
                    below.setdefault(base, []).append(stmt.name.value)
    return [InheritedFrom(base, module, subs[0], True) for base, subs in below.items()
            if len(subs) == 1]


def _named_bases(cls: cst.ClassDef) -> list[str]:
    return [name for a in cls.bases if (name := _base_name(a)) is not None]


def _base_name(arg: cst.Arg) -> str | None:
    """The class a base names by a plain name: `Chain`, or `Chain[int]` (a generic class
    given its type arguments); None for a keyword (`metaclass=`) or a dotted name."""
    value = arg.value.value if isinstance(arg.value, cst.Subscript) else arg.value
    return value.value if arg.keyword is None and isinstance(value, cst.Name) else None


def own_functions(module: cst.Module) -> set[str]:
    """The qualified names of the module's top-level functions and its classes' methods."""
    out: set[str] = set()
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef):
            out.add(stmt.name.value)
        elif isinstance(stmt, cst.ClassDef) and isinstance(stmt.body, cst.IndentedBlock):
            out |= {f"{stmt.name.value}.{s.name.value}" for s in stmt.body.body
                    if isinstance(s, cst.FunctionDef)}
    return out


def _calls_super(cls: cst.ClassDef) -> bool:
    return any(isinstance(n, cst.Name) and n.value == "super" for n in descendants(cls))


def _top_class(module: cst.Module, name: str) -> cst.ClassDef | None:
    return next((s for s in module.body if isinstance(s, cst.ClassDef) and s.name.value == name
                 and isinstance(s.body, cst.IndentedBlock)), None)


def _body(cls: cst.ClassDef) -> Sequence[cst.BaseStatement]:
    return cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()


def _names_of(stmt: cst.BaseStatement) -> set[str]:
    """The member names a statement of a class body defines: a method, or class attributes
    (`x = ...`, `x: T = ...`); none for a docstring or anything else."""
    if isinstance(stmt, cst.FunctionDef):
        return {stmt.name.value}
    out: set[str] = set()
    if isinstance(stmt, cst.SimpleStatementLine):
        for small in stmt.body:
            if isinstance(small, cst.Assign):
                out |= {t.target.value for t in small.targets if isinstance(t.target, cst.Name)}
            elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                out.add(small.target.value)
    return out


def _member_names(body: Sequence[cst.BaseStatement]) -> set[str]:
    out: set[str] = set()
    for stmt in body:
        out |= _names_of(stmt)
    return out


def _module_names(module: cst.Module) -> set[str]:
    """The names the module binds at its top level by `def`, `class`, import or assignment."""
    out: set[str] = set()
    for stmt in module.body:
        if isinstance(stmt, (cst.FunctionDef, cst.ClassDef)):
            out.add(stmt.name.value)
        else:
            out |= _imported(stmt, True) | _names_of(stmt)
    return out


def _defined_at_top(module: cst.Module) -> set[str]:
    """The names a module defines itself at its top level: its classes and functions."""
    return {s.name.value for s in module.body if isinstance(s, (cst.FunctionDef, cst.ClassDef))}


def _names_read(members: Sequence[cst.BaseStatement]) -> set[str]:
    return {n.value for m in members for n in descendants(m) if isinstance(n, cst.Name)}


def _import_from(module: str, names: list[str]) -> cst.SimpleStatementLine:
    """`from pkg.main import TaskManager, Receiver`."""
    parts = module.split(".")
    dotted: cst.Attribute | cst.Name = cst.Name(parts[0])
    for part in parts[1:]:
        dotted = cst.Attribute(value=dotted, attr=cst.Name(part))
    return cst.SimpleStatementLine(body=[cst.ImportFrom(
        module=dotted, names=[cst.ImportAlias(name=cst.Name(n)) for n in names])])


def _imported(stmt: cst.CSTNode, relative_ok: bool) -> set[str]:
    """The names an import line binds (a relative import only when it means the same in the
    module it is copied to)."""
    if not isinstance(stmt, cst.SimpleStatementLine):
        return set()
    out: set[str] = set()
    for small in stmt.body:
        if isinstance(small, cst.Import):
            for alias in small.names:
                name = alias.asname.name if alias.asname is not None else alias.name
                out.add(_head(name))
        elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
            if small.relative and not relative_ok:
                return set()
            for alias in small.names:
                name = alias.asname.name if alias.asname is not None else alias.name
                out.add(_head(name))
        else:
            return set()
    return out


def _head(node: cst.BaseExpression) -> str:
    while isinstance(node, cst.Attribute):
        node = node.value
    return node.value if isinstance(node, cst.Name) else ""
