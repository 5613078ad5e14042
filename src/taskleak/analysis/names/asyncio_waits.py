"""asyncio's waits, races, timeouts and `suppress`, as the module's imports resolve a callee.

A task handed to `gather(...)`, `wait(...)`, `wait_for(...)`, `shield(...)`, `as_completed(...)`
or `loop.run_until_complete(...)` is waited there only when the callee *is* one of them: the
scan reads such a call by its last name (`vocabulary.GATHERERS`), which is no evidence.
`self.pool.wait(task)` of an object nobody typed, or a function of the project's own named
`wait_for`, may keep the task, end it or drop it. The same holds for what makes a wait a race
(`waits.py`), and for a `with contextlib.suppress(...)` that lets the code after it run.

- `retype_waits`: after the names are resolved, a read the scan took for a wait whose
  callee resolves to none becomes a hand-off to that callee (`Flow.PASSED`), judged like any
  call: followed where this module or the project defines the callee, "not followed" elsewhere;
  and a hand-off whose callee resolves to a wait under another name (`from asyncio import
  gather as collect`) becomes a wait.
- `race_kind`, `passes_its_cancel`, `suppresses`, `suppressing`, `raises_only_a_cancel`: the
  questions `waits.py`, `parameter_uses.py` and the function graphs (`obligations/liveness.py`)
  ask of a callee.
- `timeout_by_name`: a timeout is still read by its name (see there why).
"""

from __future__ import annotations

from collections.abc import Iterable

import libcst as cst

from taskleak.analysis.names.resolve import Instance, Resolver, SymKind
from taskleak.analysis.tree.dests import Dest, Flow
from taskleak.analysis.tree.nodes import NESTED_DEFINITIONS, last_name
from taskleak.analysis.tree.scopes import Scope
from taskleak.analysis.tree.vocabulary import TIMEOUT_CONTEXTS
from taskleak.analysis.tree.walk import children

# the waits that can return (or be cut short) with what they wait for still running
RACES = {"asyncio.wait": "wait", "asyncio.tasks.wait": "wait", "concurrent.futures.wait": "wait",
         "asyncio.as_completed": "as_completed", "asyncio.tasks.as_completed": "as_completed",
         "concurrent.futures.as_completed": "as_completed",
         "asyncio.shield": "shield", "asyncio.tasks.shield": "shield"}
WAIT_FORS = frozenset({"asyncio.wait_for", "asyncio.tasks.wait_for"})
# the waits a task can be handed to: the races, `wait_for`, `gather`
GATHERS = frozenset({"asyncio.gather", "asyncio.tasks.gather"})
WAITS = frozenset({*RACES, *WAIT_FORS, *GATHERS})
SUPPRESS = frozenset({"contextlib.suppress"})
SLEEPS = frozenset({"asyncio.sleep", "asyncio.tasks.sleep"})
ASYNCIO_WAITS = frozenset({"asyncio.wait", "asyncio.tasks.wait"})
# an event loop's method that runs the loop until the future it is given is done
RUN_UNTIL_COMPLETE = "run_until_complete"


def _qualified(func: cst.BaseExpression, scope: Scope, resolver: Resolver) -> str:
    sym = resolver.resolve(func, scope)
    return sym.name if sym.kind is SymKind.QUALIFIED else ""


def is_wait(call: cst.Call, scope: Scope, resolver: Resolver) -> bool:
    """The call is one of `WAITS`, or `run_until_complete` of an object typed as an event loop."""
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value == RUN_UNTIL_COMPLETE:
        loop = resolver.resolve(func.value, scope)
        return loop.kind is SymKind.INSTANCE and loop.instance is Instance.LOOP
    return _qualified(func, scope, resolver) in WAITS


def race_kind(func: cst.BaseExpression, scope: Scope, resolver: Resolver) -> str:
    """"wait", "as_completed" or "shield" for those of asyncio (`concurrent.futures`' wait and
    as_completed too); "" for any other callee."""
    return RACES.get(_qualified(func, scope, resolver), "")


def passes_its_cancel(call: cst.Call, scope: Scope, resolver: Resolver) -> bool:
    """asyncio's `gather` or `wait_for`: cancelled (by a timeout around it, or its own), it
    cancels what it waits for (`wait`, `as_completed` and `shield` do not)."""
    name = _qualified(call.func, scope, resolver)
    return name in WAIT_FORS or name in GATHERS


def timeout_by_name(func: cst.BaseExpression) -> bool:
    """A context manager that cancels its body at a deadline, by its name: one holding
    "timeout" (`asyncio.timeout`, `async_timeout.timeout`, `hass.timeout.async_timeout`) or
    anyio's and trio's `fail_after`, `move_on_after` ... A name decision left on purpose:
    projects re-export and wrap their timeouts (`from bleak._compat import timeout`, Home
    Assistant's `TimeoutManager`), which only types across modules could resolve."""
    name = last_name(func) or ""
    return "timeout" in name or name in TIMEOUT_CONTEXTS


def raises_only_a_cancel(small: cst.CSTNode, scope: Scope, resolver: Resolver) -> bool:
    """Each step of the small statement where its function may be left (`nodes.failing_step`)
    is an `await` of a call that raises nothing but a cancellation there: `asyncio.sleep(d)`,
    or `asyncio.wait(...)` of a list, set or tuple display of names and attributes (its tasks'
    errors stay in them and it has no timeout error; an empty one would raise ValueError, a
    coroutine TypeError). An `except OSError` handler is then reached from none of them."""
    steps: list[cst.CSTNode] = []
    todo = [small]
    while todo:
        node = todo.pop()
        if isinstance(node, NESTED_DEFINITIONS):
            continue
        if isinstance(node, (cst.Await, cst.Raise)) or (
                isinstance(node, (cst.For, cst.With, cst.CompFor))
                and node.asynchronous is not None):
            steps.append(node)
        todo.extend(children(node))
    return bool(steps) and all(isinstance(step, cst.Await) and _cancel_only(step.expression,
                                                                            scope, resolver)
                               for step in steps)


def _cancel_only(awaited: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    if not isinstance(awaited, cst.Call):
        return False
    name = _qualified(awaited.func, scope, resolver)
    if name in SLEEPS:
        return True
    first = awaited.args[0].value if awaited.args and awaited.args[0].keyword is None else None
    return name in ASYNCIO_WAITS and isinstance(first, (cst.List, cst.Set, cst.Tuple)) \
        and bool(first.elements) and all(
            isinstance(e, cst.Element) and isinstance(e.value, (cst.Name, cst.Attribute))
            for e in first.elements)


def suppresses(item: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    """A `with` item that is `contextlib.suppress(...)`: an exception raised in its body goes
    on after the `with`."""
    return isinstance(item, cst.Call) and _qualified(item.func, scope, resolver) in SUPPRESS


def suppressing(path: tuple[cst.CSTNode, ...], scope: Scope, resolver: Resolver
                ) -> frozenset[int]:
    """The ids of the `with contextlib.suppress(...):` statements among `path`'s nodes."""
    return frozenset(id(node) for node in path if isinstance(node, cst.With) and any(
        suppresses(item.item, scope, resolver) for item in node.items))


def retype_waits(dests: Iterable[tuple[Dest, Scope]], resolver: Resolver) -> None:
    """Turn the reads the scan took for waits, whose callee is no wait, into hand-offs, and
    the hand-offs whose callee is a wait into waits, in place, for these reads and calls
    (`Scope.dests`: every read and call of the module)."""
    for dest, scope in dests:
        _retype(dest, scope, resolver)


def _retype(d: Dest, scope: Scope, resolver: Resolver) -> None:
    if d.call is None:
        return
    if d.kind is Flow.GATHERED and not is_wait(d.call, scope, resolver):
        d.kind = Flow.PASSED
    elif d.kind is Flow.PASSED and _qualified(d.call.func, scope, resolver) in WAITS:
        d.kind = Flow.GATHERED  # `from asyncio import gather as collect`, `g = asyncio.gather`
