"""What runs on the analysis worker, off the event loop: check a snapshot, fix a checked one.

Only the worker thread calls these (see `schedule.Worker`): libcst and the parser's speed
switches are process-wide (`analysis.parse`), so the analysis runs on one thread at a time, and
the per-folder settings cache is only touched from there.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

from pygls.workspace.position_codec import PositionCodec

from taskleak.api import BufferFix, check_buffer, fix_buffer
from taskleak.server.diagnostics import to_diagnostics
from taskleak.server.documents import Checked, Snapshot
from taskleak.server.editor_settings import EditorSettings
from taskleak.server.folders import FolderSettings
from taskleak.server.text import Lines

UNTITLED = "untitled.py"


@dataclass(frozen=True)
class View:
    """What the client understands of diagnostics."""

    codec: PositionCodec
    related: bool  # relatedInformation


@dataclass
class Outcome:
    checked: Checked
    errors: list[str] = field(default_factory=list)  # for the user (a configuration error)
    logs: list[str] = field(default_factory=list)  # for the log (an internal error of ours)


def file_path(snapshot: Snapshot, folder: Path | None) -> Path:
    """The file the buffer is checked as: its own, or an untitled one in its folder."""
    if snapshot.path is not None:
        return snapshot.path
    return (folder or Path.cwd()) / UNTITLED


def check_snapshot(snapshot: Snapshot, editor: EditorSettings, folder: Path | None,
                   folders: FolderSettings, generation: int, view: View) -> Outcome:
    """Check one buffer with its file's settings and the editor's on top."""
    path = file_path(snapshot, folder)
    resolved = folders.resolve(path, editor)
    out = Outcome(Checked(snapshot, generation, resolved.settings, editor))
    if resolved.editor_error:
        out.errors.append(resolved.editor_error)
    if resolved.settings is None:
        out.errors.append(resolved.error or "no settings")
        return out
    result = check_buffer(snapshot.text, path, resolved.settings)
    lines = Lines(snapshot.text, view.codec)
    out.checked.findings = result.findings
    out.checked.diagnostics = to_diagnostics(result, lines, resolved.settings,
                                             editor.low_severity, snapshot.uri, view.related)
    out.logs += [f"{snapshot.uri}: {s.reason}" for s in result.skipped if s.internal]
    return out


def fix_checked(checked: Checked, targets: Collection[tuple[int, int, str]],
                unsafe: bool | None, folder: Path | None) -> BufferFix | None:
    """The checked buffer with `targets` fixed (cached for its version); None without
    settings (a configuration error)."""
    if checked.settings is None:
        return None
    key = (frozenset(targets), unsafe)
    cached = checked.fixes.get(key)
    if cached is not None:
        return cached
    snapshot = checked.snapshot
    fixed = fix_buffer(snapshot.text, checked.settings, targets, unsafe=unsafe,
                       path=file_path(snapshot, folder))
    checked.remember_fix(key, fixed)
    return fixed
