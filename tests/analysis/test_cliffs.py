"""Issue 15's cliffs stay flat: no analysis stage is quadratic in the spawns or in the size of an
expression in one file. Operation counts for n and 2n, never timings (`bench/cliffs.py` times
them); and the memoised stack facts (`analysis/tree/stack.py`) equal the plain climb they replace.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, SupportsIndex

import libcst as cst
import pytest
from helpers import FIXTURES, TESTS, parses

import taskleak.analysis.tree.scan as scan_module
from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.obligations.holders import Holder
from taskleak.analysis.obligations.ownership import Ownership
from taskleak.analysis.tree import positions
from taskleak.analysis.tree.nodes import LOOP_TYPES
from taskleak.analysis.tree.scan import Scanner, scan
from taskleak.analysis.tree.scopes import Scope

HEADER = "import asyncio\n\n_tasks = set()\n\n\nasync def work(i):\n    return i\n\n\n"


def spawns_module(n: int) -> str:
    """n spawns (dropped, kept in a set, stored on self), and n more in one function."""
    parts = [HEADER]
    for i in range(n):
        if i % 3 == 0:
            parts.append(f"async def drop_{i}():\n    asyncio.create_task(work({i}))\n\n\n")
        elif i % 3 == 1:
            parts.append(f"async def keep_{i}():\n    t = asyncio.create_task(work({i}))\n"
                         "    _tasks.add(t)\n    t.add_done_callback(_tasks.discard)\n\n\n")
        else:
            parts.append(f"class Holder{i}:\n    async def start(self):\n"
                         f"        self._task = asyncio.create_task(work({i}))\n\n\n")
    parts.append("async def many():\n")
    parts += [f"    t = asyncio.create_task(work({i}))\n    _tasks.add(t)\n" for i in range(n)]
    return "".join(parts)


def expression_module(n: int) -> str:
    """One n-term sum at module level and the same sum as a spawn's argument."""
    terms = " + ".join(f"a{i}" for i in range(n))
    return (f"{HEADER}x = {terms}\n\n\nasync def main():\n"
            f"    asyncio.create_task(work({terms}))\n")


class _CountingStack(list[cst.CSTNode]):
    """The walk's stack, counting every read of a position."""

    reads = 0

    def __getitem__(self, index: Any) -> Any:
        _CountingStack.reads += 1
        return super().__getitem__(index)


class _CountingScanner(Scanner):
    def __init__(self, extra_names: frozenset[str] = frozenset()) -> None:
        super().__init__(extra_names)
        self.stack = _CountingStack()


def _stack_reads(source: str, monkeypatch: pytest.MonkeyPatch) -> int:
    module = cst.parse_module(source)
    monkeypatch.setattr(scan_module, "Scanner", _CountingScanner)
    _CountingStack.reads = 0
    scan(module)
    return _CountingStack.reads


def test_the_scan_of_a_long_expression_reads_the_stack_linearly(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # each name of the sum sits one level deeper: climbing the stack for every name (the
    # loops around it) read it n²/2 times
    small = _stack_reads(expression_module(300), monkeypatch)
    large = _stack_reads(expression_module(600), monkeypatch)
    assert large < 2.5 * small, (small, large)


def _analysis_steps(source: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """Reads of the holders' effects and scopes walked, while one module is analysed."""
    count = [0]
    effect = Ownership._effect
    descendants = Scope.descendants

    def counted_effect(self: Ownership, *args: Any) -> None:
        count[0] += 1
        effect(self, *args)

    def counted_descendants(self: Scope) -> Iterator[Scope]:
        for scope in descendants(self):
            count[0] += 1
            yield scope

    monkeypatch.setattr(Ownership, "_effect", counted_effect)
    monkeypatch.setattr(Scope, "descendants", counted_descendants)
    analysis = analyse_source(source)
    assert len(analysis.spawns) > 0
    analysis.facts()
    monkeypatch.undo()
    return count[0]


def test_the_analysis_of_many_spawns_in_one_file_is_linear(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # every spawn asked for its holder's effects: a walk of every scope, a read of every
    # occurrence of a set shared by n spawns (n² in all)
    small = _analysis_steps(spawns_module(150), monkeypatch)
    large = _analysis_steps(spawns_module(300), monkeypatch)
    assert large < 2.5 * small, (small, large)


# -- the memoised stack facts equal the climb they replace ----------------------------------
def _plain_loops(scanner: Scanner, i: int) -> tuple[int, ...]:
    """`StackWalker._loops` before the memo: climb from stack[i] to the scope's node."""
    stack = scanner.stack
    out: list[int] = []
    child = stack[i]
    for j in range(i - 1, -1, -1):
        node = stack[j]
        kind = type(node)
        if kind not in LOOP_TYPES:
            if id(node) in scanner._scope_nodes:
                break
            child = node
            continue
        if id(node) in scanner._retry_loops:  # goes round only when an attempt fails
            pass
        elif kind is cst.For:
            if node.iter is not child:  # type: ignore[attr-defined]
                out.append(id(node))
        elif kind is cst.While:
            out.append(id(node))
        else:
            outer: cst.CompFor = node.for_in  # type: ignore[attr-defined]
            once = child is outer and j + 2 <= i and stack[j + 2] is outer.iter
            if not once:
                out.append(id(node))
        child = node
    return tuple(out)


def _plain_statement(scanner: Scanner, i: int) -> cst.CSTNode:
    for j in range(i - 1, -1, -1):
        node = scanner.stack[j]
        if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            return node
    return scanner.stack[0]


class _Comparing(Scanner):
    compared = 0

    def _loops(self, i: SupportsIndex) -> tuple[int, ...]:
        got = super()._loops(int(i))
        assert got == _plain_loops(self, int(i))
        _Comparing.compared += 1
        return got

    def _statement(self, i: SupportsIndex) -> cst.CSTNode:
        got = super()._statement(int(i))
        assert got is _plain_statement(self, int(i))
        return got


def _sources() -> list[Path]:
    found = [*(TESTS / "rules").rglob("*.py"), *(TESTS / "analysis").rglob("*.py"),
             *FIXTURES.rglob("*.py")]
    return sorted(p for p in found if parses(p))


def test_the_memoised_stack_facts_equal_the_plain_climb(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scan_module, "Scanner", _Comparing)
    loops = ("import asyncio\n\nasync def f(xs):\n    while True:\n        for x in xs:\n"
             "            [asyncio.create_task(g(y)) for y in (h(z) for z in x) if y]\n"
             "            {k: asyncio.create_task(g(k)) for k in x for j in k}\n"
             "        for y in asyncio.create_task(g(1)), xs:\n            g(lambda: y)\n")
    scan(cst.parse_module(loops))
    parsed = 0
    for path in _sources():
        try:
            module = cst.parse_module(path.read_bytes())
        except cst.ParserSyntaxError:  # the traps hold files libcst refuses
            continue
        scan(module)
        parsed += 1
    assert parsed > 100
    assert _Comparing.compared > 1000


def test_the_memoised_effects_stay_as_computed() -> None:
    """Copies share the memo's lists: whatever classification does to a copy must leave the
    memo equal to a fresh computation."""
    checked = 0
    shared = ("import asyncio, weakref\n_tasks = set()\n_weak = weakref.WeakSet()\n\n"
              "async def a():\n    t = asyncio.create_task(work())\n    _tasks.add(t)\n"
              "    _weak.add(t)\n    await t\n\n"
              "async def b():\n    t = asyncio.create_task(work())\n    _tasks.add(t)\n"
              "    t.cancel()\n\n"
              "class C:\n    async def start(self):\n        old = self._t\n"
              "        old.cancel()\n        self._t = asyncio.create_task(work())\n")
    for path in [None, *_sources()]:
        try:
            text = shared if path is None else path.read_text(encoding="utf-8")
            analysis = analyse_source(text)
        except (cst.ParserSyntaxError, UnicodeDecodeError):
            continue
        ownership = analysis.classifier.ownership
        memo = dict(ownership._effects)
        ownership._effects.clear()
        ownership._foreign.clear()
        for (kind, key, name, _, comprehension, depth, returns), eff in memo.items():
            scope = next(s for s in analysis.root.walk() if id(s) == _)
            fresh = ownership._compute_effects(Holder(kind, key, name, scope, comprehension),
                                               depth, returns)
            assert fresh == eff, (path or shared, key)
            checked += 1
    assert checked > 100


def test_many_spawns_are_placed_by_one_code_generation(monkeypatch: pytest.MonkeyPatch) -> None:
    # each text search reads the whole text: one per spawn was quadratic
    searches = [0]
    by_search = positions._by_search

    def counted(*args: Any) -> Any:
        searches[0] += 1
        return by_search(*args)

    monkeypatch.setattr(positions, "_by_search", counted)
    analyse_source(spawns_module(2 * positions.MOST_SEARCHES)).facts()
    assert searches[0] == 0
    analyse_source(spawns_module(3)).facts()  # a few: by search
    assert 0 < searches[0] <= positions.MOST_SEARCHES


def self_replacing_attribute_module(n: int) -> str:
    """One attribute assigned in n methods, each from itself (`self._date =
    self._date.replace(...)`, tanjun's schedules.py), read by a spawn."""
    methods = "".join(f"    def step_{i}(self):\n"
                      f"        self._date = self._date.replace(day={i})\n\n"
                      for i in range(n))
    return (f"{HEADER}class Schedule:\n    def __init__(self, date):\n        self._date = date\n\n"
            f"{methods}    def start(self):\n        asyncio.ensure_future(self._date.loop())\n")


def test_an_attribute_assigned_from_itself_is_worked_out_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every value of the attribute reads the attribute again: each is worked out once, not
    once per way of reaching it (12 methods took 12! ways before; the run never ended)."""
    from taskleak.analysis.names.resolve import Resolver

    counts: list[int] = []
    original = Resolver._attribute
    for n in (6, 12):
        calls = 0

        def counting(self: Resolver, cls: Scope, attr: str) -> Any:
            nonlocal calls
            calls += 1
            return original(self, cls, attr)

        monkeypatch.setattr(Resolver, "_attribute", counting)
        analyse_source(self_replacing_attribute_module(n))
        counts.append(calls)
    assert counts[1] <= 2 * counts[0] + 4, counts


def self_replacing_local_module(n: int) -> str:
    """One local rebound n times from itself (`data = data.astype(...)`, gradio's
    processing_utils.py), and a call on it that a question resolves."""
    steps = "".join(f"    data = data.astype({i})\n" for i in range(n))
    return (f"{HEADER}async def convert(data):\n{steps}"
            "    task = asyncio.create_task(work(1))\n    data.append(task)\n")


def test_a_local_rebound_from_itself_is_worked_out_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every binding of the local reads the local again: the name is worked out once per
    question, not once per order of its bindings (13 took minutes before)."""
    from taskleak.analysis.names.resolve import Resolver
    from taskleak.analysis.tree.scopes import Binding

    counts: list[int] = []
    original = Resolver._binding
    for n in (4, 8):
        calls = 0

        def counting(self: Resolver, b: Binding) -> Any:
            nonlocal calls
            calls += 1
            return original(self, b)

        monkeypatch.setattr(Resolver, "_binding", counting)
        analysis = analyse_source(self_replacing_local_module(n))
        fn = next(s for s in analysis.root.walk() if s.name == "convert")
        call = next(o.dest.call for o in fn.occurrences if o.key == "task" and o.dest.call)
        assert isinstance(call.func, cst.Attribute)
        analysis.resolver.resolve(call.func.value, fn)
        counts.append(calls)
    assert counts[1] <= 2 * counts[0] + 8, counts


def test_the_analysis_never_asks_libcst_for_a_nodes_children(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """libcst's `node.children` rebuilds the node to list them: a `while` loop's flag check
    walking its body that way was 13% of mid's scan. The analysis walks with
    `walk.children` instead; every case program is analysed with the property refusing."""
    from helpers import case_files

    from taskleak.files.source import decode

    def refused(node: cst.CSTNode) -> list[cst.CSTNode]:
        raise AssertionError(f"libcst's children of a {type(node).__name__}")

    monkeypatch.setattr(cst.CSTNode, "children", property(refused))
    analysed = 0
    for path in case_files():
        if not parses(path):
            continue
        analyse_source(decode(path.read_bytes())[0]).facts()
        analysed += 1
    assert analysed > 250
