"""The names a module already uses, for fixes that must pick names that clash with nothing.

A read-only walk (`analysis.walk.children`): libcst's own `visit` rebuilds every node it passes,
which on the mid corpus cost more than the scan.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.tree.walk import children


def names_and_attributes(root: cst.CSTNode) -> tuple[set[str], set[str]]:
    """Every identifier written under `root`: (names, attribute names).

    Names are `Name` nodes (attribute names included, they are `Name`s too); attributes are the
    `.attr` of attribute reads. A string holding an identifier counts as both (`getattr(self,
    "_x")`, `__slots__ = ("_x",)`, string annotations).
    """
    names: set[str] = set()
    attrs: set[str] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        kind = type(node)
        if kind is cst.Name:
            names.add(node.value)  # type: ignore[attr-defined]
            continue  # a Name has no children that hold names
        if kind is cst.Attribute:
            attrs.add(node.attr.value)  # type: ignore[attr-defined]
        elif kind is cst.SimpleString:
            value = node.evaluated_value  # type: ignore[attr-defined]
            if isinstance(value, str) and value.isidentifier():
                attrs.add(value)
                names.add(value)
            continue
        todo.extend(children(node))
    return names, attrs
