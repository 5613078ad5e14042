"""A generator's task that its consumer can leave running.

`tasks = [spawn(fetch(u)) for u in urls]; for t in as_done(tasks): yield ...; await gather(*tasks)`
in an (async) generator: the generator stops at a `yield` whenever its consumer stops early
(`break` out of `async for`, an error, a cancel), and the code after that `yield` never runs.
A task still running there, joined or cancelled only later, is left running, unless a `finally`
(or an `except` that catches the stop: `GeneratorExit`, or `CancelledError`, which a cancel of
the task driving the generator raises at the await it is in) ends it, or an `except` around the
`yield` catches the stop and goes on to the code after it. The labelled sets grade it so: kept,
its end not managed. Read from the generator's own body (its `yield`s) and the reads that end the
task (`Effects`), no new scan. The loops over `asyncio.as_completed(...)` are judged the same
way (`completed_early`, for the races of waits.py). A pytest fixture is no such generator:
pytest drives it to its end after the test, passed or failed (`tree/library_facts.py`).
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.obligations.effects import Effects
from taskleak.analysis.tree.library_facts import FIXTURE_DECORATORS
from taskleak.analysis.tree.nodes import NESTED_DEFINITIONS, dotted
from taskleak.analysis.tree.scopes import CallSite, Occurrence, Scope
from taskleak.analysis.tree.walk import children

# Generators that an `await` (or `yield from`) drives to their end: only a cancel of the task
# awaiting stops one early, and that lands as an error thrown in at the `yield`
_DRIVEN_TO_THE_END = frozenset({"__await__", "__iter__"})
_LOOPS = (cst.For, cst.While)  # (and `async for`: a For)
# what an `except` catches to run when the consumer stops the generator: at a `yield`
# (GeneratorExit), or at an await between two (a cancel of the task driving it lands there)
_CATCHES_THE_STOP = frozenset({"BaseException", "GeneratorExit", "CancelledError"})


def left_at_a_yield(site: CallSite, eff: Effects, resolver: Resolver | None = None) -> str:
    """"_iter()" when the task spawned at `site`, in the generator `_iter()`, is ended (awaited,
    gathered, waited or cancelled) only after one of its `yield`s, or again in the next turn of
    a loop around that `yield` that the spawn is outside of; nothing in a `finally` or a
    stop-catching `except` ends it, and no such `except` around that `yield` goes on to the
    code after it. "" otherwise, and when the task is handed on or stored."""
    fn = site.scope.function()
    if fn is None or not isinstance(fn.node, cst.FunctionDef) or eff.handed or eff.stores \
            or fn.name in _DRIVEN_TO_THE_END or _a_fixture(fn, resolver):
        return ""
    ends = [*eff.await_reads, *eff.gather_reads, *eff.cancel_reads]
    if not ends or any(not o.path or _in_cleanup(o.path) or o.scope.function() is not fn
                       for o in ends):
        return ""
    order, yields = _walk(fn.node)
    start = order.get(id(site.node))
    if start is None:
        return ""
    spawn_loops = {id(n) for n in site.path if isinstance(n, _LOOPS)}
    for node, above in yields:
        if order[id(node)] < start or _stop_caught_around(above):
            continue
        loops = {id(n) for n in above if isinstance(n, _LOOPS)} - spawn_loops
        for end in ends:
            if any(n is node for n in end.path):
                continue  # `yield await t`: ended before it yields
            at = _order_of(end, order)
            if at is not None and (at > order[id(node)] or loops & _loops_around(end.path)):
                return f"{fn.name}()"
    return ""


def _loops_around(path: tuple[cst.CSTNode, ...]) -> set[int]:
    """The loops whose every turn runs the read: a `while` (its test too), a `for` whose body
    holds it (not its iterable, which runs once)."""
    out: set[int] = set()
    for k, node in enumerate(path[:-1]):
        if isinstance(node, cst.While) or (isinstance(node, cst.For)
                                           and path[k + 1] is node.body):
            out.add(id(node))
    return out


def leaves_early(node: cst.CSTNode, inner_loop: bool = False) -> bool:
    """A `return` under `node` (nested functions aside), or a `break` outside inner loops."""
    if isinstance(node, cst.Return) or (isinstance(node, cst.Break) and not inner_loop):
        return True
    if isinstance(node, NESTED_DEFINITIONS):
        return False
    inner_loop = inner_loop or isinstance(node, (cst.For, cst.While))
    return any(leaves_early(child, inner_loop) for child in children(node))


def yields_in(loop: cst.For, scope: Scope) -> str:
    """"_iter()" when the body of `loop`, in the generator `_iter()` that code in `scope` is in,
    holds a `yield` its consumer can stop the generator at (no `except` around it catches the
    stop), else ""."""
    fn = scope.function()
    if fn is None or not isinstance(fn.node, cst.FunctionDef):
        return ""
    _, yields = _walk(fn.node)
    return f"{fn.name}()" if any(any(n is loop.body for n in above)
                                 and not _stop_caught_around(above)
                                 for _, above in yields) else ""


def _stop_caught_around(above: tuple[cst.CSTNode, ...]) -> bool:
    """A `try` whose body holds the `yield` catches the stop: the code after it runs."""
    return any(isinstance(n, cst.Try) and above[k + 1] is n.body
               and any(_catches_the_stop(h) for h in n.handlers)
               for k, n in enumerate(above[:-1]))


def _walk(fn: cst.FunctionDef) -> tuple[dict[int, int], list[tuple[cst.Yield,
                                                                     tuple[cst.CSTNode, ...]]]]:
    """The text order of the nodes of `fn`'s body (nested functions and classes left out), and
    its `yield`s with the nodes above each."""
    order: dict[int, int] = {}
    yields: list[tuple[cst.Yield, tuple[cst.CSTNode, ...]]] = []
    todo: list[tuple[cst.CSTNode, tuple[cst.CSTNode, ...]]] = [(fn.body, ())]
    while todo:
        node, above = todo.pop()
        order[id(node)] = len(order)
        if isinstance(node, cst.Yield):
            yields.append((node, above))
        if isinstance(node, NESTED_DEFINITIONS):
            continue
        below = (*above, node)
        todo.extend((child, below) for child in reversed(children(node)))
    return order, yields


def _order_of(occ: Occurrence, order: dict[int, int]) -> int | None:
    """Where the read is in the text: the innermost node above it that the walk knows."""
    for node in reversed(occ.path):
        at = order.get(id(node))
        if at is not None:
            return at
    return None


def _a_fixture(fn: Scope, resolver: Resolver | None) -> bool:
    """`fn` is decorated as a pytest fixture (`@pytest.fixture`, `@pytest_asyncio.fixture(...)`,
    by what the decorator resolves to): pytest drives it to its end."""
    node = fn.node
    if resolver is None or not isinstance(node, cst.FunctionDef) or fn.parent is None:
        return False
    for decorator in node.decorators:
        called = decorator.decorator
        called = called.func if isinstance(called, cst.Call) else called
        sym = resolver.resolve(called, fn.parent)
        if sym.kind is SymKind.QUALIFIED and sym.name in FIXTURE_DECORATORS:
            return True
    return False


def _in_cleanup(path: tuple[cst.CSTNode, ...]) -> bool:
    """A `finally`, or an `except` that runs when the generator is stopped (bare,
    `BaseException`, `GeneratorExit`, `CancelledError`), around the read."""
    for node in path:
        if isinstance(node, cst.Finally):
            return True
        if isinstance(node, cst.ExceptHandler) and _catches_the_stop(node):
            return True
    return False


def _catches_the_stop(handler: cst.ExceptHandler) -> bool:
    return handler.type is None or any((dotted(t) or "").rsplit(".", 1)[-1] in _CATCHES_THE_STOP
                                       for t in _caught(handler.type))


def _caught(kind: cst.BaseExpression) -> list[cst.BaseExpression]:
    """`except (A, B)`: A and B."""
    if isinstance(kind, cst.Tuple):
        return [e.value for e in kind.elements]
    return [kind]


def completed_early(call: cst.Call, above: tuple[cst.CSTNode, ...], scope: Scope) -> str:
    """Why the loop over `as_completed(...)` (`above`: the nodes above the call) can stop with
    tasks still running, or "" when it runs to the end: a timeout, a `break`/`return` in the
    body of the `for` loop over it, a `yield` of its generator there; unknown unless a `for`
    loop iterates it, directly or numbered (`enumerate(as_completed(...))` yields every item of
    what it numbers; `zip` stops at the shortest, so it is no such loop). (An error in the body
    leaves the rest to their own end, as one in a `gather` would.)"""
    if any(a.keyword is not None and a.keyword.value == "timeout"
           and dotted(a.value) != "None" for a in call.args):
        return "its timeout can stop the loop over it early"
    iterated, loop = _iterated(call, above)
    if not isinstance(loop, cst.For) or loop.iter is not iterated:
        return "the loop over it can stop early (a break, an error, its timeout)"
    generator = yields_in(loop, scope)
    if generator:
        return (f"a `yield` of the generator {generator} in the loop over it comes first: its "
                "consumer can stop there")
    if leaves_early(loop.body):
        return "a `break` or a `return` can leave the loop over it early"
    return ""


def _iterated(call: cst.Call, above: tuple[cst.CSTNode, ...]
              ) -> tuple[cst.BaseExpression, cst.CSTNode | None]:
    """(what a loop over `call` iterates, the node above that): `call` itself, or the
    `enumerate(call)` (its first positional argument, builtin by name as `flow.py` reads it)
    that numbers it."""
    parent = above[-1] if above else None
    outer = above[-2] if len(above) > 1 else None
    if isinstance(parent, cst.Arg) and isinstance(outer, cst.Call) \
            and isinstance(outer.func, cst.Name) and outer.func.value == "enumerate" \
            and outer.args and outer.args[0] is parent and parent.keyword is None \
            and not parent.star:
        return outer, above[-3] if len(above) > 2 else None
    return call, parent
