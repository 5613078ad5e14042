"""Static and class methods called through their class run as functions do
(`scopes.defined_function`, `FunctionFacts.through_class`): by their decorators, never by the
class's or the method's name."""

from __future__ import annotations

import textwrap

import libcst as cst

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.tree.scopes import ScopeKind, defined_function

_CODE = """
    import asyncio

    class Jobs:
        @staticmethod
        def spawn(coro):
            return asyncio.create_task(coro)

        @classmethod
        def spawn_later(cls, coro):
            return cls.spawn(coro)

        def spawn_bound(self, coro):
            return asyncio.create_task(coro)

    async def main():
        Jobs.spawn(work())
        Jobs.spawn_later(work())
        Jobs.spawn_bound(Jobs(), work())
"""


def test_a_helper_facts_say_whether_its_class_calls_it() -> None:
    functions = analyse_source(textwrap.dedent(_CODE)).facts().exports.functions
    through = {f.qualname: f.through_class for f in functions}
    assert through == {"Jobs.spawn": True, "Jobs.spawn_later": True, "Jobs.spawn_bound": False}


def test_a_call_through_the_class_runs_a_static_or_class_method_only() -> None:
    analysis = analyse_source(textwrap.dedent(_CODE))
    main = next(s for s in analysis.root.walk()
                if s.kind is ScopeKind.FUNCTION and s.name == "main")
    found: dict[str, str | None] = {}
    for name in ("spawn", "spawn_later", "spawn_bound"):
        call = cst.parse_expression(f"Jobs.{name}(work())")
        assert isinstance(call, cst.Call)
        target = defined_function(call.func, main)
        found[name] = target.qualname if target is not None else None
    # a plain method called through its class takes its object first: not a function's call
    assert found == {"spawn": "Jobs.spawn", "spawn_later": "Jobs.spawn_later",
                     "spawn_bound": None}
