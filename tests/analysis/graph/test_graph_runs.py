"""The graph is sound against real runs: random functions (loops, `try`/`except`/`else`/
`finally`, `with`, `match`, `break`/`continue`/`return`/`raise`) are run by CPython, and every
step from one executed statement to the next must be a path of the graph that passes no other
statement; the run's end (returned or raised) must be reachable the same way.

Each generated statement is a marker `m(k)` (records k) or `r(k)` (records k, then raises when
the run's next bit says so); tests and loops read bits too (`bit()`), and a run ends when its
bits do (every `bit()` is then False), so every loop stops.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from typing import Any

import libcst as cst
import pytest

from taskleak.analysis.graph.build import graph_of
from taskleak.analysis.graph.cfg import Graph, Role


def _suppresses(item: cst.BaseExpression) -> bool:
    """The programs run with `suppress` bound to `contextlib.suppress`."""
    return isinstance(item, cst.Call) and isinstance(item.func, cst.Name) \
        and item.func.value == "suppress"


class E(Exception):
    pass


class _Program:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next_marker = 0
        self.lines: list[str] = []

    def marker(self) -> str:
        self.next_marker += 1
        kind = "r" if self.rng.random() < 0.3 else "m"
        return f"{kind}({self.next_marker})"

    def block(self, indent: int, depth: int, loop: bool) -> None:
        for _ in range(self.rng.randint(1, 3)):
            self.statement(indent, depth, loop)

    def statement(self, indent: int, depth: int, loop: bool) -> None:
        pad = "    " * indent
        choices = ["mark", "mark", "ret", "raise"] + (["break", "continue"] if loop else [])
        if depth < 3:
            choices += ["if", "while", "for", "try", "with", "match"]
        kind = self.rng.choice(choices)
        add = self.lines.append
        if kind == "mark":
            add(pad + self.marker())
        elif kind in ("ret", "raise", "break", "continue"):
            word = {"ret": "return", "raise": "raise E()"}.get(kind, kind)
            add(f"{pad}if bit():")
            add(f"{pad}    {self.marker()}")
            add(f"{pad}    {word}")
        elif kind == "if":
            add(f"{pad}if bit():")
            self.block(indent + 1, depth + 1, loop)
            if self.rng.random() < 0.5:
                add(f"{pad}else:")
                self.block(indent + 1, depth + 1, loop)
        elif kind in ("while", "for"):
            add(f"{pad}while bit():" if kind == "while" else f"{pad}for _ in range(2):")
            self.block(indent + 1, depth + 1, True)
            if self.rng.random() < 0.3:
                add(f"{pad}else:")
                self.block(indent + 1, depth + 1, loop)
        elif kind == "try":
            self.try_statement(indent, depth, loop)
        elif kind == "with":
            add(pad + self.rng.choice(["with cm():", "with suppress(E):",
                                       "with suppress(ValueError):"]))
            self.block(indent + 1, depth + 1, loop)
        else:
            add(f"{pad}match bit():")
            add(f"{pad}    case True:")
            self.block(indent + 2, depth + 1, loop)
            if self.rng.random() < 0.5:
                add(f"{pad}    case _:")
                self.block(indent + 2, depth + 1, loop)

    def try_statement(self, indent: int, depth: int, loop: bool) -> None:
        pad = "    " * indent
        add = self.lines.append
        add(f"{pad}try:")
        self.block(indent + 1, depth + 1, loop)
        handlers = self.rng.randint(0, 2)
        for k in range(handlers):
            last = ["except:"] if k == handlers - 1 else []  # a bare `except:` comes last
            add(pad + self.rng.choice(["except E:", "except ValueError:", *last,
                                       "except BaseException:", "except (E, KeyError):"]))
            self.block(indent + 1, depth + 1, loop)
        if handlers and self.rng.random() < 0.3:
            add(f"{pad}else:")
            self.block(indent + 1, depth + 1, loop)
        if not handlers or self.rng.random() < 0.5:
            add(f"{pad}finally:")
            self.block(indent + 1, depth + 1, loop)

    def source(self) -> str:
        self.lines = ["def f():"]
        self.block(1, 0, False)
        return "\n".join(self.lines) + "\n"


def _run(source: str, bits: list[bool]) -> tuple[list[int], bool]:
    """The markers a run records, and whether it raised."""
    seen: list[int] = []
    todo = iter(bits)

    def bit() -> bool:
        return next(todo, False)

    def m(k: int) -> None:
        seen.append(k)

    def r(k: int) -> None:
        seen.append(k)
        if bit():
            raise E

    @contextlib.contextmanager
    def cm() -> Iterator[None]:
        yield

    space: dict[str, Any] = {"bit": bit, "m": m, "r": r, "E": E, "cm": cm,
                             "suppress": contextlib.suppress}
    exec(compile(source, "<generated>", "exec"), space)
    try:
        space["f"]()
    except E:
        return seen, True
    return seen, False


def _markers(graph: Graph) -> dict[int, list[int]]:
    """marker number -> its points."""
    out: dict[int, list[int]] = {}
    for p in graph.points:
        node = p.node
        if isinstance(node, cst.Expr) and isinstance(node.value, cst.Call):
            arg = node.value.args[0].value
            assert isinstance(arg, cst.Integer)
            out.setdefault(int(arg.value), []).append(p.index)
    return out


def _step(graph: Graph, start: set[int], stops: set[int]) -> set[int]:
    """The points of `stops` reachable from `start` through no other marker point."""
    markers = {i for ps in _markers(graph).values() for i in ps}
    seen = set(start)
    todo = list(start)
    found: set[int] = set()
    while todo:
        for nxt in graph.points[todo.pop()].successors():
            if nxt in stops:
                found.add(nxt)
            if nxt in seen or nxt in markers:
                continue
            seen.add(nxt)
            todo.append(nxt)
    return found


@pytest.mark.parametrize("seed", range(250))
def test_every_run_is_a_path_of_the_graph(seed: int) -> None:
    rng = random.Random(seed)
    source = _Program(rng).source()
    graph = graph_of(cst.parse_module(source).body[0], _suppresses)  # type: ignore[arg-type]
    points = _markers(graph)
    for attempt in range(4):
        bits = [rng.random() < 0.5 for _ in range(rng.randint(0, 40))]
        seen, raised = _run(source, bits)
        here = {graph.entry}
        for k in seen:
            here = _step(graph, here, set(points[k]))
            assert here, f"no path to m({k}) after {seen[:seen.index(k)]}:\n{source}"
        end = graph.raised if raised else graph.returned
        assert _step(graph, here, {end}), f"no way to the end ({attempt}):\n{source}"


def test_exits_have_no_edges_and_every_point_is_built_for_its_statement() -> None:
    source = _Program(random.Random(7)).source()
    graph = graph_of(cst.parse_module(source).body[0], _suppresses)  # type: ignore[arg-type]
    assert graph.points[graph.returned].role is Role.RETURNED
    assert not graph.points[graph.returned].edges and not graph.points[graph.raised].edges
    assert all(p.edges for p in graph.points if p.index not in (graph.returned, graph.raised))
