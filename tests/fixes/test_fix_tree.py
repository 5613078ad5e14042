"""The fix advice's read-only walks agree with libcst's visitor on every fixture file.

`fixes/tree.py` replaced two libcst visits (a parent map, the names used under a node) that
rebuilt the whole tree for every finding of `check`. Here libcst's visitor is the reference.
"""

from __future__ import annotations

import libcst as cst
import pytest
from helpers import SOURCE_OF_EVERY_KIND as SOURCE
from helpers import sample_files

from taskleak.analysis.tree.walk import SKIP_FIELDS, children, parents
from taskleak.fixes.tree import names_and_attributes

FIXTURES = sample_files()


class _ReferenceParents(cst.CSTVisitor):
    """libcst's parent of every node outside the whitespace and punctuation fields."""

    def __init__(self) -> None:
        super().__init__()
        self.parents: dict[int, cst.CSTNode] = {}
        self.stack: list[cst.CSTNode] = []
        self.attributes: list[str] = []

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        self.attributes.append(attribute)

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        self.attributes.pop()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.attributes and (self.attributes[-1] in SKIP_FIELDS
                                or "whitespace" in self.attributes[-1]):
            return False
        if self.stack:
            self.parents[id(node)] = self.stack[-1]
        self.stack.append(node)
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        if self.stack and self.stack[-1] is original_node:
            self.stack.pop()


class _ReferenceNames(cst.CSTVisitor):
    """The visitor `FixContext` used before (names, attribute names, identifier strings)."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attrs: set[str] = set()

    def visit_Name(self, node: cst.Name) -> None:
        self.names.add(node.value)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.attrs.add(node.attr.value)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        value = node.evaluated_value
        if isinstance(value, str) and value.isidentifier():
            self.attrs.add(value)
            self.names.add(value)


def _modules() -> list[tuple[str, cst.Module]]:
    return [("scan_order", cst.parse_module(SOURCE))] + [
        (path.name, cst.parse_module(path.read_bytes())) for path in FIXTURES]


@pytest.mark.parametrize(("name", "module"), _modules())
def test_parents_and_names_match_libcst(name: str, module: cst.Module) -> None:
    reference = _ReferenceParents()
    module.visit(reference)
    found = parents(module)
    assert found.keys() == reference.parents.keys()
    assert all(found[k] is reference.parents[k] for k in found)

    for node in [module, *children(module)]:  # the module and each top-level statement
        expected = _ReferenceNames()
        node.visit(expected)
        assert names_and_attributes(node) == (expected.names, expected.attrs)


def test_children_in_text_order() -> None:
    call = cst.parse_expression("f(a, *b, k=c)")
    assert [cst.Module([]).code_for_node(n) for n in children(call)] == [
        "f", "a, ", "*b, ", "k=c"]


def test_there_are_fixtures() -> None:
    assert len(FIXTURES) > 20
