"""The module's `asyncio.run(f())` of coroutine functions other modules define (`RunnerCall`).

A coroutine function that `asyncio.run()` runs leaves nothing running for good: when it returns
(or fails), the runner cancels every task still running (`lifetimes.cancelled_on_return`). Its
own module reads that when the call is beside it; a `main()` run from another module's
`__main__` block is told by that module, and the join matches the call to the function it
resolves to (`QuestionKind.RUN_BY_A_RUNNER`, `project/runner_ends.py`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.facts.calls import RunnerCall
from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.obligations.lifetimes import CANCELLING_RUNNERS
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import Scope, defined_function


def runner_calls(root: Scope, resolver: Resolver) -> tuple[RunnerCall, ...]:
    """`asyncio.run(f())` (or `uvloop.run`) where `f` is not this module's own function."""
    out: list[RunnerCall] = []
    for scope in root.walk():
        for _, call in scope.blocking:
            arg = call.args[0].value if call.args else None
            if not isinstance(arg, cst.Call) or defined_function(arg.func, scope) is not None:
                continue
            callee = dotted(arg.func)
            sym = resolver.resolve(call.func, scope)
            if callee is None or sym.kind is not SymKind.QUALIFIED \
                    or sym.name not in CANCELLING_RUNNERS:
                continue
            out.append(RunnerCall(callee, scope.qualname or "<module>", f"{sym.name}()"))
    return tuple(out)
