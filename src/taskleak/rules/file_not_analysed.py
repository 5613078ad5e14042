"""TL800 file-not-analysed: a file taskleak could not read, decode or parse (ruff's E902 and
syntax errors, for taskleak).

This rule judges no spawn, so it claims no fate and has no `describe`: the run records each file
it could not analyse (`Skipped`), and `taskleak.project.unanalysed` reports each one as a
finding of this rule, in the words of `message` below. An error of taskleak's own (a bug, exit
2) is not a finding of it.
"""

from __future__ import annotations

from taskleak.model import Risk
from taskleak.rules.base import Category, Rule


def message(reason: str) -> str:
    """The finding's message: why the file could not be analysed."""
    return f"file not analysed: {reason}"


# Why it matters, printed once per run by the human formats (a finding's `because`).
BECAUSE = "taskleak judged no spawn in such a file, so a leak in it would pass the gate unseen"

RULE = Rule(
    code="TL800",
    name="file-not-analysed",
    risk=Risk.HIGH,
    category=Category.UNANALYSED,
    summary="A file could not be read, decoded or parsed, so none of its spawns was judged.",
    what_it_does="""\
Reports each file taskleak could not analyse, at the place it stopped: a syntax error (line and
column, with Python's message), bytes that do not decode in the file's encoding (PEP 263
cookie, BOM or UTF-8), a binary file (NUL bytes), a file that cannot be read (a dangling
symlink, no permission), a folder that cannot be listed. Like ruff, which reports such files as
errors (E902, syntax errors) and exits 1, taskleak fails the run on them: high risk, so every
`fail-on` but `none` fails the gate. Every output format carries them (SARIF results, GitHub
`::error` annotations, JUnit failures, GitLab issues, JSON rows); the `skipped` list and the
summary's count still name the file.

taskleak parses only the files that may spawn a task (the prefilter looks for the names of
spawn calls first): a syntax error in a module that names no spawn is left to your compiler
and linters.""",
    why_bad="""\
A file taskleak cannot analyse is a file whose tasks nobody checked: with only a line on the
side, a syntax error or a stray binary in a commit let the gate pass while the leaks in that
file went unseen. Reporting it as a finding makes the gate say so.

To keep the old behaviour (the file listed as skipped, the run not failed), ignore the rule:
`--ignore file-not-analysed`, `ignore = ["TL800"]` in `[tool.taskleak]`, or per file with
`per-file-ignores` (a folder of deliberately broken samples). A `# noqa` comment cannot reach
a file that is not analysed; a baseline never records these findings.""",
    example='''\
import asyncio


async def start(loop: asyncio.AbstractEventLoop) -> None:
    loop.create_task(work(
''',
    fix_example='''\
import asyncio


async def start(loop: asyncio.AbstractEventLoop) -> None:
    await loop.create_task(work())
''',
    fix_notes="Nothing to fix automatically: repair the file (or exclude it, or ignore the rule).",
    invalid=('''\
import asyncio

async def main(:
    asyncio.create_task(main())
''', '''\
import asyncio
\x00
asyncio.create_task(work())
'''),
    valid=('''\
import asyncio


async def main() -> None:
    await asyncio.create_task(main())
''', '''\
def broken_but_spawn_free() -> None:
    return (
'''),
)
