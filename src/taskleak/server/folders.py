"""The settings of each file: its nearest configuration, and its workspace folder's editor
settings on top, cached per folder and re-read when a configuration file changes.

`check` finds configuration from the checked paths (`config.find_config`: the nearest
`pyproject.toml` with a `[tool.taskleak]` table); here the path is the buffer's file. A cached
entry remembers the `pyproject.toml` files above its folder (path, size, mtime): it is used only
while they are unchanged, so an edit, a new file or a removed one is seen on the next check even
when the client does not report file changes (when it does, `invalidate` makes it immediate).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from taskleak.api import UsageError, buffer_settings
from taskleak.config import PYPROJECT
from taskleak.server.editor_settings import EditorSettings
from taskleak.settings import Settings

Stamp = tuple[tuple[str, int, int], ...]  # (path, size, mtime_ns) of each pyproject.toml above


@dataclass(frozen=True)
class Resolved:
    """A file's settings, or the configuration error that stops it being checked."""

    settings: Settings | None
    error: str | None = None
    editor_error: str | None = None  # the editor's overrides were bad and left out


def _stamp(folder: Path) -> Stamp:
    found = []
    for parent in (folder, *folder.parents):
        candidate = os.path.join(parent, PYPROJECT)
        try:
            st = os.stat(candidate)
        except OSError:
            continue
        found.append((candidate, st.st_size, st.st_mtime_ns))
    return tuple(found)


@dataclass
class FolderSettings:
    """Settings per (folder, editor settings), checked against the configuration files."""

    _cache: dict[tuple[Path, EditorSettings], tuple[Stamp, Resolved]] = field(
        default_factory=dict)

    def resolve(self, path: Path, editor: EditorSettings) -> Resolved:
        folder = path.parent
        stamp = _stamp(folder)
        key = (folder, editor)
        cached = self._cache.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        resolved = _resolve(path, editor)
        self._cache[key] = (stamp, resolved)
        return resolved

    def invalidate(self) -> None:
        self._cache.clear()

    def config_files(self) -> Iterable[str]:
        """The configuration files the cached settings came from."""
        return {str(r.settings.config_file) for _, r in self._cache.values()
                if r.settings is not None and r.settings.config_file is not None}


def _resolve(path: Path, editor: EditorSettings) -> Resolved:
    try:
        return Resolved(buffer_settings(path, editor.overrides()))
    except UsageError as exc:
        first = str(exc)
    try:  # is it the editor's overrides? then check with the file's settings alone
        return Resolved(buffer_settings(path), editor_error=f"editor settings: {first}")
    except UsageError as exc:
        return Resolved(None, error=str(exc))


def is_config_file(path: str) -> bool:
    return os.path.basename(path) == PYPROJECT
