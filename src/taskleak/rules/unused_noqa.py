"""TL900 unused-noqa: a `# noqa` comment that suppresses nothing (ruff's RUF100, for taskleak).

This rule judges no spawn, so it claims no fate and has no `describe`: `taskleak.suppress` finds
the directives that suppressed nothing while it applies them, and reports each one as a finding
of this rule, in the words of `message` below. It is opt-in, like RUF100: a bare `# noqa` on a
spawn line may be there for another linter, which taskleak cannot see.
"""

from __future__ import annotations

from collections.abc import Sequence

from taskleak.model import FixKind, Risk
from taskleak.rules.base import Category, Rule


def message(unused: Sequence[str], unknown: Sequence[str]) -> str:
    """The finding's message: which codes of the directive did nothing (none: a bare noqa)."""
    parts = []
    if unused:
        parts.append("unused: " + ", ".join(unused))
    if unknown:
        parts.append("unknown: " + ", ".join(unknown))
    detail = f" ({'; '.join(parts)})" if parts else ""
    return f"Unused `noqa` directive{detail}"


RULE = Rule(
    code="TL900",
    name="unused-noqa",
    risk=Risk.MEDIUM,
    category=Category.SUPPRESSION,
    default_enabled=False,
    summary="A `# noqa` comment suppresses no taskleak finding.",
    what_it_does="""\
Checks for `# noqa` directives that no longer suppress anything taskleak reports:

- a directive naming a taskleak rule that did not fire on its line (`# noqa: TL101` on a line
  whose spawn is now awaited);
- a directive naming a taskleak code that is no rule (`# noqa: TL109`);
- a bare `# noqa` on a spawn line that hid nothing but an informational row.

Codes of other tools (`# noqa: E501`, `# noqa: RUF006`) are theirs to check and never reported.
Directives for rules that are not selected are not reported either.

This rule is opt-in, like ruff's RUF100: select it with `--extend-select unused-noqa` (or
`--show-unused-noqa`, or `extend-select = ["unused-noqa"]` in the configuration).""",
    why_bad="""\
A stale suppression hides the next leak written on its line: the spawn it once excused is gone,
but a new one there would be silenced without anybody deciding so. Reporting it as a finding
(rather than a warning on the side) puts it in every report format, so a CI job that fails on it
says why in its annotations.""",
    example='''\
import asyncio


async def handle(message: str) -> None:
    # this was asyncio.create_task(send(message)); it is awaited now
    await send(message)  # noqa: TL101


async def send(message: str) -> None:
    await asyncio.sleep(0)
''',
    fix_example='''\
import asyncio


async def handle(message: str) -> None:
    # this was asyncio.create_task(send(message)); it is awaited now
    await send(message)


async def send(message: str) -> None:
    await asyncio.sleep(0)
''',
    fix_kinds=(FixKind.REMOVE_NOQA,),
    fix_notes="""\
As ruff's RUF100 fix: the unused and unknown codes go and the others stay
(`# noqa: TL101, E501` becomes `# noqa: E501`); when none is left, the directive goes, with any
reason written after it (a comment that follows it stays), and a line left empty is deleted.
`taskleak fix --extend-select unused-noqa` applies it.""",
    references=(
        ("ruff RUF100 unused-noqa", "https://docs.astral.sh/ruff/rules/unused-noqa/"),
    ),
    invalid=('''\
import asyncio


async def main() -> None:
    await asyncio.create_task(work())  # noqa: TL101
''', '''\
import asyncio


async def main() -> None:
    task = asyncio.create_task(work())  # noqa
    await task
''', '''\
def helper() -> None:
    pass  # noqa: TL109
'''),
    valid=('''\
import asyncio


async def main() -> None:
    asyncio.create_task(work())  # noqa: TL101
''', '''\
import os  # noqa: F401


def helper() -> None:
    pass  # noqa: E501
'''),
)
