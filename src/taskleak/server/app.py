"""The protocol handlers of `taskleak server`, and `serve()` (stdio).

Each handler does its part and leaves the analysis to the worker (`state`, `engine`). A handler
that fails logs the error (`window/logMessage`, with the traceback) and answers as if there were
nothing to say: one document's trouble never takes the server down.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

from lsprotocol import types

from taskleak.server.actions import (
    FIX_ALL,
    QUICK_FIX,
    Pending,
    Request,
    code_actions,
    fix_all_edit,
    quick_fix_edit,
)
from taskleak.server.client import ClientFeatures
from taskleak.server.diagnostics import SOURCE
from taskleak.server.hover import noqa_hover
from taskleak.server.state import TaskleakServer, is_config_file, uri_path
from taskleak.server.text import Lines
from taskleak.server.workspace import install

F = TypeVar("F", bound=Callable[..., Awaitable[Any]])
WATCHERS_ID = "taskleak-watched-files"
WATCHED = ("**/pyproject.toml", "**/*.py", "**/*.pyi")


def guarded(default: Any) -> Callable[[F], F]:
    """Log a handler's exception (with its traceback) and answer `default` instead."""
    def wrap(handler: F) -> F:
        @functools.wraps(handler)
        async def run(ls: TaskleakServer, params: Any) -> Any:
            try:
                return await handler(ls, params)
            except Exception as exc:
                ls.internal_error(f"in {handler.__name__}", exc)
                return default
        return cast(F, run)
    return wrap


def create_server() -> TaskleakServer:
    server = TaskleakServer()
    _lifecycle(server)
    _documents(server)
    _diagnostics(server)
    _actions(server)
    _workspace(server)
    return server


def _lifecycle(server: TaskleakServer) -> None:
    @server.feature(types.INITIALIZE)
    @guarded(None)
    async def initialize(ls: TaskleakServer, params: types.InitializeParams) -> None:
        install(ls.protocol)
        ls.features = ClientFeatures.of(params.capabilities)
        ls.take_settings(params.initialization_options)

    @server.feature(types.INITIALIZED)
    @guarded(None)
    async def initialized(ls: TaskleakServer, params: types.InitializedParams) -> None:
        mode = "pulled by the client" if ls.features.pull else "pushed"
        ls.log(f"taskleak server {ls.version}: diagnostics are {mode}")
        if ls.features.watch:
            try:
                await _watch_files(ls)
            except Exception as exc:  # then config changes are seen at the next check only
                ls.log(f"taskleak: could not watch files: {exc}", types.MessageType.Warning)
        if await ls.pull_settings():
            ls.settings_changed()

    @server.feature(types.SHUTDOWN)
    @guarded(None)
    async def shutdown(ls: TaskleakServer, params: None) -> None:
        ls.debouncer.cancel_all()
        ls.worker.shutdown()


async def _watch_files(ls: TaskleakServer) -> None:
    watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
    options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
    await ls.client_register_capability_async(types.RegistrationParams(registrations=[
        types.Registration(id=WATCHERS_ID, method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                           register_options=options)]))


def _documents(server: TaskleakServer) -> None:
    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    @guarded(None)
    async def did_open(ls: TaskleakServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, debounced=False)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    @guarded(None)
    async def did_change(ls: TaskleakServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, debounced=True)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    @guarded(None)
    async def did_save(ls: TaskleakServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        path = uri_path(uri)
        if path is not None and is_config_file(str(path)):
            ls.settings_changed()
            return
        ls.schedule(uri, debounced=False)
        folder = ls.folder_of(uri)
        ls.refresh([u for u in ls.open_uris(folder[0] if folder else None) if u != uri])

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    @guarded(None)
    async def did_close(ls: TaskleakServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.closed(params.text_document.uri)


def _diagnostics(server: TaskleakServer) -> None:
    options = types.DiagnosticOptions(identifier=SOURCE, inter_file_dependencies=True,
                                      workspace_diagnostics=False)

    @server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, options)
    @guarded(types.RelatedFullDocumentDiagnosticReport(items=[]))
    async def diagnostic(ls: TaskleakServer, params: types.DocumentDiagnosticParams
                         ) -> types.DocumentDiagnosticReport:
        checked = await ls.check(params.text_document.uri)
        if checked is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        if params.previous_result_id == checked.result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=checked.result_id)
        return types.RelatedFullDocumentDiagnosticReport(items=checked.diagnostics,
                                                         result_id=checked.result_id)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    @guarded(None)
    async def hover(ls: TaskleakServer, params: types.HoverParams) -> types.Hover | None:
        snapshot = ls.snapshot(params.text_document.uri)
        if snapshot is None:
            return None
        lines = Lines(snapshot.text, ls.workspace.position_codec)
        found = noqa_hover(lines.plain, params.position.line, lines.character(params.position))
        if found is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=found.markdown),
            range=lines.span(found.line, found.start, found.line, found.end))


def _actions(server: TaskleakServer) -> None:
    options = types.CodeActionOptions(code_action_kinds=[QUICK_FIX, FIX_ALL],
                                      resolve_provider=True)

    def request(ls: TaskleakServer, uri: str, context: types.CodeActionContext | None) -> Request:
        folder = ls.folder_of(uri)
        automatic = context is not None and \
            context.trigger_kind == types.CodeActionTriggerKind.Automatic
        return Request(diagnostics=context.diagnostics if context else [],
                       only=context.only if context else None,
                       resolve=ls.features.resolve_edit, versioned=ls.features.versioned,
                       folder=folder[1] if folder else None, automatic=automatic)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, options)
    @guarded(None)
    async def code_action(ls: TaskleakServer, params: types.CodeActionParams
                          ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        checked = await ls.check(uri, advised=True)
        if checked is None:
            return None
        asked = request(ls, uri, params.context)
        codec = ls.workspace.position_codec
        return await ls.worker.run(
            lambda: code_actions(checked, asked, Lines(checked.snapshot.text, codec))) or None

    @server.feature(types.CODE_ACTION_RESOLVE)
    @guarded(None)
    async def resolve(ls: TaskleakServer, action: types.CodeAction) -> types.CodeAction:
        pending = Pending.from_data(action.data)
        checked = await ls.check(pending.uri, advised=True) if pending is not None else None
        if pending is None or checked is None:
            return action
        asked = request(ls, pending.uri, None)
        lines = Lines(checked.snapshot.text, ls.workspace.position_codec)
        if pending.kind == FIX_ALL:
            edit = await ls.worker.run(lambda: fix_all_edit(checked, asked, lines))
        else:
            edit, why = await ls.worker.run(lambda: quick_fix_edit(checked, pending, asked, lines))
            if why is not None:
                ls.show_error(f"{action.title}: not applied: {why}")
        action.edit = edit or types.WorkspaceEdit(changes={})
        return action


def _workspace(server: TaskleakServer) -> None:
    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    @guarded(None)
    async def did_change_configuration(ls: TaskleakServer,
                                       params: types.DidChangeConfigurationParams) -> None:
        ls.take_settings(params.settings)
        await ls.pull_settings()
        ls.settings_changed()

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    @guarded(None)
    async def did_change_folders(ls: TaskleakServer,
                                 params: types.DidChangeWorkspaceFoldersParams) -> None:
        await ls.pull_settings()
        ls.settings_changed()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded(None)
    async def did_change_watched_files(ls: TaskleakServer,
                                       params: types.DidChangeWatchedFilesParams) -> None:
        changed = [event.uri for event in params.changes]
        if any(is_config_file(uri) for uri in changed):
            ls.settings_changed()
            return
        folders = {f[0] if (f := ls.folder_of(uri)) else None for uri in changed}
        open_now = set(ls.open_uris())
        dependents = {u for folder in folders for u in ls.open_uris(folder)}
        # a changed file that is open is the editor's buffer: the disk does not change it
        ls.refresh(sorted(dependents - (open_now & set(changed))))


def serve() -> None:
    """Run the server on stdin/stdout until the client says `exit`."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING,
                        format="taskleak server: %(levelname)s %(name)s: %(message)s")
    create_server().start_io()
