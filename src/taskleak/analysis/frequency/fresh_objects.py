"""A call of the storing method on an object its caller has just made in place of one it
ended: each run of the caller stores into another object, so the store replaces no task an
earlier run stored there.

`for conn in (self._conn,): await conn.disconnect()`, then `self._conn = Connection(...)` and
`await self._conn.connect()`, in a `start()` that a reconnect runs again: `connect()` stores
its reader in `self._reader` of the connection it is called on; each run calls it on a new
one, after a method that ends that holder (`disconnect()` cancels `self._reader`) was called
on the one it replaces (which, having run the store, is of the storing method's class,
whatever class the new one is made of: `self._runtime_class(...)`). The object is made in the
caller's own block, in a statement before the call's (or on every way through one: a `try`
and each of its handlers, an `if` and its `else`), no loop between them (a loop around the
call but not the making calls the same object again on its next turn). Near misses: an object
made once (in `__init__`, or before the loop that calls it), made on one branch only (`if not
self._conn:`), replaced with nothing ending the old one (its reader runs on, held by nothing:
the store is still read as entered again, as before this fact), or kept in a local (dropped
with its task). Calls from other modules are the join's (`project/reentry.py`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind, Occurrence, Scope

_LOOPS = (cst.For, cst.While)
_DEFINITIONS = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


def on_an_object_made_first(call: Occurrence, cls: Scope, enders: tuple[Scope, ...]) -> bool:
    """`call` (of a method of `cls`) is on an object its function, a method, made just before
    into an attribute of its own object, after calling one of `enders` (methods of `cls` that
    end the holder) on the object it replaces: that one, which ran the store, is of `cls` (see
    the module docstring)."""
    replaced = replaced_object(call)
    return replaced is not None \
        and bool(replaced[1] & {m.name for m in enders if m.enclosing_class() is cls})


def replaced_object(call: Occurrence) -> tuple[cst.Call, frozenset[str]] | None:
    """For `call` on an attribute of its method's own object (`self._conn.connect()`) made
    just before (`self._conn = Connection(...)`): that constructor call, and the methods called
    before `call` on the object it replaces (directly, or through a loop's name: `for conn in
    (self._conn,): await conn.disconnect()`); None otherwise."""
    receiver = call.key.rpartition(".")[0]
    method = call.scope.method()
    if call.dest.kind is not Flow.CALLED or not call.path or method is None \
            or not method.self_name or receiver.partition(".")[0] != method.self_name \
            or "." not in receiver:
        return None
    made = _made_before(call.path, receiver)
    if not isinstance(made, cst.Call):
        return None
    # (what is called before the object is made: on the one it replaces)
    at = min((o.seq for o in call.scope.occurrences if any(n is made for n in o.path)),
             default=call.seq)
    return made, frozenset(name for o in call.scope.occurrences
                           if o.seq < at and o.dest.kind is Flow.CALLED
                           and (name := _called_on(o, receiver)))


def _called_on(o: Occurrence, receiver: str) -> str:
    """The method `o` calls on `receiver`, or on a loop's name that takes `receiver` in turn
    (`for conn in (self._primary, self._backup): await conn.disconnect()`); "" otherwise."""
    head, _, name = o.key.rpartition(".")
    if head == receiver:
        return name
    bindings = o.scope.bindings.get(head, []) if "." not in head else []
    return name if bindings and all(
        b.kind is BindingKind.FOR and isinstance(b.iterates, (cst.Tuple, cst.List))
        and any(dotted(e.value) == receiver for e in b.iterates.elements)
        for b in bindings) else ""


def _made_before(path: tuple[cst.CSTNode, ...], receiver: str) -> cst.BaseExpression | None:
    """The value the last statement before the call's, in a block around it inside its
    function and its innermost loop, assigns to `receiver` alone; None when there is none."""
    for at in range(len(path) - 2, -1, -1):
        node, inner = path[at], path[at + 1]
        if isinstance(node, (*_DEFINITIONS, *_LOOPS)):
            return None
        body = node.body if isinstance(node, (cst.IndentedBlock, cst.Module)) else ()
        at_inner = next((i for i, s in enumerate(body) if s is inner), None)
        if at_inner is None:
            continue
        for stmt in reversed(body[:at_inner]):
            value = _assigned(stmt, receiver)
            if value is not None:
                return value
    return None


def _assigned(stmt: cst.CSTNode, receiver: str) -> cst.BaseExpression | None:
    """What `stmt` (`receiver = value`, one target) assigns to `receiver`; of a `try` whose
    body and every handler assign it (`try: self._c = C(a, b)` / `except TypeError: self._c =
    C(a)`), or an `if` whose every branch does, what its first block assigns: every way
    through makes the object anew."""
    if isinstance(stmt, (cst.Try, cst.If)):
        # (a block that raises or returns at its end never reaches the call)
        blocks = [b for b in _blocks(stmt) if not _leaves(b)]
        found = [_assigned_in(b, receiver) for b in blocks]
        return found[0] if blocks and all(v is not None for v in found) else None
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return None
    small = stmt.body[0]
    if isinstance(small, cst.Assign) and len(small.targets) == 1 \
            and dotted(small.targets[0].target) == receiver:
        return small.value
    if isinstance(small, cst.AnnAssign) and small.value is not None \
            and dotted(small.target) == receiver:
        return small.value
    return None


def _blocks(stmt: cst.Try | cst.If) -> list[cst.BaseSuite]:
    """The blocks one of which every way through `stmt` runs (none when one may be skipped:
    an `if` with no `else`, a `try` with a `finally` or an `else`)."""
    if isinstance(stmt, cst.Try):
        if stmt.orelse is not None or stmt.finalbody is not None:
            return []
        return [stmt.body, *(h.body for h in stmt.handlers)]
    blocks: list[cst.BaseSuite] = []
    branch: cst.If | cst.Else | None = stmt
    while isinstance(branch, cst.If):
        blocks.append(branch.body)
        branch = branch.orelse
    return [*blocks, branch.body] if branch is not None else []


def _assigned_in(block: cst.BaseSuite, receiver: str) -> cst.BaseExpression | None:
    """What the last statement of `block` that assigns `receiver` assigns."""
    body = block.body if isinstance(block, cst.IndentedBlock) else ()
    return next((v for stmt in reversed(body) if (v := _assigned(stmt, receiver)) is not None),
                None)


def _leaves(block: cst.BaseSuite) -> bool:
    """`block` ends in a `raise` or a `return`."""
    body = block.body if isinstance(block, cst.IndentedBlock) else ()
    last = body[-1] if body else None
    return isinstance(last, cst.SimpleStatementLine) and bool(last.body) \
        and isinstance(last.body[-1], (cst.Raise, cst.Return))
