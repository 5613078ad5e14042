"""Which folder gives a run its context: the project the named paths belong to.

A file's findings may depend on other modules (a task kept here and ended there, a helper
called from there), so, as mypy and pyright do, a run analyses every file of the project and
reports only the paths it was given: `taskleak check pkg/heat.py` (a pre-commit hook naming one
staged file) reports the rows `taskleak check .` reports for that file. The per-file cache
keeps that cheap after the first run.

The project is the first of:
1. the folder of the configuration in use (`[tool.taskleak]` in a pyproject.toml, or the
   `--config` file's), when the named paths are inside it;
2. the repository root: the nearest folder above the named paths that holds `.git`;
3. the folder holding the outermost package of the named paths (folders with `__init__.py`),
   as in an unpacked wheel or sdist.
None (no project: the named paths alone, as with `--no-project-context`) for loose scripts
outside any repository: their folder (`/tmp`, a home folder) is no project to walk.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from pathlib import Path

from taskleak.files.discovery import git_root
from taskleak.files.packages import outermost_package
from taskleak.files.paths import common_folder
from taskleak.settings import Settings


class ContextKind(Enum):
    """Which of the module docstring's rules chose the project folder."""

    CONFIGURATION = "the configuration's folder"
    REPOSITORY = "the repository's top folder, which holds .git"
    PACKAGE = "the folder above the outermost package"


def context_root(paths: Sequence[Path], settings: Settings) -> Path | None:
    """The project folder whose files give `paths` their context (see the module docstring)."""
    found = project_context(paths, settings)
    return found[0] if found is not None else None


def project_context(paths: Sequence[Path], settings: Settings
                    ) -> tuple[Path, ContextKind] | None:
    """The project folder of `paths` and the rule that chose it; None without one."""
    start = common_folder(paths)
    configured = settings.project_root
    if configured is not None and _is_within(start, configured):
        return configured, ContextKind.CONFIGURATION
    repository = git_root(start)
    if repository is not None:
        return repository, ContextKind.REPOSITORY
    package = _package_root(start)
    return (package, ContextKind.PACKAGE) if package is not None else None


def _is_within(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()  # the configuration's folder is resolved
    return path == folder or folder in path.parents


def _package_root(folder: Path) -> Path | None:
    """The folder above the outermost package holding `folder` (the nearest folder with an
    `__init__.py` at or above it, then up while the parent has one too), None when no folder
    above it is a package."""
    for candidate in (folder, *folder.parents):  # a folder of namespace parts still counts
        top = outermost_package(candidate)
        if top is not None:
            return top.parent
    return None
