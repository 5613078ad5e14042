"""The scanner's own walk visits nodes in libcst's visit order (the order of the source text).

`Scanner.walk` reads fields itself instead of using libcst's `visit` (which rebuilds every node);
the order of its `seq` numbers must still be the text order, so a read after a spawn in the text
is after it in the scan. libcst's order is the reference: this walks the same tree with a libcst
visitor that skips the same whitespace and punctuation fields and compares the two sequences.
"""

from __future__ import annotations

import libcst as cst
from helpers import SOURCE_OF_EVERY_KIND as SOURCE

from taskleak.analysis.tree.scan import Scanner
from taskleak.analysis.tree.walk import SKIP_FIELDS, descendants


class _Recording(Scanner):
    def __init__(self) -> None:
        super().__init__()
        self.order: list[cst.CSTNode] = []

    def walk(self, node: cst.CSTNode) -> None:
        self.order.append(node)
        super().walk(node)


class _LibcstOrder(cst.CSTVisitor):
    """libcst's own pre-order, minus the fields the scanner leaves out (and what is below them),
    and below the nodes whose `visit_` returns False in the scanner (imports, global)."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[cst.CSTNode] = []
        self.attributes: list[str] = []

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        self.attributes.append(attribute)

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        self.attributes.pop()

    def on_visit(self, node: cst.CSTNode) -> bool:
        if self.attributes:
            field = self.attributes[-1]
            if field in SKIP_FIELDS or "whitespace" in field:
                return False
        self.order.append(node)
        return not isinstance(node, (cst.Import, cst.ImportFrom, cst.Global, cst.Nonlocal))


def test_the_scanner_walks_in_libcst_visit_order() -> None:
    module = cst.parse_module(SOURCE)
    scanner = _Recording()
    scanner.walk(module)
    reference = _LibcstOrder()
    module.visit(reference)
    assert len(scanner.order) > 200
    assert [type(n).__name__ for n in scanner.order] == [
        type(n).__name__ for n in reference.order]
    assert all(a is b for a, b in zip(scanner.order, reference.order, strict=True))


class _EveryNode(_LibcstOrder):
    """libcst's own nodes, minus the skipped fields, below imports too."""

    def on_visit(self, node: cst.CSTNode) -> bool:
        field = self.attributes[-1] if self.attributes else ""
        if field in SKIP_FIELDS or "whitespace" in field:
            return False
        self.order.append(node)
        return True


def test_descendants_are_libcsts_nodes_without_its_rebuilding_visit() -> None:
    module = cst.parse_module(SOURCE)
    reference = _EveryNode()
    module.visit(reference)
    found = list(descendants(module))
    assert len(found) > 200 and found[0] is module
    assert sorted(map(id, found)) == sorted(map(id, reference.order))


def _subclasses(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out += [sub, *_subclasses(sub)]
    return out


def test_exact_type_tests_are_on_classes_without_subclasses() -> None:
    """The walk tests `type(node) is C` instead of `isinstance` for speed; that is the same
    test only while libcst has no subclass of C (a new libcst could add one)."""
    from taskleak.analysis.tree.nodes import LEAF_TYPES

    with_subclasses = {c.__name__: [s.__name__ for s in _subclasses(c)] for c in LEAF_TYPES
                       if _subclasses(c)}
    assert with_subclasses == {}
    # every class the walk names is a real libcst node class
    assert all(issubclass(c, cst.CSTNode) for c in LEAF_TYPES)


def test_every_exact_type_test_in_the_analysis_is_listed() -> None:
    """Each `type(x) is cst.C` in the analysis package, and each class the flow tracing looks
    up by exact type, is a class of LEAF_TYPES (so the test above covers it)."""
    import ast
    from pathlib import Path

    import taskleak.analysis as analysis
    from taskleak.analysis.tree.flow import TRACED_PARENTS
    from taskleak.analysis.tree.nodes import LEAF_TYPES

    named: set[str] = set()
    for path in Path(analysis.__file__).parent.rglob("*.py"):  # the sub-packages too
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Compare) and isinstance(node.left, ast.Call)
                    and isinstance(node.left.func, ast.Name) and node.left.func.id == "type"):
                for op, right in zip(node.ops, node.comparators, strict=True):
                    if isinstance(op, (ast.Is, ast.IsNot)) and isinstance(right, ast.Attribute):
                        named.add(right.attr)
    assert named, "the analysis tests no exact types: drop this test and LEAF_TYPES"
    listed = {c.__name__ for c in LEAF_TYPES}
    assert named - listed == set()
    assert TRACED_PARENTS <= LEAF_TYPES
