"""The module's own spawn helpers, judged where this module calls them.

A function of this module that spawns a task and returns it, or spawns what a parameter gives and
keeps the task (`exports.spawn_helpers`), is a spawner to its callers, like a configured one
(`spawners.py`): each call of it here is a spawn, judged by what the caller does with the result
when the helper returns it, or by what the helper promises when it keeps the task.

A call is the helper's when it resolves to it: its name (`start(coro)`, bound only by the `def`),
or `self.name(...)` in a method of the helper's class or of a class of this module derived from
it (an override in between is not the helper). A helper that returns a collection of tasks is
left to the join's call-site rows (`returned.py`: one task's fixes do not fit a collection).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

import libcst as cst

from taskleak.analysis.facts.interface import FunctionFacts
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.spawners import Spawner, helper_spawner, is_helper
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import (
    BindingKind,
    CallSite,
    Scope,
    ScopeKind,
    called_through_class,
)
from taskleak.analysis.tree.walk import Walker

# A helper that calls a helper of the module is one more round, until a round finds no new
# one called: at most this many (gramly's `reply` -> `send` -> `_api_call` -> `_schedule` is four
# deep; three rounds left its fourth level to the project's helper round when the module was
# split, and unjudged when it was not).
MAX_ROUNDS = 10


def helper_spawners(functions: Iterable[FunctionFacts]) -> dict[str, Spawner]:
    """Qualified name -> the spawner each helper is to its callers (named by its last name, as
    messages show it: "handed to spawn(), which keeps and ends it")."""
    return {f.qualname: helper_spawner(f, f.qualname.rsplit(".", 1)[-1]) for f in functions
            if is_helper(f)}


def called_in(text: str | None, helpers: Iterable[str]) -> bool:
    """Whether any helper's name is called (followed by `(`) or handed to a call that calls it
    back (`loop.call_soon(self.start, coro)`: followed by `,`) more often than its `def`
    accounts for (a cheap test before scanning the module again; without the text, assume it
    is)."""
    if text is None:
        return True
    names = (name.rsplit(".", 1)[-1] for name in helpers)
    return any(text.count(name + "(") + text.count(name + ",") > 1 for name in names)


class OwnCalls:
    """Which calls of a module run one of its own functions, named by qualified name: by its
    name, or `self.name(...)` through the class and this module's bases."""

    def __init__(self, module: Scope, qualnames: Collection[str]) -> None:
        self.qualnames = qualnames
        self.names = frozenset(q.rsplit(".", 1)[-1] for q in qualnames)  # what calls name
        self._classes = {s.qualname: s for s in module.walk() if s.kind is ScopeKind.CLASS}
        self._functions = {s.qualname: s for s in module.walk() if s.kind is ScopeKind.FUNCTION}

    def resolve(self, func: cst.BaseExpression, scope: Scope, resolver: Resolver) -> str | None:
        """The qualified name of the function a call of `func` in `scope` runs, or None."""
        if isinstance(func, cst.Name) and func.value in self.names:
            return self._function(func.value, scope, resolver)
        if isinstance(func, cst.Attribute) and func.attr.value in self.names:
            return self._method(func, scope, resolver)
        return None

    def _function(self, name: str, scope: Scope, resolver: Resolver) -> str | None:
        bindings = resolver.lookup(name, scope)
        if not bindings or any(b.kind is not BindingKind.DEF for b in bindings):
            return None  # rebound (or a parameter of that name): not the helper for sure
        owner = bindings[0].scope
        if owner is None or owner.kind is ScopeKind.CLASS:
            return None
        qualname = f"{owner.qualname}.{name}" if owner.qualname else name
        return qualname if qualname in self.qualnames else None

    def _method(self, func: cst.Attribute, scope: Scope, resolver: Resolver) -> str | None:
        receiver = func.value
        through_class = self._through_class(func, scope, resolver)
        if through_class is not None:
            return through_class
        method = scope.method()
        if not isinstance(receiver, cst.Name) or method is None \
                or method.self_name != receiver.value \
                or resolver.lookup(receiver.value, scope) != method.bindings.get(receiver.value):
            return None  # not the method's own `self`
        cls = scope.enclosing_class()
        return self._method_of(cls, func.attr.value, set()) if cls is not None else None

    def _through_class(self, func: cst.Attribute, scope: Scope, resolver: Resolver
                       ) -> str | None:
        """`Jobs.spawn(...)`: a static or class method of a class of this module, called
        through the name only its `class` statement binds."""
        if not isinstance(func.value, cst.Name):
            return None
        name = func.value.value
        bindings = resolver.lookup(name, scope)
        if not bindings or any(b.kind is not BindingKind.CLASS for b in bindings):
            return None
        owner = bindings[0].scope
        cls = self._classes.get(f"{owner.qualname}.{name}" if owner is not None
                                and owner.qualname else name)
        found = self._method_of(cls, func.attr.value, set()) if cls is not None else None
        function = self._functions.get(found) if found is not None else None
        return found if function is not None and called_through_class(function) else None

    def _method_of(self, cls: Scope, name: str, seen: set[str]) -> str | None:
        """The helper `self.name` is in `cls`: its own method, else its bases' (this module's
        classes, in order); a method that is not a helper hides the bases' one."""
        if cls.qualname in seen:
            return None
        seen.add(cls.qualname)
        own = cls.bindings.get(name)
        if own:
            qualname = f"{cls.qualname}.{name}"
            return qualname if qualname in self.qualnames \
                and own[0].kind is BindingKind.DEF else None
        if not isinstance(cls.node, cst.ClassDef):
            return None
        for arg in cls.node.bases:
            base = self._classes.get(dotted(arg.value) or "")
            if base is not None:
                found = self._method_of(base, name, seen)
                if found is not None:
                    return found
        return None


class LocalHelpers(OwnCalls):
    """Which calls of a module are its own spawn helpers' (one per `find_spawns` pass)."""

    def __init__(self, module: Scope, helpers: Mapping[str, Spawner]) -> None:
        super().__init__(module, helpers.keys())
        self.helpers = helpers

    def spawner(self, site: CallSite, resolver: Resolver) -> tuple[str, Spawner] | None:
        """(qualified name, spawner) of the helper this call resolves to, or None."""
        found = self.resolve(site.func, site.scope, resolver)
        return (found, self.helpers[found]) if found is not None else None


def passing_on(module: Scope, resolver: Resolver, functions: Sequence[FunctionFacts]
               ) -> tuple[FunctionFacts, ...]:
    """The functions of the module that spawn nothing but return what one of its helpers
    returning a collection of tasks returns (`return self.dispatch_manual_event(...)`): a
    call that drops their result drops those tasks (`FunctionFacts.via`). (A helper of one task
    needs no such fact: the call it returns is a spawn of its own, `helper_spawners`.)"""
    many = {f.qualname: f for f in functions if f.many}
    if not many:
        return ()
    calls = OwnCalls(module, many.keys())
    known = {f.qualname for f in functions}
    out: list[FunctionFacts] = []
    for scope in module.walk():
        node = scope.node
        if scope.kind is not ScopeKind.FUNCTION or not isinstance(node, cst.FunctionDef) \
                or scope.qualname in known:
            continue
        for value in _returned_calls(node):
            found = calls.resolve(value.func, scope, resolver)
            if found is not None:
                params = node.params
                out.append(FunctionFacts(
                    scope.qualname,
                    tuple(p.name.value for p in (*params.posonly_params, *params.params)),
                    many[found].promise, method=scope.self_name is not None, many=True,
                    via=found))
                break
    return tuple(out)


class _Returns(Walker):
    """The calls a function's own `return` statements return (not its nested functions')."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[cst.Call] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_Return(self, node: cst.Return) -> None:
        if isinstance(node.value, cst.Call):
            self.calls.append(node.value)


def _returned_calls(function: cst.FunctionDef) -> list[cst.Call]:
    walker = _Returns()
    walker.walk(function.body)
    return walker.calls
