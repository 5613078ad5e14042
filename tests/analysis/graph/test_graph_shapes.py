"""The graph is precise where the obligation model needs it to be: a `finally` copied per way
does not mix a `return` with the code after the `try`; a loop with no way out reaches no exit
but by `return` or an exception; a handler that may not match lets the exception go on."""

from __future__ import annotations

import textwrap

import libcst as cst

from taskleak.analysis.graph.build import Cancels, graph_of
from taskleak.analysis.graph.cfg import EdgeKind, Graph, Role, Way


def _suppresses(item: cst.BaseExpression) -> bool:
    """The shapes here write `contextlib.suppress` as `suppress`."""
    return isinstance(item, cst.Call) and isinstance(item.func, cst.Name) \
        and item.func.value == "suppress"


def _graph(source: str) -> tuple[Graph, cst.Module]:
    module = cst.parse_module(textwrap.dedent(source))
    fn = module.body[0]
    assert isinstance(fn, cst.FunctionDef)
    return graph_of(fn, _suppresses), module


def _points(graph: Graph, module: cst.Module, code: str) -> list[int]:
    return [p.index for p in graph.points
            if p.node is not None and module.code_for_node(p.node).strip().startswith(code)]


def _reaches(graph: Graph, start: int, goal: int) -> bool:
    seen, todo = {start}, [start]
    while todo:
        for nxt in graph.points[todo.pop()].successors():
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def test_a_return_through_finally_reaches_the_exit_not_the_code_after() -> None:
    graph, module = _graph("""
        def f(x):
            try:
                if x:
                    return 1
                a()
            finally:
                cleanup()
            after()
    """)
    [ret] = _points(graph, module, "return 1")
    [after] = _points(graph, module, "after()")
    copies = _points(graph, module, "cleanup()")
    assert len(copies) == 3  # falling through, returning, raising
    assert {graph.points[c].ways for c in copies} == {(Way.FALLS,), (Way.RETURN,), (Way.RAISE,)}
    assert _reaches(graph, ret, graph.returned)
    assert not _reaches(graph, ret, after)


def test_break_through_finally_leaves_the_loop() -> None:
    graph, module = _graph("""
        def f(xs):
            for x in xs:
                try:
                    if x:
                        break
                    inside()
                finally:
                    cleanup()
                rest()
            after()
    """)
    [brk] = _points(graph, module, "break")
    [after] = _points(graph, module, "after()")
    [rest] = _points(graph, module, "rest()")
    assert _reaches(graph, brk, after)
    # the break's own copy of the finally goes nowhere but out of the loop
    [copy] = [c for c in _points(graph, module, "cleanup()")
              if graph.points[c].ways == (Way.BREAK,)]
    assert [e.target for e in graph.points[copy].edges if e.kind is EdgeKind.NEXT] == [after]
    assert not _reaches(graph, brk, rest)


def test_a_loop_with_no_way_out_reaches_no_exit_but_by_return() -> None:
    graph, module = _graph("""
        def f():
            while True:
                work()
    """)
    [work] = _points(graph, module, "work()")
    assert not _reaches(graph, work, graph.returned)
    assert _reaches(graph, work, graph.raised)


def test_a_handler_that_may_not_match_lets_the_exception_go_on() -> None:
    graph, _ = _graph("""
        def f():
            try:
                work()
            except ValueError:
                handled()
            after()
    """)
    [handler] = [p.index for p in graph.points if p.role is Role.HANDLER]
    kinds = {e.kind: e.target for e in graph.points[handler].edges}
    assert kinds[EdgeKind.FALSE] == graph.raised
    graph, _ = _graph("""
        def f():
            try:
                work()
            except BaseException:
                handled()
    """)
    [handler] = [p.index for p in graph.points if p.role is Role.HANDLER]
    assert {e.kind for e in graph.points[handler].edges} == {EdgeKind.TRUE}


def test_nested_definitions_are_one_point_and_their_bodies_are_not_entered() -> None:
    graph, module = _graph("""
        def f():
            def inner():
                hidden()
            class K:
                also_hidden()
            seen()
    """)
    assert not _points(graph, module, "hidden()")
    assert not _points(graph, module, "also_hidden()")
    assert [p.role for p in graph.points if p.role is Role.DEFINITION] == [Role.DEFINITION] * 2


def _cancel_graph(source: str) -> tuple[Graph, cst.Module]:
    """`sleep(...)` awaited raises only a cancellation; `CancelledError` surely catches one,
    `kinds` (a name that may be anything) may, other classes do not."""
    module = cst.parse_module(textwrap.dedent(source))
    fn = module.body[0]
    assert isinstance(fn, cst.FunctionDef)

    def only(small: cst.CSTNode) -> bool:
        return "await sleep(" in module.code_for_node(small)

    def named(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> str:
        return module.code_for_node(handler.type) if handler.type is not None else ""

    cancels = Cancels(only, lambda h: named(h) in ("CancelledError", "kinds"),
                      lambda h: named(h) == "CancelledError")
    return graph_of(fn, _suppresses, cancels), module


def test_a_step_that_raises_only_a_cancellation_passes_handlers_that_cannot_catch_one() -> None:
    graph, module = _cancel_graph("""
        async def f():
            while True:
                try:
                    await sleep(1)
                    await work()
                except OSError:
                    retry()
    """)
    [sleep] = _points(graph, module, "await sleep(1)")
    [work] = _points(graph, module, "await work()")
    [retry] = _points(graph, module, "retry()")
    raised = [e.target for e in graph.points[sleep].edges if e.kind is EdgeKind.RAISE]
    assert raised == [graph.raised]  # past `except OSError`, out of the function
    assert _reaches(graph, work, retry)  # near miss: any other await may fail into it


def test_a_cancellation_surely_caught_does_not_go_on_to_the_next_handler() -> None:
    graph, module = _cancel_graph("""
        async def f():
            while True:
                try:
                    await sleep(1)
                except CancelledError:
                    leave()
                    return
                except OSError:
                    retry()
    """)
    [sleep] = _points(graph, module, "await sleep(1)")
    [leave] = _points(graph, module, "leave()")
    [retry] = _points(graph, module, "retry()")
    [raised] = [e.target for e in graph.points[sleep].edges if e.kind is EdgeKind.RAISE]
    assert _reaches(graph, raised, leave)
    assert not _reaches(graph, raised, retry)


def test_a_handler_that_may_catch_a_cancellation_may_also_let_it_on() -> None:
    graph, module = _cancel_graph("""
        async def f(kinds):
            while True:
                try:
                    await sleep(1)
                except OSError:
                    never()
                except kinds:
                    maybe()
                except Exception:
                    after()
    """)
    [sleep] = _points(graph, module, "await sleep(1)")
    [raised] = [e.target for e in graph.points[sleep].edges if e.kind is EdgeKind.RAISE]
    for code, reached in (("never()", False), ("maybe()", True), ("after()", True)):
        [point] = _points(graph, module, code)
        assert _reaches(graph, raised, point) is reached, code
