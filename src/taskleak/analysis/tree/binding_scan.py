"""The scan's bindings: what imports, assignments, `with ... as`, `except ... as`, `global` and
`nonlocal` bind in the current scope, and what a method assigns to `self.X` (recorded on its
class). A part of the one walk (`scan.Scanner` inherits it), kept apart from the scopes, reads
and calls it records; names are resolved later (`resolve.py`)."""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.named_sites import SPAWN_NAMES
from taskleak.analysis.tree.nodes import dotted, last_name
from taskleak.analysis.tree.scopes import Binding, BindingKind, Scope, ScopeKind
from taskleak.analysis.tree.through import bound
from taskleak.analysis.tree.vocabulary import SPAWN_FUNCTIONS, WRAPPING_NAMES


class BindingScan:
    """The binding visitors of the scan (see the module docstring)."""

    module_scope: Scope | None
    # names that call a spawn: configured spawners' last names and local aliases
    extra_names: frozenset[str]

    @property
    def cur(self) -> Scope:  # the scope the walk is in (`Scanner.cur`)
        raise NotImplementedError

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
            # (a name of the standard library's imported through a module of the project
            # binds that name: `tree/through.py`)
            qualified = bound(prefix + name)
            self.cur.bind(local, Binding(BindingKind.IMPORT, qualified=qualified))
            name = qualified.rpartition(".")[2]
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

    def visit_WithItem(self, node: cst.WithItem) -> None:
        if node.asname is not None:
            self._bind_target(node.asname.name, node.item, kind=BindingKind.WITH)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if node.name is not None and isinstance(node.name.name, cst.Name):
            self.cur.bind(node.name.name.value, Binding(BindingKind.OTHER))

    def _bind_target(self, target: cst.BaseExpression, value: cst.BaseExpression | None,
                     kind: BindingKind = BindingKind.ASSIGN,
                     annotation: cst.BaseExpression | None = None,
                     iterates: cst.BaseExpression | None = None) -> None:
        if isinstance(target, cst.Name):
            scope = self.cur
            if value is not None and last_name(value) in SPAWN_NAMES \
                    and isinstance(value, (cst.Name, cst.Attribute)):
                self.extra_names = self.extra_names | {target.value}  # `spawn = x.create_task`
            if kind is BindingKind.ASSIGN and annotation is not None and value is None:
                self._declare(scope, target.value, Binding(BindingKind.PARAM, value=annotation))
            else:
                self._declare(scope, target.value, Binding(kind, value=value, annotation=annotation,
                                                           iterates=iterates))
        elif isinstance(target, (cst.Tuple, cst.List)):
            values = _paired(target, value) if kind is BindingKind.ASSIGN else None
            for at, el in enumerate(target.elements):
                if values is not None:  # `old, self._task = self._task, None`: element-wise
                    self._bind_target(el.value, values[at], kind=kind)
                    continue
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


def _paired(target: cst.Tuple | cst.List, value: cst.BaseExpression | None
            ) -> list[cst.BaseExpression] | None:
    """The values a tuple assignment gives its targets one by one (`a, b = x, None`), when the
    value is a tuple or list of as many plain elements as the target has; else None."""
    if not isinstance(value, (cst.Tuple, cst.List)) or len(value.elements) != len(target.elements):
        return None
    if any(isinstance(e, cst.StarredElement) for e in (*target.elements, *value.elements)):
        return None
    return [e.value for e in value.elements]
