"""positions.py must agree with libcst's PositionProvider on every call and statement."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import libcst as cst
import pytest
from helpers import sample_files
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from libcst.metadata import MetadataWrapper, PositionProvider

from taskleak.analysis.tree.positions import positions, spawn_positions
from taskleak.files.source import decode

FIXTURES = sample_files()


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


class _CallsInStatements(cst.CSTVisitor):
    """Every call with the innermost statement around it (what scan.py records for a spawn)."""

    def __init__(self) -> None:
        self.statements: list[cst.CSTNode] = []
        self.pairs: list[tuple[cst.CSTNode, cst.CSTNode]] = []
        self.functions: list[cst.FunctionDef] = []
        self.anchors: list[cst.FunctionDef | None] = []  # the `def` each call is in
        self.above: list[cst.CSTNode] = []
        self.paths: list[tuple[cst.CSTNode, ...]] = []  # the nodes above each call

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            self.statements.append(node)
            if isinstance(node, cst.FunctionDef):
                self.functions.append(node)
        elif isinstance(node, cst.Call) and self.statements:
            self.pairs.append((node, self.statements[-1]))
            self.anchors.append(self.functions[-1] if self.functions else None)
            self.paths.append(tuple(self.above))
        self.above.append(node)
        return True

    def on_leave(self, original_node: cst.CSTNode) -> None:
        self.above.pop()
        if self.statements and self.statements[-1] is original_node:
            self.statements.pop()
        if self.functions and self.functions[-1] is original_node:
            self.functions.pop()


def _collected(source: str | bytes) -> tuple[cst.Module, _CallsInStatements]:
    """The module parsed, with its calls and their statements collected."""
    module = cst.parse_module(source)
    collect = _CallsInStatements()
    module.visit(collect)
    return module, collect


def _expected(module: cst.Module, collect: _CallsInStatements) -> dict[int, tuple[int, ...]]:
    """What the module's generation gives for the collected calls and statements."""
    return positions(module, [c for c, _ in collect.pairs],
                     starts_of=[s for _, s in collect.pairs])


def _generations_of_the_module(monkeypatch: pytest.MonkeyPatch) -> list[list[cst.CSTNode]]:
    """The nodes of each generation of the module `spawn_positions` falls back to, recorded
    from now on (in the list returned)."""
    import taskleak.analysis.tree.positions as positions_module

    generated: list[list[cst.CSTNode]] = []

    def recording(module: cst.Module, nodes: list[cst.CSTNode], starts_of: list[cst.CSTNode],
                  text: str | None = None) -> dict[int, tuple[int, int, int, int]]:
        generated.append(nodes)
        return positions(module, nodes, starts_of, text)

    monkeypatch.setattr(positions_module, "positions", recording)
    return generated


def _same_as_codegen(data: bytes, text: str) -> None:
    module, collect = _collected(data)
    pairs = collect.pairs
    expected = _expected(module, collect)
    assert spawn_positions(module, text, pairs) == expected
    assert spawn_positions(module, text, pairs, collect.anchors) == expected
    assert spawn_positions(module, text, pairs, collect.anchors, collect.paths) == expected
    assert spawn_positions(module, text, pairs, (), collect.paths) == expected
    assert spawn_positions(module, None, pairs) == expected


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_spawn_positions_by_search_match_codegen(path: Path) -> None:
    data = path.read_bytes()
    text, _ = decode(data)
    _same_as_codegen(data, text)


@pytest.mark.parametrize("source", [
    # the same call twice: found by code generation, not by the search
    "import asyncio\nasyncio.create_task(f())\nasyncio.create_task(f())\n",
    # parenthesised, multi-line, nested, in a one-line suite, in a decorator, after `;`
    "x = (spawn(\n    a,\n  b))\nif y: spawn(c)\n",
    "class A:\n    @deco(spawn(d))\n    def f(self):\n        a = 1; spawn(e)\n",
    "async def g():\n\tasync with spawn(h) as t:\n\t\tawait t\n",
    "def k():\n    return [spawn(i) for i in\n            range(3)]\n",
    # CRLF and lone CR line breaks; a form feed is not a line break for libcst
    "a = 1\r\nb = spawn(x)\r\nif c:\r\n    spawn(\r\n   y)\r\n",
    "a = 1\rb = spawn(x)\r",
    "\x0cdef f():\n    spawn(z)\n",
    "s = '''spawn(q)'''\nspawn(q)\n",
], ids=lambda s: repr(s[:24]))
def test_spawn_positions_edge_cases(source: str) -> None:
    _same_as_codegen(source.encode(), source)


@pytest.mark.parametrize("source", [
    # continuation lines repeat the block's indentation (libcst writes it from the block)
    "class A:\n    async def f(self):\n        self.loop.create_task(\n            self.g(\n"
    "                1,  # why\n            ))\n",
    "def f():\n\tif x:\n\t\tspawn(a,\n\t\t      b)\n",
    # the same call text at two indentations: still ambiguous for the search
    "def f():\n    spawn(a,\n      b)\nspawn(a,\n  b)\n",
    # a NUL in the text: not searched
    "spawn(a)\ns = '\x00'\n",
], ids=lambda s: repr(s[:24]))
def test_spawn_positions_multi_line_calls(source: str) -> None:
    _same_as_codegen(source.encode(), source)


# -- property: the search agrees with code generation on generated layouts -------------------

_CALLS = ("spawn(a)", "spawn(\n{i}    a,\n{i}    b,\n{i})", "loop.spawn(  # why\n{i}  f(x)\n{i})",
          "(spawn(\n{i}a))", "spawn(f'{{x}}',\n{i}\tb)", "spawn('''a\nb''')", "spawn(\\\n{i}  a)")
_HOLDERS = ("{c}\n", "t = {c}\n", "x = [{c}]\n", "await {c}\n", "return {c}\n",
            "if {c}:\n{i}  pass\n")
_BLOCKS = ("if x:\n", "for i in y:\n", "class C:\n", "async def f():\n", "with m:\n",
           "@deco({c})\ndef g():\n")


def _named(draw: st.DrawFn, call: str) -> str:
    """Calls of a few names: some code occurs once (found by the search), some twice."""
    return call.replace("spawn", f"spawn{draw(st.integers(0, 4))}")


@st.composite
def _program(draw: st.DrawFn) -> str:
    unit = draw(st.sampled_from(["    ", "  ", "\t"]))
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 6))):
        depth = draw(st.integers(0, 3))
        prefix = ""
        for level in range(depth):
            block = draw(st.sampled_from(_BLOCKS))
            call = _named(draw, draw(st.sampled_from(_CALLS)).format(i=unit * level))
            lines.append(textwrap.indent(block.format(c=call), unit * level))
            prefix = unit * (level + 1)
        call = _named(draw, draw(st.sampled_from(_CALLS)).format(i=prefix))
        holder = draw(st.sampled_from(_HOLDERS)).format(c=call, i=prefix)
        lines.append(prefix + holder)
        lines.append(prefix + "pass\n")
    text = "".join(lines)
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_program())
def test_spawn_positions_property(source: str) -> None:
    try:
        compile(source, "<generated>", "exec", flags=0x2000, dont_inherit=True)  # top-level await
    except SyntaxError:
        assume(False)
    _same_as_codegen(source.encode(), source)


def test_unique_calls_are_found_without_generating_the_module(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests above would pass if the search always gave up; here it must not: the module
    is generated only for the call whose code occurs twice."""

    source = ("class A:\n    def f(self):\n        self.t = spawn(\n            a,\n        )\n"
              "spawn(b)\nspawn(b)\n")
    module, collect = _collected(source)
    unique, twice = collect.pairs[0], collect.pairs[1:]
    generated = _generations_of_the_module(monkeypatch)
    got = spawn_positions(module, source, [unique, *twice])
    assert generated == [[call for call, _ in twice]]
    assert got[id(unique[0])] == (3, 17, 5, 9)
    assert got[id(unique[1])] == (3, 8, 3, 8)


def test_repeated_calls_are_found_within_their_function(monkeypatch: pytest.MonkeyPatch) -> None:
    """A call whose code occurs in two functions is found within its own function, whose code
    occurs once: no generation of the module, and the numbers of the module's generation. A
    function whose code occurs twice gives up to the module's generation."""
    source = ("class A:\n    def f(self):\n        self.close()\n\n"
              "    def g(self):\n        x = 1\n        self.close()\n\n"
              "def h():\n    spawn(b)\n\ndef h():\n    spawn(b)\n")
    module, collect = _collected(source)
    expected = _expected(module, collect)
    generated = _generations_of_the_module(monkeypatch)
    got = spawn_positions(module, source, collect.pairs, collect.anchors)
    assert got == expected
    assert got[id(collect.pairs[1][0])] == (7, 8, 7, 20)
    assert generated == [[call for call, _ in collect.pairs[2:]]]


def _unique_by_pattern(parts: list[str], text: str) -> tuple[int, str] | None:
    """What `code_search.unique_code` replaced: one regular expression per code, with the
    indentation a group."""
    import re

    pattern = re.escape(parts[0])
    if len(parts) > 1:
        pattern += "(?P<indent>[ \t\f]*)" + "(?P=indent)".join(re.escape(p) for p in parts[1:])
    regex = re.compile(pattern)
    match = regex.search(text)
    if match is None or regex.search(text, match.start() + 1) is not None:
        return None
    return match.start(), match.group("indent") if len(parts) > 1 else ""


@st.composite
def _code_in_text(draw: st.DrawFn) -> tuple[list[str], str]:
    """Code as parts, and a text holding it once, twice or not at all, at any indentation,
    among pieces of the same letters and near misses (one character changed)."""
    letters = draw(st.sampled_from(["ab \t\n", "abcdefg \n", " \t\na"]))
    piece = st.text(alphabet=letters, max_size=draw(st.sampled_from([3, 6, 10])))
    parts = draw(st.lists(piece, min_size=1, max_size=5).filter(lambda p: "".join(p) != ""))
    indents = st.sampled_from(["", "  ", "    ", "\t", " \t"])
    segments = draw(st.lists(piece, max_size=4))
    for _ in range(draw(st.integers(0, 2))):
        segments.insert(draw(st.integers(0, len(segments))), draw(indents).join(parts))
    if draw(st.booleans()):
        near = list(draw(indents).join(parts))
        near[draw(st.integers(0, len(near) - 1))] = draw(st.sampled_from(letters))
        segments.insert(draw(st.integers(0, len(segments))), "".join(near))
    return parts, "".join(segments)


@settings(max_examples=500, deadline=None)
@given(_code_in_text())
def test_unique_code_finds_what_the_pattern_found(case: tuple[list[str], str]) -> None:
    """The search that compiles no regular expression where it can (code_search.unique_code)
    places code exactly as the one pattern it replaced: the same start and indentation, or
    None for both (code that occurs nowhere or at more than one place)."""
    from taskleak.analysis.tree.code_search import unique_code

    parts, text = case
    got = unique_code(parts, text)
    assert (None if got is None else (got.start, got.indent)) == _unique_by_pattern(parts, text)


def test_each_call_or_function_is_placed_by_one_generation(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """One generation per call found by search (its statement, up to the call) and one per
    function a repeated call is found within: not three per call and two per function."""
    import taskleak.analysis.tree.positions as positions_module
    from taskleak.analysis.tree.codegen_marks import MarkState, PositionState

    made: list[str] = []

    class CountedMarks(MarkState):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append("marks")

    class CountedPositions(PositionState):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append("positions")

    monkeypatch.setattr(positions_module, "MarkState", CountedMarks)
    monkeypatch.setattr(positions_module, "PositionState", CountedPositions)
    source = ("class A:\n    def f(self):\n        self.close()\n        spawn(a)\n\n"
              "    def g(self):\n        x = 1\n        self.close()\n        spawn(\n"
              "            b,\n        )\n")
    module, collect = _collected(source)
    expected = _expected(module, collect)
    made.clear()
    assert spawn_positions(module, source, collect.pairs, collect.anchors) == expected
    # two unique calls (one generation each), two repeated ones (one search each, which
    # generates, then their two functions, one generation each)
    assert made == ["marks"] * 6


def test_repeated_calls_are_found_within_the_statement_around_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A call whose code occurs twice is found within the compound statement around it when
    that occurs once (a few lines generated, not its function); an `elif` is not taken alone
    (written alone it would read `if`), and a statement at module level is found within the
    `if` around it rather than by generating the module."""
    import taskleak.analysis.tree.positions as positions_module

    source = ("class A:\n    def f(self):\n        x = 1\n        if self.a:\n"
              "            self.close()\n        elif self.b:\n            self.close()\n\n"
              "    def g(self):\n        try:\n            self.close()\n"
              "        except OSError:\n            pass\n\n"
              "if __name__ == '__main__':\n    main()\nmain()\n")
    module, collect = _collected(source)
    blocks: list[str] = []
    in_block = positions_module._in_block

    def recording(module: cst.Module, lines: Any, block: cst.CSTNode, pairs: Any) -> Any:
        blocks.append(type(block).__name__)
        return in_block(module, lines, block, pairs)

    monkeypatch.setattr(positions_module, "_in_block", recording)
    generated = _generations_of_the_module(monkeypatch)
    got = spawn_positions(module, source, collect.pairs, collect.anchors, collect.paths)
    assert got == _expected(module, collect)
    # the two calls under the `if`/`elif` in one generation of the outer `if` (unique), the
    # `try` one within its `try`, `main()` under `if __name__` within that `if`
    assert blocks == ["If", "Try", "If"]
    assert generated == [[collect.pairs[-1][0]]]  # the bare `main()`: nothing around it
