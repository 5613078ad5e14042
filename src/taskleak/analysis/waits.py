"""Waits that can return, or be cancelled, while what they wait for still runs: races.

`gather` and `wait_for` cancel what they wait for when they are cancelled or time out; these do
not:
- `asyncio.wait(..., return_when=FIRST_COMPLETED | FIRST_EXCEPTION)` returns with the others
  pending, `asyncio.wait(..., timeout=...)` returns at its timeout with the others pending;
- `asyncio.as_completed(...)` leaves the rest running when the loop over it stops early (a
  `break`, an exception, its timeout);
- a timeout around `asyncio.wait(...)` (`async with asyncio.timeout(...)`, `async_timeout`,
  anyio's `fail_after`, an enclosing `wait_for`) cancels the wait, not the tasks; around
  `asyncio.shield(...)` it cancels the shield, not the task it protects.

The losers end only if the code cancels them: after the wait (the task itself, its collection's
elements, or the `pending` set the wait returns), or, where a timeout can cut the wait short, in
a `finally` (or an `except`) of a `try` around the wait. Read from the paths the scan keeps for
waits and cancels: no new walk.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from taskleak.analysis.flow import Flow
from taskleak.analysis.nodes import callee_text, dotted, last_name
from taskleak.analysis.scopes import Occurrence, Scope
from taskleak.analysis.vocabulary import FIRST_RETURNS, TIMEOUT_CONTEXTS

_STATEMENTS = (cst.SimpleStatementLine, cst.BaseCompoundStatement)
_CLIMB = (cst.Arg, cst.Element, cst.StarredElement, cst.List, cst.Tuple, cst.Set,
          cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.CompFor)


@dataclass(frozen=True)
class Race:
    """A wait that can leave what it waits for running."""

    call: str  # how the message shows the wait: "asyncio.wait(return_when=FIRST_COMPLETED)"
    left: str  # why it leaves them: "it returns as soon as the first one finishes"
    early: bool  # the normal path returns early (first completed, a wait timeout, as_completed)
    timeout: bool  # a timeout can cut the wait short: only a cancel in a finally/except helps
    path: tuple[cst.CSTNode, ...]  # the nodes above the wait call, and the call last
    seq: int  # where the wait is (textual order)
    scope: Scope  # the scope the wait is in


def race_of(path: tuple[cst.CSTNode, ...], seq: int, scope: Scope) -> Race | None:
    """The race the value whose nodes above it are `path` is waited in, if any."""
    k = len(path) - 1
    while k >= 0 and isinstance(path[k], _CLIMB):
        k -= 1
    if k < 0 or not isinstance(path[k], cst.Call):
        return None
    call = path[k]
    assert isinstance(call, cst.Call)
    name = last_name(call.func)
    early = ""
    if name == "wait":
        early = _wait_returns_early(call)
    elif name == "as_completed":
        early = "the loop over it can stop early (a break, an error, its timeout)"
    elif name != "shield":
        return None
    timeout = _timeout_around(path[:k])
    if not early and not timeout:
        return None
    shown = callee_text(call.func)
    if name == "wait" and early.startswith("it returns as soon"):
        shown += "(return_when=FIRST_COMPLETED)"
    elif name == "wait" and early:
        shown += "(timeout=...)"
    left = early or (f"{timeout} cancels the shield, not the task it protects" if name == "shield"
                     else f"{timeout} cancels the wait, not what it waits for")
    if early and timeout:
        left += f", and {timeout} can cut it short"
    return Race(f"{shown}()" if "(" not in shown else shown, left, bool(early), bool(timeout),
                path[:k + 1], seq, scope)


def _wait_returns_early(call: cst.Call) -> str:
    for arg in call.args:
        if arg.keyword is None:
            continue
        key = arg.keyword.value
        value = dotted(arg.value) or ""
        if key == "return_when" and value.rsplit(".", 1)[-1] in FIRST_RETURNS:
            return "it returns as soon as the first one finishes, with the others still running"
        if key == "timeout" and value != "None":
            return "it returns at its timeout with the others still running"
    return ""


def _timeout_around(path: tuple[cst.CSTNode, ...]) -> str:
    """"a timeout" when a timeout context or an enclosing `wait_for(..., timeout)` can cancel
    the call whose ancestors are `path`, else ""."""
    outer = path[-2] if len(path) >= 2 and isinstance(path[-1], cst.Arg) else None
    if isinstance(outer, cst.Call) and last_name(outer.func) == "wait_for" \
            and _has_timeout(outer):
        return "the timeout of wait_for()"
    for j, node in enumerate(path):
        if isinstance(node, cst.With) and j + 1 < len(path) and path[j + 1] is node.body:
            for item in node.items:
                if isinstance(item.item, cst.Call) and _timeout_name(item.item.func):
                    return f"the timeout of {callee_text(item.item.func)}()"
    return ""


def _timeout_name(func: cst.BaseExpression) -> bool:
    name = last_name(func) or ""
    return "timeout" in name or name in TIMEOUT_CONTEXTS


def _has_timeout(call: cst.Call) -> bool:
    positional = [a for a in call.args if a.keyword is None]
    keyword = [a for a in call.args if a.keyword is not None and a.keyword.value == "timeout"]
    value = keyword[0].value if keyword else (positional[1].value if len(positional) > 1
                                              else None)
    return value is not None and dotted(value) != "None"


def pending_target(race: Race) -> cst.Name | None:
    """`pending` of `done, pending = await asyncio.wait(...)`."""
    path = race.path
    k = len(path) - 2
    if k >= 0 and isinstance(path[k], cst.Await):
        k -= 1
    if k < 0 or not isinstance(path[k], cst.Assign):
        return None
    assign = path[k]
    assert isinstance(assign, cst.Assign)
    target = assign.targets[0].target
    if isinstance(target, (cst.Tuple, cst.List)) and len(target.elements) == 2:
        second = target.elements[1].value
        return second if isinstance(second, cst.Name) else None
    return None


def ended(race: Race, ends: list[Occurrence]) -> bool:
    """Whether the cancels and awaits in `ends` stop what `race` leaves running: after the
    wait in the same function for an early return, in a finally/except around the wait where a
    timeout can cut it short."""
    method = race.scope.method()
    if any(o.dest.kind is Flow.CANCEL and o.seq < race.seq and o.scope.method() is method
           for o in ends):
        return True  # cancelled before the wait, which only gives them time to finish
    # a cancel handed to an exit stack or a timer (`stack.callback(t.cancel)`) runs on every
    # way out, like a finally
    covered = any(o.dest.callee or _covers(race.path, o.path) or (
        o.seq > race.seq and o.scope.method() is method and _after_try(race.path, o.path))
        for o in ends if o.path)
    if race.timeout and not covered:
        return False
    if race.early:
        return covered or any(o.seq > race.seq and o.scope.method() is method for o in ends)
    return True


def _after_try(wait_path: tuple[cst.CSTNode, ...], end_path: tuple[cst.CSTNode, ...]) -> bool:
    """The end comes after a `try` whose body holds the wait and whose `except` catches the
    timeout (`try: async with timeout(): await wait(...)` / `except TimeoutError:` / cancel)."""
    inside = {id(n) for n in end_path}
    return any(isinstance(node, cst.Try) and node.handlers and wait_path[j + 1] is node.body
               and id(node) not in inside for j, node in enumerate(wait_path[:-1]))


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
