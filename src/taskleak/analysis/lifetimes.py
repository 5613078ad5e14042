"""How long a local lives: a function that keeps running while its task runs holds it.

A task bound to a local is dropped when the function returns, unless the function does not
return while the task runs: it then blocks in `loop.run_forever()` / `loop.run_until_complete()`
/ `asyncio.run()` (a synchronous entry point), or it is a coroutine whose `while True` loop never
ends. The same holds for a closure cell (`nonlocal task`) of such a function. Such a task is
kept, not lost; only nothing reads its result or errors. Read from the calls the scan records
(`Scope.blocking`) and the loop facts (`Scope.endless`): no new walk.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.nodes import callee_text, last_name
from taskleak.analysis.resolve import Resolver, SymKind
from taskleak.analysis.scopes import CallSite, Scope, ScopeKind
from taskleak.analysis.vocabulary import LOOP_RUN_FUNCTIONS, LOOP_RUN_METHODS


def held_while(holder_scope: Scope, site: CallSite, resolver: Resolver) -> str:
    """What keeps `holder_scope` (the function a local belongs to) running while the task
    spawned at `site` runs: "start() blocks in self.loop.run_forever()", or ""."""
    if holder_scope.kind is not ScopeKind.FUNCTION:
        return ""
    after = site.seq if site.scope is holder_scope else 0  # a closure runs during the block
    runs = [call for seq, call in holder_scope.blocking if seq >= after and (
        last_name(call.func) in LOOP_RUN_METHODS
        or _runs_a_loop(call.func, holder_scope, resolver))]
    if runs:  # the longest: run_forever() when there is one
        call = next((c for c in runs if last_name(c.func) == "run_forever"), runs[0])
        return f"{holder_scope.name}() blocks in {callee_text(call.func)}()"
    if holder_scope.endless and holder_scope.is_async:
        return f"{holder_scope.name}() runs a `while` loop that never ends"
    return ""


def _runs_a_loop(func: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    sym = resolver.resolve(func, scope)
    return sym.kind is SymKind.QUALIFIED and sym.name in LOOP_RUN_FUNCTIONS
