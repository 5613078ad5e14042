"""Functions run through a dispatch table: a dict literal of handlers, looked up and called.

    self._message_handlers = self._init_message_handlers()  # {"text-input": self._on_text}
    ...
    handler = self._message_handlers.get(msg_type)
    if handler:
        await handler(websocket, client_uid, data)

`_on_text` is never called by name, yet it runs on every call of the function that calls the
table's entries: as often as that function runs (`lifecycle.py` asks how often). The table is
an attribute of the handler's own class or a module global, bound to the literal itself or to
what a function of the module returns (the literal); an entry is called where the table is
subscripted or `.get()` and the result is called, directly or through a local.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import Occurrence, Scope, ScopeKind


class DispatchTables:
    """The dispatch tables of one module and where their entries are called."""

    def __init__(self, module: Scope) -> None:
        self.module = module
        self._by_key: dict[str, list[Occurrence]] | None = None

    def calls(self, reads: list[Occurrence],
              reads_of: Callable[[Scope], list[Occurrence]]) -> list[tuple[Occurrence, str]]:
        """The calls of an entry of a table holding the function whose reads are `reads`, each
        with the table as written (`self._message_handlers`); `reads_of`: the reads of a
        function by name (`Lifecycle`'s), to follow a table a function returns."""
        out: list[tuple[Occurrence, str]] = []
        for occ in reads:
            if occ.dest.container:
                for table, scope in self._tables(occ, reads_of):
                    out += [(c, table) for c in self._entry_calls(table, scope)]
        return out

    @staticmethod
    def _tables(occ: Occurrence, reads_of: Callable[[Scope], list[Occurrence]]
                ) -> list[tuple[str, Scope]]:
        """Where the literal holding the read goes: an attribute or a global it is bound to,
        or, returned by a function, what the callers of that function bind its value to."""
        d = occ.dest
        if d.kind is Flow.BOUND:
            return _kept(d.targets, occ.scope)
        maker = occ.scope
        if d.kind is not Flow.RETURNED or maker.kind is not ScopeKind.FUNCTION:
            return []
        out: list[tuple[str, Scope]] = []
        for call in reads_of(maker):
            result = call.dest.result
            if call.dest.kind is Flow.CALLED and result is not None \
                    and result.kind is Flow.BOUND:
                out += _kept(result.targets, call.scope)
        return out

    def _entry_calls(self, table: str, where: Scope) -> list[Occurrence]:
        """The calls of an entry of `table` (bound in `where`): `table[k](...)`,
        `table.get(k)(...)`, or of a local given `table[k]` / `table.get(k)`."""
        cls = where.enclosing_class()
        out = []
        for occ in self._index().get(table, []):
            if "." in table and occ.scope.enclosing_class() is not cls:
                continue  # another class's attribute of that name
            d = occ.dest
            if d.kind is Flow.CALLED:
                out.append(occ)
            elif d.kind is Flow.BOUND and d.element:
                out += _called_later(occ, self._index())
        return out

    def _index(self) -> dict[str, list[Occurrence]]:
        if self._by_key is None:  # built once, when a module first has a table to follow
            self._by_key = {}
            for s in self.module.walk():
                for occ in s.occurrences:
                    self._by_key.setdefault(occ.key, []).append(occ)
        return self._by_key


def _kept(targets: tuple[cst.BaseExpression, ...], scope: Scope) -> list[tuple[str, Scope]]:
    """The targets that outlive the binding: `self.<attr>` in a method, a module global."""
    method = scope.method()
    out = []
    for t in targets:
        text = dotted(t)
        if text is None:
            continue
        if isinstance(t, cst.Attribute) and method is not None \
                and text.count(".") == 1 and text.split(".")[0] == method.self_name:
            out.append((text, scope))
        elif isinstance(t, cst.Name) and scope.kind is ScopeKind.MODULE:
            out.append((text, scope))
    return out


def _called_later(bound: Occurrence, index: dict[str, list[Occurrence]]) -> list[Occurrence]:
    """The calls, after it in the same function, of the local `bound` gives an entry to."""
    names = [t.value for t in bound.dest.targets if isinstance(t, cst.Name)]
    return [o for n in names for o in index.get(n, [])
            if o.scope is bound.scope and o.seq > bound.seq and o.dest.kind is Flow.CALLED]
