"""Guard for a speed trick (fixes/context.py `FixContext.call_line`): what shares a spawn's lines
is read off the module's text where the spawn was found by a text search, not off a code
generation of the module per spawn. Over every program the tests run taskleak on, a form feed,
one line holding three statements and a call whose code occurs twice, the lines it gives are
those the code generation gives; a text libcst writes back otherwise (a lone backslash line) is
never asked: no fix is offered there."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import TESTS, sample_files

from taskleak.analysis.analyse import analyse_source
from taskleak.analysis.tree.positions import positions
from taskleak.files.lines import source_lines
from taskleak.fixes.context import FixContext
from taskleak.fixes.wrapping import CallLine

PROGRAMS = sample_files()
ODD_TEXTS = [  # (text, how many spawns are asked)
    ("import asyncio\n\\\nasync def f():\n    asyncio.create_task(g())  # kept?\n", 0),
    ("import asyncio\n\x0c\nasync def f():\n    x = 1; asyncio.create_task(g()); y = 2\n", 1),
    ("import asyncio\nasync def f():\n    asyncio.create_task(g(\n        1))\n"
     "async def h():\n    asyncio.create_task(g(\n        1))\n", 2),  # the same call twice
]


def _generated(ctx: FixContext, node: object) -> CallLine:
    """The lines around `node` as a code generation of the module places them."""
    line, column, end_line, end_column = positions(ctx.module, [node])[id(node)]  # type: ignore[list-item]
    lines = source_lines(ctx.module.code)
    return CallLine(lines[line - 1][:column], lines[end_line - 1][end_column:])


def _check(text: str) -> int:
    """How many spawns' lines were compared (none where no fix is offered or made)."""
    ctx = FixContext(analyse_source(text))
    if ctx.rewrites_more:  # libcst would not write the text back: no fix, no call_line
        return 0
    for sp in ctx.analysis.spawns:
        assert ctx.call_line(sp.site.node) == _generated(ctx, sp.site.node), sp.shown
    return len(ctx.analysis.spawns)


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: str(p.relative_to(TESTS.parent)))
def test_the_searched_lines_are_the_generated_ones(path: Path) -> None:
    _check(path.read_text(encoding="utf-8", errors="replace"))


@pytest.mark.parametrize(("text", "asked"), ODD_TEXTS)
def test_odd_texts_too(text: str, asked: int) -> None:
    assert _check(text) == asked
