"""What keeps a spawn from running again while the task it stored is still alive: its guard.

A guard is a test the spawn sits behind, in its own function: an `if` around it, or an earlier
`if ...: return` (`raise`, `continue`, `break`) in an enclosing block, whose test reads

- the holder itself: `if self._task is None`, `if not self._task or self._task.done()`,
  `if uid not in self._tasks`, a `.done()` check of a local before it is rebound in a loop;
- a started flag: an attribute (or global) the spawn's function sets to a true constant, and that
  nothing sets back to a false one after initialisation (`if self._started: return;
  self._started = True`) but the spawned coroutine itself (`self._reconnecting = False` in
  `_reconnect()`) or a method that ends the task (`stop()` cancels it, then clears the flag).
  A flag that `stop()` resets and that leaves the task running is no guard: the next start
  re-spawns over it.

Not a guard, but as good: every way to the spawn ends the old task first, or finds its holder
empty (`obligations/liveness.py`, a path question on the function's graph), or the caller
through which it runs again does (`Lifecycle.of`'s `excused`).

Only the spawn's recorded path (`CallSite.path`) and the test expressions are read: no new walk.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from taskleak.analysis.tree.nodes import (
    TESTING_BUILTINS,
    attribute_named,
    dotted,
    exit_word,
    one_line,
    one_returned,
)
from taskleak.analysis.tree.scopes import BindingKind, CallSite, Occurrence, Scope, defined_function
from taskleak.analysis.tree.vocabulary import INIT_METHODS
from taskleak.analysis.tree.walk import children

_SCOPE_NODES = (cst.FunctionDef, cst.Lambda, cst.ClassDef, cst.Module)


def ending_methods(ends: Sequence[Occurrence]) -> tuple[Scope, ...]:
    """The methods in which `ends` (a task's cancels and awaits) are, each once: a started
    flag those methods clear still guards (`guard`, `guarded_call`)."""
    return tuple(dict.fromkeys(m for e in ends if (m := e.scope.method()) is not None))


def guard(site: CallSite, keys: frozenset[str], module: Scope,
          enders: tuple[Scope, ...] = ()) -> str:
    """How the spawn at `site` is guarded against re-spawning over a live task kept under one of
    `keys` (as written in the spawn's scope: "self._task", "task"), or "" when it is not:
    "`if self._task is None`", "`if self._started: return` (self._started is set once, never
    reset)". `enders`: the methods that end the task (a flag they clear still guards)."""
    for written, leaves_by in _tests(site.path):
        test = _inlined(written, site.scope)
        names = names_read(test)
        flags = {n: _set_once(n, site, module, enders) for n in names if n not in keys}
        for name in [n for n in names if n in keys] + [n for n in names if flags.get(n)]:
            # the spawn runs when the test says the holder is empty or finished, or the flag
            # is not set yet
            says = absent(test, name)
            if says is None or says is not (leaves_by == ""):
                continue
            code = one_line(written)
            if len(code) > 60:
                code = code[:59] + "…"
            shown = f"`if {code}: {leaves_by}`" if leaves_by else f"`if {code}`"
            return shown if name in keys else f"{shown} ({name} {flags[name]})"
    return ""


def _tests(path: tuple[cst.CSTNode, ...]) -> list[tuple[cst.BaseExpression, str]]:
    """The tests the last node of `path` sits behind, innermost first, up to its scope: an `if`
    around it ("": the spawn runs when the test is true), or an earlier `if ...: return` in an
    enclosing block (the exit's word: the spawn runs when the test is false)."""
    out: list[tuple[cst.BaseExpression, str]] = []
    for k in range(len(path) - 1, 0, -1):
        parent, child = path[k - 1], path[k]
        if isinstance(parent, _SCOPE_NODES) and not isinstance(parent, cst.Module):
            break
        if isinstance(parent, cst.If) and child is parent.body:
            out.append((parent.test, ""))
        elif isinstance(parent, cst.BooleanOperation) and isinstance(parent.operator, cst.And) \
                and child is parent.right:
            out.append((parent.left, ""))  # `if x is None and not await self._connect()`
        elif isinstance(parent, (cst.IndentedBlock, cst.Module)):
            for stmt in parent.body:
                if stmt is child:
                    break
                if isinstance(stmt, cst.If) and exit_word(stmt.body):
                    out.append((stmt.test, exit_word(stmt.body)))
        if isinstance(parent, cst.Module):
            break
    return out


def guarded_call(call: Occurrence, keys: frozenset[str], module: Scope | None = None,
                 enders: tuple[Scope, ...] = ()) -> bool:
    """A call of the spawning method made behind the caller's own test that the holder is
    empty (`if name in self._pending: continue`, then `self._start(name)`), or that its own
    started flag is not set yet (`if self._started: return; self._started = True`, the flag
    cleared only by `enders`, which end the task): that caller never re-spawns over a live
    task, so its calls do not count as runs (`Lifecycle.of`'s `excused`). Needs the read's
    path (the scan keeps it for `self.method` calls)."""
    callee = _called_method(call)
    for written, leaves_by in _tests(call.path):
        test = _inlined(written, call.scope)
        for name in names_read(test):
            if name in keys or (module is not None
                                and _flag(name, call.scope, module, _spawned_by(callee), enders,
                                          callee)):
                says = absent(test, name)
                if says is not None and says is (leaves_by == ""):
                    return True
    return False


def guarding_names(call: Occurrence) -> tuple[str, ...]:
    """The names whose test the call sits behind, each saying the holder is empty where the
    call runs (`if app in _in_flight: raise`, then `spawn_deploy(app)`): a caller that tests
    the very holder its callee stores into re-spawns over no live task (`guarded_call`, asked
    of a caller in another module by the holder's name as bound there)."""
    return names_guarding(call.path, call.scope)


def names_guarding(path: tuple[cst.CSTNode, ...], scope: Scope) -> tuple[str, ...]:
    """`guarding_names` of what sits under `path` in `scope`."""
    out: list[str] = []
    for written, leaves_by in _tests(path):
        test = _inlined(written, scope)
        for name in names_read(test):
            says = absent(test, name)
            if says is not None and says is (leaves_by == "") and name not in out:
                out.append(name)
    return tuple(out)


# what a local bound once may hold that a guard reads as the test it is
_TESTS = (cst.Call, cst.Comparison, cst.UnaryOperation, cst.BooleanOperation)


def _inlined(test: cst.BaseExpression, scope: Scope) -> cst.BaseExpression:
    """The test with each call of a method of the spawn's own class whose body is one
    `return <expr>` (a docstring aside) replaced by that expression: `if
    self._update_running(uid): raise` tests what `_update_running` returns; a local bound once in
    the function to such a test (`fired = tasks.wake.done()`, then `if fired:`) is that test.
    Under `not`, `and` and `or` too; anything else is left as it is."""
    if isinstance(test, cst.UnaryOperation):
        return test.with_changes(expression=_inlined(test.expression, scope))
    if isinstance(test, cst.BooleanOperation):
        return test.with_changes(left=_inlined(test.left, scope),
                                 right=_inlined(test.right, scope))
    if isinstance(test, cst.Name):  # `fired = tasks.wake.done()`, then `if fired:`
        bound = scope.bindings.get(test.value, [])
        value = bound[0].value if len(bound) == 1 and bound[0].kind is BindingKind.ASSIGN \
            else None
        return _inlined(value, scope) if isinstance(value, _TESTS) else test
    method, cls = scope.method(), scope.enclosing_class()
    if not isinstance(test, cst.Call) or not isinstance(test.func, cst.Attribute) \
            or method is None or cls is None or not method.self_name \
            or dotted(test.func.value) != method.self_name:
        return test
    returned = returned_by_member(cls, test.func.attr.value, method.self_name)
    return returned if returned is not None else test


def returned_by_member(cls: Scope, name: str, self_name: str) -> cst.BaseExpression | None:
    """What the member `name` of `cls` returns when its body is one `return <expr>`: a
    property's reading, a predicate method's call. None when its `self` is named otherwise
    (the expression would not read the same) or its body is anything else."""
    member = next((c for c in cls.children
                   if c.name == name and isinstance(c.node, cst.FunctionDef)), None)
    if member is None or member.self_name != self_name:
        return None
    return one_returned(member.node)


def names_read(test: cst.BaseExpression) -> list[str]:
    """The names and dotted names a test reads (`self._task`, `task`), in text order."""
    out: list[str] = []
    todo: list[cst.CSTNode] = [test]
    while todo:
        node = todo.pop()
        named = _attr_call(node)
        if named:  # `hasattr(self, "_task")` reads `self._task`
            out.append(named)
        if isinstance(node, (cst.Name, cst.Attribute)):
            name = dotted(node)
            if name is not None:
                out.append(name)
                if isinstance(node, cst.Attribute):
                    todo.append(node.value)  # `self._task.done` reads `self._task` too
                continue
        todo.extend(reversed(children(node)))
    return list(dict.fromkeys(out))


def absent(test: cst.BaseExpression, key: str, aliases: frozenset[str] = frozenset()
           ) -> bool | None:
    """Whether the test being true says `key` holds no live task (True: `x is None`, `not x`,
    `x.done()`, `k not in x`; for a flag, that it is not set) or that it holds one (False:
    `x`, `x is not None`, `k in x`, a set flag); None when the test says neither. `aliases`:
    names an earlier part of the test bound to what `key` holds (`(t := self._tasks.get(k))
    and not t.done()`); `bool(x)` says what `x` says."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        inner = absent(test.expression, key, aliases)
        return None if inner is None else not inner
    if isinstance(test, cst.BooleanOperation):
        later = aliases | _bound_to(test.left, key)
        sides = [p for p in (absent(test.left, key, aliases), absent(test.right, key, later))
                 if p is not None]
        return sides[0] if sides and all(p is sides[0] for p in sides) else None
    if isinstance(test, cst.NamedExpr):
        return absent(test.value, key, aliases)
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Name) \
            and test.func.value == "bool" and len(test.args) == 1:
        return absent(test.args[0].value, key, aliases)
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Attribute) \
            and dotted(test.func.value) in aliases \
            and test.func.attr.value in ("done", "cancelled"):
        return True
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        op, right = test.comparisons[0].operator, test.comparisons[0].comparator
        if isinstance(op, (cst.Is, cst.IsNot, cst.Equal, cst.NotEqual)) and \
                isinstance(right, cst.Name) and right.value == "None" and reads(test.left, key):
            return isinstance(op, (cst.Is, cst.Equal))
        if isinstance(op, (cst.In, cst.NotIn)) and dotted(right) == key:
            return isinstance(op, cst.NotIn)
        return None
    if isinstance(test, cst.Call) and isinstance(test.func, cst.Attribute) \
            and dotted(test.func.value) == key and test.func.attr.value in ("done", "cancelled"):
        return True
    if _attr_call(test) == key:  # `hasattr(self, "_task")`, `getattr(self, "_task", None)`
        return False
    if reads(test, key):
        return False
    return None


def _bound_to(test: cst.BaseExpression, key: str) -> frozenset[str]:
    """The names `test` binds (`:=`) to `key` or an entry of it."""
    if isinstance(test, cst.NamedExpr) and isinstance(test.target, cst.Name) \
            and reads(test.value, key):
        return frozenset({test.target.value})
    return frozenset()


def _attr_call(node: cst.CSTNode) -> str:
    """"self._task" for `hasattr(self, "_task")` / `getattr(self, "_task", None)`, else ""."""
    return attribute_named(node, TESTING_BUILTINS)


def reads(expr: cst.BaseExpression, key: str) -> bool:
    """`key` itself, or an entry of it (`self._tasks.get(uid)`, `self._tasks[uid]`)."""
    if dotted(expr) == key or _attr_call(expr) == key:
        return True
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) \
            and expr.func.attr.value == "get":
        return dotted(expr.func.value) == key
    return isinstance(expr, cst.Subscript) and dotted(expr.value) == key


def _initialising(scope: Scope) -> bool:
    method = scope.method()
    return method is None or method.name in INIT_METHODS


def _set_once(name: str, site: CallSite, module: Scope,
              enders: tuple[Scope, ...] = ()) -> str:
    """How `name` is a flag the spawn's function sets to a true constant and nothing sets back
    to a false one but where it is initialised (`__init__`, the class body, the module's top),
    the spawned coroutine itself (`self._reconnecting = False` in `_reconnect()`: the next
    spawn waits until the running task has got that far), or a method of `enders` (those that
    end the task: `stop()` cancels it, then clears the flag): "is set once, never reset", "is
    reset only in stop(), which ends the task"; "" when it is no such flag."""
    coro = site.args[0].value if site.args else None
    spawned = defined_function(coro.func, site.scope) if isinstance(coro, cst.Call) else None
    return _flag(name, site.scope, module, (spawned,) if spawned is not None else (), enders)


def _called_method(call: Occurrence) -> Scope | None:
    """The method of the caller's own class that `call` (`self._connect(...)`) calls."""
    method, cls = call.scope.method(), call.scope.enclosing_class()
    head, _, attr = call.key.partition(".")
    if method is None or cls is None or head != method.self_name or "." in attr:
        return None
    return next((m for m in cls.children if m.name == attr), None)


def _spawned_by(callee: Scope | None) -> tuple[Scope, ...]:
    """The functions of the module whose coroutines `callee` spawns (`self._pump_upstream()`):
    a flag their own run clears is cleared as the task finishes."""
    if callee is None:
        return ()
    coros = (site.args[0].value if site.args else None
             for s in callee.walk() for site in s.calls)
    return tuple(f for c in coros if isinstance(c, cst.Call)
                 and (f := defined_function(c.func, callee)) is not None)


def _flag(name: str, scope: Scope, module: Scope, spawned: tuple[Scope, ...],
          enders: tuple[Scope, ...], callee: Scope | None = None) -> str:
    """`_set_once` for a test in `scope` (the spawn's, or a caller's: `guarded_call`, where
    `callee` is the method it calls, which may set the flag beside its store: `self._writer =
    writer` then `self._pump = spawn(...)`, behind the caller's `if self._writer is None`). A
    value that is no constant sets the flag only where it is set this way (the test's method,
    or `callee`); elsewhere it may be a false one, so it is taken as a reset."""
    method = scope.method()
    if method is None:
        return ""
    base, _, attr = name.partition(".")
    cls = scope.enclosing_class()
    if attr and "." not in attr and cls is not None and base == method.self_name:
        values = cls.attr_bindings.get(attr, [])
        setters = (method, callee)

        def in_setter(where: Scope) -> bool:
            return any(where.method() is m for m in setters if m is not None)

        def sets(value: cst.BaseExpression, where: Scope) -> bool:
            truth = _constant(value)
            return truth is True or (truth is None and in_setter(where))

        if not any(sets(v, s) and in_setter(s) for v, s in values):
            return ""
        resets = [s.method() for v, s in values if not sets(v, s)
                  and not _initialising(s) and not any(s.within(f) for f in spawned)]
        if not resets:
            return "is set once, never reset"
        if all(any(m is e for e in enders) for m in resets):
            where = ", ".join(dict.fromkeys(f"{m.name}()" for m in resets if m is not None))
            return f"is reset only in {where}, which ends the task"
        return ""
    if attr or name not in method.declared_global:
        return ""
    bindings = [b for b in module.bindings.get(name, []) if b.kind is BindingKind.ASSIGN]
    truthy = [b for b in bindings if b.value is not None and _constant(b.value) is True]
    # one false initial value (at the module's top) and only true values after it
    return "is set once, never reset" if truthy and len(bindings) - len(truthy) <= 1 else ""


def _constant(value: cst.BaseExpression) -> bool | None:
    """True / False for a constant's truth (`True`, `1`, `None`, `0`), None for anything else."""
    if isinstance(value, cst.Name) and value.value in ("True", "False", "None"):
        return value.value == "True"
    if isinstance(value, cst.Integer):
        return value.value not in ("0", "0x0", "0o0", "0b0")
    return None
