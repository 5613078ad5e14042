"""Issue 15's cliff in `taskleak fix`: n spawns in one module are fixed with work linear in n.
Operation counts for n and 2n, never timings (`bench/cliffs.py` times them)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from taskleak.fixer import apply as apply_module
from taskleak.fixer.apply import fix_source
from taskleak.fixes.context import FixContext
from taskleak.fixes.edits import Conflict, Edits


def _module(n: int) -> bytes:
    """n spawns: dropped, kept in a local only, stored on self in a class."""
    parts = ["import asyncio\n\n\nasync def work(i):\n    return i\n\n\n"]
    for i in range(n):
        if i % 3 == 0:
            parts.append(f"async def drop_{i}():\n    asyncio.create_task(work({i}))\n\n\n")
        elif i % 3 == 1:
            parts.append(f"async def local_{i}():\n    t = asyncio.create_task(work({i}))\n"
                         "    print(t)\n\n\n")
        else:
            parts.append(f"class Holder{i}:\n    async def start(self):\n"
                         f"        self._task = asyncio.create_task(work({i}))\n\n\n")
    return "".join(parts).encode()


def _edit_entries(n: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Entries of every `Edits` made (a copy of all the edits so far counts them all) and
    entries added to them, while fixing a module of n spawns."""
    count = [0]
    init = Edits.__init__

    def counted(self: Edits, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (dict, set)):
                count[0] += len(value)

    monkeypatch.setattr(Edits, "__init__", counted)
    result = fix_source(_module(n))
    monkeypatch.undo()
    assert result.fixed != result.original and not result.error
    edits = Edits.__dataclass_fields__
    assert "small" in edits and "calls" in edits  # the fields counted
    return count[0] + len(result.applied)


def test_fixing_many_spawns_in_one_module_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    # each plan was built into a copy of every edit so far (n² entries copied)
    small = _edit_entries(60, monkeypatch)
    large = _edit_entries(120, monkeypatch)
    assert large < 2.5 * small, (small, large)


def test_a_plan_that_cannot_be_built_leaves_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    """The edits are built in place; a plan that conflicts is undone by building the others
    again: the result is the same as without it."""
    data = _module(6)
    plain = fix_source(data)
    calls = [0]
    built = apply_module._built

    def counted(ctx: FixContext, plans: list[Any]) -> Edits:
        calls[0] += 1
        return built(ctx, plans)

    monkeypatch.setattr(apply_module, "_built", counted)
    first = plain.applied[0]
    attempt = apply_module._attempt

    def in_the_way(build: Any) -> Any:
        def conflict(edits: Edits) -> None:
            build(edits)  # half built, then refused
            raise Conflict("in the way")
        return conflict

    def failing_first(module: Any, ctx: FixContext, plans: list[Any], *rest: Any) -> Any:
        plans = [dataclasses.replace(p, offer=dataclasses.replace(
                     p.offer, build=in_the_way(p.offer.build)))
                 if (p.line, p.column) == (first.line, first.column) else p for p in plans]
        return attempt(module, ctx, plans, *rest)

    monkeypatch.setattr(apply_module, "_attempt", failing_first)
    without = fix_source(data)
    assert calls[0] >= 1
    assert [(a.line, a.column) for a in without.applied] == [
        (a.line, a.column) for a in plain.applied if a is not first]
    assert any("in the way" in n.reason for n in without.not_fixed)
