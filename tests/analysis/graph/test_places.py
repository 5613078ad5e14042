"""`Places` puts each read and call of the scan at the statement the scan itself saw around it:
over every case program of the suite, each call the scan records (`CallSite.statement`, taken
off the walk's own stack) is found in that statement, and every read of a function's body is
at one of the graph's points."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from helpers import TESTS

from taskleak.analysis.graph.build import graph_of
from taskleak.analysis.graph.places import Places
from taskleak.analysis.tree.scan import scan
from taskleak.analysis.tree.scopes import Scope, ScopeKind


def _suppresses(item: cst.BaseExpression) -> bool:
    """`suppress` as contextlib's: a suppressed exception changes no statement's place."""
    return isinstance(item, cst.Call) and isinstance(item.func, cst.Name) \
        and item.func.value == "suppress"


def _module(path: Path) -> cst.Module | None:
    try:
        return cst.parse_module(path.read_bytes())
    except (cst.ParserSyntaxError, UnicodeDecodeError):
        return None


# (the cases of files that do not parse, on purpose, have no graph to place anything on)
PROGRAMS = sorted(p for folder in ("rules", "analysis/spawn_forms", "analysis/traps")
                  for p in (TESTS / folder).rglob("*.py")
                  if not p.name.startswith("test_") and p.name != "__init__.py"
                  and "fixes" not in p.parts and _module(p) is not None)


def _within(node: cst.CSTNode, statement: cst.CSTNode) -> bool:
    if node is statement:
        return True
    if isinstance(statement, cst.SimpleStatementLine):
        return any(small is node for small in statement.body)
    if isinstance(statement, (cst.Try, cst.TryStar)):
        return any(h is node for h in statement.handlers)
    if isinstance(statement, cst.Match):
        return any(c is node for c in statement.cases)
    return False


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: str(p.relative_to(TESTS)))
def test_calls_and_reads_are_placed_at_the_scans_statements(path: Path) -> None:
    module = _module(path)
    assert module is not None
    root = scan(module)
    for scope in root.walk():
        if scope.kind is not ScopeKind.FUNCTION and scope.kind is not ScopeKind.MODULE:
            continue
        node = scope.node
        assert isinstance(node, (cst.FunctionDef, cst.Module))
        places = Places(graph_of(node, _suppresses), scope.seq)
        for site in _own(scope, scope.calls):
            found = places.statement(site.seq)
            assert found is not None and _within(found, site.statement), \
                f"{path.name}: call at {site.seq} placed at {found!r:.80}"
        for occ in _own(scope, scope.occurrences):
            assert places.points(occ.seq), f"{path.name}: read {occ.key} at {occ.seq} unplaced"


def _own(scope: Scope, items: list) -> list:  # type: ignore[type-arg]
    """What is read or called in the body itself (not in a decorator or a default, which the
    scan gives the function's own scope but which run where it is defined)."""
    node = scope.node
    if isinstance(node, cst.FunctionDef):
        first = _first_count_of_body(scope)
        return [i for i in items if i.seq >= first]
    return items


def _first_count_of_body(scope: Scope) -> int:
    from taskleak.analysis.graph.places import _Spans

    spans = _Spans(scope.seq - 1)
    spans.walk(scope.node)
    assert isinstance(scope.node, cst.FunctionDef)
    body = scope.node.body
    firsts = [first for first, _, n in spans.spans
              if isinstance(body, cst.IndentedBlock) and any(_within(n, s) or n is s
                                                              for s in body.body)]
    return min(firsts, default=10**9)
