"""The flags a class's endless loops test and the methods that flip them (`ClassFacts.flags`).

`while not self._shutdown.is_set():` in `_poll()` and `self._shutdown.set()` in `close()`: the
loop has a way out that is no cancel, which its owner gives (`lifetimes.stopped_on_signal`
reads it in one module). A loop and the method that stops it may live in different modules (a
base's loop, a subclass's `close()`; sibling mixins): each class exports, per method, the flags
its endless loop tests (role "loop", or "loop!" when it runs while the flag is false) and the
flags it raises ("up": a truthy store, `.set()`), lowers ("down": a falsy store, `.clear()`)
or ends ("end": `.cancel()`, `.close()`), so the join reads the same stop across modules
(`project/flag_stops.py`). Stores in `__init__`-like methods start the flag, not stop it.
"""

from __future__ import annotations

from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import truth
from taskleak.analysis.tree.scopes import Scope, ScopeKind
from taskleak.analysis.tree.vocabulary import FLAG_CALLS, INIT_METHODS

Flag = tuple[str, str, str]  # (method, attribute of `self`, role)


def class_flags(cls: Scope) -> tuple[Flag, ...]:
    """(method, attribute, role) of each flag of `self` the class's methods loop on or flip."""
    out: list[Flag] = []
    for method in cls.children:
        me = method.self_name
        if method.kind is not ScopeKind.FUNCTION or not me:
            continue
        if method.endless:
            for flag in method.loop_flags:
                base, _, attr = flag.lstrip("!").partition(".")
                if base == me and attr and "." not in attr:
                    out.append((method.name, attr, "loop!" if flag.startswith("!") else "loop"))
        if method.name in INIT_METHODS:
            continue
        for scope in method.walk():
            for o in scope.occurrences:
                base, _, attr = o.key.partition(".")
                if base == me and attr and "." not in attr and o.dest.kind is Flow.METHOD \
                        and o.dest.callee in FLAG_CALLS:
                    out.append((method.name, attr, FLAG_CALLS[o.dest.callee]))
    for attr, bindings in cls.attr_bindings.items():
        for value, scope in bindings:
            storer = scope.method()
            flipped = truth(value)
            if storer is not None and storer.name not in INIT_METHODS and flipped is not None:
                out.append((storer.name, attr, "up" if flipped else "down"))
    return tuple(sorted(set(out)))
