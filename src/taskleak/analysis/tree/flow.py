"""Where a value goes from the place it is produced or read: `trace` climbs the stack of nodes
above it (the scan's walk stack) and says what happens to it (`Dest`).

`asyncio.create_task(...)` as a statement is discarded; `self._t = ...` binds it; `await x`,
`gather(x)`, `x.cancel()`, `tasks.add(x)`, `tasks.discard`, `return x`, `f(x)`: each is a `Flow`.
A value in a list, a comprehension, a conditional, a `+` or a subscript climbs on (`container`).
Speed: called for every read of a name in a module; node classes are tested by exact type (see
`nodes.py`), and each parent class has its handler in a dict.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from taskleak.analysis.tree.comprehensions import comprehension_of, copies_its_elements
from taskleak.analysis.tree.dests import Dest, Flow, Waited
from taskleak.analysis.tree.nodes import callee_text, dotted, last_name
from taskleak.analysis.tree.vocabulary import (
    COLLECTION_ADDS,
    ELEMENT_METHODS,
    GATHERERS,
    INSPECT_METHODS,
    INSPECTING_CALLS,
    PASSTHROUGH_CALLS,
    PRUNES,
    QUEUE_PUTS,
    THREAD_RUNNERS,
    VIEW_METHODS,
)
from taskleak.analysis.tree.walk import POLLED, polled_until_done, under_done_check

_OTHER = Flow.OTHER
# What a climbing handler returns: the value's new node and index, and its container and
# element flags; a terminal handler returns the Dest.
_Climb = tuple[cst.CSTNode, int, bool, bool]
_Handler = Callable[[list[cst.CSTNode], int, cst.CSTNode, bool, bool], "Dest | _Climb"]


def trace(stack: list[cst.CSTNode], i: int) -> Dest:
    """Follow the value of stack[i] upwards and say what happens to it."""
    node = stack[i]
    container = False
    element = False
    j = i - 1
    while j >= 0:
        handler = _HANDLERS.get(type(stack[j]))
        if handler is None:
            return Dest(_OTHER, container=container, element=element)
        out = handler(stack, j, node, container, element)
        if type(out) is Dest:
            return out
        node, j, container, element = out  # type: ignore[misc]
    return Dest(_OTHER)


def _assign(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
            element: bool) -> Dest:
    parent: cst.Assign = stack[j]  # type: ignore[assignment]
    if parent.value is node:
        return Dest(Flow.BOUND, targets=tuple(t.target for t in parent.targets),
                    container=container, element=element)
    return Dest(_OTHER)


def _assign_target(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
                   element: bool) -> Dest:
    # a read inside a target: `d[k] = v` reads `d` to store into it
    parent: cst.AssignTarget = stack[j]  # type: ignore[assignment]
    if isinstance(node, cst.Subscript) and parent.target is node:
        return Dest(Flow.SUBSCRIPT_STORE)
    return Dest(_OTHER)


def _aug_assign(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
                element: bool) -> Dest:
    parent: cst.AugAssign = stack[j]  # type: ignore[assignment]
    if parent.value is node:
        return Dest(Flow.BOUND, targets=(parent.target,), container=True, element=element)
    if isinstance(parent.target, cst.Subscript):
        return Dest(_OTHER)
    adds = isinstance(parent.operator, (cst.AddAssign, cst.BitOrAssign))
    return Dest(Flow.COLLECTION_ADD if adds else _OTHER, element=element)


def _ann_assign(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
                element: bool) -> Dest:
    parent: cst.AnnAssign | cst.NamedExpr = stack[j]  # type: ignore[assignment]
    if parent.value is node:
        return Dest(Flow.BOUND, targets=(parent.target,), container=container, element=element)
    return Dest(_OTHER)


def _param(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
           element: bool) -> Dest:
    # a parameter's default names the value inside the function (`_tasks=self._tasks`): the
    # parameter is an alias of it (`ownership.py`), stack: definition, Parameters, Param
    parent: cst.Param = stack[j]  # type: ignore[assignment]
    definition = stack[j - 2] if j > 1 else None
    if parent.default is node and isinstance(definition, (cst.FunctionDef, cst.Lambda)):
        return Dest(Flow.DEFAULT, targets=(parent.name,), container=container, element=element,
                    definition=definition)
    return Dest(_OTHER)


def _lambda(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
            element: bool) -> Dest | _Climb:
    # handed to a call that calls it back (`callee`; passed.py: who drops what it returns), or
    # to `context.run(...)`, which returns it (followed); kept elsewhere, it is returned
    call = stack[j - 2] if j > 1 and isinstance(stack[j - 1], cst.Arg) else None
    if not isinstance(call, cst.Call):
        return Dest(Flow.RETURNED, container=container, element=element)
    if last_name(call.func) == "run" and stack[j - 1] is call.args[0]:
        return call, j - 3, container, element
    return Dest(Flow.LAMBDA, container=container, element=element, call=call,
                callee=callee_text(call.func))


def _element(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
             element: bool) -> _Climb:
    return stack[j - 1], j - 2, True, element  # the list, set or tuple it is an element of


def _dict_element(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
                  element: bool) -> Dest | _Climb:
    parent: cst.DictElement = stack[j]  # type: ignore[assignment]
    if parent.value is not node and parent.key is not node:
        return Dest(_OTHER)
    # a key is kept as a value is (`{create_task(c): name for ...}`, raced over `set(d)`)
    return stack[j - 1], j - 2, True, element


def _comprehension(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
                   element: bool) -> Dest | _Climb:
    parent = stack[j]
    elt = parent.value if type(parent) is cst.DictComp else parent.elt  # type: ignore[attr-defined]
    if elt is node or (type(parent) is cst.DictComp and parent.key is node):
        return parent, j - 1, True, element
    return Dest(_OTHER)


def _iterated(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
              element: bool) -> Dest:
    parent: cst.For | cst.CompFor = stack[j]  # type: ignore[assignment]
    if parent.iter is node:
        if type(parent) is not cst.CompFor:
            return Dest(Flow.ITER, targets=(parent.target,), element=element)
        comp = stack[comprehension_of(stack, j)]
        return Dest(Flow.ITER, targets=(parent.target,), element=element, comprehension=id(comp),
                    copies=copies_its_elements(comp))
    return Dest(_OTHER)


def _conditional(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
                 element: bool) -> Dest | _Climb:
    """`a if c else b`, `a or b`, and `first + second` (lists joined, sets merged): the value
    goes where the expression goes."""
    parent = stack[j]
    if (type(parent) is cst.IfExp and parent.test is node) or (
            type(parent) is cst.BinaryOperation and (
                type(parent.operator) not in _JOINS
                or (j >= _MAX_JOINED and type(stack[j - _MAX_JOINED]) is cst.BinaryOperation))):
        return Dest(_OTHER)  # (a sum of thousands of terms: each read climbs a few at most)
    return parent, j - 1, container, element


_JOINS = (cst.Add, cst.BitOr)
_MAX_JOINED = 4


def _subscript(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
               element: bool) -> Dest | _Climb:
    parent: cst.Subscript = stack[j]  # type: ignore[assignment]
    if parent.value is node:
        return parent, j - 1, container, True
    return Dest(_OTHER)


def _index(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
           element: bool) -> Dest:
    """`self._pending[task] = conn`: a key of the dict stored into, which holds it like
    `self._pending.add(task)` would."""
    if j >= 3 and type(stack[j - 1]) is cst.SubscriptElement:
        sub, holder = stack[j - 2], stack[j - 3]
        if type(sub) is cst.Subscript and type(holder) is cst.AssignTarget \
                and holder.target is sub and len(sub.slice) == 1:
            return Dest(Flow.COLLECTION, collection=dotted(sub.value), receiver=sub.value,
                        callee="__setitem__", container=container, element=element)
    return Dest(_OTHER)


def _attribute(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
               element: bool) -> Dest | _Climb:
    """The value is the object of `.attr`: a method called on it, or a method passed on."""
    parent: cst.Attribute = stack[j]  # type: ignore[assignment]
    if parent.value is not node:
        return Dest(_OTHER, container=container, element=element)
    attr = parent.attr.value
    grand = stack[j - 1] if j > 0 else None
    if type(grand) is cst.Call and grand.func is parent:
        return _method_call(stack, j, attr, container, element)
    if type(grand) is cst.Arg and attr in PRUNES:
        return Dest(Flow.PRUNE_REF, element=element)  # `t.add_done_callback(s.discard)`
    runner = stack[j - 2] if j > 2 else None
    if type(grand) is cst.Arg and attr == "result" and type(runner) is cst.Call \
            and type(stack[j - 3]) is cst.Await \
            and (last_name(runner.func) or "") in THREAD_RUNNERS:
        # `await to_thread.run_sync(future.result)`: a worker thread blocks on it, awaited
        return Dest(Flow.AWAITED, callee=".result()", element=element, waited=Waited.RESULT)
    if type(grand) is cst.Arg and attr == "cancel" and j > 1 and type(stack[j - 2]) is cst.Call:
        if (into := _arg(stack, j - 1, parent, container, element)).kind is Flow.COLLECTION:
            # `self.tasks.append(task.cancel)`: the bound method holds its task (`__self__`), so
            # the collection keeps the task as if it were added itself (netix's cleanup list),
            # and a call of what it holds cancels it (`Effects.with_bound_cancels`)
            into.bound_cancel = True
            return into
        # `stack.callback(t.cancel)`, `loop.call_later(5, t.cancel)`: cancelled by whoever
        # calls it back (`callee`: who)
        registrar: cst.Call = stack[j - 2]  # type: ignore[assignment]
        return Dest(Flow.CANCEL, element=element, callee=callee_text(registrar.func))
    return Dest(_OTHER, element=element)


DONE_CHECKED = " under a done() check"
TIMED_RESULT = ".result(timeout=...)"  # a blocking wait that can give up (`waits.timed_result`)
DELEGATED = "__await__()"  # `return self._task.__await__()`: awaited when the object is


def _method_call(stack: list[cst.CSTNode], j: int, attr: str, container: bool,
                 element: bool) -> Dest | _Climb:
    """The value is the receiver of `.attr(...)` (stack[j-1] is the call)."""
    if attr == "cancel":
        return Dest(Flow.CANCEL, element=element)
    if attr == "add_done_callback":  # the call, to follow the callback (`closing.py`)
        return Dest(Flow.DONE_CALLBACK, element=element, call=stack[j - 1])  # type: ignore[arg-type]
    if attr == "__await__" and j > 1 and type(stack[j - 2]) in (cst.From, cst.Await, cst.Return):
        # awaiting the object
        return Dest(Flow.AWAITED, callee=DELEGATED, element=element, waited=Waited.DELEGATED)
    if attr == "result":  # `run_coroutine_threadsafe(...).result()` blocks on it
        call: cst.Call = stack[j - 1]  # type: ignore[assignment]
        limit = call.args[0].value if call.args else None  # `.result(None)` waits for good
        timed, checked = limit is not None and dotted(limit) != "None", under_done_check(stack, j)
        # an asyncio Task's read only when done ends nothing
        shown = (TIMED_RESULT if timed else ".result()") + (DONE_CHECKED if checked else "")
        return Dest(Flow.AWAITED, callee=shown, element=element, done_checked=checked,
                    waited=Waited.TIMED_RESULT if timed else Waited.RESULT)
    if attr in PRUNES:
        if attr in ELEMENT_METHODS:
            # `d.pop(k)` prunes and yields the element: follow the element
            inner = trace(stack, j - 1)
            return Dest(Flow.PRUNE, element=element,
                        targets=inner.targets if inner.kind is Flow.BOUND else ())
        return Dest(Flow.PRUNE, element=element)
    if attr in ELEMENT_METHODS:
        return stack[j - 1], j - 2, container, True
    if attr in VIEW_METHODS:
        return stack[j - 1], j - 2, container, element
    if attr in COLLECTION_ADDS:
        return Dest(Flow.COLLECTION_ADD, element=element)
    if attr in INSPECT_METHODS:  # `while not t.done(): sleep(...)` waits for it, by polling
        polled = attr == "done" and polled_until_done(stack, j)
        return Dest(Flow.AWAITED if polled else Flow.INSPECT, callee=POLLED if polled else "",
                    element=element, waited=Waited.POLLED if polled else None)
    return Dest(Flow.METHOD, callee=attr, element=element)


# keywords of asyncio's waits that say how to wait, not what for
_WAIT_SETTINGS = frozenset({"timeout", "return_when", "return_exceptions", "loop"})


def _arg(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
         element: bool) -> Dest:
    """The value is an argument (stack[j] is the Arg) of the call at stack[j-1]."""
    call = stack[j - 1] if j > 0 else None
    if not isinstance(call, cst.Call):
        return Dest(_OTHER)
    name = last_name(call.func)
    if name in PASSTHROUGH_CALLS and isinstance(call.func, cst.Name):
        # `list(self._tasks)`: the copy holds the same tasks
        inner = trace(stack, j - 1)
        inner.container = inner.container or container
        return inner
    if name in ("zip", "enumerate") and isinstance(call.func, cst.Name):
        target = _unzipped_target(stack, j, call)
        if target is not None:  # `for name, task in zip(names, tasks)`: `task` is an element
            return Dest(Flow.ITER, targets=(target,), element=element)
    if name in GATHERERS:
        arg = stack[j]
        if isinstance(arg, cst.Arg) and arg.keyword is not None \
                and arg.keyword.value in _WAIT_SETTINGS:
            return Dest(_OTHER)  # `wait(tasks, timeout=timeout)`: how long, not what
        return Dest(Flow.GATHERED, callee=callee_text(call.func), container=container,
                    element=element, awaited=_consumer_awaited(stack, j - 1), call=call,
                    arg=stack[j])  # type: ignore[arg-type]
    if isinstance(call.func, cst.Attribute) and name in COLLECTION_ADDS \
            and name not in QUEUE_PUTS:
        return Dest(Flow.COLLECTION, collection=dotted(call.func.value),
                    receiver=call.func.value, callee=name, container=container,
                    element=element, call=call, arg=stack[j])  # type: ignore[arg-type]
    if name == "add_done_callback":
        return Dest(_OTHER, element=element)
    if name in INSPECTING_CALLS:
        return Dest(Flow.INSPECT, element=element)
    # (`awaited`: the names may resolve the callee to a wait: `gather` imported as another name)
    return Dest(Flow.PASSED, callee=callee_text(call.func), container=container,
                element=element, call=call, arg=stack[j],  # type: ignore[arg-type]
                awaited=_consumer_awaited(stack, j - 1))


def _unzipped_target(stack: list[cst.CSTNode], j: int,
                     call: cst.Call) -> cst.BaseExpression | None:
    """The name a `for` over `zip(...)`/`enumerate(...)` binds the argument at stack[j]'s
    elements to: its place in the target tuple; None when the call is not the loop's iterable
    or the target does not unpack it."""
    loop = stack[j - 2] if j > 1 else None
    if not isinstance(loop, (cst.For, cst.CompFor)) or loop.iter is not call \
            or not isinstance(loop.target, (cst.Tuple, cst.List)):
        return None
    positional = [a for a in call.args if a.keyword is None and not a.star]
    if len(positional) != len(call.args) or stack[j] not in positional:
        return None
    index = positional.index(stack[j])  # type: ignore[arg-type]
    width = len(positional)
    if last_name(call.func) == "enumerate":  # `for i, task in enumerate(tasks)`
        index, width = index + 1, 2
    elements = loop.target.elements
    return elements[index].value if len(elements) == width and index < width else None


def _called(stack: list[cst.CSTNode], j: int, node: cst.CSTNode, container: bool,
            element: bool) -> Dest:
    """The value is the function of the call at stack[j]: where the call's value goes (a
    method that returns a kept task, awaited by its caller: `await self._stop_task()`)."""
    parent: cst.Call = stack[j]  # type: ignore[assignment]
    if parent.func is not node:
        return Dest(_OTHER)
    awaited = trace(stack, j - 1) if j and type(stack[j - 1]) is cst.Await else None
    return Dest(Flow.CALLED, result=trace(stack, j), awaited_value=awaited)


def _consumer_awaited(stack: list[cst.CSTNode], k: int) -> bool:
    """Whether the call at stack[k] is awaited (possibly through another call)."""
    for j in range(k - 1, max(k - 6, -1), -1):
        node = stack[j]
        if isinstance(node, cst.Await):
            return True
        if isinstance(node, (cst.BaseSmallStatement, cst.BaseCompoundStatement)):
            return False
    return False


def _ends(kind: Flow) -> _Handler:
    """The handler of a parent where the value's way ends as `kind` (`await x`, `return x`)."""
    waited = Waited.AWAIT if kind is Flow.AWAITED else None
    return lambda stack, j, node, container, element: Dest(kind, container=container,
                                                           element=element, waited=waited)


_HANDLERS: dict[type, _Handler] = {
    cst.Expr: _ends(Flow.DISCARDED),
    cst.Await: _ends(Flow.AWAITED),
    cst.Assign: _assign,
    cst.AssignTarget: _assign_target,
    cst.AugAssign: _aug_assign,
    cst.AnnAssign: _ann_assign,
    cst.NamedExpr: _ann_assign,
    cst.Return: _ends(Flow.RETURNED),
    cst.Yield: _ends(Flow.RETURNED),
    cst.From: _ends(Flow.RETURNED),
    cst.Lambda: _lambda,
    cst.Param: _param,
    cst.Arg: _arg,
    cst.Call: _called,
    cst.Element: _element,
    cst.StarredElement: _element,
    cst.DictElement: _dict_element,
    cst.CompFor: _iterated,
    cst.For: _iterated,
    cst.IfExp: _conditional,
    cst.BooleanOperation: _conditional,
    cst.BinaryOperation: _conditional,
    cst.Subscript: _subscript,
    cst.Index: _index,
    cst.Attribute: _attribute,
    cst.Del: lambda stack, j, node, container, element: Dest(Flow.PRUNE, element=element),
    **{cls: _comprehension for cls in (cst.ListComp, cst.SetComp, cst.GeneratorExp,
                                        cst.DictComp)},
}
# Looked up by exact type: each must be a class without subclasses (nodes.LEAF_TYPES).
TRACED_PARENTS = frozenset(_HANDLERS)
