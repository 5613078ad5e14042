"""positions.py must agree with libcst's PositionProvider on every call and statement."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from taskleak.positions import positions

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures").rglob("*.py"))


class _Collect(cst.CSTVisitor):
    def __init__(self) -> None:
        self.nodes: list[cst.CSTNode] = []

    def visit_Call(self, node: cst.Call) -> None:
        self.nodes.append(node)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self.nodes.append(node)

    def visit_If(self, node: cst.If) -> None:
        self.nodes.append(node)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_same_ranges_as_position_provider(path: Path) -> None:
    module = cst.parse_module(path.read_bytes())
    collect = _Collect()
    module.visit(collect)
    assert collect.nodes
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    got = positions(module, collect.nodes)
    for node in collect.nodes:
        r = expected[node]
        assert got[id(node)] == (r.start.line, r.start.column, r.end.line, r.end.column)


def test_stops_early_but_still_finds_a_subset() -> None:
    module = cst.parse_module("a()\nif x:\n    b(\n  1)\nc()\n")
    collect = _Collect()
    module.visit(collect)
    b = next(n for n in collect.nodes if isinstance(n, cst.Call)
             and isinstance(n.func, cst.Name) and n.func.value == "b")
    assert positions(module, [b]) == {id(b): (3, 4, 4, 4)}
    assert positions(module, []) == {}


class _Statements(cst.CSTVisitor):
    def __init__(self) -> None:
        self.nodes: list[cst.CSTNode] = []

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            self.nodes.append(node)
        return True


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_starts_only_match_position_provider_starts(path: Path) -> None:
    """What analyze asks for: the calls' ranges, and only the start of each statement."""
    module = cst.parse_module(path.read_bytes())
    calls, statements = _Collect(), _Statements()
    module.visit(calls)
    module.visit(statements)
    call_nodes = [n for n in calls.nodes if isinstance(n, cst.Call)]
    assert statements.nodes
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    got = positions(module, call_nodes, starts_of=statements.nodes)
    for node in call_nodes:
        r = expected[node]
        assert got[id(node)] == (r.start.line, r.start.column, r.end.line, r.end.column)
    for node in statements.nodes:
        r = expected[node]
        assert got[id(node)] == (r.start.line, r.start.column, r.start.line, r.start.column)


def test_start_only_of_a_compound_statement_and_the_module() -> None:
    module = cst.parse_module("# head\n\n@deco\nasync def f():\n    await g(\n        1)\n")
    fn = module.body[0]
    assert positions(module, [], starts_of=[fn]) == {id(fn): (4, 0, 4, 0)}
    assert positions(module, [], starts_of=[module]) == {id(module): (1, 0, 1, 0)}
    # a node both wanted and start-only gets its whole range
    assert positions(module, [fn], starts_of=[fn])[id(fn)] == (4, 0, 6, 10)
