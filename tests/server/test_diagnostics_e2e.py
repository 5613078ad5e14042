"""Diagnostics end to end: a real client drives `taskleak server` over stdio."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsp_client import (
    capabilities,
    change_range,
    diagnostics_for,
    open_document,
    replace_text,
    running,
    wait_until,
)
from lsprotocol import types

from taskleak.rules import rule_for

pytestmark = pytest.mark.asyncio

DISCARDED = rule_for("task-discarded")
NEVER_CLEANED = rule_for("task-never-cleaned")
TRACKED = rule_for("task-tracked")
assert DISCARDED and NEVER_CLEANED and TRACKED

NEVER_CANCELLED = '''\
import asyncio


class Sweeper:
    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._sweep())

    async def _sweep(self) -> None:
        while True:
            await asyncio.sleep(60)

    async def close(self) -> None:
        print("closing")
'''

KEPT_AND_AWAITED = '''\
import asyncio


async def work() -> None:
    await asyncio.sleep(0)


async def main() -> None:
    task = asyncio.create_task(work())
    await task
'''


async def test_an_open_leaking_file_gets_the_rule_as_an_error(workspace: Path) -> None:
    async with running(workspace) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        [diagnostic] = await diagnostics_for(client, uri, 1)
    assert diagnostic.code == DISCARDED.code
    assert diagnostic.source == "taskleak"
    assert diagnostic.severity == types.DiagnosticSeverity.Error  # high, fails the gate
    assert diagnostic.code_description is not None
    assert diagnostic.code_description.href == DISCARDED.help_uri
    assert "work() is discarded" in diagnostic.message
    assert diagnostic.range == types.Range(start=types.Position(line=8, character=4),
                                           end=types.Position(line=8, character=31))


async def test_a_change_is_checked_from_the_buffer_not_the_disk(workspace: Path) -> None:
    path = workspace / "pkg" / "leaky.py"
    async with running(workspace) as client:
        uri = open_document(client, path)
        assert await diagnostics_for(client, uri, 1)
        replace_text(client, uri, KEPT_AND_AWAITED, 2)  # unsaved: the disk still leaks
        [low] = await diagnostics_for(client, uri, 2)
    assert low.code == TRACKED.code
    assert low.severity == types.DiagnosticSeverity.Hint  # low rows are hints by default


async def test_related_information_is_the_path_then_the_owners_close_method(
        workspace: Path) -> None:
    path = workspace / "pkg" / "sweeper.py"
    path.write_text(NEVER_CANCELLED, encoding="utf-8")
    async with running(workspace) as client:
        uri = open_document(client, path)
        [diagnostic] = await diagnostics_for(client, uri, 1)
    assert diagnostic.code == NEVER_CLEANED.code
    assert diagnostic.severity == types.DiagnosticSeverity.Warning  # medium, fails the gate
    assert diagnostic.related_information, diagnostic
    [store, close] = diagnostic.related_information
    assert store.location.uri == uri and store.message == "stored in self._task"
    assert store.location.range == types.Range(start=types.Position(line=8, character=8),
                                               end=types.Position(line=8, character=55))
    assert close.location.uri == uri
    assert close.location.range.start == types.Position(line=14, character=14)  # `def close`
    assert "close()" in close.message


async def test_editor_settings_set_fail_on_and_hide_low_rows(workspace: Path) -> None:
    path = workspace / "pkg" / "sweeper.py"
    path.write_text(NEVER_CANCELLED, encoding="utf-8")
    (workspace / "pkg" / "kept.py").write_text(KEPT_AND_AWAITED, encoding="utf-8")
    settings = {"settings": {"failOn": "high", "lowSeverity": "off"}}
    async with running(workspace, init_options=settings) as client:
        uri = open_document(client, path)
        [medium] = await diagnostics_for(client, uri, 1)
        kept = open_document(client, workspace / "pkg" / "kept.py")
        assert await diagnostics_for(client, kept, 1) == []
    assert medium.severity == types.DiagnosticSeverity.Information  # below fail-on


async def test_diagnostics_are_pulled_when_the_client_pulls(workspace: Path) -> None:
    async with running(workspace, capabilities("neovim")) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        document = types.TextDocumentIdentifier(uri=uri)
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=document))
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        assert [d.code for d in report.items] == [DISCARDED.code]
        again = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=document, previous_result_id=report.result_id))
        assert isinstance(again, types.RelatedUnchangedDocumentDiagnosticReport)
        replace_text(client, uri, KEPT_AND_AWAITED, 2)
        changed = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=document, previous_result_id=report.result_id))
        assert isinstance(changed, types.RelatedFullDocumentDiagnosticReport)
        assert [d.code for d in changed.items] == [TRACKED.code]
        assert uri not in client.recorder.published  # a pulling client is never pushed to


async def test_the_capabilities_say_what_the_server_does(workspace: Path) -> None:
    async with running(workspace) as client:
        caps = client.initialize_result.capabilities
    assert isinstance(caps.diagnostic_provider, types.DiagnosticOptions)
    assert caps.diagnostic_provider.inter_file_dependencies is True
    assert isinstance(caps.code_action_provider, types.CodeActionOptions)
    assert list(caps.code_action_provider.code_action_kinds or []) == [
        "quickfix", "source.fixAll.taskleak"]
    assert caps.code_action_provider.resolve_provider is True
    assert caps.hover_provider
    assert isinstance(caps.text_document_sync, types.TextDocumentSyncOptions)
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert caps.text_document_sync.save


async def test_a_broken_buffer_gets_one_error_and_the_server_goes_on(workspace: Path) -> None:
    path = workspace / "pkg" / "leaky.py"
    broken = path.read_text(encoding="utf-8").replace("async def main() -> None:",
                                                      "async def main( -> None:")
    async with running(workspace) as client:
        uri = open_document(client, path, broken)
        [error] = await diagnostics_for(client, uri, 1)
        assert error.severity == types.DiagnosticSeverity.Error
        assert error.code is None and "syntax error" in error.message
        # where Python's parser stops: the `->` after the unclosed parenthesis
        assert error.range.start == types.Position(line=7, character=16)
        replace_text(client, uri, path.read_text(encoding="utf-8"), 2)
        [back] = await diagnostics_for(client, uri, 2)
        assert back.code == DISCARDED.code


async def test_closing_a_document_clears_its_diagnostics(workspace: Path) -> None:
    async with running(workspace) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        assert await diagnostics_for(client, uri, 1)
        client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        await wait_until(lambda: client.recorder.published[uri][-1].diagnostics == [],
                         "cleared diagnostics")



async def test_incremental_changes_count_lines_as_the_client_does(workspace: Path) -> None:
    # a form feed (a page break) is no line break for the protocol, only for str.splitlines
    text = "import asyncio\n\x0c\n\nasync def work() -> None:\n    pass\n\n\n" \
           "async def main() -> None:\n    asyncio.create_task(work())\n"
    async with running(workspace) as client:
        uri = open_document(client, workspace / "pkg" / "paged.py", text)
        [before] = await diagnostics_for(client, uri, 1)
        assert before.range.start.line == 8
        change_range(client, uri, 2, 8, 24, 28, "other")  # work() -> other() on line 8
        [after] = await diagnostics_for(client, uri, 2)
    assert "task other() is discarded" in after.message
    assert after.range.start.line == 8
