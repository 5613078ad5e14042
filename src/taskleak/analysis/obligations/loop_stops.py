"""A threadsafe spawn on a private loop that its own code stops after a timed wait.

`future = run_coroutine_threadsafe(self._connect(), self._loop); future.result(timeout=5)`, and
on the timeout `self._cleanup()`, which runs `self._loop.call_soon_threadsafe(self._loop.stop)`
and `self._loop.close()`: the coroutine the timeout leaves running runs on a loop that is then
stopped and closed, and it ends with it (a sync client over an event loop in a thread:
telnetlib3's `sync.py`). What proves it: the spawn's loop argument, as written (`self._loop`),
is stopped or closed (`.stop`, called or handed as a callback; `.close()`) in the function that
waits, or in a method of its class that function calls on `self`.

The same loop ends a dropped threadsafe spawn (`closed_after_join`): `shutdown()` submits
`self._drain()` to `self._loop`, joins `self._thread` and closes `self._loop`. A loop closes only
once it has stopped (`close()` raises on a running one), so the coroutine cannot outlive the
function: it ends with its loop, or the close fails (pydoll's and strands' loop threads).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import libcst as cst

from taskleak.analysis.obligations.spawns import Spawn
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import Scope, defined_function
from taskleak.analysis.tree.walk import descendants

_ENDS = {"stop": "stopped", "close": "closed"}  # in the order the message names them


def loop_ended_after(sp: Spawn, fn: Scope) -> str:
    """"self._loop stopped in _cleanup()" when the loop `sp` spawned on (its second argument,
    or `loop=`) is stopped or closed in `fn` or a method `fn` calls on `self`; "" otherwise."""
    loop = _loop_given(sp)
    if not loop or not isinstance(fn.node, cst.FunctionDef):
        return ""
    found = _ended_in(fn.node.body, loop)
    if found:
        return f"{loop} {found} in {fn.name}()"
    for node in descendants(fn.node.body):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            method = defined_function(node.func, fn)  # `self._cleanup()`
            if method is not None and isinstance(method.node, cst.FunctionDef):
                found = _ended_in(method.node.body, loop)
                if found:
                    return f"{loop} {found} in {method.name}()"
    return ""


def closed_after_join(sp: Spawn, fn: Scope) -> tuple[str, str] | None:
    """("self._loop", "shutdown() then joins self._thread and closes self._loop") when, after
    the statement that spawns `sp` on a loop given as written (`self._loop`), `fn` joins a
    thread (`x.join()`, `x.join(5)`, `x.join(timeout=...)`) and then, in the same or a later
    statement, closes that loop; None otherwise."""
    loop = _loop_given(sp)
    if not loop:
        return None
    thread = ""
    for statement in _statements_after(sp.site.path, fn.node):
        thread = thread or _joined_in(statement)
        if thread and "close" in _ends(statement, loop):
            return loop, f"{fn.name}() then joins {thread} and closes {loop}"
    return None


def _loop_given(sp: Spawn) -> str | None:
    """The loop argument of a threadsafe spawn, as written (its second, or `loop=`)."""
    args = sp.site.node.args
    given = next((a.value for a in args if a.keyword is not None and a.keyword.value == "loop"),
                 args[1].value if len(args) > 1 and args[1].keyword is None else None)
    return dotted(given) if given is not None else None


def _statements_after(path: tuple[cst.CSTNode, ...], function: cst.CSTNode
                      ) -> list[cst.BaseStatement]:
    """The statements that run after the one holding the call whose ancestors are `path`
    (outermost first), inside `function`: the rest of each enclosing block, innermost first."""
    if function not in path:
        return []
    inner = path[path.index(function):]
    levels = [list(block.body[block.body.index(child) + 1:])
              for block, child in pairwise(inner)
              if isinstance(block, cst.IndentedBlock) and child in block.body]
    return [statement for rest in reversed(levels) for statement in rest]


def _joined_in(statement: cst.CSTNode) -> str:
    """"self._thread" when `statement` joins a thread: `x.join()`, `x.join(5)`,
    `x.join(timeout=...)` (not `", ".join(parts)` nor `os.path.join(a, b)`)."""
    for node in descendants(statement):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
                and node.func.attr.value == "join" and _a_timeout_at_most(node.args):
            receiver = dotted(node.func.value)
            if receiver:
                return receiver
    return ""


def _a_timeout_at_most(args: Sequence[cst.Arg]) -> bool:
    if not args:
        return True
    if len(args) > 1:
        return False
    arg = args[0]
    return (arg.keyword is not None and arg.keyword.value == "timeout") or (
        arg.keyword is None and isinstance(arg.value, (cst.Integer, cst.Float)))


def _ended_in(code: cst.CSTNode, loop: str) -> str:
    """"stopped", "closed" or "stopped and closed" when `code` ends `loop`."""
    done = _ends(code, loop)
    return " and ".join(_ENDS[end] for end in _ENDS if end in done)


def _ends(code: cst.CSTNode, loop: str) -> set[str]:
    """Which of `loop`'s `stop` and `close` `code` names (called, or handed as a callback)."""
    return {n.attr.value for n in descendants(code)
            if isinstance(n, cst.Attribute) and n.attr.value in _ENDS and dotted(n.value) == loop}
