"""An end of one entry, by the key its caller gives, ends no entry left when the object closes.

    class Bot:
        async def on_message(self, sid):
            if sid not in self._typing:
                self._typing[sid] = asyncio.create_task(self._type(sid))   # `while True`
        def _stop_typing(self, sid):                       # called when a reply is sent
            task = self._typing.pop(sid, None)
            if task: task.cancel()
        async def stop(self):  await self._client.close()  # ends none of them

Each task is ended when its own key's end comes (`_stop_typing(sid)`), a step of the object's
work, whatever the method's name. What ends the entries still there when the object closes is
a method that reads the collection whole (iterates it, its keys or values, or clears it) or a
close-like method that calls the per-key end; when neither exists, a task that runs until
cancelled runs on after its owner closed (RUBRIC convention 5: medium unless the owner's close
ends it). So such a task exports its per-key end methods as its ends (`Fate.ended_in`, with
`Fate.per_key`), which the join asks of the object's own close, its owners' and subclasses'
(`project/owner_paths.user_ends`), as it asks of an end the module never calls.

No claim (the entries may be ended on the way out) when any read of the collection in the class
is none of: an entry by a name (`self._typing[sid]`, `.pop(sid)`, `.get(sid)`, `del ...[sid]`),
a test (`sid in self._typing`, `len(...)`, `if self._typing`, `not ...`) or a store; when an
end method takes the key from anything but one of its parameters; when a call of an end
method sits in a loop (it may run for every key); or when a close-like method reaches one.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from taskleak.analysis.facts.fates import Keeper
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import ends_lifecycle
from taskleak.analysis.tree.walk import children

# the methods of a mapping that read one entry, by the key given first
_ENTRY_METHODS = frozenset({"pop", "get", "setdefault"})


def per_key_enders(holder: Holder, enders: tuple[Scope, ...], ownership: Ownership,
                   reaching: Callable[[list[Scope]], set[str]]) -> tuple[str, ...]:
    """The names of `enders` (the methods ending `holder`'s tasks) when each ends one entry of
    the collection by a key its caller gives and nothing ends the entries left when the
    object closes (see the docstring); () otherwise. `reaching`: the names of the methods
    that call some of those, in turn (`owner_paths`)."""
    cls = holder.scope
    if holder.kind is not Keeper.ATTRIBUTE or cls.kind is not ScopeKind.CLASS or not enders \
            or any(m.parent is not cls for m in enders):
        return ()
    for method in (m for m in cls.children if m.kind is ScopeKind.FUNCTION and m.self_name):
        keys = _entry_keys(method, holder.name)
        if keys is None:
            return ()  # read whole: iterated, cleared, handed on
        if any(method is e for e in enders) and not all(
                any(b.kind is BindingKind.PARAM for b in method.bindings.get(k, ()))
                for k in keys):
            return ()  # (an entry of a key the method does not take from its caller)
    if any(call.loops for ender in enders for call in ownership.callers(ender)):
        return ()
    names = {m.name for m in enders}
    if any(ends_lifecycle(name) for name in reaching(list(enders)) - names):
        return ()
    return tuple(sorted(names))


def _entry_keys(method: Scope, attribute: str) -> set[str] | None:
    """The names by which `method` reads entries of `self.<attribute>`; None when it reads the
    collection otherwise than by an entry, a test or a store."""
    node = method.node
    own = method.self_name
    if not isinstance(node, cst.FunctionDef) or own is None:
        return set()
    keys: set[str] = set()
    ok = _walk(node.body, None, f"{own}.{attribute}", keys)
    return keys if ok else None


def _walk(node: cst.CSTNode, parent: cst.CSTNode | None, key: str, keys: set[str]) -> bool:
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
            and dotted(node.func.value) == key:
        return _method_read(node, parent, key, keys)
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) \
            and node.func.value in ("len", "bool") and len(node.args) == 1 \
            and dotted(node.args[0].value) == key:
        return True
    if isinstance(node, cst.Attribute) and dotted(node) == key:
        return _entry_read(node, parent, keys)
    if isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
        return True  # (a nested definition's reads are its own)
    return all(_walk(child, node, key, keys) for child in children(node))


def _method_read(call: cst.Call, parent: cst.CSTNode | None, key: str, keys: set[str]
                 ) -> bool:
    """`self._typing.pop(sid, None)`: an entry by a name (then the rest of the arguments);
    `sid in self._typing.keys()`: a test."""
    func = call.func
    assert isinstance(func, cst.Attribute)
    if func.attr.value == "keys" and not call.args and isinstance(parent, cst.ComparisonTarget):
        return True
    first = call.args[0].value if call.args else None
    if func.attr.value not in _ENTRY_METHODS or not isinstance(first, cst.Name):
        return False
    keys.add(first.value)
    return all(_walk(a.value, a, key, keys) for a in call.args[1:])


def _entry_read(node: cst.Attribute, parent: cst.CSTNode | None, keys: set[str]) -> bool:
    """`parent` reads one entry of the collection `node` by a name (added to `keys`), tests
    it, or stores into it."""
    if isinstance(parent, cst.Subscript) and parent.value is node:
        if len(parent.slice) != 1 or not isinstance(parent.slice[0].slice, cst.Index):
            return False
        index = parent.slice[0].slice.value
        if isinstance(index, cst.Name):
            keys.add(index.value)
            return True
        return False
    if isinstance(parent, cst.AnnAssign):
        return parent.target is node  # (`x: T = self._typing` hands it on)
    return isinstance(parent, (cst.ComparisonTarget, cst.If, cst.While, cst.UnaryOperation,
                               cst.AssignTarget))
