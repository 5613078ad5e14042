"""A threadsafe spawn on a private loop that its own code stops after a timed wait.

`future = run_coroutine_threadsafe(self._connect(), self._loop); future.result(timeout=5)`, and
on the timeout `self._cleanup()`, which runs `self._loop.call_soon_threadsafe(self._loop.stop)`
and `self._loop.close()`: the coroutine the timeout leaves running runs on a loop that is then
stopped and closed, and it ends with it (a sync client over an event loop in a thread:
telnetlib3's `sync.py`). What proves it: the spawn's loop argument, as written (`self._loop`),
is stopped or closed (`.stop`, called or handed as a callback; `.close()`) in the function that
waits, or in a method of its class that function calls on `self`.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.nodes import dotted
from taskleak.analysis.scopes import Scope, defined_function
from taskleak.analysis.spawns import Spawn
from taskleak.analysis.walk import descendants

_ENDS = {"stop": "stopped", "close": "closed"}  # in the order the message names them


def loop_ended_after(sp: Spawn, fn: Scope) -> str:
    """"self._loop stopped in _cleanup()" when the loop `sp` spawned on (its second argument,
    or `loop=`) is stopped or closed in `fn` or a method `fn` calls on `self`; "" otherwise."""
    args = sp.site.node.args
    given = next((a.value for a in args if a.keyword is not None and a.keyword.value == "loop"),
                 args[1].value if len(args) > 1 and args[1].keyword is None else None)
    loop = dotted(given) if given is not None else None
    if not loop or not isinstance(fn.node, cst.FunctionDef):
        return ""
    found = _ended_in(fn.node, loop)
    if found:
        return f"{loop} {found} in {fn.name}()"
    for node in descendants(fn.node.body):
        if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
            method = defined_function(node.func, fn)  # `self._cleanup()`
            if method is not None and isinstance(method.node, cst.FunctionDef):
                found = _ended_in(method.node, loop)
                if found:
                    return f"{loop} {found} in {method.name}()"
    return ""


def _ended_in(function: cst.FunctionDef, loop: str) -> str:
    """"stopped", "closed" or "stopped and closed" when `function` ends `loop`."""
    done = {n.attr.value for n in descendants(function.body)
            if isinstance(n, cst.Attribute) and n.attr.value in _ENDS and dotted(n.value) == loop}
    return " and ".join(_ENDS[end] for end in _ENDS if end in done)
