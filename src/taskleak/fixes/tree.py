"""Read-only walks over a libcst tree, for the fix advice `check` computes for every finding.

libcst's `node.visit(visitor)` rebuilds every node it passes on the way back up, even for a
visitor that changes nothing: on the mid corpus the advice's two whole-module visits (parents,
names in use) were ~1.5 s of a cold one-process run, more than the scan. These walks read the
child fields directly, with the scanner's field table (`scan._child_fields`): the whitespace and
punctuation fields it leaves out hold no names, calls or statements. Nodes are keyed by `id`
(libcst nodes hash in Python); the tree they come from must outlive the maps.
"""

from __future__ import annotations

import libcst as cst

from taskleak.analysis.scan import _FIELDS, _child_fields, _is_node


def children(node: cst.CSTNode) -> list[cst.CSTNode]:
    """`node`'s children, in text order, punctuation and whitespace left out."""
    out: list[cst.CSTNode] = []
    fields = _FIELDS.get(type(node))
    for name in fields if fields is not None else _child_fields(node):
        value = getattr(node, name)
        kind = type(value)
        if kind is tuple or kind is list:
            out.extend(item for item in value if _is_node(type(item)))
        elif _is_node(kind):
            out.append(value)
    return out


def parents(root: cst.CSTNode) -> dict[int, cst.CSTNode]:
    """id(node) -> parent, for every node below `root` (whitespace and punctuation left out)."""
    out: dict[int, cst.CSTNode] = {}
    todo = [root]
    while todo:
        node = todo.pop()
        for child in children(node):
            out[id(child)] = node
            todo.append(child)
    return out


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
