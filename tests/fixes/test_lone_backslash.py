"""A line holding only a backslash before a statement (issue 15, item 9): libcst's tree leaves it
out, so its line numbers are one short below it and a rewrite would delete it. `check` numbers
lines as Python does, and offers no fix there; `fix` agrees (same lines, same reason). So for
the other text libcst does not write back (a form feed before a statement, a lone CR ending the
file), while the comment lines `fixes.splice` puts back do not stop a fix."""

from __future__ import annotations

import libcst as cst
import pytest
from helpers import analyze_source

from taskleak.advice.offers import DROPS_LINES
from taskleak.analysis.tree.positions import lost_lines, positions
from taskleak.fixer.apply import fix_source

VARIANTS = {
    "module": "import asyncio\n\\\nasyncio.create_task(work())\n",
    "first-line": "\\\nimport asyncio\n\nasync def main():\n    asyncio.create_task(work())\n",
    "class": "import asyncio\n\\\nclass C:\n    async def run(self):\n"
             "        asyncio.create_task(work())\n",
    "indented": "import asyncio\nasync def main():\n    x = 1\n    \\\n"
                "    asyncio.create_task(work())\n",
    "crlf": "import asyncio\r\n\\\r\nasyncio.create_task(work())\r\n",
    "lone-cr": "import asyncio\r\rasync def main():\r    asyncio.create_task(work())\r",
}


def _python_line(source: str, code: str) -> int:
    """The 1-based line where `code` starts, counted as Python counts lines."""
    before = source[:source.index(code)]
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_check_numbers_python_lines_and_fix_agrees_it_cannot_fix(name: str) -> None:
    source = VARIANTS[name]
    assert cst.parse_module(source).code != source  # the premise: libcst drops the line
    [finding] = [f for f in analyze_source(source) if f.rule == "TL101"]
    assert finding.line == _python_line(source, "asyncio.create_task(work())")
    assert finding.fix is None and finding.no_fix_reason == DROPS_LINES
    result = fix_source(source.encode())
    assert not result.changed and result.applied == []
    assert [(n.line, n.column, n.reason) for n in result.not_fixed] == [
        (finding.line, finding.column, DROPS_LINES)]
    targeted = fix_source(source.encode(), targets={(finding.line, finding.column, "TL101")})
    assert [n.line for n in targeted.not_fixed] == [finding.line]  # the target is found


def test_a_form_feed_libcst_drops_is_put_back_so_check_offers_the_fix_fix_applies() -> None:
    source = ("import asyncio\n\x0cclass C:\n    async def run(self):\n"
              "        asyncio.create_task(work())\n")
    assert cst.parse_module(source).code != source  # libcst drops the form feed
    [finding] = [f for f in analyze_source(source) if f.rule == "TL101"]
    assert finding.line == _python_line(source, "asyncio.create_task(work())")
    assert finding.fix is not None
    result = fix_source(source.encode())
    assert result.applied and b"\n\x0cclass C:\n" in result.fixed  # the page break kept
    compile(result.fixed, "<fixed>", "exec")


def test_fix_finds_the_spawn_at_checks_column_after_a_form_feed() -> None:
    # check counts the form feed as a column (its text search); fix once placed the spawn by
    # libcst's code, which lacks it, so the target (line, column) was never found
    source = "import asyncio\n\x0casyncio.create_task(\n    work(),\n)\n"
    [finding] = [f for f in analyze_source(source) if f.rule == "TL101"]
    assert (finding.line, finding.column) == (2, 2)
    result = fix_source(source.encode(), targets={(finding.line, finding.column, "TL101")})
    assert [(a.line, a.column) for a in result.applied] == [(2, 2)]
    assert not [f for f in analyze_source(result.fixed.decode()) if f.rule == "TL101"]


def test_repeated_calls_are_numbered_by_the_texts_lines() -> None:
    # the same call twice cannot be found by text search: libcst's code generation numbers it,
    # corrected for the line it leaves out, so the directive is looked for on its own line
    source = ("import asyncio\n\\\nasync def main():\n    asyncio.create_task(a())\n"
              "    asyncio.create_task(a())  # noqa: TL101\n")
    assert [(f.rule, f.line) for f in analyze_source(source)] == [("TL101", 4)]


def test_positions_are_the_texts_only_where_libcst_drops_lines() -> None:
    source = "x = 1\n\\\ny = f()\n"
    module = cst.parse_module(source)
    line = cst.ensure_type(module.body[1], cst.SimpleStatementLine)
    call = cst.ensure_type(line.body[0], cst.Assign).value
    assert positions(module, [call])[id(call)][0] == 2  # libcst's own count
    assert positions(module, [call], text=source)[id(call)] == (3, 4, 3, 7)
    moved = lost_lines(module, source)
    assert moved is not None and (moved(1), moved(2)) == (1, 3)
    kept = "x = (1,\n\\\n2)\ny = f()\n"  # inside brackets libcst keeps the line
    assert cst.parse_module(kept).code == kept
    assert lost_lines(cst.parse_module(kept), kept) is None
    assert lost_lines(module, None) is None


def test_a_backslash_libcst_keeps_does_not_stop_the_fix() -> None:
    source = "import asyncio\n\\\n\nasync def main():\n    asyncio.create_task(work())\n"
    assert cst.parse_module(source).code == source
    [finding] = [f for f in analyze_source(source) if f.rule == "TL101"]
    assert finding.fix is not None
    result = fix_source(source.encode())
    assert [a.line for a in result.applied] == [finding.line]
    assert b"\n\\\n" in result.fixed


def test_comment_lines_put_back_do_not_stop_the_fix() -> None:
    source = ("import asyncio\nasync def f():\n    asyncio.create_task(a())\n"
              "\t# keep me\n # end\n")
    assert cst.parse_module(source).code != source  # libcst drops `# keep me`
    [finding] = [f for f in analyze_source(source) if f.rule == "TL101"]
    assert finding.fix is not None and finding.fix.safe
    result = fix_source(source.encode())
    assert [a.line for a in result.applied] == [finding.line]
    assert b"\t# keep me\n # end\n" in result.fixed
