"""Which waits are races: a wait that can return, or be cancelled, while what it waits for still
runs (`asyncio.wait` returning early or at its timeout, `as_completed` left early, a timeout
around a wait or a shield), recognised at the call, with the timeout that can cut it short and
the `pending` set it returns. What ends the losers is `waits.py`'s question.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.asyncio_waits import race_kind, suppressing, timeout_by_name
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.obligations.generator_exits import completed_early
from taskleak.analysis.tree.nodes import callee_text, dotted, last_name
from taskleak.analysis.tree.scopes import CallSite, Scope
from taskleak.analysis.tree.vocabulary import FIRST_RETURNS
from taskleak.analysis.tree.walk import children
from taskleak.records import record

# (a `BinaryOperation` is climbed only where the scan found the read waited, which it finds
# through a join of sets or lists alone: `wait(pending | {sleeper})`, `flow._JOINS`)
_CLIMB = (cst.Arg, cst.Element, cst.StarredElement, cst.List, cst.Tuple, cst.Set,
          cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.CompFor, cst.BinaryOperation)


@record(frozen=True)
class Race:
    """A wait that can leave what it waits for running."""

    call: str  # how the message shows the wait: "asyncio.wait(return_when=FIRST_COMPLETED)"
    left: str  # why it leaves them: "it returns as soon as the first one finishes"
    early: bool  # the normal path returns early (first completed, a wait timeout, as_completed)
    timeout: bool  # a timeout can cut the wait short: only a cancel in a finally/except helps
    path: tuple[cst.CSTNode, ...]  # the nodes above the wait call, and the call last
    seq: int  # where the wait is (textual order)
    scope: Scope  # the scope the wait is in
    exit_only: bool = False  # cancelled only in a branch leaving the loop around the wait
    # what it leaves running, it leaves only when a timeout runs out (`wait(timeout=t)` with
    # no FIRST_* return, `fut.result(timeout)`, a timeout around a wait that returns no
    # earlier): the timeout is a way out that skips its end (RUBRIC convention 7)
    at_timeout: bool = False
    # the `with contextlib.suppress(...)` statements around the wait (ids): the code after one
    # runs when the timeout cuts the wait short, as after a `try` catching it
    suppressing: frozenset[int] = frozenset()

    @property
    def skipped_by(self) -> str:
        """How a cancel of the waiting function skips an end made only after the wait."""
        cut = " (or a timeout cuts it short)" if self.timeout else ""
        return f"is cancelled while it waits in {self.call}{cut}"


def race_of(path: tuple[cst.CSTNode, ...], seq: int, scope: Scope,
            resolver: Resolver) -> Race | None:
    """The race the value whose nodes above it are `path` is waited in, if any: a call that
    `resolver` resolves to asyncio's `wait`, `as_completed` or `shield` (a `wait` of an object
    nobody typed is none)."""
    k = len(path) - 1
    while k >= 0 and isinstance(path[k], _CLIMB):
        k -= 1
    if k < 0 or not isinstance(path[k], cst.Call):
        return None
    call = path[k]
    assert isinstance(call, cst.Call)
    name = race_kind(call.func, scope, resolver)
    if not name:
        return None
    early = ""
    by = ""  # the keyword that makes `wait()` return early: "return_when" or "timeout"
    if name == "wait":
        by, early = _wait_returns_early(call)
    elif name == "as_completed":
        early = completed_early(call, path[:k], scope)
    timeout = timeout_around(path[:k])
    if not early and not timeout:
        return None
    shown = callee_text(call.func)
    if by == "return_when":  # the constant as written: FIRST_COMPLETED or FIRST_EXCEPTION
        shown += f"(return_when={_first_constant(call)})"
    elif by == "timeout":
        shown += "(timeout=...)"
    left = early or (f"{timeout} cancels the shield, not the task it protects" if name == "shield"
                     else f"{timeout} cancels the wait, not what it waits for")
    if early and timeout:
        left += f", and {timeout} can cut it short"
    at_timeout = (by == "timeout" and not _returns_at_first(call)) or (bool(timeout)
                                                                         and not early)
    return Race(f"{shown}()" if "(" not in shown else shown, left, bool(early), bool(timeout),
                path[:k + 1], seq, scope, suppressing=suppressing(path[:k], scope, resolver),
                at_timeout=at_timeout)


def _returns_at_first(call: cst.Call) -> bool:
    """`wait(..., return_when=FIRST_COMPLETED)` (or FIRST_EXCEPTION) of more than one: it can
    return with the others running before any timeout (of one, it returns when that one is
    done, as `_wait_returns_early` reads it)."""
    return _waited_count(call) != 1 and any(_first_return(a) for a in call.args)


def _first_return(arg: cst.Arg) -> bool:
    """`return_when=FIRST_COMPLETED` (or FIRST_EXCEPTION), however the constant is named."""
    return arg.keyword is not None and arg.keyword.value == "return_when" \
        and (dotted(arg.value) or "").rsplit(".", 1)[-1] in FIRST_RETURNS


def _first_constant(call: cst.Call) -> str:
    """"FIRST_EXCEPTION" of `wait(..., return_when=asyncio.FIRST_EXCEPTION)`, else (named
    otherwise) "FIRST_COMPLETED"."""
    value = next((dotted(a.value) or "" for a in call.args if _first_return(a)), "")
    return "FIRST_EXCEPTION" if value.endswith("FIRST_EXCEPTION") else "FIRST_COMPLETED"


def _wait_returns_early(call: cst.Call) -> tuple[str, str]:
    """The keyword that makes `wait(...)` return with some of what it waits for still running
    ("return_when" or "timeout") and the words that say so; ("", "") when none does."""
    count = _waited_count(call)
    for arg in call.args:
        if arg.keyword is None:
            continue
        key = arg.keyword.value
        value = dotted(arg.value) or ""
        if _first_return(arg) and count != 1:
            rest = {2: "the other one"}.get(count or 0, "the others" if count else "any others")
            first = "one raises" if value.endswith("FIRST_EXCEPTION") \
                else "the first one finishes"
            return key, f"it returns as soon as {first}, with {rest} still running"
        if key == "timeout" and value != "None":
            rest = {1: "it", 2: "both"}.get(count or 0, "them")
            return key, f"it returns at its timeout with {rest} still running"
    return "", ""


def _waited_count(call: cst.Call) -> int | None:
    """How many awaitables `wait([a, b], ...)` waits for, when its first argument is a literal
    with no starred element; None when not known."""
    first = call.args[0].value if call.args and call.args[0].keyword is None else None
    if not isinstance(first, (cst.List, cst.Set, cst.Tuple)) or any(
            isinstance(e, cst.StarredElement) for e in first.elements):
        return None
    return len(first.elements)


def timeout_around(path: tuple[cst.CSTNode, ...]) -> str:
    """"a timeout" when a timeout context or an enclosing `wait_for(..., timeout)` can cancel
    the call whose ancestors are `path`, else "" (by the callee's name: `timeout_by_name`)."""
    outer = path[-2] if len(path) >= 2 and isinstance(path[-1], cst.Arg) else None
    if isinstance(outer, cst.Call) and last_name(outer.func) == "wait_for" \
            and _has_timeout(outer):
        return f"the timeout of {callee_text(outer.func)}()"
    for j, node in enumerate(path):
        if isinstance(node, cst.With) and j + 1 < len(path) and path[j + 1] is node.body:
            for item in node.items:
                if isinstance(item.item, cst.Call) and timeout_by_name(item.item.func):
                    return f"the timeout of {callee_text(item.item.func)}()"
    return ""


def _has_timeout(call: cst.Call) -> bool:
    positional = [a for a in call.args if a.keyword is None]
    keyword = [a for a in call.args if a.keyword is not None and a.keyword.value == "timeout"]
    value = keyword[0].value if keyword else (positional[1].value if len(positional) > 1
                                              else None)
    return value is not None and dotted(value) != "None"


def pending_target(race: Race) -> cst.Name | None:
    """`pending` of `done, pending = await asyncio.wait(...)`."""
    second = _pending_assigned(race)
    return second if isinstance(second, cst.Name) else None


def pending_kept_in(race: Race, key: str) -> bool:
    """The wait's pending set is stored back into the holder `key` it waits on (`done,
    self._tasks = await asyncio.wait(self._tasks, timeout=...)`): what it leaves running, the
    holder still keeps. Near miss: stored in another holder, or in a local."""
    second = _pending_assigned(race)
    wait = race.path[-1] if race.path else None
    return second is not None and dotted(second) == key and isinstance(wait, cst.Call) \
        and any(dotted(a.value) == key for a in wait.args[:1])


def _pending_assigned(race: Race) -> cst.BaseExpression | None:
    """The second target of `done, pending = await asyncio.wait(...)`, whatever it is."""
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
        return target.elements[1].value
    return None


def before_the_spawn(race: Race, site: CallSite, local: str | None) -> bool:
    """A wait before the spawn at `site`, in its function, that cannot wait for the spawn's
    task: no loop around both brings the task back to it (the next call's wait may: an
    attribute or a state object keeps it for that), or the loop rebinds the local (`local`, for
    a task bound to one) before the wait (`w = spawn(a.wait()); await wait({w, ...})` in one
    branch, `w = spawn(b.wait())` in another)."""
    if race.seq > site.seq or race.scope.method() is not site.scope.method():
        return False
    around = {id(n) for n in site.path}
    loop = next((n for n in reversed(race.path) if isinstance(n, (cst.For, cst.While))
                 and id(n) in around), None)
    if loop is None or local is None:
        return loop is None
    order = _text_order(loop)
    at = order.get(id(race.path[-1]), -1)
    return any(b.value is not None and -1 < order.get(id(b.value), at) < at
               for b in site.scope.bindings.get(local, ()))


def _text_order(root: cst.CSTNode) -> dict[int, int]:
    """id(node) -> its place in text order, for `root` and every node below it."""
    out: dict[int, int] = {}
    todo = [root]
    while todo:
        node = todo.pop()
        out[id(node)] = len(out)
        todo.extend(reversed(children(node)))
    return out
