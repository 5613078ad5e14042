"""Attributes that hold a spawn function (`analysis/names/spawner_attributes.py`): which ones
a class's stores make, and what a call of one on `self` resolves to."""

from __future__ import annotations

import textwrap

import libcst as cst

from taskleak.analysis.names.resolve import Resolver, SymKind
from taskleak.analysis.names.spawner_attributes import (
    attribute_called,
    held_function,
    spawner_attributes,
)
from taskleak.analysis.tree.scan import scan
from taskleak.analysis.tree.scopes import Scope

CODE = textwrap.dedent("""
    import asyncio

    class Relay:
        def __init__(self, loop, tracked):
            self._spawn = asyncio.create_task
            self._make = loop.create_task
            self._maybe = asyncio.ensure_future
            if tracked:
                self._maybe = keep
            self._many = self._other = asyncio.create_task
            self._pair = (asyncio.create_task, None)
            self._called = asyncio.create_task(work())

        async def go(self, other):
            self._spawn(work())
            self._maybe(work())
            other._spawn(work())
            self.create_task(work())

    class Follower(Relay):
        async def leave(self):
            self._spawn(work())
    """)


def calls(root: Scope) -> dict[str, tuple[cst.Call, Scope]]:
    """Each call in a method, by its code, with the method's scope."""
    out: dict[str, tuple[cst.Call, Scope]] = {}
    for scope in root.walk():
        for o in scope.occurrences:
            call = o.dest.call
            if isinstance(call, cst.Call):
                out[cst.Module([]).code_for_node(call)] = (call, scope)
    return out


def test_an_attribute_that_holds_only_a_spawn_function_is_one() -> None:
    root = scan(cst.parse_module(CODE))
    # near misses: one also given another value, a tuple, a call's result
    assert spawner_attributes(root) == {"_spawn", "_make", "_many", "_other"}


def test_a_call_on_self_is_what_the_attribute_holds_in_the_class_or_a_base_here() -> None:
    root = scan(cst.parse_module(CODE))
    resolver = Resolver(root)
    methods = {s.name: s for s in root.walk() if s.name in ("go", "leave")}

    def held(method: str, code: str) -> str | None:
        func = cst.parse_expression(code)
        sym = held_function(func, methods[method], resolver)
        return None if sym is None else sym.name if sym.kind is SymKind.QUALIFIED else "?"

    assert held("go", "self._spawn") == "asyncio.create_task"
    assert held("leave", "self._spawn") == "asyncio.create_task"  # its base's `__init__`
    assert held("go", "self._maybe") == "?"  # which function it holds is not known
    assert held("go", "other._spawn") is None  # not `self`: the resolver reads it
    assert held("go", "self.create_task") is None  # a spawn's own name: read as any other
    assert held("go", "self._unset") is None


def test_a_module_is_read_again_only_when_an_attribute_is_called() -> None:
    assert attribute_called("self._spawn(work())", frozenset({"_spawn"}))
    assert not attribute_called("self._spawn = asyncio.create_task", frozenset({"_spawn"}))
    assert attribute_called(None, frozenset({"_spawn"}))
