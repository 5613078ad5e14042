"""The server object: open documents, settings per folder, the analysis worker, and how results
reach the client (pushed, or kept for the client's pull).

Diagnostics are pushed (`textDocument/publishDiagnostics`, debounced on change) unless the client
pulls them (`textDocument/diagnostic`), as ruff's server does: never both, or an editor shows
every finding twice. When something other documents may depend on changes (a saved file, a file
changed on disk, the settings), every open document of that workspace folder is checked again:
pushed again, or the client is asked to pull again (`workspace/diagnostic/refresh`). Today a
finding depends on its own file and its configuration only; project-wide ownership will make
other files count, and this is where they already do.
"""

from __future__ import annotations

import os
import traceback
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from taskleak import __version__
from taskleak.config import PYPROJECT
from taskleak.server.client import ClientFeatures
from taskleak.server.documents import Checked, Documents, Snapshot
from taskleak.server.editor_settings import EditorSettings, parse_settings, settings_in
from taskleak.server.engine import BufferCheck, View, check_snapshot
from taskleak.server.schedule import Debouncer, Worker

NAME = "taskleak"
MAX_SHOWN = 64  # distinct error messages shown to the user (then only logged)


def is_config_file(path_or_uri: str) -> bool:
    """A `pyproject.toml` (which may hold the `[tool.taskleak]` of files below it)."""
    return path_or_uri.rsplit("/", 1)[-1].rsplit(os.sep, 1)[-1] == PYPROJECT


def uri_path(uri: str) -> Path | None:
    """The file of a `file:` URI, None for other schemes (an untitled buffer)."""
    if not uri.startswith("file:"):
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


class TaskleakServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(NAME, __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.documents = Documents()
        self.worker = Worker()
        self.debouncer = Debouncer(self.check_and_publish)
        self.features = ClientFeatures()
        self.editor = EditorSettings()  # from the initialize request and didChangeConfiguration
        self.editor_by_folder: dict[str, EditorSettings] = {}  # folder URI -> pulled settings
        self._shown: set[str] = set()

    # -- where a document belongs ---------------------------------------------------------------
    def folder_of(self, uri: str) -> tuple[str, Path] | None:
        """The innermost workspace folder holding the document: (its URI, its path)."""
        path = uri_path(uri)
        best: tuple[str, Path] | None = None
        for folder_uri in self.folder_uris():
            folder = uri_path(folder_uri)
            if folder is None or (path is not None and not path.is_relative_to(folder)):
                continue
            if path is None and best is not None:
                continue  # an untitled buffer: the first folder
            if best is None or len(folder.parts) > len(best[1].parts):
                best = (folder_uri, folder)
        return best

    def folder_uris(self) -> list[str]:
        """The workspace folders' URIs, as the client wrote them."""
        return [folder.uri for folder in self.workspace.folders.values()]

    def editor_for(self, uri: str) -> EditorSettings:
        folder = self.folder_of(uri)
        return self.editor_by_folder.get(folder[0], self.editor) if folder else self.editor

    def open_uris(self, folder: str | None = None) -> list[str]:
        """The open documents (of one workspace folder)."""
        uris = list(self.workspace.text_documents)
        if folder is None:
            return uris
        return [u for u in uris if (f := self.folder_of(u)) is not None and f[0] == folder]

    def snapshot(self, uri: str) -> Snapshot | None:
        """The document's text now: the editor's buffer when open, else the file on disk."""
        doc = self.workspace.get_text_document(uri)
        try:
            text = doc.source
        except (OSError, UnicodeDecodeError):
            return None
        return Snapshot(uri, uri_path(uri), text, doc.version)

    # -- checking -------------------------------------------------------------------------------
    def view(self) -> View:
        return View(self.workspace.position_codec, self.features.related)

    async def check(self, uri: str, *, advised: bool = False) -> Checked | None:
        """The document's current check: the one made for its text now, or a new one;
        `advised`: with the findings' fix advice (for code actions; diagnostics need none)."""
        snapshot = self.snapshot(uri)
        if snapshot is None:
            return None
        current = self.documents.current(snapshot)
        if current is not None and (current.advised or not advised):
            return current
        editor = self.editor_for(uri)
        folder = self.folder_of(uri)
        view, generation = self.view(), self.documents.generation
        outcome = await self.worker.run(lambda: self._check_on_worker(
            snapshot, editor, folder[1] if folder else None, view, generation, advised))
        for error in outcome.errors:
            self.show_error(error)
        for line in outcome.logs:
            self.log(line, types.MessageType.Error)
        return outcome.checked

    def _check_on_worker(self, snapshot: Snapshot, editor: EditorSettings, folder: Path | None,
                         view: View, generation: int, advised: bool) -> BufferCheck:
        """On the worker, which alone stores checks: a check queued twice for one text (a code
        action's and the debounced one) is made once. `generation` is that of the settings the
        check was asked with: a check asked before a settings change is never current after it.
        A check with advice replaces one without (made from its kept tree: `engine`)."""
        current = self.documents.current(snapshot)
        if current is not None and (current.advised or not advised):
            return BufferCheck(current)
        outcome = check_snapshot(snapshot, editor, folder, generation, view, advised=advised)
        if snapshot.uri in self.workspace.text_documents:
            self.documents.store(outcome.checked)
        return outcome

    async def check_and_publish(self, uri: str) -> None:
        """Check the document and push its diagnostics (if it did not change meanwhile)."""
        try:
            checked = await self.check(uri)
        except Exception as exc:  # one document's failure must not stop the server
            self.internal_error(f"checking {uri}", exc)
            return
        now = self.workspace.text_documents.get(uri)
        if checked is None or now is None or now.version != checked.snapshot.version:
            return
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, diagnostics=checked.diagnostics, version=checked.snapshot.version))

    def schedule(self, uri: str, *, debounced: bool) -> None:
        """Check the document soon (after the debounce, for a change) and push the result."""
        if self.features.pull:
            return  # the client asks when it wants them
        delay = self.editor_for(uri).debounce_ms / 1000 if debounced else 0.0
        self.debouncer.schedule(uri, delay)

    def closed(self, uri: str) -> None:
        self.debouncer.cancel(uri)
        self.worker.submit(lambda: self.documents.drop(uri))
        if not self.features.pull:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def refresh(self, uris: list[str]) -> None:
        """Check these open documents again (something they may depend on changed)."""
        if self.features.pull:
            if self.features.refresh and uris:
                self.workspace_diagnostic_refresh(None)
            return
        for uri in uris:
            self.schedule(uri, debounced=False)

    def settings_changed(self) -> None:
        """Configuration or editor settings changed: every check is out of date."""
        self.documents.settings_changed()
        self.refresh(self.open_uris())

    # -- the editor's settings ------------------------------------------------------------------
    def take_settings(self, raw: Any) -> None:
        """Settings from `initializationOptions` or `didChangeConfiguration`."""
        found = settings_in(raw)
        if found is not None:
            parsed = parse_settings(found, self.editor)
            self.editor = parsed.settings
            for problem in parsed.problems:
                self.show_error(f"editor settings: {problem}")

    async def pull_settings(self) -> bool:
        """Ask the client for the `taskleak` section, globally and per workspace folder; True
        when that changed the settings."""
        if not self.features.configuration:
            return False
        before = (self.editor, dict(self.editor_by_folder))
        folders = self.folder_uris()
        items = [types.ConfigurationItem(section=NAME)] + [
            types.ConfigurationItem(scope_uri=uri, section=NAME) for uri in folders]
        answers = await self.workspace_configuration_async(types.ConfigurationParams(items))
        if not answers:
            return False
        base = parse_settings(answers[0], self.editor)
        self.editor = base.settings
        problems = list(base.problems)
        self.editor_by_folder.clear()
        for uri, answer in zip(folders, answers[1:], strict=False):
            if answer is None or answer == answers[0]:
                continue  # nothing of its own: the folder follows the global settings
            parsed = parse_settings(answer, self.editor)
            self.editor_by_folder[uri] = parsed.settings
            problems += parsed.problems
        for problem in dict.fromkeys(problems):
            self.show_error(f"editor settings: {problem}")
        return (self.editor, self.editor_by_folder) != before

    # -- telling the user -----------------------------------------------------------------------
    def log(self, message: str, kind: types.MessageType = types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def show_error(self, message: str) -> None:
        """Log an error; show it too, the first time (a bad configuration is seen at every
        check until it is fixed)."""
        message = f"{NAME}: {message}"
        self.log(message, types.MessageType.Error)
        if message not in self._shown and len(self._shown) < MAX_SHOWN:
            self._shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                             message=message))

    def internal_error(self, doing: str, exc: BaseException) -> None:
        """A bug of ours: logged with its traceback, and the server goes on."""
        trace = "".join(traceback.format_exception(exc))
        self.log(f"{NAME}: internal error {doing}: {exc!r}\n{trace}", types.MessageType.Error)
