"""Calls that drop a task another function returns: fixed like a spawn of their own.

The project join reports them (`schedule(listener)` as a statement, where `schedule` returns
`asyncio.create_task(...)`): one module alone cannot tell that the call returns a task, so the
findings reach `taskleak fix` as targets by position. Here each target that is such a call
becomes a spawn of this module (`RETURNED`), and the tracked-set fix keeps the returned task as
it keeps a spawned one (the module's or the instance's set, the keep-helper, the project's
helper):

    schedule(listener, *args)      ->    task = schedule(listener, *args)
                                          _background_tasks.add(task)
                                          task.add_done_callback(_background_tasks.discard)

The re-check of one module cannot judge such a call (for it, the call is no spawn), so these
fixes are verified like every fix (parse, compile, comments, no other spawn worse), and the
next project run grades the call site on its merits (the task is kept and pruned).
"""

from __future__ import annotations

from collections.abc import Collection

from taskleak.analysis.facts.fates import Fate, FateKind
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.dests import Dest, Flow
from taskleak.analysis.tree.nodes import callee_text
from taskleak.analysis.tree.positions import positions
from taskleak.analysis.tree.scopes import CallSite
from taskleak.fixes.context import FixContext
from taskleak.model import FindingKey
from taskleak.rules import Verdict, judge

RETURNED = "returned task"  # the spawner of such a call site

Target = FindingKey


def returned_task_spawns(ctx: FixContext, targets: Collection[Target]
                         ) -> list[tuple[Spawn, Verdict, int, int]]:
    """The module's dropped calls that `targets` name (the join's findings), as spawns with
    their verdict and position."""
    # `await start()` gives a coroutine function's task: no spawn call to rewrite
    # a function called back (`loop.call_soon(self.start)`) gives its task to the caller
    # that calls it back: nothing here to keep
    calls = [(scope, site.call, site.in_loop, site.statement, site.bound)
             for scope in ctx.scopes() for site in scope.dropped_calls
             if not site.awaited and site.callback is None]
    if not calls or not targets:
        return []
    where = positions(ctx.module, [c[1] for c in calls], text=ctx.analysis.text)
    out: list[tuple[Spawn, Verdict, int, int]] = []
    for scope, call, in_loop, stmt, bound in calls:
        line, column = where[id(call)][0], where[id(call)][1] + 1
        name = (callee_text(call.func) or "call").rsplit(".", 1)[-1]
        # (as the join judges it: `_ = f()` binds the task to the name never read)
        fate = Fate(FateKind.NEVER_READ, f"the task {name}() gives", callee=name,
                    in_loop=in_loop, holder="_") if bound else \
            Fate(FateKind.DROPPED_RETURN, f"{name}()", callee=name, in_loop=in_loop)
        verdict = judge((fate,))
        if (line, column, verdict.code) not in targets:
            continue
        site = CallSite(call, scope, Dest(Flow.DISCARDED), seq=0,
                        loops=(0,) if in_loop else (), statement=stmt)
        out.append((Spawn(site, RETURNED, structured=False), verdict, line, column))
    return out
