"""Cancel-previous fix (unsafe) for task-overwritten: cancel the running task before spawning
its successor.

    self._heartbeat = asyncio.create_task(self._beat())
->
    if self._heartbeat is not None:
        self._heartbeat.cancel()
    self._heartbeat = asyncio.create_task(self._beat())

For a dict entry (`tasks[uid] = ...`) it is the seeds' conversation handler pattern:
`if uid in tasks: tasks[uid].cancel()`. Unsafe: taskleak cannot prove that the old task was
not meant to finish its work. Not offered in a loop (it would keep only the last task), nor
when the attribute or global is not initialised beforehand (the `is not None` test would fail).
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind, Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import INIT_METHODS
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Edits
from taskleak.fixes.plan import NoFix, Offer
from taskleak.rules import FixKind, Verdict

KIND = FixKind.CANCEL_PREVIOUS


def offer(ctx: FixContext, sp: Spawn, verdict: Verdict) -> Offer | NoFix:
    if sp.site.loops:
        return NoFix("re-spawned in a loop: cancelling the previous task would keep only the "
                     "last one; keep them all in a collection instead")
    target = stored_target(ctx, sp)
    if isinstance(target, NoFix):
        return target
    code = cancel_previous_code(ctx, sp, target)
    if isinstance(code, NoFix):
        return code
    pl = ctx.placement(sp.site.node)
    assert pl is not None
    shown = ctx.module.code_for_node(target)

    def build(edits: Edits) -> None:
        edits.insert_before(pl.line, edits.statements(code, at=pl.line))

    return Offer(KIND, False, f"cancel the task in {shown} before spawning its replacement",
                 build)


def stored_target(ctx: FixContext, sp: Spawn) -> cst.BaseExpression | NoFix:
    """The attribute, global or dict entry of `<target> = <spawn>` on a line of its own."""
    pl = ctx.placement(sp.site.node)
    if pl is None or not isinstance(pl.small, cst.Assign) or pl.small.value is not sp.site.node \
            or len(pl.small.targets) != 1:
        return NoFix("the task is not stored by a plain `target = spawn` statement")
    if not pl.alone:
        return NoFix("the spawn shares its line with other statements")
    return pl.small.targets[0].target


def _initialised(values: Sequence[cst.BaseExpression | None]) -> bool:
    """Set beforehand to None or to a new task (anything else may lack `.cancel()`)."""
    return bool(values) and all(
        (isinstance(v, cst.Name) and v.value == "None") or isinstance(v, cst.Call)
        for v in values)


def attribute_initialised(ctx: FixContext, cls: Scope, attr: str) -> bool:
    values: list[cst.BaseExpression | None] = [
        v for v, s in cls.attr_bindings.get(attr, []) if s.name in INIT_METHODS]
    values += [b.value for b in cls.bindings.get(attr, []) if b.kind is BindingKind.ASSIGN]
    return _initialised(values)


def cancel_previous_code(ctx: FixContext, sp: Spawn,
                         target: cst.BaseExpression) -> str | NoFix:
    scope = sp.site.scope
    if isinstance(target, cst.Attribute):
        access = ctx.instance_access(scope)
        if access is None or not isinstance(target.value, cst.Name) \
                or target.value.value != access[2]:
            return NoFix("the task is stored on another object than `self`")
        if not attribute_initialised(ctx, access[0], target.attr.value):
            return NoFix(f"{dotted(target)} is not initialised in __init__ (to None), so there "
                         "is no previous task to test for")
        ref = dotted(target)
        return f"if {ref} is not None:\n    {ref}.cancel()"
    if isinstance(target, cst.Name):
        values = [b.value for b in ctx.root.bindings.get(target.value, [])
                  if b.kind is BindingKind.ASSIGN]
        if scope.kind is not ScopeKind.MODULE and target.value not in scope.declared_global:
            return NoFix("the task is stored in a local")
        if not _initialised(values):
            return NoFix(f"the global {target.value} is not initialised to None beforehand")
        return f"if {target.value} is not None:\n    {target.value}.cancel()"
    if isinstance(target, cst.Subscript):
        holder = dotted(target.value)
        if holder is None or len(target.slice) != 1 \
                or not isinstance(target.slice[0].slice, cst.Index):
            return NoFix("the task is stored under a complex subscript")
        key = target.slice[0].slice.value
        if not (isinstance(key, (cst.SimpleString, cst.Integer)) or dotted(key) is not None):
            return NoFix("the dict key is an expression that would be evaluated twice")
        key_code = ctx.module.code_for_node(key)
        return f"if {key_code} in {holder}:\n    {holder}[{key_code}].cancel()"
    return NoFix("the task is stored in an unsupported target")
