"""What other modules read of a module's classes (`ClassFacts`): the project's class tree, the
types of attributes, and which methods an object of a subclass runs (`project/spawn_objects.py`
reads `extends`: a method calling `super()` runs the one it overrides too)."""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.interface import ClassFacts
from taskleak.analysis.names.attribute_types import (
    attribute_types,
    element_types,
    init_parameters,
    type_name,
)
from taskleak.analysis.names.spawner_attributes import spawner_attributes
from taskleak.analysis.names.stubs import stub_methods
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.obligations.subclass_ends import calls_super
from taskleak.analysis.summaries.constructor_fields import constructor_fields
from taskleak.analysis.summaries.flag_stops import class_flags
from taskleak.analysis.summaries.method_ends import method_effects
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import last_name
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import ends_lifecycle


def class_facts(root: Scope, ownership: Ownership) -> tuple[ClassFacts, ...]:
    """Each class of the module: its bases, attributes, methods, declared types, the
    interface methods it only declares, the methods that call `super()`, what its
    close-like methods call on itself, and what each method ends, stores and calls."""
    resolver = ownership.resolver
    out: list[ClassFacts] = []
    for scope in root.walk():
        if scope.kind is ScopeKind.CLASS and isinstance(scope.node, cst.ClassDef):
            # `MessageDispatcher[str, Message]`: a generic base is its class
            bases = tuple(b for arg in scope.node.bases if (b := type_name(arg.value)))
            methods = tuple(c.name for c in scope.children if c.kind is ScopeKind.FUNCTION)
            out.append(ClassFacts(scope.qualname, bases, tuple(sorted(scope.attr_bindings)),
                                  methods, attribute_types(scope, resolver),
                                  init_parameters(scope, resolver), stub_methods(scope),
                                  tuple(sorted(m.name for m in scope.children
                                               if m.kind is ScopeKind.FUNCTION
                                               and calls_super(m, ownership.reads))),
                                  _close_calls(scope), method_effects(scope),
                                  class_flags(scope), tuple(sorted(spawner_attributes(scope))),
                                  constructor_fields(scope, resolver),
                                  element_types(scope), _class_names(scope)))
    return tuple(out)


def _class_names(cls: Scope) -> tuple[str, ...]:
    """The names the class body binds to a value (`_tasks = []`, `_tasks: list = []`)."""
    return tuple(sorted(name for name, bindings in cls.bindings.items()
                        if any(b.kind is BindingKind.ASSIGN for b in bindings)))


def _close_calls(cls: Scope) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each close-like method of the class, and the names it calls on `self` or through
    `super()`, following the class's own methods it calls."""
    methods = {m.name: m for m in cls.children if m.kind is ScopeKind.FUNCTION and m.self_name}
    out = []
    for name, closer in methods.items():
        if not ends_lifecycle(name):
            continue
        todo, seen = [closer], {id(closer)}
        called: set[str] = set()
        while todo:
            method = todo.pop()
            for scope in method.walk():
                for o in scope.occurrences:
                    callee = _self_call(o, method.self_name or "")
                    target = methods.get(callee) if callee else None
                    called.add(callee)
                    if target is not None and id(target) not in seen:
                        seen.add(id(target))
                        todo.append(target)
        out.append((name, tuple(sorted(called - {""}))))
    return tuple(out)


def _self_call(o: Occurrence, me: str) -> str:
    """`self.stop()` -> "stop"; `super().close()` -> "close"; "" otherwise."""
    d = o.dest
    if o.key == me and d.kind is Flow.METHOD:
        return d.callee
    if o.key == "super" and d.kind is Flow.CALLED and d.result is not None \
            and d.result.kind is Flow.METHOD:
        return d.result.callee
    return ""


def calling_back_classes(root: Scope) -> tuple[str, ...]:
    """The top-level classes handing a call that calls back (`scan`'s `Scope.called_back`:
    `io_loop.add_callback(self.run)`, `loop.call_soon(partial(self._hello, x))`) a method of
    `self` the class neither defines nor stores: a base of another module or the one subclass
    gives it, and only the class read whole with it tells whether the call runs a coroutine
    function (`run/inherited.classes_to_read_whole`, `pipeline._with_local_bases`)."""
    out: list[str] = []
    for scope in root.walk():
        method = scope.method() if scope.called_back else None
        cls = method.enclosing_class() if method is not None else None
        if method is None or cls is None or not method.self_name:
            continue
        own = {c.name for c in cls.children if c.kind is ScopeKind.FUNCTION}
        for site in scope.called_back:
            callback = site.func
            if isinstance(callback, cst.Call) and last_name(callback.func) == "partial" \
                    and callback.args:
                callback = callback.args[0].value
            if isinstance(callback, cst.Attribute) and isinstance(callback.value, cst.Name) \
                    and callback.value.value == method.self_name \
                    and callback.attr.value not in own \
                    and callback.attr.value not in cls.attr_bindings:
                out.append(cls.qualname.partition(".")[0])
    return tuple(dict.fromkeys(out))
