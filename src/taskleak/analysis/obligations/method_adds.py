"""`self._tm.add(task)` where `self._tm` is an object of a class: a hand-off, not a collection.

The scan reads `x.add(task)`, `x.append(task)` (`vocabulary.COLLECTION_ADDS`) as a task put in
the collection `x`, by the method's name alone. When the resolver types `x` as an instance of a
class other than the standard library's (constructed, `self._tm = TaskManager()`, or annotated,
`tm: TaskManager`), that name is no evidence: the call is a method that may keep the task in a
set pruned by a done-callback and gather it on exit (pgqueuer's `TaskManager.add`), or drop
it. The read becomes a hand-off to that method (`Flow.PASSED`), judged like any other call: a
method the analysis cannot follow there (one of another module's class, reached through a
typed attribute or a local: pgqueuer's) leaves the row low and "not followed". A receiver of no
known type keeps the scan's reading.
"""

from __future__ import annotations

from collections.abc import Iterable

import libcst as cst

from taskleak.analysis.names.attribute_types import type_name
from taskleak.analysis.names.objects import object_class
from taskleak.analysis.names.resolve import Instance, Resolver, SymKind
from taskleak.analysis.tree.dests import Dest, Flow
from taskleak.analysis.tree.nodes import callee_text, last_name
from taskleak.analysis.tree.scopes import BindingKind, Scope, ScopeKind

# modules whose classes are collections, or hold tasks as collections do (`weakref.WeakSet`,
# `collections.deque`, `asyncio.Queue`): their `add`/`append` keep the task
_COLLECTION_MODULES = ("builtins.", "collections.", "weakref.", "asyncio.", "queue.",
                       "typing.", "multiprocessing.", "array.")
_MOST_BASES = 4  # bases of bases of this module followed this deep
# the last names of collection types an annotation may give (`set[Task]`, `typing.List`)
_COLLECTION_TYPES = frozenset({"set", "frozenset", "list", "dict", "deque", "weakset",
                               "mutableset", "mutablesequence", "mutablemapping", "defaultdict",
                               "ordereddict", "weakvaluedictionary", "weakkeydictionary"})


def retype_method_adds(dests: Iterable[tuple[Dest, Scope]], resolver: Resolver) -> None:
    """Turn the collection adds whose receiver is an object of a class into hand-offs, in place,
    for these reads and calls (`Scope.dests`: every read and call of the module)."""
    for dest, scope in dests:
        _retype(dest, scope, resolver)


def _of_a_class(receiver: cst.BaseExpression, call: cst.Call, scope: Scope,
                resolver: Resolver) -> bool:
    """The receiver is an instance of an imported class outside the standard library, or of a
    class of this module that defines the method called or may inherit it from a class of
    another module (its base, or a base's base here, is imported from outside the standard
    library: `class TaskManager(TaskManagerBase)` with `add` defined there)."""
    if _declared_collection(receiver, scope, resolver):
        return False  # `tasks: set[Task] = PrivateAttr(default_factory=set)`: a set
    sym = resolver.resolve(receiver, scope)
    if sym.kind is not SymKind.INSTANCE or sym.instance is not Instance.OTHER:
        return False
    if sym.name:
        return "." in sym.name and not sym.name.startswith(_COLLECTION_MODULES)
    cls = object_class(receiver, scope, resolver)
    method = last_name(call.func)
    return cls is not None and method is not None and _has_method(cls, method, resolver, 0)


def _has_method(cls: Scope, method: str, resolver: Resolver, depth: int) -> bool:
    """`cls` defines `method`, or may inherit it: from a base of this module that does, or from
    a base imported from outside the standard library (whose methods its module knows)."""
    if any(b.kind is BindingKind.DEF for b in cls.bindings.get(method, ())):
        return True
    node = cls.node
    if depth > _MOST_BASES or not isinstance(node, cst.ClassDef) or cls.parent is None:
        return False
    for arg in node.bases:
        sym = resolver.resolve(arg.value, cls.parent)
        if sym.kind is SymKind.QUALIFIED and "." in sym.name \
                and not sym.name.startswith(_COLLECTION_MODULES):
            return True
        local = _class_named(arg.value, cls.parent)
        if local is not None and _has_method(local, method, resolver, depth + 1):
            return True
    return False


def _class_named(expr: cst.BaseExpression, scope: Scope) -> Scope | None:
    """The class of this module a base written as a plain name is (in `scope` or around it)."""
    if not isinstance(expr, cst.Name):
        return None
    s: Scope | None = scope
    while s is not None:
        found = next((c for c in s.children
                      if c.kind is ScopeKind.CLASS and c.name == expr.value), None)
        if found is not None:
            return found
        s = s.parent
    return None


def _declared_collection(receiver: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    """An annotation of the receiver (a name, or `self.x` of the method's class) names a
    collection type (`set[Task]`, `list`, `WeakSet[Task]`, `typing.Deque[Task]`)."""
    annotations: list[cst.BaseExpression] = []
    if isinstance(receiver, cst.Name):
        annotations = [a for b in resolver.lookup(receiver.value, scope) or ()
                       if (a := b.declared_type) is not None]
    elif isinstance(receiver, cst.Attribute) and isinstance(receiver.value, cst.Name):
        method, cls = scope.method(), scope.enclosing_class()
        if cls is not None and method is not None and method.self_name == receiver.value.value:
            attr = receiver.attr.value
            annotations = [a for a, _ in cls.attr_annotations.get(attr, ())]
            annotations += [a for b in cls.bindings.get(attr, ())
                            if (a := b.declared_type) is not None]
    return any(type_name(a).rsplit(".", 1)[-1].lower() in _COLLECTION_TYPES
               for a in annotations)


def _retype(d: Dest, scope: Scope, resolver: Resolver) -> None:
    if d.kind is not Flow.COLLECTION or d.call is None \
            or not isinstance(d.receiver, (cst.Name, cst.Attribute)):
        return
    if not _of_a_class(d.receiver, d.call, scope, resolver):
        return
    d.kind = Flow.PASSED
    d.callee = callee_text(d.call.func)
    d.collection = None
    d.receiver = None
