"""Configuration end to end: the nearest pyproject.toml per file, reloaded when it changes, and
the editor's settings on top (initialization options, workspace/configuration per folder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CONFIG, LEAKY
from lsp_client import (
    Client,
    capabilities,
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
assert DISCARDED
IGNORING = CONFIG + f'ignore = ["{DISCARDED.code}"]\n'


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in diagnostics]


async def next_publish(client: Client, uri: str, seen: int) -> list[types.Diagnostic]:
    """The diagnostics of the first push after the `seen` ones."""
    published = await wait_until(
        lambda: len(client.recorder.published.get(uri, [])) > seen and
        client.recorder.published[uri], f"a new push for {uri}")
    return published[seen].diagnostics


def file_changed(client: Client, path: Path) -> None:
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
        types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed)]))


async def test_a_changed_pyproject_is_reloaded_and_documents_rechecked(workspace: Path) -> None:
    async with running(workspace) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        assert codes(await diagnostics_for(client, uri, 1)) == [DISCARDED.code]
        [watch] = await wait_until(lambda: client.recorder.registrations, "registration")
        assert watch.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        (workspace / "pyproject.toml").write_text(IGNORING, encoding="utf-8")
        seen = len(client.recorder.published[uri])
        file_changed(client, workspace / "pyproject.toml")
        assert await next_publish(client, uri, seen) == []


async def test_a_changed_pyproject_counts_without_a_notification(workspace: Path) -> None:
    async with running(workspace, capabilities("emacs")) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        assert codes(await diagnostics_for(client, uri, 1)) == [DISCARDED.code]
        (workspace / "pyproject.toml").write_text(IGNORING, encoding="utf-8")
        replace_text(client, uri, LEAKY + "\n", 2)
        assert await diagnostics_for(client, uri, 2) == []


async def test_each_file_gets_its_nearest_configuration(workspace: Path) -> None:
    sub = workspace / "sub"
    sub.mkdir()
    (sub / "pyproject.toml").write_text(IGNORING, encoding="utf-8")
    (sub / "leaky.py").write_text(LEAKY, encoding="utf-8")
    async with running(workspace) as client:
        top = open_document(client, workspace / "pkg" / "leaky.py")
        inner = open_document(client, sub / "leaky.py")
        assert codes(await diagnostics_for(client, top, 1)) == [DISCARDED.code]
        assert await diagnostics_for(client, inner, 1) == []


async def test_workspace_configuration_overrides_per_folder(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
        (folder / "leaky.py").write_text(LEAKY, encoding="utf-8")
    settings = {two.as_uri(): {"ignore": [DISCARDED.code]}}
    async with running(one, capabilities("emacs"), configuration=settings) as client:
        client.workspace_did_change_workspace_folders(types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(
                added=[types.WorkspaceFolder(uri=two.as_uri(), name="two")], removed=[])))
        first = open_document(client, one / "leaky.py")
        assert codes(await diagnostics_for(client, first, 1)) == [DISCARDED.code]
        second = open_document(client, two / "leaky.py")
        # (pushed once or twice: the folder's settings may arrive after the first check)
        await wait_until(lambda: (client.recorder.published.get(second) or [None])[-1] and
                         client.recorder.published[second][-1].diagnostics == [],
                         "two's folder settings applied")
        # the editor's settings change: the client says so, the server asks again
        client.set_configuration({"select": ["TL2"]}, section="taskleak", scope_uri="")
        seen = len(client.recorder.published[first])
        client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings=None))
        assert await next_publish(client, first, seen) == []


async def test_a_bad_configuration_is_shown_and_the_server_goes_on(workspace: Path) -> None:
    bad = workspace / "pyproject.toml"
    bad.write_text(CONFIG + 'select = ["XX9"]\n', encoding="utf-8")
    async with running(workspace) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        assert await diagnostics_for(client, uri, 1) == []
        [shown] = await wait_until(lambda: client.messages, "a message")
        assert shown.type == types.MessageType.Error and "XX9" in shown.message
        bad.write_text(CONFIG, encoding="utf-8")
        seen = len(client.recorder.published[uri])
        file_changed(client, bad)
        assert codes(await next_publish(client, uri, seen)) == [DISCARDED.code]


async def test_bad_editor_settings_are_shown_and_left_out(workspace: Path) -> None:
    settings = {"settings": {"select": ["NOPE1"], "lowSeverity": 3, "colour": "red"}}
    async with running(workspace, init_options=settings) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        assert codes(await diagnostics_for(client, uri, 1)) == [DISCARDED.code]
        shown = await wait_until(lambda: len(client.messages) >= 3 and client.messages,
                                 "three messages")
    text = "\n".join(m.message for m in shown)
    assert "NOPE1" in text and "'lowSeverity'" in text and "'colour'" in text


async def test_a_pulling_client_is_asked_to_pull_again(workspace: Path) -> None:
    caps = capabilities("neovim")
    assert caps.workspace is not None
    caps.workspace.diagnostics = types.DiagnosticWorkspaceClientCapabilities(
        refresh_support=True)
    async with running(workspace, caps) as client:
        uri = open_document(client, workspace / "pkg" / "leaky.py")
        document = types.TextDocumentIdentifier(uri=uri)
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=document))
        assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
        (workspace / "pyproject.toml").write_text(IGNORING, encoding="utf-8")
        file_changed(client, workspace / "pyproject.toml")
        await wait_until(lambda: client.diagnostic_refresh_count, "a refresh request")
        again = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=document, previous_result_id=report.result_id))
    assert isinstance(again, types.RelatedFullDocumentDiagnosticReport)
    assert list(again.items) == []


async def test_open_documents_are_checked_again_when_a_file_of_their_folder_changes(
        workspace: Path) -> None:
    other = workspace / "pkg" / "other.py"
    other.write_text(LEAKY, encoding="utf-8")
    async with running(workspace) as client:
        saved = open_document(client, workspace / "pkg" / "leaky.py")
        dependent = open_document(client, other)
        await diagnostics_for(client, saved, 1)
        await diagnostics_for(client, dependent, 1)
        seen = len(client.recorder.published[dependent])
        client.text_document_did_save(types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=saved)))
        assert codes(await next_publish(client, dependent, seen)) == [DISCARDED.code]
        seen = len(client.recorder.published[dependent])
        on_disk = workspace / "pkg" / "helpers.py"  # not open: changed by another tool
        on_disk.write_text("X = 1\n", encoding="utf-8")
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[
            types.FileEvent(uri=on_disk.as_uri(), type=types.FileChangeType.Created)]))
        assert codes(await next_publish(client, dependent, seen)) == [DISCARDED.code]
