"""The declared types of a class's attributes, as written: what the project join needs to
resolve a call through an attribute (`self.client.dispatch(...)` with `client: Syncer`).

An attribute's type comes from an annotation, never from its name: in the class body
(`client: syncer.Syncer`, a dataclass field), on `self` in a method (`self.client: Syncer =
...`), or from the annotated parameter a method stores (`def __init__(self, client: Syncer):
self.client = client`). `X | None`, `Optional[X]`, `X[T]` and `"X"` give `X`. With no
annotation, from its constructor: every binding of it in the class (`None` aside) calls one
and the same name of the module (`self.bucket = Bucket()`, `bucket = utils.Bucket(x)` in the
class body). A `@property` is typed by its return annotation, else by the attribute it returns
(`return self._gateway`). The join resolves the text in this module (its imports) and keeps it
only when it names a class of the project (not a factory function), so only a dotted name is
kept.

The same for the elements of a collection declared to hold one class (`connections:
set[Connection]`, `conns: list[Connection]`): a loop over it takes objects of that class out
(`element_types`, `local_type` of a loop's target), as a type checker reads it.
"""

from __future__ import annotations

import sys

import libcst as cst

from taskleak.analysis.names.attributes import property_attribute
from taskleak.analysis.names.resolve import Resolver
from taskleak.analysis.tree.nodes import dotted, is_property
from taskleak.analysis.tree.scopes import Binding, BindingKind, Scope, ScopeKind

_OPTIONAL = ("Optional", "typing.Optional")
# qualifiers that wrap the type (`Final[Looper]`) or, bare, leave it to the value (`Final`)
_QUALIFIERS = ("Final", "typing.Final", "ClassVar", "typing.ClassVar")


def attribute_types(cls: Scope, resolver: Resolver) -> tuple[tuple[str, str], ...]:
    """(attribute, its type as a dotted name) for the attributes of `cls` with a declared
    type, sorted."""
    out: dict[str, str] = {}
    for attr, bindings in cls.bindings.items():
        annotation = bindings[0].declared_type
        if annotation is not None:
            _put(out, attr, annotation)
    for attr, found in cls.attr_annotations.items():
        _put(out, attr, found[0][0])
    for attr, values in cls.attr_bindings.items():
        if attr in out:
            continue
        for value, scope in values:
            if isinstance(value, cst.Name):  # `self.client = client`
                params = [b for b in resolver.lookup(value.value, scope) or ()
                          if b.kind is BindingKind.PARAM and b.value is not None]
                if params:
                    _put(out, attr, params[0].value)  # type: ignore[arg-type]
                    break
    for attr in (*cls.bindings, *cls.attr_bindings):
        if attr not in out and attr not in cls.attr_annotations:
            called = _constructor(cls, attr, resolver)
            if called:
                out[attr] = called
    _property_types(cls, out)
    return tuple(sorted(out.items()))


def element_types(cls: Scope) -> tuple[tuple[str, str], ...]:
    """(attribute, the type of each element as a dotted name) for the attributes of `cls`
    declared as a collection of one class (`connections: set[Connection]`, `self.peers:
    list[Peer] = []`, a `@property` annotated `-> list[Connection]`), sorted: what a loop
    over one takes out (`iterated_attribute`), resolved by the join through the class tree."""
    out: dict[str, str] = {}
    declared = [(attr, bindings[0].declared_type) for attr, bindings in cls.bindings.items()]
    declared += [(attr, found[0][0]) for attr, found in cls.attr_annotations.items()]
    declared += [(child.name, child.node.returns.annotation) for child in cls.children
                 if child.kind is ScopeKind.FUNCTION and isinstance(child.node, cst.FunctionDef)
                 and child.node.returns is not None and is_property(child.node)]
    for attr, annotation in declared:
        element = _element(annotation) if annotation is not None else ""
        if element and attr not in out:
            out[attr] = element
    return tuple(sorted(out.items()))


def iterated_attribute(name: str, scope: Scope, resolver: Resolver) -> str:
    """`conns` of `for conn in self.connections:` (or of its `.copy()`), every binding of
    the local `name` a loop over the same attribute of `self`: that attribute; else ""."""
    bindings = resolver.lookup(name, scope) or []
    found = {_self_attribute(b) for b in bindings}
    return found.pop() if bindings and len(found) == 1 else ""


def _self_attribute(b: Binding) -> str:
    method = b.scope.method() if b.scope is not None else None
    if b.kind is not BindingKind.FOR or b.iterates is None or method is None:
        return ""
    head, dot, attr = (dotted(_uncopied(b.iterates)) or "").partition(".")
    return attr if dot and head == method.self_name and "." not in attr else ""


# the generic collections whose one type argument is the type of each element a loop takes
_COLLECTIONS = frozenset(
    f"{prefix}{name}" for prefix in ("", "typing.", "collections.abc.", "weakref.")
    for name in ("set", "list", "frozenset", "Set", "List", "FrozenSet", "Sequence",
                 "MutableSequence", "Iterable", "Collection", "MutableSet", "AbstractSet",
                 "WeakSet"))


def _declared_element(b: Binding, resolver: Resolver) -> str:
    """The element type of what the loop binding `b` iterates: a local or parameter
    declared as a collection of one class (`conns: list[Connection]`), or its `.copy()`."""
    iterated = _uncopied(b.iterates) if b.iterates is not None else None
    if not isinstance(iterated, cst.Name) or b.scope is None:
        return ""
    declared = {_element(d.declared_type) if d.declared_type is not None else ""
                for d in resolver.lookup(iterated.value, b.scope) or ()}
    return declared.pop() if len(declared) == 1 else ""


def _uncopied(node: cst.BaseExpression) -> cst.BaseExpression:
    """`conns` of `conns.copy()`: a copy holds the same elements."""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) \
            and node.func.attr.value == "copy" and not node.args:
        return node.func.value
    return node


def _element(annotation: cst.BaseExpression) -> str:
    """`Connection` of `set[Connection]`, `list["Connection"]`; "" for anything else (a
    union of two classes names neither: `single_class`)."""
    if not isinstance(annotation, cst.Subscript) or len(annotation.slice) != 1 \
            or dotted(annotation.value) not in _COLLECTIONS \
            or not isinstance(annotation.slice[0].slice, cst.Index):
        return ""
    return single_class(annotation.slice[0].slice.value)


def _property_types(cls: Scope, out: dict[str, str]) -> None:
    """A property reads as the attribute it gives: its return annotation, else the type of the
    attribute its getter returns (`def gateway(self): return self._gateway`, with `_gateway:
    Gateway`)."""
    for child in cls.children:
        node = child.node
        if child.kind is not ScopeKind.FUNCTION or not isinstance(node, cst.FunctionDef) \
                or child.name in out or not is_property(node):
            continue
        if node.returns is not None:
            _put(out, child.name, node.returns.annotation)
            continue
        inner = property_attribute(child, node)
        if inner is not None and inner in out:
            out[child.name] = out[inner]


def _constructor(cls: Scope, attr: str, resolver: Resolver) -> str:
    """The dotted name every binding of `attr` in `cls` calls, `None` aside: in the class body
    and on `self` in its methods; "" when one binds anything else (another name, a value not
    known, an annotation) or none is a call. The name must be one of the module (a class it
    defines or imports), as the join resolves it there."""
    values: list[tuple[cst.BaseExpression, Scope]] = []
    for b in cls.bindings.get(attr, ()):
        if b.kind is not BindingKind.ASSIGN or b.annotation is not None or b.value is None:
            return ""
        values.append((b.value, cls))
    if attr in cls.attr_unknown:
        return ""
    values += cls.attr_bindings.get(attr, ())
    return _one_called_name(values, resolver)


def _one_called_name(values: list[tuple[cst.BaseExpression, Scope]], resolver: Resolver) -> str:
    """The one name every value calls (`_called_name`), `None` aside; "" when they differ."""
    called = {_called_name(v, s, resolver) for v, s in values
              if not (isinstance(v, cst.Name) and v.value == "None")}
    return called.pop() if len(called) == 1 else ""


def _called_name(value: cst.BaseExpression, scope: Scope, resolver: Resolver) -> str:
    """`Bucket` of `Bucket(...)`, `utils.Bucket` of `utils.Bucket(...)`, when the name's head
    is bound only at module level, by a class statement or an import; "" otherwise."""
    if not isinstance(value, cst.Call):
        return ""
    name = dotted(value.func)
    if not name:
        return ""
    bindings = resolver.lookup(name.partition(".")[0], scope)
    if not bindings or any(b.kind not in (BindingKind.CLASS, BindingKind.IMPORT)
                           or b.scope is None or b.scope.kind is not ScopeKind.MODULE
                           for b in bindings):
        return ""
    return name


def local_type(name: str, scope: Scope, resolver: Resolver) -> str:
    """The declared type, as a dotted name, of a local or parameter `name` of the function
    `scope` (or a function around it): the parameter's annotation (`pool: Pool`, `Optional[Pool]`),
    an annotated assignment's, else the one name every assignment of it calls, `None` aside
    (`pool = Pool(size)`); "" when it is bound otherwise (in a loop variable, unpacked, to
    another value) or not in a function. The join keeps it only when it names a class of the
    project, so a factory function's call types nothing."""
    bindings = resolver.lookup(name, scope)
    if not bindings or any(b.scope is None or b.scope.kind is not ScopeKind.FUNCTION
                           for b in bindings):
        return ""
    if all(b.kind is BindingKind.FOR for b in bindings):  # `for conn in conns:`
        each = {_declared_element(b, resolver) for b in bindings}
        return each.pop() if len(each) == 1 else ""
    declared = [b.declared_type for b in bindings if b.declared_type is not None]
    if declared:
        return single_class(declared[0])
    values = [(b.value, b.scope) for b in bindings
              if b.kind is BindingKind.ASSIGN and b.value is not None and b.scope is not None]
    return _one_type(values, resolver) if len(values) == len(bindings) else ""


def _one_type(values: list[tuple[cst.BaseExpression, Scope]], resolver: Resolver) -> str:
    """The one class every value calls (`_one_called_name`), a conditional one read as its two
    values (`Sub() if live else None`: `branches`)."""
    return _one_called_name(branches(values), resolver)


def branches(bound: list[tuple[cst.BaseExpression, Scope]]
             ) -> list[tuple[cst.BaseExpression, Scope]]:
    """Each value bound, a conditional one as its two values (`Cache(...) if on else None`)."""
    out: list[tuple[cst.BaseExpression, Scope]] = []
    todo = list(reversed(bound))
    while todo:
        value, scope = todo.pop()
        if isinstance(value, cst.IfExp):
            todo += [(value.orelse, scope), (value.body, scope)]
        else:
            out.append((value, scope))
    return out


def global_types(root: Scope, resolver: Resolver) -> tuple[tuple[str, str], ...]:
    """(global, class as written) of the module's globals that hold an instance of one class
    (`global_type`): what another module's call on one runs (`Exports.instances`)."""
    out = []
    for name, bindings in root.bindings.items():
        typed = _global_class(bindings, root, resolver)
        if typed:
            out.append((name, typed))
    return tuple(out)


def global_type(name: str, scope: Scope, resolver: Resolver) -> str:
    """The class, as a dotted name, of what the module global `name` read in `scope` holds:
    each binding of it, at module level or in a function through `global`, is annotated with
    one class or calls one name the module binds by a class statement or an import
    (`cmdmgr = CommandManager(...)`), `None` aside; the same reading as a local's
    (`local_type`), so a call on the object runs the same method whether a local or a global
    holds it. "" when `name` is no such global (a local, a parameter, rebound otherwise).
    Calls of the standard library are left out (no class of the project)."""
    bindings = resolver.lookup(name, scope) or []
    root = bindings[0].scope if bindings else None
    return _global_class(bindings, root, resolver) if root is not None \
        and root.kind is ScopeKind.MODULE else ""


def _global_class(bindings: list[Binding], root: Scope | None, resolver: Resolver) -> str:
    if not bindings or root is None or any(
            b.kind is not BindingKind.ASSIGN or b.scope is None
            or b.scope.kind is not ScopeKind.MODULE for b in bindings):
        return ""
    declared = [b.declared_type for b in bindings if b.declared_type is not None]
    values = [(b.value, b.scope) for b in bindings if b.value is not None and b.scope is not None]
    typed = single_class(declared[0]) if declared else \
        _one_type(values, resolver) if len(values) == len(bindings) else ""
    return typed if typed and not _standard(typed, root, resolver) else ""


def _standard(name: str, scope: Scope, resolver: Resolver) -> bool:
    """`name` is imported from the standard library (`logging.getLogger`)."""
    head = name.partition(".")[0]
    bindings = resolver.lookup(head, scope) or []
    qualified = bindings[0].qualified if bindings else None
    return qualified is not None and qualified.split(".")[0] in sys.stdlib_module_names


def init_parameters(cls: Scope, resolver: Resolver) -> tuple[tuple[str, int], ...]:
    """(attribute, position, `self` counted) of what `__init__` stores from one of its
    parameters that has no annotation (`self.server = server`), sorted: the project join types
    it by the calls constructing the class (`AsyncSocket(self, sid)` in a method of `Server`).
    An attribute also bound to anything but a name elsewhere is left out (`None` aside)."""
    out: dict[str, int] = {}
    for attr, values in cls.attr_bindings.items():
        if any(not isinstance(v, cst.Name) or (v.value != "None" and s.name != "__init__")
               for v, s in values):
            continue  # bound to something else somewhere: not only what the constructor got
        for value, scope in values:
            if not isinstance(value, cst.Name) or scope.name != "__init__" \
                    or scope.parent is not cls or not isinstance(scope.node, cst.FunctionDef):
                continue
            bindings = resolver.lookup(value.value, scope) or []
            params = scope.node.params
            names = [p.name.value for p in (*params.posonly_params, *params.params)]
            if len(bindings) == 1 and bindings[0].kind is BindingKind.PARAM \
                    and bindings[0].value is None and value.value in names[1:]:
                out.setdefault(attr, names.index(value.value))
    return tuple(sorted(out.items()))


def _put(out: dict[str, str], attr: str, annotation: cst.BaseExpression) -> None:
    name = type_name(annotation)
    if name:
        out.setdefault(attr, name)


def single_class(annotation: cst.BaseExpression) -> str:
    """`type_name`, but "" for a union of two classes (`A | B`: neither is known to be it)."""
    if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator,
                                                                  cst.BitOr):
        sides = [s for s in (annotation.left, annotation.right)
                 if not (isinstance(s, cst.Name) and s.value == "None")]
        return single_class(sides[0]) if len(sides) == 1 else ""
    return type_name(annotation)


def type_name(annotation: cst.BaseExpression) -> str:
    """`Syncer` of `Syncer | None`, `Optional[Syncer]`, `Final[Syncer]`, `Syncer[T]`,
    `"Syncer"`; "" for anything else (a bare `Final`: the value says the type; a union of
    two classes, `Serial | Socket | None`, names neither, as the module's own reading has it:
    `names/objects.class_of`)."""
    if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator,
                                                                  cst.BitOr):
        sides = [side for side in (annotation.left, annotation.right)
                 if not (isinstance(side, cst.Name) and side.value == "None")]
        return type_name(sides[0]) if len(sides) == 1 else ""
    if isinstance(annotation, cst.Subscript):
        if dotted(annotation.value) in _OPTIONAL + _QUALIFIERS and len(annotation.slice) == 1 \
                and isinstance(annotation.slice[0].slice, cst.Index):
            return type_name(annotation.slice[0].slice.value)
        return type_name(annotation.value)  # `Dispatcher[str]`: a generic class
    if isinstance(annotation, cst.SimpleString):
        text = annotation.evaluated_value
        return text if isinstance(text, str) and all(
            part.isidentifier() for part in text.split(".")) else ""
    name = dotted(annotation) or ""
    return "" if name in _QUALIFIERS else name
