"""One walk over a module that records what the later passes need.

The walk keeps a stack of the nodes above the current one, so each fact is read off at the place
where it happens:
- scopes (module, classes, functions, lambdas) with their bindings (imports, assignments,
  parameters, `with ... as`, loop targets), so names can be resolved later by `names.py`;
- every read of a name or dotted attribute (`task`, `self._task`) and what happens to the value
  read there (awaited, cancelled, appended, passed on ...), so `classify.py` can follow a Task;
- every call that might spawn a task, with what happens to its result.

Nothing is resolved during the walk: a name may be bound after its first use in the text.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import libcst as cst

# Method names that could spawn a task on some receiver; the walk records such calls as
# candidates and `spawns.py` decides by name resolution.
SPAWN_METHODS = frozenset({"create_task", "ensure_future", "start_soon", "start"})
SPAWN_FUNCTIONS = frozenset({"create_task", "ensure_future", "run_coroutine_threadsafe"})

# Calls that consume a task and wait for it (when awaited, or run by the loop).
GATHERERS = frozenset(
    {"gather", "wait", "wait_for", "shield", "as_completed", "run_until_complete", "timeout"}
)
# Collection methods that add the argument to the receiver.
COLLECTION_ADDS = frozenset(
    {"append", "add", "extend", "appendleft", "extendleft", "insert", "update", "setdefault",
     "put", "put_nowait", "__setitem__"}
)
# Collection methods that remove entries (pruning).
PRUNES = frozenset(
    {"discard", "remove", "pop", "popleft", "popitem", "clear", "difference_update",
     "intersection_update", "__delitem__"}
)
# Methods whose result is an element of (or a view on) the receiver collection.
ELEMENT_METHODS = frozenset({"pop", "popleft", "popitem", "get", "__getitem__"})
VIEW_METHODS = frozenset({"values", "items", "copy", "keys"})
# Builtins whose result is a copy of their (collection) argument.
PASSTHROUGH_CALLS = frozenset({"list", "tuple", "set", "frozenset", "sorted", "reversed", "iter"})
# Calls that only look at their argument (no reference is kept).
INSPECTING_CALLS = frozenset(
    {"len", "bool", "repr", "str", "print", "isinstance", "id", "hash", "format", "any", "all",
     "debug", "info", "warning", "warn", "error", "exception", "critical", "log"}
)
# Task methods that only look at the task.
INSPECT_METHODS = frozenset(
    {"done", "cancelled", "exception", "get_name", "set_name", "get_coro",
     "get_stack", "print_stack", "get_context", "remove_done_callback", "cancelling", "uncancel"}
)

Key = str  # "task", "self._task", "mod.global" (dotted read, base is a Name)


@dataclass
class Dest:
    """What happens to a value at the place it is produced or read."""

    kind: str
    # discarded | awaited | bound | returned | lambda | collection | gathered | passed | cancel
    # | done_callback | prune | prune_ref | inspect | method | iter | subscript_store | other
    targets: tuple[cst.BaseExpression, ...] = ()  # for "bound"
    collection: Key | None = None  # for "collection": the receiver's key
    receiver: cst.BaseExpression | None = None  # for "collection": the receiver itself
    callee: str = ""  # for "passed"/"gathered"/"method": the callee's text
    container: bool = False  # the value went into a literal or comprehension first
    element: bool = False  # the value read was an element of the read key (x[k], x.pop())
    awaited: bool = False  # for "gathered": the consuming call is awaited


@dataclass
class Binding:
    kind: str  # import | assign | param | with | for | def | class | global | other
    value: cst.BaseExpression | None = None  # assigned value, `with` item, annotation (param)
    qualified: str | None = None  # for imports: the qualified name bound
    scope: Scope | None = None
    first_param: bool = False  # the first parameter of a method (self/cls)


@dataclass(eq=False)
class Occurrence:
    key: Key
    scope: Scope
    dest: Dest
    seq: int  # pre-order index: textual order within a scope
    loops: tuple[int, ...]  # ids of the loops (within the scope) around this read


@dataclass(eq=False)
class CallSite:
    """A call that may be a task spawn."""

    node: cst.Call
    scope: Scope
    dest: Dest
    seq: int
    loops: tuple[int, ...]
    statement: cst.CSTNode  # the statement that holds the call (for noqa and fingerprints)


@dataclass(eq=False)
class Scope:
    kind: str  # module | class | function | lambda
    name: str
    node: cst.CSTNode
    parent: Scope | None
    is_async: bool = False
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    declared_global: set[str] = field(default_factory=set)
    declared_nonlocal: set[str] = field(default_factory=set)
    occurrences: list[Occurrence] = field(default_factory=list)
    calls: list[CallSite] = field(default_factory=list)
    children: list[Scope] = field(default_factory=list)
    long_running: bool = False  # has a `while True` / `while self._running` loop
    # class scopes: assignments to `self.X` in its methods, X -> values (with the method scope)
    attr_bindings: dict[str, list[tuple[cst.BaseExpression, Scope]]] = field(default_factory=dict)
    # function scopes: the name of the first parameter when it is a method (usually "self")
    self_name: str | None = None

    @property
    def qualname(self) -> str:
        parts: list[str] = []
        s: Scope | None = self
        while s is not None and s.kind != "module":
            parts.append(s.name)
            s = s.parent
        return ".".join(reversed(parts))

    def enclosing_class(self) -> Scope | None:
        """The class a method (or a function nested in a method) belongs to."""
        s: Scope | None = self
        while s is not None:
            if s.kind == "class":
                return s
            s = s.parent
        return None

    def method(self) -> Scope | None:
        """The outermost function below the enclosing class (the method itself)."""
        s: Scope | None = self
        found: Scope | None = None
        while s is not None and s.kind != "class" and s.kind != "module":
            if s.kind == "function":
                found = s
            s = s.parent
        return found

    def bind(self, name: str, binding: Binding) -> None:
        binding.scope = self
        self.bindings.setdefault(name, []).append(binding)


_COMPREHENSIONS = (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)
_COMPREHENSION_TYPES = frozenset(_COMPREHENSIONS)
# Parents of a name that defines or labels it (never a read).
_DEFINING_PARENTS = frozenset({cst.Param, cst.FunctionDef, cst.ClassDef, cst.AsName,
                               cst.ImportAlias, cst.NameItem, cst.MatchAs, cst.MatchStar,
                               cst.MatchKeywordElement, cst.TypeVar, cst.TypeParam,
                               cst.ParamSpec, cst.TypeVarTuple, cst.TypeAlias})
# What a target climbs through (`a, (b, *c) = ...`), and what holds a target.
_TARGET_CONTAINERS = frozenset({cst.Element, cst.StarredElement, cst.Tuple, cst.List})
_TARGET_HOLDERS = frozenset({cst.AssignTarget, cst.AnnAssign, cst.AugAssign, cst.For,
                             cst.CompFor, cst.NamedExpr})
# Classes the walk tests by exact type (`type(x) is C`): each must have no subclass.
LEAF_TYPES = frozenset({
    *_COMPREHENSIONS, *_DEFINING_PARENTS, *_TARGET_CONTAINERS, *_TARGET_HOLDERS,
    cst.Attribute, cst.Arg, cst.Del, cst.Name, cst.Expr, cst.Await, cst.Assign, cst.Return,
    cst.Yield, cst.From, cst.Lambda, cst.DictElement, cst.IfExp, cst.BooleanOperation,
    cst.Subscript, cst.For, cst.While, cst.Call,
})
_LOOP_TYPES = frozenset({cst.For, cst.While, *_COMPREHENSIONS})


def dotted(node: cst.BaseExpression) -> str | None:
    """`a.b.c` for a chain of attributes on a name, else None."""
    parts: list[str] = []
    while type(node) is cst.Attribute:
        parts.append(node.attr.value)
        node = node.value
    if type(node) is cst.Name:
        parts.append(node.value)
        return ".".join(reversed(parts))
    return None


def callee_text(func: cst.BaseExpression) -> str:
    """A short readable name for a callee: `asyncio.gather`, `self._send`, `f()`."""
    d = dotted(func)
    if d is not None:
        return d
    if isinstance(func, cst.Attribute):
        inner = func.value
        if isinstance(inner, cst.Call):
            return callee_text(inner.func) + "()." + func.attr.value
        return "…." + func.attr.value
    if isinstance(func, cst.Call):
        return callee_text(func.func) + "()"
    return "…"


def last_name(func: cst.BaseExpression) -> str | None:
    if type(func) is cst.Name:
        return func.value
    if type(func) is cst.Attribute:
        return func.attr.value
    return None


def _is_long_running_test(test: cst.BaseExpression) -> bool:
    """`while True`, `while 1`, `while self._running`, `while not self._closed.is_set()`."""
    if isinstance(test, cst.Name):
        return test.value == "True" or test.value.lstrip("_") in {"running", "run", "alive"}
    if isinstance(test, cst.Integer):
        return test.value != "0"
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return isinstance(test.expression, (cst.Attribute, cst.Name, cst.Call))
    if isinstance(test, cst.Attribute):
        return True
    if isinstance(test, cst.Call):  # `while not stop.is_set()` handled above; `while ev.is_set()`
        return isinstance(test.func, cst.Attribute)
    return False


# Fields that hold only punctuation and whitespace: never a name, a call or a scope.
_SKIP_FIELDS = frozenset({"lpar", "rpar", "comma", "semicolon", "colon", "equal", "dot",
                          "operator", "leading_lines", "lines_after_decorators", "header",
                          "footer", "trailing_whitespace", "asynchronous", "newline", "star",
                          "default_comma", "default_semicolon", "first_line", "lbracket",
                          "rbracket", "lbrace", "rbrace", "lsqb", "rsqb", "body_first"})
_FIELDS: dict[type, tuple[str, ...]] = {}


class _FieldRecorder(cst.CSTVisitor):
    """Records the fields libcst's own visit offers a node, in its order, without descending."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        if attribute not in self.names:
            self.names.append(attribute)

    def on_visit(self, node: cst.CSTNode) -> bool:
        return False


def _child_fields(node: cst.CSTNode) -> tuple[str, ...]:
    """The fields of `node`'s class the walk goes into, in libcst's visit order (the order of
    the source text), learned once per class from libcst itself."""
    cls = type(node)
    fields = _FIELDS.get(cls)
    if fields is None:
        recorder = _FieldRecorder()
        node._visit_and_replace_children(recorder)  # rebuilds this one node, once per class
        names = recorder.names
        # FormattedStringExpression offers `format_spec` only when it is set; it comes last
        names += [f.name for f in dataclasses.fields(node)
                  if f.name not in names and not f.name.startswith("_")]
        fields = tuple(n for n in names if n not in _SKIP_FIELDS and "whitespace" not in n)
        _FIELDS[cls] = fields
    return fields


_NODE_TYPES: dict[type, bool] = {}


def _is_node(cls: type) -> bool:
    # a dict lookup instead of isinstance(x, cst.CSTNode): CSTNode is an ABC, and ABC
    # instance checks were the walk's largest cost
    known = _NODE_TYPES.get(cls)
    if known is None:
        known = _NODE_TYPES[cls] = issubclass(cls, cst.CSTNode)
    return known


_Handlers = tuple[Callable[..., Any] | None, Callable[..., Any] | None, tuple[str, ...]]
# per scanner class (tests subclass it), per node class
_HANDLERS: dict[type, dict[type, _Handlers]] = {}


class Scanner:
    """Builds the scope tree of one module (see the module docstring).

    It walks the tree itself instead of using libcst's visitor: libcst's `visit` rebuilds every
    node it passes, which costs as much as parsing; this walk only reads fields, skips the
    whitespace and punctuation ones, and calls `visit_<Node>`/`leave_<Node>` like libcst does.
    """

    def __init__(self) -> None:
        self.stack: list[cst.CSTNode] = []
        self.seq = 0
        self.module_scope: Scope | None = None
        self.scope: Scope | None = None
        # nodes that open a scope, so the stack walk knows where a scope starts
        self._scope_nodes: set[int] = set()
        self._handlers = _HANDLERS.setdefault(type(self), {})

    # -- generic bookkeeping -------------------------------------------------------------
    def walk(self, node: cst.CSTNode) -> None:
        cls = type(node)
        handlers = self._handlers.get(cls)
        if handlers is None:
            handlers = self._handlers[cls] = self._handlers_for(node)
        visit, leave, fields = handlers
        self.stack.append(node)
        self.seq += 1
        if visit is None or visit(self, node) is not False:
            for field_name in fields:
                value = getattr(node, field_name)
                kind = type(value)
                if kind is tuple or kind is list:
                    for item in value:
                        if _is_node(type(item)):
                            self.walk(item)
                elif _is_node(kind):
                    self.walk(value)
        if leave is not None:
            leave(self, node)
        self.stack.pop()

    def _handlers_for(self, node: cst.CSTNode) -> _Handlers:
        """`visit_<Node>`, `leave_<Node>` (functions of this scanner's class, or None) and the
        fields to walk into, looked up once per node class: `getattr` with a default on a
        missing method is slow (it raises and catches inside), and most classes have none."""
        name = type(node).__name__
        scanner = type(self)
        return (getattr(scanner, "visit_" + name, None), getattr(scanner, "leave_" + name, None),
                _child_fields(node))

    def _push(self, kind: str, name: str, node: cst.CSTNode, is_async: bool = False) -> Scope:
        scope = Scope(kind=kind, name=name, node=node, parent=self.scope, is_async=is_async)
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
        self.module_scope = self._push("module", "<module>", node)

    def leave_Module(self, original_node: cst.Module) -> None:
        self._pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.cur.bind(node.name.value, Binding("class", value=None))
        self._push("class", node.name.value, node)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self._pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        outer = self.cur
        outer.bind(node.name.value, Binding("def", value=None))
        scope = self._push("function", node.name.value, node, node.asynchronous is not None)
        params = node.params
        ordered = [*params.posonly_params, *params.params]
        is_method = outer.kind == "class"
        static = any(
            isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
            for d in node.decorators
        )
        for i, p in enumerate(ordered):
            first = is_method and i == 0 and not static
            scope.bind(p.name.value, Binding("param", value=_annotation(p), first_param=first))
            if first:
                scope.self_name = p.name.value
        for p in (*params.kwonly_params,):
            scope.bind(p.name.value, Binding("param", value=_annotation(p)))
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                scope.bind(star.name.value, Binding("other"))
        if not is_method and outer.self_name and outer.kind == "function":
            # a function nested in a method sees `self` through its closure
            scope.self_name = None

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        self._pop()

    def visit_Lambda(self, node: cst.Lambda) -> None:
        scope = self._push("lambda", "<lambda>", node)
        for p in node.params.params:
            scope.bind(p.name.value, Binding("param"))

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        self._pop()

    # -- bindings ------------------------------------------------------------------------
    def visit_Import(self, node: cst.Import) -> bool:
        for alias in node.names:
            full = dotted(alias.name) or ""
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                self.cur.bind(alias.asname.name.value, Binding("import", qualified=full))
            else:
                top = full.split(".")[0]
                self.cur.bind(top, Binding("import", qualified=top))
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        if node.module is None or node.relative:
            base = "." * len(node.relative) + (dotted(node.module) or "" if node.module else "")
        else:
            base = dotted(node.module) or ""
        if isinstance(node.names, cst.ImportStar):
            return False
        for alias in node.names:
            name = dotted(alias.name) or ""
            local = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                local = alias.asname.name.value
            self.cur.bind(local, Binding("import", qualified=f"{base}.{name}"))
            if name in SPAWN_FUNCTIONS and local != name:
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
        self._bind_target(node.target, None, kind="for")

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._bind_target(node.target, None, kind="for")

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind_target(node.asname.name, node.item, kind="with")

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None and isinstance(node.name.name, cst.Name):
            self.cur.bind(node.name.name.value, Binding("other"))

    def visit_While(self, node: cst.While) -> None:
        scope = self.cur
        if scope.kind == "function" and _is_long_running_test(node.test):
            scope.long_running = True

    def _bind_target(
        self,
        target: cst.BaseExpression,
        value: cst.BaseExpression | None,
        kind: str = "assign",
        annotation: cst.BaseExpression | None = None,
    ) -> None:
        if isinstance(target, cst.Name):
            scope = self.cur
            if value is not None and last_name(value) in SPAWN_FUNCTIONS | SPAWN_METHODS \
                    and isinstance(value, (cst.Name, cst.Attribute)):
                self.extra_names = self.extra_names | {target.value}  # `spawn = x.create_task`
            if kind == "assign" and annotation is not None and value is None:
                self._declare(scope, target.value, Binding("param", value=annotation))
            else:
                self._declare(scope, target.value, Binding(kind, value=value))
        elif isinstance(target, (cst.Tuple, cst.List)):
            for el in target.elements:
                self._bind_target(el.value, None, kind="other" if kind == "assign" else kind)
        elif isinstance(target, cst.StarredElement):
            self._bind_target(target.value, None, kind="other")
        elif isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name):
            scope = self.cur
            method = scope.method()
            cls = scope.enclosing_class()
            if (
                cls is not None
                and method is not None
                and method.self_name == target.value.value
                and value is not None
            ):
                cls.attr_bindings.setdefault(target.attr.value, []).append((value, scope))

    def _declare(self, scope: Scope, name: str, binding: Binding) -> None:
        # `global x` / `nonlocal x` in a function make the binding belong to that outer scope
        if name in scope.declared_global and self.module_scope is not None:
            self.module_scope.bind(name, binding)
            return
        if name in scope.declared_nonlocal:
            s = scope.parent
            while s is not None and (s.kind != "function" or name not in s.bindings):
                s = s.parent
            if s is not None:
                s.bind(name, binding)
                return
        scope.bind(name, binding)

    # -- reads and calls -----------------------------------------------------------------
    def visit_Name(self, node: cst.Name) -> None:
        if self._is_load(len(self.stack) - 1):
            self._record(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        key = dotted(node)
        if key is not None and self._is_load(len(self.stack) - 1):
            self._record(key)

    def visit_Call(self, node: cst.Call) -> None:
        name = last_name(node.func)
        if name is None:
            return
        if name in SPAWN_METHODS or name in SPAWN_FUNCTIONS or name in self.extra_names:
            i = len(self.stack) - 1
            self.cur.calls.append(
                CallSite(
                    node=node,
                    scope=self.cur,
                    dest=trace(self.stack, i),
                    seq=self.seq,
                    loops=self._loops(i),
                    statement=self._statement(i),
                )
            )

    extra_names: frozenset[str] = frozenset()

    def _record(self, key: Key) -> None:
        i = len(self.stack) - 1
        self.cur.occurrences.append(
            Occurrence(key=key, scope=self.cur, dest=trace(self.stack, i), seq=self.seq,
                       loops=self._loops(i))
        )

    def _is_load(self, i: int) -> bool:
        """Whether stack[i] (a Name or Attribute) is read here (not a target or a label)."""
        stack = self.stack
        node = stack[i]
        parent = stack[i - 1] if i > 0 else None
        kind = type(parent)  # exact types, like trace()
        if kind is cst.Attribute:
            return parent.value is node  # type: ignore[union-attr]  # `.attr` is a label
        if kind is cst.Arg:
            return parent.keyword is not node  # type: ignore[union-attr]
        if kind in _DEFINING_PARENTS:
            return False
        # climb through tuple/list/starred targets
        j = i
        child = node
        while j > 0 and type(stack[j - 1]) in _TARGET_CONTAINERS:
            j -= 1
            child = stack[j]
        holder = stack[j - 1] if j > 0 else None
        if type(holder) in _TARGET_HOLDERS:
            return holder.target is not child  # type: ignore[union-attr]
        return type(holder) is not cst.Del

    def _loops(self, i: int) -> tuple[int, ...]:
        """Ids of the loops around stack[i] whose body repeats it, up to the scope's node."""
        stack = self.stack
        out: list[int] = []
        child = stack[i]
        for j in range(i - 1, -1, -1):
            node = stack[j]
            kind = type(node)
            if kind not in _LOOP_TYPES:
                if id(node) in self._scope_nodes:
                    break
                child = node
                continue
            if kind is cst.For:
                if node.iter is not child:  # type: ignore[attr-defined]
                    out.append(id(node))
            elif kind is cst.While:
                out.append(id(node))
            else:  # a comprehension: its outermost iterable is evaluated once
                outer: cst.CompFor = node.for_in  # type: ignore[attr-defined]
                once = child is outer and j + 2 <= i and stack[j + 2] is outer.iter
                if not once:
                    out.append(id(node))
            child = node
        return tuple(out)

    def _statement(self, i: int) -> cst.CSTNode:
        for j in range(i - 1, -1, -1):
            node = self.stack[j]
            if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                return node
        return self.stack[0]


def _annotation(p: cst.Param) -> cst.BaseExpression | None:
    return p.annotation.annotation if p.annotation is not None else None


def defined_function(func: cst.BaseExpression, scope: Scope) -> Scope | None:
    """The function a call runs when this module defines it: `work` in an enclosing scope, or
    `self.work` in the method's class."""
    if isinstance(func, cst.Name):
        s: Scope | None = scope
        while s is not None:
            for child in s.children:
                if child.kind == "function" and child.name == func.value:
                    return child
            s = s.parent
        return None
    if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
        cls = scope.enclosing_class()
        method = scope.method()
        if cls is not None and method is not None and method.self_name == func.value.value:
            for child in cls.children:
                if child.kind == "function" and child.name == func.attr.value:
                    return child
    return None


def key_of(node: cst.BaseExpression) -> Key | None:
    """The key a target or read is known by: `task`, `self._task`."""
    return dotted(node)


def trace(stack: list[cst.CSTNode], i: int) -> Dest:
    """Follow the value of stack[i] upwards and say what happens to it."""
    node = stack[i]
    container = False
    element = False
    j = i - 1
    while j >= 0:
        parent = stack[j]
        # exact type tests, not isinstance: these classes have no subclasses (tested), and an
        # isinstance miss on a libcst class goes through ABCMeta.__instancecheck__, the walk's
        # largest cost when it was written that way
        if type(parent) is cst.Expr:
            return Dest("discarded", container=container, element=element)
        if type(parent) is cst.Await:
            return Dest("awaited", container=container, element=element)
        if type(parent) is cst.Assign:
            if parent.value is node:
                return Dest("bound", targets=tuple(t.target for t in parent.targets),
                            container=container, element=element)
            return Dest("other")
        if type(parent) is cst.AssignTarget:
            # a read inside a target: `d[k] = v` reads `d` to store into it
            if isinstance(node, cst.Subscript) and parent.target is node:
                return Dest("subscript_store")
            return Dest("other")
        if type(parent) is cst.AugAssign:
            if parent.value is node:
                return Dest("bound", targets=(parent.target,), container=True, element=element)
            if isinstance(parent.target, cst.Subscript):
                return Dest("other")
            return Dest("collection_add" if isinstance(parent.operator, (cst.AddAssign,
                        cst.BitOrAssign)) else "other", element=element)
        if type(parent) is cst.AnnAssign or type(parent) is cst.NamedExpr:
            if parent.value is node:
                return Dest("bound", targets=(parent.target,), container=container,
                            element=element)
            return Dest("other")
        if type(parent) is cst.Return or type(parent) is cst.Yield or type(parent) is cst.From:
            return Dest("returned", container=container, element=element)
        if type(parent) is cst.Lambda:
            return Dest("lambda", container=container, element=element)
        if type(parent) is cst.Arg:
            return _trace_arg(stack, j, container, element)
        if type(parent) is cst.Element or type(parent) is cst.StarredElement:
            container = True
            node = stack[j - 1]
            j -= 2
            continue
        if type(parent) is cst.DictElement:
            if parent.value is not node:
                return Dest("other")
            container = True
            node = stack[j - 1]
            j -= 2
            continue
        if type(parent) in _COMPREHENSION_TYPES:
            elt = parent.value if isinstance(parent, cst.DictComp) else parent.elt  # type: ignore[attr-defined]
            if elt is node:
                container = True
                node = parent
                j -= 1
                continue
            return Dest("other")
        if type(parent) is cst.CompFor:
            if parent.iter is node:
                return Dest("iter", targets=(parent.target,), element=element)
            return Dest("other")
        if type(parent) is cst.For:
            if parent.iter is node:
                return Dest("iter", targets=(parent.target,), element=element)
            return Dest("other")
        if type(parent) is cst.IfExp or type(parent) is cst.BooleanOperation:
            if type(parent) is cst.IfExp and parent.test is node:
                return Dest("other")
            node = parent
            j -= 1
            continue
        if type(parent) is cst.Subscript:
            if parent.value is node:
                element = True
                node = parent
                j -= 1
                continue
            return Dest("other")
        if type(parent) is cst.Attribute and parent.value is node:
            attr = parent.attr.value
            grand = stack[j - 1] if j > 0 else None
            if isinstance(grand, cst.Call) and grand.func is parent:
                if attr == "cancel":
                    return Dest("cancel", element=element)
                if attr == "add_done_callback":
                    return Dest("done_callback", element=element)
                if attr == "result":  # `run_coroutine_threadsafe(...).result()` blocks on it
                    return Dest("awaited", callee=".result()", element=element)
                if attr in PRUNES:
                    if attr in ELEMENT_METHODS:
                        # `d.pop(k)` prunes and yields the element: follow the element
                        inner = trace(stack, j - 1)
                        return Dest("prune", element=element,
                                    targets=inner.targets if inner.kind == "bound" else (),
                                    callee=inner.kind)
                    return Dest("prune", element=element)
                if attr in ELEMENT_METHODS:
                    element = True
                    node = grand
                    j -= 2
                    continue
                if attr in VIEW_METHODS:
                    node = grand
                    j -= 2
                    continue
                if attr in COLLECTION_ADDS:
                    return Dest("collection_add", element=element)
                if attr in INSPECT_METHODS:
                    return Dest("inspect", element=element)
                return Dest("method", callee=attr, element=element)
            if isinstance(grand, cst.Arg) and attr in PRUNES:
                return Dest("prune_ref", element=element)  # `t.add_done_callback(s.discard)`
            return Dest("other", element=element)
        if type(parent) is cst.Del:
            return Dest("prune", element=element)
        return Dest("other", container=container, element=element)
    return Dest("other")


def _trace_arg(stack: list[cst.CSTNode], j: int, container: bool, element: bool) -> Dest:
    """The value is an argument (stack[j] is the Arg) of the call at stack[j-1]."""
    call = stack[j - 1] if j > 0 else None
    if not isinstance(call, cst.Call):
        return Dest("other")
    name = last_name(call.func)
    if name in PASSTHROUGH_CALLS and isinstance(call.func, cst.Name):
        # `list(self._tasks)`: the copy holds the same tasks
        inner = trace(stack, j - 1)
        inner.container = inner.container or container
        return inner
    if name in GATHERERS:
        awaited = _consumer_awaited(stack, j - 1)
        return Dest("gathered", callee=callee_text(call.func), container=container,
                    element=element, awaited=awaited)
    if isinstance(call.func, cst.Attribute) and name in COLLECTION_ADDS:
        recv = key_of(call.func.value)
        return Dest("collection", collection=recv, receiver=call.func.value, callee=name,
                    container=container, element=element)
    if name == "add_done_callback":
        return Dest("other", element=element)
    if name in INSPECTING_CALLS:
        return Dest("inspect", element=element)
    return Dest("passed", callee=callee_text(call.func), container=container, element=element)


def _consumer_awaited(stack: list[cst.CSTNode], k: int) -> bool:
    """Whether the call at stack[k] is awaited (possibly through another call)."""
    for j in range(k - 1, max(k - 6, -1), -1):
        node = stack[j]
        if isinstance(node, cst.Await):
            return True
        if isinstance(node, (cst.BaseSmallStatement, cst.BaseCompoundStatement)):
            return False
    return False


def scan(module: cst.Module, extra_names: frozenset[str] = frozenset()) -> Scope:
    scanner = Scanner()
    scanner.extra_names = extra_names
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20_000))  # deeply nested expressions in generated code
    try:
        scanner.walk(module)
    finally:
        sys.setrecursionlimit(limit)
    assert scanner.module_scope is not None
    return scanner.module_scope
