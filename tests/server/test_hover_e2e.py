"""Hover over `# noqa` codes, end to end."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LEAKY
from lsp_client import open_document, running
from lsprotocol import types

from taskleak.rules import rule_for

pytestmark = pytest.mark.asyncio

DISCARDED = rule_for("task-discarded")
NEVER_CLEANED = rule_for("task-never-cleaned")
assert DISCARDED and NEVER_CLEANED


async def hover_at(workspace: Path, text: str, line: int, character: int) -> types.Hover | None:
    async with running(workspace) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py", text)
        return await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character)))


async def test_hover_on_a_noqa_code_shows_its_rule(workspace: Path) -> None:
    codes = f"{DISCARDED.code}, {NEVER_CLEANED.code}"
    text = LEAKY.replace("create_task(work())", f"create_task(work())  # noqa: {codes}")
    line = text.splitlines()[8]
    hover = await hover_at(workspace, text, 8, line.index(NEVER_CLEANED.code) + 2)
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert NEVER_CLEANED.summary in hover.contents.value
    assert NEVER_CLEANED.help_uri in hover.contents.value
    assert DISCARDED.summary not in hover.contents.value  # only the code under the cursor
    assert hover.range is not None
    assert hover.range.start.character == line.index(NEVER_CLEANED.code)


async def test_hover_on_noqa_itself_shows_every_code(workspace: Path) -> None:
    text = LEAKY.replace("create_task(work())", f"create_task(work())  # noqa: {DISCARDED.code}")
    line = text.splitlines()[8]
    hover = await hover_at(workspace, text, 8, line.index("noqa"))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert DISCARDED.summary in hover.contents.value


async def test_no_hover_away_from_a_noqa_comment(workspace: Path) -> None:
    assert await hover_at(workspace, LEAKY, 8, 8) is None
