"""What other modules read of a module's classes (`ClassFacts`): the project's class tree, the
types of attributes, and which methods an object of a subclass runs (`project/spawn_objects.py`
reads `extends`: a method calling `super()` runs the one it overrides too)."""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.interface import ClassFacts
from taskleak.analysis.names.attribute_types import attribute_types, init_parameters, type_name
from taskleak.analysis.names.stubs import stub_methods
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import Scope, ScopeKind


def class_facts(root: Scope, ownership: Ownership) -> tuple[ClassFacts, ...]:
    """Each class of the module: its bases, attributes, methods, declared types, the
    interface methods it only declares, and the methods that call `super()`."""
    resolver = ownership.resolver
    # the methods that call `super()`: they run what they override too
    extending: dict[int, set[str]] = {}
    for occ in ownership.reads.by_key.get("super", ()):
        method = occ.scope.method()
        cls = method.enclosing_class() if method is not None else None
        if method is not None and cls is not None and occ.dest.kind is Flow.CALLED:
            extending.setdefault(id(cls), set()).add(method.name)
    out: list[ClassFacts] = []
    for scope in root.walk():
        if scope.kind is ScopeKind.CLASS and isinstance(scope.node, cst.ClassDef):
            # `MessageDispatcher[str, Message]`: a generic base is its class
            bases = tuple(b for arg in scope.node.bases if (b := type_name(arg.value)))
            methods = tuple(c.name for c in scope.children if c.kind is ScopeKind.FUNCTION)
            out.append(ClassFacts(scope.qualname, bases, tuple(sorted(scope.attr_bindings)),
                                  methods, attribute_types(scope, resolver),
                                  init_parameters(scope, resolver), stub_methods(scope),
                                  tuple(sorted(extending.get(id(scope), ())))))
    return tuple(out)
