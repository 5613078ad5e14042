"""The objects each class of the module makes and keeps, and what its close-like methods call on
them (`OwnedField`): an attribute every value of which is a call of one class (or None), other
than the standard library's, with the methods called on it in the class's close-like methods or
in the methods of the class they call (`self._shutdown()`), a few calls deep. The join reads
them for the owners' paths of a task such an object keeps (`project/owner_paths.py`)."""

from __future__ import annotations

import sys

import libcst as cst

from taskleak.analysis.facts.calls import OwnedField
from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted, is_none
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import ends_lifecycle

_DEPTH = 3  # calls of the class's own methods followed from a close-like method


def owned_fields(root: Scope, resolver: Resolver) -> tuple[OwnedField, ...]:
    """The module's classes' owned objects (see the module docstring), in text order."""
    out: list[OwnedField] = []
    for cls in root.walk():
        if cls.kind is not ScopeKind.CLASS:
            continue
        methods = {m.name: m for m in cls.children
                   if m.kind is ScopeKind.FUNCTION and m.self_name}
        closers = [m for name, m in methods.items() if ends_lifecycle(name)]
        for attr, bound in cls.attr_bindings.items():
            made = _made(bound, resolver)
            if made:
                ends = sorted(_called_on(attr, closers, methods))
                out.append(OwnedField(cls.qualname, attr, made,
                                      tuple(m.name for m in closers), tuple(ends)))
    return tuple(out)


def _made(bound: list[tuple[cst.BaseExpression, Scope]], resolver: Resolver) -> str:
    """The class every value bound is a call of, as written ("" for anything else, or one of
    the standard library's: `asyncio.Queue()`)."""
    values = [v for v, _ in bound if not is_none(v)]
    calls = {dotted(v.func) for v in values if isinstance(v, cst.Call)}
    if not values or len(calls) != 1 or len(values) != sum(isinstance(v, cst.Call)
                                                              for v in values):
        return ""
    made = calls.pop()
    if made is None or (not made[:1].isupper() and "." not in made):
        return ""  # a function's result (`make_client()`), not an object made here
    sym = resolver.resolve(cst.Name(made.partition(".")[0]), bound[0][1])
    if sym.kind is SymKind.QUALIFIED and sym.name.partition(".")[0] in sys.stdlib_module_names:
        return ""
    return made


def _called_on(attr: str, closers: list[Scope], methods: dict[str, Scope]) -> set[str]:
    """The methods called on `self.<attr>` in `closers` and the class's methods they call."""
    found: set[str] = set()
    seen: set[int] = set()
    todo = [(m, 0) for m in closers]
    while todo:
        method, depth = todo.pop()
        if id(method) in seen:
            continue
        seen.add(id(method))
        key = f"{method.self_name}.{attr}"
        for scope in method.walk():
            for o in scope.occurrences:
                if o.key == key and o.dest.kind is Flow.METHOD:
                    found.add(o.dest.callee)
                head, _, name = o.key.partition(".")
                if head == method.self_name and name in methods and depth < _DEPTH \
                        and o.dest.kind is Flow.CALLED:
                    todo.append((methods[name], depth + 1))
    return found
