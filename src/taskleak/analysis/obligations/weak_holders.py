"""Holders that own nothing: a weak reference to a task, a weak collection of tasks.

The event loop keeps only a weak reference to a running task: a `weakref.ref(task)`, a
`WeakSet` or a `WeakValueDictionary` of tasks keeps none either (`Ownership` mixes this in).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.names.objects import class_of
from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.tree.nodes import callee_text
from taskleak.analysis.tree.scopes import BindingKind, Scope
from taskleak.analysis.tree.vocabulary import (
    WEAK_CONTAINERS,
    WEAK_KEY_CONTAINERS,
    WEAK_REFERENCES,
)


class WeakReferences:
    """Weak references and weak collections, resolved by qualified name."""

    resolver: Resolver

    def weak_call(self, callee: str, scope: Scope) -> bool:
        """`weakref.ref` / `weakref.proxy` under any import spelling."""
        return self._qualified(callee, scope) in WEAK_REFERENCES

    def weak_holder(self, holder: Holder, keys: bool = False) -> bool:
        """A holder made a `weakref.WeakSet()` / `WeakValueDictionary()` (`keys`: tasks kept as
        its keys, a `WeakKeyDictionary()` too): it owns nothing."""
        return self.made_by(holder, WEAK_KEY_CONTAINERS if keys else WEAK_CONTAINERS)

    def made_by(self, holder: Holder, makers: frozenset[str]) -> bool:
        """Every value the holder is given is a call of one of `makers` (qualified names)."""
        if holder.kind is Keeper.DOTTED:  # `RUNNER.tasks`: an attribute of a known class
            expr, _, name = holder.key.rpartition(".")
            cls = class_of(expr, holder.scope, self.resolver)
            if cls is None:
                return False
            scope, attribute = cls, True
        else:
            scope, attribute = holder.scope, holder.kind is Keeper.ATTRIBUTE
            name = holder.name if attribute else holder.key
        values = [v for v, _ in scope.attr_bindings.get(name, [])] if attribute else []
        values += [b.value for b in scope.bindings.get(name, [])
                   if b.kind is BindingKind.ASSIGN and b.value is not None]
        return bool(values) and all(
            isinstance(v, cst.Call) and self._qualified(callee_text(v.func), scope) in makers
            for v in values)

    def _qualified(self, text: str, scope: Scope) -> str:
        base, _, rest = text.partition(".")
        if not base.isidentifier():
            return ""  # a callee with no name (`handlers[0](...)`, shown as "…")
        sym = self.resolver.resolve(cst.Name(base), scope)
        if sym.kind is not SymKind.QUALIFIED:
            return ""
        return f"{sym.name}.{rest}" if rest else sym.name
