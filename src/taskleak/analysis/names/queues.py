"""A put into an unbounded `asyncio.Queue`: it completes at once and cannot fail.

`run_coroutine_threadsafe(self._queue.put(item), loop)` from another thread is a common way to
hand an item to the loop; when every value the queue is ever given is `asyncio.Queue()` with no
size limit, the put never waits and never raises, so the dropped Future loses nothing. The
idiom that says so is `loop.call_soon_threadsafe(self._queue.put_nowait, item)`. A bounded
queue, or one whose construction is not seen here, is not such a put: its Future can wait and
fail, and dropping it is judged like any other.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.tree.nodes import dotted
from taskleak.analysis.tree.scopes import BindingKind, Scope

# asyncio's queues; a Queue's `maxsize` is its first parameter, 0 (the default) is unbounded
_QUEUES = frozenset({
    f"asyncio.{m}{c}" for m in ("", "queues.") for c in ("Queue", "LifoQueue", "PriorityQueue")
})


def unbounded_put(coroutine: cst.BaseExpression | None, scope: Scope,
                  resolver: Resolver) -> str | None:
    """The queue (`self._queue`) when `coroutine` is `<queue>.put(item)` on a queue every
    value of which is an unbounded asyncio queue made in this module; else None."""
    if not isinstance(coroutine, cst.Call) or not isinstance(coroutine.func, cst.Attribute) \
            or coroutine.func.attr.value != "put" or len(coroutine.args) != 1:
        return None
    queue = coroutine.func.value
    text = dotted(queue)
    if text is None:
        return None
    values = _values_of(text, scope, resolver)
    if not values or not all(_unbounded(v, s, resolver) for v, s in values):
        return None
    return text


def _values_of(text: str, scope: Scope,
               resolver: Resolver) -> list[tuple[cst.BaseExpression, Scope]]:
    """Every value assigned to a name or to `self.<attr>` of the enclosing class; [] when
    one of its bindings is not a plain assignment (a parameter, an import: not seen here)."""
    base, _, attr = text.partition(".")
    if not attr:
        bindings = resolver.lookup(base, scope) or []
        if any(b.kind is not BindingKind.ASSIGN or b.value is None or b.scope is None
               for b in bindings):
            return []
        return [(b.value, b.scope) for b in bindings if b.value is not None and b.scope]
    method = scope.method()
    cls = scope.enclosing_class()
    if "." in attr or method is None or cls is None or method.self_name != base \
            or attr in cls.bindings:
        return []
    return list(cls.attr_bindings.get(attr, ()))


def _unbounded(value: cst.BaseExpression, scope: Scope, resolver: Resolver) -> bool:
    """`asyncio.Queue()`, `asyncio.Queue(0)`, `asyncio.Queue(maxsize=0)`."""
    if not isinstance(value, cst.Call):
        return False
    called = resolver.resolve(value.func, scope)
    if called.kind is not SymKind.QUALIFIED or called.name not in _QUEUES:
        return False
    if not value.args:
        return True
    if len(value.args) != 1:
        return False
    arg = value.args[0]
    maxsize = arg.keyword is None or arg.keyword.value == "maxsize"
    return not arg.star and maxsize and isinstance(arg.value, cst.Integer) \
        and arg.value.value == "0"
