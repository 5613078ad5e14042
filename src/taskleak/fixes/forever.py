"""A dropped task that runs forever gets no safe fix: keeping it in a set would hide the leak.

Its coroutine never returns by itself (a `while True` with no `break` or `return`, or it spawns
itself again) and, dropped, nothing can end it. Kept in a module-level set it would run until
the process exits: a websocket loop a test starts stays alive for the rest of the pytest run,
with the loop it ran on closed. What it needs is an owner that cancels it, which is a change
only its author can make, so the fix declines and says where that cancel belongs: the owner's
close method, the module's shutdown hook, the end of the test or its fixture's teardown.

A loop with a way out (`while self.running:`, a flag the owner clears) is kept as before.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.obligations.coroutines import reschedules, spawned_function
from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.scopes import ScopeKind
from taskleak.analysis.tree.vocabulary import CLOSE_METHODS
from taskleak.fixes.context import FixContext
from taskleak.fixes.plan import NoFix
from taskleak.fixes.sets import close_method

ALWAYS_TRUE = frozenset({"True", "1"})  # loop tests with no way out but a cancel or an error


def _loop_words(sp: Spawn) -> str | None:
    """What the spawned coroutine does forever, or None when it can end by itself."""
    target = spawned_function(sp.site, calls_only=False)
    if target is not None and target.endless and target.loop_test in ALWAYS_TRUE:
        return (f"runs `while {target.loop_test}` with no break or return"
                + (" but on a cancel" if target.left_on_cancel else ""))
    if reschedules(sp.site):
        return "spawns itself again each time it ends"
    return None


def _where_to_cancel(ctx: FixContext, sp: Spawn) -> str:
    """Where the author would cancel it, in words."""
    scope = sp.site.scope
    method = scope.method()
    cls = scope.enclosing_class()
    if method is not None and cls is not None and isinstance(cls.node, cst.ClassDef):
        close = close_method(cls.node)
        if close is not None:
            return f"keep it on the instance and cancel it in {close.name.value}()"
    function = method or (scope if scope.kind is ScopeKind.FUNCTION else None)
    if function is not None and function.name.startswith("test"):
        return "cancel it at the end of the test or in a fixture's teardown"
    hooks = [s.name.value for s in ctx.module.body
             if isinstance(s, cst.FunctionDef) and s.name.value in CLOSE_METHODS]
    if hooks:  # the module's own shutdown hook, the most final first
        return f"keep it and cancel it in {min(hooks, key=CLOSE_METHODS.index)}()"
    return "cancel it where its owner stops (a close method, a shutdown hook)"


def runs_forever(ctx: FixContext, sp: Spawn) -> NoFix | None:
    """Why a dropped spawn of a coroutine that runs forever gets no safe fix, or None."""
    loop = _loop_words(sp)
    if loop is None:
        return None
    fates = ctx.fates(sp)
    coroutine = fates[0].coroutine if fates else "the coroutine"
    return NoFix(f"{coroutine} {loop}: kept in a set, it would run until the process exits; "
                 f"{_where_to_cancel(ctx, sp)}")
