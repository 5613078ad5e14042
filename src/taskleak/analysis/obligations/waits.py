"""Waits that can return, or be cancelled, while what they wait for still runs: races.

`gather` and `wait_for` cancel what they wait for when they are cancelled or time out; these do
not:
- `asyncio.wait(..., return_when=FIRST_COMPLETED | FIRST_EXCEPTION)` returns with the others
  pending, `asyncio.wait(..., timeout=...)` returns at its timeout with the others pending;
- `asyncio.as_completed(...)` leaves the rest running when the `for` loop over it can stop early
  (a `break` or a `return` in its body, a `yield` of its generator, or its `timeout=`); one
  that runs to the end awaits every task (an error in the body leaves the rest to their own
  end, as one in a `gather` would);
- a timeout around `asyncio.wait(...)` (`async with asyncio.timeout(...)`, `async_timeout`,
  anyio's `fail_after`, an enclosing `wait_for`) cancels the wait, not the tasks; around
  `asyncio.shield(...)` it cancels the shield, not the task it protects.

The losers end only if the code cancels them: after the wait (the task itself, its collection's
elements, or the `pending` set the wait returns), or, where a timeout can cut the wait short, in
a `finally` (or an `except`) of a `try` around the wait. In a loop, `while pending:` waits the
losers again until none is left; a loop that can end by itself (a flag, a `for`) leaves a task
made before it running when it is cancelled only in a branch that leaves the loop early. Read
from the paths the scan keeps for waits and cancels (and the loop's own statements).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeGuard

import libcst as cst

from taskleak.analysis.obligations.guards import names_read
from taskleak.analysis.obligations.races import Race, pending_target
from taskleak.analysis.tree.dests import Flow, Waited
from taskleak.analysis.tree.nodes import always_true, dotted
from taskleak.analysis.tree.scopes import Occurrence
from taskleak.analysis.tree.walk import children

_STATEMENTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement)


def left_running(race: Race, ends: list[Occurrence], spawned: tuple[cst.CSTNode, ...]
                 ) -> Race | None:
    """The race, when the cancels and awaits in `ends` do not stop what it leaves running
    (marked `exit_only` when they run only on a way out of the loop around the wait); None when
    they do. `spawned`: the nodes above the spawn."""
    exit_only = race.early and _exit_only(race, ends, spawned)
    if _ended(race, ends, exit_only) or _retried(race, spawned):
        return None
    return replace(race, exit_only=True) if exit_only and not race.timeout else race


def _ended(race: Race, ends: list[Occurrence], exit_only: bool) -> bool:
    """Whether the cancels and awaits in `ends` stop what `race` leaves running: after the
    wait in the same function for an early return, in a finally/except around the wait where a
    timeout can cut it short; not when they run only on a way out of the loop around it
    (`exit_only`)."""
    if _cancelled_before(race, ends):
        return True  # the wait only gives them time to finish
    covered = _covered(race, ends)
    if race.timeout and not covered:
        return False
    if race.early:
        if _waited_until_none_left(race):
            return True
        if not covered and exit_only:
            return False  # cancelled on a way out of the loop, not when it ends by itself
        return covered or _after(race, ends)
    return True


def ended_on_the_normal_way_out_only(race: Race, ends: list[Occurrence]) -> bool:
    """An early race with no timeout (first completed) whose losers `ends` stops only after
    the wait in the same function: not before it, not in a finally/except or an exit stack
    around it, not by waiting again until none is left. A cancellation of the waiting function
    leaves them running (RUBRIC convention 2: low, and said). Only a wait awaited where it is
    called: `as_completed(...)` waits where its iterator is, which a `try` may cover."""
    awaited = len(race.path) > 1 and isinstance(race.path[-2], cst.Await)
    return awaited and race.early and not race.timeout and _after(race, ends) \
        and not _cancelled_before(race, ends) and not _covered(race, ends) \
        and not _waited_until_none_left(race)


def cancelled_to_end(path: tuple[cst.CSTNode, ...]) -> bool:
    """The wait whose ancestors are `path` sits in a `while True` of its function that nothing
    leaves (no `break` out of it, no `return` in it): the function ends only when it is
    cancelled (or fails), so what a cancelled waiter leaves running is left for good."""
    for j in range(len(path) - 2, -1, -1):
        node = path[j]
        if isinstance(node, _SCOPES):
            return False
        if isinstance(node, cst.While) and path[j + 1] is node.body and always_true(node.test) \
                and not _left_by(node.body, loop=True):
            return True
    return False


def _left_by(node: cst.CSTNode, loop: bool) -> bool:
    """A `return` in `node`, or a `break` of the loop whose body it is (`loop`: not in an inner
    loop); nested functions and classes are not walked."""
    if isinstance(node, cst.Return) or (loop and isinstance(node, cst.Break)):
        return True
    if isinstance(node, _SCOPES):
        return False
    inner = loop and not isinstance(node, (cst.For, cst.While))
    return any(_left_by(c, inner) for c in children(node))


def _after(race: Race, ends: list[Occurrence]) -> bool:
    method = race.scope.method()
    return any(o.seq > race.seq and o.scope.method() is method for o in ends)


def _cancelled_before(race: Race, ends: list[Occurrence]) -> bool:
    method = race.scope.method()
    return any(o.dest.kind is Flow.CANCEL and o.seq < race.seq and o.scope.method() is method
               for o in ends)


def _covered(race: Race, ends: list[Occurrence]) -> bool:
    """An end runs on every way out of the wait: in a finally/except around it, past a `try`
    catching its timeout, or a cancel handed to an exit stack or a timer
    (`stack.callback(t.cancel)`)."""
    method = race.scope.method()
    return any(
        (o.dest.kind is Flow.CANCEL and o.dest.callee) or _covers(race.path, o.path)
        or (o.seq > race.seq and o.scope.method() is method and _after_try(race, o.path))
        for o in ends if o.path)


def _waited_until_none_left(race: Race) -> bool:
    """`while pending:` waits the losers again until none is left."""
    loop, again = _loop_around(race.path), _waited_again(race)
    return isinstance(loop, cst.While) and bool(again) and _until_empty(loop.test, again) \
        and not _jumps_out(loop.body)


def reached_after(race: Race, occ: Occurrence) -> bool:
    """Whether a read at `occ` (a call handing the task on) runs when the race leaves the task
    running: in a `finally`/`except` around the wait, or after it in the same function (past a
    `try` or `suppress` catching the timeout, when a timeout can cut the wait short)."""
    if not occ.path:
        return False
    if _covers(race.path, occ.path):
        return True
    if occ.seq <= race.seq or occ.scope.method() is not race.scope.method():
        return False
    return not race.timeout or _after_try(race, occ.path)


def _exit_only(race: Race, ends: list[Occurrence], spawned: tuple[cst.CSTNode, ...]) -> bool:
    """The task, spawned before the loop around the wait, is cancelled after the wait only in a
    branch that leaves the loop (`if stop.is_set(): cancel the rest; return`), and the loop can
    end by itself (a flag, a count) with it still running. A task spawned in the loop is done
    or cancelled by the time the loop goes round."""
    loop = _loop_around(race.path)
    if loop is None or any(node is loop for node in spawned) \
            or not _ends_with_pending(loop, _waited_again(race)):
        return False
    method = race.scope.method()
    later = [o for o in ends if o.seq > race.seq and o.scope.method() is method]
    return bool(later) and all(_in_exit_branch(o.path, loop) for o in later)


# -- a wait in a loop -----------------------------------------------------------------------------
_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


def _loop_around(path: tuple[cst.CSTNode, ...]) -> cst.While | cst.For | None:
    """The innermost loop whose body holds the wait (in the wait's own function)."""
    for j in range(len(path) - 2, -1, -1):
        node = path[j]
        if isinstance(node, _SCOPES):
            return None
        if isinstance(node, (cst.While, cst.For)) and path[j + 1] is node.body:
            return node
    return None


def _retried(race: Race, spawned: tuple[cst.CSTNode, ...]) -> bool:
    """`while True: try: fut.result(10); break / except TimeoutError: log`: a `try` whose
    handlers all stay in a `while True` loop made after the spawn, and nothing before it in the
    loop leaves it: only the wait's success does, so the wait is made again until it is."""
    loop = _loop_around(race.path)
    if not isinstance(loop, cst.While) or _ends_with_pending(loop, "") or loop in spawned:
        return False
    j = race.path.index(loop)
    attempt = race.path[j + 2] if len(race.path) > j + 3 else None
    if not isinstance(attempt, cst.Try) or race.path[j + 3] is not attempt.body \
            or not attempt.handlers or any(_jumps_out(h.body) for h in attempt.handlers):
        return False
    statements = list(loop.body.body) if isinstance(loop.body, cst.IndentedBlock) else []
    at = next((k for k, s in enumerate(statements) if s is attempt), None)
    return at is not None and not _jumps_out(cst.IndentedBlock(body=statements[:at]))


def _waited_again(race: Race) -> str:
    """`tasks` of `done, tasks = await asyncio.wait(tasks, ...)`: the losers are what the next
    round waits for; "" when the wait does not rebind what it waits."""
    target = pending_target(race)
    call = race.path[-1]
    if target is None or not isinstance(call, cst.Call) or not call.args \
            or call.args[0].keyword is not None:
        return ""
    return target.value if dotted(call.args[0].value) == target.value else ""


def _until_empty(test: cst.BaseExpression, name: str) -> bool:
    """`while tasks:`, `while len(tasks):`, `while len(tasks) > 0` (or `!= 0`, `>= 1`)."""
    if isinstance(test, cst.Name) or isinstance(test, cst.Call):
        return _length_of(test) == name
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        comparison = test.comparisons[0]
        bound = comparison.comparator
        if _length_of(test.left) != name or not isinstance(bound, cst.Integer):
            return False
        op, value = type(comparison.operator), int(bound.value, 0)
        return (op in (cst.GreaterThan, cst.NotEqual) and value == 0) or (
            op is cst.GreaterThanEqual and value == 1)
    return False


def _length_of(node: cst.BaseExpression) -> str:
    """`tasks` of `tasks` or `len(tasks)`."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name) \
            and node.func.value == "len" and len(node.args) == 1:
        return dotted(node.args[0].value) or ""
    return ""


def _ends_with_pending(loop: cst.While | cst.For, again: str) -> bool:
    """The loop can end by itself (its test false, its iterable exhausted) with tasks pending:
    a `for`, or a `while` that is neither `while True` nor a wait until none is left."""
    if isinstance(loop, cst.For):
        return True
    test = loop.test
    if (isinstance(test, cst.Name) and test.value == "True") or \
            (isinstance(test, cst.Integer) and test.value != "0"):
        return False
    # `while len(tasks) > 1`: which ones are left when it ends is not known here
    return not (again and again in names_read(test))


def _in_exit_branch(end_path: tuple[cst.CSTNode, ...], loop: cst.While | cst.For) -> bool:
    """The end sits, inside the loop, in an `if` branch that leaves it (`return` / `break` at
    the branch's own level): `if stop.is_set(): cancel the rest; return`."""
    inside = False
    for j, node in enumerate(end_path[:-1]):
        if node is loop:
            inside = True
        elif inside and isinstance(node, cst.If) and _jumps_out(end_path[j + 1], nested=False):
            return True
    return False


def _jumps_out(block: cst.CSTNode, nested: bool = True) -> bool:
    """A `return` or `break` in `block` (in its nested `if`/`try`/`with` too when `nested`; a
    `break` of an inner loop or anything in a nested function does not count)."""
    for stmt in _statements(block):
        if isinstance(stmt, (cst.Return, cst.Break)):  # `if stop: return` on one line
            return True
        if isinstance(stmt, cst.SimpleStatementLine):
            if any(isinstance(s, (cst.Return, cst.Break)) for s in stmt.body):
                return True
        elif nested and isinstance(stmt, (cst.If, cst.Try, cst.With)):
            branches: list[cst.CSTNode] = [stmt.body]
            if isinstance(stmt, cst.If) and stmt.orelse is not None:
                branches.append(stmt.orelse)  # an `else:` block, or an `elif` (an If)
            if isinstance(stmt, cst.Try):
                branches += [h.body for h in stmt.handlers]
                branches += [b.body for b in (stmt.orelse, stmt.finalbody) if b is not None]
            if any(_jumps_out(b) for b in branches):
                return True
    return False


def _statements(block: cst.CSTNode) -> tuple[cst.CSTNode, ...]:
    """The statements of a block (an `elif` is one statement of its own)."""
    if isinstance(block, cst.If):
        return (block,)
    if isinstance(block, cst.Else):
        block = block.body
    body = getattr(block, "body", ())
    return tuple(body) if isinstance(body, (list, tuple)) else ()


def _after_try(race: Race, end_path: tuple[cst.CSTNode, ...]) -> bool:
    """The end comes after a `try` whose body holds the wait and whose `except` catches the
    timeout (`try: async with timeout(): await wait(...)` / `except TimeoutError:` / cancel),
    or after a `with contextlib.suppress(...)` holding it (the same, as a context manager)."""
    inside, path = {id(n) for n in end_path}, race.path
    return any(_catching(node, race) and path[j + 1] is node.body and id(node) not in inside
               for j, node in enumerate(path[:-1]))


def _catching(node: cst.CSTNode, race: Race) -> TypeGuard[cst.Try | cst.With]:
    """A `try` with handlers, or one of the race's `suppress` statements."""
    if isinstance(node, cst.Try):
        return bool(node.handlers)
    return isinstance(node, cst.With) and id(node) in race.suppressing


def _covers(wait_path: tuple[cst.CSTNode, ...], end_path: tuple[cst.CSTNode, ...]) -> bool:
    """The end sits in a `finally` or an `except` of a `try` whose body holds the wait."""
    where = {id(n): i for i, n in enumerate(end_path)}
    for j, node in enumerate(wait_path[:-1]):
        if not isinstance(node, cst.Try) or wait_path[j + 1] is not node.body:
            continue
        i = where.get(id(node))
        if i is not None and i + 1 < len(end_path):
            branch = end_path[i + 1]
            if branch is node.finalbody or any(branch is h for h in node.handlers):
                return True
    return False


def awaited_with_the_object(occ: Occurrence) -> bool:
    """A task the object's `__await__` delegates to is awaited when the object is: for sure
    when the task is a local of that `__await__` (made when the object is awaited), or when
    entering the object as an async context manager awaits it (`await self` in `__aenter__`).
    Awaiting itself in another method (`__call__`) proves nothing unless that method runs."""
    method, cls = occ.scope.method(), occ.scope.enclosing_class()
    if method is None or cls is None or not method.self_name \
            or not occ.key.startswith(method.self_name + "."):
        return True
    return any(o.key == m.self_name and o.dest.kind is Flow.AWAITED
               for m in cls.children if m.name == "__aenter__" and m.self_name
               for s in m.walk() for o in s.occurrences)


def delegated_only(occ: Occurrence) -> bool:
    """An `__await__` delegation (`return self._task.__await__()`) that nothing proves is
    reached: the task is awaited only by whoever awaits the object, if anyone does. The same
    for this module's judgement and for what it tells other modules its reads end."""
    return occ.dest.kind is Flow.AWAITED and occ.dest.waited is Waited.DELEGATED \
        and not awaited_with_the_object(occ)
