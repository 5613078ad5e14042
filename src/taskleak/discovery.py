"""Which files a run looks at: `.py`/`.pyi` below the given paths, minus excludes and .gitignore."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pathspec

from taskleak.settings import Settings

SUFFIXES = (".py", ".pyi")


class _Ignores:
    """The .gitignore files that apply to a folder, deepest last."""

    def __init__(self) -> None:
        self._cache: dict[Path, pathspec.GitIgnoreSpec | None] = {}

    def spec(self, folder: Path) -> pathspec.GitIgnoreSpec | None:
        if folder not in self._cache:
            spec = None
            gi = folder / ".gitignore"
            try:
                if gi.is_file():
                    lines = gi.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = pathspec.GitIgnoreSpec.from_lines(lines)
            except OSError:
                spec = None
            self._cache[folder] = spec
        return self._cache[folder]

    def ignored(self, path: Path, is_dir: bool, top: Path) -> bool:
        """Whether git would ignore `path`, looking at .gitignore files from `top` down."""
        folder = path.parent
        chain: list[Path] = []
        while True:
            chain.append(folder)
            if folder == top or folder.parent == folder:
                break
            folder = folder.parent
        for folder in chain:  # deepest first: the nearest .gitignore that matches decides
            spec = self.spec(folder)
            if spec is None:
                continue
            rel = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
            result = spec.check_file(rel)
            if result.include is not None:
                return bool(result.include)
        return False


def git_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _exclude_spec(settings: Settings) -> pathspec.GitIgnoreSpec:
    return pathspec.GitIgnoreSpec.from_lines([*settings.exclude, *settings.extend_exclude])


def discover(paths: Sequence[Path], settings: Settings) -> Iterator[Path]:
    """Yield files to check, each once, in a stable order. Paths must exist."""
    excludes = _exclude_spec(settings)
    ignores = _Ignores()
    seen: set[Path] = set()
    for given in paths:
        given = given.absolute()
        if given.is_file():
            if given not in seen:  # a file named on the command line is always checked
                seen.add(given)
                yield given
            continue
        root = settings.project_root or Path.cwd()
        top = git_root(given) or given
        for dirpath, dirnames, filenames in os.walk(given):
            folder = Path(dirpath)
            keep = []
            for d in sorted(dirnames):
                sub = folder / d
                if _excluded(sub, True, excludes, root, given) or (sub / "pyvenv.cfg").exists():
                    continue
                if settings.respect_gitignore and ignores.ignored(sub, True, top):
                    continue
                keep.append(d)
            dirnames[:] = keep
            for name in sorted(filenames):
                if not name.endswith(SUFFIXES):
                    continue
                f = folder / name
                if f in seen or _excluded(f, False, excludes, root, given):
                    continue
                if settings.respect_gitignore and ignores.ignored(f, False, top):
                    continue
                seen.add(f)
                yield f


def _excluded(path: Path, is_dir: bool, spec: pathspec.GitIgnoreSpec, root: Path,
              given: Path) -> bool:
    for base in (root, given):
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if spec.match_file(rel + ("/" if is_dir else "")):
            return True
    return False


def display_path(path: Path) -> str:
    """The path as reports show it: relative to the current directory, '/'-separated."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()
