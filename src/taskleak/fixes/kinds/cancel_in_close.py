"""Cancel-in-close fix (unsafe) for task-never-cleaned: cancel an attribute's task at the end of
the class's final close method.

    async def close(self) -> None:
        self._sessions.clear()
->
    async def close(self) -> None:
        self._sessions.clear()
        if self._sweeper is not None:
            self._sweeper.cancel()
            await asyncio.gather(self._sweeper, return_exceptions=True)

Unsafe: a task that used to keep running is now stopped. Done carefully:
- only in a *final* close: a close-like method (`close`, `aclose`, `stop`, `shutdown`,
  `disconnect`, `__aexit__`; async ones first) that no other method of the class calls (a
  `reconnect()` that calls `disconnect()`, a handler that closes its connection: cancelling
  there would stop tasks the object still needs, or the caller itself);
- never in the method the task runs (a watcher that closes its owner would cancel itself);
- after the method's own statements (its graceful waits and messages come first), before a
  final `return`;
- the wait never swallows the caller's cancellation: `gather(..., return_exceptions=True)`
  collects the task's own `CancelledError` (or failure) as a value, while a cancellation of the
  task running `close()` still propagates (`contextlib.suppress(CancelledError)` around
  `await task` swallowed both). In a sync method the task is only cancelled.
When the spawn sits in a method that runs again and again (`connect`, `on_*` ...), the previous
task is also cancelled before each new spawn (as `cancel_previous` does).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.fates import FateKind
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.scopes import ScopeKind
from taskleak.analysis.tree.vocabulary import CLOSE_METHODS, INIT_METHODS
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Edits
from taskleak.fixes.imports import module_ref
from taskleak.fixes.kinds.cancel_previous import attribute_initialised, stored_target
from taskleak.fixes.plan import NoFix, Offer
from taskleak.fixes.sets import close_method, first_param, part_of_closing, self_param
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
        if any(o.key == target.value and o.dest.kind is Flow.BOUND
               and any(isinstance(t, cst.Attribute) for t in o.dest.targets)
               for o in scope.occurrences):
            return NoFix(f"the task reaches its attribute through the local `{target.value}`: "
                         "taskleak only rewrites `self.x = <spawn>`")
        return NoFix(f"the task is kept in the local `{target.value}` of {scope.name}(): where "
                     "it should end there (a `finally`) is a design decision")
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
    if _runs(sp, method.self_name or "", close.name.value):
        return NoFix(f"the task runs {close.name.value}() itself: cancelling it there would "
                     "cancel the close")
    if part_of_closing(sp):
        return NoFix(f"spawned as part of closing ({method.name}()): cancelling it on close "
                     "would stop the shutdown work itself")
    callers = _callers(ctx, cls_node, close)
    if callers:
        return NoFix(f"{close.name.value}() is also called by {', '.join(callers)}(): it is "
                     "not the object's final close, and cancelling there would stop a task "
                     "the object still needs")
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
    what = f"cancel self.{attr} at the end of {close.name.value}()"
    if repeats:
        what += f" and before it is re-spawned in {method.name}()"
    what += " (the task no longer runs on after its owner is closed)"

    def build(edits: Edits) -> None:
        close_self = first_param(close)
        ref = f"{close_self}.{attr}"
        code = f"if {ref} is not None:\n    {ref}.cancel()"
        if close.asynchronous is not None:
            asyncio_ref = module_ref(edits, ctx, "asyncio")
            code += f"\n    await {asyncio_ref}.gather({ref}, return_exceptions=True)"
        _append_to_body(edits, close, code)
        if repeats:
            own = f"{self_in_method}.{attr}"
            edits.insert_before(pl.line, edits.statements(
                f"if {own} is not None:\n    {own}.cancel()", at=pl.line))

    return Offer(KIND, False, what, build)


def _append_to_body(edits: Edits, fn: cst.FunctionDef, code: str) -> None:
    """`code` after the method's last statement (instead of a bare `pass`), or before it when
    it is a `return`/`raise`."""
    assert isinstance(fn.body, cst.IndentedBlock)
    last = fn.body.body[-1]
    ends = isinstance(last, cst.SimpleStatementLine) and len(last.body) == 1 \
        and isinstance(last.body[0], (cst.Return, cst.Raise))
    new = edits.statements(code, at=last)
    if ends:
        edits.insert_before(last, new)
        return
    edits.insert_after(last, new)
    if isinstance(last, cst.SimpleStatementLine) and len(last.body) == 1 \
            and isinstance(last.body[0], cst.Pass) and not last.leading_lines \
            and last.trailing_whitespace.comment is None:
        edits.removed.add(last)  # `pass` was the whole body's work: now dead


def _runs(sp: Spawn, self_name: str, name: str) -> bool:
    """The spawned coroutine is `self.<name>()`: the close method itself."""
    args = sp.site.args
    coro = args[0].value if args else None
    return isinstance(coro, cst.Call) and isinstance(coro.func, cst.Attribute) \
        and isinstance(coro.func.value, cst.Name) and coro.func.value.value == self_name \
        and coro.func.attr.value == name


def _callers(ctx: FixContext, cls: cst.ClassDef, close: cst.FunctionDef) -> list[str]:
    """The methods of the class, other than the close itself and the context-manager exits,
    that call `self.<close>(...)`."""
    found: list[str] = []
    body = cls.body.body if isinstance(cls.body, cst.IndentedBlock) else ()
    for stmt in body:
        if not isinstance(stmt, cst.FunctionDef) or stmt is close \
                or stmt.name.value in FINAL_EXITS:
            continue
        self_name = self_param(stmt)  # None for a static or class method
        if self_name and f"{self_name}.{close.name.value}(" in ctx.module.code_for_node(stmt):
            found.append(stmt.name.value)
    return found


# methods that end the object's use: a close called from them is still the final close
FINAL_EXITS = frozenset({"__aexit__", "__exit__", "__del__", "aclose", "close"})


def _repeats(ctx: FixContext, sp: Spawn) -> bool:
    """The spawn runs again while its task lives (and no guard makes it a singleton): the fix
    also cancels the previous task before each re-spawn."""
    fates = ctx.fates(sp)
    return any(f.repeating for f in fates) and not any(
        f.kind is FateKind.SINGLETON for f in fates)
