"""A read-only walk over a libcst tree, in libcst's visit order, at a fraction of its cost.

Speed trick (one place): libcst's `node.visit(visitor)` rebuilds every node it passes on the way
back up, even for a visitor that changes nothing, which costs as much as parsing. `Walker` reads
child fields directly, skips the fields that only hold whitespace and punctuation, and calls
`visit_<Node>`/`leave_<Node>` like libcst does. The fields of each node class, and in which
order libcst visits them (the order of the source text), are learned once per class from libcst
itself. `children` and `parents` serve the fixes the same way, and the analysis's own small
walks (libcst's `node.children` rebuilds the node to list them: a `while` loop's flag check
walking its body that way was 13% of mid's scan; `tests/analysis/test_cliffs.py` analyses every
case with that property refusing). A test walks a module holding every kind of statement both
ways and compares the order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import libcst as cst

from taskleak.analysis.tree.parse import unvalidated

# Fields that hold only punctuation and whitespace: never a name, a call or a scope.
SKIP_FIELDS = frozenset({"lpar", "rpar", "comma", "semicolon", "colon", "equal", "dot",
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


def child_fields(node: cst.CSTNode) -> tuple[str, ...]:
    """The fields of `node`'s class the walk goes into, in libcst's visit order (the order of
    the source text), learned once per class from libcst itself."""
    cls = type(node)
    fields = _FIELDS.get(cls)
    if fields is None:
        recorder = _FieldRecorder()
        with unvalidated():  # the parser accepts nodes validation refuses (`1 not in.9`)
            node._visit_and_replace_children(recorder)  # rebuilds this node, once per class
        names = recorder.names
        # FormattedStringExpression offers `format_spec` only when it is set; it comes last
        names += [f.name for f in dataclasses.fields(node)
                  if f.name not in names and not f.name.startswith("_")]
        fields = tuple(n for n in names if n not in SKIP_FIELDS and "whitespace" not in n)
        _FIELDS[cls] = fields
    return fields


_NODE_TYPES: dict[type, bool] = {}


def is_node(cls: type) -> bool:
    """Whether instances of `cls` are libcst nodes."""
    # a dict lookup instead of isinstance(x, cst.CSTNode): CSTNode is an ABC, and ABC
    # instance checks were the walk's largest cost
    known = _NODE_TYPES.get(cls)
    if known is None:
        known = _NODE_TYPES[cls] = issubclass(cls, cst.CSTNode)
    return known


def _add_nodes(out: list[cst.CSTNode], node: cst.CSTNode, names: tuple[str, ...]) -> None:
    """Append the nodes `node` holds in its fields `names` to `out`, in that order."""
    for name in names:
        value = getattr(node, name)
        kind = type(value)
        if kind is tuple or kind is list:
            out.extend(item for item in value if is_node(type(item)))
        elif is_node(kind):
            out.append(value)


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """`node`'s children, in text order, punctuation and whitespace left out."""
    out: list[cst.CSTNode] = []
    fields = _FIELDS.get(type(node))
    _add_nodes(out, node, fields if fields is not None else child_fields(node))
    return out


_ALL_FIELDS: dict[type, tuple[str, ...]] = {}


def every_node(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """`root` and every node below it, whitespace and punctuation included (no order promised):
    what a question about every node asks (libcst's validation of a tree parsed without it)."""
    todo = [root]
    while todo:
        node = todo.pop()
        yield node
        names = _ALL_FIELDS.get(type(node))
        if names is None:
            names = _ALL_FIELDS[type(node)] = tuple(f.name for f in dataclasses.fields(node))
        _add_nodes(todo, node, names)


def descendants(root: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """`root` and every node below it, punctuation and whitespace left out (no order promised):
    what a question about a small subtree walks, instead of libcst's rebuilding `visit`."""
    todo = [root]
    while todo:
        node = todo.pop()
        yield node
        todo.extend(children(node))


def own_nodes(function: cst.FunctionDef) -> Iterator[cst.CSTNode]:
    """The nodes of a function's body, not of the functions, lambdas or classes in it (no
    order promised)."""
    todo: list[cst.CSTNode] = [function.body]
    while todo:
        node = todo.pop()
        yield node
        todo += [c for c in children(node)
                 if not isinstance(c, (cst.FunctionDef, cst.Lambda, cst.ClassDef))]


def parents(root: cst.CSTNode) -> dict[int, cst.CSTNode]:
    """id(node) -> parent, for every node below `root` (whitespace and punctuation left out).
    Nodes are keyed by `id`: the tree must outlive the map."""
    out: dict[int, cst.CSTNode] = {}
    todo = [root]
    while todo:
        node = todo.pop()
        for child in children(node):
            out[id(child)] = node
            todo.append(child)
    return out


_Handlers = tuple[Callable[..., Any] | None, Callable[..., Any] | None, tuple[str, ...]]
# per walker class (the scan, tests' subclasses), per node class
_HANDLERS: dict[type, dict[type, _Handlers]] = {}


class Walker:
    """Walks a tree calling `visit_<Node>` (return False to skip the children) and
    `leave_<Node>` of the subclass; `stack` holds the nodes above the current one and `seq`
    counts the nodes visited so far (their text order)."""

    def __init__(self) -> None:
        self.stack: list[cst.CSTNode] = []
        self.seq = 0
        self._handlers = _HANDLERS.setdefault(type(self), {})

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
                        if is_node(type(item)):
                            self.walk(item)
                elif is_node(kind):
                    self.walk(value)
        if leave is not None:
            leave(self, node)
        self.stack.pop()

    def _handlers_for(self, node: cst.CSTNode) -> _Handlers:
        """`visit_<Node>`, `leave_<Node>` (functions of this walker's class, or None) and the
        fields to walk into, looked up once per node class: `getattr` with a default on a
        missing method is slow (it raises and catches inside), and most classes have none."""
        name = type(node).__name__
        walker = type(self)
        return (getattr(walker, "visit_" + name, None), getattr(walker, "leave_" + name, None),
                child_fields(node))


def under_done_check(stack: list[cst.CSTNode], j: int) -> bool:
    """The read at stack[j] (the scan's walk stack) is inside an `if` whose test calls
    `.done()`."""
    for node in stack[:j]:
        if isinstance(node, cst.If) and "done" in _called_names(node.test):
            return True
    return False


def _called_names(node: cst.CSTNode) -> set[str]:
    """The method names called under `node` (`t.done()` -> "done")."""
    return {n.func.attr.value for n in descendants(node)
            if isinstance(n, cst.Call) and isinstance(n.func, cst.Attribute)}


POLLED = "polled until done"  # the callee of a wait by `while not t.done()` (`polled_until_done`)


def polled_until_done(stack: list[cst.CSTNode], j: int) -> bool:
    """The read at stack[j] is `x` of `while not x.done(): ...` whose body neither breaks nor
    returns: the code after the loop runs only once the task is done (a wait by polling)."""
    if j < 3 or not isinstance(loop := stack[j - 3], cst.While):
        return False
    test = stack[j - 2]
    if test is not loop.test or not isinstance(test, cst.UnaryOperation) \
            or not isinstance(test.operator, cst.Not):
        return False
    return not any(isinstance(n, (cst.Break, cst.Return)) for n in descendants(loop.body))
