"""The scope model the scan builds: scopes with their bindings, the reads of names in them and
the calls that may spawn a task.

Plain records over libcst nodes (they hold the nodes, so they live as long as the tree): the
scan fills them in (`scan.py`), name resolution reads the bindings (`resolve.py`), spawn
recognition the calls (`spawns.py`) and ownership the reads (`ownership.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from enum import Enum

import libcst as cst

from taskleak.analysis.tree.dests import Dest, Flow
from taskleak.records import record


class ScopeKind(Enum):
    MODULE = "module"
    CLASS = "class"
    FUNCTION = "function"
    LAMBDA = "lambda"


class BindingKind(Enum):
    IMPORT = "import"
    ASSIGN = "assign"
    PARAM = "param"  # also an annotated name with no value (`loop: AbstractEventLoop`)
    WITH = "with"
    FOR = "for"
    DEF = "def"
    CLASS = "class"
    OTHER = "other"  # unpacked, starred, `except ... as`: nothing known of the value


Key = str  # "task", "self._task", "mod.global" (dotted read, base is a Name)


@record
class Binding:
    kind: BindingKind
    value: cst.BaseExpression | None = None  # assigned value, `with` item, annotation (param),
    # return annotation (def)
    annotation: cst.BaseExpression | None = None  # ASSIGN: the annotation of `x: T = value`
    qualified: str | None = None  # for imports: the qualified name bound
    scope: Scope | None = None
    first_param: bool = False  # the first parameter of a method (self/cls)
    is_property: bool = False  # DEF: a `@property`/`@cached_property`: reading it calls it
    iterates: cst.BaseExpression | None = None  # FOR of a plain name: what the loop iterates

    @property
    def declared_type(self) -> cst.BaseExpression | None:
        """The annotation that types the name: a parameter's (kept in `value`, also for an
        annotated name with no value) or an assignment's (`x: T = v`); None otherwise."""
        if self.kind is BindingKind.PARAM:
            return self.value
        return self.annotation if self.kind is BindingKind.ASSIGN else None


@record(eq=False)
class Occurrence:
    """A read of a name or a dotted name, and what happens to the value read there."""

    key: Key
    scope: Scope
    dest: Dest
    seq: int  # pre-order index: textual order within a scope
    loops: tuple[int, ...]  # ids of the loops (within the scope) around this read
    # the nodes above the read, outermost first; kept only where a wait or a cancel reads it
    # (`analysis/obligations/waits.py`: which call waits, in which `try`, under which timeout)
    path: tuple[cst.CSTNode, ...] = ()
    comprehension: int = 0  # the comprehension binding the read name (`comprehensions.py`)

    @property
    def done_callback(self) -> cst.BaseExpression | None:
        """The callback this read hands to `add_done_callback` (`t.add_done_callback(cb)`:
        `cb`), None when the read is no such call or gives no argument."""
        call = self.dest.call
        if self.dest.kind is not Flow.DONE_CALLBACK or call is None or not call.args:
            return None
        return call.args[0].value


@record(eq=False)
class DroppedCallSite:
    """A call whose result is dropped: `f(...)` as a statement (or `await f()`, which drops
    what a coroutine function gives), or a function that a call calls back later, dropping
    what it returns (`callback`: `self.start` in `loop.call_soon_threadsafe(self.start, job)`)."""

    call: cst.Call
    in_loop: bool  # a loop of its scope repeats it
    statement: cst.CSTNode
    awaited: bool = False
    callback: cst.BaseExpression | None = None
    path: tuple[cst.CSTNode, ...] = ()  # the nodes above the call, outermost first (placing)
    bound: bool = False  # `_ = f(...)`: bound to the name that is never read

    @property
    def callee(self) -> cst.BaseExpression:
        """What runs: the function called back, or the call's own function."""
        return self.callback if self.callback is not None else self.call.func

    @property
    def shown(self) -> cst.CSTNode:
        """Where the call is shown: the function called back, or the call."""
        return self.callback if self.callback is not None else self.call


@record(eq=False)
class CallSite:
    """A call that may be a task spawn."""

    node: cst.Call
    scope: Scope
    dest: Dest
    seq: int
    loops: tuple[int, ...]
    statement: cst.CSTNode  # the statement that holds the call (for noqa and fingerprints)
    path: tuple[cst.CSTNode, ...] = ()  # the nodes above the call, outermost first (guards)
    # k + 1 when the spawn function is the call's argument k (`context.run(loop.create_task,
    # coro)`, `partial(tg.start_soon, f)`: 1; `loop.call_later(1, loop.create_task, coro)`:
    # 2): its own arguments follow
    via: int = 0

    @property
    def func(self) -> cst.BaseExpression:
        """What is called to spawn: `loop.create_task` of `context.run(loop.create_task, c)`."""
        return self.node.args[self.via - 1].value if self.via else self.node.func

    @property
    def args(self) -> tuple[cst.Arg, ...]:
        """The spawn function's arguments (the coroutine first)."""
        return tuple(self.node.args[self.via:])


@record(eq=False)
class Scope:
    kind: ScopeKind
    name: str
    node: cst.CSTNode
    parent: Scope | None
    is_async: bool = False
    seq: int = 0  # the walk's count at the scope's node (`graph/places.py` counts on from it)
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    declared_global: set[str] = field(default_factory=set)
    declared_nonlocal: set[str] = field(default_factory=set)
    occurrences: list[Occurrence] = field(default_factory=list)
    calls: list[CallSite] = field(default_factory=list)
    # calls that call a function back later (`loop.call_later(5, self.expire)`): a spawn only
    # when the function is a coroutine function (`coroutine_callbacks.py`)
    called_back: list[CallSite] = field(default_factory=list)
    # `f(...)` as a statement, and the functions called back by calls that drop what they
    # return (`loop.call_soon(self.start, job)`), in text order
    dropped_calls: list[DroppedCallSite] = field(default_factory=list)
    # calls given the method's own `self` (`AsyncSocket(self, sid)`), with its position
    self_passed: list[tuple[cst.Call, int]] = field(default_factory=list)
    # calls that may run an event loop to the end here (`loop.run_forever()`), with their seq
    blocking: list[tuple[int, cst.Call]] = field(default_factory=list)
    children: list[Scope] = field(default_factory=list)
    star_imports: list[str] = field(default_factory=list)  # `from .client import *`: ".client"
    deepest: int = 0  # the module's scope: how deep its deepest name sits in the tree
    long_running: bool = False  # has a `while True` / `while self._running` loop
    endless: bool = False  # ... and one with no `break` or `return` in it: it never ends itself
    # ... but one in an `except` that catches only a cancellation (`stack.left_only_on_cancel`)
    left_on_cancel: bool = False
    loop_flags: list[str] = field(default_factory=list)  # what they test: `self._running`
    loop_test: str = ""  # the test of the first endless one, as written: "True", "self.open"
    # or, for an endless `for` (`tree/nodes.endless_iterator`), its iterator as written
    loop_iter: str = ""
    endless_loops: list[cst.CSTNode] = field(default_factory=list)  # the loops that make it so
    # `for` loops with no break or return over a call of a method on its own `self` (`async for
    # u in self._updates()`): endless when that method is an endless generator
    # (`tree/generator_loops.py`)
    own_iterations: list[cst.For] = field(default_factory=list)
    # class scopes: assignments to `self.X` in its methods, X -> values (with the method scope)
    attr_bindings: dict[str, list[tuple[cst.BaseExpression, Scope]]] = field(default_factory=dict)
    # class scopes: annotations of `self.X: T = ...` in its methods, X -> annotations
    attr_annotations: dict[str, list[tuple[cst.BaseExpression, Scope]]] = field(
        default_factory=dict)
    # class scopes: attributes of `self` also bound where the value is not known (`self.X +=
    # ...`, `self.X, y = ...`, `for self.X in ...`, `with ... as self.X`)
    attr_unknown: set[str] = field(default_factory=set)
    # function scopes: the name of the first parameter when it is a method (usually "self")
    self_name: str | None = None

    @property
    def qualname(self) -> str:
        parts: list[str] = []
        s: Scope | None = self
        while s is not None and s.kind is not ScopeKind.MODULE:
            parts.append(s.name)
            s = s.parent
        return ".".join(reversed(parts))

    def enclosing_class(self) -> Scope | None:
        """The class a method (or a function nested in a method) belongs to."""
        s: Scope | None = self
        while s is not None:
            if s.kind is ScopeKind.CLASS:
                return s
            s = s.parent
        return None

    def function(self) -> Scope | None:
        """The innermost function around code in this scope (through lambdas), None at class
        or module level."""
        s: Scope | None = self
        while s is not None and s.kind is not ScopeKind.FUNCTION:
            if s.kind is ScopeKind.CLASS or s.kind is ScopeKind.MODULE:
                return None
            s = s.parent
        return s

    def method(self) -> Scope | None:
        """The outermost function below the enclosing class (the method itself)."""
        s: Scope | None = self
        found: Scope | None = None
        while s is not None and s.kind is not ScopeKind.CLASS and s.kind is not ScopeKind.MODULE:
            if s.kind is ScopeKind.FUNCTION:
                found = s
            s = s.parent
        return found

    def module(self) -> Scope:
        """The module this scope is in (itself, at the top)."""
        s = self
        while s.parent is not None:
            s = s.parent
        return s

    def bind(self, name: str, binding: Binding) -> None:
        binding.scope = self
        self.bindings.setdefault(name, []).append(binding)

    def descendants(self) -> Iterator[Scope]:
        """Every scope below this one, depth first, in text order."""
        for child in self.children:
            yield child
            yield from child.descendants()

    def walk(self) -> Iterator[Scope]:
        """This scope, then `descendants()`."""
        yield self
        yield from self.descendants()

    def dests(self) -> Iterator[tuple[Dest, Scope]]:
        """What happens at every read and call of this scope and those below it, with the
        scope it happens in (what the passes that retype a read after the names are resolved
        go through)."""
        for scope in self.walk():
            for occ in scope.occurrences:
                yield occ.dest, scope
            for site in scope.calls:
                yield site.dest, scope

    def within(self, other: Scope) -> bool:
        """This scope is `other` or nested in it."""
        s: Scope | None = self
        while s is not None:
            if s is other:
                return True
            s = s.parent
        return False

    def release(self) -> None:
        """Empty this scope tree once its facts are taken. Scopes, occurrences and call sites
        point at each other, so the tree and its libcst nodes could only go to the cycle
        collector; emptied, they are freed at once (mid corpus, one process: 7.0 -> 5.9 s,
        112 -> 92 MB; guard: tests/run/test_pipeline_hostile.py)."""
        for scope in list(self.walk()):
            for value in vars(scope).values():
                if isinstance(value, (list, dict, set)):
                    value.clear()
            scope.parent = None


def defined_function(func: cst.BaseExpression, scope: Scope) -> Scope | None:
    """The function a call runs when this module defines it: `work` in an enclosing scope,
    `self.work` in the method's class, or `Jobs.work` of a class in an enclosing scope whose
    `work` is a static or class method (the call runs it as it would a function)."""
    if isinstance(func, cst.Name):
        return _in_scope(func.value, scope, ScopeKind.FUNCTION)
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
        cls = scope.enclosing_class()
        method = scope.method()
        if cls is not None and method is not None and method.self_name == func.value.value:
            return _child_function(cls, func.attr.value)
        holder = _in_scope(func.value.value, scope, ScopeKind.CLASS)
        found = _child_function(holder, func.attr.value) if holder is not None else None
        return found if found is not None and called_through_class(found) else None
    return None


def defined_class(func: cst.BaseExpression, scope: Scope) -> Scope | None:
    """The class a call of `func` makes an object of when an enclosing scope defines it."""
    return _in_scope(func.value, scope, ScopeKind.CLASS) if isinstance(func, cst.Name) else None


def _in_scope(name: str, scope: Scope, kind: ScopeKind) -> Scope | None:
    """The scope of that kind named `name` that an enclosing scope defines."""
    s: Scope | None = scope
    while s is not None:
        for child in s.children:
            if child.kind is kind and child.name == name:
                return child
        s = s.parent
    return None


def _child_function(cls: Scope, name: str) -> Scope | None:
    for child in cls.children:
        if child.kind is ScopeKind.FUNCTION and child.name == name:
            return child
    return None


# the decorators that make a method callable through its class with the arguments a function
# of the same parameters (less `cls`) takes: Python's own, not a name chosen by the program
_THROUGH_CLASS = frozenset({"staticmethod", "classmethod"})


def called_through_class(function: Scope) -> bool:
    """A `@staticmethod` or `@classmethod` of a class: `Jobs.work(...)` runs it."""
    node = function.node
    return function.parent is not None and function.parent.kind is ScopeKind.CLASS \
        and isinstance(node, cst.FunctionDef) and any(
            isinstance(d.decorator, cst.Name) and d.decorator.value in _THROUGH_CLASS
            for d in node.decorators)


def argument_place(fn: Scope, name: str) -> int:
    """The position a call's positional argument takes to reach parameter `name` of `fn`: a
    method's `self` (or `cls`) is not counted, since a call of it through its object (`obj.f(x)`,
    `self.f(x)`) does not pass it; -1 when it has none (not a `def`, or a keyword-only one)."""
    if not isinstance(fn.node, cst.FunctionDef):
        return -1
    params = fn.node.params
    names = [p.name.value for p in (*params.posonly_params, *params.params)]
    bound = 1 if fn.self_name is not None else 0
    return names.index(name) - bound if name in names[bound:] else -1


def argument_slot(call: cst.Call, arg: cst.Arg) -> tuple[int, str]:
    """Where `arg` goes in `call`: (its positional index, "") or (-1, its keyword)."""
    if arg.keyword is not None:
        return -1, arg.keyword.value
    return list(call.args).index(arg), ""
