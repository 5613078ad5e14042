"""A real LSP client for the server tests: pytest-lsp's, started on `taskleak server` over stdio,
recording every `publishDiagnostics` with its version, and small helpers to drive it.

No timed assertions: `wait_until` polls for a condition and gives up only after a generous bound
(a server that never answers fails the test, a slow machine does not).
"""

from __future__ import annotations

import asyncio
import shutil
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

BOUND = 120.0  # seconds: only a hung server ever reaches it


def server_command() -> list[str]:
    """`taskleak server`, as docs/editors.md tells editors to run it."""
    beside = Path(sys.executable).with_name("taskleak")
    found = str(beside) if beside.is_file() else shutil.which("taskleak")
    return [found, "server"] if found else [sys.executable, "-m", "taskleak", "server"]


@dataclass
class Published:
    version: int | None
    diagnostics: list[types.Diagnostic]


@dataclass
class Recorder:
    published: dict[str, list[Published]] = field(default_factory=dict)
    registrations: list[types.Registration] = field(default_factory=list)


class Client(LanguageClient):
    recorder: Recorder
    initialize_result: types.InitializeResult


def _make_client() -> Client:
    client = Client(converter_factory=default_converter)
    client.recorder = Recorder()

    def publish(ls: Client, params: types.PublishDiagnosticsParams) -> None:
        ls.diagnostics[params.uri] = params.diagnostics
        ls.recorder.published.setdefault(params.uri, []).append(
            Published(params.version, list(params.diagnostics)))

    def register(ls: Client, params: types.RegistrationParams) -> None:
        ls.recorder.registrations += params.registrations

    features = {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
                types.CLIENT_REGISTER_CAPABILITY: register}
    register_lsp_features(client, features)
    return client


def capabilities(name: str | None) -> types.ClientCapabilities:
    """A real editor's capabilities (pytest-lsp's recordings: "neovim", "emacs",
    "visual-studio-code"), or a plain push client's (None)."""
    if name is not None:
        return client_capabilities(name)
    return types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                related_information=True),
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(
                        value_set=["quickfix", "source"])))),
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True)))


@asynccontextmanager
async def running(root: Path, caps: types.ClientCapabilities | None = None,
                  init_options: Any = None,
                  configuration: dict[str, Any] | None = None,
                  command: list[str] | None = None) -> AsyncIterator[Client]:
    """`taskleak server` (or `command`) started, initialized on the workspace folder `root`,
    shut down after."""
    config = ClientServerConfig(server_command=command or server_command(),
                                client_factory=_make_client)
    client = await config.start()
    assert isinstance(client, Client)
    if configuration is not None:
        for scope, value in configuration.items():
            client.set_configuration(value, section="taskleak", scope_uri=scope)
    folder = types.WorkspaceFolder(uri=root.as_uri(), name=root.name)
    client.initialize_result = await client.initialize_session(types.InitializeParams(
        capabilities=caps if caps is not None else capabilities(None),
        root_uri=root.as_uri(), workspace_folders=[folder],
        initialization_options=init_options))
    try:
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


async def wait_until(condition: Callable[[], Any], what: str) -> Any:
    """Poll `condition` until it is true-ish (its value is returned)."""
    loop = asyncio.get_running_loop()
    give_up = loop.time() + BOUND
    while True:
        value = condition()
        if value:
            return value
        if loop.time() > give_up:
            raise AssertionError(f"gave up waiting for {what}")
        await asyncio.sleep(0.02)


async def diagnostics_for(client: Client, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics pushed for this version of the document."""
    def found() -> list[Published]:
        return [p for p in client.recorder.published.get(uri, []) if p.version == version]

    return (await wait_until(found, f"diagnostics of {uri} v{version}"))[-1].diagnostics


def open_document(client: Client, path: Path, text: str | None = None, version: int = 1) -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(
            uri=uri, language_id="python", version=version,
            text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


def change_range(client: Client, uri: str, version: int, line: int, start: int, end: int,
                 text: str) -> None:
    """An incremental change: characters `start`..`end` of `line` become `text`."""
    where = types.Range(start=types.Position(line=line, character=start),
                        end=types.Position(line=line, character=end))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(range=where, text=text)]))


def server_rss(client: Client) -> int | None:
    """The server process's resident memory in bytes (Linux), None elsewhere."""
    process = client._server
    if process is None:
        return None
    try:
        status = Path(f"/proc/{process.pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return None


def replace_text(client: Client, uri: str, text: str, version: int) -> None:
    """A full-text change (what some editors send; the server syncs incrementally too)."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def _offset(lines: list[str], position: types.Position) -> int:
    """Offset of a UTF-16 position in the text made of `lines` (with their breaks)."""
    before = sum(len(line) for line in lines[:position.line])
    if position.line >= len(lines):
        return before
    units = 0
    for index, char in enumerate(lines[position.line]):
        if units >= position.character:
            return before + index
        units += 2 if ord(char) > 0xFFFF else 1
    return before + len(lines[position.line])


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """The text after the client applies `edits` (UTF-16 positions), as an editor does."""
    lines = text.splitlines(keepends=True)
    spans = sorted(((_offset(lines, e.range.start), _offset(lines, e.range.end), e.new_text)
                    for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    """The text edits a code action makes to `uri` (`changes` or `documentChanges`)."""
    edit = action.edit
    assert edit is not None, action
    if edit.document_changes:
        out: list[types.TextEdit] = []
        for change in edit.document_changes:
            assert isinstance(change, types.TextDocumentEdit)
            assert change.text_document.uri == uri
            out += [e for e in change.edits if isinstance(e, types.TextEdit)]
        return out
    assert edit.changes is not None
    return list(edit.changes[uri])
