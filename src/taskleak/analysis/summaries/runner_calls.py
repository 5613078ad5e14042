"""The module's `asyncio.run(f())` of coroutine functions other modules define (`RunnerCall`).

A coroutine function that `asyncio.run()` runs leaves nothing running for good: when it returns
(or fails), the runner cancels every task still running (`lifetimes.cancelled_on_return`). Its
own module reads that when the call is beside it; a `main()` run from another module's
`__main__` block is told by that module, and the join matches the call to the function it
resolves to (`QuestionKind.RUN_BY_A_RUNNER`, `project/runner_ends.py`).
"""

from __future__ import annotations

from taskleak.analysis.facts.calls import RunnerCall
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.lifetimes import runs_of_coroutines
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import Scope, defined_function


def runner_calls(root: Scope, resolver: Resolver) -> tuple[RunnerCall, ...]:
    """`asyncio.run(f())` (or `uvloop.run`) where `f` is not this module's own function."""
    return tuple(RunnerCall(callee, scope.qualname or "<module>", f"{runner}()")
                 for run, scope, runner in runs_of_coroutines(root, resolver)
                 if defined_function(run.func, scope) is None
                 and (callee := dotted(run.func)) is not None)
