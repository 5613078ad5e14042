"""Cancel-in-close fix (safe) for task-never-cleaned: cancel an attribute's task in the class's
close method.

    async def close(self) -> None:
        self._sessions.clear()
->
    async def close(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sweeper
        self._sessions.clear()

The close-like method is the class's `close`, `aclose`, `stop`, `shutdown`, `disconnect` or
`__aexit__` (async ones first); in a sync method the task is only cancelled. Nothing changes
while the owner is in use, so the fix is safe, except when the spawn sits in a method that runs
again and again (`connect`, `on_*` ...): then the previous task must also be cancelled before the
new spawn (as `cancel_previous` does), which makes the combined fix unsafe.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.fates import FateKind
from taskleak.analysis.nodes import dotted
from taskleak.analysis.scopes import ScopeKind
from taskleak.analysis.spawns import Spawn
from taskleak.analysis.vocabulary import CLOSE_METHODS, INIT_METHODS
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Edits
from taskleak.fixes.imports import header, module_ref
from taskleak.fixes.kinds.cancel_previous import attribute_initialised, stored_target
from taskleak.fixes.plan import NoFix, Offer
from taskleak.fixes.sets import close_method, first_param, part_of_closing
from taskleak.rules import FixKind, Verdict

KIND = FixKind.CANCEL_IN_CLOSE


def _not_an_attribute(ctx: FixContext, sp: Spawn, target: cst.BaseExpression) -> NoFix:
    """Why a task stored in `target` (not `self.x`) gets no fix."""
    if isinstance(target, cst.Name):
        scope = sp.site.scope
        if scope.kind is ScopeKind.MODULE or target.value in scope.declared_global:
            return NoFix("the task is kept in a module global: where it should end (which "
                         "shutdown hook) is a design decision")
        if scope.kind is ScopeKind.CLASS:
            return NoFix("the task is kept in a class attribute, shared by every instance: "
                         "where it should end is a design decision")
        return NoFix(f"the task reaches its attribute through the local `{target.value}`: "
                     "taskleak only rewrites `self.x = <spawn>`")
    return NoFix(f"the task is kept in `{ctx.module.code_for_node(target)}`, not in an "
                 "attribute of `self`: where it should end is a design decision")


def offer(ctx: FixContext, sp: Spawn, verdict: Verdict) -> Offer | NoFix:
    site = sp.site
    target = stored_target(ctx, sp)
    if isinstance(target, NoFix):
        return target
    if not isinstance(target, cst.Attribute):
        return _not_an_attribute(ctx, sp, target)
    access = ctx.instance_access(site.scope)
    if access is None or not isinstance(target.value, cst.Name) \
            or target.value.value != access[2]:
        return NoFix("the task is stored on another object than `self`")
    cls, method, _ = access
    cls_node = cls.node
    assert isinstance(cls_node, cst.ClassDef)
    close = close_method(cls_node)
    if close is None:
        return NoFix(f"{cls.name} has no {'/'.join(CLOSE_METHODS)} method: where the task "
                     "should end is a design decision")
    if part_of_closing(sp):
        return NoFix(f"spawned as part of closing ({method.name}()): cancelling it on close "
                     "would stop the shutdown work itself")
    attr = target.attr.value
    in_init = method.name in INIT_METHODS
    if not in_init and not attribute_initialised(ctx, cls, attr):
        return NoFix(f"self.{attr} is not initialised in __init__ (to None), so "
                     f"{close.name.value}() could not tell whether a task exists")
    if site.loops:
        return NoFix("spawned in a loop: the attribute keeps only the last task")
    repeats = _repeats(ctx, sp)
    pl = ctx.placement(site.node)
    assert pl is not None
    self_in_method = access[2]
    what = f"cancel self.{attr} in {close.name.value}()"
    if repeats:
        what += f" and before it is re-spawned in {method.name}()"

    def build(edits: Edits) -> None:
        close_self = first_param(close)
        ref = f"{close_self}.{attr}"
        code = f"if {ref} is not None:\n    {ref}.cancel()"
        if close.asynchronous is not None:
            suppress = _suppress_ref(edits, ctx)
            asyncio_ref = module_ref(edits, ctx, "asyncio")
            code += (f"\n    with {suppress}({asyncio_ref}.CancelledError):"
                     f"\n        await {ref}")
        edits.prefix_body(close, edits.statements(code, at=close, inside=True))
        if repeats:
            own = f"{self_in_method}.{attr}"
            edits.insert_before(pl.line, edits.statements(
                f"if {own} is not None:\n    {own}.cancel()", at=pl.line))

    return Offer(KIND, not repeats, what, build)


def _suppress_ref(edits: Edits, ctx: FixContext) -> str:
    """`suppress` when imported from contextlib at the top, else `contextlib.suppress`."""
    for stmt in ctx.module.body[:header(ctx.module).end]:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, cst.ImportFrom) and small.module is not None \
                        and dotted(small.module) == "contextlib" \
                        and not isinstance(small.names, cst.ImportStar):
                    for alias in small.names:
                        if dotted(alias.name) == "suppress":
                            if alias.asname is not None and isinstance(alias.asname.name,
                                                                       cst.Name):
                                return alias.asname.name.value
                            return "suppress"
    return f"{module_ref(edits, ctx, 'contextlib')}.suppress"


def _repeats(ctx: FixContext, sp: Spawn) -> bool:
    """The spawn runs again while its task lives (and no guard makes it a singleton): the fix
    also cancels the previous task before each re-spawn."""
    fates = ctx.fates(sp)
    return any(f.repeating for f in fates) and not any(
        f.kind is FateKind.SINGLETON for f in fates)
