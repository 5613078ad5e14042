"""Discard-callback fix (safe) for collection-never-pruned: a set of tasks prunes itself as each
task finishes.

    task = asyncio.create_task(self._forward(message))
    self._tasks.add(task)
->
    task = asyncio.create_task(self._forward(message))
    self._tasks.add(task)
    task.add_done_callback(self._tasks.discard)

Only for sets (created as `set()`, a set literal or comprehension, or a `WeakSet`): a list or a
dict has no `discard`, and which entry to drop is for the author to say.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind, Scope
from taskleak.fixes.context import FixContext, Placement
from taskleak.fixes.edits import Edits
from taskleak.fixes.plan import NoFix, Offer
from taskleak.fixes.sets import fresh_local, is_set_value
from taskleak.fixes.shapes import Form, Shape, spawn_shape
from taskleak.rules import FixKind, Verdict

KIND = FixKind.DISCARD_CALLBACK


def offer(ctx: FixContext, sp: Spawn, verdict: Verdict) -> Offer | NoFix:
    scope = sp.site.scope
    call = sp.site.node
    pl = ctx.placement(call)
    direct = _direct_add(pl, call) if pl is not None else None
    later: tuple[cst.Expr, str] | None = None
    shape = spawn_shape(ctx, call)
    if direct is None:
        if isinstance(shape, NoFix):
            return shape
        if shape.form is Form.BOUND and shape.target is not None:
            later = _later_add(scope, shape.target.value)
    found = direct or later
    if found is None:
        return NoFix("the task is not added to its collection with `.add(task)`: prune a list "
                     "or dict by hand, or switch to a set")
    stmt, coll = found
    if not _is_set(ctx, scope, coll):
        return NoFix(f"{coll} is not visibly a set (created with set() or a set literal): "
                     "prune it by hand")

    def build(edits: Edits) -> None:
        if direct is not None:  # `X.add(spawn)`: name the task first
            name = fresh_local(ctx, scope)
            first = cst.Assign(targets=[cst.AssignTarget(target=cst.Name(name))], value=call)
            rest = stmt.deep_replace(call, cst.Name(name))
            assert isinstance(rest, cst.BaseSmallStatement)
            callback = edits.small_statements(f"{name}.add_done_callback({coll}.discard)",
                                              at=ctx.own_line(stmt))
            edits.replace_small(stmt, [first, rest, *callback])
        else:
            assert isinstance(shape, Shape) and shape.target is not None
            callback = edits.small_statements(
                f"{shape.target.value}.add_done_callback({coll}.discard)",
                at=ctx.own_line(stmt))
            edits.replace_small(stmt, [stmt, *callback])

    return Offer(KIND, True, f"prune {coll} with a discard done-callback", build)


def _add_call(expr: cst.Expr) -> tuple[str, cst.BaseExpression] | None:
    """`X.add(arg)` -> ("X", arg)."""
    call = expr.value
    if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "add" and len(call.args) == 1
            and call.args[0].keyword is None and not call.args[0].star):
        return None
    coll = dotted(call.func.value)
    if coll is None:
        return None
    return coll, call.args[0].value


def _direct_add(pl: Placement, call: cst.Call) -> tuple[cst.Expr, str] | None:
    """`X.add(<spawn>)` as the whole statement."""
    small = pl.small
    if not isinstance(small, cst.Expr) or pl.crosses[-1:] != (small.value,):
        return None
    found = _add_call(small)
    return (small, found[0]) if found is not None and found[1] is call else None


class _Adds(cst.CSTVisitor):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.found: list[tuple[cst.Expr, str]] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False  # nested functions are other scopes

    def visit_Expr(self, node: cst.Expr) -> None:
        found = _add_call(node)
        if found is not None and isinstance(found[1], cst.Name) and found[1].value == self.name:
            self.found.append((node, found[0]))


def _later_add(scope: Scope, name: str) -> tuple[cst.Expr, str] | None:
    node = scope.node
    if not isinstance(node, cst.FunctionDef):
        return None
    visitor = _Adds(name)
    node.body.visit(visitor)
    return visitor.found[0] if visitor.found else None


def _is_set(ctx: FixContext, scope: Scope, coll: str) -> bool:
    parts = coll.split(".")
    if len(parts) == 2:
        access = ctx.instance_access(scope)
        if access is None or parts[0] != access[2]:
            return False
        values: list[cst.BaseExpression | None] = [
            v for v, _ in access[0].attr_bindings.get(parts[1], [])]
        values += [b.value for b in access[0].bindings.get(parts[1], [])
                   if b.kind is BindingKind.ASSIGN]
    elif len(parts) == 1:
        values = [b.value for b in ctx.root.bindings.get(coll, [])
                  if b.kind is BindingKind.ASSIGN]
    else:
        return False
    return bool(values) and all(is_set_value(v) for v in values)
