"""Which files a run looks at: `.py`/`.pyi` below the given paths, minus excludes and .gitignore.

The walk works on strings (no `Path` objects per file) and carries each folder's chain of
.gitignore files down to its subfolders, so a path is never re-split to find its parents. Most
paths match no exclude and no .gitignore pattern; `_Spec` answers that with one regular
expression instead of pathspec's loop over its patterns (the slow path decides the rest).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pathspec

from taskleak.settings import Settings

SUFFIXES = (".py", ".pyi")


class _Spec:
    """A gitignore-style spec with a quick "no pattern matches" test.

    `_any` is the union of the patterns' own regular expressions (pathspec's, its named groups
    made plain): when it does not match, no pattern does, and pathspec would say "no decision".
    When it matches, pathspec decides (negations, directory priority). If the union cannot be
    built (bytes patterns, flags, a pathspec that changed its internals) every path takes the
    slow path.
    """

    def __init__(self, spec: pathspec.GitIgnoreSpec) -> None:
        self.spec = spec
        self._any = _union(spec)

    def check(self, rel: str) -> bool | None:
        """True: ignored, False: re-included by a `!` pattern, None: no pattern matches."""
        if self._any is not None and self._any.search(rel) is None:
            return None
        return self.spec.check_file(rel).include


_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def _union(spec: pathspec.GitIgnoreSpec) -> re.Pattern[str] | None:
    parts: list[str] = []
    for pattern in spec.patterns:
        if getattr(pattern, "include", None) is None:
            continue  # a comment or a blank line
        regex = getattr(pattern, "regex", None)
        if not isinstance(regex, re.Pattern) or not isinstance(regex.pattern, str) \
                or regex.flags & ~re.UNICODE:
            return None
        parts.append(_NAMED_GROUP.sub("(?:", regex.pattern))
    if not parts:
        return re.compile(r"(?!)")  # matches nothing, like an empty spec
    try:
        return re.compile("|".join(f"(?:{p})" for p in parts))
    except re.error:
        return None


# (folder, spec) of the .gitignore files that apply to a folder, deepest first
_Chain = list[tuple[str, _Spec]]


class _Ignores:
    """.gitignore files, read once each; a folder's chain is carried down the walk."""

    def __init__(self) -> None:
        self._cache: dict[str, _Spec | None] = {}

    def spec(self, folder: str, present: bool | None = None) -> _Spec | None:
        """`folder`'s .gitignore; `present`: whether the walk's listing of `folder` has one."""
        if folder not in self._cache:
            spec = None
            gi = os.path.join(folder, ".gitignore")
            try:
                if present if present is not None else os.path.isfile(gi):
                    with open(gi, encoding="utf-8", errors="replace") as fh:
                        spec = _Spec(pathspec.GitIgnoreSpec.from_lines(fh.read().splitlines()))
            except OSError:
                spec = None
            self._cache[folder] = spec
        return self._cache[folder]

    def chain_for(self, folder: str, top: str) -> _Chain:
        """The chain of `folder` and its parents up to `top` (for the folder a walk starts in)."""
        chain: _Chain = []
        while True:
            spec = self.spec(folder)
            if spec is not None:
                chain.append((folder, spec))
            parent = os.path.dirname(folder)
            if folder == top or parent == folder:
                return chain
            folder = parent

    def child_chain(self, folder: str, parent_chain: _Chain, present: bool) -> _Chain:
        spec = self.spec(folder, present) if present else None
        return [(folder, spec), *parent_chain] if spec is not None else parent_chain


class _Skip:
    """Whether an entry of one folder is excluded or ignored by git, given its name ("/" after
    a folder's). Paths are matched relative to each exclude base (the project root, the checked
    folder) and to the folder of each .gitignore in the chain: the folder's part of those
    relative paths is worked out once here, not once per entry."""

    def __init__(self, folder: str, excludes: _Spec, bases: tuple[str, ...],
                 chain: _Chain) -> None:
        self.excludes = excludes
        self.exclude_prefixes = [p for b in bases if (p := _prefix(folder, b)) is not None]
        # deepest .gitignore first: the nearest one that matches decides
        self.chain = [(p, spec) for base, spec in chain if (p := _prefix(folder, base)) is not None]

    def __call__(self, name: str) -> bool:
        for prefix in self.exclude_prefixes:
            if self.excludes.check(prefix + name):
                return True
        for prefix, spec in self.chain:
            include = spec.check(prefix + name)
            if include is not None:
                return include
        return False


def _prefix(folder: str, base: str) -> str | None:
    """What goes before a name in `folder` to make it relative to `base` ('/'-separated, "" in
    `base` itself); None when `folder` is not in `base`."""
    if folder == base:
        return ""
    rel = _relative(folder, base)
    return None if rel is None else rel + "/"


def git_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def _exclude_spec(settings: Settings) -> _Spec:
    return _Spec(pathspec.GitIgnoreSpec.from_lines([*settings.exclude, *settings.extend_exclude]))


def discover(paths: Sequence[Path], settings: Settings) -> Iterator[Path]:
    """Yield files to check, each once, in a stable order. Paths must exist."""
    return (Path(f) for f in discover_names(paths, settings))


def discover_names(paths: Sequence[Path], settings: Settings) -> Iterator[str]:
    """`discover`, as absolute path strings (what the runner works with)."""
    excludes = _exclude_spec(settings)
    ignores = _Ignores()
    gitignore = settings.respect_gitignore
    seen: set[str] = set()
    for given_path in paths:
        given_path = given_path.absolute()
        if given_path.is_file():
            if str(given_path) not in seen:  # a file named on the command line is always checked
                seen.add(str(given_path))
                yield str(given_path)
            continue
        given = str(given_path)
        root = str(settings.project_root or Path.cwd())
        top = str(git_root(given_path) or given_path)
        # Depth first, a folder's files before its subfolders, as os.walk(topdown=True) goes.
        # Each folder is listed once, and its listing says whether it holds a virtualenv or a
        # .gitignore: neither costs a stat of its own. Items: (folder, its parent's chain).
        todo: list[tuple[str, _Chain | None]] = [(given, None)]
        while todo:
            dirpath, parent_chain = todo.pop()
            listing = _list_folder(dirpath)
            if listing is None:
                continue
            dirnames, filenames, markers = listing
            if parent_chain is None:  # the folder named on the command line
                chain = ignores.chain_for(given, top) if gitignore else []
            elif "pyvenv.cfg" in markers:
                continue  # a virtualenv: not the project's code
            elif gitignore:
                chain = ignores.child_chain(dirpath, parent_chain, ".gitignore" in markers)
            else:
                chain = []
            skip = _Skip(dirpath, excludes, (root, given) if root != given else (root,), chain)
            keep = [os.path.join(dirpath, d) for d in sorted(dirnames) if not skip(d + "/")]
            for name in sorted(filenames):
                f = os.path.join(dirpath, name)
                if f in seen or skip(name):
                    continue
                seen.add(f)
                yield f
            todo.extend((sub, chain) for sub in reversed(keep))


_MARKERS = frozenset({"pyvenv.cfg", ".gitignore"})


def _list_folder(folder: str) -> tuple[list[str], list[str], set[str]] | None:
    """(subfolders to walk into, .py/.pyi files, markers present) of a folder; None when it
    cannot be listed. Like os.walk: symlinked folders are not walked into, an entry whose type
    cannot be read is a file, and a listing that fails halfway counts as no listing."""
    try:
        with os.scandir(folder) as entries:
            listed = list(entries)
    except OSError:
        return None
    dirnames: list[str] = []
    filenames: list[str] = []
    markers: set[str] = set()
    for entry in listed:
        name = entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not entry.is_symlink():
                dirnames.append(name)
        elif name.endswith(SUFFIXES):
            filenames.append(name)
        if name in _MARKERS and _marker_present(entry):
            markers.add(name)
    return dirnames, filenames, markers


def _marker_present(entry: os.DirEntry[str]) -> bool:
    """pyvenv.cfg counts when it exists at all (os.path.exists), .gitignore when it is a file."""
    try:
        if entry.name == ".gitignore":
            return entry.is_file()
        return not entry.is_symlink() or os.path.exists(entry.path)
    except OSError:
        return False


def _relative(path: str, base: str) -> str | None:
    """`path` below `base`, '/'-separated (None when it is not below it)."""
    prefix = base if base.endswith(os.sep) else base + os.sep
    if not path.startswith(prefix):
        return None
    rel = path[len(prefix):]
    return rel if os.sep == "/" else rel.replace(os.sep, "/")


def display_path(path: Path | str) -> str:
    """The path as reports show it: relative to the current directory, '/'-separated."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()
    return rel if os.sep == "/" else Path(rel).as_posix()
