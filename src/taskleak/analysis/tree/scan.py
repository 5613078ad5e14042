"""The one walk over a module that records what the later stages need.

The walk keeps a stack of the nodes above the current one, so each fact is read where it happens:
- scopes (module, classes, functions, lambdas) with their bindings (imports, assignments,
  parameters, `with ... as`, loop targets), so names can be resolved later (`resolve.py`);
- every read of a name or dotted attribute (`task`, `self._task`) and what happens to the value
  read there (`flow.trace`), so ownership can follow a Task (`ownership.py`);
- every call that might spawn a task, by name (`vocabulary.py`), with what happens to its
  result, and the calls whose result is dropped (facts other modules may ask about).

Nothing is resolved during the walk: a name may be bound after its first use in the text.
"""

from __future__ import annotations

import sys

import libcst as cst

from taskleak.analysis.tree.dests import Dest, Flow
from taskleak.analysis.tree.flow import trace
from taskleak.analysis.tree.nodes import (
    callee_text,
    dotted,
    function_called_back,
    is_long_running_test,
    is_property,
    last_name,
    loop_flag,
    position_of,
)
from taskleak.analysis.tree.scopes import (
    Binding,
    BindingKind,
    CallSite,
    DroppedCallSite,
    Key,
    Occurrence,
    Scope,
    ScopeKind,
)
from taskleak.analysis.tree.stack import StackWalker, until_success
from taskleak.analysis.tree.vocabulary import (
    CALLBACK_POSITIONS,
    CALLED_BACK_LATER,
    LOOP_RUNNERS,
    SPAWN_FUNCTIONS,
    SPAWN_METHODS,
    VIA_CALLS,
    WRAPPING_NAMES,
)

_SPAWN_NAMES = SPAWN_FUNCTIONS | SPAWN_METHODS
# reads whose place matters later: which wait, which `try` (waits.py, a task's own prune);
# a hand-off too: where a task is handed after a race says whether it runs when the race
# is cut short (`race_fates.py`)
_PATH_KEPT = frozenset({Flow.GATHERED, Flow.CANCEL, Flow.PRUNE, Flow.PASSED})
# an event set in a `finally` (or last) and awaited elsewhere: a join (lifetimes.py)
_PATH_KEPT_METHODS = frozenset({"set", "wait"})


class Scanner(StackWalker):
    """Builds the scope tree of one module (see the module docstring) in one `Walker` walk."""

    def __init__(self, extra_names: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.module_scope: Scope | None = None
        self.scope: Scope | None = None
        self.deepest = 0  # the stack's depth at the deepest name (Scope.deepest)
        # names that call a spawn: configured spawners' last names and local aliases
        self.extra_names = extra_names
        # the loops around the current node: [scope, long-running `while`, left by break/return]
        self._loop_stack: list[list[object]] = []

    def _push(self, kind: ScopeKind, name: str, node: cst.CSTNode,
              is_async: bool = False) -> Scope:
        scope = Scope(kind, name, node, self.scope, is_async=is_async, seq=self.seq)
        if self.scope is not None:
            self.scope.children.append(scope)
        self.scope = scope
        self._scope_nodes.add(id(node))
        return scope

    def _pop(self) -> None:
        assert self.scope is not None
        self.scope = self.scope.parent

    @property
    def cur(self) -> Scope:
        assert self.scope is not None
        return self.scope

    # -- scopes --------------------------------------------------------------------------
    def visit_Module(self, node: cst.Module) -> None:
        self.module_scope = self._push(ScopeKind.MODULE, "<module>", node)

    def leave_Module(self, original_node: cst.Module) -> None:
        self._pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.cur.bind(node.name.value, Binding(BindingKind.CLASS, value=None))
        self._push(ScopeKind.CLASS, node.name.value, node)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        outer = self.cur
        returns = node.returns.annotation if node.returns is not None else None
        outer.bind(node.name.value, Binding(BindingKind.DEF, value=returns,
                                            is_property=is_property(node)))
        scope = self._push(ScopeKind.FUNCTION, node.name.value, node, node.asynchronous is not None)
        params = node.params
        ordered = [*params.posonly_params, *params.params]
        is_method = outer.kind is ScopeKind.CLASS
        static = any(
            isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
            for d in node.decorators
        )
        for i, p in enumerate(ordered):
            first = is_method and i == 0 and not static
            scope.bind(p.name.value,
                       Binding(BindingKind.PARAM, value=_annotation(p), first_param=first))
            if first:
                scope.self_name = p.name.value
        for p in (*params.kwonly_params,):
            scope.bind(p.name.value, Binding(BindingKind.PARAM, value=_annotation(p)))
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                scope.bind(star.name.value, Binding(BindingKind.OTHER))
        if not is_method and outer.self_name and outer.kind is ScopeKind.FUNCTION:
            # a function nested in a method sees `self` through its closure
            scope.self_name = None

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        scope = self._push(ScopeKind.LAMBDA, "<lambda>", node)
        for p in node.params.params:
            scope.bind(p.name.value, Binding(BindingKind.PARAM))

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self._pop()

    # -- bindings ------------------------------------------------------------------------
    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            full = dotted(alias.name) or ""
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self.cur.bind(alias.asname.name.value, Binding(BindingKind.IMPORT, qualified=full))
            else:
                top = full.split(".")[0]
                self.cur.bind(top, Binding(BindingKind.IMPORT, qualified=top))
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        # relative imports keep their dots: `from . import x` -> ".x", `from ..a import x` ->
        # "..a.x" (the project join resolves them against the importing file's folder)
        dots = "." * len(node.relative)
        module = dotted(node.module) or "" if node.module is not None else ""
        prefix = f"{dots}{module}." if module else dots
        if isinstance(node.names, cst.ImportStar):
            # what the module re-exports: the project join follows `pkg.Client` through
            # `pkg/__init__.py`'s `from .client import *`
            self.cur.star_imports.append(f"{dots}{module}" if module else dots)
            return False
        for alias in node.names:
            name = dotted(alias.name) or ""
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            self.cur.bind(local, Binding(BindingKind.IMPORT, qualified=prefix + name))
            if (name in SPAWN_FUNCTIONS or name in WRAPPING_NAMES) and local != name:
                self.extra_names = self.extra_names | {local}  # `create_task as spawn`
        return False

    def visit_Global(self, node: cst.Global) -> bool:
        self.cur.declared_global.update(n.name.value for n in node.names)
        return False

    def visit_Nonlocal(self, node: cst.Nonlocal) -> bool:
        self.cur.declared_nonlocal.update(n.name.value for n in node.names)
        return False

    def visit_Assign(self, node: cst.Assign) -> None:
        for t in node.targets:
            self._bind_target(t.target, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._bind_target(node.target, node.value if node.value is not None else None,
                          annotation=node.annotation.annotation)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind_target(node.target, None)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind_target(node.target, node.value)

    def visit_For(self, node: cst.For) -> None:
        self._bind_target(node.target, None, kind=BindingKind.FOR, iterates=node.iter)
        if until_success(node.body):
            self._retry_loops.add(id(node))
        self._loop_stack.append([self.cur, False, False])

    def leave_For(self, original_node: cst.For) -> None:
        self._loop_stack.pop()

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind_target(node.target, None, kind=BindingKind.FOR, iterates=node.iter)

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind_target(node.asname.name, node.item, kind=BindingKind.WITH)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None and isinstance(node.name.name, cst.Name):
            self.cur.bind(node.name.name.value, Binding(BindingKind.OTHER))

    def visit_While(self, node: cst.While) -> None:
        scope = self.cur
        if until_success(node.body):
            self._retry_loops.add(id(node))
        forever = scope.kind is ScopeKind.FUNCTION and is_long_running_test(node.test, node.body)
        if forever:
            scope.long_running = True
            flag = loop_flag(node.test)
            if flag is not None:
                scope.loop_flags.append(flag)
        self._loop_stack.append([scope, forever, False])

    def leave_While(self, original_node: cst.While) -> None:
        scope, forever, left = self._loop_stack.pop()
        if forever and not left and isinstance(scope, Scope):
            scope.endless = True
            scope.loop_test = scope.loop_test or _EMPTY.code_for_node(original_node.test)

    def visit_Break(self, node: cst.Break) -> None:
        if self._loop_stack and self._loop_stack[-1][0] is self.cur:
            self._loop_stack[-1][2] = True

    def visit_Return(self, node: cst.Return) -> None:
        for loop in self._loop_stack:
            if loop[0] is self.cur:
                loop[2] = True

    def _bind_target(self, target: cst.BaseExpression, value: cst.BaseExpression | None,
                     kind: BindingKind = BindingKind.ASSIGN,
                     annotation: cst.BaseExpression | None = None,
                     iterates: cst.BaseExpression | None = None) -> None:
        if isinstance(target, cst.Name):
            scope = self.cur
            if value is not None and last_name(value) in _SPAWN_NAMES \
                    and isinstance(value, (cst.Name, cst.Attribute)):
                self.extra_names = self.extra_names | {target.value}  # `spawn = x.create_task`
            if kind is BindingKind.ASSIGN and annotation is not None and value is None:
                self._declare(scope, target.value, Binding(BindingKind.PARAM, value=annotation))
            else:
                self._declare(scope, target.value, Binding(kind, value=value, annotation=annotation,
                                                           iterates=iterates))
        elif isinstance(target, (cst.Tuple, cst.List)):
            for el in target.elements:
                inner = BindingKind.OTHER if kind is BindingKind.ASSIGN else kind
                self._bind_target(el.value, None, kind=inner)
        elif isinstance(target, cst.StarredElement):
            self._bind_target(target.value, None, kind=BindingKind.OTHER)
        elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
            scope = self.cur
            method = scope.method()
            cls = scope.enclosing_class()
            if cls is not None and method is not None and method.self_name == target.value.value:
                if value is not None:
                    cls.attr_bindings.setdefault(target.attr.value, []).append((value, scope))
                if kind is not BindingKind.ASSIGN or (value is None and annotation is None):
                    cls.attr_unknown.add(target.attr.value)  # not (only) the value written
                if annotation is not None:
                    cls.attr_annotations.setdefault(target.attr.value, []).append(
                        (annotation, scope))

    def _declare(self, scope: Scope, name: str, binding: Binding) -> None:
        # `global x` / `nonlocal x` in a function make the binding belong to that outer scope
        if name in scope.declared_global and self.module_scope is not None:
            self.module_scope.bind(name, binding)
            return
        if name in scope.declared_nonlocal:
            s = scope.parent
            while s is not None and (s.kind is not ScopeKind.FUNCTION or name not in s.bindings):
                s = s.parent
            if s is not None:
                s.bind(name, binding)
                return
        scope.bind(name, binding)

    # -- reads and calls -----------------------------------------------------------------
    def visit_Name(self, node: cst.Name) -> None:
        depth = len(self.stack)
        if depth > self.deepest:  # the deepest node of a nested expression is a name
            self.deepest = depth
        if self._is_load(depth - 1):
            self._record(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        key = dotted(node)
        if key is not None and self._is_load(len(self.stack) - 1):
            self._record(key)

    def visit_Call(self, node: cst.Call) -> None:
        name = last_name(node.func)
        if name is None:
            return
        stack = self.stack
        parent = type(stack[-2])
        if parent is cst.Expr or (parent is cst.Await and type(stack[-3]) is cst.Expr):
            # `helper(...)` as a statement: result dropped (a project's `start(coro)` too,
            # though `start` may also be a nursery's spawn); `await start()`: what it gives
            i = len(stack) - 1
            self.cur.dropped_calls.append(DroppedCallSite(
                node, bool(self._loops(i)), self._statement(i), parent is cst.Await))
        own = self.cur.self_name
        if own is not None and node.args:  # what a constructor given `self` stores (the join)
            k = position_of(node, own)
            if k is not None:
                self.cur.self_passed.append((node, k))
        callback = function_called_back(node, CALLED_BACK_LATER.get(name))
        if callback is not None:  # `loop.call_soon(self.start, job)` drops what `start` returns
            i = len(stack) - 1
            self.cur.dropped_calls.append(DroppedCallSite(
                node, bool(self._loops(i)), self._statement(i), callback=callback))
        if name in VIA_CALLS and node.args and self._names_a_spawn(node.args[0].value):
            dest = trace(stack, len(stack) - 1)  # (before own helpers: one may be named `run`)
            dest.container = dest.container or name == "map"  # a task per item, as they go
            self._call_site(node, dest, via=1)
        elif name in _SPAWN_NAMES or name in self.extra_names:
            self._call_site(node, trace(stack, len(stack) - 1))
        elif name in CALLBACK_POSITIONS and len(node.args) > (at := CALLBACK_POSITIONS[name]):
            # `loop.call_later(t, loop.create_task, coro)` drops the Task (coroutine_callbacks.py)
            spawns = name in CALLED_BACK_LATER and self._names_a_spawn(node.args[at].value)
            self._call_site(node, Dest(Flow.LAMBDA, call=node, callee=callee_text(node.func)),
                            via=at + 1, called_back=not spawns)
        else:
            if name in LOOP_RUNNERS:
                self.cur.blocking.append((self.seq, node))
            if name in WRAPPING_NAMES:
                # `gather(...)` of coroutines spawns unless it is awaited on the spot
                dest = trace(stack, len(stack) - 1)
                if dest.kind is not Flow.AWAITED or dest.container:
                    self._call_site(node, dest)

    def _call_site(self, node: cst.Call, dest: Dest, via: int = 0,
                   called_back: bool = False) -> None:
        i = len(self.stack) - 1
        (self.cur.called_back if called_back else self.cur.calls).append(CallSite(
            node=node, scope=self.cur, dest=dest, seq=self.seq, loops=self._loops(i),
            statement=self._statement(i), path=tuple(self.stack[:i]), via=via))

    def _names_a_spawn(self, value: cst.BaseExpression) -> bool:
        """`loop.create_task` passed on, not called (`context.run(loop.create_task, coro)`)."""
        name = last_name(value) if type(value) in (cst.Name, cst.Attribute) else None
        return name is not None and (name in _SPAWN_NAMES or name in self.extra_names)

    def _record(self, key: Key) -> None:
        i = len(self.stack) - 1
        dest = trace(self.stack, i)
        kind = dest.kind
        if kind is Flow.CALLED and dest.result is not None:
            kind = dest.result.kind  # `asyncio.wait([self._task_of()])`: the call's place
        own = self.cur.self_name
        path = tuple(self.stack[:i]) if kind in _PATH_KEPT or (
            kind is Flow.METHOD and dest.callee in _PATH_KEPT_METHODS) or (
            # `await t` in the `except` of a timed wait (`waits.py`); `fut.result(timeout)`
            dest.kind is Flow.AWAITED) or (
            # `self.start(key)`, `start(key)` behind the caller's test (`guards.guarded_call`)
            dest.kind is Flow.CALLED and ("." not in key or (own is not None and key.startswith(
                own) and key[len(own):len(own) + 1] == "."))) else ()
        loops = self._loops(i)
        if loops and not path and dest.kind is Flow.CALLED:
            path = tuple(self.stack[:i])  # a call in a loop may leave it (lifecycle.py)
        self.cur.occurrences.append(
            Occurrence(key=key, scope=self.cur, dest=dest, seq=self.seq, loops=loops, path=path))


def _annotation(p: cst.Param) -> cst.BaseExpression | None:
    return p.annotation.annotation if p.annotation is not None else None


def scan(module: cst.Module, extra_names: frozenset[str] = frozenset()) -> Scope:
    """The module's scope tree; `extra_names`: last names of configured spawners."""
    scanner = Scanner(extra_names)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20_000))  # deeply nested expressions in generated code
    try:
        scanner.walk(module)
    finally:
        sys.setrecursionlimit(limit)
    assert scanner.module_scope is not None
    scanner.module_scope.deepest = scanner.deepest
    return scanner.module_scope


_EMPTY = cst.Module(body=[])  # prints a node's code
