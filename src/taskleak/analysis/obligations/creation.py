"""Where an obligation is created: does this awaitable make a task?

`create_task(c)`, `loop.create_task(c)` and `run_coroutine_threadsafe(c, loop)` take only a
coroutine: each call makes a task (or a threadsafe Future), an obligation. `ensure_future(x)`,
`shield(x)`, `gather(x, ...)` and `wait_for(x, ...)` take any awaitable: a Task or a Future `x`
is returned (or waited) as it is, and only a coroutine `x` becomes a new task. So for those the
argument decides (`made_of`):

- a coroutine (`Made.TASK`): a call of an `async def` of this module (a function, a method of
  `self`'s class, or of a class of this module the receiver is typed as), of asyncio's own
  coroutine functions, or a name every value of which is one;
- no task (`Made.NOTHING`): a Future or an awaitable that is not a coroutine:
  `loop.create_future()`, `run_in_executor(...)`, `wrap_future(...)`, a spawn's or a
  `gather`'s own result, a call of a
  plain `def` whose return annotation is a Future, a Task or an `Awaitable` (tornado's
  `Semaphore.acquire() -> Awaitable[...]`), or of a `@gen.coroutine` (which returns a Future);
- a loop variable takes each value its loop iterates when they are written out (`for c in
  (a(), b())`, or a name bound once to such a literal and only ever iterated): what they
  all make (mafic's `ensure_future(fut) for fut in futures`, `futures` a list of
  `Event.wait()` calls);
- a call that nothing in this module types as giving a Future (`Made.TASK`): a call handed to
  `ensure_future` makes a coroutine unless its callee is typed otherwise. A callee reached
  through an import (`later()`, `sem.acquire()` with `sem: locks.Semaphore`) is written as a
  chain (`Creation.asks`, `names/chains.py`): the module that defines it exports whether its
  call gives a coroutine (`Exports.no_coroutine`), and the project join drops the spawn when
  it does not (`project/callees.py`), wherever the definition lives;
- `Made.UNKNOWN`: a name or an attribute whose values are not all followed (a parameter with
  no annotation, `self._waiter` set elsewhere). The row stays low and says what was not
  followed: never a high built on a guess.
"""

from __future__ import annotations

from enum import Enum

import libcst as cst

from taskleak.analysis.names.chains import receiver_chain
from taskleak.analysis.names.objects import object_class
from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.names.stubs import is_stub
from taskleak.analysis.tree.dests import Flow
from taskleak.analysis.tree.nodes import callee_text, dotted, is_none, last_name
from taskleak.analysis.tree.scopes import BindingKind, Scope, ScopeKind, defined_function
from taskleak.analysis.tree.walk import own_nodes
from taskleak.records import record


class Made(Enum):
    TASK = "task"  # a coroutine: a new task
    NOTHING = "nothing"  # a Future, a Task or another awaitable: returned as it is
    UNKNOWN = "unknown"


@record(frozen=True)
class Creation:
    made: Made
    callee: str = ""  # the call's callee as written, or the value
    # TASK for a callee of another module: its chain (`names/chains.py`), which the project
    # join asks that module about (`project/callees.py`); "" when there is none to ask
    asks: str = ""


# asyncio's and the standard library's calls that give a Future or a Task, never a coroutine
# (by their last name, as the spawns themselves are found: `loop.create_task`, an imported
# `create_task`, Home Assistant's `create_eager_task`, which returns the Task it makes)
_FUTURE_METHODS = frozenset({"create_future", "run_in_executor", "create_task", "ensure_future",
                             "gather", "shield", "wrap_future", "run_coroutine_threadsafe",
                             "create_eager_task", "Future", "Task"})
_FUTURE_QUALIFIED = frozenset({"asyncio.Future", "asyncio.futures.Future", "asyncio.Task",
                               "asyncio.wrap_future", "asyncio.gather", "asyncio.shield",
                               "asyncio.create_task", "asyncio.ensure_future",
                               "concurrent.futures.Future"})
# asyncio's coroutine functions: their calls are coroutines
_ASYNCIO_COROUTINES = frozenset({
    "asyncio.sleep", "asyncio.wait", "asyncio.wait_for", "asyncio.open_connection",
    "asyncio.start_server", "asyncio.open_unix_connection", "asyncio.start_unix_server",
    "asyncio.to_thread", "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell",
    "asyncio.staggered.staggered_race", "asyncio.timeout_at"})
# return annotations (their last name) that say "not a coroutine": a Future, a Task, or an
# awaitable a plain function returns (tornado types its Future-returning methods so)
_FUTURE_TYPES = frozenset({"Future", "Task", "TracebackFuture"})
_NOT_COROUTINE_TYPES = _FUTURE_TYPES | {"Awaitable"}
_COROUTINE_TYPES = frozenset({"Coroutine", "CoroutineType"})
_GEN_COROUTINES = frozenset({"gen.coroutine", "tornado.gen.coroutine", "coroutine"})
_MAX_DEPTH = 4


def made_of(value: cst.BaseExpression, scope: Scope, resolver: Resolver,
            spawned: frozenset[int] = frozenset(), depth: int = 0) -> Creation:
    """What `ensure_future(value)` makes, read in `scope` (see the module docstring);
    `spawned`: the ids of the calls of this module found to spawn (their value is a task:
    `task = self.context.run(loop.create_task, coro)`)."""
    shown = callee_text(value.func) if isinstance(value, cst.Call) else (dotted(value) or "…")
    if depth > _MAX_DEPTH:
        return Creation(Made.UNKNOWN, shown)
    if isinstance(value, cst.Call):
        if id(value) in spawned:
            return Creation(Made.NOTHING, shown)
        return _call(value, scope, resolver, depth)
    if isinstance(value, (cst.Name, cst.Attribute)):
        return _named(value, scope, resolver, spawned, depth)
    if isinstance(value, (cst.IfExp, cst.BooleanOperation)):  # `a() if x else b()`: both
        sides = (value.body, value.orelse) if isinstance(value, cst.IfExp) \
            else (value.left, value.right)
        made = [made_of(side, scope, resolver, spawned, depth + 1) for side in sides]
        if made[0].made is made[1].made:
            return made[0]
    return Creation(Made.UNKNOWN, shown)


def _call(call: cst.Call, scope: Scope, resolver: Resolver, depth: int = 0) -> Creation:
    func = call.func
    shown = callee_text(func)
    resolved = resolver.resolve(func, scope)
    qualified = resolved.name if resolved.kind is SymKind.QUALIFIED else ""
    if qualified in _FUTURE_QUALIFIED or last_name(func) in _FUTURE_METHODS:
        return Creation(Made.NOTHING, shown)
    if qualified in _ASYNCIO_COROUTINES:
        return Creation(Made.TASK, shown)
    function = _function_called(func, scope, resolver)
    if function is None:
        return Creation(Made.TASK, shown, receiver_chain(func, scope, resolver)
                        or _inherited_chain(func, scope, resolver))
    return _function_kind(function, shown, resolver, depth)


def _inherited_chain(func: cst.BaseExpression, scope: Scope, resolver: Resolver) -> str:
    """"Condition().wait": a method of an instance of a class of this module that the class
    does not define (a base of another module may): the project join looks it up there."""
    if not isinstance(func, cst.Attribute):
        return ""
    cls = object_class(func.value, scope, resolver)
    return f"{cls.qualname}().{func.attr.value}" if cls is not None and "." not in cls.qualname \
        else ""


def call_gives(function: Scope, resolver: Resolver) -> Creation:
    """What a call of this function gives, for `ensure_future` of it: `Made.NOTHING` for a
    `@gen.coroutine` or a plain `def` annotated to return a Future, a Task or an `Awaitable` it
    makes or holds; `Made.TASK` with a chain (`asks`) when it returns the call of a function
    another class or module defines (tornado's `Lock.acquire()` returns
    `self._block.acquire()`): no coroutine exactly when that call gives none."""
    return _function_kind(function, "", resolver, 0)


def _function_called(func: cst.BaseExpression, scope: Scope,
                     resolver: Resolver) -> Scope | None:
    """The function of this module a call runs: a function in scope, a method of `self`'s
    class, or a method of the class of this module the receiver is an instance of."""
    found = defined_function(func, scope)
    if found is not None:
        return found
    if isinstance(func, cst.Attribute):
        cls = object_class(func.value, scope, resolver)
        if cls is not None:
            for child in cls.children:
                if child.kind is ScopeKind.FUNCTION and child.name == func.attr.value:
                    return child
    return None


def _function_kind(function: Scope, shown: str, resolver: Resolver, depth: int) -> Creation:
    node = function.node
    assert isinstance(node, cst.FunctionDef)
    if any(_decorator(d) in _GEN_COROUTINES for d in node.decorators) \
            and node.asynchronous is None:
        return Creation(Made.NOTHING, shown)
    if node.asynchronous is not None:
        return Creation(Made.TASK, shown)
    returns = node.returns.annotation if node.returns is not None else None
    head = _annotation_head(returns) if returns is not None else ""
    if head in _FUTURE_TYPES:
        return Creation(Made.NOTHING, shown)
    # an `Awaitable` may be a coroutine: that of a stub (pygls's `AsyncWriter.write() ->
    # Awaitable[None]`, a Protocol's, whose websocket writer returns websockets' `send()`) or of
    # a body returning a call that gives one; not of one returning what it holds (tornado's
    # `Condition.wait()` returns a Future it made, ib_insync's `reqAccountSummaryAsync()` the
    # one it was given); a call nothing types otherwise is still taken as a coroutine's
    if head not in _NOT_COROUTINE_TYPES or is_stub(node):
        return Creation(Made.TASK, shown)
    return _returned_calls(function, shown, resolver, depth)


def _returned_calls(function: Scope, shown: str, resolver: Resolver, depth: int) -> Creation:
    """A plain `def` annotated to give an `Awaitable`: what the calls it returns give. None
    that may give a coroutine: `Made.NOTHING`; one call of another class's or module's
    function (`self._block.acquire(timeout)`): `Made.TASK` asking about it by its chain; more
    than one such, or a call that gives a coroutine or is not followed: `Made.TASK`."""
    assert isinstance(function.node, cst.FunctionDef)
    asks: set[str] = set()
    for n in own_nodes(function.node):
        if not isinstance(n, cst.Return) or not isinstance(n.value, cst.Call):
            continue
        made = _call(n.value, function, resolver, depth + 1) if depth < _MAX_DEPTH \
            else Creation(Made.UNKNOWN)
        if made.made is Made.NOTHING:
            continue
        if made.made is not Made.TASK or not made.asks:
            return Creation(Made.TASK, shown)
        asks.add(made.asks)
    if not asks:
        return Creation(Made.NOTHING, shown)
    return Creation(Made.TASK, shown, asks.pop() if len(asks) == 1 else "")


def _named(value: cst.Name | cst.Attribute, scope: Scope, resolver: Resolver,
           spawned: frozenset[int], depth: int) -> Creation:
    """A name or `self.x`: what every value bound to it makes, when they agree; a parameter
    by its annotation."""
    shown = dotted(value) or "…"
    values: list[tuple[cst.BaseExpression, Scope]] = []
    if isinstance(value, cst.Name):
        for b in resolver.lookup(value.value, scope) or ():
            assert b.scope is not None
            annotation = b.declared_type
            if annotation is not None:
                return _typed(annotation, shown)
            items = _items(b.iterates, b.scope, resolver) if b.kind is BindingKind.FOR else None
            if items is not None:  # `for c in (a(), b())`: each item in turn
                values.extend((item, b.scope) for item in items)
                continue
            if b.kind is not BindingKind.ASSIGN or b.value is None:
                return Creation(Made.UNKNOWN, shown)
            if not is_none(b.value):  # `work = None`: a spawn of it raises, it makes nothing
                values.append((b.value, b.scope))
    else:
        cls, method = scope.enclosing_class(), scope.method()
        if cls is None or method is None or not isinstance(value.value, cst.Name) \
                or value.value.value != method.self_name:
            return Creation(Made.UNKNOWN, shown)
        for annotation, _ in cls.attr_annotations.get(value.attr.value, ()):
            return _typed(annotation, shown)
        values = [(v, s) for v, s in cls.attr_bindings.get(value.attr.value, ())
                  if not is_none(v)]
    made = [made_of(v, s, resolver, spawned, depth + 1) for v, s in values]
    if made and all(m.made is made[0].made for m in made):
        return made[0]
    return Creation(Made.UNKNOWN, shown)


def _items(iterable: cst.BaseExpression | None, scope: Scope, resolver: Resolver
           ) -> tuple[cst.BaseExpression, ...] | None:
    """The values a loop over `iterable` takes, when they are all written out: a list, tuple or
    set literal (nothing starred), or a name bound once to one that is only ever iterated (so
    nothing adds to it); None otherwise."""
    if isinstance(iterable, cst.Name):
        bindings = resolver.lookup(iterable.value, scope) or []
        if len(bindings) != 1 or bindings[0].kind is not BindingKind.ASSIGN \
                or bindings[0].scope is None or any(
                    o.key == iterable.value and o.dest.kind is not Flow.ITER
                    for s in bindings[0].scope.walk() for o in s.occurrences):
            return None
        iterable = bindings[0].value
    if not isinstance(iterable, (cst.List, cst.Tuple, cst.Set)) or any(
            isinstance(e, cst.StarredElement) for e in iterable.elements):
        return None
    return tuple(e.value for e in iterable.elements)


def star_annotation(name: str, scope: Scope, resolver: Resolver) -> Creation | None:
    """What each item of `*name`, a function's starred parameter, makes, by its annotation
    (`*coroutines: Coroutine[Any, Any, None]`); None when `name` is no annotated one."""
    bindings = resolver.lookup(name, scope) or []
    defining = bindings[0].scope if len(bindings) == 1 else None
    node = defining.node if defining is not None else None
    if not isinstance(node, cst.FunctionDef):
        return None
    star = node.params.star_arg
    if not isinstance(star, cst.Param) or star.name.value != name or star.annotation is None:
        return None
    return _typed(star.annotation.annotation, name)


def _typed(annotation: cst.BaseExpression, shown: str) -> Creation:
    """A parameter's or an attribute's value by its annotation: a Future or a Task is no
    coroutine, a `Coroutine` is one; an `Awaitable` may be either."""
    head = _annotation_head(annotation)
    if head in _FUTURE_TYPES:
        return Creation(Made.NOTHING, shown)
    if head in _COROUTINE_TYPES:
        return Creation(Made.TASK, shown)
    return Creation(Made.UNKNOWN, shown)


def _annotation_head(annotation: cst.BaseExpression) -> str:
    """The last name of what an annotation names: `Future` of `asyncio.Future[int]`,
    `"Future[int]"`, `Optional[Future]`; "" when it names no one type."""
    if isinstance(annotation, cst.SimpleString):
        text = annotation.evaluated_value
        if isinstance(text, str):
            try:
                return _annotation_head(cst.parse_expression(text))
            except cst.ParserSyntaxError:
                return ""
        return ""
    if isinstance(annotation, cst.BinaryOperation):  # `asyncio.Task[None] | None`
        left, right = _annotation_head(annotation.left), _annotation_head(annotation.right)
        return right if left == "None" else left if right == "None" else ""
    if isinstance(annotation, cst.Subscript):
        if dotted(annotation.value) in ("Optional", "typing.Optional") and annotation.slice:
            inner = annotation.slice[0].slice
            return _annotation_head(inner.value) if isinstance(inner, cst.Index) else ""
        annotation = annotation.value
    return last_name(annotation) or ""


def _decorator(decorator: cst.Decorator) -> str:
    node = decorator.decorator
    return dotted(node.func if isinstance(node, cst.Call) else node) or ""
