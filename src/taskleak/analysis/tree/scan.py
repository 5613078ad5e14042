"""The one walk over a module that records what the later stages need.

The walk keeps a stack of the nodes above the current one, so each fact is read where it happens:
- scopes (module, classes, functions, lambdas) with their bindings (imports, assignments,
  parameters, `with ... as`, loop targets: `binding_scan.py`), so names can be resolved later
  (`resolve.py`);
- every read of a name or dotted attribute (`task`, `self._task`) and what happens to the value
  read there (`flow.trace`), so ownership can follow a Task (`ownership.py`);
- every call that might spawn a task, by name (`vocabulary.py`, `named_sites.py`), with what
  happens to its result, and the calls whose result is dropped (facts other modules may ask
  about).

Nothing is resolved during the walk: a name may be bound after its first use in the text.
"""

from __future__ import annotations

import sys

import libcst as cst

from taskleak.analysis.tree.binding_scan import BindingScan
from taskleak.analysis.tree.comprehensions import ComprehensionScan
from taskleak.analysis.tree.dests import Dest, Flow
from taskleak.analysis.tree.flow import trace
from taskleak.analysis.tree.generator_loops import own_method_called, settle_generator_loops
from taskleak.analysis.tree.getattr_reads import getattr_reads
from taskleak.analysis.tree.named_sites import (
    Branch,
    PendingCall,
    has_effect,
    named_argument,
    spawn_branch,
)
from taskleak.analysis.tree.nodes import (
    callee_text,
    dotted,
    endless_iterator,
    function_called_back,
    is_long_running_test,
    is_property,
    last_name,
    loop_flag,
    position_of,
)
from taskleak.analysis.tree.own_stops import settle_own_stops
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
from taskleak.analysis.tree.stack import StackWalker, left_only_on_cancel, until_success
from taskleak.analysis.tree.vocabulary import (
    CALLBACK_POSITIONS,
    CALLED_BACK_LATER,
    LOOP_RUNNERS,
    VIA_CALLS,
    WRAPPING_NAMES,
)

# reads whose place matters later: which wait, which `try` (waits.py, a task's own prune);
# a hand-off too: where a task is handed after a race says whether it runs when the race
# is cut short (`race_fates.py`); an add to a collection, whose `if` says when the collection
# holds the task (`early_returns.ended_only_if`)
_PATH_KEPT = frozenset({Flow.GATHERED, Flow.CANCEL, Flow.PRUNE, Flow.PASSED,
                        Flow.COLLECTION_ADD})
# an event set in a `finally` (or last) and awaited elsewhere: a join (lifetimes.py)
_PATH_KEPT_METHODS = frozenset({"set", "wait"})
# where a walrus's value goes that holds nothing: a test of its truth, a statement
_NOWHERE = frozenset({Flow.OTHER, Flow.INSPECT, Flow.DISCARDED})


class Scanner(BindingScan, ComprehensionScan, StackWalker):
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
        self.pending: list[PendingCall] = []  # calls that may be sites with more names

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

    def _imported_head(self, key: str) -> bool:
        """`mod.f`, `pkg.mod.f`, `Jobs.start` whose head the module imports (bound by imports
        only, so far): a call of another module's function, which its test may guard
        (`summaries/repeated_calls.py`)."""
        module = self.module_scope
        bindings = module.bindings.get(key.partition(".")[0]) if module is not None else None
        return bool(bindings) and all(b.kind is BindingKind.IMPORT for b in bindings or ())

    @property
    def cur(self) -> Scope:
        assert self.scope is not None
        return self.scope

    @property
    def root(self) -> Scope:
        """The module's scope, after the walk."""
        assert self.module_scope is not None
        return self.module_scope

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

    def visit_For(self, node: cst.For) -> None:
        self._bind_target(node.target, None, kind=BindingKind.FOR, iterates=node.iter)
        if until_success(node.body):
            self._retry_loops.add(id(node))
        forever = self.cur.kind is ScopeKind.FUNCTION and endless_iterator(node.iter)
        if forever:
            self.cur.long_running = True
        self._loop_stack.append([self.cur, forever, False])

    def leave_For(self, original_node: cst.For) -> None:
        scope, forever, left = self._loop_stack.pop()
        if forever and not left and isinstance(scope, Scope):
            scope.endless_loops.append(original_node)
            if not scope.endless:
                scope.endless = True
                scope.loop_iter = _EMPTY.code_for_node(original_node.iter)
        elif not left and isinstance(scope, Scope) and scope.self_name \
                and own_method_called(original_node.iter, scope.self_name):
            scope.own_iterations.append(original_node)

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind_target(node.target, None, kind=BindingKind.FOR, iterates=node.iter)

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
            scope.endless_loops.append(original_node)
            scope.loop_test = scope.loop_test or _EMPTY.code_for_node(original_node.test)

    def visit_Break(self, node: cst.Break) -> None:
        if self._loop_stack and self._loop_stack[-1][0] is self.cur:
            if left_only_on_cancel(self.stack, through_loops=False):
                self._on_cancel()
            else:
                self._loop_stack[-1][2] = True

    def visit_Return(self, node: cst.Return) -> None:
        if left_only_on_cancel(self.stack, through_loops=True):
            self._on_cancel()
            return
        for loop in self._loop_stack:
            if loop[0] is self.cur:
                loop[2] = True

    def _on_cancel(self) -> None:
        if isinstance(self.cur, Scope):
            self.cur.left_on_cancel = True

    # -- reads and calls -----------------------------------------------------------------
    def visit_Name(self, node: cst.Name) -> None:
        depth = len(self.stack)
        if depth > self.deepest:  # the deepest node of a nested expression is a name
            self.deepest = depth
        if self._is_load(depth - 1):
            self._record(node.value)
        elif type(walrus := self.stack[-2]) is cst.NamedExpr and walrus.target is node \
                and trace(self.stack, depth - 2).kind not in _NOWHERE:
            # `self.tasks.append(task := spawn())`: what the name binds goes on where the
            # walrus's value goes, a read of the name there (not a test of its truth)
            self._record(node.value, at=depth - 2)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        key = dotted(node)
        if key is not None and self._is_load(len(self.stack) - 1):
            self._record(key)

    def visit_Call(self, node: cst.Call) -> None:
        name = last_name(node.func)
        if name is None:
            return
        if name == "getattr":
            # `getattr(self, "_task", None)` reads `self._task`; `getattr(self, attr)` in `for
            # attr in ("_a", "_b")` reads each of them
            for read in getattr_reads(node, self.stack):
                self._record(read)
        stack = self.stack
        parent = type(stack[-2])
        bound = _to_underscore(stack, parent)
        if parent is cst.Expr or (parent is cst.Await and type(stack[-3]) is cst.Expr) or bound:
            # `helper(...)` as a statement: result dropped (a project's `start(coro)` too,
            # though `start` may also be a nursery's spawn); `await start()`: what it gives;
            # `_ = helper(...)`: bound to the name that says it is never read
            i = len(stack) - 1
            self.cur.dropped_calls.append(DroppedCallSite(
                node, bool(self._loops(i)), self._statement(i), parent is cst.Await,
                path=tuple(stack[:i]), bound=bound))
        own = self.cur.self_name
        if own is not None and node.args:  # what a constructor given `self` stores (the join)
            k = position_of(node, own)
            if k is not None:
                self.cur.self_passed.append((node, k))
        callback = function_called_back(node, CALLED_BACK_LATER.get(name))
        if callback is not None:  # `loop.call_soon(self.start, job)` drops what `start` returns
            i = len(stack) - 1
            self.cur.dropped_calls.append(DroppedCallSite(
                node, bool(self._loops(i)), self._statement(i), callback=callback,
                path=tuple(stack[:i])))
        branch = spawn_branch(name, node, self.extra_names)
        if branch is Branch.VIA:
            dest = trace(stack, len(stack) - 1)  # (before own helpers: one may be named `run`)
            dest.container = dest.container or name == "map"  # a task per item, as they go
            self._call_site(node, dest, via=1)
        elif branch is Branch.SPAWN:
            self._call_site(node, trace(stack, len(stack) - 1))
        elif branch is not Branch.OTHER:
            # `loop.call_later(t, loop.create_task, coro)` drops the Task (coroutine_callbacks.py)
            self._call_site(node, Dest(Flow.LAMBDA, call=node, callee=callee_text(node.func)),
                            via=CALLBACK_POSITIONS[name] + 1,
                            called_back=branch is not Branch.CALLBACK_SPAWNS)
        else:
            if name in LOOP_RUNNERS:
                self.cur.blocking.append((self.seq, node))
            if name in WRAPPING_NAMES:
                # `gather(...)` of coroutines spawns unless it is awaited on the spot
                dest = trace(stack, len(stack) - 1)
                if dest.kind is not Flow.AWAITED or dest.container:
                    self._call_site(node, dest)
        if branch is not Branch.SPAWN or name in VIA_CALLS:  # may read otherwise later
            self.pending.append(PendingCall(
                node, name, named_argument(name, node), self.cur, self.seq, self.extra_names,
                tuple(stack) if branch is Branch.OTHER and not has_effect(name) else None))

    def site_at(self, call: PendingCall) -> CallSite:
        """The spawn site a pending call is with more spawner names (`named_sites.py`): what
        `visit_Call` records, from the place the walk kept."""
        assert call.place is not None
        self.stack, self.scope, self.seq = list(call.place), call.scope, call.seq
        self._loops_memo, self._statement_memo = [], []
        self._call_site(call.node, trace(self.stack, len(self.stack) - 1))
        return call.scope.calls.pop()

    def _call_site(self, node: cst.Call, dest: Dest, via: int = 0,
                   called_back: bool = False) -> None:
        i = len(self.stack) - 1
        (self.cur.called_back if called_back else self.cur.calls).append(CallSite(
            node=node, scope=self.cur, dest=dest, seq=self.seq, loops=self._loops(i),
            statement=self._statement(i), path=tuple(self.stack[:i]), via=via))

    def _record(self, key: Key, at: int | None = None) -> None:
        i = len(self.stack) - 1 if at is None else at
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
                own) and key[len(own):len(own) + 1] == ".") or self._imported_head(key))) else ()
        loops = self._loops(i)
        if loops and not path and dest.kind is Flow.CALLED:
            path = tuple(self.stack[:i])  # a call in a loop may leave it (lifecycle.py)
        self.cur.occurrences.append(Occurrence(
            key=key, scope=self.cur, dest=dest, seq=self.seq, loops=loops, path=path,
            comprehension=self.binding_comprehension(key) if self._comprehensions else 0))


def _annotation(p: cst.Param) -> cst.BaseExpression | None:
    return p.annotation.annotation if p.annotation is not None else None


def scan(module: cst.Module, extra_names: frozenset[str] = frozenset()) -> Scope:
    """The module's scope tree; `extra_names`: last names of configured spawners."""
    return walked(module, extra_names).root


def walked(module: cst.Module, extra_names: frozenset[str] = frozenset()) -> Scanner:
    """The scanner after its walk over the module: its scope tree (`module_scope`) and the
    calls that may become sites with more spawner names (`pending`, `site_at`)."""
    scanner = Scanner(extra_names)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20_000))  # deeply nested expressions in generated code
    try:
        scanner.walk(module)
    finally:
        sys.setrecursionlimit(limit)
    assert scanner.module_scope is not None
    scanner.module_scope.deepest = scanner.deepest
    settle_own_stops(scanner.module_scope)
    settle_generator_loops(scanner.module_scope)
    return scanner


_EMPTY = cst.Module(body=[])  # prints a node's code


def _to_underscore(stack: list[cst.CSTNode], parent: type) -> bool:
    """The call (or its await) is the whole value of `_ = ...`."""
    at = -3 if parent is cst.Await else -2
    node = stack[at] if len(stack) >= -at else None
    if not isinstance(node, cst.Assign) or node.value is not stack[at + 1] \
            or len(node.targets) != 1:
        return False
    target = node.targets[0].target
    return isinstance(target, cst.Name) and target.value == "_"
